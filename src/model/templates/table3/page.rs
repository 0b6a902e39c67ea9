//! 表三 on a published page: its data rows from 本年新收 on, matched by label; the format by
//! whether （六）其他处理 is printed with its sub-rows.

use crate::labels::findings::Said;
use crate::labels::notes::Noted;
use crate::model::grid::Grid;
use crate::model::names::{match_label, normalize_label};
use crate::model::templates::page::{
    about_row, candidates, empty_block, map_columns, matched, pair_cells, row_label, set,
    Recognised,
};

pub(super) fn read(grid: &Grid, id: &str, format_year: Option<u16>) -> Recognised {
    let mut notes = Vec::new();
    let mut unplaced = Vec::new();
    let t2021 = super::V2021.groups().remove(0);
    let mut row_cands = candidates(&t2021.rows);
    row_cands.push(("other_handling".into(), "（六）其他处理".into()));
    let col_cands = candidates(&t2021.columns);
    let first_data = (0..grid.rows.len())
        .find(|&r| {
            grid.row_texts(r)
                .iter()
                .any(|t| normalize_label(t).contains("本年新收"))
        })
        .unwrap_or(grid.rows.len().min(3));
    let columns = map_columns(grid, first_data, &col_cands, &mut notes);
    let label_cols = columns.keys().next().copied().unwrap_or(1);
    let mut rows: Vec<(usize, String)> = Vec::new();
    for r in first_data..grid.rows.len() {
        let label = row_label(grid, r, label_cols);
        match match_label(&label, &row_cands) {
            Some(m) => rows.push((r, matched(m, &label, &mut notes))),
            None => {
                notes.push(about_row(Noted::RowNotPlaced, super::V2021, &label));
                unplaced.push(grid.row_texts(r).join("　"));
            }
        }
    }
    let subitems = rows
        .iter()
        .any(|(_, k)| k.starts_with("other_") && k != "other_handling");
    let single = rows.iter().any(|(_, k)| k == "other_handling");
    let template = if subitems {
        super::V2021
    } else {
        if format_year == Some(2021) && single {
            notes.push(Said::worded(
                "表三的“（六）其他处理”印为一行（2019年试行格式的版式），按该版式导入".into(),
                "Table 3's “（六）其他处理” is printed as one row (the layout of the 2019 trial format): imported in that format".into(),
            ));
        }
        super::V2019
    };
    let mut block = empty_block(id, template);
    for (r, key) in &rows {
        let label = row_label(grid, *r, label_cols);
        let what = about_row(Noted::RowOf, template, &label);
        for (col, c) in pair_cells(grid, *r, &columns, &mut notes, what) {
            set(&mut block, (key, &col), grid.text(*r, c), &mut notes);
        }
    }
    Recognised {
        block,
        notes,
        unplaced,
    }
}
