//! Renaming an id: products, domains and teams get placeholder ids when created ("new-product",
//! "new-domain-2") and those ids end up in exported file names and specs. Renaming one rewrites
//! every reference to it in the same undo step.

use crate::{slugify, Collection, Edit, InputSource, Item, NodeKind, Workspace};

/// Why an id cannot be renamed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// Ids are slugs: lower-case letters, digits and single dashes.
    NotASlug { wanted: String, suggestion: String },
    Taken(String),
    NotFound(String),
    /// Only products, domains and teams have ids users choose here.
    Unsupported(Collection),
}

impl std::fmt::Display for RenameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenameError::NotASlug { wanted, suggestion } => write!(
                f,
                "'{wanted}' is not a valid id: use lower-case letters, digits and dashes, e.g. '{suggestion}'"
            ),
            RenameError::Taken(id) => write!(f, "the id '{id}' is already in use"),
            RenameError::NotFound(id) => write!(f, "nothing has the id '{id}'"),
            RenameError::Unsupported(collection) => write!(f, "ids of {} cannot be renamed", collection.as_str()),
        }
    }
}

impl std::error::Error for RenameError {}

/// One edit that gives the entity `old` of `collection` the id `new` and points every reference
/// at it there (ports, use cases, contracts, context entities, the canvas position). Renaming
/// to the same id is an empty batch.
pub fn rename_id(ws: &Workspace, collection: Collection, old: &str, new: &str) -> Result<Edit, RenameError> {
    if slugify(new) != new {
        return Err(RenameError::NotASlug { wanted: new.to_owned(), suggestion: slugify(new) });
    }
    let index = collection.position(ws, old).ok_or_else(|| RenameError::NotFound(old.to_owned()))?;
    if old == new {
        return Ok(Edit::Batch(Vec::new()));
    }
    if collection.position(ws, new).is_some() {
        return Err(RenameError::Taken(new.to_owned()));
    }
    let mut next = ws.clone();
    let renamed = |value: &mut Option<String>| {
        if value.as_deref() == Some(old) {
            *value = Some(new.to_owned());
        }
    };
    let mut layout = Vec::new();
    match collection {
        Collection::Products => {
            next.products[index].id = new.to_owned();
            for port in next.products.iter_mut().flat_map(|p| p.input_ports.iter_mut()) {
                if let InputSource::Product { product, .. } = &mut port.source {
                    if product == old {
                        *product = new.to_owned();
                    }
                }
            }
            for consumed in next.context.use_cases.iter_mut().flat_map(|u| u.consumes.iter_mut()) {
                if consumed.product == old {
                    consumed.product = new.to_owned();
                }
            }
            next.contracts.iter_mut().for_each(|c| renamed(&mut c.data_product));
            let (from, to) = (crate::node_key(NodeKind::Product, &old.to_owned()), crate::node_key(NodeKind::Product, &new.to_owned()));
            if let Some(at) = ws.layout.nodes.get(&from) {
                layout = vec![(from, None), (to, Some(*at))];
            }
        }
        Collection::Domains => {
            next.context.domains[index].id = new.to_owned();
            next.context.domains.iter_mut().for_each(|d| renamed(&mut d.parent));
            next.context.teams.iter_mut().for_each(|t| renamed(&mut t.domain));
            next.context.glossary.iter_mut().for_each(|g| renamed(&mut g.domain));
            next.context.source_systems.iter_mut().for_each(|s| renamed(&mut s.domain));
            next.products.iter_mut().for_each(|p| renamed(&mut p.domain));
            next.contracts.iter_mut().for_each(|c| renamed(&mut c.domain));
        }
        Collection::Teams => {
            next.context.teams[index].id = new.to_owned();
            next.context.glossary.iter_mut().for_each(|g| renamed(&mut g.owner));
            next.context.semantic.metrics.iter_mut().for_each(|m| renamed(&mut m.owner));
            for use_case in next.context.use_cases.iter_mut().filter(|u| u.consumer == old) {
                use_case.consumer = new.to_owned();
            }
            next.products.iter_mut().for_each(|p| renamed(&mut p.owner_team));
            next.contracts.iter_mut().for_each(|c| renamed(&mut c.team));
        }
        other => return Err(RenameError::Unsupported(other)),
    }
    let mut edits = Vec::new();
    changes(Collection::Products, &ws.products, &next.products, |p| &p.id, Item::Product, &mut edits);
    changes(Collection::Contracts, &ws.contracts, &next.contracts, |c| &c.id, Item::Contract, &mut edits);
    changes(Collection::Domains, &ws.context.domains, &next.context.domains, |d| &d.id, Item::Domain, &mut edits);
    changes(Collection::Teams, &ws.context.teams, &next.context.teams, |t| &t.id, Item::Team, &mut edits);
    changes(Collection::Glossary, &ws.context.glossary, &next.context.glossary, |g| &g.id, Item::GlossaryTerm, &mut edits);
    changes(Collection::Metrics, &ws.context.semantic.metrics, &next.context.semantic.metrics, |m| &m.id, Item::Metric, &mut edits);
    changes(Collection::UseCases, &ws.context.use_cases, &next.context.use_cases, |u| &u.id, Item::UseCase, &mut edits);
    changes(Collection::SourceSystems, &ws.context.source_systems, &next.context.source_systems, |s| &s.id, Item::SourceSystem, &mut edits);
    if !layout.is_empty() {
        edits.push(Edit::SetNodes(layout));
    }
    Ok(Edit::Batch(edits))
}

/// Edits turning `before` into `after` (same length, same order). An entity whose id changed is
/// removed and inserted, so both its old and its new id count as touched for re-checking.
fn changes<T: PartialEq + Clone>(
    collection: Collection,
    before: &[T],
    after: &[T],
    id: fn(&T) -> &String,
    item: fn(T) -> Item,
    edits: &mut Vec<Edit>,
) {
    for (index, (old, new)) in before.iter().zip(after).enumerate() {
        if old == new {
            continue;
        }
        if id(old) == id(new) {
            edits.push(Edit::Replace { index, item: item(new.clone()) });
        } else {
            edits.push(Edit::Remove { collection, index, id: id(old).clone() });
            edits.push(Edit::Insert { index, item: item(new.clone()) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{generate, History};

    /// A product another product reads from, with a use case and a contract naming it.
    fn referenced_product(ws: &Workspace) -> String {
        ws.products
            .iter()
            .map(|p| p.id.clone())
            .find(|id| ws.products.iter().any(|p| p.input_ports.iter().any(|i| matches!(&i.source, InputSource::Product { product, .. } if product == id))))
            .expect("the generated lineage has a product read by another")
    }

    #[test]
    fn renaming_a_product_rewrites_every_reference_and_undo_restores_all() {
        let original = generate(12, 5);
        let old = referenced_product(&original);
        let mut ws = original.clone();
        let mut history = History::with_limit(10);
        let edit = rename_id(&ws, Collection::Products, &old, "renamed-product").unwrap();
        history.apply(&mut ws, edit).unwrap();

        assert!(ws.product(&old).is_none());
        assert!(ws.product("renamed-product").is_some());
        let still_old = ws.products.iter().flat_map(|p| &p.input_ports).any(|i| matches!(&i.source, InputSource::Product { product, .. } if *product == old));
        assert!(!still_old, "an input port still reads the old id");
        assert!(ws.products.iter().flat_map(|p| &p.input_ports).any(|i| matches!(&i.source, InputSource::Product { product, .. } if product == "renamed-product")));
        assert!(!ws.context.use_cases.iter().flat_map(|u| &u.consumes).any(|c| c.product == old));
        assert!(!ws.contracts.iter().any(|c| c.data_product.as_deref() == Some(old.as_str())));
        assert!(ws.layout.nodes.contains_key("product:renamed-product"));
        assert!(!ws.layout.nodes.contains_key(&format!("product:{old}")));

        history.undo(&mut ws).unwrap().unwrap();
        assert_eq!(ws, original);
    }

    #[test]
    fn renaming_a_domain_and_a_team_reaches_products_contracts_and_context() {
        let original = generate(8, 2);
        let domain = original.products[0].domain.clone().expect("generated products have domains");
        let team = original.products[0].owner_team.clone().expect("generated products have owners");
        let mut ws = original.clone();
        let mut history = History::with_limit(10);
        let edit = rename_id(&ws, Collection::Domains, &domain, "renamed-domain").unwrap();
        history.apply(&mut ws, edit).unwrap();
        let edit = rename_id(&ws, Collection::Teams, &team, "renamed-team").unwrap();
        history.apply(&mut ws, edit).unwrap();
        let old_domain = Some(domain.as_str());
        let domains = ws.products.iter().map(|p| p.domain.as_deref()).chain(ws.contracts.iter().map(|c| c.domain.as_deref()));
        let domains: Vec<_> = domains.chain(ws.context.source_systems.iter().map(|s| s.domain.as_deref())).collect();
        assert!(!domains.contains(&old_domain));
        assert!(domains.contains(&Some("renamed-domain")));
        let old_team = Some(team.as_str());
        let owners: Vec<_> = ws.products.iter().map(|p| p.owner_team.as_deref()).chain(ws.contracts.iter().map(|c| c.team.as_deref())).collect();
        assert!(!owners.contains(&old_team));
        assert!(owners.contains(&Some("renamed-team")));
        assert!(!ws.context.use_cases.iter().any(|u| u.consumer == team));
        history.undo(&mut ws).unwrap().unwrap();
        history.undo(&mut ws).unwrap().unwrap();
        assert_eq!(ws, original);
    }

    #[test]
    fn bad_taken_and_unknown_ids_are_refused_with_a_reason() {
        let ws = generate(3, 1);
        let (first, second) = (ws.products[0].id.clone(), ws.products[1].id.clone());
        let not_slug = rename_id(&ws, Collection::Products, &first, "Web Orders").unwrap_err();
        assert_eq!(not_slug, RenameError::NotASlug { wanted: "Web Orders".into(), suggestion: "web-orders".into() });
        assert!(not_slug.to_string().contains("'web-orders'"));
        assert_eq!(rename_id(&ws, Collection::Products, &first, &second).unwrap_err(), RenameError::Taken(second));
        assert_eq!(rename_id(&ws, Collection::Products, "nope", "x").unwrap_err(), RenameError::NotFound("nope".into()));
        assert!(matches!(rename_id(&ws, Collection::Metrics, "m", "n"), Err(RenameError::NotASlug { .. } | RenameError::NotFound(_) | RenameError::Unsupported(_))));
        assert_eq!(rename_id(&ws, Collection::Products, &first, &first).unwrap(), Edit::Batch(Vec::new()));
    }
}
