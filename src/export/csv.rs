//! Each table as CSV: UTF-8 with BOM, headers flattened, figures as numbers, text neutralised
//! against formula injection.

use crate::labels::Labels;
use crate::model::{CellPos, CellValue, StatTable};

pub(super) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A text field for CSV, neutralised against formula injection (OWASP): a text that a spreadsheet
/// would run as a formula (beginning with = + - @, a tab or a carriage return, also after spaces)
/// is prefixed with an apostrophe, which spreadsheets show as text. Figures never come here.
pub(super) fn csv_text(text: &str) -> String {
    // Past anything a spreadsheet skips before a formula: spaces of every width, no-break and
    // zero-width characters.
    let first = text
        .trim_start_matches(|c: char| {
            c == ' '
                || matches!(
                    c,
                    '\u{a0}' | '\u{3000}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
                )
        })
        .chars()
        .next();
    // = + - @ in every form a spreadsheet reads as one: full-width, small, the minus sign.
    if matches!(
        first,
        Some(
            '=' | '+'
                | '-'
                | '@'
                | '\t'
                | '\r'
                | '＝'
                | '＋'
                | '－'
                | '＠'
                | '﹦'
                | '﹢'
                | '﹣'
                | '﹫'
                | '\u{2212}'
        )
    ) {
        csv_field(&format!("'{text}"))
    } else {
        csv_field(text)
    }
}

/// A table as CSV: UTF-8 with BOM (so spreadsheet programs show Chinese), one header row that
/// flattens the multi-level headers ("申请人情况-法人或其他组织-商业企业"), one row per data row,
/// printed text in each cell (`labels.not_provided`, 未提供, where the source gives none).
pub fn table_csv(table: &StatTable, labels: &Labels) -> String {
    let (header, offsets) = csv_header(table, labels);
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
        for r in 0..group.row_count() {
            let mut row = vec![String::new(); width];
            let label: Vec<&str> = row_paths
                .get(r)
                .map(|p| p.iter().map(|h| h.label.as_str()).collect())
                .unwrap_or_default();
            row[0] = csv_text(&label.join("-"));
            for c in 0..group.column_count() {
                let pos = CellPos {
                    group: g,
                    row: r,
                    column: c,
                };
                row[offsets[g] + c] = csv_cell(table, pos, labels.not_provided);
            }
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The header row: the row headings' column, then every group's columns, in order (a row fills
/// only its own group's columns); and where each group's columns start.
fn csv_header(table: &StatTable, labels: &Labels) -> (Vec<String>, Vec<usize>) {
    let mut header = vec![labels.item_column.to_string()];
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
    (header, offsets)
}

/// One cell: figures (a signed change such as +12 or -3 included) stay numbers; any other text is
/// neutralised.
fn csv_cell(table: &StatTable, pos: CellPos, not_provided: &str) -> String {
    match (table.derived.get(&pos), table.cell(pos)) {
        (Some(d), _) => csv_field(&d.to_string()),
        (None, Some(cell)) if cell.value == CellValue::NotProvided => csv_text(not_provided),
        (None, Some(cell)) if matches!(cell.value, CellValue::Number(_)) => csv_field(&cell.text),
        (None, Some(cell)) => csv_text(&cell.text),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::sample;
    use crate::labels::ZH;
    use crate::model::{check_report, parse_report};

    #[test]
    fn csv_flattens_headers_and_keeps_figures() {
        let c = sample();
        let csv = table_csv(&c.tables["table-3"], &ZH);
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
        let csv2 = table_csv(&c.tables["table-2"], &ZH);
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
        let csv = table_csv(&c.tables["t2"], &ZH);
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
        let g = table_csv(&c.tables["g"], &ZH);
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
    fn formulas_in_every_form_and_behind_invisible_characters_are_neutralised() {
        for text in [
            "﹦SUM(1)",
            "﹢1",
            "﹣1",
            "﹫x",
            "\u{2212}1+1",
            "\u{a0}=1",
            "\u{200b}=1",
            "\u{feff}@x",
            "\u{3000}=1",
        ] {
            assert!(
                csv_text(text).trim_start_matches('"').starts_with('\''),
                "{text:?}"
            );
        }
        assert_eq!(csv_text("本年新收"), "本年新收");
    }
}
