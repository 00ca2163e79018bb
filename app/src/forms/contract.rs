//! The contract editor: identity and description, the schema table, quality rules and SLA
//! properties. Reached from an output port ("Edit contract") or a diagnostic.

use dpstudio_model::{unique_id, ContractRef, DataContract, DataProduct, OutputPort, Status};
use leptos::prelude::*;

use super::entity::{chosen, typed, Step};
use super::field::{Spec, commit, optional, select, split_list, text};
use super::product::status_options;
use super::quality::{QualityList, Scope, SlaList};
use super::{options, schema::SchemaEditor};
use crate::state::{Selection, Studio};

#[component]
pub fn ContractForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&DataContract) -> String| studio.read::<DataContract, String>(&id, get);
    let publishers = {
        let id = id.clone();
        Memo::new(move |_| {
            studio.workspace.with(|ws| {
                ws.products
                    .iter()
                    .flat_map(|p| {
                        p.output_ports
                            .iter()
                            .filter(|o| o.contract.as_ref().is_some_and(|c| c.id == id))
                            .map(move |o| (p.id.clone(), format!("{} → {}", p.name, o.name)))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let unpublished_id = id.clone();
    let used_by = move || {
        let list = publishers.get();
        if list.is_empty() {
            return view! { <Publish id=unpublished_id.clone() /> }.into_any();
        }
        list.into_iter()
            .map(|(product, label)| {
                view! {
                    <button class="button small link-button" on:click=move |_| studio.selection.set(Some(Selection::Product(product.clone())))>
                        {format!("← {label}")}
                    </button>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="form" data-testid="contract-form">
            <div class="used-by">{used_by}</div>
            <crate::impact::ImpactSummary />
            {text(Spec::new("Contract name").path("name").testid("contract-name"), read(|c| c.name.clone()), typed::<DataContract>(studio, &id, "name", |c, v| c.name = v))}
            <div class="field-row">
                {text(Spec::new("Version").path("version"), read(|c| c.version.clone()), typed::<DataContract>(studio, &id, "version", |c, v| c.version = v))}
                {select(Spec::new("Status").path("status"), read(|c| c.status.as_str().to_owned()), status_options(), chosen::<DataContract, String>(studio, &id, |c, v| c.status = Status::parse(&v).unwrap_or_default()))}
            </div>
            <div class="field-row">
                {select(Spec::new("Domain").path("domain"), read(|c| c.domain.clone().unwrap_or_default()), options::domains(studio), chosen::<DataContract, String>(studio, &id, |c, v| c.domain = optional(v)))}
                {select(Spec::new("Team").path("team"), read(|c| c.team.clone().unwrap_or_default()), options::teams(studio), chosen::<DataContract, String>(studio, &id, |c, v| c.team = optional(v)))}
            </div>
            {select(Spec::new("Data product").path("dataProduct"), read(|c| c.data_product.clone().unwrap_or_default()), options::products(studio), chosen::<DataContract, String>(studio, &id, |c, v| c.data_product = optional(v)))}
            {text(Spec::new("Purpose").path("description.purpose").multiline(), read(|c| c.description.purpose.clone()), typed::<DataContract>(studio, &id, "description.purpose", |c, v| c.description.purpose = v))}
            {text(Spec::new("Usage").path("description.usage").multiline(), read(|c| c.description.usage.clone()), typed::<DataContract>(studio, &id, "description.usage", |c, v| c.description.usage = v))}
            {text(Spec::new("Limitations").path("description.limitations").multiline(), read(|c| c.description.limitations.clone()), typed::<DataContract>(studio, &id, "description.limitations", |c, v| c.description.limitations = v))}
            {commit(Spec::new("Tags (comma separated)").path("tags"), read(|c| c.tags.join(", ")), chosen::<DataContract, String>(studio, &id, |c, v| c.tags = split_list(&v)))}
            <p class="field-note">"Id "<code>{id.clone()}</code></p>
            <SchemaEditor id=id.clone() />
            <QualityList id=id.clone() scope=Scope::Contract />
            <SlaList id=id.clone() />
        </div>
    }
}

/// A contract no port publishes (typically imported): pick the product that should offer it,
/// and it gets a new output port bound to this contract, in one undo step.
#[component]
fn Publish(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    // The contract's own "data product" field is the natural first choice.
    let initial = studio.workspace.with_untracked(|ws| {
        let named = ws.contract(&id).and_then(|c| c.data_product.clone()).filter(|p| ws.product(p).is_some());
        named.or_else(|| ws.products.first().map(|p| p.id.clone())).unwrap_or_default()
    });
    let product = RwSignal::new(initial);
    // Copy handles only: the handler is moved into the view each time it is shown.
    let id = StoredValue::new(id);
    let publish = move |_| {
        let Some(reference) = studio.workspace.with_untracked(|ws| id.with_value(|id| ws.contract(id)).map(|c| (ContractRef { id: c.id.clone(), version: c.version.clone() }, c.name.clone()))) else {
            return;
        };
        let (reference, name) = reference;
        let target = product.get_untracked();
        studio.update::<DataProduct>(&target, Step::New, |p| {
            let port_id = unique_id(&reference.id, p.output_ports.iter().map(|x| x.id.as_str()));
            let name = if name.trim().is_empty() { reference.id.clone() } else { name };
            p.output_ports.push(OutputPort { id: port_id, name, contract: Some(reference), ..Default::default() });
        });
    };
    let has_products = move || studio.workspace.with(|ws| !ws.products.is_empty());
    view! {
        <div class="publish" data-testid="publish-contract">
            <p class="hint">"No output port publishes this contract yet."</p>
            <Show when=has_products fallback=|| view! { <p class="hint">"Add a product to publish it from."</p> }>
                <div class="field-row">
                    {select(Spec::new("Publish from").path("publish").testid("publish-product"), product, options::product_choices(studio), Callback::new(move |v| product.set(v)))}
                    <button class="button small" data-testid="publish-button" on:click=publish>"Publish on a new output port"</button>
                </div>
            </Show>
        </div>
    }
}
