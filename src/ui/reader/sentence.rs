//! An element's text as sentences: the one being read is highlighted, and a click reads from it.

use super::ReaderCtx;
use crate::read_aloud::player::{Command, Phase};
use crate::read_aloud::text::{sentences, LIMIT};
use crate::ui::chunks::in_chunks;
use leptos::prelude::*;
use std::sync::Arc;

/// An element's text, split into sentences the reader can follow and click while reading.
#[component]
pub fn SpokenText(
    /// The element's key in the reading script.
    key: String,
    /// The text.
    text: String,
) -> impl IntoView {
    let Some(reader) = use_context::<ReaderCtx>() else {
        return text.into_any();
    };
    // Split as the reading script splits it (its sentences are found by key and start).
    let pieces = sentences(&text, LIMIT);
    if pieces.is_empty() {
        return text.into_any();
    }
    let text: Arc<str> = Arc::from(text);
    let key: Arc<str> = Arc::from(key);
    let pieces = Arc::new(pieces);
    let count = pieces.len();
    let render = move |range: std::ops::Range<usize>| {
        let mut views = Vec::new();
        // The text before this chunk's first sentence belongs to it.
        let mut at = range.start.checked_sub(1).map_or(0, |i| pieces[i].1);
        for &(start, end) in &pieces[range.clone()] {
            if start > at {
                views.push(text[at..start].to_string().into_any());
            }
            let place = (key.clone(), start);
            views.push(sentence(reader, place, text[start..end].to_string()));
            at = end;
        }
        if range.end == count && at < text.len() {
            views.push(text[at..].to_string().into_any());
        }
        views
    };
    in_chunks(count, SENTENCES_AT_ONCE, render).into_any()
}

/// One sentence (its element's key and where it starts in its text: the reading script may be
/// made again, 对比上年 adding sentences, but an element's sentences stay where they are):
/// highlighted while read, and a click reads from it (while reading).
fn sentence(reader: ReaderCtx, (key, start): (Arc<str>, usize), text: String) -> AnyView {
    let here = key.clone();
    let reading = move || reader.reads_text(&here, start);
    view! {
        <span
            class="rv-s"
            class:rv-reading=reading
            on:click=move |_| {
                if reader.phase.get_untracked() != Phase::Idle {
                    if let Some(index) = reader.text_index(&key, start) {
                        reader.command(Command::StartAt(index));
                    }
                }
            }
        >
            {text}
        </span>
    }
    .into_any()
}

/// Sentences of one text rendered at once; a longer text renders the rest in later tasks.
const SENTENCES_AT_ONCE: usize = 400;
