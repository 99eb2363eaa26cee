//! Any bytes through decoding, the HTML extractor, the text layer and every extractor: no
//! panic, and every span maps back to the original text.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use athar::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().expect("the built-in lexicon loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = athar::ingest::decode(Path::new("fuzz.txt"), data) else {
        return;
    };
    let page = athar::html::extract(&text);
    for t in [text, page.text] {
        athar::fuzzcheck::check_article(lexicon(), t);
    }
});
