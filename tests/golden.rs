//! Golden files: the mentions of each seed article, as a table. `UPDATE_EXPECT=1 cargo test
//! --release --test golden` rewrites them after an intended change; review the diff.

use std::path::Path;

use athar::lexicon::Lexicon;
use athar::pipeline::analyze_corpus;
use athar::text::Document;
use chrono::NaiveDate;

#[test]
fn seed_mentions_match_the_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let lex = Lexicon::builtin().unwrap();
    let mut docs = Vec::new();
    for e in std::fs::read_dir(dir.join("seeds")).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        docs.push(Document::new(
            p.file_name().unwrap().to_string_lossy(),
            text,
        ));
    }
    let (arts, res) = analyze_corpus(&lex, docs, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    let mut failures = Vec::new();
    for a in &arts {
        let mut out = String::from("start\tend\tanchor\tkind\tclass\tentity\n");
        for m in &a.rec.mentions {
            let e = &res.entity_of(&m.entity);
            assert_eq!(
                a.doc.slice(m.start, m.end),
                a.doc.chars[m.start..m.end].iter().collect::<String>()
            );
            out += &format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                m.start,
                m.end,
                a.doc.slice(m.start, m.end).replace('\n', " "),
                m.kind.as_str(),
                e.class.name(),
                e.iri.trim_start_matches(athar::vocab::ID)
            );
        }
        let name = |e: &Option<athar::model::EntityRef>| {
            e.as_ref().map_or(String::from("-"), |e| {
                res.entities[res.by_ref[e]].label_ar.clone()
            })
        };
        for q in &a.quantities {
            let n = |x: Option<f64>| x.map_or(String::from("-"), |v| v.to_string());
            out += &format!(
                "# figure {}-{} «{}» {} value={} min={} max={} {} unit={} group={} by={} about={}\n",
                q.start,
                q.end,
                a.doc.slice(q.start, q.end),
                q.measure.name(),
                n(q.value),
                n(q.min),
                n(q.max),
                q.qualifier.name(),
                q.unit.map_or("-", |u| u.name()),
                name(&q.group),
                name(&q.reported_by),
                name(&q.about)
            );
        }
        let names = |v: &[athar::model::EntityRef]| {
            v.iter()
                .map(|e| res.entities[res.by_ref[e]].label_ar.clone())
                .collect::<Vec<_>>()
                .join("+")
        };
        for e in &a.events {
            out += &format!(
                "# event {}-{} {} agent={} target={} participant={} place={} date={} by={}\n",
                e.start,
                e.end,
                e.class.name(),
                names(&e.agents),
                names(&e.targets),
                names(&e.participants),
                names(&e.places),
                e.date.map_or(String::from("-"), |d| d.lexical()),
                name(&e.reported_by)
            );
        }
        for (x, r, y) in &a.rec.relations {
            out += &format!(
                "# relation {} {} {}\n",
                res.entities[res.by_ref[x]].label_ar,
                r.name(),
                res.entities[res.by_ref[y]].label_ar
            );
        }
        if let Some(p) = &a.published {
            out += &format!(
                "# published {} (inferred: {})\n",
                p.value.lexical(),
                p.inferred
            );
        }
        if let Some(p) = a.publisher {
            out += &format!(
                "# publisher {}\n",
                res.entity_of(&a.rec.mentions[p].entity).label_ar
            );
        }
        let path = dir
            .join("expected")
            .join(a.doc.source_file.replace(".txt", ".tsv"));
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &out).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(out.as_str()) {
            failures.push(path.display().to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "differ from golden files (UPDATE_EXPECT=1 to rewrite): {failures:?}"
    );
}
