//! Reviewing many reports at once, as a 政务公开办 does each year (`report-tool check DIR…`): one
//! row per report (agency, year, format, errors, warnings), a total, the same as data, and a
//! standalone summary page in the viewer's look, sortable, each report's findings listed and
//! linked to a readable copy of the report. Pure string building, tested natively.

use super::escape;
use crate::labels::review::{ReviewWords, NO_TABLES};
use crate::labels::Labels;
use crate::model::{CheckedReport, Finding, Severity};
use serde::Serialize;
use std::fmt::Write;

/// One report in a review.
#[derive(Debug, Clone, Serialize)]
pub struct Reviewed {
    /// The file, as given.
    pub path: String,
    /// The report's title.
    pub title: String,
    /// The publishing agency.
    pub agency: String,
    /// The year reported on (0 when unknown).
    pub year: u16,
    /// Table format: "2021", "2019", "2019+2021" or [`NO_TABLES`].
    pub format: String,
    /// How many errors.
    pub errors: usize,
    /// How many warnings.
    pub warnings: usize,
    /// Every finding (with --previous, the cross-year ones too).
    pub findings: Vec<Finding>,
    /// Why the file could not be read, instead of findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
    /// The readable copy the summary page links to, relative to the page.
    #[serde(skip)]
    pub link: Option<String>,
}

impl Reviewed {
    /// A checked report, with any extra findings (cross-year).
    pub fn of(path: &str, checked: &CheckedReport, extra: Vec<Finding>) -> Reviewed {
        let mut findings = checked.findings.clone();
        findings.extend(extra);
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        let mut years: Vec<u16> = checked
            .tables
            .values()
            .filter_map(|t| t.template.map(|id| id.format_year()))
            .collect();
        years.sort_unstable();
        years.dedup();
        let format = match years.as_slice() {
            [] => NO_TABLES.to_string(),
            ys => ys.iter().map(u16::to_string).collect::<Vec<_>>().join("+"),
        };
        let meta = &checked.report.meta;
        Reviewed {
            path: path.to_string(),
            title: meta.title.clone(),
            agency: meta.agency.clone(),
            year: meta.year,
            format,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            findings,
            unreadable: None,
            link: None,
        }
    }

    /// A file that could not be read as a report.
    pub fn unreadable(path: &str, why: String) -> Reviewed {
        Reviewed {
            path: path.to_string(),
            title: String::new(),
            agency: String::new(),
            year: 0,
            format: String::new(),
            errors: 0,
            warnings: 0,
            findings: Vec::new(),
            unreadable: Some(why),
            link: None,
        }
    }

    /// The line `check` prints for this report.
    pub fn line(&self, w: &ReviewWords) -> String {
        match &self.unreadable {
            Some(why) => Labels::fill(w.row_unreadable, &[("path", &self.path), ("why", why)]),
            None => Labels::fill(
                w.row,
                &[
                    ("agency", or_dash(&self.agency)),
                    ("year", &self.year_in(w)),
                    ("title", or_dash(&self.title)),
                    ("format", self.format_in(w)),
                    ("errors", &self.errors.to_string()),
                    ("warnings", &self.warnings.to_string()),
                    ("path", &self.path),
                ],
            ),
        }
    }

    fn year_in(&self, w: &ReviewWords) -> String {
        if self.year > 0 {
            Labels::fill(w.year, &[("year", &self.year.to_string())])
        } else {
            "—".into()
        }
    }

    fn format_in<'a>(&'a self, w: &'a ReviewWords) -> &'a str {
        if self.format == NO_TABLES {
            w.no_tables
        } else {
            &self.format
        }
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}

/// The totals of a review.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Totals {
    /// Reports read.
    pub reports: usize,
    /// Reports with at least one error.
    pub with_errors: usize,
    /// Errors in all.
    pub errors: usize,
    /// Warnings in all.
    pub warnings: usize,
    /// Files that could not be read.
    pub unreadable: usize,
}

/// Adds up a review.
pub fn totals(rows: &[Reviewed]) -> Totals {
    let mut t = Totals::default();
    for r in rows {
        if r.unreadable.is_some() {
            t.unreadable += 1;
            continue;
        }
        t.reports += 1;
        t.with_errors += usize::from(r.errors > 0);
        t.errors += r.errors;
        t.warnings += r.warnings;
    }
    t
}

/// The total line `check` prints.
pub fn total_line(t: &Totals, w: &ReviewWords) -> String {
    let n = |v: usize| v.to_string();
    let mut s = Labels::fill(
        w.total,
        &[
            ("reports", &n(t.reports)),
            ("with_errors", &n(t.with_errors)),
            ("errors", &n(t.errors)),
            ("warnings", &n(t.warnings)),
        ],
    );
    if t.unreadable > 0 {
        s.push_str(&Labels::fill(
            w.total_unreadable,
            &[("n", &n(t.unreadable))],
        ));
    }
    s
}

const PAGE_CSS: &str = "
.rv-review{font:16px/1.6 system-ui,'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;color:#1a1a1a;max-width:72rem;margin:0 auto;padding:1rem}
.rv-review h1{font-size:1.5rem}
.rv-review table{border-collapse:collapse;width:100%}
.rv-review th,.rv-review td{border:1px solid #767676;padding:.4rem .6rem;text-align:left;vertical-align:top}
.rv-review td.rv-num{text-align:right;font-variant-numeric:tabular-nums}
.rv-review th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:#0b4f8a;text-decoration:underline}
.rv-review .rv-bad{color:#a30000;font-weight:bold}
.rv-review details{margin:.25rem 0}
.rv-review li.error{color:#a30000}
.rv-review li.warning{color:#7a4b00}
.rv-review a{color:#0b4f8a}
";

/// Sorting by a column header, for people reading the file in a browser; the rows are already
/// in order of errors without it.
const SORT_SCRIPT: &str = "document.querySelectorAll('.rv-review th button').forEach(function(b,i){b.addEventListener('click',function(){var t=b.closest('table'),tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows),th=b.closest('th'),col=th.cellIndex,desc=th.getAttribute('aria-sort')!=='descending';rows.sort(function(x,y){var a=x.cells[col].getAttribute('data-sort')||x.cells[col].textContent,c=y.cells[col].getAttribute('data-sort')||y.cells[col].textContent,n=parseFloat(a)-parseFloat(c);var r=isNaN(n)?a.localeCompare(c,'zh'):n;return desc?-r:r;});rows.forEach(function(r){tb.appendChild(r);});t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',desc?'descending':'ascending');});});";

/// The summary page: one row per report, most errors first, each report's findings listed.
pub fn summary_html(rows: &[Reviewed], title: &str, l: &Labels, w: &ReviewWords) -> String {
    let mut sorted: Vec<&Reviewed> = rows.iter().collect();
    sorted.sort_by(|a, b| {
        b.unreadable
            .is_some()
            .cmp(&a.unreadable.is_some())
            .then(b.errors.cmp(&a.errors))
            .then(b.warnings.cmp(&a.warnings))
            .then(a.path.cmp(&b.path))
    });
    let t = totals(rows);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t_}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n<main class=\"rv-review\">\n<h1>{t_}</h1>\n<p>{total}</p>\n<table>\n<caption>{caption}</caption>\n<thead><tr>",
        lang = w.lang,
        t_ = escape(title),
        total = escape(&total_line(&t, w)),
        caption = escape(w.caption),
    );
    for (i, head) in w.heads.iter().enumerate() {
        let sort = if i == 4 {
            " aria-sort=\"descending\""
        } else {
            ""
        };
        let _ = write!(
            h,
            "<th scope=\"col\"{sort}><button type=\"button\">{head}</button></th>"
        );
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in sorted {
        summary_row(&mut h, r, l, w);
    }
    let _ = write!(
        h,
        "</tbody>\n</table>\n</main>\n<script>{SORT_SCRIPT}</script>\n</body>\n</html>\n"
    );
    h
}

/// One report's row: its name (linked), path and findings, agency, year, format, errors, warnings.
fn summary_row(h: &mut String, r: &Reviewed, l: &Labels, w: &ReviewWords) {
    let name = if r.title.is_empty() {
        &r.path
    } else {
        &r.title
    };
    let link = match &r.link {
        Some(l) => format!("<a href=\"{}\">{}</a>", escape(l), escape(name)),
        None => escape(name),
    };
    let details = details(r, l, w);
    let bad = |n: usize| if n > 0 { " rv-bad" } else { "" };
    let _ = writeln!(
        h,
        "<tr><th scope=\"row\">{link}<br><small>{}</small>{details}</th><td>{}</td><td class=\"rv-num\" data-sort=\"{y}\">{}</td><td>{}</td><td class=\"rv-num{}\" data-sort=\"{e}\">{e}</td><td class=\"rv-num{}\" data-sort=\"{w}\">{w}</td></tr>",
        escape(&r.path),
        escape(or_dash(&r.agency)),
        if r.year > 0 { r.year.to_string() } else { "—".into() },
        escape(or_dash(r.format_in(w))),
        bad(r.errors),
        bad(r.warnings),
        y = r.year,
        e = r.errors,
        w = r.warnings,
    );
}

/// What a report's row says under its name: why it could not be read, its findings that need
/// attention, or that it passed.
fn details(r: &Reviewed, l: &Labels, w: &ReviewWords) -> String {
    let mut details = String::new();
    if let Some(why) = &r.unreadable {
        let why = Labels::fill(w.unreadable, &[("why", why)]);
        let _ = write!(details, "<p class=\"rv-bad\">{}</p>", escape(&why));
    } else if r.findings.iter().any(Finding::needs_attention) {
        let n = (r.errors + r.warnings).to_string();
        let summary = Labels::fill(w.to_act_on, &[("n", &n)]);
        let _ = write!(
            details,
            "<details><summary>{}</summary><ul>",
            escape(&summary)
        );
        for f in r.findings.iter().filter(|f| f.needs_attention()) {
            let (class, word) = match f.severity {
                Severity::Error => ("error", w.severity[0]),
                _ => ("warning", w.severity[1]),
            };
            let item = Labels::fill(
                w.finding,
                &[
                    ("severity", word),
                    ("rule", f.rule.id()),
                    ("table", l.finding_place(&f.table)),
                    ("message", &l.said(&f.said)),
                ],
            );
            let _ = write!(details, "<li class=\"{class}\">{}</li>", escape(&item));
        }
        details.push_str("</ul></details>");
    } else {
        let _ = write!(details, "<p>{}</p>", escape(w.passed_short));
    }
    details
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{check_report, parse_report};

    fn checked(t3: &str) -> CheckedReport {
        check_report(
            parse_report(&format!(
                r#"{{"version":1,"meta":{{"title":"某县2021年度政府信息公开工作年度报告","agency":"某县<政府>","published":"2022-01-20T10:00","year":2021}},
                "sections":[{{"id":"part-3","number":"三、","title":"收到和处理政府信息公开申请情况","blocks":[{{"type":"table","id":"table-3","template":"table3-2021","values":{t3}}}]}}]}}"#
            ))
            .unwrap(),
        )
    }

    #[test]
    fn rows_totals_and_the_summary_page() {
        let good = Reviewed::of(
            "a.json",
            &checked(r#"{"new_requests":{"total":1}}"#),
            vec![],
        );
        let bad = Reviewed::of(
            "b.json",
            &checked(
                r#"{"new_requests":{"natural_person":1,"commercial":0,"research":0,"public_interest":0,"legal_services":0,"other_org":0,"total":2}}"#,
            ),
            vec![],
        );
        let none = Reviewed::unreadable("c.json", "不是 JSON".into());
        assert_eq!((good.errors, bad.errors), (0, 1));
        assert_eq!(good.format, "2021");
        let zh = &crate::labels::review::ZH;
        assert!(bad.line(zh).contains("1 处错误"), "{}", bad.line(zh));
        let rows = vec![good, bad, none];
        let t = totals(&rows);
        assert_eq!(
            t,
            Totals {
                reports: 2,
                with_errors: 1,
                errors: 1,
                warnings: 0,
                unreadable: 1
            }
        );
        let page = summary_html(&rows, "2021年度报告核对", &crate::labels::ZH, zh);
        // Unreadable first, then most errors first; agency text escaped, never markup.
        let c = page.find("c.json").unwrap();
        let b = page.find("b.json").unwrap();
        let a = page.find("a.json").unwrap();
        assert!(c < b && b < a);
        assert!(page.contains("某县&lt;政府&gt;") && !page.contains("某县<政府>"));
        assert!(page.contains("R3.3"));
        assert!(page.contains("aria-sort=\"descending\""));
    }
}
