//! The markup of a 图解 (`model::chart`), decided once for the screen (`ui::chart`), the saved
//! page and the print view (`export::html`): a `<figure>` holding the chart — for each figure its
//! label (text that wraps, so long labels fit a phone at 200 %) over an SVG bar with the figure
//! written at its end — and a caption with the key message. Lengths in em follow the reader's
//! text size. The chart is `role="img"`, named by the caption's title and described by its
//! sentence; the table below stays the accessible source of the data.

use super::escape;
use crate::labels::Labels;
use crate::model::chart::{Bar, Chart};
use std::fmt::Write;

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

    /// The row as HTML.
    fn html(&self, h: &mut String) {
        let _ = write!(
            h,
            "<div class=\"rv-chart__row\"><span class=\"rv-chart__label\">{}</span><svg class=\"rv-chart__bar-svg\" width=\"100%\" height=\"{}\" aria-hidden=\"true\" focusable=\"false\">",
            escape(&self.label),
            self.svg_height()
        );
        bar_html(h, &self.bar, "rv-chart__bar", (BAR_Y, BAR_HEIGHT, VALUE_Y));
        if let Some(last) = &self.last_year {
            bar_html(
                h,
                last,
                "rv-chart__bar rv-chart__bar--last-year",
                (LAST_YEAR_Y, LAST_YEAR_HEIGHT, LAST_YEAR_VALUE_Y),
            );
        }
        h.push_str("</svg></div>");
    }
}

/// One bar and its figure in SVG: its class, and its top, height and figure's baseline.
fn bar_html(h: &mut String, b: &BarMark, class: &str, (y, height, value_y): (&str, &str, &str)) {
    if let Some(w) = &b.width {
        let _ = write!(
            h,
            "<rect class=\"{class}\" x=\"0\" y=\"{y}\" width=\"{w}\" height=\"{height}\"></rect>"
        );
    }
    let _ = write!(
        h,
        "<text class=\"rv-chart__value\" x=\"{}\" dx=\"0.4em\" y=\"{value_y}\">{}</text>",
        b.value_x,
        escape(&b.value)
    );
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
            sentence: l.pick(&chart.sentence.0, &chart.sentence.1).to_string(),
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

    /// The figure as HTML, for the saved page and the print view (the breakdown closed, as on
    /// screen; paper leaves it out: the table holds those rows).
    pub fn html(&self) -> String {
        let mut h = String::new();
        let _ = write!(
            h,
            "<figure class=\"rv-chart\" id=\"{}\"><div class=\"rv-chart__plot\" role=\"img\" aria-labelledby=\"{}\" aria-describedby=\"{}\">",
            escape(&self.id),
            escape(&self.title_id()),
            escape(&self.desc_id()),
        );
        for r in &self.rows {
            r.html(&mut h);
        }
        h.push_str("</div>");
        if !self.parts.is_empty() {
            let _ = write!(
                h,
                "<details class=\"rv-chart__parts\"><summary>{}</summary>",
                escape(self.parts_summary)
            );
            for (i, (label, rows)) in self.parts.iter().enumerate() {
                let id = self.parts_id(i);
                let desc = self.parts_desc_id(i);
                let _ = write!(
                    h,
                    "<p class=\"rv-chart__parts-label\" id=\"{}\">{}</p><p class=\"rv-sr\" id=\"{}\">{}</p><div class=\"rv-chart__plot\" role=\"img\" aria-labelledby=\"{} {}\" aria-describedby=\"{}\">",
                    escape(&id),
                    escape(label),
                    escape(&desc),
                    escape(&self.parts_descriptions[i]),
                    escape(&self.title_id()),
                    escape(&id),
                    escape(&desc),
                );
                for r in rows {
                    r.html(&mut h);
                }
                h.push_str("</div>");
            }
            h.push_str("</details>");
        }
        let legend = self
            .legend
            .map(|l| format!(" <span class=\"rv-chart__legend\">{}</span>", escape(l)))
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<figcaption class=\"rv-chart__caption\"><strong id=\"{}\">{}</strong> <span id=\"{}\">{}</span>{legend} <span class=\"rv-chart__source\">{}</span></figcaption></figure>",
            escape(&self.title_id()),
            escape(&self.title),
            escape(&self.desc_id()),
            escape(&self.sentence),
            escape(self.source)
        );
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::{EN, ZH};
    use crate::model::cell::Decimal;
    use crate::model::chart::{Bar, Chart};

    fn chart() -> Chart {
        let bar = |l: &str, v: Option<i64>| Bar {
            label: (l.to_string(), format!("{l}-en")),
            value: v.map(Decimal::whole),
            last_year: None,
            parts: Vec::new(),
        };
        Chart {
            id: "t3-chart-applicants".into(),
            table: "t3".into(),
            title: ("申请人", "Applicants"),
            number: 3,
            label: "表三".into(),
            bars: vec![
                bar("自然人", Some(118)),
                bar("商业企业", Some(59)),
                bar("其他", None),
            ],
            sentence: ("本年新收申请…".into(), "New requests…".into()),
            compared: false,
            headline: None,
        }
    }

    #[test]
    fn bars_are_proportional_and_a_figure_not_provided_has_no_bar() {
        let m = ChartMarkup::new(&chart(), &ZH);
        assert_eq!(m.title, "表三图解：申请人");
        assert_eq!(m.rows[0].bar.width.as_deref(), Some("70.0%"));
        assert_eq!(m.rows[1].bar.width.as_deref(), Some("35.0%"));
        assert_eq!(m.rows[1].bar.value_x, "35.0%");
        assert_eq!(m.rows[2].bar.width, None);
        assert_eq!(m.rows[2].bar.value, "未提供");
        let html = m.html();
        assert!(html.contains("role=\"img\""));
        assert_eq!(html.matches("<rect").count(), 2);
        assert_eq!(html.matches("class=\"rv-chart__row\"").count(), 3);
    }

    #[test]
    fn in_english_the_chart_says_everything_in_english() {
        let m = ChartMarkup::new(&chart(), &EN);
        assert_eq!(m.title, "Table 3 chart: Applicants");
        assert_eq!(m.rows[0].label, "自然人-en");
        assert_eq!(m.sentence, "New requests…");
        assert_eq!(m.rows[2].bar.value, EN.not_provided);
    }

    #[test]
    fn a_compared_chart_draws_last_years_bar_hollow_on_one_scale() {
        let mut c = chart();
        c.compared = true;
        c.bars[0].last_year = Some(Decimal::whole(236));
        c.bars[1].last_year = None;
        let m = ChartMarkup::new(&c, &ZH);
        // Last year's 236 is now the longest bar; this year's 118 half of it.
        let last = m.rows[0].last_year.as_ref().unwrap();
        assert_eq!(last.width.as_deref(), Some("70.0%"));
        assert_eq!(last.value, "236");
        assert_eq!(m.rows[0].bar.width.as_deref(), Some("35.0%"));
        let missing = m.rows[1].last_year.as_ref().unwrap();
        assert_eq!(
            (missing.width.as_deref(), missing.value.as_str()),
            (None, "未提供")
        );
        assert_eq!(m.legend, Some(ZH.chart_compared));
        let html = m.html();
        assert_eq!(
            html.matches("rv-chart__bar--last-year").count(),
            1,
            "no bar for a figure not given"
        );
        assert_eq!(html.matches("<text").count(), 6, "a figure after each bar");
        assert!(html.contains(&format!("height=\"{COMPARED_SVG_HEIGHT}\"")));
    }

    #[test]
    fn parts_are_drawn_on_demand_on_the_same_scale() {
        let mut c = chart();
        c.bars[1].parts = vec![
            Bar {
                label: ("1.属于国家秘密".into(), "State secret".into()),
                value: Some(Decimal::whole(59)),
                last_year: None,
                parts: Vec::new(),
            },
            Bar {
                label: ("2.其他".into(), "Other".into()),
                value: None,
                last_year: None,
                parts: Vec::new(),
            },
        ];
        let m = ChartMarkup::new(&c, &EN);
        assert_eq!(m.parts.len(), 1);
        assert_eq!(m.parts[0].0, "商业企业-en");
        assert_eq!(m.parts[0].1[0].bar.width.as_deref(), Some("35.0%"));
        assert_eq!(m.parts[0].1[1].bar.width, None);
        let html = m.html();
        assert!(html
            .contains("<details class=\"rv-chart__parts\"><summary>Breakdown by reason</summary>"));
        assert_eq!(html.matches("role=\"img\"").count(), 2);
    }
}
