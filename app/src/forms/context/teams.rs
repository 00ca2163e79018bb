//! A team and its people: who owns products, who stewards terms, whom consumers call.

use dpstudio_model::{Person, Team};
use leptos::prelude::*;

use crate::forms::entity::{chosen, typed, Step};
use crate::forms::field::{Spec, optional, remove_button, select, text};
use crate::forms::options;
use crate::state::Studio;

const ROLES: [&str; 6] = ["owner", "steward", "engineer", "analyst", "architect", "consumer"];

#[component]
pub fn TeamForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&Team) -> String| studio.read::<Team, String>(&id, get);
    let count = studio.read::<Team, usize>(&id, |t| t.members.len());
    let add = {
        let id = id.clone();
        move |_| studio.update::<Team>(&id, Step::New, |t| t.members.push(Person { role: "engineer".into(), ..Default::default() }))
    };
    let members = {
        let id = id.clone();
        move || {
            (0..count.get())
                .map(|i| {
                    let read = |get: fn(&Person) -> String| studio.read::<Team, String>(&id, move |t| t.members.get(i).map(get).unwrap_or_default());
                    view! {
                        <div class="list-row" data-path=format!("members[{i}]")>
                            {text(Spec::new("Person name").placeholder("Name").compact(), read(|p| p.name.clone()), typed::<Team>(studio, &id, format!("members[{i}].name"), move |t, v| if let Some(p) = t.members.get_mut(i) { p.name = v }))}
                            {text(Spec::new("E-mail").placeholder("e-mail").compact(), read(|p| p.email.clone()), typed::<Team>(studio, &id, format!("members[{i}].email"), move |t, v| if let Some(p) = t.members.get_mut(i) { p.email = v }))}
                            {select(Spec::new("Role").compact(), read(|p| p.role.clone()), options::fixed_or_none(&ROLES), chosen::<Team, String>(studio, &id, move |t, v| if let Some(p) = t.members.get_mut(i) { p.role = v }))}
                            {remove_button("Remove person", chosen::<Team, ()>(studio, &id, move |t, ()| {
                                if i < t.members.len() { t.members.remove(i); }
                            }))}
                        </div>
                    }
                })
                .collect_view()
        }
    };
    view! {
        {text(Spec::new("Team name").path("name").testid("team-name"), read(|t| t.name.clone()), typed::<Team>(studio, &id, "name", |t, v| t.name = v))}
        {select(Spec::new("Domain").path("domain"), read(|t| t.domain.clone().unwrap_or_default()), options::domains(studio), chosen::<Team, String>(studio, &id, |t, v| t.domain = optional(v)))}
        {crate::forms::id_field::id_field(studio, dpstudio_model::Collection::Teams, id.clone())}
        <div class="field-label">"People"</div>
        {members}
        <button class="button small" on:click=add>"+ Person"</button>
    }
}
