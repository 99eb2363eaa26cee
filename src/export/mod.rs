//! Exporters: each writes one format to an `impl Write`, deterministically (sorted rows).

pub mod rdf;

use std::path::Path;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

/// Writes every export of the store into a folder (created if needed). Returns the files written.
pub fn write_all(graph: &KnowledgeGraph, dir: &Path) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut written = Vec::new();
    let path = dir.join("graph.nq");
    let tmp = dir.join(".graph.nq.tmp");
    let f = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let w = rdf::write_nquads(graph, std::io::BufWriter::new(f))?;
    w.into_inner()
        .map_err(|e| Error::io(&tmp, e.into_error()))?
        .sync_all()
        .map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
    written.push("graph.nq".to_string());
    let onto = dir.join("athar.ttl");
    std::fs::write(&onto, crate::ONTOLOGY).map_err(|e| Error::io(&onto, e))?;
    written.push("athar.ttl".to_string());
    Ok(written)
}
