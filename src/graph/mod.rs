//! The knowledge graph: `KnowledgeGraph` wraps an Oxigraph `Store` (on disk for the CLI, in
//! memory for tests). This is the only module that uses Oxigraph.

mod quads;
#[cfg(feature = "store")]
mod query;
#[cfg(feature = "store")]
mod rdf;
#[cfg(feature = "store")]
mod store;

pub use quads::{
    article_iri, article_quads, corpus_quads, read_nquads, shared_quads, write_nquads,
};
#[cfg(feature = "store")]
pub use query::{Answer, ProtocolError, ProtocolQuery, QueryForm, ResultFormat};
#[cfg(feature = "store")]
pub use store::*;
