//! Lays a [`StatTable`] out as HTML table rows: row and column spans from the header trees, and
//! for every data cell the ids of all headers above and beside it (`headers` attribute), so a
//! screen reader announces "三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密, 申请人情况 ›
//! 自然人" for a cell of 表三. Pure: the view only turns these into elements.

use super::table::{depth, CellPos, Header, StatTable, TableGroup};

/// What kind of cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// The top-left corner above the row headers.
    Corner,
    /// A column header.
    ColumnHeader,
    /// A row header.
    RowHeader,
    /// A figure.
    Data,
}

/// One cell as laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidCell {
    /// What kind of cell.
    pub kind: CellKind,
    /// Label text (headers, corner); empty for data cells.
    pub text: String,
    /// Element id (headers only).
    pub id: Option<String>,
    /// Ids of the headers that apply (data cells, and sub-headers for their parents).
    pub headers: Vec<String>,
    /// Column span.
    pub colspan: usize,
    /// Row span.
    pub rowspan: usize,
    /// `scope` for header cells: col, colgroup, row or rowgroup.
    pub scope: Option<&'static str>,
    /// Position of a data cell.
    pub pos: Option<CellPos>,
    /// A row header's level (0 outermost), for holding the row headers in view.
    pub level: usize,
}

/// A block of a table, laid out as a `<table>` of its own: a table of several blocks (表二, one
/// block per 第二十条 item, each with its own columns) is several `<table>`s, because a browser
/// ties a cell to every column header above it in the same `<table>`, whatever `headers` says
/// (Chromium does): in one `<table>` a figure of 表二 would be announced with the headers of
/// every block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidBlock {
    /// Index of its group in the table.
    pub group: usize,
    /// Its heading (a block of 表二: "第二十条第（一）项") with the id of its `<caption>`.
    pub heading: Option<(String, String)>,
    /// The `thead` rows: one per level of column headers.
    pub head: Vec<Vec<LaidCell>>,
    /// The `tbody` rows, laid out a range at a time.
    pub body: LaidBody,
}

impl LaidBlock {
    /// Every cell, head first.
    pub fn cells(&self) -> Vec<LaidCell> {
        let body = self.body.rows(0..self.body.len());
        self.head
            .iter()
            .flatten()
            .cloned()
            .chain(body.into_iter().flatten())
            .collect()
    }
}

/// The `tbody` of a block, laid out a range of rows at a time: a table of 20,000 rows is drawn in
/// chunks, and laying out all its cells at once held the page for 60–95 ms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidBody {
    group: usize,
    rows: usize,
    columns: usize,
    /// The ids above each data column.
    column_leaf_ids: Vec<Vec<String>>,
    /// For each row, the headers on its path, with the cells of those it opens.
    row_paths: Vec<Vec<PathEntry>>,
}

impl LaidBody {
    /// Its number of rows.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether it has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// These rows: row headers where they start, then a cell per data column headed by its
    /// column headers and its row headers.
    pub fn rows(&self, range: std::ops::Range<usize>) -> Vec<Vec<LaidCell>> {
        range
            .filter(|r| *r < self.rows)
            .map(|r| {
                let mut cells = Vec::new();
                let mut row_ids = Vec::new();
                for starter in self.row_paths.get(r).into_iter().flatten() {
                    cells.extend(starter.cell.clone());
                    row_ids.push(starter.id.clone());
                }
                for c in 0..self.columns {
                    let mut headers = self.column_leaf_ids.get(c).cloned().unwrap_or_default();
                    headers.extend(row_ids.iter().cloned());
                    cells.push(LaidCell {
                        kind: CellKind::Data,
                        text: String::new(),
                        id: None,
                        headers,
                        colspan: 1,
                        rowspan: 1,
                        scope: None,
                        pos: Some(CellPos {
                            group: self.group,
                            row: r,
                            column: c,
                        }),
                        level: 0,
                    });
                }
                cells
            })
            .collect()
    }
}

fn header_cell(kind: CellKind, text: &str, id: String, parents: &[String]) -> LaidCell {
    LaidCell {
        kind,
        text: text.to_string(),
        id: Some(id),
        headers: parents.to_vec(),
        colspan: 1,
        rowspan: 1,
        scope: None,
        pos: None,
        level: 0,
    }
}

/// Consecutive runs of items whose sizes add up to about `budget` (each run at least one item,
/// never more than it takes to reach the budget): what opening every part does in one frame each,
/// so a huge report opens a screenful at once and the rest in the frames that follow.
pub fn batches(sizes: &[usize], budget: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut sum = 0;
    for (i, size) in sizes.iter().enumerate() {
        sum += size;
        if sum >= budget {
            out.push(start..i + 1);
            start = i + 1;
            sum = 0;
        }
    }
    if start < sizes.len() {
        out.push(start..sizes.len());
    }
    out
}

/// Lays out the table, one block per group: a `thead` of column headers and a `tbody` of rows.
pub fn layout(table: &StatTable) -> Vec<LaidBlock> {
    (0..table.groups.len())
        .map(|g| {
            let block = GroupLayout::new(table, g);
            let (head, column_leaf_ids) = block.head();
            let body = LaidBody {
                group: g,
                rows: block.group.row_count(),
                columns: block.group.column_count(),
                column_leaf_ids,
                row_paths: row_paths(&block.group.rows, &block.prefix, block.row_depth),
            };
            LaidBlock {
                group: g,
                heading: table.groups[g]
                    .heading
                    .clone()
                    .map(|h| (format!("{}-h", block.prefix), h)),
                head,
                body,
            }
        })
        .collect()
}

/// One group of a table as it is laid out.
struct GroupLayout<'a> {
    group: &'a TableGroup,
    prefix: String,
    row_depth: usize,
    col_depth: usize,
}

impl<'a> GroupLayout<'a> {
    fn new(table: &'a StatTable, g: usize) -> Self {
        let group = &table.groups[g];
        GroupLayout {
            group,
            prefix: format!("{}-g{g}", table.id),
            row_depth: depth(&group.rows),
            col_depth: depth(&group.columns),
        }
    }

    /// One row per level of column headers, and the ids above each data column.
    fn head(&self) -> (Vec<Vec<LaidCell>>, Vec<Vec<String>>) {
        let group = self.group;
        let mut column_leaf_ids: Vec<Vec<String>> = Vec::new();
        if self.col_depth == 0 {
            return (Vec::new(), column_leaf_ids);
        }
        let mut levels: Vec<Vec<LaidCell>> = vec![Vec::new(); self.col_depth];
        if self.row_depth > 0 {
            levels[0].push(LaidCell {
                kind: CellKind::Corner,
                text: group.corner.clone().unwrap_or_default(),
                id: None,
                headers: Vec::new(),
                colspan: self.row_depth,
                rowspan: self.col_depth,
                scope: None,
                pos: None,
                level: 0,
            });
        }
        let mut counter = 0;
        for h in &group.columns {
            place_column(
                h,
                0,
                self.col_depth,
                &self.prefix,
                &mut counter,
                &[],
                &mut levels,
                &mut column_leaf_ids,
            );
        }
        (levels, column_leaf_ids)
    }
}

#[allow(clippy::too_many_arguments)]
fn place_column(
    h: &Header,
    level: usize,
    col_depth: usize,
    prefix: &str,
    counter: &mut usize,
    parents: &[String],
    levels: &mut [Vec<LaidCell>],
    leaf_ids: &mut Vec<Vec<String>>,
) {
    let id = format!("{prefix}-c{counter}");
    *counter += 1;
    let mut cell = header_cell(CellKind::ColumnHeader, &h.label, id.clone(), parents);
    cell.colspan = h.leaf_count();
    let mut path = parents.to_vec();
    path.push(id);
    if h.children.is_empty() {
        cell.rowspan = col_depth - level;
        cell.scope = Some("col");
        leaf_ids.push(path);
        levels[level].push(cell);
    } else {
        cell.scope = Some("colgroup");
        levels[level].push(cell);
        for c in &h.children {
            place_column(
                c,
                level + 1,
                col_depth,
                prefix,
                counter,
                &path,
                levels,
                leaf_ids,
            );
        }
    }
}

/// For one data row: each header on its path, with the cell to emit if the row opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PathEntry {
    id: String,
    cell: Option<LaidCell>,
}

fn row_paths(rows: &[Header], prefix: &str, row_depth: usize) -> Vec<Vec<PathEntry>> {
    fn walk(
        h: &Header,
        level: usize,
        row_depth: usize,
        prefix: &str,
        counter: &mut usize,
        parents: &[String],
        out: &mut Vec<Vec<PathEntry>>,
    ) {
        let id = format!("{prefix}-r{counter}");
        *counter += 1;
        let mut cell = header_cell(CellKind::RowHeader, &h.label, id.clone(), parents);
        cell.rowspan = h.leaf_count();
        cell.level = level;
        let first_row = out.len();
        let mut path = parents.to_vec();
        path.push(id.clone());
        if h.children.is_empty() {
            cell.colspan = row_depth - level;
            cell.scope = Some("row");
            let mut entries: Vec<PathEntry> = parents
                .iter()
                .map(|p| PathEntry {
                    id: p.clone(),
                    cell: None,
                })
                .collect();
            entries.push(PathEntry {
                id,
                cell: Some(cell),
            });
            out.push(entries);
        } else {
            cell.scope = Some("rowgroup");
            for c in &h.children {
                walk(c, level + 1, row_depth, prefix, counter, &path, out);
            }
            // The first row under this header opens it.
            if let Some(entry) = out[first_row].get_mut(level) {
                entry.cell = Some(cell);
            }
        }
    }
    let mut out = Vec::new();
    let mut counter = 0;
    for h in rows {
        walk(h, 0, row_depth, prefix, &mut counter, &[], &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn batches_reach_the_budget_and_cover_every_item_once() {
        use super::batches;
        assert_eq!(batches(&[5, 5, 5, 5, 5], 10), vec![0..2, 2..4, 4..5]);
        assert_eq!(
            batches(&[30, 1, 1], 10),
            vec![0..1, 1..3],
            "an item over the budget alone"
        );
        assert_eq!(
            batches(&[1, 2, 3], 100),
            vec![0..3],
            "a normal report: all at once"
        );
        assert!(batches(&[], 10).is_empty());
    }

    use super::*;
    use crate::model::validate::resolve_table;
    use crate::model::TableBlock;

    fn body(b: &LaidBlock) -> Vec<Vec<LaidCell>> {
        b.body.rows(0..b.body.len())
    }

    fn laid(template: &str) -> (StatTable, Vec<LaidBlock>) {
        let block: TableBlock =
            serde_json::from_str(&format!(r#"{{"id":"t","template":"{template}"}}"#)).unwrap();
        let (t, _) = resolve_table(&block);
        let l = layout(&t);
        (t, l)
    }

    /// Every row must fill the grid exactly, counting cells spanning down from rows above.
    fn assert_rectangular(blocks: &[LaidBlock], width: impl Fn(usize) -> usize) {
        for b in blocks {
            let width = width(b.group);
            let mut carry: Vec<usize> = vec![0; width];
            for (i, row) in b.head.iter().chain(&body(b)).enumerate() {
                let mut col = 0;
                for cell in row {
                    while col < width && carry[col] > 0 {
                        col += 1;
                    }
                    let end = (col + cell.colspan).min(width);
                    for c in carry.iter_mut().take(end).skip(col) {
                        *c = cell.rowspan;
                    }
                    col += cell.colspan;
                }
                while col < width && carry[col] > 0 {
                    col += 1;
                }
                assert_eq!(col, width, "row {i} fills {col} of {width}: {row:?}");
                for c in carry.iter_mut() {
                    *c = c.saturating_sub(1);
                }
            }
        }
    }

    #[test]
    fn table3_grid_is_rectangular_with_three_header_levels() {
        let (t, l) = laid("table3-2021");
        assert_eq!(t.groups[0].grid_width(), 3 + 7);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].heading, None);
        assert_eq!(l[0].head.len(), 3);
        assert_eq!(body(&l[0]).len(), 25);
        assert_rectangular(&l, |_| 10);
        // Corner spans the row-header columns and the header rows.
        let corner = &l[0].head[0][0];
        assert_eq!(
            (corner.kind, corner.colspan, corner.rowspan),
            (CellKind::Corner, 3, 3)
        );
        // 自然人 spans down two rows; 法人或其他组织 spans five columns.
        let natural = l[0].head[1].iter().find(|c| c.text == "自然人").unwrap();
        assert_eq!(natural.rowspan, 2);
        let legal = l[0].head[1]
            .iter()
            .find(|c| c.text == "法人或其他组织")
            .unwrap();
        assert_eq!((legal.colspan, legal.scope), (5, Some("colgroup")));
    }

    #[test]
    fn data_cells_name_every_header_above_and_beside() {
        let (t, l) = laid("table3-2021");
        let id_text = |id: &str| -> String {
            l.iter()
                .flat_map(|b| b.cells())
                .find(|c| c.id.as_deref() == Some(id))
                .map(|c| c.text.clone())
                .unwrap()
        };
        let pos = t.keyed[&("refused_state_secret".to_string(), "commercial".to_string())];
        let rows = body(&l[0]);
        let cell = rows.iter().flatten().find(|c| c.pos == Some(pos)).unwrap();
        let names: Vec<String> = cell.headers.iter().map(|h| id_text(h)).collect();
        assert_eq!(
            names,
            [
                "申请人情况",
                "法人或其他组织",
                "商业企业",
                "三、本年度办理结果",
                "（三）不予公开",
                "1.属于国家秘密"
            ]
        );
        // Row headers: a leaf at the top level spans all three row-header columns.
        let first = &body(&l[0])[0][0];
        assert_eq!(
            (first.text.as_str(), first.colspan, first.scope),
            ("一、本年新收政府信息公开申请数量", 3, Some("row"))
        );
        // 三、本年度办理结果 opens the third row and spans every result row.
        let results = &body(&l[0])[2][0];
        assert_eq!(
            (results.text.as_str(), results.rowspan),
            ("三、本年度办理结果", 22)
        );
    }

    #[test]
    fn table2_blocks_are_tables_of_their_own_whose_cells_name_only_their_own_headers() {
        let (t, l) = laid("table2-2019");
        assert_eq!(l.len(), 5);
        assert_rectangular(&l, |g| t.groups[g].grid_width());
        // Block 第二十条第（八）项: its heading is its caption, two columns of its own.
        let block = &l[3];
        assert_eq!(
            block.heading,
            Some(("t-g3-h".to_string(), "第二十条第（八）项".to_string()))
        );
        assert_eq!(block.head.len(), 1);
        let change = block.head[0]
            .iter()
            .find(|c| c.text == "本年增/减")
            .unwrap();
        assert_eq!(change.colspan, 1);
        let rows = body(block);
        let data = rows[0].last().unwrap();
        assert_eq!((data.kind, data.colspan), (CellKind::Data, 1));
        // Exactly its column and its row, each once.
        let cells = block.cells();
        let text = |id: &String| {
            cells
                .iter()
                .find(|c| c.id.as_ref() == Some(id))
                .map(|c| c.text.as_str())
        };
        let names: Vec<_> = data.headers.iter().map(text).collect();
        assert_eq!(names, [Some("本年增/减"), Some("行政事业性收费")]);
    }

    #[test]
    fn rows_laid_out_a_range_at_a_time_are_the_rows_laid_out_at_once() {
        let (_, l) = laid("table3-2021");
        let all = body(&l[0]);
        let mut pieces = Vec::new();
        for start in (0..all.len()).step_by(7) {
            pieces.extend(l[0].body.rows(start..start + 7));
        }
        assert_eq!(pieces, all);
        assert!(l[0].body.rows(25..40).is_empty());
    }

    #[test]
    fn table4_has_one_unlabelled_row() {
        let (_, l) = laid("table4-2021");
        assert_rectangular(&l, |_| 15);
        assert_eq!(body(&l[0]).len(), 1);
        assert_eq!(body(&l[0])[0].len(), 15);
        let review_upheld = l[0].head[1].iter().find(|c| c.text == "结果维持").unwrap();
        assert_eq!(review_upheld.rowspan, 2);
    }
}
