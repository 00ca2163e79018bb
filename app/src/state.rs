//! The studio's state: the workspace being designed, its undo history, what is selected, and
//! the diagnostics. Components get it with `expect_context::<Studio>()`.
//!
//! Every change goes through [`Studio::apply`] as an [`Edit`]: that is what undo/redo hangs
//! on, and what lets the incremental [`Checker`] re-check only the entities an edit touched.

use dpstudio_check::{Change, Checker, Diagnostic, EntityKind};
use dpstudio_model::{CanvasNode, Collection, Edit, EditError, History, Touched, Workspace};
use leptos::prelude::*;

/// What the side panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Product(String),
    System(String),
    UseCase(String),
    /// Two or more canvas nodes (one node is selected as its own kind; see
    /// [`Selection::of_nodes`]).
    Nodes(Vec<CanvasNode>),
    /// A contract's editor (reached from the output port it is bound to, or a diagnostic).
    Contract(String),
    /// The business-context editor on one tab, optionally scrolled to one entity.
    Context(Collection, Option<String>),
    /// A sticky note on the canvas (by note id): Delete removes it, the inspector edits it.
    Note(String),
}

/// A message about something the user started (an import, an export): what happened, or why
/// it failed and that nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub title: String,
    pub details: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Busy,
    Done,
    Failed,
}

impl Notice {
    pub fn new(tone: Tone, title: impl Into<String>) -> Notice {
        Notice { tone, title: title.into(), details: Vec::new() }
    }

    pub fn with_details(mut self, details: Vec<String>) -> Notice {
        self.details = details;
        self
    }
}

/// Why a change did not happen: the edit did not fit the workspace, or the workspace is a
/// shared one, open read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Edit(EditError),
    ReadOnly,
}

impl From<EditError> for Refused {
    fn from(error: EditError) -> Self {
        Refused::Edit(error)
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Edit(error) => std::fmt::Display::fmt(error, f),
            Refused::ReadOnly => f.write_str("this shared workspace is read-only; make a copy to change it"),
        }
    }
}

/// Undo steps kept; older ones are dropped so a long workshop does not grow memory forever.
const HISTORY_LIMIT: usize = 500;

/// Handles to the app state. All fields are `Copy` handles, so the struct is cheap to pass.
#[derive(Clone, Copy)]
pub struct Studio {
    pub workspace: RwSignal<Workspace>,
    pub selection: RwSignal<Option<Selection>>,
    /// Current diagnostics, updated after every edit (validation runs in WASM).
    pub diagnostics: RwSignal<Vec<Diagnostic>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The latest import/export message, shown under the header until dismissed.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether the export dialog is open.
    pub export_open: RwSignal<bool>,
    /// Whether the inspector shows the spec preview; stays as chosen across selections.
    pub preview_open: RwSignal<bool>,
    /// Whether the problems panel is open.
    pub problems_open: RwSignal<bool>,
    /// The product whose Data Product Canvas view fills the page, if one is open.
    pub canvas_view: RwSignal<Option<String>>,
    /// A field path (`outputPorts[0].contract`) the open form should focus once it renders;
    /// set when a diagnostic is chosen.
    pub focus_path: RwSignal<Option<String>>,
    /// The field (`contract/object.property`) whose impact the canvas shows while its contract
    /// is open; the whole contract when unset.
    pub impact_field: RwSignal<Option<String>>,
    /// What the last canvas action did (copied, pasted, deleted nodes), for screen readers.
    pub announcement: RwSignal<String>,
    /// The sticky note whose text is being edited in place on the canvas.
    pub editing_note: RwSignal<Option<String>>,
    /// Present mode: the canvas alone, full screen, stepping through products or domains.
    pub presenting: RwSignal<bool>,
    /// A shared workspace opened from a link is shown read-only: every change is refused.
    pub read_only: RwSignal<bool>,
    /// Counts refused changes, so controls that already show what was typed can be rebuilt
    /// from the unchanged workspace.
    pub refusals: RwSignal<u32>,
    /// The field the user is typing into: keystrokes in the same field merge into one undo step.
    typing: StoredValue<Option<String>>,
    history: StoredValue<History>,
    checker: StoredValue<Checker>,
}

impl Studio {
    pub fn new(workspace: Workspace) -> Self {
        let checker = Checker::new(&workspace);
        let diagnostics = RwSignal::new(checker.diagnostics().to_vec());
        Studio {
            workspace: RwSignal::new(workspace),
            selection: RwSignal::new(None),
            diagnostics,
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            notice: RwSignal::new(None),
            export_open: RwSignal::new(false),
            preview_open: RwSignal::new(false),
            problems_open: RwSignal::new(false),
            canvas_view: RwSignal::new(None),
            focus_path: RwSignal::new(None),
            impact_field: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            editing_note: RwSignal::new(None),
            presenting: RwSignal::new(false),
            read_only: RwSignal::new(false),
            refusals: RwSignal::new(0),
            typing: StoredValue::new(None),
            history: StoredValue::new(History::with_limit(HISTORY_LIMIT)),
            checker: StoredValue::new(checker),
        }
    }

    /// Opens another workspace in place of this one: a fresh undo history, checks and
    /// selection. (Putting the current one away first is the caller's job.)
    pub fn open(&self, workspace: Workspace) {
        let checker = Checker::new(&workspace);
        self.diagnostics.set(checker.diagnostics().to_vec());
        self.checker.set_value(checker);
        self.history.set_value(History::with_limit(HISTORY_LIMIT));
        self.typing.set_value(None);
        self.can_undo.set(false);
        self.can_redo.set(false);
        self.editing_note.set(None);
        self.selection.set(None);
        self.canvas_view.set(None);
        self.workspace.set(workspace);
    }

    /// Applies `edit` as a new undo step.
    pub fn apply(&self, edit: Edit) -> Result<(), Refused> {
        self.typing.set_value(None);
        self.change(|history, ws| history.apply(ws, edit))
    }

    /// Applies `edit` made by typing into the field named `field`: the first keystroke starts
    /// an undo step, the following ones in the same field join it, so one undo takes back the
    /// whole word rather than one letter.
    pub fn apply_typed(&self, field: &str, edit: Edit) -> Result<(), Refused> {
        let same_field = self.typing.with_value(|t| t.as_deref() == Some(field));
        self.typing.set_value(Some(field.to_owned()));
        if same_field {
            self.change(|history, ws| history.apply_merged(ws, edit))
        } else {
            self.change(|history, ws| history.apply(ws, edit))
        }
    }

    /// Tells screen readers what an action did, through the canvas's live region.
    pub fn announce(&self, message: String) {
        self.announcement.set(message);
    }

    pub fn notify(&self, notice: Notice) {
        self.notice.set(Some(notice));
    }

    pub fn undo(&self) {
        self.typing.set_value(None);
        let _ = self.change(|history, ws| history.undo(ws).unwrap_or(Ok(Touched::default())));
    }

    pub fn redo(&self) {
        self.typing.set_value(None);
        let _ = self.change(|history, ws| history.redo(ws).unwrap_or(Ok(Touched::default())));
    }

    fn change(
        &self,
        step: impl FnOnce(&mut History, &mut Workspace) -> Result<Touched, EditError>,
    ) -> Result<(), Refused> {
        // Every change (edits, typing, undo, redo) passes here, so this one check keeps a
        // shared workspace as it was sent.
        if self.read_only.get_untracked() {
            self.notify(Notice::new(Tone::Failed, "This shared workspace is read-only.")
                .with_details(vec!["Make a copy (in the bar above) to change it; the copy is yours and is saved in this browser.".to_owned()]));
            self.refusals.update(|n| *n = n.wrapping_add(1));
            return Err(Refused::ReadOnly);
        }
        let mut result = Ok(Touched::default());
        // Mutate in place without notifying first: a failed edit changes nothing and must not
        // re-render anything either.
        self.workspace.update_untracked(|ws| {
            self.history.update_value(|history| result = step(history, ws));
        });
        let touched = result?;
        if touched.is_empty() {
            return Ok(());
        }
        self.workspace.notify();
        if !touched.is_layout_only() {
            let change = Change::from(&touched);
            self.workspace.with_untracked(|ws| self.checker.update_value(|c| c.update(ws, &change)));
            let fresh = self.checker.with_value(|c| c.diagnostics().to_vec());
            if self.diagnostics.with_untracked(|d| *d != fresh) {
                self.diagnostics.set(fresh);
            }
        }
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        Ok(())
    }

    /// The diagnostics that point at one product or at a contract one of its output ports is
    /// bound to: what the product's badge counts and its inspector lists.
    pub fn product_diagnostics(&self, product_id: &str) -> Vec<Diagnostic> {
        let contract_ids: Vec<String> = self.workspace.with(|ws| {
            ws.product(product_id)
                .map(|p| p.output_ports.iter().filter_map(|o| o.contract.as_ref().map(|c| c.id.clone())).collect())
                .unwrap_or_default()
        });
        self.diagnostics.with(|diagnostics| {
            diagnostics
                .iter()
                .filter(|d| match d.location.kind {
                    EntityKind::Product => d.location.id == product_id,
                    EntityKind::Contract => contract_ids.contains(&d.location.id),
                    _ => false,
                })
                .cloned()
                .collect()
        })
    }
}
