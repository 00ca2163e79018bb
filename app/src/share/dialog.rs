//! The share dialog: makes the link (save-format JSON → raw deflate → base64url in the
//! fragment), shows it with a Copy button and its length, or, when the workspace is too big
//! for a link, says so and offers the file instead.

use dpstudio_model::{share_fragment, slugify};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::{streams, ShareOpen};
use crate::io::download;
use crate::modal::Modal;
use crate::state::{Notice, Studio, Tone};

/// The longest link offered, in characters. The fragment never reaches a server, so server
/// limits (RFC 9110's 8,000 octets) do not apply; what does is the address bar a link is pasted
/// into: Chromium's takes about 32,000 characters and cuts the rest, the least of current
/// browsers. A link that opens for the sender and not for the reader is worse than a file.
/// The built-in example makes a link of about 4,500 characters, the templates (6–7 products
/// with full contracts) of 9,500–11,500.
pub const LINK_LIMIT: usize = 32_000;

/// A link made for the open workspace.
#[derive(Clone)]
struct Made {
    link: String,
    /// Characters of the workspace's JSON, to tell how much compression saved.
    json_len: usize,
}

#[component]
pub fn ShareDialog() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let ShareOpen(open) = expect_context::<ShareOpen>();
    let made = RwSignal::new(None::<Result<Made, String>>);
    // Mounted only while open, so each opening links the workspace as it is now.
    let json = studio.workspace.with_untracked(dpstudio_model::to_json);
    leptos::task::spawn_local(async move {
        let outcome = match streams::deflate(json.as_bytes()).await {
            Ok(compressed) => Ok(Made { link: format!("{}{}", super::address::without_fragment(), share_fragment(&compressed)), json_len: json.len() }),
            Err(_) => Err("This browser could not compress the workspace, so no link was made. Export… → Workspace JSON saves it as a file.".to_owned()),
        };
        made.set(Some(outcome));
    });
    let content = move || match made.get() {
        None => view! { <p class="part-loading" aria-busy="true">"Making the link…"</p> }.into_any(),
        Some(Err(reason)) => view! { <p class="share-problem" role="alert">{reason}</p> }.into_any(),
        Some(Ok(made)) if made.link.chars().count() > LINK_LIMIT => too_big(studio, &made),
        Some(Ok(made)) => link_view(made),
    };
    view! {
        <Modal open class="share" title="Share this workspace" testid="share-dialog" close_label="Close sharing">
            <p class="hint">"The whole workspace travels inside the link: nothing is uploaded anywhere. Whoever opens it sees it read-only and can make a copy of their own."</p>
            {content}
        </Modal>
    }
}

fn link_view(made: Made) -> AnyView {
    let length = made.link.chars().count();
    let copied = RwSignal::new(None::<&'static str>);
    let field = NodeRef::<leptos::html::Input>::new();
    let link = made.link.clone();
    let copy = move |_| {
        let link = link.clone();
        leptos::task::spawn_local(async move {
            let written = match web_sys::window() {
                Some(w) => JsFuture::from(w.navigator().clipboard().write_text(&link)).await.is_ok(),
                None => false,
            };
            if written {
                copied.set(Some("Copied. Paste it into a message or a ticket."));
            } else {
                // Clipboard access can be refused (permissions, an embedding page): the link
                // is selected so the usual shortcut copies it.
                if let Some(field) = field.get_untracked() {
                    let _ = field.focus();
                    field.select();
                }
                copied.set(Some("The browser did not allow copying. The link is selected: press Ctrl+C (⌘C on a Mac)."));
            }
        });
    };
    let select_all = move |_| {
        if let Some(field) = field.get_untracked() {
            field.select();
        }
    };
    view! {
        <label class="share-label" for="share-link">"Link"</label>
        <div class="share-row">
            <input id="share-link" node_ref=field class="share-link" type="text" readonly spellcheck="false"
                data-testid="share-link" prop:value=made.link.clone() on:focus=select_all />
            <button class="button primary" data-testid="copy-link" on:click=copy>"Copy"</button>
        </div>
        <p class="muted" data-testid="share-length" data-length=length.to_string() data-json-length=made.json_len.to_string()>
            {format!("{} characters: the workspace's {} characters of JSON, compressed to {} %.", grouped(length), grouped(made.json_len), percent(length, made.json_len))}
        </p>
        <p class="share-copied" role="status" data-testid="share-copied">{move || copied.get()}</p>
    }
    .into_any()
}

fn too_big(studio: Studio, made: &Made) -> AnyView {
    let length = made.link.chars().count();
    let save = move |_| {
        let (file_name, json) = studio.workspace.with_untracked(|ws| (format!("{}.workspace.json", slugify(&ws.name)), dpstudio_model::to_json_pretty(ws)));
        let notice = match download(&file_name, "application/json", &json) {
            Ok(()) => Notice::new(Tone::Done, format!("Downloaded {file_name}. Send it along; it opens with Import.")),
            Err(reason) => Notice::new(Tone::Failed, "The workspace could not be downloaded.").with_details(vec![reason]),
        };
        studio.notify(notice);
    };
    view! {
        <div class="share-too-big" role="alert" data-testid="share-too-big" data-length=length.to_string()>
            <strong>"This workspace is too big to share as a link."</strong>
            <p>{format!(
                "Its link would be {} characters long. Browsers cut links over {} characters pasted into the address bar, so it would not open for the person you send it to.",
                grouped(length),
                grouped(LINK_LIMIT)
            )}</p>
            <p>"Send the workspace as a file instead: they open it with Import ▾ → Files…"</p>
        </div>
        <div class="dialog-actions start">
            <button class="button primary" data-testid="share-download" on:click=save>"Download the workspace"</button>
        </div>
    }
    .into_any()
}

/// `n` with thousands separated by commas: 12,603.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `part` as a whole percentage of `whole`.
fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2) / whole.max(1)
}
