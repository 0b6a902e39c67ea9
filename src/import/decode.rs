//! Bytes to text: UTF-8 (with or without BOM), or GBK/GB2312 (decoded as GB18030, its superset)
//! when the page declares it or is not valid UTF-8.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Where decoding replaced bytes that are not valid in the page's encoding: how many, and the
/// (line, column) of the first few. `None` when every byte decoded.
pub fn replaced(text: &str) -> Option<(usize, Vec<(usize, usize)>)> {
    let mut count = 0;
    let mut first = Vec::new();
    for (l, line) in text.lines().enumerate() {
        for (c, ch) in line.chars().enumerate() {
            if ch == '\u{fffd}' {
                count += 1;
                if first.len() < 5 {
                    first.push((l + 1, c + 1));
                }
            }
        }
    }
    (count > 0).then_some((count, first))
}

/// The text (borrowed when the bytes are UTF-8 already) and the encoding it was read as.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text, enc.name());
    }
    if let Some(enc) = declared_charset(bytes) {
        if enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE {
            let (text, _, _) = enc.decode(bytes);
            return (text, enc.name());
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), "UTF-8"),
        Err(_) => {
            let (text, _, _) = GB18030.decode(bytes);
            (text, "GB18030")
        }
    }
}

/// The charset a page declares in its first few kilobytes (`<meta charset=gbk>` or
/// `content="text/html; charset=gb2312"`). GBK and GB2312 map to GB18030.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset")?;
    let rest = head[at + "charset".len()..].trim_start_matches([' ', '=', '"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let enc = Encoding::for_label(label.as_bytes())?;
    // encoding_rs maps gbk/gb2312 to GBK; GB18030 decodes every GBK page and more.
    if enc.name() == "GBK" {
        Some(GB18030)
    } else {
        Some(enc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_gbk_and_boms() {
        let text = "二连浩特市政府信息公开";
        assert_eq!(decode(text.as_bytes()), (Cow::Borrowed(text), "UTF-8"));
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let page = [b"<meta charset=\"gb2312\">".as_slice(), &gbk].concat();
        let (decoded, enc) = decode(&page);
        assert!(decoded.ends_with(text));
        assert_eq!(enc, "gb18030");
        // Undeclared but not UTF-8: GBK.
        assert_eq!(decode(&gbk).0, text);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom).0, text);
        assert_eq!(replaced(text), None);
    }

    #[test]
    fn invalid_gbk_bytes_are_counted_and_located() {
        let (gbk, _, _) = encoding_rs::GBK.encode("第一行\n第二行");
        // Two bytes no GBK sequence starts with, in the second line.
        let mut bad = gbk.to_vec();
        bad.extend_from_slice(b"\xff\xff");
        let page = [b"<meta charset=\"gbk\">\n".as_slice(), &bad].concat();
        let (text, _) = decode(&page);
        let (count, at) = replaced(&text).expect("replacements");
        assert_eq!(count, 2);
        assert_eq!(at[0], (3, 4));
    }
}
