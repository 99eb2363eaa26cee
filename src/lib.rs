//! athar (أثر, "trace"): Arabic news articles about armed conflict → a knowledge graph with
//! provenance down to the characters of each statement.
//!
//! Pipeline: [`text::Document`] → [`text::Text`] (normalized, offset map, sentences, tokens) →
//! [`model::Mention`]s → [`model::ArticleFacts`] → [`model::Resolution`] →
//! [`graph::KnowledgeGraph`] (Oxigraph) → [`export`].

#[cfg(feature = "store")]
pub mod cmd;
pub mod error;
#[cfg(feature = "store")]
pub mod export;
pub mod extract;
#[cfg(feature = "store")]
pub mod find;
pub mod fuzzcheck;
#[cfg(feature = "rdf")]
pub mod graph;
pub mod html;
pub mod incidents;
pub mod ingest;
pub mod lexicon;
pub mod model;
#[cfg(feature = "store")]
pub mod pipeline;
pub mod resolve;
#[cfg(feature = "store")]
pub mod serve;
pub mod stages;
pub mod synth;
pub mod text;
pub mod vocab;

/// The ontology, as shipped in `ontology/athar.ttl`.
pub const ONTOLOGY: &str = include_str!("../ontology/athar.ttl");
