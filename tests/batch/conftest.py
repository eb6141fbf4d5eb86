"""Article sets for batch tests, built from the project's own dev corpus (varied by a numbered last line)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = sorted((ROOT / "tests" / "corpus" / "dev").glob("*.txt"))


def articles(n: int) -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in DEV]
    return [(f"art-{i:04d}", texts[i % len(texts)] + f"\nالخبر رقم {i}\n") for i in range(n)]


def write_jsonl(path: Path, arts: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"doc": d, "text": t}, ensure_ascii=False) + "\n" for d, t in arts),
                    encoding="utf-8")  # fmt: skip
    return path


def qd(*args, **kw):
    return subprocess.run([sys.executable, "-m", "quote_desk", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, **kw)  # fmt: skip


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A private quote_desk data folder (the registry), so no test writes into the user's."""
    h = tmp_path / "home"
    monkeypatch.setenv("QUOTE_DESK_HOME", str(h))
    return h
