//! The workspace's semantic layer as dbt MetricFlow YAML: a semantic model per business entity
//! implemented by an exported model (entities, dimensions, measures), and the metrics over
//! their measures (simple, ratio, derived, cumulative). What does not map — an entity whose
//! object is not exported, a measure without a time dimension to aggregate over, a metric over
//! measures that did not map — is left out rather than written invalid.

use std::collections::HashMap;

use dpstudio_model::{BusinessEntity, Metric};
use serde_json::{json, Map, Value};

use super::names::{ident, Names};
use super::plan::{Model, Plan};

pub struct Semantic {
    /// Semantic models by the product id whose properties file holds them.
    pub models: Vec<(String, Value)>,
    /// `models/metrics.yml`, when any metric maps.
    pub metrics: Option<Value>,
}

pub fn build(plan: &Plan<'_>) -> Semantic {
    let semantic = &plan.workspace.context.semantic;
    let mut elements = Names::default();
    let mut model_names = Names::default();
    // Measure id → MetricFlow measure name, for the measures that made it.
    let mut measures: HashMap<String, String> = HashMap::new();
    let mut models = Vec::new();
    for entity in &semantic.entities {
        let Some((contract, object)) = entity.implemented_by.as_deref().and_then(|i| i.split_once('/')) else { continue };
        let Some(name) = plan.model_of(contract, object) else { continue };
        let Some(m) = plan.models.iter().find(|m| m.name == name) else { continue };
        let value = semantic_model(entity, m, &mut model_names, &mut elements, &mut measures);
        models.push((m.product.id.clone(), value));
    }
    let metrics = metrics(&semantic.metrics, &measures);
    Semantic { models, metrics: (!metrics.is_empty()).then(|| json!({ "version": 2, "metrics": metrics })) }
}

fn semantic_model(
    entity: &BusinessEntity,
    m: &Model<'_>,
    model_names: &mut Names,
    elements: &mut Names,
    measures: &mut HashMap<String, String>,
) -> Value {
    let columns: Vec<&str> = m.object.properties.iter().map(|p| p.name.as_str()).collect();
    let mut out = Map::new();
    out.insert("name".into(), json!(model_names.claim(&entity.id)));
    if !entity.description.is_empty() {
        out.insert("description".into(), json!(entity.description));
    }
    out.insert("model".into(), json!(format!("ref('{}')", m.name)));

    // The primary entity: the object's single key (or first unique column); a model without
    // one names its primary entity without an expression.
    let entity_name = elements.claim(&entity.name);
    let keys: Vec<&str> = m.object.properties.iter().filter(|p| p.primary_key).map(|p| p.name.as_str()).collect();
    let key = match keys.as_slice() {
        [one] => Some(*one),
        [] => m.object.properties.iter().find(|p| p.unique).map(|p| p.name.as_str()),
        _ => None,
    };
    match key {
        Some(k) => {
            out.insert("entities".into(), json!([{ "name": entity_name, "type": "primary", "expr": ident(k) }]));
        }
        None => {
            out.insert("primary_entity".into(), json!(entity_name));
        }
    }

    let mut dimensions = Vec::new();
    let mut time_dimension = None;
    for d in entity.dimensions.iter().filter(|d| columns.contains(&d.property.as_str())) {
        let name = elements.claim(&d.id);
        let mut dim = Map::new();
        dim.insert("name".into(), json!(name));
        if !d.name.is_empty() {
            dim.insert("label".into(), json!(d.name));
        }
        if !d.description.is_empty() {
            dim.insert("description".into(), json!(d.description));
        }
        dim.insert("expr".into(), json!(ident(&d.property)));
        if d.kind == "time" {
            dim.insert("type".into(), json!("time"));
            dim.insert("type_params".into(), json!({ "time_granularity": "day" }));
            time_dimension.get_or_insert_with(|| name.clone());
        } else {
            dim.insert("type".into(), json!("categorical"));
        }
        dimensions.push(Value::Object(dim));
    }
    // Measures aggregate over time: without a time dimension, the object's first date or
    // timestamp column becomes one.
    if time_dimension.is_none() && !entity.measures.is_empty() {
        if let Some(p) = m.object.properties.iter().find(|p| p.logical_type == "date" || p.logical_type == "timestamp") {
            let name = elements.claim(&p.name);
            dimensions.push(json!({ "name": name, "type": "time", "expr": ident(&p.name), "type_params": { "time_granularity": "day" } }));
            time_dimension = Some(name);
        }
    }
    if !dimensions.is_empty() {
        out.insert("dimensions".into(), Value::Array(dimensions));
    }

    if let Some(time) = time_dimension {
        let mut list = Vec::new();
        for measure in &entity.measures {
            let Some(agg) = aggregation(&measure.aggregation) else { continue };
            let expr = measure.expression.trim();
            let expr = if columns.contains(&expr) {
                ident(expr)
            } else if is_plain_expression(expr) && !expr.is_empty() {
                expr.to_owned()
            } else if agg == "count" {
                "1".to_owned()
            } else {
                continue;
            };
            let name = elements.claim(&measure.id);
            let mut item = Map::new();
            item.insert("name".into(), json!(name));
            if !measure.name.is_empty() {
                item.insert("label".into(), json!(measure.name));
            }
            if !measure.description.is_empty() {
                item.insert("description".into(), json!(measure.description));
            }
            item.insert("agg".into(), json!(agg));
            item.insert("expr".into(), json!(expr));
            measures.insert(measure.id.clone(), name);
            list.push(Value::Object(item));
        }
        if !list.is_empty() {
            out.insert("defaults".into(), json!({ "agg_time_dimension": time }));
            out.insert("measures".into(), Value::Array(list));
        }
    }
    Value::Object(out)
}

/// The model's aggregation names as MetricFlow's `agg`.
fn aggregation(text: &str) -> Option<&'static str> {
    Some(match text.to_ascii_lowercase().as_str() {
        "sum" => "sum",
        "count" => "count",
        "count_distinct" | "countdistinct" | "distinct_count" => "count_distinct",
        "avg" | "average" | "mean" => "average",
        "min" => "min",
        "max" => "max",
        "median" => "median",
        "sum_boolean" => "sum_boolean",
        _ => return None,
    })
}

/// SQL expressions we pass through: column names, numbers, arithmetic and function calls; no
/// quotes or Jinja, so user text cannot break the file or the query.
fn is_plain_expression(expr: &str) -> bool {
    expr.chars().all(|c| c.is_ascii_alphanumeric() || " _+-*/().,".contains(c))
}

/// Metrics whose measures all mapped. Ratio and derived metrics are built from metrics, so a
/// measure they use without a simple metric over it gets one.
fn metrics(list: &[Metric], measures: &HashMap<String, String>) -> Vec<Value> {
    let mut names = Names::default();
    let mapped: Vec<(&Metric, Vec<&str>)> = list
        .iter()
        .filter_map(|m| {
            let ms: Option<Vec<&str>> = m.measures.iter().map(|id| measures.get(id).map(String::as_str)).collect();
            ms.filter(|v| !v.is_empty()).map(|v| (m, v))
        })
        .collect();
    let kind = |m: &Metric, n: usize| match m.kind.as_str() {
        "ratio" if n == 2 => Some("ratio"),
        "derived" if !m.expression.is_empty() => Some("derived"),
        "cumulative" if n == 1 => Some("cumulative"),
        "simple" | "" if n == 1 => Some("simple"),
        _ => None,
    };
    let mut out: Vec<Value> = Vec::new();
    // Simple metrics first, so ratio and derived metrics can reuse them.
    let mut simple_over: HashMap<String, String> = HashMap::new();
    let mut named: Vec<(&Metric, &Vec<&str>, &str, String)> = Vec::new();
    for (m, ms) in &mapped {
        let Some(k) = kind(m, ms.len()) else { continue };
        let name = names.claim(&m.id);
        if k == "simple" {
            simple_over.entry(ms[0].to_owned()).or_insert_with(|| name.clone());
        }
        named.push((m, ms, k, name));
    }
    let mut helpers: Vec<Value> = Vec::new();
    let mut over = |measure: &str, names: &mut Names| -> String {
        if let Some(n) = simple_over.get(measure) {
            return n.clone();
        }
        let name = names.claim(measure);
        helpers.push(json!({ "name": name, "label": measure, "type": "simple", "type_params": { "measure": measure } }));
        simple_over.insert(measure.to_owned(), name.clone());
        name
    };
    for (m, ms, k, name) in named {
        let mut item = Map::new();
        item.insert("name".into(), json!(name));
        item.insert("label".into(), json!(if m.name.is_empty() { name.clone() } else { m.name.clone() }));
        if !m.description.is_empty() {
            item.insert("description".into(), json!(m.description));
        }
        item.insert("type".into(), json!(k));
        let params = match k {
            "simple" | "cumulative" => json!({ "measure": ms[0] }),
            "ratio" => json!({ "numerator": over(ms[0], &mut names), "denominator": over(ms[1], &mut names) }),
            _ => {
                // Measure ids in the expression become the names of metrics over them.
                let mut expr = m.expression.clone();
                let mut ids: Vec<(&String, &str)> = m.measures.iter().zip(ms.iter().copied()).collect();
                ids.sort_by_key(|(id, _)| std::cmp::Reverse(id.len()));
                let mut used = Vec::new();
                for (id, measure) in ids {
                    let metric = over(measure, &mut names);
                    expr = expr.replace(id.as_str(), &metric);
                    used.push(json!({ "name": metric }));
                }
                if !is_plain_expression(&expr) {
                    continue;
                }
                json!({ "expr": expr, "metrics": used })
            }
        };
        item.insert("type_params".into(), params);
        out.push(Value::Object(item));
    }
    out.extend(helpers);
    out
}
