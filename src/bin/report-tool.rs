//! report-tool: turn existing report pages into report JSON, and check a report before it is
//! published.
//!
//! Exit status: 0 clean, 1 the report has errors, 2 the input cannot be read.

use clap::{Parser, Subcommand};
use report_viewer::import::{self, Options};
use report_viewer::model::validate::check_cross_year;
use report_viewer::model::{check_report, parse_report, CheckedReport, Finding, Report, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "report-tool",
    version,
    about = "政府信息公开工作年度报告：导入页面、核对数据、输出 JSON Schema"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a report page (plain text, or HTML in UTF-8 or GBK) as report JSON.
    Import {
        /// The page: a .txt copy, a saved .html page, or just the article.
        input: PathBuf,
        /// The report's title, when the page does not give it.
        #[arg(long)]
        title: Option<String>,
        /// Table format when it cannot be inferred: 2019 (trial) or 2021.
        #[arg(long, value_parser = ["2019", "2021"])]
        format: Option<String>,
        /// Write the JSON here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check a report JSON: schema, table identities and, with --previous, cross-year rules.
    Check {
        /// The report JSON.
        report: PathBuf,
        /// Last year's report JSON, for the cross-year rules X1 and X2.
        #[arg(long)]
        previous: Option<PathBuf>,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of the report format.
    Schema,
    /// Write the report as one standalone HTML page (no script needed): the plain copy to link
    /// from the viewer's fallback, or to publish where scripts are not allowed.
    Html {
        /// The report JSON.
        report: PathBuf,
        /// Write the page here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Import {
            input,
            title,
            format,
            output,
        } => run_import(&input, title, format, output.as_deref()),
        Command::Check {
            report,
            previous,
            json,
        } => run_check(&report, previous.as_deref(), json),
        Command::Html { report, output } => {
            let checked = match load(&report) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("report-tool html: {e}");
                    return ExitCode::from(2);
                }
            };
            const CSS: &str = include_str!("../../style/report-viewer.css");
            let html = report_viewer::export::standalone_html(&checked, CSS, None);
            let written = match output {
                Some(path) => std::fs::write(&path, &html)
                    .map_err(|e| format!("无法写入 {}：{e}", path.display())),
                None => std::io::stdout()
                    .write_all(html.as_bytes())
                    .map_err(|e| e.to_string()),
            };
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("report-tool html: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Schema => {
            let schema = schemars::schema_for!(Report);
            println!(
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("无法读取 {}：{e}", path.display()))
}

fn run_import(
    input: &Path,
    title: Option<String>,
    format: Option<String>,
    output: Option<&Path>,
) -> ExitCode {
    let bytes = match read(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("report-tool import: {e}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        title,
        format_year: format.and_then(|f| f.parse().ok()),
    };
    let imported = match import::import(&bytes, &options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("report-tool import: {}：{e}", input.display());
            return ExitCode::from(2);
        }
    };
    let json = import::to_json(&imported.report);
    // The output must read back as a report (and so match the schema).
    if let Err(e) = parse_report(&json) {
        eprintln!("report-tool import: 内部错误，导出的 JSON 无法读回：{e}");
        return ExitCode::from(2);
    }
    let written = match output {
        Some(path) => {
            std::fs::write(path, &json).map_err(|e| format!("无法写入 {}：{e}", path.display()))
        }
        None => std::io::stdout()
            .write_all(json.as_bytes())
            .map_err(|e| e.to_string()),
    };
    if let Err(e) = written {
        eprintln!("report-tool import: {e}");
        return ExitCode::from(2);
    }
    let r = &imported.report;
    let paragraphs: usize = r
        .all_sections()
        .iter()
        .map(|s| s.blocks.len())
        .sum::<usize>()
        + r.introduction.len();
    eprintln!(
        "导入 {}（{}，{}）：{} 个部分，{} 个内容块",
        input.display(),
        if imported.html { "HTML" } else { "文本" },
        imported.encoding,
        r.sections.len(),
        paragraphs
    );
    for note in &imported.notes {
        eprintln!("  · {note}");
    }
    ExitCode::SUCCESS
}

fn load(path: &Path) -> Result<CheckedReport, String> {
    let bytes = read(path)?;
    let text =
        String::from_utf8(bytes).map_err(|e| format!("{} 不是 UTF-8 文本：{e}", path.display()))?;
    let report = parse_report(&text).map_err(|e| format!("{}：{e}", path.display()))?;
    Ok(check_report(report))
}

fn run_check(path: &Path, previous: Option<&Path>, json: bool) -> ExitCode {
    let checked = match load(path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("report-tool check: {e}");
            return ExitCode::from(2);
        }
    };
    let mut findings = checked.findings.clone();
    if let Some(prev) = previous {
        match load(prev) {
            Ok(p) => findings.extend(check_cross_year(&checked, &p)),
            Err(e) => {
                eprintln!("report-tool check: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    if json {
        let out = serde_json::json!({
            "report": checked.report.meta.title,
            "errors": errors,
            "warnings": warnings,
            "findings": findings,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        print_for_people(&checked, &findings, errors, warnings);
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_for_people(checked: &CheckedReport, findings: &[Finding], errors: usize, warnings: usize) {
    println!("{}", checked.report.meta.title);
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|(t, _)| *t == f.table) {
            Some((_, list)) => list.push(f),
            None => groups.push((&f.table, vec![f])),
        }
    }
    for (table, list) in groups {
        println!("\n{table}");
        for f in list {
            let severity = match f.severity {
                Severity::Error => "错误",
                Severity::Warning => "警告",
                Severity::Info => "说明",
            };
            let figures = match (&f.expected, &f.printed) {
                (Some(e), Some(p)) if !e.is_empty() && !p.is_empty() => {
                    format!("（应为 {e}；表中为 {p}）")
                }
                _ => String::new(),
            };
            println!("  {severity} [{}] {}{figures}", f.rule.id(), f.message);
        }
    }
    println!(
        "\n{}",
        if errors + warnings == 0 {
            "核对通过：未发现错误或警告。".to_string()
        } else {
            format!("共 {errors} 处错误，{warnings} 处警告。")
        }
    );
}
