//! Saves text or bytes as a file through a temporary object URL and a clicked link — no server
//! involved.

use wasm_bindgen::{JsCast, JsValue};

/// Downloads `text` as `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    save(file_name, mime, &JsValue::from_str(text))
}

/// Downloads `bytes` (a zip) as `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    save(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

/// Downloads a `Blob` (a rendered picture) as `file_name`.
pub fn download_blob(file_name: &str, mime: &str, blob: &JsValue) -> Result<(), String> {
    save(file_name, mime, blob)
}

fn save(file_name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let fail = |what: &str| format!("could not {what}");
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(|_| fail("create the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("create a download link"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("reach the page"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("create a link"))?
        .dyn_into()
        .map_err(|_| fail("create a link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
