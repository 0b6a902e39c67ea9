//! Audits of what a report must contain, as the regulation (Article 50) and the forms name it:
//! the six parts present, in order, titled as the regulation names them (P1); part 五 that says
//! only "无" or next to nothing (P2); 表二 cells the form wants a figure in left blank or printed
//! as "/" (P3). Reports of years before the 2019 regulation (other parts, no official tables) are
//! not audited. Titles vary in real reports: a title without its part's words is a note, never a
//! warning.

use super::cell::CellValue;
use super::finding::{Finding, Hole, Rule, Said, Says, Severity};
use super::table::StatTable;
use super::{Block, Report, Section};
use crate::labels::findings::place;
use std::collections::BTreeMap;

/// The six parts: numeral, the title the regulation's formats give, and words any title of that
/// part has (one of them).
const PARTS: &[(char, &str, &[&str])] = &[
    ('一', "总体情况", &["总体", "概述", "基本情况"]),
    ('二', "主动公开政府信息情况", &["主动公开"]),
    ('三', "收到和处理政府信息公开申请情况", &["申请", "依申请"]),
    (
        '四',
        "政府信息公开行政复议、行政诉讼情况",
        &["复议", "诉讼"],
    ),
    ('五', "存在的主要问题及改进情况", &["问题", "改进", "不足"]),
    ('六', "其他需要报告的事项", &["其他", "事项"]),
];

/// The first year reports follow the 2019 regulation's six parts.
const FIRST_YEAR: u16 = 2019;

/// Everything the audits find.
pub fn audit(report: &Report, tables: &BTreeMap<String, StatTable>) -> Vec<Finding> {
    if report.meta.year < FIRST_YEAR || report.sections.is_empty() {
        return Vec::new();
    }
    let mut out = parts(report);
    out.extend(part_five(report));
    out.extend(
        tables
            .values()
            .filter(|t| t.template.is_some_and(|id| id.table_number() == 2))
            .filter_map(unfilled),
    );
    out
}

fn finding(rule: Rule, severity: Severity, said: Said) -> Finding {
    Finding::about(rule, severity, place::STRUCTURE, said)
}

/// The numeral a part is numbered with (一、 二. （三） …), if it is one of 一 to 六.
fn numeral(s: &Section) -> Option<char> {
    s.number
        .chars()
        .find(|c| "一二三四五六七八九十".contains(*c))
        .filter(|c| PARTS.iter().any(|(n, _, _)| n == c))
}

/// P1: every part present, in order, titled with its words.
fn parts(report: &Report) -> Vec<Finding> {
    let numbered: Vec<(char, &Section)> = report
        .sections
        .iter()
        .filter_map(|s| numeral(s).map(|n| (n, s)))
        .collect();
    // A report that does not number its parts (a JSON report of titles only) is not audited.
    if numbered.len() < 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, title, words) in PARTS {
        let Some((_, s)) = numbered.iter().find(|(m, _)| m == n) else {
            // Present under another number or none: the order check says so.
            if report
                .sections
                .iter()
                .any(|s| words.iter().any(|w| s.title.contains(w)))
            {
                continue;
            }
            out.push(finding(
                Rule::P1,
                Severity::Warning,
                Said::new(Says::PartMissing)
                    .text("n", n)
                    .text("title", title),
            ));
            continue;
        };
        if !words.iter().any(|w| s.title.contains(w)) && !s.title.trim().is_empty() {
            out.push(finding(
                Rule::P1,
                Severity::Info,
                Said::new(Says::PartRetitled)
                    .text("n", n)
                    .text("printed", &s.title)
                    .text("title", title),
            ));
        }
    }
    let order: Vec<usize> = numbered
        .iter()
        .filter_map(|(n, _)| PARTS.iter().position(|(m, _, _)| m == n))
        .collect();
    if order.windows(2).any(|w| w[0] >= w[1]) {
        let printed: String = numbered.iter().map(|(n, _)| *n).collect();
        out.push(finding(
            Rule::P1,
            Severity::Warning,
            Said::new(Says::PartsOutOfOrder).text("printed", &printed),
        ));
    }
    out
}

/// The text of a part and its subsections, without white space.
fn text_of(s: &Section) -> String {
    let mut out = String::new();
    for sec in s.walk() {
        for b in &sec.blocks {
            match b {
                Block::Paragraph { text } | Block::Note { text } => out.push_str(text),
                Block::List { items, .. } => items.iter().for_each(|i| out.push_str(i)),
                Block::Table(_) => out.push('表'),
            }
        }
        if !std::ptr::eq(sec, s) {
            out.push_str(&sec.title);
        }
    }
    out.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Fewer characters than this in part 五, naming no problem and no improvement, is a note.
const PART_FIVE_SHORT: usize = 20;

/// Whether a text names a problem and what is done about it ("…较为单一。下一步将丰富…").
fn names_problem_and_remedy(text: &str) -> bool {
    ["问题", "不足", "不够", "单一", "滞后", "欠缺"]
        .iter()
        .any(|w| text.contains(w))
        && ["将", "下一步", "改进", "加强", "提升", "完善"]
            .iter()
            .any(|w| text.contains(w))
}

/// P2: part 五 that says only "无" or next to nothing (an empty one is T1's).
fn part_five(report: &Report) -> Option<Finding> {
    let s = report.sections.iter().find(|s| numeral(s) == Some('五'))?;
    let text = text_of(s);
    let bare: String = text
        .chars()
        .filter(|c| !"。.，,；;：:！!、".contains(*c))
        .collect();
    if bare.is_empty() {
        return None;
    }
    let none = ["无", "暂无", "没有", "无问题", "本年度无", "没有问题"].contains(&bare.as_str());
    let (severity, said) = if none {
        (Severity::Warning, Said::new(Says::PartFiveNone))
    } else if bare.chars().count() < PART_FIVE_SHORT && !names_problem_and_remedy(&bare) {
        (
            Severity::Info,
            Said::new(Says::PartFiveShort).text("n", &bare.chars().count()),
        )
    } else {
        return None;
    };
    Some(finding(
        Rule::P2,
        severity,
        said.text("title", &s.title).text("text", &text),
    ))
}

/// P3: 表二's cells left blank or printed as a placeholder ("/", "—", "不适用"): the form wants a
/// figure in every cell (0 where there is none).
fn unfilled(t: &StatTable) -> Option<Finding> {
    let mut places = Vec::new();
    let mut cells = Vec::new();
    for ((row, col), pos) in &t.keyed {
        let Some(cell) = t.cell(*pos) else { continue };
        if matches!(cell.value, CellValue::Blank | CellValue::NotApplicable) {
            let r = t
                .row_labels(pos.group, pos.row)
                .last()
                .copied()
                .unwrap_or(row);
            let c = t.column_labels(pos.group, pos.column).join(" › ");
            let c = if c.is_empty() {
                col.as_str()
            } else {
                c.as_str()
            };
            // Marks in words, so the sentence reads aloud as it shows.
            let says = match cell.text.trim() {
                "" => Says::UnfilledBlank,
                "/" | "／" | "\\" => Says::UnfilledSlash,
                "-" | "—" | "－" | "–" | "——" | "--" => Says::UnfilledDash,
                _ => Says::UnfilledOther,
            };
            places.push(
                Said::new(says)
                    .text("row", &r)
                    .text("column", &c)
                    .text("printed", &cell.text.trim()),
            );
            cells.push(*pos);
        }
    }
    if places.is_empty() {
        return None;
    }
    let n = places.len();
    let mut f = Finding::about(
        Rule::P3,
        Severity::Warning,
        &t.full_caption(),
        Said::new(Says::Unfilled)
            .text("n", &n)
            .hole("places", Hole::Joined(places, Says::Semicolon)),
    );
    f.table_id = Some(t.id.clone());
    f.cells = cells;
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{check_report, parse_report};

    fn report(parts: &[(&str, &str, &str)], t2: &str) -> Report {
        let sections: Vec<serde_json::Value> = parts
            .iter()
            .enumerate()
            .map(|(i, (n, t, text))| {
                let mut blocks = vec![serde_json::json!({"type": "paragraph", "text": text})];
                if *n == "二、" && !t2.is_empty() {
                    blocks.push(serde_json::json!({"type": "table", "id": "table-2", "template": "table2-2021", "values": serde_json::from_str::<serde_json::Value>(t2).unwrap()}));
                }
                serde_json::json!({"id": format!("part-{i}"), "number": n, "title": t, "blocks": blocks})
            })
            .collect();
        let json = serde_json::json!({"version": 1, "meta": {"title": "某县2022年度政府信息公开工作年度报告", "agency": "某县", "published": "2023-01-20T10:00", "year": 2022}, "sections": sections});
        parse_report(&json.to_string()).unwrap()
    }

    const FIVE: &str = "一是公开内容不够全面，二是解读形式较为单一。下一步将加强培训，丰富解读形式，提升公开质量。";

    fn six(five: &'static str) -> Vec<(&'static str, &'static str, &'static str)> {
        vec![
            ("一、", "总体情况", "好。"),
            ("二、", "主动公开政府信息情况", "见下表。"),
            ("三、", "收到和处理政府信息公开申请情况", "见下表。"),
            ("四、", "政府信息公开行政复议、行政诉讼情况", "见下表。"),
            ("五、", "存在的主要问题及改进情况", five),
            ("六、", "其他需要报告的事项", "无。"),
        ]
    }

    fn rules(r: Report) -> Vec<(Rule, Severity, String)> {
        check_report(r)
            .findings
            .into_iter()
            .filter(|f| matches!(f.rule, Rule::P1 | Rule::P2 | Rule::P3))
            .map(|f| (f.rule, f.severity, f.message()))
            .collect()
    }

    #[test]
    fn a_report_with_its_six_parts_in_order_passes() {
        assert_eq!(rules(report(&six(FIVE), "")), vec![]);
        // Real titles vary: these are all fine.
        let mut parts = six(FIVE);
        parts[3].1 = "因政府信息公开工作被申请行政复议和提起行政诉讼情况";
        parts[4].1 = "政府信息公开工作存在的主要问题及改进情况";
        assert_eq!(rules(report(&parts, "")), vec![]);
    }

    #[test]
    fn a_missing_part_parts_out_of_order_and_an_odd_title_are_said() {
        let mut parts = six(FIVE);
        parts.remove(3);
        let f = rules(report(&parts, ""));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].2.contains("没有第四部分"), "{}", f[0].2);
        let mut parts = six(FIVE);
        parts.swap(1, 2);
        let f = rules(report(&parts, ""));
        assert!(
            f.iter()
                .any(|f| f.1 == Severity::Warning && f.2.contains("“一三二四五六”")),
            "{f:#?}"
        );
        let mut parts = six(FIVE);
        parts[1].1 = "政务公开情况";
        let f = rules(report(&parts, ""));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, Severity::Info);
    }

    #[test]
    fn part_five_saying_only_none_is_a_warning_and_a_short_one_a_note() {
        let f = rules(report(&six("无。"), ""));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].0, f[0].1), (Rule::P2, Severity::Warning));
        let f = rules(report(&six("工作总体良好。"), ""));
        assert_eq!((f[0].0, f[0].1), (Rule::P2, Severity::Info));
        // Short, but naming a problem and its remedy: nothing to say.
        assert_eq!(rules(report(&six("公开不够及时，将改进。"), "")), vec![]);
        // An empty part 五 is T1's (not said twice).
        assert_eq!(rules(report(&six(""), "")), vec![]);
    }

    #[test]
    fn table_two_cells_left_blank_or_printed_as_a_placeholder_are_listed() {
        let full = r#"{"regulations":{"issued":0,"repealed":0,"in_force":3},"normative_documents":{"issued":1,"repealed":0,"in_force":9},"licensing":{"decisions":5},"penalty":{"decisions":2},"coercion":{"decisions":0},"fees":{"amount":0}}"#;
        assert_eq!(rules(report(&six(FIVE), full)), vec![]);
        let gaps = full
            .replace(
                r#""coercion":{"decisions":0}"#,
                r#""coercion":{"decisions":""}"#,
            )
            .replace(
                r#""repealed":0,"in_force":3"#,
                r#""repealed":"/","in_force":3"#,
            );
        let f = rules(report(&six(FIVE), &gaps));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!((f[0].0, f[0].1), (Rule::P3, Severity::Warning));
        assert!(
            f[0].2.contains("2 个单元格")
                && f[0].2.contains("行政强制")
                && f[0].2.contains("印为斜线"),
            "{}",
            f[0].2
        );
        // Not provided at all is not "left blank": the source does not give the table's figures.
        assert_eq!(
            rules(report(&six(FIVE), r#"{"licensing":{"decisions":5}}"#)),
            vec![]
        );
    }

    #[test]
    fn reports_before_the_regulation_are_not_audited() {
        let mut r = report(&six("无。")[..2], "");
        r.meta.year = 2015;
        assert!(audit(&r, &BTreeMap::new()).is_empty());
    }
}
