//! `athar build <INPUT>... [--store DIR] [--export DIR]`

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Article files or folders (searched recursively for *.txt).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The store folder.
    #[arg(long, default_value = "athar-store")]
    pub store: PathBuf,
    /// Also write the exports into this folder.
    #[arg(long)]
    pub export: Option<PathBuf>,
    /// Reference date for dates whose year the text leaves out (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Read the lexicon from this folder instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
}

/// Parses `--as-of`, or today.
pub fn reference_date(s: Option<&str>) -> Result<NaiveDate> {
    match s {
        Some(s) => {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Error::BadDate(s.to_string()))
        }
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// Runs `build`; returns the exit status.
pub fn run(args: &BuildArgs) -> Result<i32> {
    let lex = super::lexicon(args.lexicon.as_ref())?;
    let as_of = reference_date(args.as_of.as_deref())?;
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} reading {pos}/{len} articles {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let progress = |done: usize, total: usize| {
        if let Some(b) = &bar {
            b.set_length(total as u64);
            b.set_position(done as u64);
        }
    };
    let report = crate::pipeline::build(&lex, &args.inputs, &args.store, as_of, &progress)?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for e in &report.rejected {
        eprintln!("athar: rejected {e}");
    }
    for n in &report.notes {
        eprintln!("athar: note: {n}");
    }
    if let Some(dir) = &args.export {
        let graph = KnowledgeGraph::open_read_only(&args.store)?;
        crate::export::write_all(&graph, dir, &[], false)?;
    }
    eprintln!(
        "{} articles ({} added, {} replaced, {} unchanged, {} rejected), {} entities, {} mentions, {} quads, {:.2} s{}",
        report.articles,
        report.added,
        report.replaced,
        report.unchanged,
        report.rejected.len(),
        report.entities,
        report.mentions,
        report.quads,
        report.seconds,
        if report.written { "" } else { " (store unchanged)" }
    );
    Ok(if report.rejected.is_empty() {
        super::EXIT_OK
    } else {
        super::EXIT_REJECTED
    })
}
