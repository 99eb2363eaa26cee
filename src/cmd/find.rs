//! `athar find NAME [--store DIR] [--limit N] [--format table|csv|json]`: entities by name,
//! matched as extraction matches names (spelling variants, clitics, the article, English).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

/// Output formats of `find`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns (the default on a terminal).
    Table,
    /// CSV with a header (the default otherwise).
    Csv,
    /// One JSON object per entity, in a JSON array.
    Json,
}

/// Arguments of `find`.
#[derive(Debug, Args)]
pub struct FindArgs {
    /// The name, in any spelling: «الرقه»، «رقة»، «بالرقة»، «Raqqa».
    pub name: String,
    /// The store folder.
    #[arg(long, default_value = "athar-store")]
    pub store: PathBuf,
    /// Read the lexicon (its proclitics) from this folder instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Most entities listed.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Runs `find`: exit 0 when something was found, 5 when nothing was.
pub fn run(args: &FindArgs) -> Result<i32> {
    let lex = super::lexicon(args.lexicon.as_ref())?;
    let graph = KnowledgeGraph::open_read_only(&args.store)?;
    let found = crate::find::find(&graph, &lex, &args.name, args.limit)?;
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        Format::Table
    } else {
        Format::Csv
    });
    let mut out = stdout.lock();
    let io = |e: std::io::Error| Error::io("<stdout>", e);
    let header = ["label", "label_en", "class", "articles", "matched", "iri"];
    let rows: Vec<[String; 6]> = found
        .iter()
        .map(|f| {
            [
                f.label.clone(),
                f.label_en.clone(),
                f.class.clone(),
                f.articles.to_string(),
                f.matched.clone(),
                f.iri.clone(),
            ]
        })
        .collect();
    match format {
        Format::Table => {
            let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for r in &rows {
                for (i, c) in r.iter().enumerate() {
                    widths[i] = widths[i].max(c.chars().count());
                }
            }
            let line = |cells: Vec<&str>| {
                cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{c}{}", " ".repeat(widths[i] - c.chars().count())))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_string()
            };
            writeln!(out, "{}", line(header.to_vec())).map_err(io)?;
            for r in &rows {
                writeln!(out, "{}", line(r.iter().map(String::as_str).collect())).map_err(io)?;
            }
            writeln!(out, "({} found)", rows.len()).map_err(io)?;
        }
        Format::Csv => {
            let mut c = csv::Writer::from_writer(&mut out);
            let err = |e: csv::Error| Error::Export(e.to_string());
            c.write_record(header).map_err(err)?;
            for r in &rows {
                c.write_record(r).map_err(err)?;
            }
            c.flush().map_err(io)?;
        }
        Format::Json => {
            let list: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    serde_json::Value::Object(
                        header
                            .iter()
                            .zip(r)
                            .map(|(k, v)| {
                                let v = if *k == "articles" {
                                    serde_json::json!(v.parse::<u64>().unwrap_or(0))
                                } else {
                                    serde_json::json!(v)
                                };
                                (k.to_string(), v)
                            })
                            .collect(),
                    )
                })
                .collect();
            writeln!(out, "{}", serde_json::Value::Array(list)).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(if found.is_empty() {
        super::EXIT_NOT_FOUND
    } else {
        super::EXIT_OK
    })
}
