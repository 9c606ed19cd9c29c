//! SVG geometry of the shared-responsibility diagram, in user units (the SVG scales with its
//! `viewBox`, so nothing here depends on the screen width).
//!
//! Columns arrangement: a label column on the left, then one column per variant with its header
//! on top; in each column the layers are stacked as bands, `facilities` at the bottom and `data`
//! at the top. The responsibility line steps across the columns at the height where, in each
//! variant, the customer's part begins.
//!
//! Stacked arrangement (narrow screens): the same column repeated one variant under the other,
//! each block with its own header and layer labels.
//!
//! Right to left (a page with `direction: rtl`): the same drawing mirrored, the label column on
//! the right and the first variant's column next to it, the columns running leftwards. Only
//! positions are mirrored, never the text. The SVG itself is always drawn left to right
//! (`direction: ltr` in style.css), so its English words keep their punctuation in place and
//! `text-anchor` is physical: [`DiagramLayout::label_anchor`] says which end of a label is at
//! its `x`.
//!
//! Pure: no yew, web-sys or wasm-bindgen here.

use crate::responsibility::Owner;

/// Space around the whole drawing.
pub const PADDING: f64 = 8.0;
/// Width of the layer-label column on the left.
pub const LABEL_WIDTH: f64 = 200.0;
/// Width of one variant column (columns arrangement).
pub const COLUMN_WIDTH: f64 = 124.0;
/// Width of the variant column in the stacked arrangement.
pub const STACKED_COLUMN_WIDTH: f64 = 160.0;
/// Horizontal space between two variant columns.
pub const COLUMN_GAP: f64 = 8.0;
/// Height of a column header (room for two lines of text).
pub const HEADER_HEIGHT: f64 = 48.0;
/// Height of one layer band.
pub const BAND_HEIGHT: f64 = 28.0;
/// Vertical space between two blocks of the stacked arrangement.
pub const STACK_GAP: f64 = 24.0;
/// Space between a label's right end and the first column.
pub const LABEL_GAP: f64 = 8.0;

/// How the variants are arranged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arrangement {
    /// Variants side by side as columns (wide screens).
    #[default]
    Columns,
    /// One variant under the other, each with its own labels (narrow screens).
    Stacked,
}

/// One variant's column: where its bands and its header go.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Index of the variant (position in the list the layout was made for).
    pub variant: usize,
    /// Left edge of the bands.
    pub x: f64,
    /// Top edge of the bands (the top of the topmost layer).
    pub y: f64,
    /// Width of the bands.
    pub width: f64,
    /// Height of all bands together.
    pub height: f64,
    /// Horizontal centre of the header text (use `text-anchor="middle"`).
    pub header_x: f64,
    /// Vertical centre of the header area (use `dominant-baseline="middle"`).
    pub header_y: f64,
    /// Room for the header text, for wrapping long variant names.
    pub header_width: f64,
    /// Height of the responsibility boundary in this column: AWS's side (or nothing to
    /// secure) below, the customer's part from here up. `None` until owners are given.
    pub boundary_y: Option<f64>,
}

impl Column {
    /// Horizontal centre of the bands.
    pub fn centre_x(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// The rectangle of one layer of one variant.
#[derive(Clone, Debug, PartialEq)]
pub struct BandRect {
    /// Index of the variant.
    pub variant: usize,
    /// Index of the layer, counting from the bottom (0 is `facilities`).
    pub layer: usize,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl BandRect {
    /// The centre of the rectangle, where its text goes.
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
}

/// Where one layer's name goes in the label column.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerLabel {
    /// Index of the layer, counting from the bottom.
    pub layer: usize,
    /// The end of the text that faces the columns: its right end left to right, its left end
    /// right to left (use `text-anchor` [`DiagramLayout::label_anchor`]).
    pub x: f64,
    /// Vertical centre of the band (use `dominant-baseline="middle"`).
    pub y: f64,
}

/// The whole diagram's geometry, in SVG user units.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramLayout {
    /// Width of the drawing (`viewBox` width).
    pub width: f64,
    /// Height of the drawing (`viewBox` height).
    pub height: f64,
    /// One column per variant, in variant order.
    pub columns: Vec<Column>,
    /// One rectangle per variant and layer, variant by variant, bottom layer first.
    pub bands: Vec<BandRect>,
    /// Layer names: once per layer in the columns arrangement, once per layer and block when
    /// stacked.
    pub labels: Vec<LayerLabel>,
    /// The responsibility line as polyline points (columns arrangement, once owners are given);
    /// empty when stacked, where each column's `boundary_y` is drawn across that column instead.
    pub line: Vec<(f64, f64)>,
    /// The arrangement this layout was made for.
    pub arrangement: Arrangement,
    /// Whether it is mirrored for a right-to-left page (first variant at the right).
    pub rtl: bool,
}

impl DiagramLayout {
    /// The geometry for `variants` columns of `layers` bands, without a responsibility line.
    pub fn new(variants: usize, layers: usize, arrangement: Arrangement) -> DiagramLayout {
        let stack = layers as f64 * BAND_HEIGHT;
        let columns: Vec<Column> = match arrangement {
            Arrangement::Columns => (0..variants)
                .map(|i| {
                    let x = PADDING + LABEL_WIDTH + i as f64 * (COLUMN_WIDTH + COLUMN_GAP);
                    Column {
                        variant: i,
                        x,
                        y: PADDING + HEADER_HEIGHT,
                        width: COLUMN_WIDTH,
                        height: stack,
                        header_x: x + COLUMN_WIDTH / 2.0,
                        header_y: PADDING + HEADER_HEIGHT / 2.0,
                        header_width: COLUMN_WIDTH,
                        boundary_y: None,
                    }
                })
                .collect(),
            Arrangement::Stacked => (0..variants)
                .map(|i| {
                    let top = PADDING + i as f64 * (HEADER_HEIGHT + stack + STACK_GAP);
                    let inner = LABEL_WIDTH + STACKED_COLUMN_WIDTH;
                    Column {
                        variant: i,
                        x: PADDING + LABEL_WIDTH,
                        y: top + HEADER_HEIGHT,
                        width: STACKED_COLUMN_WIDTH,
                        height: stack,
                        header_x: PADDING + inner / 2.0,
                        header_y: top + HEADER_HEIGHT / 2.0,
                        header_width: inner,
                        boundary_y: None,
                    }
                })
                .collect(),
        };

        let bands = columns
            .iter()
            .flat_map(|c| {
                (0..layers).map(move |layer| BandRect {
                    variant: c.variant,
                    layer,
                    x: c.x,
                    y: band_top(c, layers, layer),
                    width: c.width,
                    height: BAND_HEIGHT,
                })
            })
            .collect();

        let label = |c_top: f64, layer: usize| LayerLabel {
            layer,
            x: PADDING + LABEL_WIDTH - LABEL_GAP,
            y: c_top + (layers - 1 - layer) as f64 * BAND_HEIGHT + BAND_HEIGHT / 2.0,
        };
        let labels = match arrangement {
            Arrangement::Columns => (0..layers)
                .map(|l| label(PADDING + HEADER_HEIGHT, l))
                .collect(),
            Arrangement::Stacked => columns
                .iter()
                .flat_map(|c| (0..layers).map(move |l| label(c.y, l)))
                .collect(),
        };

        let (width, height) = match arrangement {
            Arrangement::Columns => {
                let cols =
                    variants as f64 * COLUMN_WIDTH + variants.saturating_sub(1) as f64 * COLUMN_GAP;
                (
                    2.0 * PADDING + LABEL_WIDTH + cols,
                    2.0 * PADDING + HEADER_HEIGHT + stack,
                )
            }
            Arrangement::Stacked => {
                let blocks = variants as f64 * (HEADER_HEIGHT + stack)
                    + variants.saturating_sub(1) as f64 * STACK_GAP;
                (
                    2.0 * PADDING + LABEL_WIDTH + STACKED_COLUMN_WIDTH,
                    2.0 * PADDING + blocks,
                )
            }
        };

        DiagramLayout {
            width,
            height,
            columns,
            bands,
            labels,
            line: Vec::new(),
            arrangement,
            rtl: false,
        }
    }

    /// The geometry for one column per owner list (owners bottom layer first), with each
    /// column's boundary and, in the columns arrangement, the responsibility line; mirrored
    /// (first variant at the right) when `rtl`.
    pub fn for_owners(
        owners: &[Vec<Owner>],
        layers: usize,
        arrangement: Arrangement,
        rtl: bool,
    ) -> DiagramLayout {
        let mut layout = DiagramLayout::new(owners.len(), layers, arrangement);
        for (c, o) in layout.columns.iter_mut().zip(owners) {
            c.boundary_y = Some(column_boundary(c, o, layers));
        }
        if arrangement == Arrangement::Columns {
            layout.line = responsibility_line(&layout, owners, layers);
        }
        if rtl {
            layout.mirror();
        }
        layout
    }

    /// Mirrors every position about the drawing's vertical centre line (heights stay): the
    /// right-to-left layout.
    fn mirror(&mut self) {
        let w = self.width;
        for c in &mut self.columns {
            c.x = w - c.x - c.width;
            c.header_x = w - c.header_x;
        }
        for b in &mut self.bands {
            b.x = w - b.x - b.width;
        }
        for l in &mut self.labels {
            l.x = w - l.x;
        }
        for p in &mut self.line {
            p.0 = w - p.0;
        }
        self.rtl = true;
    }

    /// The `text-anchor` of the layer labels, in an SVG drawn left to right: `end` when the
    /// labels are left of the columns, `start` when they are right of them (right to left).
    pub fn label_anchor(&self) -> &'static str {
        if self.rtl {
            "start"
        } else {
            "end"
        }
    }

    /// The `viewBox` attribute value: `0 0 width height`.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", number(self.width), number(self.height))
    }

    /// The rectangle of one layer of one variant.
    pub fn band(&self, variant: usize, layer: usize) -> Option<&BandRect> {
        self.bands
            .iter()
            .find(|b| b.variant == variant && b.layer == layer)
    }
}

fn band_top(c: &Column, layers: usize, layer: usize) -> f64 {
    c.y + (layers - 1 - layer) as f64 * BAND_HEIGHT
}

/// The y of a column's boundary; owners beyond `layers` are ignored.
fn column_boundary(c: &Column, owners: &[Owner], layers: usize) -> f64 {
    let boundary = aws_boundary(&owners[..owners.len().min(layers)]);
    c.y + (layers - boundary) as f64 * BAND_HEIGHT
}

/// How many layers, counted from the bottom, lie on AWS's side of the line: the longest run of
/// layers that AWS secures or that do not apply. The layer just above is the first one where the
/// customer has something to secure (customer or shared). A layer AWS owns higher up (such as the
/// control plane above customer-run hosts) stays a band of its own, above the line.
pub fn aws_boundary(owners: &[Owner]) -> usize {
    owners
        .iter()
        .position(|o| o.involves_customer())
        .unwrap_or(owners.len())
}

/// The responsibility line for a columns layout: a step polyline that runs across each column at
/// its boundary height and changes height halfway through the gap between two columns. Owner
/// lists are bottom layer first, one per column; extra lists or layers are ignored. Empty when
/// there is no column.
pub fn responsibility_line(
    layout: &DiagramLayout,
    owners: &[Vec<Owner>],
    layers: usize,
) -> Vec<(f64, f64)> {
    let ys: Vec<(f64, &Column)> = layout
        .columns
        .iter()
        .zip(owners)
        .map(|(c, o)| (column_boundary(c, o, layers), c))
        .collect();
    let Some(&(first_y, first)) = ys.first() else {
        return Vec::new();
    };
    let mut points = vec![(first.x, first_y)];
    for pair in ys.windows(2) {
        let (y0, c0) = pair[0];
        let (y1, c1) = pair[1];
        if (y0 - y1).abs() > f64::EPSILON {
            let mid = (c0.x + c0.width + c1.x) / 2.0;
            points.push((mid, y0));
            points.push((mid, y1));
        }
    }
    let &(last_y, last) = ys.last().expect("not empty");
    points.push((last.x + last.width, last_y));
    points
}

/// Formats a coordinate for an SVG attribute: at most two decimals (rounded half away from
/// zero), no trailing zeros, `0` for a value that is not finite. Integer arithmetic: the float
/// formatting machinery of `{:.2}` would cost the wasm about 15 kB.
pub fn number(v: f64) -> String {
    let h = (v * 100.0).round();
    if !h.is_finite() {
        return "0".to_string();
    }
    // Saturates far beyond any coordinate.
    let h = h as i64;
    let sign = if h < 0 { "-" } else { "" };
    let a = h.unsigned_abs();
    match (a / 100, a % 100) {
        (0, 0) => "0".to_string(),
        (int, 0) => format!("{sign}{int}"),
        (int, f) if f % 10 == 0 => format!("{sign}{int}.{}", f / 10),
        (int, f) => format!("{sign}{int}.{f:02}"),
    }
}

/// Splits a label into lines of at most `max` characters, breaking between words (a longer word
/// gets a line of its own); SVG text does not wrap by itself.
pub fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The `points` attribute of a `<polyline>`: `x,y x,y …`.
pub fn points_attr(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|&(x, y)| format!("{},{}", number(x), number(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
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
        assert!(l.line.windows(2).any(|s| close(s[0].1, y)
            && close(s[1].1, y)
            && s[0].0 <= c.x
            && s[1].0 >= c.x + c.width));

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
}
