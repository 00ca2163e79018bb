//! Reading an inventory of Medallion tables: one table per line (`silver.orders`,
//! `stg_crm__contacts`, optionally with `(column type, …)`), or SQL `CREATE TABLE` and
//! `CREATE VIEW` statements that may span lines (a view's query tells what it reads). Every
//! line that cannot be read becomes a [`LineError`] with its line number; nothing here panics,
//! whatever the text.

use std::collections::HashMap;
use std::fmt;

use super::ddl;
use super::naming;

/// A Medallion tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// Raw data as it landed from a source system.
    Bronze,
    /// Cleansed, conformed entities.
    Silver,
    /// Curated business tables (marts, facts, dimensions, reports).
    Gold,
}

impl Layer {
    pub const ALL: [Layer; 3] = [Layer::Bronze, Layer::Silver, Layer::Gold];

    pub fn label(self) -> &'static str {
        match self {
            Layer::Bronze => "Bronze",
            Layer::Silver => "Silver",
            Layer::Gold => "Gold",
        }
    }
}

/// One column of a table, with its SQL type as written (empty when none was given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub sql_type: String,
    /// `NOT NULL` (or part of the primary key).
    pub required: bool,
    pub primary_key: bool,
}

/// One table of the inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The name as written, parts joined by dots and unquoted: `bronze.shop_orders`.
    pub name: String,
    /// The name's parts (`["bronze", "shop_orders"]`).
    pub parts: Vec<String>,
    pub layer: Layer,
    pub columns: Vec<Column>,
    /// The line (1-based) the table was declared on.
    pub line: usize,
    /// The tables a view's or `CREATE TABLE … AS` query reads, as written (parts joined by
    /// dots); empty for a table declared without one.
    pub reads: Vec<String>,
    /// Those of them the inventory lists, as indexes into its tables (see [`parse_inventory`]
    /// for how a name is matched).
    pub read_tables: Vec<usize>,
}

impl Table {
    /// The table's own name: the last part.
    pub fn table_name(&self) -> &str {
        self.parts.last().map_or("", String::as_str)
    }
}

/// A line that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The tables read and the lines that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inventory {
    pub tables: Vec<Table>,
    pub errors: Vec<LineError>,
}

impl Inventory {
    pub fn count(&self, layer: Layer) -> usize {
        self.tables.iter().filter(|t| t.layer == layer).count()
    }
}

/// More tables than this are not read: an inventory is typed or pasted by a person, and the
/// proposal compares tables pairwise.
pub const MAX_TABLES: usize = 2000;
/// Errors past this many are summed up in one last error, so a pasted binary file does not
/// produce a list nobody reads.
const MAX_ERRORS: usize = 50;

/// Reads an inventory. Empty lines and comments (`--`, `#`, `//`) are skipped.
pub fn parse_inventory(text: &str) -> Inventory {
    let mut inventory = Inventory::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut dropped_errors = 0usize;
    // What each table's query reads, as name parts, until the names can be matched.
    let mut read_parts: Vec<Vec<Vec<String>>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let number = i + 1;
        let line = strip_comment(lines[i]).trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("//") {
            i += 1;
            continue;
        }
        let outcome = if ddl::starts_statement(line) {
            let (statement, next) = ddl::collect(&lines, i);
            i = next;
            ddl::parse(&statement)
        } else {
            i += 1;
            parse_listed(line)
        };
        match outcome {
            Ok(Some(entry)) => {
                if inventory.tables.len() >= MAX_TABLES {
                    push_error(&mut inventory, &mut dropped_errors, number, format!("more than {MAX_TABLES} tables: the rest are not read"));
                    break;
                }
                match naming::layer_of(&entry.parts) {
                    Some(layer) => {
                        inventory.tables.push(Table {
                            name: entry.parts.join("."),
                            parts: entry.parts,
                            layer,
                            columns: entry.columns,
                            line: number,
                            reads: entry.reads.iter().map(|parts| parts.join(".")).collect(),
                            read_tables: Vec::new(),
                        });
                        read_parts.push(entry.reads);
                    }
                    None => push_error(
                        &mut inventory,
                        &mut dropped_errors,
                        number,
                        format!(
                            "cannot tell the layer of '{}': put it in a bronze, silver or gold schema (silver.orders) or give it a dbt prefix (stg_, int_, fct_, dim_, …)",
                            entry.parts.join(".")
                        ),
                    ),
                }
            }
            Ok(None) => {}
            Err(message) => push_error(&mut inventory, &mut dropped_errors, number, message),
        }
    }
    if dropped_errors > 0 {
        inventory.errors.push(LineError { line: lines.len(), message: format!("and {dropped_errors} more lines that could not be read") });
    }
    let resolved = resolve_reads(&inventory.tables, &read_parts);
    for (table, read_tables) in inventory.tables.iter_mut().zip(resolved) {
        table.read_tables = read_tables;
    }
    type_view_columns(&mut inventory.tables);
    inventory
}

/// A view's columns have no types of their own: each takes the type of the column of the same
/// name in a table the view reads. Views of views get theirs over a few rounds.
fn type_view_columns(tables: &mut [Table]) {
    for _round in 0..4 {
        let mut changed = false;
        for t in 0..tables.len() {
            for c in 0..tables[t].columns.len() {
                if !tables[t].columns[c].sql_type.is_empty() {
                    continue;
                }
                let name = &tables[t].columns[c].name;
                let found = tables[t]
                    .read_tables
                    .iter()
                    .flat_map(|&u| tables[u].columns.iter())
                    .find(|up| up.name.eq_ignore_ascii_case(name) && !up.sql_type.is_empty())
                    .map(|up| up.sql_type.clone());
                if let Some(sql_type) = found {
                    tables[t].columns[c].sql_type = sql_type;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

fn push_error(inventory: &mut Inventory, dropped: &mut usize, line: usize, message: String) {
    if inventory.errors.len() < MAX_ERRORS {
        inventory.errors.push(LineError { line, message });
    } else {
        *dropped += 1;
    }
}

/// For each table, the inventory tables its query reads (`reads`, as name parts), by index: a
/// name matches a table of the same full name, else the one table whose name ends with it
/// (`silver.orders` for `lake.silver.orders`, `stg_orders` for a dbt `ref('stg_orders')`).
/// Names of tables the inventory does not list are left out.
fn resolve_reads(tables: &[Table], reads: &[Vec<Vec<String>>]) -> Vec<Vec<usize>> {
    let lower: Vec<Vec<String>> = tables.iter().map(|t| t.parts.iter().map(|p| p.to_lowercase()).collect()).collect();
    // Tables by their own (last) name, so a name is compared with few tables.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, parts) in lower.iter().enumerate() {
        by_last.entry(parts.last().map_or("", String::as_str)).or_default().push(i);
    }
    reads
        .iter()
        .enumerate()
        .map(|(own, names)| {
            let mut found = Vec::new();
            for name in names {
                let wanted: Vec<String> = name.iter().map(|part| part.to_lowercase()).collect();
                let candidates = by_last.get(wanted.last().map_or("", String::as_str)).map_or(&[][..], Vec::as_slice);
                let exact = candidates.iter().copied().find(|&i| lower[i] == wanted);
                let by_suffix = || match candidates.iter().copied().filter(|&i| lower[i].ends_with(&wanted)).collect::<Vec<_>>()[..] {
                    [only] => Some(only),
                    _ => None,
                };
                if let Some(t) = exact.or_else(by_suffix).filter(|&t| t != own) {
                    if !found.contains(&t) {
                        found.push(t);
                    }
                }
            }
            found
        })
        .collect()
}

/// A table's name and columns as read, before its layer is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub parts: Vec<String>,
    pub columns: Vec<Column>,
    pub reads: Vec<Vec<String>>,
}

/// A listed table: `name`, `name(col type, …)`, with an optional `;` or `,` at the end.
fn parse_listed(line: &str) -> Result<Option<Entry>, String> {
    let line = line.trim_end_matches([';', ',']).trim_end();
    let (name, columns) = match find_unquoted(line, '(') {
        Some(open) => {
            let (name, rest) = line.split_at(open);
            let Some(inner) = rest.strip_prefix('(').and_then(|r| r.trim_end().strip_suffix(')')) else {
                return Err(format!("the column list of '{}' has no closing ')'", shorten(name.trim())));
            };
            (name.trim(), ddl::parse_columns(inner)?)
        }
        None => (line, Vec::new()),
    };
    let parts = parse_name(name)?;
    Ok(Some(Entry { parts, columns, reads: Vec::new() }))
}

/// Splits a qualified name (`db.schema.table`, parts optionally quoted with `"`, `` ` `` or
/// `[ ]`) into its parts.
pub(crate) fn parse_name(text: &str) -> Result<Vec<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("a table name is missing".to_owned());
    }
    let mut parts = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut part = String::new();
        match chars.peek().copied() {
            Some(open @ ('"' | '`' | '[')) => {
                chars.next();
                let close = if open == '[' { ']' } else { open };
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == close {
                        closed = true;
                        break;
                    }
                    part.push(c);
                }
                if !closed {
                    return Err(format!("'{}' has a quote that is not closed", shorten(text)));
                }
            }
            _ => {
                while let Some(&c) = chars.peek() {
                    if c == '.' {
                        break;
                    }
                    if !(c.is_alphanumeric() || matches!(c, '_' | '$' | '-')) {
                        return Err(format!("'{}' is not a table name: '{c}' cannot be part of one (quote the name if it is meant)", shorten(text)));
                    }
                    part.push(c);
                    chars.next();
                }
            }
        }
        if part.trim().is_empty() {
            return Err(format!("'{}' has an empty name part", shorten(text)));
        }
        parts.push(part);
        match chars.next() {
            None => break,
            Some('.') => {}
            Some(c) => return Err(format!("'{}' is not a table name: '{c}' follows a quoted part", shorten(text))),
        }
    }
    if parts.len() > 4 {
        return Err(format!("'{}' has more than four name parts", shorten(text)));
    }
    Ok(parts)
}

/// Follows SQL quoting (`'…'`, `"…"`, `` `…` ``) character by character, so a scanner can act on
/// the characters outside quotes only. Every scanner of the inventory and DDL readers uses it.
#[derive(Default)]
pub(crate) struct Quotes(Option<char>);

impl Quotes {
    /// Takes the next character; true when it stands outside quotes and is not a quote mark.
    pub(crate) fn outside(&mut self, c: char) -> bool {
        match self.0 {
            Some(q) if c == q => self.0 = None,
            Some(_) => {}
            None if matches!(c, '\'' | '"' | '`') => self.0 = Some(c),
            None => return true,
        }
        false
    }

    /// Whether a quote opened and has not closed yet.
    pub(crate) fn open(&self) -> bool {
        self.0.is_some()
    }
}

/// Drops a `--` comment that is not inside quotes.
pub(crate) fn strip_comment(line: &str) -> &str {
    let mut quotes = Quotes::default();
    let mut previous_dash = false;
    for (at, c) in line.char_indices() {
        let outside = quotes.outside(c);
        if outside && c == '-' && previous_dash {
            return &line[..at - 1];
        }
        previous_dash = outside && c == '-';
    }
    line
}

/// The byte offset of the first `wanted` outside quotes.
pub(crate) fn find_unquoted(text: &str, wanted: char) -> Option<usize> {
    let mut quotes = Quotes::default();
    text.char_indices().find(|&(_, c)| quotes.outside(c) && c == wanted).map(|(at, _)| at)
}

/// A long text cut for an error message, on a character boundary.
pub(crate) fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(LIMIT).collect();
        cut.push('…');
        cut
    }
}
