//! `report-tool import` on arbitrary bytes: never panics, and whatever it returns reads back
//! as a report and checks without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_viewer::import::{import, to_json, Options};
use report_viewer::model::{check_report, parse_report};

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import(data, &Options::default()) {
        let json = to_json(&imported.report);
        let back = parse_report(&json).expect("import output must read back");
        assert_eq!(back, imported.report);
        let _ = check_report(back);
    }
});
