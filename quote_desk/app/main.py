"""Start the desk: QApplication, language and direction, theme, the project, the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from quote_desk import __version__
from quote_desk.app.i18n import install_translations, resolve_language
from quote_desk.app.main_window import DeskWindow, ExtractorFactory
from quote_desk.app.paths import default_project_path, demo_project_path
from quote_desk.app.settings import Settings
from quote_desk.errors import QuoteDeskError
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
    failed: tuple[str | Path, QuoteDeskError] | None = None
    try:
        project = ReviewProject.open(project_path)
    except QuoteDeskError as exc:
        # A project that cannot be opened (damaged, busy in another desk, not writable, a folder) must not keep
        # the desk from starting when it was launched from a menu, where nobody reads stderr: open the default
        # project and say why in the window, with the same offers as File > Open (restore a backup).
        fallback = default_project_path()
        if str(project_path) == ":memory:" or Path(project_path).resolve() == fallback.resolve():
            raise
        failed = (project_path, exc)
        print(f"quote-desk: {exc}; opening {fallback} instead", file=sys.stderr)
        project_path = fallback
        project = ReviewProject.open(project_path)
    if str(project_path) != ":memory:":
        settings.add_recent(str(Path(project_path).resolve()))
    window = DeskWindow(project, settings, extractor_factory)
    window.language = language  # type: ignore[attr-defined]
    if failed is not None:
        window.report_open_failure(*failed)
    if demo:
        samples = sample_articles()
        if samples:
            window.import_paths(samples)
    return window


def tr(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


def startup_error_box(message: str) -> QMessageBox:
    """The dialog for a desk that cannot start at all (its project cannot be opened, nor the default one)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "quote_desk", tr("The desk cannot start."), QMessageBox.StandardButton.Close)
    box.setObjectName("startup_error_box")
    box.setInformativeText(message)
    return box


def run_desk(project_path: str | Path | None = None, *, demo: bool = False, lang: str | None = None,
             qt_args: Sequence[str] = ()) -> int:  # fmt: skip
    from PySide6.QtCore import QTimer

    app = make_app(qt_args)
    smoke = int(os.environ["QUOTE_DESK_SMOKE"]) if os.environ.get("QUOTE_DESK_SMOKE", "").isdigit() else None
    try:
        window = open_desk(project_path, demo=demo, lang=lang)
    except QuoteDeskError as exc:  # not even the default project opens: say so where a menu-started desk is seen
        print(f"quote-desk: {exc}", file=sys.stderr)
        box = startup_error_box(str(exc))
        if smoke is not None:
            QTimer.singleShot(smoke, box.close)
        box.exec()
        return 2
    window.show()
    if smoke is not None:  # used by tests: start, show, quit
        QTimer.singleShot(smoke, window.close)
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
