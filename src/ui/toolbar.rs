//! The toolbar: 展开全部 / 收起全部, text size, contrast, 朗读, 打印 and the 保存 menu.

use super::actions::print_report;
use super::prefs::PrefsCtx;
use super::reader::ReaderCtx;
use super::save_menu::SaveMenu;
use super::{labels, ReportCtx};
use crate::browser::location::replace_hash;
use crate::browser::storage::remember;
use crate::model::layout::batches;
use crate::read_aloud::player::Command;
use leptos::prelude::*;
use std::collections::{BTreeSet, VecDeque};
use std::time::Duration;

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
                on:click=move |_| r.start_from_button(Command::Play)
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

/// Characters of report a frame lays out when 展开全部 opens a huge report: every part of a real
/// report (about 30,000 characters in all) opens in the first frame; a 1 MB report opens a
/// screenful and more at once and the rest in the frames that follow, never freezing the page.
const OPEN_PER_FRAME: usize = 30_000;

/// Opens every closed part, in document order, a batch per frame (see [`OPEN_PER_FRAME`]).
fn open_all(
    open: RwSignal<BTreeSet<String>>,
    parts: &[(String, usize)],
    generation: StoredValue<u32>,
) {
    generation.update_value(|g| *g += 1);
    let this = generation.get_value();
    let closed: Vec<&(String, usize)> =
        open.with_untracked(|o| parts.iter().filter(|(id, _)| !o.contains(id)).collect());
    let sizes: Vec<usize> = closed.iter().map(|(_, size)| *size).collect();
    let batches: VecDeque<Vec<String>> = batches(&sizes, OPEN_PER_FRAME)
        .into_iter()
        .map(|run| closed[run].iter().map(|(id, _)| id.clone()).collect())
        .collect();
    open_batches(open, batches, generation, this);
}

fn open_batches(
    open: RwSignal<BTreeSet<String>>,
    mut rest: VecDeque<Vec<String>>,
    generation: StoredValue<u32>,
    this: u32,
) {
    if generation.get_value() != this {
        return;
    }
    let Some(batch) = rest.pop_front() else {
        return;
    };
    open.update(|o| o.extend(batch));
    if !rest.is_empty() {
        // After the frame that lays this batch out, the next.
        request_animation_frame(move || {
            set_timeout(
                move || open_batches(open, rest, generation, this),
                Duration::ZERO,
            )
        });
    }
}

/// 展开全部 and 收起全部 (each disabled when there is nothing left to do).
#[component]
fn OpenAll() -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let l = labels();
    let parts: Vec<(String, usize)> = ctx
        .checked
        .report
        .sections
        .iter()
        .map(|s| (s.id.clone(), s.size_on_screen()))
        .collect();
    let open = ctx.open;
    let count = parts.len();
    let all_open = move || open.with(|o| o.len() == count);
    let none_open = move || open.with(|o| o.is_empty());
    // Bumped by every 展开全部 and 收起全部: a later click stops an earlier opening.
    let generation = StoredValue::new(0u32);
    // What a press did, said to screen readers (the parts open out of view).
    let said = RwSignal::new(String::new());
    view! {
        <button
            type="button"
            class="rv-button"
            aria-disabled=move || all_open().to_string()
            on:click=move |_| {
                open_all(open, &parts, generation);
                said.set(format!("{}{count}{}", l.all_expanded.0, l.all_expanded.1));
            }
        >
            {l.expand_all}
        </button>
        <button
            type="button"
            class="rv-button"
            aria-disabled=move || none_open().to_string()
            on:click=move |_| {
                generation.update_value(|g| *g += 1);
                open.set(Default::default());
                replace_hash(None);
                said.set(l.all_collapsed.to_string());
            }
        >
            {l.collapse_all}
        </button>
        <span class="rv-sr rv-toolbar__said" aria-live="polite">{move || said.get()}</span>
    }
}

/// 打印: the print view keeps the reader's text size and contrast.
#[component]
fn PrintButton(prefs: PrefsCtx) -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let (checked, charts, last_year) = (ctx.checked, ctx.options.charts, ctx.last_year);
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
        <button type="button" class="rv-button" on:click=move |_| print_report(&checked, &classes(), l, (charts, &last_year.get_untracked().cross_year()))>
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
