//! Dates in the forms Arabic news uses, and year inference.

use athar::extract::dates::{find_dates, infer_year};
use athar::lexicon::Lexicon;
use athar::model::DateValue;
use athar::text::{analyze, Document};
use chrono::NaiveDate;

fn dates(s: &str, as_of: &str) -> Vec<(String, bool)> {
    let lex = Lexicon::builtin().unwrap();
    let doc = Document::new("t.txt", s.to_string());
    let as_of = NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap();
    find_dates(&lex, &analyze(&doc, &lex.proclitics), as_of)
        .into_iter()
        .map(|d| (d.value.lexical(), d.inferred))
        .collect()
}

#[test]
fn numeric_and_written_dates() {
    assert_eq!(
        dates("تم النشر: 2022/01/28 الساعة 07:49", "2026-11-22"),
        [("2022-01-28".to_string(), false)]
    );
    assert_eq!(
        dates("في 21/01/2026 قال", "2026-11-22"),
        [("2026-01-21".to_string(), false)]
    );
    assert_eq!(
        dates("كييف- 24 يناير 2022-قالت", "2026-11-22"),
        [("2022-01-24".to_string(), false)]
    );
    assert_eq!(
        dates("يوم الخميس ٢٧ يناير/كانون الثاني ٢٠٢٢ قوات", "2026-11-22"),
        [("2022-01-27".to_string(), false)]
    );
    assert_eq!(
        dates("أواخر شهر مارس (آذار) من عام 2019", "2026-11-22"),
        [("2019-03".to_string(), false)]
    );
}

#[test]
fn a_missing_year_comes_from_the_weekday() {
    // Friday 23 January: 2026 (not 2015, the one before)
    assert_eq!(
        dates("اليوم الجمعة 23 كانون الثاني/يناير، لاستقبال", "2026-11-22"),
        [("2026-01-23".to_string(), true)]
    );
    // no later than the reference date
    assert_eq!(
        infer_year(
            1,
            23,
            Some(5),
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
        ),
        NaiveDate::from_ymd_opt(2015, 1, 23)
    );
    // without a weekday: the most recent such day
    assert_eq!(
        infer_year(3, 1, None, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
        NaiveDate::from_ymd_opt(2025, 3, 1)
    );
}

#[test]
fn a_month_without_a_year_after_a_word_of_its_part() {
    // late January before a reference date in February: this year's
    assert_eq!(
        dates("منذ أواخر كانون الثاني/يناير تصعيداً", "2026-02-23"),
        [("2026-01".to_string(), true)]
    );
    // a month after the reference month: last year's
    assert_eq!(
        dates("في منتصف آذار الماضي", "2026-02-23"),
        [("2025-03".to_string(), true)]
    );
    // a month's name with no word of its part before it is no date («تموز» a name, «مارس» a verb)
    assert!(dates("وقال إن آذار كان شهراً صعباً", "2026-02-23").is_empty());
    assert!(dates("مارس الضغط على الحكومة", "2026-02-23").is_empty());
}

#[test]
fn numbers_that_are_not_dates() {
    assert!(dates("قتل 27 مقاتلا و 5 مدنيين", "2026-11-22").is_empty());
    let lex = Lexicon::builtin().unwrap();
    let _ = DateValue::Year(2019).lexical();
    let _ = lex;
}
