//! A synthetic corpus for the benchmark and the crash tests: articles assembled from the
//! sentences of real articles, with place names and figures varied. Deterministic: the same
//! seed articles, count and seed give the same bytes.

use std::io::Write;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lexicon::{Lexicon, MonthSystem};
use crate::text::{analyze, Document};
use crate::vocab::Class;

/// SplitMix64: a small, fixed, well-mixed generator, so the corpus never depends on a crate's
/// choice of algorithm.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// An index below `n` (which must not be 0).
    pub fn index(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// One generated article.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SynthArticle {
    /// Its id (also the file name stem).
    pub id: String,
    /// The headline.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// The article text (headline first).
    pub text: String,
}

/// The material articles are made from.
pub struct Generator {
    sentences: Vec<String>,
    titles: Vec<String>,
    places: Vec<String>,
    matcher: AhoCorasick,
    /// The Gregorian name of each month, January first (the first `months.tsv` gives).
    months: Vec<String>,
}

impl Generator {
    /// Collects the sentences of `seeds` and the city names of the gazetteer (Syria and Iraq
    /// first, as the seed articles are about them).
    pub fn new(lex: &Lexicon, seeds: &[Document]) -> Self {
        let mut sentences = Vec::new();
        let mut titles = Vec::new();
        for doc in seeds {
            if let Some(t) = doc.text.lines().map(str::trim).find(|l| !l.is_empty()) {
                titles.push(t.to_string());
            }
            let text = analyze(doc, &[]);
            for s in 0..text.sentences.len() {
                let (_, _, t) = text.sentence_text(doc, s);
                let t = t.replace('\n', " ");
                if t.chars().count() >= 30 && !titles.contains(&t) {
                    sentences.push(t);
                }
            }
        }
        sentences.sort();
        sentences.dedup();
        let mut places: Vec<String> = lex
            .gazetteer
            .iter()
            .filter(|g| matches!(g.class, Class::City) && g.name_ar.chars().count() >= 3)
            .map(|g| g.name_ar.clone())
            .collect();
        places.sort();
        places.dedup();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&places)
            .expect("place names build an automaton");
        Generator {
            sentences,
            titles,
            places,
            matcher,
            months: (1..=12)
                .map(|m| {
                    lex.month_names
                        .iter()
                        .find(|n| n.month == m && n.system == MonthSystem::Gregorian)
                        .map_or_else(|| m.to_string(), |n| n.name.clone())
                })
                .collect(),
        }
    }

    /// Number of distinct source sentences.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// Replaces whole-word place names with other places and figures with other figures.
    fn vary(&self, rng: &mut Rng, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        for m in self.matcher.find_iter(s) {
            let after = s[m.end()..].chars().next();
            if after.is_some_and(char::is_alphabetic) {
                continue;
            }
            out.push_str(&s[last..m.start()]);
            out.push_str(&self.places[rng.index(self.places.len())]);
            last = m.end();
        }
        out.push_str(&s[last..]);
        // figures: a run of digits becomes another of the same length (years stay years)
        let mut varied = String::with_capacity(out.len());
        let chars: Vec<char> = out.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if let Some(d) = chars[i].to_digit(10).filter(|_| chars[i].is_ascii_digit()) {
                let mut j = i;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
                let len = j - i;
                let n = match len {
                    4 if d <= 2 => rng.range(2011, 2026),
                    1 => rng.range(2, 9),
                    _ => rng.range(10u64.pow(len as u32 - 1), 10u64.pow(len as u32) - 1),
                };
                varied.push_str(&n.to_string());
                i = j;
            } else {
                varied.push(chars[i]);
                i += 1;
            }
        }
        varied
    }

    /// Article number `i` of the corpus seeded with `seed`.
    pub fn article(&self, seed: u64, i: usize) -> SynthArticle {
        let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let title = &self.titles[rng.index(self.titles.len())];
        let title = self.vary(&mut rng, title);
        let (y, m, d) = (rng.range(2014, 2026), rng.range(1, 12), rng.range(1, 28));
        let place = &self.places[rng.index(self.places.len())];
        let mut text = format!(
            "{title}\n\n{place} - {d} {} {y}\n\n",
            self.months[m as usize - 1]
        );
        let n = rng.range(4, 12) as usize;
        for k in 0..n {
            let s = &self.sentences[rng.index(self.sentences.len())];
            let s = self.vary(&mut rng, s);
            text.push_str(&s);
            text.push(if k % 3 == 2 { '\n' } else { ' ' });
            if k % 3 == 2 {
                text.push('\n');
            }
        }
        let text = text.trim_end().to_string() + "\n";
        SynthArticle {
            id: format!("synth-{seed}-{i:07}"),
            title,
            published: format!("{y:04}-{m:02}-{d:02}"),
            text,
        }
    }

    /// Writes `n` articles as JSON Lines.
    pub fn write_jsonl<W: Write>(&self, seed: u64, n: usize, mut w: W) -> std::io::Result<u64> {
        let mut bytes = 0u64;
        for i in 0..n {
            let a = self.article(seed, i);
            bytes += a.text.len() as u64;
            serde_json::to_writer(&mut w, &a)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
        Ok(bytes)
    }
}
