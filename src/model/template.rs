//! The official tables 二, 三 and 四 in the 2019 trial format (国办公开办函〔2019〕60号) and the
//! 2021 format (国办公开办函〔2021〕30号): labels, header structure and stable keys.
//!
//! A report may give only figures by key (or by printed label, matched loosely); the template
//! supplies everything else, so every portal shows the same official table.

use super::cell::Cell;
use super::finding::{Finding, Rule, Severity};
use super::table::{leaves, CellPos, Header, StatTable, TableBlock, TableGroup};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which official table, in which format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum TemplateId {
    /// 表二 主动公开政府信息情况, 2019 trial format (five blocks, 22 cells).
    #[serde(rename = "table2-2019")]
    Table2v2019,
    /// 表二 主动公开政府信息情况, 2021 format (four blocks, 10 cells).
    #[serde(rename = "table2-2021")]
    Table2v2021,
    /// 表三 收到和处理政府信息公开申请情况, 2019 trial format (23 rows).
    #[serde(rename = "table3-2019")]
    Table3v2019,
    /// 表三 收到和处理政府信息公开申请情况, 2021 format (25 rows).
    #[serde(rename = "table3-2021")]
    Table3v2021,
    /// 表四 政府信息公开行政复议、行政诉讼情况, 2019 trial format.
    #[serde(rename = "table4-2019")]
    Table4v2019,
    /// 表四 政府信息公开行政复议、行政诉讼情况, 2021 format (same layout as 2019).
    #[serde(rename = "table4-2021")]
    Table4v2021,
}

/// What a value column holds, for the N1 rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// A count: a whole number, zero or more.
    Count,
    /// A change in a count (本年增/减): a whole number, may be negative.
    SignedCount,
    /// An amount of money (万元 or 元): zero or more, decimals allowed.
    Amount,
}

/// The applicant columns of 表三, in order; the last is the total.
pub const TABLE3_COLUMNS: &[&str] = &[
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_services",
    "other_org",
    "total",
];

/// Result rows of 表三 that add up to （七）总计, per format.
pub fn table3_result_rows(id: TemplateId) -> Vec<&'static str> {
    let mut rows = vec!["granted", "partly_granted"];
    rows.extend(TABLE3_REFUSED.iter().map(|(k, _)| *k));
    rows.extend(TABLE3_UNAVAILABLE.iter().map(|(k, _)| *k));
    rows.extend(TABLE3_NOT_PROCESSED.iter().map(|(k, _)| *k));
    if id == TemplateId::Table3v2021 {
        rows.extend(TABLE3_OTHER_2021.iter().map(|(k, _)| *k));
    } else {
        rows.push("other_handling");
    }
    rows
}

/// The groups of 表四 (review, lawsuit without review, lawsuit after review).
pub const TABLE4_GROUPS: &[&str] = &["review", "direct_suit", "suit_after_review"];
/// The columns of each group of 表四; the last is the total.
pub const TABLE4_COLUMNS: &[&str] = &["upheld", "corrected", "other", "pending", "total"];

const TABLE3_REFUSED: &[(&str, &str)] = &[
    ("refused_state_secret", "1.属于国家秘密"),
    ("refused_prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("refused_three_safeties", "3.危及“三安全一稳定”"),
    ("refused_third_party", "4.保护第三方合法权益"),
    ("refused_internal_affairs", "5.属于三类内部事务信息"),
    ("refused_process_info", "6.属于四类过程性信息"),
    ("refused_enforcement_files", "7.属于行政执法案卷"),
    ("refused_inquiry", "8.属于行政查询事项"),
];
const TABLE3_UNAVAILABLE: &[(&str, &str)] = &[
    ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "3.补正后申请内容仍不明确"),
];
const TABLE3_NOT_PROCESSED: &[(&str, &str)] = &[
    ("not_processed_petition", "1.信访举报投诉类申请"),
    ("not_processed_repeated", "2.重复申请"),
    ("not_processed_publication", "3.要求提供公开出版物"),
    ("not_processed_excessive", "4.无正当理由大量反复申请"),
    (
        "not_processed_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
    ),
];
const TABLE3_OTHER_2021: &[(&str, &str)] = &[
    (
        "other_overdue_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other_unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other_other", "3.其他"),
];

/// The corner note of 表三, the only identity the form itself prints.
pub const TABLE3_CORNER: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

fn leaf(label: &str, key: &str) -> Header {
    Header::leaf(label, Some(key))
}

fn leaves_of(items: &[(&str, &str)]) -> Vec<Header> {
    items.iter().map(|(k, l)| leaf(l, k)).collect()
}

fn group(heading: &str, corner: &str, columns: Vec<Header>, rows: Vec<Header>) -> TableGroup {
    TableGroup {
        heading: Some(heading.to_string()),
        corner: Some(corner.to_string()),
        columns,
        rows,
        cells: Vec::new(),
    }
}

impl TemplateId {
    /// Every template.
    pub const ALL: [TemplateId; 6] = [
        TemplateId::Table2v2019,
        TemplateId::Table2v2021,
        TemplateId::Table3v2019,
        TemplateId::Table3v2021,
        TemplateId::Table4v2019,
        TemplateId::Table4v2021,
    ];

    /// The table's number in the report: 2, 3 or 4.
    pub fn table_number(self) -> u8 {
        match self {
            TemplateId::Table2v2019 | TemplateId::Table2v2021 => 2,
            TemplateId::Table3v2019 | TemplateId::Table3v2021 => 3,
            TemplateId::Table4v2019 | TemplateId::Table4v2021 => 4,
        }
    }

    /// The format year: 2019 (trial) or 2021.
    pub fn format_year(self) -> u16 {
        match self {
            TemplateId::Table2v2019 | TemplateId::Table3v2019 | TemplateId::Table4v2019 => 2019,
            _ => 2021,
        }
    }

    /// Short label: 表二, 表三 or 表四.
    pub fn label(self) -> &'static str {
        match self.table_number() {
            2 => "表二",
            3 => "表三",
            _ => "表四",
        }
    }

    /// The official caption.
    pub fn caption(self) -> &'static str {
        match self.table_number() {
            2 => "主动公开政府信息情况",
            3 => "收到和处理政府信息公开申请情况",
            _ => "政府信息公开行政复议、行政诉讼情况",
        }
    }

    /// Unit of the counts (amount columns name their own unit).
    pub fn unit(self) -> Option<&'static str> {
        match self.table_number() {
            2 => None,
            _ => Some("件"),
        }
    }

    /// Whether values are keyed by column group (表四: one data row, groups of columns).
    fn keys_by_column_group(self) -> bool {
        self.table_number() == 4
    }

    /// What a column holds.
    pub fn column_kind(self, column_key: &str) -> ColumnKind {
        match column_key {
            "change" => ColumnKind::SignedCount,
            "amount" => ColumnKind::Amount,
            _ => ColumnKind::Count,
        }
    }

    /// The official header structure, without cells.
    pub fn groups(self) -> Vec<TableGroup> {
        match self {
            TemplateId::Table2v2019 => table2_2019(),
            TemplateId::Table2v2021 => table2_2021(),
            TemplateId::Table3v2019 | TemplateId::Table3v2021 => vec![table3(self)],
            TemplateId::Table4v2019 | TemplateId::Table4v2021 => vec![table4()],
        }
    }
}

fn table2_2019() -> Vec<TableGroup> {
    let items = || {
        vec![
            leaf("上一年项目数量", "last_year_items"),
            leaf("本年增/减", "change"),
            leaf("处理决定数量", "decisions"),
        ]
    };
    vec![
        group(
            "第二十条第（一）项",
            "信息内容",
            vec![
                leaf("本年新制作数量", "made"),
                leaf("本年新公开数量", "published"),
                leaf("对外公开总数量", "total_published"),
            ],
            vec![
                leaf("规章", "regulations"),
                leaf("规范性文件", "normative_documents"),
            ],
        ),
        group(
            "第二十条第（五）项",
            "信息内容",
            items(),
            vec![
                leaf("行政许可", "licensing"),
                leaf("其他对外管理服务事项", "other_services"),
            ],
        ),
        group(
            "第二十条第（六）项",
            "信息内容",
            items(),
            vec![leaf("行政处罚", "penalty"), leaf("行政强制", "coercion")],
        ),
        group(
            "第二十条第（八）项",
            "信息内容",
            vec![
                leaf("上一年项目数量", "last_year_items"),
                leaf("本年增/减", "change"),
            ],
            vec![leaf("行政事业性收费", "fees")],
        ),
        group(
            "第二十条第（九）项",
            "信息内容",
            vec![leaf("采购项目数量", "items"), leaf("采购总金额", "amount")],
            vec![leaf("政府集中采购", "procurement")],
        ),
    ]
}

fn table2_2021() -> Vec<TableGroup> {
    let decisions = || vec![leaf("本年处理决定数量", "decisions")];
    vec![
        group(
            "第二十条第（一）项",
            "信息内容",
            vec![
                leaf("本年制发件数", "issued"),
                leaf("本年废止件数", "repealed"),
                leaf("现行有效件数", "in_force"),
            ],
            vec![
                leaf("规章", "regulations"),
                leaf("行政规范性文件", "normative_documents"),
            ],
        ),
        group(
            "第二十条第（五）项",
            "信息内容",
            decisions(),
            vec![leaf("行政许可", "licensing")],
        ),
        group(
            "第二十条第（六）项",
            "信息内容",
            decisions(),
            vec![leaf("行政处罚", "penalty"), leaf("行政强制", "coercion")],
        ),
        group(
            "第二十条第（八）项",
            "信息内容",
            vec![leaf("本年收费金额（单位：万元）", "amount")],
            vec![leaf("行政事业性收费", "fees")],
        ),
    ]
}

fn table3(id: TemplateId) -> TableGroup {
    let columns = vec![Header::group(
        "申请人情况",
        vec![
            leaf("自然人", "natural_person"),
            Header::group(
                "法人或其他组织",
                vec![
                    leaf("商业企业", "commercial"),
                    leaf("科研机构", "research"),
                    leaf("社会公益组织", "public_interest"),
                    leaf("法律服务机构", "legal_services"),
                    leaf("其他", "other_org"),
                ],
            ),
            leaf("总计", "total"),
        ],
    )];
    let other = if id == TemplateId::Table3v2021 {
        Header::group("（六）其他处理", leaves_of(TABLE3_OTHER_2021))
    } else {
        leaf("（六）其他处理", "other_handling")
    };
    let rows = vec![
        leaf("一、本年新收政府信息公开申请数量", "new_requests"),
        leaf("二、上年结转政府信息公开申请数量", "carried_over"),
        Header::group(
            "三、本年度办理结果",
            vec![
                leaf("（一）予以公开", "granted"),
                leaf(
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                    "partly_granted",
                ),
                Header::group("（三）不予公开", leaves_of(TABLE3_REFUSED)),
                Header::group("（四）无法提供", leaves_of(TABLE3_UNAVAILABLE)),
                Header::group("（五）不予处理", leaves_of(TABLE3_NOT_PROCESSED)),
                other,
                leaf("（七）总计", "results_total"),
            ],
        ),
        leaf("四、结转下年度继续办理", "carried_forward"),
    ];
    TableGroup {
        heading: None,
        corner: Some(TABLE3_CORNER.to_string()),
        columns,
        rows,
        cells: Vec::new(),
    }
}

fn table4() -> TableGroup {
    let five = |group: &str| {
        [
            ("结果维持", "upheld"),
            ("结果纠正", "corrected"),
            ("其他结果", "other"),
            ("尚未审结", "pending"),
            ("总计", "total"),
        ]
        .iter()
        .map(|(l, k)| leaf(l, &format!("{group}.{k}")))
        .collect::<Vec<_>>()
    };
    let keyed_group = |label: &str, key: &str| Header {
        label: label.to_string(),
        key: Some(key.to_string()),
        children: five(key),
    };
    TableGroup {
        heading: None,
        corner: None,
        columns: vec![
            keyed_group("行政复议", "review"),
            Header::group(
                "行政诉讼",
                vec![
                    keyed_group("未经复议直接起诉", "direct_suit"),
                    keyed_group("复议后起诉", "suit_after_review"),
                ],
            ),
        ],
        rows: Vec::new(),
        cells: Vec::new(),
    }
}

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
            if !rest.is_empty()
                && rest
                    .chars()
                    .all(|x| x.is_ascii_digit() || ('０'..='９').contains(&x))
            {
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

fn key_of(h: &Header) -> String {
    h.key.clone().unwrap_or_else(|| h.label.clone())
}

/// Builds the shown table of an official template from the figures a report gives, with a finding
/// for every name that matched no official row or column and every label matched only loosely.
pub fn instantiate(id: TemplateId, block: &TableBlock) -> (StatTable, Vec<Finding>) {
    let mut findings = Vec::new();
    let id = if id == TemplateId::Table3v2021 && other_handling_as_one_row(block) {
        // Several published 2021-format reports print （六）其他处理 as one row, as the 2019
        // format does: show and check it in that layout, and say so.
        findings.push(Finding {
            rule: Rule::Label,
            severity: Severity::Info,
            table_id: None,
            table: format!("{}　{}", id.label(), id.caption()),
            row: Some("（六）其他处理".into()),
            column: None,
            expected: None,
            printed: None,
            cells: Vec::new(),
            message:
                "“（六）其他处理”印为一行，没有分项（2019年试行格式的版式）：按该版式显示和核对。"
                    .into(),
        });
        TemplateId::Table3v2019
    } else {
        id
    };
    let mut groups = id.groups();
    let mut keyed = BTreeMap::new();
    for (g, group) in groups.iter_mut().enumerate() {
        let rows = group.row_count();
        let cols = leaves(&group.columns);
        group.cells = vec![vec![Cell::not_provided(); cols.len()]; rows];
        let row_leaves = leaves(&group.rows);
        for (c, col_path) in cols.iter().enumerate() {
            let col_key = key_of(col_path[col_path.len() - 1]);
            if id.keys_by_column_group() {
                if let Some((grp, leaf_key)) = col_key.split_once('.') {
                    keyed.insert(
                        (grp.to_string(), leaf_key.to_string()),
                        CellPos {
                            group: g,
                            row: 0,
                            column: c,
                        },
                    );
                }
            } else {
                for (r, row_path) in row_leaves.iter().enumerate() {
                    let row_key = key_of(row_path[row_path.len() - 1]);
                    keyed.insert(
                        (row_key, col_key.clone()),
                        CellPos {
                            group: g,
                            row: r,
                            column: c,
                        },
                    );
                }
            }
        }
    }

    let caption = block
        .caption
        .clone()
        .unwrap_or_else(|| id.caption().to_string());
    let table_name = format!("{}　{}", id.label(), caption);

    // Row candidates: (key, label). Columns depend on the row.
    let row_candidates: Vec<(String, String)> = if id.keys_by_column_group() {
        let mut out = Vec::new();
        collect_keyed_groups(&groups[0].columns, &mut out);
        out
    } else {
        groups
            .iter()
            .flat_map(|g| leaves(&g.rows))
            .map(|p| (key_of(p[p.len() - 1]), p[p.len() - 1].label.clone()))
            .collect()
    };

    for (row_name, cells) in &block.values {
        let row_key = match match_label(row_name, &row_candidates) {
            Some(m) => resolve_match(m, row_name, &table_name, &mut findings),
            None => {
                let figures: Vec<String> = cells
                    .iter()
                    .map(|(c, cell)| {
                        let col = groups
                            .iter()
                            .flat_map(|g| leaves(&g.columns))
                            .find(|p| p.last().and_then(|h| h.key.as_deref()) == Some(c))
                            .and_then(|p| p.last().map(|h| h.label.clone()))
                            .unwrap_or_else(|| c.clone());
                        format!("{col} {}", shown_text(cell))
                    })
                    .collect();
                findings.push(Finding::unknown_name(
                    &block.id,
                    &table_name,
                    row_name,
                    None,
                    &figures.join("，"),
                ));
                continue;
            }
        };
        let col_candidates: Vec<(String, String)> = keyed
            .keys()
            .filter(|(r, _)| *r == row_key)
            .map(|(_, c)| {
                let pos = keyed[&(row_key.clone(), c.clone())];
                let label = leaves(&groups[pos.group].columns)[pos.column]
                    .last()
                    .map(|h| h.label.clone())
                    .unwrap_or_default();
                (c.clone(), label)
            })
            .collect();
        for (col_name, cell) in cells {
            let col_key = match match_label(col_name, &col_candidates) {
                Some(m) => resolve_match(m, col_name, &table_name, &mut findings),
                None => {
                    findings.push(Finding::unknown_name(
                        &block.id,
                        &table_name,
                        row_name,
                        Some(col_name),
                        &shown_text(cell),
                    ));
                    continue;
                }
            };
            if let Some(pos) = keyed.get(&(row_key.clone(), col_key)) {
                groups[pos.group].cells[pos.row][pos.column] = cell.clone();
            }
        }
    }

    let table = StatTable {
        id: block.id.clone(),
        template: Some(id),
        label: Some(id.label().to_string()),
        caption,
        unit: block.unit.clone().or(id.unit().map(str::to_string)),
        groups,
        derived: BTreeMap::new(),
        keyed,
        notes: block.notes.clone(),
    };
    (table, findings)
}

/// True when a 2021-format 表三 gives （六）其他处理 as one row and none of its three sub-rows.
fn other_handling_as_one_row(block: &TableBlock) -> bool {
    let one = [("other_handling".to_string(), "（六）其他处理".to_string())];
    let subs: Vec<(String, String)> = TABLE3_OTHER_2021
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect();
    let names = || block.values.keys();
    names().any(|n| matches!(match_label(n, &one), Some(LabelMatch::Exact(_))))
        && !names().any(|n| match_label(n, &subs).is_some())
}

/// A cell's printed text as messages show it: quoted short, or 空白.
pub(super) fn shown_text(cell: &Cell) -> String {
    match cell.text.trim() {
        "" => "空白".into(),
        t => super::finding::quote(t),
    }
}

fn collect_keyed_groups(forest: &[Header], out: &mut Vec<(String, String)>) {
    for h in forest {
        match &h.key {
            Some(k) if !h.children.is_empty() => out.push((k.clone(), h.label.clone())),
            _ => collect_keyed_groups(&h.children, out),
        }
    }
}

fn resolve_match(
    m: LabelMatch,
    given: &str,
    table_name: &str,
    findings: &mut Vec<Finding>,
) -> String {
    match m {
        LabelMatch::Exact(k) => k,
        LabelMatch::Closest(k, official) => {
            findings.push(Finding {
                rule: Rule::Label,
                severity: Severity::Info,
                table_id: None,
                table: table_name.to_string(),
                row: Some(official.clone()),
                column: None,
                expected: Some(official.clone()),
                printed: Some(given.to_string()),
                cells: Vec::new(),
                message: format!("名称“{given}”与官方名称不完全一致，已按“{official}”处理。"),
            });
            k
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_count(id: TemplateId) -> usize {
        id.groups()
            .iter()
            .map(|g| g.row_count() * g.column_count())
            .sum()
    }

    #[test]
    fn templates_have_the_official_cell_counts() {
        assert_eq!(cell_count(TemplateId::Table2v2019), 22);
        assert_eq!(cell_count(TemplateId::Table2v2021), 10);
        assert_eq!(cell_count(TemplateId::Table3v2019), 161);
        assert_eq!(cell_count(TemplateId::Table3v2021), 175);
        assert_eq!(cell_count(TemplateId::Table4v2019), 15);
        assert_eq!(cell_count(TemplateId::Table4v2021), 15);
        assert_eq!(TemplateId::Table3v2019.groups()[0].row_count(), 23);
        assert_eq!(TemplateId::Table3v2021.groups()[0].row_count(), 25);
        assert_eq!(TemplateId::Table2v2019.groups().len(), 5);
        assert_eq!(TemplateId::Table2v2021.groups().len(), 4);
    }

    #[test]
    fn every_template_cell_has_a_unique_key() {
        for id in TemplateId::ALL {
            let block: TableBlock = serde_json::from_str(r#"{"id":"t"}"#).unwrap();
            let (table, findings) = instantiate(id, &block);
            assert!(findings.is_empty());
            assert_eq!(table.keyed.len(), cell_count(id), "{id:?}");
            let positions: std::collections::BTreeSet<_> = table.keyed.values().collect();
            assert_eq!(positions.len(), cell_count(id), "{id:?}");
        }
    }

    #[test]
    fn result_rows_cover_every_result_leaf() {
        for id in [TemplateId::Table3v2019, TemplateId::Table3v2021] {
            let block: TableBlock = serde_json::from_str(r#"{"id":"t"}"#).unwrap();
            let (table, _) = instantiate(id, &block);
            let n = table3_result_rows(id).len();
            assert_eq!(n + 4, table.groups[0].row_count(), "{id:?}");
            for key in table3_result_rows(id) {
                assert!(table.keyed_cell(key, "total").is_some(), "{key}");
            }
        }
    }

    #[test]
    fn label_variants_match() {
        let rows: Vec<(String, String)> = leaves(&TemplateId::Table3v2021.groups()[0].rows)
            .iter()
            .map(|p| (key_of(p[p.len() - 1]), p[p.len() - 1].label.clone()))
            .collect();
        let exact = |name: &str, key: &str| {
            assert_eq!(
                match_label(name, &rows),
                Some(LabelMatch::Exact(key.to_string())),
                "{name}"
            )
        };
        exact("new_requests", "new_requests");
        exact("一、本年新收政府信息公开申请数量", "new_requests");
        exact("本年新收政府信息公开申请数量", "new_requests");
        exact(" 一、本年新收 政府信息公开申请数量 ", "new_requests");
        exact("3.危及\"三安全一稳定\"", "refused_three_safeties");
        exact("3、危及“三安全一稳定”", "refused_three_safeties");
        exact("（七）合计", "results_total");
        exact("(七)总计", "results_total");
        exact("（七）总计[1]", "results_total");
        exact(
            "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
            "other_overdue_correction",
        );
        exact("１.属于国家秘密", "refused_state_secret");
        // A word missing inside a long label: closest match, reported.
        assert_eq!(
            match_label(
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不处理其政府信息公开申请",
                &rows
            ),
            Some(LabelMatch::Closest(
                "other_unpaid_fee".into(),
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请".into()
            ))
        );
        assert_eq!(match_label("完全无关的名称", &rows), None);
    }

    #[test]
    fn normative_documents_variant_matches_in_both_formats() {
        for id in [TemplateId::Table2v2019, TemplateId::Table2v2021] {
            let block: TableBlock =
                serde_json::from_str(r#"{"id":"t","values":{"行政规范性文件":{"regulations":1}}}"#)
                    .unwrap();
            let _ = block;
            let block: TableBlock = serde_json::from_str(&format!(
                r#"{{"id":"t","values":{{"行政规范性文件":{{"{}":4}}, "规范性文件 ":{{}}}}}}"#,
                if id == TemplateId::Table2v2019 {
                    "made"
                } else {
                    "issued"
                }
            ))
            .unwrap();
            let (table, findings) = instantiate(id, &block);
            assert!(findings.is_empty(), "{findings:?}");
            let col = if id == TemplateId::Table2v2019 {
                "made"
            } else {
                "issued"
            };
            let (_, cell) = table.keyed_cell("normative_documents", col).unwrap();
            assert_eq!(cell.text, "4");
        }
    }

    #[test]
    fn values_by_label_and_unknown_names() {
        let block: TableBlock = serde_json::from_str(
            r#"{"id":"t3","values":{
                "一、本年新收政府信息公开申请数量":{"自然人":3,"总计":"3"},
                "不存在的行":{"total":1},
                "carried_over":{"不存在的列":1}
            }}"#,
        )
        .unwrap();
        let (table, findings) = instantiate(TemplateId::Table3v2019, &block);
        assert_eq!(
            table
                .keyed_cell("new_requests", "natural_person")
                .unwrap()
                .1
                .text,
            "3"
        );
        assert_eq!(
            table.keyed_cell("new_requests", "total").unwrap().1.text,
            "3"
        );
        assert!(!table
            .keyed_cell("new_requests", "commercial")
            .unwrap()
            .1
            .is_provided());
        assert_eq!(findings.len(), 2);
        assert!(findings.iter().all(|f| f.rule == Rule::UnknownName));
        assert!(findings[0].message.contains("不存在"));
    }

    #[test]
    fn table4_is_keyed_by_group() {
        let block: TableBlock = serde_json::from_str(
            r#"{"id":"t4","values":{"行政复议":{"结果维持":2,"total":2},"direct_suit":{"pending":1}}}"#,
        )
        .unwrap();
        let (table, findings) = instantiate(TemplateId::Table4v2021, &block);
        assert!(findings.is_empty(), "{findings:?}");
        let (pos, cell) = table.keyed_cell("review", "upheld").unwrap();
        assert_eq!((pos.row, pos.column, cell.text.as_str()), (0, 0, "2"));
        let (pos, _) = table.keyed_cell("direct_suit", "pending").unwrap();
        assert_eq!(pos.column, 8);
        assert_eq!(
            table.column_labels(0, 8),
            vec!["行政诉讼", "未经复议直接起诉", "尚未审结"]
        );
    }
}

#[cfg(test)]
mod label_forms {
    use super::*;
    use crate::model::validate::resolve_table;

    /// A 2021 表三 with one planted R3.2 failure (（三）1. 属于国家秘密 自然人 1 too many), written
    /// with the given row names for the sub-rows of （三）.
    fn table3(name: impl Fn(&str, &str) -> String, one_row_other: bool) -> TableBlock {
        let mut rows: Vec<(String, [u32; 7])> = vec![
            ("new_requests".into(), [10, 0, 0, 0, 0, 0, 10]),
            ("carried_over".into(), [0; 7]),
            ("granted".into(), [6, 0, 0, 0, 0, 0, 6]),
            ("partly_granted".into(), [0; 7]),
        ];
        for (k, l) in TABLE3_REFUSED {
            let v = if *k == "refused_state_secret" {
                [3, 0, 0, 0, 0, 0, 3]
            } else {
                [0; 7]
            };
            rows.push((name("（三）不予公开", l), v));
        }
        for (k, _) in TABLE3_UNAVAILABLE.iter().chain(TABLE3_NOT_PROCESSED) {
            rows.push(((*k).into(), [0; 7]));
        }
        if one_row_other {
            rows.push(("（六）其他处理".into(), [1, 0, 0, 0, 0, 0, 1]));
        } else {
            for (k, l) in TABLE3_OTHER_2021 {
                let v = if *k == "other_other" {
                    [1, 0, 0, 0, 0, 0, 1]
                } else {
                    [0; 7]
                };
                rows.push((name("（六）其他处理", l), v));
            }
        }
        rows.push(("results_total".into(), [9, 0, 0, 0, 0, 0, 9]));
        rows.push(("carried_forward".into(), [1, 0, 0, 0, 0, 0, 1]));
        let mut values = serde_json::Map::new();
        for (row, v) in rows {
            let cells: serde_json::Map<String, serde_json::Value> = TABLE3_COLUMNS
                .iter()
                .zip(v)
                .map(|(c, x)| ((*c).to_string(), x.into()))
                .collect();
            values.insert(row, cells.into());
        }
        serde_json::from_value(serde_json::json!({
            "type": "table", "id": "t", "template": "table3-2021", "values": values
        }))
        .expect("block")
    }

    fn failures(block: &TableBlock) -> Vec<(Rule, Option<String>, Option<String>)> {
        let (_, findings) = resolve_table(block);
        findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error || f.rule == Rule::UnknownName)
            .map(|f| (f.rule, f.row, f.column))
            .collect()
    }

    #[test]
    fn sub_rows_written_with_their_group_find_the_same_failures_as_keys() {
        let by_key = failures(&table3(
            |_, l| {
                TABLE3_REFUSED
                    .iter()
                    .chain(TABLE3_OTHER_2021)
                    .find(|(_, x)| *x == l)
                    .map(|(k, _)| k.to_string())
                    .unwrap()
            },
            false,
        ));
        assert_eq!(by_key.len(), 2, "{by_key:?}"); // R3.2 on 自然人 and on 总计
        assert!(by_key.iter().all(|f| f.0 == Rule::R3_2));
        for sep in [" ", "／", "/", "-", "·", "\n", "", "——", " > "] {
            let got = failures(&table3(|g, l| format!("{g}{sep}{l}"), false));
            assert_eq!(got, by_key, "separator {sep:?}");
        }
        // With the part's heading too.
        let got = failures(&table3(|g, l| format!("三、本年度办理结果-{g}-{l}"), false));
        assert_eq!(got, by_key);
        // Label alone, 1、 numbering.
        let got = failures(&table3(|_, l| l.replacen('.', "、", 1), false));
        assert_eq!(got, by_key);
    }

    #[test]
    fn a_label_with_two_characters_dropped_is_matched_and_reported() {
        let cands: Vec<(String, String)> = TABLE3_REFUSED
            .iter()
            .map(|(k, l)| (k.to_string(), l.to_string()))
            .collect();
        assert_eq!(
            match_label("2.其他法律行政止公开", &cands),
            Some(LabelMatch::Closest(
                "refused_prohibited_by_law".into(),
                "2.其他法律行政法规禁止公开".into()
            ))
        );
        assert_eq!(
            match_label("（三）不予公开 2.其他法律行政止公开", &cands),
            Some(LabelMatch::Closest(
                "refused_prohibited_by_law".into(),
                "2.其他法律行政法规禁止公开".into()
            ))
        );
        // A name that is no label stays unmatched (and is reported by instantiate).
        assert_eq!(match_label("合计（不含撤回）", &cands), None);
        // The number must agree: 3.属于国家秘密 is not 1.属于国家秘密 misnumbered into 3.
        assert!(!matches!(
            match_label("3.属于国家秘蜜", &cands),
            Some(LabelMatch::Closest(k, _)) if k == "refused_state_secret"
        ));
    }

    #[test]
    fn other_handling_printed_as_one_row_in_a_2021_report_is_checked_in_that_layout() {
        let block = table3(|_, l| l.to_string(), true);
        let (table, findings) = resolve_table(&block);
        assert_eq!(table.template, Some(TemplateId::Table3v2019));
        assert!(
            findings.iter().all(|f| f.rule != Rule::UnknownName),
            "{findings:#?}"
        );
        assert!(findings
            .iter()
            .any(|f| f.rule == Rule::Label && f.message.contains("（六）其他处理”印为一行")));
        // The same planted failure is found, and no check is skipped.
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(findings.iter().all(|f| f.rule != Rule::NotProvided));
    }

    #[test]
    fn figures_under_a_name_that_matches_nothing_are_listed_in_the_finding() {
        let mut block = table3(|_, l| l.to_string(), false);
        block.values.insert(
            "（八）其他情形".into(),
            [(
                "natural_person".to_string(),
                crate::model::Cell::from_text("4"),
            )]
            .into(),
        );
        let (_, findings) = resolve_table(&block);
        let unknown: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == Rule::UnknownName)
            .collect();
        assert_eq!(unknown.len(), 1);
        assert!(unknown[0].message.contains("（八）其他情形"));
        assert!(
            unknown[0].message.contains("自然人 4")
                || unknown[0].message.contains("natural_person 4"),
            "{}",
            unknown[0].message
        );
    }
}
