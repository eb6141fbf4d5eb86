"""Start the desk: QApplication, language and direction, theme, the project, the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from quote_desk import __version__
from quote_desk.app.i18n import install_translations, resolve_language
from quote_desk.app.main_window import DeskWindow, ExtractorFactory
from quote_desk.app.paths import default_project_path, demo_project_path
from quote_desk.app.settings import Settings
from quote_desk.store import ReviewProject


def sample_articles() -> list[Path]:
    from quote_desk.app.i18n import translations_dir

    samples = translations_dir().parent / "samples"
    return sorted(samples.glob("*.txt")) if samples.is_dir() else []


APP_ID = "org.quotedesk.QuoteDesk"


def app_icon() -> QIcon:
    """The application icon from resources/icons (PNG sizes made by packaging/make_icons.py, and the SVG)."""
    icon = QIcon()
    try:
        from quote_desk.resources import resource_path

        folder = resource_path("icons")
    except FileNotFoundError:
        return icon
    for png in sorted(folder.glob("quote_desk-*.png")):
        icon.addFile(str(png))
    return icon


def make_app(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "quote-desk", *argv])
    QCoreApplication.setOrganizationName("quote_desk")
    QCoreApplication.setApplicationName("quote_desk")
    QCoreApplication.setApplicationVersion(__version__)
    app.setStyle("Fusion")  # a predictable palette that follows the system light/dark scheme
    app.setDesktopFileName(APP_ID)  # matches packaging/linux/APP_ID.desktop (window grouping, Wayland icon)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def open_desk(
    project_path: str | Path | None = None,
    *,
    demo: bool = False,
    lang: str | None = None,
    settings: Settings | None = None,
    extractor_factory: ExtractorFactory | None = None,
) -> DeskWindow:
    """Build the window on a project (created if missing). Needs a QApplication."""
    settings = settings or Settings()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = resolve_language(lang or settings.get("ui/language"))
    install_translations(app, language)
    if project_path is None:
        if demo:
            project_path = demo_project_path()
        else:
            recent = [p for p in settings.recent_projects() if Path(p).is_file()]
            project_path = recent[0] if recent else default_project_path()
    project = ReviewProject.open(project_path)
    if str(project_path) != ":memory:":
        settings.add_recent(str(Path(project_path).resolve()))
    window = DeskWindow(project, settings, extractor_factory)
    window.language = language  # type: ignore[attr-defined]
    if demo:
        samples = sample_articles()
        if samples:
            window.import_paths(samples)
    return window


def run_desk(project_path: str | Path | None = None, *, demo: bool = False, lang: str | None = None,
             qt_args: Sequence[str] = ()) -> int:  # fmt: skip
    app = make_app(qt_args)
    window = open_desk(project_path, demo=demo, lang=lang)
    window.show()
    if os.environ.get("QUOTE_DESK_SMOKE"):  # used by tests: start, show, quit
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(os.environ["QUOTE_DESK_SMOKE"]), window.close)
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)  # a cancelled import finishes its current article
    window.project.close()
    QLocale.setDefault(QLocale.system())
    return int(code)


def main(argv: Sequence[str] | None = None) -> int:
    """GUI entry point (`quote-desk-gui [PROJECT]`): the same as `quote-desk desk`."""
    from quote_desk.cli import main as cli_main

    args = list(sys.argv[1:] if argv is None else argv)
    return cli_main(["desk", *args])
