//! The import's sections stage: the report's format inferred, the section tree rebuilt from
//! numbered headings (一、 （一） 1.), each table recognised and read by its template.

use super::*;

pub(super) fn infer_format(items: &[Item]) -> Option<u16> {
    items.iter().find_map(|i| match i {
        Item::Table(g) if g.official() == Some(2) => {
            let all = crate::model::names::normalize_label(&g.all_text());
            if all.contains("本年制发件数") || all.contains("现行有效件数") {
                Some(2021)
            } else if all.contains("本年新制作数量") || all.contains("上一年项目数量")
            {
                Some(2019)
            } else {
                None
            }
        }
        _ => None,
    })
}

pub(super) fn numeral(s: &str) -> usize {
    const DIGITS: &str = "一二三四五六七八九";
    let value = |c: char| DIGITS.chars().position(|d| d == c).map(|p| p + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => 10,
        ['十', d] => 10 + value(*d).unwrap_or(0),
        [t, '十'] => value(*t).unwrap_or(0) * 10,
        [t, '十', d] => value(*t).unwrap_or(0) * 10 + value(*d).unwrap_or(0),
        [d] => value(*d).unwrap_or(0),
        _ => 0,
    }
}

/// Rebuilds the section tree from the numbering: 一、 (parts), （一） (subsections), 1. (items),
/// each level in sequence, so a numbered sentence out of sequence stays a paragraph.
pub(super) fn build_sections(
    items: Vec<Item>,
    format_year: Option<u16>,
    notes: &mut Vec<Said>,
) -> (Vec<Block>, Vec<Section>) {
    let mut intro: Vec<Block> = Vec::new();
    let mut parts: Vec<Section> = Vec::new();
    let mut table_count: BTreeMap<u8, usize> = BTreeMap::new();
    for item in items {
        let blocks = match item {
            Item::Line(line) => {
                if heading(&line, &mut parts) {
                    continue;
                }
                vec![Block::Paragraph { text: line }]
            }
            Item::Flat(text) => vec![Block::Note {
                text: format!("{FLAT_TABLE}{text}"),
            }],
            Item::Table(grid) if grid.official().is_none() && grid.rows.len() == 1 => {
                // A one-row table (Word's boxed note, the innermost of nested tables) is text:
                // as a table it would have a header and no rows, drawn nowhere.
                let text = grid.row_texts(0).join("　");
                notes.push(Said::noted(Noted::OneRowTable).quote("text", &text));
                vec![Block::Paragraph { text }]
            }
            Item::Table(grid) => {
                let which = grid.official().unwrap_or(0);
                let n = table_count.entry(which).or_default();
                *n += 1;
                let id = match (which, *n) {
                    (0, k) => format!("table-x{k}"),
                    (w, 1) => format!("table-{w}"),
                    (w, k) => format!("table-{w}-{k}"),
                };
                notes.extend(grid.clipped.iter().map(|c| {
                    Said::noted(Noted::TableClip)
                        .text("id", &id)
                        .said("clip", c.clone())
                }));
                let r = tables::recognise(grid, &id, format_year);
                notes.extend(r.notes);
                let mut blocks = vec![Block::Table(Box::new(r.block))];
                blocks.extend(r.unplaced.into_iter().map(|text| Block::Paragraph { text }));
                blocks
            }
        };
        current_blocks(&mut parts, &mut intro).extend(blocks);
    }
    (intro, parts)
}

/// A heading in sequence: a part (一、), a subsection of the last part ((一)) or an item of its
/// last subsection (1.), added to the tree. False when the line is not the next heading.
pub(super) fn heading(line: &str, parts: &mut Vec<Section>) -> bool {
    let section = |id: String, number: &str, title: &str| Section {
        id,
        number: number.to_string(),
        title: title.trim().to_string(),
        blocks: Vec::new(),
        sections: Vec::new(),
    };
    if let Some(n) = scan::part_number(line) {
        if numeral(n.digits) == parts.len() + 1 && heading_like(n.title, 40) {
            let number = line[..n.title_at].trim_end();
            parts.push(section(
                format!("part-{}", parts.len() + 1),
                number,
                n.title,
            ));
            return true;
        }
    }
    if let (Some(n), Some(part)) = (scan::subsection_number(line), parts.last_mut()) {
        if numeral(n.digits) == part.sections.len() + 1 && heading_like(n.title, 30) {
            let id = format!("{}-{}", part.id, part.sections.len() + 1);
            part.sections.push(section(id, n.number, n.title));
            return true;
        }
    }
    if let (Some(n), Some(sub)) = (
        scan::item_number(line),
        parts.last_mut().and_then(|p| p.sections.last_mut()),
    ) {
        let k: usize = scan::ascii_digits(n.digits).parse().unwrap_or(0);
        if k == sub.sections.len() + 1 && heading_like(n.title, 20) {
            let id = format!("{}-{}", sub.id, k);
            sub.sections.push(section(id, n.number, n.title));
            return true;
        }
    }
    false
}

/// How a note holding a flattened table's text begins.
pub(super) const FLAT_TABLE: &str =
    "【表格文字：在文本副本中失去了单元格界限，数字连在一起，无法可靠拆分，故未作为数字导入】";

/// Where content goes now: the deepest open section, or the introduction.
pub(super) fn current_blocks<'a>(
    parts: &'a mut [Section],
    intro: &'a mut Vec<Block>,
) -> &'a mut Vec<Block> {
    match parts.last_mut() {
        None => intro,
        Some(part) => {
            let mut s = part;
            while !s.sections.is_empty() {
                s = s.sections.last_mut().expect("non-empty");
            }
            &mut s.blocks
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_build_the_tree_in_order() {
        let mut parts = Vec::new();
        assert!(heading("一、总体情况", &mut parts));
        assert!(heading("（一）主动公开", &mut parts));
        assert!(heading("二、主动公开政府信息情况", &mut parts));
        // Out of order, or a sentence: no heading.
        assert!(!heading("四、存在的问题", &mut parts));
        assert!(!heading("三、收到申请75件，均已答复。", &mut parts));
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].sections.len(), 1);
        assert_eq!(
            (numeral("三"), numeral("十二"), numeral("二十")),
            (3, 12, 20)
        );
    }
}
