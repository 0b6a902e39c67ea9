//! Recognises the official tables 二, 三 and 四 (both formats) in an expanded grid by their labels,
//! and maps their cells to template keys, keeping each cell's printed text. Any other table is
//! kept as a generic table.

use super::grid::Grid;
use crate::model::names::{match_label, normalize_label, LabelMatch};
use crate::model::table::leaves;
use crate::model::templates::{table2, table3, table4, TemplateId};
use crate::model::{Cell, CellValue, Header, TableBlock, TableGroup};
use std::collections::BTreeMap;

/// A recognised (or generic) table and what could not be placed.
pub struct Recognised {
    /// The table block.
    pub block: TableBlock,
    /// Notes for the importer's report: loose label matches, unplaced rows.
    pub notes: Vec<String>,
    /// Rows that could not be placed, as text, kept as plain paragraphs after the table.
    pub unplaced: Vec<String>,
}

/// True when some cell of the grid holds the label (compared normalised).
fn has(grid: &Grid, needle: &str) -> bool {
    let n = normalize_label(needle);
    grid.rows
        .iter()
        .flatten()
        .flatten()
        .any(|c| normalize_label(&c.text).contains(&n))
}

/// Which official table a grid is, if any (asked through [`Grid::official`], which keeps the answer).
pub(super) fn which(grid: &Grid) -> Option<u8> {
    // What identifies each registered table (the words its template gives), in registry order.
    let needles: Vec<&str> = TemplateId::all()
        .iter()
        .flat_map(|t| t.template().identified_by().iter())
        .flat_map(|set| set.iter().copied())
        .collect();
    // Every cell that could hold a needle normalised once (a 500,000-row table is read once, not
    // once per needle); normalising keeps Chinese characters, so a cell without the first
    // character of any needle cannot hold one.
    let firsts: Vec<char> = needles.iter().filter_map(|n| n.chars().next()).collect();
    let cells: Vec<String> = grid
        .rows
        .iter()
        .flatten()
        .flatten()
        .filter(|c| c.text.contains(&firsts[..]))
        .map(|c| normalize_label(&c.text))
        .collect();
    let has = |needle: &str| {
        let n = normalize_label(needle);
        cells.iter().any(|c| c.contains(&n))
    };
    TemplateId::all().iter().find_map(|t| {
        let sets = t.template().identified_by();
        sets.iter()
            .any(|set| set.iter().all(|w| has(w)))
            .then(|| t.table_number())
    })
}

/// Recognises a grid (see [`Grid::official`]). `format_year` is the report's format when known
/// (2019 or 2021). A generic table's grid is released row by row as its cells are made, so a huge
/// table is never in memory twice.
pub fn recognise(mut grid: Grid, id: &str, format_year: Option<u16>) -> Recognised {
    let grid = &mut grid;
    let mut r = match grid.official() {
        Some(2) => table2(grid, id, format_year),
        Some(3) => table3(grid, id, format_year),
        Some(4) => table4(grid, id, format_year),
        _ => generic(grid, id),
    };
    if let Some(t) = r.block.template {
        let placed: usize = r.block.values.values().map(|row| row.len()).sum();
        let figures = (0..grid.rows.len())
            .flat_map(|row| grid.row_texts(row))
            .filter(|t| !t.is_empty() && is_figure(t))
            .count();
        if placed == 0 && figures > 0 {
            r.notes.push(format!(
                "{}的 {figures} 个数字一个也未能放入表格（表头或行名无法对应，常见于错位的合并单元格）：数字保留在表格后的段落中",
                t.label()
            ));
            for row in 0..grid.rows.len() {
                let texts = grid.row_texts(row);
                if texts.iter().any(|t| !t.is_empty() && is_figure(t)) {
                    let line = texts.join("　");
                    if !r.unplaced.contains(&line) {
                        r.unplaced.push(line);
                    }
                }
            }
        }
    }
    r
}

fn candidates(forest: &[Header]) -> Vec<(String, String)> {
    leaves(forest)
        .iter()
        .filter_map(|p| {
            let leaf = p.last()?;
            Some((leaf.key.clone()?, leaf.label.clone()))
        })
        .collect()
}

fn matched(m: LabelMatch, given: &str, notes: &mut Vec<String>) -> String {
    match m {
        LabelMatch::Exact(k) => k,
        LabelMatch::Closest(k, official) => {
            notes.push(format!(
                "名称“{given}”与官方名称不完全一致，已按“{official}”处理"
            ));
            k
        }
    }
}

fn is_figure(text: &str) -> bool {
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

fn set(block: &mut TableBlock, row: &str, col: &str, text: &str) {
    block
        .values
        .entry(row.to_string())
        .or_default()
        .insert(col.to_string(), Cell::from_text(text));
}

/// The grid columns where the distinct cells of row `r` start, from column `from` on (a cell
/// spanning several columns counts once).
fn cell_starts(grid: &Grid, r: usize, from: usize) -> Vec<usize> {
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

/// Pairs a data row's cells with the columns: the k-th distinct data cell with the k-th column
/// when the counts agree (Word tables often span a data cell over two grid columns where the
/// header spans two others, so grid positions disagree while the printed order is plain);
/// otherwise by grid column, with a note.
fn pair_cells(
    grid: &Grid,
    r: usize,
    columns: &BTreeMap<usize, String>,
    notes: &mut Vec<String>,
    what: &str,
) -> Vec<(String, usize)> {
    let Some(&first) = columns.keys().next() else {
        return Vec::new();
    };
    let starts = cell_starts(grid, r, first);
    if starts.len() == columns.len() {
        return columns.values().cloned().zip(starts).collect();
    }
    notes.push(format!(
        "{what}有 {} 个数据单元格，表头有 {} 栏：按所在列对应",
        starts.len(),
        columns.len()
    ));
    columns.iter().map(|(c, k)| (k.clone(), *c)).collect()
}

/// The label of a data row: the rightmost distinct text among the label columns.
fn row_label(grid: &Grid, r: usize, label_cols: usize) -> String {
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
fn map_columns(
    grid: &Grid,
    first_data: usize,
    cands: &[(String, String)],
    notes: &mut Vec<String>,
) -> BTreeMap<usize, String> {
    let mut out = BTreeMap::new();
    for c in 0..grid.width() {
        // The lowest header text in this column that names a column.
        for r in (0..first_data).rev() {
            let text = grid.text(r, c);
            if text.is_empty() {
                continue;
            }
            if let Some(m) = match_label(text, cands) {
                let key = matched(m, text, notes);
                if !out.values().any(|k| *k == key) {
                    out.insert(c, key);
                }
                break;
            }
        }
    }
    out
}

fn table3(grid: &Grid, id: &str, format_year: Option<u16>) -> Recognised {
    let mut notes = Vec::new();
    let mut unplaced = Vec::new();
    let t2021 = table3::V2021.groups().remove(0);
    let t2019 = table3::V2019.groups().remove(0);
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
                notes.push(format!("表三中的行“{label}”不是官方栏目，未能放入表格"));
                unplaced.push(grid.row_texts(r).join("　"));
            }
        }
    }
    let subitems = rows
        .iter()
        .any(|(_, k)| k.starts_with("other_") && k != "other_handling");
    let single = rows.iter().any(|(_, k)| k == "other_handling");
    let template = if subitems {
        table3::V2021
    } else {
        if format_year == Some(2021) && single {
            notes.push(
                "表三的“（六）其他处理”印为一行（2019年试行格式的版式），按该版式导入".into(),
            );
        }
        table3::V2019
    };
    let _ = t2019;
    let mut block = empty_block(id, template);
    for (r, key) in &rows {
        let what = format!("表三的行“{}”", row_label(grid, *r, label_cols));
        for (col, c) in pair_cells(grid, *r, &columns, &mut notes, &what) {
            set(&mut block, key, &col, grid.text(*r, c));
        }
    }
    Recognised {
        block,
        notes,
        unplaced,
    }
}

/// The group of 表四 a column belongs to, by the headers above it.
fn table4_group(path: &[String]) -> Option<&'static str> {
    let has = |w: &str| path.iter().any(|t| t.contains(w));
    if has("未经复议") {
        Some("direct_suit")
    } else if has("复议后起诉") {
        Some("suit_after_review")
    } else if has("行政复议") {
        Some("review")
    } else {
        None
    }
}

fn table4(grid: &Grid, id: &str, format_year: Option<u16>) -> Recognised {
    let mut notes = Vec::new();
    let first_data = (0..grid.rows.len())
        .find(|&r| {
            let texts = grid.row_texts(r);
            texts.len() >= 5 && texts.iter().filter(|t| is_figure(t)).count() >= 5
        })
        .unwrap_or(grid.rows.len().saturating_sub(1));
    let leaves_cands: Vec<(String, String)> = [
        ("upheld", "结果维持"),
        ("corrected", "结果纠正"),
        ("other", "其他结果"),
        ("pending", "尚未审结"),
        ("total", "总计"),
    ]
    .iter()
    .map(|(k, l)| (k.to_string(), l.to_string()))
    .collect();
    // Both formats print 表四 alike: the report's format decides the template.
    let template = if format_year == Some(2019) {
        table4::V2019
    } else {
        table4::V2021
    };
    let mut block = empty_block(id, template);
    let mut placed = 0;
    for c in 0..grid.width() {
        let path: Vec<String> = (0..first_data)
            .map(|r| normalize_label(grid.text(r, c)))
            .collect();
        let Some(group) = table4_group(&path) else {
            continue;
        };
        let Some(leaf_text) = (0..first_data)
            .rev()
            .map(|r| grid.text(r, c))
            .find(|t| !t.is_empty())
        else {
            continue;
        };
        let Some(m) = match_label(leaf_text, &leaves_cands) else {
            continue;
        };
        let leaf = matched(m, leaf_text, &mut notes);
        set(&mut block, group, &leaf, grid.text(first_data, c));
        placed += 1;
    }
    if placed != 15 {
        notes.push(format!("表四应有15个数据单元格，找到 {placed} 个"));
    }
    Recognised {
        block,
        notes,
        unplaced: Vec::new(),
    }
}

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
        table2::V2021
    } else {
        table2::V2019
    }
}

/// A block's column header row of 表二 (信息内容 …): grid column → column key.
fn table2_columns(
    grid: &Grid,
    r: usize,
    group: &TableGroup,
    notes: &mut Vec<String>,
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

fn table2(grid: &Grid, id: &str, format_year: Option<u16>) -> Recognised {
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
                notes.push(format!("表二中的“{}”不是本格式的栏目", texts.join("")));
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
                let what = format!("表二的行“{label}”");
                for (col, c) in pair_cells(grid, r, &columns, &mut notes, &what) {
                    set(&mut block, &key, &col, grid.text(r, c));
                }
            }
            None => {
                notes.push(format!("表二中的行“{label}”未能放入表格"));
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

/// Any other table: the first row gives the column headers (cells spanning columns become a header
/// over the columns of the next row when that row is a header row too), a first column of text
/// gives row headers, the rest are cells.
fn generic(grid: &mut Grid, id: &str) -> Recognised {
    let width = grid.width();
    let header_rows = generic_header_rows(grid);
    let row_headers = (header_rows..grid.rows.len()).all(|r| !is_figure(grid.text(r, 0)));
    let first_col = usize::from(row_headers);
    let columns = generic_columns(grid, header_rows, first_col);
    let leaves_count = leaves(&columns).len();
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut notes = vec![format!("表格 {id} 不是官方统计表，按普通表格导入")];
    let mut unplaced = Vec::new();
    for r in header_rows..grid.rows.len() {
        if row_headers {
            rows.push(Header::leaf(grid.text(r, 0), None));
        }
        let mut row: Vec<Cell> = (first_col..width)
            .map(|c| Cell::from_text(grid.text(r, c)))
            .collect();
        let beyond: Vec<String> = row
            .iter()
            .skip(leaves_count)
            .filter(|c| !c.text.is_empty())
            .map(|c| c.text.clone())
            .collect();
        if !beyond.is_empty() {
            notes.push(format!(
                "表格 {id} 第 {} 行有 {} 个单元格超出表头的列，保留在表格后的段落中：{}",
                r + 1,
                beyond.len(),
                beyond.join("　")
            ));
            unplaced.push(grid.row_texts(r).join("　"));
        }
        row.resize(leaves_count, Cell::not_provided());
        cells.push(row);
        if r > 0 {
            // Read for the last time (row 0 still gives the width and the corner).
            grid.rows[r] = Vec::new();
        }
    }
    let corner = (row_headers && !grid.text(0, 0).is_empty()).then(|| grid.text(0, 0).to_string());
    let mut block = empty_block(id, table2::V2021);
    block.template = None;
    block.caption = Some("其他表格".into());
    block.body = TableGroup {
        heading: None,
        corner,
        columns,
        rows,
        cells,
    };
    Recognised {
        block,
        notes,
        unplaced,
    }
}

/// Two header rows when the first has a cell spanning columns and the second holds no figures;
/// else one.
fn generic_header_rows(grid: &Grid) -> usize {
    let width = grid.width();
    let spans_columns = (1..width)
        .any(|c| grid.origin(0, c).is_some() && grid.origin(0, c) == grid.origin(0, c - 1));
    let second_is_header = grid.rows.len() > 2
        && (0..width).all(|c| grid.text(1, c).is_empty() || !is_figure(grid.text(1, c)));
    let rows = if spans_columns && second_is_header {
        2
    } else {
        1
    };
    rows.min(grid.rows.len())
}

/// Column header trees from the header rows.
fn generic_columns(grid: &Grid, header_rows: usize, first_col: usize) -> Vec<Header> {
    let width = grid.width();
    let mut columns: Vec<Header> = Vec::new();
    let mut c = first_col;
    while c < width {
        let top = grid.text(0, c).to_string();
        let origin = grid.origin(0, c);
        let mut end = c + 1;
        while end < width && grid.origin(0, end) == origin {
            end += 1;
        }
        if header_rows == 2 && (end - c > 1 || grid.origin(1, c) != origin) {
            let children: Vec<Header> = (c..end)
                .filter(|&cc| cc == c || grid.origin(1, cc) != grid.origin(1, cc - 1))
                .map(|cc| Header::leaf(grid.text(1, cc), None))
                .collect();
            if end - c == 1 {
                columns.push(Header::leaf(top, None));
            } else {
                columns.push(Header::group(top, children));
            }
        } else {
            for _ in c..end {
                columns.push(Header::leaf(top.clone(), None));
            }
        }
        c = end;
    }
    columns
}

impl Grid {
    /// Which official table (2, 3 or 4) this is, if any: worked out once (it reads every cell).
    pub fn official(&self) -> Option<u8> {
        *self.official.get_or_init(|| which(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[(&str, usize, usize)]]) -> Grid {
        Grid::from_spans(
            rows.iter()
                .map(|r| {
                    r.iter()
                        .map(|(t, rs, cs)| (t.to_string(), *rs, *cs))
                        .collect()
                })
                .collect(),
        )
    }

    fn value(block: &TableBlock, row: &str, col: &str) -> String {
        block.values[row][col].text.clone()
    }

    #[test]
    fn a_data_cell_spanning_two_grid_columns_keeps_its_place_in_the_printed_order() {
        // As on a real page: 上一年项目数量 spans one column and 本年增/减 two in the header, while
        // the row's first figure spans two and the change one.
        let g = grid(&[
            &[("第二十条第（八）项", 1, 4)],
            &[
                ("信息内容", 1, 1),
                ("上一年项目数量", 1, 1),
                ("本年增/减", 1, 2),
            ],
            &[("行政事业性收费", 1, 1), ("35", 1, 2), ("-3", 1, 1)],
        ]);
        let r = table2(&g, "table-2", Some(2019));
        assert_eq!(value(&r.block, "fees", "last_year_items"), "35");
        assert_eq!(value(&r.block, "fees", "change"), "-3");
    }

    #[test]
    fn table3_header_cells_straddling_columns_do_not_shift_the_figures() {
        // The real 2021 page: 商业企业 spans two grid columns, one of them under 自然人.
        let mut rows: Vec<Vec<(&str, usize, usize)>> = vec![
            vec![
                (
                    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                    3,
                    3,
                ),
                ("申请人情况", 1, 8),
            ],
            vec![("自然人", 1, 2), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
            vec![
                ("", 1, 1),
                ("商业企业", 1, 2),
                ("科研机构", 1, 1),
                ("社会公益组织", 1, 1),
                ("法律服务机构", 1, 1),
                ("其他", 1, 1),
            ],
        ];
        rows.push(vec![
            ("一、本年新收政府信息公开申请数量", 1, 3),
            ("64", 1, 1),
            ("1", 1, 2),
            ("0", 1, 1),
            ("2", 1, 1),
            ("0", 1, 1),
            ("4", 1, 1),
            ("71", 1, 1),
        ]);
        let refs: Vec<&[(&str, usize, usize)]> = rows.iter().map(|r| r.as_slice()).collect();
        let r = table3(&grid(&refs), "table-3", Some(2021));
        let got: Vec<String> = TABLE3_COLUMNS_ORDER
            .iter()
            .map(|c| value(&r.block, "new_requests", c))
            .collect();
        assert_eq!(got, ["64", "1", "0", "2", "0", "4", "71"]);
    }

    #[test]
    fn an_official_table_whose_figures_cannot_be_placed_says_so_and_keeps_them() {
        // The 信息内容 header cell spans down over the data rows (a rowspan in the wrong place):
        // no column can be named, so no figure is placed.
        let g = grid(&[
            &[("第二十条第（一）项", 1, 4)],
            &[
                ("信息内容", 3, 1),
                ("本年新制作数量", 1, 1),
                ("本年新公开数量", 1, 1),
                ("对外公开总数量", 1, 1),
            ],
            &[("0", 1, 1), ("0", 1, 1), ("0", 1, 1), ("规章", 1, 1)],
            &[
                ("89", 1, 1),
                ("89", 1, 1),
                ("89", 1, 1),
                ("规范性文件", 1, 1),
            ],
        ]);
        let r = recognise(g, "table-2", Some(2019));
        assert!(r.block.values.values().all(|v| v.is_empty()));
        assert!(
            r.notes.iter().any(|n| n.contains("一个也未能放入")),
            "{:?}",
            r.notes
        );
        assert!(
            r.unplaced.iter().any(|l| l.contains("89")),
            "{:?}",
            r.unplaced
        );
    }

    const TABLE3_COLUMNS_ORDER: &[&str] = crate::model::templates::table3::COLUMNS;
}
