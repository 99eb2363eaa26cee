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
        "﷽ ﻻ ﻷ ﯾ",
        "a\u{0301}\u{0301}\u{0301}b",
        "\n\n\n.\n.\n",
    ] {
        athar::fuzzcheck::check_article(&lex, text.to_string());
        n += 1;
    }
    assert!(n > 15);
}
