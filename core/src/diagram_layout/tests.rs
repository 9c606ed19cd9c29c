//! Tests of the diagram layout.

use super::*;
use crate::responsibility::Model;

const EPS: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < EPS
}

fn embedded_owners() -> (Vec<Vec<Owner>>, usize) {
    let m = Model::embedded();
    (
        m.variants.iter().map(|v| v.owners()).collect(),
        m.layers.len(),
    )
}

fn layouts() -> Vec<DiagramLayout> {
    let (owners, layers) = embedded_owners();
    vec![
        DiagramLayout::for_owners(&owners, layers, Arrangement::Columns, false),
        DiagramLayout::for_owners(&owners, layers, Arrangement::Stacked, false),
        DiagramLayout::new(1, 3, Arrangement::Columns),
        DiagramLayout::new(2, 1, Arrangement::Stacked),
    ]
}

fn overlap(a: &BandRect, b: &BandRect) -> bool {
    let w = (a.x + a.width).min(b.x + b.width) - a.x.max(b.x);
    let h = a.bottom().min(b.bottom()) - a.y.max(b.y);
    w > EPS && h > EPS
}

#[test]
fn no_two_bands_overlap() {
    for l in layouts() {
        for (i, a) in l.bands.iter().enumerate() {
            for b in &l.bands[i + 1..] {
                assert!(!overlap(a, b), "{a:?} overlaps {b:?}");
            }
        }
    }
}

#[test]
fn every_layer_placed_once_per_variant() {
    let (owners, layers) = embedded_owners();
    for arrangement in [Arrangement::Columns, Arrangement::Stacked] {
        let l = DiagramLayout::for_owners(&owners, layers, arrangement, false);
        assert_eq!(l.columns.len(), 6);
        assert_eq!(l.bands.len(), 6 * 14);
        for v in 0..6 {
            for layer in 0..layers {
                let n = l
                    .bands
                    .iter()
                    .filter(|b| b.variant == v && b.layer == layer)
                    .count();
                assert_eq!(n, 1, "{arrangement:?} variant {v} layer {layer}");
            }
        }
    }
}

#[test]
fn bands_fill_the_column_without_gaps() {
    for l in layouts() {
        for c in &l.columns {
            let mut bands: Vec<&BandRect> =
                l.bands.iter().filter(|b| b.variant == c.variant).collect();
            bands.sort_by(|a, b| a.y.total_cmp(&b.y));
            assert!(close(bands[0].y, c.y));
            assert!(close(bands.last().unwrap().bottom(), c.y + c.height));
            for pair in bands.windows(2) {
                assert!(close(pair[0].bottom(), pair[1].y), "gap in {c:?}");
            }
            for b in bands {
                assert!(close(b.x, c.x) && close(b.width, c.width));
                assert!(b.height > 0.0);
            }
        }
    }
}

#[test]
fn facilities_is_at_the_bottom_and_data_at_the_top() {
    let l = DiagramLayout::new(6, 14, Arrangement::Columns);
    for v in 0..6 {
        let c = &l.columns[v];
        assert!(close(l.band(v, 0).unwrap().bottom(), c.y + c.height));
        assert!(close(l.band(v, 13).unwrap().y, c.y));
        for layer in 1..14 {
            assert!(l.band(v, layer).unwrap().y < l.band(v, layer - 1).unwrap().y);
        }
    }
}

#[test]
fn everything_fits_in_the_view_box_and_headers_sit_above_the_bands() {
    for l in layouts() {
        for b in &l.bands {
            assert!(b.x >= 0.0 && b.y >= 0.0);
            assert!(b.x + b.width <= l.width + EPS && b.bottom() <= l.height + EPS);
        }
        for c in &l.columns {
            assert!(c.header_y < c.y && c.header_y - HEADER_HEIGHT / 2.0 >= -EPS);
        }
        for lab in &l.labels {
            assert!(lab.x > 0.0 && lab.x < l.columns[0].x);
        }
        for &(x, y) in &l.line {
            assert!((0.0..=l.width).contains(&x) && (0.0..=l.height).contains(&y));
        }
    }
    let l = DiagramLayout::new(6, 14, Arrangement::Columns);
    assert_eq!(l.view_box(), "0 0 1000 456");
}

#[test]
fn columns_sit_side_by_side_in_variant_order() {
    let l = DiagramLayout::new(6, 14, Arrangement::Columns);
    assert!(l.columns[0].x >= PADDING + LABEL_WIDTH - EPS);
    for pair in l.columns.windows(2) {
        assert!(close(pair[0].y, pair[1].y));
        assert!(close(pair[0].x + pair[0].width + COLUMN_GAP, pair[1].x));
    }
    assert_eq!(l.labels.len(), 14);
    // A label is level with its band.
    let (_, y) = l.band(0, 3).unwrap().centre();
    assert!(close(l.labels[3].y, y));
}

#[test]
fn stacked_puts_one_variant_under_the_other_and_is_narrower() {
    let wide = DiagramLayout::new(6, 14, Arrangement::Columns);
    let l = DiagramLayout::new(6, 14, Arrangement::Stacked);
    assert!(l.width < wide.width / 2.0);
    for pair in l.columns.windows(2) {
        assert!(close(pair[0].x, pair[1].x));
        assert!(pair[0].y + pair[0].height < pair[1].header_y - HEADER_HEIGHT / 2.0 + EPS);
    }
    assert_eq!(l.labels.len(), 6 * 14);
    let last = l.columns.last().unwrap();
    assert!(close(last.y + last.height + PADDING, l.height));
}

#[test]
fn aws_side_ends_where_the_customer_first_has_work() {
    use Owner::*;
    assert_eq!(aws_boundary(&[Aws, Aws, Customer, Aws]), 2);
    assert_eq!(aws_boundary(&[Aws, NotApplicable, Shared]), 2);
    assert_eq!(aws_boundary(&[Customer]), 0);
    assert_eq!(aws_boundary(&[Aws, NotApplicable]), 2);
    assert_eq!(aws_boundary(&[]), 0);
    let (owners, _) = embedded_owners();
    let b: Vec<usize> = owners.iter().map(|o| aws_boundary(o)).collect();
    // ecs-ec2, ecs-fargate, eks-self-managed, eks-managed-nodes, eks-fargate, ecr
    assert_eq!(b, [3, 8, 3, 3, 8, 8]);
}

#[test]
fn line_steps_at_the_ecs_fargate_boundary() {
    let m = Model::embedded();
    let (owners, layers) = embedded_owners();
    let l = DiagramLayout::for_owners(&owners, layers, Arrangement::Columns, false);
    let fargate = m
        .variants
        .iter()
        .position(|v| v.id == "ecs-fargate")
        .unwrap();
    let ec2 = m.variants.iter().position(|v| v.id == "ecs-ec2").unwrap();
    let at = |id: &str| m.layer_index(id).unwrap();

    // ECS on Fargate: runtime and capacity below the line, the customer's layers above it
    // (registry storage does not apply and sits on AWS's side).
    let y = l.columns[fargate].boundary_y.unwrap();
    assert!(close(
        y,
        l.band(fargate, at("network-config")).unwrap().bottom()
    ));
    assert!(l.band(fargate, at("capacity")).unwrap().y > y);
    assert!(l.band(fargate, at("runtime")).unwrap().y > y);
    assert!(l.band(fargate, at("images")).unwrap().bottom() <= y + EPS);
    let c = &l.columns[fargate];
    assert!(l
        .line
        .windows(2)
        .any(|s| close(s[0].1, y) && close(s[1].1, y) && s[0].0 <= c.x && s[1].0 >= c.x + c.width));

    // ECS on EC2 before it: the line sits on top of virtualization, so it steps up at the gap.
    let y_ec2 = l.columns[ec2].boundary_y.unwrap();
    assert!(close(y_ec2, l.band(ec2, at("virtualization")).unwrap().y));
    let mid = l.columns[ec2].x + COLUMN_WIDTH + COLUMN_GAP / 2.0;
    let i = l
        .line
        .iter()
        .position(|&(x, yy)| close(x, mid) && close(yy, y_ec2))
        .unwrap();
    assert!(close(l.line[i + 1].0, mid) && close(l.line[i + 1].1, y));
}

#[test]
fn line_is_a_step_polyline_across_all_columns() {
    let (owners, layers) = embedded_owners();
    let l = DiagramLayout::for_owners(&owners, layers, Arrangement::Columns, false);
    let first = &l.columns[0];
    let last = l.columns.last().unwrap();
    assert_eq!(l.line[0], (first.x, first.boundary_y.unwrap()));
    assert_eq!(
        *l.line.last().unwrap(),
        (last.x + last.width, last.boundary_y.unwrap())
    );
    for s in l.line.windows(2) {
        assert!(s[1].0 >= s[0].0);
        assert!(
            close(s[0].0, s[1].0) || close(s[0].1, s[1].1),
            "diagonal {s:?}"
        );
    }
    // Three boundary changes (3→8, 8→3, 3→8), none between the last two (8, 8).
    assert_eq!(l.line.len(), 2 + 2 * 3);
}

#[test]
fn stacked_and_empty_layouts_have_no_polyline() {
    let (owners, layers) = embedded_owners();
    let s = DiagramLayout::for_owners(&owners, layers, Arrangement::Stacked, false);
    assert!(s.line.is_empty());
    assert!(s.columns.iter().all(|c| c.boundary_y.is_some()));
    let e = DiagramLayout::for_owners(&[], 14, Arrangement::Columns, false);
    assert!(e.columns.is_empty() && e.bands.is_empty() && e.line.is_empty());
    assert!(e.width > 0.0 && e.height > 0.0);
}

#[test]
fn all_customer_puts_the_line_at_the_bottom_and_all_aws_at_the_top() {
    use Owner::*;
    let l = DiagramLayout::for_owners(
        &[vec![Customer; 3], vec![Aws; 3]],
        3,
        Arrangement::Columns,
        false,
    );
    let (a, b) = (&l.columns[0], &l.columns[1]);
    assert!(close(a.boundary_y.unwrap(), a.y + a.height));
    assert!(close(b.boundary_y.unwrap(), b.y));
    assert_eq!(l.line.len(), 4);
}

#[test]
fn right_to_left_mirrors_the_columns_with_the_first_variant_at_the_right() {
    let (owners, layers) = embedded_owners();
    let ltr = DiagramLayout::for_owners(&owners, layers, Arrangement::Columns, false);
    let rtl = DiagramLayout::for_owners(&owners, layers, Arrangement::Columns, true);
    assert!(rtl.rtl && !ltr.rtl);
    assert_eq!((ltr.label_anchor(), rtl.label_anchor()), ("end", "start"));
    assert_eq!((rtl.width, rtl.height), (ltr.width, ltr.height));
    // The first variant's column ends where the label column begins, at the right.
    let first = &rtl.columns[0];
    assert!(close(
        first.x + first.width,
        rtl.width - PADDING - LABEL_WIDTH
    ));
    assert!(close(rtl.columns.last().unwrap().x, PADDING));
    // Variant order runs leftwards, one gap apart, in the same rows as left to right.
    for pair in rtl.columns.windows(2) {
        assert!(close(pair[1].x + pair[1].width + COLUMN_GAP, pair[0].x));
        assert!(close(pair[0].y, pair[1].y));
    }
    for (r, l) in rtl.columns.iter().zip(&ltr.columns) {
        assert_eq!(
            (r.variant, r.y, r.boundary_y),
            (l.variant, l.y, l.boundary_y)
        );
        assert!(close(r.x, ltr.width - l.x - l.width));
        assert!(close(r.header_x, r.centre_x()));
    }
    for (r, l) in rtl.bands.iter().zip(&ltr.bands) {
        assert_eq!((r.variant, r.layer, r.y), (l.variant, l.layer, l.y));
        assert!(close(r.x, ltr.width - l.x - l.width) && close(r.width, l.width));
    }
    // Labels sit right of every column, their anchored end facing the columns.
    for lab in &rtl.labels {
        assert!(close(lab.x, first.x + first.width + LABEL_GAP));
        assert!(lab.x < rtl.width - PADDING);
    }
    // The line is the same steps read from the right.
    assert_eq!(rtl.line.len(), ltr.line.len());
    assert_eq!(
        rtl.line[0],
        (first.x + first.width, first.boundary_y.unwrap())
    );
    for (r, l) in rtl.line.iter().zip(&ltr.line) {
        assert!(close(r.0, ltr.width - l.0) && close(r.1, l.1));
    }
    for s in rtl.line.windows(2) {
        assert!(s[1].0 <= s[0].0);
    }
    // Nothing overlaps, nothing leaves the view box.
    for (i, a) in rtl.bands.iter().enumerate() {
        assert!(a.x >= 0.0 && a.x + a.width <= rtl.width + EPS);
        for b in &rtl.bands[i + 1..] {
            assert!(!overlap(a, b));
        }
    }
}

#[test]
fn right_to_left_stacked_puts_the_labels_at_the_right() {
    let (owners, layers) = embedded_owners();
    let l = DiagramLayout::for_owners(&owners, layers, Arrangement::Stacked, true);
    for c in &l.columns {
        assert!(close(c.x, PADDING));
        assert!(close(c.header_x, l.width / 2.0));
    }
    for lab in &l.labels {
        assert!(close(lab.x, PADDING + STACKED_COLUMN_WIDTH + LABEL_GAP));
    }
    assert!(l.line.is_empty());
}

#[test]
fn points_are_formatted_compactly() {
    assert_eq!(number(8.0), "8");
    assert_eq!(number(140.5), "140.5");
    assert_eq!(number(1.0 / 3.0), "0.33");
    assert_eq!(number(-0.001), "0");
    assert_eq!(number(-12.5), "-12.5");
    assert_eq!(number(-0.05), "-0.05");
    assert_eq!(number(0.999), "1");
    assert_eq!(number(1234.567), "1234.57");
    assert_eq!(number(100.1), "100.1");
    assert_eq!(number(f64::NAN), "0");
    assert_eq!(number(f64::INFINITY), "0");
    // The same as `{:.2}` with its zeros trimmed, away from exact ties.
    for k in -2000..2000 {
        let v = k as f64 * 0.0137;
        if ((v * 1000.0).round() as i64).abs() % 10 == 5 {
            continue; // a tie in decimal, which the binary value may sit either side of
        }
        let s = format!("{v:.2}");
        let t = s.trim_end_matches('0').trim_end_matches('.');
        let t = if t == "-0" { "0" } else { t };
        assert_eq!(number(v), t, "{v}");
    }
    assert_eq!(
        points_attr(&[(8.0, 64.0), (136.25, 64.0)]),
        "8,64 136.25,64"
    );
    assert_eq!(points_attr(&[]), "");
}

#[test]
fn wrap_words_breaks_between_words() {
    assert_eq!(
        wrap_words("Amazon EKS, managed node groups", 18),
        ["Amazon EKS,", "managed node", "groups"]
    );
    assert_eq!(
        wrap_words("Amazon EKS, managed node groups", 20),
        ["Amazon EKS, managed", "node groups"]
    );
    assert_eq!(wrap_words("Amazon ECR", 18), ["Amazon ECR"]);
    assert_eq!(wrap_words("  ", 18), Vec::<String>::new());
    assert_eq!(
        wrap_words("Supercalifragilistic x", 5),
        ["Supercalifragilistic", "x"]
    );
}

#[test]
fn one_variant_on_a_phone_fits_the_width_a_320_px_screen_leaves() {
    let owners = vec![vec![Owner::Aws; 14]];
    let l = DiagramLayout::for_owners(&owners, 14, Arrangement::Narrow, false);
    assert!(l.width <= 286.0, "{}", l.width);
    assert_eq!(l.columns.len(), 1);
    assert_eq!(l.labels.len(), 14);
    // The labels end left of the column, the column fills the rest.
    assert!(l.labels.iter().all(|lab| lab.x < l.columns[0].x));
    let rtl = DiagramLayout::for_owners(&owners, 14, Arrangement::Narrow, true);
    assert!(rtl
        .labels
        .iter()
        .all(|lab| lab.x > rtl.columns[0].x + rtl.columns[0].width));
}
