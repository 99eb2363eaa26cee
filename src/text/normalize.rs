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

/// Folds one character (already NFKC) to its matching form; `None` drops it.
pub fn fold(c: char) -> Option<char> {
    if is_mark(c) || is_control(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '،' | '٬' => ',',
        '؛' => ';',
        '؟' => '?',
        '٫' => '.',
        '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '‹' | '›' => '"',
        '–' | '—' | '‐' | '‑' | '−' => '-',
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{3000}' | '\t' => ' ',
        '\r' => '\n',
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        '\u{0621}'..='\u{064A}' => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    })
}

/// Normalizes the original text (as code points).
pub fn normalize(orig: &[char]) -> Normalized {
    let mut out = Normalized {
        chars: Vec::with_capacity(orig.len()),
        map: Vec::with_capacity(orig.len()),
    };
    let mut buf = [0u8; 4];
    for (i, &c) in orig.iter().enumerate() {
        // ASCII and the Arabic letters and marks are their own NFKC form
        if c.is_ascii() || ('\u{0621}'..='\u{065F}').contains(&c) {
            if let Some(f) = fold(c) {
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
