//! Quality rules as dbt tests. Column rules that dbt's built-in generic tests express become
//! `data_tests` (`nullValues` → `not_null`, `duplicateValues` → `unique`, `invalidValues` with
//! `validValues` → `accepted_values`; a threshold other than 0 becomes `error_if`); a row-count
//! rule and every SQL rule become singular tests in `tests/`. Custom-engine and text rules have
//! no dbt form and are left out.

use dpstudio_model::{Property, QualityKind, QualityRule};
use serde_json::{json, Map, Value};

use super::names::{column, comment, ident, jinja_safe, Names};
use super::plan::{Model, Plan};

/// The generic tests of one column, without duplicates.
pub fn column_tests(plan: &Plan<'_>, model: &Model<'_>, p: &Property, single_key: bool) -> Vec<Value> {
    let mut tests: Vec<Value> = Vec::new();
    let mut add = |t: Value| {
        if !tests.contains(&t) {
            tests.push(t);
        }
    };
    if p.primary_key && single_key {
        add(json!("not_null"));
    }
    if p.unique || (p.primary_key && single_key) {
        add(json!("unique"));
    }
    if !p.enum_values.is_empty() {
        add(accepted_values(p.enum_values.iter().map(|e| e.value.clone()).collect(), None));
    }
    for r in &p.relationships {
        if let Some(t) = relationship(plan, model, &r.to) {
            add(t);
        }
    }
    for rule in p.quality.iter().filter(|r| r.kind == QualityKind::Library) {
        if let Some(t) = library_test(rule) {
            add(t);
        }
    }
    tests
}

/// A library rule as a generic test, where one of dbt's built-in tests says the same.
fn library_test(rule: &QualityRule) -> Option<Value> {
    let config = config(rule);
    match rule.metric.as_str() {
        "nullValues" | "missingValues" => Some(with_config("not_null", Map::new(), config?)),
        "duplicateValues" => Some(with_config("unique", Map::new(), config?)),
        "invalidValues" => {
            let valid = rule.extra.get("arguments")?.get("validValues")?.as_array()?.clone();
            Some(accepted_values(valid, Some(config?)))
        }
        _ => None,
    }
}

/// The test's config for a rule counting bad rows: its severity, and `error_if` when the
/// allowed count is not 0. `None` when the threshold cannot be said as a row count.
fn config(rule: &QualityRule) -> Option<Map<String, Value>> {
    if !(rule.unit.is_empty() || rule.unit == "rows") {
        return None;
    }
    let n = rule.threshold.as_i64().filter(|n| *n >= 0);
    let error_if = match (rule.operator.as_str(), n) {
        ("" | "mustBe", Some(0)) | ("mustBeLessThan", Some(1)) | ("mustBeLessOrEqualTo", Some(0)) => None,
        ("", None) if rule.threshold.is_null() => None,
        ("mustBeLessThan", Some(n)) => Some(format!(">={n}")),
        ("mustBeLessOrEqualTo", Some(n)) => Some(format!(">{n}")),
        _ => return None,
    };
    let mut config = Map::new();
    if let Some(e) = error_if {
        config.insert("error_if".into(), json!(e));
    }
    if rule.severity == "warning" || rule.severity == "info" {
        config.insert("severity".into(), json!("warn"));
    }
    Some(config)
}

fn with_config(test: &str, mut arguments: Map<String, Value>, config: Map<String, Value>) -> Value {
    if arguments.is_empty() && config.is_empty() {
        return json!(test);
    }
    let mut body = Map::new();
    if !arguments.is_empty() {
        body.insert("arguments".into(), Value::Object(std::mem::take(&mut arguments)));
    }
    if !config.is_empty() {
        body.insert("config".into(), Value::Object(config));
    }
    json!({ test: body })
}

fn accepted_values(values: Vec<Value>, config: Option<Map<String, Value>>) -> Value {
    let mut arguments = Map::new();
    // Numbers and booleans are compared unquoted; text values are quoted by dbt.
    let all_text = values.iter().all(Value::is_string);
    let values: Vec<Value> = values.into_iter().map(|v| match v {
        Value::String(s) => Value::String(jinja_safe(&s)),
        other => other,
    }).collect();
    arguments.insert("values".into(), Value::Array(values));
    if !all_text {
        arguments.insert("quote".into(), json!(false));
    }
    with_config("accepted_values", arguments, config.unwrap_or_default())
}

/// A foreign key (`object.property` in this contract or `contract-id/object.property`) as a
/// `relationships` test, when the referenced object is a model of this project.
fn relationship(plan: &Plan<'_>, model: &Model<'_>, to: &str) -> Option<Value> {
    let (contract, field) = match to.split_once('/') {
        Some((c, f)) => (c, f),
        None => (model.contract.id.as_str(), to),
    };
    let (object, property) = field.split_once('.')?;
    let target = plan.model_of(contract, object)?;
    let mut arguments = Map::new();
    arguments.insert("to".into(), json!(format!("ref('{target}')")));
    arguments.insert("field".into(), json!(ident(property)));
    Some(with_config("relationships", arguments, Map::new()))
}

/// Singular tests (`tests/<name>.sql`) for the model's row-count and SQL rules: the object's
/// own, its properties', and, on a contract's first object, the contract-level ones.
pub fn singular_tests(model: &Model<'_>, names: &mut Names) -> Vec<(String, String)> {
    let mut rules: Vec<(&QualityRule, Option<&Property>)> = model.object.quality.iter().map(|r| (r, None)).collect();
    for p in &model.object.properties {
        rules.extend(p.quality.iter().map(|r| (r, Some(p))));
    }
    if model.contract.schema.first().is_some_and(|o| std::ptr::eq(o, model.object)) {
        rules.extend(model.contract.quality.iter().map(|r| (r, None)));
    }
    let relation = format!("{{{{ ref('{}') }}}}", model.name);
    let mut out = Vec::new();
    for (rule, property) in rules {
        let body = match rule.kind {
            QualityKind::Library if rule.metric == "rowCount" => {
                let Some(cond) = condition(&rule.operator, &rule.threshold) else { continue };
                format!("select count(*) as row_count\nfrom {relation}\nhaving not (count(*) {cond})\n")
            }
            QualityKind::Sql if !rule.query.trim().is_empty() => {
                let query = rewrite_query(&rule.query, model, property, &relation);
                match condition(&rule.operator, &rule.threshold) {
                    Some(cond) => format!("with rule_result (value) as (\n{query}\n)\n\nselect value\nfrom rule_result\nwhere not (value {cond})\n"),
                    // Without a threshold, the query is a dbt test already: it selects failing rows.
                    None => format!("{query}\n"),
                }
            }
            _ => continue,
        };
        let label = [&rule.name, &rule.id, &rule.metric].into_iter().find(|s| !s.is_empty()).map_or("sql_rule", |s| s.as_str());
        let name = names.claim(&format!("{}__{}", model.name, ident(label)));
        let mut text = format!("-- {} rule of contract {}", comment(label), comment(&model.contract.id));
        if !rule.description.is_empty() {
            text.push_str(&format!(": {}", comment(&rule.description)));
        }
        text.push_str(".\n-- Generated by Data Product Studio: the test fails when it returns rows.\n");
        if rule.severity == "warning" || rule.severity == "info" {
            text.push_str("{{ config(severity='warn') }}\n");
        }
        text.push('\n');
        text.push_str(&body);
        out.push((format!("tests/{name}.sql"), text));
    }
    out
}

/// The SQL comparison a passing value satisfies (`= 0`, `between 1 and 5`), when the rule has
/// an operator and a numeric threshold.
fn condition(operator: &str, threshold: &Value) -> Option<String> {
    let number = |v: &Value| v.as_number().map(|n| n.to_string());
    let between = || {
        let items = threshold.as_array()?;
        match items.as_slice() {
            [a, b] => Some((number(a)?, number(b)?)),
            _ => None,
        }
    };
    Some(match operator {
        "mustBe" => format!("= {}", number(threshold)?),
        "mustNotBe" => format!("<> {}", number(threshold)?),
        "mustBeGreaterThan" => format!("> {}", number(threshold)?),
        "mustBeGreaterOrEqualTo" => format!(">= {}", number(threshold)?),
        "mustBeLessThan" => format!("< {}", number(threshold)?),
        "mustBeLessOrEqualTo" => format!("<= {}", number(threshold)?),
        "mustBeBetween" => {
            let (a, b) = between()?;
            format!("between {a} and {b}")
        }
        "mustNotBeBetween" => {
            let (a, b) = between()?;
            format!("not between {a} and {b}")
        }
        _ => return None,
    })
}

/// The rule's query reading the model: ODCS's `{object}` / `{property}` placeholders and the
/// object's own table names after `from` / `join` become the model's `ref`. User text is made
/// Jinja-inert first, so only our `ref` is evaluated.
fn rewrite_query(query: &str, model: &Model<'_>, property: Option<&Property>, relation: &str) -> String {
    let mut q = jinja_safe(query.trim().trim_end_matches(';').trim_end());
    q = q.replace("{object}", relation);
    if let Some(p) = property {
        q = q.replace("{property}", &column(&p.name));
    }
    let tables: Vec<String> = [&model.object.physical_name, &model.object.name]
        .into_iter()
        .filter(|n| !n.is_empty())
        .map(|n| n.to_ascii_lowercase())
        .collect();
    let mut out = String::with_capacity(q.len());
    let mut previous = String::new();
    let mut rest = q.as_str();
    while let Some(c) = rest.chars().next() {
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '"';
        if is_word(c) {
            let end = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
            let word = &rest[..end];
            let bare = word.trim_matches('"').to_ascii_lowercase();
            if (previous == "from" || previous == "join") && tables.contains(&bare) {
                out.push_str(relation);
            } else {
                out.push_str(word);
            }
            previous = bare;
            rest = &rest[end..];
        } else {
            out.push(c);
            if !c.is_whitespace() {
                previous.clear();
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_become_sql_conditions() {
        assert_eq!(condition("mustBe", &json!(0)).as_deref(), Some("= 0"));
        assert_eq!(condition("mustBeBetween", &json!([1, 5.5])).as_deref(), Some("between 1 and 5.5"));
        assert_eq!(condition("mustBe", &json!("0; drop table x")), None);
        assert_eq!(condition("", &json!(0)), None);
    }

    #[test]
    fn row_counts_with_a_limit_become_error_if() {
        let rule = |op: &str, t: i64| QualityRule { metric: "nullValues".into(), operator: op.into(), threshold: t.into(), ..Default::default() };
        assert_eq!(library_test(&rule("mustBe", 0)), Some(json!("not_null")));
        assert_eq!(library_test(&rule("mustBeLessThan", 5)), Some(json!({"not_null": {"config": {"error_if": ">=5"}}})));
        assert_eq!(library_test(&rule("mustBeGreaterThan", 5)), None);
        let percent = QualityRule { unit: "percent".into(), ..rule("mustBeLessThan", 5) };
        assert_eq!(library_test(&percent), None);
    }
}
