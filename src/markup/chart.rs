//! The markup of a 图解 (`model::chart`), decided once for the screen (`ui::chart`), the saved
//! page and the print view (`export::chart` writes it as text): a `<figure>` holding the chart —
//! for each figure its label (text that wraps, so long labels fit a phone at 200 %) over an SVG bar
//! with the figure written at its end — and a caption with the key message. Lengths in em follow
//! the reader's text size. The chart is `role="img"`, named by the caption's title and described
//! by its sentence; the table below stays the accessible source of the data.

use crate::labels::Labels;
use crate::model::chart::{Bar, Chart};

/// One bar and its figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarMark {
    /// The bar's width ("70.0%"); none for a figure not provided.
    pub width: Option<String>,
    /// The figure as written beside the bar (未提供 when not provided).
    pub value: String,
    /// Where the figure starts (the bar's end).
    pub value_x: String,
}

/// One row of the chart: the label, this year's bar and, on a compared chart, last year's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    /// What the bar counts.
    pub label: String,
    /// This year's bar.
    pub bar: BarMark,
    /// Last year's bar, drawn hollow below it.
    pub last_year: Option<BarMark>,
}

/// A chart as every renderer draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartMarkup {
    /// Element id of the figure.
    pub id: String,
    /// "表三图解：申请人".
    pub title: String,
    /// The key message.
    pub sentence: String,
    /// Where the figures come from ("图中数字取自下表…").
    pub source: &'static str,
    /// How to tell this year's bars from last year's, on a compared chart.
    pub legend: Option<&'static str>,
    /// The rows.
    pub rows: Vec<ChartRow>,
    /// The rows some bars add up, shown on demand: the bar's label and its parts.
    pub parts: Vec<(String, Vec<ChartRow>)>,
    /// What the disclosure of the parts says.
    pub parts_summary: &'static str,
    /// Each breakdown's figures in words, its plot's description ("属于国家秘密 1、…").
    pub parts_descriptions: Vec<String>,
}

/// The longest bar, in tenths of a percent of the chart's width (room for the figure after it,
/// four digits at 200 % text on a phone).
const LONGEST: u32 = 700;

/// "70.0%" from tenths of a percent (integers only: no float formatting in the browser build).
fn pct(tenths: u32) -> String {
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// The bar's SVG: its height and the rectangle's and figure's vertical places, in em.
pub const BAR_SVG_HEIGHT: &str = "1.6em";
/// The SVG's height with last year's bar below this year's.
pub const COMPARED_SVG_HEIGHT: &str = "2.8em";
/// Top of the bar.
pub const BAR_Y: &str = "0.2em";
/// Height of the bar.
pub const BAR_HEIGHT: &str = "1.2em";
/// Baseline of the figure.
pub const VALUE_Y: &str = "1.2em";
/// Top of last year's bar.
pub const LAST_YEAR_Y: &str = "1.6em";
/// Height of last year's bar.
pub const LAST_YEAR_HEIGHT: &str = "0.9em";
/// Baseline of last year's figure.
pub const LAST_YEAR_VALUE_Y: &str = "2.4em";

impl BarMark {
    fn new(chart: &Chart, value: Option<crate::model::Decimal>, l: &Labels) -> Self {
        let width = chart.length(value).map(|len| len * LONGEST / 1000);
        BarMark {
            width: width.map(pct),
            value: value.map_or_else(|| l.not_provided.to_string(), |v| v.to_string()),
            value_x: pct(width.unwrap_or(0)),
        }
    }
}

impl ChartRow {
    fn new(chart: &Chart, bar: &Bar, l: &Labels) -> Self {
        ChartRow {
            label: l.pick(&bar.label.0, &bar.label.1).to_string(),
            bar: BarMark::new(chart, bar.value, l),
            // Only the figure after last year's bar: its hollow shape and the legend say whose
            // it is, and four digits fit a phone at 200 % however long the bar.
            last_year: chart
                .compared
                .then(|| BarMark::new(chart, bar.last_year, l)),
        }
    }

    /// The SVG's height: taller with last year's bar.
    pub fn svg_height(&self) -> &'static str {
        if self.last_year.is_some() {
            COMPARED_SVG_HEIGHT
        } else {
            BAR_SVG_HEIGHT
        }
    }
}

impl ChartMarkup {
    /// The markup of `chart` in these words.
    pub fn new(chart: &Chart, l: &Labels) -> ChartMarkup {
        let table = l.table_name(Some(chart.number), &chart.label);
        let title = Labels::fill(
            l.chart_title,
            &[
                ("table", &table),
                ("title", l.pick(chart.title.0, chart.title.1)),
            ],
        );
        let row = |b: &Bar| ChartRow::new(chart, b, l);
        ChartMarkup {
            id: chart.id.clone(),
            title,
            sentence: l.chart_sentence(&chart.sentence),
            source: l.chart_source,
            legend: chart.compared.then_some(l.chart_compared),
            rows: chart.bars.iter().map(row).collect(),
            parts: chart
                .bars
                .iter()
                .filter(|b| !b.parts.is_empty())
                .map(|b| (row(b).label, b.parts.iter().map(row).collect()))
                .collect(),
            parts_summary: l.chart_parts,
            parts_descriptions: chart
                .bars
                .iter()
                .filter(|b| !b.parts.is_empty())
                .map(|b| {
                    let rows: Vec<String> = b
                        .parts
                        .iter()
                        .map(|p| {
                            let r = row(p);
                            format!("{} {}", r.label, r.bar.value)
                        })
                        .collect();
                    rows.join(l.list_separator)
                })
                .collect(),
        }
    }

    /// Id of a breakdown plot's description.
    pub fn parts_desc_id(&self, i: usize) -> String {
        format!("{}-parts-{i}-desc", self.id)
    }

    /// Id of the caption's title (the chart's name).
    pub fn title_id(&self) -> String {
        format!("{}-title", self.id)
    }

    /// Id of the caption's sentence (the chart's description).
    pub fn desc_id(&self) -> String {
        format!("{}-desc", self.id)
    }

    /// Id of the plot of a bar's parts (named by its label).
    pub fn parts_id(&self, i: usize) -> String {
        format!("{}-parts-{i}", self.id)
    }
}
