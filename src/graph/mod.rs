//! The knowledge graph: `KnowledgeGraph` wraps an Oxigraph `Store` (on disk for the CLI, in
//! memory for tests). This is the only module that uses Oxigraph.

mod quads;

use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Literal, Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::vocab::{ath, ath as vocab_ath};

pub use quads::corpus_quads;

/// An article already in the store.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    /// Input file name.
    pub source_file: String,
    /// SHA-256 of the text.
    pub sha256: String,
    /// The text.
    pub text: String,
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

/// The store.
pub struct KnowledgeGraph {
    store: Store,
    path: PathBuf,
}

fn store_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

impl KnowledgeGraph {
    /// Opens (or creates) the store in a folder, for writing.
    pub fn open(path: &Path) -> Result<Self> {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let store = Store::open(path).map_err(|e| {
            let msg = e.to_string();
            if msg.to_lowercase().contains("lock") {
                store_err(
                    path,
                    format!(
                        "{msg} (another athar process is using this store; wait for it to finish)"
                    ),
                )
            } else {
                store_err(path, msg)
            }
        })?;
        Ok(KnowledgeGraph {
            store,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing store for reading.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.join("CURRENT").exists() {
            return Err(store_err(
                path,
                "no athar store here (run `athar build` first)",
            ));
        }
        let store = Store::open_read_only(path).map_err(|e| store_err(path, e))?;
        Ok(KnowledgeGraph {
            store,
            path: path.to_path_buf(),
        })
    }

    /// An empty in-memory store.
    pub fn in_memory() -> Result<Self> {
        let store = Store::new().map_err(|e| store_err(Path::new(""), e))?;
        Ok(KnowledgeGraph {
            store,
            path: PathBuf::new(),
        })
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize> {
        self.store.len().map_err(|e| store_err(&self.path, e))
    }

    /// Whether the store holds nothing.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Articles in the store, sorted by file name.
    pub fn articles(&self) -> Result<Vec<StoredArticle>> {
        let q = format!(
            "SELECT ?f ?h ?t WHERE {{ GRAPH ?g {{ ?d a <{a}> ; <{f}> ?f ; <{h}> ?h ; <{t}> ?t }} }} ORDER BY ?f",
            a = ath(vocab_ath::ARTICLE),
            f = ath(vocab_ath::SOURCE_FILE),
            h = ath(vocab_ath::SHA256),
            t = ath(vocab_ath::TEXT)
        );
        let Answer::Rows(_, rows) = self.query(&q, false)? else {
            return Ok(Vec::new());
        };
        Ok(rows
            .into_iter()
            .map(|r| StoredArticle {
                source_file: r[0].clone().unwrap_or_default(),
                sha256: r[1].clone().unwrap_or_default(),
                text: r[2].clone().unwrap_or_default(),
            })
            .collect())
    }

    /// Replaces the whole dataset with `quads`, in one transaction: readers see the old or the
    /// new dataset, never a mix, and a crash leaves the old one.
    pub fn replace_all(&self, quads: &[Quad]) -> Result<()> {
        let mut tx = self
            .store
            .start_transaction()
            .map_err(|e| store_err(&self.path, e))?;
        tx.clear().map_err(|e| store_err(&self.path, e))?;
        for q in quads {
            tx.insert(q);
        }
        tx.commit().map_err(|e| store_err(&self.path, e))?;
        self.store.flush().map_err(|e| store_err(&self.path, e))
    }

    /// Writes the dataset as N-Quads, one statement a line, lines sorted: the same dataset
    /// always gives the same bytes.
    pub fn write_nquads<W: Write>(&self, mut w: W) -> Result<W> {
        let mut lines = Vec::new();
        for q in self.store.iter() {
            let q = q.map_err(|e| store_err(&self.path, e))?;
            let mut buf = Vec::new();
            let mut s = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut buf);
            s.serialize_quad(&q).map_err(|e| Error::io(&self.path, e))?;
            s.finish().map_err(|e| Error::io(&self.path, e))?;
            lines.push(buf);
        }
        lines.sort();
        for l in lines {
            w.write_all(&l).map_err(|e| Error::io(&self.path, e))?;
        }
        Ok(w)
    }

    /// Writes the dataset as TriG (named graphs kept) or the union of its graphs as Turtle, with
    /// the project's prefixes, statements sorted.
    pub fn write_rdf<W: Write>(&self, trig: bool, w: W) -> Result<W> {
        let mut quads: Vec<oxigraph::model::Quad> = Vec::new();
        for q in self.store.iter() {
            quads.push(q.map_err(|e| store_err(&self.path, e))?);
        }
        let mut s = RdfSerializer::from_format(if trig {
            RdfFormat::TriG
        } else {
            RdfFormat::Turtle
        });
        for (p, iri) in [
            ("ath", crate::vocab::ATH),
            ("id", crate::vocab::ID),
            ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            ("skos", "http://www.w3.org/2004/02/skos/core#"),
            ("owl", "http://www.w3.org/2002/07/owl#"),
            ("xsd", "http://www.w3.org/2001/XMLSchema#"),
            ("geo", "http://www.w3.org/2003/01/geo/wgs84_pos#"),
        ] {
            s = s
                .with_prefix(p, iri)
                .map_err(|e| Error::Query(e.to_string()))?;
        }
        let mut out = s.for_writer(w);
        let io = |e: std::io::Error| Error::io(&self.path, e);
        if trig {
            quads.sort_by(|a, b| {
                (
                    a.graph_name.to_string(),
                    a.subject.to_string(),
                    a.predicate.as_str(),
                    a.object.to_string(),
                )
                    .cmp(&(
                        b.graph_name.to_string(),
                        b.subject.to_string(),
                        b.predicate.as_str(),
                        b.object.to_string(),
                    ))
            });
            for q in &quads {
                out.serialize_quad(q).map_err(io)?;
            }
        } else {
            let mut triples: Vec<oxigraph::model::Triple> = quads
                .into_iter()
                .map(oxigraph::model::Triple::from)
                .collect();
            triples.sort_by_cached_key(|t| {
                (
                    t.subject.to_string(),
                    t.predicate.as_str().to_string(),
                    t.object.to_string(),
                )
            });
            triples.dedup();
            for t in &triples {
                out.serialize_triple(t).map_err(io)?;
            }
        }
        out.finish().map_err(io)
    }

    fn prepare(&self, query: &str, union: bool) -> Result<oxigraph::sparql::PreparedSparqlQuery> {
        let mut q = SparqlEvaluator::new()
            .parse_query(query)
            .map_err(|e| Error::Query(e.to_string()))?;
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
            .map_err(|e| Error::Query(e.to_string()))?;
        let fmt = match format {
            ResultFormat::Json => QueryResultsFormat::Json,
            ResultFormat::Xml => QueryResultsFormat::Xml,
            ResultFormat::Csv => QueryResultsFormat::Csv,
            ResultFormat::Tsv => QueryResultsFormat::Tsv,
        };
        let io = |e: std::io::Error| Error::Query(e.to_string());
        match results {
            QueryResults::Solutions(solutions) => {
                let mut s = QueryResultsSerializer::from_format(fmt)
                    .serialize_solutions_to_writer(&mut w, solutions.variables().to_vec())
                    .map_err(io)?;
                for sol in solutions {
                    let sol = sol.map_err(|e| Error::Query(e.to_string()))?;
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
                    let t = t.map_err(|e| Error::Query(e.to_string()))?;
                    s.serialize_triple(&t).map_err(io)?;
                }
                s.finish().map_err(io)?;
            }
        }
        Ok(w)
    }

    /// Runs a query and returns plain values.
    pub fn query(&self, query: &str, union: bool) -> Result<Answer> {
        let prepared = self.prepare(query, union)?;
        let results = prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| Error::Query(e.to_string()))?;
        Ok(match results {
            QueryResults::Solutions(solutions) => {
                let vars: Vec<String> = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let mut rows = Vec::new();
                for sol in solutions {
                    let sol = sol.map_err(|e| Error::Query(e.to_string()))?;
                    rows.push(
                        vars.iter()
                            .map(|v| sol.get(v.as_str()).map(plain))
                            .collect(),
                    );
                }
                Answer::Rows(vars, rows)
            }
            QueryResults::Boolean(b) => Answer::Boolean(b),
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for t in triples {
                    out.push(t.map_err(|e| Error::Query(e.to_string()))?.to_string() + " .");
                }
                Answer::Triples(out)
            }
        })
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

fn literal_value(l: &Literal) -> String {
    l.value().to_string()
}
