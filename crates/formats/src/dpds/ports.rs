//! DPDS interface components: input and output ports whose promises reference the ODCS
//! contract files, and management ports as observability ports.

use dpstudio_model::{DataContract, DataProduct, InputSource, OutputPort, PortKind, Workspace};
use serde_json::{json, Map, Value};

use super::{contract_ref, urn_part};
use crate::common::put_str;
use crate::odcs::OdcsVersion;

pub fn interface(product: &DataProduct, workspace: &Workspace, fqn: &str) -> Map<String, Value> {
    let mut out = Map::new();
    let inputs: Vec<Value> = product.input_ports.iter().map(|p| {
        let contract = p.contract.as_ref().and_then(|r| workspace.contract(&r.id));
        let version = p.contract.as_ref().map_or(product.version.as_str(), |r| r.version.as_str());
        let mut port = entity(&format!("{fqn}:inputports:{}", urn_part(&p.id)), "inputport", &p.id, version, &p.name, &p.description);
        let mut promises = Map::new();
        match &p.source {
            InputSource::Product { product: up, port: up_port } => {
                let major = workspace.product(up).map_or("0", |u| u.version.split('.').next().unwrap_or("0"));
                let upstream = fqn.rsplit_once(":dataproducts:").map_or(String::new(), |(org, _)| format!("{org}:dataproducts:{}:{major}:outputports:{}", urn_part(up), urn_part(up_port)));
                port.insert("x-dependsOn".into(), json!(upstream));
            }
            InputSource::System { system } => {
                let s = workspace.context.source_systems.iter().find(|s| &s.id == system);
                port.insert("x-sourceSystem".into(), json!(s.map_or(system.as_str(), |s| s.name.as_str())));
                if let Some(tech) = s.map(|s| s.technology.as_str()).filter(|t| !t.is_empty()) {
                    promises.insert("platform".into(), json!(tech));
                }
            }
        }
        if let Some(r) = &p.contract {
            promises.insert("api".into(), api(&r.id, &r.version, contract));
        }
        if !promises.is_empty() {
            port.insert("promises".into(), Value::Object(promises));
        }
        Value::Object(port)
    }).collect();
    if !inputs.is_empty() {
        out.insert("inputPorts".into(), Value::Array(inputs));
    }
    let outputs: Vec<Value> = product.output_ports.iter().map(|o| output(o, product, workspace, fqn)).collect();
    // DPDS requires the list, even when empty.
    out.insert("outputPorts".into(), Value::Array(outputs));
    let observability: Vec<Value> = product.management_ports.iter().map(|m| {
        let mut port = entity(&format!("{fqn}:observabilityports:{}", urn_part(&m.id)), "observabilityport", &m.id, &product.version, &m.name, &m.description);
        if !m.url.is_empty() {
            port.insert("externalDocs".into(), json!({ "$href": m.url }));
        }
        put_str(&mut port, "x-kind", &m.kind);
        Value::Object(port)
    }).collect();
    if !observability.is_empty() {
        out.insert("observabilityPorts".into(), Value::Array(observability));
    }
    out
}

/// The fields every DPDS component shares (name and version are required).
fn entity(fqn: &str, kind: &str, name: &str, version: &str, display: &str, description: &str) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("fullyQualifiedName".into(), json!(fqn));
    out.insert("entityType".into(), json!(kind));
    out.insert("name".into(), json!(name));
    out.insert("version".into(), json!(version));
    put_str(&mut out, "displayName", display);
    put_str(&mut out, "description", description);
    out
}

/// The port's API promise: the ODCS contract file, by reference.
fn api(id: &str, version: &str, contract: Option<&DataContract>) -> Value {
    let mut api = Map::new();
    api.insert("name".into(), json!(id));
    api.insert("version".into(), json!(version));
    if let Some(c) = contract {
        put_str(&mut api, "displayName", &c.name);
        put_str(&mut api, "description", &c.description.purpose);
    }
    api.insert("specification".into(), json!("odcs"));
    api.insert("specificationVersion".into(), json!(OdcsVersion::default().api_version().trim_start_matches('v')));
    api.insert("definition".into(), json!({ "mediaType": "application/yaml", "$ref": contract_ref(id) }));
    Value::Object(api)
}

fn output(o: &OutputPort, product: &DataProduct, workspace: &Workspace, fqn: &str) -> Value {
    let contract = o.contract.as_ref().and_then(|r| workspace.contract(&r.id));
    let version = o.contract.as_ref().map_or(product.version.as_str(), |r| r.version.as_str());
    let mut port = entity(&format!("{fqn}:outputports:{}", urn_part(&o.id)), "outputport", &o.id, version, &o.name, &o.description);
    port.insert("x-kind".into(), json!(o.kind.as_str()));

    let mut promises = Map::new();
    if let Some(server) = contract.and_then(|c| c.servers.first()) {
        let platform = if server.environment.is_empty() { server.kind.clone() } else { format!("{}::{}", server.environment, server.kind) };
        promises.insert("platform".into(), json!(platform));
    }
    let services = match o.kind {
        PortKind::Table | PortKind::View | PortKind::File => "datastore-services",
        PortKind::Stream => "streaming-services",
        PortKind::Api => "api-services",
        PortKind::Metrics => "metrics-services",
    };
    promises.insert("servicesType".into(), json!(services));
    if let Some(r) = &o.contract {
        promises.insert("api".into(), api(&r.id, &r.version, contract));
    }
    if !product.slos.is_empty() {
        promises.insert(
            "slo".into(),
            json!({
                "name": "slo",
                "version": product.version,
                "specification": "custom",
                "definition": { "x-slos": product.slos },
            }),
        );
    }
    port.insert("promises".into(), Value::Object(promises));

    // Expectations: who this port is for, from the use cases that consume it.
    let audience: Vec<&str> = workspace
        .context
        .use_cases
        .iter()
        .filter(|u| u.consumes.iter().any(|r| r.product == product.id && r.port == o.id))
        .map(|u| u.name.as_str())
        .collect();
    if !audience.is_empty() {
        port.insert(
            "expectations".into(),
            json!({ "audience": { "name": "audience", "version": version, "specification": "custom", "definition": { "x-useCases": audience } } }),
        );
    }

    if let (Some(c), Some(r)) = (contract, &o.contract) {
        let mut obligations = Map::new();
        let terms = [&c.terms, &c.description.limitations].into_iter().find(|t| !t.is_empty());
        if let Some(text) = terms {
            obligations.insert("termsAndConditions".into(), json!({ "name": "termsAndConditions", "version": r.version, "specification": "custom", "definition": text }));
        }
        if let Some(price) = &c.price {
            obligations.insert(
                "billingPolicy".into(),
                json!({ "name": "billingPolicy", "version": r.version, "specification": "custom", "definition": { "x-amount": price.amount, "x-currency": price.currency, "x-unit": price.unit } }),
            );
        }
        if !c.sla.is_empty() {
            obligations.insert(
                "sla".into(),
                json!({ "name": "sla", "version": r.version, "specification": "odcs", "definition": { "mediaType": "application/yaml", "$ref": format!("{}#/slaProperties", contract_ref(&r.id)) } }),
            );
        }
        if !obligations.is_empty() {
            port.insert("obligations".into(), Value::Object(obligations));
        }
    }
    Value::Object(port)
}
