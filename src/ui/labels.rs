//! Every fixed text of the interface, in one place: Simplified Chinese, and English for portals
//! that ask for it (`data-lang="en"`). The report's own text is never translated.

use leptos::prelude::*;

/// The interface language of one viewer, provided as context.
#[derive(Clone, Copy)]
pub struct Lang(pub &'static Labels);

/// The texts of the current viewer (Chinese when none was chosen).
pub fn labels() -> &'static Labels {
    use_context::<Lang>().map(|l| l.0).unwrap_or(&ZH)
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
pub struct Labels {
    pub loading: &'static str,
    pub retry: &'static str,
    pub load_failed: &'static str,
    pub data_error: &'static str,
    pub http_error: &'static str,
    pub network_error: &'static str,
    pub published: &'static str,
    pub source: &'static str,
    pub agency: &'static str,
    pub undertaker: &'static str,
    pub views: &'static str,
    pub report_year: &'static str,
    pub sample_badge: &'static str,
    pub sample_note: &'static str,
    pub contents: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    pub toolbar: &'static str,
    pub check_heading: &'static str,
    pub check_ok: &'static str,
    pub check_problems: &'static str,
    pub not_provided: &'static str,
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
    pub scroll_hint: &'static str,
    pub print: &'static str,
    pub save: &'static str,
    pub save_html: &'static str,
    pub save_json: &'static str,
    pub save_csv: &'static str,
    pub report_address: &'static str,
    pub lang_tag: &'static str,
}

/// Simplified Chinese, the default.
pub const ZH: Labels = Labels {
    loading: "正在加载报告……",
    retry: "重新加载",
    load_failed: "报告未能显示",
    data_error: "报告数据有误",
    http_error: "服务器未返回报告",
    network_error: "无法连接到服务器",
    published: "发布时间",
    source: "来源",
    agency: "主办",
    undertaker: "承办",
    views: "点击量",
    report_year: "报告年度",
    sample_badge: "示例数据",
    sample_note: "本报告为演示用的示例数据，机构名称和全部数字均为虚构。",
    contents: "目录",
    expand_all: "展开全部",
    collapse_all: "收起全部",
    toolbar: "报告工具",
    check_heading: "数据核对",
    check_ok: "统计表中未发现前后不一致的数字。",
    check_problems: "统计表中发现需要核实的数字：",
    not_provided: "未提供",
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
    scroll_hint: "表格较宽，可左右滚动查看。",
    print: "打印",
    save: "保存",
    save_html: "网页文件（HTML，可离线阅读）",
    save_json: "原始数据（JSON）",
    save_csv: "（CSV 表格）",
    report_address: "报告地址",
    lang_tag: "zh-CN",
};

/// English interface texts.
pub const EN: Labels = Labels {
    loading: "Loading the report…",
    retry: "Try again",
    load_failed: "The report could not be shown",
    data_error: "the report data is wrong",
    http_error: "the server did not return the report",
    network_error: "the server could not be reached",
    published: "Published",
    source: "Source",
    agency: "Publisher",
    undertaker: "Operated by",
    views: "Views",
    report_year: "Report year",
    sample_badge: "Sample data",
    sample_note: "This is a sample report: the agency and every figure are made up.",
    contents: "Contents",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    toolbar: "Report tools",
    check_heading: "Data check",
    check_ok: "The statistical tables hold together.",
    check_problems: "Figures in the tables that need checking:",
    not_provided: "not given",
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
    scroll_hint: "The table is wide: scroll sideways to see it all.",
    print: "Print",
    save: "Save",
    save_html: "Web page (HTML, reads offline)",
    save_json: "Original data (JSON)",
    save_csv: " (CSV)",
    report_address: "Report address",
    lang_tag: "en",
};
