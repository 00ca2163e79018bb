//! The top level of an ODCS document.

use dpstudio_model::{slugify, Context, DataContract, DataProduct, Domain, Status, Workspace};
use serde_json::{Map, Value};

use super::{parts, quality, schema, OdcsVersion, FMT, IMPORT_VERSIONS};
use crate::common::{self, put_str, put_strings};
use crate::error::FormatError;
use crate::fields::Fields;
use crate::hints;
use crate::yaml::Document;

use super::ImportedContract;

const HEADER: common::Header = common::Header {
    standard: "ODCS",
    noun: "data contract",
    kind: "DataContract",
    example: "v3.1.0",
    expected: "v3.0.x, v3.1.0 or v3.2.0",
    versions: &IMPORT_VERSIONS,
};

/// What export needs from the workspace: names for the ids a contract holds.
pub struct Lookup<'a> {
    pub context: &'a Context,
    pub products: &'a [DataProduct],
}

impl<'a> Lookup<'a> {
    pub fn of(w: &'a Workspace) -> Self {
        Lookup { context: &w.context, products: &w.products }
    }
}

/// Keys export sets itself rather than from the contract.
const OWN_KEYS: [&str; 2] = ["apiVersion", "kind"];

pub fn read(doc: &Document) -> Result<ImportedContract, FormatError> {
    let mut f = Fields::of(doc, "", doc.value.clone(), "an ODCS document")?;
    let api_version = common::check_header(&mut f, &HEADER)?;
    // The document as written (Fields reads a copy of it).
    let no_map = Map::new();
    let original = doc.value.as_object().unwrap_or(&no_map);
    let mut context = Context::default();

    let name = f.text("name")?;
    let id = match f.string("id")? {
        Some(id) => id,
        None => slugify(if name.is_empty() { "contract" } else { &name }),
    };
    let version = f.string("version")?.unwrap_or_else(|| "0.1.0".to_owned());
    let status = f.string("status")?;
    let status = status.as_deref().and_then(Status::parse).unwrap_or_default();
    let domain = f.string("domain")?.map(|raw| {
        let id = slugify(&raw);
        context.domains.push(Domain { id: id.clone(), name: raw, ..Default::default() });
        id
    });
    let data_product = f.string("dataProduct")?.map(|raw| slugify(&raw));
    let tenant = f.text("tenant")?;
    let description = parts::read_description(&mut f)?;
    let team = if matches!(f.peek("team"), Some(Value::Array(_))) {
        // ODCS 3.0 lists members without a team object: nothing to name; the hint keeps it.
        f.value("team");
        None
    } else {
        common::read_team(&mut f)?.map(|t| {
            let id = t.id.clone();
            context.teams.push(t);
            id
        })
    };
    let mut contract = DataContract {
        id,
        name,
        version,
        status,
        domain,
        data_product,
        tenant,
        description,
        schema: schema::read_objects(&mut f)?,
        sla: parts::read_sla(&mut f)?,
        servers: parts::read_servers(&mut f)?,
        support: common::read_support(&mut f, FMT)?,
        team,
        roles: parts::read_roles(&mut f)?,
        price: parts::read_price(&mut f)?,
        tags: f.strings("tags")?,
        custom_properties: common::read_custom_properties(&mut f, FMT)?,
        ..Default::default()
    };
    contract.extra = f.rest();

    let implied = Lookup { context: &context, products: &[] };
    let mut rendered = render_map(&contract, &implied, OdcsVersion::V3_2_0);
    hints::finish(&mut rendered, &contract.extra, FMT.hint_key);
    hints::record(original, &rendered, &mut contract.extra, FMT.hint_key, &OWN_KEYS);
    Ok(ImportedContract { contract, context, api_version })
}


pub fn render(contract: &DataContract, lookup: &Lookup<'_>, version: OdcsVersion) -> Value {
    let mut out = render_map(contract, lookup, version);
    hints::finish(&mut out, &contract.extra, FMT.hint_key);
    Value::Object(out)
}

/// The typed fields as ODCS, before unknown fields and hints are merged in.
fn render_map(c: &DataContract, lookup: &Lookup<'_>, version: OdcsVersion) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("apiVersion".to_owned(), Value::String(version.api_version().to_owned()));
    out.insert("kind".to_owned(), Value::String("DataContract".to_owned()));
    out.insert("id".to_owned(), Value::String(c.id.clone()));
    put_str(&mut out, "name", &c.name);
    out.insert("version".to_owned(), Value::String(c.version.clone()));
    out.insert("status".to_owned(), Value::String(c.status.as_str().to_owned()));
    if let Some(domain) = &c.domain {
        let name = lookup.context.domains.iter().find(|d| &d.id == domain).map_or(domain.as_str(), |d| d.name.as_str());
        put_str(&mut out, "domain", name);
    }
    if let Some(product) = &c.data_product {
        let name = lookup.products.iter().find(|p| &p.id == product).map_or(product.as_str(), |p| p.name.as_str());
        put_str(&mut out, "dataProduct", name);
    }
    put_str(&mut out, "tenant", &c.tenant);
    if let Some(d) = parts::render_description(&c.description) {
        out.insert("description".to_owned(), Value::Object(d));
    }
    let mut objects: Vec<Map<String, Value>> = c.schema.iter().map(schema::render_object).collect();
    // ODCS 3 has no contract-level quality: such rules are checked on the first schema object,
    // where the tools that run ODCS quality rules find them.
    if let Some(first) = objects.first_mut() {
        if !c.quality.is_empty() {
            let rules = c.quality.iter().map(|q| Value::Object(quality::render(q, FMT)));
            match first.get_mut("quality") {
                Some(Value::Array(list)) => list.extend(rules),
                _ => {
                    first.insert("quality".to_owned(), Value::Array(rules.collect()));
                }
            }
        }
    }
    common::put_list(&mut out, "schema", objects);
    common::put_list(&mut out, "slaProperties", c.sla.iter().map(parts::render_sla).collect());
    common::put_list(&mut out, "servers", c.servers.iter().map(parts::render_server).collect());
    common::put_list(&mut out, "support", c.support.iter().map(|s| common::render_support(s, FMT)).collect());
    if let Some(team) = c.team.as_ref().and_then(|id| lookup.context.teams.iter().find(|t| &t.id == id)) {
        out.insert("team".to_owned(), Value::Object(common::render_team(team)));
    }
    common::put_list(&mut out, "roles", c.roles.iter().map(parts::render_role).collect());
    if let Some(price) = &c.price {
        out.insert("price".to_owned(), Value::Object(parts::render_price(price)));
    }
    put_strings(&mut out, "tags", &c.tags);
    common::put_custom_properties(&mut out, &c.custom_properties, FMT);
    out
}
