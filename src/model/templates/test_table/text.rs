//! The sentence of a report's text that states 表九's total (T1).

use crate::model::consistency::Statement;

/// What the text states of 表九.
pub(super) const STATEMENTS: &[Statement] = &[Statement {
    lead: &["试点受理"],
    then: &["申请"],
    not: &["同比"],
    what: "试点受理的申请",
    what_en: "pilot requests received",
    accept: &[&[("received", "total")]],
}];
