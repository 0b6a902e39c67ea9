//! Finding an element in a viewer's own tree and scrolling it into view, gently unless the
//! reader prefers less motion.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// Moves focus to where a link led: a part's button, a section's heading, a table's scrolling
/// region, or the element itself (made focusable for this). The element is in view already.
pub fn focus_target(root: NodeRef<leptos::html::Article>, id: &str) {
    let Some(el) = find_by_id(root, id) else {
        return;
    };
    let inner = el
        .query_selector(":scope > h2 button, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6, .rv-table__scroll")
        .ok()
        .flatten();
    let target = inner.unwrap_or(el);
    let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    if target.tab_index() < 0 && !matches!(target.tag_name().as_str(), "BUTTON" | "A") {
        target.set_tab_index(-1);
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = target.focus_with_options(&options);
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
