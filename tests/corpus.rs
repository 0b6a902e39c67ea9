//! The real-page corpus (../shared/corpus/pingtan: one portal's published reports, 2015–2024, as
//! full HTML pages and as the archive's whitespace-collapsed text copies), imported and checked
//! against ground truth recorded independently of the importer: tests/corpus/truth/YEAR.json,
//! written by tests/corpus/extract_truth.py (Python's own HTML parser, table cells taken by
//! position, never by label) and checked by eye against the pages.
//!
//! Each HTML page: title, publish time, parts, every paragraph kept exactly once, every official
//! table cell as printed, and `check` reporting exactly the identities that fail as published.
//! Each text copy: the same title, publish time, parts and paragraphs; its tables lost their cell
//! boundaries in the copy, so their cells must be "not provided" (never a wrong figure) and the
//! table text must be kept visibly.
#![cfg(feature = "tool")]

mod common;
use common::tool;

use report_viewer::import::{import, Options};
use report_viewer::model::{check_report, Block, CellValue, Report, Rule, Severity, StatTable};
use serde_json::Value;
use std::path::PathBuf;

const YEARS: &[&str] = &["2015", "2018", "2019", "2021", "2022", "2023", "2024"];

fn corpus(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/pingtan")
        .join(file)
}

fn truth(year: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/truth")
        .join(format!("{year}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("truth file")).expect("truth json")
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{3000}')
        .collect()
}

/// Everything the imported report shows as text, in order: headings, paragraphs, notes, lists.
fn shown_text(r: &Report) -> String {
    fn blocks(out: &mut String, bs: &[Block]) {
        for b in bs {
            match b {
                Block::Paragraph { text } | Block::Note { text } => {
                    out.push_str(text);
                    out.push('\n');
                }
                Block::List { items, .. } => {
                    for i in items {
                        out.push_str(i);
                        out.push('\n');
                    }
                }
                Block::Table(_) => {}
            }
        }
    }
    let mut out = String::new();
    blocks(&mut out, &r.introduction);
    for s in r.all_sections() {
        out.push_str(&s.number);
        out.push_str(&s.title);
        out.push('\n');
        blocks(&mut out, &s.blocks);
    }
    out
}

fn import_file(file: &str) -> report_viewer::import::Imported {
    let bytes = std::fs::read(corpus(file)).expect("corpus file (../shared/corpus)");
    import(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn findings_where(
    checked: &report_viewer::model::CheckedReport,
    keep: impl Fn(&report_viewer::model::Finding) -> bool,
) -> Vec<&report_viewer::model::Finding> {
    checked.findings.iter().filter(|f| keep(f)).collect()
}

/// A corpus page imported, with its truth, its title, publish time, parts and paragraphs checked.
fn import_checked(year: &str, ext: &str) -> (String, Value, report_viewer::import::Imported) {
    let file = format!("{year}.{ext}");
    let t = truth(year);
    let imported = import_file(&file);
    check_text(&file, &imported.report, &t);
    (file, t, imported)
}

fn check_text(file: &str, r: &Report, t: &Value) {
    assert_eq!(r.meta.title, t["title"].as_str().unwrap(), "{file}: title");
    assert_eq!(
        r.meta.published,
        t["published"].as_str().unwrap(),
        "{file}: publish time"
    );
    let parts: Vec<String> = r
        .sections
        .iter()
        .map(|s| squeeze(&format!("{}{}", s.number, s.title)))
        .collect();
    let want: Vec<String> = t["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| squeeze(p.as_str().unwrap()))
        .collect();
    assert_eq!(parts, want, "{file}: parts");
    let shown = squeeze(&shown_text(r));
    let mut missing = Vec::new();
    let mut repeated = Vec::new();
    for p in t["paragraphs"].as_array().unwrap() {
        let p = squeeze(p.as_str().unwrap());
        let n = shown.matches(&p).count();
        if n == 0 {
            missing.push(p);
        } else if n > 1 && p.chars().count() >= 12 {
            repeated.push(p);
        }
    }
    assert!(missing.is_empty(), "{file}: paragraphs lost: {missing:#?}");
    assert!(
        repeated.is_empty(),
        "{file}: paragraphs kept twice: {repeated:#?}"
    );
}

fn table(checked: &report_viewer::model::CheckedReport, number: u8) -> Option<&StatTable> {
    checked
        .tables
        .values()
        .find(|t| t.template.map(|id| id.table_number()) == Some(number))
}

/// Every cell of the table in template order (group by group, row by row): its printed text and
/// whether it is "not provided".
fn cells(t: &StatTable) -> Vec<Vec<Vec<(String, bool)>>> {
    t.groups
        .iter()
        .map(|g| {
            g.cells
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|c| (c.text.clone(), c.value == CellValue::NotProvided))
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().trim().to_string())
        .collect()
}

/// Every official cell of the report against the truth, as printed: (right, total).
fn assert_tables(
    file: &str,
    checked: &report_viewer::model::CheckedReport,
    t: &Value,
) -> (usize, usize) {
    let (mut right, mut total) = (0, 0);
    if let Some(want) = t.get("table2") {
        let got = cells(table(checked, 2).unwrap_or_else(|| panic!("{file}: 表二")));
        let want: Vec<Vec<Vec<String>>> = want
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                b.as_array()
                    .unwrap()
                    .iter()
                    .map(|r| strs(&r["cells"]))
                    .collect()
            })
            .collect();
        assert_eq!(got.len(), want.len(), "{file}: 表二 blocks");
        for (g, (gb, wb)) in got.iter().zip(&want).enumerate() {
            assert_eq!(gb.len(), wb.len(), "{file}: 表二 block {g} rows");
            for (gr, wr) in gb.iter().zip(wb) {
                assert_eq!(gr.len(), wr.len(), "{file}: 表二 block {g} columns");
                for (gc, wc) in gr.iter().zip(wr) {
                    total += 1;
                    assert_eq!(&gc.0, wc, "{file}: 表二 block {g}: {gr:?} vs {wr:?}");
                    right += 1;
                }
            }
        }
    }
    if let Some(want) = t.get("table3") {
        let got = cells(table(checked, 3).unwrap_or_else(|| panic!("{file}: 表三")));
        let want: Vec<Vec<String>> = want
            .as_array()
            .unwrap()
            .iter()
            .map(|r| strs(&r["cells"]))
            .collect();
        assert_eq!(got[0].len(), want.len(), "{file}: 表三 rows");
        for (i, (gr, wr)) in got[0].iter().zip(&want).enumerate() {
            let texts: Vec<&String> = gr.iter().map(|c| &c.0).collect();
            total += wr.len();
            assert_eq!(texts, wr.iter().collect::<Vec<_>>(), "{file}: 表三 row {i}");
            right += wr.len();
        }
    }
    if let Some(want) = t.get("table4") {
        let got = cells(table(checked, 4).unwrap_or_else(|| panic!("{file}: 表四")));
        let texts: Vec<String> = got
            .iter()
            .flatten()
            .flatten()
            .map(|c| c.0.clone())
            .collect();
        total += 15;
        assert_eq!(texts, strs(want), "{file}: 表四");
        right += 15;
    }
    (right, total)
}

#[test]
fn every_html_page_imports_with_every_cell_and_paragraph() {
    let mut right = 0;
    let mut total = 0;
    for year in YEARS {
        let (file, t, imported) = import_checked(year, "html");
        let r = &imported.report;
        // Every real report is far inside what the viewer (and enhance mode) takes on.
        let limits = report_viewer::model::VIEWER_LIMITS;
        assert_eq!(
            limits.exceeded(0, Some(r)),
            None,
            "{file}: within the limits"
        );
        assert_eq!(
            r.meta.agency,
            t["agency"].as_str().unwrap(),
            "{file}: agency"
        );
        let checked = check_report(r.clone());

        let (r2, t2) = assert_tables(&file, &checked, &t);
        right += r2;
        total += t2;
        if t.get("table3").is_none() {
            // Reports from before the official tables: text and generic tables, no error.
            assert!(
                checked.tables.values().all(|t| t.template.is_none()),
                "{file}: no official table"
            );
            let errors = findings_where(&checked, |f| f.severity == Severity::Error);
            assert!(errors.is_empty(), "{file}: {errors:#?}");
        }

        // check reports exactly the identities that fail as published.
        let mut reported: Vec<&str> = checked
            .findings
            .iter()
            .filter(|f| {
                f.severity == Severity::Error
                    && matches!(f.rule, Rule::R3_1 | Rule::R3_2 | Rule::R3_3 | Rule::R4_1)
            })
            .map(|f| f.rule.id())
            .collect();
        reported.sort();
        let mut failing: Vec<&str> = t["failures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        failing.sort();
        assert_eq!(reported, failing, "{file}: identity failures");
        let unknown = findings_where(&checked, |f| {
            f.rule == Rule::UnknownName || f.rule == Rule::Structure
        });
        assert!(unknown.is_empty(), "{file}: {unknown:#?}");
        // Text and tables agree on these pages: no consistency warning (no false alarm).
        let t1 = findings_where(&checked, |f| f.rule == Rule::T1);
        assert!(t1.is_empty(), "{file}: {t1:#?}");
    }
    eprintln!("corpus: {right}/{total} official table cells right");
    assert!(total > 600);
}

#[test]
fn every_text_copy_keeps_the_text_and_never_invents_a_figure() {
    for year in YEARS {
        let (file, t, imported) = import_checked(year, "txt");
        let r = &imported.report;
        let checked = check_report(r.clone());
        if t.get("table3").is_some() {
            for n in [2u8, 3, 4] {
                let tb = table(&checked, n).unwrap_or_else(|| panic!("{file}: 表{n}"));
                // A figure shown must be one the text states; the rest are "not provided".
                let given: Vec<String> = cells(tb)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .filter(|c| !c.1)
                    .map(|c| c.0)
                    .collect();
                assert!(given.len() <= 2, "{file}: 表{n} invents figures: {given:?}");
                assert!(
                    tb.notes.iter().any(|n| n.contains("单元格界限")),
                    "{file}: 表{n} keeps the flattened table text: {:?}",
                    tb.notes
                );
            }
            let errors: Vec<_> = checked
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{file}: {errors:#?}");
        }
    }
}

#[test]
fn a_figure_changed_in_the_text_of_a_real_page_is_warned() {
    let page = std::fs::read_to_string(corpus("2021.html")).unwrap();
    assert!(page.contains("收到70件申请"));
    let changed = page.replace("收到70件申请", "收到72件申请");
    let imported = import(changed.as_bytes(), &Options::default()).unwrap();
    let checked = check_report(imported.report);
    let t1: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.rule == Rule::T1)
        .collect();
    assert_eq!(t1.len(), 1, "{t1:#?}");
    assert!(
        t1[0].message().contains("收到72件申请"),
        "{}",
        t1[0].message()
    );
    assert_eq!(t1[0].expected.as_deref(), Some("72"));
    assert_eq!(t1[0].printed.as_deref(), Some("70"));
    assert_eq!(t1[0].severity, Severity::Warning);
}

#[test]
fn the_whole_corpus_is_imported_and_reviewed_in_one_go() {
    let dir = std::env::temp_dir().join(format!("rv-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let pages: Vec<String> = YEARS
        .iter()
        .map(|y| corpus(&format!("{y}.html")).display().to_string())
        .collect();
    let mut args = vec!["import"];
    args.extend(pages.iter().map(String::as_str));
    let out = dir.join("json");
    let out_s = out.display().to_string();
    args.extend(["-o", &out_s]);
    let (code, _, stderr) = tool(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("共导入 7 个页面，0 个失败"), "{stderr}");
    // Every line a text copy loses is on standard error with its text.
    let txt = corpus("2021.txt").display().to_string();
    let (code, _, stderr) = tool(&[
        "import",
        &txt,
        "-o",
        &dir.join("t.json").display().to_string(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    for dropped in ["附件下载", "微信 微博 QQ空间", "==================== 正文"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains("略去") && l.contains(dropped)),
            "{dropped}: {stderr}"
        );
    }

    // A folder of reports plus one with a planted error and one that is not a report.
    std::fs::write(out.join("broken.json"), "{\"version\": 1,").unwrap();
    let sample = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/reports/sample-2021.json"),
    )
    .unwrap();
    std::fs::write(out.join("sample.json"), sample).unwrap();
    let page = dir.join("summary.html");
    let page_s = page.display().to_string();
    let (code, stdout, _) = tool(&["check", &out_s, "--html", &page_s]);
    assert_eq!(code, 1, "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{stdout}"); // 9 files and the total
    assert!(lines.iter().any(|l| l.contains("平潭综合实验区2021年度")
        && l.contains("2021格式")
        && l.contains("0 处错误")));
    assert!(lines
        .iter()
        .any(|l| l.contains("福建省平潭综合实验区管理委员会办公室")));
    assert!(lines
        .iter()
        .any(|l| l.contains("broken.json") && l.contains("无法读取")));
    assert_eq!(
        lines.last().unwrap(),
        &"共 8 份报告：1 份有错误；错误 1 处，警告 0 处；1 个文件无法读取"
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("R4.1") && html.contains("summary-reports/"));
    let copies = std::fs::read_dir(dir.join("summary-reports"))
        .unwrap()
        .count();
    assert_eq!(copies, 8);

    let (code, stdout, _) = tool(&["check", &out_s, "--json"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["total"]["reports"], 8);
    assert_eq!(v["total"]["with_errors"], 1);
    assert_eq!(v["reports"].as_array().unwrap().len(), 9);
    let sample = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("sample.json"))
        .unwrap();
    assert_eq!(sample["findings"][0]["rule"], "R4.1");

    // The corpus alone is clean: exit 0.
    std::fs::remove_file(out.join("broken.json")).unwrap();
    std::fs::remove_file(out.join("sample.json")).unwrap();
    let (code, stdout, _) = tool(&["check", &out_s]);
    assert_eq!(code, 0, "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Browser-style text copies of every page (tests/corpus/copies, written by make_copies.mjs from
/// Chromium's innerText): with tabs between a table's cells, and with every cell on a line of its
/// own. Every official cell, title, publish time, part and paragraph as in the HTML page's truth.
#[test]
fn every_browser_copy_imports_with_every_cell_right() {
    let (mut right, mut total) = (0, 0);
    for year in YEARS {
        let t = truth(year);
        for kind in ["tabs", "cells"] {
            let file = format!("{year}.{kind}.txt");
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/corpus/copies")
                .join(&file);
            let bytes = std::fs::read(path).expect("copy");
            let imported =
                import(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{file}: {e}"));
            check_text(&file, &imported.report, &t);
            let checked = check_report(imported.report.clone());
            let (r, n) = assert_tables(&file, &checked, &t);
            right += r;
            total += n;
        }
    }
    eprintln!("browser copies: {right}/{total} official table cells right");
    assert!(total > 1000);
}
