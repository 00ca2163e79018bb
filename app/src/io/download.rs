//! Saves text as a file through a temporary object URL and a clicked link — no server involved.

use wasm_bindgen::JsCast;

pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("could not {what}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("create the file"))?;
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
