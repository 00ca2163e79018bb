//! The semantic model: business entities with their dimensions and measures (implemented by a
//! contract's schema object), and metrics computed from measures.

use dpstudio_model::{BusinessEntity, Dimension, Measure, Metric};
use leptos::prelude::*;

use crate::forms::entity::{chosen, typed, Step};
use crate::forms::field::{Spec, optional, remove_button, select, text};
use crate::forms::links::link_picker;
use crate::forms::options::{self, Options};
use crate::state::Studio;

/// Every schema object of every contract, as `contract-id/object-name`.
fn schema_objects(studio: Studio) -> Options {
    Signal::derive(move || {
        let mut all = vec![(String::new(), "— not implemented yet —".to_owned())];
        studio.workspace.with(|ws| {
            for c in &ws.contracts {
                for o in &c.schema {
                    all.push((format!("{}/{}", c.id, o.name), format!("{} · {}", c.name, o.name)));
                }
            }
        });
        all
    })
}

const AGGREGATIONS: [&str; 7] = ["sum", "count", "count_distinct", "avg", "min", "max", "median"];

#[component]
pub fn EntityForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&BusinessEntity) -> String| studio.read::<BusinessEntity, String>(&id, get);
    let dimensions = studio.read::<BusinessEntity, usize>(&id, |e| e.dimensions.len());
    let measures = studio.read::<BusinessEntity, usize>(&id, |e| e.measures.len());
    let add_dimension = {
        let id = id.clone();
        move |_| {
            studio.update::<BusinessEntity>(&id, Step::New, |e| {
                let dim_id = dpstudio_model::unique_id("dimension", e.dimensions.iter().map(|d| d.id.as_str()));
                e.dimensions.push(Dimension { id: dim_id, name: "New dimension".into(), kind: "categorical".into(), ..Default::default() })
            })
        }
    };
    let add_measure = {
        let id = id.clone();
        move |_| {
            studio.update::<BusinessEntity>(&id, Step::New, |e| {
                let measure_id = dpstudio_model::unique_id(&format!("{}-measure", e.id), e.measures.iter().map(|m| m.id.as_str()));
                e.measures.push(Measure { id: measure_id, name: "New measure".into(), aggregation: "sum".into(), ..Default::default() })
            })
        }
    };
    let dimension_rows = {
        let id = id.clone();
        move || {
            (0..dimensions.get())
                .map(|i| {
                    let read = |get: fn(&Dimension) -> String| studio.read::<BusinessEntity, String>(&id, move |e| e.dimensions.get(i).map(get).unwrap_or_default());
                    view! {
                        <div class="list-row" data-path=format!("dimensions[{i}]")>
                            {text(Spec::new("Dimension name").compact(), read(|d| d.name.clone()), typed::<BusinessEntity>(studio, &id, format!("dimensions[{i}].name"), move |e, v| if let Some(d) = e.dimensions.get_mut(i) { d.name = v }))}
                            {text(Spec::new("Reads property").placeholder("property").compact(), read(|d| d.property.clone()), typed::<BusinessEntity>(studio, &id, format!("dimensions[{i}].property"), move |e, v| if let Some(d) = e.dimensions.get_mut(i) { d.property = v }))}
                            {select(Spec::new("Dimension kind").compact(), read(|d| d.kind.clone()), options::fixed(&["categorical", "time"]), chosen::<BusinessEntity, String>(studio, &id, move |e, v| if let Some(d) = e.dimensions.get_mut(i) { d.kind = v }))}
                            {remove_button("Remove dimension", chosen::<BusinessEntity, ()>(studio, &id, move |e, ()| {
                                if i < e.dimensions.len() { e.dimensions.remove(i); }
                            }))}
                        </div>
                    }
                })
                .collect_view()
        }
    };
    let measure_rows = {
        let id = id.clone();
        move || {
            (0..measures.get())
                .map(|i| {
                    let read = |get: fn(&Measure) -> String| studio.read::<BusinessEntity, String>(&id, move |e| e.measures.get(i).map(get).unwrap_or_default());
                    view! {
                        <div class="list-row" data-path=format!("measures[{i}]")>
                            {text(Spec::new("Measure name").compact(), read(|m| m.name.clone()), typed::<BusinessEntity>(studio, &id, format!("measures[{i}].name"), move |e, v| if let Some(m) = e.measures.get_mut(i) { m.name = v }))}
                            {select(Spec::new("Aggregation").compact(), read(|m| m.aggregation.clone()), options::fixed(&AGGREGATIONS), chosen::<BusinessEntity, String>(studio, &id, move |e, v| if let Some(m) = e.measures.get_mut(i) { m.aggregation = v }))}
                            {text(Spec::new("Expression").placeholder("property or SQL").compact(), read(|m| m.expression.clone()), typed::<BusinessEntity>(studio, &id, format!("measures[{i}].expression"), move |e, v| if let Some(m) = e.measures.get_mut(i) { m.expression = v }))}
                            {remove_button("Remove measure", chosen::<BusinessEntity, ()>(studio, &id, move |e, ()| {
                                if i < e.measures.len() { e.measures.remove(i); }
                            }))}
                        </div>
                    }
                })
                .collect_view()
        }
    };
    view! {
        {text(Spec::new("Entity name").path("name").testid("entity-name"), read(|e| e.name.clone()), typed::<BusinessEntity>(studio, &id, "name", |e, v| e.name = v))}
        {text(Spec::new("Description").path("description").multiline(), read(|e| e.description.clone()), typed::<BusinessEntity>(studio, &id, "description", |e, v| e.description = v))}
        {select(Spec::new("Implemented by (contract · object)").path("implementedBy"), read(|e| e.implemented_by.clone().unwrap_or_default()), schema_objects(studio), chosen::<BusinessEntity, String>(studio, &id, |e, v| e.implemented_by = optional(v)))}
        <div class="field-label">"Dimensions"</div>
        {dimension_rows}
        <button class="button small" on:click=add_dimension>"+ Dimension"</button>
        <div class="field-label">"Measures"</div>
        {measure_rows}
        <button class="button small" on:click=add_measure>"+ Measure"</button>
    }
}

const METRIC_KINDS: [&str; 4] = ["simple", "ratio", "derived", "cumulative"];

#[component]
pub fn MetricForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&Metric) -> String| studio.read::<Metric, String>(&id, get);
    view! {
        {text(Spec::new("Metric name").path("name").testid("metric-name"), read(|m| m.name.clone()), typed::<Metric>(studio, &id, "name", |m, v| m.name = v))}
        <div class="field-row">
            {select(Spec::new("Kind").path("kind"), read(|m| m.kind.clone()), options::fixed(&METRIC_KINDS), chosen::<Metric, String>(studio, &id, |m, v| m.kind = v))}
            {select(Spec::new("Owner team").path("owner"), read(|m| m.owner.clone().unwrap_or_default()), options::teams(studio), chosen::<Metric, String>(studio, &id, |m, v| m.owner = optional(v)))}
        </div>
        {link_picker(Spec::new("Computed from measures").path("measures").testid("metric-measures"), studio.read::<Metric, Vec<String>>(&id, |m| m.measures.clone()), options::measures(studio), chosen::<Metric, Vec<String>>(studio, &id, |m, v| m.measures = v))}
        {text(Spec::new("Expression").path("expression").placeholder("e.g. revenue / orders"), read(|m| m.expression.clone()), typed::<Metric>(studio, &id, "expression", |m, v| m.expression = v))}
        {text(Spec::new("Description").path("description").multiline(), read(|m| m.description.clone()), typed::<Metric>(studio, &id, "description", |m, v| m.description = v))}
    }
}
