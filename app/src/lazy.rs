//! Parts of the app that live in wasm modules of their own and are fetched the first time they
//! are shown: the editors, the dialogs, the problems panel. The first load carries only the
//! canvas, the checks and what every visit needs.
//!
//! A part is a table of plain functions that build views. Its entry function is a split point
//! (`wasm_split_helpers`, which Leptos re-exports): the release build splits the linked wasm at
//! these points (`cargo xtask split`), and calling the entry the first time fetches the part's
//! module. Every other build compiles the entry as an ordinary function, so tests and
//! `cargo check` see one module.
//!
//! Once a part is in, its functions are called directly, with no further waiting; while it
//! loads, a quiet placeholder stands in, and a failed load (offline, say) shows a message with
//! a retry instead of taking the app down.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

/// A part's module could not be fetched or instantiated.
#[derive(Debug)]
pub struct LoadError;

impl From<leptos::wasm_split::SplitLoaderError> for LoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadError
    }
}

type Entry<T> = fn() -> Pin<Box<dyn Future<Output = Result<&'static T, LoadError>>>>;

enum Load<T: 'static> {
    Idle,
    Loading,
    Ready(&'static T),
    Failed,
}

// By hand: a derive would ask `T: Clone`, but only the reference is copied.
impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Load<T> {}

/// One lazily loaded part: its load state (reactive) and how to load it.
pub struct Part<T: 'static> {
    state: ArcRwSignal<Load<T>>,
    entry: Entry<T>,
}

impl<T: 'static> Clone for Part<T> {
    fn clone(&self) -> Self {
        Self { state: self.state.clone(), entry: self.entry }
    }
}

impl<T: Send + Sync + 'static> Part<T> {
    pub fn new(entry: Entry<T>) -> Self {
        Self { state: ArcRwSignal::new(Load::Idle), entry }
    }

    /// The part's table once it is loaded. Reactive: a view that asked while it loads is
    /// rebuilt when it arrives. The first call starts the load.
    pub fn get(&self) -> Option<&'static T> {
        match self.state.get() {
            Load::Ready(table) => Some(table),
            Load::Idle => {
                self.start();
                None
            }
            Load::Loading | Load::Failed => None,
        }
    }

    /// Starts fetching the part (if it is not loaded or loading), e.g. when the pointer nears
    /// something that will need it.
    pub fn start(&self) {
        let idle = self.state.with_untracked(|s| matches!(s, Load::Idle | Load::Failed));
        if !idle {
            return;
        }
        // Untracked: the view that asked is already subscribed and must not re-run for this.
        self.state.update_untracked(|s| *s = Load::Loading);
        let state = self.state.clone();
        let load = (self.entry)();
        leptos::task::spawn_local(async move {
            let outcome = load.await;
            state.set(match outcome {
                Ok(table) => Load::Ready(table),
                Err(LoadError) => Load::Failed,
            });
        });
    }

    /// Calls `then` with the part's table once it is in (fetching it first if need be), or
    /// `failed` if it could not be fetched: an action the user asked for (pasting, importing)
    /// must say so rather than quietly do nothing. Asking again retries the fetch.
    pub fn then(&self, then: impl FnOnce(&'static T) + 'static, failed: impl FnOnce() + 'static) {
        let loaded = self.clone();
        self.settled(
            move || {
                // Untracked: this may run inside the effect that waited for the part.
                if let Some(table) = untrack(|| loaded.get()) {
                    then(table);
                }
            },
            failed,
        );
    }

    /// Runs `then` once the part is in (now, if it is): e.g. focusing a field of a form the
    /// part renders. Starts the load if needed; `then` runs after the views that waited for the
    /// part were told it arrived, so one animation frame later they are on the page. If the
    /// load fails, those views show the failure and a retry; nothing is left to focus.
    pub fn when_ready(&self, then: impl FnOnce() + 'static) {
        self.settled(then, || {});
    }

    fn settled(&self, ready: impl FnOnce() + 'static, failed: impl FnOnce() + 'static) {
        if self.state.with_untracked(|s| matches!(s, Load::Ready(_))) {
            ready();
            return;
        }
        self.start();
        let state = self.state.clone();
        let mut outcome = Some((ready, failed));
        // Lives as long as the page; after it has run once it only ever reads a settled state.
        Effect::new(move |_| {
            let settled = state.with(|s| match s {
                Load::Ready(_) => Some(true),
                Load::Failed => Some(false),
                Load::Idle | Load::Loading => None,
            });
            let Some(ready_now) = settled else { return };
            if let Some((ready, failed)) = outcome.take() {
                if ready_now {
                    ready();
                } else {
                    failed();
                }
            }
        });
    }

    fn failed(&self) -> bool {
        self.state.with(|s| matches!(s, Load::Failed))
    }

    /// A view built from the part's table; a placeholder while it loads, a message with a
    /// retry if it could not be loaded.
    pub fn view(&self, build: impl Fn(&'static T) -> AnyView + Send + Sync + 'static) -> impl IntoView {
        let part = self.clone();
        move || match part.get() {
            Some(table) => build(table),
            None if part.failed() => {
                let retry = part.clone();
                view! {
                    <div class="part-failed" role="alert">
                        <p>"This part of the app could not be loaded. Check the connection and try again; your work is kept."</p>
                        <button class="button small" on:click=move |_| retry.start()>"Try again"</button>
                    </div>
                }
                .into_any()
            }
            None => view! { <p class="part-loading" aria-busy="true">"Loading…"</p> }.into_any(),
        }
    }
}

/// Declares a part's entry: the function that returns its table. In the release build it is a
/// split point, and its body (with everything only it reaches) goes into the part's module.
macro_rules! part_entry {
    ($module:ident, fn $name:ident() -> $table:ty $body:block) => {
        #[cfg(wasm_split)]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<&'static $table, $crate::lazy::LoadError> {
            Ok($body)
        }
        #[cfg(not(wasm_split))]
        async fn $name() -> Result<&'static $table, $crate::lazy::LoadError> {
            Ok($body)
        }
    };
}
pub(crate) use part_entry;
