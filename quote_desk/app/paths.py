"""Where the desk keeps its settings and projects: platformdirs, with env overrides (also used by tests)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quote_desk"
PROJECT_SUFFIX = ".qdproj"


def config_dir() -> Path:
    env = os.environ.get("QUOTE_DESK_CONFIG_DIR")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    env = os.environ.get("QUOTE_DESK_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    return data_dir() / f"review{PROJECT_SUFFIX}"


def demo_project_path() -> Path:
    return data_dir() / f"demo{PROJECT_SUFFIX}"
