//! Leptos components only: the viewer and its parts. Thin: the model decides, `markup`
//! decides table markup, `labels` words everything, `browser` does what only a browser can; these
//! only show.

pub mod actions;
pub mod app;
pub mod chart;
pub mod chunks;
pub mod contents;
pub mod context;
pub mod findings;
pub mod header;
pub mod last_year;
pub mod load;
pub mod part;
pub mod prefs;
pub mod reader;
pub mod save_menu;
pub mod stat_table;
pub mod toolbar;

pub use app::{ReportView, ReportViewer};
pub use context::{labels, report_lang, Lang, ReportCtx};
#[cfg(feature = "enhance")]
pub use load::load_article;
pub use load::{load_report, ArticleReport, LoadFailure, Loaded};
