//! A synthetic, realistic workspace of any size for tests and benchmarks.
//!
//! Shape: a handful of domains with teams and source systems; source-aligned products read
//! the systems, three levels of aggregates read the products below them, consumer-aligned
//! products read aggregates and feed use cases — a lineage DAG five levels deep. Every output
//! port has its own contract of about 20 properties with types, keys, glossary links, lineage
//! (`transformSourceObjects` to the upstream fields), quality rules and SLA. The same
//! `(products, seed)` always gives the same workspace, so benchmarks and property tests are
//! repeatable. It is meant to pass the checks, so a benchmark measures real rule work rather
//! than diagnostic formatting.

// Struct literals end in `..Default::default()` even when every field is set, so the generator
// keeps compiling when the model grows a field.
#![allow(clippy::needless_update)]

use std::collections::BTreeSet;

use crate::*;

/// SplitMix64: tiny, fast, good enough for synthetic data, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn range(&mut self, low: usize, high_inclusive: usize) -> usize {
        low + self.below(high_inclusive.saturating_sub(low) + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len()).min(items.len().saturating_sub(1))]
    }
}

/// Domains and the business nouns their products are about.
const DOMAINS: [(&str, &str, [&str; 4]); 8] = [
    ("sales", "Sales", ["order", "invoice", "quote", "payment"]),
    ("customer", "Customer", ["customer", "account", "contact", "consent"]),
    ("finance", "Finance", ["ledger_entry", "budget", "cost_center", "refund"]),
    ("supply", "Supply Chain", ["shipment", "supplier", "stock_level", "purchase_order"]),
    ("marketing", "Marketing", ["campaign", "lead", "click", "impression"]),
    ("catalog", "Product Catalog", ["product", "price", "category", "review"]),
    ("logistics", "Logistics", ["delivery", "route", "parcel", "carrier"]),
    ("people", "People", ["employee", "position", "absence", "training"]),
];

const SYSTEM_TECH: [&str; 6] = ["postgres", "sap", "salesforce", "kafka", "mysql", "mongodb"];
const FIRST_NAMES: [&str; 8] = ["Amira", "Jonas", "Lea", "Tomás", "Priya", "Kenji", "Sofia", "Malik"];
const LAST_NAMES: [&str; 8] = ["Haddad", "Berg", "Novak", "Ortega", "Raman", "Sato", "Rossi", "Okafor"];
const ROLES: [&str; 4] = ["product owner", "data engineer", "data steward", "analytics engineer"];

/// A column template: name, logical type, physical type, semantic type, PII, glossary term.
struct Column {
    name: &'static str,
    logical: &'static str,
    physical: &'static str,
    semantic: &'static str,
    pii: bool,
    term: Option<&'static str>,
    values: &'static [&'static str],
}

const fn col(name: &'static str, logical: &'static str, physical: &'static str, semantic: &'static str) -> Column {
    Column { name, logical, physical, semantic, pii: false, term: None, values: &[] }
}

const COLUMNS: [Column; 32] = [
    col("created_at", "timestamp", "timestamp", "dimension"),
    col("updated_at", "timestamp", "timestamp", "dimension"),
    col("event_date", "date", "date", "dimension"),
    Column { values: &["open", "active", "closed", "cancelled"], ..col("status", "string", "varchar(16)", "dimension") },
    Column { term: Some("amount"), ..col("amount", "number", "decimal(18,2)", "measure") },
    Column { term: Some("currency"), ..col("currency", "string", "char(3)", "dimension") },
    col("quantity", "integer", "int", "measure"),
    col("unit_price", "number", "decimal(18,2)", "measure"),
    col("discount_amount", "number", "decimal(18,2)", "measure"),
    col("tax_amount", "number", "decimal(18,2)", "measure"),
    Column { term: Some("country"), ..col("country_code", "string", "char(2)", "dimension") },
    col("region", "string", "varchar(32)", "dimension"),
    Column { values: &["web", "app", "store", "partner"], term: Some("channel"), ..col("channel", "string", "varchar(16)", "dimension") },
    Column { pii: true, term: Some("email-address"), ..col("email", "string", "varchar(254)", "attribute") },
    Column { pii: true, ..col("phone", "string", "varchar(32)", "attribute") },
    Column { pii: true, ..col("first_name", "string", "varchar(64)", "attribute") },
    Column { pii: true, ..col("last_name", "string", "varchar(64)", "attribute") },
    Column { pii: true, ..col("birth_date", "date", "date", "attribute") },
    Column { pii: true, ..col("postal_code", "string", "varchar(16)", "dimension") },
    col("score", "number", "double", "measure"),
    col("is_active", "boolean", "boolean", "dimension"),
    col("category", "string", "varchar(64)", "dimension"),
    col("description", "string", "text", "attribute"),
    col("source_system", "string", "varchar(32)", "attribute"),
    col("record_version", "integer", "int", "attribute"),
    col("valid_from", "date", "date", "dimension"),
    col("valid_to", "date", "date", "dimension"),
    Column { values: &["low", "medium", "high"], ..col("priority", "string", "varchar(8)", "dimension") },
    col("weight_kg", "number", "decimal(10,3)", "measure"),
    col("duration_minutes", "integer", "int", "measure"),
    col("margin", "number", "decimal(18,2)", "measure"),
    col("cost", "number", "decimal(18,2)", "measure"),
];

/// Generic glossary terms the columns link to (id, term, definition).
const COMMON_TERMS: [(&str, &str, &str); 5] = [
    ("amount", "Amount", "A monetary value in the record's currency, after discounts and before tax."),
    ("currency", "Currency", "ISO 4217 code of the currency an amount is expressed in."),
    ("country", "Country", "ISO 3166-1 alpha-2 code of the country the record refers to."),
    ("channel", "Sales channel", "Where the interaction happened: web, app, store or partner."),
    ("email-address", "Email address", "A person's email address; personal data under GDPR."),
];

/// Where a product sits in the lineage DAG.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Plan {
    kind: ProductKind,
    /// 0 = source-aligned, 1..=3 aggregates, 4 = consumer-aligned.
    level: usize,
    domain: usize,
    noun: usize,
    ports: usize,
}

/// Builds a workspace with `products` data products; the same arguments give the same result.
pub fn generate(products: usize, seed: u64) -> Workspace {
    let mut rng = Rng(seed ^ 0x5EED_DA7A_0000_0001);
    let mut w = Workspace {
        format_version: FORMAT_VERSION,
        id: format!("generated-{products}-{seed}"),
        name: format!("Generated mesh ({products} products, seed {seed})"),
        description: "A synthetic workspace for tests and benchmarks.".into(),
        ..Default::default()
    };
    context(&mut w, &mut rng);
    let plans = plan(products, &mut rng);
    let inputs = wire(&plans, &mut rng);
    for (i, plan) in plans.iter().enumerate() {
        product(&mut w, &plans, &inputs[i], i, *plan, &mut rng);
    }
    use_cases(&mut w, &plans, &mut rng);
    semantic(&mut w, &mut rng);
    layout(&mut w, &plans);
    w
}

fn context(w: &mut Workspace, rng: &mut Rng) {
    let c = &mut w.context;
    for (d, (id, name, nouns)) in DOMAINS.iter().enumerate() {
        c.domains.push(Domain {
            id: (*id).into(),
            name: (*name).into(),
            description: format!("{name}: {}.", nouns.join(", ").replace('_', " ")),
            ..Default::default()
        });
        for sub in ["operations", "analytics"] {
            c.domains.push(Domain {
                id: format!("{id}-{sub}"),
                name: format!("{name} {sub}"),
                parent: Some((*id).into()),
                ..Default::default()
            });
        }
        for (t, suffix) in ["platform", "insights"].iter().enumerate() {
            let members = (0..rng.range(1, 3))
                .map(|m| {
                    let first = *rng.pick(&FIRST_NAMES);
                    let last = *rng.pick(&LAST_NAMES);
                    Person {
                        name: format!("{first} {last}"),
                        email: format!("{}.{}@example.com", first.to_lowercase(), last.to_lowercase()),
                        role: ROLES[(m + t) % ROLES.len()].into(),
                        ..Default::default()
                    }
                })
                .collect();
            c.teams.push(Team {
                id: format!("{id}-{suffix}"),
                name: format!("{name} {suffix}"),
                domain: Some((*id).into()),
                members,
                ..Default::default()
            });
        }
        for s in 0..2 {
            let tech = SYSTEM_TECH[(d + s) % SYSTEM_TECH.len()];
            c.source_systems.push(SourceSystem {
                id: format!("{id}-{tech}"),
                name: format!("{name} {tech}"),
                technology: tech.into(),
                domain: Some((*id).into()),
                description: format!("Operational {tech} system of {name}."),
                ..Default::default()
            });
        }
        for noun in nouns {
            c.glossary.push(GlossaryTerm {
                id: noun.replace('_', "-"),
                term: title(noun),
                definition: format!("A {} as the {name} domain records it.", noun.replace('_', " ")),
                owner: Some(format!("{id}-platform")),
                domain: Some((*id).into()),
                ..Default::default()
            });
        }
    }
    for (id, term, definition) in COMMON_TERMS {
        c.glossary.push(GlossaryTerm {
            id: id.into(),
            term: term.into(),
            definition: definition.into(),
            owner: Some("finance-platform".into()),
            ..Default::default()
        });
    }
}

/// Decides each product's layer, domain, subject and number of output ports.
fn plan(n: usize, rng: &mut Rng) -> Vec<Plan> {
    let sources = if n == 0 { 0 } else { (n * 2).div_ceil(5).max(1) };
    let consumers = if n >= 3 { (n / 4).max(1) } else { 0 };
    let aggregates = n - sources - consumers;
    let mut plans = Vec::with_capacity(n);
    for i in 0..n {
        let (kind, level) = if i < sources {
            (ProductKind::SourceAligned, 0)
        } else if i < sources + aggregates {
            // Three aggregate levels of about equal size.
            (ProductKind::Aggregate, 1 + (i - sources) * 3 / aggregates.max(1))
        } else {
            (ProductKind::ConsumerAligned, 4)
        };
        // Weighted 1–4 ports, about 3.25 on average.
        let ports = match rng.below(20) {
            0 => 1,
            1..=3 => 2,
            4..=9 => 3,
            _ => 4,
        };
        plans.push(Plan { kind, level, domain: rng.below(DOMAINS.len()), noun: rng.below(4), ports });
    }
    plans
}

/// Chooses the upstream ports each product reads: at least one from the level just below (so
/// the DAG is deep), more from any lower level, and every non-consumer product read by someone.
fn wire(plans: &[Plan], rng: &mut Rng) -> Vec<Vec<(usize, usize)>> {
    let mut inputs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); plans.len()];
    let by_level: Vec<Vec<usize>> =
        (0..5).map(|l| (0..plans.len()).filter(|&i| plans[i].level == l).collect()).collect();
    let mut unread: Vec<BTreeSet<usize>> = by_level.iter().map(|l| l.iter().copied().collect()).collect();
    for (i, plan) in plans.iter().enumerate() {
        if plan.level == 0 {
            continue;
        }
        let below = (0..plan.level).rev().find(|&l| !by_level[l].is_empty());
        let Some(below) = below else { continue };
        let first = unread[below].pop_first().unwrap_or_else(|| *rng.pick(&by_level[below]));
        let mut chosen = vec![first];
        for _ in 0..rng.range(0, 2) {
            let level = rng.below(plan.level);
            if by_level[level].is_empty() {
                continue;
            }
            let up = unread[level].pop_first().unwrap_or_else(|| *rng.pick(&by_level[level]));
            if !chosen.contains(&up) {
                chosen.push(up);
            }
        }
        for up in &chosen {
            unread[plans[*up].level].remove(up);
        }
        inputs[i] = chosen.into_iter().map(|up| (up, rng.below(plans[up].ports))).collect();
    }
    // Products nobody read yet feed a random product above them.
    for (level, waiting) in unread.iter().enumerate().take(4) {
        for &up in waiting {
            let above: Vec<usize> = (level + 1..5).flat_map(|l| by_level[l].iter().copied()).collect();
            if above.is_empty() {
                continue;
            }
            let reader = *rng.pick(&above);
            inputs[reader].push((up, rng.below(plans[up].ports)));
        }
    }
    inputs
}

fn product_id(plans: &[Plan], i: usize) -> String {
    let p = plans[i];
    let noun = DOMAINS[p.domain].2[p.noun].replace('_', "-");
    let layer = match p.kind {
        ProductKind::SourceAligned => "events",
        ProductKind::Aggregate => "summary",
        ProductKind::ConsumerAligned => "insights",
    };
    format!("{noun}-{layer}-{i:04}")
}

fn contract_id(plans: &[Plan], product: usize, port: usize) -> String {
    format!("{}-c{port}", product_id(plans, product))
}

fn version(product: usize, port: usize) -> String {
    format!("{}.{}.0", 1 + (product + port) % 3, (product * 7 + port) % 10)
}

/// Latency each level promises, in hours: downstream never promises fresher data than its
/// inputs can deliver.
fn latency_hours(level: usize) -> u64 {
    [1, 4, 8, 12, 24][level.min(4)]
}

fn product(w: &mut Workspace, plans: &[Plan], inputs: &[(usize, usize)], i: usize, plan: Plan, rng: &mut Rng) {
    let (domain, domain_name, nouns) = DOMAINS[plan.domain];
    let noun = nouns[plan.noun];
    let id = product_id(plans, i);
    let team = format!("{domain}-{}", if plan.level == 0 { "platform" } else { "insights" });
    let name = format!("{} {} {i}", title(noun), plan.kind.label().to_lowercase());

    let mut input_ports = Vec::new();
    if plan.level == 0 {
        for s in 0..rng.range(1, 2) {
            let tech = SYSTEM_TECH[(plan.domain + s) % SYSTEM_TECH.len()];
            input_ports.push(InputPort {
                id: format!("from-{tech}"),
                name: format!("{domain_name} {tech}"),
                source: InputSource::System { system: format!("{domain}-{tech}") },
                ..Default::default()
            });
        }
    }
    for (n, &(up, port)) in inputs.iter().enumerate() {
        let contract = contract_id(plans, up, port);
        input_ports.push(InputPort {
            id: format!("in-{n}"),
            name: format!("Reads {}", product_id(plans, up)),
            source: InputSource::Product { product: product_id(plans, up), port: port_id(port) },
            contract: Some(ContractRef { id: contract, version: version(up, port) }),
            ..Default::default()
        });
    }

    // Products are built in order and each pushes one contract per port, so the contract of
    // an upstream port is at the sum of the port counts before it, plus the port.
    let upstream: Vec<usize> = inputs
        .iter()
        .map(|&(up, port)| plans[..up].iter().map(|p| p.ports).sum::<usize>() + port)
        .filter(|&c| c < w.contracts.len())
        .collect();
    let mut output_ports = Vec::new();
    for port in 0..plan.ports {
        let kind = PortKind::ALL[(i + port) % PortKind::ALL.len()];
        let cid = contract_id(plans, i, port);
        output_ports.push(OutputPort {
            id: port_id(port),
            name: format!("{noun}_{}_{port}", kind.as_str()),
            kind,
            contract: Some(ContractRef { id: cid.clone(), version: version(i, port) }),
            ..Default::default()
        });
        let c = contract(w, &upstream, ContractPlan { id: cid, product: &id, index: i, port, plan, noun, team: &team }, rng);
        w.contracts.push(c);
    }

    let hours = latency_hours(plan.level);
    w.products.push(DataProduct {
        id: id.clone(),
        name,
        version: format!("1.{}.0", i % 5),
        status: if i.is_multiple_of(11) { Status::Draft } else { Status::Active },
        kind: plan.kind,
        domain: Some(domain.into()),
        owner_team: Some(team.clone()),
        purpose: format!(
            "{} {} data for the {domain_name} domain, so its consumers need not rebuild it.",
            plan.kind.label(),
            noun.replace('_', " ")
        ),
        description: format!("Generated product {i} at lineage level {}.", plan.level),
        tags: vec![domain.into(), format!("level-{}", plan.level)],
        input_ports,
        output_ports,
        management_ports: vec![ManagementPort {
            id: "observability".into(),
            name: "Quality results".into(),
            kind: "dashboard".into(),
            url: format!("https://observability.example.com/{id}"),
            ..Default::default()
        }],
        support: vec![SupportChannel {
            channel: format!("#{team}"),
            tool: "slack".into(),
            ..Default::default()
        }],
        slos: vec![
            Slo { property: "latency".into(), value: hours.into(), unit: "h".into(), ..Default::default() },
            Slo { property: "availability".into(), value: 99.5.into(), unit: "%".into(), ..Default::default() },
        ],
        ..Default::default()
    });
}

fn port_id(port: usize) -> String {
    format!("out-{port}")
}

struct ContractPlan<'a> {
    id: String,
    product: &'a str,
    index: usize,
    port: usize,
    plan: Plan,
    noun: &'static str,
    team: &'a str,
}

fn contract(w: &Workspace, upstream: &[usize], cp: ContractPlan, rng: &mut Rng) -> DataContract {
    let object = format!("{}_{}", cp.noun, cp.port);
    let target = rng.range(16, 24);
    let mut used = BTreeSet::new();
    let mut properties = Vec::with_capacity(target);

    let key = format!("{}_id", cp.noun);
    used.insert(key.clone());
    properties.push(Property {
        name: key.clone(),
        logical_type: "string".into(),
        physical_type: "varchar(36)".into(),
        required: true,
        unique: true,
        primary_key: true,
        primary_key_position: Some(1),
        semantic_type: "identifier".into(),
        classification: "internal".into(),
        glossary: vec![cp.noun.replace('_', "-")],
        quality: vec![
            library_rule("nullValues", "mustBe", 0, "completeness"),
            library_rule("duplicateValues", "mustBe", 0, "uniqueness"),
        ],
        ..Default::default()
    });

    // About half the fields come from upstream contracts, with their lineage and meaning.
    for &u in upstream {
        let up = &w.contracts[u];
        let Some(up_object) = up.schema.first() else { continue };
        let up_key = up_object.properties.first();
        if let Some(k) = up_key {
            if used.insert(k.name.clone()) {
                let reference = format!("{}/{}.{}", up.id, up_object.name, k.name);
                properties.push(Property {
                    name: k.name.clone(),
                    logical_type: k.logical_type.clone(),
                    physical_type: k.physical_type.clone(),
                    required: true,
                    semantic_type: "identifier".into(),
                    classification: "internal".into(),
                    glossary: k.glossary.clone(),
                    relationships: vec![Relationship { to: reference.clone(), ..Default::default() }],
                    transform_source_objects: vec![reference],
                    ..Default::default()
                });
            }
        }
        let share = target / 2 / upstream.len().max(1);
        for source in up_object.properties.iter().skip(1).filter(|p| p.properties.is_empty()).take(share) {
            if !used.insert(source.name.clone()) {
                continue;
            }
            let mut derived = source.clone();
            derived.primary_key = false;
            derived.primary_key_position = None;
            derived.unique = false;
            derived.relationships.clear();
            derived.transform_source_objects = vec![format!("{}/{}.{}", up.id, up_object.name, source.name)];
            derived.transform_logic = if rng.chance(30) { "cast and rename".into() } else { String::new() };
            properties.push(derived);
        }
    }

    while properties.len() < target {
        let column = &COLUMNS[rng.below(COLUMNS.len())];
        if !used.insert(column.name.to_owned()) {
            continue;
        }
        properties.push(column_property(column, rng));
    }
    if cp.plan.level == 0 && rng.chance(30) {
        properties.push(address());
    }

    let hours = latency_hours(cp.plan.level);
    let updated = properties.iter().find(|p| p.logical_type == "timestamp").map(|p| p.name.clone());
    let mut sla = vec![
        sla("latency", hours.into(), "h"),
        sla("availability", 99.5.into(), "%"),
        sla("retention", 3.into(), "y"),
        sla("frequency", 1.into(), "h"),
    ];
    if let Some(element) = updated {
        sla[0].element = format!("{object}.{element}");
    }

    DataContract {
        id: cp.id.clone(),
        name: format!("{} {}", title(cp.noun), cp.port),
        version: version(cp.index, cp.port),
        status: if cp.index.is_multiple_of(11) { Status::Draft } else { Status::Active },
        domain: Some(DOMAINS[cp.plan.domain].0.into()),
        data_product: Some(cp.product.to_owned()),
        description: ContractDescription {
            purpose: format!("{} records published by {}.", title(cp.noun), cp.product),
            usage: "Join on the primary key; filter on event dates.".into(),
            limitations: "Generated data; not for production.".into(),
        },
        schema: vec![SchemaObject {
            name: object.clone(),
            physical_name: format!("{}_{}", cp.product.replace('-', "_"), cp.port),
            physical_type: "table".into(),
            business_name: format!("{} records", title(cp.noun)),
            description: format!("One row per {}.", cp.noun.replace('_', " ")),
            properties,
            quality: vec![library_rule("rowCount", "mustBeGreaterThan", 0, "completeness")],
            ..Default::default()
        }],
        quality: vec![QualityRule {
            name: "freshness".into(),
            kind: QualityKind::Sql,
            description: "No record older than the latency promise.".into(),
            query: format!("SELECT COUNT(*) FROM {object} WHERE updated_at < now() - interval '{hours} hours'"),
            operator: "mustBe".into(),
            threshold: 0.into(),
            dimension: "timeliness".into(),
            severity: "warning".into(),
            ..Default::default()
        }],
        sla,
        servers: vec![Server {
            server: "production".into(),
            kind: "snowflake".into(),
            environment: "prod".into(),
            ..Default::default()
        }],
        team: Some(cp.team.to_owned()),
        roles: vec![AccessRole { role: "reader".into(), access: "read".into(), ..Default::default() }],
        tags: vec![format!("level-{}", cp.plan.level)],
        ..Default::default()
    }
}

fn column_property(column: &Column, rng: &mut Rng) -> Property {
    Property {
        name: column.name.into(),
        logical_type: column.logical.into(),
        physical_type: column.physical.into(),
        semantic_type: column.semantic.into(),
        required: rng.chance(40),
        pii: column.pii,
        classification: if column.pii { "restricted".into() } else { "internal".into() },
        glossary: column.term.map(|t| vec![t.to_owned()]).unwrap_or_default(),
        enum_values: column.values.iter().map(|v| EnumValue::new(*v)).collect(),
        examples: column.values.first().map(|v| vec![(*v).into()]).unwrap_or_default(),
        quality: if rng.chance(25) {
            vec![library_rule("nullValues", "mustBeLessThan", 5, "completeness")]
        } else {
            Vec::new()
        },
        ..Default::default()
    }
}

/// A nested object property, so lineage and diffs meet nested paths too.
fn address() -> Property {
    let leaf = |name: &str, pii: bool| Property {
        name: name.into(),
        logical_type: "string".into(),
        pii,
        classification: if pii { "restricted".into() } else { "internal".into() },
        ..Default::default()
    };
    Property {
        name: "address".into(),
        logical_type: "object".into(),
        pii: true,
        classification: "restricted".into(),
        properties: vec![leaf("street", true), leaf("city", false), leaf("country_code", false)],
        ..Default::default()
    }
}

fn library_rule(metric: &str, operator: &str, threshold: i64, dimension: &str) -> QualityRule {
    QualityRule {
        kind: QualityKind::Library,
        metric: metric.into(),
        operator: operator.into(),
        threshold: threshold.into(),
        dimension: dimension.into(),
        severity: "error".into(),
        ..Default::default()
    }
}

fn sla(property: &str, value: serde_json::Value, unit: &str) -> SlaProperty {
    SlaProperty { property: property.into(), value, unit: unit.into(), ..Default::default() }
}

/// Every consumer-aligned product feeds one or two use cases.
fn use_cases(w: &mut Workspace, plans: &[Plan], rng: &mut Rng) {
    for (i, plan) in plans.iter().enumerate() {
        if plan.kind != ProductKind::ConsumerAligned {
            continue;
        }
        let product = &w.products[i];
        let domain = DOMAINS[plan.domain].0;
        for u in 0..rng.range(1, 2) {
            let port = &product.output_ports[rng.below(product.output_ports.len())];
            w.context.use_cases.push(UseCase {
                id: format!("{}-use-{u}", product.id),
                name: format!("{} decisions {i}.{u}", title(DOMAINS[plan.domain].2[plan.noun])),
                description: "Weekly decisions taken on this product's outputs.".into(),
                consumer: format!("{domain}-insights"),
                consumes: vec![PortRef { product: product.id.clone(), port: port.id.clone() }],
                ..Default::default()
            });
        }
    }
}

/// One business entity per aggregate contract that has an amount, with a count and a sum
/// measure and a metric over each, capped so large workspaces keep a readable semantic layer.
fn semantic(w: &mut Workspace, rng: &mut Rng) {
    let candidates: Vec<(String, String, Vec<String>)> = w
        .contracts
        .iter()
        .filter(|c| c.tags.iter().any(|t| t == "level-1" || t == "level-2"))
        .filter_map(|c| {
            let object = c.schema.first()?;
            let names: Vec<String> = object.properties.iter().map(|p| p.name.clone()).collect();
            names.iter().any(|n| n == "amount").then(|| (c.id.clone(), object.name.clone(), names))
        })
        .take(40)
        .collect();
    for (contract, object, names) in candidates {
        let base = contract.clone();
        let key = names.first().cloned().unwrap_or_default();
        let mut dimensions = Vec::new();
        for (name, kind) in [("created_at", "time"), ("event_date", "time"), ("channel", "categorical"), ("status", "categorical")] {
            if names.iter().any(|n| n == name) {
                dimensions.push(Dimension {
                    id: format!("{base}-{}", name.replace('_', "-")),
                    name: title(name),
                    property: name.into(),
                    kind: kind.into(),
                    ..Default::default()
                });
            }
        }
        let count = format!("{base}-count");
        let total = format!("{base}-amount");
        w.context.semantic.entities.push(BusinessEntity {
            id: format!("{base}-entity"),
            name: format!("{} entity", object),
            implemented_by: Some(format!("{contract}/{object}")),
            dimensions,
            measures: vec![
                Measure { id: count.clone(), name: "Count".into(), aggregation: "count".into(), expression: key, ..Default::default() },
                Measure { id: total.clone(), name: "Amount".into(), aggregation: "sum".into(), expression: "amount".into(), ..Default::default() },
            ],
            ..Default::default()
        });
        let owner = w.contract(&contract).and_then(|c| c.team.clone());
        w.context.semantic.metrics.push(Metric {
            id: format!("{base}-total"),
            name: format!("Total amount of {object}"),
            kind: "simple".into(),
            measures: vec![total.clone()],
            owner: owner.clone(),
            ..Default::default()
        });
        if rng.chance(50) {
            w.context.semantic.metrics.push(Metric {
                id: format!("{base}-average"),
                name: format!("Average amount of {object}"),
                kind: "ratio".into(),
                measures: vec![total, count],
                expression: "amount / count".into(),
                owner,
                ..Default::default()
            });
        }
    }
}

/// Columns by lineage level, left to right: systems, levels 0–4, use cases.
fn layout(w: &mut Workspace, plans: &[Plan]) {
    let nodes = &mut w.layout.nodes;
    for (n, system) in w.context.source_systems.iter().enumerate() {
        nodes.insert(node_key(NodeKind::System, &system.id), Point { x: 0.0, y: n as f64 * 120.0 });
    }
    let mut row = [0usize; 5];
    for (i, plan) in plans.iter().enumerate() {
        let y = row[plan.level] as f64 * 120.0;
        row[plan.level] += 1;
        let x = 320.0 * (plan.level + 1) as f64;
        nodes.insert(node_key(NodeKind::Product, &w.products[i].id), Point { x, y });
    }
    for (n, use_case) in w.context.use_cases.iter().enumerate() {
        nodes.insert(node_key(NodeKind::UseCase, &use_case.id), Point { x: 320.0 * 6.0, y: n as f64 * 120.0 });
    }
}

/// `ledger_entry` → `Ledger entry`.
fn title(snake: &str) -> String {
    let text = snake.replace('_', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    #[test]
    fn same_arguments_same_workspace_and_different_seeds_differ() {
        assert_eq!(generate(60, 7), generate(60, 7));
        assert_ne!(generate(60, 7), generate(60, 8));
    }

    #[test]
    fn large_workspace_meets_the_benchmark_shape() {
        let w = generate(1000, 1);
        assert_eq!(w.products.len(), 1000);
        assert!(w.contracts.len() >= 3000, "{} contracts", w.contracts.len());
        let properties: usize = w.contracts.iter().map(|c| c.all_properties().len()).sum();
        assert!(properties >= 60_000, "{properties} properties");
    }

    #[test]
    fn references_resolve_and_ids_are_unique() {
        for n in [0, 1, 2, 3, 7, 40, 300] {
            let w = generate(n, n as u64);
            let products: HashMap<&str, &DataProduct> = w.products.iter().map(|p| (p.id.as_str(), p)).collect();
            let contracts: HashMap<&str, &DataContract> = w.contracts.iter().map(|c| (c.id.as_str(), c)).collect();
            assert_eq!(products.len(), w.products.len(), "unique product ids");
            assert_eq!(contracts.len(), w.contracts.len(), "unique contract ids");
            let terms: HashSet<&str> = w.context.glossary.iter().map(|t| t.id.as_str()).collect();
            let systems: HashSet<&str> = w.context.source_systems.iter().map(|s| s.id.as_str()).collect();
            for p in &w.products {
                for port in &p.output_ports {
                    let r = port.contract.as_ref().expect("bound");
                    assert_eq!(contracts[r.id.as_str()].version, r.version);
                }
                for input in &p.input_ports {
                    match &input.source {
                        InputSource::Product { product, port } => {
                            assert!(products[product.as_str()].output_port(port).is_some(), "{product}/{port}");
                        }
                        InputSource::System { system } => assert!(systems.contains(system.as_str())),
                    }
                }
            }
            for c in &w.contracts {
                for (_, property) in c.all_properties() {
                    for term in &property.glossary {
                        assert!(terms.contains(term.as_str()), "glossary {term}");
                    }
                    for source in &property.transform_source_objects {
                        let (contract, field) = source.split_once('/').expect("contract/field");
                        let (object, name) = field.split_once('.').expect("object.property");
                        let upstream = contracts[contract].object(object).expect("object");
                        assert!(upstream.properties.iter().any(|p| p.name == name), "{source}");
                    }
                }
            }
        }
    }

    #[test]
    fn lineage_is_several_levels_deep_and_everything_is_consumed() {
        let w = generate(200, 3);
        let levels: BTreeSet<&str> =
            w.products.iter().flat_map(|p| p.tags.iter().filter(|t| t.starts_with("level-"))).map(String::as_str).collect();
        assert_eq!(levels.len(), 5, "{levels:?}");
        let mut read: HashSet<&str> = HashSet::new();
        for p in &w.products {
            for input in &p.input_ports {
                if let InputSource::Product { product, .. } = &input.source {
                    read.insert(product);
                }
            }
        }
        for u in &w.context.use_cases {
            for r in &u.consumes {
                read.insert(&r.product);
            }
        }
        let unread: Vec<&str> = w.products.iter().map(|p| p.id.as_str()).filter(|id| !read.contains(id)).collect();
        assert!(unread.is_empty(), "{unread:?}");
        assert!(!w.context.semantic.metrics.is_empty());
        assert_eq!(w.layout.nodes.len(), w.products.len() + w.context.source_systems.len() + w.context.use_cases.len());
    }
}
