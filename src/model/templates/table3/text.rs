//! Sentences of a report's text that state 表三's figures (T1): requests received, carried over,
//! carried forward, granted.

use crate::model::consistency::Statement;

/// What the text states of 表三.
pub(super) const STATEMENTS: &[Statement] = &[
    Statement {
        lead: &["收到", "受理", "新收"],
        then: &["申请"],
        not: &["同比", "较上年", "比上年", "增长", "下降"],
        what: "收到的政府信息公开申请",
        what_en: "requests received",
        // 本年新收, or 本年新收 + 上年结转 (reports count both ways).
        accept: &[
            &[("new_requests", "total")],
            &[("new_requests", "total"), ("carried_over", "total")],
        ],
    },
    Statement {
        lead: &["上年结转"],
        then: &[],
        not: &["同比"],
        what: "上年结转的申请",
        what_en: "requests carried over from last year",
        accept: &[&[("carried_over", "total")]],
    },
    Statement {
        lead: &["结转下年度", "结转至下年度", "结转到下年度", "转入下年度"],
        then: &[],
        not: &["同比"],
        what: "结转下年度继续办理的申请",
        what_en: "requests carried forward to next year",
        accept: &[&[("carried_forward", "total")]],
    },
    Statement {
        lead: &["予以公开"],
        then: &[],
        not: &["同比", "部分"],
        what: "予以公开的申请",
        what_en: "requests granted",
        accept: &[&[("granted", "total")]],
    },
];
