//! SQL column types as the logical types a contract's schema speaks (ODCS `logicalType`).

/// The logical type of a SQL type as written (`decimal(12, 2)`, `TIMESTAMP_NTZ`,
/// `ARRAY<STRING>`, `varchar(40)`); empty when no type was given, `string` for a type it does
/// not know (the physical type keeps what was written).
pub fn logical_type(sql: &str) -> &'static str {
    let upper = sql.trim().to_uppercase();
    if upper.is_empty() {
        return "";
    }
    if upper.ends_with("[]") || upper.starts_with("ARRAY") || upper.starts_with("LIST<") {
        return "array";
    }
    let base: String = upper.split(['(', '<']).next().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
    match base.as_str() {
        "INT" | "INTEGER" | "BIGINT" | "SMALLINT" | "TINYINT" | "MEDIUMINT" | "INT2" | "INT4" | "INT8" | "INT64" | "SERIAL"
        | "BIGSERIAL" | "SMALLSERIAL" | "BYTEINT" | "HUGEINT" | "LONG" | "SHORT" | "UBIGINT" | "UINTEGER" => "integer",
        "NUMERIC" | "DECIMAL" | "NUMBER" | "DEC" => {
            if scale_is_zero(&upper) {
                "integer"
            } else {
                "number"
            }
        }
        "FLOAT" | "FLOAT4" | "FLOAT8" | "FLOAT64" | "DOUBLE" | "DOUBLE PRECISION" | "REAL" | "MONEY" | "BIGNUMERIC" => "number",
        "BOOL" | "BOOLEAN" | "BIT" => "boolean",
        "DATE" => "date",
        "TIME" | "TIMETZ" | "TIME WITH TIME ZONE" | "TIME WITHOUT TIME ZONE" => "time",
        "JSON" | "JSONB" | "VARIANT" | "OBJECT" | "STRUCT" | "MAP" | "RECORD" | "SUPER" => "object",
        other if other.starts_with("TIMESTAMP") || other == "DATETIME" || other == "DATETIME2" || other == "SMALLDATETIME" => "timestamp",
        _ => "string",
    }
}

/// `NUMBER(38, 0)` and `DECIMAL(10)` hold whole numbers; `DECIMAL` alone or `(12, 2)` do not.
fn scale_is_zero(upper: &str) -> bool {
    let Some(args) = upper.split_once('(').and_then(|(_, rest)| rest.split_once(')')).map(|(inside, _)| inside) else {
        return false;
    };
    let mut numbers = args.split(',').map(str::trim);
    match (numbers.next(), numbers.next()) {
        (Some(precision), None) => precision.parse::<u32>().is_ok(),
        (Some(_), Some(scale)) => scale == "0",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::logical_type;

    #[test]
    fn common_spellings_map_to_logical_types() {
        let cases = [
            ("bigint", "integer"),
            ("INT64", "integer"),
            ("number(38,0)", "integer"),
            ("decimal(12, 2)", "number"),
            ("numeric", "number"),
            ("double precision", "number"),
            ("varchar(40)", "string"),
            ("text", "string"),
            ("uuid", "string"),
            ("boolean", "boolean"),
            ("date", "date"),
            ("timestamp with time zone", "timestamp"),
            ("TIMESTAMP_NTZ", "timestamp"),
            ("datetime", "timestamp"),
            ("time", "time"),
            ("jsonb", "object"),
            ("STRUCT<a INT, b STRING>", "object"),
            ("ARRAY<STRING>", "array"),
            ("text[]", "array"),
            ("geography", "string"),
            ("", ""),
        ];
        for (sql, logical) in cases {
            assert_eq!(logical_type(sql), logical, "{sql}");
        }
    }
}
