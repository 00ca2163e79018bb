//! SQL `CREATE TABLE` → a data contract: one schema object per table, its columns as
//! properties with the SQL type kept as `physicalType` and mapped to a logical type,
//! `NOT NULL` → required, `PRIMARY KEY` (column or table constraint, positions in key order)
//! and `UNIQUE` (single column), `COMMENT` clauses and `COMMENT ON TABLE/COLUMN` as
//! descriptions. Other statements (indexes, grants, views) are skipped: a DDL script usually
//! holds more than tables. Behind the `sql-import` feature, as the SQL parser adds size the
//! browser app does not need.

mod types;

use dpstudio_model::{DataContract, Property, SchemaObject};
use sqlparser::ast::{
    ColumnDef, ColumnOption, CommentObject, CreateTable, Expr, ObjectName, ObjectNamePart, Statement, TableConstraint,
};
use sqlparser::dialect::{BigQueryDialect, Dialect as SqlDialect, PostgreSqlDialect, SnowflakeDialect};
use sqlparser::parser::{Parser, ParserError};

use crate::error::{ErrorKind, FormatError};
use crate::sql::Dialect;

pub use types::logical_type;

/// Reads the `CREATE TABLE` statements of `text` (written for `dialect`) into a contract named
/// `name` (its id is the name's slug, version `1.0.0`). Fails with a line and column on SQL
/// the parser rejects, and when the script holds no `CREATE TABLE` at all.
pub fn import(name: &str, text: &str, dialect: Dialect) -> Result<DataContract, FormatError> {
    if text.len() > crate::MAX_INPUT_BYTES {
        return Err(FormatError::new(ErrorKind::TooLarge, "the SQL script is larger than an import accepts"));
    }
    let parser_dialect: Box<dyn SqlDialect> = match dialect {
        Dialect::Postgres => Box::new(PostgreSqlDialect {}),
        Dialect::Snowflake => Box::new(SnowflakeDialect {}),
        Dialect::BigQuery => Box::new(BigQueryDialect {}),
    };
    let statements = Parser::parse_sql(parser_dialect.as_ref(), text).map_err(parse_error)?;
    let mut contract = DataContract {
        id: dpstudio_model::slugify(name),
        name: name.to_owned(),
        version: "1.0.0".to_owned(),
        ..Default::default()
    };
    for statement in &statements {
        match statement {
            Statement::CreateTable(table) => contract.schema.push(object(table)),
            Statement::Comment { object_type, object_name, comment: Some(text), .. } => {
                apply_comment(&mut contract.schema, *object_type, object_name, text);
            }
            _ => {}
        }
    }
    if contract.schema.is_empty() {
        return Err(FormatError::new(ErrorKind::WrongDocument, "no CREATE TABLE statement found"));
    }
    Ok(contract)
}

fn object(table: &CreateTable) -> SchemaObject {
    let name = last_part(&table.name);
    let mut properties: Vec<Property> = table.columns.iter().map(property).collect();
    for constraint in &table.constraints {
        match constraint {
            TableConstraint::PrimaryKey { columns, .. } => {
                for (position, column) in columns.iter().enumerate() {
                    let column = expr_name(&column.column.expr);
                    if let Some(p) = find(&mut properties, &column) {
                        p.primary_key = true;
                        p.primary_key_position = Some(position as i64 + 1);
                        p.required = true;
                    }
                }
            }
            // A multi-column UNIQUE has no per-property slot in ODCS; only single columns map.
            TableConstraint::Unique { columns, .. } if columns.len() == 1 => {
                let column = expr_name(&columns[0].column.expr);
                if let Some(p) = find(&mut properties, &column) {
                    p.unique = true;
                }
            }
            _ => {}
        }
    }
    let description = table.comment.as_ref().map(comment_text).unwrap_or_default();
    SchemaObject {
        physical_name: name.clone(),
        name,
        physical_type: "table".to_owned(),
        description,
        properties,
        ..Default::default()
    }
}

fn property(column: &ColumnDef) -> Property {
    let physical_type = column.data_type.to_string();
    let mut p = Property {
        name: column.name.value.clone(),
        physical_name: column.name.value.clone(),
        logical_type: logical_type(&physical_type).to_owned(),
        physical_type,
        ..Default::default()
    };
    for option in &column.options {
        match &option.option {
            ColumnOption::NotNull => p.required = true,
            ColumnOption::Unique { is_primary: true, .. } => {
                p.primary_key = true;
                p.primary_key_position = Some(1);
                p.required = true;
            }
            ColumnOption::Unique { is_primary: false, .. } => p.unique = true,
            ColumnOption::Comment(text) => p.description = text.clone(),
            _ => {}
        }
    }
    p
}

/// `COMMENT ON TABLE t IS '…'` / `COMMENT ON COLUMN t.c IS '…'` for a table read earlier.
fn apply_comment(schema: &mut [SchemaObject], kind: CommentObject, name: &ObjectName, text: &str) {
    let parts: Vec<String> = name.0.iter().map(part).collect();
    match kind {
        CommentObject::Table => {
            if let Some(o) = parts.last().and_then(|t| schema.iter_mut().find(|o| &o.name == t)) {
                o.description = text.to_owned();
            }
        }
        CommentObject::Column if parts.len() >= 2 => {
            let (table, column) = (&parts[parts.len() - 2], &parts[parts.len() - 1]);
            if let Some(o) = schema.iter_mut().find(|o| &o.name == table) {
                if let Some(p) = find(&mut o.properties, column) {
                    p.description = text.to_owned();
                }
            }
        }
        _ => {}
    }
}

fn find<'a>(properties: &'a mut [Property], name: &str) -> Option<&'a mut Property> {
    properties.iter_mut().find(|p| p.name == name)
}

/// The table's own name without its schema or database (`sales.orders` → `orders`).
fn last_part(name: &ObjectName) -> String {
    name.0.last().map(part).unwrap_or_default()
}

fn part(p: &ObjectNamePart) -> String {
    match p {
        ObjectNamePart::Identifier(ident) => ident.value.clone(),
        other => other.to_string(),
    }
}

fn expr_name(e: &Expr) -> String {
    match e {
        Expr::Identifier(ident) => ident.value.clone(),
        other => other.to_string(),
    }
}

fn comment_text(c: &sqlparser::ast::CommentDef) -> String {
    match c {
        sqlparser::ast::CommentDef::WithEq(s) | sqlparser::ast::CommentDef::WithoutEq(s) => s.clone(),
    }
}

/// The parser's messages end with `at Line: L, Column: C`; that position becomes the error's.
fn parse_error(e: ParserError) -> FormatError {
    let (kind, message) = match e {
        ParserError::RecursionLimitExceeded => (ErrorKind::TooLarge, "the SQL is nested too deeply".to_owned()),
        ParserError::TokenizerError(m) | ParserError::ParserError(m) => (ErrorKind::Syntax, m),
    };
    let mut error = FormatError::new(kind, message.clone());
    if let Some((_, at)) = message.rsplit_once(" at Line: ") {
        let mut nums = at.split(", Column: ").map(|n| n.trim().parse::<u32>().ok());
        if let (Some(Some(line)), Some(Some(column))) = (nums.next(), nums.next()) {
            error.line = line;
            error.column = column;
            error.message = message[..message.len() - at.len() - " at Line: ".len()].to_owned();
        }
    }
    error
}
