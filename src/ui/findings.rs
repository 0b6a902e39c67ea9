//! Check results in words: a summary at the top, and the findings beside each table.

use super::labels;
use super::reader::reading_where;
use super::ReportCtx;
use crate::markup::page::{check_summary, CHECK_TITLE_ID};
use crate::markup::table as markup;
use crate::model::Finding;
use crate::read_aloud::script::Target;
use leptos::prelude::*;

/// One finding as a list item: severity and rule in words, then the message (as
/// `markup::table::finding` words it).
#[component]
fn FindingItem(
    /// The finding.
    finding: Finding,
    /// Name the table too (in the summary).
    #[prop(optional)]
    with_table: bool,
) -> impl IntoView {
    let l = labels();
    let m = markup::finding(&finding, l, with_table);
    let table = m.table.map(|(id, name)| match id {
        Some(id) => view! { <a href=format!("#{id}")>{name}</a> {l.colon} }.into_any(),
        None => view! { <span>{name} {l.colon}</span> }.into_any(),
    });
    view! {
        <li class=m.class data-rule=m.rule>
            <strong class="rv-finding__label">{m.label}</strong>
            {table}
            {m.message}
        </li>
    }
}

/// Findings as a list, each a [`FindingItem`].
#[component]
fn FindingList(
    /// The findings.
    findings: Vec<Finding>,
    /// Name each one's table too (in the summary).
    #[prop(optional)]
    with_table: bool,
) -> impl IntoView {
    view! {
        <ul class="rv-findings__list">
            {findings
                .into_iter()
                .map(|finding| view! { <FindingItem finding with_table/> })
                .collect_view()}
        </ul>
    }
}

/// The summary at the top: whether the tables hold together, and what does not, as
/// `markup::page::check_summary` decides it.
#[component]
pub fn CheckSummary() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let Some(m) = check_summary(&ctx.checked, labels()) else {
        return ().into_any();
    };
    let unchecked = (!m.unchecked.is_empty()).then(|| {
        let lines = m
            .unchecked
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view();
        view! { <ul class="rv-check__unchecked">{lines}</ul> }
    });
    let verdict = m.verdict.map(|v| view! { <p>{v}</p> });
    let attention = m.attention.map(|(line, findings)| {
        view! {
            <p>{line}</p>
            <FindingList findings with_table=true/>
        }
    });
    view! {
        <div class="rv-check" class:rv-check--problems=m.problems>
            <h2 class="rv-check__title" id=CHECK_TITLE_ID>
                {m.title}
            </h2>
            {unchecked}
            {verdict}
            {attention}
            {import_notes(m.import_notes)}
            {cross_year(ctx.last_year)}
        </div>
    }
    .into_any()
}

/// In 数据核对, once last year's report is loaded: what checking against it found, each with a
/// link to its table (where the figures it is about are marked).
fn cross_year(
    last_year: RwSignal<super::context::LastYear>,
) -> impl Fn() -> Option<AnyView> + Send + Sync + 'static {
    move || {
        let findings = last_year.get().cross_year();
        (!findings.is_empty()).then(|| {
            view! {
                <div class="rv-check__cross-year">
                    <p><strong>{labels().cross_year_title}</strong></p>
                    <FindingList findings with_table=true/>
                </div>
            }
            .into_any()
        })
    }
}

/// What the importer decided reading the page's article (enhance mode): in the page, not only
/// on the console. Only enhance mode's build reads articles.
#[cfg(feature = "enhance")]
fn import_notes(notes: Option<(String, Vec<Finding>)>) -> Option<impl IntoView> {
    notes.map(|(summary, findings)| {
        view! {
            <details class="rv-import">
                <summary>{summary}</summary>
                <FindingList findings/>
            </details>
        }
    })
}

#[cfg(not(feature = "enhance"))]
fn import_notes(_: Option<(String, Vec<Finding>)>) -> Option<()> {
    None
}

/// The findings of one table, shown below it.
#[component]
pub fn TableFindings(
    /// The table's findings.
    findings: Vec<Finding>,
    /// Element id, referenced by flagged cells.
    id: String,
    /// The table's id (highlighted while 朗读 reads its findings).
    table: String,
) -> impl IntoView {
    let problems = findings.iter().any(Finding::needs_attention);
    let reading = reading_where(
        move |t| matches!(t, Target::TableFindings { table: read } if *read == table),
    );
    (!findings.is_empty()).then(|| {
        view! {
            <div class="rv-findings" class:rv-findings--problems=problems class:rv-reading=reading id=id>
                <p class="rv-findings__title">
                    <strong>{labels().table_check}</strong>
                </p>
                <FindingList findings/>
            </div>
        }
    })
}

/// The checks of one table against last year's report (X1, X2), below it once that report is
/// loaded.
#[component]
pub fn LastYearFindings(
    /// The findings about this table.
    findings: Vec<Finding>,
    /// Element id, referenced by the cells they flag.
    id: String,
) -> impl IntoView {
    let problems = findings.iter().any(Finding::needs_attention);
    view! {
        <div class="rv-findings rv-findings--last-year" class:rv-findings--problems=problems id=id>
            <p class="rv-findings__title">
                <strong>{labels().cross_year_title}</strong>
            </p>
            <FindingList findings/>
        </div>
    }
}
