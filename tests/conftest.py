"""Shared fixtures. Cheap KDF parameters enter only here, passed explicitly to the library."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from svidok.vault import KdfParams, Passphrase, RecoveryKey, Vault

# Property tests draw the same examples on every run, so `make test` passes or fails on the
# code alone, never on the luck of the draw; `pytest --hypothesis-profile=explore` draws new
# ones (that is how a lost phone number next to a trunk 8 was found; its case is now a test).
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("default")

CHEAP_KDF = KdfParams(opslimit=1, memlimit=8192)
PASSPHRASE = "correct horse battery staple"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SVIDOK = str(Path(sys.executable).with_name("svidok"))


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Statistics and court databases default to XDG_DATA_HOME: never the real home in tests."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@dataclass
class NewVault:
    path: Path
    recovery: RecoveryKey


@pytest.fixture
def new_vault(tmp_path: Path) -> NewVault:
    """A closed vault on disk with one cheap passphrase slot and a recovery slot."""
    path = tmp_path / "vault"
    vault, recovery = Vault.create(path, Passphrase.from_text(PASSPHRASE), kdf=CHEAP_KDF)
    vault.close()
    return NewVault(path, recovery)


@pytest.fixture
def vault(new_vault: NewVault) -> Iterator[Vault]:
    opened = Vault.open(new_vault.path, Passphrase.from_text(PASSPHRASE))
    yield opened
    opened.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """Run ``svidok`` in-process through its real entry point; returns code, stdout, stderr."""
    from svidok.cli import main

    def run(*args: str | Path, passphrase: str | None = PASSPHRASE, **env: str) -> CliResult:
        monkeypatch.delenv("SVIDOK_PASSPHRASE", raising=False)
        monkeypatch.delenv("SVIDOK_RECOVERY_KEY", raising=False)
        if passphrase is not None:
            monkeypatch.setenv("SVIDOK_PASSPHRASE", passphrase)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "argv", ["svidok", *map(str, args)])
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def write() -> Callable[[Path, str | bytes], Path]:
    def _write(path: Path, content: str | bytes) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SVIDOK_")}
    env.update(extra)
    return env
