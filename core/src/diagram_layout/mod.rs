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
/// Width of the label column on a phone (labels wrap to two lines there).
pub const NARROW_LABEL_WIDTH: f64 = 136.0;
/// Width of a variant column on a phone: with the labels and padding, one variant fits the
/// 286 px a 320 px screen leaves the drawing.
pub const NARROW_COLUMN_WIDTH: f64 = 112.0;
/// Characters per line of a wrapped layer label on a phone (12 px text in the narrow label
/// column).
pub const NARROW_LABEL_CHARS: usize = 20;
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
    /// Columns in a narrower label column and narrower variant columns: a phone's one variant
    /// at a time, its labels wrapped ([`NARROW_LABEL_CHARS`]).
    Narrow,
}

impl Arrangement {
    /// Widths of the label column and of one variant column when the variants are columns.
    fn widths(self) -> (f64, f64) {
        match self {
            Arrangement::Narrow => (NARROW_LABEL_WIDTH, NARROW_COLUMN_WIDTH),
            _ => (LABEL_WIDTH, COLUMN_WIDTH),
        }
    }
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
        let (label_width, column_width) = arrangement.widths();
        let columns: Vec<Column> = match arrangement {
            Arrangement::Columns | Arrangement::Narrow => (0..variants)
                .map(|i| {
                    let x = PADDING + label_width + i as f64 * (column_width + COLUMN_GAP);
                    Column {
                        variant: i,
                        x,
                        y: PADDING + HEADER_HEIGHT,
                        width: column_width,
                        height: stack,
                        header_x: x + column_width / 2.0,
                        header_y: PADDING + HEADER_HEIGHT / 2.0,
                        header_width: column_width,
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
            x: PADDING + label_width - LABEL_GAP,
            y: c_top + (layers - 1 - layer) as f64 * BAND_HEIGHT + BAND_HEIGHT / 2.0,
        };
        let labels = match arrangement {
            Arrangement::Columns | Arrangement::Narrow => (0..layers)
                .map(|l| label(PADDING + HEADER_HEIGHT, l))
                .collect(),
            Arrangement::Stacked => columns
                .iter()
                .flat_map(|c| (0..layers).map(move |l| label(c.y, l)))
                .collect(),
        };

        let (width, height) = match arrangement {
            Arrangement::Columns | Arrangement::Narrow => {
                let cols =
                    variants as f64 * column_width + variants.saturating_sub(1) as f64 * COLUMN_GAP;
                (
                    2.0 * PADDING + label_width + cols,
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
        if arrangement != Arrangement::Stacked {
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
mod tests;
