//! Ingest that never loses data: incremental builds equal a rebuild, hostile inputs are named
//! while good ones go in, and a build killed at any moment leaves every article whole or absent.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn athar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_athar"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds")
}

fn build(inputs: &[&Path], store: &Path, extra: &[&str]) -> Output {
    athar()
        .arg("build")
        .args(inputs)
        .arg("--store")
        .arg(store)
        .args(["--as-of", "2026-11-22"])
        .args(extra)
        .output()
        .unwrap()
}

fn export(store: &Path, to: &Path) {
    export_formats(store, to, &[]);
}

fn export_formats(store: &Path, to: &Path, formats: &[&str]) {
    let mut c = athar();
    c.args(["export", "--store"]).arg(store).arg("--to").arg(to);
    for f in formats {
        c.args(["--format", f]);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn query_tsv(store: &Path, q: &str) -> Vec<String> {
    let out = athar()
        .args(["query", "--format", "tsv", "--store"])
        .arg(store)
        .arg(q)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

fn article_names(store: &Path) -> BTreeSet<String> {
    query_tsv(
        store,
        "SELECT ?f WHERE { GRAPH ?g { ?g <https://w3id.org/athar/ontology#sourceFile> ?f } }",
    )
    .into_iter()
    .map(|l| l.trim_matches('"').to_string())
    .collect()
}

fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn copy_into(dir: &Path, files: &[PathBuf]) {
    std::fs::create_dir_all(dir).unwrap();
    for f in files {
        std::fs::copy(f, dir.join(f.file_name().unwrap())).unwrap();
    }
}

/// Every export file of two folders, byte for byte.
fn assert_same_exports(a: &Path, b: &Path) {
    let mut names: Vec<_> = std::fs::read_dir(a)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for n in names {
        let (x, y) = (
            std::fs::read(a.join(&n)).unwrap(),
            std::fs::read(b.join(&n)).unwrap(),
        );
        assert!(
            x == y,
            "{n:?} differs between a rebuild and incremental builds"
        );
    }
}

#[test]
fn incremental_builds_in_any_order_equal_a_rebuild() {
    let tmp = tempfile::tempdir().unwrap();
    let files = seed_files();
    // from scratch
    let scratch = tmp.path().join("scratch");
    let out = build(&[&seeds()], &scratch, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    export(&scratch, &tmp.path().join("e-scratch"));

    // the last two first, then the first three; then one article edited, then edited back
    let (late, early) = (tmp.path().join("late"), tmp.path().join("early"));
    copy_into(&late, &files[3..]);
    copy_into(&early, &files[..3]);
    let inc = tmp.path().join("inc");
    for step in [vec![&late], vec![&early], vec![&late, &early]] {
        let dirs: Vec<&Path> = step.iter().map(|p| p.as_path()).collect();
        let out = build(&dirs, &inc, &[]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let edited = early.join(files[0].file_name().unwrap());
    let original = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, original.replace("داعش", "تنظيم داعش")).unwrap();
    let out = build(&[&early], &inc, &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("1 replaced"), "{err}");
    // nothing of the edited version is left once the original is back
    std::fs::write(&edited, &original).unwrap();
    let out = build(&[&early], &inc, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    export(&inc, &tmp.path().join("e-inc"));
    assert_same_exports(&tmp.path().join("e-scratch"), &tmp.path().join("e-inc"));

    // the same inputs again: nothing written
    let out = build(&[&late, &early], &inc, &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("(store unchanged)"), "{err}");

    // what the store folder keeps beside the database is what the database holds: the article
    // list, the quad count and a digest for every subject of the shared graphs
    let g = athar::graph::KnowledgeGraph::open_read_only(&inc).unwrap();
    assert_eq!(
        athar::pipeline::read_article_index(&inc).expect("an article index"),
        g.articles().unwrap()
    );
    let count = std::fs::read_to_string(inc.join("quads.txt")).unwrap();
    assert_eq!(count.trim().parse::<usize>().unwrap(), g.len().unwrap());
    let digests = std::fs::read_to_string(inc.join("shared-digests.tsv")).unwrap();
    assert!(digests.lines().count() > 100 && digests.lines().all(|l| l.split('\t').count() == 3));
}

/// `build` with a reference date of its own; its standard error, once it succeeded.
fn build_as_of(inputs: &[&Path], store: &Path, as_of: &str) -> String {
    let out = athar()
        .arg("build")
        .args(inputs)
        .arg("--store")
        .arg(store)
        .args(["--as-of", as_of])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    err
}

#[test]
fn a_build_with_other_settings_equals_a_rebuild_with_them() {
    let tmp = tempfile::tempdir().unwrap();
    let files = seed_files();
    let (first, last) = (tmp.path().join("first"), tmp.path().join("last"));
    copy_into(&first, &files[..4]);
    copy_into(&last, &files[4..]);
    let built = |inputs: &[&Path], store: &str, as_of: &str, export_to: &str| {
        let err = build_as_of(inputs, &tmp.path().join(store), as_of);
        export(&tmp.path().join(store), &tmp.path().join(export_to));
        err
    };
    // four articles read as of one day, then a fifth added as of a later one
    build_as_of(&[&first], &tmp.path().join("inc"), "2026-11-22");
    built(&[&first, &last], "inc", "2027-06-01", "e-inc");
    built(&[&first, &last], "scratch", "2027-06-01", "e-scratch");
    assert_same_exports(&tmp.path().join("e-scratch"), &tmp.path().join("e-inc"));

    // the same articles, nothing added, another day: every article is read again
    let err = built(&[&first, &last], "inc", "2026-11-22", "e-back");
    assert!(err.contains("--as-of 2027-06-01"), "{err}");
    assert!(!err.contains("(store unchanged)"), "{err}");
    built(&[&first, &last], "fresh", "2026-11-22", "e-fresh");
    assert_same_exports(&tmp.path().join("e-fresh"), &tmp.path().join("e-back"));
    // and the store says how it was built
    let settings = std::fs::read_to_string(tmp.path().join("inc/settings.tsv")).unwrap();
    assert!(settings.starts_with("as-of\t2026-11-22\n"), "{settings}");
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn hostile_inputs_are_named_and_good_ones_all_go_in() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    copy_into(&dir, &seed_files());
    let seed_text = std::fs::read_to_string(&seed_files()[0]).unwrap();
    let para = seed_text
        .lines()
        .nth(2)
        .unwrap_or("هاجم تنظيم داعش سجن غويران في الحسكة.");
    // good, in awkward forms
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(format!("عنوان بعلامة ترتيب البايت\n\n{para}\n").as_bytes());
    write(&dir.join("good-bom.txt"), &bom);
    write(
        &dir.join("good-crlf.txt"),
        format!("عنوان بنهايات ويندوز\r\n\r\n{para}\r\n").as_bytes(),
    );
    let arabic = format!("عنوان بترميز ويندوز\n\n{para}\n");
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(&arabic);
    write(&dir.join("good-cp1256.txt"), &cp1256);
    write(
        &dir.join("good-page.html"),
        format!(
            "<!doctype html><html><head><title>موقع</title><meta property=\"og:title\" content=\"عنوان صفحة\">\
             <meta property=\"article:published_time\" content=\"2022-01-21T10:00:00Z\"><script>var x = 'سجن';</script></head>\
             <body><nav>الرئيسية</nav><article><h1>عنوان صفحة</h1><p>{para}</p></article><footer>حقوق</footer></body></html>"
        )
        .as_bytes(),
    );
    // bad
    write(&dir.join("bad-empty.txt"), b"");
    write(&dir.join("bad-blank.txt"), b"  \n\t\n ");
    write(&dir.join("bad-binary.txt"), b"PK\x03\x04\x00\x00binary");
    write(
        &dir.join("bad-latin.txt"),
        b"caf\xe9 na\xefve r\xe9sum\xe9 only latin letters",
    );
    let huge = dir.join("bad-huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 << 20)
        .unwrap();
    // JSON Lines: two good lines among bad ones
    // nested 100,000 deep where the text should be: refused without a stack overflow
    let deep = format!(
        "{{\"text\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let long = format!("{{\"text\": \"{}\"}}", "ب".repeat(5 << 20));
    let mut jsonl = std::fs::File::create(dir.join("feed.jsonl")).unwrap();
    for line in [
        serde_json::json!({"id": "feed-1", "text": format!("خبر أول\n\n{para}"), "url": "https://example.org/1",
                           "title": "خبر أول", "published": "2022-01-22", "outlet": "عنب بلدي"})
        .to_string(),
        "this is not json".to_string(),
        deep,
        long,
        "{\"id\": \"no-text\"}".to_string(),
        "{\"id\": \"feed-blank\", \"text\": \"   \"}".to_string(),
        serde_json::json!({"id": 2, "text": format!("خبر ثان\n\n{para} وأضاف المصدر.")}).to_string(),
    ] {
        writeln!(jsonl, "{line}").unwrap();
    }
    drop(jsonl);
    let missing = tmp.path().join("does-not-exist.txt");

    let store = tmp.path().join("s");
    let stats = tmp.path().join("stats.json");
    let out = build(
        &[&dir, &missing],
        &store,
        &[
            "--max-article-bytes",
            "4000000",
            "--stats",
            stats.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    for (name, reason) in [
        ("bad-empty.txt", "empty"),
        ("bad-blank.txt", "empty"),
        ("bad-binary.txt", "binary file (NUL byte at offset 4)"),
        (
            "bad-latin.txt",
            "not valid UTF-8 (first invalid byte at offset 3)",
        ),
        ("bad-huge.txt", "209715200 bytes, larger than"),
        ("feed.jsonl:2", "not a JSON article"),
        ("feed.jsonl:3", "not a JSON article"),
        ("feed.jsonl:4", "larger than the 4000000-byte limit"),
        ("feed.jsonl:5", "missing field `text`"),
        ("feed.jsonl:6", "empty article"),
        ("does-not-exist.txt", "no such file"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains("rejected") && l.contains(name) && l.contains(reason)),
            "{name}: {reason} not reported in:\n{err}"
        );
    }
    assert!(err.contains("decoded as Windows-1256"), "{err}");
    let names = article_names(&store);
    let mut want: BTreeSet<String> = seed_files()
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    for n in [
        "good-bom.txt",
        "good-crlf.txt",
        "good-cp1256.txt",
        "good-page.html",
        "feed-1",
        "2",
    ] {
        want.insert(n.to_string());
    }
    assert_eq!(names, want);
    // metadata carried from JSON Lines and from the page
    let meta = query_tsv(
        &store,
        "PREFIX ath: <https://w3id.org/athar/ontology#> SELECT ?f ?url ?d ?fmt ?pub WHERE { GRAPH ?g { ?g ath:sourceFile ?f ; ath:inputFormat ?fmt . \
         OPTIONAL { ?g ath:url ?url } OPTIONAL { ?g ath:publishedOn ?d } OPTIONAL { ?g ath:publisher ?pub } } } ORDER BY ?f",
    );
    let row = |n: &str| {
        meta.iter()
            .find(|l| l.starts_with(&format!("\"{n}\"")))
            .cloned()
            .unwrap_or_default()
    };
    assert!(row("feed-1").contains("https://example.org/1"), "{meta:?}");
    assert!(row("feed-1").contains("2022-01-22"), "{meta:?}");
    assert!(row("feed-1").contains("jsonl"), "{meta:?}");
    assert!(row("good-page.html").contains("2022-01-21"), "{meta:?}");
    assert!(row("good-page.html").contains("html"), "{meta:?}");
    // the page's text is the article, not its navigation or script
    let text = query_tsv(
        &store,
        "PREFIX ath: <https://w3id.org/athar/ontology#> SELECT ?t WHERE { GRAPH ?g { ?g ath:sourceFile \"good-page.html\" ; ath:text ?t } }",
    );
    assert!(
        text[0].contains("عنوان صفحة")
            && !text[0].contains("الرئيسية")
            && !text[0].contains("var x"),
        "{text:?}"
    );
    // memory stayed bounded although a 200 MB file and a 5 MB line were offered
    let stats: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    let rss = stats["peak_rss_bytes"].as_u64().unwrap_or(0);
    assert!(rss < 400 << 20, "peak RSS {rss}");
}

#[test]
fn a_build_killed_at_any_moment_leaves_every_article_whole_or_absent() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus.jsonl");
    let out = athar()
        .args(["synth", "--from"])
        .arg(seeds())
        .args(["--articles", "1200", "--seed", "11", "--out"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = tmp.path().join("s");
    // a first build that finishes: the seeds
    assert!(build(&[&seeds()], &store, &[]).status.success());
    let mut partial = 0;
    for delay_ms in [300u64, 900, 1600, 2500, 3500] {
        let mut child = athar()
            .arg("build")
            .arg(seeds())
            .arg(&corpus)
            .arg("--store")
            .arg(&store)
            .args(["--as-of", "2026-11-22", "--chunk", "32", "--threads", "1"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        // readers see the last finished build while the build writes
        let during = article_names(&store);
        assert!(during.len() >= 5, "{}", during.len());
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        let check = athar()
            .args(["check", "--as-of", "2026-11-22", "--store"])
            .arg(&store)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&check.stdout);
        assert!(
            check.status.success(),
            "after a kill at {delay_ms} ms:\n{report}"
        );
        let n: usize = report
            .lines()
            .last()
            .and_then(|l| l.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        if !finished && n > 5 && n < 1205 {
            partial += 1;
        }
        eprintln!(
            "killed at {delay_ms} ms: {n} articles whole in db/ (finished before: {finished})"
        );
    }
    eprintln!("{partial} kills landed while articles were being written");
    // the next build finishes the job, and equals a build from scratch
    let out = build(&[&seeds(), &corpus], &store, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fresh = tmp.path().join("fresh");
    assert!(build(&[&seeds(), &corpus], &fresh, &[]).status.success());
    let (a, b) = (tmp.path().join("ea"), tmp.path().join("eb"));
    export_formats(&store, &a, &["graph.nq"]);
    export_formats(&fresh, &b, &["graph.nq"]);
    let (after_kills, fresh) = (
        std::fs::read_to_string(a.join("graph.nq")).unwrap(),
        std::fs::read_to_string(b.join("graph.nq")).unwrap(),
    );
    if after_kills != fresh {
        // the lines only one side has, a few, so that a failure says what differs
        let (x, y): (BTreeSet<&str>, BTreeSet<&str>) =
            (after_kills.lines().collect(), fresh.lines().collect());
        let only_after: Vec<&&str> = x.difference(&y).take(8).collect();
        let only_fresh: Vec<&&str> = y.difference(&x).take(8).collect();
        panic!(
            "a build after kills differs from a build from scratch ({} and {} lines):\nonly after kills: {only_after:#?}\nonly fresh: {only_fresh:#?}",
            x.len(),
            y.len()
        );
    }
    assert_eq!(article_names(&store).len(), 1205);
}

#[test]
fn an_incremental_build_reads_stored_articles_from_their_links_not_their_text() {
    let tmp = tempfile::tempdir().unwrap();
    let files = seed_files();
    let (late, early) = (tmp.path().join("late"), tmp.path().join("early"));
    copy_into(&late, &files[3..]);
    copy_into(&early, &files[..3]);
    let store = tmp.path().join("store");
    assert!(build(&[&late], &store, &[]).status.success());
    // one links file per stored article
    let links = |store: &Path| -> BTreeSet<String> {
        std::fs::read_dir(store.join("links"))
            .unwrap()
            .map(|f| f.unwrap().file_name().to_string_lossy().to_string())
            .collect()
    };
    assert_eq!(links(&store).len(), 2);
    // adding three: only their text is extracted
    let stats = tmp.path().join("stats.json");
    let out = build(&[&early], &store, &["--stats", stats.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    let early_bytes: u64 = files[..3]
        .iter()
        .map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .replace("\r\n", "\n")
                .len() as u64
        })
        .sum();
    assert_eq!(s["text_bytes"].as_u64(), Some(early_bytes), "{s}");
    assert_eq!(links(&store).len(), 5);
}

#[test]
fn a_build_that_changes_nothing_reports_the_entities_the_last_one_did() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("s");
    let entities = |out: &Output| -> usize {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let at = text.find(" entities").expect("an entity count");
        text[..at]
            .rsplit(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a number")
    };
    let first = build(&[&seeds()], &store, &[]);
    assert!(first.status.success());
    let again = build(&[&seeds()], &store, &[]);
    assert!(again.status.success());
    // the entities its mentions name, counted the same way whether the build wrote or not
    assert_eq!(entities(&first), entities(&again));
}

#[test]
fn a_build_killed_after_its_commit_but_before_its_snapshot_is_published_by_the_next() {
    let tmp = tempfile::tempdir().unwrap();
    let files = seed_files();
    let (four, five) = (tmp.path().join("four"), tmp.path().join("five"));
    copy_into(&four, &files[..4]);
    copy_into(&five, &files);
    let store = tmp.path().join("s");
    assert!(build(&[&four], &store, &[]).status.success());
    assert!(build(&[&five], &store, &[]).status.success());
    assert_eq!(article_names(&store).len(), 5);
    // what a kill between the last commit and the end of the snapshot leaves: db/ holds the
    // five articles, no build is marked pending, and the newest snapshot is the older one
    let newest = std::fs::read_dir(store.join("snapshots"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .max()
        .unwrap();
    std::fs::remove_dir_all(newest).unwrap();
    let _ = std::fs::remove_file(store.join("published.txt"));
    assert_eq!(article_names(&store).len(), 4);
    // the next build of the same input publishes what db/ holds
    assert!(build(&[&five], &store, &[]).status.success());
    assert_eq!(article_names(&store).len(), 5);
}
