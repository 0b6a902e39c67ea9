//! The import's metadata stage: title, agency, dates, source and views from the page head, a
//! text copy's header and chrome lines; what is missing is said.

use super::*;

/// The report's metadata from the page (a note when it has no title).
pub(super) fn page_meta(
    title: String,
    all_lines: &[String],
    fields: &[(String, String)],
    notes: &mut Vec<Said>,
) -> Meta {
    if title.is_empty() {
        notes.push(Said::noted(Noted::NoTitle));
    }
    let meta = read_meta(all_lines, fields);
    let year = scan::year_in(&title).unwrap_or(0);
    let agency = meta
        .get("发布机构")
        .or(meta.get("主办"))
        .cloned()
        .unwrap_or_default();
    let meta = Meta {
        title,
        agency,
        undertaker: meta.get("承办").cloned(),
        source: meta.get("来源").cloned(),
        published: meta.get("发布日期").cloned().unwrap_or_default(),
        year,
        views: meta.get("点击量").and_then(|v| v.parse().ok()),
        language: "zh-CN".into(),
        sample: false,
        url: field(fields, "原文链接").filter(|u| u.starts_with("http")),
        previous: None,
        original: None,
    };
    meta
}

/// A note for each thing the page does not say about itself.
pub(super) fn note_missing_meta(meta: &Meta, notes: &mut Vec<Said>) {
    if meta.agency.is_empty() {
        notes.push(Said::noted(Noted::NoAgency));
    }
    if meta.published.is_empty() {
        notes.push(Said::noted(Noted::NoDate));
    }
}

pub(super) fn field(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(f, v)| f == name && !v.is_empty())
        .map(|(_, v)| v.clone())
}

/// The metadata fields of a chrome line ("来源：某局 时间：2022-02-08 16:34"), when the whole line
/// is such fields; `None` for a line of report text that merely contains a colon.
pub(super) fn meta_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
    if line.chars().count() > 120 {
        return None;
    }
    let matches = scan::meta_labels(line);
    let first = matches.first()?;
    if !line[..first.start].trim().is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        let end = matches.get(i + 1).map(|n| n.start).unwrap_or(line.len());
        let value = line[m.value_at..end].trim();
        let field: &'static str = match m.label {
            "主办" | "主办单位" => "主办",
            "承办" | "承办单位" => "承办",
            "来源" | "信息来源" => "来源",
            "发布机构" => "发布机构",
            "发布日期" | "发布时间" | "公开日期" | "时间" => "发布日期",
            "成文日期" => "成文日期",
            _ => "点击量",
        };
        let value = match field {
            // "时间：" that is not a date is not a metadata line.
            "发布日期" | "成文日期" => date_of(value)?,
            "点击量" => value.chars().take_while(char::is_ascii_digit).collect(),
            // Stop at the next field-like gap (two spaces or a full-width space).
            _ => value
                .split(['　'])
                .next()
                .unwrap_or("")
                .split("  ")
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        };
        out.push((field, value));
    }
    Some(out)
}

pub(super) fn date_of(value: &str) -> Option<String> {
    scan::date_at_start(value.trim())
}

/// Metadata: the page head's and header's fields first, then chrome lines; first value wins.
pub(super) fn read_meta(
    lines: &[String],
    fields: &[(String, String)],
) -> BTreeMap<&'static str, String> {
    let mut out: BTreeMap<&'static str, String> = BTreeMap::new();
    for (f, v) in fields {
        let key: &'static str = match f.as_str() {
            "发布日期" => "发布日期",
            "来源" => "来源",
            "发布机构" => "发布机构",
            _ => continue,
        };
        let value = if key == "发布日期" {
            match date_of(v) {
                Some(d) => d,
                None => continue,
            }
        } else {
            v.clone()
        };
        if !value.is_empty() {
            out.entry(key).or_insert(value);
        }
    }
    for line in lines {
        for piece in line.split(['|', '丨']) {
            let Some(found) = meta_fields(piece.trim()) else {
                continue;
            };
            for (field, value) in found {
                if !value.is_empty() {
                    out.entry(field).or_insert(value);
                }
            }
        }
    }
    if !out.contains_key("发布日期") {
        if let Some(d) = out.get("成文日期").cloned() {
            out.insert("发布日期", d);
        }
    }
    out
}

pub(super) fn is_meta_line(line: &str) -> bool {
    meta_fields(line).is_some_and(|f| !f.is_empty())
}

pub(super) fn is_title(s: &str) -> bool {
    s.contains("政府信息公开") && s.contains("报告") && s.chars().count() <= 60
}

pub(super) fn find_title(lines: &[String], page_title: Option<&str>) -> Option<String> {
    if let Some(t) = page_title.filter(|t| is_title(t)) {
        // Page titles often end with the site's name: "…年度报告_某某市人民政府".
        return Some(
            t.split(['_', '|', '-'])
                .next()
                .unwrap_or(t)
                .trim()
                .to_string(),
        );
    }
    lines.iter().find(|l| is_title(l)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_lines_as_portals_print_them() {
        let f = meta_fields("发布日期：2022-01-20　来源：某县人民政府").unwrap();
        assert_eq!(f[0].0, "发布日期");
        assert!(f[0].1.starts_with("2022-01-20"), "{:?}", f[0]);
        assert_eq!(f[1], ("来源", "某县人民政府".to_string()));
        // A line that is not only fields is text.
        assert!(meta_fields("本报告由县政府办公室编制，发布日期为1月20日").is_none());
        assert!(date_of("2022年1月20日").is_some());
        assert!(date_of("全年").is_none());
        assert!(is_title("某县2021年度政府信息公开工作年度报告"));
        assert!(!is_title("关于春节放假的通知"));
    }
}
