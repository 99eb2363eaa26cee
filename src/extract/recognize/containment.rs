//! Places the text puts inside each other («مخيم X في Y»، «X شمالي Y»), both ways.

use super::*;

/// How large a place is, to tell which holds which: a camp holds quarters and sites («حارة
/// المنشية داخل مخيم نور شمس») and lies in a town.
pub(super) fn place_rank(c: Class) -> Option<u8> {
    match c {
        Class::Prison | Class::Facility => Some(0),
        Class::Neighborhood => Some(1),
        Class::Camp => Some(2),
        Class::City => Some(3),
        Class::Governorate | Class::Region => Some(4),
        Class::Country => Some(5),
        _ => None,
    }
}

/// A town (or a state) and the division (or historic region) the gazetteer places it in, named in
/// one sentence («وفي جنوب كردفان
/// … مدينتا كادقلي والدلنج»، «زنجبار، مركز محافظة أبين»), or the town with the division's head
/// as a definite noun when the article names that division («بيشاور، عاصمة الإقليم»، «جاسم
/// شمالي المحافظة»): (town, division) pairs of mentions.
pub(super) fn known_containment(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
    let lex = cx.lex;
    let sentence = |m: &Mention| cx.text.tokens[m.tokens.0].sentence;
    let division = |c: Class| matches!(c, Class::Governorate | Class::Region);
    let mut out = Vec::new();
    for (a, m) in mentions.iter().enumerate() {
        let EntityRef::Known(gi) = m.entity else {
            continue;
        };
        // (a state in its historic region too: «ولايات كردفان الثلاث، شمال كردفان …»; a listed
        // site in its town: «مستشفى الشفاء … في مدينة غزة»)
        let site = matches!(
            lex.gazetteer[gi].class,
            Class::Facility | Class::Prison | Class::Camp
        );
        if !(site || matches!(lex.gazetteer[gi].class, Class::City | Class::Governorate))
            || m.kind == MentionKind::Anaphor
            || is_dateline(cx.doc, m)
        {
            continue;
        }
        let chain = lex.within_chain(gi);
        let holds = |x: &Mention| {
            matches!(x.entity, EntityRef::Known(g) if chain.contains(&g)
                && (division(lex.gazetteer[g].class)
                    || site && lex.gazetteer[g].class == Class::City))
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
                    affixes().bare(cx.tok(j), 0).is_some_and(|h| {
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

/// How many link words and heads may stand between a place and its container («حي الزيتون جنوب
/// شرقي مدينة غزة»: two words of direction and a head).
const LINK_STEPS: usize = 4;

/// «سجن X في مدينة Y»، «حي X بالحسكة»: (inner, outer) pairs of mentions; and places in the
/// countryside of a town («قرية X في ريف درعا»), which lie in the division the town is in.
pub(super) fn containment(cx: &Ctx, mentions: &[Mention]) -> (Vec<(usize, usize)>, Vec<Stated>) {
    let mut out = Vec::new();
    let mut rural = Vec::new();
    // (a division's or a town's head noun refers to the one of that kind named before: «ناحية
    // الرشاد جنوب غربي المحافظة»، «حي الزهراء شرقي المدينة»، «سوق نيفاشا وسط المدينة»; so does
    // a camp's: «حارة المنشية داخل المخيم»)
    let by_start: HashMap<usize, usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.kind != MentionKind::Anaphor
                || matches!(
                    cx.lex.class_of(&m.entity),
                    Class::Governorate | Class::City | Class::Camp
                )
        })
        .map(|(i, m)| (m.tokens.0, i))
        .collect();
    for (a, m) in mentions.iter().enumerate() {
        let Some(ra) = place_rank(cx.lex.class_of(&m.entity)) else {
            continue;
        };
        // «مدينة شرنة، مركز الولاية»، «بيشاور، عاصمة الإقليم»: a town set off by a comma as
        // the seat of a division
        let seat = m.tokens.1;
        if ra == place_rank(Class::City).unwrap_or(3)
            && seat + 1 < cx.n()
            && cx.text.tokens[seat].hard_before
            && !cx.text.tokens[seat + 1].hard_before
            && cx.lex.is(Fw::Seat, cx.tok(seat))
        {
            if let Some(&b) = by_start.get(&(seat + 1)) {
                let c = cx.lex.class_of(&mentions[b].entity);
                if matches!(c, Class::Governorate | Class::Region) && mentions[b].entity != m.entity
                {
                    out.push((a, b));
                    // «عاصمة ولاية جنوب الغرب ومركز إقليم باي»: a second seat joined by «و»
                    let next = mentions[b].tokens.1;
                    let second = next + 1 < cx.n()
                        && !cx.text.tokens[next].hard_before
                        && !cx.text.tokens[next + 1].hard_before
                        && cx
                            .tok(next)
                            .strip_prefix(affixes().conj.as_str())
                            .is_some_and(|w| cx.lex.is(Fw::Seat, w));
                    if let Some(&b2) = by_start.get(&(next + 1)).filter(|_| second) {
                        let c2 = cx.lex.class_of(&mentions[b2].entity);
                        if matches!(c2, Class::Governorate | Class::Region)
                            && mentions[b2].entity != m.entity
                        {
                            out.push((a, b2));
                        }
                    }
                    continue;
                }
            }
        }
        let mut j = m.tokens.1;
        let mut steps = 0;
        let mut linked = false;
        let mut inside = false;
        let mut countryside = false;
        // («المقدادية، شمال شرقي محافظة ديالى»: a comma, then a word of direction)
        let bearing_after_comma =
            |j: usize| cx.comma_before(j) && cx.lex.is(Fw::Bearing, cx.tok(j));
        while j < cx.n()
            && steps < LINK_STEPS
            && (!cx.text.tokens[j].hard_before || steps == 0 && bearing_after_comma(j))
        {
            if let Some(&b) = by_start.get(&j) {
                let mb = &mentions[b];
                let af = affixes();
                // (the «بـ» is a clitic outside the name, not its first letter: «وبني سهيلا»)
                let outside = cx.text.chars_before(j, mb.start);
                let bi = cx.tok(j).starts_with(af.bi.as_str()) && outside >= af.bi.chars().count();
                let prep = linked
                    || bi
                    || cx.tok(j).starts_with(af.conj_bi.as_str())
                        && outside >= af.conj_bi.chars().count();
                if let Some(rb) = place_rank(cx.lex.class_of(&mb.entity)) {
                    // «ناحية العظيم شمالي محافظة ديالى»: an area linked to a first-level
                    // division lies in it, though both rank as divisions
                    let (ca, cb) = (cx.lex.class_of(&m.entity), cx.lex.class_of(&mb.entity));
                    let sub_division = rb == ra
                        && ((ca == Class::Region && cb == Class::Governorate)
                            // «ناحية كاني ماسي في قضاء العمادية»: «في» or «بـ» between two
                            // divisions puts the first inside the second
                            || ((inside || bi) && ra == place_rank(Class::Governorate).unwrap_or(4))
                            // «تحصيل ماموند بمنطقة باجور»: an area «في» or «بـ» another lies in it
                            || ((inside || bi) && ca == Class::Region && cb == Class::Region));
                    // «منطقة المواصي غرب مدينة خان يونس»: an area nobody listed, linked to a
                    // town, is a part of it
                    // (a listed area too, linked by a word of direction: «منطقة المواصي غرب …»)
                    let area_of_town = ca == Class::Region
                        && cb == Class::City
                        && (matches!(m.entity, EntityRef::New { .. })
                            || (m.tokens.1..j).any(|x| cx.lex.is(Fw::Bearing, cx.tok(x))))
                        && linked;
                    if prep && (rb > ra || sub_division || area_of_town) && mb.entity != m.entity {
                        out.push((a, b));
                    } else if countryside {
                        if let Some(d) = division_of(cx.lex, &mb.entity) {
                            if ra < place_rank(cx.lex.class_of(&d)).unwrap_or(0) && d != m.entity {
                                rural.push((a, d));
                            }
                        }
                    }
                }
                break;
            }
            let w = cx.tok(j);
            // «مدرسة الجاعوني التابعة لوكالة الأونروا في مخيم النصيرات»: whose the place is,
            // said right after it, stands between it and where it lies
            if steps == 0 {
                let owner = cx.lex.relations.found(w, cx.text, j).iter().find_map(|p| {
                    let k = j + p.words.len();
                    by_start.get(&k).map(|&o| &mentions[o]).filter(|o| {
                        cx.lex.class_of(&o.entity).family() == Family::Organization
                            && !cx.text.tokens[k].hard_before
                    })
                });
                if let Some(o) = owner {
                    j = o.tokens.1;
                    steps += 1;
                    continue;
                }
            }
            // «بالعاصمة الليبية طرابلس»: a head noun's adjective of nationality
            if steps > 0 && !linked_only_by_prep(cx, j - 1) && cx.is_demonym(w) {
                j += 1;
                steps += 1;
                continue;
            }
            // «مدينة جنين ومخيمها شمال الضفة الغربية»: the place's own camp or quarter, joined by
            // «و» right after it, lies where the place lies; the container comes after it
            if steps == 0 && own_place(cx, w) {
                j += 1;
                steps += 1;
                continue;
            }
            // «مخيم السويداء للنازحين قرب مدينة مأرب»: a camp's epithet is part of its name
            if steps == 0
                && cx.lex.class_of(&m.entity) == Class::Camp
                && cx.lex.is(Fw::CampEpithet, w)
            {
                j += 1;
                continue;
            }
            // «بريف اللاذقية»، «بشمال …»: the link word may carry «بـ»
            let is_link = w == affixes().bi
                || cx.lex.is(Fw::LocatedLink, w)
                || w.strip_prefix(affixes().bi.as_str())
                    .is_some_and(|rest| cx.lex.is(Fw::LocatedLink, rest));
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
            linked |= is_link || w.starts_with(affixes().bi.as_str());
            inside |= affixes().is_fi(w) || w.starts_with(affixes().bi.as_str());
            countryside |= cx
                .text
                .readings(j)
                .iter()
                .any(|r| r.skip <= 2 && cx.lex.is(Fw::Countryside, &r.word));
            j += 1;
            steps += 1;
        }
    }
    // places joined by «و» share the container (or countryside division) named after the last;
    // not the two ends of a road after «بين» («الطريق بين كويتا وكراتشي في منطقة قلات»): neither
    // lies in what the road crosses
    let rank = |i: usize| place_rank(cx.lex.class_of(&mentions[i].entity));
    let mut shared = Vec::new();
    let mut rural_shared = Vec::new();
    let runs = joined_runs(cx, mentions);
    let between: Vec<usize> = runs
        .iter()
        .filter(|run| {
            let a = mentions[run[0]].tokens.0;
            a > 0 && cx.lex.is(Fw::Between, cx.tok(a - 1))
        })
        .flatten()
        .copied()
        .collect();
    out.retain(|(x, _)| !between.contains(x));
    rural.retain(|(x, _)| !between.contains(x));
    for run in runs.iter().filter(|run| !between.contains(&run[0])) {
        let (last, before) = run.split_last().expect("a run has two places or more");
        for &(_, y) in out.iter().filter(|(x, _)| x == last) {
            for &inner in before {
                if rank(inner) < rank(y) && mentions[inner].entity != mentions[y].entity {
                    shared.push((inner, y));
                }
            }
        }
        for (_, d) in rural.iter().filter(|(x, _)| x == last) {
            for &inner in before {
                if rank(inner) < place_rank(Class::Governorate) {
                    rural_shared.push((inner, d.clone()));
                }
            }
        }
    }
    out.extend(shared);
    let rural = rural
        .into_iter()
        .chain(rural_shared)
        .map(|(a, d)| (mentions[a].entity.clone(), Relation::LocatedIn, d))
        .collect();
    (out, rural)
}

/// The first-level division a known town lies in (its countryside's division).
fn division_of(lex: &Lexicon, e: &EntityRef) -> Option<EntityRef> {
    let EntityRef::Known(gi) = e else { return None };
    if lex.gazetteer[*gi].class != Class::City {
        return None;
    }
    lex.within_chain(*gi)
        .into_iter()
        .find(|&g| matches!(lex.gazetteer[g].class, Class::Governorate | Class::Region))
        .map(EntityRef::Known)
}

/// «ومخيمها»، «وريفها»: «و», a place's head noun and a possessive pronoun.
fn own_place(cx: &Ctx, w: &str) -> bool {
    let af = affixes();
    let Some(rest) = w.strip_prefix(af.conj.as_str()) else {
        return false;
    };
    let place_head = |h: &str| {
        cx.lex
            .heads
            .get(h)
            .is_some_and(|hd| hd.class.family() == Family::Place)
    };
    af.possessives.iter().any(|p| {
        rest.strip_suffix(p.as_str()).is_some_and(|h| {
            // a feminine head before a suffix ends in «ت» («مدينتها»)
            place_head(h)
                || h.strip_suffix(af.construct.as_str())
                    .is_some_and(|stem| place_head(&format!("{stem}{}", af.feminine)))
        })
    })
}

/// Whether token j is only a linking preposition (not a head noun a demonym could describe).
fn linked_only_by_prep(cx: &Ctx, j: usize) -> bool {
    let w = cx.tok(j);
    w == affixes().bi || cx.lex.is(Fw::LocatedLink, w)
}

/// The runs of two places or more joined one to the next by «و»: «ميناء الحديدة وميناء رأس عيسى»،
/// «منطقتي سوق الجمعة وعين زارة» (mention indices, in text order).
fn joined_runs(cx: &Ctx, mentions: &[Mention]) -> Vec<Vec<usize>> {
    let names: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].kind != MentionKind::Anaphor)
        .collect();
    let is_place = |i: usize| place_rank(cx.lex.class_of(&mentions[i].entity)).is_some();
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for &next in &names {
        let joins = run
            .last()
            .is_some_and(|&last| is_place(next) && joined(cx, &mentions[last], &mentions[next]));
        if !joins {
            if run.len() >= 2 {
                runs.push(std::mem::take(&mut run));
            }
            run.clear();
            if !is_place(next) {
                continue;
            }
        }
        run.push(next);
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    runs
}

/// Whether mention `b` follows `a` after «و» alone, «و» on b's first word, or «و» on a place head
/// noun right before b («ومحطة رأس كتنيب»، «وبلدة الشيخ سعد»).
fn joined(cx: &Ctx, a: &Mention, b: &Mention) -> bool {
    let j = a.tokens.1;
    if j >= cx.n()
        || cx.text.tokens[j].hard_before
        || cx.text.tokens[j].sentence != cx.text.tokens[b.tokens.0].sentence
    {
        return false;
    }
    let conj = affixes().conj.as_str();
    let w = cx.tok(j);
    if b.tokens.0 == j {
        // the clitic is outside b's span
        return w.starts_with(conj) && cx.text.chars_before(j, b.start) > 0;
    }
    if b.tokens.0 != j + 1 || cx.text.tokens[j + 1].hard_before {
        return false;
    }
    w == conj
        || (w.starts_with(conj)
            && cx.text.readings(j).iter().any(|r| {
                r.skip == conj.chars().count()
                    && cx
                        .lex
                        .heads
                        .get(r.word.as_str())
                        .is_some_and(|h| h.class.family() == Family::Place)
            }))
}

/// «مدينة الشدادي التي تحتوي على سجن الكتيبة»: (inner, outer) pairs of mentions.
pub(super) fn reverse_containment(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
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

/// A sentence framed by a division («وفي منطقة كيدال شمالا، … قرب بلدة أنفيف»): a town, camp or
/// facility nobody listed, named later in the sentence, lies in it; framed by a town («في نابلس،
/// اقتحمت … مخيم بلاطة»), its quarters, camps and sites do. (place, frame) pairs.
pub(super) fn framed_containment(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
    let lex = cx.lex;
    let mut out = Vec::new();
    for s in &cx.text.sentences {
        let first = s.first_token;
        // «في» or «وفي» (too short for the conjunction to be read off as a proclitic)
        let opens = first < s.end_token && affixes().is_fi(cx.tok(first));
        if !opens {
            continue;
        }
        // the division right after «في», then at most two words («شمالا») before a comma
        let Some(x) = mentions.iter().position(|m| {
            m.tokens.0 == first + 1
                && m.kind == MentionKind::Name
                && matches!(m.entity, EntityRef::Known(_))
                && matches!(
                    lex.class_of(&m.entity),
                    Class::Governorate | Class::Region | Class::City
                )
        }) else {
            continue;
        };
        // a town frames its quarters, camps and sites, listed or not («في نابلس، اقتحمت قوات
        // الاحتلال مخيم بلاطة»), never another town
        let town = lex.class_of(&mentions[x].entity) == Class::City;
        let end = mentions[x].tokens.1;
        let Some(comma) =
            (end..(end + 3).min(s.end_token)).find(|&j| cx.text.tokens[j].hard_before)
        else {
            continue;
        };
        for (y, m) in mentions.iter().enumerate() {
            let within = m.tokens.0 >= comma
                && m.tokens.1 <= s.end_token
                && m.kind == MentionKind::Name
                && m.entity != mentions[x].entity;
            let inside = within
                && if town {
                    place_rank(lex.class_of(&m.entity)) < place_rank(Class::City)
                        && place_rank(lex.class_of(&m.entity)).is_some()
                } else {
                    matches!(m.entity, EntityRef::New { .. })
                }
                && matches!(
                    lex.class_of(&m.entity),
                    Class::City
                        | Class::Neighborhood
                        | Class::Camp
                        | Class::Prison
                        | Class::Facility
                );
            if inside {
                out.push((y, x));
            }
        }
    }
    out
}

/// A site named after its town («سجن الشدادي») lies in the town its name names (an inner
/// mention).
pub(super) fn sites_in_their_towns(
    lex: &Lexicon,
    mentions: &[Mention],
    inner: &[Mention],
) -> Vec<Stated> {
    let mut out = Vec::new();
    for m in mentions {
        if !matches!(
            lex.class_of(&m.entity),
            Class::Prison | Class::Facility | Class::Camp
        ) {
            continue;
        }
        for x in inner {
            let inside = m.tokens.0 < x.tokens.0 && x.tokens.1 <= m.tokens.1;
            if inside && lex.class_of(&x.entity) == Class::City && x.entity != m.entity {
                out.push((m.entity.clone(), Relation::LocatedIn, x.entity.clone()));
            }
        }
        // (a town the article names elsewhere, nobody listed: «سوق قيسان» after «بلدة قيسان»)
        let words: Vec<String> = label_words(&m.label);
        let towns = mentions.iter().filter(|c| {
            c.kind == MentionKind::Name
                && lex.class_of(&c.entity) == Class::City
                && matches!(c.entity, EntityRef::New { .. })
                && c.entity != m.entity
        });
        for c in towns {
            let town: Vec<String> = label_words(&c.label);
            if words.len() > town.len() && words[1..].starts_with(&town) {
                let stated = (m.entity.clone(), Relation::LocatedIn, c.entity.clone());
                if !out.contains(&stated) {
                    out.push(stated);
                }
            }
        }
    }
    out
}
