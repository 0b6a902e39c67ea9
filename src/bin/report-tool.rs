//! report-tool: turn existing report pages into report JSON, and check a report before it is
//! published.
//!
//! Exit status: 0 clean, 1 the report has errors, 2 the input cannot be read.

use clap::{Parser, Subcommand};
use report_viewer::export::Page;
use report_viewer::import::{self, Options};
use report_viewer::labels::review::ReviewWords;
use report_viewer::labels::Labels;
use report_viewer::model::validate::check_cross_year;
use report_viewer::model::{
    check_report, parse_report, read_report, CheckedReport, Finding, Report, Severity,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `println!` that ends report-tool quietly when standard output is closed (piped into `head`):
/// the reader has what they asked for, and a panic would print a stack trace at them. The exit
/// status is the shell's for a closed pipe.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(141);
        }
    }};
}

#[derive(Parser)]
#[command(
    name = "report-tool",
    version,
    about = report_viewer::labels::review::ABOUT
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language report-tool speaks (zh-CN or en), and of a page it writes; the reports'
    /// own text stays as it is, and --json keeps its record in Chinese.
    #[arg(long, global = true, default_value = "zh-CN")]
    lang: String,
}

/// The words report-tool speaks in (`--lang`), set once at its start.
static WORDS: std::sync::OnceLock<(&'static Labels, &'static ReviewWords)> =
    std::sync::OnceLock::new();

/// The interface's labels and report-tool's own words, in the language asked for.
fn words() -> (&'static Labels, &'static ReviewWords) {
    *WORDS.get_or_init(|| {
        (
            &report_viewer::labels::ZH,
            &report_viewer::labels::review::ZH,
        )
    })
}

/// `frame` with its holes filled.
fn say(frame: &str, holes: &[(&str, &dyn std::fmt::Display)]) -> String {
    let values: Vec<(&str, String)> = holes.iter().map(|(n, v)| (*n, v.to_string())).collect();
    let holes: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    Labels::fill(frame, &holes)
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
        labels: words().0,
        charts: true,
        cross_year: &[],
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let _ = WORDS.set((
        report_viewer::labels::for_language(&cli.lang),
        report_viewer::labels::review::for_language(&cli.lang),
    ));
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
                eprintln!("report-tool check: {}", words().1.previous_one);
                ExitCode::from(2)
            } else {
                run_review(&reports, json, html.as_deref())
            }
        }
        Command::Html {
            report,
            output,
            fragment,
        } => run_html(&report, output.as_deref(), fragment),
        Command::Schema => {
            let schema = schemars::schema_for!(Report);
            out!(
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
    }
}

/// `html`: the standalone page of one report (or, with `--fragment`, its markup for the viewer's
/// container), to a file or standard output.
fn run_html(report: &Path, output: Option<&Path>, fragment: bool) -> ExitCode {
    let checked = match load(report) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("report-tool html: {e}");
            return ExitCode::from(2);
        }
    };
    let page = tool_page();
    let html = if fragment {
        report_viewer::export::fragment_html(&checked, &page)
    } else {
        report_viewer::export::standalone_html(&checked, &page)
    };
    let written = match output {
        Some(path) => std::fs::write(path, &html).map_err(|e| cannot_write(path, &e)),
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
    let w = words().1;
    let cannot = |e: std::io::Error| say(w.cannot_read, &[("path", &path.display()), ("why", &e)]);
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(say(w.not_a_file, &[("path", &path.display())]));
    }
    std::fs::read(path).map_err(cannot)
}

/// Why `path` could not be written.
fn cannot_write(path: &Path, e: &dyn std::fmt::Display) -> String {
    say(
        words().1.cannot_write,
        &[("path", &path.display()), ("why", e)],
    )
}

/// Why the folder `path` could not be made.
fn cannot_create(path: &Path, e: &dyn std::fmt::Display) -> String {
    say(
        words().1.cannot_create,
        &[("path", &path.display()), ("why", e)],
    )
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
        eprintln!("report-tool import: {}", words().1.no_pages);
        return ExitCode::from(2);
    }
    let to_folder = inputs.len() > 1 || output.is_some_and(Path::is_dir);
    if !to_folder {
        return run_import(&inputs[0], title, format, output);
    }
    let Some(folder) = output else {
        eprintln!("report-tool import: {}", words().1.folder_needed);
        return ExitCode::from(2);
    };
    if title.is_some() {
        eprintln!("report-tool import: {}", words().1.title_one);
        return ExitCode::from(2);
    }
    if let Err(e) = std::fs::create_dir_all(folder) {
        eprintln!("report-tool import: {}", cannot_create(folder, &e));
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
    let done = inputs.len() - failed;
    let holes: [(&str, &dyn std::fmt::Display); 3] = [
        ("done", &done),
        ("failed", &failed),
        ("folder", &folder.display()),
    ];
    eprintln!("{}", say(words().1.imported_all, &holes));
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
                    let path = shown(&p.display().to_string());
                    eprintln!("{}", say(words().1.link_skipped, &[("path", &path)]));
                }
            } else if kind.is_dir() {
                walk(&p, out);
            } else if wanted && kind.is_file() {
                out.push(p);
            } else if wanted {
                let path = shown(&p.display().to_string());
                eprintln!("{}", say(words().1.not_regular_skipped, &[("path", &path)]));
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
    let (l, w) = words();
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
        out!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        for r in &rows {
            // Columns are tabs: every value shown, the tabs between them kept.
            let cells: Vec<String> = r.line(w).split('\t').map(shown).collect();
            out!("{}", cells.join("\t"));
        }
        out!("{}", total_line(&t, w));
    }
    if let Some(page) = html {
        let title = say(w.review_title, &[("n", &t.reports)]);
        let written = match write_failed {
            Some(e) => Err(e),
            None => std::fs::write(page, summary_html(&rows, &title, l, w))
                .map_err(|e| cannot_write(page, &e)),
        };
        if let Err(e) = written {
            eprintln!("report-tool check: {e}");
            return ExitCode::from(2);
        }
    }
    if t.reports == 0 {
        eprintln!("report-tool check: {}", w.no_reports);
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
        std::fs::create_dir_all(&dir).map_err(|e| cannot_create(&dir, &e))?;
    }
    let path = dir.join(format!("{n}.html"));
    std::fs::write(
        &path,
        report_viewer::export::standalone_html(checked, &tool_page()),
    )
    .map_err(|e| cannot_write(&path, &e))?;
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
            let why = shown(&words().0.said(&e.said()));
            let holes: [(&str, &dyn std::fmt::Display); 2] =
                [("path", &input.display()), ("what", &why)];
            eprintln!("report-tool import: {}", say(words().1.at, &holes));
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
    let holes: [(&str, &dyn std::fmt::Display); 5] = [
        ("input", &input.display()),
        ("kind", &kind_of(pdf, html)),
        ("encoding", &encoding),
        ("parts", &parts),
        ("blocks", &blocks),
    ];
    eprintln!("{}", say(words().1.imported, &holes));
    for note in &notes {
        eprintln!("  · {}", shown(&words().0.said(note)));
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
            .map_err(|e| say(words().1.read_back_failed, &[("why", &e)])),
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
    let unwritten = |e: std::io::Error| cannot_write(&part, &e);
    let file = std::fs::File::create(&part).map_err(unwritten)?;
    let mut out = std::io::BufWriter::new(file);
    report_viewer::model::write_json(&report, &mut out).map_err(unwritten)?;
    out.flush().map_err(unwritten)?;
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
    std::fs::rename(&part, path).map_err(|e| cannot_write(path, &e))
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
        let (l, w) = words();
        let at =
            |what: &dyn std::fmt::Display| say(w.at, &[("path", &path.display()), ("what", what)]);
        let imported =
            import::import(&bytes, &Options::default()).map_err(|e| at(&l.said(&e.said())))?;
        let n = imported.notes.len();
        eprintln!(
            "{}",
            say(w.imported_first, &[("path", &path.display()), ("n", &n)])
        );
        return Ok(check_report(imported.report));
    }
    let report = read_report(&bytes).map_err(|e| {
        let why = e.describe(words().0);
        say(words().1.at, &[("path", &path.display()), ("what", &why)])
    })?;
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
        out!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
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
        (false, false) => words().1.text_kind,
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
        out!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        print_sum(&whole.1.report.meta.title, named.len(), &s);
    }
    if s.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The sum check for people: a line of counts, a line per cell that differs.
fn print_sum(title: &str, parts: usize, s: &report_viewer::model::hierarchy::Summed) {
    let (l, w) = words();
    let holes: [(&str, &dyn std::fmt::Display); 5] = [
        ("title", &shown(title)),
        ("n", &parts),
        ("compared", &s.compared),
        ("differ", &s.findings.len()),
        ("not", &s.not_compared),
    ];
    out!("{}", say(w.sum_line, &holes));
    for f in &s.findings {
        let place = l.finding_place(&f.table);
        out!("  {}　{}", shown(place), shown(&l.said(&f.said)));
    }
}

/// `check --verbose`: every count the text states and what became of it.
fn print_claims(path: &Path) {
    let Ok(checked) = load(path) else { return };
    let v = report_viewer::model::templates::vocabulary();
    let lines =
        report_viewer::model::consistency::claim_lines(&checked.report, &checked.tables, &v);
    let (labels, w) = words();
    out!("\n{}", say(w.claims_heading, &[("n", &lines.len())]));
    for l in lines {
        for part in labels.said(&l).split('\n') {
            out!("  {}", shown(part));
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
    let (l, w) = words();
    out!("{}", shown(&checked.report.meta.title));
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|(t, _)| *t == f.table) {
            Some((_, list)) => list.push(f),
            None => groups.push((&f.table, vec![f])),
        }
    }
    for (table, list) in groups {
        out!("\n{}", shown(l.finding_place(table)));
        for f in list {
            let severity = w.severity[match f.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }];
            let figures = match (&f.expected, &f.printed) {
                (Some(e), Some(p)) if !e.is_empty() && !p.is_empty() => {
                    say(w.figures, &[("expected", e), ("printed", p)])
                }
                _ => String::new(),
            };
            out!(
                "  {severity} [{}] {}{}",
                f.rule.id(),
                shown(&l.said(&f.said)),
                shown(&figures)
            );
        }
    }
    let summary = if errors + warnings == 0 {
        w.passed.to_string()
    } else {
        say(w.found, &[("errors", &errors), ("warnings", &warnings)])
    };
    out!("\n{summary}");
}
