//! 保存: a disclosure listing the standalone HTML file, the original JSON and each table as CSV.

use super::actions::{save_csv, save_html, save_json};
use super::{labels, ReportCtx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    let menu = NodeRef::<leptos::html::Div>::new();
    close_when_left(menu, expanded);
    view! {
        <div
            class="rv-save"
            node_ref=menu
            on:keydown=move |ev| {
                if ev.key() == "Escape" && expanded.get_untracked() {
                    ev.prevent_default();
                    close();
                }
            }
            on:focusout=move |ev: web_sys::FocusEvent| {
                // Focus moved somewhere else: the menu closes (it would cover what comes next).
                let inside = ev
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(menu.get_untracked())
                    .is_some_and(|(t, m)| m.contains(Some(&t)));
                if !inside {
                    expanded.set(false);
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

/// Closes the menu on a press anywhere outside it (on the page or elsewhere in the viewer).
fn close_when_left(menu: NodeRef<leptos::html::Div>, expanded: RwSignal<bool>) {
    let listener = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !expanded.get_untracked() {
            return;
        }
        let Some(menu) = menu.get_untracked() else {
            return;
        };
        let menu: &wasm_bindgen::JsValue = menu.as_ref();
        if !ev.composed_path().iter().any(|t| t == *menu) {
            expanded.set(false);
        }
    });
    on_cleanup(move || listener.remove());
}

/// The menu's items: the standalone HTML file, the JSON as fetched (or as parsed), and one CSV
/// per table. Each saves, then closes the menu.
fn menu_items(ctx: &ReportCtx, close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let l = labels();
    let report = ctx.clone();
    let html = move |_| {
        save_html(&report, l);
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
