//! The word being said, marked inside the sentence highlight with the CSS Custom Highlight API
//! (`CSS.highlights`): nothing in the page's markup changes, so nothing is drawn again and a
//! screen reader hears no change. Where the browser has no such API (or a host page took it
//! away) nothing is marked and the sentence highlight stays, as with a voice that reports no
//! words.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The highlight's name: `::highlight(rv-word)` in the stylesheet draws it.
const NAME: &str = "rv-word";

/// `CSS.highlights`, if the browser has it.
fn registry() -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    Reflect::get(&css, &"highlights".into())
        .ok()
        .filter(|r| r.is_object())
}

/// Calls `target[name](args…)`, if it is a function.
fn call(target: &JsValue, name: &str, args: &Array) -> Option<JsValue> {
    let f = Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Reflect::apply(&f, target, args).ok()
}

/// Marks `from..to` (UTF-16 code units) of the text node `node` as the word being said, in
/// place of any word marked before. Whether it could.
pub fn mark_word(node: &web_sys::Node, from: u32, to: u32) -> bool {
    let Some(registry) = registry() else {
        return false;
    };
    let Some(range) = leptos::prelude::document().create_range().ok() else {
        return false;
    };
    if range.set_start(node, from).is_err() || range.set_end(node, to).is_err() {
        return false;
    }
    let Some(make) = Reflect::get(&js_sys::global(), &"Highlight".into())
        .ok()
        .and_then(|h| h.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let Ok(highlight) = Reflect::construct(&make, &Array::of1(&range)) else {
        return false;
    };
    call(&registry, "set", &Array::of2(&NAME.into(), &highlight)).is_some()
}

/// Unmarks the word (the sentence moved on, or reading stopped).
pub fn clear_word() {
    if let Some(registry) = registry() {
        call(&registry, "delete", &Array::of1(&NAME.into()));
    }
}
