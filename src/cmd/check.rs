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
    /// The reference date to check with (default: the one the store records it was built with).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Read the lexicon from this folder instead of the built-in one (as `build --lexicon`).
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
}

/// Runs `check`: prints each problem; exit status 0 when there is none, 4 otherwise.
pub fn run(args: &CheckArgs) -> Result<i32> {
    let lex = super::lexicon(args.lexicon.as_ref())?;
    let recorded = crate::pipeline::Settings::read(&args.store);
    let as_of = match (&args.as_of, &recorded) {
        (None, Some(s)) => s.as_of,
        (given, _) => super::build::reference_date(given.as_deref())?,
    };
    if let Some(s) = recorded.as_ref().filter(|s| s.lexicon != lex.digest) {
        println!(
            "note: the store was built with another lexicon (digest {}…); pass the same --lexicon",
            &s.lexicon[..12.min(s.lexicon.len())]
        );
    }
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
