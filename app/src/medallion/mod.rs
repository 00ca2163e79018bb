//! The Medallion → data products assistant, opened from "Import ▾". Only this file is in the
//! first load (the switch, the mount and the part's entry); the assistant itself is a part of
//! its own (see `lazy`), fetched the first time it opens.

mod adopt;
mod assistant;
mod comparison;
mod example;
mod layers;
mod proposals;

use leptos::prelude::*;

use crate::lazy::{part_entry, Part};

/// Whether the assistant is open; provided as context by the app.
#[derive(Clone, Copy)]
pub struct MedallionOpen(pub RwSignal<bool>);

pub struct MedallionPart {
    assistant: fn() -> AnyView,
}

part_entry!(medallion, fn load_medallion() -> MedallionPart {
    static TABLE: MedallionPart = MedallionPart { assistant: || view! { <assistant::MedallionAssistant /> }.into_any() };
    &TABLE
});

thread_local! {
    static PART: Part<MedallionPart> = Part::new(|| Box::pin(load_medallion()));
}

/// Starts fetching the assistant, e.g. while the pointer is on the menu entry that opens it.
pub fn preload() {
    PART.with(Part::start);
}

/// The assistant while it is open.
#[component]
pub fn Medallion() -> impl IntoView {
    let MedallionOpen(open) = expect_context::<MedallionOpen>();
    let part = PART.with(Part::clone);
    move || open.get().then(|| part.view(|table| (table.assistant)()))
}
