//! Builds the shown table of an official template from the figures a report gives.

use super::TemplateId;
use crate::model::cell::Cell;
use crate::model::finding::{shown_text, Finding, Rule, Severity};
use crate::model::names::{match_label, LabelMatch};
use crate::model::table::{leaves, CellPos, Header, StatTable, TableBlock};
use std::collections::BTreeMap;

pub(super) fn key_of(h: &Header) -> String {
    h.key.clone().unwrap_or_else(|| h.label.clone())
}

/// Builds the shown table of an official template from the figures a report gives, with a finding
/// for every name that matched no official row or column and every label matched only loosely.
pub fn instantiate(id: TemplateId, block: &TableBlock) -> (StatTable, Vec<Finding>) {
    let mut findings = Vec::new();
    let id = match id.template().layout_for(block) {
        Some((layout, note)) => {
            findings.push(note);
            layout
        }
        None => id,
    };
    let mut groups = id.groups();
    let mut keyed = BTreeMap::new();
    for (g, group) in groups.iter_mut().enumerate() {
        let rows = group.row_count();
        let cols = leaves(&group.columns);
        group.cells = vec![vec![Cell::not_provided(); cols.len()]; rows];
        let row_leaves = leaves(&group.rows);
        for (c, col_path) in cols.iter().enumerate() {
            let col_key = key_of(col_path[col_path.len() - 1]);
            if id.template().keys_by_column_group() {
                if let Some((grp, leaf_key)) = col_key.split_once('.') {
                    keyed.insert(
                        (grp.to_string(), leaf_key.to_string()),
                        CellPos {
                            group: g,
                            row: 0,
                            column: c,
                        },
                    );
                }
            } else {
                for (r, row_path) in row_leaves.iter().enumerate() {
                    let row_key = key_of(row_path[row_path.len() - 1]);
                    keyed.insert(
                        (row_key, col_key.clone()),
                        CellPos {
                            group: g,
                            row: r,
                            column: c,
                        },
                    );
                }
            }
        }
    }

    let caption = block
        .caption
        .clone()
        .unwrap_or_else(|| id.caption().to_string());
    let table_name = format!("{}　{}", id.label(), caption);

    // Row candidates: (key, label). Columns depend on the row.
    let row_candidates: Vec<(String, String)> = if id.template().keys_by_column_group() {
        let mut out = Vec::new();
        collect_keyed_groups(&groups[0].columns, &mut out);
        out
    } else {
        groups
            .iter()
            .flat_map(|g| leaves(&g.rows))
            .map(|p| (key_of(p[p.len() - 1]), p[p.len() - 1].label.clone()))
            .collect()
    };

    for (row_name, cells) in &block.values {
        let row_key = match match_label(row_name, &row_candidates) {
            Some(m) => resolve_match(m, row_name, &table_name, &mut findings),
            None => {
                let figures: Vec<String> = cells
                    .iter()
                    .map(|(c, cell)| {
                        let col = groups
                            .iter()
                            .flat_map(|g| leaves(&g.columns))
                            .find(|p| p.last().and_then(|h| h.key.as_deref()) == Some(c))
                            .and_then(|p| p.last().map(|h| h.label.clone()))
                            .unwrap_or_else(|| c.clone());
                        format!("{col} {}", shown_text(cell))
                    })
                    .collect();
                findings.push(Finding::unknown_name(
                    &block.id,
                    &table_name,
                    row_name,
                    None,
                    &figures.join("，"),
                ));
                continue;
            }
        };
        let col_candidates: Vec<(String, String)> = keyed
            .keys()
            .filter(|(r, _)| *r == row_key)
            .map(|(_, c)| {
                let pos = keyed[&(row_key.clone(), c.clone())];
                let label = leaves(&groups[pos.group].columns)[pos.column]
                    .last()
                    .map(|h| h.label.clone())
                    .unwrap_or_default();
                (c.clone(), label)
            })
            .collect();
        for (col_name, cell) in cells {
            let col_key = match match_label(col_name, &col_candidates) {
                Some(m) => resolve_match(m, col_name, &table_name, &mut findings),
                None => {
                    findings.push(Finding::unknown_name(
                        &block.id,
                        &table_name,
                        row_name,
                        Some(col_name),
                        &shown_text(cell),
                    ));
                    continue;
                }
            };
            if let Some(pos) = keyed.get(&(row_key.clone(), col_key)) {
                groups[pos.group].cells[pos.row][pos.column] = cell.clone();
            }
        }
    }

    let table = StatTable {
        id: block.id.clone(),
        template: Some(id),
        label: Some(id.label().to_string()),
        caption,
        unit: block.unit.clone().or(id.unit().map(str::to_string)),
        groups,
        derived: BTreeMap::new(),
        keyed,
        notes: block.notes.clone(),
    };
    (table, findings)
}

fn collect_keyed_groups(forest: &[Header], out: &mut Vec<(String, String)>) {
    for h in forest {
        match &h.key {
            Some(k) if !h.children.is_empty() => out.push((k.clone(), h.label.clone())),
            _ => collect_keyed_groups(&h.children, out),
        }
    }
}

fn resolve_match(
    m: LabelMatch,
    given: &str,
    table_name: &str,
    findings: &mut Vec<Finding>,
) -> String {
    match m {
        LabelMatch::Exact(k) => k,
        LabelMatch::Closest(k, official) => {
            findings.push(Finding {
                rule: Rule::Label,
                severity: Severity::Info,
                table_id: None,
                table: table_name.to_string(),
                row: Some(official.clone()),
                column: None,
                expected: Some(official.clone()),
                printed: Some(given.to_string()),
                cells: Vec::new(),
                message: format!("名称“{given}”与官方名称不完全一致，已按“{official}”处理。"),
            });
            k
        }
    }
}
