//! `athar query --store DIR (QUERY | --file F.rq) [--format table|csv|tsv|json|xml]`

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::error::{Error, QueryError, Result};
use crate::graph::{Answer, KnowledgeGraph, ResultFormat};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns (the default on a terminal).
    Table,
    /// SPARQL results CSV (the default otherwise).
    Csv,
    /// SPARQL results TSV.
    Tsv,
    /// SPARQL results JSON.
    Json,
    /// SPARQL results XML.
    Xml,
}

/// Arguments of `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The store folder.
    #[arg(long, default_value = "athar-store")]
    pub store: PathBuf,
    /// The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE).
    #[arg(conflicts_with = "file", required_unless_present = "file")]
    pub query: Option<String>,
    /// Read the query from a file.
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Query the default graph alone, not the union of all graphs.
    #[arg(long)]
    pub no_union: bool,
}

/// Runs `query`.
pub fn run(args: &QueryArgs) -> Result<i32> {
    let text = match (&args.query, &args.file) {
        (Some(q), _) => q.clone(),
        (None, Some(f)) => std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?,
        (None, None) => return Err(QueryError::Missing.into()),
    };
    let graph = KnowledgeGraph::open_read_only(&args.store)?;
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        Format::Table
    } else {
        Format::Csv
    });
    let mut out = stdout.lock();
    let io = |e: std::io::Error| Error::io("<stdout>", e);
    let rf = match format {
        Format::Table => {
            write_table(&graph.query_tagged(&text, !args.no_union)?, &mut out).map_err(io)?;
            return Ok(super::EXIT_OK);
        }
        Format::Csv => ResultFormat::Csv,
        Format::Tsv => ResultFormat::Tsv,
        Format::Json => ResultFormat::Json,
        Format::Xml => ResultFormat::Xml,
    };
    graph.query_to(&text, !args.no_union, rf, &mut out)?;
    out.flush().map_err(io)?;
    Ok(super::EXIT_OK)
}

/// Writes an answer as aligned columns.
pub fn write_table(answer: &Answer, w: &mut impl Write) -> std::io::Result<()> {
    match answer {
        Answer::Boolean(b) => writeln!(w, "{b}"),
        Answer::Triples(ts) => ts.iter().try_for_each(|t| writeln!(w, "{t}")),
        Answer::Rows(vars, rows) => {
            let cell = |v: &Option<String>| v.clone().unwrap_or_default();
            let mut widths: Vec<usize> = vars.iter().map(|v| v.chars().count() + 1).collect();
            for r in rows {
                for (i, v) in r.iter().enumerate() {
                    widths[i] = widths[i].max(cell(v).chars().count());
                }
            }
            let line = |cells: Vec<String>| {
                cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{c}{}", " ".repeat(widths[i] - c.chars().count())))
                    .collect::<Vec<_>>()
                    .join("  ")
            };
            writeln!(
                w,
                "{}",
                line(vars.iter().map(|v| format!("?{v}")).collect()).trim_end()
            )?;
            for r in rows {
                writeln!(w, "{}", line(r.iter().map(cell).collect()).trim_end())?;
            }
            writeln!(w, "({} rows)", rows.len())
        }
    }
}
