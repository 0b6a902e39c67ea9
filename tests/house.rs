//! House rules of the code, checked on the source (docs/architecture.md explains them): no
//! function over 60 lines outside tests; no circle of imports between files, re-exports (`pub
//! use`) followed to where an item lives; every file keeps to its floor; no file outside
//! `model/templates/` names a table's template; only the labels ask which language they speak;
//! no word for people outside the labels (and the vocabulary reports are read by), with a
//! ceiling on the files that still word findings in place. A file's imports of its own ancestors (a child
//! using its parent's items) are the module tree, not a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 60;

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
                && ["mod ", "pub mod ", "pub(crate) mod "]
                    .iter()
                    .any(|m| w[1].trim_start().starts_with(m))
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

/// The code of a file without comments.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths of one `use` tree: `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand_use(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or("").to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    // Split the group at its top-level commas.
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| {
            expand_use(p)
                .into_iter()
                .map(|x| format!("{prefix}{x}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every `use` statement of a file as full paths, and whether it is a `pub use` (a re-export).
fn use_paths(code: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("use ") {
        let before = &code[..i];
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let lead = before[line_start..].trim();
        let public = lead.starts_with("pub");
        if !(lead.is_empty() || public) {
            continue;
        }
        let Some(end) = code[i..].find(';') else {
            continue;
        };
        let tree = &code[i + 4..i + end];
        out.extend(expand_use(tree).into_iter().map(|p| (public, p)));
    }
    out
}

/// Every `a::b::c` path written in the code (outside `use`, too), and every `use` path.
fn paths_in(code: &str) -> Vec<String> {
    let mut out: Vec<String> = use_paths(code).into_iter().map(|(_, p)| p).collect();
    out.extend(
        code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .filter(|w| w.contains("::"))
            .map(str::to_string),
    );
    out
}

/// The module a path in `module` names, by the longest module path that exists.
fn resolve(module: &str, path: &str, modules: &BTreeSet<String>) -> Option<(String, Vec<String>)> {
    let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let first = segs.first()?;
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
    // The base alone too (`super::Item`: the parent's item, maybe a re-export).
    let from = usize::from(base.is_empty());
    for n in from..=rest.len() {
        let candidate = base
            .iter()
            .chain(rest[..n].iter())
            .copied()
            .collect::<Vec<_>>()
            .join("::");
        if modules.contains(&candidate) {
            best = Some((candidate, rest[n..].iter().map(|s| s.to_string()).collect()));
        }
    }
    best
}

/// What each module re-exports: (module, name) → the module the item really lives in.
fn re_exports(
    files: &[(String, String)],
    modules: &BTreeSet<String>,
) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    for (m, text) in files {
        for (public, path) in use_paths(&code_of(text)) {
            let name = path.rsplit("::").next().unwrap_or("").to_string();
            if !public || name == "*" {
                continue;
            }
            if let Some((target, _)) = resolve(m, &path, modules) {
                out.insert((m.clone(), name), target);
            }
        }
    }
    out
}

/// The modules a file names: `crate::a::b`, `super::x` (resolved to the longest module path
/// that exists), its own children (`child::Item`), and through re-exports (`pub use`) the module
/// an item really lives in: `crate::model::CheckedReport` is `model::validate`.
fn imports(
    module: &str,
    text: &str,
    modules: &BTreeSet<String>,
    exported: &BTreeMap<(String, String), String>,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for path in paths_in(&code_of(text)) {
        let Some((mut found, rest)) = resolve(module, &path, modules) else {
            continue;
        };
        // Follow re-exports (a chain of them, too) to where the item is defined.
        let mut seen = BTreeSet::new();
        while let Some(next) = rest
            .first()
            .and_then(|name| exported.get(&(found.clone(), name.clone())))
        {
            if !seen.insert(next.clone()) {
                break;
            }
            found = next.clone();
        }
        if found != module && !module.starts_with(&format!("{found}::")) {
            out.insert(found);
        }
    }
    out
}

/// Every file's imports, re-exports resolved.
fn import_edges() -> BTreeMap<String, BTreeSet<String>> {
    let files = sources();
    let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let exported = re_exports(&files, &modules);
    files
        .iter()
        .map(|(m, text)| (m.clone(), imports(m, text, &modules, &exported)))
        .collect()
}

/// The floors: what each top-level module may import besides itself. Words (`labels`) and
/// options (`config`) at the bottom; the report (`model`) on the words (what it still says in
/// both languages, a 图解's sentence and 对比上年's changes, is worded by `labels`); the importer,
/// the 朗读 script and the exports on the model; the browser's capabilities beside them; the
/// components on all of these; the embedder on top.
const FLOORS: &[(&str, &[&str])] = &[
    ("labels", &[]),
    ("config", &[]),
    ("model", &["labels"]),
    ("import", &["labels", "model"]),
    ("read_aloud", &["labels", "model"]),
    ("markup", &["labels", "model"]),
    ("export", &["labels", "model", "markup"]),
    ("browser", &["labels", "model", "read_aloud", "import"]),
    (
        "ui",
        &[
            "labels",
            "config",
            "model",
            "read_aloud",
            "markup",
            "export",
            "browser",
        ],
    ),
    (
        "embed",
        &[
            "labels", "config", "model", "import", "export", "browser", "ui",
        ],
    ),
];

#[test]
fn every_file_keeps_to_its_floor() {
    let mut broken = Vec::new();
    for (m, targets) in import_edges() {
        let top = m.split("::").next().unwrap_or("");
        // The crate root and report-tool put the floors together.
        let Some((_, allowed)) = FLOORS.iter().find(|(f, _)| *f == top) else {
            continue;
        };
        for t in targets {
            let floor = t.split("::").next().unwrap_or("");
            if floor != top && !allowed.contains(&floor) {
                broken.push(format!("{m} imports {t}"));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
    // The check sees floors: the model imports nothing above it, the components do.
    let edges = import_edges();
    assert!(edges["ui::load"].iter().any(|t| t.starts_with("model")));
    assert!(!edges["ui::load"].iter().any(|t| t.starts_with("import")));
}

/// A table's knowledge is in its folder: nothing outside `model/templates/` names `table2::`,
/// `table3::` or `table4::` (or switches on their ids).
#[test]
fn no_file_outside_the_templates_names_a_table_template() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                if !path.ends_with("model/templates") {
                    dirs.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("readable");
                for (i, line) in text.lines().enumerate() {
                    if ["table2::", "table3::", "table4::"]
                        .iter()
                        .any(|t| line.contains(t))
                    {
                        found.push(format!("{}:{}: {line}", path.display(), i + 1));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn no_circle_of_imports_between_files() {
    let edges = import_edges();
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
            if reaches(t, m) {
                circles.push(format!("{m} -> {t} -> … -> {m}"));
            }
        }
    }
    assert!(circles.is_empty(), "{circles:#?}");
    // The embedder is the top floor: nothing imports it.
    let into_embed: Vec<&String> = edges
        .iter()
        .filter(|(m, t)| !m.is_empty() && t.contains("embed"))
        .map(|(m, _)| m)
        .collect();
    assert!(into_embed.is_empty(), "{into_embed:?} import embed");
    // The check itself sees imports: the viewer's components import the model.
    assert!(
        edges["ui::stat_table"].contains("markup::table"),
        "{:?}",
        edges["ui::stat_table"]
    );
    // Re-exports are followed to where an item lives: `crate::model::CheckedReport` is
    // `model::validate`.
    assert!(
        edges["ui::context"].contains("model::validate"),
        "{:?}",
        edges["ui::context"]
    );
}

/// One way to choose a word: only `labels/` asks whether its words are English; everything
/// else takes the word from the labels it is given (`Labels::pick` between a pair the model
/// keeps, or a field).
#[test]
fn only_the_labels_ask_which_language_they_speak() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.components().any(|c| c.as_os_str() == "labels")
            {
                let text = std::fs::read_to_string(&path).expect("readable");
                for (n, line) in text.lines().enumerate() {
                    if line.contains(".english()") {
                        found.push(format!("{}:{}", path.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "ask the labels for the word instead: {found:#?}"
    );
}

/// The string literals of a source (comments and char literals skipped; raw strings read).
fn string_literals(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' if chars.get(i + 1) == Some(&'\\') => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 3,
            'r' if matches!(chars.get(i + 1), Some('"' | '#'))
                && !chars[..i]
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || *c == '_') =>
            {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                let start = i + 2 + hashes;
                let close: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                let rest: String = chars[start.min(chars.len())..].iter().collect();
                let len = rest
                    .find(&close)
                    .map_or(rest.len(), |e| rest[..e].chars().count());
                out.push(chars[start..start + len].iter().collect());
                i = start + len + 1 + hashes;
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        s.push(chars[i]);
                        i += 1;
                    }
                    if let Some(c) = chars.get(i) {
                        s.push(*c);
                    }
                    i += 1;
                }
                out.push(s);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn string_literals_are_read_as_the_compiler_reads_them() {
    let code = "let a = \"一\"; // \"二\"\nlet b = '\"'; let c = r#\"三\"四\"#; let d = '\\''; fn f<'a>() {}; let e = \"五\\\"六\";";
    assert_eq!(string_literals(code), ["一", "三\"四", "五\\\"六"]);
}

/// Where a Chinese word may be written in the code (outside tests): the words for people are
/// the labels' (`labels/`, both languages); a table's own words are its template's; the words a
/// report is read by are the importer's (and a printed cell's placeholders and units, the
/// model's cell; the label variants names.rs normalises); the reading script speaks the report's language (`read_aloud`).
const VOCABULARY: &[&str] = &[
    "labels",
    "model::templates",
    "import",
    "read_aloud",
    "model::cell",
    "model::names",
];

/// Files whose logic reads the report's text by its vocabulary (the text check: how a count
/// sentence, a part's heading, a numbering or "no problems" are written; the schema's name of
/// the document), with how many Chinese literals each holds: no word for people is left in them
/// (all went to `labels/`), and the count is fixed so that none slips in among the vocabulary (a
/// new word of vocabulary changes the count here, where a reviewer sees it).
const VOCABULARY_IN_LOGIC: &[(&str, usize)] = &[
    ("model::claims", 59),
    ("model::audit", 38),
    ("model::consistency", 14),
    ("model", 1),
];

/// No word for people outside the labels and the templates: a Chinese literal anywhere else
/// fails, and the files still wording findings in place never gain one.
#[test]
fn words_for_people_are_the_labels() {
    let mut broken = Vec::new();
    let mut seen = Vec::new();
    for (module, code) in sources() {
        let n = string_literals(&code).iter().filter(|s| chinese(s)).count();
        let vocabulary = VOCABULARY
            .iter()
            .any(|v| module == *v || module.starts_with(&format!("{v}::")));
        if n == 0 || vocabulary {
            continue;
        }
        seen.push(module.clone());
        match VOCABULARY_IN_LOGIC.iter().find(|(m, _)| *m == module) {
            None => broken.push(format!(
                "{module}: {n} Chinese literals (put the words in labels/)"
            )),
            Some((_, ceiling)) if n > *ceiling => broken.push(format!(
                "{module}: {n} Chinese literals, more than {ceiling} (words for people go in labels/; a new word of vocabulary changes the count here)"
            )),
            Some((_, ceiling)) if n < *ceiling => broken.push(format!(
                "{module}: {n} Chinese literals: lower its ceiling from {ceiling} to {n}"
            )),
            _ => {}
        }
    }
    for (m, _) in VOCABULARY_IN_LOGIC {
        if !seen.iter().any(|s| s == m) {
            broken.push(format!("{m}: no Chinese literal left: remove its ceiling"));
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}
