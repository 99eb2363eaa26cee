//! `build`: inputs → articles (new, changed, unchanged) → extraction (parallel) → resolution →
//! one atomic replacement of the store → exports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::extract::{extract, ArticleFacts};
use crate::graph::{corpus_quads, KnowledgeGraph};
use crate::lexicon::Lexicon;
use crate::resolve::{resolve, Resolution};
use crate::text::Document;

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
    /// Entities in the graph.
    pub entities: usize,
    /// Mentions in the graph.
    pub mentions: usize,
    /// Quads in the store.
    pub quads: usize,
    /// Whether the store was written.
    pub written: bool,
    /// Wall time.
    pub seconds: f64,
}

/// Extracts and resolves a set of documents (sorted by file name first).
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

/// Builds (or updates) the store at `store` from `inputs`. Each input article goes in whole or
/// not at all; a bad input is reported in the report and the others still go in.
pub fn build(
    lex: &Lexicon,
    inputs: &[PathBuf],
    store: &Path,
    as_of: NaiveDate,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<BuildReport> {
    let t0 = Instant::now();
    let mut report = BuildReport::default();
    let (files, errors) = crate::ingest::collect(inputs);
    report.rejected.extend(errors);
    let graph = KnowledgeGraph::open(store)?;
    let mut corpus: BTreeMap<String, Document> = BTreeMap::new();
    for a in graph.articles()? {
        corpus.insert(a.source_file.clone(), Document::new(a.source_file, a.text));
    }
    let total = files.len();
    let read: Vec<Result<(Document, Option<String>)>> =
        files.par_iter().map(|f| crate::ingest::read(f)).collect();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut changed = false;
    for (i, (path, doc)) in files.iter().zip(read).enumerate() {
        progress(i + 1, total);
        let doc = match doc {
            Ok((d, note)) => {
                report.notes.extend(note);
                d
            }
            Err(e) => {
                report.rejected.push(e);
                continue;
            }
        };
        if let Some(other) = seen.insert(doc.source_file.clone(), path.clone()) {
            report.rejected.push(Error::Duplicate {
                path: path.clone(),
                reason: format!(
                    "same file name as {} (articles are known by file name)",
                    other.display()
                ),
            });
            continue;
        }
        if let Some(same) = corpus
            .values()
            .find(|d| d.sha256 == doc.sha256 && d.source_file != doc.source_file)
        {
            report.rejected.push(Error::Duplicate {
                path: path.clone(),
                reason: format!("same text as {}", same.source_file),
            });
            continue;
        }
        match corpus.get(&doc.source_file) {
            Some(old) if old.sha256 == doc.sha256 => report.unchanged += 1,
            Some(_) => {
                report.replaced += 1;
                changed = true;
                corpus.insert(doc.source_file.clone(), doc);
            }
            None => {
                report.added += 1;
                changed = true;
                corpus.insert(doc.source_file.clone(), doc);
            }
        }
    }
    report.articles = corpus.len();
    if changed || graph.is_empty()? && !corpus.is_empty() {
        let (arts, res) = analyze_corpus(lex, corpus.into_values().collect(), as_of);
        let quads = corpus_quads(&arts, &res);
        graph.replace_all(&quads)?;
        report.written = true;
    }
    let (entities, mentions) = counts(&graph)?;
    report.entities = entities;
    report.mentions = mentions;
    report.quads = graph.len()?;
    report.seconds = t0.elapsed().as_secs_f64();
    Ok(report)
}

fn counts(graph: &KnowledgeGraph) -> Result<(usize, usize)> {
    let q = "PREFIX ath: <https://w3id.org/athar/ontology#> SELECT (COUNT(DISTINCT ?e) AS ?e) (COUNT(DISTINCT ?m) AS ?m) \
             WHERE { ?m a ath:Mention ; ath:refersTo ?e }";
    match graph.query(q, true)? {
        crate::graph::Answer::Rows(_, rows) => {
            let n = |i: usize| {
                rows.first()
                    .and_then(|r| r[i].as_ref())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
            };
            Ok((n(0), n(1)))
        }
        _ => Ok((0, 0)),
    }
}
