//! Pan, zoom and drag state of the canvas. View settings are not part of the design, so they
//! live here rather than in the workspace; only a finished node drag becomes a layout change.

use std::collections::BTreeMap;

use dpstudio_model::{InputSource, Point, Workspace};
use leptos::prelude::*;

use super::geometry::{self, Rect};
use crate::state::Selection;

const MIN_ZOOM: f64 = 0.1;
const MAX_ZOOM: f64 = 3.0;
/// Pointer travel (screen px) below which a press counts as a click, not a drag.
const CLICK_SLOP: f64 = 3.0;

/// Nodes being dragged together: their layout keys with where each started, and how far the
/// pointer has moved them (canvas units).
#[derive(Debug, Clone, PartialEq)]
pub struct Drag {
    pub origins: BTreeMap<String, Point>,
    pub pointer_start: (f64, f64),
    pub delta: Point,
    pub moved: bool,
    /// The selection a click (a press that never moved) leaves: pressing one of several
    /// selected nodes keeps them all selected for the drag, clicking it selects it alone.
    pub on_click: Option<Selection>,
}

impl Drag {
    /// Where the drag leaves every dragged node, as a layout change.
    pub fn positions(&self) -> Vec<(String, Option<Point>)> {
        let d = self.delta;
        self.origins.iter().map(|(key, at)| (key.clone(), Some(Point { x: at.x + d.x, y: at.y + d.y }.rounded()))).collect()
    }
}

/// The rubber band of a box selection, corner to corner in canvas coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marquee {
    pub from: Point,
    pub to: Point,
    /// Where the press was on screen, to tell a click from a drag.
    pointer_start: (f64, f64),
    pub moved: bool,
}

impl Marquee {
    pub fn rect(&self) -> Rect {
        let (x, y) = (self.from.x.min(self.to.x), self.from.y.min(self.to.y));
        Rect { x, y, width: (self.from.x - self.to.x).abs(), height: (self.from.y - self.to.y).abs() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Pan {
    pointer_start: (f64, f64),
    origin: (f64, f64),
    moved: bool,
}

/// A lineage link being drawn from an output port (or a source system) towards a product.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub source: InputSource,
    pub from: Point,
    pub to: Point,
}

#[derive(Clone, Copy)]
pub struct Viewport {
    link: RwSignal<Option<Link>>,
    /// Space is held: any press on the canvas pans, even on a node.
    space: RwSignal<bool>,
    /// How far the current pan has moved the view, shown by moving the whole SVG (a cheap
    /// compositor move) and folded into x/y when the pan ends; re-drawing a large mesh at
    /// every pointer move could not keep up.
    shift: RwSignal<(f64, f64)>,
    x: RwSignal<f64>,
    y: RwSignal<f64>,
    zoom: RwSignal<f64>,
    drag: RwSignal<Option<Drag>>,
    marquee: RwSignal<Option<Marquee>>,
    pan: RwSignal<Option<Pan>>,
    last_pan_moved: RwSignal<bool>,
}

impl Viewport {
    pub fn new() -> Self {
        Viewport {
            link: RwSignal::new(None),
            space: RwSignal::new(false),
            shift: RwSignal::new((0.0, 0.0)),
            x: RwSignal::new(0.0),
            y: RwSignal::new(0.0),
            zoom: RwSignal::new(1.0),
            drag: RwSignal::new(None),
            marquee: RwSignal::new(None),
            pan: RwSignal::new(None),
            last_pan_moved: RwSignal::new(false),
        }
    }

    pub fn transform(&self) -> String {
        format!("translate({:.2} {:.2}) scale({:.4})", self.x.get(), self.y.get(), self.zoom.get())
    }

    /// The canvas point shown at the middle of a `width` × `height` view: where new nodes go.
    pub fn center(&self, width: f64, height: f64) -> Point {
        let zoom = self.zoom.get_untracked();
        Point { x: (width / 2.0 - self.x.get_untracked()) / zoom, y: (height / 2.0 - self.y.get_untracked()) / zoom }.rounded()
    }

    /// The canvas area a `width` × `height` view shows.
    pub fn visible(&self, width: f64, height: f64) -> Rect {
        let from = self.to_canvas(0.0, 0.0);
        let zoom = self.zoom.get_untracked();
        Rect { x: from.x, y: from.y, width: width / zoom, height: height / zoom }
    }

    pub fn set_space(&self, held: bool) {
        if self.space.get_untracked() != held {
            self.space.set(held);
        }
    }

    pub fn space_held(&self) -> bool {
        self.space.get()
    }

    pub fn space_held_untracked(&self) -> bool {
        self.space.get_untracked()
    }

    /// Pan and zoom, tracked: what the minimap's view rectangle follows.
    pub fn offset(&self) -> (f64, f64, f64) {
        (self.x.get(), self.y.get(), self.zoom.get())
    }

    /// Pans so the canvas point `p` is at the middle of a `width` × `height` view.
    pub fn center_on(&self, p: Point, width: f64, height: f64) {
        let zoom = self.zoom.get_untracked();
        self.x.set(width / 2.0 - p.x * zoom);
        self.y.set(height / 2.0 - p.y * zoom);
    }

    pub fn zoom(&self) -> f64 {
        self.zoom.get()
    }

    /// Pan and zoom as they are, to put back later (present mode returns to the view it left).
    pub fn offset_untracked(&self) -> (f64, f64, f64) {
        (self.x.get_untracked(), self.y.get_untracked(), self.zoom.get_untracked())
    }

    pub fn set_offset(&self, (x, y, zoom): (f64, f64, f64)) {
        self.x.set(x);
        self.y.set(y);
        self.zoom.set(zoom.clamp(MIN_ZOOM, MAX_ZOOM));
    }

    /// Pans and zooms so `area` fills a `width` × `height` view, zooming in at most to
    /// `max_zoom`.
    pub fn show(&self, area: Rect, width: f64, height: f64, max_zoom: f64) {
        if width <= 0.0 || height <= 0.0 {
            return;
        }
        self.set_offset(geometry::fit_within(area, width, height, max_zoom));
    }

    pub fn fit(&self, workspace: &Workspace, width: f64, height: f64) {
        if width <= 0.0 || height <= 0.0 {
            return;
        }
        let Some(content) = geometry::content_bounds(workspace) else { return };
        let (x, y, zoom) = geometry::fit(content.grow(30.0), width, height);
        self.x.set(x);
        self.y.set(y);
        self.zoom.set(zoom);
    }

    /// Zooms by `factor` keeping the canvas point under (`sx`, `sy`) (screen px in the SVG) fixed.
    pub fn zoom_at(&self, sx: f64, sy: f64, factor: f64) {
        let old = self.zoom.get_untracked();
        let new = (old * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let ratio = new / old;
        self.x.update(|x| *x = sx - (sx - *x) * ratio);
        self.y.update(|y| *y = sy - (sy - *y) * ratio);
        self.zoom.set(new);
    }

    pub fn zoom_centered(&self, svg: NodeRef<leptos::svg::Svg>, factor: f64) {
        let Some(svg) = svg.get_untracked() else { return };
        let rect = svg.get_bounding_client_rect();
        self.zoom_at(rect.width() / 2.0, rect.height() / 2.0, factor);
    }

    pub fn start_pan(&self, px: f64, py: f64) {
        if self.drag.get_untracked().is_some() {
            return;
        }
        let origin = (self.x.get_untracked(), self.y.get_untracked());
        self.pan.set(Some(Pan { pointer_start: (px, py), origin, moved: false }));
    }

    pub fn is_panning(&self) -> bool {
        self.pan.with(|p| p.is_some_and(|p| p.moved))
    }

    /// Starts dragging the nodes at `origins` (layout key → position) from the pointer at
    /// (`px`, `py`); `on_click` is the selection to leave if the pointer never moves.
    pub fn start_drag(&self, origins: BTreeMap<String, Point>, px: f64, py: f64, on_click: Option<Selection>) {
        let delta = Point::default();
        self.drag.set(Some(Drag { origins, pointer_start: (px, py), delta, moved: false, on_click }));
    }

    pub fn drag_position(&self, key: &str) -> Option<Point> {
        self.drag.with(|d| {
            let d = d.as_ref()?;
            d.origins.get(key).map(|at| Point { x: at.x + d.delta.x, y: at.y + d.delta.y })
        })
    }

    /// Starts a box selection at the pointer, (`sx`, `sy`) screen px in the SVG.
    pub fn start_marquee(&self, sx: f64, sy: f64) {
        let at = self.to_canvas(sx, sy);
        self.marquee.set(Some(Marquee { from: at, to: at, pointer_start: (sx, sy), moved: false }));
    }

    pub fn is_boxing(&self) -> bool {
        self.marquee.with_untracked(Option::is_some)
    }

    /// Stretches the box selection to the pointer, (`sx`, `sy`) screen px in the SVG.
    pub fn marquee_to(&self, sx: f64, sy: f64) {
        let to = self.to_canvas(sx, sy);
        self.marquee.update(|m| {
            if let Some(m) = m {
                m.to = to;
                m.moved |= (sx - m.pointer_start.0).hypot(sy - m.pointer_start.1) > CLICK_SLOP;
            }
        });
    }

    /// The box selection being drawn, tracked: what the rubber band follows.
    pub fn marquee(&self) -> Option<Marquee> {
        self.marquee.get()
    }

    pub fn take_marquee(&self) -> Option<Marquee> {
        let marquee = self.marquee.get_untracked();
        if marquee.is_some() {
            self.marquee.set(None);
        }
        marquee
    }

    /// The canvas point under (`sx`, `sy`), screen px in the SVG.
    fn to_canvas(&self, sx: f64, sy: f64) -> Point {
        let zoom = self.zoom.get_untracked();
        Point { x: (sx - self.x.get_untracked()) / zoom, y: (sy - self.y.get_untracked()) / zoom }
    }

    pub fn pointer_moved(&self, px: f64, py: f64) {
        let zoom = self.zoom.get_untracked();
        if self.drag.with_untracked(Option::is_some) {
            self.drag.update(|drag| {
                if let Some(d) = drag {
                    let (dx, dy) = (px - d.pointer_start.0, py - d.pointer_start.1);
                    d.moved |= dx.hypot(dy) > CLICK_SLOP;
                    if d.moved {
                        d.delta = Point { x: dx / zoom, y: dy / zoom };
                    }
                }
            });
        } else if let Some(mut pan) = self.pan.get_untracked() {
            let (dx, dy) = (px - pan.pointer_start.0, py - pan.pointer_start.1);
            pan.moved |= dx.hypot(dy) > CLICK_SLOP;
            self.shift.set((dx, dy));
            self.pan.set(Some(pan));
        }
    }

    /// The CSS transform that shows the pan in progress (`none` when there is none).
    pub fn shift_css(&self) -> String {
        match self.shift.get() {
            (dx, dy) if dx == 0.0 && dy == 0.0 => "none".to_owned(),
            (dx, dy) => format!("translate({dx:.1}px, {dy:.1}px)"),
        }
    }

    /// Ends a drag or pan; returns the finished drag, if it was one.
    pub fn finish(&self) -> Option<Drag> {
        let pan = self.pan.get_untracked();
        if let Some(pan) = pan {
            let (dx, dy) = self.shift.get_untracked();
            self.x.set(pan.origin.0 + dx);
            self.y.set(pan.origin.1 + dy);
            self.shift.set((0.0, 0.0));
        }
        self.last_pan_moved.set(pan.is_some_and(|p| p.moved));
        self.pan.set(None);
        let drag = self.drag.get_untracked();
        self.drag.set(None);
        drag
    }

    /// Starts drawing a link from `from` (canvas coordinates).
    pub fn start_link(&self, source: InputSource, from: Point) {
        self.link.set(Some(Link { source, from, to: from }));
    }

    pub fn link(&self) -> Option<Link> {
        self.link.get()
    }

    pub fn is_linking(&self) -> bool {
        self.link.with_untracked(Option::is_some)
    }

    /// Moves the loose end of the link to the pointer at (`sx`, `sy`), screen px in the SVG.
    pub fn link_to(&self, sx: f64, sy: f64) {
        let to = self.to_canvas(sx, sy);
        self.link.update(|link| {
            if let Some(link) = link {
                link.to = to;
            }
        });
    }

    pub fn take_link(&self) -> Option<Link> {
        let link = self.link.get_untracked();
        self.link.set(None);
        link
    }

    pub fn last_pan_moved(&self) -> bool {
        self.last_pan_moved.get_untracked()
    }
}
