//! The words report-tool says to reviewers (its lines on standard output and error, its batch
//! review and summary page), in Chinese and in English (`--lang en`). Holes are `{name}` (see
//! [`super::Labels::fill`]). Only report-tool reads them: never part of the browser build.

/// What report-tool says.
#[derive(Debug)]
pub struct ReviewWords {
    /// The summary page's and the tool's language tag.
    pub lang: &'static str,
    /// `{what}` said of `{path}` (a file that does not read, a report that does not import).
    pub at: &'static str,
    /// A file that cannot be read: `{path}`, `{why}`.
    pub cannot_read: &'static str,
    /// A path that is no regular file: `{path}`.
    pub not_a_file: &'static str,
    /// A file that cannot be written: `{path}`, `{why}`.
    pub cannot_write: &'static str,
    /// A folder that cannot be made: `{path}`, `{why}`.
    pub cannot_create: &'static str,
    /// `--previous` with several reports.
    pub previous_one: &'static str,
    /// No page among the inputs.
    pub no_pages: &'static str,
    /// Several pages without `-o`.
    pub folder_needed: &'static str,
    /// `--title` with several pages.
    pub title_one: &'static str,
    /// Several pages imported: `{done}`, `{failed}`, `{folder}`.
    pub imported_all: &'static str,
    /// One page imported: `{input}`, `{kind}`, `{encoding}`, `{parts}`, `{blocks}`.
    pub imported: &'static str,
    /// A text copy, as the kind of page imported.
    pub text_kind: &'static str,
    /// The JSON written does not read back: `{why}`.
    pub read_back_failed: &'static str,
    /// A page checked after importing it: `{path}`, `{n}` notes.
    pub imported_first: &'static str,
    /// A link in a folder, passed over: `{path}`.
    pub link_skipped: &'static str,
    /// Something not a regular file, passed over: `{path}`.
    pub not_regular_skipped: &'static str,
    /// No report could be read.
    pub no_reports: &'static str,
    /// The summary page's title: `{n}` reports.
    pub review_title: &'static str,
    /// The sum check's line: `{title}`, `{n}` parts, `{compared}`, `{differ}`, `{not}`.
    pub sum_line: &'static str,
    /// Above the counts the text states: `{n}`.
    pub claims_heading: &'static str,
    /// A finding's severity: error, warning, note.
    pub severity: [&'static str; 3],
    /// A finding's figures: `{expected}`, `{printed}`.
    pub figures: &'static str,
    /// Nothing found.
    pub passed: &'static str,
    /// What was found: `{errors}`, `{warnings}`.
    pub found: &'static str,
    /// A review's line for a file that does not read: `{path}`, `{why}` (tab-separated).
    pub row_unreadable: &'static str,
    /// A review's line: `{agency}`, `{year}`, `{title}`, `{format}`, `{errors}`, `{warnings}`,
    /// `{path}` (tab-separated).
    pub row: &'static str,
    /// A year: `{year}`.
    pub year: &'static str,
    /// A report without official tables, as its format.
    pub no_tables: &'static str,
    /// A review's total: `{reports}`, `{with_errors}`, `{errors}`, `{warnings}`.
    pub total: &'static str,
    /// … and files that do not read: `{n}`.
    pub total_unreadable: &'static str,
    /// The summary table's caption.
    pub caption: &'static str,
    /// The summary table's column heads: report, agency, year, format, errors, warnings.
    pub heads: [&'static str; 6],
    /// Under a report that does not read: `{why}`.
    pub unreadable: &'static str,
    /// A report's findings to act on: `{n}`.
    pub to_act_on: &'static str,
    /// One finding: `{severity}`, `{rule}`, `{table}`, `{message}`.
    pub finding: &'static str,
    /// A report that passed.
    pub passed_short: &'static str,
}

/// What report-tool is, for `--help`.
pub const ABOUT: &str = "政府信息公开工作年度报告：导入页面、核对数据、输出 JSON Schema (import government information disclosure annual reports, check them, print the JSON Schema)";

/// The format of a review row without official tables, as the record says it (`--json`).
pub const NO_TABLES: &str = "无官方表格";

/// Chinese.
pub static ZH: ReviewWords = ReviewWords {
    lang: "zh-CN",
    at: "{path}：{what}",
    cannot_read: "无法读取 {path}：{why}",
    not_a_file: "无法读取 {path}：不是普通文件",
    cannot_write: "无法写入 {path}：{why}",
    cannot_create: "无法创建 {path}：{why}",
    previous_one: "--previous 只能用于核对一份报告",
    no_pages: "没有可导入的页面（.html .htm .txt .pdf）",
    folder_needed: "导入多个页面时请用 -o 指定输出文件夹",
    title_one: "--title 只能用于导入一个页面",
    imported_all: "共导入 {done} 个页面，{failed} 个失败，输出到 {folder}",
    imported: "导入 {input}（{kind}，{encoding}）：{parts} 个部分，{blocks} 个内容块",
    text_kind: "文本",
    read_back_failed: "内部错误，导出的 JSON 无法读回：{why}",
    imported_first: "{path}：先导入（{n} 条导入说明，report-tool import 列出全部）",
    link_skipped: "略过链接：{path}（不跟随文件夹中的链接）",
    not_regular_skipped: "略过不是普通文件的：{path}",
    no_reports: "没有可读取的报告",
    review_title: "政府信息公开工作年度报告核对（{n} 份）",
    sum_line: "{title}：与 {n} 份下级报告之和核对 {compared} 格，{differ} 格不一致，{not} 格因有报告未印数字未核对",
    claims_heading: "正文中陈述的数字（{n} 处）：",
    severity: ["错误", "警告", "说明"],
    figures: "（应为 {expected}；表中为 {printed}）",
    passed: "核对通过：未发现错误或警告。",
    found: "共 {errors} 处错误，{warnings} 处警告。",
    row_unreadable: "{path}\t无法读取：{why}",
    row: "{agency}\t{year}\t{title}\t{format}格式\t{errors} 处错误\t{warnings} 处警告\t{path}",
    year: "{year}年",
    no_tables: NO_TABLES,
    total: "共 {reports} 份报告：{with_errors} 份有错误；错误 {errors} 处，警告 {warnings} 处",
    total_unreadable: "；{n} 个文件无法读取",
    caption: "各报告核对结果（按错误数排序；点击表头可重新排序）",
    heads: ["报告", "发布机构", "年度", "表格格式", "错误", "警告"],
    unreadable: "无法读取：{why}",
    to_act_on: "{n} 项需要处理",
    finding: "{severity}（{rule}）{table}：{message}",
    passed_short: "核对通过",
};

/// English.
pub static EN: ReviewWords = ReviewWords {
    lang: "en",
    at: "{path}: {what}",
    cannot_read: "cannot read {path}: {why}",
    not_a_file: "cannot read {path}: not a regular file",
    cannot_write: "cannot write {path}: {why}",
    cannot_create: "cannot create {path}: {why}",
    previous_one: "--previous checks one report only",
    no_pages: "no page to import (.html .htm .txt .pdf)",
    folder_needed: "to import several pages, name the output folder with -o",
    title_one: "--title imports one page only",
    imported_all: "Pages imported: {done}, failed: {failed}; written to {folder}",
    imported: "Imported {input} ({kind}, {encoding}): {parts} parts, {blocks} blocks",
    text_kind: "text",
    read_back_failed: "internal error: the JSON written does not read back: {why}",
    imported_first: "{path}: imported first ({n} import notes; report-tool import lists them all)",
    link_skipped: "passed over the link {path} (links in folders are not followed)",
    not_regular_skipped: "passed over {path}: not a regular file",
    no_reports: "no report could be read",
    review_title: "Government information disclosure annual reports checked: {n}",
    sum_line: "{title}: checked against the sum of {n} reports below it, {compared} cells: {differ} differ, {not} not checked (a report does not print the figure)",
    claims_heading: "Figures the text states ({n}):",
    severity: ["Error", "Warning", "Note"],
    figures: " (should be {expected}; the table gives {printed})",
    passed: "Checked: no errors or warnings.",
    found: "Errors: {errors}, warnings: {warnings}.",
    row_unreadable: "{path}\tcannot be read: {why}",
    row: "{agency}\t{year}\t{title}\tformat {format}\terrors: {errors}\twarnings: {warnings}\t{path}",
    year: "{year}",
    no_tables: "none",
    total: "Reports: {reports}, with errors: {with_errors}; errors: {errors}, warnings: {warnings}",
    total_unreadable: "; files that cannot be read: {n}",
    caption: "Each report's check (most errors first; press a column head to sort by it)",
    heads: ["Report", "Publisher", "Year", "Table format", "Errors", "Warnings"],
    unreadable: "Cannot be read: {why}",
    to_act_on: "{n} to act on",
    finding: "{severity} ({rule}) {table}: {message}",
    passed_short: "Checked: nothing to act on",
};

/// The words for a language tag: English for `en…`, Chinese otherwise.
pub fn for_language(tag: &str) -> &'static ReviewWords {
    if tag.to_ascii_lowercase().starts_with("en") {
        &EN
    } else {
        &ZH
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::holes;

    /// Both languages say everything, with the same holes and the same tab-separated columns.
    #[test]
    fn both_languages_have_every_frame_with_the_same_holes() {
        let frames = |w: &ReviewWords| {
            let mut f = vec![
                w.at,
                w.cannot_read,
                w.not_a_file,
                w.cannot_write,
                w.cannot_create,
                w.previous_one,
                w.no_pages,
                w.folder_needed,
                w.title_one,
                w.imported_all,
                w.imported,
                w.text_kind,
                w.read_back_failed,
                w.imported_first,
                w.link_skipped,
                w.not_regular_skipped,
                w.no_reports,
                w.review_title,
                w.sum_line,
                w.claims_heading,
                w.figures,
                w.passed,
                w.found,
                w.row_unreadable,
                w.row,
                w.year,
                w.no_tables,
                w.total,
                w.total_unreadable,
                w.caption,
                w.unreadable,
                w.to_act_on,
                w.finding,
                w.passed_short,
            ];
            f.extend(w.severity);
            f.extend(w.heads);
            f
        };
        for (zh, en) in frames(&ZH).into_iter().zip(frames(&EN)) {
            assert!(!zh.is_empty() && !en.is_empty());
            assert_eq!(holes(zh), holes(en), "{zh} / {en}");
            assert_eq!(zh.matches('\t').count(), en.matches('\t').count(), "{zh}");
        }
        assert!(std::ptr::eq(for_language("en-GB"), &EN));
        assert!(std::ptr::eq(for_language("zh-CN"), &ZH));
    }
}
