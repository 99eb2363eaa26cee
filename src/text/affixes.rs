//! The affixes and particles the extraction patterns test, read from
//! `ontology/text/affixes.tsv` (embedded, parsed once, every role required exactly once).
//!
//! The proclitics stripped to look words up in the lexicon are lexicon data
//! (`ontology/lexicon/proclitics.tsv`); these are the forms the patterns test themselves: the
//! article on a word, «و» before the next item of a list, «ب» before a place, the dual construct.

use std::sync::OnceLock;

use super::normalize::fold_str;

/// The affix table of `ontology/text/affixes.tsv`.
pub const AFFIXES_TSV: &str = include_str!("../../ontology/text/affixes.tsv");

/// Affixes and particles by role, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affixes {
    /// `article`: the definite article.
    pub article: String,
    /// `article-alif`: the letters, as written, that the article starts with.
    pub article_alifs: Vec<char>,
    /// `final-ya`: the letter ya as written, not folded.
    pub final_ya: char,
    /// `conjunction`: «and», written onto the next word.
    pub conj: String,
    /// `resumptive`: «and so», written onto the next word.
    pub fa: String,
    /// `with`: the preposition «bi-».
    pub bi: String,
    /// `for`: the preposition «li-».
    pub li: String,
    /// `for-article`: «li-» before the article.
    pub li_article: String,
    /// `and-article`: «and» before the article.
    pub conj_article: String,
    /// `and-with`: «and» before «bi-».
    pub conj_bi: String,
    /// `in`: the preposition «fi», a word of its own.
    pub fi: String,
    /// `from`: the preposition «min», a word of its own.
    pub min: String,
    /// `feminine`: the folded ta marbuta.
    pub feminine: String,
    /// `construct`: ta marbuta before a suffix.
    pub construct: String,
    /// `dual-construct`: the oblique dual of a feminine noun in construct.
    pub dual_construct: String,
    /// `dual-construct-nominative`: the same in the nominative (مدينتا = two towns of).
    pub dual_construct_nominative: String,
    /// `dual-masculine`: the oblique dual of a masculine noun in construct (حيي = two quarters
    /// of).
    pub dual_masculine: String,
    /// `dual-masculine-nominative`: the same in the nominative (مخيما = two camps of).
    pub dual_masculine_nominative: String,
    /// `nisba`: the relative adjective ending.
    pub nisba: String,
    /// `accusative`: the alif of the indefinite accusative.
    pub accusative: String,
    /// `our`: the suffix «our» (مناطقنا): the speaker's own side.
    pub our: String,
    /// `present`: the prefix of a verb in the present, third person masculine (ينتشر).
    pub present: String,
    /// `plural-oblique`: the ending of a sound masculine plural in the accusative or genitive
    /// (مسلحين): an object, not the subject of a verb before it.
    pub plural_oblique: String,
    /// `possessive`: pronoun suffixes, longest first.
    pub possessives: Vec<String>,
    /// `sound-plural`: the endings of the sound masculine plural and the dual of a nisba
    /// adjective (أوغنديين، صوماليون، صوماليان).
    pub sound_plurals: Vec<String>,
    /// `sound-variant`: name keys read the first letter as the second.
    pub sound: (char, char),
}

/// The single-valued roles, in the order of the file's documentation.
const ROLES: [&str; 21] = [
    "article",
    "conjunction",
    "resumptive",
    "with",
    "for",
    "for-article",
    "and-article",
    "and-with",
    "in",
    "from",
    "feminine",
    "construct",
    "dual-construct",
    "dual-construct-nominative",
    "dual-masculine",
    "dual-masculine-nominative",
    "nisba",
    "accusative",
    "our",
    "present",
    "plural-oblique",
];

/// Parses an affix table: `role<TAB>form<TAB>note` lines, `#` comments. Errors name the line
/// (1-based) and the problem.
pub fn parse_affixes(text: &str) -> Result<Affixes, String> {
    let mut single: [Option<String>; ROLES.len()] = Default::default();
    let mut possessives: Vec<String> = Vec::new();
    let mut sound_plurals: Vec<String> = Vec::new();
    let mut sound = None;
    let mut alifs: Option<Vec<char>> = None;
    let mut final_ya = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 || cols[1].trim().is_empty() {
            return Err(format!("line {n}: expected role<TAB>form"));
        }
        let (role, written) = (cols[0].trim(), cols[1].trim());
        let form = fold_str(written);
        if form.contains(' ') {
            return Err(format!(
                "line {n}: {role}: an affix is one word, not {form:?}"
            ));
        }
        match role {
            "sound-plural" => {
                if sound_plurals.contains(&form) {
                    return Err(format!("line {n}: sound-plural {form:?} listed twice"));
                }
                sound_plurals.push(form);
            }
            "possessive" => {
                if possessives.contains(&form) {
                    return Err(format!("line {n}: possessive {form:?} listed twice"));
                }
                if possessives
                    .last()
                    .is_some_and(|p| p.chars().count() < form.chars().count())
                {
                    return Err(format!("line {n}: possessives go longest first"));
                }
                possessives.push(form);
            }
            // letters as written: not folded
            "article-alif" => {
                if alifs.replace(written.chars().collect()).is_some() {
                    return Err(format!("line {n}: article-alif listed twice"));
                }
            }
            "final-ya" => {
                let mut c = written.chars();
                let (Some(y), None) = (c.next(), c.next()) else {
                    return Err(format!("line {n}: final-ya is one letter"));
                };
                if final_ya.replace(y).is_some() {
                    return Err(format!("line {n}: final-ya listed twice"));
                }
            }
            "sound-variant" => {
                let c: Vec<char> = form.chars().collect();
                if c.len() != 2 || c[0] == c[1] {
                    return Err(format!("line {n}: sound-variant is two different letters"));
                }
                if sound.replace((c[0], c[1])).is_some() {
                    return Err(format!("line {n}: sound-variant listed twice"));
                }
            }
            _ => {
                let Some(r) = ROLES.iter().position(|x| *x == role) else {
                    return Err(format!("line {n}: unknown role {role:?}"));
                };
                if single[r].replace(form).is_some() {
                    return Err(format!("line {n}: {role} listed twice"));
                }
            }
        }
    }
    let mut single = single.into_iter().zip(ROLES);
    let mut take = || {
        let (v, role) = single.next().expect("one value per role");
        v.ok_or_else(|| format!("no {role} row"))
    };
    let a = Affixes {
        article: take()?,
        article_alifs: alifs.ok_or("no article-alif row")?,
        final_ya: final_ya.ok_or("no final-ya row")?,
        conj: take()?,
        fa: take()?,
        bi: take()?,
        li: take()?,
        li_article: take()?,
        conj_article: take()?,
        conj_bi: take()?,
        fi: take()?,
        min: take()?,
        feminine: take()?,
        construct: take()?,
        dual_construct: take()?,
        dual_construct_nominative: take()?,
        dual_masculine: take()?,
        dual_masculine_nominative: take()?,
        nisba: take()?,
        accusative: take()?,
        our: take()?,
        present: take()?,
        plural_oblique: take()?,
        possessives,
        sound_plurals,
        sound: sound.ok_or("no sound-variant row")?,
    };
    if a.possessives.is_empty() {
        return Err("no possessive row".into());
    }
    // the compound forms are what their parts give
    let alifless: String = a.article.chars().skip(1).collect();
    for (role, form, parts) in [
        (
            "and-article",
            &a.conj_article,
            format!("{}{}", a.conj, a.article),
        ),
        ("and-with", &a.conj_bi, format!("{}{}", a.conj, a.bi)),
        ("for-article", &a.li_article, format!("{}{alifless}", a.li)),
    ] {
        if *form != parts {
            return Err(format!(
                "{role} {form:?} is not what its parts give ({parts:?})"
            ));
        }
    }
    for (role, form) in [
        ("dual-construct", &a.dual_construct),
        ("dual-construct-nominative", &a.dual_construct_nominative),
    ] {
        if !form.starts_with(a.construct.as_str()) {
            return Err(format!("{role} does not start with the construct ending"));
        }
    }
    let first = a.article.chars().next();
    if a.article_alifs.is_empty()
        || a.article_alifs
            .iter()
            .any(|&c| fold_str(&c.to_string()).chars().next() != first)
    {
        return Err("article-alif: letters that fold to the article's first letter".into());
    }
    Ok(a)
}

/// The affixes of `ontology/text/affixes.tsv`, parsed once (the table is embedded and checked
/// by the tests, so it cannot fail at run time).
pub fn affixes() -> &'static Affixes {
    static AFFIXES: OnceLock<Affixes> = OnceLock::new();
    AFFIXES.get_or_init(|| {
        parse_affixes(AFFIXES_TSV).unwrap_or_else(|e| panic!("ontology/text/affixes.tsv: {e}"))
    })
}

impl Affixes {
    /// The word without its definite article, when what is left has at least `min` letters.
    pub fn bare<'w>(&self, word: &'w str, min: usize) -> Option<&'w str> {
        word.strip_prefix(self.article.as_str())
            .filter(|r| r.chars().count() >= min)
    }

    /// Whether the word starts with the article after «li-» or «and» («للدرك»، «والجيش»).
    pub fn article_after_clitic(&self, word: &str) -> bool {
        word.starts_with(self.li_article.as_str()) || word.starts_with(self.conj_article.as_str())
    }

    /// Whether the word is `head` with a possessive pronoun on it: «منهم» (من)، «فيه» (في)، «به»
    /// (بـ)، «لها» (لـ).
    pub fn with_pronoun(&self, word: &str, head: &str) -> bool {
        word.strip_prefix(head)
            .is_some_and(|rest| self.possessives.iter().any(|p| p == rest))
    }

    /// The word before each possessive pronoun it may end with («مقاتليه» → «مقاتلي»).
    pub fn before_pronoun<'w>(&'w self, word: &'w str) -> impl Iterator<Item = &'w str> + 'w {
        self.possessives
            .iter()
            .filter_map(move |p| word.strip_suffix(p.as_str()))
    }

    /// Whether the word is «fi», alone or after «and».
    pub fn is_fi(&self, word: &str) -> bool {
        word == self.fi || word.strip_prefix(self.conj.as_str()) == Some(self.fi.as_str())
    }
}
