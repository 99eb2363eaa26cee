//! Names nobody listed, found after a head noun («سجن X»، «حركة X»، «مديرية X»), organisation name chains, and what they belong to.

use super::*;

impl Ctx<'_> {
    pub(super) fn is_definite(w: &str) -> bool {
        w.starts_with(affixes().article.as_str()) && w.chars().count() > 3
    }

    /// A word that is a preposition's clitic on a definite word («بالفاشر»، «للدرك») or on an
    /// ordinary word («بجوار»، «برئاسة»): it starts a prepositional phrase, never continues a
    /// name. A place's head noun after «ب» («بولاية شمال دارفور») is not one: the place follows.
    pub(super) fn is_prepositional(&self, i: usize) -> bool {
        let w = self.tok(i);
        self.text.readings(i).iter().any(
            |Reading {
                 skip: k,
                 word: v,
                 restored: restore,
                 ..
             }| {
                let af = affixes();
                *k > 0
                    && !v.is_empty()
                    && !w.starts_with(af.conj.as_str())
                    && !w.starts_with(af.fa.as_str())
                    && (Self::is_definite(v)
                        && (!restore.is_empty() || !w.starts_with(af.article.as_str()))
                        || (self.lex.is_common(v)
                            && self
                                .lex
                                .heads
                                .get(v.as_str())
                                .is_none_or(|h| h.class.family() != Family::Place))
                        // («سوق بنيالا»: «بـ» and a town's name say where, not the name)
                        || (!w.starts_with(af.li.as_str())
                            && self.lex.names.get(&[v.as_str()]).is_some_and(|p| {
                                !p.value.needs_context
                                    && self.lex.gazetteer[p.value.entity].class == Class::City
                            })))
            },
        )
    }

    /// Whether token i is a place's head noun after a proclitic preposition («بولاية»،
    /// «بمحافظة»، «لمدينة»): where a name ends and the place it lies in begins.
    pub(super) fn clitic_place_head(&self, i: usize) -> bool {
        let w = self.tok(i);
        let af = affixes();
        !w.starts_with(af.conj.as_str())
            && self.text.readings(i).iter().any(|r| {
                r.skip > 0
                    && self
                        .lex
                        .heads
                        .get(r.word.as_str())
                        .is_some_and(|h| h.class.family() == Family::Place)
            })
    }

    /// After a generic organisation name, the place or organisation it belongs to: «في X»,
    /// «بـX»، «لـX» with X a known place or organisation, or an organisation's head and its name
    /// («بحكومة الوحدة الوطنية»). Returns where that name ends, and whether it names a place or
    /// an organisation.
    pub(super) fn whose(&self, end: usize) -> Option<(usize, Family)> {
        if end >= self.n() || self.text.tokens[end].hard_before {
            return None;
        }
        let at = if self.tok(end) == affixes().fi {
            end + 1
        } else {
            end
        };
        if at >= self.n() || self.text.tokens[at].hard_before {
            return None;
        }
        let clitic = at > end
            || self.tok(at).starts_with(affixes().bi.as_str())
            || self.tok(at).starts_with(affixes().li.as_str());
        if !clitic {
            return None;
        }
        // the known name, through the clitic when there is no «في» («بولاية الخرطوم»)
        let names: Vec<Cand> = self
            .gazetteer_at(at)
            .into_iter()
            .filter(|c| c.skip == 0 || at == end)
            .collect();
        let known = names
            .iter()
            .filter(|c| !c.needs_context)
            .max_by_key(|c| (c.b, std::cmp::Reverse(c.skip)));
        // (a capital named by an epithet, «في العاصمة الأفغانية», is where a ministry sits, not
        // whose it is)
        let epithet = |g: &Cand| {
            let w = self.tok(g.a);
            self.lex.class_of(&g.entity) == Class::City
                && Self::is_definite(w)
                && self.lex.is_common(w)
        };
        if let Some(g) = known.filter(|g| !epithet(g)) {
            let fam = self.lex.class_of(&g.entity).family();
            if fam == Family::Place || fam == Family::Organization {
                return Some((g.b, fam));
            }
        }
        // a known organisation's name, even one that needs context to count alone («بحكومة
        // الوحدة الوطنية»): the owner's name ends where it ends
        let ambiguous = names
            .iter()
            .filter(|c| c.needs_context)
            .filter(|c| self.lex.class_of(&c.entity).family() == Family::Organization)
            .map(|c| c.b)
            .max();
        if let Some(b) = ambiguous {
            return Some((b, Family::Organization));
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
            return self
                .chain(at + 1, false, false, false)
                .map(|b| (b, Family::Organization));
        }
        None
    }

    pub(super) fn is_demonym(&self, w: &str) -> bool {
        self.lex.demonyms.contains_key(w)
    }

    /// A proper name after a head noun: [j, end).
    pub(super) fn proper_name(&self, j: usize, rule: HeadRule) -> Option<usize> {
        if j >= self.n() || self.text.tokens[j].hard_before {
            return None;
        }
        let t = self.tok(j);
        // (nor a word that follows place heads as an adjective or verb: «مدرسة تؤوي نازحين»)
        if self.lex.is_stop(t)
            || self.lex.anaphors.contains_key(t)
            || self.lex.heads.contains_key(t)
            || self.lex.is(Fw::HeadComplement, t)
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
                        || (!t.starts_with(affixes().article.as_str()) && !self.lex.is_common(t))
                }
                _ => {
                    (!self.lex.is_common(t) && !self.is_demonym(t))
                        || (rule == HeadRule::Rare && self.common_word_named(j))
                }
            };
        if !ok || t.chars().count() < 3 {
            return None;
        }
        let mut end = j + 1;
        let name_word = |x: usize| {
            x < self.n()
                && !self.text.tokens[x].hard_before
                && !self.lex.is_stop(self.tok(x))
                && !Self::is_definite(self.tok(x))
                && !self.is_prepositional(x)
                && !self.lex.heads.contains_key(self.tok(x))
                // «منطقة الشيخ سالم قرب زنجبار»: where it lies is not its name
                && !self.lex.is(Fw::LocatedLink, self.tok(x))
                // «مديرية برمل بولاية بكتيكا»: nor the division after «بـ»
                && !self.clitic_place_head(x)
        };
        if self.lex.name_prefixes.contains(t)
            && end < self.n()
            && !self.text.tokens[end].hard_before
            && !self.lex.is_stop(self.tok(end))
        {
            end += 1;
            // «مستشفى الشهيد ثابت ثابت»: a person's second name
            if self.lex.honorifics.contains(t) && name_word(end) {
                end += 1;
            }
        }
        // «منطقة كالا بالغي بولاية بورنو»، «مدينة بولو بردي»: a name of two or three words
        // nobody listed, none of them a common word, a number or a demonym
        if end == j + 1 && !t.starts_with(affixes().conj.as_str()) {
            while end < self.n()
                && end - j < 3
                && name_word(end)
                && !self.lex.is_common(self.tok(end))
                && !self.is_demonym(self.tok(end))
                && !self.tok(end).chars().any(|c| c.is_ascii_digit())
                && self.tok(end).chars().count() >= 3
                // (not the next name joined by «و»: «حارة حريك والغبيري»، «بلدتي حاروف وزوطر»)
                && !self.tok(end).starts_with(affixes().conj.as_str())
            {
                end += 1;
            }
        }
        Some(self.name_suffixes_end(end))
    }

    /// Past the adjectives that end a place's name, two at most: «سجن عدرا المركزي»، «مستشفى
    /// جنين الحكومي»، «مجمع ناصر الطبي»، «مدرسة بنات الدرج الإعدادية»; and past the nisba of
    /// the country that built or runs it, before such an adjective («مستشفى طوباس التركي
    /// الحكومي»).
    pub(super) fn name_suffixes_end(&self, mut end: usize) -> usize {
        let open = |x: usize| x < self.n() && !self.text.tokens[x].hard_before;
        let suffix = |x: usize| open(x) && self.lex.name_suffixes.contains(self.tok(x));
        if open(end)
            && Self::is_definite(self.tok(end))
            && self.is_demonym(self.tok(end))
            && suffix(end + 1)
        {
            end += 1;
        }
        let start = end;
        while end - start < 2 && suffix(end) {
            end += 1;
        }
        end
    }

    /// A common word after a place's head that is the place's name all the same («بلدة طويلة
    /// الواقعة …»، «إلى بلدة طويلة خلال …»، «مدينة بارا.»): not an adjective or verb of those that
    /// follow such heads, and followed by «الواقعة», a preposition or the end of the clause.
    pub(super) fn common_word_named(&self, j: usize) -> bool {
        let t = self.tok(j);
        // (a definite word after an indefinite town's head is its genitive, a name: «بلدة
        // الخيام»، «بلدة المنصوري»)
        if self.is_demonym(t)
            || self.lex.is(Fw::HeadComplement, t)
            || self.adverbial(j)
            || t.starts_with(affixes().conj.as_str())
        {
            return false;
        }
        let next = j + 1;
        next >= self.n()
            || self.text.tokens[next].hard_before
            || self.stop_at(next)
            || self.lex.is(Fw::Situated, self.tok(next))
            // «بلدة الهول المجاورة»: an adjective that follows places
            || affixes()
                .bare(self.tok(next), 2)
                .is_some_and(|b| self.lex.is(Fw::HeadComplement, b))
            // «لبلدة الخيام بصليات صاروخية»: a prepositional phrase follows
            || self.is_prepositional(next)
            // «بلدة معركة قضاء صور»: the division it lies in follows, by its head noun
            || self
                .lex
                .heads
                .get(self.tok(next))
                .is_some_and(|h| h.class.family() == Family::Place)
            || self.text.readings(next).iter().any(|r| {
                r.skip == 1
                    && r.restored.is_empty()
                    && (self.tok(next).starts_with(affixes().bi.as_str())
                        || self.tok(next).starts_with(affixes().li.as_str()))
            })
    }

    /// An organisation name chain after a head: [j, end). A place ends it (مديرية أوقاف الحسكة).
    pub(super) fn chain(&self, j: usize, media: bool, armed: bool, org: bool) -> Option<usize> {
        let af = affixes();
        // «إدارة مطار معيتيقة الدولي»، «إدارة سجن الصناعة»: who runs a facility is named by it;
        // the facility is the name the text gives
        if self.lex.heads.get(self.tok(j)).is_some_and(|h| {
            h.keep && matches!(h.class, Class::Facility | Class::Prison | Class::Camp)
        }) {
            return None;
        }
        let mut end = j;
        // an organisation's name goes on with what it is for: «تحالف رصد للحقوق والحريات»،
        // «معهد باكستان لدراسات النزاع والأمن» (a «لـ» phrase ending in definite words)
        let mut purpose = false;
        // a known place closing the chain: its words stay, common or not («ديالى»)
        let mut place_from = usize::MAX;
        while end < self.n() && end - j < 5 {
            if end > j {
                // (not after a definite genitive, which completes the chain: «تسلمت وزارة
                // الداخلية سجن الأقطان» names the prison as the object; nor a site)
                let complete = (j..end).any(|x| Self::is_definite(self.tok(x)));
                if let Some(g) = self.longest_gazetteer_at(end).filter(|g| !g.needs_context) {
                    let gclass = self.lex.class_of(&g.entity);
                    if gclass.family() == Family::Place
                        && !self.text.tokens[end].hard_before
                        && !(complete
                            && matches!(gclass, Class::Prison | Class::Facility | Class::Camp))
                    {
                        place_from = end;
                        end = g.b;
                        break;
                    }
                }
            }
            let tk = &self.text.tokens[end];
            let t = tk.text.as_str();
            if org && end > j && !tk.hard_before {
                let definite_next = end + 1 < self.n()
                    && !self.text.tokens[end + 1].hard_before
                    && Self::is_definite(self.tok(end + 1));
                if !purpose
                    && (t.starts_with(af.li_article.as_str())
                        || t.starts_with(af.li.as_str()) && definite_next)
                {
                    purpose = true;
                    end += 1;
                    continue;
                }
                if purpose {
                    if Self::is_definite(t) || t.starts_with(af.conj_article.as_str()) {
                        end += 1;
                        continue;
                    }
                    break;
                }
            }
            if tk.hard_before
                || self.lex.is_stop(t)
                || self.lex.speech_verbs.contains_key(t)
                || self.is_title_start(end)
                || (end > j && !t.starts_with(af.li_article.as_str()) && self.is_prepositional(end))
            {
                break;
            }
            if end > j
                && t.starts_with(af.conj.as_str())
                && !t.starts_with(af.conj_article.as_str())
            {
                break;
            }
            // «رئيس بلدية كفررمان حسن عبد الله»: a given name after the body's place begins
            // the name of its head
            // (or the first word of a compound given name: «شرطة مقاطعة بنجغور أسد الله كاكر»)
            if end > j && (self.lex.given_names.contains(t) || self.compound_name_at(end)) {
                break;
            }
            // «تبنى لواء درع الساحل الهجوم»: a word of violence with the article is the verb's
            // object, not the rest of the name
            if end > j
                && af.bare(t, 3).is_some_and(|b| {
                    self.lex
                        .events
                        .found(b, self.text, end)
                        .iter()
                        .any(|p| p.words.len() == 1 && p.value.is_violent())
                })
            {
                break;
            }
            // the construct ends with its definite genitive: after one, only definite
            // adjectives follow («قوات النظام» then «طوقت» is a verb)
            let latin = t.chars().all(|c| c.is_ascii_alphanumeric());
            let definite_seen = (j..end).any(|x| Self::is_definite(self.tok(x)));
            if definite_seen && !latin && !(Self::is_definite(t) || af.article_after_clitic(t)) {
                break;
            }
            // «تابعة للتحالف»: a prepositional phrase, not a name, unless a definite came first
            if !definite_seen && af.article_after_clitic(t) {
                break;
            }
            end += 1;
        }
        // the chain ends on a definite, Latin or uncommon word
        while end > j && end <= place_from {
            let t = self.tok(end - 1);
            let latin = t.chars().all(|c| c.is_ascii_alphanumeric());
            let definite = Self::is_definite(t) || af.article_after_clitic(t);
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
        // a body named by what it does, in common words only («مكتب الصحة العامة والسكان»،
        // «قيادة الأمن الداخلي»): any place has one, so the place it belongs to is part of its
        // name («… بمحافظة تعز»، «… في محافظة درعا»)
        if !media && end > j + 1 {
            let generic = (j..end).all(|x| {
                let t = self.tok(x);
                let t = t
                    .strip_prefix(af.conj.as_str())
                    .filter(|_| x > j)
                    .unwrap_or(t);
                let t = af.bare(t, 2).unwrap_or(t);
                self.lex.is_common(t)
            });
            // (a place: a body of another organisation, «دائرة العلاقات الخارجية في الإدارة
            // الذاتية», is that organisation's part, not a name with it)
            if let Some((whose, Family::Place)) = self.whose(end).filter(|_| generic) {
                return Some(whose);
            }
        }
        if !(latin || !self.lex.is_common(first) || end > j + 1) {
            // «وزارة الصحة» alone is any country's: named with whose it is («بحكومة الوحدة
            // الوطنية»، «في غزة»، «بولاية الخرطوم») it is a name
            if let Some((whose, _)) = self.whose(end) {
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
    pub(super) fn heads_at(&self, i: usize) -> Vec<Cand> {
        let mut out = Vec::new();
        for (k, v, restored) in self.text.readings(i).iter().map(Reading::parts) {
            if let Some(c) = self.definite_body(i, k, v, restored) {
                out.push(c);
                continue;
            }
            if let Some(c) = self.definite_facility(i, k, v, restored) {
                out.push(c);
                continue;
            }
            let station = self.police_station(i, k, v, restored);
            if !station.is_empty() {
                out.extend(station);
                continue;
            }
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
                if head.rule != HeadRule::Definite {
                    self.head_pattern(i, k, v, head.class, head.keep, head.rule, &mut out);
                }
            } else if let Some(c) = self.definite_unit(i, k, v) {
                out.push(c);
            } else if let Some(stem) = v
                .strip_suffix(affixes().dual_construct.as_str())
                .or_else(|| v.strip_suffix(affixes().dual_construct_nominative.as_str()))
            {
                // the dual construct: محافظتي الرقة ودير الزور، مدينتا كادقلي والدلنج
                let single = format!("{stem}{}", affixes().feminine);
                self.dual_head(i, &single, &mut out);
            } else if let Some(single) = v
                .strip_suffix(affixes().dual_masculine.as_str())
                .or_else(|| v.strip_suffix(affixes().dual_masculine_nominative.as_str()))
                .filter(|s| !s.ends_with(affixes().feminine.as_str()))
            {
                // a masculine noun's: «حيي الزهور وغويران»، «مخيمي الهول وروج»
                self.dual_head(i, single, &mut out);
            }
        }
        out
    }

    /// The listed place of `class` that the head noun and these words name («مخيم» + «روج»).
    fn listed_with_head(
        &self,
        head_word: &str,
        class: Class,
        rest: &[String],
    ) -> Option<EntityRef> {
        let words: Vec<String> = std::iter::once(head_word.to_string())
            .chain(rest.iter().cloned())
            .collect();
        self.all_listed_with_head(&words, class).into_iter().next()
    }

    /// Every listed entity of the class the words name, head included («مستشفى الثورة»: the
    /// hospitals of that name in Taiz and in Hodeidah).
    fn all_listed_with_head(&self, words: &[String], class: Class) -> Vec<EntityRef> {
        let mut out: Vec<EntityRef> = Vec::new();
        for p in self.lex.names.starting_with(&words[0]) {
            let e = EntityRef::Known(p.value.entity);
            if p.words == words
                && self.lex.gazetteer[p.value.entity].class == class
                && !out.contains(&e)
            {
                out.push(e);
            }
        }
        out
    }

    /// The two places a dual head names, when `single` is a place's head noun.
    fn dual_head(&self, i: usize, single: &str, out: &mut Vec<Cand>) {
        if let Some(head) = self.lex.heads.get(single) {
            if head.class.family() == Family::Place && head.keep {
                self.dual_pattern(i, single, head.class, out);
            } else if head.class.family() == Family::Place {
                self.dual_unlisted(i, single, head.class, out);
            }
        }
    }

    /// The head noun a definite word is, without its article («المستشفى» → «مستشفى»).
    fn definite_head(&self, v: &str) -> Option<&Head> {
        if !Self::is_definite(v) {
            return None;
        }
        self.lex.heads.get(affixes().bare(v, 3)?)
    }

    /// A facility named by its definite head and the nisba of the country that built or runs
    /// it: «المستشفى السعودي»، «المستشفى الميداني الأردني» (a bare «المستشفى الميداني» is any
    /// field hospital).
    pub(super) fn definite_facility(
        &self,
        i: usize,
        k: usize,
        v: &str,
        restored: &str,
    ) -> Option<Cand> {
        let head = self.definite_head(v)?;
        if !head.keep || head.class != Class::Facility {
            return None;
        }
        let open = |x: usize| x < self.n() && !self.text.tokens[x].hard_before;
        let nisba =
            |x: usize| open(x) && self.is_demonym(self.tok(x)) && Self::is_definite(self.tok(x));
        let suffix = |x: usize| open(x) && self.lex.name_suffixes.contains(self.tok(x));
        let end = if nisba(i + 1) {
            if suffix(i + 2) {
                i + 3
            } else {
                i + 2
            }
        } else if suffix(i + 1) && nisba(i + 2) {
            i + 3
        } else if suffix(i + 1) {
            return self.facility_of_its_town(i, k, restored);
        } else {
            return None;
        };
        let label = self.label(i, k, end, restored);
        Some(self.new_facility(i, end, k, restored, &label))
    }

    /// A facility nobody listed, read at [i, end) and named `label`.
    fn new_facility(&self, i: usize, end: usize, k: usize, restored: &str, label: &str) -> Cand {
        Cand {
            restore: restored.to_string(),
            ..Cand::new(
                i,
                end,
                k,
                EntityRef::New {
                    class: Class::Facility,
                    key: new_key(Class::Facility, label),
                },
                PRIO_HEAD_NEW,
            )
        }
    }

    /// «مركز شرطة بكاخيل»، «قسم شرطة الدقي»: a police station, named by the place it serves (a
    /// town the gazetteer knows, or a name that is no common word: a town nobody listed), which
    /// the name names too.
    fn police_station(&self, i: usize, k: usize, v: &str, restored: &str) -> Vec<Cand> {
        let j = i + 2;
        if !self.lex.is(Fw::Station, v)
            || j >= self.n()
            || self.text.tokens[i + 1].hard_before
            || self.text.tokens[j].hard_before
            || !self.lex.is(Fw::PoliceWord, self.tok(i + 1))
        {
            return Vec::new();
        }
        let known = self.longest_gazetteer_at(j).filter(|g| {
            !g.needs_context
                && matches!(
                    self.lex.class_of(&g.entity),
                    Class::City | Class::Neighborhood | Class::Region
                )
        });
        let (end, town) = match &known {
            Some(g) => (g.b, None),
            None => {
                let Some(end) = self.proper_name(j, HeadRule::Rare) else {
                    return Vec::new();
                };
                let label = self.label(j, 0, end, "");
                let town = EntityRef::New {
                    class: Class::City,
                    key: new_key(Class::City, &label),
                };
                (end, Some(Cand::new(j, end, 0, town, PRIO_HEAD_NEW)))
            }
        };
        let label = self.label(i, k, end, restored);
        let station = Cand {
            names_also: known
                .map(|g| g.entity)
                .or_else(|| town.as_ref().map(|t| t.entity.clone())),
            ..self.new_facility(i, end, k, restored, &label)
        };
        std::iter::once(station).chain(town).collect()
    }

    /// «المستشفى الإقليمي في مدينة ديفا»، «المشفى الوطني بالقامشلي»: a site known by its kind
    /// (the definite head and the adjectives that end such names) and the town it serves, named
    /// right after it with «في» or «بـ». The name is the whole phrase; the mention is the head
    /// and its adjectives, so the town stays a name of its own.
    fn facility_of_its_town(&self, i: usize, k: usize, restored: &str) -> Option<Cand> {
        let af = affixes();
        let kind_end = self.name_suffixes_end(i + 1);
        let x = kind_end;
        if x >= self.n() || self.text.tokens[x].hard_before {
            return None;
        }
        let town = |g: &Cand| {
            !g.needs_context
                && matches!(
                    self.lex.class_of(&g.entity),
                    Class::City | Class::Region | Class::Governorate
                )
        };
        let place_end = if self.tok(x) == af.fi {
            // (past a town's head: «في مدينة ديفا»)
            let y = x + 1;
            let y = match self.lex.heads.get(self.tok(y.min(self.n() - 1))) {
                Some(h) if y < self.n() && !h.keep && h.class.family() == Family::Place => y + 1,
                _ => y,
            };
            (y < self.n() && !self.text.tokens[y].hard_before)
                .then(|| self.longest_gazetteer_at(y))
                .flatten()
                .filter(town)
                .map(|g| g.b)
        } else {
            self.gazetteer_at(x)
                .into_iter()
                .filter(|g| g.skip > 0 && self.tok(x).starts_with(af.bi.as_str()) && town(g))
                .map(|g| g.b)
                .max()
        }?;
        let label = self.label(i, k, place_end, restored);
        Some(Cand {
            label: Some(label.clone()),
            full_label: true,
            ..self.new_facility(i, kind_end, k, restored, &label)
        })
    }

    /// A body named by a definite head, its definite adjectives and what it is for or whose it
    /// is: «المركز الإعلامي للقوات المسلحة اليمنية»، «الوحدة التنفيذية لإدارة مخيمات النازحين»،
    /// «المديرية العامة للدفاع المدني»، «الشركة السودانية لتوزيع الكهرباء». The «لـ» phrase ends
    /// on a definite word or a known organisation. A head and adjectives alone describe a body
    /// the article named before or any body at all («المجلس الرئاسي»، «الصحيفة الأمريكية»،
    /// «التحالف الأمريكي»), and an adjective that relates it to another actor («القوات التابعة
    /// للمجلس») is not part of a name.
    pub(super) fn definite_body(
        &self,
        i: usize,
        k: usize,
        v: &str,
        restored: &str,
    ) -> Option<Cand> {
        let af = affixes();
        let head = self.definite_head(v)?;
        if !head.keep
            || !matches!(head.rule, HeadRule::Chain | HeadRule::Definite)
            || head.class.family() != Family::Organization
        {
            return None;
        }
        let open = |x: usize| x < self.n() && !self.text.tokens[x].hard_before && !self.stop_at(x);
        // its definite adjectives
        let mut end = i + 1;
        while open(end)
            && end - i <= 3
            && Self::is_definite(self.tok(end))
            && !self.lex.speech_verbs.contains_key(self.tok(end))
            && self.lex.relations.starting_with(self.tok(end)).is_empty()
            && self.lex.equivalence.starting_with(self.tok(end)).is_empty()
            && self.longest_gazetteer_at(end).is_none()
            && !self
                .lex
                .heads
                .contains_key(af.bare(self.tok(end), 3).unwrap_or(""))
        {
            end += 1;
        }
        if end == i + 1 {
            return None;
        }
        let adjectives = end;
        // what it is for, or whose it is
        let t = if open(end) { self.tok(end) } else { "" };
        // a known organisation it belongs to, through «لـ» or after it («لـ«قسد»»)
        let mut owner = None;
        if t.starts_with(af.li_article.as_str()) && !self.lex.is_stop(t) {
            end += 1;
        } else if let Some(g) = self.owner_at(end, true) {
            end = g.b;
            owner = Some((g.entity, g.b));
        } else if let Some(g) = (t == af.li)
            .then(|| self.owner_at(end + 1, false))
            .flatten()
            .filter(|_| !self.text.tokens[end + 1].hard_before)
        {
            end = g.b;
            owner = Some((g.entity, g.b));
        } else if t.starts_with(af.li.as_str()) && t.chars().count() > 3 {
            // «لإدارة مخيمات النازحين»: a construct, ending on a definite word
            let mut x = end + 1;
            while open(x) && x - end <= 2 && !Self::is_definite(self.tok(x)) {
                x += 1;
            }
            if open(x) && Self::is_definite(self.tok(x)) {
                end = x + 1;
            }
        }
        if end > adjectives {
            // the phrase goes on with definite words and «و» + definite
            while open(end)
                && end - adjectives <= 5
                && (Self::is_definite(self.tok(end))
                    || self.tok(end).starts_with(af.conj_article.as_str()))
                && !self.lex.speech_verbs.contains_key(self.tok(end))
                && self.lex.relations.starting_with(self.tok(end)).is_empty()
            {
                end += 1;
            }
        } else {
            return None;
        }
        // a name the gazetteer knows from here wins
        if self
            .gazetteer_at(i)
            .iter()
            .any(|c| c.b >= end && !c.needs_context)
        {
            return None;
        }
        // named with its owner's own name, however the text shortens it («المركز الإعلامي لقسد»
        // is «المركز الإعلامي لقوات سوريا الديمقراطية»): one body, one node
        let canonical = match &owner {
            Some((EntityRef::Known(g), owner_end)) if end == *owner_end => Some(format!(
                "{} {}{}",
                self.label(i, k, adjectives, restored),
                af.li,
                self.lex.gazetteer[*g].name_ar
            )),
            _ => None,
        };
        let label = canonical
            .clone()
            .unwrap_or_else(|| self.label(i, k, end, restored));
        let entity = EntityRef::New {
            class: head.class,
            key: new_key(head.class, &label),
        };
        let part_of = owner
            .filter(|(_, owner_end)| *owner_end == end)
            .map(|(e, _)| e);
        Some(Cand {
            restore: restored.to_string(),
            label: canonical,
            part_of,
            ..Cand::new(i, end, k, entity, PRIO_HEAD_NEW)
        })
    }

    /// The organisation that closes an organisation's name at token x, after «لـ» or «بـ» on
    /// its first word: one the gazetteer knows («إدارة العلاقات العامة للقوات المسلحة
    /// الباكستانية») or one named by a head of its own («وزارة الصحة بحكومة الوحدة الوطنية»).
    fn chain_owner(&self, x: usize, end: usize) -> Option<EntityRef> {
        let af = affixes();
        let w = self.tok(x);
        if let Some(g) = self.owner_at(x, true).filter(|g| g.b == end) {
            return Some(g.entity);
        }
        if !(w.starts_with(af.li.as_str()) || w.starts_with(af.bi.as_str())) {
            return None;
        }
        let owner = |c: &Cand| {
            c.a == x
                && c.b == end
                && c.skip > 0
                && !c.needs_context
                && self.lex.class_of(&c.entity).family() == Family::Organization
        };
        self.gazetteer_at(x)
            .into_iter()
            .find(owner)
            .or_else(|| {
                self.heads_at(x)
                    .into_iter()
                    .find(|c| owner(c) && matches!(c.entity, EntityRef::New { .. }))
            })
            .map(|c| c.entity)
    }

    /// A known organisation named at token x, after «لـ» on its first word (`clitic`: «لقوات
    /// سوريا الديمقراطية») or standing alone after a separate «لـ» («لـ«قسد»»): whose a body
    /// whose name ends with it is.
    fn owner_at(&self, x: usize, clitic: bool) -> Option<Cand> {
        if x >= self.n() || clitic && !self.tok(x).starts_with(affixes().li.as_str()) {
            return None;
        }
        self.gazetteer_at(x).into_iter().find(|g| {
            (g.skip > 0) == clitic
                && !g.needs_context
                && self.lex.class_of(&g.entity).family() == Family::Organization
        })
    }

    /// A unit named by a definite head of an armed force and its definite adjectives or number:
    /// «الفرقة السادسة مشاة»، «الشرطة الاتحادية»، «القوة الجوية العراقية»، «الفرقة 22 مشاة».
    pub(super) fn definite_unit(&self, i: usize, k: usize, v: &str) -> Option<Cand> {
        if !self.lex.is(Fw::Unit, v) || k > 1 || !self.definite_at(i) && k == 0 {
            return None;
        }
        // «اللواء الركن»، «اللواء المتقاعد»: a rank of more than one word titles a person
        if self.title_at(i).is_some_and(|(_, e, _, _)| e > i + 1) {
            return None;
        }
        let mut end = i + 1;
        let mut named = false;
        let mut arm_before = false;
        while end < self.n() && end - i <= 4 && !self.text.tokens[end].hard_before {
            let w = self.tok(end);
            let number = w.chars().all(|c| c.is_ascii_digit());
            // (an adjective agrees with its head: «قوة الجيش المكلّفة» describes «قوة», not
            // «الجيش»)
            let disagrees = end == i + 1
                && !v.ends_with(affixes().feminine.as_str())
                && w.ends_with(affixes().feminine.as_str())
                && !self.is_demonym(w);
            // (not the word that says what else it is called: «الكتيبة 103 مشاة المعروفة باسم …»)
            let adjective = Self::is_definite(w)
                && !self.stop_at(end)
                && !disagrees
                && self.lex.equivalence.starting_with(w).is_empty();
            // «مشاة»، «مدرعة» after an ordinal: the arm of the unit
            // (never after «و»: «اللواء 444 وتعليق الرحلات» is the unit and another clause)
            // (nor a verb in the present: «اللواء 444 ينتشر»)
            let present = w.chars().count() > 3 && w.starts_with(affixes().present.as_str());
            let arm = named
                && !present
                && !w.starts_with(affixes().conj.as_str())
                // (nor a word with a preposition on it: «المكلّفة بمكافحة التمرد»)
                && !self.text.readings(end).iter().any(|r| r.skip > 0 && self.lex.zipf(&r.word) >= 3.0)
                && !self.lex.heads.contains_key(w)
                // (two words of arm: «اللواء الرابع مشاة جبلي»)
                && (end == i + 2
                    || end == i + 3 && arm_before && w.ends_with(affixes().nisba.as_str()))
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
            // (a rank after the unit titles the person named next: «في الجيش العميد فلان»)
            if !(number || adjective || arm)
                || self.longest_gazetteer_at(end).is_some()
                || self.title_at(end).is_some()
            {
                break;
            }
            arm_before = arm && !number && !adjective;
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
    pub(super) fn named_place(&self, head_word: &str, class: Class, g: &Cand) -> Option<EntityRef> {
        self.named_places(head_word, class, g).into_iter().next()
    }

    /// Every listed place of the class that the head and a known name name together.
    fn named_places(&self, head_word: &str, class: Class, g: &Cand) -> Vec<EntityRef> {
        if !matches!(g.entity, EntityRef::Known(_)) {
            return Vec::new();
        }
        let words: Vec<String> = std::iter::once(head_word.to_string())
            .chain((g.a..g.b).map(|x| self.tok(x).to_string()))
            .collect();
        self.all_listed_with_head(&words, class)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn head_pattern(
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
            label: None,
            part_of: None,
            names_also: None,
            full_label: false,
        };
        // «في جبهة الكسارة»، «على جبهة صرواح»: a front line after a word of where, named by one
        // word or a known place (a group's name is a longer chain, or known: «جبهة النصرة»)
        let where_before = k == 0
            && i > 0
            && !self.text.tokens[i].hard_before
            && (self.lex.is(Fw::PlaceContext, self.tok(i - 1))
                || self.lex.is(Fw::TargetLink, self.tok(i - 1))
                || self.lex.is(Fw::Destination, self.tok(i - 1)));
        if self.lex.is(Fw::Front, head_word) && where_before {
            let known = self
                .longest_gazetteer_at(j)
                .filter(|g| {
                    !g.needs_context && self.lex.class_of(&g.entity).family() == Family::Place
                })
                .map(|g| g.b);
            let one = self
                .proper_name(j, HeadRule::Proper)
                .filter(|&e| e == j + 1 && self.longest_gazetteer_at(j).is_none());
            if let Some(end) = known.or(one) {
                out.push(self.headed(&base, end, Class::Region));
                return;
            }
        }
        // «مديرية صرواح»، «محلية كرري»: a district named by a place; «مديرية الصحة» is a body
        // (not «مجموعة محلية مسلحة»: after an indefinite noun it is an adjective)
        let adjective = k == 0
            && i > 0
            && !self.text.tokens[i].hard_before
            && !self.stop_at(i - 1)
            && !Self::is_definite(self.tok(i - 1))
            // («نحو مديرية الخوخة»: after a preposition it is a noun)
            && !self.lex.is(Fw::PlaceContext, self.tok(i - 1))
            // («أبناء مديرية حيس»: a rare word after it is a name, not what an adjective
            // describes)
            && (self.lex.is_common(self.tok(j)) || self.lex.is_stop(self.tok(j)));
        if self.lex.is(Fw::DistrictHead, head_word) && !adjective {
            let place = match self.longest_gazetteer_at(j) {
                // (the head is context enough for a listed place: «مديرية برمل»)
                Some(g) if self.lex.class_of(&g.entity).family() == Family::Place => Some(g.b),
                // «مديرية الخوخة»: a definite word that is no common word, alone, names a
                // district («مديرية الصحة»، «مديرية الأمن العام» are bodies)
                _ if Self::is_definite(self.tok(j)) => {
                    let t = self.tok(j);
                    let alone = j + 1 >= self.n()
                        || self.text.tokens[j + 1].hard_before
                        || !Self::is_definite(self.tok(j + 1));
                    (alone
                        && !self.lex.is_common(t)
                        && !self.is_demonym(t)
                        && !self.lex.is_stop(t)
                        && t.chars().count() > 3)
                        .then_some(j + 1)
                }
                // «مديرية برمل»: after a district's head no preposition can stand, so a rare
                // word that reads as one («بـ» + «رمل») is the name
                _ if self.is_prepositional(j)
                    && !self.lex.is_common(self.tok(j))
                    && !self.lex.is_stop(self.tok(j))
                    && self.tok(j).chars().count() > 3
                    && (j + 1 >= self.n()
                        || self.text.tokens[j + 1].hard_before
                        || self.lex.is_stop(self.tok(j + 1))
                        || self.lex.is_common(self.tok(j + 1))
                        || self.clitic_place_head(j + 1)
                        || self.lex.is(Fw::LocatedLink, self.tok(j + 1))) =>
                {
                    Some(j + 1)
                }
                // «مديرية أوقاف الحسكة»: a construct chain goes on, a body's name
                _ => self.proper_name(j, HeadRule::Rare).filter(|&e| {
                    e >= self.n()
                        || self.text.tokens[e].hard_before
                        || !(Self::is_definite(self.tok(e))
                            || self
                                .longest_gazetteer_at(e)
                                .is_some_and(|g| !g.needs_context))
                }),
            };
            if let Some(end) = place {
                out.push(self.headed(&base, end, Class::Region));
                return;
            }
        }
        // «بلدة برج الملوك»: a known name that is one word of those that begin place names
        // («برج»، «عين»، «تل»), followed by a word, is the first word of a longer name nobody
        // listed
        let longer = |g: &Cand| {
            g.b == j + 1
                && g.b < self.n()
                && self.lex.name_prefixes.contains(self.tok(j))
                && !self.text.tokens[g.b].hard_before
                && !self.lex.is_stop(self.tok(g.b))
                && !self.is_demonym(self.tok(g.b))
                && !self.lex.is(Fw::LocatedLink, self.tok(g.b))
        };
        // «إدارة مخيم الهول»: the body that runs a camp is named by it, and names the camp too
        if rule == HeadRule::Chain && class.family() == Family::Organization && keep {
            let camp = self
                .gazetteer_at(j)
                .into_iter()
                .filter(|g| !g.needs_context && g.skip == 0)
                .chain(self.heads_at(j))
                .filter(|c| c.a == j && self.lex.class_of(&c.entity) == Class::Camp)
                .max_by_key(|c| c.b);
            if let Some(camp) = camp {
                let mut body = self.headed(&base, camp.b, class);
                body.names_also = Some(camp.entity);
                out.push(body);
                return;
            }
        }
        // (a head whose names end with an adjective takes a known place only with it: «مجمع
        // الشفاء الطبي», but «مجمع السجن» is no complex named after a village «السجن»)
        if let Some(g) = self
            .longest_gazetteer_at(j)
            .filter(|g| !(class.family() == Family::Place && longer(g)))
            .filter(|g| rule != HeadRule::Suffixed || self.name_suffixes_end(g.b) > g.b)
            // (a function word is no place's name after a head: «وأدى إلى» is no «وادي»)
            .filter(|g| !(g.b == j + 1 && self.lex.is_stop(self.tok(j))))
        {
            let gclass = self.lex.class_of(&g.entity);
            // «مستشفى نبيه بري الجامعي الحكومي»، «مطار رفيق الحريري الدولي»: a site named after
            // a person the gazetteer knows
            if keep && class == Class::Facility && gclass == Class::Person && !g.needs_context {
                out.push(self.headed(&base, self.name_suffixes_end(g.b), class));
                return;
            }
            if class.family() == Family::Place && gclass.family() == Family::Place {
                if !keep {
                    // «بلدة الزهراء»: the head says what it is, whatever else bears the name
                    let entity = if gclass == class {
                        g.entity.clone()
                    } else {
                        let label = self.label(j, 0, g.b, "");
                        EntityRef::New {
                            class,
                            key: new_key(class, &label),
                        }
                    };
                    // (and every other town of that name: which one is the article's is
                    // settled with the countries its other names place it in)
                    let others: Vec<EntityRef> = self
                        .gazetteer_at(j)
                        .into_iter()
                        .filter(|o| {
                            o.b == g.b
                                && o.entity != entity
                                && gclass == class
                                && self.lex.class_of(&o.entity) == class
                        })
                        .map(|o| o.entity)
                        .collect();
                    for e in std::iter::once(entity).chain(others) {
                        out.push(Cand {
                            a: j,
                            b: g.b,
                            skip: 0,
                            entity: e,
                            prio: PRIO_HEAD_KNOWN,
                            ..base.clone()
                        });
                    }
                    return;
                }
                // (where several of the class bear the name, the one the article gives the
                // context of is read)
                let known = self.named_places(head_word, class, &g);
                if !known.is_empty() {
                    let many = known.len() > 1;
                    for entity in known {
                        out.push(Cand {
                            b: g.b,
                            entity,
                            prio: PRIO_HEAD_KNOWN,
                            needs_context: many,
                            ..base.clone()
                        });
                    }
                    return;
                }
                if let EntityRef::Known(_) = g.entity {
                    let mut site = self.headed(&base, self.name_suffixes_end(g.b), class);
                    // «سجن الشدادي»، «سوق الدلنج الكبير»: a site named after its town names
                    // the town too, and lies in it
                    if gclass == Class::City
                        && matches!(class, Class::Prison | Class::Facility | Class::Camp)
                        && !g.needs_context
                    {
                        site.names_also = Some(g.entity.clone());
                    }
                    out.push(site);
                }
                return;
            }
            // «بقيادة الولايات المتحدة»: a place after an organisation's head is not its name
            if class.family() == Family::Organization && gclass.family() == Family::Place {
                let next_is_name = g.b < self.n()
                    && !self.text.tokens[g.b].hard_before
                    && Self::is_definite(self.tok(g.b));
                // «بلدية بيت لاهيا»، «حكومة ولاية شمال كردفان»: a local government is named
                // by its place;
                // «إذاعة الأندلس»، «تلفزيون دمشق»: an outlet too;
                // «شرطة خيبر بختونخوا»: a police force too
                // «قوات ولاية جنوب الغرب»، «قوات إقليم بونتلاند»: a state's or region's own
                // forces too
                let named_by_place = matches!(class, Class::Government | Class::MediaOutlet)
                    || self.lex.is(Fw::PoliceWord, head_word)
                    || class == Class::ArmedGroup
                        && matches!(gclass, Class::Governorate | Class::Region);
                if !next_is_name && named_by_place && keep && !g.needs_context {
                    out.push(self.headed(&base, g.b, class));
                    return;
                }
                // (a town that needs context to count gets none from an organisation's head:
                // «تحالف رصد للحقوق والحريات» is not named after the Yemeni town)
                if !next_is_name && !g.needs_context {
                    return;
                }
            }
            // «حكومة طالبان»، «حكومة الحوثيين»: the government an armed group runs is a body
            // of its own
            if class == Class::Government
                && gclass == Class::ArmedGroup
                && !g.needs_context
                && self.lex.is(Fw::Regime, head_word)
            {
                out.push(self.headed(&base, g.b, Class::Government));
                return;
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
        // the head begins a name the gazetteer knows: that reading wins (unless the name goes on
        // to say whose it is, with «لـ» and a known organisation: «قيادة عمليات ديالى للحشد
        // الشعبي» is the PMF's command, not the army's «قيادة عمليات ديالى»)
        let known_end = self
            .gazetteer_at(i)
            .iter()
            .filter(|c| !c.needs_context && c.b > j)
            .map(|c| c.b)
            .max();
        if let (true, Some(known_end)) = (keep, known_end) {
            let owner = (rule == HeadRule::Chain)
                .then(|| self.owner_at(known_end, true))
                .flatten()
                .filter(|_| !self.text.tokens[known_end].hard_before);
            if let Some(owner) = owner {
                let label = self.label(i, k, owner.b, "");
                out.push(Cand {
                    b: owner.b,
                    entity: EntityRef::New {
                        class,
                        key: new_key(class, &label),
                    },
                    part_of: Some(owner.entity),
                    ..base
                });
            }
            return;
        }
        let end = if rule == HeadRule::Chain {
            self.chain(
                j,
                class == Class::MediaOutlet,
                class == Class::ArmedGroup,
                class == Class::Organization,
            )
        } else if rule == HeadRule::Suffixed {
            self.proper_name(j, HeadRule::Proper)
                .filter(|&e| e > j + 1 && self.lex.name_suffixes.contains(self.tok(e - 1)))
        } else {
            // (a common word names a town after its head, «بلدة معركة», but no site whose head
            // is part of its name: «معسكر الجيش»، «منفذ الهجوم»)
            self.proper_name(j, rule).filter(|_| {
                !(keep
                    && rule == HeadRule::Rare
                    && class == Class::Facility
                    && self.lex.is_common(self.tok(j)))
            })
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
        // «إدارة العلاقات العامة للقوات المسلحة الباكستانية»: a known organisation after «لـ»
        // closing the name is the one it belongs to
        let part_of = (rule == HeadRule::Chain)
            .then(|| (j + 1..end).find_map(|x| self.chain_owner(x, end)))
            .flatten();
        // «مكتب الصحة العامة والسكان في محافظة الحديدة»: the place that names a body of common
        // words is named too
        let place = (rule == HeadRule::Chain && part_of.is_none())
            .then(|| {
                (j + 1..end).find_map(|x| {
                    self.gazetteer_at(x).into_iter().find(|g| {
                        g.b == end
                            && !g.needs_context
                            && self.lex.class_of(&g.entity).family() == Family::Place
                            && (g.skip > 0 || affixes().is_fi(self.tok(x - 1)))
                    })
                })
            })
            .flatten()
            .map(|g| g.entity);
        if keep {
            out.push(Cand {
                b: end,
                entity,
                part_of,
                names_also: place,
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

    /// A new entity of `class` named by the head of `base` and the words after it up to `end`
    /// («مديرية صرواح»، «مستشفى جنين الحكومي»، «بلدية بيت لاهيا»).
    fn headed(&self, base: &Cand, end: usize, class: Class) -> Cand {
        let label = self.label(base.a, base.skip, end, "");
        Cand {
            b: end,
            entity: EntityRef::New {
                class,
                key: new_key(class, &label),
            },
            ..base.clone()
        }
    }

    /// «بلدتي كفرتبنيت وزبدين»، «قريتي X وY»: two places nobody listed, after a dual head of a
    /// town or village; each a rare word (or a name-forming word and the word after it), the
    /// second after «و».
    pub(super) fn dual_unlisted(
        &self,
        i: usize,
        head_word: &str,
        class: Class,
        out: &mut Vec<Cand>,
    ) {
        let j = i + 1;
        if !matches!(
            class,
            Class::City | Class::Neighborhood | Class::Camp | Class::Region
        ) || j >= self.n()
            || self.text.tokens[j].hard_before
        {
            return;
        }
        // (a definite name too, where the word is no common one: «بلدتي الحوايج والبصيرة»)
        let rare = |t: &str| {
            !self.lex.is_common(t)
                && !self.lex.is_stop(t)
                && !self.is_demonym(t)
                && t.chars().count() >= 3
        };
        // a listed name is found by itself (the second may not be: «مدينتا كادقلي والدلنج»)
        // the head and a name may be a listed name («مخيمي الهول وروج»: «مخيم الهول»، «مخيم
        // روج»)
        let with_head = |a: usize, b: usize, k: usize| {
            let words: Vec<String> = (a..b)
                .map(|x| {
                    let t = self.tok(x);
                    if x == a {
                        t.chars().skip(k).collect()
                    } else {
                        t.to_string()
                    }
                })
                .collect();
            self.listed_with_head(head_word, class, &words)
        };
        let listed = self.longest_gazetteer_at(j).map(|g| g.b).or_else(|| {
            (j + 1..(j + 3).min(self.n() + 1))
                .rev()
                .find(|&b| with_head(j, b, 0).is_some())
        });
        // («ببلدتي أبو حمام وغرانيج»: a word that begins place names takes the next one)
        let rule = if Self::is_definite(self.tok(j)) {
            HeadRule::Proper
        } else {
            HeadRule::Rare
        };
        let conj = affixes().conj.as_str();
        // (a definite common word too, when a rare name follows it after «و»: «منطقتي الهضبة
        // والفرناج»)
        let rare_second = |x: usize| {
            x < self.n()
                && !self.text.tokens[x].hard_before
                && self.tok(x).strip_prefix(conj).is_some_and(rare)
        };
        let Some(x_end) = listed.or_else(|| {
            self.proper_name(j, rule).filter(|&x| {
                rare(self.tok(j))
                    || self.lex.name_prefixes.contains(self.tok(j))
                    || Self::is_definite(self.tok(j)) && rare_second(x)
            })
        }) else {
            return;
        };
        if x_end >= self.n() || self.text.tokens[x_end].hard_before {
            return;
        }
        // «بلدتي عيترون في قضاء بنت جبيل وكفرصير في قضاء النبطية»: where the first lies may
        // stand between the two (four words at most)
        let af = affixes();
        let located = af.is_fi(self.tok(x_end)) || self.tok(x_end).starts_with(af.bi.as_str());
        let y_at = if located {
            let Some(y) = (x_end + 1..(x_end + 6).min(self.n()))
                .take_while(|&t| !self.text.tokens[t].hard_before)
                .find(|&t| self.tok(t).strip_prefix(conj).is_some_and(rare))
            else {
                return;
            };
            y
        } else {
            x_end
        };
        let Some(second) = self.tok(y_at).strip_prefix(conj) else {
            return;
        };
        // (the second may be definite, a name all the same when no common word: «والدلنج»; or
        // a common one that ends the clause: «حيي غويران والزهور،»)
        let clause_end = y_at + 1 >= self.n() || self.text.tokens[y_at + 1].hard_before;
        let definite_name = Self::is_definite(second)
            && (!self.lex.is_common(second) || clause_end)
            && !self.is_demonym(second)
            && !self.lex.anaphors.contains_key(second)
            && second.chars().count() > 4
            && (clause_end || !Self::is_definite(self.tok(y_at + 1)));
        // (or the head and the word are a listed name: «مخيمي الهول وروج»)
        let second_listed = self
            .listed_with_head(head_word, class, &[second.to_string()])
            .is_some();
        if !(rare(second) || definite_name || second_listed) {
            return;
        }
        let skip = conj.chars().count();
        let y_end = if self.lex.name_prefixes.contains(second)
            && y_at + 1 < self.n()
            && !self.text.tokens[y_at + 1].hard_before
        {
            y_at + 2
        } else {
            y_at + 1
        };
        // (a second listed name is found by itself too)
        if listed.is_some()
            && self.longest_gazetteer_at(y_at).is_some()
            && with_head(y_at, y_end, skip).is_none()
        {
            return;
        }
        let first = match listed {
            None => Some((j, x_end, 0)),
            Some(_) => with_head(j, x_end, 0).map(|_| (j, x_end, 0)),
        };
        for (a, b, k) in first.into_iter().chain([(y_at, y_end, skip)]) {
            let label = self.label(a, k, b, "");
            let (entity, prio) = match with_head(a, b, k) {
                Some(e) => (e, PRIO_HEAD_KNOWN),
                None => (
                    EntityRef::New {
                        class,
                        key: new_key(class, &label),
                    },
                    PRIO_HEAD_NEW,
                ),
            };
            out.push(Cand {
                head_context: true,
                ..Cand::new(a, b, k, entity, prio)
            });
        }
    }

    pub(super) fn dual_pattern(
        &self,
        i: usize,
        head_word: &str,
        class: Class,
        out: &mut Vec<Cand>,
    ) {
        let Some(x) = self.longest_gazetteer_at(i + 1) else {
            self.dual_unlisted(i, head_word, class, out);
            return;
        };
        if self.text.tokens[i + 1].hard_before || x.b >= self.n() {
            return;
        }
        let y = self
            .gazetteer_at(x.b)
            .into_iter()
            .filter(|c| c.skip == 1 && self.tok(x.b).starts_with(affixes().conj.as_str()))
            .max_by_key(|c| c.b);
        // (a second name nobody listed: «حيي غويران والزهور»)
        let Some(y) = y else {
            self.dual_unlisted(i, head_word, class, out);
            return;
        };
        for g in [x, y] {
            if self.lex.class_of(&g.entity).family() != Family::Place {
                continue;
            }
            let entity = match self.named_place(head_word, class, &g) {
                Some(e) => e,
                None => {
                    let label = format!(
                        "{} {}",
                        {
                            let head = self.label(i, 0, i + 1, "");
                            let af = affixes();
                            head.strip_suffix(af.dual_construct.as_str())
                                .or_else(|| {
                                    head.strip_suffix(af.dual_construct_nominative.as_str())
                                })
                                .or_else(|| head.strip_suffix(af.dual_masculine.as_str()))
                                .or_else(|| {
                                    head.strip_suffix(af.dual_masculine_nominative.as_str())
                                })
                                .unwrap_or(&head)
                                .to_string()
                        },
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
}
