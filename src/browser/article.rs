//! Enhance mode's reading of the page: the browser's own DOM as the importer's tree (the same
//! tree report-tool's parser builds), so the same import rules read a portal's article here and
//! in report-tool. Walked in a loop, never a recursion: no nesting depth overflows the stack; and
//! in stretches that let the page go on between them.

use crate::import::dom::{Dom, NodeId, KEPT_ATTRIBUTES};
use wasm_bindgen::JsCast;

/// How long one stretch of reading may hold the page before it lets the browser paint and
/// answer input (milliseconds).
const SLICE_MS: f64 = 30.0;

/// The tree of the page under `root` (its `<html>`), and where in it the `article` element is.
/// Read in stretches of [`SLICE_MS`], each a task of its own: a large article never holds the
/// page (100,000 elements take about 0.3 s to read, every call into the DOM crossing from wasm).
pub async fn read_page(
    root: &web_sys::Element,
    article: &web_sys::Element,
) -> (Dom, Option<NodeId>) {
    let mut dom = Dom::new();
    let mut found = None;
    let article: &web_sys::Node = article.as_ref();
    let mut stack: Vec<(web_sys::Node, NodeId)> = vec![(root.clone().into(), dom.root())];
    let mut slice_start = super::clock::now_ms();
    let mut read = 0u32;
    while let Some((node, parent)) = stack.pop() {
        read = read.wrapping_add(1);
        if read.is_multiple_of(512) && super::clock::now_ms() - slice_start > SLICE_MS {
            super::clock::next_task().await;
            slice_start = super::clock::now_ms();
        }
        match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let el: &web_sys::Element = node.unchecked_ref();
                let attributes: Vec<(&str, String)> = if el.has_attributes() {
                    KEPT_ATTRIBUTES
                        .iter()
                        .filter_map(|a| el.get_attribute(a).map(|v| (*a, v)))
                        .collect()
                } else {
                    Vec::new()
                };
                let name = el.local_name();
                let ns = el.namespace_uri().unwrap_or_default();
                let id = dom.create_element(
                    &name,
                    &ns,
                    attributes.iter().map(|(a, v)| (*a, v.as_str())),
                );
                dom.append_child(parent, id);
                if found.is_none() && node.is_same_node(Some(article)) {
                    found = Some(id);
                }
                // Children pushed last first, so they are read in document order.
                let mut child = node.last_child();
                while let Some(c) = child {
                    child = c.previous_sibling();
                    stack.push((c, id));
                }
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                if let Some(text) = node.node_value() {
                    dom.append_text(parent, &text);
                }
            }
            _ => {}
        }
    }
    (dom, found)
}

/// Watching an article ([`on_change`]): dropped, the watch ends (the observer disconnected, a
/// call still waiting for quiet cancelled); [`ArticleWatch::for_the_page`] keeps it as long as
/// the page.
#[must_use = "dropped, the watch ends at once"]
pub struct ArticleWatch {
    observer: Option<web_sys::MutationObserver>,
    pending: std::rc::Rc<std::cell::Cell<Option<leptos::prelude::TimeoutHandle>>>,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>,
}

impl ArticleWatch {
    /// Keeps watching as long as the page.
    pub fn for_the_page(self) {
        std::mem::forget(self);
    }
}

impl Drop for ArticleWatch {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
        if let Some(t) = self.pending.take() {
            t.clear();
        }
    }
}

/// Calls `changed` when the article's text or elements change (the portal adds or rewrites it
/// after the viewer took over), once it has been still for `quiet`: a burst of changes is one
/// call. Attributes are not watched (the viewer sets its own). The watch lasts as long as the
/// returned [`ArticleWatch`].
pub fn on_change(
    article: &web_sys::Element,
    quiet: std::time::Duration,
    changed: impl Fn() + 'static,
) -> ArticleWatch {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let pending: Rc<Cell<Option<leptos::prelude::TimeoutHandle>>> = Rc::default();
    let waiting = pending.clone();
    let changed = Rc::new(changed);
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
        move |_: js_sys::Array, _: web_sys::MutationObserver| {
            if let Some(t) = waiting.take() {
                t.clear();
            }
            let changed = changed.clone();
            let again = waiting.clone();
            let timer = leptos::prelude::set_timeout_with_handle(
                move || {
                    again.set(None);
                    changed();
                },
                quiet,
            );
            waiting.set(timer.ok());
        },
    );
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let Some(observer) = &observer {
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_character_data(true);
        let _ = observer.observe_with_options(article, &init);
    }
    ArticleWatch {
        observer,
        pending,
        _callback: callback,
    }
}
