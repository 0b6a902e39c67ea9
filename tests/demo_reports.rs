//! The demo reports in public/reports: the seed report holds the seed text verbatim and once, and
//! the sample report's one deliberate identity violation is found, and nothing else.

use report_viewer::model::{check_report, parse_report, Block, Report, Rule, Section, Severity};
use std::collections::BTreeMap;

const SEED_TEXT: &str = include_str!("../../shared/seeds/000_26709224ec3eec34.txt");

fn load(name: &str) -> Report {
    let path = format!("{}/public/reports/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_report(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn texts_of(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph { text } | Block::Note { text } => out.push(text.clone()),
            Block::List { items, .. } => out.extend(items.iter().cloned()),
            Block::Table(_) => {}
        }
    }
}

fn all_texts(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    texts_of(&r.introduction, &mut out);
    for s in r.all_sections() {
        texts_of(&s.blocks, &mut out);
    }
    out
}

/// Lines of the seed page that are report paragraphs: not headings, not page chrome, not the
/// flattened copy that runs the whole body into one line.
fn seed_paragraphs() -> Vec<String> {
    let chrome = [
        "主办：",
        "主办:",
        "承办",
        "网站标识码",
        "蒙ICP",
        "蒙公网安备",
        "邮箱",
        "发布日期",
        "来源",
        "(Mac用户",
    ];
    let mut seen = Vec::new();
    for line in SEED_TEXT.lines() {
        let line = line.strip_prefix("朗读").unwrap_or(line).trim();
        let heading = line.chars().count() < 25
            && (line.contains('、') && line.chars().count() < 25 || line.starts_with('('));
        let flattened = line.contains(" 一、总体情况 ");
        if line.is_empty() || heading || flattened || chrome.iter().any(|c| line.starts_with(c)) {
            continue;
        }
        if !seen.contains(&line.to_string()) {
            seen.push(line.to_string());
        }
    }
    seen
}

#[test]
fn seed_report_holds_every_paragraph_verbatim_once() {
    let report = load("erlianhaote-2020.json");
    let texts = all_texts(&report);
    let paragraphs = seed_paragraphs();
    assert_eq!(paragraphs.len(), 9, "{paragraphs:#?}");
    for p in &paragraphs {
        let n = texts.iter().filter(|t| *t == p).count();
        assert_eq!(n, 1, "seed paragraph appears {n} times: {p}");
    }
    // Nothing else: every text in the JSON is a seed paragraph (table notes are not paragraphs).
    for t in &texts {
        assert!(paragraphs.contains(t), "not in the seed: {t}");
    }
    // The flattened copy holds every paragraph too: the seed really repeats them.
    let flattened = SEED_TEXT
        .lines()
        .find(|l| l.contains(" 一、总体情况 "))
        .unwrap();
    assert!(paragraphs.iter().all(|p| flattened.contains(p.as_str())));
}

#[test]
fn seed_report_has_the_six_parts_and_subsections() {
    let report = load("erlianhaote-2020.json");
    let headings: Vec<String> = report.sections.iter().map(Section::heading).collect();
    assert_eq!(
        headings,
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"
        ]
    );
    for part in &report.sections {
        assert!(SEED_TEXT.contains(&part.heading()), "{}", part.heading());
        for sub in &part.sections {
            assert!(
                SEED_TEXT.lines().any(|l| l == sub.heading()),
                "{}",
                sub.heading()
            );
        }
    }
    let subs: Vec<usize> = report.sections.iter().map(|s| s.sections.len()).collect();
    assert_eq!(subs, [5, 0, 0, 0, 2, 0]);
}

#[test]
fn seed_metadata_is_from_the_page() {
    let m = load("erlianhaote-2020.json").meta;
    assert_eq!(m.title, "二连浩特市2020年政府信息公开工作年度报告");
    assert_eq!(m.published_display().as_deref(), Some("2021-01-29 16:27"));
    assert!(SEED_TEXT.contains("发布日期:2021-01-29 16:27"));
    assert_eq!(m.source.as_deref(), Some("政务公开办"));
    assert_eq!(m.views, Some(730));
    assert_eq!(m.agency, "二连浩特市人民政府办公室");
    assert_eq!(
        m.undertaker.as_deref(),
        Some("二连浩特市行政审批政务服务与数据管理局")
    );
    assert_eq!(m.year, 2020);
    assert!(!m.sample);
}

#[test]
fn seed_tables_hold_only_what_the_text_states() {
    let checked = check_report(load("erlianhaote-2020.json"));
    let ids: Vec<&str> = checked.tables.keys().map(String::as_str).collect();
    assert_eq!(ids, ["table-2", "table-3", "table-4"]);
    let mut provided = BTreeMap::new();
    for (id, t) in &checked.tables {
        assert_eq!(t.template.map(|t| t.format_year()), Some(2019), "{id}");
        for ((r, c), pos) in &t.keyed {
            let cell = t.cell(*pos).unwrap();
            if cell.is_provided() {
                provided.insert(format!("{id}/{r}/{c}"), cell.text.clone());
            }
        }
        assert!(t.derived.is_empty());
    }
    // 2020年11月27日我市收到依申请公开信息1条: the only figure the text gives for the tables.
    assert_eq!(
        provided,
        BTreeMap::from([("table-3/new_requests/total".to_string(), "1".to_string())])
    );
    assert!(SEED_TEXT.contains("收到依申请公开信息1条"));
    assert_eq!(checked.attention_count(), 0, "{:?}", checked.findings);
}

#[test]
fn sample_report_violation_is_found_and_nothing_else() {
    let report = load("sample-2021.json");
    assert!(report.meta.sample);
    let checked = check_report(report);
    let attention: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.needs_attention())
        .collect();
    assert_eq!(attention.len(), 1, "{attention:#?}");
    let f = attention[0];
    assert_eq!((f.rule, f.severity), (Rule::R4_1, Severity::Error));
    assert_eq!(f.table_id.as_deref(), Some("table-4"));
    assert_eq!(f.row.as_deref(), Some("行政复议"));
    assert_eq!(f.column.as_deref(), Some("总计"));
    assert_eq!(
        (f.expected.as_deref(), f.printed.as_deref()),
        (Some("5"), Some("6"))
    );
    assert!(
        checked.findings.iter().all(|f| f.rule == Rule::R4_1),
        "{:?}",
        checked.findings
    );
    // Complete 2021 format: every template cell given.
    for t in checked.tables.values() {
        assert_eq!(t.template.map(|t| t.format_year()), Some(2021));
        assert!(
            t.keyed.values().all(|p| t.cell(*p).unwrap().is_provided()),
            "{}",
            t.id
        );
    }
    assert_eq!(checked.tables["table-3"].keyed.len(), 175);
}

#[test]
fn demo_reports_round_trip_through_json() {
    for name in ["erlianhaote-2020.json", "sample-2021.json"] {
        let r = load(name);
        let back = parse_report(&serde_json::to_string_pretty(&r).unwrap()).unwrap();
        assert_eq!(back, r, "{name}");
    }
}
