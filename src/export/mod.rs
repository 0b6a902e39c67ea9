//! What the reader takes away: a standalone HTML file of the whole report (one file, styles
//! inline, readable with scripts off; also the print view), each table as CSV, and file names;
//! and the markup decisions for tables that the viewer's components follow too. Pure, tested
//! natively.

pub mod chart;
pub mod csv;
pub mod html;
#[cfg(feature = "tool")]
pub mod review;

pub use csv::table_csv;
pub use html::{fragment_html, standalone_html, Page};

use crate::model::Meta;

/// The viewer's stylesheet: adopted by every shadow root, inlined in saved pages, adopted by the
/// print view.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/report-viewer.min.css"));

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A file name stem with the report's title and year, safe on every system.
pub fn file_stem(meta: &Meta) -> String {
    let title: String = meta
        .title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\n' | '\r' | '\t' => '_',
            c => c,
        })
        .collect();
    let title = title.trim();
    let title = if title.is_empty() { "report" } else { title };
    let year = meta.year.to_string();
    if title.contains(&year) {
        title.to_string()
    } else {
        format!("{title}_{year}")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{check_report, parse_report, CheckedReport};

    /// The 2021-format demo report's JSON.
    pub(crate) const SAMPLE: &str = include_str!("../../public/reports/sample-2021.json");

    /// The 2021-format demo report, checked (for the export's tests).
    pub(crate) fn sample() -> CheckedReport {
        check_report(parse_report(SAMPLE).unwrap())
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn file_names_hold_title_and_year() {
        let mut m = sample().report.meta;
        assert_eq!(
            file_stem(&m),
            "示例市2023年政府信息公开工作年度报告（示例数据）"
        );
        m.title = "年报/草稿: 第一版".into();
        assert_eq!(file_stem(&m), "年报_草稿_ 第一版_2023");
    }
}
