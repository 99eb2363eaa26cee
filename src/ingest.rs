//! Reading input. Folders are walked for `*.txt`, `*.html`/`*.htm` and `*.jsonl` files; a file
//! given by name is read whatever its extension (`.jsonl` and `.html`/`.htm` decide the form).
//!
//! Reading happens in two steps so that memory stays bounded however big the corpus:
//! [`scan`] reads every input once and keeps only each article's name, hash and where to find
//! it again ([`Input`]); [`load`] reads one article's text back when it is needed.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::text::{Document, Meta};

/// Limits on what one input may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest article text, in bytes (a larger `.txt`/`.html` file, or JSON line, is rejected
    /// without being read into memory).
    pub max_article_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_article_bytes: 8 << 20,
        }
    }
}

/// Where an article's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A text file.
    Text(PathBuf),
    /// An HTML page; the text is what [`crate::html::extract`] takes from it.
    Html(PathBuf),
    /// One line of a JSON Lines file.
    JsonLine {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// Byte offset of the line.
        offset: u64,
        /// Length of the line in bytes (without its end).
        len: u64,
    },
}

impl Origin {
    /// How to name this input in a message: the path, with `:line` for JSON Lines.
    pub fn describe(&self) -> String {
        match self {
            Origin::Text(p) | Origin::Html(p) => p.display().to_string(),
            Origin::JsonLine { path, line, .. } => format!("{}:{line}", path.display()),
        }
    }
}

/// One article found in the inputs, without its text.
#[derive(Debug, Clone)]
pub struct Input {
    /// The article's name in the store: the file name, or the JSON Lines `id` (else
    /// `file.jsonl:line`).
    pub name: String,
    /// SHA-256 of the text.
    pub sha256: String,
    /// Where it is.
    pub origin: Origin,
}

/// What [`scan`] found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Articles, in input order (files sorted; lines in file order).
    pub inputs: Vec<Input>,
    /// Inputs that were rejected, each naming the file (and line) and the reason.
    pub rejected: Vec<Error>,
    /// Inputs taken with a remark (decoded as Windows-1256).
    pub notes: Vec<String>,
    /// Files in the input folders of kinds athar does not read, by extension.
    pub skipped: BTreeMap<String, usize>,
    /// Bytes of article text read.
    pub bytes: u64,
}

/// What [`collect`] found under the inputs.
#[derive(Debug, Default)]
pub struct Collected {
    /// Article files, sorted, without repeats.
    pub files: Vec<PathBuf>,
    /// Paths that cannot be read.
    pub errors: Vec<Error>,
    /// Files in the folders that athar does not read, counted by extension (`""` for none).
    pub skipped: BTreeMap<String, usize>,
}

/// Every input file under `inputs` (folders walked for known extensions), sorted, without
/// repeats; paths that cannot be read are reported, files of other kinds counted.
pub fn collect(inputs: &[PathBuf]) -> Collected {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for input in inputs {
        if input.is_dir() {
            for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() && known_extension(e.path()) => {
                        files.push(e.into_path())
                    }
                    Ok(e) if e.file_type().is_file() => {
                        *skipped.entry(extension(e.path())).or_default() += 1;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let path = e
                            .path()
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| input.clone());
                        errors.push(Error::io(path, e.into()));
                    }
                }
            }
        } else if input.exists() {
            files.push(input.clone());
        } else {
            errors.push(Error::io(
                input.clone(),
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        }
    }
    files.sort();
    files.dedup();
    Collected {
        files,
        errors,
        skipped,
    }
}

/// The one line that names the files a folder held and athar did not read:
/// `skipped: 3 files (.md, .png)`.
pub fn skipped_line(skipped: &BTreeMap<String, usize>) -> Option<String> {
    let n: usize = skipped.values().sum();
    if n == 0 {
        return None;
    }
    let kinds: Vec<String> = skipped
        .keys()
        .map(|x| {
            if x.is_empty() {
                "no extension".to_string()
            } else {
                format!(".{x}")
            }
        })
        .collect();
    Some(format!(
        "skipped: {n} file{} ({}); athar reads .txt, .html, .htm and .jsonl",
        if n == 1 { "" } else { "s" },
        kinds.join(", ")
    ))
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn known_extension(path: &Path) -> bool {
    matches!(extension(path).as_str(), "txt" | "html" | "htm" | "jsonl")
}

/// Decodes bytes: UTF-8 (a BOM is kept, as text readers keep it), else Windows-1256 when that
/// gives Arabic text (said in the returned note); `\r\n` and `\r` → `\n`. A file with a NUL
/// byte is binary.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Option<String>)> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let (text, note) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), None),
        Err(e) => {
            let offset = e.valid_up_to();
            let (t, _, bad) = encoding_rs::WINDOWS_1256.decode(bytes);
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            let arabic = t
                .chars()
                .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
                .count();
            if bad || letters == 0 || arabic * 2 < letters {
                return Err(Error::Encoding {
                    path: path.to_path_buf(),
                    offset,
                });
            }
            (
                t.into_owned(),
                Some(format!(
                    "{}: not UTF-8 (byte {offset}); decoded as Windows-1256",
                    path.display()
                )),
            )
        }
    };
    let text = unify_line_ends(text);
    if is_blank(&text) {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok((text, note))
}

fn unify_line_ends(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

fn is_blank(text: &str) -> bool {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// Reads a whole file, refusing one larger than the limit before reading it.
fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = f.metadata().map_err(|e| Error::io(path, e))?.len();
    if size > limits.max_article_bytes {
        return Err(Error::TooLarge {
            at: path.display().to_string(),
            size,
            limit: limits.max_article_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    f.take(limits.max_article_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limits.max_article_bytes {
        return Err(Error::TooLarge {
            at: path.display().to_string(),
            size: bytes.len() as u64,
            limit: limits.max_article_bytes,
        });
    }
    Ok(bytes)
}

/// One JSON Lines record. Unknown fields are ignored; `id` may be a string or a number.
#[derive(serde::Deserialize)]
struct JsonArticle {
    text: String,
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
}

/// Parses one JSON line into a document named `fallback` unless it has an `id`.
fn json_document(path: &Path, line: usize, bytes: &[u8]) -> Result<Document> {
    let at = || format!("{}:{line}", path.display());
    let text = std::str::from_utf8(bytes).map_err(|e| Error::BadInput {
        at: at(),
        reason: format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to()),
    })?;
    let rec: JsonArticle = serde_json::from_str(text).map_err(|e| Error::BadInput {
        at: at(),
        reason: format!("not a JSON article ({e}); expected {{\"text\": …}}"),
    })?;
    let id = match rec.id {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            return Err(Error::BadInput {
                at: at(),
                reason: "`id` must be a string or a number".into(),
            })
        }
    };
    if id
        .as_ref()
        .is_some_and(|i| i.trim().is_empty() || i.len() > 512)
    {
        return Err(Error::BadInput {
            at: at(),
            reason: "`id` is empty or longer than 512 bytes".into(),
        });
    }
    let body = unify_line_ends(rec.text);
    if is_blank(&body) {
        return Err(Error::BadInput {
            at: at(),
            reason: "empty article (`text` holds no text)".into(),
        });
    }
    let name = id
        .clone()
        .unwrap_or_else(|| format!("{}:{line}", file_name(path)));
    let meta = Meta {
        format: "jsonl",
        id,
        url: rec.url.filter(|s| !s.trim().is_empty()),
        title: rec.title.filter(|s| !s.trim().is_empty()),
        published: rec.published.filter(|s| !s.trim().is_empty()),
        outlet: rec.outlet.filter(|s| !s.trim().is_empty()),
    };
    Ok(Document::new(name, body).with_meta(meta))
}

/// Reads the next line (without its `\n`) into `buf`, keeping at most `max` bytes of it; returns
/// the line's full length, or `None` at the end of the file.
fn next_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, max: u64) -> std::io::Result<Option<u64>> {
    buf.clear();
    let mut len = 0u64;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(len));
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], true),
            None => (chunk, false),
        };
        let room = (max + 1).saturating_sub(buf.len() as u64) as usize;
        buf.extend_from_slice(&part[..part.len().min(room)]);
        len += part.len() as u64;
        let used = part.len() + usize::from(done);
        r.consume(used);
        if done {
            return Ok(Some(len));
        }
    }
}

/// Reads every input once: names, hashes and where each article is; bad inputs are reported
/// and skipped. `each` is called with every article read (for progress).
pub fn scan(inputs: &[PathBuf], limits: &Limits, each: &mut dyn FnMut(&Document)) -> Scan {
    let found = collect(inputs);
    let mut out = Scan {
        rejected: found.errors,
        skipped: found.skipped,
        ..Scan::default()
    };
    for path in found.files {
        match extension(&path).as_str() {
            "jsonl" => scan_jsonl(&path, limits, &mut out, each),
            _ => match read_file(&path, limits) {
                Ok((doc, note)) => {
                    out.notes.extend(note);
                    out.bytes += doc.text.len() as u64;
                    each(&doc);
                    out.inputs.push(Input {
                        name: doc.source_file.clone(),
                        sha256: doc.sha256.clone(),
                        origin: origin_of(&path),
                    });
                }
                Err(e) => out.rejected.push(e),
            },
        }
    }
    out
}

fn origin_of(path: &Path) -> Origin {
    match extension(path).as_str() {
        "html" | "htm" => Origin::Html(path.to_path_buf()),
        _ => Origin::Text(path.to_path_buf()),
    }
}

fn scan_jsonl(path: &Path, limits: &Limits, out: &mut Scan, each: &mut dyn FnMut(&Document)) {
    let f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            out.rejected.push(Error::io(path, e));
            return;
        }
    };
    let r = BufReader::with_capacity(1 << 16, f);
    for_json_lines(path, r, limits, &mut |line, offset, len, doc| match doc {
        Ok(doc) => {
            out.bytes += doc.text.len() as u64;
            each(&doc);
            out.inputs.push(Input {
                name: doc.source_file.clone(),
                sha256: doc.sha256.clone(),
                origin: Origin::JsonLine {
                    path: path.to_path_buf(),
                    line,
                    offset,
                    len,
                },
            });
        }
        Err(e) => out.rejected.push(e),
    });
}

/// Calls `each` with every non-blank line of a JSON Lines file: its number (1-based), byte
/// offset and length, and the article read from it or why it is not one.
fn for_json_lines(
    path: &Path,
    mut r: impl BufRead,
    limits: &Limits,
    each: &mut dyn FnMut(usize, u64, u64, Result<Document>),
) {
    let mut buf = Vec::new();
    let mut offset = 0u64;
    let mut line = 0usize;
    loop {
        line += 1;
        let len = match next_line(&mut r, &mut buf, limits.max_article_bytes) {
            Ok(Some(len)) => len,
            Ok(None) => break,
            Err(e) => {
                each(line, offset, 0, Err(Error::io(path, e)));
                break;
            }
        };
        let here = offset;
        offset += len + 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if len > limits.max_article_bytes {
            each(
                line,
                here,
                len,
                Err(Error::TooLarge {
                    at: format!("{}:{line}", path.display()),
                    size: len,
                    limit: limits.max_article_bytes,
                }),
            );
            continue;
        }
        each(line, here, len, json_document(path, line, &buf));
    }
}

/// The articles of one input file given as bytes (what a distributed job reads), by the rules
/// `scan` reads files with: a `.jsonl` file (or any, with `jsonl`: rows of a table given as JSON
/// Lines) gives an article per line, any other file one article (`.html`/`.htm` as a page). Each article comes with where it was (`path`, or
/// `path:line`); the errors name the file (and line); the note says how a file was decoded
/// when that was not UTF-8.
pub fn documents_from_bytes(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
    jsonl: bool,
) -> (Vec<(Document, String)>, Vec<Error>, Option<String>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    if jsonl || extension(path) == "jsonl" {
        for_json_lines(path, bytes, limits, &mut |line, _, _, doc| match doc {
            Ok(d) => docs.push((d, format!("{}:{line}", path.display()))),
            Err(e) => errors.push(e),
        });
        return (docs, errors, None);
    }
    if bytes.len() as u64 > limits.max_article_bytes {
        errors.push(Error::TooLarge {
            at: path.display().to_string(),
            size: bytes.len() as u64,
            limit: limits.max_article_bytes,
        });
        return (docs, errors, None);
    }
    match file_document(path, bytes) {
        Ok((d, note)) => {
            docs.push((d, path.display().to_string()));
            (docs, errors, note)
        }
        Err(e) => {
            errors.push(e);
            (docs, errors, None)
        }
    }
}

/// Reads one `.txt` or `.html` file as a document; the note says how it was decoded when that
/// was not UTF-8.
pub fn read_file(path: &Path, limits: &Limits) -> Result<(Document, Option<String>)> {
    file_document(path, &read_limited(path, limits)?)
}

/// A `.txt` or `.html` file's bytes as a document.
fn file_document(path: &Path, bytes: &[u8]) -> Result<(Document, Option<String>)> {
    let (text, note) = decode(path, bytes)?;
    let name = file_name(path);
    match origin_of(path) {
        Origin::Html(_) => {
            let page = crate::html::extract(&text);
            if is_blank(&page.text) {
                return Err(Error::Empty {
                    path: path.to_path_buf(),
                });
            }
            let meta = Meta {
                format: "html",
                title: page.title,
                url: page.url,
                published: page.published,
                outlet: page.outlet,
                id: None,
            };
            Ok((Document::new(name, page.text).with_meta(meta), note))
        }
        _ => Ok((Document::new(name, text), note)),
    }
}

/// Reads one `.txt` file (the old entry point, kept for tools and tests).
pub fn read(path: &Path) -> Result<(Document, Option<String>)> {
    read_file(path, &Limits::default())
}

/// Reads an article's text back, checking that it is still what [`scan`] saw.
pub fn load(input: &Input, limits: &Limits) -> Result<Document> {
    let doc = match &input.origin {
        Origin::Text(p) | Origin::Html(p) => read_file(p, limits)?.0,
        Origin::JsonLine {
            path,
            line,
            offset,
            len,
        } => {
            let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            f.seek(SeekFrom::Start(*offset))
                .map_err(|e| Error::io(path, e))?;
            let mut buf = vec![0u8; *len as usize];
            f.read_exact(&mut buf).map_err(|e| Error::io(path, e))?;
            json_document(path, *line, &buf)?
        }
    };
    if doc.sha256 != input.sha256 {
        return Err(Error::BadInput {
            at: input.origin.describe(),
            reason: "changed while athar was reading it".into(),
        });
    }
    Ok(doc)
}
