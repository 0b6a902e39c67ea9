//! Embedding: finding the containers on the host page and mounting a viewer in each, inside its
//! own shadow root. The markup is the public API: `<div data-report-viewer data-src="…">` (with a
//! fallback link inside, shown until the report is on screen) or `<report-viewer src="…">`.
//! The top floor: it uses `ui`, `config` and `browser`; nothing uses it.

use crate::browser::fetch::http_url;
use crate::browser::place::{keep_place, parts_in_view, reading_place};
use crate::browser::shadow::viewer_root;
use crate::config::Options;
use crate::export::STYLESHEET as CSS;
use crate::labels::for_language;
use crate::labels::webmaster::WebmasterWords;
#[cfg(feature = "enhance")]
use crate::labels::{load::Limit, Labels};
#[cfg(feature = "enhance")]
use crate::ui::{load_article, ArticleReport};
use crate::ui::{Loaded, ReportViewer};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const SELECTOR: &str = "[data-report-viewer], report-viewer";

/// Mounts a viewer into every container of the page, now and whenever more are added.
pub fn start() {
    crate::browser::crash::install();
    mount_all();
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
        move |_: js_sys::Array, _: web_sys::MutationObserver| mount_all(),
    );
    if let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) {
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        if let Some(root) = document().document_element() {
            let _ = observer.observe_with_options(&root, &init);
        }
    }
    // The observer lives as long as the page.
    callback.forget();
}

fn mount_all() {
    let Ok(found) = document().query_selector_all(SELECTOR) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(el) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            if el.has_attribute("data-enhance") && !el.has_attribute("data-rv-mounted") {
                // The article on the page paints first; reading it waits for the next frame.
                request_animation_frame(move || {
                    set_timeout(move || mount_in(el), std::time::Duration::ZERO)
                });
                continue;
            }
            mount_in(el);
        }
    }
}

/// An own property of an object (never one inherited: a page that pollutes
/// `Object.prototype` does not set the viewer's options).
fn own(object: &wasm_bindgen::JsValue, key: &str) -> Option<wasm_bindgen::JsValue> {
    // Any object, also one without a prototype (the loader's copy of the config has none).
    if !object.is_object() {
        return None;
    }
    let object: &js_sys::Object = object.unchecked_ref();
    // Reflect's own-property look-up works on objects without `hasOwnProperty` of their own.
    let descriptor = js_sys::Reflect::get_own_property_descriptor(object, &key.into()).ok()?;
    if descriptor.is_undefined() {
        return None;
    }
    js_sys::Reflect::get(object, &key.into()).ok()
}

/// A value of the page's global configuration: the loader's own object (`__reportViewer`, which
/// is `window.ReportViewer` unless the page uses that name for something else), its own
/// `config`, own properties only.
fn global_config(name: &str) -> Option<String> {
    let ns = own(&window(), "__reportViewer").or_else(|| own(&window(), "ReportViewer"))?;
    let config = own(&ns, "config")?;
    if !config.is_object() {
        return None;
    }
    // Accept kebab-case and camelCase names: "theme-color" and "themeColor".
    let camel: String = name
        .split('-')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                let mut c = part.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect();
    [name, camel.as_str()].iter().find_map(|key| {
        let v = own(&config, key)?;
        if let Some(s) = v.as_string() {
            Some(s)
        } else if let Some(b) = v.as_bool() {
            Some(if b { "on".into() } else { "off".into() })
        } else if let Ok(arr) = v.clone().dyn_into::<js_sys::Array>() {
            Some(
                arr.iter()
                    .filter_map(|x| x.as_string())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        } else {
            None
        }
    })
}

fn read_options(el: &web_sys::HtmlElement) -> Options {
    let custom_element = el.tag_name().eq_ignore_ascii_case("report-viewer");
    let mut options = Options::read(
        |name| {
            el.get_attribute(&format!("data-{name}"))
                .or_else(|| custom_element.then(|| el.get_attribute(name)).flatten())
        },
        global_config,
    );
    // Demo pages let the address choose the report: data-src-param="report" reads ?report=….
    if let Some(param) = el.get_attribute("data-src-param") {
        let from_query = window()
            .location()
            .search()
            .ok()
            .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
            .and_then(|p| p.get(&param))
            .and_then(|v| same_origin_url(&v));
        if let Some(src) = from_query {
            follow_copy_link(el, &src);
            options.src = src;
        }
    }
    options
}

/// A demo page's fallback link marked `data-rv-copy` names the readable copy of the report the
/// address chose (its name with `.html` for `.json`), not the page's default report: what a
/// reader gets when the viewer cannot show it is the same report.
fn follow_copy_link(el: &web_sys::HtmlElement, src: &str) {
    let Some(copy) = src.strip_suffix(".json").map(|stem| format!("{stem}.html")) else {
        return;
    };
    if let Ok(Some(a)) = el.query_selector("a[data-rv-copy]") {
        let _ = a.set_attribute("href", &copy);
    }
}

/// The address `v`, when it resolves to this page's origin against this page. Resolved
/// first, then compared: the URL parser drops tabs and line breaks and reads `/\\host` as a
/// host, so no check of the text itself can be trusted.
fn same_origin_url(v: &str) -> Option<String> {
    let location = window().location();
    let url = http_url(v, &location.href().ok()?)?;
    // The address as given (the demo's links compare it), now known to stay on this origin.
    (url.origin() == location.origin().ok()?).then(|| v.to_string())
}

fn mount_in(el: web_sys::HtmlElement) {
    if el.has_attribute("data-rv-mounted") {
        return;
    }
    let _ = el.set_attribute("data-rv-mounted", "");
    if el.has_attribute("data-enhance") {
        // The article is read in stretches that let the page go on (enhance mode).
        wasm_bindgen_futures::spawn_local(async move {
            let found = article_report(&el).await;
            mount_found(el, found, None);
        });
    } else if el
        .query_selector("[data-rv-static]")
        .ok()
        .flatten()
        .is_some()
    {
        // A static copy stays on screen, untouched, while its report is fetched and checked.
        let options = read_options(&el);
        wasm_bindgen_futures::spawn_local(async move {
            let ready = crate::ui::load_report(options.src, options.timeout_secs).await;
            mount_found(el, Ok(None), Some(ready));
        });
    } else {
        mount_found(el, Ok(None), None);
    }
}

/// Mounts the viewer in its container, with the report read from the article (enhance mode) or
/// the static copy's report already loaded (`ready`), or says on the container why the article
/// stays as published.
fn mount_found(
    el: web_sys::HtmlElement,
    found: Result<Option<(Loaded, Option<web_sys::Element>)>, String>,
    ready: Option<Result<Loaded, crate::ui::LoadFailure>>,
) {
    let (article, hide) = match found {
        Ok(Some((report, hide))) => (Some(report), hide),
        Ok(None) => (None, None),
        Err(why) => {
            // The article stays as the portal published it; the webmaster is told why.
            leptos::logging::warn!("[report-viewer] {why}");
            let _ = el.set_attribute("data-rv-error", &why);
            return;
        }
    };
    // Enhance mode: the article element (the container itself, or the one it names).
    let article_el: Option<web_sys::Element> = article
        .is_some()
        .then(|| hide.clone().unwrap_or_else(|| el.clone().into()));
    let fragment = el.query_selector("[data-rv-static]").ok().flatten();
    let options = container_options(&el);
    let words = &for_language(&options.lang).webmaster;
    let open_also = fragment.clone().map(|copy| open_in_view(copy, words));
    // A huge article that is the container itself is not kept on screen through the viewer's
    // slot while the viewer gets ready: its loading line shows instead.
    let own_content = article_el.is_none() || hide.is_some() || !huge(&el);
    let Some((container, slot)) = viewer_root(&el, CSS, own_content) else {
        return;
    };
    let view = container.clone();
    let on_shown = Callback::new(move |_: ()| {
        // The reader's place in the static copy, kept in the viewer: one frame, no jump.
        let place = fragment.as_ref().and_then(reading_place);
        if let Some(slot) = &slot {
            slot.remove();
        }
        if let Some(article) = &hide {
            let _ = article.set_attribute("hidden", "");
        }
        if let Some(place) = place {
            keep_place(&view, place);
        }
    });
    let Ok(container) = container.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let watched = article_el.map(|a| (a, options.clone(), container.clone()));
    let src = options.src.clone();
    let ready = article.map(Ok).or(ready);
    let handle = leptos::mount::mount_to(container, move || {
        view! { <ReportViewer src=src options on_shown ready open_also/> }
    });
    match watched {
        Some((article, options, container)) => {
            watch_article(el, article, container, options, Box::new(handle))
        }
        None => handle.forget(),
    }
}

/// The viewer that takes over from a static copy opens the copy's parts in the window (asked
/// when it is first drawn); the rest start collapsed, as the viewer's parts do (drawing them all
/// open cost 1.5 s at 64×).
fn open_in_view(
    copy: web_sys::Element,
    words: &'static WebmasterWords,
) -> Callback<(), Vec<String>> {
    Callback::new(move |_: ()| {
        leptos::logging::log!("{}", words.takeover);
        parts_in_view(&copy)
    })
}

/// The container's options, and what they change on the page (its link marked current, the
/// accent colour).
fn container_options(el: &web_sys::HtmlElement) -> Options {
    let options = read_options(el);
    mark_current_links(&options.src);
    if let Some(color) = &options.theme_color {
        let _ = web_sys::HtmlElement::style(el).set_property("--report-viewer-accent", color);
    }
    options
}

/// Enhance mode: when the portal changes the article after the takeover, it is read again and
/// the viewer drawn again from it; if it can no longer be read, the viewer goes and the article
/// is shown as published (never hidden text the viewer does not show).
#[cfg(feature = "enhance")]
fn watch_article(
    el: web_sys::HtmlElement,
    article: web_sys::Element,
    container: web_sys::HtmlElement,
    options: Options,
    handle: Box<dyn std::any::Any>,
) {
    let shown = std::rc::Rc::new(std::cell::RefCell::new(Some(handle)));
    let l = for_language(&options.lang);
    let watched = article.clone();
    let quiet = std::time::Duration::from_millis(300);
    let watch = crate::browser::article::on_change(&watched, quiet, move || {
        let (el, article, container) = (el.clone(), article.clone(), container.clone());
        let (shown, options) = (shown.clone(), options.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let read = read_article(&article, l).await;
            // The old view goes first (dropping its handle unmounts it).
            shown.borrow_mut().take();
            match read {
                Ok(report) => {
                    leptos::logging::log!("{}", l.webmaster.reread);
                    *shown.borrow_mut() = Some(remount(&container, options, report));
                }
                Err(why) => {
                    leptos::logging::warn!(
                        "{}",
                        Labels::fill(l.webmaster.unreadable, &[("why", &why)])
                    );
                    let _ = el.set_attribute("data-rv-error", &why);
                    show_as_published(&el, &article);
                }
            }
        });
    });
    // The viewer stands for the article as long as the page shows it.
    watch.for_the_page();
}

#[cfg(not(feature = "enhance"))]
fn watch_article(
    _: web_sys::HtmlElement,
    _: web_sys::Element,
    _: web_sys::HtmlElement,
    _: Options,
    handle: Box<dyn std::any::Any>,
) {
    std::mem::forget(handle);
}

/// The article as the portal published it again: not hidden, and (when the container is the
/// article) its own content shown through a slot in place of the viewer.
#[cfg(feature = "enhance")]
fn show_as_published(el: &web_sys::HtmlElement, article: &web_sys::Element) {
    let _ = article.remove_attribute("hidden");
    let _ = article.remove_attribute("data-rv-article");
    let shadow = crate::browser::crash::viewer_shadow(el);
    if let (Some(shadow), Ok(slot)) = (shadow, document().create_element("slot")) {
        if shadow.query_selector("slot").ok().flatten().is_none() {
            let _ = shadow.prepend_with_node_1(&slot);
        }
    }
}

/// The viewer drawn again in its place, from an article read again (enhance mode).
#[cfg(feature = "enhance")]
fn remount(
    container: &web_sys::HtmlElement,
    options: Options,
    report: Loaded,
) -> Box<dyn std::any::Any> {
    let src = options.src.clone();
    let ready = Some(Ok(report));
    Box::new(leptos::mount::mount_to(container.clone(), move || {
        view! { <ReportViewer src=src options ready/> }
    }))
}

/// The most elements and characters an article that is the viewer's container may hold and
/// still be shown through the viewer's slot while the viewer gets ready: the browser lays out
/// everything a slot takes in again (half a second for 90,000 elements, or for a paragraph of
/// 900,000 characters; real articles hold about 2,000 elements and 20,000 characters).
const SLOTTED_AT_MOST: (u32, usize) = (20_000, 200_000);

/// Whether the container holds more than [`SLOTTED_AT_MOST`] elements or characters.
fn huge(el: &web_sys::HtmlElement) -> bool {
    let (elements, characters) = SLOTTED_AT_MOST;
    crate::browser::shadow::holds_more_than(el, elements, characters)
}

/// Enhance mode (`data-enhance`, or `data-enhance="#zoom"` naming the article): the report read
/// from the article already on the page and checked (the article stays as published meanwhile),
/// and the article to hide once the viewer shows it (when it is not the container itself). `Err`
/// says why the article stays as it is.
#[cfg(feature = "enhance")]
async fn article_report(
    el: &web_sys::HtmlElement,
) -> Result<Option<(Loaded, Option<web_sys::Element>)>, String> {
    let Some(selector) = el.get_attribute("data-enhance") else {
        return Ok(None);
    };
    let l = for_language(&el.get_attribute("data-lang").unwrap_or_default());
    let said = |words: &str| Labels::fill(words, &[("selector", &selector)]);
    let article: web_sys::Element = if selector.trim().is_empty() {
        el.clone().into()
    } else {
        document()
            .query_selector(&selector)
            .map_err(|_| said(l.webmaster.bad_selector))?
            .ok_or_else(|| said(l.webmaster.no_match))?
    };
    // Hiding an article that holds the viewer would hide the viewer too: a blank page.
    if !article.is_same_node(Some(el.as_ref())) && article.contains(Some(el.as_ref())) {
        return Err(said(l.webmaster.holds_container));
    }
    // One article, one viewer: a second container naming it says so instead of showing it twice.
    if article.has_attribute("data-rv-article") {
        return Err(said(l.webmaster.shown_elsewhere));
    }
    // Taken before reading (which lets the page go on): a second container sees it is taken.
    let _ = article.set_attribute("data-rv-article", "");
    let report = match read_article(&article, l).await {
        Ok(report) => report,
        Err(why) => {
            let _ = article.remove_attribute("data-rv-article");
            return Err(why);
        }
    };
    let separate = (!article.is_same_node(Some(el.as_ref()))).then_some(article);
    Ok(Some((report, separate)))
}

/// The report in an article, within the viewer's limits, checked; `Err` says why it stays as
/// published.
#[cfg(feature = "enhance")]
async fn read_article(article: &web_sys::Element, l: &'static Labels) -> Result<Loaded, String> {
    article_within_limits(article, l)?;
    let root = document()
        .document_element()
        .ok_or_else(|| l.webmaster.no_root.to_string())?;
    let (dom, at) = crate::browser::article::read_page(&root, article).await;
    crate::browser::clock::mark_once("report-viewer:article-read");
    // Its lines, then its parts, each in a task of its own (an article at the limits takes the
    // page about 0.1 s for each).
    let read = crate::import::read_article(&dom, at);
    drop(dom);
    crate::browser::clock::next_task().await;
    let imported = crate::import::import_read(read, &Default::default())
        .map_err(|e| Labels::fill(l.webmaster.not_a_report, &[("why", &l.said(&e.said()))]))?;
    // The same limits as a JSON file: past them the article stays as published.
    if let Some(e) = crate::model::VIEWER_LIMITS.exceeded(0, Some(&imported.report)) {
        return Err(Labels::fill(
            l.webmaster.past_limits,
            &[("why", &e.describe(l))],
        ));
    }
    let article = ArticleReport {
        report: imported.report,
        notes: imported.notes,
    };
    Ok(load_article(article, l).await)
}

/// Before reading an article: its text and its size on the page within what the viewer takes on
/// (the limits of a JSON file; the article's elements at most as many as a report's cells, 50×
/// a real report page's, and its tables four times a report's), so that a huge article is never
/// read at all. The browser itself takes over a second to lay out or hide 300,000 elements.
#[cfg(feature = "enhance")]
fn article_within_limits(article: &web_sys::Element, l: &Labels) -> Result<(), String> {
    let limits = crate::model::VIEWER_LIMITS;
    let characters = article
        .text_content()
        .map(|t| t.chars().count())
        .unwrap_or(0);
    let elements = article.get_elements_by_tag_name("*").length() as usize;
    let tables = article.get_elements_by_tag_name("table").length() as usize;
    let checks = [
        (Limit::Characters, characters, limits.characters),
        (Limit::Elements, elements, limits.cells),
        (Limit::Tables, tables, 4 * limits.tables),
    ];
    match checks.iter().find(|(_, found, limit)| found > limit) {
        Some((what, found, limit)) => Err(Labels::fill(
            l.webmaster.article_too_large,
            &[
                ("what", l.load.limit(*what)),
                ("found", &found.to_string()),
                ("limit", &limit.to_string()),
            ],
        )),
        None => Ok(()),
    }
}

/// Without enhance mode in this build: a `data-enhance` container is left as it is, and says why.
#[cfg(not(feature = "enhance"))]
async fn article_report(
    el: &web_sys::HtmlElement,
) -> Result<Option<(Loaded, Option<web_sys::Element>)>, String> {
    if el.has_attribute("data-enhance") {
        let l = for_language(&el.get_attribute("data-lang").unwrap_or_default());
        return Err(l.webmaster.needs_enhance.into());
    }
    Ok(None)
}

/// Demo pages list reports as links `<a data-report-link="…">`; mark the one shown.
fn mark_current_links(src: &str) {
    let Ok(links) = document().query_selector_all("a[data-report-link]") else {
        return;
    };
    for i in 0..links.length() {
        if let Some(a) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            if a.get_attribute("data-report-link").as_deref() == Some(src) {
                let _ = a.set_attribute("aria-current", "page");
            } else {
                let _ = a.remove_attribute("aria-current");
            }
        }
    }
}
