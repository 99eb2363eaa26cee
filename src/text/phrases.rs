//! [`Phrases`]: the multi-word phrases of a lexicon file, compiled once into a token trie, and
//! matched against an analysed [`Text`] through each token's proclitic readings. Every extractor
//! that looks for a phrase asks one of these; none compares tokens word by word on its own.

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

/// Phrases compiled into a token trie: one tree per first word, a node per word that follows,
/// and at each node the phrases that end there. Matching at a token walks the following tokens
/// once, whatever the number of phrases that share a first word («ولاية» opens hundreds of
/// province names).
#[derive(Debug, Clone)]
pub struct Phrases<T> {
    by_first: FxHashMap<String, Tree<T>>,
    len: usize,
    /// This set's bit in the lexicon's first-word index (see `Reading::starts`); 0 before the
    /// lexicon indexes it.
    bit: u32,
}

/// The phrases that share a first word, and their trie (`nodes[0]` is the first word).
#[derive(Debug, Clone)]
struct Tree<T> {
    phrases: Vec<Phrase<T>>,
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    /// Phrases (indices into `Tree::phrases`) whose last word is this node's.
    ends: Vec<u32>,
    /// The next word → its node.
    next: FxHashMap<String, u32>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            by_first: FxHashMap::default(),
            len: 0,
            bit: 0,
        }
    }
}

impl<T> Phrases<T> {
    /// Adds a phrase (normalized words, at least one) after those already there.
    pub fn push(&mut self, words: Vec<String>, value: T) {
        debug_assert!(!words.is_empty());
        let order = self.len;
        self.len += 1;
        let tree = self
            .by_first
            .entry(words[0].clone())
            .or_insert_with(|| Tree {
                phrases: Vec::new(),
                nodes: vec![Node::default()],
            });
        let mut n = 0usize;
        for w in &words[1..] {
            n = match tree.nodes[n].next.get(w.as_str()) {
                Some(&c) => c as usize,
                None => {
                    let c = tree.nodes.len();
                    tree.nodes.push(Node::default());
                    tree.nodes[n].next.insert(w.clone(), c as u32);
                    c
                }
            };
        }
        tree.nodes[n].ends.push(tree.phrases.len() as u32);
        tree.phrases.push(Phrase {
            words,
            value,
            order,
        });
    }

    /// Enters this set's first words in a lexicon-wide index under `bit` (one bit per phrase
    /// set): a token whose readings start no phrase of the set is then passed over without a
    /// lookup.
    pub fn index_first_words(&mut self, bit: u32, index: &mut FxHashMap<String, u32>) {
        self.bit = bit;
        for w in self.by_first.keys() {
            *index.entry(w.clone()).or_default() |= bit;
        }
    }

    /// Whether a phrase of this set may start with this reading (false only where the index
    /// says none does).
    pub fn may_start(&self, r: &Reading) -> bool {
        r.starts & self.bit != 0 || self.bit == 0
    }

    /// The phrases whose first word is `first`, in file order.
    pub fn starting_with(&self, first: &str) -> &[Phrase<T>] {
        self.by_first
            .get(first)
            .map_or(&[], |t| t.phrases.as_slice())
    }

    /// The phrases whose first word is `first` (token `i` as some reading gives it) and whose
    /// other words are the tokens after `i` as written, none across a hard separator; in file
    /// order. Each ends at `i + phrase.words.len()`.
    pub fn found<'a>(&'a self, first: &str, text: &Text, i: usize) -> Vec<&'a Phrase<T>> {
        let Some(tree) = self.by_first.get(first) else {
            return Vec::new();
        };
        let mut hits: Vec<u32> = Vec::new();
        let mut n = 0usize;
        let mut j = i;
        loop {
            hits.extend(&tree.nodes[n].ends);
            j += 1;
            let Some(t) = text.tokens.get(j).filter(|t| !t.hard_before) else {
                break;
            };
            match tree.nodes[n].next.get(t.text.as_str()) {
                Some(&c) => n = c as usize,
                None => break,
            }
        }
        hits.sort_unstable();
        hits.into_iter()
            .map(|h| &tree.phrases[h as usize])
            .collect()
    }

    /// Every phrase, in file order.
    pub fn in_order(&self) -> Vec<&Phrase<T>> {
        let mut v: Vec<&Phrase<T>> = self.iter().collect();
        v.sort_by_key(|p| p.order);
        v
    }

    /// Every phrase, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Phrase<T>> {
        self.by_first.values().flat_map(|t| &t.phrases)
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
            if !self.may_start(r) {
                continue;
            }
            for p in self.found(&r.word, text, i) {
                out.push(PhraseMatch {
                    start: i,
                    end: i + p.words.len(),
                    reading: r,
                    phrase: p,
                });
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
