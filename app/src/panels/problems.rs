//! The problems panel: every diagnostic of the workspace, live, filtered by severity, rule and
//! text. Choosing one selects the entity it is about on the canvas and in the inspector.

use dpstudio_check::{Diagnostic, EntityKind, Location, Severity};
use dpstudio_model::{Collection, Workspace};
use leptos::prelude::*;

use crate::state::{Selection, Studio};

/// Rows drawn at most; a generated 1,000-product workspace can have thousands of diagnostics
/// and the filters narrow them faster than scrolling does.
const MAX_ROWS: usize = 300;

#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let shown = RwSignal::new([true, true, true]);
    let rule = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let count = move |severity: Severity| studio.diagnostics.with(|ds| ds.iter().filter(|d| d.severity == severity).count());
    let toggles = [Severity::Error, Severity::Warning, Severity::Info].into_iter().enumerate().map(move |(i, severity)| {
        let label = match severity {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "Info",
        };
        view! {
            <button class=format!("filter {}", severity.as_str()) aria-pressed=move || shown.get()[i].to_string()
                on:click=move |_| shown.update(|s| s[i] = !s[i])>
                {move || format!("{label} {}", count(severity))}
            </button>
        }
    });
    let rule_options = move || {
        let mut ids: Vec<&'static str> = studio.diagnostics.with(|ds| ds.iter().map(|d| d.rule).collect());
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|id| view! { <option value=id>{id}</option> }).collect_view()
    };
    let rows = move || {
        let shown = shown.get();
        let rule = rule.get();
        let needle = text.get().to_lowercase();
        let matching: Vec<Diagnostic> = studio.diagnostics.with(|ds| {
            ds.iter()
                .filter(|d| shown[severity_index(d.severity)])
                .filter(|d| rule.is_empty() || d.rule == rule)
                .filter(|d| needle.is_empty() || d.message.to_lowercase().contains(&needle) || d.location.id.to_lowercase().contains(&needle))
                .cloned()
                .collect()
        });
        let total = matching.len();
        let rows = studio.workspace.with(|ws| {
            matching
                .into_iter()
                .take(MAX_ROWS)
                .map(|d| {
                    let place = place_of(ws, &d.location);
                    let location = d.location.clone();
                    view! {
                        <li>
                            <button class=format!("problem {}", d.severity.as_str()) on:click=move |_| select(studio, &location)>
                                <span class="problem-severity">{d.severity.as_str()}</span>
                                <span class="problem-message">{d.message}</span>
                                <span class="problem-place">{place}</span>
                                <code class="problem-rule">{d.rule}</code>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        });
        let more = (total > MAX_ROWS).then(|| view! { <li class="hint">{format!("… {} more; filter to narrow", total - MAX_ROWS)}</li> });
        let empty = (total == 0).then(|| view! { <li class="status-ok">"✓ Nothing matches"</li> });
        view! { {rows}{more}{empty} }
    };
    // Mounted only while open (`dialogs.rs`).
    view! {
            <section class="problems" aria-label="Problems" data-testid="problems">
                <div class="problems-tools">
                    <h2 class="problems-title">"Problems"</h2>
                    {toggles.collect_view()}
                    <label class="visually-hidden" for="problems-rule">"Rule"</label>
                    <select id="problems-rule" on:change=move |ev| rule.set(event_target_value(&ev))>
                        <option value="">"All rules"</option>
                        {rule_options}
                    </select>
                    <label class="visually-hidden" for="problems-search">"Search problems"</label>
                    <input id="problems-search" type="search" placeholder="Search…" on:input=move |ev| text.set(event_target_value(&ev)) />
                    <button class="button icon" aria-label="Close problems" title="Close" on:click=move |_| studio.problems_open.set(false)>"×"</button>
                </div>
                <ul class="problem-list">{rows}</ul>
            </section>
    }
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// "Product Web Orders · outputPorts[0].contract": the entity by name and the field.
fn place_of(ws: &Workspace, location: &Location) -> String {
    let id = location.id.as_str();
    let c = &ws.context;
    let (kind, name) = match location.kind {
        EntityKind::Workspace => ("Workspace", Some(ws.name.as_str())),
        EntityKind::Product => ("Product", ws.product(id).map(|p| p.name.as_str())),
        EntityKind::Contract => ("Contract", ws.contract(id).map(|k| k.name.as_str())),
        EntityKind::Domain => ("Domain", c.domains.iter().find(|x| x.id == id).map(|x| x.name.as_str())),
        EntityKind::Team => ("Team", c.teams.iter().find(|x| x.id == id).map(|x| x.name.as_str())),
        EntityKind::GlossaryTerm => ("Glossary term", c.glossary.iter().find(|x| x.id == id).map(|x| x.term.as_str())),
        EntityKind::Entity => ("Entity", c.semantic.entities.iter().find(|x| x.id == id).map(|x| x.name.as_str())),
        EntityKind::Metric => ("Metric", c.semantic.metrics.iter().find(|x| x.id == id).map(|x| x.name.as_str())),
        EntityKind::UseCase => ("Use case", c.use_cases.iter().find(|x| x.id == id).map(|x| x.name.as_str())),
        EntityKind::SourceSystem => ("Source system", c.source_systems.iter().find(|x| x.id == id).map(|x| x.name.as_str())),
    };
    let name = name.filter(|n| !n.is_empty()).unwrap_or(id);
    if location.path.is_empty() {
        format!("{kind} {name}")
    } else {
        format!("{kind} {name} · {}", location.path)
    }
}

/// Selects what the diagnostic is about and opens its form at the field: a product or
/// contract in its editor, a context entity on its tab of the context editor.
pub(crate) fn select(studio: Studio, location: &Location) {
    let id = location.id.clone();
    let selection = match location.kind {
        EntityKind::Product => Some(Selection::Product(id)),
        EntityKind::Contract => Some(Selection::Contract(id)),
        EntityKind::SourceSystem => Some(Selection::System(id)),
        EntityKind::UseCase => Some(Selection::UseCase(id)),
        EntityKind::Domain => Some(Selection::Context(Collection::Domains, Some(id))),
        EntityKind::Team => Some(Selection::Context(Collection::Teams, Some(id))),
        EntityKind::GlossaryTerm => Some(Selection::Context(Collection::Glossary, Some(id))),
        EntityKind::Entity => Some(Selection::Context(Collection::Entities, Some(id))),
        EntityKind::Metric => Some(Selection::Context(Collection::Metrics, Some(id))),
        EntityKind::Workspace => None,
    };
    studio.selection.set(selection);
    studio.focus_path.set(Some(location.path.clone()));
}
