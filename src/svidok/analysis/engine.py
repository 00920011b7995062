"""``analyze``: every recogniser over one text, overlaps settled, themes and risk added."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from svidok.analysis import language, personal, persons, places, risk, themes, units
from svidok.domain.annotations import Analysis, Entity

# Stored with every annotation: testimonies analysed by another version are analysed again.
# Raised whenever what the engine finds changes (2: city districts, words in single quotes;
# 3: unit names apart, countries, names not taken for places, theme vocabulary and counting;
# 4: a rank after a rank cue is not a name, romanised district adjectives before an office noun;
# 5: lower-case chats by their sentence starts, places known only as places, names after a cue
# in lower case, diminutives, vehicle makes, phrases with the verb last, theme vocabulary, the
# border towns of the neighbours; 6: a country ending the title of a law or a body is no place,
# separate assault battalions, a driving licence cued by its holder in any case, theme vocabulary;
# 7: Russian -ым place endings, no village for the later word of a name not found whole, в/у in
# Ukrainian phrases, negated returns, quoted names of things, a phone kept beside a trunk 8;
# 8: places of offices and courts by their adjective, "з" + instrumental is "with", names
# between places, towns anchoring namesakes, call signs before their cue, a signing name, the
# people units are named after, theme vocabulary; 9: Russian -ском/-цком and Ukrainian -ів town
# endings, hyphenated names inflected in each part, training grounds named in quotes, lower-case
# towns with town endings, "кличте мене" and ", це позивний" cues, English possessives and
# unit names, theme vocabulary; 10: double surnames, names beside a greeting in a chat, birth
# dates after a participle, territorial defence brigades and reserve battalions, theme
# vocabulary).
ENGINE_VERSION = "35"
PRIORITY_UNIT = 58
PRIORITY_PLACE = 40
PRIORITY_PERSON = 45
PRIORITY_CALL_SIGN = 72


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Entities, themes and re-identification risk of ``text`` (language detected if not given)."""
    found_units = units.find(text)
    # a unit's honorific name ("Анна Київська", "Холодный Яр") is neither a person nor a place
    names = units.name_spans(text, found_units)
    found_places = _outside(places.find(text), names)
    candidates: list[tuple[int, Entity]] = list(personal.find(text))
    candidates += [(PRIORITY_UNIT, e) for e in found_units]
    candidates += [(PRIORITY_PLACE, e) for e in found_places]
    blocked = [(e.start, e.end) for e in found_places] + names
    found_persons = _outside(persons.find(text, blocked), names)
    candidates += [(PRIORITY_CALL_SIGN if e.recognizer == "call_sign" else PRIORITY_PERSON, e)
                   for e in found_persons]
    candidates += personal.years_after_names(text, found_persons)
    honouring = [e for e in found_units if e.unit is not None and units.honours_a_person(e.unit)]
    candidates += [(PRIORITY_PERSON, e)
                   for e in _honorees(text, units.name_spans(text, honouring))]
    entities = settle(candidates)
    found_themes = themes.find(text)
    return Analysis(lang or language.detect(text), entities, found_themes,
                    risk.assess(text, entities, found_themes))


def _honorees(text: str, names: list[tuple[int, int]]) -> list[Entity]:
    """The people units are named after ("бригада імені … Михайла Остроградського", «Анна
    Київська»): persons, and public figures by what they are honoured for — the unit's name
    stays readable in a redacted text."""
    return [replace(e, start=a + e.start, end=a + e.end, recognizer="honorific",
                    public_figure=True)
            for a, b in names for e in persons.find(text[a:b]) if e.recognizer == "name"]


def _outside(entities: list[Entity], spans: list[tuple[int, int]]) -> list[Entity]:
    if not spans:
        return entities
    return [e for e in entities if not any(a < e.end and e.start < b for a, b in spans)]


def settle(candidates: list[tuple[int, Entity]]) -> list[Entity]:
    """Keep the highest-priority (then longest) of overlapping spans; return in text order.

    The spans kept are disjoint, so in order of their starts their ends rise too: a new span
    overlaps one of them exactly when the last kept span starting before its end ends after its
    start — one bisection instead of a comparison with every span kept (a court decision has
    hundreds)."""
    chosen: list[Entity] = []  # in text order
    starts: list[int] = []
    for _, entity in sorted(candidates, key=lambda pe: (-pe[0], -(pe[1].end - pe[1].start),
                                                         pe[1].start)):
        at = bisect_left(starts, entity.end)
        if at and chosen[at - 1].end > entity.start:
            continue
        chosen.insert(at, entity)
        starts.insert(at, entity.start)
    return chosen
