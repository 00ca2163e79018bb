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

use crate::hash::FastHasher;
use crate::index::name_hash;

/// One contract's fields; built once per contract and check.
pub(crate) struct FieldTable<'w> {
    /// Open addressing with linear probing over `fields` (position + 1; 0 is empty), a power
    /// of two long and at most half full. Fields of one name land in schema order along the
    /// probe sequence, so the first is found first, as a scan of the schema would find it.
    slots: Vec<u32>,
    fields: Vec<Entry<'w>>,
    /// Per schema object, its name's place in `names` and hash; `None` for an object whose
    /// name an earlier object has (references reach only the first).
    objects: Vec<Option<ObjectName>>,
    /// Object and property names, back to back.
    names: String,
}

struct Entry<'w> {
    hash: u64,
    object: u32,
    name: Text,
    personal: bool,
    property: &'w Property,
}

#[derive(Clone, Copy)]
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
        let slots = if count == 0 { Vec::new() } else { vec![0; (2 * count).next_power_of_two()] };
        let mut names = String::with_capacity(count * 16);
        let mut objects = Vec::with_capacity(contract.schema.len());
        for (o, object) in contract.schema.iter().enumerate() {
            let shadowed = contract.schema.iter().take(o).any(|earlier| earlier.name == object.name);
            objects.push((!shadowed).then(|| ObjectName { text: push_text(&mut names, &object.name), hash: name_hash(&object.name) }));
        }
        FieldTable { slots, fields: Vec::with_capacity(count), objects, names }
    }

    /// Adds a top-level property of object `o`; `hash` is [`name_hash`] of its name. Call in
    /// schema order.
    pub(crate) fn add(&mut self, o: usize, property: &'w Property, hash: u64) {
        let Some(Some(object)) = self.objects.get(o).copied() else { return };
        let entry = Entry {
            hash: field_hash(object.hash, hash),
            object: u32::try_from(o).unwrap_or(u32::MAX),
            name: push_text(&mut self.names, &property.name),
            personal: property.pii,
            property,
        };
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = entry.hash as usize & mask;
        self.fields.push(entry);
        let number = u32::try_from(self.fields.len()).unwrap_or(u32::MAX);
        while let Some(slot) = self.slots.get_mut(at) {
            if *slot == 0 {
                *slot = number;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /// The property `name` of the first object named `object`, if any.
    pub(crate) fn get(&self, object: &str, name: &str) -> Option<Field<'w>> {
        let hash = field_hash(name_hash(object), name_hash(name));
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        loop {
            let number = *self.slots.get(at)?;
            let entry = self.fields.get(number.checked_sub(1)? as usize)?;
            if entry.hash == hash
                && self.text(entry.name) == name
                && self.objects.get(entry.object as usize).copied().flatten().is_some_and(|o| self.text(o.text) == object)
            {
                return Some(Field { property: entry.property, personal: entry.personal });
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
