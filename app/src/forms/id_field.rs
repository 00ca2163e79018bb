//! The id of a product, domain or team as an editable field. New entities start with
//! placeholder ids ("new-product-2") that end up in exported file names and specs; renaming one
//! rewrites every reference in one undo step (`model::rename_id`).

use dpstudio_model::{rename_id, Collection};
use leptos::prelude::*;

use super::field::{commit, Spec};
use crate::state::{Notice, Selection, Studio, Tone};

pub fn id_field(studio: Studio, collection: Collection, id: String) -> AnyView {
    // A signal of its own, so a refused id can be put back in the box.
    let shown = RwSignal::new(id.clone());
    let rename = Callback::new(move |wanted: String| {
        let wanted = wanted.trim().to_owned();
        let result = studio.workspace.with_untracked(|ws| rename_id(ws, collection, &id, &wanted));
        match result.map(|edit| studio.apply(edit)) {
            Ok(Ok(())) if wanted != id => studio.selection.set(Some(match collection {
                Collection::Products => Selection::Product(wanted),
                _ => Selection::Context(collection, Some(wanted)),
            })),
            Ok(Ok(())) => {}
            Ok(Err(error)) => refuse(studio, shown, &id, error.to_string()),
            Err(error) => refuse(studio, shown, &id, error.to_string()),
        }
    });
    view! {
        <div class="id-field">
            {commit(Spec::new("Id").path("id").testid("entity-id"), shown, rename)}
            <p class="field-note">"Used in file names and references; renaming updates every reference."</p>
        </div>
    }
    .into_any()
}

fn refuse(studio: Studio, shown: RwSignal<String>, id: &str, reason: String) {
    shown.set(id.to_owned());
    studio.notify(Notice::new(Tone::Failed, format!("The id stays “{id}”")).with_details(vec![reason]));
}
