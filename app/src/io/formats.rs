//! The client of the formats module: a Web Worker running the second wasm module (YAML, zip,
//! SQL, schema conformance). It is started by the first request, so the first paint never
//! waits for it; requests made while it loads are queued until it says it is ready. If it dies
//! (out of memory on a huge import, say), every waiting request gets a message and the next
//! request starts a fresh worker.

use std::cell::RefCell;
use std::collections::HashMap;

use dpstudio_protocol::{encode, Request, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker script Trunk writes next to the app (see index.html).
const WORKER_SCRIPT: &str = "./dpstudio-worker_loader.js";

/// The worker's answer to one request.
pub struct Answer {
    pub response: Response,
    /// A zip's bytes, when the response is a zip download.
    pub bytes: Option<Vec<u8>>,
}

impl Answer {
    fn failed(message: String) -> Answer {
        Answer { response: Response::Failed { message }, bytes: None }
    }
}

type Done = Box<dyn FnOnce(Answer)>;

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    /// Messages sent before the module was ready, with their transfer lists.
    queue: Vec<(js_sys::Object, js_sys::Array)>,
    pending: HashMap<u32, Done>,
    next_id: u32,
    // The handlers live as long as the worker does.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Sends `request` (with zips' bytes in `buffers`) and calls `done` with the answer; `done`
/// is called exactly once, with a [`Response::Failed`] when the module cannot be reached.
pub fn call(request: &Request, buffers: Vec<js_sys::Uint8Array>, done: impl FnOnce(Answer) + 'static) {
    let started = CLIENT.with(|cell| {
        if cell.borrow().is_none() {
            *cell.borrow_mut() = Some(start()?);
        }
        Ok::<(), String>(())
    });
    if let Err(message) = started {
        done(Answer::failed(message));
        return;
    }
    let message = js_sys::Object::new();
    let transfer = js_sys::Array::new();
    let list = js_sys::Array::new();
    for buffer in &buffers {
        list.push(buffer);
        transfer.push(&buffer.buffer());
    }
    let to_send = CLIENT.with(|cell| {
        let mut guard = cell.borrow_mut();
        let client = guard.as_mut()?;
        let id = client.next_id;
        client.next_id = client.next_id.wrapping_add(1);
        set(&message, "id", &JsValue::from(id));
        set(&message, "json", &JsValue::from_str(&encode(request)));
        set(&message, "buffers", &list);
        client.pending.insert(id, Box::new(done));
        if client.ready {
            Some((client.worker.clone(), id))
        } else {
            client.queue.push((message.clone(), transfer.clone()));
            None
        }
    });
    if let Some((worker, id)) = to_send {
        if let Err(error) = worker.post_message_with_transfer(&message, &transfer) {
            fail_one(id, format!("could not reach the formats module: {}", describe(&error)));
        }
    }
}

fn start() -> Result<Client, String> {
    let worker = web_sys::Worker::new(WORKER_SCRIPT)
        .map_err(|e| format!("the formats module could not start: {}", describe(&e)))?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        event.prevent_default();
        let detail = event.message();
        let detail = if detail.is_empty() { "it could not be loaded".to_owned() } else { detail };
        stop_all(format!("the formats module stopped ({detail}); try again"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        pending: HashMap::new(),
        next_id: 1,
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    if get(&data, "ready").is_truthy() {
        let queued = CLIENT.with(|cell| {
            let mut guard = cell.borrow_mut();
            let client = guard.as_mut()?;
            client.ready = true;
            Some((client.worker.clone(), std::mem::take(&mut client.queue)))
        });
        if let Some((worker, queue)) = queued {
            for (message, transfer) in queue {
                if let Err(error) = worker.post_message_with_transfer(&message, &transfer) {
                    let id = get(&message, "id").as_f64().unwrap_or(0.0) as u32;
                    fail_one(id, format!("could not reach the formats module: {}", describe(&error)));
                }
            }
        }
        return;
    }
    let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
    let text = get(&data, "json").as_string().unwrap_or_default();
    let response = serde_json::from_str::<Response>(&text)
        .unwrap_or_else(|e| Response::Failed { message: format!("the formats module answered something unreadable: {e}") });
    let bytes = get(&data, "bytes").dyn_into::<js_sys::Uint8Array>().ok().map(|a| a.to_vec());
    // Take the callback out before calling it: it may send the next request.
    let done = CLIENT.with(|cell| cell.borrow_mut().as_mut().and_then(|c| c.pending.remove(&id)));
    if let Some(done) = done {
        done(Answer { response, bytes });
    }
}

fn fail_one(id: u32, message: String) {
    let done = CLIENT.with(|cell| cell.borrow_mut().as_mut().and_then(|c| c.pending.remove(&id)));
    if let Some(done) = done {
        done(Answer::failed(message));
    }
}

/// Ends the worker and answers every waiting request with `message`.
fn stop_all(message: String) {
    let client = CLIENT.with(|cell| cell.borrow_mut().take());
    if let Some(Client { worker, pending, _on_message, _on_error, .. }) = client {
        worker.terminate();
        // This runs inside the error handler: dropping the handlers here would free the
        // closure that is running. They are small; let them be.
        std::mem::forget(_on_message);
        std::mem::forget(_on_error);
        for (_, done) in pending {
            done(Answer::failed(message.clone()));
        }
    }
}

fn get(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &js_sys::Object, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(name), value);
}

fn describe(error: &JsValue) -> String {
    error.as_string().or_else(|| get(error, "message").as_string()).unwrap_or_else(|| "unknown error".to_owned())
}
