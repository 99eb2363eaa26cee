//! Times extraction alone (no store) over a JSON Lines corpus, on one thread:
//! `cargo run --release --example extract_only -- corpus.jsonl`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a .jsonl file");
    let lex = athar::lexicon::Lexicon::builtin().expect("lexicon");
    let mut docs = Vec::new();
    athar::ingest::scan(&[path.into()], &Default::default(), &mut |d| {
        docs.push(d.clone())
    });
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let t = Instant::now();
    let mut mentions = 0;
    for d in docs {
        mentions += athar::extract::extract(&lex, d, as_of).rec.mentions.len();
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{bytes} bytes, {mentions} mentions, {s:.2} s, {:.2} MB/s",
        bytes as f64 / s / 1e6
    );
}
