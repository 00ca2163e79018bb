//! The status bar: the live diagnostics count and the size of the workspace.

use dpstudio_check::Severity;
use leptos::prelude::*;

use crate::plural::plural;
use crate::state::Studio;

#[component]
pub fn StatusBar() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let count = move |severity: Severity| studio.diagnostics.with(|ds| ds.iter().filter(|d| d.severity == severity).count());
    let summary = move || {
        let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
        if errors + warnings + infos == 0 {
            return view! { <span class="status-ok">"✓ No problems"</span> }.into_any();
        }
        view! {
            <span class="count error" class:zero=errors == 0>{format!("{errors} error{}", plural(errors))}</span>
            <span class="count warning" class:zero=warnings == 0>{format!("{warnings} warning{}", plural(warnings))}</span>
            <span class="count info" class:zero=infos == 0>{format!("{infos} info")}</span>
        }
        .into_any()
    };
    let sizes = move || {
        studio.workspace.with(|ws| {
            format!(
                "{} products · {} contracts · {} domains",
                ws.products.len(),
                ws.contracts.len(),
                ws.context.domains.len()
            )
        })
    };
    view! {
        <footer class="status-bar">
            <button class="diagnostics-summary" aria-live="polite" data-testid="diagnostics-summary"
                title="Show or hide the problems panel" aria-expanded=move || studio.problems_open.get().to_string()
                on:click=move |_| studio.problems_open.update(|open| *open = !*open)>{summary}</button>
            <div class="workspace-size">{sizes}</div>
        </footer>
    }
}
