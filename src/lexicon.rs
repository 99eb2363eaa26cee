//! The data files under `ontology/lexicon/`, parsed and indexed. They are embedded in the
//! binary (`Lexicon::builtin`) and can be replaced by a folder of the same files
//! (`Lexicon::from_dir`).

use crate::model::{EntityRef, Role};
use crate::text::affixes;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::path::Path;

use sha2::{Digest, Sha256};

pub use crate::text::{Phrase, PhraseMatch, Phrases, Proclitic, Reading};

use crate::error::{Error, Result};
use crate::text::fold_str;
use crate::vocab::{Class, EventClass, Measure, Qualifier, Relation, Unit};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../ontology/lexicon/", $name)))),*]
    };
}

/// Every lexicon file, by name, as embedded at build time.
pub const FILES: &[(&str, &str)] = embed!(
    "actor-relations.tsv",
    "anaphors.tsv",
    "common-words.tsv",
    "demonyms.tsv",
    "duals.tsv",
    "equivalence.tsv",
    "eras.tsv",
    "events.tsv",
    "function-words.tsv",
    "gazetteer.tsv",
    "generics.tsv",
    "given-names.tsv",
    "heads.tsv",
    "measures.tsv",
    "members.tsv",
    "months.tsv",
    "name-parts.tsv",
    "numbers.tsv",
    "qualifiers.tsv",
    "relations.tsv",
    "proclitics.tsv",
    "speech-verbs.tsv",
    "stopwords.tsv",
    "titles.tsv",
    "units.tsv",
    "weekdays.tsv",
);

/// Files whose first non-comment line is a header row.
const WITH_HEADER: &[&str] = &["gazetteer.tsv", "common-words.tsv"];

/// One row of a lexicon file.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line number.
    pub line: usize,
    /// The fields (missing trailing fields are empty).
    pub fields: Vec<String>,
}

/// Parses a TSV lexicon file: `#` lines are comments; `columns` fields per row.
pub fn parse_rows(file: &str, text: &str, columns: usize) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    let mut header_seen = !WITH_HEADER.contains(&file);
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let mut fields: Vec<String> = line.split('\t').map(str::to_string).collect();
        if fields.len() > columns {
            return Err(Error::Lexicon {
                file: file.to_string(),
                line: i + 1,
                message: format!("{} fields, expected at most {columns}", fields.len()),
            });
        }
        fields.resize(columns, String::new());
        if fields[0].trim().is_empty() {
            return Err(Error::Lexicon {
                file: file.to_string(),
                line: i + 1,
                message: "empty first field".into(),
            });
        }
        rows.push(Row {
            line: i + 1,
            fields,
        });
    }
    Ok(rows)
}

/// A gazetteer entity.
#[derive(Debug, Clone)]
pub struct GazEntry {
    /// Stable id; the entity IRI is `vocab::ID` + id.
    pub id: String,
    /// Class.
    pub class: Class,
    /// Canonical Arabic name.
    pub name_ar: String,
    /// English name.
    pub name_en: String,
    /// Wikidata QID, where verified.
    pub wikidata: Option<String>,
    /// Coordinates.
    pub coords: Option<(f64, f64)>,
    /// How precise the coordinates are, as ACLED's `geo_precision`: 1 the place's own point,
    /// 2 the point of the town it lies in, 3 a representative point of a larger area.
    pub geo_precision: Option<u8>,
    /// Ids of places this one lies in (known facts).
    pub within: Vec<String>,
    /// Ids whose presence in an article confirms an ambiguous alias.
    pub context: Vec<String>,
    /// Where the entry comes from.
    pub source: String,
    /// Inhabitants of a town GeoNames lists, capitals left out: a town that is not its
    /// country's capital counts only in an article that places itself in its country.
    pub population: Option<u64>,
}

/// A gazetteer name the matcher looks for (its words are the phrase's).
#[derive(Debug, Clone)]
pub struct NameEntry {
    /// Gazetteer index.
    pub entity: usize,
    /// Counts only in context.
    pub needs_context: bool,
    /// A preposition before it is context enough (a big city whose name is also a word).
    pub weak_context: bool,
    /// A Latin-script alias (matched only where the text capitalizes it).
    pub latin: bool,
}

/// How a head noun's name is read (see `heads.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadRule {
    /// Definite, or not a common word.
    Proper,
    /// Not a common word.
    Rare,
    /// An organisation name chain.
    Chain,
    /// A known place.
    Known,
    /// Only as a definite head of a body's name («المركز الإعلامي لـ…»): the bare noun is too
    /// common a word to begin a name («مركز المدينة»، «مركز محافظة أبين»).
    Definite,
    /// As `Proper`, with the adjective that ends such names («مجمع ناصر الطبي»); without it the
    /// head and a definite word are a description («مجمع السجن»).
    Suffixed,
}

/// A head noun.
#[derive(Debug, Clone)]
pub struct Head {
    /// Class of what it introduces.
    pub class: Class,
    /// The head belongs to the name.
    pub keep: bool,
    /// How the name after it is read.
    pub rule: HeadRule,
}

/// The roles of `function-words.tsv`: small closed classes of words the patterns look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fw {
    /// `age`
    Age,
    /// `agent-link`
    AgentLink,
    /// `among`
    Among,
    /// `army-word`
    ArmyWord,
    /// `belonging`: «مشتبه بهم بالانتماء إلى داعش»
    Belonging,
    /// `between`
    Between,
    /// `clause-end`
    ClauseEnd,
    /// `complementizer`
    Complementizer,
    /// `contains`
    Contains,
    /// `count-of`: «عدد عناصر التنظيم … بين 400 و500»
    CountOf,
    /// «ريف X»: the countryside of a town, the division it is the seat of
    Countryside,
    /// `custody`: «وحماية الأسايش» after «تحت سيطرة X»: a second side holding the place
    Custody,
    /// `bearing`: «شمال شرقي»: a word of direction, which may follow a comma to say where the place
    /// before lies («المقدادية، شمال شرقي محافظة ديالى»)
    Bearing,
    /// `municipality`: «بلدية»: the body of a town named after it, whose head is one of the
    /// town's officials
    Municipality,
    /// `span-start`: «مطلع»، «اندلاع»، «سريان» after «منذ»: a span from a day long past
    SpanStart,
    /// `month-part`: «أواخر»، «منتصف»، «منذ» before a month named without a year: a date of that
    /// month
    MonthPart,
    /// `calendar-link`: «الموافق» between a Hijri date and the same day's Gregorian date
    CalendarLink,
    /// `source-noun`: «مصدر» before «في» and a body at a line's start: the body's statement
    SourceNoun,
    /// `accuse`: «اتهمت»: the armed group after it, accused of a word of violence, attacked
    Accuse,
    /// `blame`: «حمّلت»: the armed group after it, with the responsibility, attacked
    Blame,
    /// `responsibility`: «المسؤولية» after a verb of blaming
    Responsibility,
    /// `boast`: «زعم»: «أن عناصره …» after it claims an attack
    Boast,
    /// `judge`: «وصفت»، «أدانت»: who judges an event, before it, did not carry it out
    Judge,
    /// `one`: «واحد» after a noun of people counts one («استشهاد مواطن واحد»)
    One,
    /// `aboard`: «على متن»، «رتل من» before a count of vehicles: the force that came in them
    Aboard,
    /// `station`: «مركز»، «قسم»، «مخفر» before a police word and a place: a police station
    Station,
    /// `minister`: a minister's title word; with the word after it, the ministry it heads
    Minister,
    /// `ministry`: the first word of a ministry's name
    Ministry,
    /// `subject-to`: «الخاضعة لسيطرة X»، «رغم خضوعها لسيطرة X»: the place is held by X
    SubjectTo,
    /// `temporal`: «قبل»، «بعد» before «أن»: the clause after it is no one's words
    Temporal,
    /// `runs`: «ويديره جهاز الأسايش»، «السجن الذي تديره قسد»: the actor after it holds the site
    Runs,
    /// `regime`: «حكومة» before an armed group: the government it runs, a body of its own
    Regime,
    /// `percent`: «في المائة»، «بالمئة» after a number: a percentage, never a figure
    Percent,
    /// `lasting`: «الساري»، «المستمرة» before «منذ»: the span is the thing's, not a toll's
    Lasting,
    /// `flee`: «فرّ»، «فرّت»: fleeing, an escape from a prison or a displacement by what the
    /// sentence names
    Flee,
    /// `capital-word`: «العاصمة»: the first word of a capital's epithet in the gazetteer
    /// («العاصمة الباكستانية»), which marks a town as its country's capital
    CapitalWord,
    /// `seat`: «مدينة شرنة، مركز الولاية»: the town set off before it is the division's seat
    Seat,
    /// `camp-epithet`: «مخيم ران للنازحين»: after a camp's name, a word the camp's full name
    /// also takes
    CampEpithet,
    /// `toll-noun`: «قتلى الأسايش»، «جرحى الجيش»: a noun of casualties in construct with the
    /// group whose they are
    TollNoun,
    /// `destination`
    Destination,
    /// «مديرية صرواح»: a district when a place name follows, a body otherwise
    DistrictHead,
    /// `facing`
    Facing,
    /// `irregular`: «الميليشيا»: an anaphor that never refers to a state's army
    Irregular,
    /// `front`: «في جبهة الكسارة»: a front line, a place, after a word of where
    Front,
    /// `government-epithet`: «الحكومة المعترف بها»، «الحكومة الشرعية»: an adjective after «الحكومة»
    /// that still names the country's government
    GovernmentEpithet,
    /// «قرية صغيرة»، «مدينة تقع»: an adjective or verb after a place's head, never its name
    HeadComplement,
    /// `located-link`
    LocatedLink,
    /// `control`: «سيطرة»، «سيطرت»: a word of taking or holding control (… X على Y)
    Control,
    /// `forces`: «قوات»، «وحدات»: with a possessive, a force's own units («قواته في الفرقة 14»)
    Forces,
    /// `losing`: «فقدت»، «خسارة»: control lost, not held
    Losing,
    /// `restating`: «بواقع»، «أي»: the figure after it restates the one before
    Restating,
    /// «مسلحا»، «إرهابيين»: gunmen or militants counted by a common noun
    Militant,
    /// `name-compound`
    NameCompound,
    /// «الدين» in «نور الدين»: joins the given name before it
    NameTail,
    /// `others`
    Others,
    /// `place-context`
    PlaceContext,
    /// `police`
    Police,
    /// `guard`
    Guard,
    /// `police-word`
    PoliceWord,
    /// `published`
    Published,
    /// «منذ 8 أكتوبر»: the date after it is when a span began, not the event's day
    Since,
    /// `statement`: «البيان»، «إحصاء»: a word for what a speaker issued
    Statement,
    /// `source-link`: «عن» in «نقلت الوكالة عن مصدر في الوزارة»
    SourceLink,
    /// «الواقعة»: the word before it, after a place's head, is the place's name
    Situated,
    /// `soldier`
    Soldier,
    /// `struck`: «مواقع»، «أوكار»: what a strike hits of a side, which the words after it name
    Struck,
    /// `target-link`
    TargetLink,
    /// `this-month`
    ThisMonth,
    /// `title-link`
    TitleLink,
    /// `today`
    Today,
    /// `unit`
    Unit,
    /// «تعرضت القافلة لكمين»: the side before the event word suffered it
    Undergo,
    /// «عناصر داعش الذين هاجموا»: a relative pronoun, its verb's subject is the name before
    Relative,
    /// `unreal`
    Unreal,
    /// `year-link`
    YearLink,
    /// `year-word`
    YearWord,
    /// `yesterday`
    Yesterday,
}

impl Fw {
    /// Every role, in the order of `ALL`.
    pub const ALL: [Fw; 77] = [
        Fw::Age,
        Fw::AgentLink,
        Fw::Among,
        Fw::ArmyWord,
        Fw::Belonging,
        Fw::Between,
        Fw::ClauseEnd,
        Fw::Complementizer,
        Fw::Contains,
        Fw::CountOf,
        Fw::Countryside,
        Fw::Destination,
        Fw::DistrictHead,
        Fw::Facing,
        Fw::Front,
        Fw::GovernmentEpithet,
        Fw::HeadComplement,
        Fw::Irregular,
        Fw::LocatedLink,
        Fw::Militant,
        Fw::NameCompound,
        Fw::NameTail,
        Fw::Others,
        Fw::PlaceContext,
        Fw::Police,
        Fw::Guard,
        Fw::PoliceWord,
        Fw::Published,
        Fw::Restating,
        Fw::Seat,
        Fw::Struck,
        Fw::CampEpithet,
        Fw::TollNoun,
        Fw::Custody,
        Fw::Bearing,
        Fw::Municipality,
        Fw::SpanStart,
        Fw::MonthPart,
        Fw::CalendarLink,
        Fw::SourceNoun,
        Fw::Accuse,
        Fw::Blame,
        Fw::Responsibility,
        Fw::Boast,
        Fw::Judge,
        Fw::One,
        Fw::Aboard,
        Fw::Station,
        Fw::Minister,
        Fw::Ministry,
        Fw::SubjectTo,
        Fw::Temporal,
        Fw::Runs,
        Fw::Regime,
        Fw::Percent,
        Fw::Lasting,
        Fw::Flee,
        Fw::CapitalWord,
        Fw::Control,
        Fw::Forces,
        Fw::Losing,
        Fw::Since,
        Fw::SourceLink,
        Fw::Statement,
        Fw::Situated,
        Fw::Soldier,
        Fw::TargetLink,
        Fw::ThisMonth,
        Fw::TitleLink,
        Fw::Today,
        Fw::Unit,
        Fw::Undergo,
        Fw::Relative,
        Fw::Unreal,
        Fw::YearLink,
        Fw::YearWord,
        Fw::Yesterday,
    ];

    /// The role's name in the data.
    pub fn name(self) -> &'static str {
        match self {
            Fw::Age => "age",
            Fw::AgentLink => "agent-link",
            Fw::Among => "among",
            Fw::ArmyWord => "army-word",
            Fw::Belonging => "belonging",
            Fw::Between => "between",
            Fw::ClauseEnd => "clause-end",
            Fw::Complementizer => "complementizer",
            Fw::Contains => "contains",
            Fw::CountOf => "count-of",
            Fw::Countryside => "countryside",
            Fw::Destination => "destination",
            Fw::DistrictHead => "district-head",
            Fw::Facing => "facing",
            Fw::Front => "front",
            Fw::GovernmentEpithet => "government-epithet",
            Fw::HeadComplement => "head-complement",
            Fw::Irregular => "irregular",
            Fw::LocatedLink => "located-link",
            Fw::Restating => "restating",
            Fw::Seat => "seat",
            Fw::Struck => "struck",
            Fw::CampEpithet => "camp-epithet",
            Fw::TollNoun => "toll-noun",
            Fw::Custody => "custody",
            Fw::Bearing => "bearing",
            Fw::Municipality => "municipality",
            Fw::SpanStart => "span-start",
            Fw::MonthPart => "month-part",
            Fw::CalendarLink => "calendar-link",
            Fw::SourceNoun => "source-noun",
            Fw::Accuse => "accuse",
            Fw::Blame => "blame",
            Fw::Responsibility => "responsibility",
            Fw::Boast => "boast",
            Fw::Judge => "judge",
            Fw::One => "one",
            Fw::Aboard => "aboard",
            Fw::Station => "station",
            Fw::Minister => "minister",
            Fw::Ministry => "ministry",
            Fw::SubjectTo => "subject-to",
            Fw::Temporal => "temporal",
            Fw::Runs => "runs",
            Fw::Regime => "regime",
            Fw::Percent => "percent",
            Fw::Lasting => "lasting",
            Fw::Flee => "flee",
            Fw::CapitalWord => "capital-word",
            Fw::Control => "control",
            Fw::Forces => "forces",
            Fw::Losing => "losing",
            Fw::Militant => "militant",
            Fw::NameCompound => "name-compound",
            Fw::NameTail => "name-tail",
            Fw::Others => "others",
            Fw::PlaceContext => "place-context",
            Fw::Police => "police",
            Fw::Guard => "guard",
            Fw::PoliceWord => "police-word",
            Fw::Published => "published",
            Fw::Since => "since",
            Fw::SourceLink => "source-link",
            Fw::Statement => "statement",
            Fw::Situated => "situated",
            Fw::Soldier => "soldier",
            Fw::TargetLink => "target-link",
            Fw::ThisMonth => "this-month",
            Fw::TitleLink => "title-link",
            Fw::Today => "today",
            Fw::Unit => "unit",
            Fw::Undergo => "undergo",
            Fw::Relative => "relative",
            Fw::Unreal => "unreal",
            Fw::YearLink => "year-link",
            Fw::YearWord => "year-word",
            Fw::Yesterday => "yesterday",
        }
    }

    /// The role of a name in the data.
    pub fn from_name(s: &str) -> Option<Fw> {
        Fw::ALL.into_iter().find(|r| r.name() == s)
    }
}

/// The two month-name systems of Arabic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthSystem {
    /// Transliterated Gregorian names (يناير، فبراير …): Egypt, the Maghreb, the Gulf.
    Gregorian,
    /// Syriac names (كانون الثاني، شباط …): the Levant and Iraq.
    Levant,
}

/// A month name as `months.tsv` writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthName {
    /// The name, unnormalized.
    pub name: String,
    /// Its month, 1–12.
    pub month: u32,
    /// Its system.
    pub system: MonthSystem,
}

/// A title (`titles.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    /// The relation it implies between its holder and the organisation named with it.
    pub role: Role,
    /// An office: names its holder when no name follows («محافظ الحسكة»).
    pub office: bool,
    /// A state office: with no owner named, held in the article's country («الرئيس بولا تينوبو»).
    pub state: bool,
}

/// A generic reference to a country's own body (`generics.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generic {
    /// Its row in the file, the key of `Lexicon::generic_bodies`.
    pub index: usize,
    /// The class of the body.
    pub class: Class,
    /// How the body's Arabic name begins (normalized words).
    pub prefixes: Vec<Vec<String>>,
}

/// A naming-equivalence phrase (`equivalence.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Equivalence {
    /// The other name follows through the preposition «ب» («المعروف بـ»).
    pub clitic: bool,
}

/// A qualifier phrase (`qualifiers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QualifierPhrase {
    /// What it says of the figure.
    pub qualifier: Qualifier,
    /// Where it stands.
    pub position: QualPosition,
}

/// A measure word (`measures.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeasureWord {
    /// What a figure near it counts.
    pub measure: Measure,
    /// How it relates to the figure.
    pub kind: TriggerKind,
}

/// A relation phrase (`relations.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationPhrase {
    /// The relation.
    pub relation: Relation,
    /// The name before the phrase is the subject («ab»), else the name after.
    pub subject_before: bool,
    /// Words allowed between the name before and the phrase.
    pub gap: usize,
}

/// Phrases sorted longest first (stable), then indexed.
fn longest_first<T>(mut v: Vec<(Vec<String>, T)>) -> Phrases<T> {
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let mut p = Phrases::default();
    for (w, t) in v {
        p.push(w, t);
    }
    p
}

/// How a number word combines (see `numbers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// أحد/إحدى: a number only before عشر (أحد عشر = 11).
    One,
    /// 1–9.
    Unit,
    /// عشر/عشرة after a unit.
    Teen,
    /// 20, 30, … 90.
    Ten,
    /// 100 … 900.
    Hundred,
    /// Thousands (a multiplier after a number).
    Thousand,
    /// Millions (a multiplier after a number).
    Million,
    /// عشرات، مئات، آلاف: at least the value.
    Vague,
}

/// Where a qualifier stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualPosition {
    /// Before the figure.
    Before,
    /// After the figure (within its clause).
    After,
    /// Before the first of two figures joined by «و».
    Range,
}

/// What a measure word says (see `measures.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    /// What happened to them.
    Event,
    /// A detained state.
    Held,
    /// «يضم»: held, unless soldiers are counted.
    Contain,
    /// The counted noun.
    Noun,
    /// People in general.
    Generic,
}

/// A speech verb's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechKind {
    /// Introduces a speaker.
    Say,
    /// Continues the previous speaker.
    Continue,
    /// A participle (مضيفا أن) whose speaker is the sentence's subject.
    Participle,
    /// Attributes what precedes it to the speaker after it (بحسب X، وفق ما أعلنت X).
    According,
    /// Relays another's words: the speaker is the one after «عن» (نقلت الوكالة عن مصدر في
    /// الوزارة، نقلاً عن X).
    Relay,
    /// «وجاء في بيان الوزارة أن …»: a verb of what a statement says, whose speaker is only the
    /// body that issued the statement named after «في».
    Statement,
}

/// All lexicons, indexed.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Gazetteer entities.
    pub gazetteer: Vec<GazEntry>,
    /// Gazetteer index by id.
    pub by_id: HashMap<String, usize>,
    /// Every gazetteer name, compiled into one token trie.
    pub names: Phrases<NameEntry>,
    /// The first words of every phrase set, with a bit per set (`Phrases::index_first_words`).
    pub first_words: HashMap<String, u32>,
    /// Proclitics, normalized, in the file's order.
    pub proclitics: Vec<Proclitic>,
    /// Head nouns by normalized form.
    pub heads: HashMap<String, Head>,
    /// Titles, longest first.
    pub titles: Phrases<Title>,
    /// Speech verbs by normalized form.
    pub speech_verbs: HashMap<String, SpeechKind>,
    /// Function words.
    pub stopwords: HashSet<String>,
    /// Given names.
    pub given_names: HashSet<String>,
    /// Frequent words (normalized) → Zipf frequency.
    pub common_words: HashMap<String, f32>,
    /// Month names (both systems) → month number, longest first.
    pub months: Phrases<u32>,
    /// Month names as written, in file order.
    pub month_names: Vec<MonthName>,
    /// Weekdays → ISO number.
    pub weekdays: HashMap<String, u32>,
    /// Anaphoric nouns → (class, required first word of the antecedent).
    pub anaphors: HashMap<String, (Vec<Class>, Vec<String>)>,
    /// Generic references to a country's own bodies (`generics.tsv`), longest first.
    pub generics: Phrases<Generic>,
    /// (country id, generic row) → the gazetteer body it names in that country.
    pub generic_bodies: HashMap<(String, usize), usize>,
    /// Naming-equivalence phrases, longest first.
    pub equivalence: Phrases<Equivalence>,
    /// Nisba adjectives → country id.
    pub demonyms: HashMap<String, Option<String>>,
    /// Their sound plurals and duals (أوغنديين، صوماليان), for the nisba after a counted noun.
    pub demonym_plurals: HashMap<String, Option<String>>,
    /// Words that join the next word into a place name.
    pub name_prefixes: HashSet<String>,
    /// Adjectives that end a prison or camp name.
    pub name_suffixes: HashSet<String>,
    /// Titles of respect that begin a place's name after a person («الشهيد»، «الشيخ»).
    pub honorifics: HashSet<String>,
    /// Function words by role (see `function-words.tsv`), indexed by `Fw as usize`.
    pub function_words: Vec<HashSet<String>>,
    /// Number words.
    pub numbers: HashMap<String, (f64, NumKind)>,
    /// Qualifier phrases, longest first.
    pub qualifiers: Phrases<QualifierPhrase>,
    /// Measure words, longest first.
    pub measures: Phrases<MeasureWord>,
    /// Units: word → (unit, count it carries, factor).
    pub units: HashMap<String, (Unit, u32, f64)>,
    /// Nouns of membership.
    pub members: HashSet<String>,
    /// Dual nouns of people, which count two by themselves.
    pub duals: HashSet<String>,
    /// Event triggers, in file order.
    pub events: Phrases<EventClass>,
    /// Relation phrases, longest first.
    pub relations: Phrases<RelationPhrase>,
    /// Known ties between gazetteer actors (`actor-relations.tsv`): (subject, relation,
    /// object), gazetteer indices.
    pub actor_relations: Vec<(usize, Relation, usize)>,
    /// Actors whose names passed to another (`eras.tsv`): (entity, its predecessor, the day
    /// from which the names are the entity's), gazetteer indices.
    pub eras: Vec<(usize, usize, chrono::NaiveDate)>,
    /// SHA-256 of every file the lexicon was read from (names and texts): a store records the
    /// lexicon it was built with by it.
    pub digest: String,
}

fn words(s: &str) -> Vec<String> {
    fold_str(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn class_of(file: &str, row: &Row, s: &str) -> Result<Class> {
    Class::from_name(s).ok_or_else(|| Error::Lexicon {
        file: file.into(),
        line: row.line,
        message: format!("unknown class {s:?}"),
    })
}

/// The gazetteer index of `id`, or an error naming the file and line that cites it.
fn gazetteer_id(lx: &Lexicon, file: &str, line: usize, id: &str) -> Result<usize> {
    lx.by_id.get(id).copied().ok_or_else(|| Error::Lexicon {
        file: file.into(),
        line,
        message: format!("{id:?} is no gazetteer id"),
    })
}

/// For each generic reference and country, the gazetteer body it names there: the one of the
/// class with a name that is a prefix and the country's nisba and nothing else («الجيش
/// السوداني»، «القوات المسلحة السودانية»، «الحكومة اليمنية»), or a prefix, «في» and the
/// country it lies in («المجلس العسكري في مالي») — the national body, not a region's or a rebel
/// army's; the first entry where two have such a name.
fn generic_bodies<'a>(
    lx: &Lexicon,
    body_names: &[(usize, Vec<String>)],
    generics: impl Iterator<Item = &'a Generic>,
) -> HashMap<(String, usize), usize> {
    let mut out: HashMap<(String, usize), usize> = HashMap::default();
    for g in generics {
        for (k, name) in body_names {
            if lx.gazetteer[*k].class != g.class {
                continue;
            }
            let Some(rest) = g
                .prefixes
                .iter()
                .find_map(|p| name.strip_prefix(p.as_slice()))
            else {
                continue;
            };
            let country = match rest {
                [nisba] => lx.demonyms.get(nisba).cloned().flatten(),
                // «المجلس العسكري في مالي»: the body «في» the country it lies in, named as the
                // gazetteer names that country
                [fi, place @ ..] if *fi == affixes().fi && !place.is_empty() => lx.gazetteer[*k]
                    .within
                    .iter()
                    .find(|c| {
                        lx.by_id.get(c.as_str()).is_some_and(|&ci| {
                            lx.gazetteer[ci].class == Class::Country
                                && words(&lx.gazetteer[ci].name_ar) == place
                        })
                    })
                    .cloned(),
                _ => None,
            };
            let Some(country) = country else { continue };
            out.entry((country, g.index)).or_insert(*k);
        }
    }
    out
}

impl Lexicon {
    /// The lexicon embedded in the binary.
    pub fn builtin() -> Result<Self> {
        Self::load(|name| {
            FILES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string())
                .ok_or_else(|| Error::Lexicon {
                    file: name.into(),
                    line: 0,
                    message: "not embedded".into(),
                })
        })
    }

    /// Reads every lexicon file from a folder (same names as `ontology/lexicon/`).
    pub fn from_dir(dir: &Path) -> Result<Self> {
        Self::load(|name| {
            let p = dir.join(name);
            std::fs::read_to_string(&p).map_err(|e| Error::io(p, e))
        })
    }

    fn load(read: impl Fn(&str) -> Result<String>) -> Result<Self> {
        let bad = |f: &str, line: usize, m: String| Error::Lexicon {
            file: f.into(),
            line,
            message: m,
        };
        // every file read goes into the digest, name and text, in the order they are read
        let hasher = RefCell::new(Sha256::new());
        let read = |name: &str| -> Result<String> {
            let text = read(name)?;
            let mut h = hasher.borrow_mut();
            h.update(name.as_bytes());
            h.update([0]);
            h.update(text.as_bytes());
            h.update([0]);
            Ok(text)
        };
        let mut lx = Lexicon {
            function_words: vec![HashSet::default(); Fw::ALL.len()],
            ..Lexicon::default()
        };
        // the Arabic names of armed forces and governments, for `generic_bodies`
        let mut body_names: Vec<(usize, Vec<String>)> = Vec::new();
        let f = "gazetteer.tsv";
        for row in parse_rows(f, &read(f)?, 14)? {
            let r = &row.fields;
            let class = class_of(f, &row, &r[1])?;
            let coords = match (r[7].parse::<f64>(), r[8].parse::<f64>()) {
                (Ok(a), Ok(b)) => Some((a, b)),
                _ => None,
            };
            let geo_precision = match r[9].as_str() {
                "" => None,
                p => match p.parse::<u8>() {
                    Ok(n @ 1..=3) => Some(n),
                    _ => {
                        return Err(Error::Lexicon {
                            file: f.into(),
                            line: row.line,
                            message: format!("geo_precision {p:?} is not 1, 2 or 3"),
                        })
                    }
                },
            };
            if coords.is_some() != geo_precision.is_some() {
                return Err(Error::Lexicon {
                    file: f.into(),
                    line: row.line,
                    message: "coordinates and geo_precision go together".into(),
                });
            }
            let idx = lx.gazetteer.len();
            let within: Vec<String> = r[10]
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let mut context: Vec<String> = r[11]
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            // (a site known by a name many share, «?مستشفى الثورة», is the one of the town the
            // article names)
            if context.is_empty() && matches!(class, Class::Facility | Class::Prison | Class::Camp)
            {
                context.clone_from(&within);
            }
            lx.gazetteer.push(GazEntry {
                id: r[0].clone(),
                class,
                name_ar: r[2].clone(),
                name_en: r[4].clone(),
                wikidata: (!r[6].is_empty()).then(|| r[6].clone()),
                coords,
                geo_precision,
                within,
                context,
                source: r[12].clone(),
                population: match r[13].as_str() {
                    "" => None,
                    p => Some(p.parse().map_err(|_| Error::Lexicon {
                        file: f.into(),
                        line: row.line,
                        message: format!("population {p:?} is not a whole number"),
                    })?),
                },
            });
            lx.by_id.insert(r[0].clone(), idx);
            let ambiguous: HashSet<String> = r[3]
                .split('|')
                .filter_map(|a| a.strip_prefix('?'))
                .map(fold_str)
                .collect();
            let weak: HashSet<String> = r[3]
                .split('|')
                .filter_map(|a| a.strip_prefix('~'))
                .map(fold_str)
                .collect();
            let mut names: Vec<(String, bool)> = vec![(r[2].clone(), false)];
            names.extend(
                r[3].split('|')
                    .filter(|a| !a.is_empty())
                    .map(|a| (a.to_string(), false)),
            );
            names.extend(
                r[5].split('|')
                    .filter(|a| a.chars().count() >= 3)
                    .map(|a| (a.to_string(), true)),
            );
            if !r[4].is_empty()
                && r[4].is_ascii()
                && r[4].chars().count() >= 4
                && class.family() != crate::vocab::Family::Place
            {
                names.push((r[4].clone(), true));
            }
            let mut seen = HashSet::default();
            for (name, latin) in names {
                let name = name.trim_start_matches(['?', '~']);
                let w = words(name);
                if w.is_empty() || !seen.insert(w.clone()) {
                    continue;
                }
                let key = w.join(" ");
                let weak_context = weak.contains(&key);
                let needs_context = ambiguous.contains(&key) || weak_context;
                // (not a name that needs context: «?القوات المسلحة اليمنية» is what the Houthis
                // call their forces, not Yemen's army)
                if !latin
                    && !needs_context
                    && matches!(class, Class::ArmedGroup | Class::Government)
                {
                    body_names.push((idx, w.clone()));
                }
                lx.names.push(
                    w,
                    NameEntry {
                        entity: idx,
                        needs_context,
                        weak_context,
                        latin,
                    },
                );
            }
        }
        let f = "proclitics.tsv";
        for row in parse_rows(f, &read(f)?, 3)? {
            let kind = &row.fields[1];
            lx.proclitics.push(Proclitic {
                form: fold_str(&row.fields[0]),
                restore: fold_str(&row.fields[2]),
                conjunction: kind == "conjunction",
            });
        }
        let f = "heads.tsv";
        for row in parse_rows(f, &read(f)?, 4)? {
            let r = &row.fields;
            let rule = match r[3].as_str() {
                "proper" => HeadRule::Proper,
                "rare" => HeadRule::Rare,
                "chain" => HeadRule::Chain,
                "known" => HeadRule::Known,
                "definite" => HeadRule::Definite,
                "suffixed" => HeadRule::Suffixed,
                other => {
                    return Err(Error::Lexicon {
                        file: f.into(),
                        line: row.line,
                        message: format!("unknown rule {other:?}"),
                    })
                }
            };
            let class = class_of(f, &row, &r[1])?;
            lx.heads.insert(
                fold_str(&r[0]),
                Head {
                    class,
                    keep: r[2] == "yes",
                    rule,
                },
            );
        }
        let f = "titles.tsv";
        let mut titles = Vec::new();
        for row in parse_rows(f, &read(f)?, 4)? {
            let yes_no = |i: usize, what: &str| match row.fields[i].as_str() {
                "yes" => Ok(true),
                "no" => Ok(false),
                o => Err(bad(f, row.line, format!("{what} is yes or no, not {o:?}"))),
            };
            let role = match row.fields[1].as_str() {
                "spokesperson" => Role::Spokesperson,
                "commander" => Role::Commander,
                "official" => Role::Official,
                "head" => Role::Head,
                "none" => Role::None,
                r => return Err(bad(f, row.line, format!("unknown role {r:?}"))),
            };
            let office = yes_no(2, "office")?;
            let state = yes_no(3, "state")?;
            titles.push((
                words(&row.fields[0]),
                Title {
                    role,
                    office,
                    state,
                },
            ));
        }
        lx.titles = longest_first(titles);
        let f = "speech-verbs.tsv";
        for row in parse_rows(f, &read(f)?, 2)? {
            let kind = match row.fields[1].as_str() {
                "continue" => SpeechKind::Continue,
                "participle" => SpeechKind::Participle,
                "according" => SpeechKind::According,
                "relay" => SpeechKind::Relay,
                "say" => SpeechKind::Say,
                "statement" => SpeechKind::Statement,
                k => {
                    return Err(Error::Lexicon {
                        file: f.into(),
                        line: row.line,
                        message: format!("unknown kind {k:?}"),
                    })
                }
            };
            lx.speech_verbs.insert(fold_str(&row.fields[0]), kind);
        }
        let f = "common-words.tsv";
        for row in parse_rows(f, &read(f)?, 2)? {
            let z: f32 = row.fields[1].parse().map_err(|_| Error::Lexicon {
                file: f.into(),
                line: row.line,
                message: "zipf is not a number".into(),
            })?;
            lx.common_words.insert(fold_str(&row.fields[0]), z);
        }
        for (f, set) in [
            ("stopwords.tsv", &mut lx.stopwords),
            ("given-names.tsv", &mut lx.given_names),
        ] {
            for row in parse_rows(f, &read(f)?, 2)? {
                set.insert(fold_str(&row.fields[0]));
            }
        }
        let f = "months.tsv";
        let mut months = Vec::new();
        for row in parse_rows(f, &read(f)?, 3)? {
            let m: u32 = row.fields[1].parse().map_err(|_| Error::Lexicon {
                file: f.into(),
                line: row.line,
                message: "month is not a number".into(),
            })?;
            if !(1..=12).contains(&m) {
                return Err(bad(f, row.line, format!("no month {m}")));
            }
            let system = match row.fields[2].as_str() {
                "gregorian" => MonthSystem::Gregorian,
                "levant" => MonthSystem::Levant,
                s => return Err(bad(f, row.line, format!("unknown system {s:?}"))),
            };
            months.push((words(&row.fields[0]), m));
            lx.month_names.push(MonthName {
                name: row.fields[0].trim().to_string(),
                month: m,
                system,
            });
        }
        lx.months = longest_first(months);
        let f = "weekdays.tsv";
        for row in parse_rows(f, &read(f)?, 2)? {
            let d: u32 = row.fields[1].parse().map_err(|_| Error::Lexicon {
                file: f.into(),
                line: row.line,
                message: "weekday is not a number".into(),
            })?;
            lx.weekdays.insert(fold_str(&row.fields[0]), d);
        }
        let f = "anaphors.tsv";
        for row in parse_rows(f, &read(f)?, 3)? {
            let class = row.fields[1]
                .split('|')
                .map(|c| class_of(f, &row, c))
                .collect::<Result<Vec<Class>, _>>()?;
            let prefix: Vec<String> = row.fields[2]
                .split('|')
                .filter(|p| !p.is_empty())
                .map(fold_str)
                .collect();
            lx.anaphors
                .insert(fold_str(&row.fields[0]), (class, prefix));
        }
        let f = "equivalence.tsv";
        let mut equivalence = Vec::new();
        for row in parse_rows(f, &read(f)?, 1)? {
            let mut w = words(&row.fields[0]);
            // «المعروف بـ»: the other name follows through «ب»
            let clitic = w.len() > 1 && w.last() == Some(&affixes().bi);
            if clitic {
                w.pop();
            }
            equivalence.push((w, Equivalence { clitic }));
        }
        lx.equivalence = longest_first(equivalence);
        let f = "demonyms.tsv";
        for row in parse_rows(f, &read(f)?, 2)? {
            let c = (!row.fields[1].is_empty()).then(|| row.fields[1].clone());
            // masculine and feminine, definite and not: الأمريكي، الأمريكية، أمريكي، أمريكية
            let w = fold_str(&row.fields[0]);
            let bare = affixes().bare(&w, 0).unwrap_or(&w).to_string();
            let fem = &affixes().feminine;
            // the sound plural and dual (أوغنديين، الصوماليون، صوماليان) apart: after a counted
            // noun they are adjectives, elsewhere nouns («الجيش والحوثيين»)
            for p in &affixes().sound_plurals {
                for form in [format!("{w}{p}"), format!("{bare}{p}")] {
                    lx.demonym_plurals.insert(form, c.clone());
                }
            }
            // (and the feminine dual, an adjective only: «غارتين إسرائيليتين»: the construct
            // «ت» and the dual's ending)
            let t = &affixes().construct;
            let duals: Vec<String> = affixes()
                .sound_plurals
                .iter()
                .flat_map(|d| [format!("{w}{t}{d}"), format!("{bare}{t}{d}")])
                .collect();
            for form in [format!("{w}{fem}"), format!("{bare}{fem}"), bare, w]
                .into_iter()
                .chain(duals)
            {
                lx.demonyms.insert(form, c.clone());
            }
        }
        let f = "function-words.tsv";
        for row in parse_rows(f, &read(f)?, 2)? {
            for role in row.fields[1].split('|').filter(|r| !r.is_empty()) {
                let r = Fw::from_name(role)
                    .ok_or_else(|| bad(f, row.line, format!("unknown role {role:?}")))?;
                lx.function_words[r as usize].insert(fold_str(&row.fields[0]));
            }
        }
        let f = "numbers.tsv";
        for row in parse_rows(f, &read(f)?, 3)? {
            let v: f64 = row.fields[1]
                .parse()
                .map_err(|_| bad(f, row.line, "value is not a number".into()))?;
            let kind = match row.fields[2].as_str() {
                "one" => NumKind::One,
                "unit" => NumKind::Unit,
                "teen" => NumKind::Teen,
                "ten" => NumKind::Ten,
                "hundred" => NumKind::Hundred,
                "thousand" => NumKind::Thousand,
                "million" => NumKind::Million,
                "vague" => NumKind::Vague,
                k => return Err(bad(f, row.line, format!("unknown kind {k:?}"))),
            };
            lx.numbers.insert(fold_str(&row.fields[0]), (v, kind));
        }
        let f = "qualifiers.tsv";
        let mut qualifiers = Vec::new();
        for row in parse_rows(f, &read(f)?, 3)? {
            let q = Qualifier::from_name(&row.fields[1])
                .ok_or_else(|| bad(f, row.line, "unknown qualifier".into()))?;
            let pos = match row.fields[2].as_str() {
                "before" => QualPosition::Before,
                "after" => QualPosition::After,
                "range" => QualPosition::Range,
                p => return Err(bad(f, row.line, format!("unknown position {p:?}"))),
            };
            qualifiers.push((
                words(&row.fields[0]),
                QualifierPhrase {
                    qualifier: q,
                    position: pos,
                },
            ));
        }
        lx.qualifiers = longest_first(qualifiers);
        let f = "measures.tsv";
        let mut measures = Vec::new();
        for row in parse_rows(f, &read(f)?, 3)? {
            let m = Measure::from_name(&row.fields[1])
                .ok_or_else(|| bad(f, row.line, "unknown measure".into()))?;
            let kind = match row.fields[2].as_str() {
                "event" => TriggerKind::Event,
                "held" => TriggerKind::Held,
                "contain" => TriggerKind::Contain,
                "noun" => TriggerKind::Noun,
                "generic" => TriggerKind::Generic,
                k => return Err(bad(f, row.line, format!("unknown kind {k:?}"))),
            };
            measures.push((words(&row.fields[0]), MeasureWord { measure: m, kind }));
        }
        lx.measures = longest_first(measures);
        let f = "units.tsv";
        for row in parse_rows(f, &read(f)?, 4)? {
            let u = Unit::from_name(&row.fields[1])
                .ok_or_else(|| bad(f, row.line, "unknown unit".into()))?;
            let count: u32 = row.fields[2]
                .parse()
                .map_err(|_| bad(f, row.line, "count is not a number".into()))?;
            let factor: f64 = row.fields[3]
                .parse()
                .map_err(|_| bad(f, row.line, "factor is not a number".into()))?;
            lx.units
                .insert(fold_str(&row.fields[0]), (u, count, factor));
        }
        let f = "events.tsv";
        for row in parse_rows(f, &read(f)?, 2)? {
            let c = EventClass::from_name(&row.fields[1])
                .ok_or_else(|| bad(f, row.line, "unknown event class".into()))?;
            lx.events.push(words(&row.fields[0]), c);
        }
        let f = "relations.tsv";
        let mut relations = Vec::new();
        for row in parse_rows(f, &read(f)?, 4)? {
            let r = Relation::from_name(&row.fields[1])
                .ok_or_else(|| bad(f, row.line, "unknown relation".into()))?;
            let ab = match row.fields[2].as_str() {
                "ab" => true,
                "ba" => false,
                d => return Err(bad(f, row.line, format!("unknown direction {d:?}"))),
            };
            let gap: usize = row.fields[3]
                .parse()
                .map_err(|_| bad(f, row.line, "gap is not a number".into()))?;
            relations.push((
                words(&row.fields[0]),
                RelationPhrase {
                    relation: r,
                    subject_before: ab,
                    gap,
                },
            ));
        }
        lx.relations = longest_first(relations);
        let f = "duals.tsv";
        for row in parse_rows(f, &read(f)?, 1)? {
            lx.duals.insert(fold_str(&row.fields[0]));
        }
        let f = "members.tsv";
        for row in parse_rows(f, &read(f)?, 1)? {
            lx.members.insert(fold_str(&row.fields[0]));
        }
        let f = "name-parts.tsv";
        for row in parse_rows(f, &read(f)?, 2)? {
            let w = fold_str(&row.fields[0]);
            match row.fields[1].as_str() {
                "prefix" => lx.name_prefixes.insert(w),
                // a title of respect before a person's name in a place's name: a prefix that
                // may take the person's two names («مستشفى الشهيد ثابت ثابت»)
                "honorific" => {
                    lx.honorifics.insert(w.clone());
                    lx.name_prefixes.insert(w)
                }
                "suffix" => lx.name_suffixes.insert(w),
                other => {
                    return Err(Error::Lexicon {
                        file: f.into(),
                        line: row.line,
                        message: format!("unknown kind {other:?}"),
                    })
                }
            };
        }
        let f = "actor-relations.tsv";
        for row in parse_rows(f, &read(f)?, 4)? {
            let r = &row.fields;
            let id = |k: &str| gazetteer_id(&lx, f, row.line, k);
            let rel = Relation::from_name(&r[1]).ok_or_else(|| Error::Lexicon {
                file: f.into(),
                line: row.line,
                message: format!("unknown relation {:?}", r[1]),
            })?;
            lx.actor_relations.push((id(&r[0])?, rel, id(&r[2])?));
        }
        let f = "eras.tsv";
        for row in parse_rows(f, &read(f)?, 4)? {
            let r = &row.fields;
            let id = |k: &str| gazetteer_id(&lx, f, row.line, k);
            let since = chrono::NaiveDate::parse_from_str(&r[2], "%Y-%m-%d").map_err(|_| {
                bad(
                    f,
                    row.line,
                    format!("since is a date (YYYY-MM-DD), not {:?}", r[2]),
                )
            })?;
            if r[3].trim().is_empty() {
                return Err(bad(f, row.line, "no source".into()));
            }
            lx.eras.push((id(&r[0])?, id(&r[1])?, since));
        }
        let f = "generics.tsv";
        let mut generics = Vec::new();
        for (index, row) in parse_rows(f, &read(f)?, 3)?.into_iter().enumerate() {
            let class = class_of(f, &row, &row.fields[1])?;
            let prefixes: Vec<Vec<String>> = row.fields[2]
                .split('|')
                .map(words)
                .filter(|w| !w.is_empty())
                .collect();
            if prefixes.is_empty() {
                return Err(bad(f, row.line, "no name prefix".into()));
            }
            generics.push((
                words(&row.fields[0]),
                Generic {
                    index,
                    class,
                    prefixes,
                },
            ));
        }
        lx.generic_bodies = generic_bodies(&lx, &body_names, generics.iter().map(|(_, g)| g));
        lx.generics = longest_first(generics);
        lx.digest = crate::text::hex(&hasher.into_inner().finalize());
        lx.index_first_words();
        Ok(lx)
    }

    /// One index of the first words of every phrase set, a bit per set, consulted once per
    /// distinct word of an article (`Lexicon::analyze`).
    fn index_first_words(&mut self) {
        let mut index = HashMap::default();
        self.names.index_first_words(1 << 0, &mut index);
        self.titles.index_first_words(1 << 1, &mut index);
        self.months.index_first_words(1 << 2, &mut index);
        self.equivalence.index_first_words(1 << 3, &mut index);
        self.qualifiers.index_first_words(1 << 4, &mut index);
        let (measures, events) = (1 << 5, 1 << 6);
        self.measures.index_first_words(measures, &mut index);
        self.events.index_first_words(events, &mut index);
        self.relations.index_first_words(1 << 7, &mut index);
        // the words a two-letter stem after a proclitic may be: measure and event words, and
        // head nouns («بحي»، «بشن»، «وفر»)
        let short = crate::text::SHORT_STEM_BIT;
        for bits in index.values_mut() {
            if *bits & (measures | events) != 0 {
                *bits |= short;
            }
        }
        for h in self.heads.keys() {
            *index.entry(h.clone()).or_default() |= short;
        }
        self.first_words = index;
    }

    /// Analyses an article for this lexicon: sentences, tokens, each distinct word's readings
    /// through the proclitics, and which phrase sets each reading may start.
    pub fn analyze(&self, doc: &crate::text::Document) -> crate::text::Text {
        crate::text::analyze_indexed(doc, &self.proclitics, Some(&self.first_words))
    }

    /// The readings of a word that is not a token of an analysed text (a query, a phrase's
    /// word): `Text::readings` has those of tokens, computed once.
    pub fn variants(&self, word: &str) -> Vec<Reading> {
        crate::text::readings(word, &self.proclitics)
            .into_iter()
            .filter(|r| crate::text::keeps_short_stem(r, Some(&self.first_words)))
            .collect()
    }

    /// The gazetteer places entry `gi` lies in, by its `within` chain, nearest first.
    pub fn within_chain(&self, gi: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![gi];
        while let Some(x) = stack.pop() {
            for id in &self.gazetteer[x].within {
                if let Some(&y) = self.by_id.get(id) {
                    if !out.contains(&y) {
                        out.push(y);
                        stack.push(y);
                    }
                }
            }
        }
        out
    }

    /// Whether a normalized word may be part of a name by itself: not a function word.
    pub fn is_stop(&self, w: &str) -> bool {
        self.stopwords.contains(w) || w.chars().all(|c| c.is_ascii_digit())
    }

    /// A frequent Arabic word.
    pub fn is_common(&self, w: &str) -> bool {
        self.common_words.contains_key(w)
    }

    /// Whether a normalized word has a role in `function-words.tsv`.
    pub fn is(&self, role: Fw, w: &str) -> bool {
        self.function_words[role as usize].contains(w)
    }

    /// Whether token `i` is a speech verb (`speech-verbs.tsv`), with at most one proclitic
    /// («وقال»، «فأضاف»).
    pub fn speech_verb_at(&self, text: &crate::text::Text, i: usize) -> bool {
        text.readings(i)
            .iter()
            .any(|r| r.skip <= 1 && self.speech_verbs.contains_key(r.word.as_str()))
    }

    /// Whether token `i` has `role`, through at most one proclitic and the article («من
    /// العسكريين»، «الجنود»، «وجنود»).
    pub fn role_at(&self, text: &crate::text::Text, i: usize, role: Fw) -> bool {
        let article = crate::text::affixes().article.as_str();
        i < text.tokens.len()
            && text.readings(i).iter().any(|r| {
                r.skip <= 1
                    && (self.is(role, &r.word)
                        || r.word
                            .strip_prefix(article)
                            .is_some_and(|bare| self.is(role, bare)))
            })
    }

    /// The class of a reference: a gazetteer entry's, or the one its pattern gave.
    pub fn class_of(&self, e: &EntityRef) -> Class {
        match e {
            EntityRef::Known(i) => self.gazetteer[*i].class,
            EntityRef::New { class, .. } => *class,
        }
    }

    /// Zipf frequency of a normalized word (0 when rare).
    pub fn zipf(&self, w: &str) -> f32 {
        self.common_words.get(w).copied().unwrap_or(0.0)
    }
}
