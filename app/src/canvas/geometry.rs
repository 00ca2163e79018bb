//! Sizes of canvas nodes and where their ports sit. Pure functions, shared by nodes, edges,
//! domain frames and fit-to-view so they always agree.

use dpstudio_model::{node_key, CanvasNode, DataProduct, Note, NodeKind, Point, Workspace};

pub const PRODUCT_WIDTH: f64 = 260.0;
pub const PRODUCT_HEADER: f64 = 58.0;
pub const PORT_ROW: f64 = 24.0;
pub const SMALL_WIDTH: f64 = 190.0;
pub const SMALL_HEIGHT: f64 = 56.0;
/// Where a node sits when the layout has no position for it yet.
const UNPLACED: Point = Point { x: 40.0, y: 40.0 };

pub fn product_height(product: &DataProduct) -> f64 {
    let rows = product.input_ports.len().max(product.output_ports.len()).max(1) as f64;
    PRODUCT_HEADER + rows * PORT_ROW + 10.0
}

/// The y offset, inside a product node, of the port on `row`.
pub fn port_row_y(row: usize) -> f64 {
    PRODUCT_HEADER + row as f64 * PORT_ROW + PORT_ROW / 2.0
}

pub fn position(workspace: &Workspace, kind: NodeKind, id: &String) -> Point {
    if let Some(p) = workspace.layout.nodes.get(&node_key(kind, id)) {
        return *p;
    }
    match kind {
        // Imported contracts without a place line up left of the origin instead of piling up.
        NodeKind::Contract => {
            let index = workspace.unbound_contracts().position(|c| &c.id == id).unwrap_or(0);
            Point { x: UNPLACED.x - SMALL_WIDTH - 80.0, y: UNPLACED.y + index as f64 * (SMALL_HEIGHT + 20.0) }
        }
        _ => UNPLACED,
    }
}

/// An axis-aligned rectangle in canvas coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn union(self, other: Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        let right = (self.x + self.width).max(other.x + other.width);
        let bottom = (self.y + self.height).max(other.y + other.height);
        Rect { x, y, width: right - x, height: bottom - y }
    }

    /// Whether the two rectangles overlap (touching edges count).
    pub fn intersects(self, other: Rect) -> bool {
        self.x <= other.x + other.width
            && other.x <= self.x + self.width
            && self.y <= other.y + other.height
            && other.y <= self.y + self.height
    }

    /// Whether the two rectangles overlap by more than an edge: a node may sit right beside
    /// another.
    fn overlaps(self, other: Rect) -> bool {
        self.x < other.x + other.width && other.x < self.x + self.width && self.y < other.y + other.height && other.y < self.y + self.height
    }

    pub fn grow(self, by: f64) -> Rect {
        Rect { x: self.x - by, y: self.y - by, width: self.width + 2.0 * by, height: self.height + 2.0 * by }
    }
}

pub fn product_rect(workspace: &Workspace, product: &DataProduct) -> Rect {
    let p = position(workspace, NodeKind::Product, &product.id);
    Rect { x: p.x, y: p.y, width: PRODUCT_WIDTH, height: product_height(product) }
}

pub fn small_rect(workspace: &Workspace, kind: NodeKind, id: &String) -> Rect {
    let p = position(workspace, kind, id);
    Rect { x: p.x, y: p.y, width: SMALL_WIDTH, height: SMALL_HEIGHT }
}

/// Every node with its rectangle, in drawing order (sources, products, use cases, contracts no
/// port publishes): what fit-to-view, free places and box selection all measure.
fn placed_nodes(workspace: &Workspace) -> impl Iterator<Item = (NodeKind, &String, Rect)> + '_ {
    let context = &workspace.context;
    let small = move |kind, id| (kind, id, small_rect(workspace, kind, id));
    let systems = context.source_systems.iter().map(move |s| small(NodeKind::System, &s.id));
    let products = workspace.products.iter().map(move |p| (NodeKind::Product, &p.id, product_rect(workspace, p)));
    let use_cases = context.use_cases.iter().map(move |u| small(NodeKind::UseCase, &u.id));
    let contracts = workspace.unbound_contracts().map(move |c| small(NodeKind::Contract, &c.id));
    systems.chain(products).chain(use_cases).chain(contracts)
}

fn node_rects(workspace: &Workspace) -> impl Iterator<Item = Rect> + '_ {
    placed_nodes(workspace).map(|(_, _, rect)| rect)
}

/// The bounds of every node and sticky note, or `None` for an empty workspace: what
/// fit-to-view, the minimap and the picture frame.
pub fn content_bounds(workspace: &Workspace) -> Option<Rect> {
    node_rects(workspace).chain(workspace.layout.notes.iter().map(note_rect)).reduce(Rect::union)
}

pub const NOTE_WIDTH: f64 = 200.0;
pub const NOTE_PADDING: f64 = 14.0;
pub const NOTE_LINE: f64 = 20.0;
/// Characters of the note's 15 px type that fit on one line of its width.
const NOTE_CHARS: usize = 21;
const NOTE_MIN_LINES: usize = 3;
/// Lines a note shows; longer text ends in an ellipsis (the inspector shows all of it).
const NOTE_MAX_LINES: usize = 14;

/// A note's text broken into the lines its card shows: at spaces where a word fits, inside a
/// word only when the word alone is wider than the card. SVG text does not wrap by itself.
pub fn note_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut width = 0;
        for word in paragraph.split_whitespace() {
            let mut chars: Vec<char> = word.chars().collect();
            if width > 0 && width + 1 + chars.len() > NOTE_CHARS {
                lines.push(std::mem::take(&mut line));
                width = 0;
            }
            // Here the line is empty (the word did not fit after what it held).
            while chars.len() > NOTE_CHARS {
                let rest = chars.split_off(NOTE_CHARS);
                lines.push(chars.into_iter().collect());
                chars = rest;
            }
            if width > 0 {
                line.push(' ');
                width += 1;
            }
            width += chars.len();
            line.extend(chars);
        }
        lines.push(line);
    }
    if lines.len() > NOTE_MAX_LINES {
        lines.truncate(NOTE_MAX_LINES);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(NOTE_CHARS - 1).collect();
            *last = format!("{kept}…");
        }
    }
    lines
}

/// The height of a note card showing `lines` lines.
pub fn note_height(lines: usize) -> f64 {
    2.0 * NOTE_PADDING + lines.max(NOTE_MIN_LINES) as f64 * NOTE_LINE
}

pub fn note_rect(note: &Note) -> Rect {
    let p = note.position;
    Rect { x: p.x, y: p.y, width: NOTE_WIDTH, height: note_height(note_lines(&note.text).len()) }
}

/// Where a new node `width` × `height` goes: at `wanted` if that is free, else at the nearest
/// free place on a grid around it, so new nodes and notes never hide under existing ones (or
/// under a sticky note).
pub fn free_spot(workspace: &Workspace, wanted: Point, width: f64, height: f64) -> Point {
    const GAP: f64 = 24.0;
    const REACH: i32 = 8;
    let notes = workspace.layout.notes.iter().map(note_rect);
    let taken: Vec<Rect> = node_rects(workspace).chain(notes).map(|r| r.grow(GAP)).collect();
    let (step_x, step_y) = (width + 2.0 * GAP, height + 2.0 * GAP);
    let mut offsets: Vec<(f64, f64)> =
        (-REACH..=REACH).flat_map(|i| (-REACH..=REACH).map(move |j| (f64::from(i) * step_x, f64::from(j) * step_y))).collect();
    offsets.sort_by(|a, b| (a.0.hypot(a.1)).total_cmp(&b.0.hypot(b.1)));
    offsets
        .into_iter()
        .map(|(dx, dy)| Point { x: wanted.x + dx, y: wanted.y + dy })
        .find(|p| !taken.iter().any(|t| t.overlaps(Rect { x: p.x, y: p.y, width, height })))
        .unwrap_or(wanted)
}

/// Every node whose box `area` touches, in drawing order: what a box selection selects.
pub fn nodes_in(workspace: &Workspace, area: Rect) -> Vec<CanvasNode> {
    placed_nodes(workspace).filter(|(_, _, rect)| rect.intersects(area)).map(|(kind, id, _)| CanvasNode::new(kind, id.clone())).collect()
}

/// Space between a domain's nodes and its frame, and above the frame for its name.
pub const FRAME_PADDING: f64 = 26.0;
pub const FRAME_LABEL: f64 = 22.0;

/// The frame drawn around domain `id`'s products and source systems, name included; `None`
/// when the domain has neither.
pub fn domain_frame(workspace: &Workspace, id: &str) -> Option<Rect> {
    let in_domain = |d: &Option<String>| d.as_deref() == Some(id);
    let products = workspace.products.iter().filter(|p| in_domain(&p.domain)).map(|p| product_rect(workspace, p));
    let systems = workspace.context.source_systems.iter().filter(|s| in_domain(&s.domain)).map(|s| small_rect(workspace, NodeKind::System, &s.id));
    let r = products.chain(systems).reduce(Rect::union)?.grow(FRAME_PADDING);
    Some(Rect { y: r.y - FRAME_LABEL, height: r.height + FRAME_LABEL, ..r })
}

/// The zoom and translation that show `content` centred in a `width` × `height` view with a
/// margin, never zooming in beyond 1.25 nor out beyond 0.1.
pub fn fit(content: Rect, width: f64, height: f64) -> (f64, f64, f64) {
    fit_within(content, width, height, 1.25)
}

/// [`fit`] with another largest zoom: present mode shows one product big.
pub fn fit_within(content: Rect, width: f64, height: f64, max_zoom: f64) -> (f64, f64, f64) {
    let margin = 32.0;
    let zoom_x = (width - 2.0 * margin) / content.width.max(1.0);
    let zoom_y = (height - 2.0 * margin) / content.height.max(1.0);
    let zoom = zoom_x.min(zoom_y).clamp(0.1, max_zoom.max(0.1));
    let x = (width - content.width * zoom) / 2.0 - content.x * zoom;
    let y = (height - content.height * zoom) / 2.0 - content.y * zoom;
    (x, y, zoom)
}
