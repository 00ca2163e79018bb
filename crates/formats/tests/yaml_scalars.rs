//! Text that YAML readers could take for something else (numbers, booleans, null, dates,
//! versions, octal, special characters) comes back from an export as the same text.

use dpstudio_formats::odcs;
use dpstudio_model::{DataContract, SchemaObject, Workspace};
use serde_json::Value;

const TRICKY: &[&str] = &[
    "1.0", "1.10", "2", "-1", "0755", "0o17", "0x1F", "1e3", ".5", "1_000", "+1", ".inf", "-.inf", ".nan",
    "true", "false", "yes", "no", "on", "off", "y", "n", "True", "NO", "null", "Null", "~", "",
    "2024-01-01", "2024-01-01T10:00:00Z", "09:00-08:00", "12:30", "${DB_HOST}", "#hash", "a: b",
    "- item", "[x]", "{y}", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick", "'quote'",
    "\"dq\"", " leading", "trailing ", "multi\nline\n", "tab\there", "ünïcödé ✓", "\\backslash",
    "line\r\nbreak", "?", ":", "-", "---", "...", "|", ">",
];

#[test]
fn tricky_text_survives_export_and_import() {
    let contract = DataContract {
        id: "c".into(),
        version: "1.0".into(),
        tags: TRICKY.iter().map(|s| s.to_string()).filter(|s| !s.is_empty()).collect(),
        schema: TRICKY
            .iter()
            .map(|s| SchemaObject { name: "t".into(), description: s.to_string(), ..Default::default() })
            .collect(),
        ..Default::default()
    };
    let w = Workspace { contracts: vec![contract.clone()], ..Default::default() };
    let text = odcs::export(&contract, &w, &odcs::ExportOptions::default());
    let back = odcs::import(&text).unwrap_or_else(|e| panic!("{e}\n{text}")).contract;
    assert_eq!(back.version, "1.0");
    assert_eq!(back.tags, contract.tags);
    for (a, b) in contract.schema.iter().zip(&back.schema) {
        assert_eq!(a.description, b.description, "\n{text}");
    }
    // A plain YAML 1.1-style reader must see text too, not booleans or numbers.
    let any: Value = serde_saphyr::from_str(&text).expect("YAML");
    assert!(any["tags"].as_array().unwrap().iter().all(Value::is_string), "{text}");
}
