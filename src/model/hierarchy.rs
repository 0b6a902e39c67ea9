//! Hierarchy sums, for a 政务公开办 reviewing many reports (report-tool `check --sum`): a whole's
//! official tables (a city's) against the sum of its parts' (its districts' reports), cell by
//! cell. Only cells that every report gives as printed figures are added up (a cell not provided
//! anywhere, or a computed value, is not compared: the sum would be a guess); cells are matched
//! by their template keys, so reports in the two table formats are compared where the keys agree.

use super::cell::{CellValue, Decimal};
use super::finding::{Finding, Hole, Rule, Said, Says, Severity};
use super::table::{first_of_number, CellPos, StatTable};
use super::validate::CheckedReport;

/// What comparing a whole with its parts found: the differing cells (warnings) and how many were
/// compared.
pub struct Summed {
    /// One warning per cell whose figure is not the sum of the parts'.
    pub findings: Vec<Finding>,
    /// Cells compared.
    pub compared: usize,
    /// Cells not compared because some report does not print them.
    pub not_compared: usize,
}

/// A printed figure (a blank or placeholder counts 0), never a computed one.
fn printed(t: &StatTable, row: &str, column: &str) -> Option<Decimal> {
    let (pos, cell) = t.keyed_cell(row, column)?;
    if t.derived.contains_key(&pos) {
        return None;
    }
    match cell.value {
        CellValue::Number(d) => Some(d),
        CellValue::Blank | CellValue::NotApplicable => Some(Decimal::whole(0)),
        _ => None,
    }
}

/// The warning for a cell that is not the sum of the parts': the cell, its figure, the sum and
/// each part's figure.
fn differs(
    t: &StatTable,
    pos: CellPos,
    total: Decimal,
    sum: Option<Decimal>,
    figures: &[(&str, Decimal)],
) -> Finding {
    let sum = sum.map_or("—".into(), |s| s.to_string());
    let r = t.row_labels(pos.group, pos.row).join(" › ");
    let c = t.column_labels(pos.group, pos.column).join(" › ");
    let listed: Vec<Said> = figures
        .iter()
        .map(|(n, d)| Said::as_given(&format!("{n} {d}")))
        .collect();
    let mut f = Finding::about(
        Rule::H1,
        Severity::Warning,
        &t.full_caption(),
        Said::new(Says::WholeAgainstParts)
            .text("row", &r)
            .text("column", &c)
            .text("total", &total)
            .text("sum", &sum)
            .hole("figures", Hole::Joined(listed, Says::Comma)),
    );
    f.table_id = Some(t.id.clone());
    f.cells = vec![pos];
    f.expected = Some(sum);
    f.printed = Some(total.to_string());
    f
}

/// The whole's tables against the sum of the parts' (each part named, for the message).
pub fn sum_check(whole: &CheckedReport, parts: &[(String, &CheckedReport)]) -> Summed {
    let mut out = Summed {
        findings: Vec::new(),
        compared: 0,
        not_compared: 0,
    };
    for t in whole.tables.values() {
        let Some(id) = t.template else { continue };
        let tables: Vec<(&str, Option<&StatTable>)> = parts
            .iter()
            .map(|(name, r)| (name.as_str(), first_of_number(&r.tables, id.table_number())))
            .collect();
        for ((row, col), pos) in &t.keyed {
            let Some(total) = printed(t, row, col) else {
                continue;
            };
            let figures: Option<Vec<(&str, Decimal)>> = tables
                .iter()
                .map(|(name, pt)| Some((*name, printed((*pt)?, row, col)?)))
                .collect();
            let Some(figures) = figures else {
                out.not_compared += 1;
                continue;
            };
            out.compared += 1;
            let sum = figures
                .iter()
                .try_fold(Decimal::whole(0), |acc, (_, d)| acc.checked_add(*d));
            if sum.is_some_and(|s| s.same_value(&total)) {
                continue;
            }
            out.findings.push(differs(t, *pos, total, sum, &figures));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{check_report, parse_report};

    fn report(t3: &str) -> CheckedReport {
        check_report(
            parse_report(&format!(
                r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-20T10:00","year":2022}},
                "sections":[{{"id":"p","title":"三","blocks":[{{"type":"table","id":"table-3","template":"table3-2021","values":{t3}}}]}}]}}"#
            ))
            .unwrap(),
        )
    }

    #[test]
    fn a_city_table_is_the_sum_of_its_districts() {
        let city =
            report(r#"{"new_requests":{"natural_person":8,"total":9},"carried_over":{"total":2}}"#);
        let a =
            report(r#"{"new_requests":{"natural_person":5,"total":5},"carried_over":{"total":1}}"#);
        let b =
            report(r#"{"new_requests":{"natural_person":3,"total":3},"carried_over":{"total":1}}"#);
        let parts = vec![("甲区".to_string(), &a), ("乙县".to_string(), &b)];
        let s = sum_check(&city, &parts);
        assert_eq!(s.compared, 3);
        assert_eq!(s.findings.len(), 1, "{:#?}", s.findings);
        let f = &s.findings[0];
        assert!(
            f.message()
                .contains("为 9，各下级报告合计为 8（甲区 5，乙县 3）"),
            "{}",
            f.message()
        );
        assert_eq!(
            f.cells,
            vec![city.tables["table-3"].keyed[&("new_requests".to_string(), "total".to_string())]]
        );
        // A cell one district does not print is not compared.
        let c = report(r#"{"new_requests":{"total":1}}"#);
        let parts = vec![("甲区".to_string(), &a), ("丙区".to_string(), &c)];
        let s = sum_check(&city, &parts);
        assert_eq!(s.not_compared, 2);
        assert_eq!(s.compared, 1);
    }
}
