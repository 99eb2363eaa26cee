//! Entity resolution across the corpus: one entity per real-world thing. Merges what the text
//! states (المعروف باسم), spelling variants (غويران/قويران, فرهاد الشامي/فرهاد شامي, a middle
//! initial), and a prison named after its city (سجن الحسكة = the article's prison in الحسكة).
//! Never merges two gazetteer entities, and keeps one class per entity.
//!
//! The result depends only on the set of articles, not their order: IRIs come from canonical
//! keys (gazetteer id, or the smallest name key of the group).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::lexicon::{Fw, Lexicon};
use crate::model::{
    person_key, ArticleFacts, Entity, EntityRef, EventSummary, Links, MentionKind, PrisonLinks,
    Resolution,
};
use crate::vocab::{Class, Family, ID};

struct Groups {
    keys: Vec<EntityRef>,
    index: HashMap<EntityRef, usize>,
    parent: Vec<usize>,
    known: Vec<Option<usize>>,
}

impl Groups {
    fn id(&mut self, e: &EntityRef) -> usize {
        if let Some(&i) = self.index.get(e) {
            return i;
        }
        let i = self.keys.len();
        self.keys.push(e.clone());
        self.index.insert(e.clone(), i);
        self.parent.push(i);
        self.known.push(match e {
            EntityRef::Known(g) => Some(*g),
            _ => None,
        });
        i
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins two groups unless both hold a gazetteer entity.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb || (self.known[ra].is_some() && self.known[rb].is_some()) {
            return;
        }
        let (keep, drop) = if self.known[rb].is_some() || (self.known[ra].is_none() && rb < ra) {
            (rb, ra)
        } else {
            (ra, rb)
        };
        self.parent[drop] = keep;
    }
}

/// One sound written two ways in transliterated names (the «g» of Kurdish and colloquial
/// names): the key reads the first letter as the second (`sound-variant` in
/// `ontology/text/affixes.tsv`).
fn phonetic(key: &str) -> String {
    let (from, to) = crate::text::affixes().sound;
    key.replace(from, to.encode_utf8(&mut [0; 4]))
}

/// A person's first and last names, the key two spellings of one person share («محمد شياع
/// السوداني»، «محمد السوداني»). A compound name's two words are one («حسن نصر الله» is not
/// «حسن عبد الله»: their last names are «نصر الله» and «عبد الله»).
fn first_last(lex: &Lexicon, key: &str) -> Option<String> {
    let w: Vec<&str> = key.split(' ').collect();
    let n = w.len();
    // (a key drops the article of later words: «الدين» is «دين» there)
    let tail = |x: &str| {
        lex.is(Fw::NameTail, x)
            || lex.is(
                Fw::NameTail,
                &format!("{}{x}", crate::text::affixes().article),
            )
    };
    let last = if n >= 2 && (tail(w[n - 1]) || lex.is(Fw::NameCompound, w[n - 2])) {
        (n >= 4).then(|| format!("{} {}", w[n - 2], w[n - 1]))?
    } else {
        w[n - 1].to_string()
    };
    (n >= 3).then(|| format!("{} {last}", w[0]))
}

/// What resolution keeps of one article with a prison or camp named after a place: the
/// prison/camp references it mentions and where it says they lie.
struct PlaceCheck {
    /// Ids of the article's prison and camp references, in mention order, without repeats.
    prisons: Vec<usize>,
    /// (id, gazetteer place) for each «X in Y» the article states.
    located: Vec<(usize, usize)>,
}

/// Resolution in a stream: articles are added one at a time (in file-name order) and only
/// their links are kept, never their text, so memory grows with the number of distinct names,
/// not with the corpus.
pub struct Resolver<'l> {
    lex: &'l Lexicon,
    g: Groups,
    same: Vec<(usize, usize)>,
    checks: Vec<PlaceCheck>,
    class_counts: HashMap<(usize, Class), usize>,
    label_ids: HashMap<String, usize>,
    labels: Vec<String>,
    label_counts: HashMap<(usize, usize), usize>,
    events: Vec<EventSummary>,
    /// Ids of the references a mention makes (not only a figure, event or relation).
    mentioned: HashSet<usize>,
}

impl<'l> Resolver<'l> {
    /// An empty resolver.
    pub fn new(lex: &'l Lexicon) -> Self {
        Resolver {
            lex,
            g: Groups {
                keys: Vec::new(),
                index: HashMap::new(),
                parent: Vec::new(),
                known: Vec::new(),
            },
            same: Vec::new(),
            checks: Vec::new(),
            class_counts: HashMap::new(),
            label_ids: HashMap::new(),
            labels: Vec::new(),
            label_counts: HashMap::new(),
            events: Vec::new(),
            mentioned: HashSet::new(),
        }
    }

    /// Takes one article.
    pub fn add(&mut self, a: &ArticleFacts) {
        let l = links(self.lex, a);
        self.add_links(&l);
    }

    /// Takes the links of one article (extracted now, or kept by the store).
    pub fn add_links(&mut self, a: &Links) {
        let g = &mut self.g;
        for (e, label) in &a.mentions {
            let id = g.id(e);
            self.mentioned.insert(id);
            if let EntityRef::New { class, .. } = e {
                *self.class_counts.entry((id, *class)).or_default() += 1;
            }
            if let Some(label) = label {
                let next = self.labels.len();
                let l = *self.label_ids.entry(label.clone()).or_insert(next);
                if l == next {
                    self.labels.push(label.clone());
                }
                *self.label_counts.entry((id, l)).or_default() += 1;
            }
        }
        for e in &a.refs {
            g.id(e);
        }
        self.events.extend(a.events.iter().cloned());
        // what the text says
        for (x, y) in &a.same {
            let (ix, iy) = (g.id(x), g.id(y));
            self.same.push((ix, iy));
        }
        // «سجن الحسكة»: kept for the check against the article's other prisons
        if let Some(PrisonLinks { prisons, located }) = &a.prisons {
            let prisons: Vec<usize> = prisons.iter().map(|e| g.index[e]).collect();
            let located = located.iter().map(|(e, yi)| (g.index[e], *yi)).collect();
            self.checks.push(PlaceCheck { prisons, located });
        }
    }

    /// Merges what belongs together and names the entities.
    pub fn finish(mut self) -> Resolution {
        let lex = self.lex;
        for &(x, y) in &self.same {
            self.g.union(x, y);
        }
        let g = &mut self.g;
        // spelling variants of names: against the gazetteer, then among new names
        let mut person_index: HashMap<String, usize> = HashMap::new();
        let mut name_index: HashMap<(Class, String), usize> = HashMap::new();
        // in the gazetteer's order: of two entries a spelling fits, the first listed wins
        for p in lex.names.in_order() {
            let e = &p.value;
            if e.latin || e.needs_context {
                continue;
            }
            let class = lex.gazetteer[e.entity].class;
            let joined = p.words.join(" ");
            if class == Class::Person {
                let k = person_key(&joined);
                person_index.entry(k.clone()).or_insert(e.entity);
                if let Some(fl) = first_last(lex, &k) {
                    person_index.entry(fl).or_insert(e.entity);
                }
            } else {
                name_index
                    .entry((class, phonetic(&joined)))
                    .or_insert(e.entity);
            }
        }
        let mut new_by_key: BTreeMap<(Family, String), Vec<usize>> = BTreeMap::new();
        for i in 0..g.keys.len() {
            let EntityRef::New { class, key } = g.keys[i].clone() else {
                continue;
            };
            let target = if class == Class::Person {
                person_index
                    .get(&key)
                    .or_else(|| first_last(lex, &key).and_then(|k| person_index.get(&k)))
                    .copied()
            } else {
                name_index.get(&(class, phonetic(&key))).copied()
            };
            if let Some(t) = target {
                let j = g.id(&EntityRef::Known(t));
                g.union(i, j);
            }
            let k = if class == Class::Person {
                first_last(lex, &key).unwrap_or(key.clone())
            } else {
                phonetic(&key)
            };
            new_by_key.entry((class.family(), k)).or_default().push(i);
        }
        for ids in new_by_key.values() {
            for w in ids.windows(2) {
                g.union(w[0], w[1]);
            }
        }
        // «سجن الحسكة»: the one prison of the article that lies in الحسكة
        for c in &self.checks {
            named_after_place(lex, c, g);
        }

        // groups → entities
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..g.keys.len() {
            let r = g.find(i);
            members.entry(r).or_default().push(i);
        }
        let mut labels: HashMap<usize, BTreeMap<String, usize>> = HashMap::new();
        for (&(id, l), &n) in &self.label_counts {
            let r = g.find(id);
            *labels
                .entry(r)
                .or_default()
                .entry(self.labels[l].clone())
                .or_default() += n;
        }
        let mut classes: HashMap<usize, BTreeMap<Class, usize>> = HashMap::new();
        for (&(id, c), &n) in &self.class_counts {
            let r = g.find(id);
            *classes.entry(r).or_default().entry(c).or_default() += n;
        }
        let mut entities: Vec<(usize, Entity)> = Vec::new();
        for (&root, ids) in &members {
            let seen = labels.remove(&root).unwrap_or_default();
            let ent = match g.known[root] {
                Some(gi) => {
                    let e = &lex.gazetteer[gi];
                    Entity {
                        iri: format!("{ID}{}", e.id),
                        class: e.class,
                        label_ar: e.name_ar.clone(),
                        label_en: (!e.name_en.is_empty()).then(|| e.name_en.clone()),
                        alt_labels: seen.keys().filter(|l| **l != e.name_ar).cloned().collect(),
                        wikidata: e.wikidata.clone(),
                        coords: e.coords,
                        geo_precision: e.geo_precision,
                        gazetteer: Some(gi),
                    }
                }
                None => {
                    let class = classes
                        .get(&root)
                        .and_then(|c| {
                            c.iter()
                                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                                .map(|(c, _)| *c)
                        })
                        .unwrap_or(Class::Organization);
                    let label = seen
                        .iter()
                        .max_by(|a, b| {
                            a.1.cmp(b.1)
                                .then(b.0.chars().count().cmp(&a.0.chars().count()))
                                .then(b.0.cmp(a.0))
                        })
                        .map(|(l, _)| l.clone())
                        .unwrap_or_default();
                    let key = ids
                        .iter()
                        .filter_map(|&i| match &g.keys[i] {
                            EntityRef::New { key, .. } => Some(key.clone()),
                            _ => None,
                        })
                        .min()
                        .unwrap_or_default();
                    let slug: String = key
                        .chars()
                        .map(|c| if c.is_alphanumeric() { c } else { '_' })
                        .collect();
                    Entity {
                        iri: format!("{ID}{}/{}", class.name().to_lowercase(), slug),
                        class,
                        label_ar: label.clone(),
                        label_en: None,
                        alt_labels: seen.keys().filter(|l| **l != label).cloned().collect(),
                        wikidata: None,
                        coords: None,
                        geo_precision: None,
                        gazetteer: None,
                    }
                }
            };
            entities.push((root, ent));
        }
        entities.sort_by(|a, b| a.1.iri.cmp(&b.1.iri));
        let pos: HashMap<usize, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, (r, _))| (*r, i))
            .collect();
        let by_ref = g
            .keys
            .clone()
            .iter()
            .map(|k| (k.clone(), pos[&g.find(g.index[k])]))
            .collect();
        let entities: Vec<Entity> = entities.into_iter().map(|(_, e)| e).collect();
        let within = entities
            .iter()
            .filter_map(|e| e.gazetteer)
            .map(|gi| {
                (
                    gi,
                    lex.gazetteer[gi]
                        .within
                        .iter()
                        .map(|id| format!("{ID}{id}"))
                        .collect(),
                )
            })
            .collect();
        let admin1 = entities
            .iter()
            .filter_map(|e| e.gazetteer)
            .filter(|&gi| {
                matches!(
                    lex.gazetteer[gi].class,
                    Class::City
                        | Class::Neighborhood
                        | Class::Prison
                        | Class::Camp
                        | Class::Facility
                )
            })
            .filter_map(|gi| {
                lex.within_chain(gi)
                    .into_iter()
                    .find(|&x| lex.gazetteer[x].class == Class::Governorate)
                    .map(|x| (gi, lex.gazetteer[x].name_ar.clone()))
            })
            .collect();
        let iri_of: HashMap<usize, &str> = entities
            .iter()
            .filter_map(|e| e.gazetteer.map(|g| (g, e.iri.as_str())))
            .collect();
        let actor_relations = lex
            .actor_relations
            .iter()
            .filter_map(|(s, r, o)| {
                Some((iri_of.get(s)?.to_string(), *r, iri_of.get(o)?.to_string()))
            })
            .collect();
        let (incidents, incident_of) =
            crate::incidents::cluster(lex, &entities, &by_ref, &self.events);
        let named = self
            .mentioned
            .iter()
            .map(|&id| pos[&g.find(id)])
            .collect::<HashSet<usize>>()
            .len();
        Resolution {
            entities,
            named,
            by_ref,
            within,
            admin1,
            actor_relations,
            incidents,
            incident_of,
        }
    }
}

/// Resolves the entities of all articles at once (see [`Resolver`] for a stream).
pub fn resolve(lex: &Lexicon, arts: &[ArticleFacts]) -> Resolution {
    let mut r = Resolver::new(lex);
    for a in arts {
        r.add(a);
    }
    r.finish()
}

fn named_after_place(lex: &Lexicon, c: &PlaceCheck, g: &mut Groups) {
    for &me in &c.prisons {
        let EntityRef::New { class, key } = g.keys[me].clone() else {
            continue;
        };
        // the place the name is made of: سجن الحسكة → الحسكة
        let rest: Vec<String> = key.split(' ').skip(1).map(str::to_string).collect();
        let Some(place) = rest.first().and_then(|w| {
            lex.names
                .starting_with(w)
                .iter()
                .find(|p| {
                    p.words == rest && lex.gazetteer[p.value.entity].class.family() == Family::Place
                })
                .map(|p| p.value.entity)
        }) else {
            continue;
        };
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for &oi in &c.prisons {
            if oi == me || lex.class_of(&g.keys[oi]) != class {
                continue;
            }
            if g.find(oi) == g.find(me) {
                continue;
            }
            let mut inside = match g.keys[oi] {
                EntityRef::Known(gi) => lex.within_chain(gi).contains(&place),
                _ => false,
            };
            for &(x, yi) in &c.located {
                if x == oi {
                    inside |= yi == place || lex.within_chain(yi).contains(&place);
                }
            }
            if inside {
                candidates.insert(g.find(oi));
            }
        }
        if candidates.len() == 1 {
            let c = *candidates.iter().next().unwrap_or(&me);
            g.union(me, c);
        }
    }
}

/// What the resolver reads of one article (see [`Links`]).
pub fn links(lex: &Lexicon, a: &ArticleFacts) -> Links {
    let ms = &a.rec.mentions;
    let mentions = a
        .rec
        .all_mentions()
        .flat_map(|m| {
            // (a generic phrase of several words that names the country's body is one of its
            // names too: «القوات الحكومية» for Yemen's army; a one-word reference is not:
            // «الجيش»، «المدينة»)
            let generic = m.kind == MentionKind::Anaphor && m.label.trim().contains(' ');
            let named = (m.kind == MentionKind::Name || generic) && !m.label.is_empty();
            std::iter::once((m.entity.clone(), named.then(|| m.label.clone()))).chain(
                m.also
                    .iter()
                    .filter(move |_| named)
                    .map(|l| (m.entity.clone(), Some(l.clone()))),
            )
        })
        .collect();
    let mut refs = Vec::new();
    // figures may name a group that has no mention («جندي أمريكي» → the United States)
    for q in &a.quantities {
        refs.extend(
            q.group
                .iter()
                .chain(&q.reported_by)
                .chain(&q.about)
                .cloned(),
        );
    }
    for ev in &a.events {
        refs.extend(
            ev.agents
                .iter()
                .chain(&ev.targets)
                .chain(&ev.participants)
                .chain(&ev.places)
                .chain(&ev.reported_by)
                .cloned(),
        );
    }
    for (x, _, y) in &a.rec.relations {
        refs.push(x.clone());
        refs.push(y.clone());
    }
    refs.extend(a.publisher_ref.iter().cloned());
    let same = a
        .rec
        .same
        .iter()
        .map(|&(x, y)| (ms[x].entity.clone(), ms[y].entity.clone()))
        .collect();
    let named_after_place = ms.iter().any(|m| {
        matches!(&m.entity, EntityRef::New { class: Class::Prison | Class::Camp, key } if key.contains(' '))
    });
    let prisons = named_after_place.then(|| {
        let mut prisons: Vec<EntityRef> = Vec::new();
        for m in ms {
            if matches!(lex.class_of(&m.entity), Class::Prison | Class::Camp)
                && !prisons.contains(&m.entity)
            {
                prisons.push(m.entity.clone());
            }
        }
        let located = a
            .rec
            .located_in
            .iter()
            .filter_map(|&(x, y)| match ms[y].entity {
                EntityRef::Known(yi) => Some((ms[x].entity.clone(), yi)),
                _ => None,
            })
            .collect();
        PrisonLinks { prisons, located }
    });
    let published = a.published.as_ref().map(|p| &p.value);
    let events = a
        .events
        .iter()
        .filter_map(|ev| crate::incidents::summarize(&a.doc.sha256, ev, published))
        .collect();
    Links {
        article: a.doc.sha256.clone(),
        mentions,
        refs,
        same,
        prisons,
        events,
    }
}

/// What an article's graph takes from the resolution of the corpus: the IRI of every entity it
/// refers to and the incident of each of its events, hashed. An article whose signature is the
/// same under a new resolution has the same graph, so an incremental build leaves it alone.
pub fn signature(l: &Links, res: &Resolution) -> String {
    use sha2::{Digest, Sha256};
    let mut refs: Vec<&EntityRef> = l.mentions.iter().map(|(e, _)| e).chain(&l.refs).collect();
    refs.sort();
    refs.dedup();
    let mut h = Sha256::new();
    for e in refs {
        let iri = res
            .by_ref
            .get(e)
            .map_or("", |&i| res.entities[i].iri.as_str());
        h.update(iri.as_bytes());
        h.update(b"\n");
    }
    for ev in &l.events {
        let inc = res
            .incident_of
            .get(&(l.article.clone(), ev.span))
            .map_or("", |&k| res.incidents[k].iri.as_str());
        h.update(format!("{}-{} {inc}\n", ev.span.0, ev.span.1).as_bytes());
    }
    crate::text::hex(&h.finalize()[..16])
}
