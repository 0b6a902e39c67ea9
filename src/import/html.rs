//! A saved portal page (or just its article) to a sequence of text lines and tables.

use super::dom::{collapse, Dom, NodeId};
use super::grid::from_table;
use super::item::Item;

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
    /// The text of elements in the article the page does not show (see [`hidden`]), not read.
    pub hidden: Vec<String>,
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

/// True for an element the page does not show: `hidden`, `aria-hidden="true"`, or an inline style
/// with `display: none` or `visibility: hidden` (a browser extension's widget, a CMS's
/// collapsed template). Its words are no part of the report.
pub fn hidden(doc: &Dom, node: NodeId) -> bool {
    if doc.attr(node, "hidden").is_some()
        || doc
            .attr(node, "aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    doc.attr(node, "style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.split(';').any(|d| {
            d == "display:none"
                || d.starts_with("display:none!")
                || d == "visibility:hidden"
                || d.starts_with("visibility:hidden!")
        })
    })
}

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
#[cfg(feature = "tool")]
pub fn read_page(text: &str) -> Page {
    read_dom(&Dom::parse(text), None)
}

/// Reads a page's tree: the article is `article`, or the first of the portals' article
/// containers with text in it, or the whole page.
pub fn read_dom(doc: &Dom, article: Option<NodeId>) -> Page {
    let root = doc.root();
    let title = doc
        .first_matching(&["h1", ".title", "title"], |e| {
            !collapse(&doc.text_content(e)).is_empty()
        })
        .map(|e| collapse(&doc.text_content(e)));
    let meta = head_fields(doc);
    let lengths = doc.text_lengths();
    let body_root = article
        .or_else(|| doc.first_matching(BODY_SELECTORS, |e| lengths[e as usize] > 100))
        .unwrap_or(root);
    drop(lengths);
    // Lines of the whole page (for metadata in the chrome): tables are not read here.
    let mut all_lines: Vec<String> = items(doc, root, false, &mut Vec::new())
        .into_iter()
        .filter_map(|i| match i {
            Item::Line(l) => Some(l),
            Item::Table(_) | Item::Flat(_) => None,
        })
        .collect();
    // The page head's tables (索引号 | 发布机构 | 生成日期 …): their label cells with the value
    // beside them, as metadata lines.
    all_lines.extend(head_table_lines(doc, body_root));
    let mut hidden = Vec::new();
    let body = items(doc, body_root, true, &mut hidden);
    Page {
        body,
        all_lines,
        title,
        meta,
        hidden,
    }
}

/// The tables of the page outside the article, as "label：value" lines: each cell that holds a
/// label alone ("发布机构", "发布机构：") with the text of the cell after it, and each cell that
/// holds a whole "label：value".
fn head_table_lines(doc: &Dom, body_root: NodeId) -> Vec<String> {
    let inside = |mut n: NodeId| loop {
        if n == body_root {
            return true;
        }
        match doc.parent(n) {
            Some(p) => n = p,
            None => return false,
        }
    };
    let mut out = Vec::new();
    for table in doc.select(&["table"]) {
        if inside(table) || out.len() > 200 {
            continue;
        }
        let mut rows = Vec::new();
        doc.walk(table, |n| match doc.element(n) {
            Some("tr") => {
                rows.push(n);
                false
            }
            Some("table") => n == table,
            _ => true,
        });
        for row in rows {
            let cells: Vec<String> = doc
                .children(row)
                .filter(|&c| matches!(doc.element(c), Some("td" | "th")))
                .map(|c| collapse(&doc.text_content(c)))
                .collect();
            for (i, cell) in cells.iter().enumerate() {
                let label = cell.trim_end_matches(['：', ':']).trim();
                let is_label = !label.is_empty()
                    && label.chars().count() <= 6
                    && super::scan::meta_labels(&format!("{label}：x"))
                        .first()
                        .is_some_and(|m| m.start == 0);
                match cells.get(i + 1) {
                    Some(value) if is_label && !value.is_empty() => {
                        out.push(format!("{label}：{value}"))
                    }
                    _ if cell.contains(['：', ':']) => out.push(cell.clone()),
                    _ => {}
                }
            }
        }
    }
    out
}

/// What the page's head (and CMS elements) say of the article, as (field, value) pairs.
fn head_fields(doc: &Dom) -> Vec<(String, String)> {
    let found = doc.select(&["meta[name]", "publishtime", "pubdate"]);
    let mut meta = Vec::new();
    for e in found {
        let (name, value) = match doc.attr(e, "name") {
            Some(n) if doc.element(e) == Some("meta") => (
                n.to_ascii_lowercase(),
                doc.attr(e, "content").unwrap_or("").to_string(),
            ),
            _ => (
                doc.element(e).unwrap_or("").to_string(),
                doc.text_content(e),
            ),
        };
        let value = collapse(&value);
        if let Some((_, field)) = META_NAMES.iter().find(|(n, _)| *n == name) {
            if !value.is_empty() {
                meta.push((field.to_string(), value));
            }
        }
    }
    meta
}

fn flush(out: &mut Vec<Item>, line: &mut String) {
    let text = collapse(line);
    if !text.is_empty() {
        out.push(Item::Line(text));
    }
    line.clear();
}

/// The lines and tables under a node: a line ends at every block, `<br>` and table; tables are
/// read as grids (or, when `tables` is false, passed over); scripts, forms and the like are skipped.
fn items(doc: &Dom, from: NodeId, tables: bool, hidden_text: &mut Vec<String>) -> Vec<Item> {
    enum Step {
        Node(NodeId),
        Flush,
    }
    let mut out = Vec::new();
    let mut line = String::new();
    let mut steps: Vec<Step> = doc.children(from).map(Step::Node).collect();
    steps.reverse();
    while let Some(step) = steps.pop() {
        let node = match step {
            Step::Flush => {
                flush(&mut out, &mut line);
                continue;
            }
            Step::Node(n) => n,
        };
        if let Some(t) = doc.text(node) {
            line.push_str(t);
            continue;
        }
        let Some(name) = doc.element(node) else {
            continue;
        };
        if SKIP.contains(&name) {
            continue;
        }
        if hidden(doc, node) {
            let text = collapse(&doc.text_content(node));
            if !text.is_empty() {
                hidden_text.push(text);
            }
            continue;
        }
        if name == "br" {
            flush(&mut out, &mut line);
        } else if name == "table" {
            flush(&mut out, &mut line);
            if !tables {
                continue;
            }
            let grid = from_table(doc, node);
            if !grid.is_empty() {
                out.push(Item::Table(grid));
            }
        } else {
            let block = BLOCKS.contains(&name);
            if block {
                flush(&mut out, &mut line);
                steps.push(Step::Flush);
            }
            let at = steps.len();
            steps.extend(doc.children(node).map(Step::Node));
            steps[at..].reverse();
        }
    }
    flush(&mut out, &mut line);
    out
}
