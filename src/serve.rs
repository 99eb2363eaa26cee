//! `athar serve`: a read-only SPARQL 1.1 Protocol endpoint over the store's newest snapshot,
//! a query page at `/` and entity pages at `/entity?iri=…`.
//!
//! Each request reads the newest finished build: when a build publishes a new snapshot, the next
//! request opens it (requests under way finish on the one they started with).

mod chart;

use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tiny_http::{Header, Method, Request, Response, Server};

use crate::error::{Error, Result};
use crate::graph::{Answer, KnowledgeGraph, ProtocolError, ProtocolQuery, QueryForm};

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store folder.
    pub store: PathBuf,
    /// Address to listen on.
    pub bind: String,
    /// Per-query time limit.
    pub timeout: Duration,
    /// Largest number of result rows or triples.
    pub max_results: usize,
    /// Requests handled at once (the others wait).
    pub workers: usize,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// The lexicon, whose normalization the name search uses.
    pub lexicon: Arc<crate::lexicon::Lexicon>,
}

/// The newest snapshot, opened once per generation.
struct Current {
    store: PathBuf,
    open: Mutex<Option<(u64, Arc<KnowledgeGraph>)>>,
}

impl Current {
    fn get(&self) -> Result<Arc<KnowledgeGraph>> {
        let (generation, _) = KnowledgeGraph::latest_snapshot(&self.store)?;
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((g, kg)) = open.as_ref() {
            if *g == generation {
                return Ok(kg.clone());
            }
        }
        let kg = Arc::new(KnowledgeGraph::open_read_only(&self.store)?);
        *open = Some((generation, kg.clone()));
        Ok(kg)
    }
}

const PAGE: &str = include_str!("serve/page.html");

/// The competency questions shown as examples on the page: (file name, query).
const EXAMPLES: &[(&str, &str)] = &[
    (
        "cq01-prisons-and-cities",
        include_str!("../queries/cq01-prisons-and-cities.rq"),
    ),
    (
        "cq02-prison-control-and-support",
        include_str!("../queries/cq02-prison-control-and-support.rq"),
    ),
    (
        "cq03-prison-detainees",
        include_str!("../queries/cq03-prison-detainees.rq"),
    ),
    (
        "cq04-death-tolls",
        include_str!("../queries/cq04-death-tolls.rq"),
    ),
    (
        "cq05-attacks-on-prisons",
        include_str!("../queries/cq05-attacks-on-prisons.rq"),
    ),
    (
        "cq06-spokespeople-and-commanders",
        include_str!("../queries/cq06-spokespeople-and-commanders.rq"),
    ),
    (
        "cq07-meetings-and-calls",
        include_str!("../queries/cq07-meetings-and-calls.rq"),
    ),
    (
        "cq08-provenance-of-a-fact",
        include_str!("../queries/cq08-provenance-of-a-fact.rq"),
    ),
    (
        "cq09-disagreeing-figures",
        include_str!("../queries/cq09-disagreeing-figures.rq"),
    ),
    (
        "cq11-incident-ledger",
        include_str!("../queries/cq11-incident-ledger.rq"),
    ),
    (
        "cq10-names-of-an-entity",
        include_str!("../queries/cq10-names-of-an-entity.rq"),
    ),
];

fn header(k: &str, v: &str) -> Header {
    Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("ASCII header")
}

fn cors<R: Read>(r: Response<R>) -> Response<R> {
    r.with_header(header("Access-Control-Allow-Origin", "*"))
        .with_header(header(
            "Access-Control-Allow-Headers",
            "Content-Type, Accept",
        ))
        .with_header(header("Access-Control-Allow-Methods", "GET, POST, OPTIONS"))
}

fn text(status: u16, body: impl Into<String>) -> Response<std::io::Cursor<Vec<u8>>> {
    cors(
        Response::from_data(body.into().into_bytes())
            .with_status_code(status)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    )
}

fn body(status: u16, media: &str, bytes: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    let ct = if media.starts_with("text/") || media.contains("json") || media.contains("xml") {
        format!("{media}; charset=utf-8")
    } else {
        media.to_string()
    };
    cors(
        Response::from_data(bytes)
            .with_status_code(status)
            .with_header(header("Content-Type", &ct)),
    )
}

fn params(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn accept_list(req: &Request, params: &[(String, String)]) -> Vec<String> {
    if let Some((_, f)) = params.iter().find(|(k, _)| k == "format") {
        let m = match f.as_str() {
            "json" => "application/sparql-results+json",
            "xml" => "application/sparql-results+xml",
            "csv" => "text/csv",
            "tsv" => "text/tab-separated-values",
            "turtle" | "ttl" => "text/turtle",
            "ntriples" | "nt" => "application/n-triples",
            "jsonld" => "application/ld+json",
            other => other,
        };
        return vec![m.to_string()];
    }
    let Some(h) = req
        .headers()
        .iter()
        .find(|h| h.field.equiv("Accept"))
        .map(|h| h.value.as_str().to_string())
    else {
        return Vec::new();
    };
    let mut items: Vec<(f32, usize, String)> = h
        .split(',')
        .enumerate()
        .map(|(i, part)| {
            let mut bits = part.split(';');
            let media = bits.next().unwrap_or("").trim().to_string();
            let q = bits
                .filter_map(|b| b.trim().strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (q, i, media)
        })
        .filter(|(q, _, _)| *q > 0.0)
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    items.into_iter().map(|(_, _, m)| m).collect()
}

fn content_type(req: &Request) -> String {
    req.headers()
        .iter()
        .find(|h| h.field.equiv("Content-Type"))
        .map(|h| {
            h.value
                .as_str()
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase()
        })
        .unwrap_or_default()
}

const SERVICE_DESCRIPTION: &str = r#"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix ath: <{ath}> .
[] a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>, <http://www.w3.org/ns/formats/SPARQL_Results_XML>,
    <http://www.w3.org/ns/formats/SPARQL_Results_CSV>, <http://www.w3.org/ns/formats/SPARQL_Results_TSV>,
    <http://www.w3.org/ns/formats/Turtle>, <http://www.w3.org/ns/formats/N-Triples>, <http://www.w3.org/ns/formats/JSON-LD> ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultDataset [ a sd:Dataset ;
    rdfs:comment "Read-only. Without default-graph-uri, the default graph is the union of all graphs: entity descriptions and every article's named graph." ] .
"#;

/// Handles one request; returns the status for the log.
fn handle(opts: &ServeOptions, current: &Current, mut req: Request) -> (u16, String) {
    let url = req.url().to_string();
    let (path, qs) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let path = path.to_string();
    let mut ps = params(qs);
    let method = req.method().clone();
    let respond = |req: Request, r: Response<std::io::Cursor<Vec<u8>>>| {
        let s = r.status_code().0;
        let _ = req.respond(r);
        s
    };
    if method == Method::Options {
        return (respond(req, text(204, "")), String::new());
    }
    match path.as_str() {
        "/" => {
            let examples: Vec<serde_json::Value> = EXAMPLES
                .iter()
                .map(|(n, q)| serde_json::json!({"name": n, "query": q}))
                .collect();
            let page = PAGE.replace(
                "/*EXAMPLES*/[]",
                &serde_json::Value::Array(examples).to_string(),
            );
            (
                respond(req, body(200, "text/html", page.into_bytes())),
                String::new(),
            )
        }
        "/entity" => {
            let Some((_, iri)) = ps.iter().find(|(k, _)| k == "iri").cloned() else {
                return (
                    respond(req, text(400, "missing iri parameter")),
                    String::new(),
                );
            };
            let r = match current.get() {
                Ok(g) => match entity_page(&g, &iri) {
                    Ok(Some(html)) => body(200, "text/html", html.into_bytes()),
                    Ok(None) => text(404, format!("nothing in this store is {iri}")),
                    Err(e) => text(500, e.to_string()),
                },
                Err(e) => text(503, e.to_string()),
            };
            (respond(req, r), iri)
        }
        "/search" => {
            let name = ps
                .iter()
                .find(|(k, _)| k == "q")
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default();
            if name.is_empty() {
                return (
                    respond(req, text(400, "missing q parameter (a name)")),
                    String::new(),
                );
            }
            let r = match current.get() {
                Ok(g) => match search_page(&g, &opts.lexicon, &name) {
                    Ok(html) => body(200, "text/html", html.into_bytes()),
                    Err(e) => text(500, e.to_string()),
                },
                Err(e) => text(503, e.to_string()),
            };
            (respond(req, r), name)
        }
        "/sparql" => {
            let mut query = None;
            if method == Method::Post {
                let ct = content_type(&req);
                let mut buf = Vec::new();
                let read = req
                    .as_reader()
                    .take(opts.max_body as u64 + 1)
                    .read_to_end(&mut buf);
                if read.is_err() || buf.len() > opts.max_body {
                    return (
                        respond(req, text(413, "request body too large")),
                        String::new(),
                    );
                }
                let b = String::from_utf8_lossy(&buf).to_string();
                match ct.as_str() {
                    "application/sparql-query" => query = Some(b),
                    "application/sparql-update" => {
                        return (
                            respond(req, text(403, "this endpoint is read-only: updates are refused")),
                            b,
                        )
                    }
                    "application/x-www-form-urlencoded" => ps.extend(params(&b)),
                    other => {
                        return (
                            respond(
                                req,
                                text(415, format!("unsupported content type {other:?}: use application/sparql-query or a form")),
                            ),
                            String::new(),
                        )
                    }
                }
            }
            if ps.iter().any(|(k, _)| k == "update") {
                return (
                    respond(
                        req,
                        text(403, "this endpoint is read-only: updates are refused"),
                    ),
                    String::new(),
                );
            }
            let query = query.or_else(|| {
                ps.iter()
                    .find(|(k, _)| k == "query")
                    .map(|(_, v)| v.clone())
            });
            let Some(query) = query else {
                let host = req
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv("Host"))
                    .map(|h| h.value.as_str().to_string())
                    .unwrap_or_else(|| opts.bind.clone());
                let sd = SERVICE_DESCRIPTION
                    .replace("{endpoint}", &format!("http://{host}/sparql"))
                    .replace("{ath}", crate::vocab::ATH);
                let sd = format!("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n{sd}");
                return (
                    respond(req, body(200, "text/turtle", sd.into_bytes())),
                    String::new(),
                );
            };
            let pq = ProtocolQuery {
                query: query.clone(),
                default_graphs: ps
                    .iter()
                    .filter(|(k, _)| k == "default-graph-uri")
                    .map(|(_, v)| v.clone())
                    .collect(),
                named_graphs: ps
                    .iter()
                    .filter(|(k, _)| k == "named-graph-uri")
                    .map(|(_, v)| v.clone())
                    .collect(),
                timeout: opts.timeout,
                max_results: opts.max_results,
            };
            let graph = match current.get() {
                Ok(g) => g,
                Err(e) => return (respond(req, text(503, e.to_string())), query),
            };
            let accept = accept_list(&req, &ps);
            let negotiate = |form: QueryForm| {
                let offered = match form {
                    QueryForm::Graph => GRAPH_TYPES,
                    QueryForm::Solutions | QueryForm::Boolean => RESULT_TYPES,
                };
                choose(&accept, offered)
                    .ok_or_else(|| ProtocolError::NotAcceptable(offered.join(", ")))
            };
            let r = match graph.protocol_query(&pq, &negotiate) {
                Ok((media, bytes)) => body(200, media, bytes),
                Err(ProtocolError::Malformed(m)) => text(400, m),
                Err(ProtocolError::NotAcceptable(m)) => text(
                    406,
                    format!("no acceptable media type; this query gives {m}"),
                ),
                Err(ProtocolError::Timeout(t)) => text(
                    503,
                    format!(
                        "query time limit of {} s reached (--timeout)",
                        t.as_secs_f64()
                    ),
                ),
                Err(ProtocolError::TooLarge(n)) => text(
                    413,
                    format!("more than {n} results (--max-results); add a LIMIT"),
                ),
                Err(ProtocolError::Internal(m)) => text(500, m),
            };
            (respond(req, r), query)
        }
        _ => (respond(req, text(404, "not found")), String::new()),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn rows(g: &KnowledgeGraph, q: &str) -> Result<Vec<Vec<String>>> {
    match g.query(q, true)? {
        Answer::Rows(_, rows) => Ok(rows
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect()),
        _ => Ok(Vec::new()),
    }
}

/// The sentence around `[start, end)` of an article text, with those characters marked.
fn cited(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let stop = |c: &char| matches!(c, '.' | '\n' | '!' | '?' | '؟');
    let mut s = start;
    while s > 0 && !stop(&chars[s - 1]) && start - s < 300 {
        s -= 1;
    }
    let mut e = end;
    while e < chars.len() && !stop(&chars[e]) && e - end < 300 {
        e += 1;
    }
    let part = |a: usize, b: usize| escape(&chars[a..b].iter().collect::<String>());
    format!(
        "{}<mark>{}</mark>{}",
        part(s, start),
        part(start, end),
        part(end, e)
    )
}

/// A link to the page of an IRI, showing `text`.
fn link(iri: &str, text: &str) -> String {
    if iri.is_empty() {
        return escape(text);
    }
    format!(
        "<a href=\"/entity?iri={}\">{}</a>",
        form_urlencoded::byte_serialize(iri.as_bytes()).collect::<String>(),
        escape(if text.is_empty() { iri } else { text })
    )
}

/// A figure as a reader wants it: the value, or its bounds.
fn figure_value(value: &str, min: &str, max: &str) -> String {
    match (value, min, max) {
        (v, _, _) if !v.is_empty() => v.to_string(),
        ("", lo, hi) if !lo.is_empty() && !hi.is_empty() => format!("{lo}–{hi}"),
        ("", lo, "") if !lo.is_empty() => format!("≥ {lo}"),
        ("", "", hi) if !hi.is_empty() => format!("≤ {hi}"),
        _ => String::new(),
    }
}

/// The head of a page, up to the opening of `<body>` and the link home with the search box.
fn page_head(title: &str) -> String {
    format!(
        "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>{t}</title>\
         <style>body{{font-family:'Noto Naskh Arabic','DejaVu Sans',sans-serif;margin:2em;max-width:80em}}\
         mark{{background:#ffe08a}}td,th{{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:start;vertical-align:top}}\
         th{{background:#f3f3f3}}table{{border-collapse:collapse}} .iri{{direction:ltr;unicode-bidi:isolate;font-family:monospace;font-size:.85em}}\
         .ltr{{direction:ltr;unicode-bidi:isolate}} .none,.tag{{color:#888}}</style></head><body>\
         <form action=\"/search\" method=\"get\"><a href=\"/\">athar</a> · \
         <input name=\"q\" placeholder=\"ابحث عن اسم · find a name\" dir=\"auto\"> <button>بحث · Find</button></form>",
        t = escape(title)
    )
}

/// The page of one entity (or article): names, class, properties, relations, the figures about
/// it or its members with their bounds, qualifier, group, source and report date, and where the
/// articles mention it (sentence, characters marked). `None` when the store knows nothing of
/// the IRI.
pub fn entity_page(g: &KnowledgeGraph, iri: &str) -> Result<Option<String>> {
    if iri.is_empty() || iri.contains(['>', '<', '"', ' ', '{', '}', '\\', '^', '`', '|']) {
        return Ok(None);
    }
    let p = &crate::vocab::sparql_prefixes();
    let known = rows(
        g,
        &format!("{p} SELECT ?x WHERE {{ {{ <{iri}> ?p ?x }} UNION {{ ?x ?p <{iri}> }} }} LIMIT 1"),
    )?;
    if known.is_empty() {
        return Ok(None);
    }
    let names = rows(
        g,
        &format!("{p} SELECT DISTINCT ?l ?lang WHERE {{ {{ <{iri}> rdfs:label ?l BIND(0 AS ?k) }} UNION {{ <{iri}> skos:altLabel ?l BIND(1 AS ?k) }} BIND(LANG(?l) AS ?lang) }} ORDER BY ?k ?l"),
    )?;
    let class = rows(
        g,
        &format!("{p} SELECT ?c WHERE {{ <{iri}> a ?c FILTER(STRSTARTS(STR(?c), STR(ath:))) }} ORDER BY ?c"),
    )?;
    let props = rows(
        g,
        &format!(
            "{p} SELECT DISTINCT ?prop ?v WHERE {{ <{iri}> ?pr ?v FILTER(ISLITERAL(?v) && ?pr NOT IN (ath:text, rdfs:label, skos:altLabel)) \
             BIND(REPLACE(STR(?pr), '^.*[#/]', '') AS ?prop) }} ORDER BY ?prop ?v"
        ),
    )?;
    let mentions = rows(
        g,
        &format!(
            "{p} SELECT ?f ?s ?e ?t ?d WHERE {{ ?m ath:refersTo <{iri}> ; ath:mentionedIn ?d ; ath:start ?s ; ath:end ?e . \
             ?d ath:sourceFile ?f ; ath:text ?t }} ORDER BY ?f xsd:integer(?s) LIMIT 200"
        ),
    )?;
    let relations = rows(
        g,
        &format!(
            "{p} SELECT DISTINCT ?dir ?rel ?other ?label WHERE {{ {{ <{iri}> ?r ?other BIND('→' AS ?dir) }} UNION {{ ?other ?r <{iri}> BIND('←' AS ?dir) }} \
             ?other rdfs:label ?label . FILTER(LANG(?label) = 'ar' && STRSTARTS(STR(?r), STR(ath:)) && ?r NOT IN (ath:mentionedIn, ath:refersTo)) \
             BIND(STRAFTER(STR(?r), '#') AS ?rel) }} ORDER BY ?rel ?label"
        ),
    )?;
    let label_of = |var: &str, pred: &str| {
        format!("OPTIONAL {{ ?q {pred} ?{var} OPTIONAL {{ ?{var} rdfs:label ?{var}_l FILTER(LANG(?{var}_l) = 'ar') }} }}")
    };
    let figures = rows(
        g,
        &format!(
            "{p} SELECT ?f ?d ?s ?e ?t ?measure ?v ?min ?max ?ql ?unit ?group ?group_l ?source ?source_l ?about ?about_l ?published ?role WHERE {{ \
             ?q ?r <{iri}> ; a ath:Quantity ; ath:measures ?m ; ath:start ?s ; ath:end ?e ; ath:mentionedIn ?d . \
             ?d ath:sourceFile ?f ; ath:text ?t . \
             BIND(STRAFTER(STR(?m), '#') AS ?measure) BIND(STRAFTER(STR(?r), '#') AS ?role) \
             OPTIONAL {{ ?q ath:value ?v }} OPTIONAL {{ ?q ath:minValue ?min }} OPTIONAL {{ ?q ath:maxValue ?max }} \
             OPTIONAL {{ ?q ath:qualifier ?qq BIND(STRAFTER(STR(?qq), '#') AS ?ql) }} \
             OPTIONAL {{ ?q ath:unit ?uu BIND(STRAFTER(STR(?uu), '#') AS ?unit) }} \
             {} {} {} OPTIONAL {{ ?d ath:publishedOn ?published }} }} \
             ORDER BY ?published ?f xsd:integer(?s) LIMIT 500",
            label_of("group", "ath:ofGroup"),
            label_of("source", "ath:reportedBy"),
            // (the place a figure is about; the event it belongs to has a page of its own)
            "OPTIONAL { ?q ath:about ?about FILTER NOT EXISTS { ?about ath:start ?about_s } \
             OPTIONAL { ?about rdfs:label ?about_l FILTER(LANG(?about_l) = 'ar') } }",
        ),
    )?;
    let title = names
        .iter()
        .find(|r| r[1] == "ar")
        .or(names.first())
        .map(|r| r[0].clone())
        .or_else(|| {
            props
                .iter()
                .find(|r| r[0] == "sourceFile")
                .map(|r| r[1].clone())
        })
        .unwrap_or_else(|| iri.to_string());
    let mut h = page_head(&title);
    h += &format!(
        "<h1 dir=\"auto\">{}</h1><p class=\"iri\">{}</p><p class=\"ltr\">{}</p>",
        escape(&title),
        escape(iri),
        class
            .iter()
            .map(|r| escape(r[0].rsplit('#').next().unwrap_or("")))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !names.is_empty() {
        h += "<h2>الأسماء · Names</h2><p>";
        h += &names
            .iter()
            .map(|n| {
                format!(
                    "<bdi>{}</bdi> <span class=\"iri tag\">@{}</span>",
                    escape(&n[0]),
                    escape(&n[1])
                )
            })
            .collect::<Vec<_>>()
            .join(" · ");
        h += "</p>";
    }
    if !props.is_empty() {
        h += "<h2>الخصائص · Properties</h2><p>";
        h += &props
            .iter()
            .map(|r| {
                format!(
                    "<span class=\"ltr\">{}</span>: <bdi>{}</bdi>",
                    escape(&r[0]),
                    escape(&r[1])
                )
            })
            .collect::<Vec<_>>()
            .join(" · ");
        h += "</p>";
    }
    // an incident's page opens with its claims ledger drawn
    if class.iter().any(|r| r[0].ends_with("#Incident")) {
        h += &incident_charts(g, iri)?;
    }
    h += "<h2>العلاقات · Relations</h2>";
    if relations.is_empty() {
        h += "<p class=\"none\">—</p>";
    } else {
        h += "<table>";
        for r in &relations {
            h += &format!(
                "<tr><td>{}</td><td class=\"ltr\">{}</td><td>{}</td></tr>",
                escape(&r[0]),
                escape(&r[1]),
                link(&r[2], &r[3])
            );
        }
        h += "</table>";
    }
    h += "<h2>الأرقام · Figures</h2>";
    if figures.is_empty() {
        h += "<p class=\"none\">—</p>";
    } else {
        h += "<table><tr><th>report date</th><th>article</th><th>measure</th><th>value</th><th>qualifier</th>\
              <th>group</th><th>source</th><th>about</th><th>this entity is</th><th>sentence</th></tr>";
        for r in &figures {
            let (s, e) = (r[2].parse().unwrap_or(0), r[3].parse().unwrap_or(0));
            let measure = if r[10].is_empty() {
                r[5].clone()
            } else {
                format!("{} ({})", r[5], r[10])
            };
            let source = if r[13].is_empty() {
                "<span class=\"none\">unattributed</span>".to_string()
            } else {
                link(&r[13], &r[14])
            };
            h += &format!(
                "<tr><td class=\"ltr\">{}</td><td class=\"ltr\">{}</td><td class=\"ltr\">{}</td><td class=\"ltr\">{}</td>\
                 <td class=\"ltr\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"ltr\">{}</td><td dir=\"auto\">{}</td></tr>",
                escape(&r[17]),
                link(&r[1], &r[0]),
                escape(&measure),
                escape(&figure_value(&r[6], &r[7], &r[8])),
                escape(&r[9]),
                link(&r[11], &r[12]),
                source,
                link(&r[15], &r[16]),
                escape(&r[18]),
                cited(&r[4], s, e)
            );
        }
        h += "</table>";
    }
    h += "<h2>الإشارات · Mentions</h2>";
    if mentions.is_empty() {
        h += "<p class=\"none\">—</p>";
    } else {
        h += "<table><tr><th>article</th><th>characters</th><th>sentence</th></tr>";
        for r in &mentions {
            let (s, e) = (r[1].parse().unwrap_or(0), r[2].parse().unwrap_or(0));
            h += &format!(
                "<tr><td class=\"ltr\">{}</td><td class=\"ltr\">{}–{}</td><td dir=\"auto\">{}</td></tr>",
                link(&r[4], &r[0]),
                s,
                e,
                cited(&r[3], s, e)
            );
        }
        h += "</table>";
    }
    h += "</body></html>\n";
    Ok(Some(h))
}

/// The claims ledger of an incident drawn: one chart per measure, each source's figures over the
/// report dates (competency question 11 for this incident).
fn incident_charts(g: &KnowledgeGraph, iri: &str) -> Result<String> {
    let p = &crate::vocab::sparql_prefixes();
    let ledger = rows(
        g,
        &format!(
            "{p} SELECT DISTINCT ?measure ?value ?min ?max ?source ?reported ?file ?q WHERE {{ \
             <{iri}> ath:place ?place . ?e ath:incident <{iri}> ; ath:mentionedIn ?d . \
             ?q a ath:Quantity ; ath:mentionedIn ?d ; ath:measures ?m . \
             {{ ?q ath:about ?place }} UNION {{ ?q ath:about ?x . ?x ath:locatedIn+ ?place }} \
             FILTER(?m IN (ath:Killed, ath:Injured, ath:Captured, ath:Escaped, ath:Held, ath:Hostages, ath:Displaced)) \
             ?d ath:sourceFile ?file . OPTIONAL {{ ?d ath:publishedOn ?reported }} \
             OPTIONAL {{ ?q ath:value ?value }} OPTIONAL {{ ?q ath:minValue ?min }} OPTIONAL {{ ?q ath:maxValue ?max }} \
             OPTIONAL {{ ?q ath:reportedBy ?s . ?s rdfs:label ?src FILTER(LANG(?src) = 'ar') }} \
             BIND(COALESCE(?src, 'unattributed') AS ?source) BIND(STRAFTER(STR(?m), '#') AS ?measure) }} \
             ORDER BY ?measure ?reported ?file ?q"
        ),
    )?;
    let mut by_measure: std::collections::BTreeMap<&str, Vec<chart::LedgerPoint>> =
        std::collections::BTreeMap::new();
    for r in &ledger {
        by_measure
            .entry(r[0].as_str())
            .or_default()
            .push(chart::LedgerPoint {
                source: r[4].clone(),
                reported: r[5].clone(),
                value: r[1].parse().ok(),
                min: r[2].parse().ok(),
                max: r[3].parse().ok(),
            });
    }
    let mut h = String::from("<h2>الحصيلة عبر التقارير · The toll over the reports</h2>");
    let charts: Vec<String> = by_measure
        .iter()
        .filter_map(|(m, pts)| chart::ledger_chart(m, pts))
        .collect();
    if charts.is_empty() {
        h += "<p class=\"none\">—</p>";
    } else {
        h += "<div class=\"charts ltr\">";
        h += &charts.join("");
        h += "</div>";
    }
    Ok(h)
}

/// The page of a name search: the entities `find` returns, each linked to its page.
pub fn search_page(
    g: &KnowledgeGraph,
    lex: &crate::lexicon::Lexicon,
    name: &str,
) -> Result<String> {
    let found = crate::find::find(g, lex, name, 100)?;
    let mut h = page_head(&format!("{name} · athar"));
    h += &format!(
        "<h1 dir=\"auto\">«{}»</h1><p dir=\"ltr\" style=\"text-align:right\">{} found</p>",
        escape(name),
        found.len()
    );
    if !found.is_empty() {
        h += "<table><tr><th>name</th><th>English</th><th>class</th><th>articles</th><th>matched</th></tr>";
        for f in &found {
            h += &format!(
                "<tr><td>{}</td><td class=\"ltr\">{}</td><td class=\"ltr\">{}</td><td class=\"ltr\">{}</td><td dir=\"auto\">{}{}</td></tr>",
                link(&f.iri, &f.label),
                escape(&f.label_en),
                escape(&f.class),
                f.articles,
                escape(&f.matched),
                if f.whole { "" } else { " (part)" }
            );
        }
        h += "</table>";
    }
    h += "</body></html>\n";
    Ok(h)
}

/// Serves until SIGINT or SIGTERM; requests under way finish first.
pub fn serve(opts: ServeOptions) -> Result<()> {
    // fail early, with the store's own message, when there is nothing to serve
    KnowledgeGraph::latest_snapshot(&opts.store)?;
    let server = Arc::new(Server::http(&opts.bind).map_err(|e| Error::Store {
        path: opts.store.clone(),
        message: format!("cannot listen on {}: {e}", opts.bind),
    })?);
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (server, stop, n) = (server.clone(), stop.clone(), opts.workers.max(1));
        ctrlc::set_handler(move || {
            stop.store(true, Ordering::SeqCst);
            // one wake-up per worker blocked in recv
            for _ in 0..n {
                server.unblock();
            }
        })
        .map_err(|e| Error::io("the Ctrl-C signal handler", std::io::Error::other(e)))?;
    }
    eprintln!(
        "athar: serving {} at http://{}/ (SPARQL endpoint /sparql; Ctrl-C stops)",
        opts.store.display(),
        opts.bind
    );
    let current = Arc::new(Current {
        store: opts.store.clone(),
        open: Mutex::new(None),
    });
    let workers: Vec<_> = (0..opts.workers.max(1))
        .map(|_| {
            let (server, stop, current, opts) =
                (server.clone(), stop.clone(), current.clone(), opts.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    let req = match server.recv() {
                        Ok(r) => r,
                        Err(_) => break,
                    };
                    let t = Instant::now();
                    let (method, url) = (req.method().to_string(), req.url().to_string());
                    let (status, query) = handle(&opts, &current, req);
                    let q: String = query.split_whitespace().collect::<Vec<_>>().join(" ");
                    let q: String = q.chars().take(120).collect();
                    eprintln!(
                        "{} {method} {} {status} {:.1} ms {q}",
                        chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%.3f"),
                        url.split('?').next().unwrap_or(""),
                        t.elapsed().as_secs_f64() * 1e3
                    );
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    eprintln!("athar: stopped");
    Ok(())
}

// Content negotiation: the media types each query form can be answered in, and the one an
// `Accept` header (or a `format` parameter) picks.

/// The media types results (SELECT, ASK) are written in, the default first.
pub const RESULT_TYPES: &[&str] = &[
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
];

/// The media types graphs (CONSTRUCT, DESCRIBE) are written in.
pub const GRAPH_TYPES: &[&str] = &[
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
];

fn choose(accept: &[String], offered: &[&'static str]) -> Option<&'static str> {
    if accept.is_empty() {
        return offered.first().copied();
    }
    for a in accept {
        let a = a.trim().to_lowercase();
        if a == "*/*" || a.is_empty() {
            return offered.first().copied();
        }
        if let Some(t) = offered.iter().find(|t| **t == a) {
            return Some(t);
        }
        // common aliases
        let alias = match a.as_str() {
            "application/json" => Some("application/sparql-results+json"),
            "application/xml" | "text/xml" => Some("application/sparql-results+xml"),
            "text/plain" => Some("application/n-triples"),
            "application/x-turtle" => Some("text/turtle"),
            "application/json+ld" => Some("application/ld+json"),
            _ => None,
        };
        if let Some(t) = alias.and_then(|x| offered.iter().find(|t| **t == x)) {
            return Some(t);
        }
        if let Some(major) = a.strip_suffix("/*") {
            if let Some(t) = offered.iter().find(|t| t.starts_with(&format!("{major}/"))) {
                return Some(t);
            }
        }
    }
    None
}
