//! Side panels around the canvas.

mod inspector;
mod spec_preview;

pub use inspector::Inspector;
pub use spec_preview::SpecPreview;
