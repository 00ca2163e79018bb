//! Form controls bound to the workspace: each shows a value read from the model and reports
//! changes through a callback that turns them into edits. Labels are real `<label>`s (visible,
//! or visually hidden inside tables) so screen readers and axe see every control named, and
//! `data-path` carries the diagnostic field path a chosen problem focuses.
//!
//! These are plain functions returning `AnyView`, not components: the forms call them a few
//! hundred times, and a component call instantiates its own props builder and view types per
//! call site, which cost tens of kilobytes of wasm across the forms.

use leptos::prelude::*;

/// What a control shows besides its value: label, field path, hints.
#[derive(Default, Clone)]
pub struct Spec {
    pub(super) label: String,
    pub(super) path: String,
    pub(super) testid: String,
    placeholder: String,
    compact: bool,
    multiline: bool,
}

impl Spec {
    pub fn new(label: impl Into<String>) -> Spec {
        Spec { label: label.into(), ..Spec::default() }
    }

    /// The diagnostic field path this control edits (`outputPorts[0].contract`).
    pub fn path(mut self, path: impl Into<String>) -> Spec {
        self.path = path.into();
        self
    }

    pub fn testid(mut self, testid: &str) -> Spec {
        self.testid = testid.to_owned();
        self
    }

    pub fn placeholder(mut self, text: &str) -> Spec {
        self.placeholder = text.to_owned();
        self
    }

    /// Inside a table row or list row: the label is for assistive technology only.
    pub fn compact(mut self) -> Spec {
        self.compact = true;
        self
    }

    pub fn multiline(mut self) -> Spec {
        self.multiline = true;
        self
    }

    fn label_class(&self) -> &'static str {
        if self.compact {
            "visually-hidden"
        } else {
            "field-label"
        }
    }
}

/// A single- or multi-line text input. `on_input` runs on every keystroke (callers merge
/// keystrokes into one undo step); the value shown follows the model, so undo updates it.
pub fn text(spec: Spec, value: impl Into<Signal<String>>, on_input: Callback<String>) -> AnyView {
    text_view(spec, value.into(), on_input)
}

fn text_view(spec: Spec, value: Signal<String>, on_input: Callback<String>) -> AnyView {
    let label_class = spec.label_class();
    let control = if spec.multiline {
        view! {
            <textarea rows="3" data-path=spec.path placeholder=spec.placeholder data-testid=spec.testid spellcheck="true"
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" data-path=spec.path placeholder=spec.placeholder data-testid=spec.testid spellcheck="false"
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <label class="field" class:compact=spec.compact>
            <span class=label_class>{spec.label}</span>
            {control}
        </label>
    }
    .into_any()
}

/// A text input committed on change (blur or Enter) rather than per keystroke: for values
/// that are parsed (lists, numbers), where re-formatting mid-typing would move the cursor.
pub fn commit(spec: Spec, value: impl Into<Signal<String>>, on_change: Callback<String>) -> AnyView {
    commit_view(spec, value.into(), on_change)
}

fn commit_view(spec: Spec, value: Signal<String>, on_change: Callback<String>) -> AnyView {
    let label_class = spec.label_class();
    view! {
        <label class="field" class:compact=spec.compact>
            <span class=label_class>{spec.label}</span>
            <input type="text" data-path=spec.path placeholder=spec.placeholder data-testid=spec.testid spellcheck="false"
                prop:value=move || value.get() on:change=move |ev| on_change.run(event_target_value(&ev)) />
        </label>
    }
    .into_any()
}

/// A choice from a list of `(value, label)` options; `value` not among them shows as its own
/// option, so a reference to something missing stays visible instead of silently changing.
pub fn select(spec: Spec, value: impl Into<Signal<String>>, options: Signal<Vec<(String, String)>>, on_change: Callback<String>) -> AnyView {
    select_view(spec, value.into(), options, on_change)
}

fn select_view(spec: Spec, value: Signal<String>, options: Signal<Vec<(String, String)>>, on_change: Callback<String>) -> AnyView {
    let label_class = spec.label_class();
    // A memo: the options are redrawn only when they change, not on every edit of the workspace.
    let entries = Memo::new(move |_| {
        let current = value.get();
        let mut options = options.get();
        if !options.iter().any(|(v, _)| *v == current) {
            options.insert(0, (current.clone(), format!("{current} (missing)")));
        }
        options.into_iter().map(|(v, text)| (v == current, v, text)).collect::<Vec<_>>()
    });
    let rendered = move || {
        entries
            .get()
            .into_iter()
            .map(|(selected, v, text)| view! { <option value=v selected=selected>{text}</option> })
            .collect_view()
    };
    view! {
        <label class="field" class:compact=spec.compact>
            <span class=label_class>{spec.label}</span>
            <select data-path=spec.path data-testid=spec.testid prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {rendered}
            </select>
        </label>
    }
    .into_any()
}

/// A yes/no toggle.
pub fn check(spec: Spec, value: impl Into<Signal<bool>>, on_change: Callback<bool>) -> AnyView {
    check_view(spec, value.into(), on_change)
}

fn check_view(spec: Spec, value: Signal<bool>, on_change: Callback<bool>) -> AnyView {
    let label_class = spec.label_class();
    view! {
        <label class="check" class:compact=spec.compact>
            <input type="checkbox" data-path=spec.path prop:checked=move || value.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            <span class=label_class>{spec.label}</span>
        </label>
    }
    .into_any()
}

/// The × at the end of a list row.
pub fn remove_button(label: &str, on_click: Callback<()>) -> AnyView {
    view! {
        <button class="button icon small remove" title=label.to_owned() aria-label=label.to_owned() on:click=move |_| on_click.run(())>"×"</button>
    }
    .into_any()
}

/// `"a, b, c"` → `["a", "b", "c"]`, empty pieces dropped.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// What a user typed for a JSON value (an SLA value, a threshold, an example): a number or
/// boolean when it reads as one, else the text.
pub fn parse_scalar(text: &str) -> serde_json::Value {
    let text = text.trim();
    if text.is_empty() {
        return serde_json::Value::Null;
    }
    if let Ok(n) = text.parse::<i64>() {
        return n.into();
    }
    if let Ok(f) = text.parse::<f64>() {
        if f.is_finite() {
            return f.into();
        }
    }
    match text {
        "true" => true.into(),
        "false" => false.into(),
        _ => text.into(),
    }
}

/// How a JSON value shows in a text field: strings without quotes.
pub fn scalar_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `Some(id)` for a chosen option, `None` for the empty one ("—").
pub fn optional(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}
