//! The notice under the header: what an import or export did, or why it failed.

use leptos::prelude::*;

use crate::state::{Studio, Tone};

#[component]
pub fn NoticeBar() -> impl IntoView {
    let studio = expect_context::<Studio>();
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
