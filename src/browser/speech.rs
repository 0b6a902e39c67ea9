//! The speech driver: the only code that touches `speechSynthesis`. One per page, shared by every
//! viewer on it. It loads the voices (getVoices, voiceschanged and polling for up to 5 s), speaks
//! one utterance at a time with `lang` always set, reports each utterance's events (and the words
//! its voice reaches) with its generation, cancels only when it is the one speaking, and cancels
//! on `pagehide`.

use crate::labels::Voices as VoiceStatus;
use crate::read_aloud::player::EngineEvent;
use crate::read_aloud::voices::{is_chinese, pick, rank, VoiceInfo};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reports the utterance's start, end, words and errors, tagged with `generation`.
fn report_events(
    u: &web_sys::SpeechSynthesisUtterance,
    generation: u64,
    on_event: Rc<dyn Fn(EngineEvent)>,
) {
    let ev = on_event.clone();
    let start = Closure::once_into_js(move || ev(EngineEvent::Started(generation)));
    let ev = on_event.clone();
    let end = Closure::once_into_js(move || ev(EngineEvent::Ended(generation)));
    let ev = on_event.clone();
    // A word the voice reached (most voices but espeak's send these); a sentence boundary says
    // nothing the highlight does not show already.
    let boundary = Closure::<dyn Fn(web_sys::SpeechSynthesisEvent)>::new(
        move |e: web_sys::SpeechSynthesisEvent| {
            if e.name().is_none_or(|n| n == "word") {
                let len = e.char_length().unwrap_or(0) as usize;
                ev(EngineEvent::Word(generation, e.char_index() as usize, len));
            }
        },
    )
    .into_js_value();
    let ev = on_event;
    let error = Closure::once_into_js(move |e: web_sys::SpeechSynthesisErrorEvent| {
        let code = format!("{:?}", e.error()).to_ascii_lowercase();
        if code.contains("interrupted") || code.contains("canceled") {
            ev(EngineEvent::Interrupted(generation));
        } else {
            ev(EngineEvent::Failed(generation, code));
        }
    });
    u.set_onstart(Some(start.unchecked_ref()));
    u.set_onend(Some(end.unchecked_ref()));
    u.set_onerror(Some(error.unchecked_ref()));
    u.set_onboundary(Some(boundary.unchecked_ref()));
}

/// The page's speech driver.
pub struct Driver {
    synth: Option<web_sys::SpeechSynthesis>,
    /// Voices, best first.
    pub voices: ArcRwSignal<Vec<VoiceInfo>>,
    /// What the browser offers.
    pub status: ArcRwSignal<VoiceStatus>,
    /// The viewer whose speech is going on (0: none).
    owner: Cell<u64>,
    /// The utterance being spoken, kept alive (some engines drop events of collected ones).
    current: RefCell<Option<web_sys::SpeechSynthesisUtterance>>,
}

thread_local! {
    static DRIVER: RefCell<Option<Rc<Driver>>> = const { RefCell::new(None) };
    static NEXT_OWNER: Cell<u64> = const { Cell::new(1) };
}

/// A new owner id for a viewer.
pub fn new_owner() -> u64 {
    NEXT_OWNER.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// The page's driver, created on first use.
pub fn driver() -> Rc<Driver> {
    DRIVER.with(|d| {
        if let Some(existing) = d.borrow().as_ref() {
            return existing.clone();
        }
        let created = Rc::new(Driver::create());
        *d.borrow_mut() = Some(created.clone());
        created
    })
}

fn voice_list(synth: &web_sys::SpeechSynthesis) -> Vec<web_sys::SpeechSynthesisVoice> {
    synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .collect()
}

/// Keeps the voice list and what it offers up to date: on voiceschanged, and by polling for
/// about 5 s (some browsers never fire the event); after that an empty list is final.
fn watch_voices(
    synth: &web_sys::SpeechSynthesis,
    voices: ArcRwSignal<Vec<VoiceInfo>>,
    status: ArcRwSignal<VoiceStatus>,
) {
    let refresh = {
        let synth = synth.clone();
        let status = status.clone();
        move |final_check: bool| {
            let list: Vec<VoiceInfo> = voice_list(&synth)
                .iter()
                .map(|v| VoiceInfo {
                    name: v.name(),
                    lang: v.lang(),
                    local: v.local_service(),
                })
                .collect();
            let new_status = offered(&list, final_check);
            voices.set(rank(list));
            if status.get_untracked() != new_status {
                status.set(new_status);
            }
        }
    };
    refresh(false);
    let on_change = refresh.clone();
    let changed = Closure::<dyn Fn()>::new(move || on_change(false));
    synth.set_onvoiceschanged(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
    // The driver is the page's: its polling ends with the voices found, or at the last check.
    let mut polls = 0u32;
    super::clock::every(std::time::Duration::from_millis(250), move || {
        polls += 1;
        let last = polls >= 20;
        refresh(last);
        !(last || status.get_untracked() == VoiceStatus::Ready)
    });
}

/// What a voice list offers: ready with a Chinese voice; with none, still loading until the
/// final check.
fn offered(list: &[VoiceInfo], final_check: bool) -> VoiceStatus {
    let any_chinese = list.iter().any(|v| is_chinese(&v.lang));
    match (list.is_empty(), any_chinese) {
        (true, _) if final_check => VoiceStatus::NoVoices,
        (true, _) => VoiceStatus::Loading,
        (false, true) => VoiceStatus::Ready,
        (false, false) if final_check => VoiceStatus::NoChinese,
        (false, false) => VoiceStatus::Loading,
    }
}

impl Driver {
    fn create() -> Driver {
        let synth = window().speech_synthesis().ok();
        let driver = Driver {
            synth: synth.clone(),
            voices: ArcRwSignal::new(Vec::new()),
            status: ArcRwSignal::new(if synth.is_some() {
                VoiceStatus::Loading
            } else {
                VoiceStatus::Unsupported
            }),
            owner: Cell::new(0),
            current: RefCell::new(None),
        };
        if let Some(synth) = synth {
            watch_voices(&synth, driver.voices.clone(), driver.status.clone());
            // Speech must not go on after the reader leaves the page.
            let on_hide = Closure::<dyn Fn()>::new(move || synth.cancel());
            let _ = window()
                .add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
            on_hide.forget();
        }
        driver
    }

    /// Speaks `text` for `owner`, reporting start, end and errors tagged with `generation`.
    /// Call it synchronously inside the click or key handler the first time.
    pub fn speak(
        &self,
        owner: u64,
        text: &str,
        rate: u16,
        voice: Option<&str>,
        generation: u64,
        on_event: Rc<dyn Fn(EngineEvent)>,
    ) {
        let Some(synth) = &self.synth else {
            on_event(EngineEvent::Failed(generation, "unsupported".into()));
            return;
        };
        let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
            on_event(EngineEvent::Failed(generation, "utterance".into()));
            return;
        };
        // The voice is always passed explicitly: the chosen one, or the best for the report.
        let name = pick(&self.voices.get_untracked(), voice).map(|v| v.name.clone());
        let chosen = name.and_then(|name| voice_list(synth).into_iter().find(|v| v.name() == name));
        match &chosen {
            Some(v) => {
                u.set_voice(Some(v));
                u.set_lang(&v.lang());
            }
            None => u.set_lang("zh-CN"),
        }
        u.set_rate(f32::from(rate) / 100.0);
        report_events(&u, generation, on_event);
        self.owner.set(owner);
        synth.speak(&u);
        *self.current.borrow_mut() = Some(u);
    }

    /// Cancels speech, but only the speech `owner` started.
    pub fn cancel(&self, owner: u64) {
        if self.owner.get() != owner {
            return;
        }
        self.owner.set(0);
        if let Some(synth) = &self.synth {
            if synth.speaking() || synth.pending() {
                synth.cancel();
            }
        }
        self.current.borrow_mut().take();
    }
}
