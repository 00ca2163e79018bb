//! The rules, one family per file. To add a rule: write its function next to its family's
//! others, add a `Rule` entry to that family's list, and add a firing and a silent test.

mod principles;
mod references;
mod structure;

use crate::engine::Rule;

pub static ALL: &[Rule] = &[
    structure::PRODUCT_NAME,
    structure::DUPLICATE_PRODUCT_ID,
    references::PORT_CONTRACT_EXISTS,
    principles::OUTPUT_PORT_CONTRACT,
    principles::PRODUCT_OWNER,
    principles::PRODUCT_PURPOSE,
];

#[cfg(test)]
pub(crate) mod testing;
