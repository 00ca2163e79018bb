//! The inspector: details of the selected product, source system or use case, with the
//! diagnostics that concern it; an overview of the workspace when nothing is selected.

use dpstudio_check::Diagnostic;
use dpstudio_model::{DataProduct, InputSource, Workspace};
use leptos::prelude::*;

use crate::panels::SpecPreview;
use crate::state::{Selection, Studio};

#[component]
pub fn Inspector() -> impl IntoView {
    let studio = expect_context::<Studio>();
    view! {
        <aside class="inspector" aria-label="Inspector">
            {move || match studio.selection.get() {
                Some(Selection::Product(id)) => view! { <ProductDetails id /> }.into_any(),
                Some(Selection::System(id)) => view! { <SystemDetails id /> }.into_any(),
                Some(Selection::UseCase(id)) => view! { <UseCaseDetails id /> }.into_any(),
                None => view! { <Overview /> }.into_any(),
            }}
        </aside>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let studio = expect_context::<Studio>();
    move || {
        studio.workspace.with(|ws| {
            let domains = ws.context.domains.iter().map(|d| {
                let products: Vec<String> =
                    ws.products.iter().filter(|p| p.domain.as_ref() == Some(&d.id)).map(|p| p.name.clone()).collect();
                view! {
                    <li>
                        <strong>{d.name.clone()}</strong>
                        <span class="muted">{format!(" — {}", if products.is_empty() { "no products".to_owned() } else { products.join(", ") })}</span>
                    </li>
                }
            });
            view! {
                <h2 class="panel-title">{ws.name.clone()}</h2>
                <p class="lede">{ws.description.clone()}</p>
                <dl class="facts">
                    <dt>"Products"</dt><dd>{ws.products.len()}</dd>
                    <dt>"Contracts"</dt><dd>{ws.contracts.len()}</dd>
                    <dt>"Glossary terms"</dt><dd>{ws.context.glossary.len()}</dd>
                    <dt>"Metrics"</dt><dd>{ws.context.semantic.metrics.len()}</dd>
                    <dt>"Use cases"</dt><dd>{ws.context.use_cases.len()}</dd>
                </dl>
                <h3 class="section-title">"Domains"</h3>
                <ul class="plain-list">{domains.collect_view()}</ul>
                <p class="hint">"Select a product, source or use case on the canvas to see its details. Drag nodes to arrange them; drag the background to pan; scroll to zoom."</p>
            }
        })
    }
}

fn source_label(ws: &Workspace, source: &InputSource) -> String {
    match source {
        InputSource::System { system } => {
            let name = ws.context.source_systems.iter().find(|s| &s.id == system).map(|s| s.name.clone());
            format!("source system {}", name.unwrap_or_else(|| format!("'{system}' (missing)")))
        }
        InputSource::Product { product, port } => match ws.product(product) {
            Some(p) => format!("{} → {}", p.name, p.output_port(port).map(|o| o.name.as_str()).unwrap_or(port)),
            None => format!("product '{product}' (missing)"),
        },
    }
}

#[component]
fn ProductDetails(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let details_id = id.clone();
    let details = move || {
        let body = studio.workspace.with(|ws| ws.product(&details_id).map(|p| render_product(ws, p)));
        let Some(body) = body else {
            return view! { <p class="hint">"This product no longer exists."</p> }.into_any();
        };
        let diagnostics = studio.product_diagnostics(&details_id);
        view! {
            {body}
            <h3 class="section-title">"Problems"</h3>
            <DiagnosticList diagnostics />
        }
        .into_any()
    };
    // The preview sits outside the re-rendered details so its choice and text survive edits.
    view! {
        {details}
        <SpecPreview product_id=id />
    }
}

fn render_product(ws: &Workspace, p: &DataProduct) -> impl IntoView {
    let domain = p.domain.as_deref().and_then(|d| ws.domain_name(d)).unwrap_or("—").to_owned();
    let owner = p.owner_team.as_deref().and_then(|t| ws.team_name(t)).unwrap_or("—").to_owned();
    let inputs = p.input_ports.iter().map(|i| {
        view! { <li><strong>{i.name.clone()}</strong><span class="muted">{format!(" from {}", source_label(ws, &i.source))}</span></li> }
    });
    let outputs = p.output_ports.iter().map(|o| {
        let contract = match &o.contract {
            Some(c) => {
                let name = ws.contract(&c.id).map(|k| k.name.clone()).unwrap_or_else(|| format!("{} (missing)", c.id));
                format!("contract {name} v{}", c.version)
            }
            None => "no contract".to_owned(),
        };
        view! { <li><strong>{o.name.clone()}</strong>" "<span class="chip">{o.kind.as_str()}</span><span class="muted">{format!(" · {contract}")}</span></li> }
    });
    let slos = p.slos.iter().map(|s| view! { <li>{format!("{}: {} {}", s.property, s.value, s.unit)}</li> });
    view! {
        <h2 class="panel-title">{p.name.clone()}</h2>
        <div class="chips">
            <span class="chip kind">{p.kind.label()}</span>
            <span class=format!("chip status-{}", p.status.as_str())>{p.status.as_str()}</span>
            <span class="chip">{format!("v{}", p.version)}</span>
        </div>
        <p class="lede">{p.purpose.clone()}</p>
        <dl class="facts">
            <dt>"Domain"</dt><dd>{domain}</dd>
            <dt>"Owner"</dt><dd>{owner}</dd>
            <dt>"Id"</dt><dd><code>{p.id.clone()}</code></dd>
        </dl>
        <h3 class="section-title">"Input ports"</h3>
        <ul class="plain-list">{inputs.collect_view()}</ul>
        <h3 class="section-title">"Output ports"</h3>
        <ul class="plain-list">{outputs.collect_view()}</ul>
        <h3 class="section-title">"Service levels"</h3>
        <ul class="plain-list">{slos.collect_view()}</ul>
    }
}

#[component]
fn DiagnosticList(diagnostics: Vec<Diagnostic>) -> impl IntoView {
    if diagnostics.is_empty() {
        return view! { <p class="status-ok">"✓ No problems"</p> }.into_any();
    }
    let items = diagnostics.into_iter().map(|d| {
        view! {
            <li class=format!("diagnostic {}", d.severity.as_str())>
                <div class="diagnostic-message">{d.message}</div>
                <div class="diagnostic-hint">{d.hint}</div>
                <code class="diagnostic-rule">{d.rule}</code>
            </li>
        }
    });
    view! { <ul class="diagnostics">{items.collect_view()}</ul> }.into_any()
}

#[component]
fn SystemDetails(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    move || {
        studio.workspace.with(|ws| {
            let Some(s) = ws.context.source_systems.iter().find(|s| s.id == id) else {
                return view! { <p class="hint">"This source system no longer exists."</p> }.into_any();
            };
            let readers = ws.products.iter().filter(|p| {
                p.input_ports.iter().any(|i| matches!(&i.source, InputSource::System { system } if *system == s.id))
            });
            let readers = readers.map(|p| view! { <li>{p.name.clone()}</li> });
            view! {
                <h2 class="panel-title">{s.name.clone()}</h2>
                <div class="chips"><span class="chip">"source system"</span><span class="chip">{s.technology.clone()}</span></div>
                <p class="lede">{s.description.clone()}</p>
                <h3 class="section-title">"Read by"</h3>
                <ul class="plain-list">{readers.collect_view()}</ul>
            }
            .into_any()
        })
    }
}

#[component]
fn UseCaseDetails(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    move || {
        studio.workspace.with(|ws| {
            let Some(u) = ws.context.use_cases.iter().find(|u| u.id == id) else {
                return view! { <p class="hint">"This use case no longer exists."</p> }.into_any();
            };
            let consumer = ws.team_name(&u.consumer).unwrap_or(&u.consumer).to_owned();
            let consumes = u.consumes.iter().map(|c| {
                let label = match ws.product(&c.product) {
                    Some(p) => format!("{} → {}", p.name, p.output_port(&c.port).map(|o| o.name.as_str()).unwrap_or(&c.port)),
                    None => format!("'{}' (missing)", c.product),
                };
                view! { <li>{label}</li> }
            });
            view! {
                <h2 class="panel-title">{u.name.clone()}</h2>
                <div class="chips"><span class="chip">"use case"</span></div>
                <p class="lede">{u.description.clone()}</p>
                <dl class="facts"><dt>"Consumer"</dt><dd>{consumer}</dd></dl>
                <h3 class="section-title">"Consumes"</h3>
                <ul class="plain-list">{consumes.collect_view()}</ul>
            }
            .into_any()
        })
    }
}
