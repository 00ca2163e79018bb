//! "Only the latest": work that follows edits (saving, writing a preview) waits until edits
//! settle, and an answer that arrives after a newer edit is dropped.

use std::time::Duration;

use leptos::prelude::*;

/// Hands out numbered tickets; only the newest one is current.
#[derive(Clone, Copy)]
pub struct Latest {
    generation: StoredValue<u32>,
}

impl Latest {
    pub fn new() -> Latest {
        Latest { generation: StoredValue::new(0) }
    }

    /// Runs `work` after `quiet` unless another call came meanwhile; `work` gets its ticket to
    /// check with [`Latest::is_current`] when its own answer arrives later.
    pub fn settle(self, quiet: Duration, work: impl FnOnce(u32) + 'static) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        let ticket = self.generation.get_value();
        set_timeout(
            move || {
                if self.is_current(ticket) {
                    work(ticket);
                }
            },
            quiet,
        );
    }

    pub fn is_current(self, ticket: u32) -> bool {
        self.generation.get_value() == ticket
    }
}
