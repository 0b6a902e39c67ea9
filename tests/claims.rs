//! The claim reader against count sentences of real reports and variants written from how the
//! forms and the regulation speak (tests/claims/sentences.txt, truth recorded by hand):
//! - every figure marked as a count of a cell is read and bound to that cell, and nothing else is
//!   bound (no figure of a date, a duration, a percentage, money, another kind of count);
//! - with tables that hold the recorded truth, the text raises no warning;
//! - every marked figure made wrong (one at a time) is a warning naming the wrong figure, and every
//!   other figure made different raises none.

#[cfg(feature = "tool")]
mod common;

use report_viewer::model::claims::{Stated, Vocabulary};
use report_viewer::model::consistency::claims;
use report_viewer::model::table::leaves;
use report_viewer::model::templates::vocabulary;
use report_viewer::model::{check_report, parse_report, Report, Rule, TemplateId};
use std::collections::BTreeMap;

/// The subjects by the short names the truth file uses.
const SUBJECTS: &[(&str, &str)] = &[
    ("received", "requests received"),
    ("concluded", "requests concluded"),
    ("granted", "requests granted"),
    ("granted_or_partly", "requests granted in full or in part"),
    ("partly", "requests partly granted"),
    ("refused", "requests refused"),
    ("unavailable", "requests that could not be met"),
    ("not_processed", "requests not processed"),
    ("other", "requests otherwise handled"),
    ("carried_over", "requests carried over from last year"),
    ("carried_forward", "requests carried forward to next year"),
    ("review", "administrative reviews"),
    ("suits", "lawsuits"),
    ("direct_suit", "suits without review"),
    ("suit_after_review", "suits after review"),
];

/// One line of the truth file.
struct Case {
    heading: String,
    /// The paragraph without its marks.
    text: String,
    /// Each marked figure: where it starts (in chars), its digits' value, and the claims it is.
    marked: Vec<(usize, i64, Vec<String>)>,
    /// What the text states, as "subject[/column]=value", sorted.
    truth: Vec<String>,
}

fn value_of(figure: &str) -> i64 {
    let digits: String = figure
        .chars()
        .map(report_viewer::model::cell::ascii_digit)
        .filter(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        // Chinese numerals in the truth file: 两 only.
        return if figure.starts_with('两') { 2 } else { -1 };
    }
    digits.parse().expect("a figure")
}

fn cases() -> Vec<Case> {
    let file = include_str!("claims/sentences.txt");
    let mut out = Vec::new();
    for line in file
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split(" | ").collect();
        let (heading, marked_text) = (fields[0].trim(), fields[1].trim());
        let zeros = fields.get(2).map(|z| z.trim()).unwrap_or("");
        let mut text = String::new();
        let mut marked = Vec::new();
        let mut truth = Vec::new();
        let mut rest = marked_text;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find('}').expect("closed mark") + open;
            let (figure, keys) = rest[open + 1..close].split_once(':').expect("figure:key");
            let value = value_of(figure);
            let keys: Vec<String> = keys.split(',').map(str::to_string).collect();
            truth.extend(keys.iter().map(|k| format!("{k}={value}")));
            marked.push((text.chars().count(), value, keys));
            text.push_str(figure);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        truth.extend(
            zeros
                .split(';')
                .map(str::trim)
                .filter(|z| !z.is_empty())
                .map(str::to_string),
        );
        truth.sort();
        out.push(Case {
            heading: heading.to_string(),
            text,
            marked,
            truth,
        });
    }
    out
}

/// The short name of a subject (and column) the reader bound.
fn name(v: &Vocabulary, subject: usize, column: Option<usize>) -> String {
    let what = v.subjects[subject].1.what_en;
    let short = SUBJECTS
        .iter()
        .find(|(_, w)| *w == what)
        .map_or(what, |(k, _)| k);
    match column {
        Some(j) => format!("{short}/{}", v.columns[j].1.words[0]),
        None => short.to_string(),
    }
}

/// A report whose part (with the case's heading) holds the paragraph, with 表三 and 表四.
fn report(case: &Case, text: &str, t3: &str, t4: &str) -> Report {
    let json = serde_json::json!({
        "version": 1,
        "meta": {"title": "某区2023年度政府信息公开工作年度报告", "agency": "某区", "published": "2024-01-20T10:00", "year": 2023},
        "sections": [
            {"id": "p", "number": "", "title": case.heading, "blocks": [{"type": "paragraph", "text": text}]},
            {"id": "t", "number": "三、", "title": "表格", "blocks": [
                {"type": "table", "id": "table-3", "template": "table3-2021", "values": serde_json::from_str::<serde_json::Value>(t3).unwrap()},
                {"type": "table", "id": "table-4", "template": "table4-2021", "values": serde_json::from_str::<serde_json::Value>(t4).unwrap()}
            ]}
        ]
    });
    parse_report(&json.to_string()).expect("report")
}

/// Every (row, column) key of a template.
fn keys_of(name: &str) -> Vec<(String, String)> {
    let id = TemplateId::named(name).expect("registered");
    let mut out = Vec::new();
    for g in id.groups() {
        let rows: Vec<String> = leaves(&g.rows)
            .iter()
            .filter_map(|p| p.last()?.key.clone())
            .collect();
        let cols: Vec<String> = leaves(&g.columns)
            .iter()
            .filter_map(|p| p.last()?.key.clone())
            .collect();
        // 表四 is keyed by column group: the group is the "row".
        if name.starts_with("table4") {
            for grp in ["review", "direct_suit", "suit_after_review"] {
                for c in ["upheld", "corrected", "other", "pending", "total"] {
                    out.push((grp.to_string(), c.to_string()));
                }
            }
            return out;
        }
        for r in &rows {
            for c in &cols {
                out.push((r.clone(), c.clone()));
            }
        }
    }
    out
}

/// Tables that hold the truth: each claim's first way of counting (whose cells the tables have)
/// gets the figure in its first cell and 0 in the rest.
fn tables_for(case: &Case, v: &Vocabulary) -> (String, String) {
    let t3 = keys_of("table3-2021");
    let t4 = keys_of("table4-2021");
    let mut values: [BTreeMap<String, BTreeMap<String, i64>>; 2] = Default::default();
    let mut zeros = Vec::new();
    for claim in &case.truth {
        let (key, n) = claim.split_once('=').unwrap();
        let n: i64 = n.parse().unwrap();
        let (subject, column) = key
            .split_once('/')
            .map_or((key, None), |(s, c)| (s, Some(c)));
        let what = SUBJECTS.iter().find(|(k, _)| *k == subject).unwrap().1;
        let (number, st) = v.subjects.iter().find(|(_, s)| s.what_en == what).unwrap();
        let cols: Vec<&str> = column.map_or(vec![], |c| {
            v.columns
                .iter()
                .find(|(_, cw)| cw.words[0] == c)
                .unwrap()
                .1
                .columns
                .to_vec()
        });
        let (keys, slot) = if *number == 3 { (&t3, 0) } else { (&t4, 1) };
        let alternative = st
            .accept
            .iter()
            .find(|alt| {
                alt.iter()
                    .all(|(r, c)| keys.iter().any(|(kr, kc)| kr == r && kc == c))
            })
            .expect("a way of counting the template has");
        let mut cells: Vec<(&str, &str)> = Vec::new();
        for (r, c) in alternative.iter() {
            if cols.is_empty() || *c != "total" {
                cells.push((r, c));
            } else {
                cells.extend(cols.iter().map(|cc| (*r, *cc)));
            }
        }
        values[slot]
            .entry(cells[0].0.into())
            .or_default()
            .insert(cells[0].1.into(), n);
        zeros.extend(
            cells[1..]
                .iter()
                .map(|(r, c)| (slot, r.to_string(), c.to_string())),
        );
    }
    for (slot, r, c) in zeros {
        values[slot].entry(r).or_default().entry(c).or_insert(0);
    }
    (
        serde_json::to_string(&values[0]).unwrap(),
        serde_json::to_string(&values[1]).unwrap(),
    )
}

fn warnings(r: Report) -> Vec<(Option<String>, String)> {
    check_report(r)
        .findings
        .into_iter()
        .filter(|f| f.rule == Rule::T1 && f.table_id.is_some())
        .map(|f| (f.expected.clone(), f.message()))
        .collect()
}

#[test]
fn every_count_the_truth_marks_is_read_and_nothing_else_is_bound() {
    let v = vocabulary();
    let mut bound_total = 0;
    for case in cases() {
        let r = report(&case, &case.text, "{}", "{}");
        let mut got: Vec<String> = claims(&r, &v)
            .into_iter()
            .filter_map(|c| match (c.bound, c.stated) {
                (Ok(b), Stated::Count(n)) => Some(format!("{}={n}", name(&v, b.subject, b.column))),
                _ => None,
            })
            .collect();
        got.sort();
        assert_eq!(got, case.truth, "{}", case.text);
        bound_total += got.len();
    }
    assert!(bound_total >= 50, "the set states {bound_total} counts");
}

#[test]
fn with_tables_that_hold_the_truth_no_sentence_is_a_warning() {
    let v = vocabulary();
    for case in cases() {
        let (t3, t4) = tables_for(&case, &v);
        let w = warnings(report(&case, &case.text, &t3, &t4));
        assert!(w.is_empty(), "{}\n{t3}\n{t4}\n{w:#?}", case.text);
    }
}

#[test]
fn every_marked_figure_made_wrong_is_caught_and_no_other_figure_is_called_wrong() {
    let v = vocabulary();
    let (mut caught, mut left_alone) = (0, 0);
    for case in cases() {
        let (t3, t4) = tables_for(&case, &v);
        let chars: Vec<char> = case.text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let digit = |c: char| report_viewer::model::cell::ascii_digit(c).is_ascii_digit();
            if !digit(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && digit(chars[i]) {
                i += 1;
            }
            let token: String = chars[start..i].iter().collect();
            let n = value_of(&token);
            let changed: String = chars[..start].iter().collect::<String>()
                + &(n + 1).to_string()
                + &chars[i..].iter().collect::<String>();
            let w = warnings(report(&case, &changed, &t3, &t4));
            let marked = case.marked.iter().find(|(at, _, _)| *at == start);
            match marked {
                Some((_, value, keys)) => {
                    assert_eq!(*value, n);
                    let want = Some((n + 1).to_string());
                    assert_eq!(
                        w.iter().filter(|(e, _)| *e == want).count(),
                        keys.len(),
                        "{changed}: {w:#?}"
                    );
                    assert_eq!(w.len(), keys.len(), "{changed}: {w:#?}");
                    caught += keys.len();
                }
                None => {
                    assert!(w.is_empty(), "{changed}: {w:#?}");
                    left_alone += 1;
                }
            }
        }
    }
    eprintln!("mutations: {caught} wrong figures caught, {left_alone} other figures left alone");
    assert!(caught >= 50 && left_alone >= 50, "{caught} {left_alone}");
}

/// Every word of every subject, in the frames reports put counts in, binds its own subject with
/// its own figure (a figure unique to each word, so a swap shows).
#[test]
fn every_word_of_every_subject_binds_in_every_frame() {
    let v = vocabulary();
    let frames = [
        "本年度{w}{n}件。",
        "全年共{w}{n}件，均已按时答复。",
        "本年度{w}共计{n}件。",
        "本年度{w}合计{n}件。",
        "本年度{w}案件{n}件。",
        "本年度{w}的申请{n}件。",
    ];
    let mut n = 11;
    for (i, (number, st)) in v.subjects.iter().enumerate() {
        let heading = if *number == 3 {
            "三、收到和处理政府信息公开申请情况"
        } else {
            "四、政府信息公开行政复议、行政诉讼情况"
        };
        for w in st.words {
            for frame in frames {
                n += 1;
                let text = frame.replace("{w}", w).replace("{n}", &n.to_string());
                let got = report_viewer::model::claims::read_paragraph(heading, &text, &v);
                let bound: Vec<_> = got
                    .iter()
                    .filter_map(|c| c.bound.as_ref().ok().map(|b| (b.subject, c.stated)))
                    .collect();
                assert_eq!(bound, vec![(i, Stated::Count(n))], "{text}: {got:#?}");
            }
        }
    }
}

/// A paragraph in traditional characters (a portal's 繁體 switch) states the same counts.
#[test]
fn a_paragraph_in_traditional_characters_states_the_same_counts() {
    let v = vocabulary();
    let read = |heading: &str, text: &str| -> Vec<String> {
        let mut out: Vec<String> = report_viewer::model::claims::read_paragraph(heading, text, &v)
            .into_iter()
            .filter_map(|c| match (c.bound, c.stated) {
                (Ok(b), Stated::Count(n)) => Some(format!("{}={n}", name(&v, b.subject, b.column))),
                _ => None,
            })
            .collect();
        out.sort();
        out
    };
    let simplified = read(
        "（二）依申请公开方面",
        "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件；行政复议案件2件。",
    );
    let traditional = read(
        "（二）依申請公開方面",
        "2022年，全區收到政府信息公開申請75件，涉及自然人72件、商業企業3件；行政複議案件2件。",
    );
    assert_eq!(simplified.len(), 4, "{simplified:?}");
    assert_eq!(traditional, simplified);
}

/// `report-tool check --verbose` lists every count the text states: what it was bound to and how
/// it compares, or why not.
#[cfg(feature = "tool")]
#[test]
fn check_verbose_lists_every_count_sentence() {
    let (code, out, _) =
        common::tool(&["check", "--verbose", "public/reports/erlianhaote-2020.json"]);
    assert!(code == 0 || code == 1, "{out}");
    assert!(out.contains("正文中陈述的数字（2 处）"), "{out}");
    assert!(
        out.contains("“1条” → 表三“收到的政府信息公开申请”：与表格一致"),
        "{out}"
    );
    assert!(
        out.contains("“20条” → 未对应：未核对：本句没有表中统计项的名称"),
        "{out}"
    );
}

/// `report-tool check --sum WHOLE PARTS…`: a city's tables against its districts'.
#[cfg(feature = "tool")]
#[test]
fn check_sum_compares_a_city_with_its_districts() {
    let dir = std::env::temp_dir().join(format!("rv-sum-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("districts")).unwrap();
    let write = |name: &str, agency: &str, t3: &str| {
        let json = format!(
            r#"{{"version":1,"meta":{{"title":"{agency}2022年度政府信息公开工作年度报告","agency":"{agency}","published":"2023-01-20T10:00","year":2022}},
            "sections":[{{"id":"p","title":"三","blocks":[{{"type":"table","id":"table-3","template":"table3-2021","values":{t3}}}]}}]}}"#
        );
        let path = dir.join(name);
        std::fs::write(&path, json).unwrap();
        path.display().to_string()
    };
    let city = write(
        "city.json",
        "某市",
        r#"{"new_requests":{"total":9},"carried_over":{"total":2}}"#,
    );
    write(
        "districts/a.json",
        "甲区",
        r#"{"new_requests":{"total":5},"carried_over":{"total":1}}"#,
    );
    write(
        "districts/b.json",
        "乙县",
        r#"{"new_requests":{"total":3},"carried_over":{"total":1}}"#,
    );
    let districts = dir.join("districts").display().to_string();
    let (code, out, err) = common::tool(&["check", "--sum", &city, &districts]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("与 2 份下级报告之和核对 2 格，1 格不一致"),
        "{out}"
    );
    assert!(
        out.contains("为 9，各下级报告合计为 8（甲区 5，乙县 3）"),
        "{out}"
    );
    write(
        "districts/b.json",
        "乙县",
        r#"{"new_requests":{"total":4},"carried_over":{"total":1}}"#,
    );
    let (code, out, _) = common::tool(&["check", "--sum", &city, &districts, "--json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["compared"], 2);
    std::fs::remove_dir_all(&dir).ok();
}
