//! 表二's 图解 (2021 format): rules issued, repealed and in force; decisions on licensing,
//! penalties and coercive measures; each with its sentence.

use crate::model::chart::{bar, chart, whole, Chart};
use crate::model::checker::figure;
use crate::model::StatTable;

/// A count in a sentence: "12件", or 未提供.
fn zh(v: Option<i64>) -> String {
    v.map_or_else(|| "未提供".to_string(), |n| format!("{n}件"))
}

/// A count in an English sentence: "12", or "not given".
fn en(v: Option<i64>) -> String {
    v.map_or_else(|| "not given".to_string(), |n| n.to_string())
}

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
    c.sentence = (
        format!(
            "本年制发规章{}、行政规范性文件{}，废止规章{}、行政规范性文件{}，现行有效规章{}、行政规范性文件{}。",
            zh(ri), zh(ni), zh(rr), zh(nr), zh(rf), zh(nf)
        ),
        format!(
            "This year {} regulations and {} normative documents were issued, {} and {} repealed; {} and {} are in force.",
            en(ri), en(ni), en(rr), en(nr), en(rf), en(nf)
        ),
    );
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
    c.sentence = (
        format!(
            "本年作出行政许可决定{}，行政处罚决定{}，行政强制决定{}。",
            zh(f[0]),
            zh(f[1]),
            zh(f[2])
        ),
        format!(
            "Decisions this year: {} on licensing, {} penalties, {} coercive measures.",
            en(f[0]),
            en(f[1]),
            en(f[2])
        ),
    );
    c
}
