//! What the caption under a stop says: for a product its name, domain, owner, purpose and
//! ports; for a domain its name, description, products and sources. Computed as plain data so
//! the caption re-renders only when what it says changes.

use dpstudio_model::{InputSource, Workspace};
use leptos::prelude::*;

use super::tour::{self, Mode};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Caption {
    pub kicker: String,
    pub title: String,
    pub text: String,
    /// Headed lists: the ports, or a domain's products and sources.
    pub lists: Vec<(&'static str, Vec<String>)>,
}

pub fn caption(ws: &Workspace, mode: Mode, id: &str) -> Caption {
    match mode {
        Mode::Products => product(ws, id),
        Mode::Domains => domain(ws, id),
    }
}

fn product(ws: &Workspace, id: &str) -> Caption {
    let Some(p) = ws.product(id) else { return Caption::default() };
    let domain = p.domain.as_deref().map(|d| ws.domain_name(d).unwrap_or(d).to_owned()).unwrap_or_else(|| "No domain".to_owned());
    let owner = match p.owner_team.as_deref() {
        Some(team) => format!("owned by {}", ws.team_name(team).unwrap_or(team)),
        None => "no owner yet".to_owned(),
    };
    let reads: Vec<String> = p
        .input_ports
        .iter()
        .map(|port| match &port.source {
            InputSource::Product { product, port: out } => {
                let from = ws.product(product);
                let source_port = from.and_then(|f| f.output_port(out)).map_or(out.as_str(), |o| o.name.as_str());
                format!("{} ← {} · {source_port}", port.name, from.map_or(product.as_str(), |f| f.name.as_str()))
            }
            InputSource::System { system } => {
                let name = ws.context.source_systems.iter().find(|s| &s.id == system).map_or(system.as_str(), |s| s.name.as_str());
                format!("{} ← {name} (source system)", port.name)
            }
        })
        .collect();
    let serves: Vec<String> = p
        .output_ports
        .iter()
        .map(|port| {
            let contract = match &port.contract {
                Some(c) => format!("contract {} v{}", ws.contract(&c.id).map_or(c.id.as_str(), |x| x.name.as_str()), c.version),
                None => "no contract yet".to_owned(),
            };
            format!("{} ⟨{}⟩ · {contract}", port.name, port.kind.as_str())
        })
        .collect();
    let text = if p.purpose.trim().is_empty() { p.description.clone() } else { p.purpose.clone() };
    Caption { kicker: format!("{domain} · {owner}"), title: p.name.clone(), text, lists: vec![("Reads", reads), ("Serves", serves)] }
}

fn domain(ws: &Workspace, id: &str) -> Caption {
    let Some(d) = ws.context.domains.iter().find(|d| d.id == id) else { return Caption::default() };
    let products: Vec<String> = tour::stops(ws, Mode::Products)
        .into_iter()
        .filter_map(|p| ws.product(&p).filter(|p| p.domain.as_deref() == Some(id)).map(|p| p.name.clone()))
        .collect();
    let sources: Vec<String> = ws.context.source_systems.iter().filter(|s| s.domain.as_deref() == Some(id)).map(|s| s.name.clone()).collect();
    Caption { kicker: "Domain".to_owned(), title: d.name.clone(), text: d.description.clone(), lists: vec![("Products", products), ("Source systems", sources)] }
}

/// A list shows at most this many lines: a projector's bar has no room to scroll and nobody at
/// the keyboard to scroll it. Past it, the first ones and how many more (the canvas behind
/// shows them all).
const SHOWN: usize = 3;

fn shown(items: Vec<String>) -> Vec<String> {
    if items.len() <= SHOWN {
        return items;
    }
    let more = items.len() - (SHOWN - 1);
    items.into_iter().take(SHOWN - 1).chain(std::iter::once(format!("and {more} more"))).collect()
}

/// The caption as the presenter bar shows it; empty lists are left out. A long text is cut
/// after a few lines on screen (main.css); its whole is the tooltip.
pub fn show(caption: Caption) -> impl IntoView {
    let lists = caption.lists.into_iter().filter(|(_, items)| !items.is_empty()).map(|(heading, items)| {
        view! {
            <div class="present-list">
                <h3>{heading}</h3>
                <ul>{shown(items).into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let whole = caption.text.clone();
    view! {
        <p class="present-kicker" data-testid="present-kicker">{caption.kicker}</p>
        <h2 class="present-title" data-testid="present-title">{caption.title}</h2>
        <p class="present-text" title=whole>{caption.text}</p>
        <div class="present-lists">{lists.collect_view()}</div>
    }
}
