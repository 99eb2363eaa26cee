//! Figures: every number an article states about people, time, distance or vehicles, with its
//! bounds and qualifier, what it counts, whose members, about what and who said it.
//!
//! Numbers in digits (Eastern Arabic too, with thousands separators), in words (ثلاثة، عشرين،
//! خمسة وعشرون، 45 ألف، مليون), vague (عشرات → at least 20), and duals (يومين، شاحنتين).
//! Years, dates, times, ages and long digit strings are not figures.

use crate::model::{Attribution, DateMention, EntityRef, Mention, MentionKind, Quantity};
use crate::text::affixes;
use crate::text::Reading;
use rustc_hash::FxHashSet as HashSet;

use crate::lexicon::{Fw, Lexicon, NumKind, QualPosition, TriggerKind};

use crate::text::normalize::fold_str;
use crate::text::{follows, Document, Text};
use crate::vocab::{Class, Family, Measure, Qualifier, Relation, Unit};

/// A word of what happened this close before a figure governs it («اعتقلت حتى الآن أكثر من
/// 100 سجين فروا» counts arrests, not escapes).
/// How many words may stand between a casualty figure and one joined to it that counts the
/// same side («أربعة، إضافة إلى ستة جرحى»).
const JOINED_FIGURE_REACH: usize = 4;
const GOVERNING_VERB: usize = 5;
/// How far after «منذ» the date of a span's start may begin («منذ الثامن من تشرين الأول 2023»).
const SINCE_DATE_REACH: usize = 4;
/// How far after a figure with a counted noun of its own a word of what happened still counts.
const NOUN_REACH: usize = 6;

struct Num {
    a: usize,
    b: usize,
    value: f64,
    vague: bool,
}

struct Cx<'a> {
    lex: &'a Lexicon,
    text: &'a Text,
}

impl Cx<'_> {
    fn tok(&self, i: usize) -> &str {
        self.text.word(i)
    }

    fn n(&self) -> usize {
        self.text.tokens.len()
    }

    fn gap(&self, i: usize) -> String {
        let t = &self.text.tokens;
        self.text.norm.chars[t[i - 1].end..t[i].start]
            .iter()
            .collect()
    }

    /// What the line opening a list counts, for an item of it in sentence `sent`: the nearest
    /// sentence before, followed by a colon, with a word of what happened to people, past items
    /// that have none.
    fn list_heading(&self, sent: usize) -> Option<Measure> {
        let sentences = &self.text.sentences;
        for h in (sent.saturating_sub(LIST_REACH)..sent).rev() {
            let (a, b) = (sentences[h].first_token, sentences[h].end_token);
            let found = self.triggers(a, b);
            let heading = b < self.n() && self.gap(b).contains(':');
            if heading {
                if let Some(t) = found.iter().rev().find(|t| t.1 != Measure::Other) {
                    return Some(t.1);
                }
            }
            if found
                .iter()
                .any(|t| matches!(t.2, TriggerKind::Event | TriggerKind::Held))
            {
                return None;
            }
        }
        None
    }

    /// A number word, through a proclitic (بثلاث، وعشرين) or the article on a vague one (العشرات).
    fn number_word(&self, i: usize) -> Option<(f64, NumKind)> {
        for (k, v, restore) in self.text.readings(i).iter().map(Reading::parts) {
            if k > 1 || !restore.is_empty() {
                continue;
            }
            if let Some(&x) = self.lex.numbers.get(v) {
                return Some(x);
            }
            if let Some(x) = affixes().bare(v, 0).and_then(|r| self.lex.numbers.get(r)) {
                if x.1 == NumKind::Vague {
                    return Some(*x);
                }
            }
        }
        None
    }

    fn digits(w: &str) -> Option<f64> {
        let d = Self::bare_digits(w);
        (!d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
            .then(|| d.parse().ok())
            .flatten()
    }

    /// A token's digits without «و» and «بـ» before them («و14»، «بـ14»: estimated at 14).
    fn bare_digits(w: &str) -> &str {
        let af = affixes();
        let d = w.strip_prefix(af.conj.as_str()).unwrap_or(w);
        d.strip_prefix(af.bi.as_str()).unwrap_or(d)
    }

    /// The number starting at token i.
    fn number_at(&self, i: usize) -> Option<Num> {
        let w = self.tok(i);
        let mut b = i + 1;
        let (mut value, vague) = if let Some(v) = Self::digits(w) {
            let raw = Self::bare_digits(w);
            if raw.len() >= 7 || (raw.len() > 1 && raw.starts_with('0')) {
                return None;
            }
            let mut v = v;
            // 1,200 / 2.5
            while b < self.n()
                && self.gap(b) == ","
                && self.tok(b).len() == 3
                && Self::digits(self.tok(b)).is_some()
            {
                v = v * 1000.0 + Self::digits(self.tok(b))?;
                b += 1;
            }
            if b < self.n() && self.gap(b) == "." && Self::digits(self.tok(b)).is_some() {
                v = format!("{v}.{}", self.tok(b)).parse().unwrap_or(v);
                b += 1;
            }
            (v, false)
        } else {
            let (v, kind) = self.number_word(i)?;
            match kind {
                NumKind::One
                    if b < self.n()
                        && self.number_word(b).is_some_and(|x| x.1 == NumKind::Teen) =>
                {
                    b += 1;
                    (11.0, false)
                }
                NumKind::One => return None,
                NumKind::Unit => {
                    let mut v = v;
                    if b < self.n() && self.number_word(b).is_some_and(|x| x.1 == NumKind::Teen) {
                        v += 10.0;
                        b += 1;
                    } else if b < self.n() && self.tok(b).starts_with(affixes().conj.as_str()) {
                        if let Some((t, NumKind::Ten)) = self.number_word(b) {
                            v += t;
                            b += 1;
                        }
                    }
                    (v, false)
                }
                NumKind::Teen => (v, false),
                NumKind::Vague => (v, true),
                _ => (v, false),
            }
        };
        // multipliers: 45 ألف، ثلاثة آلاف، عشرات الآلاف، مليون
        let mut scale = 1.0;
        while b < self.n() && !self.tok(b).starts_with(affixes().conj.as_str()) {
            let m = match self.number_word(b) {
                // «ألف» multiplies; «ألفين» after a number is not one
                Some((m, NumKind::Thousand)) if m < 2000.0 => 1000.0,
                Some((_, NumKind::Million)) => 1_000_000.0,
                Some((m, NumKind::Vague)) if m >= 2000.0 => m / 2.0,
                _ => break,
            };
            value *= m;
            scale = m;
            b += 1;
        }
        // the rest after the thousands: «38 ألفاً و295»، «ألفين وخمسمئة»
        if !vague
            && scale >= 1000.0
            && b < self.n()
            && self.tok(b).starts_with(affixes().conj.as_str())
        {
            if let Some(rest) = self.number_at(b).filter(|r| !r.vague && r.value < scale) {
                value += rest.value;
                b = rest.b;
            }
        }
        Some(Num {
            a: i,
            b,
            value,
            vague,
        })
    }

    fn words_at(&self, i: usize, words: &[String], allow_clitic: bool) -> bool {
        if i + words.len() > self.n() {
            return false;
        }
        let t = self.tok(i);
        // «لنحو»، «لما يصل إلى»: a one-letter proclitic on the first word
        let first = t == words[0]
            || (allow_clitic
                && t.chars().count() > 1
                && t[t.char_indices().nth(1).map_or(0, |x| x.0)..] == words[0]);
        first && follows(self.text, i, words).is_some()
    }

    /// A qualifier phrase ending right before token i.
    fn qualifier_before(&self, i: usize) -> Option<(Qualifier, QualPosition, usize)> {
        for p in self.lex.qualifiers.in_order() {
            let (words, q, pos) = (&p.words, &p.value.qualifier, &p.value.position);
            if *pos == QualPosition::After || i < words.len() {
                continue;
            }
            let s = i - words.len();
            if self.words_at(s, words, true) {
                return Some((*q, *pos, s));
            }
        }
        None
    }

    /// «على الأقل» within tokens [b, limit): where it ends.
    fn qualifier_after(&self, b: usize, limit: usize) -> Option<usize> {
        for p in self.lex.qualifiers.in_order() {
            let (words, q, pos) = (&p.words, &p.value.qualifier, &p.value.position);
            if *pos != QualPosition::After || *q != Qualifier::AtLeast {
                continue;
            }
            for s in b..limit {
                if self.words_at(s, words, false) {
                    return Some(s + words.len());
                }
            }
        }
        None
    }

    /// Measure words in tokens [a, b): (position, measure, kind).
    fn triggers(&self, a: usize, b: usize) -> Vec<(usize, Measure, TriggerKind)> {
        let mut out = Vec::new();
        for i in a..b {
            for (k, v, _) in self.text.readings(i).iter().map(Reading::parts) {
                if k > 2 {
                    continue;
                }
                let bare = affixes().bare(v, 3).unwrap_or(v);
                let first = match self.lex.measures.starting_with(v) {
                    [] => bare,
                    _ => v,
                };
                if let Some(p) = self
                    .lex
                    .measures
                    .found(first, self.text, i)
                    .into_iter()
                    .find(|p| p.words.len() <= b - i)
                {
                    out.push((i, p.value.measure, p.value.kind));
                    break;
                }
            }
        }
        out
    }
}

/// How many words the group of a part of a toll may take before the next part
/// («23 من قوى الأمن الداخلي الكردية (الأسايش) وحراس السجن و36 …»).
const PART_GROUP_REACH: usize = 10;

/// How many sentences before a list's item the line that opens the list may stand.
const LIST_REACH: usize = 12;

/// How far before a count of vehicles the word of riding in them may stand («على متن «نحو 15
/// زورقاً»»).
const ABOARD_REACH: usize = 4;

/// Finds the figures of an article.
pub fn find_quantities(
    lex: &Lexicon,
    doc: &Document,
    text: &Text,
    mentions: &[Mention],
    dates: &[DateMention],
    attribution: &Attribution,
    relations: &[(EntityRef, Relation, EntityRef)],
) -> Vec<Quantity> {
    let cx = Cx { lex, text };
    let n = cx.n();
    let in_date: HashSet<usize> = dates.iter().flat_map(|d| d.first..d.last).collect();
    let mut nums: Vec<Num> = Vec::new();
    let mut i = 0;
    while i < n {
        if in_date.contains(&i) {
            i += 1;
            continue;
        }
        if let Some(num) = cx.number_at(i) {
            let w = cx.tok(i);
            let year_like = Cx::bare_digits(w).len() == 4
                && (1900.0..=2100.0).contains(&num.value)
                && !num.vague;
            // (through a proclitic: «لعام ٢٠٢٥»)
            let prev_year_word = i > 0 && lex.role_at(text, i - 1, Fw::YearWord);
            let next = num.b;
            let followed = next < n && !text.tokens[next].hard_before && !lex.is_stop(cx.tok(next));
            // «12:10», not «حصيلة أولية: 3 شهداء»
            let digits_at = |x: usize| Cx::digits(cx.tok(x)).is_some();
            let time = (i > 0 && cx.gap(i) == ":" && digits_at(i - 1))
                || (next < n && cx.gap(next) == ":" && digits_at(next));
            // («٢٧ في المائة»، «68 بالمئة»)
            let percent_word = |x: usize| {
                x < n && !text.tokens[x].hard_before && lex.role_at(text, x, Fw::Percent)
            };
            let percent = next < n
                && (cx.gap(next).contains('%')
                    || percent_word(next)
                    || cx.tok(next) == affixes().fi && percent_word(next + 1));
            // («الثلاثة»: a definite number refers back; «ألف»، «ألفين» only look definite)
            let definite_word = !w.chars().next().is_some_and(|c| c.is_ascii_digit())
                && w.starts_with(affixes().article.as_str())
                && !lex.numbers.contains_key(w)
                && !num.vague;
            // «اللواء 53»، «للواء 28 في الحشد»: a unit's number is its name (a unit word, not
            // the word for a whole army or police: «الشرطة 20» is no name)
            let numbered = |w: &str| {
                lex.is(Fw::Unit, w) && !lex.is(Fw::ArmyWord, w) && !lex.is(Fw::PoliceWord, w)
            };
            let unit_number = i > 0
                && !text.tokens[i].hard_before
                && text.readings(i - 1).iter().any(|r| {
                    let definite = format!("{}{}", affixes().article, r.word);
                    r.skip <= 2 && (numbered(&r.word) || numbered(&definite))
                });
            if !(prev_year_word
                || (year_like && !followed)
                || time
                || percent
                || definite_word
                || unit_number)
            {
                i = num.b;
                nums.push(num);
                continue;
            }
            i = num.b;
            continue;
        }
        i += 1;
    }
    // duals carrying a count: يومين، شاحنتين، قتيلان، جنديين
    for (i, t) in text.tokens.iter().enumerate() {
        let dual_person = text.readings(i).iter().any(
            |Reading {
                 skip: k, word: v, ..
             }| *k <= 1 && lex.duals.contains(v),
        );
        if dual_person || matches!(lex.units.get(&t.text), Some(&(_, 2, _))) {
            let after_number = nums.iter().any(|x| x.b == i);
            if !after_number && !nums.iter().any(|x| x.a <= i && i < x.b) {
                nums.push(Num {
                    a: i,
                    b: i,
                    value: 2.0,
                    vague: false,
                });
            }
        }
    }
    // «استشهاد مواطن واحد»: a noun of people with «واحد» after it counts one (where «جناح
    // واحد» is an adjective)
    for i in 1..n {
        if !lex.is(Fw::One, cx.tok(i)) {
            continue;
        }
        let person_noun = text.readings(i - 1).iter().any(|r| {
            r.skip <= 1
                && lex.measures.get(&[r.word.as_str()]).is_some_and(|p| {
                    matches!(p.value.kind, TriggerKind::Noun | TriggerKind::Generic)
                })
        });
        // (not «خمسة من عائلة واحدة»: of one family)
        let of_one = i >= 2 && cx.tok(i - 2) == affixes().min;
        if !text.tokens[i].hard_before
            && person_noun
            && !of_one
            && !lex.units.contains_key(cx.tok(i - 1))
            && !nums.iter().any(|x| x.a <= i && i - 1 <= x.b)
        {
            nums.push(Num {
                a: i - 1,
                b: i - 1,
                value: 1.0,
                vague: false,
            });
        }
    }
    nums.sort_by_key(|x| x.a);

    let mut out: Vec<Quantity> = Vec::new();
    let mut restated: Vec<Quantity> = Vec::new();
    let mut k = 0;
    // the figure before was a part of the one before it («بينهم ٩ أطفال»)
    let mut part_before = false;
    while k < nums.len() {
        let num = &nums[k];
        let sent = text.tokens[num.a].sentence;
        let s_first = text.sentences[sent].first_token;
        let s_end = text.sentences[sent].end_token;
        // where the figure before ends (taken before a range «بين 400 و500» joins its second
        // number to this one)
        let prev_end = if k > 0 { nums[k - 1].b } else { 0 };
        let mut first = num.a;
        let mut last = num.b;
        let (mut qualifier, mut value, mut min, mut max) =
            (Qualifier::Exact, Some(num.value), None, None);
        if num.vague {
            qualifier = Qualifier::AtLeast;
            value = None;
            min = Some(num.value);
        }
        if let Some((q, pos, s)) = cx.qualifier_before(num.a) {
            first = s;
            match pos {
                QualPosition::Range => {
                    // بين 100 و120
                    let second = nums.get(k + 1).filter(|y| {
                        let conj = affixes().conj.as_str();
                        y.a == num.b && cx.tok(y.a).starts_with(conj)
                            || (y.a == num.b + 1 && cx.tok(num.b) == conj)
                    });
                    if let Some(y) = second {
                        qualifier = Qualifier::Range;
                        value = None;
                        min = Some(num.value);
                        max = Some(y.value);
                        last = y.b;
                        k += 1;
                    }
                }
                _ => {
                    qualifier = q;
                    match q {
                        Qualifier::AtLeast | Qualifier::MoreThan => {
                            value = None;
                            min = Some(num.value);
                        }
                        Qualifier::AtMost => {
                            value = None;
                            max = Some(num.value);
                        }
                        _ => {}
                    }
                }
            }
        }
        // the counted noun and its unit
        // after the number; a dual is its own noun
        let noun = if num.b == num.a { num.a } else { last };
        let (unit, factor) = match lex.units.get(cx.tok(noun.min(n - 1))) {
            Some(&(u, _, f)) if noun < n => (Some(u), f),
            _ => (None, 1.0),
        };
        if factor != 1.0 {
            value = value.map(|v| v * factor);
            min = min.map(|v| v * factor);
            max = max.map(|v| v * factor);
        }
        let next_num = nums.get(k + 1).map(|x| x.a).unwrap_or(n);
        // «200 على الأقل من …»، «سبعة من عناصرها على الأقل»
        if qualifier == Qualifier::Exact
            && cx
                .qualifier_after(last, (last + 5).min(s_end).min(next_num))
                .is_some()
        {
            qualifier = Qualifier::AtLeast;
            min = value.take();
        }
        // what is counted: the nearest word saying what happened to them (a governing verb just
        // before the figure first), then «يضم», then the counted noun
        // (not across «أن»: «بين القتلى امرأة، مشيرة إلى أن 140 أسرة غادرت» — the clause
        // after it tells its own figure)
        let before_from = (first.saturating_sub(8)).max(s_first).max(prev_end);
        let before_from = (before_from..first)
            .rfind(|&x| lex.is(Fw::Complementizer, cx.tok(x)))
            .map_or(before_from, |x| x + 1);
        let window_end = s_end.min(noun + 14);
        let clause_end = (noun + 1..window_end)
            .find(|&x| lex.is(Fw::ClauseEnd, cx.tok(x)))
            .unwrap_or(window_end);
        // the nouns counted by later figures are theirs
        let others: HashSet<usize> = nums.iter().skip(k + 1).map(|x| x.b).collect();
        let before = cx.triggers(before_from, first);
        let after: Vec<_> = cx
            .triggers(noun, clause_end)
            .into_iter()
            .filter(|t| !others.contains(&t.0))
            .collect();
        // (or a span of years in brackets after a name: «محمود نضال عرفات (٢٣ عاماً)»)
        let age = (first.saturating_sub(4).max(s_first)..first).any(|x| lex.is(Fw::Age, cx.tok(x)))
            || (first > 0 && cx.gap(first).contains('(') && unit == Some(Unit::Year));
        let counted = after.first().filter(|t| t.0 <= noun + 2).copied();
        let decisive = |t: &&(usize, Measure, TriggerKind)| {
            matches!(t.2, TriggerKind::Event | TriggerKind::Held)
        };
        // a counted noun of its own (known, or any content word) keeps far events away: «ثلاثة
        // حواجز … ما أدى إلى مقتل» counts checkpoints
        let own_noun = counted.is_some_and(|t| t.2 == TriggerKind::Noun)
            || (noun < s_end
                && counted.is_none()
                && !lex.is_stop(cx.tok(noun))
                && !lex.members.contains(cx.tok(noun))
                && !lex.units.contains_key(cx.tok(noun)));
        let reach = if own_noun { NOUN_REACH } else { usize::MAX };
        // «3 شهداء و9 جرحى»: a word of what happened right after the figure is what it counts,
        // whatever the word before it says
        // (a noun of what they are, displaced or detained, gives way to the verb that governs
        // the figure: «قُتل ثلاثة نازحين» counts the killed)
        let governed = before
            .iter()
            .rfind(decisive)
            .filter(|t| first - t.0 <= 2)
            .map(|t| t.1);
        let own_event = after
            .first()
            .filter(|t| t.0 == noun && t.2 == TriggerKind::Event)
            .filter(|t| {
                !(matches!(t.1, Measure::Displaced | Measure::Held)
                    && governed.is_some_and(|m| m != t.1))
            })
            .copied();
        let nearest_event = own_event.or_else(|| {
            // «الفرار من سجن الصناعة الذي يضم آلاف العناصر»: a containing verb nearer the figure
            // says what it counts
            let contained = |at: usize| {
                before
                    .iter()
                    .any(|t| t.2 == TriggerKind::Contain && t.0 > at)
            };
            let b = before
                .iter()
                .rfind(decisive)
                .filter(|t| !contained(t.0))
                .map(|t| (first - t.0, *t));
            let a = after
                .iter()
                .find(decisive)
                .map(|t| (t.0 + 1 - noun, *t))
                .filter(|t| t.0 <= reach);
            // «عدد القتلى في صفوف الجيش … لا يقل عن 30»، «قدّر عدد القتلى بـ14»: the word of what
            // happened after «عدد» before the figure, in its sentence with no figure between,
            // is what it counts (not a word after it: «… إلى أن عدداً من الجرحى نُقلوا»)
            // (in the figure's own clause: not across «أن»)
            let from = s_first.max(prev_end);
            let from = (from..first)
                .rfind(|&x| lex.is(Fw::Complementizer, cx.tok(x)))
                .map_or(from, |x| x + 1);
            let count_of = (from..first)
                .rfind(|&x| lex.is(Fw::CountOf, cx.tok(x)))
                .and_then(|x| {
                    cx.triggers(x + 1, (x + 2).min(first))
                        .into_iter()
                        .find(|t| t.0 == x + 1 && (decisive(&t) || t.1 == Measure::Population))
                });
            if count_of.is_some() {
                return count_of;
            }
            match (b, a) {
                (Some(x), _) if x.0 <= GOVERNING_VERB => Some(x.1),
                (Some(x), Some(y)) => Some(if x.0 <= y.0 { x.1 } else { y.1 }),
                (x, y) => x.or(y).map(|v| v.1),
            }
        });
        let soldiers = counted.is_some_and(|t| t.1 == Measure::Fighters);
        // whether the sentence names a place of one of these classes
        let names = |classes: &[Class]| {
            mentions.iter().any(|m| {
                text.tokens[m.tokens.0].sentence == sent
                    && classes.contains(&lex.class_of(&m.entity))
            })
        };
        let prison_near = names(&[Class::Prison, Class::Camp]);

        // «بينهم 13 عنصرا»: a part of the figure before it
        // «34 جنديا و12 من متطوعي الدفاع»: joined by «و» to the figure before
        let conj = affixes().conj.as_str();
        let joined = k > 0
            && nums[k - 1].b + 2 >= num.a
            && (cx.tok(num.a).starts_with(conj) || (num.a > 0 && cx.tok(num.a - 1) == conj));
        // (and a figure joined to such a part: «بينهم ٩ أطفال و٥ نساء», also past the part's
        // group: «بينهم 23 من قوى الأمن الداخلي (الأسايش) وحراس السجن و36 من عناصر التنظيم»)
        let chained = k > 0
            && cx.tok(num.a).starts_with(conj)
            && text.tokens[nums[k - 1].a].sentence == sent
            && num.a <= nums[k - 1].b + PART_GROUP_REACH
            && (nums[k - 1].b..num.a).all(|x| {
                !lex.speech_verbs.contains_key(cx.tok(x)) && !lex.is(Fw::Complementizer, cx.tok(x))
            });
        let among = first > s_first && lex.is(Fw::Among, cx.tok(first - 1))
            || part_before && (joined || chained) && text.tokens[nums[k - 1].a].sentence == sent;
        // (the figure of people before it: «قتل 61 شخصا في 42 هجوما، هم 39 من …» counts the 61)
        let previous = out
            .iter()
            .chain(&restated)
            .filter(|q| {
                q.sentence == sent && !matches!(q.measure, Measure::Other | Measure::Duration)
            })
            .max_by_key(|q| q.start)
            .map(|q| q.measure);
        // «تضم ٢٤١ عائلة بواقع ٨٦٣ فرداً»، «2760 أسرة، أي قرابة 13800 شخص»: the figure before,
        // restated in people
        let restating = first > s_first
            && lex.is(Fw::Restating, cx.tok(first - 1))
            && k > 0
            && nums[k - 1].b + 2 >= first;
        // (a part with its own word of what happened counts that: «54056 شهيداً و122898
        // مصاباً، بينهم 79 شهيداً»، «تسعة قتلى، بينهم ثلاث نساء، و21 جريحاً»)
        let measure = if let Some(t) = own_event.filter(|_| among) {
            t.1
        } else if let Some(m) = previous.filter(|_| among || restating) {
            m
        } else if matches!(
            unit,
            Some(Unit::Day | Unit::Month | Unit::Year | Unit::Hour | Unit::Minute)
        ) {
            if age {
                Measure::Other
            } else {
                Measure::Duration
            }
        } else if unit == Some(Unit::Vehicle)
            && (first.saturating_sub(ABOARD_REACH).max(s_first)..first)
                .any(|x| lex.is(Fw::Aboard, cx.tok(x)))
        {
            // «وصلوا على متن أكثر من 30 شاحنة»، «رتل من نحو 30 آلية»: the vehicles a force
            // came in count the force
            Measure::Fighters
        } else if matches!(unit, Some(Unit::Kilometre) | Some(Unit::Vehicle)) {
            Measure::Other
        } else if let Some(m) = previous.filter(|_| {
            // «قُتل أحد عشر جندياً وسبعة من متطوعي الدفاع عن الوطن، وأصيب 19 آخرون»: a figure
            // joined by «و» to the one before, with no word of what happened of its own or
            // between them, counts what that one counts
            joined
                && own_event.is_none()
                && !before.iter().any(|t| decisive(&t) && t.0 >= nums[k - 1].b)
        }) {
            m
        } else if let Some(t) = nearest_event {
            t.1
        } else if before.iter().any(|t| t.2 == TriggerKind::Contain) {
            // «تؤوي المدرسة ألفي نازح»: the displaced a shelter holds
            if counted.is_some_and(|t| t.1 == Measure::Displaced) {
                Measure::Displaced
            } else if names(&[Class::Camp])
                && !names(&[Class::Prison])
                && counted.is_some_and(|t| t.2 == TriggerKind::Generic)
            {
                // «ويقع مخيم الهول … ويؤوي نحو 27 ألف شخص»: the people a camp holds are its
                // population
                Measure::Population
            } else if soldiers && !prison_near {
                Measure::Fighters
            } else {
                Measure::Held
            }
        } else if let Some(t) = counted.filter(|t| t.2 == TriggerKind::Noun) {
            t.1
        } else if let Some(t) = counted.filter(|t| t.2 == TriggerKind::Generic) {
            // «بعدد يفوق 4000 شخص»: people in general, counted like the figure before them
            out.iter()
                .chain(&restated)
                .filter(|q| {
                    q.sentence == sent && !matches!(q.measure, Measure::Duration | Measure::Other)
                })
                .max_by_key(|q| q.start)
                .map(|q| q.measure)
                .unwrap_or(t.1)
        } else if unit == Some(Unit::Family) {
            Measure::Displaced
        } else {
            Measure::Other
        };
        let measure = if unit == Some(Unit::Family) && measure == Measure::Other {
            Measure::Displaced
        } else {
            measure
        };
        // «فرّ أكثر من ألفي شخص من القرى»: people fleeing, with no prison or camp in the
        // sentence and no detainees counted, were displaced, not escaping
        let fled = nearest_event.is_some_and(|t| {
            cx.text
                .readings(t.0)
                .iter()
                .any(|r| r.skip <= 1 && lex.is(Fw::Flee, &r.word))
        });
        let detainees = counted.is_some_and(|t| matches!(t.1, Measure::Held | Measure::Escaped));
        // (a prison named by its head noun alone counts too: «فرّ 20 سجيناً من السجن»)
        let prison_word = || {
            (s_first..s_end).any(|x| {
                cx.text.readings(x).iter().any(|r| {
                    let w = affixes().bare(&r.word, 2).unwrap_or(&r.word);
                    lex.heads
                        .get(w)
                        .is_some_and(|h| matches!(h.class, Class::Prison | Class::Camp))
                })
            })
        };
        let measure = if measure == Measure::Escaped
            && fled
            && !prison_near
            && !detainees
            && !prison_word()
        {
            Measure::Displaced
        } else {
            measure
        };
        // «توزعت أعداد النازحين حسب محلية المنشأ على النحو الآتي:» then «• محلية بارا: ١٦٬٤٨٠
        // شخصاً»: the items of a list count what the line that opens it counts
        let measure = match measure {
            Measure::Other if unit.is_none() => cx.list_heading(sent).unwrap_or(measure),
            m => m,
        };

        // «قتل ثلاثة من الحشد الشعبي وإصابة اثنين»، «وأصيب ستة آخرون»: a figure with no noun
        // of its own, or counting «others», counts more of the group of the figure before it
        let no_noun = counted.is_none()
            && (noun >= s_end
                || noun == num.a && num.b > num.a
                || lex.is_stop(cx.tok(noun))
                || cx.tok(noun).starts_with(affixes().bi.as_str())
                || cx.text.tokens[noun].hard_before);
        let others = noun < n && lex.is(Fw::Others, cx.tok(noun));
        // «34 جنديا و12 من متطوعي الدفاع»، «تجاوز عددهم 73 ألفا»: a figure that names nothing it
        // counts, or joined by «و» to the figure before and followed by «من», counts what that
        // figure counts
        let partitive = noun < n && cx.tok(noun) == affixes().min;
        // («قتل جنديان صوماليان وثلاثة جنود أوغنديين»: soldiers joined to the killed are killed)
        let casualty_before = previous.is_some_and(|m| m.is_casualty());
        let carried = (measure == Measure::Other && (no_noun || others))
            || (joined && partitive && nearest_event.is_none())
            || (joined && soldiers && nearest_event.is_none() && casualty_before);
        let measure = if carried && !among {
            out.iter()
                .chain(&restated)
                .filter(|q| {
                    q.sentence == sent
                        && q.tokens.1 <= first
                        && !matches!(q.measure, Measure::Duration | Measure::Other)
                })
                .max_by_key(|q| q.tokens.1)
                .map(|q| q.measure)
                .unwrap_or(measure)
        } else {
            measure
        };
        // the figure told last before this one in its sentence: whose members and whether a
        // running total («منهم»، «آخرين»، the parts after «هم»)
        // («قُتل خمسة من حراس السجن الذي يضم مئات من عناصر التنظيم، وأصيب ثلاثة آخرون»: the
        // others are more of the dead or wounded, not of those held)
        let figure_before = out
            .iter()
            .chain(&restated)
            .filter(|q| q.sentence == sent && q.tokens.1 <= first)
            .filter(|q| !(others && measure.is_casualty()) || q.measure.is_casualty())
            .max_by_key(|q| q.tokens.1)
            .map(|q| (q.group.clone(), q.cumulative));
        let inherited = if !among && (others || no_noun) {
            figure_before.as_ref().and_then(|(g, _)| g.clone())
        } else {
            None
        };
        // whose members: «من عناصر داعش»، «لمقاتلي داعش»، «جندي أمريكي»، «عناصرها»
        // (a figure followed by «من» names its own: «34 جنديا و12 من متطوعي الدفاع عن الوطن»)
        let own = || {
            group_of(
                &cx,
                mentions,
                noun,
                (noun + 6).min(s_end).min(next_num),
                sent,
                num.a,
            )
        };
        let inherited = if partitive {
            own().or(inherited)
        } else {
            inherited
        };
        // «وقتلت ثلاثة منهم»: of those the sentence named before (the figure before, else the
        // group named last)
        let of_them = noun < n && affixes().with_pronoun(cx.tok(noun), &affixes().min);
        // («وأصيب ثلاثة آخرون»: more of the figure before, whoever they are — not a name near)
        let others_of_before = others && !among && figure_before.is_some();
        // «عدد قتلى الأسايش بلغ أربعة، إضافة إلى ستة جرحى»: a figure that names its people only
        // by what befell them, right after a casualty figure of the sentence, counts that
        // figure's side
        let befell_only = counted
            .is_some_and(|t| t.0 == noun && t.1.is_casualty() && matches!(t.2, TriggerKind::Event));
        let side_before = out
            .iter()
            .filter(|q| {
                befell_only
                    && q.sentence == sent
                    && q.tokens.1 <= first
                    && first - q.tokens.1 <= JOINED_FIGURE_REACH
                    && q.measure.is_casualty()
                    && (q.tokens.1..first).all(|x| {
                        !lex.speech_verbs.contains_key(cx.tok(x))
                            && !lex.is(Fw::Complementizer, cx.tok(x))
                    })
            })
            .max_by_key(|q| q.tokens.1)
            .and_then(|q| q.group.clone());
        let group = inherited.or_else(|| {
            // (the pronoun says whose they are: «وقتلت 27 منهم»)
            if of_them || others_of_before {
                return None;
            }
            own()
                .or_else(|| side_before.clone())
                // «خسائر التنظيم بلغت 27»: the group named just before the figure (not the total's,
                // for a part of it: «بينهم ثلاثة أطفال»)
                // (people in general are nobody's members: «عناصر الحشد الشعبي و3 مدنيين»)
                .or_else(|| {
                    if among || counted.is_some_and(|t| t.2 == TriggerKind::Generic) {
                        return None;
                    }
                    // (not across the verb of what was done to them: «أن مقاتليه قتلوا 30
                    // جندياً» names the killers)
                    let after_verb = before
                        .iter()
                        .filter(|t| decisive(t))
                        .map(|t| t.0 + 1)
                        .max()
                        .unwrap_or(0);
                    // (nor across «أن», which opens a clause of its own: «قتلت 11 من عناصر
                    // الحركة» وأن ستة جنود قُتلوا»)
                    let from = first
                        .saturating_sub(4)
                        .max(s_first)
                        .max(prev_end)
                        .max(after_verb);
                    let from = (from..first)
                        .rfind(|&x| {
                            cx.text
                                .readings(x)
                                .iter()
                                .any(|r| r.skip <= 1 && lex.is(Fw::Complementizer, &r.word))
                        })
                        .map_or(from, |x| x + 1);
                    group_of(&cx, mentions, from, first, sent, num.a)
                })
                // «ارتفاع قتلى الأسايش في هجوم السجن إلى ٤»: the group a toll noun of this
                // figure's kind is in construct with
                .or_else(|| {
                    if among {
                        return None;
                    }
                    before
                        .iter()
                        .filter(|t| t.1 == measure && lex.is(Fw::TollNoun, cx.tok(t.0)))
                        .find_map(|t| {
                            mentions
                                .iter()
                                .find(|m| {
                                    m.tokens.0 == t.0 + 1
                                        && m.tokens.1 < first
                                        && !cx.text.tokens[t.0 + 1].hard_before
                                        && matches!(
                                            lex.class_of(&m.entity),
                                            Class::ArmedGroup | Class::Government
                                        )
                                })
                                .map(|m| m.entity.clone())
                        })
                })
                // «يتراوح عدد عناصر التنظيم الناشطين في العراق بين 400 و500 عنصر»: the members
                // whose number the sentence gives
                // (only a figure of members, or of nothing named: «… و3 مدنيين» counts others)
                .or_else(|| {
                    let members = counted.is_some_and(|t| t.1 == Measure::Fighters)
                        || counted.is_none() && (noun >= s_end || lex.is_stop(cx.tok(noun)));
                    if !members {
                        return None;
                    }
                    let count = (s_first.max(prev_end)..first)
                        .rfind(|&x| lex.is(Fw::CountOf, cx.tok(x)))?;
                    group_of(
                        &cx,
                        mentions,
                        count + 1,
                        (count + 4).min(first),
                        sent,
                        num.a,
                    )
                })
        });
        let group = group.or_else(|| {
            if !of_them || among {
                return None;
            }
            // («مقتل 27 من مسلحي الحركة، تُركت جثث 14 منهم»: the figure before names them)
            if let Some((g, _)) = &figure_before {
                return g.clone();
            }
            mentions
                .iter()
                .rfind(|m| {
                    m.tokens.1 <= num.a
                        && text.tokens[m.tokens.0].sentence == sent
                        && matches!(
                            lex.class_of(&m.entity),
                            Class::ArmedGroup | Class::Government
                        )
                })
                .map(|m| m.entity.clone())
        });
        // «20 عنصراً حوثياً»: the nisba after the counted noun, in the accusative too
        let group = group.or_else(|| {
            let t = noun + 1;
            if noun >= n || noun >= s_end {
                return None;
            }
            let known = |w: &str| {
                let id = lex
                    .demonyms
                    .get(w)
                    .or_else(|| lex.demonym_plurals.get(w))?
                    .as_ref()?;
                lex.by_id.get(id).copied()
            };
            // «16 حوثياً»: a group's nisba as the counted noun (a country's counts its
            // nationals, not its forces: «5 سوريين»)
            let w = cx.tok(noun);
            let itself = known(w).or_else(|| {
                w.strip_suffix(affixes().accusative.as_str())
                    .and_then(known)
            });
            if let Some(g) = itself.filter(|&g| lex.gazetteer[g].class != Class::Country) {
                return Some(EntityRef::Known(g));
            }
            if t >= s_end {
                return None;
            }
            let w = cx.tok(t);
            // «ثلاثة جنود أوغنديين»، «٢٧ عسكرياً باكستانياً»: soldiers of a country are of its
            // army (a force of the country that bears its nisba: «الجيش الباكستاني»، «قوات
            // الدفاع الشعبية الأوغندية», not «جيش تحرير بلوشستان»), where the article names it
            let army_of = |g: usize| {
                let id = &lex.gazetteer[g].id;
                mentions.iter().find_map(|m| match m.entity {
                    EntityRef::Known(a)
                        if lex.gazetteer[a].class == Class::ArmedGroup
                            && lex.gazetteer[a].within.contains(id)
                            && fold_str(&lex.gazetteer[a].name_ar).split(' ').any(|w| {
                                lex.demonyms.get(w).is_some_and(|c| c.as_ref() == Some(id))
                            }) =>
                    {
                        Some(EntityRef::Known(a))
                    }
                    _ => None,
                })
            };
            let soldiers = lex.is(Fw::Soldier, cx.tok(noun));
            // the accusative only for a group's nisba, or a country's army named in the article:
            // «جندياً نيجيرياً» is otherwise left to the army rule
            if let Some(g) = known(w) {
                if lex.gazetteer[g].class == Class::Country && soldiers {
                    if let Some(army) = army_of(g) {
                        return Some(army);
                    }
                }
                return Some(EntityRef::Known(g));
            }
            let g = w
                .strip_suffix(affixes().accusative.as_str())
                .and_then(known)?;
            if lex.gazetteer[g].class != Class::Country {
                return Some(EntityRef::Known(g));
            }
            soldiers.then(|| army_of(g)).flatten()
        });
        // «ستة جنود»، «11 شرطيا» with no group: the army (or police) the article names
        // (also after «من», or a casualty noun and «من»: «23 جريحاً من العسكريين»)
        let open_at = |x: usize| x < n && !cx.text.tokens[x].hard_before;
        let soldiers_at = if partitive && open_at(noun + 1) {
            noun + 1
        } else if counted.is_some()
            && open_at(noun + 1)
            && open_at(noun + 2)
            && cx.tok(noun + 1) == affixes().min
        {
            noun + 2
        } else {
            noun
        };
        let group = group.or_else(|| {
            let kind = [Fw::Soldier, Fw::Police]
                .into_iter()
                .find(|&k| lex.role_at(cx.text, soldiers_at, k))?;
            let word = if kind == Fw::Soldier {
                Fw::ArmyWord
            } else {
                Fw::PoliceWord
            };
            // the force itself («الجيش البوركينابي») before a body of it («هيئة الأركان العامة
            // للقوات المسلحة البوركينابية»): the name, or the gazetteer's name, begins with the word
            let names = |m: &Mention| {
                let mut v = vec![fold_str(&m.label)];
                if let EntityRef::Known(g) = m.entity {
                    v.push(fold_str(&lex.gazetteer[g].name_ar));
                }
                v
            };
            let force = |head: bool| {
                move |m: &&Mention| {
                    lex.class_of(&m.entity).family() == Family::Organization
                        && names(m).iter().any(|l| {
                            let mut words = l.split_whitespace();
                            if head {
                                words.next().is_some_and(|w| lex.is(word, w))
                            } else {
                                words.any(|w| lex.is(word, w))
                            }
                        })
                }
            };
            let before = |m: &&Mention| m.tokens.1 <= num.a;
            [true, false]
                .into_iter()
                .find_map(|head| {
                    mentions
                        .iter()
                        .filter(before)
                        .rfind(force(head))
                        .or_else(|| mentions.iter().find(force(head)))
                })
                .map(|m| m.entity.clone())
        });
        // «مقتل ثلاثة حراس»: guards are of the side the article says holds the prison (the one
        // the sentence names, else any it names)
        let group = group.or_else(|| {
            if !lex.role_at(cx.text, soldiers_at, Fw::Guard) {
                return None;
            }
            let prisons: Vec<&Mention> = mentions
                .iter()
                .filter(|m| lex.class_of(&m.entity) == Class::Prison)
                .collect();
            let here = prisons
                .iter()
                .filter(|m| cx.text.tokens[m.tokens.0].sentence == sent)
                .chain(prisons.iter());
            here.into_iter().find_map(|p| {
                relations
                    .iter()
                    .find(|(a, r, b)| {
                        *r == Relation::Controls
                            && *b == p.entity
                            && lex.class_of(a).family() == Family::Organization
                    })
                    .map(|(a, _, _)| a.clone())
            })
        });
        // «قُتل منذ مطلع العام ما لا يقل عن 74 شخصاً»، «… بغارات إسرائيلية منذ سريان وقف إطلاق
        // النار»: a toll counted since a day long past (a date with its year, or the start of a
        // year, a war or a truce) is a running total, not the toll of the event told (not «…
        // لاتفاق وقف إطلاق النار الساري منذ …», where the span is the truce's)
        let since_at = |x: usize| {
            lex.is(Fw::Since, cx.tok(x))
                && ((x + 1..(x + 3).min(s_end)).any(|y| lex.is(Fw::SpanStart, cx.tok(y)))
                    // («منذ الثامن من تشرين الأول/أكتوبر 2023»: an ordinal day before the month)
                    || dates
                        .iter()
                        .any(|d| d.first > x && d.first <= x + SINCE_DATE_REACH && !d.inferred))
        };
        // (a part of a running total is one too: «… 74 شخصاً، هم 50 من «قسد» و13 مدنياً»)
        let part_of_total = among && figure_before.as_ref().is_some_and(|(_, c)| *c);
        let cumulative = part_of_total
            || (prev_end.max(s_first)..first).any(since_at)
            || (last..window_end)
                .take_while(|&x| x == last || !text.tokens[x].hard_before)
                .any(|x| since_at(x) && !lex.is(Fw::Lasting, cx.tok(x - 1)));
        let about = mentions
            .iter()
            .filter(|m| {
                text.tokens[m.tokens.0].sentence == sent
                    && matches!(lex.class_of(&m.entity), Class::Prison | Class::Camp)
            })
            .min_by_key(|m| m.tokens.0.abs_diff(num.a))
            .map(|m| m.entity.clone())
            // what happened to people happened somewhere: the most precise place the sentence
            // names, not one they went to («نزحوا … باتجاه مدينة الأبيض»), nearest first
            .or_else(|| {
                let casualty = matches!(
                    measure,
                    Measure::Killed
                        | Measure::Injured
                        | Measure::Captured
                        | Measure::Displaced
                        | Measure::Escaped
                        | Measure::Hostages
                        | Measure::Held
                );
                if !casualty {
                    return None;
                }
                // (a district the text names by its head, «ناحية الرشاد»، «مديرية صرواح», is a
                // town's area, as precise as a town; a listed region is larger)
                // (a running total covers an area, a country too)
                let rank = |e: &EntityRef| match lex.class_of(e) {
                    Class::Facility | Class::Prison | Class::Camp => Some(0),
                    Class::Neighborhood => Some(1),
                    Class::City => Some(2),
                    Class::Region if matches!(e, EntityRef::New { .. }) => Some(2),
                    Class::Region => Some(3),
                    Class::Governorate => Some(4),
                    Class::Country if cumulative => Some(5),
                    _ => None,
                };
                let destination = |m: &Mention| {
                    m.tokens.0 > s_first
                        && (m.tokens.0.saturating_sub(2).max(s_first)..m.tokens.0)
                            .any(|x| lex.is(Fw::Destination, cx.tok(x)))
                };
                // «أفاد مصدر أمني في محافظة كركوك …»: where the speaker is, not where it happened
                let speakers_place = |m: &Mention| {
                    m.tokens.1 <= num.a
                        && (m.tokens.0.saturating_sub(6).max(s_first)..m.tokens.0)
                            .any(|x| lex.speech_verb_at(cx.text, x))
                };
                mentions
                    .iter()
                    .filter(|m| {
                        text.tokens[m.tokens.0].sentence == sent
                            && !destination(m)
                            && !speakers_place(m)
                            && !crate::extract::recognize::is_dateline(doc, m)
                    })
                    .filter_map(|m| rank(&m.entity).map(|r| (r, m)))
                    .min_by_key(|(r, m)| (*r, m.tokens.0.abs_diff(num.a)))
                    .map(|(_, m)| m.entity.clone())
            })
            // detainees held in a town or district that has one known prison are held in it
            // («محتجزون في غويران»)
            .map(|about| match (&about, measure) {
                (EntityRef::Known(place), Measure::Held)
                    if lex.class_of(&about).family() == Family::Place
                        && !matches!(lex.class_of(&about), Class::Prison | Class::Camp) =>
                {
                    let id = &lex.gazetteer[*place].id;
                    let prisons: Vec<usize> = lex
                        .gazetteer
                        .iter()
                        .enumerate()
                        .filter(|(_, g)| g.class == Class::Prison && g.within.contains(id))
                        .map(|(i, _)| i)
                        .collect();
                    match prisons[..] {
                        [only] => EntityRef::Known(only),
                        _ => about,
                    }
                }
                _ => about,
            })
            .or_else(|| {
                (measure == Measure::Population)
                    .then(|| {
                        mentions
                            .iter()
                            .rfind(|m| {
                                m.tokens.1 <= num.a && lex.class_of(&m.entity) == Class::City
                            })
                            .map(|m| m.entity.clone())
                    })
                    .flatten()
            });
        let reported_by = attribution
            .speaker_at(text, num.a)
            .map(|i| mentions[i].entity.clone());
        // (a noun counted by «واحد» after it keeps it in its span)
        let phrase_end = last.max(first + 1).min(n);
        let phrase_end = if num.a == num.b && phrase_end < n && lex.is(Fw::One, cx.tok(phrase_end))
        {
            phrase_end + 1
        } else {
            phrase_end
        };
        let (start, end) = text.orig_span(doc, first, 0, phrase_end);
        let q = Quantity {
            start,
            end,
            tokens: (first, phrase_end),
            sentence: sent,
            measure,
            value,
            min,
            max,
            qualifier,
            unit,
            group,
            about,
            reported_by,
            event: None,
            cumulative,
        };
        // a figure restated in the same article is one figure (kept aside: it still counts as
        // «the figure before» for what follows it)
        // (not two figures of two groups named: «قُتل جنديان من القوات الحكومية» after «قتيلان
        // من المدنيين»)
        // (nor the same number told by two sources: «استشهاد شخصين» by the health ministry and
        // «قضى على عنصرين من حزب الله» by the army are two reports, kept side by side)
        // (an exact count of what happened to people, not «آلاف» nor a number of anything)
        let two_sources = |o: &Quantity| {
            q.value.is_some()
                && q.measure != Measure::Other
                && matches!((&o.reported_by, &q.reported_by), (Some(a), Some(b)) if a != b)
        };
        let is_same = |o: &Quantity| {
            ((o.measure, o.unit, o.value, o.min, o.max)
                == (q.measure, q.unit, q.value, q.min, q.max)
                && !matches!((&o.group, &q.group), (Some(a), Some(b)) if a != b)
                || (q.group.is_some()
                    && o.group == q.group
                    && (o.value, o.min, o.max) == (q.value, q.min, q.max)))
                && !two_sources(o)
        };
        let same = out.iter().chain(&restated).any(is_same);
        if same {
            // what the restatement adds (the headline's «17 شهيدا» is the body's «17 شهيدا …
            // وفق وزارة الصحة»): its source, group and place, where the first said none
            if let Some(o) = out.iter_mut().find(|o| is_same(o)) {
                if o.measure == q.measure {
                    o.reported_by = o.reported_by.take().or_else(|| q.reported_by.clone());
                    if o.unit.is_none() {
                        o.group = o.group.take().or_else(|| q.group.clone());
                    }
                    // the body names the place more precisely than the headline («… في تعز»,
                    // then «… على حي الكمب بمديرية صالة»)
                    let finer = |a: &EntityRef, b: &EntityRef| {
                        matches!(
                            (lex.class_of(a).place_precision(), lex.class_of(b).place_precision()),
                            (Some(x), Some(y)) if x < y
                        )
                    };
                    o.about = match (o.about.take(), &q.about) {
                        (Some(a), Some(b)) if finer(b, &a) => Some(b.clone()),
                        (a, b) => a.or_else(|| b.clone()),
                    };
                }
            }
            restated.push(q);
        } else {
            out.push(q);
        }
        part_before = among;
        k += 1;
    }
    out
}

fn group_of(
    cx: &Cx,
    mentions: &[Mention],
    from: usize,
    to: usize,
    sent: usize,
    num_at: usize,
) -> Option<EntityRef> {
    let lex = cx.lex;
    let org = |m: &Mention| {
        lex.class_of(&m.entity).family() != Family::Place
            && lex.class_of(&m.entity) != Class::Person
    };
    // the organisation named at x, also after the head of its name when the name stands
    // without it («عناصر تنظيم بي كا كا»، «مقاتلي حركة الشباب»)
    let named_at = |x: usize| {
        let head = x < cx.n()
            && lex
                .heads
                .get(cx.tok(x))
                .is_some_and(|h| h.class.family() == Family::Organization);
        mentions
            .iter()
            .find(|m| (m.tokens.0 == x || head && m.tokens.0 == x + 1) && org(m))
            .map(|m| m.entity.clone())
    };
    for i in from..to {
        let w = cx.tok(i);
        // «بالانتماء إلى داعش»، «ينتمون لتنظيم الدولة»
        if lex.is(Fw::Belonging, w) {
            let after = if i + 1 < cx.n() && lex.is_stop(cx.tok(i + 1)) {
                i + 2
            } else {
                i + 1
            };
            if let Some(e) = named_at(after) {
                return Some(e);
            }
        }
        // a noun of membership, also with a possessive («أفرادها»، «مقاتليهم»)
        let with_possessive = |v: &str| {
            affixes().possessives.iter().any(|p| {
                v.strip_suffix(p.as_str())
                    .is_some_and(|stem| lex.members.contains(stem))
            })
        };
        let member = cx
            .text
            .readings(i)
            .iter()
            .find(
                |Reading {
                     skip: k, word: v, ..
                 }| *k <= 1 && (lex.members.contains(v) || with_possessive(v)),
            )
            .cloned();
        if let Some(Reading { word: v, .. }) = member {
            // «عناصرها»: the organisation named last (not «قادة», whose folded ending only
            // looks like a pronoun)
            let possessive = !lex.members.contains(v.as_str())
                || affixes().possessives.iter().any(|p| {
                    v.strip_suffix(p.as_str())
                        .is_some_and(|stem| lex.members.contains(stem))
                });
            if possessive {
                return mentions
                    .iter()
                    .rfind(|m| {
                        m.tokens.1 <= num_at
                            && cx.text.tokens[m.tokens.0].sentence == sent
                            && org(m)
                    })
                    .map(|m| m.entity.clone());
            }
            if let Some(e) = named_at(i + 1) {
                return Some(e);
            }
        }
        if let Some(m) = mentions
            .iter()
            .find(|m| m.tokens.0 == i && org(m) && m.kind != MentionKind::Short)
        {
            let prev = cx.tok(i.saturating_sub(1));
            // («عنصرين للأسايش», not «عنصرين والمرصد …»: «و» joins another clause)
            if i > from && (prev == affixes().min || lex.members.contains(prev))
                || !w.starts_with(affixes().conj.as_str())
                    && cx.text.readings(i).iter().any(
                        |Reading {
                             skip: k, word: v, ..
                         }| *k == 1 && v != w,
                    )
                    && i == from + 1
            {
                return Some(m.entity.clone());
            }
        }
    }
    None
}
