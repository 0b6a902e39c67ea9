//! PDFs: the corpus PDF (a real published report, ../shared/corpus/pdf/hongze-2024.pdf) against
//! ground truth read off its page images by hand (tests/corpus/truth/hongze-2024.json): title,
//! agency, the six parts, every paragraph once, every official cell as printed, no false finding.
//! And the files that are no text: a scan and an encrypted PDF get a plain message.
#![cfg(feature = "tool")]

mod common;

use report_viewer::import::{import, Options};
use report_viewer::model::{check_report, Block, CheckedReport, Report, Severity, StatTable};
use serde_json::Value;
use std::path::PathBuf;

fn root(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn text_of(r: &Report) -> String {
    let mut out = String::new();
    let mut blocks = |bs: &[Block]| {
        for b in bs {
            if let Block::Paragraph { text } | Block::Note { text } = b {
                out.push_str(text);
                out.push('\n');
            }
        }
    };
    blocks(&r.introduction);
    for s in r.all_sections() {
        blocks(&s.blocks);
    }
    squeeze(&out)
}

fn rows(t: &StatTable) -> Vec<Vec<String>> {
    t.groups
        .iter()
        .flat_map(|g| g.cells.iter())
        .map(|row| row.iter().map(|c| c.text.clone()).collect())
        .collect()
}

/// The first official table of a number (as the checker finds it); the test fails without one.
fn official(checked: &CheckedReport, n: u8) -> &StatTable {
    report_viewer::model::table::first_of_number(&checked.tables, n)
        .unwrap_or_else(|| panic!("表{n}"))
}

/// A truth file's list of cell texts.
fn flat(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect()
}

fn strings(v: &Value) -> Vec<Vec<String>> {
    v.as_array().unwrap().iter().map(flat).collect()
}

#[test]
fn the_corpus_pdf_imports_with_every_cell_paragraph_and_part() {
    let bytes = std::fs::read(root("../shared/corpus/pdf/hongze-2024.pdf")).expect("corpus PDF");
    let t: Value = serde_json::from_str(
        &std::fs::read_to_string(root("tests/corpus/truth/hongze-2024.json")).unwrap(),
    )
    .unwrap();
    let imported = import(&bytes, &Options::default()).expect("imports");
    assert!(imported.pdf);
    let r = &imported.report;
    assert_eq!(r.meta.title, t["title"].as_str().unwrap());
    assert_eq!(r.meta.agency, t["agency"].as_str().unwrap());
    assert_eq!(r.meta.year, 2024);
    let parts: Vec<String> = r
        .sections
        .iter()
        .map(|s| format!("{}{}", s.number, s.title))
        .collect();
    let want: Vec<&str> = t["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(parts, want);
    let text = text_of(r);
    for p in t["paragraphs"].as_array().unwrap() {
        let p = squeeze(p.as_str().unwrap());
        assert_eq!(text.matches(&p).count(), 1, "once: {p}");
    }
    // Page numbers are not text, and each is listed.
    assert!(!text.contains("-3-"), "page numbers dropped");
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .filter(|n| n.contains("页码"))
            .count()
            >= 5
    );
    let checked = check_report(r.clone());
    let table = |n: u8| official(&checked, n);
    let t2: Vec<Vec<String>> = t["table2"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(strings)
        .collect();
    assert_eq!(rows(table(2)), t2, "表二");
    assert_eq!(rows(table(3)), strings(&t["table3"]), "表三");
    // 表四 is one data row: its cells in order, flat.
    assert_eq!(rows(table(4)).concat(), flat(&t["table4"]), "表四");
    // Its figures agree, and the text's one count is another body's (区政府办代表区政府): no
    // error, no warning.
    let attention: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    assert!(attention.is_empty(), "{attention:#?}");
    // The saved and printed copies say the report was a PDF.
    assert_eq!(r.meta.original.as_deref(), Some("pdf"));
    let page = common::saved_page(&checked);
    assert!(
        page.contains(report_viewer::labels::ZH.from_pdf),
        "the saved page says so"
    );
}

#[test]
fn report_tool_imports_and_checks_a_pdf() {
    let dir = std::env::temp_dir().join(format!("rv-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("hongze.json");
    let (code, _, err) = common::tool(&[
        "import",
        "../shared/corpus/pdf/hongze-2024.pdf",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("（PDF，"), "{err}");
    assert!(
        err.contains("表三在文本中每格一段：按官方表格的行和列重建"),
        "{err}"
    );
    let (code, out, _) = common::tool(&["check", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

/// One PDF per class of what an export does (tests/fixtures/pdf, printed by Chromium from HTML
/// by make_pdfs.mjs): a running header and page numbers on every page, a paragraph broken over a
/// page, 表三's labels wrapped over two and three lines in a narrow column, the table running over
/// a page break. Every figure as facts.json records it, the paragraph once and whole.
#[test]
fn a_pdf_with_every_class_of_export_damage_imports_right() {
    let bytes = std::fs::read(root("tests/fixtures/pdf/classes.pdf")).unwrap();
    let facts: Value = serde_json::from_str(
        &std::fs::read_to_string(root("tests/fixtures/pdf/facts.json")).unwrap(),
    )
    .unwrap();
    let imported = import(&bytes, &Options::default()).expect("imports");
    let r = &imported.report;
    assert_eq!(r.meta.title, facts["title"].as_str().unwrap());
    assert_eq!(r.meta.agency, facts["agency"].as_str().unwrap());
    assert_eq!(r.sections.len(), 6);
    let text = text_of(r);
    let long = squeeze(facts["long_paragraph"].as_str().unwrap());
    // Printed twice in a row, each broken over lines (one over the page break): two paragraphs,
    // each whole.
    let whole = r
        .all_sections()
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Paragraph { text } if squeeze(text) == long))
        .count();
    assert_eq!(whole, 2, "{:#?}", r.sections[0].blocks);
    let header = facts["header"].as_str().unwrap();
    assert!(!text.contains(header), "the running header is not text");
    assert!(imported
        .notes_in(&report_viewer::labels::ZH)
        .iter()
        .any(|n| n.contains("页眉或页脚") && n.contains(header)));
    let checked = check_report(r.clone());
    let table = |n: u8| official(&checked, n);
    assert_eq!(rows(table(3)), strings(&facts["table3"]), "表三");
    // 表四 is one data row: its cells in order, flat.
    assert_eq!(rows(table(4)).concat(), flat(&facts["table4"]), "表四");
    let t2 = &facts["table2"];
    let want2: Vec<Vec<String>> = [
        "regulations",
        "normative_documents",
        "licensing",
        "penalty",
        "coercion",
        "fees",
    ]
    .iter()
    .map(|k| {
        t2[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.to_string())
            .collect()
    })
    .collect();
    assert_eq!(rows(table(2)), want2, "表二");
    assert!(
        checked
            .findings
            .iter()
            .all(|f| f.severity < Severity::Warning),
        "{:#?}",
        checked.findings
    );
}

/// A scan and an encrypted PDF: a plain message saying so and what to do, never "未找到报告正文".
#[test]
fn a_scan_and_an_encrypted_pdf_say_what_they_are() {
    for (file, says) in [("scan.pdf", "没有文字层"), ("encrypted.pdf", "已加密")] {
        let bytes = std::fs::read(root(&format!("tests/fixtures/pdf/{file}"))).unwrap();
        let err = import(&bytes, &Options::default()).unwrap_err().to_string();
        assert!(err.contains(says), "{file}: {err}");
        assert!(!err.contains("未找到报告正文"), "{file}: {err}");
    }
    // Not a PDF at all after its header: a message, no panic.
    let err = import(b"%PDF-1.7\n garbage", &Options::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("PDF"), "{err}");
}
