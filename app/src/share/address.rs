//! The page's address: read the fragment, take it away, reload. `Location` comes from web-sys
//! (the offline module turns its feature on); `History` is declared here rather than through
//! web-sys's feature: turning that on rebuilds web-sys and everything above it for one call.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type History;
    #[wasm_bindgen(thread_local_v2, js_name = history)]
    static HISTORY: History;
    #[wasm_bindgen(method, catch, js_name = replaceState)]
    fn replace_state(this: &History, data: &JsValue, unused: &str, url: &str) -> Result<(), JsValue>;
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The fragment, with its `#` (empty when there is none).
pub fn fragment() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

/// The address without its fragment.
pub fn without_fragment() -> String {
    let Some(l) = location() else { return String::new() };
    let part = |p: Result<String, JsValue>| p.unwrap_or_default();
    format!("{}{}{}", part(l.origin()), part(l.pathname()), part(l.search()))
}

/// Takes the fragment out of the address, without loading the page or adding a history entry.
pub fn drop_fragment() {
    let address = without_fragment();
    let _ = HISTORY.with(|h| h.replace_state(&JsValue::NULL, "", &address));
}

pub fn reload() {
    if let Some(l) = location() {
        let _ = l.reload();
    }
}
