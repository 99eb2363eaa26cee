//! Every lexicon file is valid: sorted, unique, normalized, and every class it names exists in
//! the ontology; every vocabulary term used in Rust is defined in `ontology/athar.ttl`.

use std::collections::HashSet;

use athar::lexicon::{parse_rows, Fw, Lexicon, FILES};
use athar::vocab::{self, Class};
use unicode_normalization::UnicodeNormalization;

fn is_clean(s: &str) -> bool {
    s.nfc().collect::<String>() == s
        && s.trim() == s
        && !s.contains("  ")
        && !s
            .chars()
            .any(|c| athar::text::is_mark(c) || athar::text::normalize::is_control(c))
}

#[test]
fn every_lexicon_file_is_sorted_unique_and_normalized() {
    for (name, text) in FILES {
        let rows = parse_rows(name, text, 16).unwrap();
        assert!(!rows.is_empty(), "{name} is empty");
        let keys: Vec<&str> = rows.iter().map(|r| r.fields[0].as_str()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{name} is not sorted by its first column");
        let unique: HashSet<&str> = keys.iter().copied().collect();
        assert_eq!(unique.len(), keys.len(), "{name} has repeated keys");
        for r in &rows {
            for f in &r.fields {
                for part in f.split('|') {
                    assert!(
                        is_clean(part.trim_start_matches('?')),
                        "{name}:{}: {part:?} is not normalized",
                        r.line
                    );
                }
            }
        }
    }
}

#[test]
fn gazetteer_classes_and_links_exist() {
    let lex = Lexicon::builtin().unwrap();
    assert!(lex.gazetteer.len() > 1000);
    let ttl = athar::ONTOLOGY;
    for e in &lex.gazetteer {
        assert!(
            ttl.contains(&format!("ath:{} a owl:Class", e.class.name())),
            "{}: class {:?}",
            e.id,
            e.class
        );
        for w in e.within.iter().chain(&e.context) {
            assert!(
                lex.by_id.contains_key(w),
                "{} refers to unknown id {w}",
                e.id
            );
        }
        if let Some(q) = &e.wikidata {
            assert!(
                q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit()),
                "{}: {q}",
                e.id
            );
        }
        if let Some((lat, lon)) = e.coords {
            assert!(
                (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
                "{}",
                e.id
            );
        }
        assert!(!e.source.is_empty(), "{} has no source", e.id);
    }
    // the heads' classes too
    for h in lex.heads.values() {
        assert!(ttl.contains(&format!("ath:{} a owl:Class", h.class.name())));
    }
}

#[test]
fn vocabulary_is_defined_in_the_ontology() {
    let ttl = athar::ONTOLOGY;
    for c in Class::ALL {
        assert!(
            ttl.contains(&format!("ath:{} a owl:Class", c.name())),
            "{c:?}"
        );
    }
    for t in vocab::ath::ALL {
        assert!(
            ttl.contains(&format!("ath:{t} a ")),
            "ath:{t} missing from athar.ttl"
        );
    }
    // every term of the contract
    for t in [
        "locatedIn",
        "controls",
        "supports",
        "partOf",
        "affiliatedWith",
        "spokespersonOf",
        "commanderOf",
        "officialOf",
        "headOf",
        "Quantity",
        "measures",
        "value",
        "minValue",
        "maxValue",
        "qualifier",
        "unit",
        "ofGroup",
        "about",
        "reportedBy",
        "evidence",
        "Killed",
        "Injured",
        "Held",
        "Escaped",
        "Captured",
        "Displaced",
        "Fighters",
        "Hostages",
        "Population",
        "Duration",
        "Other",
        "Exact",
        "Approximately",
        "AtLeast",
        "MoreThan",
        "AtMost",
        "Range",
        "Family",
        "Day",
        "Month",
        "Year",
        "Hour",
        "Minute",
        "Kilometre",
        "Vehicle",
        "Event",
        "Attack",
        "Clash",
        "Airstrike",
        "PrisonBreak",
        "Riot",
        "Arrest",
        "HostageTaking",
        "Displacement",
        "Curfew",
        "Meeting",
        "PhoneCall",
        "Agreement",
        "Withdrawal",
        "ClaimOfResponsibility",
        "agent",
        "target",
        "participant",
        "place",
        "date",
    ] {
        let def = format!("ath:{t} a ");
        let at = ttl.find(&def).unwrap_or_else(|| panic!("ath:{t} missing"));
        let block = &ttl[at..ttl[at..].find(" .\n").map(|e| at + e).unwrap_or(ttl.len())];
        assert!(
            block.contains("@ar") && block.contains("@en") && block.contains("rdfs:comment"),
            "ath:{t} lacks labels"
        );
    }
}

#[test]
fn the_ontology_parses_as_turtle() {
    // a term is defined once, and every prefixed name resolves
    let defs: Vec<&str> = athar::ONTOLOGY
        .lines()
        .filter(|l| l.starts_with("ath:"))
        .collect();
    let unique: HashSet<&&str> = defs.iter().collect();
    assert_eq!(unique.len(), defs.len());
    // parsed strictly: every statement, every term of the code's enums defined
    let triples: Vec<oxigraph::model::Triple> =
        oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(athar::ONTOLOGY.as_bytes())
            .map(|q| q.expect("athar.ttl parses").into())
            .collect();
    let subjects: HashSet<String> = triples
        .iter()
        .map(|t| t.subject.to_string().trim_matches(['<', '>']).to_string())
        .collect();
    let defined =
        |iri: String| assert!(subjects.contains(&iri), "{iri} is not defined in athar.ttl");
    for c in Class::ALL {
        defined(format!("{}{}", vocab::ATH, c.name()));
    }
    for r in vocab::Relation::ALL {
        defined(format!("{}{}", vocab::ATH, r.name()));
    }
    for m in vocab::Measure::ALL {
        defined(format!("{}{}", vocab::ATH, m.name()));
    }
    for q in vocab::Qualifier::ALL {
        defined(format!("{}{}", vocab::ATH, q.name()));
    }
    for u in vocab::Unit::ALL {
        defined(format!("{}{}", vocab::ATH, u.name()));
    }
    for e in vocab::EventClass::ALL {
        defined(format!("{}{}", vocab::ATH, e.name()));
    }
    for t in vocab::ath::ALL {
        defined(format!("{}{t}", vocab::ATH));
    }
}

/// The error of loading the built-in lexicon from a folder with `rows` appended to some files.
fn load_error(rows: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in FILES {
        let extra = rows.iter().find(|(n, _)| n == name).map_or("", |(_, r)| *r);
        std::fs::write(dir.path().join(name), format!("{text}{extra}")).unwrap();
    }
    Lexicon::from_dir(dir.path()).unwrap_err().to_string()
}

#[test]
fn an_era_names_known_actors_and_a_day() {
    for (bad, what) in [
        ("sy_army\tzz_nobody\t2024-12-08\tsomewhere\n", "zz_nobody"),
        (
            "sy_army\tsy_regime_forces\t8 December\tsomewhere\n",
            "8 December",
        ),
        ("sy_army\tsy_regime_forces\t2024-12-08\t\n", "no source"),
    ] {
        let err = load_error(&[("eras.tsv", bad)]);
        assert!(err.contains("eras.tsv") && err.contains(what), "{err}");
    }
    // the built-in eras join two actors of one class
    let lex = Lexicon::builtin().unwrap();
    assert!(!lex.eras.is_empty());
    for (e, p, _) in &lex.eras {
        assert_eq!(lex.gazetteer[*e].class, lex.gazetteer[*p].class);
    }
}

#[test]
fn a_tie_between_unknown_actors_is_refused_with_its_line() {
    // the built-in lexicon in a folder, with one bad row in actor-relations.tsv
    let err = load_error(&[("actor-relations.tsv", "zz_nobody\tpartOf\thamas\tnowhere\n")]);
    assert!(
        err.contains("actor-relations.tsv") && err.contains("zz_nobody"),
        "{err}"
    );
    // and the built-in ties all load, every one between two gazetteer actors
    let lex = Lexicon::builtin().unwrap();
    assert!(lex.actor_relations.len() >= 10);
    for (s, _, o) in &lex.actor_relations {
        for g in [s, o] {
            assert!(lex.gazetteer[*g].class.family() == vocab::Family::Organization);
        }
    }
}

#[test]
fn every_function_word_role_the_code_asks_for_has_words_and_unknown_roles_are_refused() {
    let lex = Lexicon::builtin().unwrap();
    for role in Fw::ALL {
        assert!(
            !lex.function_words[role as usize].is_empty(),
            "no word has the role {:?} in function-words.tsv",
            role.name()
        );
        assert_eq!(Fw::from_name(role.name()), Some(role));
    }
    // a misspelt role is an error naming the file, not a pattern that never fires
    let err = load_error(&[
        ("function-words.tsv", "زززز\tcomplementiser\n"),
        ("titles.tsv", "زززز\tcommandr\tno\tno\n"),
    ]);
    assert!(
        err.contains("complementiser") || err.contains("commandr"),
        "{err}"
    );
}

#[test]
fn generic_references_name_national_bodies_and_bad_rows_are_refused() {
    let lex = Lexicon::builtin().unwrap();
    // every body a generic reference names is of its class, and named by a prefix and a nisba
    assert!(
        lex.generic_bodies.len() >= 20,
        "{}",
        lex.generic_bodies.len()
    );
    let rows: Vec<&str> = FILES
        .iter()
        .find(|(n, _)| *n == "generics.tsv")
        .unwrap()
        .1
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    for ((country, g), body) in &lex.generic_bodies {
        let class = rows[*g].split('\t').nth(1).unwrap();
        assert_eq!(lex.gazetteer[*body].class.name(), class, "{country}");
        assert_eq!(
            lex.gazetteer[lex.by_id[country]].class,
            vocab::Class::Country,
            "{country}"
        );
    }
    // an unknown class, or a row without prefixes, names the file and its line
    for bad in ["الجيش\tArmy\tالجيش\n", "الجيش\tArmedGroup\t\n"] {
        let err = load_error(&[("generics.tsv", bad)]);
        assert!(err.contains("generics.tsv"), "{err}");
    }
}
