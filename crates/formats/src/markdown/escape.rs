//! Escaping user text for Markdown and Mermaid: names and descriptions are data, never markup,
//! so a pipe cannot split a table cell, a newline cannot start a heading or a list, and a quote
//! or bracket cannot end a Mermaid label.

/// Characters with a meaning anywhere in (GitHub-flavoured) Markdown inline text.
const MARKDOWN_SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~'];

/// Inline text: Markdown punctuation backslash-escaped, line breaks and tabs as single spaces,
/// and a start that would open a list or a heading underline (`- `, `+`, `=`, `1.`) escaped.
pub fn inline(text: &str) -> String {
    let out = escape_words(text);
    if out.starts_with(['-', '+', '=']) {
        return format!("\\{out}");
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &out[..digits], &out[digits..]);
    }
    out
}

/// Text in the middle of a line (after `# `, inside a sentence): punctuation escaped, line
/// breaks and tabs as single spaces.
pub fn escape_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if MARKDOWN_SPECIAL.contains(&c) {
                out.push('\\');
            }
            if !c.is_control() {
                out.push(c);
            }
        }
    }
    out
}

/// A table cell: punctuation escaped like [`inline`] (a cell never starts a list, so `1.0` stays
/// as written), line breaks kept as `<br>` (escaped text cannot produce that tag itself).
pub fn cell(text: &str) -> String {
    text.lines().map(escape_words).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("<br>")
}

/// A Mermaid label, to be written inside double quotes: `#` starts Mermaid's entity codes, so
/// it and every character that could end the label or be read as markup become entity codes.
pub fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '[' => out.push_str("#91;"),
            ']' => out.push_str("#93;"),
            '{' => out.push_str("#123;"),
            '}' => out.push_str("#125;"),
            '(' => out.push_str("#40;"),
            ')' => out.push_str("#41;"),
            ';' => out.push_str("#59;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    if out.trim().is_empty() { "unnamed".to_owned() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_split_or_start_markup() {
        assert_eq!(cell("a|b\n# c"), "a\\|b<br>\\# c");
        assert_eq!(inline("<script>x</script>"), "\\<script\\>x\\</script\\>");
        assert_eq!(inline("line\n- item"), "line - item");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("12. x"), "12\\. x");
    }

    #[test]
    fn mermaid_labels_cannot_end_their_quotes() {
        assert_eq!(mermaid_label("a\"b]"), "a#quot;b#93;");
        assert_eq!(mermaid_label("#1 (x)"), "#35;1 #40;x#41;");
        assert_eq!(mermaid_label(""), "unnamed");
    }
}
