//! What the native test files share.
#![allow(dead_code)]

/// Runs report-tool with `args` in the crate folder: (exit code, stdout, stderr).
pub fn tool(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_report-tool"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("report-tool runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The saved page (保存 → 网页) of a checked report, in Chinese, without styles or charts.
pub fn saved_page(checked: &report_viewer::model::CheckedReport) -> String {
    report_viewer::export::standalone_html(
        checked,
        &report_viewer::export::Page {
            css: "",
            address: None,
            classes: "",
            labels: &report_viewer::labels::ZH,
            charts: false,
            cross_year: &[],
        },
    )
}

/// A character of Chinese text or of its punctuation (full-width forms included).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303f | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff00..=0xffef)
}

/// The text without what it quotes (“…”, nested quotes too).
pub fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '“' => depth += 1,
            '”' => depth = (depth - 1).max(0),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}
