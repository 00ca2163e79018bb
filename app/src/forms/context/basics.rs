//! Forms for the flat context entities: domains, glossary terms and source systems.

use dpstudio_model::{Domain, GlossaryTerm, SourceSystem};
use leptos::prelude::*;

use crate::forms::entity::{chosen, typed};
use crate::forms::field::{Spec, commit, optional, select, split_list, text};
use crate::forms::options;
use crate::state::Studio;

#[component]
pub fn DomainForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&Domain) -> String| studio.read::<Domain, String>(&id, get);
    view! {
        {text(Spec::new("Domain name").path("name").testid("domain-name"), read(|d| d.name.clone()), typed::<Domain>(studio, &id, "name", |d, v| d.name = v))}
        {text(Spec::new("Description").path("description").multiline(), read(|d| d.description.clone()), typed::<Domain>(studio, &id, "description", |d, v| d.description = v))}
        {select(Spec::new("Part of (parent domain)").path("parent"), read(|d| d.parent.clone().unwrap_or_default()), options::domains(studio), chosen::<Domain, String>(studio, &id, |d, v| d.parent = optional(v)))}
        {crate::forms::id_field::id_field(studio, dpstudio_model::Collection::Domains, id.clone())}
    }
}

#[component]
pub fn GlossaryForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&GlossaryTerm) -> String| studio.read::<GlossaryTerm, String>(&id, get);
    view! {
        {text(Spec::new("Term").path("term").testid("term-name"), read(|g| g.term.clone()), typed::<GlossaryTerm>(studio, &id, "term", |g, v| g.term = v))}
        {text(Spec::new("Definition").path("definition").multiline(), read(|g| g.definition.clone()), typed::<GlossaryTerm>(studio, &id, "definition", |g, v| g.definition = v))}
        {commit(Spec::new("Synonyms (comma separated)").path("synonyms"), read(|g| g.synonyms.join(", ")), chosen::<GlossaryTerm, String>(studio, &id, |g, v| g.synonyms = split_list(&v)))}
        <div class="field-row">
            {select(Spec::new("Owner team").path("owner"), read(|g| g.owner.clone().unwrap_or_default()), options::teams(studio), chosen::<GlossaryTerm, String>(studio, &id, |g, v| g.owner = optional(v)))}
            {select(Spec::new("Domain").path("domain"), read(|g| g.domain.clone().unwrap_or_default()), options::domains(studio), chosen::<GlossaryTerm, String>(studio, &id, |g, v| g.domain = optional(v)))}
        </div>
    }
}

const TECHNOLOGIES: [&str; 12] =
    ["postgres", "mysql", "oracle", "sqlserver", "mongodb", "kafka", "salesforce", "sap", "s3", "rest-api", "snowflake", "bigquery"];

#[component]
pub fn SourceSystemForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&SourceSystem) -> String| studio.read::<SourceSystem, String>(&id, get);
    view! {
        {text(Spec::new("Source system name").path("name").testid("system-name"), read(|s| s.name.clone()), typed::<SourceSystem>(studio, &id, "name", |s, v| s.name = v))}
        <div class="field-row">
            {select(Spec::new("Technology").path("technology"), read(|s| s.technology.clone()), options::fixed_or_none(&TECHNOLOGIES), chosen::<SourceSystem, String>(studio, &id, |s, v| s.technology = v))}
            {select(Spec::new("Domain").path("domain"), read(|s| s.domain.clone().unwrap_or_default()), options::domains(studio), chosen::<SourceSystem, String>(studio, &id, |s, v| s.domain = optional(v)))}
        </div>
        {text(Spec::new("Description").path("description").multiline(), read(|s| s.description.clone()), typed::<SourceSystem>(studio, &id, "description", |s, v| s.description = v))}
    }
}
