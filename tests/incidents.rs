//! Incidents: reports of one happening in different articles share one `ath:Incident`; reports
//! of different places or weeks apart do not; the IRI does not depend on the order of reading.

use athar::lexicon::Lexicon;
use athar::model::Resolution;
use athar::pipeline::analyze_corpus;

use athar::text::Document;
use chrono::NaiveDate;

fn incidents(docs: &[(&str, &str)]) -> (Resolution, Vec<athar::model::ArticleFacts>) {
    let lex = Lexicon::builtin().unwrap();
    let docs = docs
        .iter()
        .map(|(n, t)| Document::new(*n, t.to_string()))
        .collect();
    let (arts, res) = analyze_corpus(&lex, docs, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    (res, arts)
}

/// The incident IRIs each article's events carry.
fn of(res: &Resolution, arts: &[athar::model::ArticleFacts], file: &str) -> Vec<String> {
    let a = arts.iter().find(|a| a.doc.source_file == file).unwrap();
    a.events
        .iter()
        .filter_map(|e| {
            res.incident_of
                .get(&(a.doc.sha256.clone(), (e.start, e.end)))
                .map(|&k| res.incidents[k].iri.clone())
        })
        .collect()
}

const A: &str = "هجوم على سجن غويران في الحسكة\nالحسكة 21 كانون الثاني 2022\nشن تنظيم داعش هجوما على سجن غويران في مدينة الحسكة يوم الخميس 20 كانون الثاني 2022.\n";
const B: &str = "اشتباكات قرب سجن الصناعة\nالحسكة 24 كانون الثاني 2022\nتواصلت الاشتباكات بين قوات سوريا الديمقراطية وعناصر داعش في محيط سجن الصناعة في الحسكة يوم الأحد 23 كانون الثاني 2022.\n";
const C: &str = "هجوم على سجن الأقطان\nالرقة 20 كانون الثاني 2026\nهاجمت هيئة تحرير الشام سجن الأقطان في مدينة الرقة يوم الاثنين 19 كانون الثاني 2026.\n";

#[test]
fn reports_of_one_happening_share_an_incident() {
    let (res, arts) = incidents(&[("a.txt", A), ("b.txt", B), ("c.txt", C)]);
    let (a, b, c) = (
        of(&res, &arts, "a.txt"),
        of(&res, &arts, "b.txt"),
        of(&res, &arts, "c.txt"),
    );
    assert!(
        !a.is_empty() && !b.is_empty() && !c.is_empty(),
        "{a:?} {b:?} {c:?}"
    );
    // one outlet's attack and another's clashes at the same prison three days later
    assert!(a.iter().any(|i| b.contains(i)), "{a:?} {b:?}");
    // another prison, four years later
    assert!(c.iter().all(|i| !a.contains(i)), "{a:?} {c:?}");
    let inc = res.incidents.iter().find(|i| a.contains(&i.iri)).unwrap();
    assert_eq!(inc.reports, 2);
    // from the attack's own day to the last report's (the clash's own day, else its report's)
    let (first, last) = inc.span.unwrap();
    assert_eq!(first, NaiveDate::from_ymd_opt(2022, 1, 20).unwrap());
    assert!(
        (NaiveDate::from_ymd_opt(2022, 1, 23).unwrap()
            ..=NaiveDate::from_ymd_opt(2022, 1, 24).unwrap())
            .contains(&last),
        "{last}"
    );
}

#[test]
fn an_incident_does_not_depend_on_the_order_of_reading() {
    let (r1, a1) = incidents(&[("a.txt", A), ("b.txt", B), ("c.txt", C)]);
    let (r2, a2) = incidents(&[("c.txt", C), ("b.txt", B), ("a.txt", A)]);
    for f in ["a.txt", "b.txt", "c.txt"] {
        assert_eq!(of(&r1, &a1, f), of(&r2, &a2, f), "{f}");
    }
}

#[test]
fn a_site_nobody_listed_lies_in_the_town_the_report_names() {
    // one report places the shelling at a school no gazetteer knows, in the town; the other at
    // the town: one happening
    let d = "قصف على مدرسة في الفاشر\nالفاشر 15 يونيو 2025\nقصفت قوات الدعم السريع مدرسة النور في مدينة الفاشر يوم الأحد 15 يونيو 2025 ما أدى إلى مقتل سبعة مدنيين.\n";
    let e = "ارتفاع حصيلة قصف الفاشر\nالفاشر 16 يونيو 2025\nارتفعت حصيلة القصف الذي شنته قوات الدعم السريع على مدينة الفاشر يوم الأحد 15 يونيو 2025 إلى تسعة قتلى.\n";
    let (res, arts) = incidents(&[("d.txt", d), ("e.txt", e)]);
    let (x, y) = (of(&res, &arts, "d.txt"), of(&res, &arts, "e.txt"));
    assert!(!x.is_empty() && !y.is_empty(), "{x:?} {y:?}");
    assert!(x.iter().any(|i| y.contains(i)), "{x:?} {y:?}");
}

#[test]
fn one_article_one_day_one_happening_unless_the_places_disagree() {
    // a shelling of a site nobody listed and an attack on the town, the same day: one incident;
    // a strike the same day on another known town: another
    let d = "اشتباكات في الفاشر\nالفاشر 15 يونيو 2025\nاندلعت اشتباكات بين الجيش السوداني وقوات الدعم السريع في مدينة الفاشر يوم الأحد 15 يونيو 2025.\nواستهدفت غارة بطائرة مسيرة سوق نيفاشا يوم الأحد 15 يونيو 2025.\nوفي اليوم نفسه اندلعت اشتباكات بين الجيش السوداني والحركة الشعبية لتحرير السودان - شمال في مدينة كادقلي.\n";
    let (res, arts) = incidents(&[("d.txt", d)]);
    let x = of(&res, &arts, "d.txt");
    assert!(x.len() >= 3, "{x:?}");
    assert_eq!(x[0], x[1], "{x:?}");
    assert_ne!(x[0], x[2], "{x:?}");
}

#[test]
fn two_towns_of_one_province_are_not_one_happening() {
    // a clash placed only in a province, and an attack on a town of it days later
    let d = "اشتباكات في خيبر بختونخوا\nبيشاور 14 كانون الثاني 2026\nاندلعت اشتباكات بين الجيش الباكستاني وحركة طالبان باكستان في إقليم خيبر بختونخوا يوم الثلاثاء 13 كانون الثاني 2026.\n";
    let e = "هجوم على مركز للشرطة في ديرة إسماعيل خان\nبيشاور 20 كانون الثاني 2026\nهاجمت حركة طالبان باكستان مركزاً للشرطة في مدينة ديرة إسماعيل خان بإقليم خيبر بختونخوا يوم الاثنين 19 كانون الثاني 2026.\n";
    let (res, arts) = incidents(&[("d.txt", d), ("e.txt", e)]);
    let (d, e) = (of(&res, &arts, "d.txt"), of(&res, &arts, "e.txt"));
    assert!(!d.is_empty() && !e.is_empty(), "{d:?} {e:?}");
    assert!(d.iter().all(|i| !e.contains(i)), "{d:?} {e:?}");
}

#[test]
fn a_month_long_past_is_background_not_news_of_the_report() {
    // two articles a week apart recall the January 2022 attack on Ghwayran prison; that is no
    // happening they report
    let d = "تقرير\nالحسكة 26 شباط 2026\nتسلمت وزارة الداخلية سجن الصناعة. وكان تنظيم داعش قد شن في كانون الثاني 2022 هجوماً على سجن الصناعة في حي غويران بمدينة الحسكة.\n";
    let e = "تقرير\nالحسكة 5 آذار 2026\nوعقدت اللجنة اجتماعاً في الحسكة. وشن تنظيم داعش في كانون الثاني 2022 هجوماً على سجن الصناعة في حي غويران بمدينة الحسكة.\n";
    let (res, arts) = incidents(&[("d.txt", d), ("e.txt", e)]);
    let (x, y) = (of(&res, &arts, "d.txt"), of(&res, &arts, "e.txt"));
    assert!(x.iter().all(|i| !y.contains(i)), "{x:?} {y:?}");
    // a month that has just ended is still the report's news
    let f = "تقرير\nالحسكة 3 شباط 2026\nشن تنظيم داعش في كانون الثاني الماضي هجوماً على سجن الصناعة في حي غويران بمدينة الحسكة.\n";
    let g = "تقرير\nالحسكة 5 شباط 2026\nشن تنظيم داعش هجوماً على سجن الصناعة في حي غويران بمدينة الحسكة.\n";
    let (res, arts) = incidents(&[("f.txt", f), ("g.txt", g)]);
    let (x, y) = (of(&res, &arts, "f.txt"), of(&res, &arts, "g.txt"));
    assert!(x.iter().any(|i| y.contains(i)), "{x:?} {y:?}");
}
