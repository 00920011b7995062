"""Zero plaintext at rest, and nothing lost or doubled when intake is killed.

Canary: no file svidok leaves in the vault directory (database, WAL, shared memory, journals,
key slots) or in its temporary directory holds any fragment of testimony text or personal data,
in UTF-8, UTF-16 or Windows-1251: after intake, after search, after the demo, and after a bulk
intake killed with SIGKILL.

Crash: bulk intake killed at random points; each time the vault opens, verifies, and every file
reported as imported is there exactly once.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import PASSPHRASE, SVIDOK, NewVault, subprocess_env
from svidok.vault import Passphrase, Vault, records
from svidok.workflows import annotate, demo, intake, search

DEMO_DATA = Path(demo.__file__).resolve().parents[1] / "data" / "demo"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "cp1251")
CRASH_RUNS = int(os.environ.get("SVIDOK_CRASH_RUNS", "8"))


def fragments(texts: list[str]) -> set[str]:
    """Distinctive pieces: every word of 7+ letters, and phone numbers as written."""
    found: set[str] = set()
    for text in texts:
        found.update(re.findall(r"\w{7,}", text))
        found.update(re.findall(r"\+380[\d ]{9,}", text))
    return found


def leaks(directory: Path, pieces: set[str]) -> list[str]:
    needles = {(p, enc): p.encode(enc, "ignore") for p in pieces for enc in ENCODINGS}
    hits = []
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits += [f"{path.name}: {p!r} ({enc})" for (p, enc), n in needles.items() if n in data]
    return hits


def corpus(directory: Path, count: int, seed: int = 7) -> list[str]:
    """Testimony-like files with unique wording, 1.5-2.5 KB each."""
    rng = random.Random(seed)
    words = ["мобілізували", "затримали", "Кременчуці", "Полтаві", "розподільчому", "повістку",
             "відстрочку", "батальйоні", "командира", "Покровськом", "медкомісію", "Житомирщині"]
    directory.mkdir(parents=True, exist_ok=True)
    texts = []
    for n in range(count):
        body = " ".join(rng.choice(words) for _ in range(150))
        text = f"Свідок{n:05d}Петренко телефон +380 67 {n:03d} {n % 97:02d} 11. {body}"
        (directory / f"t{n:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def test_nothing_readable_in_the_vault_while_open_and_after_intake_and_search(
    new_vault: NewVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    texts = corpus(tmp_path / "in", 40)
    with Vault.open(new_vault.path, Passphrase.from_text(PASSPHRASE)) as vault:
        items, _ = intake.collect([tmp_path / "in"])
        intake.take_in(vault, items, intake.Options())
        assert annotate.annotate_pending(vault) == 40  # annotations hold names and phones too
        assert search.search(vault, "Кременчук").hits
        assert leaks(new_vault.path, fragments(texts)) == []  # WAL and shm are live now
    assert leaks(new_vault.path, fragments(texts)) == []
    assert leaks(tmp_path / "tmp", fragments(texts)) == []


def test_nothing_readable_in_the_demo_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    report = demo.run(tmp_path / "demo")
    texts = [p.read_bytes().decode("utf-8", "ignore") for p in DEMO_DATA.rglob("*")
             if p.is_file() and p.suffix in (".json", ".eml", ".mbox", ".md")]
    texts.append((DEMO_DATA / "notes" / "zapys-1251.txt").read_bytes().decode("cp1251"))
    texts.append((DEMO_DATA / "dropbox" / "lviv-note-utf16.txt").read_bytes().decode("utf-16"))
    pieces = fragments(texts) - {"personal_information", "text_entities", "date_unixtime",
                                 "messages", "personal_chat", "forwarded_from"}
    assert report.testimonies == 11
    assert leaks(tmp_path / "demo", pieces) == []
    assert leaks(tmp_path / "tmp", pieces) == []


def start_intake(vault: Path, inputs: Path, log: Path, tmp: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [SVIDOK, "intake", str(vault), str(inputs)],
        stdout=log.open("wb"), stderr=subprocess.DEVNULL,
        env=subprocess_env(SVIDOK_PASSPHRASE=PASSPHRASE, TMPDIR=str(tmp)),
    )


def reported_imports(log: Path) -> list[Path]:
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [Path(line.split()[1]) for line in lines if line.startswith("imported ")]


def check_exactly_once(vault_path: Path, reported: list[Path]) -> int:
    with Vault.open(vault_path, Passphrase.from_text(PASSPHRASE)) as vault:
        assert vault.verify().ok
        for path in reported:
            found = records.find_original(vault.db, records.sha256(path.read_bytes()))
            assert found is not None, f"{path.name} was reported imported but is missing"
            assert len(found.testimony_ids) == 1
        originals = vault.db.query("SELECT count(*), count(DISTINCT sha256) FROM originals")[0]
        testimonies = len(records.list_testimonies(vault.db))
    assert originals[0] == originals[1] == testimonies
    return testimonies


def test_bulk_intake_killed_at_random_points_loses_and_doubles_nothing(
    new_vault: NewVault, tmp_path: Path
) -> None:
    texts = corpus(tmp_path / "in", 1500)
    (tmp_path / "tmp").mkdir()
    rng = random.Random(2025)
    killed_midway = 0
    for run in range(CRASH_RUNS):
        log = tmp_path / f"run{run}.log"
        proc = start_intake(new_vault.path, tmp_path / "in", log, tmp_path / "tmp")
        time.sleep(rng.uniform(0.2, 1.6))  # start-up takes ~0.4 s, 1500 files ~2 s
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_midway += 1
        proc.wait()
        stored = check_exactly_once(new_vault.path, reported_imports(log))
        assert leaks(new_vault.path, fragments(texts[:50])) == []
        assert leaks(tmp_path / "tmp", fragments(texts[:50])) == []
        if stored == len(texts):
            break
    final = tmp_path / "final.log"
    start_intake(new_vault.path, tmp_path / "in", final, tmp_path / "tmp").wait()
    assert check_exactly_once(new_vault.path, reported_imports(final)) == len(texts)
    assert killed_midway >= 1
