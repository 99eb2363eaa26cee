//! `athar export --store DIR --to DIR`

use std::path::PathBuf;

use clap::Args;

use crate::error::Result;
use crate::graph::KnowledgeGraph;

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The store folder.
    #[arg(long, default_value = "athar-store")]
    pub store: PathBuf,
    /// Where to write the exports.
    #[arg(long)]
    pub to: PathBuf,
    /// Only these exports (file names, comma-separated: graph.nq, graph.trig, graph.ttl,
    /// athar.ttl, graph.graphml, nodes.csv, edges.csv, facts.csv, quantities.csv, events.csv).
    #[arg(long, value_delimiter = ',')]
    pub format: Vec<String>,
}

/// Runs `export`.
pub fn run(args: &ExportArgs) -> Result<i32> {
    let graph = KnowledgeGraph::open_read_only(&args.store)?;
    let files = crate::export::write_all(&graph, &args.to, &args.format)?;
    eprintln!("wrote {} to {}", files.join(", "), args.to.display());
    Ok(super::EXIT_OK)
}
