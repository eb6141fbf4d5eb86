"""The About dialog (Help menu, Ctrl+F1) shows the package version and the folders the desk uses."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from quote_desk.app.dialogs import AboutDialog

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_about_dialog_shows_version_and_folders(make_desk, qtbot, tmp_path):
    w = make_desk()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)  # window shortcuts need the active window
    qtbot.keyClick(w.table, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(w.dialog, AboutDialog) and w.dialog.isVisible(), timeout=3000)
    dlg = w.dialog
    version = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["version"]
    title = dlg.findChild(QLabel, "about_title").text()
    assert f"quote_desk {version}" in title
    texts = [lbl.text() for lbl in dlg.findChildren(QLabel)]
    # the hermetic folders of the test (QUOTE_DESK_CONFIG_DIR, QUOTE_DESK_DATA_DIR, QUOTE_DESK_HOME) are shown
    for sub in ("config", "data", "home"):
        assert str(tmp_path / sub) in texts
    assert any(t.endswith("resources") for t in texts)
    dlg.findChild(QPushButton, "about_copy").click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("quote_desk\n") and version in copied and str(tmp_path / "data") in copied
    dlg.reject()
    qtbot.waitUntil(lambda: w.dialog is None, timeout=3000)


def test_about_is_in_the_help_menu_with_its_shortcut(make_desk):
    w = make_desk()
    act = w.registry.actions["about"]
    assert act.shortcut().toString() == "Ctrl+F1"
    help_menu = [m for m in w.menuBar().actions() if m.menu() and act in m.menu().actions()]
    assert help_menu, "About is not in a menu"


def test_window_icon_is_the_application_icon(make_desk):
    make_desk()
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes
