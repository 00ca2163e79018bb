//! Quoting: identifiers are always quoted (names may be keywords or contain anything), string
//! literals escape what each dialect treats specially. This is what keeps a hostile name or
//! description inside its token.

use super::Dialect;

/// `name` as a quoted identifier of `dialect`. Control characters become `_` (no dialect allows
/// them in names); an empty name becomes `unnamed`.
pub fn ident(name: &str, dialect: Dialect) -> String {
    let clean: String = name.chars().map(|c| if c.is_control() { '_' } else { c }).collect();
    let clean = if clean.is_empty() { "unnamed".to_owned() } else { clean };
    match dialect {
        // Standard SQL: a double quote inside is doubled.
        Dialect::Postgres | Dialect::Snowflake => format!("\"{}\"", clean.replace('"', "\"\"")),
        // BigQuery names cannot hold a backtick or a backslash at all; replacing them is safer
        // than relying on escapes inside backticks.
        Dialect::BigQuery => format!("`{}`", clean.replace(['`', '\\'], "_")),
    }
}

/// `text` as a single-quoted string literal of `dialect`.
pub fn literal(text: &str, dialect: Dialect) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match (dialect, c) {
            // PostgreSQL (standard_conforming_strings): only the quote is special.
            (Dialect::Postgres, '\'') => out.push_str("''"),
            (Dialect::Postgres, '\0') => {}
            (Dialect::Postgres, c) => out.push(c),
            // Snowflake and BigQuery read backslash escapes in quoted strings.
            (_, '\'') => out.push_str("\\'"),
            (_, '\\') => out.push_str("\\\\"),
            (_, '\n') => out.push_str("\\n"),
            (_, '\r') => out.push_str("\\r"),
            (_, '\t') => out.push_str("\\t"),
            (_, c) if c.is_control() => {}
            (_, c) => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Text for a `--` comment: one line, so nothing after a newline becomes SQL.
pub fn comment_text(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_doubled_or_escaped_per_dialect() {
        assert_eq!(ident("a\"b", Dialect::Postgres), "\"a\"\"b\"");
        assert_eq!(ident("a`b", Dialect::BigQuery), "`a_b`");
        assert_eq!(ident("", Dialect::Snowflake), "\"unnamed\"");
        assert_eq!(literal("it's", Dialect::Postgres), "'it''s'");
        assert_eq!(literal("it's\\\n", Dialect::BigQuery), "'it\\'s\\\\\\n'");
        assert_eq!(comment_text("a\nDROP"), "a DROP");
    }
}
