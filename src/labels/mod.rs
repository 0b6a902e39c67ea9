//! Every word the product shows, announces, prints or saves, in one place: Simplified Chinese,
//! and English for portals that ask for it (`data-lang="en"`). Pure data, tested natively.
//!
//! Not translated: the report's own text, and the 朗读 script, which reads the report in the
//! report's language with a voice for it (its framing words such as 单位 and 未提供 come from the
//! script module, so that a Mandarin voice never has to say English). What the model finds is
//! data worded here: why a report file does not read ([`load`]), a 图解's sentence ([`charts`]),
//! a finding ([`findings`]), what the importer noted reading a page ([`notes`]); and what the viewer tells the webmaster ([`webmaster`]).

/// Defines a sentence enum and its frame function together: each sentence, its words in Chinese
/// and in English side by side, and (for the tests) the list of them all. A nested enum of
/// sentences (declared the same way in a file of its own) is one variant, its frames its own.
macro_rules! sentences {
    (
        $(#[$edoc:meta])* $Enum:ident, $frame:ident, $ALL:ident;
        $(+ $(#[$nmeta:meta])* $Nested:ident($nty:ty) => $nframe:path;)?
        $($(#[$doc:meta])* $name:ident => ($zh:expr, $en:expr $(,)?),)*
    ) => {
        $(#[$edoc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $Enum {
            $(
                #[doc = concat!("A sentence of [`", stringify!($nty), "`].")]
                $(#[$nmeta])*
                $Nested($nty),
            )?
            $($(#[$doc])* $name,)*
        }

        /// The sentence, in Chinese and in English, with its holes (`{name}`).
        pub fn $frame(says: $Enum) -> (&'static str, &'static str) {
            match says {
                $($(#[$nmeta])* $Enum::$Nested(n) => $nframe(n),)?
                $($Enum::$name => ($zh, $en),)*
            }
        }

        /// Every sentence (a nested enum's are listed with it).
        #[cfg(test)]
        const $ALL: &[$Enum] = &[$($Enum::$name,)*];
    };
}

pub mod charts;
pub mod findings;
pub mod load;
pub mod notes;
pub mod review;
#[cfg(feature = "tool")]
pub mod tool_notes;
pub mod webmaster;

/// The holes of a frame (`{name}`, see [`Labels::fill`]), sorted; a brace that names no hole
/// ("{ … }") is not one. For the tests that hold both languages' frames to the same holes.
#[cfg(test)]
pub(crate) fn holes(frame: &str) -> Vec<&str> {
    let mut h: Vec<&str> = frame
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .filter(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    h.sort_unstable();
    h
}

/// Every sentence of a set has words in both languages, with the same holes: no figure or place
/// is lost in translation. For the tests of each set of sentences.
#[cfg(test)]
pub(crate) fn assert_both_languages<T: Copy + std::fmt::Debug>(
    all: &[T],
    frame: fn(T) -> (&'static str, &'static str),
) {
    for says in all {
        let (zh, en) = frame(*says);
        assert!(!zh.is_empty() && !en.is_empty(), "{says:?} has no words");
        assert_eq!(holes(zh), holes(en), "{says:?}");
    }
}

/// A speaking rate given in hundredths, as the speed menu shows it: 75 → "0.75×", 150 → "1.5×",
/// 100 → "1×". Integer arithmetic only: formatting a float costs the browser build 7 KB.
pub fn rate(hundredths: u16) -> String {
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match (part, part % 10) {
        (0, _) => format!("{whole}×"),
        (_, 0) => format!("{whole}.{}×", part / 10),
        _ => format!("{whole}.{part:02}×"),
    }
}

/// The texts for a language tag: English for `en…`, Chinese otherwise.
pub fn for_language(tag: &str) -> &'static Labels {
    if tag.to_ascii_lowercase().starts_with("en") {
        &EN
    } else {
        &ZH
    }
}

/// The interface texts.
#[derive(Debug)]
pub struct Labels {
    pub loading: &'static str,
    pub retry: &'static str,
    pub load_failed: &'static str,
    pub data_error: &'static str,
    pub http_error: &'static str,
    pub network_error: &'static str,
    pub browser_error: &'static str,
    pub timeout_error: &'static str,
    pub interrupted_error: &'static str,
    pub address_error: &'static str,
    pub published: &'static str,
    pub source: &'static str,
    /// What the report was published as, when converted (a term of the header's list).
    pub original: &'static str,
    /// … a PDF file, converted.
    pub from_pdf: &'static str,
    pub agency: &'static str,
    pub undertaker: &'static str,
    pub views: &'static str,
    pub report_year: &'static str,
    pub sample_badge: &'static str,
    pub sample_note: &'static str,
    pub contents: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    /// The voice picker's group of voice variants (espeak's +whisper and the like).
    pub voice_variants: &'static str,
    /// Said (live region) after 展开全部: before and after the number of parts.
    pub all_expanded: (&'static str, &'static str),
    /// Said after 收起全部.
    pub all_collapsed: &'static str,
    pub toolbar: &'static str,
    pub check_heading: &'static str,
    pub check_ok: &'static str,
    /// Instead of `check_ok` when some figures are not given: only what was given is vouched for.
    pub check_ok_given: &'static str,
    /// Heading of what the importer noted reading the page's own article (enhance mode).
    pub import_notes: &'static str,
    pub check_problems: &'static str,
    pub not_provided: &'static str,
    /// Under each 图解: where its figures come from.
    pub chart_source: &'static str,
    /// Before last year's figure on a compared chart ("上年 ").
    pub chart_last_year: &'static str,
    /// How to tell this year's bars from last year's.
    pub chart_compared: &'static str,
    /// The disclosure of a chart's breakdown.
    pub chart_parts: &'static str,
    /// In place of a table's 图解 when the source gives none of the figures they would draw
    /// (said once, instead of charts of empty bars).
    pub charts_not_drawn: &'static str,
    pub blank: &'static str,
    pub derived: &'static str,
    pub derived_legend: &'static str,
    pub flagged: &'static str,
    pub not_provided_legend: &'static str,
    pub unit: &'static str,
    pub note: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub info: &'static str,
    pub table_check: &'static str,
    /// The toggle that sets a table beside last year's.
    pub compare_toggle: &'static str,
    /// Last year's report is loaded: {year}, and what the cross-year checks found ({checks}).
    pub last_year_loaded: &'static str,
    /// The cross-year checks found nothing.
    pub last_year_checks_ok: &'static str,
    /// Last year's report is of {year}, not the year before this one's ({this}).
    pub last_year_other_year: &'static str,
    /// Last year's report could not be loaded: {why}.
    pub last_year_failed: &'static str,
    /// Above a table beside last year's: {table} of {year}.
    pub compare_heading: &'static str,
    /// Last year's table is in the {format} format: only rows that mean the same are compared.
    pub compare_other_format: &'static str,
    /// Rows with nothing to compare last year: {rows}.
    pub compare_not_compared: &'static str,
    /// The cross-year checks beside a table.
    pub cross_year_title: &'static str,
    pub scroll_hint: &'static str,
    pub print: &'static str,
    pub save: &'static str,
    pub save_html: &'static str,
    pub save_json: &'static str,
    pub save_csv: &'static str,
    pub report_address: &'static str,
    pub lang_tag: &'static str,
    pub read_aloud: &'static str,
    pub read_part: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub stop: &'static str,
    pub previous_sentence: &'static str,
    pub next_sentence: &'static str,
    pub previous_part: &'static str,
    pub next_part: &'static str,
    /// Closes the reading bar (and stops reading).
    pub close_bar: &'static str,
    /// Skips the rest of the table being read.
    pub skip_table: &'static str,
    /// Over the reading bar's part buttons, speed, voice and keys.
    pub reader_settings: &'static str,
    /// The same, short, for the one-line bar of a phone.
    pub reader_settings_short: &'static str,
    /// Shows the full grid of a table instead of its cards (on narrow screens).
    pub full_table: &'static str,
    /// Before the columns of a card whose figures are 0.
    pub zeros: &'static str,
    /// Between the items of a list in a sentence: "、" or ", ".
    pub list_separator: &'static str,
    /// The words of a report file that does not read.
    pub load: load::LoadWords,
    /// How a quote cut short says its length: `{n}` characters.
    pub quote_length: &'static str,
    /// The words of the 图解's sentences.
    pub chart_words: charts::ChartWords,
    /// What the viewer tells the webmaster (console, `data-rv-error`).
    pub webmaster: webmaster::WebmasterWords,
    pub speed: &'static str,
    pub voice: &'static str,
    pub default_voice: &'static str,
    pub shortcuts: &'static str,
    pub text_size: &'static str,
    pub sizes: [&'static str; 4],
    pub contrast: &'static str,
    /// Before and after the number of findings: 共 3 处。
    pub count: (&'static str, &'static str),
    /// Between a term and what follows: "：" or ": ".
    pub colon: &'static str,
    /// Around an aside: "（" "）" or " (" ")".
    pub parens: (&'static str, &'static str),
    /// The first column of a saved CSV (the row headings).
    pub item_column: &'static str,
    /// Said when reading enters a part: before and after its heading.
    pub reading_part: (&'static str, &'static str),
    pub reading: &'static str,
    pub part_ended: &'static str,
    pub ended: &'static str,
    pub nothing_to_read: &'static str,
    pub paused: &'static str,
    pub resumed: &'static str,
    pub stopped: &'static str,
    pub interrupted: &'static str,
    /// Reading stopped after repeated failures: before and after the engine's reason.
    pub failed: (&'static str, &'static str),
    /// One sentence skipped: before and after the engine's reason.
    pub skipped: (&'static str, &'static str),
    /// The part being read was collapsed, so reading stopped: before and after its heading.
    pub part_closed: (&'static str, &'static str),
    /// The watchdog's reason: the voice never started.
    pub not_started: &'static str,
    /// No speech synthesis in this browser.
    pub no_speech: &'static str,
    /// No voice for the report's language.
    pub no_chinese_voice: &'static str,
    /// Load failures, worded for people; `{url}`, `{seconds}`, `{detail}`, `{status}` filled in.
    pub bad_address: &'static str,
    pub timed_out: &'static str,
    pub broke_off: &'static str,
    pub no_answer: &'static str,
    pub browser_broken: &'static str,
    /// What the browser left unsaid of a failure: no reason, no window, a body that is not bytes.
    pub browser_said: [&'static str; 3],
    pub server_said: &'static str,
    pub at_address: &'static str,
    /// What a load failure means for a reader, in a plain sentence (the technical detail is for
    /// the webmaster, below it): network, interrupted, timeout, address, server, data.
    pub for_people: [&'static str; 8],
    /// The summary over the technical detail.
    pub technical: &'static str,
    /// The viewer itself failed (a panic): what it is, and what a reader can do.
    pub crashed: &'static str,
    pub crashed_people: &'static str,
    /// The same, for a container with no link of its own to the report.
    pub crashed_reload: &'static str,
    /// The words of 对比上年.
    pub change_words: ChangeWords,
    /// Between clauses: "，" or ", ".
    pub comma: &'static str,
    /// At the end of a sentence: "。" or ".".
    pub full_stop: &'static str,
    /// A 图解's sentence, beside last year's: the change of its leading figure ({before}, {what},
    /// {change}).
    pub chart_change: &'static str,
    /// A 图解 of a table whose figures contradict each other.
    pub chart_contradicts: &'static str,
    /// A 图解's title: the table's name ({table}) and what it shows ({title}).
    pub chart_title: &'static str,
}

/// The words of a comparison with last year's table (对比上年), in one language.
#[derive(Debug)]
pub struct ChangeWords {
    /// The column of this year's figures.
    pub this_year: &'static str,
    /// The column of last year's figures.
    pub last_year: &'static str,
    /// The column of the changes.
    pub change: &'static str,
    /// Last year's table has no such row or column.
    pub no_counterpart: &'static str,
    /// One of the two figures is not a number.
    pub cannot_compare: &'static str,
    /// Before a rise: 增.
    pub up: &'static str,
    /// Before a fall: 减.
    pub down: &'static str,
    /// No change.
    pub same: &'static str,
    /// The brackets around the percentage.
    pub parens: (&'static str, &'static str),
    /// The percentage repeats the sign (+17.5%; Chinese says 增21（17.5%）).
    pub signed_share: bool,
}

impl ChangeWords {
    /// A change in words: 增18（15.3%）, 减2, 持平, 无法比较.
    pub fn moved(&self, m: &charts::Moved) -> String {
        use charts::Moved;
        let with = |sign: &str, d: &str, share: &Option<String>| {
            let share = share
                .as_ref()
                .map(|s| {
                    let sign = if self.signed_share { sign } else { "" };
                    format!("{}{sign}{s}{}", self.parens.0, self.parens.1)
                })
                .unwrap_or_default();
            format!("{sign}{d}{share}")
        };
        match m {
            Moved::Up(d, share) => with(self.up, d, share),
            Moved::Down(d, share) => with(self.down, d, share),
            Moved::Same => self.same.to_string(),
            Moved::NotComparable => self.cannot_compare.to_string(),
        }
    }
}

impl Labels {
    /// Whether these are the English words (findings and data errors have their own English).
    pub fn english(&self) -> bool {
        self.lang_tag == "en"
    }

    /// What a finding that is not about a table is about, in these words (the model names it in
    /// Chinese: 发布时间, 报告结构, 正文).
    pub fn finding_place<'a>(&self, place: &'a str) -> &'a str {
        if !self.english() {
            return place;
        }
        match place {
            findings::place::PUBLISH_TIME => "Publish time",
            findings::place::STRUCTURE => "Report structure",
            findings::place::TEXT => "Report text",
            findings::place::IMPORT => "Import",
            other => other,
        }
    }

    /// A table as menus name it: its short label (表三), or "Table 3" in English; a table that
    /// is not an official one by its caption.
    pub fn table_name(&self, number: Option<u8>, label: &str) -> String {
        match number {
            Some(n) if self.english() => format!("Table {n}"),
            _ => label.to_string(),
        }
    }

    /// What 数据核对 could not check in a table (`label`: 表三): the source gives `given` of its
    /// `figures` figures; `skipped`: checks needing the others were not made.
    pub fn unchecked(
        &self,
        label: &str,
        number: Option<u8>,
        (given, figures): (usize, usize),
        skipped: bool,
    ) -> String {
        let name = self.table_name(number, label);
        match (self.english(), given) {
            (false, 0) => format!("{name}：原文未给出数字，无法核对。"),
            (false, _) if skipped => {
                format!("{name}：原文只给出 {given} 个数字（共 {figures} 个），部分核对无法进行。")
            }
            (false, _) => format!("{name}：原文给出 {given} 个数字（共 {figures} 个），已全部核对。"),
            (true, 0) => format!("{name}: the source gives none of its figures; nothing could be checked."),
            (true, _) if skipped => format!(
                "{name}: the source gives {given} of its {figures} figures; some checks could not be made."
            ),
            (true, _) => format!("{name}: the source gives {given} of its {figures} figures, all checked."),
        }
    }

    /// What the checks against last year's report found, counted by the words their list uses
    /// (警告, 说明), and where they are.
    pub fn cross_year_found(&self, warnings: usize, notes: usize) -> String {
        let words = if self.english() {
            [("warning", "warnings"), ("note", "notes")]
        } else {
            [(self.warning, self.warning), (self.info, self.info)]
        };
        let counts: Vec<String> = [warnings, notes]
            .into_iter()
            .zip(words)
            .filter(|(n, _)| *n > 0)
            .map(|(n, (one, more))| match (self.english(), n) {
                (false, _) => format!("{n}项{one}"),
                (true, 1) => format!("1 {one}"),
                (true, _) => format!("{n} {more}"),
            })
            .collect();
        if self.english() {
            format!("The checks against last year's report found {}: listed under the check summary above; the figures a warning is about are marked “!” in their tables.", counts.join(" and "))
        } else {
            format!(
                "跨年度核对有{}，已列入上方“数据核对”；警告所指的数字在表中以“!”标出。",
                counts.join("、")
            )
        }
    }

    /// The one of a word's two forms (the model keeps both: chart titles, bar labels, findings)
    /// these labels speak.
    pub fn pick<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.english() {
            en
        } else {
            zh
        }
    }

    /// A 图解's sentence: what its figures say, that the table contradicts itself, and the
    /// change of its leading figure against last year's.
    pub fn chart_sentence(&self, s: &charts::ChartSaid) -> String {
        let mut out = self.chart_words.sentence(&s.says);
        if s.contradicts {
            out.push_str(self.chart_contradicts);
        }
        if let Some(c) = &s.change {
            out.push_str(&Labels::fill(
                self.chart_change,
                &[
                    ("before", &c.before),
                    ("what", self.pick(c.what.0, c.what.1)),
                    ("change", &self.change_words.moved(&c.change)),
                ],
            ));
        }
        out
    }

    /// A finding's sentence (or a part of one) in these words.
    pub fn said(&self, s: &findings::Said) -> String {
        let (zh, en) = findings::frame(s.says);
        let values: Vec<(&str, String)> = s.holes.iter().map(|(n, h)| (*n, self.hole(h))).collect();
        let holes: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        Labels::fill(self.pick(zh, en), &holes)
    }

    fn hole(&self, h: &findings::Hole) -> String {
        use findings::{Hole, Said};
        match h {
            Hole::Text(t) => t.clone(),
            Hole::Both(zh, en) => self.pick(zh, en).to_string(),
            Hole::Quote(t) => findings::quote_saying(t, self.quote_length),
            Hole::Said(s) => self.said(s),
            Hole::Joined(list, joiner) => {
                let said: Vec<String> = list.iter().map(|s| self.said(s)).collect();
                said.join(&self.said(&Said::new(*joiner)))
            }
            Hole::List(items) => items.join(self.list_separator),
            #[cfg(feature = "import")]
            Hole::Head(s) => {
                let said = self.said(s);
                let colon = self.pick("：", ": ");
                said.split_once(colon)
                    .map_or(said.clone(), |(h, _)| h.to_string())
            }
        }
    }

    /// `text` quoted short in these words: past 80 characters cut, its length said.
    pub fn quote(&self, text: &str) -> String {
        findings::quote_saying(text, self.quote_length)
    }

    /// `text` in parentheses.
    pub fn paren(&self, text: &str) -> String {
        format!("{}{text}{}", self.parens.0, self.parens.1)
    }

    /// What the player announces, in words.
    pub fn announce(&self, a: &Announcement) -> String {
        match a {
            Announcement::ReadingPart(name) => {
                format!("{}{name}{}", self.reading_part.0, self.reading_part.1)
            }
            Announcement::Reading => self.reading.into(),
            Announcement::PartEnded => self.part_ended.into(),
            Announcement::Ended => self.ended.into(),
            Announcement::NothingToRead => self.nothing_to_read.into(),
            Announcement::Paused => self.paused.into(),
            Announcement::Resumed => self.resumed.into(),
            Announcement::Stopped => self.stopped.into(),
            Announcement::Interrupted => self.interrupted.into(),
            Announcement::Failed(why) => {
                format!("{}{}{}", self.failed.0, self.reason(why), self.failed.1)
            }
            Announcement::Skipped(why) => {
                format!("{}{}{}", self.skipped.0, self.reason(why), self.skipped.1)
            }
            Announcement::Unavailable(v) => self.voices(*v).unwrap_or_default().into(),
            Announcement::PartClosed(name) => {
                format!("{}{name}{}", self.part_closed.0, self.part_closed.1)
            }
        }
    }

    fn reason<'a>(&self, why: &'a str) -> &'a str {
        if why == NOT_STARTED {
            self.not_started
        } else {
            why
        }
    }

    /// Why reading cannot start, or None when it can.
    pub fn voices(&self, v: Voices) -> Option<&'static str> {
        match v {
            Voices::Ready | Voices::Loading => None,
            Voices::Unsupported => Some(self.no_speech),
            Voices::NoVoices | Voices::NoChinese => Some(self.no_chinese_voice),
        }
    }

    /// A template with `{name}` holes filled in.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        // One pass over the template: a value is never searched for holes (a report's text may
        // hold "{line}"), and a brace that names no value ("{ … }") stays as written.
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let hole = after
                .find('}')
                .and_then(|close| values.iter().find(|(n, _)| *n == &after[..close]));
            match hole {
                Some((name, value)) => {
                    out.push_str(value);
                    rest = &after[name.len() + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Simplified Chinese, the default.
pub const ZH: Labels = Labels {
    loading: "正在加载报告……",
    retry: "重新加载",
    load_failed: "报告未能显示",
    data_error: "报告数据有误",
    http_error: "服务器未返回报告",
    network_error: "无法连接到服务器",
    browser_error: "浏览器功能被页面改动",
    timeout_error: "报告没有按时送达",
    interrupted_error: "报告下载中断",
    address_error: "报告地址无效",
    published: "发布时间",
    source: "来源",
    original: "原文格式",
    from_pdf: "PDF 文件（已转换为网页，表格和数字以原文为准）",
    agency: "主办",
    undertaker: "承办",
    views: "点击量",
    report_year: "报告年度",
    sample_badge: "示例数据",
    sample_note: "本报告为演示用的示例数据，机构名称和全部数字均为虚构。",
    contents: "目录",
    expand_all: "展开全部",
    collapse_all: "收起全部",
    voice_variants: "更多：以上语音的变体",
    all_expanded: ("已展开全部 ", " 个部分"),
    all_collapsed: "已收起全部部分",
    toolbar: "报告工具",
    check_heading: "数据核对",
    check_ok: "统计表中未发现前后不一致的数字。",
    check_ok_given: "已给出的数字中未发现前后不一致。",
    import_notes: "本报告由本页文章自动整理，整理时的说明",
    check_problems: "统计表中发现需要核实的数字：",
    not_provided: "未提供",
    chart_source: "（图中数字取自下表，表格载有全部数据。）",
    chart_last_year: "上年 ",
    chart_compared: "实心条为本年数字，虚线空心条为上年数字。",
    chart_parts: "（三）至（六）各项的分项",
    charts_not_drawn: "图解：原文未给出本表的数字，因此不作图。",
    blank: "空白",
    derived: "计算值",
    derived_legend: "计算值：原表未提供，由本表其他数字相加得出。",
    flagged: "数据不一致",
    not_provided_legend: "“未提供”：报告来源没有给出该数字（不等于 0）。",
    unit: "单位",
    note: "注",
    error: "错误",
    warning: "警告",
    info: "说明",
    table_check: "本表核对",
    compare_toggle: "对比上年",
    last_year_loaded: "已载入上年（{year}年）报告：各统计表上方的“对比上年”可把上年数字列在本年旁边。{checks}",
    last_year_checks_ok: "跨年度核对未发现问题。",
    last_year_other_year: "注意：载入的上年报告是{year}年的，本报告是{this}年的。",
    last_year_failed: "未能载入上年报告，不能对比上年：{why}本报告的内容和核对不受影响。",
    compare_heading: "本年与上年（{year}年）对比：每栏列出本年、上年数字和增减。",
    compare_other_format: "上年{table}采用{format}年格式，只对比含义相同的行和栏。",
    compare_not_compared: "上年没有可比数字的项：{rows}。",
    cross_year_title: "与上年报告核对",
    scroll_hint: "表格较宽，可左右滚动查看。",
    print: "打印",
    save: "保存",
    save_html: "网页文件（HTML，可离线阅读）",
    save_json: "原始数据（JSON）",
    save_csv: "（CSV 表格）",
    report_address: "报告地址",
    lang_tag: "zh-CN",
    read_aloud: "朗读",
    read_part: "朗读本节",
    play: "播放",
    pause: "暂停",
    stop: "停止",
    previous_sentence: "上一句",
    next_sentence: "下一句",
    previous_part: "上一部分",
    next_part: "下一部分",
    close_bar: "关闭朗读",
    skip_table: "跳过此表",
    reader_settings: "更多选项",
    reader_settings_short: "更多",
    full_table: "查看完整表格",
    zeros: "为0的栏目：",
    list_separator: "、",
    load: load::ZH,
    quote_length: "（共 {n} 字）",
    chart_words: charts::ZH,
    webmaster: webmaster::ZH,
    speed: "语速",
    voice: "语音",
    default_voice: "自动选择中文语音",
    shortcuts: "快捷键（焦点在报告内时）：Alt+Shift+P 播放/暂停，Alt+Shift+S 停止，Alt+Shift+→ 下一句，Alt+Shift+← 上一句。点击任一句可从该句读起。",
    text_size: "字号",
    sizes: ["标准", "大", "特大", "超大"],
    contrast: "高对比度",
    count: ("共 ", " 处。"),
    colon: "：",
    parens: ("（", "）"),
    item_column: "项目",
    reading_part: ("正在朗读：", ""),
    reading: "正在朗读",
    part_ended: "本节朗读结束",
    ended: "朗读结束",
    nothing_to_read: "没有可朗读的内容",
    paused: "已暂停",
    resumed: "继续朗读",
    stopped: "已停止朗读",
    interrupted: "朗读被中断，可按继续",
    failed: ("朗读失败（", "）：浏览器的语音引擎没有朗读。请检查系统是否安装了中文语音，或换用其他浏览器。"),
    skipped: ("这一句未能朗读（", "），已跳过"),
    part_closed: ("已收起“", "”，朗读停止"),
    not_started: "未开始",
    no_speech: "此浏览器不支持语音朗读。请换用新版的 Chrome、Edge、Firefox 或 Safari，或使用读屏软件阅读本页。",
    no_chinese_voice: "未检测到中文语音：浏览器没有可用的中文（普通话）语音，无法朗读。可在系统设置中安装中文语音（Windows：设置 › 时间和语言 › 语音；macOS：系统设置 › 辅助功能 › 朗读内容；Linux：安装 espeak-ng 和 speech-dispatcher），然后重新打开本页；也可使用读屏软件阅读本页。",
    bad_address: "“{url}”不是 http 或 https 地址，无法从这里读取报告",
    timed_out: "等待 {seconds} 秒后仍未收到完整的报告，已停止等待：服务器可能过慢或没有响应，可稍后重试（地址：{url}）",
    broke_off: "报告下载到一半中断：服务器已开始发送，但内容没有完整送达，可稍后重试（{detail}；地址：{url}）",
    no_answer: "没有收到服务器的回应：网络可能中断，或报告放在另一个网站而该网站未允许跨域读取（CORS）（{detail}；地址：{url}）",
    browser_said: ["浏览器未说明原因", "页面没有 window 对象", "浏览器返回的正文不是字节"],
    browser_broken: "浏览器的内置功能没有按标准工作（{detail}，应为 Response）：页面上的其他脚本改动了 fetch、Promise 或数组迭代器等内置对象，阅读器无法在此取得报告。请检查页面引入的脚本（地址：{url}）",
    server_said: "服务器返回 {status}（地址：{url}）",
    at_address: "{detail}（地址：{url}）",
    for_people: [
        "暂时无法连接到网站的服务器，请检查网络后重新加载。",
        "报告在下载过程中中断，请稍后重新加载。",
        "服务器响应太慢，报告没有按时送达，请稍后重新加载。",
        "页面给出的报告地址不正确，无法读取报告，请使用页面上的报告原文链接。",
        "服务器暂时没有提供这份报告，请稍后重新加载，或使用页面上的报告原文链接。",
        "这份报告的数据有误，暂时无法显示，请使用页面上的报告原文链接。网站管理员可根据下面的技术信息修正。",
        "阅读器在这个页面上无法取得报告，请使用页面上的报告原文链接。",
        "网站上找不到这份报告（服务器说该地址没有这个文件），重新加载也不会改变。请使用页面上的报告原文链接，或告知网站管理员。",
    ],
    technical: "技术信息（供网站管理员）",
    crashed: "阅读器出错",
    crashed_people: "阅读器在这个页面上无法运行。请使用下面的链接查看报告全文，或稍后刷新页面再试。",
    crashed_reload: "阅读器在这个页面上无法运行，请稍后刷新页面再试。",
    change_words: ChangeWords {
    this_year: "本年",
    last_year: "上年",
    change: "增减",
    no_counterpart: "上年无此项",
    cannot_compare: "无法比较",
    up: "增",
    down: "减",
    same: "持平",
    parens: ("（", "）"),
    signed_share: false,
},
    comma: "，",
    full_stop: "。",
    chart_change: "与上年（{before}件）相比，{what}{change}。",
    chart_contradicts: "本表有数字前后不一致（见表下的核对结果），图中按表中所印数字画出。",
    chart_title: "{table}图解：{title}",
};

/// English interface texts.
pub const EN: Labels = Labels {
    loading: "Loading the report…",
    retry: "Try again",
    load_failed: "The report could not be shown",
    data_error: "the report data is wrong",
    http_error: "the server did not return the report",
    network_error: "the server could not be reached",
    browser_error: "the page changed the browser's own functions",
    timeout_error: "the report did not arrive in time",
    interrupted_error: "the download broke off",
    address_error: "the report address is not valid",
    published: "Published",
    source: "Source",
    original: "Published as",
    from_pdf: "a PDF file (converted to this page; the original's tables and figures prevail)",
    agency: "Publisher",
    undertaker: "Operated by",
    views: "Views",
    report_year: "Report year",
    sample_badge: "Sample data",
    sample_note: "This is a sample report: the agency and every figure are made up.",
    contents: "Contents",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    voice_variants: "More: variants of these voices",
    all_expanded: ("All ", " parts expanded"),
    all_collapsed: "All parts collapsed",
    toolbar: "Report tools",
    check_heading: "Data check",
    check_ok: "The statistical tables hold together.",
    check_ok_given: "The figures given hold together.",
    import_notes: "This report was arranged from the article on this page; notes on how",
    check_problems: "Figures in the tables that need checking:",
    not_provided: "not given",
    chart_source: "(Figures from the table below, which holds all the data.)",
    chart_last_year: "last year ",
    chart_compared: "Solid bars: this year's figures; dashed hollow bars: last year's.",
    chart_parts: "Breakdown by reason",
    charts_not_drawn: "Charts: the source gives none of this table's figures, so none are drawn.",
    blank: "blank",
    derived: "computed",
    derived_legend: "Computed: not given in the source, the sum of other figures of this table.",
    flagged: "inconsistent",
    not_provided_legend: "“not given”: the source does not give this figure (it is not zero).",
    unit: "unit",
    note: "Note",
    error: "Error",
    warning: "Warning",
    info: "Note",
    table_check: "Checks of this table",
    compare_toggle: "Compare with last year",
    last_year_loaded: "Last year's report ({year}) is loaded: “Compare with last year” above each table sets last year's figures beside this year's. {checks}",
    last_year_checks_ok: "The checks against last year's report found nothing.",
    last_year_other_year: "Note: the previous report loaded is of {year}; this report is of {this}.",
    last_year_failed: "Last year's report could not be loaded, so there is no comparison: {why} This report and its checks are not affected.",
    compare_heading: "This year beside last year ({year}): each column gives this year's figure, last year's and the change.",
    compare_other_format: "Last year's {table} is in the {format} format: only rows and columns that mean the same are compared.",
    compare_not_compared: "Nothing to compare with last year for: {rows}.",
    cross_year_title: "Checked against last year's report",
    scroll_hint: "The table is wide: scroll sideways to see it all.",
    print: "Print",
    save: "Save",
    save_html: "Web page (HTML, reads offline)",
    save_json: "Original data (JSON)",
    save_csv: " (CSV)",
    report_address: "Report address",
    lang_tag: "en",
    read_aloud: "Read aloud",
    read_part: "Read this part",
    play: "Play",
    pause: "Pause",
    stop: "Stop",
    previous_sentence: "Previous sentence",
    next_sentence: "Next sentence",
    previous_part: "Previous part",
    next_part: "Next part",
    close_bar: "Close",
    skip_table: "Skip this table",
    reader_settings: "More options",
    reader_settings_short: "More",
    full_table: "Full table",
    zeros: "0 in: ",
    list_separator: ", ",
    load: load::EN,
    quote_length: " ({n} characters)",
    chart_words: charts::EN,
    webmaster: webmaster::EN,
    speed: "Speed",
    voice: "Voice",
    default_voice: "Best Chinese voice",
    shortcuts: "Keys (with focus in the report): Alt+Shift+P play/pause, Alt+Shift+S stop, Alt+Shift+→ next sentence, Alt+Shift+← previous sentence. Click a sentence to read from there.",
    text_size: "Text size",
    sizes: ["Normal", "Large", "Larger", "Largest"],
    contrast: "High contrast",
    count: ("", " in all."),
    colon: ": ",
    parens: (" (", ")"),
    item_column: "Item",
    reading_part: ("Reading: ", ""),
    reading: "Reading",
    part_ended: "End of this part",
    ended: "End of the report",
    nothing_to_read: "There is nothing to read",
    paused: "Paused",
    resumed: "Reading again",
    stopped: "Reading stopped",
    interrupted: "Reading was interrupted; press Play to go on",
    failed: ("Reading failed (", "): the browser's speech engine did not speak. Check that a Chinese voice is installed, or use another browser."),
    skipped: ("A sentence could not be read (", ") and was skipped"),
    part_closed: ("Reading stopped: “", "” was collapsed"),
    not_started: "it never started",
    no_speech: "This browser cannot read aloud. Use a recent Chrome, Edge, Firefox or Safari, or a screen reader.",
    no_chinese_voice: "No Chinese voice found: the browser has no Chinese (Mandarin) voice, so the report cannot be read aloud. Install one in the system settings (Windows: Settings › Time & language › Speech; macOS: System Settings › Accessibility › Spoken Content; Linux: install espeak-ng and speech-dispatcher), then open this page again; or use a screen reader.",
    bad_address: "“{url}” is not an http or https address; the report cannot be read from it",
    timed_out: "No complete report after {seconds} seconds, so the viewer stopped waiting: the server may be slow or not answering. Try again later (address: {url})",
    broke_off: "The download broke off: the server began sending the report but it did not arrive whole. Try again later ({detail}; address: {url})",
    no_answer: "No answer from the server: the network may be down, or the report is on another site that does not allow reading it from here (CORS) ({detail}; address: {url})",
    browser_said: ["the browser gave no reason", "the page has no window object", "the browser's answer is not bytes"],
    browser_broken: "The browser's own functions did not work as standard ({detail}, expected a Response): another script on the page changed fetch, Promise or the array iterator, so the viewer cannot get the report here. Check the scripts the page includes (address: {url})",
    server_said: "The server answered {status} (address: {url})",
    at_address: "{detail} (address: {url})",
    for_people: [
        "The website's server cannot be reached just now. Check the connection and try again.",
        "The report broke off while it was downloading. Try again in a moment.",
        "The server is too slow: the report did not arrive in time. Try again in a moment.",
        "The page gives a wrong address for the report, so it cannot be read. Use the link to the full report on this page.",
        "The server did not provide the report just now. Try again in a moment, or use the link to the full report on this page.",
        "The report's data is faulty and cannot be shown. Use the link to the full report on this page; the webmaster can fix it with the technical details below.",
        "The viewer cannot get the report on this page. Use the link to the full report on this page.",
        "The website does not have this report (the server says there is no such file); reloading will not change that. Use the link to the full report on this page, or tell the webmaster.",
    ],
    technical: "Technical details (for the webmaster)",
    crashed: "the viewer failed",
    crashed_people: "The viewer cannot run on this page. Please use the link below to read the whole report, or reload the page later.",
    crashed_reload: "The viewer cannot run on this page. Please reload the page later.",
    change_words: ChangeWords {
    this_year: "This year",
    last_year: "Last year",
    change: "Change",
    no_counterpart: "not in last year's table",
    cannot_compare: "n/a",
    up: "+",
    down: "−",
    same: "no change",
    parens: (" (", ")"),
    signed_share: true,
},
    comma: ", ",
    full_stop: ".",
    chart_change: " Against last year's {before}, {what}: {change}.",
    chart_contradicts: " Figures of this table contradict each other (see the check below it); the chart draws them as printed.",
    chart_title: "{table} chart: {title}",
};

// What the read-aloud player announces and finds of the browser's voices: messages as data,
// made by `read_aloud::player`, worded here.

/// The reason given when an utterance never started (the watchdog's, not the engine's).
pub const NOT_STARTED: &str = "not-started";

/// What the player tells the reader; `labels` words it in the viewer's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Announcement {
    /// Reading entered this part (its heading as shown).
    ReadingPart(String),
    /// Reading started outside any part.
    Reading,
    /// The part read by 朗读本节 is over.
    PartEnded,
    /// The whole report has been read.
    Ended,
    /// The script is empty.
    NothingToRead,
    /// Paused.
    Paused,
    /// Resumed.
    Resumed,
    /// Stopped.
    Stopped,
    /// Something else cancelled the speech; reading holds.
    Interrupted,
    /// Too many utterances failed in a row; reading stopped (the engine's reason).
    Failed(String),
    /// One utterance failed twice and was skipped (the engine's reason).
    Skipped(String),
    /// Reading cannot start: the browser offers no voice for the report.
    Unavailable(Voices),
    /// The reader collapsed the part being read (its heading): reading stopped.
    PartClosed(String),
}

/// What the browser offers for speaking, as the driver found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voices {
    /// Still waiting for the voice list.
    Loading,
    /// At least one Chinese voice.
    Ready,
    /// Voices, but none Chinese.
    NoChinese,
    /// No voices at all after waiting.
    NoVoices,
    /// No speech synthesis in this browser.
    Unsupported,
}

impl Voices {
    /// Whether reading can start (while loading it is tried: the list often comes late).
    pub fn can_speak(self) -> bool {
        matches!(self, Voices::Ready | Voices::Loading)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_decimals_without_trailing_zeros() {
        let shown: Vec<String> = [50, 75, 100, 105, 125, 150, 200].map(rate).into();
        assert_eq!(
            shown,
            ["0.5×", "0.75×", "1×", "1.05×", "1.25×", "1.5×", "2×"]
        );
    }

    fn cjk(text: &str) -> bool {
        text.chars().any(|c| {
            matches!(c as u32, 0x3000..=0x303f | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff00..=0xffef)
        })
    }

    #[test]
    fn every_english_announcement_is_english() {
        let all = [
            Announcement::ReadingPart("Part one".into()),
            Announcement::Reading,
            Announcement::PartEnded,
            Announcement::Ended,
            Announcement::NothingToRead,
            Announcement::Paused,
            Announcement::Resumed,
            Announcement::Stopped,
            Announcement::Interrupted,
            Announcement::Failed("synthesis-failed".into()),
            Announcement::Skipped(NOT_STARTED.into()),
            Announcement::Unavailable(Voices::NoChinese),
            Announcement::Unavailable(Voices::Unsupported),
            Announcement::PartClosed("Part one".into()),
        ];
        for a in &all {
            let said = EN.announce(a);
            assert!(!said.is_empty() && !cjk(&said), "{a:?}: {said}");
            assert!(!ZH.announce(a).is_empty(), "{a:?}");
        }
        assert_eq!(
            ZH.announce(&Announcement::Skipped(NOT_STARTED.into())),
            "这一句未能朗读（未开始），已跳过"
        );
    }

    #[test]
    fn every_english_label_is_english() {
        let all = format!("{EN:?}");
        assert!(!cjk(&all), "{all}");
    }

    #[test]
    fn holes_are_filled() {
        let t = Labels::fill(
            EN.timed_out,
            &[("seconds", "30"), ("url", "https://a/r.json")],
        );
        assert!(
            t.contains("after 30 seconds") && t.contains("address: https://a/r.json"),
            "{t}"
        );
        assert!(!t.contains('{'));
    }
}
