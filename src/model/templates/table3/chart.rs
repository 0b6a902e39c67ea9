//! 表三's 图解: who applied (一、本年新收 by applicant) and how requests were handled (三、本年度办理
//!结果, （一）to（六）with the sub-rows of （三）to（六）on demand), each with its sentence.

use super::{NOT_PROCESSED, OTHER_2021, REFUSED, UNAVAILABLE};
use crate::labels::charts::{ChartSaid, ChartSays, Share};
use crate::model::chart::{bar, chart, percent, sum, whole, Bar, Chart};
use crate::model::checker::figure;
use crate::model::StatTable;

const APPLICANTS: &[(&str, (&str, &str))] = &[
    ("natural_person", ("自然人", "Natural persons")),
    ("commercial", ("商业企业", "Commercial enterprises")),
    ("research", ("科研机构", "Research institutions")),
    (
        "public_interest",
        ("社会公益组织", "Public-interest organisations"),
    ),
    (
        "legal_services",
        ("法律服务机构", "Legal service organisations"),
    ),
    ("other_org", ("其他", "Other organisations")),
];

/// A count with its share of `total` (of 0 when the total is not given: the sentence then says
/// so and shows no share).
fn share_of(total: Option<i64>) -> impl Fn(i64) -> Share {
    move |n| Share {
        n,
        percent: percent(n, total.unwrap_or(0)),
    }
}

/// 表三: who applied (一、本年新收, by applicant).
pub(super) fn applicants(t: &StatTable) -> Chart {
    let mut c = chart(t, "applicants", 3, ("申请人", "Applicants"));
    c.bars = APPLICANTS
        .iter()
        .map(|(k, l)| bar(*l, figure(t, "new_requests", k)))
        .collect();
    c.headline = Some((
        ("新收申请", "new requests"),
        figure(t, "new_requests", "total"),
    ));
    let total = whole(t, "new_requests", "total");
    let people = whole(t, "new_requests", "natural_person");
    let orgs: Option<i64> = APPLICANTS[1..]
        .iter()
        .map(|(k, _)| whole(t, "new_requests", k))
        .sum();
    c.sentence = ChartSaid::new(ChartSays::NewRequests {
        total,
        people: people.map(share_of(total)),
        orgs: orgs.map(share_of(total)),
    });
    c
}

/// The bars of 表三's results: （一）to（六）, the sub-rows of （三）to（六）as their parts.
fn result_bars(t: &StatTable, v2021: bool) -> Vec<Bar> {
    let keys = |list: &[(&'static str, &'static str)]| -> Vec<&'static str> {
        list.iter().map(|(k, _)| *k).collect()
    };
    let other = if v2021 && t.keyed_cell("other_handling", "total").is_none() {
        sum(t, &keys(OTHER_2021), "total")
    } else {
        figure(t, "other_handling", "total")
    };
    vec![
        bar(("（一）予以公开", "Granted"), figure(t, "granted", "total")),
        bar(
            ("（二）部分公开", "Partly granted"),
            figure(t, "partly_granted", "total"),
        ),
        with_parts(
            bar(
                ("（三）不予公开", "Refused"),
                sum(t, &keys(REFUSED), "total"),
            ),
            t,
            REFUSED,
        ),
        with_parts(
            bar(
                ("（四）无法提供", "Unavailable"),
                sum(t, &keys(UNAVAILABLE), "total"),
            ),
            t,
            UNAVAILABLE,
        ),
        with_parts(
            bar(
                ("（五）不予处理", "Not processed"),
                sum(t, &keys(NOT_PROCESSED), "total"),
            ),
            t,
            NOT_PROCESSED,
        ),
        if v2021 && t.keyed_cell("other_handling", "total").is_none() {
            with_parts(
                bar(("（六）其他处理", "Other handling"), other),
                t,
                OTHER_2021,
            )
        } else {
            bar(("（六）其他处理", "Other handling"), other)
        },
    ]
}

/// 表三: how requests were handled (三、本年度办理结果, the 总计 column), a bar for each of
/// （一）to（六）; the sub-rows of （三）to（六）added up (a group with a figure not provided is not
/// drawn).
pub(super) fn results(t: &StatTable, v2021: bool) -> Chart {
    let mut c = chart(t, "results", 3, ("办理结果", "Outcomes"));
    c.bars = result_bars(t, v2021);
    c.headline = Some((
        ("办理结果总计", "outcomes in total"),
        figure(t, "results_total", "total"),
    ));
    let total = whole(t, "results_total", "total");
    let granted = whole(t, "granted", "total");
    let partly = whole(t, "partly_granted", "total");
    c.sentence = ChartSaid::new(ChartSays::Outcomes {
        total,
        granted: granted.map(share_of(total)),
        partly: partly.map(share_of(total)),
    });
    c
}

/// The sub-rows of 表三's results, in English.
const PARTS_EN: &[(&str, &str)] = &[
    ("refused_state_secret", "State secret"),
    ("refused_prohibited_by_law", "Prohibited by other laws"),
    ("refused_three_safeties", "Endangers security or stability"),
    ("refused_third_party", "Protects a third party"),
    ("refused_internal_affairs", "Internal affairs"),
    ("refused_process_info", "Process information"),
    ("refused_enforcement_files", "Enforcement files"),
    ("refused_inquiry", "Administrative inquiry"),
    ("unavailable_not_held", "Not held by this agency"),
    ("unavailable_needs_creation", "Would need to be created"),
    ("unavailable_unclear", "Still unclear after correction"),
    ("not_processed_petition", "Petitions and complaints"),
    ("not_processed_repeated", "Repeated requests"),
    ("not_processed_publication", "Publications"),
    ("not_processed_excessive", "Excessive requests"),
    ("not_processed_confirmation", "Confirming information held"),
    ("other_overdue_correction", "No correction in time"),
    ("other_unpaid_fee", "Fee not paid in time"),
    ("other_other", "Other"),
];

/// A bar of 表三's results with its sub-rows (drawn on demand).
fn with_parts(mut b: Bar, t: &StatTable, rows: &[(&str, &str)]) -> Bar {
    b.parts = rows
        .iter()
        .map(|(key, label)| {
            let en = PARTS_EN
                .iter()
                .find(|(k, _)| k == key)
                .map_or(*label, |(_, en)| *en);
            bar((label, en), figure(t, key, "total"))
        })
        .collect();
    b
}
