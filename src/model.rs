//! The model: the plain types every stage shares. Extractors produce them, the resolver
//! joins them across articles, `graph` writes them as quads and `export` reads them back.
//! This module depends on the text layer and the vocabulary only: never on an extractor, the
//! lexicon's loader or the store.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use crate::text::{fold_str, Document, Text};
use crate::vocab::{Class, EventClass, Measure, Qualifier, Relation, Unit};

// roles

/// Roles a title implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Spokesperson or media coordinator.
    Spokesperson,
    /// Commander.
    Commander,
    /// Other official.
    Official,
    /// Head of state or government.
    Head,
    /// No relation.
    None,
}

// mentions

/// What a mention refers to, before cross-article resolution.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityRef {
    /// A gazetteer entity (index into `Lexicon::gazetteer`).
    Known(usize),
    /// A name found by a pattern.
    New {
        /// Its class.
        class: Class,
        /// Matching key (normalized name).
        key: String,
    },
}

/// How the text names the entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MentionKind {
    /// By a name or alias.
    Name,
    /// By a surname alone (قال علي).
    Short,
    /// By a definite noun referring back (السجن).
    Anaphor,
}

impl MentionKind {
    /// Lower-case word used in the graph.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Short => "short",
            MentionKind::Anaphor => "anaphor",
        }
    }
}

/// One mention.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mention {
    /// Original start (code points).
    pub start: usize,
    /// Original end (exclusive).
    pub end: usize,
    /// Token range.
    pub tokens: (usize, usize),
    /// The entity.
    pub entity: EntityRef,
    /// How it is named.
    pub kind: MentionKind,
    /// The name as a label (clitics removed, the article restored, no diacritics or quotes).
    pub label: String,
    /// The role a title before it gives the person, with the organisations named in the title.
    pub role: Option<(Role, Vec<EntityRef>)>,
    /// Another name the text implies for it: a body named with its owner's own name
    /// («المركز الإعلامي لقسد» → «المركز الإعلامي لقوات سوريا الديمقراطية»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub also: Option<String>,
    /// The organisation a body's own name says it belongs to («المركز الإعلامي لقوات سوريا
    /// الديمقراطية»، «إدارة العلاقات العامة للقوات المسلحة الباكستانية»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<EntityRef>,
}

/// Everything recognized in one article.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Recognized {
    /// Mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Pairs of mentions (indices) the text says name the same entity.
    pub same: Vec<(usize, usize)>,
    /// Pairs (place, container) the text places inside each other.
    pub located_in: Vec<(usize, usize)>,
    /// Relations the text states between entities (titles, «المدعومة من»، «يخضع لسيطرة» …).
    pub relations: Vec<(EntityRef, Relation, EntityRef)>,
    /// Names inside another mention's name: the organisation a body's name closes with
    /// («وزارة الصحة بحكومة الوحدة الوطنية» names the government too). The extractors read
    /// `mentions` only (one reading per word); the graph and the resolver count these as well.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inner: Vec<Mention>,
}

impl Recognized {
    /// Every mention: the ones in text order, then the names inside them.
    pub fn all_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().chain(&self.inner)
    }

    /// Puts another entity wherever `f` says, in mentions, roles, owners and relations.
    pub fn map_entities(&mut self, f: impl Fn(&EntityRef) -> Option<EntityRef>) {
        let swap = |e: &mut EntityRef| {
            if let Some(x) = f(e) {
                *e = x;
            }
        };
        for m in self.mentions.iter_mut().chain(self.inner.iter_mut()) {
            swap(&mut m.entity);
            if let Some((_, orgs)) = &mut m.role {
                orgs.iter_mut().for_each(swap);
            }
            if let Some(p) = &mut m.part_of {
                swap(p);
            }
        }
        for (a, _, b) in &mut self.relations {
            swap(a);
            swap(b);
        }
    }

    /// Puts `m` in place of the mentions it overlaps, keeping the relation pairs pointing at the
    /// same mentions (pairs with a removed mention are dropped). Returns the index of `m`.
    pub fn replace_span(&mut self, m: Mention) -> usize {
        let (s, e) = m.tokens;
        let old = std::mem::take(&mut self.mentions);
        let mut remap = vec![None; old.len()];
        let mut at = None;
        for (i, x) in old.into_iter().enumerate() {
            if at.is_none() && x.start > m.start {
                at = Some(self.mentions.len());
                self.mentions.push(m.clone());
            }
            if x.tokens.1 <= s || x.tokens.0 >= e {
                remap[i] = Some(self.mentions.len());
                self.mentions.push(x);
            }
        }
        let at = at.unwrap_or_else(|| {
            self.mentions.push(m);
            self.mentions.len() - 1
        });
        for pairs in [&mut self.same, &mut self.located_in] {
            *pairs = pairs
                .iter()
                .filter_map(|&(x, y)| Some((remap[x]?, remap[y]?)))
                .collect();
        }
        at
    }
}

/// The matching key of a person's name: no article on surnames, no «آل».
pub fn person_key(name: &str) -> String {
    let f = fold_str(name);
    let mut out: Vec<&str> = Vec::new();
    for (i, w) in f.split(' ').enumerate() {
        let article = crate::text::affixes().article.as_str();
        if w == article {
            continue;
        }
        if i > 0 {
            if let Some(rest) = crate::text::affixes().bare(w, 2) {
                out.push(rest);
                continue;
            }
        }
        out.push(w);
    }
    out.join(" ")
}

/// The key a new entity is matched by.
pub fn new_key(class: Class, label: &str) -> String {
    if class == Class::Person {
        person_key(label)
    } else {
        fold_str(label)
    }
}

// dates

/// A date with the precision the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DateValue {
    /// A day (`xsd:date`).
    Day(NaiveDate),
    /// A month (`xsd:gYearMonth`).
    Month(i32, u32),
    /// A year (`xsd:gYear`).
    Year(i32),
}

impl DateValue {
    /// The lexical form.
    pub fn lexical(&self) -> String {
        match self {
            DateValue::Day(d) => d.format("%Y-%m-%d").to_string(),
            DateValue::Month(y, m) => format!("{y:04}-{m:02}"),
            DateValue::Year(y) => format!("{y:04}"),
        }
    }

    /// The last day the value covers (the month's or the year's last).
    pub fn last_day(&self) -> Option<NaiveDate> {
        match *self {
            DateValue::Day(d) => Some(d),
            DateValue::Month(y, m) => {
                NaiveDate::from_ymd_opt(y + i32::from(m == 12), m % 12 + 1, 1)
                    .and_then(|d| d.pred_opt())
            }
            DateValue::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
        }
    }

    /// The XSD datatype local name.
    pub fn xsd_type(&self) -> &'static str {
        match self {
            DateValue::Day(_) => "date",
            DateValue::Month(..) => "gYearMonth",
            DateValue::Year(_) => "gYear",
        }
    }
}

/// A date found in the text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DateMention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// The value.
    pub value: DateValue,
    /// The year was inferred from the reference date (and weekday).
    pub inferred: bool,
    /// A weekday named before the date, ISO number.
    pub weekday: Option<u32>,
}

// speakers

/// A speech verb and the mention of its speaker.
#[derive(Debug, Clone, Copy)]
pub struct Speech {
    /// Token of the verb.
    pub verb: usize,
    /// Mention index of the speaker.
    pub speaker: usize,
    /// It attributes what comes before it: «بحسب X»، «وفق ما أعلنت X».
    pub according: bool,
    /// The tokens naming the speaker, with the title and organisation before a name («قائد
    /// القوات الصومالية في الإقليم، العقيد فلان»): none of them did what is told.
    pub phrase: (usize, usize),
    /// The token of «إن/أن» that opens what the speaker said, when the sentence has one after
    /// the verb: a figure after it is inside the statement.
    pub statement: Option<usize>,
}

/// Speakers found in an article, and the speaker each sentence starts with.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    /// Speech verbs with a speaker, in text order.
    pub speeches: Vec<Speech>,
    /// For each sentence, the speaker carried into it (a quotation or «وأضاف» going on).
    pub carried: Vec<Option<usize>>,
}

impl Attribution {
    /// The speaker of a statement at token `at`: the nearest speech verb before it in its
    /// sentence, else one after it in the sentence (على ما أفاد X), else the carried speaker.
    /// An attribution after the statement («… ما أسفر عن مقتل ١٢ شخصا، بحسب ما أعلنت وزارة
    /// الداخلية») outweighs a verb before it whose statement the figure is not in («أعلن
    /// التنظيم مسؤوليته عن تفجير …»).
    pub fn speaker_at(&self, text: &Text, at: usize) -> Option<usize> {
        let sent = text.tokens[at].sentence;
        let same = |sp: &&Speech| text.tokens[sp.verb].sentence == sent;
        let before = self.speeches.iter().rfind(|sp| same(sp) && sp.verb < at);
        let inside = before.is_some_and(|sp| sp.statement.is_some_and(|c| c < at));
        let according = self
            .speeches
            .iter()
            .find(|sp| same(sp) && sp.verb > at && sp.according)
            .filter(|_| !inside);
        according
            .or(before)
            .or_else(|| self.speeches.iter().find(|sp| same(sp) && sp.verb > at))
            .map(|sp| sp.speaker)
            .or(self.carried[sent])
    }
}

// figures

/// One figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Original start of the figure's phrase.
    pub start: usize,
    /// Original end.
    pub end: usize,
    /// Token range of the phrase.
    pub tokens: (usize, usize),
    /// Sentence index.
    pub sentence: usize,
    /// What it counts.
    pub measure: Measure,
    /// Exact or approximate value.
    pub value: Option<f64>,
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// How exact.
    pub qualifier: Qualifier,
    /// Unit, for figures that do not count people.
    pub unit: Option<Unit>,
    /// Whose members are counted.
    pub group: Option<EntityRef>,
    /// The place or prison it is about.
    pub about: Option<EntityRef>,
    /// Who the text attributes it to.
    pub reported_by: Option<EntityRef>,
    /// The event it belongs to (an index into the article's events): for a casualty figure,
    /// the violent event told last before it, else the article's first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<usize>,
    /// A running total since a day long past («منذ مطلع العام»، «منذ أكتوبر 2023»): about the
    /// area it covers, not about the event the article tells.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cumulative: bool,
}

// events

/// One event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Its class.
    pub class: EventClass,
    /// Original span of the first trigger.
    pub start: usize,
    /// End of that span.
    pub end: usize,
    /// Sentence of the first trigger.
    pub sentence: usize,
    /// Who acts.
    pub agents: Vec<EntityRef>,
    /// Whom or what it is aimed at.
    pub targets: Vec<EntityRef>,
    /// Others involved.
    pub participants: Vec<EntityRef>,
    /// Where.
    pub places: Vec<EntityRef>,
    /// When.
    pub date: Option<DateValue>,
    /// The date is the day the article tells of, not one its sentence gives.
    pub date_from_report: bool,
    /// Who reports it.
    pub reported_by: Option<EntityRef>,
}

// articles

/// The publication date and where it was read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Published {
    /// The date.
    pub value: DateValue,
    /// The year was inferred.
    pub inferred: bool,
    /// Original span of the date text; `None` when the input's metadata gave the date.
    pub span: Option<(usize, usize)>,
}

/// What one article yields.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleFacts {
    /// The article.
    pub doc: Document,
    /// Its headline (first non-empty line).
    pub title: String,
    /// Publication date, where the text gives one.
    pub published: Option<Published>,
    /// Index of the mention naming the publisher.
    pub publisher: Option<usize>,
    /// The publisher named by the input's metadata (an outlet in the gazetteer), when no
    /// mention in the text names it.
    pub publisher_ref: Option<EntityRef>,
    /// Mentions and the relations read with them.
    pub rec: Recognized,
    /// Dates found in the text.
    pub dates: Vec<DateMention>,
    /// Figures.
    pub quantities: Vec<Quantity>,
    /// Events.
    pub events: Vec<Event>,
    /// Sentences: original span and text, for evidence.
    pub sentences: Vec<(usize, usize, String)>,
}

// entities

/// One resolved entity.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entity {
    /// Its IRI.
    pub iri: String,
    /// Its class.
    pub class: Class,
    /// Canonical Arabic name.
    pub label_ar: String,
    /// English name, where known.
    pub label_en: Option<String>,
    /// Every other surface form seen.
    pub alt_labels: BTreeSet<String>,
    /// Wikidata QID (verified only).
    pub wikidata: Option<String>,
    /// Coordinates.
    pub coords: Option<(f64, f64)>,
    /// How precise they are (see [`crate::lexicon::GazEntry::geo_precision`]).
    pub geo_precision: Option<u8>,
    /// Gazetteer index.
    pub gazetteer: Option<usize>,
}

/// The resolution of a corpus. Serialized (the entity table `athar resolve` writes) with its
/// maps as lists of pairs sorted by key, so that the same corpus gives the same bytes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Resolution {
    /// Entities, sorted by IRI.
    pub entities: Vec<Entity>,
    /// How many of them a mention names (the others are only a figure's, an event's or a
    /// relation's): what a build reports as its entities.
    pub named: usize,
    /// Entity index of every reference.
    #[serde(with = "sorted_pairs")]
    pub by_ref: HashMap<EntityRef, usize>,
    /// For gazetteer entities in the graph: the IRIs of the places the gazetteer puts them in.
    #[serde(with = "sorted_pairs")]
    pub within: HashMap<usize, Vec<String>>,
    /// For gazetteer places in the graph: the Arabic name of the first-level division the
    /// gazetteer puts them in.
    #[serde(with = "sorted_pairs")]
    pub admin1: HashMap<usize, String>,
    /// Known ties between actors in the graph (`actor-relations.tsv`), as IRIs.
    pub actor_relations: Vec<(String, Relation, String)>,
    /// Incidents: what several events of the corpus report together.
    pub incidents: Vec<Incident>,
    /// The incident of each (article SHA-256, event span).
    #[serde(with = "sorted_pairs")]
    pub incident_of: IncidentOf,
}

/// A map (de)serialized as a list of `[key, value]` pairs sorted by key: JSON objects take only
/// string keys, and a hash map's own order changes from run to run.
mod sorted_pairs {
    use std::collections::HashMap;
    use std::hash::Hash;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<K, V, S>(map: &HashMap<K, V>, s: S) -> Result<S::Ok, S::Error>
    where
        K: Serialize + Ord,
        V: Serialize,
        S: Serializer,
    {
        let mut pairs: Vec<(&K, &V)> = map.iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        pairs.serialize(s)
    }

    pub fn deserialize<'de, K, V, D>(d: D) -> Result<HashMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Eq + Hash,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(d)?.into_iter().collect())
    }
}

impl Resolution {
    /// The entity a reference was resolved to.
    pub fn entity_of(&self, e: &EntityRef) -> &Entity {
        &self.entities[self.by_ref[e]]
    }

    /// The index of the entity a reference was resolved to.
    pub fn index_of(&self, e: &EntityRef) -> usize {
        self.by_ref[e]
    }
}

// links

/// What the resolver reads of one article: its references, its names, the pairs it says name one
/// entity, its violent events. A store keeps them (`STORE/links/`), so that an incremental build
/// resolves the whole corpus without extracting the articles it already holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Links {
    /// The article's SHA-256.
    pub article: String,
    /// Every mention, in text order: its reference, and its label when it is a name.
    pub mentions: Vec<(EntityRef, Option<String>)>,
    /// The other references (figures, events, relations, the publisher), in text order.
    pub refs: Vec<EntityRef>,
    /// Pairs of references the text says name one entity.
    pub same: Vec<(EntityRef, EntityRef)>,
    /// When the article names a prison or camp after a place: its prisons and camps, and the
    /// gazetteer places the text puts them in.
    pub prisons: Option<PrisonLinks>,
    /// Its violent events.
    pub events: Vec<EventSummary>,
}

/// The prisons and camps of an article that names one after a place («سجن الحسكة»).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrisonLinks {
    /// Its prisons and camps, each once, in text order.
    pub prisons: Vec<EntityRef>,
    /// Gazetteer places the text puts one of them in.
    pub located: Vec<(EntityRef, usize)>,
}

/// Separates the references of a list in the text form of [`Links`].
const LIST: char = '\u{1f}';

fn ref_text(e: &EntityRef) -> String {
    match e {
        EntityRef::Known(i) => format!("k{i}"),
        EntityRef::New { class, key } => format!("n{}:{key}", class.name()),
    }
}

fn ref_parse(s: &str) -> Option<EntityRef> {
    if let Some(i) = s.strip_prefix('k') {
        return i.parse().ok().map(EntityRef::Known);
    }
    let (class, key) = s.strip_prefix('n')?.split_once(':')?;
    Some(EntityRef::New {
        class: Class::from_name(class)?,
        key: key.to_string(),
    })
}

impl EntityRef {
    /// A short text key: `k<gazetteer index>` for a known entity, `n<Class>:<key>` for a name
    /// found by a pattern (the form of a store's links files).
    pub fn key(&self) -> String {
        ref_text(self)
    }
}

impl Links {
    /// The text form a store keeps: a line per item, fields separated by tabs, with the
    /// `signature` of the article's graph under the resolution it was last written with.
    pub fn to_text(&self, signature: &str) -> String {
        let mut out = format!("athar-links\t1\t{}\nsig\t{signature}\n", self.article);
        for (e, label) in &self.mentions {
            out += &format!("m\t{}\t{}\n", ref_text(e), label.as_deref().unwrap_or(""));
        }
        for e in &self.refs {
            out += &format!("r\t{}\n", ref_text(e));
        }
        for (x, y) in &self.same {
            out += &format!("s\t{}\t{}\n", ref_text(x), ref_text(y));
        }
        if let Some(PrisonLinks { prisons, located }) = &self.prisons {
            out += "P\n";
            for e in prisons {
                out += &format!("p\t{}\n", ref_text(e));
            }
            for (e, gi) in located {
                out += &format!("l\t{}\t{gi}\n", ref_text(e));
            }
        }
        let list = |v: &[EntityRef]| {
            v.iter()
                .map(ref_text)
                .collect::<Vec<_>>()
                .join(&LIST.to_string())
        };
        for ev in &self.events {
            out += &format!(
                "e\t{}\t{}\t{}\t{}\t{}\t{}\n",
                ev.span.0,
                ev.span.1,
                ev.class.name(),
                ev.day.map_or("-".to_string(), |d| d.to_string()),
                list(&ev.places),
                list(&ev.agents)
            );
        }
        out
    }

    /// Reads the text form back: the links and the signature, or `None` if the text is not
    /// links of this version.
    pub fn from_text(text: &str) -> Option<(Links, String)> {
        let mut lines = text.lines();
        let head: Vec<&str> = lines.next()?.split('\t').collect();
        if head.len() != 3 || head[0] != "athar-links" || head[1] != "1" {
            return None;
        }
        let mut links = Links {
            article: head[2].to_string(),
            ..Links::default()
        };
        let sig = lines.next()?.strip_prefix("sig\t")?.to_string();
        let list = |s: &str| -> Option<Vec<EntityRef>> {
            s.split(LIST)
                .filter(|x| !x.is_empty())
                .map(ref_parse)
                .collect()
        };
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            match (f[0], f.len()) {
                ("m", 3) => links.mentions.push((
                    ref_parse(f[1])?,
                    (!f[2].is_empty()).then(|| f[2].to_string()),
                )),
                ("r", 2) => links.refs.push(ref_parse(f[1])?),
                ("s", 3) => links.same.push((ref_parse(f[1])?, ref_parse(f[2])?)),
                ("P", 1) => links.prisons = Some(PrisonLinks::default()),
                ("p", 2) => links.prisons.as_mut()?.prisons.push(ref_parse(f[1])?),
                ("l", 3) => links
                    .prisons
                    .as_mut()?
                    .located
                    .push((ref_parse(f[1])?, f[2].parse().ok()?)),
                ("e", 7) => links.events.push(EventSummary {
                    article: links.article.clone(),
                    span: (f[1].parse().ok()?, f[2].parse().ok()?),
                    class: EventClass::from_name(f[3])?,
                    day: match f[4] {
                        "-" => None,
                        d => Some(d.parse().ok()?),
                    },
                    places: list(f[5])?,
                    agents: list(f[6])?,
                }),
                _ => return None,
            }
        }
        Some((links, sig))
    }
}

// incidents

/// The incident of each event: (article SHA-256, event span) → incident index.
pub type IncidentOf = HashMap<(String, (usize, usize)), usize>;

/// What incident clustering keeps of one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    /// The article's SHA-256.
    pub article: String,
    /// The event's span (its IRI's key within the article).
    pub span: (usize, usize),
    /// Its class.
    pub class: EventClass,
    /// Its places and targets.
    pub places: Vec<EntityRef>,
    /// Its agents.
    pub agents: Vec<EntityRef>,
    /// Its own day, else the day of the report.
    pub day: Option<NaiveDate>,
}

/// One real-world happening and the events that report it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Incident {
    /// Its IRI.
    pub iri: String,
    /// The place: the most precise place its reports name (entity index).
    pub place: usize,
    /// The class most of its reports give.
    pub class: EventClass,
    /// First and last day its reports give.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// Agents named by at least half of its reporting articles (entity indices).
    pub agents: Vec<usize>,
    /// Distinct articles reporting it.
    pub reports: usize,
}
