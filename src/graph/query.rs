//! Queries: SPARQL over the store for the CLI and the library (`query`, `query_to`), and the
//! SPARQL protocol's query operation with its time limit and result cap (`protocol_query`).
//! Which media type answers a request is the caller's choice (`serve` negotiates it).

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};

use super::store::KnowledgeGraph;
use crate::error::{QueryError, Result};

/// What a query yields, for content negotiation: solutions (SELECT), a boolean (ASK) or a
/// graph (CONSTRUCT, DESCRIBE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryForm {
    /// SELECT.
    Solutions,
    /// ASK.
    Boolean,
    /// CONSTRUCT or DESCRIBE.
    Graph,
}

/// Result formats of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// SPARQL Results JSON.
    Json,
    /// SPARQL Results XML.
    Xml,
    /// SPARQL Results CSV.
    Csv,
    /// SPARQL Results TSV.
    Tsv,
}

/// A query's answer in plain values, for tables.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// SELECT: variables and rows (`None` = unbound), terms in N-Triples syntax except plain
    /// strings and language strings, given as their value.
    Rows(Vec<String>, Vec<Vec<Option<String>>>),
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT/DESCRIBE as N-Triples lines.
    Triples(Vec<String>),
}

/// A query as the SPARQL protocol gives it.
#[derive(Debug, Clone, Default)]
pub struct ProtocolQuery {
    /// The query text.
    pub query: String,
    /// `default-graph-uri` values (none: the union of all graphs).
    pub default_graphs: Vec<String>,
    /// `named-graph-uri` values (none: all named graphs).
    pub named_graphs: Vec<String>,
    /// Time limit.
    pub timeout: std::time::Duration,
    /// Largest number of result rows (or triples).
    pub max_results: usize,
}

/// Why a protocol query failed, as the protocol's status codes tell it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtocolError {
    /// 400: the query does not parse (the parser's message), or a bad parameter.
    Malformed(String),
    /// 406: none of the accepted media types fits the query's form.
    NotAcceptable(String),
    /// 503: the time limit was reached.
    Timeout(std::time::Duration),
    /// 413: more results than the limit.
    TooLarge(usize),
    /// 500: anything else.
    Internal(String),
}

impl KnowledgeGraph {
    fn prepare(&self, query: &str, union: bool) -> Result<oxigraph::sparql::PreparedSparqlQuery> {
        let mut q = SparqlEvaluator::new().parse_query(query).map_err(|e| {
            if SparqlEvaluator::new().parse_update(query).is_ok() {
                QueryError::Update
            } else {
                QueryError::Syntax(e.to_string())
            }
        })?;
        if union {
            q.dataset_mut().set_default_graph_as_union();
        }
        Ok(q)
    }

    /// Runs a query and serializes its results in a standard format (SELECT/ASK) or as
    /// N-Triples (CONSTRUCT/DESCRIBE). With `union`, the default graph is the union of all graphs.
    pub fn query_to<W: Write>(
        &self,
        query: &str,
        union: bool,
        format: ResultFormat,
        mut w: W,
    ) -> Result<W> {
        let prepared = self.prepare(query, union)?;
        let results = prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| QueryError::Evaluation(e.to_string()))?;
        let fmt = match format {
            ResultFormat::Json => QueryResultsFormat::Json,
            ResultFormat::Xml => QueryResultsFormat::Xml,
            ResultFormat::Csv => QueryResultsFormat::Csv,
            ResultFormat::Tsv => QueryResultsFormat::Tsv,
        };
        let io = |e: std::io::Error| QueryError::Write(e);
        match results {
            QueryResults::Solutions(solutions) => {
                let mut s = QueryResultsSerializer::from_format(fmt)
                    .serialize_solutions_to_writer(&mut w, solutions.variables().to_vec())
                    .map_err(io)?;
                for sol in solutions {
                    let sol = sol.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                    s.serialize(&sol).map_err(io)?;
                }
                s.finish().map_err(io)?;
            }
            QueryResults::Boolean(b) => {
                QueryResultsSerializer::from_format(fmt)
                    .serialize_boolean_to_writer(&mut w, b)
                    .map_err(io)?;
            }
            QueryResults::Graph(triples) => {
                let mut s = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(&mut w);
                for t in triples {
                    let t = t.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                    s.serialize_triple(&t).map_err(io)?;
                }
                s.finish().map_err(io)?;
            }
        }
        Ok(w)
    }

    /// Runs a query and returns plain values.
    pub fn query(&self, query: &str, union: bool) -> Result<Answer> {
        self.query_as(query, union, plain)
    }

    /// Runs a query and returns values as a reader of a table wants them: strings quoted with
    /// their language tag (`"الرقة"@ar`) or datatype, IRIs bare.
    pub fn query_tagged(&self, query: &str, union: bool) -> Result<Answer> {
        self.query_as(query, union, tagged)
    }

    fn query_as(&self, query: &str, union: bool, cell: fn(&Term) -> String) -> Result<Answer> {
        let prepared = self.prepare(query, union)?;
        let results = prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| QueryError::Evaluation(e.to_string()))?;
        Ok(match results {
            QueryResults::Solutions(solutions) => {
                let vars: Vec<String> = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let mut rows = Vec::new();
                for sol in solutions {
                    let sol = sol.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                    rows.push(vars.iter().map(|v| sol.get(v.as_str()).map(cell)).collect());
                }
                Answer::Rows(vars, rows)
            }
            QueryResults::Boolean(b) => Answer::Boolean(b),
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for t in triples {
                    out.push(
                        t.map_err(|e| QueryError::Evaluation(e.to_string()))?
                            .to_string()
                            + " .",
                    );
                }
                Answer::Triples(out)
            }
        })
    }
}

impl KnowledgeGraph {
    /// Answers a SPARQL protocol query: the results in the best accepted media type, with that
    /// type. Read-only by construction: an update does not parse as a query.
    pub fn protocol_query(
        &self,
        q: &ProtocolQuery,
        negotiate: &dyn Fn(QueryForm) -> std::result::Result<&'static str, ProtocolError>,
    ) -> std::result::Result<(&'static str, Vec<u8>), ProtocolError> {
        use oxigraph::sparql::{CancellationToken, QueryEvaluationError};
        let token = CancellationToken::new();
        let mut prepared = SparqlEvaluator::new()
            .with_cancellation_token(token.clone())
            .parse_query(&q.query)
            .map_err(|e| ProtocolError::Malformed(e.to_string()))?;
        if q.default_graphs.is_empty() {
            prepared.dataset_mut().set_default_graph_as_union();
        } else {
            let mut gs = Vec::new();
            for g in &q.default_graphs {
                gs.push(GraphName::NamedNode(NamedNode::new(g).map_err(|e| {
                    ProtocolError::Malformed(format!("default-graph-uri {g}: {e}"))
                })?));
            }
            prepared.dataset_mut().set_default_graph(gs);
        }
        if !q.named_graphs.is_empty() {
            let mut gs = Vec::new();
            for g in &q.named_graphs {
                gs.push(
                    NamedNode::new(g)
                        .map_err(|e| ProtocolError::Malformed(format!("named-graph-uri {g}: {e}")))?
                        .into(),
                );
            }
            prepared.dataset_mut().set_available_named_graphs(gs);
        }
        // the watchdog: cancels the evaluation when the time limit is reached
        let done = std::sync::Arc::new((std::sync::Mutex::new(false), std::sync::Condvar::new()));
        let watchdog = {
            let (done, token, limit) = (done.clone(), token.clone(), q.timeout);
            std::thread::spawn(move || {
                let (lock, cv) = &*done;
                let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
                let (guard, res) = cv
                    .wait_timeout_while(guard, limit, |d| !*d)
                    .unwrap_or_else(|e| e.into_inner());
                if res.timed_out() && !*guard {
                    token.cancel();
                }
            })
        };
        let started = std::time::Instant::now();
        let map = |e: QueryEvaluationError| match e {
            QueryEvaluationError::Cancelled => ProtocolError::Timeout(q.timeout),
            other => ProtocolError::Internal(other.to_string()),
        };
        let result = (|| {
            let results = prepared.on_store(&self.store).execute().map_err(map)?;
            let io = |e: std::io::Error| ProtocolError::Internal(e.to_string());
            let mut buf = Vec::new();
            let media = match results {
                QueryResults::Solutions(solutions) => {
                    let media = negotiate(QueryForm::Solutions)?;
                    let fmt = QueryResultsFormat::from_media_type(media)
                        .ok_or_else(|| ProtocolError::Internal(media.into()))?;
                    let mut s = QueryResultsSerializer::from_format(fmt)
                        .serialize_solutions_to_writer(&mut buf, solutions.variables().to_vec())
                        .map_err(io)?;
                    for (n, sol) in solutions.enumerate() {
                        if n >= q.max_results {
                            return Err(ProtocolError::TooLarge(q.max_results));
                        }
                        s.serialize(&sol.map_err(map)?).map_err(io)?;
                    }
                    s.finish().map_err(io)?;
                    media
                }
                QueryResults::Boolean(b) => {
                    let media = negotiate(QueryForm::Boolean)?;
                    let fmt = QueryResultsFormat::from_media_type(media)
                        .ok_or_else(|| ProtocolError::Internal(media.into()))?;
                    QueryResultsSerializer::from_format(fmt)
                        .serialize_boolean_to_writer(&mut buf, b)
                        .map_err(io)?;
                    media
                }
                QueryResults::Graph(triples) => {
                    let media = negotiate(QueryForm::Graph)?;
                    let fmt = RdfFormat::from_media_type(media)
                        .ok_or_else(|| ProtocolError::Internal(media.into()))?;
                    let mut s = RdfSerializer::from_format(fmt);
                    for &(p, iri) in crate::vocab::PREFIXES {
                        s = s
                            .with_prefix(p, iri)
                            .map_err(|e| ProtocolError::Internal(e.to_string()))?;
                    }
                    let mut out = s.for_writer(&mut buf);
                    for (n, t) in triples.enumerate() {
                        if n >= q.max_results {
                            return Err(ProtocolError::TooLarge(q.max_results));
                        }
                        out.serialize_triple(&t.map_err(map)?).map_err(io)?;
                    }
                    out.finish().map_err(io)?;
                    media
                }
            };
            Ok((media, buf))
        })();
        {
            let (lock, cv) = &*done;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
            cv.notify_all();
        }
        let _ = watchdog.join();
        match result {
            Err(ProtocolError::Internal(_)) if started.elapsed() >= q.timeout => {
                Err(ProtocolError::Timeout(q.timeout))
            }
            r => r,
        }
    }
}

/// A term as a reader wants it: IRIs bare, strings as their value, other literals `value^^type`.
fn plain(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => literal_value(l),
        other => other.to_string(),
    }
}

/// A term with its language tag or datatype: `"الرقة"@ar`, `"12"^^xsd:integer`; IRIs bare.
fn tagged(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => {
            let quoted = format!("\"{}\"", l.value().replace('"', "\\\""));
            if let Some(lang) = l.language() {
                format!("{quoted}@{lang}")
            } else if l.datatype() == oxigraph::model::vocab::xsd::STRING {
                quoted
            } else if [
                oxigraph::model::vocab::xsd::INTEGER,
                oxigraph::model::vocab::xsd::DECIMAL,
                oxigraph::model::vocab::xsd::DOUBLE,
                oxigraph::model::vocab::xsd::BOOLEAN,
            ]
            .contains(&l.datatype())
            {
                // as Turtle writes them
                l.value().to_string()
            } else {
                let dt = l.datatype().as_str();
                let short = dt
                    .strip_prefix("http://www.w3.org/2001/XMLSchema#")
                    .map(|x| format!("xsd:{x}"))
                    .unwrap_or_else(|| format!("<{dt}>"));
                format!("{quoted}^^{short}")
            }
        }
        other => other.to_string(),
    }
}

fn literal_value(l: &Literal) -> String {
    l.value().to_string()
}
