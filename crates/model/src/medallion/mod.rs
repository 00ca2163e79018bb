//! The Medallion → data products assistant's domain logic: read an inventory of bronze,
//! silver and gold tables (listed names, dbt-style names or SQL DDL), propose source-aligned,
//! aggregate and consumer-aligned products with ports, contracts and lineage, compare the two
//! architectures, and turn the accepted proposals into one undoable edit.
//!
//! ```
//! use dpstudio_model::medallion::{adopt, parse_inventory, propose};
//! use dpstudio_model::{ProductKind, Workspace};
//!
//! let inventory = parse_inventory("bronze.shop_orders(id bigint, amount decimal(10,2))\nsilver.orders(id bigint)\ngold.daily_revenue(day date, order_id bigint)");
//! let proposals = propose(&inventory);
//! assert_eq!(proposals.iter().map(|p| p.kind).collect::<Vec<_>>(),
//!     [ProductKind::SourceAligned, ProductKind::Aggregate, ProductKind::ConsumerAligned]);
//! let mut ws = Workspace::default();
//! let adoption = adopt(&ws, &inventory, &proposals, &[true, true, true], |_, _, _| (200.0, 80.0));
//! adoption.edit.apply(&mut ws).unwrap();
//! assert_eq!(ws.products.len(), 3);
//! ```

mod adopt;
mod compare;
mod ddl;
mod inventory;
mod naming;
mod propose;
mod query;
mod sql_types;

pub use adopt::{adopt, Adoption};
pub use compare::{compare, Comparison, LayersSummary, ProductsSummary};
pub use inventory::{parse_inventory, Column, Inventory, Layer, LineError, Table, MAX_TABLES};
pub use propose::{propose, Proposal};
pub use sql_types::logical_type;
