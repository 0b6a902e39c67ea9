//! Sentences and spoken text: where a paragraph splits into utterances, and how what is shown is
//! said (〔2020〕, years, dates, times, percentages, ranges, "+").

/// Utterances longer than this (in characters) are split further at ，、：.
pub const LIMIT: usize = 70;

const ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';'];
const SOFT: &[char] = &['，', '、', '：', ',', ':'];
const CLOSERS: &[char] = &['”', '’', '）', ')', '」', '』', '》', '】', '"', '\''];

/// Byte ranges of `text` that make its sentences: split after 。！？； (with any closing quote or
/// bracket that follows), then, where a sentence is longer than `limit` characters, after the last
/// ，、： that keeps a piece within the limit (or at the limit itself when there is none). White
/// space between pieces is left out; every other character of `text` is in exactly one piece.
pub fn sentences(text: &str, limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if ENDS.contains(&c) {
            while chars.next_if(|(_, c)| CLOSERS.contains(c)).is_some() {}
            let end = chars.peek().map(|&(b, _)| b).unwrap_or(text.len());
            split_long(text, start, end, limit, &mut out);
            start = end;
        }
    }
    split_long(text, start, text.len(), limit, &mut out);
    out
}

/// Splits `text[start..end]` into pieces of at most `limit` characters, each ending after the
/// last ，、： that keeps it within the limit (or at the limit itself when there is none).
fn split_long(
    text: &str,
    mut start: usize,
    end: usize,
    limit: usize,
    out: &mut Vec<(usize, usize)>,
) {
    loop {
        let (from, to) = trim(text, start, end);
        if from >= to {
            return;
        }
        let piece = &text[from..to];
        let mut soft = None;
        let mut at_limit = None;
        for (n, (b, c)) in piece.char_indices().enumerate() {
            if n >= limit {
                at_limit = Some(from + b);
                break;
            }
            if SOFT.contains(&c) && n > 0 {
                soft = Some(from + b + c.len_utf8());
            }
        }
        let Some(at_limit) = at_limit else {
            // Within the limit.
            out.push((from, to));
            return;
        };
        let cut = soft.unwrap_or(at_limit);
        out.push(trim(text, from, cut));
        start = cut;
    }
}

fn trim(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end {
        let c = text[start..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    while end > start {
        let c = text[..end].chars().next_back().unwrap_or(' ');
        if c.is_whitespace() {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    (start, end)
}

const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A year read digit by digit, as Mandarin speakers say it: 2020 → 二〇二〇.
fn year_digits(s: &str) -> String {
    s.chars()
        .map(|c| c.to_digit(10).map(|d| DIGITS[d as usize]).unwrap_or(""))
        .collect()
}

/// A whole number up to 99 in Chinese: 11 → 十一, 27 → 二十七.
fn small_number(n: u32) -> String {
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[(n % 10) as usize]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", DIGITS[(n / 10) as usize]),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            DIGITS[(n % 10) as usize]
        ),
        _ => n.to_string(),
    }
}

/// A number as written (with an optional decimal part) in Chinese: 12.5 → 十二点五.
fn decimal_words(s: &str) -> String {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let whole = int
        .parse::<u32>()
        .ok()
        .filter(|n| *n < 100)
        .map(small_number)
        .unwrap_or_else(|| int.to_string());
    if frac.is_empty() {
        whole
    } else {
        format!("{whole}点{}", year_digits(frac))
    }
}

/// How the text is said: the shown text with the spans a voice would misread rewritten.
///
/// - 〔2020〕 and [2020] (document numbers) → 二〇二〇年
/// - a four-digit year before 年 → digit by digit: 2020年 → 二〇二〇年
/// - month and day → 十一月二十七日; times 16:27 → 十六点二十七分
/// - percentages 12.5% → 百分之十二点五
/// - ranges 5-10 / 5～10 / 5—10 → 5至10
/// - "+" between words (互联网+政务服务) → 加; a signed figure +12 → 增加12, -3 → 减少3
/// - dashes used as pauses (——) → ，
pub fn spoken(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    let digits_at = |i: usize| -> usize {
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        j - i
    };
    while i < chars.len() {
        let c = chars[i];
        // 〔2020〕 or [2020]
        if matches!(c, '〔' | '[' | '［')
            && digits_at(i + 1) == 4
            && matches!(chars.get(i + 5), Some('〕' | ']' | '］'))
        {
            let year: String = chars[i + 1..i + 5].iter().collect();
            out.push_str(&year_digits(&year));
            out.push('年');
            i += 6;
            continue;
        }
        if c.is_ascii_digit() {
            let n = digits_at(i);
            let number: String = chars[i..i + n].iter().collect();
            let next = chars.get(i + n).copied();
            // ISO dates: 2021-01-29 → 二〇二一年一月二十九日.
            if n == 4
                && next == Some('-')
                && digits_at(i + 5) == 2
                && chars.get(i + 7) == Some(&'-')
                && digits_at(i + 8) == 2
            {
                let month: String = chars[i + 5..i + 7].iter().collect();
                let day: String = chars[i + 8..i + 10].iter().collect();
                if let (Ok(m), Ok(d)) = (month.parse::<u32>(), day.parse::<u32>()) {
                    out.push_str(&year_digits(&number));
                    out.push('年');
                    out.push_str(&small_number(m));
                    out.push('月');
                    out.push_str(&small_number(d));
                    out.push('日');
                    i += 10;
                    continue;
                }
            }
            // Years.
            if n == 4 && next == Some('年') {
                out.push_str(&year_digits(&number));
                i += n;
                continue;
            }
            // Month and day.
            if n <= 2 && matches!(next, Some('月' | '日')) {
                if let Ok(v) = number.parse::<u32>() {
                    out.push_str(&small_number(v));
                    i += n;
                    continue;
                }
            }
            // Times: 16:27
            if n <= 2 && next == Some(':') && digits_at(i + n + 1) == 2 {
                let minutes: String = chars[i + n + 1..i + n + 3].iter().collect();
                let h = number.parse::<u32>().unwrap_or(0);
                let m = minutes.parse::<u32>().unwrap_or(0);
                if h < 24 && m < 60 {
                    out.push_str(&small_number(h));
                    out.push('点');
                    if m > 0 {
                        out.push_str(&small_number(m));
                        out.push('分');
                    }
                    i += n + 3;
                    continue;
                }
            }
            // Percentages, with decimals: 12.5%
            let mut j = i + n;
            if chars.get(j) == Some(&'.') && digits_at(j + 1) > 0 {
                j += 1 + digits_at(j + 1);
            }
            if matches!(chars.get(j), Some('%' | '％')) {
                let value: String = chars[i..j].iter().collect();
                out.push_str("百分之");
                out.push_str(&decimal_words(&value));
                i = j + 1;
                continue;
            }
            // Ranges: 5-10, 5～10, 5—10
            if matches!(next, Some('-' | '～' | '~' | '—' | '–')) && digits_at(i + n + 1) > 0 {
                out.push_str(&number);
                out.push('至');
                i += n + 1;
                continue;
            }
            out.push_str(&number);
            i += n;
            continue;
        }
        match c {
            '+' | '＋' => {
                let before_digit = chars.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                let after_word =
                    i > 0 && !chars[i - 1].is_whitespace() && !chars[i - 1].is_ascii_digit();
                if before_digit && !after_word {
                    out.push_str("增加");
                } else {
                    out.push('加');
                }
            }
            '-' | '－'
                if chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                    && (i == 0 || !chars[i - 1].is_ascii_digit()) =>
            {
                out.push_str("减少");
            }
            '—' | '―' => {
                // A dash (——) is a pause.
                while chars.get(i + 1).is_some_and(|d| matches!(d, '—' | '―')) {
                    i += 1;
                }
                out.push('，');
            }
            '〔' | '〕' => {}
            c => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_text_without_punctuation_splits_at_the_limit_without_recursion() {
        let text = "公开".repeat(500_000);
        let pieces = sentences(&text, LIMIT);
        assert_eq!(pieces.len(), 1_000_000 / LIMIT + 1);
        assert!(pieces
            .iter()
            .all(|&(a, b)| text[a..b].chars().count() <= LIMIT));
        assert_eq!(pieces.last().map(|p| p.1), Some(text.len()));
    }

    fn pieces(text: &str, limit: usize) -> Vec<&str> {
        sentences(text, limit)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn splits_at_sentence_ends_with_their_closing_marks() {
        assert_eq!(
            pieces("坚持“三同步”。二是及时公开！三是？最后；结束", 70),
            [
                "坚持“三同步”。",
                "二是及时公开！",
                "三是？",
                "最后；",
                "结束"
            ]
        );
        assert_eq!(
            pieces("他说：“好。”然后走了。", 70),
            ["他说：“好。”", "然后走了。"]
        );
        assert_eq!(pieces("  前后有空格。  ", 70), ["前后有空格。"]);
        assert!(pieces("", 70).is_empty());
        assert!(pieces("   ", 70).is_empty());
    }

    #[test]
    fn long_sentences_split_at_commas_within_the_limit() {
        let text = "一二三四五，六七八九十，一二三四五六七八九十一二三四五。";
        let p = pieces(text, 12);
        assert_eq!(
            p,
            [
                "一二三四五，六七八九十，",
                "一二三四五六七八九十一二",
                "三四五。"
            ]
        );
        for piece in &p {
            assert!(piece.chars().count() <= 12);
        }
    }

    #[test]
    fn spoken_forms() {
        let cases = [
            ("内政公发〔2020〕2号", "内政公发二〇二〇年2号"),
            (
                "2020年11月27日我市收到依申请公开信息1条",
                "二〇二〇年十一月二十七日我市收到依申请公开信息1条",
            ),
            (
                "发布时间 2021-01-29 16:27",
                "发布时间 二〇二一年一月二十九日 十六点二十七分",
            ),
            ("占比12.5%", "占比百分之十二点五"),
            ("占比100%", "占比百分之100"),
            ("5-10个工作日", "5至10个工作日"),
            ("“互联网+政务服务”", "“互联网加政务服务”"),
            ("本年增/减 +12", "本年增/减 增加12"),
            ("-3", "减少3"),
            ("政务公开——基础", "政务公开，基础"),
            ("20条", "20条"),
        ];
        for (shown, said) in cases {
            assert_eq!(spoken(shown), said, "{shown}");
        }
    }
}
