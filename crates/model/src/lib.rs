//! The workspace model of Data Product Studio: one document that holds the business context,
//! the data products, their data contracts and the canvas layout.
//!
//! This crate is the editor's model, not a wire format: standard files (ODCS, ODPS, …) are
//! converted to and from it by `dpstudio-formats`. It does no I/O, has no web dependency and
//! never panics on input; loading returns [`LoadError`] instead.

mod auto_layout;
mod clipboard;
mod context;
mod contract;
mod edit;
mod extra;
mod generate;
mod history;
mod ids;
mod import_edit;
mod layout;
pub mod medallion;
mod notes;
mod pretty;
mod product;
mod rename;
mod save;
mod selection;
mod share_link;
mod workspace;

pub use auto_layout::layered as auto_layout;
pub use clipboard::{ClipboardError, Fragment, Pasted, CLIPBOARD_KEY, CLIPBOARD_VERSION};
pub use context::*;
pub use contract::*;
pub use edit::{Collection, Edit, EditError, Item, Touched};
pub use extra::Extra;
pub use generate::generate;
pub use history::History;
pub use ids::{slugify, unique_id, Id};
pub use import_edit::{items_of, merge_edit, replace_edit};
pub use layout::*;
pub use notes::{Note, NoteColour};
pub use product::*;
pub use rename::{rename_id, RenameError};
pub use selection::{remove_nodes, CanvasNode};
pub use share_link::{share_fragment, share_payload, ShareLinkError, SHARE_FRAGMENT, SHARE_LINK_VERSION};
pub use save::{from_json, to_json, to_json_pretty, LoadError, FORMAT_VERSION};
pub use workspace::*;
