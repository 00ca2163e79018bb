//! The left side: the inventory as the lake sees it, one column per layer.

use dpstudio_model::medallion::{Layer, Table};
use leptos::prelude::*;

use super::assistant::Assistant;
use crate::plural::plural;

#[component]
pub fn LayerColumns() -> impl IntoView {
    let state = expect_context::<Assistant>();
    let column = move |layer: Layer| {
        let tables: Vec<Table> = state.inventory.with(|inv| {
            inv.as_ref().map(|inv| inv.tables.iter().filter(|t| t.layer == layer).cloned().collect()).unwrap_or_default()
        });
        let count = tables.len();
        let rows = tables.into_iter().map(table_row).collect_view();
        let class = format!("medallion-column layer-{}", layer.label().to_lowercase());
        view! {
            <div class=class data-testid=format!("layer-{}", layer.label().to_lowercase())>
                <h4 class="medallion-column-title">{layer.label()}<span class="muted">{format!(" · {count}")}</span></h4>
                // Focusable: the list scrolls, and keyboard users must be able to scroll it.
                <ul class="medallion-list" tabindex="0" aria-label=format!("{} tables", layer.label())>{rows}</ul>
            </div>
        }
    };
    view! { <div class="medallion-columns">{Layer::ALL.map(column).into_iter().collect_view()}</div> }
}

fn table_row(table: Table) -> impl IntoView {
    let columns = table.columns.len();
    let detail = if columns == 0 {
        "no columns given".to_owned()
    } else {
        let names: Vec<&str> = table.columns.iter().take(4).map(|c| c.name.as_str()).collect();
        let more = if columns > 4 { ", …" } else { "" };
        format!("{columns} column{}: {}{more}", plural(columns), names.join(", "))
    };
    // What a view's query reads: the lineage the layers do record.
    let reads = (!table.reads.is_empty()).then(|| {
        let shown: Vec<&str> = table.reads.iter().take(3).map(String::as_str).collect();
        let more = if table.reads.len() > 3 { ", …" } else { "" };
        view! { <span class="medallion-detail" data-testid="layer-table-reads">{format!("from {}{more}", shown.join(", "))}</span> }
    });
    view! {
        <li class="layer-table" title=format!("line {}", table.line)>
            <span class="layer-table-name">{table.name.clone()}</span>
            <span class="medallion-detail">{detail}</span>
            {reads}
        </li>
    }
}
