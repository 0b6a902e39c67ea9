//! A statistical table: caption, thead/tbody (a `<table>` per block for 表二), header cells tied to data cells by id/headers,
//! figures right-aligned, derived values and flagged cells marked in words, findings below.

use super::chart::ChartFigure;
use super::context::LastYear;
use super::findings::{LastYearFindings, TableFindings};
use super::labels;
use super::reader::reading_where;
use super::ReportCtx;
use crate::labels::Labels;
use crate::markup::table::{
    cross_year_id, Card, CellMarkup, Piece, TableMarkup, Tag, LAST_YEAR_CLASS,
};
use crate::model::chart::with_last_year;
use crate::model::compare::{self, last_years_table, Comparison};
use crate::model::layout::{layout, LaidBlock, LaidBody, LaidCell};
use crate::model::{CellPos, CheckedReport, Finding};
use crate::read_aloud::script::Target;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The table with this id, from the loaded report, in the markup `markup::table` decides; its
/// 图解 above it; and, once last year's report is loaded, a 对比上年 toggle and the checks
/// against last year's table below it.
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
    let grid = RwSignal::new(false);
    let charts_on = ctx.options.charts;
    let last_year = ctx.last_year;
    if table.template.is_none() || matches!(last_year.get_untracked(), LastYear::None) {
        let charts = charts_on.then(|| table_charts(&checked, table, None));
        return view! { {charts} {table_view(&checked, &id, (None, Vec::new()), grid)} }.into_any();
    }
    let loaded = move || last_year.get().loaded();
    let comparing = RwSignal::new(ctx.options.compare);
    // Last year's bars beside this year's while 对比上年 is on.
    let charts = {
        let (checked, id) = (checked.clone(), id.clone());
        move || {
            let p = comparing.get().then(loaded).flatten();
            let last = p.as_ref().map(|p| &*p.checked);
            charts_on.then(|| table_charts(&checked, &checked.tables[&id], last))
        }
    };
    let toggle = compare_toggle(&checked, &id, last_year, comparing);
    follow_comparing(ctx.compared, id.clone(), comparing);
    let body = {
        let (checked, id) = (checked.clone(), id.clone());
        move || {
            // Drawn again when last year's report comes (the cells its checks name are flagged)
            // and when 对比上年 is turned on or off.
            let last = last_year.get();
            let comparison = comparing
                .get()
                .then(|| comparison(&checked, &id, last.clone()))
                .flatten();
            let note = comparison
                .as_ref()
                .map(|(c, year)| compare_note(c, *year, &checked.tables[&id]));
            let cross_year = about_table(last, &id);
            let parts = (comparison.map(|(c, _)| c), cross_year);
            view! { {note} {table_view(&checked, &id, parts, grid)} }
        }
    };
    let cross_year = cross_year_findings(id, last_year);
    view! { {toggle} {charts} {body} {cross_year} }.into_any()
}

/// Keeps the report's list of tables beside last year's (what 朗读 reads so) with this table's
/// toggle.
fn follow_comparing(compared: RwSignal<BTreeSet<String>>, id: String, comparing: RwSignal<bool>) {
    Effect::new(move |_| {
        let on = comparing.get();
        compared.update(|c| {
            if on {
                c.insert(id.clone());
            } else {
                c.remove(&id);
            }
        });
    });
}

/// The 对比上年 toggle, once last year's report is loaded and has a table of this number.
fn compare_toggle(
    checked: &Arc<CheckedReport>,
    id: &str,
    last_year: RwSignal<LastYear>,
    comparing: RwSignal<bool>,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
    let (checked, id, l) = (checked.clone(), id.to_string(), labels());
    move || {
        let p = last_year.get().loaded()?;
        last_years_table(&p.checked.tables, checked.tables.get(&id)?)?;
        Some(toggle_button("rv-compare__toggle", comparing, l.compare_toggle).into_any())
    }
}

/// The checks of this table against last year's report, below it once that report is loaded.
fn cross_year_findings(
    id: String,
    last_year: RwSignal<LastYear>,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
    move || {
        let findings = about_table(last_year.get(), &id);
        let list = cross_year_id(&id);
        // Lit while 朗读 reads them.
        let reading = reading_part(&id, ReadPart::CrossYear);
        (!findings.is_empty()).then(|| {
            view! {
                <div class="rv-cross-year" class:rv-reading=reading>
                    <LastYearFindings findings id=list/>
                </div>
            }
            .into_any()
        })
    }
}

/// What checking against last year's report found about table `id` (none before it is loaded).
fn about_table(last_year: LastYear, id: &str) -> Vec<Finding> {
    let mut findings = last_year.cross_year();
    findings.retain(|f| f.table_id.as_deref() == Some(id));
    findings
}

/// The table beside last year's, and last year's year; none before last year's report is loaded
/// or when it has no table of this number.
fn comparison(
    checked: &CheckedReport,
    id: &str,
    last_year: LastYear,
) -> Option<(Arc<Comparison>, u16)> {
    let p = last_year.loaded()?;
    let now = checked.tables.get(id)?;
    let words = &labels().change_words;
    let c = compare::compare(now, last_years_table(&p.checked.tables, now)?, words)?;
    Some((Arc::new(c), p.checked.report.meta.year))
}

/// Above a table beside last year's: what the columns are, and what could not be compared.
fn compare_note(c: &Comparison, year: u16, table: &crate::model::StatTable) -> impl IntoView {
    let l = labels();
    let name = l.table_name(
        table.template.map(|t| t.table_number()),
        table.label.as_deref().unwrap_or_default(),
    );
    let mut lines = vec![Labels::fill(
        l.compare_heading,
        &[("year", &year.to_string())],
    )];
    if c.formats_differ {
        let format = c.last_years_format.to_string();
        lines.push(Labels::fill(
            l.compare_other_format,
            &[("table", &name), ("format", &format)],
        ));
    }
    if !c.not_compared.is_empty() {
        let rows = c.not_compared.join(l.list_separator);
        lines.push(Labels::fill(l.compare_not_compared, &[("rows", &rows)]));
    }
    view! {
        <div class="rv-compare__note">
            {lines.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
        </div>
    }
}

/// The table's grid (and, on narrow screens, its cards), its legend and its findings: this year's
/// figures, or beside last year's.
fn table_view(
    checked: &Arc<CheckedReport>,
    id: &str,
    (comparison, cross_year): (Option<Arc<Comparison>>, Vec<Finding>),
    grid: RwSignal<bool>,
) -> AnyView {
    let text_lang = own_text_lang(checked, id);
    let shared = Arc::new(RowsCtx {
        id: id.to_string(),
        checked: checked.clone(),
        labels: labels(),
        comparison,
        cross_year,
    });
    let Some(m) = shared.markup() else {
        return ().into_any();
    };
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
    let cards = cards.map(|cards| {
        let (caption, unit) = (caption.clone(), unit.clone());
        let table = id.to_string();
        view! { <TableCards cards caption unit grid table/> }
    });
    let caption = view! {
        {caption}
        {unit.map(|u| view! { <span class="rv-table__unit">{u}</span> })}
    };
    let tables = tables(&m, shared.clone(), caption_id, caption);
    drop(m);
    let id = id.to_string();
    view! {
        <div class="rv-table-view" class:rv-table-view--grid=move || grid.get()>
        {cards}
        <div class=class id=id.clone()>
            <div class="rv-table__scroll" role="region" aria-labelledby=region_label tabindex="0" lang=text_lang.clone()>
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

/// A table that is not an official one is the report's own text throughout (an official one's
/// labels are in the interface's words): its language, where it differs from the interface's.
fn own_text_lang(checked: &CheckedReport, id: &str) -> Option<String> {
    checked
        .tables
        .get(id)
        .filter(|t| t.template.is_none())
        .and_then(|_| super::report_lang())
}

/// 图解 above the table (the webmaster may turn them off): the table stays the data's source.
/// With last year's report, last year's bars beside this year's.
fn table_charts(
    checked: &CheckedReport,
    table: &crate::model::StatTable,
    last_year: Option<&CheckedReport>,
) -> impl IntoView {
    let mut charts = checked.charts_for(table);
    if let Some(previous) = last_year {
        if let Some(before) = last_years_table(&previous.tables, table) {
            charts = with_last_year(charts, &previous.charts_for(before));
        }
    }
    let not_drawn = checked
        .charts_left_out(table)
        .then(|| view! { <p class="rv-chart-note">{labels().charts_not_drawn}</p> });
    let charts = charts
        .into_iter()
        .map(|chart| view! { <ChartFigure chart/> })
        .collect_view();
    view! { {not_drawn}{charts} }
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
    /// The table's id (what read-aloud's targets name).
    table: String,
) -> impl IntoView {
    let l = labels();
    let reading_caption = reading_part(&table, ReadPart::Caption);
    let list = cards
        .into_iter()
        .map(|card| {
            // Read aloud, the card of the row being read is lit (the grid is hidden here).
            let reading = reading_rows(&table, card.group, card.rows.clone());
            let block = card
                .block
                .map(|b| view! { <p class="rv-card__block">{b}</p> });
            let items = card
                .items
                .into_iter()
                .map(|(name, m)| card_item(name, m))
                .collect_view();
            let zeros = (!card.zeros.is_empty()).then(|| {
                view! { <p class="rv-card__zeros">{format!("{}{}", l.zeros, card.zeros.join(l.list_separator))}</p> }
            });
            view! {
                <li class="rv-card" class:rv-reading=reading>
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
            <p class="rv-cards__caption" class:rv-reading=reading_caption>
                {caption}
                {unit.map(|u| view! { <span class="rv-table__unit">{u}</span> })}
            </p>
            {toggle_button("rv-cards__toggle", grid, l.full_table)}
            <ul class="rv-cards__list">{list}</ul>
        </div>
    }
}

/// A small button that turns something on and off, saying which in `aria-pressed` (对比上年,
/// 查看完整表格); `class` is its own.
fn toggle_button(class: &'static str, on: RwSignal<bool>, label: &'static str) -> impl IntoView {
    view! {
        <button
            type="button"
            class=format!("rv-button rv-button--small {class}")
            aria-pressed=move || on.get().to_string()
            on:click=move |_| on.update(|v| *v = !*v)
        >
            {label}
        </button>
    }
}

/// One figure on a card: its column's name and the figure; beside last year's, last year's figure
/// and the change in a line of their own.
fn card_item(name: String, m: CellMarkup) -> impl IntoView {
    let (last_year, figure): (Vec<Piece>, Vec<Piece>) = m
        .content
        .into_iter()
        .partition(|p| matches!(p, Piece::Styled(LAST_YEAR_CLASS, _)));
    let compared = !last_year.is_empty();
    let last_year = compared.then(|| view! { <dd class=LAST_YEAR_CLASS>{pieces(last_year)}</dd> });
    view! {
        <div class="rv-card__item" class:rv-card__item--compared=compared>
            <dt>{name}</dt>
            <dd class=m.class aria-describedby=m.described_by>{pieces(figure)}</dd>
            {last_year}
        </div>
    }
}

/// What rendering a table's rows needs, shared by the chunks rendered later.
struct RowsCtx {
    id: String,
    checked: Arc<CheckedReport>,
    /// The viewer's words, kept: later chunks render outside the component's context.
    labels: &'static crate::labels::Labels,
    /// The table beside last year's, when 对比上年 is on.
    comparison: Option<Arc<Comparison>>,
    /// What checking this table against last year's report found (its cells are flagged).
    cross_year: Vec<Finding>,
}

impl RowsCtx {
    /// The table's markup decisions: this year's figures, or beside last year's.
    fn markup(&self) -> Option<TableMarkup<'_>> {
        let table = self.checked.tables.get(&self.id)?;
        let m = match &self.comparison {
            Some(c) => TableMarkup::compared(&self.checked, c, self.labels),
            None => TableMarkup::new(&self.checked, table, self.labels),
        };
        Some(m.with_cross_year(&self.cross_year, cross_year_id(&self.id)))
    }
}

/// Rows rendered at once; a longer body renders the rest in chunks of this many, one task each,
/// so a 20,000-row table never blocks the page for long.
const ROWS_AT_ONCE: usize = 150;

fn render_rows(ctx: &RowsCtx, rows: &[Vec<LaidCell>]) -> impl IntoView {
    let Some(m) = ctx.markup() else {
        return Vec::new();
    };
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
    CrossYear,
}

/// Whether read-aloud is now reading this table's caption, notes or checks against last year's
/// report.
fn reading_part(id: &str, part: ReadPart) -> impl Fn() -> bool + Send + Sync + 'static {
    let id = id.to_string();
    reading_where(move |target| match (target, &part) {
        (Target::TableCaption { table }, ReadPart::Caption) => *table == id,
        (Target::TableNotes { table }, ReadPart::Notes) => *table == id,
        (Target::TableCrossYear { table }, ReadPart::CrossYear) => *table == id,
        _ => false,
    })
}

/// Whether read-aloud is now reading this data row (a grid row: `data`, its first figure).
fn reading_row(id: &str, data: Option<CellPos>) -> impl Fn() -> bool + Send + Sync + 'static {
    let (group, rows) = data.map_or((0, Vec::new()), |p| (p.group, vec![p.row]));
    reading_rows(id, group, rows)
}

/// Whether read-aloud is now reading one of these data rows of a block (a card's rows).
fn reading_rows(id: &str, g: usize, rows: Vec<usize>) -> impl Fn() -> bool + Send + Sync + 'static {
    let id = id.to_string();
    reading_where(move |target| match target {
        Target::TableRows {
            table,
            group,
            first,
            last,
        } => *table == id && *group == g && rows.iter().any(|r| (*first..=*last).contains(r)),
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
