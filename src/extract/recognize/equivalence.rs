//! Names the text says are one («المعروف بـ»، «أو ما يعرف بـ»).

use super::*;

/// «X المعروف باسم Y»: pairs of mentions naming one entity.
pub(super) fn equivalences(cx: &Ctx, mentions: &[Mention]) -> Vec<(usize, usize)> {
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
            if m.value().clitic && q < cx.n() && cx.tok(q) == affixes().bi {
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
    // «وكالة الأنباء السورية (سانا)»: a name nobody listed, and in brackets right after it the
    // short name of a body of the same kind
    let doc = cx.doc;
    for (x, pair) in mentions.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let opens = doc.chars[a.end..b.start]
            .iter()
            .filter(|c| !c.is_whitespace())
            .eq(['('].iter());
        let closes = doc.chars[b.end..]
            .iter()
            .find(|c| !c.is_whitespace())
            .is_some_and(|&c| c == ')');
        let same_kind = cx.lex.class_of(&a.entity) == cx.lex.class_of(&b.entity)
            && cx.lex.class_of(&a.entity).family() == Family::Organization;
        if opens
            && closes
            && same_kind
            && matches!(a.entity, EntityRef::New { .. })
            && a.entity != b.entity
            && a.kind == MentionKind::Name
            && b.kind == MentionKind::Name
        {
            out.push((x, x + 1));
        }
    }
    out
}
