//! 表四 on a published page: one data row under three groups of columns (行政复议, 未经复议直接
//! 起诉, 复议后起诉), each column placed by the headers above it.

use crate::labels::findings::Said;
use crate::labels::notes::Noted;
use crate::model::grid::Grid;
use crate::model::names::{match_label, normalize_label};
use crate::model::templates::page::{empty_block, is_figure, matched, set, Recognised};

/// The group of 表四 a column belongs to, by the header labels above it (normalised), the
/// lowest that names a group deciding: each label read as a whole — 未经(行政)复议直接起诉 is a
/// suit, not a review, whatever words it shares with 行政复议.
fn table4_group(path: &[String]) -> Option<&'static str> {
    path.iter().rev().find_map(|label| {
        let suit = label.contains("起诉") || label.contains("诉讼");
        if suit && label.contains("直接") {
            Some("direct_suit")
        } else if suit && label.contains("复议后") {
            Some("suit_after_review")
        } else if !suit && label.contains("复议") {
            Some("review")
        } else {
            None
        }
    })
}

/// The five results each group of 表四 prints, by key.
fn leaf_candidates() -> Vec<(String, String)> {
    [
        ("upheld", "结果维持"),
        ("corrected", "结果纠正"),
        ("other", "其他结果"),
        ("pending", "尚未审结"),
        ("total", "总计"),
    ]
    .iter()
    .map(|(k, l)| (k.to_string(), l.to_string()))
    .collect()
}

pub(super) fn read(grid: &Grid, id: &str, format_year: Option<u16>) -> Recognised {
    let mut notes = Vec::new();
    let first_data = (0..grid.rows.len())
        .find(|&r| {
            let texts = grid.row_texts(r);
            texts.len() >= 5 && texts.iter().filter(|t| is_figure(t)).count() >= 5
        })
        .unwrap_or(grid.rows.len().saturating_sub(1));
    let leaves_cands = leaf_candidates();
    // Both formats print 表四 alike: the report's format decides the template.
    let template = if format_year == Some(2019) {
        super::V2019
    } else {
        super::V2021
    };
    let mut block = empty_block(id, template);
    let mut placed = 0;
    for c in 0..grid.width() {
        let path: Vec<String> = (0..first_data)
            .map(|r| normalize_label(grid.text(r, c)))
            .collect();
        let Some(group) = table4_group(&path) else {
            continue;
        };
        let Some(leaf_text) = (0..first_data)
            .rev()
            .map(|r| grid.text(r, c))
            .find(|t| !t.is_empty())
        else {
            continue;
        };
        let Some(m) = match_label(leaf_text, &leaves_cands) else {
            continue;
        };
        let leaf = matched(m, leaf_text, &mut notes);
        set(
            &mut block,
            (group, &leaf),
            grid.text(first_data, c),
            &mut notes,
        );
        placed += 1;
    }
    if placed != 15 {
        let count = Said::noted(Noted::CellCount).text("n", &15);
        notes.push(
            count
                .hole("table", template.in_words())
                .text("placed", &placed),
        );
    }
    Recognised {
        block,
        notes,
        unplaced: Vec::new(),
    }
}
