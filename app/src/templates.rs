//! The templates gallery: start a new workspace blank or from one of the realistic template
//! workspaces shipped in `templates/` beside the app. The gallery and everything it needs live
//! in the dialogs part; the index and each template are fetched only when asked for, so the
//! templates never weigh on the first load.
//!
//! Choosing a template puts the open workspace away exactly as "New workspace" always did
//! (`workspaces::switch_to`), under a fresh id so it never replaces a stored one. A template
//! that cannot be fetched (offline on a first visit, say) changes nothing and says why.

use dpstudio_model::{from_json, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

use crate::io::fetch::fetch_text;
use crate::modal::Modal;
use crate::plural::plural;
use crate::state::Studio;
use crate::workspaces::{blank, fresh_id, switch_to};

/// Whether the templates gallery is open; provided as context by the app.
#[derive(Clone, Copy)]
pub struct TemplatesOpen(pub RwSignal<bool>);

/// Where the templates are, relative to the page (Trunk copies the folder into the build).
const FOLDER: &str = "templates/";

/// One card of the gallery, as `templates/index.json` lists it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    id: String,
    file: String,
    name: String,
    description: String,
    domains: usize,
    products: usize,
    contracts: usize,
    glossary_terms: usize,
    metrics: usize,
}

#[derive(Deserialize)]
struct Index {
    templates: Vec<Entry>,
}

#[derive(Clone, PartialEq)]
enum Listing {
    Loading,
    Ready(Vec<Entry>),
    Failed(String),
}

/// A template as a new workspace of this browser: its own id, so it never collides with a
/// stored one (the same template can be started twice).
fn from_template(studio: Studio, mut ws: Workspace) -> Workspace {
    ws.id = fresh_id(studio, &ws.name);
    ws
}

fn counted(n: usize, one: &str) -> String {
    format!("{n} {one}{}", plural(n))
}

#[component]
pub fn TemplateGallery() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let TemplatesOpen(open) = expect_context::<TemplatesOpen>();
    let listing = RwSignal::new(Listing::Loading);
    let load_index = move || {
        listing.set(Listing::Loading);
        spawn_local(async move {
            let outcome = fetch_text(&format!("{FOLDER}index.json"))
                .await
                .and_then(|text| serde_json::from_str::<Index>(&text).map_err(|e| format!("the template list is damaged ({e})")));
            // The gallery may have been closed meanwhile; then there is nobody to tell.
            let _ = listing.try_set(match outcome {
                Ok(index) => Listing::Ready(index.templates),
                Err(reason) => Listing::Failed(reason),
            });
        });
    };
    load_index();
    // The template being fetched (its id), and why the last one could not be.
    let opening = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let choose = move |entry: Entry| {
        if opening.get_untracked().is_some() {
            return;
        }
        opening.set(Some(entry.id.clone()));
        failure.set(None);
        spawn_local(async move {
            let loaded = fetch_text(&format!("{FOLDER}{}", entry.file))
                .await
                .and_then(|text| from_json(&text).map_err(|e| format!("the template file is damaged ({e})")));
            // Closing the gallery while it loads cancels the choice.
            if !open.try_get_untracked().unwrap_or(false) {
                return;
            }
            let _ = opening.try_set(None);
            match loaded {
                Ok(ws) => {
                    if switch_to(studio, from_template(studio, ws)) {
                        open.set(false);
                    }
                }
                Err(reason) => {
                    let _ = failure.try_set(Some(format!("“{}” could not be loaded: {reason}. Nothing was changed; check the connection and try again.", entry.name)));
                }
            }
        });
    };
    let start_blank = move |_| {
        if switch_to(studio, blank(studio)) {
            open.set(false);
        }
    };
    let busy = move || opening.with(Option::is_some);
    let cards = move || match listing.get() {
        Listing::Loading => view! { <li class="template-status" aria-busy="true" data-testid="templates-loading">"Loading templates…"</li> }.into_any(),
        Listing::Failed(reason) => view! {
            <li class="template-status" role="alert" data-testid="templates-failed">
                <p>{format!("The templates could not be loaded: {reason}. A blank workspace still works; the templates need a connection the first time.")}</p>
                <button class="button small" on:click=move |_| load_index()>"Try again"</button>
            </li>
        }
        .into_any(),
        Listing::Ready(entries) => entries
            .into_iter()
            .map(|entry| {
                let id = entry.id.clone();
                let counts = format!(
                    "{} · {} · {}",
                    counted(entry.domains, "domain"),
                    counted(entry.products, "product"),
                    counted(entry.contracts, "contract")
                );
                let context = format!("{} · {}", counted(entry.glossary_terms, "glossary term"), counted(entry.metrics, "metric"));
                let label = format!("Start from {}", entry.name);
                let this = id.clone();
                let is_opening = Memo::new(move |_| opening.with(|o| o.as_deref() == Some(this.as_str())));
                let chosen = StoredValue::new(entry.clone());
                view! {
                    <li class="template-card" data-testid="template-card" data-template=id>
                        <h3>{entry.name.clone()}</h3>
                        <p class="template-description">{entry.description.clone()}</p>
                        <p class="template-counts" data-testid="template-counts">{counts}</p>
                        <p class="template-counts muted">{context}</p>
                        <button class="button primary small" aria-label=label disabled=busy aria-busy=move || is_opening.get().to_string()
                            on:click=move |_| choose(chosen.get_value())>
                            {move || if is_opening.get() { "Opening…" } else { "Use this template" }}
                        </button>
                    </li>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <Modal open class="templates" title="Start a new workspace" testid="templates" close_label="Close templates">
            <p class="hint">"The open workspace is kept under Workspaces. Templates are realistic meshes to explore, change and run workshops on."</p>
            <ul class="template-grid">
                <li class="template-card blank" data-testid="template-card" data-template="blank">
                    <h3>"Blank workspace"</h3>
                    <p class="template-description">"Nothing in it yet: add domains, teams and products yourself, or import specs."</p>
                    <p class="template-counts">"0 domains · 0 products · 0 contracts"</p>
                    <button class="button small" data-testid="template-blank" disabled=busy on:click=start_blank>"Start blank"</button>
                </li>
                {cards}
            </ul>
            {move || failure.get().map(|message| view! { <p class="template-failed" role="alert" data-testid="template-failed">{message}</p> })}
        </Modal>
    }
}
