//! The page around the parts: the header (title, sample notice, what the page says about the
//! report) and the contents list, decided once for the screen, the print view and the saved file.

use crate::labels::Labels;
use crate::model::{Meta, Section};

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
}
