"""Downloading decision texts by their `doc_url`, politely.

At most ``rate`` requests per second; 429, 5xx and connection failures retried with exponential
backoff (``retries`` times); 4xx other than 429 is final. A file is written to ``<doc_id>.part``
and renamed when complete, so an interrupted run resumes: files already present are not fetched
again (the folder is the cache). The HTTP transport is injected, so tests never touch the
network. Nothing here locates anyone: it fetches public court documents by their register URL.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from svidok import __version__

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"svidok/{__version__} (research; polite: 1 request/s)"
MAX_BYTES = 20 * 1024 * 1024
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Result:
    doc_id: str
    status: str  # fetched | cached | failed
    path: Path | None
    detail: str = ""


class Fetcher:
    def __init__(
        self,
        out: Path,
        *,
        transport: httpx.BaseTransport | None = None,
        rate: float = 1.0,
        retries: int = 3,
        backoff: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        import httpx  # imported when fetching: other svidok commands need not load it

        self.out = out
        self.client = httpx.Client(transport=transport, timeout=30.0, follow_redirects=True,
                                   headers={"User-Agent": USER_AGENT})
        self.interval = 1.0 / rate
        self.retries, self.backoff = retries, backoff
        self.clock, self.sleep = clock, sleep
        self._last: float | None = None

    def fetch(self, doc_id: str, url: str) -> Result:
        target = self.out / f"{doc_id}.rtf"
        if target.exists():
            return Result(doc_id, "cached", target)
        if not url.startswith(("http://", "https://")):
            return Result(doc_id, "failed", None, "no downloadable URL (status 0 document?)")
        import httpx

        self.out.mkdir(parents=True, exist_ok=True)
        for attempt in range(self.retries + 1):
            self._wait()
            try:
                response = self.client.get(url)
            except httpx.TransportError as exc:
                detail = f"connection failed ({type(exc).__name__})"
            else:
                if response.status_code == 200:
                    return self._save(doc_id, target, response.content)
                detail = f"HTTP {response.status_code}"
                if response.status_code not in RETRY_STATUS:
                    return Result(doc_id, "failed", None, detail)
            if attempt < self.retries:
                self.sleep(self.backoff * 2**attempt)
        return Result(doc_id, "failed", None, f"{detail} after {self.retries + 1} attempts")

    def _wait(self) -> None:
        now = self.clock()
        if self._last is not None and now - self._last < self.interval:
            self.sleep(self.interval - (now - self._last))
        self._last = self.clock()

    def _save(self, doc_id: str, target: Path, content: bytes) -> Result:
        if len(content) > MAX_BYTES:
            return Result(doc_id, "failed", None, "response over the 20 MiB limit")
        part = target.with_suffix(".part")
        part.write_bytes(content)
        os.replace(part, target)
        return Result(doc_id, "fetched", target)

    def close(self) -> None:
        self.client.close()
