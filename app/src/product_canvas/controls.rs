//! The in-place editors of the canvas view: inputs that read like the canvas's text until
//! they are focused. Each change is an edit of the product (`forms::typed` / `forms::chosen`),
//! so undo and redo work and typing merges into one undo step as in the forms.

use dpstudio_model::{DataProduct, ProductKind, Status};
use leptos::prelude::*;

use crate::forms::options::{self, Options};
use crate::forms::{chosen, split_list, typed};
use crate::state::Studio;

/// How a control looks and what it is called.
struct Look {
    label: &'static str,
    testid: &'static str,
    placeholder: &'static str,
    class: &'static str,
}

fn labelled(look: &Look, control: AnyView) -> AnyView {
    view! {
        <label class=format!("sheet-field {}", look.class)>
            <span class="sheet-label">{look.label}</span>
            {control}
        </label>
    }
    .into_any()
}

/// Typed text: every keystroke is an edit, merged into one undo step per field.
fn text(look: Look, value: Memo<String>, on_input: Callback<String>, multiline: bool) -> AnyView {
    let control = if multiline {
        view! {
            <textarea class="sheet-input" rows="2" data-testid=look.testid placeholder=look.placeholder spellcheck="true"
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" class="sheet-input" data-testid=look.testid placeholder=look.placeholder spellcheck="false"
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    labelled(&look, control)
}

/// Text committed on blur or Enter: a parsed value (the tag list) is not re-formatted mid-typing.
fn committed(look: Look, value: Memo<String>, on_change: Callback<String>) -> AnyView {
    let control = view! {
        <input type="text" class="sheet-input" data-testid=look.testid placeholder=look.placeholder spellcheck="false"
            prop:value=move || value.get() on:change=move |ev| on_change.run(event_target_value(&ev)) />
    };
    labelled(&look, control.into_any())
}

/// A choice; a value missing from the options stays visible as its own option.
fn choice(look: Look, value: Memo<String>, options: Options, on_change: Callback<String>) -> AnyView {
    let rendered = move || {
        let current = value.get();
        let mut options = options.get();
        if !options.iter().any(|(v, _)| *v == current) {
            options.insert(0, (current.clone(), format!("{current} (missing)")));
        }
        options
            .into_iter()
            .map(|(v, text)| {
                let selected = v == current;
                view! { <option value=v selected=selected>{text}</option> }
            })
            .collect_view()
    };
    let control = view! {
        <select class="sheet-input" data-testid=look.testid prop:value=move || value.get()
            on:change=move |ev| on_change.run(event_target_value(&ev))>{rendered}</select>
    };
    labelled(&look, control.into_any())
}

fn look(label: &'static str, testid: &'static str, placeholder: &'static str, class: &'static str) -> Look {
    Look { label, testid, placeholder, class }
}

fn optional(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

pub fn name(studio: Studio, id: &str) -> AnyView {
    let value = studio.read::<DataProduct, String>(id, |p| p.name.clone());
    text(look("Name", "sheet-name", "Name the product", "sheet-title-field"), value, typed::<DataProduct>(studio, id, "name", |p, v| p.name = v), false)
}

pub fn domain(studio: Studio, id: &str) -> AnyView {
    let domain = studio.read::<DataProduct, String>(id, |p| p.domain.clone().unwrap_or_default());
    let team = studio.read::<DataProduct, String>(id, |p| p.owner_team.clone().unwrap_or_default());
    view! {
        <div class="sheet-pair">
            {choice(look("Domain", "sheet-domain", "", ""), domain, options::domains(studio), chosen::<DataProduct, String>(studio, id, |p, v| p.domain = optional(v)))}
            {choice(look("Owner team", "sheet-owner", "", ""), team, options::teams(studio), chosen::<DataProduct, String>(studio, id, |p, v| p.owner_team = optional(v)))}
        </div>
    }
    .into_any()
}

pub fn design(studio: Studio, id: &str) -> AnyView {
    let purpose = studio.read::<DataProduct, String>(id, |p| p.purpose.clone());
    let description = studio.read::<DataProduct, String>(id, |p| p.description.clone());
    view! {
        {text(look("Purpose", "sheet-purpose", "Why it exists and for whom", "sheet-lead"), purpose, typed::<DataProduct>(studio, id, "purpose", |p, v| p.purpose = v), true)}
        {text(look("Description", "sheet-description", "What it contains and how it is made", ""), description, typed::<DataProduct>(studio, id, "description", |p, v| p.description = v), true)}
    }
    .into_any()
}

pub fn metadata(studio: Studio, id: &str) -> AnyView {
    let version = studio.read::<DataProduct, String>(id, |p| p.version.clone());
    let status = studio.read::<DataProduct, String>(id, |p| p.status.as_str().to_owned());
    let tags = studio.read::<DataProduct, String>(id, |p| p.tags.join(", "));
    view! {
        <div class="sheet-pair">
            {text(look("Version", "sheet-version", "0.1.0", ""), version, typed::<DataProduct>(studio, id, "version", |p, v| p.version = v), false)}
            {choice(look("Status", "sheet-status", "", ""), status, options::fixed(&Status::ALL.map(Status::as_str)), chosen::<DataProduct, String>(studio, id, |p, v| p.status = Status::parse(&v).unwrap_or(p.status)))}
        </div>
        {committed(look("Tags", "sheet-tags", "comma, separated", ""), tags, chosen::<DataProduct, String>(studio, id, |p, v| p.tags = split_list(&v)))}
    }
    .into_any()
}

pub fn kind(studio: Studio, id: &str) -> AnyView {
    // The option values are the kinds' labels: one list, no second spelling to keep in step.
    let value = studio.read::<DataProduct, String>(id, |p| p.kind.label().to_owned());
    let labels = ProductKind::ALL.map(ProductKind::label);
    let set = |p: &mut DataProduct, v: String| {
        if let Some(kind) = ProductKind::ALL.into_iter().find(|k| k.label() == v) {
            p.kind = kind;
        }
    };
    choice(look("Kind", "sheet-kind", "", ""), value, options::fixed(&labels), chosen::<DataProduct, String>(studio, id, set))
}
