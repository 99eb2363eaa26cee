#!/usr/bin/env python3
"""Writes ontology/athar.ttl from the term table below (run once when a term is added).

The table is the single place the vocabulary is written by hand; src/vocab.rs mirrors it and a
test checks that every IRI used in Rust is defined in the TTL.
"""
from pathlib import Path

# (kind, name, parent-or-domain, range, English label, Arabic label, comment)
C, P, I = "class", "property", "individual"
TERMS = [
    (C, "Entity", None, None, "entity", "كيان", "A real-world thing named in the articles: one IRI whatever the spelling."),
    (C, "Person", "Entity", None, "person", "شخص", "A named human being."),
    (C, "Organization", "Entity", None, "organization", "منظمة", "A group of people acting together: armed group, government body, outlet, NGO, agency."),
    (C, "ArmedGroup", "Organization", None, "armed group", "جماعة مسلحة", "An organisation that fights: militias, armies, security and police forces, coalitions."),
    (C, "Government", "Organization", None, "government", "حكومة", "A government, administration, ministry or directorate."),
    (C, "MediaOutlet", "Organization", None, "media outlet", "وسيلة إعلام", "A newspaper, agency, channel or website that publishes news."),
    (C, "Place", "Entity", None, "place", "مكان", "A named location."),
    (C, "Country", "Place", None, "country", "دولة", "A sovereign state."),
    (C, "Region", "Place", None, "region", "إقليم", "A named region that is not a governorate: Kurdistan Region, a desert or countryside."),
    (C, "Governorate", "Place", None, "governorate", "محافظة", "A first-level administrative division (محافظة، ولاية)."),
    (C, "City", "Place", None, "city", "مدينة", "A city, town or village."),
    (C, "Neighborhood", "Place", None, "neighborhood", "حي", "A named quarter of a city."),
    (C, "Prison", "Place", None, "prison", "سجن", "A prison or detention facility."),
    (C, "Camp", "Place", None, "camp", "مخيم", "A camp for displaced people, refugees or detainees' families."),
    (C, "Facility", "Place", None, "facility", "منشأة", "A named building, bridge, checkpoint or installation."),
    (C, "Article", None, None, "article", "مقال", "One input news article; its IRI names the graph holding what was extracted from it."),
    (C, "Mention", None, None, "mention", "ذكر", "One place in an article where an entity is named, with code-point offsets."),
    (C, "Quantity", None, None, "quantity", "رقم", "One figure stated in an article, with what it counts, its bounds and who said it."),
    (C, "Measure", None, None, "measure", "مقياس", "What a figure counts."),
    (C, "Qualifier", None, None, "qualifier", "وصف الرقم", "How exact a figure is."),
    (C, "Unit", None, None, "unit", "وحدة", "The unit of a figure that does not count people."),
    (C, "Event", None, None, "event", "حدث", "Something that happened, as reported."),
    (C, "Incident", None, None, "incident", "واقعة", "One real-world happening that events of several articles report (cross-document event coreference)."),
    (C, "Attack", "Event", None, "attack", "هجوم", "An armed attack or assault."),
    (C, "Clash", "Event", None, "clash", "اشتباك", "Fighting between two or more sides."),
    (C, "Airstrike", "Event", None, "airstrike", "غارة جوية", "An air or drone strike."),
    (C, "PrisonBreak", "Event", None, "prison break", "فرار من السجن", "Detainees escaping or being freed from a prison."),
    (C, "Riot", "Event", None, "riot", "استعصاء", "A riot or mutiny, typically inside a prison."),
    (C, "Arrest", "Event", None, "arrest", "اعتقال", "An arrest, capture or recapture."),
    (C, "HostageTaking", "Event", None, "hostage taking", "احتجاز رهائن", "People taken or held hostage."),
    (C, "Displacement", "Event", None, "displacement", "نزوح", "People forced to leave their homes."),
    (C, "Curfew", "Event", None, "curfew", "حظر تجوال", "A curfew imposed on an area."),
    (C, "Meeting", "Event", None, "meeting", "اجتماع", "A meeting between people or organisations."),
    (C, "PhoneCall", "Event", None, "phone call", "اتصال هاتفي", "A phone call between people."),
    (C, "Agreement", "Event", None, "agreement", "اتفاق", "An agreement between parties."),
    (C, "Withdrawal", "Event", None, "withdrawal", "انسحاب", "Forces withdrawing from places."),
    (C, "ClaimOfResponsibility", "Event", None, "claim of responsibility", "تبني المسؤولية", "A group claiming an attack."),
    (P, "locatedIn", "Place", "Place", "located in", "يقع في", "The subject place lies inside the object place (transitive)."),
    (P, "controls", "Entity", "Place", "controls", "يسيطر على", "The actor holds or guards the place."),
    (P, "supports", "Entity", "Entity", "supports", "يدعم", "The actor backs the other actor."),
    (P, "partOf", "Organization", "Organization", "part of", "جزء من", "The organisation belongs to the other (transitive)."),
    (P, "affiliatedWith", "Person", "Organization", "affiliated with", "ينتمي إلى", "The person belongs to the organisation."),
    (P, "spokespersonOf", "Person", "Organization", "spokesperson of", "متحدث باسم", "The person speaks for the organisation (spokesperson, media coordinator)."),
    (P, "commanderOf", "Person", "Organization", "commander of", "قائد", "The person commands the organisation."),
    (P, "officialOf", "Person", "Entity", "official of", "مسؤول في", "The person is an official, envoy or co-chair of the organisation or state."),
    (P, "headOf", "Person", "Entity", "head of", "رئيس", "The person heads the state or government."),
    (P, "mentionedIn", None, "Article", "mentioned in", "ورد في", "The entity, mention, figure or event comes from the article."),
    (P, "refersTo", "Mention", "Entity", "refers to", "يشير إلى", "The entity a mention names."),
    (P, "start", None, None, "start", "بداية", "Offset of the first character, in Unicode code points of the article text (xsd:integer)."),
    (P, "end", None, None, "end", "نهاية", "Offset after the last character, in Unicode code points (xsd:integer, exclusive)."),
    (P, "anchorText", "Mention", None, "anchor text", "النص", "Exactly the characters of the article between start and end."),
    (P, "mentionKind", "Mention", None, "mention kind", "نوع الذكر", "name, alias, short (a surname alone) or anaphor (السجن)."),
    (P, "sourceFile", "Article", None, "source file", "الملف", "The input file's name."),
    (P, "title", "Article", None, "title", "العنوان", "The article's headline (its first line)."),
    (P, "publishedOn", "Article", None, "published on", "تاريخ النشر", "Publication date: xsd:date, xsd:gYearMonth or xsd:gYear."),
    (P, "publishedOnText", "Article", None, "publication date text", "نص تاريخ النشر", "The characters the publication date was read from."),
    (P, "dateInferred", "Article", None, "date inferred", "تاريخ مستنتج", "true when the year of the publication date was inferred from the weekday."),
    (P, "publisher", "Article", "MediaOutlet", "publisher", "الناشر", "The outlet that published the article, where the text names it."),
    (P, "sha256", "Article", None, "SHA-256", "بصمة", "SHA-256 of the article text (hex)."),
    (P, "text", "Article", None, "text", "النص الكامل", "The decoded article text the offsets index."),
    (P, "url", "Article", None, "URL", "الرابط", "Where the article was published, as its input gave it (JSON Lines `url`, HTML canonical link)."),
    (P, "outletName", "Article", None, "outlet name", "اسم الوسيلة", "The outlet's name as the input's metadata gave it."),
    (P, "externalId", "Article", None, "external id", "المعرف الخارجي", "The article's id as its input gave it (JSON Lines `id`)."),
    (P, "inputFormat", "Article", None, "input format", "صيغة المدخل", "text, html (the text is what athar extracted from the page) or jsonl."),
    (P, "measures", "Quantity", "Measure", "measures", "يقيس", "What the figure counts."),
    (P, "value", "Quantity", None, "value", "القيمة", "An exact or approximate figure."),
    (P, "minValue", "Quantity", None, "minimum", "الحد الأدنى", "Lower bound of a figure or range."),
    (P, "maxValue", "Quantity", None, "maximum", "الحد الأعلى", "Upper bound of a figure or range."),
    (P, "qualifier", "Quantity", "Qualifier", "qualifier", "الوصف", "How exact the figure is."),
    (P, "unit", "Quantity", "Unit", "unit", "الوحدة", "Unit, for figures that do not count people."),
    (P, "ofGroup", "Quantity", "Organization", "of group", "من عناصر", "The actor whose members are counted."),
    (P, "about", None, None, "about", "بخصوص", "The event or place a figure belongs to."),
    (P, "reportedBy", None, "Entity", "reported by", "حسب", "Who the text attributes the figure or event to."),
    (P, "evidence", None, None, "evidence", "الجملة", "The sentence the statement was read from."),
    (P, "agent", "Event", "Entity", "agent", "الفاعل", "Who acts."),
    (P, "target", "Event", "Entity", "target", "الهدف", "Whom or what the event is aimed at."),
    (P, "participant", "Event", "Entity", "participant", "مشارك", "Others involved, e.g. both sides of a meeting."),
    (P, "place", "Event", "Place", "place", "المكان", "Where it happened."),
    (P, "date", "Event", None, "date", "التاريخ", "When it happened: xsd:date, xsd:gYearMonth or xsd:gYear."),
    (P, "incident", "Event", "Incident", "incident", "الواقعة", "The real-world happening this event reports, shared with the events of other articles that report it."),
    (P, "startDate", "Incident", None, "start date", "تاريخ البداية", "The first day an incident's reports give (xsd:date)."),
    (P, "endDate", "Incident", None, "end date", "تاريخ النهاية", "The last day an incident's reports give (xsd:date)."),
    (P, "reportCount", "Incident", None, "report count", "عدد التقارير", "How many articles report the incident (xsd:integer)."),
    (P, "geoPrecision", "Place", None, "geo precision", "دقة الموقع", "How precise geo:lat and geo:long are, as ACLED's geo_precision (xsd:integer): 1 the place's own point; 2 the point of the town it lies in (a prison, camp or neighbourhood); 3 a representative point of a larger area (a country's centroid, a governorate's seat)."),
    (P, "dateFromReport", "Event", None, "date from the report", "التاريخ من التقرير", "true when the event's ath:date is not given by its sentence but is the day the article tells of (the last day it gave before, else its publication day): ACLED's time_precision 2."),
    (P, "runningTotal", "Quantity", None, "running total", "حصيلة تراكمية", "true when the figure counts since a day long past («منذ مطلع العام»، «منذ أكتوبر 2023»): a running total about the area it covers, not the toll of one event."),
    (P, "admin1", "Place", None, "first-level division", "التقسيم الإداري الأول", "The first-level division (state, governorate, province) the gazetteer places a town, prison, camp, neighbourhood or facility in, as its Arabic name: ACLED's admin1."),
]
MEASURES = [("Killed", "killed", "قتلى"), ("Injured", "injured", "جرحى"), ("Held", "held", "محتجزون"),
            ("Escaped", "escaped", "فارون"), ("Captured", "captured", "معتقلون"), ("Displaced", "displaced", "نازحون"),
            ("Fighters", "fighters", "مقاتلون"), ("Hostages", "hostages", "رهائن"), ("Population", "population", "سكان"),
            ("Duration", "duration", "مدة"), ("Other", "other", "أخرى")]
QUALIFIERS = [("Exact", "exact", "دقيق"), ("Approximately", "approximately", "تقريبا"), ("AtLeast", "at least", "على الأقل"),
              ("MoreThan", "more than", "أكثر من"), ("AtMost", "at most", "ما يصل إلى"), ("Range", "range", "بين")]
UNITS = [("Family", "family", "عائلة"), ("Day", "day", "يوم"), ("Month", "month", "شهر"), ("Year", "year", "سنة"),
         ("Hour", "hour", "ساعة"), ("Minute", "minute", "دقيقة"),
         ("Kilometre", "kilometre", "كيلومتر"), ("Vehicle", "vehicle", "مركبة")]


def lit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    out = ["@prefix ath: <https://w3id.org/athar/ontology#> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
           "@prefix owl: <http://www.w3.org/2002/07/owl#> .",
           "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
           "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
           "", "<https://w3id.org/athar/ontology> a owl:Ontology ;",
           '    rdfs:label "athar ontology"@en , "أنطولوجيا أثر"@ar ;',
           '    rdfs:comment "Vocabulary of athar: entities, articles, mentions, figures and events read from Arabic conflict news, with provenance."@en .', ""]
    for kind, name, a, b, en, ar, comment in TERMS:
        lines = [f"ath:{name} a {'owl:Class' if kind == C else 'owl:ObjectProperty' if b and b[0].isupper() else 'owl:DatatypeProperty' if kind == P and b is None and name not in ('about', 'mentionedIn', 'evidence') else 'rdf:Property'}"]
        if kind == C and a:
            lines.append(f"rdfs:subClassOf ath:{a}")
        if kind == P:
            if a:
                lines.append(f"rdfs:domain ath:{a}")
            if b:
                lines.append(f"rdfs:range ath:{b}")
            if name in ("locatedIn", "partOf"):
                lines[0] += " , owl:TransitiveProperty"
            if name in ("spokespersonOf", "commanderOf", "officialOf", "headOf"):
                lines.append("rdfs:subPropertyOf ath:affiliatedWith")
        lines.append(f"rdfs:label {lit(en)}@en , {lit(ar)}@ar")
        lines.append(f"rdfs:comment {lit(comment)}@en")
        out.append(" ;\n    ".join(lines) + " .\n")
    for cls, items, what in (("Measure", MEASURES, "figure counts"), ("Qualifier", QUALIFIERS, "figure is"), ("Unit", UNITS, "figure's unit is")):
        for name, en, ar in items:
            out.append(f"ath:{name} a ath:{cls} , owl:NamedIndividual ;\n    rdfs:label {lit(en)}@en , {lit(ar)}@ar ;\n"
                       f"    rdfs:comment {lit(f'The {what}: {en}.')}@en .\n")
    text = "\n".join(out).replace("rdf:Property", "owl:AnnotationProperty")
    Path(__file__).resolve().parent.parent.joinpath("ontology", "athar.ttl").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
