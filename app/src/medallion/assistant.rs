//! The assistant's dialog: first the inventory (pasted, picked from a .sql/.txt file, or the
//! example), then the two architectures side by side — the layers left, the proposed products
//! right — with what each lacks, and the decisions on each proposal.

use dpstudio_model::medallion::{parse_inventory, propose, Inventory, LineError, Proposal};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::MedallionOpen;
use crate::modal::Modal;

/// What the person decided about one proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Open,
    Accepted,
    Rejected,
}

/// The assistant's state, shared by its views through context. All `Copy` handles.
#[derive(Clone, Copy)]
pub struct Assistant {
    pub text: RwSignal<String>,
    /// The inventory read by "Propose products"; `None` while the text is being written.
    pub inventory: RwSignal<Option<Inventory>>,
    pub proposals: RwSignal<Vec<Proposal>>,
    /// One per proposal, same order.
    pub decisions: RwSignal<Vec<Decision>>,
    /// The proposal whose name, kind and domain are being edited.
    pub editing: RwSignal<Option<usize>>,
    /// Lines the last reading could not use.
    pub errors: RwSignal<Vec<LineError>>,
}

impl Assistant {
    pub fn decision(&self, i: usize) -> Decision {
        self.decisions.with(|d| d.get(i).copied().unwrap_or(Decision::Open))
    }

    pub fn decide(&self, i: usize, decision: Decision) {
        self.decisions.update(|d| {
            if let Some(slot) = d.get_mut(i) {
                *slot = decision;
            }
        });
    }
}

/// Text files larger than this are not read into the text area: an inventory is a list.
const MAX_FILE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

#[component]
pub fn MedallionAssistant() -> impl IntoView {
    let MedallionOpen(open) = expect_context::<MedallionOpen>();
    let state = Assistant {
        text: RwSignal::new(String::new()),
        inventory: RwSignal::new(None),
        proposals: RwSignal::new(Vec::new()),
        decisions: RwSignal::new(Vec::new()),
        editing: RwSignal::new(None),
        errors: RwSignal::new(Vec::new()),
    };
    provide_context(state);
    let reading = Memo::new(move |_| state.inventory.with(Option::is_some));
    view! {
        <Modal open class="medallion" title="From Medallion layers to data products" testid="medallion" close_label="Close the assistant">
            {move || if reading.get() { view! { <SideBySide /> }.into_any() } else { view! { <InventoryInput /> }.into_any() }}
        </Modal>
    }
}

/// Step one: the inventory as text.
#[component]
fn InventoryInput() -> impl IntoView {
    let state = expect_context::<Assistant>();
    let area = NodeRef::<leptos::html::Textarea>::new();
    let file_error = RwSignal::new(None::<String>);
    let read = move |_| {
        let text = area.get_untracked().map(|a| a.value()).unwrap_or_else(|| state.text.get_untracked());
        state.text.set(text.clone());
        let inventory = parse_inventory(&text);
        state.errors.set(inventory.errors.clone());
        if inventory.tables.is_empty() {
            return;
        }
        let proposals = propose(&inventory);
        state.decisions.set(vec![Decision::Open; proposals.len()]);
        state.proposals.set(proposals);
        state.editing.set(None);
        state.inventory.set(Some(inventory));
    };
    let picked = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|list| list.get(0));
        input.set_value("");
        let Some(file) = file else { return };
        if file.size() > MAX_FILE_BYTES {
            file_error.set(Some(format!("{} is larger than an inventory (4 MB); paste the table list instead.", file.name())));
            return;
        }
        file_error.set(None);
        leptos::task::spawn_local(async move {
            match JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()) {
                Some(text) => state.text.set(text),
                None => file_error.set(Some(format!("{} could not be read as text.", file.name()))),
            }
        });
    };
    view! {
        <div class="medallion-input">
            <p class="lede">
                "List your lake's tables, one a line — " <code>"bronze.shop_orders"</code> ", " <code>"stg_crm__contacts"</code> ", "
                <code>"fct_daily_revenue(day date, revenue decimal(12,2))"</code> " — or paste "<code>"CREATE TABLE"</code>
                " and " <code>"CREATE VIEW … AS SELECT"</code> " statements, whose queries tell what each table is built from. "
                "The assistant proposes data products for them, with ports, contracts and lineage."
            </p>
            <label class="field">
                <span class="field-label">"Tables (bronze, silver, gold)"</span>
                <textarea node_ref=area class="medallion-text" data-testid="medallion-text" rows="14" spellcheck="false"
                    prop:value=move || state.text.get()
                    on:change=move |ev| state.text.set(event_target_value(&ev))></textarea>
            </label>
            <div class="medallion-tools">
                <label class="button">
                    "Open a .sql or .txt file…"
                    <input class="visually-hidden" type="file" accept=".sql,.ddl,.txt" data-testid="medallion-file" on:change=picked />
                </label>
                <button class="button" data-testid="medallion-example" on:click=move |_| state.text.set(super::example::LAKE.to_owned())>"Use an example"</button>
                <span class="spacer"></span>
                <button class="button primary" data-testid="medallion-propose" on:click=read>"Propose products"</button>
            </div>
            {move || file_error.get().map(|message| view! { <p class="preview-error" role="alert">{message}</p> })}
            <LineErrors />
        </div>
    }
}

/// The lines that could not be read, with their numbers.
#[component]
pub fn LineErrors() -> impl IntoView {
    let state = expect_context::<Assistant>();
    move || {
        let errors = state.errors.get();
        (!errors.is_empty()).then(|| {
            let items = errors.into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view();
            view! {
                <div class="medallion-errors" role="alert" data-testid="medallion-errors">
                    <p>"These lines were not read:"</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// Step two: layers | products, the comparison, and adding the accepted products.
#[component]
fn SideBySide() -> impl IntoView {
    let state = expect_context::<Assistant>();
    let back = move |_| {
        state.inventory.set(None);
        state.errors.set(Vec::new());
    };
    view! {
        <div class="medallion-views">
            <section class="medallion-side" aria-labelledby="medallion-layers-title">
                <h3 id="medallion-layers-title" class="medallion-side-title">"Layers"<span class="muted">" — what the lake has"</span></h3>
                <super::layers::LayerColumns />
            </section>
            <section class="medallion-side" aria-labelledby="medallion-products-title">
                <h3 id="medallion-products-title" class="medallion-side-title">"Data products"<span class="muted">" — what the assistant proposes"</span></h3>
                <super::proposals::ProposalColumns />
            </section>
        </div>
        <super::comparison::Comparison />
        <LineErrors />
        <div class="medallion-tools">
            <button class="button" data-testid="medallion-back" on:click=back>"← Edit the tables"</button>
            <span class="spacer"></span>
            <super::adopt::AddButtons />
        </div>
    }
}
