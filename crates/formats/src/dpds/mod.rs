//! Open Data Mesh Data Product Descriptor Specification (DPDS) 1.0.0: one JSON descriptor per
//! data product. Ports' promises point at the product's ODCS contracts in the repo bundle
//! (`products/<id>/<id>.dpds.json` → `../../contracts/<id>.odcs.yaml`) rather than repeating
//! them; what DPDS has no slot for travels as `x-` extensions, which the schema allows.

mod ports;

use dpstudio_model::{DataProduct, ProductKind, Workspace};
use serde_json::{json, Map, Value};

use crate::common::put_str;

/// The version of the specification exports declare.
pub const VERSION: &str = "1.0.0";

/// The descriptor of `product`; `workspace` resolves domain, team, contracts and use cases.
pub fn to_value(product: &DataProduct, workspace: &Workspace) -> Value {
    let fqn = fully_qualified_name(product, workspace);
    let mut out = Map::new();
    out.insert("dataProductDescriptor".into(), json!(VERSION));
    out.insert("info".into(), Value::Object(info(product, workspace, &fqn)));
    out.insert("interfaceComponents".into(), Value::Object(ports::interface(product, workspace, &fqn)));
    if !product.tags.is_empty() {
        out.insert("tags".into(), json!(product.tags));
    }
    Value::Object(out)
}

/// The descriptor as pretty-printed JSON.
pub fn export(product: &DataProduct, workspace: &Workspace) -> String {
    // Serialising a `Value` cannot fail; an empty object is a safe fallback.
    let mut text = serde_json::to_string_pretty(&to_value(product, workspace)).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// The file of `product` in the repo bundle, and the ODCS file of a contract relative to it.
pub fn path(product_id: &str) -> String {
    let stem = file_stem(product_id);
    format!("products/{stem}/{stem}.dpds.json")
}

pub(crate) fn contract_ref(contract_id: &str) -> String {
    format!("../../contracts/{}.odcs.yaml", file_stem(contract_id))
}

/// The bundle's file-name alphabet (the CLI writes contracts under the same stems): ids from
/// imports may hold anything, file names keep letters, digits, `-`, `_` and `.`.
pub fn file_stem(id: &str) -> String {
    let stem: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' { c } else { '-' }).collect();
    let stem = stem.trim_matches('.').to_owned();
    if stem.is_empty() { "item".to_owned() } else { stem }
}

/// `urn:dpds:<workspace>:dataproducts:<product>:<major version>`, as the specification's
/// examples spell it.
fn fully_qualified_name(product: &DataProduct, workspace: &Workspace) -> String {
    let major = product.version.split('.').next().filter(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_digit())).unwrap_or("0");
    let org = if workspace.id.is_empty() { dpstudio_model::slugify(&workspace.name) } else { urn_part(&workspace.id) };
    format!("urn:dpds:{org}:dataproducts:{}:{major}", urn_part(&product.id))
}

/// A URN segment: no `:` (the separator), no spaces.
pub(crate) fn urn_part(text: &str) -> String {
    let part: String = text.chars().map(|c| if c == ':' || c.is_whitespace() { '-' } else { c }).collect();
    if part.is_empty() { "item".into() } else { part }
}

fn info(product: &DataProduct, workspace: &Workspace, fqn: &str) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("fullyQualifiedName".into(), json!(fqn));
    out.insert("entityType".into(), json!("dataproduct"));
    out.insert("name".into(), json!(product.id));
    out.insert("version".into(), json!(product.version));
    put_str(&mut out, "displayName", &product.name);
    let description = match (product.purpose.is_empty(), product.description.is_empty()) {
        (false, false) => format!("{}\n\n{}", product.purpose, product.description),
        (false, true) => product.purpose.clone(),
        _ => product.description.clone(),
    };
    put_str(&mut out, "description", &description);
    // DPDS requires a domain and an owner; a product without them says so rather than failing.
    let domain = product.domain.as_deref().map(|d| workspace.domain_name(d).unwrap_or(d)).unwrap_or("unassigned");
    out.insert("domain".into(), json!(domain));
    out.insert("owner".into(), owner(product, workspace));
    let contacts: Vec<Value> = product
        .support
        .iter()
        .map(|s| {
            let mut c = Map::new();
            put_str(&mut c, "name", &s.channel);
            put_str(&mut c, "channel", &s.tool);
            put_str(&mut c, "address", if s.url.is_empty() { &s.channel } else { &s.url });
            put_str(&mut c, "description", &s.description);
            Value::Object(c)
        })
        .collect();
    if !contacts.is_empty() {
        out.insert("contactPoints".into(), Value::Array(contacts));
    }
    out.insert("x-status".into(), json!(product.status.as_str()));
    let kind = match product.kind {
        ProductKind::SourceAligned => "sourceAligned",
        ProductKind::Aggregate => "aggregate",
        ProductKind::ConsumerAligned => "consumerAligned",
    };
    out.insert("x-productType".into(), json!(kind));
    if !product.slos.is_empty() {
        out.insert("x-slos".into(), serde_json::to_value(&product.slos).unwrap_or(Value::Null));
    }
    out
}

/// The owner: the owning team's product owner (by e-mail), else the team itself.
fn owner(product: &DataProduct, workspace: &Workspace) -> Value {
    let team = product.owner_team.as_deref().and_then(|id| workspace.context.teams.iter().find(|t| t.id == id));
    match team {
        Some(t) => {
            let person = t.members.iter().find(|m| m.role.to_lowercase().contains("owner") && !m.email.is_empty());
            match person {
                Some(p) => json!({ "id": p.email, "name": p.name, "x-team": t.name }),
                None => json!({ "id": t.id, "name": t.name }),
            }
        }
        None => match &product.owner_team {
            Some(id) => json!({ "id": id }),
            None => json!({ "id": "unassigned" }),
        },
    }
}
