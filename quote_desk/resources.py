"""One helper that finds resources/ in a source checkout, an installed wheel and a frozen (PyInstaller) app."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates += [here / "resources", here.parent / "resources"]
    for c in candidates:
        if (c / "lexicons").is_dir():
            return c
    raise FileNotFoundError("quote_desk resources/ folder not found (looked in: " + ", ".join(map(str, candidates)) + ")")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
