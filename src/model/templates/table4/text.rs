//! How a report's text states 表四's figures (T1): administrative reviews and lawsuits about
//! information disclosure, suits with and without review first, and the outcomes a breakdown
//! names (维持, 纠正, 其他结果, 尚未审结). Suits *concluded* (审结, 结案, 一审, 二审, 判决) are no
//! cell of 表四: such counts are left unbound.

use crate::model::claims::{ColumnWords, Statement};

/// The sentence or its part must be about 政府信息公开.
const SCOPE: &[&str] = &["信息公开"];
/// Counts of concluded or judged cases, which 表四 does not hold.
const NOT: &[&str] = &[
    "审结", "结案", "一审", "二审", "判决", "裁定", "驳回", "撤诉", "胜诉", "败诉", "开庭",
];

/// What the text states of 表四.
pub(super) const STATEMENTS: &[Statement] = &[
    Statement {
        what: "行政复议",
        what_en: "administrative reviews",
        words: &["行政复议", "复议申请", "复议案件"],
        scope: SCOPE,
        not: NOT,
        accept: &[&[("review", "total")]],
        broken_down: true,
    },
    Statement {
        what: "行政诉讼",
        what_en: "lawsuits",
        words: &["行政诉讼", "诉讼案件", "行政应诉"],
        scope: SCOPE,
        not: NOT,
        accept: &[&[("direct_suit", "total"), ("suit_after_review", "total")]],
        broken_down: true,
    },
    Statement {
        what: "未经复议直接起诉的行政诉讼",
        what_en: "suits without review",
        words: &[
            "未经复议直接起诉",
            "未经行政复议直接起诉",
            "未经复议直接提起行政诉讼",
            "直接提起行政诉讼",
            "直接起诉",
        ],
        scope: SCOPE,
        not: NOT,
        accept: &[&[("direct_suit", "total")]],
        broken_down: true,
    },
    Statement {
        what: "复议后起诉的行政诉讼",
        what_en: "suits after review",
        words: &[
            "复议后起诉",
            "行政复议后起诉",
            "复议后提起行政诉讼",
            "复议后提起诉讼",
            "经复议后起诉",
        ],
        scope: SCOPE,
        not: NOT,
        accept: &[&[("suit_after_review", "total")]],
        broken_down: true,
    },
];

/// The outcome columns a breakdown names.
pub(super) const COLUMNS: &[ColumnWords] = &[
    ColumnWords {
        words: &["结果维持", "维持"],
        columns: &["upheld"],
    },
    ColumnWords {
        words: &["结果纠正", "纠正"],
        columns: &["corrected"],
    },
    ColumnWords {
        words: &["其他结果"],
        columns: &["other"],
    },
    ColumnWords {
        words: &["尚未审结", "未审结", "正在审理"],
        columns: &["pending"],
    },
];
