//! Prints what athar reads in one article: every mention and figure.
//! `cargo run --release --example inspect -- ARTICLE.txt`
use athar::lexicon::Lexicon;
use athar::text::Document;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let lex = Lexicon::builtin().unwrap();
    let doc = Document::new("x.txt", std::fs::read_to_string(p).unwrap());
    let a = athar::extract::extract(
        &lex,
        doc,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    );
    for m in &a.rec.mentions {
        println!(
            "M {} {} {:?} {:?} {}",
            m.start,
            m.end,
            m.kind,
            m.entity,
            a.doc.slice(m.start, m.end)
        );
    }
    for m in &a.rec.inner {
        println!(
            "I {} {} {:?} {}",
            m.start,
            m.end,
            m.entity,
            a.doc.slice(m.start, m.end)
        );
    }
    for (x, y) in &a.rec.located_in {
        let (p, c) = (&a.rec.mentions[*x], &a.rec.mentions[*y]);
        println!(
            "L {} < {}",
            a.doc.slice(p.start, p.end),
            a.doc.slice(c.start, c.end)
        );
    }
    for r in &a.rec.relations {
        println!("R {r:?}");
    }
    for m in a.rec.mentions.iter().filter(|m| m.role.is_some()) {
        println!("ROLE {} {:?}", a.doc.slice(m.start, m.end), m.role);
    }
    for e in &a.events {
        println!(
            "E {:?} agents={:?} targets={:?} places={:?} date={:?}",
            e.class, e.agents, e.targets, e.places, e.date
        );
    }
    // (each known entity by its gazetteer id)
    for (i, g) in lex.gazetteer.iter().enumerate() {
        let used = a
            .rec
            .mentions
            .iter()
            .any(|m| m.entity == athar::model::EntityRef::Known(i));
        if used {
            println!("G {i} {}", g.id);
        }
    }
    for q in &a.quantities {
        println!(
            "Q {} {:?} {:?} {:?}",
            a.doc.slice(q.start, q.end),
            q.measure,
            q.group,
            q.reported_by
        );
    }
}
