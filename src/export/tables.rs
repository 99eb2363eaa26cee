//! Research tables: `facts.csv` (one row per statement, with its provenance), `quantities.csv`
//! (every figure, none merged) and `events.csv` (ACLED's column names).

use std::io::Write;

use super::rows;
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

fn table<W: Write>(g: &KnowledgeGraph, query: &str, header: &[&str], w: W) -> Result<W> {
    let mut c = csv::Writer::from_writer(w);
    let err = |e: csv::Error| Error::Export(e.to_string());
    c.write_record(header).map_err(err)?;
    for r in rows(g, query)? {
        c.write_record(r).map_err(err)?;
    }
    c.into_inner().map_err(|e| Error::Export(e.to_string()))
}

/// The article-level columns every table shares: the required part comes before any OPTIONAL
/// (Oxigraph joins a required pattern written after an OPTIONAL or a BIND by nested loops: minutes at 1,000
/// articles instead of a second).
const ARTICLE_REQ: &str = "?d ath:sourceFile ?article .";
const ARTICLE: &str = "OPTIONAL { ?d ath:publishedOn ?published }
    OPTIONAL { ?d ath:publisher/rdfs:label ?publisher }";

/// One row per statement: mentions, figures, events and relations, with the article, sentence
/// and characters they come from (`text` is exactly the characters between `start` and `end`;
/// relations carry their article only). Labels are columns (`subject_label_ar`, …), never extra
/// rows.
pub fn write_facts<W: Write>(g: &KnowledgeGraph, w: W) -> Result<W> {
    let q = format!(
        "SELECT ?subject ?predicate ?object ?text ?start ?end ?sentence ?article ?published ?publisher ?reported_by WHERE {{
  {{ ?m a ath:Mention ; ath:refersTo ?subject ; ath:mentionedIn ?d ; ath:start ?start ; ath:end ?end ; ath:anchorText ?text .
     {ARTICLE_REQ} BIND(ath:mentionedIn AS ?predicate) BIND(?d AS ?object) }}
  UNION
  {{ ?subject a ath:Quantity ; ath:measures ?object ; ath:mentionedIn ?d ; ath:start ?start ; ath:end ?end ; ath:evidence ?sentence .
     ?d ath:text ?t . {ARTICLE_REQ} BIND(ath:measures AS ?predicate) BIND(SUBSTR(?t, ?start + 1, ?end - ?start) AS ?text)
     OPTIONAL {{ ?subject ath:reportedBy/rdfs:label ?reported_by FILTER(LANG(?reported_by) = 'ar') }} }}
  UNION
  {{ ?subject a ?object ; ath:mentionedIn ?d ; ath:start ?start ; ath:end ?end ; ath:evidence ?sentence . ?object rdfs:subClassOf ath:Event .
     ?d ath:text ?t . {ARTICLE_REQ} BIND(<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> AS ?predicate) BIND(SUBSTR(?t, ?start + 1, ?end - ?start) AS ?text)
     OPTIONAL {{ ?subject ath:reportedBy/rdfs:label ?reported_by FILTER(LANG(?reported_by) = 'ar') }} }}
  UNION
  {{ VALUES ?predicate {{ ath:locatedIn ath:controls ath:supports ath:partOf ath:affiliatedWith ath:spokespersonOf ath:commanderOf ath:officialOf ath:headOf }}
     GRAPH ?d {{ ?subject ?predicate ?object }} ?d a ath:Article . {ARTICLE_REQ} }}
  {ARTICLE}
}} ORDER BY ?article ?start ?end ?subject ?predicate ?object ?text ?sentence ?published ?publisher ?reported_by"
    );
    let labels = Labels::load(g)?;
    let mut c = csv::Writer::from_writer(w);
    let err = |e: csv::Error| Error::Export(e.to_string());
    c.write_record([
        "subject",
        "subject_label_ar",
        "subject_label_en",
        "predicate",
        "object",
        "object_label_ar",
        "object_label_en",
        "text",
        "start",
        "end",
        "sentence",
        "article",
        "published",
        "publisher",
        "reported_by",
    ])
    .map_err(err)?;
    for r in rows(g, &q)? {
        let (s_ar, s_en) = labels.of(&r[0]);
        let (o_ar, o_en) = labels.of(&r[2]);
        c.write_record([
            r[0].as_str(),
            s_ar,
            s_en,
            &r[1],
            &r[2],
            o_ar,
            o_en,
            &r[3],
            &r[4],
            &r[5],
            &r[6],
            &r[7],
            &r[8],
            &r[9],
            &r[10],
        ])
        .map_err(err)?;
    }
    c.into_inner().map_err(|e| Error::Export(e.to_string()))
}

/// One Arabic and one English label per IRI (entities, classes, measures): the Arabic
/// `rdfs:label`, and the English `rdfs:label` or else the first English `skos:altLabel`.
struct Labels(std::collections::HashMap<String, (String, String)>);

impl Labels {
    fn load(g: &KnowledgeGraph) -> Result<Self> {
        let mut map: std::collections::HashMap<String, (String, String)> = Default::default();
        for r in rows(
            g,
            "SELECT ?x (MIN(?ar) AS ?l_ar) (COALESCE(MIN(?en), MIN(?alt)) AS ?l_en) WHERE {
               { ?x rdfs:label ?ar FILTER(LANG(?ar) = 'ar') }
               UNION { ?x rdfs:label ?en FILTER(LANG(?en) = 'en') }
               UNION { ?x skos:altLabel ?alt FILTER(LANG(?alt) = 'en') }
             } GROUP BY ?x",
        )? {
            map.insert(r[0].clone(), (r[1].clone(), r[2].clone()));
        }
        Ok(Labels(map))
    }

    fn of(&self, iri: &str) -> (&str, &str) {
        self.0
            .get(iri)
            .map(|(a, e)| (a.as_str(), e.as_str()))
            .unwrap_or(("", ""))
    }
}

/// Every figure, kept apart: what it counts, its bounds, whose members, about what, who said
/// it, where.
pub fn write_quantities<W: Write>(g: &KnowledgeGraph, w: W) -> Result<W> {
    let q = format!(
        "SELECT ?quantity ?measure ?value ?min ?max ?qualifier ?unit ?group ?about ?reported_by ?text ?start ?end ?evidence ?article ?published ?publisher ?running_total WHERE {{
  ?quantity a ath:Quantity ; ath:measures ?m ; ath:qualifier ?ql ; ath:mentionedIn ?d ; ath:start ?start ; ath:end ?end ; ath:evidence ?evidence .
  {ARTICLE_REQ} ?d ath:text ?t
  BIND(STRAFTER(STR(?m), '#') AS ?measure) BIND(STRAFTER(STR(?ql), '#') AS ?qualifier)
  BIND(SUBSTR(?t, ?start + 1, ?end - ?start) AS ?text)
  OPTIONAL {{ ?quantity ath:value ?value }} OPTIONAL {{ ?quantity ath:minValue ?min }} OPTIONAL {{ ?quantity ath:maxValue ?max }}
  OPTIONAL {{ ?quantity ath:unit ?u BIND(STRAFTER(STR(?u), '#') AS ?unit) }}
  OPTIONAL {{ ?quantity ath:ofGroup/rdfs:label ?group }} OPTIONAL {{ ?quantity ath:about/rdfs:label ?about }}
  OPTIONAL {{ ?quantity ath:reportedBy/rdfs:label ?reported_by }}
  OPTIONAL {{ ?quantity ath:runningTotal ?running_total }}
  {ARTICLE}
}} ORDER BY ?article ?start ?end ?quantity ?measure ?value ?min ?max ?qualifier ?unit ?group ?about ?reported_by ?text ?evidence ?published ?publisher"
    );
    table(
        g,
        &q,
        &[
            "quantity",
            "measure",
            "value",
            "min",
            "max",
            "qualifier",
            "unit",
            "group",
            "about",
            "reported_by",
            "text",
            "start",
            "end",
            "evidence",
            "article",
            "published",
            "publisher",
            "running_total",
        ],
        w,
    )
}

/// The claims ledger (competency question 11): every figure about each incident, by measure,
/// source («unattributed» when the article names none), article and report date, with the
/// incident's IRI.
pub fn write_incidents<W: Write>(g: &KnowledgeGraph, w: W) -> Result<W> {
    let ledger = include_str!("../../queries/cq11-incident-ledger.rq");
    // the competency question, with the incident's IRI and days
    let q = ledger
        .replace(
            "SELECT DISTINCT ?incident ",
            "SELECT DISTINCT ?i ?incident ?start ?end ?reports ",
        )
        .replace(
            "?i a ath:Incident ; rdfs:label ?incident ; ath:place ?p .",
            "?i a ath:Incident ; rdfs:label ?incident ; ath:place ?p ; ath:reportCount ?reports .\n  OPTIONAL { ?i ath:startDate ?start } OPTIONAL { ?i ath:endDate ?end }",
        )
        .replace(
            "} ORDER BY ?incident ",
            "} ORDER BY ?i ?incident ",
        );
    table(
        g,
        &q,
        &[
            "incident",
            "incident_label",
            "start_date",
            "end_date",
            "reports",
            "measure",
            "value",
            "min",
            "max",
            "qualifier",
            "source",
            "article",
            "report_date",
        ],
        w,
    )
}

/// ACLED's event type and sub-event type for an event class.
pub fn acled_type(class: &str) -> (&'static str, &'static str) {
    match class {
        "Attack" | "Clash" => ("Battles", "Armed clash"),
        "Airstrike" => ("Explosions/Remote violence", "Air/drone strike"),
        "HostageTaking" => (
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        "Riot" => ("Riots", "Mob violence"),
        "Arrest" => ("Strategic developments", "Arrests"),
        "Agreement" => ("Strategic developments", "Agreement"),
        "Withdrawal" => (
            "Strategic developments",
            "Non-violent transfer of territory",
        ),
        _ => ("Strategic developments", "Other"),
    }
}

/// The deaths each event's row counts (never a running total). Of the killed figures an article
/// gives about one place,
/// the most conservative toll counts (ACLED's rule; a part of a toll only where the article
/// gives no toll); it belongs to one event only, the violent event
/// of that article nearest to it in the text whose target or place it is, so the column sums to
/// the distinct figures it uses (a toll copied onto every event at a prison would count the same
/// dead several times). An event that two figures (about two places) fall to keeps the larger.
fn fatalities(
    g: &KnowledgeGraph,
    events: &[Vec<String>],
    roles: &std::collections::BTreeMap<(String, String), Vec<Vec<String>>>,
) -> Result<std::collections::BTreeMap<String, i64>> {
    use std::collections::BTreeMap;
    // (article, about) → (a part, the most conservative value, the start of its first figure):
    // a toll counts before a part of it («… بينهم 12 من عناصر الشرطة» counts some of the dead)
    let mut least: BTreeMap<(String, String), (bool, f64, i64)> = BTreeMap::new();
    for k in rows(
        g,
        "SELECT ?d ?about ?k ?s ?part WHERE {
           ?q ath:measures ath:Killed ; ath:mentionedIn ?d ; ath:about ?about ; ath:start ?s .
           OPTIONAL { ?q ath:value ?v } OPTIONAL { ?q ath:minValue ?n } BIND(COALESCE(?v, ?n) AS ?k)
           BIND(EXISTS { ?q ath:ofGroup ?group } AS ?part)
           FILTER(BOUND(?k) && NOT EXISTS { ?q ath:runningTotal true }) }
         ORDER BY ?d ?about ?part ?k xsd:integer(?s)",
    )? {
        let (Ok(v), Ok(at)) = (k[2].parse::<f64>(), k[3].parse::<i64>()) else {
            continue;
        };
        let part = k[4] == "true";
        let e = least
            .entry((k[0].clone(), k[1].clone()))
            .or_insert((part, v, at));
        if (part, v, at) < *e {
            *e = (part, v, at);
        }
    }
    // where each event's word stands in its article
    let starts: BTreeMap<String, i64> = rows(
        g,
        "SELECT ?e ?s WHERE { ?e a ?c ; ath:start ?s . ?c rdfs:subClassOf ath:Event }",
    )?
    .into_iter()
    .filter_map(|r| Some((r[0].clone(), r[1].parse().ok()?)))
    .collect();
    let start = |iri: &str| starts.get(iri).copied().unwrap_or(0);
    let empty = Vec::new();
    let mut out: BTreeMap<String, i64> = BTreeMap::new();
    for ((article, about), (_, value, at)) in &least {
        let nearest = events
            .iter()
            .filter(|e| {
                &e[7] == article
                    && crate::vocab::EventClass::from_name(&e[1]).is_some_and(|c| c.is_violent())
                    && ["place", "target"].iter().any(|r| {
                        roles
                            .get(&(e[0].clone(), r.to_string()))
                            .unwrap_or(&empty)
                            .iter()
                            .any(|p| &p[4] == about)
                    })
            })
            .min_by_key(|e| ((start(&e[0]) - at).abs(), e[0].clone()));
        if let Some(e) = nearest {
            let n = out.entry(e[0].clone()).or_insert(0);
            *n = (*n).max(*value as i64);
        }
    }
    Ok(out)
}

/// Events with ACLED's column names (mapping: [`acled_type`]). `fatalities` follows ACLED: the
/// most conservative killed figure the same article gives about a place, on the one event it
/// belongs to ([`fatalities`]), 0 elsewhere; `quantities.csv` keeps every figure.
pub fn write_events<W: Write>(g: &KnowledgeGraph, w: W) -> Result<W> {
    use std::collections::BTreeMap;
    let events = rows(
        g,
        &format!(
            "SELECT ?e ?class ?date ?dt ?notes ?article ?publisher ?d ?inferred WHERE {{
               ?e a ?c ; ath:mentionedIn ?d ; ath:evidence ?notes . ?c rdfs:subClassOf ath:Event .
               {ARTICLE_REQ}
               BIND(STRAFTER(STR(?c), '#') AS ?class)
               OPTIONAL {{ ?e ath:date ?date BIND(STRAFTER(STR(DATATYPE(?date)), '#') AS ?dt) }}
               OPTIONAL {{ ?e ath:dateFromReport ?inferred }}
               {ARTICLE} }} ORDER BY ?article ?e ?class ?date ?dt ?notes ?publisher ?d ?inferred"
        ),
    )?;
    // (event, role) → [(label, class, lat, lon, iri, geo precision)]
    let mut roles: BTreeMap<(String, String), Vec<Vec<String>>> = BTreeMap::new();
    for r in rows(
        g,
        "SELECT ?e ?role ?label ?class ?lat ?lon ?x ?gp WHERE {
           VALUES ?r { ath:agent ath:target ath:participant ath:place } ?e ?r ?x . ?x rdfs:label ?label ; a ?c .
           FILTER(LANG(?label) = 'ar') BIND(STRAFTER(STR(?r), '#') AS ?role) BIND(STRAFTER(STR(?c), '#') AS ?class)
           OPTIONAL { ?x geo:lat ?lat ; geo:long ?lon } OPTIONAL { ?x ath:geoPrecision ?gp } } ORDER BY ?e ?role ?label",
    )? {
        roles.entry((r[0].clone(), r[1].clone())).or_default().push(r[2..].to_vec());
    }
    let fatalities_of = fatalities(g, &events, &roles)?;
    let governorate = rows(
        g,
        "SELECT ?x ?gov WHERE { { ?x ath:locatedIn+ ?g . ?g a ath:Governorate ; rdfs:label ?gov
           FILTER(LANG(?gov) = 'ar') } UNION { ?x ath:admin1 ?gov } } ORDER BY ?x ?gov",
    )?;
    // sides allied by what the graph states (a body and its parent, a backer and the backed):
    // in a clash, not the opposing actor
    let allied: std::collections::BTreeSet<(String, String)> = rows(
        g,
        "SELECT ?a ?b WHERE { VALUES ?r { ath:partOf ath:supports ath:affiliatedWith } ?a ?r ?b }
         ORDER BY ?a ?b",
    )?
    .into_iter()
    .flat_map(|r| [(r[0].clone(), r[1].clone()), (r[1].clone(), r[0].clone())])
    .collect();
    let mut c = csv::Writer::from_writer(w);
    let err = |e: csv::Error| Error::Export(e.to_string());
    c.write_record([
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
        "event",
        "article",
    ])
    .map_err(err)?;
    let empty = Vec::new();
    for e in events {
        let role = |r: &str| roles.get(&(e[0].clone(), r.to_string())).unwrap_or(&empty);
        let (event_type, sub) = acled_type(&e[1]);
        let agents = role("agent");
        // the sides as their rows (label, class, …, IRI at 4)
        let first = agents.first();
        let target = role("target").iter().find(|t| {
            !matches!(
                t[1].as_str(),
                "City"
                    | "Neighborhood"
                    | "Governorate"
                    | "Region"
                    | "Country"
                    | "Prison"
                    | "Camp"
                    | "Facility"
                    | "Place"
            )
        });
        // (a clash, or an attack, with no target: its second side is the first agent not allied
        // with the first one — «اشتباكات بين داعش وقسد ووحدات حماية المرأة»: ISIS against the SDF)
        let second = target.or_else(|| {
            let f = first?;
            matches!(e[1].as_str(), "Clash" | "Attack")
                .then(|| {
                    agents
                        .iter()
                        .skip(1)
                        .find(|a| a[4] != f[4] && !allied.contains(&(f[4].clone(), a[4].clone())))
                })
                .flatten()
        });
        let label = |r: Option<&Vec<String>>| r.map(|r| r[0].clone()).unwrap_or_default();
        let (actor1, actor2) = (label(first), label(second));
        // the other agents and the sides involved, each once, not actor1 or actor2 again (the
        // sides of a clash are its agents and its participants both); an ally of actor2 and not
        // of actor1 goes with actor2 (ACLED's assoc_actor_2)
        let allied_with = |side: Option<&Vec<String>>, a: &Vec<String>| {
            side.is_some_and(|s| allied.contains(&(s[4].clone(), a[4].clone())))
        };
        let mut assoc: Vec<String> = Vec::new();
        let mut assoc2: Vec<String> = Vec::new();
        for a in agents.iter().skip(1).chain(role("participant").iter()) {
            if a[0] == actor1 || a[0] == actor2 || assoc.contains(&a[0]) || assoc2.contains(&a[0]) {
                continue;
            }
            if allied_with(second, a) && !allied_with(first, a) {
                assoc2.push(a[0].clone());
            } else {
                assoc.push(a[0].clone());
            }
        }
        // where: the most precise place with coordinates; precision as the gazetteer states it
        let precision = |p: &Vec<String>| -> u8 {
            p[5].parse().unwrap_or(match p[1].as_str() {
                "City" | "Neighborhood" | "Prison" | "Camp" | "Facility" => 1,
                "Country" => 3,
                _ => 2,
            })
        };
        // the most specific place (a prison before its town), then the most precise point; of
        // places alike, what was attacked before a place the sentence only names
        let specific = |p: &Vec<String>| {
            crate::vocab::Class::from_name(&p[1])
                .and_then(|c| c.place_precision())
                .unwrap_or(4)
        };
        let place = role("target")
            .iter()
            .chain(role("place").iter())
            .filter(|p| !p[2].is_empty())
            .min_by_key(|p| (specific(p), precision(p)));
        let (location, lat, lon, geo) = place
            .map(|p| {
                (
                    p[0].clone(),
                    p[2].clone(),
                    p[3].clone(),
                    precision(p).to_string(),
                )
            })
            .unwrap_or_default();
        let admin1 = place
            .and_then(|p| {
                governorate
                    .iter()
                    .find(|g| g[0] == p[4])
                    .map(|g| g[1].clone())
            })
            .unwrap_or_default();
        let fatalities = fatalities_of.get(&e[0]).copied().unwrap_or(0);
        let time_precision = match e[3].as_str() {
            // the day the report tells of, not one the sentence gives
            "date" if e[8] == "true" => "2",
            "date" => "1",
            "gYearMonth" => "2",
            "gYear" => "3",
            _ => "",
        };
        let id = format!("ATH{}", &crate::export::network::node_id(&e[0])[1..11]);
        let source = if e[6].is_empty() {
            e[5].clone()
        } else {
            e[6].clone()
        };
        c.write_record([
            id.as_str(),
            &e[2],
            time_precision,
            event_type,
            sub,
            &actor1,
            &assoc.join("; "),
            &actor2,
            &assoc2.join("; "),
            &admin1,
            &location,
            &lat,
            &lon,
            &geo,
            &source,
            &e[4],
            &fatalities.to_string(),
            &e[0],
            &e[5],
        ])
        .map_err(err)?;
    }
    c.into_inner().map_err(|e| Error::Export(e.to_string()))
}
