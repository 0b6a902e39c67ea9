//! What a 图解's sentence says, as data the model finds in the figures ([`ChartSaid`]), and its
//! words in both languages ([`super::Labels::chart_sentence`]), as announcements are worded.

use super::Labels;

/// A count and its share of the whole ("118", "83.7%").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The count.
    pub n: i64,
    /// Its share of the whole, written ("83.7%").
    pub percent: String,
}

/// The sentence of one chart, from its figures (`None`: a figure not given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartSays {
    /// Nothing to say yet.
    Nothing,
    /// 表三, who applied: new requests in total, from natural persons, from legal persons and
    /// other organisations.
    NewRequests {
        /// 一、本年新收, 总计.
        total: Option<i64>,
        /// From natural persons.
        people: Option<Share>,
        /// From legal persons and other organisations.
        orgs: Option<Share>,
    },
    /// 表三, how requests were handled: outcomes in total, granted, partly granted.
    Outcomes {
        /// （七）总计.
        total: Option<i64>,
        /// （一）予以公开.
        granted: Option<Share>,
        /// （二）部分公开.
        partly: Option<Share>,
    },
    /// 表二 (2021 format): regulations and normative documents issued, repealed and in force
    /// (each pair: regulations, then normative documents).
    Rules {
        /// 本年制发.
        issued: [Option<i64>; 2],
        /// 本年废止.
        repealed: [Option<i64>; 2],
        /// 现行有效.
        in_force: [Option<i64>; 2],
    },
    /// 表二 (2021 format): decisions on licensing, penalties and coercive measures.
    Decisions([Option<i64>; 3]),
    /// 表四: the totals of reviews, suits without review and suits after review, and the
    /// reviews' corrected outcomes.
    ReviewsAndSuits {
        /// 行政复议, 未经复议直接起诉, 复议后起诉: their totals.
        totals: [Option<i64>; 3],
        /// 行政复议's 结果纠正.
        corrected: Option<i64>,
    },
    /// A table the labels have no sentence for yet (a new template's): its counts, each named
    /// in Chinese and English.
    Counts(Vec<((String, String), Option<i64>)>),
}

/// The change of the figure a sentence leads with, against last year's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeSaid {
    /// Last year's figure.
    pub before: String,
    /// What the figure counts, in Chinese and English.
    pub what: (&'static str, &'static str),
    /// How it changed.
    pub change: Moved,
}

/// How a figure moved from last year's: up or down by an amount (and the percentage of last
/// year's, when that is not 0), the same, or not comparable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    /// Up by this much.
    Up(String, Option<String>),
    /// Down by this much.
    Down(String, Option<String>),
    /// The same figure.
    Same,
    /// One of the two is not a figure.
    NotComparable,
}

/// A chart's sentence: what its figures say, then their change against last year's (once last
/// year's report is loaded), then that the table contradicts itself, if it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSaid {
    /// What the figures say.
    pub says: ChartSays,
    /// The leading figure's change.
    pub change: Option<ChangeSaid>,
    /// The table's figures contradict each other (the chart draws them as printed).
    pub contradicts: bool,
}

impl ChartSaid {
    /// A sentence saying `says`, nothing more yet.
    pub fn new(says: ChartSays) -> ChartSaid {
        ChartSaid {
            says,
            change: None,
            contradicts: false,
        }
    }
}

/// The words of the 图解's sentences: each a frame with holes (`{name}`, see
/// [`super::Labels::fill`]), so one piece of code words every sentence in either language.
#[derive(Debug)]
pub struct ChartWords {
    /// A count: `{n}` ("12件").
    pub count: &'static str,
    /// A count not given.
    pub not_given: &'static str,
    /// New requests: their total not given; none; `{n}` in total, `{p}` (`{pp}`) from natural
    /// persons; and `{o}` (`{op}`) from organisations; `{n}` but who made them not given.
    pub requests: [&'static str; 5],
    /// Outcomes: the total not given; none; `{n}` in total; `{g}` (`{gp}`) granted; `{p}`
    /// (`{pp}`) partly granted.
    pub outcomes: [&'static str; 5],
    /// Rules issued, repealed and in force: `{a}` … `{f}`.
    pub rules: &'static str,
    /// Decisions: `{a}`, `{b}`, `{c}`.
    pub decisions: &'static str,
    /// Reviews and suits: none; `{r}` reviews; `{k}` corrected; `{s}` suits, `{d}` without
    /// review, `{a}` after; a total not given.
    pub reviews: [&'static str; 5],
    /// A new table's counts: one (`{name}`, `{count}`), what joins them, and a figure not given.
    pub counts: [&'static str; 3],
    /// The end of a sentence.
    pub end: &'static str,
    /// Which of a name's two forms these words use: 0 Chinese, 1 English.
    pub name: usize,
}

pub(super) const ZH: ChartWords = ChartWords {
    count: "{n}件",
    not_given: "未提供",
    requests: [
        "本年新收申请的总数未提供。",
        "本年未收到政府信息公开申请。",
        "本年新收申请{n}件，其中自然人{p}件，占{pp}",
        "；法人或其他组织{o}件，占{op}",
        "本年新收申请{n}件，申请人的分类数字未提供。",
    ],
    outcomes: [
        "办理结果的总计未提供。",
        "本年没有办结的申请。",
        "办理结果共{n}件",
        "，其中予以公开{g}件，占{gp}",
        "，部分公开{p}件，占{pp}",
    ],
    rules: "本年制发规章{a}、行政规范性文件{b}，废止规章{c}、行政规范性文件{d}，现行有效规章{e}、行政规范性文件{f}。",
    decisions: "本年作出行政许可决定{a}，行政处罚决定{b}，行政强制决定{c}。",
    reviews: [
        "本年没有因政府信息公开引起的行政复议和行政诉讼。",
        "行政复议{r}件",
        "，其中结果纠正{k}件",
        "；行政诉讼{s}件（未经复议直接起诉{d}件，复议后起诉{a}件）。",
        "行政复议、行政诉讼的总计有未提供的数字。",
    ],
    counts: ["{name}{count}", "，", "分项数字未提供。"],
    end: "。",
    name: 0,
};

pub(super) const EN: ChartWords = ChartWords {
    count: "{n}",
    not_given: "not given",
    requests: [
        "The number of new requests is not given.",
        "No requests were received this year.",
        "{n} new requests this year, {p} of them ({pp}) from natural persons",
        " and {o} ({op}) from legal persons and other organisations",
        "{n} new requests this year; who made them is not given.",
    ],
    outcomes: [
        "The total of outcomes is not given.",
        "No request was concluded this year.",
        "{n} requests concluded",
        ": {g} ({gp}) granted",
        ", {p} ({pp}) partly granted",
    ],
    rules: "This year {a} regulations and {b} normative documents were issued, {c} and {d} repealed; {e} and {f} are in force.",
    decisions: "Decisions this year: {a} on licensing, {b} penalties, {c} coercive measures.",
    reviews: [
        "No administrative review or suit about disclosure this year.",
        "{r} administrative reviews",
        ", {k} corrected",
        "; {s} suits ({d} without review, {a} after review).",
        "Some totals of reviews and suits are not given.",
    ],
    counts: ["{count} {name}", ", ", "Some figures are not given."],
    end: ".",
    name: 1,
};

impl ChartWords {
    /// A count, or not given.
    fn count(&self, v: Option<i64>) -> String {
        v.map_or_else(
            || self.not_given.to_string(),
            |n| Labels::fill(self.count, &[("n", &n.to_string())]),
        )
    }

    /// Counts in the holes `{a}`, `{b}`, … of `frame`.
    fn counts_in(&self, frame: &str, counts: &[Option<i64>]) -> String {
        const NAMES: [&str; 6] = ["a", "b", "c", "d", "e", "f"];
        let said: Vec<String> = counts.iter().map(|v| self.count(*v)).collect();
        let holes: Vec<(&str, &str)> = NAMES
            .iter()
            .copied()
            .zip(said.iter().map(String::as_str))
            .collect();
        Labels::fill(frame, &holes)
    }

    /// A share's hole and its percentage's: (`{p}`, `{pp}`).
    fn share(frame: &str, (n, pct): (&str, &str), s: &Share) -> String {
        Labels::fill(frame, &[(n, &s.n.to_string()), (pct, &s.percent)])
    }

    /// What `s` says in these words.
    pub fn sentence(&self, s: &ChartSays) -> String {
        match s {
            ChartSays::Nothing => String::new(),
            ChartSays::NewRequests {
                total,
                people,
                orgs,
            } => self.requests(*total, people, orgs),
            ChartSays::Outcomes {
                total,
                granted,
                partly,
            } => self.outcomes(*total, granted, partly),
            ChartSays::Rules {
                issued,
                repealed,
                in_force,
            } => self.counts_in(
                self.rules,
                &[
                    issued[0],
                    issued[1],
                    repealed[0],
                    repealed[1],
                    in_force[0],
                    in_force[1],
                ],
            ),
            ChartSays::Decisions(d) => self.counts_in(self.decisions, d),
            ChartSays::ReviewsAndSuits { totals, corrected } => self.reviews(*totals, *corrected),
            ChartSays::Counts(counts) => self.named_counts(counts),
        }
    }

    fn requests(&self, total: Option<i64>, people: &Option<Share>, orgs: &Option<Share>) -> String {
        let w = &self.requests;
        match (total, people) {
            (None, _) => w[0].into(),
            (Some(0), _) => w[1].into(),
            (Some(n), Some(p)) => {
                let mut out = Labels::fill(
                    w[2],
                    &[
                        ("n", &n.to_string()),
                        ("p", &p.n.to_string()),
                        ("pp", &p.percent),
                    ],
                );
                if let Some(o) = orgs {
                    out.push_str(&Self::share(w[3], ("o", "op"), o));
                }
                out + self.end
            }
            (Some(n), None) => Labels::fill(w[4], &[("n", &n.to_string())]),
        }
    }

    fn outcomes(
        &self,
        total: Option<i64>,
        granted: &Option<Share>,
        partly: &Option<Share>,
    ) -> String {
        let w = &self.outcomes;
        match total {
            None => w[0].into(),
            Some(0) => w[1].into(),
            Some(n) => {
                let mut out = Labels::fill(w[2], &[("n", &n.to_string())]);
                if let Some(g) = granted {
                    out.push_str(&Self::share(w[3], ("g", "gp"), g));
                }
                if let Some(p) = partly {
                    out.push_str(&Self::share(w[4], ("p", "pp"), p));
                }
                out + self.end
            }
        }
    }

    fn reviews(&self, totals: [Option<i64>; 3], corrected: Option<i64>) -> String {
        let w = &self.reviews;
        match totals {
            [Some(0), Some(0), Some(0)] => w[0].into(),
            [Some(r), Some(d), Some(a)] => {
                let mut out = Labels::fill(w[1], &[("r", &r.to_string())]);
                if let (Some(k), true) = (corrected, r > 0) {
                    out.push_str(&Labels::fill(w[2], &[("k", &k.to_string())]));
                }
                out + &Labels::fill(
                    w[3],
                    &[
                        ("s", &(d + a).to_string()),
                        ("d", &d.to_string()),
                        ("a", &a.to_string()),
                    ],
                )
            }
            _ => w[4].into(),
        }
    }

    fn named_counts(&self, counts: &[((String, String), Option<i64>)]) -> String {
        if counts.iter().any(|(_, n)| n.is_none()) {
            return self.counts[2].into();
        }
        let said: Vec<String> = counts
            .iter()
            .map(|((zh, en), n)| {
                let name = [zh, en][self.name];
                Labels::fill(
                    self.counts[0],
                    &[("name", name), ("count", &self.count(*n))],
                )
            })
            .collect();
        said.join(self.counts[1]) + self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::holes;

    /// Every frame fills the same holes in both languages: no figure is lost in translation.
    #[test]
    fn both_languages_fill_the_same_holes() {
        let frames = |w: &ChartWords| -> Vec<&'static str> {
            let mut all = vec![w.count, w.rules, w.decisions, w.counts[0]];
            all.extend(w.requests);
            all.extend(w.outcomes);
            all.extend(w.reviews);
            all
        };
        for (zh, en) in frames(&ZH).into_iter().zip(frames(&EN)) {
            assert_eq!(holes(zh), holes(en), "{zh} / {en}");
        }
    }

    /// Each sentence from its data, in both languages; a figure not given is said, never 0.
    #[test]
    fn sentences_say_the_figures_and_what_is_not_given() {
        let share = |n, p: &str| Share {
            n,
            percent: p.into(),
        };
        let s = ChartSays::NewRequests {
            total: Some(141),
            people: Some(share(118, "83.7%")),
            orgs: None,
        };
        assert_eq!(
            ZH.sentence(&s),
            "本年新收申请141件，其中自然人118件，占83.7%。"
        );
        assert_eq!(
            EN.sentence(&s),
            "141 new requests this year, 118 of them (83.7%) from natural persons."
        );
        let d = ChartSays::Decisions([Some(5), None, Some(0)]);
        assert_eq!(
            ZH.sentence(&d),
            "本年作出行政许可决定5件，行政处罚决定未提供，行政强制决定0件。"
        );
        assert_eq!(
            EN.sentence(&d),
            "Decisions this year: 5 on licensing, not given penalties, 0 coercive measures."
        );
        let r = ChartSays::ReviewsAndSuits {
            totals: [Some(3), Some(1), Some(2)],
            corrected: Some(1),
        };
        assert_eq!(
            ZH.sentence(&r),
            "行政复议3件，其中结果纠正1件；行政诉讼3件（未经复议直接起诉1件，复议后起诉2件）。"
        );
        let c = ChartSays::Counts(vec![
            (("线上".into(), "online".into()), Some(3)),
            (("线下".into(), "offline".into()), Some(4)),
        ]);
        assert_eq!(ZH.sentence(&c), "线上3件，线下4件。");
        assert_eq!(EN.sentence(&c), "3 online, 4 offline.");
    }
}
