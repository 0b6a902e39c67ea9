//! The claim reader: every figure a report's text states as a count ("收到政府信息公开申请75件",
//! "1件结转下年度继续办理", "行政复议和行政诉讼各1件", "较上年增加5件"), each bound to what it counts
//! when that is certain, or left unbound with the reason. Precision first: a count is bound only
//! to a subject named in its own clause (or, for a breakdown such as "其中自然人72件" and a change
//! such as "同比增加5件", to the subject its sentence has just named), never across a conjunction
//! that names two subjects, never when the clause qualifies it (审结, 一审), never an approximate
//! figure ("70余件"). Durations ("2个工作日"), dates, ordinals ("第3次"), percentages, rates,
//! money and decimals are never counts.
//!
//! What the subjects are and which cells they count is the templates' (`Template::statements`,
//! `Template::columns_named`); comparing with the tables is `model::consistency`'s. Pure string
//! scanning over characters (no regex: this runs in the browser build too).

use super::cell::ascii_digit;
use super::finding::{Said, Says};
use super::names::simplified;

/// A thing the text may state a count of, and the cells of its table the count may equal.
pub struct Statement {
    /// What it is, for messages (Chinese, English).
    pub what: &'static str,
    /// See [`Statement::what`].
    pub what_en: &'static str,
    /// Words that name it in a sentence (any of them; the longest match wins).
    pub words: &'static [&'static str],
    /// The sentence or the heading of its part must be about this (any of these words); empty for
    /// any sentence. "申请人" never counts as "申请".
    pub scope: &'static [&'static str],
    /// Words in the count's clause that make it a different figure (审结: suits concluded are no
    /// cell of 表四).
    pub not: &'static [&'static str],
    /// The sums of cells the figure may equal (each inner list added up; reports count some
    /// figures more than one way). A breakdown by column replaces `total` with its columns.
    pub accept: &'static [&'static [(&'static str, &'static str)]],
    /// Whether a breakdown by column may follow it ("其中自然人72件、商业企业3件").
    pub broken_down: bool,
}

/// Words that name columns of a table in a breakdown ("自然人", "法人或其他组织", "维持").
pub struct ColumnWords {
    /// The words (any of them).
    pub words: &'static [&'static str],
    /// The column keys whose figures add up to it.
    pub columns: &'static [&'static str],
}

/// What the claim reader knows: every subject and column word, with the number of the table
/// that holds it.
#[derive(Default)]
pub struct Vocabulary {
    /// Subjects, with their table's number.
    pub subjects: Vec<(u8, &'static Statement)>,
    /// Column words, with their table's number.
    pub columns: Vec<(u8, &'static ColumnWords)>,
}

/// What a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    /// A count: "75件".
    Count(i64),
    /// A change against last year: up or down by a count ("增加5件") or by a percentage in
    /// tenths of a percent with the decimals printed ("增长12.5%": 125, 1).
    Change {
        /// Up (增加, 增长, 上升) or down (减少, 下降).
        up: bool,
        /// By how much.
        by: Amount,
    },
}

/// How much a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// A count.
    Count(i64),
    /// A percentage, in hundredths of a percent ("12.5%" is 1250), with its printed decimals.
    Percent(i64, u8),
}

/// What a claim is bound to: a subject of a table, and a breakdown column if it names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The table's number.
    pub table: u8,
    /// Index of the subject in [`Vocabulary::subjects`].
    pub subject: usize,
    /// Index of the column words in [`Vocabulary::columns`], for a breakdown.
    pub column: Option<usize>,
}

/// A figure the text states, and what it is bound to (or why not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The heading of the part it is in.
    pub heading: String,
    /// The sentence.
    pub sentence: String,
    /// The figure as printed ("75件", "增加5件").
    pub printed: String,
    /// What it states.
    pub stated: Stated,
    /// What it counts, or why that is not certain (for the webmaster).
    pub bound: Result<Binding, Said>,
}

/// Units a count is printed with.
const UNITS: &[char] = &['件', '条', '起', '宗', '份', '次', '个'];
/// What makes "N个" a duration or a measure, not a count.
const NOT_AFTER_GE: &[&str] = &[
    "工作日",
    "自然日",
    "月",
    "小时",
    "季度",
    "星期",
    "百分点",
    "年",
    "日",
    "周",
    "批次",
];
/// Words that make a figure approximate.
const APPROXIMATE_BEFORE: &[&str] = &["近", "约", "逾", "超过", "大约", "将近"];
const APPROXIMATE_AFTER: &[&str] = &["余", "多", "左右", "以上"];
/// Words a change is said with, and whether it is up.
const CHANGE_WORDS: &[(&str, bool)] = &[
    ("增加了", true),
    ("增长了", true),
    ("上升了", true),
    ("减少了", false),
    ("下降了", false),
    ("降低了", false),
    ("增加", true),
    ("增长", true),
    ("上升", true),
    ("增多", true),
    ("提高", true),
    ("减少", false),
    ("下降", false),
    ("降低", false),
    ("回落", false),
    ("多", true),
    ("少", false),
];
/// Words that say a subject did not occur ("未发生行政复议": a count of 0).
const NONE_WORDS: &[&str] = &[
    "未收到",
    "没有收到",
    "未接到",
    "未发生",
    "没有发生",
    "未出现",
    "未产生",
    "未有",
    "无一",
];
/// Words that make the one who counts a part of the whole (an office acting for the government,
/// a government's own level, its departments): such a count is not the report's table's.
const PART_OF_WHOLE: &[&str] = &[
    "代表",
    "本级",
    "政府办",
    "下属",
    "所属",
    "各部门",
    "各单位",
    "各乡镇",
    "各镇",
    "各街道",
];
/// Where one clause ends and the next begins.
const CLAUSE_ENDS: &[char] = &['，', ',', '；', ';', '：', ':', '。', '！', '？', '!', '?'];
/// What joins two subjects ("行政复议和行政诉讼"): a count after both is ambiguous.
const CONJUNCTIONS: &[char] = &['和', '及', '与', '、', '或', '以', '跟', '同'];

/// A word found in a sentence: where, and what it names.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    what: Word,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Subject(usize),
    Column(usize),
}

/// A count found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Count {
    start: usize,
    end: usize,
    value: i64,
    approximate: bool,
}

/// Every claim of a paragraph (with the heading of its part): sentence by sentence, each read
/// in the context of its paragraph and heading (what the paragraph is about decides whether a
/// subject is in scope).
pub fn read_paragraph(heading: &str, paragraph: &str, v: &Vocabulary) -> Vec<Claim> {
    let mut unlimited = usize::MAX;
    read_paragraph_within(heading, paragraph, v, &mut unlimited)
}

/// The most sentences with a numeral the text check reads in one report: real reports have
/// under 200; past this (a generated or broken page) the rest is not read, and the webmaster
/// is told (the console, `check --verbose`), so that checking never holds a browser for seconds.
pub const MAX_SENTENCES: usize = 2_000;

/// [`read_paragraph`] reading at most `budget` sentences that hold a numeral (less what it read).
pub fn read_paragraph_within(
    heading: &str,
    paragraph: &str,
    v: &Vocabulary,
    budget: &mut usize,
) -> Vec<Claim> {
    // Read in simplified characters (a page in traditional ones says the same), quoted as printed.
    let text = simplified(&format!("{heading}\n{paragraph}")).replace("申请人", "");
    let about = About::new(&text);
    paragraph
        .split_inclusive(['。', '；', ';', '！', '？', '!', '?', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .filter(|s| may_state(s))
        .take_while(|s| {
            if !s.chars().any(is_numeral) {
                return true;
            }
            *budget = budget.saturating_sub(1);
            *budget > 0
        })
        .flat_map(|s| {
            let mut claims = read_sentence(heading, &about, &simplified(s), v);
            // Quoted as printed (traditional characters too) when quoted whole.
            if s.chars().count() <= QUOTED {
                for c in &mut claims {
                    c.sentence = s.to_string();
                }
            }
            claims
        })
        .collect()
}

/// What a paragraph (with its heading) is about: whether it holds a scope word, looked up once
/// per word and paragraph, never once per count (a paragraph of 100,000 counts stays linear).
pub struct About<'a> {
    text: &'a str,
    seen: std::cell::RefCell<Vec<(&'static str, bool)>>,
}

impl<'a> About<'a> {
    /// The heading and paragraph, as read (simplified characters).
    pub fn new(text: &'a str) -> Self {
        About {
            text,
            seen: Default::default(),
        }
    }

    fn mentions(&self, word: &'static str) -> bool {
        if let Some(&(_, found)) = self.seen.borrow().iter().find(|(w, _)| *w == word) {
            return found;
        }
        let found = self.text.contains(word);
        self.seen.borrow_mut().push((word, found));
        found
    }
}

/// Whether a sentence may state a count: it holds a numeral, or a character a "未发生…" word
/// begins with (in either script). One look at each character, no copy: most sentences of a
/// report state none, and a page may hold a million characters of them.
fn may_state(sentence: &str) -> bool {
    sentence
        .chars()
        .any(|c| is_numeral(c) || NONE_FIRST.contains(&c))
}

/// The characters the [`NONE_WORDS`] begin with, simplified and traditional.
const NONE_FIRST: [char; 5] = ['未', '没', '沒', '无', '無'];

/// Every claim of a sentence; `about` is what decides scope (its heading and paragraph).
pub fn read_sentence(heading: &str, about: &About, sentence: &str, v: &Vocabulary) -> Vec<Claim> {
    let chars: Vec<char> = sentence.chars().collect();
    // A sentence with no numeral and no "未发生…" states no count: nothing to look up.
    if !chars.iter().any(|c| is_numeral(*c)) && !NONE_WORDS.iter().any(|w| sentence.contains(w)) {
        return Vec::new();
    }
    let words = find_words(sentence, chars.len(), v);
    let counts = find_counts(&chars);
    let percents = find_percents(&chars);
    let mut out = Vec::new();
    let mut last_subject: Option<Binding> = None;
    for clause in clauses(&chars) {
        // What lies in the clause (a paragraph of thousands of clauses read in one pass).
        let in_clause: Vec<Found> = in_range(&words, clause, |w| (w.start, w.end))
            .into_iter()
            .copied()
            .collect();
        let here = in_range(&counts, clause, |c| (c.start, c.end));
        let ctx = Context {
            chars: &chars,
            clause,
            words: &in_clause,
            v,
            heading,
            about,
        };
        // The sentence as a claim quotes it: whole, or around this clause when it is long.
        let quoted = excerpt(&chars, clause);
        if here.is_empty() {
            out.extend(zero_claims(&ctx, &quoted));
        }
        for p in in_range(&percents, clause, |p| (p.0, p.1)) {
            out.extend(ctx.percent_change(*p, last_subject, &quoted));
        }
        for count in here {
            for mut claim in ctx.claims_of(count, last_subject) {
                claim.heading = heading.to_string();
                claim.sentence = quoted.clone();
                if let Ok(b) = claim.bound {
                    if b.column.is_none() {
                        last_subject = Some(b);
                    }
                }
                out.push(claim);
            }
        }
        // A subject named in a clause without a count is what the next clause's breakdown or
        // change is about ("收到政府信息公开申请，共75件" is rare; "涉及自然人72件" common).
        if let Some(w) = in_clause
            .last()
            .filter(|w| matches!(w.what, Word::Subject(_)))
        {
            last_subject = ctx.bind(*w, None).ok();
        }
    }
    out
}

/// The items of a list ordered by start that lie within `range` (found by bisection, so each
/// clause costs only its own items).
fn in_range<T>(
    items: &[T],
    (from, to): (usize, usize),
    span: impl Fn(&T) -> (usize, usize),
) -> Vec<&T> {
    let first = items.partition_point(|i| span(i).0 < from);
    items[first..]
        .iter()
        .take_while(|i| span(i).0 < to)
        .filter(|i| {
            let (start, end) = span(i);
            start >= from && end <= to
        })
        .collect()
}

/// The longest sentence a claim quotes whole, in characters; a longer one is quoted around the
/// clause the figure is in (a claim never holds a copy of a huge paragraph).
const QUOTED: usize = 160;

/// The sentence, or the part of it around `clause` when it is long, marked with "…".
fn excerpt(chars: &[char], clause: (usize, usize)) -> String {
    if chars.len() <= QUOTED {
        return chars.iter().collect();
    }
    let start = clause.0.saturating_sub(40);
    let end = (clause.1 + 40).min(chars.len()).min(start + QUOTED);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// One clause of a sentence, with what was found in it.
struct Context<'a> {
    chars: &'a [char],
    clause: (usize, usize),
    words: &'a [Found],
    v: &'a Vocabulary,
    heading: &'a str,
    about: &'a About<'a>,
}

impl Context<'_> {
    fn text(&self, from: usize, to: usize) -> String {
        self.chars[from.min(to)..to].iter().collect()
    }

    /// The claims of one count: usually one; "各" after two subjects gives one each.
    fn claims_of(&self, count: &Count, last: Option<Binding>) -> Vec<Claim> {
        let printed = self.text(count.start, count.end);
        let change = self.change_before(count.start);
        let claim = |stated: Stated, bound: Result<Binding, Said>| Claim {
            heading: String::new(),
            sentence: String::new(),
            printed: printed.clone(),
            stated,
            bound,
        };
        if let Some((up, word_start)) = change {
            let stated = Stated::Change {
                up,
                by: Amount::Count(count.value),
            };
            let printed_change = self.text(word_start, count.end);
            let bound = self
                .nearest_subject(word_start)
                .map(|w| self.bind(w, last))
                .unwrap_or_else(|| last.ok_or_else(|| Said::new(Says::NoChangeSubject)));
            let mut c = claim(stated, bound);
            c.printed = printed_change;
            return vec![c];
        }
        let stated = Stated::Count(count.value);
        if count.approximate {
            return vec![claim(stated, Err(Said::new(Says::Approximate)))];
        }
        let Some(word) = self
            .nearest_subject(count.start)
            .or_else(|| self.following(count.end))
        else {
            return vec![claim(stated, Err(Said::new(Says::NoSubjectName)))];
        };
        // Two subjects joined by 和/及/、 before one count: 各 gives each the count; otherwise
        // it is not certain which the count is.
        if let Some(other) = self.joined_before(word) {
            if self.text(word.end, count.start).contains('各') {
                return [other, word]
                    .iter()
                    .map(|w| claim(stated, self.bind(*w, last)))
                    .collect();
            }
            let names = format!(
                "{}、{}",
                self.text(other.start, other.end),
                self.text(word.start, word.end)
            );
            return vec![claim(
                stated,
                Err(Said::new(Says::TwoSubjects).text("names", &names)),
            )];
        }
        vec![claim(stated, self.bind(word, last))]
    }

    /// A change by a percentage ("同比增长6.7%"): a claim only right after a change word.
    fn percent_change(
        &self,
        (start, end, hundredths, decimals): (usize, usize, i64, u8),
        last: Option<Binding>,
        sentence: &str,
    ) -> Option<Claim> {
        let (up, word_start) = self.change_before(start)?;
        let bound = self
            .nearest_subject(word_start)
            .map(|w| self.bind(w, last))
            .unwrap_or_else(|| last.ok_or_else(|| Said::new(Says::NoRateSubject)));
        Some(Claim {
            heading: self.heading.to_string(),
            sentence: sentence.to_string(),
            printed: self.text(word_start, end),
            stated: Stated::Change {
                up,
                by: Amount::Percent(hundredths, decimals),
            },
            bound,
        })
    }

    /// The change word right before a count ("增加5件", "同比下降了3件"), if any.
    fn change_before(&self, at: usize) -> Option<(bool, usize)> {
        let before = self.text(self.clause.0, at);
        let trimmed = before.trim_end_matches(['共', '达', '为', '至', ' ']);
        CHANGE_WORDS
            .iter()
            .find(|(w, _)| trimmed.ends_with(w))
            .map(|(w, up)| {
                (
                    *up,
                    at - (before.chars().count() - trimmed.chars().count()) - w.chars().count(),
                )
            })
    }

    /// The nearest subject or column word before `at` in the clause.
    fn nearest_subject(&self, at: usize) -> Option<Found> {
        self.words.iter().rev().copied().find(|w| w.end <= at)
    }

    /// The first word after `at` in the clause ("1件结转下年度继续办理").
    fn following(&self, at: usize) -> Option<Found> {
        self.words.iter().copied().find(|w| w.start >= at)
    }

    /// A subject joined to `word` by a conjunction only ("行政复议和行政诉讼").
    fn joined_before(&self, word: Found) -> Option<Found> {
        let prev = self
            .words
            .iter()
            .rev()
            .copied()
            .find(|w| w.end <= word.start)?;
        let between: Vec<char> = self.chars[prev.end..word.start]
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace())
            .collect();
        let joined = !between.is_empty()
            && between.len() <= 2
            && between.iter().all(|c| CONJUNCTIONS.contains(c));
        let both_subjects = matches!(
            (prev.what, word.what),
            (Word::Subject(_), Word::Subject(_)) | (Word::Column(_), Word::Column(_))
        );
        (joined && both_subjects).then_some(prev)
    }

    /// What a word binds a count to: a subject (in scope, not qualified), or a column of the
    /// subject the sentence is about.
    fn bind(&self, word: Found, last: Option<Binding>) -> Result<Binding, Said> {
        match word.what {
            Word::Subject(i) => {
                let (table, st) = self.v.subjects[i];
                if let Some(w) = st.not.iter().find(|w| self.clause_has(w)) {
                    return Err(Said::new(Says::NotTheTables).text("word", w).both(
                        "what",
                        &st.what,
                        &st.what_en,
                    ));
                }
                let before = self.text(self.clause.0, word.start);
                if let Some(w) = PART_OF_WHOLE.iter().find(|w| before.contains(*w)) {
                    return Err(Said::new(Says::PartOfUnits).text("word", w));
                }
                if !self.in_scope(st) {
                    return Err(Said::new(Says::NotAboutDisclosure).both(
                        "what",
                        &st.what,
                        &st.what_en,
                    ));
                }
                Ok(Binding {
                    table,
                    subject: i,
                    column: None,
                })
            }
            Word::Column(j) => {
                let (table, _) = self.v.columns[j];
                match last {
                    Some(b) if b.table == table && self.v.subjects[b.subject].1.broken_down => {
                        Ok(Binding {
                            column: Some(j),
                            ..b
                        })
                    }
                    _ => Err(Said::new(Says::NoPartsSubject)),
                }
            }
        }
    }

    fn clause_has(&self, w: &str) -> bool {
        self.text(self.clause.0, self.clause.1).contains(w)
    }

    fn in_scope(&self, st: &Statement) -> bool {
        st.scope.is_empty() || st.scope.iter().any(|w| self.about.mentions(w))
    }
}

/// "未发生因政府信息公开引起的行政复议、行政诉讼": a count of 0 for each subject the clause
/// says did not occur.
fn zero_claims(ctx: &Context, sentence: &str) -> Vec<Claim> {
    let Some(none_at) = NONE_WORDS.iter().find_map(|w| {
        let text = ctx.text(ctx.clause.0, ctx.clause.1);
        text.find(w)
            .map(|b| ctx.clause.0 + text[..b].chars().count())
    }) else {
        return Vec::new();
    };
    ctx.words
        .iter()
        .filter(|w| w.start > none_at && matches!(w.what, Word::Subject(_)))
        .filter_map(|w| {
            let bound = ctx.bind(*w, None).ok()?;
            Some(Claim {
                heading: ctx.heading.to_string(),
                sentence: sentence.to_string(),
                printed: ctx.text(none_at, w.end),
                stated: Stated::Count(0),
                bound: Ok(bound),
            })
        })
        .collect()
}

/// The clauses of a sentence, as character ranges.
fn clauses(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if CLAUSE_ENDS.contains(c) {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

/// Every subject and column word of the sentence, longest first, none overlapping.
fn find_words(sentence: &str, chars: usize, v: &Vocabulary) -> Vec<Found> {
    let mut all: Vec<(&str, Word)> = Vec::new();
    for (i, (_, st)) in v.subjects.iter().enumerate() {
        all.extend(st.words.iter().map(|w| (*w, Word::Subject(i))));
    }
    for (j, (_, cw)) in v.columns.iter().enumerate() {
        all.extend(cw.words.iter().map(|w| (*w, Word::Column(j))));
    }
    all.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    // Character index of each byte offset.
    let mut char_at = vec![0; sentence.len() + 1];
    for (n, (b, _)) in sentence.char_indices().enumerate() {
        char_at[b] = n;
    }
    char_at[sentence.len()] = chars;
    let mut taken = vec![false; chars];
    let mut out = Vec::new();
    for (w, what) in all {
        for (b, _) in sentence.match_indices(w) {
            let (start, end) = (char_at[b], char_at[b + w.len()]);
            if !w.is_empty() && !taken[start..end].iter().any(|t| *t) {
                taken[start..end].iter_mut().for_each(|t| *t = true);
                out.push(Found { start, end, what });
            }
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Every percentage of a sentence ("6.7%", "12％"): where it runs, its value in hundredths of a
/// percent and its printed decimals.
fn find_percents(chars: &[char]) -> Vec<(usize, usize, i64, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |c: char| ascii_digit(c).is_ascii_digit();
    while i < chars.len() {
        if !digit(chars[i])
            || (i > 0 && (digit(chars[i - 1]) || matches!(chars[i - 1], '.' | '．')))
        {
            i += 1;
            continue;
        }
        let start = i;
        let (mut whole, mut frac, mut decimals) = (0i64, 0i64, 0u8);
        while i < chars.len() && digit(chars[i]) {
            whole = whole
                .saturating_mul(10)
                .saturating_add(i64::from(ascii_digit(chars[i]) as u8 - b'0'));
            i += 1;
        }
        if i + 1 < chars.len() && matches!(chars[i], '.' | '．') && digit(chars[i + 1]) {
            i += 1;
            while i < chars.len() && digit(chars[i]) {
                if decimals < 2 {
                    frac = frac * 10 + i64::from(ascii_digit(chars[i]) as u8 - b'0');
                }
                decimals = decimals.saturating_add(1);
                i += 1;
            }
        }
        if i < chars.len() && matches!(chars[i], '%' | '％') {
            let scale = match decimals.min(2) {
                0 => 100,
                1 => 10,
                _ => 1,
            };
            out.push((
                start,
                i + 1,
                whole.saturating_mul(100) + frac * scale,
                decimals.min(2),
            ));
        }
    }
    out
}

/// The value of Chinese numerals ("十二", "两", "一百零五"); `None` for anything else.
fn chinese_number(s: &[char]) -> Option<i64> {
    let digit = |c: char| {
        "零〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p.saturating_sub(1) as i64)
    };
    let (mut total, mut current) = (0i64, 0i64);
    for &c in s {
        match c {
            '两' => current = 2,
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            '千' => {
                total += current.max(1) * 1000;
                current = 0;
            }
            c => current = digit(c)?,
        }
    }
    Some(total + current)
}

/// A digit (Arabic or full-width) or a Chinese numeral: what every count begins with.
fn is_numeral(c: char) -> bool {
    ascii_digit(c).is_ascii_digit() || is_chinese_numeral(c)
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// Every count of a sentence: a whole number (Arabic, full-width or Chinese numerals) followed
/// by a count unit; not a duration, a date, an ordinal, a percentage, money or a decimal, and
/// not inside quotation marks.
fn find_counts(chars: &[char]) -> Vec<Count> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '“' | '「' | '《') {
            quoted = true;
        } else if matches!(c, '”' | '」' | '》') {
            quoted = false;
        }
        let arabic = ascii_digit(c).is_ascii_digit();
        if !(arabic || is_chinese_numeral(c)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = Vec::new();
        while i < chars.len() {
            let d = chars[i];
            if arabic && (ascii_digit(d).is_ascii_digit() || (d == ',' && digits.len() < 12)) {
                if d != ',' {
                    digits.push(ascii_digit(d));
                }
            } else if !arabic && is_chinese_numeral(d) {
                digits.push(d);
            } else {
                break;
            }
            i += 1;
        }
        if let Some(count) = count_at(chars, start, i, &digits, arabic) {
            if !quoted {
                out.push(count);
            }
        }
    }
    out
}

/// The count whose figure runs from `start` to `end`, if what follows is a count unit.
fn count_at(
    chars: &[char],
    start: usize,
    end: usize,
    digits: &[char],
    arabic: bool,
) -> Option<Count> {
    let before: String = chars[start.saturating_sub(2)..start].iter().collect();
    if before.ends_with('第') || before.ends_with('.') || before.ends_with('．') {
        return None;
    }
    let mut at = end;
    // "70余件", "70多件".
    let mut approximate = false;
    let rest: String = chars[at..chars.len().min(at + 3)].iter().collect();
    if let Some(w) = APPROXIMATE_AFTER.iter().find(|w| rest.starts_with(*w)) {
        approximate = true;
        at += w.chars().count();
    }
    while at < chars.len() && chars[at] == ' ' {
        at += 1;
    }
    let unit = *chars.get(at)?;
    if !UNITS.contains(&unit) || matches!(chars.get(end), Some('.' | '．' | '%' | '％')) {
        return None;
    }
    let after: String = chars[at + 1..chars.len().min(at + 5)].iter().collect();
    if unit == '个' && (!arabic || NOT_AFTER_GE.iter().any(|w| after.starts_with(w))) {
        return None;
    }
    // "5件次", "3个月": a measure, not a count.
    if after.starts_with('次') && unit == '件' {
        return None;
    }
    let value = if arabic {
        digits.iter().collect::<String>().parse().ok()?
    } else {
        chinese_number(digits)?
    };
    let lead: String = chars[start.saturating_sub(2)..start].iter().collect();
    approximate |= APPROXIMATE_BEFORE.iter().any(|w| lead.ends_with(w));
    Some(Count {
        start,
        end: at + 1,
        value,
        approximate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_none_word_begins_with_a_character_the_quick_look_knows() {
        for w in NONE_WORDS {
            assert!(may_state(w), "{w}");
        }
        // In traditional characters too, and not for a sentence with neither.
        assert!(may_state("本年度沒有發生行政訴訟。"));
        assert!(!may_state("本年度工作情况良好。"));
        // Every traditional form of those first characters is known to the quick look.
        for c in ('\u{4e00}'..='\u{9fff}').filter(|c| {
            NONE_FIRST.contains(
                &super::super::names::simplified(&c.to_string())
                    .chars()
                    .next()
                    .unwrap(),
            )
        }) {
            assert!(NONE_FIRST.contains(&c), "{c}");
        }
    }

    #[test]
    fn counts_are_found_and_durations_dates_money_and_ordinals_are_not() {
        let found = |s: &str| -> Vec<i64> {
            find_counts(&s.chars().collect::<Vec<_>>())
                .iter()
                .map(|c| c.value)
                .collect()
        };
        assert_eq!(found("收到申请75件，办结７０件，结转1条"), [75, 70, 1]);
        assert_eq!(found("在2个工作日内录入，3个月内答复"), Vec::<i64>::new());
        assert_eq!(found("2020年11月27日收到"), Vec::<i64>::new());
        assert_eq!(
            found("第3次会议，占51.85%，126.35万元，251000元"),
            Vec::<i64>::new()
        );
        assert_eq!(found("共收到申请两件、十二件、一百零五件"), [2, 12, 105]);
        assert_eq!(found("“三个一”工作机制"), Vec::<i64>::new());
        assert_eq!(found("共1,234件"), [1234]);
        let approx = find_counts(&"处置网络舆情70多件".chars().collect::<Vec<_>>());
        assert!(approx[0].approximate);
    }

    #[test]
    fn a_huge_paragraph_of_counts_gives_claims_that_quote_an_excerpt() {
        let v = crate::model::templates::vocabulary();
        let text = format!(
            "依申请公开方面，{}",
            "收到政府信息公开申请5件，".repeat(20_000)
        );
        let claims = read_paragraph("三、收到和处理政府信息公开申请情况", &text, &v);
        assert_eq!(claims.len(), 20_000);
        assert!(claims
            .iter()
            .all(|c| c.sentence.chars().count() <= QUOTED + 2));
        assert!(claims
            .iter()
            .all(|c| c.stated == Stated::Count(5) && c.bound.is_ok()));
        // A short sentence is quoted whole.
        let short = read_paragraph("三、", "依申请公开方面，全年收到政府信息公开申请5件。", &v);
        assert_eq!(
            short[0].sentence,
            "依申请公开方面，全年收到政府信息公开申请5件。"
        );
    }
}
