//! References that are not names: anaphors («السجن» → the prison named most), and a surname
//! alone after a speech verb («وقال علي»).

use super::*;

/// The references among the tokens no name covers.
pub(super) fn references(cx: &Ctx, taken: &[bool], mentions: &[Mention]) -> Vec<Mention> {
    let (lex, doc, text) = (cx.lex, cx.doc, cx.text);
    let mut extra = Vec::new();
    for (i, _) in taken.iter().enumerate().filter(|(_, t)| !**t) {
        // anaphors: السجن → the prison named last
        for (k, v, restore) in cx.text.readings(i).iter().map(Reading::parts) {
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
    extra
}
