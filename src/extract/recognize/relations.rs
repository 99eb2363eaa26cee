//! Relations the text states between actors: titles, «التابعة لـ»، «المدعومة من»، control.

use super::anaphora::article_country;
use super::containment::place_rank;
use super::*;

/// An organisation named right after another with «لـ»، «بـ» or «في» is the one it belongs to:
/// «وزارة الصحة بحكومة الوحدة الوطنية»، «قيادة عمليات ديالى للحشد الشعبي»، «المركز الإعلامي
/// لقوات سوريا الديمقراطية» → partOf. Outlets are left out («بيان لوكالة …» says nothing of
/// membership).
pub(super) fn attached_relations(cx: &Ctx, mentions: &[Mention]) -> Vec<Stated> {
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
        // the owner its own name gives
        if let Some(owner) = a.part_of.as_ref().filter(|o| **o != a.entity) {
            out.push((a.entity.clone(), Relation::PartOf, owner.clone()));
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
            (t.starts_with(affixes().li.as_str()) || t.starts_with(affixes().bi.as_str()))
                && cx.text.chars_before(b.tokens.0, b.start) > 0
        } else {
            b.tokens.0 == a.tokens.1 + 1 && cx.tok(a.tokens.1) == affixes().fi
        };
        if attached {
            out.push((a.entity.clone(), Relation::PartOf, b.entity.clone()));
        }
    }
    out
}

/// «مؤسسة الزلاقة، ذراعها الإعلامية»: a relation phrase whose noun carries a possessive
/// («الذراع الإعلامية» → «ذراعها الإعلامية») relates the name set off just before it to the
/// body the pronoun refers to — the first one the sentence names before it (its subject: «تبنّت
/// جماعة نصرة الإسلام والمسلمين الهجوم في بيان نشرته مؤسسة الزلاقة، ذراعها الإعلامية»).
pub(super) fn possessive_relations(cx: &Ctx, mentions: &[Mention]) -> Vec<Stated> {
    let lex = cx.lex;
    let af = affixes();
    let body = |m: &Mention| {
        matches!(
            lex.class_of(&m.entity),
            Class::Government | Class::ArmedGroup | Class::Organization | Class::MediaOutlet
        )
    };
    let mut out = Vec::new();
    for t in 1..cx.n().saturating_sub(1) {
        if !cx.text.tokens[t].hard_before || cx.text.tokens[t + 1].hard_before {
            continue;
        }
        let w = cx.tok(t);
        let Some(stem) = af.before_pronoun(w).next() else {
            continue;
        };
        let definite = format!("{}{stem}", af.article);
        let phrase = lex.relations.get(&[definite.as_str(), cx.tok(t + 1)]);
        let Some(RelationPhrase {
            relation,
            subject_before: true,
            ..
        }) = phrase.map(|p| &p.value)
        else {
            continue;
        };
        let sent = cx.text.tokens[t].sentence;
        let Some(a) = mentions.iter().find(|m| m.tokens.1 == t && body(m)) else {
            continue;
        };
        let owner = mentions.iter().find(|m| {
            m.tokens.1 <= a.tokens.0
                && cx.text.tokens[m.tokens.0].sentence == sent
                && m.entity != a.entity
                && matches!(
                    lex.class_of(&m.entity),
                    Class::Government | Class::ArmedGroup | Class::Organization
                )
        });
        if let Some(b) = owner {
            out.push((a.entity.clone(), *relation, b.entity.clone()));
        }
    }
    out
}

/// The relation a title gives its holder.
pub(super) fn role_relation(role: Role) -> Relation {
    match role {
        Role::Spokesperson => Relation::SpokespersonOf,
        Role::Commander => Relation::CommanderOf,
        Role::Official => Relation::OfficialOf,
        Role::Head => Relation::HeadOf,
        Role::None => Relation::AffiliatedWith,
    }
}

/// «القائد العام لقوات سوريا الديمقراطية مظلوم عبدي» → commanderOf; «الرئيس الفرنسي» → headOf.
pub(super) fn role_relations(cx: &Ctx, mentions: &[Mention]) -> Vec<Stated> {
    let lex = cx.lex;
    let mut out = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let Some((role, orgs)) = &m.role else {
            continue;
        };
        // «المتحدث باسم الوزارة، العقيد …»: the organisation is a reference back
        let back = orgs
            .is_empty()
            .then(|| {
                title_reference(cx, mentions, k)
                    .or_else(|| title_owner(cx, mentions, k))
                    .or_else(|| state_of_office(cx, mentions, k))
            })
            .flatten();
        let named_holder = cx.title_at(m.tokens.0).is_none();
        for (n, o) in orgs.iter().chain(back.as_ref()).enumerate() {
            // (a governor named by his province's seat, «محافظ درعا», governs the province)
            let division = match o {
                EntityRef::Known(g)
                    if *role == Role::Official && lex.gazetteer[*g].class == Class::City =>
                {
                    // (only the title's own place looks beside the town: «محافظ نابلس»; not
                    // where the hospital a director runs lies, «مدير مستشفى … في دير البلح»)
                    province_named_by(lex, *g, n == 0).map(EntityRef::Known)
                }
                _ => None,
            };
            // (the head of a town's municipality, «رئيس بلدية ماركالا», is one of the town's
            // officials, where the article names the town)
            let town = municipality_town(cx, mentions, o);
            if let Some(t) = &town {
                if *t != m.entity {
                    out.push((m.entity.clone(), Relation::OfficialOf, t.clone()));
                }
                continue;
            }
            let o = division.as_ref().unwrap_or(o);
            let fam = lex.class_of(o).family();
            // a place is something one heads or represents, not commands
            // (the director of a hospital is one of its officials: «مدير مجمع الشفاء الطبي»; a
            // governor, one of his province's: «محافظ درعا»، «حاكم إقليم النيل الأزرق»)
            let ok = fam == Family::Organization
                || (fam == Family::Place
                    && matches!(lex.class_of(o), Class::Country | Class::Facility)
                    && matches!(role, Role::Head | Role::Official))
                // (a holder named, not the office alone: «محافظ الحسكة» says who holds what)
                || (*role == Role::Official
                    && named_holder
                    && matches!(lex.class_of(o), Class::Governorate | Class::Region));
            // one heads a state or a government; the head of anything else is one of its
            // officials («رئيسة البعثة»)
            let relation = match role_relation(*role) {
                Relation::HeadOf
                    if !matches!(lex.class_of(o), Class::Country | Class::Government) =>
                {
                    Relation::OfficialOf
                }
                r => r,
            };
            if ok && *o != m.entity {
                out.push((m.entity.clone(), relation, o.clone()));
            }
        }
    }
    out
}

/// How far before a person's name a minister's title may begin («وزير الدفاع المالي، الجنرال
/// ساديو كامارا»).
const MINISTER_REACH: usize = 6;

/// «وزير الصحة العامة ركان ناصر الدين»، «وزير الدفاع المالي، الجنرال ساديو كامارا»: a minister
/// is an official of the one ministry of his title's field the article names («وزارة الصحة
/// العامة»), where the nisba of his title, if any, is the ministry's («وزير الدفاع المالي» is no
/// official of «وزارة الدفاع الروسية»).
pub(super) fn minister_relations(cx: &Ctx, mentions: &[Mention]) -> Vec<Stated> {
    let lex = cx.lex;
    let af = affixes();
    let nisba_country = |w: &str| -> Option<String> {
        lex.demonyms
            .get(w)
            .or_else(|| {
                w.strip_suffix(af.feminine.as_str())
                    .and_then(|b| lex.demonyms.get(b))
            })
            .cloned()
            .flatten()
    };
    // the ministries named: (entity, field word, the countries of its nisbas)
    let mut ministries: Vec<(&EntityRef, String, Vec<String>)> = Vec::new();
    for m in mentions {
        if lex.class_of(&m.entity) != Class::Government {
            continue;
        }
        let words: Vec<String> = label_words(&m.label);
        if words.len() >= 2 && lex.is(Fw::Ministry, &words[0]) {
            let nisbas = words[2..].iter().filter_map(|w| nisba_country(w)).collect();
            if !ministries.iter().any(|(e, _, _)| *e == &m.entity) {
                ministries.push((&m.entity, words[1].clone(), nisbas));
            }
        }
    }
    let mut out = Vec::new();
    if ministries.is_empty() {
        return out;
    }
    let home = article_country(lex, mentions);
    for m in mentions {
        if lex.class_of(&m.entity) != Class::Person {
            continue;
        }
        let s = m.tokens.0;
        // (with its field after it: «وزير الصحة»)
        let Some(t) = role_before(cx, s.saturating_sub(MINISTER_REACH), s, Fw::Minister)
            .filter(|&t| t + 1 < s)
        else {
            continue;
        };
        // (the title runs unbroken to the name, a comma before it aside)
        if (t + 1..s).any(|x| cx.text.tokens[x].hard_before) {
            continue;
        }
        let field = cx.tok(t + 1);
        let nisbas: Vec<String> = (t + 2..s)
            .filter_map(|x| nisba_country(cx.tok(x)))
            .collect();
        // (a title without a nisba, or with one that names no country only, «المالي», is of
        // a ministry of the article's country, or of one that says none)
        let fits: Vec<&EntityRef> = ministries
            .iter()
            .filter(|(_, f, ns)| {
                f == field
                    && if nisbas.is_empty() {
                        ns.is_empty() || home.as_ref().is_some_and(|h| ns.contains(h))
                    } else {
                        nisbas.iter().all(|n| ns.contains(n))
                    }
            })
            .map(|(e, _, _)| *e)
            .collect();
        if let [ministry] = fits[..] {
            out.push((m.entity.clone(), Relation::OfficialOf, ministry.clone()));
        }
    }
    out
}

/// The province named by a town («محافظة نابلس» for «نابلس»): the one the town lies in, or, with
/// `beside`, one in the same country that the gazetteer does not put the town in.
fn province_named_by(lex: &Lexicon, town: usize, beside: bool) -> Option<usize> {
    let fold = crate::text::normalize::fold_str;
    let name = fold(&lex.gazetteer[town].name_ar);
    let named_by_town = |d: usize| {
        let g = &lex.gazetteer[d];
        g.class == Class::Governorate && {
            let province = fold(&g.name_ar);
            province
                .strip_suffix(name.as_str())
                .is_some_and(|head| head.ends_with(' '))
        }
    };
    let parent = &lex.gazetteer[town].within;
    lex.within_chain(town)
        .into_iter()
        .find(|&d| lex.gazetteer[d].class == Class::Governorate)
        .filter(|&d| named_by_town(d))
        .or_else(|| {
            (beside && !parent.is_empty())
                .then(|| {
                    (0..lex.gazetteer.len()).find(|&d| {
                        lex.gazetteer[d].class == Class::Governorate
                            && lex.gazetteer[d].within == *parent
                            && named_by_town(d)
                    })
                })
                .flatten()
        })
}

/// The town a municipality is named by («بلدية ماركالا» → ماركالا), when the article names that
/// town.
fn municipality_town(cx: &Ctx, mentions: &[Mention], o: &EntityRef) -> Option<EntityRef> {
    let lex = cx.lex;
    if lex.class_of(o) != Class::Government {
        return None;
    }
    let label = mentions.iter().find(|m| &m.entity == o)?.label.clone();
    let key = crate::text::normalize::fold_str(&label);
    let (head, rest) = key.split_once(' ')?;
    if !lex.is(Fw::Municipality, head) {
        return None;
    }
    mentions
        .iter()
        .find(|m| {
            lex.class_of(&m.entity) == Class::City
                && crate::text::normalize::fold_str(&m.label) == rest
        })
        .map(|m| m.entity.clone())
}

/// The organisation a title names between itself and its holder's name, which the name
/// patterns could not see when the title was read: a reference back («المتحدث باسم الحركة،
/// حمادا أغ محمد»، «مدير المكتب، الدكتور …») or a name with a qualifying phrase before the
/// comma («المتحدث باسم القوات الجنوبية في جبهة الضالع، النقيب …»). The first organisation
/// after the title, in the sentence, with no other person in between.
fn title_reference(cx: &Ctx, mentions: &[Mention], k: usize) -> Option<EntityRef> {
    let m = &mentions[k];
    let sent = cx.text.tokens[m.tokens.0].sentence;
    let from = m.tokens.0.saturating_sub(TITLE_REACH);
    // (a rank may stand between: «المتحدث باسم الحركة، العقيد …»)
    for t in (from..m.tokens.0)
        .rev()
        .take_while(|&t| cx.text.tokens[t].sentence == sent)
    {
        let Some((_, title_end, _, _)) = cx.title_at(t).filter(|x| x.1 <= m.tokens.0) else {
            continue;
        };
        let between: Vec<&Mention> = mentions
            .iter()
            .filter(|r| r.tokens.0 >= title_end && r.tokens.1 <= m.tokens.0)
            .collect();
        if between
            .iter()
            .any(|r| cx.lex.class_of(&r.entity).family() == Family::Person)
        {
            return None;
        }
        if let Some(r) = between
            .into_iter()
            .find(|r| is_organization(cx.lex, &r.entity))
        {
            return Some(r.entity.clone());
        }
    }
    None
}

/// The state a state office with no owner is held in («الرئيس بولا تينوبو»، «وزير الإعلام داود
/// أويس»، «رئيس الوزراء شهباز شريف»): the country the listed holder belongs to, else the country
/// the article establishes. The title stands just before the name, ranks aside («وزير الدفاع
/// الفريق ساليفو مودي»).
fn state_of_office(cx: &Ctx, mentions: &[Mention], k: usize) -> Option<EntityRef> {
    let m = &mentions[k];
    let sent = cx.text.tokens[m.tokens.0].sentence;
    let from = m.tokens.0.saturating_sub(TITLE_REACH);
    let state_title = (from..m.tokens.0)
        .filter(|&t| cx.text.tokens[t].sentence == sent)
        .any(|t| {
            let Some(title) = cx.lex.titles.at(cx.text, t, usize::MAX).into_iter().next() else {
                return false;
            };
            let mut e = title.end;
            while e < m.tokens.0 {
                match cx.title_at(e) {
                    Some((_, e2, _, _)) if e2 > e => e = e2,
                    _ => break,
                }
            }
            title.value().state && e == m.tokens.0
        });
    if !state_title {
        return None;
    }
    let lex = cx.lex;
    let listed = match m.entity {
        EntityRef::Known(g) => lex.gazetteer[g]
            .within
            .iter()
            .filter_map(|id| lex.by_id.get(id).copied())
            .find(|&c| lex.gazetteer[c].class == Class::Country),
        _ => None,
    };
    listed
        .or_else(|| article_country(cx.lex, mentions).and_then(|id| lex.by_id.get(&id).copied()))
        .map(EntityRef::Known)
}

/// How many words before a holder's name its title may begin.
const TITLE_REACH: usize = 10;

/// The organisation a title names by a possessive pronoun, just before the holder's name:
/// «وقالت رئيستها هانا تيتيه» after «بعثة الأمم المتحدة للدعم في ليبيا»، «وقال المتحدث باسمها
/// محمد خراساني» (the organisation named last, in this sentence or the one before).
fn title_owner(cx: &Ctx, mentions: &[Mention], k: usize) -> Option<EntityRef> {
    let m = &mentions[k];
    let t = m.tokens.0.checked_sub(1)?;
    let af = affixes();
    let w = cx.tok(t);
    let possessive = af
        .possessives
        .iter()
        .any(|p| *p != af.feminine && w.ends_with(p.as_str()));
    let titled = cx.title_at(t).is_some_and(|(_, e, _, _)| e == m.tokens.0);
    if !(possessive && titled || cx.title_link_with_pronoun(w)) {
        return None;
    }
    let sent = cx.text.tokens[t].sentence;
    mentions[..k]
        .iter()
        .rev()
        .take_while(|r| cx.text.tokens[r.tokens.0].sentence + 1 >= sent)
        .find(|r| r.tokens.1 <= t && is_organization(cx.lex, &r.entity))
        .map(|r| r.entity.clone())
}

pub(super) fn is_actor(lex: &Lexicon, e: &EntityRef) -> bool {
    matches!(
        lex.class_of(e).family(),
        Family::Person | Family::Organization
    )
}

pub(super) fn is_organization(lex: &Lexicon, e: &EntityRef) -> bool {
    lex.class_of(e).family() == Family::Organization
}

/// Relations stated by a phrase between two names (`relations.tsv`), with coordination on either
/// side: «قوات سوريا الديمقراطية ووحدات حماية المرأة الذين كانوا يحمون سجن الأقطان»،
/// «المدعومة من الولايات المتحدة والتحالف الدولي».
pub(super) fn phrase_relations(
    cx: &Ctx,
    mentions: &[Mention],
    inner: &[Mention],
    located_in: &[(usize, usize)],
) -> Vec<Stated> {
    let lex = cx.lex;
    let names: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.kind != MentionKind::Short)
        .collect();
    // a place named after another to say where that one lies («مخيم روج قرب المالكية»، «الفاشر
    // آخر مدينة كبرى في إقليم دارفور»): what a clause then says of the place before it is said
    // of the place it locates
    let locates: HashMap<(usize, usize), EntityRef> = located_in
        .iter()
        .filter(|&&(inner, outer)| mentions[inner].tokens.1 <= mentions[outer].tokens.0)
        .map(|&(inner, outer)| (mentions[outer].tokens, mentions[inner].entity.clone()))
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
            let conj = affixes().conj.as_str();
            let clitic =
                second.tokens.0 == first.tokens.1 && cx.tok(second.tokens.0).starts_with(conj);
            let word = second.tokens.0 == first.tokens.1 + 1 && cx.tok(first.tokens.1) == conj;
            // «تحت سيطرة الإدارة الذاتية وحماية الأسايش»: «و» on a noun of holding a place
            let custody = second.tokens.0 == first.tokens.1 + 1
                && !cx.text.tokens[second.tokens.0].hard_before
                && cx
                    .tok(first.tokens.1)
                    .strip_prefix(conj)
                    .is_some_and(|w| lex.is(Fw::Custody, w));
            if !(clitic || word || custody) {
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
            // (what a side controls is a place: «سجن علايا … الذي يضم معتقلين من «داعش» وتديره
            // قوى الأمن الداخلي»)
            let controlled = *rel == Relation::Controls && !*ab;
            // (the place an inner mention names at the end of a body's name)
            let closing_place = |m: &Mention| {
                inner.iter().find(|x| {
                    x.tokens.1 == m.tokens.1 && lex.class_of(&x.entity).family() == Family::Place
                })
            };
            let before = names.iter().rposition(|m| {
                m.tokens.1 <= p
                    && cx.text.tokens[m.tokens.0].sentence == sent
                    && (!controlled
                        || lex.class_of(&m.entity).family() == Family::Place
                        || closing_place(m).is_some())
            });
            // (who leads, named after his own title: «التي يقودها عضو مجلس القيادة الرئاسي طارق
            // صالح»)
            let of_person = matches!(
                rel,
                Relation::CommanderOf
                    | Relation::HeadOf
                    | Relation::SpokespersonOf
                    | Relation::OfficialOf
            ) && !*ab;
            // (a reference back right after the phrase is its object, named or not: «قناة المسيرة
            // التابعة للجماعة إن …» says nothing of a name after it)
            let referring = p + n < cx.n()
                && cx
                    .text
                    .readings(p + n)
                    .iter()
                    .any(|r| lex.anaphors.contains_key(r.word.as_str()));
            let after = names
                .iter()
                .position(|m| {
                    m.tokens.0 >= p + n
                        && m.tokens.0 <= if referring { p + n } else { p + n + 2 }
                        && cx.text.tokens[m.tokens.0].sentence == sent
                })
                .filter(|&b| {
                    !of_person || lex.class_of(&names[b].entity) == Class::Person || {
                        // (the title's own organisation comes first)
                        !cx.is_title_start(p + n)
                    }
                })
                .or_else(|| {
                    names.iter().position(|m| {
                        of_person
                            && cx.is_title_start(p + n)
                            && lex.class_of(&m.entity) == Class::Person
                            && m.role.is_some()
                            && m.tokens.0 > p + n
                            && m.tokens.0 <= p + n + TITLE_REACH
                            && (p + n + 1..=m.tokens.0).all(|t| !cx.text.tokens[t].hard_before)
                    })
                });
            // «وكالة شهادة الموالية لها»: a pronoun after the phrase is the organisation named
            // before the one the phrase follows
            let pronoun = || {
                let t = p + n;
                let a = before?;
                let af = affixes();
                let is_pronoun = t < cx.n()
                    && !cx.text.tokens[t].hard_before
                    && af.with_pronoun(cx.tok(t), &af.li);
                if !is_pronoun
                    || !matches!(
                        rel,
                        Relation::Supports | Relation::PartOf | Relation::AffiliatedWith
                    )
                {
                    return None;
                }
                names[..a].iter().rposition(|m| {
                    cx.text.tokens[m.tokens.0].sentence == sent
                        && is_organization(lex, &m.entity)
                        && m.entity != names[a].entity
                })
            };
            let after = after.or_else(pronoun);
            let (Some(a), Some(b)) = (before, after) else {
                continue;
            };
            if p - names[a].tokens.1 > *gap {
                continue;
            }
            let (subjects, objects) = if *ab {
                (joined(a, false), joined(b, true))
            } else if *rel == Relation::Controls {
                // (or the place that closes a body's name: «مكتب الصحة … في محافظة الحديدة،
                // الخاضعة لسيطرة …»)
                let closing = (lex.class_of(&names[a].entity).family() != Family::Place)
                    .then(|| closing_place(names[a]))
                    .flatten()
                    .map(|x| x.entity.clone());
                let located = locates.get(&names[a].tokens).cloned().or(closing);
                (
                    joined(b, true),
                    located.map_or_else(|| joined(a, false), |e| vec![e]),
                )
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
                        // one heads a state or a body, not a town («وفد برئاسة …»)
                        Relation::HeadOf => {
                            lex.class_of(s) == Class::Person
                                && (is_organization(lex, o) || lex.class_of(o) == Class::Country)
                        }
                        Relation::CommanderOf | Relation::SpokespersonOf | Relation::OfficialOf => {
                            lex.class_of(s) == Class::Person
                        }
                        _ => true,
                    };
                    // «قرية بيبادي التابعة لناحية كاني ماسي»: a place belongs to a larger one, or
                    // to one of its own rank («ناحية الرياض التابعة لقضاء الحويجة»), and a range
                    // or area to a district's town («جبال قره جوخ التابعة لقضاء مخمور»)
                    let place_in_place = *rel == Relation::PartOf
                        && match (place_rank(lex.class_of(s)), place_rank(lex.class_of(o))) {
                            (Some(rs), Some(ro)) => {
                                rs < ro
                                    || rs == ro && rs < place_rank(Class::Country).unwrap_or(0)
                                    || lex.class_of(s) == Class::Region
                                        && lex.class_of(o) == Class::City
                            }
                            _ => false,
                        };
                    // «مدرسة الجاعوني التابعة لوكالة الأونروا»: a site that belongs to a body is
                    // run by it
                    let site_of_body = *rel == Relation::PartOf
                        && matches!(
                            lex.class_of(s),
                            Class::Facility | Class::Camp | Class::Prison
                        )
                        && is_organization(lex, o);
                    if place_in_place && s != o {
                        out.push((s.clone(), Relation::LocatedIn, o.clone()));
                    } else if site_of_body {
                        out.push((o.clone(), Relation::Controls, s.clone()));
                    } else if fits && s != o {
                        // who leads a state heads it («مجلس عسكري يقوده الجنرال …» after the
                        // country it rules)
                        let rel = match rel {
                            Relation::CommanderOf if lex.class_of(o) == Class::Country => {
                                Relation::HeadOf
                            }
                            r => *r,
                        };
                        out.push((s.clone(), rel, o.clone()));
                    }
                }
            }
        }
    }
    out
}

/// «بعد سيطرة الدعم السريع على مدينة الفاشر»، «استعاد الجيش السيطرة على الخرطوم»، «سيطرت قوات
/// X على بلدة Y»: a word of control, the actor named with it (after it, or just before it),
/// «على» and the place → the actor controls the place. Not where control was lost («فقدت
/// السيطرة على»).
pub(super) fn control_relations(cx: &Ctx, mentions: &[Mention]) -> Vec<Stated> {
    let lex = cx.lex;
    let mut out = Vec::new();
    for t in 0..cx.n() {
        let control = cx
            .text
            .readings(t)
            .iter()
            .any(|r| r.skip <= 1 && lex.is(Fw::Control, &r.word));
        if !control {
            continue;
        }
        let sent = cx.text.tokens[t].sentence;
        let in_clause = |x: usize| x < cx.n() && cx.text.tokens[x].sentence == sent;
        let lost = (t.saturating_sub(CONTROL_REACH)..t).any(|x| {
            in_clause(x)
                && cx
                    .text
                    .readings(x)
                    .iter()
                    .any(|r| r.skip <= 1 && lex.is(Fw::Losing, &r.word))
        });
        if lost {
            continue;
        }
        let Some(on) = (t + 1..t + 1 + CONTROL_REACH + 3)
            .take_while(|&x| in_clause(x) && !cx.text.tokens[x].hard_before)
            .find(|&x| lex.is(Fw::TargetLink, cx.tok(x)))
        else {
            continue;
        };
        // (before the word: not one named in a phrase about another, «المدعومة من التحالف»;
        // after a relative pronoun, the clause's actor it refers to: «قسد المدعومة من التحالف
        // الدولي، والتي تسيطر على السجن»)
        let relative = t > 0
            && cx
                .text
                .readings(t - 1)
                .iter()
                .any(|r| r.skip <= 1 && lex.is(Fw::Relative, &r.word));
        let reach = if relative {
            RELATIVE_REACH
        } else {
            CONTROL_REACH
        };
        let about_another = |m: &Mention| {
            (m.tokens.0.saturating_sub(3)..m.tokens.0)
                .any(|x| !lex.relations.at(cx.text, x, 1).is_empty())
        };
        let actor = mentions
            .iter()
            .find(|m| m.tokens.0 > t && m.tokens.1 <= on && is_actor(lex, &m.entity))
            .or_else(|| {
                mentions.iter().rev().find(|m| {
                    m.tokens.1 <= t
                        && m.tokens.1 + reach > t
                        && in_clause(m.tokens.0)
                        && is_actor(lex, &m.entity)
                        && !about_another(m)
                        // (in the word's own clause, unless a relative pronoun points back:
                        // «يتبع جهاز الردع المجلس الرئاسي، ويسيطر على …» is not the council's)
                        && (relative || (m.tokens.1..=t).all(|x| !cx.text.tokens[x].hard_before))
                })
            });
        let place = mentions.iter().find(|m| {
            m.tokens.0 > on
                && m.tokens.0 <= on + 2
                && in_clause(m.tokens.0)
                && lex.class_of(&m.entity).family() == Family::Place
        });
        let (Some(a), Some(p)) = (actor, place) else {
            continue;
        };
        out.push((a.entity.clone(), Relation::Controls, p.entity.clone()));
        // «ويسيطر على مطار معيتيقة وعلى سجن معيتيقة»، «على البلدة وقراها»: the places joined
        // to the first by «و» (and «على»)
        let conj = affixes().conj.as_str();
        let mut end = p.tokens.1;
        while end < cx.n() && in_clause(end) && !cx.text.tokens[end].hard_before {
            let w = cx.tok(end);
            let Some(rest) = w.strip_prefix(conj) else {
                break;
            };
            let from = if lex.is(Fw::TargetLink, rest) {
                end + 1
            } else {
                end
            };
            let Some(next) = mentions.iter().find(|m| {
                (m.tokens.0 == from || m.tokens.0 == from + 1 && from > end)
                    && lex.class_of(&m.entity).family() == Family::Place
            }) else {
                break;
            };
            out.push((a.entity.clone(), Relation::Controls, next.entity.clone()));
            end = next.tokens.1;
        }
    }
    out
}

/// How far before «لسيطرة» the word of being subject to it may stand («رغم خضوعها منذ عام
/// 2019 لسيطرة …»), and how far before that word the place it agrees with.
const SUBJECT_TO_REACH: usize = 5;
const SUBJECT_PLACE_REACH: usize = 12;

/// «مدينة الفاشر، الخاضعة لسيطرة الجيش والقوة المشتركة»، «سجن جركين في مدينة القامشلي،
/// الخاضع لسيطرة قسد»، «وتعيش سبها … رغم خضوعها لسيطرة قوات القيادة العامة»: the place is held
/// by the actors after «لسيطرة». A definite adjective agrees with the place just before it (in
/// gender: «الخاضع» is the prison's, not the city's); a verb, a predicate or a masdar with its
/// pronoun tells of the sentence's first place, its topic.
pub(super) fn subject_to_control(cx: &Ctx, mentions: &[Mention]) -> Vec<Stated> {
    let lex = cx.lex;
    let af = affixes();
    let mut out = Vec::new();
    let place = |m: &Mention| {
        lex.class_of(&m.entity).family() == Family::Place
            && lex.class_of(&m.entity) != Class::Country
    };
    // a place's gender: its head noun's, or its name's first word's
    let feminine = |m: &Mention| {
        let head = m.tokens.0.checked_sub(1).filter(|&h| {
            !cx.text.tokens[m.tokens.0].hard_before
                && lex
                    .heads
                    .contains_key(af.bare(cx.tok(h), 0).unwrap_or(cx.tok(h)))
        });
        let w = match head {
            Some(h) => cx.tok(h).to_string(),
            None => fold_str(&m.label)
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_string(),
        };
        w.ends_with(af.feminine.as_str())
    };
    for t in 0..cx.n() {
        // «لسيطرة»
        let held = cx.tok(t).starts_with(af.li.as_str())
            && cx
                .text
                .readings(t)
                .iter()
                .any(|r| r.skip == 1 && lex.is(Fw::Control, &r.word));
        if !held {
            continue;
        }
        let sent = cx.text.tokens[t].sentence;
        let Some(s) = role_before(cx, t.saturating_sub(SUBJECT_TO_REACH), t, Fw::SubjectTo) else {
            continue;
        };
        // the actors after it, one or two joined by «و»
        let mut actors: Vec<&Mention> = Vec::new();
        if let Some(a) = mentions.iter().find(|m| {
            (m.tokens.0 == t + 1 || m.tokens.0 == t + 2 && !cx.text.tokens[t + 1].hard_before)
                && is_actor(lex, &m.entity)
        }) {
            actors.push(a);
            if let Some(b) = mentions.iter().find(|m| {
                m.tokens.0 == a.tokens.1
                    && !cx.text.tokens[m.tokens.0].hard_before
                    && cx.tok(m.tokens.0).starts_with(af.conj.as_str())
                    && is_actor(lex, &m.entity)
            }) {
                actors.push(b);
            }
        }
        if actors.is_empty() {
            continue;
        }
        let w = cx.tok(s);
        let adjective = w.starts_with(af.article.as_str());
        let held_place = if adjective {
            // the place right before it (not «المناطق الخاضعة لسيطرة قواتنا»), or, past one
            // of the other gender, the place that one lies in («سجن جركين في مدينة القامشلي،
            // الخاضع»)
            let fem = w.ends_with(af.feminine.as_str());
            let mut at = s;
            loop {
                let Some(m) = mentions.iter().find(|m| {
                    m.tokens.1 == at && cx.text.tokens[m.tokens.0].sentence == sent && place(m)
                }) else {
                    break None;
                };
                if fem || !feminine(m) {
                    break Some(m);
                }
                let mut b = m.tokens.0;
                if b > 0 && lex.heads.contains_key(cx.tok(b - 1)) {
                    b -= 1;
                }
                if b == 0 || !lex.is(Fw::LocatedLink, cx.tok(b - 1)) || s - b > SUBJECT_PLACE_REACH
                {
                    break None;
                }
                at = b - 1;
            }
        } else {
            // (right before it, or the sentence's subject, named first: «وتعيش سبها …»; not
            // a dateline, nor the place of another noun, «من سجنٍ يخضع لسيطرة قسد»)
            let first = cx.text.sentences[sent].first_token;
            mentions.iter().find(|m| {
                place(m)
                    && m.tokens.1 <= s
                    && (m.tokens.1 == s || m.tokens.0 <= first + 1 && m.tokens.0 >= first)
                    && !super::is_dateline(cx.doc, m)
            })
        };
        if let Some(p) = held_place {
            for a in actors {
                if a.entity != p.entity {
                    out.push((a.entity.clone(), Relation::Controls, p.entity.clone()));
                }
            }
        }
    }
    out
}

/// The last token of [from, to) in the sentence of `to` with the role (through a proclitic).
fn role_before(cx: &Ctx, from: usize, to: usize, role: Fw) -> Option<usize> {
    let sent = cx.text.tokens[to].sentence;
    (from..to)
        .rev()
        .take_while(|&x| cx.text.tokens[x].sentence == sent)
        .find(|&x| cx.lex.role_at(cx.text, x, role))
}

/// How far before a verb of running a site the site may be named («يقع السجن في الطرف الجنوبي
/// من المالكية قرب الحدود مع العراق ونهر دجلة، وتديره الأسايش»).
const RUN_REACH: usize = 25;
/// How far before it another place.
const RUN_PLACE_REACH: usize = 8;

/// «ويديره جهاز الأسايش»، «على السجن الذي تديره قوات سوريا الديمقراطية»: the actor right after
/// a verb of running, with the pronoun of the site, holds the prison, camp or facility named
/// last before it in its sentence, else the place named just before it.
pub(super) fn run_by_control(cx: &Ctx, mentions: &[Mention]) -> Vec<Stated> {
    let lex = cx.lex;
    let mut out = Vec::new();
    for t in 0..cx.n() {
        let runs = lex.role_at(cx.text, t, Fw::Runs);
        if !runs || t + 1 >= cx.n() || cx.text.tokens[t + 1].hard_before {
            continue;
        }
        let sent = cx.text.tokens[t].sentence;
        // (past the head noun of a body the name leaves out: «ويديره جهاز الأسايش»)
        let head = t + 2 < cx.n()
            && !cx.text.tokens[t + 2].hard_before
            && lex.heads.contains_key(cx.tok(t + 1));
        let Some(actor) = mentions.iter().find(|m| {
            (m.tokens.0 == t + 1 || head && m.tokens.0 == t + 2) && is_actor(lex, &m.entity)
        }) else {
            continue;
        };
        let before = |reach: usize, m: &&Mention| {
            m.tokens.1 <= t && m.tokens.1 + reach > t && cx.text.tokens[m.tokens.0].sentence == sent
        };
        // (a site first, past the town it lies in; else the place just before: «المنطقة التي
        // تديرها الإدارة الذاتية»)
        let site = mentions
            .iter()
            .rev()
            .filter(|m| before(RUN_REACH, m))
            .find(|m| {
                matches!(
                    lex.class_of(&m.entity),
                    Class::Prison | Class::Camp | Class::Facility
                )
            })
            .or_else(|| {
                mentions
                    .iter()
                    .rev()
                    .filter(|m| before(RUN_PLACE_REACH, m))
                    .find(|m| {
                        lex.class_of(&m.entity).family() == Family::Place
                            && lex.class_of(&m.entity) != Class::Country
                    })
            });
        if let Some(site) = site {
            out.push((
                actor.entity.clone(),
                Relation::Controls,
                site.entity.clone(),
            ));
        }
    }
    out
}

/// How far a word of control may stand from the actor before it («استعاد الجيش السيطرة»).
const CONTROL_REACH: usize = 3;
/// After a relative pronoun, how far back the actor it refers to may be.
const RELATIVE_REACH: usize = 12;

/// Units of a state's army: a unit nobody listed named with the country's nisba («سلاح الجو
/// التشادي») is part of that country's army where the article names it; a unit after «قواته في»
/// («أعلن الجيش السوداني أن قواته في الفرقة 14 مشاة صدّت …») is part of the force the sentence
/// named before.
pub(super) fn unit_relations(cx: &Ctx, mentions: &[Mention]) -> Vec<Stated> {
    let lex = cx.lex;
    let army_word = |l: &str| {
        fold_str(l)
            .split(' ')
            .next()
            .is_some_and(|w| lex.is(Fw::ArmyWord, w))
    };
    // the armies the article names: (country id, army)
    let armies: Vec<(String, EntityRef)> = mentions
        .iter()
        .filter_map(|m| match m.entity {
            EntityRef::Known(g)
                if lex.gazetteer[g].class == Class::ArmedGroup
                    && army_word(&lex.gazetteer[g].name_ar) =>
            {
                let c = lex.gazetteer[g].within.first()?.clone();
                Some((c, m.entity.clone()))
            }
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if !matches!(
            m.entity,
            EntityRef::New {
                class: Class::ArmedGroup,
                ..
            }
        ) || m.kind != MentionKind::Name
        {
            continue;
        }
        // «سلاح الجو التشادي»: the nisba closing its name
        let last = cx.tok(m.tokens.1 - 1);
        let country = lex.demonyms.get(last).cloned().flatten();
        if let Some(c) = country.filter(|_| !army_word(&m.label)) {
            if let Some((_, army)) = armies.iter().find(|(x, _)| *x == c) {
                out.push((m.entity.clone(), Relation::PartOf, army.clone()));
                continue;
            }
        }
        // «قواته في الفرقة 14 مشاة»
        let a = m.tokens.0;
        let forces = a >= 2 && cx.tok(a - 1) == affixes().fi && {
            let w = cx.tok(a - 2);
            affixes()
                .before_pronoun(w)
                .any(|stem| lex.is(Fw::Forces, stem))
        };
        if !forces {
            continue;
        }
        let sent = cx.text.tokens[a].sentence;
        if let Some(owner) = mentions[..k].iter().rev().find(|o| {
            cx.text.tokens[o.tokens.0].sentence == sent
                && lex.class_of(&o.entity) == Class::ArmedGroup
                && o.entity != m.entity
        }) {
            out.push((m.entity.clone(), Relation::PartOf, owner.entity.clone()));
        }
    }
    out
}
