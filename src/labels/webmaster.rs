//! The words the viewer says to the webmaster: on the browser's console and in the container's
//! `data-rv-error`, in the container's language (`data-lang`). Holes are `{name}` (see
//! [`super::Labels::fill`]).

/// What the viewer tells the webmaster.
#[derive(Debug)]
pub struct WebmasterWords {
    /// Console: the viewer takes over from a static copy.
    pub takeover: &'static str,
    /// Console: the page changed the article; it was read again.
    pub reread: &'static str,
    /// Console: the page changed the article, which no longer reads: `{why}`.
    pub unreadable: &'static str,
    /// `data-enhance` names no valid selector: `{selector}`.
    pub bad_selector: &'static str,
    /// `data-enhance` matches nothing: `{selector}`.
    pub no_match: &'static str,
    /// The article named holds the viewer's container: `{selector}`.
    pub holds_container: &'static str,
    /// Another viewer shows the article named: `{selector}`.
    pub shown_elsewhere: &'static str,
    /// The page has no root element.
    pub no_root: &'static str,
    /// The article does not read as a report: `{why}`.
    pub not_a_report: &'static str,
    /// The article's report is past the viewer's limits: `{why}`.
    pub past_limits: &'static str,
    /// The article is too large to read: `{what}`, `{found}`, `{limit}`.
    pub article_too_large: &'static str,
    /// `data-enhance` on a page the loader gave the JSON-mode build.
    pub needs_enhance: &'static str,
    /// Console: a finding of the check against last year's report: `{message}`.
    pub last_year_found: &'static str,
    /// Console: last year's report did not load: `{why}`.
    pub last_year_failed: &'static str,
    /// Console: what the importer decided reading the article: `{note}`.
    pub article_note: &'static str,
}

pub(super) const ZH: WebmasterWords = WebmasterWords {
    takeover: "[report-viewer] 接替静态副本：窗口内的部分保持展开，其余部分收起",
    reread: "[report-viewer] 文章已被页面改动，重新读取并显示",
    unreadable: "[report-viewer] 文章已被页面改动，无法再读取：{why}",
    bad_selector: "data-enhance：“{selector}”不是有效的 CSS 选择器",
    no_match: "data-enhance：页面中没有与“{selector}”匹配的元素",
    holds_container: "data-enhance：“{selector}”指定的文章包含阅读器容器本身（容器在文章之内，或指定了容器的上级元素）：隐藏文章会连阅读器一起隐藏。请把容器放在文章之外，或不写选择器、把 data-enhance 加在文章元素上。文章按原样保留",
    shown_elsewhere: "data-enhance：“{selector}”指定的文章已由页面上另一个阅读器显示，此处不再重复显示",
    no_root: "页面没有根元素",
    not_a_report: "data-enhance：{why}",
    past_limits: "data-enhance：{why}。文章按原样保留",
    article_too_large: "data-enhance：文章过大：{what}为 {found}，超过查看器的上限 {limit}，为免页面卡顿不予读取。文章按原样保留",
    needs_enhance: "data-enhance 需要 report-viewer 的 enhance 版本（加载器在页面载入时发现 data-enhance 即会选用）",
    last_year_found: "[report-viewer] 与上年报告核对：{message}",
    last_year_failed: "[report-viewer] 未能载入上年报告：{why}",
    article_note: "[report-viewer] 读取页面文章：{note}",
};

pub(super) const EN: WebmasterWords = WebmasterWords {
    takeover: "[report-viewer] Taking over from the static copy: the parts in the window stay open, the rest are collapsed",
    reread: "[report-viewer] The page changed the article: it was read again and is shown",
    unreadable: "[report-viewer] The page changed the article, and it can no longer be read: {why}",
    bad_selector: "data-enhance: “{selector}” is not a valid CSS selector",
    no_match: "data-enhance: no element on the page matches “{selector}”",
    holds_container: "data-enhance: the article “{selector}” names holds the viewer's own container (the container is inside the article, or the selector names one of its ancestors): hiding the article would hide the viewer too. Put the container outside the article, or leave out the selector and put data-enhance on the article element. The article stays as published",
    shown_elsewhere: "data-enhance: the article “{selector}” names is already shown by another viewer on the page; it is not shown twice",
    no_root: "the page has no root element",
    not_a_report: "data-enhance: {why}",
    past_limits: "data-enhance: {why}. The article stays as published",
    article_too_large: "data-enhance: the article is too large: {what} is {found}, over the viewer's limit of {limit}; it is not read, so that the page does not freeze. The article stays as published",
    needs_enhance: "data-enhance needs report-viewer's enhance build (the loader chooses it when it finds data-enhance as the page loads)",
    last_year_found: "[report-viewer] Checked against last year's report: {message}",
    last_year_failed: "[report-viewer] Last year's report did not load: {why}",
    article_note: "[report-viewer] Reading the page's article: {note}",
};
