"""Fetching decision texts: politeness, retries, resume; a mock transport or 127.0.0.1 only."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from svidok.records.courts.fetch import Fetcher

URL = "http://od.reyestr.court.gov.ua/files/43/aeccd8f71c3690184d1eb00efeae9dd3.rtf"
RTF = b"{\\rtf1 \\'d3\\'d5\\'c2\\'c0\\'cb\\'c0}"


class Clock:
    def __init__(self) -> None:
        self.now, self.slept = 0.0, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def fetcher(tmp_path: Path, handler: object, clock: Clock, **kwargs: float) -> Fetcher:
    return Fetcher(tmp_path / "out", transport=httpx.MockTransport(handler),  # type: ignore[arg-type]
                   clock=clock, sleep=clock.sleep, **kwargs)


def test_fetched_then_cached_and_never_requested_twice(tmp_path: Path) -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, content=RTF)

    clock = Clock()
    f = fetcher(tmp_path, handler, clock)
    assert f.fetch("1", URL).status == "fetched"
    assert f.fetch("1", URL).status == "cached"
    assert len(calls) == 1
    assert (tmp_path / "out" / "1.rtf").read_bytes() == RTF
    assert calls[0].headers["user-agent"].startswith("svidok/")


def test_requests_are_spaced_by_the_rate(tmp_path: Path) -> None:
    clock = Clock()
    f = fetcher(tmp_path, lambda r: httpx.Response(200, content=RTF), clock, rate=0.5)
    for doc in ("1", "2", "3"):
        f.fetch(doc, URL)
    assert clock.slept == [2.0, 2.0]


def test_server_errors_are_retried_with_backoff(tmp_path: Path) -> None:
    answers = iter([503, 429, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(next(answers), content=RTF)

    clock = Clock()
    result = fetcher(tmp_path, handler, clock, rate=100).fetch("1", URL)
    assert result.status == "fetched"
    assert [s for s in clock.slept if s >= 1] == [2.0, 4.0]


def test_not_found_is_final_and_gives_up_after_retries(tmp_path: Path) -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(404 if "missing" in str(request.url) else 500)

    clock = Clock()
    f = fetcher(tmp_path, handler, clock, rate=100, retries=2)
    assert (f.fetch("1", URL + "?missing").status, len(calls)) == ("failed", 1)
    result = f.fetch("2", URL)
    assert (result.status, len(calls)) == ("failed", 4)
    assert "HTTP 500 after 3 attempts" in result.detail
    assert not list((tmp_path / "out").glob("*"))


def test_a_document_without_url_is_not_requested(tmp_path: Path) -> None:
    clock = Clock()
    result = fetcher(tmp_path, lambda r: httpx.Response(200), clock).fetch("1", "")
    assert result.status == "failed"


@pytest.fixture
def local_server(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "d.rtf").write_bytes(RTF)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(tmp_path / "www"), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_against_a_real_http_server_on_loopback(tmp_path: Path, local_server: str) -> None:
    f = Fetcher(tmp_path / "out", rate=100)
    assert f.fetch("7", f"{local_server}/d.rtf").status == "fetched"
    assert f.fetch("8", f"{local_server}/absent.rtf").detail == "HTTP 404"
    f.close()
    assert (tmp_path / "out" / "7.rtf").read_bytes() == RTF
