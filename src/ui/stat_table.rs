//! A statistical table: caption, thead/tbody (a `<table>` per block for 表二), header cells tied to data cells by id/headers,
//! figures right-aligned, derived values and flagged cells marked in words, findings below.

use super::chart::ChartFigure;
use super::findings::TableFindings;
use super::labels;
use super::reader::reading_where;
use super::ReportCtx;
use crate::export::markup::{Card, CellMarkup, Piece, TableMarkup, Tag};
use crate::model::chart::charts_for;
use crate::model::layout::{layout, LaidBlock, LaidBody, LaidCell};
use crate::model::{CellPos, CheckedReport, Finding};
use crate::read_aloud::script::Target;
use leptos::prelude::*;
use std::sync::Arc;

/// The table with this id, from the loaded report, in the markup `export::markup` decides.
#[component]
pub fn StatTableView(
    /// The table's id.
    id: String,
) -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let checked = ctx.checked.clone();
    let Some(table) = checked.tables.get(&id) else {
        return ().into_any();
    };
    let m = TableMarkup::new(&checked, table, labels());
    let findings: Vec<Finding> = m.findings.iter().map(|f| (*f).clone()).collect();
    let legend = m
        .legend()
        .into_iter()
        .map(|line| view! { <p class=line.class>{pieces(line.content)}</p> })
        .collect_view();
    let (caption_id, findings_id, region_label) =
        (m.caption_id(), m.findings_id(), m.region_label());
    let (caption, unit) = (m.caption(), m.unit());
    let cards = m.has_cards().then(|| m.cards());
    let class = m.class();
    let grid = RwSignal::new(false);
    let cards = cards.map(|cards| {
        let (caption, unit) = (caption.clone(), unit.clone());
        view! { <TableCards cards caption unit grid/> }
    });
    let caption = view! {
        {caption}
        {unit.map(|u| view! { <span class="rv-table__unit">{u}</span> })}
    };
    let shared = Arc::new(RowsCtx {
        id: id.clone(),
        checked: checked.clone(),
        labels: labels(),
    });
    let tables = tables(&m, shared, caption_id, caption);
    drop(m);
    let charts = ctx.options.charts.then(|| table_charts(&checked, table));
    view! {
        {charts}
        <div class="rv-table-view" class:rv-table-view--grid=move || grid.get()>
        {cards}
        <div class=class id=id.clone()>
            <div class="rv-table__scroll" role="region" aria-labelledby=region_label tabindex="0">
                {tables}
            </div>
            <div class="rv-table__legend" class:rv-reading=reading_part(&id, ReadPart::Notes)>
                {legend}
            </div>
            <TableFindings findings id=findings_id table=id.clone()/>
        </div>
        </div>
    }
    .into_any()
}

/// 图解 above the table (the webmaster may turn them off): the table stays the data's source.
fn table_charts(checked: &CheckedReport, table: &crate::model::StatTable) -> impl IntoView {
    charts_for(checked, table)
        .into_iter()
        .map(|chart| view! { <ChartFigure chart/> })
        .collect_view()
}

/// The table's `<table>` under its caption: one, or one per block (表二) under a caption of
/// their own.
fn tables(
    m: &TableMarkup,
    shared: Arc<RowsCtx>,
    caption_id: String,
    caption: impl IntoView + 'static,
) -> AnyView {
    let reading_caption = reading_part(&shared.id, ReadPart::Caption);
    let blocks = layout(m.table).into_iter().map(|b| {
        let label = m.block_label(b.heading.as_ref().map(|(id, _)| id.as_str()));
        (b, label)
    });
    if m.in_blocks() {
        let blocks = blocks
            .map(|(b, label)| block_table(shared.clone(), b, label))
            .collect_view();
        view! {
            <p class="rv-table__caption" id=caption_id class:rv-reading=reading_caption>{caption}</p>
            {blocks}
        }
        .into_any()
    } else {
        let sections = blocks
            .map(|(b, _)| sections(shared.clone(), b))
            .collect_view();
        view! {
            <table class="rv-table__table">
                <caption id=caption_id class:rv-reading=reading_caption>{caption}</caption>
                {sections}
            </table>
        }
        .into_any()
    }
}

/// A block of a table of several (表二) as a `<table>` of its own, named by the table's caption
/// and its heading, which is its `<caption>`.
fn block_table(shared: Arc<RowsCtx>, block: LaidBlock, label: String) -> impl IntoView {
    let heading = block.heading.clone().map(|(id, text)| {
        let reading = reading_heading(&shared.id, block.group);
        view! { <caption id=id class="rv-table__block" class:rv-reading=reading>{text}</caption> }
    });
    view! {
        <table class="rv-table__table" aria-labelledby=label>
            {heading}
            {sections(shared, block)}
        </table>
    }
}

/// A block's `thead` and `tbody`: the head at once, the body chunk by chunk.
fn sections(shared: Arc<RowsCtx>, block: LaidBlock) -> impl IntoView {
    let head = (!block.head.is_empty()).then(|| {
        let rows = render_rows(&shared, &block.head);
        view! { <thead>{rows}</thead> }
    });
    let rows = incremental_rows(shared, Arc::new(block.body));
    view! { {head}<tbody>{rows}</tbody> }
}

/// The table as cards, shown instead of the grid on narrow screens (style/report-viewer.css): each
/// row's name, its figures with their columns, its zeros in one line; and a button for the grid.
#[component]
fn TableCards(
    cards: Vec<Card>,
    caption: String,
    unit: Option<String>,
    /// The full grid is shown instead.
    grid: RwSignal<bool>,
) -> impl IntoView {
    let l = labels();
    let list = cards
        .into_iter()
        .map(|card| {
            let block = card
                .block
                .map(|b| view! { <p class="rv-card__block">{b}</p> });
            let items = card
                .items
                .into_iter()
                .map(|(name, m)| {
                    view! {
                        <div class="rv-card__item">
                            <dt>{name}</dt>
                            <dd class=m.class aria-describedby=m.described_by>{pieces(m.content)}</dd>
                        </div>
                    }
                })
                .collect_view();
            let zeros = (!card.zeros.is_empty()).then(|| {
                view! { <p class="rv-card__zeros">{format!("{}{}", l.zeros, card.zeros.join(l.list_separator))}</p> }
            });
            view! {
                <li class="rv-card">
                    {block}
                    <p class="rv-card__title">{card.title}</p>
                    <dl class="rv-card__items">{items}</dl>
                    {zeros}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="rv-cards">
            <p class="rv-cards__caption">
                {caption}
                {unit.map(|u| view! { <span class="rv-table__unit">{u}</span> })}
            </p>
            <button
                type="button"
                class="rv-button rv-button--small rv-cards__toggle"
                aria-pressed=move || grid.get().to_string()
                on:click=move |_| grid.update(|g| *g = !*g)
            >
                {l.full_table}
            </button>
            <ul class="rv-cards__list">{list}</ul>
        </div>
    }
}

/// What rendering a table's rows needs, shared by the chunks rendered later.
struct RowsCtx {
    id: String,
    checked: Arc<CheckedReport>,
    /// The viewer's words, kept: later chunks render outside the component's context.
    labels: &'static crate::labels::Labels,
}

/// Rows rendered at once; a longer body renders the rest in chunks of this many, one task each,
/// so a 20,000-row table never blocks the page for long.
const ROWS_AT_ONCE: usize = 150;

fn render_rows(ctx: &RowsCtx, rows: &[Vec<LaidCell>]) -> impl IntoView {
    let Some(table) = ctx.checked.tables.get(&ctx.id) else {
        return Vec::new();
    };
    let m = TableMarkup::new(&ctx.checked, table, ctx.labels);
    rows.iter()
        .map(|row| {
            // What this row shows, for the read-aloud highlight.
            let data = row.iter().find_map(|c| c.pos);
            let reading = reading_row(&ctx.id, data);
            let cells = row.iter().map(|c| cell(m.cell(c))).collect_view();
            view! { <tr class:rv-reading=reading>{cells}</tr> }
        })
        .collect()
}

/// The first rows now, the rest chunk by chunk in later tasks.
fn incremental_rows(ctx: Arc<RowsCtx>, body: Arc<LaidBody>) -> impl IntoView {
    super::chunks::in_chunks(body.len(), ROWS_AT_ONCE, move |range| {
        render_rows(&ctx, &body.rows(range))
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

/// Whether read-aloud is now reading this data row.
fn reading_row(id: &str, data: Option<CellPos>) -> impl Fn() -> bool + Send + Sync + 'static {
    let id = id.to_string();
    reading_where(move |target| match target {
        Target::TableRows {
            table,
            group,
            first,
            last,
        } => {
            *table == id
                && data.is_some_and(|p| p.group == *group && (*first..=*last).contains(&p.row))
        }
        _ => false,
    })
}

/// Whether read-aloud is now reading this block's heading.
fn reading_heading(id: &str, g: usize) -> impl Fn() -> bool + Send + Sync + 'static {
    let id = id.to_string();
    reading_where(
        move |target| matches!(target, Target::TableGroup { table, group } if *table == id && *group == g),
    )
}

/// One cell, as its markup says.
fn cell(c: CellMarkup) -> AnyView {
    let content = pieces(c.content);
    match c.tag {
        Tag::Th => view! {
            <th class=c.class id=c.id colspan=c.colspan rowspan=c.rowspan scope=c.scope headers=c.headers aria-describedby=c.described_by data-cell=c.key>
                {content}
            </th>
        }
        .into_any(),
        Tag::Td => view! {
            <td class=c.class id=c.id colspan=c.colspan rowspan=c.rowspan headers=c.headers aria-describedby=c.described_by data-cell=c.key>
                {content}
            </td>
        }
        .into_any(),
    }
}

/// What a cell or legend line shows, each piece as its markup says.
pub fn pieces(pieces: Vec<Piece>) -> Vec<AnyView> {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.into_any(),
            Piece::Mark(class, mark) => {
                view! { <span class=class aria-hidden="true">{mark}</span> }.into_any()
            }
            Piece::Unseen(t) => view! { <span class="rv-sr">{t}</span> }.into_any(),
            Piece::Styled(class, t) => view! { <span class=class>{t}</span> }.into_any(),
        })
        .collect()
}
