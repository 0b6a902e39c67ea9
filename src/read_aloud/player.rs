//! The read-aloud player: a state machine that takes the reader's commands and the speech
//! engine's events and answers with what to do. It keeps its own position and playing/paused
//! state (the engine's are unreliable), tags every utterance with a generation so that events of
//! cancelled utterances are ignored, pauses by cancelling and resumes by speaking the current
//! sentence again (Android's `pause()` cancels), and watches for utterances that never start or
//! never end.

use super::script::{part_starts, Utterance};
use crate::labels::{Announcement, Voices, NOT_STARTED};

/// No `start` within this long after `speak()`: cancel and retry once, then skip.
pub const START_TIMEOUT_MS: u64 = 3000;
/// Expected speaking time per character at rate 1.0 (Mandarin, about 4 characters a second): the
/// floor; the player measures the voice it hears and expects the slowest speed it measured.
pub const MS_PER_CHAR: u64 = 260;
/// Utterances shorter than this (in characters) are not measured: their fixed start and end
/// costs would make the voice seem slow.
const MEASURED_FROM_CHARS: usize = 8;
/// Grace beyond the expected duration before an utterance that never ends is abandoned.
pub const END_GRACE_MS: u64 = 4000;
/// This many failed utterances in a row stop reading.
pub const MAX_FAILURES: u32 = 3;

/// Where the player is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Not reading.
    Idle,
    /// Reading: an utterance has been handed to the engine.
    Speaking,
    /// Paused at the current sentence (the engine's speech was cancelled).
    Paused,
}

/// What the reader asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Start reading (from the current sentence), or resume.
    Play,
    /// Pause.
    Pause,
    /// Resume after a pause.
    Resume,
    /// Play, pause or resume, whichever fits.
    Toggle,
    /// Stop reading.
    Stop,
    /// The next sentence.
    Next,
    /// The previous sentence.
    Previous,
    /// The start of the next part.
    NextPart,
    /// The start of this part, or of the previous one when already at its start.
    PreviousPart,
    /// Read from this utterance on (a click on a sentence).
    StartAt(usize),
    /// Read one part and stop at its end (朗读本节).
    PlayPart(String),
    /// Speaking rate in percent, 50 to 200.
    SetRate(u16),
    /// The voice to use (by the driver's name for it), or the default.
    SetVoice(Option<String>),
    /// The reader collapsed this part.
    PartClosed(String),
    /// Skip the rest of the table being read.
    SkipTable,
}

/// What the speech engine reports, each for the generation of the utterance it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineEvent {
    /// The utterance started.
    Started(u64),
    /// The utterance ended.
    Ended(u64),
    /// The utterance failed (`synthesis-failed`, `voice-unavailable`, …).
    Failed(u64, String),
    /// The utterance was cancelled or interrupted (`canceled`, `interrupted`).
    Interrupted(u64),
    /// The voice reached a word (a `boundary` event): where it starts in the spoken text and
    /// how long it is, in UTF-16 code units (0: the voice did not say).
    Word(u64, usize, usize),
    /// What the browser offers for speaking changed (the voice list came, or never will).
    VoicesChanged(Voices),
}

/// What the player asks the driver and the page to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Speak utterance `index`, tagged with `generation`.
    Speak {
        /// Which utterance.
        index: usize,
        /// Its generation.
        generation: u64,
        /// Rate in percent.
        rate: u16,
        /// Voice, if one was chosen.
        voice: Option<String>,
    },
    /// Cancel the speech this page started.
    Cancel,
    /// Highlight this utterance on the page (None: remove the highlight). Any word lit inside
    /// the one before goes out.
    Highlight(Option<usize>),
    /// Light the word the voice is saying inside utterance `index`: `from` and `len` as the
    /// engine counts them in its spoken text (see `text::shown_span`).
    Word {
        /// Which utterance.
        index: usize,
        /// Where the word starts in the spoken text (UTF-16 code units).
        from: usize,
        /// Its length (UTF-16 code units; 0 when the voice did not say).
        len: usize,
    },
    /// Open this part on the page (reading reached it).
    RevealPart(String),
    /// Tell the reader, through the polite live region (worded by `labels`).
    Announce(Announcement),
}

/// The player.
#[derive(Debug, Clone)]
pub struct Player {
    lengths: Vec<usize>,
    part_of: Vec<Option<String>>,
    /// The table each utterance reads, if any.
    table_of: Vec<Option<String>>,
    parts: Vec<(String, usize, String)>,
    phase: Phase,
    position: usize,
    generation: u64,
    rate: u16,
    voice: Option<String>,
    spoken_at: u64,
    started_at: Option<u64>,
    /// The slowest speed measured from utterances spoken to their end, in milliseconds per
    /// character at rate 1.0 (at least MS_PER_CHAR).
    ms_per_char: u64,
    retried: bool,
    failures: u32,
    stop_after: Option<usize>,
    voices: Voices,
}

impl Player {
    /// A player for a script.
    pub fn new(script: &[Utterance]) -> Player {
        let parts = part_starts(script)
            .into_iter()
            .map(|(id, at)| {
                let name = script.get(at).map(|u| u.shown.clone()).unwrap_or_default();
                (id, at, name)
            })
            .collect();
        Player {
            lengths: script.iter().map(|u| u.spoken.chars().count()).collect(),
            part_of: script.iter().map(|u| u.part.clone()).collect(),
            table_of: script
                .iter()
                .map(|u| u.target.table().map(str::to_string))
                .collect(),
            parts,
            phase: Phase::Idle,
            position: 0,
            generation: 0,
            rate: 100,
            voice: None,
            spoken_at: 0,
            started_at: None,
            ms_per_char: MS_PER_CHAR,
            retried: false,
            failures: 0,
            stop_after: None,
            voices: Voices::Loading,
        }
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The current utterance.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The generation of the utterance now with the engine.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The rate in percent.
    pub fn rate(&self) -> u16 {
        self.rate
    }

    /// The chosen voice.
    pub fn voice(&self) -> Option<&str> {
        self.voice.as_deref()
    }

    fn len(&self) -> usize {
        self.lengths.len()
    }

    /// What the browser offers for speaking, as last reported.
    pub fn voices(&self) -> Voices {
        self.voices
    }

    /// The voice list changed: reading that cannot go on stops and says why.
    fn voices_changed(&mut self, voices: Voices) -> Vec<Action> {
        self.voices = voices;
        if voices.can_speak() || self.phase == Phase::Idle {
            return Vec::new();
        }
        let mut out = vec![Action::Cancel];
        out.extend(self.finish(Announcement::Unavailable(voices)));
        out
    }

    /// Hands the current utterance to the engine, cancelling what was speaking; without a voice
    /// for the report, stays idle and says why.
    fn speak(&mut self, now: u64, cancel_first: bool) -> Vec<Action> {
        let mut out = Vec::new();
        if cancel_first {
            out.push(Action::Cancel);
        }
        if !self.voices.can_speak() {
            out.extend(self.finish(Announcement::Unavailable(self.voices)));
            return out;
        }
        let entering = self.phase != Phase::Speaking
            || self.position == 0
            || self.part_of.get(self.position.wrapping_sub(1)) != self.part_of.get(self.position);
        if let Some(Some(part)) = self.part_of.get(self.position) {
            // Opened when reading enters it, not at every sentence: a reader who collapses it
            // is not overruled (PartClosed stops reading instead).
            if entering {
                out.push(Action::RevealPart(part.clone()));
                if let Some(name) = self.part_name(part) {
                    out.push(Action::Announce(Announcement::ReadingPart(name.clone())));
                }
            }
        } else if self.phase != Phase::Speaking {
            out.push(Action::Announce(Announcement::Reading));
        }
        self.generation += 1;
        self.phase = Phase::Speaking;
        self.spoken_at = now;
        self.started_at = None;
        out.push(Action::Highlight(Some(self.position)));
        out.push(Action::Speak {
            index: self.position,
            generation: self.generation,
            rate: self.rate,
            voice: self.voice.clone(),
        });
        out
    }

    /// Ends reading: at the end of the script or the chosen part.
    fn finish(&mut self, message: Announcement) -> Vec<Action> {
        self.phase = Phase::Idle;
        self.generation += 1;
        self.stop_after = None;
        self.retried = false;
        vec![Action::Highlight(None), Action::Announce(message)]
    }

    /// Moves to the next utterance and speaks it, or finishes.
    fn advance(&mut self, now: u64, cancel_first: bool) -> Vec<Action> {
        self.retried = false;
        let done_part = self.stop_after.is_some_and(|last| self.position >= last);
        self.position += 1;
        if done_part {
            let mut out = if cancel_first {
                vec![Action::Cancel]
            } else {
                Vec::new()
            };
            out.extend(self.finish(Announcement::PartEnded));
            return out;
        }
        if self.position >= self.len() {
            self.position = 0;
            let mut out = if cancel_first {
                vec![Action::Cancel]
            } else {
                Vec::new()
            };
            out.extend(self.finish(Announcement::Ended));
            return out;
        }
        self.speak(now, cancel_first)
    }

    fn part_index(&self) -> Option<usize> {
        self.parts
            .iter()
            .rposition(|(_, at, _)| *at <= self.position)
    }

    fn jump(&mut self, to: usize, now: u64) -> Vec<Action> {
        self.position = to.min(self.len().saturating_sub(1));
        self.retried = false;
        self.follow_part();
        match self.phase {
            Phase::Speaking => self.speak(now, true),
            Phase::Paused | Phase::Idle => vec![Action::Highlight(Some(self.position))],
        }
    }

    /// Handles a command from the reader. `now` is a monotonic clock in milliseconds.
    pub fn command(&mut self, command: Command, now: u64) -> Vec<Action> {
        if self.len() == 0 {
            return vec![Action::Announce(Announcement::NothingToRead)];
        }
        match command {
            Command::Play => self.play(now),
            Command::Toggle => match self.phase {
                Phase::Speaking => self.pause(),
                _ => self.play(now),
            },
            Command::Pause => self.pause(),
            Command::Resume => self.resume(now),
            Command::Stop => self.stop(),
            Command::Next if self.position + 1 < self.len() => self.jump(self.position + 1, now),
            Command::Next => Vec::new(),
            Command::Previous => self.jump(self.position.saturating_sub(1), now),
            Command::NextPart => self.next_part(now),
            Command::PreviousPart => self.previous_part(now),
            Command::StartAt(index) => self.start_at(index, now),
            Command::PlayPart(id) => self.play_part(&id, now),
            Command::SetRate(rate) => {
                self.rate = rate.clamp(50, 200);
                self.respeak(now)
            }
            Command::SetVoice(voice) => {
                self.voice = voice;
                self.respeak(now)
            }
            Command::PartClosed(id) => self.part_closed(&id),
            Command::SkipTable => self.skip_table(now),
        }
    }

    /// Goes on after the table being read (or finishes when it ends the script or the part read).
    fn skip_table(&mut self, now: u64) -> Vec<Action> {
        let Some(Some(table)) = self.table_of.get(self.position).cloned() else {
            return Vec::new();
        };
        let after = (self.position..self.len())
            .find(|&i| self.table_of[i].as_deref() != Some(table.as_str()))
            .unwrap_or(self.len());
        let cancel = self.phase == Phase::Speaking;
        // Continue from the last sentence of the table: advancing reads what follows, and
        // honours the end of the part being read.
        self.position = after.saturating_sub(1);
        match self.phase {
            Phase::Idle | Phase::Paused => {
                self.position = after.min(self.len() - 1);
                vec![Action::Highlight(Some(self.position))]
            }
            Phase::Speaking => self.advance(now, cancel),
        }
    }

    /// The reader collapsed a part: reading there stops, and says why.
    fn part_closed(&mut self, id: &str) -> Vec<Action> {
        let here = self.part_of.get(self.position).and_then(Option::as_deref);
        if self.phase == Phase::Idle || here != Some(id) {
            return Vec::new();
        }
        let name = self.part_name(id).cloned().unwrap_or_default();
        let mut out = vec![Action::Cancel];
        out.extend(self.finish(Announcement::PartClosed(name)));
        out
    }

    fn play(&mut self, now: u64) -> Vec<Action> {
        match self.phase {
            Phase::Idle => {
                self.failures = 0;
                self.speak(now, false)
            }
            Phase::Paused => self.resume(now),
            Phase::Speaking => Vec::new(),
        }
    }

    /// Cancels rather than pauses: Android's pause() cancels, Chrome's is unreliable.
    fn pause(&mut self) -> Vec<Action> {
        if self.phase != Phase::Speaking {
            return Vec::new();
        }
        self.phase = Phase::Paused;
        self.generation += 1;
        vec![Action::Cancel, Action::Announce(Announcement::Paused)]
    }

    /// Speaks the sentence it paused at again.
    fn resume(&mut self, now: u64) -> Vec<Action> {
        if self.phase != Phase::Paused {
            return Vec::new();
        }
        let mut out = vec![Action::Announce(Announcement::Resumed)];
        out.extend(self.speak(now, false));
        out
    }

    fn stop(&mut self) -> Vec<Action> {
        if self.phase == Phase::Idle {
            return vec![Action::Highlight(None)];
        }
        self.phase = Phase::Idle;
        self.generation += 1;
        self.stop_after = None;
        vec![
            Action::Cancel,
            Action::Highlight(None),
            Action::Announce(Announcement::Stopped),
        ]
    }

    fn next_part(&mut self, now: u64) -> Vec<Action> {
        let next = match self.part_index() {
            Some(i) => self.parts.get(i + 1),
            None => self.parts.first(),
        };
        match next.map(|(_, at, _)| *at) {
            Some(at) => self.jump(at, now),
            None => Vec::new(),
        }
    }

    /// The start of this part, or of the previous one when already at its start.
    fn previous_part(&mut self, now: u64) -> Vec<Action> {
        let target = match self.part_index() {
            Some(i) if self.parts[i].1 < self.position => self.parts[i].1,
            Some(i) if i > 0 => self.parts[i - 1].1,
            _ => 0,
        };
        self.jump(target, now)
    }

    fn start_at(&mut self, index: usize, now: u64) -> Vec<Action> {
        if index >= self.len() {
            return Vec::new();
        }
        self.position = index;
        self.retried = false;
        self.follow_part();
        let cancel = self.phase == Phase::Speaking;
        self.speak(now, cancel)
    }

    /// Reading one part (朗读本节) and moved elsewhere: read the part now reached, to its end.
    fn follow_part(&mut self) {
        if self.stop_after.is_none() {
            return;
        }
        self.stop_after = self.part_index().map(|i| self.part_end(i));
    }

    /// The last utterance of part `i`.
    fn part_end(&self, i: usize) -> usize {
        self.parts
            .get(i + 1)
            .map(|(_, at, _)| at - 1)
            .unwrap_or(self.len() - 1)
    }

    /// A part's heading as shown.
    fn part_name(&self, id: &str) -> Option<&String> {
        self.parts
            .iter()
            .find(|(p, _, _)| p == id)
            .map(|(_, _, name)| name)
    }

    /// Reads one part and stops at its end.
    fn play_part(&mut self, id: &str, now: u64) -> Vec<Action> {
        let Some(i) = self.parts.iter().position(|(p, _, _)| p == id) else {
            return Vec::new();
        };
        let start = self.parts[i].1;
        self.stop_after = Some(self.part_end(i));
        self.position = start;
        self.retried = false;
        let cancel = self.phase == Phase::Speaking;
        self.phase = Phase::Idle;
        self.speak(now, cancel)
    }

    /// A new rate or voice: the sentence being spoken starts again with it.
    fn respeak(&mut self, now: u64) -> Vec<Action> {
        if self.phase == Phase::Speaking {
            self.speak(now, true)
        } else {
            Vec::new()
        }
    }

    /// Handles an event from the engine. Events of older generations are ignored.
    pub fn event(&mut self, event: EngineEvent, now: u64) -> Vec<Action> {
        let generation = match &event {
            EngineEvent::Started(g) | EngineEvent::Ended(g) | EngineEvent::Interrupted(g) => *g,
            EngineEvent::Failed(g, _) | EngineEvent::Word(g, ..) => *g,
            EngineEvent::VoicesChanged(v) => return self.voices_changed(*v),
        };
        if generation != self.generation || self.phase != Phase::Speaking {
            return Vec::new();
        }
        match event {
            EngineEvent::Started(_) => {
                self.started_at = Some(now);
                self.failures = 0;
                Vec::new()
            }
            EngineEvent::Ended(_) => {
                self.measure(now);
                self.advance(now, false)
            }
            EngineEvent::Interrupted(_) => {
                // Something else cancelled our speech (another script, an extension): hold here.
                self.phase = Phase::Paused;
                self.generation += 1;
                vec![Action::Announce(Announcement::Interrupted)]
            }
            EngineEvent::Failed(_, reason) => self.failed(&reason, now),
            EngineEvent::Word(_, from, len) => vec![Action::Word {
                index: self.position,
                from,
                len,
            }],
            EngineEvent::VoicesChanged(_) => Vec::new(),
        }
    }

    fn failed(&mut self, reason: &str, now: u64) -> Vec<Action> {
        if !self.retried {
            self.retried = true;
            return self.speak(now, true);
        }
        self.failures += 1;
        if self.failures >= MAX_FAILURES {
            let mut out = vec![Action::Cancel];
            out.extend(self.finish(Announcement::Failed(reason.to_string())));
            return out;
        }
        let mut out = vec![Action::Announce(Announcement::Skipped(reason.to_string()))];
        out.extend(self.advance(now, true));
        out
    }

    /// The watchdog: call every few hundred milliseconds while speaking.
    pub fn tick(&mut self, now: u64) -> Vec<Action> {
        if self.phase != Phase::Speaking {
            return Vec::new();
        }
        match self.started_at {
            None if now.saturating_sub(self.spoken_at) >= START_TIMEOUT_MS => {
                self.failed(NOT_STARTED, now)
            }
            Some(started) if now.saturating_sub(started) >= self.expected_ms() + END_GRACE_MS => {
                // Started but never ended (remote voices): move on.
                self.advance(now, true)
            }
            _ => Vec::new(),
        }
    }

    /// How long the current utterance should take at the current rate.
    pub fn expected_ms(&self) -> u64 {
        let chars = self.lengths.get(self.position).copied().unwrap_or(0) as u64;
        chars * self.ms_per_char * 100 / u64::from(self.rate.max(1))
    }

    /// The voice's speed, from the utterance that just ended: the slowest seen is kept, so a
    /// slower voice (or a long table row) is never cut off by the watchdog.
    fn measure(&mut self, now: u64) {
        let (Some(started), Some(&chars)) = (self.started_at, self.lengths.get(self.position))
        else {
            return;
        };
        if chars < MEASURED_FROM_CHARS {
            return;
        }
        let at_rate_one = now.saturating_sub(started) * u64::from(self.rate) / 100;
        self.ms_per_char = self.ms_per_char.max(at_rate_one / chars as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_aloud::script::Target;

    /// A script of two parts: [title] [p1 heading, a, b] [p2 heading, c].
    fn script() -> Vec<Utterance> {
        let mk = |i: usize, part: Option<&str>, text: &str| Utterance {
            index: i,
            part: part.map(str::to_string),
            target: Target::Text {
                key: format!("k{i}"),
                start: 0,
                end: text.len(),
            },
            shown: text.to_string(),
            spoken: text.to_string(),
        };
        vec![
            mk(0, None, "标题"),
            mk(1, Some("part-1"), "一、总体情况"),
            mk(2, Some("part-1"), "第一句。"),
            mk(3, Some("part-1"), "第二句。"),
            mk(4, Some("part-2"), "二、主动公开"),
            mk(5, Some("part-2"), "第三句。"),
        ]
    }

    fn speaks(actions: &[Action]) -> Option<(usize, u64)> {
        actions.iter().find_map(|a| match a {
            Action::Speak {
                index, generation, ..
            } => Some((*index, *generation)),
            _ => None,
        })
    }

    fn announced(actions: &[Action]) -> Vec<Announcement> {
        actions
            .iter()
            .filter_map(|a| match a {
                Action::Announce(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn play_speaks_in_order_and_finishes() {
        let mut p = Player::new(&script());
        let a = p.command(Command::Play, 0);
        assert_eq!(speaks(&a), Some((0, 1)));
        assert!(
            !a.contains(&Action::Cancel),
            "the first speak() must not wait for a cancel"
        );
        assert!(a.contains(&Action::Highlight(Some(0))));
        for i in 1..6 {
            let g = p.generation();
            assert!(p.event(EngineEvent::Started(g), 10).is_empty());
            let a = p.event(EngineEvent::Ended(g), 20);
            assert_eq!(speaks(&a).map(|s| s.0), Some(i));
            assert!(a.contains(&Action::Highlight(Some(i))));
            if i == 1 || i == 4 {
                let part = if i == 1 { "part-1" } else { "part-2" };
                assert!(a.contains(&Action::RevealPart(part.into())));
                assert_eq!(announced(&a).len(), 1, "{a:?}");
                assert!(matches!(announced(&a)[0], Announcement::ReadingPart(_)));
            } else {
                assert!(
                    announced(&a).is_empty(),
                    "no announcement inside a part: {a:?}"
                );
            }
        }
        let g = p.generation();
        let a = p.event(EngineEvent::Ended(g), 30);
        assert_eq!(speaks(&a), None);
        assert!(a.contains(&Action::Highlight(None)));
        assert_eq!(announced(&a), [Announcement::Ended]);
        assert_eq!(p.phase(), Phase::Idle);
        assert_eq!(p.position(), 0);
    }

    #[test]
    fn stale_events_are_ignored() {
        let mut p = Player::new(&script());
        p.command(Command::Play, 0);
        let old = p.generation();
        p.command(Command::Next, 5);
        assert_eq!(p.position(), 1);
        // The cancelled utterance reports late: end, or an error.
        assert!(p.event(EngineEvent::Ended(old), 6).is_empty());
        assert!(p.event(EngineEvent::Interrupted(old), 6).is_empty());
        assert!(p
            .event(EngineEvent::Failed(old, "canceled".into()), 6)
            .is_empty());
        assert_eq!(p.position(), 1);
        assert_eq!(p.phase(), Phase::Speaking);
        // Events while idle are ignored too.
        p.command(Command::Stop, 7);
        let g = p.generation();
        assert!(p.event(EngineEvent::Ended(g), 8).is_empty());
    }

    #[test]
    fn a_word_lights_only_in_the_sentence_being_said() {
        let mut p = Player::new(&script());
        p.command(Command::Play, 0);
        let g = p.generation();
        p.event(EngineEvent::Started(g), 1);
        assert_eq!(
            p.event(EngineEvent::Word(g, 1, 2), 2),
            [Action::Word {
                index: 0,
                from: 1,
                len: 2
            }]
        );
        // A late word of a sentence left behind, or one while paused, lights nothing.
        p.command(Command::Next, 3);
        assert!(p.event(EngineEvent::Word(g, 0, 1), 4).is_empty());
        p.command(Command::Pause, 5);
        assert!(p
            .event(EngineEvent::Word(p.generation(), 0, 1), 6)
            .is_empty());
    }

    #[test]
    fn pause_cancels_and_resume_speaks_the_sentence_again() {
        let mut p = Player::new(&script());
        p.command(Command::StartAt(2), 0);
        let g = p.generation();
        let a = p.command(Command::Pause, 100);
        assert_eq!(
            a,
            vec![Action::Cancel, Action::Announce(Announcement::Paused)]
        );
        assert_eq!(p.phase(), Phase::Paused);
        // The cancelled utterance's late end does not advance.
        assert!(p.event(EngineEvent::Ended(g), 101).is_empty());
        let a = p.command(Command::Resume, 200);
        assert_eq!(speaks(&a).map(|s| s.0), Some(2), "the same sentence again");
        assert!(p.generation() > g);
        assert_eq!(p.phase(), Phase::Speaking);
        // Toggle pauses and resumes.
        p.command(Command::Toggle, 300);
        assert_eq!(p.phase(), Phase::Paused);
        let a = p.command(Command::Toggle, 400);
        assert_eq!(speaks(&a).map(|s| s.0), Some(2));
        // Pause and Resume out of place do nothing.
        assert!(p.command(Command::Resume, 500).is_empty());
        p.command(Command::Stop, 600);
        assert!(p.command(Command::Pause, 700).is_empty());
        assert!(p.command(Command::Resume, 700).is_empty());
    }

    #[test]
    fn stop_cancels_and_clears_the_highlight() {
        let mut p = Player::new(&script());
        p.command(Command::Play, 0);
        let a = p.command(Command::Stop, 10);
        assert_eq!(
            a,
            vec![
                Action::Cancel,
                Action::Highlight(None),
                Action::Announce(Announcement::Stopped)
            ]
        );
        assert_eq!(p.phase(), Phase::Idle);
        assert_eq!(p.command(Command::Stop, 20), vec![Action::Highlight(None)]);
        // Play after stop reads on from where it stopped.
        assert_eq!(speaks(&p.command(Command::Play, 30)).map(|s| s.0), Some(0));
    }

    #[test]
    fn next_previous_and_parts() {
        let mut p = Player::new(&script());
        // While idle, moving only highlights.
        assert_eq!(
            p.command(Command::Next, 0),
            vec![Action::Highlight(Some(1))]
        );
        assert_eq!(
            p.command(Command::Previous, 0),
            vec![Action::Highlight(Some(0))]
        );
        assert_eq!(
            p.command(Command::Previous, 0),
            vec![Action::Highlight(Some(0))]
        );
        p.command(Command::Play, 0);
        let a = p.command(Command::NextPart, 10);
        assert_eq!(speaks(&a).map(|s| s.0), Some(1));
        assert_eq!(a[0], Action::Cancel);
        let a = p.command(Command::NextPart, 20);
        assert_eq!(speaks(&a).map(|s| s.0), Some(4));
        assert!(
            p.command(Command::NextPart, 30).is_empty(),
            "no part after the last"
        );
        p.command(Command::Next, 40);
        assert_eq!(p.position(), 5);
        assert!(
            p.command(Command::Next, 50).is_empty(),
            "no sentence after the last"
        );
        // Previous part: first to the start of this part, then to the previous one.
        assert_eq!(
            speaks(&p.command(Command::PreviousPart, 60)).map(|s| s.0),
            Some(4)
        );
        assert_eq!(
            speaks(&p.command(Command::PreviousPart, 70)).map(|s| s.0),
            Some(1)
        );
        assert_eq!(
            speaks(&p.command(Command::PreviousPart, 80)).map(|s| s.0),
            Some(0)
        );
        // While paused, moving keeps the pause.
        p.command(Command::Pause, 90);
        assert_eq!(
            p.command(Command::Next, 100),
            vec![Action::Highlight(Some(1))]
        );
        assert_eq!(p.phase(), Phase::Paused);
    }

    #[test]
    fn start_at_a_clicked_sentence() {
        let mut p = Player::new(&script());
        p.command(Command::Play, 0);
        let a = p.command(Command::StartAt(3), 10);
        assert_eq!(a[0], Action::Cancel);
        assert_eq!(speaks(&a).map(|s| s.0), Some(3));
        assert!(p.command(Command::StartAt(99), 20).is_empty());
        // From idle, no cancel before the speak.
        p.command(Command::Stop, 30);
        let a = p.command(Command::StartAt(5), 40);
        assert!(!a.contains(&Action::Cancel));
        assert!(a.contains(&Action::RevealPart("part-2".into())));
    }

    #[test]
    fn play_part_stops_at_its_end() {
        let mut p = Player::new(&script());
        let a = p.command(Command::PlayPart("part-1".into()), 0);
        assert_eq!(speaks(&a).map(|s| s.0), Some(1));
        for expect in [2, 3] {
            let g = p.generation();
            let a = p.event(EngineEvent::Ended(g), 10);
            assert_eq!(speaks(&a).map(|s| s.0), Some(expect));
        }
        let g = p.generation();
        let a = p.event(EngineEvent::Ended(g), 20);
        assert_eq!(speaks(&a), None);
        assert_eq!(announced(&a), [Announcement::PartEnded]);
        assert_eq!(p.phase(), Phase::Idle);
        assert!(p.command(Command::PlayPart("nope".into()), 30).is_empty());
        // The last part ends at the end of the script.
        p.command(Command::PlayPart("part-2".into()), 40);
        let g = p.generation();
        p.event(EngineEvent::Ended(g), 41);
        let g = p.generation();
        let a = p.event(EngineEvent::Ended(g), 42);
        assert_eq!(announced(&a), [Announcement::PartEnded]);
    }

    #[test]
    fn rate_and_voice_changes_restart_the_sentence() {
        let mut p = Player::new(&script());
        assert!(p.command(Command::SetRate(150), 0).is_empty());
        assert_eq!(p.rate(), 150);
        assert!(p.command(Command::SetRate(10), 0).is_empty());
        assert_eq!(p.rate(), 50);
        p.command(Command::SetRate(300), 0);
        assert_eq!(p.rate(), 200);
        p.command(Command::StartAt(2), 0);
        let a = p.command(Command::SetRate(125), 10);
        assert_eq!(a[0], Action::Cancel);
        assert!(a.iter().any(|x| matches!(
            x,
            Action::Speak {
                index: 2,
                rate: 125,
                ..
            }
        )));
        let a = p.command(Command::SetVoice(Some("Chinese (Mandarin)".into())), 20);
        assert!(a.iter().any(|x| matches!(x, Action::Speak { index: 2, voice: Some(v), .. } if v == "Chinese (Mandarin)")));
        assert_eq!(p.voice(), Some("Chinese (Mandarin)"));
    }

    #[test]
    fn watchdog_retries_a_silent_start_once_then_skips() {
        let mut p = Player::new(&script());
        p.command(Command::StartAt(2), 0);
        let g1 = p.generation();
        assert!(p.tick(START_TIMEOUT_MS - 1).is_empty());
        let a = p.tick(START_TIMEOUT_MS);
        assert_eq!(a[0], Action::Cancel);
        assert_eq!(speaks(&a), Some((2, g1 + 1)), "retried once");
        let a = p.tick(2 * START_TIMEOUT_MS);
        assert!(
            announced(&a).contains(&Announcement::Skipped(NOT_STARTED.into())),
            "{a:?}"
        );
        assert_eq!(speaks(&a).map(|s| s.0), Some(3), "then skipped");
        // Once a start arrives, the start timer is off.
        let g = p.generation();
        p.event(EngineEvent::Started(g), 2 * START_TIMEOUT_MS + 10);
        assert!(p
            .tick(2 * START_TIMEOUT_MS + 10 + START_TIMEOUT_MS)
            .is_empty());
    }

    #[test]
    fn watchdog_moves_on_when_the_end_never_comes() {
        let mut p = Player::new(&script());
        p.command(Command::StartAt(2), 0);
        let g = p.generation();
        p.event(EngineEvent::Started(g), 100);
        let due = 100 + p.expected_ms() + END_GRACE_MS;
        assert!(p.tick(due - 1).is_empty());
        let a = p.tick(due);
        assert_eq!(a[0], Action::Cancel);
        assert_eq!(speaks(&a).map(|s| s.0), Some(3));
        // A faster rate expects less time.
        let at_normal = p.expected_ms();
        p.command(Command::SetRate(200), due);
        assert_eq!(p.expected_ms(), at_normal / 2);
    }

    #[test]
    fn errors_retry_then_skip_and_repeated_failure_stops_with_a_message() {
        let mut p = Player::new(&script());
        p.command(Command::Play, 0);
        let g = p.generation();
        let a = p.event(EngineEvent::Failed(g, "synthesis-failed".into()), 1);
        assert_eq!(speaks(&a).map(|s| s.0), Some(0), "retry the same sentence");
        let mut last = Vec::new();
        for _ in 0..MAX_FAILURES * 2 {
            let g = p.generation();
            last = p.event(EngineEvent::Failed(g, "synthesis-failed".into()), 2);
            if p.phase() == Phase::Idle {
                break;
            }
        }
        assert_eq!(p.phase(), Phase::Idle);
        assert_eq!(
            announced(&last),
            [Announcement::Failed("synthesis-failed".into())]
        );
        assert!(last.contains(&Action::Highlight(None)));
        // A success in between resets the count.
        let mut p = Player::new(&script());
        p.command(Command::Play, 0);
        for round in 0..4 {
            let g = p.generation();
            p.event(EngineEvent::Failed(g, "x".into()), round);
            let g = p.generation();
            p.event(EngineEvent::Started(g), round);
            let g = p.generation();
            p.event(EngineEvent::Ended(g), round);
        }
        assert_eq!(p.phase(), Phase::Speaking);
    }

    #[test]
    fn an_interruption_by_someone_else_pauses() {
        let mut p = Player::new(&script());
        p.command(Command::StartAt(3), 0);
        let g = p.generation();
        let a = p.event(EngineEvent::Interrupted(g), 5);
        assert_eq!(p.phase(), Phase::Paused);
        assert_eq!(announced(&a).len(), 1);
        assert_eq!(speaks(&p.command(Command::Play, 10)).map(|s| s.0), Some(3));
    }

    #[test]
    fn without_a_voice_reading_does_not_start_and_says_why() {
        let mut p = Player::new(&script());
        assert!(p
            .event(EngineEvent::VoicesChanged(Voices::NoChinese), 0)
            .is_empty());
        let a = p.command(Command::Play, 1);
        assert_eq!(speaks(&a), None);
        assert_eq!(p.phase(), Phase::Idle);
        assert_eq!(
            announced(&a),
            [Announcement::Unavailable(Voices::NoChinese)]
        );
        assert!(a.contains(&Action::Highlight(None)));
        // Voices that come later let it start.
        p.event(EngineEvent::VoicesChanged(Voices::Ready), 2);
        assert_eq!(speaks(&p.command(Command::Play, 3)).map(|s| s.0), Some(0));
        // Voices that go while reading stop it, with the reason.
        let a = p.event(EngineEvent::VoicesChanged(Voices::NoVoices), 4);
        assert_eq!(a[0], Action::Cancel);
        assert_eq!(p.phase(), Phase::Idle);
        assert_eq!(announced(&a), [Announcement::Unavailable(Voices::NoVoices)]);
        // While the list is loading, reading is tried.
        let mut p = Player::new(&script());
        assert!(speaks(&p.command(Command::Play, 0)).is_some());
    }

    #[test]
    fn an_empty_script_says_so() {
        let mut p = Player::new(&[]);
        assert_eq!(
            p.command(Command::Play, 0),
            vec![Action::Announce(Announcement::NothingToRead)]
        );
        assert!(p.tick(10_000).is_empty());
    }

    #[test]
    fn the_seed_script_plays_through() {
        let text = include_str!("../../public/reports/erlianhaote-2020.json");
        let checked = crate::model::check_report(crate::model::parse_report(text).unwrap());
        let script = crate::read_aloud::script::build(&checked);
        let mut p = Player::new(&script);
        let mut spoken = vec![speaks(&p.command(Command::Play, 0)).unwrap().0];
        let mut now = 0;
        while p.phase() == Phase::Speaking {
            now += 10;
            let g = p.generation();
            p.event(EngineEvent::Started(g), now);
            if let Some((i, _)) = speaks(&p.event(EngineEvent::Ended(g), now)) {
                spoken.push(i);
            }
        }
        assert_eq!(spoken, (0..script.len()).collect::<Vec<_>>());
    }

    /// A voice slower than the floor: measured from what it has spoken, so the next long sentence
    /// is given the time it needs (the fixed 260 ms per character cut it off).
    #[test]
    fn the_watchdog_expects_the_speed_it_measured() {
        let long = |i: usize, n: usize| Utterance {
            index: i,
            shown: "字".repeat(n),
            spoken: "字".repeat(n),
            target: Target::Text {
                key: format!("k{i}"),
                start: 0,
                end: 3 * n,
            },
            part: None,
        };
        let script = vec![long(0, 20), long(1, 40), long(2, 2)];
        let mut p = Player::new(&script);
        p.command(Command::Play, 0);
        let g = p.generation();
        p.event(EngineEvent::Started(g), 0);
        // 20 characters in 8 s: 400 ms a character, slower than the floor.
        p.event(EngineEvent::Ended(g), 8_000);
        assert_eq!(p.position(), 1);
        assert_eq!(p.expected_ms(), 40 * 400);
        let g = p.generation();
        p.event(EngineEvent::Started(g), 8_100);
        // At the old fixed speed the watchdog would give up here; now it waits.
        let old_due = 8_100 + 40 * MS_PER_CHAR + END_GRACE_MS;
        assert!(p.tick(old_due).is_empty(), "cut off at the fixed speed");
        let due = 8_100 + 40 * 400 + END_GRACE_MS;
        assert_eq!(speaks(&p.tick(due)).map(|s| s.0), Some(2));
        // A fast voice never lowers the floor, and very short utterances are not measured.
        let mut p = Player::new(&script);
        p.command(Command::Play, 0);
        let g = p.generation();
        p.event(EngineEvent::Started(g), 0);
        p.event(EngineEvent::Ended(g), 1_000);
        assert_eq!(p.expected_ms(), 40 * MS_PER_CHAR);
    }

    /// 下一部分 while reading one part reads the next part to its end (it read only the next
    /// heading and said 本节朗读结束).
    #[test]
    fn moving_to_another_part_while_reading_one_reads_that_part() {
        let mut p = Player::new(&script());
        p.command(Command::PlayPart("part-1".into()), 0);
        assert_eq!(p.position(), 1);
        let a = p.command(Command::NextPart, 1);
        assert_eq!(speaks(&a).map(|s| s.0), Some(4));
        let g = p.generation();
        let a = p.event(EngineEvent::Ended(g), 2);
        assert_eq!(
            speaks(&a).map(|s| s.0),
            Some(5),
            "goes on inside part 2: {a:?}"
        );
        let g = p.generation();
        let a = p.event(EngineEvent::Ended(g), 3);
        assert_eq!(announced(&a), [Announcement::PartEnded]);
        // Back to part 1 from its start: read to its end again.
        let mut p = Player::new(&script());
        p.command(Command::PlayPart("part-2".into()), 0);
        p.command(Command::StartAt(2), 1);
        let g = p.generation();
        let a = p.event(EngineEvent::Ended(g), 2);
        assert_eq!(speaks(&a).map(|s| s.0), Some(3));
        let g = p.generation();
        let a = p.event(EngineEvent::Ended(g), 3);
        assert_eq!(
            announced(&a),
            [Announcement::PartEnded],
            "stops at part 1's end"
        );
    }

    /// A reader who collapses the part being read is not overruled: the part is opened when
    /// reading enters it, not at every sentence, and collapsing it stops reading with a word why.
    #[test]
    fn collapsing_the_part_being_read_stops_reading() {
        let mut p = Player::new(&script());
        let a = p.command(Command::StartAt(1), 0);
        assert!(a.contains(&Action::RevealPart("part-1".into())));
        let g = p.generation();
        let a = p.event(EngineEvent::Ended(g), 1);
        assert_eq!(speaks(&a).map(|s| s.0), Some(2));
        assert!(
            !a.iter().any(|x| matches!(x, Action::RevealPart(_))),
            "the next sentence of the same part does not reopen it: {a:?}"
        );
        // Another part closed: nothing happens.
        assert!(p
            .command(Command::PartClosed("part-2".into()), 2)
            .is_empty());
        let a = p.command(Command::PartClosed("part-1".into()), 3);
        assert_eq!(a[0], Action::Cancel);
        assert!(a.contains(&Action::Highlight(None)));
        assert_eq!(
            announced(&a),
            [Announcement::PartClosed("一、总体情况".into())]
        );
        assert_eq!(p.phase(), Phase::Idle);
        assert!(p
            .command(Command::PartClosed("part-1".into()), 4)
            .is_empty());
    }

    #[test]
    fn skip_this_table_goes_on_after_it() {
        let text = |i: usize, t: &str| Utterance {
            index: i,
            shown: t.into(),
            spoken: t.into(),
            target: Target::Text {
                key: format!("k{i}"),
                start: 0,
                end: t.len(),
            },
            part: Some("part-3".into()),
        };
        let row = |i: usize| Utterance {
            target: Target::TableRows {
                table: "table-3".into(),
                group: 0,
                first: i,
                last: i,
            },
            ..text(i, "行")
        };
        let script = vec![
            text(0, "三、"),
            row(1),
            row(2),
            row(3),
            text(4, "其后一段。"),
        ];
        let mut p = Player::new(&script);
        p.command(Command::StartAt(2), 0);
        let a = p.command(Command::SkipTable, 1);
        assert_eq!(a[0], Action::Cancel);
        assert_eq!(speaks(&a).map(|s| s.0), Some(4), "{a:?}");
        assert_eq!(p.position(), 4);
        assert!(
            p.command(Command::SkipTable, 2).is_empty(),
            "not in a table"
        );
        // A table at the end of the part read: skipping ends the part.
        let mut p = Player::new(&script[..4]);
        p.command(Command::PlayPart("part-3".into()), 0);
        p.command(Command::StartAt(1), 1);
        let a = p.command(Command::SkipTable, 2);
        assert_eq!(announced(&a), [Announcement::PartEnded]);
    }
}
