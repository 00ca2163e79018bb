//! The smaller ODCS objects: description, SLA properties, servers, roles and price.

use dpstudio_model::{AccessRole, ContractDescription, Price, Server, SlaProperty};
use serde_json::{Map, Value};

use super::FMT;
use crate::common::{import_object, put_str, read_list};
use crate::error::FormatError;
use crate::fields::Fields;
use crate::hints;

/// `description` holds purpose, usage and limitations; anything else in it (authoritative
/// definitions, custom properties) is kept by the contract's hints.
pub fn read_description(f: &mut Fields<'_>) -> Result<ContractDescription, FormatError> {
    if matches!(f.peek("description"), Some(Value::String(_))) {
        // Not ODCS 3 (a plain text description): typed as purpose, the hint keeps the shape.
        return Ok(ContractDescription { purpose: f.text("description")?, ..Default::default() });
    }
    let Some(mut d) = f.object("description")? else { return Ok(ContractDescription::default()) };
    Ok(ContractDescription { purpose: d.text("purpose")?, usage: d.text("usage")?, limitations: d.text("limitations")? })
}

pub fn render_description(d: &ContractDescription) -> Option<Map<String, Value>> {
    let mut out = Map::new();
    put_str(&mut out, "purpose", &d.purpose);
    put_str(&mut out, "usage", &d.usage);
    put_str(&mut out, "limitations", &d.limitations);
    (!out.is_empty()).then_some(out)
}

pub fn read_sla(f: &mut Fields<'_>) -> Result<Vec<SlaProperty>, FormatError> {
    let doc = f.doc();
    read_list(f.list("slaProperties")?, |path, value| {
        import_object(doc, path, value, "an SLA property", FMT, |mut f| {
            Ok(SlaProperty {
                property: f.text("property")?,
                value: f.value("value").unwrap_or(Value::Null),
                unit: f.text("unit")?,
                element: f.text("element")?,
                driver: f.text("driver")?,
                description: f.text("description")?,
                extra: f.rest(),
            })
        }, render_sla, |s| &mut s.extra)
    })
}

pub fn render_sla(s: &SlaProperty) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("property".to_owned(), Value::String(s.property.clone()));
    if !s.value.is_null() {
        out.insert("value".to_owned(), s.value.clone());
    }
    put_str(&mut out, "unit", &s.unit);
    put_str(&mut out, "element", &s.element);
    put_str(&mut out, "driver", &s.driver);
    put_str(&mut out, "description", &s.description);
    hints::finish(&mut out, &s.extra, FMT.hint_key);
    out
}

pub fn read_servers(f: &mut Fields<'_>) -> Result<Vec<Server>, FormatError> {
    let doc = f.doc();
    read_list(f.list("servers")?, |path, value| {
        import_object(doc, path, value, "a server", FMT, |mut f| {
            Ok(Server {
                server: f.text("server")?,
                kind: f.text("type")?,
                environment: f.text("environment")?,
                description: f.text("description")?,
                extra: f.rest(),
            })
        }, render_server, |s| &mut s.extra)
    })
}

pub fn render_server(s: &Server) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("server".to_owned(), Value::String(s.server.clone()));
    out.insert("type".to_owned(), Value::String(s.kind.clone()));
    put_str(&mut out, "environment", &s.environment);
    put_str(&mut out, "description", &s.description);
    hints::finish(&mut out, &s.extra, FMT.hint_key);
    out
}

pub fn read_roles(f: &mut Fields<'_>) -> Result<Vec<AccessRole>, FormatError> {
    let doc = f.doc();
    read_list(f.list("roles")?, |path, value| {
        import_object(doc, path, value, "a role", FMT, |mut f| {
            Ok(AccessRole {
                role: f.text("role")?,
                access: f.text("access")?,
                description: f.text("description")?,
                first_level_approvers: f.text("firstLevelApprovers")?,
                second_level_approvers: f.text("secondLevelApprovers")?,
                extra: f.rest(),
            })
        }, render_role, |r| &mut r.extra)
    })
}

pub fn render_role(r: &AccessRole) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("role".to_owned(), Value::String(r.role.clone()));
    put_str(&mut out, "access", &r.access);
    put_str(&mut out, "description", &r.description);
    put_str(&mut out, "firstLevelApprovers", &r.first_level_approvers);
    put_str(&mut out, "secondLevelApprovers", &r.second_level_approvers);
    hints::finish(&mut out, &r.extra, FMT.hint_key);
    out
}

/// `price: {priceAmount, priceCurrency, priceUnit}`.
pub fn read_price(f: &mut Fields<'_>) -> Result<Option<Price>, FormatError> {
    let Some(mut p) = f.object("price")? else { return Ok(None) };
    Ok(Some(Price {
        amount: p.number("priceAmount")?.unwrap_or_default(),
        currency: p.text("priceCurrency")?,
        unit: p.text("priceUnit")?,
    }))
}

pub fn render_price(p: &Price) -> Map<String, Value> {
    let mut out = Map::new();
    if let Some(n) = serde_json::Number::from_f64(p.amount) {
        out.insert("priceAmount".to_owned(), Value::Number(n));
    }
    put_str(&mut out, "priceCurrency", &p.currency);
    put_str(&mut out, "priceUnit", &p.unit);
    out
}
