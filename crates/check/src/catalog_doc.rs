//! The rule catalog as Markdown, generated from the rules themselves so the documentation
//! cannot drift from the code (`docs/rules.md` holds this output; a test keeps it current).

use crate::engine::{catalog, Family};

/// Renders every rule: a summary table per family, then each rule's rationale.
pub fn catalog_markdown() -> String {
    let rules = catalog();
    let mut out = String::new();
    out.push_str("# Validation rules\n\n");
    out.push_str(
        "Generated from the rules in `crates/check` by \
         `cargo run -p dpstudio-cli -- rules --format markdown > docs/rules.md`; do not edit by hand.\n\n",
    );
    out.push_str(&format!(
        "{} rules. Every diagnostic names its rule id, a severity, a location (entity kind, id and \
         field path) and a hint. Scope says what a rule looks at: one product, one contract, or the \
         whole workspace (workspace rules never read schema properties, so they stay cheap).\n",
        rules.len()
    ));
    for family in Family::ALL {
        let members: Vec<_> = rules.iter().filter(|r| r.family == family).collect();
        out.push_str(&format!("\n## {} ({})\n\n", family.as_str(), members.len()));
        out.push_str("| Id | Severity | Scope | Summary |\n|---|---|---|---|\n");
        for rule in &members {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                rule.id,
                rule.severity.as_str(),
                rule.scope().as_str(),
                cell(rule.summary)
            ));
        }
        out.push('\n');
        for rule in &members {
            out.push_str(&format!("- **`{}`**: {}\n", rule.id, rule.rationale));
        }
    }
    out
}

/// Escapes the one character that would break a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
