//! What the importer noted reading a page ([`Noted`]: which sentence; a
//! [`super::findings::Said`] fills its holes, made by `Said::noted`): what it left out, mended, took from elsewhere or
//! could not place. Shown in enhance mode's 导入说明 and on the console in the viewer's
//! language, and printed by report-tool; the notes a table keeps with it (the report's data) are
//! its Chinese words ([`super::ZH`]).

sentences! {
    /// Which sentence an importer's note (or a part of one) says.
    Noted, frame, ALL;
    + #[cfg(feature = "tool")] Tool(super::tool_notes::ToolNoted) => super::tool_notes::frame;
    /// Nothing that looks like a report.
    NotAReport => (
        "未找到报告正文：输入中没有“一、”“二、”这样编号的部分，也没有官方统计表",
        "No report found: the input has no parts numbered like “一、”, “二、” and no official table",
    ),
    /// Left out of the report: `{what}` (a [`Noted`] of the kinds below), `{line}` quoted.
    Dropped => (
        "略去{what}：“{line}”",
        "Left out {what}: “{line}”",
    ),
    /// … an element the page does not show.
    Hidden => ("页面不显示的元素（隐藏）", "an element the page does not show (hidden)"),
    /// … the title line before part 一.
    TitleLine => ("正文前的标题行", "the title line before the text"),
    /// … chrome before part 一.
    ChromeBefore => ("正文前的页面装饰", "page decoration before the text"),
    /// … chrome at a line's end.
    ChromeAtEnd => ("行末的页面装饰", "page decoration at the end of a line"),
    /// … chrome glued to a line's start.
    ChromeAtStart => ("行首的页面装饰", "page decoration at the start of a line"),
    /// … a line of chrome.
    ChromeLine => ("页面装饰行", "a line of page decoration"),
    /// … a line of page information read into the metadata.
    InfoLine => (
        "页面信息行（已读入元数据）",
        "a line of page information (read into the metadata)",
    ),
    /// … a line of the text printed again.
    RepeatedLine => ("重复的正文行", "a repeated line of the text"),
    /// … a copy of the text run together.
    FlatCopy => (
        "正文的连排副本（其内容已在正文中）",
        "a run-together copy of the text (its content is in the text)",
    ),
    /// … the title printed again as the text's first lines.
    RepeatedTitle => ("正文开头重复的标题", "the title repeated at the start of the text"),
    /// A table, when it is no official one.
    ATableWord => ("表格", "A table"),
    /// A repeated table, as the line dropped.
    ATable => ("（表格）", "(a table)"),
    /// Parts run together on one line, split: `{n}` places.
    SplitParts => (
        "正文中各部分连排在同一行：已按编号（一、（一））拆分为 {n} 处",
        "Parts of the text ran together on one line: split at their numbers (“一、”, “（一）”) in {n} places",
    ),
    /// The text printed more than once: `{n}` lines left out.
    RepeatedBody => (
        "正文在页面中重复出现：保留一次，略去 {n} 行重复内容",
        "The text appears more than once on the page: kept once, {n} repeated lines left out",
    ),
    /// A table whose cells ran together in a text copy.
    FlatTable => (
        "表格在文本副本中失去了单元格界限（数字连在一起，无法可靠拆分），未作为数字导入，原文保留在表格说明中：“{text}”",
        "A table lost its cell boundaries in the text copy (its figures run together and cannot be split reliably): not imported as figures, its text kept in the table's note: “{text}”",
    ),
    /// More notes of a kind than are listed: `{more}` of `{n}`, the kind `{kind}`.
    MoreOfKind => (
        "……另有 {more} 条“{kind}”未逐条列出（共 {n} 条）",
        "… {more} more “{kind}” not listed one by one ({n} in all)",
    ),
    /// No title found.
    NoTitle => ("未找到报告标题：请用 --title 给出", "No report title found: give it with --title"),
    /// No title found on a page read in the browser (enhance mode: no --title there).
    NoTitleOnPage => (
        "未找到报告标题：页面的标题（h1 或 <title>）和文章中都没有 60 字以内、含“政府信息公开”和“报告”的一行，报告不显示标题",
        "No report title found: neither the page's title (h1 or <title>) nor a line of the article of at most 60 characters names “政府信息公开” and “报告”; the report is shown without one",
    ),
    /// No publisher given.
    NoAgency => (
        "页面未写明发布机构（发布机构、主办）",
        "The page does not give the publisher (“发布机构”, “主办”)",
    ),
    /// No date given.
    NoDate => ("页面未写明发布日期", "The page does not give the publication date"),
    /// A table printed under the next part, moved back: `{table}`, `{from}`, `{own}`.
    MovedBack => (
        "{table}印在“{from}”之下，而“{own}”没有内容（两部分的标题印在一起）：已放回“{own}”",
        "{table} was printed under “{from}” while “{own}” is empty (the two parts' headings printed together): moved back to “{own}”",
    ),
    /// A table the page lost, added empty.
    TableMissing => (
        "{table}在页面中缺失：已加入空的官方表格（单元格均为“未提供”）",
        "{table} is missing from the page: an empty official table was added (every cell “not given”)",
    ),
    /// 表三's received requests taken from the text: `{count}`, `{sentence}`.
    StatedRequests => (
        "表三“本年新收”总计 {count} 件取自正文：“{sentence}”",
        "Table 3's total of “本年新收”, {count}, is taken from the text: “{sentence}”",
    ),
    /// A table note: the table is an image on the page.
    LostImage => (
        "本表在来源页面中不是文字表格（可能是图片）。表中只填入报告正文明确写出的数字，其余单元格标为“未提供”，不以0代替。",
        "This table is not a table of text on the source page (perhaps an image). Only figures the report's text states are filled in; the other cells are marked not given, never 0.",
    ),
    /// A table note: the table is missing from the text copy.
    LostCopy => (
        "本表在报告页面的文本副本中缺失。表中只填入报告正文明确写出的数字，其余单元格标为“未提供”，不以0代替。",
        "This table is missing from the text copy of the report page. Only figures the report's text states are filled in; the other cells are marked not given, never 0.",
    ),
    /// A table note: the table's text with its figures run together.
    FlatKept => (
        "本表在文本副本中失去了单元格界限，数字连在一起，无法可靠拆分，故不作为数字显示。原文：{text}",
        "This table lost its cell boundaries in the text copy: its figures run together and cannot be split reliably, so they are not shown as figures. Its text: {text}",
    ),
    /// A table note: 表三's received requests from the text: `{count}`, `{heading}`, `{sentence}`.
    StatedRequestsKept => (
        "“一、本年新收政府信息公开申请数量”的总计{count}件，取自“{heading}”：“{sentence}”。正文未写明申请人类别和办理结果。",
        "The total of “一、本年新收政府信息公开申请数量”, {count}, is taken from “{heading}”: “{sentence}”. The text gives neither the applicants' kinds nor the outcomes.",
    ),
    /// None of a table's `{figures}` figures placed (starts as [`UNPLACED`] does).
    NonePlaced => (
        "未能放入表格的数字：{table}的 {figures} 个数字一个也未能放入表格（表头或行名无法对应，常见于错位的合并单元格）：数字保留在表格后的段落中",
        "Figures not placed in the table: none of {table}'s {figures} figures could be placed (the headers or row names do not match, common with misplaced merged cells): the figures are kept in a paragraph after the table",
    ),
    /// A printed row that is no row of the table, `{line}` (starts as [`UNPLACED`] does).
    RowNotOfficial => (
        "未能放入表格的数字：印出的行“{line}”不是{table}的官方栏目，未放入表格",
        "Figures not placed in the table: the printed row “{line}” is not an official row of {table}, not placed",
    ),
    /// Two printed names for one cell (starts as [`UNPLACED`] does).
    SameCell => (
        "未能放入表格的数字：两处印制的名称都对应本表同一格（{row} › {column}），该格保留先出现的 {first}，后出现的 {second} 未放入",
        "Figures not placed in the table: two printed names mean the same cell ({row} › {column}); it keeps the first, {first}, and the later {second} is not placed",
    ),
    /// Two headers for one column (starts as [`UNPLACED`] does).
    SameColumn => (
        "未能放入表格的数字：表头“{header}”与前面的表头都对应同一栏（{key}），这一栏的数字未放入表格：{figures}",
        "Figures not placed in the table: the header “{header}” names the same column ({key}) as a header before it; this column's figures are not placed: {figures}",
    ),
    /// A table that is no official one: `{id}`.
    Generic => (
        "表格 {id} 不是官方统计表，按普通表格导入",
        "Table {id} is not an official statistical table: imported as an ordinary table",
    ),
    /// Cells beyond a generic table's header: `{id}`, `{row}`, `{n}`, `{cells}`.
    BeyondHeader => (
        "表格 {id} 第 {row} 行有 {n} 个单元格超出表头的列，保留在表格后的段落中：{cells}",
        "Table {id}, row {row}: {n} cells lie beyond the header's columns, kept in a paragraph after the table: {cells}",
    ),
    /// A table rebuilt from a cell per paragraph: `{table}`, `{rows}`, `{figures}`, lines `{from}`–`{to}`.
    Rebuilt => (
        "{table}在文本中每格一段：按官方表格的行和列重建，{rows} 行、{figures} 个数字（第 {from} 至 {to} 行）",
        "{table} has a paragraph per cell in the text: rebuilt by the official table's rows and columns, {rows} rows, {figures} figures (lines {from} to {to})",
    ),
    /// A rebuilt row whose figures do not fit: `{table}`, `{label}`, `{n}`, `{figures}`, `{columns}`.
    RowFiguresMisfit => (
        "{table}的行“{label}”后有 {n} 个数字（{figures}），应为 {columns} 个：不能确定各数字属于哪一栏，此行不放入表格",
        "{table}'s row “{label}” is followed by {n} figures ({figures}) where it has {columns} columns: which figure is whose column is not certain, so the row is not placed",
    ),
    /// A table of one row, read as a paragraph.
    OneRowTable => (
        "只有一行的表格按段落导入：“{text}”",
        "A table of one row imported as a paragraph: “{text}”",
    ),
    /// What a table's grid capped or clipped: `{id}`, `{clip}`.
    TableClip => ("表格 {id}：{clip}", "Table {id}: {clip}"),
    /// A span past the browsers' limit.
    SpanCapped => (
        "第 {row} 行第 {cell} 个单元格的 {attr}={n} 超过浏览器的上限，按 {max} 处理",
        "Row {row}, cell {cell}: {attr}={n} is past the browsers' limit, read as {max}",
    ),
    /// A row span past the table's end.
    RowspanClipped => (
        "第 {row} 行第 {cell} 个单元格跨 {span} 行，表格只剩 {left} 行：按 {left} 行处理",
        "Row {row}, cell {cell} spans {span} rows where the table has {left} left: read as {left}",
    ),
    /// A printed name read as the official one, its bracket a remark.
    Qualified => (
        "名称“{given}”按官方名称“{official}”处理：括号中的“{aside}”是说明，不是名称的一部分",
        "The name “{given}” is read as the official “{official}”: “{aside}” in brackets is a remark, not part of the name",
    ),
    /// A printed name read as the closest official one.
    Closest => (
        "名称“{given}”与官方名称不完全一致，已按“{official}”处理",
        "The name “{given}” is not quite an official name: read as “{official}”",
    ),
    /// A row of a table: `{table}`, `{label}`.
    RowOf => ("{table}的行“{label}”", "{table}'s row “{label}”"),
    /// A row's data cells do not match the header's columns: `{what}`, `{cells}`, `{columns}`.
    CellsByColumn => (
        "{what}有 {cells} 个数据单元格，表头有 {columns} 栏：按所在列对应",
        "{what} has {cells} data cells where the header has {columns} columns: paired by the column each is in",
    ),
    /// A row that is no official row: `{table}`, `{label}`.
    RowNotPlaced => (
        "{table}中的行“{label}”不是官方栏目，未能放入表格",
        "{table}'s row “{label}” is not an official row: not placed in the table",
    ),
    /// A row that could not be placed: `{table}`, `{label}`.
    RowNotPut => (
        "{table}中的行“{label}”未能放入表格",
        "{table}'s row “{label}” could not be placed in the table",
    ),
    /// A part of a table that is not in this format: `{table}`, `{label}`.
    NotOfFormat => (
        "{table}中的“{label}”不是本格式的栏目",
        "“{label}” in {table} is not a part of this format",
    ),
    /// A table's count of data cells: `{table}`, `{n}`, `{placed}`.
    CellCount => (
        "{table}应有{n}个数据单元格，找到 {placed} 个",
        "{table} should have {n} data cells: {placed} found",
    ),
}

#[cfg(feature = "tool")]
impl From<super::tool_notes::ToolNoted> for Noted {
    fn from(noted: super::tool_notes::ToolNoted) -> Noted {
        Noted::Tool(noted)
    }
}

/// What starts every note below a table that lists printed figures the importer could not place
/// (the Chinese words a table keeps with it): the check finds such a note by it and reports it as
/// a finding of the table, so no figure is dropped silently.
pub const UNPLACED: &str = "未能放入表格的数字：";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_has_both_languages_with_the_same_holes() {
        crate::labels::assert_both_languages(ALL, frame);
    }

    /// The notes a table keeps that list figures not placed start as the check finds them.
    #[test]
    fn unplaced_notes_start_as_the_check_finds_them() {
        for noted in [
            Noted::NonePlaced,
            Noted::RowNotOfficial,
            Noted::SameCell,
            Noted::SameColumn,
        ] {
            assert!(frame(noted).0.starts_with(UNPLACED), "{noted:?}");
        }
    }
}
