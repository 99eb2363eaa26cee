//! Places the text puts inside each other («مخيم X في Y»، «X شمالي Y»), both ways.

use super::*;

pub(super) fn place_rank(c: Class) -> Option<u8> {
    match c {
        Class::Prison | Class::Camp | Class::Facility => Some(0),
        Class::Neighborhood => Some(1),
        Class::City => Some(2),
        Class::Governorate | Class::Region => Some(3),
        Class::Country => Some(4),
        _ => None,
    }
}

/// A town and the division the gazetteer places it in, named in one sentence («وفي جنوب كردفان
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

/// «سجن X في مدينة Y»، «حي X بالحسكة»: (inner, outer) pairs of mentions.
pub(super) fn containment(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
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
                let af = affixes();
                let prep = linked
                    || cx.tok(j).starts_with(af.bi.as_str())
                    || cx.tok(j).starts_with(af.conj_bi.as_str());
                if let Some(rb) = place_rank(cx.lex.class_of(&mb.entity)) {
                    // «ناحية العظيم شمالي محافظة ديالى»: an area linked to a first-level
                    // division lies in it, though both rank as divisions
                    let sub_division = rb == ra
                        && cx.lex.class_of(&m.entity) == Class::Region
                        && cx.lex.class_of(&mb.entity) == Class::Governorate;
                    if prep && (rb > ra || sub_division) && mb.entity != m.entity {
                        out.push((a, b));
                    }
                }
                break;
            }
            let w = cx.tok(j);
            let is_link = w == affixes().bi || cx.lex.is(Fw::LocatedLink, w);
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
            j += 1;
            steps += 1;
        }
    }
    out
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
/// facility nobody listed, named later in the sentence, lies in it. (town, division) pairs.
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
                && matches!(lex.class_of(&m.entity), Class::Governorate | Class::Region)
        }) else {
            continue;
        };
        let end = mentions[x].tokens.1;
        let Some(comma) =
            (end..(end + 3).min(s.end_token)).find(|&j| cx.text.tokens[j].hard_before)
        else {
            continue;
        };
        for (y, m) in mentions.iter().enumerate() {
            let inside = m.tokens.0 >= comma
                && m.tokens.1 <= s.end_token
                && m.kind == MentionKind::Name
                && matches!(m.entity, EntityRef::New { .. })
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
