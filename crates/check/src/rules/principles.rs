//! The principles of data products over Medallion layers: every output is owned, has a purpose
//! and a contract with quality rules and service levels, so quality is pushed from the source
//! instead of pulled downstream; products add meaning instead of copying tiers; personal data
//! stays classified along lineage; promises downstream never exceed what upstream delivers.

use dpstudio_model::{DataContract, DataProduct, Property, Status};

use super::values::{blank, classifies_personal_data, is_lower_bytes, is_lower_word, is_public, minutes, trimmed};
use super::sources::{check_sources, SourceRules};
use super::walk::{any_property, each_property, At};
use super::{contract_at, input_contracts, input_products, product_at};
use crate::diagnostic::Severity;
use crate::engine::{Check, Family, Rule, Sink};
use crate::index::Index;

const fn rule(
    id: &'static str,
    severity: Severity,
    summary: &'static str,
    rationale: &'static str,
    check: Check,
) -> Rule {
    Rule { id, family: Family::Principles, severity, summary, rationale, check }
}

pub const OUTPUT_PORT_CONTRACT: Rule = rule(
    "principles.output-port-contract",
    Severity::Error,
    "An output port has no data contract.",
    "Without a contract consumers must discover schema and quality themselves — the 'pull' problem of layered lakes.",
    Check::Product(output_port_contract),
);

fn output_port_contract(_: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, port) in product.output_ports.iter().enumerate() {
        if port.contract.is_none() {
            sink.emit(
                product_at(product, format!("outputPorts[{i}].contract")),
                format!("output port '{}' of '{}' has no contract", port.name, product.name),
                "Attach a data contract to the port (or create one from its schema).",
            );
        }
    }
}

pub const PRODUCT_OWNER: Rule = rule(
    "principles.product-owner",
    Severity::Warning,
    "A data product has no owning team.",
    "A product nobody owns is a table nobody fixes; ownership is what makes it a product.",
    Check::Product(product_owner),
);

fn product_owner(_: &Index, product: &DataProduct, sink: &mut Sink) {
    if product.owner_team.as_deref().is_none_or(blank) {
        sink.emit(
            product_at(product, "ownerTeam"),
            format!("'{}' has no owner team", product.name),
            "Choose the team accountable for this product.",
        );
    }
}

pub const PRODUCT_PURPOSE: Rule = rule(
    "principles.product-purpose",
    Severity::Warning,
    "A data product does not state its purpose.",
    "Every product exists for a stated purpose and consumer; data copied 'just in case' is the Medallion habit this replaces.",
    Check::Product(product_purpose),
);

fn product_purpose(_: &Index, product: &DataProduct, sink: &mut Sink) {
    if blank(&product.purpose) {
        sink.emit(
            product_at(product, "purpose"),
            format!("'{}' has no purpose", product.name),
            "Write one or two sentences on why the product exists and for whom.",
        );
    }
}

pub const PRODUCT_SLO: Rule = rule(
    "principles.product-slo",
    Severity::Warning,
    "A data product promises no service-level objective.",
    "Expectations are declared at the source; a product without SLOs leaves consumers to measure it themselves.",
    Check::Product(product_slo),
);

fn product_slo(_: &Index, product: &DataProduct, sink: &mut Sink) {
    if product.slos.is_empty() && product.status != Status::Retired {
        sink.emit(
            product_at(product, "slos"),
            format!("'{}' has no SLO", product.name),
            "State at least its freshness, e.g. 'freshness 1 d', and its availability.",
        );
    }
}

pub const PRODUCT_SUPPORT: Rule = rule(
    "principles.product-support",
    Severity::Info,
    "An active data product names no support channel.",
    "Consumers of a product need somewhere to ask; owners need to hear about problems first.",
    Check::Product(product_support),
);

fn product_support(_: &Index, product: &DataProduct, sink: &mut Sink) {
    if product.status == Status::Active && product.support.is_empty() {
        sink.emit(
            product_at(product, "support"),
            format!("active '{}' names no support channel", product.name),
            "Add a chat channel, ticket queue or e-mail address for consumers.",
        );
    }
}

pub const LAYER_NAMING: Rule = rule(
    "principles.layer-naming",
    Severity::Info,
    "A data product is named or tagged after a Medallion layer (bronze, silver, gold).",
    "Layer names describe a processing stage, not a business purpose; a product is named for what it means.",
    Check::Product(layer_naming),
);

fn layer_naming(_: &Index, product: &DataProduct, sink: &mut Sink) {
    // Words are split at bytes that are not ASCII letters or digits: the bytes of other
    // characters separate words as those characters do, and no layer name holds them.
    let is_layer = |text: &str| {
        text.as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .any(|w| ["bronze", "silver", "gold"].iter().any(|l| is_lower_bytes(w, l.as_bytes())))
    };
    let field = if is_layer(&product.name) || is_layer(&product.id) {
        Some("name".to_owned())
    } else {
        product.tags.iter().position(|t| is_layer(t)).map(|i| format!("tags[{i}]"))
    };
    if let Some(field) = field {
        sink.emit(
            product_at(product, field),
            format!("'{}' is named or tagged after a Medallion layer", product.name),
            "Name the product after the business data it serves and its consumers, e.g. 'Daily Revenue'.",
        );
    }
}

pub const LAYER_HOP: Rule = rule(
    "principles.layer-hop",
    Severity::Warning,
    "A product's single output contract copies an input contract's schema unchanged (same names and types).",
    "A product that only moves data one tier further is a Medallion hop: it adds cost and a failure point, not meaning.",
    Check::Product(layer_hop),
);

fn layer_hop(index: &Index, product: &DataProduct, sink: &mut Sink) {
    // Exactly one contract id among the output ports (found without collecting them).
    let mut outputs = output_contract_ids(product);
    let Some(output_id) = outputs.next() else { return };
    if outputs.next().is_some() {
        return;
    }
    let Some(output) = index.contract(output_id) else { return };
    let shape = index.shape(output_id);
    if shape.is_empty() {
        return;
    }
    let width = |c: &DataContract| c.schema.iter().map(|o| o.properties.len()).sum::<usize>();
    for &(_, input) in input_contracts(index, product).iter() {
        // Comparing sizes first keeps the sorted shapes from being built for most inputs.
        if input.id != output.id && width(input) == width(output) && index.shape(&input.id) == shape {
            let port = product
                .output_ports
                .iter()
                .position(|p| p.contract.as_ref().is_some_and(|c| c.id == output.id))
                .unwrap_or(0);
            sink.emit(
                product_at(product, format!("outputPorts[{port}].contract")),
                format!("'{}' serves '{}' with the same schema as its input '{}'", product.name, output.name, input.name),
                "Let consumers read the input product directly, or make this product add business value (join, aggregate, conform to the glossary).",
            );
            return;
        }
    }
}

pub const PII_PASSTHROUGH: Rule = rule(
    "principles.pii-passthrough",
    Severity::Warning,
    "An output contract has a field named like a personal-data field of an input, without marking it PII or classifying it.",
    "Personal data must stay classified along lineage, or access control and deletion requests stop at the first hop.",
    Check::Product(pii_passthrough),
);

fn pii_passthrough(index: &Index, product: &DataProduct, sink: &mut Sink) {
    // Inputs holding personal data; names are compared by hash first (see `Index::may_pass_on_personal_data`).
    let inputs = input_contracts(index, product);
    let personal = || inputs.iter().map(|&(_, c)| c).filter(|c| index.has_personal_data(c));
    if personal().next().is_none() {
        return;
    }
    for output in output_contract_ids(product).filter_map(|id| index.contract(id)) {
        let shares_a_name = |input: &&DataContract| index.may_pass_on_personal_data(input, output);
        if !personal().any(|input| shares_a_name(&input)) {
            continue;
        }
        let suspects: Vec<&DataContract> = personal().filter(shares_a_name).collect();
        if suspects.is_empty() {
            continue;
        }
        // Rare: a name matches by hash; confirm by name and report with the field's path.
        each_property(output, |at, _, property| {
            if classifies_personal_data(property.pii, &property.classification) {
                return;
            }
            let Some(source) = suspects.iter().find(|input| any_property(input, |p| p.pii && p.name == property.name))
            else {
                return;
            };
            sink.emit(
                contract_at(output, at.field("pii")),
                format!(
                    "'{}' of '{}', served by '{}', carries personal data from '{}' unmarked",
                    property.name, output.name, product.name, source.name
                ),
                format!("Mark '{}' as PII with a classification such as 'restricted' in contract '{}', or drop it.", property.name, output.id),
            );
        });
    }
}

/// The contract ids of a product's output ports, each once (in port order; rules that read
/// them report per contract, and the result is sorted in the end).
fn output_contract_ids(product: &DataProduct) -> impl Iterator<Item = &str> {
    fn id(port: &dpstudio_model::OutputPort) -> Option<&str> {
        port.contract.as_ref().map(|c| c.id.as_str())
    }
    let ports = &product.output_ports;
    ports.iter().enumerate().filter_map(move |(i, port)| {
        let this = id(port)?;
        (!ports.iter().take(i).any(|earlier| id(earlier) == Some(this))).then_some(this)
    })
}

pub const PII_LINEAGE: Rule = rule(
    "principles.pii-lineage",
    Severity::Warning,
    "A field derived (transformSourceObjects) from a personal-data field is not marked PII or classified.",
    "Field-level lineage shows where personal data goes; every field it reaches must carry the marking.",
    Check::Property(pii_lineage),
);

pub(super) fn pii_lineage(index: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    check_sources(index, contract, at, property, SourceRules { missing: false, personal: true }, sink);
}

/// Reports that `property`, unmarked, derives from personal data through lineage source `i`.
pub(super) fn report_unmarked_derivation(
    contract: &DataContract,
    at: &At,
    property: &Property,
    (i, source): (usize, &str),
    sink: &mut Sink,
) {
    sink.emit(
        contract_at(contract, at.field(&format!("transformSourceObjects[{i}]"))),
        format!("'{}' is derived from personal data '{source}' but is not marked", property.name),
        "Mark the field PII and classify it (e.g. 'restricted'), or anonymise it and say how in transformLogic.",
    );
}

pub const PII_PUBLIC: Rule = rule(
    "principles.pii-public",
    Severity::Error,
    "A field marked as personal data is classified public.",
    "The two markings contradict each other; exports would grant public access to personal data.",
    Check::Property(pii_public),
);

#[inline]
pub(super) fn pii_public(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    if property.pii && is_public(&property.classification) {
        sink.emit(
            contract_at(contract, at.field("classification")),
            format!("personal-data field '{}' is classified public", property.name),
            "Classify it 'restricted' or 'confidential', or remove the PII flag if it holds no personal data.",
        );
    }
}

pub const FRESHNESS_SLO: Rule = rule(
    "principles.freshness-slo",
    Severity::Warning,
    "A product promises fresher data (freshness/latency SLO) than its inputs promise to deliver.",
    "Quality compounds along lineage: a downstream promise stricter than its inputs' is one it cannot keep.",
    Check::Product(freshness_slo),
);

fn freshness_slo<'w>(index: &Index<'w>, product: &DataProduct, sink: &mut Sink) {
    // This product's strictest promise.
    let Some((slo_at, promised)) = product
        .slos
        .iter()
        .enumerate()
        .filter(|(_, s)| is_freshness(&s.property))
        .filter_map(|(i, s)| minutes(&s.value, &s.unit).map(|m| (i, m)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
    else {
        return;
    };
    // Per input, the best it promises (its product's SLOs, its contract's SLA); the product can
    // be no fresher than its slowest input.
    let mut slowest: Option<(f64, &str)> = None;
    let mut consider = |delivers: Option<f64>, name: &'w str| {
        if let Some(m) = delivers {
            if slowest.is_none_or(|(s, _)| m > s) {
                slowest = Some((m, name));
            }
        }
    };
    for upstream in input_products(index, product) {
        let delivers = upstream
            .slos
            .iter()
            .filter(|s| is_freshness(&s.property))
            .filter_map(|s| minutes(&s.value, &s.unit))
            .min_by(f64::total_cmp);
        consider(delivers, &upstream.name);
    }
    for &(_, contract) in input_contracts(index, product).iter() {
        let delivers = contract
            .sla
            .iter()
            .filter(|s| is_freshness(&s.property))
            .filter_map(|s| minutes(&s.value, &s.unit))
            .min_by(f64::total_cmp);
        consider(delivers, &contract.name);
    }
    if let Some((needed, from)) = slowest {
        if promised < needed {
            sink.emit(
                product_at(product, format!("slos[{slo_at}]")),
                format!(
                    "'{}' promises data within {} but input '{from}' only delivers within {}",
                    product.name,
                    show_minutes(promised),
                    show_minutes(needed)
                ),
                format!("Relax the SLO to at least {}, or agree a fresher SLO with '{from}'.", show_minutes(needed)),
            );
        }
    }
}

fn is_freshness(property: &str) -> bool {
    let p = trimmed(property);
    is_lower_word(p, "freshness") || is_lower_word(p, "latency")
}

fn show_minutes(m: f64) -> String {
    if m >= 1440.0 && (m / 1440.0).fract() == 0.0 {
        format!("{} d", m / 1440.0)
    } else if m >= 60.0 && (m / 60.0).fract() == 0.0 {
        format!("{} h", m / 60.0)
    } else {
        format!("{m} m")
    }
}

pub const ACTIVE_EXPOSES_DRAFT: Rule = rule(
    "principles.active-exposes-draft",
    Severity::Warning,
    "An active data product serves a contract that is still proposed or draft.",
    "Consumers of an active product build on its contract; a draft contract may still change under them.",
    Check::Product(active_exposes_draft),
);

fn active_exposes_draft(index: &Index, product: &DataProduct, sink: &mut Sink) {
    if product.status != Status::Active {
        return;
    }
    for (i, port) in product.output_ports.iter().enumerate() {
        let Some(contract) = port.contract.as_ref().and_then(|c| index.contract(&c.id)) else { continue };
        if matches!(contract.status, Status::Proposed | Status::Draft) {
            sink.emit(
                product_at(product, format!("outputPorts[{i}].contract")),
                format!("active '{}' serves contract '{}', which is {}", product.name, contract.name, contract.status.as_str()),
                "Activate the contract once agreed, or set the product back to draft.",
            );
        }
    }
}

pub const ACTIVE_READS_DEPRECATED: Rule = rule(
    "principles.active-reads-deprecated",
    Severity::Warning,
    "An active data product reads a deprecated or retired product or contract.",
    "Deprecation announces removal; an active product built on it inherits a deadline it may not know.",
    Check::Product(active_reads_deprecated),
);

fn active_reads_deprecated(index: &Index, product: &DataProduct, sink: &mut Sink) {
    if product.status != Status::Active {
        return;
    }
    let ending = |s: Status| matches!(s, Status::Deprecated | Status::Retired);
    let inputs = input_contracts(index, product);
    for (i, port) in product.input_ports.iter().enumerate() {
        let upstream = match &port.source {
            dpstudio_model::InputSource::Product { product: up, .. } => index.product(up),
            dpstudio_model::InputSource::System { .. } => None,
        };
        let (what, name, status) = if let Some(up) = upstream.filter(|p| ending(p.status)) {
            ("product", up.name.as_str(), up.status)
        } else if let Some((_, c)) = inputs.iter().find(|(p, c)| *p == i && ending(c.status)) {
            ("contract", c.name.as_str(), c.status)
        } else {
            continue;
        };
        sink.emit(
            product_at(product, format!("inputPorts[{i}]")),
            format!("active '{}' reads {what} '{name}', which is {}", product.name, status.as_str()),
            "Move the input to the successor product or contract version.",
        );
    }
}

pub const CONTRACT_QUALITY: Rule = rule(
    "principles.contract-quality",
    Severity::Warning,
    "A data contract declares no quality rule.",
    "Quality is pushed from the source by declaring it; without rules every consumer checks on their own.",
    Check::Contract(contract_quality),
);

fn contract_quality(_: &Index, contract: &DataContract, sink: &mut Sink) {
    let any = !contract.quality.is_empty()
        || contract.schema.iter().any(|o| !o.quality.is_empty())
        || any_property(contract, |property| !property.quality.is_empty());
    if !any {
        sink.emit(
            contract_at(contract, "quality"),
            format!("contract '{}' declares no quality rule", contract.name),
            "Add at least a row count or null check on the key, e.g. 'nullValues mustBe 0'.",
        );
    }
}

pub const CONTRACT_SLA: Rule = rule(
    "principles.contract-sla",
    Severity::Warning,
    "A data contract declares no SLA property.",
    "Freshness, availability and retention are part of the promise; without them consumers guess.",
    Check::Contract(contract_sla),
);

fn contract_sla(_: &Index, contract: &DataContract, sink: &mut Sink) {
    if contract.sla.is_empty() {
        sink.emit(
            contract_at(contract, "sla"),
            format!("contract '{}' declares no SLA", contract.name),
            "Add at least latency (e.g. 1 d) and availability.",
        );
    }
}

pub const CONTRACT_PURPOSE: Rule = rule(
    "principles.contract-purpose",
    Severity::Warning,
    "A data contract does not state the purpose of its data.",
    "Business context belongs in the contract; a consumer reading it must learn what the data is for.",
    Check::Contract(contract_purpose),
);

fn contract_purpose(_: &Index, contract: &DataContract, sink: &mut Sink) {
    if blank(&contract.description.purpose) {
        sink.emit(
            contract_at(contract, "description.purpose"),
            format!("contract '{}' does not state its purpose", contract.name),
            "Write one sentence on what the data is and what it is for.",
        );
    }
}

pub const CONTRACT_OWNER: Rule = rule(
    "principles.contract-owner",
    Severity::Warning,
    "A data contract names no owning team.",
    "Someone must answer for a contract's promises and approve its changes.",
    Check::Contract(contract_owner),
);

fn contract_owner(_: &Index, contract: &DataContract, sink: &mut Sink) {
    if contract.team.as_deref().is_none_or(blank) {
        sink.emit(
            contract_at(contract, "team"),
            format!("contract '{}' names no team", contract.name),
            "Set the team of the product that publishes it.",
        );
    }
}

pub const BUSINESS_CONTEXT: Rule = rule(
    "principles.business-context",
    Severity::Info,
    "No field of a data contract links to a glossary term.",
    "Upstream tiers in layered lakes carry no business meaning; linking fields to the glossary is how products do.",
    Check::Contract(business_context),
);

fn business_context(_: &Index, contract: &DataContract, sink: &mut Sink) {
    let linked = any_property(contract, |property| !property.glossary.is_empty());
    if !linked && !contract.schema.is_empty() {
        sink.emit(
            contract_at(contract, "schema"),
            format!("no field of contract '{}' links to the glossary", contract.name),
            "Link the key fields to glossary terms (e.g. order_id → Order).",
        );
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use dpstudio_model::*;

    use crate::rules::testing::{assert_cases, assert_silent, Case};

    fn freshness(ws: &mut Workspace, value: f64, unit: &str) {
        ws.products[1].slos[0] = Slo { property: "freshness".into(), value: value.into(), unit: unit.into(), ..Default::default() };
    }

    fn add_field(ws: &mut Workspace, property: Property) {
        ws.contracts[1].schema[0].properties.push(property);
    }

    pub(crate) const CASES: &[Case] = &[
        ("principles.output-port-contract", "outputPorts[0].contract", |ws| ws.products[0].output_ports[0].contract = None),
        ("principles.product-owner", "ownerTeam", |ws| ws.products[0].owner_team = None),
        ("principles.product-purpose", "purpose", |ws| ws.products[0].purpose.clear()),
        ("principles.product-slo", "slos", |ws| ws.products[0].slos.clear()),
        ("principles.product-support", "support", |ws| ws.products[0].support.clear()),
        ("principles.layer-naming", "tags[0]", |ws| ws.products[1].tags = vec!["gold".into()]),
        ("principles.layer-naming", "name", |ws| ws.products[1].name = "Silver Sales".into()),
        ("principles.layer-hop", "outputPorts[0].contract", |ws| {
            ws.contracts[1].schema = ws.contracts[0].schema.clone();
        }),
        ("principles.pii-passthrough", "schema[0].properties[2].pii", |ws| {
            add_field(ws, Property { name: "email".into(), logical_type: "string".into(), ..Default::default() })
        }),
        ("principles.pii-lineage", "schema[0].properties[2].transformSourceObjects[0]", |ws| {
            let contact = Property {
                name: "contact".into(),
                logical_type: "string".into(),
                transform_source_objects: vec!["orders-contract/orders.email".into()],
                ..Default::default()
            };
            add_field(ws, contact);
        }),
        ("principles.pii-public", "schema[0].properties[4].classification", |ws| {
            ws.contracts[0].schema[0].properties[4].classification = "public".into()
        }),
        ("principles.freshness-slo", "slos[0]", |ws| freshness(ws, 5.0, "m")),
        ("principles.active-exposes-draft", "outputPorts[0].contract", |ws| ws.contracts[1].status = Status::Draft),
        ("principles.active-reads-deprecated", "inputPorts[0]", |ws| ws.products[0].status = Status::Deprecated),
        ("principles.active-reads-deprecated", "inputPorts[0]", |ws| ws.contracts[0].status = Status::Retired),
        ("principles.contract-quality", "quality", |ws| ws.contracts[1].quality.clear()),
        ("principles.contract-sla", "sla", |ws| ws.contracts[1].sla.clear()),
        ("principles.contract-purpose", "description.purpose", |ws| ws.contracts[1].description.purpose.clear()),
        ("principles.contract-owner", "team", |ws| ws.contracts[1].team = None),
        ("principles.business-context", "schema", |ws| ws.contracts[1].schema[0].properties[1].glossary.clear()),
    ];

    #[test]
    fn each_principle_fires_on_its_edit() {
        assert_cases(CASES);
    }

    #[test]
    fn principles_stay_silent_on_near_misses() {
        assert_silent(&[
            // As fresh as the input is fine; so is a unit spelled out.
            ("principles.freshness-slo", |ws| freshness(ws, 15.0, "m")),
            ("principles.freshness-slo", |ws| freshness(ws, 0.25, "hours")),
            // Same names but a changed type is a transformation, not a copy.
            ("principles.layer-hop", |ws| {
                ws.contracts[1].schema = ws.contracts[0].schema.clone();
                ws.contracts[1].schema[0].properties[2].logical_type = "integer".into();
            }),
            // Passing personal data on is fine when the output marks it.
            ("principles.pii-passthrough", |ws| {
                add_field(ws, Property { name: "email".into(), logical_type: "string".into(), classification: "confidential".into(), ..Default::default() })
            }),
            ("principles.pii-lineage", |ws| {
                let contact = Property {
                    name: "contact".into(),
                    logical_type: "string".into(),
                    pii: true,
                    classification: "restricted".into(),
                    transform_source_objects: vec!["orders-contract/orders.email".into()],
                    ..Default::default()
                };
                add_field(ws, contact);
            }),
            ("principles.layer-naming", |ws| ws.products[1].name = "Golden Customers".into()),
            // A draft product may expose a draft contract.
            ("principles.active-exposes-draft", |ws| {
                ws.contracts[1].status = Status::Draft;
                ws.products[1].status = Status::Draft;
            }),
        ]);
    }
}
