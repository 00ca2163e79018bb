//! ODCS data quality rules: library metrics with one comparison operator, SQL, custom engines
//! and plain text.

use dpstudio_model::{QualityKind, QualityRule};
use serde_json::{Map, Value};

use crate::common::{import_object, Fmt, lenient_text, put_str, read_list};
use crate::error::FormatError;
use crate::fields::Fields;
use crate::hints;

/// The comparison operators ODCS defines; a rule carries one (the first found is typed).
pub const OPERATORS: [&str; 8] = [
    "mustBe", "mustNotBe", "mustBeGreaterThan", "mustBeGreaterOrEqualTo", "mustBeLessThan",
    "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween",
];

/// Reads `quality` (ODCS, and the Data Contract Specification, which spells rules the same way).
pub fn read(f: &mut Fields<'_>, fmt: Fmt) -> Result<Vec<QualityRule>, FormatError> {
    let doc = f.doc();
    read_list(f.list("quality")?, |path, value| {
        import_object(doc, path, value, "a quality rule", fmt, |mut f| {
            let kind = match f.string("type")?.as_deref() {
                Some("sql") => QualityKind::Sql,
                Some("custom") => QualityKind::Custom,
                Some("text") => QualityKind::Text,
                _ => QualityKind::Library,
            };
            let (operator, threshold) = match OPERATORS.iter().find(|op| f.has(op)) {
                Some(op) => (op.to_string(), f.value(op).unwrap_or(Value::Null)),
                None => (String::new(), Value::Null),
            };
            Ok(QualityRule {
                id: f.text("id")?,
                name: f.text("name")?,
                kind,
                description: f.text("description")?,
                metric: f.text("metric")?,
                operator,
                threshold,
                unit: f.text("unit")?,
                query: f.text("query")?,
                engine: f.text("engine")?,
                implementation: lenient_text(&mut f, "implementation"),
                dimension: f.text("dimension")?,
                severity: f.text("severity")?,
                extra: f.rest(),
            })
        }, |q| render(q, fmt), |q| &mut q.extra)
    })
}

pub fn render(q: &QualityRule, fmt: Fmt) -> Map<String, Value> {
    let mut out = Map::new();
    put_str(&mut out, "id", &q.id);
    put_str(&mut out, "name", &q.name);
    let kind = match q.kind {
        QualityKind::Library => "library",
        QualityKind::Sql => "sql",
        QualityKind::Custom => "custom",
        QualityKind::Text => "text",
    };
    out.insert("type".to_owned(), Value::String(kind.to_owned()));
    put_str(&mut out, "description", &q.description);
    put_str(&mut out, "metric", &q.metric);
    if !q.operator.is_empty() {
        out.insert(q.operator.clone(), q.threshold.clone());
    }
    put_str(&mut out, "unit", &q.unit);
    put_str(&mut out, "query", &q.query);
    put_str(&mut out, "engine", &q.engine);
    put_str(&mut out, "implementation", &q.implementation);
    put_str(&mut out, "dimension", &q.dimension);
    put_str(&mut out, "severity", &q.severity);
    hints::finish(&mut out, &q.extra, fmt.hint_key);
    out
}
