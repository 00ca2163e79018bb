//! Every official ODPS example imports and exports to an equal document (compared as parsed
//! values), also after a save/load of the workspace, and every export validates against the
//! official ODPS v1.1.0 schema.
//!
//! One normalisation: export always declares `apiVersion: v1.1.0`, so an original declaring
//! another version (the two v0.9.0 examples) has its `apiVersion` set to "v1.1.0" first.

mod support;

use dpstudio_formats::odps;
use dpstudio_model::Workspace;
use serde_json::Value;

#[test]
fn official_examples_round_trip_and_validate() {
    let Some(reference) = support::reference() else { return };
    let v11 = support::schema(&reference.join("odps/schema/odps-json-schema-v1.1.0.json"));
    let mut failures = Vec::new();
    let files = support::files(&reference.join("odps/examples"));
    assert!(files.len() >= 3, "expected the official ODPS examples, found {}", files.len());
    for (name, text) in files {
        let mut original = support::parse(&text);
        let imported = match odps::import(&text) {
            Ok(i) => i,
            Err(e) => {
                failures.push(format!("{name}: import failed: {e}"));
                continue;
            }
        };
        let source_version = imported.api_version.clone();
        let workspace = Workspace {
            format_version: dpstudio_model::FORMAT_VERSION,
            id: "test".into(),
            name: "test".into(),
            context: imported.context,
            products: vec![imported.product],
            ..Default::default()
        };
        let exported = support::parse(&odps::export(&workspace.products[0], &workspace));
        original["apiVersion"] = Value::String(odps::EXPORT_VERSION.into());
        let mut diffs = Vec::new();
        support::diff(&original, &exported, "", &mut diffs);
        let round_trip = if diffs.is_empty() { "equal" } else { "DIFFERENT" };
        if !diffs.is_empty() {
            failures.push(format!("{name}: round trip differs:\n  {}", diffs.join("\n  ")));
        }
        let reloaded = dpstudio_model::from_json(&dpstudio_model::to_json_pretty(&workspace)).expect("reloads");
        let again = support::parse(&odps::export(&reloaded.products[0], &reloaded));
        if again != exported {
            let mut d = Vec::new();
            support::diff(&exported, &again, "", &mut d);
            failures.push(format!("{name}: export differs after workspace save/load:\n  {}", d.join("\n  ")));
        }
        let errors = support::schema_errors(&v11, &exported);
        let schema = if errors.is_empty() { "valid v1.1.0" } else { "INVALID v1.1.0" };
        if !errors.is_empty() {
            failures.push(format!("{name}: export invalid against v1.1.0:\n  {}", errors.join("\n  ")));
        }
        println!("{name} ({source_version}): round trip {round_trip}, export {schema}");
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}
