"""Themes, risk, redaction, the analyze JSON contract, the data files, the CLI and the eval."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pymorphy3
import pytest
import yaml

from conftest import SHARED, CliResult
from svidok.analysis import (
    analyze,
    gazetteer,
    lemmas,
    lexicons,
    placekeys,
    surface,
    themes,
    tokens,
    units,
)
from svidok.analysis.redact import redact
from svidok.analysis.surface import FormIndex
from svidok.domain.annotations import ENTITY_TYPES, Analysis, Entity, Risk
from svidok.workflows import evaluate

Cli = Callable[..., CliResult]
DATA = Path(__file__).resolve().parents[1] / "src" / "svidok" / "data"
THEME_IDS = {"street_mobilization", "distribution_center", "training", "assault_unit",
             "border_crossing", "escape", "szch", "return_to_unit", "conditions", "health",
             "legal_case", "homelessness", "family"}
STORY = ("Мене звати Тарас Мельничук, тел. 0671234567. Мене схопили на вулиці в Кременчуці і "
         "посадили в бус до ТЦК. Потім розподільчий пункт, два тижні навчання, і в штурмову "
         "бригаду, в/ч А1234. Тарасові сказали мовчати. Я пішов у СЗЧ, бо дружина хворіє.")


def theme_ids(text: str) -> set[str]:
    return {t.id for t in analyze(text).themes}


def test_themes_of_a_typical_account() -> None:
    assert {"street_mobilization", "distribution_center", "training", "assault_unit",
            "szch", "family"} <= theme_ids(STORY)


def test_theme_evidence_points_at_the_words_that_carry_it() -> None:
    [szch] = [t for t in analyze(STORY).themes if t.id == "szch"]
    assert [STORY[a:b] for a, b in szch.evidence] == ["СЗЧ"]


def test_english_themes_match_on_word_starts() -> None:
    ids = theme_ids("He deserted after the assault and is hiding from the border guards.")
    assert {"szch", "assault_unit", "escape", "border_crossing"} <= ids


def test_no_themes_in_unrelated_text() -> None:
    assert theme_ids("Сьогодні гарна погода, ми пили каву.") == set()


def test_risk_names_its_reasons_and_rises_with_quasi_identifiers() -> None:
    mild = analyze("Мене мобілізували навесні.").risk
    strong = analyze("Служив у в/ч А1234, жив у селі Тоненьке, 12.03.2024 мене поранило.").risk
    assert mild.level == "low"
    assert strong.score > mild.score
    assert any("А1234" in r for r in strong.reasons)
    assert any("Тоненьке" in r for r in strong.reasons)


def test_redaction_numbers_one_person_consistently_across_case_forms() -> None:
    result = redact(STORY, analyze(STORY))
    assert "Тарас" not in result.text and "0671234567" not in result.text
    assert result.text.count("[PERSON 1]") == 2
    assert "[PHONE 1]" in result.text
    assert "Кременчуці" in result.text  # places stay by default


def test_public_figures_stay_unless_asked() -> None:
    text = "Зеленський не відповів Олені Коваль."
    assert "Зеленський" in redact(text, analyze(text)).text
    assert "Зеленський" not in redact(text, analyze(text), include_public=True).text


def test_same_phone_in_two_spellings_is_one_placeholder() -> None:
    text = "Дзвоніть 0671234567 або +380 67 123 45 67."
    assert redact(text, analyze(text)).text == "Дзвоніть [PHONE 1] або [PHONE 1]."


def test_analyze_json_shape() -> None:
    doc = analyze(STORY).to_json()
    assert set(doc) == {"language", "entities", "themes", "risk"}
    assert doc["language"] == "uk"
    for entity in doc["entities"]:
        assert {"start", "end", "text", "type", "sensitive"} <= entity.keys()
        assert entity["type"] in ENTITY_TYPES
        assert STORY[entity["start"] : entity["end"]] == entity["text"]
    place = next(e for e in doc["entities"] if e["type"] == "place")
    assert set(place["place"]) == {"name_uk", "name_en", "level", "code", "oblast", "iso",
                                   "foreign"}
    unit = next(e for e in doc["entities"] if e["type"] == "military_unit")
    assert set(unit["unit"]) == {"kind", "number", "canonical", "name"}
    assert {"id", "score", "evidence"} == set(doc["themes"][0])
    assert {"score", "level", "reasons"} == set(doc["risk"])


# -- data files -----------------------------------------------------------------------------------

def test_theme_taxonomy_has_exactly_the_agreed_ids() -> None:
    raw = yaml.safe_load((DATA / "analysis" / "themes.yaml").read_text("utf-8"))
    assert set(raw["themes"]) == THEME_IDS
    assert set(lexicons.taxonomy().thresholds) == THEME_IDS


def test_every_analysis_data_file_loads() -> None:
    for path in sorted((DATA / "analysis").glob("*.yaml")) + sorted(
        (DATA / "gazetteer").glob("*.yaml")
    ):
        assert yaml.safe_load(path.read_text("utf-8")), path.name
    assert units.kinds() and units.named() and units.ordinal_stems()


def test_multi_word_lookups_form_only_keys_the_index_can_hold() -> None:
    gaz = gazetteer.load()
    every = placekeys.lookup_keys(["Кривому", "Розі"])
    kept = placekeys.lookup_keys(["Кривому", "Розі"], gaz.first_words)
    assert "кривий ріг" in kept and kept < every
    assert all(key.split(" ", 1)[0] in gaz.first_words for key in kept)
    assert {k for k in every if gaz.lookup(k)} == {k for k in kept if gaz.lookup(k)}


def test_city_districts_are_kept_only_under_names_that_can_stand_for_them() -> None:
    gaz = gazetteer.load()

    def districts(key: str) -> list[str]:
        return [c.place.name_uk for c in gaz.lookup(key) if c.place.level == "district"]

    assert districts("троєщина") == ["Троєщина"] and districts("троещина") == ["Троєщина"]
    assert districts("схід") == []  # "east", filed under Luhansk's Eastern Quarters
    assert districts("позняки") == []  # also a surname: a person must not become a place
    assert districts("київський") == []  # a bare adjective; "київський район" is kept
    assert len(districts("київський район")) >= 2


def test_gazetteer_was_built_with_the_current_key_function() -> None:
    gaz = gazetteer.load()
    assert len(gaz.oblasts) == 27
    [kremenchuk] = [c for c in gaz.lookup("кременчук") if c.place.level == "city"
                    and c.place.name_en == "Kremenchuk"]
    assert kremenchuk.place.code.startswith("UA53")
    # keys computed now for a name must be among the keys stored when the file was built
    for name in ("Кременчук", "Біла Церква", "Тоненьке", "Кривий Ріг"):
        assert any(gaz.lookup(k) for k in placekeys.name_keys(name.split())), name
    # and every key of a name the world file holds, as the key function makes them now (an
    # English possessive dropped: "Cox's Bazar" is also "cox bazar")
    assert all(gaz.lookup(k) for k in placekeys.name_keys(["Cox's", "Bazar"]))


# -- CLI ------------------------------------------------------------------------------------------

def test_cli_analyze_json(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "t.txt").write_text(STORY, encoding="utf-8")
    result = cli("analyze", tmp_path / "t.txt", "--json", passphrase=None)
    assert result.code == 0
    assert json.loads(result.out)["language"] == "uk"


def test_cli_redact_prints_placeholders(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "t.txt").write_text("Пишіть Олені Коваль: olena@example.org", encoding="utf-8")
    result = cli("redact", tmp_path / "t.txt", passphrase=None)
    assert result.out.strip() == "Пишіть [PERSON 1]: [EMAIL 1]"


def test_cli_analyze_missing_file_is_one_line(cli: Cli) -> None:
    result = cli("analyze", "/nonexistent/t.txt", passphrase=None)
    assert result.code == 1
    assert result.err.startswith("svidok: t.txt: cannot be read")


def test_eval_on_a_labelled_set_written_for_the_project(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("synthetic\nuk\n" + STORY, encoding="utf-8")
    labels = {"a.txt": {"places": ["Кременчуці"], "oblasts": ["Poltava Oblast"],
                        "person_names": ["Тарас Мельничук", "Тарасові"],
                        "contacts": ["0671234567"], "military_units": ["в/ч А1234"],
                        "themes": ["szch", "family"]}}
    (tmp_path / "labels.json").write_text(json.dumps(labels, ensure_ascii=False))
    report = evaluate.evaluate(tmp_path)
    assert report.count("identifiers").recall == 1.0
    assert report.oblast_accuracy == 1.0
    assert report.count("themes").recall == 1.0
    assert report.count("themes").fp > 0  # the story carries more themes than labelled


def test_eval_counts_every_mention_of_an_identifier() -> None:
    """A name found at one mention and missed at another scores 1.0 by surface string; the
    mention count sees the miss, as a redacted text would show it."""
    text = "Роман сказав. Потім Роман пішов, а Романа шукали. Романтика."
    found = [Entity(20, 25, "Роман", "person", "name")]  # the second mention only
    report = evaluate.Report()
    evaluate._score(report, "a.txt", Analysis("uk", found, [], Risk(0, "low", [])), text,
                    {"person_names": ["Роман"]})
    assert report.count("person_names").recall == 1.0
    mentions = report.count("identifier_mentions")
    assert (mentions.tp, mentions.fn) == (1, 1)  # "Романа" and "Романтика" are other words
    assert {"file": "a.txt", "category": "identifier_mentions", "missed": ["Роман @0"],
            "extra": []} in report.misses


@pytest.mark.skipif(not (SHARED / "eval" / "testimonies").is_dir(), reason="../shared absent")
def test_shared_eval_set_meets_the_measured_floors() -> None:
    """Regression floors at what was measured (docs/ANALYSIS.md); the issue's targets where met."""
    report = evaluate.evaluate(SHARED / "eval" / "testimonies")
    ids = report.count("identifiers")
    assert ids.recall >= 0.98 and ids.precision >= 0.8
    assert report.oblast_accuracy >= 0.95
    assert report.count("military_units").recall >= 0.9
    assert report.count("places").recall >= 0.95
    assert report.count("themes").f1 >= 0.8  # 0.91 measured, after terms were added on its misses
    assert report.count("identifier_mentions").recall == 1.0  # every mention of a name or contact


def test_project_testimonies_meet_the_issue_targets() -> None:
    """The labelled testimonies written for the project (tests/fixtures/testimonies/README.md).
    Their first measurement, before the engine was changed on them, is in docs/ANALYSIS.md;
    these floors keep what was reached since."""
    report = evaluate.evaluate(Path(__file__).parent / "fixtures" / "testimonies")
    ids = report.count("identifiers")
    # every one redacted but one: "марко" in ae07's chat in lower case, with no cue beside it
    # (to the dictionaries also a stamp's vocative and a short adjective; docs/ANALYSIS.md)
    missed = {(m["file"], label) for m in report.misses
              if m["category"] in evaluate.IDENTIFIERS for label in m["missed"]}
    assert missed <= {("ae07.txt", "марко")}
    assert ids.fn == len(missed) and ids.precision >= 0.9
    assert report.count("identifier_mentions").fn <= 1
    assert report.count("places").recall >= 0.95
    assert report.oblast_accuracy >= 0.95
    assert report.count("military_units").recall >= 0.9
    assert report.count("themes").f1 >= 0.9


def test_leaving_a_unit_needs_from_going_to_one_is_not_szch() -> None:
    assert "szch" in theme_ids("Я пішов з частини в березні.")
    assert "szch" in theme_ids("Мы ушли из части ночью.")
    assert "szch" not in theme_ids("Він піде в тилову частину.")


def test_form_index_matches_inflected_forms_without_lemmatising_the_text() -> None:
    index = FormIndex(["повістка", "піти", "зв'язківець", "командир"])
    assert "повістка" in index.keys("ПОВІСТКУ")
    assert "піти" in index.keys("пішов")  # the whole paradigm, past tense included
    assert "звязківець" in index.keys("зв’язківцем")  # any apostrophe, or none
    assert "командир" in index.keys("командиром")
    assert index.keys("Харків") == frozenset()
    assert index.keys("мама") == frozenset()


@pytest.mark.parametrize(("word", "spelt"), [
    ("ЗВ’ЯЗОК", "звязок"), ("Пам'ять", "память"), ("зʼїзд", "зїзд"), ("Ещё", "еще"),
    ("Харків", "харків"), ("Kyiv", "kyiv"),
])
def test_lookup_spellings_drop_apostrophes_and_read_yo_as_ye(word: str, spelt: str) -> None:
    assert surface.spelling(word) == spelt
    assert placekeys.normalise(word) == spelt
    assert surface.spelling("Пам`ять") == placekeys.normalise("Пам`ять") == "память"  # a backtick


def test_each_word_is_looked_up_once_in_every_word_list() -> None:
    text = "Киянин Петро, командир роти, отримав повістку і дезертирував. He deserted."
    lists = lexicons.of(text)
    words = tokens.words(text)
    facts = {words[i]: f for i, f in lists.marked}
    assert list(facts) == ["Киянин", "командир", "роти", "повістку", "дезертирував", "deserted"]
    assert lists.facts[words.index("Петро")] is None and lexicons.word_facts("отримав") is None
    assert facts["Киянин"].city == "Київ" and not facts["Киянин"].terms
    assert facts["командир"].roles and "командир" in facts["командир"].role_keys
    assert "рота" in facts["роти"].role_keys and not facts["роти"].roles  # a role's later word
    assert "повістка" in facts["повістку"].theme_keys and facts["повістку"].terms
    assert facts["deserted"].terms and not facts["deserted"].theme_keys  # "desert*", a prefix
    assert lists.role_keys(words.index("Петро")) == frozenset()
    assert facts["командир"].relation and not facts["роти"].relation  # also a relation noun
    assert lexicons.word_facts("братом") is not None and lexicons.word_facts("братом").relation


@pytest.mark.parametrize("word", ["Харкові", "Бойко", "пам’ять", "ещё", "еще", "Нью-Йорк",
                                  "смотри-ка", "Тарасові", "Мельничук", "бусифікація", "ЗСУ"])
def test_dictionary_readings_are_the_known_readings_of_a_full_parse(word: str) -> None:
    for lang in ("uk", "ru"):
        full = lemmas.parse(word, lang)
        assert full  # pymorphy3 always reads a word somehow, if only by guessing
        assert lemmas.known(word, lang) == tuple(r for r in full if r.is_known)


def test_readings_are_pymorphy3s_and_every_reading_of_a_known_word_is_known() -> None:
    """``lemmas.parse`` asks the dictionary alone for a Cyrillic word it knows and gives what
    pymorphy3's ``parse`` gives, in the same order; ``lemmas.known`` keeps every reading of a
    known word, unfiltered. Checked on every word of the project's testimonies, and on initials,
    Roman numerals and Latin words, which the other analysers of the dictionary's group read."""
    fixtures = Path(__file__).parent / "fixtures" / "testimonies"
    vocabulary = {w for f in fixtures.glob("*.txt") for w in tokens.words(f.read_text("utf-8"))}
    assert len(vocabulary) > 2000
    for word in sorted(vocabulary | {"И", "Є", "I", "V", "XIV", "А.", "Ё", "ёж", "еж", "Ґанок",
                                     "ганок", "ЗСУ", "Нью-Йорк", "пам’ять", "Kyiv"}):
        for lang in ("uk", "ru"):
            spelt = word.lower().replace("’", "'")
            assert lemmas.parse(word, lang) == tuple(lemmas._analyzer(lang).parse(spelt)), word
            assert lemmas.known(word, lang) == tuple(
                r for r in lemmas.parse(word, lang) if r.is_known), (word, lang)


def test_the_dictionary_is_asked_alone_only_where_pymorphy3_groups_it_as_expected() -> None:
    for lang in ("uk", "ru"):
        assert lemmas._dictionary_alone(lemmas._analyzer(lang)) is not None
    # an analyser grouped otherwise, as a stand-in (a second real MorphAnalyzer would reset the
    # grammemes its dictionary's tag class knows, under the analysers already made)
    unit = type("Unit", (), {})
    guess, dictionary = unit(), unit()
    guess.analyzer, guess.is_terminal = pymorphy3.units.KnownSuffixAnalyzer(), False
    dictionary.analyzer, dictionary.is_terminal = pymorphy3.units.DictionaryAnalyzer(), True
    morph = type("Morph", (), {})
    other, alone = morph(), morph()
    other._units, alone._units = [guess, dictionary], [dictionary]
    assert lemmas._dictionary_alone(other) is None
    assert lemmas._dictionary_alone(alone) is dictionary.analyzer


def test_dictionary_readings_skip_the_language_that_lacks_the_word() -> None:
    assert lemmas.known("Харкові", "uk") and not lemmas.known("Харкові", "ru")
    assert lemmas.known("ещё", "ru") and not lemmas.known("ещё", "uk")
    assert not lemmas.known("бусифікація", "uk")  # slang: only guesses, which are not kept


def test_themes_and_roles_match_forms_the_text_inflects() -> None:
    text = "У ТЦК мені вручили повістку, потім я пішов з частини. Командиром роти був майор."
    assert {"street_mobilization", "szch"} <= {t.id for t in analyze(text).themes}
    reasons = " ".join(analyze(text).risk.reasons)
    assert "Командиром роти" in reasons and "майор" in reasons


@pytest.mark.parametrize(("text", "theme"), [
    ("Його тримали у ТЦК три дні і не випустили, потім повезли на ВЛК.", "distribution_center"),
    ("Нас закрыли за колючей проволокой, потом медкомиссия.", "distribution_center"),
    ("Near the border he crawled through the forest and left Ukraine on foot.", "border_crossing"),
    ("He wanted to get out of the country and never come back.", "escape"),
    ("Восени він утік з армії і відтоді живе в селі.", "szch"),
    ("Он сбежал из армии после второго ранения.", "szch"),
    ("Його зупинила Військова служба правопорядку, тепер він у новому підрозділі.",
     "return_to_unit"),
    ("Нас кидали туди як гарматне м'ясо, відпустки не давали пів року.", "conditions"),
    ("They kept sending us on suicide missions.", "conditions"),
    ("Я уличный человек, ночую где придётся.", "homelessness"),
    ("Через неделю я уже был в учебке под Житомиром.", "training"),  # slang: a prefix term
    ("Повертатися в частину боюся.", "return_to_unit"),  # the imperfective verb too
    ("Ми втекли з позицій у лютому.", "szch"),
    ("My commander said I would be charged under Article 407.", "legal_case"),
    ("Мені вже повідомили про підозру.", "legal_case"),
    ("Повезли в Вінницький ОТЦК, а звідти на ВЛК.", "street_mobilization"),  # the oblast office
    ("I was stopped by TCC officers at a checkpoint.", "street_mobilization"),
    ("Нас тримали у військкоматі до ранку.", "distribution_center"),  # held at the office itself
    ("They held me at the TCC for two days.", "distribution_center"),
    ("У мене цукровий діабет, але ВЛК визнала придатним.", "health"),  # a chronic condition
    ("He has asthma and they still declared him fit.", "health"),
    # signs of being held, slang for the officers, the article named, returning through the
    # reserve battalion, hiding at home, sleeping at a station, frostbite, no leave
    ("У ТЦК відібрали телефон і не дали подзвонити дружині.", "distribution_center"),
    ("Нас продержали в военкомате двое суток.", "distribution_center"),
    ("Тцкшники скрутили його біля під'їзду.", "street_mobilization"),
    ("Людоловы запихнули его в машину.", "street_mobilization"),
    ("Меня забрали в ТЦК прямо с работы.", "street_mobilization"),
    ("На нього відкрили провадження за статтею 408.", "szch"),
    ("Из отпуска он так и не вернулся, теперь розыск.", "szch"),
    ("Тепер він у батальйоні резерву, чекає на новий підрозділ.", "return_to_unit"),
    ("After two months away he turned himself in and was sent to a new unit.", "return_to_unit"),
    ("Я вже пів року не виходжу з дому, боюся патрулів.", "escape"),
    ("Ночую на вокзале, денег нет.", "homelessness"),
    ("We waited three days for evacuation, he got frostbite on his feet.", "health"),
    ("Два роки без відпустки, люди просто ламаються.", "conditions"),
    ("Служив у десантно-штурмовій бригаді під Бахмутом.", "assault_unit"),  # a compound type
    ("Его поймали возле вокзала и отвезли в ТЦК.", "street_mobilization"),
    ("Через месяц его передала военная полиция в новое подразделение.", "return_to_unit"),
    ("After six months away he was sent back to his brigade.", "return_to_unit"),
    ("They were trained for two weeks and sent east.", "training"),
    ("В учебке плохо кормили, выплат нет уже третий месяц.", "conditions"),
    ("Since then he has had no psychological help at all.", "health"),
    ("The police opened a case against him in March.", "legal_case"),
    ("Нашу хату розбило, тепер живемо у знайомих.", "homelessness"),
    ("He spent two days at the recruitment office without food.", "distribution_center"),
    ("Ему вручили уведомление о подозрении.", "legal_case"),
    ("Двічі пробував піти через гори, але повертали.", "border_crossing"),
    ("Я стараюсь лишний раз не выходить, патрули везде.", "escape"),
    ("Друг пишет, что его ранило и не эвакуировали.", "conditions"),
    ("The baby has been in intensive care since March.", "health"),
    ("He was kept in the basement of the TCC for two nights.", "distribution_center"),
    ("He hid for five months at his grandmother's house.", "escape"),
    ("Він добровільно з'явився до ВСП у червні.", "return_to_unit"),
    ("They crossed into Romania through the mountains.", "border_crossing"),
    ("The commander sent us forward without armour.", "conditions"),
    ("Moroz left the 42nd brigade in June.", "szch"),
    ("Третий месяц нас не меняют, жрать нечего.", "conditions"),
    ("Тепер мене шукає поліція.", "legal_case"),
    ("Він просидів там три дні у ТЦК.", "distribution_center"),
    ("He is now living with his uncle.", "family"),
    ("Тримають у підвалі, без їжі вже дві доби.", "conditions"),  # held without food
    ("He was kept in a basement for a week.", "conditions"),
    ("Нас вывозили на позиции без подготовки.", "training"),  # sent without training
    ("Він астматик, а ВЛК визнала його придатним.", "health"),  # the person with the condition
    ("Меня забрали прямо с работы и отвезли.", "street_mobilization"),
    ("After SZCh he was reinstated and reassigned to another brigade.", "return_to_unit"),
    # from a ninth held-out set (k): held in a sports hall, Russian "обучение", exercises and
    # preparing, caught and taken back, questioned by the police, walked out
    ("Його відвезли до ТЦК. Друг каже, що хлопців тримають у спортзалі.", "distribution_center"),
    ("Обучение длилось две недели.", "training"),
    ("Бригаду готовили во Франции, на учениях стреляли мало.", "training"),
    ("Через месяц меня задержали и отвезли обратно.", "return_to_unit"),
    ("His wife has been questioned twice by the police.", "legal_case"),
    ("In November he walked out during a rotation.", "szch"),
    # from a tenth held-out set (l): a garage or a station for a home, "в" for "у" in a
    # Ukrainian phrase, detained by the border guards
    ("Роботи нема, ночую то в знайомих, то в гаражі.", "homelessness"),
    ("Ночую в знайомих, бо квартиру продали.", "homelessness"),
    ("Три месяца жил на вокзале в Кривом Роге.", "homelessness"),
    ("Его задержали пограничники, когда он пытался перейти в Приднестровье.", "border_crossing"),
    ("While on sick leave he did not return to the brigade.", "szch"),
    # from an eleventh held-out set (m): days spent at the office, an ulcer, a battalion that
    # scattered, living from friend to friend and in an abandoned building, cold and mats and
    # one meal a day, an administrative fine under an article
    ("Доставили до ТЦК. Там він провів дві доби.", "distribution_center"),
    ("Має виразку шлунка і довідку від лікаря.", "health"),
    ("Половина їхнього батальйону розбіглася ще у Франції.", "szch"),
    ("Жил по знакомым, потом в заброшенном общежитии.", "homelessness"),
    ("Там холодно, спят на матах, кормят раз в день.", "conditions"),
    ("He was fined under Article 204-1.", "legal_case"),
    # from a twelfth held-out set (n): drafted at a checkpoint, PTSD, an administrative
    # offence report
    ("Drafted in May after being stopped at a checkpoint.", "street_mobilization"),
    ("Батько каже, що в сина ПТСР.", "health"),
    ("He has PTSD and cannot sleep.", "health"),
    ("Пограничники составили админпротокол.", "legal_case"),
    # from a thirteenth (o): the oblast assembly point, a mother-in-law, leave and no return
    # far apart, sought by the military police, "запаковали … бусик", not leaving the house,
    # the border article with a fine, coming back through a reserve battalion
    ("Кажуть, повезли в Полтаву, на ОЗП.", "distribution_center"),
    ("Свекруха зовсім злягла.", "family"),
    ("У травні поїхав у відпустку до матері в селище на Кіровоградщині і не повернувся.", "szch"),
    ("«Мене шукає ВСП», — каже він.", "legal_case"),
    ("Димона вчера запаковали у метро, я видел как бусик отъехал.", "street_mobilization"),
    ("Я теперь вообще из дома не выхожу.", "escape"),
    ("Оформили по 204-1, штраф 3400 гривен.", "legal_case"),
    ("He wants to come back through the 5th reserve battalion.", "return_to_unit"),
    # from a fourteenth (p): hiding told as being afraid to go out; a tent for quarters;
    # a heart that is bad, a wife who is ill; men "packed" at a station and caught in lifts
    ("Месяц сидел дома, боялся выйти даже в магазин.", "escape"),
    ("Там его три недели держали в палатке.", "conditions"),
    ("Мамі погано з серцем.", "health"),
    ("Я пішов у СЗЧ, бо дружина хворіє.", "health"),
    ("Мене на вокзалі пакували, а в ліфті чоловіків ловлять.", "street_mobilization"),
])
def test_theme_vocabulary_in_sentences_written_for_the_project(text: str, theme: str) -> None:
    assert theme in {t.id for t in analyze(text).themes}


@pytest.mark.parametrize("text", [
    "Добрий день. Пишу вам, бо більше нікому.",  # "день" is also the imperative of "деть"
    "Він має машину і мав роботу.",  # "мати" the verb (to have), not the mother
])
def test_a_term_matches_its_own_lemma_not_another_reading_of_its_spelling(text: str) -> None:
    assert {t.id for t in analyze(text).themes} == set()


@pytest.mark.parametrize(("text", "theme"), [
    # the verb last: "відібрати телефон" and "тримати в тцк" in the order speech often has
    ("Привезли в ТЦК, телефон відібрали одразу.", "distribution_center"),
    ("У Миколаївському ТЦК мене тримали.", "distribution_center"),
])
def test_a_ukrainian_or_russian_phrase_matches_with_its_verb_moved_last(
    text: str, theme: str,
) -> None:
    assert theme in {t.id for t in analyze(text).themes}


def test_an_english_phrase_keeps_its_order() -> None:
    # "left unit" is a phrase; "the unit left" is not leaving one
    assert "szch" not in {t.id for t in analyze("In March the unit left for the east.").themes}


def test_a_moved_phrase_counts_once_with_the_phrase_in_order() -> None:
    # one term (0.5) of distribution_center, in both orders: not enough alone
    text = "Відібрали телефон, а потім телефон відібрали ще раз."
    assert "distribution_center" not in {t.id for t in analyze(text).themes}
    assert {t.id for t in analyze(text).themes} == set()


def test_a_term_restricted_to_a_part_of_speech_keeps_its_own_forms() -> None:
    assert "family" in {t.id for t in analyze("Мою матір забрали до лікарні.").themes}


def test_one_word_is_one_piece_of_evidence_whichever_terms_it_matches() -> None:
    # "ТЦК" is both "тцк" and "ТЦК" in the taxonomy: counted twice it made a theme of one word
    assert "street_mobilization" not in {t.id for t in analyze("Я тримаю зв’язок з ТЦК.").themes}
    assert "street_mobilization" in {
        t.id for t in analyze("Я тримаю зв’язок з ТЦК, бо мене туди відвезли.").themes}


@pytest.mark.parametrize(("text", "theme"), [
    ("I trained as a solicitor before the war.", "training"),  # a trade, not military training
    ("Даже если его поймают, в тюрьму он не попадёт.", "street_mobilization"),  # caught, nowhere
    # hiding in an abandoned house is not living there
    ("He fled and hid in an abandoned house for a week.", "homelessness"),
    # handed over to the office and passed on: no sign of being held there
    ("Его задержали патрульные, передали в ТЦК, а оттуда — военной полиции.",
     "distribution_center"),
    # leave denied, or a man who did not come back from a mission: either alone is no СЗЧ
    ("Відпустку не дають уже рік.", "szch"),
    ("Він пішов на завдання і не повернувся.", "szch"),
    ("Ми пакували речі до ранку.", "street_mobilization"),  # slang alone is packing
    # out of touch, not in hiding: "почти не выхожу" alone is left out for this
    ("Він майже не виходить на зв'язок.", "escape"),
    # a friend picks a man up and drives him on: no officers, no office
    ("A friend picked me up in Pavlohrad and drove me to Dnipro.", "street_mobilization"),
    ("We are partners of the foundation.", "family"),  # an organisation's partner
    # a foundation's name, not a claim for protection with the verb moved last
    ("Юрист фонду «Право на захист» подала скаргу.", "escape"),
    ("Сейчас в ТЦК говорят, что повесток больше не будет.", "distribution_center"),  # nowadays
    # a medical board or leave denied in service, not a man held at a centre
    ("После контузии его не отпустили на ВЛК, а перевели в пехоту.", "distribution_center"),
    # one piece of evidence, a call refused, counted once: no man held at a centre for it alone
    ("В частині не дали подзвонити додому.", "distribution_center"),
    ("They wouldn't let me call my wife from the unit.", "distribution_center"),
    # wanting to go home, or not wanting to go back, is no return to the unit
    ("Хочу вернуться домой к семье.", "return_to_unit"),
    ("I just want to go back home.", "return_to_unit"),
    ("Я не хочу повертатися туди.", "return_to_unit"),
    ("может вернусь домой, к маме", "return_to_unit"),  # thinking of going home
    ("Он не может вернуться в часть после ранения.", "return_to_unit"),
    # a surrender his wife advises, which he fears, is no return of his (r05's labels)
    ("жена говорит сдаваться через всп, но я боюсь", "return_to_unit"),
    ("Снаряд влучив у покинутий будинок.", "homelessness"),  # no one lived there
])
def test_theme_vocabulary_is_not_taken_out_of_its_context(text: str, theme: str) -> None:
    assert theme not in {t.id for t in analyze(text).themes}


def test_keeping_in_touch_with_the_enlistment_office_is_not_being_held_there() -> None:
    assert "distribution_center" not in {t.id for t in analyze("Я тримаю зв’язок з ТЦК.").themes}


def test_detained_by_the_military_police_is_not_by_itself_a_return() -> None:
    text = "He left his unit and was detained by the military police in Storozhynets."
    assert "return_to_unit" not in {t.id for t in analyze(text).themes}


@pytest.mark.parametrize("text", [
    "While on sick leave he did not return to the brigade.",
    "He didn't return to his unit after the hospital.",
    "Після відпустки він так і не повернувся в частину.",
])
def test_a_return_that_did_not_happen_is_no_return(text: str) -> None:
    found = {t.id for t in analyze(text).themes}
    assert "return_to_unit" not in found and "szch" in found


def test_a_negation_inside_a_phrase_of_return_makes_it_szch() -> None:
    found = theme_ids("З госпіталю в частину не повернувся, зараз вдома у мами.")
    assert "szch" in found and "return_to_unit" not in found


def test_not_going_back_to_the_unit_is_szch() -> None:
    assert "szch" in theme_ids("После госпиталя вернулся домой, в часть не поехал.")


def test_a_phrase_beginning_with_a_negation_is_not_matched_with_it_moved_to_the_end() -> None:
    # "не вернуться" read as "вернуться … не" had made a wish to go back a desertion
    assert "szch" not in theme_ids("Хочу вернуться, но не в штурмовую роту. Был в отпуске.")


@pytest.mark.parametrize(("text", "theme"), [
    # the fifteenth held-out set
    ("Доставили до ТЦК, де я перебував до наступного дня.", "distribution_center"),
    ("He spent a night at the recruitment centre.", "distribution_center"),
    ("Mobilised after a visit to the TCC office; held there overnight.", "distribution_center"),
    ("Після тижня підготовки потрапив на позиції.", "training"),
    ("Сейчас живёт в хостеле, работы нет.", "homelessness"),
    ("После третьего отказа в отпуске он ушёл.", "conditions"),
    # the sixteenth
    ("He was mobilised after being stopped on his way to work.", "street_mobilization"),
    ("He trained for three weeks at a range.", "training"),
    ("I had a bad heart and they knew it.", "health"),
    ("He is now awaiting trial.", "legal_case"),
    ("He surrendered to the military police in May.", "return_to_unit"),
    ("зараз він в обласному ТЦК, телефон вимкнений", "distribution_center"),
    # the seventeenth
    ("Сейчас живу у сестры, на улицу почти не выхожу.", "escape"),
    ("Віті 47 років, в нього після ковіду легені погані.", "health"),
    ("He fears arrest if he travels to Kyiv for the hearing.", "legal_case"),
    # the eighteenth
    ("After his contract ended he was not released: no demobilisation.", "conditions"),
    # the nineteenth
    ("Його забрали в листопаді прямо з електрички на станції.", "street_mobilization"),
    ("He crossed near Medyka and applied for protection in Przemyśl.", "escape"),
    # the twentieth
    ("Його доставили до ТЦК, де він пробув дві доби.", "distribution_center"),
    ("Я ушел в СЗЧ, сейчас живу у родителей в Полтаве.", "family"),
    ("He has been living in Lviv with his partner since then.", "family"),
    ("I stayed with my girlfriend in Poltava.", "family"),
    # the twenty-first
    ("Командир наказав іти на позиції без броні.", "conditions"),
    ("Його посадили в яму на три доби.", "conditions"),
    ("I was put in a pit for three days.", "conditions"),
    ("They want to send me back without a medical board.", "health"),
    ("Направили до частини без проходження ВЛК.", "health"),
    ("Contact through his cousin, please.", "family"),
    # the twenty-second
    ("3 октября ушёл из расположения бригады и не вышел на связь.", "szch"),
    ("Збираємо на адвоката, якого судять за 407 статтею.", "szch"),
    ("My husband was taken by the TCC in Kharkov on the 5th.", "street_mobilization"),
    # the twenty-third
    ("Released after two days at the Zakarpattia regional TCC.", "distribution_center"),
    ("Now he's at the Chernihiv TCC, they say he'll be sent on.", "distribution_center"),
    ("Дві доби у ТЦК без води і їжі.", "distribution_center"),
    ("Реку переплывать не стал, пошёл с проводником.", "border_crossing"),
    ("Меня перевели через горы в Румынию.", "border_crossing"),
    ("Сейчас в Бухаресте, подал на защиту.", "escape"),
    # the twenty-fourth
    ("5 листопада сина затримали у Кривому Розі на зупинці.", "street_mobilization"),
    ("He crossed into Moldova through Transnistria with a guide.", "border_crossing"),
    # the twenty-fifth
    ("Позвонить дали один раз, сказал, что он в областном ТЦК.", "distribution_center"),
    ("He crossed the river into Moldova in August.", "border_crossing"),
    ("Его продержали в подвале до утра.", "conditions"),
    # the twenty-sixth
    ("Адвокат подала ходатайство о возвращении на службу.", "return_to_unit"),
    ("In October he walked away during a rotation.", "szch"),
    ("He spent five months in SZCh before the hearing.", "szch"),
    ("Сказал, что он на пересыльном пункте в Измаиле.", "distribution_center"),
    ("Сына забрали прямо на остановке.", "street_mobilization"),
    ("В ТЦК на Холодной Горе продержали 3 дня.", "distribution_center"),
    ("Его отвезли в военкомат, через сутки отправили в учебку.", "distribution_center"),
    # the `aa` set
    ("He has been held at the Lviv regional collection point since Monday.",
     "distribution_center"),
    ("Сейчас у тётки в Павлограде.", "family"),
    ("My mom in Ternopil doesn't know where I am.", "family"),
    ("Кинули на штурм без БК, без связи.", "conditions"),
    # the `ab` set
    ("He sent wounded men back to the positions without treatment.", "conditions"),
    ("Там сказали: или подписываешь, или уголовка.", "legal_case"),
    ("Пограничники составили протокол, дали штраф.", "legal_case"),
    ("His cousin was detained by a patrol in Uzhhorod.", "street_mobilization"),
    # the `ac` set: the procedure code's own words, a cold and a fever, the wounded, fleeing
    # training, the enlistment office and its medical board together
    ("Я подала заяву до поліції, відкрито кримінальне провадження.", "legal_case"),
    ("Ведётся досудебное расследование.", "legal_case"),
    ("Там він застудився, лежав з температурою в казармі.", "health"),
    ("Раненых не вывозили по трое суток.", "health"),
    ("на полігоні побув тиждень і втік, бо там нічого не вчили", "szch"),
    ("He was taken to the regional TCC, then put through a medical board.",
     "distribution_center"),
    ("Хочу повернутись, але не в штурмову роту.", "return_to_unit"),  # said in СЗЧ
    # the `ad` set: a hyphenated word's parts, trained abroad, sent in without ammunition, a
    # drunk commander, a case closed
    ("У меня отсрочка по уходу за матерью-инвалидом.", "health"),
    ("Нас учили во Франции, потом бросили под Покровск.", "training"),
    ("ротний каже йти в штурм без бк", "conditions"),
    ("Командир роты отправлял на позиции пьяным.", "conditions"),
    ("Now I am back in the brigade, and my case is closed.", "legal_case"),
    # the `ae` set: a return thought of ("может вернусь")
    ("говорят амнистия какая-то, может вернусь", "return_to_unit"),
    ("Думаю повернутися, але не в штурмову роту.", "return_to_unit"),
    # the `af` set: an abandoned house for a home, held without a lawyer, sent in without
    # support, an administrative fine, surrendering to the military police by its short name
    ("Два місяці жив у покинутому будинку під Слов'янськом.", "homelessness"),
    ("Його утримували понад добу без доступу до захисника.", "distribution_center"),
    ("He sent us forward without drones or artillery cover.", "conditions"),
    ("He now faces an administrative fine.", "legal_case"),
    ("пацаны кто знает как через вп сдаться?", "return_to_unit"),
    # the `ag` set: ready to go back, a voluntary return said verb first, a bedridden mother,
    # sent on without medical checks, men lost, wanted
    ("Я не прячусь, готов вернуться, но не в штурмовики.", "return_to_unit"),
    ("Returned voluntarily in October.", "return_to_unit"),
    ("в нього троє дітей і мама лежача", "health"),
    ("He was sent to the front without completing medical checks.", "health"),
    ("He left after his platoon lost eleven of twenty men in two weeks.", "conditions"),
    ("Мы потеряли много людей под Бахмутом.", "conditions"),
    ("I know I am now wanted.", "legal_case"),
    # the `ah` set: never came back to the unit, the Carpathians crossed on foot, kept at the
    # recruitment centre, the police asking after a man, a complaint with the police
    ("I asked for leave, went home, and never came back to the unit.", "szch"),
    ("Then I crossed the Carpathians on foot with two other men.", "border_crossing"),
    ("He was taken to the recruitment centre and kept there for four days.",
     "distribution_center"),
    ("The police came to ask about me twice.", "legal_case"),
    ("His mother filed a complaint with the police.", "legal_case"),
])
def test_theme_vocabulary_of_the_later_held_out_sets(
    text: str, theme: str,
) -> None:
    assert theme in theme_ids(text)


def test_a_return_said_without_a_negation_is_a_return() -> None:
    text = "Після відпустки він повернувся в частину."
    assert "return_to_unit" in {t.id for t in analyze(text).themes}


def test_weights_adding_up_to_a_threshold_reach_it_despite_binary_fractions() -> None:
    assert 0.6 + 0.3 + 0.1 < 1.0  # what binary floating point does to decimal weights
    assert themes.reaches(0.6 + 0.3 + 0.1, 1.0) and not themes.reaches(0.99, 1.0)


def test_back_to_the_front_after_a_wound_is_not_a_return_from_szch() -> None:
    text = "They gave him injections for the pain and sent him back to the front."
    assert "return_to_unit" not in {t.id for t in analyze(text).themes}
    text = "After months of AWOL he went back to the front with a new unit."
    assert "return_to_unit" in {t.id for t in analyze(text).themes}


def test_a_place_file_reads_back_what_was_written(tmp_path: Path) -> None:
    rows = [["settlement", "UA1", "village", "UA18", "Гута", "Huta", "Гута", "120",
             "гута|huta|гута мала"],
            ["world", "PL", "country", "PL", "Польща", "Poland", "", "0", "польща|poland"]]
    path = tmp_path / "places.tsv.gz"
    gazetteer.write(path, rows)
    oblast = gazetteer.Oblast("UA18", "Zhytomyr Oblast", "UA-18", frozenset())
    file = gazetteer.PlaceFile("places.tsv.gz", {"UA18": oblast}, raw=path.read_bytes())
    [huta] = file.lookup("гута")
    assert (huta.place.name_en, huta.place.oblast, huta.population) == ("Huta", "Zhytomyr Oblast",
                                                                         120)
    assert file.lookup("гута мала") == [huta]  # one candidate per row, shared by its keys
    [poland] = file.lookup("poland")
    assert (poland.place.iso, poland.place.foreign) == ("PL", True)
    assert file.lookup("варшава") == []
    assert file.initials == {"гута": "м"}


@pytest.mark.parametrize("header", [
    "#svidok-gazetteer\tkey_version=1\tformat=2\trows=0\tkeys=0\tstarts=0\n",
    "#svidok-gazetteer\tkey_version=4\trows=0\n",  # the first format: keys on each row
])
def test_a_place_file_of_another_key_version_or_format_is_refused(header: str) -> None:
    header = header.replace("key_version=4", f"key_version={placekeys.KEY_VERSION}")
    with pytest.raises(gazetteer.GazetteerOutdated):
        gazetteer.PlaceFile("places.tsv.gz", {}, raw=gzip.compress(header.encode()))


def test_the_words_of_a_phrase_are_read_within_one_sentence() -> None:
    # "поймали возле" read across the stop had made a border guards' arrest street mobilisation
    text = "Пытался уйти в Приднестровье возле Кучургана. Его поймали пограничники."
    assert "street_mobilization" not in theme_ids(text)
    assert "street_mobilization" in theme_ids("Его поймали возле магазина, потом ТЦК.")
    # an abbreviation's stop ends no sentence: "ч. 5 ст. 401" is still the article
    assert "return_to_unit" in theme_ids("Справу закрили за ч. 5 ст. 401 КК.")


def test_a_rotation_alone_is_no_complaint_about_conditions() -> None:
    assert "conditions" not in theme_ids("In November he walked out during a rotation.")
    assert "conditions" in theme_ids("Третій місяць без ротації, люди виснажені.")


@pytest.mark.parametrize("text", [
    "He was stopped by border guards near Diakivtsi and handed over to the TCC.",
    "Меня задержали пограничники на трассе и передали в ТЦК.",
    "Прикордонники затримали його біля Вилока, потім ТЦК.",
])
def test_a_man_stopped_by_border_guards_is_not_taken_off_the_street(text: str) -> None:
    assert "street_mobilization" not in theme_ids(text)


def test_a_deserter_detained_by_the_military_police_is_not_taken_off_the_street() -> None:
    assert "street_mobilization" not in theme_ids("Задержан патрулём ВСП 14 апреля.")
    assert "street_mobilization" not in theme_ids(
        "Його затримав патруль військової служби правопорядку.")
    assert "street_mobilization" in theme_ids("Його затримав патруль на вулиці.")


@pytest.mark.parametrize(("text", "theme"), [
    ("Денис має відстрочку як студент денної форми навчання.", "training"),  # study
    ("I never came back to the unit.", "return_to_unit"),  # negated across "came"
    ("He was detained by military police; he had not returned to service voluntarily.",
     "return_to_unit"),
])
def test_said_otherwise_the_ah_sets_terms_do_not_count(text: str, theme: str) -> None:
    assert theme not in theme_ids(text)


def test_training_as_a_soldier_still_counts() -> None:
    assert "training" in theme_ids("Навчання тривало лише два тижні.")


@pytest.mark.parametrize("text", [
    "Я не прячусь, готов вернуться.",
    "Кримінальне провадження відкрили, але я не ховаюся.",
    "I am not hiding who I am.",
])
def test_not_hiding_is_no_escape(text: str) -> None:
    assert "escape" not in theme_ids(text)


def test_a_negation_phrase_is_not_read_across_a_comma() -> None:
    # "не … вернуться" across the comma had counted towards СЗЧ: the "не" is of "прячусь"
    text = "Ушёл из части. Не прячусь, готов вернуться."
    [szch] = [t for t in analyze(text).themes if t.id == "szch"]
    assert [text[a:b] for a, b in szch.evidence] == ["Ушёл из части"]
    assert "szch" in theme_ids("Из отпуска он так и не вернулся в часть.")


def test_border_guards_in_another_sentence_do_not_void_a_street_stop() -> None:
    text = "Пограничники? Нет. Меня задержали на улице и отвезли в ТЦК."
    assert "street_mobilization" in theme_ids(text)


def test_a_seizure_said_twice_in_other_words_is_one_seizure() -> None:
    # a deserter's arrest and his licence taken: no man taken off the street
    text = "He was detained in Uzhhorod. His driving licence was seized at the arrest."
    assert "street_mobilization" not in theme_ids(text)
    assert "street_mobilization" in theme_ids("He was detained in Uzhhorod and taken to the TCC.")


def test_words_counted_once_for_a_theme_spend_every_term_they_match() -> None:
    # "тётки" is a form of both "тётка" and "тетка": "тётке" later is the same aunt, not a
    # second relative (it had counted 0.5 twice)
    [family] = [t for t in analyze("Живу у тётки в Павлограде. Звоните тётке.").themes
                if t.id == "family"]
    assert family.score == 0.5


@pytest.mark.parametrize(("text", "theme"), [
    ("68-ма окрема єгерська бригада", "family"),  # a number's ending: no "ма" (mum)
    ("Він учив англійську в школі.", "training"),  # taught, but not "us"
    ("Він був п'яний і заснув.", "conditions"),  # drunk, with no commander named
])
def test_the_ad_sets_vocabulary_alone_makes_no_theme(text: str, theme: str) -> None:
    assert theme not in theme_ids(text)


@pytest.mark.parametrize(("text", "theme"), [
    # hiding: going nowhere
    ("Сиджу в тітки, нікуди не виходжу.", "escape"),
    # the police came asking after him
    ("Минулого тижня до мами приходили з поліції, питали, де він.", "legal_case"),
    # medicines with a medic: pills for a man who could not sleep
    ("The battalion medic gave me pills and sent me back to the trench.", "health"),
    ("Після Торецька почалися панічні атаки, лікар дав заспокійливе.", "health"),
])
def test_the_ai_sets_vocabulary(text: str, theme: str) -> None:
    assert theme in theme_ids(text)


def test_pills_alone_are_no_health_theme() -> None:
    assert "health" not in theme_ids("Купив таблетки в аптеці.")


@pytest.mark.parametrize(("text", "theme"), [
    # hiding: going out rarely
    ("Живу у знакомых, на улицу выхожу редко.", "escape"),
    ("Рідко виходжу на вулицю.", "escape"),
    # slept on the floor: a complaint of its own
    ("He and eleven other men slept on the floor.", "conditions"),
    ("Ночували на підлозі в коридорі.", "conditions"),
    # a hospital's department named for the illness
    ("Комісія не врахувала виписку з кардіологічного відділення.", "health"),
    # the first СЗЧ's return without punishment
    ("Адвокат сказав, що можна повернутися без покарання.", "return_to_unit"),
    ("Адвокат сказал: вернуться без наказания ещё можно.", "return_to_unit"),
])
def test_the_aj_sets_vocabulary(text: str, theme: str) -> None:
    assert theme in theme_ids(text)


@pytest.mark.parametrize(("text", "theme"), [
    ("Син рідко виходить на зв'язок.", "escape"),  # rarely in touch: no hiding
    ("Поліція прийшла без покарання.", "return_to_unit"),  # no return at all
    ("The floor was wet.", "conditions"),  # the floor alone is a cue, not a complaint
])
def test_the_aj_sets_vocabulary_alone_makes_no_theme(text: str, theme: str) -> None:
    assert theme not in theme_ids(text)
