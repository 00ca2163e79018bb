//! The notice under the header: what an import or export did, or why it failed. Good news
//! leaves by itself after a while; a failure stays until dismissed.

use std::time::Duration;

use leptos::prelude::*;

use crate::state::{Notice, Studio, Tone};

/// How long a "done" notice stays: long enough to read two lines twice.
const DONE_FOR: Duration = Duration::from_secs(8);

#[component]
pub fn NoticeBar() -> impl IntoView {
    let studio = expect_context::<Studio>();
    Effect::new(move |_| {
        let Some(shown) = studio.notice.get().filter(|n| n.tone == Tone::Done) else { return };
        set_timeout(
            move || {
                // Only if it is still the same notice: a newer one gets its own time.
                if studio.notice.with_untracked(|now| now.as_ref() == Some(&shown)) {
                    studio.notice.set(None);
                }
            },
            DONE_FOR,
        );
    });
    move || {
        let notice = studio.notice.get()?;
        let tone = match notice.tone {
            Tone::Busy => "busy",
            Tone::Done => "done",
            Tone::Failed => "failed",
        };
        let details = notice.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view();
        Some(view! {
            <div class=format!("notice {tone}") role=if notice.tone == Tone::Failed { "alert" } else { "status" } data-testid="notice">
                <div class="notice-body">
                    <strong class="notice-title">{notice.title}</strong>
                    <ul class="notice-details">{details}</ul>
                </div>
                <button class="button icon" aria-label="Dismiss" title="Dismiss" on:click=move |_| studio.notice.set(None)>"×"</button>
            </div>
        })
    }
}

/// Says that `action` did not happen because the part of the app it needs could not be fetched
/// (the network dropped before the part was ever cached, say). Asking again fetches it again.
pub fn part_unavailable(studio: Studio, action: &str) {
    let title = format!("{action} needs a part of the app that could not be loaded");
    let details = vec!["Check the connection and try again; your work is kept.".to_owned()];
    studio.notice.set(Some(Notice::new(Tone::Failed, title).with_details(details)));
}
