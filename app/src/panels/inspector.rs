//! The inspector: details of the selected product, source system or use case, with the
//! diagnostics that concern it; an overview of the workspace when nothing is selected.

use dpstudio_check::{Diagnostic, EntityKind};
use dpstudio_model::{node_key, Collection, Edit, InputSource, NodeKind};
use leptos::prelude::*;

use crate::lazy::{part_entry, Part};
use crate::forms::context::{ContextEditor, SourceSystemForm, UseCaseForm};
use crate::forms::contract::ContractForm;
use crate::forms::product::ProductForm;
use crate::panels::selection_summary::SelectionSummary;
use crate::panels::SpecPreview;
use crate::state::{Selection, Studio};
use crate::templates::TemplatesOpen;

#[component]
pub fn Inspector() -> impl IntoView {
    let studio = expect_context::<Studio>();
    // Re-render only when the selection really changes (clicking the selected node again sets
    // the same value), so a form keeps its state and focus.
    let selection = Memo::new(move |_| studio.selection.get());
    let editors = editors();
    view! {
        <aside class="inspector" aria-label="Inspector">
            {move || {
                // A refused change (a shared workspace is read-only) rebuilds the form, so its
                // controls show the workspace again rather than what was typed.
                studio.refusals.track();
                match selection.get() {
                    Some(selection) => editors.view(move |table| (table.details)(selection.clone())).into_any(),
                    None => view! { <Overview /> }.into_any(),
                }
            }}
        </aside>
    }
}

/// The editors behind the inspector, a part of their own: fetched the first time something is
/// selected (see `lazy`).
pub struct Editors {
    /// The details and form of a selection.
    pub details: fn(Selection) -> AnyView,
    /// The text box on a sticky note's card (by note id), while it is being written on.
    pub note_text: fn(String) -> AnyView,
    /// The impact set of a contract or field (`crate::impact`), for the canvas and the editor.
    pub impact: fn(&dpstudio_model::Workspace, &str) -> Option<crate::impact::ImpactSet>,
    /// Pastes a clipboard fragment as new nodes (copying stays in the first load: the copy
    /// event must be answered at once).
    pub paste: fn(Studio, crate::canvas::Viewport, &dpstudio_model::Fragment),
}

part_entry!(editors, fn load_editors() -> Editors {
    static TABLE: Editors = Editors { details, note_text: crate::forms::note::in_place_editor, impact: crate::impact::impact_set, paste: crate::canvas::paste_fragment };
    &TABLE
});

thread_local! {
    static EDITORS: Part<Editors> = Part::new(|| Box::pin(load_editors()));
}

/// The editors part (loaded or not).
pub fn editors() -> Part<Editors> {
    EDITORS.with(Part::clone)
}

fn details(selection: Selection) -> AnyView {
    match selection {
        Selection::Product(id) => view! { <ProductDetails id /> }.into_any(),
        Selection::System(id) => view! { <SystemDetails id /> }.into_any(),
        Selection::UseCase(id) => view! { <UseCaseDetails id /> }.into_any(),
        Selection::Contract(id) => view! { <ContractDetails id /> }.into_any(),
        Selection::Nodes(nodes) => view! { <SelectionSummary nodes /> }.into_any(),
        Selection::Context(tab, _) => view! { <ContextEditor tab /> }.into_any(),
        Selection::Note(id) => crate::forms::note::note_panel(id),
    }
}

#[component]
fn Overview() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let TemplatesOpen(templates) = expect_context::<TemplatesOpen>();
    move || {
        studio.workspace.with(|ws| {
            let domains = ws.context.domains.iter().map(|d| {
                let products: Vec<String> =
                    ws.products.iter().filter(|p| p.domain.as_ref() == Some(&d.id)).map(|p| p.name.clone()).collect();
                view! {
                    <li>
                        <strong>{d.name.clone()}</strong>
                        <span class="muted">{format!(" — {}", if products.is_empty() { "no products".to_owned() } else { products.join(", ") })}</span>
                    </li>
                }
            });
            // An empty workspace offers the templates gallery: a facilitator starts from there.
            let empty = ws.products.is_empty().then(|| view! {
                <div class="empty-start" data-testid="empty-start">
                    <p>"No products yet. Start from a realistic example mesh, or add a product on the canvas."</p>
                    <button class="button primary" data-testid="start-from-template" on:click=move |_| templates.set(true)>"Start from a template"</button>
                </div>
            });
            view! {
                <h2 class="panel-title">{ws.name.clone()}</h2>
                <p class="lede">{ws.description.clone()}</p>
                {empty}
                <dl class="facts">
                    <dt>"Products"</dt><dd>{ws.products.len()}</dd>
                    <dt>"Contracts"</dt><dd>{ws.contracts.len()}</dd>
                    <dt>"Glossary terms"</dt><dd>{ws.context.glossary.len()}</dd>
                    <dt>"Metrics"</dt><dd>{ws.context.semantic.metrics.len()}</dd>
                    <dt>"Use cases"</dt><dd>{ws.context.use_cases.len()}</dd>
                </dl>
                <h3 class="section-title">"Domains"</h3>
                <ul class="plain-list">{domains.collect_view()}</ul>
                <p class="hint">"Select a product, source or use case on the canvas to see its details; Shift-click or Shift-drag a box to select several. Drag nodes to arrange them; drag the background to pan; scroll to zoom."</p>
            }
        })
    }
}

#[component]
fn ProductDetails(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| ws.product(&id).is_some()))
    };
    let chips = {
        let id = id.clone();
        move || {
            studio.workspace.with(|ws| {
                ws.product(&id).map(|p| {
                    view! {
                        <div class="chips">
                            <span class="chip kind">{p.kind.label()}</span>
                            <span class=format!("chip status-{}", p.status.as_str())>{p.status.as_str()}</span>
                            <span class="chip">{format!("v{}", p.version)}</span>
                        </div>
                    }
                })
            })
        }
    };
    let problems = {
        let id = id.clone();
        move || view! { <DiagnosticList diagnostics=studio.product_diagnostics(&id) /> }
    };
    let title = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| ws.product(&id).map(|p| p.name.clone()).unwrap_or_default()))
    };
    let delete_id = id.clone();
    let canvas_id = id.clone();
    let form_id = id.clone();
    // The form and the preview are built once per selected product: typing re-renders only the
    // values that change, never the form itself (which would lose the caret).
    view! {
        <Show when=move || exists.get() fallback=|| view! { <p class="hint">"This product no longer exists."</p> }>
            <div class="eyebrow">"Data product"</div>
            <div class="inspector-head">
                <h2 class="panel-title">{move || title.get()}</h2>
                <div class="inspector-actions">
                    <button class="button small" data-testid="open-canvas-view" title="The product as a Data Product Canvas, full page (V)" on:click={
                        let id = canvas_id.clone();
                        move |_| studio.canvas_view.set(Some(id.clone()))
                    }>"Canvas view"</button>
                    <button class="button small danger" data-testid="delete-product" on:click={
                        let id = delete_id.clone();
                        move |_| delete_product(studio, &id)
                    }>"Delete"</button>
                </div>
            </div>
            {chips.clone()}
            <ProductForm id=form_id.clone() />
            <h3 class="section-title">"Problems"</h3>
            {problems.clone()}
        </Show>
        <SpecPreview product_id=id />
    }
}

/// Removes a product and its canvas node as one undoable step. Contracts it published stay
/// (the checks then report them as orphans) so deleting by mistake loses nothing for long.
pub fn delete_product(studio: Studio, id: &str) {
    let edit = studio.workspace.with_untracked(|ws| {
        let remove = Edit::remove(ws, Collection::Products, id).ok()?;
        let key = node_key(NodeKind::Product, &id.to_owned());
        Some(if ws.layout.nodes.contains_key(&key) { Edit::Batch(vec![remove, Edit::SetNodes(vec![(key, None)])]) } else { remove })
    });
    if let Some(edit) = edit {
        if studio.apply(edit).is_ok() {
            studio.selection.set(None);
        }
    }
}

/// Removes a contract; ports bound to it keep the reference and the checks report it.
pub fn delete_contract(studio: Studio, id: &str) {
    if let Some(edit) = studio.workspace.with_untracked(|ws| Edit::remove(ws, Collection::Contracts, id).ok()) {
        if studio.apply(edit).is_ok() {
            studio.selection.set(None);
        }
    }
}

#[component]
fn ContractDetails(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| ws.contract(&id).is_some()))
    };
    let problems = {
        let id = id.clone();
        move || {
            let diagnostics = studio.diagnostics.with(|ds| {
                ds.iter().filter(|d| d.location.kind == EntityKind::Contract && d.location.id == id).cloned().collect::<Vec<_>>()
            });
            view! { <DiagnosticList diagnostics /> }
        }
    };
    let title = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| ws.contract(&id).map(|c| c.name.clone()).unwrap_or_default()))
    };
    let delete_id = id.clone();
    view! {
        <Show when=move || exists.get() fallback=|| view! { <p class="hint">"This contract no longer exists."</p> }>
            <div class="eyebrow">"Data contract"</div>
            <div class="inspector-head">
                <h2 class="panel-title">{move || title.get()}</h2>
                <button class="button small danger" data-testid="delete-contract" on:click={
                    let id = delete_id.clone();
                    move |_| delete_contract(studio, &id)
                }>"Delete"</button>
            </div>
            <ContractForm id=id.clone() />
            <h3 class="section-title">"Problems"</h3>
            {problems.clone()}
        </Show>
    }
}

#[component]
fn DiagnosticList(diagnostics: Vec<Diagnostic>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    if diagnostics.is_empty() {
        return view! { <p class="status-ok">"✓ No problems"</p> }.into_any();
    }
    let items = diagnostics.into_iter().map(|d| {
        view! {
            <li class=format!("diagnostic {}", d.severity.as_str())>
                <button class="diagnostic-message" title="Go to the field" on:click={
                    let location = d.location.clone();
                    move |_| crate::panels::problems::select(studio, &location)
                }>{d.message}</button>
                <div class="diagnostic-hint">{d.hint}</div>
                <code class="diagnostic-rule">{d.rule}</code>
            </li>
        }
    });
    view! { <ul class="diagnostics">{items.collect_view()}</ul> }.into_any()
}

#[component]
fn SystemDetails(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let readers = {
        let id = id.clone();
        move || {
            studio.workspace.with(|ws| {
                ws.products
                    .iter()
                    .filter(|p| p.input_ports.iter().any(|i| matches!(&i.source, InputSource::System { system } if *system == id)))
                    .map(|p| view! { <li>{p.name.clone()}</li> })
                    .collect_view()
            })
        }
    };
    view! {
        <ContextEntity collection=Collection::SourceSystems id=id.clone() title="Source system">
            <SourceSystemForm id=id.clone() />
            <h3 class="section-title">"Read by"</h3>
            <ul class="plain-list">{readers.clone()}</ul>
        </ContextEntity>
    }
}

#[component]
fn UseCaseDetails(id: String) -> impl IntoView {
    view! {
        <ContextEntity collection=Collection::UseCases id=id.clone() title="Use case">
            <UseCaseForm id=id.clone() />
        </ContextEntity>
    }
}

/// A context entity selected on the canvas: its form, a delete button, and a note once it is
/// gone (after a delete or an undo).
#[component]
fn ContextEntity(collection: Collection, id: String, title: &'static str, children: ChildrenFn) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| collection.position(ws, &id).is_some()))
    };
    let delete_id = id.clone();
    view! {
        <Show when=move || exists.get() fallback=|| view! { <p class="hint">"This no longer exists."</p> }>
            <div class="inspector-head">
                <h2 class="panel-title">{title}</h2>
                <button class="button small danger" on:click={
                    let id = delete_id.clone();
                    move |_| {
                        crate::forms::context::remove(studio, collection, &id);
                        studio.selection.set(None);
                    }
                }>"Delete"</button>
            </div>
            <div class="form">{children()}</div>
        </Show>
    }
}
