//! Preferences remembered in localStorage, under the `report-viewer:` prefix; silently absent
//! where storage is blocked (private modes, sandboxed frames).

use leptos::prelude::window;

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
