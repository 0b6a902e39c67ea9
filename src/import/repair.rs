//! The import's repair stage: what real pages break, mended and said — the title printed again as
//! text, a table under the next part's heading, tables the page lost (empty official tables, the
//! figures the text states).

use super::*;
use crate::labels::ZH;

/// The title printed again as the first lines of the text (whole, or broken over two lines) is
/// the title, not text: dropped, with a note.
pub(super) fn drop_repeated_title(report: &mut Report, notes: &mut Vec<Said>) {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let title = squeeze(&report.meta.title);
    if title.is_empty() {
        return;
    }
    let mut seen = String::new();
    for (i, b) in report.introduction.iter().take(3).enumerate() {
        let Block::Paragraph { text } = b else { break };
        seen.push_str(&squeeze(text));
        let count = i + 1;
        if seen == title {
            let dropped: Vec<Block> = report.introduction.drain(..count).collect();
            for b in dropped {
                if let Block::Paragraph { text } = b {
                    notes.push(Said::dropped(Noted::RepeatedTitle, &text));
                }
            }
            return;
        }
        if !title.starts_with(&seen) {
            return;
        }
    }
}

/// An official table printed after the next part's heading (the two headings on one line: "四、…
/// 五、…" then 表四) belongs to its own part when that part is left empty: moved back, with a note.
pub(super) fn tables_to_their_parts(report: &mut Report, notes: &mut Vec<Said>) {
    for n in [2u8, 3, 4] {
        let Some(own) = table_part(report, n) else {
            continue;
        };
        if !report.sections[own].blocks.is_empty() || !report.sections[own].sections.is_empty() {
            continue;
        }
        let Some(next) = report.sections.get_mut(own + 1) else {
            continue;
        };
        let Some(at) = next.blocks.iter().position(
            |b| matches!(b, Block::Table(t) if t.template.is_some_and(|id| id.table_number() == n)),
        ) else {
            continue;
        };
        let table = next.blocks.remove(at);
        let (from, label) = (next.heading(), table_label(&table));
        report.sections[own].blocks.push(table);
        notes.push(
            Said::noted(Noted::MovedBack)
                .hole("table", label)
                .text("from", &from)
                .text("own", &report.sections[own].heading()),
        );
    }
}

pub(super) fn table_label(b: &Block) -> Hole {
    let a_table = || Hole::Said(Box::new(Said::noted(Noted::ATableWord)));
    match b {
        Block::Table(t) => t.template.map_or_else(a_table, TemplateId::in_words),
        _ => a_table(),
    }
}

/// The parts that hold tables 二, 三 and 四, found by their titles (loosely: real titles vary and
/// have typos, e.g. “政府信息公开行政法复议、行政诉讼情况”).
pub(super) fn table_part(report: &Report, table: u8) -> Option<usize> {
    let (numeral, keys): (char, &[&str]) = match table {
        2 => ('二', &["主动公开"]),
        3 => ('三', &["申请"]),
        _ => ('四', &["复议", "诉讼"]),
    };
    let by_title = |s: &Section| keys.iter().any(|k| s.title.contains(k));
    report
        .sections
        .iter()
        .position(|s| s.number.starts_with(numeral) && by_title(s))
        .or_else(|| {
            report
                .sections
                .iter()
                .position(|s| s.number.starts_with(['二', '三', '四', '五']) && by_title(s))
        })
}

/// When the page lost its tables (a text copy, or tables published as images), the parts 二–四 are
/// given empty official tables: every cell "not provided", never zero. Figures the text itself
/// states (received requests in part 一) go into 表三, with a note quoting the sentence.
pub(super) fn fill_lost_tables(
    report: &mut Report,
    format_year: Option<u16>,
    html: bool,
    notes: &mut Vec<Said>,
) {
    let year = format_year.unwrap_or(2021);
    let has_tables = report
        .all_sections()
        .iter()
        .any(|s| s.blocks.iter().any(|b| matches!(b, Block::Table(_))));
    if has_tables {
        return;
    }
    let lost = ZH.said(&Said::noted(if html {
        Noted::LostImage
    } else {
        Noted::LostCopy
    }));
    let stated = stated_requests(report);
    for table in [2u8, 3, 4] {
        let Some(p) = table_part(report, table) else {
            continue;
        };
        let format = if year >= 2021 { 2021 } else { 2019 };
        let Some(template) = TemplateId::for_table(table, format) else {
            continue;
        };
        let mut block = tables::empty_block(&format!("table-{table}"), template);
        block.notes.push(lost.clone());
        let flattened = take_flat_text(&mut report.sections[p].blocks, &mut block);
        if table == 3 && !flattened {
            if let Some(stated) = &stated {
                put_stated_requests(&mut block, stated, notes);
            }
        }
        report.sections[p]
            .blocks
            .push(Block::Table(Box::new(block)));
        notes.push(Said::noted(Noted::TableMissing).hole("table", template.in_words()));
    }
}

/// The flattened text of a table, if the copy kept it, goes with the table (instead of the note
/// that the table is lost). True when there was one.
pub(super) fn take_flat_text(blocks: &mut Vec<Block>, block: &mut TableBlock) -> bool {
    let flat = blocks
        .iter()
        .position(|b| matches!(b, Block::Note { text } if text.starts_with(FLAT_TABLE)));
    let Some(Block::Note { text }) = flat.map(|i| blocks.remove(i)) else {
        return false;
    };
    block.notes =
        vec![ZH.said(&Said::noted(Noted::FlatKept).text("text", &&text[FLAT_TABLE.len()..]))];
    true
}

/// The received requests the text states go into 表三's 本年新收 总计, with a note quoting it.
pub(super) fn put_stated_requests(
    block: &mut TableBlock,
    (count, heading, sentence): &(i64, String, String),
    notes: &mut Vec<Said>,
) {
    block
        .values
        .entry("new_requests".into())
        .or_default()
        .insert("total".into(), Cell::number(*count));
    block.notes.push(
        ZH.said(
            &Said::noted(Noted::StatedRequestsKept)
                .text("count", count)
                .text("heading", heading)
                .text("sentence", sentence),
        ),
    );
    notes.push(
        Said::noted(Noted::StatedRequests)
            .text("count", count)
            .text("sentence", sentence),
    );
}

/// "收到依申请公开信息1条" in part 一: the count, the subsection's heading and the clause.
pub(super) fn stated_requests(report: &Report) -> Option<(i64, String, String)> {
    let part = report.sections.first()?;
    for s in part.walk() {
        for b in &s.blocks {
            let Block::Paragraph { text } = b else {
                continue;
            };
            let Some((from, end, count)) = scan::stated_requests(text) else {
                continue;
            };
            let start = text[..from]
                .rfind(['，', '。', '；', ','])
                .map(|i| i + text[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                .unwrap_or(0);
            return Some((count, s.heading(), text[start..end].to_string()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_printed_again_over_lines_is_dropped_and_said() {
        let mut report: Report = crate::model::parse_report(
            r#"{"version":1,"meta":{"title":"某县2021年度政府信息公开工作年度报告","agency":"A","published":"2022-01-20T10:00","year":2021},
            "introduction":[{"type":"paragraph","text":"某县"},{"type":"paragraph","text":"2021年度政府信息公开工作年度报告"},{"type":"paragraph","text":"正文。"}],
            "sections":[]}"#,
        )
        .unwrap();
        let mut notes = Vec::new();
        drop_repeated_title(&mut report, &mut notes);
        assert_eq!(report.introduction.len(), 1);
        assert_eq!(notes.len(), 2);
        // Text that only starts like the title stays.
        let before = report.introduction.clone();
        drop_repeated_title(&mut report, &mut notes);
        assert_eq!(report.introduction, before);
    }
}
