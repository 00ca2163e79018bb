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

/// One contract's fields; built once per contract and check. Its slots and names live in the
/// check's [`TableStore`]: a full check builds a table per contract, and in WASM an
/// allocation and free per table cost more than the lookups they serve.
pub(crate) struct FieldTable {
    /// Open addressing with linear probing, a power of two long and at most two thirds full
    /// (so lookups always reach an empty slot; fuller tables than half cost a few more
    /// probes, and half the memory a full check fills and faults in). Fields
    /// of one name land in schema order along the probe sequence, so the first is found first,
    /// as a scan of the schema would find it.
    slots: Region,
    /// Where the table's names start in the store.
    names: Region,
    objects: Objects,
}

/// Where the field tables of one check keep their slots and names: in chunks that never move
/// or grow once made (a table's slots, and its names, are contiguous in one chunk), so the
/// store allocates a hundred-odd times per check instead of several times per contract.
/// Chunks stay under 128 KiB: glibc maps larger blocks afresh for every check, and the page
/// faults of a few megabytes cost more than the allocations saved.
#[derive(Default)]
pub(crate) struct TableStore<'w> {
    chunks: Vec<Vec<Slot<'w>>>,
    /// Object and property names, back to back.
    names: Vec<String>,
    /// Empty chunks allocated ahead (see [`TableStore::reserve`]), used before new ones.
    spare_slots: Vec<Vec<Slot<'w>>>,
    spare_names: Vec<String>,
}

/// Slots per chunk (32 bytes each): enough for a few dozen contracts.
const CHUNK_SLOTS: usize = 1 << 11;

/// Bytes of names per chunk.
const CHUNK_NAMES: usize = 1 << 15;

/// A table's slots: `len` slots from `start` in chunk `chunk`.
#[derive(Clone, Copy, Default)]
struct Region {
    chunk: u32,
    start: u32,
    len: u32,
}

impl<'w> TableStore<'w> {
    /// Copies a built table's slots (kept contiguous) and names into the store.
    fn append(&mut self, slots: &[Slot<'w>], names: &str) -> (Region, Region) {
        let len = slots.len();
        let fits = self.chunks.last().is_some_and(|c| c.capacity() - c.len() >= len);
        if !fits {
            let spare = self.spare_slots.last().is_some_and(|c| c.capacity() >= len);
            let chunk = if spare { self.spare_slots.pop() } else { None };
            self.chunks.push(chunk.unwrap_or_else(|| Vec::with_capacity(len.max(CHUNK_SLOTS))));
        }
        let chunk = self.chunks.len().saturating_sub(1);
        let Some(chunk_slots) = self.chunks.get_mut(chunk) else { return (Region::default(), Region::default()) };
        let start = chunk_slots.len();
        chunk_slots.extend_from_slice(slots);
        let slots = Region { chunk: to_u32(chunk), start: to_u32(start), len: to_u32(len) };
        let fits = self.names.last().is_some_and(|c| c.capacity() - c.len() >= names.len());
        if !fits {
            let spare = self.spare_names.last().is_some_and(|c| c.capacity() >= names.len());
            let chunk = if spare { self.spare_names.pop() } else { None };
            self.names.push(chunk.unwrap_or_else(|| String::with_capacity(names.len().max(CHUNK_NAMES))));
        }
        let chunk = self.names.len().saturating_sub(1);
        let Some(chunk_names) = self.names.get_mut(chunk) else { return (slots, Region::default()) };
        let start = chunk_names.len();
        chunk_names.push_str(names);
        (slots, Region { chunk: to_u32(chunk), start: to_u32(start), len: to_u32(names.len()) })
    }

    /// Allocates ahead the chunks the tables of about `fields` top-level properties fill (see
    /// `Index::reserve` for why): a table has one and a half to three slots per field, and
    /// names average well under sixteen bytes.
    pub(crate) fn reserve(&mut self, fields: usize) {
        for _ in 0..(2 * fields).div_ceil(CHUNK_SLOTS) {
            self.spare_slots.push(Vec::with_capacity(CHUNK_SLOTS));
        }
        for _ in 0..(16 * fields).div_ceil(CHUNK_NAMES) {
            self.spare_names.push(String::with_capacity(CHUNK_NAMES));
        }
    }

    fn slots(&self, region: Region) -> &[Slot<'w>] {
        let start = region.start as usize;
        let chunk = self.chunks.get(region.chunk as usize).map_or(&[][..], Vec::as_slice);
        chunk.get(start..start + region.len as usize).unwrap_or_default()
    }

    /// A name of the table whose names are at `names`.
    fn text(&self, names: Region, text: Text) -> &str {
        let start = names.start as usize + text.start as usize;
        let chunk = self.names.get(names.chunk as usize).map_or("", String::as_str);
        chunk.get(start..start + text.len as usize).unwrap_or_default()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

/// A table being filled: buffers kept from one contract to the next, copied into the
/// store when the table is done.
#[derive(Default)]
pub(crate) struct TableBuilder<'w> {
    slots: Vec<Slot<'w>>,
    names: String,
    objects: Objects,
}

impl<'w> TableBuilder<'w> {
    /// Starts the table of `contract`, sized for its top-level properties, to be filled by
    /// [`Self::add`] — by whoever walks the contract anyway and has each name's hash at hand.
    pub(crate) fn start(&mut self, contract: &DataContract) {
        let count: usize = contract.schema.iter().map(|o| o.properties.len()).sum();
        self.slots.clear();
        self.slots.resize(if count == 0 { 0 } else { (count + count / 2 + 1).next_power_of_two() }, Slot::default());
        self.names.clear();
        self.objects = Objects::default();
        for (o, object) in contract.schema.iter().enumerate() {
            let shadowed = contract.schema.iter().take(o).any(|earlier| earlier.name == object.name);
            let name = (!shadowed).then(|| ObjectName { text: self.push_text(&object.name), hash: name_hash(&object.name) });
            self.objects.push(o, name);
        }
    }

    /// Adds a top-level property of object `o`; `hash` is [`name_hash`] of its name. Call in
    /// schema order. Always inlined into the schema walk, which calls it per property.
    #[inline(always)]
    pub(crate) fn add(&mut self, o: usize, property: &'w Property, hash: u64) {
        let Some(object) = self.objects.get(o) else { return };
        let slot = Slot {
            hash: field_hash(object.hash, hash),
            object: to_u32(o),
            name: self.push_text(&property.name),
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

    /// The finished table, copied into `store`; the buffers stay for the next table.
    pub(crate) fn finish(&mut self, store: &mut TableStore<'w>) -> FieldTable {
        let (slots, names) = store.append(&self.slots, &self.names);
        FieldTable { slots, names, objects: std::mem::take(&mut self.objects) }
    }

    fn push_text(&mut self, text: &str) -> Text {
        let start = self.names.len();
        self.names.push_str(text);
        Text { start: to_u32(start), len: to_u32(text.len()) }
    }
}

impl FieldTable {
    /// The table of every top-level property of `contract`, built in `builder`'s buffers.
    pub(crate) fn new<'w>(builder: &mut TableBuilder<'w>, store: &mut TableStore<'w>, contract: &'w DataContract) -> Self {
        builder.start(contract);
        for (o, object) in contract.schema.iter().enumerate() {
            for property in &object.properties {
                builder.add(o, property, name_hash(&property.name));
            }
        }
        builder.finish(store)
    }

    /// The property `name` of the first object named `object`, if any, with that object's
    /// position and name hash (for [`Self::get_in`]).
    pub(crate) fn get<'w>(&self, store: &TableStore<'w>, object: &str, name: &str) -> Option<(Field<'w>, usize, u64)> {
        let object_hash = name_hash(object);
        let hash = field_hash(object_hash, name_hash(name));
        let slots = store.slots(self.slots);
        let mask = slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        loop {
            let slot = slots.get(at)?;
            let property = slot.property?;
            if slot.hash == hash
                && same(store.text(self.names, slot.name), name)
                && self.objects.get(slot.object as usize).is_some_and(|o| same(store.text(self.names, o.text), object))
            {
                return Some((Field { property, personal: slot.personal }, slot.object as usize, object_hash));
            }
            at = (at + 1) & mask;
        }
    }

    /// The property `name` of the object at position `object` (one [`Self::get`] returned,
    /// with its name hash): objects are told apart by position, not by name.
    pub(crate) fn get_in<'w>(&self, store: &TableStore<'w>, object: usize, object_hash: u64, name: &str) -> Option<Field<'w>> {
        let hash = field_hash(object_hash, name_hash(name));
        let slots = store.slots(self.slots);
        let mask = slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        loop {
            let slot = slots.get(at)?;
            let property = slot.property?;
            if slot.hash == hash && slot.object as usize == object && same(store.text(self.names, slot.name), name) {
                return Some(Field { property, personal: slot.personal });
            }
            at = (at + 1) & mask;
        }
    }
}

/// The slot hash of `object.name` from the two names' hashes.
fn field_hash(object: u64, name: u64) -> u64 {
    use std::hash::Hasher;
    let mut hasher = FastHasher::default();
    hasher.write_u64(object);
    hasher.write_u64(name);
    hasher.finish()
}
