//! `athar extract <INPUT>... --out FACTS.jsonl`: the first stage of a staged build.

use std::io::{BufWriter, IsTerminal};
use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files or folders (as `build` reads them).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The facts file to write (JSON Lines, one article a line, sorted by name); `-` for stdout.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Reference date, lexicon, size limit.
    #[command(flatten)]
    pub reading: super::Reading,
    /// Worker threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Runs `extract`; returns the exit status.
pub fn run(args: &ExtractArgs) -> Result<i32> {
    let lex = super::lexicon(args.reading.lexicon.as_ref())?;
    let as_of = super::build::reference_date(args.reading.as_of.as_deref())?;
    super::threads(args.threads);
    let limits = crate::ingest::Limits {
        max_article_bytes: args.reading.max_article_bytes,
    };
    let report = if args.out.as_os_str() == "-" {
        let out = std::io::stdout();
        if out.is_terminal() {
            eprintln!("athar: writing JSON Lines to the terminal");
        }
        let mut w = BufWriter::new(out.lock());
        crate::stages::extract_inputs(&lex, &args.inputs, &limits, as_of, 256, &mut w, &args.out)?
    } else {
        // written aside and renamed: a facts file is whole or absent
        let mut tmp = args.out.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        let f = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let mut w = BufWriter::new(f);
        let r = crate::stages::extract_inputs(
            &lex,
            &args.inputs,
            &limits,
            as_of,
            256,
            &mut w,
            &args.out,
        )?;
        drop(w);
        std::fs::rename(&tmp, &args.out).map_err(|e| Error::io(&args.out, e))?;
        r
    };
    super::tell_inputs(&report.rejected, &report.notes, &report.skipped);
    eprintln!(
        "{} articles extracted ({} rejected)",
        report.articles,
        report.rejected.len()
    );
    Ok(if report.rejected.is_empty() {
        super::EXIT_OK
    } else {
        super::EXIT_REJECTED
    })
}
