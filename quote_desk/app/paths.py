"""Where the desk keeps its settings and projects: platformdirs, with env overrides (also used by tests)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quote_desk"
PROJECT_SUFFIX = ".qdproj"


def config_dir() -> Path:
    """$QUOTE_DESK_CONFIG_DIR, else $QUOTE_DESK_HOME/config, else the platform's user config folder."""
    env = os.environ.get("QUOTE_DESK_CONFIG_DIR")
    if env:
        return Path(env)
    home = os.environ.get("QUOTE_DESK_HOME")
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """$QUOTE_DESK_DATA_DIR, else $QUOTE_DESK_HOME (shared with the speaker registry), else the platform's
    user data folder."""
    env = os.environ.get("QUOTE_DESK_DATA_DIR") or os.environ.get("QUOTE_DESK_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    return data_dir() / f"review{PROJECT_SUFFIX}"


def demo_project_path() -> Path:
    return data_dir() / f"demo{PROJECT_SUFFIX}"
