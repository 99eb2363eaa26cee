//! [`Phrases`]: the multi-word phrases of a lexicon file, compiled once into an index by their
//! first word, and matched against an analysed [`Text`] through each token's proclitic
//! readings. Every extractor that looks for a phrase asks one of these; none compares tokens
//! word by word on its own.

use rustc_hash::FxHashMap;

use super::{Reading, Text};

/// One phrase: its normalized words and what it means.
#[derive(Debug, Clone)]
pub struct Phrase<T> {
    /// The normalized words, the first as a token's reading gives it.
    pub words: Vec<String>,
    /// What the phrase stands for.
    pub value: T,
    /// Its place in the file: matches at one token come in this order.
    pub order: usize,
}

/// A phrase found at a token.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'a, T> {
    /// The token it starts at.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The reading of the first token it was found through (proclitics stripped, restored
    /// letters).
    pub reading: &'a Reading,
    /// The phrase.
    pub phrase: &'a Phrase<T>,
}

impl<T> PhraseMatch<'_, T> {
    /// Characters of proclitics stripped from the first token.
    pub fn skip(&self) -> usize {
        self.reading.skip
    }

    /// What the phrase stands for.
    pub fn value(&self) -> &T {
        &self.phrase.value
    }
}

/// Phrases indexed by their first word.
#[derive(Debug, Clone)]
pub struct Phrases<T> {
    by_first: FxHashMap<String, Vec<Phrase<T>>>,
    len: usize,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            by_first: FxHashMap::default(),
            len: 0,
        }
    }
}

impl<T> Phrases<T> {
    /// Adds a phrase (normalized words, at least one) after those already there.
    pub fn push(&mut self, words: Vec<String>, value: T) {
        debug_assert!(!words.is_empty());
        let order = self.len;
        self.len += 1;
        self.by_first
            .entry(words[0].clone())
            .or_default()
            .push(Phrase {
                words,
                value,
                order,
            });
    }

    /// The phrases whose first word is `first`, in file order.
    pub fn starting_with(&self, first: &str) -> &[Phrase<T>] {
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }

    /// Every phrase, in file order.
    pub fn in_order(&self) -> Vec<&Phrase<T>> {
        let mut v: Vec<&Phrase<T>> = self.iter().collect();
        v.sort_by_key(|p| p.order);
        v
    }

    /// Every phrase, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Phrase<T>> {
        self.by_first.values().flatten()
    }

    /// The phrases found at token `i`: its first word read through at most `max_skip`
    /// characters of proclitics, the other words the following tokens exactly, none across a
    /// hard separator. Reading by reading (the token as written first), each in file order.
    pub fn at<'a>(&'a self, text: &'a Text, i: usize, max_skip: usize) -> Vec<PhraseMatch<'a, T>> {
        let mut out = Vec::new();
        if i >= text.tokens.len() {
            return out;
        }
        for r in text.readings(i).iter().filter(|r| r.skip <= max_skip) {
            for p in self.starting_with(&r.word) {
                if let Some(end) = follows(text, i, &p.words) {
                    out.push(PhraseMatch {
                        start: i,
                        end,
                        reading: r,
                        phrase: p,
                    });
                }
            }
        }
        out
    }

    /// The phrase that `words` spell exactly, if any.
    pub fn get(&self, words: &[&str]) -> Option<&Phrase<T>> {
        let first = words.first()?;
        self.starting_with(first).iter().find(|p| {
            p.words.len() == words.len() && p.words.iter().zip(words).all(|(a, b)| a == b)
        })
    }
}

/// Where a phrase whose first word matched token `i` ends: its other words must be the next
/// tokens as written, joined to it.
pub fn follows(text: &Text, i: usize, words: &[String]) -> Option<usize> {
    let end = i + words.len();
    if end > text.tokens.len() {
        return None;
    }
    let same = words[1..]
        .iter()
        .zip(&text.tokens[i + 1..end])
        .all(|(w, t)| *w == t.text && !t.hard_before);
    same.then_some(end)
}
