//! The toolbar: 展开全部 / 收起全部, text size, contrast, 朗读, 打印 and the 保存 menu.

use super::actions::print_report;
use super::prefs::PrefsCtx;
use super::reader::ReaderCtx;
use super::save_menu::SaveMenu;
use super::{labels, ReportCtx};
use crate::browser::location::replace_hash;
use crate::browser::storage::remember;
use crate::read_aloud::player::Command;
use leptos::prelude::*;

/// 展开全部, 收起全部, 打印 and the 保存 menu.
#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let l = labels();
    let prefs = expect_context::<PrefsCtx>();
    let print = ctx.options.print.then(|| view! { <PrintButton prefs/> });
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
    view! {
        // A labelled group: its controls are reached with Tab like any others (a role=toolbar
        // promises arrow-key navigation it would not have).
        <div class="rv-toolbar" role="group" aria-label=l.toolbar lang=l.lang_tag>
            <OpenAll/>
            {read}
            {print}
            {save}
            <TextSize prefs/>
            <ContrastButton prefs/>
        </div>
    }
}

/// 展开全部 and 收起全部 (each disabled when there is nothing left to do).
#[component]
fn OpenAll() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let l = labels();
    let all = ctx.part_ids();
    let open = ctx.open;
    let count = all.len();
    let all_open = move || open.with(|o| o.len() == count);
    let none_open = move || open.with(|o| o.is_empty());
    view! {
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
                replace_hash(None);
            }
        >
            {l.collapse_all}
        </button>
    }
}

/// 打印: the print view keeps the reader's text size and contrast.
#[component]
fn PrintButton(prefs: PrefsCtx) -> impl IntoView {
    let checked = expect_context::<ReportCtx>().checked;
    let l = labels();
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
        <button type="button" class="rv-button" on:click=move |_| print_report(&checked, &classes(), l)>
            {l.print}
        </button>
    }
}

/// The text size, remembered.
#[component]
fn TextSize(prefs: PrefsCtx) -> impl IntoView {
    let l = labels();
    let size = prefs.size;
    let options = [100u16, 125, 150, 200]
        .into_iter()
        .zip(l.sizes)
        .map(|(v, name)| {
            view! {
                <option value=v.to_string() selected=move || size.get() == v>
                    {format!("{name}{}", l.paren(&format!("{v}%")))}
                </option>
            }
        })
        .collect_view();
    view! {
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
                {options}
            </select>
        </label>
    }
}

/// High contrast, on or off, remembered.
#[component]
fn ContrastButton(prefs: PrefsCtx) -> impl IntoView {
    let contrast = prefs.contrast;
    view! {
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
            {labels().contrast}
        </button>
    }
}
