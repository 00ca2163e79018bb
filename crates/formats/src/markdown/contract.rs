//! One contract's section of a product page: description, schema tables (nested properties by
//! dotted path), quality rules, SLA and support.

use dpstudio_model::{DataContract, Property, QualityKind, QualityRule, SupportChannel, Workspace};
use serde_json::Value;

use super::escape::{cell, escape_words, inline};

pub fn section(c: &DataContract, w: &Workspace) -> String {
    let title = if c.name.is_empty() { &c.id } else { &c.name };
    let mut out = format!("### Contract {} {}\n\n", escape_words(title), escape_words(&c.version));
    for (label, text) in [("Purpose", &c.description.purpose), ("Usage", &c.description.usage), ("Limitations", &c.description.limitations)] {
        if !text.is_empty() {
            out.push_str(&format!("- **{label}:** {}\n", escape_words(text)));
        }
    }
    if !c.description.purpose.is_empty() || !c.description.usage.is_empty() || !c.description.limitations.is_empty() {
        out.push('\n');
    }
    let mut rules: Vec<(String, &QualityRule)> = c.quality.iter().map(|q| ("contract".to_owned(), q)).collect();
    for o in &c.schema {
        out.push_str(&format!("#### {}", escape_words(&o.name)));
        if !o.physical_name.is_empty() && o.physical_name != o.name {
            out.push_str(&format!(" ({})", escape_words(&o.physical_name)));
        }
        out.push_str("\n\n");
        if !o.description.is_empty() {
            out.push_str(&format!("{}\n\n", inline(&o.description)));
        }
        rules.extend(o.quality.iter().map(|q| (o.name.clone(), q)));
        if o.properties.is_empty() {
            continue;
        }
        out.push_str("| Property | Type | Required | PK | Classification | Description | Glossary |\n|---|---|---|---|---|---|---|\n");
        let mut rows = Vec::new();
        properties("", &o.properties, &mut rows, 0);
        for (path, p) in rows {
            rules.extend(p.quality.iter().map(|q| (format!("{}.{path}", o.name), q)));
            out.push_str(&row(&path, p, w));
        }
        out.push('\n');
    }
    if !rules.is_empty() {
        out.push_str("**Quality rules**\n\n| On | Rule | Dimension | Severity |\n|---|---|---|---|\n");
        for (scope, q) in rules {
            out.push_str(&format!("| {} | {} | {} | {} |\n", cell(&scope), cell(&rule_text(q)), cell(&q.dimension), cell(&q.severity)));
        }
        out.push('\n');
    }
    if !c.sla.is_empty() {
        out.push_str("**SLA**\n\n| Property | Value | Unit | Element | Driver |\n|---|---|---|---|---|\n");
        for s in &c.sla {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                cell(&s.property), cell(&value_text(&s.value)), cell(&s.unit), cell(&s.element), cell(&s.driver)
            ));
        }
        out.push('\n');
    }
    if !c.support.is_empty() {
        out.push_str("**Support**\n\n");
        out.push_str(&support_table(&c.support));
    }
    out
}

/// Properties in document order, nested ones after their parent as `parent.child` (array
/// items as `parent[]`); depth is bounded so hostile nesting cannot exhaust the stack.
fn properties<'a>(prefix: &str, list: &'a [Property], out: &mut Vec<(String, &'a Property)>, depth: usize) {
    if depth > 32 {
        return;
    }
    for p in list {
        let path = if prefix.is_empty() { p.name.clone() } else { format!("{prefix}.{}", p.name) };
        out.push((path.clone(), p));
        properties(&path, &p.properties, out, depth + 1);
        if let Some(items) = &p.items {
            let item_path = format!("{path}[]");
            properties(&item_path, &items.properties, out, depth + 1);
        }
    }
}

fn row(path: &str, p: &Property, w: &Workspace) -> String {
    let kind = match (p.logical_type.as_str(), p.physical_type.as_str()) {
        (l, "") => l.to_owned(),
        ("", ph) => ph.to_owned(),
        (l, ph) => format!("{l} ({ph})"),
    };
    let yes = |b: bool| if b { "yes" } else { "" };
    let mut classification = p.classification.clone();
    if p.pii {
        classification = if classification.is_empty() { "PII".to_owned() } else { format!("{classification}, PII") };
    }
    let glossary: Vec<&str> = p
        .glossary
        .iter()
        .map(|id| w.context.glossary.iter().find(|t| t.id == *id).map_or(id.as_str(), |t| t.term.as_str()))
        .collect();
    let mut description = p.description.clone();
    if !p.enum_values.is_empty() {
        let values: Vec<String> = p.enum_values.iter().map(|e| value_text(&e.value)).collect();
        let sep = if description.is_empty() { "" } else { " " };
        description = format!("{description}{sep}One of: {}.", values.join(", "));
    }
    // Foreign keys, as the model writes them (`object.property` or `contract-id/object.property`).
    for r in p.relationships.iter().filter(|r| !r.to.is_empty()) {
        let sep = if description.is_empty() { "" } else { " " };
        description = format!("{description}{sep}References {}.", r.to);
    }
    let pk = match (p.primary_key, p.primary_key_position) {
        (true, Some(n)) => format!("yes ({n})"),
        (true, None) => "yes".to_owned(),
        _ => String::new(),
    };
    format!(
        "| {} | {} | {} | {} | {} | {} | {} |\n",
        cell(path), cell(&kind), yes(p.required), pk, cell(&classification), cell(&description), cell(&glossary.join(", "))
    )
}

/// What a rule checks, in one line: its description, name, SQL or metric and threshold.
fn rule_text(q: &QualityRule) -> String {
    let threshold = if q.operator.is_empty() { String::new() } else { format!(" {} {}", q.operator, value_text(&q.threshold)) };
    let head = if !q.description.is_empty() { q.description.clone() } else { q.name.clone() };
    let body = match q.kind {
        QualityKind::Library if !q.metric.is_empty() => format!("{}{threshold}", q.metric),
        QualityKind::Sql if !q.query.is_empty() => format!("SQL {}{threshold}", q.query),
        QualityKind::Custom if !q.engine.is_empty() => format!("{} rule", q.engine),
        _ => String::new(),
    };
    match (head.is_empty(), body.is_empty()) {
        (true, _) => body,
        (false, true) => head,
        (false, false) => format!("{head}: {body}"),
    }
}

/// A JSON value as plain text (strings without quotes).
pub fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

pub fn support_table(list: &[SupportChannel]) -> String {
    let mut out = String::from("| Channel | Tool | Where | Scope |\n|---|---|---|---|\n");
    for s in list {
        out.push_str(&format!("| {} | {} | {} | {} |\n", cell(&s.channel), cell(&s.tool), cell(&s.url), cell(&s.scope)));
    }
    out.push('\n');
    out
}
