//! Printing puts the canvas alone on one landscape page (main.css), and a block cannot grow
//! past the page. A canvas with more text than that holds would lose what overflows its
//! blocks; so while the page is laid out for print, the type is made smaller in steps until
//! every block shows all it holds, down to a size that still reads on paper. Screen layout
//! never changes.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Type sizes tried, as a share of the print sizes; the last is the floor.
const SCALES: [f64; 7] = [1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6];

fn sheet() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    document.query_selector(".product-sheet").ok().flatten()?.dyn_into().ok()
}

/// Whether some block holds more than it shows (reading the sizes lays the page out anew).
fn overflows(sheet: &web_sys::HtmlElement) -> bool {
    let Ok(blocks) = sheet.query_selector_all(".sheet-block") else { return false };
    (0..blocks.length())
        .filter_map(|i| blocks.item(i)?.dyn_into::<web_sys::Element>().ok())
        .any(|block| block.scroll_height() > block.client_height() + 1)
}

/// Makes the type as large as fits, in the print layout now in force.
fn fit() {
    let Some(sheet) = sheet() else { return };
    let style = sheet.style();
    for scale in SCALES {
        let _ = style.set_property("--print-scale", &scale.to_string());
        if !overflows(&sheet) {
            return;
        }
    }
}

fn reset() {
    if let Some(sheet) = sheet() {
        let _ = sheet.style().remove_property("--print-scale");
    }
}

type Listener = Closure<dyn Fn(web_sys::MediaQueryListEvent)>;

thread_local! {
    /// The print query followed while a canvas view is open, its listener, and which view
    /// started following it.
    static FOLLOWING: RefCell<Option<(web_sys::MediaQueryList, Listener, u64)>> = const { RefCell::new(None) };
    static VIEWS: Cell<u64> = const { Cell::new(0) };
}

/// Follows the print media query while a canvas view is open: fitting when printing starts,
/// back to the screen sizes when it ends. Returns the view's ticket for [`stop_following`].
pub fn follow_printing() -> u64 {
    let ticket = VIEWS.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    stop(None);
    let Some(query) = web_sys::window().and_then(|w| w.match_media("print").ok().flatten()) else { return ticket };
    let listener: Listener = Closure::new(|event: web_sys::MediaQueryListEvent| {
        if event.matches() {
            fit();
        } else {
            reset();
        }
    });
    if query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref()).is_ok() {
        FOLLOWING.with(|following| *following.borrow_mut() = Some((query, listener, ticket)));
    }
    ticket
}

/// Stops following when the view that holds `ticket` closes. A view for another product may
/// have opened before this one's cleanup runs; its following stays.
pub fn stop_following(ticket: u64) {
    stop(Some(ticket));
}

fn stop(only: Option<u64>) {
    let taken = FOLLOWING.with(|following| {
        let mut following = following.borrow_mut();
        let ours = following.as_ref().is_some_and(|(_, _, holder)| only.is_none_or(|t| t == *holder));
        if ours {
            following.take()
        } else {
            None
        }
    });
    if let Some((query, listener, _)) = taken {
        let _ = query.remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    }
}
