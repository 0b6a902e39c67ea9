//! What the reader takes away: a standalone HTML file of the whole report (one file, styles
//! inline, readable with scripts off; also the print view), each table as CSV, and file names.
//! Pure string building, tested natively.

#[cfg(feature = "tool")]
pub mod review;

use crate::model::layout::{layout, CellKind};
use crate::model::{Block, CellValue, CheckedReport, Meta, Section, StatTable};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A file name stem with the report's title and year, safe on every system.
pub fn file_stem(meta: &Meta) -> String {
    let title: String = meta
        .title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\n' | '\r' | '\t' => '_',
            c => c,
        })
        .collect();
    let title = title.trim();
    let title = if title.is_empty() { "report" } else { title };
    let year = meta.year.to_string();
    if title.contains(&year) {
        title.to_string()
    } else {
        format!("{title}_{year}")
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A text field for CSV, neutralised against formula injection (OWASP): a text that a spreadsheet
/// would run as a formula (beginning with = + - @, a tab or a carriage return, also after spaces)
/// is prefixed with an apostrophe, which spreadsheets show as text. Figures never come here.
fn csv_text(text: &str) -> String {
    let first = text.trim_start_matches(' ').chars().next();
    if matches!(
        first,
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠')
    ) {
        csv_field(&format!("'{text}"))
    } else {
        csv_field(text)
    }
}

/// A table as CSV: UTF-8 with BOM (so spreadsheet programs show Chinese), one header row that
/// flattens the multi-level headers ("申请人情况-法人或其他组织-商业企业"), one row per data row,
/// printed text in each cell ("未提供" where the source gives none).
pub fn table_csv(table: &StatTable, not_provided: &str) -> String {
    // Columns: every group's columns, in order; a row fills only its own group's columns.
    let mut header = vec!["项目".to_string()];
    let mut offsets = Vec::new();
    for (g, group) in table.groups.iter().enumerate() {
        offsets.push(header.len());
        for c in 0..group.column_count() {
            let mut path: Vec<&str> = Vec::new();
            if table.groups.len() > 1 {
                if let Some(h) = &group.heading {
                    path.push(h);
                }
            }
            path.extend(table.column_labels(g, c));
            header.push(path.join("-"));
        }
    }
    let width = header.len();
    let mut out = String::from("\u{feff}");
    out.push_str(
        &header
            .iter()
            .map(|h| csv_text(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    for (g, group) in table.groups.iter().enumerate() {
        // Row and column headers walked once per group, not once per row.
        let row_paths = crate::model::table::leaves(&group.rows);
        let columns = group.column_count();
        for r in 0..group.row_count() {
            let mut row = vec![String::new(); width];
            let label: Vec<&str> = row_paths
                .get(r)
                .map(|p| p.iter().map(|h| h.label.as_str()).collect())
                .unwrap_or_default();
            row[0] = csv_text(&label.join("-"));
            for c in 0..columns {
                let pos = crate::model::CellPos {
                    group: g,
                    row: r,
                    column: c,
                };
                // Figures (a signed change such as +12 or -3 included) stay numbers; any other
                // text is neutralised.
                let field = match (table.derived.get(&pos), table.cell(pos)) {
                    (Some(d), _) => csv_field(&d.to_string()),
                    (None, Some(cell)) if cell.value == CellValue::NotProvided => {
                        csv_text(not_provided)
                    }
                    (None, Some(cell)) if matches!(cell.value, CellValue::Number(_)) => {
                        csv_field(&cell.text)
                    }
                    (None, Some(cell)) => csv_text(&cell.text),
                    (None, None) => String::new(),
                };
                row[offsets[g] + c] = field;
            }
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The whole report as one HTML document: every section open, every table, the check results,
/// metadata at the top (with the report's address), styles inline, no scripts.
pub fn standalone_html(checked: &CheckedReport, css: &str, address: Option<&str>) -> String {
    standalone_html_with(checked, css, address, "")
}

/// The same, with extra classes on the root (the reader's text size and contrast, for printing).
pub fn standalone_html_with(
    checked: &CheckedReport,
    css: &str,
    address: Option<&str>,
    classes: &str,
) -> String {
    let report = &checked.report;
    let meta = &report.meta;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n{}</head>\n<body>\n<div class=\"rv rv--standalone{}\" lang=\"{}\">\n<article class=\"rv-report\">\n<header class=\"rv-header\">\n<h1 class=\"rv-title\">{}</h1>\n",
        escape(&meta.language),
        escape(&meta.title),
        // No style element at all without CSS: the print view adopts its styles instead, so a
        // strict Content-Security-Policy sees no inline style.
        if css.is_empty() {
            String::new()
        } else {
            format!("<style>\n{css}\n</style>\n")
        },
        escape(classes),
        escape(&meta.language),
        escape(&meta.title)
    );
    if meta.sample {
        h.push_str("<p class=\"rv-sample\"><strong class=\"rv-badge\">示例数据</strong>本报告为演示用的示例数据，机构名称和全部数字均为虚构。</p>\n");
    }
    h.push_str("<dl class=\"rv-meta\">\n");
    let published = meta
        .published_display()
        .unwrap_or_else(|| meta.published.clone());
    let mut item = |term: &str, value: &str| {
        let _ = writeln!(
            h,
            "<div class=\"rv-meta__item\"><dt>{}</dt><dd>{}</dd></div>",
            escape(term),
            escape(value)
        );
    };
    item("发布时间", &published);
    if let Some(s) = &meta.source {
        item("来源", s);
    }
    item("主办", &meta.agency);
    if let Some(u) = &meta.undertaker {
        item("承办", u);
    }
    if let Some(a) = address.or(meta.url.as_deref()) {
        item("报告地址", a);
    }
    h.push_str("</dl>\n</header>\n");
    let attention: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.needs_attention())
        .collect();
    if !attention.is_empty() {
        h.push_str("<section class=\"rv-check rv-check--problems\"><h2 class=\"rv-check__title\">数据核对</h2><ul class=\"rv-findings__list\">\n");
        for f in attention {
            let _ = writeln!(
                h,
                "<li>{}（{}）：{}：{}</li>",
                if f.severity == crate::model::Severity::Error {
                    "错误"
                } else {
                    "警告"
                },
                f.rule.id(),
                escape(&f.table),
                escape(&f.message)
            );
        }
        h.push_str("</ul></section>\n");
    }
    h.push_str("<nav class=\"rv-contents\" aria-label=\"目录\"><h2 class=\"rv-contents__title\">目录</h2>\n");
    contents(&mut h, &report.sections);
    h.push_str("</nav>\n");
    blocks(&mut h, checked, &report.introduction);
    for part in &report.sections {
        section(&mut h, checked, part, 2);
    }
    h.push_str("</article>\n</div>\n</body>\n</html>\n");
    h
}

fn contents(h: &mut String, sections: &[Section]) {
    h.push_str("<ol class=\"rv-contents__list\">\n");
    for s in sections {
        let _ = write!(
            h,
            "<li><a href=\"#{}\">{}</a>",
            escape(&s.id),
            escape(&s.heading())
        );
        if !s.sections.is_empty() {
            contents(h, &s.sections);
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
}

fn section(h: &mut String, checked: &CheckedReport, s: &Section, level: usize) {
    let level = level.min(6);
    let class = if level == 2 {
        "rv-part"
    } else {
        "rv-subsection"
    };
    let _ = writeln!(
        h,
        "<section class=\"{class}\" id=\"{}\">\n<h{level} class=\"{class}__heading\">{}</h{level}>",
        escape(&s.id),
        escape(&s.heading())
    );
    blocks(h, checked, &s.blocks);
    for sub in &s.sections {
        section(h, checked, sub, level + 1);
    }
    h.push_str("</section>\n");
}

fn blocks(h: &mut String, checked: &CheckedReport, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Paragraph { text } => {
                let _ = writeln!(h, "<p class=\"rv-p\">{}</p>", escape(text));
            }
            Block::Note { text } => {
                let _ = writeln!(h, "<p class=\"rv-note\">{}</p>", escape(text));
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = write!(h, "<{tag} class=\"rv-list\">");
                for i in items {
                    let _ = write!(h, "<li>{}</li>", escape(i));
                }
                let _ = writeln!(h, "</{tag}>");
            }
            Block::Table(t) => {
                if let Some(table) = checked.tables.get(&t.id) {
                    stat_table(h, checked, table);
                }
            }
        }
    }
}

/// A table in the same markup as the live viewer: caption, thead/tbody, id/headers.
pub fn stat_table(h: &mut String, checked: &CheckedReport, table: &StatTable) {
    let id = escape(&table.id);
    let _ = write!(
        h,
        "<div class=\"rv-table\" id=\"{id}\">\n<div class=\"rv-table__scroll\">\n<table class=\"rv-table__table\">\n<caption>{}",
        escape(&table.full_caption())
    );
    if let Some(u) = &table.unit {
        let _ = write!(
            h,
            "<span class=\"rv-table__unit\">（单位：{}）</span>",
            escape(u)
        );
    }
    h.push_str("</caption>\n");
    let span = |n: usize, name: &str| {
        if n > 1 {
            format!(" {name}=\"{n}\"")
        } else {
            String::new()
        }
    };
    for s in layout(table) {
        let tag = if s.head { "thead" } else { "tbody" };
        let _ = writeln!(h, "<{tag}>");
        for row in s.rows {
            h.push_str("<tr>");
            for c in row {
                let spans = format!(
                    "{}{}",
                    span(c.colspan, "colspan"),
                    span(c.rowspan, "rowspan")
                );
                let headers = if c.headers.is_empty() {
                    String::new()
                } else {
                    format!(" headers=\"{}\"", escape(&c.headers.join(" ")))
                };
                match c.kind {
                    CellKind::Corner => {
                        let _ =
                            write!(h, "<td class=\"rv-corner\"{spans}>{}</td>", escape(&c.text));
                    }
                    CellKind::Data => {
                        let Some(pos) = c.pos else { continue };
                        let (class, text) = match (table.derived.get(&pos), table.cell(pos)) {
                            (Some(d), _) => ("rv-td rv-num rv-derived", format!("{d}*（计算值）")),
                            (None, Some(cell)) => match cell.value {
                                CellValue::NotProvided => {
                                    ("rv-td rv-missing", "未提供".to_string())
                                }
                                CellValue::Number(_) => ("rv-td rv-num", cell.text.clone()),
                                _ => ("rv-td", cell.text.clone()),
                            },
                            (None, None) => ("rv-td", String::new()),
                        };
                        let _ = write!(
                            h,
                            "<td class=\"{class}\"{spans}{headers}>{}</td>",
                            escape(&text)
                        );
                    }
                    _ => {
                        let class = match c.kind {
                            CellKind::GroupHeading => "rv-th rv-th--group",
                            CellKind::ColumnHeader => "rv-th rv-th--col",
                            _ => "rv-th rv-th--row",
                        };
                        let scope = c
                            .scope
                            .map(|s| format!(" scope=\"{s}\""))
                            .unwrap_or_default();
                        let idattr =
                            c.id.as_deref()
                                .map(|i| format!(" id=\"{}\"", escape(i)))
                                .unwrap_or_default();
                        let _ = write!(
                            h,
                            "<th class=\"{class}\"{idattr}{spans}{scope}{headers}>{}</th>",
                            escape(&c.text)
                        );
                    }
                }
            }
            h.push_str("</tr>\n");
        }
        let _ = writeln!(h, "</{tag}>");
    }
    h.push_str("</table>\n</div>\n");
    for n in &table.notes {
        let _ = writeln!(h, "<p class=\"rv-table__note\">注：{}</p>", escape(n));
    }
    let findings = checked.findings_for(&table.id);
    if !findings.is_empty() {
        h.push_str("<div class=\"rv-findings\"><p class=\"rv-findings__title\"><strong>本表核对</strong></p><ul class=\"rv-findings__list\">");
        for f in findings {
            let _ = write!(h, "<li>{}</li>", escape(&f.message));
        }
        h.push_str("</ul></div>\n");
    }
    h.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{check_report, parse_report};

    fn sample() -> CheckedReport {
        let text = include_str!("../../public/reports/sample-2021.json");
        check_report(parse_report(text).unwrap())
    }

    #[test]
    fn csv_flattens_headers_and_keeps_figures() {
        let c = sample();
        let csv = table_csv(&c.tables["table-3"], "未提供");
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 1 + 25);
        assert_eq!(
            lines[0],
            "项目,申请人情况-自然人,申请人情况-法人或其他组织-商业企业,申请人情况-法人或其他组织-科研机构,申请人情况-法人或其他组织-社会公益组织,申请人情况-法人或其他组织-法律服务机构,申请人情况-法人或其他组织-其他,申请人情况-总计"
        );
        assert_eq!(
            lines[1],
            "一、本年新收政府信息公开申请数量,118,17,1,1,3,1,141"
        );
        assert!(lines[3].starts_with("三、本年度办理结果-（一）予以公开,52,"));
        // 表二 has blocks with their own columns: one header row for all of them.
        let csv2 = table_csv(&c.tables["table-2"], "未提供");
        let header = csv2.trim_start_matches('\u{feff}').lines().next().unwrap();
        assert!(
            header.contains("第二十条第（一）项-本年制发件数"),
            "{header}"
        );
        assert!(
            header.contains("第二十条第（八）项-本年收费金额（单位：万元）"),
            "{header}"
        );
        assert!(csv2.contains("行政事业性收费,,,,,,126.35"), "{csv2}");
    }

    #[test]
    fn csv_neutralises_formulas_and_keeps_figures_numbers() {
        let json = r#"{"version":1,"meta":{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022},
          "sections":[{"id":"p","title":"二","blocks":[
            {"type":"table","id":"t2","template":"table2-2019","values":{"licensing":{"last_year_items":"=HYPERLINK(\"http://x\",\"118\")","change":"+12","decisions":"-3"},"penalty":{"change":"@SUM(1+1)","last_year_items":"+cmd|' /C calc'!A0"}}},
            {"type":"table","id":"g","caption":"其他","columns":["=1+1","-2+3"],"rows":["@A1"],"cells":[["\t=1","-5"]]}]}]}"#;
        let c = check_report(parse_report(json).unwrap());
        let csv = table_csv(&c.tables["t2"], "未提供");
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"118\"\")\""),
            "{csv}"
        );
        assert!(csv.contains("'@SUM(1+1)"), "{csv}");
        assert!(csv.contains("'+cmd|' /C calc'!A0"), "{csv}");
        // The signed figures stay as they were printed: numbers a spreadsheet can add up.
        let licensing = csv
            .lines()
            .find(|l| l.starts_with("第二十条第（五）项-行政许可") || l.contains("行政许可,"))
            .unwrap();
        assert!(licensing.contains(",+12,-3"), "{licensing}");
        let g = table_csv(&c.tables["g"], "未提供");
        let lines: Vec<&str> = g.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "项目,'=1+1,'-2+3");
        // (cells are trimmed of padding, the tab included)
        assert_eq!(lines[1], "'@A1,'=1,-5");
        assert_eq!(csv_text("\t=1"), "'\t=1");
        assert_eq!(csv_text("\r=1"), "\"'\r=1\"");
        // No field a spreadsheet would run: every field starts with something else.
        for line in csv.lines().chain(g.lines()) {
            for field in line.trim_start_matches('\u{feff}').split(',') {
                let f = field.trim_start_matches('"');
                let runs = f.starts_with(['=', '@', '\t', '\r'])
                    || (f.starts_with(['+', '-']) && f[1..].parse::<f64>().is_err());
                assert!(!runs, "{field} in {line}");
            }
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("行"), "行");
    }

    #[test]
    fn standalone_html_has_everything_and_no_script() {
        let c = sample();
        let html = standalone_html(&c, ".rv{color:#111}", Some("https://example.gov.cn/report"));
        assert!(!html.contains("<script"));
        assert!(html.contains("<style>\n.rv{color:#111}"));
        for s in c.report.all_sections() {
            assert!(html.contains(&escape(&s.heading())), "{}", s.heading());
        }
        for t in c.tables.values() {
            assert!(html.contains(&escape(&t.full_caption())));
        }
        assert!(html.contains("https://example.gov.cn/report"));
        assert!(html.contains("2024-03-28 09:30"));
        assert_eq!(html.matches("<table").count(), 3);
        assert!(html.contains("R4.1"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn file_names_hold_title_and_year() {
        let mut m = sample().report.meta;
        assert_eq!(
            file_stem(&m),
            "示例市2023年政府信息公开工作年度报告（示例数据）"
        );
        m.title = "年报/草稿: 第一版".into();
        assert_eq!(file_stem(&m), "年报_草稿_ 第一版_2023");
    }
}
