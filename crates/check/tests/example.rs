//! The example workspace the app ships must check without errors: it is what new users see
//! first, and a rule that flags it is a false positive.

use dpstudio_check::{check, Severity};

#[test]
fn retail_example_has_no_errors() {
    let text = include_str!("../../../examples/retail.workspace.json");
    let workspace = dpstudio_model::from_json(text).expect("the example loads");
    let diagnostics = check(&workspace);
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "the example should have no errors: {errors:#?}");
    // The example is meant to be realistic, not spotless: it shows warnings and info too, so
    // the check really ran over it.
    assert!(!workspace.products.is_empty() && !workspace.contracts.is_empty());
}
