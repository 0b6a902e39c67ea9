//! The viewer: loads a report and shows it, or says plainly why it cannot.

use super::findings::CheckSummary;
use super::header::ReportHeader;
use super::labels::{for_language, labels, Lang};
use super::load::{load_report, LoadFailure};
use super::nav::{Contents, Toolbar};
use super::reader::{PrefsCtx, ReaderCtx, ReadingBar};
use super::section::{Blocks, Part};
use super::ReportCtx;
use crate::embed::options::{OpenParts, Options};
use crate::model::CheckedReport;
use crate::read_aloud::player::Command;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use wasm_bindgen::JsCast;

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
) -> impl IntoView {
    let lang = for_language(&options.lang);
    provide_context(Lang(lang));
    let prefs = PrefsCtx::load();
    provide_context(prefs);
    let size_class = move || match prefs.size.get() {
        125 => "rv rv--size-125",
        150 => "rv rv--size-150",
        200 => "rv rv--size-200",
        _ => "rv",
    };
    let attempt = RwSignal::new(0u32);
    let timeout = options.timeout_secs;
    let read_aloud = options.read_aloud;
    let report = LocalResource::new(move || {
        attempt.track();
        load_report(src.get(), timeout, read_aloud)
    });
    view! {
        <div class=size_class class:rv--contrast=move || prefs.contrast.get() lang=lang.lang_tag>
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
                            reading=loaded.reading.take()
                            options=options.clone()
                            on_shown
                        />
                    }
                        .into_any()
                }
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
            {labels().loading}
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
        LoadFailure::Network { .. } => labels().network_error,
        LoadFailure::Interrupted { .. } => labels().interrupted_error,
        LoadFailure::Timeout { .. } => labels().timeout_error,
        LoadFailure::Address { .. } => labels().address_error,
        LoadFailure::Http { .. } => labels().http_error,
        LoadFailure::Data { .. } => labels().data_error,
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
            <h1 class="rv-error__title">{labels().load_failed} "：" {kind}</h1>
            <p class="rv-error__detail">{failure.to_string()}</p>
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
    /// What 朗读 needs, when made already (it is made here when absent).
    #[prop(default = None)]
    reading: Option<crate::read_aloud::Reading>,
    /// What the webmaster chose.
    #[prop(optional)]
    options: Options,
    /// Called once the report is on screen.
    #[prop(default = None)]
    on_shown: Option<Callback<()>>,
) -> impl IntoView {
    let initially_open: BTreeSet<String> = match &options.open {
        OpenParts::None => BTreeSet::new(),
        OpenParts::All => checked
            .report
            .sections
            .iter()
            .map(|s| s.id.clone())
            .collect(),
        OpenParts::Some(ids) => ids
            .iter()
            .filter_map(|id| checked.report.part_holding(id).map(|p| p.id.clone()))
            .collect(),
    };
    let article = NodeRef::<leptos::html::Article>::new();
    let ctx = ReportCtx {
        checked: checked.clone(),
        open: RwSignal::new(initially_open),
        source,
        options: Arc::new(options),
        root: article,
    };
    provide_context(ctx.clone());
    // Mounted on its own (tests, other hosts), the view brings its own preferences.
    if use_context::<PrefsCtx>().is_none() {
        provide_context(PrefsCtx::load());
    }
    let reader = ctx
        .options
        .read_aloud
        .then(|| ReaderCtx::new(&ctx, reading));
    if let Some(r) = &reader {
        provide_context(r.clone());
        let r = r.clone();
        on_cleanup(move || r.shut_down());
    }
    let keys = reader.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(r) = &keys else { return };
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
    };
    let bar = reader.is_some().then(|| view! { <ReadingBar/> });
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
            let root = ctx.root;
            request_animation_frame(move || scroll_to(root, &id));
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
    // Ctrl+P prints every part: open them all before printing, restore after.
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
        listener.remove();
        before.remove();
        after.remove();
    });

    view! {
        <article
            class="rv-report"
            aria-labelledby="rv-title"
            lang=report.meta.language.clone()
            node_ref=article
            on:keydown=on_key
        >
            <ReportHeader meta=report.meta.clone()/>
            <CheckSummary/>
            <Toolbar/>
            {bar}
            <Contents/>
            <div class="rv-intro">
                <Blocks blocks=intro section=None/>
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

/// The element with this id in the viewer's own tree (its shadow root, or the page).
pub fn find_by_id(root: NodeRef<leptos::html::Article>, id: &str) -> Option<web_sys::Element> {
    let article = root.get_untracked()?;
    let tree = article.get_root_node();
    if let Some(shadow) = tree.dyn_ref::<web_sys::ShadowRoot>() {
        return shadow.get_element_by_id(id);
    }
    document().get_element_by_id(id)
}

/// Scrolls to the element with this id (a deep link).
pub fn scroll_to(root: NodeRef<leptos::html::Article>, id: &str) {
    if let Some(el) = find_by_id(root, id) {
        scroll_into_view(&el, web_sys::ScrollLogicalPosition::Start);
    }
}

/// Scrolls an element into view, without smooth scrolling when the reader prefers less motion.
pub fn scroll_into_view(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
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
