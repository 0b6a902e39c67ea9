//! A 图解 on screen: the figure `markup::chart` decides, as Leptos elements (the saved page and the
//! print view write the same markup as text). Highlighted while 朗读 reads its sentence.

use super::labels;
use super::reader::reading_where;
use crate::markup::chart::{
    BarMark, ChartMarkup, ChartRow, BAR_HEIGHT, BAR_Y, LAST_YEAR_HEIGHT, LAST_YEAR_VALUE_Y,
    LAST_YEAR_Y, VALUE_Y,
};
use crate::model::chart::Chart;
use crate::read_aloud::script::Target;
use leptos::prelude::*;

/// One chart.
#[component]
pub fn ChartFigure(
    /// The chart.
    chart: Chart,
) -> impl IntoView {
    let m = ChartMarkup::new(&chart, labels());
    let id = chart.id.clone();
    let reading =
        reading_where(move |t| matches!(t, Target::TableChart { chart, .. } if *chart == id));
    let (title_id, desc_id) = (m.title_id(), m.desc_id());
    let (labelled_by, described_by) = (title_id.clone(), desc_id.clone());
    let rows = m.rows.clone().into_iter().map(row).collect_view();
    let parts = (!m.parts.is_empty()).then(|| {
        let plots = m
            .parts
            .iter()
            .enumerate()
            .map(|(i, (label, rows))| {
                let id = m.parts_id(i);
                let named = format!("{title_id} {id}");
                let (desc, said) = (m.parts_desc_id(i), m.parts_descriptions[i].clone());
                let rows = rows.clone().into_iter().map(row).collect_view();
                view! {
                    <p class="rv-chart__parts-label" id=id>{label.clone()}</p>
                    <p class="rv-sr" id=desc.clone()>{said}</p>
                    <div class="rv-chart__plot" role="img" aria-labelledby=named aria-describedby=desc>{rows}</div>
                }
            })
            .collect_view();
        view! {
            <details class="rv-chart__parts">
                <summary>{m.parts_summary}</summary>
                {plots}
            </details>
        }
    });
    let legend = m
        .legend
        .map(|l| view! { " "<span class="rv-chart__legend">{l}</span> });
    view! {
        <figure class="rv-chart" class:rv-reading=reading id=m.id>
            <div
                class="rv-chart__plot"
                role="img"
                aria-labelledby=labelled_by
                aria-describedby=described_by
            >
                {rows}
            </div>
            {parts}
            <figcaption class="rv-chart__caption">
                <strong id=title_id>{m.title}</strong>
                " "
                <span id=desc_id>{m.sentence}</span>
                {legend}
                " "
                <span class="rv-chart__source">{m.source}</span>
            </figcaption>
        </figure>
    }
}

/// One row: its label over an SVG of this year's bar and, on a compared chart, last year's.
fn row(r: ChartRow) -> impl IntoView {
    let height = r.svg_height();
    let last = r.last_year.map(|b| {
        bar(
            b,
            "rv-chart__bar rv-chart__bar--last-year",
            (LAST_YEAR_Y, LAST_YEAR_HEIGHT, LAST_YEAR_VALUE_Y),
        )
    });
    view! {
        <div class="rv-chart__row">
            <span class="rv-chart__label">{r.label}</span>
            <svg class="rv-chart__bar-svg" width="100%" height=height aria-hidden="true" focusable="false">
                {bar(r.bar, "rv-chart__bar", (BAR_Y, BAR_HEIGHT, VALUE_Y))}
                {last}
            </svg>
        </div>
    }
}

/// A bar and its figure: its class, and its top, height and figure's baseline.
fn bar(
    b: BarMark,
    class: &'static str,
    (y, height, value_y): (&'static str, &'static str, &'static str),
) -> impl IntoView {
    let rect = b
        .width
        .map(|w| view! { <rect class=class x="0" y=y width=w height=height></rect> });
    view! {
        {rect}
        <text class="rv-chart__value" x=b.value_x dx="0.4em" y=value_y>
            {b.value}
        </text>
    }
}
