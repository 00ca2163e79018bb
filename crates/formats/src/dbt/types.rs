//! Column data types for dbt model contracts. A contract's `physicalType` is what the producer
//! promised, so it wins when it reads as a plain SQL type; otherwise the logical type maps to a
//! type every common warehouse (and DuckDB, which the tests run) understands.

use dpstudio_model::Property;

pub fn data_type(p: &Property) -> String {
    let physical = p.physical_type.trim();
    if is_plain_sql_type(physical) {
        return physical.to_ascii_lowercase();
    }
    logical(&p.logical_type).to_owned()
}

fn logical(logical_type: &str) -> &'static str {
    match logical_type {
        "integer" => "bigint",
        "number" => "double",
        "boolean" => "boolean",
        "date" => "date",
        "timestamp" => "timestamp",
        "time" => "time",
        // Nested values travel as JSON documents: the one representation all targets share.
        "object" | "array" => "json",
        _ => "varchar",
    }
}

/// `varchar(36)`, `decimal(12,2)`, `timestamp with time zone`: letters, digits, spaces and one
/// parenthesised list of numbers. Anything else (`STRUCT<…>`, quotes, user prose) is not used
/// as SQL text.
fn is_plain_sql_type(text: &str) -> bool {
    if text.is_empty() || text.len() > 64 || !text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let (head, tail) = match text.split_once('(') {
        Some((head, tail)) => (head, Some(tail)),
        None => (text, None),
    };
    let head_ok = head.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '_');
    let tail_ok = match tail {
        None => true,
        Some(t) => t.strip_suffix(')').is_some_and(|args| !args.is_empty() && args.chars().all(|c| c.is_ascii_digit() || c == ',' || c == ' ')),
    };
    head_ok && tail_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(logical: &str, physical: &str) -> Property {
        Property { logical_type: logical.into(), physical_type: physical.into(), ..Default::default() }
    }

    #[test]
    fn physical_types_win_when_they_are_plain_sql() {
        assert_eq!(data_type(&p("number", "decimal(12,2)")), "decimal(12,2)");
        assert_eq!(data_type(&p("string", "VARCHAR(36)")), "varchar(36)");
        assert_eq!(data_type(&p("string", "text")), "text");
    }

    #[test]
    fn other_physical_types_fall_back_to_the_logical_type() {
        assert_eq!(data_type(&p("object", "STRUCT<a INT>")), "json");
        assert_eq!(data_type(&p("integer", "int'); drop table x; --")), "bigint");
        assert_eq!(data_type(&p("", "")), "varchar");
        assert_eq!(data_type(&p("number", "decimal()")), "double");
    }
}
