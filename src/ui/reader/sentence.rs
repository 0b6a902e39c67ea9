//! An element's text as sentences: the one being read is highlighted, and a click reads from it.

use super::ReaderCtx;
use crate::read_aloud::player::{Command, Phase};
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
    let Some(pieces) = reader.spans.with_value(|m| m.get(&key).cloned()) else {
        return text.into_any();
    };
    if !fits(&pieces, &text) {
        return text.into_any();
    }
    let text: Arc<str> = Arc::from(text);
    let key: Arc<str> = Arc::from(key);
    let pieces = Arc::new(pieces);
    let count = pieces.len();
    let render = move |range: std::ops::Range<usize>| {
        let mut views = Vec::new();
        // The text before this chunk's first sentence belongs to it.
        let mut at = range.start.checked_sub(1).map(|i| pieces[i].1).unwrap_or(0);
        for &(start, end, _) in &pieces[range.clone()] {
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

/// Whether the sentence pieces fit this text: in order, inside it, on character boundaries.
/// They do not when a report repeats an id (two texts then share a key): the text is then shown
/// whole, never sliced wrongly.
fn fits(pieces: &[(usize, usize, usize)], text: &str) -> bool {
    let mut last = 0;
    pieces.iter().all(|&(start, end, _)| {
        let ok = last <= start
            && start <= end
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
            && end <= text.len();
        last = end;
        ok
    })
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
