//! The contents list: links to every part and subsection, as `markup::page::contents` decides.

use super::{labels, report_lang, ReportCtx};
use crate::markup::page::{contents, ContentsEntry, CONTENTS_TITLE_ID};
use leptos::prelude::*;

/// The contents list: links to every part and subsection.
#[component]
pub fn Contents() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let c = contents(&ctx.checked.report.sections, labels());
    view! {
        <nav class="rv-contents" aria-labelledby=format!("{CONTENTS_TITLE_ID} rv-title")>
            <h2 class="rv-contents__title" id=CONTENTS_TITLE_ID>
                {c.title}
            </h2>
            <ContentsList entries=c.entries/>
        </nav>
    }
}

/// One level of the contents list.
#[component]
fn ContentsList(
    /// The entries at this level.
    entries: Vec<ContentsEntry>,
) -> impl IntoView {
    view! {
        <ol class="rv-contents__list">
            {entries
                .into_iter()
                .map(|e| {
                    let subs = (!e.entries.is_empty())
                        .then(|| view! { <ContentsList entries=e.entries/> }.into_any());
                    view! {
                        <li>
                            <a href=e.href lang=report_lang()>{e.text}</a>
                            {subs}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
