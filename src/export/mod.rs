//! Exporters: each writes one format to an `impl Write`, deterministically (sorted rows). Files
//! are written beside their final name and renamed, so a reader never sees half a file.

pub mod network;
pub mod rdf;
pub mod tables;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::graph::{Answer, KnowledgeGraph};

/// The prefixes the exporters' queries use.
const PREFIXES: &str = "PREFIX ath: <https://w3id.org/athar/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
";

/// The rows of a SELECT over the union of all graphs, unbound values as empty strings.
fn rows(g: &KnowledgeGraph, q: &str) -> Result<Vec<Vec<String>>> {
    match g.query(&format!("{PREFIXES}{q}"), true)? {
        Answer::Rows(_, rows) => Ok(rows
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect()),
        _ => Err(Error::Query("expected rows".into())),
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
];

fn write_file(dir: &Path, name: &str, f: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> Result<()> {
    let mut buf = Vec::new();
    f(&mut buf)?;
    let tmp = dir.join(format!(".{name}.tmp"));
    let path = dir.join(name);
    let mut file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    file.write_all(&buf).map_err(|e| Error::io(&tmp, e))?;
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
            return Err(Error::Query(format!(
                "unknown export {o:?} (one of {})",
                FORMATS.join(", ")
            )));
        }
    }
    let wanted = |n: &str| only.is_empty() || only.iter().any(|o| o == n);
    let csv_err = |e: csv::Error| Error::Query(e.to_string());
    let io = |e: std::io::Error| Error::io(dir, e);
    let network = if ["graph.graphml", "graph.gexf", "nodes.csv", "edges.csv"]
        .iter()
        .any(|n| wanted(n))
    {
        let full = network::Network::load(graph)?;
        Some(if actors { full.project_actors() } else { full })
    } else {
        None
    };
    let mut written = Vec::new();
    for &name in FORMATS.iter().filter(|n| wanted(n)) {
        write_file(dir, name, |b| {
            match name {
                "graph.nq" => {
                    rdf::write_nquads(graph, b)?;
                }
                "graph.trig" => {
                    graph.write_rdf(true, b)?;
                }
                "graph.ttl" => {
                    graph.write_rdf(false, b)?;
                }
                "athar.ttl" => b.extend_from_slice(crate::ONTOLOGY.as_bytes()),
                "graph.graphml" => {
                    let net = network.as_ref().expect("loaded above");
                    network::write_graphml(net, b).map_err(io)?;
                }
                "graph.gexf" => {
                    let net = network.as_ref().expect("loaded above");
                    network::write_gexf(net, b).map_err(io)?;
                }
                "nodes.csv" => {
                    let net = network.as_ref().expect("loaded above");
                    network::write_nodes_csv(net, b).map_err(csv_err)?;
                }
                "edges.csv" => {
                    let net = network.as_ref().expect("loaded above");
                    network::write_edges_csv(net, b).map_err(csv_err)?;
                }
                "facts.csv" => {
                    tables::write_facts(graph, b)?;
                }
                "quantities.csv" => {
                    tables::write_quantities(graph, b)?;
                }
                "events.csv" => {
                    tables::write_events(graph, b)?;
                }
                _ => {}
            }
            Ok(())
        })?;
        written.push(name.to_string());
    }
    Ok(written)
}
