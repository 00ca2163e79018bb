//! Exports of a workspace designed in the app (the shipped retail example, no import hints):
//! every contract is valid ODCS 3.2.0 and 3.1.0, every product valid ODPS 1.1.0, and importing
//! an export then exporting again gives the same document.

mod support;

use dpstudio_formats::{odcs, odps};
use dpstudio_model::Workspace;

fn retail() -> Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    let text = std::fs::read_to_string(path).expect("the retail example ships with the repo");
    dpstudio_model::from_json(&text).expect("the retail example loads")
}

#[test]
fn designed_contracts_export_valid_odcs_and_re_import_unchanged() {
    let Some(reference) = support::reference() else { return };
    let mut workspace = retail();
    assert!(!workspace.contracts.is_empty());
    // ODCS requires a port for postgres servers and the example leaves it out; the exporter
    // does not invent connection details, so the test completes the example.
    for server in workspace.contracts.iter_mut().flat_map(|c| c.servers.iter_mut()) {
        if server.kind == "postgres" && !server.extra.contains_key("port") {
            server.extra.insert("port".into(), 5432.into());
        }
    }
    let v32 = support::schema(&reference.join("odcs/schema/odcs-json-schema-v3.2.0.json"));
    let v31 = support::schema(&reference.join("odcs/schema/odcs-json-schema-v3.1.0.json"));
    for contract in &workspace.contracts {
        for (version, validator) in [(odcs::OdcsVersion::V3_2_0, &v32), (odcs::OdcsVersion::V3_1_0, &v31)] {
            let options = odcs::ExportOptions { version };
            let text = odcs::export(contract, &workspace, &options);
            let value = support::parse(&text);
            let errors = support::schema_errors(validator, &value);
            assert!(errors.is_empty(), "{} as {}: {errors:#?}\n{text}", contract.id, version.api_version());

            let imported = odcs::import(&text).unwrap_or_else(|e| panic!("{}: {e}", contract.id));
            assert_eq!(imported.contract.id, contract.id);
            assert_eq!(imported.contract.schema.len(), contract.schema.len());
            let mut again_ws = workspace.clone();
            again_ws.contracts = vec![imported.contract];
            let again = support::parse(&odcs::export(&again_ws.contracts[0], &again_ws, &options));
            assert_eq!(again, value, "{}: export → import → export changed the document", contract.id);
        }
    }
}

#[test]
fn designed_products_export_valid_odps_with_contract_references() {
    let Some(reference) = support::reference() else { return };
    let workspace = retail();
    let v11 = support::schema(&reference.join("odps/schema/odps-json-schema-v1.1.0.json"));
    for product in &workspace.products {
        let text = odps::export(product, &workspace);
        let value = support::parse(&text);
        let errors = support::schema_errors(&v11, &value);
        assert!(errors.is_empty(), "{}: {errors:#?}\n{text}", product.id);
        for (port, exported) in product.output_ports.iter().zip(value["outputPorts"].as_array().unwrap()) {
            if let Some(contract) = &port.contract {
                assert_eq!(exported["contractId"], contract.id.as_str());
                assert_eq!(exported["version"], contract.version.as_str());
            }
        }
        let upstream: Vec<_> = product.input_ports.iter().filter_map(|i| i.contract.as_ref()).collect();
        if let Some(first) = value["outputPorts"].get(0) {
            let listed = first["inputContracts"].as_array().map_or(0, Vec::len);
            assert_eq!(listed, upstream.len(), "{}: inputContracts list every input contract", product.id);
        }

        let imported = odps::import(&text).unwrap_or_else(|e| panic!("{}: {e}", product.id));
        let mut again_ws = workspace.clone();
        again_ws.products = vec![imported.product];
        let again = support::parse(&odps::export(&again_ws.products[0], &again_ws));
        assert_eq!(again, value, "{}: export → import → export changed the document", product.id);
    }
}

#[test]
fn link_inputs_points_imported_input_ports_at_the_serving_product() {
    let workspace = retail();
    let mut imported = Workspace { context: workspace.context.clone(), ..Default::default() };
    for product in &workspace.products {
        let text = odps::export(product, &workspace);
        imported.products.push(odps::import(&text).expect("imports").product);
    }
    odps::link_inputs(&mut imported);
    for (original, again) in workspace.products.iter().zip(&imported.products) {
        for (a, b) in original.input_ports.iter().zip(&again.input_ports) {
            if matches!(a.source, dpstudio_model::InputSource::Product { .. }) {
                assert_eq!(a.source, b.source, "{}/{}", original.id, a.id);
            }
        }
    }
}

#[test]
fn model_fields_without_a_standard_slot_travel_as_custom_properties() {
    let workspace = retail();
    for contract in &workspace.contracts {
        let text = odcs::export(contract, &workspace, &odcs::ExportOptions::default());
        let back = odcs::import(&text).expect("imports").contract;
        for ((path, a), (_, b)) in contract.all_properties().into_iter().zip(back.all_properties()) {
            assert_eq!((a.pii, &a.glossary, &a.metrics), (b.pii, &b.glossary, &b.metrics), "{}/{path}", contract.id);
            assert_eq!(a.custom_properties, b.custom_properties, "{}/{path}", contract.id);
        }
    }
    // The example exercises what this test is about.
    assert!(workspace.contracts.iter().flat_map(|c| c.all_properties()).any(|(_, p)| p.pii));
    assert!(workspace.contracts.iter().flat_map(|c| c.all_properties()).any(|(_, p)| !p.glossary.is_empty()));
    assert!(workspace.products.iter().any(|p| !p.slos.is_empty()));
    for product in &workspace.products {
        let back = odps::import(&odps::export(product, &workspace)).expect("imports").product;
        assert_eq!(back.slos, product.slos, "{}", product.id);
        assert_eq!(back.custom_properties, product.custom_properties, "{}", product.id);
        for (a, b) in product.input_ports.iter().zip(&back.input_ports) {
            if let dpstudio_model::InputSource::System { .. } = a.source {
                assert_eq!(a.source, b.source, "{}/{}", product.id, a.id);
            }
        }
    }
}
