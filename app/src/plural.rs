//! English plural endings for counts in messages: "1 file", "2 files".

/// `"s"` unless `n` is one.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
