"""Which of a name's candidates a text means: the 119 villages called Іванівка, the town and
the villages called Городок. The candidates are first narrowed by the words around the name (a
raion named right after it, a village noun before it), then chosen by the oblast the text names
nearest, level and population (``choose``); a place found in one oblast only, or a town of
10,000+, settles its oblast for the rest of the text (``anchor``)."""

from __future__ import annotations

from svidok.analysis.gazetteer import Candidate
from svidok.analysis.placecues import cues
from svidok.analysis.tokens import Tokens

TOWN_POPULATION = 10_000  # a town this large is meant over any namesake village
MAJOR_CITY = 100_000  # large enough to be meant even where the word has another reading


def anchor(candidates: list[Candidate]) -> str:
    """The oblast a found place settles for the rest of the text, or "": the one oblast of all
    its candidates, or a town's of 10,000+ people chosen over namesake villages ("Киев" is
    also a village in Mykolaiv Oblast; the text's "Подоле" is then Kyiv's district, not the
    larger Поділ near Poltava)."""
    pcodes = {c.oblast_pcode for c in candidates}
    if len(pcodes) == 1:
        return candidates[0].oblast_pcode
    best = choose(candidates, [], 0)
    return best.oblast_pcode if best.place.level == "city" and \
        best.population >= TOWN_POPULATION else ""


def choose(candidates: list[Candidate], mentions: list[tuple[int, str]], at: int) -> Candidate:
    """A country over villages of its name; a Ukrainian place over a foreign city of the same
    name; then a city of 10,000+ people; else the candidate in the oblast named nearest in the
    text; else the highest level, then the largest population."""
    countries = [c for c in candidates if c.place.level == "country"]
    if countries and all(c.place.level in ("country", "village", "settlement")
                         for c in candidates):
        return countries[0]  # "в Молдову": the country, not the village Молдове near Odesa
    foreign_cities = [c for c in candidates if c.place.foreign and c.place.level == "city"]
    if foreign_cities and len(foreign_cities) < len(candidates):
        # Олександрія, not Alexandria: a namesake abroad yields to a Ukrainian place
        candidates = [c for c in candidates if c not in foreign_cities]
    best = max(candidates, key=lambda c: c.rank)
    if best.place.level == "city" and best.population >= TOWN_POPULATION:
        return best
    distance: dict[str, int] = {}
    for position, pcode in mentions:
        distance[pcode] = min(distance.get(pcode, 10**9), abs(position - at))
    near = [c for c in candidates if c.oblast_pcode in distance]
    if not near:
        return best
    return min(near, key=lambda c: (distance[c.oblast_pcode], -c.rank[0], -c.rank[1]))


def narrowed(
    text: str, toks: Tokens, found: list[tuple[int, int, list[Candidate]]],
) -> list[tuple[int, int, list[Candidate]]]:
    """Homonyms narrowed by the words around them, where some candidates remain: a raion or
    hromada named right after the place keeps those within it ("Городок Рівненського району"),
    a village noun before it keeps those that are no city ("села Городок": not the town of
    16,000 in Khmelnytskyi Oblast, which ``choose`` prefers to any village), and a river's word
    before it the river ("на лівому березі Дніпра": not the city, which ``choose`` prefers)."""
    kept = []
    for n, (i, j, candidates) in enumerate(found):
        if len(candidates) > 1:
            after = found[n + 1] if n + 1 < len(found) else None
            if after is not None and after[0] == j and (codes := tuple(
                    c.place.code for c in after[2]
                    if c.place.level in ("raion", "hromada") and c.place.code)):
                candidates = [c for c in candidates if c.place.code.startswith(codes)] \
                    or candidates
            before = toks.words[i - 1].lower() if i > 0 else ""
            if _after_a_river_cue(toks.words, i):
                candidates = [c for c in candidates if c.place.level == "river"] or candidates
            if before in cues().village_nouns and (
                    len(before) > 2 or text.startswith(".", toks.ends[i - 1])):
                candidates = [c for c in candidates if c.place.level != "city"] or candidates
        kept.append((i, j, candidates))
    return kept


def _after_a_river_cue(words: list[str], i: int) -> bool:
    """Whether a river's word (a bank, a crossing, "вздовж") comes right before word ``i``, in
    English also before "of the" or "the" ("the left bank of the Dnipro", "along the river")."""
    k = i - 1
    if k >= 0 and words[k].lower() == "the":
        k -= 1
        if k >= 0 and words[k].lower() == "of":
            k -= 1
    return k >= 0 and words[k].lower() in cues().river_cues
