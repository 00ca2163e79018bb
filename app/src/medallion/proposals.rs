//! The right side: the proposed products by kind, each with what it serves, its ports, its
//! contract and what it reads, and Accept / Reject / Edit (name, kind, domain) in place.

use dpstudio_model::medallion::{logical_type, Proposal};
use dpstudio_model::ProductKind;
use leptos::prelude::*;

use super::assistant::{Assistant, Decision};
use crate::plural::plural;

#[component]
pub fn ProposalColumns() -> impl IntoView {
    let state = expect_context::<Assistant>();
    let column = move |kind: ProductKind| {
        let members = move || {
            state.proposals.with(|all| all.iter().enumerate().filter(|(_, p)| p.kind == kind).map(|(i, _)| i).collect::<Vec<_>>())
        };
        let count = move || members().len();
        view! {
            <div class=format!("medallion-column kind-{}", kind_slug(kind)) data-testid=format!("kind-{}", kind_slug(kind))>
                <h4 class="medallion-column-title">{kind.label()}<span class="muted">{move || format!(" · {}", count())}</span></h4>
                <ul class="medallion-list">{move || members().into_iter().map(|i| view! { <ProposalCard index=i /> }).collect_view()}</ul>
            </div>
        }
    };
    view! { <div class="medallion-columns">{ProductKind::ALL.map(column).into_iter().collect_view()}</div> }
}

pub fn kind_slug(kind: ProductKind) -> &'static str {
    match kind {
        ProductKind::SourceAligned => "source-aligned",
        ProductKind::Aggregate => "aggregate",
        ProductKind::ConsumerAligned => "consumer-aligned",
    }
}

#[component]
fn ProposalCard(index: usize) -> impl IntoView {
    let state = expect_context::<Assistant>();
    let proposal = Memo::new(move |_| state.proposals.with(|all| all.get(index).cloned()));
    let decision = Memo::new(move |_| state.decision(index));
    let editing = move || state.editing.get() == Some(index);
    let body = move || {
        let Some(p) = proposal.get() else { return ().into_any() };
        if editing() {
            return view! { <EditForm index proposal=p /> }.into_any();
        }
        view! { <Summary proposal=p /> }.into_any()
    };
    let state_label = move || match decision.get() {
        Decision::Open => "",
        Decision::Accepted => "Accepted",
        Decision::Rejected => "Rejected",
    };
    // Adding it as it is would give the workspace two products of one name (ids stay unique,
    // but people tell products apart by name): say so while there is time to rename or reject.
    let studio = expect_context::<crate::state::Studio>();
    let clash = move || {
        let name = proposal.with(|p| p.as_ref().map(|p| p.name.trim().to_lowercase()))?;
        let taken = studio.workspace.with(|ws| ws.products.iter().find(|x| x.name.trim().to_lowercase() == name).map(|x| x.name.clone()));
        let taken = taken.filter(|_| decision.get() != Decision::Rejected)?;
        Some(view! {
            <p class="proposal-clash" data-testid="proposal-clash">
                {format!("The workspace already has a product named “{taken}”: rename this one (Edit) or reject it.")}
            </p>
        })
    };
    let toggle = move |wanted: Decision| {
        let next = if decision.get_untracked() == wanted { Decision::Open } else { wanted };
        state.decide(index, next);
    };
    view! {
        <li class="proposal" data-testid="proposal" data-key=move || proposal.with(|p| p.as_ref().map(|p| p.key.clone()))
            class:accepted=move || decision.get() == Decision::Accepted
            class:rejected=move || decision.get() == Decision::Rejected>
            <div class="proposal-head">
                <span class="proposal-name" data-testid="proposal-name">{move || proposal.with(|p| p.as_ref().map(|p| p.name.clone()))}</span>
                <span class="proposal-state" data-testid="proposal-state">{state_label}</span>
            </div>
            {clash}
            {body}
            <div class="proposal-actions" role="group" aria-label="Decision">
                <button class="button small" data-testid="proposal-accept" aria-pressed=move || (decision.get() == Decision::Accepted).to_string()
                    on:click=move |_| toggle(Decision::Accepted)>"Accept"</button>
                <button class="button small" data-testid="proposal-reject" aria-pressed=move || (decision.get() == Decision::Rejected).to_string()
                    on:click=move |_| toggle(Decision::Rejected)>"Reject"</button>
                <button class="button small" data-testid="proposal-edit" disabled=editing
                    on:click=move |_| state.editing.set(Some(index))>"Edit"</button>
            </div>
        </li>
    }
}

/// What the product would be: domain, the tables it serves, its ports and contract, lineage.
#[component]
fn Summary(proposal: Proposal) -> impl IntoView {
    let state = expect_context::<Assistant>();
    let (tables, properties, typed) = state.inventory.with_untracked(|inv| {
        let tables: Vec<String> = proposal.tables.iter().filter_map(|&t| inv.as_ref()?.tables.get(t)).map(|t| t.name.clone()).collect();
        let columns: Vec<&str> = proposal
            .tables
            .iter()
            .filter_map(|&t| inv.as_ref()?.tables.get(t))
            .flat_map(|t| t.columns.iter().map(|c| c.sql_type.as_str()))
            .collect();
        let typed = columns.iter().filter(|c| !logical_type(c).is_empty()).count();
        (tables, columns.len(), typed)
    });
    let reads: Vec<String> = state.proposals.with_untracked(|all| proposal.reads.iter().filter_map(|&r| all.get(r)).map(|p| p.name.clone()).collect());
    let mut inputs: Vec<String> = proposal.source_system.iter().map(|s| format!("{s} (source system)")).collect();
    inputs.extend(reads);
    let inputs = if inputs.is_empty() { "nothing found by name yet".to_owned() } else { inputs.join(", ") };
    let objects = tables.len();
    view! {
        <dl class="proposal-facts">
            <dt>"Domain"</dt><dd data-testid="proposal-domain">{proposal.domain.clone()}</dd>
            <dt>"Serves"</dt><dd>{tables.join(", ")}</dd>
            <dt>"Reads"</dt><dd data-testid="proposal-reads">{inputs}</dd>
            <dt>"Output"</dt>
            <dd>{format!(
                "table port → contract “{}”: {objects} object{}, {properties} propert{} ({typed} typed)",
                proposal.name,
                plural(objects),
                if properties == 1 { "y" } else { "ies" },
            )}</dd>
        </dl>
    }
}

/// Name, kind and domain, edited in place: "Done" keeps the changes, "Cancel" drops them.
#[component]
fn EditForm(index: usize, proposal: Proposal) -> impl IntoView {
    let state = expect_context::<Assistant>();
    let name = RwSignal::new(proposal.name.clone());
    let domain = RwSignal::new(proposal.domain.clone());
    let kind = RwSignal::new(proposal.kind);
    let save = move || {
        let (new_name, new_domain) = (name.get_untracked().trim().to_owned(), domain.get_untracked().trim().to_owned());
        state.proposals.update(|all| {
            if let Some(p) = all.get_mut(index) {
                if !new_name.is_empty() {
                    p.name = new_name;
                }
                p.domain = new_domain;
                p.kind = kind.get_untracked();
            }
        });
        state.editing.set(None);
    };
    let options = ProductKind::ALL
        .into_iter()
        .map(|k| view! { <option value=kind_slug(k) selected={k == proposal.kind}>{k.label()}</option> })
        .collect_view();
    view! {
        <form class="proposal-edit" on:submit=move |ev| { ev.prevent_default(); save(); }>
            <label class="field">
                <span class="field-label">"Name"</span>
                <input type="text" data-testid="proposal-name-input" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span class="field-label">"Kind"</span>
                <select data-testid="proposal-kind-select" on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(k) = ProductKind::ALL.into_iter().find(|k| kind_slug(*k) == chosen) {
                        kind.set(k);
                    }
                }>{options}</select>
            </label>
            <label class="field">
                <span class="field-label">"Domain"</span>
                <input type="text" data-testid="proposal-domain-input" prop:value=move || domain.get() on:input=move |ev| domain.set(event_target_value(&ev)) />
            </label>
            <div class="proposal-actions">
                <button class="button small primary" type="submit" data-testid="proposal-done">"Done"</button>
                <button class="button small" type="button" on:click=move |_| state.editing.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}
