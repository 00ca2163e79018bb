//! A modal dialog over the page: a backdrop that closes it when clicked, Escape that closes it
//! wherever focus is, a titled header with a close button that takes focus on opening, and the
//! content. The heading's id is `<testid>-title`, so the dialog is named by it for assistive
//! technology.

use leptos::prelude::*;

#[component]
pub fn Modal(
    open: RwSignal<bool>,
    /// Extra class on the dialog box (its width and layout).
    class: &'static str,
    title: &'static str,
    testid: &'static str,
    close_label: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let title_id = format!("{testid}-title");
    // Wherever focus is: a button disabled while it works drops focus to the page.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || escape.remove());
    let close_title = format!("{close_label} (Esc)");
    view! {
        <Show when=move || open.get()>
            <div class="dialog-backdrop" on:click=move |_| open.set(false)>
                <div class=format!("dialog {class}") role="dialog" aria-modal="true" aria-labelledby=title_id.clone() data-testid=testid
                    on:click=|ev| ev.stop_propagation()>
                    <header class="dialog-header">
                        <h2 id=title_id.clone()>{title}</h2>
                        <button class="button icon" aria-label=close_label title=close_title.clone() autofocus on:click=move |_| open.set(false)>"×"</button>
                    </header>
                    {children()}
                </div>
            </div>
        </Show>
    }
}
