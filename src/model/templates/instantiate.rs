//! Builds the shown table of an official template from the figures a report gives.

use super::TemplateId;
use crate::model::cell::Cell;
use crate::model::finding::{shown_text, shown_text_en, Finding, Rule, Said, Severity};
use crate::model::names::{match_label, LabelMatch};
use crate::model::table::{leaves, CellPos, Header, StatTable, TableBlock};
use std::collections::BTreeMap;

pub(super) fn key_of(h: &Header) -> String {
    h.key.clone().unwrap_or_else(|| h.label.clone())
}

/// Cells by (row key, column key); for 表四, by (group key, column key).
type Keyed = BTreeMap<(String, String), CellPos>;

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
    let keyed = empty_cells(id, &mut groups);
    let caption = block
        .caption
        .clone()
        .unwrap_or_else(|| id.caption().to_string());
    let mut fill = Filling {
        block,
        table_name: format!("{}　{}", id.label(), caption),
        groups: &mut groups,
        keyed: &keyed,
        findings: &mut findings,
    };
    let row_candidates = fill.row_candidates(id);
    for (row_name, cells) in &block.values {
        fill.row(&row_candidates, row_name, cells);
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

/// Fills every group with cells "not provided" and keys each cell.
fn empty_cells(id: TemplateId, groups: &mut [crate::model::table::TableGroup]) -> Keyed {
    let by_column_group = id.template().keys_by_column_group();
    let mut keyed = BTreeMap::new();
    for (g, group) in groups.iter_mut().enumerate() {
        let cols = leaves(&group.columns);
        group.cells = vec![vec![Cell::not_provided(); cols.len()]; group.row_count()];
        let row_leaves = leaves(&group.rows);
        for (c, col_path) in cols.iter().enumerate() {
            let col_key = key_of(col_path[col_path.len() - 1]);
            let pos = |row| CellPos {
                group: g,
                row,
                column: c,
            };
            if by_column_group {
                if let Some((grp, leaf_key)) = col_key.split_once('.') {
                    keyed.insert((grp.to_string(), leaf_key.to_string()), pos(0));
                }
                continue;
            }
            for (r, row_path) in row_leaves.iter().enumerate() {
                let row_key = key_of(row_path[row_path.len() - 1]);
                keyed.insert((row_key, col_key.clone()), pos(r));
            }
        }
    }
    keyed
}

/// Puts the figures a report gives into the template's cells.
struct Filling<'a> {
    block: &'a TableBlock,
    table_name: String,
    groups: &'a mut Vec<crate::model::table::TableGroup>,
    keyed: &'a Keyed,
    findings: &'a mut Vec<Finding>,
}

impl Filling<'_> {
    /// Row candidates: (key, label). Columns depend on the row.
    fn row_candidates(&self, id: TemplateId) -> Vec<(String, String)> {
        if id.template().keys_by_column_group() {
            let mut out = Vec::new();
            collect_keyed_groups(&self.groups[0].columns, &mut out);
            return out;
        }
        self.groups
            .iter()
            .flat_map(|g| leaves(&g.rows))
            .map(|p| (key_of(p[p.len() - 1]), p[p.len() - 1].label.clone()))
            .collect()
    }

    /// One row of figures: its name matched to an official row, each figure to a column.
    fn row(
        &mut self,
        candidates: &[(String, String)],
        row_name: &str,
        cells: &BTreeMap<String, Cell>,
    ) {
        let Some(m) = match_label(row_name, candidates) else {
            self.unknown_row(row_name, cells);
            return;
        };
        let row_key = resolve_match(m, row_name, &self.table_name, self.findings);
        let columns = self.column_candidates(&row_key);
        for (col_name, cell) in cells {
            let Some(m) = match_label(col_name, &columns) else {
                self.findings.push(Finding::unknown_name(
                    &self.block.id,
                    &self.table_name,
                    row_name,
                    Some(col_name),
                    (&shown_text(cell), &format!("“{}”", shown_text_en(cell))),
                ));
                continue;
            };
            let col_key = resolve_match(m, col_name, &self.table_name, self.findings);
            if let Some(pos) = self.keyed.get(&(row_key.clone(), col_key)) {
                self.groups[pos.group].cells[pos.row][pos.column] = cell.clone();
            }
        }
    }

    /// The columns of one row: (key, label).
    fn column_candidates(&self, row_key: &str) -> Vec<(String, String)> {
        self.keyed
            .iter()
            .filter(|((r, _), _)| r == row_key)
            .map(|((_, c), pos)| {
                let label = leaves(&self.groups[pos.group].columns)[pos.column]
                    .last()
                    .map(|h| h.label.clone())
                    .unwrap_or_default();
                (c.clone(), label)
            })
            .collect()
    }

    /// A row name that matches no official row: its figures are listed in the finding.
    fn unknown_row(&mut self, row_name: &str, cells: &BTreeMap<String, Cell>) {
        let named: Vec<(String, &Cell)> = cells
            .iter()
            .map(|(c, cell)| {
                let col = self
                    .groups
                    .iter()
                    .flat_map(|g| leaves(&g.columns))
                    .find(|p| p.last().and_then(|h| h.key.as_deref()) == Some(c))
                    .and_then(|p| p.last().map(|h| h.label.clone()))
                    .unwrap_or_else(|| c.clone());
                (col, cell)
            })
            .collect();
        let figures: Vec<String> = named
            .iter()
            .map(|(col, cell)| format!("{col} {}", shown_text(cell)))
            .collect();
        let figures_en: Vec<String> = named
            .iter()
            .map(|(col, cell)| format!("“{col}” “{}”", shown_text_en(cell)))
            .collect();
        self.findings.push(Finding::unknown_name(
            &self.block.id,
            &self.table_name,
            row_name,
            None,
            (&figures.join("，"), &figures_en.join(", ")),
        ));
    }
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
        LabelMatch::Qualified(k, official, set_aside) => {
            let mut f = Finding::about(
                Rule::Label,
                Severity::Info,
                table_name,
                Said::worded(
                    format!("名称“{given}”已按官方名称“{official}”处理：括号中的“{set_aside}”是说明。"),
                    format!("The name “{given}” is read as the official “{official}”: “{set_aside}” in brackets is a remark."),
                ),
            );
            f.row = Some(official);
            f.printed = Some(given.to_string());
            findings.push(f);
            k
        }
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
                said: Said::worded(
                    format!("名称“{given}”与官方名称不完全一致，已按“{official}”处理。"),
                    format!(
                        "The name “{given}” is not exactly the official one; read as “{official}”."
                    ),
                ),
            });
            k
        }
    }
}
