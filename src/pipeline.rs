//! `build`: inputs → articles (new, changed, unchanged) → extraction (parallel, in chunks) →
//! resolution over the whole corpus → the store, written as differences, one transaction per
//! chunk of articles → a snapshot for readers.
//!
//! Memory stays bounded: texts are read in chunks and dropped after use; what is kept across the
//! corpus is each article's name and hash and the resolver's links (names, not texts).
//!
//! Two passes over the texts: the first feeds the resolver (an entity's IRI and label depend on
//! every article), the second writes each article's graph with the final entities. The store then
//! holds exactly what a build from scratch of the same articles gives, whatever the order in
//! which they came.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::extract::{extract, try_extract};
use crate::graph::{article_quads, shared_quads, GraphUpdate, KnowledgeGraph, StoredArticle};
use crate::ingest::{Input, Limits};
use crate::lexicon::Lexicon;
use crate::model::{ArticleFacts, Links, Resolution};
use crate::resolve::{links, resolve, signature, Resolver};
use crate::text::Document;

pub use crate::stages::{Settings, LINKS_DIR};

/// How to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Reference date for dates whose year the text leaves out.
    pub as_of: NaiveDate,
    /// Limits on one input.
    pub limits: Limits,
    /// Articles per chunk: extracted together, written in one transaction.
    pub chunk: usize,
    /// Text bytes whose extraction is kept between the two passes; past it, articles are read
    /// and extracted again in the second pass, so memory stays bounded.
    pub keep_bytes: u64,
}

impl BuildOptions {
    /// Defaults with a reference date.
    pub fn new(as_of: NaiveDate) -> Self {
        BuildOptions {
            as_of,
            limits: Limits::default(),
            chunk: 256,
            keep_bytes: 32 << 20,
        }
    }
}

/// What `build` did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Articles in the store afterwards.
    pub articles: usize,
    /// Articles added.
    pub added: usize,
    /// Articles whose text changed and were replaced.
    pub replaced: usize,
    /// Inputs already in the store unchanged.
    pub unchanged: usize,
    /// Inputs rejected, with the reason.
    pub rejected: Vec<Error>,
    /// Inputs taken with a remark (an encoding other than UTF-8).
    pub notes: Vec<String>,
    /// Files in the input folders of kinds athar does not read, by extension.
    pub skipped: std::collections::BTreeMap<String, usize>,
    /// Entities in the graph.
    pub entities: usize,
    /// Quads in the store.
    pub quads: usize,
    /// Quads inserted.
    pub inserted: usize,
    /// Quads removed.
    pub removed: usize,
    /// Whether the store was written.
    pub written: bool,
    /// Bytes of article text extracted (each pass counted once).
    pub text_bytes: u64,
    /// Seconds spent reading and hashing the inputs.
    pub scan_seconds: f64,
    /// Seconds spent extracting (both passes), resolving and making each article's quads,
    /// summed over threads.
    pub extract_seconds: f64,
    /// Seconds spent writing the store (transactions and snapshot).
    pub write_seconds: f64,
    /// Wall time.
    pub seconds: f64,
}

/// Extracts and resolves a set of documents held in memory (sorted by name first): for tests
/// and tools; `build` streams instead.
pub fn analyze_corpus(
    lex: &Lexicon,
    mut docs: Vec<Document>,
    as_of: NaiveDate,
) -> (Vec<ArticleFacts>, Resolution) {
    docs.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    let arts: Vec<ArticleFacts> = docs
        .into_par_iter()
        .map(|d| extract(lex, d, as_of))
        .collect();
    let res = resolve(lex, &arts);
    (arts, res)
}

/// One article in the first pass: read from the links the store keeps (with the signature its
/// graph was written with), or extracted.
enum Got {
    Links(Links, String),
    Facts(Box<ArticleFacts>, Links),
}

/// The links the store keeps of an article, with their signature.
fn read_links(dir: &Path, sha256: &str) -> Option<(Links, String)> {
    let text = std::fs::read_to_string(dir.join(format!("{sha256}.tsv"))).ok()?;
    Links::from_text(&text).filter(|(l, _)| l.article == sha256)
}

/// Where an article of the corpus comes from in this build.
#[derive(Debug, Clone)]
enum Source {
    /// An input (new or changed).
    Input(Input),
    /// Already in the store, not among the inputs or unchanged there.
    Stored(StoredArticle),
}

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    source: Source,
    /// The graph of the version this one replaces.
    replaces: Option<String>,
}

fn load(graph: &KnowledgeGraph, e: &Entry, limits: &Limits) -> Result<Document> {
    match &e.source {
        Source::Input(i) => crate::ingest::load(i, limits),
        Source::Stored(s) => graph.article_document(&s.iri),
    }
}

/// Builds (or updates) the store at `store` from `inputs`. Each article goes in whole or not at
/// all; a bad input is named in the report and the others still go in; a build on inputs the
/// store already holds writes nothing.
pub fn build(
    lex: &Lexicon,
    inputs: &[PathBuf],
    store: &Path,
    opts: &BuildOptions,
    progress: &(dyn Fn(&str, usize, usize) + Sync),
) -> Result<BuildReport> {
    let t0 = Instant::now();
    let mut report = BuildReport::default();
    let graph = KnowledgeGraph::open(store)?;
    let pending = graph.has_pending_build()?;
    // the quad count the last finished build recorded (removed when a build starts writing)
    let count_path = store.join(QUAD_COUNT);
    let counted: Option<usize> = std::fs::read_to_string(&count_path)
        .ok()
        .and_then(|t| t.trim().parse().ok())
        .filter(|_| !pending);
    // the list of stored articles: the index the last finished build left, else the store's
    let stored = match read_article_index(store).filter(|_| !pending) {
        Some(list) => list,
        None => graph.articles()?,
    };
    let mut scanned = 0usize;
    let scan = crate::ingest::scan(inputs, &opts.limits, &mut |_| {
        scanned += 1;
        progress("reading", scanned, 0);
    });
    report.rejected.extend(scan.rejected);
    report.notes.extend(scan.notes);
    report.skipped = scan.skipped;
    report.scan_seconds = t0.elapsed().as_secs_f64();

    let mut corpus: BTreeMap<String, Entry> = stored
        .iter()
        .map(|s| {
            (
                s.source_file.clone(),
                Entry {
                    name: s.source_file.clone(),
                    source: Source::Stored(s.clone()),
                    replaces: None,
                },
            )
        })
        .collect();
    let mut admission = crate::stages::Admission::holding(
        stored
            .iter()
            .map(|s| (s.sha256.clone(), s.source_file.clone())),
    );
    for input in scan.inputs {
        if let Err(e) = admission.admit(&input) {
            report.rejected.push(e);
            continue;
        }
        let old = stored_version(&stored, &input.name);
        match old {
            Some(s) if s.sha256 == input.sha256 => report.unchanged += 1,
            Some(s) => {
                report.replaced += 1;
                admission.forget(&s.sha256);
                corpus.insert(
                    input.name.clone(),
                    Entry {
                        name: input.name.clone(),
                        source: Source::Input(input),
                        replaces: Some(s.iri.clone()),
                    },
                );
            }
            None => {
                report.added += 1;
                corpus.insert(
                    input.name.clone(),
                    Entry {
                        name: input.name.clone(),
                        source: Source::Input(input),
                        replaces: None,
                    },
                );
            }
        }
    }
    report.articles = corpus.len();
    // (published from what db/ holds: a build killed after its last commit, before its
    // snapshot, left an older one newest)
    let published = KnowledgeGraph::latest_snapshot(store).is_ok()
        && KnowledgeGraph::snapshot_is_current(store);
    // a store that has never published a snapshot publishes one, even of no article (every
    // input rejected), so that readers find a finished, empty build
    let settings = Settings::current(lex, opts.as_of);
    let before = Settings::read(store);
    let resettled = !stored.is_empty() && before.as_ref() != Some(&settings);
    if resettled {
        report.notes.push(match before {
            Some(b) if b.as_of != settings.as_of => format!(
                "built before with --as-of {}: the {} stored articles are extracted again with {}",
                b.as_of,
                stored.len(),
                settings.as_of
            ),
            Some(b) if b.lexicon != settings.lexicon => format!(
                "built before with another lexicon: the {} stored articles are extracted again",
                stored.len()
            ),
            Some(b) => format!(
                "built before by athar {}: the {} stored articles are extracted again",
                b.version,
                stored.len()
            ),
            None => format!(
                "the store does not say which settings built it: the {} stored articles are extracted again",
                stored.len()
            ),
        });
    }
    let dirty = pending || !published || resettled;
    // the links a store keeps of its articles stand for them only if the last build finished
    // with these settings
    let trust_links = !pending && !resettled;
    let links_dir = store.join(LINKS_DIR);
    if report.added + report.replaced == 0 && !dirty {
        report.quads = match counted {
            Some(n) => n,
            None => graph.len()?,
        };
        report.entities = count_entities(&graph)?;
        report.seconds = t0.elapsed().as_secs_f64();
        return Ok(report);
    }
    graph.unmark_published()?;
    graph.set_pending_build(true)?;
    if count_path.exists() {
        std::fs::remove_file(&count_path).map_err(|e| Error::io(&count_path, e))?;
    }
    report.written = true;

    let entries: Vec<Entry> = corpus.into_values().collect();
    let total = entries.len();
    let chunk = opts.chunk.max(1);
    let mut failed: HashSet<String> = HashSet::new();

    // pass 1: the resolver's links, read from the store for the articles it holds, extracted for
    // the others
    let mut resolver = Resolver::new(lex);
    let mut kept: HashMap<String, (ArticleFacts, Links)> = HashMap::new();
    let mut kept_bytes = 0u64;
    // stored articles whose kept links went in: the signature their graph was written with, and
    // the links themselves while they fit the memory budget (else pass 2 reads them again)
    let mut by_links: HashMap<String, (String, Option<Links>)> = HashMap::new();
    for (ci, part) in entries.chunks(chunk).enumerate() {
        let got: Vec<(Result<Got>, f64)> = part
            .par_iter()
            .map(|e| {
                let t = Instant::now();
                let got = (|| {
                    if let (true, Source::Stored(s)) = (trust_links, &e.source) {
                        if let Some((l, sig)) = read_links(&links_dir, &s.sha256) {
                            return Ok(Got::Links(l, sig));
                        }
                    }
                    load(&graph, e, &opts.limits).and_then(|d| {
                        let a = try_extract(lex, d, opts.as_of)?;
                        let l = links(lex, &a);
                        Ok(Got::Facts(Box::new(a), l))
                    })
                })();
                (got, t.elapsed().as_secs_f64())
            })
            .collect();
        for (e, (g, secs)) in part.iter().zip(got) {
            report.extract_seconds += secs;
            match g {
                Ok(Got::Links(l, sig)) => {
                    resolver.add_links(&l);
                    // about what the links take in memory
                    let n = 64 * (l.mentions.len() + l.refs.len() + 4 * l.events.len()) as u64;
                    let keep = kept_bytes + n <= opts.keep_bytes;
                    if keep {
                        kept_bytes += n;
                    }
                    by_links.insert(e.name.clone(), (sig, keep.then_some(l)));
                }
                Ok(Got::Facts(a, l)) => {
                    let n = a.doc.text.len() as u64;
                    report.text_bytes += n;
                    resolver.add_links(&l);
                    if kept_bytes + n <= opts.keep_bytes {
                        kept_bytes += n;
                        kept.insert(e.name.clone(), (*a, l));
                    }
                }
                Err(err) => {
                    failed.insert(e.name.clone());
                    report.rejected.push(err);
                }
            }
        }
        progress("resolving", ((ci + 1) * chunk).min(total), total);
    }
    let t1 = Instant::now();
    let res = resolver.finish();
    report.extract_seconds += t1.elapsed().as_secs_f64();

    // pass 2: each article's graph with the final entities, one bulk load or transaction per
    // chunk; an article read from its links whose graph takes the same from the resolution as
    // when it was written is left alone. With more than one thread, a writer thread stores
    // chunk k while the others make chunk k + 1, so the build goes at the pace of its slower
    // stage.
    std::fs::create_dir_all(&links_dir).map_err(|e| Error::io(&links_dir, e))?;
    let pass = Pass2 {
        lex,
        graph: &graph,
        opts,
        failed: &failed,
        by_links: &by_links,
        kept: &kept,
        res: &res,
        links_dir: &links_dir,
    };
    let threads = rayon::current_num_threads();
    let chunks = entries.chunks(chunk).enumerate();
    // articles whose graph could not be made in pass 2
    let mut late_failed: Vec<String> = Vec::new();
    let done = |ci: usize| progress("writing", ((ci + 1) * chunk).min(total), total);
    if threads <= 1 {
        for (ci, part) in chunks {
            let made = pass.make(part);
            report.extract_seconds += made.seconds;
            report.rejected.extend(made.rejected);
            late_failed.extend(made.failed);
            let w = pass.write(made.updates, made.links, threads)?;
            report.add_write(&w);
            done(ci);
        }
    } else {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Made)>(1);
        let written = std::thread::scope(|s| {
            let writer = s.spawn(|| -> Result<Written> {
                let mut all = Written::default();
                for (ci, made) in rx {
                    all.add(&pass.write(made.updates, made.links, threads)?);
                    done(ci);
                }
                Ok(all)
            });
            for (ci, part) in chunks {
                let mut made = pass.make(part);
                report.extract_seconds += made.seconds;
                report.rejected.append(&mut made.rejected);
                late_failed.extend(std::mem::take(&mut made.failed));
                if tx.send((ci, made)).is_err() {
                    // the writer stopped on an error, which its result carries
                    break;
                }
            }
            drop(tx);
            writer
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))
        })?;
        report.add_write(&written);
    }
    // the articles the store now holds: the index for the next build (written while the
    // pending mark stands, so a build killed before it clears the mark leaves it untrusted)
    let late_failed: HashSet<String> = late_failed.into_iter().collect();
    let mut now: Vec<StoredArticle> = Vec::with_capacity(entries.len());
    for e in &entries {
        let kept = !(failed.contains(&e.name) || late_failed.contains(&e.name));
        match (&e.source, kept) {
            (Source::Stored(s), _) => now.push(s.clone()),
            (Source::Input(i), true) => now.push(StoredArticle {
                source_file: e.name.clone(),
                sha256: i.sha256.clone(),
                iri: crate::graph::article_iri(&i.sha256),
            }),
            // a replacement that failed leaves the version it was to replace
            (Source::Input(_), false) => {
                now.extend(
                    stored_version(&stored, &e.name)
                        .filter(|_| e.replaces.is_some())
                        .cloned(),
                );
            }
        }
    }
    now.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    write_article_index(store, &now)?;
    // links of versions no longer in the store
    let live: HashSet<String> = now.iter().map(|a| a.sha256.clone()).collect();
    if let Ok(dir) = std::fs::read_dir(&links_dir) {
        for f in dir.flatten() {
            let name = f.file_name().to_string_lossy().to_string();
            if !live.contains(name.trim_end_matches(".tsv")) {
                let _ = std::fs::remove_file(f.path());
            }
        }
    }
    let t4 = Instant::now();
    let stats = graph.write_shared(&shared_quads(&res))?;
    report.inserted += stats.inserted;
    report.removed += stats.removed;
    graph.snapshot()?;
    settings.write(store)?;
    report.write_seconds += t4.elapsed().as_secs_f64();
    report.articles = now.len();
    report.entities = res.named;
    // the last count and this build's differences (exact: graphs are written as differences,
    // new graphs whole and counted once), else counted in the store
    report.quads = match counted {
        Some(n) => (n + report.inserted)
            .checked_sub(report.removed)
            .map_or_else(|| graph.len(), Ok)?,
        None => graph.len()?,
    };
    std::fs::write(&count_path, format!("{}\n", report.quads))
        .map_err(|e| Error::io(&count_path, e))?;
    report.seconds = t0.elapsed().as_secs_f64();
    Ok(report)
}

/// What `load` did.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Articles in the store afterwards.
    pub articles: usize,
    /// Shards read (besides the shared one).
    pub shards: usize,
    /// Quads in the store.
    pub quads: usize,
    /// Quads inserted.
    pub inserted: usize,
    /// Quads removed.
    pub removed: usize,
    /// Whether the store was written (a load of the shards it already holds writes nothing).
    pub written: bool,
    /// Wall time.
    pub seconds: f64,
}

/// Articles `load` writes at a time (as `build`'s chunks: one bulk load each).
const LOAD_CHUNK: usize = 1024;

/// The file in a store folder that holds the digest of the shard folder the last `load` put in.
const LOADED: &str = "loaded.txt";

/// The digest of a shard folder: its settings and N-Quads files, names and bytes.
fn shards_digest(files: &[PathBuf]) -> Result<String> {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for f in files {
        h.update(
            f.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
        );
        h.update([0u8]);
        let mut r = std::fs::File::open(f).map_err(|e| Error::io(f, e))?;
        std::io::copy(&mut r, &mut h).map_err(|e| Error::io(f, e))?;
        h.update([0u8]);
    }
    Ok(crate::text::hex(&h.finalize()))
}

/// Sets the store at `store` to exactly the dataset of a shard folder written by `athar write`
/// (or by the Spark job): article graphs through the bulk loader, shard by shard, graphs of
/// articles the shards do not hold removed, then the shared graphs, the records an incremental
/// `build` reads (article index, links, settings, quad count) and a snapshot for readers. Until
/// that snapshot, readers see the last finished build or load; a load killed half-way leaves the
/// pending mark, and the next load or build starts over. Loading the shards the store already
/// holds writes nothing.
pub fn load_shards(shards: &Path, store: &Path, threads: usize) -> Result<LoadReport> {
    let t0 = Instant::now();
    let bad = |reason: String| Error::BadInput {
        at: shards.display().to_string(),
        reason,
    };
    let settings = Settings::read(shards).ok_or_else(|| {
        bad(format!(
            "no readable {} here: not a shard folder of `athar write`",
            crate::stages::SETTINGS_FILE
        ))
    })?;
    let shared = shards.join(crate::stages::SHARED_SHARD);
    if !shared.is_file() {
        return Err(bad(format!("no {} here", crate::stages::SHARED_SHARD)));
    }
    let mut parts: Vec<PathBuf> = std::fs::read_dir(shards)
        .map_err(|e| Error::io(shards, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with("part-") && n.ends_with(".nq")
            })
        })
        .collect();
    parts.sort();
    let mut digested = parts.clone();
    digested.push(shared.clone());
    digested.push(shards.join(crate::stages::SETTINGS_FILE));
    let digest = shards_digest(&digested)?;

    let mut report = LoadReport {
        shards: parts.len(),
        ..LoadReport::default()
    };
    let graph = KnowledgeGraph::open(store)?;
    let pending = graph.has_pending_build()?;
    let published = KnowledgeGraph::latest_snapshot(store).is_ok()
        && KnowledgeGraph::snapshot_is_current(store);
    let loaded = std::fs::read_to_string(store.join(LOADED)).ok();
    let count_path = store.join(QUAD_COUNT);
    if !pending && published && loaded.as_deref().map(str::trim) == Some(digest.as_str()) {
        report.articles = read_article_index(store).map_or(0, |l| l.len());
        report.quads = match std::fs::read_to_string(&count_path)
            .ok()
            .and_then(|t| t.trim().parse().ok())
        {
            Some(n) => n,
            None => graph.len()?,
        };
        report.seconds = t0.elapsed().as_secs_f64();
        return Ok(report);
    }
    let stored: HashSet<String> = graph.articles()?.into_iter().map(|a| a.iri).collect();
    graph.unmark_published()?;
    graph.set_pending_build(true)?;
    for f in [count_path.clone(), store.join(LOADED)] {
        if f.exists() {
            std::fs::remove_file(&f).map_err(|e| Error::io(&f, e))?;
        }
    }
    report.written = true;
    let mut now: Vec<StoredArticle> = Vec::new();
    let mut names: HashMap<String, PathBuf> = HashMap::new();
    for part in &parts {
        // a chunk of articles at a time: memory stays bounded whatever the shard's size
        crate::graph::read_shard(part, LOAD_CHUNK, &mut |arts| {
            let mut updates = Vec::with_capacity(arts.len());
            for (a, quads) in arts {
                if let Some(other) = names.insert(a.source_file.clone(), part.clone()) {
                    return Err(Error::BadInput {
                        at: part.display().to_string(),
                        reason: format!(
                            "article «{}» is also in {} (an article goes in one shard)",
                            a.source_file,
                            other.display()
                        ),
                    });
                }
                updates.push(GraphUpdate {
                    new: !stored.contains(&a.iri),
                    iri: a.iri.clone(),
                    quads,
                    replaces: None,
                });
                now.push(a);
            }
            let stats = graph.write_articles(&updates, threads)?;
            report.inserted += stats.inserted;
            report.removed += stats.removed;
            Ok(())
        })?;
    }
    // the graphs of articles the shards do not hold
    let live: HashSet<&str> = now.iter().map(|a| a.iri.as_str()).collect();
    let gone: Vec<GraphUpdate> = stored
        .iter()
        .filter(|iri| !live.contains(iri.as_str()))
        .map(|iri| GraphUpdate {
            iri: iri.clone(),
            quads: Vec::new(),
            replaces: None,
            new: false,
        })
        .collect();
    if !gone.is_empty() {
        let stats = graph.write_articles(&gone, threads)?;
        report.removed += stats.removed;
    }
    now.sort_by(|a, b| a.source_file.cmp(&b.source_file));
    write_article_index(store, &now)?;
    // the links of the articles loaded, as `write` made them for this resolution
    let links_dir = store.join(LINKS_DIR);
    if links_dir.exists() {
        std::fs::remove_dir_all(&links_dir).map_err(|e| Error::io(&links_dir, e))?;
    }
    std::fs::create_dir_all(&links_dir).map_err(|e| Error::io(&links_dir, e))?;
    for a in &now {
        let from = shards.join(LINKS_DIR).join(format!("{}.tsv", a.sha256));
        if from.is_file() {
            let to = links_dir.join(format!("{}.tsv", a.sha256));
            std::fs::copy(&from, &to).map_err(|e| Error::io(&to, e))?;
        }
    }
    let stats = graph.write_shared(&crate::graph::read_shared_shard(&shared)?)?;
    report.inserted += stats.inserted;
    report.removed += stats.removed;
    graph.snapshot()?;
    settings.write(store)?;
    report.articles = now.len();
    report.quads = graph.len()?;
    std::fs::write(&count_path, format!("{}\n", report.quads))
        .map_err(|e| Error::io(&count_path, e))?;
    crate::stages::write_whole(&store.join(LOADED), format!("{digest}\n").as_bytes())?;
    report.seconds = t0.elapsed().as_secs_f64();
    Ok(report)
}

/// What pass 2 needs to make and write an article's graph.
struct Pass2<'a> {
    lex: &'a Lexicon,
    graph: &'a KnowledgeGraph,
    opts: &'a BuildOptions,
    failed: &'a HashSet<String>,
    by_links: &'a HashMap<String, (String, Option<Links>)>,
    kept: &'a HashMap<String, (ArticleFacts, Links)>,
    res: &'a Resolution,
    links_dir: &'a Path,
}

/// An article's graph and the text of its links file.
type Update = (GraphUpdate, String);

/// One chunk's graphs, ready to write.
struct Made {
    updates: Vec<GraphUpdate>,
    /// Each graph's IRI and the text of its links file.
    links: Vec<(String, String)>,
    rejected: Vec<Error>,
    /// The names of the articles rejected.
    failed: Vec<String>,
    /// Time spent making them, summed over threads.
    seconds: f64,
}

/// What writing one or more chunks did.
#[derive(Default)]
struct Written {
    stats: crate::graph::WriteStats,
    seconds: f64,
}

impl Pass2<'_> {
    /// The graphs of a chunk's articles whose graph must be written.
    fn make(&self, part: &[Entry]) -> Made {
        let got: Vec<(&str, Result<Option<Update>>, f64)> = part
            .par_iter()
            .filter(|e| !self.failed.contains(&e.name))
            .map(|e| {
                let t = Instant::now();
                let r = self.update(e);
                (e.name.as_str(), r, t.elapsed().as_secs_f64())
            })
            .collect();
        let mut made = Made {
            updates: Vec::with_capacity(got.len()),
            links: Vec::with_capacity(got.len()),
            rejected: Vec::new(),
            failed: Vec::new(),
            seconds: 0.0,
        };
        for (name, u, secs) in got {
            made.seconds += secs;
            match u {
                Ok(Some((u, t))) => {
                    made.links.push((u.iri.clone(), t));
                    made.updates.push(u);
                }
                Ok(None) => {}
                Err(err) => {
                    made.rejected.push(err);
                    made.failed.push(name.to_string());
                }
            }
        }
        made
    }

    /// An article's graph and the text of its links file, or `None` when the graph stored from
    /// its kept links is still what the resolution gives.
    fn update(&self, e: &Entry) -> Result<Option<Update>> {
        if let (Some((old, l)), Source::Stored(s)) = (self.by_links.get(&e.name), &e.source) {
            let same = match l {
                Some(l) => signature(l, self.res) == *old,
                None => read_links(self.links_dir, &s.sha256)
                    .is_some_and(|(l, _)| signature(&l, self.res) == *old),
            };
            if same {
                return Ok(None);
            }
        }
        let fresh;
        let (a, l) = match self.kept.get(&e.name) {
            Some((a, l)) => (a, l),
            None => {
                let d = load(self.graph, e, &self.opts.limits)?;
                let a = try_extract(self.lex, d, self.opts.as_of)?;
                let l = links(self.lex, &a);
                fresh = (a, l);
                (&fresh.0, &fresh.1)
            }
        };
        let text = l.to_text(&signature(l, self.res));
        Ok(Some((
            GraphUpdate {
                iri: crate::graph::article_iri(&a.doc.sha256),
                quads: article_quads(a, self.res),
                replaces: e.replaces.clone(),
                new: matches!(e.source, Source::Input(_)) && e.replaces.is_none(),
            },
            text,
        )))
    }

    /// Writes a chunk's graphs, then their links files (a build killed between the two leaves
    /// the pending mark, and the next build trusts no links).
    fn write(
        &self,
        updates: Vec<GraphUpdate>,
        texts: Vec<(String, String)>,
        threads: usize,
    ) -> Result<Written> {
        let t = Instant::now();
        let stats = self.graph.write_articles(&updates, threads)?;
        drop(updates);
        for (iri, text) in texts {
            let sha = iri.rsplit('/').next().unwrap_or_default();
            let path = self.links_dir.join(format!("{sha}.tsv"));
            std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        }
        Ok(Written {
            stats,
            seconds: t.elapsed().as_secs_f64(),
        })
    }
}

impl Written {
    fn add(&mut self, w: &Written) {
        self.stats.inserted += w.stats.inserted;
        self.stats.removed += w.stats.removed;
        self.seconds += w.seconds;
    }
}

impl BuildReport {
    fn add_write(&mut self, w: &Written) {
        self.inserted += w.stats.inserted;
        self.removed += w.stats.removed;
        self.write_seconds += w.seconds;
    }
}

/// The file in the store folder that lists the stored articles (a JSON array of name, hash and
/// IRI per line, sorted by name), as the last build left them.
const ARTICLE_INDEX: &str = "articles.jsonl";

/// The file in the store folder that holds the number of quads the last finished build left.
const QUAD_COUNT: &str = "quads.txt";

/// The stored articles as the last build listed them, or `None` without a readable index.
/// Trusted only when no build is pending: a build writes it before it clears its mark.
pub fn read_article_index(store: &Path) -> Option<Vec<StoredArticle>> {
    let text = std::fs::read_to_string(store.join(ARTICLE_INDEX)).ok()?;
    text.lines()
        .map(|l| {
            let [source_file, sha256, iri]: [String; 3] = serde_json::from_str(l).ok()?;
            Some(StoredArticle {
                source_file,
                sha256,
                iri,
            })
        })
        .collect()
}

fn write_article_index(store: &Path, list: &[StoredArticle]) -> Result<()> {
    let mut text = String::new();
    for a in list {
        let line = serde_json::to_string(&[&a.source_file, &a.sha256, &a.iri])
            .map_err(|e| Error::io(store.join(ARTICLE_INDEX), std::io::Error::other(e)))?;
        text.push_str(&line);
        text.push('\n');
    }
    let tmp = store.join(format!("{ARTICLE_INDEX}.tmp"));
    std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, e))?;
    let path = store.join(ARTICLE_INDEX);
    std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
}

fn stored_version<'a>(stored: &'a [StoredArticle], name: &str) -> Option<&'a StoredArticle> {
    stored
        .binary_search_by(|s| s.source_file.as_str().cmp(name))
        .ok()
        .map(|i| &stored[i])
}

fn count_entities(graph: &KnowledgeGraph) -> Result<usize> {
    let q = format!(
        "{}SELECT (COUNT(DISTINCT ?e) AS ?e) WHERE {{ ?m a ath:Mention ; ath:refersTo ?e }}",
        crate::vocab::sparql_prefixes()
    );
    match graph.query(&q, true)? {
        crate::graph::Answer::Rows(_, rows) => Ok(rows
            .first()
            .and_then(|r| r[0].as_ref())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)),
        _ => Ok(0),
    }
}

/// What `check` found wrong with one article's graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The article's name.
    pub article: String,
    /// What is wrong.
    pub message: String,
}

/// Checks that every article in the store is whole: its text matches its hash, and its graph
/// holds exactly the mentions, figures and events that extracting the text again gives (by
/// their span IRIs). Reads `db/` itself, not a snapshot, so it needs the store's lock.
pub fn check(lex: &Lexicon, store: &Path, as_of: NaiveDate) -> Result<(usize, Vec<Problem>)> {
    let graph = KnowledgeGraph::open(store)?;
    let articles = graph.articles()?;
    let problems: Vec<Problem> = articles
        .par_iter()
        .flat_map_iter(|s| {
            let problem = |message: String| Problem {
                article: s.source_file.clone(),
                message,
            };
            let doc = match graph.article_document(&s.iri) {
                Ok(d) => d,
                Err(e) => return vec![problem(e.to_string())],
            };
            let a = extract(lex, doc, as_of);
            let want: HashSet<String> = crate::graph::subjects_under(
                &article_quads(&a, &resolve(lex, std::slice::from_ref(&a))),
                &s.iri,
            );
            let have: HashSet<String> = match graph.graph_quads(&s.iri) {
                Ok(qs) => crate::graph::subjects_under(&qs, &s.iri),
                Err(e) => return vec![problem(e.to_string())],
            };
            let mut out = Vec::new();
            let missing = want.difference(&have).count();
            let extra = have.difference(&want).count();
            if missing + extra > 0 {
                out.push(problem(format!(
                    "graph is not whole: {missing} statements' subjects missing, {extra} unexpected"
                )));
            }
            out
        })
        .collect();
    Ok((articles.len(), problems))
}
