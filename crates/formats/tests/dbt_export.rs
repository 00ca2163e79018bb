//! The dbt export's structure: names are valid dbt identifiers, every model has an enforced
//! contract whose columns are exactly the SQL's select list, lineage becomes `ref`/`source`,
//! quality rules become tests, the semantic layer becomes MetricFlow YAML, and hostile user
//! text cannot break a name or open a Jinja block. `dbt_parse.rs` has the real tool's verdict.

mod support;

use std::collections::{BTreeMap, HashSet};

use dpstudio_formats::dbt;
use dpstudio_model::{DataContract, DataProduct, OutputPort, ContractRef, Property, SchemaObject, Workspace};
use serde_json::Value;

fn retail() -> Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn files(w: &Workspace) -> BTreeMap<String, String> {
    dbt::export(w).into_iter().collect()
}

fn is_ident(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The `as "column"` aliases of a model's select list, in order.
fn select_aliases(sql: &str) -> Vec<String> {
    sql.lines()
        .filter(|l| l.trim_start().starts_with("cast("))
        .map(|l| {
            let code = l.split(" -- ").next().unwrap().trim_end().trim_end_matches(',');
            code.rsplit_once(" as \"").unwrap().1.trim_end_matches('"').to_owned()
        })
        .collect()
}

/// Checks that hold for any workspace's project; returns the models by name.
fn check_project(files: &BTreeMap<String, String>) -> BTreeMap<String, Value> {
    let project = support::parse(&files["dbt_project.yml"]);
    assert!(is_ident(project["name"].as_str().unwrap()), "{project}");
    let mut models = BTreeMap::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("models/") && p.ends_with(".yml")) {
        let doc = support::parse(text);
        for m in doc["models"].as_array().into_iter().flatten() {
            let name = m["name"].as_str().unwrap().to_owned();
            assert!(is_ident(&name), "{path}: {name}");
            assert!(models.insert(name.clone(), m.clone()).is_none(), "model {name} twice");
        }
    }
    for (path, sql) in files.iter().filter(|(p, _)| p.starts_with("models/") && p.ends_with(".sql")) {
        let name = path.rsplit('/').next().unwrap().trim_end_matches(".sql");
        let m = models.get(name).unwrap_or_else(|| panic!("{path} has no properties entry"));
        if name == "metricflow_time_spine" {
            continue;
        }
        assert_eq!(m["config"]["contract"]["enforced"], true, "{name}");
        assert_eq!(m["config"]["materialized"], "table", "{name}");
        let columns: Vec<String> = m["columns"].as_array().unwrap().iter().map(|c| {
            assert!(c["data_type"].as_str().is_some_and(|t| !t.is_empty()), "{name}: {c}");
            c["name"].as_str().unwrap().to_owned()
        }).collect();
        assert_eq!(select_aliases(sql), columns, "{name}: the select list is the contract's columns\n{sql}");
        for c in &columns {
            assert!(is_ident(c), "{name}.{c}");
        }
        // A comment never swallows the comma that separates select items.
        let items: Vec<&str> = sql.lines().filter(|l| l.trim_start().starts_with("cast(")).collect();
        for l in &items[..items.len().saturating_sub(1)] {
            assert!(l.split(" -- ").next().unwrap().trim_end().ends_with(','), "{name}: {l}");
        }
    }
    // Only our own Jinja calls: user text is inert.
    for (path, text) in files {
        let mut rest = text.as_str();
        while let Some(i) = rest.find("{{") {
            let call = &rest[i..];
            assert!(
                ["{{ ref('", "{{ source('", "{{ config(severity='warn') }}", "{{ dbt.date_spine("].iter().any(|ok| call.starts_with(ok)),
                "{path}: unexpected Jinja {}",
                &call[..call.len().min(40)]
            );
            rest = &rest[i + 2..];
        }
        assert!(!text.contains("{%") && !text.contains("{#"), "{path}");
    }
    models
}

fn column<'a>(model: &'a Value, name: &str) -> &'a Value {
    model["columns"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn retail_project_has_contracts_lineage_tests_sources_and_metrics() {
    let files = files(&retail());
    let models = check_project(&files);
    assert_eq!(support::parse(&files["dbt_project.yml"])["name"], "retail_orders_customers");
    for path in ["models/web_orders/orders.sql", "models/web_orders/_web_orders.yml", "models/daily_revenue/daily_revenue.sql", "models/customer_360/customer_360.sql", "models/sources.yml", "models/metrics.yml"] {
        assert!(files.contains_key(path), "{path} in {:?}", files.keys().collect::<Vec<_>>());
    }

    let orders = &models["orders"];
    let key = column(orders, "order_id");
    assert_eq!(key["data_type"], "varchar(36)");
    let constraints: Vec<&str> = key["constraints"].as_array().unwrap().iter().map(|c| c["type"].as_str().unwrap()).collect();
    assert_eq!(constraints, ["not_null", "primary_key"]);
    assert!(key["data_tests"].as_array().unwrap().contains(&Value::from("unique")));
    let channel = &column(orders, "channel")["data_tests"][0]["accepted_values"]["arguments"]["values"];
    assert_eq!(channel, &serde_json::json!(["web", "app", "marketplace"]));
    let fk = &column(orders, "customer_id")["data_tests"][0]["relationships"]["arguments"];
    assert_eq!(fk["to"], "ref('customer_profiles')");
    assert_eq!(fk["field"], "customer_id");
    assert_eq!(column(orders, "shipping_email")["config"]["meta"]["pii"], true);
    assert_eq!(models["daily_revenue"]["constraints"][0]["columns"], serde_json::json!(["day", "channel"]));

    // Lineage: upstream products by ref, source systems by source, the rest typed nulls.
    let daily = &files["models/daily_revenue/daily_revenue.sql"];
    assert!(daily.contains("select * from {{ ref('orders') }}"), "{daily}");
    assert!(daily.contains("cast(orders.\"net_amount\" as double) as \"net_revenue\", -- sum(net_amount) group by day, channel"), "{daily}");
    assert!(daily.contains("cast(null as date) as \"day\""), "{daily}");
    let c360 = &files["models/customer_360/customer_360.sql"];
    assert!(c360.contains("{{ ref('customer_profiles') }}") && c360.contains("{{ ref('orders') }}"), "{c360}");
    assert!(files["models/web_orders/orders.sql"].contains("{{ source('webshop', 'webshop_db') }}"));
    let sources = support::parse(&files["models/sources.yml"]);
    let names: Vec<&str> = sources["sources"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["webshop", "crm"]);

    // Quality rules: the row count and the SQL rule as singular tests reading the model.
    let sql_rule = &files["tests/orders_no_future_orders.sql"];
    assert!(sql_rule.contains("SELECT COUNT(*) FROM {{ ref('orders') }} WHERE ordered_at > now()"), "{sql_rule}");
    assert!(sql_rule.contains("where not (value = 0)"), "{sql_rule}");
    assert!(files["tests/orders_rowcount.sql"].contains("having not (count(*) > 0)"));

    // Semantic layer: the order entity on the orders model, its metrics (a ratio over metrics).
    let web = support::parse(&files["models/web_orders/_web_orders.yml"]);
    let sm = &web["semantic_models"][0];
    assert_eq!(sm["model"], "ref('orders')");
    assert_eq!(sm["entities"][0]["expr"], "order_id");
    assert_eq!(sm["defaults"]["agg_time_dimension"], "order_date");
    let metrics = support::parse(&files["models/metrics.yml"]);
    let ratio = metrics["metrics"].as_array().unwrap().iter().find(|m| m["name"] == "average_order_value").unwrap();
    assert_eq!(ratio["type"], "ratio");
    assert_eq!(ratio["type_params"]["numerator"], "net_revenue");
    let denominator = ratio["type_params"]["denominator"].as_str().unwrap();
    assert!(metrics["metrics"].as_array().unwrap().iter().any(|m| m["name"] == denominator && m["type"] == "simple"));
}

#[test]
fn generated_project_has_one_model_per_served_object_with_unique_names() {
    let w = dpstudio_model::generate(20, 1);
    let files = files(&w);
    let models = check_project(&files);
    let served: HashSet<(&str, &str)> = w
        .products
        .iter()
        .flat_map(|p| p.output_ports.iter().filter_map(|o| o.contract.as_ref()).map(move |c| (p.id.as_str(), c.id.as_str())))
        .collect();
    let objects: usize = served.iter().map(|(_, c)| w.contract(c).map_or(0, |c| c.schema.len())).sum();
    // Every served object, plus the time spine the semantic layer needs.
    let spine = usize::from(files.contains_key("models/metricflow_time_spine.sql"));
    assert_eq!(models.len(), objects + spine);
    assert!(files.keys().any(|p| p.starts_with("tests/")));
    // Aggregates read upstream models, never a missing one.
    let refs: Vec<&str> = files.values().flat_map(|t| t.split("{{ ref('").skip(1)).map(|s| s.split('\'').next().unwrap()).collect();
    assert!(!refs.is_empty());
    for r in refs {
        assert!(models.contains_key(r), "ref to {r}");
    }
}

#[test]
fn hostile_names_become_valid_identifiers_and_inert_text() {
    let property = |name: &str| Property { name: name.into(), logical_type: "string".into(), description: "{{ evil() }} {% raw %}".into(), ..Default::default() };
    let contract = DataContract {
        id: "c 1".into(),
        name: "{{x}}".into(),
        schema: vec![SchemaObject {
            name: "select".into(),
            description: "{# comment".into(),
            properties: vec![property("from {{x}}"), property("1st"), property("Ünïcode")],
            ..Default::default()
        }, SchemaObject {
            // The time spine's name stays the time spine's.
            name: "metricflow_time_spine".into(),
            properties: vec![property("x")],
            ..Default::default()
        }],
        ..Default::default()
    };
    let product = |id: &str| DataProduct {
        id: id.into(),
        name: "{% if %}".into(),
        tags: vec!["{{ tag }}".into()],
        output_ports: vec![OutputPort { id: "o".into(), name: "o".into(), contract: Some(ContractRef { id: "c 1".into(), version: "1".into() }), ..Default::default() }],
        ..Default::default()
    };
    let w = Workspace { name: "9 lives {{ ws }}".into(), products: vec![product("1 Ørders"), product("1 ørders")], contracts: vec![contract], ..Default::default() };
    let files = files(&w);
    let models = check_project(&files);
    assert_eq!(support::parse(&files["dbt_project.yml"])["name"], "_9_lives_ws");
    // Both products serve an object called `select`: their (unique) folders go in front.
    let names: Vec<&String> = models.keys().collect();
    assert_eq!(names, ["_1_rders_2_metricflow_time_spine", "_1_rders_2_select", "_1_rders_metricflow_time_spine", "_1_rders_select"]);
    let columns: Vec<&str> = models["_1_rders_select"]["columns"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(columns, ["from_x", "_1st", "n_code"]);
}

#[test]
fn small_and_empty_workspaces_export_consistent_projects() {
    for n in [0, 1, 2, 3, 7] {
        let w = dpstudio_model::generate(n, n as u64);
        let files = files(&w);
        let models = check_project(&files);
        // One model per object of each contract a product serves (each contract once per product).
        let mut served: Vec<(&str, &str)> = w
            .products
            .iter()
            .flat_map(|p| p.output_ports.iter().filter_map(|o| o.contract.as_ref()).map(move |c| (p.id.as_str(), c.id.as_str())))
            .collect();
        served.sort();
        served.dedup();
        let objects: usize = served.iter().map(|(_, c)| w.contract(c).map_or(0, |c| c.schema.len())).sum();
        assert_eq!(models.keys().filter(|m| *m != "metricflow_time_spine").count(), objects, "generate({n})");
    }
    let empty = files(&Workspace::default());
    assert_eq!(empty.keys().collect::<Vec<_>>(), ["dbt_project.yml"]);
    assert_eq!(support::parse(&empty["dbt_project.yml"])["name"], "item");
}
