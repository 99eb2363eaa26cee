//! The invariants the fuzz targets and their regression tests check on one article: extraction
//! does not panic, and every span it reports cuts the original text where it says.

use chrono::NaiveDate;

use crate::lexicon::Lexicon;
use crate::text::Document;

/// Extracts `text` and checks every span; panics (as a fuzz target wants) when one is wrong.
pub fn check_article(lex: &Lexicon, text: String) {
    let doc = Document::new("fuzz.txt", text);
    let n = doc.chars.len();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date");
    let a = crate::extract::extract(lex, doc, as_of);
    let ok = |s: usize, e: usize| s <= e && e <= n;
    for m in a.rec.all_mentions() {
        assert!(
            ok(m.start, m.end) && m.start < m.end,
            "mention span {}..{}",
            m.start,
            m.end
        );
        let anchor = a.doc.slice(m.start, m.end);
        assert_eq!(anchor.chars().count(), m.end - m.start);
        assert!(!anchor.trim().is_empty(), "blank mention at {}", m.start);
    }
    for q in &a.quantities {
        assert!(
            ok(q.start, q.end) && q.start < q.end,
            "figure span {}..{}",
            q.start,
            q.end
        );
        assert!(q.sentence < a.sentences.len());
    }
    for e in &a.events {
        assert!(
            ok(e.start, e.end) && e.start < e.end,
            "event span {}..{}",
            e.start,
            e.end
        );
        assert!(e.sentence < a.sentences.len());
    }
    for (s, e, t) in &a.sentences {
        assert!(ok(*s, *e));
        assert_eq!(&a.doc.slice(*s, *e), t);
    }
    if let Some((s, e)) = a.published.as_ref().and_then(|p| p.span) {
        assert!(ok(s, e) && s < e);
    }
    for &(x, y) in a.rec.same.iter().chain(&a.rec.located_in) {
        assert!(x < a.rec.mentions.len() && y < a.rec.mentions.len());
    }
    // each word is read once: the mentions the extractors read never overlap; a name inside
    // another lies inside one of them
    for w in a.rec.mentions.windows(2) {
        assert!(
            w[0].tokens.1 <= w[1].tokens.0,
            "mentions overlap: {:?} {:?}",
            w[0].tokens,
            w[1].tokens
        );
    }
    for m in &a.rec.inner {
        assert!(
            a.rec
                .mentions
                .iter()
                .any(|o| o.tokens.0 <= m.tokens.0 && m.tokens.1 <= o.tokens.1),
            "inner mention {:?} outside every mention",
            m.tokens
        );
    }
}
