//! The export dialog: every standard the formats module writes, one click each. Files are
//! produced in the worker; one file downloads as it is, several as a zip in the bundle layout.

use dpstudio_protocol::{ExportTarget, Request, Response};
use leptos::prelude::*;

use crate::io::{download, download_bytes, formats};
use crate::modal::Modal;
use crate::plural::plural;
use crate::state::{Notice, Studio, Tone};

#[component]
pub fn ExportDialog() -> impl IntoView {
    let studio = expect_context::<Studio>();
    // Which target is being prepared, so its button shows progress and others wait.
    let working = RwSignal::new(None::<ExportTarget>);
    let run = move |target: ExportTarget| {
        working.set(Some(target));
        let workspace = studio.workspace.with_untracked(dpstudio_model::to_json);
        formats::call(&Request::Export { workspace, target }, Vec::new(), move |answer| {
            working.set(None);
            studio.notify(save(answer.response, answer.bytes));
        });
    };
    // A function, not a built list: the dialog's children are re-created each time it opens.
    let rows = move || {
        ExportTarget::ALL
        .into_iter()
        .map(|target| {
            view! {
                <li>
                    <button
                        class="export-option"
                        data-target=target.slug()
                        disabled=move || working.get().is_some()
                        on:click=move |_| run(target)
                    >
                        <span class="export-label">{target.label()}</span>
                        <span class="export-detail">{target.detail()}</span>
                        <span class="export-state" aria-hidden="true">{move || if working.get() == Some(target) { "Preparing…" } else { "" }}</span>
                    </button>
                </li>
            }
        })
        .collect_view()
    };
    let save_json = move |_| {
        let (file_name, json) = studio.workspace.with_untracked(|ws| {
            (format!("{}.workspace.json", dpstudio_model::slugify(&ws.name)), dpstudio_model::to_json_pretty(ws))
        });
        let notice = match download(&file_name, "application/json", &json) {
            Ok(()) => Notice::new(Tone::Done, format!("Downloaded {file_name}.")),
            Err(message) => Notice::new(Tone::Failed, "The download failed.").with_details(vec![message]),
        };
        studio.notify(notice);
    };
    let picture = move |png: bool| {
        let (stem, ws) = studio.workspace.with_untracked(|ws| (dpstudio_model::slugify(&ws.name), ws.clone()));
        leptos::task::spawn_local(async move {
            let saved = if png {
                crate::canvas::picture::download_png(&ws, &stem).await
            } else {
                crate::canvas::picture::download_svg(&ws, &stem)
            };
            studio.notify(match saved {
                Ok(name) => Notice::new(Tone::Done, format!("Downloaded {name}.")),
                Err(message) => Notice::new(Tone::Failed, "The picture could not be made.").with_details(vec![message]),
            });
        });
    };
    view! {
        <Modal open=studio.export_open class="export" title="Export" testid="export" close_label="Close export">
            <p class="hint">"Standard files for your repositories. Several files come as one zip laid out as the repo bundle; the files are written in your browser, nothing is uploaded."</p>
            <ul class="export-list">
                {rows.clone()}
                <li>
                    <button class="export-option" data-target="workspace-json" on:click=save_json>
                        <span class="export-label">"Workspace JSON"</span>
                        <span class="export-detail">"this workspace as saved, to open again here or check with the CLI"</span>
                    </button>
                </li>
                <li>
                    <button class="export-option" data-target="canvas-svg" on:click=move |_| picture(false)>
                        <span class="export-label">"Canvas picture (SVG)"</span>
                        <span class="export-detail">"the whole mesh as a vector drawing, for docs and slides"</span>
                    </button>
                </li>
                <li>
                    <button class="export-option" data-target="canvas-png" on:click=move |_| picture(true)>
                        <span class="export-label">"Canvas picture (PNG)"</span>
                        <span class="export-detail">"the whole mesh as an image at twice screen resolution"</span>
                    </button>
                </li>
            </ul>
        </Modal>
    }
}

/// Downloads what the worker wrote and says what it was.
fn save(response: Response, bytes: Option<Vec<u8>>) -> Notice {
    match response {
        Response::Exported { file_name, mime, text, paths, findings, unchecked } => {
            let saved = match (&text, &bytes) {
                (Some(text), _) => download(&file_name, &mime, text),
                (None, Some(bytes)) => download_bytes(&file_name, &mime, bytes),
                (None, None) => Err("the formats module sent no file".to_owned()),
            };
            match saved {
                Ok(()) => Notice::new(Tone::Done, format!("Downloaded {file_name} ({} file{}).", paths.len(), plural(paths.len())))
                    .with_details(crate::conformance::lines(&findings, unchecked)),
                Err(message) => Notice::new(Tone::Failed, "The download failed.").with_details(vec![message]),
            }
        }
        Response::Failed { message } => Notice::new(Tone::Failed, "Nothing was exported.").with_details(vec![message]),
        _ => Notice::new(Tone::Failed, "Nothing was exported.")
            .with_details(vec!["the formats module gave an answer that does not fit an export".to_owned()]),
    }
}
