//! The page around the tables: the languages it speaks, the header (title, sample notice, what
//! the page says about the report), the check summary, the contents list and the parts' headings,
//! decided once for the screen, the print view and the saved file.

use crate::labels::Labels;
use crate::model::{same_language, CheckedReport, Finding, Meta, Rule, Section};

/// The languages of the page: `<article class="rv-report" lang>` speaks the interface's when it
/// differs from the report's (its words are most of what is not the report's text), and the
/// report's own text then carries the report's (`lang` on its title, headings, paragraphs, lists
/// and the metadata the report gives).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    /// The article's language.
    pub article: String,
    /// The language of the report's own text, when it differs from the interface's.
    pub report_text: Option<String>,
}

/// The languages of a report's page in these labels.
pub fn languages(meta: &Meta, l: &Labels) -> Languages {
    if same_language(&meta.language, l.lang_tag) {
        Languages {
            article: meta.language.clone(),
            report_text: None,
        }
    } else {
        Languages {
            article: l.lang_tag.to_string(),
            report_text: Some(meta.language.clone()),
        }
    }
}

/// The id of the check summary's title.
pub const CHECK_TITLE_ID: &str = "rv-check-title";

/// The check summary at the top (`<div class="rv-check">`, with `rv-check--problems` when a
/// figure needs attention; its title `<h2 class="rv-check__title" id="rv-check-title">`): what
/// could not be checked, said before any verdict (a verdict never vouches for figures the source
/// does not give); then the verdict, or what needs attention; then what the importer decided.
/// What checking against last year's report finds follows it once that report is loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckMarkup {
    /// Some figure needs attention.
    pub problems: bool,
    /// The title.
    pub title: &'static str,
    /// What could not be checked, a line each (`<ul class="rv-check__unchecked">`).
    pub unchecked: Vec<String>,
    /// Nothing needs attention: the verdict, as far as the figures given allow one.
    pub verdict: Option<&'static str>,
    /// What needs attention: the line counting it, and the findings (each naming its table).
    pub attention: Option<(String, Vec<Finding>)>,
    /// What the importer decided reading a page's article (`<details class="rv-import">`): its
    /// summary and the findings.
    pub import_notes: Option<(String, Vec<Finding>)>,
}

/// The check summary of a report, if it has tables or findings.
pub fn check_summary(checked: &CheckedReport, l: &Labels) -> Option<CheckMarkup> {
    if checked.tables.is_empty() && checked.findings.is_empty() {
        return None;
    }
    let attention: Vec<Finding> = checked
        .findings
        .iter()
        .filter(|f| f.needs_attention())
        .cloned()
        .collect();
    let unchecked: Vec<String> = checked
        .unchecked()
        .into_iter()
        .map(|u| l.unchecked(&u.label, u.number, (u.given, u.figures), u.skipped))
        .collect();
    let verdict = match (unchecked.is_empty(), checked.complete_tables() == 0) {
        _ if !attention.is_empty() => None,
        (true, _) => Some(l.check_ok),
        (false, false) => Some(l.check_ok_given),
        (false, true) => None,
    };
    let imported: Vec<Finding> = checked
        .findings
        .iter()
        .filter(|f| f.rule == Rule::Import)
        .cloned()
        .collect();
    Some(CheckMarkup {
        problems: !attention.is_empty(),
        title: l.check_heading,
        unchecked,
        verdict,
        attention: (!attention.is_empty()).then(|| {
            let count = format!("{}{}{}", l.count.0, attention.len(), l.count.1);
            (format!("{}{count}", l.check_problems), attention)
        }),
        import_notes: (!imported.is_empty()).then(|| {
            let count = l.paren(&imported.len().to_string());
            (format!("{}{count}", l.import_notes), imported)
        }),
    })
}

/// A part's or subsection's heading level: `<h2>` for a part, one deeper for each level below,
/// `<h6>` at most.
pub fn heading_level(depth: usize) -> usize {
    (depth + 2).min(6)
}

/// Where the page is read: on screen, or taken away (printed or saved), where it names the address
/// it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium<'a> {
    /// In the viewer.
    Screen,
    /// Printed or saved, with the address of the report when there is one.
    TakenAway(Option<&'a str>),
}

/// The header: `<header class="rv-header">`, the title `<h1 class="rv-title" id="rv-title">`, the
/// sample notice and `<dl class="rv-meta">`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMarkup {
    /// The report's title.
    pub title: String,
    /// The sample-data notice: its badge and its words (sample reports only).
    pub sample: Option<(&'static str, &'static str)>,
    /// What the page says about the report, in order.
    pub rows: Vec<MetaRow>,
}

/// One `<div class="rv-meta__item"><dt>…</dt><dd>…</dd></div>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaRow {
    /// The term.
    pub term: &'static str,
    /// The value as shown.
    pub value: String,
    /// A time's machine-readable form (`<time datetime>`), for the publication time.
    pub datetime: Option<String>,
    /// The value is the report's own text (in the report's language), not the interface's.
    pub report_text: bool,
}

/// The header of a report.
pub fn header(meta: &Meta, l: &Labels, medium: Medium) -> HeaderMarkup {
    let published = meta
        .published_display()
        .unwrap_or_else(|| meta.published.clone());
    let row = |term, value: &str, report_text| MetaRow {
        term,
        value: value.to_string(),
        datetime: None,
        report_text,
    };
    let mut rows = vec![MetaRow {
        datetime: Some(published.replace(' ', "T")),
        ..row(l.published, &published, false)
    }];
    rows.extend(meta.source.as_deref().map(|s| row(l.source, s, true)));
    rows.push(row(l.agency, &meta.agency, true));
    if meta.original.as_deref() == Some("pdf") {
        rows.push(row(l.original, l.from_pdf, false));
    }
    rows.extend(
        meta.undertaker
            .as_deref()
            .map(|u| row(l.undertaker, u, true)),
    );
    match medium {
        // A page count belongs to the page being read.
        Medium::Screen => rows.extend(meta.views.map(|v| row(l.views, &v.to_string(), false))),
        // A copy taken away says where the report is.
        Medium::TakenAway(address) => rows.extend(
            address
                .or(meta.url.as_deref())
                .map(|a| row(l.report_address, a, false)),
        ),
    }
    HeaderMarkup {
        title: meta.title.clone(),
        sample: meta.sample.then_some((l.sample_badge, l.sample_note)),
        rows,
    }
}

/// The contents list: `<nav class="rv-contents" aria-labelledby="rv-contents-title rv-title">`,
/// its title `<h2 class="rv-contents__title" id="rv-contents-title">` and nested
/// `<ol class="rv-contents__list">`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentsMarkup {
    /// The list's title.
    pub title: &'static str,
    /// One entry a part, each with its subsections.
    pub entries: Vec<ContentsEntry>,
}

/// One `<li><a href="#id">heading</a>` and the list of its subsections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentsEntry {
    /// The link: `#` and the section's id.
    pub href: String,
    /// The section's heading.
    pub text: String,
    /// Its subsections.
    pub entries: Vec<ContentsEntry>,
}

/// The id of the contents list's title (the list is labelled by it and the report's title).
pub const CONTENTS_TITLE_ID: &str = "rv-contents-title";

/// The contents list of a report's parts.
pub fn contents(sections: &[Section], l: &Labels) -> ContentsMarkup {
    ContentsMarkup {
        title: l.contents,
        entries: entries(sections),
    }
}

fn entries(sections: &[Section]) -> Vec<ContentsEntry> {
    sections
        .iter()
        .map(|s| ContentsEntry {
            href: format!("#{}", s.id),
            text: s.heading(),
            entries: entries(&s.sections),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::{EN, ZH};
    use crate::model::read_report;

    fn sample() -> crate::model::Report {
        let json = std::fs::read("public/reports/sample-2021.json").expect("the sample report");
        read_report(&json).expect("it reads")
    }

    /// The screen counts views, a copy taken away names its address; the rest is the same, in
    /// the same order, with the publication time machine-readable.
    #[test]
    fn the_header_differs_by_medium_only_in_its_last_row() {
        let mut meta = sample().meta;
        meta.views = Some(730);
        let screen = header(&meta, &ZH, Medium::Screen);
        let saved = header(
            &meta,
            &ZH,
            Medium::TakenAway(Some("https://example.gov.cn/r")),
        );
        assert_eq!(screen.title, saved.title);
        assert_eq!(screen.rows.len(), saved.rows.len());
        let n = screen.rows.len() - 1;
        assert_eq!(screen.rows[..n], saved.rows[..n]);
        assert_eq!(screen.rows[n].term, ZH.views);
        assert_eq!(screen.rows[n].value, "730");
        assert_eq!(saved.rows[n].term, ZH.report_address);
        assert_eq!(screen.rows[0].term, ZH.published);
        let datetime = screen.rows[0].datetime.as_deref().expect("a time");
        assert!(
            datetime.contains('T') && !datetime.contains(' '),
            "{datetime}"
        );
        assert!(screen.sample.is_some(), "the sample is labelled");
        // Without an address given, a copy taken away names the report's own, if any.
        meta.url = None;
        let none = header(&meta, &EN, Medium::TakenAway(None));
        assert!(none.rows.iter().all(|r| r.term != EN.report_address));
    }

    /// Every part and subsection, nested as the report nests them, each linking to its id.
    #[test]
    fn the_contents_list_every_part_and_subsection() {
        let report = sample();
        let c = contents(&report.sections, &ZH);
        assert_eq!(c.title, ZH.contents);
        assert_eq!(c.entries.len(), report.sections.len());
        for (e, s) in c.entries.iter().zip(&report.sections) {
            assert_eq!(e.href, format!("#{}", s.id));
            assert_eq!(e.text, s.heading());
            assert_eq!(e.entries.len(), s.sections.len());
        }
    }

    fn checked() -> CheckedReport {
        crate::model::check_report(sample())
    }

    /// The interface's language on the article; the report's text in its own when they differ.
    #[test]
    fn the_report_text_carries_its_language_only_when_the_interface_speaks_another() {
        let meta = sample().meta;
        assert_eq!(
            languages(&meta, &ZH),
            Languages {
                article: meta.language.clone(),
                report_text: None
            }
        );
        let en = languages(&meta, &EN);
        assert_eq!(en.article, EN.lang_tag);
        assert_eq!(en.report_text.as_deref(), Some(meta.language.as_str()));
    }

    /// The sample's deliberate error is counted and listed; no verdict beside it.
    #[test]
    fn the_summary_lists_what_needs_attention_and_gives_no_verdict_beside_it() {
        let m = check_summary(&checked(), &ZH).expect("the sample has tables");
        assert!(m.problems);
        assert_eq!(m.verdict, None);
        let (line, findings) = m.attention.expect("the sample's error");
        assert_eq!(
            line,
            format!("{}{}1{}", ZH.check_problems, ZH.count.0, ZH.count.1)
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule, Rule::R4_1);
        assert!(
            m.import_notes.is_none(),
            "a JSON report has no importer's notes"
        );
    }

    /// Mended, the sample holds together and says so; with a figure not given it vouches only for
    /// those given; with no tables and no findings there is nothing to summarise.
    #[test]
    fn the_verdict_vouches_only_for_the_figures_given() {
        let mut c = checked();
        c.findings.retain(|f| !f.needs_attention());
        let m = check_summary(&c, &ZH).expect("tables");
        assert!(!m.problems && m.attention.is_none());
        assert_eq!(m.verdict, Some(ZH.check_ok));
        // 表三's first figure left out.
        let mut json: serde_json::Value =
            serde_json::from_slice(&std::fs::read("public/reports/sample-2021.json").unwrap())
                .unwrap();
        let values = &mut json["sections"][2]["blocks"][0]["values"]["new_requests"];
        assert!(values["natural_person"].is_number(), "the sample's layout");
        values.as_object_mut().unwrap().remove("natural_person");
        let report = read_report(json.to_string().as_bytes()).unwrap();
        let mut c = crate::model::check_report(report);
        c.findings.retain(|f| !f.needs_attention());
        let m = check_summary(&c, &EN).expect("tables");
        assert!(!m.unchecked.is_empty(), "what was not given is said");
        assert_eq!(m.verdict, Some(EN.check_ok_given));
        c.tables.clear();
        c.findings.clear();
        assert_eq!(check_summary(&c, &ZH), None);
    }

    /// The importer's notes, counted in the interface's parentheses.
    #[test]
    fn the_importers_notes_are_counted_in_the_interfaces_words() {
        let mut c = checked();
        c.findings.push(Finding::about(
            Rule::Import,
            crate::model::Severity::Info,
            "导入",
            crate::model::finding::Said::as_given("说明"),
        ));
        let (summary, notes) = check_summary(&c, &EN).unwrap().import_notes.unwrap();
        assert_eq!(summary, format!("{}{}", EN.import_notes, EN.paren("1")));
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn headings_go_one_deeper_a_level_down_to_h6() {
        assert_eq!(
            (0..6).map(heading_level).collect::<Vec<_>>(),
            [2, 3, 4, 5, 6, 6]
        );
    }
}
