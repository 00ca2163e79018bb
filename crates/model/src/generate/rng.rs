//! The generator's random numbers: SplitMix64, seeded, so a seed always gives the same workspace.

/// SplitMix64: tiny, fast, good enough for synthetic data, and no dependency.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub(super) fn range(&mut self, low: usize, high_inclusive: usize) -> usize {
        low + self.below(high_inclusive.saturating_sub(low) + 1)
    }

    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// A random element, or `fallback` for an empty slice (callers never pass one, but the
    /// generator must not panic).
    pub(super) fn pick<T: Copy>(&mut self, items: &[T], fallback: T) -> T {
        items.get(self.below(items.len())).copied().unwrap_or(fallback)
    }
}
