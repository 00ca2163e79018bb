//! Quality rules and SLA properties of a contract. A rule is a library metric with an
//! operator and threshold (`nullValues mustBe 0`), a SQL query compared the same way, a custom
//! engine's definition, or plain text; the fields shown follow the chosen kind.

use dpstudio_model::{DataContract, QualityKind, QualityRule, SlaProperty};
use leptos::prelude::*;

use super::entity::{chosen, typed, Step};
use super::field::{Spec, commit, parse_scalar, remove_button, scalar_text, select, text};
use super::options;
use crate::state::Studio;

/// Which list of quality rules an editor shows: the contract's own, or one schema object's.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Contract,
    Object(usize),
}

impl Scope {
    fn rules(self, c: &DataContract) -> Option<&Vec<QualityRule>> {
        match self {
            Scope::Contract => Some(&c.quality),
            Scope::Object(o) => c.schema.get(o).map(|x| &x.quality),
        }
    }

    fn rules_mut(self, c: &mut DataContract) -> Option<&mut Vec<QualityRule>> {
        match self {
            Scope::Contract => Some(&mut c.quality),
            Scope::Object(o) => c.schema.get_mut(o).map(|x| &mut x.quality),
        }
    }

    fn title(self) -> &'static str {
        match self {
            Scope::Contract => "Quality rules",
            Scope::Object(_) => "Quality rules of this object",
        }
    }

    fn list_path(self) -> String {
        match self {
            Scope::Contract => "quality".into(),
            Scope::Object(o) => format!("schema[{o}].quality"),
        }
    }

    fn path(self, i: usize) -> String {
        match self {
            Scope::Contract => format!("quality[{i}]"),
            Scope::Object(o) => format!("schema[{o}].quality[{i}]"),
        }
    }
}

const KINDS: [(&str, &str); 4] = [("library", "Library metric"), ("sql", "SQL query"), ("custom", "Custom engine"), ("text", "Text")];
const METRICS: [&str; 5] = ["nullValues", "missingValues", "invalidValues", "duplicateValues", "rowCount"];
const OPERATORS: [&str; 6] = ["mustBe", "mustNotBe", "mustBeGreaterThan", "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo"];
const ENGINES: [&str; 4] = ["great-expectations", "soda", "montecarlo", "dbt"];
const DIMENSIONS: [&str; 7] = ["accuracy", "completeness", "conformity", "consistency", "coverage", "timeliness", "uniqueness"];
const SEVERITIES: [&str; 3] = ["error", "warning", "info"];

fn kind_value(kind: QualityKind) -> &'static str {
    match kind {
        QualityKind::Library => "library",
        QualityKind::Sql => "sql",
        QualityKind::Custom => "custom",
        QualityKind::Text => "text",
    }
}

fn kind_of(value: &str) -> QualityKind {
    match value {
        "sql" => QualityKind::Sql,
        "custom" => QualityKind::Custom,
        "text" => QualityKind::Text,
        _ => QualityKind::Library,
    }
}

#[component]
pub fn QualityList(id: String, scope: Scope) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let count = studio.read::<DataContract, usize>(&id, move |c| scope.rules(c).map_or(0, Vec::len));
    let add = {
        let id = id.clone();
        move |_| {
            studio.update::<DataContract>(&id, Step::New, |c| {
                if let Some(rules) = scope.rules_mut(c) {
                    rules.push(QualityRule {
                        metric: "rowCount".into(),
                        operator: "mustBeGreaterThan".into(),
                        threshold: 0.into(),
                        dimension: "completeness".into(),
                        ..Default::default()
                    });
                }
            })
        }
    };
    let rows = move || (0..count.get()).map(|i| view! { <QualityRow id=id.clone() scope index=i /> }).collect_view();
    view! {
        <section class="form-section" data-path=scope.list_path()>
            <h3 class="section-title">{scope.title()}</h3>
            {rows}
            <button class="button small" data-testid=move || if scope == Scope::Contract { "add-quality" } else { "add-object-quality" } on:click=add>"+ Quality rule"</button>
        </section>
    }
}

#[component]
fn QualityRow(id: String, scope: Scope, index: usize) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let at = scope.path(index);
    let read = |get: fn(&QualityRule) -> String| {
        studio.read::<DataContract, String>(&id, move |c| scope.rules(c).and_then(|r| r.get(index)).map(get).unwrap_or_default())
    };
    let choose = |set: fn(&mut QualityRule, String)| {
        chosen::<DataContract, String>(studio, &id, move |c, v| {
            if let Some(rule) = scope.rules_mut(c).and_then(|r| r.get_mut(index)) {
                set(rule, v)
            }
        })
    };
    let typing = |field: &str, set: fn(&mut QualityRule, String)| {
        typed::<DataContract>(studio, &id, format!("{at}.{field}"), move |c, v| {
            if let Some(rule) = scope.rules_mut(c).and_then(|r| r.get_mut(index)) {
                set(rule, v)
            }
        })
    };
    let kind = read(|r| kind_value(r.kind).to_owned());
    let kind_options = Signal::derive(|| KINDS.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect());
    let comparison = view! {
        {select(Spec::new("Operator").path(format!("{at}.operator")), read(|r| r.operator.clone()), options::fixed_or_none(&OPERATORS), choose(|r, v| r.operator = v))}
        {commit(Spec::new("Threshold").path(format!("{at}.threshold")), read(|r| scalar_text(&r.threshold)), choose(|r, v| r.threshold = parse_scalar(&v)))}
    };
    let library = view! {
        {select(Spec::new("Metric").path(format!("{at}.metric")), read(|r| r.metric.clone()), options::fixed_or_none(&METRICS), choose(|r, v| r.metric = v))}
    };
    let sql = view! {
        {text(Spec::new("SQL query").path(format!("{at}.query")).placeholder("SELECT COUNT(*) FROM …").multiline(), read(|r| r.query.clone()), typing("query", |r, v| r.query = v))}
    };
    let custom = view! {
        {select(Spec::new("Engine").path(format!("{at}.engine")), read(|r| r.engine.clone()), options::fixed_or_none(&ENGINES), choose(|r, v| r.engine = v))}
        {text(Spec::new("Implementation").path(format!("{at}.implementation")).multiline(), read(|r| r.implementation.clone()), typing("implementation", |r, v| r.implementation = v))}
    };
    let (library, sql, custom, comparison) = (library.into_any(), sql.into_any(), custom.into_any(), comparison.into_any());
    // Build each kind's fields once; show the ones that fit the chosen kind.
    let shows = move |k: &'static str| Signal::derive(move || kind.get() == k);
    let (is_library, is_sql, is_custom) = (shows("library"), shows("sql"), shows("custom"));
    let compares = Signal::derive(move || matches!(kind.get().as_str(), "library" | "sql"));
    view! {
        <div class="quality-rule" data-path=at.clone()>
            <div class="field-row">
                {select(Spec::new("Kind").path(format!("{at}.type")), kind, kind_options, choose(|r, v| r.kind = kind_of(&v)))}
                {select(Spec::new("Dimension"), read(|r| r.dimension.clone()), options::fixed_or_none(&DIMENSIONS), choose(|r, v| r.dimension = v))}
                {select(Spec::new("Severity"), read(|r| r.severity.clone()), options::fixed_or_none(&SEVERITIES), choose(|r, v| r.severity = v))}
                {remove_button("Remove quality rule", chosen::<DataContract, ()>(studio, &id, move |c, ()| {
                    if let Some(rules) = scope.rules_mut(c) { if index < rules.len() { rules.remove(index); } }
                }))}
            </div>
            <div class="field-row" class:hidden=move || !is_library.get()>{library}</div>
            <div class:hidden=move || !is_sql.get()>{sql}</div>
            <div class="field-row" class:hidden=move || !compares.get()>{comparison}</div>
            <div class:hidden=move || !is_custom.get()>{custom}</div>
            {text(Spec::new("Description").path(format!("{at}.description")), read(|r| r.description.clone()), typing("description", |r, v| r.description = v))}
        </div>
    }
}

const SLA_PROPERTIES: [&str; 9] =
    ["latency", "freshness", "availability", "frequency", "retention", "throughput", "errorRate", "timeOfAvailability", "endOfSupport"];
/// Time units the checks understand (s, min, h, d, w), and % and y for availability and retention.
const SLA_UNITS: [&str; 7] = ["s", "min", "h", "d", "w", "%", "y"];
const DRIVERS: [&str; 3] = ["regulatory", "analytics", "operational"];

#[component]
pub fn SlaList(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let count = studio.read::<DataContract, usize>(&id, |c| c.sla.len());
    let add = {
        let id = id.clone();
        move |_| {
            studio.update::<DataContract>(&id, Step::New, |c| {
                c.sla.push(SlaProperty { property: "latency".into(), value: 4.into(), unit: "h".into(), ..Default::default() })
            })
        }
    };
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let read = |get: fn(&SlaProperty) -> String| studio.read::<DataContract, String>(&id, move |c| c.sla.get(i).map(get).unwrap_or_default());
                let choose = |set: fn(&mut SlaProperty, String)| {
                    chosen::<DataContract, String>(studio, &id, move |c, v| if let Some(s) = c.sla.get_mut(i) { set(s, v) })
                };
                view! {
                    <div class="list-row" data-path=format!("sla[{i}]")>
                        {select(Spec::new("SLA property").path(format!("sla[{i}].property")).compact(), read(|s| s.property.clone()), options::fixed(&SLA_PROPERTIES), choose(|s, v| s.property = v))}
                        {commit(Spec::new("Value").path(format!("sla[{i}].value")).compact(), read(|s| scalar_text(&s.value)), choose(|s, v| s.value = parse_scalar(&v)))}
                        {select(Spec::new("Unit").path(format!("sla[{i}].unit")).compact(), read(|s| s.unit.clone()), options::fixed_or_none(&SLA_UNITS), choose(|s, v| s.unit = v))}
                        {select(Spec::new("Driver").compact(), read(|s| s.driver.clone()), options::fixed_or_none(&DRIVERS), choose(|s, v| s.driver = v))}
                        {remove_button("Remove SLA property", chosen::<DataContract, ()>(studio, &id, move |c, ()| {
                            if i < c.sla.len() { c.sla.remove(i); }
                        }))}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="form-section" data-path="sla">
            <h3 class="section-title">"Service levels (SLA)"</h3>
            {rows}
            <button class="button small" data-testid="add-sla" on:click=add>"+ SLA property"</button>
        </section>
    }
}
