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
