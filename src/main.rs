//! The browser entry point: mounts a viewer into every container on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    report_viewer::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("report-viewer is the browser build; use `scripts/serve` to see it.");
    std::process::exit(2);
}
