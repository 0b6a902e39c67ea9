//! Where in a report's JSON a reading error is, as a path (`sections[0].blocks[2].cells[3][1]`):
//! found from the error's line and column by reading the text up to there, so the report is
//! read once, by serde_json alone, and a path is only worked out when a file is broken (a
//! wrapper that tracks the path of every value while reading costs every reader ~50 KB of wasm).
//!
//! The path is that of the value the error is about: the value that ends where the error is
//! (a wrong type, a number too large, an unknown name: serde_json reports them after reading the
//! value; a missing field after the object's `}`), else the place being read (a key and its
//! value not yet complete, an item of a list).

/// One step of a path.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

enum Frame {
    Object {
        key: Option<String>,
        awaiting_key: bool,
    },
    Array {
        index: usize,
        has_item: bool,
    },
}

struct Reader<'a> {
    text: &'a [u8],
    /// What follows the error's place: a value that starts there is the value in question
    /// (serde_json reports a wrong type before taking its first character).
    after: &'a [u8],
    stack: Vec<Frame>,
    /// The path of the last value read to its end, and where it ended.
    completed: Option<(usize, Vec<Step>)>,
}

/// The path of the value at a serde_json error's line and column (1-based; the column counts
/// bytes and points at the last one read): "." for the whole file.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    path_at_offset(text, (line_start + column).min(bytes.len()))
}

/// The path of the value at a byte offset: see [`path_at`].
fn path_at_offset(text: &str, offset: usize) -> String {
    let mut r = Reader {
        text: &text.as_bytes()[..offset],
        after: &text.as_bytes()[offset..],
        stack: Vec::new(),
        completed: None,
    };
    let steps = r.read();
    show(&steps)
}

impl Reader<'_> {
    /// Reads to the end of the text; the path there.
    fn read(&mut self) -> Vec<Step> {
        let mut i = 0;
        let mut since_completed = false;
        while i < self.text.len() {
            let b = self.text[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            since_completed = true;
            i = match b {
                b'{' => self.open(
                    Frame::Object {
                        key: None,
                        awaiting_key: true,
                    },
                    i,
                ),
                b'[' => self.open(
                    Frame::Array {
                        index: 0,
                        has_item: false,
                    },
                    i,
                ),
                b'}' | b']' => {
                    self.stack.pop();
                    self.complete(i + 1);
                    since_completed = false;
                    i + 1
                }
                b',' => {
                    match self.stack.last_mut() {
                        Some(Frame::Object { awaiting_key, .. }) => *awaiting_key = true,
                        Some(Frame::Array { index, .. }) => *index += 1,
                        None => {}
                    }
                    i + 1
                }
                b':' => i + 1,
                b'"' => {
                    let (end, completed) = self.quoted(i);
                    if completed {
                        since_completed = false;
                    }
                    end
                }
                _ => {
                    since_completed = false;
                    self.scalar(i)
                }
            };
        }
        self.place(since_completed)
    }

    /// The path at the end of the text: the value just read, when nothing came after it; else
    /// the place being read.
    fn place(&mut self, since_completed: bool) -> Vec<Step> {
        match &self.completed {
            Some((_, steps)) if !since_completed => steps.clone(),
            _ => {
                let next = self.after.iter().find(|b| !b.is_ascii_whitespace());
                let at_key = matches!(
                    self.stack.last(),
                    Some(Frame::Object {
                        awaiting_key: true,
                        ..
                    })
                );
                if next.is_some_and(|b| !b",:]}".contains(b)) && !at_key {
                    self.start_value();
                }
                self.here()
            }
        }
    }

    /// A string at `i`: an object's key, or a value. Where it ends, and whether a value was
    /// read to its end.
    fn quoted(&mut self, i: usize) -> (usize, bool) {
        let (end, text) = self.string(i);
        let closed = self.text[end - 1] == b'"' && end > i + 1;
        if let Some(Frame::Object {
            key, awaiting_key, ..
        }) = self.stack.last_mut()
        {
            if *awaiting_key {
                // A key cut off by the end of the text is not yet a place.
                if closed {
                    *key = Some(text);
                    *awaiting_key = false;
                }
                return (end, false);
            }
        }
        self.start_value();
        if closed {
            self.complete(end);
        }
        (end, closed)
    }

    /// A number, true, false or null at `i`, read to the next delimiter: where it ends.
    fn scalar(&mut self, i: usize) -> usize {
        self.start_value();
        let end = self.text[i..]
            .iter()
            .position(|b| b",]} \t\r\n:".contains(b))
            .map_or(self.text.len(), |n| i + n);
        self.complete(end);
        end
    }

    fn open(&mut self, frame: Frame, i: usize) -> usize {
        self.start_value();
        self.stack.push(frame);
        i + 1
    }

    /// A value starts in the current container (a list's item is now there).
    fn start_value(&mut self) {
        if let Some(Frame::Array { has_item, .. }) = self.stack.last_mut() {
            *has_item = true;
        }
    }

    /// A value ended at `end`: its path is the current place.
    fn complete(&mut self, end: usize) {
        self.completed = Some((end, self.here()));
    }

    /// The path of the place being read.
    fn here(&self) -> Vec<Step> {
        self.stack
            .iter()
            .filter_map(|f| match f {
                Frame::Object {
                    key: Some(k),
                    awaiting_key: false,
                } => Some(Step::Key(k.clone())),
                Frame::Array {
                    index,
                    has_item: true,
                } => Some(Step::Index(*index)),
                _ => None,
            })
            .collect()
    }

    /// A string from its opening quote: where it ends (after the closing quote, or the end of
    /// the text) and its text (escapes read as written: keys of a report are plain).
    fn string(&self, start: usize) -> (usize, String) {
        let mut i = start + 1;
        let mut escaped = false;
        while i < self.text.len() {
            match self.text[i] {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    let inner = &self.text[start + 1..i];
                    return (i + 1, String::from_utf8_lossy(inner).into_owned());
                }
                _ => {}
            }
            i += 1;
        }
        let inner = &self.text[(start + 1).min(self.text.len())..];
        (self.text.len(), String::from_utf8_lossy(inner).into_owned())
    }
}

fn show(steps: &[Step]) -> String {
    if steps.is_empty() {
        return ".".into();
    }
    let mut out = String::new();
    for s in steps {
        match s {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path serde_json's own error position gives, reading `text` as `T`.
    fn path_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        path_at(text, e.line(), e.column())
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Meta {
        year: u16,
        title: String,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        meta: Meta,
        #[serde(default)]
        rows: Vec<Vec<u32>>,
    }

    #[test]
    fn a_wrong_type_is_placed_at_its_value() {
        assert_eq!(
            path_of::<Doc>(r#"{"meta": {"title": "t", "year": "2020"}}"#),
            "meta.year"
        );
        assert_eq!(
            path_of::<Doc>("{\n \"meta\": {\"title\": \"t\", \"year\": 2020},\n \"rows\": [[1, 2], [3, -4]]\n}"),
            "rows[1][1]"
        );
        assert_eq!(path_of::<Doc>(r#"{"meta": "2020"}"#), "meta");
        // A wrong type is reported before its first character is taken.
        assert_eq!(
            path_of::<Doc>("{\"meta\": {\"title\": \"t\", \"year\": 1},\n \"rows\": [\n  {}]}"),
            "rows[0]"
        );
    }

    #[test]
    fn a_missing_field_is_placed_at_its_object() {
        assert_eq!(path_of::<Doc>(r#"{"meta": {"title": "t"}}"#), "meta");
        assert_eq!(path_of::<Doc>(r#"{"rows": []}"#), ".");
    }

    #[test]
    fn a_number_too_large_and_keys_with_escapes() {
        assert_eq!(
            path_of::<Doc>(r#"{"meta": {"ti\"tle": 1, "title": "a\"b", "year": 70000}}"#),
            "meta.year"
        );
    }

    #[test]
    fn a_file_cut_off_is_placed_where_it_stops() {
        let cut = r#"{"meta": {"title": "t", "ye"#;
        assert_eq!(path_at_offset(cut, cut.len()), "meta");
        let cut = r#"{"rows": [[1, 2], [3, "#;
        assert_eq!(path_at_offset(cut, cut.len()), "rows[1][1]");
    }
}
