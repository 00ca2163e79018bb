//! The header: brand, the workspace's name (editable in place) and workspace actions.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dpstudio_model::{Collection, Edit};

use crate::io::read_files;
use crate::state::{Selection, Studio};

#[component]
pub fn Header() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<crate::canvas::Viewport>();
    let help = expect_context::<crate::shortcuts::HelpOpen>();
    let text_open = expect_context::<crate::text_editor::TextOpen>();
    let workspaces_open = expect_context::<crate::workspaces::WorkspacesOpen>();
    let share_open = expect_context::<crate::share::ShareOpen>();
    let name = move || {
        // A refused rename (a shared workspace is read-only) puts the name back in the box.
        studio.refusals.track();
        studio.workspace.with(|ws| ws.name.clone())
    };
    let rename = move |ev: leptos::ev::Event| {
        let _ = studio.apply(Edit::SetName(event_target_value(&ev)));
    };
    let picker = NodeRef::<leptos::html::Input>::new();
    let folder_picker = NodeRef::<leptos::html::Input>::new();
    let picked = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = read_files::from_list(input.files());
        // Clear so picking the same file again imports it again.
        input.set_value("");
        crate::dialogs::import(studio, files);
    };
    view! {
        <header class="header">
            <div class="brand" title="Data Product Studio">
                <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
                    <rect width="32" height="32" rx="7" />
                    <rect x="6" y="8" width="9" height="7" rx="2" class="logo-mark" />
                    <rect x="17" y="17" width="9" height="7" rx="2" class="logo-mark" />
                </svg>
                <span class="brand-name">"Data Product Studio"</span>
            </div>
            <label class="workspace-name">
                <span class="visually-hidden">"Workspace name"</span>
                <input type="text" prop:value=name on:change=rename spellcheck="false" />
            </label>
            <nav class="actions" aria-label="Workspace actions">
                <button class="button" title="New, open, duplicate, rename, delete or download workspaces" data-testid="open-workspaces"
                    on:click=move |_| workspaces_open.0.set(true)>"Workspaces"</button>
                <button class="button" title="Add a data product (N)" data-testid="add-product" on:click=move |_| crate::create::add_product(studio, view)>"+ Product"</button>
                <button class="button" title="Domains, teams, glossary, semantic model, use cases, source systems (C)" data-testid="open-context"
                    on:click=move |_| studio.selection.set(Some(Selection::Context(Collection::Domains, None)))>"Context"</button>
                <button class="button icon" title="Undo (Ctrl+Z)" aria-label="Undo" disabled=move || !studio.can_undo.get() on:click=move |_| studio.undo()>"↶"</button>
                <button class="button icon" title="Redo (Ctrl+Shift+Z)" aria-label="Redo" disabled=move || !studio.can_redo.get() on:click=move |_| studio.redo()>"↷"</button>
                <ImportMenu picker folder_picker />
                <button class="button" title="Edit the whole workspace as JSON text" data-testid="edit-as-text"
                    on:click=move |_| text_open.0.set(true)>"{ } JSON"</button>
                <button class="button icon" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" data-testid="show-shortcuts"
                    on:click=move |_| help.0.update(|open| *open = !*open)>"?"</button>
                <button class="button" title="Present full screen: step through products or domains with the arrow keys (F)" data-testid="present"
                    on:click=move |_| crate::present::enter(studio)>"Present"</button>
                <button class="button" title="Share the workspace as a link: others see it read-only and can make a copy" data-testid="share"
                    on:click=move |_| share_open.0.set(true)>"Share…"</button>
                <button class="button primary" title="Export standard files, the repo bundle or the workspace JSON"
                    on:click=move |_| studio.export_open.set(true)>"Export…"</button>
                <input node_ref=picker class="visually-hidden" type="file" multiple tabindex="-1" aria-hidden="true"
                    data-testid="import-input" accept=".json,.ndjson,.jsonl,.yaml,.yml,.sql,.ddl,.zip" on:change=picked />
                <input node_ref=folder_picker class="visually-hidden" type="file" multiple tabindex="-1" aria-hidden="true"
                    data-testid="import-folder-input" prop:webkitdirectory=true on:change=picked />
            </nav>
        </header>
    }
}

/// "Import ▾": files or a whole folder, one button in the header (the header must fit 1280 px).
/// Closes when an entry is chosen, on Escape, or when focus leaves the menu.
#[component]
fn ImportMenu(picker: NodeRef<leptos::html::Input>, folder_picker: NodeRef<leptos::html::Input>) -> impl IntoView {
    let open = RwSignal::new(false);
    let crate::medallion::MedallionOpen(medallion) = expect_context::<crate::medallion::MedallionOpen>();
    let choose = move |input: NodeRef<leptos::html::Input>| {
        open.set(false);
        if let Some(input) = input.get() {
            input.click();
        }
    };
    let focus_left = move |ev: leptos::ev::FocusEvent| {
        let menu = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let next = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if let (Some(menu), next) = (menu, next) {
            if !menu.contains(next.as_ref()) {
                open.set(false);
            }
        }
    };
    view! {
        <div class="menu" on:focusout=focus_left on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }>
            <button class="button" aria-haspopup="menu" aria-expanded=move || open.get().to_string() data-testid="import-menu"
                title="Import ODCS, ODPS, DCS, SQL DDL, JSON sample data, a zip or a saved workspace (or drop files on the page)"
                on:click=move |_| open.update(|o| *o = !*o)>"Import ▾"</button>
            <Show when=move || open.get()>
                <div class="menu-list">
                    <div class="menu-items" role="menu" aria-label="Import">
                        <button class="menu-item" role="menuitem" data-testid="import-files" on:click=move |_| choose(picker)>"Files…"</button>
                        <button class="menu-item" role="menuitem" data-testid="import-folder" on:click=move |_| choose(folder_picker)>"Folder…"</button>
                        <button class="menu-item" role="menuitem" data-testid="import-medallion" title="Turn a list of bronze, silver and gold tables into proposed data products"
                            on:pointerenter=move |_| crate::medallion::preload()
                            on:click=move |_| { open.set(false); medallion.set(true); }>"From Medallion layers…"</button>
                    </div>
                    <p class="menu-hint">"Or drop files, a folder or a zip on the page."</p>
                </div>
            </Show>
        </div>
    }
}
