//! The business-context editor: domains, teams and people, the glossary, the semantic model
//! (entities with dimensions and measures; metrics) and use cases, source systems — one tab
//! per list. Products and contracts link to these by id, and the choice lists in their forms
//! read from here live.

mod basics;
mod semantic;
mod teams;
mod use_cases;

use dpstudio_model::{unique_id, Collection, Edit, Item, NodeKind, Workspace};
use leptos::prelude::*;

pub use basics::{GlossaryForm, SourceSystemForm};
pub use use_cases::UseCaseForm;

use crate::canvas::{geometry, Viewport};
use crate::state::{Selection, Studio};

const TABS: [(Collection, &str); 7] = [
    (Collection::Domains, "Domains"),
    (Collection::Teams, "Teams"),
    (Collection::Glossary, "Glossary"),
    (Collection::Entities, "Entities"),
    (Collection::Metrics, "Metrics"),
    (Collection::UseCases, "Use cases"),
    (Collection::SourceSystems, "Sources"),
];

#[component]
pub fn ContextEditor(tab: Collection) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    let tabs = TABS.map(|(collection, label)| {
        let count = Memo::new(move |_| studio.workspace.with(|ws| collection.len(ws)));
        view! {
            <button role="tab" class="tab" aria-selected=(collection == tab).to_string() data-testid=format!("context-tab-{}", collection.as_str())
                on:click=move |_| studio.selection.set(Some(Selection::Context(collection, None)))>
                {label}<span class="tab-count">{move || count.get()}</span>
            </button>
        }
    });
    let ids = Memo::new(move |_| {
        studio.workspace.with(|ws| (0..tab.len(ws)).filter_map(|i| tab.id_at(ws, i).map(str::to_owned)).collect::<Vec<_>>())
    });
    let label = TABS.iter().find(|(c, _)| *c == tab).map_or("", |(_, l)| l);
    view! {
        <div class="context-editor" data-testid="context-editor">
            <h2 class="panel-title">"Business context"</h2>
            <div class="tabs" role="tablist" aria-label="Context lists">{tabs.collect_view()}</div>
            <div role="tabpanel" aria-label=label>
                <button class="button small" data-testid="context-add" on:click=move |_| add(studio, view, tab)>{format!("+ Add to {}", label.to_lowercase())}</button>
                <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <Card collection=tab id /> } />
            </div>
        </div>
    }
}

/// One entity of the list with its remove button.
#[component]
fn Card(collection: Collection, id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let form = match collection {
        Collection::Domains => view! { <basics::DomainForm id=id.clone() /> }.into_any(),
        Collection::Teams => view! { <teams::TeamForm id=id.clone() /> }.into_any(),
        Collection::Glossary => view! { <GlossaryForm id=id.clone() /> }.into_any(),
        Collection::Entities => view! { <semantic::EntityForm id=id.clone() /> }.into_any(),
        Collection::Metrics => view! { <semantic::MetricForm id=id.clone() /> }.into_any(),
        Collection::UseCases => view! { <UseCaseForm id=id.clone() /> }.into_any(),
        Collection::SourceSystems => view! { <SourceSystemForm id=id.clone() /> }.into_any(),
        Collection::Products | Collection::Contracts => ().into_any(),
    };
    let focused = {
        let id = id.clone();
        move || studio.selection.with(|s| matches!(s, Some(Selection::Context(_, Some(x))) if *x == id))
    };
    let remove_id = id.clone();
    view! {
        <article class="card" class:focused=focused data-entity=id.clone()>
            {form}
            <button class="button small danger" on:click=move |_| remove(studio, collection, &remove_id)>"Delete"</button>
        </article>
    }
}

fn blank(ws: &Workspace, collection: Collection) -> Option<Item> {
    let taken: Vec<String> = (0..collection.len(ws)).filter_map(|i| collection.id_at(ws, i).map(str::to_owned)).collect();
    let fresh = |name: &str| unique_id(name, taken.iter().map(String::as_str));
    Some(match collection {
        Collection::Domains => Item::Domain(dpstudio_model::Domain { id: fresh("new-domain"), name: "New domain".into(), ..Default::default() }),
        Collection::Teams => Item::Team(dpstudio_model::Team { id: fresh("new-team"), name: "New team".into(), ..Default::default() }),
        Collection::Glossary => Item::GlossaryTerm(dpstudio_model::GlossaryTerm { id: fresh("new-term"), term: "New term".into(), ..Default::default() }),
        Collection::Entities => Item::Entity(dpstudio_model::BusinessEntity { id: fresh("new-entity"), name: "New entity".into(), ..Default::default() }),
        Collection::Metrics => Item::Metric(dpstudio_model::Metric { id: fresh("new-metric"), name: "New metric".into(), kind: "simple".into(), ..Default::default() }),
        Collection::UseCases => Item::UseCase(dpstudio_model::UseCase { id: fresh("new-use-case"), name: "New use case".into(), ..Default::default() }),
        Collection::SourceSystems => Item::SourceSystem(dpstudio_model::SourceSystem { id: fresh("new-source"), name: "New source system".into(), ..Default::default() }),
        Collection::Products | Collection::Contracts => return None,
    })
}

/// Appends a new entity to the list and focuses it. Source systems and use cases are canvas
/// nodes: they get a free place in the middle of the view, not a pile in a corner.
fn add(studio: Studio, view: Viewport, collection: Collection) {
    let Some(item) = studio.workspace.with_untracked(|ws| blank(ws, collection)) else { return };
    let id = item.id().to_owned();
    let node = match collection {
        Collection::SourceSystems => Some(NodeKind::System),
        Collection::UseCases => Some(NodeKind::UseCase),
        _ => None,
    };
    let edit = studio.workspace.with_untracked(|ws| {
        let append = Edit::append(ws, item);
        match node {
            Some(kind) => {
                let at = geometry::free_spot(ws, crate::create::visible_center(view), geometry::SMALL_WIDTH, geometry::SMALL_HEIGHT);
                Edit::Batch(vec![append, Edit::SetNodes(vec![(dpstudio_model::node_key(kind, &id), Some(at))])])
            }
            None => append,
        }
    });
    if studio.apply(edit).is_ok() {
        studio.selection.set(Some(Selection::Context(collection, Some(id.clone()))));
        // Ids are slugs (letters, digits, '-'), safe inside a selector.
        crate::panels::editors().when_ready(move || super::focus::focus_first_in(format!("[data-entity=\"{id}\"]")));
    }
}

/// Removes an entity, and its canvas node if it has one, as one step. References to it stay
/// and the checks point them out.
pub fn remove(studio: Studio, collection: Collection, id: &str) {
    let edit = studio.workspace.with_untracked(|ws| {
        let remove = Edit::remove(ws, collection, id).ok()?;
        let node = match collection {
            Collection::SourceSystems => Some(NodeKind::System),
            Collection::UseCases => Some(NodeKind::UseCase),
            _ => None,
        };
        let key = node.map(|kind| dpstudio_model::node_key(kind, &id.to_owned()));
        Some(match key.filter(|k| ws.layout.nodes.contains_key(k)) {
            Some(key) => Edit::Batch(vec![remove, Edit::SetNodes(vec![(key, None)])]),
            None => remove,
        })
    });
    if let Some(edit) = edit {
        let _ = studio.apply(edit);
    }
}
