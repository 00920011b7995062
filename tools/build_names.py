"""Build src/svidok/data/analysis/given_names_latin.txt.gz: given names in Latin script.

    python tools/build_names.py

Every lemma tagged Name in pymorphy3's Ukrainian and Russian dictionaries (OpenCorpora and
LanguageTool data, shipped in the pymorphy3-dicts packages), transliterated with every scheme of
data/analysis/translit.yaml, those for names only included: "Сергій" gives Serhii, Serhiy,
Sergii, Sergiy; "Сергей" Sergei, Sergey; "Максим" Maksym, Maksim and Maxim. English-language
testimonies name Ukrainians and Russians in these spellings.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pymorphy3

from svidok.analysis import translit

OUT = Path(__file__).resolve().parents[1] / "src/svidok/data/analysis/given_names_latin.txt.gz"


def main() -> None:
    names: set[str] = set()
    for lang in ("uk", "ru"):
        morph = pymorphy3.MorphAnalyzer(lang=lang)
        for word, tag, normal, _para, _idx in morph.dictionary.iter_known_words(""):
            if "Name" in tag and word == normal and len(word) >= 3 and "-" not in word:
                names |= {v.lower() for v in translit.variants(word.capitalize(), names=True)}
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(sorted(names)) + "\n")
    print(f"{len(names)} names -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
