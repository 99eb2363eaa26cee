//! The text layer: [`Document`] (the decoded article), [`normalize::Normalized`] (matching form
//! with an offset map) and [`Text`] (sentences and tokens with clitic variants).
//!
//! Invariant: every span athar reports is a range of code points of `Document::chars`.

pub mod affixes;
pub mod normalize;
pub mod phrases;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use affixes::{affixes, Affixes};
pub use normalize::{fold_str, is_mark, Normalized};
pub use phrases::{follows, Phrase, PhraseMatch, Phrases};

/// One input article, decoded. Its serialized form leaves out `chars` (rebuilt from `text`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "DocumentWire")]
pub struct Document {
    /// The input file's name (no folders).
    pub source_file: String,
    /// The decoded text: offsets index its code points.
    pub text: String,
    /// `text` as code points.
    #[serde(skip)]
    pub chars: Vec<char>,
    /// Hex SHA-256 of `text` in UTF-8.
    pub sha256: String,
    /// What the input said about the article besides its text.
    pub meta: Meta,
}

/// An article's metadata as its input gave it (JSON Lines fields, HTML `<meta>` tags).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The input form: `text`, `html` or `jsonl`.
    pub format: &'static str,
    /// The id the input gave.
    pub id: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// The headline, where the input gives it apart from the text.
    pub title: Option<String>,
    /// The publication date as the input gives it (`YYYY-MM-DD`, or a longer ISO 8601 stamp).
    pub published: Option<String>,
    /// The outlet's name.
    pub outlet: Option<String>,
}

/// The input forms athar reads (`Meta::format`).
pub const INPUT_FORMATS: [&str; 3] = ["text", "html", "jsonl"];

/// [`Meta`] as serialized: the input form as a string.
#[derive(Deserialize)]
struct MetaWire {
    format: String,
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
}

impl<'de> Deserialize<'de> for Meta {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = MetaWire::deserialize(d)?;
        let format = INPUT_FORMATS
            .iter()
            .find(|f| **f == w.format)
            .copied()
            .ok_or_else(|| {
                serde::de::Error::custom(format!("unknown input format «{}»", w.format))
            })?;
        Ok(Meta {
            format,
            id: w.id,
            url: w.url,
            title: w.title,
            published: w.published,
            outlet: w.outlet,
        })
    }
}

/// A [`Document`] as serialized: without its code points.
#[derive(Deserialize)]
struct DocumentWire {
    source_file: String,
    text: String,
    sha256: String,
    meta: Meta,
}

impl From<DocumentWire> for Document {
    fn from(w: DocumentWire) -> Self {
        Document {
            chars: w.text.chars().collect(),
            source_file: w.source_file,
            text: w.text,
            sha256: w.sha256,
            meta: w.meta,
        }
    }
}

impl Document {
    /// Wraps decoded text. Line ends are already `\n` (see `ingest::decode`).
    pub fn new(source_file: impl Into<String>, text: String) -> Self {
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        let chars = text.chars().collect();
        Document {
            source_file: source_file.into(),
            text,
            chars,
            sha256,
            meta: Meta {
                format: "text",
                ..Meta::default()
            },
        }
    }

    /// The same document with metadata.
    pub fn with_meta(mut self, meta: Meta) -> Self {
        self.meta = meta;
        self
    }

    /// The original characters `[s, e)`.
    pub fn slice(&self, s: usize, e: usize) -> String {
        self.chars[s..e].iter().collect()
    }
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A proclitic of the lexicon (`proclitics.tsv`), normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proclitic {
    /// The letters as written on the word («لل»).
    pub form: String,
    /// What they stand for in front of the stem, restored in a name («ال» after «لل»).
    pub restore: String,
    /// A conjunction (و، ف): stripped before any preposition.
    pub conjunction: bool,
}

/// One reading of a word through its proclitics. The word as written comes first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Characters of proclitics stripped from the front.
    pub skip: usize,
    /// The stem as looked up, with `restored` in front of it.
    pub word: String,
    /// The letters restored in front of the stem («ال» after «لل»), or nothing.
    pub restored: String,
    /// The lexicon's phrase sets that have a phrase starting with `word`, one bit each
    /// (`Phrases::index_first_words`); all bits where the text was analysed without an index.
    pub starts: u32,
}

impl Reading {
    /// (characters stripped, the stem, the restored letters): the parts a matcher compares.
    pub fn parts(&self) -> (usize, &str, &str) {
        (self.skip, &self.word, &self.restored)
    }
}

/// The readings of a normalized word: as written, without a conjunction, without a
/// preposition (after a conjunction or not). At least two letters must remain of a stem after a
/// proclitic; a stem of two counts only where a lexicon word begins with it
/// ([`keeps_short_stem`]: «بحي» is ب + «حي», «بين» is not ب + «ين»).
pub fn readings(word: &str, proclitics: &[Proclitic]) -> Vec<Reading> {
    let mut out = Vec::with_capacity(4);
    out.push(Reading {
        skip: 0,
        word: word.to_string(),
        restored: String::new(),
        starts: u32::MAX,
    });
    let len = word.chars().count();
    // the word, and the word without each conjunction it may start with
    let stems = std::iter::once((0, word, len)).chain(
        proclitics.iter().filter(|p| p.conjunction).filter_map(|p| {
            let fl = p.form.chars().count();
            (len > fl + 1)
                .then(|| word.strip_prefix(p.form.as_str()))
                .flatten()
                .map(|rest| (fl, rest, len - fl))
        }),
    );
    for (k, stem, slen) in stems {
        if k > 0 {
            out.push(Reading {
                skip: k,
                word: stem.to_string(),
                restored: String::new(),
                starts: u32::MAX,
            });
        }
        for p in proclitics.iter().filter(|p| !p.conjunction) {
            let fl = p.form.chars().count();
            if slen < fl + 2 {
                continue;
            }
            if let Some(rest) = stem.strip_prefix(p.form.as_str()) {
                out.push(Reading {
                    skip: k + fl,
                    word: format!("{}{rest}", p.restore),
                    restored: p.restore.clone(),
                    starts: u32::MAX,
                });
            }
        }
    }
    out
}

/// The bit of a lexicon's first-word index (`Lexicon::first_words`) that marks the words a
/// two-letter stem after a proclitic may be (the lexicon decides which: measure words, event
/// words and head nouns).
pub const SHORT_STEM_BIT: u32 = 1 << 31;

/// A reading whose stem after a proclitic has two letters counts only where the index marks
/// that stem with [`SHORT_STEM_BIT`] («بحي» = ب + «حي»، «بشن» = ب + «شن»، «وفر»; not «بني» = ب +
/// «ني», nor «بين»).
pub fn keeps_short_stem(
    r: &Reading,
    first_words: Option<&rustc_hash::FxHashMap<String, u32>>,
) -> bool {
    r.skip == 0
        || r.word.chars().count() - r.restored.chars().count() >= 3
        || first_words.is_some_and(|index| {
            index
                .get(r.word.as_str())
                .is_some_and(|bits| bits & SHORT_STEM_BIT != 0)
        })
}

/// A word of the normalized text.
#[derive(Debug, Clone)]
pub struct Token {
    /// Normalized start (inclusive).
    pub start: usize,
    /// Normalized end (exclusive).
    pub end: usize,
    /// The normalized word.
    pub text: String,
    /// A hard separator (punctuation other than quotes and dashes, a line end) stands between
    /// this token and the previous one.
    pub hard_before: bool,
    /// Index of the sentence holding it.
    pub sentence: usize,
    /// Its readings through proclitics: `Text::readings`' range.
    readings: (u32, u32),
}

/// A sentence: normalized char range and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Normalized start.
    pub start: usize,
    /// Normalized end (exclusive).
    pub end: usize,
    /// First token index.
    pub first_token: usize,
    /// One past the last token index.
    pub end_token: usize,
}

/// A document analysed for matching.
#[derive(Debug, Clone)]
pub struct Text {
    /// Normalized characters and the offset map.
    pub norm: Normalized,
    /// Words.
    pub tokens: Vec<Token>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Every token's readings, computed once per distinct word (`Text::readings`).
    readings: Vec<Reading>,
}

/// A letter or digit (`char::is_alphanumeric`, answered without its table for ASCII and the
/// Arabic letters, which are nearly every character athar reads).
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ => c.is_alphanumeric(),
    }
}

fn is_soft_separator(c: char) -> bool {
    c.is_whitespace() && c != '\n' || matches!(c, '"' | '\'' | '-' | '/' | '`' | '*' | '_')
}

/// «وكالة الأنباء -بيروت- …»: a dash after a space and against the next word opens an aside (a
/// dateline's city, an acronym), which no name runs into.
fn opening_dash(chars: &[char], i: usize) -> bool {
    matches!(chars[i], '-' | '–' | '—')
        && i > 0
        && chars[i - 1].is_whitespace()
        && chars.get(i + 1).is_some_and(|&c| is_word_char(c))
}

fn is_sentence_end(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '?' | '!' | ';' | '\n' | '…' => true,
        '.' => {
            let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
            let digit_after = i + 1 < chars.len() && chars[i + 1].is_ascii_digit();
            !(digit_before && digit_after)
        }
        _ => false,
    }
}

/// Splits normalized text into sentences and tokens, and reads each distinct word through the
/// proclitics once.
pub fn analyze(doc: &Document, proclitics: &[Proclitic]) -> Text {
    analyze_indexed(doc, proclitics, None)
}

/// [`analyze`], with each reading marked with the phrase sets of a lexicon's first-word index
/// that it starts (`Reading::starts`).
pub fn analyze_indexed(
    doc: &Document,
    proclitics: &[Proclitic],
    first_words: Option<&rustc_hash::FxHashMap<String, u32>>,
) -> Text {
    analyze_core(doc, proclitics, first_words, true)
}

/// [`analyze_indexed`]'s readings (two-letter stems kept or dropped by the index), with every
/// phrase set marked as possible: a full lookup, to check that the index skips only lookups
/// that find nothing.
pub fn analyze_unmarked(
    doc: &Document,
    proclitics: &[Proclitic],
    first_words: &rustc_hash::FxHashMap<String, u32>,
) -> Text {
    analyze_core(doc, proclitics, Some(first_words), false)
}

fn analyze_core(
    doc: &Document,
    proclitics: &[Proclitic],
    first_words: Option<&rustc_hash::FxHashMap<String, u32>>,
    mark: bool,
) -> Text {
    let norm = normalize::normalize(&doc.chars);
    let chars = &norm.chars;
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut sent_start: Option<usize> = None;
    let mut sent_first_token = 0;
    let mut hard = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_word_char(c) {
            let s = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            if sent_start.is_none() {
                sent_start = Some(s);
                sent_first_token = tokens.len();
            }
            let mut text = String::with_capacity(2 * (i - s));
            text.extend(&chars[s..i]);
            tokens.push(Token {
                start: s,
                end: i,
                text,
                hard_before: hard,
                sentence: sentences.len(),
                readings: (0, 0),
            });
            hard = false;
            continue;
        }
        if is_sentence_end(chars, i) {
            if let Some(s) = sent_start.take() {
                sentences.push(Sentence {
                    start: s,
                    end: i + 1,
                    first_token: sent_first_token,
                    end_token: tokens.len(),
                });
            }
            hard = true;
        } else if !is_soft_separator(c) || opening_dash(chars, i) {
            hard = true;
            if sent_start.is_none() && !c.is_whitespace() {
                sent_start = Some(i);
                sent_first_token = tokens.len();
            }
        }
        i += 1;
    }
    if let Some(s) = sent_start {
        sentences.push(Sentence {
            start: s,
            end: chars.len(),
            first_token: sent_first_token,
            end_token: tokens.len(),
        });
    }
    let mut all: Vec<Reading> = Vec::with_capacity(tokens.len());
    let mut seen: rustc_hash::FxHashMap<&str, (u32, u32)> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(tokens.len(), Default::default());
    let mut ranges = Vec::with_capacity(tokens.len());
    for t in &tokens {
        let r = *seen.entry(t.text.as_str()).or_insert_with(|| {
            let a = all.len() as u32;
            all.extend(
                readings(&t.text, proclitics)
                    .into_iter()
                    .filter(|r| keeps_short_stem(r, first_words))
                    .map(|mut r| {
                        if let Some(index) = first_words.filter(|_| mark) {
                            r.starts = index.get(r.word.as_str()).copied().unwrap_or(0);
                        }
                        r
                    }),
            );
            (a, all.len() as u32)
        });
        ranges.push(r);
    }
    for (t, r) in tokens.iter_mut().zip(ranges) {
        t.readings = r;
    }
    Text {
        norm,
        tokens,
        sentences,
        readings: all,
    }
}

impl Text {
    /// Token i's readings through proclitics, the word as written first.
    pub fn readings(&self, i: usize) -> &[Reading] {
        let (a, b) = self.tokens[i].readings;
        &self.readings[a as usize..b as usize]
    }

    /// The normalized word of token i.
    pub fn word(&self, i: usize) -> &str {
        &self.tokens[i].text
    }

    /// The original span of tokens `[a, b)` with `skip` leading characters of token `a` left out
    /// (a stripped proclitic).
    pub fn orig_span(&self, doc: &Document, a: usize, skip: usize, b: usize) -> (usize, usize) {
        let s = self.tokens[a].start + skip;
        let e = self.tokens[b - 1].end;
        self.norm.to_orig(&doc.chars, s, e)
    }

    /// How many original characters of token `t` stand before original position `start`: a
    /// proclitic left outside a name that begins inside the token («بـ» of «بالحسكة»).
    pub fn chars_before(&self, t: usize, start: usize) -> usize {
        start.saturating_sub(self.norm.map[self.tokens[t].start])
    }

    /// Whether tokens `[a, b)` follow each other with no hard separator in between.
    pub fn joined(&self, a: usize, b: usize) -> bool {
        (a + 1..b).all(|i| !self.tokens[i].hard_before)
    }

    /// The original text of a sentence, trimmed.
    pub fn sentence_text(&self, doc: &Document, s: usize) -> (usize, usize, String) {
        let sent = &self.sentences[s];
        let (os, oe) = self.norm.to_orig(&doc.chars, sent.start, sent.end);
        let text = doc.slice(os, oe);
        let lead = text.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed = text.trim().to_string();
        (os + lead, os + lead + trimmed.chars().count(), trimmed)
    }
}
