//! 表四's 图解: the outcomes of 行政复议, 未经复议直接起诉 and 复议后起诉, with its sentence.

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
    c.sentence = match (totals[0], totals[1], totals[2]) {
        (Some(0), Some(0), Some(0)) => (
            "本年没有因政府信息公开引起的行政复议和行政诉讼。".into(),
            "No administrative review or suit about disclosure this year.".into(),
        ),
        (Some(r), Some(d), Some(a)) => {
            let mut zh = format!("行政复议{r}件");
            let mut en = format!("{r} administrative reviews");
            if let (Some(k), true) = (whole(t, "review", "corrected"), r > 0) {
                zh.push_str(&format!("，其中结果纠正{k}件"));
                en.push_str(&format!(", {k} corrected"));
            }
            zh.push_str(&format!(
                "；行政诉讼{}件（未经复议直接起诉{d}件，复议后起诉{a}件）。",
                d + a
            ));
            en.push_str(&format!(
                "; {} suits ({d} without review, {a} after review).",
                d + a
            ));
            (zh, en)
        }
        _ => (
            "行政复议、行政诉讼的总计有未提供的数字。".into(),
            "Some totals of reviews and suits are not given.".into(),
        ),
    };
    c
}
