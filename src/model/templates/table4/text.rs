//! Sentences of a report's text that state 表四's figures (T1): administrative reviews and
//! lawsuits.

use crate::model::consistency::Statement;

/// What the text states of 表四.
pub(super) const STATEMENTS: &[Statement] = &[
    Statement {
        lead: &["行政复议"],
        then: &[],
        not: &["同比", "诉讼"],
        what: "行政复议",
        what_en: "administrative reviews",
        accept: &[&[("review", "total")]],
    },
    Statement {
        lead: &["行政诉讼"],
        then: &[],
        not: &["同比", "复议"],
        what: "行政诉讼",
        what_en: "lawsuits",
        accept: &[&[("direct_suit", "total"), ("suit_after_review", "total")]],
    },
];
