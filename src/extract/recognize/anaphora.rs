//! References that are not names: anaphors («السجن» → the prison named most), and a surname
//! alone after a speech verb («وقال علي»).

use super::*;

/// The country an article establishes: the one it names most, its places counting for their
/// country (a country named counts twice); ties go to the one named first.
pub(crate) fn article_country(lex: &Lexicon, mentions: &[Mention]) -> Option<String> {
    let mut score: Vec<(String, usize, usize)> = Vec::new();
    for (order, m) in mentions.iter().enumerate() {
        let EntityRef::Known(g) = m.entity else {
            continue;
        };
        let (country, weight) = if lex.gazetteer[g].class == Class::Country {
            (Some(g), 2)
        } else if lex.gazetteer[g].class.family() == Family::Place {
            let c = lex
                .within_chain(g)
                .into_iter()
                .find(|&x| lex.gazetteer[x].class == Class::Country);
            (c, 1)
        } else {
            (None, 0)
        };
        if let Some(c) = country {
            let id = &lex.gazetteer[c].id;
            match score.iter_mut().find(|(x, _, _)| x == id) {
                Some(s) => s.1 += weight,
                None => score.push((id.clone(), weight, order)),
            }
        }
    }
    score
        .into_iter()
        .max_by_key(|(_, w, order)| (*w, std::cmp::Reverse(*order)))
        .map(|(id, _, _)| id)
}

/// «الجيش»، «الشرطة»، «وزارة الصحة» where no name covers them: the body of the article's
/// country (`generics.tsv`), when the gazetteer has one; nothing otherwise.
fn generic_references(cx: &Ctx, taken: &[bool], mentions: &[Mention]) -> Vec<Mention> {
    let lex = cx.lex;
    // the article's country, found once and only where a generic phrase stands
    let mut country: Option<Option<String>> = None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.n() {
        let found = lex
            .generics
            .at(cx.text, i, 2)
            .into_iter()
            .filter(|m| (i..m.end).all(|t| !taken[t]))
            .max_by_key(|m| m.end);
        let Some(m) = found else {
            i += 1;
            continue;
        };
        let end = m.end;
        // «الجيش السوداني»، «الشرطة الاتحادية»، «الحكومة المعترف بها»: an adjective says which
        // body it is (another country's, a unit, one of two), not the generic one
        // («الحكومة المعترف بها دولياً»، «الحكومة الشرعية»: the country's government all the same)
        let epithet = m.value().class == Class::Government
            && end < cx.n()
            && lex.is(Fw::GovernmentEpithet, cx.tok(end));
        let qualified = end < cx.n()
            && !cx.text.tokens[end].hard_before
            && !epithet
            && (cx.is_demonym(cx.tok(end)) || cx.definite_at(end));
        // a body of this kind the article named in full before («وزارة الصحة العامة»، «وزارة
        // الصحة الفلسطينية» → «بحسب إحصاء لوزارة الصحة»), else the article's country's body
        let generic = m.value();
        // (else named after it: a headline's «7 من الشرطة» before the body's «شرطة خيبر
        // بختونخوا»)
        // (or, for a phrase of two words or more, after the body's own head: «قيادة الأمن
        // الداخلي في محافظة اللاذقية» → «عناصر الأمن الداخلي»)
        let phrase_words = end - i;
        let of_kind = |x: &&Mention| {
            let words: Vec<String> = label_words(&x.label);
            x.kind == MentionKind::Name
                && lex.class_of(&x.entity) == generic.class
                && generic.prefixes.iter().any(|p| {
                    words.len() > p.len()
                        && (words.starts_with(p) || phrase_words > 1 && words[1..].starts_with(p))
                })
        };
        let named_before = mentions
            .iter()
            .filter(|x| x.tokens.1 <= i)
            .rfind(of_kind)
            .or_else(|| mentions.iter().filter(|x| x.tokens.0 >= end).find(of_kind))
            .map(|x| x.entity.clone());
        let country = country.get_or_insert_with(|| article_country(cx.lex, mentions));
        let body = named_before.or_else(|| {
            country
                .as_ref()
                .and_then(|c| lex.generic_bodies.get(&(c.clone(), generic.index)))
                .map(|&g| EntityRef::Known(g))
        });
        // the epithet is part of how the text names it («الحكومة المعترف بها دولياً»): the
        // adjective, then its «بها» and an adverb in «-ياً» («دولياً»)
        // (an adverb of manner is a nisba in the accusative: «دولياً»)
        let adverb = format!("{}{}", affixes().nisba, affixes().accusative);
        let end = if epithet {
            let mut e = end + 1;
            while e < cx.n()
                && e - end <= 2
                && !cx.text.tokens[e].hard_before
                && (lex.is_stop(cx.tok(e)) || cx.tok(e).ends_with(adverb.as_str()))
            {
                e += 1;
            }
            e
        } else {
            end
        };
        if let (false, Some(entity)) = (qualified, body) {
            let c = Cand::new(i, end, m.skip(), entity, PRIO_REFERENCE);
            // (with its epithet the phrase is one of the names the body goes by)
            let kind = if epithet {
                MentionKind::Name
            } else {
                MentionKind::Anaphor
            };
            out.push(cx.mention(&c, kind));
        }
        i = end;
    }
    out
}

/// A town or quarter the article found by its head noun («مدينة عيلبور»), or a district whose
/// name keeps its head («مديرية برمل»), named again without it («نزوح 600 أسرة من عيلبور»،
/// «نزحت من القرى الحدودية في برمل»): the same place, where its name is no common word.
fn places_named_again(cx: &Ctx, taken: &[bool], mentions: &[Mention]) -> Vec<Mention> {
    let lex = cx.lex;
    let found: Vec<(Vec<String>, &EntityRef)> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name && matches!(m.entity, EntityRef::New { .. }))
        .filter_map(|m| {
            let mut words: Vec<String> = label_words(&m.label);
            match lex.class_of(&m.entity) {
                Class::City | Class::Neighborhood => {}
                Class::Region if words.len() >= 2 && lex.is(Fw::DistrictHead, &words[0]) => {
                    words.remove(0);
                }
                _ => return None,
            }
            Some((words, &m.entity))
        })
        .filter(|(words, _)| {
            words.len() <= 3
                && words[0].chars().count() >= 3
                && !words.iter().any(|w| lex.is_common(w) || lex.is_stop(w))
        })
        .collect();
    let mut out: Vec<Mention> = Vec::new();
    if found.is_empty() {
        return out;
    }
    // (a token is looked at only where one of the names' first words is among its readings)
    let firsts: HashSet<&str> = found.iter().map(|(w, _)| w[0].as_str()).collect();
    let mut i = 0;
    while i < cx.n() {
        if taken[i]
            || !cx
                .text
                .readings(i)
                .iter()
                .any(|r| firsts.contains(r.word.as_str()))
        {
            i += 1;
            continue;
        }
        let hit = found.iter().find_map(|(words, entity)| {
            let end = i + words.len();
            if end > cx.n()
                || (i..end).any(|t| taken[t])
                || (i + 1..end).any(|t| cx.text.tokens[t].hard_before)
            {
                return None;
            }
            if !(1..words.len()).all(|j| cx.tok(i + j) == words[j]) {
                return None;
            }
            let skip = cx
                .text
                .readings(i)
                .iter()
                .map(Reading::parts)
                .find(|(_, v, restore)| restore.is_empty() && *v == words[0].as_str())
                .map(|(k, _, _)| k)?;
            Some(Cand::new(i, end, skip, (*entity).clone(), PRIO_REFERENCE))
        });
        match hit {
            Some(c) => {
                i = c.b;
                out.push(cx.mention(&c, MentionKind::Name));
            }
            None => i += 1,
        }
    }
    out
}

/// The references among the tokens no name covers.
pub(super) fn references(cx: &Ctx, taken: &[bool], mentions: &[Mention]) -> Vec<Mention> {
    let (lex, doc, text) = (cx.lex, cx.doc, cx.text);
    let mut extra = generic_references(cx, taken, mentions);
    let again = {
        let mut t = taken.to_vec();
        for m in &extra {
            t[m.tokens.0..m.tokens.1].fill(true);
        }
        places_named_again(cx, &t, mentions)
    };
    extra.extend(again);
    let taken: Vec<bool> = {
        let mut t = taken.to_vec();
        for m in &extra {
            t[m.tokens.0..m.tokens.1].fill(true);
        }
        t
    };
    let taken = &taken[..];
    for (i, _) in taken.iter().enumerate().filter(|(_, t)| !**t) {
        // anaphors: السجن → the prison named last
        for (k, v, restore) in cx.text.readings(i).iter().map(Reading::parts) {
            let Some((class, prefix)) = lex.anaphors.get(v) else {
                continue;
            };
            // («الميليشيا» is never the army: a name beginning with an army-word)
            let irregular = lex.is(Fw::Irregular, v);
            let army = |m: &Mention| {
                fold_str(&m.label)
                    .split(' ')
                    .next()
                    .is_some_and(|w| lex.is(Fw::ArmyWord, w))
            };
            let fits = |m: &Mention| {
                m.kind == MentionKind::Name
                    && class.contains(&lex.class_of(&m.entity))
                    && !(irregular && army(m))
                    // (the name may come after a noun of membership: «مقاتلو حركة الشباب»)
                    && (prefix.is_empty() || {
                        // (by the name in the text, or the gazetteer's: «داعش» is «تنظيم الدولة»)
                        let starts = |l: &str| {
                            fold_str(l)
                                .split(' ')
                                .take(2)
                                .any(|w| prefix.iter().any(|p| w == p.as_str()))
                        };
                        starts(&m.label)
                            || matches!(m.entity, EntityRef::Known(g) if starts(&lex.gazetteer[g].name_ar))
                    })
            };
            // the group the article is about: named most often so far, then last
            let count = |e: &EntityRef| {
                mentions
                    .iter()
                    .filter(|m| m.tokens.1 <= i && &m.entity == e)
                    .count()
            };
            // (a name that begins with the anaphor's own noun before one that begins with
            // another it accepts: «الجماعة» is «جماعة نصرة الإسلام …» rather than «تنظيم القاعدة»
            // named in a phrase about it)
            let rank = |m: &Mention| {
                let first = |l: &str| fold_str(l).split(' ').next().map(str::to_string);
                let label = first(&m.label);
                let listed = match m.entity {
                    EntityRef::Known(g) => first(&lex.gazetteer[g].name_ar),
                    _ => None,
                };
                prefix
                    .iter()
                    .position(|p| {
                        label.as_deref() == Some(p.as_str())
                            || listed.as_deref() == Some(p.as_str())
                    })
                    .unwrap_or(prefix.len())
            };
            let before = mentions
                .iter()
                .filter(|m| m.tokens.1 <= i && fits(m))
                .max_by_key(|m| (count(&m.entity), std::cmp::Reverse(rank(m)), m.tokens.1));
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
            let after_speech = lex.speech_verb_at(cx.text, i - 1);
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
    extra
}
