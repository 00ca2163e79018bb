//! The header: brand, the workspace's name (editable in place) and workspace actions.

use leptos::prelude::*;

use dpstudio_model::Edit;

use crate::import::import_files;
use crate::io::read_files;
use crate::state::Studio;

#[component]
pub fn Header() -> impl IntoView {
    let studio = expect_context::<Studio>();
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
                <button class="button icon" title="Undo (Ctrl+Z)" aria-label="Undo" disabled=move || !studio.can_undo.get() on:click=move |_| studio.undo()>"↶"</button>
                <button class="button icon" title="Redo (Ctrl+Shift+Z)" aria-label="Redo" disabled=move || !studio.can_redo.get() on:click=move |_| studio.redo()>"↷"</button>
                <button class="button" title="Import ODCS, ODPS, DCS, SQL DDL, JSON sample data, a zip or a saved workspace (or drop files on the page)"
                    on:click=move |_| if let Some(input) = picker.get() { input.click() }>"Import…"</button>
                <button class="button" title="Import every spec file in a folder"
                    on:click=move |_| if let Some(input) = folder_picker.get() { input.click() }>"Import folder…"</button>
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
