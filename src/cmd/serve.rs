//! `athar serve --store DIR [--bind 127.0.0.1:7878]`: the read-only SPARQL endpoint.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::error::Result;

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store folder.
    #[arg(long, default_value = "athar-store")]
    pub store: PathBuf,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Time limit per query, in seconds.
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Largest number of result rows or triples of one query.
    #[arg(long, default_value_t = 100_000)]
    pub max_results: usize,
    /// Requests handled at once (others wait their turn).
    #[arg(long, default_value_t = 4)]
    pub workers: usize,
    /// Read the lexicon (for name search) from this folder instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

/// Runs `serve` until SIGINT or SIGTERM.
pub fn run(args: &ServeArgs) -> Result<i32> {
    crate::serve::serve(crate::serve::ServeOptions {
        store: args.store.clone(),
        bind: args.bind.clone(),
        timeout: Duration::from_secs_f64(args.timeout.max(0.001)),
        max_results: args.max_results,
        workers: args.workers,
        max_body: 1 << 20,
        lexicon: std::sync::Arc::new(super::lexicon(args.lexicon.as_ref())?),
    })?;
    Ok(super::EXIT_OK)
}
