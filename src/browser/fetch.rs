//! Fetching a report over HTTP: every way it can fail becomes a [`LoadFailure`] (worded by the
//! model, tested natively) that says what and where; one abort signal gives up on a request or a body after the time allowed.

use crate::model::BrowserSaid;
pub use crate::model::LoadFailure;
use leptos::prelude::set_timeout_with_handle;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// `url` resolved against `base`, when it is an http or https address.
pub fn http_url(url: &str, base: &str) -> Option<web_sys::Url> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .filter(|u| matches!(u.protocol().as_str(), "http:" | "https:"))
}

/// The page's base address, which relative addresses are resolved against.
fn page_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// `url` resolved against `base`, itself resolved against the page (`""` is the page): last
/// year's report relative to this one's. None unless both are http or https addresses.
pub fn report_address(url: &str, base: &str) -> Option<String> {
    let base = http_url(base, &page_base())?;
    http_url(url, &base.href()).map(|u| u.href())
}

/// The address resolved against the page, when it is http or https.
fn fetchable(url: &str) -> bool {
    http_url(url, &page_base()).is_some()
}

/// Fetches the report's bytes, giving up after `timeout_secs` (for headers that never come and for
/// bodies that never end).
pub async fn fetch_report(url: &str, timeout_secs: u32) -> Result<Vec<u8>, LoadFailure> {
    if !fetchable(url) {
        return Err(LoadFailure::Address {
            url: crate::model::finding::quote(url),
        });
    }
    // One abort signal covers the request and the body: a body that never ends times out too.
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.clone().and_then(|c| {
        let flag = timed_out.clone();
        set_timeout_with_handle(
            move || {
                flag.set(true);
                c.abort();
            },
            Duration::from_secs(u64::from(timeout_secs)),
        )
        .ok()
    });
    let result = fetch_bytes(url, controller.as_ref().map(|c| c.signal())).await;
    if let Some(t) = timer {
        t.clear();
    }
    result.map_err(|failure| {
        if timed_out.get() {
            LoadFailure::Timeout {
                url: url.to_string(),
                seconds: timeout_secs,
            }
        } else {
            failure
        }
    })
}

/// Whether a request for an address on this page's site ended on another site (after redirects).
fn left_the_site(asked: &str, answered: &str) -> bool {
    let page = page_base();
    let (Some(asked), Some(answered), Some(here)) = (
        http_url(asked, &page),
        http_url(answered, &page),
        http_url(&page, &page),
    ) else {
        return false;
    };
    asked.origin() == here.origin() && answered.origin() != here.origin()
}

/// What a page's script broke, said in the browser's words (`TypeError: …`), for the webmaster.
fn said(value: &wasm_bindgen::JsValue) -> BrowserSaid {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.to_string()))
        .or_else(|| value.as_string())
        .map_or(BrowserSaid::Nothing, BrowserSaid::Said)
}

/// The browser's answer, on web-sys directly: a host page that replaced `fetch`, promises or
/// the array iterator gets a failure that says so, never a panic (gloo-net panics on an answer
/// that is not a `Response`).
async fn answer(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<web_sys::Response, LoadFailure> {
    let network = |detail: BrowserSaid| LoadFailure::Network {
        url: url.to_string(),
        detail,
    };
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    if let Some(signal) = signal {
        init.set_signal(Some(signal));
    }
    let window = web_sys::window().ok_or_else(|| network(BrowserSaid::NoWindow))?;
    let promise = window.fetch_with_str_and_init(url, &init);
    let value = JsFuture::from(promise)
        .await
        .map_err(|e| network(said(&e)))?;
    value
        .dyn_into::<web_sys::Response>()
        .map_err(|other| LoadFailure::Browser {
            url: url.to_string(),
            detail: BrowserSaid::Said(format!(
                "fetch → {}",
                other.js_typeof().as_string().unwrap_or_default()
            )),
        })
}

async fn fetch_bytes(
    url: &str,
    signal: Option<web_sys::AbortSignal>,
) -> Result<Vec<u8>, LoadFailure> {
    let response = answer(url, signal.as_ref()).await?;
    // An address on this site that redirects to another site (an open redirect on the portal)
    // must not show that site's "report" under this page's name.
    if left_the_site(url, &response.url()) {
        return Err(LoadFailure::Address {
            url: crate::model::finding::quote(&response.url()),
        });
    }
    if !response.ok() {
        return Err(LoadFailure::Http {
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    // The headers came: a failure now is a body cut short, not an unreachable server.
    let interrupted = |detail: BrowserSaid| LoadFailure::Interrupted {
        url: url.to_string(),
        detail,
    };
    let body = response.array_buffer().map_err(|e| interrupted(said(&e)))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|e| interrupted(said(&e)))?;
    let body = body
        .dyn_into::<js_sys::ArrayBuffer>()
        .map_err(|_| interrupted(BrowserSaid::NotBytes))?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}
