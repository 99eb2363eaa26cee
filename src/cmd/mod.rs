//! One module per subcommand; each has its clap arguments and a `run`.

pub mod bench;
pub mod build;
pub mod check;
pub mod export;
pub mod extract;
pub mod find;
pub mod load;
pub mod query;
pub mod resolve;
pub mod serve;
pub mod synth;
pub mod write;

use std::path::PathBuf;

use crate::error::Result;
use crate::lexicon::Lexicon;

/// What every command that reads articles takes: the reference date and the lexicon.
#[derive(Debug, clap::Args)]
pub struct Reading {
    /// Reference date for dates whose year the text leaves out (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Read the lexicon from this folder instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Largest article accepted, in bytes (a larger file or JSON line is rejected unread).
    #[arg(long, default_value_t = 8 << 20)]
    pub max_article_bytes: u64,
}

/// Tells on stderr which inputs were rejected and why, the remarks on the others, and the files
/// of kinds athar does not read.
pub fn tell_inputs(
    rejected: &[crate::error::Error],
    notes: &[String],
    skipped: &std::collections::BTreeMap<String, usize>,
) {
    for e in rejected {
        eprintln!("athar: rejected {e}");
    }
    for n in notes {
        eprintln!("athar: note: {n}");
    }
    if let Some(line) = crate::ingest::skipped_line(skipped) {
        eprintln!("athar: {line}");
    }
}

/// Loads the lexicon: the embedded one, or a folder given with `--lexicon`.
pub fn lexicon(dir: Option<&PathBuf>) -> Result<Lexicon> {
    match dir {
        Some(d) => Lexicon::from_dir(d),
        None => Lexicon::builtin(),
    }
}

/// Sets the number of worker threads (the first call in a process wins).
pub fn threads(n: Option<usize>) {
    if let Some(n) = n {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
}

/// Exit status: everything went in.
pub const EXIT_OK: i32 = 0;
/// Exit status: a fatal error (bad arguments, store unusable).
pub const EXIT_ERROR: i32 = 1;
/// Exit status: the build finished but some inputs were rejected (each is named on stderr).
pub const EXIT_REJECTED: i32 = 3;
/// Exit status of `check`: some article in the store is not whole.
pub const EXIT_DAMAGED: i32 = 4;
/// Exit status of `find`: no entity has that name.
pub const EXIT_NOT_FOUND: i32 = 5;
