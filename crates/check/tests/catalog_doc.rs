//! docs/rules.md is the catalog rendered from code; this test fails when it is stale.

use dpstudio_check::{catalog, catalog_markdown};

#[test]
fn docs_rules_md_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == catalog_markdown(),
        "docs/rules.md is not current; regenerate it from the repository root with\n  \
         cargo run -p dpstudio-cli -- rules --format markdown > docs/rules.md"
    );
}

#[test]
fn catalog_ids_are_unique_stable_and_documented() {
    let mut ids: Vec<&str> = catalog().iter().map(|r| r.id).collect();
    assert!(ids.len() >= 45, "only {} rules", ids.len());
    for rule in catalog() {
        let (family, name) = rule.id.split_once('.').expect("family.name");
        assert_eq!(family, rule.family.as_str(), "{}", rule.id);
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} is not kebab-case",
            rule.id
        );
        assert!(rule.summary.ends_with('.') && !rule.rationale.is_empty(), "{}", rule.id);
        assert!(catalog_markdown().contains(&format!("`{}`", rule.id)));
    }
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate rule ids");
}
