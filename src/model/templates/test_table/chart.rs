//! 表九's 图解: requests received online and offline, with its sentence.

use crate::labels::charts::{ChartSaid, ChartSays};
use crate::model::chart::{bar, chart, whole, Chart};
use crate::model::checker::figure;
use crate::model::StatTable;

/// 表九: received online and offline.
pub(super) fn channels(t: &StatTable) -> Chart {
    let mut c = chart(t, "channels", 9, ("申请方式", "Channels"));
    c.bars = vec![
        bar(("线上", "Online"), figure(t, "received", "online")),
        bar(("线下", "Offline"), figure(t, "received", "offline")),
    ];
    c.sentence = ChartSaid::new(ChartSays::Counts(vec![
        (
            ("线上".into(), "online".into()),
            whole(t, "received", "online"),
        ),
        (
            ("线下".into(), "offline".into()),
            whole(t, "received", "offline"),
        ),
    ]));
    c
}
