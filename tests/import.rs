//! report-tool import and check on the seed text and on HTML fixtures modelled on real portal
//! pages. Each fixture's `.facts.json` is the ground truth written by make_fixtures.py (which
//! computes the failing identities with its own implementation of the rules); each
//! `.expected.json` is the reviewed import output, kept to catch any change.
//! Regenerate the expected files with `UPDATE_FIXTURES=1 cargo test --features tool --test import`.
#![cfg(feature = "tool")]

mod common;
use common::tool;

use report_viewer::import::{import, Options};
use report_viewer::model::to_json;
use report_viewer::model::{check_report, parse_report, Block, Cell, Report, Rule};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

const FIXTURES: &[&str] = &[
    "portal-2019",
    "variants-2021",
    "gbk-2020",
    "identity-failures-2021",
    "extra-table-2021",
];

fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn paragraphs(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let mut take = |blocks: &[Block]| {
        for b in blocks {
            if let Block::Paragraph { text } = b {
                out.push(text.clone());
            }
        }
    };
    take(&r.introduction);
    for s in r.all_sections() {
        take(&s.blocks);
    }
    out
}

#[test]
fn the_seed_text_imports_to_the_seed_demo_json() {
    let bytes = std::fs::read(path("../shared/seeds/000_26709224ec3eec34.txt")).unwrap();
    let options = Options {
        title: Some("二连浩特市2020年政府信息公开工作年度报告".into()),
        format_year: None,
    };
    let imported = import(&bytes, &options).unwrap();
    let demo = std::fs::read_to_string(path("public/reports/erlianhaote-2020.json")).unwrap();
    assert_eq!(
        to_json(&imported.report),
        demo,
        "public/reports/erlianhaote-2020.json differs from the import: run scripts/import-seed"
    );
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .any(|n| n.contains("重复出现")),
        "{:?}",
        imported.notes_in(&report_viewer::labels::ZH)
    );
}

#[test]
fn fixtures_import_to_their_facts_and_expected_json() {
    for name in FIXTURES {
        let bytes = std::fs::read(path(&format!("tests/fixtures/{name}.html"))).unwrap();
        let facts: Value = serde_json::from_str(
            &std::fs::read_to_string(path(&format!("tests/fixtures/{name}.facts.json"))).unwrap(),
        )
        .unwrap();
        let imported = import(&bytes, &Options::default()).unwrap();
        let r = &imported.report;
        assert!(imported.html, "{name}");

        // Metadata and structure.
        assert_eq!(r.meta.title, facts["title"].as_str().unwrap(), "{name}");
        assert_eq!(r.meta.agency, "示例县人民政府办公室", "{name}");
        assert_eq!(
            r.meta.undertaker.as_deref(),
            Some("示例县大数据中心"),
            "{name}"
        );
        assert!(
            r.meta.published_display().is_some(),
            "{name}: {}",
            r.meta.published
        );
        let headings: Vec<String> = r.sections.iter().map(|s| s.heading()).collect();
        let parts: Vec<&str> = facts["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(headings, parts, "{name}");
        assert_eq!(
            r.sections[0].sections.len(),
            2,
            "{name}: subsections of part 一"
        );

        // Every paragraph once, verbatim, and no chrome.
        let got = paragraphs(r);
        let want: Vec<&str> = facts["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        for p in &want {
            assert_eq!(got.iter().filter(|g| g == p).count(), 1, "{name}: {p}");
        }
        for g in &got {
            assert!(
                want.contains(&g.as_str()),
                "{name}: unexpected paragraph {g}"
            );
        }

        // Every table cell mapped to its key with its printed text.
        let checked = check_report(r.clone());
        let format = facts["format"].as_u64().unwrap();
        for (table_id, cells) in facts["values"].as_object().unwrap() {
            let table = &checked.tables[table_id];
            let template = serde_json::to_value(table.template.unwrap()).unwrap();
            let expected_template = if table_id == "table-3" {
                facts["table3_template"].as_str().unwrap().to_string()
            } else {
                format!("{}-{format}", table_id.replace('-', ""))
            };
            assert_eq!(template, expected_template, "{name} {table_id}");
            let cells = cells.as_object().unwrap();
            assert_eq!(
                cells.len(),
                table.keyed.len(),
                "{name} {table_id}: every cell"
            );
            for (key, printed) in cells {
                let (row, col) = key.split_once('.').unwrap();
                let (_, cell) = table
                    .keyed_cell(row, col)
                    .unwrap_or_else(|| panic!("{name} {table_id}: no cell {key}"));
                let want = Cell::from_text(printed.as_str().unwrap());
                assert_eq!(cell.text, want.text, "{name} {table_id} {key}");
                assert_eq!(cell.value, want.value, "{name} {table_id} {key}");
            }
        }
        let generic = checked
            .tables
            .values()
            .filter(|t| t.template.is_none())
            .count();
        assert_eq!(
            generic as u64,
            facts["extra_tables"].as_u64().unwrap(),
            "{name}"
        );

        // check flags exactly the identities that really fail.
        let mut found = BTreeSet::new();
        // (Text-against-table warnings are checked below: the fixtures' text was written apart
        // from their figures; the audits of parts and 表二 have tests of their own.)
        for f in checked.findings.iter().filter(|f| {
            f.needs_attention()
                && matches!(
                    f.rule,
                    Rule::R3_1 | Rule::R3_2 | Rule::R3_3 | Rule::R4_1 | Rule::N1 | Rule::X1
                )
        }) {
            let table = &checked.tables[f.table_id.as_deref().unwrap()];
            let pos = f.cells[0];
            let (row, col) = table
                .keyed
                .iter()
                .find(|(_, p)| **p == pos)
                .map(|((r, c), _)| (r.clone(), c.clone()))
                .unwrap();
            let row = if f.rule.id() == "R3.1" {
                String::new()
            } else {
                row
            };
            found.insert(vec![f.rule.id().to_string(), row, col]);
        }
        let failing: BTreeSet<Vec<String>> = facts["failing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                f.as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect()
            })
            .collect();
        assert_eq!(found, failing, "{name}");
        // Every fixture's text says "收到政府信息公开申请28件"; the tables of three of them
        // hold another 本年新收 总计 (11, 45, 3: read off their pages), which is warned.
        let t1: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.rule == Rule::T1)
            .map(|f| (f.expected.clone().unwrap(), f.printed.clone().unwrap()))
            .collect();
        let table_says = match *name {
            "variants-2021" => Some("11"),
            "identity-failures-2021" => Some("45"),
            "extra-table-2021" => Some("3"),
            _ => None,
        };
        let want: Vec<(String, String)> = table_says
            .map(|n| ("28".to_string(), n.to_string()))
            .into_iter()
            .collect();
        assert_eq!(t1, want, "{name}");

        // The output reads back as a report, and equals the reviewed expected JSON.
        let json = to_json(r);
        assert_eq!(parse_report(&json).unwrap(), *r, "{name}");
        let expected_path = path(&format!("tests/fixtures/{name}.expected.json"));
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::write(&expected_path, &json).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        assert!(
            json == expected,
            "{name}: import differs from {}",
            expected_path.display()
        );
    }
}

#[test]
fn gbk_pages_decode() {
    let bytes = std::fs::read(path("tests/fixtures/gbk-2020.html")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must really be GBK"
    );
    let imported = import(&bytes, &Options::default()).unwrap();
    assert_eq!(imported.encoding, "gb18030");
    assert_eq!(imported.report.meta.source.as_deref(), Some("旗政务公开办"));
}

#[test]
fn label_variants_and_layouts_are_reported() {
    let bytes = std::fs::read(path("tests/fixtures/extra-table-2021.html")).unwrap();
    let imported = import(&bytes, &Options::default()).unwrap();
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .any(|n| n.contains("（六）其他处理”印为一行")),
        "{:?}",
        imported.notes_in(&report_viewer::labels::ZH)
    );
    assert!(
        imported
            .notes_in(&report_viewer::labels::ZH)
            .iter()
            .any(|n| n.contains("不是官方统计表")),
        "{:?}",
        imported.notes_in(&report_viewer::labels::ZH)
    );
    let bytes = std::fs::read(path("tests/fixtures/variants-2021.html")).unwrap();
    let imported = import(&bytes, &Options::default()).unwrap();
    // A blank 总计 beside non-zero parts is derived (and reported as an error of the page).
    let checked = check_report(imported.report);
    assert!(!checked.tables["table-3"].derived.is_empty());
}

#[test]
fn not_a_report_is_refused() {
    let err = import(
        "<html><body><p>欢迎访问</p></body></html>".as_bytes(),
        &Options::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("未找到报告正文"));
    assert!(import(b"\xff\xfe\x00", &Options::default()).is_err());
}

#[test]
fn cli_exit_status_and_output() {
    let dir = std::env::temp_dir().join(format!("report-tool-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = |n: &str| dir.join(n).to_string_lossy().into_owned();

    // Clean report: 0.
    let (code, stdout, _) = tool(&["check", "public/reports/erlianhaote-2020.json"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("核对通过"));

    // Failing identities: 1, grouped by table, expected versus printed, in Chinese.
    let (code, _, stderr) = tool(&[
        "import",
        "tests/fixtures/identity-failures-2021.html",
        "-o",
        &out("f.json"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = tool(&["check", &out("f.json")]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("表四　政府信息公开行政复议、行政诉讼情况"),
        "{stdout}"
    );
    assert!(stdout.contains("（应为 3；表中为 4）"), "{stdout}");
    assert!(stdout.contains("共 6 处错误"), "{stdout}");
    let (code, stdout, _) = tool(&["check", "--json", &out("f.json")]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["errors"], 6);
    assert_eq!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            // Rule ids as the docs write them.
            .filter(|f| f["rule"] == "R4.1" && f["row"] == "行政复议")
            .count(),
        1
    );

    // Unreadable input: 2, with line and column for JSON.
    std::fs::write(
        dir.join("bad.json"),
        "{\n  \"version\": 1,\n  \"meta\": [\n",
    )
    .unwrap();
    let (code, _, stderr) = tool(&["check", &out("bad.json")]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("第 4 行") || stderr.contains("第 3 行"),
        "{stderr}"
    );
    let (code, _, stderr) = tool(&["check", &out("missing.json")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("无法读取"), "{stderr}");
    std::fs::write(dir.join("page.html"), "<html><body>你好</body></html>").unwrap();
    let (code, _, stderr) = tool(&["import", &out("page.html")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("未找到报告正文"), "{stderr}");

    // Cross-year: X1 as a warning (exit 0: warnings are not errors).
    let this_year = r#"{"version":1,"meta":{"title":"B","agency":"A","published":"2023-01-01 08:00","year":2022},
      "sections":[{"id":"p3","title":"三","blocks":[{"type":"table","id":"t3","template":"table3-2021",
      "values":{"carried_over":{"natural_person":2,"total":2}}}]}]}"#;
    let last_year = r#"{"version":1,"meta":{"title":"A","agency":"A","published":"2022-01-01 08:00","year":2021},
      "sections":[{"id":"p3","title":"三","blocks":[{"type":"table","id":"t3","template":"table3-2021",
      "values":{"carried_forward":{"natural_person":3,"total":3}}}]}]}"#;
    std::fs::write(dir.join("now.json"), this_year).unwrap();
    std::fs::write(dir.join("before.json"), last_year).unwrap();
    let (code, stdout, _) = tool(&["check", &out("now.json"), "--previous", &out("before.json")]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.matches("[X1]").count(), 2, "{stdout}");
    assert!(stdout.contains("共 0 处错误，2 处警告"), "{stdout}");

    // schema prints the served schema.
    let (code, stdout, _) = tool(&["schema"]);
    assert_eq!(code, 0);
    let served = std::fs::read_to_string(path("public/report.schema.json")).unwrap();
    assert_eq!(stdout, served);
    std::fs::remove_dir_all(&dir).ok();
}

/// A page without a title: report-tool's note says to give one with --title; the same page read
/// in the browser (enhance mode, where there is no --title) says where the title is looked for.
#[test]
fn a_missing_title_is_noted_for_where_the_page_is_read() {
    use report_viewer::import::{dom::Dom, import_dom};
    use report_viewer::labels::{EN, ZH};
    let page = "<html><head><title>首页</title></head><body><div class=\"article\"><p>一、总体情况</p><p>本年度收到申请5件。</p><p>二、主动公开政府信息情况</p><p>无。</p></div></body></html>";
    let tool_notes = import(page.as_bytes(), &Options::default())
        .expect("a report")
        .notes_in(&ZH);
    assert!(
        tool_notes.iter().any(|n| n.contains("--title")),
        "{tool_notes:?}"
    );
    let dom = Dom::parse(page);
    let read = import_dom(&dom, None, &Options::default()).expect("a report");
    let (zh, en) = (read.notes_in(&ZH), read.notes_in(&EN));
    assert!(zh.iter().all(|n| !n.contains("--title")), "{zh:?}");
    assert!(
        zh.iter()
            .any(|n| n.starts_with("未找到报告标题：页面的标题")),
        "{zh:?}"
    );
    assert!(
        en.iter()
            .any(|n| n.starts_with("No report title found: neither")),
        "{en:?}"
    );
    assert_eq!(zh.len(), tool_notes.len());
}
