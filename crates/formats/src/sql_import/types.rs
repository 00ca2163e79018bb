//! SQL column types → ODCS logical types. Read from the type's SQL text (its name before any
//! parameters) rather than from the parser's type enum, so a dialect's spelling the parser
//! keeps as a custom type (`INT64`, `TIMESTAMP_TZ`, `STRING`) maps as well.

/// The logical type for the SQL type `sql` (as written, any case); `"string"` when unknown —
/// ODCS allows no "unknown", and text is what an unknown column can always be read as.
pub fn logical_type(sql: &str) -> &'static str {
    let upper = sql.trim().to_ascii_uppercase();
    if upper.ends_with("[]") || upper.starts_with("ARRAY") {
        return "array";
    }
    if upper.starts_with("STRUCT") || upper.starts_with("OBJECT") || upper.starts_with("MAP") {
        return "object";
    }
    let base = upper.split(['(', '<']).next().unwrap_or("").trim();
    // NUMBER(p, 0) is Snowflake's integer; any other scale is a decimal.
    if base == "NUMBER" || base == "NUMERIC" || base == "DECIMAL" {
        let scale = upper.split(',').nth(1).map(|s| s.trim_matches(|c: char| c == ')' || c.is_whitespace()));
        return if base == "NUMBER" && scale.is_some_and(|s| s == "0") { "integer" } else { "number" };
    }
    match base {
        "SMALLINT" | "INT" | "INTEGER" | "BIGINT" | "TINYINT" | "MEDIUMINT" | "INT2" | "INT4" | "INT8" | "INT64"
        | "SERIAL" | "BIGSERIAL" | "SMALLSERIAL" | "BYTEINT" | "HUGEINT" | "UBIGINT" | "UINTEGER" => "integer",
        "REAL" | "FLOAT" | "FLOAT4" | "FLOAT8" | "FLOAT64" | "DOUBLE" | "DOUBLE PRECISION" | "BIGNUMERIC" | "DEC"
        | "MONEY" => "number",
        "BOOLEAN" | "BOOL" | "BIT" => "boolean",
        "DATE" => "date",
        "TIME" | "TIMETZ" | "TIME WITH TIME ZONE" | "TIME WITHOUT TIME ZONE" => "time",
        "JSON" | "JSONB" | "VARIANT" => "object",
        _ if base.starts_with("TIMESTAMP") || base == "DATETIME" || base == "TIMESTAMPTZ" => "timestamp",
        _ => "string",
    }
}

#[cfg(test)]
mod tests {
    use super::logical_type;

    #[test]
    fn common_types_map() {
        for (sql, want) in [
            ("VARCHAR(36)", "string"),
            ("text", "string"),
            ("BIGINT", "integer"),
            ("NUMERIC(12,2)", "number"),
            ("NUMBER(38, 0)", "integer"),
            ("NUMBER(10, 2)", "number"),
            ("DOUBLE PRECISION", "number"),
            ("TIMESTAMPTZ", "timestamp"),
            ("TIMESTAMP WITH TIME ZONE", "timestamp"),
            ("TIMESTAMP_TZ", "timestamp"),
            ("date", "date"),
            ("TIME", "time"),
            ("BOOLEAN", "boolean"),
            ("JSONB", "object"),
            ("TEXT[]", "array"),
            ("STRUCT<a INT64>", "object"),
            ("INT64", "integer"),
            ("UUID", "string"),
            ("", "string"),
        ] {
            assert_eq!(logical_type(sql), want, "{sql}");
        }
    }
}
