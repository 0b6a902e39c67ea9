//! Checks a report's tables against the identities of the official forms (R3.1, R3.2, R3.3,
//! R4.1) and the figure rule N1, and resolves every table into the one shape views work on.
//!
//! Blank and not-applicable cells count as 0, with one informational note per table. A cell the
//! source does not give ("not provided") is never counted: a check that needs it is skipped, and
//! the skip is noted. Where a total is not given but all its parts are, the viewer shows the sum
//! as a derived value, marked as computed.

use super::cell::CellValue;
use super::chart::{say_contradictions, Chart};
use super::checker::Checker;
use super::finding::{Finding, Hole, Rule, Said, Says, Severity};
use super::table::{CellPos, StatTable, TableBlock};
use super::templates::{self, ColumnKind, TemplateId};
use super::{Block, Report};
use crate::labels::findings::place;
use std::collections::{BTreeMap, BTreeSet};

/// A report with its tables resolved and everything checking found.
#[derive(Debug, Clone)]
pub struct CheckedReport {
    /// The report as read.
    pub report: Report,
    /// Every table, resolved, by id.
    pub tables: BTreeMap<String, StatTable>,
    /// Findings, in report order.
    pub findings: Vec<Finding>,
}

/// An official table whose source leaves figures out: what 数据核对 says it could not check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unchecked {
    /// The table's label (表三).
    pub label: String,
    /// Its number (3).
    pub number: Option<u8>,
    /// Figures the source gives.
    pub given: usize,
    /// Figures the table has.
    pub figures: usize,
    /// Checks that needed a figure not given were not made.
    pub skipped: bool,
}

impl CheckedReport {
    /// The 图解 of every official table of the report, in report order.
    pub fn charts(&self) -> Vec<Chart> {
        self.tables
            .values()
            .flat_map(|t| self.charts_for(t))
            .collect()
    }

    /// The 图解 of one table, as its template draws them (none for a table that is not an
    /// official one; none of bars that are all 未提供: see [`CheckedReport::charts_left_out`]); a
    /// table whose identities fail says so in each chart's sentence.
    pub fn charts_for(&self, t: &StatTable) -> Vec<Chart> {
        let Some(template) = t.template else {
            return Vec::new();
        };
        let mut out = template.template().charts(t);
        out.retain(Chart::has_figures);
        let failing = self
            .findings_for(&t.id)
            .iter()
            .any(|f| f.severity == Severity::Error);
        if failing {
            say_contradictions(&mut out);
        }
        out
    }

    /// Whether the table's template draws 图解 but none is drawn, because the source gives none
    /// of the figures they would show (the reader is told so once, instead of empty bars).
    pub fn charts_left_out(&self, t: &StatTable) -> bool {
        t.template.is_some_and(|template| {
            let charts = template.template().charts(t);
            !charts.is_empty() && !charts.iter().any(Chart::has_figures)
        })
    }

    /// What 数据核对 could not check: each official table whose source leaves figures out.
    pub fn unchecked(&self) -> Vec<Unchecked> {
        self.tables
            .values()
            .filter(|t| t.template.is_some())
            .filter_map(|t| {
                let figures = t.keyed.len();
                let given = t
                    .keyed
                    .values()
                    .filter(|p| {
                        t.cell(**p)
                            .is_some_and(|c| c.value != super::cell::CellValue::NotProvided)
                    })
                    .count();
                let skipped = self
                    .findings_for(&t.id)
                    .iter()
                    .any(|f| f.rule == Rule::NotProvided);
                let label = t.label.clone().unwrap_or_else(|| t.caption.clone());
                let number = t.template.map(|id| id.table_number());
                (given < figures || skipped).then_some(Unchecked {
                    label,
                    number,
                    given,
                    figures,
                    skipped,
                })
            })
            .collect()
    }

    /// How many official tables give every figure, all checks made: 数据核对 vouches for the
    /// figures given only when one does (a verdict on one figure of 161 would say nothing).
    pub fn complete_tables(&self) -> usize {
        let official = self
            .tables
            .values()
            .filter(|t| t.template.is_some())
            .count();
        official - self.unchecked().len()
    }

    /// Findings about one table.
    pub fn findings_for(&self, table_id: &str) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.table_id.as_deref() == Some(table_id))
            .collect()
    }

    /// How many findings need attention (errors and warnings).
    pub fn attention_count(&self) -> usize {
        self.findings.iter().filter(|f| f.needs_attention()).count()
    }
}

/// Resolves and checks every table of a report, and checks its metadata and ids.
pub fn check_report(report: Report) -> CheckedReport {
    let mut tables = BTreeMap::new();
    let mut findings: Vec<Finding> = publish_time(&report).into_iter().collect();
    let table_blocks: Vec<&TableBlock> = report
        .introduction
        .iter()
        .chain(
            report
                .all_sections()
                .into_iter()
                .flat_map(|s| s.blocks.iter()),
        )
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let section_ids = report.all_sections().into_iter().map(|s| s.id.clone());
    findings.extend(repeated_ids(
        section_ids.chain(table_blocks.iter().map(|t| t.id.clone())),
    ));
    for block in table_blocks {
        let (table, mut table_findings) = resolve_table(block);
        findings.append(&mut table_findings);
        tables.insert(table.id.clone(), table);
    }
    findings.extend(super::audit::audit(&report, &tables));
    findings.extend(super::consistency::check_text(
        &report,
        &tables,
        &templates::vocabulary(),
    ));
    CheckedReport {
        report,
        tables,
        findings,
    }
}

/// A publish time that cannot be read.
fn publish_time(report: &Report) -> Option<Finding> {
    report.meta.published_display().is_none().then(|| Finding {
        rule: Rule::Meta,
        severity: Severity::Warning,
        table_id: None,
        table: place::PUBLISH_TIME.into(),
        row: None,
        column: None,
        expected: Some("YYYY-MM-DD HH:MM".into()),
        printed: Some(report.meta.published.clone()),
        cells: Vec::new(),
        said: Said::new(Says::PublishTime).text("time", &report.meta.published),
    })
}

/// Ids of parts and tables used more than once.
fn repeated_ids(ids: impl Iterator<Item = String>) -> Vec<Finding> {
    let mut seen = BTreeSet::new();
    ids.filter(|id| !seen.insert(id.clone()))
        .map(|id| {
            structure(
                None,
                place::STRUCTURE,
                Said::new(Says::RepeatedId).text("id", &id),
            )
        })
        .collect()
}

fn structure(table_id: Option<&str>, table: &str, message: Said) -> Finding {
    Finding {
        table_id: table_id.map(str::to_string),
        ..Finding::about(Rule::Structure, Severity::Error, table, message)
    }
}

/// Resolves one table block and checks it.
pub fn resolve_table(block: &TableBlock) -> (StatTable, Vec<Finding>) {
    match block.template {
        Some(id) => {
            let (mut table, mut findings) = templates::instantiate(id, block);
            findings.extend(
                block
                    .notes
                    .iter()
                    .filter(|n| n.starts_with(crate::labels::notes::UNPLACED))
                    .map(|n| Finding::unplaced(&table.id, &table.full_caption(), n)),
            );
            findings.extend(check_template_table(&mut table));
            for f in &mut findings {
                f.table_id = Some(table.id.clone());
            }
            (table, findings)
        }
        None => resolve_generic(block),
    }
}

fn resolve_generic(block: &TableBlock) -> (StatTable, Vec<Finding>) {
    let mut groups = Vec::new();
    if !block.body.columns.is_empty() || !block.body.cells.is_empty() {
        groups.push(block.body.clone());
    }
    groups.extend(block.groups.iter().cloned());
    let caption = block.caption.clone().unwrap_or_default();
    let mut findings = Vec::new();
    if caption.is_empty() {
        findings.push(structure(
            Some(&block.id),
            &block.id,
            Said::new(Says::NoCaption).text("id", &block.id),
        ));
    }
    findings.extend(fit_cells(&mut groups, &block.id, &caption));
    let table = StatTable {
        id: block.id.clone(),
        template: None,
        label: None,
        caption,
        unit: block.unit.clone(),
        groups,
        derived: BTreeMap::new(),
        keyed: BTreeMap::new(),
        notes: block.notes.clone(),
    };
    (table, findings)
}

/// Cells that do not fit a generic table's headers: the extra ones dropped, the missing ones
/// "not provided", and a finding for each block that did not fit.
fn fit_cells(groups: &mut [super::TableGroup], id: &str, caption: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (g, group) in groups.iter_mut().enumerate() {
        let rows = group.row_count();
        let cols = group.column_count();
        if group.cells.len() != rows || group.cells.iter().any(|r| r.len() != cols) {
            findings.push(structure(
                Some(id),
                caption,
                Said::new(Says::CellsMisfit)
                    .text("block", &(g + 1))
                    .text("rows", &rows)
                    .text("cols", &cols)
                    .text("data", &group.cells.len())
                    .hole(
                        "lengths",
                        Hole::List(group.cells.iter().map(|r| r.len().to_string()).collect()),
                    ),
            ));
            group.cells.resize(rows, Vec::new());
            for row in &mut group.cells {
                row.resize(cols, super::Cell::not_provided());
            }
        }
    }
    findings
}

fn check_template_table(table: &mut StatTable) -> Vec<Finding> {
    let Some(id) = table.template else {
        return Vec::new();
    };
    let name = table.full_caption();
    let mut c = Checker {
        table,
        name,
        findings: Vec::new(),
        blanks: BTreeSet::new(),
        skipped: 0,
    };
    check_figures(&mut c, id);
    id.template().check(&mut c);
    if !c.blanks.is_empty() {
        let cells: Vec<CellPos> = c.blanks.iter().copied().collect();
        let n = cells.len();
        c.findings.push(Finding {
            cells,
            ..Finding::about(
                Rule::Blank,
                Severity::Info,
                &c.name,
                Said::new(Says::CountedAsZero).text("n", &n),
            )
        });
    }
    if c.skipped > 0 {
        let n = c.skipped;
        c.findings.push(Finding::about(
            Rule::NotProvided,
            Severity::Info,
            &c.name,
            Said::new(Says::NotChecked).text("n", &n),
        ));
    }
    c.findings
}

/// Whether a cell's text is a number with more digits than a figure may have.
fn too_large(text: &str) -> bool {
    let digits = text.chars().filter(|c| super::cell::is_digit(*c)).count();
    digits > super::cell::MAX_FIGURE_DIGITS
        && text
            .chars()
            .all(|c| super::cell::is_digit(c) || ",，.．+-－ ".contains(c))
}

/// N1: counts are whole numbers ≥ 0, changes whole, amounts ≥ 0; text is not a figure.
fn check_figures(c: &mut Checker, id: TemplateId) {
    let keyed: Vec<((String, String), CellPos)> =
        c.table.keyed.iter().map(|(k, v)| (k.clone(), *v)).collect();
    for ((_, column_key), pos) in keyed {
        let Some(cell) = c.table.cell(pos) else {
            continue;
        };
        let kind = id.column_kind(&column_key);
        let problem = match (cell.value, kind) {
            (CellValue::Text, _) if too_large(&cell.text) => Some(Says::TooLargeFigure),
            (CellValue::Text, _) => Some(Says::NotAFigure),
            (CellValue::Number(d), ColumnKind::Count) if !d.is_whole() => {
                Some(Says::FractionalCount)
            }
            (CellValue::Number(d), ColumnKind::Count) if d.is_negative() => {
                Some(Says::NegativeCount)
            }
            (CellValue::Number(d), ColumnKind::SignedCount) if !d.is_whole() => {
                Some(Says::FractionalChange)
            }
            (CellValue::Number(d), ColumnKind::Amount) if d.is_negative() => {
                Some(Says::NegativeAmount)
            }
            _ => None,
        };
        if let Some(problem) = problem {
            let printed = super::finding::quote(&cell.text);
            let row = c.label_of_row(pos);
            let column = c.label_of_column(pos);
            let said = if row.is_empty() {
                Said::new(Says::BadFigure)
            } else {
                Said::new(Says::BadFigureAt).text("row", &row)
            };
            c.findings.push(Finding {
                rule: Rule::N1,
                severity: Severity::Error,
                table_id: None,
                table: c.name.clone(),
                row: (!row.is_empty()).then(|| row.clone()),
                column: Some(column.clone()),
                expected: None,
                printed: Some(printed.clone()),
                cells: vec![pos],
                said: said
                    .text("column", &column)
                    .text("printed", &printed)
                    .said("problem", Said::new(problem)),
            });
        }
    }
}

/// Cross-year checks against last year's report, each table against last year's table of the
/// same number, by its template's rules: X1 (表三: carried over = carried forward, per column) as
/// warnings, X2 (表二: rules and normative documents in force) as hints. Figures agencies revise
/// between years make these warnings, never errors.
pub fn check_cross_year(current: &CheckedReport, previous: &CheckedReport) -> Vec<Finding> {
    let mut out = Vec::new();
    for now in current.tables.values() {
        let Some(id) = now.template else { continue };
        if let Some(before) = super::compare::last_years_table(&previous.tables, now) {
            out.extend(id.template().check_against_last_year(now, before));
        }
    }
    out.extend(super::consistency::check_changes(
        &current.report,
        &current.tables,
        &previous.tables,
        &templates::vocabulary(),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::labels::{EN, ZH};
    use crate::model::cell::Decimal;
    use crate::model::parse_report;

    /// 表三's applicant columns, in order (the last is the total).
    const COLUMNS: &[&str] = &[
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_services",
        "other_org",
        "total",
    ];

    /// The result rows of the 2021 表三 ((一) to (六) and their sub-rows), from its template.
    fn result_rows_2021() -> Vec<String> {
        let id = TemplateId::named("table3-2021").expect("registered");
        crate::model::table::leaves(&id.groups()[0].rows)
            .iter()
            .filter_map(|p| p.last()?.key.clone())
            .filter(|k| {
                ![
                    "new_requests",
                    "carried_over",
                    "results_total",
                    "carried_forward",
                ]
                .contains(&k.as_str())
            })
            .collect()
    }

    fn table(template: &str, values: &str) -> (StatTable, Vec<Finding>) {
        let block: TableBlock = serde_json::from_str(&format!(
            r#"{{"id":"t","template":"{template}","values":{values}}}"#
        ))
        .unwrap();
        resolve_table(&block)
    }

    fn rules(findings: &[Finding]) -> Vec<(Rule, Severity)> {
        findings.iter().map(|f| (f.rule, f.severity)).collect()
    }

    /// A consistent 2021 表三 with every cell given: 3 natural persons and 1 company.
    fn full_table3(overrides: &[(&str, &str, &str)]) -> String {
        let mut rows: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let zero_row = || {
            COLUMNS
                .iter()
                .map(|c| (c.to_string(), "0".to_string()))
                .collect::<BTreeMap<_, _>>()
        };
        let mut all = vec![
            "new_requests",
            "carried_over",
            "results_total",
            "carried_forward",
        ];
        let results = result_rows_2021();
        all.extend(results.iter().map(String::as_str));
        for r in all {
            rows.insert(r.to_string(), zero_row());
        }
        let mut set = |r: &str, c: &str, v: &str| {
            rows.get_mut(r)
                .unwrap()
                .insert(c.to_string(), v.to_string());
        };
        // 一 4 (3 + 1), 二 1 (natural person); results: granted 3 (2 np + 1 co), unavailable 1 np;
        // (七) 4; 四 1 np. Check: 4 + 1 = 4 + 1.
        for (r, np, co, total) in [
            ("new_requests", "3", "1", "4"),
            ("carried_over", "1", "0", "1"),
            ("granted", "2", "1", "3"),
            ("unavailable_not_held", "1", "0", "1"),
            ("results_total", "3", "1", "4"),
            ("carried_forward", "1", "0", "1"),
        ] {
            set(r, "natural_person", np);
            set(r, "commercial", co);
            set(r, "total", total);
        }
        for (r, c, v) in overrides {
            set(r, c, v);
        }
        serde_json::to_string(&rows).unwrap()
    }

    #[test]
    fn consistent_table3_has_no_findings() {
        let (_, findings) = table("table3-2021", &full_table3(&[]));
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn r3_3_row_total_must_equal_its_parts() {
        let (t, findings) = table(
            "table3-2021",
            &full_table3(&[("granted", "total", "4"), ("results_total", "total", "5")]),
        );
        // granted total 4 ≠ 2 + 1: R3.3. (七) total 5 = 4 + 1 holds, R3.1 on 总计: 4+1 ≠ 5+1.
        let r33: Vec<&Finding> = findings.iter().filter(|f| f.rule == Rule::R3_3).collect();
        assert_eq!(r33.len(), 2, "{findings:?}");
        assert_eq!(r33[0].row.as_deref(), Some("（一）予以公开"));
        assert_eq!(r33[0].expected.as_deref(), Some("3"));
        assert_eq!(r33[0].printed.as_deref(), Some("4"));
        assert_eq!(
            r33[0].cells,
            vec![t.keyed[&("granted".into(), "total".into())]]
        );
        assert!(r33[0].message().contains("应等于"), "{}", r33[0].message());
        assert!(findings.iter().any(|f| f.rule == Rule::R3_1));
    }

    #[test]
    fn r3_2_results_total_must_equal_result_rows() {
        let (_, findings) = table(
            "table3-2021",
            &full_table3(&[
                ("refused_third_party", "natural_person", "1"),
                ("refused_third_party", "total", "1"),
            ]),
        );
        let found: Vec<(Rule, Option<&str>, Option<&str>)> = findings
            .iter()
            .map(|f| (f.rule, f.column.as_deref(), f.expected.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![
                (Rule::R3_2, Some("申请人情况 › 自然人"), Some("4")),
                (Rule::R3_2, Some("申请人情况 › 总计"), Some("5")),
            ]
        );
    }

    #[test]
    fn r3_1_corner_identity() {
        let (t, findings) = table(
            "table3-2021",
            &full_table3(&[
                ("carried_over", "natural_person", "2"),
                ("carried_over", "total", "2"),
            ]),
        );
        assert_eq!(
            rules(&findings),
            vec![(Rule::R3_1, Severity::Error), (Rule::R3_1, Severity::Error)]
        );
        // Both sides as printed, never a bare sum passed off as a printed figure.
        assert_eq!(
            findings[0].expected.as_deref(),
            Some("一、本年新收 3 + 二、上年结转 2 = 5")
        );
        assert_eq!(
            findings[0].printed.as_deref(),
            Some("（七）总计 3 + 四、结转下年度继续办理 1 = 4")
        );
        assert_eq!(findings[0].cells.len(), 4);
        assert!(findings[0]
            .cells
            .contains(&t.keyed[&("carried_forward".into(), "natural_person".into())]));
        assert!(
            findings[0].message().contains("第一项加第二项之和为 5"),
            "{}",
            findings[0].message()
        );
    }

    #[test]
    fn real_2025_total_column_holds() {
        // 表三 总计 column of a real 2025 report (report-format reference): only these totals
        // are given, so R3.1 is the one identity that can be checked, and it holds:
        // 14069 + 560 = 13810 + 819.
        let (_, findings) = table(
            "table3-2021",
            r#"{"new_requests":{"total":14069},"carried_over":{"total":560},
                "granted":{"total":5548},"partly_granted":{"total":2168},
                "results_total":{"total":13810},"carried_forward":{"total":819}}"#,
        );
        assert!(
            findings.iter().all(|f| !f.needs_attention()),
            "{findings:?}"
        );
        assert!(findings.iter().all(|f| f.rule != Rule::R3_1));
        // And a one-off change is caught, with the difference.
        let (_, findings) = table(
            "table3-2021",
            r#"{"new_requests":{"total":14069},"carried_over":{"total":560},
                "results_total":{"total":13810},"carried_forward":{"total":818}}"#,
        );
        let r31: Vec<&Finding> = findings.iter().filter(|f| f.rule == Rule::R3_1).collect();
        assert_eq!(r31.len(), 1);
        assert!(r31[0].expected.as_deref().unwrap().ends_with("= 14629"));
        assert!(r31[0].printed.as_deref().unwrap().ends_with("= 14628"));
        // Two sides that should be equal: how far apart, unsigned.
        assert!(
            r31[0].message().contains("（相差 1）"),
            "{}",
            r31[0].message()
        );
    }

    #[test]
    fn r4_1_group_totals() {
        let (_, findings) = table(
            "table4-2021",
            r#"{"review":{"upheld":2,"corrected":1,"other":0,"pending":1,"total":4},
                "direct_suit":{"upheld":1,"corrected":0,"other":0,"pending":0,"total":2},
                "suit_after_review":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}}"#,
        );
        assert_eq!(rules(&findings), vec![(Rule::R4_1, Severity::Error)]);
        // The group is named as the row: 表四 has one row, so "row" alone would say nothing.
        assert_eq!(
            findings[0].row.as_deref(),
            Some("行政诉讼 › 未经复议直接起诉")
        );
        assert_eq!(findings[0].column.as_deref(), Some("总计"));
        assert!(findings[0]
            .message()
            .starts_with("“行政诉讼 › 未经复议直接起诉”行“总计”"));
        assert_eq!(findings[0].expected.as_deref(), Some("1"));
        assert_eq!(findings[0].printed.as_deref(), Some("2"));
    }

    #[test]
    fn blanks_count_as_zero_with_a_note() {
        let (_, findings) = table(
            "table4-2019",
            r#"{"review":{"upheld":2,"corrected":"","other":"/","pending":"","total":2}}"#,
        );
        let f: Vec<_> = rules(&findings);
        assert!(f.contains(&(Rule::Blank, Severity::Info)), "{findings:?}");
        assert!(!findings.iter().any(|f| f.needs_attention()));
        let blank = findings.iter().find(|f| f.rule == Rule::Blank).unwrap();
        assert_eq!(blank.cells.len(), 3);
        // A blank total beside non-zero parts is shown as a derived sum AND reported as an
        // error of the publication, naming the group.
        let (t, findings) = table(
            "table4-2019",
            r#"{"review":{"upheld":2,"corrected":1,"other":0,"pending":0,"total":""}}"#,
        );
        let errors: Vec<_> = findings.iter().filter(|f| f.needs_attention()).collect();
        assert_eq!(errors.len(), 1, "{findings:?}");
        assert_eq!(errors[0].rule, Rule::R4_1);
        assert_eq!(errors[0].row.as_deref(), Some("行政复议"));
        assert_eq!(errors[0].expected.as_deref(), Some("3"));
        let pos = t.keyed[&("review".into(), "total".into())];
        assert_eq!(t.derived.get(&pos), Some(&Decimal::whole(3)));
        // A blank total beside zero parts is no error.
        let (_, findings) = table(
            "table4-2019",
            r#"{"review":{"upheld":0,"corrected":"","other":0,"pending":0,"total":""}}"#,
        );
        assert!(
            !findings.iter().any(|f| f.needs_attention()),
            "{findings:?}"
        );
    }

    #[test]
    fn a_total_column_left_blank_on_every_result_row_is_an_error_per_row() {
        // The real pattern: applicant columns filled, 总计 blank on every result row, only
        // （七） and 四 given.
        let mut values = serde_json::Map::new();
        for row in result_rows_2021() {
            let mut cells = serde_json::Map::new();
            for col in COLUMNS {
                cells.insert((*col).into(), "".into());
            }
            values.insert(row, cells.into());
        }
        values["granted"]["natural_person"] = "5".into();
        values["granted"]["commercial"] = "1".into();
        values["unavailable_not_held"]["natural_person"] = "2".into();
        let (t, findings) = table(
            "table3-2021",
            &serde_json::Value::Object(values).to_string(),
        );
        let blank_totals: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == Rule::R3_3 && f.severity == Severity::Error)
            .collect();
        assert_eq!(blank_totals.len(), 2, "{findings:#?}");
        assert_eq!(blank_totals[0].row.as_deref(), Some("（一）予以公开"));
        assert!(blank_totals[0].message().contains("空白"));
        assert_eq!(blank_totals[0].expected.as_deref(), Some("6"));
        let pos = t.keyed[&("granted".into(), "total".into())];
        assert_eq!(t.derived.get(&pos), Some(&Decimal::whole(6)));
    }

    #[test]
    fn not_provided_skips_checks_and_never_counts_as_zero() {
        let (t, findings) = table("table4-2021", r#"{"review":{"upheld":2,"total":5}}"#);
        assert_eq!(rules(&findings), vec![(Rule::NotProvided, Severity::Info)]);
        assert!(t.derived.is_empty());
    }

    #[test]
    fn missing_totals_are_derived_and_marked() {
        let (t, findings) = table(
            "table4-2021",
            r#"{"review":{"upheld":2,"corrected":1,"other":0,"pending":1}}"#,
        );
        let pos = t.keyed[&("review".into(), "total".into())];
        assert_eq!(t.derived.get(&pos), Some(&Decimal::whole(4)));
        assert!(!t.cell(pos).unwrap().is_provided());
        assert!(!findings.iter().any(|f| f.needs_attention()));
        // Derived row totals of 表三 feed the column identity R3.2.
        let (t, findings) = table(
            "table3-2019",
            r#"{"granted":{"natural_person":1,"commercial":0,"research":0,"public_interest":0,"legal_services":0,"other_org":2}}"#,
        );
        let pos = t.keyed[&("granted".into(), "total".into())];
        assert_eq!(t.derived.get(&pos), Some(&Decimal::whole(3)));
        assert!(!findings.iter().any(|f| f.needs_attention()));
    }

    #[test]
    fn n1_figures() {
        let (_, findings) = table(
            "table2-2019",
            r#"{"licensing":{"last_year_items":"1.5","change":"-3","decisions":"-1"},
                "fees":{"change":"+2"},"procurement":{"amount":"251000元","items":"多项"}}"#,
        );
        let got: Vec<(Rule, Option<&str>)> = findings
            .iter()
            .map(|f| (f.rule, f.printed.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Rule::N1, Some("-1")),
                (Rule::N1, Some("1.5")),
                (Rule::N1, Some("多项")),
            ]
        );
        let (_, findings) = table("table2-2021", r#"{"fees":{"amount":"4166.241619"}}"#);
        assert!(findings.is_empty(), "{findings:?}");
        let (_, findings) = table("table2-2021", r#"{"fees":{"amount":"-1"}}"#);
        assert_eq!(rules(&findings), vec![(Rule::N1, Severity::Error)]);
    }

    #[test]
    fn a_figure_too_large_is_a_data_error_never_wrapped_arithmetic() {
        // As printed text (a page): an N1 error that says so; no identity uses it.
        let (_, findings) = table(
            "table4-2021",
            r#"{"review":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0},
                "direct_suit":{"upheld":"9200000000000000","corrected":0,"other":0,"pending":0,"total":"9200000000000000"},
                "suit_after_review":{"upheld":"9200000000000000","corrected":0,"other":0,"pending":0,"total":"9200000000000000"}}"#,
        );
        assert!(
            findings
                .iter()
                .any(|f| f.rule == Rule::N1 && f.message().contains("数字过大")),
            "{findings:#?}"
        );
        // In the JSON as a number: the report is refused with the place and the reason.
        let json = r#"{"version":1,"meta":{"title":"T","agency":"A","published":"2023-01-20T10:00","year":2022},
            "sections":[{"id":"p","title":"四","blocks":[{"type":"table","id":"t4","template":"table4-2021","values":{"review":{"total":9200000000000000}}}]}]}"#;
        let e = parse_report(json).unwrap_err().to_string();
        assert!(
            e.contains("数字过大") && e.contains("values.review.total"),
            "{e}"
        );
        // The largest figure allowed still adds up without overflow, and charts say no negative.
        let big = "999999999999999";
        let report = format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-20T10:00","year":2022}},
            "sections":[{{"id":"p","title":"四","blocks":[{{"type":"table","id":"t4","template":"table4-2021","values":{{
            "review":{{"upheld":"{big}","corrected":0,"other":0,"pending":0,"total":"{big}"}},
            "direct_suit":{{"upheld":"{big}","corrected":0,"other":0,"pending":0,"total":"{big}"}},
            "suit_after_review":{{"upheld":"{big}","corrected":0,"other":0,"pending":0,"total":"{big}"}}}}}}]}}]}}"#
        );
        let checked = check_report(parse_report(&report).unwrap());
        assert!(
            checked
                .findings
                .iter()
                .all(|f| f.severity < Severity::Error),
            "{:#?}",
            checked.findings
        );
        for chart in checked.charts() {
            assert!(
                !ZH.chart_sentence(&chart.sentence).contains('-'),
                "{}",
                ZH.chart_sentence(&chart.sentence)
            );
            assert!(chart.lengths().iter().flatten().all(|l| *l <= 1000));
        }
    }

    #[test]
    fn text_in_a_table_skips_its_identities() {
        let (_, findings) = table(
            "table4-2021",
            r#"{"review":{"upheld":"若干","corrected":1,"other":0,"pending":1,"total":9},
                "direct_suit":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0},
                "suit_after_review":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}}"#,
        );
        assert_eq!(rules(&findings), vec![(Rule::N1, Severity::Error)]);
    }

    #[test]
    fn generic_table_shape_is_checked() {
        let block: TableBlock = serde_json::from_str(
            r#"{"id":"g","caption":"其他统计","columns":["甲","乙"],"rows":["行1","行2"],"cells":[[1,2],[3]]}"#,
        )
        .unwrap();
        let (t, findings) = resolve_table(&block);
        assert_eq!(rules(&findings), vec![(Rule::Structure, Severity::Error)]);
        assert_eq!(t.groups[0].cells[1].len(), 2);
        assert!(!t.groups[0].cells[1][1].is_provided());
        let block: TableBlock = serde_json::from_str(
            r#"{"id":"g","caption":"其他统计","columns":[{"label":"甲","children":["a","b"]}],"cells":[[1,2]]}"#,
        )
        .unwrap();
        let (t, findings) = resolve_table(&block);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(t.groups[0].grid_width(), 2);
    }

    #[test]
    fn repeated_ids_and_bad_dates_are_reported() {
        let r = parse_report(
            r#"{"version":1,"meta":{"title":"T","agency":"A","published":"昨天","year":2020},
                "sections":[{"id":"a","title":"x"},{"id":"a","title":"y"}]}"#,
        )
        .unwrap();
        let checked = check_report(r);
        let got = rules(&checked.findings);
        assert_eq!(
            got,
            vec![
                (Rule::Meta, Severity::Warning),
                (Rule::Structure, Severity::Error)
            ]
        );
    }
}
