//! Choosing a voice: Mandarin voices first (lang `zh…` or `cmn…`, however it is spelled), local
//! voices before online ones; among espeak-ng's Mandarin voices the one that reads its internal
//! pinyin as pinyin ("latin as Pinyin", `cmn-latn-pinyin`) before those that read the tone digits
//! as English numbers, and base voices before their `+variant`s; then by name.

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

/// True for a voice that reads latin script (espeak's internal pinyin) as English: it says the
/// tone digits as English numbers ("zi-four ran-two" for 自然人).
fn latin_as_english(v: &VoiceInfo) -> bool {
    let name = v.name.to_ascii_lowercase();
    name.contains("latin as english") || v.lang.to_ascii_lowercase().contains("latn-en")
}

/// True for the pinyin-reading Mandarin voice.
fn reads_pinyin(v: &VoiceInfo) -> bool {
    v.lang.to_ascii_lowercase().contains("pinyin") || v.name.to_ascii_lowercase().contains("pinyin")
}

/// Orders voices for the picker: Mandarin local, Mandarin online, other Chinese, then the rest;
/// within each, voices that read pinyin right first, latin-as-English ones last, base voices
/// before their variants (`name+variant`), then by name.
pub fn rank(mut voices: Vec<VoiceInfo>) -> Vec<VoiceInfo> {
    voices.sort_by_key(|v| {
        let group = match (is_mandarin(&v.lang), is_chinese(&v.lang), v.local) {
            (true, _, true) => 0,
            (true, _, false) => 1,
            (false, true, _) => 2,
            _ => 3,
        };
        let reading = if reads_pinyin(v) {
            0
        } else if latin_as_english(v) {
            2
        } else {
            1
        };
        (group, reading, v.name.contains('+'), v.name.clone())
    });
    voices
}

/// Splits ranked voices into the voices themselves and their variants (`name+variant`: espeak
/// lists dozens, +Demonic and +whisper among them), each list in ranked order: the picker lists
/// the first, and the variants apart, under 更多.
pub fn base_and_variants(ranked: &[VoiceInfo]) -> (Vec<&VoiceInfo>, Vec<&VoiceInfo>) {
    ranked.iter().partition(|v| !v.name.contains('+'))
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
                "Huihui",
                "Chinese (Mandarin, latin as English)",
                "Google 普通话",
                "Cantonese",
                "English"
            ]
        );
        assert_eq!(pick(&ranked, None).unwrap().name, "Huihui");
        assert_eq!(pick(&ranked, Some("Huihui")).unwrap().name, "Huihui");
        assert_eq!(pick(&ranked, Some("gone")).unwrap().name, "Huihui");
        assert_eq!(pick(&rank(vec![v("English", "en", true)]), None), None);
    }

    /// espeak-ng through speech-dispatcher: over a hundred Mandarin variants, the latin-as-English
    /// ones sorting first by name; the pinyin reader must come first, base voices before variants,
    /// and it must be among the first 60 the picker shows.
    #[test]
    fn espeaks_pinyin_voice_first_and_listed() {
        let mut voices = Vec::new();
        for variant in ["", "+Alex", "+Andrea", "+belinda", "+f1", "+m1", "+klatt"] {
            for k in 0..20 {
                let suffix = if variant.is_empty() {
                    String::new()
                } else {
                    format!("{variant}{k}")
                };
                voices.push(v(
                    &format!("Chinese (Mandarin, latin as English){suffix}"),
                    "cmn",
                    true,
                ));
            }
        }
        voices.push(v(
            "Chinese (Mandarin, latin as Pinyin)+f1",
            "cmn-latn-pinyin",
            true,
        ));
        voices.push(v(
            "Chinese (Mandarin, latin as Pinyin)",
            "cmn-latn-pinyin",
            true,
        ));
        voices.push(v("English (America)", "en-US", true));
        let ranked = rank(voices);
        assert_eq!(ranked[0].name, "Chinese (Mandarin, latin as Pinyin)");
        assert_eq!(ranked[1].name, "Chinese (Mandarin, latin as Pinyin)+f1");
        assert_eq!(
            pick(&ranked, None).unwrap().lang,
            "cmn-latn-pinyin",
            "the voice used when none is chosen"
        );
        assert_eq!(ranked.last().unwrap().name, "English (America)");
    }

    #[test]
    fn variants_are_listed_apart_in_rank_order() {
        let v = |name: &str| VoiceInfo {
            name: name.into(),
            lang: "cmn".into(),
            local: true,
        };
        let ranked = rank(vec![
            v("Chinese+Demonic"),
            v("Chinese"),
            v("Chinese+whisper"),
            v("Cantonese"),
        ]);
        let (base, variants) = base_and_variants(&ranked);
        let names = |l: &[&VoiceInfo]| l.iter().map(|v| v.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&base), ["Cantonese", "Chinese"]);
        assert_eq!(names(&variants), ["Chinese+Demonic", "Chinese+whisper"]);
    }
}
