//! A 图解 on screen: the figure `export::chart` decides, as Leptos elements (the saved page and the
//! print view write the same markup as text). Highlighted while 朗读 reads its sentence.

use super::labels;
use super::reader::reading_where;
use crate::export::chart::{ChartMarkup, BAR_HEIGHT, BAR_SVG_HEIGHT, BAR_Y, VALUE_Y};
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
    let rows = m
        .rows
        .into_iter()
        .map(|r| {
            let bar = r.bar.map(|w| {
                view! { <rect class="rv-chart__bar" x="0" y=BAR_Y width=w height=BAR_HEIGHT></rect> }
            });
            view! {
                <div class="rv-chart__row">
                    <span class="rv-chart__label">{r.label}</span>
                    <svg
                        class="rv-chart__bar-svg"
                        width="100%"
                        height=BAR_SVG_HEIGHT
                        aria-hidden="true"
                        focusable="false"
                    >
                        {bar}
                        <text class="rv-chart__value" x=r.value_x dx="0.4em" y=VALUE_Y>
                            {r.value}
                        </text>
                    </svg>
                </div>
            }
        })
        .collect_view();
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
            <figcaption class="rv-chart__caption">
                <strong id=title_id>{m.title}</strong>
                " "
                <span id=desc_id>{m.sentence}</span>
                " "
                <span class="rv-chart__source">{m.source}</span>
            </figcaption>
        </figure>
    }
}
