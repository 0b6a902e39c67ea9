//! The page as plain data: what each element is, its classes, ids, spans, `headers`, words and
//! marks, decided once from the checked report and the labels. The viewer's components
//! (`ui`) and the saved page and print view (`export::html`) only translate it into their
//! elements, so the screen and what the reader takes away are the same page. Pure, tested
//! natively.

pub mod chart;
pub mod page;
pub mod table;
