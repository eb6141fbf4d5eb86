"""Shared bits of the packaging tests: the checkout, the project metadata, hermetic environments."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
VERSION = PROJECT["version"]
APP_ID = "org.quotedesk.QuoteDesk"
LINUX = ROOT / "packaging" / "linux"
SAMPLE = "sample_02_hilal-press-conference"


def tool(name: str) -> str | None:
    return shutil.which(name)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A minimal environment, as on a fresh machine: no venv on PATH, no PYTHONPATH, our folders in `home`."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "QUOTE_DESK_CONFIG_DIR": str(home / "config"),
        "QUOTE_DESK_DATA_DIR": str(home / "data"),
        "QUOTE_DESK_HOME": str(home / "registry"),
        "XDG_RUNTIME_DIR": str(home / "run"),
    }
    (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(extra)
    return env


def run(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in out.stderr, out.stderr
    return out


def checkout_quotes(path: Path, home: Path) -> list[dict]:
    """The quotes the source checkout extracts from `path` (the reference for installed and frozen apps)."""
    env = clean_env(home, PYTHONPATH=str(ROOT))
    out = run([sys.executable, "-m", "quote_desk", "extract", str(path), "--format", "jsonl"], env, ROOT)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
