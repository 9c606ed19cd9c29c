//! Which of our services a name in a table is: the four container services under every spelling
//! AWS has used for them (today's names, the abbreviations, the names from before a rename) and
//! with the notes in brackets that AWS's "Services in Scope" page adds ("[both Fargate and EC2
//! launch types]", "[feature of ECS]", "[feature of EKS]"); footnote marks aside. Every other
//! name is a service of its own. The table of names, with its sources, is in
//! `docs/data-format.md`.

use crate::text::id_for;

/// The ids of the services a table can name by a known name, in the seed's order.
pub(crate) const KNOWN_IDS: [&str; 4] = ["ecs", "eks", "fargate", "ecr"];

/// Known names → ids, lowercase with single spaces, without footnote marks or a bracketed note.
const NAMES: &[(&str, &[&str])] = &[
    (
        "ecs",
        &[
            "amazon ecs",
            "amazon ecs orchestrator",
            "ecs",
            "amazon elastic container service",
            "amazon elastic container service (ecs)",
            "amazon elastic container service (amazon ecs)",
            "elastic container service",
            // The name until late 2017, still the SDKs' full name of the API.
            "amazon ec2 container service",
            "amazon ec2 container service (ecs)",
        ],
    ),
    (
        "eks",
        &[
            "amazon eks",
            "amazon eks orchestrator",
            "eks",
            "amazon elastic kubernetes service",
            "amazon elastic kubernetes service (eks)",
            "amazon elastic kubernetes service (amazon eks)",
            "elastic kubernetes service",
            // The name at launch (2018), before the rename.
            "amazon elastic container service for kubernetes",
            "amazon elastic container service for kubernetes (eks)",
            "amazon elastic container service for kubernetes (amazon eks)",
        ],
    ),
    (
        "fargate",
        &[
            "ecs fargate",
            "aws fargate",
            "fargate",
            "amazon ecs on aws fargate",
        ],
    ),
    (
        "ecr",
        &[
            "amazon ecr",
            "ecr",
            "amazon elastic container registry",
            "amazon elastic container registry (ecr)",
            "amazon elastic container registry (amazon ecr)",
            "elastic container registry",
            // The name until late 2017, still the SDKs' full name of the API.
            "amazon ec2 container registry",
            "amazon ec2 container registry (ecr)",
        ],
    ),
];

/// What a known service name in a table stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KnownService {
    pub(crate) id: &'static str,
    /// The entry covers ECS on Fargate as well ("Amazon Elastic Container Service (ECS) [both
    /// Fargate and EC2 launch types]"): a table without a Fargate entry of its own gives the
    /// `fargate` column the same status.
    pub(crate) with_fargate: bool,
}

/// Characters a page puts after a name to point at a footnote.
fn is_footnote_mark(c: char) -> bool {
    matches!(
        c,
        '*' | '†' | '‡' | '§' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰'
    )
}

/// A name without the footnote marks and white space at its end (`NAMESPACES*` → `NAMESPACES`).
pub(crate) fn strip_footnote_marks(name: &str) -> &str {
    name.trim_end_matches(|c: char| is_footnote_mark(c) || c.is_whitespace())
        .trim_start()
}

/// The known service a name is, if it is one.
pub(crate) fn known_service(name: &str) -> Option<KnownService> {
    let clean = strip_footnote_marks(name).to_lowercase();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    // A note in brackets at the end, as AWS's page writes them.
    let (base, note) = match clean.strip_suffix(']').and_then(|s| s.rsplit_once('[')) {
        Some((base, note)) => (strip_footnote_marks(base), Some(note.trim())),
        None => (clean.as_str(), None),
    };
    let id = NAMES
        .iter()
        .find(|(_, names)| names.contains(&base))
        .map(|(id, _)| *id)?;
    let Some(note) = note else {
        return Some(KnownService {
            id,
            with_fargate: false,
        });
    };
    // Our `fargate` column is ECS on Fargate: Fargate as a feature of EKS is another service,
    // and so is anything else AWS lists as a feature of EKS.
    if note.contains("feature of eks") || (id == "fargate" && note.contains("eks")) {
        return None;
    }
    Some(KnownService {
        id,
        with_fargate: id == "ecs" && note.contains("fargate"),
    })
}

/// The service id a table header names: a known service's id, or [`id_for`] of the header.
/// (In a table, a header whose id an earlier header already has gets `-2`, `-3`, …: see
/// [`crate::text::Ids`].)
pub fn service_id_for(header: &str) -> String {
    known_service(header).map_or_else(|| id_for(header), |k| k.id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> Option<&'static str> {
        known_service(name).map(|k| k.id)
    }

    #[test]
    fn each_aws_name_form_maps_to_its_id() {
        for (name, want) in [
            ("Amazon Elastic Container Service (ECS)", "ecs"),
            ("Amazon Elastic Container Service (Amazon ECS)", "ecs"),
            ("Amazon EC2 Container Service", "ecs"),
            ("Amazon Elastic Kubernetes Service (EKS)", "eks"),
            ("Amazon Elastic Container Service for Kubernetes", "eks"),
            (
                "Amazon Elastic Container Service for Kubernetes (Amazon EKS)",
                "eks",
            ),
            ("Amazon Elastic Container Registry (ECR)", "ecr"),
            ("Amazon EC2 Container Registry", "ecr"),
            ("AWS Fargate [feature of ECS]", "fargate"),
            ("AWS Fargate", "fargate"),
            ("ECS Fargate", "fargate"),
            ("  amazon   ECS ", "ecs"),
        ] {
            assert_eq!(id(name), Some(want), "{name}");
        }
    }

    #[test]
    fn the_ecs_entry_for_both_launch_types_covers_fargate_too() {
        let k = known_service(
            "Amazon Elastic Container Service (ECS) [both Fargate and EC2 launch types]",
        )
        .unwrap();
        assert_eq!(k.id, "ecs");
        assert!(k.with_fargate);
        assert!(
            !known_service("Amazon Elastic Container Service (ECS)")
                .unwrap()
                .with_fargate
        );
        assert!(
            !known_service("AWS Fargate [feature of ECS]")
                .unwrap()
                .with_fargate
        );
    }

    #[test]
    fn features_of_eks_and_unknown_names_are_services_of_their_own() {
        assert_eq!(id("AWS Fargate [feature of EKS]"), None);
        assert_eq!(id("Amazon EKS Distro [feature of EKS]"), None);
        assert_eq!(id("Amazon ECS Anywhere [feature of ECS]"), None);
        assert_eq!(id("AWS Lambda"), None);
        assert_eq!(
            service_id_for("AWS Fargate [feature of EKS]"),
            id_for("AWS Fargate [feature of EKS]")
        );
    }

    #[test]
    fn footnote_marks_do_not_break_matching() {
        assert_eq!(id("Amazon Elastic Kubernetes Service (EKS)*"), Some("eks"));
        assert_eq!(id("Amazon ECR †"), Some("ecr"));
        assert_eq!(
            id("Amazon ECS** [both Fargate and EC2 launch types]*"),
            Some("ecs")
        );
        assert_eq!(strip_footnote_marks(" NAMESPACES* "), "NAMESPACES");
        assert_eq!(strip_footnote_marks("Amazon ECS¹"), "Amazon ECS");
    }
}
