//! Editors for everything in the model: products and their ports, contracts with their schema
//! table, quality rules and SLA, and the business context. Controls read memoised values from
//! the workspace and change it only through edits (`entity::Studio::update`), so undo, autosave
//! and the live checks see every change.

pub mod context;
pub mod contract;
mod entity;
mod field;
pub mod focus;
mod id_field;
mod links;
pub(crate) mod options;
pub mod note;

mod ports;
pub mod product;
mod quality;
mod schema;

pub use entity::{chosen, typed, Step};
pub use field::split_list;
