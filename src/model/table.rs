//! Statistical tables: multi-level headers as trees, and the resolved table every view and check
//! works on, whether it came from a generic table in the JSON or from an official template.

use super::cell::Cell;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which official table, in which format: a plain key (name, table number, format year). What a
/// key means (structure, identities, page readers, charts) is its registered template's, in
/// `model::templates`; reading a key from JSON checks it against that registry.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TemplateId {
    name: &'static str,
    number: u8,
    year: u16,
}

impl TemplateId {
    /// A key (for a template module's `pub const`).
    pub const fn new(name: &'static str, number: u8, year: u16) -> TemplateId {
        TemplateId { name, number, year }
    }

    /// Its name: `table3-2021`.
    pub fn name(self) -> &'static str {
        self.name
    }

    /// The table's number in the report: 2, 3 or 4.
    pub fn table_number(self) -> u8 {
        self.number
    }

    /// The format year: 2019 (trial) or 2021.
    pub fn format_year(self) -> u16 {
        self.year
    }
}

impl std::fmt::Debug for TemplateId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Serialize for TemplateId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

/// The first official table of a number among a report's tables (表三 against 表三, whatever the
/// format).
pub fn first_of_number(tables: &BTreeMap<String, StatTable>, number: u8) -> Option<&StatTable> {
    tables
        .values()
        .find(|t| t.template.is_some_and(|id| id.table_number() == number))
}

/// A column or row header. Children make multi-level headers: a header spans its leaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(from = "HeaderRepr", into = "HeaderRepr")]
pub struct Header {
    /// The label as printed.
    pub label: String,
    /// A stable key (official templates give one to every leaf).
    pub key: Option<String>,
    /// Sub-headers; empty for a leaf.
    pub children: Vec<Header>,
}

/// JSON form of a header: a plain label for a leaf, or an object.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
enum HeaderRepr {
    /// A leaf header given by its label alone.
    Label(String),
    /// A header with a key or sub-headers.
    Node {
        label: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        children: Vec<Header>,
    },
}

impl From<HeaderRepr> for Header {
    fn from(r: HeaderRepr) -> Self {
        match r {
            HeaderRepr::Label(label) => Header::leaf(label, None),
            HeaderRepr::Node {
                label,
                key,
                children,
            } => Header {
                label,
                key,
                children,
            },
        }
    }
}

impl From<Header> for HeaderRepr {
    fn from(h: Header) -> Self {
        if h.key.is_none() && h.children.is_empty() {
            HeaderRepr::Label(h.label)
        } else {
            HeaderRepr::Node {
                label: h.label,
                key: h.key,
                children: h.children,
            }
        }
    }
}

impl Header {
    /// A header with no sub-headers.
    pub fn leaf(label: impl Into<String>, key: Option<&str>) -> Self {
        Header {
            label: label.into(),
            key: key.map(str::to_string),
            children: Vec::new(),
        }
    }

    /// A header over sub-headers.
    pub fn group(label: impl Into<String>, children: Vec<Header>) -> Self {
        Header {
            label: label.into(),
            key: None,
            children,
        }
    }

    /// How many leaves this header spans.
    pub fn leaf_count(&self) -> usize {
        if self.children.is_empty() {
            1
        } else {
            self.children.iter().map(Header::leaf_count).sum()
        }
    }

    /// How many levels this header has (1 for a leaf).
    pub fn depth(&self) -> usize {
        1 + self.children.iter().map(Header::depth).max().unwrap_or(0)
    }
}

/// Leaves of a header forest, each with the path of headers above it (outermost first).
pub fn leaves(forest: &[Header]) -> Vec<Vec<&Header>> {
    fn walk<'a>(h: &'a Header, path: &mut Vec<&'a Header>, out: &mut Vec<Vec<&'a Header>>) {
        path.push(h);
        if h.children.is_empty() {
            out.push(path.clone());
        } else {
            for c in &h.children {
                walk(c, path, out);
            }
        }
        path.pop();
    }
    let mut out = Vec::new();
    for h in forest {
        walk(h, &mut Vec::new(), &mut out);
    }
    out
}

/// Leaf columns in runs that share the headers above them (表四: 行政复议's five, then
/// 行政诉讼 › 未经复议直接起诉's five, …): each run's ancestor labels, outermost first, and its
/// column indexes. Tables without row headers are read and shown a run at a time.
pub fn column_runs<'a>(columns: &[Vec<&'a Header>]) -> Vec<(Vec<&'a str>, Vec<usize>)> {
    let mut runs: Vec<(Vec<&'a str>, Vec<usize>)> = Vec::new();
    for (c, path) in columns.iter().enumerate() {
        let above: Vec<&str> = path[..path.len().saturating_sub(1)]
            .iter()
            .map(|h| h.label.as_str())
            .collect();
        match runs.last_mut() {
            Some((labels, cells)) if *labels == above => cells.push(c),
            _ => runs.push((above, vec![c])),
        }
    }
    runs
}

/// Depth of a header forest (0 when empty).
pub fn depth(forest: &[Header]) -> usize {
    forest.iter().map(Header::depth).max().unwrap_or(0)
}

/// One block of a table: its own column headers and rows. Most tables have one group; the
/// official 表二 has one per article of the regulation, each with its own value columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TableGroup {
    /// A heading row spanning the whole table (e.g. 第二十条第（一）项).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Text of the top-left corner, above the row headers (e.g. 信息内容, or a note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corner: Option<String>,
    /// Column headers, outermost level first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Header>,
    /// Row headers, outermost level first. Empty for a table with a single unlabelled row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Header>,
    /// One list per leaf row (or one list when there are no row headers), one cell per leaf column.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "exact_rows"
    )]
    pub cells: Vec<Vec<Cell>>,
}

impl TableGroup {
    /// Number of data rows.
    pub fn row_count(&self) -> usize {
        if self.rows.is_empty() {
            1
        } else {
            leaves(&self.rows).len()
        }
    }

    /// Number of data columns.
    pub fn column_count(&self) -> usize {
        leaves(&self.columns).len()
    }

    /// Its width as a `<table>`, in grid columns: row-header levels plus data columns.
    pub fn grid_width(&self) -> usize {
        depth(&self.rows) + self.column_count()
    }

    /// The cell at a data row and column (not-provided when the JSON gave too few).
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.cells.get(row)?.get(column)
    }
}

// Read by `block_de` (serde's `flatten` would first copy the whole table into a buffer: twice
// the memory of a large table).
/// A table block as written in the report JSON: either an official template filled with values
/// by key, or a generic table with its own headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TableBlock {
    /// Anchor id, unique in the report (e.g. "table-3").
    pub id: String,
    /// An official table: the viewer supplies its labels and header structure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateId>,
    /// For a template: cells by row key then column key. Keys may also be the printed labels
    /// (matched loosely). Cells left out are "not provided".
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, BTreeMap<String, Cell>>,
    /// The caption. Templates have an official one; this overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Unit of the figures, e.g. 件.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A generic table with a single group: its headers and cells.
    #[serde(flatten)]
    pub body: TableGroup,
    /// Further groups of a generic table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<TableGroup>,
    /// Notes printed below the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Reads rows of cells, each row allocated to its length: JSON gives no lengths, and a row grown
/// cell by cell holds up to twice its cells (a third more memory on a large table of short rows).
/// The messages are those of a `Vec` ("expected a sequence").
pub(super) fn exact_rows<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<Vec<Cell>>, D::Error> {
    use serde::de::{DeserializeSeed, SeqAccess, Visitor};
    use std::fmt;
    struct Rows;
    impl<'de> Visitor<'de> for Rows {
        type Value = Vec<Vec<Cell>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut rows = Vec::new();
            let mut buffer = Vec::new();
            while let Some(row) = seq.next_element_seed(Row(&mut buffer))? {
                rows.push(row);
            }
            Ok(rows)
        }
    }
    /// One row, read into a buffer used again for every row, then copied at its length.
    struct Row<'a>(&'a mut Vec<Cell>);
    impl<'de> DeserializeSeed<'de> for Row<'_> {
        type Value = Vec<Cell>;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<Cell>, D::Error> {
            d.deserialize_seq(self)
        }
    }
    impl<'de> Visitor<'de> for Row<'_> {
        type Value = Vec<Cell>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Cell>, A::Error> {
            self.0.clear();
            while let Some(cell) = seq.next_element::<Cell>()? {
                self.0.push(cell);
            }
            Ok(self.0.drain(..).collect())
        }
    }
    d.deserialize_seq(Rows)
}

/// Where a cell sits in a resolved table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CellPos {
    /// Group index.
    pub group: usize,
    /// Data row within the group.
    pub row: usize,
    /// Data column within the group.
    pub column: usize,
}

/// A cell as the viewer shows it: printed, or derived when the source leaves it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownCell {
    /// The cell as the source gives it.
    pub cell: Cell,
    /// A value computed from other cells, shown (and marked as computed) where the source gives
    /// none.
    pub derived: Option<super::cell::Decimal>,
}

/// A table ready to show and check: headers and cells in one shape whatever its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatTable {
    /// Anchor id.
    pub id: String,
    /// Which official table this is, if any.
    pub template: Option<TemplateId>,
    /// Short label such as 表三 (official tables only).
    pub label: Option<String>,
    /// The caption.
    pub caption: String,
    /// Unit of the figures.
    pub unit: Option<String>,
    /// Groups of rows, each with its column headers.
    pub groups: Vec<TableGroup>,
    /// Derived values by position (computed totals where the source gives none).
    pub derived: BTreeMap<CellPos, super::cell::Decimal>,
    /// Template cells by (row key, column key).
    pub keyed: BTreeMap<(String, String), CellPos>,
    /// Notes below the table.
    pub notes: Vec<String>,
}

impl StatTable {
    /// The cell at a position.
    pub fn cell(&self, pos: CellPos) -> Option<&Cell> {
        self.groups.get(pos.group)?.cell(pos.row, pos.column)
    }

    /// The cell of an official table by its keys.
    pub fn keyed_cell(&self, row: &str, column: &str) -> Option<(CellPos, &Cell)> {
        let pos = *self.keyed.get(&(row.to_string(), column.to_string()))?;
        Some((pos, self.cell(pos)?))
    }

    /// Full caption: label and caption, e.g. "表三　收到和处理政府信息公开申请情况".
    pub fn full_caption(&self) -> String {
        match &self.label {
            Some(l) => format!("{l}　{}", self.caption),
            None => self.caption.clone(),
        }
    }

    /// Labels of a data row: the path of row headers (empty when the group has none).
    pub fn row_labels(&self, group: usize, row: usize) -> Vec<&str> {
        self.groups
            .get(group)
            .and_then(|g| leaves(&g.rows).into_iter().nth(row))
            .map(|path| path.iter().map(|h| h.label.as_str()).collect())
            .unwrap_or_default()
    }

    /// Labels of a data column: the path of column headers.
    pub fn column_labels(&self, group: usize, column: usize) -> Vec<&str> {
        self.groups
            .get(group)
            .and_then(|g| leaves(&g.columns).into_iter().nth(column))
            .map(|path| path.iter().map(|h| h.label.as_str()).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_json_accepts_labels_and_nodes() {
        let h: Vec<Header> = serde_json::from_str(
            r#"["A", {"label":"B","children":["C",{"label":"D","key":"d"}]}]"#,
        )
        .unwrap();
        assert_eq!(h[0], Header::leaf("A", None));
        assert_eq!(h[1].leaf_count(), 2);
        assert_eq!(depth(&h), 2);
        let paths: Vec<Vec<&str>> = leaves(&h)
            .iter()
            .map(|p| p.iter().map(|x| x.label.as_str()).collect())
            .collect();
        assert_eq!(paths, vec![vec!["A"], vec!["B", "C"], vec!["B", "D"]]);
        let back = serde_json::to_string(&h).unwrap();
        assert_eq!(
            back,
            r#"["A",{"label":"B","children":["C",{"label":"D","key":"d"}]}]"#
        );
    }
}
