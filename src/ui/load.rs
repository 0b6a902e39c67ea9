//! Loading a report: fetched (`browser::fetch`), then parsed, checked and made ready for 朗读,
//! each step in a task of its own.

use crate::browser::clock::{next_task, now_ms};
use crate::browser::fetch::fetch_report;
pub use crate::browser::fetch::LoadFailure;
use crate::model::{check_report, read_report, CheckedReport, VIEWER_LIMITS};
use crate::read_aloud::script::Script;
use crate::read_aloud::Reading;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

/// A report on screen: what checking it found, and its JSON exactly as fetched (for 保存).
#[derive(Clone)]
pub struct Loaded {
    /// The report, resolved and checked.
    pub checked: Arc<CheckedReport>,
    /// The JSON text as the server sent it.
    pub source: Arc<str>,
    /// What 朗读 needs, when it is on (taken by the first view of the report).
    pub reading: Rc<Cell<Option<Reading>>>,
}

/// How long one slice of work may hold the page (well under the 50 ms of a "long task" budget
/// the browser reports, so input stays responsive while a huge report is prepared).
const SLICE_MS: f64 = 40.0;

/// Makes what 朗读 needs a slice at a time, letting the page run between slices.
async fn prepare_reading(checked: &CheckedReport, charts: bool) -> Reading {
    next_task().await;
    let mut script = Script::plan_with(checked, charts);
    loop {
        next_task().await;
        let start = now_ms();
        loop {
            if script.step(256) {
                next_task().await;
                return Reading::new(script.finish());
            }
            if now_ms() - start > SLICE_MS {
                break;
            }
        }
    }
}

/// A report read from the page's own article (enhance mode), and what the importer noted.
#[derive(Clone)]
pub struct ArticleReport {
    /// The imported report.
    pub report: crate::model::Report,
    /// What the importer decided or could not place, in words.
    pub notes: Vec<String>,
}

#[cfg(feature = "enhance")]
/// Checks a report read from the page's article, with the importer's notes among its findings
/// (and on the console), and builds its reading script when `read_aloud`.
pub async fn load_article(article: ArticleReport, read_aloud: bool, charts: bool) -> Loaded {
    next_task().await;
    // Saved as report-tool writes an imported report.
    let source = crate::model::to_json(&article.report);
    next_task().await;
    let mut checked = check_report(article.report);
    for note in &article.notes {
        leptos::logging::log!("[report-viewer] 读取页面文章：{note}");
        checked
            .findings
            .push(crate::model::Finding::import_note(note));
    }
    loaded(checked, source, read_aloud, charts).await
}

/// A checked report on its way to the screen, with its reading script when `read_aloud`.
async fn loaded(checked: CheckedReport, source: String, read_aloud: bool, charts: bool) -> Loaded {
    let checked = Arc::new(checked);
    // The counts of the text not compared with the tables, for the webmaster: never warnings.
    // (Read again in a task of its own: checking read them once already.)
    next_task().await;
    let vocabulary = crate::model::templates::vocabulary();
    for line in crate::model::consistency::claims_for_webmaster(
        &checked.report,
        &checked.tables,
        &vocabulary,
        30,
    ) {
        leptos::logging::log!("[report-viewer] {line}");
    }
    let reading = if read_aloud {
        Some(prepare_reading(&checked, charts).await)
    } else {
        None
    };
    next_task().await;
    Loaded {
        checked,
        source: Arc::from(source),
        reading: Rc::new(Cell::new(reading)),
    }
}

/// Fetches, parses and checks a report (and builds its reading script when `read_aloud`), giving
/// up on the network after `timeout_secs`. Each step runs in a task of its own, so a huge report
/// never holds the page in one long task.
pub async fn load_report(
    url: String,
    timeout_secs: u32,
    (read_aloud, charts): (bool, bool),
) -> Result<Loaded, LoadFailure> {
    let bytes = fetch_report(&url, timeout_secs).await?;
    let data = |error| LoadFailure::Data {
        url: url.clone(),
        error,
    };
    if let Some(e) = VIEWER_LIMITS.exceeded(bytes.len(), None) {
        return Err(data(e));
    }
    next_task().await;
    let report = read_report(&bytes).map_err(data)?;
    if let Some(e) = VIEWER_LIMITS.exceeded(bytes.len(), Some(&report)) {
        return Err(data(e));
    }
    // read_report accepted the bytes as UTF-8.
    let text = String::from_utf8(bytes).unwrap_or_default();
    next_task().await;
    Ok(loaded(check_report(report), text, read_aloud, charts).await)
}
