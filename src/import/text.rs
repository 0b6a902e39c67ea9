//! Text copies of report pages: the header block that archives and portal exports put on top
//! ("标题: …", "发布时间: …" above a line of = signs), and bodies whose parts run inline
//! ("…情况如下：一、总体情况（一）主动公开…二、主动公开政府信息情况…"), split back into lines at
//! the numbering, with tables whose cells ran together kept apart as flattened table text.

use super::item::Item;

/// Header fields a text copy may carry, and the metadata field each gives.
const HEADER_FIELDS: &[(&str, &str)] = &[
    ("标题", "标题"),
    ("发布时间", "发布日期"),
    ("发布日期", "发布日期"),
    ("公开日期", "发布日期"),
    ("成文日期", "成文日期"),
    ("发布机构", "发布机构"),
    ("来源", "来源"),
    ("原文链接", "原文链接"),
    ("文号", "文号"),
    ("栏目", "栏目"),
    ("本地目录", "本地目录"),
];

/// A text copy's header fields, the body lines, and the lines taken as header or separator.
pub struct Header {
    /// (field, value) pairs from the header block.
    pub fields: Vec<(String, String)>,
    /// The lines after the header.
    pub body: Vec<String>,
    /// Header lines not used as metadata (kept for the importer's report).
    pub dropped: Vec<String>,
}

fn is_separator(line: &str) -> bool {
    let marks = line
        .chars()
        .filter(|c| matches!(c, '=' | '-' | '*' | '#'))
        .count();
    marks >= 6 && line.chars().count() <= 60
}

fn header_field(line: &str) -> Option<(&'static str, String)> {
    let (key, value) = line.split_once([':', '：'])?;
    let key = key.trim();
    let (_, field) = HEADER_FIELDS.iter().find(|(k, _)| *k == key)?;
    Some((field, value.trim().to_string()))
}

/// Splits off a header block: leading `key: value` lines ended by a separator line (or, with no
/// separator, only known header fields before the first other line).
pub fn split_header(lines: Vec<String>) -> Header {
    let sep = lines.iter().take(20).position(|l| is_separator(l));
    let mut fields = Vec::new();
    let mut dropped = Vec::new();
    let body_start = match sep {
        Some(s) => {
            for l in &lines[..s] {
                match header_field(l) {
                    Some((f, v)) => fields.push((f.to_string(), v)),
                    None => dropped.push(l.clone()),
                }
            }
            dropped.push(lines[s].clone());
            s + 1
        }
        None => {
            let n = lines
                .iter()
                .take_while(|l| header_field(l).is_some_and(|(_, v)| !v.is_empty()))
                .count();
            // One stray "来源：…" line is chrome for the importer to read, not a header block.
            if n >= 2 {
                for l in &lines[..n] {
                    if let Some((f, v)) = header_field(l) {
                        fields.push((f.to_string(), v));
                    }
                }
                n
            } else {
                0
            }
        }
    };
    Header {
        fields,
        body: lines.into_iter().skip(body_start).collect(),
        dropped,
    }
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// What part titles end with in real reports (总体情况, 概述, 其他需要报告的事项, 主要问题和改进措施,
/// 政府信息公开情况统计表 …).
const TITLE_ENDINGS: &[&str] = &["情况", "事项", "措施", "概述", "统计表"];

/// The length in bytes of a part title at the start of `rest` ("总体情况2019年，…" → "总体情况"),
/// when one ends within 40 characters before any sentence punctuation.
fn title_end(rest: &str) -> Option<usize> {
    let mut best: Option<usize> = None;
    for ending in TITLE_ENDINGS {
        if let Some(i) = rest.find(ending) {
            let end = i + ending.len();
            if best.is_none_or(|b| end < b) {
                best = Some(end);
            }
        }
    }
    let mut end = best?;
    // "…情况统计表": an ending may follow another.
    while let Some(more) = TITLE_ENDINGS.iter().find(|e| rest[end..].starts_with(*e)) {
        end += more.len();
    }
    let title = &rest[..end];
    let ok = title.chars().count() <= 40
        && !title.contains(['。', '；', ';', '，', ',', '：', ':', '！', '？'])
        && !title.chars().any(|c| c.is_ascii_digit());
    ok.then_some(end)
}

fn boundary_before(text: &str, at: usize) -> bool {
    match text[..at].chars().next_back() {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || c.is_ascii_alphanumeric()
                || "。；;：:！？!?）)”\"’】>元件条个项".contains(c)
        }
    }
}

/// Which flattened official table starts in `text`, and where: the words of its header must all
/// be there (a sentence that cites 第二十条 is not a table).
fn flat_table_start(text: &str) -> Option<usize> {
    let has = |w: &str| text.contains(w);
    let mut starts = Vec::new();
    if has("第二十条第")
        && has("信息内容")
        && (has("本年制发件数") || has("本年新制作数量") || has("处理决定数量"))
    {
        starts.push(text.find("第二十条第")?);
    }
    if has("申请人情况") && has("自然人") && has("法人或其他组织") {
        let a = text.find("（本列数据");
        let b = text.find("申请人情况")?;
        starts.push(a.filter(|a| *a < b).unwrap_or(b));
    }
    if has("结果维持") && has("结果纠正") && has("尚未审结") {
        let first = text.find("结果维持")?;
        let head = &text[..first];
        starts.push(head.rfind("行政复议").unwrap_or(first));
    }
    if has("指标名称") && has("计量单位") {
        starts.push(text.find("指标名称")?);
    }
    starts.into_iter().min()
}

/// Splits lines whose parts run inline. `next_part` is the number of parts found so far; lines
/// that start a part count too. Returns the pieces and how many splits were made.
pub fn split_inline(items: Vec<Item>) -> (Vec<Item>, usize) {
    let mut out = Vec::new();
    let mut parts = 0usize;
    let mut splits = 0usize;
    for item in items {
        let Item::Line(line) = item else {
            out.push(item);
            continue;
        };
        let pieces = split_line(&line, &mut parts);
        splits += pieces.len().saturating_sub(1);
        out.extend(pieces);
    }
    (out, splits)
}

fn split_line(line: &str, parts: &mut usize) -> Vec<Item> {
    let cuts = cut_points(line, parts);
    if cuts.is_empty()
        || (cuts.len() == 1 && cuts[0].0 == 0 && line.len() == cuts[0].1.unwrap_or(0))
    {
        return vec![Item::Line(line.to_string())];
    }
    let mut out = Vec::new();
    for p in pieces(line, &cuts) {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        // Within the text of a part, a flattened table runs from its header to the next part.
        match flat_table_start(p) {
            Some(at) => {
                let before = p[..at].trim();
                if !before.is_empty() {
                    out.push(Item::Line(before.to_string()));
                }
                out.push(Item::Flat(p[at..].trim().to_string()));
            }
            None => out.push(Item::Line(p.to_string())),
        }
    }
    out
}

/// Where a line holding several parts is cut: (byte offset, the length of a part heading with its
/// title, or None for a subsection marker). Counts the parts seen in `parts`.
fn cut_points(line: &str, parts: &mut usize) -> Vec<(usize, Option<usize>)> {
    let mut cuts: Vec<(usize, Option<usize>)> = Vec::new();
    let mut sub = 0usize;
    let mut head_end = usize::MAX;
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        match part_heading_at(line, i, *parts) {
            PartAt::Heading(head) => {
                cuts.push((i, Some(head)));
                *parts += 1;
                sub = 0;
                i += head;
                head_end = i;
                continue;
            }
            PartAt::WholeLine => {
                *parts += 1;
                break;
            }
            PartAt::No => {}
        }
        if let Some(numeral) = NUMERALS.get(sub).filter(|_| *parts > 0) {
            let marker = format!("（{numeral}）");
            if i > 0 && rest.starts_with(&marker) && (i == head_end || boundary_before(line, i)) {
                cuts.push((i, None));
                sub += 1;
                i += marker.len();
                continue;
            }
        }
        i += rest.chars().next().map(char::len_utf8).unwrap_or(1);
    }
    cuts
}

/// What starts at byte `i`: the next part's heading with its title (its length), a line that is
/// that heading alone, or neither.
enum PartAt {
    Heading(usize),
    WholeLine,
    No,
}

fn part_heading_at(line: &str, i: usize, parts: usize) -> PartAt {
    let rest = &line[i..];
    let Some(numeral) = NUMERALS.get(parts) else {
        return PartAt::No;
    };
    if !rest.starts_with(numeral) || !boundary_before(line, i) {
        return PartAt::No;
    }
    let Some(after) = rest[numeral.len()..].strip_prefix('、') else {
        return PartAt::No;
    };
    let title_start = after.len() - after.trim_start().len();
    if let Some(end) = title_end(after.trim_start()) {
        PartAt::Heading(numeral.len() + '、'.len_utf8() + title_start + end)
    } else if i == 0 && super::item::heading_like(after.trim(), 40) {
        PartAt::WholeLine
    } else {
        PartAt::No
    }
}

/// The segments between cuts; a part heading is its own piece.
fn pieces(line: &str, cuts: &[(usize, Option<usize>)]) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut bounds: Vec<usize> = cuts.iter().map(|c| c.0).collect();
    bounds.push(line.len());
    if cuts[0].0 > 0 {
        pieces.push(line[..cuts[0].0].to_string());
    }
    for (k, (start, head)) in cuts.iter().enumerate() {
        let end = bounds[k + 1];
        match head {
            Some(h) => {
                pieces.push(line[*start..start + h].to_string());
                pieces.push(line[start + h..end].to_string());
            }
            None => pieces.push(line[*start..end].to_string()),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Line(l) => l.clone(),
                Item::Flat(t) => format!("[flat]{t}"),
                Item::Table(_) => "[table]".into(),
            })
            .collect()
    }

    #[test]
    fn parts_running_inline_are_split_at_their_numbering() {
        let text = "本报告情况如下：一、总体情况（一）主动公开今年公开100条。（二）依申请公开收到申请3件。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000三、收到和处理政府信息公开申请情况无。四、政府信息公开行政复议、行政诉讼情况无。五、存在的主要问题及改进情况问题。六、其他需要报告的事项无。";
        let (items, splits) = split_inline(vec![Item::Line(text.into())]);
        assert_eq!(
            lines(&items),
            vec![
                "本报告情况如下：",
                "一、总体情况",
                "（一）主动公开今年公开100条。",
                "（二）依申请公开收到申请3件。",
                "二、主动公开政府信息情况",
                "[flat]第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000",
                "三、收到和处理政府信息公开申请情况",
                "无。",
                "四、政府信息公开行政复议、行政诉讼情况",
                "无。",
                "五、存在的主要问题及改进情况",
                "问题。",
                "六、其他需要报告的事项",
                "无。",
            ]
        );
        assert!(splits >= 10);
    }

    #[test]
    fn a_table_row_label_is_not_a_part() {
        // 四、结转下年度继续办理 inside part 三's flattened table, before part 四.
        let text = "一、总体情况好。二、主动公开政府信息情况无。三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量1001四、结转下年度继续办理 0 0 四、政府信息公开行政复议、行政诉讼情况 无。";
        let (items, _) = split_inline(vec![Item::Line(text.into())]);
        let l = lines(&items);
        assert!(
            l.contains(&"四、政府信息公开行政复议、行政诉讼情况".to_string()),
            "{l:?}"
        );
        assert!(l
            .iter()
            .any(|x| x.starts_with("[flat]申请人情况") && x.contains("结转下年度")));
    }

    #[test]
    fn lines_that_are_headings_already_count_and_stay_whole() {
        let items = vec![
            Item::Line("一、总体情况".into()),
            Item::Line("今年情况良好。".into()),
            Item::Line("二、主动公开政府信息情况".into()),
        ];
        let (out, splits) = split_inline(items.clone());
        assert_eq!(out, items);
        assert_eq!(splits, 0);
        // A sentence citing an article of the regulation is not a table.
        let (out, _) = split_inline(vec![Item::Line(
            "一、总体情况依据《条例》第二十条第（一）项公开规章。".into(),
        )]);
        assert!(lines(&out).iter().all(|l| !l.starts_with("[flat]")));
    }

    #[test]
    fn header_blocks_become_fields() {
        let h = split_header(
            [
                "标题: 某市2021年度政府信息公开工作年度报告",
                "发布时间: 2022-02-08 16:34",
                "文号: ",
                "页面链接与图片详见 links.tsv(同目录)",
                "==================== 正文 ====================",
                "正文",
            ]
            .map(String::from)
            .to_vec(),
        );
        assert_eq!(h.body, vec!["正文"]);
        assert_eq!(
            h.fields[..2],
            [
                ("标题".into(), "某市2021年度政府信息公开工作年度报告".into()),
                ("发布日期".into(), "2022-02-08 16:34".into())
            ]
        );
        assert_eq!(h.dropped.len(), 2);
    }
}
