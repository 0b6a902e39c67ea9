//! Reading a [`Block`] (and a [`TableBlock`]) from JSON in one pass, whatever the order of its
//! keys. Serde's derive for an internally tagged enum first copies the whole object into a buffer
//! to find its `type`; for a table of 20,000 rows that buffer is as large as the table and doubles
//! the time and memory of reading it. Here every field any kind of block has is read as it comes
//! (an unknown one is skipped, as before), then `type` says which block it is. The messages are
//! those of the derive: "missing field `type`", "unknown variant `x`, expected one of …".

use super::table::{exact_rows, Header, TableGroup};
use super::{Block, Cell, TableBlock, TemplateId};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Paragraph,
    List,
    Note,
    Table,
}

/// Every field of every kind of block, as the JSON has it (a table's first group beside its
/// others).
#[derive(Deserialize)]
struct Fields {
    #[serde(rename = "type", default)]
    kind: Option<Kind>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    ordered: Option<bool>,
    #[serde(default)]
    items: Option<Vec<String>>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    template: Option<TemplateId>,
    #[serde(default)]
    values: BTreeMap<String, BTreeMap<String, Cell>>,
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    heading: Option<String>,
    #[serde(default)]
    corner: Option<String>,
    #[serde(default)]
    columns: Vec<Header>,
    #[serde(default)]
    rows: Vec<Header>,
    #[serde(default, deserialize_with = "exact_rows")]
    cells: Vec<Vec<Cell>>,
    #[serde(default)]
    groups: Vec<TableGroup>,
    #[serde(default)]
    notes: Vec<String>,
}

impl Fields {
    fn table<E: de::Error>(self) -> Result<TableBlock, E> {
        Ok(TableBlock {
            id: self.id.ok_or_else(|| E::missing_field("id"))?,
            template: self.template,
            values: self.values,
            caption: self.caption,
            unit: self.unit,
            body: TableGroup {
                heading: self.heading,
                corner: self.corner,
                columns: self.columns,
                rows: self.rows,
                cells: self.cells,
            },
            groups: self.groups,
            notes: self.notes,
        })
    }

    fn block<E: de::Error>(mut self) -> Result<Block, E> {
        let text = |t: Option<String>| t.ok_or_else(|| E::missing_field("text"));
        let kind = self.kind.take().ok_or_else(|| E::missing_field("type"))?;
        Ok(match kind {
            Kind::Paragraph => Block::Paragraph {
                text: text(self.text)?,
            },
            Kind::Note => Block::Note {
                text: text(self.text)?,
            },
            Kind::List => Block::List {
                ordered: self.ordered.unwrap_or(false),
                items: self.items.ok_or_else(|| E::missing_field("items"))?,
            },
            Kind::Table => Block::Table(Box::new(self.table()?)),
        })
    }
}

/// Reads an object's fields (only an object: an array is "invalid type: sequence"), then makes
/// what `make` makes of them.
struct FieldsVisitor<T>(&'static str, fn(Fields) -> Result<T, serde_json::Error>);

impl<'de, T> Visitor<'de> for FieldsVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        let fields = Fields::deserialize(MapAccessDeserializer::new(map))?;
        (self.1)(fields).map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(FieldsVisitor("internally tagged enum Block", Fields::block))
    }
}

/// A table block on its own (a block's `type` is not needed).
impl<'de> Deserialize<'de> for TableBlock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(FieldsVisitor("struct TableBlock", Fields::table))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_first_or_later_reads_the_same() {
        let first: Block = serde_json::from_str(r#"{"type":"list","items":["a"]}"#).unwrap();
        let later: Block = serde_json::from_str(r#"{"items":["a"],"type":"list"}"#).unwrap();
        let want = Block::List {
            ordered: false,
            items: vec!["a".into()],
        };
        assert_eq!(first, want);
        assert_eq!(later, want);
        let p: Block = serde_json::from_str(r#"{"text":"t","type":"note"}"#).unwrap();
        assert_eq!(p, Block::Note { text: "t".into() });
    }

    #[test]
    fn messages_are_those_of_the_derive() {
        let e = serde_json::from_str::<Block>(r#"{"type":"chart"}"#).unwrap_err();
        assert!(
            e.to_string().starts_with(
                "unknown variant `chart`, expected one of `paragraph`, `list`, `note`, `table`"
            ),
            "{e}"
        );
        let e = serde_json::from_str::<Block>(r#"{"text":"t"}"#).unwrap_err();
        assert!(e.to_string().starts_with("missing field `type`"), "{e}");
        let e = serde_json::from_str::<Block>(r#"{"type":"paragraph"}"#).unwrap_err();
        assert!(e.to_string().starts_with("missing field `text`"), "{e}");
        let e = serde_json::from_str::<Block>(r#"[1]"#).unwrap_err();
        assert!(e.to_string().starts_with("invalid type: sequence"), "{e}");
    }

    #[test]
    fn round_trips_every_kind() {
        for b in [
            Block::Paragraph { text: "p".into() },
            Block::Note { text: "n".into() },
            Block::List {
                ordered: true,
                items: vec!["x".into(), "y".into()],
            },
        ] {
            let json = serde_json::to_string(&b).unwrap();
            assert_eq!(serde_json::from_str::<Block>(&json).unwrap(), b, "{json}");
        }
    }
}
