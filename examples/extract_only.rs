//! Times extraction alone (no store) over a corpus, on one thread, as `athar bench` does:
//! `cargo run --release --example extract_only -- corpus.jsonl` (a handy target for `perf`).
fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("a corpus (.jsonl, folder or file)");
    let lex = athar::lexicon::Lexicon::builtin().expect("lexicon");
    let (mb, s) =
        athar::cmd::bench::extraction_only(&lex, std::path::Path::new(&path)).expect("extraction");
    println!("{mb:.1} MB in {s:.2} s, {:.2} MB/s", mb / s.max(1e-9));
}
