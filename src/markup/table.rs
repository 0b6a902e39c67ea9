//! The markup of a statistical table, decided once for every renderer: which element each cell
//! is, its classes, ids, spans, scope and `headers`, what it shows in words and marks, the legend
//! and notes below the table, and each finding's words. The viewer's Leptos components
//! (`ui::stat_table`, `ui::findings`) and the string export (`export::html`, used for 保存, 打印
//! and `report-tool html`) only turn these decisions into elements, so a change here changes the
//! screen, the print view, the saved file and the tool's output together.

use crate::labels::Labels;
use crate::model::compare::Comparison;
use crate::model::layout::{CellKind, LaidCell};
use crate::model::table::depth;
use crate::model::{CellPos, CellValue, CheckedReport, Finding, Severity, StatTable};
use std::collections::{BTreeMap, BTreeSet};

/// Which element a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A header cell.
    Th,
    /// A data (or corner) cell.
    Td,
}

impl Tag {
    /// The element's name.
    pub fn name(self) -> &'static str {
        match self {
            Tag::Th => "th",
            Tag::Td => "td",
        }
    }
}

/// A piece of what a cell or a legend line shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Plain text.
    Text(String),
    /// A visual mark screen readers skip (`<span class=… aria-hidden="true">`): the `*` of a
    /// computed value, the `!` of a flagged cell.
    Mark(&'static str, &'static str),
    /// Words only screen readers hear (`<span class="rv-sr">`).
    Unseen(String),
    /// Text with a class of its own (`<span class=…>`): 未提供.
    Styled(&'static str, String),
}

/// One cell's markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellMarkup {
    /// th or td.
    pub tag: Tag,
    /// Its classes.
    pub class: String,
    /// Element id (header cells).
    pub id: Option<String>,
    /// Column span, when over 1.
    pub colspan: Option<String>,
    /// Row span, when over 1.
    pub rowspan: Option<String>,
    /// `scope` of a header cell (never set on a td).
    pub scope: Option<&'static str>,
    /// Ids of the headers that apply.
    pub headers: Option<String>,
    /// Id of the findings that explain a flagged cell.
    pub described_by: Option<String>,
    /// The cell's key in the report JSON (`data-cell`), for deep links and tests.
    pub key: Option<String>,
    /// What it shows.
    pub content: Vec<Piece>,
}

impl CellMarkup {
    /// A cell of this element with nothing decided yet.
    fn new(tag: Tag) -> CellMarkup {
        CellMarkup {
            tag,
            class: String::new(),
            id: None,
            colspan: None,
            rowspan: None,
            scope: None,
            headers: None,
            described_by: None,
            key: None,
            content: Vec::new(),
        }
    }
}

/// A paragraph below the table: the legend of its marks, or one of its notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendLine {
    /// Its class, if any.
    pub class: Option<&'static str>,
    /// What it says.
    pub content: Vec<Piece>,
}

/// Everything a renderer needs to mark up one table's cells.
pub struct TableMarkup<'a> {
    /// The table.
    pub table: &'a StatTable,
    labels: &'static Labels,
    flagged: BTreeSet<CellPos>,
    keys: BTreeMap<CellPos, String>,
    /// The table's findings.
    pub findings: Vec<&'a Finding>,
    /// The table beside last year's (`table` is then the comparison's).
    compared: Option<&'a Comparison>,
    /// Cells a check against last year's report flags, and the id of the list that says why.
    cross_year: (BTreeSet<CellPos>, String),
}

impl<'a> TableMarkup<'a> {
    /// The markup decisions for a table of a checked report.
    pub fn new(checked: &'a CheckedReport, table: &'a StatTable, labels: &'static Labels) -> Self {
        let findings = checked.findings_for(&table.id);
        let flagged = findings
            .iter()
            .filter(|f| f.needs_attention())
            .flat_map(|f| f.cells.iter().copied())
            .collect();
        let keys = table
            .keyed
            .iter()
            .map(|((r, c), pos)| (*pos, format!("{r}.{c}")))
            .collect();
        TableMarkup {
            table,
            labels,
            flagged,
            keys,
            findings,
            compared: None,
            cross_year: Default::default(),
        }
    }

    /// Also flags the cells the checks against last year's report name (`findings`, about this
    /// table), each pointing at the list `list_id` that says why: marked like this year's.
    pub fn with_cross_year(mut self, findings: &[Finding], list_id: String) -> Self {
        let places = self.compared.map(|c| &c.places);
        let cells = findings
            .iter()
            .filter(|f| f.needs_attention() && f.table_id.as_deref() == Some(self.id()))
            .flat_map(|f| f.cells.iter().copied())
            .filter_map(|pos| match places {
                Some(places) => places.get(&pos).copied(),
                None => Some(pos),
            })
            .collect();
        self.cross_year = (cells, list_id);
        self
    }

    /// The id of this year's table (a comparison's table keeps it).
    fn id(&self) -> &str {
        &self.table.id
    }

    /// The markup decisions for a table beside last year's: each column's figure, last year's
    /// and the change, under the column's header; this year's flagged cells stay flagged.
    pub fn compared(
        checked: &'a CheckedReport,
        comparison: &'a Comparison,
        labels: &'static Labels,
    ) -> Self {
        let mut m = TableMarkup::new(checked, &comparison.table, labels);
        m.flagged = m
            .flagged
            .iter()
            .filter_map(|pos| comparison.places.get(pos).copied())
            .collect();
        m.compared = Some(comparison);
        m
    }

    /// The caption's id.
    pub fn caption_id(&self) -> String {
        format!("{}-caption", self.table.id)
    }

    /// The findings list's id (flagged cells point at it).
    pub fn findings_id(&self) -> String {
        format!("{}-findings", self.table.id)
    }

    /// Whether the table is short enough to be shown as cards on narrow screens (official tables
    /// have 25 rows at most). A longer one stays a grid that scrolls in a region of its own, its
    /// column headers (and a single column of row headers) held in view: see [`Self::class`].
    pub fn has_cards(&self) -> bool {
        self.rows() <= CARDS_UP_TO
    }

    /// Data rows, counting a group without rows (表四) as one.
    fn rows(&self) -> usize {
        self.table.groups.iter().map(|g| g.row_count().max(1)).sum()
    }

    /// The classes of the table's element: `rv-table`, and for a table too long for cards
    /// `rv-table--long` (its region is at most most of the screen high, its header row stays at
    /// the top) and `rv-table--row-headers` when every block has one column of row headers (it
    /// stays at the left).
    pub fn class(&self) -> &'static str {
        if self.compared.is_some() {
            // Three times as wide: its row headers are held at the left on wide screens.
            "rv-table rv-table--compared"
        } else if self.has_cards() {
            "rv-table"
        } else if self.table.groups.iter().all(|g| depth(&g.rows) == 1) {
            "rv-table rv-table--long rv-table--row-headers"
        } else {
            "rv-table rv-table--long"
        }
    }

    /// What labels the scrolling region: the caption and the report's title (two reports on one
    /// page have tables of the same name).
    pub fn region_label(&self) -> String {
        format!("{} rv-title", self.caption_id())
    }

    /// Whether the table is shown as blocks, each a `<table>` of its own under one caption (表二:
    /// see [`crate::model::layout::LaidBlock`]); otherwise it is one `<table>` with a `<caption>`.
    pub fn in_blocks(&self) -> bool {
        self.table.groups.len() > 1 || self.table.groups.iter().any(|g| g.heading.is_some())
    }

    /// What names a block's `<table>`: the table's caption, then the block's heading.
    pub fn block_label(&self, heading_id: Option<&str>) -> String {
        match heading_id {
            Some(h) => format!("{} {h}", self.caption_id()),
            None => self.caption_id(),
        }
    }

    /// The caption's text.
    pub fn caption(&self) -> String {
        self.table.full_caption()
    }

    /// The unit after the caption: "（单位：件）".
    pub fn unit(&self) -> Option<String> {
        let l = self.labels;
        self.table
            .unit
            .as_ref()
            .map(|u| l.paren(&format!("{}{}{u}", l.unit, l.colon)))
    }

    /// The lines below the table: what 未提供 and * mean (when the table has them), then its notes.
    pub fn legend(&self) -> Vec<LegendLine> {
        let l = self.labels;
        let t = self.table;
        let mut out = Vec::new();
        let missing = t
            .groups
            .iter()
            .flat_map(|g| g.cells.iter().flatten())
            .any(|c| !c.is_provided());
        if missing {
            out.push(LegendLine {
                class: None,
                content: vec![Piece::Text(l.not_provided_legend.into())],
            });
        }
        if !t.derived.is_empty() {
            out.push(LegendLine {
                class: None,
                content: vec![
                    Piece::Mark("rv-derived-mark", "*"),
                    Piece::Text(l.derived_legend.into()),
                ],
            });
        }
        out.extend(t.notes.iter().map(|n| LegendLine {
            class: Some("rv-table__note"),
            content: vec![Piece::Text(format!("{}{}{n}", l.note, l.colon))],
        }));
        out
    }

    /// One laid-out cell's markup.
    pub fn cell(&self, c: &LaidCell) -> CellMarkup {
        let span = |n: usize| (n > 1).then(|| n.to_string());
        let mut m = CellMarkup {
            id: c.id.clone(),
            colspan: span(c.colspan),
            rowspan: span(c.rowspan),
            scope: c.scope,
            headers: (!c.headers.is_empty()).then(|| c.headers.join(" ")),
            ..CellMarkup::new(Tag::Th)
        };
        match c.kind {
            CellKind::Corner => {
                m.tag = Tag::Td;
                m.class = "rv-corner".into();
                m.content.push(Piece::Text(c.text.clone()));
            }
            CellKind::ColumnHeader => m.class = "rv-th rv-th--col".into(),
            CellKind::RowHeader => m.class = format!("rv-th rv-th--row rv-th--level-{}", c.level),
            CellKind::Data => {
                m.tag = Tag::Td;
                self.data(c.pos, &mut m);
            }
        }
        match m.tag {
            // A column header over several columns holds its words in a label of its own, which
            // stays in view while a wide table scrolls sideways under it.
            // So does a row header over several levels: its words stay in view while the
            // cell itself is held partly off the region's left (a phone's full table).
            Tag::Th if c.kind != CellKind::Corner && c.colspan > 1 => m
                .content
                .push(Piece::Styled("rv-th__label", c.text.clone())),
            Tag::Th => m.content.push(Piece::Text(c.text.clone())),
            // `scope` belongs to header cells only.
            Tag::Td => m.scope = None,
        }
        m
    }

    /// A data cell: its figure, or what stands for it, and its marks.
    fn data(&self, pos: Option<CellPos>, m: &mut CellMarkup) {
        let l = self.labels;
        m.class.push_str("rv-td");
        let Some(pos) = pos else { return };
        let derived = self.table.derived.get(&pos);
        match (derived, self.table.cell(pos)) {
            (Some(d), _) => {
                m.class.push_str(" rv-num rv-derived");
                m.content.push(Piece::Text(d.to_string()));
                m.content.push(Piece::Mark("rv-derived-mark", "*"));
                m.content.push(Piece::Unseen(l.paren(l.derived)));
            }
            (None, Some(cell)) => {
                let (class, piece) = match cell.value {
                    CellValue::NotProvided => (
                        " rv-missing",
                        Piece::Styled("rv-missing__text", l.not_provided.into()),
                    ),
                    CellValue::Blank => ("", Piece::Unseen(l.blank.into())),
                    CellValue::Number(_) => (" rv-num", Piece::Text(cell.text.clone())),
                    CellValue::NotApplicable => (" rv-na", Piece::Text(cell.text.clone())),
                    CellValue::Text => ("", Piece::Text(cell.text.clone())),
                };
                m.class.push_str(class);
                m.content.push(piece);
            }
            (None, None) => {}
        }
        let lists: Vec<String> = [
            self.flagged.contains(&pos).then(|| self.findings_id()),
            self.cross_year
                .0
                .contains(&pos)
                .then(|| self.cross_year.1.clone()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !lists.is_empty() {
            m.class.push_str(" rv-flagged");
            m.content.push(Piece::Mark("rv-flag-mark", "!"));
            m.content.push(Piece::Unseen(l.paren(l.flagged)));
            m.described_by = Some(lists.join(" "));
        }
        m.key = self.keys.get(&pos).cloned();
    }
}

/// The class of last year's figure and the change on a card (a line of its own on screen).
pub const LAST_YEAR_CLASS: &str = "rv-card__last-year";

/// Tables up to this many data rows get cards on narrow screens.
pub const CARDS_UP_TO: usize = 300;

/// A row of a table as a card, for narrow screens: its name (the row headers, or for a table
/// without row headers its column group), each figure with its column's name, and the columns
/// that are 0 folded into one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The block heading above it (表二), when it starts a block.
    pub block: Option<String>,
    /// The row's name: its headers joined with " · ".
    pub title: String,
    /// Each figure that is not 0: its column's name and its markup (classes, marks, words).
    pub items: Vec<(String, CellMarkup)>,
    /// The columns whose figure is 0 (or blank), folded.
    pub zeros: Vec<String>,
    /// The block (group) and the data rows it shows: read aloud, these rows light it up.
    pub group: usize,
    /// See [`Card::group`].
    pub rows: Vec<usize>,
}

impl TableMarkup<'_> {
    /// The table as cards, one per data row (per column group for a table without row headers).
    pub fn cards(&self) -> Vec<Card> {
        let mut out = Vec::new();
        for (g, group) in self.table.groups.iter().enumerate() {
            let mut block = group.heading.clone();
            let columns = crate::model::table::leaves(&group.columns);
            // Beside last year's, a card holds a column's three cells: cards are cut by the
            // columns' own headers, not by 本年/上年/增减.
            let own: Vec<Vec<&crate::model::Header>> = columns
                .iter()
                .map(|p| p[..p.len() - usize::from(self.compared.is_some())].to_vec())
                .collect();
            for (title, cells) in card_units(group, &own) {
                let mut rows: Vec<usize> = cells.iter().map(|&(row, _)| row).collect();
                rows.dedup();
                let mut card = Card {
                    block: block.take(),
                    title,
                    items: Vec::new(),
                    zeros: Vec::new(),
                    group: g,
                    rows,
                };
                // Beside last year's: a column's three cells are one item.
                let step = if self.compared.is_some() { 3 } else { 1 };
                for unit in cells.chunks(step) {
                    let unit: Vec<CellPos> = unit
                        .iter()
                        .map(|&(row, column)| CellPos {
                            group: g,
                            row,
                            column,
                        })
                        .collect();
                    let (name, m, zero) = self.card_item(&unit, &columns[unit[0].column]);
                    if zero {
                        card.zeros.push(name);
                    } else {
                        card.items.push((name, m));
                    }
                }
                out.push(card);
            }
        }
        out
    }

    /// One figure on a card (beside last year's: with last year's and the change), named by its
    /// column (`column`: the headers above it), and whether it folds among the zeros.
    fn card_item(
        &self,
        unit: &[CellPos],
        column: &[&crate::model::Header],
    ) -> (String, CellMarkup, bool) {
        let here = unit[0];
        let mut m = CellMarkup::new(Tag::Td);
        self.data(Some(here), &mut m);
        let mut zero = self.is_zero(here);
        // The leaf's label; beside last year's the one above 本年.
        let level = usize::from(unit.len() == 3);
        let name = column
            .iter()
            .rev()
            .nth(level)
            .map(|h| h.label.clone())
            .unwrap_or_default();
        if let [_, last, change] = unit {
            zero &= self.is_zero(*last);
            m.content.push(self.beside_last_year(*last, *change));
        }
        (name, m, zero)
    }

    /// On a card beside last year's: "（上年 100，增18（18%））".
    fn beside_last_year(&self, last: CellPos, change: CellPos) -> Piece {
        let l = self.labels;
        let text = |pos: CellPos| match (self.table.derived.get(&pos), self.table.cell(pos)) {
            (Some(d), _) => d.to_string(),
            (None, Some(c)) if c.value == CellValue::NotProvided => l.not_provided.to_string(),
            (None, Some(c)) if c.value == CellValue::Blank => l.blank.to_string(),
            (None, Some(c)) => c.text.clone(),
            (None, None) => l.not_provided.to_string(),
        };
        Piece::Styled(
            LAST_YEAR_CLASS,
            l.paren(&format!(
                "{}{}{}{}",
                l.chart_last_year,
                text(last),
                l.comma,
                text(change)
            )),
        )
    }

    /// A figure 0, or a blank, that no finding flags.
    fn is_zero(&self, pos: CellPos) -> bool {
        if self.flagged.contains(&pos)
            || self.cross_year.0.contains(&pos)
            || self.table.derived.contains_key(&pos)
        {
            return false;
        }
        self.table.cell(pos).is_some_and(|c| {
            matches!(c.value, CellValue::Blank)
                || matches!(c.value, CellValue::Number(d) if d.units == 0)
        })
    }
}

/// The rows of a group as (name, cells): each data row named by its headers; a group without
/// row headers (表四) by its column groups.
fn card_units(
    group: &crate::model::TableGroup,
    columns: &[Vec<&crate::model::Header>],
) -> Vec<(String, Vec<(usize, usize)>)> {
    if group.rows.is_empty() {
        return crate::model::table::column_runs(columns)
            .into_iter()
            .map(|(above, cells)| {
                (
                    above.join(" · "),
                    cells.into_iter().map(|c| (0, c)).collect(),
                )
            })
            .collect();
    }
    crate::model::table::leaves(&group.rows)
        .iter()
        .enumerate()
        .map(|(r, path)| {
            let name = path
                .iter()
                .map(|h| h.label.as_str())
                .collect::<Vec<_>>()
                .join(" · ");
            (name, (0..columns.len()).map(|c| (r, c)).collect())
        })
        .collect()
}

/// The id of the list of a table's checks against last year's report (the cells it flags point
/// at it).
pub fn cross_year_id(table: &str) -> String {
    format!("{table}-cross-year")
}

/// One finding's words: its class, its label ("错误："), the table it is about (in the summary)
/// and its message; the rule id for the webmaster (`data-rule`), never in what citizens read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingMarkup {
    /// Its classes.
    pub class: &'static str,
    /// Its severity, in words.
    pub label: String,
    /// The rule id webmasters look up in the format documentation (R3.2), as an attribute.
    pub rule: &'static str,
    /// The table, with the id to link to, when the finding is listed away from it.
    pub table: Option<(Option<String>, String)>,
    /// What is wrong.
    pub message: String,
}

/// The words of one finding; `with_table` names its table (in the summary at the top).
pub fn finding(f: &Finding, l: &Labels, with_table: bool) -> FindingMarkup {
    let (class, word) = match f.severity {
        Severity::Error => ("rv-finding rv-finding--error", l.error),
        Severity::Warning => ("rv-finding rv-finding--warning", l.warning),
        Severity::Info => ("rv-finding rv-finding--info", l.info),
    };
    FindingMarkup {
        class,
        label: format!("{word}{}", l.colon),
        rule: f.rule.id(),
        table: with_table.then(|| (f.table_id.clone(), l.finding_place(&f.table).to_string())),
        message: l.said(&f.said),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::sample;
    use crate::labels::{EN, ZH};
    use crate::model::layout::layout;
    use crate::model::{check_report, parse_report};

    fn all_cells(m: &TableMarkup) -> Vec<CellMarkup> {
        layout(m.table)
            .iter()
            .flat_map(|b| b.cells())
            .map(|c| m.cell(&c))
            .collect()
    }

    #[test]
    fn headers_are_th_with_ids_and_data_cells_td_with_headers() {
        let c = sample();
        let m = TableMarkup::new(&c, &c.tables["table-3"], &ZH);
        let cells = all_cells(&m);
        let ths: Vec<_> = cells.iter().filter(|c| c.tag == Tag::Th).collect();
        assert!(ths.iter().all(|c| c.id.is_some() && c.scope.is_some()));
        let tds: Vec<_> = cells
            .iter()
            .filter(|c| c.class.starts_with("rv-td"))
            .collect();
        assert!(tds.iter().all(|c| c.tag == Tag::Td && c.headers.is_some()));
        // Every header a data cell names exists.
        let ids: BTreeSet<&str> = ths.iter().filter_map(|c| c.id.as_deref()).collect();
        for td in &tds {
            for h in td.headers.as_deref().unwrap().split(' ') {
                assert!(ids.contains(h), "{h}");
            }
        }
        assert_eq!(m.unit().as_deref(), Some("（单位：件）"));
    }

    #[test]
    fn computed_missing_and_flagged_cells_say_so_in_words() {
        let json = r#"{"version":1,"meta":{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022},
          "sections":[{"id":"p","title":"三","blocks":[{"type":"table","id":"t3","template":"table3-2021",
          "values":{"new_requests":{"natural_person":1,"commercial":0,"research":0,"public_interest":0,"legal_services":0,"other_org":0,"total":5}}}]}]}"#;
        let c = check_report(parse_report(json).unwrap());
        let m = TableMarkup::new(&c, &c.tables["t3"], &EN);
        let cells = all_cells(&m);
        let missing = cells
            .iter()
            .find(|c| c.class.contains("rv-missing"))
            .expect("a missing cell");
        assert_eq!(
            missing.content,
            [Piece::Styled("rv-missing__text", "not given".into())]
        );
        let flagged: Vec<_> = cells
            .iter()
            .filter(|c| c.class.contains("rv-flagged"))
            .collect();
        assert!(!flagged.is_empty());
        for f in flagged {
            assert_eq!(f.described_by.as_deref(), Some("t3-findings"));
            assert!(f.content.contains(&Piece::Unseen(" (inconsistent)".into())));
        }
        let legend = m.legend();
        assert!(matches!(&legend[0].content[0], Piece::Text(t) if t.starts_with("“not given”")));
    }

    #[test]
    fn a_table_too_long_for_cards_is_marked_long_and_keeps_its_row_headers_in_view() {
        let table = |rows: usize, nested: bool| {
            let names: Vec<String> = (0..rows).map(|i| format!("\"r{i}\"")).collect();
            let rows_json = if nested {
                format!(r#"[{{"label":"g","children":[{}]}}]"#, names.join(","))
            } else {
                format!("[{}]", names.join(","))
            };
            let cells = vec!["[1,2]"; rows].join(",");
            let json = format!(
                r#"{{"version":1,"meta":{{"title":"T","agency":"A","published":"2023-01-01 08:00","year":2022}},
                "sections":[{{"id":"p","title":"三","blocks":[{{"type":"table","id":"t","caption":"c",
                "columns":["a","b"],"rows":{rows_json},"cells":[{cells}]}}]}}]}}"#
            );
            check_report(parse_report(&json).unwrap())
        };
        let short = table(CARDS_UP_TO, false);
        let m = TableMarkup::new(&short, &short.tables["t"], &ZH);
        assert!(m.has_cards());
        assert_eq!(m.class(), "rv-table");
        let long = table(CARDS_UP_TO + 1, false);
        let m = TableMarkup::new(&long, &long.tables["t"], &ZH);
        assert!(!m.has_cards());
        assert_eq!(m.class(), "rv-table rv-table--long rv-table--row-headers");
        // Two levels of row headers: only the column headers are held in view.
        let nested = table(CARDS_UP_TO + 1, true);
        let m = TableMarkup::new(&nested, &nested.tables["t"], &ZH);
        assert_eq!(m.class(), "rv-table rv-table--long");
    }

    #[test]
    fn cards_name_rows_by_their_headers_and_fold_zeros() {
        let c = sample();
        let m = TableMarkup::new(&c, &c.tables["table-3"], &ZH);
        let cards = m.cards();
        assert_eq!(cards.len(), 25, "a card per data row");
        let refused = cards
            .iter()
            .find(|k| k.title.ends_with("1.属于国家秘密"))
            .expect("a card");
        assert_eq!(
            refused.title,
            "三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密"
        );
        let items: Vec<&str> = refused.items.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(items, ["自然人", "总计"]);
        assert_eq!(refused.zeros.len(), 5);
        // Every figure of the table is on a card or among its zeros.
        let shown: usize = cards.iter().map(|k| k.items.len() + k.zeros.len()).sum();
        assert_eq!(shown, 25 * 7);
        // 表四: a card per column group, the flagged total kept even if 0 were printed.
        let m4 = TableMarkup::new(&c, &c.tables["table-4"], &ZH);
        let titles: Vec<String> = m4.cards().into_iter().map(|k| k.title).collect();
        assert_eq!(
            titles,
            [
                "行政复议",
                "行政诉讼 · 未经复议直接起诉",
                "行政诉讼 · 复议后起诉"
            ]
        );
        let review = &m4.cards()[0];
        assert!(review
            .items
            .iter()
            .any(|(n, m)| n == "总计" && m.class.contains("rv-flagged")));
    }

    #[test]
    fn findings_name_severity_rule_and_table() {
        let c = sample();
        let f = c
            .findings
            .iter()
            .find(|f| f.rule == crate::model::Rule::R4_1)
            .expect("the sample has an R4.1 finding");
        let zh = finding(f, &ZH, true);
        // The rule id is for the webmaster (data-rule), not in the words citizens read.
        assert!(
            !zh.label.contains("R4.1") && zh.label.ends_with("："),
            "{}",
            zh.label
        );
        assert_eq!(zh.rule, "R4.1");
        assert_eq!(
            zh.table.as_ref().map(|t| t.1.as_str()),
            Some(f.table.as_str())
        );
        let en = finding(f, &EN, false);
        assert!(!en.label.contains("R4.1"), "{}", en.label);
        assert!(en.table.is_none());
    }

    #[test]
    fn beside_last_year_headers_name_the_column_and_the_year_and_cards_keep_one_item_per_column() {
        use crate::model::compare::{compare, last_years_table};
        const WORDS: &crate::labels::ChangeWords = &crate::labels::ZH.change_words;
        let c = sample();
        // Last year's report: the same figures but one, and an error this year stays flagged.
        let json = crate::export::tests::SAMPLE.replace("\"total\": 141", "\"total\": 120");
        let before = check_report(parse_report(&json).unwrap());
        let now = &c.tables["table-3"];
        let cmp = compare(now, last_years_table(&before.tables, now).unwrap(), WORDS).unwrap();
        let m = TableMarkup::compared(&c, &cmp, &ZH);
        let laid = layout(m.table);
        let cells: Vec<_> = laid.iter().flat_map(|b| b.cells()).collect();
        let ths: BTreeMap<String, String> = cells
            .iter()
            .filter_map(|c| Some((c.id.clone()?, c.text.clone())))
            .collect();
        let headers_of = |key: &str| -> Vec<String> {
            let pos = m.table.keyed[&("new_requests".to_string(), key.to_string())];
            let cell = cells.iter().find(|c| c.pos == Some(pos)).unwrap();
            cell.headers.iter().map(|h| ths[h].clone()).collect()
        };
        for (key, year) in [
            ("total", "本年"),
            ("total@last_year", "上年"),
            ("total@change", "增减"),
        ] {
            let names = headers_of(key);
            assert!(names.contains(&"总计".to_string()), "{key}: {names:?}");
            assert!(names.contains(&year.to_string()), "{key}: {names:?}");
            assert!(
                names.iter().any(|n| n.starts_with("一、本年新收")),
                "{key}: {names:?}"
            );
        }
        // Its row headers carry their level, to be held at the left on wide screens.
        assert_eq!(m.class(), "rv-table rv-table--compared");
        let secret = cells
            .iter()
            .find(|c| c.text == "1.属于国家秘密")
            .map(|c| m.cell(c))
            .unwrap();
        assert_eq!(secret.class, "rv-th rv-th--row rv-th--level-2");
        let cards = m.cards();
        let first = &cards[0];
        let (name, item) = first.items.iter().find(|(n, _)| n == "总计").unwrap();
        assert_eq!(name, "总计");
        assert!(item.content.contains(&Piece::Styled(
            "rv-card__last-year",
            "（上年 120，增21（17.5%））".into()
        )));
        // Seven columns, seven items or zeros, not twenty-one.
        assert_eq!(first.items.len() + first.zeros.len(), 7);
        // 表四 (no row headers): a card per column group still, each figure one item.
        let now4 = &c.tables["table-4"];
        let cmp4 = compare(now4, last_years_table(&before.tables, now4).unwrap(), WORDS).unwrap();
        let cards4 = TableMarkup::compared(&c, &cmp4, &ZH).cards();
        assert_eq!(cards4.len(), 3);
        assert_eq!(cards4[0].title, "行政复议");
        assert_eq!(cards4[0].items.len() + cards4[0].zeros.len(), 5);
    }
}
