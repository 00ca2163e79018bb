//! Data Product Studio, the browser app: components and browser glue only. Domain rules live
//! in `dpstudio-check`, the model in `dpstudio-model`; this crate renders them and turns user
//! actions into changes of the workspace. Standard files are read and written by the formats
//! module, a second wasm module in a Web Worker that loads on first use (`io::formats`).

mod canvas;
mod clipboard;
mod conformance;
mod create;
mod dialogs;
mod example;
mod export_dialog;
mod forms;
mod header;
mod impact;
mod import;
mod io;
mod lazy;
mod medallion;
mod modal;
mod notice;
mod offline;
mod settle;
mod share;
mod panels;
mod plural;
mod present;
mod problem_counts;
mod product_canvas;
mod selected_nodes;
mod shortcuts;
mod state;
mod status_bar;
mod templates;
mod text_editor;
mod workspaces;

use leptos::prelude::*;

pub use example::example_workspace;
pub use state::{Selection, Studio};

/// The app. Opened from a share link, it first reads the shared workspace from the link (a
/// few milliseconds: unpacking is asynchronous in the browser), then shows it read-only.
#[component]
pub fn App() -> impl IntoView {
    share::open::reload_on_new_link();
    let Some(fragment) = share::open::link_fragment() else {
        let start = share::open::Start::Own;
        return view! { <Workbench start /> }.into_any();
    };
    let read = RwSignal::new(None::<share::open::Start>);
    leptos::task::spawn_local(async move { read.set(Some(share::open::read(fragment).await)) });
    (move || match read.get() {
        Some(start) => view! { <Workbench start /> }.into_any(),
        None => view! { <p class="share-opening" aria-busy="true">"Opening the shared workspace…"</p> }.into_any(),
    })
    .into_any()
}

/// The whole app: header, canvas, side panel and status bar around one workspace. Files
/// dropped anywhere on the page are imported.
#[component]
fn Workbench(start: share::open::Start) -> impl IntoView {
    use share::open::Start;
    let shared = matches!(start, Start::Shared(_));
    let (workspace, restore_notice) = match start {
        Start::Shared(workspace) => (workspace, None),
        Start::Own => io::autosave::restore(example_workspace),
        Start::BrokenLink(reason) => {
            share::open::forget_link();
            let (own, damaged) = io::autosave::restore(example_workspace);
            let mut details = vec![format!("What went wrong: {reason}."), "Nothing was lost: your own workspace is open as usual.".to_owned()];
            details.extend(damaged.into_iter().flat_map(|n| std::iter::once(n.title).chain(n.details)));
            (own, Some(state::Notice::new(state::Tone::Failed, "The share link could not be opened.").with_details(details)))
        }
    };
    let studio = Studio::new(workspace);
    studio.read_only.set(shared);
    provide_context(studio);
    // The view is shared: the canvas pans and zooms it, "+ Product" places nodes at its centre.
    let view = canvas::Viewport::new();
    provide_context(view);
    shortcuts::install(studio, view);
    clipboard::install(studio, view);
    provide_context(text_editor::TextOpen(RwSignal::new(false)));
    provide_context(workspaces::WorkspacesOpen(RwSignal::new(false)));
    provide_context(templates::TemplatesOpen(RwSignal::new(false)));
    provide_context(medallion::MedallionOpen(RwSignal::new(false)));
    provide_context(share::ShareOpen(RwSignal::new(false)));
    forms::focus::install(studio);
    impact::install(studio);
    problem_counts::install(studio);
    io::autosave::install(studio);
    offline::install();
    if let Some(notice) = restore_notice {
        studio.notify(notice);
    }
    let dragging = RwSignal::new(false);
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|t| t.types().iter().any(|k| k.as_string().as_deref() == Some("Files")))
    };
    let over = move |ev: web_sys::DragEvent| {
        if carries_files(&ev) {
            // Without this the browser opens the file instead of dropping it here.
            ev.prevent_default();
            dragging.set(true);
        }
    };
    let drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = io::read_files::from_list(ev.data_transfer().and_then(|t| t.files()));
        dialogs::import(studio, files);
    };
    view! {
        <div
            class="app"
            class:dragging=move || dragging.get()
            class:presenting=move || studio.presenting.get()
            class:read-only=move || studio.read_only.get()
            on:dragover=over
            on:dragleave=move |_| dragging.set(false)
            on:drop=drop
        >
            <header::Header />
            <share::banner::SharedBanner />
            <notice::NoticeBar />
            <main class="workbench" class:wide=move || {
                studio.selection.with(|s| matches!(s, Some(Selection::Contract(_) | Selection::Context(..))))
            }>
                <canvas::Canvas />
                <panels::Inspector />
            </main>
            <present::Present />
            <status_bar::StatusBar />
            <dialogs::Dialogs />
            <product_canvas::ProductCanvasLayer />
            <medallion::Medallion />
            <div class="drop-hint" aria-hidden="true">"Drop ODCS, ODPS, DCS, SQL, JSON sample, zip or workspace files to import them"</div>
        </div>
    }
}
