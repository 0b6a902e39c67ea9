//! A compact tree of an HTML page: html5ever's parser (the HTML standard's tree construction, as
//! browsers do it) building into one arena. Only what the importer reads is kept — element names,
//! the attributes it looks at, and the text, all in one string — so a page takes a few times its
//! own size in memory, and every walk over it is a loop, never a recursion (no nesting depth can
//! overflow the stack).

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, LocalName, Namespace, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

/// A node of the page.
pub type NodeId = u32;

const NONE: NodeId = NodeId::MAX;

/// Attributes the importer reads; every other attribute is dropped while parsing.
const KEPT_ATTRIBUTES: &[&str] = &["id", "class", "name", "content", "rowspan", "colspan"];

#[derive(Clone, Copy)]
struct Links {
    parent: NodeId,
    first: NodeId,
    last: NodeId,
    prev: NodeId,
    next: NodeId,
}

/// Kept attributes of one element.
type Attributes = Box<[(LocalName, Box<str>)]>;

/// No attributes kept (an index into [`Dom::attributes`]).
const NO_ATTRIBUTES: u32 = u32::MAX;

enum Data {
    Document,
    Element {
        /// Index into the tree's names.
        name: u32,
        /// Index into the tree's namespaces.
        ns: u8,
        /// Index into the tree's attribute lists, or [`NO_ATTRIBUTES`].
        attrs: u32,
    },
    /// A byte range of the tree's text.
    Text {
        start: u32,
        end: u32,
    },
    /// Comments, doctypes, processing instructions, template contents: never read.
    Other,
}

struct Node {
    links: Links,
    data: Data,
}

/// Nodes are stored in chunks of this many, so the arena never reallocates (and never holds
/// twice its size while it grows).
const CHUNK: usize = 1 << 14;

/// The parsed page.
pub struct Dom {
    nodes: Vec<Vec<Node>>,
    count: usize,
    text: String,
    attributes: Vec<Attributes>,
    namespaces: Vec<Namespace>,
    /// Every element name, once (nodes hold an index: 4 bytes, not 8).
    names: Vec<LocalName>,
    name_index: std::collections::HashMap<LocalName, u32>,
}

impl Dom {
    /// Parses a whole page.
    pub fn parse(html: &str) -> Dom {
        let sink = Sink(RefCell::new(Dom {
            nodes: Vec::new(),
            count: 0,
            text: String::new(),
            attributes: Vec::new(),
            namespaces: Vec::new(),
            names: Vec::new(),
            name_index: Default::default(),
        }));
        sink.0.borrow_mut().push(Data::Document);
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

    /// The document node.
    pub fn root(&self) -> NodeId {
        0
    }

    fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize / CHUNK][id as usize % CHUNK]
    }

    fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id as usize / CHUNK][id as usize % CHUNK]
    }

    fn push(&mut self, data: Data) -> NodeId {
        if self.count.is_multiple_of(CHUNK) {
            self.nodes.push(Vec::with_capacity(CHUNK));
        }
        self.count += 1;
        let chunk = self.nodes.last_mut().expect("a chunk was just added");
        chunk.push(Node {
            links: Links {
                parent: NONE,
                first: NONE,
                last: NONE,
                prev: NONE,
                next: NONE,
            },
            data,
        });
        (self.count - 1) as NodeId
    }

    fn links(&self, id: NodeId) -> Links {
        self.node(id).links
    }

    fn links_mut(&mut self, id: NodeId) -> &mut Links {
        &mut self.node_mut(id).links
    }

    /// The element's (lower-case) name; `None` for text and other nodes.
    pub fn element(&self, id: NodeId) -> Option<&str> {
        match self.node(id).data {
            Data::Element { name, .. } => Some(&self.names[name as usize]),
            _ => None,
        }
    }

    /// An attribute of an element (only those in [`KEPT_ATTRIBUTES`] are kept).
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match self.node(id).data {
            Data::Element { attrs, .. } if attrs != NO_ATTRIBUTES => self.attributes
                [attrs as usize]
                .iter()
                .find(|(n, _)| &**n == attr)
                .map(|(_, v)| &**v),
            _ => None,
        }
    }

    /// The text of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.node(id).data {
            Data::Text { start, end } => Some(&self.text[start as usize..end as usize]),
            _ => None,
        }
    }

    /// The node's children, in order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut next = self.links(id).first;
        std::iter::from_fn(move || {
            let this = next;
            (this != NONE).then(|| {
                next = self.links(this).next;
                this
            })
        })
    }

    /// Visits the node and its descendants in document order; `visit` says whether to go
    /// into the node's children. Follows the tree's links: no stack, no allocation.
    pub fn walk(&self, id: NodeId, mut visit: impl FnMut(NodeId) -> bool) {
        let mut n = id;
        loop {
            let links = self.links(n);
            if visit(n) && links.first != NONE {
                n = links.first;
                continue;
            }
            // Up to the first ancestor (below `id`) with a next sibling.
            loop {
                if n == id {
                    return;
                }
                let links = self.links(n);
                if links.next != NONE {
                    n = links.next;
                    break;
                }
                n = links.parent;
            }
        }
    }

    /// Every text under the node, in order.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.push_text(id, &mut out);
        out
    }

    /// Appends every text under the node to `out`.
    pub fn push_text(&self, id: NodeId, out: &mut String) {
        self.walk(id, |n| {
            if let Some(t) = self.text(n) {
                out.push_str(t);
            }
            true
        });
    }

    /// Resolves a simple selector — `tag`, `#id`, `.class` or `tag[attr]` — against this page.
    fn selector<'a>(&self, selector: &'a str) -> Selector<'a> {
        let tag = |t: &str| self.name_index.get(&LocalName::from(t)).copied();
        if let Some(id) = selector.strip_prefix('#') {
            Selector::Id(id)
        } else if let Some(class) = selector.strip_prefix('.') {
            Selector::Class(class)
        } else if let Some((t, attr)) = selector.split_once('[') {
            Selector::TagWith(tag(t), attr.trim_end_matches(']'))
        } else {
            Selector::Tag(tag(selector))
        }
    }

    fn is(&self, id: NodeId, selector: &Selector) -> bool {
        let Data::Element { name, attrs, .. } = self.node(id).data else {
            return false;
        };
        match *selector {
            Selector::Tag(tag) => tag == Some(name),
            Selector::TagWith(tag, attr) => tag == Some(name) && self.attr(id, attr).is_some(),
            _ if attrs == NO_ATTRIBUTES => false,
            Selector::Id(want) => self.attr(id, "id") == Some(want),
            Selector::Class(want) => self
                .attr(id, "class")
                .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == want)),
        }
    }

    /// True when the element matches a simple selector: `tag`, `#id`, `.class` or `tag[attr]`.
    pub fn matches(&self, id: NodeId, selector: &str) -> bool {
        self.is(id, &self.selector(selector))
    }

    /// Elements matching any of the simple selectors (see [`Dom::matches`]), in document order.
    pub fn select(&self, selectors: &[&str]) -> Vec<NodeId> {
        let selectors: Vec<Selector> = selectors.iter().map(|s| self.selector(s)).collect();
        let mut out = Vec::new();
        self.walk(self.root(), |n| {
            if selectors.iter().any(|s| self.is(n, s)) {
                out.push(n);
            }
            true
        });
        out
    }

    /// The first element (in document order) that matches the first of the selectors any
    /// element matches and that passes `accept`: selectors are tried in priority order, in one
    /// walk over the page.
    pub fn first_matching(
        &self,
        selectors: &[&str],
        accept: impl Fn(NodeId) -> bool,
    ) -> Option<NodeId> {
        let selectors: Vec<Selector> = selectors.iter().map(|s| self.selector(s)).collect();
        let mut best: Option<(usize, NodeId)> = None;
        self.walk(self.root(), |n| {
            let limit = best.map_or(selectors.len(), |(i, _)| i);
            if let Some(i) = selectors[..limit].iter().position(|s| self.is(n, s)) {
                if accept(n) {
                    best = Some((i, n));
                }
            }
            best.is_none_or(|(i, _)| i > 0)
        });
        best.map(|(_, n)| n)
    }

    /// For every node, the number of characters of its text (each text trimmed), computed in
    /// one pass.
    pub fn text_lengths(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.count);
        self.walk(self.root(), |n| {
            order.push(n);
            true
        });
        let mut len = vec![0usize; self.count];
        for &n in order.iter().rev() {
            if let Some(t) = self.text(n) {
                len[n as usize] += t.trim().chars().count();
            }
            let parent = self.links(n).parent;
            if parent != NONE {
                len[parent as usize] += len[n as usize];
            }
        }
        len
    }

    fn detach(&mut self, id: NodeId) {
        let Links {
            parent, prev, next, ..
        } = self.links(id);
        if parent == NONE {
            return;
        }
        if prev != NONE {
            self.links_mut(prev).next = next;
        } else {
            self.links_mut(parent).first = next;
        }
        if next != NONE {
            self.links_mut(next).prev = prev;
        } else {
            self.links_mut(parent).last = prev;
        }
        let l = self.links_mut(id);
        l.parent = NONE;
        l.prev = NONE;
        l.next = NONE;
    }

    fn append_child(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.links(parent).last;
        {
            let l = self.links_mut(child);
            l.parent = parent;
            l.prev = last;
        }
        if last != NONE {
            self.links_mut(last).next = child;
        } else {
            self.links_mut(parent).first = child;
        }
        self.links_mut(parent).last = child;
    }

    fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Links { parent, prev, .. } = self.links(sibling);
        {
            let l = self.links_mut(child);
            l.parent = parent;
            l.prev = prev;
            l.next = sibling;
        }
        self.links_mut(sibling).prev = child;
        if prev != NONE {
            self.links_mut(prev).next = child;
        } else {
            self.links_mut(parent).first = child;
        }
    }

    /// Appends text: to the text node `after` when it ends where the tree's text ends (the
    /// usual case: text arriving in pieces), otherwise as a new text node (never copying text
    /// already stored, so no input makes this quadratic).
    fn new_text(&mut self, after: NodeId, text: &str) -> Option<NodeId> {
        let end = self.text.len() as u32;
        if after != NONE && matches!(self.node(after).data, Data::Text { end: e, .. } if e == end) {
            self.text.push_str(text);
            let new_end = self.text.len() as u32;
            if let Data::Text { end: e, .. } = &mut self.node_mut(after).data {
                *e = new_end;
            }
            return None;
        }
        self.text.push_str(text);
        Some(self.push(Data::Text {
            start: end,
            end: self.text.len() as u32,
        }))
    }

    fn name(&mut self, name: LocalName) -> u32 {
        if let Some(&i) = self.name_index.get(&name) {
            return i;
        }
        self.names.push(name.clone());
        let i = (self.names.len() - 1) as u32;
        self.name_index.insert(name, i);
        i
    }

    fn namespace(&mut self, ns: &Namespace) -> u8 {
        match self.namespaces.iter().position(|n| n == ns) {
            Some(i) => i as u8,
            None => {
                self.namespaces.push(ns.clone());
                (self.namespaces.len() - 1) as u8
            }
        }
    }

    /// Stores an element's kept attributes; the index for [`Data::Element`].
    fn add_attributes(&mut self, kept: Vec<(LocalName, Box<str>)>) -> u32 {
        if kept.is_empty() {
            return NO_ATTRIBUTES;
        }
        self.attributes.push(kept.into_boxed_slice());
        (self.attributes.len() - 1) as u32
    }
}

fn kept(attrs: Vec<Attribute>) -> Vec<(LocalName, Box<str>)> {
    attrs
        .into_iter()
        .filter(|a| a.name.ns.is_empty() && KEPT_ATTRIBUTES.contains(&&*a.name.local))
        .map(|a| (a.name.local, Box::from(&*a.value)))
        .collect()
}

/// A simple selector resolved against one page (tag names to the page's name indices; a tag the
/// page never uses is `None` and matches nothing).
enum Selector<'a> {
    Tag(Option<u32>),
    TagWith(Option<u32>, &'a str),
    Id(&'a str),
    Class(&'a str),
}

/// The parser's view of the tree being built.
struct Sink(RefCell<Dom>);

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

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Dom {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        let dom = self.0.borrow();
        let ns_index = match &dom.node(*target).data {
            Data::Element { ns, .. } => *ns as usize,
            _ => usize::MAX,
        };
        let local = Ref::map(Ref::clone(&dom), |d| match d.node(*target).data {
            Data::Element { name, .. } => &d.names[name as usize],
            _ => &NO_NAME,
        });
        let ns = Ref::map(dom, |d| d.namespaces.get(ns_index).unwrap_or(&NO_NAMESPACE));
        Name { ns, local }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let mut dom = self.0.borrow_mut();
        let template = &*name.local == "template";
        let ns = dom.namespace(&name.ns);
        let attrs = dom.add_attributes(kept(attrs));
        let name = dom.name(name.local);
        let id = dom.push(Data::Element { name, ns, attrs });
        if template {
            // Template contents live in a child that is never read, as browsers never show them.
            let contents = dom.push(Data::Other);
            dom.append_child(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.0.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.0.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        match child {
            NodeOrText::AppendNode(n) => dom.append_child(*parent, n),
            NodeOrText::AppendText(t) => {
                let last = dom.links(*parent).last;
                if let Some(n) = dom.new_text(last, &t) {
                    dom.append_child(*parent, n);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.0.borrow().links(*element).parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut dom = self.0.borrow_mut();
        let n = dom.push(Data::Other);
        dom.append_child(0, n);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let dom = self.0.borrow();
        let first = dom.links(*target).first;
        if first != NONE {
            first
        } else {
            *target
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        if dom.links(*sibling).parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(n) => dom.insert_before(*sibling, n),
            NodeOrText::AppendText(t) => {
                let prev = dom.links(*sibling).prev;
                if let Some(n) = dom.new_text(prev, &t) {
                    dom.insert_before(*sibling, n);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        // Only ever called for <html> and <body> (attributes of a repeated tag).
        let mut dom = self.0.borrow_mut();
        let Data::Element { attrs: have, .. } = dom.node(*target).data else {
            return;
        };
        let mut all: Vec<(LocalName, Box<str>)> = if have == NO_ATTRIBUTES {
            Vec::new()
        } else {
            dom.attributes[have as usize].to_vec()
        };
        for (name, value) in kept(attrs) {
            if !all.iter().any(|(n, _)| *n == name) {
                all.push((name, value));
            }
        }
        let index = dom.add_attributes(all);
        if let Data::Element { attrs, .. } = &mut dom.node_mut(*target).data {
            *attrs = index;
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.0.borrow_mut();
        let children: Vec<NodeId> = dom.children(*node).collect();
        for c in children {
            dom.append_child(*new_parent, c);
        }
    }
}

/// Collapses runs of white space (including non-breaking and full-width spaces) to one space.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
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
        let sink = Sink(RefCell::new(Dom::parse("")));
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
        assert!(dom.text.len() < 50_000);
    }
}
