//! The Fullscreen API, with its promises awaited so a refusal (no user gesture, a headless
//! browser, a policy) is dropped quietly instead of surfacing as an unhandled rejection.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// web-sys declares these two as returning nothing; browsers return promises that may reject.
// Types of our own, since methods cannot be added to web-sys's.
#[wasm_bindgen]
extern "C" {
    type PromisingElement;
    #[wasm_bindgen(method, catch, js_name = requestFullscreen)]
    fn request_fullscreen(this: &PromisingElement) -> Result<js_sys::Promise, JsValue>;
    type PromisingDocument;
    #[wasm_bindgen(method, catch, js_name = exitFullscreen)]
    fn exit_fullscreen(this: &PromisingDocument) -> Result<js_sys::Promise, JsValue>;
}

fn settle(promise: Result<js_sys::Promise, JsValue>) {
    if let Ok(promise) = promise {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Asks for the whole page full screen.
pub fn request() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        settle(root.unchecked_ref::<PromisingElement>().request_fullscreen());
    }
}

/// Leaves full screen, if the page is in it.
pub fn exit() {
    let Some(document) = document() else { return };
    if document.fullscreen_element().is_some() {
        settle(document.unchecked_ref::<PromisingDocument>().exit_fullscreen());
    }
}

/// Whether the page is full screen now.
pub fn active() -> bool {
    document().is_some_and(|d| d.fullscreen_element().is_some())
}
