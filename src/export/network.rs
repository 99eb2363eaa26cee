//! The network view of the store, for Gephi, networkx and igraph: entities and events as nodes;
//! relations and event roles as edges, weighted by the number of articles stating them; degree,
//! PageRank and weakly connected components computed with petgraph. Written as GraphML and as
//! Gephi's spreadsheet CSVs.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use petgraph::graph::DiGraph;
use petgraph::unionfind::UnionFind;
use sha2::{Digest, Sha256};

use super::rows;
use crate::error::Result;
use crate::graph::KnowledgeGraph;

/// A node: an entity or an event.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// Stable NMTOKEN id (from the IRI).
    pub id: String,
    /// The IRI.
    pub iri: String,
    /// `entity` or `event`.
    pub kind: String,
    /// Class (local name).
    pub class: String,
    /// Arabic label (for events: class and date).
    pub label: String,
    /// English name.
    pub label_en: String,
    /// Wikidata QID IRI.
    pub wikidata: String,
    /// Coordinates.
    pub coords: Option<(f64, f64)>,
    /// Mentions (entities) in all articles.
    pub mentions: usize,
    /// Articles naming it.
    pub articles: usize,
    /// Event date.
    pub date: String,
    /// Degree (in + out).
    pub degree: usize,
    /// PageRank.
    pub pagerank: f64,
    /// Weakly connected component (0 = largest).
    pub component: usize,
}

/// An edge: a relation or an event role.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    /// Unique id.
    pub id: String,
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// `relation` or `role`.
    pub kind: String,
    /// The predicate's local name.
    pub label: String,
    /// Number of articles stating it.
    pub weight: usize,
    /// Earliest publication date of those articles.
    pub first_date: String,
    /// Latest publication date.
    pub last_date: String,
    /// The articles' file names, joined with `|`.
    pub articles: String,
}

/// The network.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// Nodes, sorted by id.
    pub nodes: Vec<Node>,
    /// Edges, sorted by id.
    pub edges: Vec<Edge>,
}

/// (agent, event class, target) → (events, article files, event dates).
type FoldedEvents = BTreeMap<(String, String, String), (usize, Vec<String>, Vec<String>)>;

/// (source, predicate, target) → (edge kind, article file → publication date).
type EdgeStatements = BTreeMap<(String, String, String), (String, BTreeMap<String, String>)>;

/// A stable NMTOKEN for an IRI.
pub fn node_id(iri: &str) -> String {
    let h = Sha256::digest(iri.as_bytes());
    format!("n{}", crate::text::hex(&h[..8]))
}

impl Network {
    /// Reads the network from the store.
    pub fn load(g: &KnowledgeGraph) -> Result<Self> {
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        let entity_rows = rows(
            g,
            "SELECT ?e ?class ?label ?en ?wd ?lat ?lon (COUNT(DISTINCT ?m) AS ?mentions) (COUNT(DISTINCT ?a) AS ?articles) WHERE {
               ?e a ?c ; rdfs:label ?label . ?c rdfs:subClassOf* ath:Entity . FILTER(LANG(?label) = 'ar')
               BIND(STRAFTER(STR(?c), '#') AS ?class)
               OPTIONAL { ?e skos:altLabel ?en FILTER(LANG(?en) = 'en') }
               OPTIONAL { ?e owl:sameAs ?wd } OPTIONAL { ?e geo:lat ?lat ; geo:long ?lon }
               OPTIONAL { ?m ath:refersTo ?e ; ath:mentionedIn ?a }
             } GROUP BY ?e ?class ?label ?en ?wd ?lat ?lon",
        )?;
        for r in entity_rows {
            let n = nodes.entry(r[0].clone()).or_insert_with(|| Node {
                id: node_id(&r[0]),
                iri: r[0].clone(),
                kind: "entity".into(),
                class: r[1].clone(),
                label: r[2].clone(),
                ..Node::default()
            });
            n.label_en = n.label_en.clone().max(r[3].clone());
            n.wikidata = r[4].clone();
            if let (Ok(a), Ok(b)) = (r[5].parse(), r[6].parse()) {
                n.coords = Some((a, b));
            }
            n.mentions = r[7].parse().unwrap_or(0);
            n.articles = r[8].parse().unwrap_or(0);
        }
        for r in rows(
            g,
            "SELECT ?e ?class ?date (COUNT(DISTINCT ?a) AS ?articles) WHERE {
               ?e a ?c ; ath:mentionedIn ?a . ?c rdfs:subClassOf ath:Event . BIND(STRAFTER(STR(?c), '#') AS ?class)
               OPTIONAL { ?e ath:date ?date } } GROUP BY ?e ?class ?date",
        )? {
            nodes.insert(
                r[0].clone(),
                Node {
                    id: node_id(&r[0]),
                    iri: r[0].clone(),
                    kind: "event".into(),
                    class: r[1].clone(),
                    label: if r[2].is_empty() { r[1].clone() } else { format!("{} {}", r[1], r[2]) },
                    date: r[2].clone(),
                    articles: r[3].parse().unwrap_or(0),
                    ..Node::default()
                },
            );
        }
        // (source, predicate, target) → articles with their dates
        let mut edges: EdgeStatements = BTreeMap::new();
        for r in rows(
            g,
            "SELECT ?s ?p ?o ?file ?date ?kind WHERE {
               { VALUES ?p { ath:locatedIn ath:controls ath:supports ath:partOf ath:affiliatedWith ath:spokespersonOf
                             ath:commanderOf ath:officialOf ath:headOf } GRAPH ?g { ?s ?p ?o } BIND('relation' AS ?kind) }
               UNION
               { VALUES ?p { ath:agent ath:target ath:participant ath:place } GRAPH ?g { ?s ?p ?o } BIND('role' AS ?kind) }
               OPTIONAL { ?g ath:sourceFile ?file } OPTIONAL { ?g ath:publishedOn ?date } }",
        )? {
            let key = (r[0].clone(), r[1].rsplit('#').next().unwrap_or("").to_string(), r[2].clone());
            let e = edges.entry(key).or_insert_with(|| (r[5].clone(), BTreeMap::new()));
            let article = if r[3].is_empty() { "gazetteer".to_string() } else { r[3].clone() };
            e.1.insert(article, r[4].clone());
        }
        let mut out = Network::default();
        for ((s, p, o), (kind, arts)) in edges {
            let (Some(a), Some(b)) = (nodes.get(&s), nodes.get(&o)) else {
                continue;
            };
            let dates: Vec<&String> = arts.values().filter(|d| !d.is_empty()).collect();
            out.edges.push(Edge {
                id: format!("e{}", &node_id(&format!("{s} {p} {o}"))[1..]),
                source: a.id.clone(),
                target: b.id.clone(),
                kind,
                label: p,
                weight: arts.len(),
                first_date: dates
                    .iter()
                    .min()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                last_date: dates
                    .iter()
                    .max()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                articles: arts.keys().cloned().collect::<Vec<_>>().join("|"),
            });
        }
        out.nodes = nodes.into_values().collect();
        out.nodes.sort_by(|a, b| a.id.cmp(&b.id));
        out.edges.sort_by(|a, b| a.id.cmp(&b.id));
        out.measure();
        Ok(out)
    }

    /// Degree, PageRank and weakly connected components.
    fn measure(&mut self) {
        let index: BTreeMap<&str, usize> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut g: DiGraph<(), f64> = DiGraph::new();
        let ix: Vec<_> = self.nodes.iter().map(|_| g.add_node(())).collect();
        let mut uf = UnionFind::new(self.nodes.len());
        for e in &self.edges {
            let (a, b) = (index[e.source.as_str()], index[e.target.as_str()]);
            g.add_edge(ix[a], ix[b], e.weight as f64);
            uf.union(a, b);
        }
        let ranks = petgraph::algo::page_rank(&g, 0.85_f64, 50);
        let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
        for i in 0..self.nodes.len() {
            *sizes.entry(uf.find(i)).or_default() += 1;
        }
        // components numbered by size, largest first, ties by their first node
        let mut order: Vec<(usize, usize)> = sizes.into_iter().collect();
        order.sort_by_key(|(root, size)| (std::cmp::Reverse(*size), *root));
        let number: BTreeMap<usize, usize> = order
            .iter()
            .enumerate()
            .map(|(k, (root, _))| (*root, k))
            .collect();
        for (i, n) in self.nodes.iter_mut().enumerate() {
            n.degree = g.neighbors_undirected(ix[i]).count();
            n.pagerank = (ranks[i] * 1e6).round() / 1e6;
            n.component = number[&uf.find(i)];
        }
    }
}

/// Text XML 1.0 can hold: the control characters it forbids are dropped (quick-xml escapes
/// markup characters but passes these through, and a parser would refuse the file).
fn xml_chars(s: &str) -> Cow<'_, str> {
    let forbidden = |c: char| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || c == '\u{FFFE}'
            || c == '\u{FFFF}'
    };
    if s.chars().any(forbidden) {
        Cow::Owned(s.chars().filter(|c| !forbidden(*c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// An XML writer indented by two spaces, after the declaration.
fn xml_writer<W: Write>(w: W) -> std::io::Result<Writer<W>> {
    let mut x = Writer::new_with_indent(w, b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(x)
}

/// `<name attrs…>text</name>`.
fn text_element<W: Write>(
    x: &mut Writer<W>,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> std::io::Result<()> {
    x.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_text_content(BytesText::new(&xml_chars(text)))?;
    Ok(())
}

const NODE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("label_en", "string"),
    ("iri", "string"),
    ("kind", "string"),
    ("class", "string"),
    ("wikidata", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("mentions", "int"),
    ("articles", "int"),
    ("date", "string"),
    ("degree", "int"),
    ("pagerank", "double"),
    ("component", "int"),
];
/// Edge keys; their ids differ from the node keys' (GraphML key ids are unique).
const EDGE_KEYS: &[(&str, &str)] = &[
    ("edgelabel", "string"),
    ("edgekind", "string"),
    ("weight", "double"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("edgearticles", "string"),
];

fn node_values(n: &Node) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("label", n.label.clone()),
        ("label_en", n.label_en.clone()),
        ("iri", n.iri.clone()),
        ("kind", n.kind.clone()),
        ("class", n.class.clone()),
        ("wikidata", n.wikidata.clone()),
    ];
    if let Some((lat, lon)) = n.coords {
        v.push(("latitude", format!("{lat}")));
        v.push(("longitude", format!("{lon}")));
    }
    v.extend([
        ("mentions", n.mentions.to_string()),
        ("articles", n.articles.to_string()),
        ("date", n.date.clone()),
        ("degree", n.degree.to_string()),
        ("pagerank", format!("{}", n.pagerank)),
        ("component", n.component.to_string()),
    ]);
    v.retain(|(_, x)| !x.is_empty());
    v
}

/// Writes GraphML (every attribute declared, key id = attr.name, the six standard types).
pub fn write_graphml<W: Write>(net: &Network, w: W) -> std::io::Result<W> {
    let mut x = xml_writer(w)?;
    x.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|x| {
            for (kind, keys) in [("node", NODE_KEYS), ("edge", EDGE_KEYS)] {
                for (k, t) in keys {
                    x.create_element("key")
                        .with_attributes([
                            ("id", *k),
                            ("for", kind),
                            ("attr.name", *k),
                            ("attr.type", *t),
                        ])
                        .write_empty()?;
                }
            }
            x.create_element("graph")
                .with_attributes([("id", "G"), ("edgedefault", "directed")])
                .write_inner_content(|x| {
                    for n in &net.nodes {
                        x.create_element("node")
                            .with_attribute(("id", n.id.as_str()))
                            .write_inner_content(|x| {
                                for (k, v) in node_values(n) {
                                    text_element(x, "data", &[("key", k)], &v)?;
                                }
                                Ok(())
                            })?;
                    }
                    for e in &net.edges {
                        x.create_element("edge")
                            .with_attributes([
                                ("id", e.id.as_str()),
                                ("source", &e.source),
                                ("target", &e.target),
                            ])
                            .write_inner_content(|x| {
                                for (k, v) in edge_values(e) {
                                    text_element(x, "data", &[("key", k)], &v)?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut w = x.into_inner();
    w.write_all(b"\n")?;
    Ok(w)
}

fn edge_values(e: &Edge) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("edgelabel", e.label.clone()),
        ("edgekind", e.kind.clone()),
        ("weight", e.weight.to_string()),
        ("first_date", e.first_date.clone()),
        ("last_date", e.last_date.clone()),
        ("edgearticles", e.articles.clone()),
    ];
    v.retain(|(_, x)| !x.is_empty());
    v
}

/// Writes Gephi's node table (`Id`, `Label`, then attributes, `Latitude`/`Longitude`).
pub fn write_nodes_csv<W: Write>(net: &Network, w: W) -> csv::Result<W> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record([
        "Id",
        "Label",
        "Kind",
        "Class",
        "Iri",
        "LabelEn",
        "Wikidata",
        "Latitude",
        "Longitude",
        "Mentions",
        "Articles",
        "Date",
        "Degree",
        "PageRank",
        "Component",
    ])?;
    for n in &net.nodes {
        let (lat, lon) = n
            .coords
            .map(|(a, b)| (format!("{a}"), format!("{b}")))
            .unwrap_or_default();
        c.write_record([
            n.id.as_str(),
            &n.label,
            &n.kind,
            &n.class,
            &n.iri,
            &n.label_en,
            &n.wikidata,
            &lat,
            &lon,
            &n.mentions.to_string(),
            &n.articles.to_string(),
            &n.date,
            &n.degree.to_string(),
            &format!("{}", n.pagerank),
            &n.component.to_string(),
        ])?;
    }
    c.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Writes Gephi's edge table (`Source`, `Target`, `Type`, `Kind`, `Id`, `Label`, `Weight`, …).
pub fn write_edges_csv<W: Write>(net: &Network, w: W) -> csv::Result<W> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record([
        "Source",
        "Target",
        "Type",
        "Kind",
        "Id",
        "Label",
        "Weight",
        "FirstDate",
        "LastDate",
        "Articles",
    ])?;
    for e in &net.edges {
        c.write_record([
            e.source.as_str(),
            &e.target,
            "Directed",
            &e.label,
            &e.id,
            &e.label,
            &e.weight.to_string(),
            &e.first_date,
            &e.last_date,
            &e.articles,
        ])?;
    }
    c.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

impl Network {
    /// The actors' view: events folded into edges from each agent to each target (and between
    /// the participants of a meeting, call, agreement or clash), labelled with the event class
    /// and weighted by the number of events; event nodes dropped, relations kept.
    pub fn project_actors(&self) -> Network {
        let by_id: BTreeMap<&str, &Node> = self.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        let mut folded: FoldedEvents = BTreeMap::new();
        let mut roles: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
        for e in self.edges.iter().filter(|e| e.kind == "role") {
            roles
                .entry(e.source.as_str())
                .or_default()
                .entry(e.label.as_str())
                .or_default()
                .push(e.target.as_str());
        }
        for (event, r) in &roles {
            let Some(ev) = by_id.get(event) else { continue };
            let none = Vec::new();
            let agents = r.get("agent").unwrap_or(&none);
            let targets = r.get("target").unwrap_or(&none);
            let mut pairs: Vec<(&str, &str)> = agents
                .iter()
                .flat_map(|a| targets.iter().map(move |t| (*a, *t)))
                .collect();
            if matches!(
                ev.class.as_str(),
                "Meeting" | "PhoneCall" | "Agreement" | "Clash"
            ) {
                let mut people: Vec<&str> = agents
                    .iter()
                    .chain(r.get("participant").unwrap_or(&none))
                    .copied()
                    .collect();
                people.sort();
                people.dedup();
                for (i, a) in people.iter().enumerate() {
                    for b in &people[i + 1..] {
                        pairs.push((a, b));
                    }
                }
            }
            let articles: Vec<String> = self
                .edges
                .iter()
                .filter(|e| e.source == *event)
                .flat_map(|e| e.articles.split('|').map(str::to_string))
                .collect();
            for (a, t) in pairs.into_iter().filter(|(a, t)| a != t) {
                let f = folded
                    .entry((a.to_string(), ev.class.clone(), t.to_string()))
                    .or_default();
                f.0 += 1;
                f.1.extend(articles.iter().cloned());
                if !ev.date.is_empty() {
                    f.2.push(ev.date.clone());
                }
            }
        }
        let mut out = Network {
            nodes: self
                .nodes
                .iter()
                .filter(|n| n.kind == "entity")
                .cloned()
                .collect(),
            edges: self
                .edges
                .iter()
                .filter(|e| e.kind == "relation")
                .cloned()
                .collect(),
        };
        for ((a, class, t), (n, mut arts, dates)) in folded {
            arts.sort();
            arts.dedup();
            out.edges.push(Edge {
                id: format!("e{}", &node_id(&format!("{a} {class} {t}"))[1..]),
                source: a,
                target: t,
                kind: "event".into(),
                label: class,
                weight: n,
                first_date: dates.iter().min().cloned().unwrap_or_default(),
                last_date: dates.iter().max().cloned().unwrap_or_default(),
                articles: arts.join("|"),
            });
        }
        out.edges.sort_by(|a, b| a.id.cmp(&b.id));
        out.measure();
        out
    }
}

/// A GEXF date from an `xsd:date`, `xsd:gYearMonth` or `xsd:gYear` lexical form: (start, end).
/// Anything else, the empty string included, is no date.
fn spell(date: &str) -> Option<(String, String)> {
    let p: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(p[0], 4) || p.iter().skip(1).any(|x| !digits(x, 2)) {
        return None;
    }
    let y: i32 = p[0].parse().ok()?;
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    match p.len() {
        3 => {
            let d = day(chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?);
            Some((d.clone(), d))
        }
        2 => {
            let m: u32 = p[1].parse().ok()?;
            let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)
            }?;
            Some((day(first), day(next.pred_opt()?)))
        }
        1 => Some((format!("{y:04}-01-01"), format!("{y:04}-12-31"))),
        _ => None,
    }
}

/// GEXF's attribute type for a GraphML one.
fn gexf_type(t: &str) -> &str {
    match t {
        "int" => "integer",
        other => other,
    }
}

/// Writes GEXF 1.3 in dynamic mode (`timeformat="date"`): events live on their date, edges
/// between the first and last date of the articles stating them, so Gephi's timeline plays
/// the conflict day by day. Undated nodes and edges carry no spell: they are always there.
pub fn write_gexf<W: Write>(net: &Network, w: W) -> std::io::Result<W> {
    let attrs: Vec<(&str, &str)> = NODE_KEYS
        .iter()
        .filter(|(k, _)| *k != "label")
        .copied()
        .collect();
    let ids: Vec<String> = (0..attrs.len()).map(|i| i.to_string()).collect();
    let mut x = xml_writer(w)?;
    x.create_element("gexf")
        .with_attributes([("xmlns", "http://gexf.net/1.3"), ("version", "1.3")])
        .write_inner_content(|x| {
            x.create_element("meta").write_inner_content(|x| {
                text_element(x, "creator", &[], "athar")?;
                text_element(
                    x,
                    "description",
                    &[],
                    "Arabic conflict news, entities and events",
                )
            })?;
            x.create_element("graph")
                .with_attributes([
                    ("mode", "dynamic"),
                    ("defaultedgetype", "directed"),
                    ("timeformat", "date"),
                ])
                .write_inner_content(|x| {
                    x.create_element("attributes")
                        .with_attributes([("class", "node"), ("mode", "static")])
                        .write_inner_content(|x| {
                            for (i, (k, t)) in attrs.iter().enumerate() {
                                x.create_element("attribute")
                                    .with_attributes([
                                        ("id", ids[i].as_str()),
                                        ("title", k),
                                        ("type", gexf_type(t)),
                                    ])
                                    .write_empty()?;
                            }
                            Ok(())
                        })?;
                    x.create_element("nodes").write_inner_content(|x| {
                        for n in &net.nodes {
                            write_gexf_node(x, n, &attrs, &ids)?;
                        }
                        Ok(())
                    })?;
                    x.create_element("edges").write_inner_content(|x| {
                        for e in &net.edges {
                            let weight = e.weight.to_string();
                            let label = xml_chars(&e.label);
                            let mut el = x.create_element("edge").with_attributes([
                                ("id", e.id.as_str()),
                                ("source", &e.source),
                                ("target", &e.target),
                                ("label", &label),
                                ("weight", &weight),
                            ]);
                            let start = spell(&e.first_date).map(|s| s.0);
                            let end = spell(&e.last_date).map(|s| s.1);
                            if let (Some(s), Some(t)) = (&start, &end) {
                                el = el.with_attributes([("start", s.as_str()), ("end", t)]);
                            }
                            el.write_empty()?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut w = x.into_inner();
    w.write_all(b"\n")?;
    Ok(w)
}

/// One GEXF node: its label, its spell when it has a date, its attribute values.
fn write_gexf_node<W: Write>(
    x: &mut Writer<W>,
    n: &Node,
    attrs: &[(&str, &str)],
    ids: &[String],
) -> std::io::Result<()> {
    let label = xml_chars(&n.label);
    let mut el = x
        .create_element("node")
        .with_attributes([("id", n.id.as_str()), ("label", &label)]);
    let when = spell(&n.date);
    if let Some((s, e)) = &when {
        el = el.with_attributes([("start", s.as_str()), ("end", e)]);
    }
    el.write_inner_content(|x| {
        x.create_element("attvalues").write_inner_content(|x| {
            for (k, v) in node_values(n) {
                let Some(i) = attrs.iter().position(|a| a.0 == k) else {
                    continue;
                };
                let v = xml_chars(&v);
                x.create_element("attvalue")
                    .with_attributes([("for", ids[i].as_str()), ("value", &v)])
                    .write_empty()?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::spell;

    #[test]
    fn a_spell_needs_a_date() {
        assert_eq!(spell(""), None);
        assert_eq!(spell("-01"), None);
        assert_eq!(spell("2022-13"), None);
        assert_eq!(spell("2022-02-30"), None);
        assert_eq!(spell("22"), None);
        assert_eq!(
            spell("2022-01-20"),
            Some(("2022-01-20".into(), "2022-01-20".into()))
        );
        assert_eq!(
            spell("2024-02"),
            Some(("2024-02-01".into(), "2024-02-29".into()))
        );
        assert_eq!(
            spell("2022"),
            Some(("2022-01-01".into(), "2022-12-31".into()))
        );
    }
}
