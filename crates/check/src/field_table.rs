//! A contract's top-level fields in one compact table, for the field references of other
//! contracts (lineage sources, relationships: `contract-id/object.property`).
//!
//! A large workspace holds tens of thousands of references, nearly all into contracts that
//! have long left the cache. Resolving one through name maps keyed by the workspace's own
//! strings touched the upstream contract's scattered names and properties several times;
//! this table answers from its own arrays: two name hashes, a probe of an open-addressing
//! table, one name compare — and says whether the field is personal data without reading
//! the property itself.

use dpstudio_model::{DataContract, Property};

use crate::bytes::same;
use crate::hash::FastHasher;
use crate::index::name_hash;

/// One contract's fields; built once per contract and check. Two allocations (slots and
/// names): a full check builds one table per contract, and in WASM every allocation and
/// free costs more than the lookups it saves.
pub(crate) struct FieldTable<'w> {
    /// Open addressing with linear probing, a power of two long and at most half full. Fields
    /// of one name land in schema order along the probe sequence, so the first is found first,
    /// as a scan of the schema would find it.
    slots: Vec<Slot<'w>>,
    objects: Objects,
    /// Object and property names, back to back.
    names: String,
}

#[derive(Clone, Copy, Default)]
struct Slot<'w> {
    hash: u64,
    object: u32,
    name: Text,
    personal: bool,
    /// `None` marks an empty slot.
    property: Option<&'w Property>,
}

#[derive(Clone, Copy, Default)]
struct Text {
    start: u32,
    len: u32,
}

/// An object's name and its hash.
#[derive(Clone, Copy)]
struct ObjectName {
    text: Text,
    hash: u64,
}

/// Per schema object, its name, or `None` for an object whose name an earlier object has
/// (references reach only the first). Most contracts have one or two objects: those are kept
/// inline, without an allocation.
#[derive(Default)]
struct Objects {
    first: [Option<ObjectName>; 2],
    more: Vec<Option<ObjectName>>,
}

impl Objects {
    fn push(&mut self, o: usize, name: Option<ObjectName>) {
        match self.first.get_mut(o) {
            Some(slot) => *slot = name,
            None => self.more.push(name),
        }
    }

    fn get(&self, o: usize) -> Option<ObjectName> {
        match self.first.get(o) {
            Some(name) => *name,
            None => self.more.get(o - self.first.len()).copied().flatten(),
        }
    }
}

/// A field the table found.
#[derive(Clone, Copy)]
pub(crate) struct Field<'w> {
    pub property: &'w Property,
    /// The property is marked personal data (PII).
    pub personal: bool,
}

impl<'w> FieldTable<'w> {
    /// The table of every top-level property of `contract`.
    pub(crate) fn new(contract: &'w DataContract) -> Self {
        let mut table = FieldTable::empty(contract);
        for (o, object) in contract.schema.iter().enumerate() {
            for property in &object.properties {
                table.add(o, property, name_hash(&property.name));
            }
        }
        table
    }

    /// A table sized for `contract`'s top-level properties, to be filled by [`Self::add`] —
    /// by whoever walks the contract anyway and has each name's hash at hand.
    pub(crate) fn empty(contract: &'w DataContract) -> Self {
        let count: usize = contract.schema.iter().map(|o| o.properties.len()).sum();
        let slots = if count == 0 { Vec::new() } else { vec![Slot::default(); (2 * count).next_power_of_two()] };
        let mut names = String::with_capacity(count * 16);
        let mut objects = Objects::default();
        for (o, object) in contract.schema.iter().enumerate() {
            let shadowed = contract.schema.iter().take(o).any(|earlier| earlier.name == object.name);
            let name = (!shadowed).then(|| ObjectName { text: push_text(&mut names, &object.name), hash: name_hash(&object.name) });
            objects.push(o, name);
        }
        FieldTable { slots, objects, names }
    }

    /// Adds a top-level property of object `o`; `hash` is [`name_hash`] of its name. Call in
    /// schema order.
    pub(crate) fn add(&mut self, o: usize, property: &'w Property, hash: u64) {
        let Some(object) = self.objects.get(o) else { return };
        let slot = Slot {
            hash: field_hash(object.hash, hash),
            object: u32::try_from(o).unwrap_or(u32::MAX),
            name: push_text(&mut self.names, &property.name),
            personal: property.pii,
            property: Some(property),
        };
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = slot.hash as usize & mask;
        while let Some(free) = self.slots.get_mut(at) {
            if free.property.is_none() {
                *free = slot;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /// The property `name` of the first object named `object`, if any, with that object's
    /// position and name hash (for [`Self::get_in`]).
    pub(crate) fn get(&self, object: &str, name: &str) -> Option<(Field<'w>, usize, u64)> {
        let object_hash = name_hash(object);
        let hash = field_hash(object_hash, name_hash(name));
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots.get(at)?;
            let property = slot.property?;
            if slot.hash == hash
                && same(self.text(slot.name), name)
                && self.objects.get(slot.object as usize).is_some_and(|o| same(self.text(o.text), object))
            {
                return Some((Field { property, personal: slot.personal }, slot.object as usize, object_hash));
            }
            at = (at + 1) & mask;
        }
    }

    /// The property `name` of the object at position `object` (one [`Self::get`] returned,
    /// with its name hash): objects are told apart by position, not by name.
    pub(crate) fn get_in(&self, object: usize, object_hash: u64, name: &str) -> Option<Field<'w>> {
        let hash = field_hash(object_hash, name_hash(name));
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots.get(at)?;
            let property = slot.property?;
            if slot.hash == hash && slot.object as usize == object && same(self.text(slot.name), name) {
                return Some(Field { property, personal: slot.personal });
            }
            at = (at + 1) & mask;
        }
    }

    fn text(&self, text: Text) -> &str {
        let start = text.start as usize;
        self.names.get(start..start + text.len as usize).unwrap_or_default()
    }
}

fn push_text(names: &mut String, text: &str) -> Text {
    let start = names.len();
    names.push_str(text);
    Text { start: u32::try_from(start).unwrap_or(u32::MAX), len: u32::try_from(text.len()).unwrap_or(u32::MAX) }
}

/// The slot hash of `object.name` from the two names' hashes.
fn field_hash(object: u64, name: u64) -> u64 {
    use std::hash::Hasher;
    let mut hasher = FastHasher::default();
    hasher.write_u64(object);
    hasher.write_u64(name);
    hasher.finish()
}
