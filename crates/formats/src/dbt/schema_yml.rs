//! `models/<product>/_<product>.yml`: each model of the product with an enforced contract, its
//! columns (data type, constraints, description, tests) and the product's semantic models.

use dpstudio_model::{DataProduct, Property};
use serde_json::{json, Map, Value};

use super::names::ident;
use super::plan::{Model, Plan};
use super::quality::column_tests;
use super::types::data_type;

/// The YAML value of one product's properties file (models and semantic models).
pub fn product_file(plan: &Plan<'_>, product: &DataProduct, semantic_models: Vec<Value>) -> Value {
    let models: Vec<Value> = plan.models.iter().filter(|m| m.product.id == product.id).map(|m| model(plan, m)).collect();
    let mut out = Map::new();
    out.insert("version".into(), json!(2));
    out.insert("models".into(), Value::Array(models));
    if !semantic_models.is_empty() {
        out.insert("semantic_models".into(), Value::Array(semantic_models));
    }
    Value::Object(out)
}

fn model(plan: &Plan<'_>, m: &Model<'_>) -> Value {
    let keys: Vec<&Property> = m.object.properties.iter().filter(|p| p.primary_key).collect();
    let single_key = keys.len() == 1;
    let mut out = Map::new();
    out.insert("name".into(), json!(m.name));
    let description = [&m.object.description, &m.object.business_name, &m.contract.description.purpose]
        .into_iter()
        .find(|d| !d.is_empty())
        .cloned()
        .unwrap_or_default();
    if !description.is_empty() {
        out.insert("description".into(), json!(description));
    }
    let mut config = Map::new();
    config.insert("materialized".into(), json!("table"));
    config.insert("contract".into(), json!({ "enforced": true }));
    let tags: Vec<String> = m.product.tags.iter().chain(&m.object.tags).map(|t| ident(t)).collect();
    if !tags.is_empty() {
        config.insert("tags".into(), json!(tags));
    }
    config.insert(
        "meta".into(),
        json!({
            "data_product": m.product.id,
            "data_contract": m.contract.id,
            "contract_version": m.contract.version,
            "schema_object": m.object.name,
        }),
    );
    out.insert("config".into(), Value::Object(config));
    if keys.len() > 1 {
        let mut ordered = keys.clone();
        ordered.sort_by_key(|p| p.primary_key_position.unwrap_or(i64::MAX));
        let columns: Vec<String> = ordered.iter().map(|p| ident(&p.name)).collect();
        out.insert("constraints".into(), json!([{ "type": "primary_key", "columns": columns }]));
    }
    let columns: Vec<Value> = m.object.properties.iter().map(|p| column(plan, m, p, single_key)).collect();
    out.insert("columns".into(), Value::Array(columns));
    Value::Object(out)
}

fn column(plan: &Plan<'_>, m: &Model<'_>, p: &Property, single_key: bool) -> Value {
    let mut out = Map::new();
    out.insert("name".into(), json!(ident(&p.name)));
    out.insert("data_type".into(), json!(data_type(p)));
    let description = if p.description.is_empty() { &p.business_name } else { &p.description };
    if !description.is_empty() {
        out.insert("description".into(), json!(description));
    }
    let mut constraints = Vec::new();
    if p.required || p.primary_key {
        constraints.push(json!({ "type": "not_null" }));
    }
    if p.unique && !(p.primary_key && single_key) {
        constraints.push(json!({ "type": "unique" }));
    }
    if p.primary_key && single_key {
        constraints.push(json!({ "type": "primary_key" }));
    }
    if !constraints.is_empty() {
        out.insert("constraints".into(), Value::Array(constraints));
    }
    let tests = column_tests(plan, m, p, single_key);
    if !tests.is_empty() {
        out.insert("data_tests".into(), Value::Array(tests));
    }
    let mut meta = Map::new();
    if !p.classification.is_empty() {
        meta.insert("classification".into(), json!(p.classification));
    }
    if p.pii {
        meta.insert("pii".into(), json!(true));
    }
    if !p.glossary.is_empty() {
        meta.insert("glossary".into(), json!(p.glossary));
    }
    if !meta.is_empty() {
        out.insert("config".into(), json!({ "meta": meta }));
    }
    Value::Object(out)
}
