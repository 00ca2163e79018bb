//! The spec preview: the ODPS document of the selected product or the ODCS document of one of
//! its contracts, exactly as an export writes it, refreshed after every edit, with copy and
//! download. The formats module (a Web Worker) writes it, so nothing heavy runs on the page and
//! the module loads only when someone opens the preview.

use std::time::Duration;

use dpstudio_protocol::{Finding, Request, Response, Subject};
use leptos::prelude::*;

use crate::io::{download, formats};
use crate::settle::Latest;
use crate::state::{Notice, Studio, Tone};

/// Quiet time after the last edit before the document is written again: typing a name does
/// not queue one export per keystroke.
const SETTLE: Duration = Duration::from_millis(200);

#[derive(Clone, PartialEq)]
enum Preview {
    Loading,
    Ready { file_name: String, text: String, findings: Vec<Finding> },
    Failed(String),
}

#[component]
pub fn SpecPreview(product_id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let subject = RwSignal::new(Subject::Product(product_id.clone()));
    let preview = RwSignal::new(Preview::Loading);
    // Answers to older requests are dropped: only the latest edit's document is shown.
    let latest = Latest::new();
    Effect::new(move |_| {
        if !studio.preview_open.get() {
            return;
        }
        let subject = subject.get();
        studio.workspace.track();
        latest.settle(SETTLE, move |ticket| {
            let workspace = studio.workspace.with_untracked(dpstudio_model::to_json);
            formats::call(&Request::Preview { workspace, subject }, Vec::new(), move |answer| {
                if !latest.is_current(ticket) {
                    return;
                }
                preview.set(match answer.response {
                    Response::Preview { file_name, text, findings } => Preview::Ready { file_name, text, findings },
                    Response::Failed { message } => Preview::Failed(message),
                    _ => Preview::Failed("the formats module gave an answer that does not fit a preview".to_owned()),
                });
            });
        });
    });
    let options = {
        let product_id = product_id.clone();
        move || {
            studio.workspace.with(|ws| {
                let contracts: Vec<(String, String)> = ws
                    .product(&product_id)
                    .map(|p| {
                        p.output_ports
                            .iter()
                            .filter_map(|o| o.contract.as_ref())
                            .map(|c| (c.id.clone(), ws.contract(&c.id).map(|k| k.name.clone()).unwrap_or_else(|| c.id.clone())))
                            .collect()
                    })
                    .unwrap_or_default();
                contracts
                    .into_iter()
                    .map(|(id, name)| view! { <option value=format!("contract:{id}")>{format!("Contract {name} — ODCS")}</option> })
                    .collect_view()
            })
        }
    };
    let choose = {
        let product_id = product_id.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            subject.set(match value.strip_prefix("contract:") {
                Some(id) => Subject::Contract(id.to_owned()),
                None => Subject::Product(product_id.clone()),
            });
        }
    };
    let copy = move |_| {
        let Preview::Ready { text, file_name, .. } = preview.get_untracked() else { return };
        let Some(window) = web_sys::window() else { return };
        let _ = window.navigator().clipboard().write_text(&text);
        studio.notify(Notice::new(Tone::Done, format!("Copied {file_name} to the clipboard.")));
    };
    let save = move |_| {
        let Preview::Ready { text, file_name, .. } = preview.get_untracked() else { return };
        let notice = match download(&file_name, "application/yaml", &text) {
            Ok(()) => Notice::new(Tone::Done, format!("Downloaded {file_name}.")),
            Err(message) => Notice::new(Tone::Failed, "The download failed.").with_details(vec![message]),
        };
        studio.notify(notice);
    };
    let body = move || match preview.get() {
        Preview::Loading => view! { <p class="hint">"Writing the document… (the formats module loads the first time)"</p> }.into_any(),
        Preview::Failed(message) => view! { <p class="preview-error" role="alert">{message}</p> }.into_any(),
        Preview::Ready { file_name, text, findings } => view! {
            <div class="preview-file"><code>{file_name}</code></div>
            <Conformance findings />
            <pre class="spec-text" data-testid="spec-text"><code>{text}</code></pre>
        }
        .into_any(),
    };
    view! {
        <section class="spec-preview" aria-label="Spec preview">
            <div class="section-row">
                <h3 class="section-title">"Spec preview"</h3>
                <button class="button small" aria-expanded=move || studio.preview_open.get().to_string()
                    on:click=move |_| studio.preview_open.update(|open| *open = !*open)>
                    {move || if studio.preview_open.get() { "Hide" } else { "Show YAML" }}
                </button>
            </div>
            <Show when=move || studio.preview_open.get()>
                <div class="preview-tools">
                    <label class="visually-hidden" for="preview-subject">"Document"</label>
                    <select id="preview-subject" on:change=choose.clone()>
                        <option value="product">"Product — ODPS"</option>
                        {options.clone()}
                    </select>
                    <button class="button small" on:click=copy>"Copy"</button>
                    <button class="button small" on:click=save>"Download"</button>
                </div>
                {body}
            </Show>
        </section>
    }
}

/// What the standard's official JSON Schema says about the document.
#[component]
fn Conformance(findings: Vec<Finding>) -> impl IntoView {
    if findings.is_empty() {
        return view! { <p class="status-ok" data-testid="conformance">"✓ Valid against the official schema"</p> }.into_any();
    }
    let items = findings
        .into_iter()
        .map(|f| view! { <li class="diagnostic error"><code>{format!("{}:{}", f.line, f.column)}</code>" "{f.message}</li> })
        .collect_view();
    view! { <ul class="diagnostics" data-testid="conformance">{items}</ul> }.into_any()
}
