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
