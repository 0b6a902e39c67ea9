//! 打印 and 保存: the print view in a hidden frame, and files handed to the browser's downloads.

use crate::export::{file_stem, standalone_html, standalone_html_with, table_csv};
use crate::model::CheckedReport;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Hands a file to the browser's downloads.
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // Let the download start before the address is released.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// The address of the page showing the report (for the print view's header).
pub fn page_address() -> String {
    window().location().href().unwrap_or_default()
}

/// Saves the standalone HTML file.
pub fn save_html(checked: &CheckedReport) {
    let html = standalone_html(
        checked,
        crate::embed::stylesheet_text(),
        Some(&page_address()),
    );
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
pub fn save_csv(checked: &CheckedReport, table_id: &str, not_provided: &str) {
    let Some(table) = checked.tables.get(table_id) else {
        return;
    };
    let label = table.label.clone().unwrap_or_else(|| table.caption.clone());
    let csv = table_csv(table, not_provided);
    download(
        &format!("{}_{label}.csv", file_stem(&checked.report.meta)),
        "text/csv;charset=utf-8",
        &csv,
    );
}

/// Prints the whole report, not the page around it: the standalone view in a hidden frame.
/// Its styles are also adopted through CSSOM, so printing works under a strict
/// Content-Security-Policy that blocks the inline `<style>`.
pub fn print_report(checked: &CheckedReport, classes: &str) {
    let doc = document();
    let Ok(frame) = doc.create_element("iframe") else {
        return;
    };
    // No <style> in the frame: its styles are adopted (CSSOM), which a CSP with
    // style-src 'self' allows and an inline style element would break.
    let html = standalone_html_with(checked, "", Some(&page_address()), classes);
    let _ = frame.set_attribute("srcdoc", &html);
    let _ = frame.set_attribute("title", &checked.report.meta.title);
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    let _ = frame.set_attribute("data-rv-print", "");
    let Ok(frame) = frame.dyn_into::<web_sys::HtmlIFrameElement>() else {
        return;
    };
    // Invisible whatever the host's CSS says: inline !important declarations (set through CSSOM,
    // so CSP allows them) win over any stylesheet's, `* { all: unset !important }` included.
    let style = web_sys::HtmlElement::style(&frame);
    for (k, v) in [
        ("position", "fixed"),
        ("right", "0"),
        ("bottom", "0"),
        ("width", "0"),
        ("height", "0"),
        ("max-width", "0"),
        ("max-height", "0"),
        ("border", "0"),
        ("padding", "0"),
        ("margin", "0"),
        ("opacity", "0"),
        ("pointer-events", "none"),
        ("overflow", "hidden"),
        ("display", "block"),
    ] {
        let _ = style.set_property_with_priority(k, v, "important");
    }
    let loaded = frame.clone();
    let onload = Closure::once_into_js(move || {
        let Some(win) = loaded.content_window() else {
            return;
        };
        adopt_styles(&win);
        // Removed when printing ends; a minute later at the latest, for engines without
        // afterprint.
        let done = loaded.clone();
        let after = Closure::once_into_js(move || done.remove());
        let _ = win.add_event_listener_with_callback("afterprint", after.unchecked_ref());
        let _ = win.focus();
        let _ = win.print();
        set_timeout(move || loaded.remove(), std::time::Duration::from_secs(60));
    });
    frame.set_onload(Some(onload.unchecked_ref()));
    if let Some(body) = doc.body() {
        let _ = body.append_child(&frame);
    }
}

fn adopt_styles(win: &web_sys::Window) {
    let run = || -> Result<(), JsValue> {
        let ctor: js_sys::Function =
            js_sys::Reflect::get(win, &"CSSStyleSheet".into())?.dyn_into()?;
        let sheet = js_sys::Reflect::construct(&ctor, &js_sys::Array::new())?;
        let replace: js_sys::Function =
            js_sys::Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
        replace.call1(&sheet, &JsValue::from_str(crate::embed::stylesheet_text()))?;
        let frame_doc = js_sys::Reflect::get(win, &"document".into())?;
        js_sys::Reflect::set(
            &frame_doc,
            &"adoptedStyleSheets".into(),
            &js_sys::Array::of1(&sheet),
        )?;
        Ok(())
    };
    let _ = run();
}
