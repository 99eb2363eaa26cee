//! One article through the pipeline: Document → Text → Mentions → article metadata
//! ([`ArticleFacts`]). Pure: no I/O, no global state, so articles run in parallel.

pub mod attribution;
pub mod dates;
pub mod events;
pub mod quantities;
pub mod recognize;

use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;

use crate::extract::dates::find_dates;
use crate::extract::quantities::find_quantities;
use crate::extract::recognize::recognize;
use crate::lexicon::{Fw, Lexicon, TriggerKind};
use crate::model::{
    new_key, ArticleFacts, DateMention, DateValue, EntityRef, Mention, MentionKind, Published,
    Recognized,
};
use crate::text::affixes;
use crate::text::{Document, Text};
use crate::vocab::Class;

/// Extraction alone (no store), on one thread, in this process, over every article of
/// `corpus` (a file or folder `ingest` reads): (MB of text, seconds). What `athar bench` and
/// `examples/extract_only` time.
pub fn extraction_only(lex: &Lexicon, corpus: &std::path::Path, as_of: NaiveDate) -> (f64, f64) {
    let mut docs = Vec::new();
    crate::ingest::scan(&[corpus.to_path_buf()], &Default::default(), &mut |d| {
        docs.push(d.clone())
    });
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = std::time::Instant::now();
    for d in docs {
        std::hint::black_box(extract(lex, d, as_of));
    }
    (bytes as f64 / 1e6, t.elapsed().as_secs_f64())
}

/// An article published before an actor's name passed to it names the actor's predecessor
/// (`eras.tsv`: «الجيش العربي السوري» in 2022 is the Assad government's army).
fn name_eras(lex: &Lexicon, rec: &mut Recognized, day: NaiveDate) {
    let before: Vec<(usize, usize)> = lex
        .eras
        .iter()
        .filter(|(_, _, since)| day < *since)
        .map(|&(e, p, _)| (e, p))
        .collect();
    if before.is_empty() {
        return;
    }
    rec.map_entities(|e| match e {
        EntityRef::Known(g) => before
            .iter()
            .find(|(x, _)| x == g)
            .map(|&(_, p)| EntityRef::Known(p)),
        _ => None,
    });
}

/// As [`extract`], with a failure of the extractors (a panic: a bug, whatever the input) turned
/// into an error that names the article, so that a build leaves that article out and goes on.
pub fn try_extract(
    lex: &Lexicon,
    doc: Document,
    as_of: NaiveDate,
) -> crate::error::Result<ArticleFacts> {
    let path = doc.source_file.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(lex, doc, as_of))).map_err(
        |cause| {
            let message = cause
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| cause.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            crate::error::Error::Extraction { path, message }
        },
    )
}

/// Extracts everything from one article. `as_of` is the reference date for years the text
/// leaves out.
pub fn extract(lex: &Lexicon, doc: Document, as_of: NaiveDate) -> ArticleFacts {
    let text = lex.analyze(&doc);
    let mut rec = recognize(lex, &doc, &text);
    let mut dates = find_dates(lex, &text, as_of);
    let lines = token_lines(&text);
    let title = match &doc.meta.title {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        _ => doc
            .text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .to_string(),
    };
    let title_line = doc
        .text
        .lines()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(0);
    let (published, dateline) = publication_date(lex, &text, &dates, &lines, title_line);
    let published = match doc.meta.published.as_deref().and_then(meta_date) {
        Some(value) => Some(Published {
            value,
            inferred: false,
            span: None,
        }),
        None => published.map(|d| Published {
            value: d.value,
            inferred: d.inferred,
            span: Some(text.orig_span(&doc, d.first, 0, d.last)),
        }),
    };
    // (a month or a year stands for its first day)
    let day = published.as_ref().and_then(|p| match p.value {
        DateValue::Day(d) => Some(d),
        DateValue::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
        DateValue::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
    });
    if let Some(day) = day {
        name_eras(lex, &mut rec, day);
        crate::extract::dates::anchor_to(&mut dates, day);
    }
    let top = Top {
        lines: &lines,
        title_line,
        dateline: dateline.as_ref(),
        dates: &dates,
    };
    let publisher = publisher(lex, &doc, &text, &mut rec, &top);
    let publisher_ref = match publisher {
        Some(_) => None,
        None => doc.meta.outlet.as_deref().and_then(|o| outlet_ref(lex, o)),
    };
    let attribution = crate::extract::attribution::attribute(lex, &text, &rec.mentions, &lines);
    let quantities = find_quantities(
        lex,
        &doc,
        &text,
        &rec.mentions,
        &dates,
        &attribution,
        &rec.relations,
    );
    let sentences = (0..text.sentences.len())
        .map(|s| text.sentence_text(&doc, s))
        .collect();
    let day = published.as_ref().and_then(|p| match p.value {
        DateValue::Day(d) => Some(d),
        _ => None,
    });
    let found = crate::extract::events::Found {
        dates: &dates,
        published: day,
        attribution: &attribution,
        quantities: &quantities,
    };
    let events = crate::extract::events::find_events(lex, &doc, &text, &rec, &found);
    let mut quantities = quantities;
    about_the_event(lex, &mut quantities, &events);
    totals_of_the_country(lex, &text, &rec.mentions, &mut quantities, &events);
    // the armed group the article is about (what several passes below fall back on)
    let insurgent = main_insurgent(lex, &rec.mentions);
    militants_of_the_attackers(
        lex,
        &text,
        &rec.mentions,
        insurgent.as_ref(),
        &mut quantities,
        &events,
    );
    members_of_the_attacked(
        lex,
        &text,
        &rec.mentions,
        &rec.relations,
        &mut quantities,
        &events,
    );
    detainees_of_the_group(lex, &text, &mut quantities, &events);
    inmates_of_one_group(lex, &mut quantities);
    the_speakers_own(
        lex,
        insurgent.as_ref(),
        &rec.relations,
        &mut quantities,
        &events,
        &text,
    );
    claimed_against_the_enemy(lex, &text, insurgent.as_ref(), &mut quantities, &events);
    soldiers_of_the_country(lex, &text, &rec.mentions, &mut quantities);
    others_of_the_figure_before(lex, &text, &mut quantities);
    figures_of_events(&mut quantities, &events);
    ArticleFacts {
        doc,
        title,
        published,
        publisher,
        publisher_ref,
        rec,
        dates,
        quantities,
        events,
        sentences,
    }
}

/// The violent event told last before character `at` of an article, else its first: what a
/// figure told there refers to.
fn told_before(events: &[crate::model::Event], at: usize) -> Option<&crate::model::Event> {
    told_before_at(events, at, |_| true).map(|i| &events[i])
}

/// The index of the event [`told_before`] gives, among the events `keep` accepts.
fn told_before_at(
    events: &[crate::model::Event],
    at: usize,
    keep: impl Fn(&crate::model::Event) -> bool,
) -> Option<usize> {
    let mut violent = events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.class.is_violent() && keep(e));
    let first = violent.clone().next();
    violent
        .rfind(|(_, e)| e.start <= at)
        .or(first)
        .map(|(i, _)| i)
}

/// A casualty figure, or a count of the fighters who took part («نحو 20 مسلحاً هاجموا
/// المركز»), belongs to the violent event told last before it (else the article's first): the
/// graph says so with `ath:about` → the event, beside the place it is about.
fn figures_of_events(quantities: &mut [crate::model::Quantity], events: &[crate::model::Event]) {
    use crate::vocab::Measure::*;
    for q in quantities.iter_mut() {
        if !q.cumulative
            && matches!(
                q.measure,
                Killed | Injured | Captured | Displaced | Hostages | Escaped | Fighters
            )
        {
            q.event = told_before_at(events, q.start, |_| true);
        }
    }
}

/// A toll (or a count of fighters) whose sentence names no place is about the place of the
/// violent event told last before it (else the first one the article tells): «وارتفعت الحصيلة إلى 17 قتيلاً» after the
/// strike on a school is about the school.
fn about_the_event(
    lex: &Lexicon,
    quantities: &mut [crate::model::Quantity],
    events: &[crate::model::Event],
) {
    use crate::vocab::Measure::*;
    let place_of = |ev: &crate::model::Event| {
        ev.targets
            .iter()
            .chain(&ev.places)
            .filter_map(|e| lex.class_of(e).place_precision().map(|r| (r, e)))
            .min_by_key(|(r, _)| *r)
            .map(|(_, e)| e.clone())
    };
    for q in quantities.iter_mut() {
        if q.about.is_some()
            || q.cumulative
            || !matches!(
                q.measure,
                Killed | Injured | Captured | Displaced | Hostages | Fighters
            )
        {
            continue;
        }
        q.about = told_before(events, q.start).and_then(place_of);
    }
}

/// A running total whose sentence names no place («أسفرت الاعتداءات منذ أكتوبر 2023 عن 2574
/// شهيداً») is about the largest place the article names that holds the place of the event told
/// before it (the Gaza Strip, for a strike on Deir al-Balah), else the article's country, where
/// the article names it.
fn totals_of_the_country(
    lex: &Lexicon,
    text: &Text,
    mentions: &[crate::model::Mention],
    quantities: &mut [crate::model::Quantity],
    events: &[crate::model::Event],
) {
    let named = |g: usize| mentions.iter().any(|m| m.entity == EntityRef::Known(g));
    let country = crate::extract::recognize::article_country(lex, mentions)
        .and_then(|id| lex.by_id.get(&id).copied())
        .filter(|&c| named(c))
        .map(EntityRef::Known);
    for q in quantities.iter_mut().filter(|q| q.cumulative) {
        // (the country the figure's own sentence names after it comes first, whatever else was
        // found: «قتل 270 شخصاً في غارات إسرائيلية على لبنان منذ سريان وقف إطلاق النار»)
        let own = mentions
            .iter()
            .find(|m| {
                m.tokens.0 >= q.tokens.1
                    && text.tokens[m.tokens.0].sentence == q.sentence
                    && lex.class_of(&m.entity) == Class::Country
            })
            .map(|m| m.entity.clone());
        if own.is_some() {
            q.about = own;
            continue;
        }
        if q.about.is_some() {
            continue;
        }
        let holding = told_before(events, q.start).and_then(|e| {
            e.targets
                .iter()
                .chain(&e.places)
                .filter_map(|p| match p {
                    EntityRef::Known(g) => Some(lex.within_chain(*g)),
                    _ => None,
                })
                .flatten()
                .filter(|&g| named(g))
                // (the largest: a country before a territory before a division)
                .max_by_key(|&g| match lex.gazetteer[g].class {
                    Class::Country => 2,
                    Class::Region | Class::Governorate => 1,
                    _ => 0,
                })
                .map(EntityRef::Known)
        });
        q.about = holding.or_else(|| country.clone());
    }
}

/// «تحييد 17 إرهابيا»، «نحو 30 مسلحا هاجموا»، «تسعة من المسلحين»: a figure that counts gunmen,
/// militants or attackers by a common noun counts members of the side that attacked in the
/// event told before it (else the article's first), not of the side that says so — nor of the
/// side a breakdown named before it («أربعة قتلى من الأسايش واثنين من المهاجمين»), unless the
/// group is named right after the noun («مسلحين من حركة الشباب»).
fn militants_of_the_attackers(
    lex: &Lexicon,
    text: &Text,
    mentions: &[crate::model::Mention],
    insurgent: Option<&EntityRef>,
    quantities: &mut [crate::model::Quantity],
    events: &[crate::model::Event],
) {
    use crate::vocab::Measure::*;
    let af = crate::text::affixes::affixes();
    let open = |i: usize| i < text.tokens.len() && !text.tokens[i].hard_before;
    let militant = |i: usize| {
        open(i)
            && text.readings(i).iter().any(|r| {
                r.skip == 0
                    && (lex.is(Fw::Militant, &r.word)
                        || r.word
                            .strip_prefix(af.article.as_str())
                            .is_some_and(|w| lex.is(Fw::Militant, w)))
            })
    };
    let attacking = attacking_group(lex, events);
    let spans: Vec<(usize, usize)> = quantities.iter().map(|q| q.tokens).collect();
    let others_between = |a: usize, b: usize| spans.iter().any(|s| s.0 > a && s.1 <= b);
    for q in quantities.iter_mut() {
        if !matches!(q.measure, Killed | Injured | Captured | Fighters) {
            continue;
        }
        let after = q.tokens.1;
        // («مجموعة إرهابية مؤلفة من سبعة عناصر»، «عدد المهاجمين لا يتجاوز سبعة عناصر»: members
        // counted as the fighters of a sentence about militants)
        let sentence_of_militants = || {
            q.measure == Fighters
                && q.group.is_none()
                && counted_as(lex, text, after, Fighters)
                && (text.sentences[q.sentence].first_token..q.tokens.0).any(militant)
        };
        // («قتلى المهاجمين أربعة»: a toll noun in construct with the militants it counts)
        let construct = (q.tokens.0.saturating_sub(3)..q.tokens.0).find(|&t| {
            lex.is(Fw::TollNoun, text.word(t))
                && t + 1 < q.tokens.0
                && militant(t + 1)
                && text.tokens[t].sentence == q.sentence
        });
        // («فقتلوا أربعة منهم»، «أوكار الإرهابيين … أسفرت عن مقتل ٤ منهم»: «of them», the
        // militants the sentence named last before the figure, no other figure between)
        let of_militants = || {
            if !(open(after) && af.with_pronoun(text.word(after), &af.min)) {
                return None;
            }
            let first = text.sentences[q.sentence].first_token;
            let t = (first..q.tokens.0)
                .rev()
                .find(|&t| lex.role_at(text, t, Fw::Militant))?;
            (!others_between(t, q.tokens.0)).then_some(t)
        };
        // («إن المهاجمين وصلوا على متن أكثر من 30 شاحنة»: the vehicles the militants came in)
        let aboard = || {
            (q.measure == Fighters
                && q.group.is_none()
                && q.unit == Some(crate::vocab::Unit::Vehicle))
            .then(|| (text.sentences[q.sentence].first_token..q.tokens.0).rfind(|&t| militant(t)))
            .flatten()
        };
        let noun = if militant(after) {
            after
        } else if open(after) && text.word(after) == af.min && militant(after + 1) {
            after + 1
        } else if sentence_of_militants() {
            after
        } else if let Some(t) = construct {
            t + 1
        } else if let Some(t) = of_militants() {
            t
        } else if let Some(t) = aboard() {
            t
        } else {
            continue;
        };
        // the group named right after the noun is theirs
        let named_after = |g: &EntityRef| {
            mentions.iter().any(|m| {
                &m.entity == g
                    && m.tokens.0 > noun
                    && m.tokens.0 <= noun + 3
                    && (noun + 1..=m.tokens.0).all(open)
            })
        };
        if q.group.as_ref().is_some_and(named_after) {
            continue;
        }
        // (militants an air strike killed were its targets: «ضربة … أسفرت عن مقتل خمسة
        // إرهابيين»)
        // (of a clash and the attack before it, the attack says who attacked)
        let attackers = told_before_at(events, q.start, |e| {
            e.class != crate::vocab::EventClass::Clash
        })
        .map(|i| &events[i])
        .or_else(|| told_before(events, q.start))
        .and_then(|e| {
            // (a state's force that raids is no attacker of this kind: the militants it killed
            // were its targets, as an air strike's were)
            let fits = |a: &&EntityRef| {
                lex.class_of(a) == Class::ArmedGroup && Some(*a) != q.reported_by.as_ref()
            };
            if e.class == crate::vocab::EventClass::Airstrike {
                e.targets.iter().find(fits)
            } else {
                e.agents
                    .iter()
                    .filter(fits)
                    .find(|a| !state_force(lex, a))
                    .or_else(|| e.targets.iter().find(fits).filter(|_| !e.agents.is_empty()))
            }
        })
        .cloned();
        // (else the armed group that attacks in the article, else the one it is about:
        // «تحييد 80 إرهابياً» in an army's statement)
        let attackers = attackers
            .or_else(|| {
                attacking
                    .clone()
                    .filter(|g| Some(g) != q.reported_by.as_ref())
            })
            .or_else(|| {
                insurgent
                    .filter(|g| Some(*g) != q.reported_by.as_ref())
                    .cloned()
            });
        if attackers.is_some() || q.group.is_none() {
            q.group = attackers;
        }
    }
}

/// Whether token `i` is a noun that counts people of `measure` («عنصرين»، «معتقل»، «السجناء»),
/// read through its proclitics and article.
fn counted_as(lex: &Lexicon, text: &Text, i: usize, measure: crate::vocab::Measure) -> bool {
    i < text.tokens.len()
        && text.readings(i).iter().any(|r| {
            let bare = affixes::affixes().bare(&r.word, 3).unwrap_or(&r.word);
            [r.word.as_str(), bare].iter().any(|w| {
                lex.measures.get(&[w]).is_some_and(|p| {
                    p.value.measure == measure && p.value.kind == TriggerKind::Noun
                })
            })
        })
}

/// The inmates of a prison or camp that the article counts once as members of one group
/// («يضم 1500 من عناصر التنظيم») are that group's in its other counts of them too: those held,
/// escaped or caught again there («فرار 200 سجين»، «القبض على 84 من الفارين»).
fn inmates_of_one_group(lex: &Lexicon, quantities: &mut [crate::model::Quantity]) {
    use crate::vocab::Measure::*;
    let inmates = |q: &crate::model::Quantity| {
        matches!(q.measure, Held | Escaped | Captured)
            && q.about
                .as_ref()
                .is_some_and(|a| matches!(lex.class_of(a), Class::Prison | Class::Camp))
    };
    let mut groups: Vec<(EntityRef, Vec<EntityRef>)> = Vec::new();
    for q in quantities
        .iter()
        .filter(|q| inmates(q) && q.measure == Held)
    {
        if let (Some(site), Some(g)) = (&q.about, &q.group) {
            match groups.iter_mut().find(|(s, _)| s == site) {
                Some((_, gs)) if !gs.contains(g) => gs.push(g.clone()),
                Some(_) => {}
                None => groups.push((site.clone(), vec![g.clone()])),
            }
        }
    }
    for q in quantities.iter_mut().filter(|q| q.group.is_none()) {
        if !inmates(q) {
            continue;
        }
        let one = groups
            .iter()
            .find(|(s, _)| Some(s) == q.about.as_ref())
            .and_then(|(_, gs)| (gs.len() == 1).then(|| gs[0].clone()));
        if one.is_some() {
            q.group = one;
        }
    }
}

/// The armed group that attacks in an article: the one that is the agent of most of its
/// attacks (not clashes, whose sides both fight, nor air strikes), first told on a tie — never
/// a state's force, nor one that strikes from the air in it.
fn attacking_group(lex: &Lexicon, events: &[crate::model::Event]) -> Option<EntityRef> {
    use crate::vocab::EventClass::*;
    let from_the_air = |a: &EntityRef| {
        events
            .iter()
            .any(|e| e.class == Airstrike && e.agents.contains(a))
    };
    let mut counts: Vec<(EntityRef, usize)> = Vec::new();
    for e in events
        .iter()
        .filter(|e| e.class.is_violent() && !matches!(e.class, Clash | Airstrike))
    {
        for a in e.agents.iter().filter(|a| {
            lex.class_of(a) == Class::ArmedGroup && !from_the_air(a) && !state_force(lex, a)
        }) {
            match counts.iter_mut().find(|(x, _)| x == a) {
                Some(c) => c.1 += 1,
                None => counts.push((a.clone(), 1)),
            }
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (e, _))| e.clone())
}

/// Whether an armed group attacks in an article: the one the article is about (`insurgent`), or
/// the agent of a violent event other than a clash.
fn attacks(g: &EntityRef, insurgent: Option<&EntityRef>, events: &[crate::model::Event]) -> bool {
    Some(g) == insurgent
        || events.iter().any(|e| {
            e.class.is_violent()
                && e.class != crate::vocab::EventClass::Clash
                && e.agents.contains(g)
        })
}

/// Whether a name begins with a word of an army's or a police force's name («الجيش السوري»،
/// «قيادة عمليات كركوك»، «الشرطة الاتحادية»).
fn begins_as_force(lex: &Lexicon, name: &str) -> bool {
    crate::text::fold_str(name)
        .split(' ')
        .next()
        .is_some_and(|w| lex.is(Fw::ArmyWord, w) || lex.is(Fw::PoliceWord, w))
}

/// Whether an armed group is a state's force: its gazetteer name, or a new one's key, begins with
/// an army or police word.
fn state_force(lex: &Lexicon, e: &EntityRef) -> bool {
    match e {
        EntityRef::Known(g) => begins_as_force(lex, &lex.gazetteer[*g].name_ar),
        EntityRef::New { key, .. } => begins_as_force(lex, key),
    }
}

/// The armed group an article is about: of the armed groups it names that are not a state's
/// forces (no army or police word begins the name), the one it names most, first named on a tie.
fn main_insurgent(lex: &Lexicon, mentions: &[crate::model::Mention]) -> Option<EntityRef> {
    let state_force =
        |e: &EntityRef, label: &str| state_force(lex, e) || begins_as_force(lex, label);
    let mut counts: Vec<(EntityRef, usize)> = Vec::new();
    for m in mentions {
        if lex.class_of(&m.entity) != Class::ArmedGroup || state_force(&m.entity, &m.label) {
            continue;
        }
        match counts.iter_mut().find(|(e, _)| *e == m.entity) {
            Some(c) => c.1 += 1,
            None => counts.push((m.entity.clone(), 1)),
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (e, _))| e.clone())
}

/// «السجن يضم نحو 5000 معتقل»: detainees of a prison, whose group the article does not say,
/// are members of the armed group that attacked the prison.
/// (Only detainees counted as such, «5000 معتقل»: not children a prison holds, «600 ممن تقل
/// أعمارهم عن 18 عاماً».)
fn detainees_of_the_group(
    lex: &Lexicon,
    text: &Text,
    quantities: &mut [crate::model::Quantity],
    events: &[crate::model::Event],
) {
    let detainees = |i: usize| counted_as(lex, text, i, crate::vocab::Measure::Held);
    for q in quantities.iter_mut() {
        let in_prison = q
            .about
            .as_ref()
            .is_some_and(|a| lex.class_of(a) == Class::Prison);
        let counted = detainees(q.tokens.1) || detainees(q.tokens.1.saturating_sub(1));
        if q.group.is_none() && q.measure == crate::vocab::Measure::Held && in_prison && counted {
            // (the group that attacked the prison to free them, where the article tells of it)
            let prison = q.about.as_ref();
            q.group = events
                .iter()
                .filter(|e| e.class == crate::vocab::EventClass::Attack)
                .filter(|e| prison.is_some_and(|p| e.targets.contains(p) || e.places.contains(p)))
                .flat_map(|e| e.agents.iter())
                .find(|a| lex.class_of(a) == Class::ArmedGroup)
                .cloned();
        }
    }
}

/// «هاجمت نقاطاً للأمن العام، ما أدى إلى استشهاد عنصرين»: a casualty figure counting members
/// («عنصرين»، «مقاتلين»، «حراس») of no group named is of the armed group the attack told before
/// it was aimed at (of several, the one named last before the figure in its sentence, else
/// last before it), or of the force that holds the prison or camp it was aimed at.
fn members_of_the_attacked(
    lex: &Lexicon,
    text: &Text,
    mentions: &[crate::model::Mention],
    relations: &[(EntityRef, crate::vocab::Relation, EntityRef)],
    quantities: &mut [crate::model::Quantity],
    events: &[crate::model::Event],
) {
    use crate::vocab::Measure::*;
    for q in quantities.iter_mut() {
        if q.group.is_some() || !q.measure.is_casualty() {
            continue;
        }
        // the noun after the figure, or the figure itself («عنصرين»), or a noun of membership
        // after «من» («اثنين من الحراس»)
        let is_member = |noun: usize| counted_as(lex, text, noun, Fighters);
        let noun = q.tokens.1;
        let open = |x: usize| x < text.tokens.len() && !text.tokens[x].hard_before;
        let of_members = open(noun)
            && open(noun + 1)
            && text.word(noun) == affixes::affixes().min
            && text.readings(noun + 1).iter().any(|r| {
                let bare = affixes::affixes().bare(&r.word, 3).unwrap_or(&r.word);
                r.skip == 0 && (lex.members.contains(bare) || is_member(noun + 1))
            });
        let members = (open(noun) && is_member(noun)) || is_member(noun - 1) || of_members;
        let Some(e) = told_before(events, q.start) else {
            continue;
        };
        // the attackers' own count of whom they killed («والحركة تزعم قتل 47»، «زاعمة أن
        // مقاتليها قتلوا 15 شرطياً») counts the side they attacked
        let claimed = q.reported_by.as_ref().is_some_and(|s| e.agents.contains(s));
        // «هجوم … على نقطة للحشد الشعبي … إلى أربعة شهداء وثلاثة جرحى»: the toll of an attack
        // told in its own sentence, by a noun of the toll itself, counts the side attacked
        let toll_noun = e.sentence == q.sentence
            && open(noun)
            && text.readings(noun).iter().any(|r| {
                lex.measures
                    .get(&[r.word.as_str()])
                    .is_some_and(|p| p.value.measure == q.measure)
            });
        if !(members || claimed || toll_noun) {
            continue;
        }
        let targets: Vec<&EntityRef> = e
            .targets
            .iter()
            .filter(|t| lex.class_of(t) == Class::ArmedGroup)
            .collect();
        let last_named = |same_sentence: bool| {
            mentions
                .iter()
                .filter(|m| m.end <= q.start && targets.contains(&&m.entity))
                .filter(|m| !same_sentence || text.tokens[m.tokens.0].sentence == q.sentence)
                .max_by_key(|m| m.start)
                .map(|m| m.entity.clone())
        };
        let target = match targets[..] {
            [] => None,
            [t] => Some(t.clone()),
            _ => last_named(true).or_else(|| last_named(false)),
        };
        if target.is_some() {
            q.group = target;
            continue;
        }
        // an attack on a prison or camp: its guards are of the force that holds it
        let holder = e
            .targets
            .iter()
            .chain(&e.places)
            .filter(|t| matches!(lex.class_of(t), Class::Prison | Class::Camp))
            .find_map(|site| {
                relations
                    .iter()
                    .find(|(_, r, o)| *r == crate::vocab::Relation::Controls && o == site)
                    .map(|(s, _, _)| s.clone())
            });
        if holder.is_some() && members {
            q.group = holder;
        }
    }
}

/// «أعلن الجيش مقتل خمسة جنود»، «استشهاد ثلاثة من مقاتلينا»: a casualty figure of soldiers, or
/// of «our» members, that names no group is of the armed force that states it, itself or
/// through its spokesman, commander or official — unless, for soldiers, that force attacked
/// in the article (an attacker's count of soldiers counts the side it attacked).
fn the_speakers_own(
    lex: &Lexicon,
    insurgent: Option<&EntityRef>,
    relations: &[(EntityRef, crate::vocab::Relation, EntityRef)],
    quantities: &mut [crate::model::Quantity],
    events: &[crate::model::Event],
    text: &Text,
) {
    use crate::vocab::Relation::*;
    let af = affixes::affixes();
    let open = |x: usize| x < text.tokens.len() && !text.tokens[x].hard_before;
    let soldier = |x: usize| open(x) && lex.role_at(text, x, Fw::Soldier);
    let ours = |x: usize| {
        x < text.tokens.len()
            && text
                .word(x)
                .strip_suffix(af.our.as_str())
                .is_some_and(|stem| lex.members.contains(stem))
    };
    let force = |e: &EntityRef| lex.class_of(e) == Class::ArmedGroup;
    // (nor the armed group the article is about: «زعمت حركة الشباب أن مقاتليها قتلوا 27 جندياً»)
    let attacked_someone = |g: &EntityRef| attacks(g, insurgent, events);
    for q in quantities.iter_mut() {
        if q.group.is_some() || !q.measure.is_casualty() {
            continue;
        }
        let noun = q.tokens.1;
        let partitive = open(noun) && text.word(noun) == af.min;
        let (is_soldiers, is_ours) = if partitive {
            (soldier(noun + 1), ours(noun + 1))
        } else {
            (soldier(noun), ours(noun))
        };
        if !(is_soldiers || is_ours) {
            continue;
        }
        let Some(speaker) = &q.reported_by else {
            continue;
        };
        let org = if force(speaker) {
            Some(speaker.clone())
        } else if lex.class_of(speaker) == Class::Person {
            relations
                .iter()
                .find(|(s, r, o)| {
                    s == speaker
                        && matches!(r, SpokespersonOf | CommanderOf | OfficialOf | HeadOf)
                        && force(o)
                })
                .map(|(_, _, o)| o.clone())
        } else {
            None
        };
        if let Some(org) = org.filter(|g| is_ours || !attacked_someone(g)) {
            q.group = Some(org);
        }
    }
}

/// «وزعم التنظيم مقتل خمسة من "المرتدين"»، «وتزعم الحركة قتل 12 جندياً»: a casualty figure of no
/// group that the attacking group states (the armed group the article is about, or one that
/// attacked in it) counts the side it fights, not its own — the group of the casualty figure
/// told last before it of another armed group, else the one armed group the event told before
/// it was aimed at. (Not its own dead: «نعى التنظيم ثلاثة من مقاتليه».)
fn claimed_against_the_enemy(
    lex: &Lexicon,
    text: &Text,
    insurgent: Option<&EntityRef>,
    quantities: &mut [crate::model::Quantity],
    events: &[crate::model::Event],
) {
    use crate::vocab::Measure::*;
    let af = affixes::affixes();
    let attacker = |g: &EntityRef| attacks(g, insurgent, events);
    let casualty = |q: &crate::model::Quantity| matches!(q.measure, Killed | Injured | Captured);
    // (a noun with a possessive, «مقاتليه»، «عناصرنا», counts the speaker's own)
    let own = |x: usize| {
        x < text.tokens.len()
            && !text.tokens[x].hard_before
            && af
                .before_pronoun(text.word(x))
                .any(|stem| lex.members.contains(stem))
    };
    for k in 0..quantities.len() {
        let q = &quantities[k];
        let Some(speaker) = q.reported_by.clone() else {
            continue;
        };
        if q.group.is_some()
            || !casualty(q)
            || lex.class_of(&speaker) != Class::ArmedGroup
            || !attacker(&speaker)
        {
            continue;
        }
        let noun = q.tokens.1;
        let partitive = noun < text.tokens.len() && text.word(noun) == af.min;
        if own(noun) || (partitive && own(noun + 1)) {
            continue;
        }
        let before = quantities[..k]
            .iter()
            .rev()
            .filter(|o| casualty(o))
            .find_map(|o| {
                o.group
                    .clone()
                    .filter(|g| *g != speaker && lex.class_of(g) == Class::ArmedGroup)
            });
        let target = || {
            let mut armed = told_before(events, q.start)?
                .targets
                .iter()
                .filter(|t| **t != speaker && lex.class_of(t) == Class::ArmedGroup);
            match (armed.next(), armed.next()) {
                (Some(t), None) => Some(t.clone()),
                _ => None,
            }
        };
        if let Some(g) = before.or_else(target) {
            quantities[k].group = Some(g);
        }
    }
}

/// «قتل خمسة جنود» in an article that names no army: soldiers of no group named are of the army
/// of the article's country, where the gazetteer lists one army for it (a name with an army word
/// and the country's nisba: «الجيش النيجيري»، «القوات المسلحة المالية»).
fn soldiers_of_the_country(
    lex: &Lexicon,
    text: &Text,
    mentions: &[crate::model::Mention],
    quantities: &mut [crate::model::Quantity],
) {
    let af = affixes::affixes();
    let soldiers = |q: &crate::model::Quantity| {
        let noun = q.tokens.1;
        let at = if noun < text.tokens.len() && text.word(noun) == af.min {
            noun + 1
        } else {
            noun
        };
        q.group.is_none()
            && q.measure.is_casualty()
            && at < text.tokens.len()
            && !text.tokens[at].hard_before
            && lex.role_at(text, at, Fw::Soldier)
    };
    // (the gazetteer is searched only for an article that has such a figure)
    if !quantities.iter().any(soldiers) {
        return;
    }
    let Some(country) = crate::extract::recognize::article_country(lex, mentions) else {
        return;
    };
    let armies: Vec<usize> = lex
        .gazetteer
        .iter()
        .enumerate()
        .filter(|(_, g)| g.class == Class::ArmedGroup && g.within.contains(&country))
        .filter(|(_, g)| {
            let name = crate::text::fold_str(&g.name_ar);
            name.split(' ').any(|w| lex.is(Fw::ArmyWord, w))
                && name.split(' ').any(|w| {
                    lex.demonyms
                        .get(w)
                        .is_some_and(|c| c.as_deref() == Some(country.as_str()))
                })
        })
        .map(|(i, _)| i)
        .collect();
    let [army] = armies[..] else {
        return;
    };
    for q in quantities.iter_mut() {
        if soldiers(q) {
            q.group = Some(EntityRef::Known(army));
        }
    }
}

/// «مقتل ثلاثة عناصر وإصابة أربعة آخرين»، «وقتلوا ثلاثة منهم»: a figure of «others», or «of
/// them», is of the group of the figure before it in its sentence, also where a pass above gave
/// that figure its group.
fn others_of_the_figure_before(
    lex: &Lexicon,
    text: &Text,
    quantities: &mut [crate::model::Quantity],
) {
    for k in 0..quantities.len() {
        let q = &quantities[k];
        let noun = q.tokens.1;
        // («وقتلوا ثلاثة منهم» after «خمسة مسلحين هاجموا»: of them, whose a pass above said)
        let af = affixes::affixes();
        let of_them = |w: &str| af.with_pronoun(w, &af.min);
        if q.group.is_some()
            || q.unit.is_some()
            || noun >= text.tokens.len()
            || text.tokens[noun].hard_before
            || !(lex.is(Fw::Others, text.word(noun)) || of_them(text.word(noun)))
        {
            continue;
        }
        // (more of the dead or wounded, not of those held: «قُتل خمسة من حراس السجن الذي يضم
        // مئات من عناصر التنظيم، وأصيب ثلاثة آخرون»)
        use crate::vocab::Measure::*;
        // («وقتلوا ثلاثة منهم» after «خمسة مسلحين هاجموا»: of them, whatever they were counted as)
        let others = lex.is(Fw::Others, text.word(noun));
        let group = quantities
            .iter()
            .filter(|o| {
                o.sentence == q.sentence
                    && o.tokens.1 <= q.tokens.0
                    && !matches!(o.measure, Duration | Other)
                    && (!(others && q.measure.is_casualty()) || o.measure.is_casualty())
            })
            .max_by_key(|o| o.tokens.1)
            .and_then(|o| o.group.clone());
        if group.is_some() {
            quantities[k].group = group;
        }
    }
}

/// A date from metadata: `YYYY-MM-DD` (anything after it, as in an ISO 8601 time stamp, is
/// ignored), `YYYY-MM` or `YYYY`.
pub fn meta_date(s: &str) -> Option<DateValue> {
    let s = s.trim();
    let head: String = s.chars().take(10).collect();
    if let Ok(d) = NaiveDate::parse_from_str(&head, "%Y-%m-%d") {
        return Some(DateValue::Day(d));
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 => y.parse().ok().map(DateValue::Year),
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let (y, m) = (y.parse().ok()?, m.parse().ok()?);
            (1..=12).contains(&m).then_some(DateValue::Month(y, m))
        }
        _ => None,
    }
}

/// The media outlet a metadata name denotes, when the gazetteer knows it by that name (Arabic
/// or English, any case).
pub fn outlet_ref(lex: &Lexicon, name: &str) -> Option<EntityRef> {
    let key = crate::text::fold_str(name.trim());
    let words: Vec<&str> = key.split(' ').collect();
    lex.names
        .starting_with(words[0])
        .iter()
        .find(|p| p.words == words && lex.gazetteer[p.value.entity].class == Class::MediaOutlet)
        .map(|p| EntityRef::Known(p.value.entity))
}

/// Line number of each token.
fn token_lines(text: &Text) -> Vec<usize> {
    let mut line = 0;
    let mut pos = 0;
    text.tokens
        .iter()
        .map(|t| {
            line += text.norm.chars[pos..t.start]
                .iter()
                .filter(|&&c| c == '\n')
                .count();
            pos = t.start;
            line
        })
        .collect()
}

fn line_start(lines: &[usize], i: usize) -> usize {
    let mut s = i;
    while s > 0 && lines[s - 1] == lines[i] {
        s -= 1;
    }
    s
}

/// (publication date, the dateline date if that is where it came from).
fn publication_date(
    lex: &Lexicon,
    text: &Text,
    dates: &[DateMention],
    lines: &[usize],
    title_line: usize,
) -> (Option<DateMention>, Option<DateMention>) {
    let words = |i: usize, back: usize| -> Vec<&str> {
        (i.saturating_sub(back)..i)
            .map(|x| text.tokens[x].text.as_str())
            .collect()
    };
    // «تم النشر: 2022/01/28»
    if let Some(d) = dates
        .iter()
        .find(|d| words(d.first, 3).iter().any(|w| lex.is(Fw::Published, w)))
    {
        return (Some(d.clone()), None);
    }
    // a dateline: a full date at the start of one of the first lines after the headline (or
    // after another calendar's date there: «الأحد 22 ربيع الأول 1447 هـ - الموافق 14 سبتمبر»)
    for d in dates {
        let line = lines[d.first];
        let explicit = !d.inferred;
        let start = line_start(lines, d.first);
        // (the Gregorian date ends the line: a date line, not a sentence)
        let ends_line = d.last >= lines.len() || lines[d.last] != line;
        let corresponding = d.first > start
            && ends_line
            && lex.is(Fw::CalendarLink, &text.tokens[d.first - 1].text);
        if explicit
            && line > title_line
            && line <= title_line + 3
            && (d.first - start <= 6 || corresponding && d.first - start <= 12)
        {
            return (Some(d.clone()), Some(d.clone()));
        }
    }
    // «صباح اليوم الجمعة 23 كانون الثاني»: today is that date
    if let Some(d) = dates.iter().find(|d| {
        d.first > 0
            && lex.is(Fw::Today, &text.tokens[d.first - 1].text)
            && matches!(d.value, DateValue::Day(_))
    }) {
        return (Some(d.clone()), None);
    }
    (None, None)
}

/// The masthead: the first line after the headline when it is short, holds no date, no number
/// and no function word, and the publication date follows within two lines («الأفق نيوز»،
/// «مجلة المرصد الأفريقي - تحليل»: the part before a dash). A line naming only a place or a
/// person is a dateline or a byline, not an outlet.
fn masthead(
    lex: &Lexicon,
    doc: &Document,
    text: &Text,
    rec: &mut Recognized,
    lines: &[usize],
    title_line: usize,
    dates: &[DateMention],
) -> Option<usize> {
    let s = (0..lines.len()).find(|&i| lines[i] > title_line)?;
    let line = lines[s];
    let mut e = s;
    while e < lines.len() && lines[e] == line {
        e += 1;
    }
    // cut at a dash, a bar or a comma (the Arabic comma is folded to «,»): «قناة الساعة -
    // تغطية مباشرة»
    let gap = |i: usize| -> bool {
        text.norm.chars[text.tokens[i - 1].end..text.tokens[i].start]
            .iter()
            .any(|c| matches!(c, '-' | '|' | '—' | '–' | ':' | ','))
    };
    let cut = (s + 1..e).find(|&i| gap(i)).unwrap_or(e);
    let date_follows = dates
        .iter()
        .any(|d| !d.inferred && lines[d.first] > line && lines[d.first] <= line + 3);
    let date_here = dates.iter().any(|d| lines[d.first] == line);
    let clean = (s..cut).all(|i| {
        let w = &text.tokens[i].text;
        !lex.is_stop(w) && !w.chars().any(|c| c.is_numeric())
    });
    if !date_follows || date_here || !clean || cut - s > 4 || e - s > 7 {
        return None;
    }
    // a known organisation spanning it, or a place alone: decided by what is there
    if let Some(i) = rec.mentions.iter().position(|m| m.tokens == (s, cut)) {
        let family = lex.class_of(&rec.mentions[i].entity).family();
        return (family == crate::vocab::Family::Organization).then_some(i);
    }
    if rec
        .mentions
        .iter()
        .any(|m| m.tokens.0 < cut && m.tokens.1 > s && m.kind != MentionKind::Name)
    {
        return None;
    }
    let (start, end) = text.orig_span(doc, s, 0, cut);
    let label = crate::extract::recognize::clean_label(&doc.slice(start, end));
    // a known outlet the masthead names without its head («الشرق الأوسط»: «صحيفة الشرق الأوسط»)
    let words: Vec<&str> = (s..cut).map(|i| text.tokens[i].text.as_str()).collect();
    let known = lex
        .heads
        .iter()
        .filter(|(_, h)| h.class == Class::MediaOutlet)
        .flat_map(|(w, _)| lex.names.starting_with(w))
        .filter(|n| n.words.len() == words.len() + 1 && n.words[1..] == words[..])
        .map(|n| n.value.entity)
        .filter(|&g| lex.gazetteer[g].class == Class::MediaOutlet)
        .min();
    let entity = match known {
        Some(g) => EntityRef::Known(g),
        None => EntityRef::New {
            class: Class::MediaOutlet,
            key: new_key(Class::MediaOutlet, &label),
        },
    };
    let m = Mention {
        start,
        end,
        tokens: (s, cut),
        entity,
        kind: MentionKind::Name,
        label,
        role: None,
        also: None,
        part_of: None,
    };
    Some(rec.replace_span(m))
}

fn is_outlet(lex: &Lexicon, m: &Mention) -> bool {
    lex.class_of(&m.entity) == Class::MediaOutlet
}

/// The top of an article: where its lines are, which is the headline, its dates.
struct Top<'a> {
    lines: &'a [usize],
    title_line: usize,
    dateline: Option<&'a DateMention>,
    dates: &'a [DateMention],
}

fn publisher(
    lex: &Lexicon,
    doc: &Document,
    text: &Text,
    rec: &mut Recognized,
    top: &Top,
) -> Option<usize> {
    let (lines, title_line, dateline) = (top.lines, top.title_line, top.dateline);
    // a line that is nothing but an outlet's name, near the top
    for (i, m) in rec.mentions.iter().enumerate() {
        if m.kind != MentionKind::Name || !is_outlet(lex, m) {
            continue;
        }
        let line = lines[m.tokens.0];
        let whole = (m.tokens.0 == 0 || lines[m.tokens.0 - 1] != line)
            && (m.tokens.1 >= lines.len() || lines[m.tokens.1] != line);
        if whole && line <= title_line + 4 {
            return Some(i);
        }
    }
    // a masthead: a short line of its own between the headline and the publication date
    if let Some(i) = masthead(lex, doc, text, rec, lines, title_line, top.dates) {
        return Some(i);
    }
    // a dateline: «OUTLET -CITY- DATE» or «CITY (PROVINCE) – «OUTLET» – DATE»
    if let Some(d) = dateline {
        let mut s = line_start(lines, d.first);
        let mut e = d.first;
        let place = |m: &Mention| lex.class_of(&m.entity).family() == crate::vocab::Family::Place;
        // drop the dateline's places, after the outlet or before it
        while let Some(m) = rec
            .mentions
            .iter()
            .find(|m| m.tokens.1 == e && m.tokens.0 >= s && lex.class_of(&m.entity) == Class::City)
        {
            e = m.tokens.0;
        }
        // a place before the outlet is cut off by a dash or a bracket
        let cut = |m: &Mention| {
            doc.chars[m.end..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| matches!(c, '-' | '–' | '—' | '(' | ')'))
        };
        while let Some(m) = rec
            .mentions
            .iter()
            .find(|m| m.tokens.0 == s && m.tokens.1 < e && place(m) && cut(m))
        {
            s = m.tokens.1;
        }
        // «آخر تحديث: …» says when, not who
        let word = |i: usize| {
            let w = &text.tokens[i].text;
            !lex.is_stop(w) && !lex.is(Fw::Published, w)
        };
        if e > s && e - s <= 4 && (s..e).all(word) {
            if let Some(i) = rec.mentions.iter().position(|m| {
                m.tokens == (s, e)
                    && lex.class_of(&m.entity).family() == crate::vocab::Family::Organization
            }) {
                return Some(i);
            }
            let (start, end) = text.orig_span(doc, s, 0, e);
            let label = crate::extract::recognize::clean_label(&doc.slice(start, end));
            let m = Mention {
                start,
                end,
                tokens: (s, e),
                entity: EntityRef::New {
                    class: Class::MediaOutlet,
                    key: new_key(Class::MediaOutlet, &label),
                },
                kind: MentionKind::Name,
                label,
                role: None,
                also: None,
                part_of: None,
            };
            return Some(rec.replace_span(m));
        }
    }
    // statements made «لـ«المجلة»» again and again: the outlet publishing them
    let mut counts: HashMap<&EntityRef, (usize, usize)> = HashMap::default();
    for (i, m) in rec.mentions.iter().enumerate() {
        if !is_outlet(lex, m) {
            continue;
        }
        let t = m.tokens.0;
        let li = affixes().li.as_str();
        let clitic = text.tokens[t].text.starts_with(li) && text.chars_before(t, m.start) > 0;
        let before = t > 0 && text.tokens[t - 1].text == li;
        if clitic || before {
            let c = counts.entry(&m.entity).or_insert((0, i));
            c.0 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, _))| *n >= 2)
        .max_by_key(|(_, (n, i))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (_, i))| i)
}
