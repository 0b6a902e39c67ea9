//! A printed table as a rectangular grid of texts, whatever it was printed in (an HTML table, a
//! PDF's ruled grid, a text copy's lines): a cell spanning rows or columns fills every position
//! it covers, and each position remembers which source cell it came from. The importer builds
//! grids (`import::grid` from HTML); the templates' page readers read them.

/// One source cell at a position: where its text is in the grid's texts, and the row and column
/// where it starts. A cell spanning many positions shares one text (a grid takes about 20 bytes a
/// position and its texts once, not a string each: a page of small cells stays under 10× its
/// size in memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceCell {
    start: u32,
    end: u32,
    origin: (u32, u32),
}

/// The expanded table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// Rows of positions; `None` where the source had no cell.
    pub rows: Vec<Vec<Option<SourceCell>>>,
    /// Every cell's text, once, one after another.
    texts: String,
    /// Spans that were capped or clipped, for the importer's report.
    pub clipped: Vec<crate::labels::findings::Said>,
    /// Which official table this is, once worked out (see [`Grid::official`]).
    pub(crate) official: std::cell::OnceCell<Option<u8>>,
}

/// The largest spans browsers honour (HTML: rowspan ≤ 65534, colspan ≤ 1000).
pub const MAX_ROWSPAN: usize = 65534;
/// See [`MAX_ROWSPAN`].
pub const MAX_COLSPAN: usize = 1000;

/// A printed table's rows of cells as read, before spans are expanded: each cell's text (kept in
/// one string), rowspan and colspan. What an importer fills, row by row, to build a [`Grid`].
#[derive(Debug, Default)]
pub struct SpannedRows {
    texts: String,
    rows: Vec<Vec<SpannedCell>>,
}

#[derive(Debug, Clone, Copy)]
struct SpannedCell {
    start: u32,
    end: u32,
    rowspan: u32,
    colspan: u32,
}

impl SpannedRows {
    /// No rows yet, room for `rows` of them.
    pub fn with_capacity(rows: usize) -> SpannedRows {
        SpannedRows {
            texts: String::new(),
            rows: Vec::with_capacity(rows),
        }
    }

    /// Starts a new row with room for `cells`.
    pub fn row(&mut self, cells: usize) {
        self.rows.push(Vec::with_capacity(cells));
    }

    /// Rows so far.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True before the first row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Cells of the current row so far.
    pub fn cells_in_row(&self) -> usize {
        self.rows.last().map_or(0, Vec::len)
    }

    /// Adds a cell to the current row (a row is started if there is none); spans are capped
    /// at [`MAX_ROWSPAN`] and [`MAX_COLSPAN`].
    pub fn cell(&mut self, text: &str, rowspan: usize, colspan: usize) {
        if self.rows.is_empty() {
            self.row(1);
        }
        let start = self.texts.len() as u32;
        self.texts.push_str(text);
        let cell = SpannedCell {
            start,
            end: self.texts.len() as u32,
            rowspan: rowspan.min(MAX_ROWSPAN) as u32,
            colspan: colspan.min(MAX_COLSPAN) as u32,
        };
        self.rows
            .last_mut()
            .expect("a row was just added")
            .push(cell);
    }
}

/// A row span that never reaches past the table's last row (browsers clip it too); a clip is
/// noted, unless the span is absurd (MAX_ROWSPAN or more, taken as "to the end").
fn clip_rowspan(
    rowspan: usize,
    left: usize,
    at: (usize, usize),
    clipped: &mut Vec<crate::labels::findings::Said>,
) -> usize {
    if rowspan <= left {
        return rowspan.max(1);
    }
    if rowspan < MAX_ROWSPAN {
        clipped.push(
            crate::labels::findings::Said::noted(crate::labels::notes::Noted::RowspanClipped)
                .text("row", &(at.0 + 1))
                .text("cell", &(at.1 + 1))
                .text("span", &rowspan)
                .text("left", &left),
        );
    }
    left
}

/// Puts a cell in every grid position it spans, each remembering where it starts.
fn fill_span(
    grid: &mut Vec<Vec<Option<SourceCell>>>,
    (r, c): (usize, usize),
    (rowspan, colspan): (usize, usize),
    (start, end): (u32, u32),
) {
    let cell = SourceCell {
        start,
        end,
        origin: (r as u32, c as u32),
    };
    for dr in 0..rowspan {
        let rr = r + dr;
        if grid.len() <= rr {
            grid.resize(rr + 1, Vec::new());
        }
        for dc in 0..colspan {
            let cc = c + dc;
            if grid[rr].len() <= cc {
                grid[rr].resize(cc + 1, None);
            }
            grid[rr][cc] = Some(cell);
        }
    }
}

impl Grid {
    /// Builds the grid from rows of (text, rowspan, colspan).
    pub fn from_spans(rows: Vec<Vec<(String, usize, usize)>>) -> Grid {
        let mut spanned = SpannedRows::with_capacity(rows.len());
        for cells in rows {
            spanned.row(cells.len());
            for (text, rowspan, colspan) in cells {
                spanned.cell(&text, rowspan, colspan);
            }
        }
        Grid::from_rows(spanned)
    }

    /// Builds the grid from rows read with their spans.
    pub fn from_rows(spanned: SpannedRows) -> Grid {
        let SpannedRows { texts, rows } = spanned;
        let mut grid: Vec<Vec<Option<SourceCell>>> = Vec::new();
        let mut clipped = Vec::new();
        let source_rows = rows.len();
        for (r, cells) in rows.into_iter().enumerate() {
            if grid.len() <= r {
                grid.resize(r + 1, Vec::new());
            }
            // Sized to the row, not grown by doubling: a megabyte on 20,000 rows of 3 cells.
            let width: usize = cells.iter().map(|c| (c.colspan as usize).max(1)).sum();
            let have = grid[r].len();
            grid[r].reserve_exact(width.saturating_sub(have));
            let mut c = 0;
            for (k, cell) in cells.into_iter().enumerate() {
                while grid[r].get(c).is_some_and(Option::is_some) {
                    c += 1;
                }
                let rowspan =
                    clip_rowspan(cell.rowspan as usize, source_rows - r, (r, k), &mut clipped);
                let colspan = (cell.colspan as usize).max(1);
                fill_span(
                    &mut grid,
                    (r, c),
                    (rowspan, colspan),
                    (cell.start, cell.end),
                );
                c += colspan;
            }
        }
        let width = grid.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut grid {
            row.resize(width, None);
        }
        // Drop rows that are entirely empty.
        grid.retain(|row| row.iter().any(|c| c.is_some_and(|c| c.end > c.start)));
        Grid {
            rows: grid,
            texts,
            clipped,
            official: Default::default(),
        }
    }

    /// A grid from rows of (text, rowspan, colspan) given as text (tests write tables so).
    #[cfg(test)]
    pub(crate) fn of(rows: &[&[(&str, usize, usize)]]) -> Grid {
        Grid::from_spans(
            rows.iter()
                .map(|r| {
                    r.iter()
                        .map(|(t, rs, cs)| (t.to_string(), *rs, *cs))
                        .collect()
                })
                .collect(),
        )
    }

    /// True when the table has no text at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Number of columns.
    pub fn width(&self) -> usize {
        self.rows.first().map(Vec::len).unwrap_or(0)
    }

    /// The text at a position ("" where there is none).
    pub fn text(&self, r: usize, c: usize) -> &str {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .and_then(|c| c.as_ref())
            .map_or("", |c| self.cell_text(c))
    }

    /// The source cell's origin at a position.
    pub fn origin(&self, r: usize, c: usize) -> Option<(usize, usize)> {
        self.rows
            .get(r)?
            .get(c)?
            .as_ref()
            .map(|c| (c.origin.0 as usize, c.origin.1 as usize))
    }

    /// The text of a source cell of this grid.
    pub fn cell_text(&self, cell: &SourceCell) -> &str {
        &self.texts[cell.start as usize..cell.end as usize]
    }

    /// Distinct texts of a row, left to right (a spanning cell once).
    pub fn row_texts(&self, r: usize) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut last = None;
        for c in 0..self.width() {
            let o = self.origin(r, c);
            if o.is_some() && o != last {
                out.push(self.text(r, c));
            }
            last = o;
        }
        out
    }

    /// Every text of the table.
    pub fn all_text(&self) -> String {
        (0..self.rows.len())
            .map(|r| self.row_texts(r).join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_span_past_the_table_is_clipped_and_reported() {
        let mut rows = vec![vec![("A".into(), 5000, 1), ("1".into(), 1, 1)]];
        for i in 0..199 {
            rows.push(vec![(format!("{}", i + 2), 1, 1)]);
        }
        let g = Grid::from_spans(rows);
        // Every row is kept (nothing cut at 98 or 100 rows), each figure in column 1.
        assert_eq!(g.rows.len(), 200);
        assert_eq!(g.text(199, 1), "200");
        assert_eq!(g.text(199, 0), "A");
        assert_eq!(g.clipped.len(), 1);
        assert!(
            crate::labels::ZH.said(&g.clipped[0]).contains("跨 5000 行"),
            "{:?}",
            g.clipped
        );
    }

    #[test]
    fn spans_fill_the_grid() {
        let g = Grid::from_spans(vec![
            vec![("A".into(), 2, 1), ("B".into(), 1, 2)],
            vec![("b1".into(), 1, 1), ("b2".into(), 1, 1)],
            vec![("x".into(), 1, 1), ("1".into(), 1, 1), ("2".into(), 1, 1)],
        ]);
        assert_eq!(g.width(), 3);
        assert_eq!(g.text(1, 0), "A");
        assert_eq!(g.origin(1, 0), Some((0, 0)));
        assert_eq!(g.text(0, 2), "B");
        assert_eq!(g.text(1, 2), "b2");
        assert_eq!(g.row_texts(0), vec!["A", "B"]);
        assert_eq!(g.row_texts(2), vec!["x", "1", "2"]);
    }
}
