"""stanza (and torch) are imported only by quote_desk/core/nlp/stanza_backend.py, and only when a pipeline
is loaded: the rules-only path, the model manager and the CLI never pull them in."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "quote_desk"


def run_py(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=PKG.parent)
    return proc.stdout.strip()


def test_rules_only_path_does_not_import_stanza(tmp_path: Path) -> None:
    out = run_py(
        "import sys\n"
        "import quote_desk, quote_desk.core.nlp\n"
        "from quote_desk.core.nlp import models, stanza_backend\n"
        "from quote_desk.core.nlp.backend import RulesBackend\n"
        "from quote_desk.cli import build_parser\n"
        "build_parser()\n"
        f"models.status({str(tmp_path)!r})\n"
        "choice = models.select_backend('rules')\n"
        "print(len(choice.backend.analyse('قال الوزير إن', [(0, 13)])))\n"
        "print(sorted(m for m in ('stanza', 'torch', 'PySide6') if m in sys.modules))\n"
    )
    assert out.splitlines() == ["1", "[]"]


def test_only_stanza_backend_imports_stanza() -> None:
    pattern = re.compile(r"^\s*(import stanza|from stanza[\s.])", re.M)
    importers = sorted(p.relative_to(PKG).as_posix() for p in PKG.rglob("*.py") if pattern.search(p.read_text("utf-8")))
    assert importers == ["core/nlp/stanza_backend.py"]


def test_loading_the_backend_is_what_imports_stanza(tiny_models: Path) -> None:
    out = run_py(
        "import sys\n"
        "from quote_desk.core.nlp.stanza_backend import StanzaBackend\n"
        f"b = StanzaBackend({str(tiny_models)!r})\n"
        "print('stanza' in sys.modules)\n"
        "b.load()\n"
        "print('stanza' in sys.modules)\n"
    )
    assert out.splitlines()[-2:] == ["False", "True"]
