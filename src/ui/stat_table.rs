//! A statistical table: caption, thead/tbody, header cells tied to data cells by id/headers,
//! figures right-aligned, derived values and flagged cells marked in words, findings below.

use super::findings::TableFindings;
use super::labels::labels;
use super::reader::reading_where;
use super::ReportCtx;
use crate::model::layout::{layout, CellKind, LaidCell};
use crate::model::{CellPos, CellValue, StatTable};
use crate::read_aloud::script::Target;
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The table with this id, from the loaded report.
#[component]
pub fn StatTableView(
    /// The table's id.
    id: String,
) -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let Some(table) = ctx.checked.tables.get(&id) else {
        return ().into_any();
    };
    let findings: Vec<_> = ctx.checked.findings_for(&id).into_iter().cloned().collect();
    let flagged: BTreeSet<CellPos> = findings
        .iter()
        .filter(|f| f.needs_attention())
        .flat_map(|f| f.cells.iter().copied())
        .collect();
    let caption_id = format!("{id}-caption");
    let findings_id = format!("{id}-findings");
    let sections = layout(table);
    let has_derived = !table.derived.is_empty();
    let has_missing = table
        .groups
        .iter()
        .flat_map(|g| g.cells.iter().flatten())
        .any(|c| !c.is_provided());
    let unit = table
        .unit
        .clone()
        .map(|u| format!("（{}：{u}）", labels().unit));
    let keys: BTreeMap<CellPos, String> = table
        .keyed
        .iter()
        .map(|((r, c), pos)| (*pos, format!("{r}.{c}")))
        .collect();
    let shared = Arc::new(RowsCtx {
        id: id.clone(),
        table: table.clone(),
        flagged,
        findings_id: findings_id.clone(),
        keys,
    });
    let body = sections
        .into_iter()
        .enumerate()
        .map(|(section_index, s)| {
            let rows = Arc::new(s.rows);
            if s.head {
                let rows = render_rows(&shared, &rows, 0..rows.len(), section_index);
                view! { <thead>{rows}</thead> }.into_any()
            } else {
                let rows = incremental_rows(shared.clone(), rows, section_index);
                view! { <tbody>{rows}</tbody> }.into_any()
            }
        })
        .collect_view();
    let notes = table.notes.clone();
    // The report's title too: two reports on one page have tables of the same name.
    let region_label = format!("{caption_id} rv-title");
    view! {
        <div class="rv-table" id=id.clone()>
            <div class="rv-table__scroll" role="region" aria-labelledby=region_label tabindex="0">
                <table class="rv-table__table">
                    <caption id=caption_id class:rv-reading=reading_part(&id, ReadPart::Caption)>
                        {table.full_caption()}
                        {unit.map(|u| view! { <span class="rv-table__unit">{u}</span> })}
                    </caption>
                    {body}
                </table>
            </div>
            <div class="rv-table__legend" class:rv-reading=reading_part(&id, ReadPart::Notes)>
                {has_missing.then(|| view! { <p>{labels().not_provided_legend}</p> })}
                {has_derived
                    .then(|| {
                        view! {
                            <p>
                                <span class="rv-derived-mark" aria-hidden="true">"*"</span>
                                {labels().derived_legend}
                            </p>
                        }
                    })}
                {notes
                    .into_iter()
                    .map(|n| view! { <p class="rv-table__note">{format!("{}：{n}", labels().note)}</p> })
                    .collect_view()}
            </div>
            <TableFindings findings id=findings_id/>
        </div>
    }
    .into_any()
}

/// What rendering a table's rows needs, shared by the chunks rendered later.
struct RowsCtx {
    id: String,
    table: StatTable,
    flagged: BTreeSet<CellPos>,
    findings_id: String,
    keys: BTreeMap<CellPos, String>,
}

/// Rows rendered at once; a longer body renders the rest in chunks of this many, one task each,
/// so a 20,000-row table never blocks the page for long.
const ROWS_AT_ONCE: usize = 150;

fn render_rows(
    ctx: &RowsCtx,
    rows: &[Vec<LaidCell>],
    range: std::ops::Range<usize>,
    section_index: usize,
) -> impl IntoView {
    rows[range]
        .iter()
        .map(|row| {
            // What this row shows, for the read-aloud highlight.
            let data = row.iter().find_map(|c| c.pos);
            // Tables of several blocks lay out one tbody per block, in order.
            let heading_of = row
                .iter()
                .any(|c| c.kind == CellKind::GroupHeading)
                .then_some(section_index);
            let reading = reading_row(&ctx.id, data, heading_of);
            let cells = row
                .iter()
                .cloned()
                .map(|c| render_cell(c, &ctx.table, &ctx.flagged, &ctx.findings_id, &ctx.keys))
                .collect_view();
            view! { <tr class:rv-reading=reading>{cells}</tr> }
        })
        .collect_view()
}

/// The first rows now, the rest chunk by chunk in later tasks.
fn incremental_rows(
    ctx: Arc<RowsCtx>,
    rows: Arc<Vec<Vec<LaidCell>>>,
    section_index: usize,
) -> impl IntoView {
    let count = rows.len();
    super::in_chunks(count, ROWS_AT_ONCE, move |range| {
        render_rows(&ctx, &rows, range, section_index)
    })
}

enum ReadPart {
    Caption,
    Notes,
}

/// Whether read-aloud is now reading this table's caption or notes.
fn reading_part(id: &str, part: ReadPart) -> impl Fn() -> bool + Send + Sync + 'static {
    let id = id.to_string();
    reading_where(move |target| match (target, &part) {
        (Target::TableCaption { table }, ReadPart::Caption) => *table == id,
        (Target::TableNotes { table }, ReadPart::Notes) => *table == id,
        _ => false,
    })
}

/// Whether read-aloud is now reading this row (a data row, or a block's heading row).
fn reading_row(
    id: &str,
    data: Option<CellPos>,
    heading_of: Option<usize>,
) -> impl Fn() -> bool + Send + Sync + 'static {
    let id = id.to_string();
    reading_where(move |target| match target {
        Target::TableGroup { table, group } => *table == id && heading_of == Some(*group),
        Target::TableRows {
            table,
            group,
            first,
            last,
        } => {
            heading_of.is_none()
                && *table == id
                && data.is_some_and(|p| p.group == *group && (*first..=*last).contains(&p.row))
        }
        _ => false,
    })
}

fn span(n: usize) -> Option<String> {
    (n > 1).then(|| n.to_string())
}

fn render_cell(
    c: LaidCell,
    table: &StatTable,
    flagged: &BTreeSet<CellPos>,
    findings_id: &str,
    keys: &BTreeMap<CellPos, String>,
) -> AnyView {
    let colspan = span(c.colspan);
    let rowspan = span(c.rowspan);
    let headers = (!c.headers.is_empty()).then(|| c.headers.join(" "));
    match c.kind {
        CellKind::Corner => view! {
            <td class="rv-corner" colspan=colspan rowspan=rowspan>
                {c.text}
            </td>
        }
        .into_any(),
        CellKind::GroupHeading | CellKind::ColumnHeader | CellKind::RowHeader => {
            let class = match c.kind {
                CellKind::GroupHeading => "rv-th rv-th--group",
                CellKind::ColumnHeader => "rv-th rv-th--col",
                _ => "rv-th rv-th--row",
            };
            view! {
                <th class=class id=c.id colspan=colspan rowspan=rowspan scope=c.scope headers=headers>
                    {c.text}
                </th>
            }
            .into_any()
        }
        CellKind::Data => {
            let Some(pos) = c.pos else {
                return view! { <td></td> }.into_any();
            };
            let cell = table.cell(pos).cloned();
            let derived = table.derived.get(&pos).copied();
            let is_flagged = flagged.contains(&pos);
            let mut class = String::from("rv-td");
            let content = match (&cell, derived) {
                (_, Some(d)) => {
                    class.push_str(" rv-num rv-derived");
                    view! {
                        {d.to_string()}
                        <span class="rv-derived-mark" aria-hidden="true">"*"</span>
                        <span class="rv-sr">{format!("（{}）", labels().derived)}</span>
                    }
                    .into_any()
                }
                (Some(cell), None) => match cell.value {
                    CellValue::NotProvided => {
                        class.push_str(" rv-missing");
                        view! { <span class="rv-missing__text">{labels().not_provided}</span> }
                            .into_any()
                    }
                    CellValue::Blank => {
                        view! { <span class="rv-sr">{labels().blank}</span> }.into_any()
                    }
                    CellValue::Number(_) => {
                        class.push_str(" rv-num");
                        view! { {cell.text.clone()} }.into_any()
                    }
                    CellValue::NotApplicable => {
                        class.push_str(" rv-na");
                        view! { {cell.text.clone()} }.into_any()
                    }
                    CellValue::Text => view! { {cell.text.clone()} }.into_any(),
                },
                (None, None) => ().into_any(),
            };
            if is_flagged {
                class.push_str(" rv-flagged");
            }
            let flag = is_flagged.then(|| {
                view! {
                    <span class="rv-flag-mark" aria-hidden="true">"!"</span>
                    <span class="rv-sr">{format!("（{}）", labels().flagged)}</span>
                }
            });
            let described = is_flagged.then(|| findings_id.to_string());
            let key = keys.get(&pos).cloned();
            view! {
                <td class=class headers=headers colspan=colspan aria-describedby=described data-cell=key>
                    {content}
                    {flag}
                </td>
            }
            .into_any()
        }
    }
}
