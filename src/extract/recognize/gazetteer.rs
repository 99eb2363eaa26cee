//! Names from the gazetteer, and whether a town abroad may be read in an article that never places itself in its country.

use super::*;

impl Ctx<'_> {
    /// Gazetteer names starting at token i.
    pub(super) fn gazetteer_at(&self, i: usize) -> Vec<Cand> {
        let mut out = Vec::new();
        // callers look one past a name («سجن X» at the end of the text): nothing there
        if i >= self.n() {
            return out;
        }
        for r in self.text.readings(i) {
            if !self.lex.names.may_start(r) {
                continue;
            }
            let (k, v, restore) = r.parts();
            for p in self.lex.names.found(v, self.text, i) {
                let (n, e) = (p.words.len(), &p.value);
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
                    // only in context — not where the name is the more frequent word, which
                    // makes the token frequent («وسوريا»، «وتركيا»)
                    needs_context: e.needs_context
                        || (k > 0
                            && n == 1
                            && self.lex.zipf(self.tok(i)) >= CLITIC_WORD_ZIPF
                            && self.lex.zipf(self.tok(i)) >= self.lex.zipf(v)),
                    weak_context: e.weak_context,
                    head_context: false,
                    role: None,
                    label: None,
                    part_of: None,
                    names_also: None,
                    full_label: false,
                });
            }
        }
        out
    }

    pub(super) fn longest_gazetteer_at(&self, i: usize) -> Option<Cand> {
        self.gazetteer_at(i)
            .into_iter()
            .filter(|c| c.skip == 0)
            .max_by(|x, y| {
                (x.b, std::cmp::Reverse(x.needs_context))
                    .cmp(&(y.b, std::cmp::Reverse(y.needs_context)))
            })
    }
}

/// A token this frequent as a whole word is not read as proclitic + name without context.
pub(super) const CLITIC_WORD_ZIPF: f32 = 3.5;

/// Towns of at most this many inhabitants (GeoNames) count only in an article that places itself
/// in their country: «برياً»، «مشهد»، «الأبيض» are words before they are towns abroad.
pub(super) const TOWN_NEEDS_COUNTRY: u64 = 1_000_000;

pub(super) fn country_of(lex: &Lexicon, gi: usize) -> Option<usize> {
    if lex.gazetteer[gi].class == Class::Country {
        return Some(gi);
    }
    lex.within_chain(gi)
        .into_iter()
        .find(|&x| lex.gazetteer[x].class == Class::Country)
}

/// A one-word town name this frequent as a word («مشهد»: a scene) needs its country whatever the
/// town's size.
pub(super) const WORD_NEEDS_COUNTRY_ZIPF: f32 = 3.8;

/// A town that counts only where its country is evident: a small one, or one named by a
/// frequent word.
pub(super) fn needs_country(lex: &Lexicon, gi: usize, word: Option<&str>) -> bool {
    let g = &lex.gazetteer[gi];
    g.class == Class::City
        && g.population.is_some_and(|p| {
            p < TOWN_NEEDS_COUNTRY || word.is_some_and(|w| lex.zipf(w) >= WORD_NEEDS_COUNTRY_ZIPF)
        })
}

/// The single word a candidate is read from, without its proclitics.
pub(super) fn cand_word(cx: &Ctx, c: &Cand) -> Option<String> {
    (c.b - c.a == 1).then(|| cx.tok(c.a).chars().skip(c.skip).collect())
}

/// A town that needs its country, in an article that does not establish it.
pub(super) fn foreign_town(
    lex: &Lexicon,
    gi: usize,
    word: Option<&str>,
    evident: &HashSet<usize>,
) -> bool {
    needs_country(lex, gi, word) && country_of(lex, gi).is_some_and(|c| !evident.contains(&c))
}

/// The countries an article places itself in: those it names, those of the places (other than
/// towns that need their country) and actors it names, and those of the nisba adjectives it uses («السوداني»).
pub(super) fn evident_countries(cx: &Ctx, chosen: &[Cand]) -> HashSet<usize> {
    let lex = cx.lex;
    let mut out: HashSet<usize> = chosen
        .iter()
        .filter_map(|c| match c.entity {
            // (a town that needs its country, named with its head noun, places the article
            // there all the same: «بلدة بني سهيلا»)
            EntityRef::Known(i)
                if c.head_context || !needs_country(lex, i, cand_word(cx, c).as_deref()) =>
            {
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
