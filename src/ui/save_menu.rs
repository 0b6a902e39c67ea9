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
    let items = menu_items(&ctx, close);
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
                {items}
            </ul>
        </div>
    }
}

/// The menu's items: the standalone HTML file, the JSON as fetched (or as parsed), and one CSV
/// per table. Each saves, then closes the menu.
fn menu_items(ctx: &ReportCtx, close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let l = labels();
    let checked = ctx.checked.clone();
    let html = move |_| {
        save_html(&checked, l);
        close();
    };
    let checked = ctx.checked.clone();
    let source = ctx.source.clone();
    let json = move |_| {
        match &source {
            Some(text) => save_json(&checked, text),
            None => save_json(
                &checked,
                &serde_json::to_string_pretty(&checked.report).unwrap_or_default(),
            ),
        }
        close();
    };
    let csv_items = ctx
        .checked
        .tables
        .values()
        .map(|t| {
            let id = t.id.clone();
            let label = l.table_name(
                t.template.map(|id| id.table_number()),
                t.label.as_deref().unwrap_or(&t.caption),
            );
            let checked = ctx.checked.clone();
            let save = move |_| {
                save_csv(&checked, &id, l);
                close();
            };
            view! {
                <li>
                    <button type="button" class="rv-menu__item" on:click=save>
                        {format!("{label}{}", l.save_csv)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
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
    }
}
