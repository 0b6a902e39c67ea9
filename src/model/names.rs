//! Matching the names a report prints to the official ones: normalised so the variants seen in
//! real reports compare equal, then exactly, or loosely (reported).

/// Normalises a printed label so that the variants seen in real reports compare equal:
/// full-width and half-width forms, spaces, quotes, footnote marks, list punctuation,
/// 合计/总计 and 规范性文件/行政规范性文件.
pub fn normalize_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut chars = label.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            other => other,
        };
        // Footnote marks such as [1].
        if c == '[' {
            let rest: String = chars.clone().take_while(|x| *x != ']').collect();
            if !rest.is_empty() && rest.chars().all(super::cell::is_digit) {
                for _ in 0..=rest.chars().count() {
                    chars.next();
                }
                continue;
            }
        }
        if c.is_whitespace()
            || c == '\u{a0}'
            || c == '\u{3000}'
            || matches!(
                c,
                '"' | '\''
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '「'
                    | '」'
                    | '、'
                    | ','
                    | '，'
                    | '.'
                    | '．'
                    | '。'
            )
        {
            continue;
        }
        out.push(c);
    }
    if out.contains("合计") || out.contains("行政规范性文件") {
        out.replace("合计", "总计")
            .replace("行政规范性文件", "规范性文件")
    } else {
        out
    }
}

/// Drops a leading number such as 一、 （一） 1. (1) 1、 from a normalised label.
fn without_number(normalized: &str) -> &str {
    let s = normalized;
    if let Some(rest) = s.strip_prefix('(') {
        if let Some(end) = rest.find(')') {
            return &rest[end + 1..];
        }
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let trimmed = s.trim_start_matches(numeral);
    if trimmed.len() < s.len() && !trimmed.is_empty() {
        trimmed
    } else {
        s
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// How a name given in the JSON was matched to a template key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelMatch {
    /// The stable key itself, or a label that equals an official one once normalised.
    Exact(String),
    /// The closest official label (a printed label with a typo): the key and that label.
    Closest(String, String),
}

/// The name after its last numbering mark, when a group is written before it:
/// "（三）不予公开／1.属于国家秘密" → "1属于国家秘密"; "三、本年度办理结果-（一）予以公开" → "(一)予以公开".
fn group_tail(normalized: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = normalized.char_indices().collect();
    let mut last = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let starts_number = c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_digit());
        let starts_group = c == '('
            && chars
                .get(k + 1)
                .is_some_and(|(_, n)| "一二三四五六七八九十".contains(*n));
        if i > 0 && (starts_number || starts_group) {
            last = Some(i);
        }
    }
    last.map(|i| &normalized[i..])
}

/// The leading number of a normalised label ("2其他…" → 2), if any.
fn leading_number(normalized: &str) -> Option<u32> {
    let digits: String = normalized
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Length of the longest common subsequence, in characters.
fn common_subsequence(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev = vec![0usize; b.len() + 1];
    for ca in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

fn exact_match(n: &str, candidates: &[(String, String)]) -> Option<String> {
    let bare = without_number(n);
    candidates.iter().find_map(|(k, label)| {
        let l = normalize_label(label);
        (l == n || without_number(&l) == bare).then(|| k.clone())
    })
}

/// Finds the key a name denotes among `(key, label)` candidates: the key itself, the label up to
/// normalisation (with or without its number), the label written after its group ("（三）不予公开
/// 1.属于国家秘密", with any separator), or the closest label when the difference is small (a
/// word dropped from a long label; the number, where given, must agree).
pub fn match_label(name: &str, candidates: &[(String, String)]) -> Option<LabelMatch> {
    if let Some((k, _)) = candidates.iter().find(|(k, _)| k == name) {
        return Some(LabelMatch::Exact(k.clone()));
    }
    let n = normalize_label(name);
    if n.is_empty() {
        return None;
    }
    if let Some(k) = exact_match(&n, candidates) {
        return Some(LabelMatch::Exact(k));
    }
    let tail = group_tail(&n).filter(|t| t.chars().count() >= 2);
    if let Some(k) = tail.and_then(|t| exact_match(t, candidates)) {
        return Some(LabelMatch::Exact(k));
    }
    // A label written after its group without any numbering ("法人或其他组织·商业企业").
    if let Some((k, _)) = candidates
        .iter()
        .map(|(k, label)| (k, normalize_label(label)))
        .filter(|(_, l)| l.chars().count() >= 2 && n.ends_with(l.as_str()))
        .max_by_key(|(_, l)| l.len())
    {
        return Some(LabelMatch::Exact(k.clone()));
    }
    // Typos: the closest label, by edit distance or by the share of characters in common.
    let subject = tail.unwrap_or(&n);
    let bare = without_number(subject);
    let number = leading_number(subject);
    let mut scored: Vec<(usize, f64, usize)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, (_, label))| {
            let l = normalize_label(label);
            if let (Some(a), Some(b)) = (number, leading_number(&l)) {
                if a != b {
                    return None;
                }
            }
            let lb = without_number(&l);
            let longest = lb.chars().count().max(bare.chars().count()).max(1);
            let share = common_subsequence(lb, bare) as f64 / longest as f64;
            Some((i, share, edit_distance(lb, bare)))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    let (best, share, distance) = *scored.first()?;
    let runner_up = scored.get(1).map(|s| s.1).unwrap_or(0.0);
    let allowed = (bare.chars().count() / 5).max(1);
    let close = distance <= allowed || (share >= 0.7 && share - runner_up >= 0.15);
    close.then(|| {
        let (k, label) = &candidates[best];
        LabelMatch::Closest(k.clone(), label.clone())
    })
}
