//! `report-tool check` on arbitrary JSON: parsing gives a located error or a report; checking
//! and laying out every table never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_viewer::model::layout::layout;
use report_viewer::model::{check_report, parse_report, LoadError};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_report(text) {
        Ok(report) => {
            let checked = check_report(report);
            for table in checked.tables.values() {
                let _ = layout(table);
            }
            let _ = checked.report.meta.published_display();
        }
        Err(LoadError::Json { line, column, .. }) => assert!(line >= 1 && column <= text.len() + 1),
        Err(LoadError::Version { .. }) => {}
    }
});
