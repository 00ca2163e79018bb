//! The dialogs (export, share, workspaces, the templates gallery, the workspace as text, the
//! shortcuts overlay) and the problems panel: a part of their own (see `lazy`), fetched the first
//! time one of them opens. Each is mounted only while it is open. The part also holds actions
//! started from always-loaded controls whose work is too big for the first load (making a copy
//! of a shared workspace); [`run`] calls them.

use leptos::prelude::*;

use crate::lazy::{part_entry, Part};
use crate::share::ShareOpen;
use crate::shortcuts::HelpOpen;
use crate::state::Studio;
use crate::templates::TemplatesOpen;
use crate::text_editor::TextOpen;
use crate::workspaces::WorkspacesOpen;

/// The views the part builds.
pub struct Dialogs {
    export: fn() -> AnyView,
    workspaces: fn() -> AnyView,
    templates: fn() -> AnyView,
    text: fn() -> AnyView,
    shortcuts: fn() -> AnyView,
    problems: fn() -> AnyView,
    share: fn() -> AnyView,
    /// Makes the open shared workspace the user's own copy.
    pub make_copy: fn(Studio),
    import: fn(Studio, Vec<web_sys::File>),
}

part_entry!(dialogs, fn load_dialogs() -> Dialogs {
    static TABLE: Dialogs = Dialogs {
        export: || view! { <crate::export_dialog::ExportDialog /> }.into_any(),
        workspaces: || view! { <crate::workspaces::WorkspacesDialog /> }.into_any(),
        templates: || view! { <crate::templates::TemplateGallery /> }.into_any(),
        text: || view! { <crate::text_editor::TextEditor /> }.into_any(),
        shortcuts: || view! { <crate::shortcuts::ShortcutHelp /> }.into_any(),
        problems: || view! { <crate::panels::ProblemsPanel /> }.into_any(),
        share: || view! { <crate::share::dialog::ShareDialog /> }.into_any(),
        make_copy: crate::share::copy::make_copy,
        import: crate::import::import_files,
    };
    &TABLE
});

thread_local! {
    static DIALOGS: Part<Dialogs> = Part::new(|| Box::pin(load_dialogs()));
}

/// Every dialog and the problems panel, each while its switch is on.
#[component]
pub fn Dialogs() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let HelpOpen(help) = expect_context::<HelpOpen>();
    let TextOpen(text) = expect_context::<TextOpen>();
    let WorkspacesOpen(workspaces) = expect_context::<WorkspacesOpen>();
    let TemplatesOpen(templates) = expect_context::<TemplatesOpen>();
    let ShareOpen(share) = expect_context::<ShareOpen>();
    let part = DIALOGS.with(Part::clone);
    let while_open = move |open: RwSignal<bool>, pick: fn(&Dialogs) -> fn() -> AnyView| {
        let part = part.clone();
        move || open.get().then(|| part.view(move |table| pick(table)()))
    };
    view! {
        {while_open(studio.problems_open, |t| t.problems)}
        {while_open(studio.export_open, |t| t.export)}
        {while_open(help, |t| t.shortcuts)}
        {while_open(text, |t| t.text)}
        {while_open(workspaces, |t| t.workspaces)}
        {while_open(templates, |t| t.templates)}
        {while_open(share, |t| t.share)}
    }
}

/// Runs one of the part's actions once the part is in (fetching it first if need be); `action`
/// names it in the notice if the part cannot be fetched.
pub fn run(studio: Studio, action: &'static str, pick: fn(&Dialogs) -> fn(Studio)) {
    DIALOGS.with(Part::clone).then(move |table| pick(table)(studio), move || crate::notice::part_unavailable(studio, action));
}

/// Imports dropped or picked files (`crate::import`): reading them and the formats module's
/// answer are handled in this part, so the first load carries none of it.
pub fn import(studio: Studio, files: Vec<web_sys::File>) {
    DIALOGS.with(Part::clone).then(move |table| (table.import)(studio, files), move || crate::notice::part_unavailable(studio, "Importing"));
}
