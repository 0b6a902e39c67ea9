//! Fetching a report: every way it can fail becomes a [`LoadFailure`] that says what and where.

use crate::model::{check_report, read_report, CheckedReport, LoadError, VIEWER_LIMITS};
use crate::read_aloud::script::Script;
use crate::read_aloud::Reading;
use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// Why a report is not on screen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadFailure {
    /// The address is not one a report can be fetched from.
    #[error("“{url}”不是 http 或 https 地址，无法从这里读取报告")]
    Address {
        /// The address given (quoted short).
        url: String,
    },
    /// No complete answer within the time allowed.
    #[error("等待 {seconds} 秒后仍未收到完整的报告，已停止等待：服务器可能过慢或没有响应，可稍后重试（地址：{url}）")]
    Timeout {
        /// The address asked for.
        url: String,
        /// The time allowed.
        seconds: u32,
    },
    /// The answer began but broke off.
    #[error("报告下载到一半中断：服务器已开始发送，但内容没有完整送达，可稍后重试（{detail}；地址：{url}）")]
    Interrupted {
        /// The address asked for.
        url: String,
        /// What the browser said.
        detail: String,
    },
    /// The request never got an answer.
    #[error("没有收到服务器的回应：网络可能中断，或报告放在另一个网站而该网站未允许跨域读取（CORS）（{detail}；地址：{url}）")]
    Network {
        /// The address asked for.
        url: String,
        /// What the browser said.
        detail: String,
    },
    /// The server answered with an error status.
    #[error("服务器返回 {status} {status_text}（地址：{url}）")]
    Http {
        /// The address asked for.
        url: String,
        /// HTTP status code.
        status: u16,
        /// HTTP status text.
        status_text: String,
    },
    /// The answer is not a readable report.
    #[error("{error}（地址：{url}）")]
    Data {
        /// The address asked for.
        url: String,
        /// What is wrong, and where in the JSON.
        error: LoadError,
    },
}

/// A report on screen: what checking it found, and its JSON exactly as fetched (for 保存).
#[derive(Clone)]
pub struct Loaded {
    /// The report, resolved and checked.
    pub checked: Arc<CheckedReport>,
    /// The JSON text as the server sent it.
    pub source: Arc<str>,
    /// What 朗读 needs, when it is on (taken by the first view of the report).
    pub reading: Rc<Cell<Option<Reading>>>,
}

/// Lets the browser run other tasks (paint, input, timers) before going on.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How long one slice of work may hold the page (well under the 50 ms of a "long task" budget
/// the browser reports, so input stays responsive while a huge report is prepared).
const SLICE_MS: f64 = 40.0;

/// Makes what 朗读 needs a slice at a time, letting the page run between slices.
async fn prepare_reading(checked: &CheckedReport) -> Reading {
    next_task().await;
    let mut script = Script::plan(checked);
    loop {
        next_task().await;
        let start = super::now_ms();
        loop {
            if script.step(256) {
                next_task().await;
                return Reading::new(script.finish());
            }
            if super::now_ms() - start > SLICE_MS {
                break;
            }
        }
    }
}

/// `url` resolved against `base`, when it is an http or https address.
pub fn http_url(url: &str, base: &str) -> Option<web_sys::Url> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .filter(|u| matches!(u.protocol().as_str(), "http:" | "https:"))
}

/// The address resolved against the page, when it is http or https.
fn fetchable(url: &str) -> bool {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    http_url(url, &base).is_some()
}

/// Fetches, parses and checks a report (and builds its reading script when `read_aloud`), giving
/// up on the network after `timeout_secs`. Each step runs in a task of its own, so a huge report
/// never holds the page in one long task.
pub async fn load_report(
    url: String,
    timeout_secs: u32,
    read_aloud: bool,
) -> Result<Loaded, LoadFailure> {
    if !fetchable(&url) {
        return Err(LoadFailure::Address {
            url: crate::model::finding::quote(&url),
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
    let result = fetch_bytes(&url, controller.as_ref().map(|c| c.signal())).await;
    if let Some(t) = timer {
        t.clear();
    }
    let bytes = result.map_err(|failure| {
        if timed_out.get() {
            LoadFailure::Timeout {
                url: url.clone(),
                seconds: timeout_secs,
            }
        } else {
            failure
        }
    })?;
    let data = |error| LoadFailure::Data {
        url: url.clone(),
        error,
    };
    if let Some(e) = VIEWER_LIMITS.exceeded(bytes.len(), None) {
        return Err(data(e));
    }
    next_task().await;
    let report = read_report(&bytes).map_err(data)?;
    if let Some(e) = VIEWER_LIMITS.exceeded(bytes.len(), Some(&report)) {
        return Err(data(e));
    }
    // read_report accepted the bytes as UTF-8.
    let text = String::from_utf8(bytes).unwrap_or_default();
    next_task().await;
    let checked = Arc::new(check_report(report));
    let reading = if read_aloud {
        Some(prepare_reading(&checked).await)
    } else {
        None
    };
    next_task().await;
    Ok(Loaded {
        checked,
        source: Arc::from(text),
        reading: Rc::new(Cell::new(reading)),
    })
}

async fn fetch_bytes(
    url: &str,
    signal: Option<web_sys::AbortSignal>,
) -> Result<Vec<u8>, LoadFailure> {
    let response = Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| LoadFailure::Network {
            url: url.to_string(),
            detail: e.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadFailure::Http {
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    // The headers came: a failure now is a body cut short, not an unreachable server.
    response
        .binary()
        .await
        .map_err(|e| LoadFailure::Interrupted {
            url: url.to_string(),
            detail: e.to_string(),
        })
}
