//! The index's id tables: id → position of the first entity with that id, or just "this id
//! exists". Every rule asks them (a full check of a large workspace makes tens of thousands
//! of lookups), so they are a small open-addressing table of their own rather than std's
//! `HashMap`: a lookup is one name hash, a probe of a flat array and one inline compare,
//! all inlined — the browser build is size-tuned, and there `HashMap`'s generic lookup and
//! hashing stay calls of their own.

use crate::bytes::same;
use crate::index::name_hash;

/// Ids borrowed from the workspace, each with a position (for sets, 0).
#[derive(Clone, Default)]
pub(crate) struct IdMap<'w> {
    /// Linear probing, a power of two long and at most 7/8 full (or empty): the tables stay
    /// small (a large workspace's fit in well under 128 KiB, which glibc would otherwise
    /// map and unmap afresh for every check), and nearly every lookup finds its id.
    slots: Vec<Slot<'w>>,
    len: usize,
}

#[derive(Clone, Copy, Default)]
struct Slot<'w> {
    /// `None` marks an empty slot.
    id: Option<&'w str>,
    /// The low half of the id's name hash (the high half picks nothing here).
    hash: u32,
    value: u32,
}

/// Whether `len` ids fit in `slots` slots.
fn fits(len: usize, slots: usize) -> bool {
    8 * len <= 7 * slots
}

impl<'w> IdMap<'w> {
    /// A table for about `n` ids without growing.
    pub(crate) fn with_capacity(n: usize) -> Self {
        let slots = if n == 0 { Vec::new() } else { vec![Slot::default(); (n + n / 7 + 1).next_power_of_two()] };
        IdMap { slots, len: 0 }
    }

    /// Ids as a set.
    pub(crate) fn set_of(ids: impl Iterator<Item = &'w str>) -> Self {
        let mut set = IdMap::with_capacity(ids.size_hint().0);
        for id in ids {
            set.insert_first(id, 0);
        }
        set
    }

    /// How many distinct ids it holds.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Adds `id` with `value` unless it is already there; says whether it was added (the
    /// first entity with an id keeps its position).
    pub(crate) fn insert_first(&mut self, id: &'w str, value: usize) -> bool {
        if !fits(self.len + 1, self.slots.len()) {
            self.grow();
        }
        let hash = name_hash(id) as u32;
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        while let Some(slot) = self.slots.get_mut(at) {
            match slot.id {
                None => {
                    *slot = Slot { hash, id: Some(id), value: u32::try_from(value).unwrap_or(u32::MAX) };
                    self.len += 1;
                    return true;
                }
                Some(there) if slot.hash == hash && same(there, id) => return false,
                Some(_) => at = (at + 1) & mask,
            }
        }
        false
    }

    /// The value of `id`, if it is there.
    #[inline(always)]
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        let hash = name_hash(id) as u32;
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots.get(at)?;
            let there = slot.id?;
            if slot.hash == hash && same(there, id) {
                return Some(slot.value as usize);
            }
            at = (at + 1) & mask;
        }
    }

    #[inline(always)]
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Twice the slots (at least 8), every id placed again.
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![Slot::default(); (2 * old.len()).max(8)];
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.id.is_some()) {
            let mut at = slot.hash as usize & mask;
            while let Some(free) = self.slots.get_mut(at) {
                if free.id.is_none() {
                    *free = slot;
                    break;
                }
                at = (at + 1) & mask;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;

    #[test]
    fn keeps_the_first_position_of_each_id_and_grows() {
        let ids: Vec<String> = (0..300).map(|i| format!("product-{}", i % 120)).collect();
        let mut map = IdMap::default();
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(map.insert_first(id, i), i < 120, "{id}");
        }
        assert_eq!(map.len(), 120);
        for i in 0..120 {
            assert_eq!(map.get(&format!("product-{i}")), Some(i));
        }
        assert_eq!(map.get("product-120"), None);
        assert_eq!(map.get(""), None);
        assert!(!IdMap::default().contains("x"));
        let set = IdMap::set_of(["a", "b", "a", ""].into_iter());
        assert!(set.contains("a") && set.contains("") && !set.contains("c"));
        assert_eq!(set.len(), 3);
    }
}
