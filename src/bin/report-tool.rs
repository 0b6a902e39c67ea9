//! report-tool: turn existing report pages into report JSON, and check a report before it is
//! published.
//!
//! Exit status: 0 clean, 1 the report has errors, 2 the input cannot be read.

use clap::{Parser, Subcommand};
use report_viewer::export::Page;
use report_viewer::import::{self, Options};
use report_viewer::model::validate::check_cross_year;
use report_viewer::model::{
    check_report, parse_report, read_report, CheckedReport, Finding, Report, Severity,
};
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
    /// Import report pages (plain text, or HTML in UTF-8 or GBK) as report JSON.
    Import {
        /// The pages: .txt copies, saved .html pages, or just the articles.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The report's title, when the page does not give it (one page only).
        #[arg(long)]
        title: Option<String>,
        /// Table format when it cannot be inferred: 2019 (trial) or 2021.
        #[arg(long, value_parser = ["2019", "2021"])]
        format: Option<String>,
        /// Write the JSON here instead of standard output; with several pages, a folder that
        /// receives one NAME.json per page.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check report JSON: schema, table identities, text against tables and, with --previous,
    /// cross-year rules. Several files or folders: one line per report and a total.
    Check {
        /// Report JSON files, or folders of them (searched for *.json).
        #[arg(required = true)]
        reports: Vec<PathBuf>,
        /// Last year's report JSON, for the cross-year rules X1 and X2 (one report only).
        #[arg(long)]
        previous: Option<PathBuf>,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
        /// Also write a standalone summary page here (readable copies of the reports beside it).
        #[arg(long)]
        html: Option<PathBuf>,
        /// The report whose tables must equal the sum of the other reports' (a city's against
        /// its districts'): every cell all of them print is compared.
        #[arg(long, value_name = "WHOLE")]
        sum: Option<PathBuf>,
        /// Also list every count the text states: what it was bound to and how it compares with
        /// the tables, or why it was not compared (one report only).
        #[arg(short, long)]
        verbose: bool,
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
        /// The language of the page's own words (zh-CN or en); the report's text stays as it is.
        #[arg(long, default_value = "zh-CN")]
        lang: String,
        /// Write only the report's markup (with its styles), to paste inside the viewer's
        /// container: the page shows it at once, the viewer takes over from it.
        #[arg(long)]
        fragment: bool,
    },
}

/// The standalone page as `report-tool` writes it: the viewer's stylesheet inline, Chinese words.
fn tool_page() -> Page<'static> {
    Page {
        css: report_viewer::export::STYLESHEET,
        address: None,
        classes: "",
        labels: &report_viewer::labels::ZH,
        charts: true,
        cross_year: &[],
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Import {
            inputs,
            title,
            format,
            output,
        } => run_imports(&inputs, title, format, output.as_deref()),
        Command::Check {
            reports,
            previous,
            json,
            html,
            verbose,
            sum,
        } => {
            if let Some(whole) = sum {
                return run_sum(&whole, &reports, json);
            }
            let single = reports.len() == 1 && !reports[0].is_dir() && html.is_none();
            if single {
                let code = run_check(&reports[0], previous.as_deref(), json);
                if verbose && !json {
                    print_claims(&reports[0]);
                }
                code
            } else if previous.is_some() {
                eprintln!("report-tool check: --previous 只能用于核对一份报告");
                ExitCode::from(2)
            } else {
                run_review(&reports, json, html.as_deref())
            }
        }
        Command::Html {
            report,
            output,
            lang,
            fragment,
        } => run_html(&report, output.as_deref(), &lang, fragment),
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

/// `html`: the standalone page of one report (or, with `--fragment`, its markup for the viewer's
/// container), to a file or standard output.
fn run_html(report: &Path, output: Option<&Path>, lang: &str, fragment: bool) -> ExitCode {
    let checked = match load(report) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("report-tool html: {e}");
            return ExitCode::from(2);
        }
    };
    let page = Page {
        labels: report_viewer::labels::for_language(lang),
        ..tool_page()
    };
    let html = if fragment {
        report_viewer::export::fragment_html(&checked, &page)
    } else {
        report_viewer::export::standalone_html(&checked, &page)
    };
    let written = match output {
        Some(path) => {
            std::fs::write(path, &html).map_err(|e| format!("无法写入 {}：{e}", path.display()))
        }
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

/// A regular file's bytes (a FIFO or a device would block or never end: refused, and said).
fn read(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("无法读取 {}：{e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("无法读取 {}：不是普通文件", path.display()));
    }
    std::fs::read(path).map_err(|e| format!("无法读取 {}：{e}", path.display()))
}

/// Imports one page or several: several pages (or an output that is a folder) write one
/// NAME.json per page into the output folder. Exit 2 when any page could not be imported.
fn run_imports(
    inputs: &[PathBuf],
    title: Option<String>,
    format: Option<String>,
    output: Option<&Path>,
) -> ExitCode {
    let inputs = &page_files(inputs);
    if inputs.is_empty() {
        eprintln!("report-tool import: 没有可导入的页面（.html .htm .txt .pdf）");
        return ExitCode::from(2);
    }
    let to_folder = inputs.len() > 1 || output.is_some_and(Path::is_dir);
    if !to_folder {
        return run_import(&inputs[0], title, format, output);
    }
    let Some(folder) = output else {
        eprintln!("report-tool import: 导入多个页面时请用 -o 指定输出文件夹");
        return ExitCode::from(2);
    };
    if title.is_some() {
        eprintln!("report-tool import: --title 只能用于导入一个页面");
        return ExitCode::from(2);
    }
    if let Err(e) = std::fs::create_dir_all(folder) {
        eprintln!("report-tool import: 无法创建 {}：{e}", folder.display());
        return ExitCode::from(2);
    }
    let mut failed = 0;
    for input in inputs {
        let stem = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into());
        let target = folder.join(format!("{stem}.json"));
        if run_import(input, None, format.clone(), Some(&target)) != ExitCode::SUCCESS {
            failed += 1;
        }
    }
    eprintln!(
        "共导入 {} 个页面，{} 个失败，输出到 {}",
        inputs.len() - failed,
        failed,
        folder.display()
    );
    if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The pages named: files as given, folders searched (sorted) for .html, .htm, .txt and .pdf.
fn page_files(args: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        if !a.is_dir() {
            out.push(a.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = std::fs::read_dir(a)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        ["html", "htm", "txt", "pdf"].contains(&e.to_ascii_lowercase().as_str())
                    })
            })
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

/// The report JSON files named: files as given, folders searched (sorted) for *.json.
fn report_files(args: &[PathBuf]) -> Vec<PathBuf> {
    /// Folders are walked without following links (a link back into the tree would count every
    /// report again, forever); only regular files are read (a FIFO named *.json would block).
    /// What is passed over is said.
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            out.push(dir.to_path_buf());
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let Ok(kind) = std::fs::symlink_metadata(&p).map(|m| m.file_type()) else {
                continue;
            };
            let wanted = p.extension().is_some_and(|e| e == "json" || e == "pdf");
            if kind.is_symlink() {
                if p.is_dir() || wanted {
                    eprintln!(
                        "略过链接：{}（不跟随文件夹中的链接）",
                        shown(&p.display().to_string())
                    );
                }
            } else if kind.is_dir() {
                walk(&p, out);
            } else if wanted && kind.is_file() {
                out.push(p);
            } else if wanted {
                eprintln!("略过不是普通文件的：{}", shown(&p.display().to_string()));
            }
        }
    }
    let mut out = Vec::new();
    for a in args {
        if a.is_dir() {
            walk(a, &mut out);
        } else {
            out.push(a.clone());
        }
    }
    out
}

/// Batch review: one line per report and a total (or the same as JSON), optionally a summary
/// page. Exit 1 when any report has errors or cannot be read, 2 when no report could be read.
fn run_review(args: &[PathBuf], json: bool, html: Option<&Path>) -> ExitCode {
    use report_viewer::export::review::{summary_html, total_line, totals, Reviewed};
    let files = report_files(args);
    let mut rows = Vec::new();
    // Each readable copy is written as its report is read, so only the summary's rows stay in
    // memory (2,000 reports: a few MB, not every report at once).
    let mut copies = 0;
    let mut write_failed = None;
    for f in &files {
        let shown = f.display().to_string();
        match load(f) {
            Ok(checked) => {
                let mut row = Reviewed::of(&shown, &checked, Vec::new());
                if let (Some(page), None) = (html, &write_failed) {
                    copies += 1;
                    match write_copy(page, copies, &checked) {
                        Ok(link) => row.link = Some(link),
                        Err(e) => write_failed = Some(e),
                    }
                }
                rows.push(row);
            }
            Err(e) => rows.push(Reviewed::unreadable(&shown, e)),
        }
    }
    let t = totals(&rows);
    if json {
        let out = serde_json::json!({ "reports": rows, "total": t });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        for r in &rows {
            // Columns are tabs: every value shown, the tabs between them kept.
            let cells: Vec<String> = r.line().split('\t').map(shown).collect();
            println!("{}", cells.join("\t"));
        }
        println!("{}", total_line(&t));
    }
    if let Some(page) = html {
        let title = format!("政府信息公开工作年度报告核对（{} 份）", t.reports);
        let written = match write_failed {
            Some(e) => Err(e),
            None => std::fs::write(page, summary_html(&rows, &title))
                .map_err(|e| format!("无法写入 {}：{e}", page.display())),
        };
        if let Err(e) = written {
            eprintln!("report-tool check: {e}");
            return ExitCode::from(2);
        }
    }
    if t.reports == 0 {
        eprintln!("report-tool check: 没有可读取的报告");
        ExitCode::from(2)
    } else if t.with_errors > 0 || t.unreadable > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the `n`th readable copy beside the summary page (in NAME-reports/, made on the first
/// copy); the link to it from the summary page.
fn write_copy(
    page: &Path,
    n: usize,
    checked: &report_viewer::model::CheckedReport,
) -> Result<String, String> {
    let dir = copies_dir(page);
    if n == 1 {
        std::fs::create_dir_all(&dir).map_err(|e| format!("无法创建 {}：{e}", dir.display()))?;
    }
    let path = dir.join(format!("{n}.html"));
    std::fs::write(
        &path,
        report_viewer::export::standalone_html(checked, &tool_page()),
    )
    .map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
    Ok(format!(
        "{}/{n}.html",
        dir.file_name().unwrap_or_default().to_string_lossy()
    ))
}

/// Where the summary page's readable copies go: beside it, in NAME-reports/.
fn copies_dir(page: &Path) -> PathBuf {
    let stem = page
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "summary".into());
    page.with_file_name(format!("{stem}-reports"))
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
            eprintln!(
                "report-tool import: {}：{}",
                input.display(),
                shown(&e.to_string())
            );
            return ExitCode::from(2);
        }
    };
    let import::Imported {
        report,
        encoding,
        html,
        notes,
        pdf,
    } = imported;
    let (parts, blocks) = size_of(&report);
    if let Err(e) = write_report(report, output) {
        eprintln!("report-tool import: {e}");
        return ExitCode::from(2);
    }
    eprintln!(
        "导入 {}（{}，{}）：{} 个部分，{} 个内容块",
        input.display(),
        kind_of(pdf, html),
        encoding,
        parts,
        blocks
    );
    for note in &notes {
        eprintln!("  · {}", shown(&report_viewer::labels::ZH.said(note)));
    }
    ExitCode::SUCCESS
}

/// Writes the imported report as JSON to the file (or standard output) and proves that it reads
/// back as a report. A file is written beside its target first and renamed when it reads back,
/// so a failed import never leaves a half-written or unreadable file; the report is freed before
/// reading back, so a large page's report and its copy are never in memory together.
fn write_report(report: Report, output: Option<&Path>) -> Result<(), String> {
    // Read back with the plain parser (quicker); only a failure is read again for its message.
    let read_back = |json: &str| match serde_json::from_str::<Report>(json) {
        Ok(r) if r.version == report_viewer::model::FORMAT_VERSION => Ok(()),
        _ => parse_report(json)
            .map(drop)
            .map_err(|e| format!("内部错误，导出的 JSON 无法读回：{e}")),
    };
    let Some(path) = output else {
        let json = report_viewer::model::to_json(&report);
        drop(report);
        read_back(&json)?;
        return std::io::stdout()
            .write_all(json.as_bytes())
            .map_err(|e| e.to_string());
    };
    let part = path.with_extension("json.part");
    let cannot_write = |e: std::io::Error| format!("无法写入 {}：{e}", part.display());
    let file = std::fs::File::create(&part).map_err(cannot_write)?;
    let mut out = std::io::BufWriter::new(file);
    report_viewer::model::write_json(&report, &mut out).map_err(cannot_write)?;
    out.flush().map_err(cannot_write)?;
    drop(out);
    drop(report);
    // Read back from the file as a stream: a large report is never in memory beside its text.
    let streamed = std::fs::File::open(&part)
        .map(|f| serde_json::from_reader::<_, Report>(std::io::BufReader::new(f)));
    let checked = match streamed {
        Ok(Ok(r)) if r.version == report_viewer::model::FORMAT_VERSION => Ok(()),
        _ => std::fs::read_to_string(&part)
            .map_err(|e| e.to_string())
            .and_then(|json| read_back(&json)),
    };
    if let Err(e) = checked {
        let _ = std::fs::remove_file(&part);
        return Err(e);
    }
    std::fs::rename(&part, path).map_err(|e| format!("无法写入 {}：{e}", path.display()))
}

/// A report to check: report JSON, or a page or PDF imported on the way (its import notes on
/// standard error).
fn load(path: &Path) -> Result<CheckedReport, String> {
    let bytes = read(path)?;
    let json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF)
        .is_some_and(|b| *b == b'{');
    if !json {
        let imported = import::import(&bytes, &Options::default())
            .map_err(|e| format!("{}：{e}", path.display()))?;
        eprintln!(
            "{}：先导入（{} 条导入说明，report-tool import 列出全部）",
            path.display(),
            imported.notes.len()
        );
        return Ok(check_report(imported.report));
    }
    let report = read_report(&bytes).map_err(|e| format!("{}：{e}", path.display()))?;
    Ok(check_report(report))
}

fn run_check(path: &Path, previous: Option<&Path>, json: bool) -> ExitCode {
    let checked = match load(path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("report-tool check: {}", shown(&e));
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

/// A report's parts and content blocks, for the importer's summary line.
fn size_of(r: &Report) -> (usize, usize) {
    let blocks = r
        .all_sections()
        .iter()
        .map(|s| s.blocks.len())
        .sum::<usize>()
        + r.introduction.len();
    (r.sections.len(), blocks)
}

/// What an imported input was, in words.
fn kind_of(pdf: bool, html: bool) -> &'static str {
    match (pdf, html) {
        (true, _) => "PDF",
        (false, true) => "HTML",
        (false, false) => "文本",
    }
}

/// `check --sum WHOLE PARTS…`: the whole's tables against the sum of the parts', one line per
/// differing cell. Exit 1 when a cell differs, 2 when a report cannot be read.
fn run_sum(whole: &Path, parts: &[PathBuf], json: bool) -> ExitCode {
    let load_named = |p: &Path| load(p).map(|c| (p.display().to_string(), c));
    let whole = match load_named(whole) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("report-tool check --sum: {e}");
            return ExitCode::from(2);
        }
    };
    let mut loaded = Vec::new();
    for p in report_files(parts) {
        match load_named(&p) {
            Ok(r) => loaded.push(r),
            Err(e) => {
                eprintln!("report-tool check --sum: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let named: Vec<(String, &report_viewer::model::CheckedReport)> = loaded
        .iter()
        .map(|(n, c)| {
            let agency = c.report.meta.agency.trim();
            (
                if agency.is_empty() {
                    n.clone()
                } else {
                    agency.to_string()
                },
                c,
            )
        })
        .collect();
    let s = report_viewer::model::hierarchy::sum_check(&whole.1, &named);
    if json {
        let out = serde_json::json!({
            "whole": whole.0, "parts": loaded.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            "compared": s.compared, "not_compared": s.not_compared, "findings": s.findings,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        println!(
            "{}：与 {} 份下级报告之和核对 {} 格，{} 格不一致，{} 格因有报告未印数字未核对",
            shown(&whole.1.report.meta.title),
            named.len(),
            s.compared,
            s.findings.len(),
            s.not_compared
        );
        for f in &s.findings {
            println!("  {}　{}", shown(&f.table), shown(&f.message()));
        }
    }
    if s.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `check --verbose`: every count the text states and what became of it.
fn print_claims(path: &Path) {
    let Ok(checked) = load(path) else { return };
    let v = report_viewer::model::templates::vocabulary();
    let lines =
        report_viewer::model::consistency::claim_lines(&checked.report, &checked.tables, &v);
    println!("\n正文中陈述的数字（{} 处）：", lines.len());
    for l in lines {
        for part in report_viewer::labels::ZH.said(&l).split('\n') {
            println!("  {}", shown(part));
        }
    }
}

/// Text from a report or a page as a terminal may show it: control characters (escape codes
/// that clear the screen or colour a fake 核对通过, carriage returns, a line break that forges a
/// line, tabs that forge a column) and bidirectional overrides written out as `\x1b`, `\u{202e}`.
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        if c.is_control() && (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn print_for_people(checked: &CheckedReport, findings: &[Finding], errors: usize, warnings: usize) {
    println!("{}", shown(&checked.report.meta.title));
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|(t, _)| *t == f.table) {
            Some((_, list)) => list.push(f),
            None => groups.push((&f.table, vec![f])),
        }
    }
    for (table, list) in groups {
        println!("\n{}", shown(table));
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
            println!(
                "  {severity} [{}] {}{}",
                f.rule.id(),
                shown(&f.message()),
                shown(&figures)
            );
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
