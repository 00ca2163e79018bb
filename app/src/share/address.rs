//! The page's address: read the fragment, take it away, reload. Declared here rather than
//! through web-sys's `Location` and `History` features: turning those on rebuilds web-sys and
//! everything above it for a handful of calls.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type Location;
    #[wasm_bindgen(thread_local_v2, js_name = location)]
    static LOCATION: Location;
    #[wasm_bindgen(method, getter)]
    fn hash(this: &Location) -> String;
    #[wasm_bindgen(method, getter)]
    fn origin(this: &Location) -> String;
    #[wasm_bindgen(method, getter)]
    fn pathname(this: &Location) -> String;
    #[wasm_bindgen(method, getter)]
    fn search(this: &Location) -> String;
    #[wasm_bindgen(method)]
    fn reload(this: &Location);

    type History;
    #[wasm_bindgen(thread_local_v2, js_name = history)]
    static HISTORY: History;
    #[wasm_bindgen(method, catch, js_name = replaceState)]
    fn replace_state(this: &History, data: &JsValue, unused: &str, url: &str) -> Result<(), JsValue>;
}

/// The fragment, with its `#` (empty when there is none).
pub fn fragment() -> String {
    LOCATION.with(Location::hash)
}

/// The address without its fragment.
pub fn without_fragment() -> String {
    LOCATION.with(|l| format!("{}{}{}", l.origin(), l.pathname(), l.search()))
}

/// Takes the fragment out of the address, without loading the page or adding a history entry.
pub fn drop_fragment() {
    let address = without_fragment();
    let _ = HISTORY.with(|h| h.replace_state(&JsValue::NULL, "", &address));
}

pub fn reload() {
    LOCATION.with(Location::reload);
}
