//! The few text patterns the importer looks for — numbered headings, page chrome, metadata
//! fields, dates — as plain string scanning. The importer also runs in the browser (enhance
//! mode), where a regular-expression engine would cost hundreds of kilobytes.

use crate::model::cell::{ascii_digit, is_digit};

const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// Digits in ASCII: "２０２１" → "2021".
pub fn ascii_digits(s: &str) -> String {
    s.chars().map(ascii_digit).collect()
}

fn is_chinese_numeral(c: char) -> bool {
    CHINESE_NUMERALS.contains(c)
}

/// A numbered line: `number` is the numbering as written ("一、", "（二）", "3."), `digits` the
/// numeral inside it, `title` the text after it (never empty).
#[derive(Debug, PartialEq, Eq)]
pub struct Numbered<'a> {
    pub number: &'a str,
    pub digits: &'a str,
    pub title: &'a str,
    /// Byte offset of the title in the line.
    pub title_at: usize,
}

/// `line` begins with optional `open`, a run of `digit` characters, then one of `close`,
/// white space, and a title.
fn numbered<'a>(
    line: &'a str,
    open: &[char],
    digit: fn(char) -> bool,
    close: &[char],
) -> Option<Numbered<'a>> {
    let mut rest = line;
    if !open.is_empty() {
        rest = rest.strip_prefix(open)?;
    }
    let start = line.len() - rest.len();
    let run = rest.find(|c: char| !digit(c)).unwrap_or(rest.len());
    if run == 0 {
        return None;
    }
    let digits = &line[start..start + run];
    let after = rest[run..].strip_prefix(close)?;
    let number = &line[..line.len() - after.len()];
    let title = after.trim_start();
    let title_at = line.len() - title.len();
    (!title.is_empty()).then_some(Numbered {
        number,
        digits,
        title,
        title_at,
    })
}

/// "一、总体情况": a part's numbering.
pub fn part_number(line: &str) -> Option<Numbered<'_>> {
    numbered(line, &[], is_chinese_numeral, &['、', '.', '．'])
}

/// "（一）主动公开": a subsection's numbering.
pub fn subsection_number(line: &str) -> Option<Numbered<'_>> {
    numbered(line, &['（', '('], is_chinese_numeral, &['）', ')'])
}

/// "1." or "（1）": an item's numbering.
pub fn item_number(line: &str) -> Option<Numbered<'_>> {
    numbered(line, &[], is_digit, &['.', '．', '、'])
        .or_else(|| numbered(line, &['（', '('], is_digit, &['）', ')']))
}

fn trim_chars<'a>(s: &'a str, chars: &[char]) -> &'a str {
    s.trim_matches(|c: char| c.is_whitespace() || chars.contains(&c))
}

/// A whole line of page chrome (font size links, print and close buttons, share bars, footer
/// registration numbers, contact lines, breadcrumbs).
pub fn is_chrome_line(line: &str) -> bool {
    const ANYWHERE: &[&str] = &[
        "打印本页",
        "关闭窗口",
        "扫一扫",
        "在手机打开",
        "网站标识码",
        "ICP备",
        "公网安备",
    ];
    const BUTTONS: &[&str] = &[
        "打印",
        "关闭",
        "收藏",
        "返回顶部",
        "无障碍",
        "关怀版",
        "长者版",
        "适老版",
        "附件下载",
        "相关链接",
        "相关链接:",
        "相关链接：",
        "文件下载",
    ];
    const STARTS: &[&str] = &["分享到", "版权所有", "Copyright"];
    const LABELS: &[&str] = &["上一篇", "下一篇", "当前位置"];
    const CONTACTS: &[&str] = &[
        "联系电话",
        "电话",
        "邮箱",
        "电子邮箱",
        "传真",
        "邮编",
        "联系地址",
        "地址",
    ];
    const SHARE: &[&str] = &["微信", "微博", "QQ空间", "全真版", "文字版", "-->", "<!--"];
    let colon = |s: &str| s.strip_prefix([':', '：']).is_some();
    font_sizes(line)
        || ANYWHERE.iter().any(|w| line.contains(w))
        || STARTS.iter().any(|w| line.starts_with(w))
        || BUTTONS.contains(&trim_chars(line, &['【', '】']))
        || save_hint(line)
        || LABELS
            .iter()
            .any(|w| line.strip_prefix(w).is_some_and(colon))
        || line
            .strip_prefix("首页")
            .is_some_and(|r| r.trim_start().starts_with(['>', '＞']))
        || CONTACTS.iter().any(|w| {
            line.strip_prefix(w)
                .and_then(|r| r.strip_prefix([':', '：']))
                .is_some_and(|r| r.chars().count() <= 40 && !r.contains('。'))
        })
        || (line.contains("正文") && trim_chars(line, &['=', '-', '*', '#']) == "正文")
        || (!line.trim().is_empty()
            && line.trim() == line
            && line.split_whitespace().all(|w| SHARE.contains(&w)))
}

/// "字体：【大 中 小】".
fn font_sizes(line: &str) -> bool {
    let skip = |s: &str| {
        s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '【' | '】'))
            .to_string()
    };
    line.strip_prefix("字体")
        .map(skip)
        .and_then(|r| r.strip_prefix('大').map(skip))
        .is_some_and(|r| r.starts_with('中'))
}

/// "Command+S 保存", "Ctrl + S".
fn save_hint(line: &str) -> bool {
    ["Command", "Ctrl"].iter().any(|key| {
        line.match_indices(key).any(|(at, _)| {
            line[at + key.len()..]
                .trim_start()
                .strip_prefix('+')
                .is_some_and(|r| r.trim_start().starts_with('S'))
        })
    })
}

/// Read-aloud controls glued to the start of a line ("朗读", "【朗读】", "播放", "语音播报"): the
/// length of that prefix in bytes.
pub fn read_aloud_prefix(line: &str) -> usize {
    for word in ["朗读"] {
        if line.starts_with(word) {
            return word.len();
        }
    }
    let rest = line.strip_prefix('【').unwrap_or(line).trim_start();
    if let Some(after) = rest.strip_prefix("朗读") {
        let after = after.trim_start();
        let after = after.strip_prefix('】').unwrap_or(after);
        return line.len() - after.len();
    }
    ["播放", "语音播报"]
        .iter()
        .find(|w| line.starts_with(*w))
        .map_or(0, |w| w.len())
}

/// Metadata field labels, longest first where one begins another.
const META_LABELS: &[&str] = &[
    "主办单位",
    "承办单位",
    "主办",
    "承办",
    "信息来源",
    "来源",
    "发布机构",
    "发布日期",
    "发布时间",
    "公开日期",
    "成文日期",
    "时间",
    "点击量",
    "浏览次数",
    "访问量",
    "阅读量",
    "点击数",
];

/// A metadata label in a line ("来源：", "发布日期 : "): where it starts, where its value
/// starts, and the label.
#[derive(Debug, PartialEq, Eq)]
pub struct MetaLabel {
    pub start: usize,
    pub value_at: usize,
    pub label: &'static str,
}

/// Every metadata label in the line, left to right, not overlapping.
pub fn meta_labels(line: &str) -> Vec<MetaLabel> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < line.len() {
        let rest = &line[at..];
        let found = META_LABELS.iter().find_map(|label| {
            let after = rest.strip_prefix(label)?.trim_start();
            let after = after.strip_prefix([':', '：'])?.trim_start();
            Some((label, line.len() - after.len()))
        });
        match found {
            Some((label, value_at)) => {
                out.push(MetaLabel {
                    start: at,
                    value_at,
                    label,
                });
                at = value_at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// A run of digits (ASCII or full-width) at the start, at most `max` long: the digits in ASCII,
/// and the rest.
fn digits(s: &str, max: usize) -> Option<(String, &str)> {
    let end = s
        .char_indices()
        .take(max)
        .take_while(|(_, c)| is_digit(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    Some((ascii_digits(&s[..end]), &s[end..]))
}

/// A date at the start of a value ("2021-01-15", "2021年1月15日 09:30", "2021/1/5"): ISO
/// `YYYY-MM-DD`, with `THH:MM` when a time follows.
pub fn date_at_start(value: &str) -> Option<String> {
    let (year, rest) = digits(value, 4).filter(|(y, _)| y.len() == 4)?;
    let rest = rest.trim_start().strip_prefix(['-', '年', '/', '.'])?;
    let (month, rest) = digits(rest.trim_start(), 2)?;
    let rest = rest.trim_start().strip_prefix(['-', '月', '/', '.'])?;
    let (day, rest) = digits(rest.trim_start(), 2)?;
    let mut date = format!("{year}-{month:0>2}-{day:0>2}");
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('日').unwrap_or(rest).trim_start();
    let time = digits(rest, 2).and_then(|(h, r)| {
        let (m, _) = digits(r.strip_prefix(':')?, 2).filter(|(m, _)| m.len() == 2)?;
        Some((h, m))
    });
    if let Some((h, m)) = time {
        date.push_str(&format!("T{h:0>2}:{m}"));
    }
    Some(date)
}

/// The first "2021年" (four digits, then 年) in a title.
pub fn year_in(title: &str) -> Option<u16> {
    title.char_indices().find_map(|(at, _)| {
        let (year, rest) = digits(&title[at..], 4).filter(|(y, _)| y.len() == 4)?;
        rest.trim_start()
            .starts_with('年')
            .then(|| year.parse().ok())?
    })
}

/// "收到政府信息公开申请141件" in a paragraph: the byte range of the clause from 收到 to the
/// unit, and the count.
pub fn stated_requests(text: &str) -> Option<(usize, usize, i64)> {
    const WHAT: &[&str] = &[
        "依申请公开信息",
        "政府信息公开申请",
        "信息公开申请",
        "依申请公开申请",
    ];
    for (start, _) in text.match_indices("收到") {
        let after = &text[start + "收到".len()..];
        for what in WHAT {
            let Some(rest) = after.strip_prefix(what) else {
                continue;
            };
            if let Some((end, count)) = count_within(rest) {
                return Some((start, text.len() - rest.len() + end, count));
            }
        }
    }
    None
}

/// Up to six characters (no clause punctuation), then a number and 条, 件 or 个: the byte end
/// of the unit and the number.
fn count_within(rest: &str) -> Option<(usize, i64)> {
    let mut at = 0;
    for step in 0..=6 {
        if step > 0 {
            let c = rest[at..].chars().next()?;
            if matches!(c, '，' | '。' | ',' | '；' | ';') {
                return None;
            }
            at += c.len_utf8();
        }
        let Some((number, after)) = digits(&rest[at..], usize::MAX) else {
            continue;
        };
        let unit = after.trim_start();
        if unit.starts_with(['条', '件', '个']) {
            let end = rest.len() - unit.len() + unit.chars().next().map_or(0, char::len_utf8);
            if let Ok(n) = number.parse() {
                return Some((end, n));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings() {
        let n = part_number("一、 总体情况").unwrap();
        assert_eq!((n.number, n.digits, n.title), ("一、", "一", "总体情况"));
        assert_eq!(&"一、 总体情况"[n.title_at..], "总体情况");
        let n = subsection_number("(十一)其他").unwrap();
        assert_eq!((n.number, n.digits, n.title), ("(十一)", "十一", "其他"));
        let n = item_number("（3）第三项").unwrap();
        assert_eq!((n.number, n.digits, n.title), ("（3）", "3", "第三项"));
        assert_eq!(item_number("12．说明").unwrap().digits, "12");
        assert!(part_number("一、").is_none(), "no title");
        assert!(part_number("第一、").is_none());
        assert!(subsection_number("（一总体").is_none());
        assert!(item_number("2021年").is_none());
    }

    #[test]
    fn chrome_lines() {
        for line in [
            "字体：【大 中 小】",
            "【打印本页】【关闭窗口】",
            "分享到：",
            "【 打印 】",
            "相关链接：",
            "Command + S 保存",
            "网站标识码：1525000001",
            "蒙ICP备05001588号",
            "上一篇：某某",
            "首页 > 政务公开",
            "电话：0479-7520000",
            "==== 正文 ====",
            "微信 微博 QQ空间",
        ] {
            assert!(is_chrome_line(line), "{line}");
        }
        for line in [
            "打印机采购",
            "电话：一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
            "电话：欢迎来电。",
            "微信微博",
            "正文如下",
            "字体大小",
        ] {
            assert!(!is_chrome_line(line), "{line}");
        }
    }

    #[test]
    fn read_aloud_prefixes() {
        assert_eq!(read_aloud_prefix("朗读一、总体情况"), "朗读".len());
        assert_eq!(read_aloud_prefix("【 朗读 】一、"), "【 朗读 】".len());
        assert_eq!(read_aloud_prefix("语音播报 正文"), "语音播报".len());
        assert_eq!(read_aloud_prefix("一、总体情况"), 0);
    }

    #[test]
    fn metadata_labels() {
        let line = "来源：某局 发布时间 : 2022-02-08 16:34";
        let found = meta_labels(line);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].start, found[0].label), (0, "来源"));
        assert_eq!(
            &line[found[0].value_at..],
            "某局 发布时间 : 2022-02-08 16:34"
        );
        assert_eq!(found[1].label, "发布时间");
        assert_eq!(&line[found[1].value_at..], "2022-02-08 16:34");
        assert_eq!(meta_labels("主办单位：某市")[0].label, "主办单位");
        assert!(meta_labels("时间不等人").is_empty());
    }

    #[test]
    fn dates_years_and_stated_requests() {
        assert_eq!(date_at_start("2021年1月5日").as_deref(), Some("2021-01-05"));
        assert_eq!(
            date_at_start("2022-02-08 16:34:10").as_deref(),
            Some("2022-02-08T16:34")
        );
        assert_eq!(
            date_at_start("2021/12/31 9:5").as_deref(),
            Some("2021-12-31")
        );
        assert_eq!(date_at_start("某年"), None);
        assert_eq!(date_at_start("20211-01-01"), None);
        assert_eq!(year_in("某市12021年报告"), Some(2021));
        assert_eq!(year_in("2020 年度"), Some(2020));
        assert_eq!(year_in("无年份"), None);
        // Full-width digits, as text pasted from Word has them.
        assert_eq!(
            date_at_start("２０２２年２月８日").as_deref(),
            Some("2022-02-08")
        );
        assert_eq!(year_in("某市２０２１年度报告"), Some(2021));
        assert_eq!(
            item_number("（１）说明")
                .map(|n| ascii_digits(n.digits))
                .as_deref(),
            Some("1")
        );
        let text = "收到政府信息公开申请１４１件。";
        assert_eq!(stated_requests(text).map(|(_, _, n)| n), Some(141));
        let text = "全年，收到政府信息公开申请共141件，同比增长。";
        let (start, end, n) = stated_requests(text).unwrap();
        assert_eq!((&text[start..end], n), ("收到政府信息公开申请共141件", 141));
        assert_eq!(stated_requests("收到依申请公开信息，共1条"), None);
    }
}
