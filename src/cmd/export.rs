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
    /// athar.ttl, graph.graphml, graph.gexf, nodes.csv, edges.csv, facts.csv, quantities.csv,
    /// events.csv, tables.xlsx).
    #[arg(long, value_delimiter = ',')]
    pub format: Vec<String>,
    /// The network files: `full` (entities and events) or `actors` (events folded into
    /// weighted actor→target edges typed by event class).
    #[arg(long, value_enum, default_value = "full")]
    pub projection: Projection,
}

/// Which network the graph files show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Projection {
    /// Entities and events, relations and event roles.
    Full,
    /// Entities only; events folded into actor→target edges.
    Actors,
}

/// Runs `export`.
pub fn run(args: &ExportArgs) -> Result<i32> {
    let graph = KnowledgeGraph::open_read_only(&args.store)?;
    let files = crate::export::write_all(
        &graph,
        &args.to,
        &args.format,
        args.projection == Projection::Actors,
    )?;
    eprintln!("wrote {} to {}", files.join(", "), args.to.display());
    Ok(super::EXIT_OK)
}
