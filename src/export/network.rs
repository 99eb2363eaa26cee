//! The network view of the store, for Gephi, networkx and igraph: entities and events as nodes;
//! relations and event roles as edges, weighted by the number of articles stating them; degree,
//! PageRank and weakly connected components computed with petgraph. Written as GraphML and as
//! Gephi's spreadsheet CSVs.

use std::collections::BTreeMap;
use std::io::Write;

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

/// Text safe in XML: escaped, and without the control characters XML 1.0 forbids.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
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
pub fn write_graphml<W: Write>(net: &Network, mut w: W) -> std::io::Result<W> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (k, t) in NODE_KEYS {
        writeln!(
            w,
            r#"  <key id="{k}" for="node" attr.name="{k}" attr.type="{t}"/>"#
        )?;
    }
    for (k, t) in EDGE_KEYS {
        let id = if *k == "label" { "edgelabel" } else { k };
        writeln!(
            w,
            r#"  <key id="{id}" for="edge" attr.name="{id}" attr.type="{t}"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="G" edgedefault="directed">"#)?;
    for n in &net.nodes {
        writeln!(w, r#"    <node id="{}">"#, n.id)?;
        for (k, v) in node_values(n) {
            writeln!(w, r#"      <data key="{k}">{}</data>"#, xml(&v))?;
        }
        writeln!(w, "    </node>")?;
    }
    for e in &net.edges {
        writeln!(
            w,
            r#"    <edge id="{}" source="{}" target="{}">"#,
            e.id, e.source, e.target
        )?;
        for (k, v) in [
            ("edgelabel", e.label.clone()),
            ("edgekind", e.kind.clone()),
            ("weight", e.weight.to_string()),
            ("first_date", e.first_date.clone()),
            ("last_date", e.last_date.clone()),
            ("edgearticles", e.articles.clone()),
        ] {
            if !v.is_empty() {
                writeln!(w, r#"      <data key="{k}">{}</data>"#, xml(&v))?;
            }
        }
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>\n</graphml>")?;
    Ok(w)
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
fn spell(date: &str) -> Option<(String, String)> {
    let p: Vec<&str> = date.split('-').collect();
    match p.len() {
        3 => Some((date.to_string(), date.to_string())),
        2 => {
            let (y, m): (i32, u32) = (p[0].parse().ok()?, p[1].parse().ok()?);
            let next = if m == 12 {
                chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)
            }?;
            let last = next.pred_opt()?;
            Some((
                format!("{y:04}-{m:02}-01"),
                last.format("%Y-%m-%d").to_string(),
            ))
        }
        1 => Some((format!("{}-01-01", p[0]), format!("{}-12-31", p[0]))),
        _ => None,
    }
}

/// Writes GEXF 1.3 in dynamic mode (`timeformat="date"`): events live on their date, edges
/// between the first and last date of the articles stating them, so Gephi's timeline plays
/// the conflict day by day.
pub fn write_gexf<W: Write>(net: &Network, mut w: W) -> std::io::Result<W> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(w, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
    writeln!(
        w,
        r#"  <meta><creator>athar</creator><description>Arabic conflict news, entities and events</description></meta>"#
    )?;
    writeln!(
        w,
        r#"  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#
    )?;
    writeln!(w, r#"    <attributes class="node" mode="static">"#)?;
    for (i, (k, t)) in NODE_KEYS.iter().filter(|(k, _)| *k != "label").enumerate() {
        let t = match *t {
            "int" => "integer",
            other => other,
        };
        writeln!(w, r#"      <attribute id="{i}" title="{k}" type="{t}"/>"#)?;
    }
    writeln!(w, "    </attributes>")?;
    let node_attrs: Vec<&str> = NODE_KEYS
        .iter()
        .filter(|(k, _)| *k != "label")
        .map(|(k, _)| *k)
        .collect();
    writeln!(w, "    <nodes>")?;
    for n in &net.nodes {
        let when = spell(&n.date)
            .map(|(s, e)| format!(r#" start="{s}" end="{e}""#))
            .unwrap_or_default();
        writeln!(
            w,
            r#"      <node id="{}" label="{}"{when}>"#,
            n.id,
            xml(&n.label)
        )?;
        writeln!(w, "        <attvalues>")?;
        for (k, v) in node_values(n).into_iter().filter(|(k, _)| *k != "label") {
            let i = node_attrs.iter().position(|a| *a == k).unwrap_or(0);
            writeln!(w, r#"          <attvalue for="{i}" value="{}"/>"#, xml(&v))?;
        }
        writeln!(w, "        </attvalues>")?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>\n    <edges>")?;
    for e in &net.edges {
        let start = spell(&e.first_date).map(|s| s.0);
        let end = spell(&e.last_date).map(|s| s.1);
        let when = match (start, end) {
            (Some(s), Some(e)) => format!(r#" start="{s}" end="{e}""#),
            _ => String::new(),
        };
        writeln!(
            w,
            r#"      <edge id="{}" source="{}" target="{}" label="{}" weight="{}"{when}/>"#,
            e.id,
            e.source,
            e.target,
            xml(&e.label),
            e.weight
        )?;
    }
    writeln!(w, "    </edges>\n  </graph>\n</gexf>")?;
    Ok(w)
}
