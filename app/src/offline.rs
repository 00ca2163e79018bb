//! Offline use: registers the service worker (`public/sw.js`), which caches every file of the
//! build on the first visit, so the app opens and works without a network from then on.
//!
//! A new build installs beside the running one and waits (see sw.js for why). Right after the
//! app starts, before any part of it has been loaded on first use, a waiting new version is
//! asked to take over; if it does (this is the only open page), the page reloads into it.
//! Failures stay silent: the app works the same without offline support.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RegistrationOptions, ServiceWorkerRegistration, ServiceWorkerUpdateViaCache};

/// What the page says to a waiting new version; sw.js answers it.
const ACTIVATE_NOW: &str = "activate-now";

pub fn install() {
    let Some(window) = web_sys::window() else { return };
    // Service workers exist only on http(s) pages in secure contexts (localhost counts); the
    // property is missing elsewhere, and calling through it would throw.
    let protocol = window.location().protocol().unwrap_or_default();
    let navigator = window.navigator();
    if !matches!(protocol.as_str(), "http:" | "https:")
        || !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false)
    {
        return;
    }
    let container = navigator.service_worker();
    let options = RegistrationOptions::new();
    // The update check must see each new precache list, whatever the host's HTTP caching says.
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let registering = container.register_with_options("./sw.js", &options);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else { return };
        // A browser that blocks service workers resolves without a registration.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        // Without a controller this is the first visit (or a forced reload): nothing to replace.
        let (Some(waiting), Some(_)) = (registration.waiting(), container.controller()) else { return };
        let reload = Closure::once_into_js(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        container.set_oncontrollerchange(Some(reload.unchecked_ref()));
        let _ = waiting.post_message(&JsValue::from_str(ACTIVATE_NOW));
    });
}
