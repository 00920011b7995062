"""Vault benchmark: intake, open and search, encrypted vault against a plain SQLite baseline.

The baseline runs the *same* svidok code (intake workflow, records, search) on the same SQLite
library (sqlcipher3 without a key is plain SQLite with FTS5), with the same schema and pragmas.
So the ratio is the cost of encryption alone. Both run in this process, alternating, on the same
synthetic corpus: ~2 KB testimonies in Ukrainian and Russian built from real inflected forms
(every form pymorphy3 knows of the words in the bundled demo testimonies).

    python bench/vault_bench.py [--sizes 10000,100000] [--queries 200] [--out bench/out]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pymorphy3
from sqlcipher3 import dbapi2 as sqlcipher

from svidok.analysis import lemmas
from svidok.vault import PRODUCTION_KDF, Passphrase, Vault
from svidok.vault import db as vault_db
from svidok.vault.crypto import MasterKey
from svidok.workflows import intake, search

PASSPHRASE = "benchmark passphrase 2026"


class PlainDatabase(vault_db.Database):
    """The vault's Database with the key step removed: same SQLite, schema and pragmas."""

    def _apply_key(self, master: MasterKey) -> None:
        pass


def vocabulary() -> list[str]:
    demo = resources.files("svidok") / "data" / "demo"
    text = " ".join(
        p.read_bytes().decode("utf-8", "ignore")
        for p in Path(str(demo)).rglob("*") if p.suffix in (".json", ".eml", ".mbox", ".md")
    )
    words = {w.lower() for w in re.findall(r"[а-яіїєґё']{4,}", text, re.IGNORECASE)}
    forms: set[str] = set()
    for lang in ("uk", "ru"):
        morph = pymorphy3.MorphAnalyzer(lang=lang)
        for word in words:
            for parse in morph.parse(word)[:1]:
                forms.update(f.word for f in parse.lexeme)
    return sorted(forms)


def corpus(n: int, vocab: list[str], seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    for i in range(n):
        body = " ".join(rng.choice(vocab) for _ in range(230))
        yield f"Свідчення {i}. {body[:1900]}.".encode()


def plain_vault(path: Path) -> Vault:
    path.mkdir(parents=True)
    master = MasterKey.generate()
    return Vault(path, PlainDatabase(path / "plain.db", master, create=True), master, [])


def encrypted_vault(path: Path) -> Vault:
    vault, _ = Vault.create(path, Passphrase.from_text(PASSPHRASE))
    return vault


def warm_lemmas(docs: list[bytes]) -> float:
    """Fill the lemma cache as a long-lived vault's would be; returns cold documents per second."""
    start = time.perf_counter()
    for doc in docs:
        lemmas.index_terms(doc.decode())
    return len(docs) / (time.perf_counter() - start)


def fill(vault: Vault, docs: list[bytes], as_files: Path | None = None) -> float:
    """Take ``docs`` in through the intake workflow; returns testimonies per second."""
    if as_files is not None:
        as_files.mkdir()
        for i, doc in enumerate(docs):
            (as_files / f"t{i:06d}.txt").write_bytes(doc)
        items, _ = intake.collect([as_files])
    else:
        items = [intake.Item(f"t{i}.txt", data=doc) for i, doc in enumerate(docs)]
    start = time.perf_counter()
    outcomes = intake.take_in(vault, items, intake.Options())
    elapsed = time.perf_counter() - start
    assert all(o.result == "imported" for o in outcomes)
    return len(docs) / elapsed


def search_latencies(vault: Vault, queries: list[str], cold: bool = False) -> dict[str, float]:
    """p50/p95 of one search. ``cold`` empties the lemma cache before each query, as in a
    fresh ``svidok search`` process."""
    times = []
    for query in queries:
        if cold:
            lemmas.forms.cache_clear()
        start = time.perf_counter()
        search.search(vault, query, limit=20)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(len(times) * 0.95) - 1]}


def open_times(path: Path, plain: bool, runs: int = 5) -> float:
    best = []
    for _ in range(runs):
        start = time.perf_counter()
        if plain:
            conn = sqlcipher.connect(str(path / "plain.db"))
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()
        else:
            Vault.open(path, Passphrase.from_text(PASSPHRASE)).close()
        best.append(time.perf_counter() - start)
    return statistics.median(best)


def queries(vocab: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    single = [rng.choice(vocab) for _ in range(n // 2)]
    double = [f"{rng.choice(vocab)} {rng.choice(vocab)}" for _ in range(n - n // 2)]
    return single + double


def run(sizes: list[int], n_queries: int, workdir: Path) -> dict[str, Any]:
    vocab = vocabulary()
    results: dict[str, Any] = {"vocabulary_forms": len(vocab), "kdf": PRODUCTION_KDF.__dict__,
                               "sizes": {}}
    qs = queries(vocab, n_queries, seed=11)
    for size in sizes:
        docs = list(corpus(size, vocab, seed=size))
        row: dict[str, Any] = {}
        with contextlib.ExitStack() as stack:
            enc_dir, plain_dir = workdir / f"enc{size}", workdir / f"plain{size}"
            use_files = size <= 10_000  # larger corpora are taken in from memory, both sides
            enc = stack.enter_context(encrypted_vault(enc_dir))
            plain = stack.enter_context(plain_vault(plain_dir))
            row["lemmatize_cold_per_s"] = warm_lemmas(docs)
            plain_rate = fill(plain, docs, workdir / f"pf{size}" if use_files else None)
            enc_rate = fill(enc, docs, workdir / f"ef{size}" if use_files else None)
            row["intake_per_s"] = {"vault": enc_rate, "plain": plain_rate}
            row["search"] = {"vault": search_latencies(enc, qs),
                             "plain": search_latencies(plain, qs),
                             "vault_cold_cache": search_latencies(enc, qs, cold=True)}
            row["db_bytes"] = {"vault": (enc_dir / "vault.db").stat().st_size,
                               "plain": (plain_dir / "plain.db").stat().st_size}
        row["open_s"] = {"vault": open_times(enc_dir, plain=False),
                         "plain": open_times(plain_dir, plain=True)}
        results["sizes"][str(size)] = row
        print(json.dumps({size: row}, indent=1), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.out) as tmp:
        results = run([int(s) for s in args.sizes.split(",")], args.queries, Path(tmp))
    (args.out / "vault_bench.json").write_text(json.dumps(results, indent=2))
    print(f"written {args.out / 'vault_bench.json'}")


if __name__ == "__main__":
    main()
