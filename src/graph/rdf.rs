//! The dataset written as RDF: N-Quads (sorted, or streamed in the store's order), TriG and
//! Turtle with the project's prefixes.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};

use super::store::{store_err, KnowledgeGraph};
use crate::error::{Error, Result};

impl KnowledgeGraph {
    /// Writes the dataset as N-Quads, one statement a line, lines sorted: the same dataset
    /// always gives the same bytes.
    pub fn write_nquads<W: Write>(&self, mut w: W) -> Result<W> {
        let mut lines = Vec::new();
        for q in self.store.iter() {
            let q = q.map_err(|e| store_err(&self.path, e))?;
            let mut buf = Vec::new();
            let mut s = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut buf);
            s.serialize_quad(&q).map_err(|e| Error::io(&self.path, e))?;
            s.finish().map_err(|e| Error::io(&self.path, e))?;
            lines.push(buf);
        }
        lines.sort();
        for l in lines {
            w.write_all(&l).map_err(|e| Error::io(&self.path, e))?;
        }
        Ok(w)
    }

    /// Writes the dataset as N-Quads in the store's own order, streaming (deterministic too, but
    /// not sorted by text): for stores too large to sort in memory.
    pub fn dump_nquads<W: Write>(&self, w: W) -> Result<W> {
        let mut s = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(w);
        for q in self.store.iter() {
            let q = q.map_err(|e| store_err(&self.path, e))?;
            s.serialize_quad(&q).map_err(|e| Error::io(&self.path, e))?;
        }
        s.finish().map_err(|e| Error::io(&self.path, e))
    }

    /// Writes the dataset as TriG (named graphs kept) or the union of its graphs as Turtle, with
    /// the project's prefixes, statements sorted.
    pub fn write_rdf<W: Write>(&self, trig: bool, w: W) -> Result<W> {
        let mut quads: Vec<oxigraph::model::Quad> = Vec::new();
        for q in self.store.iter() {
            quads.push(q.map_err(|e| store_err(&self.path, e))?);
        }
        let mut s = RdfSerializer::from_format(if trig {
            RdfFormat::TriG
        } else {
            RdfFormat::Turtle
        });
        for &(p, iri) in crate::vocab::PREFIXES {
            s = s
                .with_prefix(p, iri)
                .map_err(|e| Error::Export(format!("prefix {p}: {e}")))?;
        }
        let mut out = s.for_writer(w);
        let io = |e: std::io::Error| Error::io(&self.path, e);
        if trig {
            quads.sort_by(|a, b| {
                (
                    a.graph_name.to_string(),
                    a.subject.to_string(),
                    a.predicate.as_str(),
                    a.object.to_string(),
                )
                    .cmp(&(
                        b.graph_name.to_string(),
                        b.subject.to_string(),
                        b.predicate.as_str(),
                        b.object.to_string(),
                    ))
            });
            for q in &quads {
                out.serialize_quad(q).map_err(io)?;
            }
        } else {
            let mut triples: Vec<oxigraph::model::Triple> = quads
                .into_iter()
                .map(oxigraph::model::Triple::from)
                .collect();
            triples.sort_by_cached_key(|t| {
                (
                    t.subject.to_string(),
                    t.predicate.as_str().to_string(),
                    t.object.to_string(),
                )
            });
            triples.dedup();
            for t in &triples {
                out.serialize_triple(t).map_err(io)?;
            }
        }
        out.finish().map_err(io)
    }
}
