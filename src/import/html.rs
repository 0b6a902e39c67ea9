//! A saved portal page (or just its article) to a sequence of text lines and tables.

use super::grid::Grid;
use super::Item;
use scraper::{ElementRef, Html, Node, Selector};

/// Containers portals put the article in, most specific first.
const BODY_SELECTORS: &[&str] = &[
    "#zoom",
    ".TRS_Editor",
    "#UCAP-CONTENT",
    ".article-content",
    ".article_content",
    "#content",
    ".content",
    "article",
    "main",
];

const SKIP: &[&str] = &[
    "script", "style", "noscript", "button", "select", "option", "form", "iframe", "svg", "img",
    "head", "input", "textarea", "object", "video", "audio",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "center",
    "address",
    "figure",
    "figcaption",
    "hr",
    "body",
    "html",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "caption",
    "form",
];

/// What an HTML page holds: the article's lines and tables, all lines of the page (for
/// metadata), and the page's own title.
pub struct Page {
    /// The article: lines and tables in order.
    pub body: Vec<Item>,
    /// Every line of the page, article and chrome alike.
    pub all_lines: Vec<String>,
    /// `<h1>` or `<title>` text.
    pub title: Option<String>,
    /// What the page's head says of the article: `<meta name="ArticleTitle">`, `PubDate`,
    /// `ContentSource`, and CMS elements such as `<publishtime>`, as (name, value) pairs.
    pub meta: Vec<(String, String)>,
}

/// Meta names (lower case) and CMS elements that portals use for the article's metadata, and
/// the field each gives.
const META_NAMES: &[(&str, &str)] = &[
    ("articletitle", "标题"),
    ("pubdate", "发布日期"),
    ("publishdate", "发布日期"),
    ("firstpublishedtime", "发布日期"),
    ("publishtime", "发布日期"),
    ("contentsource", "来源"),
    ("source", "来源"),
    ("publisher", "发布机构"),
];

/// True when the text looks like HTML rather than a plain-text copy.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_lowercase();
    head.trim_start().starts_with('<')
        && [
            "<html",
            "<body",
            "<p",
            "<div",
            "<table",
            "<!doctype",
            "<meta",
            "<span",
        ]
        .iter()
        .any(|t| head.contains(t))
}

/// Reads the page.
pub fn read_page(text: &str) -> Page {
    let doc = Html::parse_document(text);
    let root = doc.root_element();
    let mut body_root = None;
    for sel in BODY_SELECTORS {
        let Ok(selector) = Selector::parse(sel) else {
            continue;
        };
        if let Some(el) = doc.select(&selector).find(|e| text_len(e) > 100) {
            body_root = Some(el);
            break;
        }
    }
    let body_root = body_root.unwrap_or(root);
    let mut body = Vec::new();
    let mut line = String::new();
    walk(body_root, &mut body, &mut line);
    flush(&mut body, &mut line);

    let mut all = Vec::new();
    let mut line = String::new();
    walk(root, &mut all, &mut line);
    flush(&mut all, &mut line);
    let all_lines = all
        .into_iter()
        .filter_map(|i| match i {
            Item::Line(l) => Some(l),
            Item::Table(_) | Item::Flat(_) => None,
        })
        .collect();

    let title = ["h1", ".title", "title"].iter().find_map(|s| {
        let sel = Selector::parse(s).ok()?;
        doc.select(&sel)
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    });
    let mut meta = Vec::new();
    if let Ok(sel) = Selector::parse("meta[name], publishtime, pubdate") {
        for e in doc.select(&sel) {
            let v = e.value();
            let (name, value) = match v.attr("name") {
                Some(n) => (
                    n.to_ascii_lowercase(),
                    v.attr("content").unwrap_or("").to_string(),
                ),
                None => (v.name().to_string(), e.text().collect::<String>()),
            };
            let value = collapse(&value);
            if let Some((_, field)) = META_NAMES.iter().find(|(n, _)| *n == name) {
                if !value.is_empty() {
                    meta.push((field.to_string(), value));
                }
            }
        }
    }
    Page {
        body,
        all_lines,
        title,
        meta,
    }
}

fn text_len(e: &ElementRef) -> usize {
    e.text().map(|t| t.trim().chars().count()).sum()
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

fn flush(out: &mut Vec<Item>, line: &mut String) {
    let text = collapse(line);
    if !text.is_empty() {
        out.push(Item::Line(text));
    }
    line.clear();
}

fn walk(el: ElementRef, out: &mut Vec<Item>, line: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => line.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                if name == "br" {
                    flush(out, line);
                } else if name == "table" {
                    flush(out, line);
                    let grid = Grid::from_table(child_el);
                    if !grid.is_empty() {
                        out.push(Item::Table(grid));
                    }
                } else if BLOCKS.contains(&name) {
                    flush(out, line);
                    walk(child_el, out, line);
                    flush(out, line);
                } else {
                    walk(child_el, out, line);
                }
            }
            _ => {}
        }
    }
}
