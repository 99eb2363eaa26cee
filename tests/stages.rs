//! The build as stages (`extract`, `resolve`, `write`, `load`) gives the dataset `build` gives,
//! byte for byte, on the seeds and a synthetic corpus; each stage refuses input it cannot use
//! with a message naming it; a load is whole and a second load of the same shards is a no-op.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn athar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_athar"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    err
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `extract`, `resolve`, `write` (in `dir/shards`) and `load` into `store`, with the exports
/// written to `export`: what `load` printed.
fn stages(
    inputs: &[&Path],
    dir: &Path,
    per_shard: &str,
    store: &Path,
    export: Option<&Path>,
) -> String {
    let facts = dir.join("facts.jsonl");
    let mut x = vec!["extract"];
    x.extend(inputs.iter().map(|p| s(p)));
    x.extend(["--out", s(&facts), "--as-of", "2026-11-22"]);
    ok(&athar(&x));
    let table = dir.join("entities.json");
    ok(&athar(&["resolve", s(&facts), "--out", s(&table)]));
    let shards = dir.join("shards");
    ok(&athar(&[
        "write",
        s(&facts),
        "--entities",
        s(&table),
        "--out",
        s(&shards),
        "--per-shard",
        per_shard,
    ]));
    let mut l = vec!["load", s(&shards), "--store", s(store)];
    if let Some(e) = export {
        l.extend(["--export", s(e)]);
    }
    ok(&athar(&l))
}

/// `build` then `export graph.nq`, and the four stages then `export graph.nq`: the two files.
fn both_ways(inputs: &[&Path], dir: &Path, per_shard: &str) -> (Vec<u8>, Vec<u8>) {
    let date = ["--as-of", "2026-11-22"];
    let mut b = vec!["build"];
    b.extend(inputs.iter().map(|p| s(p)));
    let (store_a, store_b, export_a) = (dir.join("a"), dir.join("b"), dir.join("ea"));
    b.extend(["--store", s(&store_a), "--export", s(&export_a)]);
    b.extend(date);
    ok(&athar(&b));

    let err = stages(inputs, dir, per_shard, &store_b, Some(&dir.join("eb")));
    assert!(!err.contains("store unchanged"), "{err}");
    (
        std::fs::read(dir.join("ea/graph.nq")).unwrap(),
        std::fs::read(dir.join("eb/graph.nq")).unwrap(),
    )
}

#[test]
fn the_stages_give_the_dataset_build_gives_on_the_seeds() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = both_ways(&[&seeds()], tmp.path(), "2");
    assert!(a.len() > 100_000);
    assert!(a == b, "graph.nq differs between build and the stages");
    // the committed export is the same dataset
    let committed = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("exports/graph.nq"));
    assert!(
        committed.unwrap() == b,
        "the stages' graph.nq is not exports/graph.nq"
    );
    // 5 articles, 2 a shard: 3 shards, the shared graphs, the links and settings
    let shards = tmp.path().join("shards");
    for f in [
        "part-00000.nq",
        "part-00001.nq",
        "part-00002.nq",
        "shared.nq",
        "settings.tsv",
    ] {
        assert!(shards.join(f).is_file(), "{f} missing");
    }
    assert_eq!(std::fs::read_dir(shards.join("links")).unwrap().count(), 5);

    // the same shards again: nothing written
    let store = tmp.path().join("b");
    let err = ok(&athar(&["load", s(&shards), "--store", s(&store)]));
    assert!(err.contains("store unchanged"), "{err}");
    // and a build of the same articles on the loaded store finds nothing to do: the load left
    // the index, links and settings a build reads
    let err = ok(&athar(&[
        "build",
        s(&seeds()),
        "--store",
        s(&store),
        "--as-of",
        "2026-11-22",
    ]));
    assert!(
        err.contains("5 unchanged") && err.contains("store unchanged"),
        "{err}"
    );
}

#[test]
fn the_stages_give_the_dataset_build_gives_on_a_synthetic_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("synth.jsonl");
    ok(&athar(&[
        "synth",
        "--from",
        s(&seeds()),
        "--articles",
        "300",
        "--seed",
        "7",
        "--out",
        s(&corpus),
    ]));
    let (a, b) = both_ways(&[&corpus, &seeds()], tmp.path(), "64");
    assert!(a == b, "graph.nq differs between build and the stages");
}

#[test]
fn each_stage_refuses_what_it_cannot_use_and_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let one = seeds().join("000_445e457e048a23d0.txt");
    let two = seeds().join("001_4ec7ee0256ef7471.txt");
    let (f1, f2) = (d.join("f1.jsonl"), d.join("f2.jsonl"));
    ok(&athar(&[
        "extract",
        s(&one),
        "--out",
        s(&f1),
        "--as-of",
        "2026-11-22",
    ]));
    ok(&athar(&[
        "extract",
        s(&two),
        "--out",
        s(&f2),
        "--as-of",
        "2025-01-01",
    ]));
    let table = d.join("t.json");

    // two reference dates
    let out = athar(&["resolve", s(&f1), s(&f2), "--out", s(&table)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("f2.jsonl:1") && err.contains("--as-of"),
        "{err}"
    );
    assert!(!table.exists(), "a refused resolve wrote its table");

    // one article twice
    let out = athar(&["resolve", s(&f1), s(&f1), "--out", s(&table)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("same article name"),
        "{err}"
    );

    // a line that is not facts
    let bad = d.join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"not facts\"}\n").unwrap();
    let out = athar(&["resolve", s(&bad), "--out", s(&table)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("bad.jsonl:1"),
        "{err}"
    );

    // write with facts the table was not resolved from
    ok(&athar(&["resolve", s(&f1), "--out", s(&table)]));
    let shards = d.join("shards");
    let out = athar(&[
        "write",
        s(&f2),
        "--entities",
        s(&table),
        "--out",
        s(&shards),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("f2.jsonl:1"), "{err}");

    // load from a folder that is not shards, and from a damaged shard: the store keeps nothing
    // half-written (no snapshot published)
    let store = d.join("store");
    let out = athar(&["load", s(d), "--store", s(&store)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("settings.tsv"),
        "{err}"
    );
    ok(&athar(&[
        "write",
        s(&f1),
        "--entities",
        s(&table),
        "--out",
        s(&shards),
    ]));
    let part = shards.join("part-00000.nq");
    let mut text = std::fs::read_to_string(&part).unwrap();
    text.push_str("<a> <b> \"unterminated .\n");
    std::fs::write(&part, text).unwrap();
    let out = athar(&["load", s(&shards), "--store", s(&store)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("part-00000.nq"),
        "{err}"
    );
    let q = athar(&["query", "--store", s(&store), "ASK { ?s ?p ?o }"]);
    assert!(!q.status.success(), "a failed load published a snapshot");
}

#[test]
fn a_load_sets_the_store_to_the_shards_dataset_whatever_it_held() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let date = ["--as-of", "2026-11-22"];
    // a store of the five seeds, then the shards of two of them loaded into it
    let store = d.join("store");
    let all = seeds();
    ok(&athar(&[
        "build",
        s(&all),
        "--store",
        s(&store),
        date[0],
        date[1],
    ]));
    let two = d.join("two");
    std::fs::create_dir(&two).unwrap();
    for f in ["001_4ec7ee0256ef7471.txt", "003_64a2191af12d7bbc.txt"] {
        std::fs::copy(all.join(f), two.join(f)).unwrap();
    }
    let err = stages(&[&two], d, "10000", &store, Some(&d.join("e1")));
    assert!(
        err.contains("2 articles") && !err.contains(" 0 removed"),
        "{err}"
    );
    // the same as a build of the two alone
    ok(&athar(&[
        "build",
        s(&two),
        "--store",
        s(&d.join("fresh")),
        "--export",
        s(&d.join("e2")),
        "--as-of",
        "2026-11-22",
    ]));
    let (a, b) = (
        std::fs::read(d.join("e1/graph.nq")).unwrap(),
        std::fs::read(d.join("e2/graph.nq")).unwrap(),
    );
    assert!(a == b, "the loaded store is not the shards' dataset");
}
