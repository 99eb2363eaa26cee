//! Figures: number forms, qualifiers, what is counted, whose members, who said it — and what is
//! not a figure (years, ages, ordinals, times, phone numbers).

use athar::extract::extract;
use athar::lexicon::Lexicon;
use athar::model::{ArticleFacts, EntityRef, Quantity};

use athar::text::Document;
use athar::vocab::{Measure, Qualifier, Unit};
use chrono::NaiveDate;

/// One text, read with `lex` as of the tests' reference date.
fn read(lex: &Lexicon, text: &str) -> ArticleFacts {
    extract(
        lex,
        Document::new("t.txt", text.to_string()),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    )
}

/// The label of what a role of a figure names (its source, group or place), for the figure whose
/// value or lower bound is `v`.
fn figure_role(
    a: &ArticleFacts,
    v: f64,
    role: impl Fn(&Quantity) -> Option<&EntityRef>,
) -> Option<String> {
    let e = role(figure_of(a, v)?)?;
    a.rec
        .mentions
        .iter()
        .find(|m| &m.entity == e)
        .map(|m| m.label.clone())
}

/// The figure whose value or lower bound is `v`.
fn figure_of(a: &ArticleFacts, v: f64) -> Option<&Quantity> {
    a.quantities
        .iter()
        .find(|q| q.value == Some(v) || q.min == Some(v))
}

fn figures(s: &str) -> Vec<Quantity> {
    read(&Lexicon::builtin().unwrap(), s).quantities
}

/// The measure of the figure whose value or lower bound is `v`.
fn measure_of(s: &str, v: f64) -> Option<Measure> {
    measure_and_unit(s, v).map(|(m, _)| m)
}

/// The measure and unit of the figure whose value or lower bound is `v`.
fn measure_and_unit(s: &str, v: f64) -> Option<(Measure, Option<Unit>)> {
    figures(s)
        .into_iter()
        .find(|q| q.value == Some(v) || q.min == Some(v))
        .map(|q| (q.measure, q.unit))
}

/// (value, min, max) of the only figure.
fn one(s: &str) -> (Option<f64>, Option<f64>, Option<f64>, Measure, Qualifier) {
    let f = figures(s);
    assert_eq!(f.len(), 1, "{s}: {f:?}");
    (f[0].value, f[0].min, f[0].max, f[0].measure, f[0].qualifier)
}

#[test]
fn digits_and_number_words() {
    use Measure::*;
    use Qualifier::*;
    assert_eq!(
        one("قتل 27 مقاتلا في الهجوم."),
        (Some(27.0), None, None, Killed, Exact)
    );
    assert_eq!(
        one("قتل ٢٧ مقاتلا في الهجوم."),
        (Some(27.0), None, None, Killed, Exact)
    );
    assert_eq!(
        one("فر 1,200 سجين من السجن."),
        (Some(1200.0), None, None, Escaped, Exact)
    );
    assert_eq!(
        one("أجبر القتال 45 ألف شخص على الفرار من منازلهم."),
        (Some(45000.0), None, None, Displaced, Exact)
    );
    // «ألف» and its dual begin with the letters of the article but are no definite number
    assert_eq!(
        one("قتل ألف شخص في المعارك."),
        (Some(1000.0), None, None, Killed, Exact)
    );
    assert_eq!(
        one("نزح ألفين شخص خلال أسبوع."),
        (Some(2000.0), None, None, Displaced, Exact)
    );
    // the displaced a shelter holds
    assert_eq!(
        one("كانت المدرسة تؤوي ألفي نازح."),
        (Some(2000.0), None, None, Displaced, Exact)
    );
    assert_eq!(
        one("ألقت القوات القبض على ثلاثة عناصر من التنظيم."),
        (Some(3.0), None, None, Captured, Exact)
    );
    assert_eq!(
        one("ألقت القوات القبض على ثلاث نساء."),
        (Some(3.0), None, None, Captured, Exact)
    );
    assert_eq!(
        one("قتل سبعة من عناصرها."),
        (Some(7.0), None, None, Killed, Exact)
    );
    assert_eq!(
        one("قالت إن اثنين من المقاتلين قتلا."),
        (Some(2.0), None, None, Killed, Exact)
    );
    assert_eq!(
        one("هاجم عشرين مسلحا القرية."),
        (Some(20.0), None, None, Fighters, Exact)
    );
    assert_eq!(
        one("هاجم خمسة وعشرون مسلحا القرية."),
        (Some(25.0), None, None, Fighters, Exact)
    );
    assert_eq!(
        one("قتل أحد عشر مدنيا."),
        (Some(11.0), None, None, Killed, Exact)
    );
    assert_eq!(
        one("يضم السجن مئة معتقل."),
        (Some(100.0), None, None, Held, Exact)
    );
    assert_eq!(
        one("يضم السجن مائة معتقل."),
        (Some(100.0), None, None, Held, Exact)
    );
    // (a camp's displaced are displaced, not detained)
    assert_eq!(
        one("يضم المخيم ثلاثة آلاف نازح."),
        (Some(3000.0), None, None, Displaced, Exact)
    );
    assert_eq!(
        one("يبلغ عدد سكانها مليون نسمة."),
        (Some(1_000_000.0), None, None, Population, Exact)
    );
}

#[test]
fn vague_quantities_are_bounds_not_numbers() {
    use Measure::*;
    assert_eq!(
        one("قتل العشرات في السجن."),
        (None, Some(20.0), None, Killed, Qualifier::AtLeast)
    );
    // (prisoners fleeing are escaping; civilians fleeing an area, with no prison named, are
    // displaced)
    assert_eq!(
        one("فر 20 سجيناً من السجن المركزي."),
        (Some(20.0), None, None, Escaped, Qualifier::Exact)
    );
    assert_eq!(
        one("فر مئات المدنيين من المنطقة."),
        (None, Some(200.0), None, Displaced, Qualifier::AtLeast)
    );
    // displaced people in a camp are counted as displaced
    assert_eq!(
        one("يضم المخيم آلاف النازحين."),
        (None, Some(2000.0), None, Displaced, Qualifier::AtLeast)
    );
    assert_eq!(
        one("نزح عشرات الآلاف من السكان."),
        (None, Some(20000.0), None, Displaced, Qualifier::AtLeast)
    );
}

#[test]
fn qualifiers_and_ranges() {
    use Measure::*;
    use Qualifier::*;
    assert_eq!(
        one("يضم قرابة 2000 معتقل."),
        (Some(2000.0), None, None, Held, Approximately)
    );
    assert_eq!(
        one("وصلت لنحو 1200 عائلة."),
        (Some(1200.0), None, None, Displaced, Approximately)
    );
    assert_eq!(
        one("حوالي 700 جندي في القاعدة."),
        (Some(700.0), None, None, Fighters, Approximately)
    );
    assert_eq!(
        one("قتل 200 على الأقل من النزلاء."),
        (None, Some(200.0), None, Killed, AtLeast)
    );
    assert_eq!(
        one("اعتقلت أكثر من 100 سجين فروا."),
        (None, Some(100.0), None, Captured, MoreThan)
    );
    assert_eq!(
        one("بعدد يفوق 4000 نازح."),
        (None, Some(4000.0), None, Displaced, MoreThan)
    );
    assert_eq!(
        one("واجهوا ما يصل إلى 90 من المقاتلين."),
        (None, None, Some(90.0), Fighters, AtMost)
    );
    assert_eq!(
        one("شارك ما يتراوح بين 100 و120 عنصرا."),
        (None, Some(100.0), Some(120.0), Fighters, Range)
    );
    assert_eq!(
        one("يتحصن ما بين 150 و 200 مسلح."),
        (None, Some(150.0), Some(200.0), Fighters, Range)
    );
}

#[test]
fn units_and_duals() {
    let f = figures("استمرت المعركة سبعة أيام متواصلة.");
    assert_eq!(
        (f[0].value, f[0].measure, f[0].unit),
        (Some(7.0), Measure::Duration, Some(Unit::Day))
    );
    let f = figures("ترك النار في الهواء لمدة يومين.");
    assert_eq!((f[0].value, f[0].unit), (Some(2.0), Some(Unit::Day)));
    let f = figures("فجرا شاحنتين عند البوابة.");
    assert_eq!(
        (f[0].value, f[0].measure, f[0].unit),
        (Some(2.0), Measure::Other, Some(Unit::Vehicle))
    );
    let f = figures("تقع ضمن مساحة تقدر بنحو كيلومترين.");
    assert_eq!((f[0].value, f[0].unit), (Some(2.0), Some(Unit::Kilometre)));
    let f = figures("كان يحضر للهجمات منذ 6 أشهر.");
    assert_eq!((f[0].value, f[0].unit), (Some(6.0), Some(Unit::Month)));
}

#[test]
fn not_figures() {
    // years, dates, times, ordinals, phone-like numbers, percentages
    assert!(figures("سقطت الخلافة في عام 2019.").is_empty());
    assert!(figures("تم النشر: 2022/01/28 الساعة 07:49 بتوقيت غرينتش").is_empty());
    assert!(figures("استمرت الاشتباكات لليوم الرابع على التوالي.").is_empty());
    assert!(figures("للتواصل اتصلوا على الرقم 0933123456 أو 963944555666.").is_empty());
    assert!(figures("ارتفعت الأسعار 30% هذا الشهر.").is_empty());
    assert!(figures("تشكلت في مطلع شهر أكتوبر (تشرين الأول) من العام 2015.").is_empty());
    assert!(figures("تحصنوا في أحد مباني السجن الثلاثة.").is_empty());
    // a unit's number is its name
    assert!(figures("استهدفت نقطة مراقبة تابعة للواء 28 في الحشد الشعبي.").is_empty());
    assert!(figures("وذكرت الخلية أن النقطة يمسكها اللواء 53.").is_empty());
    assert_eq!(
        figures("قتل ثلاثة من عناصر اللواء 53 في الهجوم.").len(),
        1,
        "the figure before the unit stays"
    );
    // an age is not a duration and not a casualty figure
    let f = figures("بما في ذلك أكثر من 600 ممن تقل أعمارهم عن 18 عامًا.");
    let age = f
        .iter()
        .find(|q| q.value == Some(18.0))
        .expect("the age is kept as Other");
    assert_eq!(age.measure, Measure::Other);
}

#[test]
fn group_and_speaker() {
    let lex = Lexicon::builtin().unwrap();
    let a = read(&lex, "وقال سيامند علي إن «الهجوم بدأ بمشاركة 100 عنصر من تنظيم داعش».\nوتابع: «ألقينا القبض على 110 من عناصر التنظيم».\nوقالت منظمة الأمم المتحدة للطفولة (يونيسيف) إن القتال أجبر 45 ألف شخص على الفرار من منازلهم.");
    let id = |e: &Option<athar::model::EntityRef>| match e {
        Some(athar::model::EntityRef::Known(i)) => lex.gazetteer[*i].id.clone(),
        other => format!("{other:?}"),
    };
    let q: Vec<(Option<f64>, String, String)> = a
        .quantities
        .iter()
        .map(|q| (q.value, id(&q.group), id(&q.reported_by)))
        .collect();
    assert_eq!(
        q,
        [
            (Some(100.0), "islamic_state".into(), "siamand_ali".into()),
            (Some(110.0), "islamic_state".into(), "siamand_ali".into()),
            (Some(45000.0), "None".into(), "unicef".into()),
        ]
    );
}

#[test]
fn who_gives_a_figure() {
    let lex = Lexicon::builtin().unwrap();
    let a = read(&lex, "أعلن الناطق باسم وزارة الصحة في حكومة ولاية الخرطوم، الدكتور سامي عبد الرحيم، ارتفاع حصيلة القصف إلى 15 قتيلاً.\nالهلال الأحمر الفلسطيني: طواقمنا نقلت 4 جرحى إلى المستشفى.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    // the spokesman named after his title and a long organisation name
    assert_eq!(speaker(15.0).as_deref(), Some("سامي عبد الرحيم"));
    // a line that opens with a name and a colon is its statement
    assert_eq!(speaker(4.0).as_deref(), Some("الهلال الأحمر الفلسطيني"));
    // a speaker nobody named, telling an outlet, is known through the outlet (not the army
    // quoted before)
    let b = read(&lex, "خبر\n\nأعلن الجيش الباكستاني مقتل خمسة جنود في الهجوم.\n\nغير أن مسؤولاً في الإدارة المحلية قال لوكالة فرانس برس، طالباً عدم كشف هويته، إن حصيلة القتلى ارتفعت إلى 12.\n");
    assert_eq!(
        figure_role(&b, 12.0, |q| q.reported_by.as_ref()).as_deref(),
        Some("وكالة فرانس برس")
    );
    // a live blog's line: a time stamp, a title and the name it introduces, then a colon
    let a = read(&lex, "خبر\n\n06:20 — المتحدث باسم الشرطة الصومالية في بيدوا، الرائد عبد القادر معلم نور: سقطت قذائف على سوق المواشي ما أدى إلى مقتل ثلاثة مدنيين.\n\n07:30 — مقتل خمسة في مدينة أخرى لـ«وكالة الأنباء»: لا تفاصيل.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert_eq!(speaker(3.0).as_deref(), Some("عبد القادر معلم نور"));
    assert_eq!(speaker(5.0), None);
    // a line that opens with a word for a statement and whose it is, then a colon
    let a = read(
        &lex,
        "خبر\n\n10:10 — بيان لقوات سوريا الديمقراطية: أصيب عنصران بجروح طفيفة جراء الشظايا.",
    );
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert!(
        speaker(2.0).is_some_and(|s| s.contains("سوريا")),
        "{:?}",
        speaker(2.0)
    );
    // a hospital at a line's start speaks for itself; so does a body after a source in it or
    // after its office's head, and a body whose colon follows a phrase set off by a comma
    let a = read(
        &lex,
        "خبر\n\n07:30 | مجمع ناصر الطبي: وصول جثامين 6 شهداء منذ منتصف الليل.\n\n10:40 | مكتب أوتشا: نحو 320 عائلة نزحت خلال يومين.\n\n12:20 | وزارة الصحة في غزة، في تقريرها الإحصائي اليومي: وصل إلى المستشفيات 7 شهداء.\n\n15:10 | مصدر في مستشفى شهداء الأقصى: وصول 9 مصابين.",
    );
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref()).unwrap_or_default();
    assert!(speaker(6.0).contains("ناصر"), "{}", speaker(6.0));
    assert!(speaker(320.0).contains("أوتشا"), "{}", speaker(320.0));
    assert!(speaker(7.0).contains("وزارة الصحة"), "{}", speaker(7.0));
    assert!(speaker(9.0).contains("الأقصى"), "{}", speaker(9.0));
    // (a place named at a line's start with a comma, then other words and a colon, said nothing)
    let a = read(
        &lex,
        "خبر\n\nخان يونس، المدينة المحاصرة: قتل 4 مدنيين في قصف.",
    );
    assert_eq!(figure_role(&a, 4.0, |q| q.reported_by.as_ref()), None);
    // «وأوضح أن …» with no one named goes on with the one who spoke before; the impersonal
    // «يذكر أن …» is the writer's
    let a = read(
        &lex,
        "خبر\n\nوقال اللواء أحمد المسماري في بيان إن الدورية تعرضت لهجوم.\n\nوأوضح أن المهاجمين، وعددهم نحو 15 مسلحاً، كانوا يستقلون سيارات.\n\nيذكر أن 40 مسلحاً هاجموا البلدة العام الماضي.",
    );
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert!(
        speaker(15.0).is_some_and(|s| s.contains("المسماري")),
        "{:?}",
        speaker(15.0)
    );
    assert_eq!(speaker(40.0), None);
    // the hospital a source in it speaks for
    let a = read(
        &lex,
        "خبر\n\nوقال مسؤول في مستشفى تربت التعليمي إن المستشفى استقبل جثامين 6 عسكريين.",
    );
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref()).unwrap_or_default();
    assert!(speaker(6.0).contains("مستشفى تربت"), "{}", speaker(6.0));
    // «قيادة شرطة الولاية» is the body named with the province in full
    let a = read(
        &lex,
        "قتل تسعة أشخاص في تفجير في مدينة مزار شريف، عاصمة ولاية بلخ، بحسب ما أعلنته قيادة شرطة الولاية.\n\nوقال المتحدث باسم قيادة شرطة ولاية بلخ إن المهاجم فجر سترته.",
    );
    let bodies: Vec<&EntityRef> = a
        .rec
        .mentions
        .iter()
        .filter(|m| m.label.contains("قيادة شرطة"))
        .map(|m| &m.entity)
        .collect();
    assert!(bodies.len() == 2 && bodies[0] == bodies[1], "{bodies:?}");
    // «وجاء في بيان X»: the body whose statement it is said it; «جاء» alone names nobody
    let a = read(&lex, "وجاء في بيان وزارة الصحة السودانية أن القصف أدى إلى استشهاد ١٢ مواطناً.\nوجاء الهجوم بعد يومين من مقتل ستة مدنيين.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert!(
        speaker(12.0).is_some_and(|s| s.contains("وزارة الصحة")),
        "{:?}",
        speaker(12.0)
    );
    assert_eq!(speaker(6.0), None);
    // a live blog's line: a time stamp, then who speaks and a colon
    let a = read(&lex, "خبر\n\n11:40 — «قسد»: أكثر من 1200 من سجناء التنظيم فرّوا من سجن الشدادي.\n\n12:05 — قال سكان إن الاشتباكات مستمرة وإن 3 مدنيين قتلوا.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert!(
        speaker(1200.0).is_some_and(|s| s.contains("قسد")),
        "{:?}",
        speaker(1200.0)
    );
    assert!(
        speaker(3.0).is_none_or(|s| !s.contains("قسد")),
        "{:?}",
        speaker(3.0)
    );
    // «وفق ما أفاد X» names its source after it, never the group named before it
    let a = read(&lex, "هاجم تنظيم داعش السجن.\nوارتفعت الحصيلة إلى 64 قتيلاً، بينهم 36 من عناصر تنظيم داعش، وفق ما أفاد المرصد السوري لحقوق الإنسان.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert_eq!(speaker(64.0).as_deref(), Some("المرصد السوري لحقوق الإنسان"));
    assert_eq!(speaker(36.0).as_deref(), Some("المرصد السوري لحقوق الإنسان"));
    // a body of a kind the article named in full before is the one a generic name refers to
    // («وزارة الصحة» after «وزارة الصحة الفلسطينية»), not the country's body of that kind
    let a = read(&lex, "نابلس - أعلنت وزارة الصحة الفلسطينية استشهاد شابين في مخيم بلاطة في الضفة الغربية.\nوبحسب إحصاء لوزارة الصحة، ارتفع عدد الشهداء في الضفة الغربية إلى أكثر من 1100 شهيد.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert_eq!(speaker(1100.0).as_deref(), Some("وزارة الصحة الفلسطينية"));
    // a speech verb with its object pronoun («وفق ما أعلنته …»), in the present tense
    // («وتقول المنظمة …»), or one that estimates («قدّرت المفوضية …»)
    let a = read(&lex, "ارتفعت حصيلة القصف إلى 12 قتيلاً، وفق ما أعلنته منظمة الصحة العالمية.\nوتقول المنظمة الدولية للهجرة إن أكثر من 5 آلاف شخص نزحوا.\nوقدّرت المفوضية السامية للأمم المتحدة لشؤون اللاجئين أن 800 شخص فروا.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert!(
        speaker(12.0).is_some_and(|s| s.contains("الصحة العالمية")),
        "{:?}",
        speaker(12.0)
    );
    assert!(
        speaker(5000.0).is_some_and(|s| s.contains("للهجرة")),
        "{:?}",
        speaker(5000.0)
    );
    assert!(
        speaker(800.0).is_some_and(|s| s.contains("اللاجئين")),
        "{:?}",
        speaker(800.0)
    );
    // «بحسب ما أعلنت X» after the figure outweighs a verb before it that claims the attack;
    // a verb whose statement holds the figure («قال X إن …») keeps it
    let a = read(&lex, "أعلن تنظيم الدولة مسؤوليته عن تفجير استهدف تجمعا في المدينة، ما أسفر عن مقتل 12 شخصا، بحسب ما أعلنت وزارة الداخلية الأفغانية.
وقال الجيش السوداني إن 30 مسلحا قتلوا في المعارك، بحسب وكالة الأنباء السودانية.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert_eq!(speaker(12.0).as_deref(), Some("وزارة الداخلية الأفغانية"));
    assert_eq!(speaker(30.0).as_deref(), Some("الجيش السوداني"));
    // a statement named before its issuer («بحسب إحصاء لوزارة الصحة»); «وأوضح البيان» goes on
    // with the speaker before
    let a = read(&lex, "وبحسب إحصاء لوزارة الصحة العامة، قُتل أكثر من 330 شخصاً منذ وقف إطلاق النار.\nوقال الجيش الباكستاني في بيان إن الهجوم صُدّ. وأوضح البيان أن 12 مسلحاً قتلوا.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert_eq!(speaker(330.0).as_deref(), Some("وزارة الصحة العامة"));
    assert_eq!(speaker(12.0).as_deref(), Some("الجيش الباكستاني"));
    // the outlet that carried a statement, in a clause about it, is not who said it
    let a = read(
        &lex,
        "وأعلنت وزارة الدفاع التركية، في بيان نقلته وكالة الأناضول، أن قواتها قتلت أربعة مسلحين.",
    );
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert_eq!(speaker(4.0).as_deref(), Some("وزارة الدفاع التركية"));
    // a relaying verb: the one after «عن» said it, not the agency that relays it
    let a = read(
        &lex,
        "ونقلت وكالة رووداو عن مصدر في وزارة شؤون البيشمركة أن حصيلة القتلى بلغت ستة جنود.",
    );
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert_eq!(speaker(6.0).as_deref(), Some("وزارة شؤون البيشمركة"));
    // a participle speaks for the speaker of the verb before it, not for the organisation in
    // his title
    let a = read(&lex, "وقال الناطق باسم جهاز الدفاع المدني، الرائد فادي سلامة، إن طواقمه انتشلت جثتين، مضيفاً أن المدرسة كانت تؤوي نحو ألفي نازح معظمهم من شمال القطاع.");
    let speaker = |v: f64| figure_role(&a, v, |q| q.reported_by.as_ref());
    assert_eq!(speaker(2000.0).as_deref(), Some("فادي سلامة"));
}

#[test]
fn whose_members_a_figure_counts_by_reference() {
    let lex = Lexicon::builtin().unwrap();
    let group = |text: &str, v: f64| figure_role(&read(&lex, text), v, |q| q.group.as_ref());
    // «منهم»: of the group the sentence named before
    assert_eq!(
        group(
            "وصدت القوات هجوما لعناصر حركة الشباب على القاعدة وقتلت سبعة منهم.",
            7.0
        )
        .as_deref(),
        Some("حركة الشباب")
    );
    // a noun of membership with a possessive: the group named last
    assert_eq!(
        group(
            "وتسللت مجموعة من تنظيم داعش يقدر عدد أفرادها بنحو 12 عنصرا إلى القرية.",
            12.0
        )
        .as_deref(),
        Some("تنظيم داعش")
    );
    // gunmen counted by a common noun are the attackers' («تحييد 17 إرهابيا»), not the
    // speaker's side
    let g = group(
        "هاجم مسلحون من حركة الشباب قاعدة للجيش الصومالي قرب مقديشو.\nوقال الجيش الصومالي إن قواته قتلت 17 إرهابيا.",
        17.0,
    );
    assert!(g.as_deref().is_some_and(|g| g.contains("الشباب")), "{g:?}");
    // «الحركة» after a noun of membership refers back to the movement named as
    // «مقاتلو حركة الشباب»
    let g = group(
        "شن مقاتلو حركة الشباب هجوما على القاعدة.\nوأضاف البيان أن 9 من مقاتلي الحركة قتلوا في المواجهات.",
        9.0,
    );
    assert!(g.as_deref().is_some_and(|g| g.contains("الشباب")), "{g:?}");
    // the attackers' own count of whom they killed counts the side they attacked
    let g = group(
        "شن مقاتلو حركة الشباب هجوما على قاعدة للجيش الصومالي قرب بلدوين.\nوالحركة تزعم قتل 47 في الهجوم.",
        47.0,
    );
    assert!(g.as_deref().is_some_and(|g| g.contains("الجيش")), "{g:?}");
    // (text, figure, the words one of which the group's label holds)
    for (text, v, of) in [
        // «منهم» after a figure in its sentence: of the group of that figure
        (
            "وأكد المتحدث مقتل 27 من مسلحي حركة الشباب تُركت جثث 14 منهم قرب القاعدة.",
            14.0,
            &["الشباب"][..],
        ),
        // soldiers a force counts in its own statement are its own, and so are the «others»
        // counted after them
        (
            "هاجم مسلحون من حركة الشباب بلدة أفمدو.\nوقالت قوات جوبالاند في بيان إنها صدت الهجوم، مؤكدة مقتل خمسة جنود وإصابة تسعة آخرين.",
            5.0,
            &["جوبالاند"][..],
        ),
        (
            "هاجم مسلحون من حركة الشباب بلدة أفمدو.\nوقالت قوات جوبالاند في بيان إنها صدت الهجوم، مؤكدة مقتل خمسة جنود وإصابة تسعة آخرين.",
            9.0,
            &["جوبالاند"][..],
        ),
        // «our fighters» in a force's statement
        (
            "وأقرت قوات سوريا الديمقراطية في بيان بـ«استشهاد ثلاثة من مقاتلينا» في الهجوم على الحاجز.",
            3.0,
            &["سوريا"][..],
        ),
        // a militant claim's «apostates of X» are X's members
        (
            "وزعم التنظيم أن عناصره قتلوا ثمانية من «مرتدي الأسايش» في الهجوم.",
            8.0,
            &["أسايش", "الأمن الداخلي"][..],
        ),
        // «من العسكريين» with no group: the army the article names
        (
            "هاجم مسلحون قاعدة للجيش البوركينابي في جيبو.\nوأوضح مصدر طبي أن 23 جريحاً من العسكريين نُقلوا إلى واغادوغو.",
            23.0,
            &["الجيش"][..],
        ),
        // a figure named only by what befell its people, joined to a casualty figure before
        // it, counts that figure's side
        (
            "وأفاد المرصد بأن عدد قتلى الأسايش بلغ أربعة، إضافة إلى ستة جرحى بينهم اثنان في حالة خطرة.",
            6.0,
            &["أسايش", "الأمن الداخلي"][..],
        ),
        // guards are of the side the article says holds the prison
        (
            "هاجم مسلحون سجن غويران الخاضع لسيطرة قوات سوريا الديمقراطية في الحسكة.\nوأعلنت المصادر مقتل ثلاثة حراس في الهجوم.",
            3.0,
            &["سوريا الديمقراطية"][..],
        ),
    ] {
        let g = group(text, v);
        assert!(
            g.as_deref().is_some_and(|g| of.iter().any(|w| g.contains(w))),
            "{text}: {g:?}"
        );
    }
    // … but the attackers' count of soldiers is not theirs
    let g = group(
        "هاجم مسلحون من حركة الشباب قاعدة في بلدة أفمدو.\nوقالت حركة الشباب إنها قتلت خمسة جنود.",
        5.0,
    );
    assert!(g.as_deref().is_none_or(|g| !g.contains("الشباب")), "{g:?}");
    // soldiers in an article that names no army: the army of the article's country (which the
    // article does not name, so read off the gazetteer)
    let a = read(
        &lex,
        "قتل خمسة جنود في هجوم شنه مسلحون على قرية في ولاية بورنو شمال شرقي نيجيريا.",
    );
    let five = a.quantities.iter().find(|q| q.value == Some(5.0)).unwrap();
    let army = five.group.as_ref().map(|e| match e {
        athar::model::EntityRef::Known(i) => lex.gazetteer[*i].name_ar.clone(),
        _ => String::new(),
    });
    assert!(
        army.as_deref().is_some_and(|n| n.contains("النيجيري")),
        "{army:?}"
    );
    // «و» after the counted noun joins another clause, not the group
    let g = group(
        "«قسد» تعلن مقتل عنصرين والمرصد السوري لحقوق الإنسان يقول أربعة",
        2.0,
    );
    assert!(g.as_deref().is_none_or(|g| !g.contains("المرصد")), "{g:?}");
    // the guards of a prison the attack was aimed at are of the force that holds it; «التابعين
    // لـ» names whose they are
    let g = group(
        "هاجم مسلحون من تنظيم داعش سجن علايا في القامشلي الذي تديره قوات سوريا الديمقراطية، ما أدى إلى مقتل اثنين من الحراس.",
        2.0,
    );
    assert!(g.as_deref().is_some_and(|g| g.contains("سوريا")), "{g:?}");
    let g = group(
        "قتل ثلاثة من حراس السجن التابعين لقوات سوريا الديمقراطية في الهجوم.",
        3.0,
    );
    assert!(g.as_deref().is_some_and(|g| g.contains("سوريا")), "{g:?}");
    // the inmates a prison holds of one group are that group's when they escape too
    let g = group(
        "هاجم مسلحون سجن الصناعة في الحسكة الذي يضم نحو 3500 من عناصر تنظيم داعش.\nوأفاد المرصد بفرار 200 سجين من سجن الصناعة.",
        200.0,
    );
    assert!(
        g.as_deref()
            .is_some_and(|g| g.contains("داعش") || g.contains("الدولة")),
        "{g:?}"
    );
    // a generic police in the headline is the police the body names
    let a = read(
        &lex,
        "مقتل 7 من الشرطة بهجوم في باكستان\n\nقتل سبعة من أفراد شرطة خيبر بختونخوا في هجوم على مركز للشرطة.",
    );
    let seven = a.quantities.iter().find(|q| q.value == Some(7.0)).unwrap();
    let named = a
        .rec
        .mentions
        .iter()
        .find(|m| m.label.contains("خيبر"))
        .expect("the police named in full");
    assert_eq!(seven.group.as_ref(), Some(&named.entity));
}

#[test]
fn hours_and_minutes_are_durations() {
    let f = figures("وقال قائد الشرطة إن الاشتباكات استمرت قرابة ثلاث ساعات.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].measure, f[0].unit, f[0].value),
        (Measure::Duration, Some(Unit::Hour), Some(3.0))
    );
    let f = figures("أعلنت الحكومة حداداً وطنياً لمدة 72 ساعة.");
    assert_eq!(
        (f[0].measure, f[0].unit),
        (Measure::Duration, Some(Unit::Hour))
    );
    let f = figures("واستمر الاشتباك نحو عشرين دقيقة قبل انسحاب المهاجمين.");
    assert_eq!(
        (f[0].measure, f[0].unit),
        (Measure::Duration, Some(Unit::Minute))
    );
    // a dual is its own figure
    let f = figures("وصدت القوات الهجوم بعد معارك استمرت ساعتين.");
    assert_eq!(
        (f[0].measure, f[0].unit, f[0].value),
        (Measure::Duration, Some(Unit::Hour), Some(2.0))
    );
}

#[test]
fn a_casualty_report_written_for_this_test() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/patterns/casualty-report.txt"),
    )
    .unwrap();
    let lex = Lexicon::builtin().unwrap();
    let a = extract(
        &lex,
        Document::new("casualty-report.txt", text),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    );
    let got: Vec<(String, Measure, Qualifier, Option<Unit>)> = a
        .quantities
        .iter()
        .map(|q| (a.doc.slice(q.start, q.end), q.measure, q.qualifier, q.unit))
        .collect();
    use Measure::*;
    use Qualifier::*;
    for want in [
        ("12".to_string(), Killed, Exact, None),
        // «بينهم أربعة أطفال»: part of the figure before
        ("أربعة".to_string(), Killed, Exact, None),
        ("أكثر من 30".to_string(), Injured, MoreThan, None),
        // «حصيلة القتلى ارتفعت إلى 15 شخصا»
        ("15".to_string(), Killed, Exact, None),
        (
            "نحو 300".to_string(),
            Displaced,
            Approximately,
            Some(Unit::Family),
        ),
        ("يومين".to_string(), Duration, Exact, Some(Unit::Day)),
        ("خمسة".to_string(), Captured, Exact, None),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    // «مدير المرصد … رامي عبد الرحمن»: a compound name is read whole
    assert!(a
        .rec
        .mentions
        .iter()
        .any(|m| a.doc.slice(m.start, m.end) == "رامي عبد الرحمن"));
    assert_eq!(a.published.as_ref().unwrap().value.lexical(), "2024-03-03");
}

#[test]
fn what_a_figure_counts_decided_by_the_clause() {
    use Measure::*;
    // the word right after the figure says what happened to them, whatever word is before
    let s = "وارتفعت حصيلة القصف إلى 17 قتيلاً و33 جريحاً في المدينة.";
    assert_eq!(measure_of(s, 17.0), Some(Killed));
    assert_eq!(measure_of(s, 33.0), Some(Injured));
    // the parts of a toll go on past a part's long group («… وحراس السجن و36 من …»)
    let s = "ارتفعت إلى 64 قتيلاً حصيلة المواجهات في الحسكة، بينهم 23 من قوى الأمن الداخلي الكردية (الأسايش) وحراس السجن و36 من عناصر التنظيم وخمسة مدنيين.";
    assert_eq!(measure_of(s, 36.0), Some(Killed));
    assert_eq!(measure_of(s, 5.0), Some(Killed));
    // a figure that restates the one before in people («بواقع»، «أي») counts the same
    let s =
        "ونزحت 241 عائلة بواقع 863 فرداً من القرى. وفرت 2760 أسرة، أي قرابة 13800 شخص، من المدينة.";
    assert_eq!(measure_of(s, 863.0), Some(Displaced));
    assert_eq!(measure_of(s, 13800.0), Some(Displaced));
    let s = "وأصدرت المحكمة 12 حكماً، أي أكثر من المعتاد.";
    assert_ne!(measure_of(s, 12.0), Some(Displaced));
    // a colon in a headline is no clock time
    let s = "قصف على حي سكني: 4 شهداء و10 جرحى";
    assert_eq!(measure_of(s, 4.0), Some(Killed));
    assert_eq!(measure_of(s, 10.0), Some(Injured));
    // a figure joined by «و» with «من» after it counts what the one before counts
    let s = "قتل 20 جنديا و7 من عناصر الشرطة في الكمين.";
    assert_eq!(measure_of(s, 7.0), Some(Killed));
    // «بينهم N»، «هم N من X»: a part of the figure of people before it, not of the strikes
    // counted between
    let s = "وقتل 40 شخصا في 3 غارات على البلدة، بينهم 12 طفلا.";
    assert_eq!(measure_of(s, 12.0), Some(Killed));
    let s = "وقتل 50 شخصا في 30 هجوما منذ مطلع العام، هم 20 من الشرطة و18 مدنيا.";
    assert_eq!(measure_of(s, 20.0), Some(Killed));
    assert_eq!(measure_of(s, 18.0), Some(Killed));
    // victims with a possessive; people living in a camp
    assert_eq!(
        measure_of("وقعت 12 عملية خطف راح ضحيتها 15 شخصا.", 15.0),
        Some(Killed)
    );
    assert_eq!(
        measure_of("ويقطن المخيم نحو 30 ألف شخص.", 30000.0),
        Some(Population)
    );
    // soldiers joined by «و» to the killed are killed too
    assert_eq!(
        measure_of(
            "قتل جنديان صوماليان وثلاثة جنود أوغنديين في هجومين منفصلين.",
            3.0
        ),
        Some(Killed)
    );
    // parts joined by «و» to a part are parts too, whatever a later word says
    let s = "استشهد ٢١ فلسطينياً، بينهم ٩ أطفال و٥ نساء، في غارات استهدفت خياماً تؤوي نازحين.";
    assert_eq!(measure_of(s, 9.0), Some(Killed));
    assert_eq!(measure_of(s, 5.0), Some(Killed));
    // a verb governing the figure outweighs a noun of what they were (displaced, detained)
    assert_eq!(
        measure_of("قُتل ثلاثة نازحين في قصف على المخيم.", 3.0),
        Some(Killed)
    );
    assert_eq!(
        measure_of("أصيب خمسة معتقلين خلال الاشتباكات.", 5.0),
        Some(Injured)
    );
    // a word of casualties before «أن» does not count the figure after it
    assert_ne!(
        measure_of(
            "وقالت إن بين القتلى امرأة، مشيرة إلى أن 140 أسرة غادرت المخيم ليلا.",
            140.0
        ),
        Some(Killed)
    );
    // a containing verb nearer the figure than an escape: who the prison holds
    assert_eq!(
        measure_of(
            "لم يذكر أعداد من تمكنوا من الفرار من سجن الرقة المركزي الذي يضم آلاف العناصر.",
            2000.0
        ),
        Some(Held)
    );
}

#[test]
fn casualty_words_in_every_form() {
    use Measure::*;
    use Qualifier::*;
    // the accusative, the plural of martyrs, the dual alone, a noun after the figure
    assert_eq!(
        one("وأسفر القصف عن سقوط 20 جريحاً في السوق."),
        (Some(20.0), None, None, Injured, Exact)
    );
    assert_eq!(
        one("ارتفعت الحصيلة إلى 12 شهيدا في المدينة."),
        (Some(12.0), None, None, Killed, Exact)
    );
    assert_eq!(
        one("وسقط قتيلان في الغارة على البلدة."),
        (Some(2.0), None, None, Killed, Exact)
    );
    assert_eq!(
        one("وأصيب جنديين بجروح طفيفة في الانفجار."),
        (Some(2.0), None, None, Injured, Exact)
    );
    // families: a unit, displaced when nothing else is said
    let f = figures("وصلت 1500 أسرة إلى البلدة خلال ثلاثة أيام.");
    assert!(
        f.iter().any(|q| q.value == Some(1500.0)
            && q.unit == Some(Unit::Family)
            && q.measure == Displaced),
        "{f:?}"
    );
    // the rest after the thousands
    let f = figures("ارتفع عدد القتلى إلى 38 ألفاً و295 منذ بدء الحرب.");
    assert!(
        f.iter()
            .any(|q| q.value == Some(38295.0) && q.measure == Killed),
        "{f:?}"
    );
    // a plural in -ين is no dual: «المدنيين» counts nothing by itself
    assert!(figures("وأدان البيان استهداف المدنيين في المدينة.").is_empty());
    // «المشتبه بهم» are suspects, not a capture
    let f = figures("يعتقد أن أكثر من 3000 من المشتبه بهم محتجزون في السجن.");
    assert!(f.iter().all(|q| q.measure != Captured), "{f:?}");
}

#[test]
fn groups_carried_and_implied() {
    let lex = Lexicon::builtin().unwrap();
    let groups = |s: &str| -> Vec<(Option<f64>, String)> {
        read(&lex, s)
            .quantities
            .iter()
            .map(|q| {
                let g = match &q.group {
                    Some(athar::model::EntityRef::Known(i)) => lex.gazetteer[*i].name_ar.clone(),
                    Some(athar::model::EntityRef::New { key, .. }) => key.clone(),
                    None => String::new(),
                };
                (q.value.or(q.min), g)
            })
            .collect()
    };
    // the group of the figure whose value or lower bound is v
    let group_at = |s: &str, v: f64| -> String {
        let g = groups(s);
        g.iter()
            .find(|(x, _)| *x == Some(v))
            .map(|(_, grp)| grp.clone())
            .unwrap_or_else(|| panic!("{s}: no figure {v} in {g:?}"))
    };
    // «of them» after militants the sentence named: the attackers, not the side that killed them
    let g = group_at(
        "هاجم مسلحو تنظيم داعش نقطة للجيش العراقي في ناحية آمرلي.\n\nوذكرت الخلية أن طيران الجيش نفذ ضربات على أوكار الإرهابيين أسفرت عن مقتل 4 منهم.",
        4.0,
    );
    assert!(g.contains("الدولة الإسلامية"), "{g}");
    // «عدد عناصر X … بين 400 و500 عنصر»: the members whose number the sentence gives, also for
    // a range; not for a figure that counts something else
    let g = groups("هاجم تنظيم داعش قرية في كركوك.\nويتراوح عدد عناصر التنظيم الناشطين في العراق بين 400 و500 عنصر.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert!(g[0].1.contains("الدولة"), "{g:?}");
    let g = groups("وأسفر الهجوم عن مقتل عدد من عناصر الحشد الشعبي و3 مدنيين.");
    assert!(
        g.iter().all(|(v, grp)| *v != Some(3.0) || grp.is_empty()),
        "{g:?}"
    );
    // «المليشيا»: the armed group the article is about
    assert!(group_at(
        "هاجمت قوات الدعم السريع مدينة بابنوسة.\nوقال الجيش إن «أكثر من 100 من عناصر المليشيا» قُتلوا.",
        100.0
    )
    .contains("الدعم السريع"));
    // soldiers named by a country's nisba in the plural are of its army where the article names
    // it, else of the country
    for (s, v, army) in [
        (
            "وقال متحدث باسم قوات الدفاع الشعبية الأوغندية إن الجرحى نقلوا جوا.\nوقتل جنديان صوماليان وثلاثة جنود أوغنديين في هجومين.",
            3.0,
            "الأوغندية",
        ),
        (
            "وقال الجيش الباكستاني إن الهجوم صُدّ.\nوزعم جيش تحرير بلوشستان أنه قتل ٢٧ عسكرياً باكستانياً.",
            27.0,
            "الجيش الباكستاني",
        ),
        ("قتل ثلاثة جنود أوغنديين في الهجوم.", 3.0, "أوغندا"),
    ] {
        assert!(group_at(s, v).contains(army), "{s}");
    }
    // the killers named before the verb are not the group of those they killed
    let g = groups("وزعمت حركة الشباب أن مقاتليها قتلوا 27 جندياً في الهجوم.");
    assert!(g.iter().all(|(_, grp)| !grp.contains("الشباب")), "{g:?}");
    // «منتسبي X»، «ضباط X»، «قادة X»: its members
    for s in [
        "لقي ثلاثة من منتسبي الجيش العراقي مصرعهم في الهجوم.",
        "قُتل ثلاثة من ضباط الجيش العراقي في الهجوم.",
        "قُتل ثلاثة من قادة حركة الشباب في غارة.",
    ] {
        let g = groups(s);
        assert!(
            g[0].1.contains("الجيش العراقي") || g[0].1.contains("الشباب"),
            "{s}: {g:?}"
        );
    }
    // suspects of belonging to a group are counted as its members
    let g = groups("وأعلنت الشرطة اعتقال ثلاثة مشتبه بهم بالانتماء إلى داعش قرب الموصل.");
    assert!(g[0].1.contains("الدولة"), "{g:?}");
    // a figure followed by «من» names its own group, not the one before it
    let g = groups("قُتل ما لا يقل عن 34 جنديا و12 من متطوعي الدفاع عن الوطن في هجوم على جيبو.");
    assert!(g[1].1.contains("الدفاع عن الوطن"), "{g:?}");
    // members of a group named after the head of its name («عناصر تنظيم بي كا كا»)
    let g = groups(
        "وقالت الوزارة إن قواتها قتلت أربعة من عناصر تنظيم بي كا كا الإرهابي في منطقة متينا.",
    );
    assert!(g[0].1.contains("العمال الكردستاني"), "{g:?}");
    // the injured are more of the group of the killed, in a clause of their own
    let g = groups("مقتل ثلاثة من الحشد الشعبي وإصابة اثنين بهجوم لداعش جنوب كركوك.");
    assert_eq!(g[0].1, g[1].1, "{g:?}");
    assert!(g[0].1.contains("الحشد"), "{g:?}");
    let g = groups("قتل 11 عنصرا من الحشد الشعبي وأصيب ستة آخرون بجروح في الهجوم.");
    assert_eq!(g[1].1, g[0].1, "{g:?}");
    // soldiers with no group are the army the article named; a demonym still decides
    let g = groups("قصف الجيش اللبناني مواقع المسلحين.\nوأقر البيان بمقتل ستة جنود في الاشتباكات.");
    assert!(
        g.iter()
            .any(|(v, x)| *v == Some(6.0) && x.contains("الجيش اللبناني")),
        "{g:?}"
    );
    // a group's nisba after the counted noun, in the accusative («عنصراً حوثياً»)
    let g = groups("وقتل أكثر من 20 عنصراً حوثياً خلال المواجهات.");
    assert!(
        g.iter()
            .any(|(v, x)| *v == Some(20.0) && x.contains("أنصار الله")),
        "{g:?}"
    );
    // a part of a total keeps no group of the total's («بينهم ثلاثة أطفال»)
    let g = groups("قتل 11 عنصرا من الحشد الشعبي، بينهم ثلاثة أطفال.");
    assert!(
        g.iter().any(|(v, x)| *v == Some(3.0) && x.is_empty()),
        "{g:?}"
    );
    // militants and attackers, also after «من» and definite, are of the side that attacked,
    // not of the side a breakdown named before them; unless their group is named after them
    let text = "هاجم مسلحون من حركة الشباب قاعدة للجيش الصومالي في بلدة محاس. وأسفرت الاشتباكات عن مقتل أربعة من عناصر الجيش الصومالي واثنين من المهاجمين، وتسعة من المسلحين.";
    assert!(group_at(text, 2.0).contains("الشباب"), "{:?}", groups(text));
    assert!(group_at(text, 9.0).contains("الشباب"), "{:?}", groups(text));
    assert!(group_at(text, 4.0).contains("الجيش"), "{:?}", groups(text));
    let text = "هاجم الجيش الصومالي مواقع في بلدة محاس. وقتل خمسة مسلحين من حركة الشباب.";
    assert!(group_at(text, 5.0).contains("الشباب"), "{:?}", groups(text));
    // militants an army says it neutralized, with no attack told before, are of the armed
    // group the article is about; detainees of a prison too
    let text = "تبنت جماعة نصرة الإسلام والمسلمين الهجوم على مدينة جيبو في بوركينا فاسو. وقالت الجماعة إن مقاتليها أسروا جنوداً.\nوأكدت هيئة الأركان العامة للقوات المسلحة البوركينابية تحييد 80 إرهابياً.";
    assert!(group_at(text, 80.0).contains("نصرة"), "{:?}", groups(text));
    let text = "هاجم تنظيم داعش سجن غويران في الحسكة. ويضم السجن نحو 5000 معتقل.";
    assert!(
        group_at(text, 5000.0).contains("الدولة"),
        "{:?}",
        groups(text)
    );
    let text =
        "هاجم تنظيم داعش سجن غويران في الحسكة. ويؤوي السجن أكثر من 600 ممن تقل أعمارهم عن 18 عاماً.";
    assert!(group_at(text, 600.0).is_empty(), "{:?}", groups(text));
    // soldiers with no group are of the army itself, not of a body of it named later
    let text = "قتل 41 جندياً في هجوم على مدينة جيبو، وفق ما أعلنت هيئة الأركان العامة للقوات المسلحة البوركينابية. وكان الجيش البوركينابي قد دفع بتعزيزات.";
    let g = group_at(text, 41.0);
    assert!(g.contains("القوات المسلحة") && !g.contains("الأركان"), "{g}");
    // members of no group named, killed in an attack on a force, are of that force
    let text = "وهاجم مسلحون مجهولون نقاطاً للأمن العام في ريف السويداء جنوبي سوريا، ما أدى إلى مقتل عنصرين وإصابة ستة عناصر آخرين.";
    assert!(
        group_at(text, 2.0).contains("الأمن العام"),
        "{:?}",
        groups(text)
    );
    let text = "وهاجم مسلحون مجهولون سوقاً في ريف السويداء جنوبي سوريا، ما أدى إلى مقتل عنصرين.";
    assert!(group_at(text, 2.0).is_empty(), "{:?}", groups(text));
}

#[test]
fn a_running_total_is_not_the_toll_of_the_event_told() {
    let lex = Lexicon::builtin().unwrap();
    let a = read(
        &lex,
        "استشهد خمسة فلسطينيين في غارة على مدينة خان يونس جنوب قطاع غزة.\nوأعلنت وزارة الصحة ارتفاع حصيلة الحرب منذ السابع من تشرين الأول/أكتوبر 2023 إلى 54056 شهيداً.",
    );
    let total = a
        .quantities
        .iter()
        .find(|q| q.value == Some(54056.0))
        .unwrap();
    assert!(total.cumulative && total.event.is_none(), "{total:?}");
    // about the largest place named that holds the event's place: the Gaza Strip
    assert_eq!(
        figure_role(&a, 54056.0, |q| q.about.as_ref()).as_deref(),
        Some("قطاع غزة")
    );
    let five = a.quantities.iter().find(|q| q.value == Some(5.0)).unwrap();
    assert!(!five.cumulative && five.event.is_some(), "{five:?}");
    // a country the total's own sentence names comes first, whatever the event told before
    let a = read(
        &lex,
        "استشهد شخصان في غارة على بلدة بريتال في البقاع.\nوبحسب أرقام وزارة الصحة العامة، قُتل ما يزيد على 270 شخصاً في غارات إسرائيلية على لبنان منذ سريان وقف إطلاق النار في 27 تشرين الثاني 2024.",
    );
    assert_eq!(
        figure_role(&a, 270.0, |q| q.about.as_ref()).as_deref(),
        Some("لبنان")
    );
    // «منذ مطلع العام» before the figure
    let a = read(
        &lex,
        "وبحسب المرصد، قُتل منذ مطلع العام الجاري ما لا يقل عن 74 شخصاً في مناطق شمال شرق سوريا.",
    );
    assert!(a
        .quantities
        .iter()
        .any(|q| q.min == Some(74.0) && q.cumulative));
    // the span of a truce is the truce's, not the toll's
    let a = read(
        &lex,
        "استشهد ثلاثة أشخاص في غارة على بلدة عيترون، في خرق جديد لاتفاق وقف إطلاق النار الساري منذ 27 تشرين الثاني/نوفمبر 2024.",
    );
    assert!(
        a.quantities.iter().all(|q| !q.cumulative),
        "{:?}",
        a.quantities
    );
}

#[test]
fn what_a_figure_is_about() {
    let lex = Lexicon::builtin().unwrap();
    let about = |s: &str| -> Vec<String> {
        read(&lex, s)
            .quantities
            .iter()
            .map(|q| match &q.about {
                Some(athar::model::EntityRef::Known(i)) => lex.gazetteer[*i].name_ar.clone(),
                Some(athar::model::EntityRef::New { key, .. }) => key.clone(),
                None => String::new(),
            })
            .collect()
    };
    // the most precise place of the sentence, not where people went
    assert_eq!(
        about("قتل ثلاثة مدنيين في قصف على مدينة حلب في سوريا."),
        ["حلب"]
    );
    assert_eq!(
        about("نزح نحو 2300 شخص من الحسكة باتجاه مدينة القامشلي."),
        ["الحسكة"]
    );
    // a dateline's place is where the report was filed
    assert_eq!(about("دمشق - قتل ثلاثة مدنيين في القصف."), [""]);
    // a toll whose sentence names no place is about the place of the strike told before it
    let a =
        about("قصفت طائرة مسيرة مدرسة النور في مدينة الفاشر.\nوارتفعت الحصيلة لاحقا إلى 17 قتيلا.");
    assert!(a.last().is_some_and(|x| x.contains("النور")), "{a:?}");
    // a casualty figure belongs to the violent event told before it; a population to none
    let art = read(
        &lex,
        "قصفت طائرة مسيرة مدرسة النور في مدينة الفاشر.\nوارتفعت الحصيلة لاحقا إلى 17 قتيلا.\nويقطن المدينة نحو 300 ألف نسمة.",
    );
    let killed = art
        .quantities
        .iter()
        .find(|q| q.value == Some(17.0))
        .expect("17");
    let ev = killed.event.map(|i| &art.events[i]).expect("an event");
    assert!(ev.class.is_violent(), "{ev:?}");
    let people = art
        .quantities
        .iter()
        .find(|q| q.value == Some(300000.0))
        .expect("300000");
    assert!(people.event.is_none(), "{people:?}");
}

#[test]
fn what_a_figure_is_about_where_it_happened() {
    let lex = Lexicon::builtin().unwrap();
    let about = |text: &str, v: f64| figure_role(&read(&lex, text), v, |q| q.about.as_ref());
    // where the speaker is is not where it happened
    let got = about(
        "أفاد مصدر أمني في مدينة كركوك بمقتل ثلاثة جنود في هجوم على نقطة في ناحية الرشاد.",
        3.0,
    );
    assert!(
        got.as_deref().is_some_and(|g| g.contains("الرشاد")),
        "{got:?}"
    );
    // the body names the place more precisely than the headline that gave the figure first
    let got = about(
        "مقتل 5 مدنيين بقصف على تعز\n\nقتل 5 مدنيين جراء سقوط قذيفة على حي الكمب بمديرية صالة.",
        5.0,
    );
    assert!(
        got.as_deref().is_some_and(|g| g.contains("الكمب")),
        "{got:?}"
    );
}

#[test]
fn whose_casualties_an_attacker_claims_and_a_toll_noun_names() {
    let lex = Lexicon::builtin().unwrap();
    let group = |text: &str, v: f64| figure_role(&read(&lex, text), v, |q| q.group.as_ref());
    // (text, figure, the words one of which the group's label holds)
    for (text, v, of) in [
        // the attacking group's own count of the dead counts the side it fights
        (
            "هاجم تنظيم داعش حاجزاً للأسايش في الحسكة، ما أدى إلى مقتل ثلاثة من عناصر الأسايش.\nوزعم التنظيم مقتل خمسة من «المرتدين».",
            5.0,
            &["أسايش", "الأمن الداخلي"][..],
        ),
        // of the forces the attack is told against, the one named last before the figure in
        // its sentence
        (
            "وكانت خلية الإعلام الأمني قد أعلنت أن مجموعة إرهابية استهدفت نقطة مراقبة تابعة للحشد الشعبي، ما أدى إلى استشهاد ثلاثة من المنتسبين.\nوطالب مسؤول محلي بنشر قوات من الجيش العراقي في المنطقة.",
            3.0,
            &["الحشد الشعبي"][..],
        ),
        // a toll noun in construct with a group
        (
            "المرصد السوري: ارتفاع قتلى الأسايش في هجوم سجن علايا إلى 4.",
            4.0,
            &["أسايش", "الأمن الداخلي"][..],
        ),
        // «الفيلق» refers back to the corps named before
        (
            "هاجم مسلحون قافلة لفيلق الحدود في بلوشستان.\nوقال المسؤول إن تسعة من عناصر الفيلق أصيبوا.",
            9.0,
            &["فيلق الحدود"][..],
        ),
        // militants an air strike killed, where it names no group, are of the group that attacks
        // in the article, not of the force named most
        (
            "هاجم عناصر من تنظيم داعش نقطة للحشد الشعبي في المطيبيجة، ما أدى إلى مقتل ثلاثة من مقاتلي الحشد الشعبي.\nوأعلن الحشد الشعبي أن قوة من الحشد الشعبي طاردت المهاجمين.\nوفي سياق متصل، نفذت طائرات القوة الجوية العراقية ضربة جوية على «مضافة» في سلسلة جبال حمرين، ما أسفر عن مقتل أربعة إرهابيين.",
            4.0,
            &["داعش", "الدولة"][..],
        ),
        // members counted as the fighters of a sentence about militants are the attackers'
        (
            "هاجم عناصر من تنظيم داعش سجن الأقطان قرب الرقة.\nوقال المركز الإعلامي لقوات سوريا الديمقراطية إن «مجموعة إرهابية مؤلفة من سبعة عناصر حاولت اقتحام السجن».",
            7.0,
            &["داعش", "الدولة"][..],
        ),
        // «منهم» says whose they are, whatever body the clause names after it (al-Shabaab, by
        // the name the article gives it)
        (
            "هجوم على قاعدة في إقليم شبيلي السفلى.\nونقلت صونا أن قوات الجيش الوطني الصومالي «صدّت هجوم الخوارج وقتلت 27 منهم»، من دون أن تذكر خسائر الجيش.",
            27.0,
            &["الخوارج"][..],
        ),
        // a toll noun in construct with the militants it counts
        (
            "هاجم عناصر من تنظيم داعش سجن الأقطان قرب الرقة.\nوقال المرصد إن قتلى المهاجمين أربعة فقط.",
            4.0,
            &["داعش", "الدولة"][..],
        ),
        // «منهم» after militants counted before it in the sentence: the attackers'
        (
            "هاجم تنظيم داعش سجن علايا في القامشلي.\nوقال الناطق باسم قوى الأمن الداخلي إن «خمسة مسلحين هاجموا الحاجز»، مضيفاً أن عناصر الحراسة اشتبكوا معهم «وقتلوا ثلاثة منهم».",
            3.0,
            &["داعش", "الدولة"][..],
        ),
    ] {
        let g = group(text, v);
        assert!(
            g.as_deref().is_some_and(|g| of.iter().any(|w| g.contains(w))),
            "{text}: {g:?}"
        );
    }
    // (text, figure, words none of which the group's label holds, if it has one)
    for (text, v, not) in [
        // the force's own men counted in a sentence about no militants
        (
            "هاجم عناصر من تنظيم داعش سجن الأقطان قرب الرقة.\nوقال مسؤول إن نحو 1800 عنصر يشاركون في حملة التمشيط.",
            1800.0,
            &["داعش", "الدولة"][..],
        ),
        // the group named before «أن» is not that of the figure in the clause it opens
        (
            "هاجم مسلحون من حركة الشباب قاعدة للجيش الصومالي في محاس.\nوقال قائد القوات إن القوات «قتلت 11 من عناصر الحركة» وأن ستة جنود قُتلوا وأصيب 14 آخرون.",
            6.0,
            &["الشباب"][..],
        ),
        // an attacking group's own dead are its own
        (
            "هاجم تنظيم داعش حاجزاً للأسايش في الحسكة، ما أدى إلى مقتل ثلاثة من عناصر الأسايش.\nونعى التنظيم أربعة من مقاتليه.",
            4.0,
            &["أسايش"][..],
        ),
        // a verb's subject is who killed, not whose dead the figure counts
        (
            "وقتلت قوات الأسايش، مساء أمس، ثلاثة مدنيين قرب السجن.",
            3.0,
            &["أسايش"][..],
        ),
    ] {
        let g = group(text, v);
        assert!(
            g.as_deref().is_none_or(|g| !not.iter().any(|w| g.contains(w))),
            "{text}: {g:?}"
        );
    }
    // two figures of one value and two groups named are two figures
    let a = read(
        &lex,
        "مقتل اثنين من عناصر حركة الشباب في مقديشو.\nوقال قائد الجيش الصومالي إن الهجوم أسفر عن مقتل اثنين من عناصر الجيش الصومالي.",
    );
    let twos = a
        .quantities
        .iter()
        .filter(|q| q.value == Some(2.0) && q.measure == Measure::Killed)
        .count();
    assert_eq!(twos, 2, "{:?}", a.quantities);
    // a group's nisba as the counted noun (the group named nowhere else)
    let a = read(
        &lex,
        "وأسفرت المواجهات في تعز عن مقتل «ما لا يقل عن 16 حوثياً».",
    );
    let sixteen = a.quantities.iter().find(|q| q.min == Some(16.0)).unwrap();
    let id = sixteen.group.as_ref().map(|e| match e {
        EntityRef::Known(i) => lex.gazetteer[*i].id.clone(),
        _ => String::new(),
    });
    assert_eq!(id.as_deref(), Some("houthis"));
    // a country's nisba counts its nationals, not its forces
    let g = group("وقتل 5 سوريين في القصف على البلدة.", 5.0);
    assert_eq!(g, None);
}

#[test]
fn sources_behind_a_pronoun_a_joined_verb_and_a_hospital() {
    let lex = Lexicon::builtin().unwrap();
    let speaker =
        |text: &str, v: f64| figure_role(&read(&lex, text), v, |q| q.reported_by.as_ref());
    for (text, v, of) in [
        // the verb's «به» before its subject
        (
            "استشهد 14 فلسطينياً في قصف على مدرسة في حي التفاح، بحسب ما أفاد به الدفاع المدني في غزة.",
            14.0,
            "الدفاع المدني",
        ),
        // a verb joined by «و» with no subject of its own: the sentence's
        (
            "تبنّت حركة الشباب الهجوم عبر إذاعة الأندلس الناطقة باسمها، وزعمت أن مقاتليها قتلوا 37 جندياً.",
            37.0,
            "حركة الشباب",
        ),
        // a hospital as the verb's subject, or the one a relaying verb names
        (
            "أفادت إدارة مستشفى العودة في النصيرات بوصول ٩ شهداء جراء القصف.",
            9.0,
            "مستشفى العودة",
        ),
        (
            "نقلت شبكة رووداو الإعلامية عن مصدر في مستشفى تلعفر العام أن المستشفى تسلّم جثث أربعة مقاتلين.",
            4.0,
            "مستشفى تلعفر",
        ),
        // «قالت فيه»: the statement the sentence's subject issued
        (
            "نشرت قوات الدعم السريع على منصة تلغرام بياناً قالت فيه إنها قتلت 40 من عناصر الجيش.",
            40.0,
            "الدعم السريع",
        ),
        // who mourns its dead gives their number
        (
            "وكان حزب الله قد نعى، مساء أمس، اثنين من مقاتليه.",
            2.0,
            "حزب الله",
        ),
        // «الهيئة» refers back to the staff named before
        (
            "أعلنت هيئة الأركان العامة للقوات المسلحة المالية أن الجيش صد هجوماً.\nوأقرّت الهيئة، في بيان ثانٍ، بمقتل ستة جنود.",
            6.0,
            "هيئة الأركان",
        ),
    ] {
        let s = speaker(text, v);
        assert!(s.as_deref().is_some_and(|s| s.contains(of)), "{text}: {s:?}");
    }
    // a name behind a preposition before the verb is not its subject
    let s = speaker(
        "وكان المكتب، التابع لوزارة الصحة، قد أعلن حصيلة أولية بلغت 11 قتيلاً.",
        11.0,
    );
    assert!(s.as_deref().is_none_or(|s| !s.contains("وزارة")), "{s:?}");
    // a hospital named after its verb's object is not who speaks
    let s = speaker(
        "قال مصدر أمني إن 3 جرحى نقلوا إلى مستشفى الثورة العام.",
        3.0,
    );
    assert!(s.as_deref().is_none_or(|s| !s.contains("مستشفى")), "{s:?}");
}

#[test]
fn a_bodys_generic_name_and_others_of_the_dead() {
    let lex = Lexicon::builtin().unwrap();
    let group = |text: &str, v: f64| figure_role(&read(&lex, text), v, |q| q.group.as_ref());
    // «عناصر الأمن الداخلي»: the internal security command the article named in full
    let g = group(
        "وفرضت قيادة الأمن الداخلي في محافظة اللاذقية حظر تجول في المنطقة.\n\nوقُتل ثلاثة من عناصر الأمن الداخلي في الكمين.",
        3.0,
    );
    assert!(g.as_deref().is_some_and(|g| g.contains("اللاذقية")), "{g:?}");
    // named nowhere in full in an article of no such country, it names nothing
    let g = group("وقُتل ثلاثة من عناصر الأمن الداخلي في الكمين.", 3.0);
    assert!(g.is_none(), "{g:?}");
    // «آخرون» are more of the dead or wounded before them, not of those a prison holds
    let a = read(
        &lex,
        "قُتل خمسة من حراس السجن الذي يضم مئات من عناصر تنظيم داعش شمال مدينة الرقة، وأصيب ثلاثة آخرون في الهجوم.",
    );
    let g = figure_role(&a, 3.0, |q| q.group.as_ref());
    assert!(!g.as_deref().is_some_and(|g| g.contains("داعش")), "{g:?}");
}

#[test]
fn one_person_counted_by_wahid_and_one_number_told_by_two_sources() {
    // a noun of people with «واحد» after it counts one
    let f = figures("وأدت الغارة الثانية إلى استشهاد مواطن واحد وإصابة ثلاثة بجروح.");
    assert!(
        f.iter()
            .any(|q| q.value == Some(1.0) && q.measure == Measure::Killed),
        "{f:?}"
    );
    // not «من عائلة واحدة» (of one family), nor a thing («بمولد واحد»)
    for t in [
        "وقُتل خمسة من عائلة واحدة في الغارة.",
        "وقال إن المستشفى يعمل بمولد واحد منذ أيام.",
    ] {
        let f = figures(t);
        assert!(f.iter().all(|q| q.value != Some(1.0)), "{t}: {f:?}");
    }
    // two sources that give the same number give two figures, each with its source
    let a = read(
        &Lexicon::builtin().unwrap(),
        "خبر\n\nأعلن مركز عمليات طوارئ الصحة العامة استشهاد شخصين في غارة على بلدة حاروف.\n\nفي المقابل، زعم الجيش الإسرائيلي في بيان أنه قضى على عنصرين من حزب الله في المنطقة.",
    );
    let twos: Vec<_> = a
        .quantities
        .iter()
        .filter(|q| q.value == Some(2.0) && q.measure == Measure::Killed)
        .collect();
    assert_eq!(twos.len(), 2, "{:?}", a.quantities);
    // one source telling a number again gives one figure
    let a = read(
        &Lexicon::builtin().unwrap(),
        "مقتل شخصين في غارة على حاروف\n\nأعلن مركز عمليات طوارئ الصحة العامة استشهاد شخصين في غارة على بلدة حاروف.",
    );
    let twos = a
        .quantities
        .iter()
        .filter(|q| q.value == Some(2.0) && q.measure == Measure::Killed)
        .count();
    assert_eq!(twos, 1, "{:?}", a.quantities);
}

#[test]
fn a_part_with_its_own_word_and_a_count_named_before_it() {
    // a part of a breakdown counts what its own word says, not the figure before it
    let t = "ارتفعت حصيلة الحرب إلى 54056 شهيداً و122898 مصاباً، بينهم 79 شهيداً وصلوا إلى المستشفيات خلال الساعات الـ24 الماضية.";
    assert_eq!(measure_of(t, 79.0), Some(Measure::Killed), "{t}");
    let t = "وارتفعت الحصيلة في وقت لاحق إلى تسعة قتلى، بينهم ثلاث نساء، و21 جريحاً.";
    assert_eq!(measure_of(t, 21.0), Some(Measure::Injured), "{t}");
    // (a part with no word of its own still counts what the total counts)
    let t = "قتل 17 شخصاً، بينهم تسعة أطفال، في الغارة.";
    assert_eq!(measure_of(t, 9.0), Some(Measure::Killed), "{t}");
    // «عدد القتلى … N»: the count named before the figure, not a word after it
    let t = "وقال المسؤول إن عدد القتلى في صفوف الجيش والمتطوعين لا يقل عن 30، مشيراً إلى أن عدداً من الجرحى نُقلوا جواً.";
    assert_eq!(measure_of(t, 30.0), Some(Measure::Killed), "{t}");
    // a number with «بـ» on it is a figure («قدّر عدد القتلى بـ14»), a year with it none
    let t = "وقدّر مسؤول محلي عدد القتلى في صفوف الحرس بـ14.";
    assert_eq!(measure_of(t, 14.0), Some(Measure::Killed), "{t}");
    let f = figures("وتراجعت الهجمات مقارنة بـ2024.");
    assert!(f.is_empty(), "{f:?}");
    // however far the count stands before its figure in the clause
    let t = "وبذلك، يرتفع عدد قتلى عمليات خلايا التنظيم ضمن مناطق الإدارة الذاتية منذ مطلع العام الجاري إلى 112 شخصاً.";
    assert_eq!(measure_of(t, 112.0), Some(Measure::Killed), "{t}");
    // (not across «أن»: the prison holds detainees, whoever counted them)
    let t = "بدأت الإدارة حصر أعداد الموقوفين، مشيراً إلى أن السجن يضم أكثر من 1500 موقوف.";
    assert_eq!(measure_of(t, 1500.0), Some(Measure::Held), "{t}");
}

#[test]
fn an_age_in_brackets_or_after_aged_is_no_duration() {
    for (t, v) in [
        (
            "واستشهد الثاني، محمود نضال عرفات (٢٣ عاماً)، في البلدة القديمة.",
            23.0,
        ),
        ("وأن بين المصابين رجلاً يبلغ 70 عاماً فقد ساقه.", 70.0),
    ] {
        let f = figures(t);
        assert!(
            f.iter()
                .filter(|q| q.value == Some(v))
                .all(|q| q.measure == Measure::Other),
            "{t}: {f:?}"
        );
    }
    // (a span of years elsewhere is a duration)
    let f = figures("وتخضع البلدة لسيطرة الجماعة منذ 10 أعوام.");
    assert!(f.iter().any(|q| q.measure == Measure::Duration), "{f:?}");
}

#[test]
fn vehicles_a_force_came_in_and_the_people_a_camp_holds() {
    // the vehicles a force came in count the force
    for (t, v) in [
        (
            "وقال أحد المصدرين إن المهاجمين وصلوا على متن نحو 20 شاحنة صغيرة مزوّدة برشاشات.",
            20.0,
        ),
        (
            "وبعد ظهر الاثنين، دخل رتل من نحو 30 آلية تابعة للواء إلى المدينة.",
            30.0,
        ),
    ] {
        assert_eq!(
            measure_and_unit(t, v),
            Some((Measure::Fighters, Some(Unit::Vehicle))),
            "{t}"
        );
    }
    // (vehicles destroyed are a number of things)
    let t = "وأعلن الجيش تدمير 4 آليات للمسلحين.";
    assert_eq!(
        measure_and_unit(t, 4.0),
        Some((Measure::Other, Some(Unit::Vehicle))),
        "{t}"
    );
    // the people a camp holds, or its residents counted, are its population
    for (t, v) in [
        ("ويقع مخيم الهول في محافظة الحسكة، ويؤوي نحو 27 ألف شخص معظمهم من عائلات عناصر التنظيم.", 27000.0),
        ("وقالت الرئيسة المشتركة لإدارة مخيم الهول إن عدد قاطني المخيم يبلغ حالياً 37 ألفاً و846 شخصاً.", 37846.0),
    ] {
        assert_eq!(measure_of(t, v), Some(Measure::Population), "{t}");
    }
    // (a prison holds detainees)
    let t = "ويضم سجن الصناعة في الحسكة نحو 5000 شخص من عناصر التنظيم.";
    assert_eq!(measure_of(t, 5000.0), Some(Measure::Held), "{t}");
}

#[test]
fn a_figure_joined_to_the_one_before_counts_what_it_counts() {
    let s = "قُتل أحد عشر جندياً وسبعة من متطوعي الدفاع عن الوطن، وأصيب 19 آخرون، في هجوم على مفرزة عسكرية.";
    assert_eq!(measure_of(s, 11.0), Some(Measure::Killed));
    assert_eq!(measure_of(s, 7.0), Some(Measure::Killed));
    assert_eq!(measure_of(s, 19.0), Some(Measure::Injured));
    // (not where a word of what happened stands between them, or follows the figure)
    let s = "قُتل ثلاثة جنود وأصيب خمسة آخرون في الهجوم.";
    assert_eq!(measure_of(s, 5.0), Some(Measure::Injured));
    let s = "أسفر الهجوم عن 21 قتيلاً و30 جريحاً.";
    assert_eq!(measure_of(s, 30.0), Some(Measure::Injured));
}

#[test]
fn the_items_of_a_list_count_what_its_opening_line_counts() {
    let s = "وفقاً لبيانات المصفوفة، توزعت أعداد النازحين حسب محلية المنشأ على النحو الآتي:\n• محلية بارا: ١٦٬٤٨٠ شخصاً.\n• محلية أم روابة: ٩٬٧٦٠ شخصاً.";
    assert_eq!(measure_of(s, 16480.0), Some(Measure::Displaced));
    assert_eq!(measure_of(s, 9760.0), Some(Measure::Displaced));
    // (a line with no colon opens no list)
    let s = "وتوزعت أعداد النازحين على المحليات.\n• محلية بارا ١٦٬٤٨٠ شخصاً.";
    assert_ne!(measure_of(s, 16480.0), Some(Measure::Displaced));
}

#[test]
fn the_vehicles_the_attackers_came_in_count_the_attackers() {
    let lex = Lexicon::builtin().unwrap();
    let a = read(
        &lex,
        "خبر\n\nهاجم مسلحون من حركة الشباب قاعدة للجيش في بلدة عيل بور.\n\nوقال قائد القاعدة إن المهاجمين «جاؤوا على متن أكثر من عشر سيارات».",
    );
    let q = figure_of(&a, 10.0);
    assert_eq!(q.map(|q| q.measure), Some(Measure::Fighters), "{q:?}");
    let group = figure_role(&a, 10.0, |q| q.group.as_ref());
    assert!(
        group.is_some_and(|g| g.contains("الشباب")),
        "{:?}",
        a.quantities
    );
}

#[test]
fn percentages_spelled_out_and_years_after_a_clitic_are_not_figures() {
    for (s, v) in [
        ("لم يتجاوز تمويل خطة الاستجابة ٢٧ في المائة حتى الآن.", 27.0),
        ("وقالت المنظمة إن 68 بالمئة من النازحين نساء وأطفال.", 68.0),
        ("لم يتجاوز تمويل خطة الاستجابة لعام ٢٠٢٥ نسبة الربع.", 2025.0),
    ] {
        assert!(
            figures(s)
                .iter()
                .all(|q| q.value != Some(v) && q.min != Some(v)),
            "{s}: {:?}",
            figures(s)
        );
    }
}

#[test]
fn the_items_of_a_list_are_told_by_the_source_of_its_opening_line() {
    let lex = Lexicon::builtin().unwrap();
    let a = read(
        &lex,
        "خبر\n\nوبحسب المنظمة الدولية للهجرة، توزعت أعداد النازحين على النحو الآتي:\n• محلية بارا: 16480 شخصاً.\n• محلية الرهد: 7125 شخصاً.\n\nوقال سكان إن القصف تواصل.",
    );
    for v in [16480.0, 7125.0] {
        let src = figure_role(&a, v, |q| q.reported_by.as_ref());
        assert!(
            src.is_some_and(|s| s.contains("للهجرة")),
            "{v}: {:?}",
            a.quantities
        );
    }
}
