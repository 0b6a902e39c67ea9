//! Why a report is not on screen: every way loading it can fail (the network, the server, the
//! browser, the data), each worded for people by the labels. Pure: the browser's fetch makes
//! these, the error state shows them.

use crate::labels::Labels;
use crate::model::LoadError;

/// Why a report is not on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    /// The address is not one a report can be fetched from.
    Address {
        /// The address given (quoted short).
        url: String,
    },
    /// No complete answer within the time allowed.
    Timeout {
        /// The address asked for.
        url: String,
        /// The time allowed.
        seconds: u32,
    },
    /// The answer began but broke off.
    Interrupted {
        /// The address asked for.
        url: String,
        /// What the browser said.
        detail: BrowserSaid,
    },
    /// The request never got an answer.
    Network {
        /// The address asked for.
        url: String,
        /// What the browser said.
        detail: BrowserSaid,
    },
    /// The browser's own objects did not behave as browsers do (a script of the host page
    /// replaced `fetch`, promises or the array iterator): the report cannot be asked for here.
    Browser {
        /// The address asked for.
        url: String,
        /// What answered instead.
        detail: BrowserSaid,
    },
    /// The server answered with an error status.
    Http {
        /// The address asked for.
        url: String,
        /// HTTP status code.
        status: u16,
        /// HTTP status text.
        status_text: String,
    },
    /// The answer is not a readable report.
    Data {
        /// The address asked for.
        url: String,
        /// What is wrong, and where in the JSON.
        error: LoadError,
    },
}

/// What the browser said of a failure: its own words (`TypeError: …`), or what was missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserSaid {
    /// The browser's own words.
    Said(String),
    /// It gave no reason.
    Nothing,
    /// The page has no `window`.
    NoWindow,
    /// The answer's body is not bytes.
    NotBytes,
}

impl BrowserSaid {
    /// In these labels' words (the browser's own as they are).
    pub fn words<'a>(&'a self, l: &Labels) -> &'a str {
        match self {
            BrowserSaid::Said(s) => s,
            BrowserSaid::Nothing => l.browser_said[0],
            BrowserSaid::NoWindow => l.browser_said[1],
            BrowserSaid::NotBytes => l.browser_said[2],
        }
    }
}

impl LoadFailure {
    /// The error state's heading: what kind of failure, for a reader.
    pub fn title(&self, l: &Labels) -> &'static str {
        match self {
            LoadFailure::Network { .. } => l.network_error,
            LoadFailure::Browser { .. } => l.browser_error,
            LoadFailure::Interrupted { .. } => l.interrupted_error,
            LoadFailure::Timeout { .. } => l.timeout_error,
            LoadFailure::Address { .. } => l.address_error,
            LoadFailure::Http { .. } => l.http_error,
            LoadFailure::Data { .. } => l.data_error,
        }
    }

    /// What the failure means for a reader, in one plain sentence.
    pub fn for_people(&self, l: &Labels) -> &'static str {
        let i = match self {
            LoadFailure::Network { .. } => 0,
            LoadFailure::Interrupted { .. } => 1,
            LoadFailure::Timeout { .. } => 2,
            LoadFailure::Address { .. } => 3,
            // A file that is not there (4xx) is not a passing fault: never "try again later".
            LoadFailure::Http { status, .. } if (400..500).contains(status) => 7,
            LoadFailure::Http { .. } => 4,
            LoadFailure::Data { .. } => 5,
            LoadFailure::Browser { .. } => 6,
        };
        l.for_people[i]
    }

    /// What went wrong and where, worded for people in the viewer's language.
    pub fn describe(&self, l: &Labels) -> String {
        match self {
            LoadFailure::Address { url } => Labels::fill(l.bad_address, &[("url", url)]),
            LoadFailure::Timeout { url, seconds } => Labels::fill(
                l.timed_out,
                &[("url", url), ("seconds", &seconds.to_string())],
            ),
            LoadFailure::Interrupted { url, detail } => {
                Labels::fill(l.broke_off, &[("url", url), ("detail", detail.words(l))])
            }
            LoadFailure::Network { url, detail } => {
                Labels::fill(l.no_answer, &[("url", url), ("detail", detail.words(l))])
            }
            LoadFailure::Browser { url, detail } => Labels::fill(
                l.browser_broken,
                &[("url", url), ("detail", detail.words(l))],
            ),
            LoadFailure::Http {
                url,
                status,
                status_text,
            } => Labels::fill(
                l.server_said,
                &[("url", url), ("status", &format!("{status} {status_text}"))],
            ),
            LoadFailure::Data { url, error } => Labels::fill(
                l.at_address,
                &[("url", url), ("detail", &error.describe(l))],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::{EN, ZH};

    fn http(status: u16) -> LoadFailure {
        LoadFailure::Http {
            url: "/r.json".into(),
            status,
            status_text: "Not Found".into(),
        }
    }

    /// A file that is not there is never a passing fault; a server error or the network may be.
    #[test]
    fn a_missing_file_never_says_try_again_later() {
        assert_eq!(http(404).for_people(&ZH), http(410).for_people(&ZH));
        assert_ne!(http(404).for_people(&ZH), http(503).for_people(&ZH));
        let network = LoadFailure::Network {
            url: "/r.json".into(),
            detail: BrowserSaid::Said("TypeError".into()),
        };
        assert_eq!(network.title(&ZH), ZH.network_error);
        assert_eq!(http(404).title(&EN), EN.http_error);
    }

    /// What and where: the address and what answered, in the viewer's language; a data error's
    /// own words in either language.
    #[test]
    fn each_failure_names_its_address_and_what_answered() {
        let said = http(404).describe(&ZH);
        assert!(
            said.contains("/r.json") && said.contains("404 Not Found"),
            "{said}"
        );
        let timeout = LoadFailure::Timeout {
            url: "/slow.json".into(),
            seconds: 30,
        };
        assert!(timeout.describe(&EN).contains("30"));
        let error = crate::model::read_report(b"{").expect_err("not JSON");
        let data = LoadFailure::Data {
            url: "/bad.json".into(),
            error: error.clone(),
        };
        assert!(data.describe(&ZH).contains(&error.to_string()));
        assert!(data.describe(&EN).contains(&error.describe(&EN)));
        for l in [&ZH, &EN] {
            assert!(!data.describe(l).contains('{'), "every place filled");
        }
    }
}
