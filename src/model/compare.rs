//! 对比上年: an official table beside last year's. Each figure gets last year's figure of the same
//! row and column and the change; rows that mean the same are found by their stable keys, which
//! the templates keep across the 2019 and 2021 formats wherever a row or column means the same
//! thing, so a 2021-format table after a 2019-format one compares only those, and says which rows
//! it could not compare.
//!
//! The comparison is itself a [`StatTable`] (each column becomes 本年 · 上年 · 增减 under its
//! header), so the one table markup (`markup::table`) lays it out with the right header ids,
//! scopes and `headers` for screen readers. Pure: no browser types.

use super::table::{first_of_number, leaves, CellPos, Header, StatTable, TableGroup};
use super::{Cell, CellValue, Decimal};
use crate::labels::charts::Moved;
use crate::labels::ChangeWords as Words;
use std::collections::BTreeMap;

/// What a comparison column's key ends with: a column `total` becomes `total`, `total@last_year`
/// and `total@change`.
pub const LAST_YEAR: &str = "@last_year";
/// See [`LAST_YEAR`].
pub const CHANGE: &str = "@change";

/// Last year's table of the same number (表三 against 表三, whatever the format).
/// `previous`: last year's report's tables.
pub fn last_years_table<'a>(
    previous: &'a BTreeMap<String, StatTable>,
    now: &StatTable,
) -> Option<&'a StatTable> {
    first_of_number(previous, now.template?.table_number())
}

/// "83.7%": `part` of `whole` in percent, one decimal, rounded half up (integers only).
pub fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "0%".into();
    }
    let tenths = (part * 1000 + whole / 2) / whole;
    if tenths % 10 == 0 {
        format!("{}%", tenths / 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// A figure's change from last year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Up by this much; the percentage when last year's figure is not 0.
    Up(Decimal, Option<String>),
    /// Down by this much (a positive amount); the percentage.
    Down(Decimal, Option<String>),
    /// The same figure.
    Same,
    /// One of the two is not a figure (not provided, not applicable, text).
    NotComparable,
}

/// The change from `before` to `now`.
pub fn change(now: Option<Decimal>, before: Option<Decimal>) -> Change {
    let (Some(now), Some(before)) = (now, before) else {
        return Change::NotComparable;
    };
    let Some(diff) = now.checked_sub(before) else {
        return Change::NotComparable;
    };
    let share = diff
        .common_units(before)
        .filter(|(_, b)| *b > 0)
        .map(|(d, b)| percent(d.abs(), b));
    match diff.units {
        0 => Change::Same,
        u if u > 0 => Change::Up(diff, share),
        _ => Change::Down(
            Decimal {
                units: -diff.units,
                scale: diff.scale,
            },
            share,
        ),
    }
}

impl Change {
    /// As the labels word it.
    pub fn said(&self) -> Moved {
        match self {
            Change::Up(d, share) => Moved::Up(d.to_string(), share.clone()),
            Change::Down(d, share) => Moved::Down(d.to_string(), share.clone()),
            Change::Same => Moved::Same,
            Change::NotComparable => Moved::NotComparable,
        }
    }

    /// In words: 增18（15.3%）, 减2, 持平, 无法比较.
    pub fn text(&self, w: &Words) -> String {
        w.moved(&self.said())
    }
}

/// A table beside last year's.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// This year's table with 本年 · 上年 · 增减 under each column.
    pub table: StatTable,
    /// Where each of this year's cells is in [`Self::table`].
    pub places: BTreeMap<CellPos, CellPos>,
    /// Rows (for a table without row headers, columns) that last year's table has nothing to
    /// compare with, by name.
    pub not_compared: Vec<String>,
    /// Last year's table is in the other format (2019 trial or 2021).
    pub formats_differ: bool,
    /// Last year's table's format year.
    pub last_years_format: u16,
}

/// A figure as a comparison counts it: printed or computed; blank is 0; anything else none.
fn value(t: &StatTable, pos: CellPos) -> Option<Decimal> {
    if let Some(d) = t.derived.get(&pos) {
        return Some(*d);
    }
    match t.cell(pos)?.value {
        CellValue::Number(d) => Some(d),
        CellValue::Blank => Some(Decimal::whole(0)),
        _ => None,
    }
}

/// Each leaf column becomes a group of three: this year, last year, the change.
fn three_columns(h: &Header, w: &Words) -> Header {
    if h.children.is_empty() {
        let key = h.key.clone().unwrap_or_default();
        let leaf = |label: &str, suffix: &str| Header::leaf(label, Some(&format!("{key}{suffix}")));
        Header::group(
            h.label.clone(),
            vec![
                leaf(w.this_year, ""),
                leaf(w.last_year, LAST_YEAR),
                leaf(w.change, CHANGE),
            ],
        )
    } else {
        Header {
            label: h.label.clone(),
            key: h.key.clone(),
            children: h.children.iter().map(|c| three_columns(c, w)).collect(),
        }
    }
}

/// This year's official table `now` beside last year's `before`. None for a table that is no
/// official one.
pub fn compare(now: &StatTable, before: &StatTable, w: &Words) -> Option<Comparison> {
    let (template, before_template) = (now.template?, before.template?);
    let keys: BTreeMap<CellPos, &(String, String)> =
        now.keyed.iter().map(|(k, pos)| (*pos, k)).collect();
    let mut out = Comparison {
        table: StatTable {
            groups: Vec::new(),
            derived: BTreeMap::new(),
            keyed: BTreeMap::new(),
            ..now.clone()
        },
        places: BTreeMap::new(),
        not_compared: Vec::new(),
        formats_differ: template.format_year() != before_template.format_year(),
        last_years_format: before_template.format_year(),
    };
    for (g, group) in now.groups.iter().enumerate() {
        let cells = compare_group(now, before, g, &keys, w, &mut out);
        out.table.groups.push(TableGroup {
            columns: group.columns.iter().map(|h| three_columns(h, w)).collect(),
            cells,
            ..group.clone()
        });
    }
    Some(out)
}

/// Group `g` of `now` beside last year's: its cells; the places, computed values, keys and rows
/// not compared go into `out`.
fn compare_group(
    now: &StatTable,
    before: &StatTable,
    g: usize,
    keys: &BTreeMap<CellPos, &(String, String)>,
    w: &Words,
    out: &mut Comparison,
) -> Vec<Vec<Cell>> {
    let group = &now.groups[g];
    let mut cells = Vec::new();
    let mut compared_rows = vec![false; group.row_count()];
    let mut compared_columns = vec![false; group.column_count()];
    for (r, compared_row) in compared_rows.iter_mut().enumerate() {
        let mut row = Vec::new();
        for (c, compared_column) in compared_columns.iter_mut().enumerate() {
            let pos = CellPos {
                group: g,
                row: r,
                column: c,
            };
            let key = keys.get(&pos).copied();
            let last = key.and_then(|k| before.keyed.get(k)).copied();
            *compared_row |= last.is_some();
            *compared_column |= last.is_some();
            row.extend(three_cells(now, before, pos, last, w));
            out.place((now, pos, key), (before, last));
        }
        cells.push(row);
    }
    out.not_compared
        .extend(not_compared(group, &compared_rows, &compared_columns));
    cells
}

impl Comparison {
    /// Last year's cell beside this year's cell at `pos`, and the change in words (增22（22.9%）,
    /// 持平, 上年无此项 …), as the table beside last year's shows them.
    pub fn beside(&self, pos: CellPos) -> Option<(&Cell, &str)> {
        let place = *self.places.get(&pos)?;
        let at = |i: usize| CellPos {
            column: place.column + i,
            ..place
        };
        Some((
            self.table.cell(at(1))?,
            self.table.cell(at(2))?.text.as_str(),
        ))
    }

    /// Records where this year's cell at `pos` and its two companions are, with their computed
    /// values and their keys (`total`, `total@last_year`, `total@change`).
    fn place(
        &mut self,
        (now, pos, key): (&StatTable, CellPos, Option<&(String, String)>),
        (before, last): (&StatTable, Option<CellPos>),
    ) {
        let place = |i: usize| CellPos {
            column: 3 * pos.column + i,
            ..pos
        };
        if let Some(d) = now.derived.get(&pos) {
            self.table.derived.insert(place(0), *d);
        }
        if let Some(d) = last.and_then(|p| before.derived.get(&p)) {
            self.table.derived.insert(place(1), *d);
        }
        if let Some((rk, ck)) = key {
            for (i, suffix) in ["", LAST_YEAR, CHANGE].iter().enumerate() {
                self.table
                    .keyed
                    .insert((rk.clone(), format!("{ck}{suffix}")), place(i));
            }
        }
        self.places.insert(pos, place(0));
    }
}

/// This year's cell, last year's and the change.
fn three_cells(
    now: &StatTable,
    before: &StatTable,
    pos: CellPos,
    last: Option<CellPos>,
    w: &Words,
) -> [Cell; 3] {
    let this = now.cell(pos).cloned().unwrap_or_else(Cell::not_provided);
    let Some(last) = last else {
        return [this, words(w.no_counterpart), words(w.cannot_compare)];
    };
    let last_cell = before
        .cell(last)
        .cloned()
        .unwrap_or_else(Cell::not_provided);
    let change = change(value(now, pos), value(before, last));
    [this, last_cell, words(&change.text(w))]
}

/// A cell of words, never read as a figure (English writes a rise from 0 as "+1").
fn words(text: &str) -> Cell {
    let mut cell = Cell::from_text(text);
    cell.value = CellValue::Text;
    cell
}

/// The names of the rows (or, in a table without row headers, the columns) nothing was compared in.
fn not_compared(group: &TableGroup, rows: &[bool], columns: &[bool]) -> Vec<String> {
    let (headers, compared) = if group.rows.is_empty() {
        (&group.columns, columns)
    } else {
        (&group.rows, rows)
    };
    leaves(headers)
        .iter()
        .zip(compared)
        .filter(|(_, compared)| !**compared)
        .map(|(path, _)| {
            path.iter()
                .map(|h| h.label.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    const ZH: &Words = &crate::labels::ZH.change_words;
    const EN: &Words = &crate::labels::EN.change_words;
    use crate::model::{check_report, parse_report, CheckedReport};

    fn report(year: u16, tables: &str) -> CheckedReport {
        let json = format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-01 08:00","year":{year}}},
            "sections":[{{"id":"p","title":"三","blocks":[{tables}]}}]}}"#
        );
        check_report(parse_report(&json).unwrap())
    }

    fn t3(template: &str, values: &str) -> String {
        format!(r#"{{"type":"table","id":"t3","template":"{template}","values":{values}}}"#)
    }

    #[test]
    fn changes_in_words_with_percentages_where_last_year_is_not_zero() {
        let d = |n| Some(Decimal::whole(n));
        assert_eq!(change(d(141), d(120)).text(ZH), "增21（17.5%）");
        assert_eq!(change(d(8), d(10)).text(ZH), "减2（20%）");
        assert_eq!(change(d(5), d(0)).text(ZH), "增5");
        assert_eq!(change(d(7), d(7)).text(ZH), "持平");
        assert_eq!(change(d(7), None).text(ZH), "无法比较");
        assert_eq!(change(d(8), d(10)).text(EN), "−2 (−20%)");
        // Amounts with decimals: 126.35 against 120.1 万元.
        let now = Decimal::parse("126.35");
        let before = Decimal::parse("120.1");
        assert_eq!(change(now, before).text(ZH), "增6.25（5.2%）");
    }

    #[test]
    fn each_column_gets_last_years_figure_and_the_change_under_its_header() {
        let now = report(
            2023,
            &t3(
                "table3-2021",
                r#"{"new_requests":{"natural_person":118,"total":141},"carried_over":{"total":7}}"#,
            ),
        );
        let before = report(
            2022,
            &t3(
                "table3-2021",
                r#"{"new_requests":{"natural_person":100,"total":120},"carried_forward":{"total":7}}"#,
            ),
        );
        let (n, b) = (&now.tables["t3"], &before.tables["t3"]);
        let c = compare(n, last_years_table(&before.tables, n).unwrap(), ZH).unwrap();
        assert!(!c.formats_differ);
        assert!(c.not_compared.is_empty(), "{:?}", c.not_compared);
        let g = &c.table.groups[0];
        assert_eq!(g.column_count(), 3 * n.groups[0].column_count());
        let cell = |row: &str, col: &str| c.table.keyed_cell(row, col).unwrap().1.text.clone();
        assert_eq!(cell("new_requests", "total"), "141");
        assert_eq!(cell("new_requests", "total@last_year"), "120");
        assert_eq!(cell("new_requests", "total@change"), "增21（17.5%）");
        assert_eq!(cell("new_requests", "natural_person@change"), "增18（18%）");
        // Not provided last year: no change said.
        assert_eq!(cell("granted", "total@change"), "无法比较");
        // The header above 本年/上年/增减 is the column's own.
        let total = c.table.column_labels(0, 3 * 6 + 1);
        assert_eq!(total, ["申请人情况", "总计", "上年"]);
        // This year's cells keep their places' meaning.
        let pos = n.keyed[&("new_requests".to_string(), "total".to_string())];
        assert_eq!(c.table.cell(c.places[&pos]).unwrap().text, "141");
        let _ = b;
    }

    #[test]
    fn across_formats_only_rows_that_mean_the_same_are_compared_and_the_rest_named() {
        let now = report(
            2021,
            &t3(
                "table3-2021",
                r#"{"new_requests":{"total":10},"other_overdue_correction":{"total":1},"other_unpaid_fee":{"total":0},"other_other":{"total":2}}"#,
            ),
        );
        let before = report(
            2020,
            &t3(
                "table3-2019",
                r#"{"new_requests":{"total":8},"other_handling":{"total":3}}"#,
            ),
        );
        let n = &now.tables["t3"];
        let c = compare(n, last_years_table(&before.tables, n).unwrap(), ZH).unwrap();
        assert!(c.formats_differ);
        assert_eq!(c.last_years_format, 2019);
        assert_eq!(c.not_compared.len(), 3, "{:?}", c.not_compared);
        assert!(c.not_compared[0].starts_with("三、本年度办理结果 · （六）其他处理 · 1."));
        let cell = |row: &str, col: &str| c.table.keyed_cell(row, col).unwrap().1.text.clone();
        assert_eq!(cell("new_requests", "total@change"), "增2（25%）");
        assert_eq!(cell("other_other", "total@last_year"), "上年无此项");
        assert_eq!(cell("other_other", "total@change"), "无法比较");
    }

    #[test]
    fn a_table_without_row_headers_names_the_columns_it_could_not_compare() {
        let t4 = |template: &str| {
            format!(
                r#"{{"type":"table","id":"t4","template":"{template}","values":{{"review":{{"upheld":1,"total":2}}}}}}"#
            )
        };
        let now = report(2021, &t4("table4-2021"));
        let before = report(2020, &t4("table4-2019"));
        let n = &now.tables["t4"];
        let c = compare(n, last_years_table(&before.tables, n).unwrap(), EN).unwrap();
        assert!(c.not_compared.is_empty(), "{:?}", c.not_compared);
        let cell = |row: &str, col: &str| c.table.keyed_cell(row, col).unwrap().1.text.clone();
        assert_eq!(cell("review", "upheld@change"), "no change");
        // A change is words, never a figure, even where it reads like one ("+1" from 0).
        let zero = report(
            2020,
            r#"{"type":"table","id":"t4","template":"table4-2019","values":{"review":{"upheld":0}}}"#,
        );
        let c0 = compare(n, last_years_table(&zero.tables, n).unwrap(), EN).unwrap();
        let (_, rise) = c0.table.keyed_cell("review", "upheld@change").unwrap();
        assert_eq!(rise.text, "+1");
        assert_eq!(rise.value, CellValue::Text);
        // 表二 in the 2021 format after the 2019 one: only 处理决定数量 means the same.
        let t2 = |template: &str, values: &str| {
            format!(r#"{{"type":"table","id":"t2","template":"{template}","values":{values}}}"#)
        };
        let now2 = report(
            2021,
            &t2(
                "table2-2021",
                r#"{"licensing":{"decisions":12},"fees":{"amount":"3.5"}}"#,
            ),
        );
        let before2 = report(
            2020,
            &t2(
                "table2-2019",
                r#"{"licensing":{"decisions":10},"fees":{"change":"+1"}}"#,
            ),
        );
        let n2 = &now2.tables["t2"];
        let c2 = compare(n2, last_years_table(&before2.tables, n2).unwrap(), ZH).unwrap();
        assert_eq!(
            c2.not_compared,
            ["规章", "行政规范性文件", "行政事业性收费"],
            "rules and fees are counted differently in the two formats"
        );
        let cell2 = |row: &str, col: &str| c2.table.keyed_cell(row, col).unwrap().1.text.clone();
        assert_eq!(cell2("licensing", "decisions@change"), "增2（20%）");
        // No 表二 last year: nothing to compare 表二 with.
        assert!(last_years_table(&before.tables, &now.tables["t4"]).is_some());
        let only4 = report(2020, &t4("table4-2019"));
        let with2 = report(
            2021,
            r#"{"type":"table","id":"t2","template":"table2-2021","values":{}}"#,
        );
        assert!(last_years_table(&only4.tables, &with2.tables["t2"]).is_none());
    }
}
