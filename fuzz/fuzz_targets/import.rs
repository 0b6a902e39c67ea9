//! `report-tool import` on arbitrary bytes (pages, text copies, and PDFs: bytes that start with
//! "%PDF-" go through the PDF reader): never panics, and whatever it returns reads back
//! as a report and checks without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_viewer::import::{import, Options};
use report_viewer::model::to_json;
use report_viewer::model::{check_report, parse_report};

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import(data, &Options::default()) {
        let json = to_json(&imported.report);
        let back = parse_report(&json).expect("import output must read back");
        assert_eq!(back, imported.report);
        let _ = check_report(back);
    }
});
