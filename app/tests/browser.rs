//! Browser tests: the app mounted in headless Chromium (wasm-bindgen-test).

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Leptos flush effects and the browser paint.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn mount() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.style().set_property("height", "720px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), dpstudio_app::App).forget();
    host
}

#[wasm_bindgen_test]
async fn app_draws_every_example_product_as_a_node() {
    let host = mount();
    settle().await;
    let titles = host.query_selector_all("g.node.product .node-title").unwrap();
    let mut names: Vec<String> =
        (0..titles.length()).map(|i| titles.item(i).unwrap().text_content().unwrap()).collect();
    names.sort();
    let mut expected: Vec<String> = dpstudio_app::example_workspace().products.into_iter().map(|p| p.name).collect();
    expected.sort();
    assert_eq!(names, expected);
    assert_eq!(expected.len(), 4);
}

#[wasm_bindgen_test]
async fn status_bar_counts_match_the_checker() {
    let host = mount();
    settle().await;
    let diagnostics = dpstudio_check::check(&dpstudio_app::example_workspace());
    let errors = diagnostics.iter().filter(|d| d.severity == dpstudio_check::Severity::Error).count();
    let summary = host.query_selector("[data-testid=diagnostics-summary]").unwrap().unwrap().text_content().unwrap();
    if diagnostics.is_empty() {
        assert_eq!(summary, "✓ No problems");
    } else {
        assert!(summary.contains(&format!("{errors} error")), "summary {summary:?} should count {errors} errors");
    }
}

#[wasm_bindgen_test]
async fn pressing_a_product_node_shows_it_in_the_inspector() {
    let host = mount();
    settle().await;
    let node = host.query_selector("g.node.product[data-product='customer-360']").unwrap().unwrap();
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(10);
    init.set_client_y(10);
    let down = web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap();
    node.dispatch_event(&down).unwrap();
    settle().await;
    let title = host.query_selector(".inspector .panel-title").unwrap().unwrap().text_content().unwrap();
    assert_eq!(title, "Customer 360");
}
