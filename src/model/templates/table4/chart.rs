//! 表四's 图解: the outcomes of 行政复议, 未经复议直接起诉 and 复议后起诉, with its sentence.

use crate::labels::charts::{ChartSaid, ChartSays};
use crate::model::chart::{bar, chart, whole, Chart};
use crate::model::checker::figure;
use crate::model::StatTable;

/// 表四: the outcomes of 行政复议, 未经复议直接起诉 and 复议后起诉.
pub(super) fn reviews_and_suits(t: &StatTable) -> Chart {
    const GROUPS: [(&str, (&str, &str)); 3] = [
        ("review", ("行政复议", "Administrative review")),
        ("direct_suit", ("未经复议直接起诉", "Suit without review")),
        ("suit_after_review", ("复议后起诉", "Suit after review")),
    ];
    const OUTCOMES: [(&str, (&str, &str)); 4] = [
        ("upheld", ("结果维持", "upheld")),
        ("corrected", ("结果纠正", "corrected")),
        ("other", ("其他结果", "other outcome")),
        ("pending", ("尚未审结", "pending")),
    ];
    let mut c = chart(t, "outcomes", 4, ("复议和诉讼结果", "Reviews and suits"));
    c.headline = Some((
        ("行政复议", "administrative reviews"),
        figure(t, "review", "total"),
    ));
    c.bars = GROUPS
        .iter()
        .flat_map(|(g, gl)| {
            OUTCOMES.iter().map(move |(k, l)| {
                let label = (format!("{} · {}", gl.0, l.0), format!("{} · {}", gl.1, l.1));
                bar((&label.0, &label.1), figure(t, g, k))
            })
        })
        .collect();
    let totals: Vec<Option<i64>> = GROUPS.iter().map(|(g, _)| whole(t, g, "total")).collect();
    c.sentence = ChartSaid::new(ChartSays::ReviewsAndSuits {
        totals: [totals[0], totals[1], totals[2]],
        corrected: whole(t, "review", "corrected"),
    });
    c
}
