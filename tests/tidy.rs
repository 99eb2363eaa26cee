//! The invariants ARCHITECTURE.md states about the code's layout, checked on the sources.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn src() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    rust_files(&root.join("src"))
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The code of a file without its comments (line comments and doc comments).
fn code(text: &str) -> String {
    // unit tests (at the end of a file, by convention) may quote Arabic examples
    let text = text.split("\n#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") {
                return "";
            }
            // a trailing comment, outside a string literal
            let mut in_str = false;
            let b = l.as_bytes();
            for i in 0..b.len() {
                match b[i] {
                    b'"' if i == 0 || b[i - 1] != b'\\' => in_str = !in_str,
                    b'/' if !in_str && b.get(i + 1) == Some(&b'/') => return &l[..i],
                    _ => {}
                }
            }
            l
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn only_graph_touches_oxigraph() {
    for (path, text) in src() {
        if path.starts_with("src/graph/") {
            continue;
        }
        assert!(
            !code(&text).contains("oxigraph::"),
            "{path} uses Oxigraph: only src/graph/ may"
        );
    }
}

#[test]
fn the_model_and_the_stages_after_extraction_never_import_an_extractor() {
    for (path, text) in src() {
        let later = path == "src/model.rs"
            || path.starts_with("src/graph/")
            || path.starts_with("src/export/")
            || path == "src/resolve.rs"
            || path == "src/incidents.rs";
        if !later {
            continue;
        }
        let c = code(&text);
        assert!(
            !c.contains("crate::extract"),
            "{path} imports an extractor: it should read the model"
        );
        if path == "src/model.rs" {
            for layer in [
                "crate::lexicon",
                "crate::graph",
                "crate::resolve",
                "crate::export",
            ] {
                assert!(!c.contains(layer), "the model depends on {layer}");
            }
        }
    }
}

/// Files whose code may hold Arabic letters, and why. Everything else reads its Arabic from
/// `ontology/lexicon/` and `ontology/text/` (unit tests at the end of a file may quote examples).
const ARABIC_ALLOWED: &[(&str, &str)] = &[(
    "src/serve.rs",
    "the page's bilingual headings (interface text, not language data)",
)];

#[test]
fn arabic_letters_live_in_the_lexicon_outside_a_few_files() {
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    let mut used = vec![false; ARABIC_ALLOWED.len()];
    for (path, text) in src() {
        if !code(&text).chars().any(arabic) {
            continue;
        }
        let allowed = ARABIC_ALLOWED
            .iter()
            .position(|(p, _)| path == *p || (p.ends_with('/') && path.starts_with(p)));
        let Some(i) = allowed else {
            panic!("{path} has Arabic letters in its code: move them to ontology/lexicon/");
        };
        used[i] = true;
    }
    // the allowlist shrinks as language knowledge moves to data
    for ((p, _), u) in ARABIC_ALLOWED.iter().zip(used) {
        assert!(u, "{p} no longer holds Arabic: take it off the allowlist");
    }
}

#[test]
fn the_code_map_names_every_module_and_only_existing_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let arch = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    for (path, _) in src() {
        let dir = path.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap();
        // a file of src/ by its name; a file of a folder by its name or its folder's
        let named = arch.contains(&format!("`{path}`"))
            || (dir != "src/" && arch.contains(&format!("`{dir}")));
        assert!(named, "ARCHITECTURE.md's code map does not name {path}");
    }
    for w in arch.split('`') {
        if w.starts_with("src/") && !w.contains(['{', '*', ' ']) {
            assert!(
                root.join(w).exists(),
                "ARCHITECTURE.md names {w}, which does not exist"
            );
        }
    }
}
