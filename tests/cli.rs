//! The command line on the seed corpus: build, query, rerun, bad input.

use std::path::{Path, PathBuf};
use std::process::Command;

fn athar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_athar"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds")
}

fn build(inputs: &[&Path], store: &Path, export: &Path) -> std::process::Output {
    let mut c = athar();
    c.arg("build")
        .args(inputs)
        .arg("--store")
        .arg(store)
        .arg("--export")
        .arg(export)
        .args(["--as-of", "2026-11-22"]);
    c.output().unwrap()
}

#[test]
fn builds_the_seeds_queries_them_and_reruns_as_a_no_op() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, export) = (tmp.path().join("s"), tmp.path().join("e"));
    let out = build(&[&seeds()], &store, &export);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("5 articles (5 added"), "{err}");
    let nq = std::fs::read(export.join("graph.nq")).unwrap();
    assert!(!nq.is_empty());

    let q = athar()
        .args(["query", "--store"])
        .arg(&store)
        .arg("SELECT ?p ?l WHERE { ?p a <https://w3id.org/athar/ontology#Prison> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
        .args(["--format", "tsv"])
        .output()
        .unwrap();
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stderr));
    let rows: Vec<String> = String::from_utf8(q.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    for name in ["سجن الأقطان", "سجن غويران", "سجن الكتيبة"] {
        assert!(
            rows.iter().any(|r| r.contains(name)),
            "{name} missing from {rows:?}"
        );
    }

    // the same input again: nothing written, same bytes
    let again = build(&[&seeds()], &store, &export);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        again.status.success() && err.contains("5 unchanged") && err.contains("store unchanged"),
        "{err}"
    );
    assert_eq!(std::fs::read(export.join("graph.nq")).unwrap(), nq);

    // a fresh build elsewhere (a store folder whose parents do not exist yet): the same bytes
    // in every export
    let (store2, export2) = (tmp.path().join("a/b/s2"), tmp.path().join("e2"));
    assert!(build(&[&seeds()], &store2, &export2).status.success());
    for f in athar::export::FORMATS {
        assert_eq!(
            std::fs::read(export2.join(f)).unwrap(),
            std::fs::read(export.join(f)).unwrap(),
            "{f} differs between builds"
        );
    }

    // export from the store alone: same bytes
    let export3 = tmp.path().join("e3");
    let e = athar()
        .args(["export", "--store"])
        .arg(&store)
        .arg("--to")
        .arg(&export3)
        .output()
        .unwrap();
    assert!(e.status.success());
    assert_eq!(std::fs::read(export3.join("graph.nq")).unwrap(), nq);
}

#[test]
fn bad_inputs_are_named_and_good_ones_still_go_in() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(
        seeds().join("004_b91710638270b3ca.txt"),
        inputs.join("good.txt"),
    )
    .unwrap();
    std::fs::write(
        inputs.join("latin1.txt"),
        b"caf\xe9 au lait, cr\xe8me br\xfbl\xe9e",
    )
    .unwrap();
    std::fs::write(inputs.join("binary.txt"), b"PK\x03\x04\x00\x00\x08").unwrap();
    // «قتل 5 مدنيين» in Windows-1256, as older Arabic sites serve it
    std::fs::write(
        inputs.join("cp1256.txt"),
        b"\xe7\xe1\xca\xed\xe1 5 \xe3\xcf\xe4\xed\xed\xe4 \xdd\xed \xcd\xe1\xc8",
    )
    .unwrap();
    std::fs::write(inputs.join("blank.txt"), " \n\t\n").unwrap();
    let (store, export) = (tmp.path().join("s"), tmp.path().join("e"));
    let out = build(&[&inputs, &tmp.path().join("missing.txt")], &store, &export);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("latin1.txt: not valid UTF-8 (first invalid byte at offset 3)"),
        "{err}"
    );
    assert!(
        err.contains("binary.txt: binary file (NUL byte at offset 4)"),
        "{err}"
    );
    assert!(
        err.contains("cp1256.txt: not UTF-8 (byte 0); decoded as Windows-1256"),
        "{err}"
    );
    assert!(err.contains("blank.txt: empty article"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(err.contains("2 articles (2 added"), "{err}");
    let nq = std::fs::read_to_string(export.join("graph.nq")).unwrap();
    assert!(nq.contains("\"good.txt\""));
}

#[test]
fn a_malformed_query_is_an_error_naming_the_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, export) = (tmp.path().join("s"), tmp.path().join("e"));
    assert!(build(
        &[&seeds().join("000_445e457e048a23d0.txt")],
        &store,
        &export
    )
    .status
    .success());
    let q = athar()
        .args(["query", "--store"])
        .arg(&store)
        .arg("SELECT WHERE {")
        .output()
        .unwrap();
    assert_eq!(q.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&q.stderr).starts_with("athar: query:"));
    let none = athar()
        .args(["query", "--store"])
        .arg(tmp.path().join("nothing"))
        .arg("ASK {}")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&none.stderr).contains("no athar store here"));
}

#[test]
fn an_update_is_refused_as_an_update_and_tables_show_language_tags() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, export) = (tmp.path().join("s"), tmp.path().join("e"));
    assert!(build(
        &[&seeds().join("000_445e457e048a23d0.txt")],
        &store,
        &export
    )
    .status
    .success());
    let q = athar()
        .args(["query", "--store"])
        .arg(&store)
        .arg("INSERT DATA { <http://x> <http://y> <http://z> }")
        .output()
        .unwrap();
    assert_eq!(q.status.code(), Some(1));
    let err = String::from_utf8_lossy(&q.stderr);
    assert!(
        err.contains("updates") && err.contains("not supported"),
        "{err}"
    );
    assert!(!err.contains("CONSTRUCT"), "{err}");

    let t = athar()
        .args(["query", "--store"])
        .arg(&store)
        .arg("SELECT ?l WHERE { <https://w3id.org/athar/id/raqqa> <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
        .args(["--format", "table"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&t.stdout);
    assert!(out.contains("\"الرقة\"@ar"), "{out}");
}

#[test]
fn find_matches_names_as_extraction_does() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, export) = (tmp.path().join("s"), tmp.path().join("e"));
    assert!(build(&[&seeds()], &store, &export).status.success());
    for typed in ["الرقة", "الرقه", "رقة", "بالرقة", "Raqqa", "raqqa"] {
        let f = athar()
            .args(["find", typed, "--format", "csv", "--store"])
            .arg(&store)
            .output()
            .unwrap();
        assert!(
            f.status.success(),
            "{typed}: {}",
            String::from_utf8_lossy(&f.stderr)
        );
        let out = String::from_utf8(f.stdout).unwrap();
        let first = out.lines().nth(1).unwrap_or_default();
        assert!(
            first.starts_with("الرقة,") && first.ends_with("/id/raqqa"),
            "{typed}: {out}"
        );
    }
    let none = athar()
        .args(["find", "كاتماندو", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(5));
}

#[test]
fn skipped_files_are_named_and_an_all_rejected_store_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("notes.md"), "# notes").unwrap();
    std::fs::write(inputs.join("map.png"), b"\x89PNG").unwrap();
    std::fs::write(inputs.join("README"), "read me").unwrap();
    std::fs::write(inputs.join("blank.txt"), "\n").unwrap();
    let (store, export) = (tmp.path().join("s"), tmp.path().join("e"));
    let out = build(&[&inputs], &store, &export);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("skipped: 3 files (no extension, .md, .png)"),
        "{err}"
    );
    assert!(
        err.contains("the store holds no article: every input was rejected (1)"),
        "{err}"
    );
    assert!(!err.contains("interrupted"), "{err}");
    // the empty build is published: queries answer, with nothing
    let q = athar()
        .args(["query", "--store"])
        .arg(&store)
        .arg("ASK { ?a a <https://w3id.org/athar/ontology#Article> }")
        .output()
        .unwrap();
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stderr));
    assert_eq!(String::from_utf8_lossy(&q.stdout).trim(), "false");
}
