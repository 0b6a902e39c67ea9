//! The contents list: links to every part and subsection.

use super::{labels, report_lang, ReportCtx};
use crate::model::Section;
use leptos::prelude::*;

/// The contents list: links to every part and subsection.
#[component]
pub fn Contents() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let parts = ctx.checked.report.sections.clone();
    view! {
        <nav class="rv-contents" aria-labelledby="rv-contents-title rv-title">
            <h2 class="rv-contents__title" id="rv-contents-title">
                {labels().contents}
            </h2>
            <ContentsList sections=parts/>
        </nav>
    }
}

/// One level of the contents list.
#[component]
fn ContentsList(
    /// The sections at this level.
    sections: Vec<Section>,
) -> impl IntoView {
    view! {
        <ol class="rv-contents__list">
            {sections
                .into_iter()
                .map(|s| {
                    let href = format!("#{}", s.id);
                    let subs = (!s.sections.is_empty())
                        .then(|| view! { <ContentsList sections=s.sections.clone()/> }.into_any());
                    view! {
                        <li>
                            <a href=href lang=report_lang()>{s.heading()}</a>
                            {subs}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
