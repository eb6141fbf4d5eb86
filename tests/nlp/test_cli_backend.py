"""`quote-desk extract/evaluate --backend stanza`: the real stanza path from the command line, and the fallback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ARTICLE = "وقال الوزير سامي خليل في بيان إن الحكومة تدعم الاقتصاد الوطني.\n"


def qd(*args: object, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quote_desk", *map(str, args)], capture_output=True, text=True, env=env)


def test_extract_with_the_stanza_backend_on_tiny_models(tiny_models: Path, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = qd("extract", f, "--no-link", "--format", "jsonl", "--backend", "stanza", "--models-dir", tiny_models)
    assert out.returncode == 0, out.stderr
    assert "warning" not in out.stderr  # the models loaded: no fallback notice
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert rows and all(ARTICLE[r["start"] : r["end"]] == r["text"] for r in rows)


def test_missing_models_fall_back_to_rules_with_one_notice(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = qd("extract", f, "--no-link", "--format", "jsonl", "--backend", "stanza", "--models-dir", tmp_path / "none")
    assert out.returncode == 0 and "Traceback" not in out.stderr
    notices = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert len(notices) == 1 and "rules-only" in notices[0] and "quote-desk models install" in notices[0]
    assert json.loads(out.stdout.splitlines()[0])["text"] == "الحكومة تدعم الاقتصاد الوطني"
