//! dbt names and text: whatever users typed becomes a valid dbt identifier, and user text that
//! dbt renders through Jinja (SQL files, YAML descriptions, test arguments) cannot open a Jinja
//! block by accident.

use std::collections::BTreeSet;

/// A valid dbt identifier (`[a-z_][a-z0-9_]*`): lower-case ASCII letters and digits, other
/// characters folded into single `_`. Never empty; a leading digit gets a `_` in front so the
/// name also works unquoted as a SQL identifier.
pub fn ident(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending = true;
        }
    }
    if out.is_empty() {
        out.push_str("item");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// Hands out identifiers unique within one namespace (models, tests, metrics, …): the first
/// taker of a name gets it, the next ones a numeric suffix.
#[derive(Default)]
pub struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    pub fn claim(&mut self, wanted: &str) -> String {
        let base = ident(wanted);
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }
}

/// User text made inert for Jinja: `{{`, `{%` and `{#` are split so dbt prints them instead of
/// evaluating them (dbt renders descriptions, test arguments and every SQL file).
pub fn jinja_safe(text: &str) -> String {
    text.replace("{{", "{ {").replace("{%", "{ %").replace("{#", "{ #")
}

/// User text as a one-line SQL comment body: no line breaks, Jinja-inert.
pub fn comment(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    jinja_safe(one_line.trim())
}

/// A column name as SQL: quoted, so reserved words (`order`, `select`, `day`) stay names.
/// [`ident`] already removed every character that would need escaping.
pub fn column(name: &str) -> String {
    format!("\"{}\"", ident(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_valid_whatever_was_typed() {
        assert_eq!(ident("Customer 360 — Daily"), "customer_360_daily");
        assert_eq!(ident("360 view"), "_360_view");
        assert_eq!(ident("!!!"), "item");
        assert_eq!(ident("web-orders"), "web_orders");
        assert_eq!(ident("Ünïcode Näme"), "n_code_n_me");
    }

    #[test]
    fn names_are_unique_in_their_namespace() {
        let mut names = Names::default();
        assert_eq!(names.claim("orders"), "orders");
        assert_eq!(names.claim("Orders"), "orders_2");
        assert_eq!(names.claim("orders"), "orders_3");
    }

    #[test]
    fn jinja_in_user_text_is_inert() {
        assert_eq!(jinja_safe("{{ evil() }} {% if %} {# c #}"), "{ { evil() }} { % if %} { # c #}");
        assert_eq!(comment("two\nlines {{x}}"), "two lines { {x}}");
    }
}
