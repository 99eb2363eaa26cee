//! `athar resolve FACTS.jsonl... --out ENTITIES.json`: the corpus-wide stage of a staged build.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};

/// Arguments of `resolve`.
#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// Facts files written by `athar extract` (every article of the corpus, each once).
    #[arg(required = true)]
    pub facts: Vec<PathBuf>,
    /// The entity table to write (JSON).
    #[arg(long, short)]
    pub out: PathBuf,
    /// The reference date the facts must have been extracted with (default: the first line's).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Read the lexicon from this folder instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

/// Runs `resolve`; returns the exit status.
pub fn run(args: &ResolveArgs) -> Result<i32> {
    let lex = super::lexicon(args.lexicon.as_ref())?;
    let as_of = match &args.as_of {
        Some(d) => Some(super::build::reference_date(Some(d))?),
        None => None,
    };
    let table = crate::stages::resolve_files(&lex, &args.facts, as_of)?;
    let text = serde_json::to_string(&table)
        .map_err(|e| Error::io(&args.out, std::io::Error::other(e)))?;
    crate::stages::write_whole(&args.out, format!("{text}\n").as_bytes())?;
    eprintln!(
        "{} articles resolved: {} entities, {} incidents",
        table.articles.len(),
        table.resolution.entities.len(),
        table.resolution.incidents.len()
    );
    Ok(super::EXIT_OK)
}
