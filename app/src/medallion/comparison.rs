//! "What each loses": the layered inventory has no place for owners, purposes, quality rules,
//! SLOs or consumers; the proposed products have a place for each, and what is still empty
//! there the checks report once the products are added.

use dpstudio_model::medallion::{compare, Comparison as Counts};
use leptos::prelude::*;

use super::assistant::{Assistant, Decision};
use crate::plural::plural;

#[component]
pub fn Comparison() -> impl IntoView {
    let state = expect_context::<Assistant>();
    let counts = Memo::new(move |_| {
        let included: Vec<bool> = state.decisions.with(|d| d.iter().map(|d| *d != Decision::Rejected).collect());
        state.inventory.with(|inv| {
            inv.as_ref().map(|inv| state.proposals.with(|proposals| compare(inv, proposals, &included))).unwrap_or_default()
        })
    });
    let layers = move || {
        let Counts { layers: l, .. } = counts.get();
        let n = l.tables;
        let mut lines = vec![
            format!("No owner: {} of {n} tables", l.without_owner),
            format!("No purpose: {} of {n} tables", l.without_purpose),
            format!("No quality rules: {} of {n} tables", l.without_quality_rules),
            format!("No SLOs: {} of {n} tables", l.without_slo),
            format!("Consumers or use cases declared: {}", l.consumers_declared),
        ];
        if l.copies > 0 {
            lines.push(format!("{} table{} copy an entity a layer below already holds", l.copies, plural(l.copies)));
        }
        if l.without_columns > 0 {
            lines.push(format!("{} table{} without a schema", l.without_columns, plural(l.without_columns)));
        }
        lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()
    };
    let products = move || {
        let Counts { products: p, .. } = counts.get();
        let [source, aggregate, consumer] = p.per_kind;
        let gives = format!(
            "{} product{} ({source} source-aligned, {aggregate} aggregate, {consumer} consumer-aligned) in {} domain{}, each with an output port and a contract: {} typed propert{}, {} lineage link{}",
            p.products,
            plural(p.products),
            p.domains,
            plural(p.domains),
            p.typed_properties,
            if p.typed_properties == 1 { "y" } else { "ies" },
            p.lineage_links,
            plural(p.lineage_links),
        );
        let lines = [
            format!("Owner to name: {} product{}", p.need_owner, plural(p.need_owner)),
            format!("Purpose to write: {} product{}", p.need_purpose, plural(p.need_purpose)),
            format!("Quality rules to add: {} contract{}", p.need_quality_rules, plural(p.need_quality_rules)),
            format!("SLOs to promise: {} product{}", p.need_slo, plural(p.need_slo)),
        ];
        view! {
            <p class="medallion-detail">{gives}</p>
            <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            <p class="medallion-detail">"Each has a field for these now, and the checks list every one still empty once the products are added."</p>
        }
    };
    view! {
        <section class="medallion-compare" data-testid="medallion-compare" aria-label="What each architecture lacks">
            <div class="medallion-lacks layers" data-testid="compare-layers">
                <h4>"The layers lack"</h4>
                <ul>{layers}</ul>
            </div>
            <div class="medallion-lacks products" data-testid="compare-products">
                <h4>"The products still need"</h4>
                {products}
            </div>
        </section>
    }
}
