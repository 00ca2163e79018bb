//! A set of links to other entities (glossary terms, metrics, consumed ports): the chosen ones
//! as removable chips, and a menu that adds one more. Links to something that no longer
//! exists stay visible, marked, so the user sees what the checks complain about.

use leptos::prelude::*;

use super::field::Spec;
use super::options::Options;

/// `spec` gives the label, field path and test id.
pub fn link_picker(spec: Spec, chosen: impl Into<Signal<Vec<String>>>, options: Options, on_change: Callback<Vec<String>>) -> AnyView {
    picker_view(spec, chosen.into(), options, on_change)
}

fn picker_view(spec: Spec, chosen: Signal<Vec<String>>, options: Options, on_change: Callback<Vec<String>>) -> AnyView {
    let Spec { label, path, testid, .. } = spec;
    let chips = move || {
        let all = options.get();
        chosen
            .get()
            .into_iter()
            .map(|id| {
                let text = all.iter().find(|(v, _)| *v == id).map(|(_, l)| l.clone()).unwrap_or_else(|| format!("{id} (missing)"));
                let missing = !all.iter().any(|(v, _)| *v == id);
                let remove_label = format!("Remove {text}");
                view! {
                    <span class="chip link" class:missing=missing>
                        {text}
                        <button class="chip-remove" aria-label=remove_label.clone() title=remove_label
                            on:click=move |_| on_change.run(chosen.get_untracked().into_iter().filter(|x| *x != id).collect())>"×"</button>
                    </span>
                }
            })
            .collect_view()
    };
    let addable = move || {
        let taken = chosen.get();
        options.get().into_iter().filter(|(v, _)| !taken.contains(v)).map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()
    };
    let add = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if value.is_empty() {
            return;
        }
        let mut next = chosen.get_untracked();
        next.push(value);
        on_change.run(next);
        // Back to the prompt, ready for the next one.
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        select.set_value("");
    };
    let select_label = format!("Add to {}", label.to_lowercase());
    view! {
        <div class="field links" data-path=path>
            <span class="field-label">{label}</span>
            <div class="chips">{chips}</div>
            <select aria-label=select_label data-testid=testid on:change=add>
                <option value="">"+ Add…"</option>
                {addable}
            </select>
        </div>
    }
    .into_any()
}
