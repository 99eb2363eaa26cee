//! The build as stages with files between them, for corpora past one machine:
//!
//! ```text
//! articles ──extract──▶ facts (JSON Lines, one article a line: its facts and resolver links)
//!   facts ──resolve──▶ entity table (JSON: the resolution of the whole corpus)
//!   facts + entity table ──write──▶ N-Quads shards (each article's graph) + shared.nq
//!   shards ──load──▶ the store (bulk loader, snapshot, the records an incremental build reads)
//! ```
//!
//! `extract` and `write` work one article at a time and keep no state: a distributed engine
//! runs them on partitions (`scripts/spark_build.py` does, through the Python module). Only
//! `resolve` sees the corpus, and only its links (names and references, never texts). Run one
//! after another they give the dataset `build` gives: the same articles are admitted by the
//! same rules ([`admit`]), links go to the resolver in the same order (by article name), and the
//! quads come from the same functions.
//!
//! Every line and table carries the interchange version, the lexicon's digest and the
//! reference date, and a stage refuses input made with others (an entity index of one lexicon
//! means nothing under another).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::extract::extract;
use crate::ingest::{Input, Limits};
use crate::lexicon::Lexicon;
use crate::model::{ArticleFacts, EntityRef, Links, Resolution};
use crate::resolve::{links, Resolver};
use crate::text::Document;

/// The folder of a store (and of a shard folder) that keeps each article's links
/// (`model::Links`), one file per article named by its SHA-256.
pub const LINKS_DIR: &str = "links";

/// The version of the interchange files (facts lines, entity tables, shard folders).
pub const INTERCHANGE: u32 = 1;

/// The settings a store was built with, recorded in `STORE/settings.tsv` once a build
/// publishes its snapshot (and in a shard folder by `write`). A build with other settings
/// extracts every stored article again, so that an incremental build still equals a build from
/// scratch; `check` reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The reference date (`--as-of`).
    pub as_of: NaiveDate,
    /// The lexicon's digest ([`Lexicon::digest`]).
    pub lexicon: String,
    /// The athar version that extracted.
    pub version: String,
}

/// The file that holds [`Settings`] in a store or a shard folder.
pub const SETTINGS_FILE: &str = "settings.tsv";

impl Settings {
    /// The settings of a build with this lexicon and reference date by this binary.
    pub fn current(lex: &Lexicon, as_of: NaiveDate) -> Self {
        Settings {
            as_of,
            lexicon: lex.digest.clone(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    /// The text form (`key<TAB>value` lines).
    pub fn to_text(&self) -> String {
        format!(
            "as-of\t{}\nlexicon\t{}\nathar\t{}\n",
            self.as_of, self.lexicon, self.version
        )
    }

    /// Reads the text form; `None` if a field is missing or malformed.
    pub fn from_text(text: &str) -> Option<Self> {
        let field = |k: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(k)?.strip_prefix('\t'))
                .map(str::to_string)
        };
        Some(Settings {
            as_of: NaiveDate::parse_from_str(&field("as-of")?, "%Y-%m-%d").ok()?,
            lexicon: field("lexicon")?,
            version: field("athar")?,
        })
    }

    /// The settings recorded in a folder; `None` for one without them, or whose file is
    /// unreadable (a build then extracts everything again).
    pub fn read(dir: &Path) -> Option<Self> {
        Self::from_text(&std::fs::read_to_string(dir.join(SETTINGS_FILE)).ok()?)
    }

    /// Records the settings in a folder (a whole file or none: written aside, then renamed).
    pub fn write(&self, dir: &Path) -> Result<()> {
        write_whole(&dir.join(SETTINGS_FILE), self.to_text().as_bytes())
    }
}

/// Writes a file whole or not at all: aside, then renamed.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}

/// One article as `extract` writes it: a line of the facts file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Extracted {
    /// The interchange version ([`INTERCHANGE`]).
    pub athar: u32,
    /// The digest of the lexicon it was extracted with.
    pub lexicon: String,
    /// The reference date it was extracted with.
    pub as_of: NaiveDate,
    /// The article's name (file name, or JSON Lines id).
    pub name: String,
    /// What the article yields.
    pub facts: ArticleFacts,
    /// What the resolver reads of it.
    pub links: Links,
}

/// Extracts one article: its facts and its resolver links.
pub fn extract_article(lex: &Lexicon, doc: Document, as_of: NaiveDate) -> Extracted {
    let name = doc.source_file.clone();
    let facts = extract(lex, doc, as_of);
    let links = links(lex, &facts);
    Extracted {
        athar: INTERCHANGE,
        lexicon: lex.digest.clone(),
        as_of,
        name,
        facts,
        links,
    }
}

/// One article's facts as a researcher reads them (the Python module's `extract`): its
/// mentions with offsets and text, the entities they name (`key` as [`EntityRef::key`], with the
/// gazetteer's names, id and coordinates for a known one), its figures, events and relations,
/// each reference given by its entity's key. Resolution across articles is `resolve`'s.
pub fn article_view(lex: &Lexicon, x: &Extracted) -> serde_json::Value {
    use serde_json::{json, Value};
    let a = &x.facts;
    let key = |e: &EntityRef| Value::String(e.key());
    let keys = |v: &[EntityRef]| Value::Array(v.iter().map(key).collect());
    let opt = |e: &Option<EntityRef>| e.as_ref().map_or(Value::Null, key);
    let mut entities: BTreeMap<String, Value> = BTreeMap::new();
    let mut note = |e: &EntityRef, label: Option<&str>| {
        let k = e.key();
        if entities.contains_key(&k) {
            return;
        }
        let v = match e {
            EntityRef::Known(i) => {
                let g = &lex.gazetteer[*i];
                json!({
                    "key": k, "class": g.class.name(), "label": g.name_ar,
                    "label_en": g.name_en, "id": g.id, "wikidata": g.wikidata,
                    "lat": g.coords.map(|c| c.0), "lon": g.coords.map(|c| c.1),
                    "known": true,
                })
            }
            EntityRef::New { class, key: name } => json!({
                "key": k, "class": class.name(), "label": label.unwrap_or(name),
                "label_en": Value::Null, "id": Value::Null, "wikidata": Value::Null,
                "lat": Value::Null, "lon": Value::Null, "known": false,
            }),
        };
        entities.insert(k, v);
    };
    for m in a.rec.all_mentions() {
        note(&m.entity, Some(&m.label));
    }
    for e in x.links.refs.iter() {
        note(e, None);
    }
    let mentions: Vec<Value> = a
        .rec
        .all_mentions()
        .map(|m| {
            json!({
                "start": m.start, "end": m.end, "text": a.doc.slice(m.start, m.end),
                "label": m.label, "kind": m.kind.as_str(), "entity": m.entity.key(),
            })
        })
        .collect();
    let figures: Vec<Value> = a
        .quantities
        .iter()
        .map(|q| {
            json!({
                "start": q.start, "end": q.end, "text": a.doc.slice(q.start, q.end),
                "measure": q.measure.name(), "value": q.value, "min": q.min, "max": q.max,
                "qualifier": q.qualifier.name(), "unit": q.unit.map(|u| u.name()),
                "group": opt(&q.group), "about": opt(&q.about),
                "reported_by": opt(&q.reported_by),
                // (the index of the event it belongs to, in `events`)
                "event": q.event,
                "sentence": a.sentences[q.sentence].2,
            })
        })
        .collect();
    let events: Vec<Value> = a
        .events
        .iter()
        .map(|e| {
            json!({
                "class": e.class.name(), "start": e.start, "end": e.end,
                "text": a.doc.slice(e.start, e.end),
                "agents": keys(&e.agents), "targets": keys(&e.targets),
                "participants": keys(&e.participants), "places": keys(&e.places),
                "date": e.date.map(|d| d.lexical()), "reported_by": opt(&e.reported_by),
                "sentence": a.sentences[e.sentence].2,
            })
        })
        .collect();
    let mut relations: Vec<Value> = a
        .rec
        .located_in
        .iter()
        .map(|&(p, c)| {
            json!({
                "subject": a.rec.mentions[p].entity.key(),
                "relation": crate::vocab::Relation::LocatedIn.name(),
                "object": a.rec.mentions[c].entity.key(),
            })
        })
        .collect();
    relations.extend(
        a.rec.relations.iter().map(
            |(s, r, o)| json!({ "subject": s.key(), "relation": r.name(), "object": o.key() }),
        ),
    );
    json!({
        "name": x.name,
        "sha256": a.doc.sha256,
        "title": a.title,
        "published": a.published.as_ref().map(|p| p.value.lexical()),
        "mentions": mentions,
        "entities": entities.into_values().collect::<Vec<_>>(),
        "figures": figures,
        "events": events,
        "relations": relations,
    })
}

/// What a stage checks of a line or table made by an earlier one.
fn check_made(
    at: &str,
    athar: u32,
    lexicon: &str,
    as_of: NaiveDate,
    want: &Settings,
) -> Result<()> {
    let reason = if athar != INTERCHANGE {
        format!("interchange version {athar}, this athar reads {INTERCHANGE}")
    } else if lexicon != want.lexicon {
        "made with another lexicon than this one (entity indices would not match): run every stage with the same --lexicon".to_string()
    } else if as_of != want.as_of {
        format!(
            "made with --as-of {as_of}, not {} (every stage takes the same reference date)",
            want.as_of
        )
    } else {
        return Ok(());
    };
    Err(Error::BadInput {
        at: at.to_string(),
        reason,
    })
}

/// Which inputs a build takes: the first of several with one name, and of several with one text
/// (the texts a store already holds count, under their names). `build` and [`admit`] ask it.
#[derive(Debug, Default)]
pub struct Admission {
    /// Name → where the input of that name was.
    seen: HashMap<String, String>,
    /// SHA-256 → the name of the article with that text.
    by_sha: HashMap<String, String>,
}

impl Admission {
    /// An admission that knows texts already taken: (SHA-256, name) pairs.
    pub fn holding(texts: impl IntoIterator<Item = (String, String)>) -> Self {
        Admission {
            seen: HashMap::new(),
            by_sha: texts.into_iter().collect(),
        }
    }

    /// Takes the input, or says why not (another input of that name, or another article with
    /// that text).
    pub fn admit(&mut self, input: &Input) -> Result<()> {
        let at = input.origin.describe();
        if let Some(other) = self.seen.insert(input.name.clone(), at.clone()) {
            return Err(duplicate_name(&at, &input.name, &other));
        }
        if let Some(same) = self.by_sha.get(&input.sha256).filter(|n| **n != input.name) {
            return Err(duplicate_text(&at, same));
        }
        self.by_sha.insert(input.sha256.clone(), input.name.clone());
        Ok(())
    }

    /// Forgets a text (the stored version an input replaces).
    pub fn forget(&mut self, sha256: &str) {
        self.by_sha.remove(sha256);
    }
}

/// The inputs a build takes, in input order, and the errors of the others ([`Admission`]).
pub fn admit(inputs: Vec<Input>) -> (Vec<Input>, Vec<Error>) {
    let mut admission = Admission::default();
    let mut kept = Vec::with_capacity(inputs.len());
    let mut rejected = Vec::new();
    for input in inputs {
        match admission.admit(&input) {
            Ok(()) => kept.push(input),
            Err(e) => rejected.push(e),
        }
    }
    (kept, rejected)
}

/// The error of an input whose name another input has.
fn duplicate_name(at: &str, name: &str, other: &str) -> Error {
    Error::Duplicate {
        path: at.into(),
        reason: format!(
            "same article name «{name}» as {other} (articles are known by file name or id)"
        ),
    }
}

/// The error of an input whose text another input has.
fn duplicate_text(at: &str, same: &str) -> Error {
    Error::Duplicate {
        path: at.into(),
        reason: format!("same text as {same}"),
    }
}

/// What `extract` did.
#[derive(Debug, Default)]
pub struct ExtractReport {
    /// Articles written.
    pub articles: usize,
    /// Inputs rejected, with the reason.
    pub rejected: Vec<Error>,
    /// Inputs taken with a remark.
    pub notes: Vec<String>,
    /// Files of kinds athar does not read, by extension.
    pub skipped: BTreeMap<String, usize>,
}

/// Reads the inputs and writes one [`Extracted`] line per admitted article, sorted by name.
/// A bad input is named in the report and the others still go out.
pub fn extract_inputs(
    lex: &Lexicon,
    inputs: &[PathBuf],
    limits: &Limits,
    as_of: NaiveDate,
    chunk: usize,
    out: &mut dyn Write,
    out_name: &Path,
) -> Result<ExtractReport> {
    let scan = crate::ingest::scan(inputs, limits, &mut |_| {});
    let mut report = ExtractReport {
        rejected: scan.rejected,
        notes: scan.notes,
        skipped: scan.skipped,
        ..ExtractReport::default()
    };
    let (mut kept, rejected) = admit(scan.inputs);
    report.rejected.extend(rejected);
    kept.sort_by(|a, b| a.name.cmp(&b.name));
    for part in kept.chunks(chunk.max(1)) {
        let lines: Vec<Result<String>> = part
            .par_iter()
            .map(|i| {
                let doc = crate::ingest::load(i, limits)?;
                let line = serde_json::to_string(&extract_article(lex, doc, as_of))
                    .map_err(|e| Error::io(out_name, std::io::Error::other(e)))?;
                Ok(line)
            })
            .collect();
        for l in lines {
            match l {
                Ok(l) => {
                    out.write_all(l.as_bytes())
                        .and_then(|_| out.write_all(b"\n"))
                        .map_err(|e| Error::io(out_name, e))?;
                    report.articles += 1;
                }
                Err(e) => report.rejected.push(e),
            }
        }
    }
    out.flush().map_err(|e| Error::io(out_name, e))?;
    Ok(report)
}

/// The resolution of a corpus as `resolve` writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EntityTable {
    /// The interchange version ([`INTERCHANGE`]).
    pub athar: u32,
    /// The digest of the lexicon.
    pub lexicon: String,
    /// The reference date.
    pub as_of: NaiveDate,
    /// The articles resolved: name and SHA-256, sorted by name.
    pub articles: Vec<(String, String)>,
    /// The resolution.
    pub resolution: Resolution,
}

impl EntityTable {
    /// The settings the stages ran with.
    pub fn settings(&self) -> Settings {
        Settings {
            as_of: self.as_of,
            lexicon: self.lexicon.clone(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    /// Reads a table `resolve` wrote, checking it was made with this lexicon.
    pub fn read(path: &Path, lex: &Lexicon) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::parse(&text, lex, &path.display().to_string())
    }

    /// A table from its JSON, checking it was made with this lexicon.
    pub fn from_json(json: &str, lex: &Lexicon) -> Result<Self> {
        Self::parse(json, lex, "entity table")
    }

    fn parse(json: &str, lex: &Lexicon, at: &str) -> Result<Self> {
        let t: EntityTable = serde_json::from_str(json).map_err(|e| Error::BadInput {
            at: at.to_string(),
            reason: format!("not an entity table of `athar resolve`: {e}"),
        })?;
        let want = Settings::current(lex, t.as_of);
        check_made(at, t.athar, &t.lexicon, t.as_of, &want)?;
        Ok(t)
    }
}

/// The part of a facts line `resolve` reads (the facts are skipped).
#[derive(Deserialize)]
struct LinksLine {
    athar: u32,
    lexicon: String,
    as_of: NaiveDate,
    name: String,
    links: Links,
}

/// Calls `each` with every line of the facts files (file name and line number for messages).
fn for_lines(files: &[PathBuf], each: &mut dyn FnMut(&str, &str) -> Result<()>) -> Result<()> {
    for path in files {
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        for (i, line) in std::io::BufReader::with_capacity(1 << 16, f)
            .lines()
            .enumerate()
        {
            let line = line.map_err(|e| Error::io(path, e))?;
            if line.trim().is_empty() {
                continue;
            }
            each(&format!("{}:{}", path.display(), i + 1), &line)?;
        }
    }
    Ok(())
}

fn bad_line(at: &str, e: serde_json::Error) -> Error {
    Error::BadInput {
        at: at.to_string(),
        reason: format!("not a line of `athar extract`: {e}"),
    }
}

/// Resolves the links of every article of the facts files (in any order, each article once)
/// into the corpus's entity table made with the reference date `as_of`.
pub fn resolve_links(lex: &Lexicon, links: Vec<(String, Links)>, as_of: NaiveDate) -> EntityTable {
    let mut links = links;
    // the order `build` feeds its resolver in
    links.sort_by(|a, b| a.0.cmp(&b.0));
    let mut resolver = Resolver::new(lex);
    for (_, l) in &links {
        resolver.add_links(l);
    }
    EntityTable {
        athar: INTERCHANGE,
        lexicon: lex.digest.clone(),
        as_of,
        articles: links
            .iter()
            .map(|(n, l)| (n.clone(), l.article.clone()))
            .collect(),
        resolution: resolver.finish(),
    }
}

/// Reads the facts files' links and resolves them (see [`resolve_links`]). Refuses two lines of
/// one article, and lines made with another lexicon or reference date (`as_of`; `None`: the
/// first line's).
pub fn resolve_files(
    lex: &Lexicon,
    files: &[PathBuf],
    as_of: Option<NaiveDate>,
) -> Result<EntityTable> {
    let mut r = LinksReader::new(lex, as_of);
    for_lines(files, &mut |at, line| r.add(at, line))?;
    r.finish(
        &files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// [`resolve_files`] on lines held in memory (facts lines, or their links alone), named in
/// messages by their position.
pub fn resolve_lines(
    lex: &Lexicon,
    lines: &[String],
    as_of: Option<NaiveDate>,
) -> Result<EntityTable> {
    let mut r = LinksReader::new(lex, as_of);
    for (i, line) in lines.iter().enumerate() {
        r.add(&format!("links[{i}]"), line)?;
    }
    r.finish("links")
}

/// Collects the links of facts lines for `resolve`, checking each line.
struct LinksReader<'l> {
    lex: &'l Lexicon,
    want: Option<Settings>,
    names: HashMap<String, String>,
    all: Vec<(String, Links)>,
}

impl<'l> LinksReader<'l> {
    fn new(lex: &'l Lexicon, as_of: Option<NaiveDate>) -> Self {
        LinksReader {
            lex,
            want: as_of.map(|d| Settings::current(lex, d)),
            names: HashMap::new(),
            all: Vec::new(),
        }
    }

    fn add(&mut self, at: &str, line: &str) -> Result<()> {
        let l: LinksLine = serde_json::from_str(line).map_err(|e| bad_line(at, e))?;
        let lex = self.lex;
        let w = self
            .want
            .get_or_insert_with(|| Settings::current(lex, l.as_of));
        check_made(at, l.athar, &l.lexicon, l.as_of, w)?;
        if let Some(other) = self.names.insert(l.name.clone(), at.to_string()) {
            return Err(duplicate_name(at, &l.name, &other));
        }
        self.all.push((l.name, l.links));
        Ok(())
    }

    fn finish(self, what: &str) -> Result<EntityTable> {
        match self.want {
            Some(w) => Ok(resolve_links(self.lex, self.all, w.as_of)),
            None => Err(Error::BadInput {
                at: what.to_string(),
                reason: "no article to resolve".into(),
            }),
        }
    }
}

/// The text of an article's links file in a store (`STORE/links/SHA.tsv`): its links and the
/// signature its graph takes from the resolution.
pub fn links_text(l: &Links, res: &Resolution) -> String {
    l.to_text(&crate::resolve::signature(l, res))
}

/// The N-Quads of one article's graph under the corpus's resolution, sorted, without repeats.
/// An article the table does not know is an error (its references have no entity).
#[cfg(feature = "rdf")]
pub fn article_nquads(a: &Extracted, table: &EntityTable) -> std::result::Result<String, String> {
    if table
        .articles
        .binary_search_by(|(n, _)| n.as_str().cmp(&a.name))
        .map_or(true, |i| table.articles[i].1 != a.facts.doc.sha256)
    {
        return Err(format!(
            "article «{}» was not among the facts the entity table was resolved from",
            a.name
        ));
    }
    let mut quads = crate::graph::article_quads(&a.facts, &table.resolution);
    Ok(crate::graph::write_nquads(&mut quads))
}

/// What `write` makes of one article: its graph and its links file.
#[derive(Debug, Clone)]
pub struct Written {
    /// The article's name.
    pub name: String,
    /// Its SHA-256 (the name of its links file).
    pub sha256: String,
    /// Its graph as N-Quads ([`article_nquads`]).
    pub nquads: String,
    /// Its links file ([`links_text`]).
    pub links: String,
}

/// An article's graph and links file under the corpus's entity table.
#[cfg(feature = "rdf")]
pub fn write_article(a: &Extracted, table: &EntityTable) -> std::result::Result<Written, String> {
    Ok(Written {
        name: a.name.clone(),
        sha256: a.links.article.clone(),
        nquads: article_nquads(a, table)?,
        links: links_text(&a.links, &table.resolution),
    })
}

/// The N-Quads of the graphs no article owns (entity descriptions, gazetteer, ontology).
#[cfg(feature = "rdf")]
pub fn shared_nquads(table: &EntityTable) -> String {
    let mut quads = crate::graph::shared_quads(&table.resolution);
    crate::graph::write_nquads(&mut quads)
}

/// The file of a shard folder that holds the shared graphs.
pub const SHARED_SHARD: &str = "shared.nq";

/// The name of the `i`-th article shard.
pub fn shard_name(i: usize) -> String {
    format!("part-{i:05}.nq")
}

/// Facts lines `write` reads and makes graphs of at a time.
const WRITE_CHUNK: usize = 512;

/// The shard being written: articles' N-Quads streamed to a file aside, renamed when it holds
/// `per_shard` articles or the input ends.
#[cfg(feature = "rdf")]
struct ShardWriter<'a> {
    out: &'a Path,
    per_shard: usize,
    open: Option<(std::io::BufWriter<std::fs::File>, PathBuf, usize)>,
}

#[cfg(feature = "rdf")]
impl ShardWriter<'_> {
    fn add(&mut self, nq: &str, report: &mut WriteReport) -> Result<()> {
        if self.open.is_none() {
            let tmp = self.out.join(format!(".{}.tmp", shard_name(report.shards)));
            let f = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
            self.open = Some((std::io::BufWriter::new(f), tmp, 0));
        }
        if let Some((w, tmp, n)) = self.open.as_mut() {
            w.write_all(nq.as_bytes())
                .map_err(|e| Error::io(&*tmp, e))?;
            *n += 1;
            if *n >= self.per_shard {
                self.close(report)?;
            }
        }
        Ok(())
    }

    fn close(&mut self, report: &mut WriteReport) -> Result<()> {
        if let Some((w, tmp, n)) = self.open.take() {
            w.into_inner()
                .map_err(|e| Error::io(&tmp, e.into_error()))?
                .sync_all()
                .map_err(|e| Error::io(&tmp, e))?;
            let to = self.out.join(shard_name(report.shards));
            std::fs::rename(&tmp, &to).map_err(|e| Error::io(&to, e))?;
            report.shards += 1;
            report.articles += n;
        }
        Ok(())
    }
}

/// What `write` did.
#[derive(Debug, Default)]
pub struct WriteReport {
    /// Articles written.
    pub articles: usize,
    /// Shards written (besides the shared one).
    pub shards: usize,
}

/// Writes the N-Quads shards of the facts files under the entity table: `part-NNNNN.nq` with
/// `per_shard` articles each, `shared.nq`, `links/` (each article's links file for the store)
/// and `settings.tsv`. Each file is written aside and renamed.
#[cfg(feature = "rdf")]
pub fn write_shards(
    table: &EntityTable,
    files: &[PathBuf],
    out: &Path,
    per_shard: usize,
) -> Result<WriteReport> {
    let links_dir = out.join(LINKS_DIR);
    std::fs::create_dir_all(&links_dir).map_err(|e| Error::io(&links_dir, e))?;
    let want = table.settings();
    let mut report = WriteReport::default();
    let mut seen: std::collections::HashSet<String> = Default::default();
    // shards of an earlier run with more of them
    if let Ok(dir) = std::fs::read_dir(out) {
        for f in dir.flatten() {
            let n = f.file_name().to_string_lossy().to_string();
            if n.starts_with("part-") && n.ends_with(".nq") {
                std::fs::remove_file(f.path()).map_err(|e| Error::io(f.path(), e))?;
            }
        }
    }
    let mut shard = ShardWriter {
        out,
        per_shard: per_shard.max(1),
        open: None,
    };
    // lines a chunk at a time, their graphs made in parallel, written in order
    let mut lines: Vec<(String, String)> = Vec::with_capacity(WRITE_CHUNK);
    let mut make = |lines: &mut Vec<(String, String)>, report: &mut WriteReport| -> Result<()> {
        let made: Vec<Result<Written>> = lines
            .par_iter()
            .map(|(at, line)| {
                let a: Extracted = serde_json::from_str(line).map_err(|e| bad_line(at, e))?;
                check_made(at, a.athar, &a.lexicon, a.as_of, &want)?;
                write_article(&a, table).map_err(|reason| Error::BadInput {
                    at: at.to_string(),
                    reason,
                })
            })
            .collect();
        for (m, (at, _)) in made.into_iter().zip(lines.iter()) {
            let w = m?;
            if !seen.insert(w.name.clone()) {
                return Err(duplicate_name(at, &w.name, "an earlier line"));
            }
            let path = links_dir.join(format!("{}.tsv", w.sha256));
            write_whole(&path, w.links.as_bytes())?;
            shard.add(&w.nquads, report)?;
        }
        lines.clear();
        Ok(())
    };
    for_lines(files, &mut |at, line| {
        lines.push((at.to_string(), line.to_string()));
        if lines.len() >= WRITE_CHUNK {
            make(&mut lines, &mut report)?;
        }
        Ok(())
    })?;
    make(&mut lines, &mut report)?;
    shard.close(&mut report)?;
    if report.articles != table.articles.len() {
        return Err(Error::BadInput {
            at: out.display().to_string(),
            reason: format!(
                "the entity table resolved {} articles, the facts files hold {}: give `write` the facts `resolve` read",
                table.articles.len(),
                report.articles
            ),
        });
    }
    write_whole(&out.join(SHARED_SHARD), shared_nquads(table).as_bytes())?;
    want.write(out)?;
    Ok(report)
}
