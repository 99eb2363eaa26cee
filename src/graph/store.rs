//! The store: `KnowledgeGraph` and how builds write it.

use std::path::{Path, PathBuf};

use std::collections::HashSet;

use oxigraph::model::{GraphName, NamedNode, Quad, Term};
use oxigraph::store::Store;

use super::Answer;
use crate::error::{Error, Result};
use crate::vocab::{ath, ath as vocab_ath};

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

/// The store. On disk it is a folder:
///
/// - `db/`: the RocksDB database that `build` writes (one writer at a time: RocksDB's lock);
/// - `snapshots/NNNNNNNNNN/`: read-only checkpoints, one per finished build (hard links, so
///   cheap). `query`, `export` and `serve` read the newest, so they see the last finished build
///   whole, even while another build writes `db/`.
pub struct KnowledgeGraph {
    pub(super) store: Store,
    pub(super) path: PathBuf,
}

/// The named graph that marks a build in progress: present from a build's first write to its
/// last, so that a build that was killed is finished by the next one.
use crate::vocab::PENDING_GRAPH;

pub(super) fn store_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// The file in a store folder naming the snapshot published from what `db/` holds.
const PUBLISHED_MARK: &str = "published.txt";

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
        // the snapshot shows what db/ holds (a build removes the mark before it writes)
        let mark = self.path.join(PUBLISHED_MARK);
        std::fs::write(&mark, format!("{next}\n")).map_err(|e| Error::io(&mark, e))?;
        // a reader that opened an older snapshot keeps its files open; keep one generation back
        // for readers that are about to open it
        let all = snapshots(&self.path);
        for (_, old) in all.iter().take(all.len().saturating_sub(2)) {
            std::fs::remove_dir_all(old).map_err(|e| Error::io(old, e))?;
        }
        Ok(())
    }

    /// Whether the newest snapshot was published from what `db/` holds now: the mark `snapshot`
    /// writes names it, and no build has started writing since (a build killed after its last
    /// commit but before its snapshot was published leaves no mark).
    pub fn snapshot_is_current(path: &Path) -> bool {
        let Some((n, _)) = snapshots(path).pop() else {
            return false;
        };
        std::fs::read_to_string(path.join(PUBLISHED_MARK))
            .ok()
            .and_then(|t| t.trim().parse::<u64>().ok())
            == Some(n)
    }

    /// Removes the mark that the newest snapshot shows `db/`: a build is about to write.
    pub fn unmark_published(&self) -> Result<()> {
        let mark = self.path.join(PUBLISHED_MARK);
        if !self.path.as_os_str().is_empty() && mark.exists() {
            std::fs::remove_file(&mark).map_err(|e| Error::io(&mark, e))?;
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
    /// (only the difference is written), and a replaced version's graph is removed. New
    /// articles go through the bulk loader with `threads` threads.
    pub fn write_articles(&self, updates: &[GraphUpdate], threads: usize) -> Result<WriteStats> {
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
            // an article's quads may repeat (the store keeps a set): count each once
            stats.inserted = updates
                .iter()
                .map(|u| u.quads.iter().collect::<HashSet<&Quad>>().len())
                .sum();
            // the loader sorts each batch into files on a thread of its own, batch size being
            // its memory budget (in thousands of quads) over its threads: one batch per thread
            let threads = threads.max(1);
            let budget = if threads > 1 {
                stats.inserted.div_ceil(1000).max(1)
            } else {
                256
            };
            let mut loader = self
                .store
                .bulk_loader()
                .with_num_threads(threads)
                .with_max_memory_size_in_megabytes(budget);
            // one call: the loader writes a set of files per batch
            loader
                .load_quads(updates.iter().flat_map(|u| u.quads.iter().cloned()))
                .map_err(err)?;
            loader.commit().map_err(err)?;
            return Ok(stats);
        }
        let mut tx = self.store.start_transaction().map_err(err)?;
        for u in updates {
            let g = NamedNode::new_unchecked(&u.iri);
            let g = GraphName::NamedNode(g);
            stats.add(diff_quads(&mut tx, None, &g, &u.quads).map_err(err)?);
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
        // the last write recorded a digest of each subject's quads in each graph: a subject whose
        // quads hash to the same is left alone, so that adding a few articles rewrites only the
        // entities they change (without a record, every graph is diffed whole)
        let digests_path = self.path.join(SHARED_DIGESTS);
        type Digests = std::collections::HashMap<String, std::collections::HashMap<String, String>>;
        let before: Option<Digests> = if self.path.as_os_str().is_empty() {
            None
        } else {
            std::fs::read_to_string(&digests_path).ok().map(|text| {
                let mut by_graph = Digests::new();
                for l in text.lines() {
                    let mut it = l.splitn(3, '\t');
                    if let (Some(g), Some(sub), Some(d)) = (it.next(), it.next(), it.next()) {
                        by_graph
                            .entry(g.to_string())
                            .or_default()
                            .insert(sub.to_string(), d.to_string());
                    }
                }
                by_graph
            })
        };
        let mut after = String::new();
        let mut stats = WriteStats::default();
        let mut tx = self.store.start_transaction().map_err(err)?;
        for (name, (g, qs)) in by_graph {
            let mut by_subject: std::collections::BTreeMap<String, Vec<Quad>> = Default::default();
            for q in qs.iter() {
                by_subject
                    .entry(q.subject.to_string())
                    .or_default()
                    .push(q.clone());
            }
            let digests: Vec<(String, String)> = by_subject
                .iter()
                .map(|(sub, qs)| (sub.clone(), quads_digest(qs)))
                .collect();
            // (a graph that should hold quads and holds none is written whatever the record says)
            let empty = !qs.is_empty()
                && tx
                    .quads_for_pattern(None, None, None, Some(g.as_ref()))
                    .next()
                    .is_none();
            match before.as_ref().filter(|_| !empty) {
                None => stats.add(diff_quads(&mut tx, None, &g, &qs).map_err(err)?),
                Some(before) => {
                    let none = Default::default();
                    let before = before.get(&name).unwrap_or(&none);
                    for (sub, d) in &digests {
                        if before.get(sub) != Some(d) {
                            let want = &by_subject[sub];
                            let s = Some(&want[0].subject);
                            stats.add(diff_quads(&mut tx, s, &g, want).map_err(err)?);
                        }
                    }
                    // subjects the graph no longer describes
                    for sub in before.keys().filter(|s| !by_subject.contains_key(*s)) {
                        if let Some(node) = parse_subject(sub) {
                            stats.add(diff_quads(&mut tx, Some(&node), &g, &[]).map_err(err)?);
                        }
                    }
                }
            }
            for (sub, d) in digests {
                after.push_str(&format!("{name}\t{sub}\t{d}\n"));
            }
        }
        tx.remove_named_graph(NamedNode::new_unchecked(PENDING_GRAPH).as_ref())
            .map_err(err)?;
        // the old digests go before the commit: a build killed between the two diffs every
        // graph next time
        if !self.path.as_os_str().is_empty() && digests_path.exists() {
            std::fs::remove_file(&digests_path).map_err(|e| Error::io(&digests_path, e))?;
        }
        tx.commit().map_err(err)?;
        if !self.path.as_os_str().is_empty() {
            std::fs::write(&digests_path, after).map_err(|e| Error::io(&digests_path, e))?;
        }
        Ok(stats)
    }

    /// Replaces the whole dataset with `quads`, in one transaction (tests and small stores).
    pub fn replace_all(&self, quads: &[Quad]) -> Result<()> {
        let digests = self.path.join(SHARED_DIGESTS);
        if !self.path.as_os_str().is_empty() && digests.exists() {
            std::fs::remove_file(&digests).map_err(|e| Error::io(&digests, e))?;
        }
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
}

impl WriteStats {
    fn add(&mut self, o: WriteStats) {
        self.inserted += o.inserted;
        self.removed += o.removed;
    }
}

/// The file in the store folder that records a digest of each subject's quads in each shared
/// graph, as last written (`graph<TAB>subject<TAB>digest` lines).
const SHARED_DIGESTS: &str = "shared-digests.tsv";

/// A digest of a set of quads.
fn quads_digest(quads: &[Quad]) -> String {
    use sha2::{Digest, Sha256};
    let mut lines: Vec<String> = quads.iter().map(Quad::to_string).collect();
    lines.sort_unstable();
    let mut h = Sha256::new();
    for l in lines {
        h.update(l.as_bytes());
        h.update(b"\n");
    }
    format!("{:x}", h.finalize())
}

/// A subject as `to_string` wrote it: `<iri>` (shared graphs have no blank nodes).
fn parse_subject(s: &str) -> Option<oxigraph::model::NamedOrBlankNode> {
    let iri = s.strip_prefix('<')?.strip_suffix('>')?;
    NamedNode::new(iri).ok().map(Into::into)
}

/// Makes the quads of graph `g` (of `subject` only, if given) exactly those of `want` that
/// fall in that pattern: removes what the store has more, inserts what it lacks.
fn diff_quads(
    tx: &mut oxigraph::store::Transaction<'_>,
    subject: Option<&oxigraph::model::NamedOrBlankNode>,
    g: &GraphName,
    want: &[Quad],
) -> std::result::Result<WriteStats, oxigraph::store::StorageError> {
    let want: HashSet<&Quad> = want
        .iter()
        .filter(|q| q.graph_name == *g && subject.is_none_or(|s| q.subject == *s))
        .collect();
    let have: HashSet<Quad> = tx
        .quads_for_pattern(subject.map(|s| s.as_ref()), None, None, Some(g.as_ref()))
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

/// Reads the article graphs of an N-Quads shard (`athar write`) in order, streaming, and calls
/// `each` with `chunk` of them at a time: each article's name, hash and IRI (read from its graph)
/// and its quads. An article's statements must be contiguous (as `write` puts them); a
/// statement outside an article graph, an article graph split in two, or one that does not say
/// its name and hash is an error naming the shard.
pub fn read_shard(
    path: &Path,
    chunk: usize,
    each: &mut dyn FnMut(Vec<(StoredArticle, Vec<Quad>)>) -> Result<()>,
) -> Result<()> {
    let bad = |reason: String| Error::BadInput {
        at: path.display().to_string(),
        reason,
    };
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let source_file = NamedNode::new_unchecked(ath(vocab_ath::SOURCE_FILE));
    let sha = NamedNode::new_unchecked(ath(vocab_ath::SHA256));
    let finish = |iri: String, quads: Vec<Quad>| -> Result<(StoredArticle, Vec<Quad>)> {
        let value = |p: &NamedNode| {
            quads.iter().find_map(|q| match (&q.subject, &q.object) {
                (oxigraph::model::NamedOrBlankNode::NamedNode(s), Term::Literal(l))
                    if s.as_str() == iri && q.predicate == *p =>
                {
                    Some(l.value().to_string())
                }
                _ => None,
            })
        };
        match (value(&source_file), value(&sha)) {
            (Some(source_file), Some(sha256)) if iri.ends_with(&sha256) => Ok((
                StoredArticle {
                    source_file,
                    sha256,
                    iri,
                },
                quads,
            )),
            _ => Err(bad(format!(
                "the graph <{iri}> does not give its article's name and hash"
            ))),
        }
    };
    let mut done: HashSet<String> = HashSet::new();
    let mut current: Option<(String, Vec<Quad>)> = None;
    let mut batch = Vec::with_capacity(chunk);
    let parser = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_reader(std::io::BufReader::with_capacity(1 << 16, f));
    for q in parser {
        let q = q.map_err(|e| bad(format!("not N-Quads: {e}")))?;
        let GraphName::NamedNode(g) = &q.graph_name else {
            return Err(bad(format!(
                "a statement outside an article's graph ({q}): shared graphs go in {}",
                crate::stages::SHARED_SHARD
            )));
        };
        if current.as_ref().is_some_and(|(c, _)| c == g.as_str()) {
            if let Some((_, qs)) = current.as_mut() {
                qs.push(q);
            }
            continue;
        }
        let g = g.as_str().to_string();
        if !g.starts_with(crate::vocab::ARTICLE) {
            return Err(bad(format!("graph <{g}> is not an article's")));
        }
        if !done.insert(g.clone()) {
            return Err(bad(format!(
                "the statements of <{g}> are not together (an article's graph is written whole)"
            )));
        }
        if let Some((iri, qs)) = current.replace((g, vec![q])) {
            batch.push(finish(iri, qs)?);
            if batch.len() >= chunk.max(1) {
                each(std::mem::take(&mut batch))?;
            }
        }
    }
    if let Some((iri, qs)) = current {
        batch.push(finish(iri, qs)?);
    }
    if !batch.is_empty() {
        each(batch)?;
    }
    Ok(())
}

/// The quads of an N-Quads file of shared graphs (`shared.nq`); an article graph there is an
/// error naming the file.
pub fn read_shared_shard(path: &Path) -> Result<Vec<Quad>> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let quads = super::read_nquads(std::io::BufReader::with_capacity(1 << 16, f)).map_err(|e| {
        Error::BadInput {
            at: path.display().to_string(),
            reason: format!("not N-Quads: {e}"),
        }
    })?;
    if let Some(q) = quads.iter().find(|q| {
        matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_str().starts_with(crate::vocab::ARTICLE))
    }) {
        return Err(Error::BadInput {
            at: path.display().to_string(),
            reason: format!("an article's statement among the shared graphs ({q})"),
        });
    }
    Ok(quads)
}
