//! The import's cleaning stage: page chrome dropped by whole lines (each listed), chrome glued
//! to a line's start stripped, a repeated body and flattened copies of it kept once.

use super::*;

/// In a text copy, the chrome around the report that ran into its first and last lines: what
/// precedes the title before part 一 (breadcrumbs, the title itself, 来源/时间, share links), and
/// short chrome words at the end of a line (附件下载). Returns the dropped pieces for metadata.
pub(super) fn trim_text_chrome(items: &mut Vec<Item>, notes: &mut Vec<Said>) -> Vec<String> {
    let mut dropped = Vec::new();
    let first_part = items
        .iter()
        .position(|i| matches!(i, Item::Line(l) if scan::part_number(l).is_some()))
        .unwrap_or(items.len());
    if let Some(Item::Line(line)) = items[..first_part].first_mut() {
        let head_end = line
            .char_indices()
            .take(300)
            .map(|(i, _)| i)
            .filter(|&i| line[i..].starts_with("年度报告") || line[i..].starts_with("工作报告"))
            // A title, not a sentence that names one (“…工作年度报告有关事项的通知”).
            .take_while(|&i| !line[..i].contains(['。', '，', '《', '；']))
            .last()
            .map(|i| i + "年度报告".len());
        if let Some(cut) = head_end {
            let head = line[..cut].trim().to_string();
            let mut chunks: Vec<&str> = line[cut..].split(' ').filter(|c| !c.is_empty()).collect();
            let keep_from = chunks
                .iter()
                .position(|c| c.chars().count() > 20)
                .unwrap_or(chunks.len());
            let chrome: Vec<String> = chunks.drain(..keep_from).map(str::to_string).collect();
            notes.push(Said::dropped(Noted::TitleLine, &head));
            if !chrome.is_empty() {
                notes.push(Said::dropped(Noted::ChromeBefore, &chrome.join(" ")));
            }
            dropped.push(head);
            dropped.push(chrome.join(" "));
            *line = chunks.join(" ");
        }
    }
    items.retain(|i| !matches!(i, Item::Line(l) if l.is_empty()));
    for item in items.iter_mut() {
        let Item::Line(line) = item else { continue };
        while let Some((rest, last)) = line.rsplit_once(' ') {
            if last.chars().count() <= 12 && scan::is_chrome_line(last) {
                notes.push(Said::dropped(Noted::ChromeAtEnd, last));
                dropped.push(last.to_string());
                *line = rest.trim_end().to_string();
            } else {
                break;
            }
        }
    }
    dropped
}

pub(super) fn is_chrome(line: &str) -> bool {
    line.chars().count() <= CHROME_MAX_CHARS && scan::is_chrome_line(line)
}

/// Drops chrome and metadata lines (whole lines only, each listed in the notes), strips chrome
/// glued to the start of a line, and keeps a repeated body once.
pub(super) fn clean(items: Vec<Item>, notes: &mut Vec<Said>) -> Vec<Item> {
    let lines: Vec<Item> = items
        .into_iter()
        .filter_map(|item| match item {
            Item::Line(l) => clean_line(&l, notes).map(Item::Line),
            t => Some(t),
        })
        .collect();
    let (lines, flat_dropped) = without_flat_copies(lines, notes);
    let (out, dropped) = without_repeats(lines);
    if dropped.len() + flat_dropped > 0 {
        notes.push(Said::noted(Noted::RepeatedBody).text("n", &(dropped.len() + flat_dropped)));
        for l in &dropped {
            notes.push(if l.starts_with('\u{0}') {
                Said::noted(Noted::Dropped)
                    .noted_word("what", Noted::RepeatedLine)
                    .noted_word("line", Noted::ATable)
            } else {
                Said::dropped(Noted::RepeatedLine, l)
            });
        }
    }
    out
}

/// One line without chrome glued to its start; None for a chrome or metadata line. Each drop is
/// noted.
pub(super) fn clean_line(l: &str, notes: &mut Vec<Said>) -> Option<String> {
    let stripped = l[scan::read_aloud_prefix(l)..].trim().to_string();
    if stripped.len() < l.trim().len() && !stripped.is_empty() {
        notes.push(Said::dropped(
            Noted::ChromeAtStart,
            l.trim()[..l.trim().len() - stripped.len()].trim(),
        ));
    }
    if stripped.is_empty() {
        if !l.trim().is_empty() {
            notes.push(Said::dropped(Noted::ChromeLine, l.trim()));
        }
        return None;
    }
    if is_chrome(&stripped) {
        notes.push(Said::dropped(Noted::ChromeLine, &stripped));
        return None;
    }
    if is_meta_line(&stripped) {
        notes.push(Said::dropped(Noted::InfoLine, &stripped));
        return None;
    }
    Some(stripped)
}

/// Lines by their first [`KEY`] characters.
pub(super) const KEY: usize = 8;

/// Drops lines that hold several other lines (a flattened copy of the body), each noted; gives
/// how many. Linear: other lines are found by their first 8 characters in one pass over each
/// long line, never by comparing every line with every line.
pub(super) fn without_flat_copies(
    mut lines: Vec<Item>,
    notes: &mut Vec<Said>,
) -> (Vec<Item>, usize) {
    let mut by_start: HashMap<&str, Vec<&str>> = HashMap::new();
    for item in &lines {
        if let Item::Line(l) = item {
            let end = match l.char_indices().nth(KEY) {
                Some((end, _)) => end,
                None if l.chars().count() == KEY => l.len(),
                None => continue,
            };
            let entry = by_start.entry(&l[..end]).or_default();
            if !entry.contains(&l.as_str()) {
                entry.push(l);
            }
        }
    }
    // The characters a line begins with: only there can another line start inside a long one.
    let mut firsts = Firsts::default();
    for k in by_start.keys() {
        firsts.insert(k.chars().next().unwrap_or_default());
    }
    let flat: HashSet<String> = lines
        .iter()
        .filter_map(|i| match i {
            Item::Line(l)
                if l.chars().count() >= 3 * KEY && holds_others(l, (&by_start, &firsts)) =>
            {
                Some(l.clone())
            }
            _ => None,
        })
        .collect();
    let mut flat_dropped = Vec::new();
    lines.retain(|i| match i {
        Item::Line(l) if flat.contains(l) => {
            flat_dropped.push(l.clone());
            false
        }
        _ => true,
    });
    for l in &flat_dropped {
        notes.push(Said::dropped(Noted::FlatCopy, l));
    }
    (lines, flat_dropped.len())
}

/// A set of characters, one bit each in the Basic Multilingual Plane (8 KB; any character
/// beyond it counts as in the set).
struct Firsts(Vec<u64>);

impl Default for Firsts {
    fn default() -> Self {
        Firsts(vec![0; 1 << 10])
    }
}

impl Firsts {
    fn insert(&mut self, c: char) {
        if let Some(word) = self.0.get_mut(c as usize >> 6) {
            *word |= 1 << (c as u32 & 63);
        }
    }

    fn contains(&self, c: char) -> bool {
        self.0
            .get(c as usize >> 6)
            .is_none_or(|word| word & (1 << (c as u32 & 63)) != 0)
    }
}

/// Whether a line holds at least three other lines, found by their starts (looked up only where
/// a character some line begins with stands).
fn holds_others(l: &str, (by_start, firsts): (&HashMap<&str, Vec<&str>>, &Firsts)) -> bool {
    let starts: Vec<usize> = l.char_indices().map(|(i, _)| i).chain([l.len()]).collect();
    let mut inside: HashSet<&str> = HashSet::new();
    for w in starts.windows(KEY + 1) {
        if !firsts.contains(l[w[0]..].chars().next().unwrap_or_default()) {
            continue;
        }
        let Some(found) = by_start.get(&l[w[0]..w[KEY]]) else {
            continue;
        };
        for other in found {
            // Only a shorter line can be held (and never the line itself: comparing a long line
            // with itself at every repeat of its first words made this quadratic).
            if other.len() < l.len()
                && l[w[0]..].starts_with(other)
                && inside.insert(other)
                && inside.len() >= 3
            {
                return true;
            }
        }
    }
    false
}

/// How many lines in a row must come again, in the same order, to be a repeated copy of the body
/// (a page copy that prints the report twice); one sentence said again in another part is text.
pub(super) const REPEATED_RUN: usize = 3;

/// Repeats: a run of lines that comes again in the same order as before (at least
/// [`REPEATED_RUN`] lines, or the rest of the page) is a copy of the body and is dropped; a line
/// said again elsewhere ("本年度未发生此类情况。" in parts 四, 五 and 六) is kept. Gives what is kept
/// and what was dropped (tables as a key starting with NUL).
pub(super) fn without_repeats(lines: Vec<Item>) -> (Vec<Item>, Vec<String>) {
    let keys: Vec<String> = lines
        .iter()
        .map(|item| match item {
            Item::Line(l) => l.clone(),
            Item::Table(g) => format!("\u{0}table\u{0}{}", g.all_text()),
            Item::Flat(t) => format!("\u{0}flat\u{0}{t}"),
        })
        .collect();
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut drop = vec![false; keys.len()];
    let mut i = 0;
    while i < keys.len() {
        let key = keys[i].as_str();
        match first.get(key) {
            Some(&j) if key.chars().count() >= 6 => {
                // The run that repeats: as long as the lines after both places agree (and the
                // earlier run does not reach into this one).
                let run = (0..keys.len() - i)
                    .take_while(|&k| j + k < i && keys[j + k] == keys[i + k])
                    .count();
                if run >= REPEATED_RUN || i + run == keys.len() && run > 1 {
                    drop[i..i + run].iter_mut().for_each(|d| *d = true);
                    i += run;
                    continue;
                }
            }
            Some(_) => {}
            None => {
                first.insert(key, i);
            }
        }
        i += 1;
    }
    let mut out = Vec::new();
    let mut dropped = Vec::new();
    for ((item, key), d) in lines.into_iter().zip(&keys).zip(drop) {
        if d {
            dropped.push(key.clone());
        } else {
            out.push(item);
        }
    }
    (out, dropped)
}

/// Chrome lines are short: a longer line is report text whatever it contains.
pub(super) const CHROME_MAX_CHARS: usize = 60;

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ls: &[&str]) -> Vec<Item> {
        ls.iter().map(|l| Item::Line(l.to_string())).collect()
    }

    #[test]
    fn a_body_repeated_in_order_is_kept_once_and_a_sentence_said_again_is_kept() {
        let body = [
            "一、总体情况",
            "今年公开信息100条，回应关切20件。",
            "二、主动公开政府信息情况",
        ];
        let mut twice = body.to_vec();
        twice.extend(body);
        let (kept, dropped) = without_repeats(lines(&twice));
        assert_eq!(kept, lines(&body));
        assert_eq!(dropped.len(), 3);
        let said_again = [
            "四、情况",
            "本年度未发生此类情况。",
            "五、情况",
            "本年度未发生此类情况。",
        ];
        let (kept, dropped) = without_repeats(lines(&said_again));
        assert_eq!(kept.len(), 4);
        assert!(dropped.is_empty());
    }

    #[test]
    fn a_flattened_copy_of_lines_is_dropped_and_said() {
        let a = "第一段内容，说明本年度政府信息公开工作的一个方面。";
        let b = "第二段内容，说明本年度政府信息公开工作的另一方面。";
        let c = "第三段内容，说明本年度政府信息公开工作的又一方面。";
        let flat = format!("{a}{b}{c}");
        let mut notes = Vec::new();
        let (kept, n) = without_flat_copies(lines(&[a, b, c, &flat]), &mut notes);
        assert_eq!((kept.len(), n), (3, 1));
        assert_eq!(notes, [Said::dropped(Noted::FlatCopy, &flat)]);
    }

    #[test]
    fn chrome_is_dropped_by_whole_lines_and_said() {
        let mut notes = Vec::new();
        assert_eq!(clean_line("【打印本页】【关闭窗口】", &mut notes), None);
        assert_eq!(notes.len(), 1);
        let text = "本报告由县政务公开办编制，电子邮箱：gk@example.gov.cn。";
        assert_eq!(clean_line(text, &mut notes).as_deref(), Some(text));
    }
}
