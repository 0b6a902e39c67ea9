//! The report's title and what the page says about it.

use super::reader::SpokenText;
use super::{labels, report_lang};
use crate::model::Meta;
use leptos::prelude::*;

/// Title, sample-data label, and metadata (publish time as YYYY-MM-DD HH:MM).
#[component]
pub fn ReportHeader(
    /// The report's metadata.
    meta: Meta,
) -> impl IntoView {
    let published = meta
        .published_display()
        .unwrap_or_else(|| meta.published.clone());
    let datetime = published.replace(' ', "T");
    let row = |term: &'static str, value: Option<String>| {
        value.map(|v| {
            view! {
                <div class="rv-meta__item">
                    <dt>{term}</dt>
                    <dd lang=report_lang()>{v}</dd>
                </div>
            }
        })
    };
    view! {
        <header class="rv-header">
            <h1 class="rv-title" id="rv-title" lang=report_lang()>
                <SpokenText key="title".to_string() text=meta.title.clone()/>
            </h1>
            {meta
                .sample
                .then(|| {
                    view! {
                        <p class="rv-sample">
                            <strong class="rv-badge">{labels().sample_badge}</strong>
                            {labels().sample_note}
                        </p>
                    }
                })}
            <dl class="rv-meta">
                <div class="rv-meta__item">
                    <dt>{labels().published}</dt>
                    <dd>
                        <time datetime=datetime>{published}</time>
                    </dd>
                </div>
                {row(labels().source, meta.source.clone())}
                {row(labels().agency, Some(meta.agency.clone()))}
                {row(
                    labels().original,
                    (meta.original.as_deref() == Some("pdf")).then(|| labels().from_pdf.to_string()),
                )}
                {row(labels().undertaker, meta.undertaker.clone())}
                {row(labels().views, meta.views.map(|v| v.to_string()))}
            </dl>
        </header>
    }
}
