//! One schema object as `CREATE TABLE` (plus PostgreSQL's `COMMENT ON` statements).

use dpstudio_model::{Property, SchemaObject};

use super::quote::{ident, literal};
use super::types::column_type;
use super::Dialect;

/// The name a table or column gets in SQL: its physical name when it has one.
fn sql_name<'a>(name: &'a str, physical: &'a str) -> &'a str {
    if physical.trim().is_empty() { name } else { physical }
}

pub fn statements(o: &SchemaObject, dialect: Dialect) -> Vec<String> {
    let table = ident(sql_name(&o.name, &o.physical_name), dialect);
    let columns: Vec<(String, &Property)> =
        o.properties.iter().map(|p| (ident(sql_name(&p.name, &p.physical_name), dialect), p)).collect();

    let mut lines: Vec<String> = columns.iter().map(|(name, p)| column(name, p, dialect)).collect();
    let keys = ordered(&columns, |p| p.primary_key.then_some(p.primary_key_position));
    if !keys.is_empty() {
        // BigQuery keeps key constraints as metadata only and requires saying so.
        let enforced = if dialect == Dialect::BigQuery { " NOT ENFORCED" } else { "" };
        lines.push(format!("PRIMARY KEY ({}){enforced}", keys.join(", ")));
    }
    let mut create = format!("CREATE TABLE {table} (\n  {}\n)", lines.join(",\n  "));
    create.push_str(&partitioning(&columns, dialect));
    let description = table_description(o);
    match dialect {
        Dialect::Snowflake if !description.is_empty() => {
            create.push_str(&format!("\nCOMMENT = {}", literal(&description, dialect)));
        }
        Dialect::BigQuery if !description.is_empty() => {
            create.push_str(&format!("\nOPTIONS(description={})", literal(&description, dialect)));
        }
        _ => {}
    }
    create.push(';');

    let mut out = vec![create];
    if dialect == Dialect::Postgres {
        if !description.is_empty() {
            out.push(format!("COMMENT ON TABLE {table} IS {};", literal(&description, dialect)));
        }
        for (name, p) in &columns {
            if !p.description.is_empty() {
                out.push(format!("COMMENT ON COLUMN {table}.{name} IS {};", literal(&p.description, dialect)));
            }
        }
    }
    out
}

/// The table's comment: its description, else its business name.
fn table_description(o: &SchemaObject) -> String {
    if o.description.is_empty() { o.business_name.clone() } else { o.description.clone() }
}

fn column(name: &str, p: &Property, dialect: Dialect) -> String {
    let mut out = format!("{name} {}", column_type(p, dialect));
    if p.required || p.primary_key {
        out.push_str(" NOT NULL");
    }
    // A column that alone is the primary key is unique already; BigQuery has no UNIQUE.
    if p.unique && dialect != Dialect::BigQuery && !p.primary_key {
        out.push_str(" UNIQUE");
    }
    if !p.description.is_empty() {
        match dialect {
            Dialect::Snowflake => out.push_str(&format!(" COMMENT {}", literal(&p.description, dialect))),
            Dialect::BigQuery => out.push_str(&format!(" OPTIONS(description={})", literal(&p.description, dialect))),
            Dialect::Postgres => {}
        }
    }
    out
}

/// Quoted names of the columns `pick` selects, ordered by the position it returns (columns
/// without a position keep their order, after the numbered ones).
fn ordered(columns: &[(String, &Property)], pick: impl Fn(&Property) -> Option<Option<i64>>) -> Vec<String> {
    let mut chosen: Vec<(i64, usize, &String)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, (name, p))| pick(p).map(|pos| (pos.unwrap_or(i64::MAX), i, name)))
        .collect();
    chosen.sort();
    chosen.into_iter().map(|(_, _, name)| name.clone()).collect()
}

/// Snowflake clusters by the partition columns; BigQuery partitions by the first date or
/// timestamp one (by day) and clusters by up to four others; PostgreSQL's declarative
/// partitioning would force the keys into the primary key, so it is left to the DBA.
fn partitioning(columns: &[(String, &Property)], dialect: Dialect) -> String {
    let parts: Vec<(String, &Property)> = {
        let names = ordered(columns, |p| p.partitioned.then_some(p.partition_key_position));
        names.into_iter().filter_map(|n| columns.iter().find(|(c, _)| *c == n).map(|(c, p)| (c.clone(), *p))).collect()
    };
    if parts.is_empty() {
        return String::new();
    }
    match dialect {
        Dialect::Postgres => String::new(),
        Dialect::Snowflake => {
            format!("\nCLUSTER BY ({})", parts.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", "))
        }
        Dialect::BigQuery => {
            let time = parts.iter().position(|(_, p)| {
                matches!(column_type(p, dialect).as_str(), "DATE" | "TIMESTAMP" | "DATETIME")
            });
            let mut out = String::new();
            if let Some(i) = time {
                let (name, p) = &parts[i];
                if column_type(p, dialect) == "DATE" {
                    out.push_str(&format!("\nPARTITION BY {name}"));
                } else {
                    out.push_str(&format!("\nPARTITION BY DATE({name})"));
                }
            }
            let cluster: Vec<&str> = parts
                .iter()
                .enumerate()
                .filter(|(j, (_, p))| Some(*j) != time && clusterable(p))
                .map(|(_, (n, _))| n.as_str())
                .take(4)
                .collect();
            if !cluster.is_empty() {
                out.push_str(&format!("\nCLUSTER BY {}", cluster.join(", ")));
            }
            out
        }
    }
}

/// BigQuery clusters only on top-level scalar columns.
fn clusterable(p: &Property) -> bool {
    !matches!(p.logical_type.as_str(), "object" | "array")
}
