//! Enhance mode's reading of the page: the browser's own DOM as the importer's tree (the same
//! tree report-tool's parser builds), so the same import rules read a portal's article here and
//! in report-tool. Walked in a loop, never a recursion: no nesting depth overflows the stack.

use crate::import::dom::{Dom, NodeId, KEPT_ATTRIBUTES};
use wasm_bindgen::JsCast;

/// The tree of the page under `root` (its `<html>`), and where in it the `article` element is.
pub fn read_page(root: &web_sys::Element, article: &web_sys::Element) -> (Dom, Option<NodeId>) {
    let mut dom = Dom::new();
    let mut found = None;
    let article: &web_sys::Node = article.as_ref();
    let mut stack: Vec<(web_sys::Node, NodeId)> = vec![(root.clone().into(), dom.root())];
    while let Some((node, parent)) = stack.pop() {
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
