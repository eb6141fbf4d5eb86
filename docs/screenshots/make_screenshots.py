"""Make the README screenshots of the desk (Arabic and English UI) on the bundled sample articles.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb python docs/screenshots/make_screenshots.py
    (or QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def shoot(lang: str) -> list[Path]:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from quote_desk.app.main import make_app, open_desk, sample_articles

    tmp = Path(tempfile.mkdtemp(prefix=f"qd-shots-{lang}-"))
    os.environ["QUOTE_DESK_CONFIG_DIR"] = str(tmp / "cfg")
    make_app()
    w = open_desk(tmp / f"demo-{lang}.qdproj", lang=lang)
    w.resize(1360, 820)
    w.show()
    w.activateWindow()
    QTest.qWaitForWindowActive(w, 3000)  # window shortcuts need the active window
    loop = QEventLoop()
    w.import_finished.connect(loop.quit)
    w.import_paths(sample_articles())
    loop.exec()
    w.table.setFocus()
    # A little triage so the queue shows decisions: accept, accept, reject, then move to a quote with a cue
    # and a speaker in view.
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Delete, Qt.Key.Key_Return):
        QTest.keyClick(w.table, key)
    for _ in range(3):
        QTest.keyClick(w.table, Qt.Key.Key_PageDown)
    QTest.qWait(200)
    shots = []
    p = OUT / f"desk_{lang}.png"
    w.grab().save(str(p))
    shots.append(p)
    QTest.keyClick(w.table, Qt.Key.Key_F1)
    QTest.qWait(200)
    assert w.help_overlay.isVisible()
    p = OUT / f"help_{lang}.png"
    w.grab().save(str(p))
    shots.append(p)
    QTest.keyClick(w.help_overlay, Qt.Key.Key_Escape)  # any key closes the overlay
    # the About dialog lists the folders in use: show a user's default Linux folders, not this run's temp ones
    home = "/home/editor"
    os.environ.update(QUOTE_DESK_CONFIG_DIR=f"{home}/.config/quote_desk", QUOTE_DESK_DATA_DIR=f"{home}/.local/share/quote_desk",
                      QUOTE_DESK_HOME=f"{home}/.local/share/quote_desk")  # fmt: skip
    QTest.keyClick(w.table, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)  # Help → About
    QTest.qWait(300)
    assert w.dialog is not None and w.dialog.objectName() == "about_dialog"
    p = OUT / f"about_{lang}.png"
    w.dialog.grab().save(str(p))
    shots.append(p)
    w.dialog.reject()
    w.close()
    w.project.close()
    return shots


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else None
    langs = [lang] if lang else ["ar", "en"]
    if len(langs) > 1:  # one process per language: the layout direction is process-wide
        import subprocess

        for lg in langs:
            subprocess.run([sys.executable, __file__, lg], check=True)
        return 0
    for p in shoot(langs[0]):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
