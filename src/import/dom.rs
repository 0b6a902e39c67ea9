//! A compact tree of an HTML page, in one arena, built either by html5ever's parser from a page's
//! text (report-tool, `parse.rs`) or from the browser's own DOM (enhance mode): the importer reads
//! this tree only, so both read a page alike. Only what the importer reads is kept — element
//! names, the attributes it looks at, and the text, all in one string — so a page takes a few
//! times its own size in memory, and every walk over it is a loop, never a recursion (no nesting
//! depth can overflow the stack).

use std::collections::HashMap;

/// A node of the page.
pub type NodeId = u32;

const NONE: NodeId = NodeId::MAX;

/// Attributes the importer reads; every other attribute is dropped while parsing.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "name",
    "content",
    "rowspan",
    "colspan",
    "hidden",
    "aria-hidden",
    "style",
];

#[derive(Clone, Copy)]
struct Links {
    parent: NodeId,
    first: NodeId,
    last: NodeId,
    prev: NodeId,
    next: NodeId,
}

/// Kept attributes of one element: (index into [`KEPT_ATTRIBUTES`], value).
type Attributes = Box<[(u8, Box<str>)]>;

/// No attributes kept (an index into [`Dom::attributes`]).
const NO_ATTRIBUTES: u32 = u32::MAX;

#[derive(Clone, Copy)]
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
    data: Packed,
}

/// [`Data`] in 8 bytes (the enum takes 12): the kind in the first word's top two bits, then the
/// element's name or the text's start (under 2^30: pages are at most 64 MiB); the second word
/// is the text's end, or the element's attribute list (24 bits) and namespace (8 bits). A node
/// takes 28 bytes, so a page of small table cells stays under 10× its size in memory.
#[derive(Clone, Copy)]
struct Packed(u32, u32);

const KIND_SHIFT: u32 = 30;
const LOW_30: u32 = (1 << KIND_SHIFT) - 1;
/// The packed form of [`NO_ATTRIBUTES`]; lists past it are not kept.
const NO_ATTRIBUTES_PACKED: u32 = (1 << 24) - 1;

impl Packed {
    fn of(data: Data) -> Packed {
        match data {
            Data::Document => Packed(0, 0),
            Data::Element { name, ns, attrs } => Packed(
                1 << KIND_SHIFT | (name & LOW_30),
                attrs.min(NO_ATTRIBUTES_PACKED) | (ns as u32) << 24,
            ),
            Data::Text { start, end } => Packed(2 << KIND_SHIFT | (start & LOW_30), end),
            Data::Other => Packed(3 << KIND_SHIFT, 0),
        }
    }

    fn data(self) -> Data {
        match self.0 >> KIND_SHIFT {
            0 => Data::Document,
            1 => Data::Element {
                name: self.0 & LOW_30,
                ns: (self.1 >> 24) as u8,
                attrs: match self.1 & NO_ATTRIBUTES_PACKED {
                    NO_ATTRIBUTES_PACKED => NO_ATTRIBUTES,
                    a => a,
                },
            },
            2 => Data::Text {
                start: self.0 & LOW_30,
                end: self.1,
            },
            _ => Data::Other,
        }
    }
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
    namespaces: Vec<Box<str>>,
    /// Every element name, once (nodes hold an index: 4 bytes, not 8).
    names: Vec<Box<str>>,
    name_index: HashMap<Box<str>, u32>,
}

impl Default for Dom {
    fn default() -> Self {
        Dom::new()
    }
}

impl Dom {
    /// A tree holding only its document node.
    pub fn new() -> Dom {
        let mut dom = Dom {
            nodes: Vec::new(),
            count: 0,
            text: String::new(),
            attributes: Vec::new(),
            namespaces: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
        };
        dom.push(Data::Document);
        dom
    }

    /// A new element, not yet in the tree: its name (lower case for HTML), namespace URL, and
    /// attributes (only those in [`KEPT_ATTRIBUTES`] are kept).
    pub fn create_element<'a>(
        &mut self,
        name: &str,
        namespace: &str,
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> NodeId {
        let ns = self.namespace(namespace);
        let kept = kept(attributes);
        let attrs = self.add_attributes(kept);
        let name = self.name(name);
        self.push(Data::Element { name, ns, attrs })
    }

    /// A new node the importer never reads (comment, doctype, template contents).
    pub fn create_other(&mut self) -> NodeId {
        self.push(Data::Other)
    }

    /// The element's name and namespace as indices into this tree's tables (see
    /// [`Dom::name_at`], [`Dom::namespace_at`]).
    pub fn element_indices(&self, id: NodeId) -> Option<(u32, u8)> {
        match self.data(id) {
            Data::Element { name, ns, .. } => Some((name, ns)),
            _ => None,
        }
    }

    /// How many element names and namespaces the tree has seen.
    pub fn table_sizes(&self) -> (usize, usize) {
        (self.names.len(), self.namespaces.len())
    }

    /// The parent of a node in the tree, if any.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.links(id).parent;
        (p != NONE).then_some(p)
    }

    /// Appends text as the parent's last child (joined to the last child when that is text).
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        let last = self.links(parent).last;
        if let Some(n) = self.new_text(last, text) {
            self.append_child(parent, n);
        }
    }

    /// Inserts text before a sibling (joined to the text before it, if any).
    pub fn insert_text_before(&mut self, sibling: NodeId, text: &str) {
        let prev = self.links(sibling).prev;
        if let Some(n) = self.new_text(prev, text) {
            self.insert_before(sibling, n);
        }
    }

    /// Adds the kept attributes the element does not have yet.
    pub fn add_attributes_if_missing<'a>(
        &mut self,
        id: NodeId,
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) {
        let Data::Element { attrs: have, .. } = self.data(id) else {
            return;
        };
        let mut all: Vec<(u8, Box<str>)> = if have == NO_ATTRIBUTES {
            Vec::new()
        } else {
            self.attributes[have as usize].to_vec()
        };
        for (name, value) in kept(attributes) {
            if !all.iter().any(|(n, _)| *n == name) {
                all.push((name, value));
            }
        }
        let index = self.add_attributes(all);
        if let Data::Element { name, ns, .. } = self.data(id) {
            self.set_data(
                id,
                Data::Element {
                    name,
                    ns,
                    attrs: index,
                },
            );
        }
    }

    /// Bytes of text the tree holds.
    pub fn text_bytes(&self) -> usize {
        self.text.len()
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

    fn data(&self, id: NodeId) -> Data {
        self.node(id).data.data()
    }

    fn set_data(&mut self, id: NodeId, data: Data) {
        self.node_mut(id).data = Packed::of(data);
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
            data: Packed::of(data),
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
        match self.data(id) {
            Data::Element { name, .. } => Some(&self.names[name as usize]),
            _ => None,
        }
    }

    /// An attribute of an element (only those in [`KEPT_ATTRIBUTES`] are kept).
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match self.data(id) {
            Data::Element { attrs, .. } if attrs != NO_ATTRIBUTES => self.attributes
                [attrs as usize]
                .iter()
                .find(|(n, _)| KEPT_ATTRIBUTES[*n as usize] == attr)
                .map(|(_, v)| &**v),
            _ => None,
        }
    }

    /// The text of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.data(id) {
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
        let tag = |t: &str| self.name_index.get(t).copied();
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
        let Data::Element { name, attrs, .. } = self.data(id) else {
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

    /// Takes a node out of the tree (with its children).
    pub fn detach(&mut self, id: NodeId) {
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

    /// Appends a node as the parent's last child (moving it if it was in the tree).
    pub fn append_child(&mut self, parent: NodeId, child: NodeId) {
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

    /// Inserts a node before a sibling (moving it if it was in the tree).
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
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
        if after != NONE && matches!(self.data(after), Data::Text { end: e, .. } if e == end) {
            self.text.push_str(text);
            let new_end = self.text.len() as u32;
            if let Data::Text { start, .. } = self.data(after) {
                self.set_data(
                    after,
                    Data::Text {
                        start,
                        end: new_end,
                    },
                );
            }
            return None;
        }
        self.text.push_str(text);
        Some(self.push(Data::Text {
            start: end,
            end: self.text.len() as u32,
        }))
    }

    fn name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        self.names.push(name.into());
        let i = (self.names.len() - 1) as u32;
        self.name_index.insert(name.into(), i);
        i
    }

    fn namespace(&mut self, ns: &str) -> u8 {
        match self.namespaces.iter().position(|n| &**n == ns) {
            Some(i) => i as u8,
            None => {
                self.namespaces.push(ns.into());
                (self.namespaces.len() - 1) as u8
            }
        }
    }

    /// Stores an element's kept attributes; the index for [`Data::Element`].
    fn add_attributes(&mut self, kept: Vec<(u8, Box<str>)>) -> u32 {
        if kept.is_empty() || self.attributes.len() >= NO_ATTRIBUTES_PACKED as usize {
            return NO_ATTRIBUTES;
        }
        self.attributes.push(kept.into_boxed_slice());
        (self.attributes.len() - 1) as u32
    }
}

/// Whether an inline style may hide its element (display or visibility at all).
fn hides(style: &str) -> bool {
    let lower = style.to_ascii_lowercase();
    (lower.contains("display") && lower.contains("none"))
        || (lower.contains("visibility") && lower.contains("hidden"))
}

fn kept<'a>(attrs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<(u8, Box<str>)> {
    attrs
        .into_iter()
        .filter_map(|(name, value)| {
            let i = KEPT_ATTRIBUTES.iter().position(|k| *k == name)?;
            // A style is kept only when it may hide the element (Word gives every span one).
            if name == "style" && !hides(value) {
                return None;
            }
            Some((i as u8, Box::from(value)))
        })
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
