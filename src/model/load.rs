//! Plain words for every way a report file fails to read: empty, a web page, truncated, not
//! UTF-8 (and whether it is GBK), not an object, a figure too large, nesting too deep, a wrong
//! value. Values in messages are quoted at most 80 characters.

use serde_json::error::Category;

/// Why a report could not be read: a plain sentence that names the cause, then where (the path in
/// the document, line and column) for the webmaster. Values are quoted at most 80 characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Valid JSON text up to a point, but not the shape of a report, or not JSON at that point.
    #[error("{message}（位置：{path}，第 {line} 行第 {column} 列）")]
    Json {
        /// What is wrong, in words, with the parser's detail.
        message: String,
        /// The same in English.
        message_en: String,
        /// Path to the value, e.g. `sections[2].blocks[0].type` (`.` for the whole document).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A version of the format this viewer does not read.
    #[error("报告格式版本为 {found}，本查看器支持版本 {supported}")]
    Version {
        /// The version in the file.
        found: u32,
        /// The version this viewer reads.
        supported: u32,
    },
    /// The body is empty.
    #[error("报告文件是空的：服务器没有返回任何内容")]
    Empty,
    /// The body is a web page, not JSON (an error page, or a wrong address).
    #[error("服务器返回的是网页（HTML），不是报告的 JSON 文件：报告地址可能有误，或服务器返回了错误页面")]
    Html,
    /// The body ends before the JSON does.
    #[error("报告文件不完整，在第 {line} 行第 {column} 列意外结束：可能下载中断，或文件被截断")]
    Truncated {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Larger than the viewer renders (see [`VIEWER_LIMITS`]).
    #[error("报告过大：{what}为 {found}，超过查看器的上限 {limit}。为免网页长时间无响应，未在此显示；请使用页面上的报告全文链接")]
    TooLarge {
        /// What was counted.
        what: String,
        /// The same in English.
        what_en: String,
        /// How many.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not UTF-8.
    #[error("报告文件不是 UTF-8 编码（第 {line} 行第 {column} 列，第 {offset} 字节）{hint}")]
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
        /// 0-based byte offset of the first bad byte.
        offset: usize,
        /// What it looks like instead.
        hint: String,
        /// The same in English.
        hint_en: String,
    },
}

impl LoadError {
    /// The same in English, for viewers set to English: the cause, then where.
    pub fn describe_en(&self) -> String {
        match self {
            LoadError::Json {
                message_en,
                path,
                line,
                column,
                ..
            } => format!("{message_en} (at {path}, line {line}, column {column})"),
            LoadError::Version { found, supported } => format!(
                "The report is in version {found} of the format; this viewer reads version {supported}"
            ),
            LoadError::Empty => "The report file is empty: the server sent nothing".into(),
            LoadError::Html => "The server sent a web page (HTML), not the report's JSON file: the report address may be wrong, or the server sent an error page".into(),
            LoadError::Truncated { line, column } => format!(
                "The report file ends too early, at line {line}, column {column}: the download may have broken off, or the file was cut short"
            ),
            LoadError::TooLarge {
                what_en,
                found,
                limit,
                ..
            } => format!(
                "The report is too large: {what_en} is {found}, over the viewer's limit of {limit}. It is not shown here so that the page stays responsive; use the link to the full report on this page"
            ),
            LoadError::NotUtf8 {
                line,
                column,
                offset,
                hint_en,
                ..
            } => format!(
                "The report file is not UTF-8 (line {line}, column {column}, byte {offset}){hint_en}"
            ),
        }
    }
}

use super::finding::quote as quote_value;

/// The line and column (1-based, columns in characters) of a byte offset.
fn place(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

/// True when the bytes read as GBK: every byte ASCII or a valid GBK double-byte pair.
fn reads_as_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xfe).contains(&b)
            && bytes
                .get(i + 1)
                .is_some_and(|t| (0x40..=0xfe).contains(t) && *t != 0x7f)
        {
            pairs += 1;
            i += 2;
        } else {
            return false;
        }
    }
    pairs > 0
}

pub(super) fn not_utf8(bytes: &[u8], offset: usize) -> LoadError {
    let (line, column) = place(bytes, offset);
    let gbk = reads_as_gbk(bytes);
    let hint = if gbk {
        "：它看起来是 GBK（GB2312）编码，请以 UTF-8 编码另存后再发布"
    } else {
        "：请以 UTF-8 编码保存报告文件"
    };
    let hint_en = if gbk {
        ": it looks like GBK (GB2312); save it as UTF-8 and publish it again"
    } else {
        ": save the report file as UTF-8"
    };
    LoadError::NotUtf8 {
        line,
        column,
        offset,
        hint: hint.into(),
        hint_en: hint_en.into(),
    }
}

/// What the text is, when it is plainly not a report's JSON: empty, or a web page.
pub(super) fn not_json(text: &str) -> Option<LoadError> {
    let t = text.trim_start();
    if t.is_empty() {
        return Some(LoadError::Empty);
    }
    let head: String = t.chars().take(200).collect::<String>().to_ascii_lowercase();
    let html = head.starts_with("<!doctype")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
        || (head.starts_with('<') && head.contains("</"));
    if html {
        return Some(LoadError::Html);
    }
    // serde would read an array as the fields in order ("expected struct Report with 4
    // elements"): say what the file holds instead.
    let first = t.chars().next()?;
    let (what, what_en) = match first {
        '{' => return None,
        '[' => ("数组 [ … ]", "an array [ … ]"),
        '"' => ("字符串", "a string"),
        '0'..='9' | '-' => ("数字", "a number"),
        't' | 'f' => ("true/false", "true/false"),
        'n' => ("null", "null"),
        _ => return None,
    };
    let offset = text.len() - t.len();
    let (line, column) = place(text.as_bytes(), offset);
    Some(LoadError::Json {
        message: format!(
            "文件最外层是{what}，报告应是一个对象 {{ … }}（含 version、meta、sections）"
        ),
        message_en: format!(
            "The file holds {what_en}; a report is an object {{ … }} (with version, meta, sections)"
        ),
        path: ".".into(),
        line,
        column,
    })
}

/// Shortens every quoted value in a parser message to at most 80 characters (the one quote rule), and the
/// message to a few hundred.
pub(super) fn shorten(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=open]);
        let inner = &rest[open + 1..];
        let close = inner.find(quote).unwrap_or(inner.len());
        out.push_str(&quote_value(&inner[..close]));
        rest = &inner[close..];
        if let Some(stripped) = rest.strip_prefix(quote) {
            out.push(quote);
            rest = stripped;
        }
    }
    out.push_str(rest);
    if out.chars().count() > 300 {
        out = out.chars().take(298).collect::<String>() + "…";
    }
    out
}

/// A serde type name in words ("u32" → 整数, "sequence" → 数组).
fn kind_in_words(kind: &str) -> String {
    let k = kind.trim();
    let word = match k {
        _ if k.starts_with("sequence") || k.starts_with("a sequence") => "数组（列表）",
        _ if k.starts_with("map") || k.starts_with("struct") || k.starts_with("a map") => {
            "对象 { … }"
        }
        _ if k.starts_with("string") || k.starts_with("a string") => "文字",
        _ if k.starts_with("integer") || k.starts_with('u') || k.starts_with('i') => "整数",
        _ if k.starts_with("floating") || k.starts_with('f') => "数字",
        _ if k.starts_with("boolean") || k.starts_with("a boolean") => "true/false",
        _ if k.starts_with("null") => "null",
        _ => return shorten(k),
    };
    word.to_string()
}

/// The parser's error in words: the cause first, the parser's own detail after it.
pub(super) fn explain(e: serde_json::Error, path: String) -> LoadError {
    let (line, column) = (e.line(), e.column());
    let detail = e.to_string();
    let detail = detail.split(" at line ").next().unwrap_or_default();
    if e.classify() == Category::Eof {
        return LoadError::Truncated { line, column };
    }
    let plain = if detail.contains("recursion limit") {
        "嵌套层数过深，不是报告的结构（报告的表格和部分不超过几层）".to_string()
    } else if detail.contains("too many decimal places")
        || detail.contains("number out of range")
        || detail.contains("too large")
    {
        format!(
            "数字过大或小数位过多，无法作为统计数字读取（{}）",
            shorten(detail)
        )
    } else if let Some(rest) = detail
        .strip_prefix("invalid value: integer `")
        .filter(|r| r.contains("expected u"))
    {
        // A negative or too large a number where a count or a year goes (`expected u16`).
        let value = rest.split('`').next().unwrap_or_default();
        format!(
            "这里应是不小于 0 的整数（年份不超过 65535），文件中是 {}",
            shorten(value)
        )
    } else if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let value = found
            .find(['"', '`'])
            .map(|i| format!(" {}", shorten(&found[i..])))
            .unwrap_or_default();
        format!(
            "这里应是{}，文件中是{}{value}",
            kind_in_words(expected),
            kind_in_words(found)
        )
    } else if e.classify() == Category::Syntax {
        format!("不是有效的 JSON（{}）", shorten(detail))
    } else {
        format!("数据与报告格式不符（{}）", shorten(detail))
    };
    LoadError::Json {
        message: plain,
        message_en: explain_en(&e, detail),
        path: short_path(&path),
        line,
        column,
    }
}

/// The parser's error in English: its own words, values quoted short.
fn explain_en(e: &serde_json::Error, detail: &str) -> String {
    if detail.contains("recursion limit") {
        "Nested too deep to be a report (a report's tables and parts go a few levels deep)".into()
    } else if e.classify() == Category::Syntax {
        format!("Not valid JSON ({})", shorten(detail))
    } else {
        format!(
            "The data does not fit the report format ({})",
            shorten(detail)
        )
    }
}

/// A path as messages show it: its start and end when it is very long (400 nested sections).
fn short_path(path: &str) -> String {
    let n = path.chars().count();
    if n <= 120 {
        return path.to_string();
    }
    let head: String = path.chars().take(40).collect();
    let tail: String = path.chars().skip(n - 60).collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use crate::model::{parse_report, read_report, LoadError, VIEWER_LIMITS};

    #[test]
    fn reports_beyond_the_viewer_limits_are_named() {
        let rows = 33_334;
        let cells: Vec<String> = (0..rows)
            .map(|i| format!("[\"{i}\",\"说明\",\"{}\"]", i % 7))
            .collect();
        let json = format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022}},
            "sections":[{{"id":"p","title":"一","blocks":[{{"type":"table","id":"g","caption":"大表","columns":["a","b","c"],"cells":[{}]}}]}}]}}"#,
            cells.join(",")
        );
        let r = parse_report(&json).unwrap();
        let e = VIEWER_LIMITS
            .exceeded(json.len(), Some(&r))
            .expect("over the cell limit");
        assert!(
            e.to_string()
                .contains("表格单元格数为 100002，超过查看器的上限 100000"),
            "{e}"
        );
        let long = "好。".repeat(600_000);
        let json = format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022}},
            "sections":[{{"id":"p","title":"一","blocks":[{{"type":"paragraph","text":"{long}"}}]}}]}}"#
        );
        let r = parse_report(&json).unwrap();
        let e = VIEWER_LIMITS
            .exceeded(json.len(), Some(&r))
            .unwrap()
            .to_string();
        assert!(e.contains("文字字数为 1200001"), "{e}");
        assert!(VIEWER_LIMITS
            .exceeded(6 << 20, None)
            .unwrap()
            .to_string()
            .contains("文件大小"));
        // The demo reports are far below.
        for name in ["erlianhaote-2020", "sample-2021", "sample-2019"] {
            let text = std::fs::read_to_string(format!(
                "{}/public/reports/{name}.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap();
            assert_eq!(
                VIEWER_LIMITS.exceeded(text.len(), Some(&parse_report(&text).unwrap())),
                None
            );
        }
    }

    /// A report whose first part holds `blocks` and after it `parts` (JSON text each).
    fn shaped(blocks: &[String], parts: &[String]) -> String {
        let more: String = parts.iter().map(|p| format!(",{p}")).collect();
        format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022}},
            "sections":[{{"id":"p","title":"一","blocks":[{}]}}{more}]}}"#,
            blocks.join(",")
        )
    }

    #[test]
    fn reports_shaped_to_freeze_a_browser_are_named() {
        let table =
            |i: usize| format!(r#"{{"type":"table","id":"t{i}","columns":["a"],"cells":[["1"]]}}"#);
        let wide: Vec<String> = (0..301).map(|i| format!("\"{i}\"")).collect();
        let wide = format!(
            r#"{{"type":"table","id":"w","columns":["a"],"cells":[[{}]]}}"#,
            wide.join(",")
        );
        let rows: Vec<String> = (0..501)
            .map(|i| format!(r#""row_{i}":{{"total":1}}"#))
            .collect();
        let official = format!(
            r#"{{"type":"table","id":"o","template":"table3-2021","values":{{{}}}}}"#,
            rows.join(",")
        );
        let part = |i: usize| format!(r#"{{"id":"p{i}","title":"部分","blocks":[]}}"#);
        let cases = [
            (
                shaped(&(0..17).map(table).collect::<Vec<_>>(), &[]),
                "表格数为 17，超过查看器的上限 16",
            ),
            (
                shaped(&[wide], &[]),
                "一个表格的列数为 301，超过查看器的上限 300",
            ),
            (
                shaped(&[official], &[]),
                "一个统计表的行数为 501，超过查看器的上限 500",
            ),
            (
                shaped(&[], &(0..500).map(part).collect::<Vec<_>>()),
                "部分和小节数为 501，超过查看器的上限 500",
            ),
        ];
        for (json, said) in cases {
            let r = parse_report(&json).unwrap();
            let e = VIEWER_LIMITS
                .exceeded(json.len(), Some(&r))
                .expect(said)
                .to_string();
            assert!(e.contains(said), "{e}");
        }
        // At the limits, nothing is said.
        let at = shaped(
            &(0..16).map(table).collect::<Vec<_>>(),
            &(0..499).map(part).collect::<Vec<_>>(),
        );
        assert_eq!(
            VIEWER_LIMITS.exceeded(at.len(), Some(&parse_report(&at).unwrap())),
            None
        );
    }

    const OK: &str = r#"{"version":1,"meta":{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022},"sections":[]}"#;

    #[test]
    fn every_failure_has_a_plain_sentence_and_a_place() {
        assert!(read_report(OK.as_bytes()).is_ok());
        assert_eq!(parse_report(""), Err(LoadError::Empty));
        assert_eq!(parse_report("  \n"), Err(LoadError::Empty));
        assert_eq!(
            parse_report("<!DOCTYPE html><html><body>404</body></html>"),
            Err(LoadError::Html)
        );
        // Truncated anywhere: says so, with where it ends.
        let cut = &OK[..OK.len() - 20];
        assert!(matches!(
            parse_report(cut),
            Err(LoadError::Truncated { line: 1, .. })
        ));
        // A top-level array.
        let e = parse_report("[1, 2]").unwrap_err().to_string();
        assert!(e.contains("文件最外层是数组"), "{e}");
        // Deep nesting.
        // Sections nested 1,000 deep.
        let deep = format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022}},"sections":{}{}}}"#,
            r#"[{"id":"a","title":"t","sections":"#.repeat(1000),
            "[]}]".repeat(1000)
        );
        let e = parse_report(&deep).unwrap_err().to_string();
        assert!(e.contains("嵌套层数过深"), "{e}");
        assert!(e.chars().count() < 400, "the path is shortened: {e}");
        // A 100,000-deep array where a number belongs.
        let deep = format!(
            "{{\"version\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let e = parse_report(&deep).unwrap_err().to_string();
        assert!(e.contains("这里应是整数，文件中是数组"), "{e}");
        assert!(e.contains("位置：version"), "{e}");
        // A syntax error in words, with line and column.
        let e = parse_report("{\n  \"version\": 1,\n  \"meta\": [\n ,")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("不是有效的 JSON"), "{e}");
        assert!(e.contains("第 4 行"), "{e}");
    }

    #[test]
    fn long_values_are_quoted_short() {
        let long = "x".repeat(200_000);
        let json = OK.replace(
            "\"meta\":{",
            &format!("\"meta\":{{\"language\":\"zh\",\"title2\":1,\"published\":\"{long}\","),
        );
        let _ = json;
        let bad = format!(
            r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023","year":"{long}"}},"sections":[]}}"#
        );
        let e = parse_report(&bad).unwrap_err().to_string();
        assert!(e.chars().count() < 500, "{} characters", e.chars().count());
        assert!(e.contains("（共 200000 字）"), "{e}");
        assert!(e.starts_with("这里应是整数，文件中是文字 \"xxx"), "{e}");
    }

    #[test]
    fn a_gbk_file_is_named_as_such() {
        let (gbk, _, _) = encoding_rs_free_gbk();
        let e = read_report(&gbk).unwrap_err();
        let LoadError::NotUtf8 {
            line, offset, hint, ..
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!(*line, 1);
        assert_eq!(*offset, OK.find("\"T\"").unwrap() + 1);
        assert!(hint.contains("GBK"), "{hint}");
        // Bytes that are neither.
        let e = read_report(b"{\"version\": \xff}").unwrap_err().to_string();
        assert!(e.contains("不是 UTF-8") && !e.contains("GBK"), "{e}");
    }

    /// The OK report with its title "T" replaced by 报告 in GBK bytes (B1 A8 B8 E6).
    fn encoding_rs_free_gbk() -> (Vec<u8>, (), ()) {
        let at = OK.find("\"T\"").unwrap() + 1;
        let mut v = OK.as_bytes()[..at].to_vec();
        v.extend_from_slice(&[0xb1, 0xa8, 0xb8, 0xe6]);
        v.extend_from_slice(&OK.as_bytes()[at + 1..]);
        (v, (), ())
    }

    #[test]
    fn a_negative_year_is_said_in_words() {
        let json = r#"{"version":1,"meta":{"title":"T","agency":"A","published":"2023-01-20T10:00","year":-5},"sections":[]}"#;
        let e = crate::model::parse_report(json).unwrap_err().to_string();
        assert!(
            e.contains("不小于 0 的整数") && e.contains("-5") && e.contains("meta.year"),
            "{e}"
        );
        assert!(!e.contains("u16"), "{e}");
    }
}
