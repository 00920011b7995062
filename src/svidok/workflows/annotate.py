"""Analysing the testimonies of a vault and storing the annotations, sealed, beside them.

Runs after intake has committed and reported its files, so a slow analysis never delays or
endangers what was taken in. Testimonies without annotations from the current engine version
are analysed in committed batches; a crash loses at most one batch of annotations, and the next
run (every intake ends with one) analyses those testimonies again.
"""

from __future__ import annotations

from collections.abc import Callable

from svidok.analysis import analyze
from svidok.analysis.engine import ENGINE_VERSION
from svidok.vault import Vault, records

BATCH = 64


def annotate_pending(vault: Vault, progress: Callable[[int], None] | None = None) -> int:
    """Analyse every testimony lacking current annotations; returns how many were analysed."""
    done = 0
    while True:
        batch = records.pending_analysis(vault.db, ENGINE_VERSION, BATCH)
        if not batch:
            return done
        with vault.db.transaction():
            for testimony_id, language, text in batch:
                result = analyze(text, language if language in ("uk", "ru", "en") else None)
                records.put_annotation(vault.db, testimony_id, ENGINE_VERSION, result.to_json())
            vault.record("analyse", {"testimonies": [t for t, _, _ in batch],
                                     "engine": ENGINE_VERSION})
        done += len(batch)
        if progress is not None:
            progress(len(batch))
