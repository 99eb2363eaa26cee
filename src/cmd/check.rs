//! `athar check --store DIR`: is every article in the store whole?

use std::path::PathBuf;

use clap::Args;

use crate::error::Result;

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The store folder.
    #[arg(long, default_value = "athar-store")]
    pub store: PathBuf,
    /// The reference date the store was built with.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

/// Runs `check`: prints each problem; exit status 0 when there is none, 4 otherwise.
pub fn run(args: &CheckArgs) -> Result<i32> {
    let lex = super::lexicon(None)?;
    let as_of = super::build::reference_date(args.as_of.as_deref())?;
    let (n, problems) = crate::pipeline::check(&lex, &args.store, as_of)?;
    let graph = crate::graph::KnowledgeGraph::open(&args.store)?;
    let pending = graph.has_pending_build()?;
    for p in &problems {
        println!("{}: {}", p.article, p.message);
    }
    println!(
        "{n} articles, {} not whole{}",
        problems.len(),
        if pending {
            "; the last build did not finish (run `athar build` again to finish it)"
        } else {
            ""
        }
    );
    Ok(if problems.is_empty() {
        super::EXIT_OK
    } else {
        super::EXIT_DAMAGED
    })
}
