//! What a finding says, as data the checks find ([`Said`]: which sentence, and what fills its
//! holes), and its words in both languages ([`frame`]), worded by [`super::Labels::said`]. The
//! model finds the figures, places and names; the words are here.

#[cfg(feature = "import")]
use super::notes::Noted;

sentences! {
    /// Which sentence a finding (or a part of one) says.
    Says, frame, ALL;
    + #[cfg(feature = "import")] Noted(Noted) => super::notes::frame;
    /// Words a template gives in both languages (its own vocabulary): `{text}`.
    Worded => (
        "{text}",
        "{text}",
    ),
    /// A cell by its row and column.
    PlaceRowColumn => (
        "“{row}”行“{column}”",
        "Row “{row}”, column “{column}”",
    ),
    /// A cell by its column (or row) alone.
    PlaceOne => (
        "“{name}”",
        "“{name}”",
    ),
    /// A table's total.
    PlaceTotal => (
        "合计",
        "The total",
    ),
    /// Printed more than it should be: `{d}`.
    More => (
        "多 {d}",
        "{d} more",
    ),
    /// Printed less: `{d}`.
    Less => (
        "少 {d}",
        "{d} less",
    ),
    /// The same.
    Same => (
        "相同",
        "the same",
    ),
    /// Not comparable.
    Unknown => (
        "?",
        "?",
    ),
    /// A sum that does not add up.
    Sum => (
        "{place}应等于{describe}之和 {sum}，表中为 {printed}（{difference}）。",
        "{place} should equal the sum of {describe}, {sum}; the table gives {printed} ({difference}).",
    ),
    /// A total printed blank beside figures.
    BlankTotal => (
        "{place}的合计数空白，但{describe}之和为 {sum}：公开的表格缺少这个合计数（页面显示计算值 {sum}）。",
        "The total of {place} is blank, but the sum of {describe} is {sum}: the published table lacks this total (shown here as computed, {sum}).",
    ),
    /// Printed figures the importer could not place.
    Unplaced => (
        "{note}。请核对表格的栏目名称。",
        "Printed figures could not be placed in the table: “{note}”. Check the table's row and column names.",
    ),
    /// A row the template does not have.
    NameRow => (
        "行“{row}”",
        "Row “{row}”",
    ),
    /// A column of a row the template does not have.
    NameRowColumn => (
        "行“{row}”中的列“{column}”",
        "Column “{column}” of row “{row}”",
    ),
    /// A name that is not the table's, its figures not shown.
    UnknownName => (
        "{what}不是本表的官方栏目，其数据未能显示。请检查名称或键。",
        "{what} is not an official part of this table, so its figures are not shown. Check the name or key.",
    ),
    /// The same, with the figures not shown listed.
    UnknownNameFigures => (
        "{what}不是本表的官方栏目，其数据未能显示（{figures}）。请检查名称或键。",
        "{what} is not an official part of this table, so its figures are not shown ({figures}). Check the name or key.",
    ),
    /// A publication time that does not read.
    PublishTime => (
        "发布时间“{time}”格式无法识别，应为 YYYY-MM-DD HH:MM。",
        "The publish time “{time}” cannot be read: it should be YYYY-MM-DD HH:MM.",
    ),
    /// An id used twice.
    RepeatedId => (
        "编号“{id}”重复出现，链接和目录可能指向错误的位置。",
        "The id “{id}” is used twice: links and the contents may lead to the wrong place.",
    ),
    /// A table without a caption.
    NoCaption => (
        "表格“{id}”没有标题（caption）。",
        "The table “{id}” has no caption.",
    ),
    /// A generic table's cells do not fit its headers.
    CellsMisfit => (
        "第 {block} 组：表头给出 {rows} 行 {cols} 列，数据为 {data} 行（各行 {lengths} 个单元格）。多出的单元格未显示，缺少的显示为“未提供”。",
        "Block {block}: the headers give {rows} rows of {cols} columns, the data {data} rows ({lengths} cells each). Cells beyond the headers are not shown; missing ones show as not given.",
    ),
    /// Blank or not-applicable cells counted as 0.
    CountedAsZero => (
        "本表有 {n} 个空白或“不适用”单元格参与核对，已按 0 计算。",
        "{n} blank or not-applicable cells of this table were counted as 0 in the checks.",
    ),
    /// Checks not made for figures not given.
    NotChecked => (
        "本表有 {n} 项核对因数据未提供而未进行。",
        "{n} checks of this table were not made: figures they need are not given.",
    ),
    /// A figure that is not what its column takes, by column.
    BadFigure => (
        "“{column}”为“{printed}”：{problem}。",
        "“{column}” is “{printed}”: {problem}.",
    ),
    /// The same, by row and column.
    BadFigureAt => (
        "“{row}”行“{column}”为“{printed}”：{problem}。",
        "Row “{row}”, column “{column}” is “{printed}”: {problem}.",
    ),
    /// Too large a figure.
    TooLargeFigure => (
        "数字过大（整数部分超过 15 位），无法核对和画图",
        "too large a figure (more than 15 digits before the point): not checked or drawn",
    ),
    /// Text where a figure goes.
    NotAFigure => (
        "不是数字",
        "not a figure",
    ),
    /// A count with a fraction.
    FractionalCount => (
        "件数应为整数",
        "a count must be a whole number",
    ),
    /// A negative count.
    NegativeCount => (
        "件数不能为负数",
        "a count cannot be negative",
    ),
    /// A change with a fraction.
    FractionalChange => (
        "增减数应为整数",
        "a change must be a whole number",
    ),
    /// A negative amount.
    NegativeAmount => (
        "金额不能为负数",
        "an amount cannot be negative",
    ),
    /// A part the regulation requires is missing.
    PartMissing => (
        "报告没有第{n}部分“{title}”：《条例》第五十条规定年度报告应包括这一部分。",
        "The report has no part “{n}” (“{title}”), which Article 50 of the regulation requires.",
    ),
    /// A part titled otherwise than the regulation names it.
    PartRetitled => (
        "第{n}部分的标题“{printed}”与规定的“{title}”不同。",
        "Part “{n}” is titled “{printed}”, not “{title}” as the regulation's format names it.",
    ),
    /// The parts out of order.
    PartsOutOfOrder => (
        "各部分的编号顺序为“{printed}”，不是一至六依次排列。",
        "The parts are numbered in the order “{printed}”, not 一 to 六 in turn.",
    ),
    /// Part 五 that says only "无".
    PartFiveNone => (
        "第五部分“{title}”只写了“{text}”：年度报告应写明政府信息公开工作存在的主要问题和改进情况。",
        "Part “五” (“{title}”) says only “{text}”: an annual report must state the main problems of its disclosure work and what is being improved.",
    ),
    /// Part 五 that says next to nothing.
    PartFiveShort => (
        "第五部分“{title}”只有 {n} 个字：“{text}”。请确认已写明存在的主要问题和改进情况。",
        "Part “五” (“{title}”) has only {n} characters: “{text}”. Check that it states the main problems and improvements.",
    ),
    /// 表二's cells without a figure: `{n}` of them, `{places}`.
    Unfilled => (
        "表中有 {n} 个单元格没有填写数字：{places}。表格的每一格都应填写数字，没有的填 0。",
        "{n} cells of the table hold no figure: {places}. Every cell of the form takes a figure (0 where there is none).",
    ),
    /// One such cell, blank.
    UnfilledBlank => (
        "“{row}”行“{column}”空白",
        "row “{row}”, column “{column}”: blank",
    ),
    /// One such cell, printed with a slash.
    UnfilledSlash => (
        "“{row}”行“{column}”印为斜线",
        "row “{row}”, column “{column}”: “{printed}”",
    ),
    /// One such cell, printed with a dash.
    UnfilledDash => (
        "“{row}”行“{column}”印为横线",
        "row “{row}”, column “{column}”: “{printed}”",
    ),
    /// One such cell, printed with other text.
    UnfilledOther => (
        "“{row}”行“{column}”印为“{printed}”",
        "row “{row}”, column “{column}”: “{printed}”",
    ),
    /// What joins the places of [`Says::Unfilled`].
    Semicolon => (
        "；",
        "; ",
    ),
    /// A part that must have content is empty.
    PartEmpty => (
        "第{n}部分“{title}”没有内容：年度报告应写明这一部分（没有可写的事项也应说明“无”）。",
        "Part “{n}” “{title}” is empty: an annual report must fill it (saying “无”, none, when there is nothing to report).",
    ),
    /// The text states a figure the table gives otherwise.
    TextContradicts => (
        "正文“{heading}”一节写明{what}为 {stated}：“{sentence}”，而表中{cells}为 {first}。请核对正文与表格。",
        "The text (“{heading}”) states {what} as {stated}: “{sentence}”; the table gives {first} ({cells}). Check the text against the table.",
    ),
    /// The text states a change the two years' tables give otherwise.
    TextChange => (
        "正文“{heading}”一节写明{what}与上年相比“{printed}”：“{sentence}”，而本年表中为 {now}，上年报告表中为 {before}（本年{change}）。请核对。",
        "The text (“{heading}”) states a change in {what} against last year (“{printed}”): “{sentence}”; this year's table gives {now} and last year's {before} ({change} this year). Check them.",
    ),
    /// A cell of a text statement's, by row and column (lower case in English: it follows
    /// other words).
    CellOf => (
        "“{row}”行“{column}”",
        "row “{row}”, column “{column}”",
    ),
    /// Cells named one after another: what joins them.
    And => (
        "与",
        " and ",
    ),
    /// Figures listed one after another: what joins them.
    Comma => (
        "，",
        ", ",
    ),
    /// A whole's cell against the sum of its parts' reports.
    WholeAgainstParts => (
        "“{row}”行“{column}”为 {total}，各下级报告合计为 {sum}（{figures}）。",
        "Row “{row}”, column “{column}” gives {total}; the reports below it add up to {sum} ({figures}).",
    ),
    /// Why a count of the text is not compared: no item before or after a change.
    NoChangeSubject => (
        "变化量前后没有可对应的统计项",
        "no item of the tables before or after the change",
    ),
    /// … an approximate figure.
    Approximate => (
        "约数（余、多、近），不作核对",
        "an approximate figure (余, 多, 近): not checked",
    ),
    /// … the sentence names no item of the tables.
    NoSubjectName => (
        "本句没有表中统计项的名称",
        "the sentence names no item of the tables",
    ),
    /// … two items stand before the figure: `{names}`.
    TwoSubjects => (
        "数字前并列了两项（{names}），不能确定对应哪一项",
        "two items stand before the figure ({names}): which one it counts is not certain",
    ),
    /// … no item before or after a rate of change.
    NoRateSubject => (
        "变化率前后没有可对应的统计项",
        "no item of the tables before or after the rate of change",
    ),
    /// … the figure of `{word}` is not the table's `{what}`.
    NotTheTables => (
        "“{word}”的数字不是表中“{what}”的数字",
        "the figure of “{word}” is not the table's “{what}”",
    ),
    /// … the figure belongs to some units (`{word}`).
    PartOfUnits => (
        "数字属于部分单位（“{word}”），不是整份报告表中的数字",
        "the figure belongs to some units (“{word}”), not to the whole report's table",
    ),
    /// … the paragraph is not about disclosure's `{what}`.
    NotAboutDisclosure => (
        "本段不是关于政府信息公开的{what}",
        "the paragraph is not about disclosure's {what}",
    ),
    /// … no item before a breakdown's figure.
    NoPartsSubject => (
        "分项数字前没有可对应的统计项",
        "no item of the tables before the breakdown's figure",
    ),
    /// … a change against last year, checked once that report is loaded.
    ChangeAwaitsLastYear => (
        "与上年相比的变化：载入上年报告后核对",
        "a change against last year: checked once last year's report is loaded",
    ),
    /// … the report has no table `{n}`.
    NoTable => (
        "报告中没有表{n}",
        "the report has no 表{n}",
    ),
    /// … the table gives no such figure.
    NoFigureGiven => (
        "表中没有给出对应的数字",
        "the table gives no such figure",
    ),
    /// The text check stopped reading: `{max}` sentences with figures.
    StoppedReading => (
        "正文中含数字的句子超过 {max} 句：其后的句子未读取、未核对（真实报告不到 200 句；请检查页面是否重复或由程序生成）",
        "The text has more than {max} sentences with figures: the rest were not read or checked (real reports have fewer than 200; check whether the page repeats itself or was generated)",
    ),
    /// A count of the text bound to a table's item and column: 表`{n}`, `{what}`, `{column}`.
    BoundColumn => (
        "表{n}“{what}”之“{column}”",
        "表{n} “{what}”, “{column}”",
    ),
    /// A count bound to a table's item.
    Bound => (
        "表{n}“{what}”",
        "表{n} “{what}”",
    ),
    /// A count bound to nothing.
    Unbound => (
        "未对应",
        "not bound",
    ),
    /// It agrees with the table.
    Agrees => (
        "与表格一致",
        "agrees with the table",
    ),
    /// It differs: the table gives `{first}`.
    Differs => (
        "与表格不一致（表中为 {first}）",
        "differs from the table (it gives {first})",
    ),
    /// It is not compared: `{why}`.
    NotComparedBecause => (
        "未核对：{why}",
        "not checked: {why}",
    ),
    /// One count of the text, for report-tool check --verbose.
    ClaimLine => (
        "{heading}：“{printed}” → {what}：{outcome}\n    {sentence}",
        "{heading}: “{printed}” → {what}: {outcome}\n    {sentence}",
    ),
    /// One count not compared, for the console.
    NotComparedLine => (
        "“{printed}”（{heading}：{sentence}）未核对：{why}",
        "“{printed}” ({heading}: {sentence}) not checked: {why}",
    ),
    /// How many counts the text states, and how many were compared.
    ClaimsSummary => (
        "正文中陈述的数字 {all} 处，与表格核对 {compared} 处，未核对 {not} 处（不能确定对应哪一格，不作提示）",
        "The text states {all} figures: {compared} checked against the tables, {not} not checked (not certain which cell they are; no warning)",
    ),
    /// How many more are not listed.
    ClaimsMore => (
        "……另有 {more} 处未列出（report-tool check --verbose 列出全部）",
        "… {more} more not listed (report-tool check --verbose lists them all)",
    ),
}

/// What fills a hole of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hole {
    /// The same in every language: a figure, an id, a label or a text as printed.
    Text(String),
    /// A word in Chinese and in English (a template's vocabulary).
    Both(String, String),
    /// A text quoted short: past [`QUOTE_CHARS`] characters cut, its length said in the
    /// language's way.
    Quote(String),
    /// Another sentence: a place, a difference, a reason.
    Said(Box<Said>),
    /// Sentences one after another, joined by the sentence `joiner` says.
    Joined(Vec<Said>, Says),
    /// Texts joined by the language's list separator (、 or ", ").
    List(Vec<String>),
    /// Another sentence's words up to its first colon (what kind of note it is).
    #[cfg(feature = "import")]
    Head(Box<Said>),
}

/// A sentence as data: which one, and what fills its holes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// Which sentence.
    pub says: Says,
    /// What fills its holes, by name.
    pub holes: Vec<(&'static str, Hole)>,
}

impl Said {
    /// The sentence `says`, its holes still empty.
    pub fn new(says: Says) -> Said {
        Said {
            says,
            holes: Vec::new(),
        }
    }

    /// Words a template gives in both languages.
    pub fn worded(zh: String, en: String) -> Said {
        Said::new(Says::Worded).both("text", &zh, &en)
    }

    /// Words the same in every language (what a page or the importer said, as it said it).
    pub fn as_given(text: &str) -> Said {
        Said::new(Says::Worded).text("text", &text)
    }

    /// `name` filled with `value` as it is.
    pub fn text(mut self, name: &'static str, value: &dyn std::fmt::Display) -> Said {
        self.holes.push((name, Hole::Text(value.to_string())));
        self
    }

    /// `name` filled with a word in Chinese and English.
    pub fn both(
        mut self,
        name: &'static str,
        zh: &dyn std::fmt::Display,
        en: &dyn std::fmt::Display,
    ) -> Said {
        self.holes
            .push((name, Hole::Both(zh.to_string(), en.to_string())));
        self
    }

    /// `name` filled with `text` quoted short.
    pub fn quote(mut self, name: &'static str, text: &str) -> Said {
        self.holes.push((name, Hole::Quote(text.to_string())));
        self
    }

    /// `name` filled with another sentence.
    pub fn said(mut self, name: &'static str, said: Said) -> Said {
        self.holes.push((name, Hole::Said(Box::new(said))));
        self
    }

    /// `name` filled with any hole.
    pub fn hole(mut self, name: &'static str, hole: Hole) -> Said {
        self.holes.push((name, hole));
        self
    }
}

/// The importer's notes ([`super::notes`]): only the builds that import pages say them.
#[cfg(feature = "import")]
impl Said {
    /// The importer's sentence `noted`, its holes still empty.
    pub fn noted(noted: impl Into<Noted>) -> Said {
        Said::new(Says::Noted(noted.into()))
    }

    /// `name` filled with the importer's sentence `noted` (a word of both languages).
    pub fn noted_word(self, name: &'static str, noted: impl Into<Noted>) -> Said {
        self.said(name, Said::noted(noted))
    }

    /// A note that something was left out: `what` (a kind), the `line` quoted short.
    pub fn dropped(what: impl Into<Noted>, line: &str) -> Said {
        Said::noted(Noted::Dropped)
            .noted_word("what", what)
            .quote("line", line)
    }
}

/// What a finding is about when it is not a table (the report-tool JSON's `table`, the record
/// in Chinese; [`super::Labels::finding_place`] names it in the viewer's language).
pub mod place {
    /// The publication time.
    pub const PUBLISH_TIME: &str = "发布时间";
    /// The report's structure (its parts, ids).
    pub const STRUCTURE: &str = "报告结构";
    /// The report's text.
    pub const TEXT: &str = "正文";
    /// What the importer decided.
    pub const IMPORT: &str = "导入";
}

/// The longest text a message quotes, in characters.
pub const QUOTE_CHARS: usize = 80;

/// `text` quoted short: at most [`QUOTE_CHARS`] characters, the full length said (`length`,
/// with the hole `{n}`) when it is cut.
pub fn quote_saying(text: &str, length: &str) -> String {
    let n = text.chars().count();
    if n <= QUOTE_CHARS {
        text.to_string()
    } else {
        let head: String = text.chars().take(QUOTE_CHARS - 2).collect();
        format!(
            "{head}…{}",
            super::Labels::fill(length, &[("n", &n.to_string())])
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::holes;

    /// Every sentence has words in both languages, with the same holes: no figure or place is
    /// lost in translation.
    #[test]
    fn every_sentence_has_both_languages_with_the_same_holes() {
        for says in ALL {
            let (zh, en) = frame(*says);
            assert!(!zh.is_empty() && !en.is_empty(), "{says:?} has no words");
            if matches!(says, Says::UnfilledSlash | Says::UnfilledDash) {
                // Chinese names the mark (斜线, 横线: it reads aloud); English shows it.
                assert!(holes(zh).iter().all(|h| holes(en).contains(h)), "{says:?}");
            } else {
                assert_eq!(holes(zh), holes(en), "{says:?}");
            }
        }
    }

    /// A sentence inside a sentence, joined pieces, a quote cut short in each language's way.
    #[test]
    fn holes_are_filled_in_each_language() {
        use crate::labels::{EN, ZH};
        let said = Said::new(Says::Sum)
            .said(
                "place",
                Said::new(Says::PlaceRowColumn)
                    .text("row", &"行政复议")
                    .text("column", &"总计"),
            )
            .both("describe", &"结果维持、结果纠正", &"upheld, corrected")
            .text("sum", &5)
            .text("printed", &6)
            .said("difference", Said::new(Says::More).text("d", &1));
        assert_eq!(
            ZH.said(&said),
            "“行政复议”行“总计”应等于结果维持、结果纠正之和 5，表中为 6（多 1）。"
        );
        assert_eq!(
            EN.said(&said),
            "Row “行政复议”, column “总计” should equal the sum of upheld, corrected, 5; the table gives 6 (1 more)."
        );
        let cells = Hole::Joined(
            vec![
                Said::new(Says::CellOf)
                    .text("row", &"a")
                    .text("column", &"b"),
                Said::new(Says::PlaceOne).text("name", &"c"),
            ],
            Says::And,
        );
        let said = Said::new(Says::Worded).hole("text", cells);
        assert_eq!(ZH.said(&said), "“a”行“b”与“c”");
        assert_eq!(EN.said(&said), "row “a”, column “b” and “c”");
        let long = "字".repeat(100);
        let quoted = Said::new(Says::Worded).quote("text", &long);
        assert!(ZH.said(&quoted).ends_with("…（共 100 字）"));
        assert!(EN.said(&quoted).ends_with("… (100 characters)"));
        assert_eq!(
            ZH.said(&quoted).chars().count(),
            QUOTE_CHARS - 1 + "（共 100 字）".chars().count()
        );
    }

    /// An importer's note, its kind (its words up to the colon) in each language.
    #[cfg(feature = "import")]
    #[test]
    fn a_dropped_line_and_its_kind_in_each_language() {
        use crate::labels::notes::Noted;
        use crate::labels::{EN, ZH};
        let said = Said::dropped(Noted::ChromeLine, "【打印本页】");
        assert_eq!(ZH.said(&said), "略去页面装饰行：“【打印本页】”");
        assert_eq!(
            EN.said(&said),
            "Left out a line of page decoration: “【打印本页】”"
        );
        let head = Said::noted(Noted::MoreOfKind)
            .text("more", &2)
            .text("n", &102)
            .hole("kind", Hole::Head(Box::new(said)));
        assert_eq!(
            ZH.said(&head),
            "……另有 2 条“略去页面装饰行”未逐条列出（共 102 条）"
        );
        assert_eq!(
            EN.said(&head),
            "… 2 more “Left out a line of page decoration” not listed one by one (102 in all)"
        );
    }
}
