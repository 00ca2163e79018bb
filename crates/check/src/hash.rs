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

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The last 1–7 bytes of a string as one word, zero-padded, built from at most three loads.
/// Copying them into a buffer instead would call `memcpy` (the length is not a constant) for
/// nearly every id and name hashed.
pub(crate) fn tail_word(rest: &[u8]) -> u64 {
    let byte = |i: usize| u64::from(rest.get(i).copied().unwrap_or(0));
    let mut word = 0;
    let mut at = 0;
    if let Some(four) = rest.get(..4) {
        word = u64::from(u32::from_le_bytes([four[0], four[1], four[2], four[3]]));
        at = 4;
    }
    if let Some(two) = rest.get(at..at + 2) {
        word |= u64::from(u16::from_le_bytes([two[0], two[1]])) << (8 * at);
        at += 2;
    }
    if at < rest.len() {
        word |= byte(at) << (8 * at);
    }
    word
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
