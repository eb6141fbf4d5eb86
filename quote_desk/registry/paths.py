"""Where the registry lives: --home / QUOTE_DESK_HOME / the platform's user data folder for quote_desk."""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "QUOTE_DESK_HOME"
APP_NAME = "quote_desk"
REGISTRY_FILE = "registry.sqlite3"


def data_home(home: Path | str | None = None) -> Path:
    """The quote_desk data folder: an explicit path wins, then $QUOTE_DESK_HOME, then platformdirs."""
    if home is not None and str(home) != "":
        return Path(home).expanduser()
    env = os.environ.get(ENV_HOME, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def registry_path(home: Path | str | None = None) -> Path:
    return data_home(home) / REGISTRY_FILE
