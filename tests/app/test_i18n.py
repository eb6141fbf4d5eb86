from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from quote_desk.app.actions import ACTIONS
from quote_desk.app.i18n import install_translations, resolve_language, tr_n, translations_dir
from quote_desk.app.i18n_build import build_ts, load_catalog

APP = Path(__file__).resolve().parents[2] / "quote_desk" / "app"
CONTEXTS = {"actions.py": "Actions", "models.py": "QuoteTableModel", "speaker_picker.py": "SpeakerPicker",
            "help_overlay.py": "HelpOverlay", "dialogs.py": "Dialogs", "main_window.py": "DeskWindow",
            "models_page.py": "ModelsPage"}  # fmt: skip


def literal_calls(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every tr("literal") and tr_n("Context", "literal", n) call in a module."""
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = node.args
        if node.func.id == "tr" and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
            out.append((CONTEXTS[path.name], args[0].value))
        if node.func.id == "tr_n" and len(args) >= 2 and all(isinstance(a, ast.Constant) for a in args[:2]):
            out.append((args[0].value, args[1].value))
    return out


def test_every_ui_string_has_an_arabic_translation():
    catalog = load_catalog()
    missing = []
    for name in CONTEXTS:
        for ctx, src in literal_calls(APP / name):
            if not catalog.get(ctx, {}).get(src):
                missing.append((ctx, src))
    for spec in ACTIONS:
        for src in (spec.text, spec.tip):
            if src and not catalog["Actions"].get(src):
                missing.append(("Actions", src))
    assert not missing
    assert len(literal_calls(APP / "main_window.py")) > 40  # the scan itself works


def test_ts_and_qm_are_up_to_date():
    d = translations_dir()
    assert (d / "quote_desk_ar.ts").read_text("utf-8") == build_ts(load_catalog())
    assert (d / "quote_desk_ar.qm").stat().st_mtime >= 0 and (d / "quote_desk_ar.qm").stat().st_size > 1000


@pytest.fixture
def arabic(qapp):
    install_translations(qapp, "ar")
    yield qapp
    install_translations(qapp, "en")


def test_arabic_translation_and_direction(arabic):
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QCoreApplication.translate("Actions", "Accept and next") == "قبول والتالي"
    assert QCoreApplication.translate("QuoteTableModel", "Speaker") == "القائل"


def test_arabic_plural_forms(arabic):
    forms = {n: tr_n("DeskWindow", "%n new quote(s)", n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 111)}
    assert forms[0] == "لا اقتباسات جديدة"
    assert forms[1] == "اقتباس جديد واحد"
    assert forms[2] == "اقتباسان جديدان"
    assert forms[3].endswith("اقتباسات جديدة") and forms[10].endswith("اقتباسات جديدة")
    assert forms[11].endswith("اقتباسًا جديدًا") and forms[99].endswith("اقتباسًا جديدًا")
    assert forms[100].endswith("اقتباس جديد") and forms[102].endswith("اقتباس جديد")
    assert forms[111].endswith("اقتباسًا جديدًا")  # 111 % 100 = 11: the 11-99 form
    assert len({forms[0], forms[1], forms[2]} | {forms[n].split(" ", 1)[1] for n in (3, 11, 100)}) == 6
    # Numbers are written with the locale's digits by Qt (%n), e.g. Arabic-Indic ٣.
    assert forms[3].split()[0] in ("3", "٣")


def test_english_has_no_translator(qapp):
    install_translations(qapp, "en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("Actions", "Accept and next") == "Accept and next"
    assert tr_n("DeskWindow", "%n new quote(s)", 3) == "3 new quote(s)"


def test_language_setting_or_system():
    assert resolve_language("ar") == "ar" and resolve_language("en") == "en"
    expected = "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"
    assert resolve_language("") == expected


@pytest.mark.parametrize("args", [["desk", "--reverse"], ["desk", "--lang", "ar"], []])
def test_desk_starts_and_quits(tmp_path, args):
    """`quote-desk` (no args), `quote-desk desk --reverse` and the Arabic UI start, show and quit cleanly."""
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QUOTE_DESK_SMOKE="300", PYTHONPATH=str(root),
               QUOTE_DESK_CONFIG_DIR=str(tmp_path / "c"), QUOTE_DESK_DATA_DIR=str(tmp_path / "d"))  # fmt: skip
    r = subprocess.run([sys.executable, "-m", "quote_desk", *args], env=env, cwd=root, capture_output=True,
                       text=True, timeout=60)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert (tmp_path / "d" / "review.qdproj").exists()
