//! Finding the containers on the host page and mounting a viewer in each, inside its own shadow
//! root. The markup is the public API: `<div data-report-viewer data-src="…">` (with a fallback
//! link inside, shown until the report is on screen) or `<report-viewer src="…">`.

pub mod options;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::{start, stylesheet_text};
