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
    /// Article files or folders (searched recursively for *.txt, *.html, *.htm and *.jsonl).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The store folder.
    #[arg(long, default_value = "athar-store")]
    pub store: PathBuf,
    /// Also write the exports into this folder.
    #[arg(long)]
    pub export: Option<PathBuf>,
    /// Reference date, lexicon, size limit.
    #[command(flatten)]
    pub reading: super::Reading,
    /// Articles extracted together and written in one transaction.
    #[arg(long, default_value_t = 256)]
    pub chunk: usize,
    /// Worker threads for extraction (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Write the build's figures (counts, seconds per phase, peak memory) as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,
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

/// Peak resident memory of this process (`VmHWM`), where /proc tells it.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Bytes of the files under a folder.
pub fn dir_size(dir: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Runs `build`; returns the exit status.
pub fn run(args: &BuildArgs) -> Result<i32> {
    let lex = super::lexicon(args.reading.lexicon.as_ref())?;
    let as_of = reference_date(args.reading.as_of.as_deref())?;
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {msg} {pos}/{len} articles {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let progress = |stage: &str, done: usize, total: usize| {
        if let Some(b) = &bar {
            b.set_message(stage.to_string());
            b.set_length(total as u64);
            b.set_position(done as u64);
        }
    };
    if let Some(n) = args.threads {
        // the first pool wins; a second build in the same process keeps the first's threads
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let mut opts = crate::pipeline::BuildOptions::new(as_of);
    opts.limits.max_article_bytes = args.reading.max_article_bytes;
    opts.chunk = args.chunk;
    let report = crate::pipeline::build(&lex, &args.inputs, &args.store, &opts, &progress)?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    super::tell_inputs(&report.rejected, &report.notes, &report.skipped);
    if report.articles == 0 {
        eprintln!(
            "athar: the store holds no article: {}",
            if report.rejected.is_empty() {
                "no input was an article".to_string()
            } else {
                format!("every input was rejected ({})", report.rejected.len())
            }
        );
    }
    if let Some(dir) = &args.export {
        let graph = KnowledgeGraph::open_read_only(&args.store)?;
        crate::export::write_all(&graph, dir, &[], false)?;
    }
    eprintln!(
        "{} articles ({} added, {} replaced, {} unchanged, {} rejected), {} entities, {} quads ({} written, {} removed), {:.2} s{}",
        report.articles,
        report.added,
        report.replaced,
        report.unchanged,
        report.rejected.len(),
        report.entities,
        report.quads,
        report.inserted,
        report.removed,
        report.seconds,
        if report.written { "" } else { " (store unchanged)" }
    );
    if let Some(path) = &args.stats {
        let stats = serde_json::json!({
            "articles": report.articles,
            "added": report.added,
            "replaced": report.replaced,
            "unchanged": report.unchanged,
            "rejected": report.rejected.len(),
            "entities": report.entities,
            "quads": report.quads,
            "inserted": report.inserted,
            "removed": report.removed,
            "text_bytes": report.text_bytes,
            "threads": rayon::current_num_threads(),
            "scan_seconds": report.scan_seconds,
            "extract_seconds": report.extract_seconds,
            "write_seconds": report.write_seconds,
            "seconds": report.seconds,
            "peak_rss_bytes": peak_rss(),
            "store_bytes": dir_size(&args.store.join("db")),
        });
        std::fs::write(path, format!("{stats:#}\n")).map_err(|e| Error::io(path, e))?;
    }
    Ok(if report.rejected.is_empty() {
        super::EXIT_OK
    } else {
        super::EXIT_REJECTED
    })
}
