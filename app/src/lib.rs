//! Data Product Studio, the browser app: components and browser glue only. Domain rules live
//! in `dpstudio-check`, the model in `dpstudio-model`; this crate renders them and turns user
//! actions into changes of the workspace.

mod canvas;
mod example;
mod header;
mod io;
mod panels;
mod shortcuts;
mod state;
mod status_bar;

use leptos::prelude::*;

pub use example::example_workspace;
pub use state::{Selection, Studio};

/// The whole app: header, canvas, side panel and status bar around one workspace.
#[component]
pub fn App() -> impl IntoView {
    let studio = Studio::new(example_workspace());
    provide_context(studio);
    shortcuts::install(studio);
    view! {
        <div class="app">
            <header::Header />
            <main class="workbench">
                <canvas::Canvas />
                <panels::Inspector />
            </main>
            <status_bar::StatusBar />
        </div>
    }
}
