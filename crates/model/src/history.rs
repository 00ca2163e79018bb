//! Undo and redo as two stacks of edits. Applying an edit pushes its inverse on the undo stack
//! and clears redo; undoing applies that inverse and pushes *its* inverse on the redo stack. A
//! linear history (not helix's tree) is what a canvas editor's users expect from Ctrl+Z.

use crate::{Edit, EditError, Touched, Workspace};

/// Undo/redo history for one workspace. Holds only inverse edits, never workspace copies, so
/// its size follows the size of the changes, not of the workspace.
///
/// ```
/// use dpstudio_model::{Collection, Edit, History, Item, Workspace, Domain};
///
/// let mut workspace = Workspace::default();
/// let mut history = History::default();
/// let domain = Domain { id: "sales".into(), name: "Sales".into(), ..Default::default() };
/// let add = Edit::append(&workspace, Item::Domain(domain));
/// let touched = history.apply(&mut workspace, add).unwrap();
/// assert_eq!(touched.context.len(), 1); // re-check the context, autosave
///
/// let remove = Edit::remove(&workspace, Collection::Domains, "sales").unwrap();
/// history.apply(&mut workspace, remove).unwrap();
/// assert!(workspace.context.domains.is_empty());
///
/// history.undo(&mut workspace).unwrap().unwrap();
/// assert_eq!(workspace.context.domains[0].name, "Sales");
/// history.redo(&mut workspace).unwrap().unwrap();
/// assert!(workspace.context.domains.is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Most undo steps kept; 0 means unlimited.
    limit: usize,
}

impl History {
    /// A history that keeps at most `limit` undo steps (0 = unlimited).
    pub fn with_limit(limit: usize) -> Self {
        History { limit, ..Default::default() }
    }

    /// Applies `edit` as a new step. On error nothing changes, neither the workspace nor the
    /// history. Returns what the edit changed.
    pub fn apply(&mut self, workspace: &mut Workspace, edit: Edit) -> Result<Touched, EditError> {
        let mut touched = edit.touched();
        let inverse = edit.apply(workspace)?;
        touched.merge(inverse.touched());
        self.undo.push(inverse);
        if self.limit > 0 && self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(touched)
    }

    /// Applies `edit` as part of the last step, so one undo reverts both: for a node drag that
    /// sends a move per pointer event, or typing that replaces an entity per key stroke. With no
    /// step to join, it is a new step.
    pub fn apply_merged(&mut self, workspace: &mut Workspace, edit: Edit) -> Result<Touched, EditError> {
        let Some(previous) = self.undo.pop() else {
            return self.apply(workspace, edit);
        };
        let mut touched = edit.touched();
        let inverse = match edit.apply(workspace) {
            Ok(inverse) => inverse,
            Err(error) => {
                self.undo.push(previous);
                return Err(error);
            }
        };
        touched.merge(inverse.touched());
        self.undo.push(merge_inverses(inverse, previous));
        self.redo.clear();
        Ok(touched)
    }

    /// Undoes the last step; `None` when there is nothing to undo.
    pub fn undo(&mut self, workspace: &mut Workspace) -> Option<Result<Touched, EditError>> {
        let edit = self.undo.pop()?;
        Some(Self::step(workspace, edit, &mut self.undo, &mut self.redo))
    }

    /// Redoes the last undone step; `None` when there is nothing to redo.
    pub fn redo(&mut self, workspace: &mut Workspace) -> Option<Result<Touched, EditError>> {
        let edit = self.redo.pop()?;
        Some(Self::step(workspace, edit, &mut self.redo, &mut self.undo))
    }

    /// Applies `edit` popped from `from`, pushing its inverse onto `to`. If the workspace was
    /// changed behind the history's back and the edit no longer applies, it goes back on `from`
    /// so nothing is lost.
    fn step(workspace: &mut Workspace, edit: Edit, from: &mut Vec<Edit>, to: &mut Vec<Edit>) -> Result<Touched, EditError> {
        let mut touched = edit.touched();
        match edit.clone().apply(workspace) {
            Ok(inverse) => {
                touched.merge(inverse.touched());
                to.push(inverse);
                Ok(touched)
            }
            Err(error) => {
                from.push(edit);
                Err(error)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// The inverse of "`previous` step, then the edit whose inverse is `newer`": undo `newer`
/// first, then `previous`. When both restore node positions and `previous` already restores
/// every node `newer` does, `previous` alone is enough (it holds the positions from before the
/// drag), which keeps a long drag one small step.
fn merge_inverses(newer: Edit, previous: Edit) -> Edit {
    if let (Edit::SetNodes(new_nodes), Edit::SetNodes(old_nodes)) = (&newer, &previous) {
        if new_nodes.iter().all(|(key, _)| old_nodes.iter().any(|(k, _)| k == key)) {
            return previous;
        }
    }
    if let (Edit::Replace { index: a, item: new_item }, Edit::Replace { index: b, item: old_item }) = (&newer, &previous) {
        // Typing into one entity: the first replace's inverse holds the value before typing.
        if a == b && new_item.collection() == old_item.collection() {
            return previous;
        }
    }
    if let (Edit::ReplaceNote { index: a, note: new_note }, Edit::ReplaceNote { index: b, note: old_note }) = (&newer, &previous) {
        // Typing into one sticky note, as above.
        if a == b && new_note.id == old_note.id {
            return previous;
        }
    }
    Edit::Batch(vec![newer, previous])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{from_json, Collection};

    fn retail() -> Workspace {
        from_json(include_str!("../../../examples/retail.workspace.json")).expect("example loads")
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let original = retail();
        let mut w = original.clone();
        let mut history = History::default();
        history.apply(&mut w, Edit::SetName("one".into())).unwrap();
        let first = w.products[0].id.clone();
        let remove = Edit::remove(&w, Collection::Products, &first).unwrap();
        let touched = history.apply(&mut w, remove).unwrap();
        assert!(touched.products.contains(&first));
        let after_two = w.clone();

        history.undo(&mut w).unwrap().unwrap();
        history.undo(&mut w).unwrap().unwrap();
        assert_eq!(w, original);
        assert!(history.undo(&mut w).is_none());

        history.redo(&mut w).unwrap().unwrap();
        history.redo(&mut w).unwrap().unwrap();
        assert_eq!(w, after_two);
        assert!(!history.can_redo());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut w = retail();
        let mut history = History::default();
        history.apply(&mut w, Edit::SetName("one".into())).unwrap();
        history.undo(&mut w).unwrap().unwrap();
        assert!(history.can_redo());
        history.apply(&mut w, Edit::SetName("two".into())).unwrap();
        assert!(!history.can_redo());
        assert_eq!(w.name, "two");
    }

    #[test]
    fn failed_edits_leave_history_alone_and_limit_drops_oldest() {
        let mut w = retail();
        let mut history = History::with_limit(2);
        let bad = Edit::Remove { collection: Collection::Products, index: 999, id: "x".into() };
        assert!(history.apply(&mut w, bad).is_err());
        assert!(!history.can_undo());
        for name in ["a", "b", "c"] {
            history.apply(&mut w, Edit::SetName(name.into())).unwrap();
        }
        assert_eq!(history.undo_len(), 2);
        history.undo(&mut w).unwrap().unwrap();
        history.undo(&mut w).unwrap().unwrap();
        assert_eq!(w.name, "a");
        assert!(history.undo(&mut w).is_none());
    }

    #[test]
    fn an_undo_that_no_longer_applies_is_kept() {
        let mut w = retail();
        // The product list is emptied outside the history: undoing the insert (a remove at the
        // end of the old list) cannot apply, fails with an error and stays undoable.
        let mut history2 = History::default();
        let n = w.products.len();
        history2
            .apply(&mut w, Edit::Insert { index: n, item: crate::Item::Product(Default::default()) })
            .unwrap();
        w.products.clear();
        assert!(history2.undo(&mut w).unwrap().is_err());
        assert!(history2.can_undo(), "the failed undo step is kept");
    }

    #[test]
    fn a_drag_merged_into_one_step_undoes_at_once() {
        use crate::Point;
        let original = retail();
        let mut w = original.clone();
        let mut history = History::default();
        history.apply(&mut w, Edit::SetName("renamed".into())).unwrap();
        let after_rename = w.clone();
        let key = "product:web-orders".to_owned();
        history.apply(&mut w, Edit::SetNodes(vec![(key.clone(), Some(Point { x: 0.0, y: 0.0 }))])).unwrap();
        for step in 1..50 {
            let point = Some(Point { x: step as f64, y: step as f64 });
            history.apply_merged(&mut w, Edit::SetNodes(vec![(key.clone(), point)])).unwrap();
        }
        assert_eq!(w.layout.nodes[&key], Point { x: 49.0, y: 49.0 });
        assert_eq!(history.undo_len(), 2);
        history.undo(&mut w).unwrap().unwrap();
        assert_eq!(w, after_rename);
        history.redo(&mut w).unwrap().unwrap();
        assert_eq!(w.layout.nodes[&key], Point { x: 49.0, y: 49.0 });
        history.undo(&mut w).unwrap().unwrap();
        history.undo(&mut w).unwrap().unwrap();
        assert_eq!(w, original);
    }

    #[test]
    fn merging_different_edits_still_undoes_both() {
        let original = retail();
        let mut w = original.clone();
        let mut history = History::default();
        history.apply_merged(&mut w, Edit::SetName("a".into())).unwrap();
        let mut term = w.context.glossary[0].clone();
        term.definition = "typed".into();
        let id = term.id.clone();
        let typed = Edit::replace(&w, &id, crate::Item::GlossaryTerm(term.clone())).unwrap();
        history.apply_merged(&mut w, typed).unwrap();
        term.definition = "typed more".into();
        let typed_more = Edit::replace(&w, &id, crate::Item::GlossaryTerm(term)).unwrap();
        history.apply_merged(&mut w, typed_more).unwrap();
        assert_eq!(history.undo_len(), 1);
        let bad = Edit::Remove { collection: Collection::Teams, index: 99, id: "x".into() };
        assert!(history.apply_merged(&mut w, bad).is_err());
        assert_eq!(history.undo_len(), 1, "a failed merge keeps the step");
        history.undo(&mut w).unwrap().unwrap();
        assert_eq!(w, original);
    }
}
