//! The studio's state: the workspace being designed, what is selected, and the diagnostics
//! derived from the workspace. Components get it with `expect_context::<Studio>()`.

use dpstudio_check::{check, Diagnostic, EntityKind, Severity};
use dpstudio_model::Workspace;
use leptos::prelude::*;

/// What the side panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Product(String),
    System(String),
    UseCase(String),
}

/// Handles to the app state. All fields are `Copy` signals, so the struct is cheap to pass.
#[derive(Clone, Copy)]
pub struct Studio {
    pub workspace: RwSignal<Workspace>,
    pub selection: RwSignal<Option<Selection>>,
    /// Recomputed whenever the workspace changes; validation runs in WASM on every edit.
    pub diagnostics: Memo<Vec<Diagnostic>>,
}

impl Studio {
    pub fn new(workspace: Workspace) -> Self {
        let workspace = RwSignal::new(workspace);
        let diagnostics = Memo::new(move |_| workspace.with(check));
        Studio { workspace, selection: RwSignal::new(None), diagnostics }
    }

    /// Error and warning counts of the diagnostics that point at one product or at a contract
    /// one of its output ports is bound to.
    pub fn product_problem_counts(&self, product_id: &str) -> (usize, usize) {
        let contract_ids: Vec<String> = self.workspace.with(|ws| {
            ws.product(product_id)
                .map(|p| p.output_ports.iter().filter_map(|o| o.contract.as_ref().map(|c| c.id.clone())).collect())
                .unwrap_or_default()
        });
        self.diagnostics.with(|diagnostics| {
            let mine = diagnostics.iter().filter(|d| match d.location.kind {
                EntityKind::Product => d.location.id == product_id,
                EntityKind::Contract => contract_ids.contains(&d.location.id),
                _ => false,
            });
            mine.fold((0, 0), |(e, w), d| match d.severity {
                Severity::Error => (e + 1, w),
                Severity::Warning => (e, w + 1),
                Severity::Info => (e, w),
            })
        })
    }
}
