//! Side panels around the canvas.

mod inspector;

pub use inspector::Inspector;
