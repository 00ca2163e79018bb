//! Canvas nodes: products (with input ports on the left, output ports on the right), source
//! systems and use cases. Every name is rendered as text, never as markup.

use dpstudio_model::{CanvasNode, DataProduct, InputSource, NodeKind, Point, SourceSystem, UseCase, Workspace};
use leptos::prelude::*;

use super::geometry::{self, port_row_y, PRODUCT_WIDTH, SMALL_HEIGHT, SMALL_WIDTH};
use super::{node_position, Viewport};
use crate::impact::Impact;
use crate::selected_nodes::{nodes_of, toggled};
use crate::state::{Selection, Studio};

/// Longest label drawn in full; longer ones get an ellipsis (the full text is in a tooltip).
const TITLE_CHARS: usize = 26;
const PORT_CHARS: usize = 15;

pub fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// CSS class giving a node its domain's colour. Takes the workspace rather than reading the
/// signal: a node's view must track only its own memo, or every edit redraws every node.
pub fn domain_class(ws: &Workspace, domain: Option<&String>) -> String {
    let index = domain.and_then(|d| ws.context.domains.iter().position(|x| &x.id == d));
    match index {
        Some(i) => format!("domain-{}", i % 6),
        None => "domain-none".to_owned(),
    }
}

#[component]
pub fn Nodes() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let product_ids = Memo::new(move |_| studio.workspace.with(|ws| ws.products.iter().map(|p| p.id.clone()).collect::<Vec<_>>()));
    let system_ids = Memo::new(move |_| {
        studio.workspace.with(|ws| ws.context.source_systems.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
    });
    let use_case_ids = Memo::new(move |_| studio.workspace.with(|ws| ws.context.use_cases.iter().map(|u| u.id.clone()).collect::<Vec<_>>()));
    let contract_ids = Memo::new(move |_| studio.workspace.with(|ws| ws.unbound_contracts().map(|c| c.id.clone()).collect::<Vec<_>>()));
    view! {
        <g class="nodes">
            <For each=move || system_ids.get() key=|id| id.clone() children=move |id| view! { <SystemNode id /> } />
            <For each=move || product_ids.get() key=|id| id.clone() children=move |id| view! { <ProductNode id /> } />
            <For each=move || use_case_ids.get() key=|id| id.clone() children=move |id| view! { <UseCaseNode id /> } />
            <For each=move || contract_ids.get() key=|id| id.clone() children=move |id| view! { <ContractNode id /> } />
        </g>
    }
}

/// What every node shares, whatever it draws: where it is, whether it is selected, and what
/// pressing it does. `Copy`, so each event handler and attribute takes its own.
#[derive(Clone, Copy)]
struct NodeHandle {
    studio: Studio,
    view: Viewport,
    kind: NodeKind,
    id: StoredValue<String>,
    position: Signal<Point>,
    selected: Signal<bool>,
}

impl NodeHandle {
    fn new(kind: NodeKind, id: String) -> Self {
        let studio = expect_context::<Studio>();
        let view = expect_context::<Viewport>();
        let position = {
            let id = id.clone();
            Signal::derive(move || node_position(studio, view, kind, &id))
        };
        let selected = {
            let id = id.clone();
            Signal::derive(move || studio.selection.with(|current| current.as_ref().is_some_and(|s| s.has_node(kind, &id))))
        };
        NodeHandle { studio, view, kind, id: StoredValue::new(id), position, selected }
    }

    fn transform(&self) -> String {
        let p = self.position.get();
        format!("translate({} {})", p.x, p.y)
    }

    /// Selects the node and starts dragging it with the rest of the selection; the canvas
    /// finishes the drag on pointer up. Shift, Ctrl or ⌘ adds the node to the selection or
    /// takes it out instead of selecting it alone.
    fn press(&self, ev: &leptos::ev::PointerEvent) {
        if self.view.space_held_untracked() {
            // Space + drag pans: let the press reach the canvas.
            return;
        }
        ev.stop_propagation();
        // No text selection: Shift would extend one across the page.
        ev.prevent_default();
        crate::clipboard::clear_text_selection();
        let studio = self.studio;
        let me = CanvasNode::new(self.kind, self.id.get_value());
        let current = studio.selection.get_untracked();
        let alone = Selection::of_node(me.clone());
        let (selection, on_click) = if ev.shift_key() || ev.ctrl_key() || ev.meta_key() {
            let selection = toggled(current.as_ref(), me.clone());
            super::select::announce_selection(studio, selection.as_ref());
            (selection, None)
        } else if matches!(&current, Some(Selection::Nodes(_))) && self.selected.get_untracked() {
            (current.clone(), Some(alone))
        } else {
            (Some(alone), None)
        };
        if selection != current {
            studio.selection.set(selection.clone());
        }
        let mut dragged = nodes_of(selection.as_ref());
        if !dragged.contains(&me) {
            // A modifier press that took the node out of the selection drags nothing, yet it
            // still starts a (empty) drag so the canvas does not take it for a background click.
            dragged.clear();
        }
        let origins = studio.workspace.with_untracked(|ws| {
            dragged.iter().filter(|n| n.exists_in(ws)).map(|n| (n.key(), geometry::position(ws, n.kind, &n.id))).collect()
        });
        self.view.start_drag(origins, f64::from(ev.client_x()), f64::from(ev.client_y()), on_click);
    }
}

#[component]
fn ProductNode(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let node = NodeHandle::new(NodeKind::Product, id.clone());
    let product = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| ws.product(&id).map(|p| (p.clone(), domain_class(ws, p.domain.as_ref())))))
    };
    let Impact(impact) = expect_context::<Impact>();
    let reach = {
        let id = id.clone();
        Memo::new(move |_| impact.with(|set| set.as_ref().map(|set| set.products.contains(&id))))
    };
    let problems = expect_context::<crate::problem_counts::ProblemCounts>();
    let counts = Memo::new(move |_| problems.of(&id));
    move || {
        let Some((p, domain)) = product.get() else { return ().into_any() };
        let height = geometry::product_height(&p);
        let class = format!("node product {domain}");
        let meta = format!("{} · v{} · {}", p.kind.label(), p.version, p.status.as_str());
        let (data_id, name) = (p.id.clone(), p.name.clone());
        view! {
            <g
                class=class
                class:selected=node.selected
                class:impacted=move || reach.get() == Some(true)
                class:dimmed=move || reach.get() == Some(false)
                data-product=data_id
                transform=move || node.transform()
                on:pointerdown=move |ev| node.press(&ev)
            >
                <title>{name.clone()}</title>
                <rect class="node-body" width=PRODUCT_WIDTH height=height rx="10" />
                <rect class="node-accent" width="6" height=height rx="3" />
                <text class="node-title" x="18" y="25">{ellipsize(&name, TITLE_CHARS)}</text>
                <text class="node-meta" x="18" y="44">{meta}</text>
                <ProblemBadge counts />
                <Ports product=p position=node.position />
            </g>
        }
        .into_any()
    }
}

/// Pressing an output port starts a lineage link; dropping it on a product connects them.
fn start_link(view: Viewport, ev: &leptos::ev::PointerEvent, source: InputSource, from: Point) {
    if view.space_held_untracked() {
        return;
    }
    ev.stop_propagation();
    ev.prevent_default();
    view.start_link(source, from);
}

#[component]
fn Ports(product: DataProduct, position: Signal<Point>) -> impl IntoView {
    let view = expect_context::<Viewport>();
    let inputs = product.input_ports.iter().enumerate().map(|(row, port)| {
        let y = port_row_y(row);
        view! {
            <g class="port port-in" data-input=row>
                <title>{format!("input: {}", port.name)}</title>
                <circle cx="0" cy=y r="5" />
                <text x="12" y=y + 4.0>{ellipsize(&port.name, PORT_CHARS)}</text>
            </g>
        }
    });
    let outputs = product.output_ports.iter().enumerate().map(|(row, port)| {
        let y = port_row_y(row);
        let label = format!("{} ⟨{}⟩", ellipsize(&port.name, PORT_CHARS), port.kind.as_str());
        let class = if port.contract.is_some() { "port port-out" } else { "port port-out uncontracted" };
        let source = InputSource::Product { product: product.id.clone(), port: port.id.clone() };
        let press = move |ev: leptos::ev::PointerEvent| {
            let at = position.get_untracked();
            start_link(view, &ev, source.clone(), Point { x: at.x + PRODUCT_WIDTH, y: at.y + y });
        };
        view! {
            <g class=class data-output=port.id.clone()>
                <title>{format!("output: {} ({}) — drag to a product to feed it", port.name, port.kind.as_str())}</title>
                <circle cx=PRODUCT_WIDTH cy=y r="5" />
                // The wider, invisible handle is on top so it takes the press.
                <circle class="handle" cx=PRODUCT_WIDTH cy=y r="9" on:pointerdown=press />
                <text x=PRODUCT_WIDTH - 12.0 y=y + 4.0 text-anchor="end">{label}</text>
            </g>
        }
    });
    view! { <g class="ports">{inputs.collect_view()}{outputs.collect_view()}</g> }
}

#[component]
/// Error (or else warning) count in the top right corner of a node `width` wide.
fn ProblemBadge(counts: Memo<(usize, usize)>, #[prop(default = PRODUCT_WIDTH)] width: f64) -> impl IntoView {
    move || {
        let (errors, warnings) = counts.get();
        let (class, n, label) = match (errors, warnings) {
            (0, 0) => return ().into_any(),
            (0, w) => ("badge warning", w, format!("{w} warning(s)")),
            (e, _) => ("badge error", e, format!("{e} error(s)")),
        };
        view! {
            <g class=class transform=format!("translate({} 14)", width - 18.0)>
                <title>{label}</title>
                <circle r="10" />
                <text y="4" text-anchor="middle">{n}</text>
            </g>
        }
        .into_any()
    }
}

#[component]
fn SystemNode(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let node = NodeHandle::new(NodeKind::System, id.clone());
    let system = Memo::new(move |_| {
        studio.workspace.with(|ws| {
            let s = ws.context.source_systems.iter().find(|s| s.id == id)?;
            Some((s.clone(), domain_class(ws, s.domain.as_ref())))
        })
    });
    move || {
        let Some((s, domain)): Option<(SourceSystem, String)> = system.get() else { return ().into_any() };
        let class = format!("node system {domain}");
        view! {
            <g class=class class:selected=node.selected transform=move || node.transform() on:pointerdown=move |ev| node.press(&ev)>
                <title>{s.name.clone()}</title>
                <rect class="node-body" width=SMALL_WIDTH height=SMALL_HEIGHT rx="28" />
                <text class="node-title" x="20" y="24">{ellipsize(&s.name, 18)}</text>
                <text class="node-meta" x="20" y="42">{format!("source · {}", s.technology)}</text>
                <circle class="port-dot" cx=SMALL_WIDTH cy=SMALL_HEIGHT / 2.0 r="5" />
                <circle class="handle" cx=SMALL_WIDTH cy=SMALL_HEIGHT / 2.0 r="9" on:pointerdown={
                    let source = InputSource::System { system: s.id.clone() };
                    let position = node.position;
                    move |ev| {
                        let at = position.get_untracked();
                        start_link(node.view, &ev, source.clone(), Point { x: at.x + SMALL_WIDTH, y: at.y + SMALL_HEIGHT / 2.0 });
                    }
                } />
            </g>
        }
        .into_any()
    }
}

#[component]
fn UseCaseNode(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let node = NodeHandle::new(NodeKind::UseCase, id.clone());
    let Impact(impact) = expect_context::<Impact>();
    let reach = {
        let id = id.clone();
        Memo::new(move |_| impact.with(|set| set.as_ref().map(|set| set.use_cases.contains(&id))))
    };
    let use_case = Memo::new(move |_| {
        studio.workspace.with(|ws| {
            let u = ws.context.use_cases.iter().find(|u| u.id == id)?;
            let consumer = ws.team_name(&u.consumer).unwrap_or(&u.consumer).to_owned();
            Some((u.clone(), consumer))
        })
    });
    move || {
        let Some((u, consumer)): Option<(UseCase, String)> = use_case.get() else { return ().into_any() };
        view! {
            <g class="node usecase" class:selected=node.selected class:impacted=move || reach.get() == Some(true)
                class:dimmed=move || reach.get() == Some(false) transform=move || node.transform() on:pointerdown=move |ev| node.press(&ev)>
                <title>{u.name.clone()}</title>
                <rect class="node-body" width=SMALL_WIDTH height=SMALL_HEIGHT rx="8" />
                <text class="node-title" x="16" y="24">{ellipsize(&u.name, 19)}</text>
                <text class="node-meta" x="16" y="42">{format!("use case · {}", ellipsize(&consumer, 16))}</text>
                <circle class="port-dot" cx="0" cy=SMALL_HEIGHT / 2.0 r="5" />
            </g>
        }
        .into_any()
    }
}

/// A contract no output port publishes (typically imported). Choosing it opens the contract
/// editor, which offers to publish it from a product.
#[component]
fn ContractNode(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let node = NodeHandle::new(NodeKind::Contract, id.clone());
    let problems = expect_context::<crate::problem_counts::ProblemCounts>();
    let counts = {
        let id = id.clone();
        Memo::new(move |_| problems.of_contract(&id))
    };
    let contract = Memo::new(move |_| studio.workspace.with(|ws| ws.contract(&id).map(|c| (c.name.clone(), c.version.clone(), c.id.clone()))));
    move || {
        let Some((name, version, id)) = contract.get() else { return ().into_any() };
        let title = if name.trim().is_empty() { id.clone() } else { name };
        view! {
            <g class="node contract" class:selected=node.selected data-contract=id transform=move || node.transform() on:pointerdown=move |ev| node.press(&ev)>
                <title>{format!("{title} — contract v{version}, not published by any output port")}</title>
                <rect class="node-body" width=SMALL_WIDTH height=SMALL_HEIGHT rx="4" />
                <path class="node-fold" d=format!("M{} 0 v14 h14", SMALL_WIDTH - 14.0) />
                <text class="node-title" x="14" y="24">{ellipsize(&title, 19)}</text>
                <text class="node-meta" x="14" y="42">{format!("unpublished · v{version}")}</text>
                <ProblemBadge counts width=SMALL_WIDTH />
            </g>
        }
        .into_any()
    }
}
