//! 表四 政府信息公开行政复议、行政诉讼情况 (the same layout in 2019 and 2021): one data row of
//! column groups, keyed by group, and its identity R4.1.

mod chart;
#[cfg(feature = "import")]
mod page;
mod text;

use super::{leaf, Format, Template, TemplateId};
use crate::model::checker::Checker;
use crate::model::finding::Rule;
use crate::model::table::{CellPos, Header, TableGroup};

/// 表四, 2019 trial format.
pub const V2019: TemplateId = TemplateId::new("table4-2019", 4, 2019);
/// The template of [`V2019`], for the registry.
pub(in crate::model::templates) static T2019: Table4 = Table4(Format {
    id: V2019,
    description: "表四 政府信息公开行政复议、行政诉讼情况, 2019 trial format.",
});
/// 表四, 2021 format (same layout as 2019).
pub const V2021: TemplateId = TemplateId::new("table4-2021", 4, 2021);
/// The template of [`V2021`], for the registry.
pub(in crate::model::templates) static T2021: Table4 = Table4(Format {
    id: V2021,
    description: "表四 政府信息公开行政复议、行政诉讼情况, 2021 format (same layout as 2019).",
});

/// 表四 in one format.
pub struct Table4(Format);

impl Template for Table4 {
    fn format(&self) -> &Format {
        &self.0
    }
    fn label(&self) -> &'static str {
        "表四"
    }
    fn caption(&self) -> &'static str {
        "政府信息公开行政复议、行政诉讼情况"
    }
    fn groups(&self) -> Vec<TableGroup> {
        vec![groups()]
    }
    fn keys_by_column_group(&self) -> bool {
        true
    }
    fn check(&self, c: &mut Checker) {
        check(c);
    }
    fn identified_by(&self) -> &'static [&'static [&'static str]] {
        &[&["行政复议", "行政诉讼", "结果维持"]]
    }
    fn charts(&self, table: &crate::model::StatTable) -> Vec<crate::model::chart::Chart> {
        vec![chart::reviews_and_suits(table)]
    }
    fn statements(&self) -> &'static [crate::model::claims::Statement] {
        text::STATEMENTS
    }
    fn columns_named(&self) -> &'static [crate::model::claims::ColumnWords] {
        text::COLUMNS
    }
    #[cfg(feature = "import")]
    fn read_page(
        &self,
        grid: &crate::model::grid::Grid,
        id: &str,
        format_year: Option<u16>,
    ) -> super::page::Recognised {
        page::read(grid, id, format_year)
    }
}

/// The groups of 表四 (review, lawsuit without review, lawsuit after review).
pub const GROUPS: &[&str] = &["review", "direct_suit", "suit_after_review"];
/// The columns of each group of 表四; the last is the total.
pub const COLUMNS: &[&str] = &["upheld", "corrected", "other", "pending", "total"];

fn groups() -> TableGroup {
    let five = |group: &str| {
        [
            ("结果维持", "upheld"),
            ("结果纠正", "corrected"),
            ("其他结果", "other"),
            ("尚未审结", "pending"),
            ("总计", "total"),
        ]
        .iter()
        .map(|(l, k)| leaf(l, &format!("{group}.{k}")))
        .collect::<Vec<_>>()
    };
    let keyed_group = |label: &str, key: &str| Header {
        label: label.to_string(),
        key: Some(key.to_string()),
        children: five(key),
    };
    TableGroup {
        heading: None,
        corner: None,
        columns: vec![
            keyed_group("行政复议", "review"),
            Header::group(
                "行政诉讼",
                vec![
                    keyed_group("未经复议直接起诉", "direct_suit"),
                    keyed_group("复议后起诉", "suit_after_review"),
                ],
            ),
        ],
        rows: Vec::new(),
        cells: Vec::new(),
    }
}

/// R4.1: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
fn check(c: &mut Checker) {
    for group in GROUPS {
        let cells: Option<Vec<CellPos>> = COLUMNS.iter().map(|col| c.pos(group, col)).collect();
        let Some(cells) = cells else { continue };
        let (parts, total) = cells.split_at(4);
        c.check_sum(
            Rule::R4_1,
            total[0],
            parts,
            ("结果维持、结果纠正、其他结果、尚未审结", "the four results"),
        );
    }
}
