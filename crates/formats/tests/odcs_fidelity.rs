//! Every official ODCS example imports and exports to an equal document (compared as parsed
//! values), also after a save/load of the workspace, and every export validates against the
//! official schema of the version it declares.
//!
//! v3.1.0 and v3.2.0 documents are exported in their own version and compared unchanged.
//! One normalisation, only for the v3.0.x examples (export writes 3.1.0 or 3.2.0, not 3.0):
//! they are exported as v3.2.0 and the original's `apiVersion` is set to "v3.2.0" first.

mod support;

use dpstudio_formats::odcs::{self, ExportOptions, OdcsVersion};
use dpstudio_model::Workspace;
use serde_json::Value;

fn workspace_of(imported: odcs::ImportedContract) -> Workspace {
    Workspace {
        format_version: dpstudio_model::FORMAT_VERSION,
        id: "test".into(),
        name: "test".into(),
        context: imported.context,
        contracts: vec![imported.contract],
        ..Default::default()
    }
}

#[test]
fn official_examples_round_trip_and_validate() {
    let Some(reference) = support::reference() else { return };
    let v32 = support::schema(&reference.join("odcs/schema/odcs-json-schema-v3.2.0.json"));
    let v31 = support::schema(&reference.join("odcs/schema/odcs-json-schema-v3.1.0.json"));
    let mut failures = Vec::new();
    let files = support::files(&reference.join("odcs/examples"));
    assert!(files.len() >= 17, "expected the official ODCS examples, found {}", files.len());
    for (name, text) in files {
        let mut original = support::parse(&text);
        let imported = match odcs::import(&text) {
            Ok(i) => i,
            Err(e) => {
                failures.push(format!("{name}: import failed: {e}"));
                continue;
            }
        };
        let source_version = imported.api_version.clone();
        let workspace = workspace_of(imported);
        let contract = &workspace.contracts[0];
        let version = if source_version == "v3.1.0" { OdcsVersion::V3_1_0 } else { OdcsVersion::V3_2_0 };
        let options = ExportOptions { version };
        let exported = support::parse(&odcs::export(contract, &workspace, &options));
        if source_version.starts_with("v3.0.") {
            original["apiVersion"] = Value::String("v3.2.0".into());
        }
        let mut diffs = Vec::new();
        support::diff(&original, &exported, "", &mut diffs);
        let round_trip = if diffs.is_empty() { "equal" } else { "DIFFERENT" };
        if !diffs.is_empty() {
            failures.push(format!("{name}: round trip differs:\n  {}", diffs.join("\n  ")));
        }
        // The hints and extra bags survive the workspace save format.
        let reloaded = dpstudio_model::from_json(&dpstudio_model::to_json_pretty(&workspace)).expect("reloads");
        let again = support::parse(&odcs::export(&reloaded.contracts[0], &reloaded, &options));
        if again != exported {
            let mut d = Vec::new();
            support::diff(&exported, &again, "", &mut d);
            failures.push(format!("{name}: export differs after workspace save/load:\n  {}", d.join("\n  ")));
        }
        let (validator, label) = if version == OdcsVersion::V3_1_0 { (&v31, "v3.1.0") } else { (&v32, "v3.2.0") };
        let errors = support::schema_errors(validator, &exported);
        let schema = if errors.is_empty() { format!("valid {label}") } else { format!("INVALID {label}") };
        if !errors.is_empty() {
            failures.push(format!("{name}: export invalid against {label}:\n  {}", errors.join("\n  ")));
        }
        // Documents written for 3.0/3.1 can also be exported as 3.1.0 and stay valid there,
        // and 3.1 ones as 3.2.0.
        if source_version != "v3.2.0" {
            for (other, validator) in [(OdcsVersion::V3_1_0, &v31), (OdcsVersion::V3_2_0, &v32)] {
                let value = support::parse(&odcs::export(contract, &workspace, &ExportOptions { version: other }));
                let errors = support::schema_errors(validator, &value);
                if !errors.is_empty() {
                    failures.push(format!("{name}: {} export invalid:\n  {}", other.api_version(), errors.join("\n  ")));
                }
            }
        }
        println!("{name} ({source_version}): round trip {round_trip}, export {schema}");
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}
