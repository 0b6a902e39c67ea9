//! The markup of a 图解 (`model::chart`), decided once for the screen (`ui::chart`), the saved
//! page and the print view (`export::html`): a `<figure>` holding the chart — for each figure its
//! label (text that wraps, so long labels fit a phone at 200 %) over an SVG bar with the figure
//! written at its end — and a caption with the key message. Lengths in em follow the reader's
//! text size. The chart is `role="img"`, named by the caption's title and described by its
//! sentence; the table below stays the accessible source of the data.

use super::escape;
use crate::labels::Labels;
use crate::model::chart::Chart;
use std::fmt::Write;

/// One row of the chart: the label, the bar (none when the figure is not provided) and the figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    /// What the bar counts.
    pub label: String,
    /// The bar's width ("70.0%"); none for a figure not provided.
    pub bar: Option<String>,
    /// The figure as written beside the bar (未提供 when not provided).
    pub value: String,
    /// Where the figure starts (the bar's end).
    pub value_x: String,
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
    /// The rows.
    pub rows: Vec<ChartRow>,
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
/// Top of the bar.
pub const BAR_Y: &str = "0.2em";
/// Height of the bar.
pub const BAR_HEIGHT: &str = "1.2em";
/// Baseline of the figure.
pub const VALUE_Y: &str = "1.2em";

impl ChartMarkup {
    /// The markup of `chart` in these words.
    pub fn new(chart: &Chart, l: &Labels) -> ChartMarkup {
        let en = l.english();
        let table = l.table_name(Some(chart.number), &chart.label);
        let title = if en {
            format!("{table} chart: {}", chart.title.1)
        } else {
            format!("{table}图解：{}", chart.title.0)
        };
        let rows = chart
            .bars
            .iter()
            .zip(chart.lengths())
            .map(|(bar, length)| {
                let width = length.map(|len| len * LONGEST / 1000);
                ChartRow {
                    label: if en {
                        bar.label.1.clone()
                    } else {
                        bar.label.0.clone()
                    },
                    bar: width.map(pct),
                    value: bar
                        .value
                        .map_or_else(|| l.not_provided.to_string(), |v| v.to_string()),
                    value_x: pct(width.unwrap_or(0)),
                }
            })
            .collect();
        ChartMarkup {
            id: chart.id.clone(),
            title,
            sentence: if en {
                chart.sentence.1.clone()
            } else {
                chart.sentence.0.clone()
            },
            source: l.chart_source,
            rows,
        }
    }

    /// Id of the caption's title (the chart's name).
    pub fn title_id(&self) -> String {
        format!("{}-title", self.id)
    }

    /// Id of the caption's sentence (the chart's description).
    pub fn desc_id(&self) -> String {
        format!("{}-desc", self.id)
    }

    /// The figure as HTML, for the saved page and the print view.
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
            let _ = write!(
                h,
                "<div class=\"rv-chart__row\"><span class=\"rv-chart__label\">{}</span><svg class=\"rv-chart__bar-svg\" width=\"100%\" height=\"{BAR_SVG_HEIGHT}\" aria-hidden=\"true\" focusable=\"false\">",
                escape(&r.label)
            );
            if let Some(w) = &r.bar {
                let _ = write!(
                    h,
                    "<rect class=\"rv-chart__bar\" x=\"0\" y=\"{BAR_Y}\" width=\"{w}\" height=\"{BAR_HEIGHT}\"></rect>"
                );
            }
            let _ = write!(
                h,
                "<text class=\"rv-chart__value\" x=\"{}\" dx=\"0.4em\" y=\"{VALUE_Y}\">{}</text></svg></div>",
                r.value_x,
                escape(&r.value)
            );
        }
        let _ = writeln!(
            h,
            "</div><figcaption class=\"rv-chart__caption\"><strong id=\"{}\">{}</strong> <span id=\"{}\">{}</span> <span class=\"rv-chart__source\">{}</span></figcaption></figure>",
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
        }
    }

    #[test]
    fn bars_are_proportional_and_a_figure_not_provided_has_no_bar() {
        let m = ChartMarkup::new(&chart(), &ZH);
        assert_eq!(m.title, "表三图解：申请人");
        assert_eq!(m.rows[0].bar.as_deref(), Some("70.0%"));
        assert_eq!(m.rows[1].bar.as_deref(), Some("35.0%"));
        assert_eq!(m.rows[1].value_x, "35.0%");
        assert_eq!(m.rows[2].bar, None);
        assert_eq!(m.rows[2].value, "未提供");
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
        assert_eq!(m.rows[2].value, EN.not_provided);
    }
}
