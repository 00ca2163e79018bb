//! Finding a byte in, and comparing, short strings eight bytes at a time. References such as
//! `contract-id/object.property` are split at '/' and '.' tens of thousands of times per
//! check; a byte-by-byte scan costs several instructions per byte, a word-wise one a few per
//! eight bytes.
//!
//! These helpers are `#[inline(always)]`: the browser build optimises for size, where the
//! compiler inlines almost nothing on its own, and a call per id or name compared costs more
//! than the helper's few instructions.

use crate::hash::{tail_word, u64_at};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The position of the first `needle` in `bytes`.
#[inline(always)]
pub(crate) fn find_byte(bytes: &[u8], needle: u8) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if let Some(at) = first_match(u64::from_le_bytes(word), needle) {
            return Some(offset + at);
        }
        offset += 8;
    }
    let rest = chunks.remainder();
    // The zero padding of the last word could match a zero needle: bound by the length.
    first_match(tail_word(rest), needle).filter(|&at| at < rest.len()).map(|at| offset + at)
}

/// `a == b` for short strings, compared eight bytes at a time inline. Ids and names are a
/// few words long; `==` on them calls `memcmp`, whose call and set-up cost more than the
/// compare itself, and checks compare such strings tens of thousands of times.
#[inline(always)]
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return tail_word(a) == tail_word(b);
    }
    // Whole words, then the last eight bytes (overlapping the last whole word when the
    // length is not a multiple of eight).
    let mut at = 0;
    while at + 8 < n {
        if u64_at(a, at) != u64_at(b, at) {
            return false;
        }
        at += 8;
    }
    u64_at(a, n - 8) == u64_at(b, n - 8)
}

/// The first byte of `word` (little-endian) equal to `needle`. The classic zero-byte test:
/// it can flag a byte above a true match, never below one, so the lowest flag is exact.
#[inline(always)]
fn first_match(word: u64, needle: u8) -> Option<usize> {
    let x = word ^ (u64::from(needle) * ONES);
    let found = x.wrapping_sub(ONES) & !x & HIGH;
    (found != 0).then(|| (found.trailing_zeros() / 8) as usize)
}

#[cfg(test)]
mod tests {
    use super::find_byte;

    #[test]
    fn same_is_string_equality() {
        let texts = ["", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "abcdefgh-ijklmnop", "abcdefgh-ijklmnoq", "ordér", "order"];
        for a in texts {
            for b in texts {
                assert_eq!(super::same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn finds_the_first_occurrence_as_a_scan_would() {
        let texts: [&[u8]; 7] = [b"", b"a", b"abc/def", b"orders-contract/orders.order_id", b"........", b"x\0y", b"\x80\x81/\xff."];
        for text in texts {
            for needle in [b'/', b'.', 0, b'a', 0x81, 0xff] {
                assert_eq!(find_byte(text, needle), text.iter().position(|&b| b == needle), "{text:?} {needle}");
            }
        }
        for len in 0..20 {
            for at in 0..len {
                let mut text = vec![b'z'; len];
                text[at] = b'.';
                assert_eq!(find_byte(&text, b'.'), Some(at));
            }
        }
    }
}
