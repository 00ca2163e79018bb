//! Choice lists for select fields, read live from the workspace so a domain added in the
//! context editor is offered at once. Each list starts with the empty choice where the model
//! allows none.

use dpstudio_model::{InputSource, Workspace};
use leptos::prelude::*;

use crate::state::Studio;

pub type Options = Signal<Vec<(String, String)>>;

fn live(studio: Studio, none: Option<&'static str>, list: impl Fn(&Workspace) -> Vec<(String, String)> + Send + Sync + 'static) -> Options {
    live_with(studio, none, Box::new(list))
}

/// One derived-signal type for every list, however many fields show one.
fn live_with(studio: Studio, none: Option<&'static str>, list: Box<dyn Fn(&Workspace) -> Vec<(String, String)> + Send + Sync>) -> Options {
    Signal::derive(move || {
        let mut options: Vec<(String, String)> = none.map(|label| (String::new(), label.to_owned())).into_iter().collect();
        options.extend(studio.workspace.with(|ws| list(ws)));
        options
    })
}

pub fn fixed(items: &[&str]) -> Options {
    let items: Vec<(String, String)> = items.iter().map(|s| (s.to_string(), s.to_string())).collect();
    Signal::derive(move || items.clone())
}

/// Fixed choices that may also be left empty.
pub fn fixed_or_none(items: &[&str]) -> Options {
    let mut all = vec![(String::new(), "—".to_owned())];
    all.extend(items.iter().map(|s| (s.to_string(), s.to_string())));
    Signal::derive(move || all.clone())
}

fn named(id: &str, name: &str) -> (String, String) {
    let label = if name.trim().is_empty() { id.to_owned() } else { name.to_owned() };
    (id.to_owned(), label)
}

pub fn domains(studio: Studio) -> Options {
    live(studio, Some("— no domain —"), |ws| ws.context.domains.iter().map(|d| named(&d.id, &d.name)).collect())
}

pub fn teams(studio: Studio) -> Options {
    live(studio, Some("— no team —"), |ws| ws.context.teams.iter().map(|t| named(&t.id, &t.name)).collect())
}

pub fn contracts(studio: Studio) -> Options {
    live(studio, Some("— no contract —"), |ws| {
        ws.contracts.iter().map(|c| (c.id.clone(), format!("{} v{}", if c.name.is_empty() { &c.id } else { &c.name }, c.version))).collect()
    })
}

pub fn measures(studio: Studio) -> Options {
    live(studio, None, |ws| {
        ws.context
            .semantic
            .entities
            .iter()
            .flat_map(|e| e.measures.iter().map(move |m| (m.id.clone(), format!("{} · {}", e.name, m.name))))
            .collect()
    })
}

/// Where an input port can read from: every source system and every other product's output
/// ports, encoded as `system:ID` / `product:PRODUCT/PORT` (see [`source_key`]).
pub fn sources(studio: Studio, reader: String) -> Options {
    live(studio, Some("— choose a source —"), move |ws| {
        let systems = ws.context.source_systems.iter().map(|s| (format!("system:{}", s.id), format!("Source system · {}", s.name)));
        let ports = ws.products.iter().filter(|p| p.id != reader).flat_map(|p| {
            p.output_ports.iter().map(move |o| (format!("product:{}/{}", p.id, o.id), format!("{} → {}", p.name, o.name)))
        });
        systems.chain(ports).collect()
    })
}

pub fn source_key(source: &InputSource) -> String {
    match source {
        InputSource::System { system } if system.is_empty() => String::new(),
        InputSource::System { system } => format!("system:{system}"),
        InputSource::Product { product, port } => format!("product:{product}/{port}"),
    }
}

pub fn parse_source_key(key: &str) -> InputSource {
    if let Some(system) = key.strip_prefix("system:") {
        return InputSource::System { system: system.to_owned() };
    }
    if let Some((product, port)) = key.strip_prefix("product:").and_then(|rest| rest.split_once('/')) {
        return InputSource::Product { product: product.to_owned(), port: port.to_owned() };
    }
    InputSource::default()
}

pub fn glossary(studio: Studio) -> Options {
    live(studio, None, |ws| ws.context.glossary.iter().map(|g| named(&g.id, &g.term)).collect())
}

pub fn metrics(studio: Studio) -> Options {
    live(studio, None, |ws| ws.context.semantic.metrics.iter().map(|m| named(&m.id, &m.name)).collect())
}

pub fn products(studio: Studio) -> Options {
    live(studio, Some("— no product —"), |ws| ws.products.iter().map(|p| named(&p.id, &p.name)).collect())
}

/// Every product, without an empty choice: for picking where something goes.
pub fn product_choices(studio: Studio) -> Options {
    live(studio, None, |ws| ws.products.iter().map(|p| named(&p.id, &p.name)).collect())
}

/// Every output port of every product, as `PRODUCT/PORT`.
pub fn output_ports(studio: Studio) -> Options {
    live(studio, None, |ws| {
        ws.products
            .iter()
            .flat_map(|p| p.output_ports.iter().map(move |o| (format!("{}/{}", p.id, o.id), format!("{} → {}", p.name, o.name))))
            .collect()
    })
}
