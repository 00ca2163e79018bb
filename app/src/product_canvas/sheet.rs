//! The canvas view itself: a full-page sheet with the ten blocks in a grid, a bar with undo,
//! print, picture downloads and close. Blocks render from memos of their own content, so
//! typing into one block re-renders only what changed.

use dpstudio_model::{DataProduct, Workspace};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::content::{self, Block, BlockKind};
use super::{controls, picture, print_fit};
use crate::state::{Notice, Studio, Tone};

fn blocks_of(ws: &Workspace, id: &str) -> Option<Vec<Block>> {
    ws.product(id).map(|p| content::blocks(ws, p))
}

#[component]
pub fn ProductSheet(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let blocks = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| blocks_of(ws, &id)))
    };
    let exists = Memo::new(move |_| blocks.with(Option::is_some));
    let name = studio.read::<DataProduct, String>(&id, |p| p.name.clone());
    let close = move || studio.canvas_view.set(None);
    // Focus starts in the view, so keys and copy/paste are not taken for the canvas behind it.
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    // Escape in a field leaves the field; the next Escape closes the view (shortcuts.rs).
    let leave_field = |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        let field = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = field.filter(|f| matches!(f.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")) {
            let _ = field.blur();
        }
    };
    let stem = dpstudio_model::slugify(&id);
    let picture = move |png: bool| {
        let Some(blocks) = blocks.get_untracked() else { return };
        let (title, stem) = (name.get_untracked(), stem.clone());
        leptos::task::spawn_local(async move {
            let saved = if png {
                picture::download_png(&title, &blocks, &stem).await
            } else {
                picture::download_svg(&title, &blocks, &stem)
            };
            studio.notify(match saved {
                Ok(file) => Notice::new(Tone::Done, format!("Downloaded {file}.")),
                Err(message) => Notice::new(Tone::Failed, "The canvas picture could not be made.").with_details(vec![message]),
            });
        });
    };
    let printing = print_fit::follow_printing();
    on_cleanup(move || print_fit::stop_following(printing));
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    // Built inside `Show` (its children run again when the product comes back after an undo).
    let grid = {
        let id = id.clone();
        move || {
            BlockKind::ALL
                .into_iter()
                .enumerate()
                .map(|(i, kind)| block_view(studio, &id, kind, Memo::new(move |_| blocks.with(|b| b.as_ref().and_then(|b| b.get(i)).cloned()))))
                .collect_view()
        }
    };
    view! {
        <div class="product-sheet" role="dialog" aria-modal="true" aria-labelledby="product-sheet-title" data-testid="product-canvas" on:keydown=leave_field>
            <header class="sheet-bar">
                <div class="sheet-heading">
                    <div class="eyebrow">"Data Product Canvas"</div>
                    <h2 id="product-sheet-title">{move || name.get()}</h2>
                </div>
                <div class="sheet-tools">
                    <button class="button small" title="Undo (Ctrl/⌘ Z)" disabled=move || !studio.can_undo.get() on:click=move |_| studio.undo()>"Undo"</button>
                    <button class="button small" title="Redo (Ctrl/⌘ Shift Z)" disabled=move || !studio.can_redo.get() on:click=move |_| studio.redo()>"Redo"</button>
                    <button class="button small" data-testid="sheet-print" title="Print the canvas on one landscape page" on:click=print>"Print"</button>
                    <button class="button small" data-testid="sheet-svg" title="Download the canvas as an SVG drawing" on:click={
                        let picture = picture.clone();
                        move |_| picture(false)
                    }>"SVG"</button>
                    <button class="button small" data-testid="sheet-png" title="Download the canvas as a PNG image" on:click=move |_| picture(true)>"PNG"</button>
                    <button class="button icon" node_ref=close_button data-testid="sheet-close" aria-label="Close the canvas view" title="Close the canvas view (Esc)" on:click=move |_| close()>"×"</button>
                </div>
            </header>
            <Show when=move || exists.get() fallback=|| view! { <p class="hint">"This product no longer exists."</p> }>
                <div class="sheet-grid">{grid.clone()}</div>
            </Show>
        </div>
    }
}

/// One block: title, caption, the in-place editors where the model holds simple values, the
/// facts, and the workshop prompt while it misses what it is for.
fn block_view(studio: Studio, id: &str, kind: BlockKind, block: Memo<Option<Block>>) -> AnyView {
    let editors = match kind {
        BlockKind::Domain => Some(controls::domain(studio, id)),
        BlockKind::Name => Some(controls::name(studio, id)),
        BlockKind::Classification => Some(controls::kind(studio, id)),
        BlockKind::Design => Some(controls::design(studio, id)),
        BlockKind::Metadata => Some(controls::metadata(studio, id)),
        _ => None,
    };
    let entries = move || {
        block.with(|b| {
            b.iter()
                .flat_map(|b| b.entries.iter())
                .map(|e| view! { <li><span class="sheet-main">{e.main.clone()}</span>" "<span class="sheet-detail">{e.detail.clone()}</span></li> })
                .collect_view()
        })
    };
    let wanting = Memo::new(move |_| block.with(|b| b.as_ref().is_some_and(|b| b.wanting)));
    let heading = format!("sheet-{}-title", kind.slug());
    let labelled_by = heading.clone();
    view! {
        <section class=format!("sheet-block block-{}", kind.slug()) data-block=kind.slug() aria-labelledby=labelled_by>
            <h3 class="sheet-block-title" id=heading>{kind.title()}</h3>
            <p class="sheet-caption">{kind.caption()}</p>
            {move || wanting.get().then(|| view! { <p class="sheet-prompt">{kind.prompt()}</p> })}
            {editors}
            <ul class="sheet-entries">{entries}</ul>
        </section>
    }
    .into_any()
}
