//! The top level of a DCS document: `info`, `servers` (a mapping by name), `terms`, `models`.

use dpstudio_model::{slugify, Context, ContractDescription, DataContract, Server, Status, Team};
use serde_json::{Map, Value};

use super::{models, ImportedContract, EXPORT_VERSION, FMT};
use crate::common::{put_str, put_strings};
use crate::error::{ErrorKind, FormatError};
use crate::fields::Fields;
use crate::hints;
use crate::yaml::Document;

pub fn read(doc: &Document) -> Result<ImportedContract, FormatError> {
    let mut f = Fields::of(doc, "", doc.value.clone(), "a data contract")?;
    let spec_version = match f.value("dataContractSpecification") {
        Some(Value::String(v)) if v.starts_with("0.9") || v.starts_with("1.") => v,
        Some(Value::String(v)) => {
            return Err(doc.error(
                ErrorKind::WrongDocument,
                "/dataContractSpecification",
                format!("unsupported Data Contract Specification version \"{v}\": this importer reads 0.9.x and 1.x"),
            ))
        }
        Some(_) => return Err(doc.error(ErrorKind::WrongDocument, "/dataContractSpecification", "`dataContractSpecification` must be text such as \"1.2.1\"")),
        None => {
            return Err(doc.error(
                ErrorKind::WrongDocument,
                "",
                "not a Data Contract Specification document: it has no `dataContractSpecification` version",
            ))
        }
    };
    // The document as written (Fields reads a copy of it).
    let no_map = Map::new();
    let original = doc.value.as_object().unwrap_or(&no_map);
    let mut context = Context::default();
    let id = f.text("id")?;
    let mut contract = DataContract { id, ..Default::default() };
    if let Some(mut info) = f.object("info")? {
        contract.name = info.text("title")?;
        contract.version = info.string("version")?.unwrap_or_else(|| "0.1.0".to_owned());
        let status = info.string("status")?;
        contract.status = status.as_deref().and_then(Status::parse).unwrap_or_default();
        contract.description.purpose = info.text("description")?;
        if let Some(owner) = info.string("owner")? {
            let team = Team { id: slugify(&owner), name: owner, ..Default::default() };
            contract.team = Some(team.id.clone());
            context.teams.push(team);
        }
    }
    if let Some(mut terms) = f.object("terms")? {
        contract.description.usage = terms.text("usage")?;
        contract.description.limitations = terms.text("limitations")?;
    }
    contract.servers = read_servers(&mut f)?;
    contract.schema = models::read(&mut f)?;
    contract.tags = f.strings("tags")?;

    let rendered = render_map(&contract, &context);
    hints::record(original, &rendered, &mut contract.extra, FMT.hint_key, &[]);
    Ok(ImportedContract { contract, context, spec_version })
}

fn read_servers(f: &mut Fields<'_>) -> Result<Vec<Server>, FormatError> {
    let mut out = Vec::new();
    for (name, path, value) in f.entries("servers")? {
        let original = value.as_object().cloned().unwrap_or_default();
        let mut s = Fields::of(f.doc(), &path, value, "a server")?;
        let mut server = Server {
            server: name,
            kind: s.text("type")?,
            environment: s.text("environment")?,
            description: s.text("description")?,
            ..Default::default()
        };
        // Connection details are named as in ODCS and kept typed-adjacent; DCS-only `roles`
        // stays in the hint.
        s.value("roles");
        server.extra = s.rest();
        let rendered = render_server(&server);
        hints::record(&original, &rendered, &mut server.extra, FMT.hint_key, &[]);
        out.push(server);
    }
    Ok(out)
}

fn render_server(s: &Server) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("type".to_owned(), Value::String(s.kind.clone()));
    put_str(&mut out, "environment", &s.environment);
    put_str(&mut out, "description", &s.description);
    hints::finish(&mut out, &s.extra, FMT.hint_key);
    out
}

pub fn render(contract: &DataContract, context: &Context) -> Value {
    let mut out = render_map(contract, context);
    hints::apply(&mut out, &contract.extra, FMT.hint_key);
    Value::Object(out)
}

/// The typed fields as DCS. An imported document's own `dataContractSpecification` version
/// differs from [`EXPORT_VERSION`] and is therefore kept by its hint.
fn render_map(c: &DataContract, context: &Context) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("dataContractSpecification".to_owned(), Value::String(EXPORT_VERSION.to_owned()));
    out.insert("id".to_owned(), Value::String(c.id.clone()));
    let mut info = Map::new();
    info.insert("title".to_owned(), Value::String(c.name.clone()));
    info.insert("version".to_owned(), Value::String(c.version.clone()));
    let ContractDescription { purpose, usage, limitations } = &c.description;
    put_str(&mut info, "description", purpose);
    if let Some(team) = &c.team {
        let name = context.teams.iter().find(|t| &t.id == team).map_or(team.as_str(), |t| t.name.as_str());
        put_str(&mut info, "owner", name);
    }
    out.insert("info".to_owned(), Value::Object(info));
    if !c.servers.is_empty() {
        let servers: Map<String, Value> =
            c.servers.iter().map(|s| (s.server.clone(), Value::Object(render_server(s)))).collect();
        out.insert("servers".to_owned(), Value::Object(servers));
    }
    let mut terms = Map::new();
    put_str(&mut terms, "usage", usage);
    put_str(&mut terms, "limitations", limitations);
    if !terms.is_empty() {
        out.insert("terms".to_owned(), Value::Object(terms));
    }
    if !c.schema.is_empty() {
        let models: Map<String, Value> = c.schema.iter().map(|o| (o.name.clone(), Value::Object(models::render(o)))).collect();
        out.insert("models".to_owned(), Value::Object(models));
    }
    put_strings(&mut out, "tags", &c.tags);
    out
}
