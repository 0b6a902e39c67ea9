//! Finds the containers on the host page and mounts a viewer in each.
//!
//! The markup is the public API: `<div data-report-viewer data-src="…">` with a fallback link
//! inside, kept until the report is on screen.

use crate::ui::ReportViewer;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts a viewer into every `[data-report-viewer]` element of the page.
pub fn start() {
    console_error_panic_hook::set_once();
    let Ok(found) = document().query_selector_all("[data-report-viewer]") else {
        return;
    };
    for i in 0..found.length() {
        if let Some(el) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            mount_in(el);
        }
    }
}

/// The report address for a container: `data-src`, or, where the container names a query
/// parameter with `data-src-param`, that parameter of the page address (same-origin paths only).
fn report_src(el: &web_sys::Element) -> String {
    let fallback = el.get_attribute("data-src").unwrap_or_default();
    let Some(param) = el.get_attribute("data-src-param") else {
        return fallback;
    };
    let from_query = window()
        .location()
        .search()
        .ok()
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .and_then(|p| p.get(&param))
        .filter(|v| is_same_origin_path(v));
    from_query.unwrap_or(fallback)
}

/// A relative or absolute path on this origin: no scheme, no protocol-relative `//host`.
fn is_same_origin_path(v: &str) -> bool {
    !v.is_empty() && !v.contains(':') && !v.starts_with("//") && !v.contains('\\')
}

fn mount_in(el: web_sys::HtmlElement) {
    if el.get_attribute("data-rv-mounted").is_some() {
        return;
    }
    let _ = el.set_attribute("data-rv-mounted", "");
    let src = report_src(&el);
    mark_current_links(&src);
    // The fallback content stays until the report is on screen.
    let fallback: Vec<web_sys::Node> = {
        let children = el.child_nodes();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .collect()
    };
    let host = el.clone();
    let on_shown = Callback::new(move |_: ()| {
        for node in &fallback {
            let _ = host.remove_child(node);
        }
    });
    let handle = leptos::mount::mount_to(el, move || {
        view! { <ReportViewer src=src on_shown=on_shown/> }
    });
    handle.forget();
}

/// Demo pages list reports as links `<a data-report-link href="?report=…">`; mark the one shown.
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
