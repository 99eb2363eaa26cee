//! RDF exports.

use std::io::Write;

use crate::error::Result;
use crate::graph::KnowledgeGraph;

/// The whole dataset (named graphs included) as N-Quads, lines sorted.
pub fn write_nquads<W: Write>(graph: &KnowledgeGraph, w: W) -> Result<W> {
    graph.write_nquads(w)
}
