//! Fetching a report: every way it can fail becomes a [`LoadFailure`] that says what and where.

use crate::model::{check_report, read_report, CheckedReport, LoadError};
use gloo_net::http::Request;
use std::sync::Arc;

/// Why a report is not on screen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadFailure {
    /// The request never got an answer.
    #[error("{detail}（地址：{url}）")]
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
}

/// Fetches, parses and checks a report.
pub async fn load_report(url: String) -> Result<Loaded, LoadFailure> {
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadFailure::Network {
            url: url.clone(),
            detail: e.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadFailure::Http {
            url,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let bytes = response.binary().await.map_err(|e| LoadFailure::Network {
        url: url.clone(),
        detail: e.to_string(),
    })?;
    let report = read_report(&bytes).map_err(|error| LoadFailure::Data {
        url: url.clone(),
        error,
    })?;
    // read_report accepted the bytes as UTF-8.
    let text = String::from_utf8(bytes).unwrap_or_default();
    Ok(Loaded {
        checked: Arc::new(check_report(report)),
        source: Arc::from(text),
    })
}
