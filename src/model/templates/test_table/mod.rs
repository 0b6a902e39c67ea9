//! A template used only in tests, registered like the official ones (one line in `REGISTRY`),
//! to prove that a new table family needs nothing else: 表九 试点统计, two rows of applications
//! with a total column, and one identity (T9: 合计 = 线上 + 线下).

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
}

#[cfg(test)]
mod tests {
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
                .any(|f| f.rule == Rule::R3_3 && f.message.contains("线上与线下")),
            "{r:?}"
        );
    }
}
