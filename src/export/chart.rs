//! A 图解 as HTML text, for the saved page and the print view: the figure
//! [`crate::markup::chart`] decides, written as the screen (`ui::chart`) draws it.

use super::escape;
use crate::markup::chart::{
    BarMark, ChartMarkup, ChartRow, BAR_HEIGHT, BAR_Y, LAST_YEAR_HEIGHT, LAST_YEAR_VALUE_Y,
    LAST_YEAR_Y, VALUE_Y,
};
use std::fmt::Write;

impl ChartRow {
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
    use crate::labels::charts::{ChartSaid, ChartSays};
    use crate::labels::{EN, ZH};
    use crate::markup::chart::COMPARED_SVG_HEIGHT;
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
            sentence: ChartSaid::new(ChartSays::Counts(vec![(
                ("新收申请".into(), "new requests".into()),
                Some(141),
            )])),
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
        assert_eq!(m.sentence, "141 new requests.");
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
