//! The top level of an ODPS document.

use dpstudio_model::{slugify, Context, DataProduct, Domain, ProductKind, Status};
use serde_json::{Map, Value};

use super::{ports, ImportedProduct, EXPORT_VERSION, FMT, IMPORT_VERSIONS};
use crate::common::{self, put_str, put_strings};
use crate::error::FormatError;
use crate::fields::Fields;
use crate::hints;
use crate::yaml::Document;

const HEADER: common::Header = common::Header {
    standard: "ODPS",
    noun: "data product",
    kind: "DataProduct",
    example: "v1.1.0",
    expected: "v1.0.0 or v1.1.0",
    versions: &IMPORT_VERSIONS,
};

const OWN_KEYS: [&str; 2] = ["apiVersion", "kind"];

pub fn read(doc: &Document) -> Result<ImportedProduct, FormatError> {
    let mut f = Fields::of(doc, "", doc.value.clone(), "an ODPS document")?;
    let api_version = common::check_header(&mut f, &HEADER)?;
    // The document as written (Fields reads a copy of it).
    let no_map = Map::new();
    let original = doc.value.as_object().unwrap_or(&no_map);
    let mut context = Context::default();

    let name = f.text("name")?;
    let id = match f.string("id")? {
        Some(id) => id,
        None => slugify(if name.is_empty() { "product" } else { &name }),
    };
    let version = f.string("version")?.unwrap_or_else(|| "0.1.0".to_owned());
    let status = f.string("status")?;
    let status = status.as_deref().and_then(Status::parse).unwrap_or_default();
    let kind = match f.string("type")?.as_deref() {
        Some("aggregate") => ProductKind::Aggregate,
        Some("consumerAligned") => ProductKind::ConsumerAligned,
        _ => ProductKind::SourceAligned,
    };
    let domain = f.string("domain")?.map(|raw| {
        let id = slugify(&raw);
        context.domains.push(Domain { id: id.clone(), name: raw, ..Default::default() });
        id
    });
    let (purpose, description) = match f.object("description")? {
        Some(mut d) => (d.text("purpose")?, d.text("usage")?),
        None => (String::new(), String::new()),
    };
    let owner_team = common::read_team(&mut f)?.map(|t| {
        let id = t.id.clone();
        context.teams.push(t);
        id
    });
    let input_ports = ports::read_inputs(&mut f)?;
    let output_ports = ports::read_outputs(&mut f, &input_ports)?;
    let mut product = DataProduct {
        id,
        name,
        version,
        status,
        kind,
        domain,
        owner_team,
        purpose,
        description,
        tags: f.strings("tags")?,
        input_ports,
        output_ports,
        management_ports: ports::read_management(&mut f)?,
        support: common::read_support(&mut f, FMT)?,
        custom_properties: common::read_custom_properties(&mut f, FMT)?,
        ..Default::default()
    };
    product.extra = f.rest();
    // ODPS 1.1 has no SLOs: they travel as the custom property `slos`.
    let slos = common::take_custom(&mut product.custom_properties, "slos", |v| {
        serde_json::from_value::<Vec<dpstudio_model::Slo>>(v.clone()).is_ok_and(|l| !l.is_empty())
    });
    product.slos = slos.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default();

    let mut rendered = render_map(&product, &context);
    hints::finish(&mut rendered, &product.extra, FMT.hint_key);
    hints::record(original, &rendered, &mut product.extra, FMT.hint_key, &OWN_KEYS);
    Ok(ImportedProduct { product, context, api_version })
}


pub fn render(product: &DataProduct, context: &Context) -> Value {
    let mut out = render_map(product, context);
    hints::finish(&mut out, &product.extra, FMT.hint_key);
    Value::Object(out)
}

fn render_map(p: &DataProduct, context: &Context) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("apiVersion".to_owned(), Value::String(EXPORT_VERSION.to_owned()));
    out.insert("kind".to_owned(), Value::String("DataProduct".to_owned()));
    out.insert("id".to_owned(), Value::String(p.id.clone()));
    put_str(&mut out, "name", &p.name);
    out.insert("version".to_owned(), Value::String(p.version.clone()));
    out.insert("status".to_owned(), Value::String(p.status.as_str().to_owned()));
    let kind = match p.kind {
        ProductKind::SourceAligned => "sourceAligned",
        ProductKind::Aggregate => "aggregate",
        ProductKind::ConsumerAligned => "consumerAligned",
    };
    out.insert("type".to_owned(), Value::String(kind.to_owned()));
    if let Some(domain) = &p.domain {
        let name = context.domains.iter().find(|d| &d.id == domain).map_or(domain.as_str(), |d| d.name.as_str());
        put_str(&mut out, "domain", name);
    }
    let mut description = Map::new();
    put_str(&mut description, "purpose", &p.purpose);
    put_str(&mut description, "usage", &p.description);
    if !description.is_empty() {
        out.insert("description".to_owned(), Value::Object(description));
    }
    put_strings(&mut out, "tags", &p.tags);
    common::put_list(&mut out, "inputPorts", p.input_ports.iter().map(ports::render_input).collect());
    common::put_list(&mut out, "outputPorts", p.output_ports.iter().map(|o| ports::render_output(o, &p.input_ports)).collect());
    common::put_list(&mut out, "managementPorts", p.management_ports.iter().map(ports::render_management).collect());
    common::put_list(&mut out, "support", p.support.iter().map(|s| common::render_support(s, FMT)).collect());
    if let Some(team) = p.owner_team.as_ref().and_then(|id| context.teams.iter().find(|t| &t.id == id)) {
        out.insert("team".to_owned(), Value::Object(common::render_team(team)));
    }
    let mut custom = p.custom_properties.clone();
    if !p.slos.is_empty() {
        custom.push(common::custom("slos", serde_json::to_value(&p.slos).unwrap_or(Value::Null)));
    }
    common::put_custom_properties(&mut out, &custom, FMT);
    out
}
