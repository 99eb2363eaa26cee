//! `athar._athar`: athar's extraction stages for Python (PyO3), without the store. The Python
//! package `athar` (`python/athar/__init__.py`) wraps these functions; JSON strings cross the
//! boundary, so that the facts a Python job passes between stages are byte for byte those
//! `athar extract` writes.
//!
//! Every error athar reports becomes a Python exception naming the problem: `ValueError` for bad
//! input (an empty article, a date that is not `YYYY-MM-DD`, facts made with another lexicon),
//! `OSError` for a lexicon folder that cannot be read.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use athar::error::Error;
use athar::ingest::{Input, Limits, Origin};
use athar::lexicon::Lexicon;
use athar::stages::{self, EntityTable, Extracted};
use athar::text::Document;
use chrono::NaiveDate;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;

fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn athar_error(e: Error) -> PyErr {
    match e {
        Error::Io { .. } => PyOSError::new_err(e.to_string()),
        e => value_error(e),
    }
}

/// The built-in lexicon, loaded once per process.
fn builtin() -> PyResult<Arc<Lexicon>> {
    static LEX: OnceLock<Result<Arc<Lexicon>, String>> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().map(Arc::new).map_err(|e| e.to_string()))
        .clone()
        .map_err(value_error)
}

fn lexicon_or_builtin(lexicon: Option<PyRef<'_, PyLexicon>>) -> PyResult<Arc<Lexicon>> {
    match lexicon {
        Some(l) => Ok(l.lex.clone()),
        None => builtin(),
    }
}

fn reference_date(as_of: Option<&str>) -> PyResult<NaiveDate> {
    match as_of {
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| value_error(format!("as_of: «{s}» is not a date YYYY-MM-DD"))),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// A lexicon: the built-in one, or the files of a folder (validated as `athar --lexicon` does).
#[pyclass(name = "Lexicon", module = "athar._athar", frozen)]
struct PyLexicon {
    lex: Arc<Lexicon>,
}

#[pymethods]
impl PyLexicon {
    #[new]
    #[pyo3(signature = (path=None))]
    fn new(py: Python<'_>, path: Option<PathBuf>) -> PyResult<Self> {
        let lex = match path {
            None => builtin()?,
            Some(p) => {
                if !p.is_dir() {
                    return Err(PyOSError::new_err(format!(
                        "{}: no lexicon folder here",
                        p.display()
                    )));
                }
                Arc::new(py.detach(|| Lexicon::from_dir(&p)).map_err(athar_error)?)
            }
        };
        Ok(PyLexicon { lex })
    }

    /// The digest of the lexicon's files (facts carry it; stages refuse other lexicons' facts).
    #[getter]
    fn digest(&self) -> String {
        self.lex.digest.clone()
    }

    /// Entries of the gazetteer.
    #[getter]
    fn gazetteer_size(&self) -> usize {
        self.lex.gazetteer.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Lexicon(digest={:?}, gazetteer={})",
            &self.lex.digest[..12.min(self.lex.digest.len())],
            self.lex.gazetteer.len()
        )
    }
}

fn extract_doc(lex: &Lexicon, doc: Document, as_of: NaiveDate) -> PyResult<(String, String)> {
    let x = stages::extract_article(lex, doc, as_of);
    let line = serde_json::to_string(&x).map_err(value_error)?;
    let view = serde_json::to_string(&stages::article_view(lex, &x)).map_err(value_error)?;
    Ok((line, view))
}

/// Extracts one article given as text: `(facts line, view)`, both JSON. The text is read as
/// a `.txt` file of that name would be (line ends unified; a blank text is refused).
#[pyfunction]
#[pyo3(signature = (text, name, as_of=None, lexicon=None))]
fn extract_text(
    py: Python<'_>,
    text: &str,
    name: &str,
    as_of: Option<&str>,
    lexicon: Option<PyRef<'_, PyLexicon>>,
) -> PyResult<(String, String)> {
    let lex = lexicon_or_builtin(lexicon)?;
    let as_of = reference_date(as_of)?;
    if name.is_empty() || name.contains('/') {
        return Err(value_error(format!(
            "name: «{name}» is not an article name (a file name, no folders)"
        )));
    }
    py.detach(|| {
        let (text, _) =
            athar::ingest::decode(Path::new(name), text.as_bytes()).map_err(athar_error)?;
        extract_doc(&lex, Document::new(name, text), as_of)
    })
}

/// The articles of one input file given as bytes, by `athar build`'s rules (`.jsonl`, or any
/// file with `jsonl=True`: one a line; `.html`/`.htm`: a page; else text):
/// `(articles, errors, note)` with each article as `(name, sha256, where, document JSON)`.
#[pyfunction]
#[pyo3(signature = (path, data, max_article_bytes=8 << 20, jsonl=false))]
#[allow(clippy::type_complexity)]
fn documents(
    py: Python<'_>,
    path: &str,
    data: &[u8],
    max_article_bytes: u64,
    jsonl: bool,
) -> PyResult<(
    Vec<(String, String, String, String)>,
    Vec<String>,
    Option<String>,
)> {
    let limits = Limits { max_article_bytes };
    py.detach(|| {
        let (docs, errors, note) =
            athar::ingest::documents_from_bytes(Path::new(path), data, &limits, jsonl);
        let docs = docs
            .into_iter()
            .map(|(d, at)| {
                let json = serde_json::to_string(&d).map_err(value_error)?;
                Ok((d.source_file, d.sha256, at, json))
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok((docs, errors.iter().map(|e| e.to_string()).collect(), note))
    })
}

/// Extracts a document `documents` gave: `(facts line, view)`.
#[pyfunction]
#[pyo3(signature = (document, as_of=None, lexicon=None))]
fn extract_document(
    py: Python<'_>,
    document: &str,
    as_of: Option<&str>,
    lexicon: Option<PyRef<'_, PyLexicon>>,
) -> PyResult<(String, String)> {
    let lex = lexicon_or_builtin(lexicon)?;
    let as_of = reference_date(as_of)?;
    py.detach(|| {
        let doc: Document = serde_json::from_str(document).map_err(|e| {
            value_error(format!("document: not a document of athar.documents ({e})"))
        })?;
        if Document::new(doc.source_file.clone(), doc.text.clone()).sha256 != doc.sha256 {
            return Err(value_error("document: its text does not match its sha256"));
        }
        extract_doc(&lex, doc, as_of)
    })
}

/// The view of a facts line (`athar extract`'s or `extract_text`'s), as JSON.
#[pyfunction]
#[pyo3(signature = (facts, lexicon=None))]
fn view(facts: &str, lexicon: Option<PyRef<'_, PyLexicon>>) -> PyResult<String> {
    let lex = lexicon_or_builtin(lexicon)?;
    let x = parse_facts(facts, &lex)?;
    serde_json::to_string(&stages::article_view(&lex, &x)).map_err(value_error)
}

fn parse_facts(facts: &str, lex: &Lexicon) -> PyResult<Extracted> {
    let x: Extracted = serde_json::from_str(facts)
        .map_err(|e| value_error(format!("facts: not a facts line of athar extract ({e})")))?;
    if x.lexicon != lex.digest {
        return Err(value_error(format!(
            "facts of «{}»: extracted with another lexicon than this one",
            x.name
        )));
    }
    Ok(x)
}

/// Which inputs a build takes, in input order, given `(name, sha256, where)` of each: the
/// indices kept and the errors of the others (same name, same text).
#[pyfunction]
fn admit(inputs: Vec<(String, String, String)>) -> (Vec<usize>, Vec<String>) {
    let mut index = std::collections::HashMap::new();
    let inputs: Vec<Input> = inputs
        .into_iter()
        .enumerate()
        .map(|(i, (name, sha256, at))| {
            index.insert(at.clone(), i);
            Input {
                name,
                sha256,
                origin: Origin::Text(PathBuf::from(at)),
            }
        })
        .collect();
    let (kept, errors) = stages::admit(inputs);
    let mut kept: Vec<usize> = kept
        .iter()
        .filter_map(|i| index.get(&i.origin.describe()).copied())
        .collect();
    kept.sort_unstable();
    (kept, errors.iter().map(|e| e.to_string()).collect())
}

/// The links part of a facts line (what `resolve` needs: a few percent of the line).
#[pyfunction]
fn links_of(facts: &str) -> PyResult<String> {
    let x: serde_json::Value =
        serde_json::from_str(facts).map_err(|e| value_error(format!("facts: not JSON ({e})")))?;
    let keep = ["athar", "lexicon", "as_of", "name", "links"];
    let mut out = serde_json::Map::new();
    for k in keep {
        let v = x
            .get(k)
            .ok_or_else(|| value_error(format!("facts: no «{k}» (not a line of athar extract)")))?;
        out.insert(k.to_string(), v.clone());
    }
    serde_json::to_string(&out).map_err(value_error)
}

/// Resolves the links of a corpus (facts lines or `links_of` lines) into its entity table.
#[pyfunction]
#[pyo3(signature = (links, as_of=None, lexicon=None))]
fn resolve(
    py: Python<'_>,
    links: Vec<String>,
    as_of: Option<&str>,
    lexicon: Option<PyRef<'_, PyLexicon>>,
) -> PyResult<PyEntityTable> {
    let lex = lexicon_or_builtin(lexicon)?;
    let as_of = match as_of {
        Some(s) => Some(reference_date(Some(s))?),
        None => None,
    };
    let table = py.detach(|| stages::resolve_lines(&lex, &links, as_of).map_err(athar_error))?;
    Ok(PyEntityTable {
        table: Arc::new(table),
        lex,
    })
}

/// The entity table of a corpus (`athar resolve`'s): what `to_nquads` writes articles with.
#[pyclass(name = "EntityTable", module = "athar._athar", frozen)]
struct PyEntityTable {
    table: Arc<EntityTable>,
    lex: Arc<Lexicon>,
}

#[pymethods]
impl PyEntityTable {
    /// Reads a table from its JSON (`athar resolve --out`, or `to_json`).
    #[staticmethod]
    #[pyo3(signature = (json, lexicon=None))]
    fn from_json(
        py: Python<'_>,
        json: &str,
        lexicon: Option<PyRef<'_, PyLexicon>>,
    ) -> PyResult<Self> {
        let lex = lexicon_or_builtin(lexicon)?;
        let table =
            py.detach(|| stages::EntityTable::from_json(json, &lex).map_err(athar_error))?;
        Ok(PyEntityTable {
            table: Arc::new(table),
            lex,
        })
    }

    /// The table as JSON (the bytes `athar resolve` writes, without the final newline).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| serde_json::to_string(&*self.table).map_err(value_error))
    }

    /// Articles resolved.
    #[getter]
    fn articles(&self) -> usize {
        self.table.articles.len()
    }

    /// Entities.
    #[getter]
    fn entities(&self) -> usize {
        self.table.resolution.entities.len()
    }

    /// Incidents.
    #[getter]
    fn incidents(&self) -> usize {
        self.table.resolution.incidents.len()
    }

    /// The reference date.
    #[getter]
    fn as_of(&self) -> String {
        self.table.as_of.to_string()
    }

    /// One article's graph as N-Quads (sorted lines).
    fn article_nquads(&self, py: Python<'_>, facts: &str) -> PyResult<String> {
        py.detach(|| {
            let x = parse_facts(facts, &self.lex)?;
            stages::article_nquads(&x, &self.table).map_err(value_error)
        })
    }

    /// What `athar write` makes of one article, reading its facts once:
    /// `(sha256, N-Quads of its graph, its links file)`.
    fn write_article(&self, py: Python<'_>, facts: &str) -> PyResult<(String, String, String)> {
        py.detach(|| {
            let x = parse_facts(facts, &self.lex)?;
            let w = stages::write_article(&x, &self.table).map_err(value_error)?;
            Ok((w.sha256, w.nquads, w.links))
        })
    }

    /// The text of an article's links file for the store.
    fn links_text(&self, facts: &str) -> PyResult<String> {
        let x = parse_facts(facts, &self.lex)?;
        Ok(stages::links_text(&x.links, &self.table.resolution))
    }

    /// The graphs no article owns (entity descriptions, gazetteer, ontology) as N-Quads.
    fn shared_nquads(&self, py: Python<'_>) -> String {
        py.detach(|| stages::shared_nquads(&self.table))
    }

    /// The `settings.tsv` of a shard folder.
    fn settings_text(&self) -> String {
        self.table.settings().to_text()
    }

    fn __repr__(&self) -> String {
        format!(
            "EntityTable(articles={}, entities={}, incidents={}, as_of={})",
            self.table.articles.len(),
            self.table.resolution.entities.len(),
            self.table.resolution.incidents.len(),
            self.table.as_of
        )
    }
}

/// The version of the interchange files this module reads and writes.
#[pyfunction]
fn interchange_version() -> u32 {
    stages::INTERCHANGE
}

#[pymodule]
fn _athar(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLexicon>()?;
    m.add_class::<PyEntityTable>()?;
    m.add_function(wrap_pyfunction!(extract_text, m)?)?;
    m.add_function(wrap_pyfunction!(documents, m)?)?;
    m.add_function(wrap_pyfunction!(extract_document, m)?)?;
    m.add_function(wrap_pyfunction!(view, m)?)?;
    m.add_function(wrap_pyfunction!(admit, m)?)?;
    m.add_function(wrap_pyfunction!(links_of, m)?)?;
    m.add_function(wrap_pyfunction!(resolve, m)?)?;
    m.add_function(wrap_pyfunction!(interchange_version, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
