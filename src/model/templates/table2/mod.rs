//! 表二 主动公开政府信息情况: five blocks in the 2019 trial format, four in 2021, each with its own
//! columns. Its figures have no identities between them; N1 checks each.

mod chart;
#[cfg(feature = "import")]
mod page;
mod text;

use super::{group, leaf, Format, Template, TemplateId};
use crate::model::checker::figure;
use crate::model::finding::{Finding, Rule, Said, Severity};
use crate::model::table::{StatTable, TableGroup};

/// 表二, 2019 trial format (five blocks, 22 cells).
pub const V2019: TemplateId = TemplateId::new("table2-2019", 2, 2019);
/// The template of [`V2019`], for the registry.
pub(in crate::model::templates) static T2019: Table2 = Table2(Format {
    id: V2019,
    description: "表二 主动公开政府信息情况, 2019 trial format (five blocks, 22 cells).",
});
/// 表二, 2021 format (four blocks, 10 cells).
pub const V2021: TemplateId = TemplateId::new("table2-2021", 2, 2021);
/// The template of [`V2021`], for the registry.
pub(in crate::model::templates) static T2021: Table2 = Table2(Format {
    id: V2021,
    description: "表二 主动公开政府信息情况, 2021 format (four blocks, 10 cells).",
});

/// 表二 in one format.
pub struct Table2(Format);

impl Template for Table2 {
    fn format(&self) -> &Format {
        &self.0
    }
    fn label(&self) -> &'static str {
        "表二"
    }
    fn caption(&self) -> &'static str {
        "主动公开政府信息情况"
    }
    fn unit(&self) -> Option<&'static str> {
        None
    }
    fn groups(&self) -> Vec<TableGroup> {
        if self.0.id.format_year() == 2019 {
            table2_2019()
        } else {
            table2_2021()
        }
    }
    fn check_against_last_year(&self, now: &StatTable, before: &StatTable) -> Vec<Finding> {
        if self.0.id.format_year() == 2021 && before.template == Some(V2021) {
            in_force(now, before)
        } else {
            Vec::new()
        }
    }
    fn identified_by(&self) -> &'static [&'static [&'static str]] {
        &[&["第二十条第", "规章"], &["第二十条第", "行政许可"]]
    }
    fn charts(&self, table: &StatTable) -> Vec<crate::model::chart::Chart> {
        if self.0.id == V2021 {
            vec![chart::rules(table), chart::decisions(table)]
        } else {
            Vec::new()
        }
    }
    fn check_text(&self, report: &crate::model::Report, table: &StatTable) -> Vec<Finding> {
        text::fees_unmentioned(report, table).into_iter().collect()
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

fn table2_2019() -> Vec<TableGroup> {
    let items = || {
        vec![
            leaf("上一年项目数量", "last_year_items"),
            leaf("本年增/减", "change"),
            leaf("处理决定数量", "decisions"),
        ]
    };
    vec![
        group(
            "第二十条第（一）项",
            "信息内容",
            vec![
                leaf("本年新制作数量", "made"),
                leaf("本年新公开数量", "published"),
                leaf("对外公开总数量", "total_published"),
            ],
            vec![
                leaf("规章", "regulations"),
                leaf("规范性文件", "normative_documents"),
            ],
        ),
        group(
            "第二十条第（五）项",
            "信息内容",
            items(),
            vec![
                leaf("行政许可", "licensing"),
                leaf("其他对外管理服务事项", "other_services"),
            ],
        ),
        group(
            "第二十条第（六）项",
            "信息内容",
            items(),
            vec![leaf("行政处罚", "penalty"), leaf("行政强制", "coercion")],
        ),
        group(
            "第二十条第（八）项",
            "信息内容",
            vec![
                leaf("上一年项目数量", "last_year_items"),
                leaf("本年增/减", "change"),
            ],
            vec![leaf("行政事业性收费", "fees")],
        ),
        group(
            "第二十条第（九）项",
            "信息内容",
            vec![leaf("采购项目数量", "items"), leaf("采购总金额", "amount")],
            vec![leaf("政府集中采购", "procurement")],
        ),
    ]
}

fn table2_2021() -> Vec<TableGroup> {
    let decisions = || vec![leaf("本年处理决定数量", "decisions")];
    vec![
        group(
            "第二十条第（一）项",
            "信息内容",
            vec![
                leaf("本年制发件数", "issued"),
                leaf("本年废止件数", "repealed"),
                leaf("现行有效件数", "in_force"),
            ],
            vec![
                leaf("规章", "regulations"),
                leaf("行政规范性文件", "normative_documents"),
            ],
        ),
        group(
            "第二十条第（五）项",
            "信息内容",
            decisions(),
            vec![leaf("行政许可", "licensing")],
        ),
        group(
            "第二十条第（六）项",
            "信息内容",
            decisions(),
            vec![leaf("行政处罚", "penalty"), leaf("行政强制", "coercion")],
        ),
        group(
            "第二十条第（八）项",
            "信息内容",
            vec![leaf("本年收费金额（单位：万元）", "amount")],
            vec![leaf("行政事业性收费", "fees")],
        ),
    ]
}

/// X2: 现行有效件数 ≈ last year's + 本年制发件数 − 本年废止件数, for rules and normative documents
/// (a hint: clearing-up and expiry change it too).
fn in_force(now: &StatTable, before: &StatTable) -> Vec<Finding> {
    let mut out = Vec::new();
    for (row, label) in [
        ("regulations", "规章"),
        ("normative_documents", "行政规范性文件"),
    ] {
        let (Some(in_force), Some(last), Some(issued), Some(repealed)) = (
            figure(now, row, "in_force"),
            figure(before, row, "in_force"),
            figure(now, row, "issued"),
            figure(now, row, "repealed"),
        ) else {
            continue;
        };
        let Some(expected) = last
            .checked_add(issued)
            .and_then(|d| d.checked_sub(repealed))
        else {
            continue;
        };
        if !expected.same_value(&in_force) {
            let pos = now.keyed[&(row.to_string(), "in_force".to_string())];
            out.push(Finding {
                        rule: Rule::X2,
                        severity: Severity::Info,
                        table_id: Some(now.id.clone()),
                        table: now.full_caption(),
                        row: Some(label.into()),
                        column: Some("现行有效件数".into()),
                        expected: Some(expected.to_string()),
                        printed: Some(in_force.to_string()),
                        cells: vec![pos],
                        said: Said::worded(format!(
                            "“{label}”现行有效件数为 {in_force}；按上一年 {last} 件加本年制发 {issued} 件、减本年废止 {repealed} 件，约为 {expected} 件。清理、失效等也会改变这个数字，仅供参考。"
                        ), format!(
                            "“{label}”: {in_force} in force; last year's {last}, plus {issued} issued and minus {repealed} repealed this year, would be about {expected}. Reviews and expiry change this figure too: a hint only."
                        )),
                    });
        }
    }
    out
}
