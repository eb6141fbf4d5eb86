"""Interface language: Arabic or English, from settings or the system locale. Arabic sets right-to-left layout.

Our strings come from resources/translations/quote_desk_ar.qm (source: quote_desk_ar.ts, Arabic plural forms);
Qt's own dialogs from qtbase_ar.qm shipped with Qt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES: tuple[str, ...] = ("ar", "en")


def translations_dir() -> Path:
    try:
        from quote_desk.resources import resource_path

        p = resource_path("translations")
        if p.is_dir():
            return p
    except FileNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "resources" / "translations"


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def resolve_language(setting: str | None) -> str:
    return setting if setting in LANGUAGES else system_language()


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Install translators for `lang` (kept referenced by the caller) and set the layout direction."""
    for t in getattr(app, "_quote_desk_translators", []):
        app.removeTranslator(t)
    installed: list[QTranslator] = []
    if lang == "ar":
        ours = QTranslator(app)
        if ours.load(str(translations_dir() / "quote_desk_ar.qm")):
            app.installTranslator(ours)
            installed.append(ours)
        qt = QTranslator(app)
        if qt.load("qtbase_ar", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    app._quote_desk_translators = installed  # type: ignore[attr-defined]
    QLocale.setDefault(QLocale(QLocale.Language.Arabic if lang == "ar" else QLocale.Language.English))
    app.setLayoutDirection(QLocale(lang).textDirection())
    return installed


def tr_n(context: str, text: str, n: int) -> str:
    """Plural-aware translation: `text` contains %n (Arabic has six plural forms)."""
    return QCoreApplication.translate(context, text, None, n)
