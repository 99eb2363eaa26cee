//! Article text from an HTML page, with html5ever (through `scraper`): the text of the page's
//! `<article>` (else `<main>`, else `<body>`), one line per block, without scripts, styles,
//! navigation, forms or asides; the headline and publication metadata from `<meta>` tags.
//!
//! The extracted text is what athar stores and what offsets index, so provenance stays
//! checkable without the page.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The article text: headline, a blank line, then one line per paragraph.
    pub text: String,
    /// The headline (`og:title`, else the first `<h1>`, else `<title>`).
    pub title: Option<String>,
    /// Canonical address (`<link rel=canonical>`, else `og:url`).
    pub url: Option<String>,
    /// Publication time (`article:published_time`, `datePublished`, `<time datetime>`).
    pub published: Option<String>,
    /// The site's name (`og:site_name`).
    pub outlet: Option<String>,
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "object", "canvas", "head", "menu",
];

/// Elements that end a line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "br",
    "tr",
    "table",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "hr",
];

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("a valid CSS selector")
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn meta(doc: &Html, names: &[&str]) -> Option<String> {
    for n in names {
        let sel = selector(&format!(
            "meta[property=\"{n}\"], meta[name=\"{n}\"], meta[itemprop=\"{n}\"]"
        ));
        if let Some(v) = doc
            .select(&sel)
            .filter_map(|e| e.value().attr("content"))
            .map(clean)
            .find(|v| !v.is_empty())
        {
            return Some(v);
        }
    }
    None
}

/// The text of an element, one line per block, skipping what is not article text. Walks the
/// tree without recursion, so deeply nested pages cannot overflow the stack.
fn block_text(root: ElementRef<'_>) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut skip_depth = 0usize;
    let flush = |line: &mut String, lines: &mut Vec<String>| {
        let l = clean(line);
        if !l.is_empty() {
            lines.push(l);
        }
        line.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip_depth > 0 || SKIP.contains(&name) {
                        skip_depth += 1;
                    } else if BLOCK.contains(&name) {
                        flush(&mut line, &mut lines);
                    }
                }
                Node::Text(t) if skip_depth == 0 => line.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCK.contains(&e.name()) {
                        flush(&mut line, &mut lines);
                    }
                }
            }
        }
    }
    flush(&mut line, &mut lines);
    lines.join("\n")
}

/// Extracts the article from a page.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let first_text = |sel: &str| {
        doc.select(&selector(sel))
            .map(|e| clean(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let title = meta(&doc, &["og:title", "twitter:title"])
        .or_else(|| first_text("h1"))
        .or_else(|| first_text("title"));
    let url = doc
        .select(&selector("link[rel=\"canonical\"]"))
        .filter_map(|e| e.value().attr("href"))
        .map(clean)
        .find(|v| !v.is_empty())
        .or_else(|| meta(&doc, &["og:url"]));
    let published = meta(
        &doc,
        &["article:published_time", "datePublished", "date", "pubdate"],
    )
    .or_else(|| {
        doc.select(&selector("time[datetime]"))
            .filter_map(|e| e.value().attr("datetime"))
            .map(clean)
            .find(|v| !v.is_empty())
    });
    let outlet = meta(&doc, &["og:site_name", "application-name"]);
    let root = ["article", "main", "body"]
        .iter()
        .find_map(|s| doc.select(&selector(s)).next())
        .unwrap_or_else(|| doc.root_element());
    let body = block_text(root);
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}\n"),
        _ => format!("{body}\n"),
    };
    Page {
        text: if body.is_empty() && title.is_none() {
            String::new()
        } else {
            text
        },
        title,
        url,
        published,
        outlet,
    }
}
