//! Read-aloud (朗读): the report as an ordered script of utterances (`script`), sentence splitting
//! and spoken-text normalisation (`text`), and the player state machine (`player`). All pure: the
//! speech driver, the only code that touches `speechSynthesis`, sits in the UI.

pub mod player;
pub mod script;
pub mod text;
pub mod voices;

use script::{Target, Utterance};
use std::collections::HashMap;
use std::sync::Arc;

/// Element key → the sentences of its text: (start, end, utterance index).
pub type SentenceMap = HashMap<String, Vec<(usize, usize, usize)>>;

/// What 朗读 needs of a report: its script, where each text's sentences are, and a player for
/// it. For a huge report each takes a while to make, so the viewer makes them in steps of their
/// own (see `Script::step`) before the report is shown.
pub struct Reading {
    /// The reading script.
    pub script: Arc<Vec<Utterance>>,
    /// Where the sentences of each element's text are.
    pub spans: Arc<SentenceMap>,
    /// A player at the start of the script.
    pub player: player::Player,
}

impl Reading {
    /// The reading of a script.
    pub fn new(script: Vec<Utterance>) -> Reading {
        let mut spans: SentenceMap = HashMap::new();
        for u in &script {
            if let Target::Text { key, start, end } = &u.target {
                if let Some(list) = spans.get_mut(key.as_str()) {
                    list.push((*start, *end, u.index));
                } else {
                    spans.insert(key.clone(), vec![(*start, *end, u.index)]);
                }
            }
        }
        let player = player::Player::new(&script);
        Reading {
            script: Arc::new(script),
            spans: Arc::new(spans),
            player,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_of_a_text_is_found_by_its_key_in_order() {
        let script = vec![
            Utterance {
                index: 0,
                part: None,
                target: Target::Text {
                    key: "intro/0".into(),
                    start: 0,
                    end: 6,
                },
                shown: "一。".into(),
                spoken: "一。".into(),
            },
            Utterance {
                index: 1,
                part: None,
                target: Target::TableCaption { table: "t".into() },
                shown: "表。".into(),
                spoken: "表。".into(),
            },
            Utterance {
                index: 2,
                part: None,
                target: Target::Text {
                    key: "intro/0".into(),
                    start: 6,
                    end: 12,
                },
                shown: "二。".into(),
                spoken: "二。".into(),
            },
        ];
        let r = Reading::new(script);
        assert_eq!(r.spans.len(), 1);
        assert_eq!(r.spans["intro/0"], vec![(0, 6, 0), (6, 12, 2)]);
        assert_eq!(r.script.len(), 3);
    }
}
