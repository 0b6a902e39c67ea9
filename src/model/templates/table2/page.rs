//! 表二 on a published page: blocks headed 第二十条第（N）项, each with its column header row
//! (信息内容 …) and rows matched by label.

use crate::labels::findings::Said;
use crate::labels::notes::Noted;
use crate::model::grid::Grid;
use crate::model::names::{match_label, normalize_label};
use crate::model::templates::page::{
    about_row, candidates, empty_block, has, matched, pair_cells, set, Recognised,
};
use crate::model::{TableGroup, TemplateId};
use std::collections::BTreeMap;

/// Which format a 表二 is in: by the column names only one format prints, else the report's.
fn table2_format(grid: &Grid, format_year: Option<u16>) -> TemplateId {
    let is2021 =
        if has(grid, "本年制发件数") || has(grid, "现行有效件数") || has(grid, "本年收费金额")
        {
            true
        } else if has(grid, "本年新制作数量") || has(grid, "上一年项目数量") {
            false
        } else {
            format_year == Some(2021)
        };
    if is2021 {
        super::V2021
    } else {
        super::V2019
    }
}

/// A block's column header row of 表二 (信息内容 …): grid column → column key.
fn table2_columns(
    grid: &Grid,
    r: usize,
    group: &TableGroup,
    notes: &mut Vec<Said>,
) -> BTreeMap<usize, String> {
    let cands = candidates(&group.columns);
    let mut columns = BTreeMap::new();
    for c in 1..grid.width() {
        let t = grid.text(r, c);
        if let Some(m) = match_label(t, &cands) {
            let key = matched(m, t, notes);
            if !columns.values().any(|k| *k == key) {
                columns.insert(c, key);
            }
        }
    }
    columns
}

pub(super) fn read(grid: &Grid, id: &str, format_year: Option<u16>) -> Recognised {
    let mut notes = Vec::new();
    let mut unplaced = Vec::new();
    let template = table2_format(grid, format_year);
    let groups = template.groups();
    let mut block = empty_block(id, template);
    let mut current: Option<usize> = None;
    let mut columns: BTreeMap<usize, String> = BTreeMap::new();
    let mut r = 0;
    while r < grid.rows.len() {
        let texts = grid.row_texts(r);
        let joined = normalize_label(&texts.join(""));
        if joined.contains("第二十条第") {
            current = groups.iter().position(|g| {
                g.heading
                    .as_deref()
                    .is_some_and(|h| joined.contains(&normalize_label(h)))
            });
            if current.is_none() {
                let printed = texts.join("");
                notes.push(about_row(Noted::NotOfFormat, template, &printed));
            }
            columns.clear();
            r += 1;
            continue;
        }
        let Some(g) = current else {
            r += 1;
            continue;
        };
        let group = &groups[g];
        if normalize_label(texts.first().copied().unwrap_or("")).contains("信息内容") {
            columns = table2_columns(grid, r, group, &mut notes);
            r += 1;
            continue;
        }
        let label = grid.text(r, 0);
        match match_label(label, &candidates(&group.rows)) {
            Some(m) => {
                let key = matched(m, label, &mut notes);
                let what = about_row(Noted::RowOf, template, label);
                for (col, c) in pair_cells(grid, r, &columns, &mut notes, what) {
                    set(&mut block, (&key, &col), grid.text(r, c), &mut notes);
                }
            }
            None => {
                notes.push(about_row(Noted::RowNotPut, template, label));
                unplaced.push(texts.join("　"));
            }
        }
        r += 1;
    }
    Recognised {
        block,
        notes,
        unplaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TableBlock;

    fn value(block: &TableBlock, row: &str, col: &str) -> String {
        block.values[row][col].text.clone()
    }

    #[test]
    fn a_data_cell_spanning_two_grid_columns_keeps_its_place_in_the_printed_order() {
        // As on a real page: 上一年项目数量 spans one column and 本年增/减 two in the header, while
        // the row's first figure spans two and the change one.
        let g = Grid::of(&[
            &[("第二十条第（八）项", 1, 4)],
            &[
                ("信息内容", 1, 1),
                ("上一年项目数量", 1, 1),
                ("本年增/减", 1, 2),
            ],
            &[("行政事业性收费", 1, 1), ("35", 1, 2), ("-3", 1, 1)],
        ]);
        let r = read(&g, "table-2", Some(2019));
        assert_eq!(value(&r.block, "fees", "last_year_items"), "35");
        assert_eq!(value(&r.block, "fees", "change"), "-3");
    }
}
