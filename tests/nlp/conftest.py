"""Fixtures for the stanza backend tests: tiny real Arabic models, built once and cached.

The models are trained by tests/nlp/tiny/build_tiny_models.py from the hand-written treebank in
tests/nlp/tiny/make_data.py (about a minute on 2 cores). The result is cached in
<repo>/.cache/tiny-stanza/<key> (or $QUOTE_DESK_TINY_STANZA_CACHE/<key>), where the key hashes both scripts
and the stanza, torch and Python versions, so any change rebuilds and CI can cache the folder.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TINY = HERE / "tiny"
REPO = HERE.parent.parent
CACHE_ENV = "QUOTE_DESK_TINY_STANZA_CACHE"


def cache_key() -> str:
    h = hashlib.sha256()
    for name in ("make_data.py", "build_tiny_models.py"):
        h.update((TINY / name).read_bytes())
    for dist in ("stanza", "torch"):
        h.update(f"{dist}={importlib.metadata.version(dist)};".encode())
    h.update(f"py={sys.version_info[:2]}".encode())
    return h.hexdigest()[:16]


def _build(base: Path) -> Path:
    out = base / cache_key()
    if (out / "models" / "resources.json").is_file():
        return out
    base.mkdir(parents=True, exist_ok=True)
    tmp = base / f"{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(TINY / "make_data.py"), str(tmp / "data")], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, str(TINY / "build_tiny_models.py"), str(tmp / "data"), str(tmp / "models")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    (tmp / "build_seconds.txt").write_text(f"{time.perf_counter() - t0:.1f}\n")
    try:
        tmp.rename(out)
    except OSError:  # another process won the race: use its copy
        shutil.rmtree(tmp, ignore_errors=True)
    for old in base.iterdir():  # builds for other versions of the scripts or packages
        if old != out and len(old.name) == 16 and all(ch in "0123456789abcdef" for ch in old.name):
            shutil.rmtree(old, ignore_errors=True)
    return out


@pytest.fixture(scope="session")
def tiny_build() -> Path:
    """Folder with data/ (the treebank, held-apart gold) and models/ (the installed stanza layout)."""
    root = os.environ.get(CACHE_ENV)
    return _build(Path(root) if root else REPO / ".cache" / "tiny-stanza")


@pytest.fixture(scope="session")
def tiny_models(tiny_build: Path) -> Path:
    """Read-only models dir in stanza's installed layout. Copy it (models_copy) before changing anything."""
    return tiny_build / "models"


@pytest.fixture(scope="session")
def tiny_data(tiny_build: Path) -> Path:
    return tiny_build / "data"


@pytest.fixture
def models_copy(tiny_models: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "models"
    shutil.copytree(tiny_models, dest)
    return dest


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt to resolve or connect fails (and is recorded), like a machine without internet."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts
