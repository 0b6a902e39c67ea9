//! The page's clock and its task queue.

use leptos::prelude::window;

/// The page's clock (performance.now), in milliseconds; 0 where there is none.
pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Lets the browser run other tasks (paint, input, timers) before going on.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits for the next frame (requestAnimationFrame; in a hidden tab, until it is shown).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Marks a moment once per page, for benchmarks (performance.mark).
pub fn mark_once(name: &str) {
    if let Some(perf) = window().performance() {
        if perf.get_entries_by_name(name).length() == 0 {
            let _ = perf.mark(name);
        }
    }
}

/// Calls `tick` every `period` for as long as it returns true; the first false clears the
/// interval for good. A tick that reaches reactive values must return false once they are gone
/// (their view unmounted: read them with `try_`), so nothing runs on after its view.
pub fn every(period: std::time::Duration, tick: impl FnMut() -> bool + 'static) {
    use leptos::prelude::{set_interval_with_handle, IntervalHandle};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let tick = RefCell::new(tick);
    let handle: Rc<Cell<Option<IntervalHandle>>> = Rc::default();
    let own = handle.clone();
    let started = set_interval_with_handle(
        move || {
            if !(tick.borrow_mut())() {
                if let Some(h) = own.take() {
                    h.clear();
                }
            }
        },
        period,
    );
    if let Ok(h) = started {
        handle.set(Some(h));
    }
}
