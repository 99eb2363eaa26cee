//! People: names after titles and speech verbs, given names, apposed names, and the role a title gives.

use super::*;

impl Ctx<'_> {
    pub(super) fn title_at(&self, i: usize) -> Option<(usize, usize, Role, bool)> {
        if let Some(m) = self.lex.titles.at(self.text, i, usize::MAX).first() {
            return Some((m.skip(), m.end, m.value().role, m.value().office));
        }
        // a one-word title with a possessive pronoun: «رئيستها هانا تيتيه»، «قائدهم»
        let w = self.tok(i);
        // (not «ه», which is also the folded feminine ending — «محافظة» is no «محافظه» — unless
        // a name set off by a comma follows: «وقال نائبه، حمد الله فطرت»)
        let af = affixes();
        let apposed_name = || {
            i + 2 < self.n()
                && self.text.tokens[i + 1].hard_before
                && !self.text.tokens[i + 2].hard_before
                && self.comma_before(i + 1)
                && self.lex.given_names.contains(self.tok(i + 1))
        };
        let stem = af
            .possessives
            .iter()
            .filter(|p| **p != af.feminine || apposed_name())
            .find_map(|suffix| w.strip_suffix(suffix.as_str()))?;
        let stem = match stem.strip_suffix(af.construct.as_str()) {
            Some(s) => format!("{s}{}", af.feminine),
            None => stem.to_string(),
        };
        self.lex
            .titles
            .get(&[stem.as_str()])
            .map(|p| (0, i + 1, p.value.role, p.value.office))
    }

    /// Whether token x is the first word of a compound given name, the next its tail («عز
    /// الدين»، «أسد الله»).
    pub(super) fn compound_name_at(&self, x: usize) -> bool {
        x + 1 < self.n()
            && !self.text.tokens[x + 1].hard_before
            && self.lex.is(Fw::NameTail, self.tok(x + 1))
    }

    pub(super) fn is_title_start(&self, i: usize) -> bool {
        self.title_at(i).is_some()
    }

    /// A person's name at [j, end), at least `min` words. `starts` holds the gazetteer and
    /// pattern names found so far: a name does not start inside another entity's name.
    pub(super) fn person_name(
        &self,
        j: usize,
        min: usize,
        starts: &HashMap<usize, Cand>,
    ) -> Option<usize> {
        self.person_name_after(j, min, starts, FIRST_NAME_ZIPF)
    }

    /// As `person_name`, with the frequency a first name may have: higher after a title
    /// («اللواء تحسين الخفاجي»), where a name is expected.
    pub(super) fn person_name_after(
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
        // (or the first part of a compound given name: «عز الدين»، «نصر الله»)
        let given = self.lex.given_names.contains(t) || self.compound_name_at(j);
        // a word of time is no name («برئاسة العميد … ، أمس الأربعاء»), nor a word with «لل»
        // («الرئيس المشترك للدائرة»)
        let time = |x: usize| self.time_word(x);
        // (not «على», where «علي» with its ya is a name)
        if self.stop_at(j)
            || time(j)
            || t.starts_with(affixes().li_article.as_str())
            // (nor a word with «وال»: «محافظ طوباس والأغوار الشمالية»)
            || t.strip_prefix(affixes().conj.as_str()).is_some_and(|rest| {
                rest.starts_with(affixes().article.as_str()) && rest.chars().count() > 3
            })
            || self.adverbial(j)
            || self.definite_at(j)
            || t.chars().count() < 2
            || self.lex.speech_verbs.contains_key(t)
            || self.is_title_start(j)
            // «رئيس بلدية كفررمان»: a head noun names a place or body, not a person
            || self.lex.heads.contains_key(t)
            // («أبو جعفر الزين»: a name's compound part is frequent as a word, not as a name)
            || (!given && !self.lex.is(Fw::NameCompound, t) && self.lex.zipf(t) >= first_zipf)
            || t.chars().all(|c| c.is_ascii_alphanumeric())
            || other_entity(j)
        {
            return None;
        }
        let mut end = j + 1;
        while end < self.n() && end - j < 4 {
            let tk = &self.text.tokens[end];
            let w = tk.text.as_str();
            // «عبد الله شيخ علي»، «حسن شيخ محمود»: an honorific without the article inside a
            // name, before a given name, is part of it
            let inner_honorific = !tk.hard_before
                && end + 1 < self.n()
                && !self.text.tokens[end + 1].hard_before
                && self
                    .lex
                    .honorifics
                    .contains(&format!("{}{w}", affixes().article))
                && self.lex.given_names.contains(self.tok(end + 1));
            if inner_honorific {
                end += 1;
                continue;
            }
            if tk.hard_before
                || self.stop_at(end)
                || time(end)
                || self.adverbial(end)
                || self.lex.speech_verbs.contains_key(w)
                // («سهيل أفريدي يدين الهجوم»: a verb of judging after the name)
                || self.lex.is(Fw::Judge, w)
                || self.is_title_start(end)
                || w.chars().all(|c| c.is_ascii_alphanumeric())
                // a nisba after two names is a surname («محمد شياع السوداني»)
                || (self.is_demonym(w) && end - j < 2)
                || (other_entity(end) && !given)
                || (end - j >= 2 && self.clitic_word(end))
            {
                break;
            }
            let g = self.lex.given_names.contains(w);
            // «عبد الرحمن»، «أبو محمد»: a compound name part takes the word after it
            let compound = self.lex.is(Fw::NameCompound, self.tok(end - 1));
            let ok = if compound {
                true
            } else if self.lex.is(Fw::NameCompound, w) {
                // «كريم محمود أبو الهيجاء»: «أبو» takes the word after it
                end + 1 < self.n() && !self.text.tokens[end + 1].hard_before
            } else if self.lex.is(Fw::NameTail, w)
                || self.compound_name_at(end) && !self.definite_at(end)
            {
                // «نور الدين سعيد»، «سليم عز الدين»
                true
            } else if self.definite_at(end) {
                // a family name in ال…ي: rare, or after two names («محمد شياع السوداني»); after
                // a title, any rare family name («الباحث … سامر الأسعد»)
                let titled = first_zipf > FIRST_NAME_ZIPF;
                // (or a given name with the article: «علي الحسن»، «عبد الكريم الأحمد»)
                let given_with_article = w
                    .strip_prefix(affixes().article.as_str())
                    .is_some_and(|bare| self.lex.given_names.contains(bare));
                // (not a noun of the counted: «زار المحافظ ريبوار طه الجرحى»)
                let counted = w
                    .strip_prefix(affixes().article.as_str())
                    .is_some_and(|bare| self.lex.measures.get(&[bare]).is_some());
                !counted
                    && ((w.ends_with(affixes().nisba.as_str())
                        && (self.lex.zipf(w) < SURNAME_ZIPF || end - j >= 2))
                        || (titled && self.lex.zipf(w) < SURNAME_ZIPF)
                        || given_with_article)
            } else if w.starts_with(affixes().conj.as_str()) && !g {
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

    /// A name in quotes right after a title («يُدعى «أبو حفص الشامي»»): one to four words, none
    /// a function word, not the start of another entity's name. Returns where it ends.
    fn quoted_name(&self, j: usize, starts: &HashMap<usize, Cand>) -> Option<usize> {
        if j == 0 || j >= self.n() {
            return None;
        }
        let chars = &self.text.norm.chars;
        // (an opening quote: right before the name, after a space; not the closing quote of
        // what came before: «والي كركوك» بضربتين)
        let g = self.gap_before(j);
        let opens = g.len() >= 2 && g[g.len() - 1] == '"' && g[g.len() - 2].is_whitespace();
        if !opens || starts.contains_key(&j) {
            return None;
        }
        let end = (j + 1..(j + 5).min(self.n() + 1)).find(|&k| {
            k == self.n() || self.gap_before(k).contains(&'"') || {
                let last = &self.text.tokens[k - 1];
                chars[last.end..].iter().find(|c| !c.is_whitespace()) == Some(&'"')
            }
        })?;
        let words_ok = (j..end).all(|t| {
            let w = self.tok(t);
            !self.lex.is_stop(w) && (t == j || !self.text.tokens[t].hard_before)
        });
        words_ok.then_some(end)
    }

    /// A common word behind a preposition's proclitic («بإرسال»، «لمواجهة»): after a name of
    /// two words, what the clause says next, not a third name.
    fn clitic_word(&self, t: usize) -> bool {
        let w = self.tok(t);
        !self.lex.given_names.contains(w)
            && !w.starts_with(affixes().conj.as_str())
            && self.text.readings(t).iter().any(|r| {
                r.skip == 1
                    && r.restored.is_empty()
                    && self.lex.zipf(&r.word) >= NAME_ENDING_CLITIC_WORD_ZIPF
            })
    }

    pub(super) fn orgs_at(&self, j: usize, cands: &HashMap<usize, Cand>) -> Option<Cand> {
        // also through a proclitic: «لقوات سوريا الديمقراطية»
        cands
            .get(&j)
            .filter(|c| self.lex.class_of(&c.entity).family() != Family::Person)
            .cloned()
    }

    /// A place whose name counts only in context, right after a title that names its place
    /// («محافظ جنين، كمال أبو الرب»: the governor's is the place): the longest such name there.
    fn place_of_office(&self, j: usize) -> Option<Cand> {
        self.in_context_after(j, Fw::PlaceContext, |c| c.family() == Family::Place)
    }

    /// An organisation whose name counts only in context, named right after a title's link
    /// («باسم»): the longest such name there.
    fn named_for(&self, j: usize) -> Option<Cand> {
        self.in_context_after(j, Fw::TitleLink, |c| {
            matches!(
                c,
                Class::ArmedGroup | Class::Government | Class::Organization
            )
        })
    }

    /// The longest name at token j that counts only in context, of a class that `fits`, where
    /// the word before j has `role` (the context the name needs).
    fn in_context_after(&self, j: usize, role: Fw, fits: impl Fn(Class) -> bool) -> Option<Cand> {
        if j == 0 || j >= self.n() || !self.lex.is(role, self.tok(j - 1)) {
            return None;
        }
        self.gazetteer_at(j)
            .into_iter()
            .filter(|c| c.needs_context && fits(self.lex.class_of(&c.entity)))
            .max_by_key(|c| c.b)
    }

    /// People after titles and speech verbs.
    pub(super) fn people(&self, starts: &HashMap<usize, Cand>) -> Vec<Cand> {
        let mut out = Vec::new();
        for i in 0..self.n() {
            if let Some((skip, mut j, role, office)) = self.title_at(i) {
                let mut orgs = Vec::new();
                // «رئيس الحكومة اللبنانية»: a body whose name begins inside the title and goes
                // on after it is the title's own
                if let Some(c) = (i + 1..j)
                    .filter_map(|t| self.orgs_at(t, starts))
                    .find(|c| c.b > j && c.a > i)
                {
                    orgs.push(c.entity.clone());
                    j = c.b;
                }
                let first_j = j;
                for _ in 0..5 {
                    // (an organisation's short name in brackets goes with it: «قوة الأمم
                    // المتحدة المؤقتة في لبنان (اليونيفيل)، كانديس أرديل»)
                    if j < self.n() && !orgs.is_empty() && self.gap_before(j).contains(&'(') {
                        if let Some(c) = self.orgs_at(j, starts) {
                            j = c.b;
                            continue;
                        }
                    }
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
                    } else if let Some(c) = self
                        .orgs_at(j, starts)
                        .or_else(|| (j == first_j).then(|| self.place_of_office(j)).flatten())
                    {
                        orgs.push(c.entity.clone());
                        j = c.b;
                    } else if let Some(c) = self.named_for(j) {
                        // «المتحدث العسكري باسم الحوثيين»: after «باسم» an organisation is
                        // meant, though its name alone counts only in context
                        orgs.push(c.entity.clone());
                        j = c.b;
                    } else if self.lex.is(Fw::Destination, w) {
                        // «المبعوث الأمريكي إلى سوريا»: where the envoy is sent, not whose he is
                        j += 1;
                        if let Some(c) = self.orgs_at(j, starts) {
                            j = c.b;
                        }
                    } else if affixes().is_fi(w) && !orgs.is_empty() && role == Role::Commander {
                        // «قائد اللواء 12 في الحشد الشعبي»: the body after «في» is where the
                        // title's own body belongs; he commands the brigade, not the whole
                        // (a department's official or spokesman speaks for the whole body)
                        break;
                    } else if w == affixes().li || self.lex.is(Fw::TitleLink, w) {
                        j += 1;
                    } else if self.title_link_with_pronoun(w) {
                        // «المتحدث باسمها محمد خراساني»: whose, the pronoun says; the name
                        // follows
                        j += 1;
                    } else if self.lex.anaphors.contains_key(w) {
                        // «مدير المرصد رامي عبد الرحمن»: the organisation named before, by its
                        // head noun
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
                // «الباحث في الشأن الأمني قحطان الربيعي»: a field of study, then the name
                let j = if orgs.is_empty() {
                    self.field_phrase_end(j).unwrap_or(j)
                } else {
                    j
                };
                let apposed = j < self.n() && self.text.tokens[j].hard_before;
                // a listed person's name after the title is the name, however common its
                // words («الرئيس التركي رجب طيب أردوغان»)
                let listed = starts
                    .get(&j)
                    .filter(|c| self.lex.class_of(&c.entity) == Class::Person)
                    .map(|c| c.b);
                // (a quote between the title and the words after it ends the title's phrase:
                // «والي كركوك» بضربتين)
                let quoted_gap = j > 0 && j < self.n() && self.gap_before(j).contains(&'"');
                let after_title = if apposed || (quoted_gap && listed.is_none()) {
                    None
                } else if listed.is_some() {
                    listed
                } else {
                    self.person_name(j, min, starts)
                        .or_else(|| self.person_name_after(j, 2, starts, TITLED_FIRST_NAME_ZIPF))
                };
                // «رئيس بلدية القليلة حسن عبد الله»: the place of the office, a word nobody
                // listed, stands between the title and a name that begins with a given name
                let past_place = (after_title.is_none()
                    && !apposed
                    && !quoted_gap
                    && j + 1 < self.n()
                    && self.definite_at(j)
                    && !self.text.tokens[j + 1].hard_before
                    && self.lex.given_names.contains(self.tok(j + 1)))
                .then(|| self.person_name(j + 1, 2, starts))
                .flatten();
                if let Some(end) = after_title {
                    out.push(self.titled(j, end, starts, Some((role, orgs))));
                } else if let Some(end) = past_place {
                    out.push(self.titled(j + 1, end, starts, Some((role, orgs))));
                } else if let Some(end) = self.quoted_name(j, starts) {
                    // «قيادي في التنظيم يُدعى «أبو ياسر العراقي»»: a name in quotes
                    out.push(self.titled(j, end, starts, Some((role, orgs))));
                } else if let Some((a, end)) = self.apposed_name(j).filter(|_| apposed) {
                    // «الناطق باسم جهاز الإسعاف والطوارئ، مالك الشريف، إن …»
                    out.push(self.titled(a, end, starts, Some((role, orgs))));
                } else if let Some((a, end, more)) =
                    (apposed && !orgs.is_empty() && j + 1 < self.n())
                        .then(|| self.title_at(j))
                        .flatten()
                        .and_then(|(_, e, second, _)| {
                            let (a, end) = self.apposed_after_phrase(e, true)?;
                            // (the second title's bodies too, where it is a title of the same
                            // kind)
                            let more: Vec<EntityRef> = if second == role {
                                (e..a)
                                    .filter_map(|x| self.orgs_at(x, starts))
                                    .map(|c| c.entity)
                                    .collect()
                            } else {
                                Vec::new()
                            };
                            Some((a, end, more))
                        })
                {
                    // «محافظ محافظة مأرب، عضو مجلس القيادة الرئاسي، اللواء سلطان العرادة»: a
                    // second title set off by commas, then the name both titles are his
                    let mut orgs = orgs;
                    for m in more {
                        if !orgs.contains(&m) {
                            orgs.push(m);
                        }
                    }
                    out.push(self.titled(a, end, starts, Some((role, orgs))));
                } else if let Some((a, end)) = self.apposed_after_phrase(j, role != Role::None) {
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
                        let after_verb = self.lex.speech_verb_at(self.text, s0 - 1);
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
            // «بقيادة عبد العزيز الحلو»، «بزعامة أبو عاقلة كيكل»: who leads, named as after a
            // title (a name that begins with «أبو» too)
            let led = self.lex.relations.at(self.text, i, 1).iter().any(|m| {
                m.end == i + 1
                    && matches!(
                        m.value().relation,
                        crate::vocab::Relation::CommanderOf | crate::vocab::Relation::HeadOf
                    )
            });
            if led && i + 2 < self.n() && !starts.contains_key(&(i + 1)) {
                let compound = self.lex.is(Fw::NameCompound, self.tok(i + 1));
                let end = if compound && !self.text.tokens[i + 2].hard_before {
                    self.person_name_after(i + 2, 2, starts, TITLED_FIRST_NAME_ZIPF)
                        .or_else(|| Some(i + 3).filter(|&e| e <= self.n()))
                } else {
                    None
                };
                // («أبو» and its word, then a surname at most: a verb may follow the name)
                if let Some(end) = end.filter(|&e| e >= i + 3).map(|e| e.min(i + 4)) {
                    out.push(self.person(i + 1, end, PRIO_TITLE, None));
                }
            }
        }
        out
    }

    /// After a title, «في» and a field named by definite words or a construct ending in one
    /// («في الشأن الأمني»، «في شؤون الجماعات المتطرفة»): where the field ends, if a name may
    /// follow there.
    pub(super) fn field_phrase_end(&self, j: usize) -> Option<usize> {
        if j >= self.n() {
            return None;
        }
        // «في» read already as the title's link, or still to come
        let j = if affixes().is_fi(self.tok(j)) {
            j
        } else if j > 0 && affixes().is_fi(self.tok(j - 1)) {
            j - 1
        } else {
            return None;
        };
        let mut k = j + 1;
        let mut last_definite = false;
        while k < self.n() && k - j <= 5 && !self.text.tokens[k].hard_before {
            let definite = self.definite_at(k);
            // a construct noun takes a definite word after it
            let construct = !definite
                && k + 1 < self.n()
                && !self.text.tokens[k + 1].hard_before
                && self.definite_at(k + 1)
                && self.lex.zipf(self.tok(k)) >= SURNAME_ZIPF
                // (not the name that follows: «في الشؤون الأمنية عبد الله شيخ علي»)
                && !self.lex.is(Fw::NameCompound, self.tok(k))
                && !self.lex.given_names.contains(self.tok(k));
            if !(definite || construct) || self.stop_at(k) {
                break;
            }
            last_definite = definite;
            k += 1;
        }
        (k > j + 1 && last_definite).then_some(k)
    }

    /// «باسمها»، «باسمه»: a title's link with the pronoun of whose the title is.
    pub(super) fn title_link_with_pronoun(&self, w: &str) -> bool {
        affixes()
            .before_pronoun(w)
            .any(|stem| stem.chars().count() >= 3 && self.lex.is(Fw::TitleLink, stem))
    }

    /// A word of time («أمس»، «اليوم»، «الأربعاء»): never a word of a name.
    fn time_word(&self, x: usize) -> bool {
        let w = self.tok(x);
        self.lex.is(Fw::Yesterday, w)
            || self.lex.is(Fw::Today, w)
            || self.lex.weekdays.contains_key(w)
    }

    /// A name set off by commas after a title and its organisation: «، [rank] NAME،» or
    /// «، [rank] NAME إن …». Returns the name's tokens.
    pub(super) fn apposed_name(&self, j: usize) -> Option<(usize, usize)> {
        if j == 0 || j >= self.n() || !self.text.tokens[j].hard_before {
            return None;
        }
        let prev = &self.text.tokens[j - 1];
        let tk = &self.text.tokens[j];
        if prev.sentence != tk.sentence || !self.comma_before(j) {
            return None;
        }
        // a rank or honorific first: «العميد»، «الدكتور»، «العميد الركن»
        let mut a = j;
        while let Some((_, e, _, _)) = self.title_at(a) {
            a = e;
        }
        let first = self.tok(a.min(self.n() - 1));
        // «، ونص على …»: a clause joined by «و», not a name
        let clause =
            first.starts_with(affixes().conj.as_str()) && !self.lex.given_names.contains(first);
        if a >= self.n()
            || clause
            || self.time_word(a)
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

    /// After a title, a phrase nobody listed (what the title is of, up to nine words), then a
    /// name set off by commas. `of_a_body`: the title is an office's or a spokesman's, not a rank
    /// alone, so the phrase may be a bare name of what it is of.
    pub(super) fn apposed_after_phrase(&self, j: usize, of_a_body: bool) -> Option<(usize, usize)> {
        // (and, after a body, one more phrase set off by commas that describes it: «المتحدث
        // باسم الجيش الشعبي - شمال، الذراع العسكرية للحركة الشعبية، العقيد كافي تاور»)
        let set_off = |x: usize| {
            of_a_body
                && x < self.n()
                && self.text.tokens[x].hard_before
                && self.comma_before(x)
                && self.definite_at(x)
        };
        let mut from = j;
        for hop in 0..2 {
            let mut k = from;
            while k < self.n()
                && k - from < 9
                && (!self.text.tokens[k].hard_before || k == from && (hop > 0 || set_off(k)))
            {
                let w = self.tok(k);
                if self.lex.speech_verbs.contains_key(w) || self.lex.is(Fw::Complementizer, w) {
                    return None;
                }
                k += 1;
            }
            // (after the title of an office, what it is of: «محافظ نابلس»; after a rank alone,
            // a phrase with a definite word: «في المحافظة» — not the name itself, «المقدم
            // إيسوفو ويدراوغو، فرض حظر التجول»)
            let describes = of_a_body || (from..k).any(|x| self.definite_at(x));
            if !(k > from && k < self.n() && describes) {
                return None;
            }
            if let Some(found) = self.apposed_name(k) {
                return Some(found);
            }
            if !set_off(k) {
                return None;
            }
            from = k;
        }
        None
    }

    /// The person named by tokens [a, b) after a title: the gazetteer's when it knows the name
    /// (or a longer one from a), else a new one.
    pub(super) fn titled(
        &self,
        a: usize,
        b: usize,
        starts: &HashMap<usize, Cand>,
        role: Option<(Role, Vec<EntityRef>)>,
    ) -> Cand {
        // the gazetteer's name, also where it runs on past the words read as a name («عبد
        // الفتاح» then «البرهان», a definite surname)
        match starts
            .get(&a)
            .filter(|c| c.b >= b && self.lex.class_of(&c.entity) == Class::Person)
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
    pub(super) fn person(
        &self,
        a: usize,
        b: usize,
        prio: u8,
        role: Option<(Role, Vec<EntityRef>)>,
    ) -> Cand {
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
}
