//! The bar over a shared workspace: it is read-only, and the two ways out — a copy of one's
//! own, or back to one's own workspace.

use leptos::prelude::*;

use crate::state::{Notice, Studio, Tone};

#[component]
pub fn SharedBanner() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let close = move |_| {
        let (own, notice) = crate::io::autosave::restore(crate::example_workspace);
        // Before opening: saving may resume for the user's own workspace.
        studio.read_only.set(false);
        studio.open(own);
        super::open::forget_link();
        studio.notify(notice.unwrap_or_else(|| Notice::new(Tone::Done, "Your own workspace is open again. The shared one stays in its link.")));
    };
    // Making a copy stores workspaces: that code lives in the dialogs part.
    let copy = move |_| crate::dialogs::run(studio, "Making a copy", |table| table.make_copy);
    move || {
        studio.read_only.get().then(|| {
            view! {
                <div class="shared-banner" role="region" aria-label="Shared workspace" data-testid="shared-banner">
                    <strong>"Shared workspace · read-only"</strong>
                    <span class="shared-banner-hint">"Opened from a link: you can look around and export, not change it. Nothing of it is saved unless you make a copy."</span>
                    <button class="button small primary" data-testid="make-copy" on:click=copy>"Make a copy"</button>
                    <button class="button small" data-testid="close-shared" title="Back to your own workspace" on:click=close>"Close"</button>
                </div>
            }
        })
    }
}
