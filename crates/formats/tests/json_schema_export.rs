//! JSON Schema exports are valid draft 2020-12 schemas (checked against the meta-schema), accept
//! a record built from the contract's own examples, and reject records that break `required`,
//! `enum` or a type — for the retail example, the official ODCS examples and a generated workspace.

mod support;

use dpstudio_formats::{json_schema, odcs};
use dpstudio_model::{DataContract, Property, SchemaObject, Workspace};
use serde_json::{json, Map, Value};

fn retail() -> Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    dpstudio_model::from_json(&std::fs::read_to_string(path).expect("retail example")).expect("loads")
}

fn validator(schema: &Value) -> jsonschema::Validator {
    assert!(jsonschema::meta::is_valid(schema), "not a valid schema: {schema:#}");
    jsonschema::options().should_validate_formats(true).build(schema).unwrap_or_else(|e| panic!("{e}: {schema:#}"))
}

/// A value for `p`: its first example, else its first enum value, else one of its type.
fn sample(p: &Property) -> Value {
    if let Some(v) = p.examples.first() {
        return v.clone();
    }
    if let Some(e) = p.enum_values.first() {
        return e.value.clone();
    }
    match p.logical_type.as_str() {
        "date" => json!("2026-11-25"),
        "timestamp" => json!("2026-11-25T10:00:00Z"),
        "time" => json!("10:00:00Z"),
        "number" => json!(1.5),
        "integer" => json!(7),
        "boolean" => json!(true),
        "object" => record(&p.properties),
        "array" => Value::Array(p.items.iter().map(|i| sample(i)).collect()),
        _ => json!("text"),
    }
}

fn record(properties: &[Property]) -> Value {
    let mut out = Map::new();
    for p in properties {
        out.entry(p.name.clone()).or_insert_with(|| sample(p));
    }
    Value::Object(out)
}

/// Every schema is valid; with `samples`, every object's sample record passes (the official
/// examples' patterns and bounds are beyond what `sample` invents). Returns the number checked.
fn check_contracts(contracts: &[DataContract], samples: bool) -> usize {
    let mut n = 0;
    for c in contracts {
        let schemas = json_schema::schemas(c);
        assert_eq!(schemas.len(), c.schema.len());
        for ((name, schema), object) in schemas.iter().zip(&c.schema) {
            let v = validator(schema);
            n += 1;
            if !samples {
                continue;
            }
            let doc = record(&object.properties);
            let errors: Vec<String> = v.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{}/{name}: {errors:#?}\n{doc:#}\n{schema:#}", c.id);
        }
        // The text export is the same schema, whatever order it writes keys in.
        for ((_, text), (_, schema)) in json_schema::export(c).iter().zip(&schemas) {
            let parsed: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(&parsed, schema);
        }
    }
    n
}

#[test]
fn retail_schemas_are_valid_and_accept_their_examples() {
    let w = retail();
    assert!(check_contracts(&w.contracts, true) >= w.contracts.len());
}

#[test]
fn generated_workspace_schemas_are_valid_and_accept_samples() {
    assert!(check_contracts(&dpstudio_model::generate(40, 1).contracts, true) > 40);
}

#[test]
fn official_odcs_examples_give_valid_schemas() {
    let Some(reference) = support::reference() else { return };
    let contracts: Vec<DataContract> = support::files(&reference.join("odcs/examples"))
        .into_iter()
        .map(|(name, text)| odcs::import(&text).unwrap_or_else(|e| panic!("{name}: {e}")).contract)
        .collect();
    assert!(check_contracts(&contracts, false) > 10);
}

#[test]
fn retail_orders_schema_says_what_the_contract_says_and_rejects_bad_records() {
    let w = retail();
    let orders = w.contract("orders").unwrap();
    let (name, schema) = json_schema::schemas(orders).remove(0);
    assert_eq!(name, "orders");
    // The text lists keywords first and properties in column order.
    let (_, text) = json_schema::export(orders).remove(0);
    assert!(text.starts_with("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": \"Orders\","), "{text}");
    let at = |key: &str| text.find(&format!("\"{key}\": {{")).unwrap_or_else(|| panic!("{key} in {text}"));
    assert!(at("order_id") < at("customer_id") && at("customer_id") < at("ordered_at") && at("status") < at("shipping_email"), "{text}");
    assert_eq!(schema["$schema"], json_schema::DRAFT);
    assert_eq!(schema["title"], "Orders");
    assert_eq!(schema["properties"]["ordered_at"], json!({"type": "string", "format": "date-time"}));
    assert_eq!(schema["properties"]["channel"]["enum"], json!(["web", "app", "marketplace"]));
    assert_eq!(schema["properties"]["net_amount"]["type"], "number");
    let required = schema["required"].as_array().unwrap();
    assert!(required.contains(&json!("order_id")) && !required.contains(&json!("shipping_email")));

    let v = validator(&schema);
    let good = record(&orders.schema[0].properties);
    assert!(v.is_valid(&good));
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("order_id");
    assert!(!v.is_valid(&missing), "missing required order_id accepted");
    let mut bad_enum = good.clone();
    bad_enum["channel"] = json!("fax");
    assert!(!v.is_valid(&bad_enum), "channel outside its enum accepted");
    let mut bad_type = good.clone();
    bad_type["net_amount"] = json!("12.50");
    assert!(!v.is_valid(&bad_type), "text for a number accepted");
    let mut bad_date = good;
    bad_date["ordered_at"] = json!("yesterday");
    assert!(!v.is_valid(&bad_date), "not a date-time accepted");
}

#[test]
fn nested_structures_and_logical_type_options_are_constraints() {
    let mut code = Property { name: "code".into(), logical_type: "string".into(), required: true, ..Default::default() };
    code.extra.insert("logicalTypeOptions".into(), json!({"pattern": "^[A-Z]{3}$", "maxLength": 3, "minLength": "x"}));
    let address = Property { name: "address".into(), logical_type: "object".into(), properties: vec![code], ..Default::default() };
    let item = Property { name: "tag".into(), logical_type: "integer".into(), ..Default::default() };
    let tags = Property { name: "tags".into(), logical_type: "array".into(), items: Some(Box::new(item)), ..Default::default() };
    let contract = DataContract {
        id: "n".into(),
        schema: vec![SchemaObject { name: "t".into(), properties: vec![address, tags], ..Default::default() }],
        ..Default::default()
    };
    let (_, schema) = json_schema::schemas(&contract).remove(0);
    let code = &schema["properties"]["address"]["properties"]["code"];
    assert_eq!(code["pattern"], "^[A-Z]{3}$");
    assert_eq!(code["maxLength"], 3);
    assert!(code.get("minLength").is_none(), "a mistyped option is not copied: {code}");
    let v = validator(&schema);
    assert!(v.is_valid(&json!({"address": {"code": "EUR"}, "tags": [1, 2]})));
    assert!(!v.is_valid(&json!({"address": {"code": "eur"}})));
    assert!(!v.is_valid(&json!({"address": {}})));
    assert!(!v.is_valid(&json!({"tags": ["a"]})));
}
