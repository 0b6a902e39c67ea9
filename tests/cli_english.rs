//! report-tool in English (`--lang en`): the same lines, columns, exit codes and summary page as
//! in Chinese, in English words (the reports' own text as it is); and a reader who closes its
//! output early (`| head`) gets no stack trace.
#![cfg(all(feature = "tool", unix))]

mod common;
use common::{is_cjk, tool, unquoted};

/// `text` without what it quotes (“…”) and without the reports' own words given in `own`.
fn words_of_the_tool(text: &str, own: &[&str]) -> String {
    let mut text = text.to_string();
    for o in own {
        text = text.replace(o, "");
    }
    unquoted(&text)
}

fn chinese(text: &str) -> String {
    text.chars().filter(|&c| is_cjk(c)).collect()
}

#[test]
fn a_review_in_english_has_the_chinese_reviews_lines_columns_and_exit_code() {
    let args = ["check", "public/reports", "tests/e2e/fixtures"];
    let (zh_code, zh, _) = tool(&args);
    let (en_code, en, en_err) = tool(&[&args[..], &["--lang", "en"]].concat());
    assert_eq!(zh_code, en_code, "{en_err}");
    let (zh, en): (Vec<&str>, Vec<&str>) = (zh.lines().collect(), en.lines().collect());
    assert_eq!(zh.len(), en.len(), "{en:?}");
    for (z, e) in zh.iter().zip(&en) {
        assert_eq!(z.matches('\t').count(), e.matches('\t').count(), "{e}");
        // The first columns (agency, year, title) are the reports' own; the last the path.
        let cells: Vec<&str> = e.split('\t').collect();
        let tool_words = if cells.len() == 7 {
            cells[3..6].join(" ")
        } else {
            cells[1..].join(" ")
        };
        let own: Vec<&str> = z.split('\t').collect();
        assert!(
            chinese(&words_of_the_tool(&tool_words, &own)).is_empty(),
            "Chinese in the tool's words: {e}"
        );
    }
    assert!(en.last().unwrap().starts_with("Reports: "), "{en:?}");
}

#[test]
fn a_check_an_import_and_a_summary_page_in_english() {
    let report = "tests/e2e/fixtures/text-mismatch.json";
    let (zh_code, zh, _) = tool(&["check", report]);
    let (code, out, _) = tool(&["--lang", "en", "check", report]);
    assert_eq!((zh_code, code), (1, 1));
    assert!(out.contains("  Error [") && !out.contains("错误"), "{out}");
    assert_eq!(zh.lines().count(), out.lines().count());
    // An imported page: its notes in English, on standard error.
    let (_, _, err) = tool(&[
        "import",
        "--lang",
        "en",
        "../shared/corpus/pingtan/2018.html",
    ]);
    assert!(err.starts_with("Imported "), "{err}");
    for line in err.lines().skip(1) {
        assert!(
            chinese(&words_of_the_tool(line, &[])).is_empty(),
            "Chinese outside quotes: {line}"
        );
    }
    // A page that is no report, and a file that is not there.
    let (code, _, err) = tool(&["import", "--lang", "en", "Cargo.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("No report found"), "{err}");
    let (code, _, err) = tool(&["check", "--lang", "en", "no-such-report.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read no-such-report.json"), "{err}");
    // The summary page speaks English and says so.
    let dir = std::env::temp_dir().join(format!("rv-cli-en-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("summary.html");
    tool(&[
        "check",
        "--lang",
        "en",
        "public/reports",
        "--html",
        page.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&page).expect("the summary page");
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains(">Publisher</button>") && !html.contains("发布机构"));
    std::fs::remove_dir_all(&dir).ok();
}

/// `report-tool check DIR | head`: the reader closed the pipe; report-tool ends without a stack
/// trace, with the shell's status for a closed pipe.
#[test]
fn output_closed_early_ends_quietly() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-tool"))
        .args(["check", "public/reports", "tests/e2e/fixtures"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("report-tool runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("it ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(matches!(out.status.code(), Some(141 | 0 | 1)), "{out:?}");
}
