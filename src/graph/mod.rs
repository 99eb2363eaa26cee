//! The knowledge graph: `KnowledgeGraph` wraps an Oxigraph `Store` (on disk for the CLI, in
//! memory for tests). This is the only module that uses Oxigraph.

mod quads;

use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfSerializer};
use std::collections::HashSet;

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::vocab::{ath, ath as vocab_ath};

pub use quads::{article_iri, article_quads, corpus_quads, shared_quads};

/// An article already in the store (its text is read on demand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    /// Input name (file name, or JSON Lines id).
    pub source_file: String,
    /// SHA-256 of the text.
    pub sha256: String,
    /// The article's IRI (also its named graph).
    pub iri: String,
}

/// One article's named graph, as a build wants it.
#[derive(Debug)]
pub struct GraphUpdate {
    /// The article IRI (the graph name).
    pub iri: String,
    /// Every quad the graph must hold afterwards.
    pub quads: Vec<Quad>,
    /// The graph of an earlier version of the article, to remove in the same transaction.
    pub replaces: Option<String>,
    /// The article was not in the store when the build started (its graph may still be there,
    /// from a build that was killed).
    pub new: bool,
}

/// What a write changed.
#[derive(Debug, Default, Clone, Copy)]
pub struct WriteStats {
    /// Quads inserted.
    pub inserted: usize,
    /// Quads removed.
    pub removed: usize,
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

/// What `query` says of a SPARQL update: the store is written by `build` only.
pub const UPDATE_REFUSED: &str = "SPARQL updates (INSERT, DELETE, LOAD, CLEAR, …) are not supported: the store is read-only outside `athar build`; change the articles and build again";

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

/// The store. On disk it is a folder:
///
/// - `db/`: the RocksDB database that `build` writes (one writer at a time: RocksDB's lock);
/// - `snapshots/NNNNNNNNNN/`: read-only checkpoints, one per finished build (hard links, so
///   cheap). `query`, `export` and `serve` read the newest, so they see the last finished build
///   whole, even while another build writes `db/`.
pub struct KnowledgeGraph {
    store: Store,
    path: PathBuf,
}

/// The named graph that marks a build in progress: present from a build's first write to its
/// last, so that a build that was killed is finished by the next one.
const PENDING_GRAPH: &str = "https://w3id.org/athar/graph/pending-build";

fn store_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// The snapshots of a store folder, oldest first.
fn snapshots(dir: &Path) -> Vec<(u64, PathBuf)> {
    let mut out: Vec<(u64, PathBuf)> = std::fs::read_dir(dir.join("snapshots"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_str()?.parse::<u64>().ok()?;
            Some((n, e.path()))
        })
        .collect();
    out.sort();
    out
}

impl KnowledgeGraph {
    /// Opens (or creates) the store in a folder, for writing.
    pub fn open(path: &Path) -> Result<Self> {
        if path.join("CURRENT").exists() {
            return Err(store_err(
                path,
                "this store was made by an older athar (one database, no snapshots); remove the folder and build again",
            ));
        }
        let db = path.join("db");
        std::fs::create_dir_all(&db).map_err(|e| Error::io(&db, e))?;
        let store = Store::open(&db).map_err(|e| {
            let msg = e.to_string();
            if msg.to_lowercase().contains("lock") {
                store_err(
                    path,
                    "another athar build is writing this store; wait for it to finish (query, export and serve still read the last finished build)",
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

    /// Opens the newest snapshot of a store, read-only: the last build that finished.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let (_, snap) = Self::latest_snapshot(path)?;
        let store = Store::open_read_only(&snap).map_err(|e| store_err(&snap, e))?;
        Ok(KnowledgeGraph {
            store,
            path: path.to_path_buf(),
        })
    }

    /// The generation and folder of the newest snapshot.
    pub fn latest_snapshot(path: &Path) -> Result<(u64, PathBuf)> {
        if path.join("CURRENT").exists() {
            return Err(store_err(
                path,
                "this store was made by an older athar; remove the folder and build again",
            ));
        }
        snapshots(path).pop().ok_or_else(|| {
            store_err(
                path,
                if path.join("db").exists() {
                    "no finished build in this store yet (a build is running, or the first one was interrupted: run `athar build` again)"
                } else {
                    "no athar store here (run `athar build` first)"
                },
            )
        })
    }

    /// Publishes the current state as the newest snapshot (written under a temporary name, then
    /// renamed, so readers never see half a snapshot), and removes all but the two newest.
    pub fn snapshot(&self) -> Result<()> {
        if self.path.as_os_str().is_empty() {
            return Ok(());
        }
        self.store.flush().map_err(|e| store_err(&self.path, e))?;
        let dir = self.path.join("snapshots");
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let all = snapshots(&self.path);
        let next = all.last().map_or(1, |(n, _)| n + 1);
        let tmp = dir.join(format!(".tmp-{next:010}"));
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
        }
        self.store
            .backup(&tmp)
            .map_err(|e| store_err(&self.path, e))?;
        let fin = dir.join(format!("{next:010}"));
        std::fs::rename(&tmp, &fin).map_err(|e| Error::io(&fin, e))?;
        // a reader that opened an older snapshot keeps its files open; keep one generation back
        // for readers that are about to open it
        let all = snapshots(&self.path);
        for (_, old) in all.iter().take(all.len().saturating_sub(2)) {
            std::fs::remove_dir_all(old).map_err(|e| Error::io(old, e))?;
        }
        Ok(())
    }

    /// Whether the newest snapshot shows what `db/` holds (false after a build that was killed).
    pub fn has_pending_build(&self) -> Result<bool> {
        let g = NamedNode::new_unchecked(PENDING_GRAPH);
        Ok(self
            .store
            .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
            .next()
            .is_some())
    }

    /// Marks (or unmarks) a build in progress.
    pub fn set_pending_build(&self, pending: bool) -> Result<()> {
        let g = NamedNode::new_unchecked(PENDING_GRAPH);
        let q = Quad::new(
            g.clone(),
            NamedNode::new_unchecked(crate::vocab::RDF_TYPE),
            NamedNode::new_unchecked(ath("BuildInProgress")),
            GraphName::NamedNode(g.clone()),
        );
        let r = if pending {
            self.store.insert(&q)
        } else {
            self.store.remove(&q)
        };
        r.map_err(|e| store_err(&self.path, e))
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

    /// Articles in the store, sorted by name.
    pub fn articles(&self) -> Result<Vec<StoredArticle>> {
        let q = format!(
            "SELECT ?f ?h ?d WHERE {{ GRAPH ?d {{ ?d a <{a}> ; <{f}> ?f ; <{h}> ?h }} }} ORDER BY ?f",
            a = ath(vocab_ath::ARTICLE),
            f = ath(vocab_ath::SOURCE_FILE),
            h = ath(vocab_ath::SHA256),
        );
        let Answer::Rows(_, rows) = self.query(&q, false)? else {
            return Ok(Vec::new());
        };
        let mut out: Vec<StoredArticle> = rows
            .into_iter()
            .map(|r| StoredArticle {
                source_file: r[0].clone().unwrap_or_default(),
                sha256: r[1].clone().unwrap_or_default(),
                iri: r[2].clone().unwrap_or_default(),
            })
            .collect();
        out.sort_by(|a, b| a.source_file.cmp(&b.source_file));
        Ok(out)
    }

    /// A stored article as a document again: its text and the metadata its input gave, so that
    /// extracting it again gives what extracting the input gave.
    pub fn article_document(&self, iri: &str) -> Result<crate::text::Document> {
        let d = NamedNode::new_unchecked(iri);
        let mut values: std::collections::HashMap<String, String> = Default::default();
        for q in self.store.quads_for_pattern(
            Some(d.as_ref().into()),
            None,
            None,
            Some(d.as_ref().into()),
        ) {
            let q = q.map_err(|e| store_err(&self.path, e))?;
            if let Term::Literal(l) = q.object {
                let p = q.predicate.as_str();
                let local = p.strip_prefix(crate::vocab::ATH).unwrap_or(p);
                values.insert(local.to_string(), l.value().to_string());
            }
        }
        let get = |k: &str| values.get(k).cloned();
        let text = get(vocab_ath::TEXT)
            .ok_or_else(|| store_err(&self.path, format!("article {iri} has no text")))?;
        let name = get(vocab_ath::SOURCE_FILE).unwrap_or_default();
        let format = match get(vocab_ath::INPUT_FORMAT).as_deref() {
            Some("html") => "html",
            Some("jsonl") => "jsonl",
            _ => "text",
        };
        let from_meta = format != "text";
        let meta = crate::text::Meta {
            format,
            id: get(vocab_ath::EXTERNAL_ID),
            url: get(vocab_ath::URL),
            outlet: get(vocab_ath::OUTLET_NAME),
            // a title or date the input gave apart from the text (a date read from the text
            // keeps the characters it was read from)
            title: get(vocab_ath::TITLE).filter(|_| from_meta),
            published: get(vocab_ath::PUBLISHED_ON)
                .filter(|_| from_meta && !values.contains_key(vocab_ath::PUBLISHED_ON_TEXT)),
        };
        let doc = crate::text::Document::new(name, text).with_meta(meta);
        if crate::graph::article_iri(&doc.sha256) != iri {
            return Err(store_err(
                &self.path,
                format!("article {iri}: its text does not match its hash"),
            ));
        }
        Ok(doc)
    }

    /// Writes article graphs in one transaction: each graph ends up holding exactly its quads
    /// (only the difference is written), and a replaced version's graph is removed.
    pub fn write_articles(&self, updates: &[GraphUpdate]) -> Result<WriteStats> {
        let err = |e: oxigraph::store::StorageError| store_err(&self.path, e);
        let mut stats = WriteStats::default();
        // articles new to the store go in through the bulk loader: sorted files ingested in one
        // atomic step at commit, much faster than a transaction
        let fresh = |u: &GraphUpdate| {
            u.new && u.replaces.is_none() && {
                let g = NamedNode::new_unchecked(&u.iri);
                self.store
                    .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
                    .next()
                    .is_none()
            }
        };
        if !self.path.as_os_str().is_empty() && updates.iter().all(fresh) {
            let mut loader = self
                .store
                .bulk_loader()
                .with_num_threads(1)
                .with_max_memory_size_in_megabytes(256);
            // one call: the loader writes a set of files per call
            stats.inserted = updates.iter().map(|u| u.quads.len()).sum();
            loader
                .load_quads(updates.iter().flat_map(|u| u.quads.iter().cloned()))
                .map_err(err)?;
            loader.commit().map_err(err)?;
            return Ok(stats);
        }
        let mut tx = self.store.start_transaction().map_err(err)?;
        for u in updates {
            let g = NamedNode::new_unchecked(&u.iri);
            stats.add(diff_graph(&mut tx, GraphName::NamedNode(g), &u.quads).map_err(err)?);
            if let Some(old) = &u.replaces {
                let og = NamedNode::new_unchecked(old);
                let n = tx
                    .quads_for_pattern(None, None, None, Some(og.as_ref().into()))
                    .count();
                stats.removed += n;
                tx.remove_named_graph(og.as_ref()).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(stats)
    }

    /// Sets the graphs that belong to no article (entity descriptions, gazetteer, ontology) to
    /// exactly `quads`, and clears the build-in-progress mark, in one transaction.
    pub fn write_shared(&self, quads: &[Quad]) -> Result<WriteStats> {
        let err = |e: oxigraph::store::StorageError| store_err(&self.path, e);
        let mut by_graph: std::collections::BTreeMap<String, (GraphName, Vec<Quad>)> =
            std::collections::BTreeMap::new();
        for g in [
            GraphName::DefaultGraph,
            GraphName::NamedNode(NamedNode::new_unchecked(crate::vocab::GAZETTEER_GRAPH)),
            GraphName::NamedNode(NamedNode::new_unchecked(crate::vocab::ONTOLOGY_GRAPH)),
        ] {
            by_graph.insert(g.to_string(), (g, Vec::new()));
        }
        for q in quads {
            by_graph
                .entry(q.graph_name.to_string())
                .or_insert_with(|| (q.graph_name.clone(), Vec::new()))
                .1
                .push(q.clone());
        }
        let mut stats = WriteStats::default();
        let mut tx = self.store.start_transaction().map_err(err)?;
        for (g, qs) in by_graph.into_values() {
            stats.add(diff_graph(&mut tx, g, &qs).map_err(err)?);
        }
        tx.remove_named_graph(NamedNode::new_unchecked(PENDING_GRAPH).as_ref())
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(stats)
    }

    /// Replaces the whole dataset with `quads`, in one transaction (tests and small stores).
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

    /// The quads of one named graph.
    pub fn graph_quads(&self, iri: &str) -> Result<Vec<Quad>> {
        let g = NamedNode::new_unchecked(iri);
        self.store
            .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
            .map(|q| q.map_err(|e| store_err(&self.path, e)))
            .collect()
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

    /// Writes the dataset as N-Quads in the store's own order, streaming (deterministic too, but
    /// not sorted by text): for stores too large to sort in memory.
    pub fn dump_nquads<W: Write>(&self, w: W) -> Result<W> {
        let mut s = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(w);
        for q in self.store.iter() {
            let q = q.map_err(|e| store_err(&self.path, e))?;
            s.serialize_quad(&q).map_err(|e| Error::io(&self.path, e))?;
        }
        s.finish().map_err(|e| Error::io(&self.path, e))
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
        let mut q = SparqlEvaluator::new().parse_query(query).map_err(|e| {
            if SparqlEvaluator::new().parse_update(query).is_ok() {
                Error::Query(UPDATE_REFUSED.into())
            } else {
                Error::Query(e.to_string())
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
                    rows.push(vars.iter().map(|v| sol.get(v.as_str()).map(cell)).collect());
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

impl WriteStats {
    fn add(&mut self, o: WriteStats) {
        self.inserted += o.inserted;
        self.removed += o.removed;
    }
}

/// Makes graph `g` hold exactly `want`: removes what it has more, inserts what it lacks.
fn diff_graph(
    tx: &mut oxigraph::store::Transaction<'_>,
    g: GraphName,
    want: &[Quad],
) -> std::result::Result<WriteStats, oxigraph::store::StorageError> {
    let want: HashSet<&Quad> = want.iter().filter(|q| q.graph_name == g).collect();
    let have: HashSet<Quad> = tx
        .quads_for_pattern(None, None, None, Some(g.as_ref()))
        .collect::<std::result::Result<_, _>>()?;
    let mut stats = WriteStats::default();
    for q in &have {
        if !want.contains(q) {
            tx.remove(q);
            stats.removed += 1;
        }
    }
    for q in want {
        if !have.contains(q) {
            tx.insert(q);
            stats.inserted += 1;
        }
    }
    Ok(stats)
}

/// The IRIs of the subjects of `quads` that extend `prefix` (an article's mention, figure and
/// event nodes are `ARTICLE_IRI/…`).
pub fn subjects_under(quads: &[Quad], prefix: &str) -> HashSet<String> {
    quads
        .iter()
        .filter_map(|q| match &q.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
            _ => None,
        })
        .filter(|n| n.len() > prefix.len() && n.starts_with(prefix))
        .map(str::to_string)
        .collect()
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
    /// The media types the client accepts, best first (empty: the defaults).
    pub accept: Vec<String>,
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

/// The media types results are written in, by query form.
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

impl KnowledgeGraph {
    /// Answers a SPARQL protocol query: the results in the best accepted media type, with that
    /// type. Read-only by construction: an update does not parse as a query.
    pub fn protocol_query(
        &self,
        q: &ProtocolQuery,
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
                    let media = choose(&q.accept, RESULT_TYPES)
                        .ok_or_else(|| ProtocolError::NotAcceptable(RESULT_TYPES.join(", ")))?;
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
                    let media = choose(&q.accept, RESULT_TYPES)
                        .ok_or_else(|| ProtocolError::NotAcceptable(RESULT_TYPES.join(", ")))?;
                    let fmt = QueryResultsFormat::from_media_type(media)
                        .ok_or_else(|| ProtocolError::Internal(media.into()))?;
                    QueryResultsSerializer::from_format(fmt)
                        .serialize_boolean_to_writer(&mut buf, b)
                        .map_err(io)?;
                    media
                }
                QueryResults::Graph(triples) => {
                    let media = choose(&q.accept, GRAPH_TYPES)
                        .ok_or_else(|| ProtocolError::NotAcceptable(GRAPH_TYPES.join(", ")))?;
                    let fmt = RdfFormat::from_media_type(media)
                        .ok_or_else(|| ProtocolError::Internal(media.into()))?;
                    let mut s = RdfSerializer::from_format(fmt);
                    for (p, iri) in [
                        ("ath", crate::vocab::ATH),
                        ("id", crate::vocab::ID),
                        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
                    ] {
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
