//! The report's title and what the page says about it, as `markup::page::header` decides them.

use super::reader::SpokenText;
use super::{labels, report_lang};
use crate::markup::page::{header, Medium, MetaRow};
use crate::model::Meta;
use leptos::prelude::*;

/// Title, sample-data label, and metadata (publish time as YYYY-MM-DD HH:MM).
#[component]
pub fn ReportHeader(
    /// The report's metadata.
    meta: Meta,
) -> impl IntoView {
    let m = header(&meta, labels(), Medium::Screen);
    view! {
        <header class="rv-header">
            <h1 class="rv-title" id="rv-title" lang=report_lang()>
                <SpokenText key="title".to_string() text=m.title/>
            </h1>
            {m
                .sample
                .map(|(badge, note)| {
                    view! {
                        <p class="rv-sample">
                            <strong class="rv-badge">{badge}</strong>
                            {note}
                        </p>
                    }
                })}
            <dl class="rv-meta">{m.rows.into_iter().map(meta_row).collect_view()}</dl>
        </header>
    }
}

/// One term and its value; a time as `<time datetime>`; the report's own text in its language.
fn meta_row(row: MetaRow) -> impl IntoView {
    let lang = row.report_text.then(report_lang).flatten();
    let value = match row.datetime {
        Some(datetime) => view! { <time datetime=datetime>{row.value}</time> }.into_any(),
        None => row.value.into_any(),
    };
    view! {
        <div class="rv-meta__item">
            <dt>{row.term}</dt>
            <dd lang=lang>{value}</dd>
        </div>
    }
}
