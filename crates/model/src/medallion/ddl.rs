//! The subset of SQL DDL an inventory needs: `CREATE TABLE name (column type …, …)` and
//! `CREATE VIEW name`, in the spellings of the common warehouses (`OR REPLACE`, `TEMPORARY`,
//! `IF NOT EXISTS`, quoted names, trailing clauses such as `PARTITION BY`). Other statements
//! (`CREATE SCHEMA`, `ALTER`, `COMMENT ON`, `INSERT`, …) are skipped without complaint, since
//! DDL dumps are full of them.
//!
//! Written here rather than borrowed from the formats crate: its SQL importer sits behind a
//! parser the browser build does not include, and the formats crate depends on this one.

use super::inventory::{parse_name, shorten, strip_comment, Column, Entry, Quotes};
use super::query;

/// First words of statements read or skipped as SQL rather than as a listed table name.
const STATEMENT_WORDS: [&str; 12] =
    ["CREATE", "ALTER", "COMMENT", "INSERT", "DROP", "USE", "SET", "GRANT", "REVOKE", "TRUNCATE", "UPDATE", "DELETE"];

/// Words that continue a `CREATE TABLE` on the lines after its column list.
const TRAILING_CLAUSES: [&str; 20] = [
    "PARTITION", "PARTITIONED", "CLUSTER", "CLUSTERED", "WITH", "COMMENT", "OPTIONS", "TBLPROPERTIES", "LOCATION",
    "USING", "STORED", "ROW", "ENGINE", "AS", "DISTKEY", "SORTKEY", "DISTSTYLE", "ORDER", "PRIMARY", "INHERITS",
];

/// Words a column definition's type ends before.
const COLUMN_OPTIONS: [&str; 16] = [
    "NOT", "NULL", "PRIMARY", "DEFAULT", "REFERENCES", "UNIQUE", "CHECK", "CONSTRAINT", "COMMENT", "GENERATED",
    "COLLATE", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "OPTIONS", "MASKING",
];

/// Words that open a table constraint instead of a column.
const CONSTRAINT_WORDS: [&str; 8] = ["CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "INDEX", "KEY", "EXCLUDE"];

fn first_word(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("").to_uppercase()
}

/// Whether a line starts a SQL statement.
pub(crate) fn starts_statement(line: &str) -> bool {
    let word = first_word(line);
    STATEMENT_WORDS.contains(&word.as_str())
}

/// The statement starting at line `start`, comments dropped and lines joined by spaces, and the
/// index of the first line after it. It ends at a `;` outside quotes, a line that starts
/// another statement, a blank line, or after its column list when the next line does not
/// continue it. A query (`AS SELECT …`) runs on over lines with brackets of their own, and past
/// a blank line when the next line carries on the query.
pub(crate) fn collect(lines: &[&str], start: usize) -> (String, usize) {
    let mut statement = String::new();
    let mut depth = 0i64;
    let mut opened = false;
    let mut quotes = Quotes::default();
    let mut words = Words::default();
    let mut i = start;
    while i < lines.len() {
        let line = strip_comment(lines[i]).trim();
        if line.is_empty() {
            // Blank lines end a statement, unless a query carries on after them: then all of
            // them are passed at once (looking ahead from each would take quadratic time).
            let next = (i..lines.len()).find(|&n| !strip_comment(lines[n]).trim().is_empty()).unwrap_or(lines.len());
            if i > start && !(words.query && query_goes_on(lines.get(next).copied(), depth, &statement)) {
                return (statement, i);
            }
            i = next;
            continue;
        }
        if i > start && starts_statement(line) && !TRAILING_CLAUSES.contains(&first_word(line).as_str()) {
            return (statement, i);
        }
        if !statement.is_empty() {
            statement.push(' ');
        }
        for c in line.chars() {
            let outside = quotes.outside(c);
            words.push(if outside { c } else { ' ' });
            if outside {
                match c {
                    '(' => {
                        depth += 1;
                        opened = true;
                    }
                    ')' => depth -= 1,
                    ';' if depth <= 0 => return (statement, i + 1),
                    _ => {}
                }
            }
            statement.push(c);
        }
        words.push(' ');
        i += 1;
        if opened && depth <= 0 && !quotes.open() && !words.query {
            let continues = lines.get(i).is_some_and(|next| TRAILING_CLAUSES.contains(&first_word(strip_comment(next).trim()).as_str()));
            if !continues {
                return (statement, i);
            }
        }
    }
    (statement, i)
}

/// Follows the words of a statement outside quotes, to notice where its query starts
/// (`AS SELECT`, `AS WITH`, `AS (`).
#[derive(Default)]
struct Words {
    current: String,
    previous: String,
    query: bool,
}

impl Words {
    fn push(&mut self, c: char) {
        if c.is_alphanumeric() || c == '_' {
            self.current.push(c.to_ascii_uppercase());
            return;
        }
        if !self.current.is_empty() {
            if self.previous == "AS" && (self.current == "SELECT" || self.current == "WITH") {
                self.query = true;
            }
            self.previous = std::mem::take(&mut self.current);
        }
        if c == '(' && self.previous == "AS" {
            self.query = true;
        }
        if !c.is_whitespace() {
            // Punctuation separates words: `AS,` is not `AS` before a query.
            self.previous.clear();
            self.previous.push(c);
        }
    }
}

/// Whether a query carries on after blank lines, at the `next` line: inside brackets, after a
/// trailing comma, or when the next line starts with a word that continues a query.
fn query_goes_on(next: Option<&str>, depth: i64, statement: &str) -> bool {
    const CONTINUING: [&str; 24] = [
        "SELECT", "FROM", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT",
        "UNION", "EXCEPT", "INTERSECT", "QUALIFY", "WINDOW", "ON", "AND", "OR", "USING", "WITH", "AS",
    ];
    let Some(next) = next.map(|l| strip_comment(l).trim()) else { return false };
    depth > 0
        || statement.trim_end().ends_with(',')
        || next.starts_with([')', ','])
        || CONTINUING.contains(&first_word(next).as_str())
}

/// Reads one statement: a table or view entry, `None` for a statement that declares neither.
pub(crate) fn parse(statement: &str) -> Result<Option<Entry>, String> {
    let mut rest = statement.trim();
    if first_word(rest) != "CREATE" {
        return Ok(None);
    }
    rest = after_word(rest);
    let mut is_view = false;
    loop {
        match first_word(rest).as_str() {
            "OR" | "REPLACE" | "TEMP" | "TEMPORARY" | "TRANSIENT" | "EXTERNAL" | "GLOBAL" | "LOCAL" | "UNLOGGED"
            | "MATERIALIZED" | "SECURE" | "RECURSIVE" | "VOLATILE" | "MULTISET" | "DYNAMIC" | "ICEBERG" | "HYBRID" => {
                rest = after_word(rest)
            }
            "TABLE" => {
                rest = after_word(rest);
                break;
            }
            "VIEW" => {
                rest = after_word(rest);
                is_view = true;
                break;
            }
            // CREATE SCHEMA, DATABASE, INDEX, FUNCTION, …: nothing to read.
            "SCHEMA" | "DATABASE" | "INDEX" | "UNIQUE" | "FUNCTION" | "PROCEDURE" | "SEQUENCE" | "STAGE" | "STREAM"
            | "TASK" | "ROLE" | "USER" | "TYPE" | "EXTENSION" | "TRIGGER" | "WAREHOUSE" => return Ok(None),
            _ => return Err(format!("'{}' is not a CREATE TABLE or CREATE VIEW statement", shorten(statement))),
        }
    }
    if first_word(rest) == "IF" {
        let words: Vec<String> = rest.split_whitespace().take(3).map(str::to_uppercase).collect();
        if words.len() < 3 || words[1] != "NOT" || words[2] != "EXISTS" {
            return Err(format!("'{}': expected IF NOT EXISTS", shorten(statement)));
        }
        rest = after_word(after_word(after_word(rest)));
    }
    let name_end = name_end(rest);
    let (name, after) = rest.split_at(name_end);
    let parts = parse_name(name)?;
    let after = after.trim_start();
    let (mut columns, tail) = match after.strip_prefix('(') {
        Some(inside) => {
            // A table's column list, or a view's column names (without types).
            let Some(close) = matching_close(inside) else {
                return Err(format!("the column list of '{}' has no closing ')'", parts.join(".")));
            };
            (parse_columns(&inside[..close])?, &inside[close + 1..])
        }
        None => (Vec::new(), after),
    };
    // A view's query, or a `CREATE TABLE … AS SELECT`: the lineage, and the columns when the
    // statement lists none.
    let Some(query) = query_after_as(tail).filter(|q| is_view || starts_query(q)).map(query::scan) else {
        return Ok(Some(Entry { parts, columns, reads: Vec::new() }));
    };
    if columns.is_empty() {
        columns = query.columns.into_iter().map(|(name, sql_type)| Column { name, sql_type, required: false, primary_key: false }).collect();
    }
    Ok(Some(Entry { parts, columns, reads: query.reads }))
}

/// The text after the first `AS` outside brackets and quotes.
fn query_after_as(text: &str) -> Option<&str> {
    let mut quotes = Quotes::default();
    let mut depth = 0i64;
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        if quotes.outside(c) {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                'a' | 'A' if depth <= 0 && !(previous.is_alphanumeric() || previous == '_') => {
                    let rest = &text[at..];
                    let is_as = rest.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("as"))
                        && rest[2..].chars().next().is_none_or(|n| n.is_whitespace() || n == '(');
                    if is_as {
                        return Some(rest[2..].trim_start());
                    }
                }
                _ => {}
            }
        }
        previous = c;
    }
    None
}

/// Whether a `CREATE TABLE`'s text after `AS` is a query (rather than, say, a clone).
fn starts_query(text: &str) -> bool {
    matches!(first_word(text).as_str(), "SELECT" | "WITH") || text.starts_with('(') || text.starts_with("{{")
}

/// The text after the first word and the whitespace after it.
fn after_word(text: &str) -> &str {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    text[end..].trim_start()
}

/// Where a table name ends: at whitespace or `(` outside quotes.
fn name_end(text: &str) -> usize {
    let mut quote = None;
    for (at, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '`' => quote = Some(c),
            None if c == '[' => quote = Some(']'),
            None if c.is_whitespace() || c == '(' || c == ';' => return at,
            None => {}
        }
    }
    text.len()
}

/// The byte offset of the `)` that closes a list whose `(` came just before `text`.
fn matching_close(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quotes = Quotes::default();
    for (at, c) in text.char_indices() {
        if !quotes.outside(c) {
            continue;
        }
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(at),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Splits at commas outside parentheses, type brackets (`ARRAY<STRUCT<a INT, b INT>>`) and
/// quotes. Angle brackets count only outside parentheses and right after a word, so a
/// comparison in a `CHECK (a < 5)` does not.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut parens, mut angles) = (0i64, 0i64);
    let mut quotes = Quotes::default();
    let mut start = 0;
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        if quotes.outside(c) {
            match c {
                '(' => parens += 1,
                ')' => parens -= 1,
                '<' if parens <= 0 && previous.is_alphanumeric() => angles += 1,
                '>' if parens <= 0 && angles > 0 => angles -= 1,
                ',' if parens <= 0 && angles == 0 => {
                    pieces.push(&text[start..at]);
                    start = at + 1;
                }
                _ => {}
            }
        }
        previous = c;
    }
    pieces.push(&text[start..]);
    pieces
}

/// Reads a column list: `id bigint not null primary key, amount decimal(10, 2), PRIMARY KEY (id)`.
pub(crate) fn parse_columns(text: &str) -> Result<Vec<Column>, String> {
    const MAX_COLUMNS: usize = 1000;
    let mut columns: Vec<Column> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for piece in split_top_level(text) {
        let piece = piece.trim();
        if piece.is_empty() {
            if text.trim().is_empty() {
                continue;
            }
            return Err("a column list has an empty entry (two commas in a row?)".to_owned());
        }
        let word = first_word(piece);
        if CONSTRAINT_WORDS.contains(&word.as_str()) && !looks_like_column_named(piece) {
            if let Some(listed) = primary_key_columns(piece) {
                keys.extend(listed);
            }
            continue;
        }
        if columns.len() >= MAX_COLUMNS {
            return Err(format!("more than {MAX_COLUMNS} columns in one table"));
        }
        columns.push(parse_column(piece)?);
    }
    for column in &mut columns {
        if keys.iter().any(|k| k.eq_ignore_ascii_case(&column.name)) {
            column.primary_key = true;
            column.required = true;
        }
    }
    Ok(columns)
}

/// `key varchar` or `check boolean` is a column whose name is a constraint word; `UNIQUE (a)`,
/// `KEY idx (a)` and `INDEX idx (a)` are constraints. `CONSTRAINT`, `PRIMARY`, `FOREIGN` and
/// `EXCLUDE` always open one.
fn looks_like_column_named(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().take(3).collect();
    let first = words.first().map(|w| w.to_uppercase()).unwrap_or_default();
    if ["CONSTRAINT", "PRIMARY", "FOREIGN", "EXCLUDE"].contains(&first.as_str()) {
        return false;
    }
    let Some(second) = words.get(1) else { return false };
    let upper = second.to_uppercase();
    let opens_list = |w: &str| w.starts_with('(');
    !(first.contains('(') || opens_list(second) || upper == "KEY" || upper == "INDEX" || words.get(2).is_some_and(|w| opens_list(w)))
}

/// The columns of `PRIMARY KEY (a, b)` (possibly after `CONSTRAINT name`).
fn primary_key_columns(piece: &str) -> Option<Vec<String>> {
    let upper = piece.to_uppercase();
    let at = upper.find("PRIMARY KEY")?;
    let rest = piece.get(at + "PRIMARY KEY".len()..)?.trim_start().strip_prefix('(')?;
    let close = matching_close(rest)?;
    Some(rest[..close].split(',').filter_map(|n| parse_name(n).ok()?.pop()).collect())
}

fn parse_column(piece: &str) -> Result<Column, String> {
    let end = name_end(piece);
    let (name, rest) = piece.split_at(end);
    let mut parts = parse_name(name).map_err(|e| format!("a column: {e}"))?;
    let name = parts.pop().unwrap_or_default();
    let mut sql_type = String::new();
    let mut words = rest.split_whitespace().peekable();
    // The type runs until the first column option (`NOT NULL`, `PRIMARY KEY`, `DEFAULT`, …).
    while let Some(word) = words.peek() {
        let upper = word.to_uppercase();
        let bare = upper.split('(').next().unwrap_or("");
        if COLUMN_OPTIONS.contains(&bare) {
            break;
        }
        if !sql_type.is_empty() {
            sql_type.push(' ');
        }
        sql_type.push_str(word);
        words.next();
    }
    let options: Vec<String> = words.map(str::to_uppercase).collect();
    let has_pair = |a: &str, b: &str| options.windows(2).any(|w| w[0] == a && w[1] == b);
    let primary_key = has_pair("PRIMARY", "KEY");
    Ok(Column { name, sql_type, required: primary_key || has_pair("NOT", "NULL"), primary_key })
}
