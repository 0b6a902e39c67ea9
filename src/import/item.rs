//! What the page body is read into, in order, before the section tree is rebuilt.

use crate::model::grid::Grid;

/// A piece of the page body, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A line of text.
    Line(String),
    /// A table.
    Table(Grid),
    /// The text of a table whose cells ran together in a text copy ("规章000行政规范性文件693665"):
    /// the figures cannot be told apart, so it is kept as text, never read as figures.
    Flat(String),
}

/// Whether a text reads as a heading: short, and not a sentence.
pub fn heading_like(title: &str, max: usize) -> bool {
    let n = title.chars().count();
    n > 0
        && n <= max
        && !title.ends_with(['。', '；', ';', '，', ',', '：', ':'])
        && !title.contains('。')
}
