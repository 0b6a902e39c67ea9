//! What every component of one viewer reads from context: the loaded report and its open parts,
//! and the interface's language.

use crate::labels::Labels;
use crate::model::{CheckedReport, Finding};
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
    pub last_year: RwSignal<LastYear>,
    /// The tables shown beside last year's (对比上年 on), by id: 朗读 reads them so.
    pub compared: RwSignal<BTreeSet<String>>,
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

/// Where last year's report is.
#[derive(Clone)]
pub enum LastYear {
    /// No previous report is named.
    None,
    /// Being loaded.
    Loading,
    /// Loaded and checked, with the cross-year findings.
    Loaded(Arc<Previous>),
    /// Could not be loaded: why, in words.
    Failed(String),
}

impl LastYear {
    /// Last year's report, once loaded.
    pub fn loaded(self) -> Option<Arc<Previous>> {
        match self {
            LastYear::Loaded(p) => Some(p),
            _ => None,
        }
    }

    /// What checking against last year's report found (none before it is loaded).
    pub fn cross_year(self) -> Vec<Finding> {
        self.loaded()
            .map(|p| p.findings.clone())
            .unwrap_or_default()
    }
}

/// Last year's report and what checking this year's against it found.
pub struct Previous {
    /// Last year's report, checked.
    pub checked: Arc<CheckedReport>,
    /// The cross-year findings (X1, X2) about this year's tables.
    pub findings: Vec<Finding>,
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

/// The language of the report's own text, where it differs from the interface's (`data-lang="en"`
/// over a Chinese report): set as `lang` on every element of report text, so that a screen reader
/// voices the English words in English and the report in Chinese (WCAG 3.1.2). `None` when they
/// are the same language: the page then has one `lang`.
pub fn report_lang() -> Option<String> {
    let ctx = use_context::<ReportCtx>()?;
    crate::markup::page::languages(&ctx.checked.report.meta, labels()).report_text
}
