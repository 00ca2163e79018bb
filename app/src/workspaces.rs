//! Several workspaces in one browser: start a new one (blank or from a template, in the
//! templates gallery), switch, duplicate, rename, delete and download. The open workspace is
//! the one being edited and autosaved; switching puts it away in the library first, and if
//! that fails (full storage) nothing switches.

use dpstudio_model::{slugify, unique_id, Workspace, FORMAT_VERSION};
use leptos::prelude::*;

use crate::io::{download, library};
use crate::modal::Modal;
use crate::state::{Notice, Studio, Tone};
use crate::templates::TemplatesOpen;

/// Whether the workspaces dialog is open; provided as context by the app.
#[derive(Clone, Copy)]
pub struct WorkspacesOpen(pub RwSignal<bool>);

/// An id no stored workspace and not the open one uses.
pub(crate) fn fresh_id(studio: Studio, name: &str) -> String {
    let mut taken: Vec<String> = library::list().into_iter().map(|e| e.id).collect();
    taken.push(studio.workspace.with_untracked(|w| w.id.clone()));
    unique_id(name, taken.iter().map(String::as_str))
}

/// Puts the open workspace away, then opens `next`. False (with a notice) when storage fails.
pub(crate) fn switch_to(studio: Studio, next: Workspace) -> bool {
    // The open workspace is a shared one: putting it away would store it unasked, and the
    // user's own workspace is waiting in storage to come back.
    if studio.read_only.get_untracked() {
        studio.notify(Notice::new(Tone::Failed, "A shared workspace is open, so nothing was switched.").with_details(vec![
            "Make a copy or close it (in the bar under the header) first; then switch.".to_owned(),
        ]));
        return false;
    }
    let stored = studio.workspace.with_untracked(library::put);
    if let Err(reason) = stored {
        studio.notify(Notice::new(Tone::Failed, "The open workspace could not be put away, so nothing was switched.").with_details(vec![reason]));
        return false;
    }
    let _ = library::remove(&next.id);
    let name = next.name.clone();
    studio.open(next);
    studio.notify(Notice::new(Tone::Done, format!("“{name}” is open. The previous workspace is kept under Workspaces.")));
    true
}

pub(crate) fn blank(studio: Studio) -> Workspace {
    Workspace { format_version: FORMAT_VERSION, id: fresh_id(studio, "workspace"), name: "Untitled workspace".into(), ..Default::default() }
}

#[component]
pub fn WorkspacesDialog() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let WorkspacesOpen(open) = expect_context::<WorkspacesOpen>();
    // Bumped after every change to the library so the list re-reads storage.
    let version = RwSignal::new(0u32);
    let entries = move || {
        version.track();
        open.track();
        library::list()
    };
    let refresh = move || version.update(|v| *v += 1);
    // A new workspace starts in the templates gallery, where "Blank workspace" is one card.
    let TemplatesOpen(templates) = expect_context::<TemplatesOpen>();
    let new_workspace = move |_| {
        open.set(false);
        templates.set(true);
    };
    let duplicate = move |_| {
        let copy = studio.workspace.with_untracked(|w| {
            let mut copy = w.clone();
            copy.name = format!("{} (copy)", w.name);
            copy
        });
        let copy = Workspace { id: fresh_id(studio, &copy.name), ..copy };
        match library::put(&copy) {
            Ok(()) => refresh(),
            Err(reason) => studio.notify(Notice::new(Tone::Failed, "The copy could not be stored.").with_details(vec![reason])),
        }
    };
    let current = move || studio.workspace.with(|w| (w.name.clone(), w.products.len()));
    let rows = move || {
        entries()
            .into_iter()
            .map(|entry| {
                let (open_id, rename_id, delete_id, download_id) = (entry.id.clone(), entry.id.clone(), entry.id.clone(), entry.id.clone());
                let name = entry.name.clone();
                let switch = move |_| match library::get(&open_id) {
                    Ok(next) => {
                        if switch_to(studio, next) {
                            open.set(false);
                        }
                    }
                    Err(reason) => studio.notify(Notice::new(Tone::Failed, "That workspace could not be opened.").with_details(vec![reason])),
                };
                let rename = move |ev: leptos::ev::Event| {
                    let new_name = event_target_value(&ev);
                    if let Ok(mut stored) = library::get(&rename_id) {
                        stored.name = new_name;
                        if let Err(reason) = library::put(&stored) {
                            studio.notify(Notice::new(Tone::Failed, "The new name could not be stored.").with_details(vec![reason]));
                        }
                        refresh();
                    }
                };
                let delete = move |_| {
                    let _ = library::remove(&delete_id);
                    refresh();
                };
                let save_file = move |_| {
                    if let Some(text) = library::text(&download_id) {
                        let _ = download(&format!("{}.workspace.json", slugify(&download_id)), "application/json", &text);
                    }
                };
                let label = format!("Name of {name}");
                view! {
                    <li class="library-row" data-testid="library-row">
                        <input type="text" class="library-name" aria-label=label prop:value=name.clone() on:change=rename />
                        <span class="muted">{format!("{} product{}", entry.products, crate::plural::plural(entry.products))}</span>
                        <button class="button small primary" on:click=switch>"Open"</button>
                        <button class="button small" on:click=save_file>"Download"</button>
                        <button class="button small danger" aria-label=format!("Delete {name}") on:click=delete>"Delete"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Modal open class="workspaces" title="Workspaces in this browser" testid="workspaces" close_label="Close workspaces">
            <p class="library-current">
                <strong>{move || current().0}</strong>
                <span class="muted">{move || format!(" — open now, {} product{}", current().1, crate::plural::plural(current().1))}</span>
            </p>
            <div class="dialog-actions start">
                <button class="button primary" data-testid="new-workspace" on:click=new_workspace>"New workspace…"</button>
                <button class="button" data-testid="duplicate-workspace" on:click=duplicate>"Duplicate the open one"</button>
            </div>
            <ul class="library">{rows}</ul>
            <p class="hint">"Workspaces live in this browser's storage. Download them (here or with Export…) to keep them elsewhere."</p>
        </Modal>
    }
}
