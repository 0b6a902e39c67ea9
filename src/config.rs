//! A viewer's options, read from the container's `data-` attributes, which override the page's
//! global configuration (`window.ReportViewer = { config: {...} }`). Pure: the browser side only
//! supplies the two lookups.

/// Which parts start open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum OpenParts {
    /// None (the default): the contents list shows the way.
    #[default]
    None,
    /// Every part.
    All,
    /// These part ids.
    Some(Vec<String>),
}

/// Which report is last year's, for 对比上年.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LastYearReport {
    /// The one the report names in `meta.previous` (the default).
    #[default]
    ReportsOwn,
    /// None (`data-previous="off"`).
    Off,
    /// This address, relative to the page (`data-previous="/reports/2022.json"`).
    At(String),
}

/// Everything a webmaster can set for one viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Address of the report JSON (`data-src`, or `src` on `<report-viewer>`).
    pub src: String,
    /// Parts open at first (`data-open="all"` or `data-open="part-1 part-3"`).
    pub open: OpenParts,
    /// Read-aloud controls (`data-read-aloud="off"` hides them).
    pub read_aloud: bool,
    /// The 打印 button (`data-print="off"`).
    pub print: bool,
    /// The 保存 menu (`data-save="off"`).
    pub save: bool,
    /// 图解 above the official tables (`data-charts="off"` leaves the tables alone).
    pub charts: bool,
    /// Last year's report (`data-previous`).
    pub previous: LastYearReport,
    /// 对比上年 on from the start, once last year's report is loaded (`data-compare="on"`).
    pub compare: bool,
    /// Interface language: zh-CN (default) or en (`data-lang`).
    pub lang: String,
    /// Accent colour (`data-theme-color="#8a1c1c"`), applied as a CSS custom property.
    pub theme_color: Option<String>,
    /// Seconds to wait for the report before saying it did not come (`data-timeout`, 1–600,
    /// default 30).
    pub timeout_secs: u32,
}

/// How long a viewer waits for its report by default, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u32 = 30;

fn flag(value: Option<String>, default: bool) -> bool {
    match value
        .as_deref()
        .map(str::trim)
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("off" | "false" | "no" | "0") => false,
        Some("on" | "true" | "yes" | "1" | "") => true,
        _ => default,
    }
}

/// A colour a webmaster may set: hex, rgb()/hsl() or a name; nothing that could end the
/// declaration or smuggle another one in.
fn safe_color(v: &str) -> Option<String> {
    let v = v.trim();
    let ok = !v.is_empty()
        && v.len() <= 40
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || "#(),.% ".contains(c));
    ok.then(|| v.to_string())
}

impl Default for Options {
    fn default() -> Self {
        Options::read(|_| None, |_| None)
    }
}

impl Options {
    /// Reads the options: `attr("src")` reads `data-src` (or the bare attribute on
    /// `<report-viewer>`), `config("src")` reads the global configuration.
    pub fn read(
        attr: impl Fn(&str) -> Option<String>,
        config: impl Fn(&str) -> Option<String>,
    ) -> Options {
        let get = |name: &str| attr(name).or_else(|| config(name));
        let open = match get("open").map(|s| s.trim().to_string()) {
            None => OpenParts::None,
            Some(s) if s.eq_ignore_ascii_case("all") => OpenParts::All,
            Some(s) if s.is_empty() || s.eq_ignore_ascii_case("none") => OpenParts::None,
            Some(s) => OpenParts::Some(
                s.split([',', ' ', '，'])
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
        };
        let lang = get("lang")
            .filter(|l| l.to_ascii_lowercase().starts_with("en"))
            .map(|_| "en".to_string())
            .unwrap_or_else(|| "zh-CN".to_string());
        Options {
            src: get("src").unwrap_or_default(),
            open,
            read_aloud: flag(get("read-aloud"), true),
            print: flag(get("print"), true),
            save: flag(get("save"), true),
            charts: flag(get("charts"), true),
            previous: match get("previous").as_deref().map(str::trim) {
                None | Some("") => LastYearReport::ReportsOwn,
                Some(off) if off.eq_ignore_ascii_case("off") => LastYearReport::Off,
                Some(at) => LastYearReport::At(at.to_string()),
            },
            compare: flag(get("compare"), false),
            lang,
            theme_color: get("theme-color").and_then(|c| safe_color(&c)),
            timeout_secs: get("timeout")
                .and_then(|t| t.trim().parse::<u32>().ok())
                .map(|t| t.clamp(1, 600))
                .unwrap_or(DEFAULT_TIMEOUT_SECS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(attrs: &[(&str, &str)], config: &[(&str, &str)]) -> Options {
        let a: HashMap<String, String> = attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let c: HashMap<String, String> = config
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Options::read(|k| a.get(k).cloned(), |k| c.get(k).cloned())
    }

    #[test]
    fn defaults() {
        let o = read(&[("src", "/r.json")], &[]);
        assert_eq!(o.src, "/r.json");
        assert_eq!(o.open, OpenParts::None);
        assert!(o.read_aloud && o.print && o.save);
        assert_eq!(o.lang, "zh-CN");
        assert_eq!(o.theme_color, None);
        assert_eq!(o.timeout_secs, 30);
    }

    #[test]
    fn the_timeout_is_read_and_kept_sensible() {
        assert_eq!(read(&[("timeout", "5")], &[]).timeout_secs, 5);
        assert_eq!(read(&[], &[("timeout", "12")]).timeout_secs, 12);
        assert_eq!(read(&[("timeout", "0")], &[]).timeout_secs, 1);
        assert_eq!(read(&[("timeout", "99999")], &[]).timeout_secs, 600);
        assert_eq!(read(&[("timeout", "soon")], &[]).timeout_secs, 30);
        assert!(read(&[], &[]).charts, "图解 are on unless turned off");
        assert!(!read(&[("charts", "off")], &[]).charts);
        assert!(!read(&[], &[("charts", "false")]).charts);
        assert!(read(&[("charts", "on")], &[("charts", "off")]).charts);
    }

    #[test]
    fn last_year_is_named_by_the_container_or_the_report_and_compared_on_request() {
        let o = read(&[], &[]);
        assert_eq!(
            o.previous,
            LastYearReport::ReportsOwn,
            "the report's meta.previous"
        );
        assert!(!o.compare, "对比上年 starts off");
        let o = read(&[("previous", " r/2022.json "), ("compare", "on")], &[]);
        assert_eq!(o.previous, LastYearReport::At("r/2022.json".into()));
        assert!(o.compare);
        assert_eq!(
            read(&[("previous", "")], &[]).previous,
            LastYearReport::ReportsOwn
        );
        assert_eq!(
            read(&[("previous", "OFF")], &[("previous", "a.json")]).previous,
            LastYearReport::Off
        );
    }

    #[test]
    fn attributes_override_the_global_config() {
        let o = read(
            &[
                ("src", "/a.json"),
                ("print", "on"),
                ("open", "part-1, part-3"),
            ],
            &[
                ("src", "/b.json"),
                ("print", "off"),
                ("save", "off"),
                ("lang", "en"),
                ("theme-color", "#8a1c1c"),
            ],
        );
        assert_eq!(o.src, "/a.json");
        assert!(o.print);
        assert!(!o.save);
        assert_eq!(o.lang, "en");
        assert_eq!(
            o.open,
            OpenParts::Some(vec!["part-1".into(), "part-3".into()])
        );
        assert_eq!(o.theme_color.as_deref(), Some("#8a1c1c"));
        assert_eq!(read(&[("open", "ALL")], &[]).open, OpenParts::All);
    }

    #[test]
    fn colours_cannot_inject_css() {
        assert_eq!(
            read(&[("theme-color", "red;}body{display:none")], &[]).theme_color,
            None
        );
        assert_eq!(
            read(&[("theme-color", "rgb(10, 20, 30)")], &[])
                .theme_color
                .as_deref(),
            Some("rgb(10, 20, 30)")
        );
    }
}
