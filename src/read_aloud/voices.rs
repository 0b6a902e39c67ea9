//! Choosing a voice: Mandarin voices first (lang `zh…` or `cmn…`, however it is spelled), local
//! voices before online ones, then by name.

/// A voice as the browser lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceInfo {
    /// The voice's name (how it is chosen again later).
    pub name: String,
    /// Its language tag as the browser spells it: zh-CN, zh_CN, cmn, cmn-CN, zh-Hans-CN…
    pub lang: String,
    /// Runs on this device (not an online voice that may be unreachable).
    pub local: bool,
}

/// True for a Mandarin / Chinese language tag in any of the spellings browsers use.
pub fn is_chinese(lang: &str) -> bool {
    let l = lang.trim().to_ascii_lowercase().replace('_', "-");
    l == "zh" || l.starts_with("zh-") || l == "cmn" || l.starts_with("cmn-") || l.starts_with("yue")
}

/// True for Mandarin specifically (not Cantonese).
fn is_mandarin(lang: &str) -> bool {
    is_chinese(lang)
        && !lang.to_ascii_lowercase().starts_with("yue")
        && !lang.to_ascii_lowercase().contains("hk")
}

/// Orders voices for the picker: Mandarin local, Mandarin online, other Chinese, then the rest;
/// each group by name.
pub fn rank(mut voices: Vec<VoiceInfo>) -> Vec<VoiceInfo> {
    voices.sort_by_key(|v| {
        let group = match (is_mandarin(&v.lang), is_chinese(&v.lang), v.local) {
            (true, _, true) => 0,
            (true, _, false) => 1,
            (false, true, _) => 2,
            _ => 3,
        };
        (group, v.name.clone())
    });
    voices
}

/// The voice to use when the reader has chosen none (or a voice that is gone): the best
/// Chinese voice, if any.
pub fn pick<'a>(ranked: &'a [VoiceInfo], chosen: Option<&str>) -> Option<&'a VoiceInfo> {
    chosen
        .and_then(|name| ranked.iter().find(|v| v.name == name))
        .or_else(|| ranked.first().filter(|v| is_chinese(&v.lang)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(name: &str, lang: &str, local: bool) -> VoiceInfo {
        VoiceInfo {
            name: name.into(),
            lang: lang.into(),
            local,
        }
    }

    #[test]
    fn chinese_in_every_spelling() {
        for lang in [
            "zh-CN",
            "zh_CN",
            "zh",
            "cmn",
            "cmn-CN",
            "zh-Hans-CN",
            "ZH-cn",
            "yue",
        ] {
            assert!(is_chinese(lang), "{lang}");
        }
        for lang in ["en-US", "cy", "zu", "", "chr"] {
            assert!(!is_chinese(lang), "{lang}");
        }
    }

    #[test]
    fn mandarin_local_first() {
        let ranked = rank(vec![
            v("English", "en-US", true),
            v("Google 普通话", "zh-CN", false),
            v("Cantonese", "yue", true),
            v("Chinese (Mandarin, latin as English)", "cmn", true),
            v("Huihui", "zh-CN", true),
        ]);
        let names: Vec<&str> = ranked.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Chinese (Mandarin, latin as English)",
                "Huihui",
                "Google 普通话",
                "Cantonese",
                "English"
            ]
        );
        assert_eq!(
            pick(&ranked, None).unwrap().name,
            "Chinese (Mandarin, latin as English)"
        );
        assert_eq!(pick(&ranked, Some("Huihui")).unwrap().name, "Huihui");
        assert_eq!(
            pick(&ranked, Some("gone")).unwrap().name,
            "Chinese (Mandarin, latin as English)"
        );
        assert_eq!(pick(&rank(vec![v("English", "en", true)]), None), None);
    }
}
