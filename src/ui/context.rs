//! What every component of one viewer reads from context: the loaded report and its open parts,
//! and the interface's language.

pub use crate::labels::Labels;
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
    pub options: Arc<crate::config::Options>,
    /// The report's root element, to find elements by id in its own tree.
    pub root: NodeRef<leptos::html::Article>,
    /// Last year's report, for 对比上年 and the cross-year checks.
    pub last_year: RwSignal<super::last_year::LastYear>,
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

/// The interface language of one viewer, provided as context.
#[derive(Clone, Copy)]
pub struct Lang(pub &'static Labels);

/// The texts of the current viewer (Chinese when none was chosen).
pub fn labels() -> &'static Labels {
    use_context::<Lang>()
        .map(|l| l.0)
        .unwrap_or(&crate::labels::ZH)
}
