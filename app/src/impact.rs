//! The impact set of the contract being edited, or of one of its fields: every downstream
//! product and use case it reaches (the check crate's impact analysis). The canvas highlights
//! them and dims the rest; the contract editor lists them.

use std::collections::BTreeSet;

use dpstudio_check::impact::{analyse, resolve};
use dpstudio_model::Workspace;
use leptos::prelude::*;

use crate::state::{Selection, Studio};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImpactSet {
    /// What was analysed: a contract id or `contract/object.field`.
    pub target: String,
    /// Downstream products (the one publishing the contract included) and use cases, by id.
    pub products: BTreeSet<String>,
    pub use_cases: BTreeSet<String>,
    /// Names for the editor's list, nearest first.
    pub product_names: Vec<String>,
    pub use_case_names: Vec<String>,
}

/// Provided as context by the app: `None` unless a contract is open in the editor.
#[derive(Clone, Copy)]
pub struct Impact(pub Memo<Option<ImpactSet>>);

pub fn install(studio: Studio) {
    let memo = Memo::new(move |_| {
        let contract = match studio.selection.get() {
            Some(Selection::Contract(id)) => id,
            _ => return None,
        };
        let field = studio.impact_field.get().filter(|f| f.starts_with(&format!("{contract}/")));
        let target_id = field.unwrap_or(contract);
        // The analysis lives in the editors part: an open contract is shown by its editor, so
        // the part is in (or on its way, and this memo runs again when it arrives).
        let editors = crate::panels::editors().get()?;
        studio.workspace.with(|ws| (editors.impact)(ws, &target_id))
    });
    provide_context(Impact(memo));
}

/// Everything `target_id` (a contract id or `contract/object.field`) reaches downstream.
pub fn impact_set(ws: &Workspace, target_id: &str) -> Option<ImpactSet> {
    let target = resolve(ws, target_id).ok()?;
    let impact = analyse(ws, &target);
    let product_name = |id: &str| ws.product(id).map_or_else(|| id.to_owned(), |p| p.name.clone());
    let use_case_name = |id: &str| ws.context.use_cases.iter().find(|u| u.id == id).map_or_else(|| id.to_owned(), |u| u.name.clone());
    Some(ImpactSet {
        target: target_id.to_owned(),
        products: impact.products.iter().map(|h| h.id.clone()).collect(),
        use_cases: impact.use_cases.iter().map(|h| h.id.clone()).collect(),
        product_names: impact.products.iter().map(|h| product_name(&h.id)).collect(),
        use_case_names: impact.use_cases.iter().map(|h| use_case_name(&h.id)).collect(),
    })
}

/// The editor's summary: what is analysed and everything it reaches.
#[component]
pub fn ImpactSummary() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let Impact(impact) = expect_context::<Impact>();
    move || {
        impact.get().map(|set| {
            let field = set.target.split_once('/').map(|(_, f)| f.to_owned());
            let heading = match &field {
                Some(f) => format!("Impact of field {f}"),
                None => "Impact of this contract".to_owned(),
            };
            let reach = if set.product_names.is_empty() && set.use_case_names.is_empty() {
                "Nothing downstream reads it yet.".to_owned()
            } else {
                let mut parts = Vec::new();
                if !set.product_names.is_empty() {
                    parts.push(format!("products: {}", set.product_names.join(", ")));
                }
                if !set.use_case_names.is_empty() {
                    parts.push(format!("use cases: {}", set.use_case_names.join(", ")));
                }
                format!("Reaches {} (highlighted on the canvas).", parts.join("; "))
            };
            view! {
                <section class="impact" data-testid="impact">
                    <h3 class="section-title">{heading}</h3>
                    <p class="impact-reach">{reach}</p>
                    {field.map(|_| view! { <button class="button small" on:click=move |_| studio.impact_field.set(None)>"Whole contract"</button> })}
                </section>
            }
        })
    }
}
