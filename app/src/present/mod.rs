//! Present mode, for a facilitator with a projector: the canvas alone, full screen, with larger
//! type, stepping through the products (or the domains) with the keyboard while a caption says
//! what each one is. Entering it is the only part here; the presenter (its bar, its keys, the
//! way back) is a lazily loaded part of its own (see `lazy`).

mod bar;
mod caption;
mod full_screen;
mod tour;

use leptos::prelude::*;

use crate::lazy::{part_entry, Part};
use crate::state::Studio;

/// What the presenter part builds.
pub struct Presenter {
    bar: fn() -> AnyView,
}

part_entry!(present, fn load_presenter() -> Presenter {
    static TABLE: Presenter = Presenter { bar: || view! { <bar::PresenterBar /> }.into_any() };
    &TABLE
});

thread_local! {
    static PRESENTER: Part<Presenter> = Part::new(|| Box::pin(load_presenter()));
}

/// Starts present mode (the header's "Present" button, the F key). Full screen is asked for
/// here, while the click or key press still counts as the user's gesture; a browser that
/// refuses it (or a headless one) simply presents in the window.
pub fn enter(studio: Studio) {
    if studio.presenting.get_untracked() {
        return;
    }
    studio.editing_note.set(None);
    studio.selection.set(None);
    studio.presenting.set(true);
    full_screen::request();
}

/// The presenter bar, while present mode is on.
#[component]
pub fn Present() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let part = PRESENTER.with(Part::clone);
    move || studio.presenting.get().then(|| part.view(|table| (table.bar)()))
}
