//! Turns existing report pages (plain-text copies, saved portal pages, Word-pasted HTML) into
//! report JSON: drops page chrome, keeps metadata, keeps a repeated body once, rebuilds the section
//! tree from the numbering, and maps the official tables to their templates. Never guesses
//! silently: everything it could not place is reported and kept as plain paragraphs.

#[cfg(feature = "tool")]
pub mod decode;
pub mod dom;
pub mod grid;
pub mod html;
pub mod item;
#[cfg(feature = "tool")]
mod parse;
#[cfg(feature = "tool")]
pub mod pdf;
pub mod scan;
pub mod tables;
pub mod text;
pub mod text_tables;

mod clean;
mod meta;
mod repair;
mod sections;
use clean::*;
use meta::*;
use repair::*;
use sections::*;

use crate::labels::findings::{Hole, Said};
use crate::labels::notes::Noted;
#[cfg(feature = "tool")]
use crate::labels::tool_notes::ToolNoted;
use crate::model::{
    check_report, Block, Cell, Meta, Report, Section, TableBlock, TemplateId, FORMAT_VERSION,
};
use item::heading_like;
pub use item::Item;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What the caller may say about the page.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The report's title, when the page does not give it (or gives it wrongly).
    pub title: Option<String>,
    /// The format of the tables (2019 or 2021) when it cannot be inferred.
    pub format_year: Option<u16>,
}

/// The imported report, and what the importer decided or could not place.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The report.
    pub report: Report,
    /// The page's encoding.
    pub encoding: &'static str,
    /// Whether the input was HTML.
    pub html: bool,
    /// What the importer could not place or had to decide (worded by the labels).
    pub notes: Vec<Said>,
    /// Whether the input was a PDF.
    pub pdf: bool,
}

impl Imported {
    /// The notes in `labels`' words (report-tool prints them in Chinese).
    pub fn notes_in(&self, labels: &crate::labels::Labels) -> Vec<String> {
        self.notes.iter().map(|n| labels.said(n)).collect()
    }
}

/// The largest page `import` reads (64 MiB): real report pages are well under 1 MiB.
pub const MAX_PAGE_BYTES: usize = 64 << 20;

/// Why a page could not be imported.
#[derive(Debug)]
pub enum ImportError {
    /// The page is larger than the importer reads.
    #[cfg(feature = "tool")]
    TooLarge(usize),
    /// A PDF without text that can be read (a scan, an encrypted or broken file).
    #[cfg(feature = "tool")]
    Pdf(pdf::PdfError),
    /// Nothing in the input looks like a report.
    NotAReport,
}

impl ImportError {
    /// Why, as data the labels word.
    pub fn said(&self) -> Said {
        match self {
            #[cfg(feature = "tool")]
            ImportError::TooLarge(n) => Said::noted(ToolNoted::TooLarge)
                .text("bytes", n)
                .text("max", &MAX_PAGE_BYTES),
            #[cfg(feature = "tool")]
            ImportError::Pdf(e) => e.said(),
            ImportError::NotAReport => Said::noted(Noted::NotAReport),
        }
    }
}

#[cfg(feature = "tool")]
impl From<pdf::PdfError> for ImportError {
    fn from(e: pdf::PdfError) -> ImportError {
        ImportError::Pdf(e)
    }
}

/// In Chinese, as report-tool's record says it.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::labels::ZH.said(&self.said()))
    }
}

impl std::error::Error for ImportError {}

/// Imports a page from its bytes.
#[cfg(feature = "tool")]
pub fn import(bytes: &[u8], options: &Options) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    if is_pdf(bytes) {
        return import_pdf(bytes, options);
    }
    let (text, encoding) = decode::decode(bytes);
    let is_html = html::looks_like_html(&text);
    let mut notes: Vec<Said> = encoding_note(&text, encoding).into_iter().collect();
    let page = read_body(&text, is_html, &mut notes);
    from_page(page, (is_html, encoding), notes, options)
}

/// Whether the bytes are a PDF file ("%PDF-" at its start, after white space).
#[cfg(feature = "tool")]
pub fn is_pdf(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    bytes[start..].starts_with(b"%PDF-")
}

/// Imports a PDF: its text layer's lines (table rows with tabs between cells), title and dates,
/// through the rules of a text copy. A PDF without a text layer, or encrypted, is an error that
/// says so.
#[cfg(feature = "tool")]
fn import_pdf(bytes: &[u8], options: &Options) -> Result<Imported, ImportError> {
    let text = pdf::read(bytes)?;
    let mut all_lines = text.lines.clone();
    all_lines.extend(text.title.clone());
    let agency = text
        .title
        .as_deref()
        .and_then(|t| t.split(|c: char| c.is_ascii_digit()).next())
        .map(str::trim)
        .filter(|a| !a.is_empty() && a.chars().count() >= 3);
    let mut fields = text.fields;
    let mut notes = text.notes;
    if let Some(a) = agency {
        fields.push(("发布机构".into(), a.to_string()));
        notes.push(Said::noted(ToolNoted::AgencyFromTitle).text("agency", &a));
    }
    if fields.iter().any(|(f, _)| f == "发布日期") {
        notes.push(Said::noted(ToolNoted::DateFromPdf));
    }
    let page = Page {
        body: text.lines.into_iter().map(Item::Line).collect(),
        all_lines,
        title: text.title,
        fields,
        hidden: Vec::new(),
    };
    let mut imported = from_page(page, (false, "PDF 文字层"), notes, options)?;
    imported.pdf = true;
    imported.report.meta.original = Some("pdf".into());
    Ok(imported)
}

/// Imports a page already in a tree — in the browser, the page's own DOM (enhance mode) — with
/// the article at `article` (or found as report-tool finds it when `None`).
pub fn import_dom(
    dom: &dom::Dom,
    article: Option<dom::NodeId>,
    options: &Options,
) -> Result<Imported, ImportError> {
    import_read(read_article(dom, article), options)
}

/// A page's article read into lines and tables, not yet into parts: [`import_dom`]'s first half,
/// so that the browser can run between the two halves of a huge article.
pub struct ReadArticle(Page);

/// [`import_dom`]'s first half: the article's lines and tables.
pub fn read_article(dom: &dom::Dom, article: Option<dom::NodeId>) -> ReadArticle {
    ReadArticle(html::read_dom(dom, article).into())
}

/// [`import_dom`]'s second half: the report from the article's lines and tables.
pub fn import_read(read: ReadArticle, options: &Options) -> Result<Imported, ImportError> {
    let mut imported = from_page(read.0, (true, "UTF-8"), Vec::new(), options)?;
    // A page in the browser has no --title to give: its note says what the title is looked for in.
    for note in &mut imported.notes {
        if *note == Said::noted(Noted::NoTitle) {
            *note = Said::noted(Noted::NoTitleOnPage);
        }
    }
    Ok(imported)
}

/// The report from a page's lines and tables.
fn from_page(
    page: Page,
    (is_html, encoding): (bool, &'static str),
    mut notes: Vec<Said>,
    options: &Options,
) -> Result<Imported, ImportError> {
    let (fields, mut all_lines) = (page.fields, page.all_lines);
    for h in &page.hidden {
        notes.push(Said::dropped(Noted::Hidden, h));
    }
    let mut items = body_items(page.body, &mut notes);
    let title_hint = options
        .title
        .clone()
        .or_else(|| field(&fields, "标题").filter(|t| is_title(t)));
    if !is_html {
        let year_hint = options.format_year.or_else(|| {
            title_hint
                .as_deref()
                .and_then(scan::year_in)
                .map(|y| if y >= 2021 { 2021 } else { 2019 })
        });
        items = text_page(items, year_hint, &mut all_lines, &mut notes);
    }
    note_flat_tables(&items, &mut notes);
    if !holds_a_report(&items) {
        return Err(ImportError::NotAReport);
    }
    let title = title_hint
        .or_else(|| find_title(&all_lines, page.title.as_deref()))
        .unwrap_or_default();
    let meta = page_meta(title, &all_lines, &fields, &mut notes);
    let format_year = options
        .format_year
        .or_else(|| infer_format(&items))
        .or((meta.year > 0).then_some(if meta.year >= 2021 { 2021 } else { 2019 }));
    let (introduction, sections) = build_sections(items, format_year, &mut notes);
    note_missing_meta(&meta, &mut notes);
    let mut report = Report {
        version: FORMAT_VERSION,
        meta,
        introduction,
        sections,
    };
    drop_repeated_title(&mut report, &mut notes);
    tables_to_their_parts(&mut report, &mut notes);
    fill_lost_tables(&mut report, format_year, is_html, &mut notes);
    let notes = summarised(notes);
    Ok(Imported {
        report,
        encoding,
        html: is_html,
        notes,
        pdf: false,
    })
}

/// The body cleaned (chrome and repeats dropped) and parts run together on one line split.
fn body_items(body: Vec<Item>, notes: &mut Vec<Said>) -> Vec<Item> {
    let items = clean(body, notes);
    let (items, splits) = text::split_inline(items);
    if splits > 0 {
        notes.push(Said::noted(Noted::SplitParts).text("n", &splits));
    }
    items
}

/// Whether the body holds a report: a numbered part, an official table or a table's text.
fn holds_a_report(items: &[Item]) -> bool {
    items.iter().any(|i| match i {
        Item::Line(l) => scan::part_number(l).is_some(),
        Item::Table(g) => g.official().is_some(),
        Item::Flat(_) => true,
    })
}

/// A text page's lines: its chrome trimmed (kept for the metadata), its official tables rebuilt
/// from their cells (one per line, or tab-separated).
fn text_page(
    mut items: Vec<Item>,
    year_hint: Option<u16>,
    all_lines: &mut Vec<String>,
    notes: &mut Vec<Said>,
) -> Vec<Item> {
    let dropped = trim_text_chrome(&mut items, notes);
    all_lines.extend(dropped);
    text_tables::rebuild(items, year_hint, notes)
}

/// Says where bytes were not valid in the page's encoding, if anywhere.
#[cfg(feature = "tool")]
fn encoding_note(text: &str, encoding: &str) -> Option<Said> {
    let (count, at) = decode::replaced(text)?;
    let places: Vec<Said> = at
        .iter()
        .map(|(l, c)| {
            Said::noted(ToolNoted::LineColumn)
                .text("line", l)
                .text("column", c)
        })
        .collect();
    let note = Said::noted(ToolNoted::BadBytes)
        .text("count", &count)
        .text("encoding", &encoding)
        // One after another, the language's comma between.
        .hole(
            "places",
            Hole::Joined(
                places,
                crate::labels::findings::Says::Noted(ToolNoted::Comma.into()),
            ),
        );
    Some(if count > at.len() {
        note.noted_word("more", ToolNoted::AndMore)
    } else {
        note.text("more", &"")
    })
}

/// A page's body, every line of it (for metadata), its title element, and metadata candidates,
/// most reliable first: the page head, a text copy's header, chrome lines.
struct Page {
    body: Vec<Item>,
    all_lines: Vec<String>,
    title: Option<String>,
    fields: Vec<(String, String)>,
    /// Text of elements the page does not show, not read.
    hidden: Vec<String>,
}

impl From<html::Page> for Page {
    fn from(page: html::Page) -> Page {
        Page {
            body: page.body,
            all_lines: page.all_lines,
            title: page.title,
            fields: page.meta,
            hidden: page.hidden,
        }
    }
}

#[cfg(feature = "tool")]
fn read_body(text: &str, is_html: bool, notes: &mut Vec<Said>) -> Page {
    if is_html {
        return html::read_page(text).into();
    }
    let lines: Vec<String> = text
        .lines()
        .map(dom::collapse)
        .filter(|l| !l.is_empty())
        .collect();
    let header = text::split_header(lines);
    for l in &header.dropped {
        notes.push(Said::dropped(ToolNoted::CopyHeader, l));
    }
    Page {
        body: header.body.iter().cloned().map(Item::Line).collect(),
        all_lines: header.body,
        title: None,
        fields: header.fields,
        hidden: Vec::new(),
    }
}

/// Tables whose cells ran together in a text copy: kept as text, and said so.
fn note_flat_tables(items: &[Item], notes: &mut Vec<Said>) {
    for item in items {
        if let Item::Flat(t) = item {
            notes.push(Said::noted(Noted::FlatTable).quote("text", t));
        }
    }
}

/// How many notes of one kind are listed one by one; the rest are counted in one line (a page of
/// 100,000 repeated paragraphs gets 100 lines, not 60 MB on standard error; real pages have
/// under 50 of a kind, all listed).
pub const NOTES_PER_KIND: usize = 100;

/// The notes with at most [`NOTES_PER_KIND`] of each kind (a note's Chinese words up to "：", or
/// all of them), in their order; past that, one line per kind says how many more there were.
pub fn summarised(notes: Vec<Said>) -> Vec<Said> {
    let kind = |n: &Said| {
        let words = crate::labels::ZH.said(n);
        words
            .split_once('：')
            .map_or(words.clone(), |(k, _)| k.to_string())
    };
    let mut seen: HashMap<String, (usize, Said)> = Default::default();
    let mut out = Vec::new();
    for note in notes {
        let count = &mut seen
            .entry(kind(&note))
            .or_insert_with(|| (0, note.clone()))
            .0;
        *count += 1;
        if *count <= NOTES_PER_KIND {
            out.push(note);
        }
    }
    let mut more: Vec<(String, (usize, Said))> = seen
        .into_iter()
        .filter(|(_, (n, _))| *n > NOTES_PER_KIND)
        .collect();
    more.sort_by(|a, b| a.0.cmp(&b.0).then(a.1 .0.cmp(&b.1 .0)));
    for (_, (n, first)) in more {
        out.push(
            Said::noted(Noted::MoreOfKind)
                .text("more", &(n - NOTES_PER_KIND))
                .text("n", &n)
                .hole("kind", Hole::Head(Box::new(first))),
        );
    }
    out
}

/// Import and check in one: the findings of the imported report, for the importer's summary.
pub fn findings_count(report: &Report) -> usize {
    check_report(report.clone()).attention_count()
}
