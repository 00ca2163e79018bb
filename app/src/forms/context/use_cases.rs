//! A use case: who consumes which output ports, and why. Consumer-aligned products need one.

use dpstudio_model::{PortRef, UseCase};
use leptos::prelude::*;

use crate::forms::entity::{chosen, typed};
use crate::forms::field::{text, Spec};
use crate::forms::links::link_picker;
use crate::forms::options;
use crate::state::Studio;

#[component]
pub fn UseCaseForm(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let read = |get: fn(&UseCase) -> String| studio.read::<UseCase, String>(&id, get);
    let consumes = studio.read::<UseCase, Vec<String>>(&id, |u| u.consumes.iter().map(|c| format!("{}/{}", c.product, c.port)).collect());
    view! {
        {text(Spec::new("Use case name").path("name").testid("use-case-name"), read(|u| u.name.clone()), typed::<UseCase>(studio, &id, "name", |u, v| u.name = v))}
        {text(Spec::new("Consumer (team id or external party)").path("consumer"), read(|u| u.consumer.clone()), typed::<UseCase>(studio, &id, "consumer", |u, v| u.consumer = v))}
        {text(Spec::new("Description").path("description").multiline(), read(|u| u.description.clone()), typed::<UseCase>(studio, &id, "description", |u, v| u.description = v))}
        {link_picker(Spec::new("Consumes output ports").path("consumes").testid("use-case-consumes"), consumes, options::output_ports(studio), chosen::<UseCase, Vec<String>>(studio, &id, |u, v| {
                u.consumes = v.iter().filter_map(|key| key.split_once('/')).map(|(product, port)| PortRef { product: product.into(), port: port.into() }).collect()
            }))}
    }
}
