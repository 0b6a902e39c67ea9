//! Read-aloud (朗读): the report as an ordered script of utterances (`script`), sentence splitting
//! and spoken-text normalisation (`text`), and the player state machine (`player`). All pure: the
//! speech driver, the only code that touches `speechSynthesis`, sits in the UI.

pub mod player;
pub mod script;
pub mod text;
pub mod voices;
