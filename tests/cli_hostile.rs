//! report-tool in a terminal and on folders (issue: hostile input, second pass): report text is
//! never printed raw (escape codes, carriage returns and line breaks shown as \x1b, \x0d, \x0a),
//! folder links are not followed, and a FIFO named *.json is not read.
#![cfg(all(feature = "tool", unix))]

mod common;
use common::tool;

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rv-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const REPORT: &str = r#"{"version":1,"meta":{"title":"TITLE","agency":"某县","published":"2023-01-20T10:00","year":2022},
"sections":[{"id":"p","title":"三","blocks":[{"type":"table","id":"table-3","template":"table3-2021","values":{"new_requests":{"natural_person":1,"total":5}}}]}]}"#;

#[test]
fn report_text_with_escape_codes_is_shown_not_obeyed() {
    let dir = temp("escape");
    // A title that clears the screen, prints a green 核对通过 and starts a forged line.
    let title = "某县报告\\u001b[2J\\u001b[32m核对通过\\u001b[0m\\n伪造的一行\\r\\u202e";
    let file = dir.join("r.json");
    std::fs::write(&file, REPORT.replace("TITLE", title)).unwrap();
    let (_, out, err) = tool(&["check", file.to_str().unwrap()]);
    let all = format!("{out}{err}");
    assert!(
        !all.contains('\u{1b}'),
        "no escape code reaches the terminal: {all:?}"
    );
    assert!(!all.contains('\r') && !all.contains('\u{202e}'), "{all:?}");
    assert!(out.contains("\\x1b[2J"), "{out}");
    assert!(
        out.lines().all(|l| !l.starts_with("伪造的一行")),
        "no forged line: {out}"
    );
    // The batch line too.
    let (_, out, _) = tool(&["check", dir.to_str().unwrap()]);
    assert!(!out.contains('\u{1b}') && out.contains("\\x1b"), "{out:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn folder_links_are_not_followed_and_a_fifo_is_not_read() {
    let dir = temp("links");
    std::fs::write(
        dir.join("a.json"),
        REPORT.replace("TITLE", "某县2022年报告"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    let fifo = dir.join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let (code, out, err) = tool(&["check", dir.to_str().unwrap()]);
    assert!(code == 0 || code == 1, "{out}{err}");
    assert!(out.contains("共 1 份报告"), "counted once: {out}");
    assert!(err.contains("略过链接"), "{err}");
    if made.is_ok_and(|s| s.success()) {
        assert!(err.contains("pipe.json"), "the FIFO is said: {err}");
        // Named directly, it is refused at once.
        let (code, _, err) = tool(&["check", fifo.to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(err.contains("不是普通文件"), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_page_of_repeats_gets_a_summary_on_standard_error_not_a_line_each() {
    let dir = temp("repeats");
    // 20,000 hidden elements and 20,000 copies of 50 paragraphs: tens of thousands of
    // decisions, each kind listed 100 times and then counted.
    let mut page = String::from("<html><head><title>某县2021年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p>");
    for i in 0..20_000 {
        page.push_str(&format!(
            "<p>第{}段落内容相同的句子在这里。</p><div style=\"display:none\">隐藏{i}</div>",
            i % 50
        ));
    }
    page.push_str("</body></html>");
    let file = dir.join("page.html");
    std::fs::write(&file, page).unwrap();
    let out = dir.join("out.json");
    let (code, _, err) = tool(&[
        "import",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.len() < 40_000, "{} bytes on standard error", err.len());
    assert!(
        err.contains("……另有 19900 条“略去页面不显示的元素（隐藏）”未逐条列出（共 20000 条）"),
        "{err}"
    );
    assert!(err.contains("略去 19950 行重复内容"), "{err}");
    assert_eq!(err.matches("略去重复的正文行：").count(), 100, "{err}");
    assert!(
        err.contains("……另有 19850 条“略去重复的正文行”未逐条列出（共 19950 条）"),
        "{err}"
    );
}

#[test]
fn a_summary_page_whose_copies_cannot_be_written_says_so_and_fails() {
    let dir = temp("copies");
    for i in 1..=3 {
        std::fs::write(
            dir.join(format!("{i}.json")),
            REPORT.replace("TITLE", &format!("某县2022年报告{i}")),
        )
        .unwrap();
    }
    let out_dir = temp("copies-out");
    // Where the copies go is a file: no copy can be written.
    std::fs::write(out_dir.join("summary-reports"), "in the way").unwrap();
    let page = out_dir.join("summary.html");
    let (code, out, err) = tool(&[
        "check",
        dir.to_str().unwrap(),
        "--html",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("summary-reports"), "says where: {err}");
    assert!(
        out.contains("共 3 份报告"),
        "every report still checked: {out}"
    );
    // Written copies are linked, one a report, numbered in order (copies are written as the
    // reports are read, none kept in memory for the end).
    std::fs::remove_file(out_dir.join("summary-reports")).unwrap();
    let (code, _, err) = tool(&[
        "check",
        dir.to_str().unwrap(),
        "--html",
        page.to_str().unwrap(),
    ]);
    assert!(code == 0 || code == 1, "{err}");
    let summary = std::fs::read_to_string(&page).unwrap();
    for i in 1..=3 {
        let copy =
            std::fs::read_to_string(out_dir.join(format!("summary-reports/{i}.html"))).unwrap();
        assert!(
            copy.contains(&format!("某县2022年报告{i}")),
            "copy {i} is report {i}"
        );
        assert!(summary.contains(&format!("summary-reports/{i}.html")));
    }
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&out_dir).ok();
}
