//! Mentions: where an article names an entity. Gazetteer names (with clitics stripped), head-noun
//! patterns (سجن X، مدينة X، منظمة X), people after titles and speech verbs, then anaphors
//! (السجن), surnames alone after a speech verb, and naming equivalences (المعروف باسم).
//!
//! Extraction does no I/O; spans are original code points.

use crate::model::{new_key, person_key, EntityRef, Mention, MentionKind, Recognized, Role};
use crate::text::Reading;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::{Fw, HeadRule, Lexicon, RelationPhrase};
use crate::text::{fold_str, is_mark, Document, Text};
use crate::vocab::{Class, Family, Relation};

/// A first name more frequent than this as a word is not taken for a name (unless listed in
/// `given-names.tsv`).
const FIRST_NAME_ZIPF: f32 = 3.6;
/// After a title, a first name may be this frequent as a word, when a second name follows.
const TITLED_FIRST_NAME_ZIPF: f32 = 5.0;
/// The same for the following parts of a name.
const SURNAME_ZIPF: f32 = 4.2;
/// Priorities when two readings cover the same words (lower wins).
const PRIO_HEAD_KNOWN: u8 = 0;
const PRIO_GAZETTEER: u8 = 1;
const PRIO_HEAD_NEW: u8 = 2;
const PRIO_TITLE: u8 = 3;
const PRIO_SPEECH: u8 = 4;
const PRIO_REFERENCE: u8 = 5;

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
        }
    }
}

/// A display label: no diacritics, tatweel, quotes or control characters; single spaces.
pub fn clean_label(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|&c| !is_mark(c) && !crate::text::normalize::is_control(c))
        .map(|c| {
            if matches!(c, '«' | '»' | '“' | '”' | '"' | '„' | '(' | ')') {
                ' '
            } else {
                c
            }
        })
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
        t.text.starts_with("ال") && matches!(self.doc.chars[self.text.norm.map[t.start]], 'ا' | 'ٱ')
    }

    /// A function word, read on the original letters where folding made two words one: «علي»
    /// (the name) is not «على» (the preposition).
    fn stop_at(&self, i: usize) -> bool {
        let t = &self.text.tokens[i];
        if !self.lex.is_stop(&t.text) {
            return false;
        }
        let last = self.text.norm.map[t.end - 1];
        !(t.text.ends_with('ي')
            && self.doc.chars[last] == 'ي'
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

    /// Gazetteer names starting at token i.
    fn gazetteer_at(&self, i: usize) -> Vec<Cand> {
        let mut out = Vec::new();
        // callers look one past a name («سجن X» at the end of the text): nothing there
        if i >= self.n() {
            return out;
        }
        for (k, v, restore) in self.text.readings(i).iter().map(
            |Reading {
                 skip: k,
                 word: v,
                 restored: r,
             }| (*k, v.as_str(), r.as_str()),
        ) {
            let Some(entries) = self.lex.names.get(v) else {
                continue;
            };
            for e in entries {
                let n = e.words.len();
                if i + n > self.n() || !self.text.joined(i, i + n) {
                    continue;
                }
                if !(1..n).all(|j| self.tok(i + j) == e.words[j]) {
                    continue;
                }
                if (e.latin && (k > 0 || !self.capitalized(i))) || self.adverbial(i + n - 1) {
                    continue;
                }
                out.push(Cand {
                    a: i,
                    b: i + n,
                    skip: k,
                    restore: restore.to_string(),
                    entity: EntityRef::Known(e.entity),
                    prio: PRIO_GAZETTEER,
                    // «فرقه» (its teams) is a word before it is «ف» and «رقه»: a name read
                    // through a proclitic from a token that is itself a frequent word counts
                    // only in context
                    needs_context: e.needs_context
                        || (k > 0 && n == 1 && self.lex.zipf(self.tok(i)) >= CLITIC_WORD_ZIPF),
                    weak_context: e.weak_context,
                    head_context: false,
                    role: None,
                });
            }
        }
        out
    }

    fn longest_gazetteer_at(&self, i: usize) -> Option<Cand> {
        self.gazetteer_at(i)
            .into_iter()
            .filter(|c| c.skip == 0)
            .max_by(|x, y| {
                (x.b, std::cmp::Reverse(x.needs_context))
                    .cmp(&(y.b, std::cmp::Reverse(y.needs_context)))
            })
    }

    fn is_definite(w: &str) -> bool {
        w.starts_with("ال") && w.chars().count() > 3
    }

    /// A word that is a preposition's clitic on a definite word («بالفاشر»، «للدرك») or on an
    /// ordinary word («بجوار»، «برئاسة»): it starts a prepositional phrase, never continues a
    /// name. A place's head noun after «ب» («بولاية شمال دارفور») is not one: the place follows.
    fn is_prepositional(&self, i: usize) -> bool {
        let w = self.tok(i);
        self.text.readings(i).iter().any(
            |Reading {
                 skip: k,
                 word: v,
                 restored: restore,
             }| {
                *k > 0
                    && !v.is_empty()
                    && !w.starts_with('و')
                    && !w.starts_with('ف')
                    && (Self::is_definite(v) && (!restore.is_empty() || !w.starts_with("ال"))
                        || (self.lex.is_common(v)
                            && self
                                .lex
                                .heads
                                .get(v.as_str())
                                .is_none_or(|h| h.class.family() != Family::Place)))
            },
        )
    }

    /// After a generic organisation name, the place or organisation it belongs to: «في X»,
    /// «بـX»، «لـX» with X a known place or organisation, or an organisation's head and its name
    /// («بحكومة الوحدة الوطنية»). Returns where that name ends.
    fn whose(&self, end: usize) -> Option<usize> {
        if end >= self.n() || self.text.tokens[end].hard_before {
            return None;
        }
        let at = if self.tok(end) == "في" {
            end + 1
        } else {
            end
        };
        if at >= self.n() || self.text.tokens[at].hard_before {
            return None;
        }
        let clitic = at > end || self.tok(at).starts_with('ب') || self.tok(at).starts_with('ل');
        if !clitic {
            return None;
        }
        // the known name, through the clitic when there is no «في» («بولاية الخرطوم»)
        let known = self
            .gazetteer_at(at)
            .into_iter()
            .filter(|c| !c.needs_context && (c.skip == 0 || at == end))
            .max_by_key(|c| (c.b, std::cmp::Reverse(c.skip)));
        if let Some(g) = known {
            let fam = self.lex.class_of(&g.entity).family();
            if fam == Family::Place || fam == Family::Organization {
                return Some(g.b);
            }
        }
        // an organisation's head through its clitic, then its name
        let head = self.text.readings(at).iter().any(
            |Reading {
                 skip: k, word: v, ..
             }| {
                *k > 0
                    && self
                        .lex
                        .heads
                        .get(v.as_str())
                        .is_some_and(|h| h.class.family() == Family::Organization)
            },
        );
        // «بقيادة عبد العزيز الحلو»: led by a person, not a command of that name
        let person_next = at + 1 < self.n() && {
            let w = self.tok(at + 1);
            self.lex.given_names.contains(w) || self.lex.is(Fw::NameCompound, w)
        };
        if head && at + 1 < self.n() && !person_next {
            return self.chain(at + 1, false, false);
        }
        None
    }

    fn is_demonym(&self, w: &str) -> bool {
        self.lex.demonyms.contains_key(w)
    }

    /// A proper name after a head noun: [j, end).
    fn proper_name(&self, j: usize, rule: HeadRule) -> Option<usize> {
        if j >= self.n() || self.text.tokens[j].hard_before {
            return None;
        }
        let t = self.tok(j);
        if self.lex.is_stop(t)
            || self.lex.anaphors.contains_key(t)
            || self.lex.heads.contains_key(t)
            || self.is_prepositional(j)
        {
            return None;
        }
        // «أبو حمام»، «تل تمر»: a name prefix and the word after it are a name
        let prefixed = self.lex.name_prefixes.contains(t)
            && j + 1 < self.n()
            && !self.text.tokens[j + 1].hard_before
            && !self.lex.is_stop(self.tok(j + 1))
            && !self.is_demonym(self.tok(j + 1));
        let ok = prefixed
            || match rule {
                HeadRule::Proper => {
                    (Self::is_definite(t) && !self.is_demonym(t))
                        || (!t.starts_with("ال") && !self.lex.is_common(t))
                }
                _ => !self.lex.is_common(t) && !self.is_demonym(t),
            };
        if !ok || t.chars().count() < 3 {
            return None;
        }
        let mut end = j + 1;
        if self.lex.name_prefixes.contains(t)
            && end < self.n()
            && !self.text.tokens[end].hard_before
            && !self.lex.is_stop(self.tok(end))
        {
            end += 1;
        }
        if end < self.n()
            && !self.text.tokens[end].hard_before
            && self.lex.name_suffixes.contains(self.tok(end))
        {
            end += 1;
        }
        Some(end)
    }

    /// An organisation name chain after a head: [j, end). A place ends it (مديرية أوقاف الحسكة).
    fn chain(&self, j: usize, media: bool, armed: bool) -> Option<usize> {
        let mut end = j;
        // a known place closing the chain: its words stay, common or not («ديالى»)
        let mut place_from = usize::MAX;
        while end < self.n() && end - j < 5 {
            if end > j {
                if let Some(g) = self.longest_gazetteer_at(end).filter(|g| !g.needs_context) {
                    if self.lex.class_of(&g.entity).family() == Family::Place
                        && !self.text.tokens[end].hard_before
                    {
                        place_from = end;
                        end = g.b;
                        break;
                    }
                }
            }
            let tk = &self.text.tokens[end];
            let t = tk.text.as_str();
            if tk.hard_before
                || self.lex.is_stop(t)
                || self.lex.speech_verbs.contains_key(t)
                || self.is_title_start(end)
                || (end > j && !t.starts_with("لل") && self.is_prepositional(end))
            {
                break;
            }
            if end > j && t.starts_with('و') && !t.starts_with("وال") {
                break;
            }
            // the construct ends with its definite genitive: after one, only definite
            // adjectives follow («قوات النظام» then «طوقت» is a verb)
            let latin = t.chars().all(|c| c.is_ascii_alphanumeric());
            let definite_seen = (j..end).any(|x| Self::is_definite(self.tok(x)));
            if definite_seen
                && !latin
                && !(Self::is_definite(t) || t.starts_with("لل") || t.starts_with("وال"))
            {
                break;
            }
            // «تابعة للتحالف»: a prepositional phrase, not a name, unless a definite came first
            if !definite_seen && (t.starts_with("لل") || t.starts_with("وال")) {
                break;
            }
            end += 1;
        }
        // the chain ends on a definite, Latin or uncommon word
        while end > j && end <= place_from {
            let t = self.tok(end - 1);
            let latin = t.chars().all(|c| c.is_ascii_alphanumeric());
            let definite = Self::is_definite(t) || t.starts_with("لل") || t.starts_with("وال");
            let demonym_drop = media && end - j > 1 && self.is_demonym(t);
            if !demonym_drop && (definite || latin || !self.lex.is_common(t)) {
                break;
            }
            end -= 1;
        }
        if end == j {
            return None;
        }
        let first = self.tok(j);
        let latin = first.chars().all(|c| c.is_ascii_alphanumeric());
        if !(latin || !self.lex.is_common(first) || end > j + 1) {
            // «وزارة الصحة» alone is any country's: named with whose it is («بحكومة الوحدة
            // الوطنية»، «في غزة»، «بولاية الخرطوم») it is a name
            if let Some(whose) = self.whose(end) {
                return Some(whose);
            }
            // «وكالة الأنباء العراقية»: the demonym was the name's second word after all
            if media
                && end < self.n()
                && self.is_demonym(self.tok(end))
                && !self.text.tokens[end].hard_before
            {
                return Some(end + 1);
            }
            return None;
        }
        // an armed group's name has a definite or Latin word, or a known place: «قوات الصناديد»،
        // «قيادة عمليات ديالى», not «قوات مؤازرة»
        let named = (j..end).any(|x| {
            Self::is_definite(self.tok(x))
                || self.tok(x).chars().all(|c| c.is_ascii_alphanumeric())
                || self.longest_gazetteer_at(x).is_some_and(|g| {
                    !g.needs_context && self.lex.class_of(&g.entity).family() == Family::Place
                })
        });
        if armed && !named {
            return None;
        }
        Some(end)
    }

    /// Head-noun patterns starting at token i.
    fn heads_at(&self, i: usize) -> Vec<Cand> {
        let mut out = Vec::new();
        for (k, v, _) in self.text.readings(i).iter().map(
            |Reading {
                 skip: k,
                 word: v,
                 restored: r,
             }| (*k, v.as_str(), r.as_str()),
        ) {
            // «بقيادة عبد العزيز الحلو»: led by a person, not a command of that name
            let led_by = k > 0 && {
                let w = self.tok((i + 1).min(self.n() - 1));
                i + 1 < self.n()
                    && (self.lex.given_names.contains(w) || self.lex.is(Fw::NameCompound, w))
            };
            if let Some(head) = self
                .lex
                .heads
                .get(v)
                .filter(|h| !(led_by && h.class.family() == Family::Organization))
            {
                self.head_pattern(i, k, v, head.class, head.keep, head.rule, &mut out);
            } else if let Some(c) = self.definite_unit(i, k, v) {
                out.push(c);
            } else if let Some(stem) = v.strip_suffix("تي") {
                // the dual construct: محافظتي الرقة ودير الزور
                if let Some(head) = self.lex.heads.get(&format!("{stem}ه")) {
                    if head.class.family() == Family::Place && head.keep {
                        self.dual_pattern(i, &format!("{stem}ه"), head.class, &mut out);
                    }
                }
            }
        }
        out
    }

    /// A unit named by a definite head of an armed force and its definite adjectives or number:
    /// «الفرقة السادسة مشاة»، «الشرطة الاتحادية»، «القوة الجوية العراقية»، «الفرقة 22 مشاة».
    fn definite_unit(&self, i: usize, k: usize, v: &str) -> Option<Cand> {
        if !self.lex.is(Fw::Unit, v) || k > 1 || !self.definite_at(i) && k == 0 {
            return None;
        }
        let mut end = i + 1;
        let mut named = false;
        while end < self.n() && end - i <= 4 && !self.text.tokens[end].hard_before {
            let w = self.tok(end);
            let number = w.chars().all(|c| c.is_ascii_digit());
            let adjective = Self::is_definite(w) && !self.stop_at(end);
            // «مشاة»، «مدرعة» after an ordinal: the arm of the unit
            let arm = named
                && !self.lex.heads.contains_key(w)
                && end == i + 2
                && !self.stop_at(end)
                && !Self::is_definite(w)
                && !self.lex.speech_verbs.contains_key(w)
                && self.lex.zipf(w) < 4.5;
            // a nisba closes the name: «الجيش البوركينابي»، «القوة الجوية العراقية»
            if self.is_demonym(w) {
                named = true;
                end += 1;
                break;
            }
            if !(number || adjective || arm) || self.longest_gazetteer_at(end).is_some() {
                break;
            }
            named = true;
            end += 1;
        }
        if !named {
            return None;
        }
        let label = self.label(i, k, end, "");
        let entity = EntityRef::New {
            class: Class::ArmedGroup,
            key: new_key(Class::ArmedGroup, &label),
        };
        Some(Cand::new(i, end, k, entity, PRIO_HEAD_NEW))
    }

    /// The gazetteer entity named «head + place» (محافظة + الرقة), if there is one.
    fn named_place(&self, head_word: &str, class: Class, g: &Cand) -> Option<EntityRef> {
        if !matches!(g.entity, EntityRef::Known(_)) {
            return None;
        }
        let words: Vec<String> = std::iter::once(head_word.to_string())
            .chain((g.a..g.b).map(|x| self.tok(x).to_string()))
            .collect();
        if let Some(entries) = self.lex.names.get(&words[0]) {
            if let Some(e) = entries
                .iter()
                .find(|e| e.words == words && self.lex.gazetteer[e.entity].class == class)
            {
                return Some(EntityRef::Known(e.entity));
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn head_pattern(
        &self,
        i: usize,
        k: usize,
        head_word: &str,
        class: Class,
        keep: bool,
        rule: HeadRule,
        out: &mut Vec<Cand>,
    ) {
        let j = i + 1;
        if j >= self.n() || self.text.tokens[j].hard_before {
            return;
        }
        let base = Cand {
            a: i,
            b: j,
            skip: k,
            restore: String::new(),
            entity: EntityRef::Known(0),
            prio: PRIO_HEAD_NEW,
            needs_context: false,
            weak_context: false,
            head_context: true,
            role: None,
        };
        if let Some(g) = self.longest_gazetteer_at(j) {
            let gclass = self.lex.class_of(&g.entity);
            if class.family() == Family::Place && gclass.family() == Family::Place {
                if !keep {
                    // «حي الحميدية»: the head says what it is, whatever else bears the name
                    let entity = if gclass == class {
                        g.entity.clone()
                    } else {
                        let label = self.label(j, 0, g.b, "");
                        EntityRef::New {
                            class,
                            key: new_key(class, &label),
                        }
                    };
                    out.push(Cand {
                        a: j,
                        b: g.b,
                        skip: 0,
                        entity,
                        prio: PRIO_HEAD_KNOWN,
                        ..base
                    });
                    return;
                }
                if let Some(known) = self.named_place(head_word, class, &g) {
                    out.push(Cand {
                        b: g.b,
                        entity: known,
                        prio: PRIO_HEAD_KNOWN,
                        ..base
                    });
                    return;
                }
                if let EntityRef::Known(_) = g.entity {
                    let mut end = g.b;
                    if end < self.n()
                        && !self.text.tokens[end].hard_before
                        && self.lex.name_suffixes.contains(self.tok(end))
                    {
                        end += 1;
                    }
                    let g = Cand { b: end, ..g };
                    let label = self.label(i, k, g.b, "");
                    out.push(Cand {
                        b: g.b,
                        entity: EntityRef::New {
                            class,
                            key: new_key(class, &label),
                        },
                        ..base
                    });
                }
                return;
            }
            // «بقيادة الولايات المتحدة»: a place after an organisation's head is not its name
            if class.family() == Family::Organization && gclass.family() == Family::Place {
                let next_is_name = g.b < self.n()
                    && !self.text.tokens[g.b].hard_before
                    && Self::is_definite(self.tok(g.b));
                if !next_is_name {
                    return;
                }
            }
            // «حركة حماس»: the head names the kind of a known organisation (a name that needs
            // context gets none from a head: «مركز الأخبار» is not the newspaper «الأخبار»)
            if class.family() == Family::Organization
                && gclass.family() == Family::Organization
                && !g.needs_context
            {
                out.push(Cand {
                    a: j,
                    b: g.b,
                    skip: 0,
                    entity: g.entity.clone(),
                    prio: PRIO_HEAD_KNOWN,
                    ..base
                });
                return;
            }
        }
        if rule == HeadRule::Known {
            return;
        }
        // the head begins a name the gazetteer knows: that reading wins
        if keep
            && self
                .gazetteer_at(i)
                .iter()
                .any(|c| !c.needs_context && c.b > j)
        {
            return;
        }
        let end = if rule == HeadRule::Chain {
            self.chain(j, class == Class::MediaOutlet, class == Class::ArmedGroup)
        } else {
            self.proper_name(j, rule)
        };
        let Some(end) = end else { return };
        let label = if keep {
            self.label(i, k, end, "")
        } else {
            self.label(j, 0, end, "")
        };
        let entity = EntityRef::New {
            class,
            key: new_key(class, &label),
        };
        if keep {
            out.push(Cand {
                b: end,
                entity,
                ..base
            });
        } else {
            out.push(Cand {
                a: j,
                b: end,
                skip: 0,
                entity,
                ..base
            });
        }
    }

    fn dual_pattern(&self, i: usize, head_word: &str, class: Class, out: &mut Vec<Cand>) {
        let Some(x) = self.longest_gazetteer_at(i + 1) else {
            return;
        };
        if self.text.tokens[i + 1].hard_before || x.b >= self.n() {
            return;
        }
        let y = self
            .gazetteer_at(x.b)
            .into_iter()
            .filter(|c| c.skip == 1 && self.tok(x.b).starts_with('و'))
            .max_by_key(|c| c.b);
        let Some(y) = y else { return };
        for g in [x, y] {
            if self.lex.class_of(&g.entity).family() != Family::Place {
                continue;
            }
            let entity = match self.named_place(head_word, class, &g) {
                Some(e) => e,
                None => {
                    let label = format!(
                        "{} {}",
                        self.label(i, 0, i + 1, "")
                            .trim_end_matches('ي')
                            .trim_end_matches('ت'),
                        self.label(g.a, g.skip, g.b, "")
                    );
                    EntityRef::New {
                        class,
                        key: new_key(class, &label),
                    }
                }
            };
            let prio = if matches!(entity, EntityRef::Known(_)) {
                PRIO_HEAD_KNOWN
            } else {
                PRIO_HEAD_NEW
            };
            out.push(Cand {
                prio,
                head_context: true,
                entity,
                ..g
            });
        }
    }

    fn title_at(&self, i: usize) -> Option<(usize, usize, Role, bool)> {
        if let Some(m) = self.lex.titles.at(self.text, i, usize::MAX).first() {
            return Some((m.skip(), m.end, m.value().role, m.value().office));
        }
        // a one-word title with a possessive pronoun: «رئيستها هانا تيتيه»، «قائدهم»
        let w = self.tok(i);
        let stem = ["هما", "هم", "ها"]
            .iter()
            .find_map(|suffix| w.strip_suffix(suffix))?;
        let stem = match stem.strip_suffix('ت') {
            Some(s) => format!("{s}ه"),
            None => stem.to_string(),
        };
        self.lex
            .titles
            .get(&[stem.as_str()])
            .map(|p| (0, i + 1, p.value.role, p.value.office))
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

    fn is_title_start(&self, i: usize) -> bool {
        self.title_at(i).is_some()
    }

    /// A person's name at [j, end), at least `min` words. `starts` holds the gazetteer and
    /// pattern names found so far: a name does not start inside another entity's name.
    fn person_name(&self, j: usize, min: usize, starts: &HashMap<usize, Cand>) -> Option<usize> {
        self.person_name_after(j, min, starts, FIRST_NAME_ZIPF)
    }

    /// As `person_name`, with the frequency a first name may have: higher after a title
    /// («اللواء تحسين الخفاجي»), where a name is expected.
    fn person_name_after(
        &self,
        j: usize,
        min: usize,
        starts: &HashMap<usize, Cand>,
        first_zipf: f32,
    ) -> Option<usize> {
        if j >= self.n() {
            return None;
        }
        let other_entity = |x: usize| {
            starts
                .get(&x)
                .is_some_and(|c| self.lex.class_of(&c.entity) != Class::Person)
        };
        let t = self.tok(j);
        let given = self.lex.given_names.contains(t);
        if self.lex.is_stop(t)
            || self.adverbial(j)
            || self.definite_at(j)
            || t.chars().count() < 2
            || self.lex.speech_verbs.contains_key(t)
            || self.is_title_start(j)
            || (!given && self.lex.zipf(t) >= first_zipf)
            || t.chars().all(|c| c.is_ascii_alphanumeric())
            || other_entity(j)
        {
            return None;
        }
        let mut end = j + 1;
        while end < self.n() && end - j < 4 {
            let tk = &self.text.tokens[end];
            let w = tk.text.as_str();
            if tk.hard_before
                || self.stop_at(end)
                || self.adverbial(end)
                || self.lex.speech_verbs.contains_key(w)
                || self.is_title_start(end)
                || w.chars().all(|c| c.is_ascii_alphanumeric())
                // a nisba after two names is a surname («محمد شياع السوداني»)
                || (self.is_demonym(w) && end - j < 2)
                || (other_entity(end) && !given)
            {
                break;
            }
            let g = self.lex.given_names.contains(w);
            // «عبد الرحمن»، «أبو محمد»: a compound name part takes the word after it
            let compound = self.lex.is(Fw::NameCompound, self.tok(end - 1));
            let ok = if compound {
                true
            } else if self.definite_at(end) {
                // a family name in ال…ي: rare, or after two names («محمد شياع السوداني»)
                w.ends_with('ي') && (self.lex.zipf(w) < SURNAME_ZIPF || end - j >= 2)
            } else if w.starts_with('و') && !g {
                false
            } else {
                g || self.lex.zipf(w) < SURNAME_ZIPF
            };
            if !ok {
                break;
            }
            end += 1;
        }
        (end - j >= min).then_some(end)
    }

    fn orgs_at(&self, j: usize, cands: &HashMap<usize, Cand>) -> Option<Cand> {
        // also through a proclitic: «لقوات سوريا الديمقراطية»
        cands
            .get(&j)
            .filter(|c| self.lex.class_of(&c.entity).family() != Family::Person)
            .cloned()
    }

    /// People after titles and speech verbs.
    fn people(&self, starts: &HashMap<usize, Cand>) -> Vec<Cand> {
        let mut out = Vec::new();
        for i in 0..self.n() {
            if let Some((skip, mut j, role, office)) = self.title_at(i) {
                let mut orgs = Vec::new();
                let first_j = j;
                for _ in 0..5 {
                    // after a comma comes the name, with its rank: «…، الرائد فادي سلامة،»
                    if j >= self.n() || (j > first_j && self.text.tokens[j].hard_before) {
                        break;
                    }
                    let w = self.tok(j);
                    if self.is_demonym(w) {
                        if let Some(Some(c)) = self.lex.demonyms.get(w) {
                            if let Some(&gi) = self.lex.by_id.get(c) {
                                orgs.push(EntityRef::Known(gi));
                            }
                        }
                        j += 1;
                    } else if let Some(c) = self.orgs_at(j, starts) {
                        orgs.push(c.entity.clone());
                        j = c.b;
                    } else if self.lex.is(Fw::Destination, w) {
                        // «المبعوث الأمريكي إلى سوريا»: where the envoy is sent, not whose he is
                        j += 1;
                        if let Some(c) = self.orgs_at(j, starts) {
                            j = c.b;
                        }
                    } else if w == "ل" || self.lex.is(Fw::TitleLink, w) {
                        j += 1;
                    } else if let Some((_, e, _, _)) = self.title_at(j) {
                        j = e;
                    } else {
                        break;
                    }
                }
                let title_role = Some((role, orgs.clone()));
                let min = if orgs.is_empty() && role == Role::None {
                    2
                } else {
                    1
                };
                // after a title a name is expected: a two-word name may start with a common word;
                // after a comma, the name is set off by commas
                let apposed = j < self.n() && self.text.tokens[j].hard_before;
                let after_title = if apposed {
                    None
                } else {
                    self.person_name(j, min, starts)
                        .or_else(|| self.person_name_after(j, 2, starts, TITLED_FIRST_NAME_ZIPF))
                };
                if let Some(end) = after_title {
                    out.push(self.person(j, end, PRIO_TITLE, Some((role, orgs))));
                } else if let Some((a, end)) = self.apposed_name(j).filter(|_| apposed) {
                    // «الناطق باسم جهاز الإسعاف والطوارئ، مالك الشريف، إن …»
                    out.push(self.titled(a, end, starts, Some((role, orgs))));
                } else if let Some((a, end)) = self.apposed_after_phrase(j) {
                    // «قائد الأمن الداخلي في المحافظة، العميد سامر الخطيب، …»
                    out.push(self.titled(a, end, starts, Some((role, orgs))));
                } else if office && !orgs.is_empty() {
                    // «محافظ الحسكة»: the holder of the office
                    let label = self.label(i, skip, j, "");
                    let entity = EntityRef::New {
                        class: Class::Person,
                        key: person_key(&label),
                    };
                    out.push(Cand {
                        role: Some((role, orgs)),
                        ..Cand::new(i, j, skip, entity, PRIO_TITLE)
                    });
                }
                // the name before the title: «فرهاد الشامي المتحدث باسم قسد»
                for k in [3, 2] {
                    if i < k || self.text.tokens[i].hard_before && k == 0 {
                        continue;
                    }
                    let s0 = i - k;
                    if s0 > 0 && !self.text.tokens[s0].hard_before {
                        let prev = self.tok(s0 - 1);
                        let after_verb =
                            self.text.readings(s0 - 1).iter().any(|r| {
                                r.skip <= 1 && self.lex.speech_verbs.contains_key(&r.word)
                            });
                        if !(after_verb || self.lex.is_stop(prev) || self.lex.zipf(prev) >= 4.0) {
                            continue;
                        }
                    }
                    if self.person_name(s0, k, starts) == Some(i) {
                        out.push(self.person(s0, i, PRIO_TITLE, title_role.clone()));

                        break;
                    }
                }
            }
            let speech = self.text.readings(i).iter().any(
                |Reading {
                     skip: k, word: v, ..
                 }| *k <= 1 && self.lex.speech_verbs.contains_key(v.as_str()),
            );
            if speech {
                if let Some(end) = self.person_name(i + 1, 2, starts) {
                    out.push(self.person(i + 1, end, PRIO_SPEECH, None));
                }
            }
        }
        out
    }

    /// A name set off by commas after a title and its organisation: «، [rank] NAME،» or
    /// «، [rank] NAME إن …». Returns the name's tokens.
    fn apposed_name(&self, j: usize) -> Option<(usize, usize)> {
        if j == 0 || j >= self.n() || !self.text.tokens[j].hard_before {
            return None;
        }
        let prev = &self.text.tokens[j - 1];
        let tk = &self.text.tokens[j];
        if prev.sentence != tk.sentence || !self.text.norm.chars[prev.end..tk.start].contains(&',')
        {
            return None;
        }
        // a rank or honorific first: «العميد»، «الدكتور»، «العميد الركن»
        let mut a = j;
        while let Some((_, e, _, _)) = self.title_at(a) {
            a = e;
        }
        let first = self.tok(a.min(self.n() - 1));
        if a >= self.n()
            || (a > j && self.text.tokens[a].hard_before)
            || self.stop_at(a)
            || self.definite_at(a)
            || (!self.lex.given_names.contains(first)
                && self.lex.zipf(first) >= TITLED_FIRST_NAME_ZIPF)
        {
            return None;
        }
        // up to the closing comma, or the «إن» of the speech verb; two to four words
        let mut end = a + 1;
        while end < self.n()
            && end - a <= 4
            && !self.text.tokens[end].hard_before
            && !self.lex.is(Fw::Complementizer, self.tok(end))
        {
            let w = self.tok(end);
            // «علي» is a name, though «على» folds to it
            let stop = self.lex.is_stop(w) && !self.lex.given_names.contains(w);
            if stop || self.lex.speech_verbs.contains_key(w) || self.is_title_start(end) {
                return None;
            }
            end += 1;
        }
        let closed = end == self.n()
            || self.text.tokens[end].hard_before
            || self.lex.is(Fw::Complementizer, self.tok(end));
        (closed && (2..=4).contains(&(end - a))).then_some((a, end))
    }

    /// After a title, a phrase nobody listed (what the title is of, up to six words), then a
    /// name set off by commas.
    fn apposed_after_phrase(&self, j: usize) -> Option<(usize, usize)> {
        let mut k = j;
        while k < self.n() && k - j < 6 && !self.text.tokens[k].hard_before {
            let w = self.tok(k);
            if self.lex.speech_verbs.contains_key(w) || self.lex.is(Fw::Complementizer, w) {
                return None;
            }
            k += 1;
        }
        (k > j && k < self.n())
            .then(|| self.apposed_name(k))
            .flatten()
    }

    /// The person named by tokens [a, b) after a title: the gazetteer's when it knows the name,
    /// else a new one.
    fn titled(
        &self,
        a: usize,
        b: usize,
        starts: &HashMap<usize, Cand>,
        role: Option<(Role, Vec<EntityRef>)>,
    ) -> Cand {
        match starts
            .get(&a)
            .filter(|c| c.b == b && self.lex.class_of(&c.entity) == Class::Person)
        {
            Some(c) => Cand {
                prio: PRIO_TITLE,
                role,
                ..c.clone()
            },
            None => self.person(a, b, PRIO_TITLE, role),
        }
    }

    /// A new person named by tokens [a, b).
    fn person(&self, a: usize, b: usize, prio: u8, role: Option<(Role, Vec<EntityRef>)>) -> Cand {
        let label = self.label(a, 0, b, "");
        let entity = EntityRef::New {
            class: Class::Person,
            key: person_key(&label),
        };
        Cand {
            role,
            ..Cand::new(a, b, 0, entity, prio)
        }
    }

    fn quoted(&self, c: &Cand) -> bool {
        let chars = &self.text.norm.chars;
        let s = self.text.tokens[c.a].start + c.skip;
        let e = self.text.tokens[c.b - 1].end;
        let before = chars[..s].iter().rev().find(|c| !c.is_whitespace());
        let after = chars[e..].iter().find(|c| !c.is_whitespace());
        before == Some(&'"') && after == Some(&'"')
    }

    /// A place name after a preposition or a place noun: «في حماة»، «بحماة»، «ريف حماة».
    fn place_context(&self, c: &Cand) -> bool {
        if self.lex.class_of(&c.entity).family() != Family::Place {
            return false;
        }
        if c.skip > 0 && self.tok(c.a).starts_with('ب') {
            return true;
        }
        c.a > 0
            && !self.text.tokens[c.a].hard_before
            && self.lex.is(Fw::PlaceContext, self.tok(c.a - 1))
    }

    fn mention(&self, c: &Cand, kind: MentionKind) -> Mention {
        let (start, end) = self.text.orig_span(self.doc, c.a, c.skip, c.b);
        Mention {
            start,
            end,
            tokens: (c.a, c.b),
            entity: c.entity.clone(),
            kind,
            label: self.label(c.a, c.skip, c.b, &c.restore),
            role: c.role.clone(),
        }
    }
}

/// Recognizes the mentions of one analysed article.
pub fn recognize(lex: &Lexicon, doc: &Document, text: &Text) -> Recognized {
    let cx = Ctx { lex, doc, text };
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
    // longest first, then gazetteer before patterns, then text order
    cands.sort_by(|x, y| {
        (y.b - y.a)
            .cmp(&(x.b - x.a))
            .then(x.prio.cmp(&y.prio))
            .then(x.a.cmp(&y.a))
            .then(context_named(y).cmp(&context_named(x)))
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
                if o.role.is_none() && c.role.is_some() && lex.class_of(&o.entity) == Class::Person
                {
                    o.role = c.role.clone();
                }
            }
            continue;
        }
        taken[c.a..c.b].fill(true);
        chosen.push(c);
    }

    // an ambiguous name counts in context only
    let confirmed: HashSet<EntityRef> = chosen
        .iter()
        .filter(|c| !c.needs_context)
        .map(|c| c.entity.clone())
        .collect();
    let known_ids: HashSet<&str> = confirmed
        .iter()
        .filter_map(|e| match e {
            EntityRef::Known(i) => Some(lex.gazetteer[*i].id.as_str()),
            _ => None,
        })
        .collect();
    chosen.retain(|c| {
        if !c.needs_context {
            return true;
        }
        let ctx_ok = match &c.entity {
            EntityRef::Known(i) => lex.gazetteer[*i]
                .context
                .iter()
                .any(|id| known_ids.contains(id.as_str())),
            _ => false,
        };
        c.head_context
            || confirmed.contains(&c.entity)
            || ctx_ok
            || cx.quoted(c)
            || (c.weak_context && cx.place_context(c))
    });
    // a town abroad counts only where the article places itself in the town's country
    let evident = evident_countries(&cx, &chosen);
    let at_home = |c: &Cand| match c.entity {
        EntityRef::Known(i) => {
            let word = cand_word(&cx, c);
            c.head_context || cx.quoted(c) || !foreign_town(lex, i, word.as_deref(), &evident)
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
    for c in behind {
        if !(c.a..c.b).any(|t| taken[t]) && at_home(&c) {
            taken[c.a..c.b].fill(true);
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| (c.a, c.b));
    let mut mentions: Vec<Mention> = chosen
        .iter()
        .map(|c| cx.mention(c, MentionKind::Name))
        .collect();

    let mut extra = Vec::new();
    for (i, _) in taken.iter().enumerate().filter(|(_, t)| !**t) {
        // anaphors: السجن → the prison named last
        for (k, v, restore) in cx.text.readings(i).iter().map(
            |Reading {
                 skip: k,
                 word: v,
                 restored: r,
             }| (*k, v.as_str(), r.as_str()),
        ) {
            let Some((class, prefix)) = lex.anaphors.get(v) else {
                continue;
            };
            let fits = |m: &Mention| {
                m.kind == MentionKind::Name
                    && lex.class_of(&m.entity) == *class
                    && prefix
                        .as_ref()
                        .is_none_or(|p| fold_str(&m.label).starts_with(p.as_str()))
            };
            // the group the article is about: named most often so far, then last
            let count = |e: &EntityRef| {
                mentions
                    .iter()
                    .filter(|m| m.tokens.1 <= i && &m.entity == e)
                    .count()
            };
            let before = mentions
                .iter()
                .filter(|m| m.tokens.1 <= i && fits(m))
                .max_by_key(|m| (count(&m.entity), m.tokens.1));
            let target = before.map(|m| m.entity.clone()).or_else(|| {
                let all: HashSet<&EntityRef> = mentions
                    .iter()
                    .filter(|m| fits(m))
                    .map(|m| &m.entity)
                    .collect();
                (all.len() == 1)
                    .then(|| all.into_iter().next().cloned())
                    .flatten()
            });
            if let Some(entity) = target {
                let c = Cand {
                    restore: restore.to_string(),
                    ..Cand::new(i, i + 1, k, entity, PRIO_REFERENCE)
                };

                extra.push(cx.mention(&c, MentionKind::Anaphor));
                break;
            }
        }
        // a surname alone after a speech verb: وقال علي
        if i > 0 {
            let after_speech = cx.text.readings(i - 1).iter().any(
                |Reading {
                     skip: k, word: v, ..
                 }| *k <= 1 && lex.speech_verbs.contains_key(v.as_str()),
            );
            if after_speech {
                let orig_word = clean_label(&{
                    let (s, e) = text.orig_span(doc, i, 0, i + 1);
                    doc.slice(s, e)
                });
                let person = mentions
                    .iter()
                    .filter(|m| m.tokens.1 <= i && lex.class_of(&m.entity) == Class::Person)
                    .rev()
                    .find(|m| {
                        let words: Vec<&str> = m.label.split(' ').collect();
                        words.len() >= 2 && words.last() == Some(&orig_word.as_str())
                    });
                if let Some(p) = person {
                    let c = Cand::new(i, i + 1, 0, p.entity.clone(), PRIO_REFERENCE);

                    extra.push(cx.mention(&c, MentionKind::Short));
                }
            }
        }
    }
    mentions.extend(extra);
    mentions.sort_by_key(|m| (m.start, m.end));

    let same = equivalences(&cx, &mentions);
    let mut located_in = containment(&cx, &mentions);
    located_in.extend(reverse_containment(&cx, &mentions));
    located_in.extend(known_containment(&cx, &mentions));
    let mut relations = role_relations(lex, &mentions);
    relations.extend(phrase_relations(&cx, &mentions));
    relations.extend(attached_relations(&cx, &mentions));
    relations.sort();
    relations.dedup();
    Recognized {
        mentions,
        same,
        located_in,
        relations,
    }
}

/// An organisation named right after another with «لـ»، «بـ» or «في» is the one it belongs to:
/// «وزارة الصحة بحكومة الوحدة الوطنية»، «قيادة عمليات ديالى للحشد الشعبي»، «المركز الإعلامي
/// لقوات سوريا الديمقراطية» → partOf. Outlets are left out («بيان لوكالة …» says nothing of
/// membership).
fn attached_relations(cx: &Ctx, mentions: &[Mention]) -> Vec<(EntityRef, Relation, EntityRef)> {
    let lex = cx.lex;
    let body = |m: &Mention| {
        m.kind == MentionKind::Name
            && matches!(
                lex.class_of(&m.entity),
                Class::Government | Class::ArmedGroup | Class::Organization
            )
    };
    let mut out = Vec::new();
    for (i, a) in mentions.iter().enumerate() {
        if !body(a) {
            continue;
        }
        let Some(b) = mentions[i + 1..].iter().find(|b| b.tokens.0 >= a.tokens.1) else {
            continue;
        };
        if !body(b) || b.entity == a.entity || cx.text.tokens[b.tokens.0].hard_before {
            continue;
        }
        let t = cx.tok(b.tokens.0);
        let attached = if b.tokens.0 == a.tokens.1 {
            // the clitic is on B's first word, outside its span
            (t.starts_with('ل') || t.starts_with('ب'))
                && b.start > cx.text.norm.map[cx.text.tokens[b.tokens.0].start]
        } else {
            b.tokens.0 == a.tokens.1 + 1 && cx.tok(a.tokens.1) == "في"
        };
        if attached {
            out.push((a.entity.clone(), Relation::PartOf, b.entity.clone()));
        }
    }
    out
}

/// «X المعروف باسم Y»: pairs of mentions naming one entity.
fn equivalences(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let by_start: HashMap<usize, usize> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.tokens.0, i))
        .collect();
    for p in 0..cx.n() {
        // the longest phrase there, its first word through a one-letter proclitic at most
        let found = cx
            .lex
            .equivalence
            .at(cx.text, p, 1)
            .into_iter()
            .min_by_key(|m| m.phrase.order);
        if let Some(m) = found {
            let mut q = m.end;
            if m.value().clitic && q < cx.n() && cx.tok(q) == "ب" {
                q += 1;
            }
            let Some(&y) = by_start.get(&q) else { continue };
            let ycls = cx.lex.class_of(&mentions[y].entity);
            let sent = cx.text.tokens[p].sentence;
            let x = mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.tokens.1 <= p
                        && cx.text.tokens[m.tokens.0].sentence == sent
                        && cx.lex.class_of(&m.entity) == ycls
                })
                .max_by_key(|(_, m)| m.tokens.1)
                .map(|(i, _)| i);
            if let Some(x) = x {
                if mentions[x].entity != mentions[y].entity {
                    out.push((x, y));
                }
            }
        }
    }
    out
}

fn place_rank(c: Class) -> Option<u8> {
    match c {
        Class::Prison | Class::Camp | Class::Facility => Some(0),
        Class::Neighborhood => Some(1),
        Class::City => Some(2),
        Class::Governorate | Class::Region => Some(3),
        Class::Country => Some(4),
        _ => None,
    }
}

/// A token this frequent as a whole word is not read as proclitic + name without context.
const CLITIC_WORD_ZIPF: f32 = 3.5;

/// Towns of at most this many inhabitants (GeoNames) count only in an article that places itself
/// in their country: «برياً»، «مشهد»، «الأبيض» are words before they are towns abroad.
const TOWN_NEEDS_COUNTRY: u64 = 1_000_000;

fn country_of(lex: &Lexicon, gi: usize) -> Option<usize> {
    if lex.gazetteer[gi].class == Class::Country {
        return Some(gi);
    }
    lex.within_chain(gi)
        .into_iter()
        .find(|&x| lex.gazetteer[x].class == Class::Country)
}

/// A one-word town name this frequent as a word («مشهد»: a scene) needs its country whatever the
/// town's size.
const WORD_NEEDS_COUNTRY_ZIPF: f32 = 3.8;

/// A town that counts only where its country is evident: a small one, or one named by a
/// frequent word.
fn needs_country(lex: &Lexicon, gi: usize, word: Option<&str>) -> bool {
    let g = &lex.gazetteer[gi];
    g.class == Class::City
        && g.population.is_some_and(|p| {
            p < TOWN_NEEDS_COUNTRY || word.is_some_and(|w| lex.zipf(w) >= WORD_NEEDS_COUNTRY_ZIPF)
        })
}

/// The single word a candidate is read from, without its proclitics.
fn cand_word(cx: &Ctx, c: &Cand) -> Option<String> {
    (c.b - c.a == 1).then(|| cx.tok(c.a).chars().skip(c.skip).collect())
}

/// A town that needs its country, in an article that does not establish it.
fn foreign_town(lex: &Lexicon, gi: usize, word: Option<&str>, evident: &HashSet<usize>) -> bool {
    needs_country(lex, gi, word) && country_of(lex, gi).is_some_and(|c| !evident.contains(&c))
}

/// The countries an article places itself in: those it names, those of the places (other than
/// towns that need their country) and actors it names, and those of the nisba adjectives it uses («السوداني»).
fn evident_countries(cx: &Ctx, chosen: &[Cand]) -> HashSet<usize> {
    let lex = cx.lex;
    let mut out: HashSet<usize> = chosen
        .iter()
        .filter_map(|c| match c.entity {
            EntityRef::Known(i) if !needs_country(lex, i, cand_word(cx, c).as_deref()) => {
                country_of(lex, i)
            }
            _ => None,
        })
        .collect();
    for t in 0..cx.n() {
        for Reading {
            skip: k, word: v, ..
        } in cx.text.readings(t)
        {
            if let Some(Some(id)) = (*k <= 2).then(|| lex.demonyms.get(v.as_str())).flatten() {
                out.extend(lex.by_id.get(id).copied());
            }
        }
    }
    out
}

/// A place named as a dateline: at the start of a line or after a dash, and followed by a dash
/// or a colon («الفاشر - قُتل …»، «بوابة أوكرانيا -كييف-»، «القامشلي: شهدت …»): where the report was filed, not what it is about.
pub fn is_dateline(doc: &Document, m: &Mention) -> bool {
    let dash = |c: char| matches!(c, '-' | '–' | '—');
    let before = doc.chars[..m.start]
        .iter()
        .rev()
        .find(|c| **c != ' ' && **c != '\u{a0}');
    let after = doc.chars[m.end..]
        .iter()
        .find(|c| **c != ' ' && **c != '\u{a0}');
    before.is_none_or(|c| *c == '\n' || dash(*c))
        && after.is_some_and(|c| dash(*c) || (*c == ':' && before.is_none_or(|c| *c == '\n')))
}

/// A town and the division the gazetteer places it in, named in one sentence («وفي جنوب كردفان
/// … مدينتا كادقلي والدلنج»، «زنجبار، مركز محافظة أبين»), or the town with the division's head
/// as a definite noun when the article names that division («بيشاور، عاصمة الإقليم»، «جاسم
/// شمالي المحافظة»): (town, division) pairs of mentions.
fn known_containment(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
    let lex = cx.lex;
    let sentence = |m: &Mention| cx.text.tokens[m.tokens.0].sentence;
    let division = |c: Class| matches!(c, Class::Governorate | Class::Region);
    let mut out = Vec::new();
    for (a, m) in mentions.iter().enumerate() {
        let EntityRef::Known(gi) = m.entity else {
            continue;
        };
        if lex.gazetteer[gi].class != Class::City
            || m.kind == MentionKind::Anaphor
            || is_dateline(cx.doc, m)
        {
            continue;
        }
        let chain = lex.within_chain(gi);
        let holds = |x: &Mention| {
            matches!(x.entity, EntityRef::Known(g) if chain.contains(&g)
                && division(lex.gazetteer[g].class))
        };
        let here = mentions
            .iter()
            .position(|x| sentence(x) == sentence(m) && x.kind != MentionKind::Anaphor && holds(x));
        let anaphor = || {
            let sent = sentence(m);
            let named = mentions
                .iter()
                .position(|x| x.kind != MentionKind::Anaphor && holds(x))?;
            (m.tokens.1..cx.n())
                .take_while(|&j| cx.text.tokens[j].sentence == sent)
                .any(|j| {
                    cx.tok(j).strip_prefix("ال").is_some_and(|h| {
                        lex.heads
                            .get(h)
                            .is_some_and(|hd| division(hd.class) && hd.rule == HeadRule::Known)
                    })
                })
                .then_some(named)
        };
        if let Some(b) = here.or_else(anaphor) {
            out.push((a, b));
        }
    }
    out
}

/// «سجن X في مدينة Y»، «حي X بالحسكة»: (inner, outer) pairs of mentions.
fn containment(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let by_start: HashMap<usize, usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind != MentionKind::Anaphor)
        .map(|(i, m)| (m.tokens.0, i))
        .collect();
    for (a, m) in mentions.iter().enumerate() {
        let Some(ra) = place_rank(cx.lex.class_of(&m.entity)) else {
            continue;
        };
        let mut j = m.tokens.1;
        let mut steps = 0;
        let mut linked = false;
        while j < cx.n() && steps < 3 && !cx.text.tokens[j].hard_before {
            if let Some(&b) = by_start.get(&j) {
                let mb = &mentions[b];
                let prep = linked || cx.tok(j).starts_with('ب') || cx.tok(j).starts_with("وب");
                if let Some(rb) = place_rank(cx.lex.class_of(&mb.entity)) {
                    if prep && rb > ra && mb.entity != m.entity {
                        out.push((a, b));
                    }
                }
                break;
            }
            let w = cx.tok(j);
            let is_link = w == "ب" || cx.lex.is(Fw::LocatedLink, w);
            let is_head = cx.text.readings(j).iter().any(
                |Reading {
                     skip: k, word: v, ..
                 }| {
                    cx.lex
                        .heads
                        .get(v)
                        .is_some_and(|h| h.class.family() == Family::Place && !h.keep)
                        && (*k == 0 || v != w)
                },
            );
            if !(is_link || is_head) {
                break;
            }
            linked |= is_link || w.starts_with('ب');
            j += 1;
            steps += 1;
        }
    }
    out
}

/// The relation a title gives its holder.
fn role_relation(role: Role) -> Relation {
    match role {
        Role::Spokesperson => Relation::SpokespersonOf,
        Role::Commander => Relation::CommanderOf,
        Role::Official => Relation::OfficialOf,
        Role::Head => Relation::HeadOf,
        Role::None => Relation::AffiliatedWith,
    }
}

/// «القائد العام لقوات سوريا الديمقراطية مظلوم عبدي» → commanderOf; «الرئيس الفرنسي» → headOf.
fn role_relations(lex: &Lexicon, mentions: &[Mention]) -> Vec<(EntityRef, Relation, EntityRef)> {
    let mut out = Vec::new();
    for m in mentions {
        let Some((role, orgs)) = &m.role else {
            continue;
        };
        for o in orgs {
            let fam = lex.class_of(o).family();
            // a place is something one heads or represents, not commands
            let ok = fam == Family::Organization
                || (fam == Family::Place
                    && lex.class_of(o) == Class::Country
                    && matches!(role, Role::Head | Role::Official));
            if ok && *o != m.entity {
                out.push((m.entity.clone(), role_relation(*role), o.clone()));
            }
        }
    }
    out
}

fn is_actor(lex: &Lexicon, e: &EntityRef) -> bool {
    matches!(
        lex.class_of(e).family(),
        Family::Person | Family::Organization
    )
}

fn is_organization(lex: &Lexicon, e: &EntityRef) -> bool {
    lex.class_of(e).family() == Family::Organization
}

/// Relations stated by a phrase between two names (`relations.tsv`), with coordination on either
/// side: «قوات سوريا الديمقراطية ووحدات حماية المرأة الذين كانوا يحمون سجن الأقطان»،
/// «المدعومة من الولايات المتحدة والتحالف الدولي».
fn phrase_relations(cx: &Ctx, mentions: &[Mention]) -> Vec<(EntityRef, Relation, EntityRef)> {
    let lex = cx.lex;
    let names: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.kind != MentionKind::Short)
        .collect();
    // the names joined to one by «و», in order
    let joined = |i: usize, forward: bool| -> Vec<EntityRef> {
        let mut out = vec![names[i].entity.clone()];
        let mut k = i;
        loop {
            let next = if forward { k + 1 } else { k.wrapping_sub(1) };
            let Some(n) = names.get(next) else { break };
            let (first, second): (&Mention, &Mention) = if forward {
                (names[k], n)
            } else {
                (n, names[k])
            };
            // «X وY» or «X و Y»
            let clitic =
                second.tokens.0 == first.tokens.1 && cx.tok(second.tokens.0).starts_with('و');
            let word = second.tokens.0 == first.tokens.1 + 1 && cx.tok(first.tokens.1) == "و";
            if !(clitic || word) {
                break;
            }
            out.push(n.entity.clone());
            k = next;
        }
        out
    };
    let mut out = Vec::new();
    for p in 0..cx.n() {
        // the longest phrase there, its first word through a one-letter proclitic at most
        let found = lex
            .relations
            .at(cx.text, p, 1)
            .into_iter()
            .min_by_key(|m| m.phrase.order);
        if let Some(m) = found {
            let n = m.end - p;
            let RelationPhrase {
                relation: rel,
                subject_before: ab,
                gap,
            } = m.value();
            let sent = cx.text.tokens[p].sentence;
            let before = names
                .iter()
                .rposition(|m| m.tokens.1 <= p && cx.text.tokens[m.tokens.0].sentence == sent);
            let after = names.iter().position(|m| {
                m.tokens.0 >= p + n
                    && m.tokens.0 <= p + n + 2
                    && cx.text.tokens[m.tokens.0].sentence == sent
            });
            let (Some(a), Some(b)) = (before, after) else {
                continue;
            };
            if p - names[a].tokens.1 > *gap {
                continue;
            }
            let (subjects, objects) = if *ab {
                (joined(a, false), joined(b, true))
            } else {
                (joined(b, true), joined(a, false))
            };
            for s in &subjects {
                for o in &objects {
                    let fits = match rel {
                        Relation::Controls => {
                            is_actor(lex, s) && lex.class_of(o).family() == Family::Place
                        }
                        Relation::Supports => {
                            (is_actor(lex, s) || lex.class_of(s) == Class::Country)
                                && is_actor(lex, o)
                        }
                        Relation::PartOf => is_organization(lex, s) && is_organization(lex, o),
                        // «التحالف بقيادة الولايات المتحدة»: a country leads, it commands no one
                        Relation::CommanderOf
                        | Relation::SpokespersonOf
                        | Relation::OfficialOf
                        | Relation::HeadOf => lex.class_of(s) == Class::Person,
                        _ => true,
                    };
                    if fits && s != o {
                        out.push((s.clone(), *rel, o.clone()));
                    }
                }
            }
        }
    }
    out
}

/// «مدينة الشدادي التي تحتوي على سجن الكتيبة»: (inner, outer) pairs of mentions.
fn reverse_containment(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (a, m) in mentions.iter().enumerate() {
        let Some(ra) = place_rank(cx.lex.class_of(&m.entity)) else {
            continue;
        };
        let mut j = m.tokens.1;
        let mut saw = false;
        while j < cx.n() && j < m.tokens.1 + 4 {
            let w = cx.tok(j);
            if cx.lex.is(Fw::Contains, w) {
                saw = true;
            } else if !(cx.lex.is_stop(w)) {
                break;
            }
            j += 1;
        }
        if !saw {
            continue;
        }
        if let Some(b) = mentions
            .iter()
            .position(|x| x.tokens.0 == j && x.kind != MentionKind::Anaphor)
        {
            if place_rank(cx.lex.class_of(&mentions[b].entity)).is_some_and(|rb| rb < ra) {
                out.push((b, a));
            }
        }
    }
    out
}
