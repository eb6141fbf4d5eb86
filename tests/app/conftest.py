from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _hermetic_dirs(tmp_path, monkeypatch):
    """Settings and projects of every test live in its own temp folder, never in the user's config."""
    monkeypatch.setenv("QUOTE_DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("QUOTE_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUOTE_DESK_HOME", str(tmp_path / "home"))  # the speaker registry, when installed


@pytest.fixture
def make_desk(qtbot, tmp_path):
    """Open a desk window (English UI unless asked) on a fresh project; returns the window."""
    from quote_desk.app.main import make_app, open_desk

    windows = []

    def make(extractor_factory=None, lang="en", project=None):
        make_app()
        w = open_desk(project or tmp_path / "desk.qdproj", lang=lang, extractor_factory=extractor_factory)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        w.table.setFocus()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
        w.project.close()
