//! Reading a text file the app ships beside itself (the template workspaces), by URL relative
//! to the page. Used only from lazily loaded parts; the files never weigh on the first load.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text at `url`, or a sentence saying why it could not be had (offline, not found, …).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or_else(|| "this page has no window".to_owned())?;
    // A rejected fetch is a network failure: offline, or the server unreachable.
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed (offline?)".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "the browser gave no response".to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {} {}", response.status(), response.status_text()));
    }
    let body = response.text().map_err(|_| "the response body could not be read".to_owned())?;
    let text = JsFuture::from(body).await.map_err(|_| "the download broke off".to_owned())?;
    text.as_string().ok_or_else(|| "the response was not text".to_owned())
}
