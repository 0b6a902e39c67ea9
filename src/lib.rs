//! report-viewer: shows a government information disclosure annual report (政府信息公开工作年度报告)
//! inside any portal page.
//!
//! `model` is pure Rust and builds everywhere; the browser parts (`ui`, `embed`) build for wasm32
//! only, so native tests and tools never compile Leptos.

pub mod config;
pub mod export;
pub mod labels;
pub mod markup;
pub mod model;
pub mod read_aloud;

#[cfg(feature = "import")]
pub mod import;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use embed::start;
