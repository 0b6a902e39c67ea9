//! Plain words for every way a report file fails to read: empty, a web page, truncated, not
//! UTF-8 (and whether it is GBK), not an object, a figure too large, nesting too deep, a wrong
//! value. Values in messages are quoted at most 80 characters.

use crate::labels::load::{Kind, Limit, LoadWords};
use crate::labels::{Labels, ZH};
use serde_json::error::Category;

/// Why a report could not be read: a plain sentence that names the cause, then where (the path in
/// the document, line and column) for the webmaster. Values are quoted at most 80 characters.
/// Worded by the labels ([`LoadError::describe`]); its `Display` is the Chinese, for report-tool.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe(&ZH))]
pub enum LoadError {
    /// Valid JSON text up to a point, but not the shape of a report, or not JSON at that point.
    Json {
        /// What is wrong.
        problem: JsonProblem,
        /// Path to the value, e.g. `sections[2].blocks[0].type` (`.` for the whole document).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A version of the format this viewer does not read.
    Version {
        /// The version in the file.
        found: u32,
        /// The version this viewer reads.
        supported: u32,
    },
    /// The body is empty.
    Empty,
    /// The body is a web page, not JSON (an error page, or a wrong address).
    Html,
    /// The body ends before the JSON does.
    Truncated {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Larger than the viewer renders (see [`VIEWER_LIMITS`](super::VIEWER_LIMITS)).
    TooLarge {
        /// What was counted.
        what: Limit,
        /// How many.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not UTF-8.
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
        /// 0-based byte offset of the first bad byte.
        offset: usize,
        /// The bytes read as GBK.
        gbk: bool,
    },
}

/// What is wrong at a place in a report's JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// The outermost value is not an object: an array, a string, a number, or (as written)
    /// true/false or null.
    Outermost(Result<usize, &'static str>),
    /// Nested deeper than a report goes.
    TooDeep,
    /// A number too large or too precise to read (the parser's words, quoted short).
    NumberTooLarge(String),
    /// A negative or too large a number where a count or a year goes (the value).
    NotACount(String),
    /// A value of the wrong kind: what goes there, what the file has (a kind, or the parser's
    /// word for it), and the value when it is quoted.
    WrongType {
        /// What goes there.
        expected: Result<Kind, String>,
        /// What the file has.
        found: Result<Kind, String>,
        /// The value, quoted short (with a space before it), or empty.
        value: String,
    },
    /// Not JSON (the parser's words).
    Syntax(String),
    /// Any other mismatch with the format (the parser's words).
    Mismatch(String),
}

impl LoadError {
    /// The error in these labels' words: the cause, then where.
    pub fn describe(&self, l: &Labels) -> String {
        let w = &l.load;
        let n = |v: &usize| v.to_string();
        match self {
            LoadError::Json {
                problem,
                path,
                line,
                column,
            } => Labels::fill(
                w.at,
                &[
                    ("message", &problem.describe(w)),
                    ("path", path),
                    ("line", &n(line)),
                    ("column", &n(column)),
                ],
            ),
            LoadError::Version { found, supported } => Labels::fill(
                w.version,
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            LoadError::Empty => w.empty.into(),
            LoadError::Html => w.html.into(),
            LoadError::Truncated { line, column } => {
                Labels::fill(w.truncated, &[("line", &n(line)), ("column", &n(column))])
            }
            LoadError::TooLarge { what, found, limit } => Labels::fill(
                w.too_large,
                &[
                    ("what", w.limit(*what)),
                    ("found", &n(found)),
                    ("limit", &n(limit)),
                ],
            ),
            LoadError::NotUtf8 {
                line,
                column,
                offset,
                gbk,
            } => Labels::fill(
                w.not_utf8,
                &[
                    ("line", &n(line)),
                    ("column", &n(column)),
                    ("offset", &n(offset)),
                    ("hint", if *gbk { w.gbk_hint } else { w.utf8_hint }),
                ],
            ),
        }
    }
}

impl JsonProblem {
    fn describe(&self, w: &LoadWords) -> String {
        let kind = |k: &Result<Kind, String>| match k {
            Ok(k) => w.kind(*k).to_string(),
            Err(word) => word.clone(),
        };
        match self {
            JsonProblem::Outermost(what) => {
                let what = match what {
                    Ok(i) => w.outermost_kinds[*i],
                    Err(word) => word,
                };
                Labels::fill(w.outermost, &[("what", what)])
            }
            JsonProblem::TooDeep => w.too_deep.into(),
            JsonProblem::NumberTooLarge(detail) => {
                Labels::fill(w.number_too_large, &[("detail", detail)])
            }
            JsonProblem::NotACount(value) => Labels::fill(w.not_a_count, &[("value", value)]),
            JsonProblem::WrongType {
                expected,
                found,
                value,
            } => Labels::fill(
                w.wrong_type,
                &[
                    ("expected", &kind(expected)),
                    ("found", &kind(found)),
                    ("value", value),
                ],
            ),
            JsonProblem::Syntax(detail) => Labels::fill(w.syntax, &[("detail", detail)]),
            JsonProblem::Mismatch(detail) => Labels::fill(w.mismatch, &[("detail", detail)]),
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
    LoadError::NotUtf8 {
        line,
        column,
        offset,
        gbk: reads_as_gbk(bytes),
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
    let what = match first {
        '{' => return None,
        '[' => Ok(0),
        '"' => Ok(1),
        '0'..='9' | '-' => Ok(2),
        't' | 'f' => Err("true/false"),
        'n' => Err("null"),
        _ => return None,
    };
    let offset = text.len() - t.len();
    let (line, column) = place(text.as_bytes(), offset);
    Some(LoadError::Json {
        problem: JsonProblem::Outermost(what),
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

/// A serde type name as a kind of value ("u32" → an integer, "sequence" → an array), or the
/// parser's word for it (true/false, null, or its own, quoted short).
fn kind_of(kind: &str) -> Result<Kind, String> {
    let k = kind.trim();
    match k {
        _ if k.starts_with("sequence") || k.starts_with("a sequence") => Ok(Kind::Array),
        _ if k.starts_with("map") || k.starts_with("struct") || k.starts_with("a map") => {
            Ok(Kind::Object)
        }
        _ if k.starts_with("string") || k.starts_with("a string") => Ok(Kind::Text),
        _ if k.starts_with("integer") || k.starts_with('u') || k.starts_with('i') => {
            Ok(Kind::Integer)
        }
        _ if k.starts_with("floating") || k.starts_with('f') => Ok(Kind::Number),
        _ if k.starts_with("boolean") || k.starts_with("a boolean") => Err("true/false".into()),
        _ if k.starts_with("null") => Err("null".into()),
        _ => Err(shorten(k)),
    }
}

/// The parser's error as what is wrong and where.
pub(super) fn explain(e: serde_json::Error, path: String) -> LoadError {
    let (line, column) = (e.line(), e.column());
    let detail = e.to_string();
    let detail = detail.split(" at line ").next().unwrap_or_default();
    if e.classify() == Category::Eof {
        return LoadError::Truncated { line, column };
    }
    let problem = if detail.contains("recursion limit") {
        JsonProblem::TooDeep
    } else if detail.contains("too many decimal places")
        || detail.contains("number out of range")
        || detail.contains("too large")
    {
        JsonProblem::NumberTooLarge(shorten(detail))
    } else if let Some(rest) = detail
        .strip_prefix("invalid value: integer `")
        .filter(|r| r.contains("expected u"))
    {
        // A negative or too large a number where a count or a year goes (`expected u16`).
        JsonProblem::NotACount(shorten(rest.split('`').next().unwrap_or_default()))
    } else if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        JsonProblem::WrongType {
            expected: kind_of(expected),
            found: kind_of(found),
            value: found
                .find(['"', '`'])
                .map(|i| format!(" {}", shorten(&found[i..])))
                .unwrap_or_default(),
        }
    } else if e.classify() == Category::Syntax {
        JsonProblem::Syntax(shorten(detail))
    } else {
        JsonProblem::Mismatch(shorten(detail))
    };
    LoadError::Json {
        problem,
        path: short_path(&path),
        line,
        column,
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
            line, offset, gbk, ..
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!(*line, 1);
        assert_eq!(*offset, OK.find("\"T\"").unwrap() + 1);
        assert!(*gbk);
        assert!(e.to_string().contains("GBK"), "{e}");
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
