//! Small value checks shared by several rules: versions, names, ids, durations and whether a
//! JSON value fits a logical type.

use serde_json::Value;

/// `MAJOR.MINOR.PATCH`, numbers without leading zeros, with optional `-pre.release` and
/// `+build` parts (Semantic Versioning 2.0.0).
pub fn is_semver(version: &str) -> bool {
    plain_version(version.as_bytes()).unwrap_or_else(|| is_semver_parts(version))
}

/// [`is_semver`] of a version of digits and dots only — nearly every version — in one pass
/// over its bytes; `None` for anything else.
fn plain_version(version: &[u8]) -> Option<bool> {
    let (mut dots, mut digits, mut leading_zero, mut ok) = (0, 0, false, true);
    for &b in version {
        if b == b'.' {
            ok &= digits > 0 && !(leading_zero && digits > 1);
            (dots, digits, leading_zero) = (dots + 1, 0, false);
        } else if b.is_ascii_digit() {
            leading_zero |= digits == 0 && b == b'0';
            digits += 1;
        } else {
            return None;
        }
    }
    Some(ok && digits > 0 && !(leading_zero && digits > 1) && dots == 2)
}

/// [`is_semver`], part by part.
fn is_semver_parts(version: &str) -> bool {
    // Byte splits: versions are checked for every product and contract, and `str` patterns
    // cost more to set up than these few bytes cost to scan.
    fn split(s: &[u8], at: u8) -> (&[u8], Option<&[u8]>) {
        match s.iter().position(|&b| b == at) {
            Some(i) => (s.get(..i).unwrap_or_default(), s.get(i + 1..)),
            None => (s, None),
        }
    }
    fn dots(s: &[u8]) -> impl Iterator<Item = &[u8]> {
        s.split(|&b| b == b'.')
    }
    let (rest, build) = split(version.as_bytes(), b'+');
    let (core, pre) = split(rest, b'-');
    let numeric = |n: &[u8]| !n.is_empty() && n.iter().all(u8::is_ascii_digit) && (n == b"0" || n.first() != Some(&b'0'));
    let ident = |s: &[u8]| !s.is_empty() && s.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-');
    dots(core).count() == 3
        && dots(core).all(numeric)
        && pre.is_none_or(|p| dots(p).all(ident))
        && build.is_none_or(|b| dots(b).all(ident))
}

/// `snake_case`: a lower-case letter, then lower-case letters, digits and single underscores.
/// Runs for every property name, so it tests eight bytes at a time (see [`snake_case_word`]).
#[inline]
pub fn is_snake_case(name: &str) -> bool {
    let bytes = name.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else { return false };
    if !first.is_ascii_lowercase() || *last == b'_' {
        return false;
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut carry = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        match snake_case_word(u64::from_le_bytes(word), carry) {
            Some(next) => carry = next,
            None => return false,
        }
    }
    let rest = chunks.remainder();
    if rest.is_empty() {
        return true;
    }
    // Pad with 'a', which is allowed and is no underscore.
    let padding = u64::MAX.checked_shl(8 * rest.len() as u32).unwrap_or(0) & (u64::from(b'a') * 0x0101_0101_0101_0101);
    snake_case_word(crate::hash::tail_word(rest) | padding, carry).is_some()
}

/// [`crate::index::name_hash`] of a property name and [`is_snake_case`] of it, from one read
/// of its bytes: the schema walk needs both for every property of the workspace.
#[inline]
pub(crate) fn name_hash_and_snake_case(name: &str) -> (u64, bool) {
    use std::hash::Hasher;
    let bytes = name.as_bytes();
    let mut hasher = crate::hash::FastHasher::default();
    let mut snake = match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => first.is_ascii_lowercase() && *last != b'_',
        _ => false,
    };
    let mut carry = 0;
    // `str::hash` writes the bytes as `write` does: whole words, then the zero-padded tail
    // (an index loop, as there, for the size-tuned build).
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let word = crate::hash::u64_at(bytes, at);
        hasher.write_u64(word);
        if snake {
            match snake_case_word(word, carry) {
                Some(next) => carry = next,
                None => snake = false,
            }
        }
        at += 8;
    }
    let rest = bytes.get(at..).unwrap_or_default();
    if !rest.is_empty() {
        let word = crate::hash::tail_word(rest);
        hasher.write_u64(word);
        if snake {
            let padding = u64::MAX.checked_shl(8 * rest.len() as u32).unwrap_or(0) & (u64::from(b'a') * 0x0101_0101_0101_0101);
            snake = snake_case_word(word | padding, carry).is_some();
        }
    }
    // `str::hash` ends with this byte.
    hasher.write_u8(0xff);
    (hasher.finish(), snake)
}

/// Tests eight name bytes (little-endian) at once: every byte `a`–`z`, `0`–`9` or `_`, and no
/// two underscores in a row — also across words, through `carry` (the previous word's last
/// byte was an underscore: 0x80, else 0). Returns the carry for the next word.
#[inline(always)]
fn snake_case_word(word: u64, carry: u64) -> Option<u64> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    if word & HIGH != 0 {
        return None; // not ASCII
    }
    // Bytes below 0x80 plus (0x80 - c) stay below 0x100, so no carry crosses bytes: the high
    // bit of each byte says whether that byte is at least `c`.
    let at_least = |c: u64| word.wrapping_add((0x80 - c) * ONES) & HIGH;
    let lower = at_least(0x61) & !at_least(0x7b);
    let digit = at_least(0x30) & !at_least(0x3a);
    let underscore = at_least(0x5f) & !at_least(0x60);
    if lower | digit | underscore != HIGH {
        return None;
    }
    if underscore & ((underscore << 8) | carry) != 0 {
        return None;
    }
    Some(underscore >> 56)
}

/// One of ODCS's logical types ([`dpstudio_model::LOGICAL_TYPES`]). A `match` compiles to a
/// switch on the length and word compares, cheaper than a search of the list for every
/// property; a test keeps the two in step.
#[inline(always)]
pub fn is_logical_type(t: &str) -> bool {
    // Up to seven bytes are one zero-padded word: switched on the length, then compared with
    // each type's word, without calling `memcmp`.
    const fn word(s: &str) -> u64 {
        let bytes = s.as_bytes();
        let (mut w, mut i) = (0u64, 0);
        while i < bytes.len() {
            w |= (bytes[i] as u64) << (8 * i);
            i += 1;
        }
        w
    }
    let bytes = t.as_bytes();
    let w = if bytes.len() < 8 { crate::hash::tail_word(bytes) } else { 0 };
    match bytes.len() {
        4 => w == const { word("date") } || w == const { word("time") },
        5 => w == const { word("array") },
        6 => w == const { word("string") } || w == const { word("number") } || w == const { word("object") },
        7 => w == const { word("integer") } || w == const { word("boolean") },
        9 => t == "timestamp",
        _ => false,
    }
}

/// Ids end up in references (`contract-id/object.property`), URLs and file names: they must
/// not be blank or hold whitespace or a slash.
pub fn id_problem(id: &str) -> Option<&'static str> {
    // Nearly every id is visible ASCII without a slash: one byte loop answers for those,
    // without decoding UTF-8 characters (this runs for every product and contract).
    if !id.is_empty() && id.bytes().all(|b| b.is_ascii_graphic() && b != b'/') {
        return None;
    }
    if blank(id) {
        Some("is empty")
    } else if id.chars().any(char::is_whitespace) {
        Some("contains whitespace")
    } else if id.contains('/') {
        Some("contains '/', which separates ids in references")
    } else {
        None
    }
}

/// Empty or only whitespace. Most strings start with a visible ASCII character, which answers
/// without decoding the rest; this runs for several fields of every property.
#[inline(always)]
pub fn blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// A number given as a JSON number or a numeric string.
pub fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A duration in minutes from a value and a unit (`m`, `h`, `d`, also spelled out; ODCS also
/// writes `min`, `hour(s)`, `day(s)`, `week(s)`, `s`).
pub fn minutes(value: &Value, unit: &str) -> Option<f64> {
    let amount = number(value)?;
    let unit = trimmed(unit);
    let is = |names: &[&str]| is_any_of(unit, names);
    let factor = if is(&["s", "sec", "second", "seconds"]) {
        1.0 / 60.0
    } else if is(&["m", "min", "mins", "minute", "minutes"]) {
        1.0
    } else if is(&["h", "hr", "hour", "hours"]) {
        60.0
    } else if is(&["d", "day", "days"]) {
        24.0 * 60.0
    } else if is(&["w", "week", "weeks"]) {
        7.0 * 24.0 * 60.0
    } else {
        return None;
    };
    (amount.is_finite() && amount >= 0.0).then_some(amount * factor)
}

/// Whether a JSON value fits an ODCS logical type. Unknown or missing types accept anything
/// (another rule reports them).
pub fn fits_type(value: &Value, logical_type: &str) -> bool {
    match logical_type {
        "string" | "date" | "timestamp" | "time" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        _ => true,
    }
}

/// A classification strong enough for personal data: set, and not `public`.
#[inline(always)]
pub fn classifies_personal_data(pii: bool, classification: &str) -> bool {
    pii || (!blank(classification) && !is_public(classification))
}

/// `public`, in any case, ignoring surrounding whitespace. Classifications are short words
/// that are rarely padded: when neither end is whitespace the trim (which decodes UTF-8)
/// is skipped.
pub fn is_public(classification: &str) -> bool {
    is_lower_word(trimmed(classification), "public")
}

/// `word` equals one of `names`, ignoring ASCII case. Lengths are compared first: most names
/// differ in length, and the case-folding compare is not cheap to set up.
pub fn is_any_of(word: &str, names: &[&str]) -> bool {
    // An index loop, as in `is_lower_word`.
    let mut i = 0;
    while let Some(name) = names.get(i) {
        if is_lower_word(word, name) {
            return true;
        }
        i += 1;
    }
    false
}

/// `word` equals `lower`, which is in lower case, ignoring ASCII case: what
/// `eq_ignore_ascii_case` answers for such a `lower`, folding only `word`'s bytes — without a
/// call per byte pair, which the size-tuned browser build makes of the standard one.
#[inline(always)]
pub(crate) fn is_lower_word(word: &str, lower: &str) -> bool {
    is_lower_bytes(word.as_bytes(), lower.as_bytes())
}

/// [`is_lower_word`] of bytes.
#[inline(always)]
pub(crate) fn is_lower_bytes(word: &[u8], lower: &[u8]) -> bool {
    let fold = |b: u8| b | (u8::from(b.wrapping_sub(b'A') < 26) << 5);
    if word.len() != lower.len() {
        return false;
    }
    // An index loop: the size-tuned build keeps `zip` and `all` as calls.
    let mut i = 0;
    while let (Some(&a), Some(&b)) = (word.get(i), lower.get(i)) {
        if fold(a) != b {
            return false;
        }
        i += 1;
    }
    true
}

/// `s.trim()`, without decoding UTF-8 from both ends when neither end byte is whitespace —
/// the usual case for the short words (classifications, units, SLA names) this is used on.
pub fn trimmed(s: &str) -> &str {
    let unpadded = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    let bytes = s.as_bytes();
    if unpadded(bytes.first()) && unpadded(bytes.last()) {
        s
    } else {
        s.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semver_accepts_only_three_numbers_with_optional_tags() {
        for ok in ["0.1.0", "1.2.3", "10.0.0-rc.1", "1.0.0+build.5", "1.0.0-alpha-2+x"] {
            assert!(is_semver(ok), "{ok}");
        }
        for bad in ["", "1", "1.2", "v1.2.3", "01.2.3", "1.2.3.4", "1.2.x", "1.2.3-", "1.2.3-a..b"] {
            assert!(!is_semver(bad), "{bad}");
        }
    }

    #[test]
    fn plain_versions_answer_as_the_parts_do() {
        // Every string of up to seven digits and dots.
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..7 {
            last = last.iter().flat_map(|t| ["0", "1", "."].map(|c| format!("{t}{c}"))).collect();
            texts.extend(last.iter().cloned());
        }
        for text in &texts {
            assert_eq!(plain_version(text.as_bytes()), Some(is_semver_parts(text)), "{text:?}");
        }
        assert_eq!(plain_version(b"1.0.0-rc.1"), None);
    }

    #[test]
    fn snake_case_names() {
        for ok in ["order_id", "a", "line2_total"] {
            assert!(is_snake_case(ok), "{ok}");
        }
        for bad in ["", "OrderId", "orderId", "_x", "x_", "a__b", "2nd", "order-id", "ordér"] {
            assert!(!is_snake_case(bad), "{bad}");
        }
        // Across and inside eight-byte words, and every ASCII byte in every position.
        for ok in ["abcdefg_hijk", "abcdefgh_ijk", "a1234567_9", "customer_lifetime_value_2"] {
            assert!(is_snake_case(ok), "{ok}");
        }
        for bad in ["abcdefg__hijk", "abcdefgh__ijk", "abcdefghij__", "abcdefgh_", "abcdefghijklmnoP"] {
            assert!(!is_snake_case(bad), "{bad}");
        }
        for len in 1..20 {
            for at in 1..len {
                for b in 0u8..128 {
                    let mut name = vec![b'a'; len];
                    name[at] = b;
                    let name = String::from_utf8(name).unwrap_or_default();
                    let allowed = b.is_ascii_lowercase() || b.is_ascii_digit() || (b == b'_' && at + 1 < len);
                    assert_eq!(is_snake_case(&name), allowed, "{name:?}");
                }
            }
        }
    }

    #[test]
    fn one_read_gives_the_name_hash_and_snake_case() {
        let mut names: Vec<String> = ["", "a", "order_id", "OrderId", "x_", "a__b", "abcdefgh", "abcdefgh_", "customer_lifetime_value_2", "ordér", "abcdefg__hijk"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for len in 1..20 {
            for b in [b'a', b'_', b'Z', b'7', b' '] {
                let mut name = vec![b'q'; len];
                name[len / 2] = b;
                names.push(String::from_utf8(name).unwrap_or_default());
            }
        }
        for name in &names {
            assert_eq!(name_hash_and_snake_case(name), (crate::index::name_hash(name), is_snake_case(name)), "{name:?}");
        }
    }

    #[test]
    fn logical_type_match_is_the_model_list() {
        for t in dpstudio_model::LOGICAL_TYPES {
            assert!(is_logical_type(t), "{t}");
        }
        for t in ["", "String", "varchar", "strin", "timestamps", " date"] {
            assert!(!is_logical_type(t), "{t}");
        }
    }

    #[test]
    fn lower_words_match_as_eq_ignore_ascii_case() {
        let words = ["", "m", "M", "min", "MIN", "Min", "mi", "freshness", "FreshNess", "fresh ness", "@", "`", "[", "{", "é", "É", "a1", "A1"];
        let lower = ["", "m", "min", "freshness", "`", "{", "a1", "é"];
        for word in words {
            for l in lower {
                assert_eq!(is_lower_word(word, l), word.eq_ignore_ascii_case(l), "{word:?} {l:?}");
            }
        }
    }

    #[test]
    fn public_in_any_case_and_padding() {
        for yes in ["public", "Public", " PUBLIC ", "\tpublic"] {
            assert!(is_public(yes), "{yes:?}");
        }
        for no in ["", "publicly", "restricted", " pub lic"] {
            assert!(!is_public(no), "{no:?}");
        }
    }

    #[test]
    fn durations_convert_to_minutes() {
        assert_eq!(minutes(&Value::from(15), "m"), Some(15.0));
        assert_eq!(minutes(&Value::from("2"), "h"), Some(120.0));
        assert_eq!(minutes(&Value::from(1), "d"), Some(1440.0));
        assert_eq!(minutes(&Value::from(1), "%"), None);
        assert_eq!(minutes(&Value::from(-1), "d"), None);
        assert_eq!(minutes(&Value::Null, "d"), None);
    }

    #[test]
    fn values_fit_logical_types() {
        assert!(fits_type(&Value::from("x"), "date"));
        assert!(fits_type(&Value::from(3), "integer"));
        assert!(!fits_type(&Value::from(3.5), "integer"));
        assert!(fits_type(&Value::from(3.5), "number"));
        assert!(!fits_type(&Value::from("3"), "number"));
        assert!(fits_type(&Value::from("anything"), "unknown"));
    }
}
