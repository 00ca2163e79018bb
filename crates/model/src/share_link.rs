//! The text of a share link's fragment: `#share=<version>.<data>`, where `data` is the
//! compressed save-format JSON in base64url without padding (the URL-safe alphabet, so the
//! fragment needs no escaping anywhere a link travels). Compressing is the browser's job; this
//! module only turns bytes into fragment text and back, and never panics on any text.
//!
//! The version lets a later release change the encoding (another compression, a dictionary)
//! while links made today keep opening.

use std::fmt;

/// What a share fragment starts with (`location.hash` includes the `#`).
pub const SHARE_FRAGMENT: &str = "#share=";
/// The encoding this release writes: raw deflate ("deflate-raw"), then base64url.
pub const SHARE_LINK_VERSION: u32 = 1;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a fragment is not a readable share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareLinkError {
    /// The fragment does not start with `#share=`.
    NotAShareLink,
    /// No `<version>.` in front of the data.
    NoVersion,
    /// Made by a release that encodes links differently.
    UnknownVersion(String),
    /// A character outside base64url, at this position of the data (0-based).
    BadCharacter { position: usize },
    /// The data stops in the middle of a byte: the link was cut short.
    Truncated,
}

impl fmt::Display for ShareLinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareLinkError::NotAShareLink => f.write_str("the address does not hold a shared workspace"),
            ShareLinkError::NoVersion => f.write_str("the link has no format version; it was probably cut or edited"),
            ShareLinkError::UnknownVersion(found) => write!(
                f,
                "the link uses format {found}, which this release does not know; open it with a newer Data Product Studio"
            ),
            ShareLinkError::BadCharacter { position } => write!(
                f,
                "the link's data has a character that cannot be in it (at position {}); it was probably changed when it was copied",
                position + 1
            ),
            ShareLinkError::Truncated => f.write_str("the link's data ends in the middle; it was probably cut short when it was copied"),
        }
    }
}

impl std::error::Error for ShareLinkError {}

/// The fragment (with its `#`) for compressed workspace bytes.
pub fn share_fragment(compressed: &[u8]) -> String {
    let mut out = String::with_capacity(SHARE_FRAGMENT.len() + 3 + compressed.len().div_ceil(3) * 4);
    out.push_str(SHARE_FRAGMENT);
    out.push_str(&SHARE_LINK_VERSION.to_string());
    out.push('.');
    for chunk in compressed.chunks(3) {
        let bits = chunk.iter().enumerate().fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        // n bytes carry 8n bits: 2, 3 or 4 characters of 6 bits each.
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(bits >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// The compressed bytes in a fragment made by [`share_fragment`] (with or without its `#`).
pub fn share_payload(fragment: &str) -> Result<Vec<u8>, ShareLinkError> {
    let body = fragment
        .strip_prefix(SHARE_FRAGMENT)
        .or_else(|| fragment.strip_prefix(&SHARE_FRAGMENT[1..]))
        .ok_or(ShareLinkError::NotAShareLink)?;
    let (version, data) = body.split_once('.').ok_or(ShareLinkError::NoVersion)?;
    if version != SHARE_LINK_VERSION.to_string() {
        return Err(if version.is_empty() { ShareLinkError::NoVersion } else { ShareLinkError::UnknownVersion(clip(version)) });
    }
    // Some chat tools add a trailing newline or space when a link is pasted with its line.
    let data = data.trim_end();
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0u32);
    for (position, byte) in data.bytes().enumerate() {
        let value = sextet(byte).ok_or(ShareLinkError::BadCharacter { position })?;
        bits = bits << 6 | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    // One character left over carries 6 bits, less than a byte: no encoder ends like that.
    if data.len() % 4 == 1 {
        return Err(ShareLinkError::Truncated);
    }
    Ok(out)
}

fn sextet(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// A version text as found, short enough for a message.
fn clip(text: &str) -> String {
    text.chars().take(12).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_encodings_match_base64url_without_padding() {
        // The RFC 4648 test vectors, in the URL-safe alphabet and unpadded.
        let cases: [(&[u8], &str); 7] =
            [(b"", ""), (b"f", "Zg"), (b"fo", "Zm8"), (b"foo", "Zm9v"), (b"foob", "Zm9vYg"), (b"fooba", "Zm9vYmE"), (b"foobar", "Zm9vYmFy")];
        for (bytes, data) in cases {
            assert_eq!(share_fragment(bytes), format!("#share=1.{data}"));
            assert_eq!(share_payload(&format!("#share=1.{data}")).as_deref(), Ok(bytes));
        }
        // The two characters that differ from standard base64.
        assert_eq!(share_fragment(&[0xfb, 0xff]), "#share=1.-_8");
        assert_eq!(share_payload("share=1.-_8"), Ok(vec![0xfb, 0xff]));
    }

    #[test]
    fn damaged_fragments_say_what_is_wrong() {
        assert_eq!(share_payload("#other=1.AAAA"), Err(ShareLinkError::NotAShareLink));
        assert_eq!(share_payload("#share=AAAA"), Err(ShareLinkError::NoVersion));
        assert_eq!(share_payload("#share=.AAAA"), Err(ShareLinkError::NoVersion));
        assert_eq!(share_payload("#share=2.AAAA"), Err(ShareLinkError::UnknownVersion("2".into())));
        assert_eq!(share_payload("#share=1.AA+A"), Err(ShareLinkError::BadCharacter { position: 2 }));
        assert_eq!(share_payload("#share=1.AA=="), Err(ShareLinkError::BadCharacter { position: 2 }));
        assert_eq!(share_payload("#share=1.Zm9vY"), Err(ShareLinkError::Truncated));
        assert_eq!(share_payload("#share=1.Zm9v\n"), Ok(b"foo".to_vec()));
        let long_version = format!("#share={}.AA", "9".repeat(40));
        assert_eq!(share_payload(&long_version), Err(ShareLinkError::UnknownVersion("9".repeat(12))));
        assert!(ShareLinkError::Truncated.to_string().contains("cut short"));
    }

    proptest! {
        #[test]
        fn bytes_survive_the_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let fragment = share_fragment(&bytes);
            prop_assert!(fragment[SHARE_FRAGMENT.len()..].bytes().all(|b| b == b'.' || b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert_eq!(share_payload(&fragment), Ok(bytes));
        }

        #[test]
        fn any_text_reads_without_panicking(text in ".{0,200}") {
            let _ = share_payload(&text);
            let _ = share_payload(&format!("#share=1.{text}"));
        }
    }
}
