//! Side panels around the canvas.

mod inspector;
mod problems;
mod selection_summary;
mod spec_preview;

pub use inspector::{delete_contract, delete_product, editors, Inspector};
pub use problems::ProblemsPanel;
pub use spec_preview::SpecPreview;
