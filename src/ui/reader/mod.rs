//! 朗读: the player (`read_aloud::player`, which decides) wired to the speech driver
//! (`browser::speech`, which speaks): commands and engine events go in, its actions come out and
//! are carried out here. The reading bar and the sentences are components of their own.

mod bar;
mod sentence;

pub use bar::ReadingBar;
pub use sentence::SpokenText;

use super::context::LastYear;
use super::{labels, ReportCtx};
use crate::browser::scroll::scroll_into_view;
use crate::browser::speech::{driver, new_owner};
use crate::browser::storage::{remember, remembered};
use crate::browser::{clock, highlight};
use crate::read_aloud::player::{Command, EngineEvent, Phase, Player};
use crate::read_aloud::script::{LastYearReading, Script, Target, Utterance};
use crate::read_aloud::text::shown_span;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

/// The page's clock in whole milliseconds, as the player counts time.
fn now_ms() -> u64 {
    clock::now_ms() as u64
}

/// Read-aloud state of one viewer: handles only, so it is Copy.
#[derive(Clone, Copy)]
pub struct ReaderCtx {
    /// The reading script.
    pub script: StoredValue<Arc<Vec<Utterance>>>,
    player: StoredValue<Player>,
    /// The utterance being read (highlighted).
    pub current: RwSignal<Option<usize>>,
    /// Playing, paused or idle.
    pub phase: RwSignal<Phase>,
    /// The reading bar is shown.
    pub bar_open: RwSignal<bool>,
    /// The last status message (live region).
    pub message: RwSignal<String>,
    /// Rate in percent, as the player has it.
    pub rate: RwSignal<u16>,
    /// The chosen voice, as the player has it.
    pub voice: RwSignal<Option<String>>,
    owner: u64,
    open: RwSignal<BTreeSet<String>>,
    root: NodeRef<leptos::html::Article>,
    /// What the script is made of.
    plan: StoredValue<Plan>,
    /// The script is whole (until then it is empty: it is made once the report is on screen and
    /// the page idle, or at once on the first press that reads).
    ready: StoredValue<bool>,
    ticking: StoredValue<bool>,
    /// The viewer's words, kept here: announcements are worded in engine callbacks, outside the
    /// components' context.
    labels: &'static crate::labels::Labels,
}

impl ReaderCtx {
    /// The reader for a report on screen. Its reading script is made after the report's first
    /// frame, in slices while the page is idle (see [`ReaderCtx::prepare`]).
    pub fn new(report: &ReportCtx) -> ReaderCtx {
        let mut player = Player::new(&[]);
        // The player clamps and keeps rate and voice; the signals show what it keeps.
        let rate = remembered("rate").and_then(|r| r.parse().ok());
        set_up(
            &mut player,
            rate,
            remembered("voice").filter(|v| !v.is_empty()),
        );
        let (rate, voice) = (player.rate(), player.voice().map(str::to_string));
        let plan = Plan {
            checked: report.checked.clone(),
            charts: report.options.charts,
            last_year: report.last_year,
            compared: report.compared,
        };
        let reader = ReaderCtx {
            script: StoredValue::new(Arc::new(Vec::new())),
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
            plan: StoredValue::new(plan),
            ready: StoredValue::new(false),
            ticking: StoredValue::new(false),
            labels: labels(),
        };
        reader.relay_voices();
        reader.relay_closed_parts();
        reader.follow_last_year();
        reader.follow_text_size();
        reader.prepare();
        reader
    }

    /// Makes the reading script once the report is on screen: after its first frame, a slice of
    /// at most [`SLICE_MS`] at a time with the page free to run between slices (a huge report
    /// takes many), and takes it up, unless a press that reads made it first.
    fn prepare(&self) {
        let me = *self;
        leptos::task::spawn_local(async move {
            clock::next_frame().await;
            let Some(plan) = me.plan.try_get_value() else {
                return;
            };
            let mut script = plan.script();
            loop {
                clock::next_task().await;
                if me.ready.try_get_value() != Some(false) {
                    return;
                }
                let start = clock::now_ms();
                while clock::now_ms() - start < SLICE_MS {
                    if script.step(256) {
                        me.adopt(script.finish());
                        return;
                    }
                }
            }
        });
    }

    /// Makes the whole script now if it is not made yet (a press that reads came first).
    fn make_ready(&self) {
        if self.ready.try_get_value() == Some(false) {
            if let Some(script) = self.plan.try_with_value(|p| p.script().finish()) {
                self.adopt(script);
            }
        }
    }

    /// Takes up a whole script while the reader is idle: reading from it, keeping the reader's
    /// rate and voice.
    fn adopt(&self, script: Vec<Utterance>) {
        let mut player = Player::new(&script);
        let (rate, voice) = self
            .player
            .try_with_value(|p| (Some(p.rate()), p.voice().map(str::to_string)))
            .unwrap_or_default();
        set_up(&mut player, rate, voice);
        self.script.set_value(Arc::new(script));
        self.player.set_value(player);
        self.ready.set_value(true);
        clock::mark_once("report-viewer:reading-ready");
    }

    /// Tells the player what the browser offers for speaking, now and whenever it changes: the
    /// player decides what that means for reading.
    fn relay_voices(&self) {
        let me = *self;
        let status = driver().status.clone();
        Effect::new(move |_| me.event(EngineEvent::VoicesChanged(status.get())));
    }

    /// 对比上年 and the checks against last year's report are read where they are shown: the
    /// reading script is made again when last year's report comes and when a table is set beside
    /// it or back, and taken up once the reader is idle (a reading under way goes on as it was).
    fn follow_last_year(&self) {
        let me = *self;
        let Some(plan) = self.plan.try_get_value() else {
            return;
        };
        let pending: StoredValue<Option<Vec<Utterance>>> = StoredValue::new(None);
        Effect::new(move |_| {
            // Tracked here; the script is made of what they are now.
            plan.compared.track();
            if plan.last_year.with(|l| matches!(l, LastYear::Loaded(_))) {
                pending.set_value(Some(plan.script().finish()));
                if me.phase.get_untracked() == Phase::Idle {
                    me.take_up(pending);
                }
            }
        });
        Effect::new(move |_| {
            if me.phase.get() == Phase::Idle {
                me.take_up(pending);
            }
        });
    }

    /// Reads from the script made last (if one waits), keeping the reader's rate and voice.
    fn take_up(&self, pending: StoredValue<Option<Vec<Utterance>>>) {
        if let Some(script) = pending.try_update_value(Option::take).flatten() {
            self.adopt(script);
        }
    }

    /// Tells the player which parts the reader collapses (the player stops reading one it is in).
    fn relay_closed_parts(&self) {
        let me = *self;
        let open = self.open;
        let before = StoredValue::new(open.get_untracked());
        Effect::new(move |_| {
            let now = open.get();
            let closed: Vec<String> = before.with_value(|b| b.difference(&now).cloned().collect());
            before.set_value(now);
            for id in closed {
                me.command(Command::PartClosed(id));
            }
        });
    }

    /// A text size change while reading brings the sentence being read back to the middle of the
    /// view (it ended up thousands of pixels away).
    fn follow_text_size(&self) {
        let Some(prefs) = use_context::<crate::ui::prefs::PrefsCtx>() else {
            return;
        };
        let (current, root) = (self.current, self.root);
        Effect::new(move |_| {
            prefs.size.track();
            if current.get_untracked().is_some() {
                request_animation_frame(move || keep_in_view(root));
            }
        });
    }

    /// Whether the sentence being read is the one of element `key` starting at `start`.
    pub fn reads_text(&self, key: &str, start: usize) -> bool {
        let Some(i) = self.current.get() else {
            return false;
        };
        self.script.with_value(|s| {
            matches!(s.get(i).map(|u| &u.target),
                Some(Target::Text { key: k, start: st, .. }) if k == key && *st == start)
        })
    }

    /// Where in the script the sentence of element `key` starting at `start` is.
    pub fn text_index(&self, key: &str, start: usize) -> Option<usize> {
        self.script.with_value(|s| {
            s.iter().position(|u| {
                matches!(&u.target, Target::Text { key: k, start: st, .. } if k == key && *st == start)
            })
        })
    }

    /// Runs a reader command. Call it straight from the click or key handler: the first
    /// `speak()` must happen inside the user's gesture.
    pub fn command(&self, command: Command) {
        let setting = matches!(command, Command::SetRate(_) | Command::SetVoice(_));
        if !setting && !matches!(command, Command::PartClosed(_) | Command::Stop) {
            self.make_ready();
        }
        let now = now_ms();
        let actions = self
            .player
            .try_update_value(|p| p.command(command, now))
            .unwrap_or_default();
        if setting {
            self.remember_settings();
        }
        self.run(actions);
    }

    /// Shows and remembers the rate and voice the player now keeps.
    fn remember_settings(&self) {
        let Some((rate, voice)) = self
            .player
            .try_with_value(|p| (p.rate(), p.voice().map(str::to_string)))
        else {
            return;
        };
        remember("rate", &rate.to_string());
        remember("voice", voice.as_deref().unwrap_or(""));
        self.rate.set(rate);
        self.voice.set(voice);
    }

    fn event(&self, event: EngineEvent) {
        let now = now_ms();
        let actions = self
            .player
            .try_update_value(|p| p.event(event, now))
            .unwrap_or_default();
        self.run(actions);
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
                    let Some(text) = self
                        .script
                        .with_value(|s| s.get(index).map(|u| u.spoken.clone()))
                    else {
                        continue;
                    };
                    let me = *self;
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
                    highlight::clear_word();
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
                Action::Announce(m) => self.message.set(self.labels.announce(&m)),
                Action::Word { index, from, len } => self.mark_word(index, from, len),
            }
        }
        let phase = self.player.with_value(|p| p.phase());
        if self.phase.get_untracked() != phase {
            self.phase.set(phase);
        }
    }

    /// Marks the word the voice reached inside the sentence lit on the page (a sentence of the
    /// report's text; a table's row stays lit as a whole).
    fn mark_word(&self, index: usize, from: usize, len: usize) {
        let Some(shown) = self.script.with_value(|s| {
            s.get(index)
                .filter(|u| matches!(u.target, Target::Text { .. }))
                .map(|u| u.shown.clone())
        }) else {
            return;
        };
        let Some(word) = shown_span(&shown, from, len) else {
            return;
        };
        // The lit element (a sentence, or a part's heading) holds the sentence as one text node:
        // the word is marked in it.
        let lit = self
            .root
            .get_untracked()
            .and_then(|article| article.query_selector(".rv-reading").ok().flatten());
        if let Some(node) = lit.and_then(|el| text_node(&el, &shown, 3)) {
            let start = shown[..word.start].encode_utf16().count() as u32;
            let end = start + shown[word].encode_utf16().count() as u32;
            highlight::mark_word(&node, start, end);
        }
    }

    fn start_ticking(&self) {
        if self.ticking.get_value() {
            return;
        }
        self.ticking.set_value(true);
        let me = *self;
        // Ends when speech does, or at the first tick after the view is gone (its values
        // disposed: the portal redrew the article while it was being read).
        clock::every(std::time::Duration::from_millis(400), move || {
            let now = now_ms();
            let Some(actions) = me.player.try_update_value(|p| p.tick(now)) else {
                return false;
            };
            me.run(actions);
            let speaking = me
                .player
                .try_with_value(|p| p.phase() == Phase::Speaking)
                .unwrap_or(false);
            if !speaking {
                let _ = me.ticking.try_set_value(false);
            }
            speaking
        });
    }

    /// Reading started by a press of a button that scrolls away as the view follows the voice
    /// (朗读, 朗读本节): the bar opens, the command runs, and focus moves to the bar's play/pause
    /// button, which stays at hand (keyboard users are never left on a button off screen).
    pub fn start_from_button(&self, command: Command) {
        self.bar_open.set(true);
        self.command(command);
        self.focus_next_frame(".rv-reader__play");
    }

    /// Focuses the report's first element matching `selector` once the next frame is drawn (after
    /// the bar opens or closes).
    fn focus_next_frame(&self, selector: &'static str) {
        let root = self.root;
        request_animation_frame(move || {
            let element = root
                .get_untracked()
                .and_then(|a| a.query_selector(selector).ok().flatten())
                .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok());
            if let Some(e) = element {
                let _ = e.focus();
            }
        });
    }

    /// Focus moved to `target`: if the sticky bar covers it, the page scrolls it clear (below
    /// the bar), after the browser's own scroll to the focused element (WCAG 2.4.11).
    pub fn keep_focus_clear(&self, target: web_sys::Element) {
        if !self.bar_open.get_untracked() {
            return;
        }
        let root = self.root;
        request_animation_frame(move || {
            let Some(bar) = root
                .get_untracked()
                .and_then(|a| a.query_selector(".rv-reader").ok().flatten())
            else {
                return;
            };
            if bar.contains(Some(&target)) {
                return;
            }
            let (b, t) = (
                bar.get_bounding_client_rect(),
                target.get_bounding_client_rect(),
            );
            // Only a bar stuck at the top covers what scrolls under it.
            if b.top() <= 1.0 && t.top() < b.bottom() && t.bottom() > b.top() {
                window().scroll_by_with_x_and_y(0.0, t.top() - b.bottom() - 8.0);
            }
        });
    }

    /// Closes the reading bar: reading stops, and focus returns to the 朗读 button.
    pub fn close_bar(&self) {
        self.command(Command::Stop);
        self.bar_open.set(false);
        self.focus_next_frame(".rv-button--read");
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
                r.current.get().and_then(|i| {
                    r.script
                        .with_value(|s| s.get(i).map(|u| matches(&u.target)))
                })
            })
            .unwrap_or(false)
    }
}

/// How long one slice of making the script may hold the page (well under the 50 ms of a "long
/// task", so input stays responsive while a huge report's script is made).
const SLICE_MS: f64 = 40.0;

/// What the reading script is made of: the report, whether its 图解 are read, and what last
/// year's report adds once it has come.
#[derive(Clone)]
struct Plan {
    checked: Arc<crate::model::CheckedReport>,
    charts: bool,
    last_year: RwSignal<LastYear>,
    compared: RwSignal<BTreeSet<String>>,
}

impl Plan {
    /// A script of the report as it is shown now: beside last year's where it is set beside it.
    fn script(&self) -> Script<'_> {
        let previous = self.last_year.get_untracked().loaded();
        match previous {
            Some(p) => {
                let reading = last_year_reading(&self.checked, &p, &self.compared.get_untracked());
                Script::plan_beside(&self.checked, self.charts, reading)
            }
            None => Script::plan_with(&self.checked, self.charts),
        }
    }
}

/// A new player at the reader's rate (kept when `None`) and voice, told which voices there are.
fn set_up(player: &mut Player, rate: Option<u16>, voice: Option<String>) {
    if let Some(rate) = rate {
        player.command(Command::SetRate(rate), 0);
    }
    player.command(Command::SetVoice(voice), 0);
    player.event(
        EngineEvent::VoicesChanged(driver().status.get_untracked()),
        0,
    );
}

/// What last year's report adds to the reading: the tables set beside it (those it has a table
/// of the same number for) and what checking against it found.
fn last_year_reading(
    checked: &crate::model::CheckedReport,
    previous: &crate::ui::context::Previous,
    compared: &BTreeSet<String>,
) -> LastYearReading {
    use crate::model::chart::with_last_year;
    use crate::model::compare::{compare, last_years_table};
    let mut reading = LastYearReading {
        cross_year: previous.findings.clone(),
        ..Default::default()
    };
    for id in compared {
        let Some(now) = checked.tables.get(id) else {
            continue;
        };
        let Some(before) = last_years_table(&previous.checked.tables, now) else {
            continue;
        };
        // The reading is in Chinese, as the report is.
        if let Some(c) = compare(now, before, &crate::labels::ZH.change_words) {
            let charts = with_last_year(
                checked.charts_for(now),
                &previous.checked.charts_for(before),
            );
            reading.compared.push((id.clone(), Arc::new(c), charts));
        }
    }
    reading
}

/// The text node under `node` (at most `depth` levels down) whose text is `text`.
fn text_node(node: &web_sys::Node, text: &str, depth: u8) -> Option<web_sys::Node> {
    if node.node_type() == web_sys::Node::TEXT_NODE {
        return (node.text_content().as_deref() == Some(text)).then(|| node.clone());
    }
    let children = node.child_nodes();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .find_map(|child| {
            depth
                .checked_sub(1)
                .and_then(|d| text_node(&child, text, d))
        })
}

/// Scrolls the highlighted sentence into view, without smooth scrolling under reduced motion.
fn keep_in_view(root: NodeRef<leptos::html::Article>) {
    let Some(article) = root.get_untracked() else {
        return;
    };
    // The first highlight on screen: a table's grid and its cards both mark the row read, and
    // one of them is hidden (the grid on a phone, the cards on a wide screen).
    use wasm_bindgen::JsCast;
    let Ok(lit) = article.query_selector_all(".rv-reading") else {
        return;
    };
    let shown = (0..lit.length())
        .filter_map(|i| lit.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|el| el.get_client_rects().length() > 0);
    let Some(el) = shown else {
        return;
    };
    let bar = article
        .query_selector(".rv-reader")
        .ok()
        .flatten()
        .map(|b| b.get_bounding_client_rect())
        // Only a bar stuck at the top takes room from the view.
        .map_or(0.0, |b| {
            if b.top() <= 1.0 {
                b.bottom().max(0.0)
            } else {
                0.0
            }
        });
    let r = el.get_bounding_client_rect();
    let room = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
        - bar;
    if r.height() > room {
        // Taller than the room under the bar (a card at large text): its start just below it.
        window().scroll_by_with_x_and_y(0.0, r.top() - bar - 8.0);
    } else {
        // In the middle of the view: never under the sticky reading bar, never at an edge.
        scroll_into_view(&el, web_sys::ScrollLogicalPosition::Center);
    }
}
