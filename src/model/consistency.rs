//! 正文一致性 (T1): the report's text against its tables. The claim reader
//! ([`super::claims`]) finds every count the text states and binds it to what it counts when that
//! is certain; a bound claim the table gives differently is a warning naming the sentence and
//! the cell. Everything else is listed (`claims`, `compare_claim`: report-tool `check
//! --verbose`), never warned. Also warned: part 五 or 六 empty, and the templates' own text checks
//! (fees shown in 表二 that part 六 does not mention).
//!
//! Pure string scanning (no regex: this runs in the browser build too).

use super::cell::{CellValue, Decimal};
use super::claims::{
    read_paragraph_within, Amount, Binding, Claim, Stated, Statement, Vocabulary, MAX_SENTENCES,
};
use super::finding::{Finding, Hole, Rule, Said, Says, Severity};
use super::table::{first_of_number, CellPos, StatTable};
use super::{Block, Report, Section};
use crate::labels::findings::place;
use std::collections::BTreeMap;

/// The paragraphs of the report's text (list items each on their own), with the heading of
/// the section they are in.
fn paragraphs(report: &Report) -> Vec<(String, &str)> {
    fn take<'a>(out: &mut Vec<(String, &'a str)>, heading: String, blocks: &'a [Block]) {
        for b in blocks {
            match b {
                Block::Paragraph { text } | Block::Note { text } => {
                    out.push((heading.clone(), text.as_str()))
                }
                Block::List { items, .. } => {
                    out.extend(items.iter().map(|i| (heading.clone(), i.as_str())))
                }
                Block::Table(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    take(&mut out, "前言".into(), &report.introduction);
    for s in report.all_sections() {
        take(&mut out, s.heading(), &s.blocks);
    }
    out
}

/// A cell's figure (a blank or placeholder counts 0; a computed value where none is printed).
pub(crate) fn value(table: &StatTable, row: &str, column: &str) -> Option<(CellPos, Decimal)> {
    let (pos, cell) = table.keyed_cell(row, column)?;
    let v = match cell.value {
        CellValue::Number(d) => d,
        CellValue::Blank | CellValue::NotApplicable => Decimal::whole(0),
        _ => table.derived.get(&pos).copied()?,
    };
    Some((pos, table.derived.get(&pos).copied().unwrap_or(v)))
}

/// The official tables, the first of each number, in the order of their numbers.
fn official(tables: &BTreeMap<String, StatTable>) -> Vec<&StatTable> {
    let mut numbers: Vec<u8> = tables
        .values()
        .filter_map(|t| t.template.map(|id| id.table_number()))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .iter()
        .filter_map(|&n| first_of_number(tables, n))
        .collect()
}

/// Every claim of the report's text, read with the vocabulary of the report's templates (at
/// most [`MAX_SENTENCES`] sentences with a numeral: see [`claims_read`]).
pub fn claims(report: &Report, v: &Vocabulary) -> Vec<Claim> {
    claims_read(report, v).0
}

/// The report's claims, and whether the text went on past [`MAX_SENTENCES`] sentences with a
/// numeral (the rest not read: said to the webmaster, never to readers).
pub fn claims_read(report: &Report, v: &Vocabulary) -> (Vec<Claim>, bool) {
    let mut budget = MAX_SENTENCES + 1;
    let mut out = Vec::new();
    for (heading, text) in paragraphs(report) {
        if budget == 0 {
            return (out, true);
        }
        out.extend(read_paragraph_within(&heading, text, v, &mut budget));
    }
    (out, budget == 0)
}

/// The webmaster's line when the text check stopped reading.
fn stopped_line() -> Said {
    Said::new(Says::StoppedReading).text("max", &MAX_SENTENCES)
}

/// How a claim compares with the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    /// The table gives the same figure (one of the ways it may be counted).
    Agrees,
    /// The table gives another: the cells and the figure.
    Differs(Vec<CellPos>, Decimal),
    /// Not compared, and why.
    NotCompared(Said),
}

/// A claim of a count against the tables (a change against last year is compared when last
/// year's report is loaded).
pub fn compare_claim(
    claim: &Claim,
    tables: &BTreeMap<String, StatTable>,
    v: &Vocabulary,
) -> Checked {
    let b = match &claim.bound {
        Ok(b) => b,
        Err(why) => return Checked::NotCompared(why.clone()),
    };
    let Stated::Count(n) = claim.stated else {
        return Checked::NotCompared(Said::new(Says::ChangeAwaitsLastYear));
    };
    let Some(table) = first_of_number(tables, b.table) else {
        return Checked::NotCompared(Said::new(Says::NoTable).text("n", &numeral(b.table)));
    };
    let options = options(table, b, v);
    let Some((cells, first)) = options.first().cloned() else {
        return Checked::NotCompared(Said::new(Says::NoFigureGiven));
    };
    if options
        .iter()
        .any(|(_, v)| v.same_value(&Decimal::whole(n)))
    {
        Checked::Agrees
    } else {
        Checked::Differs(cells, first)
    }
}

/// The table's figures for a binding: each accepted sum of cells the table provides, with the
/// cells; a breakdown takes its columns in place of `total`.
pub fn options(table: &StatTable, b: &Binding, v: &Vocabulary) -> Vec<(Vec<CellPos>, Decimal)> {
    let st = v.subjects[b.subject].1;
    let columns: &[&str] = b.column.map_or(&[], |j| v.columns[j].1.columns);
    st.accept
        .iter()
        .filter_map(|cells| {
            let mut total = Decimal::whole(0);
            let mut at = Vec::new();
            for (r, c) in cells.iter() {
                let cols: &[&str] = if columns.is_empty() || *c != "total" {
                    std::slice::from_ref(c)
                } else {
                    columns
                };
                for c in cols {
                    let (pos, v) = value(table, r, c)?;
                    total = total.checked_add(v)?;
                    at.push(pos);
                }
            }
            Some((at, total))
        })
        .collect()
}

/// 二, 三, 四 … for a table's number.
pub fn numeral(n: u8) -> &'static str {
    ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        .get(usize::from(n))
        .copied()
        .unwrap_or("")
}

/// Finds the text's figures that the tables give differently, and the empty parts.
pub fn check_text(
    report: &Report,
    tables: &BTreeMap<String, StatTable>,
    v: &Vocabulary,
) -> Vec<Finding> {
    let mut out: Vec<Finding> = claims(report, v)
        .iter()
        .filter_map(|c| match compare_claim(c, tables, v) {
            Checked::Differs(cells, first) => {
                let Stated::Count(n) = c.stated else {
                    return None;
                };
                let b = c.bound.as_ref().ok()?;
                let table = first_of_number(tables, b.table)?;
                Some(contradiction(
                    c,
                    v.subjects[b.subject].1,
                    table,
                    (n, cells, first),
                ))
            }
            _ => None,
        })
        .collect();
    out.extend(empty_parts(report));
    for table in official(tables) {
        if let Some(id) = table.template {
            out.extend(id.template().check_text(report, table));
        }
    }
    out
}

/// The text's changes against last year ("较上年增加5件", "同比下降3.5%") against this year's and
/// last year's tables: a change the two tables give differently is a warning. Changes whose
/// subject is not certain, or whose figures either table leaves out, are not compared.
pub fn check_changes(
    report: &Report,
    now: &BTreeMap<String, StatTable>,
    before: &BTreeMap<String, StatTable>,
    v: &Vocabulary,
) -> Vec<Finding> {
    claims(report, v)
        .iter()
        .filter_map(|c| {
            let Stated::Change { up, by } = c.stated else {
                return None;
            };
            let b = c.bound.as_ref().ok()?;
            let table = first_of_number(now, b.table)?;
            let last = first_of_number(before, b.table)?;
            let (cells, this_year) = options(table, b, v).first().cloned()?;
            let (_, last_year) = options(last, b, v).first().cloned()?;
            let (n, l) = (this_year.as_whole()?, last_year.as_whole()?);
            let agrees = match by {
                Amount::Count(k) => n - l == if up { k } else { -k },
                Amount::Percent(hundredths, decimals) => {
                    l != 0
                        && percent_agrees(
                            n - l,
                            l,
                            if up { hundredths } else { -hundredths },
                            decimals,
                        )
                }
            };
            (!agrees).then(|| change_finding(c, v.subjects[b.subject].1, table, cells, (n, l)))
        })
        .collect()
}

/// Whether `delta / base` in percent, at the printed `decimals`, is the stated `hundredths` (of
/// a percent): rounded half away from zero, or cut off, as reports do either.
fn percent_agrees(delta: i64, base: i64, hundredths: i64, decimals: u8) -> bool {
    if base <= 0 {
        return false;
    }
    let unit = match decimals {
        0 => 100,
        1 => 10,
        _ => 1,
    };
    let (num, den) = (delta * 10_000, base * unit);
    let rounded = (2 * num + num.signum() * den) / (2 * den);
    let cut = num / den;
    rounded * unit == hundredths || cut * unit == hundredths
}

/// A T1 warning about a table's cells: what the text states and the table gives, in words.
fn text_warning(
    table: &StatTable,
    cells: Vec<CellPos>,
    (expected, printed): (String, String),
    said: Said,
) -> Finding {
    Finding {
        rule: Rule::T1,
        severity: Severity::Warning,
        table_id: Some(table.id.clone()),
        table: table.full_caption(),
        row: None,
        column: None,
        expected: Some(expected),
        printed: Some(printed),
        said,
        cells,
    }
}

/// The warning for a change the two years' tables give differently.
fn change_finding(
    claim: &Claim,
    st: &Statement,
    table: &StatTable,
    cells: Vec<CellPos>,
    (now, before): (i64, i64),
) -> Finding {
    let whole = |units| Decimal { units, scale: 0 };
    text_warning(
        table,
        cells,
        (claim.printed.clone(), (now - before).to_string()),
        Said::new(Says::TextChange)
            .text("heading", &claim.heading)
            .both("what", &st.what, &st.what_en)
            .text("printed", &claim.printed)
            .quote("sentence", &claim.sentence)
            .text("now", &now)
            .text("before", &before)
            .said(
                "change",
                super::checker::difference(whole(now), whole(before)),
            ),
    )
}

/// Every count the text states, one line each, with what it was bound to and how it compares,
/// or why it was not compared: for the webmaster (report-tool `check --verbose`, the console),
/// so what the check covers is visible.
pub fn claim_lines(
    report: &Report,
    tables: &BTreeMap<String, StatTable>,
    v: &Vocabulary,
) -> Vec<Said> {
    let (all, stopped) = claims_read(report, v);
    let mut lines: Vec<Said> = all
        .iter()
        .map(|c| {
            let what = match &c.bound {
                Ok(b) => {
                    let st = v.subjects[b.subject].1;
                    let said = match b.column {
                        Some(j) => {
                            Said::new(Says::BoundColumn).text("column", &v.columns[j].1.words[0])
                        }
                        None => Said::new(Says::Bound),
                    };
                    said.text("n", &numeral(b.table))
                        .both("what", &st.what, &st.what_en)
                }
                Err(_) => Said::new(Says::Unbound),
            };
            let outcome = match compare_claim(c, tables, v) {
                Checked::Agrees => Said::new(Says::Agrees),
                Checked::Differs(_, first) => Said::new(Says::Differs).text("first", &first),
                Checked::NotCompared(why) => Said::new(Says::NotComparedBecause).said("why", why),
            };
            Said::new(Says::ClaimLine)
                .text("heading", &c.heading)
                .text("printed", &c.printed)
                .said("what", what)
                .said("outcome", outcome)
                .text("sentence", &c.sentence)
        })
        .collect();
    if stopped {
        lines.push(stopped_line());
    }
    lines
}

/// What the viewer tells the webmaster on the console about the text's counts: how many were
/// found and compared, then each one not compared with why (at most `max`, then how many more).
pub fn claims_for_webmaster(
    report: &Report,
    tables: &BTreeMap<String, StatTable>,
    v: &Vocabulary,
    max: usize,
) -> Vec<Said> {
    let (all, stopped) = claims_read(report, v);
    let mut compared = 0;
    let mut not: Vec<Said> = Vec::new();
    for c in &all {
        match compare_claim(c, tables, v) {
            Checked::NotCompared(why) => not.push(
                Said::new(Says::NotComparedLine)
                    .text("printed", &c.printed)
                    .text("heading", &c.heading)
                    .quote("sentence", &c.sentence)
                    .said("why", why),
            ),
            _ => compared += 1,
        }
    }
    if all.is_empty() && !stopped {
        return Vec::new();
    }
    let mut out = vec![Said::new(Says::ClaimsSummary)
        .text("all", &all.len())
        .text("compared", &compared)
        .text("not", &not.len())];
    let more = not.len().saturating_sub(max);
    out.extend(not.into_iter().take(max));
    if more > 0 {
        out.push(Said::new(Says::ClaimsMore).text("more", &more));
    }
    if stopped {
        out.push(stopped_line());
    }
    out
}

/// The warning for a claim the table gives differently: what it states, the cells and their
/// figure.
fn contradiction(
    claim: &Claim,
    st: &Statement,
    table: &StatTable,
    (stated, cells, first): (i64, Vec<CellPos>, Decimal),
) -> Finding {
    text_warning(
        table,
        cells.clone(),
        (stated.to_string(), first.to_string()),
        Said::new(Says::TextContradicts)
            .text("heading", &claim.heading)
            .both("what", &st.what, &st.what_en)
            .text("stated", &stated)
            .quote("sentence", &claim.sentence)
            .hole("cells", Hole::Joined(cell_names(table, &cells), Says::And))
            .text("first", &first),
    )
}

/// Cells named as a message names them: “row”行“column › sub” (row “r”, column “c”).
fn cell_names(table: &StatTable, cells: &[CellPos]) -> Vec<Said> {
    cells
        .iter()
        .map(|p| {
            let row = table
                .row_labels(p.group, p.row)
                .last()
                .copied()
                .unwrap_or("");
            let col = table.column_labels(p.group, p.column).join(" › ");
            if row.is_empty() {
                Said::new(Says::PlaceOne).text("name", &col)
            } else {
                Said::new(Says::CellOf)
                    .text("row", &row)
                    .text("column", &col)
            }
        })
        .collect()
}

fn has_content(s: &Section) -> bool {
    s.blocks.iter().any(|b| match b {
        Block::Paragraph { text } | Block::Note { text } => !text.trim().is_empty(),
        Block::List { items, .. } => items.iter().any(|i| !i.trim().is_empty()),
        Block::Table(_) => true,
    }) || s
        .sections
        .iter()
        .any(|c| has_content(c) || !c.title.is_empty())
}

/// The part numbered `numeral` whose title holds one of `words`.
pub(crate) fn part<'a>(report: &'a Report, numeral: char, words: &[&str]) -> Option<&'a Section> {
    report
        .sections
        .iter()
        .find(|s| s.number.starts_with(numeral) && words.iter().any(|w| s.title.contains(w)))
}

/// A T1 warning about the text.
pub(crate) fn text_finding(said: Said) -> Finding {
    Finding::about(Rule::T1, Severity::Warning, place::TEXT, said)
}

fn empty_parts(report: &Report) -> Vec<Finding> {
    [('五', &["问题", "改进"][..]), ('六', &["其他", "事项"][..])]
        .iter()
        .filter_map(|(n, words)| part(report, *n, words))
        .filter(|s| !has_content(s))
        .map(|s| {
            let number = s.number.trim_end_matches(['、', '.', '．']);
            text_finding(
                Said::new(Says::PartEmpty)
                    .text("n", &number)
                    .text("title", &s.title),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{check_report, parse_report};

    fn report(part1: &str, part5: &str, part6: &str, t3: &str, t4: &str) -> Report {
        let json = format!(
            r#"{{"version":1,"meta":{{"title":"某县2021年度政府信息公开工作年度报告","agency":"某县","published":"2022-01-20T10:00","year":2021}},
            "sections":[
              {{"id":"part-1","number":"一、","title":"总体情况","blocks":[{{"type":"paragraph","text":{p1}}}]}},
              {{"id":"part-3","number":"三、","title":"收到和处理政府信息公开申请情况","blocks":[{{"type":"table","id":"table-3","template":"table3-2021","values":{t3}}}]}},
              {{"id":"part-4","number":"四、","title":"政府信息公开行政复议、行政诉讼情况","blocks":[{{"type":"table","id":"table-4","template":"table4-2021","values":{t4}}}]}},
              {{"id":"part-5","number":"五、","title":"存在的主要问题及改进情况","blocks":[{part5}]}},
              {{"id":"part-6","number":"六、","title":"其他需要报告的事项","blocks":[{part6}]}}]}}"#,
            p1 = serde_json::to_string(part1).unwrap(),
        );
        parse_report(&json).expect("report")
    }

    const T3: &str = r#"{"new_requests":{"total":70},"carried_over":{"total":1},"granted":{"total":30},"carried_forward":{"total":2}}"#;
    const T4: &str = r#"{"review":{"upheld":1,"corrected":0,"other":0,"pending":0,"total":1},"direct_suit":{"total":2},"suit_after_review":{"total":0}}"#;
    const P: &str = r#"{"type":"paragraph","text":"无。"}"#;

    fn t1(r: Report) -> Vec<Finding> {
        check_report(r)
            .findings
            .into_iter()
            .filter(|f| f.rule == Rule::T1)
            .collect()
    }

    #[test]
    fn figures_the_text_states_agree_with_the_tables() {
        let text = "全年共收到政府信息公开申请70件，予以公开30件，结转下年度继续办理2件。发生行政复议1件，行政诉讼2件。";
        assert_eq!(t1(report(text, P, P, T3, T4)), vec![]);
        // 本年新收 + 上年结转 counted together is fine too.
        let text = "全年共收到政府信息公开申请71件，均在法定期限内予以答复。";
        assert_eq!(t1(report(text, P, P, T3, T4)), vec![]);
        // The figure before its words, as real reports write it.
        let text =
            "依申请公开方面，全年收到70件申请，及时依法依规办结68件，2件结转下年度继续办理。";
        assert_eq!(t1(report(text, P, P, T3, T4)), vec![]);
        let text =
            "依申请公开方面，全年收到72件申请，及时依法依规办结68件，3件结转下年度继续办理。";
        assert_eq!(t1(report(text, P, P, T3, T4)).len(), 2);
        // A paragraph that is not about disclosure requests binds nothing (a service window's
        // applications are not 表三's).
        let text = "政务服务窗口全年收到72件申请，3件结转下年度继续办理。";
        assert_eq!(t1(report(text, P, P, T3, T4)), vec![]);
    }

    #[test]
    fn a_difference_is_a_warning_naming_the_sentence_and_the_cell() {
        let text =
            "全年共收到政府信息公开申请75件，予以公开31件。因政府信息公开被申请行政复议3件。";
        let f = t1(report(text, P, P, T3, T4));
        assert_eq!(f.len(), 3, "{f:#?}");
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!(f[0].table_id.as_deref(), Some("table-3"));
        assert!(
            f[0].message().contains("收到政府信息公开申请75件"),
            "{}",
            f[0].message()
        );
        assert!(
            f[0].message()
                .contains("“一、本年新收政府信息公开申请数量”行“申请人情况 › 总计”"),
            "{}",
            f[0].message()
        );
        assert_eq!(
            (f[0].expected.as_deref(), f[0].printed.as_deref()),
            (Some("75"), Some("70"))
        );
        assert_eq!(f[1].expected.as_deref(), Some("31"));
        assert_eq!(f[2].table_id.as_deref(), Some("table-4"));
    }

    #[test]
    fn sentences_about_other_figures_are_left_alone() {
        let text = "收到申请数量同比增长5件。行政复议、行政诉讼情况见下表。收到群众来信12封。";
        assert_eq!(t1(report(text, P, P, T3, T4)), vec![]);
        // A figure the table does not provide is not compared.
        let f = t1(report(
            "全年共收到政府信息公开申请75件。",
            P,
            P,
            r#"{}"#,
            T4,
        ));
        assert_eq!(f, vec![]);
    }

    #[test]
    fn changes_against_last_year_are_checked_with_last_years_report() {
        use crate::model::validate::check_cross_year;
        let last = check_report(report("无。", P, P, r#"{"new_requests":{"total":75}}"#, T4));
        let changes = |text: &str| -> Vec<Finding> {
            let now = check_report(report(
                &format!("依申请公开方面，{text}"),
                P,
                P,
                r#"{"new_requests":{"total":80}}"#,
                T4,
            ));
            check_cross_year(&now, &last)
                .into_iter()
                .filter(|f| f.rule == Rule::T1)
                .collect()
        };
        // 80 against 75: 5 more, 6.67 % (6.7 % rounded, 6.6 % cut off, 7 %).
        for right in [
            "全年收到政府信息公开申请80件，较上年增加5件。",
            "全年收到政府信息公开申请80件，同比增长6.7%。",
            "全年收到政府信息公开申请80件，同比增长6.6%。",
            "全年收到政府信息公开申请80件，比上年增长7%。",
        ] {
            assert_eq!(changes(right), vec![], "{right}");
        }
        for wrong in [
            "全年收到政府信息公开申请80件，较上年增加6件。",
            "全年收到政府信息公开申请80件，同比下降5件。",
            "全年收到政府信息公开申请80件，同比增长7.5%。",
        ] {
            let f = changes(wrong);
            assert_eq!(f.len(), 1, "{wrong}: {f:#?}");
            assert!(
                f[0].message().contains("上年报告表中为 75"),
                "{}",
                f[0].message()
            );
        }
        // Without last year's report a change is listed, never warned.
        let now = check_report(report(
            "依申请公开方面，全年收到政府信息公开申请80件，较上年增加9件。",
            P,
            P,
            r#"{"new_requests":{"total":80}}"#,
            T4,
        ));
        assert!(
            now.findings.iter().all(|f| f.rule != Rule::T1),
            "{:#?}",
            now.findings
        );
    }

    #[test]
    fn counts_not_compared_are_listed_for_the_webmaster_with_why() {
        let r = report(
            "依申请公开方面，全年收到政府信息公开申请70件，其中通过网络提交申请40件；行政复议、行政诉讼共3件。",
            P,
            P,
            T3,
            T4,
        );
        let checked = check_report(r);
        let v = crate::model::templates::vocabulary();
        let lines: Vec<String> = claims_for_webmaster(&checked.report, &checked.tables, &v, 1)
            .iter()
            .map(|l| crate::labels::ZH.said(l))
            .collect();
        assert!(
            lines[0].contains("陈述的数字 3 处，与表格核对 1 处，未核对 2 处"),
            "{lines:#?}"
        );
        assert!(
            lines[1].contains("“40件”") && lines[1].contains("未核对："),
            "{lines:#?}"
        );
        assert!(lines[2].contains("另有 1 处"), "{lines:#?}");
        // None of them is a warning.
        assert!(checked
            .findings
            .iter()
            .all(|f| f.rule != Rule::T1 || f.table_id.is_none()));
    }

    #[test]
    fn a_text_of_too_many_counted_sentences_is_read_up_to_the_limit_and_says_so() {
        let v = crate::model::templates::vocabulary();
        // Sentences with no numeral cost nothing and are never counted against the limit.
        let calm = "公开工作情况良好。".repeat(2 * MAX_SENTENCES);
        let at = "全年共收到政府信息公开申请70件。".repeat(MAX_SENTENCES);
        let (read, stopped) = claims_read(&report(&format!("{calm}{at}"), P, P, T3, T4), &v);
        assert_eq!((read.len(), stopped), (MAX_SENTENCES, false));
        let over = "全年共收到政府信息公开申请70件。".repeat(MAX_SENTENCES + 3);
        let checked = check_report(report(&over, P, P, T3, T4));
        let (read, stopped) = claims_read(&checked.report, &v);
        assert_eq!((read.len(), stopped), (MAX_SENTENCES, true));
        let said = |l: &Said| crate::labels::ZH.said(l);
        let lines = claims_for_webmaster(&checked.report, &checked.tables, &v, 5);
        assert!(
            said(lines.last().unwrap()).contains("超过 2000 句"),
            "{lines:#?}"
        );
        let verbose = claim_lines(&checked.report, &checked.tables, &v);
        assert!(said(verbose.last().unwrap()).contains("其后的句子未读取"));
        let english = crate::labels::EN.said(verbose.last().unwrap());
        assert!(english.contains("more than 2000 sentences"), "{english}");
        // Read but not said to readers: the figures agree, no warning.
        assert!(checked.findings.iter().all(|f| f.rule != Rule::T1));
    }

    #[test]
    fn empty_parts_five_and_six_are_warned() {
        let f = t1(report("好。", "", "", T3, T4));
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f[0].message().contains("第五部分"));
        assert!(f[1].message().contains("第六部分"));
    }

    #[test]
    fn fees_in_table_two_need_a_word_in_part_six() {
        let mut r = report(
            "好。",
            P,
            r#"{"type":"paragraph","text":"无其他需要报告的事项。"}"#,
            T3,
            T4,
        );
        let t2: Block = serde_json::from_str(
            r#"{"type":"table","id":"table-2","template":"table2-2021","values":{"fees":{"amount":"12.5"}}}"#,
        )
        .unwrap();
        r.sections[0].blocks.push(t2);
        let f = t1(r.clone());
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message().contains("12.5 万元"));
        r.sections[4].blocks =
            vec![
                serde_json::from_str(r#"{"type":"paragraph","text":"本年度未收取信息处理费。"}"#)
                    .unwrap(),
            ];
        assert_eq!(t1(r), vec![]);
    }
}
