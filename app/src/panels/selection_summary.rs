//! The inspector for several selected nodes: what they are, named, with the actions that
//! apply to them all.

use dpstudio_model::CanvasNode;
use leptos::prelude::*;

use crate::canvas::{delete_selection, duplicate_selection, Viewport};
use crate::selected_nodes::{describe, node_name};
use crate::state::Studio;

#[component]
pub fn SelectionSummary(nodes: Vec<CanvasNode>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    let nodes = StoredValue::new(nodes);
    // Undoing a paste can take the selected nodes away; say so rather than "nothing selected".
    let heading = move || {
        studio.workspace.with(|ws| {
            nodes.with_value(|n| match n.iter().any(|node| node.exists_in(ws)) {
                true => format!("{} selected", describe(ws, n)),
                false => "The selected nodes no longer exist".to_owned(),
            })
        })
    };
    let names = move || {
        studio.workspace.with(|ws| {
            nodes.with_value(|n| n.iter().filter_map(|node| node_name(ws, node)).map(|name| view! { <li>{name}</li> }).collect_view())
        })
    };
    view! {
        <section class="selection-summary" data-testid="selection-summary" aria-labelledby="selection-summary-title">
            <div class="eyebrow">"Selection"</div>
            <h2 class="panel-title" id="selection-summary-title">{heading}</h2>
            <ul class="plain-list selection-names">{names}</ul>
            <div class="button-row">
                <button class="button small" data-testid="copy-selection" title="Copy (Ctrl/⌘ C)"
                    on:click=move |_| crate::clipboard::copy_from_button()>"Copy"</button>
                <button class="button small" data-testid="duplicate-selection" title="Duplicate (Ctrl/⌘ D)"
                    on:click=move |_| duplicate_selection(studio, view)>"Duplicate"</button>
                <button class="button small danger" data-testid="delete-selection" title="Delete (Delete)"
                    on:click=move |_| delete_selection(studio)>"Delete"</button>
            </div>
            <p class="hint">"Drag any of them to move them together. Shift-click a node to add it or take it out."</p>
        </section>
    }
}
