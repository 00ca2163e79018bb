//! What a table's name says: its layer (from its schema or a dbt-style prefix), the source
//! system or mart it belongs to, the business entity it holds, and the domain that entity
//! probably lives in. Heuristics, meant to give a first proposal a person then corrects.

use super::inventory::Layer;

/// Schema names that mean a layer.
const LAYER_SCHEMAS: [(&str, Layer); 13] = [
    ("bronze", Layer::Bronze),
    ("raw", Layer::Bronze),
    ("landing", Layer::Bronze),
    ("ingest", Layer::Bronze),
    ("silver", Layer::Silver),
    ("staging", Layer::Silver),
    ("intermediate", Layer::Silver),
    ("cleansed", Layer::Silver),
    ("conformed", Layer::Silver),
    ("gold", Layer::Gold),
    ("mart", Layer::Gold),
    ("marts", Layer::Gold),
    ("reporting", Layer::Gold),
];

/// Table-name prefixes that mean a layer: dbt's conventions, plus the layer names themselves.
const LAYER_PREFIXES: [(&str, Layer); 15] = [
    ("raw", Layer::Bronze),
    ("src", Layer::Bronze),
    ("stg", Layer::Bronze),
    ("bronze", Layer::Bronze),
    ("int", Layer::Silver),
    ("base", Layer::Silver),
    ("silver", Layer::Silver),
    ("fct", Layer::Gold),
    ("fact", Layer::Gold),
    ("dim", Layer::Gold),
    ("mart", Layer::Gold),
    ("rpt", Layer::Gold),
    ("agg", Layer::Gold),
    ("obt", Layer::Gold),
    ("gold", Layer::Gold),
];

/// Words that say how far a table is processed, not what it holds.
const NOISE: [&str; 22] = [
    "raw", "src", "stg", "bronze", "silver", "gold", "landing", "clean", "cleaned", "cleansed", "conformed", "curated",
    "enriched", "latest", "current", "snapshot", "tbl", "table", "int", "base", "staging", "deduped",
];

/// The layer of a table named by `parts`: a schema part that names a layer wins, else the
/// table name's prefix.
pub(crate) fn layer_of(parts: &[String]) -> Option<Layer> {
    let (table, schemas) = parts.split_last()?;
    for schema in schemas.iter().rev() {
        let lower = schema.to_lowercase();
        if let Some((_, layer)) = LAYER_SCHEMAS.iter().find(|(name, _)| *name == lower) {
            return Some(*layer);
        }
    }
    prefix_layer(table)
}

fn prefix_layer(table: &str) -> Option<Layer> {
    let first = words(table).into_iter().next()?;
    LAYER_PREFIXES.iter().find(|(p, _)| *p == first).map(|(_, layer)| *layer)
}

/// Lower-case words of a name, split at anything that is not a letter or digit.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// What a table's name says beyond its layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableName {
    /// A source system or mart named in the table name: `crm` of `stg_crm__contacts`.
    pub name_group: Option<String>,
    /// A schema that is not a layer, beside one that is or a layer prefix: `shopify` of
    /// `raw.shopify.orders` or of `shopify.stg_orders`.
    pub schema_group: Option<String>,
    /// The entity's words (`["order", "items"]` of `silver.order_items`), never empty.
    pub entity: Vec<String>,
    /// The layer prefix the name starts with (`fct`, `dim`, …), if any.
    pub prefix: Option<String>,
}

impl TableName {
    /// The key an entity is grouped and matched by: the stem of its first word.
    pub fn key(&self) -> String {
        stem(self.entity.first().map_or("", String::as_str))
    }
}

/// Splits a table's parts into group, entity and prefix.
pub(crate) fn table_name(parts: &[String]) -> TableName {
    let Some((table, schemas)) = parts.split_last() else {
        return TableName { name_group: None, schema_group: None, entity: vec!["table".to_owned()], prefix: None };
    };
    let is_layer_schema = |s: &str| LAYER_SCHEMAS.iter().any(|(name, _)| *name == s.to_lowercase());
    let (last_schema, earlier) = match schemas.split_last() {
        Some((last, earlier)) => (Some(last), earlier),
        None => (None, schemas),
    };
    let layer_elsewhere = earlier.iter().any(|s| is_layer_schema(s)) || prefix_layer(table).is_some();
    let schema_group = last_schema
        .filter(|s| !is_layer_schema(s) && layer_elsewhere)
        .map(|s| words(s).join("_"))
        .filter(|g| !g.is_empty());
    let all = words(table);
    let prefix = all.first().filter(|w| LAYER_PREFIXES.iter().any(|(p, _)| p == *w)).cloned();
    let (name_group, entity_words) = match table.split_once("__") {
        // dbt: `stg_crm__contacts`, `mart_finance__revenue`.
        Some((left, right)) => {
            let left: Vec<String> = words(left).into_iter().filter(|w| !NOISE.contains(&w.as_str()) && !is_prefix(w)).collect();
            (if left.is_empty() { None } else { Some(left.join("_")) }, words(right))
        }
        None => (None, all.clone()),
    };
    let mut entity: Vec<String> = entity_words.iter().filter(|w| !NOISE.contains(&w.as_str())).cloned().collect();
    if entity.first().is_some_and(|w| is_prefix(w)) && entity.len() > 1 {
        entity.remove(0);
    }
    if entity.is_empty() {
        entity = if entity_words.is_empty() { all } else { entity_words };
    }
    if entity.is_empty() {
        entity.push("table".to_owned());
    }
    TableName { name_group, schema_group, entity, prefix }
}

fn is_prefix(word: &str) -> bool {
    LAYER_PREFIXES.iter().any(|(p, _)| *p == word)
}

/// A word's singular, good enough to match `orders` with `order` and `categories` with
/// `category`.
pub(crate) fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if n > ending.len() + 1 && w.ends_with(ending) {
            return w[..w.len() - 2].to_owned();
        }
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_owned();
    }
    w
}

/// Business domains and the words (stems) that hint at them.
const DOMAINS: [(&str, &[&str]); 8] = [
    ("Sales", &["order", "sale", "cart", "checkout", "basket", "quote", "deal", "opportunity", "shop", "store", "pos", "shopify", "revenue", "booking"]),
    ("Customer", &["customer", "contact", "account", "lead", "crm", "user", "member", "client", "subscriber", "loyalty", "salesforce", "hubspot", "churn", "ltv", "segment"]),
    ("Finance", &["payment", "invoice", "ledger", "billing", "refund", "transaction", "finance", "budget", "cost", "margin", "tax", "stripe", "erp", "payout", "gl"]),
    ("Catalog", &["product", "catalog", "sku", "category", "price", "pricing", "brand", "variant", "pim"]),
    ("Supply chain", &["inventory", "stock", "warehouse", "shipment", "delivery", "supplier", "purchase", "logistic", "fulfillment", "shipping", "wms", "return"]),
    ("Marketing", &["campaign", "marketing", "ad", "click", "impression", "session", "pageview", "event", "web", "email", "attribution", "utm", "visit", "funnel"]),
    ("People", &["employee", "hr", "payroll", "staff", "hire", "workday"]),
    ("Support", &["ticket", "support", "case", "incident", "zendesk", "complaint"]),
];

/// The domain the most hint words point at (ties to the first hinted), `General` when none.
pub(crate) fn guess_domain<'a>(hints: impl IntoIterator<Item = &'a str>) -> &'static str {
    let mut votes = [0usize; DOMAINS.len()];
    let mut first_seen = [usize::MAX; DOMAINS.len()];
    for (n, word) in hints.into_iter().enumerate() {
        let s = stem(word);
        for (d, (_, hints)) in DOMAINS.iter().enumerate() {
            if hints.contains(&s.as_str()) || hints.contains(&word) {
                votes[d] += 1;
                first_seen[d] = first_seen[d].min(n);
            }
        }
    }
    let best = (0..DOMAINS.len()).filter(|&d| votes[d] > 0).max_by(|&a, &b| votes[a].cmp(&votes[b]).then(first_seen[b].cmp(&first_seen[a])));
    best.map_or("General", |d| DOMAINS[d].0)
}

/// Words as a name: `["daily", "revenue"]` → "Daily revenue"; short words that read as
/// acronyms (`crm`, `erp`) are upper-cased.
pub(crate) fn title(words: &[String]) -> String {
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if ACRONYMS.contains(&word.as_str()) {
            out.push_str(&word.to_uppercase());
        } else if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

const ACRONYMS: [&str; 14] = ["crm", "erp", "pos", "ltv", "kpi", "sku", "hr", "gl", "wms", "pim", "id", "utm", "api", "ar"];

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(name: &str) -> Vec<String> {
        name.split('.').map(str::to_owned).collect()
    }

    #[test]
    fn layers_come_from_schemas_or_prefixes() {
        assert_eq!(layer_of(&parts("bronze.orders_raw")), Some(Layer::Bronze));
        assert_eq!(layer_of(&parts("lake.silver.orders")), Some(Layer::Silver));
        assert_eq!(layer_of(&parts("gold.daily_revenue")), Some(Layer::Gold));
        assert_eq!(layer_of(&parts("raw_crm__contacts")), Some(Layer::Bronze));
        assert_eq!(layer_of(&parts("src_shop_orders")), Some(Layer::Bronze));
        assert_eq!(layer_of(&parts("stg_orders")), Some(Layer::Bronze));
        assert_eq!(layer_of(&parts("int_orders_enriched")), Some(Layer::Silver));
        assert_eq!(layer_of(&parts("base_customers")), Some(Layer::Silver));
        for gold in ["fct_orders", "dim_customers", "mart_finance__revenue", "rpt_weekly_sales"] {
            assert_eq!(layer_of(&parts(gold)), Some(Layer::Gold), "{gold}");
        }
        // The schema wins over the prefix.
        assert_eq!(layer_of(&parts("gold.stg_like_name")), Some(Layer::Gold));
        assert_eq!(layer_of(&parts("orders")), None);
        assert_eq!(layer_of(&parts("analytics.orders")), None);
    }

    #[test]
    fn groups_and_entities_come_from_the_name() {
        let crm = table_name(&parts("raw_crm__contacts"));
        assert_eq!((crm.name_group.as_deref(), crm.entity.clone()), (Some("crm"), vec!["contacts".to_owned()]));
        assert_eq!(crm.key(), "contact");
        let shopify = table_name(&parts("raw.shopify.orders"));
        assert_eq!(shopify.schema_group.as_deref(), Some("shopify"));
        assert_eq!(table_name(&parts("shopify.stg_orders")).schema_group.as_deref(), Some("shopify"));
        assert_eq!(table_name(&parts("lake.silver.orders")).schema_group, None);
        let silver = table_name(&parts("silver.order_items"));
        assert_eq!((silver.name_group.clone(), silver.key()), (None, "order".to_owned()));
        let enriched = table_name(&parts("int_orders_enriched"));
        assert_eq!(enriched.entity, vec!["orders".to_owned()]);
        let fact = table_name(&parts("fct_daily_revenue"));
        assert_eq!((fact.prefix.as_deref(), fact.entity.clone()), (Some("fct"), vec!["daily".to_owned(), "revenue".to_owned()]));
        // A name made of noise only keeps its words rather than becoming empty.
        assert_eq!(table_name(&parts("bronze.raw")).entity, vec!["raw".to_owned()]);
    }

    #[test]
    fn stems_and_titles() {
        assert_eq!(stem("orders"), "order");
        assert_eq!(stem("categories"), "category");
        assert_eq!(stem("addresses"), "address");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("ÄÖÜs"), "äöü");
        assert_eq!(title(&["crm".into(), "contacts".into()]), "CRM contacts");
        assert_eq!(title(&["daily".into(), "revenue".into()]), "Daily revenue");
    }

    #[test]
    fn domains_are_guessed_from_hint_words() {
        assert_eq!(guess_domain(["orders", "order_items"].iter().copied()), "Sales");
        assert_eq!(guess_domain(["crm", "contacts"]), "Customer");
        assert_eq!(guess_domain(["payments", "refunds", "orders"]), "Finance");
        assert_eq!(guess_domain(["weather"]), "General");
    }
}
