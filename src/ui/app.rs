//! The viewer: loads a report and shows it, or says plainly why it cannot.

use super::findings::CheckSummary;
use super::header::ReportHeader;
use super::labels::ZH;
use super::load::{load_report, LoadFailure};
use super::nav::{Contents, Toolbar};
use super::section::{Blocks, Part};
use super::ReportCtx;
use crate::model::CheckedReport;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Shows the report at `src`: a loading state, then the report or an error with a retry button.
#[component]
pub fn ReportViewer(
    /// Address of the report JSON.
    #[prop(into)]
    src: Signal<String>,
    /// Called once the report is on screen (the embedder removes its fallback link then).
    #[prop(optional)]
    on_shown: Option<Callback<()>>,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let report = LocalResource::new(move || {
        attempt.track();
        load_report(src.get())
    });
    view! {
        <div class="rv" lang="zh-CN">
            {move || match report.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => {
                    view! { <LoadError failure on_retry=move || attempt.update(|n| *n += 1)/> }
                        .into_any()
                }
                Some(Ok(checked)) => view! { <ReportView checked on_shown/> }.into_any(),
            }}
        </div>
    }
}

/// Shown while the report loads.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <div class="rv-status" role="status" aria-live="polite">
            <span class="rv-spinner" aria-hidden="true"></span>
            {ZH.loading}
        </div>
    }
}

/// Says why the report is not shown, where the problem is, and offers to try again.
#[component]
fn LoadError(
    /// What went wrong.
    failure: LoadFailure,
    /// Loads the report again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let kind = match &failure {
        LoadFailure::Network { .. } => ZH.network_error,
        LoadFailure::Http { .. } => ZH.http_error,
        LoadFailure::Data { .. } => ZH.data_error,
    };
    let node = NodeRef::<leptos::html::Button>::new();
    // Focus the retry button so keyboard and screen-reader users land on the way out.
    Effect::new(move |_| {
        if let Some(b) = node.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="rv-error" role="alert">
            <h1 class="rv-error__title">{ZH.load_failed} "：" {kind}</h1>
            <p class="rv-error__detail">{failure.to_string()}</p>
            <button type="button" class="rv-button" node_ref=node on:click=move |_| on_retry()>
                {ZH.retry}
            </button>
        </div>
    }
}

/// The loaded report: header, check summary, tools, contents, introduction and parts.
#[component]
pub fn ReportView(
    /// The report and what checking it found.
    checked: Arc<CheckedReport>,
    /// Called once the report is on screen.
    #[prop(default = None)]
    on_shown: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = ReportCtx {
        checked: checked.clone(),
        open: RwSignal::new(BTreeSet::new()),
    };
    provide_context(ctx.clone());
    let report = &checked.report;
    let intro = report.introduction.clone();
    let parts = report.sections.clone();

    // Deep links: #id opens the part that holds it and scrolls there, on load and on hashchange.
    let follow_hash = {
        let ctx = ctx.clone();
        move || {
            let Some(id) = current_hash() else { return };
            let Some(part) = ctx.checked.report.part_holding(&id) else {
                return;
            };
            let part_id = part.id.clone();
            ctx.open.update(|o| {
                o.insert(part_id);
            });
            request_animation_frame(move || scroll_to(&id));
        }
    };
    let initial = follow_hash.clone();
    request_animation_frame(move || {
        initial();
        mark_shown();
        if let Some(cb) = on_shown {
            cb.run(());
        }
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| follow_hash());
    on_cleanup(move || listener.remove());

    view! {
        <article class="rv-report" aria-labelledby="rv-title">
            <ReportHeader meta=report.meta.clone()/>
            <CheckSummary/>
            <Toolbar/>
            <Contents/>
            <div class="rv-intro">
                <Blocks blocks=intro/>
            </div>
            {parts.into_iter().map(|section| view! { <Part section/> }).collect_view()}
        </article>
    }
}

/// The fragment of the page address, without '#', percent-decoded.
fn current_hash() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let raw = hash.strip_prefix('#')?;
    if raw.is_empty() {
        return None;
    }
    js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
}

/// Scrolls an element into view, without smooth scrolling when the reader prefers less motion.
pub fn scroll_to(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    let reduced = window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    options.set_behavior(if reduced {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Sets the address fragment without adding a history entry (None clears it).
pub fn replace_hash(id: Option<&str>) {
    let location = window().location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = match id {
        Some(id) => format!("{base}#{id}"),
        None => base,
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Marks the moment the first report is on screen, for benchmarks (performance.mark).
fn mark_shown() {
    if let Some(perf) = window().performance() {
        let already = perf.get_entries_by_name("report-viewer:shown").length() > 0;
        if !already {
            let _ = perf.mark("report-viewer:shown");
        }
    }
}
