//! A product's input and output ports. An input reads a source system or another product's
//! output port (and then records that port's contract); an output port is bound to a contract,
//! new or existing, which opens in the contract editor.

use dpstudio_model::{
    unique_id, ContractRef, DataContract, DataProduct, Edit, InputPort, InputSource, Item, OutputPort, PortKind,
    SchemaObject, Workspace,
};
use leptos::prelude::*;

use super::entity::{chosen, typed, Editable, Step};
use super::field::{Spec, remove_button, select, text};
use super::options::{self, parse_source_key, source_key};
use super::product::row_count;
use crate::state::{Selection, Studio};

#[component]
pub fn InputPorts(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let count = row_count(studio, &id, |p| p.input_ports.len());
    let add = {
        let id = id.clone();
        move |_| {
            studio.update::<DataProduct>(&id, Step::New, |p| {
                let port_id = unique_id("input", p.input_ports.iter().map(|x| x.id.as_str()));
                p.input_ports.push(InputPort { id: port_id, name: "New input".into(), ..Default::default() })
            })
        }
    };
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let read = |get: fn(&InputPort) -> String| {
                    studio.read::<DataProduct, String>(&id, move |p| p.input_ports.get(i).map(get).unwrap_or_default())
                };
                let contract = read(|port| port.contract.as_ref().map(|c| format!("reads contract {} v{}", c.id, c.version)).unwrap_or_default());
                view! {
                    <div class="list-row port-row" data-path=format!("inputPorts[{i}]")>
                        {text(Spec::new("Input name").path(format!("inputPorts[{i}].name")).compact(), read(|port| port.name.clone()), typed::<DataProduct>(studio, &id, format!("inputPorts[{i}].name"), move |p, v| if let Some(port) = p.input_ports.get_mut(i) { port.name = v }))}
                        {select(Spec::new("Reads from").path(format!("inputPorts[{i}].source")).testid("input-source").compact(), read(|port| source_key(&port.source)), options::sources(studio, id.clone()), Callback::new({
                                let id = id.clone();
                                move |key: String| set_input_source(studio, &id, i, &key)
                            }))}
                        {remove_button("Remove input port", chosen::<DataProduct, ()>(studio, &id, move |p, ()| {
                            if i < p.input_ports.len() { p.input_ports.remove(i); }
                        }))}
                        <span class="row-note">{move || contract.get()}</span>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="form-section" data-path="inputPorts">
            <h3 class="section-title">"Input ports"</h3>
            {rows}
            <button class="button small" on:click=add data-testid="add-input-port">"+ Input port"</button>
        </section>
    }
}

/// Points input `index` at a source; reading another product's port records that port's
/// contract too, so the lineage and the contract dependency never disagree.
fn set_input_source(studio: Studio, product_id: &str, index: usize, key: &str) {
    let source = parse_source_key(key);
    let upstream_contract = studio.workspace.with_untracked(|ws| match &source {
        InputSource::Product { product, port } => ws.product(product).and_then(|p| p.output_port(port)).and_then(|o| o.contract.clone()),
        InputSource::System { .. } => None,
    });
    studio.update::<DataProduct>(product_id, Step::New, |p| {
        if let Some(port) = p.input_ports.get_mut(index) {
            port.source = source;
            port.contract = upstream_contract;
        }
    });
}

fn port_kind_options() -> options::Options {
    options::fixed(&PortKind::ALL.map(PortKind::as_str))
}

#[component]
pub fn OutputPorts(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let count = row_count(studio, &id, |p| p.output_ports.len());
    let add = {
        let id = id.clone();
        move |_| {
            studio.update::<DataProduct>(&id, Step::New, |p| {
                let port_id = unique_id("output", p.output_ports.iter().map(|x| x.id.as_str()));
                p.output_ports.push(OutputPort { id: port_id, name: "New output".into(), ..Default::default() })
            })
        }
    };
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let read = |get: fn(&OutputPort) -> String| {
                    studio.read::<DataProduct, String>(&id, move |p| p.output_ports.get(i).map(get).unwrap_or_default())
                };
                let bound = read(|port| port.contract.as_ref().map(|c| c.id.clone()).unwrap_or_default());
                let product_id = id.clone();
                let contract_action = move || {
                    let product_id = product_id.clone();
                    match bound.get() {
                        contract if contract.is_empty() => view! {
                            <button class="button small" data-testid="new-contract" on:click=move |_| new_contract(studio, &product_id, i)>"New contract"</button>
                        }
                        .into_any(),
                        contract => view! {
                            <button class="button small" data-testid="open-contract"
                                on:click=move |_| studio.selection.set(Some(Selection::Contract(contract.clone())))>"Edit contract"</button>
                        }
                        .into_any(),
                    }
                };
                view! {
                    <div class="list-row port-row" data-path=format!("outputPorts[{i}]")>
                        {text(Spec::new("Output name").path(format!("outputPorts[{i}].name")).compact(), read(|port| port.name.clone()), typed::<DataProduct>(studio, &id, format!("outputPorts[{i}].name"), move |p, v| if let Some(port) = p.output_ports.get_mut(i) { port.name = v }))}
                        {select(Spec::new("Port kind").compact(), read(|port| port.kind.as_str().to_owned()), port_kind_options(), chosen::<DataProduct, String>(studio, &id, move |p, v| if let Some(port) = p.output_ports.get_mut(i) {
                                port.kind = PortKind::ALL.into_iter().find(|k| k.as_str() == v).unwrap_or_default()
                            }))}
                        {select(Spec::new("Contract").path(format!("outputPorts[{i}].contract")).testid("output-contract").compact(), bound, options::contracts(studio), Callback::new({
                                let id = id.clone();
                                move |contract: String| bind_contract(studio, &id, i, &contract)
                            }))}
                        {contract_action}
                        {remove_button("Remove output port", chosen::<DataProduct, ()>(studio, &id, move |p, ()| {
                            if i < p.output_ports.len() { p.output_ports.remove(i); }
                        }))}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="form-section" data-path="outputPorts">
            <h3 class="section-title">"Output ports"</h3>
            {rows}
            <button class="button small" on:click=add data-testid="add-output-port">"+ Output port"</button>
        </section>
    }
}

/// Binds output `index` to a contract at the contract's current version (or unbinds it).
fn bind_contract(studio: Studio, product_id: &str, index: usize, contract_id: &str) {
    let reference = studio.workspace.with_untracked(|ws| {
        ws.contract(contract_id).map(|c| ContractRef { id: c.id.clone(), version: c.version.clone() })
    });
    studio.update::<DataProduct>(product_id, Step::New, |p| {
        if let Some(port) = p.output_ports.get_mut(index) {
            port.contract = reference;
        }
    });
}

/// A contract for output `index`, named after the product and port, in the product's domain
/// and owned by its team, with one schema object to add fields to; bound to the port in the
/// same undo step, then opened.
fn new_contract(studio: Studio, product_id: &str, index: usize) {
    let edit = studio.workspace.with_untracked(|ws| contract_for_port(ws, product_id, index));
    let Some((contract_id, edit)) = edit else { return };
    if studio.apply(edit).is_ok() {
        studio.selection.set(Some(Selection::Contract(contract_id)));
    }
}

fn contract_for_port(ws: &Workspace, product_id: &str, index: usize) -> Option<(String, Edit)> {
    let product = DataProduct::find(ws, product_id)?;
    let port = product.output_ports.get(index)?;
    let name = format!("{} {}", product.name, port.name);
    let id = unique_id(&name, ws.contracts.iter().map(|c| c.id.as_str()));
    let object = dpstudio_model::slugify(&port.name).replace('-', "_");
    let contract = DataContract {
        id: id.clone(),
        name,
        version: "0.1.0".into(),
        domain: product.domain.clone(),
        data_product: Some(product.id.clone()),
        team: product.owner_team.clone(),
        schema: vec![SchemaObject { name: object, ..Default::default() }],
        ..Default::default()
    };
    let mut bound = product.clone();
    bound.output_ports[index].contract = Some(ContractRef { id: id.clone(), version: contract.version.clone() });
    let insert = Edit::append(ws, Item::Contract(contract));
    let replace = Edit::replace(ws, product_id, Item::Product(bound)).ok()?;
    Some((id, Edit::Batch(vec![insert, replace])))
}
