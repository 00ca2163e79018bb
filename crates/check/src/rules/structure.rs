//! Structure and naming: the fields every entity needs, ids that identify, names and types
//! that exported specs (ODCS, ODPS, dbt, SQL DDL) can carry without guessing.

use dpstudio_model::{DataContract, DataProduct, Property, QualityKind, QualityRule, LOGICAL_TYPES};

use super::values::{blank, fits_type, id_problem, is_any_of, is_logical_type, is_semver, is_snake_case, minutes, number, trimmed};
use super::walk::{any_property, each_quality_rule, At};
use super::{contract_at, product_at};
use crate::diagnostic::{EntityKind, Location, Severity};
use crate::engine::{Check, Family, Rule, Sink};
use crate::hash::FastSet;
use crate::index::{name_hash, Index};

const fn rule(
    id: &'static str,
    severity: Severity,
    summary: &'static str,
    rationale: &'static str,
    check: Check,
) -> Rule {
    Rule { id, family: Family::Structure, severity, summary, rationale, check }
}

// ---------------------------------------------------------------- products

pub const PRODUCT_NAME: Rule = rule(
    "structure.product-name",
    Severity::Error,
    "A data product has no name.",
    "The name is how people find and talk about a product; specs require it.",
    Check::Product(product_name),
);

fn product_name(_: &Index, product: &DataProduct, sink: &mut Sink) {
    if blank(&product.name) {
        sink.emit(
            product_at(product, "name"),
            format!("product '{}' has no name", product.id),
            "Give the product a short business name, e.g. 'Customer Orders'.",
        );
    }
}

pub const PRODUCT_ID: Rule = rule(
    "structure.product-id",
    Severity::Error,
    "A data product's id is empty or holds whitespace or '/'.",
    "Ports, lineage, exported file names and URLs refer to products by id.",
    Check::Product(product_id),
);

fn product_id(_: &Index, product: &DataProduct, sink: &mut Sink) {
    if let Some(problem) = id_problem(&product.id) {
        sink.emit(
            product_at(product, "id"),
            format!("the id of product '{}' {problem}", product.name),
            "Use a slug such as 'customer-orders': lower-case letters, digits and dashes.",
        );
    }
}

pub const PRODUCT_VERSION: Rule = rule(
    "structure.product-version",
    Severity::Error,
    "A data product's version is not a semantic version (MAJOR.MINOR.PATCH).",
    "Consumers and the contract diff reason about compatibility through semantic versions.",
    Check::Product(product_version),
);

fn product_version(_: &Index, product: &DataProduct, sink: &mut Sink) {
    if !is_semver(&product.version) {
        sink.emit(
            product_at(product, "version"),
            format!("'{}' has version '{}', not MAJOR.MINOR.PATCH", product.name, product.version),
            "Write the version as three numbers, e.g. '1.0.0'.",
        );
    }
}

pub const PORT_REQUIRED: Rule = rule(
    "structure.port-required",
    Severity::Error,
    "A port has no id or no name.",
    "Inputs, use cases and exported specs address ports by id and show them by name.",
    Check::Product(port_required),
);

fn port_required(_: &Index, product: &DataProduct, sink: &mut Sink) {
    let ports = product
        .input_ports
        .iter()
        .enumerate()
        .map(|(i, p)| ("inputPorts", i, &p.id, &p.name))
        .chain(product.output_ports.iter().enumerate().map(|(i, p)| ("outputPorts", i, &p.id, &p.name)))
        .chain(product.management_ports.iter().enumerate().map(|(i, p)| ("managementPorts", i, &p.id, &p.name)));
    for (list, i, id, name) in ports {
        for (field, value) in [("id", id), ("name", name)] {
            if blank(value) {
                sink.emit(
                    product_at(product, format!("{list}[{i}].{field}")),
                    format!("a port of '{}' has no {field}", product.name),
                    format!("Give the port a {field}, e.g. 'orders-table'."),
                );
            }
        }
    }
}

/// Lists up to this long are checked for repeats by comparing each entry with the earlier
/// ones; longer ones use a set.
const SMALL_LIST: usize = 16;

pub const DUPLICATE_PORT_ID: Rule = rule(
    "structure.duplicate-port-id",
    Severity::Error,
    "Two ports of one data product share an id.",
    "Downstream inputs and use cases name a port by product and port id; a shared id is ambiguous.",
    Check::Product(duplicate_port_id),
);

fn duplicate_port_id(_: &Index, product: &DataProduct, sink: &mut Sink) {
    let ports = || {
        product
            .input_ports
            .iter()
            .enumerate()
            .map(|(i, p)| ("inputPorts", i, p.id.as_str()))
            .chain(product.output_ports.iter().enumerate().map(|(i, p)| ("outputPorts", i, p.id.as_str())))
            .chain(product.management_ports.iter().enumerate().map(|(i, p)| ("managementPorts", i, p.id.as_str())))
    };
    let count = product.input_ports.len() + product.output_ports.len() + product.management_ports.len();
    // A product has a handful of ports: comparing each with the earlier ones costs less than
    // allocating a set for every product; many ports still get a set, to stay linear.
    let mut seen = FastSet::default();
    for (k, (list, i, id)) in ports().enumerate() {
        let repeated = if count <= SMALL_LIST {
            ports().take(k).any(|(_, _, earlier)| earlier == id)
        } else {
            !seen.insert(id)
        };
        if !blank(id) && repeated {
            sink.emit(
                product_at(product, format!("{list}[{i}].id")),
                format!("port id '{id}' is used more than once in '{}'", product.name),
                "Rename one of the ports so each id is unique within the product.",
            );
        }
    }
}

pub const SLO_VALUE: Rule = rule(
    "structure.slo-value",
    Severity::Warning,
    "A product SLO has no property, a non-numeric value, or a time unit that is not s/m/h/d/w.",
    "SLOs are checked along lineage (freshness against inputs); that needs numbers and known units.",
    Check::Product(slo_value),
);

fn slo_value(_: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, slo) in product.slos.iter().enumerate() {
        if let Some(problem) = service_level_problem(&slo.property, &slo.value, &slo.unit) {
            sink.emit(
                product_at(product, format!("slos[{i}]")),
                format!("SLO '{}' of '{}' {problem}", slo.property, product.name),
                "Use a property such as 'freshness' with a number and a unit: 'm', 'h' or 'd'.",
            );
        }
    }
}

/// Shared by SLOs and SLA properties: what is wrong with one service level, if anything.
fn service_level_problem(property: &str, value: &serde_json::Value, unit: &str) -> Option<&'static str> {
    let property = trimmed(property);
    if blank(property) {
        return Some("has no property name");
    }
    let is = |names: &[&str]| is_any_of(property, names);
    let timed = is(&["freshness", "latency"]);
    if (timed || is(&["availability", "retention", "frequency"])) && number(value).is_none() {
        return Some("has no numeric value");
    }
    if timed && minutes(value, unit).is_none() {
        return Some("has no time unit (s, m, h, d, w) or a negative value");
    }
    None
}

// ---------------------------------------------------------------- contracts

pub const CONTRACT_NAME: Rule = rule(
    "structure.contract-name",
    Severity::Error,
    "A data contract has no name.",
    "ODCS requires a name; it is what consumers see when they browse contracts.",
    Check::Contract(contract_name),
);

fn contract_name(_: &Index, contract: &DataContract, sink: &mut Sink) {
    if blank(&contract.name) {
        sink.emit(
            contract_at(contract, "name"),
            format!("contract '{}' has no name", contract.id),
            "Name the contract after the data it promises, e.g. 'Orders'.",
        );
    }
}

pub const CONTRACT_ID: Rule = rule(
    "structure.contract-id",
    Severity::Error,
    "A data contract's id is empty or holds whitespace or '/'.",
    "Ports bind contracts by id and lineage references read `contract-id/object.property`.",
    Check::Contract(contract_id),
);

fn contract_id(_: &Index, contract: &DataContract, sink: &mut Sink) {
    if let Some(problem) = id_problem(&contract.id) {
        sink.emit(
            contract_at(contract, "id"),
            format!("the id of contract '{}' {problem}", contract.name),
            "Use a slug such as 'orders': lower-case letters, digits and dashes.",
        );
    }
}

pub const CONTRACT_VERSION: Rule = rule(
    "structure.contract-version",
    Severity::Error,
    "A data contract's version is not a semantic version (MAJOR.MINOR.PATCH).",
    "Ports bind a contract version, and breaking changes must bump the major version.",
    Check::Contract(contract_version),
);

fn contract_version(_: &Index, contract: &DataContract, sink: &mut Sink) {
    if !is_semver(&contract.version) {
        sink.emit(
            contract_at(contract, "version"),
            format!("contract '{}' has version '{}', not MAJOR.MINOR.PATCH", contract.name, contract.version),
            "Write the version as three numbers, e.g. '1.0.0'.",
        );
    }
}

pub const CONTRACT_SCHEMA: Rule = rule(
    "structure.contract-schema",
    Severity::Warning,
    "A data contract describes no schema object.",
    "A contract without a schema promises nothing a consumer can code against.",
    Check::Contract(contract_schema),
);

fn contract_schema(_: &Index, contract: &DataContract, sink: &mut Sink) {
    if contract.schema.is_empty() {
        sink.emit(
            contract_at(contract, "schema"),
            format!("contract '{}' has no schema", contract.name),
            "Add the table, view or topic the contract covers, with its properties.",
        );
    }
}

pub const EMPTY_OBJECT: Rule = rule(
    "structure.empty-object",
    Severity::Warning,
    "A schema object has no properties.",
    "An object without fields cannot be exported as DDL, dbt contracts or JSON Schema.",
    Check::Contract(empty_object),
);

fn empty_object(_: &Index, contract: &DataContract, sink: &mut Sink) {
    for (o, object) in contract.schema.iter().enumerate() {
        if object.properties.is_empty() {
            sink.emit(
                contract_at(contract, format!("schema[{o}].properties")),
                format!("object '{}' of contract '{}' has no properties", object.name, contract.name),
                "Add its columns or fields, or remove the object.",
            );
        }
    }
}

pub const OBJECT_NAME: Rule = rule(
    "structure.object-name",
    Severity::Error,
    "A schema object has no name.",
    "Relationships, lineage and exports address objects by name.",
    Check::Contract(object_name),
);

fn object_name(_: &Index, contract: &DataContract, sink: &mut Sink) {
    for (o, object) in contract.schema.iter().enumerate() {
        if blank(&object.name) {
            sink.emit(
                contract_at(contract, format!("schema[{o}].name")),
                format!("object {o} of contract '{}' has no name", contract.name),
                "Name the object after the table or topic, e.g. 'orders'.",
            );
        }
    }
}

pub const DUPLICATE_OBJECT_NAME: Rule = rule(
    "structure.duplicate-object-name",
    Severity::Error,
    "Two schema objects of one contract share a name.",
    "References such as `orders/orders.order_id` must point at exactly one object.",
    Check::Contract(duplicate_object_name),
);

fn duplicate_object_name(_: &Index, contract: &DataContract, sink: &mut Sink) {
    // Most contracts have one or two objects: comparing with the earlier ones needs no set.
    let small = contract.schema.len() <= SMALL_LIST;
    let mut seen = FastSet::default();
    for (o, object) in contract.schema.iter().enumerate() {
        let repeated = if small {
            contract.schema.iter().take(o).any(|earlier| earlier.name == object.name)
        } else {
            !seen.insert(object.name.as_str())
        };
        if !blank(&object.name) && repeated {
            sink.emit(
                contract_at(contract, format!("schema[{o}].name")),
                format!("object name '{}' appears twice in contract '{}'", object.name, contract.name),
                "Rename or merge one of the objects.",
            );
        }
    }
}

pub const PROPERTY_NAME: Rule = rule(
    "structure.property-name",
    Severity::Error,
    "A schema property has no name.",
    "A field without a name cannot be queried, exported or referenced.",
    Check::Property(property_name),
);

#[inline]
pub(super) fn property_name(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    if blank(&property.name) {
        let object = contract.schema.get(at.object).map_or("", |o| o.name.as_str());
        sink.emit(
            contract_at(contract, at.field("name")),
            format!("a property of '{}' in contract '{}' has no name", object, contract.name),
            "Name the field, e.g. 'customer_id'.",
        );
    }
}

pub const PROPERTY_NAME_FORMAT: Rule = rule(
    "structure.property-name-format",
    Severity::Warning,
    "A property name is not snake_case.",
    "SQL, dbt and most engines fold or quote other spellings; snake_case survives every export.",
    Check::Property(property_name_format),
);

#[inline]
pub(super) fn property_name_format(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    if !blank(&property.name) && !is_snake_case(&property.name) {
        sink.emit(
            contract_at(contract, at.field("name")),
            format!("property name '{}' is not snake_case", property.name),
            format!("Rename it to lower case with underscores, e.g. '{}'.", to_snake_case(&property.name)),
        );
    }
}

/// A snake_case suggestion for a name (`customerId` → `customer_id`).
fn to_snake_case(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() && !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let trimmed = out.trim_end_matches('_');
    if trimmed.starts_with(|c: char| c.is_ascii_lowercase()) {
        trimmed.to_owned()
    } else {
        format!("field_{trimmed}")
    }
}

pub const DUPLICATE_PROPERTY_NAME: Rule = rule(
    "structure.duplicate-property-name",
    Severity::Error,
    "Two properties at one level of an object share a name.",
    "A table cannot have two columns of one name; references to it become ambiguous.",
    Check::Property(duplicate_property_name),
);

/// Runs in the shared property walk: the first property of an object checks the object's
/// list, and every property checks its own nested and item lists.
pub(super) fn duplicate_property_name(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    if at.is_first_in_object() {
        if let Some(object) = contract.schema.get(at.object) {
            report_repeats(contract, sink, &object.properties, || format!("schema[{}]", at.object));
        }
    }
    nested_repeats(contract, at, property, sink);
}

/// The part of [`duplicate_property_name`] that checks a property's own nested and item
/// lists (the schema walk checks the objects' lists from the name hashes it has).
pub(super) fn nested_repeats(contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    report_repeats(contract, sink, &property.properties, || at.path());
    if let Some(items) = &property.items {
        report_repeats(contract, sink, &items.properties, || at.field("items"));
    }
}

/// Reports property `i` of the list at `owner` as a repeat of an earlier sibling's name.
pub(super) fn report_repeat(contract: &DataContract, sink: &mut Sink, owner: &str, i: usize, name: &str) {
    if !blank(name) {
        sink.emit(
            contract_at(contract, format!("{owner}.properties[{i}].name")),
            format!("property '{name}' appears twice in contract '{}'", contract.name),
            "Rename or remove one of the two properties.",
        );
    }
}

/// Reports each property whose name an earlier sibling already has. Short lists hash each
/// name once and compare pairs of hashes, reading two names only when their hashes agree
/// (names of one length are common, so comparing lengths first still called `memcmp` often);
/// long ones use a set, so the cost stays linear.
pub(super) fn report_repeats(contract: &DataContract, sink: &mut Sink, properties: &[Property], owner: impl Fn() -> String) {
    let mut report = |i: usize, name: &str| report_repeat(contract, sink, &owner(), i, name);
    if properties.len() < 2 {
        return;
    }
    if properties.len() <= PAIRWISE_LIMIT {
        let mut hashes = [0u64; PAIRWISE_LIMIT];
        for (hash, property) in hashes.iter_mut().zip(properties) {
            *hash = name_hash(&property.name);
        }
        for (i, property) in properties.iter().enumerate() {
            let hash = hashes.get(i).copied().unwrap_or_default();
            let earlier = hashes.get(..i).unwrap_or_default();
            if earlier.contains(&hash) && properties.iter().take(i).any(|p| p.name == property.name) {
                report(i, &property.name);
            }
        }
    } else {
        let mut seen = FastSet::default();
        for (i, property) in properties.iter().enumerate() {
            if !seen.insert(property.name.as_str()) {
                report(i, &property.name);
            }
        }
    }
}

/// Lists up to this long are checked for repeated names by comparing name hashes pairwise.
pub(super) const PAIRWISE_LIMIT: usize = 32;

pub const LOGICAL_TYPE_MISSING: Rule = rule(
    "structure.logical-type-missing",
    Severity::Warning,
    "A property has no logical type.",
    "Exports (DDL, dbt, JSON Schema) and type checks on enums and examples need the type.",
    Check::Property(logical_type_missing),
);

#[inline]
pub(super) fn logical_type_missing(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    if blank(&property.logical_type) {
        sink.emit(
            contract_at(contract, at.field("logicalType")),
            format!("property '{}' has no logical type", property.name),
            format!("Choose one of: {}.", LOGICAL_TYPES.join(", ")),
        );
    }
}

pub const UNKNOWN_LOGICAL_TYPE: Rule = rule(
    "structure.unknown-logical-type",
    Severity::Error,
    "A property's logical type is not one ODCS knows.",
    "ODCS validators reject other logical types; engine types belong in physicalType.",
    Check::Property(unknown_logical_type),
);

#[inline]
pub(super) fn unknown_logical_type(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    let t = property.logical_type.as_str();
    if !is_logical_type(t) && !blank(t) {
        sink.emit(
            contract_at(contract, at.field("logicalType")),
            format!("property '{}' has logical type '{t}', which ODCS does not know", property.name),
            format!("Use one of {} and put '{t}' in physicalType.", LOGICAL_TYPES.join(", ")),
        );
    }
}

pub const PRIMARY_KEY_NULLABLE: Rule = rule(
    "structure.primary-key-nullable",
    Severity::Warning,
    "A primary key property is not marked required.",
    "A key that may be null identifies nothing; DDL exports would emit a nullable key column.",
    Check::Property(primary_key_nullable),
);

#[inline]
pub(super) fn primary_key_nullable(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    if property.primary_key && !property.required {
        sink.emit(
            contract_at(contract, at.field("required")),
            format!("primary key '{}' is not required", property.name),
            "Mark the property required.",
        );
    }
}

pub const PRIMARY_KEY_POSITION: Rule = rule(
    "structure.primary-key-position",
    Severity::Warning,
    "Primary key positions are set on non-key fields, repeated, below 1, or missing in a composite key.",
    "The order of a composite key matters for DDL and joins; it must be stated once per key field.",
    Check::Contract(primary_key_position),
);

fn primary_key_position(_: &Index, contract: &DataContract, sink: &mut Sink) {
    key_positions(contract, sink, "primaryKeyPosition", |p| (p.primary_key, p.primary_key_position));
}

pub const PARTITION_KEY_POSITION: Rule = rule(
    "structure.partition-key-position",
    Severity::Warning,
    "Partition key positions are set on non-partitioned fields, repeated, below 1, or missing.",
    "Engines partition in the stated order; an ambiguous order yields different layouts per tool.",
    Check::Contract(partition_key_position),
);

fn partition_key_position(_: &Index, contract: &DataContract, sink: &mut Sink) {
    key_positions(contract, sink, "partitionKeyPosition", |p| (p.partitioned, p.partition_key_position));
}

/// Shared by primary and partition keys: per object, over its top-level properties.
fn key_positions(
    contract: &DataContract,
    sink: &mut Sink,
    field: &str,
    key: impl Fn(&Property) -> (bool, Option<i64>),
) {
    for (o, object) in contract.schema.iter().enumerate() {
        // One pass over the fields: how many keys, how many positions are set, and whether a
        // position is set on a non-key or below 1. With at most one key and one position and
        // neither problem there is nothing to report (no repeat, no missing position), and the
        // usual single numbered key needs no second pass and no set.
        let (keys, positioned, misplaced) = object.properties.iter().fold((0, 0, false), |(keys, positioned, misplaced), p| {
            let (is_key, position) = key(p);
            let misplaced = misplaced || position.is_some_and(|n| !is_key || n < 1);
            (keys + usize::from(is_key), positioned + usize::from(position.is_some()), misplaced)
        });
        if keys < 2 && positioned <= 1 && !misplaced {
            continue;
        }
        let mut seen = FastSet::default();
        for (i, property) in object.properties.iter().enumerate() {
            let (is_key, position) = key(property);
            let problem = match position {
                Some(_) if !is_key => Some("is set but the property is not a key"),
                Some(n) if n < 1 => Some("is below 1"),
                Some(n) if !seen.insert(n) => Some("repeats another key field's position"),
                None if is_key && keys > 1 => Some("is missing in a composite key"),
                _ => None,
            };
            if let Some(problem) = problem {
                sink.emit(
                    contract_at(contract, format!("schema[{o}].properties[{i}].{field}")),
                    format!("{field} of '{}' {problem}", property.name),
                    "Number the key fields 1, 2, 3… in key order, and only key fields.",
                );
            }
        }
    }
}

pub const ENUM_TYPE: Rule = rule(
    "structure.enum-type",
    Severity::Warning,
    "An allowed (enum) value does not fit the property's logical type.",
    "A string in an integer enum, say, can never match; consumers and validators disagree on it.",
    Check::Property(enum_type),
);

pub(super) fn enum_type(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    for (i, entry) in property.enum_values.iter().enumerate() {
        if !fits_type(&entry.value, &property.logical_type) {
            sink.emit(
                contract_at(contract, at.field(&format!("enum[{i}]"))),
                format!("enum value {} of '{}' is not a {}", entry.value, property.name, property.logical_type),
                format!("Write the value as a {} or change the logical type.", property.logical_type),
            );
        }
    }
}

pub const EXAMPLES_TYPE: Rule = rule(
    "structure.examples-type",
    Severity::Warning,
    "An example value does not fit the property's logical type.",
    "Examples document the data and seed test fixtures; a wrong-typed example misleads both.",
    Check::Property(examples_type),
);

pub(super) fn examples_type(_: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    for (i, example) in property.examples.iter().enumerate() {
        if !fits_type(example, &property.logical_type) {
            sink.emit(
                contract_at(contract, at.field(&format!("examples[{i}]"))),
                format!("example {example} of '{}' is not a {}", property.name, property.logical_type),
                format!("Write the example as a {} value.", property.logical_type),
            );
        }
    }
}

pub const QUALITY_RULE: Rule = rule(
    "structure.quality-rule",
    Severity::Warning,
    "A quality rule lacks what its type needs (library: metric; sql: query; custom: engine; text: description).",
    "An incomplete rule cannot be run by a quality engine; it only looks like a guarantee.",
    Check::Contract(quality_rule),
);

/// The field a quality rule of its type cannot do without, when it is blank.
fn missing_quality_field(rule: &QualityRule) -> Option<&'static str> {
    match rule.kind {
        QualityKind::Library if blank(&rule.metric) => Some("metric"),
        QualityKind::Sql if blank(&rule.query) => Some("query"),
        QualityKind::Custom if blank(&rule.engine) => Some("engine"),
        QualityKind::Text if blank(&rule.description) => Some("description"),
        _ => None,
    }
}

/// Whether a quality rule of the list lacks what its type needs.
pub(super) fn any_incomplete(rules: &[QualityRule]) -> bool {
    rules.iter().any(|r| missing_quality_field(r).is_some())
}

fn quality_rule(_: &Index, contract: &DataContract, sink: &mut Sink) {
    let on_properties = any_property(contract, |p| any_incomplete(&p.quality));
    report_quality_rules(contract, on_properties, sink);
}

/// [`QUALITY_RULE`] for a contract of which the caller knows whether a property has an
/// incomplete quality rule (the schema walk finds out on its way, so the full check need
/// not walk the properties again).
pub(crate) fn report_quality_rules(contract: &DataContract, on_properties: bool, sink: &mut Sink) {
    // Incomplete rules are rare: find out cheaply before walking with field paths.
    let incomplete =
        on_properties || any_incomplete(&contract.quality) || contract.schema.iter().any(|o| any_incomplete(&o.quality));
    if !incomplete {
        return;
    }
    each_quality_rule(contract, |path, rule| {
        if let Some(field) = missing_quality_field(rule) {
            sink.emit(
                contract_at(contract, format!("{}.{field}", path())),
                format!("a quality rule of contract '{}' has no {field}", contract.name),
                format!("Fill in the rule's {field}, or change its type."),
            );
        }
    });
}

pub const SLA_VALUE: Rule = rule(
    "structure.sla-value",
    Severity::Warning,
    "A contract SLA property has no name, a non-numeric value, or a time unit that is not s/m/h/d/w.",
    "SLAs are compared along lineage and by the contract diff; that needs numbers and known units.",
    Check::Contract(sla_value),
);

fn sla_value(_: &Index, contract: &DataContract, sink: &mut Sink) {
    for (i, sla) in contract.sla.iter().enumerate() {
        if let Some(problem) = service_level_problem(&sla.property, &sla.value, &sla.unit) {
            sink.emit(
                contract_at(contract, format!("sla[{i}]")),
                format!("SLA '{}' of contract '{}' {problem}", sla.property, contract.name),
                "Use a property such as 'latency' with a number and a unit: 'm', 'h' or 'd'.",
            );
        }
    }
}

// ---------------------------------------------------------------- workspace

pub const DUPLICATE_PRODUCT_ID: Rule = rule(
    "structure.duplicate-product-id",
    Severity::Error,
    "Two data products share one id.",
    "Ports, lineage and exported file names refer to products by id; a shared id makes them ambiguous.",
    Check::Workspace(duplicate_product_id),
);

fn duplicate_product_id(index: &Index, sink: &mut Sink) {
    for product in index.duplicate_products() {
        sink.emit(
            product_at(product, "id"),
            format!("product id '{}' is used more than once", product.id),
            "Rename one of the products' ids so each is unique.",
        );
    }
}

pub const DUPLICATE_CONTRACT_ID: Rule = rule(
    "structure.duplicate-contract-id",
    Severity::Error,
    "Two data contracts share one id.",
    "Ports bind contracts by id; two contracts with one id make every binding ambiguous.",
    Check::Workspace(duplicate_contract_id),
);

fn duplicate_contract_id(index: &Index, sink: &mut Sink) {
    for contract in index.duplicate_contracts() {
        sink.emit(
            contract_at(contract, "id"),
            format!("contract id '{}' is used more than once", contract.id),
            "Give one of the contracts a new id (a new version of one contract keeps its id in another workspace or file).",
        );
    }
}

pub const DUPLICATE_CONTEXT_ID: Rule = rule(
    "structure.duplicate-context-id",
    Severity::Error,
    "Two domains, teams, glossary terms, entities, metrics, use cases or source systems share an id.",
    "Products, contracts and properties link to context entries by id; duplicates make links ambiguous.",
    Check::Workspace(duplicate_context_id),
);

fn duplicate_context_id(index: &Index, sink: &mut Sink) {
    let c = &index.workspace.context;
    let s = &c.semantic;
    let lists: [(EntityKind, &str, Vec<&str>); 7] = [
        (EntityKind::Domain, "domain", c.domains.iter().map(|x| x.id.as_str()).collect()),
        (EntityKind::Team, "team", c.teams.iter().map(|x| x.id.as_str()).collect()),
        (EntityKind::GlossaryTerm, "glossary term", c.glossary.iter().map(|x| x.id.as_str()).collect()),
        (EntityKind::Entity, "business entity", s.entities.iter().map(|x| x.id.as_str()).collect()),
        (EntityKind::Metric, "metric", s.metrics.iter().map(|x| x.id.as_str()).collect()),
        (EntityKind::UseCase, "use case", c.use_cases.iter().map(|x| x.id.as_str()).collect()),
        (EntityKind::SourceSystem, "source system", c.source_systems.iter().map(|x| x.id.as_str()).collect()),
    ];
    for (kind, label, ids) in lists {
        let mut seen = FastSet::default();
        for id in ids {
            if !seen.insert(id) {
                sink.emit(
                    Location::new(kind, id, "id"),
                    format!("{label} id '{id}' is used more than once"),
                    format!("Give one of the {label}s a new id, or merge them."),
                );
            }
        }
    }
}

/// Reports a blank required field of a context entry.
fn require(sink: &mut Sink, kind: EntityKind, id: &str, label: &str, field: &str, value: &str) {
    if blank(value) {
        sink.emit(
            Location::new(kind, id, field),
            format!("{label} '{id}' has no {field}"),
            format!("Fill in the {label}'s {field}."),
        );
    }
}

pub const DOMAIN_REQUIRED: Rule = rule(
    "structure.domain-required",
    Severity::Error,
    "A domain has no id or no name.",
    "Products and contracts are grouped and owned by domain; a nameless domain groups nothing.",
    Check::Workspace(domain_required),
);

fn domain_required(index: &Index, sink: &mut Sink) {
    for d in &index.workspace.context.domains {
        require(sink, EntityKind::Domain, &d.id, "domain", "id", &d.id);
        require(sink, EntityKind::Domain, &d.id, "domain", "name", &d.name);
    }
}

pub const TEAM_REQUIRED: Rule = rule(
    "structure.team-required",
    Severity::Error,
    "A team has no id or no name.",
    "Ownership is assigned to teams by id and shown by name.",
    Check::Workspace(team_required),
);

fn team_required(index: &Index, sink: &mut Sink) {
    for t in &index.workspace.context.teams {
        require(sink, EntityKind::Team, &t.id, "team", "id", &t.id);
        require(sink, EntityKind::Team, &t.id, "team", "name", &t.name);
    }
}

pub const GLOSSARY_REQUIRED: Rule = rule(
    "structure.glossary-required",
    Severity::Error,
    "A glossary term has no id or no term.",
    "Properties link to terms by id; the term is the word people search for.",
    Check::Workspace(glossary_required),
);

fn glossary_required(index: &Index, sink: &mut Sink) {
    for g in &index.workspace.context.glossary {
        require(sink, EntityKind::GlossaryTerm, &g.id, "glossary term", "id", &g.id);
        require(sink, EntityKind::GlossaryTerm, &g.id, "glossary term", "term", &g.term);
    }
}

pub const GLOSSARY_DEFINITION: Rule = rule(
    "structure.glossary-definition",
    Severity::Warning,
    "A glossary term has no definition.",
    "Business context is the point of the glossary; a term without a definition adds a word, not meaning.",
    Check::Workspace(glossary_definition),
);

fn glossary_definition(index: &Index, sink: &mut Sink) {
    for g in &index.workspace.context.glossary {
        require(sink, EntityKind::GlossaryTerm, &g.id, "glossary term", "definition", &g.definition);
    }
}

pub const METRIC_REQUIRED: Rule = rule(
    "structure.metric-required",
    Severity::Error,
    "A metric has no id, no name, or neither measures nor an expression.",
    "A metric must say what it computes, or semantic-layer exports (dbt metrics) cannot be generated.",
    Check::Workspace(metric_required),
);

fn metric_required(index: &Index, sink: &mut Sink) {
    for m in &index.workspace.context.semantic.metrics {
        require(sink, EntityKind::Metric, &m.id, "metric", "id", &m.id);
        require(sink, EntityKind::Metric, &m.id, "metric", "name", &m.name);
        if m.measures.is_empty() && blank(&m.expression) {
            sink.emit(
                Location::new(EntityKind::Metric, &m.id, "measures"),
                format!("metric '{}' names no measure and no expression", m.id),
                "Pick the measures it is computed from, or write its expression.",
            );
        }
    }
}

pub const CONTEXT_REQUIRED: Rule = rule(
    "structure.context-required",
    Severity::Error,
    "A business entity, dimension, measure, use case or source system has no id or no name.",
    "Everything in the context is linked by id and shown by name on the canvas and in exports.",
    Check::Workspace(context_required),
);

fn context_required(index: &Index, sink: &mut Sink) {
    let c = &index.workspace.context;
    for e in &c.semantic.entities {
        require(sink, EntityKind::Entity, &e.id, "business entity", "id", &e.id);
        require(sink, EntityKind::Entity, &e.id, "business entity", "name", &e.name);
        for (i, d) in e.dimensions.iter().enumerate() {
            require(sink, EntityKind::Entity, &e.id, "business entity", &format!("dimensions[{i}].id"), &d.id);
            require(sink, EntityKind::Entity, &e.id, "business entity", &format!("dimensions[{i}].name"), &d.name);
        }
        for (i, m) in e.measures.iter().enumerate() {
            require(sink, EntityKind::Entity, &e.id, "business entity", &format!("measures[{i}].id"), &m.id);
            require(sink, EntityKind::Entity, &e.id, "business entity", &format!("measures[{i}].name"), &m.name);
        }
    }
    for u in &c.use_cases {
        require(sink, EntityKind::UseCase, &u.id, "use case", "id", &u.id);
        require(sink, EntityKind::UseCase, &u.id, "use case", "name", &u.name);
    }
    for s in &c.source_systems {
        require(sink, EntityKind::SourceSystem, &s.id, "source system", "id", &s.id);
        require(sink, EntityKind::SourceSystem, &s.id, "source system", "name", &s.name);
    }
}


#[cfg(test)]
pub(crate) mod tests {
    use dpstudio_model::*;

    use crate::rules::testing::{assert_cases, assert_silent, Case};

    pub(crate) const CASES: &[Case] = &[
        ("structure.product-name", "name", |ws| ws.products[0].name = "  ".into()),
        ("structure.product-id", "id", |ws| ws.products[0].id = "my orders".into()),
        ("structure.product-version", "version", |ws| ws.products[0].version = "1.0".into()),
        ("structure.port-required", "outputPorts[0].name", |ws| ws.products[0].output_ports[0].name.clear()),
        ("structure.duplicate-port-id", "outputPorts[0].id", |ws| {
            ws.products[0].output_ports[0].id = "webshop-db".into()
        }),
        ("structure.slo-value", "slos[0]", |ws| ws.products[0].slos[0].unit = "fortnights".into()),
        ("structure.contract-name", "name", |ws| ws.contracts[0].name.clear()),
        ("structure.contract-id", "id", |ws| ws.contracts[1].id = "a/b".into()),
        ("structure.contract-version", "version", |ws| ws.contracts[0].version = "v1".into()),
        ("structure.contract-schema", "schema", |ws| ws.contracts[1].schema.clear()),
        ("structure.empty-object", "schema[0].properties", |ws| ws.contracts[1].schema[0].properties.clear()),
        ("structure.object-name", "schema[0].name", |ws| ws.contracts[1].schema[0].name.clear()),
        ("structure.duplicate-object-name", "schema[1].name", |ws| {
            let copy = ws.contracts[1].schema[0].clone();
            ws.contracts[1].schema.push(copy);
        }),
        ("structure.property-name", "schema[0].properties[1].name", |ws| {
            ws.contracts[0].schema[0].properties[1].name.clear()
        }),
        ("structure.property-name-format", "schema[0].properties[1].name", |ws| {
            ws.contracts[0].schema[0].properties[1].name = "orderedAt".into()
        }),
        ("structure.duplicate-property-name", "schema[0].properties[2].name", |ws| {
            ws.contracts[0].schema[0].properties[2].name = "order_id".into()
        }),
        ("structure.duplicate-property-name", "schema[0].properties[0].properties[1].name", |ws| {
            // Nested fields are checked per level too.
            let nested = vec![Property { name: "x".into(), ..Default::default() }; 2];
            ws.contracts[0].schema[0].properties[0].properties = nested;
        }),
        ("structure.logical-type-missing", "schema[0].properties[1].logicalType", |ws| {
            ws.contracts[0].schema[0].properties[1].logical_type.clear()
        }),
        ("structure.unknown-logical-type", "schema[0].properties[1].logicalType", |ws| {
            ws.contracts[0].schema[0].properties[1].logical_type = "varchar".into()
        }),
        ("structure.primary-key-nullable", "schema[0].properties[0].required", |ws| {
            ws.contracts[0].schema[0].properties[0].required = false
        }),
        ("structure.primary-key-position", "schema[0].properties[1].primaryKeyPosition", |ws| {
            ws.contracts[0].schema[0].properties[1].primary_key_position = Some(1)
        }),
        ("structure.primary-key-position", "schema[0].properties[1].primaryKeyPosition", |ws| {
            // A composite key must number every key field.
            let props = &mut ws.contracts[0].schema[0].properties;
            props[0].primary_key_position = Some(1);
            props[1].primary_key = true;
        }),
        ("structure.partition-key-position", "schema[0].properties[0].partitionKeyPosition", |ws| {
            ws.contracts[0].schema[0].properties[0].partition_key_position = Some(1)
        }),
        ("structure.enum-type", "schema[0].properties[3].enum[1]", |ws| {
            ws.contracts[0].schema[0].properties[3].enum_values[1] = EnumValue::new(3)
        }),
        ("structure.examples-type", "schema[0].properties[2].examples[0]", |ws| {
            ws.contracts[0].schema[0].properties[2].examples = vec!["12.5".into()]
        }),
        ("structure.quality-rule", "schema[0].quality[0].metric", |ws| ws.contracts[0].schema[0].quality[0].metric.clear()),
        ("structure.sla-value", "sla[0]", |ws| ws.contracts[0].sla[0].value = "soon".into()),
        ("structure.duplicate-product-id", "id", |ws| {
            let copy = ws.products[0].clone();
            ws.products.push(copy);
        }),
        ("structure.duplicate-contract-id", "id", |ws| {
            let copy = ws.contracts[0].clone();
            ws.contracts.push(copy);
        }),
        ("structure.duplicate-context-id", "id", |ws| {
            let copy = ws.context.glossary[0].clone();
            ws.context.glossary.push(copy);
        }),
        ("structure.domain-required", "name", |ws| ws.context.domains[0].name.clear()),
        ("structure.team-required", "name", |ws| ws.context.teams[0].name.clear()),
        ("structure.glossary-required", "term", |ws| ws.context.glossary[0].term.clear()),
        ("structure.glossary-definition", "definition", |ws| ws.context.glossary[1].definition.clear()),
        ("structure.metric-required", "measures", |ws| ws.context.semantic.metrics[0].measures.clear()),
        ("structure.context-required", "name", |ws| ws.context.use_cases[0].name.clear()),
        ("structure.context-required", "measures[0].id", |ws| {
            ws.context.semantic.entities[0].measures[0].id.clear()
        }),
    ];

    #[test]
    fn each_structure_rule_fires_on_its_edit() {
        assert_cases(CASES);
    }

    #[test]
    fn structure_rules_stay_silent_on_near_misses() {
        assert_silent(&[
            ("structure.primary-key-position", |ws| {
                let props = &mut ws.contracts[0].schema[0].properties;
                props[0].primary_key_position = Some(1);
                props[1].primary_key = true;
                props[1].primary_key_position = Some(2);
            }),
            ("structure.property-name-format", |ws| ws.contracts[0].schema[0].properties[1].name = "line2_total".into()),
            ("structure.enum-type", |ws| {
                let p = &mut ws.contracts[0].schema[0].properties[3];
                p.logical_type = "integer".into();
                p.enum_values = vec![EnumValue::new(1), EnumValue::new(2)];
            }),
            ("structure.product-version", |ws| ws.products[0].version = "2.0.0-rc.1+build.7".into()),
            ("structure.slo-value", |ws| ws.products[0].slos[0].value = "15".into()),
            ("structure.duplicate-property-name", |ws| {
                // Same name at different levels is fine.
                let nested = vec![Property { name: "order_id".into(), logical_type: "string".into(), ..Default::default() }];
                ws.contracts[0].schema[0].properties[0].properties = nested;
            }),
        ]);
    }

    #[test]
    fn snake_case_suggestion_is_snake_case() {
        assert_eq!(super::to_snake_case("customerId"), "customer_id");
        assert_eq!(super::to_snake_case("Order ID"), "order_i_d");
        assert_eq!(super::to_snake_case("2nd"), "field_2nd");
    }
}
