//! Writes the stylesheet as shipped (minified, see build_support/minify_css.rs) to OUT_DIR, where
//! `export::STYLESHEET` includes it.

#[path = "build_support/minify_css.rs"]
mod minify_css;

fn main() {
    let source = "style/report-viewer.css";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build_support/minify_css.rs");
    let css = std::fs::read_to_string(source).expect("style/report-viewer.css is readable");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("report-viewer.min.css");
    std::fs::write(out, minify_css::minify_css(&css)).expect("OUT_DIR is writable");
}
