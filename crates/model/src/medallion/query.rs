//! What a view's (or a `CREATE TABLE … AS`) query says about lineage: the tables it reads —
//! the names after `FROM` and `JOIN`, after the commas of an old-style `FROM a, b`, and dbt's
//! `{{ ref('…') }}` and `{{ source('…', '…') }}`, less the names its `WITH` clause defines —
//! and the columns its outermost `SELECT` list names.
//!
//! Not a SQL parser: a scan of tokens that knows brackets, quotes and a few keywords, enough
//! for the DDL dumps warehouses and dbt projects produce. What it cannot place it leaves out.

/// The most tables one query is taken to read; a longer list is cut.
const MAX_READS: usize = 200;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A name, dotted parts unquoted (`silver.orders`, `"Sales"."Orders"`); `bare` when it is
    /// one unquoted word, so it may be a keyword.
    Name {
        parts: Vec<String>,
        bare: bool,
    },
    /// A table named through dbt's Jinja: `ref('orders')`, `source('shop', 'orders')`.
    Dbt(Vec<String>),
    Open,
    Close,
    Comma,
    Star,
    /// A string or a number.
    Literal,
    /// Anything else: operators, `;`, ….
    Other,
}

impl Token {
    fn is(&self, keyword: &str) -> bool {
        matches!(self, Token::Name { parts, bare: true } if parts[0].eq_ignore_ascii_case(keyword))
    }

    fn is_any(&self, keywords: &[&str]) -> bool {
        keywords.iter().any(|k| self.is(k))
    }
}

/// Words after which a name is not a table's alias but the next clause.
const CLAUSE_WORDS: [&str; 22] = [
    "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "QUALIFY", "WINDOW", "UNION", "EXCEPT", "INTERSECT", "MINUS", "FETCH",
    "OFFSET", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "USING",
];

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' {
            // A string literal; '' is a quote inside it.
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
            out.push(Token::Literal);
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                i += 1;
            }
            out.push(Token::Literal);
        } else if c == '{' && chars.get(i + 1) == Some(&'{') {
            let start = i + 2;
            let mut end = start;
            while end < chars.len() && !(chars[end] == '}' && chars.get(end + 1) == Some(&'}')) {
                end += 1;
            }
            let inside: String = chars[start..end.min(chars.len())].iter().collect();
            out.push(dbt_table(&inside).map_or(Token::Other, Token::Dbt));
            i = end + 2;
        } else if c == '(' {
            out.push(Token::Open);
            i += 1;
        } else if c == ')' {
            out.push(Token::Close);
            i += 1;
        } else if c == ',' {
            out.push(Token::Comma);
            i += 1;
        } else if c == '*' {
            out.push(Token::Star);
            i += 1;
        } else if starts_name(c) {
            let (token, next) = name(&chars, i);
            out.push(token);
            i = next;
        } else {
            out.push(Token::Other);
            i += 1;
        }
    }
    out
}

fn starts_name(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '_' | '"' | '`' | '[')
}

/// Reads a dotted name starting at `start`; a `.*` after it (`o.*`) ends it.
fn name(chars: &[char], start: usize) -> (Token, usize) {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut i = start;
    loop {
        let mut part = String::new();
        match chars.get(i) {
            Some(&open @ ('"' | '`' | '[')) => {
                quoted = true;
                let close = if open == '[' { ']' } else { open };
                i += 1;
                while i < chars.len() && chars[i] != close {
                    part.push(chars[i]);
                    i += 1;
                }
                i += 1;
            }
            _ => {
                while let Some(&c) = chars.get(i) {
                    if !(c.is_alphanumeric() || matches!(c, '_' | '$')) {
                        break;
                    }
                    part.push(c);
                    i += 1;
                }
            }
        }
        parts.push(part);
        match (chars.get(i), chars.get(i + 1)) {
            (Some('.'), Some(&next)) if starts_name(next) => i += 1,
            _ => break,
        }
    }
    let bare = !quoted && parts.len() == 1;
    (Token::Name { parts, bare }, i)
}

/// The table a dbt expression names: `ref('orders')`, `ref('package', 'orders')` (the model is
/// the last argument), `source('shop', 'orders')` (the source's schema, then the table).
fn dbt_table(inside: &str) -> Option<Vec<String>> {
    let inside = inside.trim();
    let (function, rest) = inside.split_once('(')?;
    let args: Vec<String> = rest
        .split(',')
        .filter_map(|arg| {
            let arg = arg.trim().trim_end_matches(')').trim();
            let unquoted = arg.strip_prefix(['\'', '"'])?.strip_suffix(['\'', '"'])?;
            (!unquoted.is_empty()).then(|| unquoted.to_owned())
        })
        .collect();
    match function.trim() {
        "ref" => args.last().map(|model| vec![model.clone()]),
        "source" if args.len() >= 2 => Some(args[..2].to_vec()),
        _ => None,
    }
}

/// What one query says, from one scan of its tokens.
pub(crate) struct Query {
    /// The tables it reads, as name parts, each once, in the order first met.
    pub reads: Vec<Vec<String>>,
    /// The columns its outermost `SELECT` list gives, with their types where it says them.
    pub columns: Vec<(String, String)>,
}

pub(crate) fn scan(query: &str) -> Query {
    let tokens = tokens(query);
    Query { reads: reads(&tokens), columns: selected_columns(&tokens) }
}

/// The tables a query's tokens read, as name parts, each once, in the order first met.
fn reads(tokens: &[Token]) -> Vec<Vec<String>> {
    let defined = cte_names(tokens);
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut add = |parts: &[String]| {
        let is_cte = parts.len() == 1 && defined.iter().any(|d| d.eq_ignore_ascii_case(&parts[0]));
        let known = found.iter().any(|f| f.len() == parts.len() && f.iter().zip(parts).all(|(a, b)| a.eq_ignore_ascii_case(b)));
        if !is_cte && !known && found.len() < MAX_READS && parts.iter().all(|p| !p.is_empty()) {
            found.push(parts.to_vec());
        }
    };
    // Per bracket depth: whether a SELECT opened at this depth (so a FROM there lists tables,
    // unlike the FROM of `EXTRACT(YEAR FROM day)`), and whether a FROM list is open (a comma
    // there introduces another table).
    let mut selects = vec![false];
    let mut from_list = vec![false];
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        match token {
            Token::Open => {
                selects.push(false);
                from_list.push(false);
            }
            Token::Close if selects.len() > 1 => {
                selects.pop();
                from_list.pop();
            }
            _ => {}
        }
        let depth = selects.len() - 1;
        if token.is("SELECT") {
            selects[depth] = true;
            from_list[depth] = false;
        } else if token.is_any(&CLAUSE_WORDS) || token.is("SET") {
            from_list[depth] = false;
        }
        let table_follows = (token.is("FROM") && selects[depth]) || token.is("JOIN") || (*token == Token::Comma && from_list[depth]);
        if table_follows {
            let mut next = i + 1;
            while tokens.get(next).is_some_and(|t| t.is_any(&["LATERAL", "ONLY"])) {
                next += 1;
            }
            match (tokens.get(next), tokens.get(next + 1)) {
                // A table function (`UNNEST(…)`, `generate_series(…)`), not a table.
                (Some(Token::Name { .. }), Some(Token::Open)) => {}
                (Some(Token::Name { parts, bare }), _) if !(*bare && is_keyword(&parts[0])) => add(parts),
                (Some(Token::Dbt(parts)), _) => add(parts),
                _ => {}
            }
            if token.is("FROM") || *token == Token::Comma {
                from_list[depth] = true;
            }
        }
        i += 1;
    }
    found
}

fn is_keyword(word: &str) -> bool {
    ["SELECT", "WITH", "VALUES", "TABLE", "UNNEST"].iter().chain(CLAUSE_WORDS.iter()).any(|k| word.eq_ignore_ascii_case(k))
}

/// The names a `WITH` clause defines: `name AS (` or `name (columns) AS (`.
fn cte_names(tokens: &[Token]) -> Vec<String> {
    // Where each bracket closes, found in one pass: looking for it from every name would take
    // quadratic time on a query of many unclosed brackets.
    let mut closes: Vec<Option<usize>> = vec![None; tokens.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Open => open.push(i),
            Token::Close => {
                if let Some(at) = open.pop() {
                    closes[at] = Some(i);
                }
            }
            _ => {}
        }
    }
    let mut names = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Name { parts, .. } = token else { continue };
        let before = i.checked_sub(1).and_then(|b| tokens.get(b));
        if parts.len() != 1 || !before.is_some_and(|b| b.is("WITH") || b.is("RECURSIVE") || *b == Token::Comma) {
            continue;
        }
        // An optional column list.
        let next = match tokens.get(i + 1) {
            Some(Token::Open) => match closes[i + 1] {
                Some(close) => close + 1,
                None => continue,
            },
            _ => i + 1,
        };
        if tokens.get(next).is_some_and(|t| t.is("AS")) && tokens.get(next + 1) == Some(&Token::Open) {
            names.push(parts[0].clone());
        }
    }
    names
}

/// The columns the outermost `SELECT` list gives, with a type where the item says one
/// (`CAST(x AS date)`), else an empty type. Each is named by its alias (`sum(amount) AS
/// revenue`, `amount revenue`), else by the named column's own name (`o.order_id`); an item
/// that gives no name (`*`, `o.*`, an unnamed expression) is left out.
fn selected_columns(tokens: &[Token]) -> Vec<(String, String)> {
    // The outermost SELECT: the first one at depth 0 (after any WITH clause's brackets).
    let mut depth = 0usize;
    let mut start = None;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Open => depth += 1,
            Token::Close => depth = depth.saturating_sub(1),
            _ if depth == 0 && token.is("SELECT") => {
                start = Some(i + 1);
                break;
            }
            _ => {}
        }
    }
    let Some(mut i) = start else { return Vec::new() };
    while tokens.get(i).is_some_and(|t| t.is_any(&["DISTINCT", "ALL"])) {
        i += 1;
    }
    let mut columns: Vec<(String, String)> = Vec::new();
    let mut flush = |item: &mut Vec<&Token>| {
        if let Some(name) = item_name(item) {
            if !columns.iter().any(|(c, _)| c.eq_ignore_ascii_case(&name)) {
                columns.push((name, cast_type(item)));
            }
        }
        item.clear();
    };
    let mut item: Vec<&Token> = Vec::new();
    let mut depth = 0usize;
    while let Some(token) = tokens.get(i) {
        match token {
            Token::Open => depth += 1,
            Token::Close if depth == 0 => break,
            Token::Close => depth -= 1,
            _ => {}
        }
        if depth == 0 && (token.is("FROM") || token.is_any(&CLAUSE_WORDS)) {
            break;
        }
        if depth == 0 && *token == Token::Comma {
            flush(&mut item);
        } else {
            item.push(token);
        }
        i += 1;
    }
    flush(&mut item);
    columns
}

/// The name one select item gives its column.
fn item_name(item: &[&Token]) -> Option<String> {
    match item {
        [] => None,
        // `expr AS name` or `expr name`: the last token names it if the one before ends an
        // expression (a bracket, a name, a literal) or is AS; after an operator it is an operand.
        [.., before, Token::Name { parts, .. }] if parts.len() == 1 && item.len() >= 2 => {
            let aliased = before.is("AS") || matches!(before, Token::Close | Token::Name { .. } | Token::Literal);
            aliased.then(|| parts[0].clone())
        }
        [Token::Name { parts, .. }] => parts.last().cloned(),
        _ => None,
    }
}

/// The type an item casts to (`CAST(x AS timestamp)`, `TRY_CAST(x AS double precision)`), without
/// its precision; empty when it casts to none.
fn cast_type(item: &[&Token]) -> String {
    let [first, Token::Open, rest @ ..] = item else { return String::new() };
    if !first.is_any(&["CAST", "TRY_CAST", "SAFE_CAST"]) {
        return String::new();
    }
    // The cast must be the whole expression: only its alias may follow its bracket.
    let mut depth = 0usize;
    let close = rest.iter().position(|token| match token {
        Token::Open => {
            depth += 1;
            false
        }
        Token::Close if depth == 0 => true,
        Token::Close => {
            depth -= 1;
            false
        }
        _ => false,
    });
    let alias_only = match close.map(|at| &rest[at + 1..]) {
        Some([] | [Token::Name { .. }]) => true,
        Some([as_word, Token::Name { .. }]) => as_word.is("AS"),
        _ => false,
    };
    if !alias_only {
        return String::new();
    }
    let mut depth = 0usize;
    let mut after_as = false;
    let mut words: Vec<&str> = Vec::new();
    for token in rest {
        match token {
            Token::Open if after_as => break,
            Token::Open => depth += 1,
            Token::Close if depth == 0 => break,
            Token::Close => depth -= 1,
            _ if depth == 0 && !after_as && token.is("AS") => after_as = true,
            Token::Name { parts, bare: true } if after_as => words.push(&parts[0]),
            _ if after_as => break,
            _ => {}
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(query: &str) -> Vec<String> {
        scan(query).reads.into_iter().map(|p| p.join(".")).collect()
    }

    #[test]
    fn from_and_join_name_the_tables_read() {
        let query =
            "SELECT c.id, sum(o.amount) FROM silver.customers c LEFT OUTER JOIN silver.orders AS o ON o.customer_id = c.id GROUP BY 1";
        assert_eq!(names(query), ["silver.customers", "silver.orders"]);
    }

    #[test]
    fn old_style_comma_joins_and_subqueries() {
        let query =
            "select * from silver.a x, silver.b y, (select id from bronze.c) z where x.id = y.id and y.id in (select id from gold.d)";
        assert_eq!(names(query), ["silver.a", "silver.b", "bronze.c", "gold.d"]);
    }

    #[test]
    fn ctes_functions_and_extract_are_not_tables() {
        let query = "WITH recent AS (SELECT * FROM silver.orders WHERE EXTRACT(YEAR FROM order_date) = 2024), totals (id, n) AS (SELECT id, count(*) FROM recent GROUP BY id) SELECT * FROM totals JOIN UNNEST(tags) t ON true CROSS JOIN LATERAL generate_series(1, 3) s";
        assert_eq!(names(query), ["silver.orders"]);
    }

    #[test]
    fn quoted_names_and_dbt_refs() {
        let query = r#"select * from "Silver"."Order Items" i join `gold`.`daily` d on true join [dbo].[x] on true join {{ ref('stg_shop__orders') }} s on true join {{ source('crm', 'contacts') }} c on true"#;
        assert_eq!(names(query), ["Silver.Order Items", "gold.daily", "dbo.x", "stg_shop__orders", "crm.contacts"]);
    }

    #[test]
    fn strings_do_not_count() {
        assert_eq!(names("select 'from fake.table' as note from silver.real"), ["silver.real"]);
    }

    #[test]
    fn select_lists_give_aliases_and_column_names() {
        let query = "SELECT DISTINCT o.order_id, o.amount AS total, count(*) n, CAST(x AS int) AS y, o.*, a + b FROM silver.orders o";
        let names = |query: &str| scan(query).columns.into_iter().map(|(name, _)| name).collect::<Vec<_>>();
        assert_eq!(names(query), ["order_id", "total", "n", "y"]);
        let with = "WITH a AS (SELECT q FROM t) SELECT a.q, 1 AS one FROM a";
        assert_eq!(names(with), ["q", "one"]);
        assert_eq!(names("select a, b"), ["a", "b"], "a list that runs to the end");
    }

    #[test]
    fn casts_give_their_type() {
        let query = "select cast(ts as date) as day, try_cast(x as double precision) as ratio, cast(y as decimal(12, 2)) amount, cast(z as int) + 1 as w, a from t";
        let typed: Vec<(String, String)> = scan(query).columns;
        let pairs: Vec<(&str, &str)> = typed.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        assert_eq!(pairs, [("day", "date"), ("ratio", "double precision"), ("amount", "decimal"), ("w", ""), ("a", "")]);
    }

    #[test]
    fn broken_queries_give_what_they_can() {
        for text in ["", "(((", ")))", "select", "from", "join", "{{ ref(", "'unclosed", "\"unclosed", "select a as", "from (select"] {
            let _ = scan(text);
        }
        assert_eq!(names("select * from"), Vec::<String>::new());
        // Many unclosed brackets: one pass each, not one per bracket.
        let deep = format!("with {}", ", f(".repeat(100_000));
        assert_eq!(names(&deep), Vec::<String>::new());
        assert!(scan(&format!("select {}", "cast(".repeat(100_000))).columns.is_empty());
    }
}
