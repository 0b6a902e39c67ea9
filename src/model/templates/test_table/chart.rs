//! 表九's 图解: requests received online and offline, with its sentence.

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
    let (on, off) = (
        whole(t, "received", "online"),
        whole(t, "received", "offline"),
    );
    c.sentence = match (on, off) {
        (Some(on), Some(off)) => (
            format!("本年试点受理线上{on}件，线下{off}件。"),
            format!("{on} received online, {off} offline."),
        ),
        _ => ("分项数字未提供。".into(), "Not given.".into()),
    };
    c
}
