//! Reading a [`Block`] from JSON. Serde's derive for an internally tagged enum first copies the
//! whole object into a buffer to find its `type`; for a table of 20,000 rows that buffer is as
//! large as the table and doubles the time and memory of reading it. Here, when `type` is the
//! object's first key (as in every file this project writes), the rest of the object is read
//! straight into its kind; otherwise the object is buffered as before. The messages are those
//! of the derive: "missing field `type`", "unknown variant `x`, expected one of …".

use super::{Block, TableBlock};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Paragraph,
    List,
    Note,
    Table,
}

#[derive(Deserialize)]
struct Text {
    text: String,
}

#[derive(Deserialize)]
struct List {
    #[serde(default)]
    ordered: bool,
    items: Vec<String>,
}

fn read<'de, D: Deserializer<'de>>(kind: Kind, rest: D) -> Result<Block, D::Error> {
    Ok(match kind {
        Kind::Paragraph => Block::Paragraph {
            text: Text::deserialize(rest)?.text,
        },
        Kind::Note => Block::Note {
            text: Text::deserialize(rest)?.text,
        },
        Kind::List => {
            let l = List::deserialize(rest)?;
            Block::List {
                ordered: l.ordered,
                items: l.items,
            }
        }
        Kind::Table => Block::Table(Box::new(TableBlock::deserialize(rest)?)),
    })
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("internally tagged enum Block")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Err(de::Error::missing_field("type"));
        };
        if first == "type" {
            let kind: Kind = map.next_value()?;
            return read(kind, MapAccessDeserializer::new(map));
        }
        // `type` later in the object: keep what comes before it, then read the whole.
        let mut object = serde_json::Map::new();
        object.insert(first, map.next_value()?);
        while let Some(key) = map.next_key::<String>()? {
            let value: serde_json::Value = map.next_value()?;
            object.insert(key, value);
        }
        let kind = object
            .remove("type")
            .ok_or_else(|| de::Error::missing_field("type"))?;
        let kind = Kind::deserialize(kind).map_err(de::Error::custom)?;
        read(kind, serde_json::Value::Object(object)).map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(BlockVisitor)
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
