//! The product editor: what the product is and who owns it, its ports, service levels and
//! support channels. Every control edits the model directly (one undoable edit per change).

use dpstudio_model::{Collection, DataProduct, ProductKind, SupportChannel, Slo, Status};
use leptos::prelude::*;

use super::entity::{chosen, typed};
use super::field::{Spec, commit, optional, parse_scalar, remove_button, scalar_text, select, split_list, text};
use super::{options, ports};
use crate::state::Studio;

pub fn status_options() -> options::Options {
    options::fixed(&Status::ALL.map(Status::as_str))
}

fn kind_options() -> options::Options {
    Signal::derive(|| ProductKind::ALL.iter().map(|k| (kind_value(*k).to_owned(), k.label().to_owned())).collect())
}

fn kind_value(kind: ProductKind) -> &'static str {
    match kind {
        ProductKind::SourceAligned => "sourceAligned",
        ProductKind::Aggregate => "aggregate",
        ProductKind::ConsumerAligned => "consumerAligned",
    }
}

fn kind_of(value: &str) -> ProductKind {
    ProductKind::ALL.into_iter().find(|k| kind_value(*k) == value).unwrap_or_default()
}

#[component]
pub fn ProductForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&DataProduct) -> String| studio.read::<DataProduct, String>(&id, get);
    view! {
        <div class="form" data-testid="product-form">
            {text(Spec::new("Name").path("name").testid("product-name"), read(|p| p.name.clone()), typed::<DataProduct>(studio, &id, "name", |p, v| p.name = v))}
            <div class="field-row">
                {select(Spec::new("Kind").path("kind"), read(|p| kind_value(p.kind).to_owned()), kind_options(), chosen::<DataProduct, String>(studio, &id, |p, v| p.kind = kind_of(&v)))}
                {select(Spec::new("Status").path("status"), read(|p| p.status.as_str().to_owned()), status_options(), chosen::<DataProduct, String>(studio, &id, |p, v| p.status = Status::parse(&v).unwrap_or_default()))}
                {text(Spec::new("Version").path("version"), read(|p| p.version.clone()), typed::<DataProduct>(studio, &id, "version", |p, v| p.version = v))}
            </div>
            <div class="field-row">
                {select(Spec::new("Domain").path("domain").testid("product-domain"), read(|p| p.domain.clone().unwrap_or_default()), options::domains(studio), chosen::<DataProduct, String>(studio, &id, |p, v| p.domain = optional(v)))}
                {select(Spec::new("Owner team").path("ownerTeam").testid("product-owner"), read(|p| p.owner_team.clone().unwrap_or_default()), options::teams(studio), chosen::<DataProduct, String>(studio, &id, |p, v| p.owner_team = optional(v)))}
            </div>
            {text(Spec::new("Purpose").path("purpose").testid("product-purpose").placeholder("Why this product exists and for whom").multiline(), read(|p| p.purpose.clone()), typed::<DataProduct>(studio, &id, "purpose", |p, v| p.purpose = v))}
            {text(Spec::new("Description").path("description").multiline(), read(|p| p.description.clone()), typed::<DataProduct>(studio, &id, "description", |p, v| p.description = v))}
            {commit(Spec::new("Tags (comma separated)").path("tags"), read(|p| p.tags.join(", ")), chosen::<DataProduct, String>(studio, &id, |p, v| p.tags = split_list(&v)))}
            {super::id_field::id_field(studio, Collection::Products, id.clone())}
            <ports::InputPorts id=id.clone() />
            <ports::OutputPorts id=id.clone() />
            <Slos id=id.clone() />
            <Support id=id.clone() />
        </div>
    }
}

/// Rows of a list inside a product, keyed by position: adding or removing a row re-renders
/// the rows, typing into one does not.
pub fn row_count(studio: Studio, id: &str, list: fn(&DataProduct) -> usize) -> Memo<usize> {
    studio.read::<DataProduct, usize>(id, list)
}

const SLO_PROPERTIES: [&str; 6] = ["freshness", "latency", "availability", "completeness", "frequency", "retention"];
/// Time units the checks understand (s, min, h, d, w), and % and y for availability and retention.
const SLO_UNITS: [&str; 7] = ["s", "min", "h", "d", "w", "%", "y"];

#[component]
fn Slos(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let count = row_count(studio, &id, |p| p.slos.len());
    let add = {
        let id = id.clone();
        move |_| studio.update::<DataProduct>(&id, super::Step::New, |p| {
            p.slos.push(Slo { property: "freshness".into(), value: 1.into(), unit: "d".into(), description: String::new() })
        })
    };
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let read = |get: fn(&Slo) -> String| studio.read::<DataProduct, String>(&id, move |p| p.slos.get(i).map(get).unwrap_or_default());
                view! {
                    <div class="list-row" data-path=format!("slos[{i}]")>
                        {select(Spec::new("Property").compact(), read(|s| s.property.clone()), options::fixed(&SLO_PROPERTIES), chosen::<DataProduct, String>(studio, &id, move |p, v| if let Some(s) = p.slos.get_mut(i) { s.property = v }))}
                        {commit(Spec::new("Value").compact(), read(|s| scalar_text(&s.value)), chosen::<DataProduct, String>(studio, &id, move |p, v| if let Some(s) = p.slos.get_mut(i) { s.value = parse_scalar(&v) }))}
                        {select(Spec::new("Unit").compact(), read(|s| s.unit.clone()), options::fixed_or_none(&SLO_UNITS), chosen::<DataProduct, String>(studio, &id, move |p, v| if let Some(s) = p.slos.get_mut(i) { s.unit = v }))}
                        {remove_button("Remove service level", chosen::<DataProduct, ()>(studio, &id, move |p, ()| {
                            if i < p.slos.len() { p.slos.remove(i); }
                        }))}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="form-section">
            <h3 class="section-title">"Service levels"</h3>
            {rows}
            <button class="button small" on:click=add>"+ Service level"</button>
        </section>
    }
}

#[component]
fn Support(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let count = row_count(studio, &id, |p| p.support.len());
    let add = {
        let id = id.clone();
        move |_| studio.update::<DataProduct>(&id, super::Step::New, |p| {
            p.support.push(SupportChannel { channel: "#data-help".into(), tool: "slack".into(), ..Default::default() })
        })
    };
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let read = |get: fn(&SupportChannel) -> String| {
                    studio.read::<DataProduct, String>(&id, move |p| p.support.get(i).map(get).unwrap_or_default())
                };
                view! {
                    <div class="list-row" data-path=format!("support[{i}]")>
                        {text(Spec::new("Channel").compact(), read(|s| s.channel.clone()), typed::<DataProduct>(studio, &id, format!("support[{i}].channel"), move |p, v| if let Some(s) = p.support.get_mut(i) { s.channel = v }))}
                        {select(Spec::new("Tool").compact(), read(|s| s.tool.clone()), options::fixed_or_none(&["slack", "teams", "email", "ticket", "discord", "other"]), chosen::<DataProduct, String>(studio, &id, move |p, v| if let Some(s) = p.support.get_mut(i) { s.tool = v }))}
                        {text(Spec::new("URL").placeholder("https://…").compact(), read(|s| s.url.clone()), typed::<DataProduct>(studio, &id, format!("support[{i}].url"), move |p, v| if let Some(s) = p.support.get_mut(i) { s.url = v }))}
                        {remove_button("Remove support channel", chosen::<DataProduct, ()>(studio, &id, move |p, ()| {
                            if i < p.support.len() { p.support.remove(i); }
                        }))}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="form-section" data-path="support">
            <h3 class="section-title">"Support"</h3>
            {rows}
            <button class="button small" on:click=add>"+ Support channel"</button>
        </section>
    }
}
