//! The page's address: its fragment (deep links to parts and tables), replaced without adding
//! history entries, and which addresses a report may be fetched from.

use leptos::prelude::window;

/// The fragment of the page address, without '#', percent-decoded.
pub fn current_hash() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let raw = hash.strip_prefix('#')?;
    if raw.is_empty() {
        return None;
    }
    js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
}

/// Whether the address fragment is this id.
pub fn current_hash_is(id: &str) -> bool {
    window()
        .location()
        .hash()
        .is_ok_and(|h| h.strip_prefix('#') == Some(id))
}

/// Sets the address fragment without adding a history entry (None clears it).
pub fn replace_hash(id: Option<&str>) {
    let location = window().location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = match id {
        Some(id) => format!("{base}#{id}"),
        None => base,
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The address of the page showing the report (for the print view's header).
pub fn page_address() -> String {
    window().location().href().unwrap_or_default()
}
