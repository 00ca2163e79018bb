//! The canvas as a picture: SVG (vector, for docs and slides) or PNG (twice the screen
//! resolution). The picture is a copy of the drawn canvas framed to the whole mesh, with the
//! computed styles written onto each element so it looks the same outside the app (no
//! stylesheet travels with the file). Nothing leaves the browser.

use dpstudio_model::Workspace;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::geometry;
use crate::io::{download, download_blob};

/// The style properties that decide how canvas shapes and text look.
const STYLED: [&str; 14] = [
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity", "font-family",
    "font-size", "font-weight", "letter-spacing", "text-transform", "text-anchor", "display",
];

fn fail(what: &str) -> String {
    format!("could not {what}")
}

/// The canvas SVG as a standalone document framed to every node of `ws`.
pub fn svg_text(ws: &Workspace) -> Result<(String, f64, f64), String> {
    let window = web_sys::window().ok_or_else(|| fail("reach the page"))?;
    let document = window.document().ok_or_else(|| fail("reach the page"))?;
    let original = document.query_selector("svg.canvas-svg").ok().flatten().ok_or_else(|| fail("find the canvas"))?;
    let bounds = geometry::content_bounds(ws).ok_or_else(|| "The canvas is empty: there is nothing to draw.".to_owned())?.grow(24.0);
    let copy: web_sys::Element = original.clone_node_with_deep(true).map_err(|_| fail("copy the canvas"))?.unchecked_into();

    // Copy computed styles element by element (both lists are in document order).
    let from = original.query_selector_all("*").map_err(|_| fail("read the canvas"))?;
    let to = copy.query_selector_all("*").map_err(|_| fail("read the canvas"))?;
    for i in 0..from.length().min(to.length()) {
        let (Some(source), Some(target)) = (from.item(i), to.item(i)) else { continue };
        let (Ok(source), Ok(target)) = (source.dyn_into::<web_sys::Element>(), target.dyn_into::<web_sys::SvgElement>()) else { continue };
        let Ok(Some(computed)) = window.get_computed_style(&source) else { continue };
        let style = target.style();
        for name in STYLED {
            if let Ok(value) = computed.get_property_value(name) {
                if !value.is_empty() {
                    let _ = style.set_property(name, &value);
                }
            }
        }
        target.remove_attribute("class").ok();
    }
    // Frame the whole mesh rather than the current pan and zoom.
    if let Ok(Some(view)) = copy.query_selector(":scope > g") {
        let _ = view.remove_attribute("transform");
    }
    if let Ok(Some(preview)) = copy.query_selector(".link-preview") {
        preview.remove();
    }
    let background = window
        .get_computed_style(&original)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("background-color").ok())
        .unwrap_or_else(|| "#ffffff".to_owned());
    let (w, h) = (bounds.width.ceil(), bounds.height.ceil());
    for (name, value) in [
        ("xmlns", "http://www.w3.org/2000/svg".to_owned()),
        ("viewBox", format!("{:.0} {:.0} {w} {h}", bounds.x, bounds.y)),
        ("width", w.to_string()),
        ("height", h.to_string()),
    ] {
        let _ = copy.set_attribute(name, &value);
    }
    // (No inline style attribute is ever set or removed by name: the page's CSP forbids it;
    // styles go through the CSSOM below.)
    for name in ["class", "role", "aria-label"] {
        let _ = copy.remove_attribute(name);
    }
    if let Some(svg) = copy.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.style().set_property("background-color", &background);
    }
    let text = web_sys::XmlSerializer::new().and_then(|s| s.serialize_to_string(&copy)).map_err(|_| fail("write the picture"))?;
    Ok((text, w, h))
}

pub fn download_svg(ws: &Workspace, file_stem: &str) -> Result<String, String> {
    let (text, _, _) = svg_text(ws)?;
    let name = format!("{file_stem}.canvas.svg");
    download(&name, "image/svg+xml", &text)?;
    Ok(name)
}

/// Renders the SVG picture at twice its size onto a canvas and downloads it as PNG.
pub async fn download_png(ws: &Workspace, file_stem: &str) -> Result<String, String> {
    let (text, w, h) = svg_text(ws)?;
    let png = png_of_svg(&text, w, h).await?;
    let name = format!("{file_stem}.canvas.png");
    download_blob(&name, "image/png", &png)?;
    Ok(name)
}

/// Draws the SVG document `text` (`w` × `h`) at twice its size onto a canvas and encodes it as
/// a PNG blob. Shared with the product canvas view's picture.
pub async fn png_of_svg(text: &str, w: f64, h: f64) -> Result<wasm_bindgen::JsValue, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("reach the page"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("prepare the picture"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("prepare the picture"))?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| fail("prepare the picture"))?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(|_| fail("draw the picture"))?;
    // Browsers cap canvas sizes; a huge mesh is drawn at a smaller scale rather than failing.
    let scale = (2.0f64).min(16_000.0 / w.max(h)).max(0.1);
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").map_err(|_| fail("draw the picture"))?.unchecked_into();
    canvas.set_width((w * scale) as u32);
    canvas.set_height((h * scale) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or_else(|| fail("draw the picture"))?
        .unchecked_into();
    context.scale(scale, scale).map_err(|_| fail("draw the picture"))?;
    context.draw_image_with_html_image_element(&image, 0.0, 0.0).map_err(|_| fail("draw the picture"))?;
    // toBlob hands the PNG over in a callback; a promise makes it awaitable.
    let encoded = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob_with_type(&resolve, "image/png");
    });
    let png = JsFuture::from(encoded).await.map_err(|_| fail("encode the picture"))?;
    if png.is_null() {
        return Err(fail("encode the picture (it may be too large for a picture)"));
    }
    Ok(png)
}
