//! Column types per dialect: a property's `physicalType` when it is a type the dialect knows
//! (with only numeric parameters), otherwise its logical type mapped; nested objects and arrays
//! become what each dialect has for them (JSONB / arrays, OBJECT / ARRAY, STRUCT / ARRAY).

use dpstudio_model::Property;

use super::{quote, Dialect};

/// BigQuery's STRUCT and ARRAY nest; past this depth a field is JSON (hostile input may nest
/// as deep as the parser allowed).
const MAX_DEPTH: usize = 15;

/// The SQL type of `p` in `dialect`.
pub fn column_type(p: &Property, dialect: Dialect) -> String {
    type_at(p, dialect, 0)
}

fn type_at(p: &Property, dialect: Dialect, depth: usize) -> String {
    if let Some(physical) = valid_physical(&p.physical_type, dialect) {
        return physical;
    }
    match p.logical_type.as_str() {
        "object" => object_type(p, dialect, depth),
        "array" => array_type(p, dialect, depth),
        logical => scalar(logical, max_length(p), dialect).to_owned(),
    }
}

/// `maxLength` from ODCS `logicalTypeOptions`, when it is a sensible whole number.
fn max_length(p: &Property) -> Option<u64> {
    let n = p.extra.get("logicalTypeOptions")?.get("maxLength")?.as_u64()?;
    (1..=65_535).contains(&n).then_some(n)
}

fn scalar(logical: &str, max_length: Option<u64>, dialect: Dialect) -> String {
    let s = match (dialect, logical) {
        (Dialect::Postgres, "string") => return max_length.map_or("TEXT".to_owned(), |n| format!("VARCHAR({n})")),
        (Dialect::Postgres, "integer") => "BIGINT",
        (Dialect::Postgres, "number") => "NUMERIC",
        (Dialect::Postgres, "boolean") => "BOOLEAN",
        (Dialect::Postgres, "date") => "DATE",
        (Dialect::Postgres, "timestamp") => "TIMESTAMPTZ",
        (Dialect::Postgres, "time") => "TIME",
        (Dialect::Postgres, _) => "JSONB",
        (Dialect::Snowflake, "string") => return max_length.map_or("VARCHAR".to_owned(), |n| format!("VARCHAR({n})")),
        (Dialect::Snowflake, "integer") => "NUMBER(38, 0)",
        (Dialect::Snowflake, "number") => "NUMBER(38, 9)",
        (Dialect::Snowflake, "boolean") => "BOOLEAN",
        (Dialect::Snowflake, "date") => "DATE",
        (Dialect::Snowflake, "timestamp") => "TIMESTAMP_TZ",
        (Dialect::Snowflake, "time") => "TIME",
        (Dialect::Snowflake, _) => "VARIANT",
        (Dialect::BigQuery, "string") => "STRING",
        (Dialect::BigQuery, "integer") => "INT64",
        (Dialect::BigQuery, "number") => "NUMERIC",
        (Dialect::BigQuery, "boolean") => "BOOL",
        (Dialect::BigQuery, "date") => "DATE",
        (Dialect::BigQuery, "timestamp") => "TIMESTAMP",
        (Dialect::BigQuery, "time") => "TIME",
        (Dialect::BigQuery, _) => "JSON",
    };
    s.to_owned()
}

fn object_type(p: &Property, dialect: Dialect, depth: usize) -> String {
    match dialect {
        Dialect::Postgres => "JSONB".to_owned(),
        Dialect::Snowflake => "OBJECT".to_owned(),
        Dialect::BigQuery if p.properties.is_empty() || depth >= MAX_DEPTH => "JSON".to_owned(),
        Dialect::BigQuery => {
            let fields: Vec<String> = p
                .properties
                .iter()
                // Field-level NOT NULL inside STRUCT is left out: common parsers of BigQuery SQL
                // (sqlparser among them) reject it, and the JSON Schema export carries it.
                .map(|f| format!("{} {}", quote::ident(&f.name, dialect), type_at(f, dialect, depth + 1)))
                .collect();
            format!("STRUCT<{}>", fields.join(", "))
        }
    }
}

fn array_type(p: &Property, dialect: Dialect, depth: usize) -> String {
    let item = p.items.as_deref();
    let item_is_array = item.is_some_and(|i| i.logical_type == "array");
    match dialect {
        Dialect::Snowflake => "ARRAY".to_owned(),
        // PostgreSQL arrays of scalars are typed; anything nested is a JSON document.
        Dialect::Postgres => match item {
            Some(i) if !matches!(i.logical_type.as_str(), "object" | "array" | "") => {
                format!("{}[]", type_at(i, dialect, depth + 1))
            }
            _ => "JSONB".to_owned(),
        },
        // BigQuery has no arrays of arrays and needs an element type.
        Dialect::BigQuery => match item {
            Some(i) if !item_is_array && !i.logical_type.is_empty() && depth < MAX_DEPTH => {
                format!("ARRAY<{}>", type_at(i, dialect, depth + 1))
            }
            _ => "JSON".to_owned(),
        },
    }
}

/// `physical` when it names a type of `dialect`, normalised to upper case; parameters may only
/// be numbers (`varchar(36)`, `decimal(12,2)`), so the text cannot carry anything else into SQL.
fn valid_physical(physical: &str, dialect: Dialect) -> Option<String> {
    let physical = physical.trim();
    let (base, args) = match physical.split_once('(') {
        Some((base, rest)) => (base.trim(), Some(rest.strip_suffix(')')?)),
        None => (physical, None),
    };
    let base = base.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_uppercase();
    let known = match dialect {
        Dialect::Postgres => POSTGRES_TYPES.as_slice(),
        Dialect::Snowflake => SNOWFLAKE_TYPES.as_slice(),
        Dialect::BigQuery => BIGQUERY_TYPES.as_slice(),
    };
    if !known.contains(&base.as_str()) {
        return None;
    }
    match args {
        None => Some(base),
        Some(args) => {
            let parts: Vec<&str> = args.split(',').map(str::trim).collect();
            let numeric = parts.len() <= 2 && parts.iter().all(|a| !a.is_empty() && a.len() <= 5 && a.bytes().all(|b| b.is_ascii_digit()));
            numeric.then(|| format!("{base}({})", parts.join(", ")))
        }
    }
}

const POSTGRES_TYPES: [&str; 30] = [
    "VARCHAR", "CHARACTER VARYING", "CHAR", "CHARACTER", "TEXT", "SMALLINT", "INTEGER", "INT", "INT2",
    "INT4", "INT8", "BIGINT", "DECIMAL", "NUMERIC", "REAL", "DOUBLE PRECISION", "FLOAT4", "FLOAT8",
    "BOOLEAN", "BOOL", "DATE", "TIMESTAMP", "TIMESTAMPTZ", "TIME", "TIMETZ", "UUID", "JSON", "JSONB",
    "BYTEA", "INTERVAL",
];

const SNOWFLAKE_TYPES: [&str; 28] = [
    "VARCHAR", "CHAR", "CHARACTER", "STRING", "TEXT", "NUMBER", "DECIMAL", "NUMERIC", "INT", "INTEGER",
    "BIGINT", "SMALLINT", "TINYINT", "FLOAT", "DOUBLE", "REAL", "BOOLEAN", "DATE", "DATETIME", "TIME",
    "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP_TZ", "VARIANT", "OBJECT", "ARRAY", "BINARY",
];

const BIGQUERY_TYPES: [&str; 16] = [
    "STRING", "BYTES", "INT64", "INT", "INTEGER", "BIGINT", "NUMERIC", "BIGNUMERIC", "DECIMAL",
    "FLOAT64", "BOOL", "BOOLEAN", "DATE", "DATETIME", "TIME", "TIMESTAMP",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn physical_types_are_kept_only_when_the_dialect_has_them() {
        assert_eq!(valid_physical("varchar(36)", Dialect::Postgres).as_deref(), Some("VARCHAR(36)"));
        assert_eq!(valid_physical("decimal(12,2)", Dialect::Snowflake).as_deref(), Some("DECIMAL(12, 2)"));
        assert_eq!(valid_physical("varchar(36)", Dialect::BigQuery), None);
        assert_eq!(valid_physical("text); DROP TABLE x; --(", Dialect::Postgres), None);
        assert_eq!(valid_physical("varchar(1); drop)", Dialect::Postgres), None);
    }

    #[test]
    fn logical_types_map_per_dialect() {
        let p = Property { logical_type: "timestamp".into(), ..Default::default() };
        assert_eq!(column_type(&p, Dialect::Postgres), "TIMESTAMPTZ");
        assert_eq!(column_type(&p, Dialect::Snowflake), "TIMESTAMP_TZ");
        assert_eq!(column_type(&p, Dialect::BigQuery), "TIMESTAMP");
        let item = Property { logical_type: "integer".into(), ..Default::default() };
        let arr = Property { logical_type: "array".into(), items: Some(Box::new(item)), ..Default::default() };
        assert_eq!(column_type(&arr, Dialect::Postgres), "BIGINT[]");
        assert_eq!(column_type(&arr, Dialect::BigQuery), "ARRAY<INT64>");
        assert_eq!(column_type(&arr, Dialect::Snowflake), "ARRAY");
    }
}
