//! The whole report as one HTML document (保存 as HTML, the print view, `report-tool html`): every
//! part open, every table in the viewer's markup (decided by [`crate::markup`]), the check
//! results, metadata at the top, styles inline, no scripts.

use super::escape;
use crate::labels::Labels;
use crate::markup::chart::ChartMarkup;
use crate::markup::page::{
    self, ContentsEntry, ContentsMarkup, Medium, CHECK_TITLE_ID, CONTENTS_TITLE_ID,
};
use crate::markup::table::{cross_year_id, finding, CellMarkup, LegendLine, Piece, TableMarkup};
use crate::model::layout::{layout, LaidCell};
use crate::model::{Block, CheckedReport, Finding, Section, StatTable};
use std::fmt::Write;

/// How the document is made: its styles, the page it came from, the reader's classes (text size,
/// contrast) and the words of its interface.
#[derive(Clone, Copy)]
pub struct Page<'a> {
    /// The stylesheet, inlined; empty for none (the print view adopts its styles instead, so a
    /// strict Content-Security-Policy sees no inline style).
    pub css: &'a str,
    /// The address the report was read at.
    pub address: Option<&'a str>,
    /// Extra classes on the root.
    pub classes: &'a str,
    /// The interface's words.
    pub labels: &'static Labels,
    /// 图解 above the official tables (the webmaster's `data-charts`).
    pub charts: bool,
    /// What checking against last year's report found (once the viewer has loaded it): listed
    /// in 数据核对 and below each table, its figures marked, as on screen.
    pub cross_year: &'a [Finding],
}

/// The whole report as one HTML document.
pub fn standalone_html(checked: &CheckedReport, page: &Page) -> String {
    let meta = &checked.report.meta;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n{style}</head>\n<body>\n",
        lang = escape(&meta.language),
        title = escape(&meta.title),
        style = style(page),
    );
    report(&mut h, checked, page);
    h.push_str("</body>\n</html>\n");
    h
}

/// The report as an HTML fragment to paste inside the viewer's container
/// (`report-tool html --fragment`): shown as it is, at the speed of a static page, readable without
/// scripts; the viewer takes over from it (`data-rv-static`), keeping the reader's place. The report
/// and its styles are in a declarative shadow root (`<template shadowrootmode="open">`), so the host
/// page's CSS cannot reach the copy any more than the viewer, with no script.
pub fn fragment_html(checked: &CheckedReport, page: &Page) -> String {
    let mut h = String::from("<div data-rv-static>\n<template shadowrootmode=\"open\">\n");
    h.push_str(&style(page));
    report(&mut h, checked, page);
    h.push_str("</template>\n</div>\n");
    h
}

/// The stylesheet as a `<style>` element, or nothing.
fn style(page: &Page) -> String {
    if page.css.is_empty() {
        String::new()
    } else {
        format!("<style>\n{}\n</style>\n", page.css)
    }
}

/// The report's root element and everything in it: header, check results, contents, every part
/// open. The root speaks the interface's language, the article as [`page::languages`] decides.
fn report(h: &mut String, checked: &CheckedReport, page: &Page) {
    let report = &checked.report;
    let langs = page::languages(&report.meta, page.labels);
    let _ = writeln!(
        h,
        "<div class=\"rv rv--standalone{classes}\" lang=\"{lang}\">\n<article class=\"rv-report\" aria-labelledby=\"rv-title\" lang=\"{article}\">",
        lang = escape(page.labels.lang_tag),
        article = escape(&langs.article),
        classes = escape(page.classes),
    );
    let text_lang = lang_attr(&langs.report_text);
    header(h, checked, page, &text_lang);
    check_summary(h, checked, page);
    contents(
        h,
        &page::contents(&report.sections, page.labels),
        &text_lang,
    );
    h.push_str("<div class=\"rv-intro\">\n");
    blocks(h, checked, &report.introduction, (page, &text_lang));
    h.push_str("</div>\n");
    for part in &report.sections {
        section(h, checked, part, 0, (page, &text_lang));
    }
    h.push_str("</article>\n</div>\n");
}

/// ` lang="…"` for the report's own text when it differs from the interface's, else nothing.
fn lang_attr(report_text: &Option<String>) -> String {
    report_text
        .as_deref()
        .map(|l| format!(" lang=\"{}\"", escape(l)))
        .unwrap_or_default()
}

/// Title, sample notice and metadata, as [`page::header`] decides them for a copy taken away.
fn header(h: &mut String, checked: &CheckedReport, page: &Page, text_lang: &str) {
    let m = page::header(
        &checked.report.meta,
        page.labels,
        Medium::TakenAway(page.address),
    );
    let _ = writeln!(
        h,
        "<header class=\"rv-header\">\n<h1 class=\"rv-title\" id=\"rv-title\"{text_lang}>{}</h1>",
        escape(&m.title)
    );
    if let Some((badge, note)) = m.sample {
        let _ = writeln!(
            h,
            "<p class=\"rv-sample\"><strong class=\"rv-badge\">{}</strong>{}</p>",
            escape(badge),
            escape(note)
        );
    }
    h.push_str("<dl class=\"rv-meta\">\n");
    for row in &m.rows {
        let value = match &row.datetime {
            Some(t) => format!(
                "<time datetime=\"{}\">{}</time>",
                escape(t),
                escape(&row.value)
            ),
            None => escape(&row.value),
        };
        let _ = writeln!(
            h,
            "<div class=\"rv-meta__item\"><dt>{}</dt><dd{}>{value}</dd></div>",
            escape(row.term),
            if row.report_text { text_lang } else { "" }
        );
    }
    h.push_str("</dl>\n</header>\n");
}

/// The check summary at the top, as [`page::check_summary`] decides it.
fn check_summary(h: &mut String, checked: &CheckedReport, page: &Page) {
    let l = page.labels;
    let Some(m) = page::check_summary(checked, l) else {
        return;
    };
    let problems = if m.problems {
        " rv-check--problems"
    } else {
        ""
    };
    let _ = write!(
        h,
        "<div class=\"rv-check{problems}\"><h2 class=\"rv-check__title\" id=\"{CHECK_TITLE_ID}\">{}</h2>",
        escape(m.title)
    );
    if !m.unchecked.is_empty() {
        h.push_str("<ul class=\"rv-check__unchecked\">");
        for line in &m.unchecked {
            let _ = write!(h, "<li>{}</li>", escape(line));
        }
        h.push_str("</ul>");
    }
    if let Some(v) = m.verdict {
        let _ = write!(h, "<p>{}</p>", escape(v));
    }
    if let Some((line, findings)) = &m.attention {
        let _ = writeln!(h, "<p>{}</p><ul class=\"rv-findings__list\">", escape(line));
        for f in findings {
            finding_item(h, f, l, true);
        }
        h.push_str("</ul>");
    }
    if let Some((summary, findings)) = &m.import_notes {
        let _ = write!(
            h,
            "<details class=\"rv-import\"><summary>{}</summary><ul class=\"rv-findings__list\">",
            escape(summary)
        );
        for f in findings {
            finding_item(h, f, l, false);
        }
        h.push_str("</ul></details>");
    }
    cross_year_summary(h, page);
    h.push_str("</div>\n");
}

/// In 数据核对: what checking against last year's report found, each linked to its table.
fn cross_year_summary(h: &mut String, page: &Page) {
    if page.cross_year.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<div class=\"rv-check__cross-year\"><p><strong>{}</strong></p><ul class=\"rv-findings__list\">",
        escape(page.labels.cross_year_title)
    );
    for f in page.cross_year {
        finding_item(h, f, page.labels, true);
    }
    h.push_str("</ul></div>");
}

fn finding_item(h: &mut String, f: &crate::model::Finding, l: &Labels, with_table: bool) {
    let m = finding(f, l, with_table);
    let _ = write!(
        h,
        "<li class=\"{}\" data-rule=\"{}\"><strong class=\"rv-finding__label\">{}</strong>",
        m.class,
        m.rule,
        escape(&m.label)
    );
    match &m.table {
        Some((Some(id), name)) => {
            let _ = write!(
                h,
                "<a href=\"#{}\">{}</a>{}",
                escape(id),
                escape(name),
                escape(l.colon)
            );
        }
        Some((None, name)) => {
            let _ = write!(h, "<span>{}{}</span>", escape(name), escape(l.colon));
        }
        None => {}
    }
    let _ = writeln!(h, "{}</li>", escape(&m.message));
}

/// The contents list, as [`page::contents`] decides it.
fn contents(h: &mut String, c: &ContentsMarkup, text_lang: &str) {
    let _ = writeln!(
        h,
        "<nav class=\"rv-contents\" aria-labelledby=\"{CONTENTS_TITLE_ID} rv-title\"><h2 class=\"rv-contents__title\" id=\"{CONTENTS_TITLE_ID}\">{}</h2>",
        escape(c.title)
    );
    contents_list(h, &c.entries, text_lang);
    h.push_str("</nav>\n");
}

fn contents_list(h: &mut String, entries: &[ContentsEntry], text_lang: &str) {
    h.push_str("<ol class=\"rv-contents__list\">\n");
    for e in entries {
        let _ = write!(
            h,
            "<li><a href=\"{}\"{text_lang}>{}</a>",
            escape(&e.href),
            escape(&e.text)
        );
        if !e.entries.is_empty() {
            contents_list(h, &e.entries, text_lang);
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
}

/// A part (`depth` 0) or subsection, its heading at [`page::heading_level`].
fn section(
    h: &mut String,
    checked: &CheckedReport,
    s: &Section,
    depth: usize,
    (page, text_lang): (&Page, &str),
) {
    let level = page::heading_level(depth);
    let class = if depth == 0 {
        "rv-part"
    } else {
        "rv-subsection"
    };
    let _ = writeln!(
        h,
        "<section class=\"{class}\" id=\"{}\">\n<h{level} class=\"{class}__heading\"{text_lang}>{}</h{level}>",
        escape(&s.id),
        escape(&s.heading())
    );
    blocks(h, checked, &s.blocks, (page, text_lang));
    for sub in &s.sections {
        section(h, checked, sub, depth + 1, (page, text_lang));
    }
    h.push_str("</section>\n");
}

fn blocks(
    h: &mut String,
    checked: &CheckedReport,
    blocks: &[Block],
    (page, text_lang): (&Page, &str),
) {
    for b in blocks {
        match b {
            Block::Paragraph { text } => {
                let _ = writeln!(h, "<p class=\"rv-p\"{text_lang}>{}</p>", escape(text));
            }
            Block::Note { text } => {
                let _ = writeln!(h, "<p class=\"rv-note\"{text_lang}>{}</p>", escape(text));
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = write!(h, "<{tag} class=\"rv-list\"{text_lang}>");
                for i in items {
                    let _ = write!(h, "<li>{}</li>", escape(i));
                }
                let _ = writeln!(h, "</{tag}>");
            }
            Block::Table(t) => {
                if let Some(table) = checked.tables.get(&t.id) {
                    if page.charts {
                        if checked.charts_left_out(table) {
                            let _ = writeln!(
                                h,
                                "<p class=\"rv-chart-note\">{}</p>",
                                escape(page.labels.charts_not_drawn)
                            );
                        }
                        for chart in checked.charts_for(table) {
                            h.push_str(&ChartMarkup::new(&chart, page.labels).html());
                        }
                    }
                    stat_table(h, checked, table, (page.labels, page.cross_year));
                }
            }
        }
    }
}

/// A table in the viewer's markup: the same elements, classes, ids, spans, `headers`, words and
/// marks, from the same decisions.
pub fn stat_table(
    h: &mut String,
    checked: &CheckedReport,
    table: &StatTable,
    (l, cross_year): (&'static Labels, &[Finding]),
) {
    let about: Vec<Finding> = cross_year
        .iter()
        .filter(|f| f.table_id.as_deref() == Some(table.id.as_str()))
        .cloned()
        .collect();
    let m = TableMarkup::new(checked, table, l).with_cross_year(&about, cross_year_id(&table.id));
    let _ = writeln!(
        h,
        "<div class=\"{}\" id=\"{}\">\n<div class=\"rv-table__scroll\" role=\"region\" aria-labelledby=\"{}\" tabindex=\"0\">",
        m.class(),
        escape(&table.id),
        escape(&m.region_label()),
    );
    tables(h, &m);
    h.push_str("</div>\n<div class=\"rv-table__legend\">");
    for line in m.legend() {
        legend_line(h, &line);
    }
    h.push_str("</div>\n");
    table_findings(h, &m, l);
    h.push_str("</div>\n");
    cross_year_findings(h, &about, &table.id, l);
}

/// Below a table: what checking it against last year's report found (the list its marked
/// figures point at).
fn cross_year_findings(h: &mut String, findings: &[Finding], table: &str, l: &Labels) {
    let list = (
        " rv-findings--last-year",
        cross_year_id(table),
        l.cross_year_title,
    );
    if findings.is_empty() {
        return;
    }
    // In the wrapper the screen lights while 朗读 reads them.
    h.push_str("<div class=\"rv-cross-year\">");
    let findings: Vec<&Finding> = findings.iter().collect();
    findings_block(h, list, &findings, l);
    h.push_str("</div>\n");
}

/// The table's `<table>` under its caption: one, or one per block (表二) under a caption of
/// their own.
fn tables(h: &mut String, m: &TableMarkup) {
    let mut caption = escape(&m.caption());
    if let Some(u) = m.unit() {
        let _ = write!(
            caption,
            "<span class=\"rv-table__unit\">{}</span>",
            escape(&u)
        );
    }
    let id = escape(&m.caption_id());
    if m.in_blocks() {
        let _ = writeln!(
            h,
            "<p class=\"rv-table__caption\" id=\"{id}\">{caption}</p>"
        );
    } else {
        let _ = writeln!(
            h,
            "<table class=\"rv-table__table\">\n<caption id=\"{id}\">{caption}</caption>"
        );
    }
    for b in layout(m.table) {
        if m.in_blocks() {
            let heading = b.heading.as_ref().map(|(id, _)| id.as_str());
            let _ = writeln!(
                h,
                "<table class=\"rv-table__table\" aria-labelledby=\"{}\">",
                escape(&m.block_label(heading))
            );
            if let Some((id, text)) = &b.heading {
                let _ = writeln!(
                    h,
                    "<caption id=\"{}\" class=\"rv-table__block\">{}</caption>",
                    escape(id),
                    escape(text)
                );
            }
        }
        if !b.head.is_empty() {
            rows_section(h, m, "thead", &b.head);
        }
        rows_section(h, m, "tbody", &b.body.rows(0..b.body.len()));
        if m.in_blocks() {
            h.push_str("</table>\n");
        }
    }
    if !m.in_blocks() {
        h.push_str("</table>\n");
    }
}

/// A `thead` or `tbody` and its rows.
fn rows_section(h: &mut String, m: &TableMarkup, tag: &str, rows: &[Vec<LaidCell>]) {
    let _ = writeln!(h, "<{tag}>");
    for row in rows {
        h.push_str("<tr>");
        for c in row {
            cell(h, &m.cell(c));
        }
        h.push_str("</tr>\n");
    }
    let _ = writeln!(h, "</{tag}>");
}

fn cell(h: &mut String, c: &CellMarkup) {
    let tag = c.tag.name();
    let _ = write!(h, "<{tag} class=\"{}\"", escape(&c.class));
    let attrs = [
        ("id", c.id.as_deref()),
        ("colspan", c.colspan.as_deref()),
        ("rowspan", c.rowspan.as_deref()),
        ("scope", c.scope),
        ("headers", c.headers.as_deref()),
        ("aria-describedby", c.described_by.as_deref()),
        ("data-cell", c.key.as_deref()),
    ];
    for (name, value) in attrs {
        if let Some(v) = value {
            let _ = write!(h, " {name}=\"{}\"", escape(v));
        }
    }
    h.push('>');
    pieces(h, &c.content);
    let _ = write!(h, "</{tag}>");
}

fn legend_line(h: &mut String, line: &LegendLine) {
    match line.class {
        Some(class) => {
            let _ = write!(h, "<p class=\"{class}\">");
        }
        None => h.push_str("<p>"),
    }
    pieces(h, &line.content);
    h.push_str("</p>");
}

/// What a cell or legend line shows, in the markup the viewer gives each piece.
fn pieces(h: &mut String, pieces: &[Piece]) {
    for p in pieces {
        match p {
            Piece::Text(t) => h.push_str(&escape(t)),
            Piece::Mark(class, mark) => {
                let _ = write!(
                    h,
                    "<span class=\"{class}\" aria-hidden=\"true\">{mark}</span>"
                );
            }
            Piece::Unseen(t) => {
                let _ = write!(h, "<span class=\"rv-sr\">{}</span>", escape(t));
            }
            Piece::Styled(class, t) => {
                let _ = write!(h, "<span class=\"{class}\">{}</span>", escape(t));
            }
        }
    }
}

fn table_findings(h: &mut String, m: &TableMarkup, l: &Labels) {
    let list = ("", m.findings_id(), l.table_check);
    findings_block(h, list, &m.findings, l);
}

/// A list of findings below a table under its title (`kind`: an extra class), its id the one
/// flagged cells point at; nothing when there are none.
fn findings_block(
    h: &mut String,
    (kind, id, title): (&str, String, &str),
    findings: &[&Finding],
    l: &Labels,
) {
    if findings.is_empty() {
        return;
    }
    let problems = findings.iter().any(|f| f.needs_attention());
    let _ = write!(
        h,
        "<div class=\"rv-findings{kind}{}\" id=\"{}\"><p class=\"rv-findings__title\"><strong>{}</strong></p><ul class=\"rv-findings__list\">",
        if problems { " rv-findings--problems" } else { "" },
        escape(&id),
        escape(title)
    );
    for f in findings {
        finding_item(h, f, l, false);
    }
    h.push_str("</ul></div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::sample;
    use crate::labels::{EN, ZH};
    use crate::model::CheckedReport;

    fn page(labels: &'static Labels) -> Page<'static> {
        Page {
            css: ".rv{color:#111}",
            address: Some("https://example.gov.cn/report"),
            classes: "",
            labels,
            charts: true,
            cross_year: &[],
        }
    }

    #[test]
    fn the_fragment_is_the_standalone_report_in_a_declarative_shadow_root() {
        let c = sample();
        let page = page(&ZH);
        let fragment = fragment_html(&c, &page);
        let whole = standalone_html(&c, &page);
        assert!(fragment.starts_with(
            "<div data-rv-static>\n<template shadowrootmode=\"open\">\n<style>\n.rv{color:#111}"
        ));
        assert!(fragment.ends_with("</template>\n</div>\n"));
        for absent in ["<html", "<head>", "<body", "<title", "<script"] {
            assert!(!fragment.contains(absent), "{absent}");
        }
        // The same report as the standalone page.
        let report = fragment.split_once("</style>\n").unwrap().1;
        let report = report.strip_suffix("</template>\n</div>\n").unwrap();
        assert!(report.starts_with("<div class=\"rv rv--standalone\" lang=\"zh-CN\">"));
        assert!(whole.contains(report));
    }

    #[test]
    fn standalone_html_has_everything_and_no_script() {
        let c = sample();
        let html = standalone_html(&c, &page(&ZH));
        assert!(!html.contains("<script"));
        assert!(html.contains("<style>\n.rv{color:#111}"));
        for s in c.report.all_sections() {
            assert!(html.contains(&escape(&s.heading())), "{}", s.heading());
        }
        for t in c.tables.values() {
            assert!(html.contains(&escape(&t.full_caption())));
        }
        assert!(html.contains("https://example.gov.cn/report"));
        assert!(html.contains("2024-03-28 09:30"));
        // 表三 and 表四 one <table> each, 表二 one per block (four in 2021).
        assert_eq!(html.matches("<table").count(), 1 + 1 + 4);
        assert_eq!(html.matches("<caption").count(), 2 + 4);
        // The rule id for the webmaster, as an attribute: not in the words.
        assert!(html.contains("data-rule=\"R4.1\""));
        assert!(!html.contains("（R4.1）"));
    }

    /// Every character of the document that is not the report's own text.
    fn interface_text(html: &str, c: &CheckedReport) -> String {
        let mut own: Vec<String> = serde_json::to_value(&c.report)
            .map(|v| strings(&v))
            .unwrap_or_default();
        for t in c.tables.values() {
            own.push(t.full_caption());
            own.extend(t.unit.clone());
            own.extend(t.notes.clone());
            for g in &t.groups {
                own.extend(g.heading.clone());
                own.extend(g.corner.clone());
                own.extend(g.cells.iter().flatten().map(|c| c.text.clone()));
                header_labels(&g.rows, &mut own);
                header_labels(&g.columns, &mut own);
            }
        }
        own.extend(c.findings.iter().map(|f| f.table.clone()));
        own.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        let mut text = html.to_string();
        for s in own.iter().filter(|s| !s.is_empty()) {
            text = text.replace(&escape(s), "");
        }
        text
    }

    fn header_labels(headers: &[crate::model::table::Header], out: &mut Vec<String>) {
        for h in headers {
            out.push(h.label.clone());
            header_labels(&h.children, out);
        }
    }

    fn strings(v: &serde_json::Value) -> Vec<String> {
        match v {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(a) => a.iter().flat_map(strings).collect(),
            serde_json::Value::Object(o) => o.values().flat_map(strings).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn in_english_every_word_of_the_interface_is_english() {
        let c = sample();
        let html = standalone_html(&c, &page(&EN));
        let rest = interface_text(&html, &c);
        let cjk: String = rest
            .chars()
            .filter(|&c| matches!(c as u32, 0x3000..=0x303f | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff00..=0xffef))
            .collect();
        assert!(cjk.is_empty(), "{cjk}");
        assert!(
            html.contains("Published") && html.contains("(unit: "),
            "{html}"
        );
        // The Chinese copy does say its words in Chinese.
        let zh = interface_text(&standalone_html(&c, &page(&ZH)), &c);
        assert!(zh.contains("发布时间") && zh.contains("（单位："));
    }
}
