//! An HTML table expanded to a rectangular grid: a cell spanning rows or columns fills every
//! position it covers, and each position remembers which source cell it came from.

use scraper::{ElementRef, Selector};

/// One source cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCell {
    /// Its text, white space collapsed.
    pub text: String,
    /// Row and column where it starts.
    pub origin: (usize, usize),
}

/// The expanded table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// Rows of positions; `None` where the source had no cell.
    pub rows: Vec<Vec<Option<SourceCell>>>,
}

impl Grid {
    /// Builds the grid of a `<table>` element (nested tables are read as text of their cell).
    pub fn from_table(table: ElementRef) -> Grid {
        let tr = Selector::parse("tr").expect("static selector");
        let mut rows: Vec<Vec<(String, usize, usize)>> = Vec::new();
        for row in table.select(&tr) {
            // Skip rows of nested tables: their closest table ancestor is not this one.
            let owner = row
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "table");
            if owner.map(|o| o.id()) != Some(table.id()) {
                continue;
            }
            let mut cells = Vec::new();
            for cell in row.children().filter_map(ElementRef::wrap) {
                let name = cell.value().name();
                if name != "td" && name != "th" {
                    continue;
                }
                let span = |attr: &str| {
                    cell.value()
                        .attr(attr)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .filter(|n| *n >= 1)
                        .unwrap_or(1)
                        .min(100)
                };
                let text = super::html::collapse(&cell.text().collect::<String>());
                cells.push((text, span("rowspan"), span("colspan")));
            }
            rows.push(cells);
        }
        Grid::from_spans(rows)
    }

    /// Builds the grid from rows of (text, rowspan, colspan).
    pub fn from_spans(rows: Vec<Vec<(String, usize, usize)>>) -> Grid {
        let mut grid: Vec<Vec<Option<SourceCell>>> = Vec::new();
        for (r, cells) in rows.into_iter().enumerate() {
            if grid.len() <= r {
                grid.resize(r + 1, Vec::new());
            }
            let mut c = 0;
            for (text, rowspan, colspan) in cells {
                while grid[r].get(c).is_some_and(Option::is_some) {
                    c += 1;
                }
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
                        grid[rr][cc] = Some(SourceCell {
                            text: text.clone(),
                            origin: (r, c),
                        });
                    }
                }
                c += colspan;
            }
        }
        let width = grid.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut grid {
            row.resize(width, None);
        }
        // Drop rows that are entirely empty.
        grid.retain(|row| {
            row.iter()
                .any(|c| c.as_ref().is_some_and(|c| !c.text.is_empty()))
        });
        Grid { rows: grid }
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
            .map(|c| c.text.as_str())
            .unwrap_or("")
    }

    /// The source cell's origin at a position.
    pub fn origin(&self, r: usize, c: usize) -> Option<(usize, usize)> {
        self.rows.get(r)?.get(c)?.as_ref().map(|c| c.origin)
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
