//! `athar synth --from DIR --articles N [--seed S] --out FILE.jsonl`: a synthetic corpus for
//! benchmarks and crash tests (see [`crate::synth`]).

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};
use crate::ingest::Limits;

/// Arguments of `synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Real articles whose sentences the corpus is made of (files or folders).
    #[arg(long, required = true)]
    pub from: Vec<PathBuf>,
    /// Number of articles.
    #[arg(long)]
    pub articles: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The JSON Lines file to write.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs `synth`.
pub fn run(args: &SynthArgs) -> Result<i32> {
    let lex = super::lexicon(None)?;
    let mut docs = Vec::new();
    let scan = crate::ingest::scan(&args.from, &Limits::default(), &mut |d| {
        docs.push(d.clone())
    });
    for e in &scan.rejected {
        eprintln!("athar: rejected {e}");
    }
    if docs.is_empty() {
        return Err(Error::BadInput {
            at: format!("{:?}", args.from),
            reason: "no articles to take sentences from".into(),
        });
    }
    let generator = crate::synth::Generator::new(&lex, &docs);
    let f = std::fs::File::create(&args.out).map_err(|e| Error::io(&args.out, e))?;
    let bytes = generator
        .write_jsonl(args.seed, args.articles, std::io::BufWriter::new(f))
        .map_err(|e| Error::io(&args.out, e))?;
    eprintln!(
        "{} articles, {} bytes of text, from {} sentences of {} articles, in {}",
        args.articles,
        bytes,
        generator.sentence_count(),
        docs.len(),
        args.out.display()
    );
    Ok(super::EXIT_OK)
}
