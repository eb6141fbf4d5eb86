"""The store, the export and their CLI commands never load Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_store_export_cli_do_not_import_qt():
    code = (
        "import sys, quote_desk.store, quote_desk.export, quote_desk.store.spans, quote_desk.store.importing\n"
        "import quote_desk.cli.export, quote_desk.cli.desk\n"
        "from quote_desk.cli import build_parser; build_parser()\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'quote_desk.app')))\n"
        "print(bad); raise SystemExit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert r.returncode == 0, r.stdout + r.stderr


def test_article_hashes(tmp_path):
    from quote_desk.store import ReviewProject
    from quote_desk.store.project import text_hash

    with ReviewProject.open(":memory:") as p:
        p.import_article("a", "نص", [])
        assert p.article_hashes() == {"a": text_hash("نص")}
