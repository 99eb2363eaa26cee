//! Names nobody listed come out typed, from general patterns: an article written for this test
//! (not from the seeds), whose prison, camp, neighbourhood, village, armed group and people are
//! in no gazetteer.

use std::path::Path;

use athar::lexicon::Lexicon;
use athar::pipeline::analyze_corpus;
use athar::text::Document;
use chrono::NaiveDate;

/// A text read and resolved alone.
fn read_alone(
    name: &str,
    text: String,
) -> (Vec<athar::model::ArticleFacts>, athar::model::Resolution) {
    let lex = Lexicon::builtin().unwrap();
    analyze_corpus(
        &lex,
        vec![Document::new(name, text)],
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    )
}

/// An article written for these tests (`tests/data/patterns/`), read and resolved alone.
fn article(name: &str) -> (Vec<athar::model::ArticleFacts>, athar::model::Resolution) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/patterns")
        .join(name);
    read_alone(name, std::fs::read_to_string(p).unwrap())
}

/// A sentence or two, read and resolved alone.
fn text_alone(text: &str) -> (Vec<athar::model::ArticleFacts>, athar::model::Resolution) {
    read_alone("t.txt", text.to_string())
}

/// The labels of the entities a sentence or two mention, read alone.
/// The label of the entity the mention whose text is `anchor` refers to.
fn referent(text: &str, anchor: &str) -> Option<String> {
    let (arts, res) = text_alone(text);
    arts[0]
        .rec
        .mentions
        .iter()
        .find(|m| arts[0].doc.slice(m.start, m.end) == anchor)
        .map(|m| res.entity_of(&m.entity).label_ar.clone())
}

fn mention_labels(text: &str) -> Vec<String> {
    mention_classes(text).into_iter().map(|(l, _)| l).collect()
}

/// Whether `found` holds `label` with `class`.
fn found_as(found: &[(String, &'static str)], label: &str, class: &str) -> bool {
    found.iter().any(|(l, c)| l == label && *c == class)
}

/// The labels and classes of the entities a sentence or two mention, read alone.
fn mention_classes(text: &str) -> Vec<(String, &'static str)> {
    let (arts, res) = text_alone(text);
    arts[0]
        .rec
        .all_mentions()
        .map(|m| {
            let e = res.entity_of(&m.entity);
            (e.label_ar.clone(), e.class.name())
        })
        .collect()
}

#[test]
fn unlisted_names_are_recognized_with_their_class() {
    let (arts, res) = article("unlisted-names.txt");
    let found: Vec<(String, &str)> = arts[0]
        .rec
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                arts[0].doc.slice(m.start, m.end),
                res.entity_of(&arts[0].rec.mentions[i].entity).class.name(),
            )
        })
        .collect();
    for (text, class) in [
        ("سجن الميادين المركزي", "Prison"),
        ("مخيم العريشة", "Camp"),
        ("حي الحميدية", "Neighborhood"),
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
        .map(|(i, _)| res.index_of(&arts[0].rec.mentions[i].entity))
        .collect();
    assert_eq!(people.len(), 1);
    let p = arts[0].published.as_ref().unwrap();
    assert_eq!(p.value.lexical(), "2019-08-14");
}

#[test]
fn people_described_rather_than_titled_and_names_of_several_words() {
    for (text, name) in [
        // a researcher's field between the title and the name
        (
            "ويرى الباحث في الشؤون الأمنية سامر الأسعد أن الخلايا ما زالت نشطة.",
            "سامر الأسعد",
        ),
        (
            "ويقول الخبير في شؤون الجماعات المسلحة، هشام الهاشمي، إن التنظيم تغير.",
            "هشام الهاشمي",
        ),
        // a retired rank is a title, not a brigade
        (
            "ويرى اللواء المتقاعد فايز الدويري أن المعركة طويلة.",
            "فايز الدويري",
        ),
        // «أبو» inside a name takes the word after it; «الدين» joins the given name
        (
            "واستشهد الشاب أحمد خالد أبو علي برصاص الاحتلال.",
            "أحمد خالد أبو علي",
        ),
        (
            "وأصيب الفتى عز الدين حمدان، وهو طالب، برصاصة في قدمه.",
            "عز الدين حمدان",
        ),
        // a municipality is a body its head speaks for; its name is no person
        (
            "وقال رئيس بلدية بيت لاهيا، علاء العطار، إن الطواقم عاجزة.",
            "علاء العطار",
        ),
        // an office names its holder where no name follows
        (
            "وقال والي ولاية الخرطوم إن القصف أوقع 12 قتيلا.",
            "والي ولاية الخرطوم",
        ),
        // adjectives that end a hospital's name (one nobody listed)
        (
            "ونقل الجرحى إلى مستشفى السلام الحكومي في دير البلح.",
            "مستشفى السلام الحكومي",
        ),
    ] {
        let names = mention_labels(text);
        assert!(names.iter().any(|n| n == name), "{name} not in {names:?}");
    }
    // a town whose name is a common word, after its head and before «الواقعة» or a preposition
    let classes =
        mention_classes("ووصلت تعزيزات عسكرية إلى مدينة سلمية الواقعة شرقي حماة مساء الأحد.");
    assert!(
        classes.contains(&("سلمية".to_string(), "City")),
        "{classes:?}"
    );
    // but not an adjective after the head
    let names = mention_labels("ونزحت العائلات إلى قرية صغيرة قرب الحدود.");
    assert!(names.iter().all(|n| !n.contains("صغيرة")), "{names:?}");
    // «مديرية X» names a district where X is a place, a directorate where a chain goes on;
    // «محلية» after a noun is an adjective
    let classes = mention_classes("وسقطت قذائف على مديرية حيس جنوبي الحديدة.");
    assert!(
        classes.contains(&("مديرية حيس".to_string(), "Region")),
        "{classes:?}"
    );
    let names = mention_labels("ودخلت فصائل محلية مسلحة في مفاوضات مع الحكومة.");
    assert!(names.iter().all(|n| !n.contains("محلية")), "{names:?}");
    // two villages nobody listed after a dual head
    let names = mention_labels("وتعرضت أطراف بلدتي كفرشوبا وشبعا لقصف مدفعي.");
    assert!(
        names.iter().any(|n| n == "كفرشوبا") && names.iter().any(|n| n == "شبعا"),
        "{names:?}"
    );
    // «الجيش»، «الشرطة» are the article's country's own; with no country, no one's; a unit
    // named by an adjective is not the generic body
    let names = mention_labels(
        "قصفت قوات الدعم السريع مدينة الأبيض في السودان. وقال الجيش إنه صد الهجوم، وأعلنت الشرطة اعتقال مشتبهين.",
    );
    assert!(
        names.iter().any(|n| n == "القوات المسلحة السودانية")
            && names.iter().any(|n| n == "الشرطة السودانية"),
        "{names:?}"
    );
    let names = mention_labels("وقال الجيش إنه صد الهجوم.");
    assert!(names.is_empty(), "{names:?}");
    let names = mention_labels("هاجم مسلحون حاجزا للشرطة الاتحادية في كركوك بالعراق.");
    assert!(names.iter().all(|n| n != "الشرطة العراقية"), "{names:?}");
    // a town of the rest of the world, after its head noun
    let names = mention_labels("وعقدت جولة المحادثات في مدينة جنيف السويسرية الأسبوع الماضي.");
    assert!(names.iter().any(|n| n == "جنيف"), "{names:?}");
    let names = mention_labels("وقال رئيس بلدية بيت لاهيا، علاء العطار، إن الطواقم عاجزة.");
    assert!(names.iter().any(|n| n.starts_with("بلدية")), "{names:?}");
}

#[test]
fn another_country_another_outlet() {
    // an article written for this test: Iraq, Levantine month names, a rank before a name
    let (arts, res) = article("iraq-checkpoint.txt");
    let a = &arts[0];
    let class_of = |text: &str| {
        a.rec
            .mentions
            .iter()
            .enumerate()
            .find(|(_, m)| a.doc.slice(m.start, m.end) == text)
            .map(|(i, _)| res.entity_of(&a.rec.mentions[i].entity).class.name())
    };
    assert_eq!(class_of("قضاء الدبس"), Some("Region"));
    assert_eq!(class_of("تحسين الخفاجي"), Some("Person"));
    assert_eq!(class_of("محمد شياع السوداني"), Some("Person"));
    assert_eq!(class_of("وكالة الأنباء العراقية"), Some("MediaOutlet"));
    assert_eq!(class_of("قيادة العمليات المشتركة"), Some("ArmedGroup"));
    let heads: Vec<String> = a
        .rec
        .relations
        .iter()
        .filter(|r| r.1 == athar::vocab::Relation::HeadOf)
        .map(|r| res.entities[res.by_ref[&r.2]].label_ar.clone())
        .collect();
    assert_eq!(heads, ["العراق"]);
    // «مساء الثلاثاء» in an article of Wednesday 12 June 2024
    let attack = a
        .events
        .iter()
        .find(|e| e.class == athar::vocab::EventClass::Attack)
        .unwrap();
    assert_eq!(
        attack.date.map(|d| d.lexical()).as_deref(),
        Some("2024-06-11")
    );
    assert_eq!(a.published.as_ref().unwrap().value.lexical(), "2024-06-12");
}

#[test]
fn a_dateline_with_the_hijri_date_first() {
    let (arts, _) = text_alone(
        "تسعة قتلى في تفجير\n\nموقع كوكجة الإخباري\nالأحد 22 ربيع الأول 1447 هـ - الموافق 14 سبتمبر 2025\n\nقتل تسعة أشخاص في تفجير انتحاري.",
    );
    assert_eq!(
        arts[0].published.as_ref().unwrap().value.lexical(),
        "2025-09-14"
    );
    // in the body, a day «الموافق» a weekday is no dateline
    let (arts, _) = text_alone(
        "خبر\n\nقتل تسعة أشخاص في تفجير وقع يوم الأحد الموافق 14 سبتمبر 2025 في المدينة بعد هجمات متكررة عليها.",
    );
    assert!(arts[0].published.is_none(), "{:?}", arts[0].published);
}

#[test]
fn bodies_named_by_a_definite_head_and_what_they_are_for() {
    let found = mention_classes(
        "قال المركز الإعلامي للقوات المسلحة اليمنية إن الهجوم صُدّ. وقالت الوحدة التنفيذية لإدارة مخيمات النازحين إن الأسر نزحت. وأعلنت المديرية العامة للدفاع المدني انتشال جثتين. وقالت الشركة السودانية لتوزيع الكهرباء إن المحطة توقفت.",
    );
    for (name, class) in [
        ("المركز الإعلامي للقوات المسلحة اليمنية", "Organization"),
        ("الوحدة التنفيذية لإدارة مخيمات النازحين", "Organization"),
        ("المديرية العامة للدفاع المدني", "Government"),
        ("الشركة السودانية لتوزيع الكهرباء", "Organization"),
    ] {
        assert!(
            found.iter().any(|(l, c)| l == name && *c == class),
            "{name}: {found:?}"
        );
    }
    // a body named after a known owner is one node however the text shortens the owner, and
    // keeps both names
    let (arts, res) = text_alone(
        "بحسب ما أعلن المركز الإعلامي لـ«قسد». وقال المركز الإعلامي لقوات سوريا الديمقراطية إن الهجوم فشل.",
    );
    let centres: Vec<_> = arts[0]
        .rec
        .mentions
        .iter()
        .map(|m| res.entity_of(&m.entity))
        .filter(|e| e.label_ar.starts_with("المركز الإعلامي"))
        .collect();
    assert_eq!(centres.len(), 2, "{centres:?}");
    assert_eq!(centres[0].iri, centres[1].iri);
    let names: Vec<&String> = std::iter::once(&centres[0].label_ar)
        .chain(&centres[0].alt_labels)
        .collect();
    for want in [
        "المركز الإعلامي لقسد",
        "المركز الإعلامي لقوات سوريا الديمقراطية",
    ] {
        assert!(names.iter().any(|n| *n == want), "{want}: {names:?}");
    }
    // a head and adjectives alone describe a body, they do not name one; nor does a phrase
    // that relates it to another actor, or «مركز» that is a town's centre
    let labels = mention_labels(
        "وقالت الصحيفة الأمريكية إن المجلس الرئاسي اجتمع. وانتشرت القوات التابعة للمجلس الانتقالي الجنوبي في مركز محافظة أبين.",
    );
    for l in &labels {
        assert!(
            !l.starts_with("الصحيفة")
                && !l.starts_with("المجلس الرئاسي")
                && !l.starts_with("القوات التابعة")
                && !l.starts_with("مركز"),
            "{labels:?}"
        );
    }
}

#[test]
fn fronts_and_places_near_others() {
    // a front line after a word of where is a place; a group's name stays a group
    let found = mention_classes(
        "صدت القوات هجوما على مواقعها في جبهة الكسارة غربي مأرب. وقال قيادي في جبهة النصرة إن المقاتلين انسحبوا.",
    );
    assert!(found_as(&found, "جبهة الكسارة", "Region"), "{found:?}");
    assert!(
        found
            .iter()
            .all(|(l, c)| !l.contains("النصرة") || *c == "ArmedGroup"),
        "{found:?}"
    );
    // a name that needs context, confirmed once by its head noun, counts elsewhere too
    let labels = mention_labels(
        "غارة على مدينة بنت جبيل جنوب لبنان.\n\nواستهدفت مسيرة دراجة على طريق بنت جبيل - عيناثا.",
    );
    assert_eq!(
        labels.iter().filter(|l| l.as_str() == "بنت جبيل").count(),
        2,
        "{labels:?}"
    );
    let labels = mention_labels("واستهدفت مسيرة دراجة على طريق بنت جبيل - عيناثا.");
    assert!(labels.iter().all(|l| l != "بنت جبيل"), "{labels:?}");
    // a facility named by its definite head and the nisba of a country; not a bare field
    // hospital (in El Fasher, the one the gazetteer knows there)
    let found = mention_classes(
        "خبر\n\nقال مدير المستشفى السعودي في مدينة الفاشر إن 19 جثة وصلت، ونقل جرحى إلى المستشفى الميداني.",
    );
    assert!(
        found_as(&found, "المستشفى السعودي بالفاشر", "Facility"),
        "{found:?}"
    );
    let found =
        mention_classes("خبر\n\nقال مدير المستشفى السعودي في مدينة أبها إن ثلاثة جرحى وصلوا.");
    assert!(
        found_as(&found, "المستشفى السعودي", "Facility"),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(l, _)| l != "المستشفى الميداني"),
        "{found:?}"
    );
    // more adjectives that end a facility's name
    let labels = mention_labels(
        "نقل الجرحى إلى مستشفى السويداء الوطني ومستشفى كويتا المدني، واستهدف الهجوم حاجزا قرب حقل الجبسة النفطي.",
    );
    for name in [
        "مستشفى السويداء الوطني",
        "مستشفى كويتا المدني",
        "حقل الجبسة النفطي",
    ] {
        assert!(labels.iter().any(|l| l == name), "{name}: {labels:?}");
    }
    // a complex is named with the adjective that ends its name; a title before it does not
    // make it a person; «مجمع السجن» describes
    let found = mention_classes(
        "وقال مدير مجمع ناصر الطبي، الدكتور نبيل الفرا، إن المجمع استقبل الجرحى. وقصفت القوات مجمع السجن المدمر.",
    );
    assert!(found_as(&found, "مجمع ناصر الطبي", "Facility"), "{found:?}");
    assert!(found.iter().all(|(l, _)| l != "مجمع السجن"), "{found:?}");
    // the country's government named with an epithet («المعترف بها دولياً»، «الشرعية») is the
    // country's government, by that name; another adjective says it is some other one
    let (arts, res) = text_alone(
        "عدن - قال وزير الإعلام في الحكومة المعترف بها دولياً إن الحوثيين قصفوا مدينة تعز في اليمن. وقالت الحكومة الانتقالية في السودان إن الوضع صعب.",
    );
    let named: Vec<(String, String)> = arts[0]
        .rec
        .mentions
        .iter()
        .map(|m| {
            (
                arts[0].doc.slice(m.start, m.end),
                res.entity_of(&m.entity).label_ar.clone(),
            )
        })
        .collect();
    assert!(
        named
            .iter()
            .any(|(t, e)| t.starts_with("الحكومة المعترف بها دولي") && e.contains("اليمنية")),
        "{named:?}"
    );
    assert!(
        named
            .iter()
            .all(|(t, _)| !t.starts_with("الحكومة الانتقالية")),
        "{named:?}"
    );
    // the body that runs a camp is named by it, and the camp is named too (and referred back to)
    let found = mention_classes(
        "وقالت إدارة مخيم الهول في الحسكة إن 22 امرأة حاولن الفرار، وإن المخيم يضم آلاف الأشخاص.",
    );
    assert!(
        found_as(&found, "إدارة مخيم الهول", "Organization"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .filter(|(l, c)| l == "مخيم الهول" && *c == "Camp")
            .count()
            >= 2,
        "{found:?}"
    );
    // a person right after a title and a reference back to an organisation («مدير المرصد»)
    let found = mention_classes(
        "وأفاد المرصد السوري لحقوق الإنسان بمقتل خمسة. وقال مدير المرصد رامي عبد الرحمن لوكالة فرانس برس إن السجناء فروا.",
    );
    assert!(found_as(&found, "رامي عبد الرحمن", "Person"), "{found:?}");
    let rels = relations_of(
        "وأفاد المرصد السوري لحقوق الإنسان بمقتل خمسة. وقال مدير المرصد رامي عبد الرحمن لوكالة فرانس برس إن السجناء فروا.",
    );
    assert!(
        rels.iter()
            .any(|(a, r, b)| a == "رامي عبد الرحمن" && r == "officialOf" && b.contains("المرصد")),
        "{rels:?}"
    );
    // «الجماعة» refers back to a group named «جماعة …» or «تنظيم …» (by the gazetteer's name
    // too), not to any armed body named most
    let group = referent(
        "وقالت القيادة المركزية الأمريكية إن القيادة المركزية الأمريكية نفذت ضربات على مواقع جماعة الحوثي في اليمن. وقال زعيم الجماعة إن الرد قادم.",
        "الجماعة",
    );
    assert!(
        group
            .as_deref()
            .is_none_or(|g| !g.contains("القيادة المركزية")),
        "{group:?}"
    );
    // (text, anaphor, a word of the label it refers to)
    for (text, anaphor, of) in [
        // … and to a name that begins with «جماعة» before one named after it in a phrase about it
        (
            "وتبنت جماعة نصرة الإسلام والمسلمين، المرتبطة بتنظيم القاعدة، الهجوم. وأقرت الجماعة بمقتل أربعة من مقاتليها.",
            "الجماعة",
            "نصرة",
        ),
        // «الوحدة» refers back to a unit named by its definite head
        (
            "وفق ما أعلنت الوحدة التنفيذية لإدارة مخيمات النازحين. وقالت الوحدة في بيان إن 140 أسرة غادرت المخيم.",
            "الوحدة",
            "التنفيذية",
        ),
    ] {
        let found = referent(text, anaphor);
        assert!(found.as_deref().is_some_and(|f| f.contains(of)), "{text}: {found:?}");
    }
    // «المدينة» refers back to the town named last
    let town = referent(
        "وفي حمص في سوريا، قُتل شقيقان في حي الزهراء شرقي المدينة.",
        "المدينة",
    );
    assert_eq!(town.as_deref(), Some("حمص"));
    // a name nobody listed and, in brackets right after it, the short name of a body of the
    // same kind: one node
    let (arts, res) =
        text_alone("وقال قائد الأمن الداخلي لوكالة الأنباء السورية (سانا) إن الوضع هادئ في سوريا.");
    let outlets: std::collections::BTreeSet<&str> = arts[0]
        .rec
        .mentions
        .iter()
        .map(|m| res.entity_of(&m.entity))
        .filter(|e| e.class.name() == "MediaOutlet")
        .map(|e| e.iri.as_str())
        .collect();
    assert_eq!(outlets.len(), 1, "{outlets:?}");
    // «مصدران أمنيان» are sources, not a person's name
    let found = mention_classes(
        "خبر\n\nوقتل 41 جندياً في الهجوم، بحسب ما أفاد مصدران أمنيان في بوركينا فاسو.",
    );
    assert!(found.iter().all(|(_, c)| *c != "Person"), "{found:?}");
    // a district's head names a district by a rare word, also one that reads like «بـ» + a
    // word, or by a rare definite word; the division after «بـ» is not part of its name; after
    // a preposition the head is a noun; «مديرية الصحة» is a body
    let found = mention_classes(
        "قتل شخص في مديرية برمل بولاية بكتيكا. ونزحت أسر نحو مديرية الخوخة خلال الساعات الماضية. وقال مدير مديرية الصحة في المحافظة إن المستشفيات ممتلئة.",
    );
    assert!(found_as(&found, "مديرية برمل", "Region"), "{found:?}");
    assert!(found_as(&found, "مديرية الخوخة", "Region"), "{found:?}");
    assert!(
        found
            .iter()
            .all(|(l, c)| !l.contains("الصحة") || *c != "Region"),
        "{found:?}"
    );
    // two towns after a dual head, the first named with a word that begins place names
    let labels =
        mention_labels("اعتقلت القوات ثمانية مشتبه بهم في حملة دهم ببلدتي أبو حمام وغرانيج.");
    // (a town listed with its head, «بلدة أبو حمام», keeps it in its label)
    for town in ["أبو حمام", "غرانيج"] {
        assert!(
            labels.iter().any(|l| l.ends_with(town)),
            "{town}: {labels:?}"
        );
    }
    // the nominative dual head («مدينتا»), a listed town then one nobody listed, definite
    let labels = mention_labels("تعيش مدينتا كادقلي والدلنج تحت حصار خانق في السودان.");
    for town in ["كادقلي", "الدلنج"] {
        assert!(labels.iter().any(|l| l == town), "{town}: {labels:?}");
    }
    // a name in quotes after «يُدعى»; a name that begins with «أبو» after «المدعو»
    let labels = mention_labels(
        "أسفرت العملية عن اعتقال قيادي في التنظيم يدعى «أبو ياسر العراقي»، قال إنه متورط.",
    );
    assert!(labels.iter().any(|l| l == "أبو ياسر العراقي"), "{labels:?}");
    // (not after the closing quote of what came before)
    let labels =
        mention_labels("قتل ستة إرهابيين بينهم «والي كركوك» بضربتين جويتين في وادي زغيتون.");
    assert!(labels.iter().all(|l| !l.contains("بضربتين")), "{labels:?}");
    let labels = mention_labels("هاجمت مجموعة يتزعمها المدعو أبو جعفر الزين حاجزاً للجيش.");
    assert!(
        labels.iter().any(|l| l.starts_with("أبو جعفر")),
        "{labels:?}"
    );
    // no name: a verb after a place's head, a verb after a unit's number, a site after a body
    // whose name is complete (the object of its verb)
    let labels = mention_labels(
        "استهدفت غارة مدرسة تؤوي نازحين في حي الدرج. وانتشر اللواء 444 ينتشر للفصل بين الطرفين.",
    );
    assert!(
        labels
            .iter()
            .all(|l| !l.contains("تؤوي") && !l.contains("ينتشر")),
        "{labels:?}"
    );
    let labels = mention_labels("ثم تسلمت وزارة الداخلية سجن الأقطان في الرقة.");
    assert!(labels.iter().any(|l| l == "سجن الأقطان"), "{labels:?}");
    // a common definite word after a town's head, then an adjective that follows places
    let labels = mention_labels("ويقول سكان في بلدة الهول المجاورة إن أصوات الاشتباك استمرت.");
    assert!(labels.iter().any(|l| l == "الهول"), "{labels:?}");
    let labels = mention_labels("قتل شخصان في بلدتي عيترون والمنطقة المجاورة في لبنان.");
    assert!(labels.iter().all(|l| !l.contains("المنطقة")), "{labels:?}");
    // a masculine noun's dual; the head and each name a listed name
    let labels = mention_labels("ونزح الآلاف من مخيمي الهول وروج في الحسكة.");
    for camp in ["مخيم الهول", "مخيم روج"] {
        assert!(labels.iter().any(|l| l == camp), "{camp}: {labels:?}");
    }
    // a common definite word that ends the clause is the second name
    let labels = mention_labels("واعتقلت القوات العشرات في حيي غويران والزهور، وفق المصدر.");
    assert!(labels.iter().any(|l| l.contains("الزهور")), "{labels:?}");
    let labels = mention_labels("وقصفت المسيرات منطقتي متينا والزاب شمالي العراق.");
    for area in ["متينا", "الزاب"] {
        assert!(
            labels.iter().any(|l| l.contains(area)),
            "{area}: {labels:?}"
        );
    }
    // two towns after a dual head, each with the district it lies in
    let rels = relations_of(
        "استهدفت مسيرات إسرائيلية بلدتي عيترون في قضاء بنت جبيل وكفرصير في قضاء النبطية.",
    );
    for (town, district) in [("عيترون", "بنت جبيل"), ("كفرصير", "النبطية")]
    {
        assert!(
            rels.iter()
                .any(|(a, r, b)| a == town && r == "locatedIn" && b.contains(district)),
            "{town}: {rels:?}"
        );
    }
    // a town named by a definite common word after its indefinite head, before a preposition
    let found = mention_classes(
        "قصفت إسرائيل بلدة المنصوري في قضاء صور، واستهدف حزب الله الأطراف الشرقية لبلدة الخيام بصليات صاروخية.",
    );
    for town in ["المنصوري", "الخيام"] {
        assert!(
            found.iter().any(|(l, c)| l == town && *c == "City"),
            "{town}: {found:?}"
        );
    }
    // the government an armed group runs is a body of its own
    let found = mention_classes("وتتهم إسلام آباد حكومة طالبان بإيواء قادة الحركة.");
    assert!(found_as(&found, "حكومة طالبان", "Government"), "{found:?}");
    // a command named by what it does belongs to the place named with it
    let labels =
        mention_labels("وأعلنت قيادة الأمن الداخلي في محافظة اللاذقية فرض حظر تجول في مدينة جبلة.");
    assert!(
        labels
            .iter()
            .any(|l| l == "قيادة الأمن الداخلي في محافظة اللاذقية"),
        "{labels:?}"
    );
    // where a place lies is not part of its name
    let labels = mention_labels("اندلعت اشتباكات في منطقة الشيخ سالم قرب زنجبار مركز محافظة أبين.");
    assert!(labels.iter().all(|l| !l.ends_with("قرب")), "{labels:?}");
}

/// The relations one sentence states, as (subject label, relation, object label).
fn relations_of(text: &str) -> Vec<(String, String, String)> {
    let (arts, res) = text_alone(text);
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let mut out: Vec<(String, String, String)> = arts[0]
        .rec
        .relations
        .iter()
        .map(|(a, r, b)| (label(a), r.name().to_string(), label(b)))
        .collect();
    for (a, b) in &arts[0].rec.located_in {
        out.push((
            label(&arts[0].rec.mentions[*a].entity),
            "locatedIn".into(),
            label(&arts[0].rec.mentions[*b].entity),
        ));
    }
    out
}

#[test]
fn a_name_that_passed_to_another_actor_names_the_one_of_the_articles_day() {
    // the Syrian army before and after 8 December 2024 (`eras.tsv`)
    let told =
        |day: &str| format!("قصف في ريف الرقة\n\n{day}\n\nوقصف الجيش السوري مواقع في ريف الرقة.");
    let (before, after) = (told("23 كانون الثاني 2022"), told("18 كانون الثاني 2026"));
    assert_eq!(
        referent(&before, "الجيش السوري").as_deref(),
        Some("قوات النظام السوري")
    );
    assert_eq!(
        referent(&after, "الجيش السوري").as_deref(),
        Some("الجيش العربي السوري")
    );
}

#[test]
fn a_town_that_shares_its_name_with_a_town_abroad_is_the_articles() {
    // «مدينة صور» in an article on the Lebanese army and Hezbollah is Tyre, not Sur in Oman
    let r = referent(
        "خبر\n\nقال الجيش اللبناني إن مسيرة إسرائيلية استهدفت سيارة، وأعلن حزب الله مقتل أحد عناصره، ونقل الجريح إلى مستشفى جبل عامل في مدينة صور.",
        "صور",
    );
    assert!(r.as_deref().is_some_and(|l| !l.contains("ولاية")), "{r:?}");
}

#[test]
fn relations_as_reports_state_them() {
    let has = |text: &str, a: &str, r: &str, b: &str| {
        let rels = relations_of(text);
        let f = athar::text::normalize::fold_str;
        assert!(
            rels.iter()
                .any(|(x, y, z)| f(x).contains(&f(a)) && y == r && f(z).contains(&f(b))),
            "{text}: no {a} {r} {b} in {rels:?}"
        );
    };
    // a site named after a town the article names, listed nowhere, lies in it
    has(
        "وقال سكان من بلدة قيسان إن مسيرة استهدفت سوق قيسان الأسبوعي.",
        "سوق قيسان",
        "locatedIn",
        "قيسان",
    );
    // a body whose own name says whose it is belongs to it
    has(
        "بحسب ما أعلن المركز الإعلامي لقوات سوريا الديمقراطية في بيان.",
        "المركز الإعلامي",
        "partOf",
        "قوات سوريا الديمقراطية",
    );
    has(
        "وقالت إدارة العلاقات العامة للقوات المسلحة الباكستانية في بيان إن الهجوم صُدّ.",
        "إدارة العلاقات العامة",
        "partOf",
        "الجيش الباكستاني",
    );
    // a title with a possessive pronoun names the organisation named last; one heads a state
    // or a government, and is an official of anything else
    has(
        "وأعربت بعثة الأمم المتحدة للدعم في ليبيا عن قلقها. وقالت رئيستها هانا تيتيه إن الوضع خطير.",
        "هانا تيتيه",
        "officialOf",
        "بعثة الأمم المتحدة",
    );
    let rels = relations_of(
        "وأعربت بعثة الأمم المتحدة للدعم في ليبيا عن قلقها. وقالت رئيستها هانا تيتيه إن الوضع خطير.",
    );
    assert!(rels.iter().all(|(_, r, _)| r != "headOf"), "{rels:?}");
    // a camp holds its quarters, and lies in its town
    has(
        "وقصفت طائرة مسيرة تجمعا في حارة المنشية داخل مخيم جنين.",
        "حارة المنشية",
        "locatedIn",
        "مخيم جنين",
    );
    // a spokesman named between commas after his title and organisation
    has(
        "وقال الناطق باسم جهاز الإسعاف والطوارئ، مالك الشريف، إن الحصيلة ارتفعت.",
        "مالك الشريف",
        "spokespersonOf",
        "جهاز الإسعاف والطوارئ",
    );
    // a rank after the comma, a name that folds like a preposition («علي»), an adjective title
    has(
        "وقال الناطق باسم جهاز الدفاع المدني في غزة، الرائد فادي سلامة، للصحفيين إن الطواقم تعمل.",
        "فادي سلامة",
        "spokespersonOf",
        "الدفاع المدني",
    );
    has(
        "وقال المتحدث باسم قيادة العمليات المشتركة، علي الحسيني، إن القوات تقدمت.",
        "علي الحسيني",
        "spokespersonOf",
        "قيادة العمليات المشتركة",
    );
    has(
        "وكان المتحدث العسكري باسم جماعة أنصار الله، يحيى سريع، قد أعلن تنفيذ عملية.",
        "يحيى سريع",
        "spokespersonOf",
        "أنصار الله",
    );
    // the organisation between the title and the comma, past a phrase saying where, and
    // through a rank; a reference back to an organisation named earlier
    has(
        "وقال المتحدث باسم قيادة العمليات المشتركة في محافظة نينوى، العقيد علي الحسيني، إن القوات تقدمت.",
        "علي الحسيني",
        "spokespersonOf",
        "قيادة العمليات المشتركة",
    );
    has(
        "وتبنت حركة الشباب الهجوم على القاعدة. وقال المتحدث باسم الحركة، الشيخ عبد العزيز أبو مصعب، إن مقاتليها سيطروا عليها.",
        "عبد العزيز أبو مصعب",
        "spokespersonOf",
        "حركة الشباب",
    );
    // who runs or guards a place, named before the verb
    has(
        "وأقرت قوات سوريا الديمقراطية، التي تدير سجن الأقطان، بمقتل ثلاثة من مقاتليها.",
        "قوات سوريا الديمقراطية",
        "controls",
        "سجن الأقطان",
    );
    // who runs or guards a place, past what the clause says of it; the director of a hospital
    has(
        "اندلع استعصاء داخل سجن علايا في مدينة القامشلي، الذي يضم معتقلين من تنظيم «داعش» وتديره قوى الأمن الداخلي.",
        "الأسايش",
        "controls",
        "سجن علايا",
    );
    has(
        "وقال مدير مجمع الشفاء الطبي في مدينة غزة، الدكتور سليم الشوا، إن المجمع استقبل ثمانية شهداء.",
        "سليم الشوا",
        "officialOf",
        "الشفاء",
    );
    // a known body's name that goes on to say whose it is names another body, that one's part
    has(
        "وأعلنت قيادة عمليات ديالى للحشد الشعبي اعتقال ثلاثة مشتبه بهم.",
        "قيادة عمليات ديالى للحشد الشعبي",
        "partOf",
        "الحشد الشعبي",
    );
    // the place that closes a body's name is named too, and what follows is said of it
    has(
        "أعلن مكتب الصحة العامة والسكان في محافظة الحديدة، الخاضعة لسيطرة جماعة الحوثيين، ارتفاع الحصيلة.",
        "أنصار الله",
        "controls",
        "محافظة الحديدة",
    );
    // who leads, named after his own title; «عضو» is a title
    has(
        "وتسيطر على المدينة قوات المقاومة الوطنية اليمنية التي يقودها عضو مجلس القيادة الرئاسي طارق صالح.",
        "طارق صالح",
        "commanderOf",
        "المقاومة الوطنية",
    );
    has(
        "وتسيطر على المدينة قوات المقاومة الوطنية اليمنية التي يقودها عضو مجلس القيادة الرئاسي طارق صالح.",
        "طارق صالح",
        "officialOf",
        "مجلس القيادة الرئاسي",
    );
    // «المدينة» after a word of where is the town named before; a sentence framed by a town
    has(
        "قتل شقيقان برصاص مسلحين في مدينة حلب. ووقع الهجوم في حي الزهراء شرقي المدينة مساء السبت.",
        "حي الزهراء",
        "locatedIn",
        "حلب",
    );
    has(
        "في نابلس، اقتحمت القوات مخيم بلاطة والبلدة القديمة، كما اقتحمت بلدة قباطية.",
        "مخيم بلاطة",
        "locatedIn",
        "نابلس",
    );
    let rels =
        relations_of("في نابلس، اقتحمت القوات مخيم بلاطة والبلدة القديمة، كما اقتحمت بلدة قباطية.");
    assert!(
        rels.iter()
            .all(|(a, _, b)| !(a.contains("قباطية") && b.contains("نابلس"))),
        "a town frames no other town: {rels:?}"
    );
    // a named governor is one of his province's officials; the office alone states nothing
    has(
        "وأكد حاكم ولاية الخرطوم، أحمد عثمان حمزة، أن الخدمات ستعود.",
        "أحمد عثمان حمزة",
        "officialOf",
        "ولاية الخرطوم",
    );
    let rels = relations_of("وقال محافظ الحسكة إن الوضع تحت السيطرة.");
    assert!(rels.iter().all(|(_, r, _)| r != "officialOf"), "{rels:?}");
    // an area nobody listed, linked to a town, is a part of it
    has(
        "استهدفت غارات خياما في منطقة المواصي غرب مدينة خان يونس جنوبي قطاع غزة.",
        "المواصي",
        "locatedIn",
        "خان يونس",
    );
    // a site named after its town lies in it
    has(
        "وفر عشرات السجناء من سجن الشدادي جنوبي الحسكة.",
        "سجن الشدادي",
        "locatedIn",
        "الشدادي",
    );
    // a town set off by a comma as the seat of a division lies in it
    has(
        "أفادت مديرية الصحة في ولاية بكتيكا بأن المستشفى الإقليمي في مدينة شرنة، مركز الولاية، استقبل ستة جرحى.",
        // (the town's label is the spelling news uses most, «شرانة»)
        "شرانة",
        "locatedIn",
        "بكتيكا",
    );
    // a second side holding the place, after «و» and a noun of holding it
    has(
        "أما مخيم روج قرب المالكية، فلا يزال تحت سيطرة الإدارة الذاتية وحماية الأسايش.",
        "الأسايش",
        "controls",
        "مخيم روج",
    );
    has(
        "ولا يزال مخيم روج خاضعاً لإدارة الإدارة الذاتية منذ سنوات.",
        "الإدارة الذاتية",
        "controls",
        "مخيم روج",
    );
    // the one loyal to another backs it, also when the other is a pronoun
    has(
        "وتبنت حركة الشباب الهجوم في بيان نقلته وكالة شهادة الموالية لها.",
        "وكالة شهادة",
        "supports",
        "حركة الشباب",
    );
    has(
        "وتبنى تنظيم داعش الهجوم في بيان نشرته وكالة أعماق التابعة له.",
        "وكالة أعماق",
        "partOf",
        "الدولة الإسلامية",
    );
    // a comma, then a word of direction: still where the place before lies
    has(
        "هاجم مسلحون قرية تابعة لقضاء المقدادية، شمال شرقي محافظة ديالى.",
        "المقدادية",
        "locatedIn",
        "ديالى",
    );
    // a site that belongs to a body is run by it
    has(
        "وصل تسعة شهداء من مدرسة الجاعوني التابعة لوكالة الأونروا في مخيم النصيرات.",
        "اللاجئين الفلسطينيين",
        "controls",
        "مدرسة الجاعوني",
    );
    // a body whose name begins inside the title is the title's own
    has(
        "فيما دعا رئيس الحكومة اللبنانية، نواف سلام، إلى وقف الخروقات.",
        "نواف سلام",
        "headOf",
        "الحكومة اللبنانية",
    );
    // the head of a town's municipality is one of the town's officials
    has(
        "هاجم مسلحون معسكراً في بلدة ماركالا وسط مالي.\nوقال رئيس بلدية ماركالا، باكاري كوناتي، إن المسلحين انسحبوا.",
        "باكاري كوناتي",
        "officialOf",
        "ماركالا",
    );
    // two words of direction and a head between a quarter and its town
    has(
        "انتشلت الطواقم سبعة شهداء من منزل في حي الزيتون جنوب شرقي مدينة غزة.",
        "حي الزيتون",
        "locatedIn",
        "غزة",
    );
    // a town whose name begins with «ب», after «و», is joined to the place before, not in it
    let rels = relations_of(
        "غارات على حي الزيتون وبني سهيلا رغم وقف إطلاق النار.\n\nاستشهد 13 فلسطينياً في قطاع غزة.",
    );
    assert!(
        rels.iter()
            .all(|(a, r, b)| !(r == "locatedIn" && a.contains("الزيتون") && b.contains("سهيلا"))),
        "{rels:?}"
    );
    // the two ends of a road after «بين» lie in nothing the road crosses
    let rels = relations_of("وقع الكمين على الطريق الرابط بين كويتا وكراتشي في منطقة قلات.");
    assert!(
        rels.iter()
            .all(|(a, r, _)| !(r == "locatedIn" && (a.contains("كويت") || a.contains("كراتشي")))),
        "{rels:?}"
    );
    // control told of a place before the phrase: the place a second place only locates, and
    // the verb before the place
    has(
        "أما مخيم روج قرب المالكية، فلا يزال تحت سيطرة الإدارة الذاتية.",
        "الإدارة الذاتية",
        "controls",
        "مخيم روج",
    );
    // (the Yemeni government's forces: not the Houthis, whose name for their own forces a
    // country's generic body never takes)
    has(
        "وتخضع مدينة تعز لسيطرة القوات الحكومية منذ سنوات.",
        "الجيش اليمني",
        "controls",
        "تعز",
    );
    let rels = relations_of("أما مخيم روج قرب المالكية، فلا يزال تحت سيطرة الإدارة الذاتية.");
    assert!(
        rels.iter()
            .all(|(_, r, o)| !(r == "controls" && o.contains("المالكية"))),
        "{rels:?}"
    );
    // a state office with no owner named is held in the article's country; a listed person's
    // name after a title, however common its words; a name stops before a common word behind
    // a preposition's proclitic
    has(
        "قتل عشرة جنود في هجوم بولاية بورنو في نيجيريا. وأمر الرئيس بولا تينوبو بإرسال تعزيزات.",
        "بولا تينوبو",
        "headOf",
        "نيجيريا",
    );
    has(
        "قتل خمسة في هجوم في بلوشستان جنوب غرب باكستان. وقال وزير الداخلية محسن نقوي إن المنفذين سيلاحقون.",
        "محسن نقوي",
        "officialOf",
        "باكستان",
    );
    has(
        "وكان الرئيس التركي رجب طيب أردوغان قد هدد بتوسيع العمليات.",
        "أردوغان",
        "headOf",
        "تركيا",
    );
    let rels = relations_of(
        "قتل عشرة جنود في هجوم في نيجيريا. وقال رئيس بلدية المدينة سالم حمدان إن الوضع هادئ.",
    );
    assert!(
        rels.iter().all(|(a, _, _)| !a.contains("سالم")),
        "a town's mayor holds no state office: {rels:?}"
    );
    let rels =
        relations_of("وقال الرئيس المشترك للمجلس أحمد علوان إن الهجوم فشل. وتقع البلدة في سوريا.");
    assert!(
        rels.iter().all(|(_, _, b)| b != "سوريا"),
        "not every office is the state's: {rels:?}"
    );
    let rels = relations_of("وقال المتحدث باسم الجيش، العقيد سامي نادر، إن القوات تقدمت.");
    assert!(
        rels.iter()
            .all(|(a, r, _)| !(a.contains("سامي") && r == "commanderOf")),
        "a rank commands nothing: {rels:?}"
    );
    let rels = relations_of("وقال الوزير في لقاء مع السفير الفرنسي، محمد خالد، إن الوضع خطير.");
    assert!(
        rels.iter().all(|(a, _, _)| !a.contains("محمد خالد")),
        "{rels:?}"
    );
    // a body whose name closes with its owner named by a head of its own: both are named
    has(
        "وأعلنت وزارة الصحة بحكومة الوحدة الوطنية ارتفاع الحصيلة.",
        "وزارة الصحة",
        "partOf",
        "حكومة الوحدة الوطنية",
    );
    let labels = mention_labels("وأعلنت وزارة الصحة بحكومة الوحدة الوطنية ارتفاع الحصيلة.");
    assert!(
        labels.iter().any(|l| l == "حكومة الوحدة الوطنية"),
        "{labels:?}"
    );
    // a group's media arm («X، الذراع الإعلامية للجماعة»); who a junta's head rules; a
    // delegation's head heads no town
    has(
        "وتبنت جماعة نصرة الإسلام والمسلمين الهجوم. ونشرت مؤسسة الزلاقة، الذراع الإعلامية للجماعة، تسجيلاً مصوراً.",
        "الزلاقة",
        "partOf",
        "نصرة الإسلام",
    );
    has(
        "ويحكم مالي مجلس عسكري برئاسة الجنرال عاصمي غويتا.",
        "عاصمي غويتا",
        "headOf",
        "مالي",
    );
    let rels = relations_of("ووصل إلى دمشق وفد برئاسة الوزير خالد حسن أمس.");
    assert!(rels.iter().all(|(_, r, _)| r != "headOf"), "{rels:?}");
    // control: a word of control, the actor with it (after it or just before it), «على» and
    // the place; after a relative pronoun the actor it refers to, not its backer; never where
    // control was lost
    has(
        "وتصاعدت المعارك بعد سيطرة قوات الدعم السريع على مدينة الفاشر في السودان.",
        "الدعم السريع",
        "controls",
        "الفاشر",
    );
    has(
        "واستعاد الجيش السوداني السيطرة على مدينة الخرطوم في مارس.",
        "القوات المسلحة السودانية",
        "controls",
        "الخرطوم",
    );
    has(
        "وأعلنت قوات سوريا الديمقراطية المدعومة من التحالف الدولي، والتي تسيطر على سجن غويران، إحباط محاولة فرار.",
        "قوات سوريا الديمقراطية",
        "controls",
        "غويران",
    );
    let rels = relations_of(
        "وأعلنت قوات سوريا الديمقراطية المدعومة من التحالف الدولي، والتي تسيطر على سجن غويران، إحباط محاولة فرار.",
    );
    assert!(
        rels.iter()
            .all(|(a, r, _)| !(a.contains("التحالف") && r == "controls")),
        "{rels:?}"
    );
    let rels = relations_of("وقالت قوات سوريا الديمقراطية إنها فقدت السيطرة على سجن الشدادي.");
    assert!(rels.iter().all(|(_, r, _)| r != "controls"), "{rels:?}");
    // «بدعم من» after the clause's verb; an auxiliary force that «تساند» an army supports it;
    // air support named after «وذلك» goes with the clause, not the group named last
    has(
        "وكانت قوى الأمن الداخلي قد أطلقت، بدعم من قوات سوريا الديمقراطية والتحالف الدولي، حملة أمنية في مخيم الهول.",
        "التحالف الدولي",
        "supports",
        "الأسايش",
    );
    has(
        "قتل 12 من متطوعي الدفاع عن الوطن، وهي قوة رديفة تساند الجيش البوركينابي، في هجوم على جيبو.",
        "الدفاع عن الوطن",
        "supports",
        "القوات المسلحة",
    );
    let rels = relations_of(
        "بدأت قسد اقتحام سجن غويران الذي يتحصن فيه سجناء تنظيم داعش، وذلك بإسناد جوي من التحالف الدولي.",
    );
    assert!(
        rels.iter()
            .all(|(_, r, b)| !(r == "supports" && b.contains("الدولة"))),
        "{rels:?}"
    );
    // a unit named with a country's nisba is part of that country's army where the article
    // names it; a unit after «قواته في» is part of the force named before
    has(
        "وأضاف الجيش التشادي أن سلاح الجو التشادي دمر ستة زوارق.",
        "سلاح الجو التشادي",
        "partOf",
        "الجيش التشادي",
    );
    has(
        "أعلن الجيش السوداني أن قواته في الفرقة 14 مشاة صدت هجوماً على مدينة الدلنج في السودان.",
        "الفرقة 14 مشاة",
        "partOf",
        "القوات المسلحة السودانية",
    );
    // who leads, by a name that begins with «أبو», a verb after it not part of it
    has(
        "خبر\n\nوقال الجيش إن قوات درع السودان بقيادة أبو عاقلة كيكل كبدت الميليشيا خسائر في السودان.",
        "أبو عاقلة كيكل",
        "commanderOf",
        "درع السودان",
    );
    // «بريف X»: the link word may carry «بـ»
    has(
        "وفرضت قوات الأمن حظر تجول في مدينة جبلة بريف اللاذقية غربي سوريا.",
        "جبلة",
        "locatedIn",
        "محافظة اللاذقية",
    );
    // «بقيادة X»: X, a person, commands; a country that leads a coalition commands no one
    has(
        "وتحاصر الحركة الشعبية لتحرير السودان - شمال بقيادة عبد العزيز الحلو مدينة كادقلي.",
        "عبد العزيز الحلو",
        "commanderOf",
        "الحركة الشعبية",
    );
    let rels = relations_of("وحلقت طائرات حربية تابعة للتحالف بقيادة الولايات المتحدة فوق السجن.");
    assert!(rels.iter().all(|(_, r, _)| r != "commanderOf"), "{rels:?}");
    // a title with the adjective of the organisation it serves («المبعوث الأممي»)
    has(
        "وقال المبعوث الأممي هانس غروندبرغ إن الوضع خطير.",
        "هانس غروندبرغ",
        "officialOf",
        "الأمم المتحدة",
    );
    // a command of a force
    has(
        "وأعلنت قيادة عمليات ديالى للحشد الشعبي اعتقال ثلاثة مطلوبين.",
        "قيادة عمليات ديالى",
        "partOf",
        "الحشد الشعبي",
    );
    // a town south-west of a city it belongs to the governorate of; a capital
    has(
        "هاجم مسلحون قرية في قضاء الحويجة جنوب غربي محافظة كركوك.",
        "الحويجة",
        "locatedIn",
        "كركوك",
    );
    has(
        "وصل النازحون إلى مدينة الأبيض عاصمة ولاية شمال كردفان.",
        "الأبيض",
        "locatedIn",
        "شمال كردفان",
    );
    // a sentence framed by a division: an unlisted town named later lies in it
    has(
        "وفي ولاية شمال دارفور غربا، قال شهود إن قصفا طال سوقا قرب بلدة طرة أمس.",
        "طره",
        "locatedIn",
        "شمال دارفور",
    );
    // an area (ناحية، قضاء) linked to a first-level division lies in it, though both rank as
    // divisions
    has(
        "انفجرت عبوة ناسفة بدورية في قضاء الشرقاط جنوبي محافظة نينوى صباح اليوم.",
        "الشرقاط",
        "locatedIn",
        "نينوى",
    );
    // a town whose name begins with a word that begins place names («برج») is that whole name,
    // not a one-word namesake abroad, and lies in the district it is linked to
    has(
        "قتل شخصان في غارة على حاجز عند مدخل بلدة برج الملوك في قضاء مرجعيون مساء أمس.",
        "برج الملوك",
        "locatedIn",
        "مرجعيون",
    );
    // a title before the rank of a name the gazetteer lists with that rank
    has(
        "وأكد رئيس مجلس السيادة الانتقالي الفريق أول عبد الفتاح البرهان أن الحرب لن تتوقف.",
        "عبد الفتاح البرهان",
        "headOf",
        "مجلس السيادة",
    );
    // the organisation of a title named by a reference back («باسم الوزارة»)
    has(
        "أعلنت وزارة الداخلية العراقية اعتقال خلية. وقال المتحدث باسم الوزارة، اللواء سعد معن، إن التحقيق جار.",
        "سعد معن",
        "spokespersonOf",
        "وزارة الداخلية",
    );
    // a relative clause that says who leads («التي يقودها»)
    has(
        "وتحاصر قوات الدعم السريع التي يقودها محمد حمدان دقلو مدينة بابنوسة.",
        "دقلو",
        "commanderOf",
        "الدعم السريع",
    );
    // places joined by «و» share the container named after the last of them; a place in the
    // countryside of a town («ريف درعا») lies in the town's division
    has(
        "سقطت قذائف على مدينة نوى وبلدة جاسم في ريف درعا الغربي جنوبي سوريا ليل الجمعة.",
        "نوى",
        "locatedIn",
        "درعا",
    );
    // a village «التابعة لـ» a sub-district lies in it; a sub-district «في» a district too
    has(
        "أصابت غارة تركية قرية كونكي التابعة لناحية سيدكان في قضاء سوران.",
        "كونكي",
        "locatedIn",
        "سيدكان",
    );
    has(
        "أصابت غارة تركية قرية كونكي التابعة لناحية سيدكان في قضاء سوران.",
        "سيدكان",
        "locatedIn",
        "سوران",
    );
    // a state and the historic region the gazetteer puts it in, named in one sentence
    has(
        "وانتقل ثقل المعارك نحو ولايات كردفان الثلاث، شمال كردفان وغرب كردفان وجنوب كردفان.",
        "شمال كردفان",
        "locatedIn",
        "كردفان",
    );
    // the town's own camp joined by «و» between the town and where it lies
    has(
        "وتواصل القوات عمليتها في مدينة جنين ومخيمها شمال الضفة الغربية لليوم الثاني.",
        "جنين",
        "locatedIn",
        "الضفة الغربية",
    );
    // «، و…» after a title and a phrase is the next clause, not a name set off by commas
    let names = mention_labels(
        "وجرى اللقاء بحضور رئيس المجلس الأعلى للقبائل، ونص على تبادل الأسرى خلال يومين.",
    );
    assert!(names.iter().all(|n| !n.contains("نص")), "{names:?}");
    // «التابعة لـ»: part of
    has(
        "وقالت قوات الأمن العام التابعة لوزارة الداخلية السورية إنها اعتقلت المهاجمين.",
        "الأمن العام",
        "partOf",
        "وزارة الداخلية",
    );
    // a ministry is named with whose it is, not merged with every other «وزارة الصحة»; the name
    // ends where the owner's known name ends, even a name that needs context to count alone
    // (the verb's object after it is not part of it)
    for (text, name) in [
        (
            "وأعلنت وزارة الصحة بحكومة الوحدة الوطنية ارتفاع الحصيلة.",
            "وزارة الصحة بحكومة الوحدة الوطنية",
        ),
        (
            "ودعت وزارة الداخلية بحكومة الوحدة الوطنية الأطراف إلى الوقف الفوري لإطلاق النار.",
            "وزارة الداخلية بحكومة الوحدة الوطنية",
        ),
    ] {
        let names = mention_labels(text);
        assert!(names.iter().any(|n| n == name), "{name} not in {names:?}");
    }
    // a body named in common words only is any place's: the place it belongs to is part of its
    // name, so the health offices of two governorates are two nodes; a body of an organisation
    // keeps its own name (and is that organisation's part)
    for (text, name) in [
        (
            "وقال مدير مكتب الصحة العامة والسكان بمحافظة تعز إن المستشفى استقبل الجرحى.",
            "مكتب الصحة العامة والسكان بمحافظة تعز",
        ),
        (
            "وأعلن مكتب الصحة العامة والسكان في محافظة الحديدة ارتفاع الحصيلة.",
            "مكتب الصحة العامة والسكان في محافظة الحديدة",
        ),
        (
            "وقالت دائرة العلاقات الخارجية في الإدارة الذاتية إنها سلمت الأطفال.",
            "دائرة العلاقات الخارجية",
        ),
    ] {
        let names = mention_labels(text);
        assert!(names.iter().any(|n| n == name), "{name} not in {names:?}");
    }
    // and not: a statement published by an outlet is no membership
    let rels =
        relations_of("ونقل بيان لوكالة الأنباء السورية عن وزارة الداخلية قولها إن الهجوم فشل.");
    assert!(rels.iter().all(|(_, r, _)| r != "partOf"), "{rels:?}");
}

#[test]
fn an_article_from_an_outlet_nobody_listed() {
    // written for this test: an outlet's masthead between headline and date, a town the
    // gazetteer places in the state the same sentence names, words that are towns abroad
    let (arts, res) = article("masthead-sudan.txt");
    let a = &arts[0];
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    // the masthead is the publisher, a media outlet
    let p = a.publisher.expect("a publisher");
    assert_eq!(
        a.doc.slice(a.rec.mentions[p].start, a.rec.mentions[p].end),
        "الوادي نيوز"
    );
    assert_eq!(
        res.entity_of(&a.rec.mentions[p].entity).class.name(),
        "MediaOutlet"
    );
    let names: Vec<String> = a
        .rec
        .mentions
        .iter()
        .map(|m| a.doc.slice(m.start, m.end))
        .collect();
    // «برياً» (by land) and «مشهد» (a scene) are not Bria and Mashhad in a Sudanese article
    for word in ["برياً", "مشهد"] {
        assert!(
            !names.iter().any(|n| n == word),
            "{word} taken as a name: {names:?}"
        );
    }
    // a title with a possessive pronoun stays out of the name
    assert!(names.iter().any(|n| n == "هانا تيتيه"), "{names:?}");
    // the gazetteer knows which state Kadugli lies in; the sentence names both
    let located: Vec<(String, String)> = a
        .rec
        .located_in
        .iter()
        .map(|(x, y)| {
            (
                label(&a.rec.mentions[*x].entity),
                label(&a.rec.mentions[*y].entity),
            )
        })
        .collect();
    assert!(
        located
            .iter()
            .any(|(x, y)| x == "كادقلي" && y.contains("جنوب كردفان")),
        "{located:?}"
    );
    // the headline's figure takes the source the body gives when it states it again
    let five = a
        .quantities
        .iter()
        .find(|q| q.value == Some(5.0) && q.measure == athar::vocab::Measure::Killed)
        .expect("five killed");
    assert!(five.reported_by.is_some(), "{five:?}");
}

/// The events of a text, as (class, agent labels).
fn events_of(text: &str) -> Vec<(String, Vec<String>)> {
    let (arts, res) = text_alone(text);
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    arts[0]
        .events
        .iter()
        .map(|e| {
            let mut agents: Vec<String> = e.agents.iter().map(label).collect();
            agents.sort();
            (format!("{:?}", e.class), agents)
        })
        .collect()
}

/// The agents of a text's attacks, all together.
fn attackers_of(text: &str) -> Vec<String> {
    events_of(text)
        .into_iter()
        .filter(|(c, _)| c == "Attack")
        .flat_map(|(_, a)| a)
        .collect()
}

#[test]
fn event_roles_from_the_clause() {
    // the sides of a clash are the two named after «بين», not every force of the sentence
    let ev = events_of(
        "خبر\n\nاندلعت اشتباكات بين قوات سوريا الديمقراطية وتنظيم الدولة الإسلامية قرب الحسكة، بدعم جوي من التحالف الدولي.",
    );
    let clash = ev.iter().find(|(c, _)| c == "Clash").expect("a clash");
    assert_eq!(clash.1.len(), 2, "{ev:?}");
    assert!(!clash.1.iter().any(|a| a.contains("التحالف")), "{ev:?}");
    // the attack an article leads with, told without its attacker, is the claimant's
    let ev = events_of(
        "خبر\n\nقتل 39 مدنياً في هجوم شنه مسلحون على سوق بلدة بانكيلاري في منطقة تيلابيري.\n\nوتبنى تنظيم الدولة الإسلامية في منطقة الساحل الهجوم في بيان.",
    );
    let attack = ev.iter().find(|(c, _)| c == "Attack").expect("an attack");
    assert!(attack.1.iter().any(|a| a.contains("الساحل")), "{ev:?}");
    // the attack a claim takes gets no attacker from the claim's clause (the group it is tied to
    // did not attack)
    let ev = events_of(
        "خبر\n\nفي المقابل، تبنّت جماعة نصرة الإسلام والمسلمين، المرتبطة بتنظيم القاعدة، الهجوم في بيان.",
    );
    assert!(
        ev.iter()
            .all(|(c, a)| c != "Attack" || !a.iter().any(|x| x.contains("القاعدة"))),
        "{ev:?}"
    );
    // background is no event: fighting dated only by a past year, or going on since a day
    for t in [
        "خبر\n\nوسرت مخاوف من عودة المعارك إلى المنطقة التي شهدت آخر مواجهات واسعة صيف عام 2020.",
        "خبر\n\nوتتواصل المواجهات بين حزب الله وإسرائيل منذ 8 أكتوبر/تشرين الأول 2023.",
    ] {
        let (arts, _) = text_alone(t);
        assert!(
            arts[0].events.iter().all(|e| !e.class.is_violent()),
            "{t}: {:?}",
            arts[0].events
        );
    }
    // the ministry a drone belongs to struck
    let ev = events_of(
        "خبر\n\nقتل ثلاثة مدنيين بقصف مسيّرة تابعة لوزارة الدفاع السورية على منزل في بلدة ولغا.",
    );
    let strike = ev.iter().find(|(c, _)| c == "Airstrike").expect("a strike");
    assert!(
        strike.1.iter().any(|a| a.contains("وزارة الدفاع")),
        "{ev:?}"
    );
    // a repelled attack whose attackers' dead the sentence counts: they still attacked
    let ev = events_of(
        "خبر\n\nأعلن الجيش السوداني أن قواته صدت هجوما واسعا شنته قوات الدعم السريع على مدينة الدلنج، وقتلت 12 من عناصرها.",
    );
    let attack = ev.iter().find(|(c, _)| c == "Attack").expect("an attack");
    assert!(
        attack.1.iter().any(|a| a.contains("الدعم السريع")),
        "{ev:?}"
    );
    // a group saying that its fighters did it claims it, through the outlet it used
    let ev = events_of("خبر\n\nوزعمت حركة الشباب، عبر إذاعة الأندلس التابعة لها، أن مقاتليها قتلوا 27 جنديا في الهجوم على القاعدة.");
    let claim = ev
        .iter()
        .find(|(c, _)| c == "ClaimOfResponsibility")
        .expect("a claim");
    assert!(claim.1.iter().any(|a| a.contains("الشباب")), "{ev:?}");
    // people leaving their homes or fleeing villages are displaced
    for t in [
        "خبر\n\nوأفادت غرفة الطوارئ بأن نحو 250 أسرة غادرت منازلها في مدينة الفاشر.",
        "خبر\n\nوأفاد سكان بأن نحو 300 أسرة فرّت من القرى المحيطة بالبلدة باتجاه مدينة الأبيض.",
    ] {
        let ev = events_of(t);
        assert!(ev.iter().any(|(c, _)| c == "Displacement"), "{t}: {ev:?}");
    }
    // the side that repelled an attack did not make it
    let ev = events_of("خبر\n\nوقال الجيش إن الفرقة 22 مشاة صدّت هجوماً واسعاً على مدينة بابنوسة.");
    assert!(
        ev.iter()
            .filter(|(c, _)| c == "Attack")
            .all(|(_, a)| !a.iter().any(|x| x.contains("الفرقة"))),
        "{ev:?}"
    );
    // «الميليشيا» is never the army, however often the article names it
    let labels = mention_labels(
        "أعلن الجيش السوداني أن القوات المسلحة صدت هجوما لقوات الدعم السريع، وأن الجيش قتل عشرات من عناصر الميليشيا.",
    );
    let (arts, res) = text_alone(
        "أعلن الجيش السوداني أن القوات المسلحة صدت هجوما لقوات الدعم السريع، وأن الجيش قتل عشرات من عناصر الميليشيا.",
    );
    let militia = arts[0]
        .rec
        .mentions
        .iter()
        .find(|m| arts[0].doc.slice(m.start, m.end) == "الميليشيا")
        .map(|m| res.entity_of(&m.entity).label_ar.clone());
    assert!(
        militia
            .as_deref()
            .is_some_and(|l| l.contains("الدعم السريع")),
        "{militia:?} {labels:?}"
    );
    // a function word is no place's name after a head homograph («وأدى إلى»)
    let labels = mention_labels("سقطت قذيفة على السوق وأدى إلى مقتل سبعة مدنيين.");
    assert!(labels.iter().all(|l| !l.contains("إلى")), "{labels:?}");
    // a claim made through a group's outlet: both claim it
    let ev = events_of("خبر\n\nوأعلن تنظيم الدولة الإسلامية عبر وكالة أعماق مسؤوليته عن الهجوم.");
    let claim = ev
        .iter()
        .find(|(c, _)| c == "ClaimOfResponsibility")
        .expect("a claim");
    assert!(claim.1.iter().any(|a| a.contains("أعماق")), "{ev:?}");
    assert!(claim.1.iter().any(|a| a.contains("الدولة")), "{ev:?}");
    // a strike whose clause names no one, in an article that names one attacker
    let ev = events_of(
        "خبر\n\nهاجمت قوات الدعم السريع مدينة الفاشر صباح الأحد.\nوفي المساء استهدفت غارة بطائرة مسيرة سوق المدينة.",
    );
    let strikes: Vec<_> = ev.iter().filter(|(c, _)| c == "Airstrike").collect();
    assert!(
        !strikes.is_empty()
            && strikes
                .iter()
                .all(|(_, a)| a.iter().any(|x| x.contains("الدعم السريع"))),
        "{ev:?}"
    );
    // who describes a strike did not carry it out: «من قبل X» names who did
    let ev = events_of(
        "خبر\n\nوأصيبت المباني بما وصفته قوات سوريا الديمقراطية بأنه غارة جوية من قبل التحالف الدولي.",
    );
    let strike = ev.iter().find(|(c, _)| c == "Airstrike").expect("a strike");
    assert!(
        !strike.1.iter().any(|a| a.contains("سوريا الديمقراطية")),
        "{ev:?}"
    );
    // a later report of the attack names a side near the word: a side involved, not an attacker
    let (arts, res) = text_alone(
        "خبر\n\nهاجم عناصر من تنظيم داعش نقطة للجيش العراقي في قضاء الطارمية فجر اليوم. وقالت قوات الحشد الشعبي إن الهجوم أسفر عن مقتل جنديين.",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let attack = arts[0]
        .events
        .iter()
        .find(|e| format!("{:?}", e.class) == "Attack")
        .expect("an attack");
    let agents: Vec<String> = attack.agents.iter().map(label).collect();
    assert!(
        agents.iter().all(|a| !a.contains("الحشد")) && !agents.is_empty(),
        "{agents:?}"
    );
    // the school struck is where it happened; the hospital the wounded were taken to is not
    let (arts, res) = text_alone(
        "خبر\n\nقصفت طائرات حربية مدرسة الفلاح في حي التفاح، ونقل الجرحى إلى مستشفى المعمداني.",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let strike = arts[0].events.first().expect("a strike");
    let wheres: Vec<String> = strike
        .places
        .iter()
        .chain(&strike.targets)
        .map(label)
        .collect();
    assert!(
        wheres.iter().any(|w| w.contains("الفلاح"))
            && wheres.iter().all(|w| !w.contains("المعمداني")),
        "{wheres:?}"
    );
    // a claim is the subject's, not the group a phrase links it to
    let ev = events_of(
        "خبر\n\nوتبنت جماعة نصرة الإسلام والمسلمين المرتبطة بتنظيم القاعدة مسؤوليتها عن الهجوم.",
    );
    let claim = ev
        .iter()
        .find(|(c, _)| c == "ClaimOfResponsibility")
        .expect("a claim");
    assert!(
        claim.1.iter().all(|a| !a.contains("القاعدة")) && !claim.1.is_empty(),
        "{ev:?}"
    );
    // the claiming verb before its subject («تبنت جماعة … الهجوم»)
    let ev = events_of(
        "خبر\n\nوتبنت جماعة نصرة الإسلام والمسلمين، المرتبطة بتنظيم القاعدة، الهجوم في بيان.",
    );
    let claim = ev
        .iter()
        .find(|(c, _)| c == "ClaimOfResponsibility")
        .expect("a claim");
    assert!(
        claim.1.iter().any(|a| a.contains("نصرة"))
            && claim.1.iter().all(|a| !a.contains("القاعدة")),
        "{ev:?}"
    );
    // what a strike is «ضد» is struck, not striking
    let ev =
        events_of("خبر\n\nونفذت القوات الأمريكية ضربات جوية ضد مواقع لحركة الشباب في جنوب الصومال.");
    assert!(
        ev.iter()
            .all(|(_, a)| !a.iter().any(|x| x.contains("الشباب"))),
        "{ev:?}"
    );
    // an outlet named by a place
    // an organisation's name goes on with what it is for, a town's name inside it or not
    let names = mention_labels("وقال تحالف رصد للحقوق والحريات إن القصف قتل مدنيين.");
    assert!(
        names.iter().any(|n| n == "تحالف رصد للحقوق والحريات"),
        "{names:?}"
    );
    let names = mention_labels("وقالت شبكة أطباء السودان إن القصف استمر.");
    assert!(names.iter().any(|n| n == "شبكة أطباء السودان"), "{names:?}");
    // «قوات تابعة للتحالف»: not an organisation's purpose
    let names = mention_labels("وانتشرت قوات تابعة للتحالف الدولي في المدينة.");
    assert!(
        !names.iter().any(|n| n.starts_with("قوات تابعة")),
        "{names:?}"
    );
    // a place named after a person: an honorific or «ابن» joins the name after it
    let names = mention_labels(
        "ونقل الجرحى إلى مستشفى ابن سينا ومستشفى الشهيد ثابت ثابت في المدينة، ومستشفى الإمام الحسين.",
    );
    assert!(
        names.iter().any(|n| n.ends_with("الشهيد ثابت ثابت"))
            && names.iter().any(|n| n.ends_with("الإمام الحسين")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.contains("ابن سينا"))
            && names.iter().any(|n| n.contains("الشهيد ثابت")),
        "{names:?}"
    );
    // «إقليم X»: a province nobody listed, when X is no common word; a division the gazetteer
    // lists under another head («منطقة ميناكا») by this one too
    let names = mention_labels("وتوسعت الهجمات في إقليم ياتنغا ثم انتقلت إلى إقليم آخر.");
    assert!(
        names.iter().any(|n| n == "إقليم ياتنغا") && !names.iter().any(|n| n.contains("آخر")),
        "{names:?}"
    );
    let names = mention_labels("وتوسعت الهجمات في إقليم ميناكا شرقي مالي.");
    assert!(names.iter().any(|n| n == "منطقة ميناكا"), "{names:?}");
    // a police force named by its province
    let names = mention_labels("وقتل 11 عنصرا من شرطة خيبر بختونخوا في الهجوم.");
    assert!(names.iter().any(|n| n == "شرطة خيبر بختونخوا"), "{names:?}");
    let names = mention_labels("وبثت إذاعة دمشق بيانا للحكومة.");
    assert!(names.iter().any(|n| n == "إذاعة دمشق"), "{names:?}");
    // a ministry that condemns an attack did not carry it out
    let ev = events_of("خبر\n\nأدانت وزارة الخارجية العراقية الهجوم الذي استهدف قرية في دهوك.");
    assert!(
        ev.iter()
            .all(|(_, a)| !a.iter().any(|x| x.contains("الخارجية"))),
        "{ev:?}"
    );
}

/// The agents and targets of the first event of a class, as labels.
fn roles_of(text: &str, class: &str) -> (Vec<String>, Vec<String>) {
    let (arts, res) = text_alone(text);
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let ev = arts[0]
        .events
        .iter()
        .find(|e| format!("{:?}", e.class) == class)
        .unwrap_or_else(|| panic!("no {class} in {:?}", arts[0].events));
    (
        ev.agents.iter().map(label).collect(),
        ev.targets.iter().map(label).collect(),
    )
}

#[test]
fn where_an_event_happened_further_in_its_own_clause() {
    let (arts, res) = text_alone(
        "قتل سبعة جنود في هجوم شنه مسلحو حركة الشباب فجر الجمعة على قاعدة عسكرية عند المدخل الشمالي لمدينة بلدوين، بحسب مسؤول محلي.",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let attack = arts[0]
        .events
        .iter()
        .find(|e| format!("{:?}", e.class) == "Attack")
        .expect("an attack");
    let places: Vec<String> = attack.places.iter().map(label).collect();
    // (GeoNames labels it «بلد وين»)
    assert!(
        places.iter().any(|p| p.replace(' ', "") == "بلدوين"),
        "{places:?}"
    );
    // not past a comma that ends the clause, beyond the words near the event
    let (arts, res) = text_alone(
        "قتل سبعة جنود في هجوم شنه مسلحو حركة الشباب فجر الجمعة على قاعدة عسكرية، فيما قال سكان من مدينة بلدوين إنهم سمعوا دوي انفجارات.",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    for e in &arts[0].events {
        let places: Vec<String> = e.places.iter().map(label).collect();
        assert!(
            places.iter().all(|p| p.replace(' ', "") != "بلدوين"),
            "{places:?}"
        );
    }
}

#[test]
fn where_arrests_happened_the_frame_of_a_sentence_and_the_prison_fled() {
    let places_of = |text: &str, class: &str| -> Vec<String> {
        let (arts, res) = text_alone(text);
        let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
        arts[0]
            .events
            .iter()
            .filter(|e| format!("{:?}", e.class) == class)
            .flat_map(|e| e.places.iter().map(label))
            .collect()
    };
    // the prison they fled, and the division that frames the sentence
    let places = places_of(
        "وفي محافظة الحسكة، أكدت وزارة الداخلية السورية أن وحداتها تواصل ملاحقة الفارين من سجن الشدادي، معلنة القبض على 12 منهم خلال اليومين الماضيين وتسليمهم لجهات التحقيق.",
        "Arrest",
    );
    assert!(places.iter().any(|p| p.contains("الشدادي")), "{places:?}");
    assert!(places.iter().any(|p| p.contains("الحسكة")), "{places:?}");
    // arrests whose sentence names no place were made where the attack told before happened
    let places = places_of(
        "خبر\n\nهاجم مسلحون حاجزاً للأسايش قرب بلدة الشدادي في ريف الحسكة.\n\nوأعلنت قوى الأمن الداخلي إلقاء القبض على ثلاثة من المهاجمين.",
        "Arrest",
    );
    assert!(places.iter().any(|p| p.contains("الشدادي")), "{places:?}");
    // fleeing a town is a displacement; fleeing a prison an escape; fleeing no place named, none
    let ev =
        events_of("خبر\n\nوقالت المفوضية إن أكثر من 600 أسرة فرّت من بلدة تيرا نحو مدينة نيامي.");
    assert!(ev.iter().any(|(c, _)| c == "Displacement"), "{ev:?}");
    let ev = events_of("خبر\n\nفرّ عشرات السجناء من سجن غويران في الحسكة بعد الهجوم.");
    assert!(
        ev.iter().any(|(c, _)| c == "PrisonBreak") && !ev.iter().any(|(c, _)| c == "Displacement"),
        "{ev:?}"
    );
    let ev = events_of("خبر\n\nوفر مئات المدنيين من المنطقة طلبا للأمان.");
    assert!(!ev.iter().any(|(c, _)| c == "Displacement"), "{ev:?}");
    // a capital standing for its government is no place of what happened; named as a place, it is
    let places = places_of(
        "خبر\n\nقُتل خمسة جنود في هجوم على موقع أمني، وتتهم إسلام آباد حكومة كابل بإيواء المهاجمين.",
        "Attack",
    );
    assert!(
        places.iter().all(|p| !p.contains("إسلام آباد")),
        "{places:?}"
    );
    let places = places_of(
        "خبر\n\nقُتل خمسة أشخاص في هجوم انتحاري في إسلام آباد.",
        "Attack",
    );
    assert!(places.iter().any(|p| p.contains("إسلام آباد")), "{places:?}");
    // not a prison they were taken to
    let places = places_of(
        "أعلنت قوى الأمن الداخلي القبض على ثلاثة مطلوبين ونقلهم إلى سجن علايا.",
        "Arrest",
    );
    assert!(places.iter().all(|p| !p.contains("علايا")), "{places:?}");
}

/// The attack the text tells was suffered by `who`: a target of it, not an agent.
fn suffered(text: &str, who: &str) {
    let (agents, targets) = roles_of(text, "Attack");
    assert!(
        agents.iter().all(|a| !a.contains(who)) && targets.iter().any(|t| t.contains(who)),
        "{text}: {agents:?} {targets:?}"
    );
}

#[test]
fn who_did_not_attack_victims_tellers_and_those_who_suffered_it() {
    // the side whose dead the sentence counts was attacked, not attacking
    suffered(
        "خبر\n\nقتل ثلاثة من عناصر قوات سوريا الديمقراطية في هجوم على حاجز قرب الحسكة.",
        "سوريا",
    );
    // the owner of the word the event word takes with «لـ» was attacked («كمين لدورية X»);
    // members with «لـ» attacked («هجوم لعناصر X»)
    suffered(
        "خبر\n\nحظر تجول في جبلة بعد كمين لدورية الأمن العام السوري.",
        "الأمن العام",
    );
    let (agents, _) = roles_of(
        "خبر\n\nقتل جنديان في هجوم لعناصر حركة الشباب على قاعدة قرب مقديشو.",
        "Attack",
    );
    assert!(agents.iter().any(|a| a.contains("الشباب")), "{agents:?}");
    // gunmen nobody named attacked: not the side that tells of it, but the article's attacker
    // on the ground (not the one that struck from the air)
    let (agents, _) = roles_of(
        "خبر\n\nهاجم تنظيم داعش سجن غويران في الحسكة يوم الخميس، وشن التحالف الدولي غارات على محيطه. وقالت قوات سوريا الديمقراطية إن مسلحين شنوا هجوما جديدا يوم الأحد على السجن.",
        "Attack",
    );
    assert!(
        agents
            .iter()
            .all(|a| !a.contains("سوريا") && !a.contains("التحالف")),
        "{agents:?}"
    );
    // who tells of it after the event word did not do it
    let (agents, _) = roles_of(
        "خبر\n\nقتل تسعة أشخاص في هجوم انتحاري على فندق في مقديشو، وفق ما أفادت الشرطة الصومالية.",
        "Attack",
    );
    assert!(agents.iter().all(|a| !a.contains("الشرطة")), "{agents:?}");
    // «تعرضت … لكمين»: the convoy's army suffered it
    suffered(
        "خبر\n\nتعرضت قافلة للقوات المسلحة المالية صباح السبت لكمين قرب تمبكتو.",
        "المالي",
    );
    // «عناصر داعش الذين هاجموا»: the relative clause's subject attacked, though its dead are
    // counted
    let (agents, _) = roles_of(
        "خبر\n\nقتلت القوات 7 من عناصر تنظيم داعش الذين هاجموا السجن من الحي الشمالي.",
        "Attack",
    );
    assert!(
        agents
            .iter()
            .any(|a| a.contains("الدولة") || a.contains("داعش")),
        "{agents:?}"
    );
    // «استهدفت عربات لـ«الجيش»»: whose the object is was attacked, not attacking; «كمين لـ«X»»
    // right after the word says whose it is
    suffered(
        "خبر\n\nوقال المصدر إن طائرة مسيرة استهدفت عربات لـ«الجيش السوداني» قرب المدينة.",
        "السوداني",
    );
    let (agents, _) = roles_of(
        "خبر\n\nكمين لـ«حركة الشباب» على قافلة للجيش الصومالي قرب مقديشو.",
        "Attack",
    );
    assert!(agents.iter().any(|a| a.contains("الشباب")), "{agents:?}");
    // «شنت تركيا هجمات على مناطقنا»: the country before the word attacked; «our» areas are
    // the speaker's side's
    let (agents, targets) = roles_of(
        "خبر\n\nوقالت قوات سوريا الديمقراطية في بيان إن «تنظيم داعش يعمل مع خلاياه، وبالتزامن مع ذلك شنت تركيا هجمات على مناطقنا».",
        "Attack",
    );
    assert!(
        agents.iter().any(|a| a.contains("تركيا"))
            && targets.iter().any(|t| t.contains("سوريا الديمقراطية")),
        "{agents:?} {targets:?}"
    );
    // sides named far back, the subjects of another verb, did not make the attack
    let ev = events_of(
        "خبر\n\nدافعت قوات سوريا الديمقراطية ووحدات حماية الشعب طوال الليل عن مواقعها في أطراف المدينة الصغيرة وسط قصف عنيف وهجمات بالأسلحة الثقيلة.",
    );
    assert!(
        ev.iter().all(|(_, a)| !a
            .iter()
            .any(|x| x.contains("سوريا الديمقراطية") || x.contains("الشعب"))),
        "{ev:?}"
    );
}

#[test]
fn the_sides_of_a_clash_and_who_meets() {
    // a backer named between the sides is not a side
    let ev = events_of(
        "خبر\n\nتتواصل الاشتباكات بين قوات سوريا الديمقراطية بدعم من قوات التحالف الدولي من جهة، وبين عناصر تنظيم داعش من جهة أخرى قرب الحسكة.",
    );
    let clash = ev.iter().find(|(c, _)| c == "Clash").expect("a clash");
    assert!(
        clash.1.len() == 2 && !clash.1.iter().any(|a| a.contains("التحالف")),
        "{ev:?}"
    );
    // «المعركة» later refers back: a force sent into it does not become a side
    let ev = events_of(
        "خبر\n\nاندلعت اشتباكات بين قوات سوريا الديمقراطية وتنظيم داعش قرب الحسكة. ودفع الهجوم الجيش الأمريكي إلى المعركة لدعم قوات سوريا الديمقراطية.",
    );
    let clashes: Vec<_> = ev.iter().filter(|(c, _)| c == "Clash").collect();
    assert!(
        clashes.len() == 1 && !clashes[0].1.iter().any(|a| a.contains("الأمريكي")),
        "{ev:?}"
    );
    // a group named in a phrase that describes a side is not a side
    let ev = events_of(
        "خبر\n\nوأعلنت كتيبة جنين التابعة لسرايا القدس أن مقاتليها خاضوا اشتباكات مع الجيش الإسرائيلي في المخيم.",
    );
    let clash = ev.iter().find(|(c, _)| c == "Clash").expect("a clash");
    assert!(!clash.1.iter().any(|a| a.contains("سرايا القدس")), "{ev:?}");
    // a clash whose clause names one side was fought with the side the article sets against it
    // elsewhere; «الاحتلال» in Palestinian reporting is the Israeli army
    let ev = events_of(
        "خبر\n\nاقتحم الجيش الإسرائيلي مخيم نور شمس في طولكرم فجر اليوم. وأعلنت كتيبة طولكرم أن مقاتليها استهدفوا آليات الاحتلال بعبوات ناسفة، وخاضوا اشتباكات عنيفة في محيط المخيم.",
    );
    let clash = ev.iter().find(|(c, _)| c == "Clash").expect("a clash");
    assert!(
        clash.1.len() == 2 && clash.1.iter().any(|a| a.contains("الإسرائيلي")),
        "{ev:?}"
    );
    // the people meet, not the bodies of their titles
    let (arts, res) = text_alone(
        "خبر\n\nوجرت لقاءات في أربيل بين القائد العام لقوات سوريا الديمقراطية مظلوم عبدي والمبعوث الأمريكي إلى سوريا توم باراك.",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let meeting = arts[0]
        .events
        .iter()
        .find(|e| format!("{:?}", e.class) == "Meeting")
        .expect("a meeting");
    let who: Vec<String> = meeting.participants.iter().map(label).collect();
    assert!(
        who.len() == 2 && !who.iter().any(|w| w.contains("سوريا الديمقراطية")),
        "{who:?}"
    );
    // an agreement's parties are in its clause, not past «لكنه … بعد أن»
    let ev = events_of(
        "خبر\n\nانسحبت قوات سوريا الديمقراطية بموجب اتفاق مع الحكومة السورية، لكنه انهار بعد أن شنت هيئة تحرير الشام هجمات على مواقعها.",
    );
    let deal = ev
        .iter()
        .find(|(c, _)| c == "Agreement")
        .expect("an agreement");
    assert!(!deal.1.iter().any(|a| a.contains("تحرير")), "{ev:?}");
}

#[test]
fn an_attack_without_a_day_happened_on_the_day_the_report_tells_of() {
    let lex = Lexicon::builtin().unwrap();
    let text = "قصف على أم درمان\n\nالساعة نيوز\nالسبت 8 فبراير 2025\n\nقصفت قوات الدعم السريع سوق صابرين في أم درمان بالمدفعية.\n";
    let a = athar::extract::extract(
        &lex,
        Document::new("t.txt", text.to_string()),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    );
    let ev = a
        .events
        .iter()
        .find(|e| e.class.is_violent())
        .expect("an attack");
    assert_eq!(ev.date.map(|d| d.lexical()).as_deref(), Some("2025-02-08"));
    assert!(ev.date_from_report, "{ev:?}");
}

#[test]
fn units_named_by_their_adjectives_or_numbers() {
    let lex = Lexicon::builtin().unwrap();
    for (text, name) in [
        (
            "وقالت الفرقة السادسة مشاة في بيان إنها صدت الهجوم.",
            "الفرقة السادسة مشاة",
        ),
        (
            "وأعلنت قيادة الفرقة 22 مشاة صد هجوم على المدينة.",
            "الفرقة 22 مشاة",
        ),
        (
            "وقال مصدر في الشرطة الاتحادية إن الهجوم وقع ليلا.",
            "الشرطة الاتحادية",
        ),
        ("وقال الجيش البوركينابي إنه صد الهجوم.", "الجيش البوركينابي"),
        // the next clause after «و» is not the unit's arm
        (
            "اشتباكات بين الردع واللواء 444 وتعليق الرحلات في المطار.",
            "اللواء 444",
        ),
    ] {
        let a = athar::extract::extract(
            &lex,
            Document::new("t.txt", format!("خبر\n\n{text}")),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        );
        let found: Vec<(String, &str)> = a
            .rec
            .mentions
            .iter()
            .map(|m| (a.doc.slice(m.start, m.end), lex.class_of(&m.entity).name()))
            .collect();
        assert!(
            found.contains(&(name.to_string(), "ArmedGroup")),
            "{name} not in {found:?}"
        );
    }
    // an adjective that does not agree with the head, or a word with a preposition on it, is no
    // part of a unit's name
    let a = athar::extract::extract(
        &lex,
        Document::new(
            "t.txt",
            "خبر\n\nوأوضح المتحدث باسم عملية هادن كاي، قوة الجيش المكلّفة بمكافحة التمرد في الشمال الشرقي، أن الجنود صدوا الهجوم.".to_string(),
        ),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    );
    assert!(
        !a.rec
            .mentions
            .iter()
            .any(|m| a.doc.slice(m.start, m.end).contains("المكلّفة")),
        "{:?}",
        a.rec.mentions
    );
}

/// «القاعدة» is «the base» as often as al-Qaeda: alone, it names the group only when the article
/// names the group otherwise too.
#[test]
fn the_base_is_not_al_qaeda_unless_the_article_says_so() {
    let base =
        mention_labels("وقالت الحركة إن مقاتليها اقتحموا القاعدة العسكرية وسيطروا عليها لساعات.");
    assert!(
        !base.iter().any(|l| l.contains("تنظيم القاعدة")),
        "{base:?}"
    );
    let group = mention_labels(
        "وتبنت حركة الشباب المرتبطة بتنظيم القاعدة الهجوم. وتقاتل القاعدة الحكومة منذ سنوات.",
    );
    let n = group.iter().filter(|l| l.contains("تنظيم القاعدة")).count();
    assert_eq!(n, 2, "{group:?}");
}

/// The day of the first event of a class in an article dated by its dateline.
fn event_day(text: &str, class: &str) -> Option<String> {
    let lex = Lexicon::builtin().unwrap();
    let a = athar::extract::extract(
        &lex,
        Document::new("t.txt", text.to_string()),
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    );
    a.events
        .iter()
        .find(|e| format!("{:?}", e.class) == class)
        .unwrap_or_else(|| panic!("no {class} in {:?}", a.events))
        .date
        .map(|d| d.lexical())
}

#[test]
fn the_day_an_event_happened_not_the_day_it_was_told() {
    let head = "خبر\n\nوكالة الأنباء\nالثلاثاء 12 نوفمبر 2024\n\n";
    // a day named late in the trigger's clause is the event's
    let day = event_day(
        &format!("{head}اندلعت الاشتباكات بين عناصر تنظيم داعش وقوات الحشد الشعبي في أطراف القرية الشرقية واستمرت حتى فجر الأحد.\n"),
        "Clash",
    );
    assert_eq!(day.as_deref(), Some("2024-11-10"));
    // «منذ 8 أكتوبر 2023»: when a span began, not the day of this strike
    let day = event_day(
        &format!("{head}شنت طائرات إسرائيلية غارة على بلدة في الجنوب، في إطار المواجهات المستمرة منذ 8 أكتوبر 2023.\n"),
        "Airstrike",
    );
    assert_ne!(day.as_deref(), Some("2023-10-08"));
    // a relative clause after a name tells of that name
    let day = event_day(
        &format!("{head}وتشهد المحافظة هجمات متفرقة لبقايا تنظيم داعش، الذي أعلنت الحكومة العراقية هزيمته في كانون الأول 2017.\n"),
        "Attack",
    );
    assert_ne!(day.as_deref(), Some("2017-12"));
    // the day in the speaker's clause is the report's; the detail told next gives the day
    let day = event_day(
        &format!("{head}أفاد مصدر أمني في محافظة صلاح الدين، صباح اليوم الثلاثاء، بمقتل جنديين إثر هجوم شنه عناصر من تنظيم داعش على نقطة للجيش. وقال المصدر إن عناصر من داعش تسللوا ليل الاثنين واشتبكوا مع قوة من الجيش العراقي.\n"),
        "Attack",
    );
    assert_eq!(day.as_deref(), Some("2024-11-11"));
    // a weekday in a quoting sentence is resolved against the last dated statement before it
    let day = event_day(
        "خبر\n\nوكالة الأنباء\nالجمعة 15 نوفمبر 2024\n\nوقال المتحدث باسم الشرطة في تغريدة يوم الأربعاء 13 نوفمبر 2024 إن القوات استعادت السيطرة على السجن.\n\nوقال مسؤولون إن العشرات قتلوا منذ هاجم مسلحو تنظيم داعش السجن يوم الخميس.\n",
        "Attack",
    );
    assert_eq!(day.as_deref(), Some("2024-11-07"));
    // (arrests and what a statement tells, in an article of 16 November 2025)
    let head = "خبر\n\nوكالة الأنباء\nالأحد 16 نوفمبر 2025\n\n";
    // «أعلن الجيش، مساء السبت، أن قواته صدت هجوماً»: by the day it was said, where the
    // sentence gives no other
    let day = event_day(
        &format!("{head}أعلن الجيش السوداني، مساء السبت، أن قواته صدت هجوماً شنته قوات الدعم السريع على مدينة الدلنج.\n"),
        "Attack",
    );
    assert_eq!(day.as_deref(), Some("2025-11-15"));
    // an arrest told after the attack, with no day of its own, is of the attack's day
    let day = event_day(
        &format!("{head}هاجم مسلحون من تنظيم داعش حاجزاً لقوى الأمن الداخلي قرب الحسكة مساء الجمعة.\n\nوألقت قوى الأمن الداخلي القبض على ثلاثة من المهاجمين.\n"),
        "Arrest",
    );
    assert_eq!(day.as_deref(), Some("2025-11-14"));
}

#[test]
fn no_event_is_placed_at_a_dateline_or_an_outlet() {
    let (arts, res) = text_alone(
        "اشتباكات عنيفة\n\nبيروت - قالت القوات الكردية إن الاشتباكات بين مقاتلين أكراد وعناصر تنظيم داعش استمرت الأحد.\n",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let events = &arts[0].events;
    assert!(!events.is_empty());
    // an outlet's name does not run through the dash into its dateline's city
    let names = mention_labels(
        "وكالة الأنباء -بيروت- 24 يناير 2022- قالت القوات الكردية إن الاشتباكات استمرت.",
    );
    assert!(
        names.iter().all(|n| !n.contains('-')) && names.iter().any(|n| n == "بيروت"),
        "{names:?}"
    );
    for ev in events {
        let wheres: Vec<String> = ev.places.iter().chain(&ev.targets).map(label).collect();
        assert!(
            wheres.iter().all(|w| !w.contains("بيروت")),
            "{:?} placed at the dateline: {wheres:?}",
            ev.class
        );
    }
}

#[test]
fn allies_and_a_camps_full_name() {
    let rels = relations_of(
        "وأكدت بعثة الاتحاد الأفريقي لدعم الاستقرار في الصومال (أوصوم)، التي تقاتل إلى جانب الجيش الصومالي، مقتل جنديين.",
    );
    assert!(
        rels.iter().any(
            |(a, r, b)| (a.contains("أوصوم") || a.contains("الاتحاد الأفريقي"))
                && r == "supports"
                && b.contains("الجيش")
        ),
        "{rels:?}"
    );
    // a branch, a unit serving within a mission, a media arm named with a possessive
    let has = |text: &str, a: &str, r: &str, b: &str| {
        let rels = relations_of(text);
        assert!(
            rels.iter()
                .any(|(x, y, z)| x.contains(a) && y == r && z.contains(b)),
            "{text}: no {a} {r} {b} in {rels:?}"
        );
    };
    has(
        "تبنّت جماعة نصرة الإسلام والمسلمين، فرع تنظيم القاعدة في منطقة الساحل، الهجوم.",
        "نصرة الإسلام",
        "partOf",
        "القاعدة",
    );
    has(
        "ووصلت تعزيزات من قوات الدفاع الشعبية الأوغندية العاملة ضمن بعثة الاتحاد الأفريقي في الصومال.",
        "الأوغندية",
        "partOf",
        "الاتحاد الأفريقي",
    );
    has(
        "تبنّت جماعة نصرة الإسلام والمسلمين الهجوم في بيان نشرته مؤسسة الزلاقة، ذراعها الإعلامية، على الإنترنت.",
        "الزلاقة",
        "partOf",
        "نصرة الإسلام",
    );
    // a place belongs to one of its own rank, a range to a district's town
    has(
        "هاجم مسلحون نقطة قرب قرية في ناحية الرياض التابعة لقضاء الحويجة.",
        "الرياض",
        "locatedIn",
        "الحويجة",
    );
    has(
        "استهدف الهجوم نقطة عسكرية في سلسلة جبال قره جوخ التابعة لقضاء مخمور.",
        "قره",
        "locatedIn",
        "مخمور",
    );
    // a camp's epithet stands between it and where it lies
    has(
        "سقط صاروخ على مخيم السويداء للنازحين قرب مدينة مأرب.",
        "السويداء",
        "locatedIn",
        "مأرب",
    );
    // of two towns of one name, the one a word of place confirms, also through «و»
    let labels = mention_labels("قصف على خان يونس في قطاع غزة.\nوفي رفح، استشهد ٦ فلسطينيين.");
    assert!(labels.iter().any(|l| l == "رفح"), "{labels:?}");
    // «بـ» and a town's name after a head say where, they are no name of it
    let labels = mention_labels("سقطت قذيفة على سوق بنيالا في جنوب دارفور بالسودان.");
    assert!(labels.iter().any(|l| l == "نيالا"), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains("سوق")), "{labels:?}");
    // a dual head names two places nobody listed, definite ones too
    let labels = mention_labels("قتل شخصان في قريتي الزغيرية والمحيميدة في ريف الرقة بسوريا.");
    assert!(
        labels.iter().any(|l| l == "الزغيرية") && labels.iter().any(|l| l == "المحيميدة"),
        "{labels:?}"
    );
    // a country after «و» is a country, however frequent the joined token
    let labels = mention_labels("وقدرت الأمم المتحدة عدد عناصر التنظيم في العراق وسوريا.");
    assert!(labels.iter().any(|l| l == "سوريا"), "{labels:?}");
    // a town named with its head noun places the article in its country, for the towns that
    // need their country
    let labels = mention_labels("قصف مدفعي استهدف خيمة في بلدة بني سهيلا شرق خان يونس.");
    assert!(labels.iter().any(|l| l.contains("خان يونس")), "{labels:?}");
    // after «باسم» an organisation is meant, though its name alone counts only in context
    has(
        "زعم المتحدث العسكري باسم الحوثيين يحيى سريع أن قوات الجماعة استهدفت سفينة قبالة الحديدة.",
        "يحيى سريع",
        "spokespersonOf",
        "أنصار الله",
    );
    // a body of the ministry «التابع لـ» it
    has(
        "استشهد مواطن في غارة على بلدة عيتا الشعب في قضاء بنت جبيل، بحسب ما أعلن مركز عمليات طوارئ الصحة العامة التابع لوزارة الصحة العامة.",
        "مركز عمليات طوارئ الصحة العامة",
        "partOf",
        "وزارة الصحة العامة",
    );
    // «باسمها»: the body the pronoun refers to, named last before the title
    has(
        "وأعلنت حركة طالبان باكستان مسؤوليتها عن الهجوم، وقال المتحدث باسمها محمد خراساني في بيان إن مقاتلي الحركة قتلوا تسعة من رجال الشرطة.",
        "محمد خراساني",
        "spokespersonOf",
        "طالبان باكستان",
    );
    // a title's body named by a head noun that refers back
    has(
        "وأعلن مركز طب الطوارئ والدعم في طرابلس حصيلة أولية.\nوقال الناطق باسم المركز، أسامة الفيتوري، إن فرق الإسعاف أجلت 312 عائلة.",
        "أسامة الفيتوري",
        "spokespersonOf",
        "مركز طب الطوارئ",
    );
    // «مخيم ران للنازحين»: the camp goes by its name with the epithet too
    let (arts, _) = text_alone("هاجم مسلحون مخيم ران للنازحين في ولاية بورنو.");
    let camp = arts[0]
        .rec
        .mentions
        .iter()
        .find(|m| m.label.contains("ران"))
        .expect("the camp");
    assert_eq!(camp.also.as_deref(), Some("مخيم ران للنازحين"));
}

#[test]
fn an_actors_country_is_context_where_the_articles_places_lie_in_it() {
    // «الأمن العام» alone names Syria's General Security in an article on Syrian towns
    let text = "قُتل أربعة عناصر من الأمن العام في كمين قرب بلدة القدموس في ريف محافظة طرطوس.";
    assert_eq!(
        referent(text, "الأمن العام").as_deref(),
        Some("جهاز الأمن العام السوري")
    );
    // … and nobody's in an article on another country's towns
    let text = "قُتل أربعة عناصر من الأمن العام في كمين قرب مدينة الخرطوم.";
    assert_ne!(
        referent(text, "الأمن العام").as_deref(),
        Some("جهاز الأمن العام السوري")
    );
    // the country an armed group belongs to is context for its ambiguous name too
    let text = "وقالت قوات الجيش الصومالي إنها صدّت هجوم الخوارج على قاعدة قرب بلدة عيل بور في إقليم غلمدغ.";
    assert_eq!(
        referent(text, "الخوارج").as_deref(),
        Some("حركة الشباب المجاهدين")
    );
    // («الحركة الشعبية» in an article on Sudanese towns is the SPLM-North, whose leader it names)
    let rels = relations_of("قصف على مدينة الدلنج في جنوب كردفان.\nولم يصدر تعليق من الحركة الشعبية، التي يقودها عبد العزيز الحلو.");
    assert!(
        rels.iter().any(|(a, r, b)| a.contains("الحلو")
            && r == "commanderOf"
            && b.contains("الحركة الشعبية")),
        "{rels:?}"
    );
    // … not for a name that is a common word
    let text = "وعبّر سكان مدينة صور عن أمل بعودة الهدوء إلى البلدات الحدودية في جنوب لبنان.";
    assert_eq!(referent(text, "أمل"), None);
    // a name two bodies of the country share stays unread by the country alone
    let text = "وأعلنت وزارة الصحة الفلسطينية استشهاد شاب في مدينة جنين.";
    assert_ne!(
        referent(text, "وزارة الصحة الفلسطينية").as_deref(),
        Some("وزارة الصحة في غزة")
    );
    // the body a title names is the one its name was read as
    let (arts, res) = text_alone(
        "وقال المتحدث باسم قيادة العمليات المشتركة، العميد سلام الزبيدي، إن الضربات استهدفت أوكاراً في وادي الشاي جنوبي كركوك.",
    );
    let person = arts[0]
        .rec
        .mentions
        .iter()
        .find(|m| m.label.contains("الزبيدي"))
        .expect("the spokesman");
    let (_, orgs) = person.role.as_ref().expect("his title");
    assert_eq!(
        res.entity_of(&orgs[0]).label_ar,
        "قيادة العمليات المشتركة العراقية"
    );
}

#[test]
fn a_generic_phrase_of_several_words_is_a_name_of_the_body_it_stands_for() {
    let text = "وقال الناطق باسم محور تعز العسكري إن القوات الحكومية صدّت هجوماً للحوثيين غربي مدينة تعز اليمنية.";
    let (arts, res) = text_alone(text);
    let m = arts[0]
        .rec
        .mentions
        .iter()
        .find(|m| arts[0].doc.slice(m.start, m.end) == "القوات الحكومية")
        .expect("the generic phrase");
    let army = res.entity_of(&m.entity);
    assert_eq!(army.label_ar, "الجيش اليمني");
    assert!(army.alt_labels.contains("القوات الحكومية"), "{army:?}");
    // … and a one-word reference is not
    let (arts, res) = text_alone("وقال الجيش اليمني إن الجيش صدّ هجوماً في مدينة تعز.");
    let army = arts[0]
        .rec
        .mentions
        .iter()
        .find(|m| arts[0].doc.slice(m.start, m.end) == "الجيش")
        .map(|m| res.entity_of(&m.entity))
        .expect("the reference");
    assert!(!army.alt_labels.contains("الجيش"), "{army:?}");
}

#[test]
fn words_of_time_and_of_a_body_are_no_names_after_a_title() {
    let labels = mention_labels(
        "أصدرت المحكمة العسكرية الدائمة في بيروت، برئاسة العميد الركن وسيم الحاج، أمس الأربعاء، أحكاماً بحق سبعة متهمين.",
    );
    assert!(!labels.iter().any(|l| l.contains("أمس")), "{labels:?}");
    let labels = mention_labels(
        "وقال الرئيس المشترك للدائرة، جوان عيسى، إن أكثر من 30 دولة ما زالت ترفض استعادة رعاياها من مخيم روج.",
    );
    assert!(!labels.iter().any(|l| l.contains("للدائرة")), "{labels:?}");
}

#[test]
fn the_side_that_acts_not_its_backer_nor_the_teller() {
    let agents_of = |text: &str, class: &str| -> Vec<String> {
        events_of(&format!("خبر\n\n{text}"))
            .into_iter()
            .filter(|(c, _)| c == class)
            .flat_map(|(_, a)| a)
            .collect()
    };
    // (text, class, an agent it names, an agent it must not name)
    for (text, class, acts, not) in [
        // a backer named before the word is not the one who arrested
        (
            "وتمكنت قوات سوريا الديمقراطية بدعم من التحالف الدولي من إلقاء القبض على ثلاثة من عناصر التنظيم.",
            "Arrest",
            Some("سوريا الديمقراطية"),
            "التحالف",
        ),
        // nor the group named to describe the attacker
        (
            "وكانت حركة الشباب المرتبطة بتنظيم القاعدة قد هاجمت موقعاً للجيش في بلدة بريري.",
            "Attack",
            Some("الشباب"),
            "القاعدة",
        ),
        // a bare «إن» opens a clause with a subject of its own: the speaker did not attack
        (
            "وقالت قوى الأمن الداخلي إن مجموعة إرهابية هاجمت حاجزاً قرب مخيم الهول.",
            "Attack",
            None,
            "الأمن الداخلي",
        ),
        // a body that only tells of an arrest gives it to the force its statement names
        (
            "أعلنت خلية الإعلام الأمني أن قوة من الجيش العراقي ألقت القبض على أربعة إرهابيين في قضاء القائم.",
            "Arrest",
            Some("الجيش العراقي"),
            "خلية الإعلام",
        ),
    ] {
        let a = agents_of(text, class);
        if let Some(acts) = acts {
            assert!(a.iter().any(|x| x.contains(acts)), "{text}: {a:?}");
        }
        assert!(!a.iter().any(|x| x.contains(not)), "{text}: {a:?}");
    }
    // an ambulance service telling of fighting is no side of it
    let ev = events_of(
        "خبر\n\nأعلن جهاز الإسعاف والطوارئ ارتفاع حصيلة الاشتباكات المسلحة في مدينة تاجوراء إلى ثمانية قتلى.",
    );
    assert!(
        !ev.iter()
            .any(|(_, a)| a.iter().any(|x| x.contains("الإسعاف"))),
        "{ev:?}"
    );
}

#[test]
fn background_and_sideless_fighting_are_no_events() {
    let classes = |text: &str| -> Vec<String> {
        events_of(&format!("خبر\n\n{text}"))
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    };
    // a withdrawal a span is counted from
    let c = classes("ويعتمد الجيش المالي منذ انسحاب القوات الفرنسية على الفيلق الأفريقي.");
    assert!(!c.iter().any(|x| x == "Withdrawal"), "{c:?}");
    // fighting with no side named or described …
    let c = classes("وشهدت مدينة سبها اشتباكات عنيفة استمرت ساعات.");
    assert!(!c.iter().any(|x| x == "Clash"), "{c:?}");
    // … where sides described are enough
    let c = classes("واندلعت اشتباكات بين مجموعتين مسلحتين في حي الطيوري بمدينة سبها.");
    assert!(c.iter().any(|x| x == "Clash"), "{c:?}");
    // a curfew by a construct without the article
    let c = classes("وفرضت قيادة الأمن الداخلي حظر تجول في مدينة جبلة حتى إشعار آخر.");
    assert!(c.iter().any(|x| x == "Curfew"), "{c:?}");
    // two strikes by one side in two towns are two strikes
    let c = classes(
        "شنت مسيرة إسرائيلية غارة على بلدة كفرتبنيت. وبعد ساعة شنت مسيرة إسرائيلية غارة على بلدة عيناثا.",
    );
    assert_eq!(c.iter().filter(|x| *x == "Airstrike").count(), 2, "{c:?}");
}

#[test]
fn the_base_is_no_al_qaeda_once_the_article_has_a_base() {
    let text =
        "هاجم مسلحو حركة الشباب قاعدة عسكرية في بلدة بريري، وأكدت البعثة أن القاعدة تحت السيطرة.";
    assert!(
        !referent(text, "القاعدة").is_some_and(|l| l.contains("تنظيم القاعدة")),
        "{:?}",
        referent(text, "القاعدة")
    );
    // where the article has no base, the name is the group's
    assert_eq!(
        referent(
            "وتنتمي حركة الشباب إلى تنظيم القاعدة، وقال خبراء إن القاعدة تدعمها.",
            "القاعدة"
        )
        .as_deref(),
        Some("تنظيم القاعدة")
    );
}

#[test]
fn names_with_inner_honorifics_fields_and_apposed_titles() {
    for (text, name) in [
        (
            "وقال الباحث في الشؤون الأمنية عبد الله شيخ علي إن الحركة تغيرت.",
            "عبد الله شيخ علي",
        ),
        (
            "وقال الباحث في شؤون الساحل إبراهيم ولد سيدي إن الجماعة تغيرت.",
            "إبراهيم ولد سيدي",
        ),
        ("وقال نائبه، حمد الله فطرت، إن الفرق وصلت.", "حمد الله فطرت"),
        (
            "وأفاد مفوض مديرية عيلبور، محمد حسن غوليد، بأن الهجوم فشل.",
            "محمد حسن غوليد",
        ),
        (
            "وقالت المتحدثة باسم قوة الأمم المتحدة المؤقتة في لبنان (اليونيفيل)، كانديس أرديل، إن الجنود رصدوا خروقات.",
            "كانديس أرديل",
        ),
        ("وقال النقيب عبدي كريم محمود إن الهجوم بدأ.", "عبدي كريم محمود"),
        // a family name that is a given name with the article; «علي» with its ya is a name
        (
            "وقال الناطق باسم قوى الأمن الداخلي علي الحسن، في مؤتمر صحفي، إن السجناء فروا.",
            "علي الحسن",
        ),
        // a rank after a unit titles the person, it is no part of the unit
        (
            "وقال قائد الفرقة 27 في الجيش العميد محمد عبدي ورسمة إن قواته لن تسمح بذلك.",
            "محمد عبدي",
        ),
    ] {
        let found = mention_classes(text);
        assert!(found_as(&found, name, "Person"), "{text}: {found:?}");
    }
    // «على» with its alif maqsura is the preposition, not a name
    let found = mention_classes("وقال المتحدث باسم الجيش على هامش المؤتمر إن القوات تقدمت.");
    assert!(!found_as(&found, "على هامش", "Person"), "{found:?}");
}

#[test]
fn sites_units_and_forces_named_by_what_they_carry() {
    for (text, label, class) in [
        // a site named after a person the gazetteer knows
        (
            "وأفاد مصدر في مستشفى نبيه بري الجامعي الحكومي في النبطية بأن الطفل بخير.",
            "مستشفى نبيه بري الجامعي الحكومي",
            "Facility",
        ),
        // «نهر» joins the next word into a place's name
        (
            "هاجم مسلحون قرية نهر الإمام التابعة لقضاء المقدادية.",
            "نهر الإمام",
            "City",
        ),
        // a unit's arm in two words
        (
            "وقال إن وحدات من اللواء الرابع مشاة جبلي صدت الهجوم.",
            "اللواء الرابع مشاة جبلي",
            "ArmedGroup",
        ),
        // a state's own forces
        (
            "نفذ الجيش الصومالي بالتنسيق مع قوات ولاية جنوب الغرب عملية في إقليم باي.",
            "قوات ولاية جنوب الغرب",
            "ArmedGroup",
        ),
    ] {
        let found = mention_classes(text);
        assert!(found_as(&found, label, class), "{text}: {found:?}");
    }
    // (a verb after a unit's arm is not a second arm)
    let labels = mention_labels("وقال إن الفرقة 22 مشاة صدت هجوماً واسعاً على مدينة بابنوسة.");
    assert!(!labels.iter().any(|l| l.contains("صدت")), "{labels:?}");
}

#[test]
fn relation_phrases_take_their_own_object() {
    // a reference back right after the phrase is its object, not a name further on
    let rels = relations_of(
        "وقالت قناة المسيرة التابعة للجماعة إن «سلاح الجو المسيّر» استهدف تجمعات في الخوخة.",
    );
    assert!(
        !rels
            .iter()
            .any(|(a, r, b)| a.contains("المسيرة") && r == "partOf" && b.contains("سلاح")),
        "{rels:?}"
    );
    // a site a force uses as its base is held by it
    let rels = relations_of(
        "وسقطت قذائف قرب مطار بيدوا، الذي تتخذ منه بعثة الاتحاد الأفريقي لدعم الاستقرار في الصومال قاعدة لها.",
    );
    assert!(
        rels.iter()
            .any(|(a, r, b)| a.contains("بعثة الاتحاد الأفريقي")
                && r == "controls"
                && b.contains("مطار بيدوا")),
        "{rels:?}"
    );
}

#[test]
fn a_statement_quoted_after_a_colon_is_its_speakers() {
    let (arts, res) = text_alone(
        "خبر\n\nأصدرت وزارة الدفاع النيجرية بياناً، وفي ما يلي أبرز ما جاء فيه:\n\n«تعرضت وحدة من الجيش لهجوم.\nوللأسف، سقط في صفوفنا ثمانية شهداء، وأصيب 13 عسكرياً».\n",
    );
    let q = arts[0]
        .quantities
        .iter()
        .find(|q| q.value == Some(13.0))
        .expect("thirteen wounded");
    let src = q
        .reported_by
        .as_ref()
        .map(|e| res.entity_of(e).label_ar.clone());
    assert!(
        src.as_deref().is_some_and(|s| s.contains("وزارة الدفاع")),
        "{q:?} {src:?}"
    );
}

#[test]
fn a_town_is_the_seat_of_each_division_its_apposition_names() {
    let located = relations_of(
        "خبر\n\nتعرضت مدينة بيدوا، عاصمة ولاية جنوب الغرب ومركز إقليم باي، لقصف بالهاون.",
    );
    // (the entities' labels are the gazetteer's: «بيدوة»، «ولاية جنوب غرب الصومال»)
    for division in ["جنوب غرب", "إقليم باي"] {
        assert!(
            located
                .iter()
                .any(|(a, r, b)| a.contains("بيدو") && r == "locatedIn" && b.contains(division)),
            "{division}: {located:?}"
        );
    }
}

#[test]
fn whom_a_strike_hit_and_who_struck() {
    // (text, a target it names, a target it must not name, an agent it names)
    for (text, hit, not, by) in [
        // the side named right after a word of what was struck
        (
            "وأعلنت القيادة الأمريكية في أفريقيا (أفريكوم) أنها نفذت غارة جوية قرب بلدة بريري استهدفت عناصر من حركة الشباب.",
            Some("الشباب"),
            None,
            Some("القيادة الأمريكية"),
        ),
        (
            "ونفذت طائرات القوة الجوية العراقية ضربتين جويتين على مواقع لتنظيم داعش في وادي الشاي.",
            Some("الدولة الإسلامية"),
            None,
            Some("القوة الجوية"),
        ),
        // attackers the strike's clause does not name: those the article told attacked
        (
            "هاجم مسلحو تنظيم داعش نقطة للجيش العراقي في ناحية الرشاد.\n\nوأضافت الخلية أن طائرات F-16 العراقية نفذت ضربة دقيقة على أوكار الإرهابيين في الوادي.",
            Some("الدولة الإسلامية"),
            None,
            None,
        ),
        // another clause after a comma is not what the strike hit
        (
            "وفي مبنى آخر تعرض لغارة جوية، انتشل مقاتلو قوات سوريا الديمقراطية جثث عناصر من داعش.",
            None,
            Some("سوريا الديمقراطية"),
            None,
        ),
    ] {
        let (arts, res) = text_alone(&format!("خبر\n\n{text}"));
        let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
        let strikes: Vec<_> = arts[0]
            .events
            .iter()
            .filter(|e| format!("{:?}", e.class) == "Airstrike")
            .collect();
        let targets: Vec<String> = strikes
            .iter()
            .flat_map(|e| e.targets.iter().map(label))
            .collect();
        let agents: Vec<String> = strikes
            .iter()
            .flat_map(|e| e.agents.iter().map(label))
            .collect();
        if let Some(hit) = hit {
            assert!(targets.iter().any(|t| t.contains(hit)), "{text}: {targets:?}");
        }
        if let Some(not) = not {
            assert!(!targets.iter().any(|t| t.contains(not)), "{text}: {targets:?}");
        }
        if let Some(by) = by {
            assert!(agents.iter().any(|a| a.contains(by)), "{text}: {agents:?}");
        }
    }
    // «غارتين إسرائيليتين»: the country of a feminine dual adjective strikes
    let ev = events_of(
        "خبر\n\nاستشهد خمسة مواطنين في غارتين إسرائيليتين على مخيم النصيرات وسط قطاع غزة.",
    );
    assert!(
        ev.iter()
            .any(|(c, a)| c == "Airstrike" && a.iter().any(|x| x.contains("إسرائيل"))),
        "{ev:?}"
    );
    // a speaker's «أنه» after another clause's verb is not what it said of a strike
    let ev = events_of(
        "خبر\n\nاستشهد 14 فلسطينياً في غارتين إسرائيليتين على مخيم النصيرات ومدينة دير البلح.\n\nزعم الجيش الإسرائيلي أنه استهدف «عنصراً في حركة الجهاد الإسلامي» قال إنه كان يخطط لهجمات، من دون أن يشير إلى غارة دير البلح.",
    );
    assert!(
        !ev.iter()
            .any(|(c, a)| c == "Airstrike" && a.iter().any(|x| x.contains("الجهاد"))),
        "{ev:?}"
    );
}

#[test]
fn who_attacked_when_the_attacks_clause_does_not_say() {
    let attackers = |text: &str| attackers_of(&format!("خبر\n\n{text}"));
    // a group that says it killed soldiers claims the attack told without its attacker
    let a = attackers(
        "قتل 11 جندياً في هجوم استهدف موقعاً عسكرياً في بلدة ماكالوندي بالنيجر. وزعمت جماعة نصرة الإسلام والمسلمين في بيان أنها قتلت 32 جندياً.",
    );
    assert!(a.iter().any(|x| x.contains("نصرة")), "{a:?}");
    // an army that says it killed gunmen claims nothing
    let a = attackers(
        "قتل 11 جندياً في هجوم استهدف موقعاً عسكرياً في بلدة ماكالوندي بالنيجر. وأعلن الجيش النيجري أنه قتل 30 إرهابياً.",
    );
    assert!(!a.iter().any(|x| x.contains("الجيش")), "{a:?}");
    // gunmen right after the verb did it, not the body whose checkpoint they hit
    let a = attackers(
        "وكانت العملية الأكثر دموية حين هاجم مسلحون يستقلون دراجات نارية حاجزاً تابعاً لقيادة الأمن الداخلي في محافظة دير الزور.",
    );
    assert!(!a.iter().any(|x| x.contains("الأمن الداخلي")), "{a:?}");
    // a claim whose claimant is described at length takes the attack all the same
    let a = attackers(
        "قتل 18 جندياً في هجوم استهدف مفرزة عسكرية في بلدة دياباغا شرقي بوركينا فاسو.\n\nوتبنت جماعة نصرة الإسلام والمسلمين، فرع تنظيم القاعدة في منطقة الساحل، الهجوم في بيان.",
    );
    assert!(
        a.iter().any(|x| x.contains("نصرة")) && !a.iter().any(|x| x.contains("القاعدة")),
        "{a:?}"
    );
    // the groups accused of the attack carried it out; accused of something else, nothing
    let ev = events_of(
        "خبر\n\nقتل 11 مدنيا في قصف بطائرات مسيرة على مدينة كادقلي.\n\nواتهمت حكومة ولاية جنوب كردفان قوات الدعم السريع والحركة الشعبية لتحرير السودان – شمال، بقيادة عبد العزيز الحلو، بتنفيذ الهجوم.",
    );
    let strike: Vec<String> = ev
        .iter()
        .filter(|(c, _)| c == "Airstrike")
        .flat_map(|(_, a)| a.clone())
        .collect();
    assert!(
        strike.iter().any(|x| x.contains("الدعم السريع"))
            && strike.iter().any(|x| x.contains("الحركة الشعبية")),
        "{ev:?}"
    );
    let ev = events_of(
        "خبر\n\nقتل 11 مدنيا في قصف بطائرات مسيرة على مدينة كادقلي.\n\nواتهمت الحكومة قوات الدعم السريع بفبركة صور الضحايا.",
    );
    assert!(
        !ev.iter()
            .any(|(c, a)| c == "Airstrike" && a.iter().any(|x| x.contains("الدعم السريع"))),
        "{ev:?}"
    );
    // «أن عناصره …» claims an attack after a verb of claiming, or with a verb of killing; a
    // plain statement of a side's own operations or of its fighting claims nothing
    let claims = |text: &str| {
        events_of(&format!("خبر\n\n{text}"))
            .iter()
            .filter(|(c, _)| c == "ClaimOfResponsibility")
            .count()
    };
    assert_eq!(
        claims("وزعم تنظيم داعش، في بيان نشرته وكالة أعماق، أن عناصره قتلوا 7 من الجيش."),
        1
    );
    assert_eq!(
        claims("وقال المتحدث باسم حركة الشباب إن الحركة أعلنت أن مقاتليه قتلوا 35 جندياً."),
        1
    );
    assert_eq!(
        claims("وقالت قسد في بيان أن عناصرها نفذوا مداهمات في حي الزهور."),
        0
    );
    assert_eq!(
        claims("وقالت كتيبة جنين في بيان أن مقاتليها خاضوا اشتباكات مع القوات المقتحمة."),
        0
    );
    // a word of an event inside an outlet's name is no event
    let ev = events_of("خبر\n\nوقال موقع التبني نيوز إن الأمطار غمرت الطريق.");
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn a_name_stops_before_a_word_of_violence() {
    let labels =
        mention_labels("خبر\n\nوتبنى لواء درع الساحل الهجوم في بيان نشره على تطبيق تلغرام.");
    assert!(labels.iter().any(|l| l == "لواء درع الساحل"), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains("الهجوم")), "{labels:?}");
}

#[test]
fn israeli_localities_and_the_islamic_resistance_of_lebanon() {
    // «مستعمرة/مستوطنة X»: a locality named after its head, common word or not
    let found = mention_classes("خبر\n\nسقطت صواريخ على مستوطنة المطلة في الجليل الأعلى.");
    assert!(found_as(&found, "المطلة", "City"), "{found:?}");
    // «المقاومة الإسلامية» alone is Hezbollah in an article on Lebanon, and nobody elsewhere
    let ev = events_of(
        "خبر\n\nقصف الجيش الإسرائيلي بلدة كفررمان في جنوب لبنان.\n\nوأعلنت «المقاومة الإسلامية» أن مجاهديها استهدفوا تجمعاً لجنود العدو في مستعمرة المطلة.",
    );
    assert!(
        ev.iter()
            .any(|(c, a)| c == "Attack" && a.iter().any(|x| x.contains("حزب الله"))),
        "{ev:?}"
    );
    let labels =
        mention_labels("خبر\n\nوقال المتحدث إن المقاومة الإسلامية ستواصل عملياتها في العراق.");
    assert!(!labels.iter().any(|l| l.contains("حزب الله")), "{labels:?}");
}

/// Whether a relation of `relations_of` holds between labels containing `s` and `o`.
fn holds(rels: &[(String, String, String)], s: &str, r: &str, o: &str) -> bool {
    rels.iter()
        .any(|(a, b, c)| a.contains(s) && b == r && c.contains(o))
}

#[test]
fn relations_of_titles_owners_camps_and_control_as_reports_state_them() {
    // (text, subject, relation, object)
    for (text, s, r, o) in [
        // a camp's anaphor contains
        (
            "ارتفع عدد الشهداء في مخيم نور شمس إلى ثلاثة جراء قصف طائرة مسيّرة تجمعاً للشبان في حارة المنشية داخل المخيم.",
            "المنشية",
            "locatedIn",
            "نور شمس",
        ),
        // whose a school is, said right after it, stands between it and where it lies
        (
            "ومن مدرسة الجاعوني التابعة لوكالة الأونروا في مخيم النصيرات وصلنا تسعة شهداء.",
            "الجاعوني",
            "locatedIn",
            "النصيرات",
        ),
        // a high commissioner of a province named with «لـ»
        (
            "وأعلن المفوض السامي لإقليم تابوا، المقدم إيسوفو ويدراوغو، فرض حظر تجول ليلي.",
            "ويدراوغو",
            "officialOf",
            "تابوا",
        ),
        // the Iraqi «آمر» before a unit
        (
            "من جانبه، قال آمر اللواء 12 في الحشد الشعبي، الحاج كاظم الربيعي، إن مقاتليه قتلوا اثنين من المهاجمين.",
            "الربيعي",
            "commanderOf",
            "12",
        ),
        // two titles set off by commas before one name: both are his
        (
            "وأدان محافظ محافظة مأرب، عضو مجلس القيادة الرئاسي، اللواء سلطان العرادة، القصف.",
            "العرادة",
            "officialOf",
            "مأرب",
        ),
        (
            "وأدان محافظ محافظة مأرب، عضو مجلس القيادة الرئاسي، اللواء سلطان العرادة، القصف.",
            "العرادة",
            "officialOf",
            "مجلس القيادة الرئاسي",
        ),
        // a name set off by commas may begin with the letter of «and»
        (
            "من جهته، قال المتحدث باسم القوات الجنوبية في جبهة الضالع، النقيب وضاح الحالمي، إن الوحدات صدت الهجوم.",
            "وضاح",
            "spokespersonOf",
            "الجنوبية",
        ),
        // a phrase that describes the body, set off by commas, before the spokesman's name
        (
            "في المقابل، قال المتحدث باسم الجيش الشعبي لتحرير السودان - شمال، الذراع العسكرية للحركة الشعبية، العقيد كافي تاور، إن قواته استهدفت مواقع للجيش.",
            "تاور",
            "spokespersonOf",
            "لتحرير السودان - شمال",
        ),
        // control of places joined by «وعلى»
        (
            "يسيطر جهاز الردع على مطار معيتيقة وعلى سجن معيتيقة.",
            "الردع",
            "controls",
            "مطار معيتيقة",
        ),
        (
            "يسيطر جهاز الردع على مطار معيتيقة وعلى سجن معيتيقة.",
            "الردع",
            "controls",
            "سجن معيتيقة",
        ),
    ] {
        let rels = relations_of(&format!("خبر\n\n{text}"));
        assert!(holds(&rels, s, r, o), "{text}: {rels:?}");
    }
    // a body named before a comma is not the subject of «ويسيطر» after it
    let rels =
        relations_of("خبر\n\nويتبع جهاز الردع اسمياً المجلس الرئاسي، ويسيطر على مطار معيتيقة.");
    assert!(!holds(&rels, "المجلس الرئاسي", "controls", ""), "{rels:?}");
}

#[test]
fn what_no_title_names() {
    // (text, a word no person's name holds)
    for (text, not) in [
        // a rank, an unknown name and a comma: what follows the comma is no name
        ("وأعلن المقدم إيسوفو ويدراوغو، فرض حظر التجول.", "حظر"),
        // «أمر» (ordered), written as the title folds, names nobody
        ("وأمر رئيس الوزراء بفتح تحقيق في الهجوم.", "رئيس"),
        // a clause joined by «و» after the comma is still no name
        (
            "وقال المتحدث باسم ألوية العمالقة، وأضاف أن الهجوم صُدّ.",
            "أضاف",
        ),
        // two titles before one name: no holder of the first office apart from him
        (
            "وأدان محافظ محافظة مأرب، عضو مجلس القيادة الرئاسي، اللواء سلطان العرادة، القصف.",
            "محافظ",
        ),
    ] {
        let found = mention_classes(&format!("خبر\n\n{text}"));
        assert!(
            !found.iter().any(|(l, c)| *c == "Person" && l.contains(not)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn whose_the_object_is_and_the_event_told_on() {
    // a side named after «في» or after «من» on an object ending in «ين» is whose the object is,
    // and the army whose words open with «إنه» right before the verb did it
    let ev = attackers_of(
        "خبر\n\nوقال الجيش الإسرائيلي في بيان إنه استهدف مسلحين من حركة حماس في مبنى بمدينة غزة.",
    );
    assert!(
        !ev.iter().any(|x| x.contains("حماس")) && ev.iter().any(|x| x.contains("الإسرائيلي")),
        "{ev:?}"
    );
    // (where gunmen «من» a group, in the nominative after the verb, attacked)
    let ev = attackers_of("خبر\n\nوهاجم مسلحون من تنظيم داعش حاجزا للجيش العراقي في كركوك.");
    assert!(ev.iter().any(|x| x.contains("الدولة")), "{ev:?}");
    // «أن الغارة استهدفت»: the strike told on, not an attack by the commander's group
    let all = events_of(
        "خبر\n\nشنت طائرة مسيرة إسرائيلية غارة على بلدة عيتا الشعب.\n\nوزعم الجيش الإسرائيلي أن الغارة استهدفت قياديا في قوة الرضوان التابعة لحزب الله.",
    );
    assert!(
        all.iter()
            .all(|(c, a)| c == "Airstrike" && !a.iter().any(|x| x.contains("الرضوان"))),
        "{all:?}"
    );
    // a group that says its fighters did it did it
    let ev = attackers_of(
        "خبر\n\nوأعلنت كتائب الشهيد عز الدين القسام، الجناح العسكري لحركة حماس، أن مقاتليها استهدفوا دبابة إسرائيلية في محيط دوار الكويت جنوب شرقي مدينة غزة.",
    );
    assert!(ev.iter().any(|x| x.contains("القسام")), "{ev:?}");
    // a pretext for attacking is no attack
    let ev = events_of(
        "خبر\n\nونفت حركة حماس في بيان الرواية الإسرائيلية، ووصفتها بأنها ذريعة مكشوفة لتبرير استهداف النازحين.",
    );
    assert!(ev.iter().all(|(c, _)| c != "Attack"), "{ev:?}");
    // a name with «لـ» is whose the positions are, not who shelled
    let ev = attackers_of(
        "خبر\n\nوأعلن حزب الله تنفيذ سلسلة عمليات ضد مواقع وتجمعات للجيش الإسرائيلي على الحدود، بينها قصف ثكنة قرب كريات شمونة.",
    );
    assert!(!ev.iter().any(|x| x.contains("الإسرائيلي")), "{ev:?}");
}

#[test]
fn one_raid_told_in_the_headline_and_the_body() {
    let raids = |t: &str| {
        events_of(t)
            .into_iter()
            .filter(|(c, _)| c == "Attack")
            .count()
    };
    // Israel by its adjective in the headline, its army in the body: one raid on one camp
    assert_eq!(
        raids("شهيدان في اقتحام إسرائيلي لمخيم بلاطة في نابلس\n\nاستشهد شابان فجر اليوم الأربعاء خلال اقتحام واسع نفّذته قوات الاحتلال الإسرائيلي لمخيم بلاطة شرق مدينة نابلس."),
        1
    );
    // two raids on two towns stay two
    assert_eq!(
        raids("خبر\n\nاستشهد شاب فجر اليوم خلال اقتحام نفّذته قوات الاحتلال الإسرائيلي لمدينة جنين.\n\nوأصيب آخر خلال اقتحام إسرائيلي لبلدة قباطية جنوب مدينة طوباس."),
        2
    );
    // the headline's shelling of a place is the body's air strike on it
    let all = events_of(
        "٢١ شهيداً في قصف خيام نازحين بمواصي خان يونس\n\nاستشهد ٢١ فلسطينياً فجر الأحد في غارات إسرائيلية استهدفت خياماً تؤوي نازحين في منطقة المواصي غرب مدينة خان يونس.",
    );
    assert_eq!(
        all.iter()
            .filter(|(c, _)| c == "Attack" || c == "Airstrike")
            .count(),
        1,
        "{all:?}"
    );
}

#[test]
fn a_governor_of_a_town_is_an_official_of_the_province_it_names() {
    // the town after «محافظ» needs no other context, and its province is the one named by it
    for (text, s, o) in [
        (
            "اقتحمت قوات الاحتلال الإسرائيلي مخيم بلاطة. وقال محافظ نابلس، غسان دغلس، إن الاقتحام مستمر.",
            "دغلس",
            "محافظة نابلس",
        ),
        (
            "اقتحمت قوات الاحتلال الإسرائيلي مخيم بلاطة. وقال محافظ جنين كمال أبو الرب إن الاقتحام مستمر.",
            "أبو الرب",
            "محافظة جنين",
        ),
    ] {
        let rels = relations_of(&format!("خبر\n\n{text}"));
        assert!(holds(&rels, s, "officialOf", o), "{text}: {rels:?}");
    }
    // a hospital director is no official of the province his hospital's town names
    let rels = relations_of(
        "خبر\n\nقصف في قطاع غزة.\nوأفاد مدير مستشفى شهداء الأقصى في دير البلح، الدكتور إياد أبو سمرة، بوصول جثامين خمسة.",
    );
    assert!(
        !rels
            .iter()
            .any(|(s, r, o)| s.contains("سمرة") && r == "officialOf" && o.contains("محافظة")),
        "{rels:?}"
    );
    // the place after a governor joined by «و» is no person's name
    let labels = mention_labels(
        "اقتحمت قوات الاحتلال الإسرائيلي مخيم الفارعة. وقال محافظ طوباس والأغوار الشمالية إن الاقتحام مستمر.",
    );
    assert!(
        !labels.iter().any(|l| l.starts_with("والأغوار")),
        "{labels:?}"
    );
}

#[test]
fn who_judges_an_attack_and_whose_post_it_hit() {
    // who condemns or describes the attack did not carry it out
    for t in [
        "خبر\n\nأما حركة حماس فوصفت في بيان استهداف مراكز الإيواء بأنه جريمة حرب.",
        "خبر\n\nوأدانت حركة حماس استهداف مراكز الإيواء في مخيم جباليا.",
    ] {
        let a = attackers_of(t);
        assert!(!a.iter().any(|x| x.contains("حماس")), "{t}: {a:?}");
    }
    // the body whose headquarters a bombing hit, named in construct, is its target
    let a = attackers_of(
        "خبر\n\nقتل تسعة أشخاص في تفجير انتحاري أمام مقر قيادة شرطة ولاية بلخ في مدينة مزار شريف.",
    );
    assert!(!a.iter().any(|x| x.contains("شرطة")), "{a:?}");
}

/// What a text says, word for word, where it names an entity whose label holds `part`.
fn spans_naming(text: &str, part: &str) -> Vec<String> {
    let (arts, res) = text_alone(text);
    arts[0]
        .rec
        .mentions
        .iter()
        .filter(|m| res.entities[res.by_ref[&m.entity]].label_ar.contains(part))
        .map(|m| arts[0].doc.slice(m.start, m.end).to_string())
        .collect()
}

#[test]
fn a_town_found_by_its_head_is_the_same_town_named_again_without_it() {
    let named = spans_naming(
        "خبر\n\nهاجم مسلحون من حركة الشباب قاعدة عسكرية في مدينة عيلبور بإقليم جلجدود.\nوقدّر مكتب أوتشا نزوح نحو 600 أسرة من عيلبور وضواحيها خلال اليومين الماضيين.",
        "عيلبور",
    );
    assert_eq!(named.len(), 2, "{named:?}");
    // a district whose name keeps its head («مديرية برمل») is named again without it
    let named = spans_naming(
        "خبر\n\nقصفت طائرات قريتين في مديرية برمل بولاية بكتيكا.\nوقال سكان إن نحو 200 أسرة نزحت من القرى الحدودية في برمل.",
        "برمل",
    );
    assert_eq!(named, ["مديرية برمل", "برمل"], "{named:?}");
    // (a town whose name is a common word is not found again in that word: «قرية الأمل»)
    let named = spans_naming(
        "خبر\n\nنزح آلاف المدنيين إلى قرية الأمل غرب مدينة الأبيض.\nوقال إن الأمل ما زال قائماً.",
        "الأمل",
    );
    assert!(named.len() <= 1, "{named:?}");
}

#[test]
fn a_strike_told_on_past_its_adjective_is_no_new_attack() {
    let all = events_of(
        "خبر\n\nاستشهد ثلاثة أشخاص في غارتين إسرائيليتين على بلدة حاروف في جنوب لبنان.\n\nوأوضح المركز أن الغارة الأولى استهدفت سيارة على الطريق العام في حاروف.",
    );
    assert!(all.iter().all(|(c, _)| c != "Attack"), "{all:?}");
}

#[test]
fn the_sdf_anti_terror_units_count_where_the_sdf_is_named() {
    let rels = relations_of(
        "خبر\n\nوبدأت الأسايش بمساندة وحدات مكافحة الإرهاب التابعة لقسد حملة تفتيش في مخيم الهول.",
    );
    assert!(
        holds(&rels, "وحدات مكافحة الإرهاب", "partOf", "سوريا الديمقراطية"),
        "{rels:?}"
    );
    // (elsewhere the words name no unit of the SDF)
    let (arts, res) =
        text_alone("خبر\n\nوأعلنت وحدات مكافحة الإرهاب في الشرطة الباكستانية اعتقال ثلاثة.");
    let english: Vec<String> = arts[0]
        .rec
        .mentions
        .iter()
        .filter_map(|m| res.entities[res.by_ref[&m.entity]].label_en.clone())
        .collect();
    assert!(!english.iter().any(|l| l.contains("YAT")), "{english:?}");
}

#[test]
fn a_date_without_its_year_is_read_against_the_articles_day() {
    // an article of November 2024 read in November 2026: «سبتمبر الماضي» is September 2024
    let day = event_day(
        "بعلبك تحت النار\n\nسكاي نيوز عربية\nالثلاثاء 5 نوفمبر 2024\n\nوقد تصاعدت المواجهات إلى حرب مفتوحة منذ أواخر سبتمبر/أيلول الماضي، مع توسيع الغارات الإسرائيلية لتشمل بلدة شمسطار في قضاء بعلبك.",
        "Airstrike",
    );
    assert_eq!(day.as_deref(), Some("2024-09"));
}

#[test]
fn a_town_named_by_a_common_word_before_its_district() {
    // «بلدة معركة قضاء صور»: the district after the town's name closes it; no battle is told
    let (arts, res) =
        text_alone("شهيدان بغارة مسيّرة إسرائيلية على سيارة في بلدة معركة قضاء صور\n\nنص الخبر.");
    let towns: Vec<String> = arts[0]
        .rec
        .mentions
        .iter()
        .map(|m| res.entities[res.by_ref[&m.entity]].label_ar.clone())
        .collect();
    assert!(towns.iter().any(|l| l == "معركة"), "{towns:?}");
    assert!(
        arts[0]
            .events
            .iter()
            .all(|e| format!("{:?}", e.class) != "Clash"),
        "{:?}",
        arts[0].events
    );
}

#[test]
fn a_tehsil_in_its_district() {
    let rels = relations_of(
        "خبر\n\nهجوم على موقع أمني في تحصيل ماموند بمنطقة باجور، شمالي إقليم خيبر بختونخوا في باكستان.",
    );
    assert!(
        holds(&rels, "تحصيل ماموند", "locatedIn", "باجور"),
        "{rels:?}"
    );
    // (two areas joined by «و» lie in neither)
    let rels =
        relations_of("خبر\n\nنزح السكان من تحصيل ماموند وتحصيل سالارزي نحو مدينة خار في باكستان.");
    assert!(
        !holds(&rels, "تحصيل ماموند", "locatedIn", "سالارزي"),
        "{rels:?}"
    );
}

#[test]
fn a_place_name_of_two_words_nobody_listed() {
    let labels = mention_labels(
        "وقال حاكم منطقة ديفا إن نحو 350 أسرة نزحت من القرى المحيطة بمدينة بوسو باتجاه مخيم سايام فوراج للاجئين في النيجر.",
    );
    assert!(labels.iter().any(|l| l == "مخيم سايام فوراج"), "{labels:?}");
    // (not the next name joined by «و»)
    let labels = mention_labels("غارات على بلدتي سحمر ومشغرة في البقاع الغربي.");
    assert!(
        !labels.iter().any(|l| l.contains(' ') && l.contains("سحمر")),
        "{labels:?}"
    );
}

#[test]
fn a_statement_telling_of_attackers_it_does_not_name_tells_the_attack_again() {
    // «إن مجموعة إرهابية … هاجمت الحاجز»: the attack already told, and not by the speaker
    let all = events_of(
        "خبر\n\nهجوم لتنظيم داعش على حاجز للأسايش قرب مخيم الهول.\n\nوقالت قوى الأمن الداخلي في بيان إن «مجموعة إرهابية مؤلفة من أربعة عناصر هاجمت الحاجز بالأسلحة الرشاشة».",
    );
    let attacks: Vec<&Vec<String>> = all
        .iter()
        .filter(|(c, _)| c == "Attack")
        .map(|(_, a)| a)
        .collect();
    assert_eq!(attacks.len(), 1, "{all:?}");
    assert!(
        attacks[0]
            .iter()
            .all(|a| !a.contains("الأمن الداخلي") && !a.contains("الأسايش")),
        "{all:?}"
    );
    // (where the clause points back to the speaker, the speaker did it)
    let a = attackers_of(
        "خبر\n\nوقالت قوى الأمن الداخلي في بيان إن قواتها هاجمت وكراً لخلية إرهابية في ريف الحسكة.",
    );
    assert!(
        a.iter()
            .any(|x| x.contains("الأمن الداخلي") || x.contains("الأسايش")),
        "{a:?}"
    );
}

#[test]
fn the_side_a_post_belongs_to_was_attacked_and_a_cell_belonging_to_a_group_attacked() {
    let a = attackers_of(
        "خبر\n\nوذكرت الخلية أن مسلحين هاجموا نقطة تابعة لقيادة عمليات نينوى بالأسلحة الخفيفة.",
    );
    assert!(!a.iter().any(|x| x.contains("نينوى")), "{a:?}");
    let a = attackers_of(
        "خبر\n\nهاجمت خلية تابعة لتنظيم داعش ليل الجمعة حاجزاً لقوى الأمن الداخلي قرب الهول.",
    );
    assert!(
        a.iter().any(|x| x.contains("داعش") || x.contains("الدولة")),
        "{a:?}"
    );
}

/// The facilities a text names: (Arabic label, English label).
fn facilities_of(text: &str) -> Vec<(String, String)> {
    let (_, res) = text_alone(text);
    res.entities
        .iter()
        .filter(|e| format!("{:?}", e.class) == "Facility")
        .map(|e| (e.label_ar.clone(), e.label_en.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn sites_named_by_their_kind_and_town_their_adjectives_and_their_police() {
    // a hospital known by its kind and the town it serves: the whole phrase is its name, and
    // the town stays a name of its own, containing it
    let text = "خبر\n\nونُقل الجرحى إلى المستشفى الإقليمي في مدينة ديفا شرقي النيجر.";
    let f = facilities_of(text);
    assert!(
        f.iter().any(|(l, _)| l == "المستشفى الإقليمي في مدينة ديفا"),
        "{f:?}"
    );
    let rels = relations_of(text);
    assert!(
        holds(&rels, "المستشفى الإقليمي", "locatedIn", "ديفا"),
        "{rels:?}"
    );
    let f = facilities_of("خبر\n\nوأفاد مصدر في المشفى الوطني بالقامشلي بوصول ثلاث جثث.");
    assert!(
        f.iter().any(|(l, _)| l == "المشفى الوطني بالقامشلي"),
        "{f:?}"
    );
    // (the kind alone, or with a place nobody named, is any hospital)
    for t in [
        "خبر\n\nونُقل الجرحى إلى المستشفى الميداني.",
        "خبر\n\nونُقل الجرحى إلى المستشفى الإقليمي في المدينة.",
    ] {
        assert!(facilities_of(t).is_empty(), "{t}: {:?}", facilities_of(t));
    }
    // the adjectives that end a site's name, past the nisba of the country that built it
    let f = facilities_of("خبر\n\nووصل المصابون إلى مستشفى طوباس التركي الحكومي.");
    assert!(
        f.iter().any(|(l, _)| l == "مستشفى طوباس التركي الحكومي"),
        "{f:?}"
    );
    // a name several hospitals bear is the one of the town the article names
    let f = facilities_of(
        "خبر\n\nقُتل طفلان بقذيفة في مدينة تعز، ونُقل ثلاثة جرحى إلى مستشفى الثورة العام.",
    );
    assert!(f.iter().any(|(_, en)| en.contains("Taiz")), "{f:?}");
    let f =
        facilities_of("خبر\n\nقُتل طفلان في غارة على مدينة الحديدة، ونُقل الجرحى إلى مستشفى الثورة.");
    assert!(f.iter().any(|(_, en)| en.contains("Hodeidah")), "{f:?}");
    // a police station is named by the place it serves
    let f = facilities_of("خبر\n\nهاجم مسلحون مركز شرطة بكاخيل في منطقة بنو فجر الخميس.");
    assert!(f.iter().any(|(l, _)| l == "مركز شرطة بكاخيل"), "{f:?}");
    let f = facilities_of("خبر\n\nوهاجم المسلحون مركز الشرطة في البلدة.");
    assert!(f.is_empty(), "{f:?}");
    // a camp or crossing by its head, where the name is no common word
    let f = facilities_of("خبر\n\nواستهدف الهجوم معسكر ماركالا وسط مالي.");
    assert!(f.iter().any(|(l, _)| l == "معسكر ماركالا"), "{f:?}");
    for t in [
        "خبر\n\nواستهدف الهجوم معسكر الجيش في البلدة.",
        "خبر\n\nوقالت الشرطة إن منفذ الهجوم قُتل.",
    ] {
        assert!(facilities_of(t).is_empty(), "{t}: {:?}", facilities_of(t));
    }
}

#[test]
fn a_minister_is_an_official_of_the_ministry_of_his_field_the_article_names() {
    let rels = relations_of(
        "خبر\n\nأعلنت وزارة الصحة العامة اللبنانية استشهاد شخصين في غارة على بلدة عيتا الشعب في جنوب لبنان.\n\nوأدان وزير الصحة العامة ركان ناصر الدين الاستهداف المتكرر للمدنيين.",
    );
    assert!(
        holds(&rels, "ناصر الدين", "officialOf", "وزارة الصحة"),
        "{rels:?}"
    );
    // (not of another country's ministry of that field)
    let rels = relations_of(
        "خبر\n\nقالت وزارة الدفاع الروسية إن قواتها في مالي صدت هجوماً.\n\nوقال وزير الدفاع المالي، الجنرال ساديو كامارا، إن الجيش سيلاحق المهاجمين في مالي.",
    );
    assert!(
        !holds(&rels, "كامارا", "officialOf", "وزارة الدفاع"),
        "{rels:?}"
    );
}

#[test]
fn a_town_named_with_its_head_whose_namesake_lies_abroad_is_another_town() {
    // «بلدة الصور» in Deir ez-Zor is not Tyre
    let (_, res) = text_alone(
        "خبر\n\nقُتل اثنان من حراس سجن الصوامع في بلدة الصور بريف دير الزور الشمالي في سوريا.",
    );
    let town = res
        .entities
        .iter()
        .find(|e| e.label_ar.contains("الصور") && format!("{:?}", e.class) == "City")
        .expect("the town");
    assert!(
        !town.label_en.as_deref().unwrap_or("").contains("Tyre"),
        "{town:?}"
    );
    // (in an article on Lebanon it is Tyre)
    let (_, res) = text_alone("خبر\n\nاستهدفت غارة إسرائيلية سيارة في مدينة صور جنوب لبنان.");
    assert!(
        res.entities
            .iter()
            .any(|e| e.label_en.as_deref() == Some("Tyre")),
        "{:?}",
        res.entities
    );
}

#[test]
fn a_place_subject_to_the_control_of_an_actor_is_held_by_it() {
    for (text, actor, place) in [
        (
            "خبر\n\nوتحاصر قوات الدعم السريع مدينة الفاشر، الخاضعة لسيطرة الجيش السوداني، منذ أشهر.",
            "السوداني",
            "الفاشر",
        ),
        (
            "خبر\n\nوتعيش سبها توترات متكررة رغم خضوعها منذ عام 2019 لسيطرة قوات القيادة العامة.",
            "الليبي",
            "سبها",
        ),
        // (the masculine adjective is the prison's, past the city it lies in)
        (
            "خبر\n\nفر تسعة معتقلين من سجن جركين في مدينة القامشلي، الخاضع لسيطرة قوات سوريا الديمقراطية.",
            "سوريا الديمقراطية",
            "جركين",
        ),
    ] {
        let rels = relations_of(text);
        assert!(holds(&rels, actor, "controls", place), "{text}: {rels:?}");
    }
    // (not the areas nobody named, nor the dateline's town)
    for text in [
        "القامشلي: قال القيادي إن الخلايا تنشط في المناطق الخاضعة لسيطرة قوات سوريا الديمقراطية.",
        "القامشلي: حاول عناصر من التنظيم الفرار من سجنٍ يخضع لسيطرة قوات سوريا الديمقراطية.",
    ] {
        let rels = relations_of(text);
        assert!(
            !rels.iter().any(|(_, r, _)| r == "controls"),
            "{text}: {rels:?}"
        );
    }
}

/// The classes and days of a text's events (published on a Monday, 15 June 2026).
fn event_days(body: &str) -> Vec<(String, String)> {
    let (arts, _) = text_alone(&format!("خبر\n\nتم النشر: 2026/06/15\n\n{body}"));
    arts[0]
        .events
        .iter()
        .map(|e| (format!("{:?}", e.class), format!("{:?}", e.date)))
        .collect()
}

#[test]
fn gunmen_of_a_group_named_after_them_did_it_and_a_clause_of_time_shares_the_day() {
    // «شنّه مسلحون من تنظيم X»: the group's members attacked (on Saturday, the 13th)
    let a = attackers_of(
        "خبر\n\nقال الجيش إن قواته صدّت، ليل السبت، هجوماً واسعاً شنّه مسلحون من تنظيم «ولاية غرب أفريقيا»، الفرع التابع لتنظيم الدولة الإسلامية، على قاعدته في بلدة بولكا بمنطقة غوزا.",
    );
    assert!(a.iter().any(|x| x.contains("غرب أفريقيا")), "{a:?}");
    let days = event_days(
        "قال الجيش إن قواته صدّت، ليل السبت، هجوماً واسعاً شنّه مسلحون من تنظيم «ولاية غرب أفريقيا»، الفرع التابع لتنظيم الدولة الإسلامية، على قاعدته في بلدة بولكا بمنطقة غوزا.",
    );
    assert!(
        days.iter().any(|(_, d)| d.contains("2026-06-13")),
        "{days:?}"
    );
    // (gunmen after the verb in the oblique are its object)
    let a = attackers_of("خبر\n\nقال الجيش الإسرائيلي إنه استهدف مسلحين من حركة حماس في رفح.");
    assert!(!a.iter().any(|x| x.contains("حماس")), "{a:?}");
    // «… ظهر السبت، قبل أن يطال قصف مدفعي …»: the clause after a word of time is the same
    // account, on the same day
    let days = event_days(
        "قُتل 11 مدنياً عندما ضربت مسيّرتان ظهر السبت السوق الأسبوعي في بلدة كازقيل، قبل أن يطال قصف مدفعي أحياء سكنية في طرفها الغربي.",
    );
    assert!(
        days.iter().all(|(_, d)| d.contains("2026-06-13")),
        "{days:?}"
    );
}

#[test]
fn the_actor_that_runs_a_site_holds_it() {
    // a site first, past the town it lies in; «جهاز الأسايش» is the Asayish
    let rels = relations_of(
        "خبر\n\nويقع سجن جركين في الطرف الجنوبي من القامشلي بمحافظة الحسكة، ويديره جهاز الأسايش، ويضم نحو 1200 محتجز.",
    );
    assert!(holds(&rels, "الأسايش", "controls", "جركين"), "{rels:?}");
    assert!(!holds(&rels, "الأسايش", "controls", "القامشلي"), "{rels:?}");
    assert!(!rels.iter().any(|(a, _, _)| a.contains("جهاز")), "{rels:?}");
    // (the government an armed group runs stays a body of its own)
    let f = mention_classes("خبر\n\nوقال المتحدث باسم حكومة طالبان إن الهجوم فاشل.");
    assert!(found_as(&f, "حكومة طالبان", "Government"), "{f:?}");
}

#[test]
fn an_attack_told_without_attackers_is_not_one_another_side_made_elsewhere() {
    let (arts, res) = text_alone(
        "تحليل | بعد هجوم أيورو.. لماذا تبقى تيلابيري الخاصرة الرخوة في النيجر؟\n\nلم يكن الهجوم الذي استهدف مساء الأحد موقعاً للجيش النيجري في بلدة أيورو الأول من نوعه.\n\nوزعم تنظيم الدولة الإسلامية - ولاية الساحل عبر وكالة أعماق أن مقاتليه قتلوا 27 جندياً.\n\nوتتركز هجمات جماعة نصرة الإسلام والمسلمين في جنوب المنطقة قرب تيرا.",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let ayorou = arts[0]
        .events
        .iter()
        .find(|e| {
            e.places
                .iter()
                .chain(&e.targets)
                .any(|p| label(p).contains("أيورو"))
        })
        .expect("the attack on Ayorou");
    assert!(
        !ayorou.agents.iter().any(|a| label(a).contains("نصرة")),
        "{:?}",
        arts[0].events
    );
}

#[test]
fn a_name_stops_before_a_verb_of_judging() {
    let labels = mention_labels(
        "14:10 – رئيس حكومة إقليم خيبر بختونخوا سهيل أفريدي يدين الهجوم ويأمر بنقل الجرحى.",
    );
    assert!(labels.iter().any(|l| l == "سهيل أفريدي"), "{labels:?}");
}

#[test]
fn a_police_station_named_by_a_town_nobody_listed_names_the_town_too() {
    let (arts, res) = text_alone(
        "خبر\n\nهاجم مسلحون مركز شرطة بكاخيل في منطقة بنو فجر الخميس.\n\nوأعلنت الشرطة توقيف أربعة مشتبه بهم خلال مداهمات في بكاخيل.",
    );
    let named: Vec<(String, String)> = arts[0]
        .rec
        .all_mentions()
        .map(|m| {
            let e = &res.entities[res.by_ref[&m.entity]];
            (e.label_ar.clone(), format!("{:?}", e.class))
        })
        .collect();
    assert!(
        named
            .iter()
            .any(|(l, c)| l == "مركز شرطة بكاخيل" && c == "Facility"),
        "{named:?}"
    );
    assert_eq!(
        named
            .iter()
            .filter(|(l, c)| l == "بكاخيل" && c == "City")
            .count(),
        2,
        "{named:?}"
    );
}

#[test]
fn a_strike_told_again_by_the_side_that_made_it_is_that_strike() {
    let all = events_of(
        "خبر\n\nاستشهد ثلاثة مواطنين في غارة إسرائيلية على بلدة دورس في قضاء بعلبك.\n\nفي المقابل، قال الجيش الإسرائيلي إنه استهدف «مستودعاً لوسائل قتالية تابعاً لحزب الله».",
    );
    assert!(all.iter().all(|(c, _)| c != "Attack"), "{all:?}");
    // (an attack it tells with a place of its own is another)
    let all = events_of(
        "خبر\n\nاستشهد ثلاثة مواطنين في غارة إسرائيلية على بلدة دورس في قضاء بعلبك.\n\nوقال الجيش الإسرائيلي إنه استهدف مسلحين في بلدة الخيام جنوب لبنان.",
    );
    assert!(all.iter().any(|(c, _)| c == "Attack"), "{all:?}");
}

#[test]
fn a_unit_name_stops_where_its_other_name_is_given() {
    let labels = mention_labels(
        "خبر\n\nاندلعت اشتباكات بين الكتيبة 103 مشاة المعروفة باسم «قوة الإسناد» ومجموعة مسلحة في الزاوية.",
    );
    assert!(labels.iter().any(|l| l == "الكتيبة 103 مشاة"), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains("المعروفة")), "{labels:?}");
}

#[test]
fn civil_defence_and_the_ruling_junta_are_the_country_s() {
    let (_, res) = text_alone(
        "خبر\n\nاستهدفت غارة إسرائيلية بلدة سحمر في البقاع الغربي جنوب لبنان، وعمل عناصر الدفاع المدني على إخماد النيران.",
    );
    assert!(
        res.entities.iter().any(|e| e
            .label_en
            .as_deref()
            .is_some_and(|l| l.contains("Lebanese Civil Defence"))),
        "{:?}",
        res.entities
    );
    let (_, res) = text_alone(
        "خبر\n\nقُتل تسعة جنود في هجوم على موقع للجيش في بلدة أيورو بمنطقة تيلابيري غرب النيجر، في ضربة جديدة للمقاربة التي يعتمدها المجلس العسكري الحاكم.",
    );
    let junta = res
        .entities
        .iter()
        .find(|e| format!("{:?}", e.class) == "Government")
        .map(|e| e.label_ar.clone());
    assert!(
        junta.as_deref().is_some_and(|l| l.contains("حماية الوطن")),
        "{:?}",
        res.entities
    );
}

#[test]
fn a_day_with_its_year_left_out_and_the_day_people_fled() {
    let head = "خبر\n\nوكالة الأنباء\nالخميس 26 شباط 2026\n\n";
    // «في 19 كانون الثاني/يناير الماضي»: the year left out is the last January's
    let day = event_day(
        &format!("{head}وفي 19 كانون الثاني/يناير الماضي فرّ عشرات السجناء من سجن الشدادي خلال المواجهات بين قوات سوريا الديمقراطية والقوات الحكومية.\n"),
        "PrisonBreak",
    );
    assert_eq!(day.as_deref(), Some("2026-01-19"));
    // people flee on the day of the violence told before
    let text = format!("{head}قتل خمسة مدنيين في قصف مدفعي شنته قوات الدعم السريع على مدينة الدلنج يوم الثلاثاء.\n\nوقال مسؤول محلي إن نحو 300 أسرة نزحت نحو كادقلي.\n");
    assert_eq!(
        event_day(&text, "Displacement").as_deref(),
        Some("2026-02-24")
    );
    // with no violence dated before it, a displacement keeps no day
    let text = format!("{head}وقال مسؤول محلي إن نحو 300 أسرة نزحت من مدينة الدلنج نحو كادقلي.\n");
    assert_eq!(event_day(&text, "Displacement"), None);
}

#[test]
fn an_account_of_today_and_one_of_years_ago_are_two_events() {
    // the headline's bombing (no day of its own) is not the one of June 2023 told further on
    let (arts, _) = text_alone(
        "تفجير في فيض آباد يستهدف مقراً لطالبان\n\nوكالة الأنباء\nالاثنين 15 أيلول 2025\n\nوفي حزيران/يونيو 2023 نفذ تنظيم داعش تفجيراً في مدينة فيض آباد.\n",
    );
    let bombings: Vec<String> = arts[0]
        .events
        .iter()
        .filter(|e| format!("{:?}", e.class) == "Attack")
        .map(|e| format!("{:?}", e.date))
        .collect();
    assert!(bombings.len() >= 2, "{bombings:?}");
    assert!(bombings.iter().any(|d| d.contains("2023")), "{bombings:?}");
    assert!(bombings.iter().any(|d| d.contains("2025")), "{bombings:?}");
}

#[test]
fn prisoners_who_fled_during_an_attack_fled_through_the_attackers() {
    let (arts, res) = text_alone(
        "خبر\n\nوكالة الأنباء\nالسبت 18 تشرين الأول 2025\n\nشن تنظيم داعش ليل الخميس هجوماً على سجن غويران في مدينة الحسكة.\n\nوقال المرصد إن 14 معتقلاً فرّوا من السجن خلال الهجوم.\n",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let escape = arts[0]
        .events
        .iter()
        .find(|e| format!("{:?}", e.class) == "PrisonBreak")
        .expect("an escape");
    let agents: Vec<String> = escape.agents.iter().map(label).collect();
    assert!(
        agents
            .iter()
            .any(|a| a.contains("داعش") || a.contains("الدولة")),
        "{agents:?}"
    );
}

#[test]
fn an_attack_made_and_repelled_happened() {
    let head = "خبر\n\nوكالة الأنباء\nالأربعاء 12 نوفمبر 2025\n\n";
    // «أحبطت هجوماً شنّه …»: the attack was made (on Monday night), then repelled
    let day = event_day(
        &format!("{head}أعلنت إدارة العلاقات العامة للقوات المسلحة الباكستانية، في بيان مساء الثلاثاء، أن قوات الأمن «أحبطت» هجوماً شنّه ليل الاثنين الثلاثاء «إرهابيون» على نقطة لقوات حرس الحدود في مقاطعة بنجغور بإقليم بلوشستان.\n"),
        "Attack",
    );
    assert_eq!(day.as_deref(), Some("2025-11-10"));
    // a plot foiled is no attack
    let (arts, _) = text_alone(&format!(
        "{head}أحبطت القوات هجوماً على نقطة لقوات حرس الحدود في مقاطعة بنجغور.\n"
    ));
    assert!(
        arts[0]
            .events
            .iter()
            .all(|e| format!("{:?}", e.class) != "Attack"),
        "{:?}",
        arts[0].events
    );
}

#[test]
fn two_areas_after_a_dual_head_one_a_common_word() {
    let names =
        mention_labels("بدء سريان وقف لإطلاق النار في منطقتي الهضبة والفرناج جنوبي العاصمة طرابلس.");
    assert!(names.iter().any(|n| n == "الهضبة"), "{names:?}");
    assert!(names.iter().any(|n| n == "الفرناج"), "{names:?}");
    // two common words are no names: «منطقتي الشمال والجنوب»
    let names = mention_labels("وتتواصل الاشتباكات في منطقتي الشمال والجنوب.");
    assert!(names.iter().all(|n| n != "الشمال"), "{names:?}");
}

#[test]
fn an_outlets_own_word_quoted_is_the_outlet_not_a_town() {
    // «السرو» is a town in Egypt; here it is the agency the police chief spoke to
    let (arts, res) = text_alone(
        "مقتل ستة في هجوم على نقطة أمنية\n\nوكالة السرو للأنباء\nالثلاثاء 11 نوفمبر 2025\n\nكويتا (باكستان) - «السرو»\n\nوقال رئيس الشرطة لـ«السرو» إن المهاجمين فروا.\n",
    );
    let classes: Vec<String> = arts[0]
        .rec
        .mentions
        .iter()
        .filter(|m| m.label.contains("السرو"))
        .map(|m| format!("{:?}", res.entities[res.by_ref[&m.entity]].class))
        .collect();
    assert!(
        !classes.is_empty() && classes.iter().all(|c| c == "MediaOutlet"),
        "{classes:?}"
    );
}

#[test]
fn a_word_in_quotes_for_emphasis_or_a_vehicle_is_no_town() {
    // «النصر» (victory) is also a place's weak alias; «همر» (a Humvee) a town in Germany
    let names = mention_labels(
        "ولا يزال التنظيم، رغم إعلان العراق «النصر» عليه، ينفذ هجمات. وانفجرت عبوة ناسفة على عجلة «همر» تابعة للشرطة الاتحادية قرب كركوك.",
    );
    assert!(
        names.iter().all(|n| n != "النصر" && n != "همر"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n == "كركوك"), "{names:?}");
    // an outlet's name in quotes still counts: «لـ«المجلة»»
    let names = mention_labels("وقال المتحدث لـ«المجلة» إن الهجوم فشل.");
    assert!(names.iter().any(|n| n == "المجلة"), "{names:?}");
}

#[test]
fn people_after_titles_of_places_and_compound_names() {
    for (text, name) in [
        // a Kurdish given name, then a given name listed
        (
            "15:30 – محافظ كركوك ريبوار طه يدين في بيان «الاعتداء الإرهابي الجبان».",
            "ريبوار طه",
        ),
        // (and not the noun of the counted after it)
        (
            "فيما زار محافظ كركوك ريبوار طه الجرحى في المستشفى.",
            "ريبوار طه",
        ),
        // a compound given name's first word is frequent as a word
        (
            "بحسب ما أفاد مدير مستشفى حيرام في صور الدكتور سليم عز الدين.",
            "سليم عز الدين",
        ),
        // «رئيس وزراء» in the construct
        (
            "وأضاف أن رئيس وزراء الإقليم سرفراز بوغتي أمر بفتح تحقيق عاجل.",
            "سرفراز بوغتي",
        ),
        // the body's place ends its name before the given name of its head
        (
            "وقال رئيس بلدية كفررمان حسن عبد الله إن الغارة أحدثت أضراراً.",
            "حسن عبد الله",
        ),
    ] {
        let names = mention_labels(text);
        assert!(names.iter().any(|n| n == name), "{text}: {names:?}");
    }
    let names = mention_labels("وقال رئيس بلدية كفررمان حسن عبد الله إن الغارة أحدثت أضراراً.");
    assert!(names.iter().any(|n| n == "بلدية كفررمان"), "{names:?}");
    // «حسن عبد الله» is not «حسن نصر الله»: a compound last name is one name
    let (arts, res) = text_alone(
        "خبر\n\nوقال الأمين العام لحزب الله حسن نصر الله إن الحزب سيرد. وقال رئيس البلدية حسن عبد الله إن الغارة دمرت منزلين.\n",
    );
    let people: std::collections::BTreeSet<String> = arts[0]
        .rec
        .mentions
        .iter()
        .filter(|m| m.label.starts_with("حسن"))
        .map(|m| res.entities[res.by_ref[&m.entity]].label_ar.clone())
        .collect();
    assert_eq!(people.len(), 2, "{people:?}");
}

#[test]
fn a_police_chief_and_a_compound_given_name() {
    // a body's name ends before the first word of a compound given name; «رئيس شرطة» is a title
    let names = mention_labels(
        "وقال رئيس شرطة مقاطعة بنجغور أسد الله كاكر إن عدد الموقوفين ارتفع إلى تسعة.",
    );
    assert!(names.iter().any(|n| n == "أسد الله كاكر"), "{names:?}");
    assert!(names.iter().all(|n| !n.contains("بنجغور أسد")), "{names:?}");
}

#[test]
fn people_who_fled_to_a_place_fled_from_where_the_violence_was() {
    let (arts, res) = text_alone(
        "خبر\n\nوكالة الأنباء\nالخميس 13 نوفمبر 2025\n\nاستشهد شابان في غارة نفذتها مسيرة إسرائيلية على دراجة نارية في بلدة كفررمان جنوبي لبنان.\n\nوقال رئيس البلدية إن سبع عائلات غادرت منازلها إلى أقارب لها في مدينة النبطية.\n",
    );
    let label = |e| res.entities[res.by_ref[e]].label_ar.clone();
    let fled = arts[0]
        .events
        .iter()
        .find(|e| format!("{:?}", e.class) == "Displacement")
        .expect("a displacement");
    let places: Vec<String> = fled.places.iter().map(label).collect();
    assert!(places.iter().any(|p| p == "كفررمان"), "{places:?}");
    // (where they went stays too)
    assert!(places.iter().any(|p| p == "النبطية"), "{places:?}");
}

#[test]
fn tyre_is_labelled_as_news_writes_it() {
    let names = mention_labels("وغادرت عائلات منازلها إلى مدينة صور في جنوب لبنان.");
    assert!(names.iter().any(|n| n == "صور"), "{names:?}");
}

#[test]
fn who_trained_a_force_and_an_ally_named_with_it_support_it() {
    let rels = relations_of("وتشرف على القاعدة وحدات من قوات دنب التي دربتها الولايات المتحدة.");
    assert!(
        rels.iter()
            .any(|(a, r, b)| a.contains("الولايات المتحدة") && r == "supports" && b.contains("دنب")),
        "{rels:?}"
    );
    let rels = relations_of(
        "محمّلةً قوات الدعم السريع وحليفتها الحركة الشعبية لتحرير السودان - شمال المسؤولية.",
    );
    assert!(
        rels.iter().any(|(a, r, b)| a.contains("الحركة الشعبية")
            && r == "supports"
            && b.contains("الدعم السريع")),
        "{rels:?}"
    );
}
