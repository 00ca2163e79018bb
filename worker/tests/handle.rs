//! The worker's requests end to end, natively: what the app sends in, what comes back.

use std::io::{Cursor, Read};

use dpstudio_protocol::{encode, ExportTarget, InputFile, Request, Response, Subject};
use dpstudio_worker::{handle, handle_text, Reply};

fn retail() -> dpstudio_model::Workspace {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/retail.workspace.json")).unwrap();
    dpstudio_model::from_json(&text).unwrap()
}

fn json(w: &dpstudio_model::Workspace) -> String {
    dpstudio_model::to_json(w)
}

fn failed_message(reply: &Reply) -> &str {
    match &reply.response {
        Response::Failed { message } => message,
        other => panic!("expected a failure, got {other:?}"),
    }
}

fn zip_paths(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    archive.file_names().map(str::to_owned).collect()
}

#[test]
fn every_export_target_downloads_its_files() {
    let w = retail();
    for target in ExportTarget::ALL {
        let reply = handle(Request::Export { workspace: json(&w), target }, Vec::new());
        let Response::Exported { file_name, mime, text, paths, .. } = reply.response else {
            panic!("{target:?}: {:?}", reply.response)
        };
        assert!(!paths.is_empty(), "{target:?}");
        match text {
            Some(text) => {
                assert_eq!(paths.len(), 1, "{target:?}: text only for one file");
                assert!(!text.is_empty());
                assert!(paths[0].ends_with(&file_name), "{file_name} vs {paths:?}");
                assert_ne!(mime, "application/zip");
            }
            None => {
                let bytes = reply.bytes.expect("a zip travels as bytes");
                assert_eq!(mime, "application/zip");
                assert!(file_name.ends_with(&format!("-{}.zip", target.slug())), "{file_name}");
                let mut in_zip = zip_paths(&bytes);
                in_zip.sort();
                let mut expected = paths.clone();
                expected.sort();
                assert_eq!(in_zip, expected, "{target:?}: the zip holds exactly the listed files");
            }
        }
    }
}

#[test]
fn the_bundle_zip_holds_the_workspace_and_contracts() {
    let w = retail();
    let reply = handle(Request::Export { workspace: json(&w), target: ExportTarget::Bundle }, Vec::new());
    let bytes = reply.bytes.expect("bundle is a zip");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut saved = String::new();
    archive.by_name("workspace.dpstudio.json").unwrap().read_to_string(&mut saved).unwrap();
    assert_eq!(dpstudio_model::from_json(&saved).unwrap(), w);
    for c in &w.contracts {
        assert!(archive.by_name(&format!("contracts/{}.odcs.yaml", c.id)).is_ok(), "{}", c.id);
    }
}

#[test]
fn preview_shows_the_standard_document_of_a_product_or_contract() {
    let w = retail();
    let contract = &w.contracts[0];
    let reply = handle(Request::Preview { workspace: json(&w), subject: Subject::Contract(contract.id.clone()) }, Vec::new());
    let Response::Preview { file_name, text, .. } = reply.response else { panic!("{:?}", reply.response) };
    assert_eq!(file_name, format!("{}.odcs.yaml", contract.id));
    let back = dpstudio_formats::odcs::import(&text).unwrap();
    assert_eq!(back.contract.id, contract.id);
    assert_eq!(back.contract.schema.len(), contract.schema.len());

    let product = &w.products[0];
    let reply = handle(Request::Preview { workspace: json(&w), subject: Subject::Product(product.id.clone()) }, Vec::new());
    let Response::Preview { text, .. } = reply.response else { panic!("{:?}", reply.response) };
    assert_eq!(dpstudio_formats::odps::import(&text).unwrap().product.id, product.id);

    let reply = handle(Request::Preview { workspace: json(&w), subject: Subject::Product("gone".into()) }, Vec::new());
    assert!(failed_message(&reply).contains("'gone'"));
}

#[test]
fn importing_spec_files_adds_them_to_the_open_workspace() {
    let w = retail();
    let mut incoming = dpstudio_model::generate(2, 5);
    incoming.contracts[0].id = "imported-contract".into();
    let text = dpstudio_formats::odcs::export(&incoming.contracts[0], &incoming, &Default::default());
    let files = vec![
        InputFile { name: "imported.odcs.yaml".into(), text, zip: false },
        InputFile { name: "notes.txt".into(), text: "hello".into(), zip: false },
    ];
    let reply = handle(Request::Import { workspace: json(&w), files }, Vec::new());
    let Response::Imported { workspace, summary, .. } = reply.response else { panic!("{:?}", reply.response) };
    let merged = dpstudio_model::from_json(&workspace).unwrap();
    assert_eq!(merged.contracts.len(), w.contracts.len() + 1);
    assert!(merged.contract("imported-contract").is_some());
    assert_eq!(merged.products, w.products, "existing products untouched");
    assert_eq!((summary.files, summary.contracts, summary.products, summary.is_workspace), (1, 1, 0, false));
    assert_eq!(summary.skipped.len(), 1, "{:?}", summary.skipped);
    assert!(summary.skipped[0].starts_with("notes.txt"));
}

#[test]
fn importing_a_bundle_zip_opens_its_saved_workspace() {
    let w = retail();
    let bundle = handle(Request::Export { workspace: json(&w), target: ExportTarget::Bundle }, Vec::new()).bytes.unwrap();
    let empty = dpstudio_model::Workspace { name: "Empty".into(), ..Default::default() };
    let files = vec![InputFile { name: "retail-bundle.zip".into(), text: String::new(), zip: true }];
    let reply = handle(Request::Import { workspace: json(&empty), files }, vec![bundle]);
    let Response::Imported { workspace, summary, .. } = reply.response else { panic!("{:?}", reply.response) };
    assert!(summary.is_workspace);
    assert_eq!(dpstudio_model::from_json(&workspace).unwrap(), w);
    assert!(summary.skipped.iter().any(|s| s.contains("beside the saved workspace")), "{:?}", summary.skipped);
}

#[test]
fn importing_sql_ddl_adds_a_contract() {
    let empty = dpstudio_model::Workspace { name: "Empty".into(), ..Default::default() };
    let ddl = "CREATE TABLE orders (\n  order_id BIGINT PRIMARY KEY,\n  placed_at TIMESTAMP NOT NULL\n);\n";
    let files = vec![InputFile { name: "ddl/orders.sql".into(), text: ddl.into(), zip: false }];
    let reply = handle(Request::Import { workspace: json(&empty), files }, Vec::new());
    let Response::Imported { workspace, .. } = reply.response else { panic!("{:?}", reply.response) };
    let w = dpstudio_model::from_json(&workspace).unwrap();
    assert_eq!(w.contracts.len(), 1);
    let object = &w.contracts[0].schema[0];
    assert_eq!(object.name, "orders");
    let names: Vec<_> = object.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["order_id", "placed_at"]);
}

#[test]
fn bad_files_fail_with_file_line_and_column_and_change_nothing() {
    let w = retail();
    let broken = "apiVersion: v3.2.0\nkind: DataContract\nid: x\nschema: [\n  - name: {\n";
    let files = vec![InputFile { name: "broken.odcs.yaml".into(), text: broken.into(), zip: false }];
    let reply = handle(Request::Import { workspace: json(&w), files }, Vec::new());
    let message = failed_message(&reply);
    assert!(message.starts_with("broken.odcs.yaml:"), "{message}");
    let position: Vec<&str> = message.splitn(4, ':').collect();
    assert!(position[1].parse::<usize>().is_ok() && position[2].parse::<usize>().is_ok(), "line and column in {message}");

    let files = vec![InputFile { name: "damaged.json".into(), text: "{\"formatVersion\": 2, \"products\": 7}".into(), zip: false }];
    let message = failed_message(&handle(Request::Import { workspace: json(&w), files }, Vec::new())).to_owned();
    assert!(message.starts_with("damaged.json: looks like a saved workspace but cannot be read"), "{message}");

    let files = vec![InputFile { name: "events.ndjson".into(), text: "{\"a\": 1}\n{\"a\": ]}\n".into(), zip: false }];
    let message = failed_message(&handle(Request::Import { workspace: json(&w), files }, Vec::new())).to_owned();
    assert!(message.starts_with("events.ndjson:2:"), "{message}");

    let files = vec![InputFile { name: "x.zip".into(), text: String::new(), zip: true }];
    let message = failed_message(&handle(Request::Import { workspace: json(&w), files }, vec![b"not a zip".to_vec()])).to_owned();
    assert!(message.starts_with("x.zip: not a readable zip file"), "{message}");

    let files = vec![InputFile { name: "README.md".into(), text: "# hi".into(), zip: false }];
    let message = failed_message(&handle(Request::Import { workspace: json(&w), files }, Vec::new())).to_owned();
    assert!(message.starts_with("nothing to import"), "{message}");
}

#[test]
fn a_message_that_is_not_a_request_gets_an_answer() {
    let message = failed_message(&handle_text("{\"op\":\"launch\"}", Vec::new())).to_owned();
    assert!(message.contains("did not understand"), "{message}");
    let reply = handle_text(&encode(&Request::Export { workspace: "not json".into(), target: ExportTarget::Odps }), Vec::new());
    assert!(failed_message(&reply).contains("workspace could not be read"));
}

/// The official schemas are bundled at build time from ../shared/reference; without it the
/// conformance assertions cannot hold.
fn schemas_bundled() -> bool {
    let present = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/reference/odcs/schema")).is_dir();
    if !present {
        eprintln!("../shared/reference is absent: conformance assertions skipped");
    }
    present
}

#[test]
fn exports_and_previews_are_valid_against_the_official_schemas() {
    if !schemas_bundled() {
        return;
    }
    let w = retail();
    for target in [ExportTarget::Odcs32, ExportTarget::Odcs31, ExportTarget::Odps, ExportTarget::Dcs, ExportTarget::Dpds] {
        let reply = handle(Request::Export { workspace: json(&w), target }, Vec::new());
        let Response::Exported { findings, unchecked, paths, .. } = reply.response else { panic!("{:?}", reply.response) };
        assert_eq!(findings, Vec::new(), "{target:?}");
        assert_eq!(unchecked, 0);
        assert!(!paths.is_empty());
    }
    let reply = handle(Request::Preview { workspace: json(&w), subject: Subject::Contract(w.contracts[0].id.clone()) }, Vec::new());
    let Response::Preview { findings, .. } = reply.response else { panic!("{:?}", reply.response) };
    assert_eq!(findings, Vec::new());
}

#[test]
fn imported_files_that_break_their_schema_are_reported_with_positions() {
    if !schemas_bundled() {
        return;
    }
    let w = retail();
    let mut text = dpstudio_formats::odcs::export(&w.contracts[0], &w, &Default::default());
    let line = text.lines().count() + 1;
    text.push_str("notAnOdcsField: true\n");
    let files = vec![InputFile { name: "mine.yaml".into(), text, zip: false }];
    let reply = handle(Request::Import { workspace: json(&dpstudio_model::Workspace::default()), files }, Vec::new());
    let Response::Imported { findings, .. } = reply.response else { panic!("{:?}", reply.response) };
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!((findings[0].file.as_str(), findings[0].line, findings[0].column), ("mine.yaml", line, 1), "{findings:?}");
    assert!(findings[0].message.contains("notAnOdcsField"), "{findings:?}");
}

#[test]
fn importing_a_json_sample_infers_a_contract() {
    let empty = dpstudio_model::Workspace { name: "Empty".into(), ..Default::default() };
    let sample = r#"[{"order_id": 1, "placed_at": "2026-11-02T10:00:00Z", "note": null},
                     {"order_id": 2, "placed_at": "2026-11-03T11:30:00Z"}]"#;
    let files = vec![InputFile { name: "orders.json".into(), text: sample.into(), zip: false }];
    let reply = handle(Request::Import { workspace: json(&empty), files }, Vec::new());
    let Response::Imported { workspace, summary, .. } = reply.response else { panic!("{:?}", reply.response) };
    assert_eq!(summary.contracts, 1);
    let w = dpstudio_model::from_json(&workspace).unwrap();
    let properties = &w.contracts[0].schema[0].properties;
    let order_id = properties.iter().find(|p| p.name == "order_id").expect("order_id inferred");
    assert!(order_id.required, "present in every record");
    let note = properties.iter().find(|p| p.name == "note").expect("note inferred");
    assert!(!note.required, "null or missing somewhere");
}
