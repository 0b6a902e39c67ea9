//! What the viewer asks of the browser, one capability per file (in the manner of leptos-use):
//! speech and the word being said, storage, the address and its history, scrolling, downloads, the print frame, fetching,
//! the clock, and the error state when the viewer itself fails. Nothing here decides anything about a report; `ui` calls these.

#[cfg(feature = "enhance")]
pub mod article;
pub mod clock;
pub mod crash;
pub mod download;
pub mod fetch;
pub mod highlight;
pub mod location;
pub mod place;
pub mod print;
pub mod scroll;
pub mod shadow;
pub mod speech;
pub mod storage;
