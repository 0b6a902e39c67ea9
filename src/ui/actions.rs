//! 打印 and 保存: what the toolbar's buttons do, made of the export (pure) and the browser's
//! downloads and print frame.

use crate::browser::download::download;
use crate::browser::location::page_address;
use crate::browser::print::print_document;
use crate::export::{file_stem, standalone_html, table_csv, Page, STYLESHEET};
use crate::labels::Labels;
use crate::model::{CheckedReport, Finding};
use leptos::prelude::GetUntracked;

use super::ReportCtx;

/// Saves the standalone HTML file (with what checking against last year's report found, once
/// loaded).
pub fn save_html(ctx: &ReportCtx, labels: &'static Labels) {
    let (checked, charts) = (&ctx.checked, ctx.options.charts);
    let cross_year = &ctx.last_year.get_untracked().cross_year();
    let address = page_address();
    let page = Page {
        css: STYLESHEET,
        address: Some(&address),
        classes: "",
        labels,
        charts,
        cross_year,
    };
    let html = standalone_html(checked, &page);
    download(
        &format!("{}.html", file_stem(&checked.report.meta)),
        "text/html;charset=utf-8",
        &html,
    );
}

/// Saves the JSON exactly as it was fetched.
pub fn save_json(checked: &CheckedReport, source: &str) {
    download(
        &format!("{}.json", file_stem(&checked.report.meta)),
        "application/json;charset=utf-8",
        source,
    );
}

/// Saves one table as CSV.
pub fn save_csv(checked: &CheckedReport, table_id: &str, labels: &Labels) {
    let Some(table) = checked.tables.get(table_id) else {
        return;
    };
    let label = labels.table_name(
        table.template.map(|id| id.table_number()),
        table.label.as_deref().unwrap_or(&table.caption),
    );
    let csv = table_csv(table, labels);
    download(
        &format!("{}_{label}.csv", file_stem(&checked.report.meta)),
        "text/csv;charset=utf-8",
        &csv,
    );
}

/// Prints the whole report, not the page around it: the standalone view (with the reader's text
/// size and contrast) in a hidden frame. No `<style>` in it: the frame adopts the stylesheet.
pub fn print_report(
    checked: &CheckedReport,
    classes: &str,
    labels: &'static Labels,
    (charts, cross_year): (bool, &[Finding]),
) {
    let address = page_address();
    let page = Page {
        css: "",
        address: Some(&address),
        classes,
        labels,
        charts,
        cross_year,
    };
    let html = standalone_html(checked, &page);
    print_document(&html, &checked.report.meta.title, STYLESHEET);
}
