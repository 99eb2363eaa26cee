//! `athar load SHARDS/ [--store DIR]`: the shards into the store, through the bulk loader.

use std::path::PathBuf;

use clap::Args;

use crate::error::Result;

/// Arguments of `load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// A shard folder written by `athar write` or `scripts/spark-build.sh`.
    pub shards: PathBuf,
    /// The store folder (its dataset becomes exactly the shards').
    #[arg(long, default_value = "athar-store")]
    pub store: PathBuf,
    /// Also write the exports into this folder.
    #[arg(long)]
    pub export: Option<PathBuf>,
    /// Loader threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Runs `load`; returns the exit status.
pub fn run(args: &LoadArgs) -> Result<i32> {
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let r = crate::pipeline::load_shards(&args.shards, &args.store, threads)?;
    if let Some(dir) = &args.export {
        let graph = crate::graph::KnowledgeGraph::open_read_only(&args.store)?;
        crate::export::write_all(&graph, dir, &[], false)?;
    }
    eprintln!(
        "{} articles from {} shards, {} quads ({} written, {} removed), {:.2} s{}",
        r.articles,
        r.shards,
        r.quads,
        r.inserted,
        r.removed,
        r.seconds,
        if r.written { "" } else { " (store unchanged)" }
    );
    Ok(super::EXIT_OK)
}
