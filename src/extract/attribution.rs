//! Who says what: the speaker governing each sentence and token, from speech verbs (قال X إن),
//! attributions after the statement (على ما أفاد X، بحسب X), participles (مضيفا أن, whose subject
//! is the sentence's subject) and continuations (وأضاف، وتابع) that keep the last speaker.

use crate::lexicon::{Fw, Lexicon, SpeechKind};
use crate::model::{Attribution, Mention, Speech};
use crate::text::affixes;

use crate::text::Reading;
use crate::text::Text;
use crate::vocab::Family;

/// A subject before its verb stands this close to it («المركز الإعلامي لقسد قد أشار»).
const SUBJECT_GAP: usize = 2;
/// How far after a name and its comma the colon that opens its statement may stand.
const DESCRIBED_COLON_REACH: usize = 7;
/// How far into a line a titled person may stand before the colon that opens his statement.
const TITLED_COLON_REACH: usize = 16;
/// How far after a speech verb a spokesman named after his title and organisation may stand.
const APPOSED_REACH: usize = 16;

fn speech_kind(lex: &Lexicon, text: &Text, i: usize) -> Option<SpeechKind> {
    text.readings(i).iter().find_map(
        |Reading {
             skip: k, word: v, ..
         }| {
            if *k > 2 {
                return None;
            }
            // «وفق ما أعلنته الشبكة»: the verb with its object pronoun
            lex.speech_verbs.get(v).copied().or_else(|| {
                affixes()
                    .before_pronoun(v)
                    .filter(|stem| stem.chars().count() >= 3)
                    .find_map(|stem| lex.speech_verbs.get(stem).copied())
            })
        },
    )
}

fn is_actor(lex: &Lexicon, m: &Mention) -> bool {
    matches!(
        lex.class_of(&m.entity).family(),
        Family::Person | Family::Organization
    )
}

/// «مصدر في مستشفى تربت»، «مسؤول في …»: a source noun at token x and a preposition after it,
/// so the name at token `at` is the body the source is in.
fn sourced_in(lex: &Lexicon, text: &Text, x: usize, at: usize) -> bool {
    at == x + 2
        && text
            .readings(x)
            .iter()
            .any(|r| r.skip == 0 && lex.is(Fw::SourceNoun, &r.word))
        && lex.is_stop(&text.tokens[x + 1].text)
}

/// The speaker a relaying verb names after «عن», before what was said begins: the first person,
/// organisation or facility there («عن مصدر في وزارة شؤون البيشمركة» → the ministry، «عن مصدر في
/// مستشفى تلعفر العام» → the hospital).
fn relayed(lex: &Lexicon, text: &Text, mentions: &[Mention], v: usize) -> Option<usize> {
    let toks = &text.tokens;
    let sent = toks[v].sentence;
    let end = (v + 1..toks.len().min(v + 12))
        .take_while(|&x| toks[x].sentence == sent && !lex.is(Fw::Complementizer, &toks[x].text))
        .last()?
        + 1;
    let from = (v + 1..end).find(|&x| lex.is(Fw::SourceLink, &toks[x].text))?;
    mentions.iter().position(|m| {
        m.tokens.0 > from
            && m.tokens.0 < end
            && (is_actor(lex, m) || lex.class_of(&m.entity) == crate::vocab::Class::Facility)
    })
}

/// The speaker of a statement a speech word names before any speaker: the body after it
/// («بحسب إحصاء لوزارة الصحة»، «وفق أرقام إدارة المخيم»، «ذكر بيان صادر عن الجيش»), else,
/// for «وأوضح البيان», the speaker before, who goes on.
fn statement_speaker(
    lex: &Lexicon,
    text: &Text,
    mentions: &[Mention],
    speeches: &[Speech],
    v: usize,
) -> Option<Option<usize>> {
    let toks = &text.tokens;
    let s = v + 1;
    if s >= toks.len() || toks[s].sentence != toks[v].sentence {
        return None;
    }
    if !text
        .readings(s)
        .iter()
        .any(|r| r.skip <= 1 && lex.is(Fw::Statement, &r.word))
    {
        return None;
    }
    // (right after it, or after «صادر عن»; never inside what was said: «وأضاف البيان أن
    // طائرات القوة الجوية …»)
    let issuer = mentions.iter().position(|m| {
        m.tokens.0 > s
            && m.tokens.0 <= s + 3
            && is_actor(lex, m)
            && (s + 1..m.tokens.0).all(|x| {
                toks[x].sentence == toks[s].sentence && !lex.is(Fw::Complementizer, &toks[x].text)
            })
    });
    // (only «البيان», which refers back, goes on with the speaker before)
    let back = || {
        affixes()
            .bare(&toks[s].text, 2)
            .and_then(|_| speeches.last().map(|sp| sp.speaker))
    };
    Some(issuer.or_else(back))
}

/// Finds the speakers of an article.
pub fn attribute(lex: &Lexicon, text: &Text, mentions: &[Mention], lines: &[usize]) -> Attribution {
    let toks = &text.tokens;
    let mut speeches = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        let Some(kind) = speech_kind(lex, text, v) else {
            continue;
        };
        let sent = t.sentence;
        let in_sentence = |m: &&Mention| toks[m.tokens.0].sentence == sent;
        let relay = (kind == SpeechKind::Relay)
            .then(|| relayed(lex, text, mentions, v))
            .flatten();
        let statement = statement_speaker(lex, text, mentions, &speeches, v);
        let speaker = match kind {
            // «وجاء في بيان الوزارة»: the statement after «في» names the speaker, or none does
            SpeechKind::Statement => (v + 1 < toks.len() && affixes().is_fi(&toks[v + 1].text))
                .then(|| statement_speaker(lex, text, mentions, &speeches, v + 1))
                .flatten()
                .flatten()
                .map(|i| (i, None)),
            // the speaker of the verb before it in the sentence («قال الناطق باسم الجهاز، الرائد
            // فلان، إن …، مضيفا أن …»), else the sentence's subject
            SpeechKind::Participle => speeches
                .iter()
                .rfind(|sp: &&Speech| toks[sp.verb].sentence == sent && sp.verb < v)
                .map(|sp| (sp.speaker, Some(sp.phrase)))
                .or_else(|| {
                    mentions
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| in_sentence(m) && m.tokens.0 < v && is_actor(lex, m))
                        .map(|(i, _)| (i, None))
                        .next()
                }),
            // «نقلت وكالة رووداو عن مصدر في وزارة شؤون البيشمركة أن …»، «نقلاً عن الوزارة»:
            // the one after «عن» said it
            SpeechKind::Relay if relay.is_some() => relay.map(|i| (i, None)),
            // «في بيان نقلته وكالة الأناضول»: the outlet that carried a statement, in a clause
            // about it, is not who said it
            SpeechKind::Relay
                if !text
                    .readings(v)
                    .iter()
                    .any(|r| r.skip <= 1 && lex.speech_verbs.contains_key(r.word.as_str())) =>
            {
                None
            }
            _ if statement.is_some() => statement.flatten().map(|i| (i, None)),
            _ => {
                // («وفق ما أفاد به الدفاع المدني»: the verb's pronoun object with «ب» comes before
                // its subject)
                let af = affixes();
                let object_pronoun = |x: usize| {
                    x < toks.len()
                        && toks[x].sentence == sent
                        && af.with_pronoun(&toks[x].text, &af.bi)
                };
                let v = if object_pronoun(v + 1) { v + 1 } else { v };
                // the subject after the verb, unless a prepositional phrase follows it
                // a mention right after the verb is its subject (even «علي», which normalizes
                // like the preposition «على»: the mention was checked on the original letters)
                let named_next = mentions
                    .iter()
                    .any(|m| m.tokens.0 == v + 1 && is_actor(lex, m));
                let next_is_prep = !named_next
                    && toks
                        .get(v + 1)
                        .is_some_and(|n| lex.is_stop(&n.text) || n.text == affixes().li);
                let stop = (v + 1..toks.len().min(v + 7))
                    .find(|&x| {
                        lex.is(Fw::Complementizer, &toks[x].text) || toks[x].sentence != sent
                    })
                    .unwrap_or(toks.len().min(v + 7));
                // «قال مسؤول في مستشفى تربت إن …»: the hospital a source is in speaks
                let after = if next_is_prep {
                    None
                } else {
                    let subjects: Vec<usize> = mentions
                        .iter()
                        .enumerate()
                        // (a hospital speaks as the verb's subject: «أفادت إدارة مستشفى
                        // العودة بوصول ٩ شهداء»، «أعلن مستشفى ناصر»)
                        .filter(|(_, m)| {
                            m.tokens.0 > v
                                && m.tokens.0 < stop
                                && (is_actor(lex, m)
                                    || (m.tokens.0 <= v + 2
                                        || sourced_in(lex, text, v + 1, m.tokens.0))
                                        && lex.class_of(&m.entity) == crate::vocab::Class::Facility)
                        })
                        .filter(|(_, m)| {
                            !(m.tokens.0 > 0
                                && toks[m.tokens.0].text.starts_with(affixes().li.as_str())
                                && text.chars_before(m.tokens.0, m.start) > 0)
                        })
                        .map(|(i, _)| i)
                        .collect();
                    // «قال الناطق باسم الجهاز، مالك الشريف، إن»: the person named speaks, for
                    // the organisation named before him, however long its name («أعلن الناطق
                    // باسم وزارة الصحة بولاية الخرطوم، الدكتور محمد عثمان الطيب، ارتفاع …»)
                    let far = (stop..toks.len().min(v + APPOSED_REACH))
                        .take_while(|&x| {
                            toks[x].sentence == sent && !lex.is(Fw::Complementizer, &toks[x].text)
                        })
                        .last()
                        .map_or(stop, |x| x + 1);
                    let titled = mentions.iter().enumerate().find(|(_, m)| {
                        m.tokens.0 >= stop
                            && m.tokens.0 < far
                            && lex.class_of(&m.entity).family() == Family::Person
                            && m.role.is_some()
                            // set off by a comma, after its rank at most
                            && (m.tokens.0.saturating_sub(2)..=m.tokens.0)
                                .any(|x| toks[x].hard_before)
                    });
                    // «قال مسؤول محلي لوكالة فرانس برس إن …»: a speaker nobody named, telling an
                    // outlet, is known through the outlet
                    let told_to = || {
                        mentions.iter().position(|m| {
                            m.tokens.0 > v
                                && m.tokens.0 < stop
                                && lex.class_of(&m.entity) == crate::vocab::Class::MediaOutlet
                                && ((toks[m.tokens.0].text.starts_with(affixes().li.as_str())
                                    && text.chars_before(m.tokens.0, m.start) > 0)
                                    || toks[m.tokens.0 - 1].text == affixes().li)
                        })
                    };
                    subjects
                        .iter()
                        .copied()
                        .find(|&i| lex.class_of(&mentions[i].entity).family() == Family::Person)
                        .or(titled.map(|(i, _)| i))
                        .or(subjects.first().copied())
                        .or_else(told_to)
                };
                after.map(|i| (i, None)).or_else(|| {
                    // («بحسب»، «وفق» name their source after them: «… من عناصر التنظيم، وفق ما
                    // أفاد المرصد» is the monitor's, through the verb after «ما»)
                    if matches!(kind, SpeechKind::Continue | SpeechKind::According) {
                        return None;
                    }
                    // (not a name behind a preposition: «مركز طب الطوارئ، التابع للوزارة، قد
                    // أعلن»)
                    let bare = |m: &Mention| {
                        let w = &toks[m.tokens.0].text;
                        !((w.starts_with(affixes().li.as_str())
                            || w.starts_with(affixes().bi.as_str()))
                            && text.chars_before(m.tokens.0, m.start) > 0)
                    };
                    // a verb joined by «و» with no subject of its own has the sentence's
                    // («تبنّت حركة الشباب الهجوم عبر إذاعة الأندلس الناطقة باسمها، وزعمت أن …»)
                    // (so does one whose «فيه» refers back to a statement the subject issued:
                    // «نشرت قوات الدعم السريع بياناً قالت فيه إن …»)
                    let in_it = toks.get(v + 1).is_some_and(|t| {
                        t.sentence == sent && affixes().with_pronoun(&t.text, &affixes().fi)
                    });
                    let joined = in_it
                        || text.readings(v).iter().any(|r| {
                            r.skip == 1 && toks[v].text.starts_with(affixes().conj.as_str())
                        });
                    let first = || {
                        mentions
                            .iter()
                            .enumerate()
                            .filter(|(_, m)| {
                                in_sentence(m) && m.tokens.1 <= v && is_actor(lex, m) && bare(m)
                            })
                            .map(|(i, _)| (i, None))
                            .next()
                    };
                    if joined {
                        return first();
                    }
                    mentions
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| {
                            in_sentence(m)
                                && m.tokens.1 <= v
                                && v - m.tokens.1 <= SUBJECT_GAP
                                && is_actor(lex, m)
                                && bare(m)
                        })
                        .map(|(i, _)| (i, None))
                        .next_back()
                })
            }
        };
        if let Some((speaker, phrase)) = speaker {
            let m = &mentions[speaker].tokens;
            let phrase = phrase.unwrap_or(if m.0 > v { (v + 1, m.1) } else { *m });
            // «بحسب X»، «وفق ما أعلنت X»
            let according = kind == SpeechKind::According
                || kind == SpeechKind::Relay
                    && toks
                        .get(v + 1)
                        .is_some_and(|t| lex.is(Fw::SourceLink, &t.text))
                || v >= 2
                    && toks[v - 1].sentence == sent
                    && lex.is_stop(&toks[v - 1].text)
                    && speech_kind(lex, text, v - 2) == Some(SpeechKind::According);
            let said = (v + 1..toks.len())
                .take_while(|&x| toks[x].sentence == sent)
                .find(|&x| lex.is(Fw::Complementizer, &toks[x].text));
            speeches.push(Speech {
                verb: v,
                speaker,
                according,
                phrase,
                statement: said,
            });
        }
    }
    // «الأونروا: أكثر من 300 عائلة نزحت …»: a line that opens with a name and a colon (live
    // coverage, headlines) is that one's statement
    for (i, m) in mentions.iter().enumerate() {
        let (a, b) = m.tokens;
        // (after a live blog's time stamp: «11:40 — «قسد»: …»)
        let line_start = (0..a)
            .rev()
            .find(|&x| lines[x] != lines[a])
            .map_or(0, |x| x + 1);
        let stamp = (line_start..a).all(|x| toks[x].text.chars().all(|c| c.is_ascii_digit()));
        let opens_line = a == 0 || lines[a] != lines[a - 1] || (stamp && a - line_start <= 3);
        // (past the time stamp)
        let words_from = (line_start..a)
            .find(|&x| !toks[x].text.chars().all(|c| c.is_ascii_digit()))
            .unwrap_or(a);
        // (or a person named after his title, which opens the line: «06:20 — المتحدث باسم
        // الشرطة في بيدوا، الرائد فلان: …»; never one addressed with «لـ»: «… لـ«السدرة»: …»)
        let titled = lex.class_of(&m.entity).family() == Family::Person
            && m.role.is_some()
            && a - line_start <= TITLED_COLON_REACH
            && (words_from + 1..a).all(|x| {
                !text.norm.chars[toks[x - 1].end..toks[x].start].contains(&':')
                    && speech_kind(lex, text, x).is_none()
            });
        // (or named after a word for a statement: «10:10 — بيان لبعثة أوصوم: …»)
        let stated = a == words_from + 1
            && text
                .readings(words_from)
                .iter()
                .any(|r| r.skip <= 1 && lex.is(Fw::Statement, &r.word));
        // (or after a source in it, «15:10 | مصدر في مجمع ناصر الطبي: …», or the head of its
        // office, «مكتب أوتشا: …»)
        let sourced = sourced_in(lex, text, words_from, a);
        let headed = a == words_from + 1 && lex.heads.contains_key(&toks[words_from].text);
        if !(opens_line || titled || stated || sourced || headed)
            || b >= toks.len()
            || lines[b] != lines[a]
            // (a hospital speaks for itself too: «07:30 | مجمع ناصر الطبي: وصول 6 شهداء»)
            || !(is_actor(lex, m) || lex.class_of(&m.entity) == crate::vocab::Class::Facility)
        {
            continue;
        }
        let gap = |x: usize| &text.norm.chars[toks[x - 1].end..toks[x].start];
        // (the colon right after the name, or after a phrase set off by a comma that tells what
        // it issued: «وزارة الصحة في غزة، في تقريرها الإحصائي اليومي: …»)
        let described = gap(b).contains(&',')
            && (b + 1..toks.len().min(b + DESCRIBED_COLON_REACH))
                .take_while(|&x| lines[x] == lines[a] && speech_kind(lex, text, x).is_none())
                .take_while(|&x| !mentions.iter().any(|o| o.tokens.0 == x))
                .any(|x| gap(x).contains(&':'));
        if (gap(b).contains(&':') || described) && !speeches.iter().any(|sp: &Speech| sp.verb == a)
        {
            speeches.push(Speech {
                verb: a,
                speaker: i,
                according: false,
                phrase: m.tokens,
                statement: None,
            });
        }
    }
    speeches.sort_by_key(|sp| sp.verb);
    // what a sentence inherits: the last speaker of the previous sentence on the same line, or
    // of the previous line when it opens with «وأضاف»/«وتابع»
    // — or, through a statement's quoted text set off after a colon («… أبرز ما جاء فيه:
    // «في يوم الثلاثاء …»), the speaker of the line before the quote, until the quote closes
    let mut carried = vec![None; text.sentences.len()];
    let mut last: Option<usize> = None;
    let mut last_line = usize::MAX;
    let mut quoted: Option<usize> = None;
    // — or, through a list opened by a line ending in a colon («وفقاً لبيانات المصفوفة، توزعت
    // أعداد النازحين … على النحو الآتي:»), the speaker of that line, for its items
    let mut listed: Option<usize> = None;
    for (s, sent) in text.sentences.iter().enumerate() {
        if sent.first_token >= sent.end_token {
            continue;
        }
        let line = lines[sent.first_token];
        if line != last_line && sent.first_token > 0 {
            let f = sent.first_token;
            let gap = &text.norm.chars[toks[f - 1].end..toks[f].start];
            let newline = gap.iter().position(|&c| c == '\n');
            let (before, after) = newline.map_or((gap, &gap[..0]), |n| (&gap[..n], &gap[n..]));
            // (the text's guillemets and curly quotes are folded to straight quotes)
            let quote = |c: &char| *c == '"';
            if before.iter().any(quote) {
                quoted = None;
            }
            if before.contains(&':') && after.iter().any(quote) {
                quoted = last;
            }
            let bullet = after.iter().any(|c| LIST_BULLETS.contains(c));
            listed = if before.contains(&':') && !after.iter().any(quote) {
                last.or(listed)
            } else if bullet {
                listed
            } else {
                None
            };
        }
        // (or with a verb of saying and straight what was said, no one named: «وأوضح أن …»،
        // «وأشار إلى أن …» go on with the one who spoke before)
        let f = sent.first_token;
        // (not the impersonal imperfect: «يذكر أن …»، «يشار إلى أن …» is the writer's)
        let impersonal = text
            .readings(f)
            .iter()
            .any(|r| r.skip <= 1 && r.word.starts_with(affixes().present.as_str()));
        let said_straight = speech_kind(lex, text, f) == Some(SpeechKind::Say)
            && !impersonal
            && (f + 1..(f + 3).min(sent.end_token))
                .take_while(|&x| x == f + 1 || lex.is_stop(&toks[x - 1].text))
                .any(|x| lex.is(Fw::Complementizer, &toks[x].text))
            && !speeches.iter().any(|sp| sp.verb == f);
        let opens_with_continue =
            speech_kind(lex, text, f) == Some(SpeechKind::Continue) || said_straight;
        if line == last_line || opens_with_continue {
            carried[s] = last;
        } else if quoted.is_some() {
            carried[s] = quoted;
            last = quoted;
        } else if listed.is_some() {
            carried[s] = listed;
            last = listed;
        } else {
            last = None;
        }
        if let Some(sp) = speeches.iter().rfind(|sp| toks[sp.verb].sentence == s) {
            last = Some(sp.speaker);
        } else if !(line == last_line || opens_with_continue) {
            last = None;
        }
        last_line = line;
    }
    Attribution { speeches, carried }
}

/// The marks that open the items of a list, one to a line.
const LIST_BULLETS: [char; 5] = ['•', '▪', '●', '-', '*'];
