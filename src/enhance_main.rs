//! The browser entry point of enhance mode's build (feature `enhance`): the same viewer, which
//! can also read a portal's report article from the page (`data-enhance`). The loader picks it
//! only for pages that ask for it, so JSON-mode pages never download the import rules.

#[cfg(target_arch = "wasm32")]
fn main() {
    report_viewer::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("report-viewer-enhance is the browser build; use `scripts/serve` to see it.");
    std::process::exit(2);
}
