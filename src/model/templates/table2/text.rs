//! 表二 against the report's text (T1): fees charged this year (the 2021 format's 本年收费金额)
//! that part 六 does not mention.

use crate::model::consistency::{part, text_finding, value};
use crate::model::finding::Said;
use crate::model::{Block, Finding, Report, StatTable};

/// Fees in 表二 that part 六 does not mention.
pub(super) fn fees_unmentioned(report: &Report, t: &StatTable) -> Option<Finding> {
    // The 2021 format's 本年收费金额 (万元); the 2019 format has no amount.
    let (_, amount) = value(t, "fees", "amount")?;
    if amount.units <= 0 {
        return None;
    }
    let six = part(report, '六', &["其他", "事项"])?;
    let mut text = String::new();
    for s in six.walk() {
        text.push_str(&s.title);
        for b in &s.blocks {
            if let Block::Paragraph { text: t } | Block::Note { text: t } = b {
                text.push_str(t);
            }
        }
    }
    let mentioned = ["收费", "收取", "信息处理费", "费用"]
        .iter()
        .any(|w| text.contains(w));
    (!mentioned).then(|| {
        let mut f = text_finding(Said::worded(
            format!(
                "表二的行政事业性收费本年收费金额为 {amount} 万元，但第六部分“{}”没有提及收费（信息处理费）情况。",
                six.title
            ),
            format!(
                "“表二” gives {amount} (“万元”, 10,000 yuan) of fees charged this year, but part “六” “{}” says nothing about fees (“信息处理费”).",
                six.title
            ),
        ));
        f.table_id = Some(t.id.clone());
        f.table = t.full_caption();
        f
    })
}
