//! The reading bar: play/pause, stop, previous/next sentence and part, speed, voice, status.

use super::ReaderCtx;
use crate::browser::speech::driver;
use crate::read_aloud::player::{Command, Phase};
use crate::ui::labels;
use leptos::prelude::*;

/// The reading bar: play/pause, stop, previous/next sentence and part, speed, voice, status.
#[component]
pub fn ReadingBar() -> impl IntoView {
    let reader = expect_context::<ReaderCtx>();
    let l = labels();
    let r = reader.clone();
    let phase = reader.phase;
    let playing = move || phase.get() == Phase::Speaking;
    let cmd = move |c: Command| {
        let r = r.clone();
        move |_| r.command(c.clone())
    };
    let voices = driver().voices.clone();
    let status = driver().status.clone();
    let r_rate = reader.clone();
    let r_voice = reader.clone();
    let rate = reader.rate;
    let voice = reader.voice;
    let message = reader.message;
    let bar_open = reader.bar_open;
    let notice = move || l.voices(status.get());
    let toggle = cmd(Command::Toggle);
    view! {
        <div class="rv-reader" role="group" aria-labelledby="rv-reader-title" hidden=move || !bar_open.get()>
            <p class="rv-reader__title" id="rv-reader-title">{l.read_aloud}</p>
            <div class="rv-reader__buttons">
                <button type="button" class="rv-button" aria-label=l.previous_sentence title=l.previous_sentence on:click=cmd(Command::Previous)>
                    "⏮"
                </button>
                <button type="button" class="rv-button rv-reader__play" aria-pressed=move || playing().to_string() on:click=toggle>
                    {move || if playing() { l.pause } else { l.play }}
                </button>
                <button type="button" class="rv-button" on:click=cmd(Command::Stop)>
                    {l.stop}
                </button>
                <button type="button" class="rv-button" aria-label=l.next_sentence title=l.next_sentence on:click=cmd(Command::Next)>
                    "⏭"
                </button>
                <button type="button" class="rv-button" on:click=cmd(Command::PreviousPart)>
                    {l.previous_part}
                </button>
                <button type="button" class="rv-button" on:click=cmd(Command::NextPart)>
                    {l.next_part}
                </button>
            </div>
            <div class="rv-reader__settings">
                <label class="rv-field">
                    {l.speed}
                    <select
                        class="rv-select"
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<u16>() {
                                r_rate.command(Command::SetRate(v));
                            }
                        }
                    >
                        {[50u16, 75, 100, 125, 150, 175, 200]
                            .into_iter()
                            .map(|v| {
                                let text = format!("{}×", v as f32 / 100.0);
                                view! {
                                    <option value=v.to_string() selected=move || rate.get() == v>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="rv-field">
                    {l.voice}
                    <select
                        class="rv-select"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            r_voice.command(Command::SetVoice((!v.is_empty()).then_some(v)));
                        }
                    >
                        <option value="" selected=move || voice.get().is_none()>
                            {l.default_voice}
                        </option>
                        {move || {
                            // Chinese voices first; engines such as espeak list thousands, so the
                            // picker shows the first 60.
                            voices
                                .get()
                                .into_iter()
                                .take(60)
                                .map(|v| {
                                    let name = v.name.clone();
                                    let selected = {
                                        let name = name.clone();
                                        move || voice.get().as_deref() == Some(name.as_str())
                                    };
                                    let text = format!("{}{}", v.name, l.paren(&v.lang));
                                    view! {
                                        <option value=name selected=selected>
                                            {text}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            {move || notice().map(|n| view! { <p class="rv-reader__notice" role="alert">{n}</p> })}
            <p class="rv-reader__keys">{l.shortcuts}</p>
        </div>
        <p class="rv-sr" role="status" aria-live="polite">
            {move || message.get()}
        </p>
    }
}
