//! Dates as Arabic news writes them: `2022/01/28`, `21/01/2026`, `24 يناير 2022`,
//! `الجمعة 23 كانون الثاني/يناير`, `مارس (آذار) من عام 2019`. A missing year is inferred: the
//! most recent year, not after the reference date, in which the day falls on the weekday given.

use chrono::{Datelike, NaiveDate};

use crate::lexicon::{Fw, Lexicon};
use crate::model::{DateMention, DateValue};
use crate::text::{Reading, Text};

fn number(w: &str) -> Option<u32> {
    (w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 4)
        .then(|| w.parse().ok())
        .flatten()
}

fn month_at(lex: &Lexicon, text: &Text, i: usize) -> Option<(u32, usize)> {
    // longest first, the first word through a one-letter proclitic at most («وأيار»)
    lex.months
        .at(text, i, 1)
        .first()
        .map(|m| (*m.value(), m.end))
}

/// The most recent year ≤ the reference whose `month/day` is ≤ the reference and falls on the
/// weekday, if one is given.
pub fn infer_year(
    month: u32,
    day: u32,
    weekday: Option<u32>,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    (as_of.year() - 30..=as_of.year()).rev().find_map(|y| {
        let d = NaiveDate::from_ymd_opt(y, month, day)?;
        let ok = d <= as_of && weekday.is_none_or(|w| d.weekday().number_from_monday() == w);
        ok.then_some(d)
    })
}

/// Dates whose year the text leaves out, read again against the article's own day once it is
/// known: «منذ أواخر سبتمبر الماضي» in an article of November 2024 is September 2024, not the
/// September before the day athar runs.
pub fn anchor_to(dates: &mut [DateMention], day: NaiveDate) {
    for d in dates.iter_mut().filter(|d| d.inferred) {
        d.value = match d.value {
            DateValue::Month(_, m) => {
                let y = if m <= day.month() {
                    day.year()
                } else {
                    day.year() - 1
                };
                DateValue::Month(y, m)
            }
            DateValue::Day(x) => match infer_year(x.month(), x.day(), d.weekday, day) {
                Some(again) => DateValue::Day(again),
                None => d.value,
            },
            v => v,
        };
    }
}

/// Every date in the text.
pub fn find_dates(lex: &Lexicon, text: &Text, as_of: NaiveDate) -> Vec<DateMention> {
    let toks = &text.tokens;
    let n = toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    let chars = &text.norm.chars;
    let sep = |a: usize| {
        // the characters between token a-1 and a are one of / - .
        let gap: String = chars[toks[a - 1].end..toks[a].start]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        matches!(gap.as_str(), "/" | "-" | ".")
    };
    while i < n {
        let weekday = lex.weekdays.get(&toks[i].text).copied().or_else(|| {
            text.readings(i).iter().find_map(
                |Reading {
                     skip: k, word: v, ..
                 }| (*k <= 1).then(|| lex.weekdays.get(v).copied()).flatten(),
            )
        });
        let j = if weekday.is_some() { i + 1 } else { i };
        // numeric: 2022/01/28 or 28/01/2022
        if j + 2 < n && sep(j + 1) && sep(j + 2) {
            if let (Some(a), Some(b), Some(c)) = (
                number(&toks[j].text),
                number(&toks[j + 1].text),
                number(&toks[j + 2].text),
            ) {
                let d = if toks[j].text.len() == 4 {
                    NaiveDate::from_ymd_opt(a as i32, b, c)
                } else if toks[j + 2].text.len() == 4 {
                    NaiveDate::from_ymd_opt(c as i32, b, a)
                } else {
                    None
                };
                if let Some(d) = d {
                    out.push(DateMention {
                        first: i,
                        last: j + 3,
                        value: DateValue::Day(d),
                        inferred: false,
                        weekday,
                    });
                    i = j + 3;
                    continue;
                }
            }
        }
        // 24 يناير 2022, الجمعة 23 كانون الثاني/يناير
        if let Some(day) = toks
            .get(j)
            .and_then(|t| number(&t.text))
            .filter(|d| (1..=31).contains(d) && toks[j].text.len() <= 2)
        {
            if let Some((month, mut k)) = month_at(lex, text, j + 1) {
                // a second month name: كانون الثاني/يناير or يناير (كانون الثاني)
                if let Some((_, k2)) = month_at(lex, text, k) {
                    k = k2;
                }
                let year = toks
                    .get(k)
                    .and_then(|t| number(&t.text))
                    .filter(|y| (1900..=2100).contains(y));
                let (value, last, inferred) = match year {
                    Some(y) => match NaiveDate::from_ymd_opt(y as i32, month, day) {
                        Some(d) => (Some(DateValue::Day(d)), k + 1, false),
                        None => (None, k, false),
                    },
                    None => (
                        infer_year(month, day, weekday, as_of).map(DateValue::Day),
                        k,
                        true,
                    ),
                };
                if let Some(value) = value {
                    out.push(DateMention {
                        first: i,
                        last,
                        value,
                        inferred,
                        weekday,
                    });
                    i = last;
                    continue;
                }
            }
        }
        // مارس (آذار) من عام 2019
        if let Some((month, mut k)) = month_at(lex, text, i) {
            if let Some((_, k2)) = month_at(lex, text, k) {
                k = k2;
            }
            while k < n && k < i + 6 && lex.is(Fw::YearLink, &toks[k].text) {
                k += 1;
            }
            if let Some(y) = toks
                .get(k)
                .and_then(|t| number(&t.text))
                .filter(|y| (1900..=2100).contains(y) && toks[k].text.len() == 4)
            {
                out.push(DateMention {
                    first: i,
                    last: k + 1,
                    value: DateValue::Month(y as i32, month),
                    inferred: false,
                    weekday: None,
                });
                i = k + 1;
                continue;
            }
            // «منذ أواخر كانون الثاني»: a month without a year, after a word of a month's part,
            // is the last such month not after the reference date
            let part = i > 0
                && text
                    .readings(i - 1)
                    .iter()
                    .any(|r| r.skip <= 1 && lex.is(Fw::MonthPart, &r.word));
            if part {
                let y = if month <= as_of.month() {
                    as_of.year()
                } else {
                    as_of.year() - 1
                };
                out.push(DateMention {
                    first: i,
                    last: k,
                    value: DateValue::Month(y, month),
                    inferred: true,
                    weekday: None,
                });
                i = k;
                continue;
            }
        }
        i += 1;
    }
    out
}
