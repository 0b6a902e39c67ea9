//! The viewer's own corner of a host page: a shadow root on its container (or on a `<div>` of its
//! own where the container cannot hold one) with the shared stylesheet adopted, and the slot that
//! keeps the container's own content (fallback link, static copy, article) shown until the report
//! is. Says when it cannot: `viewer_root` is `None` and the container carries `data-rv-error`.

use leptos::prelude::document;
use std::cell::RefCell;

thread_local! {
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// The viewer's stylesheet `css`, made once and shared by every shadow root on the page.
fn shared_sheet(css: &str) -> Option<web_sys::CssStyleSheet> {
    SHEET.with(|s| {
        if s.borrow().is_none() {
            let sheet = web_sys::CssStyleSheet::new().ok()?;
            sheet.replace_sync(css).ok()?;
            *s.borrow_mut() = Some(sheet);
        }
        s.borrow().clone()
    })
}

/// The element the viewer mounts in, inside the container's own shadow root with the shared
/// stylesheet, and (when `own_content`) the slot that shows the container's own content until
/// the report is on screen. `None` (and a message on the container) where no shadow root can be
/// attached.
pub fn viewer_root(
    el: &web_sys::HtmlElement,
    css: &str,
    own_content: bool,
) -> Option<(web_sys::Element, Option<web_sys::Element>)> {
    let doc = document();
    let container = doc.create_element("div").ok()?;
    let _ = container.set_attribute("class", "rv-host");
    let slot = own_content
        .then(|| doc.create_element("slot").ok())
        .flatten();
    let Some(shadow) = isolated_root(el) else {
        // Never mount unisolated into the host's CSS: say so in the page instead.
        let _ = el.set_attribute(
            "data-rv-error",
            "this element cannot hold the viewer (no shadow root): use a <div>",
        );
        return None;
    };
    if let Some(sheet) = shared_sheet(css) {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    // The slot shows the host's fallback content until the report is on screen.
    if let Some(slot) = &slot {
        let _ = shadow.append_child(slot);
    }
    let _ = shadow.append_child(&container);
    Some((container, slot))
}

/// A shadow root for the viewer: on the container itself, or, where the container cannot hold
/// one (`<td>`, `<li>`, `<a>`, custom elements of other libraries…), on a `<div>` of its own
/// inside it that takes the fallback content along (still shown until the report is).
fn isolated_root(el: &web_sys::HtmlElement) -> Option<web_sys::ShadowRoot> {
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    if let Ok(shadow) = el.attach_shadow(&init) {
        return Some(shadow);
    }
    let wrapper = document().create_element("div").ok()?;
    let _ = wrapper.set_attribute("data-rv-wrapper", "");
    while let Some(child) = el.first_child() {
        let _ = wrapper.append_child(&child);
    }
    el.append_child(&wrapper).ok()?;
    wrapper.attach_shadow(&init).ok()
}

/// Whether `el` holds more than `elements` elements or `characters` characters.
pub fn holds_more_than(el: &web_sys::HtmlElement, elements: u32, characters: usize) -> bool {
    el.get_elements_by_tag_name("*").length() > elements
        || el
            .text_content()
            .is_some_and(|t| t.chars().nth(characters).is_some())
}
