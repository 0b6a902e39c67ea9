//! Times building the reading script (and checking) for report files, for scripts/bench.
//! `cargo run --release --example script_timing -- report.json…` prints one JSON line per file.

use report_viewer::model::{check_report, parse_report};
use report_viewer::read_aloud::script::{build, Script};
use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            std::process::exit(2);
        };
        let t = Instant::now();
        let Ok(report) = parse_report(&text) else {
            eprintln!("not a report: {path}");
            std::process::exit(2);
        };
        let parse_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let checked = check_report(report);
        let check_ms = t.elapsed().as_secs_f64() * 1e3;
        // The median of several builds.
        let mut runs: Vec<f64> = (0..9)
            .map(|_| {
                let t = Instant::now();
                let script = build(&checked);
                std::hint::black_box(&script);
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        // Of which listing the sentences (the one step the viewer cannot slice).
        let mut plans: Vec<f64> = (0..9)
            .map(|_| {
                let t = Instant::now();
                let plan = Script::plan(&checked);
                std::hint::black_box(&plan);
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        plans.sort_by(f64::total_cmp);
        let utterances = build(&checked).len();
        println!(
            "{{\"file\":\"{path}\",\"bytes\":{},\"parse_ms\":{parse_ms:.3},\"check_ms\":{check_ms:.3},\"script_ms\":{:.3},\"plan_ms\":{:.3},\"utterances\":{utterances}}}",
            text.len(),
            runs[runs.len() / 2],
            plans[plans.len() / 2]
        );
    }
}
