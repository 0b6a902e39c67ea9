//! 保存: a disclosure listing the standalone HTML file, the original JSON and each table as CSV.

use super::actions::{save_csv, save_html, save_json};
use super::{labels, ReportCtx};
use leptos::prelude::*;

/// 保存: a disclosure listing the standalone HTML file, the original JSON and each table as CSV.
#[component]
pub fn SaveMenu() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let l = labels();
    let expanded = RwSignal::new(false);
    let toggle_ref = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        expanded.set(false);
        if let Some(b) = toggle_ref.get_untracked() {
            let _ = b.focus();
        }
    };
    let html = {
        let checked = ctx.checked.clone();
        move |_| {
            save_html(&checked, labels());
            close();
        }
    };
    let json = {
        let checked = ctx.checked.clone();
        let source = ctx.source.clone();
        move |_| {
            match &source {
                Some(text) => save_json(&checked, text),
                None => save_json(
                    &checked,
                    &serde_json::to_string_pretty(&checked.report).unwrap_or_default(),
                ),
            }
            close();
        }
    };
    let tables: Vec<(String, String)> = ctx
        .checked
        .tables
        .values()
        .map(|t| {
            (
                t.id.clone(),
                t.label.clone().unwrap_or_else(|| t.caption.clone()),
            )
        })
        .collect();
    let csv_items = tables
        .into_iter()
        .map(|(id, label)| {
            let checked = ctx.checked.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="rv-menu__item"
                        on:click=move |_| {
                            save_csv(&checked, &id, l);
                            close();
                        }
                    >
                        {format!("{label}{}", l.save_csv)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div
            class="rv-save"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && expanded.get_untracked() {
                    ev.prevent_default();
                    close();
                }
            }
        >
            <button
                type="button"
                class="rv-button"
                node_ref=toggle_ref
                aria-expanded=move || expanded.get().to_string()
                aria-controls="rv-save-menu"
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {l.save}
                <span class="rv-caret" aria-hidden="true"></span>
            </button>
            <ul class="rv-menu" id="rv-save-menu" hidden=move || !expanded.get()>
                <li>
                    <button type="button" class="rv-menu__item" on:click=html>
                        {l.save_html}
                    </button>
                </li>
                <li>
                    <button type="button" class="rv-menu__item" on:click=json>
                        {l.save_json}
                    </button>
                </li>
                {csv_items}
            </ul>
        </div>
    }
}
