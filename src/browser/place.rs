//! The reader's place in a static copy of the report, found again in the viewer that takes over
//! from it: both show the same places (headings, paragraphs, list items, tables) in the same
//! order, counted within their part, so the page can be scrolled to keep the place where it was.

use leptos::prelude::window;
use wasm_bindgen::JsCast;

/// What both the static copy and the viewer show, in the same order: a place in one is found in
/// the other by its kind and its rank.
const PLACES: &str = ".rv-title, .rv-part__heading, .rv-subsection__heading, .rv-p, .rv-note, .rv-list > li, .rv-table";

/// Where the reader is: the first of `PLACES` whose top is in the window (else the first not
/// wholly above it): the part that holds it (none for the title and introduction), its rank
/// among the places of that part and how many there are, and its distance from the top. Counted
/// within its part, a place is found again in the viewer, whose other parts may be collapsed.
pub struct Place {
    part: Option<String>,
    rank: usize,
    count: usize,
    top: f64,
}

/// The copy's report: in its declarative shadow root (or, pasted by hand, in the element).
fn copy_root(fragment: &web_sys::Element) -> web_sys::Node {
    match fragment.shadow_root() {
        Some(root) => root.into(),
        None => fragment.clone().into(),
    }
}

/// Every element of `selector` under `root`.
fn all_of(root: &web_sys::Node, selector: &str) -> Vec<web_sys::Element> {
    let found = match root.dyn_ref::<web_sys::Element>() {
        Some(el) => el.query_selector_all(selector),
        None => match root.dyn_ref::<web_sys::DocumentFragment>() {
            Some(f) => f.query_selector_all(selector),
            None => return Vec::new(),
        },
    };
    let Ok(list) = found else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The part that holds `el` (its id), if any.
fn part_of(el: &web_sys::Element) -> Option<String> {
    el.closest(".rv-part").ok().flatten().map(|p| p.id())
}

/// The places of one part (or of none: the title and introduction), in order.
fn places_of(root: &web_sys::Node, part: Option<&str>) -> Vec<web_sys::Element> {
    let mut all = all_of(root, PLACES);
    all.retain(|el| part_of(el).as_deref() == part);
    all
}

/// The ids of the copy's parts that are in the window, in whole or in part.
pub fn parts_in_view(fragment: &web_sys::Element) -> Vec<String> {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    all_of(&copy_root(fragment), ".rv-part")
        .into_iter()
        .filter(|p| {
            let r = p.get_bounding_client_rect();
            r.bottom() > 0.0 && r.top() < height
        })
        .map(|p| p.id())
        .collect()
}

/// The reader's place in the static copy, if any of its places is not wholly above the window.
pub fn reading_place(fragment: &web_sys::Element) -> Option<Place> {
    let root = copy_root(fragment);
    let all = all_of(&root, PLACES);
    let rects: Vec<web_sys::DomRect> = all.iter().map(|el| el.get_bounding_client_rect()).collect();
    let at = rects
        .iter()
        .position(|r| r.top() >= 0.0)
        .or_else(|| rects.iter().position(|r| r.bottom() > 0.0))?;
    let part = part_of(&all[at]);
    let own = places_of(&root, part.as_deref());
    Some(Place {
        rank: own.iter().position(|el| *el == all[at])?,
        count: own.len(),
        top: rects[at].top(),
        part,
    })
}

/// Scrolls the page so that the same place in the viewer is where it was in the static copy
/// (when the viewer's part shows the same places; otherwise the page stays as it is).
pub fn keep_place(view: &web_sys::Element, place: Place) {
    let own = places_of(&view.clone().into(), place.part.as_deref());
    if own.len() != place.count {
        return;
    }
    let Some(el) = own.get(place.rank) else {
        return;
    };
    let moved = el.get_bounding_client_rect().top() - place.top;
    if moved.abs() >= 1.0 {
        window().scroll_by_with_x_and_y(0.0, moved);
    }
}
