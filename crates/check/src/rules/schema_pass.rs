//! The one walk of a contract's schema in a check. Every property is visited once, and on
//! that visit its name is read once for everything that needs it: the name's hash (for the
//! index's field table and personal-data lists, and for repeated names in the object) and
//! whether it is snake_case; then the property rules run. What contract rules would otherwise
//! walk the schema again for is noted on the way ([`SchemaFacts`]).
//!
//! Reading every property of a large workspace once instead of several times is most of
//! what a full check costs; see `run_property_rules` for the rules themselves.

use dpstudio_model::{DataContract, Property, SchemaObject};

use super::property_pass::run_property_rules;
use super::structure::{self, any_incomplete, report_repeat, report_repeats, PAIRWISE_LIMIT};
use super::values::name_hash_and_snake_case;
use super::walk::{each_property, At};
use crate::diagnostic::Diagnostic;
use crate::engine::Sink;
use crate::index::Index;

/// What the walk learnt for the contract rules.
#[derive(Default)]
pub(crate) struct SchemaFacts {
    /// Some property (at any depth) has a quality rule that lacks what its type needs.
    pub incomplete_property_quality: bool,
    /// Over all objects' top-level properties: primary keys and their positions.
    pub primary_keys: KeyCounts,
    /// The same for partition keys.
    pub partition_keys: KeyCounts,
}

/// Keys of one kind (primary or partition) among a contract's top-level properties, counted
/// over all its objects together. The key-position rules look at each object's list; an
/// object's counts are at most the contract's, so when the contract's say there is nothing
/// to report, no object has anything either.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyCounts {
    keys: usize,
    positioned: usize,
    /// A position is set on a non-key or is below 1.
    misplaced: bool,
}

impl KeyCounts {
    fn add(&mut self, is_key: bool, position: Option<i64>) {
        self.keys += usize::from(is_key);
        self.positioned += usize::from(position.is_some());
        self.misplaced |= position.is_some_and(|n| !is_key || n < 1);
    }

    /// At most one key and one position and neither misplaced: no repeat, no missing
    /// position, nothing for the rule to report (see `structure::key_positions`).
    pub(crate) fn clear(&self) -> bool {
        self.keys < 2 && self.positioned <= 1 && !self.misplaced
    }
}

/// Walks `contract`'s schema: runs every property rule on every property, and fills the
/// index's tables for the contract while it is at it.
pub(crate) fn walk_schema<'w>(index: &Index<'w>, contract: &'w DataContract, out: &mut Vec<Diagnostic>) -> SchemaFacts {
    let mut preparation = index.begin_prepare(contract);
    let mut facts = SchemaFacts::default();
    let mut names = ObjectNames { hashes: [0; PAIRWISE_LIMIT], bits: 0 };
    each_property(contract, |at, object, property| {
        let (hash, snake_case) = name_hash_and_snake_case(&property.name);
        let top_level = at.top_level();
        if let Some(preparation) = preparation.as_mut() {
            preparation.add(top_level.map(|_| at.object), property, hash);
        }
        if let Some(i) = top_level {
            repeated_in_object(contract, at, object, (i, property, hash), &mut names, out);
            // Counting a property that is no key and has no position changes nothing.
            let (primary, partition) = (property.primary_key_position, property.partition_key_position);
            if property.primary_key || property.partitioned || primary.is_some() || partition.is_some() {
                facts.primary_keys.add(property.primary_key, primary);
                facts.partition_keys.add(property.partitioned, partition);
            }
        }
        if !property.quality.is_empty() && any_incomplete(&property.quality) {
            facts.incomplete_property_quality = true;
        }
        run_property_rules(index, contract, at, property, snake_case, out);
    });
    if let Some(preparation) = preparation {
        index.finish_prepare(preparation);
    }
    facts
}

/// The name hashes of the current object's top-level properties so far.
struct ObjectNames {
    hashes: [u64; PAIRWISE_LIMIT],
    /// One bit per hash (picked by its top seven bits): a property whose bit no earlier one
    /// set has a new name, decided without comparing it with each earlier hash — most
    /// properties of a clean schema.
    bits: u128,
}

/// structure.duplicate-property-name for an object's own list: property `i` is reported when
/// an earlier property of the object has its name. Short lists compare the hashes the walk
/// already has (names are read only when two hashes agree); a long list is checked whole at
/// its first property, with a set.
fn repeated_in_object(
    contract: &DataContract,
    at: &At,
    object: &SchemaObject,
    (i, property, hash): (usize, &Property, u64),
    names: &mut ObjectNames,
    out: &mut Vec<Diagnostic>,
) {
    let rule = &structure::DUPLICATE_PROPERTY_NAME;
    let properties = &object.properties;
    if properties.len() > PAIRWISE_LIMIT {
        if i == 0 {
            report_repeats(contract, &mut Sink::new(rule, out), properties, || format!("schema[{}]", at.object));
        }
        return;
    }
    let Some(slot) = names.hashes.get_mut(i) else { return };
    *slot = hash;
    let bit = 1u128 << (hash >> 57);
    if i == 0 {
        names.bits = 0;
    }
    let maybe_seen = names.bits & bit != 0;
    names.bits |= bit;
    if !maybe_seen {
        return;
    }
    let earlier = names.hashes.get(..i).unwrap_or_default();
    // A loop rather than `contains`, which the size-tuned build calls.
    let mut seen = false;
    for &h in earlier {
        seen |= h == hash;
    }
    if seen && properties.iter().take(i).any(|p| p.name == property.name) {
        report_repeat(contract, &mut Sink::new(rule, out), &format!("schema[{}]", at.object), i, &property.name);
    }
}
