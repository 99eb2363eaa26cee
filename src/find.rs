//! Finding entities by name, through the normalization extraction uses: «الرقه»، «رقة»،
//! «بالرقة» and «Raqqa» all find the entity labelled «الرقة». Used by `athar find` and the
//! search box of `athar serve`.

use std::collections::BTreeMap;

use crate::error::Result;
use crate::graph::{Answer, KnowledgeGraph};
use crate::lexicon::Lexicon;
use crate::text::normalize::fold_str;

/// An entity a name found.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The entity's IRI.
    pub iri: String,
    /// Its canonical Arabic label.
    pub label: String,
    /// Its English name, where known.
    pub label_en: String,
    /// Its class (local name).
    pub class: String,
    /// The name that matched (a label or a surface form seen in an article).
    pub matched: String,
    /// Whether the whole name matched (else the query is a run of its words).
    pub whole: bool,
    /// Articles that mention it.
    pub articles: usize,
}

/// A word without its definite article: «الرقه» → «رقه».
fn bare(word: &str) -> &str {
    crate::text::affixes().bare(word, 2).unwrap_or(word)
}

/// The readings of a query word: as typed, and without the proclitics the lexicon lists
/// («بالرقة» → «الرقه»), each without its article.
fn readings(lex: &Lexicon, word: &str) -> Vec<String> {
    let mut out: Vec<String> = lex
        .variants(word)
        .iter()
        .map(|v| bare(&v.word).to_string())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Where the query's words occur as a run of the name's words: `Some(true)` for the whole
/// name, `Some(false)` for a part of it, `None` when they do not occur.
fn matches(query: &[Vec<String>], name: &str) -> Option<bool> {
    let words: Vec<&str> = name.split_whitespace().map(bare).collect();
    if query.is_empty() || words.len() < query.len() {
        return None;
    }
    let at = |i: usize| {
        query
            .iter()
            .enumerate()
            .all(|(k, q)| q.iter().any(|r| r == words[i + k]))
    };
    (0..=words.len() - query.len())
        .find(|&i| at(i))
        .map(|_| words.len() == query.len())
}

/// Entities whose labels or surface forms match `name`: whole-name matches first, then by the
/// number of articles that mention them, then by label. At most `limit`.
pub fn find(g: &KnowledgeGraph, lex: &Lexicon, name: &str, limit: usize) -> Result<Vec<Found>> {
    let query: Vec<Vec<String>> = fold_str(name)
        .split_whitespace()
        .map(|w| readings(lex, w))
        .collect();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let Answer::Rows(_, rows) = g.query(
        &(crate::vocab::sparql_prefixes()
            + "SELECT ?e ?name ?label ?class (COUNT(DISTINCT ?a) AS ?articles) ?lang WHERE {
           ?e a ?c ; rdfs:label ?label . ?c rdfs:subClassOf* ath:Entity .
           FILTER(LANG(?label) = 'ar') BIND(STRAFTER(STR(?c), '#') AS ?class)
           { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } BIND(LANG(?name) AS ?lang)
           OPTIONAL { ?e ath:mentionedIn ?a }
         } GROUP BY ?e ?name ?label ?class ?lang"),
        true,
    )?
    else {
        return Ok(Vec::new());
    };
    let mut best: BTreeMap<String, Found> = BTreeMap::new();
    let mut english: BTreeMap<String, String> = BTreeMap::new();
    for r in rows {
        let cell = |i: usize| r[i].clone().unwrap_or_default();
        let (iri, name) = (cell(0), cell(1));
        if cell(5) == "en" {
            english.insert(iri.clone(), name.clone());
        }
        let Some(whole) = matches(&query, &fold_str(&name)) else {
            continue;
        };
        let found = Found {
            iri: iri.clone(),
            label: cell(2),
            label_en: String::new(),
            class: cell(3),
            matched: name,
            whole,
            articles: cell(4).parse().unwrap_or(0),
        };
        match best.get(&iri) {
            Some(b)
                if (b.whole, std::cmp::Reverse(&b.matched))
                    >= (whole, std::cmp::Reverse(&found.matched)) => {}
            _ => {
                best.insert(iri, found);
            }
        }
    }
    let mut out: Vec<Found> = best
        .into_values()
        .map(|mut f| {
            f.label_en = english.get(&f.iri).cloned().unwrap_or_default();
            f
        })
        .collect();
    out.sort_by(|a, b| {
        (b.whole, b.articles, &a.label, &a.iri).cmp(&(a.whole, a.articles, &b.label, &b.iri))
    });
    out.truncate(limit);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(lex: &Lexicon, s: &str) -> Vec<Vec<String>> {
        fold_str(s)
            .split_whitespace()
            .map(|w| readings(lex, w))
            .collect()
    }

    #[test]
    fn spellings_and_clitics_find_the_name() {
        let lex = Lexicon::builtin().unwrap();
        let label = fold_str("الرقة");
        for typed in ["الرقة", "الرقه", "رقة", "بالرقة", "والرقة"] {
            assert_eq!(matches(&q(&lex, typed), &label), Some(true), "{typed}");
        }
        assert_eq!(matches(&q(&lex, "raqqa"), &fold_str("Raqqa")), Some(true));
        assert_eq!(
            matches(&q(&lex, "الرقة"), &fold_str("محافظة الرقة")),
            Some(false)
        );
        assert_eq!(matches(&q(&lex, "الحسكة"), &label), None);
        assert_eq!(matches(&q(&lex, ""), &label), None);
    }
}
