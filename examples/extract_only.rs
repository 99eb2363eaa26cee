//! Times extraction alone (no store) over a corpus, on one thread, as `athar bench` does:
//! `cargo run --release --example extract_only -- corpus.jsonl [LEXICON_DIR]` (a handy target
//! for `perf`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("a corpus (.jsonl, folder or file)");
    let lex = match std::env::args().nth(2) {
        Some(dir) => athar::lexicon::Lexicon::from_dir(std::path::Path::new(&dir)),
        None => athar::lexicon::Lexicon::builtin(),
    }
    .expect("lexicon");
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let (mb, s) = athar::extract::extraction_only(&lex, std::path::Path::new(&path), as_of);
    println!("{mb:.1} MB in {s:.2} s, {:.2} MB/s", mb / s.max(1e-9));
}
