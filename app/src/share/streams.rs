//! Raw deflate through the browser's own `CompressionStream` and `DecompressionStream`, so the
//! wasm carries no compression library. web-sys offers the two streams only behind its
//! unstable-API switch (a flag for the whole build), and the stream and response features it
//! does have would rebuild web-sys and everything above it, so the few calls are declared here.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The format share links use: deflate without the zlib header and checksum (the link's own
/// version says what it is, and the JSON parser notices damage).
const FORMAT: &str = "deflate-raw";

#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;

    /// A `Blob` seen through the one method used here.
    type StreamingBlob;
    #[wasm_bindgen(method)]
    fn stream(this: &StreamingBlob) -> ReadableStream;

    type ReadableStream;
    #[wasm_bindgen(method, js_name = pipeThrough)]
    fn pipe_through(this: &ReadableStream, transform: &JsValue) -> ReadableStream;

    type Response;
    #[wasm_bindgen(constructor, catch)]
    fn new(body: &ReadableStream) -> Result<Response, JsValue>;
    #[wasm_bindgen(method, catch, js_name = arrayBuffer)]
    fn array_buffer(this: &Response) -> Result<js_sys::Promise, JsValue>;
}

/// `bytes` compressed.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    through(bytes, CompressionStream::new(FORMAT)?.into()).await
}

/// `bytes` decompressed; an error when they are not raw deflate or stop before its end.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    through(bytes, DecompressionStream::new(FORMAT)?.into()).await
}

/// Streams `bytes` through `transform` (a readable/writable pair) and reads the result whole.
async fn through(bytes: &[u8], transform: JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let output = blob.unchecked_ref::<StreamingBlob>().stream().pipe_through(&transform);
    let response = Response::new(&output)?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
