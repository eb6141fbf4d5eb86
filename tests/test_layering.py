"""The core, store, export and CLI layers never import PySide6 (nor stanza on the rules-only path)."""

import subprocess
import sys

import pytest

MODULES = ["quote_desk", "quote_desk.core.pipeline", "quote_desk.cli", "quote_desk.cli.extract", "quote_desk.ingest"]
OPTIONAL = ["quote_desk.store", "quote_desk.export", "quote_desk.registry", "quote_desk.batch", "quote_desk.core.nlp.models", "quote_desk.core.nlp.evidence"]


@pytest.mark.parametrize("forbidden", ["PySide6", "stanza", "torch"])
def test_core_and_cli_do_not_import_heavy_packages(forbidden):
    code = (
        "import importlib, importlib.util, sys\n"
        f"mods = {MODULES!r} + [m for m in {OPTIONAL!r} if importlib.util.find_spec(m)]\n"
        "for m in mods: importlib.import_module(m)\n"
        "from quote_desk import extract\n"
        "extract('وقال الوزير إن الوضع مستقر.', 'x')\n"
        "from quote_desk.cli import build_parser\n"
        "build_parser()\n"
        f"print({forbidden!r} in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", f"{forbidden} was imported by the core/CLI path"


def test_ruff_is_clean():
    """The style rules of pyproject.toml hold for the whole code base."""
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "quote_desk", "tests", "benchmarks"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]
