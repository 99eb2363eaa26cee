//! Exporters: each writes one format to an `impl Write`, deterministically (sorted rows). Files
//! are written beside their final name and renamed, so a reader never sees half a file.

pub mod network;
pub mod rdf;
pub mod tables;
pub mod xlsx;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::graph::{Answer, KnowledgeGraph};

/// The rows of a SELECT over the union of all graphs, unbound values as empty strings.
fn rows(g: &KnowledgeGraph, q: &str) -> Result<Vec<Vec<String>>> {
    match g.query(&format!("{}{q}", crate::vocab::sparql_prefixes()), true)? {
        Answer::Rows(_, rows) => Ok(rows
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect()),
        _ => Err(Error::Export("expected rows from a SELECT".into())),
    }
}

/// Every export, by file name.
pub const FORMATS: &[&str] = &[
    "graph.nq",
    "graph.trig",
    "graph.ttl",
    "athar.ttl",
    "graph.graphml",
    "graph.gexf",
    "nodes.csv",
    "edges.csv",
    "facts.csv",
    "quantities.csv",
    "events.csv",
    "incidents.csv",
    "tables.xlsx",
];

/// The CSV tables `tables.xlsx` holds, with their sheet names.
const SHEETS: &[(&str, &str)] = &[
    ("events.csv", "events"),
    ("incidents.csv", "incidents"),
    ("quantities.csv", "quantities"),
    ("facts.csv", "facts"),
    ("nodes.csv", "nodes"),
    ("edges.csv", "edges"),
];

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let tmp = dir.join(format!(".{name}.tmp"));
    let path = dir.join(name);
    let mut file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    file.write_all(bytes).map_err(|e| Error::io(&tmp, e))?;
    file.sync_all().map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
}

/// Writes the exports named in `only` (all of `FORMATS` when empty) into a folder. With
/// `actors`, the network files show the actors' projection (events folded into edges).
pub fn write_all(
    graph: &KnowledgeGraph,
    dir: &Path,
    only: &[String],
    actors: bool,
) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for o in only {
        if !FORMATS.contains(&o.as_str()) {
            return Err(Error::Export(format!(
                "unknown export {o:?} (one of {})",
                FORMATS.join(", ")
            )));
        }
    }
    let wanted = |n: &str| only.is_empty() || only.iter().any(|o| o == n);
    let mut written = Vec::new();
    let mut exporter = Exporter {
        graph,
        actors,
        network: None,
        rendered: std::collections::BTreeMap::new(),
    };
    for &name in FORMATS.iter().filter(|n| wanted(n)) {
        let bytes = exporter.render(name)?;
        write_file(dir, name, &bytes)?;
        written.push(name.to_string());
    }
    Ok(written)
}

/// Renders exports, loading the network once and keeping the CSV tables for the workbook.
struct Exporter<'g> {
    graph: &'g KnowledgeGraph,
    actors: bool,
    network: Option<network::Network>,
    rendered: std::collections::BTreeMap<&'static str, Vec<u8>>,
}

impl Exporter<'_> {
    fn network(&mut self) -> Result<&network::Network> {
        if self.network.is_none() {
            let full = network::Network::load(self.graph)?;
            self.network = Some(if self.actors {
                full.project_actors()
            } else {
                full
            });
        }
        Ok(self.network.as_ref().expect("loaded above"))
    }

    /// One export's bytes.
    fn render(&mut self, name: &'static str) -> Result<Vec<u8>> {
        if let Some(b) = self.rendered.get(name) {
            return Ok(b.clone());
        }
        let csv_err = |e: csv::Error| Error::Export(format!("{name}: {e}"));
        let io = |e: std::io::Error| Error::Export(format!("{name}: {e}"));
        let g = self.graph;
        let mut b = Vec::new();
        match name {
            "graph.nq" => {
                rdf::write_nquads(g, &mut b)?;
            }
            "graph.trig" => {
                g.write_rdf(true, &mut b)?;
            }
            "graph.ttl" => {
                g.write_rdf(false, &mut b)?;
            }
            "athar.ttl" => b.extend_from_slice(crate::ONTOLOGY.as_bytes()),
            "graph.graphml" => {
                network::write_graphml(self.network()?, &mut b).map_err(io)?;
            }
            "graph.gexf" => {
                network::write_gexf(self.network()?, &mut b).map_err(io)?;
            }
            "nodes.csv" => {
                network::write_nodes_csv(self.network()?, &mut b).map_err(csv_err)?;
            }
            "edges.csv" => {
                network::write_edges_csv(self.network()?, &mut b).map_err(csv_err)?;
            }
            "facts.csv" => {
                tables::write_facts(g, &mut b)?;
            }
            "quantities.csv" => {
                tables::write_quantities(g, &mut b)?;
            }
            "events.csv" => {
                tables::write_events(g, &mut b)?;
            }
            "incidents.csv" => {
                tables::write_incidents(g, &mut b)?;
            }
            "tables.xlsx" => {
                let mut csvs = Vec::new();
                for (file, _) in SHEETS {
                    csvs.push(self.render(file)?);
                }
                let sheets: Vec<xlsx::Sheet<'_>> = SHEETS
                    .iter()
                    .zip(&csvs)
                    .map(|((_, sheet), csv)| xlsx::Sheet { name: sheet, csv })
                    .collect();
                let newest = rows(
                    g,
                    "SELECT (MAX(STR(?p)) AS ?d) WHERE { ?a a ath:Article ; ath:publishedOn ?p }",
                )?
                .into_iter()
                .next()
                .and_then(|r| r.into_iter().next())
                .filter(|d| d.len() == 10);
                xlsx::write_xlsx(&sheets, newest.as_deref(), &mut b)?;
            }
            other => return Err(Error::Export(format!("unknown export {other:?}"))),
        }
        if name.ends_with(".csv") {
            self.rendered.insert(name, b.clone());
        }
        Ok(b)
    }
}
