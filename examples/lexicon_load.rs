//! Times loading the lexicon (built in, or a folder) and reports its size and the peak memory:
//! `cargo run --release --example lexicon_load -- [DIR]`.
use std::time::Instant;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let t = Instant::now();
    let lex = match std::env::args().nth(1) {
        Some(dir) => athar::lexicon::Lexicon::from_dir(std::path::Path::new(&dir)),
        None => athar::lexicon::Lexicon::builtin(),
    }
    .expect("lexicon");
    let s = t.elapsed().as_secs_f64();
    let names: usize = lex.names.iter().count();
    println!(
        "{} gazetteer entries, {names} names, loaded in {s:.3} s, peak RSS {:.0} MB",
        lex.gazetteer.len(),
        peak_rss_mb()
    );
}
