//! Indenting compact JSON text the way `serde_json::to_string_pretty` does (two spaces,
//! `"key": value`, empty `{}` / `[]` kept on one line). Serialising once compactly and
//! re-indenting the text keeps a single serialiser per model type in the web app, where
//! serde's per-format code is a large part of the download.

/// Re-indents `compact`, which must be JSON as `serde_json` writes it (no whitespace outside
/// strings). Text inside strings, escapes included, is copied unchanged.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                out.push_str(&compact[start..=i]);
                if bytes.get(i + 1) == Some(&close) {
                    // An empty container stays `{}` / `[]`.
                    out.push(close as char);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
                start = i + 1;
            }
            b'}' | b']' => {
                out.push_str(&compact[start..i]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b as char);
                start = i + 1;
            }
            b',' => {
                out.push_str(&compact[start..=i]);
                newline(&mut out, depth);
                start = i + 1;
            }
            b':' => {
                out.push_str(&compact[start..=i]);
                out.push(' ');
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&compact[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::indent;

    fn same_as_serde(value: serde_json::Value) {
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(indent(&compact), serde_json::to_string_pretty(&value).unwrap(), "{compact}");
    }

    #[test]
    fn matches_serde_json_pretty_output() {
        same_as_serde(serde_json::json!({}));
        same_as_serde(serde_json::json!([]));
        same_as_serde(serde_json::json!({"a": [], "b": {}, "c": [1, {"d": null}], "e": "x"}));
        same_as_serde(serde_json::json!({"tricky": "a,b:{c}[d] \"quoted\" \\ back\\slash \u{1F600} é", "n": -1.5e10}));
        same_as_serde(serde_json::json!([[[]], [{}], "]", "}", ",", ":"]));
    }

    #[test]
    fn the_example_workspace_indents_like_serde_json() {
        let text = include_str!("../../../examples/retail.workspace.json");
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        same_as_serde(value);
    }
}
