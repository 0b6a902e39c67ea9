//! The reader's text size and contrast, remembered, shared by every part of one viewer.

use crate::browser::storage::remembered;
use leptos::prelude::*;

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
