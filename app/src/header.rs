//! The header: brand, the workspace's name (editable in place) and workspace actions.

use leptos::prelude::*;

use dpstudio_model::Edit;

use crate::io::download;
use crate::state::Studio;

#[component]
pub fn Header() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let name = move || studio.workspace.with(|ws| ws.name.clone());
    let rename = move |ev: leptos::ev::Event| {
        let _ = studio.apply(Edit::SetName(event_target_value(&ev)));
    };
    let save_file = move |_| {
        let (file_name, json) = studio.workspace.with_untracked(|ws| {
            (format!("{}.workspace.json", dpstudio_model::slugify(&ws.name)), dpstudio_model::to_json_pretty(ws))
        });
        if let Err(message) = download(&file_name, "application/json", &json) {
            leptos::logging::error!("download failed: {message}");
        }
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
                <button class="button" on:click=save_file title="Download the workspace as a JSON file">
                    "Download JSON"
                </button>
            </nav>
        </header>
    }
}
