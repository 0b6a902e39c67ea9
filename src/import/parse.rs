//! A page's text to its tree: html5ever's parser (the HTML standard's tree construction, as
//! browsers do it) building into the importer's [`Dom`]. Native only (report-tool); in the browser
//! the tree is built from the browser's own DOM.

use super::dom::{Dom, NodeId};
use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, LocalName, Namespace, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

impl Dom {
    /// Parses a whole page.
    pub fn parse(html: &str) -> Dom {
        let sink = Sink::default();
        let mut parser = parse_document(sink, ParseOpts::default());
        // Fed in pieces, so the parser never holds a second copy of the whole page.
        let mut rest = html;
        while !rest.is_empty() {
            let mut at = rest.len().min(1 << 16);
            while !rest.is_char_boundary(at) {
                at += 1;
            }
            let (piece, after) = rest.split_at(at);
            parser.process(StrTendril::from_slice(piece));
            rest = after;
        }
        parser.finish()
    }
}

/// The parser's view of the tree being built, with the parser's own names for the tree's name
/// and namespace tables (same indices).
#[derive(Default)]
struct Sink {
    dom: RefCell<Dom>,
    names: RefCell<Vec<LocalName>>,
    namespaces: RefCell<Vec<Namespace>>,
}

/// An element's name as the parser asks for it.
#[derive(Debug)]
struct Name<'a> {
    ns: Ref<'a, Namespace>,
    local: Ref<'a, LocalName>,
}

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        &self.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

/// Names of nodes the parser asks about that are not elements (it never should).
static NO_NAME: std::sync::LazyLock<LocalName> = std::sync::LazyLock::new(|| LocalName::from(""));
static NO_NAMESPACE: std::sync::LazyLock<Namespace> =
    std::sync::LazyLock::new(|| Namespace::from(""));

fn pairs(attrs: &[Attribute]) -> impl Iterator<Item = (&str, &str)> {
    attrs
        .iter()
        .filter(|a| a.name.ns.is_empty())
        .map(|a| (&*a.name.local, &*a.value))
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        let (name, ns) = self
            .dom
            .borrow()
            .element_indices(*target)
            .map_or((usize::MAX, usize::MAX), |(n, s)| (n as usize, s as usize));
        let local = Ref::map(self.names.borrow(), |v| v.get(name).unwrap_or(&NO_NAME));
        let ns = Ref::map(self.namespaces.borrow(), |v| {
            v.get(ns).unwrap_or(&NO_NAMESPACE)
        });
        Name { ns, local }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let mut dom = self.dom.borrow_mut();
        let id = dom.create_element(&name.local, &name.ns, pairs(&attrs));
        let (names, spaces) = dom.table_sizes();
        if names > self.names.borrow().len() {
            self.names.borrow_mut().push(name.local.clone());
        }
        if spaces > self.namespaces.borrow().len() {
            self.namespaces.borrow_mut().push(name.ns.clone());
        }
        if &*name.local == "template" {
            // Template contents live in a child that is never read, as browsers never show them.
            let contents = dom.create_other();
            dom.append_child(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.dom.borrow_mut().create_other()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.dom.borrow_mut().create_other()
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(n) => dom.append_child(*parent, n),
            NodeOrText::AppendText(t) => dom.append_text(*parent, &t),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.dom.borrow().parent(*element).is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut dom = self.dom.borrow_mut();
        let n = dom.create_other();
        dom.append_child(0, n);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let first = self.dom.borrow().children(*target).next();
        first.unwrap_or(*target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        if dom.parent(*sibling).is_none() {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(n) => dom.insert_before(*sibling, n),
            NodeOrText::AppendText(t) => dom.insert_text_before(*sibling, &t),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        // Only ever called for <html> and <body> (attributes of a repeated tag).
        self.dom
            .borrow_mut()
            .add_attributes_if_missing(*target, pairs(&attrs));
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        let children: Vec<NodeId> = dom.children(*node).collect();
        for c in children {
            dom.append_child(*new_parent, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom, id: NodeId) -> Vec<String> {
        dom.children(id)
            .map(|c| {
                dom.element(c)
                    .map(str::to_string)
                    .or_else(|| dom.text(c).map(|t| format!("'{t}'")))
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn the_tree_is_built_as_browsers_build_it() {
        // Unclosed paragraphs, a table cell without its row, text inside a table (moved before it).
        let dom = Dom::parse("<p>a<p>b<table>x<td>1</table><div id=z class='a b'>c</div>");
        let body = dom.select(&["body"])[0];
        assert_eq!(names(&dom, body), ["p", "p", "div"]);
        let p2 = dom.children(body).nth(1).unwrap();
        assert_eq!(names(&dom, p2), ["'bx'", "table"]);
        let td = dom.select(&["td"])[0];
        assert_eq!(dom.text_content(td), "1");
        assert_eq!(dom.select(&["tr"]).len(), 1, "the row is implied");
        assert!(dom.matches(dom.select(&["div"])[0], "#z"));
        assert!(dom.matches(dom.select(&["div"])[0], ".b"));
        assert!(!dom.matches(dom.select(&["div"])[0], ".c"));
    }

    #[test]
    fn only_the_attributes_read_are_kept() {
        let dom = Dom::parse(
            "<meta name=PubDate content=2021-01-01><td rowspan=2 style='color:red' colspan=3>",
        );
        let meta = dom.select(&["meta[name]"])[0];
        assert_eq!(dom.attr(meta, "content"), Some("2021-01-01"));
        let td = dom.select(&["td"]);
        assert!(
            td.is_empty(),
            "a td outside a table is no cell, as in browsers"
        );
        let dom = Dom::parse("<table><td rowspan=2 style='color:red' colspan=3>a</table>");
        let td = dom.select(&["td"])[0];
        assert_eq!(dom.attr(td, "rowspan"), Some("2"));
        assert_eq!(dom.attr(td, "colspan"), Some("3"));
        assert_eq!(dom.attr(td, "style"), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        // Built through the parser's interface directly: the parser itself takes time that
        // grows with depth squared (html5ever scans its stack of open elements).
        let sink = Sink::default();
        let mut parent = sink.get_document();
        for _ in 0..200_000 {
            let name = QualName::new(None, html5ever::ns!(html), html5ever::local_name!("div"));
            let div = sink.create_element(name, Vec::new(), ElementFlags::default());
            sink.append(&parent, NodeOrText::AppendNode(div));
            parent = div;
        }
        sink.append(
            &parent,
            NodeOrText::AppendText(StrTendril::from_slice("deep")),
        );
        let dom = sink.finish();
        assert!(dom.text_content(dom.root()).ends_with("deep"));
        assert_eq!(dom.text_lengths()[0], 4);
        let page = "<div>".repeat(2_000) + "deep";
        let dom = Dom::parse(&page);
        assert_eq!(dom.text_content(dom.root()), "deep");
    }

    #[test]
    fn text_moved_out_of_a_table_piece_by_piece_stays_linear() {
        // Each x is moved before the table, after text of the cells was stored: every piece a
        // node of its own, none copying what came before.
        let page = format!("<table><tr>{}</table>", "x<td>1</td>".repeat(20_000));
        let dom = Dom::parse(&page);
        let text = dom.text_content(dom.root());
        assert_eq!(text.matches('x').count(), 20_000);
        assert!(dom.text_bytes() < 50_000);
    }
}
