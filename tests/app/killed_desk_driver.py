"""Run by test_kill.py in a subprocess: open the desk on a project and triage from the keyboard forever,
printing each decision after it was made (committed). The parent kills this process with SIGKILL."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from quote_desk.app.main import make_app, open_desk


def main() -> None:
    app = make_app()
    w = open_desk(sys.argv[1], lang="en")
    w.show()
    w.table.setFocus()
    w.decision_made.connect(lambda qid, status: print(f"{qid} {status}", flush=True))
    keys = [Qt.Key.Key_Return, Qt.Key.Key_Delete, Qt.Key.Key_Return]
    step = {"i": 0}

    def press() -> None:
        QTest.keyClick(w.table, keys[step["i"] % len(keys)])
        step["i"] += 1

    timer = QTimer()
    timer.timeout.connect(press)
    timer.start(5)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
