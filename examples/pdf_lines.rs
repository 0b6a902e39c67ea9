//! Prints the lines report-tool reads from a PDF's text layer (table rows with " | " between
//! cells) and the title it found: to see what the importer sees in a PDF.
//! `cargo run --features tool --example pdf_lines -- report.pdf`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("pdf_lines REPORT.pdf");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match report_viewer::import::pdf::read(&bytes) {
        Ok(t) => {
            println!("标题：{}", t.title.unwrap_or_default());
            for l in t.lines {
                println!("{}", l.replace('\t', " | "));
            }
            for n in t.notes {
                eprintln!("  · {}", report_viewer::labels::ZH.said(&n));
            }
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    }
}
