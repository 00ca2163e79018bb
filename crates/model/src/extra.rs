//! Fields the model does not know are kept verbatim so that nothing a user imported is lost.

use std::collections::BTreeMap;

/// Unknown fields of an object, in key order, written back unchanged on save and export.
pub type Extra = BTreeMap<String, serde_json::Value>;
