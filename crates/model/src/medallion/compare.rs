//! The two architectures side by side, as counts: what the layered inventory cannot say (it has
//! no place for owners, purposes, quality rules, SLOs or consumers) and what the proposed
//! products still need a person to fill in (the checks report those once they are added).

use super::inventory::{Inventory, Layer};
use super::naming::{stem, table_name};
use super::propose::Proposal;
use crate::ProductKind;

/// What the layered inventory holds and lacks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayersSummary {
    pub tables: usize,
    /// Bronze, silver, gold.
    pub per_layer: [usize; 3],
    /// Tables listed without columns: no schema anyone could rely on.
    pub without_columns: usize,
    /// Silver and gold tables whose entity is already held a layer below: the same data copied
    /// tier to tier.
    pub copies: usize,
    /// Layers have no place for these, so every table lacks them.
    pub without_owner: usize,
    pub without_purpose: usize,
    pub without_quality_rules: usize,
    pub without_slo: usize,
    /// Consumers or use cases declared: a table name says nothing about who reads it.
    pub consumers_declared: usize,
}

/// What the proposal (the proposals not rejected) gives and still needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProductsSummary {
    pub products: usize,
    /// Source-aligned, aggregate, consumer-aligned.
    pub per_kind: [usize; 3],
    pub contracts: usize,
    pub domains: usize,
    /// Properties whose logical type the proposal sets from the column's SQL type.
    pub typed_properties: usize,
    /// Input ports reading another proposed product or a source system.
    pub lineage_links: usize,
    /// Every product still needs these written by a person.
    pub need_owner: usize,
    pub need_purpose: usize,
    pub need_quality_rules: usize,
    pub need_slo: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Comparison {
    pub layers: LayersSummary,
    pub products: ProductsSummary,
}

/// Compares the inventory with the proposals marked in `included` (same order as `proposals`).
pub fn compare(inventory: &Inventory, proposals: &[Proposal], included: &[bool]) -> Comparison {
    let tables = &inventory.tables;
    let names: Vec<_> = tables.iter().map(|t| table_name(&t.parts)).collect();
    let keys: Vec<String> = names.iter().map(|n| n.key()).collect();
    // Held below: a table of a lower layer has the same entity, or names it among its words
    // (a bronze `shop_orders` holds `orders` under its source prefix).
    let held_below = |i: usize| {
        let layer = tables[i].layer;
        (0..tables.len()).any(|j| tables[j].layer < layer && (keys[j] == keys[i] || names[j].entity.iter().any(|w| stem(w) == keys[i])))
    };
    let n = tables.len();
    let layers = LayersSummary {
        tables: n,
        per_layer: Layer::ALL.map(|l| inventory.count(l)),
        without_columns: tables.iter().filter(|t| t.columns.is_empty()).count(),
        copies: (0..n).filter(|&i| tables[i].layer != Layer::Bronze && held_below(i)).count(),
        without_owner: n,
        without_purpose: n,
        without_quality_rules: n,
        without_slo: n,
        consumers_declared: 0,
    };
    let kept: Vec<&Proposal> = proposals.iter().enumerate().filter(|(i, _)| included.get(*i).copied().unwrap_or(false)).map(|(_, p)| p).collect();
    let mut domains: Vec<String> = kept.iter().map(|p| p.domain.trim().to_lowercase()).filter(|d| !d.is_empty()).collect();
    domains.sort();
    domains.dedup();
    let kind_index = |k: ProductKind| ProductKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    let mut per_kind = [0usize; 3];
    for p in &kept {
        per_kind[kind_index(p.kind)] += 1;
    }
    let typed_properties = kept
        .iter()
        .flat_map(|p| p.tables.iter().filter_map(|&t| tables.get(t)))
        .flat_map(|t| t.columns.iter())
        .filter(|c| !c.sql_type.trim().is_empty())
        .count();
    let is_included = |i: usize| included.get(i).copied().unwrap_or(false);
    let lineage_links = kept.iter().map(|p| p.reads.iter().filter(|&&r| is_included(r)).count() + usize::from(p.source_system.is_some())).sum();
    let products = ProductsSummary {
        products: kept.len(),
        per_kind,
        contracts: kept.len(),
        domains: domains.len(),
        typed_properties,
        lineage_links,
        need_owner: kept.len(),
        need_purpose: kept.len(),
        need_quality_rules: kept.len(),
        need_slo: kept.len(),
    };
    Comparison { layers, products }
}
