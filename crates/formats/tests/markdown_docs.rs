//! Markdown product pages: the retail example's pages carry the product's real content (owner,
//! ports, contract schema with resolved glossary terms, quality, SLA, consumers, lineage), and
//! hostile names neither break tables nor Mermaid.

use dpstudio_formats::markdown;
use dpstudio_model::{DataProduct, InputPort, InputSource, OutputPort, PortRef, Property, SchemaObject, UseCase, Workspace};

fn retail() -> Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    dpstudio_model::from_json(&std::fs::read_to_string(path).expect("retail example")).expect("loads")
}

/// The lines of the Mermaid block of a page.
fn mermaid(page: &str) -> Vec<&str> {
    let start = page.find("```mermaid\n").expect("a mermaid block") + "```mermaid\n".len();
    let end = start + page[start..].find("```").expect("closed");
    page[start..end].lines().collect()
}

/// Checks the Mermaid block line by line against the only shapes the exporter may write:
/// `nK<open>"label"<close>` nodes and `nA -->|"label"| nB` edges, labels without raw quotes
/// or brackets. Returns the node labels.
fn check_mermaid(page: &str) -> Vec<String> {
    let lines = mermaid(page);
    assert_eq!(lines[0], "flowchart LR");
    let id = |s: &str| s.strip_prefix('n').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    let clean = |label: &str| !label.contains(['"', '[', ']', '(', ')', '{', '}', '|', '<', '>', '`', '\n']);
    let mut labels = Vec::new();
    for line in &lines[1..] {
        let line = line.strip_prefix("  ").unwrap_or_else(|| panic!("indented: {line}"));
        if let Some((from, rest)) = line.split_once(" -->") {
            assert!(id(from), "{line}");
            let to = match rest.strip_prefix("|\"") {
                Some(labelled) => {
                    let (label, to) = labelled.split_once("\"| ").unwrap_or_else(|| panic!("{line}"));
                    assert!(clean(label), "{line}");
                    to
                }
                None => rest.strip_prefix(' ').unwrap_or_else(|| panic!("{line}")),
            };
            assert!(id(to), "{line}");
        } else {
            let (node, rest) = line.split_once(['[', '(']).unwrap_or_else(|| panic!("{line}"));
            assert!(id(node), "{line}");
            let shapes = [("[\"", "\"]]"), ("(\"", "\")]"), ("[\"", "\"])"), ("\"", "\"]")];
            let label = shapes
                .iter()
                .find_map(|(open, close)| rest.strip_prefix(open).and_then(|r| r.strip_suffix(close)))
                .unwrap_or_else(|| panic!("unknown node shape: {line}"));
            assert!(clean(label), "{line}");
            labels.push(label.to_owned());
        }
    }
    labels
}

#[test]
fn retail_pages_carry_the_products_real_content() {
    let w = retail();
    let orders = markdown::export(w.product("web-orders").unwrap(), &w);
    assert!(orders.starts_with("# Web Orders\n\n> Publishes every confirmed web shop order"), "{orders}");
    for expected in [
        "| Owner | Checkout Team |",
        "| Domain | Sales |",
        "| Status | active |",
        "| Version | 1.2.0 |",
        "| Shop database (CDC) | system Web shop (postgres) |",
        "| orders | table | Orders 1.2.0 |",
        "### Contract Orders 1.2.0",
        "#### orders (orders\\_v1)",
        "| order\\_id | string (varchar(36)) | yes | yes (1) |  |  | Order |",
        "| net\\_amount | number (decimal(12,2)) | yes |  |  | Order value after discounts, without VAT and shipping. | Net revenue |",
        "| shipping\\_email | string (varchar(254)) |  |  | restricted, PII |",
        "One of: web, app, marketplace.",
        "| customer\\_id | string (varchar(36)) | yes |  |  | References customer-profiles/customer\\_profiles.customer\\_id. |  |",
        "| orders | rowCount mustBeGreaterThan 0 | completeness | error |",
        "| retention | 7 | y |  | regulatory |",
        "| freshness | 15 | m |  |",
        "| \\#checkout-data | slack |",
        "| product | Daily Revenue | orders |",
    ] {
        assert!(orders.contains(expected), "missing {expected:?} in\n{orders}");
    }
    let labels = check_mermaid(&orders);
    assert_eq!(labels, ["Web Orders", "Web shop", "Daily Revenue", "Customer 360"]);
    let lines = mermaid(&orders);
    assert!(lines.contains(&"  n0[[\"Web Orders\"]]") && lines.contains(&"  n1[(\"Web shop\")]"));
    assert!(lines.contains(&"  n1 -->|\"Shop database #40;CDC#41;\"| n0"), "{lines:#?}");
    assert!(lines.contains(&"  n0 -->|\"orders\"| n2"), "{lines:#?}");

    // A product with upstream products and a use case downstream.
    let revenue = markdown::export(w.product("daily-revenue").unwrap(), &w);
    assert!(revenue.contains("| use case | Weekly revenue report | Revenue metrics | The CFO's Monday report on revenue by channel. (Finance Analytics) |"), "{revenue}");
    assert!(revenue.contains("product Web Orders / port orders"), "{revenue}");
    let labels = check_mermaid(&revenue);
    assert!(labels.contains(&"Weekly revenue report".to_owned()) && labels.contains(&"Web Orders".to_owned()), "{labels:?}");

    for p in &w.products {
        check_mermaid(&markdown::export(p, &w));
    }
}

#[test]
fn every_generated_product_page_has_a_well_formed_diagram() {
    let w = dpstudio_model::generate(40, 1);
    for p in &w.products {
        let page = markdown::export(p, &w);
        assert!(page.starts_with("# "), "{page}");
        check_mermaid(&page);
    }
}

#[test]
fn hostile_names_break_neither_tables_nor_mermaid() {
    let hostile = "a\"b] | c\n# d <script>x</script> `e` [f](g)";
    let mut w = retail();
    let contract_id = w.contracts[0].id.clone();
    w.contracts[0].schema = vec![SchemaObject {
        name: hostile.into(),
        properties: vec![Property { name: hostile.into(), description: hostile.into(), logical_type: "string".into(), ..Default::default() }],
        ..Default::default()
    }];
    let version = w.contracts[0].version.clone();
    let evil = DataProduct {
        id: "evil".into(),
        name: hostile.into(),
        purpose: hostile.into(),
        input_ports: vec![InputPort {
            id: "in".into(),
            name: hostile.into(),
            source: InputSource::Product { product: "web-orders".into(), port: "orders".into() },
            ..Default::default()
        }],
        output_ports: vec![OutputPort {
            id: "out".into(),
            name: hostile.into(),
            contract: Some(dpstudio_model::ContractRef { id: contract_id, version }),
            ..Default::default()
        }],
        ..Default::default()
    };
    w.products.push(evil.clone());
    w.context.use_cases.push(UseCase {
        id: "u".into(),
        name: hostile.into(),
        consumes: vec![PortRef { product: "evil".into(), port: "out".into() }],
        ..Default::default()
    });
    let page = markdown::export(&evil, &w);
    // The heading is one line and the text cannot open a new heading or HTML.
    assert!(page.starts_with("# a\"b\\] \\| c \\# d \\<script\\>x\\</script\\> \\`e\\` \\[f\\](g)\n"), "{page}");
    assert!(!page.contains("<script>"), "{page}");
    assert!(!page.lines().any(|l| l.starts_with("# d")), "{page}");
    // Every table row keeps its number of cells: escaped pipes do not split cells.
    for line in page.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!([3, 5, 6, 8].contains(&cells), "{cells} separators in {line}");
    }
    assert!(page.contains("a\"b\\] \\| c<br>\\# d"), "the property description keeps its line break as <br>: {page}");
    let labels = check_mermaid(&page);
    assert!(labels.iter().filter(|l| l.starts_with("a#quot;b#93; #124; c")).count() == 2, "{labels:?}");
    // Downstream, the upstream product's page shows the hostile consumer safely too.
    check_mermaid(&markdown::export(w.product("web-orders").unwrap(), &w));
}
