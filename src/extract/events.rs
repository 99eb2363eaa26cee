//! Events: what happened, by whom, to whom, where and when. A trigger word (`events.tsv`) types
//! the event; the names in its sentence fill the roles; the date comes from the sentence
//! (an explicit date, a weekday, «أمس», «منتصف كانون الثاني الجاري») resolved against the
//! article's date. Repeated reports of one event in an article are merged.

use crate::model::{
    Attribution, DateMention, DateValue, EntityRef, Event, Mention, Quantity, Recognized,
};
use crate::text::affixes;
use crate::text::Reading;
use chrono::{Datelike, Duration, NaiveDate};

use crate::lexicon::{Fw, Lexicon, TriggerKind};

use crate::text::{Document, Text};
use crate::vocab::{Class, EventClass, Family, Measure, Relation};

/// Adds what a second report of an event says to the first. A side the first report names as
/// the target never becomes an agent of it (nor the reverse): the defenders of a prison are not
/// its attackers because another sentence names them near the word «الهجوم».
fn absorb(o: &mut Event, ev: Event) {
    // one side attacks, strikes or arrests: the side the first report names keeps the event
    // (a later sentence's «هجوم» near another group adds no attacker, only a side involved);
    // sides of a clash, a meeting or an agreement add up
    let one_sided = !matches!(
        o.class,
        EventClass::Clash | EventClass::Meeting | EventClass::PhoneCall | EventClass::Agreement
    );
    let keep_agents = one_sided && !o.agents.is_empty();
    for e in &ev.agents {
        if o.targets.contains(e) {
            continue;
        }
        // (kept as a side involved: the reports disagree on who acted)
        if keep_agents && !o.agents.contains(e) {
            push(&mut o.participants, e);
        } else {
            push(&mut o.agents, e);
        }
    }
    for e in &ev.targets {
        if !o.agents.contains(e) {
            push(&mut o.targets, e);
        }
    }
    for (from, to) in [
        (&ev.participants, &mut o.participants),
        (&ev.places, &mut o.places),
    ] {
        for e in from {
            push(to, e);
        }
    }
    // reports written on later days tell of an event that began earlier: it keeps the earliest
    // day they give («الهجوم الذي بدأ يوم الخميس»)
    // (a day the event's own words give beats the day a speaker spoke)
    (o.date, o.date_from_report) = match (o.date, ev.date) {
        (Some(a), Some(b)) if o.date_from_report != ev.date_from_report => {
            if o.date_from_report {
                (Some(b), false)
            } else {
                (Some(a), false)
            }
        }
        (Some(DateValue::Day(a)), Some(DateValue::Day(b))) => {
            (Some(DateValue::Day(a.min(b))), o.date_from_report)
        }
        (None, b) => (b, ev.date_from_report),
        (a, _) => (a, o.date_from_report),
    };
    o.reported_by = o.reported_by.clone().or(ev.reported_by);
}

fn push(v: &mut Vec<EntityRef>, e: &EntityRef) {
    if !v.contains(e) {
        v.push(e.clone());
    }
}

struct Cx<'a> {
    lex: &'a Lexicon,
    text: &'a Text,
}

impl Cx<'_> {
    fn tok(&self, i: usize) -> &str {
        self.text.word(i)
    }

    /// The country of a nisba adjective right after an event word («غارات إسرائيلية»).
    fn demonym_country(&self, at: usize) -> Option<EntityRef> {
        // (past an aircraft's model: «طائرات F-16 العراقية»، «طائرات إف-16 العراقية»)
        let model = |x: usize| {
            x < self.text.tokens.len() && !self.text.tokens[x].hard_before && {
                let w = self.tok(x);
                w.chars().any(|c| c.is_ascii_digit()) || w.is_ascii()
            }
        };
        let mut at = at;
        while model(at) {
            at += 1;
        }
        if at >= self.text.tokens.len() || self.text.tokens[at].hard_before {
            return None;
        }
        let id = self.lex.demonyms.get(self.tok(at))?.as_ref()?;
        self.lex.by_id.get(id).map(|&g| EntityRef::Known(g))
    }

    /// A complementizer with a pronoun on it («إنها»، «أنه»): it points back to the one named
    /// before it.
    fn points_back(&self, w: &str) -> bool {
        affixes().possessives.iter().any(|p| {
            w.strip_suffix(p.as_str())
                .is_some_and(|r| self.lex.is(Fw::Complementizer, r))
        })
    }

    /// A verb of killing at token x, as written («قتلت»، «قتلوا»: `measures.tsv`, kind event).
    fn kills_at(&self, x: usize) -> bool {
        self.text.readings(x).iter().any(|r| {
            r.skip == 0
                && self.lex.measures.get(&[r.word.as_str()]).is_some_and(|p| {
                    p.value.measure == Measure::Killed && p.value.kind == TriggerKind::Event
                })
        })
    }

    /// The event trigger starting at token i: (class, end token, written with the article).
    fn trigger_at(&self, i: usize) -> Option<(EventClass, usize, bool)> {
        let mut best: Option<(EventClass, usize, bool)> = None;
        for (k, v, restore) in self.text.readings(i).iter().map(Reading::parts) {
            if k > 2 {
                continue;
            }
            let bare = affixes().bare(v, 3);
            let definite = bare.is_some() || !restore.is_empty();
            let bare = bare.unwrap_or(v).to_string();
            for key in [v, bare.as_str()] {
                for p in self.lex.events.found(key, self.text, i) {
                    let end = i + p.words.len();
                    if best.is_none_or(|b| end > b.1) {
                        best = Some((p.value, end, definite && end == i + 1));
                    }
                }
            }
        }
        best
    }
}

/// Whether a place is where people were taken, not where it happened: «نقلوا إلى مستشفى …».
fn taken_to(cx: &Cx, m: &Mention) -> bool {
    let t = m.tokens.0;
    t > 0 && cx.lex.role_at(cx.text, t - 1, Fw::Destination)
}

/// Whether a mention covers token x.
fn in_a_name(mentions: &[Mention], x: usize) -> bool {
    mentions.iter().any(|m| m.tokens.0 <= x && x < m.tokens.1)
}

/// Whether a mention stands right after a relation phrase of `relations.tsv` that `fits`,
/// starting within `reach` words before it (one head word may stand between).
fn after_relation_phrase(
    cx: &Cx,
    m: &Mention,
    reach: usize,
    fits: impl Fn(&crate::lexicon::RelationPhrase) -> bool,
) -> bool {
    let a = m.tokens.0;
    (a.saturating_sub(reach)..a).any(|x| {
        cx.lex
            .relations
            .at(cx.text, x, 1)
            .iter()
            .any(|p| fits(&p.phrase.value) && (p.end == a || p.end + 1 == a))
    })
}

/// Whether a mention stands in a phrase that describes another name: right after a relation
/// phrase («المرتبطة بتنظيم القاعدة»، «التابعة لـ»، «الموالية لـ»).
fn described(cx: &Cx, m: &Mention) -> bool {
    !cx.text.tokens[m.tokens.0].hard_before && after_relation_phrase(cx, m, 2, |_| true)
}

/// Whether a mention names who backs a side rather than a side: right after a phrase of support
/// («بدعم من قوات التحالف»، «بإسناد جوي من …»).
fn supporting(cx: &Cx, m: &Mention) -> bool {
    after_relation_phrase(cx, m, 4, |r| r.relation == Relation::Supports)
}

/// The most recent `weekday` (ISO number) on or before `day`.
fn last_weekday(day: NaiveDate, weekday: u32) -> NaiveDate {
    let back = (day.weekday().number_from_monday() + 7 - weekday) % 7;
    day - Duration::days(back as i64)
}

/// How far before the attack it takes a verb of claiming may stand («تبنّت جماعة نصرة الإسلام
/// والمسلمين، المرتبطة بتنظيم القاعدة، الهجوم»).
const CLAIM_REACH: usize = 14;
/// How far after fighting «منذ» may stand to say it has gone on since («المواجهات بين حزب الله
/// وإسرائيل منذ 8 أكتوبر»).
const ONGOING_REACH: usize = 7;

/// How many words before a date a «منذ» may stand to make it the start of a span («منذ استئناف
/// الحرب في ١٨ آذار»).
const SINCE_REACH: usize = 4;

/// How many days before the lead's day the day its detail gives may be (as many as reports of one
/// happening span).
const DETAIL_DAYS: i64 = 10;

/// How many days before the article a date must end to be background, not news.
const BACKGROUND_DAYS: i64 = 14;

/// Whether one of two accounts gives no day of its own (it happened when the article tells)
/// and the other is dated well before the article: «تفجير فيض آباد» in a headline and «… في
/// حزيران 2023» further on, or «فرّوا من السجن خلال الهجوم» and «الهجوم الواسع … وفرار عدد
/// غير معروف من المعتقلين» in January 2022, are two happenings, not one.
fn news_and_background(a: &Event, b: &Event, published: Option<NaiveDate>) -> bool {
    let Some(p) = published else { return false };
    let old = |e: &Event| {
        !e.date_from_report
            && e.date
                .and_then(|d| d.last_day())
                .is_some_and(|d| (p - d).num_days() > BACKGROUND_DAYS)
    };
    let undated = |e: &Event| e.date.is_none() || e.date_from_report;
    undated(a) && old(b) || undated(b) && old(a)
}

/// How many days apart two dated accounts of one kind may be and still be one happening that a
/// definite word refers back to («وليست هذه الغارة الأولى … ليل ٢٥ تشرين الأول» recalls another).
const REFERS_BACK_DAYS: i64 = 7;

/// How far after a verb of fleeing the place fled may stand («فرّت 600 أسرة من بانكيلاري»).
const FLED_REACH: usize = 5;
/// How many words after a strike's word the words of what it hit may stand («نفذت ضربة على
/// وادٍ قريب لجأ إليه المهاجمون»).
const STRUCK_REACH: usize = 8;
/// How far from its trigger a date or place still belongs to an event.
const NEAR: usize = 10;
/// How far after its trigger a place in the same clause (no comma between) still belongs to it.
const CLAUSE_REACH: usize = 18;
/// How far after its trigger an agent may be named («هجمات جهاديي هيئة تحرير الشام»).
const AGENT_REACH: usize = 2;
/// How far from its trigger a day named in its clause is the event's day («الاشتباكات بين مقاتلين
/// … استمرت لليوم الرابع الأحد»).
const DATE_REACH: usize = 15;
/// How far after a speech verb the day of its clause is the day it was said.
const SAID_REACH: usize = 10;
/// How far before its trigger an attacker may be named without a link word («قوات الدعم السريع
/// شنت هجوما»، «شن جهاديو الهيئة هجمات»); one named further back is the subject of another verb
/// («خاضت قسد معارك ضد الهجمات …، وسط قصف وهجمات»).
const SUBJECT_REACH: usize = 5;
/// A date among a sentence's first words frames the whole sentence.
const OPENING: usize = 8;

/// The date a sentence gives near the trigger at token `at`, resolved against the article's date,
/// and whether it is only the day the sentence's speaker spoke.
fn sentence_date(
    cx: &Cx,
    sent: usize,
    at: usize,
    mentions: &[Mention],
    dates: &[DateMention],
    published: Option<NaiveDate>,
) -> (Option<DateValue>, bool) {
    let s = &cx.text.sentences[sent];
    // near the trigger, or opening the sentence («في منتصف كانون الثاني الجاري، …» frames it all)
    // in the trigger's clause: no «إن/أن» between them
    // complementizers before each token of the sentence, counted once
    let mut comps = Vec::with_capacity(s.end_token - s.first_token + 1);
    let mut c = 0usize;
    for y in s.first_token..s.end_token {
        comps.push(c);
        // (not «أن» after a word of time: «… ظهر السبت، قبل أن يطال قصف مدفعي …» is one
        // account)
        let temporal = y > s.first_token && cx.lex.is(Fw::Temporal, cx.tok(y - 1));
        c += usize::from(cx.lex.is(Fw::Complementizer, cx.tok(y)) && !temporal);
    }
    comps.push(c);
    let comps_before = |y: usize| comps[y.clamp(s.first_token, s.end_token) - s.first_token];
    // «هجمات لبقايا التنظيم، الذي أعلنت الحكومة هزيمته في كانون الأول 2017»: a relative clause
    // after a name tells of that name
    let of_a_name =
        |r: usize| cx.lex.is(Fw::Relative, cx.tok(r)) && mentions.iter().any(|m| m.tokens.1 == r);
    let same_clause = |x: usize| {
        comps_before(x.min(at)) == comps_before(x.max(at))
            && !(x > at && (at + 1..x).any(of_a_name))
    };
    let counts = |x: usize| {
        x >= s.first_token
            && x < s.end_token
            && ((x.abs_diff(at) <= DATE_REACH && same_clause(x)) || x < s.first_token + OPENING)
    };
    // the article's own date (a dateline) is not the date of what it reports
    let own = |d: &&DateMention| published.is_some_and(|p| d.value == DateValue::Day(p));
    if let Some(d) = dates.iter().find(|d| {
        // «منذ 8 أكتوبر 2023»، «منذ استئناف الحرب في ١٨ آذار»: when a span began
        // (back from the date to a comma at most)
        let since = (d.first.saturating_sub(SINCE_REACH).max(s.first_token)..d.first)
            .rev()
            .take_while(|&x| x + 1 == d.first || !cx.text.tokens[x + 1].hard_before)
            .any(|x| cx.lex.is(Fw::Since, cx.tok(x)));
        counts(d.first)
            && (!d.inferred || matches!(d.value, DateValue::Day(_)))
            && !own(d)
            && !since
    }) {
        return (Some(d.value), false);
    }
    // «ويشهد الإقليم منذ أواخر كانون الثاني تصعيداً، بعدما شنّت … هجمات»: what began a span
    // named by its month or year, not a day, happened in that month
    if let Some(d) = dates.iter().find(|d| {
        let since = (d.first.saturating_sub(2).max(s.first_token)..d.first)
            .any(|x| cx.lex.is(Fw::Since, cx.tok(x)));
        since && d.first < at && counts(d.first) && !matches!(d.value, DateValue::Day(_))
    }) {
        return (Some(d.value), false);
    }
    let Some(pubd) = published else {
        return (None, false);
    };
    // a weekday inside a date (the dateline's «الأربعاء 12 حزيران») is that date's, not an event's
    let in_date = |x: usize| dates.iter().any(|d| d.first <= x && x < d.last);
    let speaks = |y: usize| cx.lex.speech_verb_at(cx.text, y);
    // «قال التحالف في بيان يوم الأحد»: the day of a statement is when it was said, not when what
    // it reports happened
    let said = |x: usize| x < at && (x.saturating_sub(5).max(s.first_token)..x).any(speaks);
    // a weekday in a sentence that quotes someone is resolved against the day of the last
    // dated statement the article gave before it, within a week before publication («قال
    // المتحدث في تغريدة يوم الأربعاء 26 يناير …»، then «منذ هاجم المسلحون السجن يوم الخميس»)
    let quotes = (s.first_token..s.end_token).any(speaks);
    let stated = dates
        .iter()
        .rev()
        .filter(|d| d.first < s.first_token && !d.inferred)
        .find_map(|d| match d.value {
            DateValue::Day(x) if x < pubd && (pubd - x).num_days() <= 7 => {
                let ds = cx.text.sentences[cx.text.tokens[d.first].sentence].first_token;
                (d.first.saturating_sub(SAID_REACH).max(ds)..d.first)
                    .any(speaks)
                    .then_some(x)
            }
            _ => None,
        });
    let reference = match stated {
        Some(x) if quotes => x,
        _ => pubd,
    };
    // the date word first, then whether it counts (the two checks scan around it)
    let mut report = None;
    for i in (s.first_token..s.end_token).filter(|&x| counts(x)) {
        let w = cx.tok(i);
        let value = if let Some(wd) = cx.text.readings(i).iter().find_map(
            |Reading {
                 skip: k, word: v, ..
             }| (*k <= 1).then(|| cx.lex.weekdays.get(v).copied()).flatten(),
        ) {
            DateValue::Day(last_weekday(reference, wd))
        } else if cx.lex.is(Fw::Yesterday, w) {
            DateValue::Day(pubd - Duration::days(1))
        } else if cx.lex.is(Fw::ThisMonth, w) {
            DateValue::Month(pubd.year(), pubd.month())
        } else {
            continue;
        };
        if in_date(i) {
            continue;
        }
        // (the day it was said: what it tells happened by then, kept as the report's day where
        // the sentence gives no other)
        if said(i) {
            report = report.or(Some(value));
            continue;
        }
        // «أفاد مصدر أمني في محافظة كركوك، صباح اليوم الثلاثاء، بمقتل …»: the day of the
        // speaker's clause is the report's, kept as such when the sentence gives no other
        let speaker_clause = i < at
            && (i.saturating_sub(SAID_REACH).max(s.first_token)..i)
                .any(|y| comps_before(y) == comps_before(i) && speaks(y));
        if !speaker_clause {
            return (Some(value), false);
        }
        report = report.or(Some(value));
    }
    (report, report.is_some())
}

fn is_actor(lex: &Lexicon, e: &EntityRef) -> bool {
    let c = lex.class_of(e);
    matches!(c.family(), Family::Organization | Family::Person) && c != Class::MediaOutlet
}

fn is_armed(lex: &Lexicon, e: &EntityRef) -> bool {
    matches!(lex.class_of(e), Class::ArmedGroup | Class::Government)
}

/// Whether a mention names a country's capital standing for its government, not a place:
/// a capital the gazetteer knows by a capital's epithet («العاصمة الباكستانية»), named with
/// no word of place before it and no proclitic «بـ» («وإسلام آباد تتحدث»، «داعياً إسلام آباد»،
/// «بين كابل وإسلام آباد»), where «في إسلام آباد»، «بإسلام آباد»، «على إسلام آباد» are places.
fn capital_as_government(cx: &Cx, capitals: &[EntityRef], m: &Mention) -> bool {
    if !capitals.contains(&m.entity) {
        return false;
    }
    let a = m.tokens.0;
    let clitic = cx.text.chars_before(a, m.start) > 0;
    let word_of_place = a > 0
        && !cx.text.tokens[a].hard_before
        && cx.text.readings(a - 1).iter().any(|r| {
            r.skip <= 1
                && [
                    Fw::PlaceContext,
                    Fw::LocatedLink,
                    Fw::Destination,
                    Fw::TargetLink,
                ]
                .iter()
                .any(|&f| cx.lex.is(f, &r.word))
                || cx
                    .lex
                    .heads
                    .get(r.word.as_str())
                    .is_some_and(|h| h.class.family() == Family::Place)
        });
    let with_prefix = clitic && {
        let t = cx.tok(a);
        t.starts_with(affixes().bi.as_str()) || t.starts_with(affixes().conj_bi.as_str())
    };
    !(word_of_place || with_prefix)
}

/// The towns an article names that are capitals: known by a capital's epithet in the gazetteer
/// («العاصمة الباكستانية»).
fn capitals_named(lex: &Lexicon, mentions: &[Mention]) -> Vec<EntityRef> {
    let epithets: Vec<usize> = lex.function_words[Fw::CapitalWord as usize]
        .iter()
        .flat_map(|w| lex.names.starting_with(w).iter().map(|p| p.value.entity))
        .collect();
    let mut out: Vec<EntityRef> = Vec::new();
    for m in mentions {
        if let EntityRef::Known(g) = m.entity {
            if lex.gazetteer[g].class == Class::City
                && epithets.contains(&g)
                && !out.contains(&m.entity)
            {
                out.push(m.entity.clone());
            }
        }
    }
    out
}

/// Who carries out an attack: an armed group or force, not a ministry that condemns it.
fn is_fighter(lex: &Lexicon, e: &EntityRef) -> bool {
    lex.class_of(e) == Class::ArmedGroup
}

/// How many words before an attack's word its subject, a common noun of gunmen, may stand
/// («مسلحين شنوا هجوماً»).
const MILITANT_REACH: usize = 2;

/// Roles settled once the article is read: a side named as an event's target is not its agent;
/// of a group and its branch both named as agents, the branch acted («ولاية خراسان» of «تنظيم
/// الدولة»); a country named by an adjective («غارات إسرائيلية») is its army where the article
/// names that army.
fn settle_roles(lex: &Lexicon, rec: &Recognized, events: &mut [Event]) {
    use EventClass::*;
    let army_of = |country: &EntityRef| -> Option<EntityRef> {
        let EntityRef::Known(c) = country else {
            return None;
        };
        let id = &lex.gazetteer[*c].id;
        rec.mentions
            .iter()
            .map(|m| &m.entity)
            .find(|e| match e {
                EntityRef::Known(g) => {
                    let g = &lex.gazetteer[*g];
                    g.class == Class::ArmedGroup
                        && g.within.contains(id)
                        && g.name_ar
                            .split(' ')
                            .next()
                            .is_some_and(|w| lex.is(Fw::ArmyWord, &crate::text::fold_str(w)))
                }
                _ => false,
            })
            .cloned()
    };
    for ev in events.iter_mut() {
        if matches!(ev.class, Clash | Meeting | PhoneCall | Agreement) {
            continue;
        }
        let targets = ev.targets.clone();
        ev.agents.retain(|a| !targets.contains(a));
        let agents = ev.agents.clone();
        ev.agents.retain(|parent| {
            // (not for a media arm: «وكالة أعماق التابعة له» tells the group's claim, the group
            // still claims)
            !rec.relations.iter().any(|(child, r, p)| {
                p == parent
                    && child != parent
                    && agents.contains(child)
                    && lex.class_of(child) != Class::MediaOutlet
                    && matches!(r, Relation::PartOf | Relation::AffiliatedWith)
            })
        });
        for a in ev.agents.iter_mut() {
            if lex.class_of(a) == Class::Country {
                if let Some(army) = army_of(a) {
                    *a = army;
                }
            }
        }
        let mut seen = Vec::new();
        ev.agents.retain(|a| {
            let new = !seen.contains(a);
            seen.push(a.clone());
            new
        });
    }
    // «فرّوا من السجن خلال الهجوم»: an escape nobody is named for, from a prison an attack
    // hit, is the attackers' doing
    for k in 0..events.len() {
        if events[k].class != PrisonBreak || !events[k].agents.is_empty() {
            continue;
        }
        let prisons: Vec<EntityRef> = events[k]
            .places
            .iter()
            .filter(|p| lex.class_of(p) == Class::Prison)
            .cloned()
            .collect();
        let attackers = events.iter().find_map(|o| {
            (o.class == Attack
                && !o.agents.is_empty()
                && o.places
                    .iter()
                    .chain(&o.targets)
                    .any(|p| prisons.contains(p)))
            .then(|| o.agents.clone())
        });
        if let Some(a) = attackers {
            events[k].agents = a;
        }
    }
    // «وتبنّى تنظيم الدولة … الهجوم»: the attack the article leads with, told without who
    // carried it out, is the claimant's
    let claimant = events
        .iter()
        .filter(|e| e.class == ClaimOfResponsibility)
        .flat_map(|e| e.agents.iter())
        .find(|a| lex.class_of(a) == Class::ArmedGroup)
        .cloned();
    if let Some(claimant) = claimant {
        if let Some(first) = events.iter_mut().find(|e| e.class == Attack) {
            if first.agents.is_empty() && !first.targets.contains(&claimant) {
                first.agents.push(claimant);
            }
        }
    }
}

/// What the other extractors found in an article, which the events read.
pub struct Found<'a> {
    /// The dates of the text.
    pub dates: &'a [DateMention],
    /// The article's day.
    pub published: Option<NaiveDate>,
    /// Who says what.
    pub attribution: &'a Attribution,
    /// The figures (whose dead a sentence counts).
    pub quantities: &'a [Quantity],
}

/// Finds the events of an article.
pub fn find_events(
    lex: &Lexicon,
    doc: &Document,
    text: &Text,
    rec: &Recognized,
    found: &Found,
) -> Vec<Event> {
    let Found {
        dates,
        published,
        attribution,
        quantities,
    } = *found;
    let (mentions, relations) = (&rec.mentions, &rec.relations);
    let cx = Cx { lex, text };
    let capitals = capitals_named(lex, mentions);
    let mut out: Vec<Event> = Vec::new();
    // the sentences whose fighting says between whom, named or not («بين مجموعتين مسلحتين»)
    let mut described_sides: Vec<usize> = Vec::new();
    // the sentences of strikes on attackers the clause does not name
    let mut struck_unnamed: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < text.tokens.len() {
        let Some((class, end, definite)) = cx.trigger_at(i) else {
            i += 1;
            continue;
        };
        // «موقع التبني نيوز»: a word inside a name is part of the name (where a force named
        // by its arm, «الطيران الحربي الروسي شنّ …», still strikes)
        if mentions
            .iter()
            .any(|m| m.tokens.0 <= i && i < m.tokens.1 && !is_armed(lex, &m.entity))
        {
            i = end;
            continue;
        }
        let sent = text.tokens[i].sentence;
        // «فرّت 600 أسرة من بانكيلاري»، «فرّ 20 سجيناً من السجن»: fleeing is an escape where the
        // sentence names a prison or counts escapees, else a displacement
        let flee = class == EventClass::Displacement
            && text
                .readings(i)
                .iter()
                .any(|r| r.skip <= 1 && lex.is(Fw::Flee, &r.word));
        let class = if flee
            && (rec.mentions.iter().any(|m| {
                text.tokens[m.tokens.0].sentence == sent && lex.class_of(&m.entity) == Class::Prison
            }) || quantities
                .iter()
                .any(|q| q.sentence == sent && q.measure == Measure::Escaped))
        {
            EventClass::PrisonBreak
        } else {
            class
        };
        // (a displacement by a verb of fleeing names the place fled: «فرّت من بانكيلاري», not
        // «فرّ مئات المدنيين من المنطقة»)
        let fled_from = |x: usize| {
            rec.mentions.iter().any(|m| {
                // (after a head noun too: «من بلدة تيرا»)
                (m.tokens.0 == x + 1 || m.tokens.0 == x + 2)
                    && matches!(
                        lex.class_of(&m.entity),
                        Class::City | Class::Neighborhood | Class::Region | Class::Camp
                    )
            }) && cx.tok(x) == affixes().min
        };
        if class == EventClass::Displacement
            && flee
            && end == i + 1
            && !(end..(end + FLED_REACH).min(text.sentences[sent].end_token)).any(fled_from)
        {
            i = end;
            continue;
        }
        // «واستهدفت غارة … سوق نيفاشا»: the verb and the word that names the strike are one
        // event, told by the second
        if class == EventClass::Attack
            && end < text.tokens.len()
            && !text.tokens[end].hard_before
            && cx.trigger_at(end).is_some()
        {
            i = end;
            continue;
        }
        // «أن الغارة استهدفت قيادياً»، «إن الضربات استهدفت مخابئ»: a verb of attacking right
        // after the definite word of an event, the subject of a clause opened by «أن/إن» or of
        // the sentence, is that event told on, not another (where «مع تلك الهجمات شنّت تركيا
        // هجمات» opens another clause)
        let opens_clause = |x: usize| {
            x == text.sentences[sent].first_token
                || x > 0 && !text.tokens[x].hard_before && lex.is(Fw::Complementizer, cx.tok(x - 1))
        };
        // (past one adjective of it: «أن الغارة الأولى استهدفت سيارة»)
        let adjective = |y: usize| {
            !text.tokens[y].hard_before && cx.tok(y).starts_with(affixes().article.as_str())
        };
        if class == EventClass::Attack
            && !text.tokens[i].hard_before
            && (i.saturating_sub(3)..i).any(|x| {
                opens_clause(x)
                    && cx.trigger_at(x).is_some_and(|(_, e, definite)| {
                        definite && e <= i && i - e <= 1 && (e..i).all(adjective)
                    })
            })
        {
            i = end;
            continue;
        }
        // «تبنّت جماعة … المرتبطة بتنظيم القاعدة، الهجوم»: the attack a claim takes is the one
        // told; its clause names no attacker (the claimant is settled below)
        let claimed = class == EventClass::Attack
            && definite
            && (i.saturating_sub(CLAIM_REACH)..i).any(|x| {
                text.tokens[x].sentence == sent
                    && cx
                        .trigger_at(x)
                        .is_some_and(|(c, _, _)| c == EventClass::ClaimOfResponsibility)
            });
        // «لمنع تكرار هجمات»، «محاولة لتهريب»: not an event that happened
        let role_of = |x: usize, role: Fw| {
            cx.text.readings(x).iter().any(
                |Reading {
                     skip: k, word: v, ..
                 }| *k <= 1 && lex.is(role, v),
            )
        };
        // «زعم التنظيم أن عناصره قتلوا …» claims an attack; «قالت قسد أن عناصرها نفذوا مداهمات»
        // tells of its own operations: a claim opened by «أن» needs a verb of claiming before it
        // (or a verb of killing, attacking or taking right after: «أن مقاتليه قتلوا 35»، «أن
        // مقاتليها سيطروا على»; not «أن مقاتليها خاضوا اشتباكات»، «يتصدّون للهجوم»)
        let did = |x: usize| {
            x < text.sentences[sent].end_token
                && (cx.kills_at(x)
                    || cx
                        .trigger_at(x)
                        .is_some_and(|(c, _, d)| c == EventClass::Attack && !d)
                    || role_of(x, Fw::Control))
        };
        if class == EventClass::ClaimOfResponsibility
            && lex.is(Fw::Complementizer, cx.tok(i))
            && !(text.sentences[sent].first_token..i).any(|x| role_of(x, Fw::Boast))
            && !did(end)
        {
            i = end;
            continue;
        }
        // (not a verb of carrying out right after the event's noun: «أحبطت هجوماً شنّه
        // إرهابيون على نقطة» tells an attack made, and repelled)
        let carried_out = i > 0 && !text.tokens[i].hard_before && cx.trigger_at(i - 1).is_some();
        let unreal = !carried_out
            && (i.saturating_sub(2)..i)
                .any(|x| text.tokens[x].sentence == sent && role_of(x, Fw::Unreal));
        // «منذ انسحاب القوات الفرنسية»: a withdrawal a span is counted from is background, not
        // news (where «منذ هاجم مقاتلو التنظيم السجن يوم الخميس» dates the attack told)
        let since = class == EventClass::Withdrawal
            && i > 0
            && text.tokens[i - 1].sentence == sent
            && role_of(i - 1, Fw::Since);
        if unreal || since {
            i = end;
            continue;
        }
        let facing = i > 0 && role_of(i - 1, Fw::Facing);
        let in_sentence: Vec<&Mention> = mentions
            .iter()
            .filter(|m| text.tokens[m.tokens.0].sentence == sent)
            .collect();
        let before: Vec<&Mention> = in_sentence
            .iter()
            .copied()
            .filter(|m| m.tokens.1 <= i)
            .collect();
        let after: Vec<&Mention> = in_sentence
            .iter()
            .copied()
            .filter(|m| m.tokens.0 >= end)
            .collect();
        // «هجوم … على X»: the target follows على/ضد
        let target_at = (end..text.sentences[sent].end_token.min(end + 6))
            .find(|&x| lex.is(Fw::TargetLink, cx.tok(x)));
        let after_target: Vec<&Mention> = target_at
            .map(|t| {
                after
                    .iter()
                    .copied()
                    .filter(|m| m.tokens.0 > t && m.tokens.0 <= t + 3)
                    .collect()
            })
            .unwrap_or_default();
        // (further after the word in its own clause: «هجوم … على قاعدة عسكرية عند المدخل
        // الشمالي لمدينة عيلبور»)
        let same_clause = |m: &Mention| {
            m.tokens.0 >= end
                && m.tokens.0 <= end + CLAUSE_REACH
                && (end..=m.tokens.0).all(|t| t == end || !text.tokens[t].hard_before)
        };
        // «وفي محافظة الحسكة، أكدت الوزارة … القبض على 12»: a place that frames the sentence
        // (after its opening «في», before a comma) is where what it tells happened
        let first = text.sentences[sent].first_token;
        let frame = |m: &Mention| {
            m.tokens.0 == first + 1
                && affixes().is_fi(cx.tok(first))
                && (m.tokens.1..(m.tokens.1 + 3).min(text.sentences[sent].end_token))
                    .any(|x| text.tokens[x].hard_before)
        };
        let place_mentions: Vec<&Mention> = in_sentence
            .iter()
            .copied()
            .filter(|m| {
                (m.tokens.0.abs_diff(i) <= NEAR || same_clause(m) || frame(m))
                    && !crate::extract::recognize::is_dateline(doc, m)
                    && !capital_as_government(&cx, &capitals, m)
            })
            .filter(|m| {
                match lex.class_of(&m.entity) {
                    Class::City | Class::Neighborhood | Class::Governorate | Class::Region => true,
                    // a camp, school or hospital where it happened, not one the wounded were
                    // taken to («نقلوا إلى مستشفى …»)
                    Class::Camp | Class::Facility => !taken_to(&cx, m),
                    _ => false,
                }
            })
            .collect();
        let places: Vec<EntityRef> = place_mentions.iter().map(|m| m.entity.clone()).collect();
        // «وإن ٧ عائلات … غادرت منازلها إلى أقارب لها في مدينة صور»: people who fled only to
        // places the sentence names fled from where the violence told before happened
        let fled_from_unnamed = class == EventClass::Displacement
            && !place_mentions.is_empty()
            && place_mentions.iter().all(|m| {
                taken_to(&cx, m) || (end..m.tokens.0).any(|x| lex.role_at(text, x, Fw::Destination))
            });
        let prisons: Vec<EntityRef> = in_sentence
            .iter()
            .filter(|m| matches!(lex.class_of(&m.entity), Class::Prison | Class::Camp))
            .map(|m| m.entity.clone())
            .collect();
        // (a side, not its backer or a group named to describe it: «قوات سوريا الديمقراطية
        // بدعم من التحالف»، «حركة الشباب المرتبطة بتنظيم القاعدة»)
        let side = |m: &&&Mention| !supporting(&cx, m) && !described(&cx, m);
        // the last name before the word that `fits`, a side first
        let last_before = |fits: &dyn Fn(&&&Mention) -> bool| {
            before
                .iter()
                .rev()
                .filter(|m| fits(m))
                .find(side)
                .or_else(|| before.iter().rev().find(|m| fits(m)))
                .map(|m| m.entity.clone())
        };
        let nearest_before_actor = last_before(&|m| is_armed(lex, &m.entity));
        // who tells of it after the event word («… وفق ما أفادت الشرطة») did not do it
        let tellers: Vec<(usize, usize)> = attribution
            .speeches
            .iter()
            .filter(|sp| text.tokens[sp.verb].sentence == sent && sp.verb >= end)
            .map(|sp| sp.phrase)
            .collect();
        // nor did the side whose dead or wounded the sentence counts («قُتل عنصران من الأسايش»)
        let victims: Vec<&EntityRef> = quantities
            .iter()
            .filter(|q| {
                q.sentence == sent
                    && matches!(
                        q.measure,
                        Measure::Killed | Measure::Injured | Measure::Hostages | Measure::Captured
                    )
            })
            .filter_map(|q| q.group.as_ref())
            .collect();
        // «تعرضت قافلة للجيش … لكمين»: the sides named before suffered it
        let undergone = (i.saturating_sub(NEAR)..i).any(|x| {
            text.tokens[x].sentence == sent
                && role_of(x, Fw::Undergo)
                && (x + 1..=i).all(|y| !text.tokens[y].hard_before)
        });
        let speaker = attribution
            .speaker_at(text, i)
            .map(|s| mentions[s].entity.clone());
        // who speaks in the sentence, before the word or after it
        let is_teller = |m: &Mention| {
            speaker.as_ref() == Some(&m.entity)
                || attribution.speeches.iter().any(|sp| {
                    text.tokens[sp.verb].sentence == sent
                        && sp.phrase.0 <= m.tokens.0
                        && m.tokens.1 <= sp.phrase.1
                })
        };
        // «ووصفت حركة حماس استهداف مراكز الإيواء بأنه جريمة»، «أدانت الحكومة الهجوم»: who
        // judges the event, before it, did not carry it out
        let judging = |m: &Mention| {
            m.tokens.1 <= i
                && (m.tokens.0.saturating_sub(2)..m.tokens.0)
                    .chain(m.tokens.1..i)
                    .any(|x| text.tokens[x].sentence == sent && role_of(x, Fw::Judge))
        };
        let may_act = |m: &Mention| {
            !(tellers
                .iter()
                .any(|t| t.0 <= m.tokens.0 && m.tokens.1 <= t.1)
                || victims.contains(&&m.entity)
                || undergone && m.tokens.1 <= i
                || judging(m))
        };
        // «وقالت قوى الأمن الداخلي إن مجموعة إرهابية هاجمت الحاجز»: a bare «إن» opens the
        // clause of the word, with a subject of its own; a name before it did not act (where
        // «إنها»، «إن قواتها» point back to it)
        let clause_opened = |m: &Mention| {
            (m.tokens.1..i).any(|x| {
                let w = cx.tok(x);
                lex.is(Fw::Complementizer, w) && !cx.points_back(w)
            })
        };
        // «ضد مواقع وتجمعات للجيش الإسرائيلي على الحدود، بينها قصف»: a name written with «لـ»
        // is whose something is, never the subject of a verb
        let with_li = |m: &Mention| {
            let t = m.tokens.0;
            let li = affixes().li.as_str();
            cx.tok(t).starts_with(li) && text.chars_before(t, m.start) >= li.chars().count()
        };
        let acting = |m: &&&Mention| {
            is_armed(lex, &m.entity)
                && may_act(m)
                && m.tokens.1 + SUBJECT_REACH >= i
                && !clause_opened(m)
                && !with_li(m)
        };
        let acting_before = last_before(&acting);
        // «هجمات جهاديي هيئة تحرير الشام»، «هاجم مقاتلو الدولة»، «من قبل عناصر التنظيم»
        let by = (end..text.sentences[sent].end_token.min(end + 6))
            .find(|&x| lex.is(Fw::AgentLink, cx.tok(x)));
        // «اقتحام السجن، الجيش الأمريكي …»: a place right after the word is its object, and
        // what follows it is another clause
        let object_first = after.first().is_some_and(|m| {
            m.tokens.0 == end && lex.class_of(&m.entity).family() == Family::Place
        });
        // «استهدفت عرباتٍ لـ«قسد»»: a name with «لـ» after the word that follows the trigger owns
        // that word (the object), where «هجوم لـ«الشباب»» right after it says whose
        // (or a name after a word with «لـ» that it owns: «كمين لدورية الأمن العام», not
        // «هجوم لعناصر داعش», whose members are the attackers)
        let owns_the_object = |m: &Mention| {
            let a = m.tokens.0;
            let li_object = a > end
                && !text.tokens[a].hard_before
                && cx.tok(a - 1).starts_with(affixes().li.as_str())
                && text.readings(a - 1).iter().any(|r| {
                    r.skip == 1 && r.restored.is_empty() && !lex.members.contains(&r.word)
                })
                && !mentions
                    .iter()
                    .any(|x| x.tokens.0 < a && a - 1 < x.tokens.1);
            // «استهداف قيادي في حزب الله»، «استهدف مسلحين من حركة حماس»: a name after «في»,
            // or after «من» that follows a noun of the accusative plural, says whose the object
            // is (where «هاجم مسلحون من التنظيم» names the attackers)
            let partitive = a > end + 1 && !text.tokens[a].hard_before && {
                let (p, noun) = (cx.tok(a - 1), cx.tok(a - 2));
                p == affixes().fi
                    || p == affixes().min && noun.ends_with(affixes().plural_oblique.as_str())
            };
            // «تفجير أمام مقر قيادة أمن بدخشان»، «استهدفت دورية الأمن العام»: the side whose
            // post, patrol or convoy it names in construct was hit
            let site_of =
                a > end && !text.tokens[a].hard_before && lex.role_at(text, a - 1, Fw::Struck);
            // «هاجمت نقطة تابعة لقيادة عمليات نينوى»: the side a post or patrol belongs to
            // (where «هاجمت خلية تابعة للتنظيم» names the attackers)
            let belongs = a > end + 1
                && !text.tokens[a].hard_before
                && with_li(m)
                && lex.role_at(text, a - 2, Fw::Struck)
                && lex
                    .relations
                    .get(&[cx.tok(a - 1)])
                    .is_some_and(|p| p.value.relation == Relation::PartOf);
            (a > end + 1 && cx.tok(a - 1) == affixes().li)
                || belongs
                || site_of
                || (a > end && cx.tok(a).starts_with(affixes().li_article.as_str()))
                || li_object
                || partitive
        };
        let first_after_actor = after
            .iter()
            .filter(|_| !object_first)
            .find(|m| {
                is_armed(lex, &m.entity)
                    && (m.tokens.0 <= end + AGENT_REACH && !owns_the_object(m)
                        || by.is_some_and(|b| m.tokens.0 > b && m.tokens.0 <= b + 3))
            })
            .map(|m| m.entity.clone());
        let armed: Vec<EntityRef> = in_sentence
            .iter()
            .filter(|m| is_armed(lex, &m.entity))
            .map(|m| m.entity.clone())
            .collect();
        // the speaker's side: an armed group speaking, or the one a spokesperson speaks for
        let speaker_side = speaker.as_ref().and_then(|s| {
            if is_armed(lex, s) {
                return Some(s.clone());
            }
            // (a person's side: a body's own parent does not speak through it)
            relations
                .iter()
                .find(|(p, r, o)| p == s && *r != Relation::PartOf && is_armed(lex, o))
                .map(|(_, _, o)| o.clone())
        });
        // «أعلنت أفريكوم أنها نفذت غارة جوية»: the speaker struck, when what it said
        // opens with «أنها/أنه» pointing back to it
        let of_itself = attribution
            .speeches
            .iter()
            .rfind(|sp| text.tokens[sp.verb].sentence == sent && sp.verb < i)
            .filter(|sp| {
                sp.statement.is_some_and(|c| {
                    let w = cx.tok(c);
                    // (its own clause: «قال إنه كان يخطط …، من دون أن يشير إلى غارة»
                    // is not)
                    c < i
                        && i - c <= CLAUSE_REACH
                        && !(c + 1..i).any(|x| lex.is(Fw::Complementizer, cx.tok(x)))
                        && cx.points_back(w)
                })
            })
            .map(|sp| mentions[sp.speaker].entity.clone())
            .filter(|s| is_armed(lex, s));
        let (date, date_from_report) = sentence_date(&cx, sent, i, mentions, dates, published);
        // background, not news: fighting the sentence dates only by a year before the article's
        // («شهدت آخر مواجهات واسعة صيف عام 2020»، «معارك تحرير المدينة عام 2017»), or that has
        // gone on since a day («وتتواصل المواجهات منذ 8 أكتوبر 2023»)
        let long_ago = published.is_some_and(|p| match date {
            Some(DateValue::Year(y)) => y < p.year(),
            _ => false,
        });
        let ongoing = (end..(end + ONGOING_REACH).min(text.sentences[sent].end_token))
            .take_while(|&x| x == end || !text.tokens[x].hard_before)
            .any(|x| lex.is(Fw::Since, cx.tok(x)));
        if class.is_violent() && !date_from_report && (long_ago || ongoing) {
            i = end;
            continue;
        }
        let mut ev = Event {
            class,
            start: 0,
            end: 0,
            sentence: sent,
            agents: Vec::new(),
            targets: Vec::new(),
            participants: Vec::new(),
            places: Vec::new(),
            date,
            date_from_report,
            reported_by: speaker.clone(),
        };
        (ev.start, ev.end) = text.orig_span(doc, i, 0, end);
        use EventClass::*;
        let between_at = |from: usize| {
            (from..text.sentences[sent].end_token.min(from + 3)).find(|&x| role_of(x, Fw::Between))
        };
        // «بين X وY» after the word names the sides
        let mut sides_named = false;
        match class {
            Attack => {
                for m in &after_target {
                    push(&mut ev.targets, &m.entity);
                }
                if ev.targets.is_empty() {
                    for p in &prisons {
                        push(&mut ev.targets, p);
                    }
                }
                // «الصمود أمام هجمات»: the side before is attacked
                if facing {
                    if let Some(t) = nearest_before_actor.clone() {
                        push(&mut ev.targets, &t);
                    }
                }
                if undergone {
                    for m in before.iter().filter(|m| is_armed(lex, &m.entity)) {
                        push(&mut ev.targets, &m.entity);
                    }
                }
                // «شنت تركيا هجمات على مناطقنا»: «our» areas are the speaker's side's
                let ours = target_at.is_some_and(|t| {
                    t + 1 < text.sentences[sent].end_token && {
                        let w = cx.tok(t + 1);
                        w.chars().count() > 4 && w.ends_with(affixes().our.as_str())
                    }
                });
                if ours {
                    if let Some(side) = &speaker_side {
                        push(&mut ev.targets, side);
                    }
                }
                // «استهدفت عربات لـ«قسد»»: whose the object is, was attacked
                for m in after.iter().filter(|m| {
                    m.tokens.0 <= end + AGENT_REACH + 1
                        && owns_the_object(m)
                        && is_armed(lex, &m.entity)
                }) {
                    push(&mut ev.targets, &m.entity);
                }
                // the side whose dead or wounded it counts was its target — unless the clause
                // names it as the doer right after the word («صدّت هجوماً شنّته قوات الدعم
                // السريع … وقتلت 12 من عناصرها»: the attackers' dead)
                for v in victims.iter().filter(|v| is_armed(lex, v)) {
                    if first_after_actor.as_ref() != Some(*v) || ev.targets.contains(v) {
                        push(&mut ev.targets, v);
                    }
                }
                // «عناصر داعش الذين هاجموا السجن»: the name before the relative pronoun did it,
                // though the sentence counts its dead
                let antecedent = (i > 0 && role_of(i - 1, Fw::Relative))
                    .then(|| before.iter().rfind(|m| m.tokens.1 + 1 == i))
                    .flatten()
                    .filter(|m| is_fighter(lex, &m.entity))
                    .map(|m| m.entity.clone());
                if let Some(a) = &antecedent {
                    ev.targets.retain(|t| t != a);
                }
                let not_target = |a: &EntityRef| !ev.targets.contains(a) && is_fighter(lex, a);
                // «قالت القوات الكردية إن مسلحين شنوا هجوماً»: gunmen nobody named did it, not
                // a side the sentence names elsewhere (the article's attacker, if one, is theirs)
                // (or right after the verb, past a word of how many: «حين هاجم مسلحون حاجزاً
                // تابعاً لقيادة الأمن»، «هجوم شنّه عشرات المسلحين على نقطة»)
                let unnamed = (i.saturating_sub(MILITANT_REACH)..i)
                    .chain((end..end + 2).take_while(|&x| {
                        x < text.tokens.len()
                            && text.tokens[x].sentence == sent
                            && (x == end || !text.tokens[x].hard_before)
                            && !in_a_name(mentions, x)
                    }))
                    .any(|x| {
                        text.tokens[x].sentence == sent
                            && text
                                .readings(x)
                                .iter()
                                .any(|r| r.skip <= 1 && lex.is(Fw::Militant, &r.word))
                    })
                    || unnamed_subject(&cx, sent, i, mentions);
                // «قال الجيش إنه استهدف مسلحين»: the speaker whose words open with «إنه»
                // right before the verb did it
                // (or whose members it says did: «أعلنت كتائب القسام أن مقاتليها استهدفوا»)
                let members_did = (i.saturating_sub(2)..i).any(|x| {
                    cx.trigger_at(x)
                        .is_some_and(|(c, e, _)| c == ClaimOfResponsibility && e == i)
                });
                let itself = of_itself
                    .clone()
                    .filter(|_| i > 0 && cx.points_back(cx.tok(i - 1)))
                    .or(speaker_side.clone().filter(|_| members_did));
                // «شنّه مسلحون من تنظيم «ولاية غرب أفريقيا»»، «إن مسلحين من الحركة هاجموا»:
                // gunmen of a group named right after «من» are its members (after the verb,
                // a subject in the nominative: «استهدف مسلحين من حماس» is its object)
                let militants_of = (i.saturating_sub(MILITANT_REACH)..i)
                    .chain(end..(end + 2).min(text.sentences[sent].end_token))
                    .filter(|&x| {
                        text.tokens[x].sentence == sent
                            && (x < i || !cx.tok(x).ends_with(affixes().plural_oblique.as_str()))
                            && role_of(x, Fw::Militant)
                    })
                    .find_map(|x| {
                        (x + 1 < text.tokens.len()
                            && cx.tok(x + 1) == affixes().min
                            && !text.tokens[x + 1].hard_before)
                            .then(|| {
                                mentions.iter().find(|m| {
                                    (m.tokens.0 == x + 2 || m.tokens.0 == x + 3)
                                        && is_armed(lex, &m.entity)
                                })
                            })
                            .flatten()
                            .map(|m| m.entity.clone())
                    });
                let agent = antecedent
                    .or(itself)
                    .or(militants_of)
                    .or(first_after_actor.clone())
                    .filter(not_target)
                    .or(acting_before
                        .clone()
                        .filter(not_target)
                        .filter(|_| !unnamed));
                let others: Vec<&EntityRef> = in_sentence
                    .iter()
                    .filter(|m| is_armed(lex, &m.entity) && may_act(m))
                    .map(|m| &m.entity)
                    .filter(|a| !ev.targets.contains(a) && is_fighter(lex, a))
                    .fold(Vec::new(), |mut v, a| {
                        if !v.contains(&a) {
                            v.push(a);
                        }
                        v
                    });
                // facing an attack, the others named are defenders too
                let fallback =
                    (!facing && !unnamed && others.len() == 1).then(|| others[0].clone());
                // «قصف إسرائيلي»، «هجوم حوثي»: the adjective says who
                // «شنّت تركيا هجماتٍ»: a country, the subject of the attack verb (before the word,
                // or the verb itself), attacked (through its forces: settled to its army where
                // the article names it)
                let country = in_sentence
                    .iter()
                    .find(|m| {
                        lex.class_of(&m.entity) == Class::Country
                            && (m.tokens.0 == end
                                || m.tokens.1 == i
                                    && m.tokens.0 > 0
                                    && cx
                                        .trigger_at(m.tokens.0 - 1)
                                        .is_some_and(|(c, e, _)| c == Attack && e == m.tokens.0))
                    })
                    .map(|m| m.entity.clone())
                    .filter(|c| !ev.targets.contains(c));
                if let Some(a) = cx.demonym_country(end).or(agent).or(country).or(fallback) {
                    push(&mut ev.agents, &a);
                }
            }
            Clash => {
                // «اشتباكات بين X وY»: the two sides named after «بين»; else the fighters near
                // the word
                let between = between_at(end);
                sides_named = between.is_some();
                let sides: Vec<EntityRef> = match between {
                    Some(b) => {
                        let mut v: Vec<EntityRef> = Vec::new();
                        let mut sides_end = b;
                        for m in after
                            .iter()
                            .filter(|m| m.tokens.0 > b && m.tokens.0 <= b + 12)
                        {
                            // «بين قسد بدعم من التحالف … وبين داعش»: a backer is not a side
                            if is_armed(lex, &m.entity)
                                && !supporting(&cx, m)
                                && !v.contains(&m.entity)
                                && v.len() < 2
                            {
                                v.push(m.entity.clone());
                                sides_end = m.tokens.1;
                            }
                        }
                        // where they fought follows the sides, however long their names
                        for m in after.iter().filter(|m| {
                            m.tokens.0 >= sides_end
                                && m.tokens.0 <= sides_end + 4
                                && matches!(
                                    lex.class_of(&m.entity),
                                    Class::City
                                        | Class::Neighborhood
                                        | Class::Governorate
                                        | Class::Region
                                )
                        }) {
                            push(&mut ev.places, &m.entity);
                        }
                        // sides described rather than named («بين مقاتلين أكراد …»): the
                        // fighters of the sentence, nearest first, fill in
                        let mut near: Vec<&&Mention> = in_sentence
                            .iter()
                            .filter(|m| is_fighter(lex, &m.entity) && !supporting(&cx, m))
                            .collect();
                        near.sort_by_key(|m| m.tokens.0.abs_diff(i));
                        for m in near {
                            if v.len() < 2 && !v.contains(&m.entity) {
                                v.push(m.entity.clone());
                            }
                        }
                        v
                    }
                    // (not a group named in a phrase that describes a side: «كتيبة جنين
                    // التابعة لسرايا القدس»)
                    // (nor a body that tells of the fighting and is no force: «أعلن جهاز
                    // الإسعاف والطوارئ ارتفاع حصيلة الاشتباكات»)
                    None => in_sentence
                        .iter()
                        .filter(|m| {
                            is_armed(lex, &m.entity)
                                && !supporting(&cx, m)
                                && !described(&cx, m)
                                && (!is_teller(m) || is_fighter(lex, &m.entity))
                        })
                        .map(|m| m.entity.clone())
                        .collect(),
                };
                for a in &sides {
                    push(&mut ev.agents, a);
                    push(&mut ev.participants, a);
                }
                for p in &prisons {
                    push(&mut ev.places, p);
                }
            }
            Airstrike => {
                // «غارات إسرائيلية»، «ضربات أمريكية»: the country of the adjective strikes
                if let Some(c) = cx.demonym_country(end) {
                    push(&mut ev.agents, &c);
                }
                // who strikes stands next to the word: «طائرات التحالف»، «غارة … من قبل التحالف»
                // (or the ministry the drone belongs to: «بقصف مسيّرة تابعة لوزارة الدفاع»)
                let owner = |m: &Mention| {
                    lex.class_of(&m.entity) == Class::Government
                        && after_relation_phrase(&cx, m, 2, |r| r.relation == Relation::PartOf)
                };
                let striker = in_sentence
                    .iter()
                    .filter(|m| {
                        matches!(lex.class_of(&m.entity), Class::ArmedGroup | Class::Country)
                            || owner(m)
                    })
                    .filter(|m| {
                        m.tokens.0 >= end
                            && m.tokens.0 <= end + 3
                            && (end..=m.tokens.0)
                                .all(|x| x >= text.tokens.len() || !text.tokens[x].hard_before)
                            // «ضربات جوية ضد مواقع للحركة»: what is struck
                            && !(end..m.tokens.0).any(|x| lex.is(Fw::TargetLink, cx.tok(x)))
                            || by.is_some_and(|b| m.tokens.0 > b && m.tokens.0 <= b + 3)
                            || by.is_none()
                                && m.tokens.1 + 2 >= i
                                && m.tokens.1 <= i
                                // in the same clause: «… قوات سوريا الديمقراطية، حيث قامت
                                // بضربات» is someone else's strike
                                && (m.tokens.1..=i).all(|x| !text.tokens[x].hard_before)
                    })
                    .min_by_key(|m| m.tokens.0.abs_diff(i));
                if let Some(m) = striker.filter(|_| ev.agents.is_empty()) {
                    push(&mut ev.agents, &m.entity);
                }
                if let Some(s) = of_itself.filter(|_| ev.agents.is_empty()) {
                    push(&mut ev.agents, &s);
                }
                for m in &after {
                    if lex.class_of(&m.entity).family() == Family::Place
                        && lex.class_of(&m.entity) != Class::Country
                        && !taken_to(&cx, m)
                    {
                        push(&mut ev.targets, &m.entity);
                    }
                }
                // «غارة على مسلحين من حركة الشباب»، «ضربات على مواقع تابعة للحركة»، «استهدفت
                // عناصر من الحركة»: the side named right after a word of what was struck
                let hit_word = |x: usize| {
                    role_of(x, Fw::Struck)
                        || role_of(x, Fw::Militant)
                        || text
                            .readings(x)
                            .iter()
                            .any(|r| r.skip <= 1 && lex.members.contains(&r.word))
                };
                // (in the word's clause: «تعرض لغارة جوية، انتشل مقاتلو قسد …» is another)
                let window: Vec<usize> =
                    (end..text.sentences[sent].end_token.min(end + STRUCK_REACH))
                        .take_while(|&x| !text.tokens[x].hard_before)
                        .collect();
                let words: Vec<usize> = window
                    .iter()
                    .copied()
                    .filter(|&x| hit_word(x) || lex.is(Fw::TargetLink, cx.tok(x)))
                    .collect();
                let struck_side = after.iter().find(|m| {
                    is_armed(lex, &m.entity)
                        && !ev.agents.contains(&m.entity)
                        && !supporting(&cx, m)
                        && words.iter().any(|&x| x < m.tokens.0 && m.tokens.0 <= x + 3)
                        && (end..=m.tokens.0).all(|x| !text.tokens[x].hard_before)
                });
                match struck_side {
                    Some(m) => push(&mut ev.targets, &m.entity),
                    // «على أوكار الإرهابيين»، «على فلول المهاجمين»: those who attacked, whom the
                    // article names elsewhere (settled once it is read)
                    None if window.iter().any(|&x| hit_word(x)) => struck_unnamed.push(sent),
                    None => {}
                }
            }
            Arrest => {
                // «أعلنت خلية الإعلام الأمني … تمكنت قوة من مديرية الاستخبارات العسكرية من
                // إلقاء القبض»: a body that only tells of it (no force itself) gives the word to
                // the force its statement names as acting
                let told_by_force = (!speaker_side.as_ref().is_some_and(|s| is_fighter(lex, s)))
                    .then(|| {
                        // (after the speaker's words, or anywhere in a sentence the statement
                        // goes on into)
                        let from = attribution
                            .speeches
                            .iter()
                            .rfind(|sp| text.tokens[sp.verb].sentence == sent && sp.verb < i)
                            .map(|sp| sp.phrase.1)
                            .or(speaker.as_ref().map(|_| text.sentences[sent].first_token))?;
                        before
                            .iter()
                            .filter(|m| m.tokens.0 >= from && is_fighter(lex, &m.entity))
                            .find(side)
                            .map(|m| m.entity.clone())
                    })
                    .flatten();
                // «أعلنت قوات الأسايش عن إلقاء القبض»، «ألقينا القبض» (the speaker's side)
                if let Some(a) = told_by_force
                    .or(speaker_side.clone())
                    .or(nearest_before_actor.clone())
                {
                    push(&mut ev.agents, &a);
                }
                // «ملاحقة الفارين من سجن الشدادي … القبض على 12 منهم»: the prison or camp of the
                // sentence, not one they were taken to
                for m in in_sentence.iter().filter(|m| {
                    matches!(lex.class_of(&m.entity), Class::Prison | Class::Camp)
                        && !taken_to(&cx, m)
                }) {
                    push(&mut ev.places, &m.entity);
                }
                if let Some(t) = after
                    .iter()
                    .find(|m| is_armed(lex, &m.entity) && !ev.agents.contains(&m.entity))
                {
                    push(&mut ev.targets, &t.entity);
                }
            }
            Curfew | Withdrawal => {
                // «فرضت قسد حظرا للتجوال»، «انسحاب قوات سوريا الديمقراطية»
                let subject = before
                    .iter()
                    .rev()
                    .find(|m| is_armed(lex, &m.entity) && m.tokens.1 + 3 >= i)
                    .map(|m| m.entity.clone());
                if let Some(a) = subject
                    .or(first_after_actor.clone())
                    .or(speaker_side.clone())
                    .or(nearest_before_actor.clone())
                {
                    push(&mut ev.agents, &a);
                }
                for m in &after {
                    if lex.class_of(&m.entity).family() == Family::Place {
                        push(&mut ev.places, &m.entity);
                    }
                }
            }
            Meeting | PhoneCall | Agreement => {
                // those who meet or agree are named in the word's clause: not past «لكن»، «حيث»
                // or «أن» («اتفاق مع الحكومة … لكنه انهار بعد أن شن X هجمات»)
                let bound = |x: usize| role_of(x, Fw::ClauseEnd) || role_of(x, Fw::Complementizer);
                let s = &text.sentences[sent];
                let from = (s.first_token..i)
                    .rev()
                    .find(|&x| bound(x))
                    .unwrap_or(s.first_token);
                let to = (end..s.end_token)
                    .find(|&x| bound(x))
                    .unwrap_or(s.end_token);
                for m in in_sentence
                    .iter()
                    .filter(|m| m.tokens.0 >= from && m.tokens.1 <= to)
                {
                    if is_actor(lex, &m.entity) {
                        push(&mut ev.participants, &m.entity);
                    }
                }
                // «القائد العام لقسد مظلوم عبدي»: the person meets; the body in his title (and
                // the body that one is part of) does not meet as well
                let titled: Vec<EntityRef> = ev
                    .participants
                    .iter()
                    .filter(|p| lex.class_of(p).family() == Family::Person)
                    .flat_map(|p| {
                        relations.iter().filter(move |(s, r, _)| {
                            s == p
                                && matches!(
                                    r,
                                    Relation::SpokespersonOf
                                        | Relation::CommanderOf
                                        | Relation::OfficialOf
                                        | Relation::HeadOf
                                )
                        })
                    })
                    .map(|(_, _, o)| o.clone())
                    .collect();
                let within: Vec<EntityRef> = relations
                    .iter()
                    .filter(|(s, r, _)| titled.contains(s) && *r == Relation::PartOf)
                    .map(|(_, _, o)| o.clone())
                    .collect();
                ev.participants
                    .retain(|p| !titled.contains(p) && !within.contains(p));
                if class == Agreement {
                    ev.agents = ev.participants.clone();
                }
            }
            ClaimOfResponsibility => {
                // «أعلنت حركة الشباب المرتبطة بتنظيم القاعدة مسؤوليتها»: the clause's subject,
                // not the group named in a phrase that describes it
                let subject = before
                    .iter()
                    .filter(|m| {
                        is_armed(lex, &m.entity)
                            && (m.tokens.1..i).all(|x| !text.tokens[x].hard_before)
                    })
                    .find(|m| !described(&cx, m))
                    .map(|m| m.entity.clone())
                    // «تبنت جماعة … الهجوم»: the subject after the verb
                    .or_else(|| {
                        after
                            .iter()
                            .filter(|m| m.tokens.0 <= end + AGENT_REACH)
                            .find(|m| is_armed(lex, &m.entity) && !described(&cx, m))
                            .map(|m| m.entity.clone())
                    });
                if let Some(a) = subject
                    .or(nearest_before_actor.clone())
                    .or(speaker_side.clone())
                {
                    push(&mut ev.agents, &a);
                }
                // the outlet a group claims through speaks for it («عبر وكالة أعماق»)
                for m in &in_sentence {
                    if lex.class_of(&m.entity) == Class::MediaOutlet && !m.tokens.0.eq(&0) {
                        push(&mut ev.participants, &m.entity);
                        push(&mut ev.agents, &m.entity);
                    }
                }
            }
            PrisonBreak | Riot | HostageTaking => {
                // the prisoners' side: the subject before the word, or the group telling of it
                let subject = before
                    .iter()
                    .rev()
                    .find(|m| is_armed(lex, &m.entity) && m.tokens.1 + 8 >= i)
                    .map(|m| m.entity.clone());
                let only = (armed.len() == 1).then(|| armed[0].clone());
                if let Some(a) = subject.or(speaker_side.clone()).or(only) {
                    push(&mut ev.agents, &a);
                }
                for p in &prisons {
                    push(&mut ev.places, p);
                }
            }
            Displacement => {}
        }
        if !matches!(class, Curfew | Withdrawal) {
            for p in &places {
                push(&mut ev.places, p);
            }
        }
        if fled_from_unnamed {
            if let Some(v) = out.iter().rev().find(|e| e.class.is_violent()) {
                for p in v.targets.iter().chain(&v.places).filter(|p| {
                    matches!(
                        lex.class_of(p),
                        Class::City | Class::Neighborhood | Class::Camp
                    )
                }) {
                    push(&mut ev.places, p);
                }
            }
        }
        // «أطلقت حملة تمشيط في محيط الشدادي …، أسفرت عن اعتقال سبعة»: arrests are made where
        // the sentence's operation went, however far from the word
        if class == Arrest && ev.places.is_empty() {
            for m in in_sentence.iter().filter(|m| {
                matches!(
                    lex.class_of(&m.entity),
                    Class::City | Class::Neighborhood | Class::Governorate | Class::Region
                ) && !crate::extract::recognize::is_dateline(doc, m)
                    && !taken_to(&cx, m)
                    && !capital_as_government(&cx, &capitals, m)
            }) {
                push(&mut ev.places, &m.entity);
            }
        }
        // «في هذه المدينة»: where people fled or fought is the city named last
        if ev.places.is_empty() && matches!(class, Displacement | Clash) {
            if let Some(m) = mentions.iter().rfind(|m| {
                m.tokens.1 <= i
                    && lex.class_of(&m.entity) == Class::City
                    && !crate::extract::recognize::is_dateline(doc, m)
            }) {
                push(&mut ev.places, &m.entity);
            }
        }
        if claimed {
            ev.agents.clear();
        }
        i = end;
        let has_role = !(ev.agents.is_empty()
            && ev.targets.is_empty()
            && ev.participants.is_empty()
            && ev.places.is_empty());
        let enough = match class {
            Meeting | PhoneCall | Agreement => ev.participants.len() >= 2,
            // (a strike on attackers not named is kept until they are settled)
            Airstrike => has_role || struck_unnamed.contains(&sent),
            // an escape, riot or hostage-taking is one in a prison
            PrisonBreak | Riot | HostageTaking => !prisons.is_empty(),
            _ => has_role,
        };
        if !enough {
            continue;
        }
        // (marked on the event it ends up in: its own, or the one it is absorbed into)
        if class == Clash && sides_named {
            described_sides.push(sent);
        }
        // «الهجوم»: the attack already reported (the latest undated one takes this date)
        if definite && out.iter().any(|o| o.class == ev.class) {
            // (not one more than a week apart: «وليست هذه الغارة الأولى …، إذ استهدفت مسيّرة …
            // ليل ٢٥ تشرين الأول الماضي» recalls another)
            let days_apart = |o: &Event| match (o.date, ev.date) {
                (Some(DateValue::Day(a)), Some(DateValue::Day(b)))
                    if !o.date_from_report && !ev.date_from_report =>
                {
                    (a - b).num_days().abs() > REFERS_BACK_DAYS
                }
                _ => false,
            };
            let fits = |o: &Event| {
                o.class == ev.class && !news_and_background(o, &ev, published) && !days_apart(o)
            };
            let at = out
                .iter()
                .rposition(|o| fits(o) && o.date.is_none())
                .or_else(|| out.iter().rposition(fits));
            if let Some(o) = at.map(|k| &mut out[k]) {
                // «الاشتباكات» refers back: its sides are those told, unless «بين» names them
                if ev.class == Clash && !o.agents.is_empty() && !sides_named {
                    ev.agents.clear();
                    ev.participants.clear();
                }
                for marks in [&mut described_sides, &mut struck_unnamed] {
                    follow(marks, sent, o.sentence);
                }
                absorb(o, ev);
                continue;
            }
        }
        // one event per real occurrence: the same kind by the same actors, on a compatible day
        let same = out.iter_mut().find(|o| {
            let shared = o.agents.iter().filter(|a| ev.agents.contains(a)).count();
            let agents_fit = if ev.class == Clash {
                // a clash is between the same sides
                shared >= o.agents.len().min(ev.agents.len()).min(2)
            } else {
                shared > 0 || o.agents.is_empty() || ev.agents.is_empty()
            };
            let dates_fit =
                (ev.class == Clash || o.date.is_none() || ev.date.is_none() || o.date == ev.date)
                    && !news_and_background(o, &ev, published);
            o.class == ev.class
                && agents_fit
                && dates_fit
                && !(ev.class == Airstrike && apart(lex, relations, o, &ev))
                // (an attack the article tells without its attackers is not one another side
                // made elsewhere: «بعد هجوم أيورو» and «هجمات جماعة نصرة الإسلام … قرب تيرا»)
                && !(ev.class == Attack && shared == 0 && apart(lex, relations, o, &ev))
        });
        match same {
            Some(o) => {
                for marks in [&mut described_sides, &mut struck_unnamed] {
                    follow(marks, sent, o.sentence);
                }
                absorb(o, ev);
            }
            None => out.push(ev),
        }
    }
    settle_roles(lex, rec, &mut out);
    boast_of_killing(&cx, attribution, mentions, &mut out);
    accused_of_it(&cx, mentions, &mut out);
    strikes_on_attackers(lex, &struck_unnamed, &mut out);
    one_attacker(&mut out);
    retold_by_the_striker(lex, relations, &mut out);
    told_twice(
        lex,
        relations,
        published,
        &mut out,
        [&mut described_sides, &mut struck_unnamed],
    );
    out.retain(|e| {
        !(e.agents.is_empty()
            && e.targets.is_empty()
            && e.participants.is_empty()
            && e.places.is_empty())
    });
    other_side_of_clashes(lex, &mut out);
    // fighting with no side named or described is a word of background more often than an
    // event, and tells a reader nothing of who fought
    out.retain(|e| {
        !(e.class == EventClass::Clash
            && e.agents.is_empty()
            && e.participants.is_empty()
            && !described_sides.contains(&e.sentence))
    });
    report_days(&mut out, published);
    arrests_where_it_happened(lex, &mut out);
    out
}

/// How far before a verb the «أن/إن» opening its clause may stand.
const CLAUSE_SUBJECT_REACH: usize = 12;

/// «وقالت قوى الأمن الداخلي إن «مجموعة إرهابية مؤلفة من أربعة عناصر هاجمت الحاجز»»، «أن
/// المهاجمين، وعددهم خمسة، … أطلقوا قذائف»: the clause of the verb, opened by «أن/إن», has
/// attackers nobody named as its subject (a common noun of gunmen or militants first, or right
/// after the noun of a band), so no side the sentence names did it.
fn unnamed_subject(cx: &Cx, sent: usize, i: usize, mentions: &[Mention]) -> bool {
    let (lex, text) = (cx.lex, cx.text);
    let Some(c) = (i.saturating_sub(CLAUSE_SUBJECT_REACH)..i)
        .rev()
        .take_while(|&x| text.tokens[x].sentence == sent)
        .find(|&x| lex.is(Fw::Complementizer, cx.tok(x)))
    else {
        return false;
    };
    // (with the article too: «أن المهاجمين»)
    let militant = |x: usize| x < i && lex.role_at(text, x, Fw::Militant);
    !cx.points_back(cx.tok(c))
        && (militant(c + 1)
            || !in_a_name(mentions, c + 1) && militant(c + 2) && !text.tokens[c + 2].hard_before)
}

/// «وأعلنت القيادة اعتقال ثلاثة من المهاجمين»: arrests whose sentence names no place were made
/// where the violent event told before them happened (its places).
fn arrests_where_it_happened(lex: &Lexicon, events: &mut [Event]) {
    for k in 0..events.len() {
        if events[k].class != EventClass::Arrest || !events[k].places.is_empty() {
            continue;
        }
        let places: Vec<EntityRef> = events[..k]
            .iter()
            .rev()
            .find(|e| e.class.is_violent())
            .map(|e| {
                e.targets
                    .iter()
                    .chain(&e.places)
                    .filter(|p| lex.class_of(p).place_precision().is_some())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        for p in &places {
            push(&mut events[k].places, p);
        }
    }
}

/// How far after a verb of accusing the accused may stand, and the words of what it is accused
/// of after the accused («واتهمت حكومة ولاية جنوب كردفان الحركة الشعبية بتنفيذ القصف»).
const ACCUSED_REACH: usize = 8;
const ACCUSED_OF_REACH: usize = 8;

/// «واتهمت حكومة الإقليم قوات الدعم السريع بتنفيذ الهجوم»، «محمّلةً قوات الدعم السريع
/// المسؤولية»: the armed group accused of an attack or strike, or blamed for it, carried out the
/// one told before that no clause gave an attacker (the first such).
fn accused_of_it(cx: &Cx, mentions: &[Mention], events: &mut [Event]) {
    let (lex, text) = (cx.lex, cx.text);
    let role = |x: usize, r: Fw| lex.role_at(text, x, r);
    for v in 0..text.tokens.len() {
        let (accuse, blame) = (role(v, Fw::Accuse), role(v, Fw::Blame));
        if !(accuse || blame) {
            continue;
        }
        let sent = text.tokens[v].sentence;
        let end = text.sentences[sent].end_token.min(v + 1 + ACCUSED_REACH);
        let Some(first) = mentions.iter().find(|m| {
            m.tokens.0 > v && m.tokens.0 < end && lex.class_of(&m.entity) == Class::ArmedGroup
        }) else {
            continue;
        };
        // (and the groups joined to it by «و»: «قوات الدعم السريع والحركة الشعبية»)
        let mut accused = vec![first];
        while let Some(next) = mentions.iter().find(|n| {
            n.tokens.0 == accused[accused.len() - 1].tokens.1
                && lex.class_of(&n.entity) == Class::ArmedGroup
                && cx.tok(n.tokens.0).starts_with(affixes().conj.as_str())
        }) {
            accused.push(next);
        }
        // (what it is accused of follows: a word of violence, or the responsibility it is
        // blamed with; past a phrase set off by commas: «…، بقيادة عبد العزيز الحلو، بتنفيذ»)
        let from = accused[accused.len() - 1].tokens.1;
        let of_end = text.sentences[sent].end_token.min(from + ACCUSED_OF_REACH);
        let of_it = (from..of_end).any(|x| {
            if blame {
                role(x, Fw::Responsibility)
            } else {
                cx.trigger_at(x)
                    .is_some_and(|(c, _, _)| c.is_violent() && c != EventClass::Clash)
            }
        });
        if !of_it {
            continue;
        }
        // (an attack whose clause named only some of the accused, or none, is theirs)
        if let Some(ev) = events.iter_mut().find(|e| {
            e.sentence <= sent
                && matches!(e.class, EventClass::Attack | EventClass::Airstrike)
                && e.agents
                    .iter()
                    .all(|a| accused.iter().any(|m| &m.entity == a))
        }) {
            for a in &accused {
                if !ev.targets.contains(&a.entity) && !ev.agents.contains(&a.entity) {
                    ev.agents.push(a.entity.clone());
                }
            }
        }
    }
}

/// How far after «أنها/أنه» the verb of killing may stand, and the soldiers after that verb
/// («أنها قتلت 32 جندياً»).
const BOAST_REACH: usize = 2;
const BOAST_SOLDIERS: usize = 4;

/// «وزعمت الجماعة في بيان أنها قتلت 32 جندياً»: an armed group that says it killed soldiers
/// claims the attack the article leads with, when that attack is told without who carried it
/// out. (Not an army's «أعلن الجيش أنه قتل 30 مسلحاً»: what it killed are no soldiers.)
fn boast_of_killing(
    cx: &Cx,
    attribution: &Attribution,
    mentions: &[Mention],
    events: &mut [Event],
) {
    let (lex, text) = (cx.lex, cx.text);
    let boaster = attribution
        .speeches
        .iter()
        .filter(|sp| {
            let Some(c) = sp.statement else {
                return false;
            };
            let end = text.sentences[text.tokens[c].sentence].end_token;
            let open = |x: usize| x < end && !text.tokens[x].hard_before;
            cx.points_back(cx.tok(c))
                && (c + 1..=c + BOAST_REACH)
                    .take_while(|&x| open(x))
                    .find(|&x| cx.kills_at(x))
                    .is_some_and(|k| {
                        (k + 1..=k + BOAST_SOLDIERS)
                            .take_while(|&x| open(x))
                            .any(|x| lex.role_at(text, x, Fw::Soldier))
                    })
        })
        .map(|sp| &mentions[sp.speaker].entity)
        .find(|s| lex.class_of(s) == Class::ArmedGroup);
    let Some(boaster) = boaster else {
        return;
    };
    if let Some(first) = events.iter_mut().find(|e| e.class == EventClass::Attack) {
        if first.agents.is_empty() && !first.targets.contains(boaster) {
            first.agents.push(boaster.clone());
        }
    }
}

/// One occurrence told twice, seen as one only once its sides are settled: «اقتحام إسرائيلي
/// لمخيم بلاطة» in the headline (Israel, by its adjective) and «اقتحام نفّذته قوات الاحتلال» in
/// the body (its army) are one raid, where both name the same side and the same place on one
/// day; and a headline's «قصف خيام بمواصي خان يونس» is the body's air strike on that place by
/// that side. The one the body tells keeps its class; of two in the body, the first.
fn told_twice(
    lex: &Lexicon,
    relations: &[(EntityRef, Relation, EntityRef)],
    published: Option<NaiveDate>,
    events: &mut Vec<Event>,
    marks: [&mut Vec<usize>; 2],
) {
    use EventClass::*;
    let one_sided = |e: &Event| matches!(e.class, Attack | Airstrike | Arrest);
    let fits = |a: &Event, b: &Event| {
        let kinds = a.class == b.class
            || (a.sentence == 0 && a.class == Attack && b.class == Airstrike)
            || (b.sentence == 0 && b.class == Attack && a.class == Airstrike);
        let (sa, sb) = (sites(lex, a), sites(lex, b));
        let dates = a.date.is_none()
            || b.date.is_none()
            || a.date == b.date
            || a.date_from_report
            || b.date_from_report;
        kinds
            && one_sided(a)
            && one_sided(b)
            && a.agents.iter().any(|x| b.agents.contains(x))
            && dates
            && !sa.is_empty()
            && !sb.is_empty()
            && !apart(lex, relations, a, b)
            && !news_and_background(a, b, published)
    };
    let [sides, struck] = marks;
    let mut k = 1;
    while k < events.len() {
        let Some(o) = (0..k).find(|&o| fits(&events[o], &events[k])) else {
            k += 1;
            continue;
        };
        // (the headline's word gives way to the body's)
        let (keep, gone) = if events[o].sentence == 0 && events[o].class != events[k].class {
            (k, o)
        } else {
            (o, k)
        };
        let ev = events.remove(gone);
        let keep = if gone < keep { keep - 1 } else { keep };
        for m in [&mut *sides, &mut *struck] {
            follow(m, ev.sentence, events[keep].sentence);
        }
        absorb(&mut events[keep], ev);
    }
}

/// A mark of a sentence («its fighting has sides», «its strike hit attackers not named»)
/// follows its event into the one told before that it is absorbed into.
fn follow(marks: &mut Vec<usize>, from: usize, to: usize) {
    if marks.contains(&from) && !marks.contains(&to) {
        marks.push(to);
    }
}

/// The towns and quarters where an event happened or that it hit.
fn sites<'e>(lex: &Lexicon, ev: &'e Event) -> Vec<&'e EntityRef> {
    ev.places
        .iter()
        .chain(&ev.targets)
        .filter(|e| matches!(lex.class_of(e), Class::City | Class::Neighborhood))
        .collect()
}

/// Whether two strikes by one side on one day happened in different places: each names a town
/// or quarter, and none of the one's lies in, holds or is one of the other's («غارة على مبنى في
/// كفررمان» and «استهدفت مسيّرة دراجة نارية على طريق بنت جبيل» are two strikes).
fn apart(
    lex: &Lexicon,
    relations: &[(EntityRef, Relation, EntityRef)],
    a: &Event,
    b: &Event,
) -> bool {
    let (sa, sb) = (sites(lex, a), sites(lex, b));
    if sa.is_empty() || sb.is_empty() {
        return false;
    }
    let inside = |x: &EntityRef, y: &EntityRef| {
        relations
            .iter()
            .any(|(p, r, q)| p == x && q == y && *r == Relation::LocatedIn)
            || match (x, y) {
                (EntityRef::Known(gx), EntityRef::Known(gy)) => lex.within_chain(*gx).contains(gy),
                _ => false,
            }
    };
    !sa.iter()
        .any(|x| sb.iter().any(|y| x == y || inside(x, y) || inside(y, x)))
}

/// «وقال الجيش الإسرائيلي إنه استهدف مستودعاً لحزب الله»: an attack told by the side that made
/// it, naming no place, after an air strike of that side on a compatible day, is that strike
/// told again.
fn retold_by_the_striker(
    lex: &Lexicon,
    relations: &[(EntityRef, Relation, EntityRef)],
    events: &mut Vec<Event>,
) {
    let mut k = 0;
    while k < events.len() {
        let e = &events[k];
        // (told with what was hit, not where: a side's attack on a place it names is its own)
        let by_itself = e.class == EventClass::Attack
            && e.places.is_empty()
            && e.reported_by.as_ref().is_some_and(|r| e.agents.contains(r));
        let strike = by_itself
            .then(|| {
                events[..k].iter().rposition(|o| {
                    o.class == EventClass::Airstrike
                        && o.agents.iter().any(|a| e.agents.contains(a))
                        && (o.date.is_none() || e.date.is_none() || o.date == e.date)
                        && !apart(lex, relations, o, e)
                })
            })
            .flatten();
        match strike {
            Some(o) => {
                let e = events.remove(k);
                absorb(&mut events[o], e);
            }
            None => k += 1,
        }
    }
}

/// A strike or attack whose clause names no one was carried out by the one side the article
/// names as attacking, when it names exactly one (and that side is not the event's target).
fn one_attacker(events: &mut [Event]) {
    use EventClass::*;
    let one_sided = |c: EventClass| matches!(c, Attack | Airstrike);
    let attackers_of = |class: Option<EventClass>| {
        let mut v: Vec<EntityRef> = Vec::new();
        for ev in events
            .iter()
            .filter(|e| one_sided(e.class) && class.is_none_or(|c| c == e.class))
        {
            for a in &ev.agents {
                push(&mut v, a);
            }
        }
        v
    };
    // (of the attackers on the ground and from the air, a ground attack nobody named was the
    // work of the one that attacked on the ground)
    let all = attackers_of(None);
    let on_ground = attackers_of(Some(Attack));
    for ev in events.iter_mut() {
        if !one_sided(ev.class) || !ev.agents.is_empty() {
            continue;
        }
        let only = match (all.as_slice(), on_ground.as_slice(), ev.class) {
            ([only], _, _) => only.clone(),
            (_, [only], Attack) => only.clone(),
            _ => continue,
        };
        if !ev.targets.contains(&only) {
            ev.agents.push(only);
        }
    }
}

/// A strike on attackers its clause does not name («ضربة على أوكار الإرهابيين في الوادي») hit
/// the one side the article tells attacked first, where that side is not among the strikers.
fn strikes_on_attackers(lex: &Lexicon, sentences: &[usize], events: &mut [Event]) {
    let Some(attacker) = events
        .iter()
        .find(|e| e.class == EventClass::Attack && !e.agents.is_empty())
        .and_then(|e| match e.agents.as_slice() {
            [one] if is_fighter(lex, one) => Some(one.clone()),
            _ => None,
        })
    else {
        return;
    };
    for ev in events.iter_mut().filter(|e| {
        e.class == EventClass::Airstrike
            && sentences.contains(&e.sentence)
            && !e.agents.contains(&attacker)
            && !e.targets.iter().any(|t| is_armed(lex, t))
    }) {
        ev.targets.push(attacker.clone());
    }
}

/// A clash whose clause names one side («خاضوا اشتباكات مع القوات المقتحمة») was fought with
/// the one armed side the article sets against it elsewhere: who attacked it, or whom it
/// attacked, when that is one side.
fn other_side_of_clashes(lex: &Lexicon, events: &mut [Event]) {
    use EventClass::*;
    let found: Vec<(usize, EntityRef)> = events
        .iter()
        .enumerate()
        .filter(|(_, c)| c.class == Clash)
        .filter_map(|(i, c)| {
            let [side] = c.agents.as_slice() else {
                return None;
            };
            let mut others: Vec<EntityRef> = Vec::new();
            for e in events
                .iter()
                .filter(|e| e.class.is_violent() && e.class != Clash)
            {
                let against = if e.agents.contains(side) {
                    &e.targets
                } else if e.targets.contains(side) {
                    &e.agents
                } else {
                    continue;
                };
                for o in against.iter().filter(|o| is_armed(lex, o) && *o != side) {
                    push(&mut others, o);
                }
            }
            match others.as_slice() {
                [other] => Some((i, other.clone())),
                _ => None,
            }
        })
        .collect();
    for (i, other) in found {
        push(&mut events[i].agents, &other);
    }
}

/// A violent event its sentence gives no date for happened on the day the article tells of: the
/// last day an event before it gave, else the day of publication (marked as such). A
/// displacement takes the day of the violence told before it, and none without.
fn report_days(events: &mut [Event], published: Option<NaiveDate>) {
    let mut last = published.map(DateValue::Day);
    // (the day violence before it was told to have happened, not the report's)
    let mut told: Option<DateValue> = None;
    for ev in events.iter_mut() {
        match ev.date {
            Some(d @ DateValue::Day(_)) => {
                last = Some(d);
                if !ev.date_from_report && ev.class.is_violent() {
                    told = Some(d);
                }
            }
            Some(_) => {}
            // «ما دفع نحو 300 أسرة إلى النزوح»: people flee on the day of the violence told
            // before; a displacement with no violence dated before it keeps no day
            None if ev.class == EventClass::Displacement => ev.date = told,
            // (and what follows it: arrests, a curfew, a claim, told the same day)
            None if ev.class.is_violent()
                || matches!(
                    ev.class,
                    EventClass::Arrest | EventClass::Curfew | EventClass::ClaimOfResponsibility
                ) =>
            {
                ev.date = last;
                ev.date_from_report = last.is_some();
            }
            None => {}
        }
    }
    // a lead that gives no day is told in detail further on: «هجوم شنّه عناصر داعش …», then «…
    // تسللت ليل الاثنين … واشتبكت مع …». It took the report's day; the first later event of the
    // same side with a day of its own, an earlier one, gives the day
    for k in 0..events.len() {
        if !events[k].date_from_report {
            continue;
        }
        let Some(DateValue::Day(now)) = events[k].date else {
            continue;
        };
        let later = events[k + 1..].iter().find_map(|o| match o.date {
            Some(DateValue::Day(d))
                if !o.date_from_report
                    && o.class.is_violent()
                    && o.agents.iter().any(|a| events[k].agents.contains(a)) =>
            {
                Some(d)
            }
            _ => None,
        });
        // (within the days reports of one happening span: a day weeks before is another
        // happening the article recalls, «ليل ٢٥ تشرين الأول الماضي» in a report of mid-November)
        if let Some(d) = later.filter(|d| *d < now && (now - *d).num_days() <= DETAIL_DAYS) {
            events[k].date = Some(DateValue::Day(d));
            events[k].date_from_report = false;
        }
    }
}
