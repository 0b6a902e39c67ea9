//! Printing a document, not the page around it: the document in a hidden frame that prints
//! itself and goes away when printing ends.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Prints `html` (a whole document) from a frame no host CSS can show. The frame adopts `css`
/// through CSSOM, so printing works under a strict Content-Security-Policy that blocks inline
/// `<style>`.
pub fn print_document(html: &str, title: &str, css: &'static str) {
    let doc = document();
    let Ok(frame) = doc.create_element("iframe") else {
        return;
    };
    let _ = frame.set_attribute("srcdoc", html);
    let _ = frame.set_attribute("title", title);
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
        adopt_styles(&win, css);
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

fn adopt_styles(win: &web_sys::Window, css: &'static str) {
    let run = || -> Result<(), JsValue> {
        let ctor: js_sys::Function =
            js_sys::Reflect::get(win, &"CSSStyleSheet".into())?.dyn_into()?;
        let sheet = js_sys::Reflect::construct(&ctor, &js_sys::Array::new())?;
        let replace: js_sys::Function =
            js_sys::Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
        replace.call1(&sheet, &JsValue::from_str(css))?;
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
