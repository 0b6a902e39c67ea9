//! The reading script: the report as an ordered list of utterances, each tied to the place on
//! the page it reads (for highlighting) and to its part. Tables are read as sentences with their
//! headers and units; rows of zeros are summarised; figures not given are said to be not given.

use super::text::{sentences, spoken, LIMIT};
use crate::labels::ZH;
use crate::model::compare::Comparison;
use crate::model::table::{column_runs, depth, leaves};
use crate::model::templates::ColumnKind;
use crate::model::{Block, CellPos, CellValue, CheckedReport, Finding, Header, Section, StatTable};
use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// What on the page an utterance reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A piece of an element's text: `key` names the element (see [`text_key`]), `start..end` is
    /// the byte range within its text.
    Text {
        /// The element: "title", "intro/0", "part-1/heading", "part-1-2/0", "part-1/3/2" (list item).
        key: String,
        /// Start of the piece in the element's text (bytes).
        start: usize,
        /// End of the piece (bytes).
        end: usize,
    },
    /// The key-message sentence of a table's 图解.
    TableChart {
        /// The table's id.
        table: String,
        /// The chart's id.
        chart: String,
    },
    /// A table's caption.
    TableCaption {
        /// The table's id.
        table: String,
    },
    /// A block heading of a table (第二十条第（一）项).
    TableGroup {
        /// The table's id.
        table: String,
        /// The block.
        group: usize,
    },
    /// Table rows: the first and last data row of a group read together.
    TableRows {
        /// The table's id.
        table: String,
        /// The block.
        group: usize,
        /// First row.
        first: usize,
        /// Last row (inclusive).
        last: usize,
    },
    /// Notes below a table.
    TableNotes {
        /// The table's id.
        table: String,
    },
    /// What checking the table found (its findings, below it).
    TableFindings {
        /// The table's id.
        table: String,
    },
    /// What checking the table against last year's report found (below it).
    TableCrossYear {
        /// The table's id.
        table: String,
    },
}

impl Target {
    /// The table this reads, if it reads one.
    pub fn table(&self) -> Option<&str> {
        match self {
            Target::TableCaption { table }
            | Target::TableChart { table, .. }
            | Target::TableGroup { table, .. }
            | Target::TableRows { table, .. }
            | Target::TableNotes { table }
            | Target::TableFindings { table }
            | Target::TableCrossYear { table } => Some(table),
            _ => None,
        }
    }
}

/// One sentence to speak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    /// Position in the script.
    pub index: usize,
    /// The top-level part it belongs to (None for the title and introduction).
    pub part: Option<String>,
    /// What it reads on the page.
    pub target: Target,
    /// The text as shown.
    pub shown: String,
    /// The text as said.
    pub spoken: String,
}

/// The key of a block's element: "intro/3", or "<section id>/<block index>".
pub fn text_key(section: Option<&str>, block: usize) -> String {
    match section {
        Some(id) => format!("{id}/{block}"),
        None => format!("intro/{block}"),
    }
}

/// The key of a list item's element.
pub fn item_key(section: Option<&str>, block: usize, item: usize) -> String {
    format!("{}/{item}", text_key(section, block))
}

/// The key of a section heading's element.
pub fn heading_key(section: &str) -> String {
    format!("{section}/heading")
}

/// Table rows read per step: a run of all-zero rows is said in one sentence within these.
const ROWS_PER_STEP: usize = 500;

/// Something to read, in reading order: expanded into sentences when its turn comes.
enum Source<'a> {
    /// An element's text, sentence by sentence (split when first reached, then read in steps).
    Text {
        key: String,
        text: Cow<'a, str>,
        pieces: Option<(Vec<(usize, usize)>, usize)>,
    },
    /// A sentence made for a table (caption, group heading, note), split at ，、 when long.
    Made { target: Target, sentence: String },
    /// Data rows of a table group (or, for a group without row headers, all its column groups).
    Rows {
        table: &'a StatTable,
        group: usize,
        row_paths: Rc<Vec<Vec<&'a Header>>>,
        rows: Range<usize>,
        /// The table beside last year's, while 对比上年 is on: each figure is read with last
        /// year's and the change.
        compared: Option<Arc<Comparison>>,
    },
}

/// What last year's report adds to the reading, once loaded: the tables the reader sets beside
/// last year's (对比上年), by id, and what checking against it found (read with each table's
/// own checks).
#[derive(Default)]
pub struct LastYearReading {
    /// The tables beside last year's: each id with the table beside last year's and its 图解
    /// with last year's figures (the sentence then says the change).
    pub compared: Vec<(String, Arc<Comparison>, Vec<crate::model::chart::Chart>)>,
    /// The checks against last year's report.
    pub cross_year: Vec<Finding>,
}

impl LastYearReading {
    /// Table `id` beside last year's, and its 图解 so, when it is set so.
    fn beside(&self, id: &str) -> Option<(&Arc<Comparison>, &Vec<crate::model::chart::Chart>)> {
        self.compared
            .iter()
            .find(|(t, ..)| t == id)
            .map(|(_, c, charts)| (c, charts))
    }
}

/// A reading script being built a step at a time, so that a browser can build the script of a
/// huge report between other work (no step takes long: see [`Script::step`]).
pub struct Script<'a> {
    queue: VecDeque<(Option<Arc<str>>, Source<'a>)>,
    out: Vec<Utterance>,
    /// Read each official table's 图解 sentence before the table.
    charts: bool,
    /// What last year's report adds.
    last_year: LastYearReading,
}

impl<'a> Script<'a> {
    /// Lists what there is to read, in order: title, introduction, then every part (cheap: no
    /// text is split or said yet).
    pub fn plan(checked: &'a CheckedReport) -> Script<'a> {
        Script::plan_with(checked, true)
    }

    /// As [`Script::plan`]; `charts` says whether the 图解 are shown (and so read).
    pub fn plan_with(checked: &'a CheckedReport, charts: bool) -> Script<'a> {
        Script::plan_beside(checked, charts, LastYearReading::default())
    }

    /// As [`Script::plan_with`], with what last year's report adds.
    pub fn plan_beside(
        checked: &'a CheckedReport,
        charts: bool,
        last_year: LastYearReading,
    ) -> Script<'a> {
        let mut s = Script {
            queue: VecDeque::new(),
            out: Vec::new(),
            charts,
            last_year,
        };
        let report = &checked.report;
        s.text(None, "title".into(), Cow::Borrowed(&report.meta.title));
        s.blocks(checked, None, None, &report.introduction);
        for part in &report.sections {
            s.section(checked, &Arc::from(part.id.as_str()), part);
        }
        s
    }

    fn text(&mut self, part: Option<&Arc<str>>, key: String, text: Cow<'a, str>) {
        let source = Source::Text {
            key,
            text,
            pieces: None,
        };
        self.queue.push_back((part.cloned(), source));
    }

    fn made(&mut self, part: Option<&Arc<str>>, target: Target, sentence: String) {
        self.queue
            .push_back((part.cloned(), Source::Made { target, sentence }));
    }

    fn section(&mut self, checked: &'a CheckedReport, part: &Arc<str>, s: &'a Section) {
        self.text(Some(part), heading_key(&s.id), Cow::Owned(s.heading()));
        self.blocks(checked, Some(part), Some(&s.id), &s.blocks);
        for sub in &s.sections {
            self.section(checked, part, sub);
        }
    }

    fn blocks(
        &mut self,
        checked: &'a CheckedReport,
        part: Option<&Arc<str>>,
        section: Option<&str>,
        blocks: &'a [Block],
    ) {
        for (i, b) in blocks.iter().enumerate() {
            match b {
                Block::Paragraph { text } | Block::Note { text } => {
                    self.text(part, text_key(section, i), Cow::Borrowed(text));
                }
                Block::List { items, .. } => {
                    for (j, item) in items.iter().enumerate() {
                        self.text(part, item_key(section, i, j), Cow::Borrowed(item));
                    }
                }
                Block::Table(t) => {
                    if let Some(table) = checked.tables.get(&t.id) {
                        self.table(checked, part, table);
                    }
                }
            }
        }
    }

    fn table(&mut self, checked: &CheckedReport, part: Option<&Arc<str>>, t: &'a StatTable) {
        let id = t.id.clone();
        if self.charts {
            let charts = match self.last_year.beside(&t.id) {
                Some((_, beside)) => beside.clone(),
                None => checked.charts_for(t),
            };
            for chart in charts {
                let target = Target::TableChart {
                    table: id.clone(),
                    chart: chart.id,
                };
                self.made(
                    part,
                    target,
                    format!("图解：{}", ZH.chart_sentence(&chart.sentence)),
                );
            }
        }
        let mut caption = match &t.label {
            Some(l) => format!("{l}，{}。", t.caption),
            None => format!("{}。", t.caption),
        };
        if let Some(u) = &t.unit {
            caption.push_str(&format!("单位：{u}。"));
        }
        caption.push_str(&columns_said(t));
        if has_zeros(t) {
            caption.push_str("以下只读出不为0的数字。");
        }
        self.made(part, Target::TableCaption { table: id.clone() }, caption);
        for (g, group) in t.groups.iter().enumerate() {
            if let Some(h) = &group.heading {
                let target = Target::TableGroup {
                    table: id.clone(),
                    group: g,
                };
                self.made(part, target, format!("{h}。"));
            }
            let row_paths = Rc::new(leaves(&group.rows));
            let count = row_paths.len().max(1);
            for start in (0..count).step_by(ROWS_PER_STEP) {
                let rows = start..(start + ROWS_PER_STEP).min(count);
                let source = Source::Rows {
                    table: t,
                    group: g,
                    row_paths: row_paths.clone(),
                    rows,
                    compared: self.last_year.beside(&t.id).map(|(c, _)| c.clone()),
                };
                self.queue.push_back((part.cloned(), source));
            }
        }
        for n in &t.notes {
            let target = Target::TableNotes { table: id.clone() };
            self.made(part, target, format!("注：{n}"));
        }
        self.table_checks(checked, part, t);
    }

    /// What checking the table found, then what checking it against last year's report found.
    fn table_checks(&mut self, checked: &CheckedReport, part: Option<&Arc<str>>, t: &StatTable) {
        let id = t.id.clone();
        for f in checked.findings_for(&t.id) {
            if f.needs_attention() {
                let target = Target::TableFindings { table: id.clone() };
                self.made(part, target, format!("本表核对：{}", f.message()));
            }
        }
        let cross_year: Vec<String> = (self.last_year.cross_year.iter())
            .filter(|f| f.needs_attention() && f.table_id.as_deref() == Some(id.as_str()))
            .map(|f| format!("与上年报告核对：{}", f.message()))
            .collect();
        for sentence in cross_year {
            let target = Target::TableCrossYear { table: id.clone() };
            self.made(part, target, sentence);
        }
    }

    /// Adds at least `count` more sentences to the script (fewer at its end), with their spoken
    /// forms; true when the script is complete.
    pub fn step(&mut self, count: usize) -> bool {
        let goal = self.out.len().saturating_add(count);
        while self.out.len() < goal {
            let Some((part, source)) = self.queue.front_mut() else {
                break;
            };
            let out = &mut self.out;
            let done = match source {
                Source::Text { key, text, pieces } => {
                    let (list, next) = pieces.get_or_insert_with(|| (sentences(text, LIMIT), 0));
                    while *next < list.len() && out.len() < goal {
                        let (start, end) = list[*next];
                        *next += 1;
                        let target = Target::Text {
                            key: key.clone(),
                            start,
                            end,
                        };
                        say(out, part, target, text[start..end].to_string());
                    }
                    *next == list.len()
                }
                Source::Made { target, sentence } => {
                    made(out, part, target, sentence);
                    true
                }
                Source::Rows {
                    table,
                    group,
                    row_paths,
                    rows,
                    compared,
                } => {
                    let beside = compared.as_deref();
                    for line in table_lines(table, (*group, beside), row_paths, rows.clone()) {
                        let target = Target::TableRows {
                            table: table.id.clone(),
                            group: *group,
                            first: line.first,
                            last: line.last,
                        };
                        made(out, part, &target, &line.sentence);
                    }
                    true
                }
            };
            if done {
                self.queue.pop_front();
            }
        }
        self.queue.is_empty()
    }

    /// The whole script (every sentence, whether or not [`Script::step`] has reached it).
    pub fn finish(mut self) -> Vec<Utterance> {
        self.step(usize::MAX);
        self.out
    }
}

/// Adds a sentence with its spoken form (none when nothing would be said).
fn say(out: &mut Vec<Utterance>, part: &Option<Arc<str>>, target: Target, shown: String) {
    let spoken = spoken(&shown);
    if spoken.trim().is_empty() {
        return;
    }
    out.push(Utterance {
        index: out.len(),
        part: part.as_deref().map(str::to_string),
        target,
        shown,
        spoken,
    });
}

/// A sentence made for a table, split at ，、 when long; every piece targets `target`.
fn made(out: &mut Vec<Utterance>, part: &Option<Arc<str>>, target: &Target, sentence: &str) {
    for (a, b) in sentences(sentence, LIMIT) {
        say(out, part, target.clone(), sentence[a..b].to_string());
    }
}

/// Builds the script of a report: title, introduction, then every part in order.
pub fn build(checked: &CheckedReport) -> Vec<Utterance> {
    Script::plan(checked).finish()
}

/// Where each part starts in the script: (part id, first utterance).
pub fn part_starts(script: &[Utterance]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for u in script {
        if let Some(p) = &u.part {
            if out.last().map(|(id, _)| id) != Some(p) {
                out.push((p.clone(), u.index));
            }
        }
    }
    out
}

/// Drops the number before a label: 一、 （三） 1. 1、 (1).
fn bare(label: &str) -> &str {
    let s = label.trim();
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = s.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                return rest[end + close.len()..].trim_start();
            }
        }
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let rest = s.trim_start_matches(numeral);
    if rest.len() < s.len() {
        if let Some(r) = rest.strip_prefix(['、', '.', '．']) {
            return r.trim_start();
        }
    }
    s
}

/// A row read as one sentence: its name, its first data row, and its cells (row, column).
type ReadUnit = (String, usize, Vec<(usize, usize)>);

/// One spoken line of a table and the data rows it covers.
struct Line {
    first: usize,
    last: usize,
    sentence: String,
}

/// How a row is named when read: its own label without numbering (its groups were said before
/// it); a total row with its group's name (本年度办理结果总计), so it is not taken for the table's.
fn row_name(path: &[&str]) -> String {
    match path {
        [] => String::new(),
        [.., parent, leaf] if is_total(bare(leaf)) => format!("{}{}", bare(parent), bare(leaf)),
        [.., leaf] => bare(leaf).to_string(),
    }
}

/// 总计 or 合计.
fn is_total(label: &str) -> bool {
    matches!(label, "总计" | "合计")
}

/// How the columns are organised, said once after the caption where they are grouped (表三:
/// 申请人情况分为自然人、法人或其他组织、总计三栏。法人或其他组织又分为商业企业、…), empty where
/// they are a plain list.
fn columns_said(t: &StatTable) -> String {
    let Some(group) = t.groups.first() else {
        return String::new();
    };
    if t.groups.len() > 1 || group.rows.is_empty() || depth(&group.columns) < 2 {
        return String::new();
    }
    // A single heading over every column (申请人情况) names the whole.
    let (whole, columns) = match group.columns.as_slice() {
        [one] if !one.children.is_empty() => (bare(&one.label).to_string(), &one.children[..]),
        all => ("各栏".to_string(), all),
    };
    let mut said = String::new();
    let mut groups = vec![(whole, columns)];
    while let Some((name, children)) = groups.pop() {
        let names: Vec<&str> = children.iter().map(|h| bare(&h.label)).collect();
        if said.is_empty() {
            said.push_str(&format!(
                "{name}分为{}{}栏。",
                names.join("、"),
                chinese_count(names.len())
            ));
        } else {
            said.push_str(&format!("{name}又分为{}。", names.join("、")));
        }
        for h in children.iter().rev().filter(|h| !h.children.is_empty()) {
            groups.push((bare(&h.label).to_string(), &h.children[..]));
        }
    }
    said
}

/// A small count in Chinese (for 三栏); digits beyond ten.
fn chinese_count(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// Whether the table has a figure 0 or a blank among cells given: then only the others are read.
fn has_zeros(t: &StatTable) -> bool {
    t.groups
        .iter()
        .flat_map(|g| g.cells.iter().flatten())
        .any(|c| {
            matches!(c.value, CellValue::Blank)
                || matches!(c.value, CellValue::Number(d) if d.units == 0)
        })
}

/// A figure with its column's name and unit, as said: 自然人52件, 本年增加12件, 本年收费金额126.35万元.
fn figure_phrase(t: &StatTable, pos: CellPos, column: &str, derived: bool, text: &str) -> String {
    let key_kind = t
        .template
        .map(|id| {
            let key = t
                .keyed
                .iter()
                .find(|(_, p)| **p == pos)
                .map(|((_, c), _)| c.as_str())
                .unwrap_or("");
            id.column_kind(key)
        })
        .unwrap_or(ColumnKind::Count);
    let column = column.replace("（单位：万元）", "");
    let has_unit = text.ends_with(|c: char| !c.is_ascii_digit() && c != '.');
    let unit = if has_unit {
        String::new()
    } else if key_kind == ColumnKind::Amount {
        if t.template.is_some_and(|id| id.format_year() == 2021) {
            "万元".into()
        } else {
            String::new()
        }
    } else {
        t.unit.clone().unwrap_or_else(|| "件".into())
    };
    let computed = if derived { "（计算值）" } else { "" };
    if key_kind == ColumnKind::SignedCount {
        let (word, n) = match text.strip_prefix('+') {
            Some(n) => ("增加", n),
            None => match text.strip_prefix('-') {
                Some(n) => ("减少", n),
                None => ("增减", text),
            },
        };
        return format!("本年{word}{n}{unit}{computed}");
    }
    if is_total(&column) {
        return format!("共{text}{unit}{computed}");
    }
    format!("{column}{text}{unit}{computed}")
}

/// The lines of one group: a sentence per row, and one sentence for each run of rows that are all
/// zero or blank.
fn table_lines(
    t: &StatTable,
    (g, beside): (usize, Option<&Comparison>),
    row_paths: &[Vec<&Header>],
    rows: Range<usize>,
) -> Vec<Line> {
    let group = &t.groups[g];
    let col_paths = leaves(&group.columns);
    let units = if group.rows.is_empty() {
        column_units(&col_paths)
    } else {
        row_units(row_paths, rows, col_paths.len())
    };
    let mut out = Vec::new();
    let mut zero_run: Vec<(usize, String)> = Vec::new();
    for (name, row, cells) in units {
        if cells.is_empty() {
            flush_zeros(&mut zero_run, &mut out);
            out.push(Line {
                first: row,
                last: row,
                sentence: name,
            });
            continue;
        }
        let said = say_unit(t, (g, beside), &col_paths, &cells);
        if said.said.is_empty() && said.missing.is_empty() {
            zero_run.push((row, name));
            continue;
        }
        flush_zeros(&mut zero_run, &mut out);
        out.push(Line {
            first: row,
            last: row,
            sentence: said.sentence(&name, cells.len()),
        });
    }
    flush_zeros(&mut zero_run, &mut out);
    out
}

/// The units of a table with no row headers (表四), read as rows: its column groups.
fn column_units(col_paths: &[Vec<&Header>]) -> Vec<ReadUnit> {
    column_runs(col_paths)
        .into_iter()
        .map(|(above, cells)| {
            let name = above.last().copied().unwrap_or("").to_string();
            (name, 0, cells.into_iter().map(|c| (0, c)).collect())
        })
        .collect()
}

/// The data rows `rows`, each a unit of all its cells (row paths walked once per table), named
/// by their own label; where a row starts a new group of rows (三、本年度办理结果, （三）不予公开),
/// the group's name comes first, once, as a unit without cells.
fn row_units(row_paths: &[Vec<&Header>], rows: Range<usize>, columns: usize) -> Vec<ReadUnit> {
    let mut units = Vec::new();
    for r in rows {
        let Some(path) = row_paths.get(r) else {
            continue;
        };
        let labels: Vec<&str> = path.iter().map(|h| h.label.as_str()).collect();
        let before: Vec<&str> = r
            .checked_sub(1)
            .and_then(|p| row_paths.get(p))
            .map(|p| p.iter().map(|h| h.label.as_str()).collect())
            .unwrap_or_default();
        let ancestors = &labels[..labels.len().saturating_sub(1)];
        let same = ancestors
            .iter()
            .zip(&before)
            .take_while(|(a, b)| a == b)
            .count();
        for group in &ancestors[same..] {
            units.push((format!("{}：", bare(group)), r, Vec::new()));
        }
        units.push((row_name(&labels), r, (0..columns).map(|c| (r, c)).collect()));
    }
    units
}

/// What one unit's cells say: phrases for figures and texts, the columns not provided, and how
/// many are zero or blank.
#[derive(Default)]
struct Said {
    said: Vec<String>,
    missing: Vec<String>,
    zeros: usize,
}

impl Said {
    /// The unit's sentence: "name：phrase，phrase，X、Y未提供，其余为0。"
    fn sentence(&self, name: &str, cells: usize) -> String {
        let mut sentence = format!("{name}：");
        if self.missing.len() == cells {
            sentence.push_str("未提供。");
            return sentence;
        }
        sentence.push_str(&self.said.join("，"));
        if !self.missing.is_empty() {
            if !self.said.is_empty() {
                sentence.push('，');
            }
            sentence.push_str(&format!("{}未提供", self.missing.join("、")));
        }
        sentence.push('。');
        sentence
    }
}

fn say_unit(
    t: &StatTable,
    (g, beside): (usize, Option<&Comparison>),
    col_paths: &[Vec<&Header>],
    cells: &[(usize, usize)],
) -> Said {
    let mut out = Said::default();
    for &(row, column) in cells {
        let pos = CellPos {
            group: g,
            row,
            column,
        };
        let name = col_paths[column]
            .last()
            .map(|h| h.label.as_str())
            .unwrap_or("");
        if let Some(d) = t.derived.get(&pos) {
            out.said
                .push(figure_phrase(t, pos, name, true, &d.to_string()));
            continue;
        }
        let Some(cell) = t.cell(pos) else { continue };
        // Beside last year's, a figure that changed is read even when it is now 0.
        let changed = beside
            .and_then(|c| c.beside(pos))
            .filter(|(_, change)| *change != crate::labels::ZH.change_words.same);
        match cell.value {
            CellValue::NotProvided => out.missing.push(name.to_string()),
            CellValue::Blank | CellValue::Number(_) if changed.is_some() => {
                let figure = figure_phrase(t, pos, name, false, &cell.text);
                out.said.push(beside_last_year(t, pos, figure, changed));
            }
            CellValue::Blank => out.zeros += 1,
            CellValue::Number(d) if d.units == 0 => out.zeros += 1,
            CellValue::NotApplicable => out.said.push(format!("{name}不适用")),
            CellValue::Number(_) => {
                let figure = figure_phrase(t, pos, name, false, &cell.text);
                let beside = beside.and_then(|c| c.beside(pos));
                out.said.push(beside_last_year(t, pos, figure, beside));
            }
            CellValue::Text => out.said.push(format!("{name}{}", cell.text)),
        }
    }
    out
}

/// A figure's phrase with last year's figure and the change after it, as the table beside last
/// year's shows them ("自然人118件，上年96件，增22（22.9%）"); unchanged without them.
fn beside_last_year(
    t: &StatTable,
    pos: CellPos,
    figure: String,
    beside: Option<(&crate::model::Cell, &str)>,
) -> String {
    let Some((last, change)) = beside else {
        return figure;
    };
    let last = match last.value {
        CellValue::Number(_) => figure_phrase(t, pos, "上年", false, &last.text),
        CellValue::Blank => figure_phrase(t, pos, "上年", false, "0"),
        _ => last.text.clone(),
    };
    format!("{figure}，{last}，{change}")
}

/// One sentence for a run of rows that are all zero or blank: "A、B：均为0。"
fn flush_zeros(run: &mut Vec<(usize, String)>, out: &mut Vec<Line>) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    let names: Vec<&str> = run.iter().map(|(_, n)| n.as_str()).collect();
    out.push(Line {
        first: first.0,
        last: last.0,
        sentence: format!("{}：均为0。", names.join("、")),
    });
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{check_report, parse_report};

    #[test]
    fn a_huge_table_is_read_in_steps_with_zero_runs_said_once_per_step() {
        let rows: Vec<String> = (0..1200).map(|i| format!("\"事项{i}\"")).collect();
        let cells: Vec<&str> = (0..1200).map(|_| "[0]").collect();
        let json = format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2022-01-01","year":2021}},
            "sections":[{{"id":"p1","title":"一","blocks":[{{"type":"table","id":"big","columns":["数量"],
            "rows":[{}],"cells":[{}]}}]}}]}}"#,
            rows.join(","),
            cells.join(",")
        );
        let checked = check_report(parse_report(&json).unwrap());
        let mut script = Script::plan(&checked);
        let mut steps = 1;
        while !script.step(100) {
            steps += 1;
        }
        assert!(steps > 1, "read in more than one step");
        let mut runs: Vec<(usize, usize)> = script
            .finish()
            .iter()
            .filter_map(|u| match u.target {
                Target::TableRows { first, last, .. } => Some((first, last)),
                _ => None,
            })
            .collect();
        // A long run is said in several pieces, each naming the whole run's rows.
        runs.dedup();
        assert_eq!(runs, vec![(0, 499), (500, 999), (1000, 1199)]);
    }

    fn load(name: &str) -> CheckedReport {
        let path = format!("{}/public/reports/{name}", env!("CARGO_MANIFEST_DIR"));
        check_report(parse_report(&std::fs::read_to_string(path).unwrap()).unwrap())
    }

    #[test]
    fn beside_last_year_each_figure_is_read_with_last_years_and_the_change_and_the_cross_year_checks_with_the_table(
    ) {
        use crate::labels::ZH;
        use crate::model::compare::{compare, last_years_table};
        let (now, before) = (load("sample-2021.json"), load("sample-2022.json"));
        let t3 = &now.tables["table-3"];
        let last = last_years_table(&before.tables, t3).unwrap();
        let c = compare(t3, last, &ZH.change_words).unwrap();
        let charts =
            crate::model::chart::with_last_year(now.charts_for(t3), &before.charts_for(last));
        let last_year = LastYearReading {
            compared: vec![("table-3".to_string(), Arc::new(c), charts)],
            cross_year: crate::model::validate::check_cross_year(&now, &before),
        };
        let plain = said_for(&build(&now), "table-3").join("");
        let beside = Script::plan_beside(&now, true, last_year).finish();
        let said: String = beside
            .iter()
            .filter(|u| u.target.table() == Some("table-3"))
            .map(|u| u.shown.as_str())
            .collect();
        // The figures of both files (the sample pair: 118 against 96, 141 against 118).
        assert!(!plain.contains("上年96件"), "{plain}");
        assert!(
            said.contains("自然人118件，上年96件，增22（22.9%）"),
            "{said}"
        );
        assert!(said.contains("共141件，上年118件，增23（19.5%）"), "{said}");
        // The planted difference is read with the table, after its own checks.
        assert!(said.contains("与上年报告核对："), "{said}");
        // Its 图解 says the change, as the chart shown beside last year's does.
        assert!(
            said.contains("与上年（118件）相比，新收申请增23（19.5%）"),
            "{said}"
        );
        // Every sentence still fits one utterance.
        assert!(beside.iter().all(|u| u.shown.chars().count() <= LIMIT));
    }

    fn said_for(script: &[Utterance], table: &str) -> Vec<String> {
        script
            .iter()
            .filter(|u| match &u.target {
                Target::TableCaption { table: t }
                | Target::TableGroup { table: t, .. }
                | Target::TableRows { table: t, .. }
                | Target::TableNotes { table: t }
                | Target::TableFindings { table: t } => t == table,
                _ => false,
            })
            .map(|u| u.shown.clone())
            .collect()
    }

    #[test]
    fn a_tables_chart_sentence_is_read_before_the_table_unless_charts_are_off() {
        let c = load("sample-2021.json");
        let script = build(&c);
        let first = |pred: &dyn Fn(&Target) -> bool| script.iter().position(|u| pred(&u.target));
        let chart = first(&|t| matches!(t, Target::TableChart { table, .. } if table == "table-3"))
            .expect("the 表三 chart is read");
        let caption =
            first(&|t| matches!(t, Target::TableCaption { table } if table == "table-3")).unwrap();
        assert!(
            chart < caption,
            "the chart's sentence comes before the table"
        );
        assert!(
            script[chart].shown.starts_with("图解：本年新收申请141件"),
            "{}",
            script[chart].shown
        );
        let off = Script::plan_with(&c, false).finish();
        assert!(!off
            .iter()
            .any(|u| matches!(u.target, Target::TableChart { .. })));
    }

    #[test]
    fn the_seed_report_reads_in_bounded_sentences_covering_every_paragraph() {
        let c = load("erlianhaote-2020.json");
        let script = build(&c);
        for u in &script {
            assert!(!u.spoken.trim().is_empty(), "empty utterance {u:?}");
            assert!(u.shown.chars().count() <= LIMIT, "too long: {}", u.shown);
        }
        // Joined back, the pieces of each paragraph are the paragraph (apart from white space).
        let check = |key: String, text: &str| {
            let joined: String = script
                .iter()
                .filter_map(|u| match &u.target {
                    Target::Text { key: k, start, end } if *k == key => {
                        Some(text[*start..*end].to_string())
                    }
                    _ => None,
                })
                .collect();
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(squeeze(&joined), squeeze(text), "{key}");
        };
        for (i, b) in c.report.introduction.iter().enumerate() {
            if let Block::Paragraph { text } = b {
                check(text_key(None, i), text);
            }
        }
        for s in c.report.all_sections() {
            check(heading_key(&s.id), &s.heading());
            for (i, b) in s.blocks.iter().enumerate() {
                if let Block::Paragraph { text } = b {
                    check(text_key(Some(&s.id), i), text);
                }
            }
        }
        // Parts start in order, each with its heading.
        let starts = part_starts(&script);
        assert_eq!(starts.len(), 6);
        for (id, at) in &starts {
            assert_eq!(
                script[*at].target,
                Target::Text {
                    key: heading_key(id),
                    start: 0,
                    end: script[*at].shown.len()
                }
            );
        }
        // Normalised on the way: document numbers and dates.
        assert!(script
            .iter()
            .any(|u| u.spoken.contains("内政公发二〇二〇年2号")));
        assert!(script
            .iter()
            .any(|u| u.spoken.contains("二〇二〇年十一月二十七日")));
    }

    #[test]
    fn seed_tables_say_what_is_given_and_what_is_not() {
        let c = load("erlianhaote-2020.json");
        let script = build(&c);
        let t3 = said_for(&script, "table-3");
        assert_eq!(t3[0], "表三，收到和处理政府信息公开申请情况。");
        assert_eq!(t3[1], "单位：件。");
        // How the columns are grouped, said once.
        assert_eq!(t3[2], "申请人情况分为自然人、法人或其他组织、总计三栏。");
        assert_eq!(
            t3[3],
            "法人或其他组织又分为商业企业、科研机构、社会公益组织、法律服务机构、其他。"
        );
        assert_eq!(
            t3[4],
            "本年新收政府信息公开申请数量：共1件，自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他未提供。"
        );
        assert!(
            t3.iter()
                .any(|s| s == "上年结转政府信息公开申请数量：未提供。"),
            "{t3:#?}"
        );
        // The row group is said once, before its first row; the rows by their own names.
        let refused = t3
            .iter()
            .position(|s| s == "不予公开：")
            .expect("the group");
        assert_eq!(t3[refused + 1], "属于国家秘密：未提供。");
        assert_eq!(t3.iter().filter(|s| s.as_str() == "不予公开：").count(), 1);
        let t4 = said_for(&script, "table-4");
        assert!(t4.iter().any(|s| s == "行政复议：未提供。"), "{t4:#?}");
    }

    #[test]
    fn sample_tables_read_as_sentences_with_headers_and_units() {
        let c = load("sample-2021.json");
        let script = build(&c);
        let t3 = said_for(&script, "table-3");
        assert!(t3.contains(&"本年新收政府信息公开申请数量：自然人118件，商业企业17件，科研机构1件，社会公益组织1件，法律服务机构3件，其他1件，共141件。".to_string()), "{t3:#?}");
        // Zeros are said once for the table, not once per row.
        assert_eq!(t3[4], "以下只读出不为0的数字。");
        assert!(t3.iter().all(|s| !s.contains("其余为0")), "{t3:#?}");
        assert!(
            t3.contains(
                &"上年结转政府信息公开申请数量：自然人6件，商业企业1件，共7件。".to_string()
            ),
            "{t3:#?}"
        );
        // A row of zeros is one short sentence, not seven cells.
        assert!(
            t3.contains(&"其他法律行政法规禁止公开：均为0。".to_string()),
            "{t3:#?}"
        );
        // The results' total is named with its group, and says its total once.
        assert!(
            t3.contains(&"本年度办理结果总计：自然人119件，商业企业17件，科研机构1件，社会公益组织1件，法律服务机构3件，其他1件，共142件。".to_string()),
            "{t3:#?}"
        );
        let t2 = said_for(&script, "table-2");
        assert!(t2.contains(&"第二十条第（一）项。".to_string()));
        assert!(
            t2.contains(&"规章：本年制发件数2件，本年废止件数1件，现行有效件数35件。".to_string()),
            "{t2:#?}"
        );
        assert!(
            t2.contains(&"行政事业性收费：本年收费金额126.35万元。".to_string()),
            "{t2:#?}"
        );
        let t4 = said_for(&script, "table-4");
        assert!(
            t4.contains(&"行政复议：结果维持3件，结果纠正1件，尚未审结1件，共6件。".to_string()),
            "{t4:#?}"
        );
        assert!(t4.iter().any(|s| s.starts_with("本表核对：")), "{t4:#?}");
        // A finding is read with the highlight on the findings, not on the notes.
        assert!(script.iter().any(|u| u.shown.starts_with("本表核对：")
            && u.target
                == Target::TableFindings {
                    table: "table-4".into()
                }));
        // The finding's difference is said in words, never as a signed number.
        assert!(
            script
                .iter()
                .any(|u| u.shown.starts_with("本表核对：") && u.shown.contains("（多 1）")),
            "the finding says 多 1"
        );
        assert!(script.iter().all(|u| !u.shown.contains("+1")));
        for u in &script {
            assert!(u.shown.chars().count() <= LIMIT);
        }
    }

    #[test]
    fn signed_changes_and_derived_values_are_said_so() {
        let text = r#"{"version":1,"meta":{"title":"T","agency":"A","published":"2021-01-01 08:00","year":2020},
          "sections":[{"id":"p","title":"x","blocks":[
            {"type":"table","id":"t2","template":"table2-2019","values":{"licensing":{"last_year_items":312,"change":"+12","decisions":1036},"fees":{"change":"-3"}}},
            {"type":"table","id":"t4","template":"table4-2021","values":{"review":{"upheld":2,"corrected":1,"other":0,"pending":1}}}]}]}"#;
        let c = check_report(parse_report(text).unwrap());
        let script = build(&c);
        let t2 = said_for(&script, "t2");
        assert!(
            t2.iter()
                .any(|s| s == "行政许可：上一年项目数量312件，本年增加12件，处理决定数量1036件。"),
            "{t2:#?}"
        );
        assert!(
            script.iter().any(|u| u.spoken.contains("本年减少3件")),
            "{t2:#?}"
        );
        let t4 = said_for(&script, "t4");
        assert!(t4.iter().any(|s| s.contains("共4件（计算值）")), "{t4:#?}");
    }

    #[test]
    fn bare_labels() {
        assert_eq!(bare("一、本年新收"), "本年新收");
        assert_eq!(bare("（三）不予公开"), "不予公开");
        assert_eq!(bare("3.危及“三安全一稳定”"), "危及“三安全一稳定”");
        assert_eq!(bare("三安全"), "三安全");
        assert_eq!(bare("(七)总计"), "总计");
    }
}
