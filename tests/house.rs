//! House rules of the code, checked on the source (docs/architecture.md explains them):
//! no function over 60 lines outside tests, and no circle of imports between files except the
//! data types of a table and its template, which name each other. A file's imports of its own
//! ancestors (a child using its parent's items) are the module tree, not a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 60;

/// Files that may import each other: a table names its template (`StatTable.template`), a
/// template builds tables. Plain data types on both sides.
const ALLOWED_CIRCLE: &[&str] = &["model::table", "model::templates"];

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path: PathBuf = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&root).expect("under src");
                let text = std::fs::read_to_string(&path).expect("readable");
                out.push((module_of(rel), without_tests(&text)));
            }
        }
    }
    out.sort();
    out
}

/// `model/templates/mod.rs` → `model::templates`; `lib.rs` and `main.rs` → the crate.
fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    if parts.first().is_some_and(|p| p == "bin") {
        parts.insert(0, String::new());
    }
    parts.join("::")
}

/// The source before its test module.
fn without_tests(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| {
            w[0].trim() == "#[cfg(test)]"
                && w[1].trim_start().starts_with("mod ")
                && w[1].trim_end().ends_with('{')
        })
        .unwrap_or(lines.len());
    lines[..end].join("\n")
}

/// Functions longer than the limit: (name, lines), from the signature to the closing brace at the
/// same indent.
fn long_functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(rest) = [
            "pub fn ",
            "fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "async fn ",
            "pub async fn ",
        ]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p)) else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let Some(open) = (i..lines.len())
            .find(|&j| lines[j].trim_end().ends_with('{') || lines[j].trim_end().ends_with(';'))
        else {
            continue;
        };
        if lines[open].trim_end().ends_with(';') {
            continue;
        }
        let close = (open + 1..lines.len()).find(|&j| {
            let l = lines[j];
            l.len() - l.trim_start().len() == indent && l.trim_start().starts_with('}')
        });
        if let Some(close) = close {
            if close - i + 1 > MAX_LINES {
                out.push((name, close - i + 1));
            }
        }
    }
    out
}

#[test]
fn no_function_is_over_60_lines() {
    let long: Vec<String> = sources()
        .iter()
        .flat_map(|(m, text)| {
            long_functions(text)
                .into_iter()
                .map(move |(f, n)| format!("{m}::{f}: {n} lines"))
        })
        .collect();
    assert!(long.is_empty(), "split these: {long:#?}");
    // The check itself finds a long function.
    let body = "    x();\n".repeat(70);
    assert_eq!(long_functions(&format!("fn f() {{\n{body}}}\n")).len(), 1);
}

/// The modules a file names: `crate::a::b`, `super::x` (resolved to the longest module path
/// that exists), and its own children (`child::Item`), not its `pub use` re-exports.
fn imports(module: &str, text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .filter(|l| !l.trim_start().starts_with("pub use "))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|w| w.contains("::"))
        .collect();
    for word in words {
        let segs: Vec<&str> = word.split("::").filter(|s| !s.is_empty()).collect();
        let Some(first) = segs.first() else { continue };
        let mut base: Vec<&str> = if module.is_empty() {
            Vec::new()
        } else {
            module.split("::").collect()
        };
        let rest: &[&str] = match *first {
            "crate" => {
                base.clear();
                &segs[1..]
            }
            "super" => {
                let ups = segs.iter().take_while(|s| **s == "super").count();
                base.truncate(base.len().saturating_sub(ups));
                &segs[ups..]
            }
            "self" => &segs[1..],
            _ => &segs[..],
        };
        let mut best = None;
        for n in 1..=rest.len() {
            let candidate = base
                .iter()
                .chain(rest[..n].iter())
                .copied()
                .collect::<Vec<_>>()
                .join("::");
            if modules.contains(&candidate) {
                best = Some(candidate);
            }
        }
        if let Some(found) = best.filter(|f| f != module && !module.starts_with(&format!("{f}::")))
        {
            out.insert(found);
        }
    }
    out
}

#[test]
fn no_circle_of_imports_between_files() {
    let files = sources();
    let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let allowed = |m: &str, t: &str| ALLOWED_CIRCLE.contains(&m) && ALLOWED_CIRCLE.contains(&t);
    let edges: BTreeMap<String, BTreeSet<String>> = files
        .iter()
        .map(|(m, text)| {
            let mut targets = imports(m, text, &modules);
            targets.retain(|t| !allowed(m, t));
            (m.clone(), targets)
        })
        .collect();
    // A circle: a file reaches itself through the files it imports.
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(m) = todo.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        false
    };
    let mut circles = Vec::new();
    for (m, targets) in &edges {
        for t in targets {
            let allowed =
                ALLOWED_CIRCLE.contains(&m.as_str()) && ALLOWED_CIRCLE.contains(&t.as_str());
            if !allowed && reaches(t, m) {
                circles.push(format!("{m} -> {t} -> … -> {m}"));
            }
        }
    }
    assert!(circles.is_empty(), "{circles:#?}");
    // The embedder is the top floor: nothing imports it.
    let into_embed: Vec<&String> = edges
        .iter()
        .filter(|(_, t)| t.contains("embed"))
        .map(|(m, _)| m)
        .collect();
    assert!(into_embed.is_empty(), "{into_embed:?} import embed");
    // The check itself sees imports: the viewer's components import the model.
    assert!(
        edges["ui::stat_table"].contains("export::markup"),
        "{:?}",
        edges["ui::stat_table"]
    );
}
