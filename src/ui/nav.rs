//! The contents list and the toolbar (展开全部 / 收起全部).

use super::labels::ZH;
use super::ReportCtx;
use crate::model::Section;
use leptos::prelude::*;

/// 展开全部 and 收起全部.
#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let all = ctx.part_ids();
    let open = ctx.open;
    let count = all.len();
    let all_open = move || open.with(|o| o.len() == count);
    let none_open = move || open.with(|o| o.is_empty());
    view! {
        <div class="rv-toolbar" role="toolbar" aria-label=ZH.toolbar>
            <button
                type="button"
                class="rv-button"
                aria-disabled=move || all_open().to_string()
                on:click=move |_| open.set(all.iter().cloned().collect())
            >
                {ZH.expand_all}
            </button>
            <button
                type="button"
                class="rv-button"
                aria-disabled=move || none_open().to_string()
                on:click=move |_| {
                    open.set(Default::default());
                    super::app::replace_hash(None);
                }
            >
                {ZH.collapse_all}
            </button>
        </div>
    }
}

/// The contents list: links to every part and subsection.
#[component]
pub fn Contents() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let parts = ctx.checked.report.sections.clone();
    view! {
        <nav class="rv-contents" aria-labelledby="rv-contents-title">
            <h2 class="rv-contents__title" id="rv-contents-title">
                {ZH.contents}
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
                            <a href=href>{s.heading()}</a>
                            {subs}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
