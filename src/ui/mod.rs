//! Leptos components: the viewer and its parts. Thin: the model decides, these only show.

pub mod actions;
pub mod app;
pub mod findings;
pub mod header;
pub mod labels;
pub mod load;
pub mod nav;
pub mod reader;
pub mod section;
pub mod speech;
pub mod stat_table;

pub use app::{ReportView, ReportViewer};

use crate::model::CheckedReport;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// What every part of one loaded report reads: the report and which parts are open.
#[derive(Clone)]
pub struct ReportCtx {
    /// The report, its resolved tables and findings.
    pub checked: Arc<CheckedReport>,
    /// Ids of the open parts.
    pub open: RwSignal<BTreeSet<String>>,
    /// The JSON as fetched, for 保存.
    pub source: Option<Arc<str>>,
    /// What the webmaster chose.
    pub options: Arc<crate::embed::options::Options>,
    /// The report's root element, to find elements by id in its own tree.
    pub root: NodeRef<leptos::html::Article>,
}

impl ReportCtx {
    /// Ids of the top-level parts, in order.
    pub fn part_ids(&self) -> Vec<String> {
        self.checked
            .report
            .sections
            .iter()
            .map(|s| s.id.clone())
            .collect()
    }
}

/// The page's clock (performance.now), in milliseconds; 0 where there is none.
pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

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
