"""Analysis benchmark: svidok's engine against Presidio on the same texts, in one process.

Baseline: presidio-analyzer with a *blank* spaCy pipeline (``spacy.blank("en")`` saved to disk
and loaded as the model: no NER model, nothing downloaded) and its predefined pattern recognisers,
as issue 3 asks (less UrlRecognizer, which would fetch a list over the network). Both run on one
core over the labelled texts of ../shared/eval/testimonies;
throughput is MB of UTF-8 per second of analysis (after a warm-up pass, so every word's
readings are memoised: the steady state of a long intake, whose words repeat), and again with
every per-word memo dropped before each round (``svidok_unseen_mb_s``: words the process has
never seen, as in the first texts of a session; Presidio keeps no such memo). Recall is over the
labelled person names, contacts and ID numbers (the "identifiers"), matched by overlap: a label
counts as found when a detected span covers it.

    pip install -e '.[bench]'
    python bench/analysis_bench.py [--eval ../shared/eval/testimonies] [--rounds 5]
    python bench/analysis_bench.py --cold      # `svidok analyze` start-up time on a short text
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from svidok.analysis import analyze
from svidok.workflows.evaluate import read_testimony

IDENTIFIERS = ("person_names", "contacts", "id_numbers")
SVIDOK_TYPES = {"person", "phone", "email", "handle", "id_document", "tax_id", "vehicle_plate"}


def load(eval_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    labels = json.loads((eval_dir / "labels.json").read_text(encoding="utf-8"))
    return [(read_testimony(eval_dir / name)[1], gold) for name, gold in sorted(labels.items())]


def presidio_engine(workdir: Path) -> Any:
    # Presidio's EmailRecognizer validates a match with tldextract, which fetches the public
    # suffix list over the network at first use; no URLs makes it read the list it ships with.
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    model = workdir / "blank_en"
    spacy.blank("en").to_disk(model)
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(model)}],
    }).create_engine()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=nlp)
    # UrlRecognizer's tldextract fetches the public suffix list over the network at first use;
    # nothing here may reach the network, and URLs are not among the measured categories.
    registry.remove_recognizer("UrlRecognizer")
    return AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["en"])


def spans_svidok(text: str) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in analyze(text).entities if e.type in SVIDOK_TYPES]


def recall(texts: list[tuple[str, dict[str, Any]]], spans_of: Any) -> float:
    found = total = 0
    for text, gold in texts:
        spans = spans_of(text)
        for cat in IDENTIFIERS:
            for label in gold.get(cat, []):
                total += 1
                start = text.find(label)
                found += any(s <= start and start + len(label) <= e for s, e in spans)
    return found / total if total else 1.0


def forget_words() -> None:
    """Drop every per-word memo of the analysis engine: lru caches of more than a few entries
    in its modules, and the gazetteer's memo of words."""
    import importlib
    import pkgutil

    import svidok.analysis as package
    from svidok.analysis import gazetteer

    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"svidok.analysis.{info.name}")
        for obj in vars(module).values():
            cache = getattr(obj, "cache_info", lambda: None)()
            if cache is not None and (cache.maxsize or 0) > 16:
                obj.cache_clear()
    gazetteer.load().forget()


def throughput(texts: list[str], run: Any, rounds: int, unseen: bool = False) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for t in texts:
        run(t)
    rates = []
    for _ in range(rounds):
        if unseen:
            forget_words()
        start = time.perf_counter()
        for t in texts:
            run(t)
        rates.append(size / (time.perf_counter() - start))
    return statistics.median(rates)


def cold_start(runs: int = 5) -> float:
    times = []
    svidok = str(Path(sys.executable).with_name("svidok"))
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([svidok, "analyze", "-", "--json"], check=True, capture_output=True,  # noqa: S603 - our own entry point
                       input="Тарас з Харкова, тел. 0671234567".encode())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared/eval/testimonies")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    if args.cold:
        print(json.dumps({"cold_start_s": round(cold_start(), 3)}))
        return
    texts = load(args.eval)
    with tempfile.TemporaryDirectory() as tmp:
        engine = presidio_engine(Path(tmp))

        def presidio_run(text: str) -> list[Any]:
            return list(engine.analyze(text=text, language="en"))

        def spans_presidio(text: str) -> list[tuple[int, int]]:
            return [(r.start, r.end) for r in presidio_run(text)]

        plain = [t for t, _ in texts]
        result = {
            "texts": len(texts), "mb": round(sum(len(t.encode()) for t in plain) / 1e6, 4),
            "svidok_mb_s": throughput(plain, analyze, args.rounds),
            "svidok_unseen_mb_s": throughput(plain, analyze, args.rounds, unseen=True),
            "presidio_mb_s": throughput(plain, presidio_run, args.rounds),
            "svidok_identifier_recall": recall(texts, spans_svidok),
            "presidio_identifier_recall": recall(texts, spans_presidio),
        }
    result["ratio"] = result["svidok_mb_s"] / result["presidio_mb_s"]
    result["unseen_ratio"] = result["svidok_unseen_mb_s"] / result["presidio_mb_s"]
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()},
                     indent=1))


if __name__ == "__main__":
    main()
