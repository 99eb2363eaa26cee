//! `athar bench`: builds synthetic corpora of growing size and reports articles/s, MB/s of text,
//! quads/s, peak memory, store size and thread scaling, with pyoxigraph's `bulk_load` of the same
//! N-Quads as the reference for the store load rate. Figures are printed, never asserted.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::Args;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

/// Arguments of `bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Real articles the synthetic corpora are made from.
    #[arg(long, default_value = "tests/data/seeds")]
    pub from: PathBuf,
    /// Corpus sizes, in articles.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
    pub sizes: Vec<usize>,
    /// Thread counts to compare.
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    pub threads: Vec<usize>,
    /// Working folder (corpora, stores, N-Quads); removed afterwards unless --keep.
    #[arg(long, default_value = "bench-work")]
    pub work: PathBuf,
    /// Keep the working folder.
    #[arg(long)]
    pub keep: bool,
    /// Skip the pyoxigraph reference.
    #[arg(long)]
    pub no_reference: bool,
    /// Also write the results as JSON here.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Read the lexicon from this folder (a larger one, say) instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Articles added to each finished store to time an incremental build (0: none).
    #[arg(long, default_value_t = 10)]
    pub add: usize,
}

/// The reference date every benchmark build uses.
const AS_OF: &str = "2026-11-22";

fn run_child(cmd: &mut Command, what: &str) -> Result<std::process::Output> {
    let out = cmd.output().map_err(|e| Error::io(what, e))?;
    if !out.status.success() && out.status.code() != Some(super::EXIT_REJECTED) {
        return Err(Error::BadInput {
            at: what.to_string(),
            reason: String::from_utf8_lossy(&out.stderr).to_string(),
        });
    }
    Ok(out)
}

/// The reference: pyoxigraph's bulk loader on the same N-Quads, in a fresh store; quads/s.
fn reference(nq: &Path, store: &Path) -> Option<(f64, u64)> {
    let script = r#"
import sys, time, pyoxigraph as ox
t = time.perf_counter()
s = ox.Store(sys.argv[2])
s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
s.flush()
print(time.perf_counter() - t, len(s))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(nq)
        .arg(store)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace();
    let secs: f64 = it.next()?.parse().ok()?;
    let n: u64 = it.next()?.parse().ok()?;
    Some((secs, n))
}

/// Runs `bench`.
pub fn run(args: &BenchArgs) -> Result<i32> {
    let exe = std::env::current_exe().map_err(|e| Error::io("athar", e))?;
    std::fs::create_dir_all(&args.work).map_err(|e| Error::io(&args.work, e))?;
    let t = Instant::now();
    let lex = super::lexicon(args.lexicon.as_ref())?;
    let as_of = chrono::NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap_or_default();
    let names: usize = lex.names.iter().count();
    println!(
        "lexicon: {} entries, {names} names, loaded in {:.3} s",
        lex.gazetteer.len(),
        t.elapsed().as_secs_f64()
    );
    let lexicon_args: Vec<std::ffi::OsString> = match &args.lexicon {
        Some(dir) => vec!["--lexicon".into(), dir.clone().into_os_string()],
        None => Vec::new(),
    };
    let mut results = Vec::new();
    let mut extra_rows = Vec::new();
    println!("| articles | threads | text MB | articles/s | MB/s | MB/s per thread (extraction) | quads | quads/s (store load) | build s | peak RSS MB | store MB | reference quads/s | load vs reference | build time / reference time |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &n in &args.sizes {
        let corpus = args.work.join(format!("corpus-{n}.jsonl"));
        run_child(
            Command::new(&exe)
                .arg("synth")
                .arg("--from")
                .arg(&args.from)
                .args(["--articles", &n.to_string(), "--seed", "1", "--out"])
                .arg(&corpus),
            "synth",
        )?;
        let (mb, secs) = crate::extract::extraction_only(&lex, &corpus, as_of);
        extra_rows.push(format!(
            "extraction only, {n} articles, 1 thread: {:.2} MB/s ({mb:.1} MB in {secs:.2} s)",
            mb / secs.max(1e-9)
        ));
        let mut reference_run: Option<(f64, u64)> = None;
        for &t in &args.threads {
            let store = args.work.join(format!("store-{n}-{t}"));
            let _ = std::fs::remove_dir_all(&store);
            let stats = args.work.join(format!("stats-{n}-{t}.json"));
            let t0 = Instant::now();
            run_child(
                Command::new(&exe)
                    .arg("build")
                    .arg(&corpus)
                    .arg("--store")
                    .arg(&store)
                    .args(["--as-of", AS_OF, "--threads", &t.to_string(), "--stats"])
                    .arg(&stats)
                    .args(&lexicon_args),
                "build",
            )?;
            let wall = t0.elapsed().as_secs_f64();
            let s: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(&stats).map_err(|e| Error::io(&stats, e))?,
            )
            .map_err(|e| Error::BadInput {
                at: stats.display().to_string(),
                reason: format!("not the statistics `build --stats` writes: {e}"),
            })?;
            let f = |k: &str| s[k].as_f64().unwrap_or(0.0);
            let mb = f("text_bytes") / 1e6;
            let quads = f("inserted");
            let load_rate = quads / f("write_seconds").max(1e-9);
            if reference_run.is_none() && !args.no_reference {
                let nq = args.work.join(format!("graph-{n}.nq"));
                let graph = KnowledgeGraph::open_read_only(&store)?;
                let file = std::fs::File::create(&nq).map_err(|e| Error::io(&nq, e))?;
                graph.dump_nquads(std::io::BufWriter::new(file))?;
                drop(graph);
                let rs = args.work.join(format!("reference-{n}"));
                let _ = std::fs::remove_dir_all(&rs);
                reference_run = reference(&nq, &rs);
                let _ = std::fs::remove_dir_all(&rs);
                let _ = std::fs::remove_file(&nq);
            }
            let reference_rate = reference_run.map(|(secs, q)| q as f64 / secs.max(1e-9));
            let reference_secs = reference_run.map(|(secs, _)| secs);
            let row = serde_json::json!({
                "articles": n,
                "threads": t,
                "text_mb": mb,
                "articles_per_s": n as f64 / f("seconds"),
                "mb_per_s": mb / f("seconds"),
                // extract_seconds is summed over threads
                "extraction_mb_per_s_per_thread": mb / f("extract_seconds").max(1e-9),
                "quads": quads,
                "load_quads_per_s": load_rate,
                "build_seconds": f("seconds"),
                "wall_seconds": wall,
                "peak_rss_mb": f("peak_rss_bytes") / 1048576.0,
                "store_mb": f("store_bytes") / 1048576.0,
                "reference_quads_per_s": reference_rate,
                "reference_seconds": reference_secs,
                "extract_seconds": f("extract_seconds"),
                "write_seconds": f("write_seconds"),
            });
            println!(
                "| {n} | {t} | {mb:.1} | {:.0} | {:.2} | {:.2} | {quads:.0} | {load_rate:.0} | {:.1} | {:.0} | {:.0} | {} | {} | {} |",
                row["articles_per_s"].as_f64().unwrap_or(0.0),
                row["mb_per_s"].as_f64().unwrap_or(0.0),
                row["extraction_mb_per_s_per_thread"].as_f64().unwrap_or(0.0),
                f("seconds"),
                row["peak_rss_mb"].as_f64().unwrap_or(0.0),
                row["store_mb"].as_f64().unwrap_or(0.0),
                reference_rate.map_or("–".into(), |r| format!("{r:.0}")),
                reference_rate.map_or("–".into(), |r| format!("{:.0} %", 100.0 * load_rate / r)),
                reference_secs.map_or("–".into(), |r| format!("{:.2} ×", f("seconds") / r.max(1e-9))),
            );
            results.push(row);
            if args.add > 0 {
                // a few new articles into the finished store: what an incremental build costs
                let more = args.work.join(format!("more-{n}.jsonl"));
                run_child(
                    Command::new(&exe)
                        .arg("synth")
                        .arg("--from")
                        .arg(&args.from)
                        .args(["--articles", &args.add.to_string(), "--seed", "2", "--out"])
                        .arg(&more),
                    "synth",
                )?;
                let t1 = Instant::now();
                run_child(
                    Command::new(&exe)
                        .arg("build")
                        .arg(&corpus)
                        .arg(&more)
                        .arg("--store")
                        .arg(&store)
                        .args(["--as-of", AS_OF, "--threads", &t.to_string()])
                        .args(&lexicon_args),
                    "build",
                )?;
                let inc = t1.elapsed().as_secs_f64();
                extra_rows.push(format!(
                    "adding {} articles to the {n}-article store, {t} thread(s): {inc:.2} s, {:.0} % of the build from scratch ({wall:.2} s)",
                    args.add,
                    100.0 * inc / wall.max(1e-9)
                ));
                let _ = std::fs::remove_file(&more);
            }
            let _ = std::fs::remove_dir_all(&store);
        }
        let _ = std::fs::remove_file(&corpus);
    }
    println!();
    for r in &extra_rows {
        println!("{r}");
    }
    if let Some(j) = &args.json {
        std::fs::write(j, format!("{:#}\n", serde_json::Value::Array(results)))
            .map_err(|e| Error::io(j, e))?;
    }
    if !args.keep {
        let _ = std::fs::remove_dir_all(&args.work);
    }
    Ok(super::EXIT_OK)
}
