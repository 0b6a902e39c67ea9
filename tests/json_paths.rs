//! The path of a reading error (`位置：sections[0].blocks[2].cells[3][1]`), found from the
//! error's place in the text, against the path serde_path_to_error tracked while reading (what
//! the viewer used before): over every value of the demo reports turned into the wrong type, and
//! every field taken out, the path is the same, or longer where the old one stopped at a table
//! that serde read through a buffer.
#![cfg(not(target_arch = "wasm32"))]

use report_viewer::model::{parse_report, LoadError, Report};
use serde_json::Value;

/// Every place in the value, as a list of keys and indices.
fn places(v: &Value, here: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                here.push(Value::String(k.clone()));
                places(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                here.push(Value::from(i));
                places(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, place: &[Value]) -> &'a mut Value {
    place.iter().fold(v, |v, step| match step {
        Value::String(k) => &mut v[k.as_str()],
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

/// A value of another type than `v`.
fn wrong(v: &Value) -> Value {
    match v {
        Value::Number(_) => Value::Bool(true),
        Value::String(_) => Value::from(7),
        Value::Bool(_) | Value::Null => Value::Array(vec![]),
        Value::Array(_) => Value::from("x"),
        Value::Object(_) => Value::Array(vec![]),
    }
}

fn old_path(text: &str) -> Option<String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, Report>(de)
        .err()
        .map(|e| e.path().to_string())
}

fn new_path(text: &str) -> Option<String> {
    match parse_report(text) {
        Err(LoadError::Json { path, .. }) => Some(path),
        _ => None,
    }
}

#[test]
fn error_paths_are_as_exact_as_the_tracking_wrapper_gave_them() {
    let mut compared = 0;
    for file in [
        "sample-2021.json",
        "sample-2019.json",
        "erlianhaote-2020.json",
    ] {
        let text = std::fs::read_to_string(format!("public/reports/{file}")).unwrap();
        let report: Value = serde_json::from_str(&text).unwrap();
        let mut all = Vec::new();
        places(&report, &mut Vec::new(), &mut all);
        for place in all.iter().skip(1) {
            let mut mutations = Vec::new();
            let mut typed = report.clone();
            let v = at(&mut typed, place);
            *v = wrong(v);
            mutations.push(typed);
            let (parent, last) = place.split_at(place.len() - 1);
            if let Value::String(key) = &last[0] {
                let mut removed = report.clone();
                at(&mut removed, parent)
                    .as_object_mut()
                    .unwrap()
                    .remove(key);
                mutations.push(removed);
            }
            for m in mutations {
                let text = serde_json::to_string_pretty(&m).unwrap();
                let (Some(old), Some(new)) = (old_path(&text), new_path(&text)) else {
                    continue;
                };
                compared += 1;
                let extends = old == "."
                    || new == old
                    || new.starts_with(&format!("{old}."))
                    || new.starts_with(&format!("{old}["));
                assert!(extends, "{file} at {place:?}: was {old}, now {new}");
            }
        }
    }
    assert!(compared > 300, "only {compared} broken files compared");
}
