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
    let at_once = at_once.max(1);
    let first = count.min(at_once);
    let later = (first..count)
        .step_by(at_once)
        .map(|s| s..(s + at_once).min(count));
    in_ranges(std::iter::once(0..first).chain(later).collect(), render)
}

/// Shows items in the given consecutive ranges: the first now, then one range per task.
pub fn in_ranges<F, V>(ranges: Vec<std::ops::Range<usize>>, render: F) -> impl IntoView
where
    F: Fn(std::ops::Range<usize>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let mut ranges = ranges.into_iter();
    let now = ranges.next().map(&render);
    let later: Vec<_> = ranges.collect();
    let chunks = later.len();
    let shown = RwSignal::new(0usize);
    if chunks > 0 {
        Effect::new(move |_| {
            let n = shown.get();
            if n < chunks {
                set_timeout(move || shown.set(n + 1), std::time::Duration::ZERO);
            }
        });
    }
    let later = later
        .into_iter()
        .enumerate()
        .map(|(k, range)| {
            let visible = Memo::new(move |_| shown.get() > k);
            let render = render.clone();
            move || visible.get().then(|| render(range.clone()))
        })
        .collect_view();
    (now, later)
}
