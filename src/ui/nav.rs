//! The contents list and the toolbar (展开全部 / 收起全部).

use super::actions::{print_report, save_csv, save_html, save_json};
use super::labels::labels;
use super::reader::{remember, PrefsCtx, ReaderCtx};
use super::ReportCtx;
use crate::model::Section;
use crate::read_aloud::player::Command;
use leptos::prelude::*;

/// 展开全部, 收起全部, 打印 and the 保存 menu.
#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let all = ctx.part_ids();
    let open = ctx.open;
    let count = all.len();
    let all_open = move || open.with(|o| o.len() == count);
    let none_open = move || open.with(|o| o.is_empty());
    let l = labels();
    let prefs = expect_context::<PrefsCtx>();
    let print = ctx.options.print.then(|| {
        let checked = ctx.checked.clone();
        // The print view keeps the reader's text size and contrast.
        let classes = move || {
            let mut c = match prefs.size.get_untracked() {
                100 => String::new(),
                n => format!(" rv--size-{n}"),
            };
            if prefs.contrast.get_untracked() {
                c.push_str(" rv--contrast");
            }
            c
        };
        view! {
            <button type="button" class="rv-button" on:click=move |_| print_report(&checked, &classes())>
                {l.print}
            </button>
        }
    });
    let save = ctx.options.save.then(|| view! { <SaveMenu/> });
    let read = use_context::<ReaderCtx>().map(|r| {
        let bar = r.bar_open;
        view! {
            <button
                type="button"
                class="rv-button rv-button--read"
                aria-expanded=move || bar.get().to_string()
                on:click=move |_| {
                    r.bar_open.set(true);
                    r.command(Command::Play);
                }
            >
                {l.read_aloud}
            </button>
        }
    });
    let size = prefs.size;
    let contrast = prefs.contrast;
    view! {
        <div class="rv-toolbar" role="toolbar" aria-label=l.toolbar lang=l.lang_tag>
            <button
                type="button"
                class="rv-button"
                aria-disabled=move || all_open().to_string()
                on:click=move |_| open.set(all.iter().cloned().collect())
            >
                {l.expand_all}
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
                {l.collapse_all}
            </button>
            {read}
            {print}
            {save}
            <label class="rv-field">
                {l.text_size}
                <select
                    class="rv-select"
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<u16>() {
                            size.set(v);
                            remember("size", &v.to_string());
                        }
                    }
                >
                    {[100u16, 125, 150, 200]
                        .into_iter()
                        .zip(l.sizes)
                        .map(|(v, name)| {
                            view! {
                                <option value=v.to_string() selected=move || size.get() == v>
                                    {format!("{name}（{v}%）")}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                class="rv-button"
                aria-pressed=move || contrast.get().to_string()
                on:click=move |_| {
                    let on = !contrast.get_untracked();
                    contrast.set(on);
                    remember("contrast", if on { "on" } else { "off" });
                }
            >
                {l.contrast}
            </button>
        </div>
    }
}

/// 保存: a disclosure listing the standalone HTML file, the original JSON and each table as CSV.
#[component]
fn SaveMenu() -> impl IntoView {
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
            save_html(&checked);
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
                            save_csv(&checked, &id, l.not_provided);
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
                            <a href=href>{s.heading()}</a>
                            {subs}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
