//! Check speed in the browser: the generated L workspace (1,000 products) checked in WASM in
//! headless Chromium. A benchmark, not a test: it prints figures and asserts only that the
//! incremental result equals a full check. Run it with `./dev bench`: it is built with the `wasm` profile, as shipped
//! (size-optimised).

use dpstudio_check::{check, Change, Checker};
use dpstudio_model::{generate, Edit, Item};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn median(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0])
}

#[wasm_bindgen_test]
fn check_speed_on_the_l_workspace() {
    let start = now();
    let workspace = generate(1_000, 1);
    let generate_ms = now() - start;
    let properties: usize = workspace.contracts.iter().map(|c| c.all_properties().len()).sum();

    let full: Vec<f64> = (0..7)
        .map(|_| {
            let t = now();
            let diagnostics = check(&workspace);
            let elapsed = now() - t;
            assert!(diagnostics.len() < 1_000_000);
            elapsed
        })
        .collect();

    let mut checker = Checker::new(&workspace);
    let product = &workspace.products[workspace.products.len() / 2];
    let mut changed = product.clone();
    changed.purpose.push_str(" Edited.");
    let mut edit = Edit::replace(&workspace, &product.id, Item::Product(changed)).unwrap();
    let mut current = workspace.clone();
    let mut updates = Vec::new();
    for _ in 0..40 {
        let touched = edit.touched();
        let inverse = edit.apply(&mut current).unwrap();
        let t = now();
        checker.update(&current, &Change::from(&touched));
        updates.push(now() - t);
        edit = inverse;
    }
    assert_eq!(checker.diagnostics(), check(&current).as_slice(), "incremental check must equal a full check");

    let (full_median, full_min) = median(full);
    let (edit_median, edit_min) = median(updates);
    console_log!(
        "wasm bench: {} products, {} contracts, {} properties; generate {:.0} ms",
        workspace.products.len(),
        workspace.contracts.len(),
        properties,
        generate_ms
    );
    console_log!("wasm bench: full check        median {full_median:.2} ms, min {full_min:.2} ms");
    console_log!("wasm bench: check after edit  median {edit_median:.3} ms, min {edit_min:.3} ms");
}
