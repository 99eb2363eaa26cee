//! `athar write FACTS.jsonl... --entities ENTITIES.json --out SHARDS/`: N-Quads shards.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};

/// Arguments of `write`.
#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Facts files written by `athar extract` (those `resolve` read).
    #[arg(required = true)]
    pub facts: Vec<PathBuf>,
    /// The entity table written by `athar resolve`.
    #[arg(long)]
    pub entities: PathBuf,
    /// The shard folder to write (part-NNNNN.nq, shared.nq, links/, settings.tsv).
    #[arg(long, short)]
    pub out: PathBuf,
    /// Articles per shard.
    #[arg(long, default_value_t = 10_000)]
    pub per_shard: usize,
    /// Read the lexicon from this folder instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

/// Runs `write`; returns the exit status.
pub fn run(args: &WriteArgs) -> Result<i32> {
    let lex = super::lexicon(args.lexicon.as_ref())?;
    let table = crate::stages::EntityTable::read(&args.entities, &lex)?;
    std::fs::create_dir_all(&args.out).map_err(|e| Error::io(&args.out, e))?;
    let r = crate::stages::write_shards(&table, &args.facts, &args.out, args.per_shard)?;
    eprintln!("{} articles written in {} shards", r.articles, r.shards);
    Ok(super::EXIT_OK)
}
