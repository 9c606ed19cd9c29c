//! A status cell explained, for the cell's details: what the cell says and in whose words, the
//! cell through every embedded revision and what changed later, who secures what for each
//! diagram variant of its service, the tools that check the customer's part there, and the
//! sources with their dates. [`CellDetails::of`] gathers it from the state and the model; the
//! widget renders it.

use crate::dataset::{Cell, Program, Service, Status};
use crate::i18n::{Arg::Text, StringKey, Strings};
use crate::responsibility::{Layer, Model, Owner, Tool, Variant};
use crate::revisions;
use crate::state::AppState;

/// The cell in one embedded revision.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The revision's id (its date).
    pub revision: String,
    /// The cell there; `None` when that revision has no such row or column.
    pub cell: Option<Cell>,
    /// It reads otherwise than in the revision before.
    pub changed: bool,
    /// The revision the table shows.
    pub shown: bool,
}

/// Who secures which layers of one variant (top layer first, as a user scans the diagram).
#[derive(Clone, Debug, PartialEq)]
pub struct Duties<'m> {
    pub variant: &'m Variant,
    pub customer: Vec<&'m Layer>,
    pub shared: Vec<&'m Layer>,
    pub aws: Vec<&'m Layer>,
}

/// A tool that checks part of what the customer secures, and for which variants.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolUse<'m> {
    pub tool: &'m Tool,
    pub variants: Vec<&'m Variant>,
}

/// A source behind what the details say, with its date: the table's as-of date, or the day a
/// page of the model was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRef {
    pub title: String,
    pub url: String,
    pub date: String,
    /// `date` is when the page was read (the model, the tools), not the table's as-of date.
    pub read: bool,
}

/// Everything the details of one status cell show.
#[derive(Clone, Debug, PartialEq)]
pub struct CellDetails<'a> {
    pub program: &'a Program,
    pub service: &'a Service,
    pub cell: &'a Cell,
    /// The source's own words for the cell (`0`, `3PAO Assessment`), when known: the embedded
    /// tables write `1` and `0`; other data keeps only words other than those.
    pub words: Option<String>,
    /// The embedded revision shown; `None` for the page's own data.
    pub revision: Option<String>,
    /// The latest revision's reading, when it differs from the shown one.
    pub later: Option<(String, Cell)>,
    /// The cell in each embedded revision, oldest first (empty for the page's own data).
    pub history: Vec<Reading>,
    /// Whether the diagram has a variant for this service.
    pub covered: bool,
    pub duties: Vec<Duties<'a>>,
    pub tools: Vec<ToolUse<'a>>,
    pub sources: Vec<SourceRef>,
}

impl<'a> CellDetails<'a> {
    /// The details of the shown cell `program` × `service` (indices into the shown dataset).
    pub fn of(
        s: &'a AppState,
        model: &'a Model,
        program: usize,
        service: usize,
    ) -> Option<CellDetails<'a>> {
        let ds = &s.dataset;
        let p = ds.programs.get(program)?;
        let svc = ds.services.get(service)?;
        let cell = p.cells.get(service)?;
        let embedded = s.custom.is_none();
        let words = match (&cell.label, embedded, cell.status) {
            (Some(l), _, _) => Some(l.clone()),
            (None, true, Status::InScope) => Some("1".to_string()),
            (None, true, Status::NotInScope) => Some("0".to_string()),
            _ => None,
        };
        let history = if embedded {
            history(&p.id, &svc.id, &s.revision)
        } else {
            Vec::new()
        };
        let later = s
            .superseded
            .as_ref()
            .and_then(|sup| Some((sup.latest.clone(), sup.of(program, service)?.clone())));
        let variants = model.variants_for_service(&svc.id);
        let duties: Vec<Duties> = variants.iter().map(|v| duties(model, v)).collect();
        let tools = tools(model, &duties);
        let mut sources = vec![SourceRef {
            title: ds.source.title.clone(),
            url: ds.source.url.clone(),
            date: ds.as_of.clone(),
            read: false,
        }];
        if let Some((id, _)) = &later {
            if let Some(r) = revisions::find(id) {
                let src = &r.dataset.source;
                sources.push(SourceRef {
                    title: src.title.clone(),
                    url: src.url.clone(),
                    date: r.id.clone(),
                    read: false,
                });
            }
        }
        let mut push = |title: &str, url: &str, date: &str| {
            if !sources.iter().any(|x| x.url == url) {
                sources.push(SourceRef {
                    title: title.to_string(),
                    url: url.to_string(),
                    date: date.to_string(),
                    read: true,
                });
            }
        };
        for d in &duties {
            for band in d
                .variant
                .cells
                .iter()
                .filter(|b| b.owner != Owner::NotApplicable)
            {
                for id in std::iter::once(&band.source).chain(band.see_also.iter()) {
                    if let Some(src) = model.source(id) {
                        push(&src.title, &src.url, &src.as_of);
                    }
                }
            }
        }
        for u in &tools {
            let src = &u.tool.source;
            push(&src.title, &src.url, &src.as_of);
        }
        Some(CellDetails {
            program: p,
            service: svc,
            cell,
            words,
            revision: embedded.then(|| s.revision.clone()),
            later,
            history,
            covered: !duties.is_empty(),
            duties,
            tools,
            sources,
        })
    }

    /// The heading: "IRAP · Amazon EKS".
    pub fn heading(&self, t: &Strings) -> String {
        t.fmt(
            StringKey::detailsHeading,
            &[
                ("program", Text(&self.program.name)),
                ("service", Text(&self.service.name)),
            ],
        )
    }

    /// What the source writes in the cell: "The source writes “0”.", or that it is empty.
    pub fn words_text(&self, t: &Strings) -> String {
        match &self.words {
            Some(w) => t.fmt(StringKey::sourceWrites, &[("words", Text(w))]),
            None if self.cell.status == Status::Unknown => {
                t.get(StringKey::sourceEmpty).to_string()
            }
            None => String::new(),
        }
    }

    /// Layer names in the user's language, joined into one list.
    pub fn layer_list(t: &Strings, layers: &[&Layer]) -> String {
        layers
            .iter()
            .map(|l| crate::wording::layer_name(t, &l.id, &l.name))
            .collect::<Vec<_>>()
            .join(t.get(StringKey::joinList))
    }

    /// "The diagram covers Amazon ECS, … ; it has nothing on Payroll."
    pub fn not_covered(&self, t: &Strings) -> String {
        t.fmt(
            StringKey::notCovered,
            &[("service", Text(&self.service.name))],
        )
    }
}

/// The cell `program` × `service` (ids) through the embedded revisions.
fn history(program: &str, service: &str, shown: &str) -> Vec<Reading> {
    let mut before: Option<Option<Cell>> = None;
    revisions::all()
        .iter()
        .map(|r| {
            let ds = &r.dataset;
            let cell = ds
                .program_index(program)
                .zip(ds.service_index(service))
                .map(|(p, s)| ds.programs[p].cells[s].clone());
            let changed = before.as_ref().is_some_and(|b| *b != cell);
            before = Some(cell.clone());
            Reading {
                revision: r.id.clone(),
                cell,
                changed,
                shown: r.id == shown,
            }
        })
        .collect()
}

fn duties<'m>(model: &'m Model, v: &'m Variant) -> Duties<'m> {
    let mut d = Duties {
        variant: v,
        customer: Vec::new(),
        shared: Vec::new(),
        aws: Vec::new(),
    };
    for (layer, band) in model.layers.iter().zip(v.cells.iter()).rev() {
        match band.owner {
            Owner::Customer => d.customer.push(layer),
            Owner::Shared => d.shared.push(layer),
            Owner::Aws => d.aws.push(layer),
            Owner::NotApplicable => {}
        }
    }
    d
}

/// The tools that check a layer the customer owns or shares in one of the variants, each with
/// the variants where it does.
fn tools<'m>(model: &'m Model, duties: &[Duties<'m>]) -> Vec<ToolUse<'m>> {
    model
        .tools
        .iter()
        .filter_map(|tool| {
            let variants: Vec<&Variant> = duties
                .iter()
                .filter(|d| {
                    tool.variants.contains(&d.variant.id)
                        && d.customer
                            .iter()
                            .chain(&d.shared)
                            .any(|l| tool.layers.contains(&l.id))
                })
                .map(|d| d.variant)
                .collect();
            (!variants.is_empty()).then_some(ToolUse { tool, variants })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    fn seed() -> AppState {
        AppState::new(Dataset::embedded())
    }

    fn details_of<'a>(
        s: &'a AppState,
        m: &'a Model,
        program: &str,
        service: &str,
    ) -> CellDetails<'a> {
        let p = s.dataset.program_index(program).unwrap();
        let v = s.dataset.service_index(service).unwrap();
        CellDetails::of(s, m, p, v).unwrap()
    }

    #[test]
    fn irap_on_eks_says_zero_then_in_scope_from_2021() {
        let s = seed();
        let m = Model::embedded();
        let d = details_of(&s, &m, "irap", "eks");
        assert_eq!(d.heading(&Strings::english()), "IRAP · Amazon EKS");
        assert_eq!(d.cell.status, Status::NotInScope);
        assert_eq!(d.words.as_deref(), Some("0"));
        assert_eq!(
            d.later,
            Some(("2021-04-24".to_string(), Cell::of(Status::InScope)))
        );
        let dates: Vec<&str> = d.history.iter().map(|r| r.revision.as_str()).collect();
        assert_eq!(
            dates,
            [
                "2020-03-25",
                "2020-04-21",
                "2020-04-24",
                "2020-10-06",
                "2020-10-13",
                "2021-04-24"
            ]
        );
        let last = d.history.last().unwrap();
        assert_eq!(last.cell, Some(Cell::of(Status::InScope)));
        assert!(last.changed);
        assert!(d.history[1].shown && !d.history[1].changed);
        assert_eq!(d.revision.as_deref(), Some("2020-04-21"));
    }

    #[test]
    fn eks_duties_put_identity_and_network_on_the_customer_and_name_kube_bench() {
        let s = seed();
        let m = Model::embedded();
        let d = details_of(&s, &m, "irap", "eks");
        let ids: Vec<&str> = d.duties.iter().map(|x| &*x.variant.id).collect();
        assert_eq!(
            ids,
            ["eks-self-managed", "eks-managed-nodes", "eks-fargate"]
        );
        for duty in &d.duties {
            let mine: Vec<&str> = duty.customer.iter().map(|l| &*l.id).collect();
            assert!(
                mine.contains(&"iam") && mine.contains(&"network-config"),
                "{mine:?}"
            );
            assert!(duty.aws.iter().any(|l| l.id == "control-plane"));
        }
        // Top layer first.
        assert_eq!(d.duties[0].customer[0].id, "data");
        let kube = d.tools.iter().find(|u| u.tool.id == "kube-bench").unwrap();
        let where_: Vec<&str> = kube.variants.iter().map(|v| &*v.id).collect();
        assert_eq!(where_, ["eks-self-managed", "eks-managed-nodes"]);
        assert!(d.covered);
        // The table's source and date first, then the latest revision that reads otherwise,
        // then the model's pages with the day they were read.
        assert_eq!(d.sources[0].date, "2020-04-21");
        assert!(!d.sources[0].read);
        assert_eq!(d.sources[1].date, "2021-04-24");
        assert!(d
            .sources
            .iter()
            .skip(2)
            .all(|x| x.read && x.date.len() == 10));
        let urls: Vec<&str> = d.sources.iter().map(|x| x.url.as_str()).collect();
        let mut unique = urls.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), urls.len(), "each source once");
    }

    #[test]
    fn a_labelled_cell_keeps_the_source_words_and_an_empty_one_says_so() {
        let s = seed();
        let m = Model::embedded();
        let d = details_of(&s, &m, "fedramp-moderate", "eks");
        assert_eq!(d.words.as_deref(), Some("3PAO Assessment"));
        assert_eq!(
            d.words_text(&Strings::english()),
            "The source writes “3PAO Assessment”."
        );
        let mut s = seed();
        s.apply(crate::state::Action::SetRevision("2020-03-25".into()));
        let d = details_of(&s, &m, "fedramp", "ecs");
        assert_eq!(d.cell.status, Status::Unknown);
        assert_eq!(d.words, None);
        assert_eq!(
            d.words_text(&Strings::english()),
            "The source leaves this cell empty."
        );
    }

    #[test]
    fn a_service_the_diagram_does_not_know_has_no_duties_and_the_page_data_no_history() {
        let text = "Program,Payroll,Amazon ECS\nSOC II,yes,1\n";
        let ds = crate::dataset::from_csv(text, &Default::default()).unwrap();
        let ds = std::rc::Rc::new(ds);
        let mut s = AppState::new(ds.clone());
        s.set_custom(Some(ds));
        let m = Model::embedded();
        let d = details_of(&s, &m, "soc-2", "payroll");
        assert!(!d.covered && d.duties.is_empty() && d.tools.is_empty());
        assert!(d.history.is_empty() && d.revision.is_none() && d.later.is_none());
        assert_eq!(d.words, None, "yes is not kept as a label");
        assert!(d.not_covered(&Strings::english()).contains("Payroll"));
        let d = details_of(&s, &m, "soc-2", "ecs");
        assert!(d.covered);
        assert_eq!(d.duties.len(), 2, "ECS on EC2 and on Fargate");
    }
}
