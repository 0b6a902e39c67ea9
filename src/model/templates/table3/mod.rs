//! 表三 收到和处理政府信息公开申请情况, in the 2019 trial format and the 2021 format: its rows
//! and columns with their keys, and its identities R3.1, R3.2 and R3.3.

mod chart;
#[cfg(feature = "import")]
mod page;
mod text;

use super::{leaf, leaves_of, ColumnKind, Format, Template, TemplateId};
use crate::model::checker::figure;
use crate::model::checker::{gap, Checker};
use crate::model::finding::{Finding, Rule, Said, Severity};
use crate::model::names::{match_label, LabelMatch};
use crate::model::table::{leaves, CellPos, Header, StatTable, TableBlock, TableGroup};

/// 表三, 2019 trial format (23 rows).
pub const V2019: TemplateId = TemplateId::new("table3-2019", 3, 2019);
/// The template of [`V2019`], for the registry.
pub(in crate::model::templates) static T2019: Table3 = Table3(Format {
    id: V2019,
    description: "表三 收到和处理政府信息公开申请情况, 2019 trial format (23 rows).",
});
/// 表三, 2021 format (25 rows).
pub const V2021: TemplateId = TemplateId::new("table3-2021", 3, 2021);
/// The template of [`V2021`], for the registry.
pub(in crate::model::templates) static T2021: Table3 = Table3(Format {
    id: V2021,
    description: "表三 收到和处理政府信息公开申请情况, 2021 format (25 rows).",
});

/// 表三 in one format.
pub struct Table3(Format);

impl Template for Table3 {
    fn format(&self) -> &Format {
        &self.0
    }
    fn label(&self) -> &'static str {
        "表三"
    }
    fn caption(&self) -> &'static str {
        "收到和处理政府信息公开申请情况"
    }
    fn groups(&self) -> Vec<TableGroup> {
        vec![groups(self.id())]
    }
    fn column_kind(&self, _column_key: &str) -> ColumnKind {
        ColumnKind::Count
    }
    fn check(&self, c: &mut Checker) {
        check(c, self.id());
    }
    fn identified_by(&self) -> &'static [&'static [&'static str]] {
        &[&["本年新收政府信息公开申请数量"], &["申请人情况", "自然人"]]
    }
    fn check_against_last_year(&self, now: &StatTable, before: &StatTable) -> Vec<Finding> {
        carried_over(now, before)
    }
    fn layout_for(&self, block: &TableBlock) -> Option<(TemplateId, Finding)> {
        // Several published 2021-format reports print （六）其他处理 as one row, as the 2019
        // format does: show and check it in that layout, and say so.
        (self.0.id.format_year() == 2021 && other_handling_as_one_row(block)).then(|| {
            let finding = Finding {
                rule: Rule::Label,
                severity: Severity::Info,
                table_id: None,
                table: format!("{}　{}", self.label(), self.caption()),
                row: Some("（六）其他处理".into()),
                column: None,
                expected: None,
                printed: None,
                cells: Vec::new(),
                said: Said::worded("“（六）其他处理”印为一行，没有分项（2019年试行格式的版式）：按该版式显示和核对。"
                        .into(), "“（六）其他处理” is printed as one row without its sub-rows (the layout of the 2019 trial format): shown and checked in that layout.".into()),
            };
            (V2019, finding)
        })
    }
    fn charts(&self, table: &StatTable) -> Vec<crate::model::chart::Chart> {
        vec![
            chart::applicants(table),
            chart::results(table, self.0.id == V2021),
        ]
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

/// The applicant columns of 表三, in order; the last is the total.
pub const COLUMNS: &[&str] = &[
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_services",
    "other_org",
    "total",
];

/// Result rows of 表三 that add up to （七）总计, per format.
pub fn result_rows(id: TemplateId) -> Vec<&'static str> {
    let mut rows = vec!["granted", "partly_granted"];
    rows.extend(REFUSED.iter().map(|(k, _)| *k));
    rows.extend(UNAVAILABLE.iter().map(|(k, _)| *k));
    rows.extend(NOT_PROCESSED.iter().map(|(k, _)| *k));
    if id == V2021 {
        rows.extend(OTHER_2021.iter().map(|(k, _)| *k));
    } else {
        rows.push("other_handling");
    }
    rows
}

pub(crate) const REFUSED: &[(&str, &str)] = &[
    ("refused_state_secret", "1.属于国家秘密"),
    ("refused_prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("refused_three_safeties", "3.危及“三安全一稳定”"),
    ("refused_third_party", "4.保护第三方合法权益"),
    ("refused_internal_affairs", "5.属于三类内部事务信息"),
    ("refused_process_info", "6.属于四类过程性信息"),
    ("refused_enforcement_files", "7.属于行政执法案卷"),
    ("refused_inquiry", "8.属于行政查询事项"),
];
pub(crate) const UNAVAILABLE: &[(&str, &str)] = &[
    ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "3.补正后申请内容仍不明确"),
];
pub(crate) const NOT_PROCESSED: &[(&str, &str)] = &[
    ("not_processed_petition", "1.信访举报投诉类申请"),
    ("not_processed_repeated", "2.重复申请"),
    ("not_processed_publication", "3.要求提供公开出版物"),
    ("not_processed_excessive", "4.无正当理由大量反复申请"),
    (
        "not_processed_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
    ),
];
pub(crate) const OTHER_2021: &[(&str, &str)] = &[
    (
        "other_overdue_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other_unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other_other", "3.其他"),
];

/// The corner note of 表三, the only identity the form itself prints.
pub const CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

fn groups(id: TemplateId) -> TableGroup {
    let columns = vec![Header::group(
        "申请人情况",
        vec![
            leaf("自然人", "natural_person"),
            Header::group(
                "法人或其他组织",
                vec![
                    leaf("商业企业", "commercial"),
                    leaf("科研机构", "research"),
                    leaf("社会公益组织", "public_interest"),
                    leaf("法律服务机构", "legal_services"),
                    leaf("其他", "other_org"),
                ],
            ),
            leaf("总计", "total"),
        ],
    )];
    let other = if id == V2021 {
        Header::group("（六）其他处理", leaves_of(OTHER_2021))
    } else {
        leaf("（六）其他处理", "other_handling")
    };
    let rows = vec![
        leaf("一、本年新收政府信息公开申请数量", "new_requests"),
        leaf("二、上年结转政府信息公开申请数量", "carried_over"),
        Header::group(
            "三、本年度办理结果",
            vec![
                leaf("（一）予以公开", "granted"),
                leaf(
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                    "partly_granted",
                ),
                Header::group("（三）不予公开", leaves_of(REFUSED)),
                Header::group("（四）无法提供", leaves_of(UNAVAILABLE)),
                Header::group("（五）不予处理", leaves_of(NOT_PROCESSED)),
                other,
                leaf("（七）总计", "results_total"),
            ],
        ),
        leaf("四、结转下年度继续办理", "carried_forward"),
    ];
    TableGroup {
        heading: None,
        corner: Some(CORNER.to_string()),
        columns,
        rows,
        cells: Vec::new(),
    }
}

/// True when a 2021-format 表三 gives （六）其他处理 as one row and none of its three sub-rows.
fn other_handling_as_one_row(block: &TableBlock) -> bool {
    let one = [("other_handling".to_string(), "（六）其他处理".to_string())];
    let subs: Vec<(String, String)> = OTHER_2021
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect();
    let names = || block.values.keys();
    names().any(|n| matches!(match_label(n, &one), Some(LabelMatch::Exact(_))))
        && !names().any(|n| match_label(n, &subs).is_some())
}

/// R3.3 per row, R3.2 per column, then R3.1 (the corner identity) per column.
fn check(c: &mut Checker, id: TemplateId) {
    let rows: Vec<String> = leaves(&c.table.groups[0].rows)
        .iter()
        .filter_map(|p| p.last().and_then(|h| h.key.clone()))
        .collect();
    let parts_of = |c: &Checker, row: &str| -> Option<(CellPos, Vec<CellPos>)> {
        let total = c.pos(row, "total")?;
        let parts = COLUMNS[..6]
            .iter()
            .map(|col| c.pos(row, col))
            .collect::<Option<Vec<_>>>()?;
        Some((total, parts))
    };
    // R3.3 first: row totals derived here feed the column checks.
    for row in &rows {
        if let Some((total, parts)) = parts_of(c, row) {
            c.check_sum(
                Rule::R3_3,
                total,
                &parts,
                ("自然人与法人或其他组织各栏", "the applicant columns"),
            );
        }
    }
    let results = result_rows(id);
    for col in COLUMNS {
        let Some(total) = c.pos("results_total", col) else {
            continue;
        };
        let parts: Option<Vec<CellPos>> = results.iter().map(|r| c.pos(r, col)).collect();
        if let Some(parts) = parts {
            c.check_sum(
                Rule::R3_2,
                total,
                &parts,
                (
                    "（一）至（六）各项办理结果",
                    "the results “（一）” to “（六）”",
                ),
            );
        }
    }
    check_corner(c);
}

/// R3.1, the identity the form prints in its corner, per column: 一 + 二 = （七）总计 + 四.
fn check_corner(c: &mut Checker) {
    for col in COLUMNS {
        let cells = [
            "new_requests",
            "carried_over",
            "results_total",
            "carried_forward",
        ]
        .iter()
        .map(|r| c.pos(r, col))
        .collect::<Option<Vec<_>>>();
        let Some(cells) = cells else { continue };
        if c.any_missing(&cells) {
            c.skipped += 1;
            continue;
        }
        let (Some(left), Some(right)) = (c.sum(&cells[..2]), c.sum(&cells[2..])) else {
            continue;
        };
        c.note_blanks(&cells);
        if !left.same_value(&right) {
            let column = c.label_of_column(cells[0]);
            c.findings.push(Finding {
                rule: Rule::R3_1,
                severity: Severity::Error,
                table_id: None,
                table: c.name.clone(),
                row: Some("一、二与（七）、四".into()),
                column: Some(column.clone()),
                expected: Some(format!(
                    "一、本年新收 {} + 二、上年结转 {} = {left}",
                    c.shown(cells[0]),
                    c.shown(cells[1])
                )),
                printed: Some(format!(
                    "（七）总计 {} + 四、结转下年度继续办理 {} = {right}",
                    c.shown(cells[2]),
                    c.shown(cells[3])
                )),
                cells: cells.clone(),
                said: Said::worded(format!(
                    "“{column}”栏：第一项加第二项之和为 {left}，第三项（七）总计加第四项之和为 {right}，两者应相等（相差 {}）。",
                    gap(right, left)
                ), format!(
                    "Column “{column}”: items “一” and “二” add up to {left}, items “（七）” and “四” to {right}; they should be equal (off by {}).",
                    gap(right, left)
                )),
            });
        }
    }
}

/// X1: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, per column (a warning:
/// agencies revise figures between years).
fn carried_over(now: &StatTable, before: &StatTable) -> Vec<Finding> {
    let mut out = Vec::new();
    for col in COLUMNS {
        let (Some(carried), Some(forward)) = (
            figure(now, "carried_over", col),
            figure(before, "carried_forward", col),
        ) else {
            continue;
        };
        if !carried.same_value(&forward) {
            let pos = now.keyed[&("carried_over".to_string(), col.to_string())];
            let column = now.column_labels(pos.group, pos.column).join(" › ");
            out.push(Finding {
                    rule: Rule::X1,
                    severity: Severity::Warning,
                    table_id: Some(now.id.clone()),
                    table: now.full_caption(),
                    row: Some("二、上年结转政府信息公开申请数量".into()),
                    column: Some(column.clone()),
                    expected: Some(forward.to_string()),
                    printed: Some(carried.to_string()),
                    cells: vec![pos],
                    said: Said::worded(format!(
                        "“{column}”栏：本年“上年结转”为 {carried}，上一年报告的“结转下年度继续办理”为 {forward}。如上年数字已更正，可忽略。"
                    ), format!(
                        "Column “{column}”: this year's “上年结转” is {carried}, last year's report gave “结转下年度继续办理” as {forward}. If last year's figure was corrected, this can be ignored."
                    )),
                });
        }
    }

    out
}
