//! What a template's page reader works with: the printed table as a grid ([`Grid`]) and the
//! steps every reader takes — match a printed label to the template's keys (a loose match is
//! noted), pair a row's figures with the columns, put a figure in its cell as printed. A template
//! that gives no reader of its own is read by [`keyed_rows`]: its row labels down the side, its
//! column labels above.

use crate::labels::findings::Said;
use crate::labels::notes::Noted;
use crate::model::grid::Grid;
use crate::model::names::{match_label, normalize_label, LabelMatch};
use crate::model::table::leaves;
use crate::model::{Cell, CellValue, Header, TableBlock, TableGroup, TemplateId};
use std::collections::BTreeMap;

/// A recognised (or generic) table and what could not be placed.
pub struct Recognised {
    /// The table block.
    pub block: TableBlock,
    /// Notes for the importer's report: loose label matches, unplaced rows (a figure not placed
    /// is also listed with the table).
    pub notes: Vec<Said>,
    /// Rows that could not be placed, as text, kept as plain paragraphs after the table.
    pub unplaced: Vec<String>,
}

/// True when some cell of the grid holds the label (compared normalised).
pub(crate) fn has(grid: &Grid, needle: &str) -> bool {
    let n = normalize_label(needle);
    grid.rows
        .iter()
        .flatten()
        .flatten()
        .any(|c| normalize_label(grid.cell_text(c)).contains(&n))
}

/// Every leaf of a header forest as (key, label).
pub(crate) fn candidates(forest: &[Header]) -> Vec<(String, String)> {
    leaves(forest)
        .iter()
        .filter_map(|p| {
            let leaf = p.last()?;
            Some((leaf.key.clone()?, leaf.label.clone()))
        })
        .collect()
}

/// The key of a match; a loose match is noted.
pub(crate) fn matched(m: LabelMatch, given: &str, notes: &mut Vec<Said>) -> String {
    match m {
        LabelMatch::Exact(k) => k,
        LabelMatch::Qualified(k, official, set_aside) => {
            notes.push(
                Said::noted(Noted::Qualified)
                    .text("given", &given)
                    .text("official", &official)
                    .text("aside", &set_aside),
            );
            k
        }
        LabelMatch::Closest(k, official) => {
            notes.push(
                Said::noted(Noted::Closest)
                    .text("given", &given)
                    .text("official", &official),
            );
            k
        }
    }
}

/// True for a figure, a blank or a placeholder (what a data cell holds).
pub(crate) fn is_figure(text: &str) -> bool {
    let c = Cell::from_text(text);
    matches!(
        c.value,
        CellValue::Number(_) | CellValue::Blank | CellValue::NotApplicable
    )
}

/// An official table with no figures yet.
pub fn empty_block(id: &str, template: TemplateId) -> TableBlock {
    TableBlock {
        id: id.to_string(),
        template: Some(template),
        values: BTreeMap::new(),
        caption: None,
        unit: None,
        body: TableGroup {
            heading: None,
            corner: None,
            columns: Vec::new(),
            rows: Vec::new(),
            cells: Vec::new(),
        },
        groups: Vec::new(),
        notes: Vec::new(),
    }
}

/// True for a data cell's printed text: a figure, a blank mark or a placeholder, never empty.
pub(crate) fn holds_figure(text: &str) -> bool {
    !text.is_empty() && is_figure(text)
}

/// Puts a printed figure in its cell; a cell already holding another row's or column's figure
/// keeps it, and the figure that found it taken is noted (and listed below the table: two
/// printed labels that mean the same cell, neither dropped silently).
pub(crate) fn set(
    block: &mut TableBlock,
    (row, col): (&str, &str),
    text: &str,
    notes: &mut Vec<Said>,
) {
    let row_cells = block.values.entry(row.to_string()).or_default();
    match row_cells.get(col) {
        None => {
            row_cells.insert(col.to_string(), Cell::from_text(text));
        }
        Some(held) if held.text == text => {}
        Some(held) => {
            notes.push(
                Said::noted(Noted::SameCell)
                    .text("row", &row)
                    .text("column", &col)
                    .text("first", &held.text)
                    .text("second", &text),
            );
        }
    }
}

/// The grid columns where the distinct cells of row `r` start, from column `from` on (a cell
/// spanning several columns counts once).
pub(crate) fn cell_starts(grid: &Grid, r: usize, from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last = None;
    for c in from..grid.width() {
        let o = grid.origin(r, c);
        if o.is_some() && o != last {
            out.push(c);
        }
        last = o;
    }
    out
}

/// A note about a row of a table (`{table}`, `{label}`): the row itself ([`Noted::RowOf`]), a
/// row not placed.
pub(crate) fn about_row(noted: Noted, table: TemplateId, label: &str) -> Said {
    Said::noted(noted)
        .hole("table", table.in_words())
        .text("label", &label)
}

/// Pairs a data row's cells with the columns: the k-th distinct data cell with the k-th column
/// when the counts agree (Word tables often span a data cell over two grid columns where the
/// header spans two others, so grid positions disagree while the printed order is plain);
/// otherwise by grid column, with a note.
pub(crate) fn pair_cells(
    grid: &Grid,
    r: usize,
    columns: &BTreeMap<usize, String>,
    notes: &mut Vec<Said>,
    what: Said,
) -> Vec<(String, usize)> {
    let Some(&first) = columns.keys().next() else {
        return Vec::new();
    };
    let starts = cell_starts(grid, r, first);
    if starts.len() == columns.len() {
        return columns.values().cloned().zip(starts).collect();
    }
    notes.push(
        Said::noted(Noted::CellsByColumn)
            .said("what", what)
            .text("cells", &starts.len())
            .text("columns", &columns.len()),
    );
    columns.iter().map(|(c, k)| (k.clone(), *c)).collect()
}

/// The label of a data row: the rightmost distinct text among the label columns.
pub(crate) fn row_label(grid: &Grid, r: usize, label_cols: usize) -> String {
    let mut label = "";
    let mut last = None;
    for c in 0..label_cols.max(1) {
        let o = grid.origin(r, c);
        if o.is_some() && o != last && !grid.text(r, c).is_empty() {
            label = grid.text(r, c);
        }
        last = o;
    }
    label.to_string()
}

/// Maps grid columns to column keys from the header rows above `first_data`.
pub(crate) fn map_columns(
    grid: &Grid,
    first_data: usize,
    cands: &[(String, String)],
    notes: &mut Vec<Said>,
) -> BTreeMap<usize, String> {
    let mut out: BTreeMap<usize, String> = BTreeMap::new();
    let mut origins: BTreeMap<String, Option<(usize, usize)>> = BTreeMap::new();
    for c in 0..grid.width() {
        // The lowest header text in this column that names a column.
        for r in (0..first_data).rev() {
            let text = grid.text(r, c);
            if text.is_empty() {
                continue;
            }
            if let Some(m) = match_label(text, cands) {
                let key = matched(m, text, notes);
                match origins.get(&key) {
                    None => {
                        origins.insert(key.clone(), grid.origin(r, c));
                        out.insert(c, key);
                    }
                    // The same header cell spanning two grid columns.
                    Some(o) if *o == grid.origin(r, c) => {}
                    Some(_) => notes.push(competing(grid, (r, c), first_data, &key)),
                }
                break;
            }
        }
    }
    out
}

/// The note for a header that names a column another header already named: its figures, which
/// are not placed.
fn competing(grid: &Grid, (r, c): (usize, usize), first_data: usize, key: &str) -> Said {
    let figures: Vec<String> = (first_data..grid.rows.len())
        .map(|row| grid.text(row, c).to_string())
        .filter(|t| !t.is_empty())
        .collect();
    Said::noted(Noted::SameColumn)
        .text("header", &grid.text(r, c))
        .text("key", &key)
        .text("figures", &figures.join("、"))
}

/// The reader of a template that gives none of its own: data rows from the first row whose label
/// is one of the template's row labels, columns named by the header rows above it, the row label
/// the rightmost text left of the first column. Rows whose label is no row of the template are
/// kept as text after the table, with a note.
pub fn keyed_rows(template: TemplateId, grid: &Grid, id: &str) -> Recognised {
    let mut notes = Vec::new();
    let mut unplaced = Vec::new();
    let groups = template.groups();
    let (row_cands, col_cands) = match groups.first() {
        Some(g) => (candidates(&g.rows), candidates(&g.columns)),
        None => (Vec::new(), Vec::new()),
    };
    let first_data = (0..grid.rows.len())
        .find(|&r| {
            grid.row_texts(r)
                .iter()
                .any(|t| match_label(t, &row_cands).is_some())
        })
        .unwrap_or(grid.rows.len());
    let columns = map_columns(grid, first_data, &col_cands, &mut notes);
    let label_cols = columns.keys().next().copied().unwrap_or(1);
    let mut block = empty_block(id, template);
    for r in first_data..grid.rows.len() {
        let label = row_label(grid, r, label_cols);
        let Some(m) = match_label(&label, &row_cands) else {
            notes.push(about_row(Noted::RowNotPlaced, template, &label));
            unplaced.push(grid.row_texts(r).join("　"));
            continue;
        };
        let key = matched(m, &label, &mut notes);
        let what = about_row(Noted::RowOf, template, &label);
        for (col, c) in pair_cells(grid, r, &columns, &mut notes, what) {
            set(&mut block, (&key, &col), grid.text(r, c), &mut notes);
        }
    }
    Recognised {
        block,
        notes,
        unplaced,
    }
}
