//! Long lists shown a chunk per task, so a 20,000-row table or a 100,000-sentence text never
//! blocks the page for long.

use leptos::prelude::*;

/// Shows `count` items: the first `at_once` now, then `at_once` more per task, so a 20,000-row
/// table or a 100,000-sentence text never blocks the page for long. Each later chunk is turned on
/// once by a memo and never re-rendered.
pub fn in_chunks<F, V>(count: usize, at_once: usize, render: F) -> impl IntoView
where
    F: Fn(std::ops::Range<usize>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let first = count.min(at_once);
    let now = render(0..first);
    let chunks = (count - first).div_ceil(at_once.max(1));
    let shown = RwSignal::new(0usize);
    if chunks > 0 {
        Effect::new(move |_| {
            let n = shown.get();
            if n < chunks {
                set_timeout(move || shown.set(n + 1), std::time::Duration::ZERO);
            }
        });
    }
    let later = (0..chunks)
        .map(|k| {
            let visible = Memo::new(move |_| shown.get() > k);
            let render = render.clone();
            let start = first + k * at_once;
            let end = (start + at_once).min(count);
            move || visible.get().then(|| render(start..end))
        })
        .collect_view();
    (now, later)
}
