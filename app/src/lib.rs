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

/// The whole app: header, canvas, side panel and status bar around one workspace. Files
/// dropped anywhere on the page are imported.
#[component]
pub fn App() -> impl IntoView {
    let (workspace, restore_notice) = io::autosave::restore(example_workspace);
    let studio = Studio::new(workspace);
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
        import::import_files(studio, files);
    };
    view! {
        <div
            class="app"
            class:dragging=move || dragging.get()
            class:presenting=move || studio.presenting.get()
            on:dragover=over
            on:dragleave=move |_| dragging.set(false)
            on:drop=drop
        >
            <header::Header />
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
