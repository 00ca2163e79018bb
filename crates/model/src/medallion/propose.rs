//! From layers to products: bronze tables grouped by the source system they came from become
//! source-aligned products, silver tables grouped by entity become aggregates, gold tables
//! (or dbt marts) become consumer-aligned products. Lineage comes from the queries where the
//! inventory has them (a view's or `CREATE TABLE … AS` query's `FROM` and `JOIN`): a product
//! reads the products that serve the tables its tables read, so a mart built on another mart
//! reads that mart. Without a query it is read from the names: an entity reads the sources that
//! carry it, a mart reads the entities it names or whose keys it holds.

use std::collections::HashMap;

use super::inventory::{Inventory, Layer, Table};
use super::naming::{guess_domain, stem, table_name, title, words, TableName};
use crate::ProductKind;

/// One proposed data product. `name`, `kind` and `domain` are what the person may edit before
/// accepting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// What it groups (`source:shop`, `entity:order`, `mart:daily_revenue`): unique and stable
    /// for one inventory, so a view can key its rows by it.
    pub key: String,
    pub name: String,
    pub kind: ProductKind,
    /// The domain's name.
    pub domain: String,
    /// The tables it serves, as indexes into the inventory's tables.
    pub tables: Vec<usize>,
    /// The source system a source-aligned product reads, by name.
    pub source_system: Option<String>,
    /// The proposals it reads, as indexes into the proposal list (always earlier ones).
    pub reads: Vec<usize>,
}

/// Proposes products for an inventory: source-aligned first, then aggregates, then
/// consumer-aligned, so every proposal reads only proposals before it.
pub fn propose(inventory: &Inventory) -> Vec<Proposal> {
    let tables = &inventory.tables;
    let names: Vec<TableName> = tables.iter().map(|t| table_name(&t.parts)).collect();
    let of_layer = |layer: Layer| (0..tables.len()).filter(move |&i| tables[i].layer == layer);
    let silver_keys: Vec<String> = of_layer(Layer::Silver).map(|i| names[i].key()).collect();

    let mut proposals: Vec<Proposal> = Vec::new();

    // Bronze: one source-aligned product per source system.
    let bronze: Vec<usize> = of_layer(Layer::Bronze).collect();
    let sources = bronze_sources(&bronze, &names, &silver_keys);
    // (source, its tables, the entity key of each)
    let mut by_source: Vec<(String, Vec<usize>)> = Vec::new();
    let mut bronze_entity: HashMap<usize, Vec<String>> = HashMap::new();
    for (&i, (source, entity)) in bronze.iter().zip(sources) {
        bronze_entity.insert(i, entity);
        match by_source.iter_mut().find(|(s, _)| *s == source) {
            Some((_, members)) => members.push(i),
            None => by_source.push((source, vec![i])),
        }
    }
    for (source, members) in &by_source {
        let entities: Vec<&Vec<String>> = members.iter().filter_map(|i| bronze_entity.get(i)).collect();
        let source_words = words(source);
        let source_title = title(&source_words);
        let single_origin = members.iter().all(|i| bronze_entity.get(i).is_some_and(|e| words(source) == *e));
        let name = if single_origin {
            format!("{source_title} records")
        } else {
            match entities.as_slice() {
                [one] => format!("{source_title} {}", lower_words(one)),
                [a, b] if a != b => format!("{source_title} {} and {}", lower_words(a), lower_words(b)),
                _ => format!("{source_title} data"),
            }
        };
        let mut hints: Vec<&str> = source_words.iter().map(String::as_str).collect();
        hints.extend(source_words.iter().map(String::as_str));
        hints.extend(entities.iter().flat_map(|e| e.iter().map(String::as_str)));
        proposals.push(Proposal {
            key: format!("source:{source}"),
            name,
            kind: ProductKind::SourceAligned,
            domain: guess_domain(hints).to_owned(),
            tables: members.clone(),
            source_system: Some(if single_origin { format!("{source_title} system") } else { source_title }),
            reads: Vec::new(),
        });
    }
    let source_count = proposals.len();
    // Which source-aligned proposal serves a bronze table.
    let source_index: HashMap<usize, usize> =
        proposals.iter().enumerate().flat_map(|(p, proposal)| proposal.tables.iter().map(move |&t| (t, p))).collect();
    let source_of = |i: usize| source_index.get(&i).copied();

    // Silver: one aggregate per entity; it reads the sources that carry that entity.
    let mut by_entity: Vec<(String, Vec<usize>)> = Vec::new();
    for i in of_layer(Layer::Silver) {
        let key = names[i].key();
        match by_entity.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => by_entity.push((key, vec![i])),
        }
    }
    let group_of = |groups: &[(String, Vec<usize>)], table: usize| groups.iter().position(|(_, members)| members.contains(&table));
    let mut aggregates = Vec::new();
    for (group, (key, members)) in by_entity.iter().enumerate() {
        let mut reads: Vec<usize> = Vec::new();
        // Other entities this one is built from (as positions in `by_entity`).
        let mut built_on: Vec<usize> = Vec::new();
        let read_tables: Vec<usize> = members.iter().flat_map(|&m| tables[m].read_tables.iter().copied()).collect();
        // Names are the guide for the tables without a query (all of them, usually).
        if members.iter().any(|&m| tables[m].read_tables.is_empty()) {
            for &b in &bronze {
                let matches = bronze_entity.get(&b).and_then(|e| e.first()).is_some_and(|w| stem(w) == *key);
                if let (true, Some(p)) = (matches, source_of(b)) {
                    push_unique(&mut reads, p);
                }
            }
        }
        for &t in &read_tables {
            match tables[t].layer {
                Layer::Bronze => {
                    if let Some(p) = source_of(t) {
                        push_unique(&mut reads, p);
                    }
                }
                Layer::Silver => {
                    if let Some(other) = group_of(&by_entity, t).filter(|&g| g != group) {
                        push_unique(&mut built_on, other);
                    }
                }
                // An entity built on a curated table is unusual; that lineage is not drawn.
                Layer::Gold => {}
            }
        }
        let shortest = members.iter().map(|&i| &names[i].entity).min_by_key(|e| (e.len(), e.join("_").len()));
        let name = shortest.map_or_else(|| title(std::slice::from_ref(key)), |e| title(e));
        let hints: Vec<&str> = members.iter().flat_map(|&i| names[i].entity.iter().map(String::as_str)).collect();
        let domain = domain_or_upstream(guess_domain(hints), &reads, &proposals);
        let proposal = Proposal { key: format!("entity:{key}"), name, kind: ProductKind::Aggregate, domain, tables: members.clone(), source_system: None, reads };
        aggregates.push((proposal, built_on));
    }
    append_in_dependency_order(&mut proposals, aggregates);
    let aggregate_range = source_count..proposals.len();
    // Which aggregate serves a silver table.
    let aggregate_of = |table: usize| aggregate_range.clone().find(|&p| proposals[p].tables.contains(&table));

    // Gold: one consumer-aligned product per dbt mart (`mart_finance__…`) or per table.
    let mut by_mart: Vec<(String, Vec<usize>)> = Vec::new();
    for i in of_layer(Layer::Gold) {
        let key = match &names[i].name_group {
            Some(group) => group.clone(),
            None => tables[i].table_name().to_lowercase(),
        };
        match by_mart.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => by_mart.push((key, vec![i])),
        }
    }
    let mut consumers = Vec::new();
    for (group, (key, members)) in by_mart.iter().enumerate() {
        // Names are the guide for the tables without a query.
        let undeclared: Vec<usize> = members.iter().copied().filter(|&m| tables[m].read_tables.is_empty()).collect();
        let wanted: Vec<String> = undeclared.iter().flat_map(|&i| wanted_keys(&tables[i], &names[i])).collect();
        let mut reads: Vec<usize> = Vec::new();
        // Other marts this one is built from (as positions in `by_mart`).
        let mut built_on: Vec<usize> = Vec::new();
        let read_tables: Vec<usize> = members.iter().flat_map(|&m| tables[m].read_tables.iter().copied()).collect();
        for &t in &read_tables {
            let upstream = match tables[t].layer {
                Layer::Bronze => source_of(t),
                Layer::Silver => aggregate_of(t),
                Layer::Gold => {
                    if let Some(other) = group_of(&by_mart, t).filter(|&g| g != group) {
                        push_unique(&mut built_on, other);
                    }
                    None
                }
            };
            if let Some(p) = upstream {
                push_unique(&mut reads, p);
            }
        }
        let mut guessed: Vec<usize> = Vec::new();
        for p in aggregate_range.clone() {
            let serves = proposals[p].key.strip_prefix("entity:").is_some_and(|k| wanted.iter().any(|w| w == k));
            let shares_key = undeclared.iter().any(|&g| shares_primary_key(&tables[g], &proposals[p].tables, tables));
            if serves || shares_key {
                push_unique(&mut guessed, p);
            }
        }
        if guessed.is_empty() && !undeclared.is_empty() {
            // No silver entity fits: a mart built straight on bronze reads the sources.
            for &b in &bronze {
                let matches = bronze_entity.get(&b).and_then(|e| e.first()).is_some_and(|w| wanted.contains(&stem(w)));
                if let (true, Some(p)) = (matches, source_of(b)) {
                    push_unique(&mut guessed, p);
                }
            }
        }
        for p in guessed {
            push_unique(&mut reads, p);
        }
        let single = members.len() == 1 && names[members[0]].name_group.is_none();
        let name = if single { title(&names[members[0]].entity) } else { format!("{} mart", title(&words(key))) };
        // A mart's own name (`finance` of `mart_finance__…`) counts twice.
        let mart_words: Vec<String> = if single { Vec::new() } else { words(key) };
        let mut hints: Vec<&str> = mart_words.iter().chain(mart_words.iter()).map(String::as_str).collect();
        hints.extend(members.iter().flat_map(|&i| names[i].entity.iter().map(String::as_str)));
        let key_words: Vec<String> = members.iter().flat_map(|&i| wanted_keys(&tables[i], &names[i])).collect();
        hints.extend(key_words.iter().map(String::as_str));
        let domain = domain_or_upstream(guess_domain(hints), &reads, &proposals);
        let prefix = members.first().and_then(|&i| names[i].prefix.clone());
        let mut proposal = Proposal { key: format!("mart:{key}"), name, kind: ProductKind::ConsumerAligned, domain, tables: members.clone(), source_system: None, reads };
        // `fct_orders` beside a silver `orders`: say what the mart adds to the name.
        if proposals.iter().chain(consumers.iter().map(|(p, _)| p)).any(|p| p.name.eq_ignore_ascii_case(&proposal.name)) {
            proposal.name = format!("{} {}", proposal.name, suffix_for(prefix.as_deref()));
        }
        consumers.push((proposal, built_on));
    }
    append_in_dependency_order(&mut proposals, consumers);
    make_names_unique(&mut proposals);
    proposals
}

/// Appends one kind's proposals so that each comes after the ones of its kind it is built on
/// (`built_on`, positions in `group`), which it then reads; otherwise in the order given. A
/// cycle (two views reading each other) is cut where it closes.
fn append_in_dependency_order(proposals: &mut Vec<Proposal>, group: Vec<(Proposal, Vec<usize>)>) {
    let count = group.len();
    let mut placed: Vec<Option<usize>> = vec![None; count];
    let mut order = Vec::with_capacity(count);
    while order.len() < count {
        let ready = (0..count).find(|&g| placed[g].is_none() && group[g].1.iter().all(|&u| u >= count || u == g || placed[u].is_some()));
        // In a cycle nothing is ready: the first one left goes next.
        let Some(next) = ready.or_else(|| (0..count).find(|&g| placed[g].is_none())) else { break };
        placed[next] = Some(proposals.len() + order.len());
        order.push(next);
    }
    let mut slots: Vec<Option<(Proposal, Vec<usize>)>> = group.into_iter().map(Some).collect();
    for g in order {
        let Some((mut proposal, built_on)) = slots[g].take() else { continue };
        let own = placed[g];
        for u in built_on {
            // Only what was placed before: a cut cycle's last link is dropped.
            if let Some(index) = placed.get(u).copied().flatten().filter(|&at| Some(at) < own) {
                push_unique(&mut proposal.reads, index);
            }
        }
        // A board pack built on marts belongs where they do, unless its names say otherwise.
        proposal.domain = domain_or_upstream(&proposal.domain, &proposal.reads, proposals);
        proposals.push(proposal);
    }
}

/// Each bronze table's source and entity words. The source is the dbt group
/// (`raw_crm__contacts`), else a schema that is not a layer (`raw.shopify.orders`), else the
/// first of several words (`shop_orders`) unless that word is itself a silver entity
/// (`order_items` beside a silver `orders`); a table with none of these is its own source.
fn bronze_sources(bronze: &[usize], names: &[TableName], silver_keys: &[String]) -> Vec<(String, Vec<String>)> {
    bronze
        .iter()
        .map(|&i| {
            let n = &names[i];
            if let Some(group) = n.name_group.as_ref().or(n.schema_group.as_ref()) {
                return (group.clone(), n.entity.clone());
            }
            match n.entity.split_first() {
                Some((first, rest)) if !rest.is_empty() && !silver_keys.contains(&stem(first)) => (first.clone(), rest.to_vec()),
                _ => (n.entity.join("_"), n.entity.clone()),
            }
        })
        .collect()
}

/// The entity keys a gold table asks for: the stems of its name's words and of its key
/// columns (`customer_id` → `customer`).
fn wanted_keys(table: &Table, name: &TableName) -> Vec<String> {
    let mut keys: Vec<String> = name.entity.iter().map(|w| stem(w)).collect();
    for column in &table.columns {
        let parts = words(&column.name);
        if let [first, .., last] = parts.as_slice() {
            if matches!(last.as_str(), "id" | "key" | "sk" | "code" | "number" | "no" | "count") {
                push_unique(&mut keys, stem(first));
            }
        }
    }
    keys
}

/// Whether `gold` holds a column that is a primary key of one of `members`.
fn shares_primary_key(gold: &Table, members: &[usize], tables: &[Table]) -> bool {
    members.iter().filter_map(|&m| tables.get(m)).any(|silver| {
        silver.columns.iter().filter(|c| c.primary_key).any(|key| key.name.len() > 2 && gold.columns.iter().any(|c| c.name.eq_ignore_ascii_case(&key.name)))
    })
}

fn domain_or_upstream(guess: &str, reads: &[usize], proposals: &[Proposal]) -> String {
    if guess != "General" {
        return guess.to_owned();
    }
    reads.first().and_then(|&p| proposals.get(p)).map_or_else(|| guess.to_owned(), |p| p.domain.clone())
}

fn suffix_for(prefix: Option<&str>) -> &'static str {
    match prefix {
        Some("fct" | "fact") => "facts",
        Some("dim") => "dimension",
        Some("rpt") => "report",
        Some("agg") => "summary",
        Some("mart") => "mart",
        _ => "for consumers",
    }
}

fn lower_words(words: &[String]) -> String {
    words.join(" ")
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// Two proposals never share a name: later ones get " 2", " 3", ….
fn make_names_unique(proposals: &mut [Proposal]) {
    for i in 1..proposals.len() {
        let base = proposals[i].name.clone();
        let mut n = 2;
        while proposals[..i].iter().any(|p| p.name.eq_ignore_ascii_case(&proposals[i].name)) {
            proposals[i].name = format!("{base} {n}");
            n += 1;
        }
    }
}
