//! One cell of a statistical table: the text as printed, and what that text means.
//!
//! Real reports print zeros as blanks, "0", "/", "—" or "不适用", add units ("251000元") and
//! signs ("+1036"), and pad with non-breaking spaces. A cell keeps the printed text exactly, so a
//! table can always be shown as published, and carries the parsed [`CellValue`] for arithmetic.

use serde::de::{self, Deserializer, Visitor};
use serde::{Serialize, Serializer};
use std::fmt;

/// A decimal number as printed: `units / 10^scale`. Exact, so identities never suffer from
/// floating-point rounding and the browser build needs no float formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal {
    /// The digits, with the sign.
    pub units: i64,
    /// How many of the digits are after the decimal point.
    pub scale: u8,
}

/// The most digits a figure's whole part may have: 10^15 is more than any count or amount a
/// report gives, and sums of thousands of such figures stay far from overflowing. A longer figure
/// is no figure (a data error, said so), never arithmetic that wraps.
pub const MAX_FIGURE_DIGITS: usize = 15;

/// Whether a whole number is within [`MAX_FIGURE_DIGITS`].
pub fn figure_in_range(n: i64) -> bool {
    n.unsigned_abs() < 10u64.pow(MAX_FIGURE_DIGITS as u32)
}

impl Decimal {
    /// A whole number.
    pub const fn whole(n: i64) -> Self {
        Decimal { units: n, scale: 0 }
    }

    /// The value as a whole number, when it has no fractional part.
    pub fn as_whole(&self) -> Option<i64> {
        let factor = 10i64.checked_pow(self.scale as u32)?;
        (self.units % factor == 0).then_some(self.units / factor)
    }

    /// True when the value has no fractional part.
    pub fn is_whole(&self) -> bool {
        self.as_whole().is_some()
    }

    /// True when the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.units < 0
    }

    /// Rescales to `scale` digits after the point (never loses digits: only grows).
    fn rescaled(&self, scale: u8) -> Option<i64> {
        let up = scale.checked_sub(self.scale)?;
        self.units.checked_mul(10i64.checked_pow(up as u32)?)
    }

    /// True when both denote the same number (`2` and `2.0` are the same).
    pub fn same_value(&self, other: &Decimal) -> bool {
        let scale = self.scale.max(other.scale);
        self.rescaled(scale) == other.rescaled(scale)
    }

    /// Exact sum, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let units = self.rescaled(scale)?.checked_add(other.rescaled(scale)?)?;
        Some(Decimal { units, scale })
    }

    /// Exact difference `self − other`, or `None` on overflow.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let negated = Decimal {
            units: other.units.checked_neg()?,
            scale: other.scale,
        };
        self.checked_add(negated)
    }

    /// Both as whole units of one scale (`1.5` and `2` become 15 and 20), for ratios.
    pub fn common_units(self, other: Decimal) -> Option<(i64, i64)> {
        let scale = self.scale.max(other.scale);
        Some((self.rescaled(scale)?, other.rescaled(scale)?))
    }

    /// The decimal a JSON number denotes, with up to 9 decimal places. Done without float
    /// formatting, which would cost the browser build about 10 KB.
    pub fn from_f64(v: f64) -> Option<Decimal> {
        if !v.is_finite() || v.abs() >= 1e15 {
            return None;
        }
        let mut factor = 1.0f64;
        for scale in 0..=9u8 {
            let x = v * factor;
            let r = x.round();
            // A few ulps of slack: 4166.241619 × 10⁶ is 4166241619.0000005 in binary.
            if (x - r).abs() <= r.abs().max(1.0) * f64::EPSILON * 1e3 {
                return Some(Decimal {
                    units: r as i64,
                    scale,
                });
            }
            factor *= 10.0;
        }
        None
    }

    /// Parses plain decimal text such as `12`, `+1036`, `-3`, `4166.241619` (no units).
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, digits) = match text.as_bytes().first()? {
            b'+' => (false, &text[1..]),
            b'-' => (true, &text[1..]),
            _ => (false, text),
        };
        let (int_part, frac_part) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        if int_part.is_empty()
            || int_part.trim_start_matches('0').len() > MAX_FIGURE_DIGITS
            || !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
            || (digits.contains('.') && frac_part.is_empty())
            || frac_part.len() > 12
        {
            return None;
        }
        let mut units: i64 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            units = units.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        Some(Decimal {
            units: if negative { -units } else { units },
            scale: frac_part.len() as u8,
        })
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.units);
        }
        let factor = 10u64.pow(self.scale as u32);
        let abs = self.units.unsigned_abs();
        let sign = if self.units < 0 { "-" } else { "" };
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / factor,
            abs % factor,
            width = self.scale as usize
        )
    }
}

/// What a printed cell means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellValue {
    /// A figure (units such as 元 or 件 printed in the cell are dropped here, kept in the text).
    Number(Decimal),
    /// Printed empty. Counted as 0 in arithmetic, with an informational note.
    Blank,
    /// Printed as not applicable: "/", "-", "—", "不适用" and the like.
    NotApplicable,
    /// Printed text that is not a figure.
    Text,
    /// The source does not give this cell at all. Different from zero: never counted.
    NotProvided,
}

/// A table cell: the printed text and its parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text as printed (trimmed of padding). Empty for blank and not-provided cells.
    pub text: String,
    /// What the text means.
    pub value: CellValue,
    /// The cell was a JSON number in the source (kept so that saving gives back the same JSON).
    from_number: bool,
}

/// Units that real reports print inside figure cells.
const UNIT_SUFFIXES: &[&str] = &["万元", "元", "件", "个", "项", "条", "次"];
/// Texts that mean "not applicable".
const NOT_APPLICABLE: &[&str] = &["/", "／", "-", "－", "—", "——", "–", "不适用", "无"];

impl Cell {
    /// A cell the source does not give.
    pub fn not_provided() -> Self {
        Cell {
            text: String::new(),
            value: CellValue::NotProvided,
            from_number: false,
        }
    }

    /// A cell holding a whole number.
    pub fn number(n: i64) -> Self {
        Cell {
            text: n.to_string(),
            value: CellValue::Number(Decimal::whole(n)),
            from_number: true,
        }
    }

    /// Reads printed text: trims padding (including non-breaking and full-width spaces),
    /// normalises full-width digits, and strips a trailing unit.
    pub fn from_text(printed: &str) -> Self {
        let text = printed
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
            .to_string();
        let value = parse_value(&text);
        Cell {
            text,
            value,
            from_number: false,
        }
    }

    /// The number, if the cell holds one.
    pub fn number_value(&self) -> Option<Decimal> {
        match self.value {
            CellValue::Number(d) => Some(d),
            _ => None,
        }
    }

    /// True when the cell is given by the source (anything but not-provided).
    pub fn is_provided(&self) -> bool {
        self.value != CellValue::NotProvided
    }
}

/// A digit as pages write them: ASCII or full-width (text pasted from Word often has ２０２１).
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A full-width digit as its ASCII digit; any other character as it is.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        other => other,
    }
}

/// Why a JSON figure is refused when it is too large.
const TOO_LARGE: &str =
    "number too large: a figure of a report has at most 15 digits before the decimal point";

fn parse_value(text: &str) -> CellValue {
    if text.is_empty() {
        return CellValue::Blank;
    }
    if NOT_APPLICABLE.contains(&text) {
        return CellValue::NotApplicable;
    }
    // Text with a character no figure has is text (most text cells stop at the first character).
    let may_be_figure = |c: char| {
        is_digit(c)
            || ",，.．+＋-－−\u{a0}".contains(c)
            || c.is_whitespace()
            || UNIT_SUFFIXES.iter().any(|u| u.contains(c))
    };
    if !text.chars().all(may_be_figure) {
        return CellValue::Text;
    }
    let ascii: String = text
        .chars()
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace() && *c != '\u{a0}')
        .map(ascii_digit)
        .map(|c| match c {
            '＋' => '+',
            '－' | '−' => '-',
            '．' => '.',
            other => other,
        })
        .collect();
    let mut figure = ascii.as_str();
    for unit in UNIT_SUFFIXES {
        if let Some(stripped) = figure.strip_suffix(unit) {
            figure = stripped;
            break;
        }
    }
    match Decimal::parse(figure) {
        Some(d) => CellValue::Number(d),
        None => CellValue::Text,
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.value {
            CellValue::NotProvided => s.serialize_none(),
            CellValue::Number(d) if self.from_number && d.scale == 0 => s.serialize_i64(d.units),
            _ => s.serialize_str(&self.text),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CellVisitor;
        impl<'de> Visitor<'de> for CellVisitor {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a figure (number), the printed text of a cell (string), or null for \"not provided\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
                let n = i64::try_from(v)
                    .ok()
                    .filter(|n| figure_in_range(*n))
                    .ok_or_else(|| E::custom(TOO_LARGE))?;
                Ok(Cell::number(n))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
                if !figure_in_range(v) {
                    return Err(E::custom(TOO_LARGE));
                }
                Ok(Cell::number(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
                if !v.is_finite() {
                    return Err(E::custom("number is not finite"));
                }
                if v.abs() >= 1e15 {
                    return Err(E::custom(TOO_LARGE));
                }
                let d = Decimal::from_f64(v)
                    .ok_or_else(|| E::custom("number has too many decimal places"))?;
                Ok(Cell {
                    text: d.to_string(),
                    value: CellValue::Number(d),
                    from_number: true,
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell::from_text(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell::not_provided())
            }
            fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell::not_provided())
            }
        }
        d.deserialize_any(CellVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Cell {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cell".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A table cell: a figure (number), the printed text (string: \"\" blank, \"/\" not applicable, \"+1036\", \"251000元\", …), or null when the source does not give it.",
            "type": ["number", "string", "null"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_ways_reports_print_cells() {
        let cases: &[(&str, CellValue)] = &[
            ("12", CellValue::Number(Decimal::whole(12))),
            (" 0 ", CellValue::Number(Decimal::whole(0))),
            ("\u{a0}3\u{a0}", CellValue::Number(Decimal::whole(3))),
            ("+1036", CellValue::Number(Decimal::whole(1036))),
            ("-3", CellValue::Number(Decimal::whole(-3))),
            ("251000元", CellValue::Number(Decimal::whole(251000))),
            ("１２", CellValue::Number(Decimal::whole(12))),
            (
                "4166.241619",
                CellValue::Number(Decimal {
                    units: 4166241619,
                    scale: 6,
                }),
            ),
            ("1,234", CellValue::Number(Decimal::whole(1234))),
            ("", CellValue::Blank),
            ("   ", CellValue::Blank),
            ("/", CellValue::NotApplicable),
            ("—", CellValue::NotApplicable),
            ("不适用", CellValue::NotApplicable),
            ("约五件", CellValue::Text),
            ("1.2.3", CellValue::Text),
            ("3.", CellValue::Text),
        ];
        for (text, expected) in cases {
            assert_eq!(Cell::from_text(text).value, *expected, "cell text {text:?}");
        }
    }

    #[test]
    fn keeps_the_printed_text() {
        assert_eq!(Cell::from_text(" 251000元 ").text, "251000元");
        assert_eq!(Cell::from_text("+5174").text, "+5174");
    }

    #[test]
    fn json_forms_round_trip() {
        let cells: Vec<Cell> =
            serde_json::from_str(r#"[1, "2", "", "/", null, 1.5, "x"]"#).unwrap();
        assert_eq!(cells[0].value, CellValue::Number(Decimal::whole(1)));
        assert_eq!(cells[1].value, CellValue::Number(Decimal::whole(2)));
        assert_eq!(cells[2].value, CellValue::Blank);
        assert_eq!(cells[3].value, CellValue::NotApplicable);
        assert_eq!(cells[4].value, CellValue::NotProvided);
        assert_eq!(
            cells[5].value,
            CellValue::Number(Decimal {
                units: 15,
                scale: 1
            })
        );
        assert_eq!(cells[6].value, CellValue::Text);
        let back = serde_json::to_string(&cells).unwrap();
        assert_eq!(back, r#"[1,"2","","/",null,"1.5","x"]"#);
    }

    #[test]
    fn decimal_arithmetic_is_exact() {
        let a = Decimal::parse("0.1").unwrap();
        let b = Decimal::parse("0.2").unwrap();
        assert_eq!(a.checked_add(b).unwrap(), Decimal::parse("0.3").unwrap());
        assert_eq!(
            Decimal::parse("4166.241619").unwrap().to_string(),
            "4166.241619"
        );
        assert_eq!(Decimal::parse("-0.50").unwrap().to_string(), "-0.50");
        assert_eq!(Decimal::parse("2.00").unwrap().as_whole(), Some(2));
        assert!(!Decimal::parse("2.5").unwrap().is_whole());
        assert_eq!(Decimal::parse("99999999999999999999"), None);
        for (f, text) in [
            (1.5, "1.5"),
            (126.35, "126.35"),
            (4166.241619, "4166.241619"),
            (-0.25, "-0.25"),
            (3.0, "3"),
            (0.1, "0.1"),
        ] {
            assert_eq!(Decimal::from_f64(f).unwrap().to_string(), text, "{f}");
        }
        assert_eq!(Decimal::from_f64(f64::NAN), None);
        assert_eq!(Decimal::from_f64(1.0 / 3.0), None);
    }
}
