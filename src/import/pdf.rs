//! A report published as a PDF: its text layer read with glyph positions (the `pdf-extract`
//! crate: Chinese text through the fonts' ToUnicode maps, and where each glyph sits), and what
//! Word's export broke rebuilt — lines from glyphs on one baseline, table cells from wide gaps,
//! paragraphs from lines that end inside a sentence, page numbers and running headers dropped
//! (each listed), the title from the large lines at the top, table rows with their labels (a
//! label wrapped over several lines belongs to the figures it is beside). What comes out is the
//! lines a text copy would have, table rows with tabs between cells, for the same import rules.
//!
//! Why `pdf-extract` (compared on the corpus PDF, hongze-2024.pdf, 5 pages): it and `lopdf`'s own
//! `extract_text` both decode every Chinese character right; `lopdf` is faster (11 ms against 30
//! ms) but gives text without positions, in pieces ("202" "4" "年"), so neither tables nor
//! paragraphs could be rebuilt. `pdf-extract` builds on `lopdf` (one parser) and hands every
//! glyph with its transform to an `OutputDev`.

use super::scan;
use crate::labels::findings::Said;
use crate::labels::tool_notes::ToolNoted;
use std::collections::HashMap;

/// One glyph: where it starts (from the page's top left, in points), its size and advance.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    size: f64,
    width: f64,
    text: String,
}

/// Collects the glyphs of every page, and the vertical rules tables are drawn with.
struct Glyphs {
    pages: Vec<Vec<Glyph>>,
    /// Per page: vertical rules as (x, top, bottom), from the page's top.
    rules: Vec<Vec<(f64, f64, f64)>>,
    height: f64,
}

impl Glyphs {
    /// The vertical rules of a path drawn with `ctm`: thin upright rectangles and upright lines.
    fn add_rules(&mut self, ctm: &pdf_extract::Transform, path: &pdf_extract::Path) {
        let at = |x: f64, y: f64| {
            (
                x * ctm.m11 + y * ctm.m21 + ctm.m31,
                self.height - (x * ctm.m12 + y * ctm.m22 + ctm.m32),
            )
        };
        let mut found = Vec::new();
        let mut last: Option<(f64, f64)> = None;
        for op in &path.ops {
            match *op {
                pdf_extract::PathOp::MoveTo(x, y) => last = Some(at(x, y)),
                pdf_extract::PathOp::LineTo(x, y) => {
                    let p = at(x, y);
                    if let Some(q) = last {
                        if (p.0 - q.0).abs() <= 1.0 && (p.1 - q.1).abs() >= 6.0 {
                            found.push((p.0, p.1.min(q.1), p.1.max(q.1)));
                        }
                    }
                    last = Some(p);
                }
                pdf_extract::PathOp::Rect(x, y, w, h) => {
                    let (a, b) = (at(x, y), at(x + w, y + h));
                    let (w, h) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
                    if w <= 3.0 && h >= 6.0 {
                        found.push(((a.0 + b.0) / 2.0, a.1.min(b.1), a.1.max(b.1)));
                    }
                }
                _ => {}
            }
        }
        if let Some(page) = self.rules.last_mut() {
            page.extend(found);
        }
    }
}

impl pdf_extract::OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _page: u32,
        media: &pdf_extract::MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.height = media.ury - media.lly;
        self.pages.push(Vec::new());
        self.rules.push(Vec::new());
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt().max(1.0);
        if let Some(page) = self.pages.last_mut() {
            page.push(Glyph {
                x: trm.m31,
                y: self.height - trm.m32,
                size,
                width: width * size,
                text: text.to_string(),
            });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn stroke(
        &mut self,
        ctm: &pdf_extract::Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &pdf_extract::Path,
    ) -> Result<(), pdf_extract::OutputError> {
        self.add_rules(ctm, path);
        Ok(())
    }
    fn fill(
        &mut self,
        ctm: &pdf_extract::Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &pdf_extract::Path,
    ) -> Result<(), pdf_extract::OutputError> {
        self.add_rules(ctm, path);
        Ok(())
    }
}

/// How far apart pages are stacked in `Line::y` (more than any page's height, in points).
const PAGE_STACK: f64 = 100_000.0;

/// A line of a page: glyphs on one baseline, split into runs (cells) at wide gaps.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    y: f64,
    x0: f64,
    x1: f64,
    size: f64,
    runs: Vec<Run>,
    /// The glyphs (start, end, text), for splitting a table's line into its narrower cells.
    glyphs: Vec<(f64, f64, String)>,
}

#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    text: String,
}

impl Line {
    fn text(&self) -> String {
        self.runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn figures(&self) -> usize {
        self.runs.iter().filter(|r| is_figure(&r.text)).count()
    }
}

use crate::model::templates::page::holds_figure as is_figure;

/// What a PDF's text layer gives the importer: its lines (table rows with tabs between cells),
/// the title it prints large at the top, metadata from the document's information, and what was
/// dropped.
pub struct PdfText {
    /// The lines, in reading order.
    pub lines: Vec<String>,
    /// The title as printed (its large lines joined).
    pub title: Option<String>,
    /// (field, value) metadata: 发布日期 from the document's information.
    pub fields: Vec<(String, String)>,
    /// What was decided: page numbers and running headers dropped, paragraphs joined.
    pub notes: Vec<Said>,
}

/// Why a PDF gives no text.
#[derive(Debug)]
pub enum PdfError {
    /// Encrypted, and not readable without a password.
    Encrypted,
    /// No text layer: a scan.
    Scanned,
    /// Not a PDF that can be read: the reader's words.
    Unreadable(String),
}

impl PdfError {
    /// Why, as data the labels word.
    pub fn said(&self) -> Said {
        match self {
            PdfError::Encrypted => Said::noted(ToolNoted::PdfEncrypted),
            PdfError::Scanned => Said::noted(ToolNoted::PdfScanned),
            PdfError::Unreadable(why) => Said::noted(ToolNoted::PdfUnreadable).text("why", why),
        }
    }
}

/// In Chinese, as report-tool's record says it.
impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::labels::ZH.said(&self.said()))
    }
}

impl std::error::Error for PdfError {}

/// Reads a PDF's text layer.
pub fn read(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let mut doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| PdfError::Unreadable(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let mut glyphs = Glyphs {
        pages: Vec::new(),
        rules: Vec::new(),
        height: 842.0,
    };
    // A broken page stops the text there; what was read is kept.
    let stopped = pdf_extract::output_doc(&doc, &mut glyphs).err();
    if glyphs
        .pages
        .iter()
        .flatten()
        .all(|g| g.text.trim().is_empty())
    {
        return Err(match stopped {
            Some(e) if glyphs.pages.is_empty() => PdfError::Unreadable(e.to_string()),
            _ => PdfError::Scanned,
        });
    }
    let mut notes: Vec<Said> = stopped
        .map(|e| {
            Said::noted(ToolNoted::PdfStopped)
                .text("page", &glyphs.pages.len())
                .text("error", &e)
        })
        .into_iter()
        .collect();
    let mut lines: Vec<Line> = glyphs
        .pages
        .iter()
        .enumerate()
        .flat_map(|(p, g)| lines_of(p, g))
        .collect();
    drop_chrome(&mut lines, &mut notes);
    let title = title_of(&mut lines);
    let text = reading_order(&lines, &glyphs.rules);
    let fields = info_fields(&doc);
    notes.push(
        Said::noted(ToolNoted::PdfRead)
            .text("pages", &glyphs.pages.len())
            .text("lines", &text.len()),
    );
    Ok(PdfText {
        lines: text,
        title,
        fields,
        notes,
    })
}

/// The lines of a page: glyphs on one baseline (within 0.4 of their size), left to right, split
/// into runs where the gap is wider than 1.5 characters.
fn lines_of(page: usize, glyphs: &[Glyph]) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().filter(|g| !g.text.is_empty()).collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= 0.4 * row[0].size.max(g.size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter()
        .filter_map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            line_of(page, &row)
        })
        .collect()
}

fn line_of(page: usize, row: &[&Glyph]) -> Option<Line> {
    let size = row.iter().map(|g| g.size).fold(0.0, f64::max);
    let glyphs: Vec<(f64, f64, String)> = row
        .iter()
        .map(|g| (g.x, g.x + g.width, g.text.clone()))
        .collect();
    let runs = runs_of(&glyphs, size, 0.8);
    let first = runs.first()?.x0;
    let end = glyphs.iter().map(|g| g.1).fold(f64::MIN, f64::max);
    Some(Line {
        page,
        // Pages stacked: a table that runs over a page break keeps its rows in order.
        y: row[0].y + page as f64 * PAGE_STACK,
        x0: first,
        x1: end,
        size,
        runs,
        glyphs,
    })
}

/// Glyphs into runs, split where the gap is wider than `split` characters.
fn runs_of(glyphs: &[(f64, f64, String)], size: f64, split: f64) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut end = f64::MIN;
    for (x, x_end, text) in glyphs {
        let gap = x - end;
        let text = text.as_str();
        match runs.last_mut() {
            Some(run) if gap <= split * size => {
                // A space only where the page shows one between Latin letters or digits.
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if gap > 0.25 * size
                    && (latin(run.text.chars().last()) || latin(text.chars().next()))
                    && !text.trim().is_empty()
                {
                    run.text.push(' ');
                }
                run.text.push_str(text);
            }
            _ => runs.push(Run {
                x0: *x,
                text: text.to_string(),
            }),
        }
        end = end.max(*x_end);
    }
    for r in &mut runs {
        r.text = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    runs.retain(|r| !r.text.is_empty());
    runs
}

/// Whether a line is only a page number ("- 3 -", "3", "第3页", "3/5").
fn page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = t.trim_matches(|c: char| matches!(c, '-' | '—' | '－' | '–'));
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit());
    digits(bare)
        || t.strip_prefix('第')
            .and_then(|s| s.strip_suffix('页'))
            .is_some_and(digits)
        || t.split_once('/')
            .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// Page numbers and running headers or footers (the same line at the top or bottom of several
/// pages) are no text of the report: dropped, each listed.
fn drop_chrome(lines: &mut Vec<Line>, notes: &mut Vec<Said>) {
    let mut edge: HashMap<String, usize> = HashMap::new();
    let pages = lines.iter().map(|l| l.page).max().map_or(0, |p| p + 1);
    for p in 0..pages {
        let on: Vec<&Line> = lines.iter().filter(|l| l.page == p).collect();
        for l in [on.first(), on.last()].into_iter().flatten() {
            *edge.entry(l.text()).or_default() += 1;
        }
    }
    // The first and last line of each page: where page numbers and running lines are.
    let mut edges: Vec<(usize, f64)> = Vec::new();
    for p in 0..pages {
        let ys: Vec<f64> = lines.iter().filter(|l| l.page == p).map(|l| l.y).collect();
        if let (Some(top), Some(bottom)) = (ys.first(), ys.last()) {
            edges.push((p, *top));
            edges.push((p, *bottom));
        }
    }
    lines.retain(|l| {
        let text = l.text();
        let at_edge = edges.iter().any(|(p, y)| *p == l.page && *y == l.y);
        let running = pages > 1 && at_edge && edge.get(&text).copied().unwrap_or(0) > 1;
        if (at_edge && page_number(&text)) || running {
            let what = if page_number(&text) {
                ToolNoted::PageNumber
            } else {
                ToolNoted::RunningLine
            };
            notes.push(
                Said::noted(ToolNoted::PdfDropped)
                    .noted_word("what", what)
                    .text("text", &text)
                    .text("page", &(l.page + 1)),
            );
            false
        } else {
            true
        }
    });
}

/// The title: the lines at the top of the first page printed larger than the text, joined (and
/// taken out of the text). `None` when the first lines are text-sized.
fn title_of(lines: &mut Vec<Line>) -> Option<String> {
    let body = median_size(lines)?;
    let top = lines
        .iter()
        .take_while(|l| l.page == 0 && l.size > body * 1.15)
        .count();
    if top == 0 {
        return None;
    }
    let title: String = lines[..top].iter().map(Line::text).collect();
    let title: String = title.split_whitespace().collect();
    lines.drain(..top);
    Some(title)
}

/// The text's size: the size half of all characters are printed at or below (tables, in a smaller
/// size, have many short lines; paragraphs have most of the characters).
fn median_size(lines: &[Line]) -> Option<f64> {
    let mut sizes: Vec<(f64, usize)> = lines
        .iter()
        .map(|l| (l.size, l.text().chars().count()))
        .collect();
    sizes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half = sizes.iter().map(|s| s.1).sum::<usize>() / 2;
    let mut seen = 0;
    sizes.into_iter().find_map(|(size, n)| {
        seen += n;
        (seen > half).then_some(size)
    })
}

/// A page's text margins: where most lines start and the farthest they reach.
fn margins(lines: &[&Line]) -> (f64, f64) {
    let mut starts: Vec<f64> = lines.iter().map(|l| l.x0).collect();
    starts.sort_by(f64::total_cmp);
    let left = starts.get(starts.len() / 10).copied().unwrap_or(0.0);
    let right = lines.iter().map(|l| l.x1).fold(0.0, f64::max);
    (left, right)
}

/// The text in reading order: table regions as rows (cells separated by tabs, label pieces
/// beside their figures), the rest as paragraphs (lines joined where a line ends inside one).
fn reading_order(lines: &[Line], rules: &[Vec<(f64, f64, f64)>]) -> Vec<String> {
    let tabular: Vec<bool> = lines
        .iter()
        .map(|l| l.runs.len() > 1 || l.figures() > 0)
        .collect();
    let mut out = Vec::new();
    let mut paragraph = String::new();
    let mut i = 0;
    while i < lines.len() {
        if tabular[i] {
            flush(&mut out, &mut paragraph);
            let end = region_end(lines, &tabular, i);
            out.extend(table_rows(&lines[i..end], rules));
            i = end;
            continue;
        }
        paragraph.push_str(&lines[i].text());
        if ends_paragraph(lines, &tabular, i) {
            flush(&mut out, &mut paragraph);
        }
        i += 1;
    }
    flush(&mut out, &mut paragraph);
    out
}

fn flush(out: &mut Vec<String>, paragraph: &mut String) {
    let p = paragraph.trim();
    if !p.is_empty() {
        out.push(p.to_string());
    }
    paragraph.clear();
}

/// Whether line `i` ends its paragraph: a short line, the next one indented, a heading or a
/// table next, or a sentence ended at the page's end.
fn ends_paragraph(lines: &[Line], tabular: &[bool], i: usize) -> bool {
    let l = &lines[i];
    let Some(next) = lines.get(i + 1) else {
        return true;
    };
    let page: Vec<&Line> = lines.iter().filter(|x| x.page == l.page).collect();
    let (left, right) = margins(&page);
    let next_page: Vec<&Line> = lines.iter().filter(|x| x.page == next.page).collect();
    let (next_left, _) = margins(&next_page);
    let short = l.x1 < right - 2.0 * l.size;
    let indented = next.x0 > next_left + 1.2 * next.size;
    let heading = scan::part_number(&next.text()).is_some()
        || next.text().starts_with(['（', '('])
            && next
                .text()
                .chars()
                .nth(1)
                .is_some_and(|c| "一二三四五六七八九十".contains(c));
    let _ = left;
    short || indented || heading || tabular[i + 1]
}

/// Where a table region that starts at `start` ends: tabular lines, and the short label pieces
/// between them (a label wrapped over lines), until a paragraph or a part heading.
fn region_end(lines: &[Line], tabular: &[bool], start: usize) -> usize {
    let mut end = start;
    let mut i = start;
    while i < lines.len() {
        let t = lines[i].text();
        if tabular[i] {
            end = i + 1;
        } else if scan::part_number(&t).is_some() || t.chars().count() > 30 {
            break;
        }
        // A tall cell's label wraps over many short lines; more than ten without a table line
        // end the region.
        if i >= end + 10 {
            break;
        }
        i += 1;
    }
    end
}

/// A table line's cells: split at every vertical rule that crosses the line between two glyphs;
/// where no rule does, at a gap wider than 0.8 characters, or a third of one beside a digit.
fn cells_of(line: &Line, rules: &[(f64, f64, f64)]) -> Vec<Run> {
    let y = line.y - line.page as f64 * PAGE_STACK;
    let crossing: Vec<f64> = rules
        .iter()
        .filter(|(_, top, bottom)| *top <= y && *bottom >= y - 0.5 * line.size)
        .map(|(x, _, _)| *x)
        .collect();
    let digit = |t: &str| t.chars().any(|c| c.is_ascii_digit());
    let mut runs: Vec<Run> = Vec::new();
    let mut prev: Option<&(f64, f64, String)> = None;
    for g in &line.glyphs {
        let split = match prev {
            None => true,
            Some(p) => {
                let gap = g.0 - p.1;
                crossing
                    .iter()
                    .any(|x| *x > p.0 + 0.5 * (p.1 - p.0) && *x < g.0 + 0.5 * (g.1 - g.0))
                    || gap > 0.8 * line.size
                    || (gap > 0.3 * line.size && (digit(&p.2) || digit(&g.2)))
            }
        };
        match runs.last_mut() {
            Some(run) if !split => run.text.push_str(&g.2),
            _ => runs.push(Run {
                x0: g.0,
                text: g.2.clone(),
            }),
        }
        prev = Some(g);
    }
    for r in &mut runs {
        r.text = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    runs.retain(|r| !r.text.is_empty());
    runs
}

/// A piece of a label column: a run left of the figures, where it sits.
#[derive(Debug, Clone)]
struct Piece {
    x: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Whether a text starts with an item's number: "1." "2、" "（三）" "四、".
fn numbered(text: &str) -> bool {
    let mut c = text.chars();
    let (a, b) = (c.next(), c.next());
    let numeral = |x: Option<char>| x.is_some_and(|x| "一二三四五六七八九十".contains(x));
    let digit =
        |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit() || ('０'..='９').contains(&x));
    (digit(a) && matches!(b, Some('.' | '．' | '、')))
        || (matches!(a, Some('（' | '(')) && numeral(b))
        || (numeral(a) && b == Some('、'))
}

/// A table region as rows: each line with figures is a row. Its label is what stands left of the
/// figures in its cell: the pieces of each label column are grouped into cells (a cell starts at
/// an item's number or after a wider gap than a wrapped line's), and a cell goes with the row
/// whose figures lie within its height (a label wraps around the figures set in its middle) or,
/// spanning several rows (a group's label), with the nearest. Pieces above the first row are
/// header lines of their own. Rows: label cells, then figures, separated by tabs.
fn table_rows(region: &[Line], rules: &[Vec<(f64, f64, f64)>]) -> Vec<String> {
    // A table's lines split into its cells: at the vertical rules drawn across them, and
    // without rules where a gap is wide (or, beside a figure, a third of a character).
    let region: Vec<Line> = region
        .iter()
        .map(|l| Line {
            runs: cells_of(l, rules.get(l.page).map_or(&[][..], |r| &r[..])),
            ..l.clone()
        })
        .collect();
    let kinds = kinds(&region);
    let figures_at = figures_start(&region);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut rows: Vec<&Line> = Vec::new();
    for (l, kind) in region.iter().zip(&kinds) {
        if *kind == Kind::Header {
            continue;
        }
        if *kind == Kind::Row {
            rows.push(l);
        }
        pieces.extend(
            l.runs
                .iter()
                .filter(|r| r.x0 < figures_at - 0.5 * l.size)
                .map(|r| Piece {
                    x: r.x0,
                    y: l.y,
                    size: l.size,
                    text: r.text.clone(),
                }),
        );
    }
    let mut labels = label_cells(&pieces, &rows).into_iter();
    let mut out = Vec::new();
    for (l, kind) in region.iter().zip(&kinds) {
        match kind {
            Kind::Header => out.push(
                l.runs
                    .iter()
                    .map(|r| r.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\t"),
            ),
            Kind::Row => {
                let mut cells = labels.next().unwrap_or_default();
                cells.extend(
                    l.runs
                        .iter()
                        .filter(|x| x.x0 >= figures_at - 0.5 * l.size)
                        .map(|x| x.text.clone()),
                );
                out.push(cells.join("\t"));
            }
            Kind::Label => {}
        }
    }
    out
}

/// What a line of a table region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A row: it holds figures.
    Row,
    /// A piece of a row's label (only text, in the label columns, below the first row).
    Label,
    /// A header line: above the first row, or between rows (a block's heading, the column labels
    /// a table repeats on its next page).
    Header,
}

/// Where a region's figures start: the leftmost figure of any row.
fn figures_start(region: &[Line]) -> f64 {
    region
        .iter()
        .filter(|l| l.figures() > 0)
        .flat_map(|l| l.runs.iter().filter(|x| is_figure(&x.text)).map(|x| x.x0))
        .fold(f64::MAX, f64::min)
}

/// Each line's kind: rows, the label pieces between them (in the columns the rows' labels start
/// in), and header lines.
fn kinds(region: &[Line]) -> Vec<Kind> {
    let figures_at = figures_start(region);
    let label_columns: Vec<f64> = region
        .iter()
        .filter(|l| l.figures() > 0)
        .flat_map(|l| l.runs.iter().filter(|x| x.x0 < figures_at).map(|x| x.x0))
        .collect();
    let first_row = region
        .iter()
        .position(|l| l.figures() > 0)
        .unwrap_or(region.len());
    region
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let in_labels = l.runs.iter().all(|r| {
                label_columns
                    .iter()
                    .any(|x| (x - r.x0).abs() <= 2.0 * l.size)
            });
            if l.figures() > 0 {
                Kind::Row
            } else if i > first_row && in_labels {
                Kind::Label
            } else {
                Kind::Header
            }
        })
        .collect()
}

/// The label cells of each row (in column order), from the pieces left of the figures.
fn label_cells(pieces: &[Piece], rows: &[&Line]) -> Vec<Vec<String>> {
    // Columns: pieces that start within two characters of each other.
    let mut columns: Vec<(f64, Vec<&Piece>)> = Vec::new();
    for p in pieces {
        match columns
            .iter_mut()
            .find(|(x, _)| (x - p.x).abs() <= 2.0 * p.size)
        {
            Some((_, list)) => list.push(p),
            None => columns.push((p.x, vec![p])),
        }
    }
    columns.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<Vec<(f64, String)>> = vec![Vec::new(); rows.len()];
    for (x, mut list) in columns {
        list.sort_by(|a, b| a.y.total_cmp(&b.y));
        // Cells: a number starts one, so does a gap wider than a wrapped line's.
        let mut cells: Vec<(f64, f64, String)> = Vec::new();
        let mut last_y = f64::MIN;
        for p in list {
            let gap = p.y - last_y;
            match cells.last_mut() {
                Some(c) if !numbered(&p.text) && gap <= 1.9 * p.size => {
                    c.1 = p.y;
                    c.2.push_str(&p.text);
                }
                _ => cells.push((p.y, p.y, p.text.clone())),
            }
            last_y = p.y;
        }
        for (top, bottom, text) in cells {
            let within: Vec<usize> = (0..rows.len())
                .filter(|&k| {
                    rows[k].y >= top - 0.6 * rows[k].size
                        && rows[k].y <= bottom + 0.6 * rows[k].size
                })
                .collect();
            let mid = (top + bottom) / 2.0;
            let row = if within.len() == 1 {
                Some(within[0])
            } else {
                (0..rows.len())
                    .min_by(|&a, &b| (rows[a].y - mid).abs().total_cmp(&(rows[b].y - mid).abs()))
            };
            if let Some(k) = row {
                out[k].push((x, text));
            }
        }
    }
    out.into_iter()
        .map(|mut cells| {
            cells.sort_by(|a, b| a.0.total_cmp(&b.0));
            cells.into_iter().map(|(_, t)| t).collect()
        })
        .collect()
}

/// The document information's dates, as metadata: 发布日期 from its creation (or modification)
/// date, said as such by the importer.
fn info_fields(doc: &pdf_extract::Document) -> Vec<(String, String)> {
    let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .and_then(|id| doc.get_dictionary(id))
    else {
        return Vec::new();
    };
    let date = |key: &[u8]| -> Option<String> {
        let raw = info.get(key).ok()?.as_str().ok()?;
        let s = String::from_utf8_lossy(raw);
        let d: String = s.trim_start_matches("D:").chars().take(12).collect();
        (d.len() == 12 && d.chars().all(|c| c.is_ascii_digit())).then(|| {
            format!(
                "{}-{}-{} {}:{}",
                &d[..4],
                &d[4..6],
                &d[6..8],
                &d[8..10],
                &d[10..12]
            )
        })
    };
    date(b"CreationDate")
        .or_else(|| date(b"ModDate"))
        .map(|d| ("发布日期".to_string(), d))
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_the_forms_word_prints_them() {
        for n in ["- 3 -", "-3-", "3", "第 3 页", "3/5", "— 12 —"] {
            assert!(page_number(n), "{n}");
        }
        for t in ["2024年", "一、总体情况", "3件"] {
            assert!(!page_number(t), "{t}");
        }
    }
}
