//! Official tables in text: copies that keep one table cell per line (the common copy of a
//! rendered table), a browser's copy with cells separated by tabs, and the rows a PDF's text
//! layer gives. The rows and columns are the template's: a row label (possibly broken over lines,
//! its group printed before it) followed by exactly as many figures as its block has columns is a
//! row. The rows found are laid out as a grid with the template's own headers and read by the
//! template's page reader, as a table on a web page is. A row followed by another number of
//! figures (runs of equal lines collapsed, cells run together) is not guessed: it stays text, and
//! the notes say why.

use super::item::Item;
use crate::labels::findings::Said;
use crate::labels::notes::Noted;
use crate::model::grid::Grid;
use crate::model::names::{match_label, LabelMatch};
use crate::model::table::{depth, leaves, Header};
use crate::model::templates::page::holds_figure as figure;
use crate::model::{TableGroup, TemplateId};

/// One piece of text of a line (a cell), with the line it is on.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    line: usize,
}

/// A row found: its block, its printed label, its figures, and the lines it spans.
#[derive(Debug, Clone)]
struct Row {
    group: usize,
    label: String,
    figures: Vec<String>,
    lines: (usize, usize),
}

/// How many label pieces before a row's figures may make its label (a label broken over lines).
const LABEL_PIECES: usize = 3;

/// The text's lines with their official tables rebuilt (only for a page that has no table of its
/// own). Each table found says so in the notes.
pub fn rebuild(items: Vec<Item>, format_year: Option<u16>, notes: &mut Vec<Said>) -> Vec<Item> {
    if items.iter().any(|i| !matches!(i, Item::Line(_))) {
        return items;
    }
    let lines: Vec<String> = items
        .into_iter()
        .map(|i| match i {
            Item::Line(l) => l,
            _ => String::new(),
        })
        .collect();
    let tokens: Vec<Token> = lines
        .iter()
        .enumerate()
        .flat_map(|(line, l)| {
            l.split('\t')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(move |t| Token {
                    text: t.to_string(),
                    line,
                })
        })
        .collect();
    let mut found: Vec<((usize, usize), Item)> = Vec::new();
    for number in numbers() {
        let Some((template, rows, lost)) = best_format(number, &tokens, format_year) else {
            continue;
        };
        if rows.is_empty() {
            continue;
        }
        let start = header_start(&lines, rows[0].lines.0, template);
        let end = rows.iter().map(|r| r.lines.1).max().unwrap_or(start);
        let figures: usize = rows.iter().map(|r| r.figures.len()).sum();
        notes.push(
            Said::noted(Noted::Rebuilt)
                .hole("table", template.in_words())
                .text("rows", &rows.len())
                .text("figures", &figures)
                .text("from", &(start + 1))
                .text("to", &(end + 1)),
        );
        notes.extend(lost);
        found.push(((start, end), Item::Table(grid(template, &rows))));
    }
    found.sort_by_key(|f| f.0 .0);
    let mut out = Vec::new();
    let mut at = 0;
    for ((start, end), table) in found {
        if start < at {
            continue; // overlapping regions: the first one wins
        }
        out.extend(lines[at..start].iter().cloned().map(Item::Line));
        out.push(table);
        at = end + 1;
    }
    out.extend(lines[at..].iter().cloned().map(Item::Line));
    out
}

/// The table numbers of the registered templates, each once.
fn numbers() -> Vec<u8> {
    let mut n: Vec<u8> = TemplateId::all().iter().map(|t| t.table_number()).collect();
    n.dedup();
    n
}

/// The format of table `number` whose rows the text holds (the report's format first, then the
/// one that places more rows), with the rows and what could not be placed.
fn best_format(
    number: u8,
    tokens: &[Token],
    format_year: Option<u16>,
) -> Option<(TemplateId, Vec<Row>, Vec<Said>)> {
    let mut tried: Vec<(TemplateId, Vec<Row>, Vec<Said>)> = TemplateId::all()
        .into_iter()
        .filter(|t| t.table_number() == number)
        .map(|t| {
            let (rows, lost) = find_rows(t, tokens);
            (t, rows, lost)
        })
        .collect();
    tried.sort_by_key(|(t, rows, _)| {
        (
            std::cmp::Reverse(rows.len()),
            format_year != Some(t.format_year()),
        )
    });
    tried.into_iter().next()
}

/// Every row of a template the tokens hold.
fn find_rows(template: TemplateId, tokens: &[Token]) -> (Vec<Row>, Vec<Said>) {
    let groups = template.groups();
    if template.template().keys_by_column_group() {
        return (
            one_row(template, &groups, tokens).into_iter().collect(),
            Vec::new(),
        );
    }
    // (group, key, label) of every row: the leaves, and the rows that hold sub-rows too (a
    // report may print （六）其他处理 as one row, as the 2019 format does; the template's reader
    // decides what that means), by key or, without one, by label.
    let candidates: Vec<(usize, String, String)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            row_headers(&group.rows).into_iter().map(move |h| {
                (
                    g,
                    h.key.clone().unwrap_or_else(|| h.label.clone()),
                    h.label.clone(),
                )
            })
        })
        .collect();
    let mut found = Found::default();
    let mut pending: Vec<&Token> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !figure(&tokens[i].text) {
            pending.push(&tokens[i]);
            i += 1;
            continue;
        }
        let run = tokens[i..].iter().take_while(|t| figure(&t.text)).count();
        if let Some(label) = row_label(&pending, &candidates) {
            found.take(template, &groups, label, &tokens[i..i + run]);
        }
        pending.clear();
        i += run;
    }
    (found.rows, found.lost)
}

/// The rows found so far, and the rows that could not be placed (in words).
#[derive(Default)]
struct Found {
    rows: Vec<Row>,
    lost: Vec<Said>,
}

impl Found {
    /// A row label with the figures after it: a row when their number is its block's columns;
    /// else, within the table, said and left out.
    fn take(
        &mut self,
        template: TemplateId,
        groups: &[TableGroup],
        (group, label, first): (usize, String, usize),
        figures: &[Token],
    ) {
        let columns = leaves(&groups[group].columns).len();
        let texts: Vec<String> = figures.iter().map(|t| t.text.clone()).collect();
        if figures.len() == columns {
            self.rows.push(Row {
                group,
                label,
                figures: texts,
                lines: (first, figures[figures.len() - 1].line),
            });
        } else if self.rows.last().is_some_and(|r| r.lines.1 + 20 >= first) {
            // Only within the table (or just after its last row): a label of another table that
            // reads like one of this table's is no row of it.
            self.lost.push(
                Said::noted(Noted::RowFiguresMisfit)
                    .hole("table", template.in_words())
                    .text("label", &label)
                    .text("n", &figures.len())
                    .text("figures", &texts.join(" "))
                    .text("columns", &columns),
            );
        }
    }
}

/// Every row header of a forest, leaves and the rows above them.
fn row_headers(forest: &[Header]) -> Vec<&Header> {
    let mut out = Vec::new();
    let mut todo: Vec<&Header> = forest.iter().rev().collect();
    while let Some(h) = todo.pop() {
        out.push(h);
        todo.extend(h.children.iter().rev());
    }
    out
}

/// The label the pieces before a row's figures make: the last piece, else the last two or three
/// joined (a label broken over lines), matched to a row of the template as a whole. The row's
/// block, its label as printed and the line it starts on.
fn row_label(
    pending: &[&Token],
    candidates: &[(usize, String, String)],
) -> Option<(usize, String, usize)> {
    let pairs: Vec<(String, String)> = candidates
        .iter()
        .map(|(_, k, l)| (k.clone(), l.clone()))
        .collect();
    (1..=LABEL_PIECES.min(pending.len())).find_map(|n| {
        let pieces = &pending[pending.len() - n..];
        let label: String = pieces.iter().map(|t| t.text.as_str()).collect();
        let key = match match_label(&label, &pairs)? {
            LabelMatch::Exact(k) | LabelMatch::Qualified(k, _, _) => k,
            // A typo in a long label; never a fragment ("计" is no 总计).
            LabelMatch::Closest(k, _) if n == 1 && label.chars().count() >= 4 => k,
            LabelMatch::Closest(..) => return None,
        };
        let group = candidates.iter().find(|(_, k, _)| *k == key)?.0;
        Some((group, label, pieces[0].line))
    })
}

/// 表四's one row: as many figures in a row as its columns, after the words that identify it.
fn one_row(template: TemplateId, groups: &[TableGroup], tokens: &[Token]) -> Option<Row> {
    let columns: usize = groups.iter().map(|g| leaves(&g.columns).len()).sum();
    let words = template.template().identified_by();
    let mut i = 0;
    while i < tokens.len() {
        let run = tokens[i..].iter().take_while(|t| figure(&t.text)).count();
        if run == 0 {
            i += 1;
            continue;
        }
        // Header cells printed a character per line (结/果/维/持) make many pieces.
        let before: String = tokens[i.saturating_sub(200)..i]
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        // Header cells wrapped over lines break words apart ("结果" / "维持"): all but one of
        // the identifying words, with exactly as many figures as the table has columns.
        let identified = words.iter().any(|set| {
            let found = set.iter().filter(|w| before.contains(*w)).count();
            found == set.len() || (set.len() > 1 && found + 1 >= set.len())
        });
        if run == columns && identified {
            return Some(Row {
                group: 0,
                label: String::new(),
                figures: tokens[i..i + run].iter().map(|t| t.text.clone()).collect(),
                lines: (tokens[i].line, tokens[i + run - 1].line),
            });
        }
        i += run;
    }
    None
}

/// Where a table's region starts: its first row, or the header lines just above it (column and
/// group labels, 信息内容, the form's corner note), which the rebuilt table prints itself.
fn header_start(lines: &[String], first: usize, template: TemplateId) -> usize {
    let words: Vec<String> = template.groups().iter().flat_map(header_words).collect();
    let is_header = |l: &str| {
        let l = l.trim();
        l.is_empty()
            || l.contains("勾稽关系")
            || l.split('\t')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .all(|t| {
                    words
                        .iter()
                        .any(|w| crate::model::names::normalize_label(t) == *w)
                })
    };
    let mut start = first;
    while start > 0 && is_header(&lines[start - 1]) {
        start -= 1;
    }
    // Blank lines at the top stay where they were.
    while start < first && lines[start].trim().is_empty() {
        start += 1;
    }
    start
}

/// Every label of a block's headers, normalised: columns at every level, the block's heading and
/// corner, and the applicant groups' words the forms print.
fn header_words(g: &TableGroup) -> Vec<String> {
    fn walk(h: &Header, out: &mut Vec<String>) {
        out.push(crate::model::names::normalize_label(&h.label));
        for c in &h.children {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for h in &g.columns {
        walk(h, &mut out);
    }
    for h in &g.rows {
        if !h.children.is_empty() {
            out.push(crate::model::names::normalize_label(&h.label));
        }
    }
    out.extend(
        [g.heading.as_deref(), g.corner.as_deref()]
            .into_iter()
            .flatten()
            .map(crate::model::names::normalize_label),
    );
    out.extend(
        ["信息内容", "申请人情况", "法人或其他组织", "本年度办理结果"]
            .iter()
            .map(|w| crate::model::names::normalize_label(w)),
    );
    out
}

/// The rows laid out as the table prints on a page: each block's heading, the template's column
/// headers (every level, spans and all), then the rows, each its printed label and its figures.
fn grid(template: TemplateId, rows: &[Row]) -> Grid {
    let groups = template.groups();
    let mut out: Vec<Vec<(String, usize, usize)>> = Vec::new();
    let blocks: Vec<usize> = {
        let mut b: Vec<usize> = rows.iter().map(|r| r.group).collect();
        b.dedup();
        b
    };
    for g in blocks {
        let group = &groups[g];
        let width = leaves(&group.columns).len();
        if let Some(h) = &group.heading {
            out.push(vec![(h.clone(), 1, width + 1)]);
        }
        let mut header = column_rows(&group.columns);
        let corner = group.corner.clone().unwrap_or_default();
        if let Some(first) = header.first_mut() {
            first.insert(0, (corner, depth(&group.columns).max(1), 1));
        }
        out.extend(header);
        for r in rows.iter().filter(|r| r.group == g) {
            let mut cells = vec![(r.label.clone(), 1, 1)];
            cells.extend(r.figures.iter().map(|f| (f.clone(), 1, 1)));
            out.push(cells);
        }
    }
    Grid::from_spans(out)
}

/// The column headers as rows of (label, rowspan, colspan): a header spans its leaves; a leaf
/// above the deepest level spans down to it.
fn column_rows(forest: &[Header]) -> Vec<Vec<(String, usize, usize)>> {
    fn walk(h: &Header, level: usize, total: usize, out: &mut Vec<Vec<(String, usize, usize)>>) {
        let span = leaves(std::slice::from_ref(h)).len();
        let rowspan = if h.children.is_empty() {
            total - level
        } else {
            1
        };
        out[level].push((h.label.clone(), rowspan, span));
        for c in &h.children {
            walk(c, level + 1, total, out);
        }
    }
    let total = depth(forest).max(1);
    let mut out = vec![Vec::new(); total];
    for h in forest {
        walk(h, 0, total, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Item> {
        text.lines().map(|l| Item::Line(l.to_string())).collect()
    }

    fn table(items: &[Item]) -> &Grid {
        items
            .iter()
            .find_map(|i| match i {
                Item::Table(g) => Some(g),
                _ => None,
            })
            .expect("a table")
    }

    #[test]
    fn table_four_one_cell_per_line_is_rebuilt_and_read_by_its_template() {
        let mut text = String::from("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉\n复议后起诉\n");
        for f in 1..=15 {
            text.push_str(&format!("{f}\n"));
        }
        text.push_str("五、存在的主要问题及改进情况\n");
        let mut notes = Vec::new();
        let items = rebuild(lines(&text), Some(2021), &mut notes);
        let g = table(&items);
        assert_eq!(g.official(), Some(4));
        let r = crate::import::tables::recognise(g.clone(), "table-4", Some(2021));
        assert_eq!(r.block.values["review"]["upheld"].text, "1");
        assert_eq!(r.block.values["direct_suit"]["total"].text, "10");
        assert_eq!(r.block.values["suit_after_review"]["total"].text, "15");
        // The part headings stay text.
        assert!(matches!(&items[0], Item::Line(l) if l.starts_with("四、")));
        assert!(matches!(items.last(), Some(Item::Line(l)) if l.starts_with("五、")));
    }

    #[test]
    fn a_row_with_the_wrong_number_of_figures_is_not_guessed() {
        let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n总计\n一、本年新收政府信息公开申请数量\n5\n0\n0\n0\n0\n0\n5\n二、上年结转政府信息公开申请数量\n1\n1\n";
        let mut notes = Vec::new();
        let items = rebuild(lines(text), Some(2021), &mut notes);
        let r = crate::import::tables::recognise(table(&items).clone(), "table-3", Some(2021));
        assert_eq!(r.block.values["new_requests"]["total"].text, "5");
        assert!(!r.block.values.contains_key("carried_over"));
        assert!(
            notes
                .iter()
                .map(|n| crate::labels::ZH.said(n))
                .any(|n| n.contains("后有 2 个数字") && n.contains("应为 7 个")),
            "{notes:?}"
        );
    }
}
