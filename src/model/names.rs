//! Matching the names a report prints to the official ones: normalised so the variants seen in
//! real reports compare equal, then exactly, or loosely (reported).

/// Normalises a printed label so that the variants seen in real reports compare equal:
/// full-width and half-width forms, traditional characters, spaces and line breaks, quotes,
/// footnote marks, list punctuation, qualifiers in brackets after the name （元）（件）
/// （2019年起）, 合计/总计 and 规范性文件/行政规范性文件.
pub fn normalize_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut chars = label.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            other => simplified_char(other),
        };
        // Footnote marks such as [1].
        if c == '[' {
            let rest: String = chars.clone().take_while(|x| *x != ']').collect();
            if !rest.is_empty() && rest.chars().all(super::cell::is_digit) {
                for _ in 0..=rest.chars().count() {
                    chars.next();
                }
                continue;
            }
        }
        if c.is_whitespace()
            || c == '\u{a0}'
            || c == '\u{3000}'
            || matches!(
                c,
                '"' | '\''
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '「'
                    | '」'
                    | '、'
                    | ','
                    | '，'
                    | '.'
                    | '．'
                    | '。'
            )
        {
            continue;
        }
        out.push(c);
    }
    let out = if out.contains('(') {
        without_qualifiers(&out)
    } else {
        out
    };
    if out.contains("合计") || out.contains("行政规范性文件") {
        out.replace("合计", "总计")
            .replace("行政规范性文件", "规范性文件")
    } else {
        out
    }
}

/// Traditional characters of the forms' vocabulary and of report prose (a portal's 繁體 switch),
/// in code point order, and their simplified forms at the same positions.
const TRADITIONAL: &[&str] = &[
    "並佈來係個們側偽備傳僅價億儘償優兒內兩凍則剛創劃劑動務勝勞勢勵勸匯區協卻參叢員問",
    "啟喪單嗎嚴國圍圖團執報壓壞奪孫學實寧審寫將專對導屆屢層屬島嶺嶼師幣幫幹幾庫廈廢廣",
    "廳強彙後徑從復徵徹恆悅惡惱愛態慣憂應懲懷戰戲戶採損擇擊擔據擬擴攝數斷於昇時晉暫曉",
    "書會條業極構樂標樣機檔檢權歡歲歷歸殘殺氣決沒況淨測準溫滅滬漁漢濕濟濱灣災為烏無煙",
    "熱燈營爭牆狀獎獲現環產畫當疊療發盡盤盧眾確碼礎禮稅種稱積穩窮競節範簡簽糧糾紀約紅",
    "納紙級細終組結絕絡給統絲經綜綠維網緒線編緩縣縮總績織繳繼續罰罷義習聖聞聯聲職聽脫",
    "腦腳與舉舊艱萬蓋藝藥處號虧衛補裝製複規視親覺覽觀訂計訊討託記訟訪設許訴評詞詢試詳",
    "認誤說課談請論諸謂講謝證識譯議護讀變讓豐貝負財貢貧貨責買費資賓賠質購贈贊趕趨跡踐",
    "車軍軟載輔輕輛輯輸轉辦辭農迴這連進遊運過達違遞遠適遷選遺還邊鄉鄰醫釋針銷鋼錄錢錯",
    "鍵鎮鐘鐵長門閉開閒間閱關陰陳陸陽隊階際隨險隱雖雙雜雞離難雲電靈靜韓響頁頂項順須預",
    "領頭頻題額願類顧顯風飛飲養館馬驗體髮鬆鬥魚鳥鹽麗麥麼麽黃點黨齊齒齡龍龜",
];
/// See [`TRADITIONAL`].
const SIMPLIFIED: &[&str] = &[
    "并布来系个们侧伪备传仅价亿尽偿优儿内两冻则刚创划剂动务胜劳势励劝汇区协却参丛员问",
    "启丧单吗严国围图团执报压坏夺孙学实宁审写将专对导届屡层属岛岭屿师币帮干几库厦废广",
    "厅强汇后径从复征彻恒悦恶恼爱态惯忧应惩怀战戏户采损择击担据拟扩摄数断于升时晋暂晓",
    "书会条业极构乐标样机档检权欢岁历归残杀气决没况净测准温灭沪渔汉湿济滨湾灾为乌无烟",
    "热灯营争墙状奖获现环产画当叠疗发尽盘卢众确码础礼税种称积稳穷竞节范简签粮纠纪约红",
    "纳纸级细终组结绝络给统丝经综绿维网绪线编缓县缩总绩织缴继续罚罢义习圣闻联声职听脱",
    "脑脚与举旧艰万盖艺药处号亏卫补装制复规视亲觉览观订计讯讨托记讼访设许诉评词询试详",
    "认误说课谈请论诸谓讲谢证识译议护读变让丰贝负财贡贫货责买费资宾赔质购赠赞赶趋迹践",
    "车军软载辅轻辆辑输转办辞农回这连进游运过达违递远适迁选遗还边乡邻医释针销钢录钱错",
    "键镇钟铁长门闭开闲间阅关阴陈陆阳队阶际随险隐虽双杂鸡离难云电灵静韩响页顶项顺须预",
    "领头频题额愿类顾显风飞饮养馆马验体发松斗鱼鸟盐丽麦么么黄点党齐齿龄龙龟",
];

/// The simplified form of a traditional character of the forms' vocabulary, else the character.
fn simplified_char(c: char) -> char {
    static TABLE: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        TRADITIONAL
            .iter()
            .flat_map(|s| s.chars())
            .zip(SIMPLIFIED.iter().flat_map(|s| s.chars()))
            .collect()
    });
    if (c as u32) < 0x4e00 {
        return c;
    }
    table
        .binary_search_by_key(&c, |(t, _)| *t)
        .map_or(c, |i| table[i].1)
}

/// Text with the traditional characters of the forms' vocabulary in their simplified forms, so a
/// page printed in traditional characters is read like one in simplified (labels, the words that
/// identify a table, the text's counts). Borrowed when there is nothing to change.
pub fn simplified(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(|c| simplified_char(c) == c) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().map(simplified_char).collect())
    }
}

/// Drops the qualifiers a printed label carries in brackets after its name — units （元）（件）
/// （单位：万元）, periods （2019年起）, remarks — keeping a leading number （一） (1) and a bracket
/// holding only a number.
fn without_qualifiers(normalized: &str) -> String {
    let mut out = String::with_capacity(normalized.len());
    let mut depth = 0usize;
    let mut group = String::new();
    for c in normalized.chars() {
        match c {
            '(' if !out.is_empty() || depth > 0 => {
                depth += 1;
                if depth > 1 {
                    group.push(c);
                }
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let numeral = group
                        .chars()
                        .all(|g| g.is_ascii_digit() || "一二三四五六七八九十".contains(g));
                    if numeral && !group.is_empty() {
                        out.push('(');
                        out.push_str(&group);
                        out.push(')');
                    }
                    group.clear();
                } else {
                    group.push(c);
                }
            }
            c if depth > 0 => group.push(c),
            c => out.push(c),
        }
    }
    // An unclosed bracket keeps its text.
    if depth > 0 {
        out.push('(');
        out.push_str(&group);
    }
    out
}

/// Drops a leading number such as 一、 （一） 1. (1) 1、 from a normalised label.
fn without_number(normalized: &str) -> &str {
    let s = normalized;
    if let Some(rest) = s.strip_prefix('(') {
        if let Some(end) = rest.find(')') {
            return &rest[end + 1..];
        }
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let trimmed = s.trim_start_matches(numeral);
    if trimmed.len() < s.len() && !trimmed.is_empty() {
        trimmed
    } else {
        s
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// How a name given in the JSON was matched to a template key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelMatch {
    /// The stable key itself, or a label that equals an official one once normalised.
    Exact(String),
    /// The closest official label (a printed label with a typo): the key and that label.
    Closest(String, String),
    /// The official label once a qualifier in brackets is set aside ("总计（件）", "采购总金额
    /// （元）"): the key, the official label and the qualifiers set aside.
    Qualified(String, String, String),
}

impl LabelMatch {
    /// The key matched.
    pub fn key(&self) -> &str {
        match self {
            LabelMatch::Exact(k) | LabelMatch::Closest(k, _) | LabelMatch::Qualified(k, _, _) => k,
        }
    }
}

/// The qualifiers in brackets after a label's name (not a leading number): "（件）", "（2019年起）".
fn qualifiers_of(label: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut group = String::new();
    let mut seen_text = false;
    for c in label.chars() {
        match c {
            '（' | '(' if seen_text || depth > 0 => {
                depth += 1;
                if depth == 1 {
                    group.clear();
                } else {
                    group.push(c);
                }
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let numeral = group
                        .chars()
                        .all(|g| g.is_ascii_digit() || "一二三四五六七八九十".contains(g));
                    if !numeral {
                        out.push(group.clone());
                    }
                } else {
                    group.push(c);
                }
            }
            c if depth > 0 => group.push(c),
            c => seen_text |= !c.is_whitespace() && !matches!(c, '（' | '(' | '）' | ')'),
        }
    }
    out
}

/// An exact match whose printed label carries qualifiers the official one does not, as such.
fn with_qualifiers(name: &str, m: LabelMatch, candidates: &[(String, String)]) -> LabelMatch {
    let LabelMatch::Exact(k) = &m else { return m };
    let Some((_, official)) = candidates.iter().find(|(key, _)| key == k) else {
        return m;
    };
    let theirs: Vec<String> = qualifiers_of(official)
        .iter()
        .map(|q| normalize_label(&format!("x({q})")))
        .collect();
    let set_aside: Vec<String> = qualifiers_of(name)
        .into_iter()
        .filter(|q| !theirs.contains(&normalize_label(&format!("x({q})"))))
        .collect();
    if set_aside.is_empty() {
        m
    } else {
        LabelMatch::Qualified(k.clone(), official.clone(), set_aside.join("、"))
    }
}

/// The name after its last numbering mark, when a group is written before it:
/// "（三）不予公开／1.属于国家秘密" → "1属于国家秘密"; "三、本年度办理结果-（一）予以公开" → "(一)予以公开".
fn group_tail(normalized: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = normalized.char_indices().collect();
    let mut last = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let starts_number = c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_digit());
        let starts_group = c == '('
            && chars
                .get(k + 1)
                .is_some_and(|(_, n)| "一二三四五六七八九十".contains(*n));
        if i > 0 && (starts_number || starts_group) {
            last = Some(i);
        }
    }
    last.map(|i| &normalized[i..])
}

/// The leading number of a normalised label ("2其他…" → 2), if any.
fn leading_number(normalized: &str) -> Option<u32> {
    let digits: String = normalized
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Length of the longest common subsequence, in characters.
fn common_subsequence(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev = vec![0usize; b.len() + 1];
    for ca in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

fn exact_match(n: &str, candidates: &[(String, String)]) -> Option<String> {
    let bare = without_number(n);
    candidates.iter().find_map(|(k, label)| {
        let l = normalize_label(label);
        (l == n || without_number(&l) == bare).then(|| k.clone())
    })
}

/// Finds the key a name denotes among `(key, label)` candidates: the key itself, the label up to
/// normalisation (with or without its number), the label written after its group ("（三）不予公开
/// 1.属于国家秘密", with any separator), or the closest label when the difference is small (a
/// word dropped from a long label; the number, where given, must agree).
pub fn match_label(name: &str, candidates: &[(String, String)]) -> Option<LabelMatch> {
    match_whole(name, candidates).map(|m| with_qualifiers(name, m, candidates))
}

fn match_whole(name: &str, candidates: &[(String, String)]) -> Option<LabelMatch> {
    if let Some((k, _)) = candidates.iter().find(|(k, _)| k == name) {
        return Some(LabelMatch::Exact(k.clone()));
    }
    let n = normalize_label(name);
    if n.is_empty() {
        return None;
    }
    if let Some(k) = exact_match(&n, candidates) {
        return Some(LabelMatch::Exact(k));
    }
    let tail = group_tail(&n).filter(|t| t.chars().count() >= 2);
    if let Some(k) = tail.and_then(|t| exact_match(t, candidates)) {
        return Some(LabelMatch::Exact(k));
    }
    // A label written after its group without any numbering ("法人或其他组织·商业企业").
    if let Some((k, _)) = candidates
        .iter()
        .map(|(k, label)| (k, normalize_label(label)))
        .filter(|(_, l)| l.chars().count() >= 2 && n.ends_with(l.as_str()))
        .max_by_key(|(_, l)| l.len())
    {
        return Some(LabelMatch::Exact(k.clone()));
    }
    // Typos: the closest label, by edit distance or by the share of characters in common.
    let subject = tail.unwrap_or(&n);
    let bare = without_number(subject);
    let number = leading_number(subject);
    let mut scored: Vec<(usize, f64, usize)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, (_, label))| {
            let l = normalize_label(label);
            if let (Some(a), Some(b)) = (number, leading_number(&l)) {
                if a != b {
                    return None;
                }
            }
            let lb = without_number(&l);
            let longest = lb.chars().count().max(bare.chars().count()).max(1);
            let share = common_subsequence(lb, bare) as f64 / longest as f64;
            Some((i, share, edit_distance(lb, bare)))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    let (best, share, distance) = *scored.first()?;
    let runner_up = scored.get(1).map(|s| s.1).unwrap_or(0.0);
    let allowed = (bare.chars().count() / 5).max(1);
    let close = distance <= allowed || (share >= 0.7 && share - runner_up >= 0.15);
    close.then(|| {
        let (k, label) = &candidates[best];
        LabelMatch::Closest(k.clone(), label.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_units_and_traditional_characters_compare_equal() {
        let n = normalize_label;
        assert_eq!(n("总计（件）"), n("总计"));
        assert_eq!(n("对外公开总数量（2019年起）"), n("对外公开总数量"));
        assert_eq!(n("采购总金额(元)"), n("采购总金额"));
        assert_eq!(n("本年收费金额（万元）"), n("本年收费金额（单位：万元）"));
        assert_eq!(
            n("本年新收政府資訊公開申請數量"),
            n("本年新收政府资讯公开申请数量")
        );
        assert_eq!(n("未經複議直接起訴"), n("未经复议直接起诉"));
        // A leading number stays; a bracket holding a number stays.
        assert_eq!(n("（三）不予公开"), "(三)不予公开");
        assert_eq!(n("不予公开(1)属于国家秘密"), "不予公开(1)属于国家秘密");
        assert_eq!(simplified("總計"), "总计");
        assert!(matches!(simplified("总计"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn the_character_table_is_sorted_and_paired() {
        let t: Vec<char> = TRADITIONAL.iter().flat_map(|s| s.chars()).collect();
        let s: Vec<char> = SIMPLIFIED.iter().flat_map(|s| s.chars()).collect();
        assert_eq!(t.len(), s.len());
        assert!(t.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(t.iter().zip(&s).all(|(a, b)| a != b));
        // Every pair is found by the lookup.
        assert!(t.iter().zip(&s).all(|(a, b)| simplified_char(*a) == *b));
    }
}
