//! Facts → quads, as the ontology contract lays them out: entity descriptions in the default
//! graph; everything read from an article in the named graph of that article.

use std::collections::BTreeSet;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::model::{ArticleFacts, Resolution};
use crate::vocab::{self, ath, ath as a, Class};

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn int(n: usize) -> Term {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into()
}

fn ar(s: &str) -> Term {
    Literal::new_language_tagged_literal_unchecked(s, "ar").into()
}

fn en(s: &str) -> Term {
    Literal::new_language_tagged_literal_unchecked(s, "en").into()
}

fn string(s: &str) -> Term {
    Literal::new_simple_literal(s).into()
}

/// A figure: `xsd:integer` when whole, `xsd:decimal` otherwise.
fn number(x: f64) -> Term {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        Literal::new_typed_literal(format!("{}", x as i64), xsd::INTEGER).into()
    } else {
        Literal::new_typed_literal(format!("{x}"), xsd::DECIMAL).into()
    }
}

/// A coordinate to five places, in the canonical form the store keeps (no trailing zeros,
/// no point when whole): a quad written as «36.50000» would come back as «36.5», and each
/// build would find it changed.
fn decimal(x: f64) -> Term {
    Literal::new_typed_literal(canonical_decimal(x), xsd::DECIMAL).into()
}

fn canonical_decimal(x: f64) -> String {
    let s = format!("{x:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "-0" | "" => "0".to_string(),
        s => s.to_string(),
    }
}

/// IRIs of the places a gazetteer entity lies in, by the gazetteer.
fn lex_within(res: &Resolution, gi: usize) -> Vec<String> {
    res.within.get(&gi).cloned().unwrap_or_default()
}

/// The IRI of an event: its article's and where its first word stands.
fn event_iri(doc_iri: &str, ev: &crate::model::Event) -> NamedNode {
    iri(&format!("{doc_iri}/event/{}-{}", ev.start, ev.end))
}

/// The IRI of an article.
pub fn article_iri(sha256: &str) -> String {
    format!("{}{sha256}", vocab::ARTICLE)
}

struct Out {
    quads: Vec<Quad>,
}

impl Out {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: &str, o: impl Into<Term>, g: &GraphName) {
        self.quads.push(Quad::new(s, iri(p), o, g.clone()));
    }
}

/// Quads as N-Quads text, one statement a line, lines sorted and without repeats: the same
/// quads always give the same bytes (the interchange form of `athar write`).
pub fn write_nquads(quads: &mut [Quad]) -> String {
    let mut lines: Vec<String> = quads
        .iter()
        .map(|q| {
            let mut s = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
            // (writing to memory cannot fail)
            let _ = s.serialize_quad(q);
            String::from_utf8(s.finish().unwrap_or_default()).unwrap_or_default()
        })
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines.concat()
}

/// Reads N-Quads; the error says where and what is wrong.
pub fn read_nquads(r: impl std::io::Read) -> std::result::Result<Vec<Quad>, String> {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_reader(r)
        .map(|q| q.map_err(|e| e.to_string()))
        .collect()
}

/// Every quad of a corpus, sorted and without duplicates.
pub fn corpus_quads(arts: &[ArticleFacts], res: &Resolution) -> Vec<Quad> {
    let mut quads = shared_quads(res);
    for a in arts {
        quads.extend(article_quads(a, res));
    }
    quads.sort_by_cached_key(|q| q.to_string());
    quads.dedup();
    quads
}

/// The quads that do not belong to one article: entity descriptions (default graph), what the
/// gazetteer says of where places lie (its own graph) and the ontology (its own graph). Sorted.
pub fn shared_quads(res: &Resolution) -> Vec<Quad> {
    let mut out = Out { quads: Vec::new() };
    let dg = GraphName::DefaultGraph;
    let rdf_type = vocab::RDF_TYPE;
    for e in &res.entities {
        let s = iri(&e.iri);
        out.add(s.clone(), rdf_type, iri(&e.class.iri()), &dg);
        out.add(s.clone(), vocab::RDFS_LABEL, ar(&e.label_ar), &dg);
        // one rdfs:label per entity (the canonical Arabic name), so `?e rdfs:label ?l` lists
        // each entity once; the English name is an alternative label
        if let Some(l) = &e.label_en {
            out.add(s.clone(), vocab::SKOS_ALT_LABEL, en(l), &dg);
        }
        for l in &e.alt_labels {
            out.add(s.clone(), vocab::SKOS_ALT_LABEL, ar(l), &dg);
        }
        if let Some(q) = &e.wikidata {
            out.add(
                s.clone(),
                vocab::OWL_SAME_AS,
                iri(&format!("{}{q}", vocab::WIKIDATA)),
                &dg,
            );
        }
        if let Some((lat, lon)) = e.coords {
            out.add(s.clone(), vocab::GEO_LAT, decimal(lat), &dg);
            out.add(s.clone(), vocab::GEO_LONG, decimal(lon), &dg);
        }
        if let Some(p) = e.geo_precision {
            out.add(s.clone(), &ath(a::GEO_PRECISION), int(p as usize), &dg);
        }
    }
    // incidents: what the events of several articles report together
    for inc in &res.incidents {
        let s = iri(&inc.iri);
        let place = &res.entities[inc.place];
        out.add(s.clone(), rdf_type, iri(&ath(a::INCIDENT_CLASS)), &dg);
        let when = inc
            .span
            .map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}/{b}")
                }
            })
            .unwrap_or_default();
        out.add(
            s.clone(),
            vocab::RDFS_LABEL,
            ar(format!("{} {when}", place.label_ar).trim()),
            &dg,
        );
        let place_en = place
            .label_en
            .clone()
            .unwrap_or_else(|| place.label_ar.clone());
        out.add(
            s.clone(),
            vocab::SKOS_ALT_LABEL,
            en(format!("{} at {place_en} {when}", inc.class.name()).trim()),
            &dg,
        );
        out.add(s.clone(), &ath(a::PLACE), iri(&place.iri), &dg);
        if let Some((first, last)) = inc.span {
            for (p, d) in [(a::START_DATE, first), (a::END_DATE, last)] {
                out.add(
                    s.clone(),
                    &ath(p),
                    Literal::new_typed_literal(d.to_string(), xsd::DATE),
                    &dg,
                );
            }
        }
        out.add(s.clone(), &ath(a::REPORT_COUNT), int(inc.reports), &dg);
        for &x in &inc.agents {
            out.add(s.clone(), &ath(a::AGENT), iri(&res.entities[x].iri), &dg);
        }
    }
    // known from the gazetteer, not read in an article: where a prison, camp or neighbourhood
    // lies (kept in its own graph)
    let gz = GraphName::NamedNode(iri(vocab::GAZETTEER_GRAPH));
    let in_graph: std::collections::HashMap<&str, &str> = res
        .entities
        .iter()
        .map(|e| (e.iri.as_str(), e.iri.as_str()))
        .collect();
    for e in &res.entities {
        let Some(gi) = e.gazetteer else { continue };
        if let Some(name) = res.admin1.get(&gi) {
            out.add(iri(&e.iri), &ath(a::ADMIN1), ar(name), &gz);
        }
        if !matches!(
            e.class,
            Class::Prison | Class::Camp | Class::Neighborhood | Class::Facility
        ) {
            continue;
        }
        for w in &lex_within(res, gi) {
            if in_graph.contains_key(w.as_str()) {
                out.add(iri(&e.iri), &ath(a::LOCATED_IN), iri(w), &gz);
            }
        }
    }
    // known from the actors' reference pages: an armed wing and its organisation
    for (s, r, o) in &res.actor_relations {
        out.add(iri(s), &r.iri(), iri(o), &gz);
    }
    // the vocabulary itself, so that queries can show the labels of classes and measures
    let onto = GraphName::NamedNode(iri(vocab::ONTOLOGY_GRAPH));
    for t in RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(crate::ONTOLOGY.as_bytes())
        .flatten()
    {
        out.quads
            .push(Quad::new(t.subject, t.predicate, t.object, onto.clone()));
    }
    finish(out)
}

/// The named graph of one article: the article, its mentions, figures, events and relations.
/// In no particular order, possibly with repeats (the store keeps a set).
pub fn article_quads(art: &ArticleFacts, res: &Resolution) -> Vec<Quad> {
    let mut out = Out { quads: Vec::new() };
    let rdf_type = vocab::RDF_TYPE;
    {
        let doc_iri = article_iri(&art.doc.sha256);
        let d = iri(&doc_iri);
        let g = GraphName::NamedNode(d.clone());
        out.add(d.clone(), rdf_type, iri(&ath(a::ARTICLE)), &g);
        out.add(
            d.clone(),
            &ath(a::SOURCE_FILE),
            string(&art.doc.source_file),
            &g,
        );
        out.add(d.clone(), &ath(a::TITLE), string(&art.title), &g);
        out.add(d.clone(), &ath(a::SHA256), string(&art.doc.sha256), &g);
        out.add(d.clone(), &ath(a::TEXT), string(&art.doc.text), &g);
        if let Some(p) = &art.published {
            let dt = iri(&format!(
                "http://www.w3.org/2001/XMLSchema#{}",
                p.value.xsd_type()
            ));
            out.add(
                d.clone(),
                &ath(a::PUBLISHED_ON),
                Literal::new_typed_literal(p.value.lexical(), dt),
                &g,
            );
            if let Some((start, end)) = p.span {
                out.add(
                    d.clone(),
                    &ath(a::PUBLISHED_ON_TEXT),
                    string(&art.doc.slice(start, end)),
                    &g,
                );
            }
            if p.inferred {
                out.add(d.clone(), &ath(a::DATE_INFERRED), Literal::from(true), &g);
            }
        }
        let meta = &art.doc.meta;
        out.add(d.clone(), &ath(a::INPUT_FORMAT), string(meta.format), &g);
        for (p, v) in [
            (a::URL, &meta.url),
            (a::OUTLET_NAME, &meta.outlet),
            (a::EXTERNAL_ID, &meta.id),
        ] {
            if let Some(v) = v {
                out.add(d.clone(), &ath(p), string(v), &g);
            }
        }
        let publisher = art
            .publisher
            .map(|pi| &art.rec.mentions[pi].entity)
            .or(art.publisher_ref.as_ref());
        if let Some(p) = publisher {
            out.add(
                d.clone(),
                &ath(a::PUBLISHER),
                iri(&res.entity_of(p).iri),
                &g,
            );
        }
        let mut mentioned = BTreeSet::new();
        for m in art.rec.all_mentions() {
            let e = res.entity_of(&m.entity);
            mentioned.insert(e.iri.clone());
            let mid = iri(&format!("{doc_iri}/mention/{}-{}", m.start, m.end));
            out.add(mid.clone(), rdf_type, iri(&ath(a::MENTION)), &g);
            out.add(mid.clone(), &ath(a::REFERS_TO), iri(&e.iri), &g);
            out.add(mid.clone(), &ath(a::MENTIONED_IN), d.clone(), &g);
            out.add(mid.clone(), &ath(a::START), int(m.start), &g);
            out.add(mid.clone(), &ath(a::END), int(m.end), &g);
            out.add(
                mid.clone(),
                &ath(a::ANCHOR_TEXT),
                string(&art.doc.slice(m.start, m.end)),
                &g,
            );
            out.add(mid, &ath(a::MENTION_KIND), string(m.kind.as_str()), &g);
        }
        for e in mentioned {
            out.add(iri(&e), &ath(a::MENTIONED_IN), d.clone(), &g);
        }
        for q in &art.quantities {
            let qid = iri(&format!("{doc_iri}/quantity/{}-{}", q.start, q.end));
            out.add(qid.clone(), rdf_type, iri(&ath(a::QUANTITY)), &g);
            out.add(qid.clone(), &ath(a::MEASURES), iri(&q.measure.iri()), &g);
            for (p, v) in [
                (a::VALUE, q.value),
                (a::MIN_VALUE, q.min),
                (a::MAX_VALUE, q.max),
            ] {
                if let Some(v) = v {
                    out.add(qid.clone(), &ath(p), number(v), &g);
                }
            }
            out.add(qid.clone(), &ath(a::QUALIFIER), iri(&q.qualifier.iri()), &g);
            if let Some(u) = q.unit {
                out.add(qid.clone(), &ath(a::UNIT), iri(&u.iri()), &g);
            }
            for (p, e) in [
                (a::OF_GROUP, &q.group),
                (a::ABOUT, &q.about),
                (a::REPORTED_BY, &q.reported_by),
            ] {
                if let Some(e) = e.as_ref().and_then(|e| res.by_ref.get(e)) {
                    out.add(qid.clone(), &ath(p), iri(&res.entities[*e].iri), &g);
                }
            }
            if q.cumulative {
                out.add(
                    qid.clone(),
                    &ath(a::RUNNING_TOTAL),
                    Literal::new_typed_literal("true", xsd::BOOLEAN),
                    &g,
                );
            }
            // the event it belongs to («the event or place the figure belongs to»)
            if let Some(ev) = q.event.and_then(|i| art.events.get(i)) {
                let eid = event_iri(&doc_iri, ev);
                out.add(qid.clone(), &ath(a::ABOUT), eid, &g);
            }
            out.add(qid.clone(), &ath(a::MENTIONED_IN), d.clone(), &g);
            out.add(
                qid.clone(),
                &ath(a::EVIDENCE),
                string(&art.sentences[q.sentence].2),
                &g,
            );
            out.add(qid.clone(), &ath(a::START), int(q.start), &g);
            out.add(qid, &ath(a::END), int(q.end), &g);
        }
        for ev in &art.events {
            let eid = event_iri(&doc_iri, ev);
            out.add(eid.clone(), rdf_type, iri(&ev.class.iri()), &g);
            for (p, list) in [
                (a::AGENT, &ev.agents),
                (a::TARGET, &ev.targets),
                (a::PARTICIPANT, &ev.participants),
                (a::PLACE, &ev.places),
            ] {
                for e in list.iter().filter_map(|e| res.by_ref.get(e)) {
                    out.add(eid.clone(), &ath(p), iri(&res.entities[*e].iri), &g);
                }
            }
            if let Some(d) = &ev.date {
                let dt = iri(&format!(
                    "http://www.w3.org/2001/XMLSchema#{}",
                    d.xsd_type()
                ));
                out.add(
                    eid.clone(),
                    &ath(a::DATE),
                    Literal::new_typed_literal(d.lexical(), dt),
                    &g,
                );
                if ev.date_from_report {
                    out.add(
                        eid.clone(),
                        &ath(a::DATE_FROM_REPORT),
                        Literal::new_typed_literal("true", xsd::BOOLEAN),
                        &g,
                    );
                }
            }
            if let Some(e) = ev.reported_by.as_ref().and_then(|e| res.by_ref.get(e)) {
                out.add(
                    eid.clone(),
                    &ath(a::REPORTED_BY),
                    iri(&res.entities[*e].iri),
                    &g,
                );
            }
            out.add(eid.clone(), &ath(a::MENTIONED_IN), d.clone(), &g);
            out.add(
                eid.clone(),
                &ath(a::EVIDENCE),
                string(&art.sentences[ev.sentence].2),
                &g,
            );
            out.add(eid.clone(), &ath(a::START), int(ev.start), &g);
            if let Some(&k) = res
                .incident_of
                .get(&(art.doc.sha256.clone(), (ev.start, ev.end)))
            {
                out.add(
                    eid.clone(),
                    &ath(a::INCIDENT),
                    iri(&res.incidents[k].iri),
                    &g,
                );
            }
            out.add(eid, &ath(a::END), int(ev.end), &g);
        }
        for (x, rel, y) in &art.rec.relations {
            if let (Some(&x), Some(&y)) = (res.by_ref.get(x), res.by_ref.get(y)) {
                if x != y {
                    out.add(
                        iri(&res.entities[x].iri),
                        &rel.iri(),
                        iri(&res.entities[y].iri),
                        &g,
                    );
                }
            }
        }
        for &(x, y) in &art.rec.located_in {
            let (ex, ey) = (
                res.entity_of(&art.rec.mentions[x].entity),
                res.entity_of(&art.rec.mentions[y].entity),
            );
            if ex.iri != ey.iri {
                out.add(iri(&ex.iri), &ath(a::LOCATED_IN), iri(&ey.iri), &g);
            }
        }
    }
    out.quads
}

fn finish(out: Out) -> Vec<Quad> {
    let mut quads = out.quads;
    quads.sort_by_cached_key(|q| q.to_string());
    quads.dedup();
    quads
}

#[cfg(test)]
mod tests {
    #[test]
    fn coordinates_are_written_in_canonical_form() {
        use super::canonical_decimal as c;
        assert_eq!(c(36.5), "36.5");
        assert_eq!(c(33.0), "33");
        assert_eq!(c(-2.000001), "-2");
        assert_eq!(c(-0.000001), "0");
        assert_eq!(c(32.864391), "32.86439");
    }
}
