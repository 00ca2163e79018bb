//! `models/sources.yml`: one dbt source per source system that input ports read, with the
//! tables they read (from the port's contract where it has one).

use serde_json::{json, Map, Value};

use super::names::ident;
use super::plan::Plan;
use super::types::data_type;

pub fn file(plan: &Plan<'_>) -> Option<Value> {
    if plan.sources.is_empty() {
        return None;
    }
    let sources: Vec<Value> = plan
        .sources
        .iter()
        .map(|s| {
            let mut out = Map::new();
            out.insert("name".into(), json!(s.name));
            if !s.description.is_empty() {
                out.insert("description".into(), json!(s.description));
            }
            let tables: Vec<Value> = s
                .tables
                .iter()
                .map(|t| {
                    let mut table = Map::new();
                    table.insert("name".into(), json!(t.name));
                    if !t.description.is_empty() {
                        table.insert("description".into(), json!(t.description));
                    }
                    if let Some(o) = t.object {
                        // The physical table name, when the contract gives one that differs.
                        if !o.physical_name.is_empty() && o.physical_name != t.name {
                            table.insert("identifier".into(), json!(o.physical_name));
                        }
                        let columns: Vec<Value> = o
                            .properties
                            .iter()
                            .map(|p| {
                                let mut c = Map::new();
                                c.insert("name".into(), json!(ident(&p.name)));
                                c.insert("data_type".into(), json!(data_type(p)));
                                if !p.description.is_empty() {
                                    c.insert("description".into(), json!(p.description));
                                }
                                Value::Object(c)
                            })
                            .collect();
                        if !columns.is_empty() {
                            table.insert("columns".into(), Value::Array(columns));
                        }
                    }
                    Value::Object(table)
                })
                .collect();
            out.insert("tables".into(), Value::Array(tables));
            Value::Object(out)
        })
        .collect();
    Some(json!({ "version": 2, "sources": sources }))
}
