"""Make docs/screenshots/models_en.png: Settings → Models, on a copy of the tiny test models (built by the tests
under .cache/tiny-stanza/) or on the models folder given as the first argument.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb python docs/screenshots/make_models_screenshot.py [MODELS]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    if argv:
        source = Path(argv[0])
    else:
        built = sorted((ROOT / ".cache" / "tiny-stanza").glob("*/models"), key=lambda p: p.stat().st_mtime)
        if not built:
            print("no models: run the tests under tests/nlp first, or pass a models folder", file=sys.stderr)
            return 1
        source = built[-1]
    tmp = Path(tempfile.mkdtemp(prefix="qd-models-shot-"))
    home = tmp / "quote_desk"
    shutil.copytree(source, home / "stanza")  # shown as the default folder: $QUOTE_DESK_HOME/stanza
    os.environ.update(QUOTE_DESK_CONFIG_DIR=str(tmp / "cfg"), QUOTE_DESK_DATA_DIR=str(tmp / "data"),
                      QUOTE_DESK_HOME=str(home))  # fmt: skip

    from PySide6.QtTest import QTest

    from quote_desk.app.main import make_app, open_desk

    make_app()
    w = open_desk(tmp / "shot.qdproj", lang="en")
    w.resize(1200, 760)
    w.show()
    QTest.qWaitForWindowExposed(w, 3000)
    w.open_settings()
    dlg = w.dialog
    page = dlg.models_page
    dlg.tabs.setCurrentWidget(page)
    page.backend.setCurrentIndex(page.backend.findData("stanza"))
    dlg.resize(840, 600)  # the README test wants screenshots of at least 800x500 (dialogs other than About)
    QTest.qWait(300)
    path = OUT / "models_en.png"
    dlg.grab().save(str(path))
    print(path)
    dlg.reject()
    w.close()
    w.project.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
