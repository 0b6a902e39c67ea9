//! A template used only in tests, registered like the official ones (one line in `REGISTRY`),
//! to prove that a new table family needs this folder and nothing else: 表九 试点统计, two rows of
//! applications with a total column, one identity (T9: 合计 = 线上 + 线下), the sentence of the
//! text that states its total (text.rs), its 图解 (chart.rs), and on a page it is read by the
//! default reader (its labels down the side and above).

mod chart;
mod text;

use super::{leaf, Format, Template, TemplateId};
use crate::model::checker::Checker;
use crate::model::finding::Rule;
use crate::model::table::{Header, TableGroup};

/// 表九, format 1.
pub const V1: TemplateId = TemplateId::new("table9-test", 9, 2021);
/// The template of [`V1`], for the registry.
pub(in crate::model::templates) static T1: Table9 = Table9(Format {
    id: V1,
    description: "表九 试点统计 (tests only).",
});

/// 表九 试点统计.
pub struct Table9(Format);

impl Template for Table9 {
    fn format(&self) -> &Format {
        &self.0
    }
    fn label(&self) -> &'static str {
        "表九"
    }
    fn caption(&self) -> &'static str {
        "试点统计"
    }
    fn groups(&self) -> Vec<TableGroup> {
        vec![TableGroup {
            heading: None,
            corner: None,
            columns: vec![Header::group(
                "申请方式",
                vec![
                    leaf("线上", "online"),
                    leaf("线下", "offline"),
                    leaf("合计", "total"),
                ],
            )],
            rows: vec![leaf("本年受理", "received"), leaf("本年办结", "closed")],
            cells: Vec::new(),
        }]
    }
    fn check(&self, c: &mut Checker) {
        for row in ["received", "closed"] {
            let (Some(online), Some(offline), Some(total)) = (
                c.pos(row, "online"),
                c.pos(row, "offline"),
                c.pos(row, "total"),
            ) else {
                continue;
            };
            c.check_sum(
                Rule::R3_3,
                total,
                &[online, offline],
                ("线上与线下", "online and offline"),
            );
        }
    }
    fn identified_by(&self) -> &'static [&'static [&'static str]] {
        &[&["试点统计", "线上", "线下"]]
    }
    fn statements(&self) -> &'static [crate::model::claims::Statement] {
        text::STATEMENTS
    }
    fn charts(&self, table: &crate::model::StatTable) -> Vec<crate::model::chart::Chart> {
        vec![chart::channels(table)]
    }
}

#[cfg(test)]
mod tests {
    use crate::export::{standalone_html, Page};
    use crate::labels::ZH;
    use crate::model::finding::Rule;
    use crate::model::layout::layout;
    use crate::model::{check_report, parse_report};
    use crate::read_aloud::script::build;

    fn report(total: u32) -> String {
        format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022}},
            "sections":[{{"id":"p","title":"九","blocks":[{{"type":"table","id":"t9","template":"table9-test",
            "values":{{"received":{{"online":3,"offline":4,"total":{total}}},"本年办结":{{"线上":1}}}}}}]}}]}}"#
        )
    }

    /// Registered with one line, the template is read from JSON, laid out, checked by its own
    /// rule, and read aloud, with no other change anywhere.
    #[test]
    fn a_template_registered_with_one_line_is_read_laid_out_checked_and_read_aloud() {
        let checked = check_report(parse_report(&report(7)).expect("the test template parses"));
        let table = &checked.tables["t9"];
        assert_eq!(table.full_caption(), "表九　试点统计");
        assert_eq!(table.unit.as_deref(), Some("件"));
        let laid = layout(table);
        assert!(laid
            .iter()
            .flat_map(|b| b.cells())
            .any(|c| c.text == "线下"));
        assert!(checked
            .findings_for("t9")
            .iter()
            .all(|f| f.rule != Rule::R3_3));
        let script = build(&checked);
        assert!(
            script
                .iter()
                .any(|u| u.shown.contains("本年受理") && u.shown.contains("线下4")),
            "{script:?}"
        );
        // Its identity is checked.
        let broken = check_report(parse_report(&report(9)).unwrap());
        let r = broken.findings_for("t9");
        assert!(
            r.iter()
                .any(|f| f.rule == Rule::R3_3 && f.message().contains("线上与线下")),
            "{r:?}"
        );
    }

    /// The text's statement of its total is compared with the table, its chart is drawn, and the
    /// saved page shows table and chart: all from this folder.
    #[test]
    fn its_text_statement_chart_and_markup_come_from_its_folder() {
        let with_text = |sentence: &str| {
            report(7).replace(
                r#""blocks":[{"type":"table""#,
                &format!(
                    r#""blocks":[{{"type":"paragraph","text":"{sentence}"}},{{"type":"table""#
                ),
            )
        };
        let agrees = check_report(parse_report(&with_text("本年试点受理申请7件。")).unwrap());
        assert!(
            agrees.findings.iter().all(|f| f.rule != Rule::T1),
            "{:?}",
            agrees.findings
        );
        let differs = check_report(parse_report(&with_text("本年试点受理申请8件。")).unwrap());
        assert!(
            differs
                .findings
                .iter()
                .any(|f| f.rule == Rule::T1 && f.expected.as_deref() == Some("8")),
            "{:?}",
            differs.findings
        );
        let drawn = agrees.charts();
        assert_eq!(drawn.len(), 1);
        assert_eq!(drawn[0].bars.len(), 2);
        assert!(
            ZH.chart_sentence(&drawn[0].sentence).contains("线上3件"),
            "{:?}",
            drawn[0].sentence
        );
        let page = standalone_html(
            &agrees,
            &Page {
                css: "",
                address: None,
                classes: "",
                labels: &crate::labels::ZH,
                charts: true,
                cross_year: &[],
            },
        );
        assert!(page.contains("表九"));
        assert!(page.contains("线上3件"));
        assert!(page.contains(">4<"), "the figure 线下 4 is in the markup");
    }

    /// A page that prints 表九 is imported into its keys by the default reader, every figure in
    /// its cell as printed.
    #[cfg(feature = "tool")]
    #[test]
    fn a_page_printing_it_is_imported_into_its_keys() {
        let html = "<html><body><h1>2022年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>试点统计如下。</p>\
            <table><tr><td colspan=4>试点统计</td></tr>\
            <tr><td rowspan=2></td><td colspan=3>申请方式</td></tr>\
            <tr><td>线上</td><td>线下</td><td>合计</td></tr>\
            <tr><td>本年受理</td><td>3</td><td>4</td><td>7</td></tr>\
            <tr><td>本年办结</td><td>1</td><td>2</td><td>3</td></tr></table></body></html>";
        let imported = crate::import::import(html.as_bytes(), &Default::default()).unwrap();
        let table = imported
            .report
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                crate::model::Block::Table(t) => Some(t),
                _ => None,
            })
            .expect("a table");
        assert_eq!(table.template, Some(super::V1));
        let text = |r: &str, c: &str| table.values[r][c].text.clone();
        assert_eq!(
            [
                text("received", "online"),
                text("received", "offline"),
                text("received", "total")
            ],
            ["3", "4", "7"]
        );
        assert_eq!(text("closed", "total"), "3");
        assert!(
            imported
                .notes_in(&crate::labels::ZH)
                .iter()
                .all(|n| !n.contains("未能放入")),
            "{:?}",
            imported.notes_in(&crate::labels::ZH)
        );
    }
}
