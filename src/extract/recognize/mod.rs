//! Mentions: where an article names an entity. Gazetteer names (with clitics stripped), head-noun
//! patterns (سجن X، مدينة X، منظمة X), people after titles and speech verbs, then anaphors
//! (السجن), surnames alone after a speech verb, and naming equivalences (المعروف باسم).
//!
//! Extraction does no I/O; spans are original code points.

mod anaphora;
mod containment;
mod equivalence;
mod gazetteer;
mod heads;
mod people;
mod relations;

pub(crate) use anaphora::article_country;
use containment::{
    containment, framed_containment, known_containment, reverse_containment, sites_in_their_towns,
};
use equivalence::equivalences;
pub use gazetteer::is_dateline;
use gazetteer::{cand_word, evident_countries, foreign_town};
use relations::{
    attached_relations, control_relations, minister_relations, phrase_relations,
    possessive_relations, role_relations, run_by_control, subject_to_control, unit_relations,
};

use crate::model::{new_key, person_key, EntityRef, Mention, MentionKind, Recognized, Role};
use crate::text::{affixes, Reading};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::{Fw, Head, HeadRule, Lexicon, RelationPhrase};
use crate::text::{fold_str, is_mark, Document, Text};
use crate::vocab::{Class, Family, Relation};

/// A first name more frequent than this as a word is not taken for a name (unless listed in
/// `given-names.tsv`).
const FIRST_NAME_ZIPF: f32 = 3.6;
/// After a title, a first name may be this frequent as a word, when a second name follows.
const TITLED_FIRST_NAME_ZIPF: f32 = 5.0;
/// The same for the following parts of a name.
const SURNAME_ZIPF: f32 = 4.2;
/// The frequency of the word behind a proclitic that ends a person's name («بإرسال»).
const NAME_ENDING_CLITIC_WORD_ZIPF: f32 = 4.0;
/// Priorities when two readings cover the same words (lower wins).
const PRIO_HEAD_KNOWN: u8 = 0;
const PRIO_GAZETTEER: u8 = 1;
const PRIO_HEAD_NEW: u8 = 2;
const PRIO_TITLE: u8 = 3;
const PRIO_SPEECH: u8 = 4;
const PRIO_REFERENCE: u8 = 5;

/// A relation the text states between two entities.
type Stated = (EntityRef, Relation, EntityRef);

#[derive(Debug, Clone)]
struct Cand {
    a: usize,
    b: usize,
    skip: usize,
    restore: String,
    entity: EntityRef,
    prio: u8,
    needs_context: bool,
    weak_context: bool,
    head_context: bool,
    role: Option<(Role, Vec<EntityRef>)>,
    /// Another name the text implies (`Mention::also`).
    label: Option<String>,
    /// The organisation its name says it belongs to (`Mention::part_of`).
    part_of: Option<EntityRef>,
    /// Another entity its name names, whose reading stays inside it (`Recognized::inner`):
    /// the camp of «إدارة مخيم الهول».
    names_also: Option<EntityRef>,
    /// `label` is the name itself, not another name beside the text's: the span is only part
    /// of it («المستشفى الإقليمي» of «المستشفى الإقليمي في مدينة ديفا»).
    full_label: bool,
}

impl Cand {
    /// A reading of tokens [a, b) with no context flags.
    fn new(a: usize, b: usize, skip: usize, entity: EntityRef, prio: u8) -> Self {
        Cand {
            a,
            b,
            skip,
            restore: String::new(),
            entity,
            prio,
            needs_context: false,
            weak_context: false,
            head_context: false,
            role: None,
            label: None,
            part_of: None,
            names_also: None,
            full_label: false,
        }
    }
}

/// A display label: no diacritics, tatweel, quotes or control characters; single spaces.
pub fn clean_label(s: &str) -> String {
    let quote = |c: char| matches!(c, '«' | '»' | '“' | '”' | '"' | '„' | '(' | ')');
    // «لـ«قسد»»: a quote after a drawn-out proclitic joins it to the name («لقسد»)
    let chars: Vec<char> = s.chars().collect();
    let s: String = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| !(quote(c) && i > 0 && chars[i - 1] == '\u{0640}'))
        .map(|(_, &c)| c)
        .filter(|&c| !is_mark(c) && !crate::text::normalize::is_control(c))
        .map(|c| if quote(c) { ' ' } else { c })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Ctx<'a> {
    lex: &'a Lexicon,
    doc: &'a Document,
    text: &'a Text,
}

impl Ctx<'_> {
    fn tok(&self, i: usize) -> &str {
        self.text.word(i)
    }

    fn n(&self) -> usize {
        self.text.tokens.len()
    }

    /// Whether token i carries the article, read on the original letters: «إلهام» folds to
    /// «الهام» but has none.
    fn definite_at(&self, i: usize) -> bool {
        let t = &self.text.tokens[i];
        let af = affixes();
        t.text.starts_with(af.article.as_str())
            && af
                .article_alifs
                .contains(&self.doc.chars[self.text.norm.map[t.start]])
    }

    /// A function word, read on the original letters where folding made two words one: «علي»
    /// (the name) is not «على» (the preposition).
    fn stop_at(&self, i: usize) -> bool {
        let t = &self.text.tokens[i];
        if !self.lex.is_stop(&t.text) {
            return false;
        }
        let last = self.text.norm.map[t.end - 1];
        let ya = affixes().final_ya;
        !(t.text.ends_with(ya)
            && self.doc.chars[last] == ya
            && self.lex.given_names.contains(&t.text))
    }

    /// Original text of tokens [a, b) minus `skip` leading chars, as a label.
    fn label(&self, a: usize, skip: usize, b: usize, restore: &str) -> String {
        let (s, e) = self.text.orig_span(self.doc, a, skip, b);
        clean_label(&format!("{restore}{}", self.doc.slice(s, e)))
    }

    fn capitalized(&self, i: usize) -> bool {
        let t = &self.text.tokens[i];
        let o = self.text.norm.map[t.start];
        self.doc.chars[o].is_uppercase()
    }

    /// A word written with the accusative tanwin («برياً»، «نائباً»): an adverb or a predicate,
    /// never a word of a name.
    fn adverbial(&self, i: usize) -> bool {
        let t = &self.text.tokens[i];
        let (s, e) = (
            self.text.norm.map[t.start],
            self.text.norm.map[t.end - 1] + 1,
        );
        self.doc.chars[s..(e + 1).min(self.doc.chars.len())].contains(&'\u{64B}')
    }

    /// The characters between token t and the one before it (spaces, punctuation, quotes).
    fn gap_before(&self, t: usize) -> &[char] {
        &self.text.norm.chars[self.text.tokens[t - 1].end..self.text.tokens[t].start]
    }

    /// Whether a comma stands right before token t (the Arabic comma is folded to «,»).
    fn comma_before(&self, t: usize) -> bool {
        t > 0 && self.gap_before(t).contains(&',')
    }

    /// Quotes that set off a name: any organisation's, and a place's that is no common word
    /// («"الباب"»، «لـ"المجلة"»), not a word quoted for emphasis («إعلان "النصر"»).
    fn quoted_place(&self, c: &Cand) -> bool {
        self.quoted(c)
            && (self.lex.class_of(&c.entity).family() != Family::Place
                || !cand_word(self, c).is_some_and(|w| {
                    self.lex.is_common(&w)
                        || w.strip_prefix(affixes().article.as_str())
                            .is_some_and(|bare| self.lex.is_common(bare))
                }))
    }

    fn quoted(&self, c: &Cand) -> bool {
        self.quoted_span(c.a, c.skip, c.b)
    }

    /// Whether quotes stand right around tokens [a, b), the first from its char `skip`.
    fn quoted_span(&self, a: usize, skip: usize, b: usize) -> bool {
        let chars = &self.text.norm.chars;
        let s = self.text.tokens[a].start + skip;
        let e = self.text.tokens[b - 1].end;
        let before = chars[..s].iter().rev().find(|c| !c.is_whitespace());
        let after = chars[e..].iter().find(|c| !c.is_whitespace());
        before == Some(&'"') && after == Some(&'"')
    }

    /// A place name after a preposition or a place noun: «في حماة»، «بحماة»، «ريف حماة».
    fn place_context(&self, c: &Cand) -> bool {
        if self.lex.class_of(&c.entity).family() != Family::Place {
            return false;
        }
        if c.skip > 0 && self.tok(c.a).starts_with(affixes().bi.as_str()) {
            return true;
        }
        // (also through «و»: «وفي رفح»)
        let before = |w: &str| {
            self.lex.is(Fw::PlaceContext, w)
                || w.strip_prefix(affixes().conj.as_str())
                    .is_some_and(|w| self.lex.is(Fw::PlaceContext, w))
        };
        c.a > 0 && !self.text.tokens[c.a].hard_before && before(self.tok(c.a - 1))
    }

    fn mention(&self, c: &Cand, kind: MentionKind) -> Mention {
        let (start, end) = self.text.orig_span(self.doc, c.a, c.skip, c.b);
        // «مخيم ران للنازحين»: the camp's name with its epithet is a name of it too
        let epithet = (kind == MentionKind::Name
            && c.label.is_none()
            && self.lex.class_of(&c.entity) == Class::Camp
            && c.b < self.n()
            && !self.text.tokens[c.b].hard_before
            && self.lex.is(Fw::CampEpithet, self.tok(c.b)))
        .then(|| self.label(c.a, c.skip, c.b + 1, &c.restore));
        Mention {
            start,
            end,
            tokens: (c.a, c.b),
            entity: c.entity.clone(),
            kind,
            label: match (&c.label, c.full_label) {
                (Some(l), true) => l.clone(),
                _ => self.label(c.a, c.skip, c.b, &c.restore),
            },
            role: c.role.clone(),
            also: c.label.clone().filter(|_| !c.full_label).or(epithet),
            part_of: c.part_of.clone(),
        }
    }
}

/// Whether `c`'s title says more of the person than `o`'s: a title where `o` has none, or one
/// naming organisations where `o`'s names none («رئيس مجلس السيادة» before «الفريق أول»), or an
/// office where `o`'s is a rank.
fn better_role(o: &Cand, c: &Cand) -> bool {
    let orgs = |x: &Cand| x.role.as_ref().map(|(_, orgs)| orgs.len());
    match (orgs(o), orgs(c)) {
        (None, Some(_)) => true,
        (Some(0), Some(n)) if n > 0 => true,
        // «المتحدث باسم …، العقيد X»: a title of office says more than a rank
        (Some(a), Some(b)) if a == b => {
            let role = |x: &Cand| x.role.as_ref().map(|(r, _)| *r);
            role(o) == Some(Role::None) && role(c).is_some_and(|r| r != Role::None)
        }
        _ => false,
    }
}

/// Recognizes the mentions of one analysed article.
pub fn recognize(lex: &Lexicon, doc: &Document, text: &Text) -> Recognized {
    let cx = Ctx { lex, doc, text };
    let cands = candidates(&cx);
    let (mut mentions, mut taken, inner) = choose(&cx, cands);
    sites_end_with_their_adjectives(&cx, &mut mentions, &mut taken);
    outlets_by_their_word(&cx, &mut mentions);
    // (a name inside another is an antecedent too: «إدارة مخيم روج … يقطن المخيم»)
    let mut antecedents: Vec<Mention> = mentions.iter().chain(&inner).cloned().collect();
    antecedents.sort_by_key(|m| (m.start, m.end));
    let extra = anaphora::references(&cx, &taken, &antecedents);
    mentions.extend(extra);
    mentions.sort_by_key(|m| (m.start, m.end));
    surnames(lex, &mut mentions);
    titles_name_the_bodies_found(&mut mentions);
    bodies_of_the_division_named(lex, &mut mentions);

    let same = equivalences(&cx, &mentions);
    let (mut located_in, rural) = containment(&cx, &mentions);
    located_in.extend(reverse_containment(&cx, &mentions));
    located_in.extend(known_containment(&cx, &mentions));
    located_in.extend(framed_containment(&cx, &mentions));
    let mut relations = role_relations(&cx, &mentions);
    relations.extend(phrase_relations(&cx, &mentions, &inner, &located_in));
    relations.extend(attached_relations(&cx, &mentions));
    relations.extend(possessive_relations(&cx, &mentions));
    relations.extend(control_relations(&cx, &mentions));
    relations.extend(minister_relations(&cx, &mentions));
    relations.extend(subject_to_control(&cx, &mentions));
    relations.extend(run_by_control(&cx, &mentions));
    relations.extend(unit_relations(&cx, &mentions));
    relations.extend(rural);
    relations.extend(sites_in_their_towns(lex, &mentions, &inner));
    relations.sort();
    relations.dedup();
    Recognized {
        mentions,
        same,
        located_in,
        relations,
        inner,
    }
}

/// The folded words of a name's label («وزارة الصحة العامة» → «وزاره»، «الصحه»، «العامه»).
/// «وكالة السرو للأنباء» … «لـ«السرو»»: an outlet's own word, quoted, is the outlet, not the
/// town of that name elsewhere (السرو in Egypt, عرعر in Saudi Arabia).
fn outlets_by_their_word(cx: &Ctx, mentions: &mut [Mention]) {
    let article = affixes().article.as_str();
    // each outlet named, and its word: the first definite word of its name that is no head noun
    let outlets: Vec<(EntityRef, String)> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name && cx.lex.class_of(&m.entity) == Class::MediaOutlet)
        .filter_map(|m| {
            let word = m
                .label
                .split_whitespace()
                .map(crate::text::fold_str)
                .find(|w| w.starts_with(article) && !cx.lex.heads.contains_key(w.as_str()))?;
            Some((m.entity.clone(), word))
        })
        .collect();
    let quoted = |m: &Mention| {
        cx.quoted_span(
            m.tokens.0,
            cx.text.chars_before(m.tokens.0, m.start),
            m.tokens.1,
        )
    };
    for m in mentions.iter_mut() {
        if m.kind != MentionKind::Name
            || cx.lex.class_of(&m.entity).family() != Family::Place
            || !quoted(m)
        {
            continue;
        }
        let label = crate::text::fold_str(&m.label);
        if let Some((outlet, _)) = outlets.iter().find(|(_, w)| *w == label) {
            m.entity = outlet.clone();
        }
    }
}

pub(super) fn label_words(label: &str) -> Vec<String> {
    fold_str(label).split(' ').map(str::to_string).collect()
}

/// A listed site named with the adjectives that end such names («مستشفى الثورة العام»،
/// «مستشفى ابن سينا التخصصي»): the name runs on to them, where nothing else was read there.
fn sites_end_with_their_adjectives(cx: &Ctx, mentions: &mut [Mention], taken: &mut [bool]) {
    for m in mentions.iter_mut() {
        if m.kind != MentionKind::Name
            || !matches!(m.entity, EntityRef::Known(_))
            || !matches!(
                cx.lex.class_of(&m.entity),
                Class::Facility | Class::Prison | Class::Camp
            )
        {
            continue;
        }
        let b = m.tokens.1;
        let end = cx.name_suffixes_end(b);
        if end == b || taken[b..end].iter().any(|&t| t) {
            continue;
        }
        taken[b..end].fill(true);
        let (s, e) = cx.text.orig_span(cx.doc, b, 0, end);
        m.label = clean_label(&format!("{} {}", m.label, cx.doc.slice(s, e)));
        m.tokens.1 = end;
        m.end = e;
    }
}

/// A body a title names («المتحدث باسم قيادة العمليات المشتركة») is the entity its name was
/// read as there (the gazetteer's, where the article gives the context a name needs), not a new
/// one of the same name.
fn titles_name_the_bodies_found(mentions: &mut [Mention]) {
    let found: HashMap<String, EntityRef> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name && matches!(m.entity, EntityRef::Known(_)))
        .map(|m| (fold_str(&m.label), m.entity.clone()))
        .collect();
    for m in mentions.iter_mut() {
        if let Some((_, orgs)) = &mut m.role {
            for o in orgs.iter_mut() {
                if let EntityRef::New { key, .. } = o {
                    if let Some(e) = found.get(key.as_str()) {
                        *o = e.clone();
                    }
                }
            }
        }
    }
}

/// A body named with a definite noun of division where its name stood («قيادة شرطة الولاية»،
/// «مديرية صحة المحافظة») is the one body the article names with that division in full
/// («قيادة شرطة ولاية بلخ»), before or after.
fn bodies_of_the_division_named(lex: &Lexicon, mentions: &mut [Mention]) {
    let article = affixes::affixes().article.as_str();
    fn division<'a>(lex: &Lexicon, article: &str, w: &'a str) -> Option<&'a str> {
        w.strip_prefix(article).filter(|bare| {
            lex.heads.get(*bare).is_some_and(|h| {
                matches!(h.class, Class::Governorate | Class::Region | Class::City)
            })
        })
    }
    for k in 0..mentions.len() {
        let EntityRef::New { class, key } = &mentions[k].entity else {
            continue;
        };
        if class.family() != Family::Organization {
            continue;
        }
        let words: Vec<&str> = key.split(' ').collect();
        let [stem @ .., last] = words.as_slice() else {
            continue;
        };
        let Some(bare) = division(lex, article, last).filter(|_| !stem.is_empty()) else {
            continue;
        };
        let prefix = format!("{} {bare} ", stem.join(" "));
        let mut full: Vec<&EntityRef> = mentions
            .iter()
            .map(|m| &m.entity)
            .filter(|e| match e {
                EntityRef::New {
                    class: c,
                    key: other,
                } => c == class && other.starts_with(&prefix),
                _ => false,
            })
            .collect();
        full.dedup();
        if let [one] = full.as_slice() {
            mentions[k].entity = (*one).clone();
        }
    }
}

/// A person named again by the last words of the name given before («العميد نبيل عبد الله» …
/// «وأوضح عبد الله»): the same person, by a surname of two words or more (one word alone is
/// read among the references).
fn surnames(lex: &Lexicon, mentions: &mut [Mention]) {
    let person = |m: &Mention| lex.class_of(&m.entity) == Class::Person;
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if !person(m) || m.kind != MentionKind::Name || !matches!(m.entity, EntityRef::New { .. }) {
            continue;
        }
        let key = person_key(&m.label);
        let words = key.split(' ').count();
        if words < 2 {
            continue;
        }
        let tail = format!(" {key}");
        let full = mentions[..k].iter().rev().find(|p| {
            let pk = person_key(&p.label);
            person(p)
                && p.entity != m.entity
                && pk.split(' ').count() > words
                && pk.ends_with(&tail)
        });
        if let Some(entity) = full.map(|p| p.entity.clone()) {
            mentions[k].entity = entity;
            mentions[k].kind = MentionKind::Short;
        }
    }
}

/// An actor a span may name, with the countries it belongs to.
type ActorCountries = (EntityRef, Vec<String>);

/// Whether a one-word name that needs context is the definite form of a place's head noun the
/// article has already used as such («هجوم على قاعدة عسكرية … أن القاعدة تحت السيطرة»: the base,
/// not al-Qaeda, whose own name «تنظيم القاعدة» the article may also give).
fn common_head_named(cx: &Ctx, c: &Cand) -> bool {
    if c.b != c.a + 1 {
        return false;
    }
    let readings = cx.text.readings(c.a);
    let Some(head) = readings
        .iter()
        .filter_map(|r| affixes().bare(&r.word, 2))
        .find(|h| {
            cx.lex
                .heads
                .get(*h)
                .is_some_and(|hd| hd.class.family() == Family::Place)
        })
    else {
        return false;
    };
    (0..c.a).any(|x| cx.text.readings(x).iter().any(|r| r.word == head))
}

/// A one-word name this frequent as a word needs more than its country as context.
const CONTEXT_WORD_ZIPF: f32 = 4.75;

/// Every reading of every token: gazetteer names, head-noun patterns, then people (which look at
/// the names found so far).
fn candidates(cx: &Ctx) -> Vec<Cand> {
    let mut cands: Vec<Cand> = Vec::new();
    for i in 0..cx.n() {
        cands.extend(cx.gazetteer_at(i));
        cands.extend(cx.heads_at(i));
    }
    let mut starts: HashMap<usize, Cand> = HashMap::default();
    for c in &cands {
        let better = starts
            .get(&c.a)
            .is_none_or(|o| (c.b, std::cmp::Reverse(c.prio)) > (o.b, std::cmp::Reverse(o.prio)));
        if better && !c.needs_context {
            starts.insert(c.a, c.clone());
        }
    }
    cands.extend(cx.people(&starts));

    cands
}

/// The readings that win, longest first, each word read once; names that need context and lack
/// it, and towns abroad in an article that never places itself in their country, are dropped.
/// Returns the mentions in text order, which tokens they cover, and the names inside them
/// (`Recognized::inner`).
fn choose(cx: &Ctx, mut cands: Vec<Cand>) -> (Vec<Mention>, Vec<bool>, Vec<Mention>) {
    let lex = cx.lex;
    // of two places that share a name (towns of two countries), the one whose context the
    // article names is read first, before the better-known one
    let named: HashSet<&str> = cands
        .iter()
        .filter(|c| !c.needs_context)
        .filter_map(|c| match &c.entity {
            EntityRef::Known(i) => Some(lex.gazetteer[*i].id.as_str()),
            _ => None,
        })
        .collect();
    let context_named = |c: &Cand| match &c.entity {
        EntityRef::Known(i) if c.needs_context => lex.gazetteer[*i]
            .context
            .iter()
            .any(|id| named.contains(id.as_str())),
        _ => false,
    };
    // of two actors that share an ambiguous name («الخوارج»: al-Shabaab in Somalia, the TTP in
    // Pakistan), the one the article also names unambiguously
    let itself_named = |c: &Cand| match &c.entity {
        EntityRef::Known(i) if c.needs_context => named.contains(lex.gazetteer[*i].id.as_str()),
        _ => false,
    };
    // the actors each span names only in context, with the countries they belong to
    let mut by_span: HashMap<(usize, usize), Vec<ActorCountries>> = HashMap::default();
    for c in cands.iter().filter(|c| c.needs_context) {
        let EntityRef::Known(i) = c.entity else {
            continue;
        };
        let g = &lex.gazetteer[i];
        if g.class.family() == Family::Place {
            continue;
        }
        // (the country an armed force or a government belongs to, for a name that is no common
        // word: not «أمل»، «المسيرة»)
        let word = c.b == c.a + 1 && lex.zipf(cx.tok(c.a)) >= CONTEXT_WORD_ZIPF;
        let belongs = matches!(g.class, Class::ArmedGroup | Class::Government) && !word;
        let countries = g
            .context
            .iter()
            .chain(g.within.iter().filter(|_| belongs))
            .cloned()
            .collect();
        let at = by_span.entry((c.a, c.b)).or_default();
        if !at.iter().any(|(e, _)| *e == c.entity) {
            at.push((c.entity.clone(), countries));
        }
    }
    let weak_ok = |c: &Cand| c.weak_context && cx.place_context(c);
    // (of two towns of one name, the one in a country the article's other names place it in:
    // «مدينة صور» in an article on Hezbollah and the Lebanese army is Tyre, not Sur in Oman)
    let sure: Vec<Cand> = cands
        .iter()
        .filter(|c| !c.needs_context && lex.class_of(&c.entity) != Class::City)
        .cloned()
        .collect();
    let evident_before = evident_countries(cx, &sure);
    let in_evident = |c: &Cand| match c.entity {
        EntityRef::Known(i) if lex.gazetteer[i].class == Class::City => {
            gazetteer::country_of(lex, i).is_some_and(|k| evident_before.contains(&k))
        }
        _ => false,
    };
    // longest first, then gazetteer before patterns, then text order
    cands.sort_by(|x, y| {
        (y.b - y.a)
            .cmp(&(x.b - x.a))
            .then(x.prio.cmp(&y.prio))
            .then(x.a.cmp(&y.a))
            .then(context_named(y).cmp(&context_named(x)))
            .then(itself_named(y).cmp(&itself_named(x)))
            // (of two towns of one name, the one a word of place confirms: «في رفح»)
            .then(weak_ok(y).cmp(&weak_ok(x)))
            .then(in_evident(y).cmp(&in_evident(x)))
            .then(x.needs_context.cmp(&y.needs_context))
    });
    let mut taken = vec![false; cx.n()];
    let mut chosen: Vec<Cand> = Vec::new();
    // readings that lost their words to another, kept in case that one lacks its context
    let mut behind: Vec<Cand> = Vec::new();
    for c in cands {
        if (c.a..c.b).any(|t| taken[t]) {
            if !c.needs_context {
                behind.push(c.clone());
            }
            // the same span found twice: keep the head context
            if let Some(o) = chosen.iter_mut().find(|o| o.a == c.a && o.b == c.b) {
                if o.entity == c.entity {
                    o.head_context |= c.head_context;
                }
                // a title read with the name stays with it, whichever reading named it
                if better_role(o, &c) && lex.class_of(&o.entity) == Class::Person {
                    o.role = c.role.clone();
                }
            } else if let Some(o) = chosen
                .iter_mut()
                .find(|o| o.a <= c.a && c.b <= o.b && o.entity == c.entity)
            {
                // the gazetteer's name with the rank in it («الفريق أول عبد الفتاح البرهان»)
                // keeps the title read before the rank
                if better_role(o, &c) && lex.class_of(&o.entity) == Class::Person {
                    o.role = c.role.clone();
                }
            }
            continue;
        }
        taken[c.a..c.b].fill(true);
        chosen.push(c);
    }

    // an ambiguous name counts in context only
    // (a name confirmed once by its head noun or quotes, «قضاء بنت جبيل», confirms it elsewhere
    // in the article: «طريق بنت جبيل - عيناثا»)
    let confirmed: HashSet<EntityRef> = chosen
        .iter()
        .filter(|c| !c.needs_context || c.head_context || cx.quoted_place(c))
        .map(|c| c.entity.clone())
        .collect();
    let known_ids: HashSet<&str> = confirmed
        .iter()
        .filter_map(|e| match e {
            EntityRef::Known(i) => Some(lex.gazetteer[*i].id.as_str()),
            _ => None,
        })
        .collect();
    // (an actor's country — its context or the country it belongs to — is context where the
    // article's places lie in it: «?الأمن العام» in an article on Tartus and Banias is Syria's
    // General Security, «?الخوارج» in one on Somali towns al-Shabaab — unless another actor of
    // that country goes by the same name)
    let home = {
        let mut count: Vec<(usize, usize)> = Vec::new();
        for c in chosen.iter().filter(|c| !c.needs_context) {
            let EntityRef::Known(i) = c.entity else {
                continue;
            };
            if lex.gazetteer[i].class.family() != Family::Place {
                continue;
            }
            if let Some(k) = gazetteer::country_of(lex, i) {
                match count.iter_mut().find(|(x, _)| *x == k) {
                    Some(n) => n.1 += 1,
                    None => count.push((k, 1)),
                }
            }
        }
        count
            .iter()
            .enumerate()
            .max_by_key(|(o, (_, n))| (*n, std::cmp::Reverse(*o)))
            .map(|(_, (k, _))| lex.gazetteer[*k].id.as_str())
    };
    chosen.retain(|c| {
        if !c.needs_context {
            return true;
        }
        if common_head_named(cx, c) {
            return false;
        }
        let ctx_ok = match &c.entity {
            EntityRef::Known(i) => {
                lex.gazetteer[*i]
                    .context
                    .iter()
                    .any(|id| known_ids.contains(id.as_str()))
                    // (the only actor of the article's country the span may name)
                    || home.is_some_and(|h| {
                        let of_home = by_span
                            .get(&(c.a, c.b))
                            .map(|v| {
                                v.iter()
                                    .filter(|(_, cs)| cs.iter().any(|x| x == h))
                                    .collect::<Vec<_>>()
                            })
                            .unwrap_or_default();
                        matches!(of_home[..], [(e, _)] if *e == c.entity)
                    })
            }
            _ => false,
        };
        c.head_context
            || confirmed.contains(&c.entity)
            || ctx_ok
            || cx.quoted_place(c)
            || (c.weak_context && cx.place_context(c))
    });
    // «بلدة الصور» in an article on Deir ez-Zor: a town named with its head whose listed
    // namesake lies in a country the article's other names do not place it in is another town,
    // nobody listed
    let others: Vec<Cand> = chosen
        .iter()
        .filter(|c| !(c.head_context && lex.class_of(&c.entity) == Class::City))
        .cloned()
        .collect();
    let evident_others = evident_countries(cx, &others);
    if !evident_others.is_empty() {
        for c in chosen.iter_mut().filter(|c| c.head_context) {
            let EntityRef::Known(i) = c.entity else {
                continue;
            };
            let word = cand_word(cx, c);
            if lex.gazetteer[i].class == Class::City
                && foreign_town(lex, i, word.as_deref(), &evident_others)
            {
                let label = cx.label(c.a, c.skip, c.b, &c.restore);
                c.entity = EntityRef::New {
                    class: Class::City,
                    key: new_key(Class::City, &label),
                };
            }
        }
    }
    // a town abroad counts only where the article places itself in the town's country
    let evident = evident_countries(cx, &chosen);
    let at_home = |c: &Cand| match c.entity {
        EntityRef::Known(i) => {
            let word = cand_word(cx, c);
            // (quotes make no town abroad a name here: «عجلة «همر»» is a Humvee, not Hemer)
            c.head_context || !foreign_town(lex, i, word.as_deref(), &evident)
        }
        _ => true,
    };
    chosen.retain(at_home);
    // words of a name dropped for want of context are free again: for a reading that lost them
    // to it (a pattern's «قيادة العمليات المشتركة» behind a context-only gazetteer name), else for
    // «السجن» as an anaphor
    taken.fill(false);
    for c in &chosen {
        taken[c.a..c.b].fill(true);
    }
    // the organisation a body's name closes with is named there too («وزارة الصحة بحكومة
    // الوحدة الوطنية» names the government): its reading stays, inside the body's
    let owners: Vec<Cand> = chosen
        .iter()
        .filter_map(|c| {
            let owner = c.part_of.as_ref().or(c.names_also.as_ref())?;
            behind
                .iter()
                .find(|o| {
                    &o.entity == owner && c.a <= o.a && o.b <= c.b && (o.a, o.b) != (c.a, c.b)
                })
                .cloned()
        })
        .collect();
    for c in behind {
        if !(c.a..c.b).any(|t| taken[t]) && at_home(&c) {
            taken[c.a..c.b].fill(true);
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| (c.a, c.b));
    let mentions: Vec<Mention> = chosen
        .iter()
        .map(|c| cx.mention(c, MentionKind::Name))
        .collect();
    let inner = owners
        .iter()
        .filter(|o| chosen.iter().any(|c| c.a < o.a && o.b <= c.b))
        .map(|c| cx.mention(c, MentionKind::Name))
        .collect();
    (mentions, taken, inner)
}
