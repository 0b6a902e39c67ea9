//! The 朗读 controls: the reading bar, the player wired to the speech driver, the highlight that
//! follows the voice, and the reader's preferences (rate, voice, text size, contrast), remembered.

use super::labels::labels;
use super::speech::{driver, new_owner, VoiceStatus};
use super::ReportCtx;
use crate::read_aloud::player::{Command, EngineEvent, Phase, Player};
use crate::read_aloud::script::{build, Target, Utterance};
use crate::read_aloud::voices::is_chinese;
use crate::read_aloud::Reading;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

/// A remembered preference (localStorage; silently absent where storage is blocked).
pub fn remembered(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(&format!("report-viewer:{key}")).ok().flatten())
}

/// Remembers a preference.
pub fn remember(key: &str, value: &str) {
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = s.set_item(&format!("report-viewer:{key}"), value);
    }
}

/// The page's clock in whole milliseconds, as the player counts time.
fn now_ms() -> u64 {
    super::now_ms() as u64
}

/// Text size and contrast, shared by every part of one viewer.
#[derive(Clone, Copy)]
pub struct PrefsCtx {
    /// Text size in percent: 100, 125, 150 or 200.
    pub size: RwSignal<u16>,
    /// High-contrast theme.
    pub contrast: RwSignal<bool>,
}

impl PrefsCtx {
    /// The remembered preferences.
    pub fn load() -> PrefsCtx {
        let size = remembered("size")
            .and_then(|s| s.parse().ok())
            .filter(|s| [100, 125, 150, 200].contains(s))
            .unwrap_or(100);
        let contrast = remembered("contrast").as_deref() == Some("on");
        PrefsCtx {
            size: RwSignal::new(size),
            contrast: RwSignal::new(contrast),
        }
    }
}

pub use crate::read_aloud::SentenceMap;

/// Read-aloud state of one viewer.
#[derive(Clone)]
pub struct ReaderCtx {
    /// The reading script.
    pub script: Arc<Vec<Utterance>>,
    player: StoredValue<Player>,
    /// The utterance being read (highlighted).
    pub current: RwSignal<Option<usize>>,
    /// Playing, paused or idle.
    pub phase: RwSignal<Phase>,
    /// The reading bar is shown.
    pub bar_open: RwSignal<bool>,
    /// The last status message (live region).
    pub message: RwSignal<String>,
    /// Rate in percent.
    pub rate: RwSignal<u16>,
    /// The chosen voice.
    pub voice: RwSignal<Option<String>>,
    owner: u64,
    open: RwSignal<BTreeSet<String>>,
    root: NodeRef<leptos::html::Article>,
    /// Element key → its sentences: (start, end, utterance).
    pub spans: Arc<SentenceMap>,
    ticking: StoredValue<bool>,
}

impl ReaderCtx {
    /// The reader for a loaded report, with its reading (made here when not given).
    pub fn new(report: &ReportCtx, reading: Option<Reading>) -> ReaderCtx {
        let Reading {
            script,
            spans,
            mut player,
        } = reading.unwrap_or_else(|| Reading::new(build(&report.checked)));
        let rate = remembered("rate")
            .and_then(|r| r.parse().ok())
            .filter(|r| (50..=200).contains(r))
            .unwrap_or(100);
        let voice = remembered("voice");
        player.command(Command::SetRate(rate), 0);
        player.command(Command::SetVoice(voice.clone()), 0);
        ReaderCtx {
            script,
            player: StoredValue::new(player),
            current: RwSignal::new(None),
            phase: RwSignal::new(Phase::Idle),
            bar_open: RwSignal::new(false),
            message: RwSignal::new(String::new()),
            rate: RwSignal::new(rate),
            voice: RwSignal::new(voice),
            owner: new_owner(),
            open: report.open,
            root: report.root,
            spans,
            ticking: StoredValue::new(false),
        }
    }

    /// Runs a reader command. Call it straight from the click or key handler: the first
    /// `speak()` must happen inside the user's gesture.
    pub fn command(&self, command: Command) {
        if let Command::SetRate(r) = command {
            self.rate.set(r.clamp(50, 200));
            remember("rate", &r.clamp(50, 200).to_string());
        }
        if let Command::SetVoice(v) = &command {
            self.voice.set(v.clone());
            remember("voice", v.as_deref().unwrap_or(""));
        }
        let now = now_ms();
        let actions = self
            .player
            .try_update_value(|p| p.command(command, now))
            .unwrap_or_default();
        self.run(actions);
    }

    fn event(&self, event: EngineEvent) {
        let now = now_ms();
        let actions = self
            .player
            .try_update_value(|p| p.event(event, now))
            .unwrap_or_default();
        self.run(actions);
    }

    /// Why reading cannot start, in plain words, or None when it can.
    pub fn unavailable(&self) -> Option<String> {
        match driver().status.get_untracked() {
            VoiceStatus::Ready | VoiceStatus::Loading => None,
            VoiceStatus::Unsupported => Some(
                "此浏览器不支持语音朗读。请换用新版的 Chrome、Edge、Firefox 或 Safari，或使用读屏软件阅读本页。".into(),
            ),
            VoiceStatus::NoVoices | VoiceStatus::NoChinese => Some(
                "未检测到中文语音：浏览器没有可用的中文（普通话）语音，无法朗读。可在系统设置中安装中文语音（Windows：设置 › 时间和语言 › 语音；macOS：系统设置 › 辅助功能 › 朗读内容；Linux：安装 espeak-ng 和 speech-dispatcher），然后重新打开本页；也可使用读屏软件阅读本页。".into(),
            ),
        }
    }

    fn run(&self, actions: Vec<crate::read_aloud::player::Action>) {
        use crate::read_aloud::player::Action;
        for action in actions {
            match action {
                Action::Speak {
                    index,
                    generation,
                    rate,
                    voice,
                } => {
                    if let Some(why) = self.unavailable() {
                        let now = now_ms();
                        let _ = self
                            .player
                            .try_update_value(|p| p.command(Command::Stop, now));
                        self.current.set(None);
                        self.message.set(why);
                        break;
                    }
                    let Some(text) = self.script.get(index).map(|u| u.spoken.clone()) else {
                        continue;
                    };
                    let me = self.clone();
                    let on_event: Rc<dyn Fn(EngineEvent)> = Rc::new(move |e| me.event(e));
                    driver().speak(
                        self.owner,
                        &text,
                        rate,
                        voice.as_deref(),
                        generation,
                        on_event,
                    );
                    self.start_ticking();
                }
                Action::Cancel => driver().cancel(self.owner),
                Action::Highlight(h) => {
                    self.current.set(h);
                    if h.is_some() {
                        let root = self.root;
                        request_animation_frame(move || keep_in_view(root));
                    }
                }
                Action::RevealPart(part) => {
                    if !self.open.with_untracked(|o| o.contains(&part)) {
                        self.open.update(|o| {
                            o.insert(part);
                        });
                    }
                }
                Action::Announce(m) => self.message.set(m),
            }
        }
        let phase = self.player.with_value(|p| p.phase());
        if self.phase.get_untracked() != phase {
            self.phase.set(phase);
        }
    }

    fn start_ticking(&self) {
        if self.ticking.get_value() {
            return;
        }
        self.ticking.set_value(true);
        let me = self.clone();
        let handle: Rc<std::cell::Cell<Option<IntervalHandle>>> =
            Rc::new(std::cell::Cell::new(None));
        let h2 = handle.clone();
        if let Ok(h) = set_interval_with_handle(
            move || {
                let now = now_ms();
                let actions = me
                    .player
                    .try_update_value(|p| p.tick(now))
                    .unwrap_or_default();
                me.run(actions);
                if me.player.with_value(|p| p.phase()) != Phase::Speaking {
                    me.ticking.set_value(false);
                    if let Some(h) = h2.take() {
                        h.clear();
                    }
                }
            },
            std::time::Duration::from_millis(400),
        ) {
            handle.set(Some(h));
        }
    }

    /// Stops this viewer's speech (unmount).
    pub fn shut_down(&self) {
        driver().cancel(self.owner);
    }
}

/// Whether read-aloud is now at an utterance whose target matches (false without a reader).
/// Reactive: use it in a class or attribute closure.
pub fn reading_where(
    matches: impl Fn(&Target) -> bool + Send + Sync + 'static,
) -> impl Fn() -> bool + Send + Sync + 'static {
    let reader = use_context::<ReaderCtx>();
    move || {
        reader
            .as_ref()
            .and_then(|r| {
                r.current
                    .get()
                    .and_then(|i| r.script.get(i))
                    .map(|u| matches(&u.target))
            })
            .unwrap_or(false)
    }
}

/// Scrolls the highlighted sentence into view, without smooth scrolling under reduced motion.
fn keep_in_view(root: NodeRef<leptos::html::Article>) {
    let Some(article) = root.get_untracked() else {
        return;
    };
    if let Ok(Some(el)) = article.query_selector(".rv-reading") {
        super::app::scroll_into_view(&el, web_sys::ScrollLogicalPosition::Nearest);
    }
}

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
    let Some(pieces) = reader.spans.get(&key).cloned() else {
        return text.into_any();
    };
    // The pieces must fit this text: in order, inside it, on character boundaries. They do not
    // when a report repeats an id (two texts then share a key): show the text whole, never
    // slice it wrongly.
    let mut last = 0;
    let fits = pieces.iter().all(|&(start, end, _)| {
        let ok = last <= start
            && start <= end
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
            && end <= text.len();
        last = end;
        ok
    });
    if !fits {
        return text.into_any();
    }
    let text: Arc<str> = Arc::from(text);
    let pieces = Arc::new(pieces);
    let count = pieces.len();
    let render = move |range: std::ops::Range<usize>| {
        let mut views = Vec::new();
        // The text before this chunk's first sentence belongs to it.
        let mut at = range.start.checked_sub(1).map(|i| pieces[i].1).unwrap_or(0);
        for &(start, end, index) in &pieces[range.clone()] {
            if start > at {
                views.push(text[at..start].to_string().into_any());
            }
            let r = reader.clone();
            let current = reader.current;
            views.push(
                view! {
                    <span
                        class="rv-s"
                        class:rv-reading=move || current.get() == Some(index)
                        data-u=index
                        on:click=move |_| {
                            if r.phase.get_untracked() != Phase::Idle {
                                r.command(Command::StartAt(index));
                            }
                        }
                    >
                        {text[start..end].to_string()}
                    </span>
                }
                .into_any(),
            );
            at = end;
        }
        if range.end == count && at < text.len() {
            views.push(text[at..].to_string().into_any());
        }
        views
    };
    super::in_chunks(count, SENTENCES_AT_ONCE, render).into_any()
}

/// Sentences of one text rendered at once; a longer text renders the rest in later tasks.
const SENTENCES_AT_ONCE: usize = 400;

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
    let notice = {
        let r = reader.clone();
        move || {
            status.get();
            r.unavailable()
        }
    };
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
                                    let text = if is_chinese(&v.lang) {
                                        format!("{}（{}）", v.name, v.lang)
                                    } else {
                                        format!("{} ({})", v.name, v.lang)
                                    };
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
