//! 表二 主动公开政府信息情况: five blocks in the 2019 trial format, four in 2021, each with its own
//! columns. Its figures have no identities between them; N1 checks each.

use super::{group, leaf, Template, TemplateId};
use crate::model::table::TableGroup;

/// 表二, 2019 trial format (five blocks, 22 cells).
pub const V2019: TemplateId = TemplateId::new(&Table2 { year: 2019 });
/// 表二, 2021 format (four blocks, 10 cells).
pub const V2021: TemplateId = TemplateId::new(&Table2 { year: 2021 });

/// 表二 in one format.
pub struct Table2 {
    year: u16,
}

impl Template for Table2 {
    fn name(&self) -> &'static str {
        if self.year == 2019 {
            "table2-2019"
        } else {
            "table2-2021"
        }
    }
    fn description(&self) -> &'static str {
        if self.year == 2019 {
            "表二 主动公开政府信息情况, 2019 trial format (five blocks, 22 cells)."
        } else {
            "表二 主动公开政府信息情况, 2021 format (four blocks, 10 cells)."
        }
    }
    fn number(&self) -> u8 {
        2
    }
    fn format_year(&self) -> u16 {
        self.year
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
        if self.year == 2019 {
            table2_2019()
        } else {
            table2_2021()
        }
    }
    fn identified_by(&self) -> &'static [&'static [&'static str]] {
        &[&["第二十条第", "规章"], &["第二十条第", "行政许可"]]
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
