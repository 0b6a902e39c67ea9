//! What checking an official table's identities needs: its cells by key, sums that count blanks
//! as 0 and never count a figure that is not provided, a derived total where the source gives
//! none, and a finding in words for every broken identity. Each template's `check` uses it.

use super::cell::{CellValue, Decimal};
use super::finding::{Finding, Rule, Said, Says, Severity};
use super::table::{CellPos, StatTable};
use crate::labels::ZH;
use std::collections::BTreeSet;

/// A term in an identity.
#[derive(Clone, Copy)]
enum Term {
    /// A figure (or a derived value), and whether it was printed blank.
    Value(Decimal, bool),
    /// Not given by the source.
    Missing,
    /// Text or a malformed figure (reported by N1).
    Bad,
}

pub struct Checker<'a> {
    /// The table being checked (derived totals are filled in).
    pub table: &'a mut StatTable,
    /// Its name, as findings give it.
    pub name: String,
    /// What checking found.
    pub findings: Vec<Finding>,
    /// Blank or not-applicable cells counted as 0.
    pub blanks: BTreeSet<CellPos>,
    /// Checks skipped because a figure is not provided.
    pub skipped: usize,
}

impl Checker<'_> {
    pub fn pos(&self, row: &str, column: &str) -> Option<CellPos> {
        self.table
            .keyed
            .get(&(row.to_string(), column.to_string()))
            .copied()
    }

    fn term(&self, pos: CellPos) -> Term {
        if let Some(d) = self.table.derived.get(&pos) {
            return Term::Value(*d, false);
        }
        match self.table.cell(pos).map(|c| c.value) {
            Some(CellValue::Number(d)) => Term::Value(d, false),
            Some(CellValue::Blank | CellValue::NotApplicable) => {
                Term::Value(Decimal::whole(0), true)
            }
            Some(CellValue::NotProvided) | None => Term::Missing,
            Some(CellValue::Text) => Term::Bad,
        }
    }

    /// Sums the cells; `None` when any is missing or bad (counted as skipped for missing).
    pub fn sum(&mut self, cells: &[CellPos]) -> Option<Decimal> {
        let mut total = Decimal::whole(0);
        for &p in cells {
            match self.term(p) {
                Term::Value(d, _) => total = total.checked_add(d)?,
                Term::Missing | Term::Bad => return None,
            }
        }
        Some(total)
    }

    /// A cell's figure as printed, or 空白.
    pub fn shown(&self, pos: CellPos) -> String {
        self.table
            .cell(pos)
            .map(super::finding::shown_text)
            .unwrap_or_else(|| ZH.blank.into())
    }

    pub fn all_available(&self, cells: &[CellPos]) -> bool {
        cells
            .iter()
            .all(|&p| matches!(self.term(p), Term::Value(..)))
    }

    pub fn any_missing(&self, cells: &[CellPos]) -> bool {
        cells.iter().any(|&p| matches!(self.term(p), Term::Missing))
    }

    pub fn note_blanks(&mut self, cells: &[CellPos]) {
        for &p in cells {
            if matches!(self.term(p), Term::Value(_, true)) {
                self.blanks.insert(p);
            }
        }
    }

    pub fn label_of_row(&self, pos: CellPos) -> String {
        self.table
            .row_labels(pos.group, pos.row)
            .last()
            .map(|s| s.to_string())
            .unwrap_or_default()
    }

    pub fn label_of_column(&self, pos: CellPos) -> String {
        self.table.column_labels(pos.group, pos.column).join(" › ")
    }

    /// The row and column of a cell for a finding. Where the table has one row (表四), the row is
    /// the column's group (行政复议, 行政诉讼 › 未经复议直接起诉) and the column its leaf.
    pub fn place_of(&self, pos: CellPos) -> (Option<String>, Option<String>) {
        let row = self.label_of_row(pos);
        let path = self.table.column_labels(pos.group, pos.column);
        if row.is_empty() && path.len() > 1 {
            let (leaf, group) = path.split_last().expect("two labels");
            return (Some(group.join(" › ")), Some(leaf.to_string()));
        }
        let column = path.join(" › ");
        (
            (!row.is_empty()).then_some(row),
            (!column.is_empty()).then_some(column),
        )
    }

    /// `total = sum(parts)`: derives the total where the source gives none, otherwise checks it.
    pub fn check_sum(
        &mut self,
        rule: Rule,
        total: CellPos,
        parts: &[CellPos],
        (describe, describe_en): (&str, &str),
    ) {
        let printed_cell = self.table.cell(total).map(|c| c.value);
        let total_missing = matches!(printed_cell, Some(CellValue::NotProvided) | None);
        let total_blank = matches!(printed_cell, Some(CellValue::Blank));
        if total_missing || total_blank {
            self.derive_total(rule, total, parts, (describe, describe_en), total_missing);
            return;
        }
        let Term::Value(printed, _) = self.term(total) else {
            return;
        };
        if self.any_missing(parts) {
            self.skipped += 1;
            return;
        }
        let Some(sum) = self.sum(parts) else {
            return;
        };
        self.note_blanks(parts);
        if !sum.same_value(&printed) {
            let (row, column) = self.place_of(total);
            let said = Said::new(Says::Sum)
                .said("place", place_said(&row, &column))
                .both("describe", &describe, &describe_en)
                .text("sum", &sum)
                .text("printed", &printed)
                .said("difference", difference(printed, sum));
            self.findings.push(Finding {
                rule,
                severity: Severity::Error,
                table_id: None,
                table: self.name.clone(),
                row,
                column,
                expected: Some(sum.to_string()),
                printed: Some(printed.to_string()),
                cells: vec![total],
                said,
            });
        }
    }

    /// A total not given (`missing`) or printed blank: shown as the sum of its parts when they
    /// are all there; a blank total beside figures is reported too.
    fn derive_total(
        &mut self,
        rule: Rule,
        total: CellPos,
        parts: &[CellPos],
        (describe, describe_en): (&str, &str),
        missing: bool,
    ) {
        let (true, Some(sum)) = (self.all_available(parts), self.sum(parts)) else {
            if self.any_missing(parts) || missing {
                self.skipped += 1;
            }
            return;
        };
        if missing || sum.units != 0 {
            self.table.derived.insert(total, sum);
            self.note_blanks(parts);
        }
        if !missing && sum.units != 0 {
            // A published total left blank beside figures is a defect of the publication: shown
            // as computed, reported as an error.
            let (row, column) = self.place_of(total);
            self.findings.push(Finding {
                rule,
                severity: Severity::Error,
                table_id: None,
                table: self.name.clone(),
                said: Said::new(Says::BlankTotal)
                    .said("place", place_said(&row, &column))
                    .both("describe", &describe, &describe_en)
                    .text("sum", &sum),
                row,
                column,
                expected: Some(sum.to_string()),
                printed: Some(ZH.paren(ZH.blank)),
                cells: vec![total],
            });
        }
    }
}

/// Where a figure is: “row”行“column” (Row “r”, column “c”), one of them, or the total.
pub fn place_said(row: &Option<String>, column: &Option<String>) -> Said {
    match (row, column) {
        (Some(r), Some(c)) => Said::new(Says::PlaceRowColumn)
            .text("row", r)
            .text("column", c),
        (None, Some(name)) | (Some(name), None) => Said::new(Says::PlaceOne).text("name", name),
        (None, None) => Said::new(Says::PlaceTotal),
    }
}

/// `a` − `b`, when it fits.
fn minus(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(Decimal {
        units: -b.units,
        scale: b.scale,
    })
}

/// How `a` differs from `b` ("多 1", "1 more"): what citizens read has no signed numbers.
pub fn difference(a: Decimal, b: Decimal) -> Said {
    match minus(a, b) {
        Some(d) if d.units > 0 => Said::new(Says::More).text("d", &d),
        Some(d) if d.units < 0 => {
            let d = Decimal {
                units: -d.units,
                ..d
            };
            Said::new(Says::Less).text("d", &d)
        }
        Some(_) => Said::new(Says::Same),
        None => Said::new(Says::Unknown),
    }
}

/// How far apart two figures are, unsigned ("3"): for two sides that should be equal, neither
/// of which is the one printed wrongly.
pub fn gap(a: Decimal, b: Decimal) -> String {
    match minus(a, b) {
        Some(d) => Decimal {
            units: d.units.abs(),
            ..d
        }
        .to_string(),
        None => "?".into(),
    }
}

/// A figure of a table by keys: printed, or derived; blank and not-applicable count as 0; None
/// when not provided or not a figure.
pub fn figure(t: &StatTable, row: &str, column: &str) -> Option<Decimal> {
    t.keyed_cell(row, column).and_then(|(pos, cell)| {
        t.derived.get(&pos).copied().or(match cell.value {
            CellValue::Number(d) => Some(d),
            CellValue::Blank | CellValue::NotApplicable => Some(Decimal::whole(0)),
            _ => None,
        })
    })
}
