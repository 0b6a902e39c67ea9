//! Sentences and spoken text: where a paragraph splits into utterances, and how what is shown is
//! said (〔2020〕, years, dates, times, percentages, ranges, "+").

use std::borrow::Cow;

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

/// The text being rewritten, as characters, with the questions the rules ask of it.
struct Chars<'a>(&'a [char]);

impl Chars<'_> {
    /// The character at `i`, if any.
    fn at(&self, i: usize) -> Option<char> {
        self.0.get(i).copied()
    }

    /// How many ASCII digits run from `i`.
    fn digits_at(&self, i: usize) -> usize {
        self.0.get(i..).map_or(0, |rest| {
            rest.iter().take_while(|c| c.is_ascii_digit()).count()
        })
    }

    /// The characters `from..to` as a string.
    fn text(&self, from: usize, to: usize) -> String {
        self.0[from..to].iter().collect()
    }

    /// The number that starts at `i` (a digit run that begins there), and its length.
    fn number_at(&self, i: usize) -> Option<(String, usize)> {
        let starts_run = i == 0 || !self.0[i - 1].is_ascii_digit();
        let n = self.digits_at(i);
        (starts_run && n > 0).then(|| (self.text(i, i + n), n))
    }
}

/// A rule of how text is said: at position `i`, what to say and how many characters that
/// replaces, or None when the rule does not apply there.
type Rule = fn(&Chars, usize) -> Option<(String, usize)>;

/// The rules, tried in this order at every position; the first that applies wins. A position no
/// rule applies to is said as it is shown.
const RULES: &[(&str, Rule)] = &[
    ("document year 〔2020〕", document_year),
    ("ISO date 2021-01-29", iso_date),
    ("year 2020年", year),
    ("month or day 11月 27日", month_or_day),
    ("time 16:27", time),
    ("percentage 12.5%", percentage),
    ("range 5-10", range),
    ("number 20", number),
    ("difference 相差 +1", difference),
    ("plus +", plus),
    ("minus -3", minus),
    ("dash ——", dash),
    ("bracket 〔 〕", bracket),
];

/// 〔2020〕 or [2020] (document numbers) → 二〇二〇年.
fn document_year(t: &Chars, i: usize) -> Option<(String, usize)> {
    let opens = matches!(t.at(i)?, '〔' | '[' | '［');
    let closes = matches!(t.at(i + 5), Some('〕' | ']' | '］'));
    (opens && t.digits_at(i + 1) == 4 && closes)
        .then(|| (format!("{}年", year_digits(&t.text(i + 1, i + 5))), 6))
}

/// 2021-01-29 → 二〇二一年一月二十九日.
fn iso_date(t: &Chars, i: usize) -> Option<(String, usize)> {
    let (year, n) = t.number_at(i)?;
    let shape = n == 4
        && t.at(i + 4) == Some('-')
        && t.digits_at(i + 5) == 2
        && t.at(i + 7) == Some('-')
        && t.digits_at(i + 8) == 2;
    if !shape {
        return None;
    }
    let month = t.text(i + 5, i + 7).parse::<u32>().ok()?;
    let day = t.text(i + 8, i + 10).parse::<u32>().ok()?;
    let said = format!(
        "{}年{}月{}日",
        year_digits(&year),
        small_number(month),
        small_number(day)
    );
    Some((said, 10))
}

/// A four-digit year before 年, digit by digit: 2020年 → 二〇二〇年.
fn year(t: &Chars, i: usize) -> Option<(String, usize)> {
    let (number, n) = t.number_at(i)?;
    (n == 4 && t.at(i + 4) == Some('年')).then(|| (year_digits(&number), 4))
}

/// A month or day in words: 11月 → 十一月, 27日 → 二十七日.
fn month_or_day(t: &Chars, i: usize) -> Option<(String, usize)> {
    let (number, n) = t.number_at(i)?;
    if n > 2 || !matches!(t.at(i + n), Some('月' | '日')) {
        return None;
    }
    Some((small_number(number.parse().ok()?), n))
}

/// A time of day: 16:27 → 十六点二十七分, 9:00 → 九点.
fn time(t: &Chars, i: usize) -> Option<(String, usize)> {
    let (number, n) = t.number_at(i)?;
    if n > 2 || t.at(i + n) != Some(':') || t.digits_at(i + n + 1) != 2 {
        return None;
    }
    let h = number.parse::<u32>().ok()?;
    let m = t.text(i + n + 1, i + n + 3).parse::<u32>().ok()?;
    if h >= 24 || m >= 60 {
        return None;
    }
    let minutes = if m > 0 {
        format!("{}分", small_number(m))
    } else {
        String::new()
    };
    Some((format!("{}点{minutes}", small_number(h)), n + 3))
}

/// A percentage, with decimals: 12.5% → 百分之十二点五.
fn percentage(t: &Chars, i: usize) -> Option<(String, usize)> {
    let (_, n) = t.number_at(i)?;
    let mut j = i + n;
    if t.at(j) == Some('.') && t.digits_at(j + 1) > 0 {
        j += 1 + t.digits_at(j + 1);
    }
    matches!(t.at(j), Some('%' | '％'))
        .then(|| (format!("百分之{}", decimal_words(&t.text(i, j))), j + 1 - i))
}

/// The start of a range: 5-10, 5～10, 5—10 → 5至10 (the second number follows on its own).
fn range(t: &Chars, i: usize) -> Option<(String, usize)> {
    let (number, n) = t.number_at(i)?;
    let dash = matches!(t.at(i + n), Some('-' | '～' | '~' | '—' | '–'));
    (dash && t.digits_at(i + n + 1) > 0).then(|| (format!("{number}至"), n + 1))
}

/// Units a figure is said with: before them a decimal or a large number is said in words.
const FIGURE_UNITS: &[&str] = &[
    "万元",
    "亿元",
    "元",
    "万",
    "亿",
    "件",
    "条",
    "个",
    "次",
    "人",
    "项",
    "户",
    "份",
    "家",
    "起",
    "宗",
    "篇",
    "期",
    "批",
    "场",
    "名",
    "所",
    "台",
    "套",
    "辆",
    "吨",
    "亩",
    "公里",
    "平方米",
];

/// Any other number. Before a unit, a decimal (126.35万元 → 一百二十六点三五万元) or a number of
/// ten thousand or more (251000元 → 二十五万一千元, 1,234,567件) is said in words: voices read the
/// digits wrongly (二百五十一千, a lost point). Otherwise, and for codes (223100, 0517), the digits
/// as they are: the voice reads a small number right, and a code is no quantity.
fn number(t: &Chars, i: usize) -> Option<(String, usize)> {
    let (digits, n) = t.number_at(i)?;
    let mut whole = digits.clone();
    let mut j = i + n;
    // Thousands separators: 1,234,567.
    while t.at(j) == Some(',') && t.digits_at(j + 1) == 3 {
        whole.push_str(&t.text(j + 1, j + 4));
        j += 4;
    }
    let frac = (t.at(j) == Some('.') && t.digits_at(j + 1) > 0).then(|| {
        let f = t.text(j + 1, j + 1 + t.digits_at(j + 1));
        j += 1 + f.len();
        f
    });
    let rest: String = t.0[j..t.0.len().min(j + 3)].iter().collect();
    let unit = FIGURE_UNITS.iter().any(|u| rest.starts_with(u));
    let value: Option<u64> = whole.parse().ok().filter(|v| *v < 10_000_000_000_000_000);
    let said = match (value, frac, unit) {
        (Some(v), Some(f), true) if !whole.starts_with('0') || whole == "0" => {
            format!("{}点{}", number_words(v), year_digits(&f))
        }
        (Some(v), None, true) if v >= 10_000 && !whole.starts_with('0') => number_words(v),
        _ => t.text(i, j),
    };
    Some((said, j - i))
}

/// A whole number in Chinese words: 251000 → 二十五万一千, 10001 → 一万零一, 15 → 十五.
fn number_words(n: u64) -> String {
    if n == 0 {
        return "零".to_string();
    }
    let groups = [
        (n / 1_000_000_000_000 % 10_000, "万亿"),
        (n / 100_000_000 % 10_000, "亿"),
        (n / 10_000 % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut out = String::new();
    let mut gap = false;
    for (g, unit) in groups {
        if g == 0 {
            gap |= !out.is_empty();
            continue;
        }
        if !out.is_empty() && (gap || g < 1000) {
            out.push('零');
        }
        out.push_str(&four_digits(g as u32));
        out.push_str(unit);
        gap = false;
    }
    // 一十五 is said 十五 at the start.
    match out.strip_prefix("一十") {
        Some(rest) => format!("十{rest}"),
        None => out,
    }
}

/// Up to four digits in words, zeros inside said once: 1005 → 一千零五, 1230 → 一千二百三十.
fn four_digits(g: u32) -> String {
    let mut out = String::new();
    let mut zero = false;
    for (d, unit) in [
        (g / 1000 % 10, "千"),
        (g / 100 % 10, "百"),
        (g / 10 % 10, "十"),
        (g % 10, ""),
    ] {
        if d == 0 {
            zero |= !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        out.push_str(DIGITS[d as usize]);
        out.push_str(unit);
    }
    out
}

/// A signed difference (相差 +1, 相差 -2) → 多出1, 少了2: "相差增加1" says nothing.
fn difference(t: &Chars, i: usize) -> Option<(String, usize)> {
    if t.at(i)? != '相' || t.at(i + 1) != Some('差') {
        return None;
    }
    let sign_at = (i + 2..).find(|&j| t.at(j) != Some(' '))?;
    if t.digits_at(sign_at + 1) == 0 {
        return None;
    }
    let said = match t.at(sign_at)? {
        '+' | '＋' => "多出",
        '-' | '－' => "少了",
        _ => return None,
    };
    Some((said.into(), sign_at + 1 - i))
}

/// "+": a signed figure (+12) → 增加12; between words (互联网+政务服务) → 加.
fn plus(t: &Chars, i: usize) -> Option<(String, usize)> {
    if !matches!(t.at(i)?, '+' | '＋') {
        return None;
    }
    let before_digit = t.at(i + 1).is_some_and(|d| d.is_ascii_digit());
    let after_word = i > 0
        && t.at(i - 1)
            .is_some_and(|p| !p.is_whitespace() && !p.is_ascii_digit());
    let said = if before_digit && !after_word {
        "增加"
    } else {
        "加"
    };
    Some((said.into(), 1))
}

/// A minus sign before a figure, not between figures: -3 → 减少3.
fn minus(t: &Chars, i: usize) -> Option<(String, usize)> {
    let sign = matches!(t.at(i)?, '-' | '－');
    let before_digit = t.at(i + 1).is_some_and(|d| d.is_ascii_digit());
    let after_digit = i > 0 && t.at(i - 1).is_some_and(|p| p.is_ascii_digit());
    (sign && before_digit && !after_digit).then(|| ("减少".into(), 1))
}

/// A dash used as a pause (—— or ―) → ，.
fn dash(t: &Chars, i: usize) -> Option<(String, usize)> {
    let is_dash = |c: Option<char>| matches!(c, Some('—' | '―'));
    if !is_dash(t.at(i)) {
        return None;
    }
    let n = (i..).take_while(|&j| is_dash(t.at(j))).count();
    Some(("，".into(), n))
}

/// The brackets of a document number that was not a year: not said.
fn bracket(t: &Chars, i: usize) -> Option<(String, usize)> {
    matches!(t.at(i)?, '〔' | '〕').then(|| (String::new(), 1))
}

/// How the text is said: the shown text with the spans a voice would misread rewritten by
/// [`RULES`] (〔2020〕 and years digit by digit, dates, times, percentages, ranges, signs, dashes).
pub fn spoken(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    say_each(text, &mut |_, said| out.push_str(said));
    out
}

/// Walks `text` as [`spoken`] says it: for each step, the byte range of `text` it stands for and
/// what is said for it (a rewritten span at once, any other character as itself).
fn say_each(text: &str, step: &mut dyn FnMut(std::ops::Range<usize>, &str)) {
    let chars: Vec<char> = text.chars().collect();
    let t = Chars(&chars);
    let mut i = 0;
    let mut at = 0;
    let mut buf = [0u8; 4];
    while i < chars.len() {
        let (said, n) = match RULES.iter().find_map(|(_, rule)| rule(&t, i)) {
            Some((said, n)) => (Cow::Owned(said), n.max(1)),
            None => (Cow::Borrowed(&*chars[i].encode_utf8(&mut buf)), 1),
        };
        let len: usize = chars[i..(i + n).min(chars.len())]
            .iter()
            .map(|c| c.len_utf8())
            .sum();
        step(at..at + len, &said);
        at += len;
        i += n;
    }
}

/// The part of `text` (a byte range) that the voice is saying when it reports a word at
/// `from..from + len` of [`spoken`]`(text)`, counted in UTF-16 code units as `boundary` events
/// count them. A word inside a rewritten span (二〇二〇 for 2020) lights the whole span; a word
/// of no length lights the character it starts at. None when the place is past the end.
pub fn shown_span(text: &str, from: usize, len: usize) -> Option<std::ops::Range<usize>> {
    let end = from + len.max(1);
    let mut said_at = 0;
    let mut found: Option<std::ops::Range<usize>> = None;
    say_each(text, &mut |shown, said| {
        let said_end = said_at + said.encode_utf16().count();
        if said_at < end && from < said_end {
            found = Some(found.as_ref().map_or(shown.start, |f| f.start)..shown.end);
        }
        said_at = said_end;
    });
    found
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
            (
                "收取信息处理费126.35万元",
                "收取信息处理费一百二十六点三五万元",
            ),
            ("采购总金额251000元", "采购总金额二十五万一千元"),
            ("共受理申请136437件", "共受理申请十三万六千四百三十七件"),
            ("1,234,567件", "一百二十三万四千五百六十七件"),
            ("邮编：223100，电话：0517", "邮编：223100，电话：0517"),
            ("10001件，100000000元", "一万零一件，一亿元"),
            ("表中为 6（相差 +1）。", "表中为 6（多出1）。"),
        ];
        for (shown, said) in cases {
            assert_eq!(spoken(shown), said, "{shown}");
        }
    }

    /// Each rule on its own: where it applies, what it says and how much it replaces, and where
    /// it does not apply.
    #[test]
    fn each_rule_says_its_span_and_nothing_else() {
        let at = |rule: Rule, text: &str, i: usize| {
            let chars: Vec<char> = text.chars().collect();
            rule(&Chars(&chars), i)
        };
        let said = |s: &str, n: usize| Some((s.to_string(), n));
        assert_eq!(at(document_year, "〔2020〕2号", 0), said("二〇二〇年", 6));
        assert_eq!(at(document_year, "〔20〕", 0), None);
        assert_eq!(
            at(iso_date, "2021-01-29", 0),
            said("二〇二一年一月二十九日", 10)
        );
        assert_eq!(
            at(iso_date, "12021-01-29", 1),
            None,
            "not inside a longer number"
        );
        assert_eq!(at(year, "2020年", 0), said("二〇二〇", 4));
        assert_eq!(at(year, "12020年", 1), None);
        assert_eq!(at(month_or_day, "11月", 0), said("十一", 2));
        assert_eq!(at(month_or_day, "123日", 0), None);
        assert_eq!(at(time, "16:27", 0), said("十六点二十七分", 5));
        assert_eq!(at(time, "9:00", 0), said("九点", 4));
        assert_eq!(at(time, "25:00", 0), None);
        assert_eq!(at(percentage, "12.5%", 0), said("百分之十二点五", 5));
        assert_eq!(at(percentage, "12.5", 0), None);
        assert_eq!(at(range, "5-10", 0), said("5至", 2));
        assert_eq!(at(range, "5-", 0), None);
        assert_eq!(at(number, "20条", 0), said("20", 2));
        assert_eq!(at(number, "条", 0), None);
        assert_eq!(at(plus, "+12", 0), said("增加", 1));
        assert_eq!(at(plus, "网+政", 1), said("加", 1));
        assert_eq!(at(minus, "-3", 0), said("减少", 1));
        assert_eq!(
            at(minus, "5-3", 1),
            None,
            "between figures it is a range or a minus"
        );
        assert_eq!(at(dash, "——基础", 0), said("，", 2));
        assert_eq!(at(dash, "基础", 0), None);
        assert_eq!(at(bracket, "〕", 0), said("", 1));
        assert_eq!(at(bracket, "[", 0), None);
        assert_eq!(at(difference, "相差 +1", 0), said("多出", 4));
        assert_eq!(at(difference, "相差-2", 0), said("少了", 3));
        assert_eq!(at(difference, "相差很大", 0), None);
    }

    /// Every word a voice reports, however the spoken form rewrote the text around it, lights
    /// the part of the shown text it was said for.
    #[test]
    fn a_word_said_lights_what_it_was_said_for() {
        let shown = "2020年11月我市收到〔2020〕2号文，占比12.5%，共受理申请136437件。";
        let said = spoken(shown);
        let lit = |word: &str| {
            let at = said.find(word).expect(word);
            let from = said[..at].encode_utf16().count();
            let len = word.encode_utf16().count();
            shown_span(shown, from, len).map(|r| &shown[r])
        };
        assert_eq!(lit("我市"), Some("我市"));
        assert_eq!(lit("收到"), Some("收到"));
        // Inside a rewritten span: the whole span as shown.
        assert_eq!(lit("二〇二〇年十一"), Some("2020年11"));
        assert_eq!(lit("〇二"), Some("2020"));
        assert_eq!(lit("百分之"), Some("12.5%"));
        assert_eq!(lit("十三万六千"), Some("136437"));
        // A word across a rewritten span and plain text.
        assert_eq!(lit("申请十三"), Some("申请136437"));
        // No length: the character it starts at.
        let at = said.find("受理").unwrap();
        let from = said[..at].encode_utf16().count();
        assert_eq!(shown_span(shown, from, 0).map(|r| &shown[r]), Some("受"));
        // Past the end: nothing.
        assert_eq!(shown_span(shown, said.encode_utf16().count() + 3, 2), None);
        // Characters beyond the basic plane count two UTF-16 units, as the browser counts them.
        let wide = "𠀀字号";
        assert_eq!(shown_span(wide, 2, 1).map(|r| &wide[r]), Some("字"));
    }

    /// Generated: every UTF-16 place of every spoken form maps into its shown text, in order.
    #[test]
    fn every_place_said_maps_into_the_text_in_order() {
        let texts = [
            "发布时间 2021-01-29 16:27，5-10个工作日，“互联网+政务服务”",
            "本年增/减 +12，-3，政务公开——基础，内政公发〔2020〕2号",
            "收取信息处理费126.35万元，1,234,567件，10001件，100000000元",
        ];
        for shown in texts {
            let units = spoken(shown).encode_utf16().count();
            let mut last = 0;
            for from in 0..units {
                let r = shown_span(shown, from, 1).expect("inside");
                assert!(
                    r.start >= last && r.end > r.start && r.end <= shown.len(),
                    "{shown} at {from}"
                );
                last = r.start;
            }
        }
    }

    #[test]
    fn rules_are_tried_in_order() {
        // An ISO date is not read as a year and a range, a percentage not as a plain number.
        let names: Vec<&str> = RULES.iter().map(|(n, _)| *n).collect();
        let pos = |name: &str| names.iter().position(|n| n.starts_with(name)).unwrap();
        assert!(pos("ISO date") < pos("year"));
        assert!(pos("ISO date") < pos("range"));
        assert!(pos("percentage") < pos("number"));
        assert!(pos("range") < pos("number"));
        assert!(pos("document year") < pos("bracket"));
        assert_eq!(spoken("2021-01-29"), "二〇二一年一月二十九日");
    }
}
