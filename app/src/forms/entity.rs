//! One way for every form to read and change an entity: find it by id, clone it, change the
//! clone, and replace it as one edit. Whole-entity edits keep undo exact (see the model's
//! `Edit`), and the forms never mutate the workspace themselves.

use dpstudio_model::{
    BusinessEntity, DataContract, DataProduct, Domain, Edit, GlossaryTerm, Item, Metric, SourceSystem, Team, UseCase,
    Workspace,
};
use leptos::prelude::*;

use crate::state::Studio;

/// An entity a form can edit.
pub trait Editable: Clone + PartialEq + Send + Sync + 'static {
    fn find<'a>(ws: &'a Workspace, id: &str) -> Option<&'a Self>;
    fn into_item(self) -> Item;
}

macro_rules! editable {
    ($ty:ty, $variant:ident, |$ws:ident| $list:expr) => {
        impl Editable for $ty {
            fn find<'a>($ws: &'a Workspace, id: &str) -> Option<&'a Self> {
                $list.iter().find(|x| x.id == id)
            }
            fn into_item(self) -> Item {
                Item::$variant(self)
            }
        }
    };
}

editable!(DataProduct, Product, |ws| ws.products);
editable!(DataContract, Contract, |ws| ws.contracts);
editable!(Domain, Domain, |ws| ws.context.domains);
editable!(Team, Team, |ws| ws.context.teams);
editable!(GlossaryTerm, GlossaryTerm, |ws| ws.context.glossary);
editable!(BusinessEntity, Entity, |ws| ws.context.semantic.entities);
editable!(Metric, Metric, |ws| ws.context.semantic.metrics);
editable!(UseCase, UseCase, |ws| ws.context.use_cases);
editable!(SourceSystem, SourceSystem, |ws| ws.context.source_systems);

/// How a change joins the undo history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// A step of its own (a toggle, a choice, a button).
    New,
    /// Typing into the named field: keystrokes merge into one step.
    Typing(&'a str),
}

impl Studio {
    /// Changes entity `id` of type `T` with `change` as one edit. Nothing happens when the
    /// entity is gone or `change` leaves it as it was.
    pub fn update<T: Editable>(&self, id: &str, step: Step<'_>, change: impl FnOnce(&mut T)) {
        let mut change = Some(change);
        self.update_with::<T>(id, step, &mut |entity| {
            if let Some(change) = change.take() {
                change(entity)
            }
        });
    }

    /// The body of [`Studio::update`], compiled once per entity type rather than once per
    /// caller's closure (the forms have a few hundred).
    fn update_with<T: Editable>(&self, id: &str, step: Step<'_>, change: &mut dyn FnMut(&mut T)) {
        let edit = self.workspace.with_untracked(|ws| {
            let current = T::find(ws, id)?;
            let mut changed = current.clone();
            change(&mut changed);
            if &changed == current {
                return None;
            }
            Edit::replace(ws, id, changed.into_item()).ok()
        });
        let Some(edit) = edit else { return };
        // A replace of an entity that exists cannot fail; nothing to report.
        let _ = match step {
            Step::New => self.apply(edit),
            Step::Typing(field) => self.apply_typed(field, edit),
        };
    }

    /// A memoised value read from entity `id`: forms bind inputs to these, so an input only
    /// updates when its own value changes, not on every edit elsewhere.
    pub fn read<T: Editable, V>(&self, id: &str, get: impl Fn(&T) -> V + Send + Sync + 'static) -> Memo<V>
    where
        V: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        self.read_with(id, Box::new(get))
    }

    /// The body of [`Studio::read`]: one memo type per entity and value type, however many
    /// fields read through it.
    fn read_with<T: Editable, V>(&self, id: &str, get: Box<dyn Fn(&T) -> V + Send + Sync>) -> Memo<V>
    where
        V: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let studio = *self;
        let id = id.to_owned();
        Memo::new(move |_| studio.workspace.with(|ws| T::find(ws, &id).map(|x| get(x)).unwrap_or_default()))
    }
}

/// A callback for a text field of entity `id`: each keystroke is an edit, and keystrokes in
/// the same field (`field` names it) merge into one undo step.
pub fn typed<T: Editable>(
    studio: Studio,
    id: &str,
    field: impl Into<String>,
    set: impl Fn(&mut T, String) + Send + Sync + 'static,
) -> Callback<String> {
    typed_with(studio, id.to_owned(), field.into(), Box::new(set))
}

fn typed_with<T: Editable>(studio: Studio, id: String, field: String, set: Box<dyn Fn(&mut T, String) + Send + Sync>) -> Callback<String> {
    let key = format!("{}:{id}:{field}", std::any::type_name::<T>());
    Callback::new(move |value: String| studio.update_with::<T>(&id, Step::Typing(&key), &mut |x| set(x, value.clone())))
}

/// A callback for a choice or a committed value of entity `id`: one undo step each.
pub fn chosen<T: Editable, V: Clone + 'static>(
    studio: Studio,
    id: &str,
    set: impl Fn(&mut T, V) + Send + Sync + 'static,
) -> Callback<V> {
    chosen_with(studio, id.to_owned(), Box::new(set))
}

fn chosen_with<T: Editable, V: Clone + 'static>(studio: Studio, id: String, set: Box<dyn Fn(&mut T, V) + Send + Sync>) -> Callback<V> {
    Callback::new(move |value: V| studio.update_with::<T>(&id, Step::New, &mut |x| set(x, value.clone())))
}
