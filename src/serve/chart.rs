//! The claims ledger drawn: for one incident and one measure, each source's figures over the
//! dates of the reports that gave them, as an SVG made here (no script, no external asset), so a
//! researcher sees a toll grow and who disagreed. A figure given as a bound is drawn as an arrow
//! head (▲ at least, ▼ at most), a range as a bar between its bounds; a figure whose article
//! names no source is a series of its own, «unattributed».

use std::collections::BTreeMap;
use std::fmt::Write;

use super::escape;

/// One figure of the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerPoint {
    /// Who gave it (its label), or «unattributed».
    pub source: String,
    /// The report's date, `YYYY-MM-DD` (or empty when the article has none).
    pub reported: String,
    /// The exact value.
    pub value: Option<f64>,
    /// The lower bound.
    pub min: Option<f64>,
    /// The upper bound.
    pub max: Option<f64>,
}

/// Series colours, one per source in the order of their names (colour-blind safe: Okabe–Ito).
const PALETTE: [&str; 8] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
];

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 44.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 40.0;

/// A round number at or above `v` (1, 2 or 5 times a power of ten).
fn nice_ceiling(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|c| *c >= v)
        .unwrap_or(10.0 * p)
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// The chart of one measure's figures, or `None` when no figure has a number.
pub fn ledger_chart(measure: &str, points: &[LedgerPoint]) -> Option<String> {
    let top_of = |p: &LedgerPoint| p.value.or(p.max).or(p.min);
    let points: Vec<&LedgerPoint> = points.iter().filter(|p| top_of(p).is_some()).collect();
    if points.is_empty() {
        return None;
    }
    let dates: Vec<&str> = {
        let mut d: Vec<&str> = points.iter().map(|p| p.reported.as_str()).collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    let mut by_source: BTreeMap<&str, Vec<&LedgerPoint>> = BTreeMap::new();
    for p in &points {
        by_source.entry(p.source.as_str()).or_default().push(p);
    }
    let y_max = nice_ceiling(points.iter().filter_map(|p| top_of(p)).fold(0.0, f64::max));
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |date: &str| {
        let k = dates.iter().position(|d| *d == date).unwrap_or(0) as f64;
        if dates.len() == 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * k / (dates.len() - 1) as f64
        }
    };
    let y = |v: f64| TOP + plot_h * (1.0 - v / y_max);
    let legend_h = 16.0 * by_source.len() as f64;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ledger\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{m}: figures by source over report dates\">",
        w = WIDTH,
        h = HEIGHT + legend_h,
        m = escape(measure)
    );
    let _ = write!(
        s,
        "<text x=\"{LEFT}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{}</text>",
        escape(measure)
    );
    // axes, four horizontal grid lines with their values
    for k in 0..=4 {
        let v = y_max * k as f64 / 4.0;
        let yy = y(v);
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            yy + 3.0,
            number(v)
        );
    }
    for d in &dates {
        let label = if d.is_empty() { "—" } else { d };
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
            x(d),
            HEIGHT - BOTTOM + 16.0,
            escape(label)
        );
    }
    let _ = write!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\">report date</text>",
        LEFT + plot_w / 2.0,
        HEIGHT - 6.0
    );
    for (k, (source, pts)) in by_source.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        // one line through the source's largest figure of each report date (its toll as it
        // grew; the smaller figures of a date count parts of it and stand as points)
        let mut largest: BTreeMap<&str, f64> = BTreeMap::new();
        for p in pts {
            let v = top_of(p).unwrap_or(0.0);
            let e = largest.entry(p.reported.as_str()).or_insert(v);
            *e = e.max(v);
        }
        let line: Vec<(f64, f64)> = largest.iter().map(|(d, v)| (x(d), y(*v))).collect();
        if line.len() > 1 {
            let path: Vec<String> = line.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect();
            let _ = write!(
                s,
                "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{}\"/>",
                path.join(" ")
            );
        }
        for p in pts {
            let px = x(&p.reported);
            let title = format!(
                "{}: {} ({})",
                source,
                match (p.value, p.min, p.max) {
                    (Some(v), _, _) => number(v),
                    (None, Some(a), Some(b)) => format!("{}–{}", number(a), number(b)),
                    (None, Some(a), None) => format!("≥ {}", number(a)),
                    (None, None, Some(b)) => format!("≤ {}", number(b)),
                    _ => String::new(),
                },
                if p.reported.is_empty() {
                    "—"
                } else {
                    &p.reported
                }
            );
            let shape = match (p.value, p.min, p.max) {
                (Some(v), _, _) => format!(
                    "<circle cx=\"{px:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{colour}\">",
                    y(v)
                ),
                (None, Some(a), Some(b)) => format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"{:.1}\" fill=\"{colour}\">",
                    px - 3.0,
                    y(b),
                    (y(a) - y(b)).max(1.0)
                ),
                (None, Some(a), None) => {
                    let c = y(a);
                    format!(
                        "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{colour}\">",
                        px,
                        c - 5.0,
                        px - 5.0,
                        c + 4.0,
                        px + 5.0,
                        c + 4.0
                    )
                }
                (None, None, Some(b)) => {
                    let c = y(b);
                    format!(
                        "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{colour}\">",
                        px,
                        c + 5.0,
                        px - 5.0,
                        c - 4.0,
                        px + 5.0,
                        c - 4.0
                    )
                }
                _ => continue,
            };
            let end = if shape.starts_with("<circle") {
                "</circle>"
            } else if shape.starts_with("<rect") {
                "</rect>"
            } else {
                "</polygon>"
            };
            let _ = write!(s, "{shape}<title>{}</title>{end}", escape(&title));
        }
        // legend below the axis
        let ly = HEIGHT + 12.0 + 16.0 * k as f64;
        let _ = write!(
            s,
            "<rect x=\"{LEFT}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{}</text>",
            ly - 9.0,
            LEFT + 16.0,
            ly,
            escape(source)
        );
    }
    s.push_str("</svg>");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(source: &str, reported: &str, value: Option<f64>, min: Option<f64>) -> LedgerPoint {
        LedgerPoint {
            source: source.into(),
            reported: reported.into(),
            value,
            min,
            max: None,
        }
    }

    #[test]
    fn each_source_is_a_series_and_bounds_are_arrow_heads() {
        let points = [
            pt("SDF", "2022-01-24", Some(175.0), None),
            pt("unattributed", "2022-01-27", None, Some(200.0)),
            pt("SDF", "2022-01-27", Some(180.0), None),
        ];
        let svg = ledger_chart("Killed", &points).expect("a chart");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
        // the line joins one point per date: two dates, two points
        let line = svg
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(line.split(' ').count(), 2, "{line}");
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
        assert_eq!(svg.matches("<polygon").count(), 1, "{svg}");
        assert!(svg.contains(">unattributed<") && svg.contains("≥ 200"));
        // same input, same bytes
        assert_eq!(Some(svg), ledger_chart("Killed", &points));
        assert!(ledger_chart("Killed", &[pt("x", "", None, None)]).is_none());
    }

    #[test]
    fn names_are_escaped() {
        let svg = ledger_chart("Killed", &[pt("<b>", "2022-01-24", Some(3.0), None)]).unwrap();
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
    }

    #[test]
    fn the_axis_ends_at_a_round_number() {
        assert_eq!(nice_ceiling(175.0), 200.0);
        assert_eq!(nice_ceiling(3.0), 5.0);
        assert_eq!(nice_ceiling(800.0), 1000.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }
}
