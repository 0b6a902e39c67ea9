//! The words of every way a report file fails to read (`model::LoadError`): the model finds what
//! is wrong and where, and fills these words' holes (`{name}`, see [`super::Labels::fill`]).

/// The words of a report file that does not read.
#[derive(Debug)]
pub struct LoadWords {
    /// What is wrong, then where: `{message}`, `{path}`, `{line}`, `{column}`.
    pub at: &'static str,
    /// Another version of the format: `{found}`, `{supported}`.
    pub version: &'static str,
    /// Nothing came.
    pub empty: &'static str,
    /// A web page came instead.
    pub html: &'static str,
    /// The file ends too early: `{line}`, `{column}`.
    pub truncated: &'static str,
    /// Over a limit of the viewer: `{what}`, `{found}`, `{limit}`.
    pub too_large: &'static str,
    /// Not UTF-8: `{line}`, `{column}`, `{offset}`, then `{hint}`.
    pub not_utf8: &'static str,
    /// The hint when the bytes read as GBK.
    pub gbk_hint: &'static str,
    /// The hint otherwise.
    pub utf8_hint: &'static str,
    /// The outermost value is not an object: `{what}`.
    pub outermost: &'static str,
    /// What the outermost value is: an array, a string, a number.
    pub outermost_kinds: [&'static str; 3],
    /// Nested deeper than a report goes.
    pub too_deep: &'static str,
    /// A number too large or too precise to read: `{detail}` (the parser's).
    pub number_too_large: &'static str,
    /// A negative or too large a number where a count or a year goes: `{value}`.
    pub not_a_count: &'static str,
    /// A value of the wrong kind: `{expected}`, `{found}`, `{value}`.
    pub wrong_type: &'static str,
    /// The kinds of value: an array, an object, text, an integer, a number.
    pub kinds: [&'static str; 5],
    /// Not JSON: `{detail}`.
    pub syntax: &'static str,
    /// Any other mismatch with the format: `{detail}`.
    pub mismatch: &'static str,
    /// What a limit counts, in [`Limit`] order.
    pub limits: [&'static str; 8],
}

/// What a limit of the viewer counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The file's size in bytes.
    FileBytes,
    /// Table cells.
    Cells,
    /// Characters of text.
    Characters,
    /// Tables.
    Tables,
    /// Columns of one table.
    Columns,
    /// Rows of one statistical table.
    Rows,
    /// Parts and subsections.
    Sections,
    /// Elements of a page's article (enhance mode).
    Elements,
}

/// A kind of JSON value, as the messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `[ … ]`.
    Array,
    /// `{ … }`.
    Object,
    /// A string.
    Text,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
}

impl LoadWords {
    /// What a limit counts.
    pub fn limit(&self, l: Limit) -> &'static str {
        self.limits[l as usize]
    }

    /// A kind of value.
    pub fn kind(&self, k: Kind) -> &'static str {
        self.kinds[k as usize]
    }
}

pub(super) const ZH: LoadWords = LoadWords {
    at: "{message}（位置：{path}，第 {line} 行第 {column} 列）",
    version: "报告格式版本为 {found}，本查看器支持版本 {supported}",
    empty: "报告文件是空的：服务器没有返回任何内容",
    html: "服务器返回的是网页（HTML），不是报告的 JSON 文件：报告地址可能有误，或服务器返回了错误页面",
    truncated: "报告文件不完整，在第 {line} 行第 {column} 列意外结束：可能下载中断，或文件被截断",
    too_large: "报告过大：{what}为 {found}，超过查看器的上限 {limit}。为免网页长时间无响应，未在此显示；请使用页面上的报告全文链接",
    not_utf8: "报告文件不是 UTF-8 编码（第 {line} 行第 {column} 列，第 {offset} 字节）{hint}",
    gbk_hint: "：它看起来是 GBK（GB2312）编码，请以 UTF-8 编码另存后再发布",
    utf8_hint: "：请以 UTF-8 编码保存报告文件",
    outermost: "文件最外层是{what}，报告应是一个对象 { … }（含 version、meta、sections）",
    outermost_kinds: ["数组 [ … ]", "字符串", "数字"],
    too_deep: "嵌套层数过深，不是报告的结构（报告的表格和部分不超过几层）",
    number_too_large: "数字过大或小数位过多，无法作为统计数字读取（{detail}）",
    not_a_count: "这里应是不小于 0 的整数（年份不超过 65535），文件中是 {value}",
    wrong_type: "这里应是{expected}，文件中是{found}{value}",
    kinds: ["数组（列表）", "对象 { … }", "文字", "整数", "数字"],
    syntax: "不是有效的 JSON（{detail}）",
    mismatch: "数据与报告格式不符（{detail}）",
    limits: [
        "文件大小（字节）",
        "表格单元格数",
        "文字字数",
        "表格数",
        "一个表格的列数",
        "一个统计表的行数",
        "部分和小节数",
        "元素数",
    ],
};

pub(super) const EN: LoadWords = LoadWords {
    at: "{message} (at {path}, line {line}, column {column})",
    version: "The report is in version {found} of the format; this viewer reads version {supported}",
    empty: "The report file is empty: the server sent nothing",
    html: "The server sent a web page (HTML), not the report's JSON file: the report address may be wrong, or the server sent an error page",
    truncated: "The report file ends too early, at line {line}, column {column}: the download may have broken off, or the file was cut short",
    too_large: "The report is too large: {what} is {found}, over the viewer's limit of {limit}. It is not shown here so that the page stays responsive; use the link to the full report on this page",
    not_utf8: "The report file is not UTF-8 (line {line}, column {column}, byte {offset}){hint}",
    gbk_hint: ": it looks like GBK (GB2312); save it as UTF-8 and publish it again",
    utf8_hint: ": save the report file as UTF-8",
    outermost: "The file holds {what}; a report is an object { … } (with version, meta, sections)",
    outermost_kinds: ["an array [ … ]", "a string", "a number"],
    too_deep: "Nested too deep to be a report (a report's tables and parts go a few levels deep)",
    number_too_large: "A number too large, or with too many decimal places, to read as a figure ({detail})",
    not_a_count: "A whole number of at least 0 goes here (a year at most 65535); the file has {value}",
    wrong_type: "This should be {expected}; the file has {found}{value}",
    kinds: ["an array (list)", "an object { … }", "text", "a whole number", "a number"],
    syntax: "Not valid JSON ({detail})",
    mismatch: "The data does not fit the report format ({detail})",
    limits: [
        "the file size (bytes)",
        "the number of table cells",
        "the number of characters of text",
        "the number of tables",
        "the number of columns of one table",
        "the number of rows of one statistical table",
        "the number of parts and subsections",
        "the number of elements",
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::holes;
    use crate::labels::Labels;

    /// Both languages fill the same holes, so a message never loses a figure in translation.
    #[test]
    fn both_languages_have_the_same_holes() {
        let pairs = [
            (ZH.at, EN.at),
            (ZH.version, EN.version),
            (ZH.truncated, EN.truncated),
            (ZH.too_large, EN.too_large),
            (ZH.not_utf8, EN.not_utf8),
            (ZH.outermost, EN.outermost),
            (ZH.number_too_large, EN.number_too_large),
            (ZH.not_a_count, EN.not_a_count),
            (ZH.wrong_type, EN.wrong_type),
            (ZH.syntax, EN.syntax),
            (ZH.mismatch, EN.mismatch),
        ];
        for (zh, en) in pairs {
            assert_eq!(holes(zh), holes(en), "{zh} / {en}");
        }
        assert_eq!(EN.limit(Limit::Elements), "the number of elements");
        assert_eq!(ZH.kind(Kind::Integer), "整数");
    }

    /// Holes are filled in one pass: a value that holds a hole's name stays as it is, and a
    /// brace that names no value stays as written.
    #[test]
    fn a_value_is_never_filled_again() {
        let said = Labels::fill(
            ZH.at,
            &[
                ("message", "文件中是 \"{line}\""),
                ("path", "meta.year"),
                ("line", "3"),
                ("column", "9"),
            ],
        );
        assert_eq!(
            said,
            "文件中是 \"{line}\"（位置：meta.year，第 3 行第 9 列）"
        );
        assert_eq!(
            Labels::fill(EN.outermost, &[("what", "a string")]),
            "The file holds a string; a report is an object { … } (with version, meta, sections)"
        );
        assert_eq!(
            Labels::fill("{a}{b}{", &[("a", "{b}"), ("b", "x")]),
            "{b}x{"
        );
    }
}
