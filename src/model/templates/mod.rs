//! The official tables (表二, 表三 and 表四 in the 2019 trial format, 国办公开办函〔2019〕60号, and
//! the 2021 format, 国办公开办函〔2021〕30号), one module per table family: its labels, header
//! structure and stable keys, its identities, and the words that identify it on a published page.
//!
//! A report may give only figures by key (or by printed label, matched loosely); the template
//! supplies everything else, so every portal shows the same official table.
//!
//! # Adding a template
//!
//! 1. Write a module here with a type that implements [`Template`] (name, caption, header
//!    structure; its identities in `check`, the words that identify it on a page in
//!    `identified_by`) and a `pub const` [`TemplateId`] for each format.
//! 2. Add that id to [`REGISTRY`]: one line.
//!
//! Reports can then name it in `"template"`, the viewer lays it out, checks and reads it aloud,
//! the schema lists it, and the importer knows it when it sees it. `test_table` is such a
//! template, registered only in tests, and proves the steps (docs/architecture.md tells more).

mod instantiate;
#[cfg(feature = "import")]
pub mod page;
pub mod table2;
pub mod table3;
pub mod table4;
#[cfg(test)]
mod test_table;

pub use instantiate::instantiate;

use super::chart::Chart;
use super::checker::Checker;
use super::claims::{ColumnWords, Statement, Vocabulary};
#[cfg(feature = "import")]
use super::grid::Grid;
pub use super::table::TemplateId;
use super::table::{Header, StatTable, TableBlock, TableGroup};
use super::Report;
use serde::Deserialize;

/// Every official table template the viewer knows, in the order they are listed. A new table is
/// one folder here and one line in this list.
pub static REGISTRY: &[&dyn Template] = &[
    &table2::T2019,
    &table2::T2021,
    &table3::T2019,
    &table3::T2021,
    &table4::T2019,
    &table4::T2021,
    #[cfg(test)]
    &test_table::T1,
];

/// Which format of a table family a template is: its key (name, number, year) and what the JSON
/// schema says of it.
pub struct Format {
    /// The key reports and tables name it by.
    pub id: TemplateId,
    /// What it is, for the JSON schema.
    pub description: &'static str,
}

/// An official table in one format.
pub trait Template: Sync {
    /// Its format: key and description.
    fn format(&self) -> &Format;
    /// Its key.
    fn id(&self) -> TemplateId {
        self.format().id
    }
    /// The name reports give in `"template"`, e.g. `table3-2021`.
    fn name(&self) -> &'static str {
        self.id().name()
    }
    /// What it is, for the JSON schema.
    fn description(&self) -> &'static str {
        self.format().description
    }
    /// The table's number in the report: 表三 is 3.
    fn number(&self) -> u8 {
        self.id().table_number()
    }
    /// The format year: 2019 (trial) or 2021.
    fn format_year(&self) -> u16 {
        self.id().format_year()
    }
    /// Short label: 表三.
    fn label(&self) -> &'static str;
    /// The official caption.
    fn caption(&self) -> &'static str;
    /// Unit of the counts (amount columns name their own unit).
    fn unit(&self) -> Option<&'static str> {
        Some("件")
    }
    /// The official header structure, without cells.
    fn groups(&self) -> Vec<TableGroup>;
    /// Whether values are keyed by column group (表四: one data row, groups of columns).
    fn keys_by_column_group(&self) -> bool {
        false
    }
    /// What a column holds, by its key.
    fn column_kind(&self, column_key: &str) -> ColumnKind {
        match column_key {
            "change" => ColumnKind::SignedCount,
            "amount" => ColumnKind::Amount,
            _ => ColumnKind::Count,
        }
    }
    /// The table's identities, checked on the table as shown (N1 is checked for every table).
    fn check(&self, _c: &mut Checker) {}
    /// Checks against last year's table of the same number (X1, X2).
    fn check_against_last_year(&self, _now: &StatTable, _before: &StatTable) -> Vec<Finding> {
        Vec::new()
    }
    /// Words that identify the table on a published page: any one of these sets, all its words.
    fn identified_by(&self) -> &'static [&'static [&'static str]] {
        &[]
    }
    /// Another template whose layout these figures are in, with a note for the reader (a 2021
    /// 表三 printing （六）其他处理 as one row, as the 2019 format does).
    fn layout_for(&self, _block: &TableBlock) -> Option<(TemplateId, Finding)> {
        None
    }
    /// What a report's text may state a count of (T1): the words that name it and the cells
    /// it may equal (read by `model::claims`, compared by `model::consistency`).
    fn statements(&self) -> &'static [Statement] {
        &[]
    }
    /// The words that name its columns in a breakdown ("其中自然人72件").
    fn columns_named(&self) -> &'static [ColumnWords] {
        &[]
    }
    /// Further checks of the report's text against the table (表二: fees part 六 does not
    /// mention).
    fn check_text(&self, _report: &Report, _table: &StatTable) -> Vec<Finding> {
        Vec::new()
    }
    /// Its 图解: bars and a sentence drawn from its figures (none by default).
    fn charts(&self, _table: &StatTable) -> Vec<Chart> {
        Vec::new()
    }
    /// Reads the table from a printed grid (the importer found it by [`Self::identified_by`]):
    /// every figure in its cell as printed, every decision in the notes. `format_year` is the
    /// report's format when known. By default the template's row labels down the side and its
    /// column labels above ([`page::keyed_rows`]).
    #[cfg(feature = "import")]
    fn read_page(&self, grid: &Grid, id: &str, _format_year: Option<u16>) -> page::Recognised {
        page::keyed_rows(self.id(), grid, id)
    }
}

use super::finding::Finding;

/// The behaviour of a template key: its registered [`Template`]. A table holds only the key
/// (`model::table::TemplateId`, plain data); what the key means is here.
impl TemplateId {
    /// Every registered template's key.
    pub fn all() -> Vec<TemplateId> {
        REGISTRY.iter().map(|t| t.id()).collect()
    }

    /// The registered template with this name.
    pub fn named(name: &str) -> Option<TemplateId> {
        REGISTRY.iter().map(|t| t.id()).find(|t| t.name() == name)
    }

    /// The registered template of table `number` in the format of `format_year`.
    pub fn for_table(number: u8, format_year: u16) -> Option<TemplateId> {
        REGISTRY
            .iter()
            .map(|t| t.id())
            .find(|t| t.table_number() == number && t.format_year() == format_year)
    }

    /// The template. Every key is one of the registry's (the keys are the templates' constants).
    pub fn template(self) -> &'static dyn Template {
        REGISTRY
            .iter()
            .copied()
            .find(|t| t.id() == self)
            .unwrap_or(REGISTRY[0])
    }

    /// The table as a sentence names it: its short label (表三), "Table 3" in English.
    pub fn in_words(self) -> crate::labels::findings::Hole {
        let en = format!("Table {}", self.table_number());
        crate::labels::findings::Hole::Both(self.label().to_string(), en)
    }

    /// Short label: 表二, 表三 or 表四.
    pub fn label(self) -> &'static str {
        self.template().label()
    }

    /// The official caption.
    pub fn caption(self) -> &'static str {
        self.template().caption()
    }

    /// Unit of the counts.
    pub fn unit(self) -> Option<&'static str> {
        self.template().unit()
    }

    /// What a column holds.
    pub fn column_kind(self, column_key: &str) -> ColumnKind {
        self.template().column_kind(column_key)
    }

    /// The official header structure, without cells.
    pub fn groups(self) -> Vec<TableGroup> {
        self.template().groups()
    }
}

/// What the claim reader knows of the registered tables: each table number's subjects and
/// column words (the first template of each number: the formats of a table are written about
/// alike).
pub fn vocabulary() -> Vocabulary {
    let mut v = Vocabulary::default();
    let mut seen = Vec::new();
    for t in REGISTRY {
        if seen.contains(&t.number()) {
            continue;
        }
        seen.push(t.number());
        v.subjects
            .extend(t.statements().iter().map(|s| (t.number(), s)));
        v.columns
            .extend(t.columns_named().iter().map(|c| (t.number(), c)));
    }
    v
}

impl<'de> Deserialize<'de> for TemplateId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(d)?;
        TemplateId::named(&name).ok_or_else(|| {
            let known: Vec<&str> = REGISTRY.iter().map(|t| t.name()).collect();
            serde::de::Error::unknown_variant(&name, leak_names(known))
        })
    }
}

/// The registered names, for serde's "expected one of" (made once).
fn leak_names(known: Vec<&'static str>) -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| known)
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for TemplateId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TemplateId".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one_of: Vec<serde_json::Value> = REGISTRY
            .iter()
            .map(|t| {
                serde_json::json!({
                    "description": t.description(),
                    "type": "string",
                    "const": t.name(),
                })
            })
            .collect();
        schemars::json_schema!({
            "description": "Which official table, in which format.",
            "oneOf": one_of
        })
    }
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

/// A leaf header with its key.
pub(crate) fn leaf(label: &str, key: &str) -> Header {
    Header::leaf(label, Some(key))
}

/// Leaf headers from (key, label) pairs.
pub(crate) fn leaves_of(items: &[(&str, &str)]) -> Vec<Header> {
    items.iter().map(|(k, l)| leaf(l, k)).collect()
}

/// A block of a table with a heading of its own (表二).
pub(crate) fn group(
    heading: &str,
    corner: &str,
    columns: Vec<Header>,
    rows: Vec<Header>,
) -> TableGroup {
    TableGroup {
        heading: Some(heading.to_string()),
        corner: Some(corner.to_string()),
        columns,
        rows,
        cells: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::instantiate::key_of;
    use super::*;
    use crate::model::finding::Rule;
    use crate::model::names::{match_label, LabelMatch};
    use crate::model::table::leaves;

    fn cell_count(id: TemplateId) -> usize {
        id.groups()
            .iter()
            .map(|g| g.row_count() * g.column_count())
            .sum()
    }

    #[test]
    fn templates_have_the_official_cell_counts() {
        assert_eq!(cell_count(table2::V2019), 22);
        assert_eq!(cell_count(table2::V2021), 10);
        assert_eq!(cell_count(table3::V2019), 161);
        assert_eq!(cell_count(table3::V2021), 175);
        assert_eq!(cell_count(table4::V2019), 15);
        assert_eq!(cell_count(table4::V2021), 15);
        assert_eq!(table3::V2019.groups()[0].row_count(), 23);
        assert_eq!(table3::V2021.groups()[0].row_count(), 25);
        assert_eq!(table2::V2019.groups().len(), 5);
        assert_eq!(table2::V2021.groups().len(), 4);
    }

    #[test]
    fn every_template_cell_has_a_unique_key() {
        for id in TemplateId::all() {
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
        for id in [table3::V2019, table3::V2021] {
            let block: TableBlock = serde_json::from_str(r#"{"id":"t"}"#).unwrap();
            let (table, _) = instantiate(id, &block);
            let n = table3::result_rows(id).len();
            assert_eq!(n + 4, table.groups[0].row_count(), "{id:?}");
            for key in table3::result_rows(id) {
                assert!(table.keyed_cell(key, "total").is_some(), "{key}");
            }
        }
    }

    #[test]
    fn label_variants_match() {
        let rows: Vec<(String, String)> = leaves(&table3::V2021.groups()[0].rows)
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
        for id in [table2::V2019, table2::V2021] {
            let block: TableBlock =
                serde_json::from_str(r#"{"id":"t","values":{"行政规范性文件":{"regulations":1}}}"#)
                    .unwrap();
            let _ = block;
            let block: TableBlock = serde_json::from_str(&format!(
                r#"{{"id":"t","values":{{"行政规范性文件":{{"{}":4}}, "规范性文件 ":{{}}}}}}"#,
                if id == table2::V2019 {
                    "made"
                } else {
                    "issued"
                }
            ))
            .unwrap();
            let (table, findings) = instantiate(id, &block);
            assert!(findings.is_empty(), "{findings:?}");
            let col = if id == table2::V2019 {
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
        let (table, findings) = instantiate(table3::V2019, &block);
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
        assert!(findings[0].message().contains("不存在"));
    }

    #[test]
    fn table4_is_keyed_by_group() {
        let block: TableBlock = serde_json::from_str(
            r#"{"id":"t4","values":{"行政复议":{"结果维持":2,"total":2},"direct_suit":{"pending":1}}}"#,
        )
        .unwrap();
        let (table, findings) = instantiate(table4::V2021, &block);
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
    use crate::model::finding::{Rule, Severity};
    use crate::model::names::{match_label, LabelMatch};
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
        for (k, l) in table3::REFUSED {
            let v = if *k == "refused_state_secret" {
                [3, 0, 0, 0, 0, 0, 3]
            } else {
                [0; 7]
            };
            rows.push((name("（三）不予公开", l), v));
        }
        for (k, _) in table3::UNAVAILABLE.iter().chain(table3::NOT_PROCESSED) {
            rows.push(((*k).into(), [0; 7]));
        }
        if one_row_other {
            rows.push(("（六）其他处理".into(), [1, 0, 0, 0, 0, 0, 1]));
        } else {
            for (k, l) in table3::OTHER_2021 {
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
            let cells: serde_json::Map<String, serde_json::Value> = table3::COLUMNS
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
                table3::REFUSED
                    .iter()
                    .chain(table3::OTHER_2021)
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
        let cands: Vec<(String, String)> = table3::REFUSED
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
        assert_eq!(table.template, Some(table3::V2019));
        assert!(
            findings.iter().all(|f| f.rule != Rule::UnknownName),
            "{findings:#?}"
        );
        assert!(findings
            .iter()
            .any(|f| f.rule == Rule::Label && f.message().contains("（六）其他处理”印为一行")));
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
        assert!(unknown[0].message().contains("（八）其他情形"));
        assert!(
            unknown[0].message().contains("自然人 4")
                || unknown[0].message().contains("natural_person 4"),
            "{}",
            unknown[0].message()
        );
    }
}
