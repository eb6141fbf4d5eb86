"""Start-up with a project that cannot be opened. A desk started from a menu or a file manager has no terminal:
the reason must appear in the window, the editor's project must stay untouched, and the desk must still be
usable on the default project (or, when even that cannot open, say so in a dialog and exit non-zero)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from quote_desk.app.main import make_app, open_desk, run_desk
from quote_desk.app.paths import default_project_path
from quote_desk.app.settings import Settings
from quote_desk.store import ReviewProject
from tests.store.desk_data import ARTICLES, FakeExtractor


def shown(w, name: str) -> list[QMessageBox]:
    return [b for b in w.findChildren(QMessageBox, name) if b.isVisible()]


def start(qtbot, project=None, settings=None):
    make_app()
    w = open_desk(project, lang="en", settings=settings or Settings())
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_damaged_recent_project_opens_the_default_one_and_says_why(qtbot, tmp_path):
    broken = tmp_path / "week48.qdproj"
    broken.write_bytes(b"this is not a review project, a bad copy from a USB stick" * 50)
    before = broken.read_bytes()
    settings = Settings()
    settings.add_recent(str(broken))
    w = start(qtbot, settings=settings)
    try:
        assert Path(w.project.path) == default_project_path()
        assert w.open_failure is not None and w.open_failure[0] == str(broken)
        (box,) = shown(w, "error_box")
        assert "week48.qdproj" in box.text() and "instead" in box.text()
        assert broken.read_bytes() == before  # nothing written to the damaged file
    finally:
        w.close()
        w.project.close()


def test_a_busy_project_given_on_the_command_line_is_not_touched(qtbot, tmp_path):
    busy = tmp_path / "shared.qdproj"
    holder = ReviewProject.open(busy)
    try:
        w = start(qtbot, project=busy)
        try:
            assert Path(w.project.path) == default_project_path()
            assert "already open in another quote_desk" in w.last_error
        finally:
            w.close()
            w.project.close()
    finally:
        holder.close()


def test_a_damaged_project_with_a_backup_is_offered_for_restore_at_start(qtbot, tmp_path):
    path = tmp_path / "desk.qdproj"
    with ReviewProject.open(path) as p:
        ex = FakeExtractor()
        for i in range(20):
            p.import_article(f"budget-{i}", ARTICLES["budget"], ex.extract(ARTICLES["budget"], f"budget-{i}"))
        p.decide(p.rows()[0].id, "accepted")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    w = start(qtbot, project=path)
    try:
        (question,) = shown(w, "restore_box")
        assert "is damaged" in question.text() and "instead" in question.text()
        question.button(QMessageBox.StandardButton.Yes).click()
        assert Path(w.project.path) == path and w.project.counts()["accepted"] == 1
    finally:
        w.close()
        w.project.close()


def test_when_nothing_can_open_the_desk_says_so_and_exits_non_zero(qtbot, tmp_path, monkeypatch, capsys):
    default = default_project_path()
    default.mkdir(parents=True)  # the default project's path is a folder: no project can be opened at all
    monkeypatch.setenv("QUOTE_DESK_SMOKE", "5000")
    seen: list[str] = []

    def look() -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.objectName() == "startup_error_box" and box.isVisible():
                seen.append(box.informativeText())
                box.close()
                return
        QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)
    assert run_desk(None, lang="en") == 2
    assert seen and "is a folder" in seen[0]
    assert "is a folder" in capsys.readouterr().err
    assert default.is_dir() and not os.listdir(default)
