//! 图解: the official tables drawn as bar charts, each with one sentence that says what its figures
//! say ("本年新收申请141件，其中自然人118件，占83.7%…"), computed from the figures. Pure: the
//! screen (`ui::chart`) and the saved and printed copies (`export::html`) draw the same bars.
//!
//! Figures not provided are never drawn (the bar says 未提供, never 0); a table whose identities
//! fail says so in its sentence. The table stays the accessible source of the data.

use super::checker::figure;
use super::compare::change;
pub use super::compare::percent;
use super::{Decimal, StatTable};
use crate::labels::charts::{ChangeSaid, ChartSaid, ChartSays};

/// One bar: what it counts, and the figure (`None`: not provided, drawn as no bar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// What the bar counts, in Chinese and in English ("自然人", "Natural persons").
    pub label: (String, String),
    /// The figure.
    pub value: Option<Decimal>,
    /// Last year's figure, when the chart is compared with last year's (`None`: not provided).
    pub last_year: Option<Decimal>,
    /// The rows the figure adds up (（三）不予公开's eight reasons), shown on demand.
    pub parts: Vec<Bar>,
}

/// A chart of one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// Element id (the table's id and what the chart shows).
    pub id: String,
    /// The table's id.
    pub table: String,
    /// What the chart shows, in Chinese and English ("申请人", "Applicants"); the table's name
    /// goes before it.
    pub title: (&'static str, &'static str),
    /// The table's number (3 for 表三).
    pub number: u8,
    /// The table's label as printed (表三).
    pub label: String,
    /// The bars, in the table's order.
    pub bars: Vec<Bar>,
    /// The key message, from the figures (worded by the labels).
    pub sentence: ChartSaid,
    /// Last year's figures are drawn beside this year's.
    pub compared: bool,
    /// The figure the sentence leads with (表三: new requests, outcomes in total; 表四: reviews),
    /// what it counts in Chinese and English, for the sentence's comparison with last year's.
    pub headline: Option<((&'static str, &'static str), Option<Decimal>)>,
}

impl Chart {
    /// Whether the chart has a figure to draw (this year's, a part's or last year's): a chart
    /// of bars that are all 未提供 is not drawn.
    pub fn has_figures(&self) -> bool {
        self.bars.iter().any(|b| {
            b.value.is_some() || b.last_year.is_some() || b.parts.iter().any(|p| p.value.is_some())
        })
    }

    /// Each bar's length as a share of the longest, in thousandths (0 for a zero figure, `None`
    /// where the figure is not provided). Integer arithmetic: no float formatting in the browser
    /// build.
    pub fn lengths(&self) -> Vec<Option<u32>> {
        self.bars.iter().map(|b| self.length(b.value)).collect()
    }

    /// A figure's length on this chart's scale (the longest bar, this year's or last year's, is
    /// 1000), in thousandths; `None` for a figure not provided.
    pub fn length(&self, value: Option<Decimal>) -> Option<u32> {
        let max = self
            .bars
            .iter()
            .flat_map(|b| [b.value, b.last_year.filter(|_| self.compared)])
            .filter_map(|v| v.and_then(|v| v.as_whole()))
            .max()
            .unwrap_or(0)
            .max(0);
        let v = value?.as_whole()?.max(0);
        Some(if max == 0 {
            0
        } else {
            (v.min(max) * 1000 / max) as u32
        })
    }
}

/// This year's charts with last year's figures beside them, bar by bar (a bar last year's chart
/// does not have stays without one).
pub fn with_last_year(now: Vec<Chart>, before: &[Chart]) -> Vec<Chart> {
    fn pair(bars: &mut [Bar], before: &[Bar]) {
        for bar in bars {
            let last = before.iter().find(|b| b.label.0 == bar.label.0);
            bar.last_year = last.and_then(|b| b.value);
            pair(&mut bar.parts, last.map_or(&[][..], |b| &b.parts));
        }
    }
    now.into_iter()
        .map(|mut chart| {
            if let Some(last) = before.iter().find(|b| b.title == chart.title) {
                pair(&mut chart.bars, &last.bars);
                chart.compared = true;
                say_change(&mut chart, last);
            }
            chart
        })
        .collect()
}

/// The sentence ends with the change of its leading figure: "与上年（118件）相比，新收申请增23
/// （19.5%）。"
fn say_change(chart: &mut Chart, last: &Chart) {
    let (Some((what, Some(now))), Some((_, Some(before)))) = (chart.headline, last.headline) else {
        return;
    };
    chart.sentence.change = Some(ChangeSaid {
        before: before.to_string(),
        what,
        change: change(Some(now), Some(before)).said(),
    });
}

/// A whole figure of a cell, when provided.
pub(crate) fn whole(t: &StatTable, row: &str, column: &str) -> Option<i64> {
    figure(t, row, column).and_then(|d| d.as_whole())
}

/// The sum of figures, when every one is provided.
pub(crate) fn sum(t: &StatTable, rows: &[&str], column: &str) -> Option<Decimal> {
    rows.iter()
        .map(|r| figure(t, r, column))
        .try_fold(Decimal::whole(0), |acc, v| acc.checked_add(v?))
}

/// A bar with its label in Chinese and English.
pub(crate) fn bar(label: (&str, &str), value: Option<Decimal>) -> Bar {
    Bar {
        label: (label.0.to_string(), label.1.to_string()),
        value,
        last_year: None,
        parts: Vec::new(),
    }
}

/// An empty chart of a table: `what` it shows names its element id.
pub(crate) fn chart(
    t: &StatTable,
    what: &str,
    number: u8,
    title: (&'static str, &'static str),
) -> Chart {
    Chart {
        id: format!("{}-chart-{what}", t.id),
        table: t.id.clone(),
        title,
        number,
        label: t.label.clone().unwrap_or_default(),
        bars: Vec::new(),
        sentence: ChartSaid::new(ChartSays::Nothing),
        compared: false,
        headline: None,
    }
}

/// The charts of a table whose figures contradict each other say so: they draw the figures as
/// printed.
pub fn say_contradictions(charts: &mut [Chart]) {
    for c in charts {
        c.sentence.contradicts = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::labels::{EN, ZH};
    use crate::model::{check_report, read_report, CheckedReport};

    fn sample() -> CheckedReport {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/reports/sample-2021.json"
        ))
        .unwrap();
        check_report(read_report(&bytes).unwrap())
    }

    #[test]
    fn percentages_round_half_up_with_one_decimal() {
        assert_eq!(percent(118, 141), "83.7%");
        assert_eq!(percent(1, 2), "50%");
        assert_eq!(percent(1, 3), "33.3%");
        assert_eq!(percent(2, 3), "66.7%");
        assert_eq!(percent(0, 0), "0%");
    }

    #[test]
    fn bar_lengths_are_proportional_and_not_provided_is_no_bar() {
        let chart = Chart {
            id: "c".into(),
            table: "t".into(),
            title: ("t", "t"),
            number: 3,
            label: "表三".into(),
            bars: vec![
                bar(("a", "a"), Some(Decimal::whole(40))),
                bar(("b", "b"), Some(Decimal::whole(10))),
                bar(("c", "c"), None),
                bar(("d", "d"), Some(Decimal::whole(0))),
            ],
            sentence: ChartSaid::new(ChartSays::Nothing),
            compared: false,
            headline: None,
        };
        assert_eq!(chart.lengths(), vec![Some(1000), Some(250), None, Some(0)]);
        let zeros = Chart {
            bars: vec![bar(("a", "a"), Some(Decimal::whole(0)))],
            ..chart
        };
        assert_eq!(
            zeros.lengths(),
            vec![Some(0)],
            "all zero: no division by zero"
        );
    }

    #[test]
    fn last_years_figures_are_paired_bar_by_bar_and_share_the_scale() {
        let checked = sample();
        let now = checked.charts();
        let mut before = now.clone();
        // Last year: everything doubled, and the （三） breakdown's first reason not given.
        for c in &mut before {
            c.headline = c
                .headline
                .map(|(w, v)| (w, v.map(|v| Decimal::whole(v.as_whole().unwrap() * 2))));
            for b in &mut c.bars {
                b.value = b.value.map(|v| Decimal::whole(v.as_whole().unwrap() * 2));
                if let Some(p) = b.parts.first_mut() {
                    p.value = None;
                }
            }
        }
        before.retain(|c| c.title.0 != "申请人");
        let paired = with_last_year(now.clone(), &before);
        let applicants = paired.iter().find(|c| c.title.0 == "申请人").unwrap();
        assert!(!applicants.compared, "no chart of that name last year");
        assert!(applicants.bars.iter().all(|b| b.last_year.is_none()));
        let results = paired.iter().find(|c| c.title.0 == "办理结果").unwrap();
        assert!(results.compared);
        for b in &results.bars {
            let twice = b.value.map(|v| Decimal::whole(v.as_whole().unwrap() * 2));
            assert_eq!(b.last_year, twice, "{}", b.label.0);
        }
        // The longest bar is last year's: this year's are half as long.
        let longest = results
            .bars
            .iter()
            .filter_map(|b| b.last_year)
            .max()
            .unwrap();
        assert_eq!(results.length(Some(longest)), Some(1000));
        assert_eq!(
            results.length(Some(Decimal::whole(longest.as_whole().unwrap() / 2))),
            Some(500)
        );
        // Its sentence ends with the change of its leading figure, in words.
        assert!(
            ZH.chart_sentence(&results.sentence)
                .ends_with("与上年（284件）相比，办理结果总计减142（50%）。"),
            "{}",
            ZH.chart_sentence(&results.sentence)
        );
        assert!(EN
            .chart_sentence(&results.sentence)
            .ends_with(" Against last year's 284, outcomes in total: −142 (−50%)."));
        assert!(!ZH.chart_sentence(&applicants.sentence).contains("与上年"));
        let refused = &results.bars[2];
        assert_eq!(refused.parts.len(), 8, "（三）不予公开 has eight reasons");
        assert_eq!(refused.parts[0].last_year, None);
        assert_eq!(
            refused.parts[1].last_year,
            refused.parts[1]
                .value
                .map(|v| Decimal::whole(v.as_whole().unwrap() * 2))
        );
    }

    #[test]
    fn the_sample_report_charts_say_what_its_figures_say() {
        let checked = sample();
        let all = checked.charts();
        assert_eq!(all.len(), 5);
        let said = |what: &str| {
            let c = all.iter().find(|c| c.id.ends_with(what)).expect(what);
            (c, &checked.tables[&c.table])
        };
        let (c, t) = said("applicants");
        // The sentence follows the figures as printed in the sample's 表三.
        let (n, p) = (
            whole(t, "new_requests", "total").unwrap(),
            whole(t, "new_requests", "natural_person").unwrap(),
        );
        assert_eq!((n, p), (141, 118));
        assert_eq!(
            ZH.chart_sentence(&c.sentence),
            "本年新收申请141件，其中自然人118件，占83.7%；法人或其他组织23件，占16.3%。"
        );
        assert!(EN
            .chart_sentence(&c.sentence)
            .starts_with("141 new requests this year, 118 of them (83.7%)"));
        assert_eq!(c.bars[0].value, figure(t, "new_requests", "natural_person"));
        let (c, _) = said("results");
        assert_eq!(
            ZH.chart_sentence(&c.sentence),
            "办理结果共142件，其中予以公开65件，占45.8%，部分公开18件，占12.7%。"
        );
        // The sample's planted violation is in 表四: its chart says so.
        let (c, _) = said("outcomes");
        assert!(
            ZH.chart_sentence(&c.sentence)
                .ends_with("图中按表中所印数字画出。"),
            "{}",
            ZH.chart_sentence(&c.sentence)
        );
        assert!(EN.chart_sentence(&c.sentence).contains("contradict"));
        let (c, _) = said("rules");
        assert!(ZH
            .chart_sentence(&c.sentence)
            .starts_with("本年制发规章2件、行政规范性文件12件"));
    }

    #[test]
    fn not_provided_zero_totals_and_failing_identities_are_said() {
        // The seed report: its tables were lost from the page copy, only one figure is known.
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/reports/erlianhaote-2020.json"
        ))
        .unwrap();
        let checked = check_report(read_report(&bytes).unwrap());
        // A chart of bars that would all be 未提供 is not drawn; the table says so once.
        for c in checked.charts() {
            assert!(c.has_figures(), "{} has nothing to draw", c.id);
            assert!(!c.id.ends_with("results"), "no figure of 办理结果 is known");
        }
        // 表三 gives one figure, a total (28): no chart has a bar to draw, so the table says
        // once that it is not drawn (the total is in the table).
        let table3 = checked
            .tables
            .values()
            .find(|t| t.label.as_deref() == Some("表三"))
            .unwrap();
        assert!(checked.charts_for(table3).is_empty());
        assert!(checked.charts_left_out(table3));
        let left_out = checked
            .tables
            .values()
            .filter(|t| checked.charts_left_out(t))
            .count();
        assert!(left_out >= 1, "tables without a figure say so once");
        // Not provided is never drawn as zero.
        for c in checked.charts() {
            for (bar, length) in c.bars.iter().zip(c.lengths()) {
                assert_eq!(bar.value.is_none(), length.is_none(), "{}", c.id);
            }
        }
    }

    #[test]
    fn zero_totals_are_said_as_none_and_drawn_as_no_length() {
        let mut v: serde_json::Value = serde_json::from_slice(
            &std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/public/reports/sample-2021.json"
            ))
            .unwrap(),
        )
        .unwrap();
        fn zero(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    if m.get("type").and_then(|t| t.as_str()) == Some("table")
                        && m.get("template").and_then(|t| t.as_str()) == Some("table4-2021")
                    {
                        for row in m["values"].as_object_mut().unwrap().values_mut() {
                            for cell in row.as_object_mut().unwrap().values_mut() {
                                *cell = 0.into();
                            }
                        }
                    }
                    m.values_mut().for_each(zero);
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(zero),
                _ => {}
            }
        }
        zero(&mut v);
        let checked = check_report(read_report(v.to_string().as_bytes()).unwrap());
        let c = checked
            .charts()
            .into_iter()
            .find(|c| c.id.ends_with("outcomes"))
            .unwrap();
        assert_eq!(
            ZH.chart_sentence(&c.sentence),
            "本年没有因政府信息公开引起的行政复议和行政诉讼。"
        );
        assert!(c.lengths().iter().all(|l| *l == Some(0)));
    }
}
