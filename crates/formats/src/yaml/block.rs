//! A fast reader for the plain block-style YAML that exporters write (this studio's own, and
//! most hand-written contracts): indented mappings and sequences, one-line scalars, quoted
//! strings without escapes, `>`/`|` block scalars of same-indented lines, `[]` and `{}`.
//!
//! It is an accelerator, not a second YAML parser: it answers only for documents it reads
//! with certainty the way the full parser (serde-saphyr with the options in `yaml.rs`) does,
//! and gives up (`None`) on anything else — comments, anchors, tags, flow collections,
//! escapes, multi-line plain scalars, number-like text it does not decode exactly, duplicate
//! keys, unusual characters, deep nesting — leaving the document to the full parser, which
//! also produces every error. A test holds the two to the same values on every document this
//! one accepts, including thousands of mangled ones.

use serde_json::{Map, Number, Value};

/// Deeper documents go to the full parser (its limit is `yaml::MAX_DEPTH`, 32).
const MAX_DEPTH: usize = 20;
/// Documents with more nodes go to the full parser (its budget allows 250,000).
const MAX_NODES: usize = 100_000;
/// Longer keys go to the full parser (it limits how far it looks ahead for a key's colon).
const MAX_KEY: usize = 200;

/// The document's value, or `None` when it is not in the subset this reader is sure of.
pub(super) fn parse(text: &str) -> Option<Value> {
    if !plain_text(text.as_bytes()) {
        return None;
    }
    let mut lines = Vec::new();
    for raw in text.split('\n') {
        let content = raw.trim_start_matches(' ');
        if content.starts_with('#') {
            return None;
        }
        lines.push(Line { indent: raw.len() - content.len(), text: content });
    }
    let mut reader = Reader { lines, at: 0, nodes: 0 };
    let first = reader.next_content()?;
    if reader.lines[first].indent != 0 || is_item(reader.lines[first].text) {
        return None;
    }
    reader.at = first;
    let value = reader.mapping(0, 0)?;
    match reader.next_content() {
        Some(_) => None,
        None => Some(value),
    }
}

/// Text of characters that need no thought: printable ASCII, line feeds, and printable
/// non-ASCII (no C1 controls, no-break spaces, byte-order marks, non-characters or Unicode line
/// separators); and no `$`, which the full parser may read as `${…}` interpolation. Checked on
/// the UTF-8 bytes: each refused character is refused by its leading bytes.
fn plain_text(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let refused = match b {
            b'\n' => false,
            b'$' | 0x7f => true,
            0x00..=0x1f => true,
            0x20..=0x7e => false,
            // U+0080..U+00A0: C1 controls (NEL among them) and the no-break space.
            0xc2 => bytes.get(i + 1).is_none_or(|&n| n <= 0xa0),
            // U+2028, U+2029.
            0xe2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)),
            // U+FEFF, U+FFFE, U+FFFF.
            0xef => matches!((bytes.get(i + 1), bytes.get(i + 2)), (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))),
            _ => false,
        };
        if refused {
            return false;
        }
        i += 1;
    }
    true
}

#[derive(Clone, Copy)]
struct Line<'a> {
    indent: usize,
    /// The line without its indentation (may end with spaces; empty for a blank line).
    text: &'a str,
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    /// The next line to read.
    at: usize,
    nodes: usize,
}

fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

impl<'a> Reader<'a> {
    /// The index of the next non-blank line from `at`.
    fn next_content(&self) -> Option<usize> {
        (self.at..self.lines.len()).find(|&i| !self.lines[i].text.is_empty())
    }

    fn node(&mut self, depth: usize) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= MAX_NODES && depth <= MAX_DEPTH).then_some(())
    }

    /// True when the line after the current one that has content is indented deeper than
    /// `indent`: after a one-line value that is a continuation or an error, either way not ours.
    fn deeper_follows(&self, indent: usize) -> bool {
        self.next_content().is_some_and(|i| self.lines[i].indent > indent)
    }

    /// The block mapping whose keys start at column `indent`; `at` is on its first key.
    fn mapping(&mut self, indent: usize, depth: usize) -> Option<Value> {
        self.node(depth)?;
        let mut out = Map::new();
        while let Some(i) = self.next_content() {
            let line = self.lines[i];
            if line.indent < indent {
                break;
            }
            if line.indent > indent || is_item(line.text) {
                return None;
            }
            let (key, rest) = split_key(line.text)?;
            if out.contains_key(key) {
                return None;
            }
            self.at = i + 1;
            let value = self.value(indent, rest, depth + 1)?;
            out.insert(key.to_owned(), value);
        }
        Some(Value::Object(out))
    }

    /// The value of a mapping key at column `indent`, `rest` being the text after its colon.
    fn value(&mut self, indent: usize, rest: &'a str, depth: usize) -> Option<Value> {
        if rest.is_empty() {
            let Some(i) = self.next_content() else {
                self.node(depth)?;
                return Some(Value::Null);
            };
            let next = self.lines[i];
            return if next.indent > indent {
                self.at = i;
                if is_item(next.text) { self.sequence(next.indent, depth) } else { self.mapping(next.indent, depth) }
            } else if next.indent == indent && is_item(next.text) {
                // A block sequence may sit at its key's own column.
                self.at = i;
                self.sequence(indent, depth)
            } else {
                self.node(depth)?;
                Some(Value::Null)
            };
        }
        self.node(depth)?;
        if let Some(style) = block_style(rest) {
            return self.block_scalar(indent, style);
        }
        let value = scalar(rest)?;
        if self.deeper_follows(indent) {
            return None;
        }
        Some(value)
    }

    /// The block sequence whose dashes are at column `indent`; `at` is on its first item.
    fn sequence(&mut self, indent: usize, depth: usize) -> Option<Value> {
        self.node(depth)?;
        let mut items = Vec::new();
        while let Some(i) = self.next_content() {
            let line = self.lines[i];
            if line.indent < indent || (line.indent == indent && !is_item(line.text)) {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let rest = line.text.get(1..)?.trim_start_matches(' ');
            if rest.is_empty() || is_item(rest) || block_style(rest).is_some() {
                return None;
            }
            let column = indent + (line.text.len() - rest.len());
            if looks_like_entry(rest) {
                // `- key: value` opens a mapping at the key's column.
                self.lines[i] = Line { indent: column, text: rest };
                self.at = i;
                items.push(self.mapping(column, depth + 1)?);
            } else {
                self.node(depth + 1)?;
                self.at = i + 1;
                items.push(scalar(rest)?);
                if self.deeper_follows(indent) {
                    return None;
                }
            }
        }
        Some(Value::Array(items))
    }

    /// A `>`/`|` scalar of one or more lines, all at one indentation deeper than `indent`,
    /// none blank, none ending in a space; `at` is on its first line.
    fn block_scalar(&mut self, indent: usize, style: BlockStyle) -> Option<Value> {
        let first = *self.lines.get(self.at)?;
        if first.text.is_empty() || first.indent <= indent {
            return None;
        }
        let mut parts = Vec::new();
        while let Some(line) = self.lines.get(self.at) {
            if line.text.is_empty() || line.indent < first.indent {
                break;
            }
            if line.indent != first.indent || line.text.ends_with(' ') {
                return None;
            }
            parts.push(line.text);
            self.at += 1;
        }
        if self.deeper_follows(indent) {
            return None;
        }
        let mut text = parts.join(if style.folded { " " } else { "\n" });
        if style.clip {
            text.push('\n');
        }
        Some(Value::String(text))
    }
}

#[derive(Clone, Copy)]
struct BlockStyle {
    /// `>` (lines joined by spaces) rather than `|` (kept as lines).
    folded: bool,
    /// No `-`: the text ends with one line feed.
    clip: bool,
}

fn block_style(rest: &str) -> Option<BlockStyle> {
    let (folded, clip) = match rest.trim_end_matches(' ') {
        ">-" => (true, false),
        ">" => (true, true),
        "|-" => (false, false),
        "|" => (false, true),
        _ => return None,
    };
    Some(BlockStyle { folded, clip })
}

/// `key: value` or `key:` with a key this reader takes; `rest` is the value text, trimmed.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let (key, after) = (&text[..colon], &text[colon + 1..]);
    if !(after.is_empty() || after.starts_with(' ')) || !plain_key(key) {
        return None;
    }
    Some((key, after.trim_matches(' ')))
}

/// Whether a sequence item's text is a mapping entry rather than a scalar.
fn looks_like_entry(text: &str) -> bool {
    !text.starts_with(['"', '\'']) && (has_pair(text.as_bytes(), b':', b' ') || text.trim_end_matches(' ').ends_with(':'))
}

/// Whether `a` is directly followed by `b` somewhere in `bytes`.
fn has_pair(bytes: &[u8], a: u8, b: u8) -> bool {
    bytes.windows(2).any(|w| w[0] == a && w[1] == b)
}

/// `: ` (a mapping inside a plain scalar), ` #` (a comment) or a final `:`: plain text that is
/// not only text.
fn has_indicator(s: &str) -> bool {
    s.ends_with(':') || s.as_bytes().windows(2).any(|w| (w[0] == b':' && w[1] == b' ') || (w[0] == b' ' && w[1] == b'#'))
}

/// A key that the full parser reads as exactly this text: a name, not a number, boolean or null.
fn plain_key(key: &str) -> bool {
    let mut chars = key.chars();
    key.len() <= MAX_KEY
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !special_word(key)
}

/// Words some YAML schema reads as something other than text.
fn special_word(s: &str) -> bool {
    const WORDS: [&str; 12] = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "inf", "nan", "infinity"];
    s.len() <= 8 && WORDS.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// A one-line scalar as the full parser's YAML 1.2 core schema reads it, when certain.
fn scalar(text: &str) -> Option<Value> {
    let s = text.trim_end_matches(' ');
    let quoted = |q: char| {
        let inner = s.strip_prefix(q)?.strip_suffix(q)?;
        (!inner.contains(['"', '\'', '\\'])).then(|| Value::String(inner.to_owned()))
    };
    match s {
        "" => return None,
        "true" => return Some(Value::Bool(true)),
        "false" => return Some(Value::Bool(false)),
        "null" | "~" => return Some(Value::Null),
        "[]" => return Some(Value::Array(Vec::new())),
        "{}" => return Some(Value::Object(Map::new())),
        _ => {}
    }
    let first = s.chars().next()?;
    match first {
        '"' | '\'' => quoted(first),
        '-' | '?' | ':' | ',' | '[' | ']' | '{' | '}' | '#' | '&' | '*' | '!' | '|' | '>' | '%' | '@' | '`' | '<' => None,
        '0'..='9' | '+' | '.' => number(s),
        _ if has_indicator(s) || special_word(s) => None,
        _ => Some(Value::String(s.to_owned())),
    }
}

/// `0`, `42` or `99.9` (no sign, exponent, underscore or leading zero): the numbers whose
/// reading is certain. Anything else that starts like a number goes to the full parser.
fn number(s: &str) -> Option<Value> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    if !digits(whole) || whole.len() > 18 || (whole.len() > 1 && whole.starts_with('0')) {
        return None;
    }
    match fraction {
        None => whole.parse::<u64>().ok().map(Value::from),
        Some(f) if digits(f) && f.len() <= 17 => s.parse::<f64>().ok().and_then(Number::from_f64).map(Value::Number),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::parse;
    use crate::{dcs, odcs, odps};

    /// What the full parser reads, or `None` where it refuses the text.
    fn full(text: &str) -> Option<Value> {
        serde_saphyr::from_str_with_options::<super::super::Plain>(text, super::super::options()).ok().map(|p| p.0)
    }

    /// Whenever the fast reader answers, the full parser accepts the text and agrees.
    fn agrees(text: &str) -> bool {
        match parse(text) {
            Some(fast) => {
                assert_eq!(Some(&fast), full(text).as_ref(), "the readers differ on:\n{text}");
                true
            }
            None => false,
        }
    }

    fn exports() -> Vec<String> {
        let w = dpstudio_model::generate(40, 7);
        let mut texts: Vec<String> = w.contracts.iter().map(|c| odcs::export(c, &w, &Default::default())).collect();
        texts.extend(w.products.iter().map(|p| odps::export(p, &w)));
        texts.extend(w.contracts.iter().take(20).map(|c| dcs::export(c, &w)));
        texts
    }

    #[test]
    fn reads_every_generated_odcs_export_as_the_full_parser_does() {
        let texts = exports();
        let taken = texts.iter().filter(|t| agrees(t)).count();
        let odcs_files = texts.iter().filter(|t| t.contains("kind: DataContract")).collect::<Vec<_>>();
        assert!(odcs_files.iter().all(|t| parse(t).is_some()), "an export fell back to the full parser");
        assert!(taken >= odcs_files.len());
    }

    #[test]
    fn the_reference_examples_agree_where_taken() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml" || e == "json") {
                    if let Ok(text) = std::fs::read_to_string(&path) {
                        agrees(&text);
                    }
                }
            }
        }
    }

    #[test]
    fn scalars_it_takes_read_as_the_full_parser_reads_them() {
        let values = [
            "1.0", "1.10", "2", "0", "-1", "0755", "0o17", "0x1F", "0X1F", "1e3", ".5", "5.", "1_000", "+1", ".inf", "-.inf",
            ".nan", "99.9", "123456789012345678", "1234567890123456789012", "0.1234567890123456789", "true", "false",
            "yes", "no", "on", "off", "y", "n", "True", "FALSE", "NO", "null", "Null", "NULL", "~", "inf", "nan",
            "Infinity", "2024-01-01", "2024-01-01T10:00:00Z", "09:00", "12:30:00", "${DB_HOST}", "$x", "#hash",
            "a #b", "a#b", "a: b", "a:b", "a:", "- item", "-item", "[x]", "[]", "{}", "{y}", "[a, b]", "&anchor",
            "*alias", "!tag", "!!str 1", "%directive", "@at", "`tick", "'quote'", "'it''s'", "\"dq\"", "\"a\\nb\"",
            "\"a'b\"", "'a\"b'", "\"\"", "''", "\"", "'", "ünïcödé ✓", "a\u{a0}b", "\u{feff}x", "\\backslash", "?",
            "? x", ":", "-", "---", "...", "|", ">", "|-", ">-", "|+", ">2", "<<", "a, b", "a,b", "x]", "varchar(36)",
            "Tomás Okafor", "http://example.com/a?b=c#d", "a  b", "=", "<x>", "%",
        ];
        for v in values {
            for text in [
                format!("key: {v}\n"),
                format!("key: {v}   \nnext: 1\n"),
                format!("list:\n- {v}\n- x\n"),
                format!("list:\n  - {v}\n"),
                format!("{v}: 1\n"),
                format!("- {v}\n"),
                format!("m:\n- k: {v}\n  j: {v}\n"),
            ] {
                agrees(&text);
            }
        }
    }

    #[test]
    fn refuses_exactly_the_characters_that_need_thought() {
        let refused = |c: char| {
            c == '$' || (c < ' ' && c != '\n') || ('\u{7f}'..='\u{a0}').contains(&c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
        };
        for c in (0..0x3000u32).chain(0xfe00..0x11000).filter_map(char::from_u32) {
            assert_eq!(super::plain_text(format!("a{c}b").as_bytes()), !refused(c), "{:#x}", c as u32);
        }
    }

    #[test]
    fn block_shapes_agree() {
        let texts = [
            "a:\n  b:\n    c: 1\n  d:\n  - x\n  - v: 2\n    w:\n    - 3\n",
            "a:\n- b\n- c\nd: e\n",
            "a:\n- b:\n  - c\n  d: e\n- f\n",
            "a: >-\n  folded\n  text\nb: |\n  kept\n  lines\nc: |-\n  x\nd: >\n  y\n",
            "a: >-\n  x\n   y\n",
            "a: >-\n  x\n\n  y\n",
            "a: |\n  x\n\n\nb: 1\n",
            "a: >-\nb: 1\n",
            "a: x\n  y\n",
            "a:\n  - x\n  y: 1\n",
            "a: 1\na: 2\n",
            "- a\n- b\n",
            "  a: 1\n",
            "a: 1\n# comment\n",
            "a: 1\r\nb: 2\r\n",
            "a:\tb\n",
            "---\na: 1\n",
            "a: 1\n...\n",
            "",
            "\n\n",
            "a:\n",
            "a:\n-\n",
            "a:\n- - x\n",
            "a:\n-   b: 1\n    c: 2\n",
            "a:\n-   b: 1\n  c: 2\n",
            "a: 1\n b: 2\n",
            "a:\n  b: 1\n c: 2\n",
            "a:\n    - x\n  - y\n",
        ];
        for text in texts {
            agrees(text);
        }
        assert_eq!(parse(texts[0]), full(texts[0]));
        assert!(parse(texts[3]).is_some());
    }

    /// Thousands of damaged documents: wherever the fast reader still answers, it agrees.
    #[test]
    fn mangled_documents_agree_where_taken() {
        const BITS: [&str; 30] = [
            ": ", "- ", "#", " ", "  ", "\n", "'", "\"", "|", ">-", "{", "[", "&a ", "*a", "!t ", "\t", "0", "1.5",
            "true", "~", "-", ":", "key:", "\n  ", "\n- ", "\\", "$", "\u{feff}", "é", "\r",
        ];
        let texts = exports();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        let mut taken = 0;
        for round in 0..8000 {
            let source = &texts[round % texts.len()];
            // A slice of lines keeps each parse small.
            let lines: Vec<&str> = source.lines().collect();
            let end = (20 + next(40)).min(lines.len());
            let mut doc: Vec<String> = lines[..end].iter().map(|l| l.to_string()).collect();
            for _ in 0..1 + next(3) {
                let i = next(doc.len());
                match next(5) {
                    0 => {
                        let line = &mut doc[i];
                        let mut at = next(line.len() + 1);
                        while !line.is_char_boundary(at) {
                            at -= 1;
                        }
                        line.insert_str(at, BITS[next(BITS.len())]);
                    }
                    1 => {
                        let line = &mut doc[i];
                        let mut at = next(line.len() + 1);
                        while !line.is_char_boundary(at) {
                            at -= 1;
                        }
                        line.truncate(at);
                    }
                    2 => {
                        let copy = doc[i].clone();
                        doc.insert(next(doc.len()), copy);
                    }
                    3 => doc[i].insert_str(0, ["  ", " "][next(2)]),
                    _ => {
                        let line = &mut doc[i];
                        if let Some(rest) = line.strip_prefix(' ') {
                            *line = rest.to_owned();
                        }
                    }
                }
            }
            if agrees(&(doc.join("\n") + "\n")) {
                taken += 1;
            }
        }
        assert!(taken > 600, "too few mangled documents were taken ({taken}) to mean anything");
    }
}
