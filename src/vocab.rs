//! Every IRI athar writes, declared once. Mirrors `ontology/athar.ttl`; a test checks that each
//! `ath:` term used here is defined there.

/// The ontology namespace.
pub const ATH: &str = "https://w3id.org/athar/ontology#";
/// Namespace of entity IRIs.
pub const ID: &str = "https://w3id.org/athar/id/";
/// Namespace of article IRIs (followed by the SHA-256 of the text).
pub const ARTICLE: &str = "https://w3id.org/athar/article/";
/// RDF, RDFS, SKOS, OWL, XSD and WGS84 terms used in the graph.
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// `rdfs:label`.
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
/// `skos:altLabel`.
pub const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
/// `owl:sameAs`.
pub const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
/// `geo:lat`.
pub const GEO_LAT: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
/// `geo:long`.
pub const GEO_LONG: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#long";
/// `prov:wasDerivedFrom`, for gazetteer facts.
pub const PROV_DERIVED: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";
/// Wikidata entity namespace.
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";
/// The named graph holding the ontology (`ontology/athar.ttl`).
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/athar/ontology";
/// The named graph holding facts known from the gazetteer rather than read in an article.
pub const GAZETTEER_GRAPH: &str = "https://w3id.org/athar/graph/gazetteer";
/// The named graph that marks a build in progress.
pub const PENDING_GRAPH: &str = "https://w3id.org/athar/graph/pending-build";
/// The prefixes RDF written for readers (TriG, Turtle, protocol answers) declares.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ath", ATH),
    ("id", ID),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
];

/// `PREFIXES` as SPARQL prefix declarations, one a line, for the queries athar runs.
pub fn sparql_prefixes() -> String {
    PREFIXES
        .iter()
        .map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n"))
        .collect()
}

/// `ath:` terms used by the pipeline (local names).
pub mod ath {
    /// Class `ath:Article`.
    pub const ARTICLE: &str = "Article";
    /// Class `ath:Mention`.
    pub const MENTION: &str = "Mention";
    /// `ath:mentionedIn`.
    pub const MENTIONED_IN: &str = "mentionedIn";
    /// `ath:refersTo`.
    pub const REFERS_TO: &str = "refersTo";
    /// `ath:start`.
    pub const START: &str = "start";
    /// `ath:end`.
    pub const END: &str = "end";
    /// `ath:anchorText`.
    pub const ANCHOR_TEXT: &str = "anchorText";
    /// `ath:mentionKind`.
    pub const MENTION_KIND: &str = "mentionKind";
    /// `ath:evidence`.
    pub const EVIDENCE: &str = "evidence";
    /// `ath:sourceFile`.
    pub const SOURCE_FILE: &str = "sourceFile";
    /// `ath:title`.
    pub const TITLE: &str = "title";
    /// `ath:publishedOn`.
    pub const PUBLISHED_ON: &str = "publishedOn";
    /// `ath:publishedOnText`.
    pub const PUBLISHED_ON_TEXT: &str = "publishedOnText";
    /// `ath:dateInferred`.
    pub const DATE_INFERRED: &str = "dateInferred";
    /// `ath:publisher`.
    pub const PUBLISHER: &str = "publisher";
    /// `ath:sha256`.
    pub const SHA256: &str = "sha256";
    /// `ath:text`.
    pub const TEXT: &str = "text";
    /// `ath:url`.
    pub const URL: &str = "url";
    /// `ath:outletName`.
    pub const OUTLET_NAME: &str = "outletName";
    /// `ath:externalId`.
    pub const EXTERNAL_ID: &str = "externalId";
    /// `ath:inputFormat`.
    pub const INPUT_FORMAT: &str = "inputFormat";
    /// `ath:locatedIn`.
    pub const LOCATED_IN: &str = "locatedIn";
    /// Class `ath:Quantity`.
    pub const QUANTITY: &str = "Quantity";
    /// `ath:measures`.
    pub const MEASURES: &str = "measures";
    /// `ath:value`.
    pub const VALUE: &str = "value";
    /// `ath:minValue`.
    pub const MIN_VALUE: &str = "minValue";
    /// `ath:maxValue`.
    pub const MAX_VALUE: &str = "maxValue";
    /// `ath:qualifier`.
    pub const QUALIFIER: &str = "qualifier";
    /// `ath:unit`.
    pub const UNIT: &str = "unit";
    /// `ath:ofGroup`.
    pub const OF_GROUP: &str = "ofGroup";
    /// `ath:about`.
    pub const ABOUT: &str = "about";
    /// `ath:reportedBy`.
    pub const REPORTED_BY: &str = "reportedBy";
    /// `ath:agent`.
    pub const AGENT: &str = "agent";
    /// `ath:target`.
    pub const TARGET: &str = "target";
    /// `ath:participant`.
    pub const PARTICIPANT: &str = "participant";
    /// `ath:place`.
    pub const PLACE: &str = "place";
    /// `ath:date`.
    pub const DATE: &str = "date";
    /// `ath:geoPrecision`: how precise a place's coordinates are (ACLED's `geo_precision`).
    pub const GEO_PRECISION: &str = "geoPrecision";
    /// `ath:admin1`: the first-level division a place lies in by the gazetteer (ACLED's
    /// `admin1`), as its Arabic name.
    pub const ADMIN1: &str = "admin1";
    /// `ath:dateFromReport`: the event's date is not in its sentence but the day the article
    /// tells of (the last day it gave before, else its publication day): ACLED's
    /// `time_precision` 2.
    pub const DATE_FROM_REPORT: &str = "dateFromReport";
    /// `ath:runningTotal`: the figure counts since a day long past («منذ مطلع العام»): a running
    /// total about an area, not the toll of one event.
    pub const RUNNING_TOTAL: &str = "runningTotal";
    /// `ath:Incident`: one real-world happening several articles report.
    pub const INCIDENT_CLASS: &str = "Incident";
    /// `ath:incident`: the incident an event reports.
    pub const INCIDENT: &str = "incident";
    /// `ath:startDate`.
    pub const START_DATE: &str = "startDate";
    /// `ath:endDate`.
    pub const END_DATE: &str = "endDate";
    /// `ath:reportCount`.
    pub const REPORT_COUNT: &str = "reportCount";
    /// Every `ath:` local name above, for the ontology test.
    pub const ALL: &[&str] = &[
        ARTICLE,
        MENTION,
        MENTIONED_IN,
        REFERS_TO,
        START,
        END,
        ANCHOR_TEXT,
        MENTION_KIND,
        EVIDENCE,
        SOURCE_FILE,
        TITLE,
        PUBLISHED_ON,
        PUBLISHED_ON_TEXT,
        DATE_INFERRED,
        PUBLISHER,
        SHA256,
        TEXT,
        URL,
        OUTLET_NAME,
        EXTERNAL_ID,
        INPUT_FORMAT,
        LOCATED_IN,
        QUANTITY,
        MEASURES,
        VALUE,
        MIN_VALUE,
        MAX_VALUE,
        QUALIFIER,
        UNIT,
        OF_GROUP,
        ABOUT,
        REPORTED_BY,
        AGENT,
        TARGET,
        PARTICIPANT,
        PLACE,
        DATE,
        GEO_PRECISION,
        ADMIN1,
        DATE_FROM_REPORT,
        RUNNING_TOTAL,
        INCIDENT_CLASS,
        INCIDENT,
        START_DATE,
        END_DATE,
        REPORT_COUNT,
    ];
}

/// `ath:` + local name.
pub fn ath(local: &str) -> String {
    format!("{ATH}{local}")
}

/// Entity classes of the contract, most specific first within each family.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Class {
    /// `ath:Person`
    Person,
    /// `ath:ArmedGroup`
    ArmedGroup,
    /// `ath:Government`
    Government,
    /// `ath:MediaOutlet`
    MediaOutlet,
    /// `ath:Organization`
    Organization,
    /// `ath:Country`
    Country,
    /// `ath:Region`
    Region,
    /// `ath:Governorate`
    Governorate,
    /// `ath:City`
    City,
    /// `ath:Neighborhood`
    Neighborhood,
    /// `ath:Prison`
    Prison,
    /// `ath:Camp`
    Camp,
    /// `ath:Facility`
    Facility,
    /// `ath:Place`
    Place,
}

/// The three families the contract groups classes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// People.
    Person,
    /// Organisations of every kind.
    Organization,
    /// Places of every kind.
    Place,
}

impl Class {
    /// Every class, in declaration order.
    pub const ALL: [Class; 14] = [
        Class::Person,
        Class::ArmedGroup,
        Class::Government,
        Class::MediaOutlet,
        Class::Organization,
        Class::Country,
        Class::Region,
        Class::Governorate,
        Class::City,
        Class::Neighborhood,
        Class::Prison,
        Class::Camp,
        Class::Facility,
        Class::Place,
    ];

    /// The local name in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            Class::Person => "Person",
            Class::ArmedGroup => "ArmedGroup",
            Class::Government => "Government",
            Class::MediaOutlet => "MediaOutlet",
            Class::Organization => "Organization",
            Class::Country => "Country",
            Class::Region => "Region",
            Class::Governorate => "Governorate",
            Class::City => "City",
            Class::Neighborhood => "Neighborhood",
            Class::Prison => "Prison",
            Class::Camp => "Camp",
            Class::Facility => "Facility",
            Class::Place => "Place",
        }
    }

    /// Parses a local name.
    pub fn from_name(s: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == s)
    }

    /// The family of the class.
    pub fn family(self) -> Family {
        match self {
            Class::Person => Family::Person,
            Class::ArmedGroup | Class::Government | Class::MediaOutlet | Class::Organization => {
                Family::Organization
            }
            _ => Family::Place,
        }
    }

    /// The full IRI.
    pub fn iri(self) -> String {
        ath(self.name())
    }
}

macro_rules! term_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $v:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* $v),*
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            /// The local name in the ontology.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$v => stringify!($v)),*
                }
            }

            /// Parses a local name.
            pub fn from_name(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|x| x.name() == s)
            }

            /// The full IRI.
            pub fn iri(self) -> String {
                ath(self.name())
            }
        }
    };
}

term_enum!(
    /// What a figure counts (`ath:measures`).
    Measure {
        /// `ath:Killed`
        Killed,
        /// `ath:Injured`
        Injured,
        /// `ath:Held`
        Held,
        /// `ath:Escaped`
        Escaped,
        /// `ath:Captured`
        Captured,
        /// `ath:Displaced`
        Displaced,
        /// `ath:Fighters`
        Fighters,
        /// `ath:Hostages`
        Hostages,
        /// `ath:Population`
        Population,
        /// `ath:Duration`
        Duration,
        /// `ath:Other`
        Other,
    }
);

impl Measure {
    /// What is done to people in an attack: killed, wounded, captured, taken hostage.
    pub fn is_casualty(self) -> bool {
        matches!(
            self,
            Measure::Killed | Measure::Injured | Measure::Captured | Measure::Hostages
        )
    }
}

term_enum!(
    /// How exact a figure is (`ath:qualifier`).
    Qualifier {
        /// `ath:Exact`
        Exact,
        /// `ath:Approximately`
        Approximately,
        /// `ath:AtLeast`
        AtLeast,
        /// `ath:MoreThan`
        MoreThan,
        /// `ath:AtMost`
        AtMost,
        /// `ath:Range`
        Range,
    }
);

term_enum!(
    /// The unit of a figure that does not count people (`ath:unit`).
    Unit {
        /// `ath:Family`
        Family,
        /// `ath:Day`
        Day,
        /// `ath:Month`
        Month,
        /// `ath:Year`
        Year,
        /// `ath:Hour`
        Hour,
        /// `ath:Minute`
        Minute,
        /// `ath:Kilometre`
        Kilometre,
        /// `ath:Vehicle`
        Vehicle,
    }
);

/// Relations between entities (contract, `ath:` object properties).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Relation {
    /// `ath:locatedIn`
    LocatedIn,
    /// `ath:controls`
    Controls,
    /// `ath:supports`
    Supports,
    /// `ath:partOf`
    PartOf,
    /// `ath:affiliatedWith`
    AffiliatedWith,
    /// `ath:spokespersonOf`
    SpokespersonOf,
    /// `ath:commanderOf`
    CommanderOf,
    /// `ath:officialOf`
    OfficialOf,
    /// `ath:headOf`
    HeadOf,
}

impl Relation {
    /// Every relation.
    pub const ALL: [Relation; 9] = [
        Relation::LocatedIn,
        Relation::Controls,
        Relation::Supports,
        Relation::PartOf,
        Relation::AffiliatedWith,
        Relation::SpokespersonOf,
        Relation::CommanderOf,
        Relation::OfficialOf,
        Relation::HeadOf,
    ];

    /// The local name in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            Relation::LocatedIn => "locatedIn",
            Relation::Controls => "controls",
            Relation::Supports => "supports",
            Relation::PartOf => "partOf",
            Relation::AffiliatedWith => "affiliatedWith",
            Relation::SpokespersonOf => "spokespersonOf",
            Relation::CommanderOf => "commanderOf",
            Relation::OfficialOf => "officialOf",
            Relation::HeadOf => "headOf",
        }
    }

    /// Parses a local name.
    pub fn from_name(s: &str) -> Option<Self> {
        Relation::ALL.into_iter().find(|r| r.name() == s)
    }

    /// The full IRI.
    pub fn iri(self) -> String {
        ath(self.name())
    }
}

term_enum!(
    /// Classes of events (subclasses of `ath:Event`).
    EventClass {
        /// `ath:Attack`
        Attack,
        /// `ath:Clash`
        Clash,
        /// `ath:Airstrike`
        Airstrike,
        /// `ath:PrisonBreak`
        PrisonBreak,
        /// `ath:Riot`
        Riot,
        /// `ath:Arrest`
        Arrest,
        /// `ath:HostageTaking`
        HostageTaking,
        /// `ath:Displacement`
        Displacement,
        /// `ath:Curfew`
        Curfew,
        /// `ath:Meeting`
        Meeting,
        /// `ath:PhoneCall`
        PhoneCall,
        /// `ath:Agreement`
        Agreement,
        /// `ath:Withdrawal`
        Withdrawal,
        /// `ath:ClaimOfResponsibility`
        ClaimOfResponsibility,
    }
);

impl Class {
    /// How precise a place is: lower is more precise (a site, a quarter, a town, a region or
    /// province); `None` for what is no place, or a country.
    pub fn place_precision(self) -> Option<u8> {
        match self {
            Class::Prison | Class::Camp | Class::Facility => Some(0),
            Class::Neighborhood => Some(1),
            Class::City => Some(2),
            Class::Region | Class::Governorate => Some(3),
            _ => None,
        }
    }
}

impl EventClass {
    /// Violence: what incidents are made of, and what takes the report's day when the text
    /// gives none.
    pub fn is_violent(self) -> bool {
        matches!(
            self,
            EventClass::Attack
                | EventClass::Clash
                | EventClass::Airstrike
                | EventClass::PrisonBreak
                | EventClass::Riot
                | EventClass::HostageTaking
        )
    }
}
