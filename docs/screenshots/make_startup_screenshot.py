"""Screenshot of the desk started on a project that cannot be opened (README, "Input formats and safety").

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb python docs/screenshots/make_startup_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="qd-startup-"))
    os.environ["QUOTE_DESK_CONFIG_DIR"] = str(tmp / "cfg")
    os.environ["QUOTE_DESK_DATA_DIR"] = str(tmp / "data")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from quote_desk.app.main import make_app, open_desk
    from quote_desk.app.settings import Settings

    broken = tmp / "الأسبوع-48.qdproj"
    broken.write_bytes(b"not a review project: a file cut short by a full USB stick" * 40)
    settings = Settings()
    settings.add_recent(str(broken))
    make_app()
    w = open_desk(None, lang="ar", settings=settings)
    w.resize(1200, 760)
    w.show()
    QTest.qWaitForWindowExposed(w, 3000)
    QTest.qWait(600)
    shot = QGuiApplication.primaryScreen().grabWindow(0)
    shot.copy(0, 0, 1240, 800).save(str(OUT / "startup_fallback_ar.png"))
    print(OUT / "startup_fallback_ar.png")


if __name__ == "__main__":
    main()
