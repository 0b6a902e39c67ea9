//! 表二's 图解 (2021 format): rules issued, repealed and in force; decisions on licensing,
//! penalties and coercive measures; each with its sentence.

use crate::labels::charts::{ChartSaid, ChartSays};
use crate::model::chart::{bar, chart, whole, Chart};
use crate::model::checker::figure;
use crate::model::StatTable;

/// 表二 (2021 format): rules issued, repealed and in force.
pub(super) fn rules(t: &StatTable) -> Chart {
    let mut c = chart(
        t,
        "rules",
        2,
        (
            "规章和行政规范性文件",
            "Regulations and normative documents",
        ),
    );
    for (row, what) in [
        ("regulations", ("规章", "Regulations")),
        (
            "normative_documents",
            ("行政规范性文件", "Normative documents"),
        ),
    ] {
        for (col, l) in [
            ("issued", ("本年制发", "issued")),
            ("repealed", ("本年废止", "repealed")),
            ("in_force", ("现行有效", "in force")),
        ] {
            let label = (
                format!("{} · {}", what.0, l.0),
                format!("{} · {}", what.1, l.1),
            );
            c.bars.push(bar((&label.0, &label.1), figure(t, row, col)));
        }
    }
    let f = |row: &str, col: &str| whole(t, row, col);
    let (ri, ni, rr, nr, rf, nf) = (
        f("regulations", "issued"),
        f("normative_documents", "issued"),
        f("regulations", "repealed"),
        f("normative_documents", "repealed"),
        f("regulations", "in_force"),
        f("normative_documents", "in_force"),
    );
    c.sentence = ChartSaid::new(ChartSays::Rules {
        issued: [ri, ni],
        repealed: [rr, nr],
        in_force: [rf, nf],
    });
    c
}

/// 表二 (2021 format): decisions on licensing, penalties and coercive measures.
pub(super) fn decisions(t: &StatTable) -> Chart {
    let mut c = chart(t, "decisions", 2, ("处理决定", "Decisions"));
    let rows = [
        ("licensing", ("行政许可", "Licensing")),
        ("penalty", ("行政处罚", "Penalties")),
        ("coercion", ("行政强制", "Coercive measures")),
    ];
    for (row, what) in rows {
        c.bars.push(bar(what, figure(t, row, "decisions")));
    }
    let f: Vec<Option<i64>> = rows.iter().map(|(r, _)| whole(t, r, "decisions")).collect();
    c.sentence = ChartSaid::new(ChartSays::Decisions([f[0], f[1], f[2]]));
    c
}
