//! The competency-question queries of `queries/`: each is shown in the README as it is, and
//! gives the expected rows on the seed corpus.

use std::path::Path;

use athar::graph::{corpus_quads, Answer, KnowledgeGraph};
use athar::lexicon::Lexicon;
use athar::pipeline::analyze_corpus;
use athar::text::Document;
use chrono::NaiveDate;

fn seed_graph() -> KnowledgeGraph {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds");
    let docs = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            Document::new(
                p.file_name().unwrap().to_string_lossy(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    let lex = Lexicon::builtin().unwrap();
    let (arts, res) = analyze_corpus(&lex, docs, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    let g = KnowledgeGraph::in_memory().unwrap();
    g.replace_all(&corpus_quads(&arts, &res)).unwrap();
    g
}

fn rows(g: &KnowledgeGraph, name: &str) -> Vec<Vec<String>> {
    let q = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("queries")
            .join(name),
    )
    .unwrap();
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(
        readme.contains(q.trim()),
        "README.md does not show queries/{name} as it is"
    );
    match g.query(&q, true).unwrap() {
        Answer::Rows(_, rows) => rows
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn competency_questions_answer_on_the_seeds() {
    let g = seed_graph();

    let prisons = rows(&g, "cq01-prisons-and-cities.rq");
    for (prison, city) in [
        ("سجن الأقطان", "الرقة"),
        ("سجن غويران", "الحسكة"),
        ("سجن الكتيبة", ""),
    ] {
        assert!(
            prisons
                .iter()
                .any(|r| r[0] == prison && (city.is_empty() || r[1] == city)),
            "{prison} in {city}: {prisons:?}"
        );
    }

    let tolls = rows(&g, "cq04-death-tolls.rq");
    // «فقد 27 مقاتلا من قوات سوريا الديمقراطية حياتهم … على ما أفاد مسؤول إعلامي في قسد»
    assert!(
        tolls.iter().any(|r| r[1] == "27"
            && r[5] == "قوات سوريا الديمقراطية"
            && r[6] == "قوات سوريا الديمقراطية"),
        "{tolls:?}"
    );
    // «200 على الأقل»: a lower bound, not a value
    assert!(
        tolls
            .iter()
            .any(|r| r[1].is_empty() && r[2] == "200" && r[4] == "at least"),
        "{tolls:?}"
    );

    let disagree = rows(&g, "cq09-disagreeing-figures.rq");
    // the SDF's 27 killed in one day against Siamand Ali's 175 bodies, both about the prison
    assert!(
        disagree.iter().any(|r| r[0] == "سجن غويران"
            && r[1] == "killed"
            && r[2] == "27"
            && r[7] == "175"
            && r[8] == "سيامند علي"),
        "{disagree:?}"
    );
    for r in &disagree {
        assert_ne!(r[4], r[8], "a disagreement needs two sources: {r:?}");
    }

    let control = rows(&g, "cq02-prison-control-and-support.rq");
    // «مقاتلي قوات سوريا الديمقراطية ووحدات حماية المرأة الذين كانوا يحمون سجن الأقطان»
    assert!(
        control.iter().any(|r| r[0] == "سجن الأقطان"
            && r[1] == "قوات سوريا الديمقراطية"
            && r[2] == "الولايات المتحدة"),
        "{control:?}"
    );
    assert!(
        control
            .iter()
            .any(|r| r[0] == "سجن الأقطان" && r[1] == "وحدات حماية المرأة"),
        "{control:?}"
    );

    let attacks = rows(&g, "cq05-attacks-on-prisons.rq");
    // «الهجوم الذي بدأ يوم الخميس» in an article of Monday 24 January 2022
    assert!(
        attacks.iter().any(|r| r[1] == "سجن غويران"
            && r[2] == "تنظيم الدولة الإسلامية"
            && r[3] == "2022-01-20"
            && r[4] == "الحسكة"),
        "{attacks:?}"
    );
    // «في منتصف كانون الثاني/يناير الجاري … شن جهاديي هيئة تحرير الشام هجمات»
    assert!(
        attacks
            .iter()
            .any(|r| r[1] == "سجن الأقطان" && r[2] == "هيئة تحرير الشام" && r[3] == "2026-01"),
        "{attacks:?}"
    );

    let roles = rows(&g, "cq06-spokespeople-and-commanders.rq");
    for (person, role, org) in [
        ("مظلوم عبدي", "commander of", "قوات سوريا الديمقراطية"),
        ("فرهاد شامي", "spokesperson of", "قوات سوريا الديمقراطية"),
        ("سيامند علي", "spokesperson of", "وحدات حماية الشعب"),
        (
            "لقمان أحمي",
            "spokesperson of",
            "الإدارة الذاتية لشمال وشرق سوريا",
        ),
        (
            "إلهام أحمد",
            "official of",
            "الإدارة الذاتية لشمال وشرق سوريا",
        ),
        ("جون برينان", "commander of", "التحالف الدولي"),
        ("إيمانويل ماكرون", "head of", "فرنسا"),
    ] {
        assert!(
            roles
                .iter()
                .any(|r| r[0] == person && r[1] == role && r[2] == org),
            "{person} {role} {org}: {roles:?}"
        );
    }

    let meetings = rows(&g, "cq07-meetings-and-calls.rq");
    assert!(
        meetings.iter().any(|r| r[1] == "meeting"
            && r[3] == "أربيل"
            && ["مظلوم عبدي", "إلهام أحمد", "توم باراك"]
                .iter()
                .all(|p| r[4].contains(p))),
        "{meetings:?}"
    );
    assert!(
        meetings.iter().any(|r| r[1] == "phone call"
            && r[4].contains("مظلوم عبدي")
            && r[4].contains("إيمانويل ماكرون")),
        "{meetings:?}"
    );

    let names: Vec<String> = rows(&g, "cq10-names-of-an-entity.rq")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    for n in ["سجن غويران", "سجن الصناعة", "سجن قويران", "سجن الحسكة"]
    {
        assert!(names.iter().any(|x| x == n), "{n} not among {names:?}");
    }

    // «سجن الأقطان الذي يضم قرابة 2000 معتقل من عناصر داعش»
    let held = rows(&g, "cq03-prison-detainees.rq");
    assert!(
        held.iter().any(|r| r[0] == "سجن الأقطان"
            && r[1] == "2000"
            && r[4] == "Approximately"
            && r[7].starts_with("000_")),
        "{held:?}"
    );
    for r in &held {
        assert!(
            !r[1].is_empty() || !r[2].is_empty() || !r[3].is_empty(),
            "{r:?}"
        );
    }

    // the claims ledger: the reports of the Ghwayran attack side by side, unattributed ones kept
    let ledger = rows(&g, "cq11-incident-ledger.rq");
    let ghwayran: Vec<&Vec<String>> = ledger
        .iter()
        .filter(|r| r[0].starts_with("سجن غويران"))
        .collect();
    let files: std::collections::BTreeSet<&str> = ghwayran.iter().map(|r| r[7].as_str()).collect();
    assert!(files.len() >= 3, "{ledger:?}");
    assert!(
        ghwayran
            .iter()
            .any(|r| r[1] == "Killed" && r[2] == "175" && r[6] == "سيامند علي"),
        "{ledger:?}"
    );
    assert!(
        ghwayran
            .iter()
            .any(|r| r[1] == "Killed" && r[3] == "200" && r[6] == "unattributed"),
        "{ledger:?}"
    );

    // every mention of the SDF cuts its anchor text out of the article
    let provenance = rows(&g, "cq08-provenance-of-a-fact.rq");
    assert!(provenance.len() > 10, "{provenance:?}");
    for r in &provenance {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/seeds")
                .join(&r[0]),
        )
        .unwrap();
        let (s, e): (usize, usize) = (r[1].parse().unwrap(), r[2].parse().unwrap());
        let cut: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(cut, r[3], "{r:?}");
    }
}

/// A failed query says why, as a kind a caller can match on (not a string).
#[test]
fn query_errors_are_typed() {
    use athar::error::{Error, QueryError};
    let g = KnowledgeGraph::in_memory().unwrap();
    let kind = |q: &str| match g.query(q, true) {
        Err(Error::Query(e)) => e,
        other => panic!("{q}: {other:?}"),
    };
    assert!(matches!(
        kind("INSERT DATA { <http://x> <http://y> <http://z> }"),
        QueryError::Update
    ));
    assert!(matches!(
        kind("SELEKT ?x WHERE { ?x ?y ?z }"),
        QueryError::Syntax(_)
    ));
    assert!(matches!(
        kind("SELECT ?x WHERE { SERVICE <http://127.0.0.1:9/> { ?x ?y ?z } }"),
        QueryError::Evaluation(_)
    ));
    let e = Error::from(QueryError::Update).to_string();
    assert!(e.starts_with("query: SPARQL updates"), "{e}");
}
