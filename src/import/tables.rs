//! Recognises an official table in a printed grid by the words its template gives
//! (`identified_by`) and has the template read it (`read_page`: every cell's printed text under
//! its key). Any other table is kept as a generic table.

use crate::labels::findings::Said;
use crate::labels::notes::{Noted, UNPLACED};
use crate::labels::ZH;
use crate::model::grid::Grid;
use crate::model::names::normalize_label;
use crate::model::table::leaves;
pub(super) use crate::model::templates::page::empty_block;
use crate::model::templates::page::is_figure;
pub use crate::model::templates::page::Recognised;
use crate::model::templates::TemplateId;
use crate::model::{Cell, Header, TableGroup};

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
        .filter(|c| grid.cell_text(c).contains(&firsts[..]))
        .map(|c| normalize_label(grid.cell_text(c)))
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
    let template = grid.official().and_then(|n| {
        TemplateId::all()
            .into_iter()
            .find(|t| t.table_number() == n)
    });
    let mut r = match template {
        Some(t) => t.template().read_page(grid, id, format_year),
        None => generic(grid, id),
    };
    if r.block.template.is_some() {
        unplaced_figures(&mut r, grid);
    }
    // Figures that could not be placed are listed with the table (and checked) too.
    for n in &r.notes {
        let words = ZH.said(n);
        if words.starts_with(UNPLACED) && !r.block.notes.contains(&words) {
            r.block.notes.push(words);
        }
    }
    r
}

/// An official table's rows that name no row of the form go below it as a note that `check`
/// reports, figures and all; a table none of whose figures could be placed keeps its rows as
/// paragraphs after it, and says so.
fn unplaced_figures(r: &mut Recognised, grid: &Grid) {
    let Some(t) = r.block.template else { return };
    let placed: usize = r.block.values.values().map(|row| row.len()).sum();
    let figures = (0..grid.rows.len())
        .flat_map(|row| grid.row_texts(row))
        .filter(|t| !t.is_empty() && is_figure(t))
        .count();
    if placed == 0 && figures > 0 {
        r.notes.push(
            Said::noted(Noted::NonePlaced)
                .hole("table", t.in_words())
                .text("figures", &figures),
        );
        r.unplaced.clear();
        for row in 0..grid.rows.len() {
            let texts = grid.row_texts(row);
            if texts.iter().any(|t| !t.is_empty() && is_figure(t)) {
                let line = texts.join("　");
                if !r.unplaced.contains(&line) {
                    r.unplaced.push(line);
                }
            }
        }
        return;
    }
    for line in std::mem::take(&mut r.unplaced) {
        let note = Said::noted(Noted::RowNotOfficial)
            .text("line", &line)
            .hole("table", t.in_words());
        if !r.notes.contains(&note) {
            r.notes.push(note);
        }
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
    let mut notes = vec![Said::noted(Noted::Generic).text("id", &id)];
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
            notes.push(
                Said::noted(Noted::BeyondHeader)
                    .text("id", &id)
                    .text("row", &(r + 1))
                    .text("n", &beyond.len())
                    .text("cells", &beyond.join("　")),
            );
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
    let mut block = empty_block(id, TemplateId::all()[0]);
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
    use crate::model::TableBlock;

    fn value(block: &TableBlock, row: &str, col: &str) -> String {
        block.values[row][col].text.clone()
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
        let r = recognise(Grid::of(&refs), "table-3", Some(2021));
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
        let g = Grid::of(&[
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
            r.notes
                .iter()
                .any(|n| ZH.said(n).contains("一个也未能放入")),
            "{:?}",
            r.notes
        );
        assert!(
            r.unplaced.iter().any(|l| l.contains("89")),
            "{:?}",
            r.unplaced
        );
    }

    #[test]
    fn two_headers_naming_one_column_keep_the_first_and_list_the_other_figures() {
        let g = Grid::of(&[
            &[
                ("", 1, 1),
                ("自然人", 1, 1),
                ("自然人（件）", 1, 1),
                ("总计", 1, 1),
            ],
            &[
                ("一、本年新收政府信息公开申请数量", 1, 1),
                ("5", 1, 1),
                ("7", 1, 1),
                ("5", 1, 1),
            ],
        ]);
        let r = recognise(g, "table-3", Some(2021));
        assert_eq!(value(&r.block, "new_requests", "natural_person"), "5");
        let listed: Vec<&String> = r
            .block
            .notes
            .iter()
            .filter(|n| n.starts_with(UNPLACED))
            .collect();
        assert_eq!(listed.len(), 1, "{:?}", r.block.notes);
        assert!(
            listed[0].contains("自然人（件）") && listed[0].contains('7'),
            "{listed:?}"
        );
        assert!(r.notes.iter().any(|n| ZH.said(n) == *listed[0]));
        // And `check` reports it as a finding of the table.
        let (_, findings) = crate::model::validate::resolve_table(&r.block);
        assert!(
            findings
                .iter()
                .any(|f| f.message().contains("自然人（件）") && f.needs_attention()),
            "{findings:#?}"
        );
    }

    #[test]
    fn a_qualifier_in_brackets_is_set_aside_and_said() {
        let g = Grid::of(&[
            &[("", 1, 1), ("自然人", 1, 1), ("总计（件）", 1, 1)],
            &[
                ("一、本年新收政府信息公开申请数量（2019年起）", 1, 1),
                ("5", 1, 1),
                ("5", 1, 1),
            ],
        ]);
        let r = recognise(g, "table-3", Some(2021));
        assert_eq!(value(&r.block, "new_requests", "total"), "5");
        assert!(
            r.notes
                .iter()
                .map(|n| ZH.said(n))
                .any(|n| n.contains("“总计（件）”") && n.contains("“件”是说明")),
            "{:?}",
            r.notes
        );
        assert!(
            r.notes.iter().any(|n| ZH.said(n).contains("“2019年起”")),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn a_row_printed_twice_keeps_its_first_figures_and_lists_the_second() {
        let g = Grid::of(&[
            &[("", 1, 1), ("自然人", 1, 1), ("总计", 1, 1)],
            &[
                ("一、本年新收政府信息公开申请数量", 1, 1),
                ("5", 1, 1),
                ("5", 1, 1),
            ],
            &[
                ("本年新收政府信息公开申请数量", 1, 1),
                ("6", 1, 1),
                ("6", 1, 1),
            ],
        ]);
        let r = recognise(g, "table-3", Some(2021));
        assert_eq!(value(&r.block, "new_requests", "total"), "5");
        assert!(
            r.block
                .notes
                .iter()
                .any(|n| n.starts_with(UNPLACED) && n.contains('6')),
            "{:?}",
            r.block.notes
        );
    }

    /// 表三's applicant columns, in printed order.
    const TABLE3_COLUMNS_ORDER: &[&str] = &[
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_services",
        "other_org",
        "total",
    ];
}
