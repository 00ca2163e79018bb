//! The presenter: the slim bar under the canvas in present mode (the caption, where we are,
//! the buttons), the keys that step, and leaving: Escape, the Exit button, or leaving full
//! screen by the browser's own means all end present mode and put the view back as it was.

use leptos::prelude::*;

use super::caption::{self, Caption};
use super::full_screen;
use super::tour::{self, Mode};
use crate::canvas::{canvas_size, Viewport};
use crate::state::Studio;

/// Largest zoom a stop is shown at: one product fills a projector without its type turning
/// coarse.
const MAX_ZOOM: f64 = 2.2;

#[component]
pub fn PresenterBar() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    let view_before = view.offset_untracked();
    let mode = RwSignal::new(Mode::Products);
    let index = RwSignal::new(0usize);
    // Bumped when the window changes size (entering full screen does): the stop is shown again.
    let resized = RwSignal::new(0u32);
    let stops = Memo::new(move |_| studio.workspace.with(|ws| tour::stops(ws, mode.get())));
    let current = Memo::new(move |_| stops.with(|s| s.get(index.get().min(s.len().saturating_sub(1))).cloned()));
    let caption = Memo::new(move |_| {
        let Some(id) = current.get() else { return Caption::default() };
        studio.workspace.with(|ws| caption::caption(ws, mode.get(), &id))
    });

    Effect::new(move |_| {
        resized.track();
        let Some(id) = current.get() else { return };
        // Tracks the mode too: a domain and a product may share an id.
        let mode = mode.get();
        let area = studio.workspace.with_untracked(|ws| tour::area(ws, mode, &id));
        if let (Some(area), Some((width, height))) = (area, canvas_size()) {
            view.show(area, width, height, MAX_ZOOM);
        }
    });

    let step = move |by: isize| {
        let last = stops.with_untracked(Vec::len).saturating_sub(1);
        index.update(|i| *i = i.saturating_add_signed(by).min(last));
    };
    let jump = move |to: usize| index.set(to.min(stops.with_untracked(Vec::len).saturating_sub(1)));
    let switch = move || {
        let from = mode.get_untracked();
        let to = studio.workspace.with_untracked(|ws| tour::switch_to(ws, from, current.get_untracked().as_deref()));
        mode.set(from.other());
        index.set(to);
    };
    let leave = move || studio.presenting.set(false);

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => step(1),
            "ArrowLeft" | "ArrowUp" | "PageUp" => step(-1),
            " " => step(if ev.shift_key() { -1 } else { 1 }),
            "Home" => jump(0),
            "End" => jump(usize::MAX),
            "d" | "D" => switch(),
            "Escape" => leave(),
            _ => return,
        }
        ev.prevent_default();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n = n.wrapping_add(1)));
    // Leaving full screen with the browser's own key or button ends present mode too.
    let was_full = StoredValue::new(false);
    let full_screen_change = window_event_listener_untyped("fullscreenchange", move |_| {
        if full_screen::active() {
            was_full.set_value(true);
        } else if was_full.get_value() {
            leave();
        }
    });
    on_cleanup(move || {
        keys.remove();
        resize.remove();
        full_screen_change.remove();
        full_screen::exit();
        view.set_offset(view_before);
    });

    let position = move || {
        let total = stops.with(Vec::len);
        let at = if total == 0 { 0 } else { index.get().min(total - 1) + 1 };
        format!("{at} / {total} {}", mode.get().noun(total))
    };
    // Presses must not move the focus to a button: Space would then press it as well as step.
    let keep_focus = |ev: leptos::ev::PointerEvent| ev.prevent_default();
    view! {
        <section class="presenter" aria-label="Presenter" data-testid="presenter">
            <div class="present-caption" data-testid="present-caption" aria-live="polite">
                {move || {
                    if stops.with(Vec::is_empty) {
                        let what = mode.get().noun(0);
                        view! { <p class="present-text">{format!("This workspace has no {what} to present yet.")}</p> }.into_any()
                    } else {
                        caption::show(caption.get()).into_any()
                    }
                }}
            </div>
            <div class="present-controls">
                <span class="present-step" data-testid="present-step">{position}</span>
                <div class="present-buttons">
                    <button class="button" title="Previous (← PageUp Shift+Space)" aria-label="Previous"
                        on:pointerdown=keep_focus on:click=move |_| step(-1)>"‹"</button>
                    <button class="button" title="Next (→ PageDown Space)" aria-label="Next" data-testid="present-next"
                        on:pointerdown=keep_focus on:click=move |_| step(1)>"›"</button>
                </div>
                <button class="button" data-testid="present-mode" title="Step through domains or products (D)"
                    on:pointerdown=keep_focus on:click=move |_| switch()>
                    {move || match mode.get() { Mode::Products => "By domain (D)", Mode::Domains => "By product (D)" }}
                </button>
                <button class="button" data-testid="present-exit" title="Leave present mode (Escape)"
                    on:pointerdown=keep_focus on:click=move |_| leave()>"Exit (Esc)"</button>
            </div>
        </section>
    }
}
