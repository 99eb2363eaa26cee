//! The text layer: offsets always point into the original text.

use athar::lexicon::Lexicon;
use athar::text::{analyze, fold_str, Document, Reading};
use proptest::prelude::*;

fn arabic_text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            4 => "[ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىةؤئ]{1,7}",
            1 => "[\u{064B}-\u{0652}\u{0670}\u{0640}]",
            1 => "(و|ف|ب|ل|ك|ال|لل|وال|بال)",
            1 => "[٠-٩0-9]{1,4}",
            1 => "[ ،.؟!؛«»“”\n\u{200F}\u{200E}-]",
            1 => "[A-Za-z]{1,5}",
        ],
        0..60,
    );
    pieces.prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn every_token_maps_back_to_the_same_characters(s in arabic_text()) {
        let doc = Document::new("t.txt", s.clone());
        let text = analyze(&doc, &[]);
        for (i, t) in text.tokens.iter().enumerate() {
            let (a, b) = text.orig_span(&doc, i, 0, i + 1);
            prop_assert!(a < b && b <= doc.chars.len());
            let orig = doc.slice(a, b);
            // the original characters normalize back to the token
            prop_assert_eq!(fold_str(&orig), t.text.clone(), "token {} of {:?}", i, s);
        }
    }

    #[test]
    fn spans_after_stripped_clitics_stay_inside_the_token(s in arabic_text()) {
        let lex = Lexicon::builtin().unwrap();
        let doc = Document::new("t.txt", s);
        let text = lex.analyze(&doc);
        let parts = |v: &[Reading]| -> Vec<(usize, String, String)> {
            v.iter().map(|r| (r.skip, r.word.clone(), r.restored.clone())).collect()
        };
        for (i, t) in text.tokens.iter().enumerate() {
            // the readings computed once per word are the word's readings
            prop_assert_eq!(parts(text.readings(i)), parts(&lex.variants(&t.text)));
            for Reading { skip: k, word: v, restored: restore, .. } in text.readings(i).iter().cloned() {
                if k == 0 || k >= t.text.chars().count() { continue; }
                let (a, b) = text.orig_span(&doc, i, k, i + 1);
                let stem = fold_str(&doc.slice(a, b));
                prop_assert_eq!(format!("{restore}{stem}"), v);
            }
        }
    }
}

#[test]
fn normalization_folds_spelling_and_keeps_offsets() {
    let doc = Document::new("t.txt", "قُتِلَ ٢٧ مُقاتلاً في «الرَّقَّة» وإدلب".to_string());
    let text = analyze(&doc, &[]);
    let words: Vec<&str> = text.tokens.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(words, ["قتل", "27", "مقاتلا", "في", "الرقه", "وادلب"]);
    let (a, b) = text.orig_span(&doc, 4, 0, 5);
    assert_eq!(doc.slice(a, b), "الرَّقَّة");
}

#[test]
fn clitics_are_stripped_and_the_article_restored() {
    let lex = Lexicon::builtin().unwrap();
    let r = |skip: usize, word: &str, restored: &str| Reading {
        skip,
        word: word.to_string(),
        restored: restored.to_string(),
        starts: u32::MAX,
    };
    let v = lex.variants("وبالحسكه");
    assert!(v.contains(&r(2, "الحسكه", "")), "{v:?}");
    let v = lex.variants("للحسكه");
    assert!(v.contains(&r(2, "الحسكه", "ال")), "{v:?}");
    let v = lex.variants("بحلب");
    assert!(v.contains(&r(1, "حلب", "")));
    // short words keep their first letter, unless a head noun, an event word or a measure word
    // is left («بحي»، «بشن»، «وفر»); a two-letter stem that only begins a place name is no reading
    assert_eq!(lex.variants("بين").len(), 1);
    assert!(lex.variants("بحي").contains(&r(1, "حي", "")));
    assert!(lex.variants("بشن").contains(&r(1, "شن", "")));
    assert!(lex.variants("وفر").contains(&r(1, "فر", "")));
    assert_eq!(lex.variants("بني").len(), 1);
}

#[test]
fn sentences_split_on_arabic_punctuation_not_decimals() {
    let doc = Document::new(
        "t.txt",
        "قال إن 2.5 ألف فروا. هل عادوا؟ نعم؛ عادوا\nسطر".to_string(),
    );
    let text = analyze(&doc, &[]);
    assert_eq!(text.sentences.len(), 5);
}

#[test]
fn the_fold_table_is_data_and_checked() {
    use athar::text::normalize::{fold, parse_folds, FOLDS_TSV};
    let map = parse_folds(FOLDS_TSV).expect("the shipped fold table parses");
    // every row is what `fold` answers, on the fast path (Arabic block) and off it
    for (&from, &to) in &map {
        assert_eq!(fold(from), Some(to), "{from:?}");
    }
    assert_eq!(fold('\u{0664}'), Some('4'));
    assert_eq!(fold('\u{06F7}'), Some('7'));
    assert_eq!(fold('\u{064E}'), None, "a fatha is dropped");
    assert_eq!(fold('\u{200F}'), None, "a bidi mark is dropped");
    assert_eq!(fold('Q'), Some('q'));
    assert_eq!(fold('\u{00C9}'), Some('\u{00E9}'));
    // malformed tables are refused with the line
    for (bad, line, why) in [
        ("a\n", 2, "two columns"),
        ("ab\tc\n", 2, "not a character"),
        ("a..d\tx..z\n", 2, "different lengths"),
        ("a\tb\na\tc\n", 3, "folded twice"),
        ("U+064E\tx\n", 2, "dropped before"),
        ("U+ZZ\tx\n", 2, "not a character"),
    ] {
        let e = parse_folds(&format!("# header\n{bad}")).expect_err(bad);
        assert!(
            e.contains(why) && e.starts_with(&format!("line {line}:")),
            "{bad:?}: {e}"
        );
    }
}

/// The lexicon's first-word index only skips lookups that would find nothing: on every seed
/// article, every phrase set finds the same phrases at every token with and without it.
#[test]
fn the_first_word_index_finds_what_a_full_lookup_finds() {
    let lex = Lexicon::builtin().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let doc = Document::new("t.txt", text);
        let (plain, indexed) = (
            athar::text::analyze_unmarked(&doc, &lex.proclitics, &lex.first_words),
            lex.analyze(&doc),
        );
        fn same<T>(
            p: &athar::lexicon::Phrases<T>,
            a: &athar::text::Text,
            b: &athar::text::Text,
        ) -> usize {
            let mut n = 0;
            for i in 0..a.tokens.len() {
                let x: Vec<(usize, usize)> = p
                    .at(a, i, 9)
                    .iter()
                    .map(|m| (m.end, m.phrase.order))
                    .collect();
                let y: Vec<(usize, usize)> = p
                    .at(b, i, 9)
                    .iter()
                    .map(|m| (m.end, m.phrase.order))
                    .collect();
                assert_eq!(x, y, "token {i}");
                n += x.len();
            }
            n
        }
        read += same(&lex.names, &plain, &indexed)
            + same(&lex.titles, &plain, &indexed)
            + same(&lex.months, &plain, &indexed)
            + same(&lex.equivalence, &plain, &indexed)
            + same(&lex.qualifiers, &plain, &indexed)
            + same(&lex.measures, &plain, &indexed)
            + same(&lex.events, &plain, &indexed)
            + same(&lex.relations, &plain, &indexed);
    }
    assert!(
        read > 200,
        "the seed articles hold phrases of every kind: {read}"
    );
}

#[test]
fn the_affix_table_is_data_and_checked() {
    use athar::text::affixes::{parse_affixes, AFFIXES_TSV};
    let a = parse_affixes(AFFIXES_TSV).expect("the shipped affix table parses");
    assert_eq!(&a, athar::text::affixes());
    // the forms the patterns rely on fit together
    assert_eq!(a.conj_article, format!("{}{}", a.conj, a.article));
    assert!(a
        .possessives
        .windows(2)
        .all(|w| w[0].chars().count() >= w[1].chars().count()));
    assert_eq!(a.bare(&format!("{}xyz", a.article), 3), Some("xyz"));
    assert_eq!(a.bare(&format!("{}xy", a.article), 3), None);
    assert!(a.is_fi(&a.fi) && a.is_fi(&format!("{}{}", a.conj, a.fi)));
    // malformed tables are refused with the line, or the role that is missing
    let lines: Vec<&str> = AFFIXES_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let without = |role: &str| {
        lines
            .iter()
            .filter(|l| l.split('\t').next() != Some(role))
            .copied()
            .collect::<Vec<_>>()
            .join("\n")
    };
    for role in [
        "article",
        "conjunction",
        "in",
        "possessive",
        "sound-variant",
        "final-ya",
    ] {
        let e = parse_affixes(&without(role)).expect_err(role);
        assert!(e.contains(&format!("no {role} row")), "{role}: {e}");
    }
    let table = lines.join("\n");
    let n = lines.len() + 1;
    for (extra, why) in [
        ("colour\tx", "unknown role"),
        ("article\tx", "listed twice"),
        ("possessive\txyzw", "longest first"),
        ("sound-variant\txy", "listed twice"),
        ("onlyrole", "expected role<TAB>form"),
    ] {
        let e = parse_affixes(&format!("{table}\n{extra}")).expect_err(extra);
        assert!(
            e.starts_with(&format!("line {n}:")) && e.contains(why),
            "{extra}: {e}"
        );
    }
    // a compound form that its parts do not give
    let bad = table.replacen(&format!("and-with\t{}", a.conj_bi), "and-with\txy", 1);
    assert!(parse_affixes(&bad).unwrap_err().contains("and-with"));
}
