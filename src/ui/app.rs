//! The viewer: loads a report and shows it, or says plainly why it cannot.

use super::chunks::in_chunks;
use super::contents::Contents;
use super::context::LastYear;
use super::findings::CheckSummary;
use super::header::ReportHeader;
use super::last_year::{load_last_year, LastYearNote};
use super::load::{load_report, LoadFailure, Loaded};
use super::part::{Blocks, Part};
use super::prefs::PrefsCtx;
use super::reader::{ReaderCtx, ReadingBar};
use super::toolbar::Toolbar;
use super::{labels, Lang, ReportCtx};
use crate::browser::clock::mark_once;
use crate::browser::location::current_hash;
use crate::browser::scroll::{focus_target, scroll_to};
use crate::config::{OpenParts, Options};
use crate::labels::for_language;
use crate::markup::page::languages;
use crate::model::CheckedReport;
use crate::read_aloud::player::Command;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Shows the report at `src`: a loading state, then the report or an error with a retry button.
#[component]
pub fn ReportViewer(
    /// Address of the report JSON.
    #[prop(into)]
    src: Signal<String>,
    /// What the webmaster chose (buttons, open parts, language).
    #[prop(optional)]
    options: Options,
    /// Called once the report is on screen (the embedder removes its fallback link then).
    #[prop(optional)]
    on_shown: Option<Callback<()>>,
    /// The report loaded and checked before the viewer was mounted, for the first attempt (a
    /// retry fetches `src`): read from the page's own article (enhance mode), or a static copy's
    /// JSON. What the page shows stays as it is until the viewer is ready, so the page is laid
    /// out once, not again while the viewer waits.
    #[prop(default = None)]
    ready: Option<Result<Loaded, LoadFailure>>,
    /// Parts to open besides those the options name, asked when the report is first drawn (the
    /// parts of a static copy in the window, when the viewer takes over from it).
    #[prop(default = None)]
    open_also: Option<Callback<(), Vec<String>>>,
) -> impl IntoView {
    let lang = for_language(&options.lang);
    provide_context(Lang(lang));
    let prefs = PrefsCtx::load();
    provide_context(prefs);
    let classes = viewer_classes(prefs);
    let attempt = RwSignal::new(0u32);
    let report = loading(src, ready, options.timeout_secs, attempt);
    view! {
        <div class=classes lang=lang.lang_tag>
            {move || match report.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => {
                    view! { <LoadError failure on_retry=move || attempt.update(|n| *n += 1)/> }
                        .into_any()
                }
                Some(Ok(loaded)) => {
                    view! {
                        <ReportView
                            checked=loaded.checked
                            source=Some(loaded.source)
                            options=options.clone()
                            on_shown
                            open_also
                        />
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The report, loaded again at each attempt: the one loaded before mounting first, if any, then
/// fetched.
fn loading(
    src: Signal<String>,
    ready: Option<Result<Loaded, LoadFailure>>,
    timeout: u32,
    attempt: RwSignal<u32>,
) -> LocalResource<Result<super::load::Loaded, LoadFailure>> {
    let ready = std::cell::Cell::new(ready);
    LocalResource::new(move || {
        attempt.track();
        // Taken by the first attempt; a retry fetches.
        let (ready, url) = (ready.take(), src.get());
        async move {
            match ready {
                Some(result) => result,
                None => load_report(url, timeout).await,
            }
        }
    })
}

/// The viewer's classes: text size and contrast in one class attribute (a reactive `class` beside
/// a `class:` directive overwrote the directive's class whenever the size changed, and high
/// contrast went off).
fn viewer_classes(prefs: PrefsCtx) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        let size = match prefs.size.get() {
            125 => " rv--size-125",
            150 => " rv--size-150",
            200 => " rv--size-200",
            _ => "",
        };
        let contrast = if prefs.contrast.get() {
            " rv--contrast"
        } else {
            ""
        };
        format!("rv{size}{contrast}")
    }
}

/// Shown while the report loads.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <div class="rv-status" role="status" aria-live="polite">
            <span class="rv-spinner" aria-hidden="true"></span>
            {labels().loading}
        </div>
    }
}

/// Says why the report is not shown in a plain sentence for the reader, where the problem is for
/// the webmaster (under 技术信息), and offers to try again.
#[component]
fn LoadError(
    /// What went wrong.
    failure: LoadFailure,
    /// Loads the report again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let kind = failure.title(labels());
    let node = NodeRef::<leptos::html::Button>::new();
    // Focus the retry button so keyboard and screen-reader users land on the way out.
    Effect::new(move |_| {
        if let Some(b) = node.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="rv-error" role="alert">
            <h1 class="rv-error__title">{labels().load_failed} {labels().colon} {kind}</h1>
            <p class="rv-error__people">{failure.for_people(labels())}</p>
            <details class="rv-error__technical">
                <summary>{labels().technical}</summary>
                <p class="rv-error__detail">{failure.describe(labels())}</p>
            </details>
            <button type="button" class="rv-button" node_ref=node on:click=move |_| on_retry()>
                {labels().retry}
            </button>
        </div>
    }
}

/// The loaded report: header, check summary, tools, contents, introduction and parts.
#[component]
pub fn ReportView(
    /// The report and what checking it found.
    checked: Arc<CheckedReport>,
    /// The JSON as fetched, for 保存 (the parsed report is saved when absent).
    #[prop(default = None)]
    source: Option<Arc<str>>,
    /// What the webmaster chose.
    #[prop(optional)]
    options: Options,
    /// Called once the report is on screen.
    #[prop(default = None)]
    on_shown: Option<Callback<()>>,
    /// Parts to open besides those the options name, asked now.
    #[prop(default = None)]
    open_also: Option<Callback<(), Vec<String>>>,
) -> impl IntoView {
    let article = NodeRef::<leptos::html::Article>::new();
    let ctx = ReportCtx {
        open: RwSignal::new(initially_open(&checked, &options.open, open_also)),
        checked: checked.clone(),
        source,
        options: Arc::new(options),
        root: article,
        last_year: RwSignal::new(LastYear::None),
        compared: RwSignal::new(BTreeSet::new()),
    };
    provide_context(ctx.clone());
    load_last_year(&ctx);
    let reader = provide_reader(&ctx);
    follow_deep_links(&ctx, on_shown);
    open_all_for_printing(&ctx);
    let on_key = shortcuts(reader);
    let bar = reader.is_some().then(|| view! { <ReadingBar/> });
    let report = &checked.report;
    let intro = report.introduction.clone();
    view! {
        <article
            class="rv-report"
            aria-labelledby="rv-title"
            lang=languages(&report.meta, labels()).article
            node_ref=article
            on:keydown=on_key
            on:focusin=move |ev| focus_moved(&ev, reader)
        >
            <ReportHeader meta=report.meta.clone()/>
            <CheckSummary/>
            <LastYearNote/>
            <Toolbar/>
            {bar}
            <Contents/>
            <div class="rv-intro">
                <Blocks blocks=intro section=None/>
            </div>
            {parts(report.sections.clone())}
        </article>
    }
}

/// Parts drawn in one task: a real report has six to ten, a generated one may have hundreds
/// (drawn this many per task, never holding the page for long).
const PARTS_AT_ONCE: usize = 50;

/// The report's parts, [`PARTS_AT_ONCE`] per task.
fn parts(sections: Vec<crate::model::Section>) -> impl IntoView {
    let sections = Arc::new(sections);
    in_chunks(sections.len(), PARTS_AT_ONCE, move |range| {
        sections[range]
            .iter()
            .cloned()
            .map(|section| view! { <Part section/> })
            .collect_view()
    })
}

/// Focus moved inside the report: kept clear of the sticky reading bar.
fn focus_moved(ev: &web_sys::FocusEvent, reader: Option<ReaderCtx>) {
    use wasm_bindgen::JsCast;
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if let (Some(reader), Some(target)) = (reader, target) {
        reader.keep_focus_clear(target);
    }
}

/// The reader's preferences (when mounted on its own, in tests or other hosts) and 朗读 (when on),
/// provided as context; the reader stops speaking when the view goes.
fn provide_reader(ctx: &ReportCtx) -> Option<ReaderCtx> {
    if use_context::<PrefsCtx>().is_none() {
        provide_context(PrefsCtx::load());
    }
    let reader = ctx.options.read_aloud.then(|| ReaderCtx::new(ctx))?;
    provide_context(reader);
    on_cleanup(move || reader.shut_down());
    Some(reader)
}

/// The parts open at first, as the webmaster chose (a part holding a chosen id opens), and the
/// parts of `also` (asked now).
fn initially_open(
    checked: &CheckedReport,
    open: &OpenParts,
    also: Option<Callback<(), Vec<String>>>,
) -> BTreeSet<String> {
    let report = &checked.report;
    let mut chosen = chosen_parts(checked, open);
    if let Some(also) = also.map(|a| a.run(())) {
        let parts = report.sections.iter().map(|s| &s.id);
        chosen.extend(parts.filter(|id| also.contains(id)).cloned());
    }
    chosen
}

/// The parts the webmaster chose to open.
fn chosen_parts(checked: &CheckedReport, open: &OpenParts) -> BTreeSet<String> {
    let report = &checked.report;
    match open {
        OpenParts::None => BTreeSet::new(),
        OpenParts::All => report.sections.iter().map(|s| s.id.clone()).collect(),
        OpenParts::Some(ids) => ids
            .iter()
            .filter_map(|id| report.part_holding(id).map(|p| p.id.clone()))
            .collect(),
    }
}

/// The reading shortcuts (Alt+Shift+P, S, →, ←), when 朗读 is on.
fn shortcuts(reader: Option<ReaderCtx>) -> impl Fn(web_sys::KeyboardEvent) {
    move |ev: web_sys::KeyboardEvent| {
        let Some(r) = &reader else { return };
        if !(ev.alt_key() && ev.shift_key()) || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let command = match ev.code().as_str() {
            "KeyP" => Command::Toggle,
            "KeyS" => Command::Stop,
            "ArrowRight" => Command::Next,
            "ArrowLeft" => Command::Previous,
            _ => return,
        };
        ev.prevent_default();
        r.bar_open.set(true);
        r.command(command);
    }
}

/// Deep links: #id opens the part that holds it and scrolls there, once the report is on screen
/// (then `on_shown` runs) and on every hashchange; a followed link (hashchange) also moves focus
/// there, so keyboard and screen-reader users go on reading from the target.
fn follow_deep_links(ctx: &ReportCtx, on_shown: Option<Callback<()>>) {
    let follow_hash = {
        let ctx = ctx.clone();
        move |focus: bool| {
            let Some(id) = current_hash() else { return };
            let Some(part) = ctx.checked.report.part_holding(&id) else {
                return;
            };
            let part_id = part.id.clone();
            ctx.open.update(|o| {
                o.insert(part_id);
            });
            let root = ctx.root;
            request_animation_frame(move || {
                scroll_to(root, &id);
                if focus {
                    focus_target(root, &id);
                }
            });
        }
    };
    let initial = follow_hash.clone();
    let (checked, l) = (ctx.checked.clone(), labels());
    request_animation_frame(move || {
        initial(false);
        mark_once("report-viewer:shown");
        if let Some(cb) = on_shown {
            cb.run(());
        }
        // After this frame is painted: the viewer is drawn and answers (benchmarks time it);
        // then, in a task of its own, what the webmaster is told about the text's counts.
        set_timeout(
            move || {
                mark_once("report-viewer:drawn");
                set_timeout(
                    move || super::load::say_unbound_claims(&checked, l),
                    std::time::Duration::ZERO,
                );
            },
            std::time::Duration::ZERO,
        );
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| follow_hash(true));
    on_cleanup(move || listener.remove());
}

/// Ctrl+P prints every part: all open before printing, as they were after.
fn open_all_for_printing(ctx: &ReportCtx) {
    let saved = StoredValue::new(None::<BTreeSet<String>>);
    let open = ctx.open;
    let all_ids = ctx.part_ids();
    let before = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("beforeprint"),
        move |_| {
            saved.set_value(Some(open.get_untracked()));
            open.set(all_ids.iter().cloned().collect());
        },
    );
    let after = window_event_listener(
        leptos::ev::Custom::<web_sys::Event>::new("afterprint"),
        move |_| {
            if let Some(previous) = saved.get_value() {
                open.set(previous);
            }
        },
    );
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}
