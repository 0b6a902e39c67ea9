//! An HTML `<table>` expanded to the importer's grid ([`Grid`]): cells with their spans, nested
//! tables read as the text of their cell, spans past what browsers honour capped and reported.

use super::dom::{collapse, Dom, NodeId};
use crate::labels::findings::Said;
use crate::labels::notes::Noted;
use crate::model::grid::{Grid, SpannedRows, MAX_COLSPAN, MAX_ROWSPAN};

/// Builds the grid of a `<table>` element.
pub fn from_table(doc: &Dom, table: NodeId) -> Grid {
    let mut trs = Vec::new();
    doc.walk(table, |n| match doc.element(n) {
        Some("tr") => {
            trs.push(n);
            false
        }
        // Rows of nested tables belong to their own table.
        Some("table") => n == table,
        _ => true,
    });
    let mut rows = SpannedRows::with_capacity(trs.len());
    let mut clipped = Vec::new();
    let mut raw = String::new();
    for row in trs {
        // Sized to the row: 20,000 rows of 3 cells grown to 4 each cost a megabyte.
        rows.row(
            doc.children(row)
                .filter(|&c| matches!(doc.element(c), Some("td" | "th")))
                .count(),
        );
        for cell in doc.children(row) {
            if !matches!(doc.element(cell), Some("td" | "th")) {
                continue;
            }
            let r = rows.len();
            let k = rows.cells_in_row() + 1;
            let mut span = |attr: &str, max: usize| {
                let given = doc.attr(cell, attr).map(str::trim);
                let n = match given.map(|v| v.parse::<u64>()) {
                    None => return 1,
                    // rowspan="0" spans to the end of the table, as browsers read it.
                    Some(Ok(0)) if attr == "rowspan" => return MAX_ROWSPAN,
                    Some(Ok(n)) if n >= 1 => n,
                    _ => return 1,
                };
                if n > max as u64 {
                    clipped.push(capped((r, k), attr, n, max));
                    max
                } else {
                    n as usize
                }
            };
            let (rs, cs) = (span("rowspan", MAX_ROWSPAN), span("colspan", MAX_COLSPAN));
            raw.clear();
            doc.push_text(cell, &mut raw);
            rows.cell(&collapse(&raw), rs, cs);
        }
    }
    let mut grid = Grid::from_rows(rows);
    clipped.append(&mut grid.clipped);
    grid.clipped = clipped;
    grid
}

/// The note for a span past what browsers honour, read as `max`.
fn capped((row, cell): (usize, usize), attr: &str, n: u64, max: usize) -> Said {
    Said::noted(Noted::SpanCapped)
        .text("row", &row)
        .text("cell", &cell)
        .text("attr", &attr)
        .text("n", &n)
        .text("max", &max)
}

#[cfg(all(test, feature = "tool"))]
mod tests {
    use super::*;

    #[test]
    fn spans_beyond_what_browsers_honour_are_capped_and_reported() {
        let doc = Dom::parse(
            "<table><tr><td colspan=\"99999\">a</td></tr><tr><td rowspan=\"70000\">b</td><td>1</td></tr><tr><td>2</td></tr></table>",
        );
        let g = from_table(&doc, doc.select(&["table"])[0]);
        assert_eq!(g.width(), MAX_COLSPAN);
        assert_eq!(g.text(2, 0), "b");
        assert_eq!(g.text(2, 1), "2");
        assert!(
            g.clipped
                .iter()
                .any(|c| crate::labels::ZH.said(c).contains("colspan=99999")),
            "{:?}",
            g.clipped
        );
        assert!(
            g.clipped
                .iter()
                .any(|c| crate::labels::ZH.said(c).contains("rowspan=70000")),
            "{:?}",
            g.clipped
        );
    }
}
