//! The markup of a statistical table, decided once for every renderer: which element each cell
//! is, its classes, ids, spans, scope and `headers`, what it shows in words and marks, the legend
//! and notes below the table, and each finding's words. The viewer's Leptos components
//! (`ui::stat_table`, `ui::findings`) and the string export (`export::html`, used for 保存, 打印
//! and `report-tool html`) only turn these decisions into elements, so a change here changes the
//! screen, the print view, the saved file and the tool's output together.

use crate::labels::Labels;
use crate::model::layout::{CellKind, LaidCell};
use crate::model::{CellPos, CellValue, CheckedReport, Finding, Rule, Severity, StatTable};
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
        }
    }

    /// The caption's id.
    pub fn caption_id(&self) -> String {
        format!("{}-caption", self.table.id)
    }

    /// The findings list's id (flagged cells point at it).
    pub fn findings_id(&self) -> String {
        format!("{}-findings", self.table.id)
    }

    /// What labels the scrolling region: the caption and the report's title (two reports on one
    /// page have tables of the same name).
    pub fn region_label(&self) -> String {
        format!("{} rv-title", self.caption_id())
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
            tag: Tag::Th,
            class: String::new(),
            id: c.id.clone(),
            colspan: span(c.colspan),
            rowspan: span(c.rowspan),
            scope: c.scope,
            headers: (!c.headers.is_empty()).then(|| c.headers.join(" ")),
            described_by: None,
            key: None,
            content: Vec::new(),
        };
        match c.kind {
            CellKind::Corner => {
                m.tag = Tag::Td;
                m.class = "rv-corner".into();
                m.content.push(Piece::Text(c.text.clone()));
            }
            CellKind::GroupHeading => m.class = "rv-th rv-th--group".into(),
            CellKind::ColumnHeader => m.class = "rv-th rv-th--col".into(),
            CellKind::RowHeader => m.class = "rv-th rv-th--row".into(),
            CellKind::Data => {
                m.tag = Tag::Td;
                self.data(c.pos, &mut m);
            }
        }
        match m.tag {
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
        if self.flagged.contains(&pos) {
            m.class.push_str(" rv-flagged");
            m.content.push(Piece::Mark("rv-flag-mark", "!"));
            m.content.push(Piece::Unseen(l.paren(l.flagged)));
            m.described_by = Some(self.findings_id());
        }
        m.key = self.keys.get(&pos).cloned();
    }
}

/// One finding's words: its class, its label ("错误（R3.2）："), the table it is about (in the
/// summary) and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingMarkup {
    /// Its classes.
    pub class: &'static str,
    /// Severity, and the rule id webmasters look up in the format documentation.
    pub label: String,
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
    let label = match f.rule {
        Rule::R3_1 | Rule::R3_2 | Rule::R3_3 | Rule::R4_1 | Rule::N1 => {
            format!("{word}{}{}", l.paren(f.rule.id()), l.colon)
        }
        _ => format!("{word}{}", l.colon),
    };
    FindingMarkup {
        class,
        label,
        table: with_table.then(|| (f.table_id.clone(), l.finding_place(&f.table).to_string())),
        message: if l.english() {
            f.message_en.clone()
        } else {
            f.message.clone()
        },
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
            .flat_map(|s| s.rows.iter().flatten())
            .map(|c| m.cell(c))
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
    fn findings_name_severity_rule_and_table() {
        let c = sample();
        let f = c
            .findings
            .iter()
            .find(|f| f.rule == Rule::R4_1)
            .expect("the sample has an R4.1 finding");
        let zh = finding(f, &ZH, true);
        assert!(zh.label.ends_with("（R4.1）："), "{}", zh.label);
        assert_eq!(
            zh.table.as_ref().map(|t| t.1.as_str()),
            Some(f.table.as_str())
        );
        let en = finding(f, &EN, false);
        assert!(en.label.ends_with(" (R4.1): "), "{}", en.label);
        assert!(en.table.is_none());
    }
}
