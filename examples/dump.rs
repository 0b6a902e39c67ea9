//! Writes everything the product decides about a set of inputs, to prove a change of structure
//! changes no behaviour: for each page (.html/.txt) the imported JSON and the import notes; for
//! each report JSON (given or imported) the findings, the reading script (with and without
//! 图解), the charts, the saved page in both languages (no stylesheet), the fragment, each table
//! as CSV, and with a second report the cross-year findings and the comparison tables.
//!
//! `cargo run --features tool --example dump -- OUT_DIR INPUT…` (scripts/dump runs it on every
//! corpus page, fixture and sample). Diff two OUT_DIRs.

use report_viewer::export::{fragment_html, standalone_html, table_csv, Page};
use report_viewer::import::{import, Options};
use report_viewer::labels::{EN, ZH};
use report_viewer::model::to_json;
use report_viewer::model::validate::check_cross_year;
use report_viewer::model::{check_report, parse_report, CheckedReport};
use report_viewer::read_aloud::script::{build, Script};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn page(labels: &'static report_viewer::labels::Labels) -> Page<'static> {
    Page {
        css: "",
        address: None,
        classes: "",
        labels,
        charts: true,
        cross_year: &[],
    }
}

fn dump_checked(out: &Path, stem: &str, checked: &CheckedReport) {
    let write = |ext: &str, text: String| {
        std::fs::write(out.join(format!("{stem}.{ext}")), text).expect("write dump")
    };
    write("findings.txt", findings_text(&checked.findings));
    write("script.txt", format!("{:#?}", build(checked)));
    let plain = Script::plan_with(checked, false).finish();
    write("script-nocharts.txt", format!("{plain:#?}"));
    // Each chart's figures, then its sentence as the reader reads it, in both languages.
    let charts: Vec<String> = checked
        .charts()
        .iter()
        .map(|c| {
            format!(
                "{:#?}\n{}\n{}\n",
                (&c.id, &c.title, &c.bars, c.compared, &c.headline),
                report_viewer::labels::ZH.chart_sentence(&c.sentence),
                report_viewer::labels::EN.chart_sentence(&c.sentence)
            )
        })
        .collect();
    write("charts.txt", charts.join("\n"));
    write("zh.html", standalone_html(checked, &page(&ZH)));
    write("en.html", standalone_html(checked, &page(&EN)));
    write("fragment.html", fragment_html(checked, &page(&ZH)));
    let mut csv = String::new();
    for (id, table) in &checked.tables {
        let _ = writeln!(csv, "## {id}\n{}", table_csv(table, &ZH));
        let _ = writeln!(csv, "## {id} en\n{}", table_csv(table, &EN));
    }
    write("csv.txt", csv);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("OUT_DIR INPUT…"));
    std::fs::create_dir_all(&out).expect("create OUT_DIR");
    let mut checked_all: Vec<(String, CheckedReport)> = Vec::new();
    for input in args {
        let path = Path::new(&input);
        let stem = path
            .with_extension("")
            .to_string_lossy()
            .replace(['/', '.'], "_");
        let bytes = std::fs::read(path).expect("read input");
        let report = if path.extension().is_some_and(|e| e == "json") {
            match parse_report(&String::from_utf8_lossy(&bytes)) {
                Ok(r) => r,
                Err(e) => {
                    // What the reader is told, in both languages.
                    let said = format!(
                        "{}\n{}\n",
                        e.describe(&report_viewer::labels::ZH),
                        e.describe(&report_viewer::labels::EN)
                    );
                    std::fs::write(out.join(format!("{stem}.error.txt")), said).expect("write");
                    continue;
                }
            }
        } else {
            match import(&bytes, &Options::default()) {
                Ok(imported) => {
                    let notes = imported.notes_in(&report_viewer::labels::ZH).join("\n");
                    std::fs::write(out.join(format!("{stem}.notes.txt")), notes).expect("write");
                    let json = to_json(&imported.report);
                    std::fs::write(out.join(format!("{stem}.json")), &json).expect("write");
                    parse_report(&json).expect("imported JSON reads back")
                }
                Err(e) => {
                    std::fs::write(out.join(format!("{stem}.error.txt")), e.to_string())
                        .expect("write");
                    continue;
                }
            }
        };
        let checked = check_report(report);
        dump_checked(&out, &stem, &checked);
        checked_all.push((stem, checked));
    }
    // Every report against the one before it in the list (cross-year rules and comparisons).
    for pair in checked_all.windows(2) {
        let ((_, before), (stem, now)) = (&pair[0], &pair[1]);
        let findings = check_cross_year(now, before);
        let mut text = format!("{}\n", findings_text(&findings));
        for (id, table) in &now.tables {
            let Some(old) = before
                .tables
                .values()
                .find(|t| t.template.is_some() && t.template == table.template)
            else {
                continue;
            };
            let words = &report_viewer::labels::ZH.change_words;
            let _ = writeln!(
                text,
                "## {id}\n{:#?}",
                report_viewer::model::compare::compare(table, old, words)
            );
        }
        std::fs::write(out.join(format!("{stem}.cross-year.txt")), text).expect("write");
    }
}

/// Findings as the reader reads them: where, what, and the message in both languages.
fn findings_text(findings: &[report_viewer::model::Finding]) -> String {
    let said: Vec<_> = findings
        .iter()
        .map(|f| {
            (
                (f.rule, f.severity, &f.table_id, &f.table, &f.row, &f.column),
                (&f.expected, &f.printed, &f.cells),
                f.message(),
                f.message_en(),
            )
        })
        .collect();
    format!("{said:#?}")
}
