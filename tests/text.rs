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
        let text = analyze(&doc, &lex.proclitics);
        for (i, t) in text.tokens.iter().enumerate() {
            // the readings computed once per word are the word's readings
            prop_assert_eq!(text.readings(i).to_vec(), lex.variants(&t.text));
            for Reading { skip: k, word: v, restored: restore } in text.readings(i).iter().cloned() {
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
    };
    let v = lex.variants("وبالحسكه");
    assert!(v.contains(&r(2, "الحسكه", "")), "{v:?}");
    let v = lex.variants("للحسكه");
    assert!(v.contains(&r(2, "الحسكه", "ال")), "{v:?}");
    let v = lex.variants("بحلب");
    assert!(v.contains(&r(1, "حلب", "")));
    // short words keep their first letter
    assert_eq!(lex.variants("بين").len(), 1);
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
