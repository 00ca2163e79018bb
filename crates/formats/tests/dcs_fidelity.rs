//! Every official Data Contract Specification example imports and exports back to an equal
//! document (compared as parsed values, no normalisation: the file's own
//! `dataContractSpecification` version is kept), the DCS export validates against the official
//! DCS 1.2.1 schema, and the same contract exported as ODCS 3.2.0 validates against ODCS.

mod support;

use dpstudio_formats::{dcs, odcs};
use dpstudio_model::Workspace;

#[test]
fn official_examples_round_trip_and_convert_to_valid_odcs() {
    let Some(reference) = support::reference() else { return };
    let dcs_schema = support::schema(&reference.join("datacontract-specification/schema/datacontract.schema.v1.2.1.json"));
    let odcs_schema = support::schema(&reference.join("odcs/schema/odcs-json-schema-v3.2.0.json"));
    let mut failures = Vec::new();
    let files = support::files(&reference.join("datacontract-specification/examples"));
    assert!(files.len() >= 7, "expected the official DCS examples, found {}", files.len());
    for (name, text) in files {
        let original = support::parse(&text);
        let imported = match dcs::import(&text) {
            Ok(i) => i,
            Err(e) => {
                failures.push(format!("{name}: import failed: {e}"));
                continue;
            }
        };
        let version = imported.spec_version.clone();
        let workspace = Workspace {
            format_version: dpstudio_model::FORMAT_VERSION,
            context: imported.context,
            contracts: vec![imported.contract],
            ..Default::default()
        };
        let contract = &workspace.contracts[0];
        let exported = support::parse(&dcs::export(contract, &workspace));
        let mut diffs = Vec::new();
        support::diff(&original, &exported, "", &mut diffs);
        let round_trip = if diffs.is_empty() { "equal" } else { "DIFFERENT" };
        if !diffs.is_empty() {
            failures.push(format!("{name}: round trip differs:\n  {}", diffs.join("\n  ")));
        }
        let reloaded = dpstudio_model::from_json(&dpstudio_model::to_json_pretty(&workspace)).expect("reloads");
        if support::parse(&dcs::export(&reloaded.contracts[0], &reloaded)) != exported {
            failures.push(format!("{name}: export differs after workspace save/load"));
        }
        let errors = support::schema_errors(&dcs_schema, &exported);
        let dcs_valid = if errors.is_empty() { "valid DCS 1.2.1" } else { "INVALID DCS 1.2.1" };
        if !errors.is_empty() {
            failures.push(format!("{name}: DCS export invalid:\n  {}", errors.join("\n  ")));
        }
        let as_odcs = support::parse(&odcs::export(contract, &workspace, &odcs::ExportOptions::default()));
        let errors = support::schema_errors(&odcs_schema, &as_odcs);
        let odcs_valid = if errors.is_empty() { "valid ODCS 3.2.0" } else { "INVALID ODCS 3.2.0" };
        if !errors.is_empty() {
            failures.push(format!("{name}: ODCS export of the DCS contract invalid:\n  {}", errors.join("\n  ")));
        }
        println!("{name} (DCS {version}): round trip {round_trip}, export {dcs_valid}, as ODCS {odcs_valid}");
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}
