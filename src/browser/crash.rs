//! When the viewer itself fails: a panic (a bug, or a host page that broke the browser's own
//! objects) stops the WebAssembly instance for good, so no reactive view can answer any more.
//! The hook draws, with plain DOM calls, the error state in every viewer that has no report on
//! screen yet: a plain sentence, the technical detail for the webmaster, and the container's own
//! fallback content (its link to the report), which stays visible. Never a spinner forever.

use crate::labels::{for_language, Labels};
use wasm_bindgen::JsCast;

/// Installs the hook once for the page: the panic's message goes to the console and every
/// viewer still loading shows the error state.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        leptos::logging::error!("[report-viewer] {detail}");
        show_everywhere(&detail);
    }));
}

fn show_everywhere(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(found) = document.query_selector_all("[data-rv-mounted]") else {
        return;
    };
    for i in 0..found.length() {
        let Some(el) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let lang = el
            .get_attribute("data-lang")
            .or_else(|| el.get_attribute("lang"))
            .unwrap_or_default();
        let labels = for_language(&lang);
        let _ = el.set_attribute("data-rv-error", &format!("{}：{detail}", labels.crashed));
        if let Some((shadow, host)) = viewer_host(&el) {
            // A report already on screen stays readable; only a viewer still loading is replaced.
            if host.query_selector(".rv-report").ok().flatten().is_none() {
                // The container's own content (its link to the report) goes below the message.
                let slot = shadow.query_selector("slot").ok().flatten();
                let linked =
                    slot.is_some() && el.text_content().is_some_and(|t| !t.trim().is_empty());
                let people = if linked {
                    labels.crashed_people
                } else {
                    labels.crashed_reload
                };
                draw(&document, &host, labels, people, detail);
                if let Some(slot) = slot {
                    let _ = shadow.append_child(&slot);
                }
            }
        }
    }
}

/// The shadow root the viewer of a container is in: the container's own, or that of the
/// `<div data-rv-wrapper>` made inside a container that cannot hold one.
pub fn viewer_shadow(el: &web_sys::Element) -> Option<web_sys::ShadowRoot> {
    el.shadow_root().or_else(|| {
        el.query_selector(":scope > [data-rv-wrapper]")
            .ok()
            .flatten()?
            .shadow_root()
    })
}

/// The container's shadow root (or its wrapper's) and the viewer's element inside it.
fn viewer_host(el: &web_sys::Element) -> Option<(web_sys::ShadowRoot, web_sys::Element)> {
    let shadow = viewer_shadow(el)?;
    let host = shadow.query_selector(".rv-host").ok().flatten()?;
    Some((shadow, host))
}

fn draw(
    document: &web_sys::Document,
    host: &web_sys::Element,
    l: &Labels,
    people: &str,
    detail: &str,
) {
    let make = |tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        let _ = e.set_attribute("class", class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let heading = format!("{}{}{}", l.load_failed, l.colon, l.crashed);
    let (Some(alert), Some(title), Some(sentence), Some(technical), Some(summary), Some(text)) = (
        make("div", "rv-error", ""),
        make("h1", "rv-error__title", &heading),
        make("p", "rv-error__people", people),
        make("details", "rv-error__technical", ""),
        make("summary", "", l.technical),
        make("p", "rv-error__detail", detail),
    ) else {
        // The page broke element creation itself: the words alone, still announced.
        let _ = host.set_attribute("role", "alert");
        host.set_text_content(Some(&format!("{heading}。{people}")));
        return;
    };
    let _ = alert.set_attribute("role", "alert");
    let _ = technical.append_child(&summary);
    let _ = technical.append_child(&text);
    for part in [&title, &sentence, &technical] {
        let _ = alert.append_child(part);
    }
    host.set_text_content(None);
    let _ = host.append_child(&alert);
}
