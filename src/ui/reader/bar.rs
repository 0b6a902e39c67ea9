//! The reading bar: play/pause, stop, previous/next sentence and part, speed, voice, status.

use super::ReaderCtx;
use crate::browser::speech::driver;
use crate::read_aloud::player::{Command, Phase};
use crate::read_aloud::voices::{base_and_variants, VoiceInfo};
use crate::ui::labels;
use leptos::prelude::*;

/// The rates offered, in percent.
const RATES: [u16; 7] = [50, 75, 100, 125, 150, 175, 200];

/// Voices listed in the picker (Chinese first; engines such as espeak list thousands).
const VOICES_LISTED: usize = 60;

/// The reading bar: its buttons, speed and voice, why reading cannot start (if so), the keys, and
/// the live region the player's announcements go to.
#[component]
pub fn ReadingBar() -> impl IntoView {
    let reader = expect_context::<ReaderCtx>();
    let l = labels();
    let status = driver().status.clone();
    let notice = move || l.voices(status.get());
    let (message, bar_open) = (reader.message, reader.bar_open);
    view! {
        <div class="rv-reader" role="group" aria-labelledby="rv-reader-title" hidden=move || !bar_open.get() on:keydown=move |ev| on_escape(&ev, reader)>
            <p class="rv-reader__title" id="rv-reader-title">{l.read_aloud}</p>
            <ReaderButtons reader/>
            {move || notice().map(|n| view! { <p class="rv-reader__notice" role="alert">{n}</p> })}
            // Speed, voice and keys one press away, so that the bar stays small while it stays at
            // hand (sticky) during reading.
            <details class="rv-reader__more">
                <summary>
                    <span class="rv-reader__more-long">{l.reader_settings}</span>
                    <span class="rv-reader__more-short">{l.reader_settings_short}</span>
                </summary>
                // On a phone the bar is one line (play/pause, stop, this menu): the sentence and
                // table buttons are here instead (shown by the stylesheet on narrow screens only).
                <SentenceButtons reader class="rv-reader__buttons rv-reader__narrow"/>
                <PartButtons reader/>
                <div class="rv-reader__settings">
                    <SpeedPicker reader/>
                    <VoicePicker reader/>
                </div>
                <p class="rv-reader__keys">{l.shortcuts}</p>
            </details>
        </div>
        <p class="rv-sr" role="status" aria-live="polite">
            {move || message.get()}
        </p>
    }
}

/// Previous sentence, play/pause, stop, next sentence, previous and next part.
#[component]
fn ReaderButtons(reader: ReaderCtx) -> impl IntoView {
    let l = labels();
    let phase = reader.phase;
    let playing = move || phase.get() == Phase::Speaking;
    let cmd = move |c: Command| move |_| reader.command(c.clone());
    view! {
        <div class="rv-reader__buttons">
            <button type="button" class="rv-button rv-reader__wide" on:click=cmd(Command::Previous)>
                <svg class="rv-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M3 2h2v12H3zM14 2v12L6 8z"></path>
                </svg>
                {l.previous_sentence}
            </button>
            <button type="button" class="rv-button rv-reader__play" aria-pressed=move || playing().to_string() on:click=cmd(Command::Toggle)>
                {move || if playing() { l.pause } else { l.play }}
            </button>
            <button type="button" class="rv-button" on:click=cmd(Command::Stop)>
                {l.stop}
            </button>
            <button type="button" class="rv-button rv-reader__wide" on:click=cmd(Command::Next)>
                {l.next_sentence}
                <svg class="rv-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M11 2h2v12h-2zM2 2v12l8-6z"></path>
                </svg>
            </button>
            {skip_and_close(reader, " rv-reader__wide")}
        </div>
    }
}

/// Previous and next sentence, skip this table and close: the phone's menu holds them (the
/// one-line bar has no room).
#[component]
fn SentenceButtons(reader: ReaderCtx, class: &'static str) -> impl IntoView {
    let l = labels();
    let cmd = move |c: Command| move |_| reader.command(c.clone());
    view! {
        <div class=class>
            <button type="button" class="rv-button" on:click=cmd(Command::Previous)>
                {l.previous_sentence}
            </button>
            <button type="button" class="rv-button" on:click=cmd(Command::Next)>
                {l.next_sentence}
            </button>
            {skip_and_close(reader, "")}
        </div>
    }
}

/// Escape in the bar: closes its menu when open (focus back on the menu's button), else stops
/// reading and closes the bar (focus back on 朗读).
fn on_escape(ev: &web_sys::KeyboardEvent, reader: ReaderCtx) {
    use wasm_bindgen::JsCast;
    if ev.key() != "Escape" {
        return;
    }
    ev.prevent_default();
    let bar = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let menu = bar.and_then(|b| b.query_selector(".rv-reader__more[open]").ok().flatten());
    match menu {
        Some(menu) => {
            let _ = menu.remove_attribute("open");
            let summary = menu
                .query_selector("summary")
                .ok()
                .flatten()
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(s) = summary {
                let _ = s.focus();
            }
        }
        None => reader.close_bar(),
    }
}

/// 跳过此表 (while a table is read) and 关闭朗读, each with `class` added (the wide bar's copies).
fn skip_and_close(reader: ReaderCtx, class: &'static str) -> impl IntoView {
    let l = labels();
    let in_table = in_table(&reader);
    view! {
        {move || {
            in_table()
                .then(|| {
                    view! {
                        <button type="button" class=format!("rv-button rv-reader__skip{class}") on:click=move |_| reader.command(Command::SkipTable)>
                            {l.skip_table}
                        </button>
                    }
                })
        }}
        <button type="button" class=format!("rv-button rv-reader__close{class}") on:click=move |_| reader.close_bar()>
            {l.close_bar}
        </button>
    }
}

/// Whether read-aloud is now in a table (跳过此表 is offered then).
fn in_table(reader: &ReaderCtx) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let (current, script) = (reader.current, reader.script);
    move || {
        current.get().is_some_and(|i| {
            script.with_value(|s| s.get(i).is_some_and(|u| u.target.table().is_some()))
        })
    }
}

/// Previous and next part (under the bar's disclosure, so that the bar stays small).
#[component]
fn PartButtons(reader: ReaderCtx) -> impl IntoView {
    let l = labels();
    let cmd = move |c: Command| move |_| reader.command(c.clone());
    view! {
        <div class="rv-reader__buttons">
            <button type="button" class="rv-button" on:click=cmd(Command::PreviousPart)>
                {l.previous_part}
            </button>
            <button type="button" class="rv-button" on:click=cmd(Command::NextPart)>
                {l.next_part}
            </button>
        </div>
    }
}

/// The speaking rate.
#[component]
fn SpeedPicker(reader: ReaderCtx) -> impl IntoView {
    let rate = reader.rate;
    let options = RATES
        .into_iter()
        .map(|v| {
            let text = crate::labels::rate(v);
            view! {
                <option value=v.to_string() selected=move || rate.get() == v>
                    {text}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="rv-field">
            {labels().speed}
            <select
                class="rv-select"
                on:change=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<u16>() {
                        reader.command(Command::SetRate(v));
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}

/// The voice: the best Chinese one by default, or one the reader picks.
#[component]
fn VoicePicker(reader: ReaderCtx) -> impl IntoView {
    let l = labels();
    let voice = reader.voice;
    let voices = driver().voices.clone();
    let option = move |v: &VoiceInfo| {
        let text = format!("{}{}", v.name, l.paren(&v.lang));
        let name = v.name.clone();
        let chosen = name.clone();
        view! {
            <option value=name selected=move || voice.get().as_deref() == Some(chosen.as_str())>
                {text}
            </option>
        }
    };
    // One entry per voice; its variants (espeak's +whisper and the like) apart, under 更多.
    let listed = move || {
        let all = voices.get();
        let (base, variants) = base_and_variants(&all);
        let base = base
            .into_iter()
            .take(VOICES_LISTED)
            .map(option)
            .collect_view();
        let variants = (!variants.is_empty()).then(|| {
            let options = variants
                .into_iter()
                .take(VOICES_LISTED)
                .map(option)
                .collect_view();
            view! { <optgroup label=l.voice_variants>{options}</optgroup> }
        });
        view! { {base}{variants} }
    };
    view! {
        <label class="rv-field">
            {l.voice}
            <select
                class="rv-select"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    reader.command(Command::SetVoice((!v.is_empty()).then_some(v)));
                }
            >
                <option value="" selected=move || voice.get().is_none()>
                    {l.default_voice}
                </option>
                {listed}
            </select>
        </label>
    }
}
