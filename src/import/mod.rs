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

use crate::model::finding::quote;
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
    /// What the importer could not place or had to decide, in words.
    pub notes: Vec<String>,
    /// Whether the input was a PDF.
    pub pdf: bool,
}

/// The largest page `import` reads (64 MiB): real report pages are well under 1 MiB.
pub const MAX_PAGE_BYTES: usize = 64 << 20;

/// Why a page could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The page is larger than the importer reads.
    #[error("页面有 {0} 字节，超过导入上限 {MAX_PAGE_BYTES} 字节（64 MiB）：年度报告页面通常不到 1 MiB，请检查输入是否正确")]
    TooLarge(usize),
    /// A PDF without text that can be read (a scan, an encrypted or broken file).
    #[cfg(feature = "tool")]
    #[error("{0}")]
    Pdf(#[from] pdf::PdfError),
    /// Nothing in the input looks like a report.
    #[error("未找到报告正文：输入中没有“一、”“二、”这样编号的部分，也没有官方统计表")]
    NotAReport,
}

/// Chrome lines are short: a longer line is report text whatever it contains.
const CHROME_MAX_CHARS: usize = 60;

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
    let mut notes: Vec<String> = encoding_note(&text, encoding).into_iter().collect();
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
        notes.push(format!("发布机构取自标题：“{a}”"));
    }
    if fields.iter().any(|(f, _)| f == "发布日期") {
        notes.push("发布日期取自 PDF 文件信息（创建时间），请核对".into());
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
    let page = html::read_dom(dom, article).into();
    from_page(page, (true, "UTF-8"), Vec::new(), options)
}

/// The report from a page's lines and tables.
fn from_page(
    page: Page,
    (is_html, encoding): (bool, &'static str),
    mut notes: Vec<String>,
    options: &Options,
) -> Result<Imported, ImportError> {
    let (fields, mut all_lines) = (page.fields, page.all_lines);
    for h in &page.hidden {
        notes.push(dropped_note("页面不显示的元素（隐藏）", h));
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
    Ok(Imported {
        report,
        encoding,
        html: is_html,
        notes,
        pdf: false,
    })
}

/// The body cleaned (chrome and repeats dropped) and parts run together on one line split.
fn body_items(body: Vec<Item>, notes: &mut Vec<String>) -> Vec<Item> {
    let items = clean(body, notes);
    let (items, splits) = text::split_inline(items);
    if splits > 0 {
        notes.push(format!(
            "正文中各部分连排在同一行：已按编号（一、（一））拆分为 {splits} 处"
        ));
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
    notes: &mut Vec<String>,
) -> Vec<Item> {
    let dropped = trim_text_chrome(&mut items, notes);
    all_lines.extend(dropped);
    text_tables::rebuild(items, year_hint, notes)
}

/// Says where bytes were not valid in the page's encoding, if anywhere.
#[cfg(feature = "tool")]
fn encoding_note(text: &str, encoding: &str) -> Option<String> {
    let (count, at) = decode::replaced(text)?;
    let places: Vec<String> = at
        .iter()
        .map(|(l, c)| format!("第 {l} 行第 {c} 列"))
        .collect();
    Some(format!(
        "页面有 {count} 处字节不是有效的 {encoding} 编码，已显示为 �（{}{}）：请检查原页面的编码",
        places.join("、"),
        if count > at.len() { "等" } else { "" }
    ))
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
fn read_body(text: &str, is_html: bool, notes: &mut Vec<String>) -> Page {
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
        notes.push(dropped_note("文本副本的头部行", l));
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
fn note_flat_tables(items: &[Item], notes: &mut Vec<String>) {
    for item in items {
        if let Item::Flat(t) = item {
            notes.push(format!(
                "表格在文本副本中失去了单元格界限（数字连在一起，无法可靠拆分），未作为数字导入，原文保留在表格说明中：“{}”",
                quote(t)
            ));
        }
    }
}

/// The report's metadata from the page (a note when it has no title).
fn page_meta(
    title: String,
    all_lines: &[String],
    fields: &[(String, String)],
    notes: &mut Vec<String>,
) -> Meta {
    if title.is_empty() {
        notes.push("未找到报告标题：请用 --title 给出".into());
    }
    let meta = read_meta(all_lines, fields);
    let year = scan::year_in(&title).unwrap_or(0);
    let agency = meta
        .get("发布机构")
        .or(meta.get("主办"))
        .cloned()
        .unwrap_or_default();
    let meta = Meta {
        title,
        agency,
        undertaker: meta.get("承办").cloned(),
        source: meta.get("来源").cloned(),
        published: meta.get("发布日期").cloned().unwrap_or_default(),
        year,
        views: meta.get("点击量").and_then(|v| v.parse().ok()),
        language: "zh-CN".into(),
        sample: false,
        url: field(fields, "原文链接").filter(|u| u.starts_with("http")),
        previous: None,
        original: None,
    };
    meta
}

/// A note for each thing the page does not say about itself.
fn note_missing_meta(meta: &Meta, notes: &mut Vec<String>) {
    if meta.agency.is_empty() {
        notes.push("页面未写明发布机构（发布机构、主办）".into());
    }
    if meta.published.is_empty() {
        notes.push("页面未写明发布日期".into());
    }
}

fn field(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(f, v)| f == name && !v.is_empty())
        .map(|(_, v)| v.clone())
}

fn dropped_note(what: &str, line: &str) -> String {
    format!("略去{what}：“{}”", quote(line))
}

/// In a text copy, the chrome around the report that ran into its first and last lines: what
/// precedes the title before part 一 (breadcrumbs, the title itself, 来源/时间, share links), and
/// short chrome words at the end of a line (附件下载). Returns the dropped pieces for metadata.
fn trim_text_chrome(items: &mut Vec<Item>, notes: &mut Vec<String>) -> Vec<String> {
    let mut dropped = Vec::new();
    let first_part = items
        .iter()
        .position(|i| matches!(i, Item::Line(l) if scan::part_number(l).is_some()))
        .unwrap_or(items.len());
    if let Some(Item::Line(line)) = items[..first_part].first_mut() {
        let head_end = line
            .char_indices()
            .take(300)
            .map(|(i, _)| i)
            .filter(|&i| line[i..].starts_with("年度报告") || line[i..].starts_with("工作报告"))
            // A title, not a sentence that names one (“…工作年度报告有关事项的通知”).
            .take_while(|&i| !line[..i].contains(['。', '，', '《', '；']))
            .last()
            .map(|i| i + "年度报告".len());
        if let Some(cut) = head_end {
            let head = line[..cut].trim().to_string();
            let mut chunks: Vec<&str> = line[cut..].split(' ').filter(|c| !c.is_empty()).collect();
            let keep_from = chunks
                .iter()
                .position(|c| c.chars().count() > 20)
                .unwrap_or(chunks.len());
            let chrome: Vec<String> = chunks.drain(..keep_from).map(str::to_string).collect();
            notes.push(dropped_note("正文前的标题行", &head));
            if !chrome.is_empty() {
                notes.push(dropped_note("正文前的页面装饰", &chrome.join(" ")));
            }
            dropped.push(head);
            dropped.push(chrome.join(" "));
            *line = chunks.join(" ");
        }
    }
    items.retain(|i| !matches!(i, Item::Line(l) if l.is_empty()));
    for item in items.iter_mut() {
        let Item::Line(line) = item else { continue };
        while let Some((rest, last)) = line.rsplit_once(' ') {
            if last.chars().count() <= 12 && scan::is_chrome_line(last) {
                notes.push(dropped_note("行末的页面装饰", last));
                dropped.push(last.to_string());
                *line = rest.trim_end().to_string();
            } else {
                break;
            }
        }
    }
    dropped
}

/// The metadata fields of a chrome line ("来源：某局 时间：2022-02-08 16:34"), when the whole line
/// is such fields; `None` for a line of report text that merely contains a colon.
fn meta_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
    if line.chars().count() > 120 {
        return None;
    }
    let matches = scan::meta_labels(line);
    let first = matches.first()?;
    if !line[..first.start].trim().is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        let end = matches.get(i + 1).map(|n| n.start).unwrap_or(line.len());
        let value = line[m.value_at..end].trim();
        let field: &'static str = match m.label {
            "主办" | "主办单位" => "主办",
            "承办" | "承办单位" => "承办",
            "来源" | "信息来源" => "来源",
            "发布机构" => "发布机构",
            "发布日期" | "发布时间" | "公开日期" | "时间" => "发布日期",
            "成文日期" => "成文日期",
            _ => "点击量",
        };
        let value = match field {
            // "时间：" that is not a date is not a metadata line.
            "发布日期" | "成文日期" => date_of(value)?,
            "点击量" => value.chars().take_while(char::is_ascii_digit).collect(),
            // Stop at the next field-like gap (two spaces or a full-width space).
            _ => value
                .split(['　'])
                .next()
                .unwrap_or("")
                .split("  ")
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        };
        out.push((field, value));
    }
    Some(out)
}

fn date_of(value: &str) -> Option<String> {
    scan::date_at_start(value.trim())
}

/// Metadata: the page head's and header's fields first, then chrome lines; first value wins.
fn read_meta(lines: &[String], fields: &[(String, String)]) -> BTreeMap<&'static str, String> {
    let mut out: BTreeMap<&'static str, String> = BTreeMap::new();
    for (f, v) in fields {
        let key: &'static str = match f.as_str() {
            "发布日期" => "发布日期",
            "来源" => "来源",
            "发布机构" => "发布机构",
            _ => continue,
        };
        let value = if key == "发布日期" {
            match date_of(v) {
                Some(d) => d,
                None => continue,
            }
        } else {
            v.clone()
        };
        if !value.is_empty() {
            out.entry(key).or_insert(value);
        }
    }
    for line in lines {
        for piece in line.split(['|', '丨']) {
            let Some(found) = meta_fields(piece.trim()) else {
                continue;
            };
            for (field, value) in found {
                if !value.is_empty() {
                    out.entry(field).or_insert(value);
                }
            }
        }
    }
    if !out.contains_key("发布日期") {
        if let Some(d) = out.get("成文日期").cloned() {
            out.insert("发布日期", d);
        }
    }
    out
}

fn is_meta_line(line: &str) -> bool {
    meta_fields(line).is_some_and(|f| !f.is_empty())
}

fn is_chrome(line: &str) -> bool {
    line.chars().count() <= CHROME_MAX_CHARS && scan::is_chrome_line(line)
}

/// Drops chrome and metadata lines (whole lines only, each listed in the notes), strips chrome
/// glued to the start of a line, and keeps a repeated body once.
fn clean(items: Vec<Item>, notes: &mut Vec<String>) -> Vec<Item> {
    let lines: Vec<Item> = items
        .into_iter()
        .filter_map(|item| match item {
            Item::Line(l) => clean_line(&l, notes).map(Item::Line),
            t => Some(t),
        })
        .collect();
    let (lines, flat_dropped) = without_flat_copies(lines, notes);
    let (out, dropped) = without_repeats(lines);
    if dropped.len() + flat_dropped > 0 {
        notes.push(format!(
            "正文在页面中重复出现：保留一次，略去 {} 行重复内容",
            dropped.len() + flat_dropped
        ));
        for l in &dropped {
            let shown = if l.starts_with('\u{0}') {
                "（表格）"
            } else {
                l
            };
            notes.push(dropped_note("重复的正文行", shown));
        }
    }
    out
}

/// One line without chrome glued to its start; None for a chrome or metadata line. Each drop is
/// noted.
fn clean_line(l: &str, notes: &mut Vec<String>) -> Option<String> {
    let stripped = l[scan::read_aloud_prefix(l)..].trim().to_string();
    if stripped.len() < l.trim().len() && !stripped.is_empty() {
        notes.push(dropped_note(
            "行首的页面装饰",
            l.trim()[..l.trim().len() - stripped.len()].trim(),
        ));
    }
    if stripped.is_empty() {
        if !l.trim().is_empty() {
            notes.push(dropped_note("页面装饰行", l.trim()));
        }
        return None;
    }
    if is_chrome(&stripped) {
        notes.push(dropped_note("页面装饰行", &stripped));
        return None;
    }
    if is_meta_line(&stripped) {
        notes.push(dropped_note("页面信息行（已读入元数据）", &stripped));
        return None;
    }
    Some(stripped)
}

/// Lines by their first [`KEY`] characters.
const KEY: usize = 8;

/// Drops lines that hold several other lines (a flattened copy of the body), each noted; gives
/// how many. Linear: other lines are found by their first 8 characters in one pass over each
/// long line, never by comparing every line with every line.
fn without_flat_copies(mut lines: Vec<Item>, notes: &mut Vec<String>) -> (Vec<Item>, usize) {
    let mut by_start: HashMap<&str, Vec<&str>> = HashMap::new();
    for item in &lines {
        if let Item::Line(l) = item {
            let end = match l.char_indices().nth(KEY) {
                Some((end, _)) => end,
                None if l.chars().count() == KEY => l.len(),
                None => continue,
            };
            let entry = by_start.entry(&l[..end]).or_default();
            if !entry.contains(&l.as_str()) {
                entry.push(l);
            }
        }
    }
    let flat: HashSet<String> = lines
        .iter()
        .filter_map(|i| match i {
            Item::Line(l) if l.chars().count() >= 3 * KEY && holds_others(l, &by_start) => {
                Some(l.clone())
            }
            _ => None,
        })
        .collect();
    let mut flat_dropped = Vec::new();
    lines.retain(|i| match i {
        Item::Line(l) if flat.contains(l) => {
            flat_dropped.push(l.clone());
            false
        }
        _ => true,
    });
    for l in &flat_dropped {
        notes.push(dropped_note("正文的连排副本（其内容已在正文中）", l));
    }
    (lines, flat_dropped.len())
}

/// Whether a line holds at least three other lines, found by their starts.
fn holds_others(l: &str, by_start: &HashMap<&str, Vec<&str>>) -> bool {
    let starts: Vec<usize> = l.char_indices().map(|(i, _)| i).chain([l.len()]).collect();
    let mut inside: HashSet<&str> = HashSet::new();
    for w in starts.windows(KEY + 1) {
        let Some(found) = by_start.get(&l[w[0]..w[KEY]]) else {
            continue;
        };
        for other in found {
            // Only a shorter line can be held (and never the line itself: comparing a long line
            // with itself at every repeat of its first words made this quadratic).
            if other.len() < l.len()
                && l[w[0]..].starts_with(other)
                && inside.insert(other)
                && inside.len() >= 3
            {
                return true;
            }
        }
    }
    false
}

/// How many lines in a row must come again, in the same order, to be a repeated copy of the body
/// (a page copy that prints the report twice); one sentence said again in another part is text.
const REPEATED_RUN: usize = 3;

/// Repeats: a run of lines that comes again in the same order as before (at least
/// [`REPEATED_RUN`] lines, or the rest of the page) is a copy of the body and is dropped; a line
/// said again elsewhere ("本年度未发生此类情况。" in parts 四, 五 and 六) is kept. Gives what is kept
/// and what was dropped (tables as a key starting with NUL).
fn without_repeats(lines: Vec<Item>) -> (Vec<Item>, Vec<String>) {
    let keys: Vec<String> = lines
        .iter()
        .map(|item| match item {
            Item::Line(l) => l.clone(),
            Item::Table(g) => format!("\u{0}table\u{0}{}", g.all_text()),
            Item::Flat(t) => format!("\u{0}flat\u{0}{t}"),
        })
        .collect();
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut drop = vec![false; keys.len()];
    let mut i = 0;
    while i < keys.len() {
        let key = keys[i].as_str();
        match first.get(key) {
            Some(&j) if key.chars().count() >= 6 => {
                // The run that repeats: as long as the lines after both places agree (and the
                // earlier run does not reach into this one).
                let run = (0..keys.len() - i)
                    .take_while(|&k| j + k < i && keys[j + k] == keys[i + k])
                    .count();
                if run >= REPEATED_RUN || i + run == keys.len() && run > 1 {
                    drop[i..i + run].iter_mut().for_each(|d| *d = true);
                    i += run;
                    continue;
                }
            }
            Some(_) => {}
            None => {
                first.insert(key, i);
            }
        }
        i += 1;
    }
    let mut out = Vec::new();
    let mut dropped = Vec::new();
    for ((item, key), d) in lines.into_iter().zip(&keys).zip(drop) {
        if d {
            dropped.push(key.clone());
        } else {
            out.push(item);
        }
    }
    (out, dropped)
}

fn is_title(s: &str) -> bool {
    s.contains("政府信息公开") && s.contains("报告") && s.chars().count() <= 60
}

fn find_title(lines: &[String], page_title: Option<&str>) -> Option<String> {
    if let Some(t) = page_title.filter(|t| is_title(t)) {
        // Page titles often end with the site's name: "…年度报告_某某市人民政府".
        return Some(
            t.split(['_', '|', '-'])
                .next()
                .unwrap_or(t)
                .trim()
                .to_string(),
        );
    }
    lines.iter().find(|l| is_title(l)).cloned()
}

fn infer_format(items: &[Item]) -> Option<u16> {
    items.iter().find_map(|i| match i {
        Item::Table(g) if g.official() == Some(2) => {
            let all = crate::model::names::normalize_label(&g.all_text());
            if all.contains("本年制发件数") || all.contains("现行有效件数") {
                Some(2021)
            } else if all.contains("本年新制作数量") || all.contains("上一年项目数量")
            {
                Some(2019)
            } else {
                None
            }
        }
        _ => None,
    })
}

fn numeral(s: &str) -> usize {
    const DIGITS: &str = "一二三四五六七八九";
    let value = |c: char| DIGITS.chars().position(|d| d == c).map(|p| p + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => 10,
        ['十', d] => 10 + value(*d).unwrap_or(0),
        [t, '十'] => value(*t).unwrap_or(0) * 10,
        [t, '十', d] => value(*t).unwrap_or(0) * 10 + value(*d).unwrap_or(0),
        [d] => value(*d).unwrap_or(0),
        _ => 0,
    }
}

/// Rebuilds the section tree from the numbering: 一、 (parts), （一） (subsections), 1. (items),
/// each level in sequence, so a numbered sentence out of sequence stays a paragraph.
fn build_sections(
    items: Vec<Item>,
    format_year: Option<u16>,
    notes: &mut Vec<String>,
) -> (Vec<Block>, Vec<Section>) {
    let mut intro: Vec<Block> = Vec::new();
    let mut parts: Vec<Section> = Vec::new();
    let mut table_count: BTreeMap<u8, usize> = BTreeMap::new();
    for item in items {
        let blocks = match item {
            Item::Line(line) => {
                if heading(&line, &mut parts) {
                    continue;
                }
                vec![Block::Paragraph { text: line }]
            }
            Item::Flat(text) => vec![Block::Note {
                text: format!("{FLAT_TABLE}{text}"),
            }],
            Item::Table(grid) if grid.official().is_none() && grid.rows.len() == 1 => {
                // A one-row table (Word's boxed note, the innermost of nested tables) is text:
                // as a table it would have a header and no rows, drawn nowhere.
                let text = grid.row_texts(0).join("　");
                notes.push(format!("只有一行的表格按段落导入：“{}”", quote(&text)));
                vec![Block::Paragraph { text }]
            }
            Item::Table(grid) => {
                let which = grid.official().unwrap_or(0);
                let n = table_count.entry(which).or_default();
                *n += 1;
                let id = match (which, *n) {
                    (0, k) => format!("table-x{k}"),
                    (w, 1) => format!("table-{w}"),
                    (w, k) => format!("table-{w}-{k}"),
                };
                notes.extend(grid.clipped.iter().map(|c| format!("表格 {id}：{c}")));
                let r = tables::recognise(grid, &id, format_year);
                notes.extend(r.notes);
                let mut blocks = vec![Block::Table(Box::new(r.block))];
                blocks.extend(r.unplaced.into_iter().map(|text| Block::Paragraph { text }));
                blocks
            }
        };
        current_blocks(&mut parts, &mut intro).extend(blocks);
    }
    (intro, parts)
}

/// A heading in sequence: a part (一、), a subsection of the last part ((一)) or an item of its
/// last subsection (1.), added to the tree. False when the line is not the next heading.
fn heading(line: &str, parts: &mut Vec<Section>) -> bool {
    let section = |id: String, number: &str, title: &str| Section {
        id,
        number: number.to_string(),
        title: title.trim().to_string(),
        blocks: Vec::new(),
        sections: Vec::new(),
    };
    if let Some(n) = scan::part_number(line) {
        if numeral(n.digits) == parts.len() + 1 && heading_like(n.title, 40) {
            let number = line[..n.title_at].trim_end();
            parts.push(section(
                format!("part-{}", parts.len() + 1),
                number,
                n.title,
            ));
            return true;
        }
    }
    if let (Some(n), Some(part)) = (scan::subsection_number(line), parts.last_mut()) {
        if numeral(n.digits) == part.sections.len() + 1 && heading_like(n.title, 30) {
            let id = format!("{}-{}", part.id, part.sections.len() + 1);
            part.sections.push(section(id, n.number, n.title));
            return true;
        }
    }
    if let (Some(n), Some(sub)) = (
        scan::item_number(line),
        parts.last_mut().and_then(|p| p.sections.last_mut()),
    ) {
        let k: usize = scan::ascii_digits(n.digits).parse().unwrap_or(0);
        if k == sub.sections.len() + 1 && heading_like(n.title, 20) {
            let id = format!("{}-{}", sub.id, k);
            sub.sections.push(section(id, n.number, n.title));
            return true;
        }
    }
    false
}

/// How a note holding a flattened table's text begins.
const FLAT_TABLE: &str =
    "【表格文字：在文本副本中失去了单元格界限，数字连在一起，无法可靠拆分，故未作为数字导入】";

/// Where content goes now: the deepest open section, or the introduction.
fn current_blocks<'a>(parts: &'a mut [Section], intro: &'a mut Vec<Block>) -> &'a mut Vec<Block> {
    match parts.last_mut() {
        None => intro,
        Some(part) => {
            let mut s = part;
            while !s.sections.is_empty() {
                s = s.sections.last_mut().expect("non-empty");
            }
            &mut s.blocks
        }
    }
}

/// The title printed again as the first lines of the text (whole, or broken over two lines) is
/// the title, not text: dropped, with a note.
fn drop_repeated_title(report: &mut Report, notes: &mut Vec<String>) {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let title = squeeze(&report.meta.title);
    if title.is_empty() {
        return;
    }
    let mut seen = String::new();
    for (i, b) in report.introduction.iter().take(3).enumerate() {
        let Block::Paragraph { text } = b else { break };
        seen.push_str(&squeeze(text));
        let count = i + 1;
        if seen == title {
            let dropped: Vec<Block> = report.introduction.drain(..count).collect();
            for b in dropped {
                if let Block::Paragraph { text } = b {
                    notes.push(dropped_note("正文开头重复的标题", &text));
                }
            }
            return;
        }
        if !title.starts_with(&seen) {
            return;
        }
    }
}

/// An official table printed after the next part's heading (the two headings on one line: "四、…
/// 五、…" then 表四) belongs to its own part when that part is left empty: moved back, with a note.
fn tables_to_their_parts(report: &mut Report, notes: &mut Vec<String>) {
    for n in [2u8, 3, 4] {
        let Some(own) = table_part(report, n) else {
            continue;
        };
        if !report.sections[own].blocks.is_empty() || !report.sections[own].sections.is_empty() {
            continue;
        }
        let Some(next) = report.sections.get_mut(own + 1) else {
            continue;
        };
        let Some(at) = next.blocks.iter().position(
            |b| matches!(b, Block::Table(t) if t.template.is_some_and(|id| id.table_number() == n)),
        ) else {
            continue;
        };
        let table = next.blocks.remove(at);
        let (from, label) = (next.heading(), table_label(&table));
        report.sections[own].blocks.push(table);
        notes.push(format!(
            "{label}印在“{from}”之下，而“{}”没有内容（两部分的标题印在一起）：已放回“{}”",
            report.sections[own].heading(),
            report.sections[own].heading()
        ));
    }
}

fn table_label(b: &Block) -> &'static str {
    match b {
        Block::Table(t) => t.template.map_or("表格", |id| id.label()),
        _ => "表格",
    }
}

/// The parts that hold tables 二, 三 and 四, found by their titles (loosely: real titles vary and
/// have typos, e.g. “政府信息公开行政法复议、行政诉讼情况”).
fn table_part(report: &Report, table: u8) -> Option<usize> {
    let (numeral, keys): (char, &[&str]) = match table {
        2 => ('二', &["主动公开"]),
        3 => ('三', &["申请"]),
        _ => ('四', &["复议", "诉讼"]),
    };
    let by_title = |s: &Section| keys.iter().any(|k| s.title.contains(k));
    report
        .sections
        .iter()
        .position(|s| s.number.starts_with(numeral) && by_title(s))
        .or_else(|| {
            report
                .sections
                .iter()
                .position(|s| s.number.starts_with(['二', '三', '四', '五']) && by_title(s))
        })
}

/// When the page lost its tables (a text copy, or tables published as images), the parts 二–四 are
/// given empty official tables: every cell "not provided", never zero. Figures the text itself
/// states (received requests in part 一) go into 表三, with a note quoting the sentence.
fn fill_lost_tables(
    report: &mut Report,
    format_year: Option<u16>,
    html: bool,
    notes: &mut Vec<String>,
) {
    let year = format_year.unwrap_or(2021);
    let has_tables = report
        .all_sections()
        .iter()
        .any(|s| s.blocks.iter().any(|b| matches!(b, Block::Table(_))));
    if has_tables {
        return;
    }
    let lost = if html {
        "本表在来源页面中不是文字表格（可能是图片）。表中只填入报告正文明确写出的数字，其余单元格标为“未提供”，不以0代替。"
    } else {
        "本表在报告页面的文本副本中缺失。表中只填入报告正文明确写出的数字，其余单元格标为“未提供”，不以0代替。"
    };
    let stated = stated_requests(report);
    for table in [2u8, 3, 4] {
        let Some(p) = table_part(report, table) else {
            continue;
        };
        let format = if year >= 2021 { 2021 } else { 2019 };
        let Some(template) = TemplateId::for_table(table, format) else {
            continue;
        };
        let mut block = tables::empty_block(&format!("table-{table}"), template);
        block.notes.push(lost.to_string());
        let flattened = take_flat_text(&mut report.sections[p].blocks, &mut block);
        if table == 3 && !flattened {
            if let Some(stated) = &stated {
                put_stated_requests(&mut block, stated, notes);
            }
        }
        report.sections[p]
            .blocks
            .push(Block::Table(Box::new(block)));
        notes.push(format!(
            "{}在页面中缺失：已加入空的官方表格（单元格均为“未提供”）",
            template.label()
        ));
    }
}

/// The flattened text of a table, if the copy kept it, goes with the table (instead of the note
/// that the table is lost). True when there was one.
fn take_flat_text(blocks: &mut Vec<Block>, block: &mut TableBlock) -> bool {
    let flat = blocks
        .iter()
        .position(|b| matches!(b, Block::Note { text } if text.starts_with(FLAT_TABLE)));
    let Some(Block::Note { text }) = flat.map(|i| blocks.remove(i)) else {
        return false;
    };
    block.notes = vec![format!(
        "本表在文本副本中失去了单元格界限，数字连在一起，无法可靠拆分，故不作为数字显示。原文：{}",
        &text[FLAT_TABLE.len()..]
    )];
    true
}

/// The received requests the text states go into 表三's 本年新收 总计, with a note quoting it.
fn put_stated_requests(
    block: &mut TableBlock,
    (count, heading, sentence): &(i64, String, String),
    notes: &mut Vec<String>,
) {
    block
        .values
        .entry("new_requests".into())
        .or_default()
        .insert("total".into(), Cell::number(*count));
    block.notes.push(format!(
        "“一、本年新收政府信息公开申请数量”的总计{count}件，取自“{heading}”：“{sentence}”。正文未写明申请人类别和办理结果。"
    ));
    notes.push(format!(
        "表三“本年新收”总计 {count} 件取自正文：“{sentence}”"
    ));
}

/// "收到依申请公开信息1条" in part 一: the count, the subsection's heading and the clause.
fn stated_requests(report: &Report) -> Option<(i64, String, String)> {
    let part = report.sections.first()?;
    for s in part.walk() {
        for b in &s.blocks {
            let Block::Paragraph { text } = b else {
                continue;
            };
            let Some((from, end, count)) = scan::stated_requests(text) else {
                continue;
            };
            let start = text[..from]
                .rfind(['，', '。', '；', ','])
                .map(|i| i + text[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                .unwrap_or(0);
            return Some((count, s.heading(), text[start..end].to_string()));
        }
    }
    None
}

/// Import and check in one: the findings of the imported report, for the importer's summary.
pub fn findings_count(report: &Report) -> usize {
    check_report(report.clone()).attention_count()
}
