//! Recognises the few string formats worth a logical type or an ODCS `format`: dates,
//! timestamps, e-mail addresses, UUIDs and URIs. Deliberately strict: a format is only
//! inferred when every value of a field has it, so one false match would mislabel a column.

/// A string format the inference can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StringFormat {
    /// `2024-05-31`
    Date,
    /// `2024-05-31T12:00:00Z`, with optional fraction and offset, `T` or a space between.
    DateTime,
    Email,
    Uuid,
    /// An absolute URI with `scheme://`, or a `urn:` / `mailto:` one.
    Uri,
}

impl StringFormat {
    /// The name JSON Schema gives this format.
    pub fn as_str(self) -> &'static str {
        match self {
            StringFormat::Date => "date",
            StringFormat::DateTime => "date-time",
            StringFormat::Email => "email",
            StringFormat::Uuid => "uuid",
            StringFormat::Uri => "uri",
        }
    }
}

/// The format `s` has, if any.
pub fn recognise(s: &str) -> Option<StringFormat> {
    if is_uuid(s) {
        Some(StringFormat::Uuid)
    } else if is_date(s) {
        Some(StringFormat::Date)
    } else if is_date_time(s) {
        Some(StringFormat::DateTime)
    } else if is_email(s) {
        Some(StringFormat::Email)
    } else if is_uri(s) {
        Some(StringFormat::Uri)
    } else {
        None
    }
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    s.iter().try_fold(0u32, |n, d| n.checked_mul(10)?.checked_add(u32::from(d - b'0')))
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (digits(&b[..4]), digits(&b[5..7]), digits(&b[8..])) else { return false };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 19 || !s.is_char_boundary(10) || !is_date(&s[..10]) || !matches!(b[10], b'T' | b't' | b' ') {
        return false;
    }
    let time = &b[11..];
    if time[2] != b':' || time[5] != b':' {
        return false;
    }
    let (Some(h), Some(m), Some(sec)) = (digits(&time[..2]), digits(&time[3..5]), digits(&time[6..8])) else { return false };
    if h > 23 || m > 59 || sec > 60 {
        return false;
    }
    let mut rest = &time[8..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            digits(&[*h1, *h2]).is_some_and(|h| h <= 23) && digits(&[*m1, *m2]).is_some_and(|m| m <= 59)
        }
        _ => false,
    }
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.bytes().all(|c| c.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&c));
    let labels_ok = domain.split('.').all(|l| {
        !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
    });
    local_ok && domain.contains('.') && labels_ok
}

fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let scheme_ok = scheme.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && scheme.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'));
    let no_space = !s.chars().any(|c| c.is_whitespace() || c.is_control());
    let shaped = match rest.strip_prefix("//") {
        Some(authority) => !authority.is_empty(),
        None => scheme.eq_ignore_ascii_case("urn") || scheme.eq_ignore_ascii_case("mailto"),
    };
    scheme_ok && no_space && shaped && rest.len() > 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_format_and_nothing_close() {
        let cases = [
            ("2024-02-29", Some(StringFormat::Date)),
            ("2023-02-29", None),
            ("2024-13-01", None),
            ("2024-05-31T12:00:00Z", Some(StringFormat::DateTime)),
            ("2024-05-31 12:00:00.123+02:00", Some(StringFormat::DateTime)),
            ("2024-05-31T12:00:00", Some(StringFormat::DateTime)),
            ("2024-05-31T25:00:00Z", None),
            ("2024-05-31T12:00:00.Z", None),
            ("2024-05-31T12:00", None),
            ("ann@example.com", Some(StringFormat::Email)),
            ("ann@localhost", None),
            ("a b@example.com", None),
            ("123e4567-e89b-12d3-a456-426614174000", Some(StringFormat::Uuid)),
            ("123e4567-e89b-12d3-a456-42661417400g", None),
            ("https://example.com/a?b=1", Some(StringFormat::Uri)),
            ("urn:isbn:0451450523", Some(StringFormat::Uri)),
            ("mailto:ann@example.com", Some(StringFormat::Uri)),
            ("note: hello", None),
            ("10:30", None),
            ("status:ok", None),
            ("", None),
            ("2024-05-31T12:00:00Zé", None),
            ("éééééééééé", None),
        ];
        for (text, expected) in cases {
            assert_eq!(recognise(text), expected, "{text:?}");
        }
    }
}
