//! How a report's text states 表三's figures (T1): requests received, concluded, granted,
//! partly granted, refused, unavailable, not processed, otherwise handled, carried over and
//! carried forward, in the words the regulation and the forms use and reports write; and the
//! applicant columns a breakdown names ("其中自然人72件、商业企业3件").

use crate::model::claims::{ColumnWords, Statement};

/// Requests: the paragraph or the heading of its part must be about 政府信息公开 requests
/// (a window that "受理申请136437件" is about licensing, not disclosure).
const SCOPE: &[&str] = &[
    "依申请",
    "信息公开申请",
    "公开申请",
    "申请公开",
    "信息处理费",
];

/// The result rows of （三） to （六）, summed (either format's rows: a row the table does not have
/// leaves its alternative out).
const REFUSED: &[(&str, &str)] = &[
    ("refused_state_secret", "total"),
    ("refused_prohibited_by_law", "total"),
    ("refused_three_safeties", "total"),
    ("refused_third_party", "total"),
    ("refused_internal_affairs", "total"),
    ("refused_process_info", "total"),
    ("refused_enforcement_files", "total"),
    ("refused_inquiry", "total"),
];
const UNAVAILABLE: &[(&str, &str)] = &[
    ("unavailable_not_held", "total"),
    ("unavailable_needs_creation", "total"),
    ("unavailable_unclear", "total"),
];
const NOT_PROCESSED: &[(&str, &str)] = &[
    ("not_processed_petition", "total"),
    ("not_processed_repeated", "total"),
    ("not_processed_publication", "total"),
    ("not_processed_excessive", "total"),
    ("not_processed_confirmation", "total"),
];
const OTHER_2021: &[(&str, &str)] = &[
    ("other_overdue_correction", "total"),
    ("other_unpaid_fee", "total"),
    ("other_other", "total"),
];

/// What the text states of 表三.
pub(super) const STATEMENTS: &[Statement] = &[
    Statement {
        what: "收到的政府信息公开申请",
        what_en: "requests received",
        words: &[
            "收到",
            "受理",
            "接收",
            "接到",
            "新收",
            "共收",
            "登记",
            "申请数量",
            "申请量",
        ],
        scope: SCOPE,
        not: &[],
        // 本年新收, or 本年新收 + 上年结转 (reports count both ways).
        accept: &[
            &[("new_requests", "total")],
            &[("new_requests", "total"), ("carried_over", "total")],
        ],
        broken_down: true,
    },
    Statement {
        what: "办结的申请",
        what_en: "requests concluded",
        words: &[
            "办结",
            "答复",
            "办理完毕",
            "处理完毕",
            "已办理",
            "审结申请",
            "作出答复",
        ],
        scope: SCOPE,
        not: &["办结率", "答复率"],
        accept: &[&[("results_total", "total")]],
        broken_down: true,
    },
    Statement {
        what: "予以公开的申请",
        what_en: "requests granted",
        words: &["予以公开", "同意公开", "全部公开"],
        scope: SCOPE,
        not: &[],
        accept: &[&[("granted", "total")]],
        broken_down: true,
    },
    Statement {
        what: "予以公开和部分公开的申请",
        what_en: "requests granted in full or in part",
        words: &[
            "予以公开及部分公开",
            "予以公开和部分公开",
            "予以公开或部分公开",
            "予以公开、部分公开",
            "全部或部分公开",
            "全部公开和部分公开",
        ],
        scope: SCOPE,
        not: &[],
        accept: &[&[("granted", "total"), ("partly_granted", "total")]],
        broken_down: false,
    },
    Statement {
        what: "部分公开的申请",
        what_en: "requests partly granted",
        words: &["部分公开"],
        scope: SCOPE,
        not: &[],
        accept: &[&[("partly_granted", "total")]],
        broken_down: true,
    },
    Statement {
        what: "不予公开的申请",
        what_en: "requests refused",
        words: &["不予公开", "不予以公开", "不公开"],
        scope: SCOPE,
        not: &[],
        accept: &[REFUSED],
        broken_down: false,
    },
    Statement {
        what: "无法提供的申请",
        what_en: "requests that could not be met",
        words: &["无法提供"],
        scope: SCOPE,
        not: &[],
        accept: &[UNAVAILABLE],
        broken_down: false,
    },
    Statement {
        what: "不予处理的申请",
        what_en: "requests not processed",
        words: &["不予处理"],
        scope: SCOPE,
        not: &[],
        accept: &[NOT_PROCESSED],
        broken_down: false,
    },
    Statement {
        what: "其他处理的申请",
        what_en: "requests otherwise handled",
        words: &["其他处理"],
        scope: SCOPE,
        not: &[],
        accept: &[&[("other_handling", "total")], OTHER_2021],
        broken_down: false,
    },
    Statement {
        what: "上年结转的申请",
        what_en: "requests carried over from last year",
        words: &[
            "上年结转",
            "上年度结转",
            "上一年度结转",
            "上一年结转",
            "往年结转",
            "结转上年度",
            "上年转入",
        ],
        scope: SCOPE,
        not: &[],
        accept: &[&[("carried_over", "total")]],
        broken_down: false,
    },
    Statement {
        what: "结转下年度继续办理的申请",
        what_en: "requests carried forward to next year",
        words: &[
            "结转下年度",
            "结转至下年度",
            "结转到下年度",
            "结转下一年度",
            "结转至下一年度",
            "结转至",
            "结转到",
            "转入下年度",
            "顺延至",
            "顺延到",
            "顺延",
            "延至下年度",
            "结转下年",
        ],
        scope: SCOPE,
        not: &[],
        accept: &[&[("carried_forward", "total")]],
        broken_down: false,
    },
];

/// The applicant columns a breakdown names.
pub(super) const COLUMNS: &[ColumnWords] = &[
    ColumnWords {
        words: &["自然人"],
        columns: &["natural_person"],
    },
    ColumnWords {
        words: &["商业企业", "企业"],
        columns: &["commercial"],
    },
    ColumnWords {
        words: &["科研机构"],
        columns: &["research"],
    },
    ColumnWords {
        words: &["社会公益组织"],
        columns: &["public_interest"],
    },
    ColumnWords {
        words: &["法律服务机构"],
        columns: &["legal_services"],
    },
    ColumnWords {
        words: &["法人或其他组织", "法人和其他组织", "法人或者其他组织"],
        columns: &[
            "commercial",
            "research",
            "public_interest",
            "legal_services",
            "other_org",
        ],
    },
];
