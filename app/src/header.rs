//! The header: brand, the workspace's name (editable in place) and workspace actions.

use leptos::prelude::*;

use dpstudio_model::{Collection, Edit};

use crate::import::import_files;
use crate::io::read_files;
use crate::state::{Selection, Studio};

#[component]
pub fn Header() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<crate::canvas::Viewport>();
    let help = expect_context::<crate::shortcuts::HelpOpen>();
    let text_open = expect_context::<crate::text_editor::TextOpen>();
    let workspaces_open = expect_context::<crate::workspaces::WorkspacesOpen>();
    let name = move || studio.workspace.with(|ws| ws.name.clone());
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
        import_files(studio, files);
    };
    view! {
        <header class="header">
            <div class="brand">
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
                <button class="button" title="Import ODCS, ODPS, DCS, SQL DDL, JSON sample data, a zip or a saved workspace (or drop files on the page)"
                    on:click=move |_| if let Some(input) = picker.get() { input.click() }>"Import…"</button>
                <button class="button" title="Import every spec file in a folder"
                    on:click=move |_| if let Some(input) = folder_picker.get() { input.click() }>"Import folder…"</button>
                <button class="button" title="Edit the whole workspace as JSON text" data-testid="edit-as-text"
                    on:click=move |_| text_open.0.set(true)>"{ } JSON"</button>
                <button class="button icon" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" data-testid="show-shortcuts"
                    on:click=move |_| help.0.update(|open| *open = !*open)>"?"</button>
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
