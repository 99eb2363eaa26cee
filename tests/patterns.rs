//! Names nobody listed come out typed, from general patterns: an article written for this test
//! (not from the seeds), whose prison, camp, neighbourhood, village, armed group and people are
//! in no gazetteer.

use std::path::Path;

use athar::lexicon::Lexicon;
use athar::pipeline::analyze_corpus;
use athar::text::Document;
use chrono::NaiveDate;

#[test]
fn unlisted_names_are_recognized_with_their_class() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/patterns/unlisted-names.txt");
    let doc = Document::new("unlisted-names.txt", std::fs::read_to_string(p).unwrap());
    let lex = Lexicon::builtin().unwrap();
    let (arts, res) = analyze_corpus(
        &lex,
        vec![doc],
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    );
    let found: Vec<(String, &str)> = arts[0]
        .rec
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                arts[0].doc.slice(m.start, m.end),
                res.entities[res.mention_entity[0][i]].class.name(),
            )
        })
        .collect();
    for (text, class) in [
        ("سجن الميادين المركزي", "Prison"),
        ("مخيم العريشة", "Camp"),
        ("الحميدية", "Neighborhood"),
        ("أبو حمام", "City"),
        ("قوات الصناديد", "ArmedGroup"),
        ("يوسف حمود", "Person"),
        ("حمود", "Person"),
        ("بندر الحميدي", "Person"),
        ("وكالة سانا", "MediaOutlet"),
    ] {
        assert!(
            found.contains(&(text.to_string(), class)),
            "{text} as {class} not in {found:?}"
        );
    }
    // the surname alone is the same person as the full name
    let people: std::collections::BTreeSet<usize> = arts[0]
        .rec
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.label.contains("حمود"))
        .map(|(i, _)| res.mention_entity[0][i])
        .collect();
    assert_eq!(people.len(), 1);
    let p = arts[0].published.as_ref().unwrap();
    assert_eq!(p.value.lexical(), "2019-08-14");
}
