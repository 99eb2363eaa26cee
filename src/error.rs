//! Typed errors of the library. Each names the file (or store) and what is wrong with it.

use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An input file is not UTF-8.
    #[error("{path}: not valid UTF-8 (first invalid byte at offset {offset})")]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// An input file is binary.
    #[error("{path}: binary file (NUL byte at offset {offset})")]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// An input file holds no text.
    #[error("{path}: empty article (no text after decoding)")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Two inputs share a file name or a text.
    #[error("{path}: {reason}")]
    Duplicate {
        /// The file.
        path: PathBuf,
        /// Which other input it collides with.
        reason: String,
    },
    /// An input is too large to be one article.
    #[error("{at}: {size} bytes, larger than the {limit}-byte limit for one article (--max-article-bytes)")]
    TooLarge {
        /// The file (and line).
        at: String,
        /// Its size in bytes.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// An input could not be taken as an article (a JSON line that is not an article, …).
    #[error("{at}: {reason}")]
    BadInput {
        /// The file, with `:line` for JSON Lines.
        at: String,
        /// What is wrong.
        reason: String,
    },
    /// Extracting an article failed: a bug in athar, not in the input. The article is left out
    /// and the others go in.
    #[error(
        "{path}: extraction failed (a bug in athar; please report it with this file): {message}"
    )]
    Extraction {
        /// The article's file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A lexicon file is malformed.
    #[error("lexicon {file}, line {line}: {message}")]
    Lexicon {
        /// The lexicon file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The store could not be opened, read or written.
    #[error("store {path}: {message}")]
    Store {
        /// The store folder (empty for an in-memory store).
        path: PathBuf,
        /// The storage layer's message.
        message: String,
    },
    /// A SPARQL query could not be parsed, run or written out.
    #[error("query: {0}")]
    Query(#[from] QueryError),
    /// An export could not be written.
    #[error("export: {0}")]
    Export(String),
    /// A bad date was given on the command line.
    #[error("bad date {0:?}: expected YYYY-MM-DD")]
    BadDate(String),
}

/// Why a SPARQL query failed.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// No query was given.
    #[error("no query given (a QUERY argument or --file)")]
    Missing,
    /// The text is not a SPARQL query (the parser's message).
    #[error("not valid SPARQL: {0}")]
    Syntax(String),
    /// The text is a SPARQL update: the store is written by `build` only.
    #[error("SPARQL updates (INSERT, DELETE, LOAD, CLEAR, …) are not supported: the store is read-only outside `athar build`; change the articles and build again")]
    Update,
    /// The query parsed but its evaluation failed (the engine's message).
    #[error("{0}")]
    Evaluation(String),
    /// The results could not be serialized or written.
    #[error("writing the results: {0}")]
    Write(#[source] std::io::Error),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error with its path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
