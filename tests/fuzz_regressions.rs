//! Inputs kept for the fuzz target's invariants (see `fuzz/`): the seeds, the pattern articles,
//! the dev and holdout articles and hand-made edge cases all go through
//! `fuzzcheck::check_article` without a panic.

use athar::lexicon::Lexicon;

#[test]
fn fuzz_invariants_hold_on_kept_inputs() {
    let lex = Lexicon::builtin().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut n = 0;
    for dir in ["seeds", "patterns", "dev/articles", "holdout/articles"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            athar::fuzzcheck::check_article(&lex, text);
            n += 1;
        }
    }
    for text in [
        "",
        "\u{feff}",
        "ّ ً ٌ ٍ",
        "ـــــ",
        "و ف ب ل ك ال لل",
        "\u{202b}سجن\u{202c} «غويران",
        "قال: «",
        "٤٥ ألف و ٣ آلاف ومئات وعشرات 99999999999999999999 مليون مليار",
        "في 31 شباط 2022 و 0/0/0000 و 2022-13-45",
        "سجن سجن سجن سجن محافظتي محافظتي",
        // (a title at the very end: the name after it is looked for past the text)
        "وقال رئيس بلدية",
        "قال محافظ",
        "﷽ ﻻ ﻷ ﯾ",
        "a\u{0301}\u{0301}\u{0301}b",
        "\n\n\n.\n.\n",
    ] {
        athar::fuzzcheck::check_article(&lex, text.to_string());
        n += 1;
    }
    assert!(n > 15);
}

#[test]
fn a_failed_extraction_names_the_article_and_is_no_input_error() {
    let lex = Lexicon::builtin().unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let text = "هجوم على سجن غويران في الحسكة.";
    let doc = || athar::text::Document::new("a.txt", text.to_string());
    // where nothing fails, the same facts as `extract`
    let a = athar::extract::try_extract(&lex, doc(), as_of).unwrap();
    let b = athar::extract::extract(&lex, doc(), as_of);
    assert_eq!(format!("{:?}", a.events), format!("{:?}", b.events));
    // the error a build reports for an article the extractors failed on
    let e = athar::error::Error::Extraction {
        path: "a.txt".into(),
        message: "index out of bounds".into(),
    };
    let shown = e.to_string();
    assert!(
        shown.starts_with("a.txt: ") && shown.contains("bug in athar"),
        "{shown}"
    );
}
