//! Several files into one workspace: standards detected, context matched by name, input ports
//! linked, and nothing half-imported when one file is bad.

use dpstudio_formats::bundle::{self, Source, Standard};
use dpstudio_formats::ErrorKind;

fn retail() -> dpstudio_model::Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const CONTRACT: &str = "apiVersion: v3.2.0\nkind: DataContract\nid: returns\nversion: 1.0.0\nstatus: draft\ndomain: sales\nteam:\n  name: checkout team\n";
const PRODUCT: &str = "apiVersion: v1.1.0\nkind: DataProduct\nid: returns-product\ndomain: Logistics\noutputPorts:\n  - name: returns\n    version: 1.0.0\n    contractId: returns\n";
const CONSUMER: &str = "apiVersion: v1.1.0\nkind: DataProduct\nid: refunds\ninputPorts:\n  - name: returns\n    version: 1.0.0\n    contractId: returns\n";

#[test]
fn standards_are_detected_from_the_header() {
    assert_eq!(bundle::detect(CONTRACT).unwrap(), Standard::Odcs);
    assert_eq!(bundle::detect(PRODUCT).unwrap(), Standard::Odps);
    assert_eq!(bundle::detect("dataContractSpecification: 1.2.1\nid: x\n").unwrap(), Standard::Dcs);
    assert_eq!(bundle::detect("name: my_dbt_project\n").unwrap_err().kind, ErrorKind::WrongDocument);
}

#[test]
fn imported_files_join_the_workspace_context_by_name() {
    let mut w = retail();
    let domains_before = w.context.domains.len();
    let sources = [
        Source { name: "returns.odcs.yaml", text: CONTRACT },
        Source { name: "returns.odps.yaml", text: PRODUCT },
        Source { name: "refunds.odps.yaml", text: CONSUMER },
    ];
    bundle::import_into(&mut w, &sources).expect("imports");
    let contract = w.contract("returns").unwrap();
    assert_eq!(contract.domain.as_deref(), Some("sales"), "`sales` is the existing Sales domain");
    assert_eq!(contract.team.as_deref(), Some("checkout-team"), "matched by name, case aside");
    let product = w.product("returns-product").unwrap();
    assert_eq!(product.domain.as_deref(), Some("logistics"));
    assert_eq!(w.context.domains.len(), domains_before + 1, "only Logistics is new");
    // The consumer's input port reads the product that serves the `returns` contract.
    let input = &w.product("refunds").unwrap().input_ports[0];
    assert_eq!(
        input.source,
        dpstudio_model::InputSource::Product { product: "returns-product".into(), port: "returns".into() }
    );
}

#[test]
fn one_bad_file_leaves_the_workspace_unchanged() {
    let mut w = retail();
    let before = w.clone();
    let sources = [
        Source { name: "returns.odcs.yaml", text: CONTRACT },
        Source { name: "broken.odps.yaml", text: "apiVersion: v1.1.0\nkind: DataProduct\nid: [oops\n" },
    ];
    let e = bundle::import_into(&mut w, &sources).unwrap_err();
    assert_eq!(e.file, "broken.odps.yaml");
    assert!(e.to_string().starts_with("broken.odps.yaml:3:"), "{e}");
    assert_eq!(w, before);
}
