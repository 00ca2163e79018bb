//! A small, fast, non-cryptographic hasher for the index's id maps.
//!
//! Ids are short strings and a check builds thousands of map entries on every run, including
//! after every edit; std's SipHash costs more than the lookups themselves there. Collisions can
//! only slow a check down (the input is the user's own workspace), never change its result.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash used by rustc ("FxHash"), written out here to avoid a dependency.
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

// The hashing helpers are `#[inline(always)]` for the browser build, which optimises for
// size and otherwise calls them for every id and name hashed (see `bytes.rs`).
impl FastHasher {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        // Whole words, then the zero-padded tail. An index loop, not `chunks_exact`: the
        // size-tuned build keeps the iterator's machinery.
        let mut at = 0;
        while at + 8 <= bytes.len() {
            self.add(u64_at(bytes, at));
            at += 8;
        }
        if at < bytes.len() {
            self.add(tail_word(bytes.get(at..).unwrap_or_default()));
        }
    }

    #[inline(always)]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline(always)]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline(always)]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The last 1–7 bytes of a string as one word, zero-padded, built from two loads that may
/// overlap (equal bytes OR'd onto themselves change nothing). Copying them into a buffer
/// instead would call `memcpy` (the length is not a constant) for nearly every id and name
/// hashed; one load per byte costs a branch each.
#[inline(always)]
pub(crate) fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let low = u64::from(u32_at(rest, 0));
        let high = u64::from(u32_at(rest, n - 4));
        low | high << (8 * (n - 4))
    } else if n >= 2 {
        let low = u64::from(u16_at(rest, 0));
        let high = u64::from(u16_at(rest, n - 2));
        low | high << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| u64::from(b))
    }
}

/// The little-endian word of the eight bytes at `at` (0 past the end, which callers avoid).
#[inline(always)]
pub(crate) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..at + 8).and_then(|w| w.try_into().ok()).map_or(0, u64::from_le_bytes)
}

#[inline(always)]
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes.get(at..at + 4).and_then(|w| w.try_into().ok()).map_or(0, u32::from_le_bytes)
}

#[inline(always)]
fn u16_at(bytes: &[u8], at: usize) -> u16 {
    bytes.get(at..at + 2).and_then(|w| w.try_into().ok()).map_or(0, u16::from_le_bytes)
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::tail_word;

    #[test]
    fn tail_word_is_the_bytes_zero_padded() {
        let bytes = *b"abcdefg";
        for len in 1..=7 {
            let mut word = [0u8; 8];
            word[..len].copy_from_slice(&bytes[..len]);
            assert_eq!(tail_word(&bytes[..len]), u64::from_le_bytes(word), "{len}");
        }
    }
}
