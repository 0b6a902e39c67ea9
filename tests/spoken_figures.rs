//! Every figure of the corpus and the samples, said with a unit as a table reads it: a decimal
//! or a number of ten thousand or more is said in words that mean exactly the printed figure
//! (read back here by a parser of Chinese numbers of this file's own), never in digits a voice
//! misreads (二百五十一千, a lost point); a small whole number stays digits.
#![cfg(feature = "tool")]

use report_viewer::import::{import, Options};
use report_viewer::model::{check_report, parse_report, CellValue, CheckedReport};
use report_viewer::read_aloud::text::spoken;

/// A Chinese number read back: 二十五万一千 → 251000, 一百二十六点三五 → "126.35".
fn read_back(words: &str) -> Option<String> {
    let digit = |c: char| {
        "零〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p.saturating_sub(1) as u64)
    };
    let (int, frac) = words.split_once('点').unwrap_or((words, ""));
    let (mut total, mut section, mut current) = (0u64, 0u64, 0u64);
    for c in int.chars() {
        match c {
            '十' => {
                section += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                section += current * 100;
                current = 0;
            }
            '千' => {
                section += current * 1000;
                current = 0;
            }
            '万' => {
                total += (section + current) * 10_000;
                section = 0;
                current = 0;
            }
            '亿' => {
                total = (total + section + current) * 100_000_000;
                section = 0;
                current = 0;
            }
            c => current = digit(c)?,
        }
    }
    let whole = total + section + current;
    if frac.is_empty() {
        return Some(whole.to_string());
    }
    let f: Option<String> = frac
        .chars()
        .map(|c| digit(c).map(|d| char::from(b'0' + d as u8)))
        .collect();
    Some(format!("{whole}.{}", f?))
}

fn figures(checked: &CheckedReport) -> Vec<String> {
    checked
        .tables
        .values()
        .flat_map(|t| t.groups.iter())
        .flat_map(|g| g.cells.iter().flatten())
        .filter(|c| matches!(c.value, CellValue::Number(_)))
        .map(|c| c.text.trim_start_matches('+').to_string())
        .filter(|t| !t.starts_with('-') && t.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .collect()
}

#[test]
fn every_figure_is_said_as_what_it_is() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all: Vec<String> = Vec::new();
    for sample in [
        "sample-2019",
        "sample-2021",
        "sample-2022",
        "erlianhaote-2020",
    ] {
        let text =
            std::fs::read_to_string(root.join(format!("public/reports/{sample}.json"))).unwrap();
        all.extend(figures(&check_report(parse_report(&text).unwrap())));
    }
    for year in ["2019", "2021", "2022", "2023", "2024"] {
        let bytes =
            std::fs::read(root.join(format!("../shared/corpus/pingtan/{year}.html"))).unwrap();
        let imported = import(&bytes, &Options::default()).unwrap();
        all.extend(figures(&check_report(imported.report)));
    }
    let bytes = std::fs::read(root.join("../shared/corpus/pdf/hongze-2024.pdf")).unwrap();
    all.extend(figures(&check_report(
        import(&bytes, &Options::default()).unwrap().report,
    )));
    // And the forms the issue named, and figures of every size.
    all.extend(
        [
            "126.35",
            "251000",
            "4166.241619",
            "10001",
            "100000000",
            "20680",
            "0.5",
        ]
        .map(String::from),
    );
    assert!(all.len() > 1000, "{} figures", all.len());
    let mut in_words = 0;
    for figure in &all {
        let said = spoken(&format!("{figure}元"));
        let said = said.strip_suffix('元').unwrap_or(&said);
        let value: f64 = figure.parse().unwrap();
        if figure.contains('.') || value >= 10_000.0 {
            assert!(
                !said.chars().any(|c| c.is_ascii_digit()),
                "{figure}: {said}"
            );
            let back = read_back(said).unwrap_or_else(|| panic!("{figure}: {said}"));
            let normal = |s: &str| s.trim_start_matches('0').to_string();
            assert_eq!(normal(&back), normal(figure), "{figure} said {said}");
            in_words += 1;
        } else {
            assert_eq!(said, figure, "a small whole number stays digits");
        }
    }
    eprintln!(
        "spoken figures: {} checked, {in_words} said in words",
        all.len()
    );
}
