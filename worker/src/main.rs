//! The Web Worker's entry point: each message is `{ id, json, buffers? }` (buffers: the zips'
//! bytes as `Uint8Array`s); the answer `{ id, json, bytes? }` goes back with the same id, a
//! zip's bytes as a transferred `Uint8Array`, not inside the JSON.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let id = field("id");
        let text = field("json").as_string().unwrap_or_default();
        let buffers = match field("buffers").dyn_into::<js_sys::Array>() {
            Ok(list) => list.iter().filter_map(|b| b.dyn_into::<js_sys::Uint8Array>().ok()).map(|a| a.to_vec()).collect(),
            Err(_) => Vec::new(),
        };
        let reply = dpstudio_worker::handle_text(&text, buffers);
        let message = js_sys::Object::new();
        let set = |name: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(name), value);
        };
        set("id", &id);
        set("json", &JsValue::from_str(&dpstudio_protocol::encode(&reply.response)));
        let transfer = js_sys::Array::new();
        if let Some(bytes) = reply.bytes {
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            transfer.push(&array.buffer());
            set("bytes", &array);
        }
        if let Err(error) = reply_scope.post_message_with_transfer(&message, &transfer) {
            web_sys::console::error_1(&error);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Tell the app the module is ready, so requests sent before it loaded are not lost.
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &JsValue::from_str("ready"), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dpstudio-worker runs in a browser's Web Worker; `./dev build` builds it with the app.");
    std::process::exit(2);
}
