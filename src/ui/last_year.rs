//! 对比上年: last year's report, named by the report (`meta.previous`) or the webmaster
//! (`data-previous`), loaded once this one is on screen. It never stands in this report's way: a
//! failure to load it is a quiet note, and this report's findings stay its own. Loaded, it gives
//! the cross-year checks (`model::validate::check_cross_year`, as `report-tool check --previous`)
//! and each official table a 对比上年 toggle (`ui::stat_table`).

use super::context::{LastYear, Previous};
use super::labels;
use super::load::load_report;
use super::ReportCtx;
use crate::browser::fetch::report_address;
use crate::config::LastYearReport;
use crate::labels::Labels;
use crate::model::validate::check_cross_year;
use leptos::prelude::*;
use std::sync::Arc;

/// The address of last year's report: `data-previous` (relative to the page; "off" names none),
/// else the report's `meta.previous` (relative to the report). `Err` when it is no address.
fn address(ctx: &ReportCtx) -> Option<Result<String, String>> {
    let (named, base) = match &ctx.options.previous {
        LastYearReport::Off => return None,
        LastYearReport::At(named) => (named.clone(), String::new()),
        LastYearReport::ReportsOwn => (
            ctx.checked.report.meta.previous.clone()?,
            ctx.options.src.clone(),
        ),
    };
    Some(report_address(&named, &base).ok_or(named))
}

/// Starts loading last year's report, if one is named; the outcome lands in `ctx.last_year`, and
/// a failure on the console too.
pub fn load_last_year(ctx: &ReportCtx) {
    let Some(url) = address(ctx) else { return };
    let l = labels();
    let (signal, timeout) = (ctx.last_year, ctx.options.timeout_secs);
    let this = ctx.checked.clone();
    signal.set(LastYear::Loading);
    leptos::task::spawn_local(async move {
        let outcome = match url {
            Err(named) => Err(Labels::fill(l.bad_address, &[("url", &named)])),
            Ok(url) => load_report(url, timeout).await.map_err(|f| f.describe(l)),
        };
        signal.set(match outcome {
            Ok(loaded) => {
                let findings = check_cross_year(&this, &loaded.checked);
                for f in &findings {
                    let message = l.said(&f.said);
                    leptos::logging::log!(
                        "{}",
                        Labels::fill(l.webmaster.last_year_found, &[("message", &message)])
                    );
                }
                LastYear::Loaded(Arc::new(Previous {
                    checked: loaded.checked,
                    findings,
                }))
            }
            Err(why) => {
                leptos::logging::warn!(
                    "{}",
                    Labels::fill(l.webmaster.last_year_failed, &[("why", &why)])
                );
                LastYear::Failed(why)
            }
        });
    });
}

/// Under the check summary: whether last year's report came, and what checking against it found
/// (a polite status; never an error of this report).
#[component]
pub fn LastYearNote() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let l = labels();
    let this_year = ctx.checked.report.meta.year;
    let signal = ctx.last_year;
    let text = move || match signal.get() {
        LastYear::None | LastYear::Loading => None,
        LastYear::Loaded(p) => {
            let year = p.checked.report.meta.year;
            let warnings = p.findings.iter().filter(|f| f.needs_attention()).count();
            let checks = if p.findings.is_empty() {
                l.last_year_checks_ok.to_string()
            } else {
                l.cross_year_found(warnings, p.findings.len() - warnings)
            };
            let mut text = Labels::fill(
                l.last_year_loaded,
                &[("year", &year.to_string()), ("checks", &checks)],
            );
            if year + 1 != this_year {
                text.push_str(&Labels::fill(
                    l.last_year_other_year,
                    &[
                        ("year", &year.to_string()),
                        ("this", &this_year.to_string()),
                    ],
                ));
            }
            Some((text, false))
        }
        LastYear::Failed(mut why) => {
            if !why.ends_with(['。', '.']) {
                why.push_str(l.full_stop);
            }
            Some((Labels::fill(l.last_year_failed, &[("why", &why)]), true))
        }
    };
    let named = !matches!(signal.get_untracked(), LastYear::None);
    named.then(|| {
        view! {
            <div class="rv-last-year" role="status">
                {move || {
                    text()
                        .map(|(text, failed)| {
                            view! {
                                <p class="rv-last-year__note" class:rv-last-year__note--failed=failed>
                                    {text}
                                </p>
                            }
                        })
                }}
            </div>
        }
    })
}
