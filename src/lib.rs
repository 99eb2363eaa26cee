//! athar (أثر, "trace"): Arabic news articles about armed conflict → a knowledge graph with
//! provenance down to the characters of each statement.
//!
//! Pipeline: [`text::Document`] → [`text::Text`] (normalized, offset map, sentences, tokens) →
//! [`recognize::Mention`]s → [`extract::ArticleFacts`] → [`resolve::Resolution`] →
//! [`graph::KnowledgeGraph`] (Oxigraph) → [`export`].

pub mod attribution;
pub mod cmd;
pub mod dates;
pub mod error;
pub mod events;
pub mod export;
pub mod extract;
pub mod graph;
pub mod html;
pub mod ingest;
pub mod lexicon;
pub mod pipeline;
pub mod quantities;
pub mod recognize;
pub mod resolve;
pub mod synth;
pub mod text;
pub mod vocab;

/// The ontology, as shipped in `ontology/athar.ttl`.
pub const ONTOLOGY: &str = include_str!("../ontology/athar.ttl");
