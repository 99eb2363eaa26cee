//! Normalization for matching, with a map from every normalized character back to the
//! original code point it came from.

use unicode_normalization::UnicodeNormalization;

/// Normalized text: one `char` per position, and `map[i]` = index of the original code point
/// that produced `chars[i]`.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized characters.
    pub chars: Vec<char>,
    /// Original code-point index of each normalized character.
    pub map: Vec<usize>,
}

/// Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and
/// tatweel: dropped for matching, kept in spans.
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{0640}')
}

/// Invisible format characters: bidi controls, zero-width joiners, BOM, Arabic letter mark.
pub fn is_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        | '\u{061C}' | '\u{00AD}')
}

/// Folds one character for matching: `None` drops it (a diacritic, tatweel, a format
/// character); the table of `ontology/text/folds.tsv` maps letter variants, digits and
/// punctuation; other letters are lower-cased.
pub fn fold(c: char) -> Option<char> {
    let table = folds();
    match table.fast.get(c as usize) {
        Some(&v) => char::from_u32(v),
        None => fold_slow(&table.map, c),
    }
}

fn fold_slow(map: &rustc_hash::FxHashMap<char, char>, c: char) -> Option<char> {
    if is_mark(c) || is_control(c) {
        return None;
    }
    Some(match map.get(&c) {
        Some(&f) => f,
        None if c.is_ascii() => c.to_ascii_lowercase(),
        None if ('\u{0621}'..='\u{064A}').contains(&c) => c,
        None => c.to_lowercase().next().unwrap_or(c),
    })
}

/// The fold table, as shipped in `ontology/text/folds.tsv`.
pub const FOLDS_TSV: &str = include_str!("../../ontology/text/folds.tsv");

/// The fold table: the file's rows, and every answer below U+0700 (ASCII, Latin, Arabic)
/// computed once.
struct Folds {
    map: rustc_hash::FxHashMap<char, char>,
    /// `fold` of each code point below U+0700; `u32::MAX` where it is dropped.
    fast: Vec<u32>,
}

fn folds() -> &'static Folds {
    static FOLDS: std::sync::OnceLock<Folds> = std::sync::OnceLock::new();
    FOLDS.get_or_init(|| {
        // the shipped table is checked by a test; a broken one is a build defect
        let map = parse_folds(FOLDS_TSV).unwrap_or_else(|e| panic!("ontology/text/folds.tsv: {e}"));
        let fast = (0u32..0x700)
            .map(|u| {
                char::from_u32(u)
                    .and_then(|c| fold_slow(&map, c))
                    .map_or(u32::MAX, u32::from)
            })
            .collect();
        Folds { map, fast }
    })
}

/// Parses a fold table (`from<TAB>to<TAB>why`): a character or `U+XXXX`, or a range `a..b` onto
/// a range of the same length or onto one character. An error names the line and what is wrong
/// with it.
pub fn parse_folds(text: &str) -> Result<rustc_hash::FxHashMap<char, char>, String> {
    fn one(s: &str) -> Option<char> {
        match s.strip_prefix("U+") {
            Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
            None => {
                let mut it = s.chars();
                let c = it.next()?;
                it.next().is_none().then_some(c)
            }
        }
    }
    fn range(s: &str) -> Option<(char, char)> {
        match s.split_once("..") {
            Some((a, b)) => Some((one(a)?, one(b)?)).filter(|(a, b)| a <= b),
            None => one(s).map(|c| (c, c)),
        }
    }
    let mut map = rustc_hash::FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(from), Some(to)) = (cols.next(), cols.next()) else {
            return Err(format!("line {}: two columns (from, to) expected", n + 1));
        };
        let bad = |what: &str, s: &str| {
            format!(
                "line {}: {what} {s:?} is not a character, U+XXXX or a range a..b",
                n + 1
            )
        };
        let (a, b) = range(from).ok_or_else(|| bad("from", from))?;
        let (x, y) = range(to).ok_or_else(|| bad("to", to))?;
        let onto_one = x == y;
        if !onto_one && b as u32 - a as u32 != y as u32 - x as u32 {
            return Err(format!(
                "line {}: {from} and {to} are ranges of different lengths",
                n + 1
            ));
        }
        for k in 0..=(b as u32 - a as u32) {
            let t = if onto_one { x as u32 } else { x as u32 + k };
            let (Some(f), Some(t)) = (char::from_u32(a as u32 + k), char::from_u32(t)) else {
                return Err(format!(
                    "line {}: the range {from} holds a surrogate",
                    n + 1
                ));
            };
            if is_mark(f) || is_control(f) {
                return Err(format!(
                    "line {}: {f:?} is dropped before the table is read",
                    n + 1
                ));
            }
            if map.insert(f, t).is_some() {
                return Err(format!("line {}: {f:?} is folded twice", n + 1));
            }
        }
    }
    Ok(map)
}

/// Normalizes the original text (as code points).
pub fn normalize(orig: &[char]) -> Normalized {
    let mut out = Normalized {
        chars: Vec::with_capacity(orig.len()),
        map: Vec::with_capacity(orig.len()),
    };
    let mut buf = [0u8; 4];
    let table = folds();
    for (i, &c) in orig.iter().enumerate() {
        // ASCII and the Arabic letters and marks are their own NFKC form
        if c.is_ascii() || ('\u{0621}'..='\u{065F}').contains(&c) {
            if let Some(f) = char::from_u32(table.fast[c as usize]) {
                out.chars.push(f);
                out.map.push(i);
            }
            continue;
        }
        for d in c.encode_utf8(&mut buf).nfkc() {
            if let Some(f) = fold(d) {
                out.chars.push(f);
                out.map.push(i);
            }
        }
    }
    out
}

/// Normalizes a standalone string (a lexicon entry) the same way, collapsing white space.
pub fn fold_str(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = normalize(&chars);
    let s: String = n.chars.into_iter().collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Normalized {
    /// The original code-point span of normalized positions `[s, e)`; the end is extended over
    /// diacritics and tatweel that follow the last character, which belong to it.
    pub fn to_orig(&self, orig: &[char], s: usize, e: usize) -> (usize, usize) {
        debug_assert!(s < e && e <= self.chars.len());
        let os = self.map[s];
        let mut oe = self.map[e - 1] + 1;
        while oe < orig.len() && is_mark(orig[oe]) && orig[oe] != '\u{0640}' {
            oe += 1;
        }
        (os, oe)
    }

    /// The normalized text as a `String`.
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }
}
