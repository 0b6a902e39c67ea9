//! What checking a report finds: one [`Finding`] per broken identity, bad figure or unknown name.

use super::table::CellPos;
pub use crate::labels::findings::{Hole, Said, Says};
use crate::labels::{EN, ZH};
use serde::Serialize;

/// The longest text a message quotes, in characters.
pub use crate::labels::findings::QUOTE_CHARS;

/// A text as messages quote it: at most [`QUOTE_CHARS`] characters, and the full length said when
/// it is cut ("…（共 200000 字）").
pub fn quote(text: &str) -> String {
    ZH.quote(text)
}

/// A cell's printed text as English messages show it: quoted short, or blank.
pub fn shown_text_en(cell: &super::cell::Cell) -> String {
    match cell.text.trim() {
        "" => EN.blank.into(),
        t => EN.quote(t),
    }
}

/// A cell's printed text as messages show it: quoted short, or 空白.
pub fn shown_text(cell: &super::cell::Cell) -> String {
    match cell.text.trim() {
        "" => ZH.blank.into(),
        t => quote(t),
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For the record: blanks counted as zero, a label matched loosely, checks skipped.
    Info,
    /// Probably wrong, but not provably.
    Warning,
    /// The published figures contradict each other or the rules of the form.
    Error,
}

/// Which rule a finding is about (ids from the report-format reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// 表三, per column: 一 + 二 = （七）总计 + 四.
    R3_1,
    /// 表三, per column: （七）总计 = the sum of all result rows.
    R3_2,
    /// 表三, per row: 总计 = the sum of the six applicant columns.
    R3_3,
    /// 表四, per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    R4_1,
    /// Counts are whole numbers ≥ 0; amounts ≥ 0.
    N1,
    /// Cross-year: this year's 二、上年结转 = last year's 四、结转下年度继续办理.
    X1,
    /// Cross-year: 现行有效件数 ≈ last year's + 本年制发件数 − 本年废止件数 (a hint).
    X2,
    /// Blank or not-applicable cells counted as zero.
    Blank,
    /// Checks that could not run because figures are not provided.
    NotProvided,
    /// A row or column label matched only loosely.
    Label,
    /// A row or column name in the JSON that matches nothing in the template.
    UnknownName,
    /// The report's structure: a generic table whose cells do not fit its headers, a repeated id.
    Structure,
    /// Report metadata that cannot be read (e.g. the publish time).
    Meta,
    /// The text states a figure that the table gives differently, or a part the report must
    /// have is empty (正文一致性).
    T1,
    /// What the importer decided or could not place, reading a page's article (enhance mode).
    Import,
    /// The six parts present, in order, titled as the regulation names them.
    P1,
    /// Part 五 that says only "无" or next to nothing.
    P2,
    /// 表二 cells left blank or printed as a placeholder where the form wants a figure.
    P3,
    /// A whole's table cell against the sum of its parts' reports (report-tool `check --sum`).
    H1,
}

/// Written as the reference writes it ("R3.1"), in `check --json` and everywhere else.
impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl Rule {
    /// The id as the reference writes it.
    pub fn id(self) -> &'static str {
        match self {
            Rule::R3_1 => "R3.1",
            Rule::R3_2 => "R3.2",
            Rule::R3_3 => "R3.3",
            Rule::R4_1 => "R4.1",
            Rule::N1 => "N1",
            Rule::X1 => "X1",
            Rule::X2 => "X2",
            Rule::Blank => "blank",
            Rule::NotProvided => "not-provided",
            Rule::Label => "label",
            Rule::UnknownName => "unknown-name",
            Rule::Structure => "structure",
            Rule::Meta => "meta",
            Rule::T1 => "T1",
            Rule::Import => "import",
            Rule::P1 => "P1",
            Rule::P2 => "P2",
            Rule::P3 => "P3",
            Rule::H1 => "H1",
        }
    }
}

/// One thing checking found, located as precisely as the rule allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// How serious it is.
    pub severity: Severity,
    /// Anchor id of the table concerned.
    pub table_id: Option<String>,
    /// The table's name as shown (e.g. 表三　收到和处理政府信息公开申请情况), or the field.
    pub table: String,
    /// The row concerned, by its official label.
    pub row: Option<String>,
    /// The column concerned, by its official label.
    pub column: Option<String>,
    /// The figure the identity requires.
    pub expected: Option<String>,
    /// The figure printed.
    pub printed: Option<String>,
    /// The cells concerned, for marking them in the table.
    pub cells: Vec<CellPos>,
    /// What it says, worded by the labels (in report-tool's JSON: `message`, in Chinese, the
    /// record).
    #[serde(rename = "message", serialize_with = "in_chinese")]
    pub said: Said,
}

fn in_chinese<S: serde::Serializer>(said: &Said, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&ZH.said(said))
}

impl Finding {
    /// A finding about a table or field as a whole: no row, column, figures or cells.
    pub fn about(rule: Rule, severity: Severity, table: &str, said: Said) -> Finding {
        Finding {
            rule,
            severity,
            table_id: None,
            table: table.to_string(),
            row: None,
            column: None,
            expected: None,
            printed: None,
            cells: Vec::new(),
            said,
        }
    }

    /// What it says, in Chinese (the record: report-tool, its JSON, the reading script).
    pub fn message(&self) -> String {
        ZH.said(&self.said)
    }

    /// What it says in English.
    pub fn message_en(&self) -> String {
        EN.said(&self.said)
    }

    /// Printed figures the importer could not place in the table (its note below the table):
    /// a warning, so a reviewer sees them.
    pub fn unplaced(table_id: &str, table: &str, note: &str) -> Finding {
        let mut f = Finding::about(
            Rule::UnknownName,
            Severity::Warning,
            table,
            Said::new(Says::Unplaced).text("note", &note),
        );
        f.table_id = Some(table_id.to_string());
        f
    }

    /// A name in a template's values that matches no official row or column.
    /// `figures` lists what is not shown ("自然人 4，总计 4").
    pub fn unknown_name(
        table_id: &str,
        table: &str,
        row: &str,
        column: Option<&str>,
        (figures, figures_en): (&str, &str),
    ) -> Finding {
        let what = match column {
            Some(c) => Said::new(Says::NameRowColumn)
                .text("row", &row)
                .text("column", &c),
            None => Said::new(Says::NameRow).text("row", &row),
        };
        let said = if figures.is_empty() {
            Said::new(Says::UnknownName).said("what", what)
        } else {
            Said::new(Says::UnknownNameFigures).said("what", what).both(
                "figures",
                &figures,
                &figures_en,
            )
        };
        Finding {
            rule: Rule::UnknownName,
            severity: Severity::Error,
            table_id: Some(table_id.to_string()),
            table: table.to_string(),
            row: Some(row.to_string()),
            column: column.map(str::to_string),
            expected: None,
            printed: None,
            cells: Vec::new(),
            said,
        }
    }

    /// What the importer noted reading a page's article ("页面未写明发布日期"), for the record.
    pub fn import_note(note: Said) -> Finding {
        Finding::about(
            Rule::Import,
            Severity::Info,
            crate::labels::findings::place::IMPORT,
            note,
        )
    }

    /// True for errors and warnings: what a webmaster must look at.
    pub fn needs_attention(&self) -> bool {
        self.severity >= Severity::Warning
    }
}
