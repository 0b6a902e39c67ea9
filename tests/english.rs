//! Findings and data errors for viewers set to English (`data-lang="en"`): every finding of the
//! real corpus, the fixtures, the demo reports and a report built to break every rule has an
//! English message, and outside what it quotes (“…”: the report's own names and text) that message
//! holds no Chinese. Load errors likewise.
#![cfg(feature = "tool")]

use report_viewer::import::{import, Options};
use report_viewer::labels::EN;
use report_viewer::model::validate::check_cross_year;
use report_viewer::model::{check_report, parse_report, read_report, Finding, Rule};
use std::collections::BTreeSet;
use std::path::PathBuf;

mod common;
use common::{is_cjk, unquoted};

fn assert_english(findings: &[Finding], source: &str) {
    for f in findings {
        assert!(!f.message_en().is_empty(), "{source}: {f:?}");
        let rest = unquoted(&f.message_en());
        let chinese: String = rest.chars().filter(|&c| is_cjk(c)).collect();
        assert!(
            chinese.is_empty(),
            "{source}: {} has Chinese outside quotes ({chinese}): {}",
            f.rule.id(),
            f.message_en()
        );
    }
}

fn root(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn every_finding_of_real_pages_fixtures_and_samples_is_worded_in_english() {
    let mut rules = BTreeSet::new();
    let mut pages: Vec<PathBuf> = Vec::new();
    for dir in ["../shared/corpus/pingtan", "tests/fixtures"] {
        for entry in std::fs::read_dir(root(dir)).expect("folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "html" || e == "txt") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    for page in &pages {
        let bytes = std::fs::read(page).expect("page");
        let Ok(imported) = import(&bytes, &Options::default()) else {
            continue;
        };
        let checked = check_report(imported.report);
        rules.extend(checked.findings.iter().map(|f| f.rule.id()));
        assert_english(&checked.findings, &page.display().to_string());
    }
    for sample in ["sample-2019", "sample-2021", "erlianhaote-2020"] {
        let text = std::fs::read_to_string(root(&format!("public/reports/{sample}.json")))
            .expect("sample");
        let checked = check_report(parse_report(&text).expect("sample parses"));
        rules.extend(checked.findings.iter().map(|f| f.rule.id()));
        assert_english(&checked.findings, sample);
    }
    assert!(pages.len() >= 10, "{pages:?}");
    // Real pages break identities and state figures the tables contradict.
    for rule in ["R3.1", "R3.2", "R4.1", "T1"] {
        assert!(rules.contains(rule), "no {rule} among {rules:?}");
    }
}

/// One report that breaks every other rule: a bad figure, a name no official row has, a name
/// matched loosely, a generic table whose cells do not fit, a repeated id, a bad publish time, a
/// blank and a missing figure, an empty part; and last year's report for the cross-year rules.
#[test]
fn findings_of_every_rule_are_worded_in_english() {
    let now = r#"{"version":1,"meta":{"title":"某县2022年政府信息公开工作年度报告","agency":"某县","published":"昨天","year":2022},
      "sections":[
        {"id":"p1","number":"一、","title":"总体情况","blocks":[{"type":"paragraph","text":"本年收到政府信息公开申请9件。"}]},
        {"id":"p2","number":"二、","title":"主动公开政府信息情况","blocks":[{"type":"table","id":"t2","template":"table2-2021",
          "values":{"regulations":{"issued":1,"repealed":0,"in_force":50},"fees":{"amount":"3"}}}]},
        {"id":"p3","number":"三、","title":"收到和处理政府信息公开申请情况","blocks":[{"type":"table","id":"t3","template":"table3-2021",
          "values":{"new_requests":{"natural_person":"多项","commercial":"","total":5},"carried_over":{"natural_person":1,"commercial":"","research":0,"public_interest":0,"legal_services":0,"other_org":0,"total":1},
                    "一、本年新收政府信息公开申请数量[注]":{"research":1},
                    "不存在的行":{"natural_person":3}}}]},
        {"id":"p4","number":"四、","title":"政府信息公开行政复议、行政诉讼情况","blocks":[
          {"type":"table","id":"g","caption":"其他统计","columns":["甲","乙"],"rows":["行1","行2"],"cells":[[1,2],[3]]}]},
        {"id":"p4","number":"五、","title":"存在的主要问题及改进情况","blocks":[]},
        {"id":"p6","number":"六、","title":"其他需要报告的事项","blocks":[{"type":"paragraph","text":"无。"}]}]}"#;
    let before = r#"{"version":1,"meta":{"title":"某县2021年政府信息公开工作年度报告","agency":"某县","published":"2022-01-20 10:00","year":2021},
      "sections":[{"id":"p2","title":"二","blocks":[{"type":"table","id":"t2","template":"table2-2021","values":{"regulations":{"in_force":40}}}]},
        {"id":"p3","title":"三","blocks":[{"type":"table","id":"t3","template":"table3-2021","values":{"carried_forward":{"natural_person":4,"total":4}}}]}]}"#;
    let checked = check_report(parse_report(now).expect("the report parses"));
    let previous = check_report(parse_report(before).expect("last year parses"));
    let mut findings = checked.findings.clone();
    findings.extend(check_cross_year(&checked, &previous));
    let rules: BTreeSet<Rule> = findings.iter().map(|f| f.rule).collect();
    for rule in [
        Rule::N1,
        Rule::UnknownName,
        Rule::Label,
        Rule::Structure,
        Rule::Meta,
        Rule::Blank,
        Rule::NotProvided,
        Rule::T1,
        Rule::X1,
        Rule::X2,
    ] {
        assert!(rules.contains(&rule), "no {rule:?} in {findings:#?}");
    }
    assert_english(&findings, "the report that breaks every rule");
}

#[test]
fn data_errors_are_worded_in_english() {
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"<!doctype html><html><body>404</body></html>".to_vec(),
        b"{\"version\": 1, \"meta\": {".to_vec(),
        b"[1, 2]".to_vec(),
        b"{\"version\": 9, \"meta\": {}, \"sections\": []}".to_vec(),
        b"{\"version\": 1, \"meta\": {\"title\": \"\xd6\xd0\xce\xc4\"}}".to_vec(),
        r#"{"version":1,"meta":{"title":"T","agency":"A","published":"2023-01-01 08:00","year":"二〇二二"},"sections":[]}"#
            .as_bytes()
            .to_vec(),
    ];
    for bytes in cases {
        let error = read_report(&bytes).expect_err("not a report");
        let said = error.describe(&EN);
        // Values the file holds are quoted as the parser quotes them ("…"); nothing else is
        // Chinese.
        let outside: String = said
            .split('"')
            .step_by(2)
            .flat_map(|s| s.chars())
            .filter(|&c| is_cjk(c))
            .collect();
        assert!(outside.is_empty(), "{said}");
        assert!(said.len() > 20, "{said}");
        assert!(!error.to_string().is_empty());
    }
}

/// Every note the importer makes reading a real page (HTML, text copies, the PDF, the seed), the
/// fixtures and hostile pages has English words: outside what it quotes (the page's own text),
/// no Chinese. As do the reasons a page does not import.
#[test]
fn the_importers_notes_and_refusals_are_worded_in_english() {
    let mut pages: Vec<PathBuf> = vec![root("../shared/seeds/000_26709224ec3eec34.txt")];
    for dir in [
        "../shared/corpus/pingtan",
        "../shared/corpus/pdf",
        "tests/fixtures",
    ] {
        for entry in std::fs::read_dir(root(dir)).expect("folder") {
            pages.push(entry.expect("entry").path());
        }
    }
    pages.retain(|p| {
        p.extension()
            .is_some_and(|e| e == "html" || e == "txt" || e == "pdf")
    });
    let mut inputs: Vec<(String, Vec<u8>)> = pages
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read(p).expect("page")))
        .collect();
    // Hostile pages: chrome lines past the limit of a kind, bytes not valid in the declared
    // encoding, a table spanning more rows than it has, a table whose cells ran together.
    let mut many = String::from("某县2021年政府信息公开工作年度报告\n");
    many.push_str(&"【打印本页】【关闭窗口】\n".repeat(120));
    many.push_str("一、总体情况\n本年度收到申请5件。\n二、主动公开政府信息情况\n无。\n");
    inputs.push(("many chrome lines".into(), many.into_bytes()));
    let mut gbk =
        b"<html><head><meta charset=\"gbk\"><title>T</title></head><body><p>\xd2\xbb\xa1\xa2</p>"
            .to_vec();
    gbk.extend(b"<p>\xff\xff</p><table><tr><td rowspan=\"9\">a</td><td>1</td></tr><tr><td>2</td></tr></table></body></html>");
    inputs.push(("bad bytes".into(), gbk));
    let mut seen = 0;
    for (source, bytes) in &inputs {
        let imported = match import(bytes, &Options::default()) {
            Ok(i) => i,
            Err(e) => {
                let said = EN.said(&e.said());
                let chinese: String = unquoted(&said).chars().filter(|&c| is_cjk(c)).collect();
                assert!(chinese.is_empty(), "{source}: {said}");
                continue;
            }
        };
        for note in imported.notes_in(&EN) {
            seen += 1;
            let chinese: String = unquoted(&note).chars().filter(|&c| is_cjk(c)).collect();
            assert!(
                chinese.is_empty(),
                "{source}: Chinese outside quotes ({chinese}): {note}"
            );
        }
        assert_eq!(imported.notes_in(&EN).len(), imported.notes.len());
    }
    assert!(seen >= 50, "{seen} notes");
    for e in ["", "<html><body><p>no report</p></body></html>"] {
        let said = EN.said(
            &import(e.as_bytes(), &Options::default())
                .expect_err("no report")
                .said(),
        );
        assert!(said.starts_with("No report found"), "{said}");
    }
}
