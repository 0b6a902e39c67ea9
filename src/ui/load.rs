//! Loading a report: fetched (`browser::fetch`), then parsed and checked, each step in a task of
//! its own. (朗读's script is made once the report is on screen: `ui::reader`.)

use crate::browser::clock::next_task;
use crate::browser::fetch::fetch_report;
use crate::labels::Labels;
pub use crate::model::LoadFailure;
use crate::model::{check_report, read_report, CheckedReport, VIEWER_LIMITS};
use std::sync::Arc;

/// A report on screen: what checking it found, and its JSON exactly as fetched (for 保存).
#[derive(Clone)]
pub struct Loaded {
    /// The report, resolved and checked.
    pub checked: Arc<CheckedReport>,
    /// The JSON text as the server sent it.
    pub source: Arc<str>,
}

/// A report read from the page's own article (enhance mode), and what the importer noted.
#[derive(Clone)]
pub struct ArticleReport {
    /// The imported report.
    pub report: crate::model::Report,
    /// What the importer decided or could not place (worded by the labels).
    pub notes: Vec<crate::labels::findings::Said>,
}

#[cfg(feature = "enhance")]
/// Checks a report read from the page's article, with the importer's notes among its findings
/// (and on the console).
pub async fn load_article(article: ArticleReport, labels: &'static Labels) -> Loaded {
    next_task().await;
    // Saved as report-tool writes an imported report.
    let source = crate::model::to_json(&article.report);
    next_task().await;
    let mut checked = check_report(article.report);
    for note in article.notes {
        leptos::logging::log!(
            "{}",
            Labels::fill(
                labels.webmaster.article_note,
                &[("note", &labels.said(&note))]
            )
        );
        checked
            .findings
            .push(crate::model::Finding::import_note(note));
    }
    loaded(checked, source).await
}

/// A checked report on its way to the screen.
async fn loaded(checked: CheckedReport, source: String) -> Loaded {
    let checked = Arc::new(checked);
    next_task().await;
    Loaded {
        checked,
        source: Arc::from(source),
    }
}

/// The counts of the text not compared with the tables, for the webmaster on the console (never
/// warnings). Said once the report is drawn, in a task of its own: the text is read again for
/// them (checking read it once already), and a reader waits for none of it.
pub fn say_unbound_claims(checked: &CheckedReport, labels: &Labels) {
    let vocabulary = crate::model::templates::vocabulary();
    for line in crate::model::consistency::claims_for_webmaster(
        &checked.report,
        &checked.tables,
        &vocabulary,
        30,
    ) {
        leptos::logging::log!("[report-viewer] {}", labels.said(&line));
    }
}

/// Fetches, parses and checks a report, giving up on the network after `timeout_secs`. Each step
/// runs in a task of its own, so a huge report never holds the page in one long task.
pub async fn load_report(url: String, timeout_secs: u32) -> Result<Loaded, LoadFailure> {
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
    Ok(loaded(check_report(report), text).await)
}
