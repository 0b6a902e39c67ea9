//! The report: serde types of the JSON format, the official table templates, and validation.
//!
//! Pure Rust: nothing here knows about the browser, so all of it is tested natively.

pub mod audit;
mod block_de;
pub mod cell;
pub mod chart;
pub mod checker;
pub mod claims;
pub mod compare;
pub mod consistency;
mod failure;
pub mod finding;
#[cfg(feature = "import")]
pub mod grid;
#[cfg(feature = "tool")]
pub mod hierarchy;
mod json_path;
pub mod layout;
mod load;
pub mod names;
pub mod table;
pub mod templates;
pub mod validate;

use crate::labels::load::Limit;
pub use cell::{Cell, CellValue, Decimal};
pub use failure::{BrowserSaid, LoadFailure};
pub use finding::{Finding, Rule, Severity};
pub use load::{JsonProblem, LoadError};
pub use table::{CellPos, Header, StatTable, TableBlock, TableGroup};
pub use templates::TemplateId;
pub use validate::{check_report, CheckedReport};

use serde::{Deserialize, Serialize};

/// The version of the JSON format this viewer reads.
pub const FORMAT_VERSION: u32 = 1;

/// A government information disclosure annual report (政府信息公开工作年度报告).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "Government information disclosure annual report",
        description = "A 政府信息公开工作年度报告 for report-viewer. Unknown fields are ignored."
    )
)]
pub struct Report {
    /// Version of this JSON format; this viewer reads version 1.
    pub version: u32,
    /// Title, agency, dates.
    pub meta: Meta,
    /// Text before the first part (本报告根据…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub introduction: Vec<Block>,
    /// The parts (一、总体情况 … 六、其他需要报告的事项), each with its subsections.
    pub sections: Vec<Section>,
}

/// What the page says about the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meta {
    /// Title, e.g. 二连浩特市2020年政府信息公开工作年度报告.
    pub title: String,
    /// The publishing agency (主办).
    pub agency: String,
    /// The undertaking office (承办), if the page names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undertaker: Option<String>,
    /// Source (来源), e.g. 政务公开办.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publish date and time, local to the portal: "2021-01-29T16:27" or "2021-01-29 16:27"
    /// (seconds and a time zone are allowed and not shown).
    pub published: String,
    /// The year the report covers.
    pub year: u16,
    /// The view count (点击量) at the time of copying, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
    /// Language of the text, e.g. zh-CN.
    #[serde(default = "default_language")]
    pub language: String,
    /// True for illustrative figures that are not a real report (shown as 示例数据).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
    /// The address of the report's original page, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The previous year's report JSON, relative to this report's address: the viewer sets
    /// each official table beside last year's (对比上年) and checks the figures carried over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// The form the report was published in when it was converted from it ("pdf": imported
    /// from a PDF's text layer by report-tool): the page and its copies say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
}

fn default_language() -> String {
    "zh-CN".to_string()
}

impl Meta {
    /// The publish time as government sites show it: YYYY-MM-DD HH:MM, or `None` when the field
    /// is not in a recognised form.
    pub fn published_display(&self) -> Option<String> {
        format_datetime(&self.published)
    }
}

/// Formats "2021-01-29T16:27[:00][+08:00]" or "2021-01-29 16:27" as "2021-01-29 16:27", and a
/// bare date as itself.
pub fn format_datetime(text: &str) -> Option<String> {
    let t = text.trim();
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let date_ok = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    if !date_ok {
        return None;
    }
    let month: u8 = t[5..7].parse().ok()?;
    let day: u8 = t[8..10].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    if b.len() == 10 {
        return Some(t.to_string());
    }
    let time_ok = b.len() >= 16
        && (b[10] == b'T' || b[10] == b' ')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16);
    if !time_ok {
        return None;
    }
    let hour: u8 = t[11..13].parse().ok()?;
    let minute: u8 = t[14..16].parse().ok()?;
    if hour > 23 || minute > 59 {
        return None;
    }
    Some(format!("{} {}", &t[..10], &t[11..16]))
}

/// A part or subsection of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// Anchor id, unique in the report: the address `#id` opens this section.
    pub id: String,
    /// The number as printed: 一、 or （一）.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// The title without its number: 总体情况.
    pub title: String,
    /// The content, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Subsections, after the blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

impl Section {
    /// Number and title as printed: 一、总体情况.
    pub fn heading(&self) -> String {
        format!("{}{}", self.number, self.title)
    }

    /// About how much the section puts on screen, in characters (a table cell counts as 8),
    /// with its subsections: what opening it costs the browser to lay out.
    pub fn size_on_screen(&self) -> usize {
        self.walk()
            .iter()
            .map(|s| {
                let mut size = Size::default();
                blocks_size(&s.blocks, &mut size);
                size.chars + 8 * size.cells + s.title.chars().count()
            })
            .sum()
    }

    /// This section and every subsection, depth first.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = vec![self];
        for s in &self.sections {
            out.extend(s.walk());
        }
        out
    }
}

// Read by `block_de` (not derived: the derive buffers the whole block to find its `type`).
/// A piece of content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph of text.
    Paragraph {
        /// The text, verbatim.
        text: String,
    },
    /// A list of items.
    List {
        /// Numbered (true) or bulleted.
        #[serde(default)]
        ordered: bool,
        /// The items, verbatim.
        items: Vec<String>,
    },
    /// A note (说明, 注), set apart from the text.
    Note {
        /// The text, verbatim.
        text: String,
    },
    /// A statistical table: an official template filled by key, or a generic table.
    Table(Box<TableBlock>),
}

/// What the viewer takes on, documented for webmasters: real reports are far below these (about
/// 20 KB, 2,000 cells, 30,000 characters, 3–6 tables of under 30 columns, 6 parts and 30
/// subsections); beyond them a browser would freeze for seconds, so the viewer says so and
/// leaves the page's own copy (the fallback link) in place. The shape limits (tables, columns,
/// rows of an official table, parts) are set where the worst case of each stays responsive
/// (BENCHMARKS.md, "The viewer on hostile sizes").
pub const VIEWER_LIMITS: ViewerLimits = ViewerLimits {
    bytes: 5 << 20,
    cells: 100_000,
    characters: 1_000_000,
    tables: 16,
    columns: 300,
    official_rows: 500,
    sections: 500,
};

/// Limits on what the viewer renders (see [`VIEWER_LIMITS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewerLimits {
    /// Size of the JSON file.
    pub bytes: usize,
    /// Table cells, all tables together.
    pub cells: usize,
    /// Characters of text (paragraphs, lists, notes, headings, cells).
    pub characters: usize,
    /// Tables, official and generic.
    pub tables: usize,
    /// Columns of one table (the widest row of a generic table; the keys of an official one).
    pub columns: usize,
    /// Rows of one official table (its keys, known or not).
    pub official_rows: usize,
    /// Parts and subsections, all levels together.
    pub sections: usize,
}

impl ViewerLimits {
    /// The first limit a file or report goes beyond: (what, found, limit).
    pub fn exceeded(&self, bytes: usize, report: Option<&Report>) -> Option<LoadError> {
        let too =
            |what: Limit, found: usize, limit: usize| LoadError::TooLarge { what, found, limit };
        if bytes > self.bytes {
            return Some(too(Limit::FileBytes, bytes, self.bytes));
        }
        let size = size_of(report?);
        let checks = [
            (Limit::Cells, size.cells, self.cells),
            (Limit::Characters, size.chars, self.characters),
            (Limit::Tables, size.tables, self.tables),
            (Limit::Columns, size.columns, self.columns),
            (Limit::Rows, size.official_rows, self.official_rows),
            (Limit::Sections, size.sections, self.sections),
        ];
        checks
            .into_iter()
            .find(|(_, found, limit)| found > limit)
            .map(|(what, found, limit)| too(what, found, limit))
    }
}

/// A report's size as the viewer limits count it.
#[derive(Debug, Default)]
struct Size {
    cells: usize,
    chars: usize,
    tables: usize,
    columns: usize,
    official_rows: usize,
    sections: usize,
}

fn size_of(report: &Report) -> Size {
    let mut size = Size::default();
    blocks_size(&report.introduction, &mut size);
    for s in report.all_sections() {
        blocks_size(&s.blocks, &mut size);
        size.chars += s.title.chars().count();
        size.sections += 1;
    }
    size
}

/// Adds the size of some blocks.
fn blocks_size(blocks: &[Block], size: &mut Size) {
    for b in blocks {
        match b {
            Block::Paragraph { text } | Block::Note { text } => size.chars += text.chars().count(),
            Block::List { items, .. } => {
                size.chars += items.iter().map(|i| i.chars().count()).sum::<usize>()
            }
            Block::Table(t) => {
                let groups = || std::iter::once(&t.body).chain(&t.groups);
                let values: usize = t.values.values().map(|r| r.len()).sum();
                let generic: usize = groups()
                    .map(|g| g.cells.iter().map(Vec::len).sum::<usize>())
                    .sum();
                size.cells += values + generic;
                size.chars += groups()
                    .flat_map(|g| g.cells.iter().flatten())
                    .map(|c| c.text.chars().count())
                    .sum::<usize>();
                size.tables += 1;
                let widest = groups()
                    .flat_map(|g| g.cells.iter().map(Vec::len))
                    .chain(t.values.values().map(|r| r.len()))
                    .chain(groups().map(|g| g.columns.len()))
                    .max()
                    .unwrap_or(0);
                size.columns = size.columns.max(widest);
                size.official_rows = size.official_rows.max(t.values.len());
            }
        }
    }
}

/// The report as JSON, formatted as the demo files are.
pub fn write_json(report: &Report, out: &mut impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

/// The report as JSON text (as [`write_json`] writes it).
pub fn to_json(report: &Report) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8.
    let _ = write_json(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Whether two language tags are the same language (the primary subtag: zh-CN and zh are).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// Reads a report from the bytes a server sent: UTF-8 is required (a GBK file is named as such).
pub fn read_report(bytes: &[u8]) -> Result<Report, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_report(text),
        Err(e) => Err(load::not_utf8(bytes, e.valid_up_to())),
    }
}

/// Reads a report from JSON text. Errors say what is wrong and where (path, line, column).
pub fn parse_report(text: &str) -> Result<Report, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(e) = load::not_json(text) {
        return Err(e);
    }
    let report: Report = serde_json::from_str(text).map_err(|e| {
        let path = json_path::path_at(text, e.line(), e.column());
        load::explain(e, path)
    })?;
    if report.version != FORMAT_VERSION {
        return Err(LoadError::Version {
            found: report.version,
            supported: FORMAT_VERSION,
        });
    }
    Ok(report)
}

impl Report {
    /// Every section and subsection, depth first.
    pub fn all_sections(&self) -> Vec<&Section> {
        self.sections.iter().flat_map(Section::walk).collect()
    }

    /// The top-level part that holds the section or table with this id.
    pub fn part_holding(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|part| {
            part.walk().iter().any(|s| {
                s.id == id
                    || s.blocks
                        .iter()
                        .any(|b| matches!(b, Block::Table(t) if t.id == id))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetime_formats() {
        assert_eq!(
            format_datetime("2021-01-29T16:27").as_deref(),
            Some("2021-01-29 16:27")
        );
        assert_eq!(
            format_datetime("2021-01-29 16:27:05").as_deref(),
            Some("2021-01-29 16:27")
        );
        assert_eq!(
            format_datetime("2021-01-29T16:27:00+08:00").as_deref(),
            Some("2021-01-29 16:27")
        );
        assert_eq!(format_datetime("2021-01-29").as_deref(), Some("2021-01-29"));
        assert_eq!(format_datetime("2021-13-29 16:27"), None);
        assert_eq!(format_datetime("2021-01-29 25:00"), None);
        assert_eq!(format_datetime("29/01/2021"), None);
        assert_eq!(format_datetime("2021-01-29T1"), None);
    }

    const MINIMAL: &str = r#"{
  "version": 1,
  "meta": {"title": "T", "agency": "A", "published": "2021-01-29 16:27", "year": 2020},
  "sections": [{"id": "part-1", "number": "一、", "title": "总体情况",
                "blocks": [{"type": "paragraph", "text": "文字"}]}]
}"#;

    #[test]
    fn minimal_report_reads_and_round_trips() {
        let r = parse_report(MINIMAL).unwrap();
        assert_eq!(r.meta.language, "zh-CN");
        assert_eq!(r.sections[0].heading(), "一、总体情况");
        let back = parse_report(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn unknown_fields_are_tolerated() {
        let text = MINIMAL.replace("\"year\": 2020", "\"year\": 2020, \"cms_id\": 77");
        assert!(parse_report(&text).is_ok());
    }

    #[test]
    fn errors_give_path_line_and_column() {
        let text = MINIMAL.replace("\"type\": \"paragraph\"", "\"type\": \"paragraf\"");
        match parse_report(&text) {
            Err(e @ LoadError::Json { .. }) => {
                let LoadError::Json { path, line, .. } = &e else {
                    unreachable!()
                };
                assert_eq!(path, "sections[0].blocks[0].type");
                assert_eq!(*line, 5);
                assert!(e.to_string().contains("paragraf"), "{e}");
            }
            other => panic!("{other:?}"),
        }
        let text = MINIMAL.replace("\"year\": 2020", "\"year\": \"2020\"");
        match parse_report(&text) {
            Err(LoadError::Json {
                path, line, column, ..
            }) => {
                assert_eq!(path, "meta.year");
                assert_eq!(line, 3);
                assert!(column > 60, "{column}");
            }
            other => panic!("{other:?}"),
        }
        // A file cut short says so, with where it ends.
        match parse_report("{\"version\": 1,\n  \"meta\": {") {
            Err(LoadError::Truncated { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
        let text = MINIMAL.replace("\"version\": 1", "\"version\": 2");
        assert_eq!(
            parse_report(&text),
            Err(LoadError::Version {
                found: 2,
                supported: 1
            })
        );
    }

    #[test]
    fn error_message_reads_in_words() {
        let text = MINIMAL.replace("\"title\": \"T\", ", "");
        let e = parse_report(&text).unwrap_err();
        let shown = e.to_string();
        assert!(shown.contains("missing field `title`"), "{shown}");
        assert!(shown.contains("位置：meta"), "{shown}");
    }
}
