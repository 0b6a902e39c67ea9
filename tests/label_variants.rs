//! Labels as webmasters really print them, generated over every official table of the real
//! corpus: each page's figures are first made unique (so a swap shows), then its table labels are
//! rewritten one class at a time — qualifiers in brackets （件）（2019年起）（元）, traditional
//! characters (a portal's 繁體 switch), spaces and line breaks inside labels, numbering and
//! punctuation forms, full-width numbering, 合计 for 总计, and 表四's longer group names
//! (未经行政复议直接起诉) — and all at once. Every figure must land in the same cell as with the
//! labels as published: none moved, none dropped, none called 未提供, nothing left unplaced.
#![cfg(feature = "tool")]

use report_viewer::import::{import, Options};
use report_viewer::labels::notes::UNPLACED;
use report_viewer::model::{Block, Report};
use std::collections::BTreeMap;
use std::path::PathBuf;

const YEARS: &[&str] = &["2019", "2021", "2022", "2023", "2024"];

/// Traditional forms of the characters of the forms' labels, written out here (not taken from
/// the code under test): simplified then traditional.
const TRADITIONAL: &[(&str, &str)] = &[
    ("申请", "申請"),
    ("数量", "數量"),
    ("处理", "處理"),
    ("机构", "機構"),
    ("组织", "組織"),
    ("规章", "規章"),
    ("规范性", "規範性"),
    ("许可", "許可"),
    ("诉讼", "訴訟"),
    ("复议", "複議"),
    ("结转", "結轉"),
    ("办理", "辦理"),
    ("收费", "收費"),
    ("总计", "總計"),
    ("项目", "項目"),
    ("属于", "屬於"),
    ("国家", "國家"),
    ("内部", "內部"),
    ("过程", "過程"),
    ("执法", "執法"),
    ("补正", "補正"),
    ("缴纳", "繳納"),
    ("维持", "維持"),
    ("纠正", "糾正"),
    ("审结", "審結"),
    ("发", "發"),
    ("废", "廢"),
    ("现", "現"),
    ("获", "獲"),
    ("确认", "確認"),
    ("资", "資"),
    ("询", "詢"),
    ("费", "費"),
    ("业", "業"),
    ("务", "務"),
    ("开", "開"),
    ("强", "強"),
    ("对", "對"),
    ("后", "後"),
    ("经", "經"),
    ("无", "無"),
    ("类", "類"),
    ("险", "險"),
    ("稳", "穩"),
    ("护", "護"),
    ("权", "權"),
    ("单", "單"),
    ("实", "實"),
    ("体", "體"),
    ("报", "報"),
    ("会", "會"),
    ("应", "應"),
    ("关", "關"),
    ("决", "決"),
];

fn page(year: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/pingtan")
        .join(format!("{year}.html"));
    std::fs::read_to_string(path).expect("corpus page")
}

/// Applies `f` to the text of every `<table>…</table>` of a page.
fn in_tables(html: &str, mut f: impl FnMut(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<table") {
        let end = rest[start..]
            .find("</table>")
            .map_or(rest.len(), |e| start + e + 8);
        out.push_str(&rest[..start]);
        out.push_str(&f(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Every text node of a table that is a whole number gets a number of its own, unique on the page.
fn unique_figures(html: &str) -> String {
    let mut next = 1001;
    in_tables(html, |table| {
        let mut out = String::new();
        let mut rest = table;
        while let Some(gt) = rest.find('>') {
            out.push_str(&rest[..=gt]);
            rest = &rest[gt + 1..];
            let lt = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..lt];
            let bare = text.replace("&nbsp;", "").trim().to_string();
            if !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()) {
                out.push_str(&next.to_string());
                next += 1;
            } else {
                out.push_str(text);
            }
            rest = &rest[lt..];
        }
        out.push_str(rest);
        out
    })
}

/// Every figure of every official table: (table number, row key, column key) → printed text.
fn cells(r: &Report) -> BTreeMap<(u8, String, String), String> {
    let mut out = BTreeMap::new();
    for s in r.all_sections() {
        for b in &s.blocks {
            let Block::Table(t) = b else { continue };
            let Some(id) = t.template else { continue };
            for (row, cols) in &t.values {
                for (col, cell) in cols {
                    out.insert(
                        (id.table_number(), row.clone(), col.clone()),
                        cell.text.clone(),
                    );
                }
            }
        }
    }
    out
}

fn unplaced(r: &Report) -> Vec<String> {
    r.all_sections()
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.notes.clone()),
            _ => None,
        })
        .flatten()
        .filter(|n| n.starts_with(UNPLACED))
        .collect()
}

type Variant = (&'static str, fn(&str) -> String);

fn qualifiers(t: &str) -> String {
    t.replace(">总计<", ">总计（件）<")
        .replace("对外公开总数量<", "对外公开总数量（2019年起）<")
        .replace("采购总金额<", "采购总金额（元）<")
        .replace(">自然人<", ">自然人（件）<")
        .replace(
            "本年新收政府信息公开申请数量<",
            "本年新收政府信息公开申请数量（件）<",
        )
}

fn traditional(t: &str) -> String {
    TRADITIONAL
        .iter()
        .fold(t.to_string(), |acc, (s, tr)| acc.replace(s, tr))
}

fn breaks(t: &str) -> String {
    t.replace("自然人", "自 然人")
        .replace("商业企业", "商业<br>企业")
        .replace("科研机构", "科研\n机构")
        .replace("属于国家秘密", "属于国家<br/>秘密")
        .replace("结果维持", "结果 维持")
}

fn numbering(t: &str) -> String {
    let mut out = t.to_string();
    for d in 1..=8 {
        out = out.replace(&format!(">{d}."), &format!(">{d}、"));
    }
    out.replace("（一）", "(一)")
        .replace("（三）", "(三)")
        .replace("一、本年新收", "一．本年新收")
}

fn full_width(t: &str) -> String {
    let mut out = t.to_string();
    for (d, w) in ["1", "2", "3", "4", "5"]
        .iter()
        .zip(["１", "２", "３", "４", "５"])
    {
        out = out.replace(&format!(">{d}."), &format!(">{w}．"));
    }
    out
}

fn total_word(t: &str) -> String {
    t.replace("总计", "合计")
}

fn group_names(t: &str) -> String {
    t.replace("未经复议直接起诉", "未经行政复议直接起诉")
        .replace("复议后起诉", "经行政复议后起诉")
}

fn all_at_once(t: &str) -> String {
    traditional(&breaks(&qualifiers(&numbering(&group_names(t)))))
}

const VARIANTS: &[Variant] = &[
    ("qualifiers in brackets", qualifiers),
    ("traditional characters", traditional),
    ("spaces and line breaks", breaks),
    ("numbering forms", numbering),
    ("full-width numbering", full_width),
    ("合计 for 总计", total_word),
    ("表四 group names", group_names),
    ("all at once", all_at_once),
];

#[test]
fn every_figure_lands_in_the_same_cell_whatever_the_labels_look_like() {
    let mut compared = 0;
    for year in YEARS {
        let base_page = unique_figures(&page(year));
        let base = import(base_page.as_bytes(), &Options::default()).expect("imports");
        let want = cells(&base.report);
        assert!(want.len() > 20, "{year}: {} figures", want.len());
        assert!(unplaced(&base.report).is_empty(), "{year}");
        for (name, variant) in VARIANTS {
            let changed = if *name == "traditional characters" || *name == "all at once" {
                // The whole page, as a portal's switch does.
                variant(&base_page)
            } else {
                in_tables(&base_page, variant)
            };
            assert_ne!(changed, base_page, "{year}: {name} changed nothing");
            let got = import(changed.as_bytes(), &Options::default()).expect("imports");
            let got_cells = cells(&got.report);
            let moved: Vec<_> = want
                .iter()
                .filter(|(k, v)| got_cells.get(*k) != Some(*v))
                .map(|(k, v)| format!("{k:?}: {v} → {:?}", got_cells.get(k)))
                .collect();
            assert!(moved.is_empty(), "{year}, {name}: {moved:#?}");
            assert_eq!(got_cells.len(), want.len(), "{year}, {name}: extra cells");
            assert!(
                unplaced(&got.report).is_empty(),
                "{year}, {name}: {:?}",
                unplaced(&got.report)
            );
            compared += want.len();
        }
    }
    eprintln!("label variants: {compared} figures compared");
}
