//! The sentence of a report's text that states 表九's total (T1).

use crate::model::claims::Statement;

/// What the text states of 表九.
pub(super) const STATEMENTS: &[Statement] = &[Statement {
    what: "试点受理的申请",
    what_en: "pilot requests received",
    words: &["试点受理"],
    scope: &[],
    not: &[],
    accept: &[&[("received", "total")]],
    broken_down: false,
}];
