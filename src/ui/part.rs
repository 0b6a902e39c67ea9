//! A part of the report as a WAI-ARIA accordion section, and the blocks inside it.

use super::chunks::in_ranges;
use super::reader::{reading_where, ReaderCtx, SpokenText};
use super::stat_table::StatTableView;
use super::ReportCtx;
use super::{labels, report_lang};
use crate::browser::location::{current_hash_is, replace_hash};
use crate::markup::page::heading_level;
use crate::model::{Block, Section};
use crate::read_aloud::player::Command;
use crate::read_aloud::script::{heading_key, item_key, text_key, Target};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;

/// A top-level part: a heading holding a button (aria-expanded, aria-controls) and a panel that
/// is `hidden="until-found"` while collapsed, so the browser's find-in-page can open it.
#[component]
pub fn Part(
    /// The part.
    section: Section,
) -> impl IntoView {
    let ctx = expect_context::<ReportCtx>();
    let open = ctx.open;
    let id = section.id.clone();
    let button_id = format!("{id}-button");
    let panel_id = format!("{id}-panel");
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| open.with(|o| o.contains(&id)))
    };
    let filled = filled_after_first_frame(is_open);
    let set_open = opener(open, id.clone());
    let toggle = {
        let set_open = set_open.clone();
        move |_| set_open(!is_open.get_untracked())
    };
    let found = move |_: web_sys::Event| set_open(true);
    let heading = heading_key(&id);
    let reading_heading =
        reading_where(move |t| matches!(t, Target::Text { key, .. } if *key == heading));
    let read_part =
        use_context::<ReaderCtx>().map(|r| view! { <ReadPart reader=r part=id.clone()/> });
    let content = panel_content(section.clone(), filled);
    view! {
        <section class="rv-part" id=id.clone() class:rv-part--open=move || is_open.get()>
            <h2 class="rv-part__heading" class:rv-reading=reading_heading>
                <button
                    type="button"
                    class="rv-part__button"
                    id=button_id.clone()
                    aria-expanded=move || is_open.get().to_string()
                    aria-controls=panel_id.clone()
                    on:click=toggle
                >
                    <span class="rv-part__icon" aria-hidden="true"></span>
                    <span class="rv-part__text" lang=report_lang()>{section.heading()}</span>
                </button>
            </h2>
            {read_part}
            <div
                class="rv-part__panel"
                id=panel_id
                hidden=move || (!is_open.get()).then_some("until-found")
                on:beforematch=found
            >
                {content}
            </div>
        </section>
    }
}

/// The part's blocks and subsections, once `filled`.
fn panel_content(section: Section, filled: Memo<bool>) -> impl Fn() -> Option<AnyView> {
    move || {
        filled.get().then(|| {
            view! {
                <Blocks blocks=section.blocks.clone() section=Some(section.id.clone())/>
                {section
                    .sections
                    .iter()
                    .cloned()
                    .map(|s| view! { <Subsection section=s depth=1/> })
                    .collect_view()}
            }
            .into_any()
        })
    }
}

/// Whether the part's panel has its content: at once for an open part (and the moment a part
/// opens), in the first task after the first frame for a collapsed one, so the report is on
/// screen sooner and find-in-page still finds text in collapsed parts. Once filled, filled.
fn filled_after_first_frame(is_open: Memo<bool>) -> Memo<bool> {
    let later = RwSignal::new(false);
    request_animation_frame(move || set_timeout(move || later.set(true), Duration::ZERO));
    Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || is_open.get() || later.get()
    })
}

/// Opens or closes a part, keeping the address fragment on the open part.
fn opener(open: RwSignal<BTreeSet<String>>, id: String) -> impl Fn(bool) + Clone {
    move |value: bool| {
        open.update(|o| {
            if value {
                o.insert(id.clone());
            } else {
                o.remove(&id);
            }
        });
        if value {
            replace_hash(Some(&id));
        } else if current_hash_is(&id) {
            replace_hash(None);
        }
    }
}

/// 朗读本节: reads this part and stops at its end.
#[component]
fn ReadPart(reader: ReaderCtx, part: String) -> impl IntoView {
    view! {
        <button
            type="button"
            class="rv-button rv-button--small rv-part__read"
            on:click=move |_| reader.start_from_button(Command::PlayPart(part.clone()))
        >
            {labels().read_part}
        </button>
    }
}

/// A subsection: a heading (at `markup::page::heading_level`) and its blocks, always shown
/// inside its open part.
#[component]
fn Subsection(
    /// The subsection.
    section: Section,
    /// How deep it is: 1 for a part's subsection.
    depth: usize,
) -> impl IntoView {
    let text = || view! { <SpokenText key=heading_key(&section.id) text=section.heading()/> };
    let heading =
        match heading_level(depth) {
            3 => view! { <h3 class="rv-subsection__heading" lang=report_lang()>{text()}</h3> }
                .into_any(),
            4 => view! { <h4 class="rv-subsection__heading" lang=report_lang()>{text()}</h4> }
                .into_any(),
            5 => view! { <h5 class="rv-subsection__heading" lang=report_lang()>{text()}</h5> }
                .into_any(),
            _ => view! { <h6 class="rv-subsection__heading" lang=report_lang()>{text()}</h6> }
                .into_any(),
        };
    view! {
        <section class="rv-subsection" id=section.id.clone()>
            {heading}
            <Blocks blocks=section.blocks.clone() section=Some(section.id.clone())/>
            {section
                .sections
                .iter()
                .cloned()
                .map(|s| view! { <Subsection section=s depth=depth + 1/> }.into_any())
                .collect_view()}
        </section>
    }
}

/// Paragraphs, lists, notes and tables, in order. Text is always text, never HTML.
#[component]
pub fn Blocks(
    /// The blocks.
    blocks: Vec<Block>,
    /// The section holding them (None: the introduction), for the reading script's keys.
    section: Option<String>,
) -> impl IntoView {
    let ranges = table_runs(&blocks);
    let blocks = std::sync::Arc::new(blocks);
    in_ranges(ranges, move |range| {
        let s = section.as_deref();
        range.map(|i| block_view(s, i, &blocks[i])).collect_view()
    })
}

/// At most this many tables are drawn in one task: a report with many (a part holds one to four)
/// is drawn a run at a time, never holding the page for long.
const TABLES_AT_ONCE: usize = 4;

/// The blocks cut into runs of at most [`TABLES_AT_ONCE`] tables each.
fn table_runs(blocks: &[Block]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut tables) = (0, 0);
    for (i, b) in blocks.iter().enumerate() {
        if matches!(b, Block::Table(_)) {
            if tables == TABLES_AT_ONCE {
                runs.push(start..i);
                (start, tables) = (i, 0);
            }
            tables += 1;
        }
    }
    runs.push(start..blocks.len());
    runs
}

/// One block.
fn block_view(s: Option<&str>, i: usize, b: &Block) -> AnyView {
    match b {
        Block::Paragraph { text } => {
            let text = text.clone();
            view! { <p class="rv-p" lang=report_lang()><SpokenText key=text_key(s, i) text/></p> }
                .into_any()
        }
        Block::Note { text } => {
            let text = text.clone();
            view! { <p class="rv-note" lang=report_lang()><SpokenText key=text_key(s, i) text/></p> }.into_any()
        }
        Block::List { ordered, items } => {
            let items = items
                .iter()
                .enumerate()
                .map(|(j, text)| view! { <li><SpokenText key=item_key(s, i, j) text=text.clone()/></li> })
                .collect_view();
            if *ordered {
                view! { <ol class="rv-list" lang=report_lang()>{items}</ol> }.into_any()
            } else {
                view! { <ul class="rv-list" lang=report_lang()>{items}</ul> }.into_any()
            }
        }
        Block::Table(t) => view! { <StatTableView id=t.id.clone()/> }.into_any(),
    }
}
