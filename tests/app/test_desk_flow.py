"""The whole editor flow through real key presses, with the real extraction engine."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from quote_desk.resources import resource_path
from quote_desk.store import ReviewProject
from tests.app.keys import type_text
from tests.store.desk_data import ARTICLES

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def drop_files(window, paths):
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = window.rect().center().toPointF()
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def search(qtbot, w, text):
    """Ctrl+F, type, Enter: the filter narrows the queue and the keyboard goes back to the queue."""
    qtbot.keyClick(w.table, Qt.Key.Key_F, CTRL)
    assert w.filter_text.hasFocus()
    type_text(w.filter_text, text)
    qtbot.keyClick(w.filter_text, Qt.Key.Key_Return)
    assert w.table.hasFocus()
    row = w.current_row()
    assert row is not None and text in row.quote.text
    return row


def clear(qtbot, w):
    qtbot.keyClick(w.table, Qt.Key.Key_F, CTRL | SHIFT)


@pytest.fixture
def articles_dir(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "budget.txt").write_text(ARTICLES["budget"], encoding="utf-8")
    return d


def test_full_flow_through_keys(make_desk, qtbot, articles_dir, tmp_path):
    w = make_desk()  # default extractor factory: the real engine
    samples = sorted(resource_path("samples").glob("*.txt"))
    assert samples, "bundled sample articles are missing"

    # 1. Import: drop the samples folder and one file; paste another article from the clipboard.
    with qtbot.waitSignal(w.import_finished, timeout=30000):
        drop_files(w, [resource_path("samples"), articles_dir / "budget.txt"])
    assert w.progress.isHidden()
    n_after_drop = w.model.rowCount()
    docs = {r.quote.doc for r in w.model.all_rows()}
    assert "budget" in docs and {p.stem for p in samples} <= docs
    QApplication.clipboard().setText(ARTICLES["water"])
    with qtbot.waitSignal(w.import_finished, timeout=30000):
        qtbot.keyClick(w.table, Qt.Key.Key_V, CTRL | SHIFT)
    assert w.model.rowCount() > n_after_drop
    total = w.model.rowCount()
    assert f"0 of {total} quotes reviewed" in w.counter.text()

    # 2. Accept the quote that starts with "=" and the one that starts with "-"; reject another.
    eq = search(qtbot, w, "=الأرقام")
    qtbot.keyClick(w.table, Qt.Key.Key_Return)
    assert w.project.get(eq.id).status == "accepted"
    clear(qtbot, w)
    dash = search(qtbot, w, "-سنصلح")
    qtbot.keyClick(w.table, Qt.Key.Key_Return)
    clear(qtbot, w)
    bread = search(qtbot, w, "الخبز")
    qtbot.keyClick(w.table, Qt.Key.Key_Delete)
    assert w.project.get(bread.id).status == "rejected"
    # Undo and redo a decision: the store follows.
    qtbot.keyClick(w.table, Qt.Key.Key_Z, CTRL)
    assert w.project.get(bread.id).status == "pending"
    qtbot.keyClick(w.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert w.project.get(bread.id).status == "rejected"
    clear(qtbot, w)

    # 3. Edit a speaker through the picker, then widen the span by a word; undo and redo the widening.
    budget = search(qtbot, w, "الميزانية الجديدة")
    qtbot.keyClick(w.table, Qt.Key.Key_F2)
    picker = w.dialog
    assert picker is not None and picker.objectName() == "speaker_picker"
    picker.edit.clear()
    type_text(picker.edit, "ليلى منصور")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert w.project.get(budget.id).quote.speaker_canonical == "ليلى منصور"
    assert w.project.get(budget.id).status == "edited"
    assert w.table.hasFocus()
    before = w.project.get(budget.id).quote
    qtbot.keyClick(w.table, Qt.Key.Key_4, CTRL)  # widen at the end: the quote ends its paragraph, no change
    assert w.project.get(budget.id).quote == before
    qtbot.keyClick(w.table, Qt.Key.Key_1, CTRL)  # widen at the start by one word
    widened = w.project.get(budget.id).quote
    assert widened.start < before.start and widened.text.endswith(before.text)
    assert widened.text.split()[0] == "إن"
    assert w.article_view.qt_span_text("content") == widened.text
    qtbot.keyClick(w.table, Qt.Key.Key_Z, CTRL)
    assert w.project.get(budget.id).quote == before
    qtbot.keyClick(w.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert w.project.get(budget.id).quote == widened
    clear(qtbot, w)
    assert f"4 of {total} quotes reviewed" in w.counter.text()

    # Ctrl+S is harmless: nothing to save, no dialog.
    qtbot.keyClick(w.table, Qt.Key.Key_S, CTRL)
    assert w.dialog is None and "every decision is written" in w.statusBar().currentMessage()

    # 4. Export CSV through the dialog.
    out = tmp_path / "export.csv"
    qtbot.keyClick(w.table, Qt.Key.Key_E, CTRL)
    dlg = w.dialog
    assert dlg is not None and dlg.objectName() == "export_dialog"
    dlg.path.selectAll()
    qtbot.keyClicks(dlg.path, str(out))
    qtbot.keyClick(dlg.path, Qt.Key.Key_Return)
    assert out.exists()
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    got = {r["text"] for r in rows}
    assert got == {"'" + eq.quote.text, "'" + dash.quote.text, widened.text}
    assert {r["status"] for r in rows} == {"accepted", "edited"}
    edited = next(r for r in rows if r["status"] == "edited")
    assert edited["speaker_canonical"] == "ليلى منصور" and edited["speaker"] == before.speaker

    # 5. Decisions survive closing and reopening the project.
    path = w.project.path
    w.close()
    w.project.close()
    with ReviewProject.open(path, create=False) as p:
        assert p.get(eq.id).status == "accepted" and p.get(bread.id).status == "rejected"
        assert p.get(budget.id).quote == widened


def test_bulk_accept_is_one_undo_step_with_confirmation(make_desk, qtbot, articles_dir):
    w = make_desk()
    with qtbot.waitSignal(w.import_finished, timeout=30000):
        drop_files(w, [articles_dir])
    n = w.model.rowCount()
    assert n >= 3
    first = w.current_row()
    qtbot.keyClick(w.table, Qt.Key.Key_Delete)  # one decision before the bulk step
    assert w.project.get(first.id).status == "rejected"
    w.filter_status.setCurrentIndex(w.filter_status.findData("pending"))
    assert w.proxy.rowCount() == n - 1
    qtbot.keyClick(w.table, Qt.Key.Key_Return, CTRL | SHIFT)
    box = w.dialog
    assert box is not None and box.objectName() == "bulk_confirm"
    assert w.project.counts()["accepted"] == 0  # nothing happens before the confirmation
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert w.project.counts() == {"pending": 0, "accepted": n - 1, "rejected": 1, "edited": 0}
    assert w.proxy.rowCount() == 0
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_Z, CTRL)
    assert w.project.counts() == {"pending": n - 1, "accepted": 0, "rejected": 1, "edited": 0}
    qtbot.keyClick(w.table, Qt.Key.Key_Z, CTRL)
    assert w.project.counts()["pending"] == n
    assert w.model.counts == w.project.counts()  # the counter shown follows the store through undo
    assert f"0 of {n} quotes reviewed" in w.counter.text()


def test_reimport_keeps_decisions(make_desk, qtbot, articles_dir):
    w = make_desk()
    with qtbot.waitSignal(w.import_finished, timeout=30000):
        drop_files(w, [articles_dir / "budget.txt"])
    n = w.model.rowCount()
    qtbot.keyClick(w.table, Qt.Key.Key_Return)
    with qtbot.waitSignal(w.import_finished, timeout=30000):
        drop_files(w, [articles_dir / "budget.txt"])
    assert w.model.rowCount() == n
    assert w.project.counts()["accepted"] == 1
    assert "already in the project" in w.statusBar().currentMessage()


def test_bad_files_get_a_message_and_lose_nothing(make_desk, qtbot, tmp_path, articles_dir):
    w = make_desk()
    (articles_dir / "scan.txt").write_bytes(b"%PDF-1.4 not text \x00\x01")
    (articles_dir / "legacy.txt").write_bytes("وقال الوزير: «الوضع مستقر في المدينة».".encode("cp1256"))
    with qtbot.waitSignal(w.import_finished, timeout=30000):
        drop_files(w, [articles_dir])
    assert "scan.txt: this is a PDF document" in w.last_error
    assert "legacy: read as windows-1256 (detected)" in w.last_error  # the assumed encoding is said
    assert {r.quote.doc for r in w.model.all_rows()} == {"budget", "legacy"}
    w.import_paths([tmp_path / "missing.txt"])
    assert "no such file" in w.last_error


def test_cancel_import(make_desk, qtbot, tmp_path):
    import threading

    gate = threading.Event()

    class SlowExtractor:
        def extract(self, text, doc="doc"):
            gate.wait(5)
            return []

    w = make_desk(extractor_factory=SlowExtractor)
    d = tmp_path / "many"
    d.mkdir()
    for i in range(20):
        (d / f"a{i:02d}.txt").write_text(f"نص رقم {i}", encoding="utf-8")
    job = w.import_paths([d])
    assert w.cancel_button.isVisible() and w.progress.isVisible()
    qtbot.mouseClick(w.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert len(w.project.articles()) < 20
    assert "cancelled" in w.statusBar().currentMessage()
    assert w.progress.isHidden()


def test_demo_project_is_prefilled_with_the_samples_once(qtbot, tmp_path):
    from quote_desk.app.main import make_app, open_desk, sample_articles
    from quote_desk.app.paths import demo_project_path

    make_app()
    counts = []
    for _ in range(2):  # the second start finds every sample already there and adds nothing
        w = open_desk(demo=True, lang="en")
        qtbot.addWidget(w)
        qtbot.waitUntil(lambda w=w: w.job is not None and not w.job.running, timeout=30000)
        docs = {r.quote.doc for r in w.model.all_rows()}
        assert docs == {p.stem for p in sample_articles()}
        counts.append(w.model.rowCount())
        assert w.project.path == str(demo_project_path())
        w.close()
        w.project.close()
    assert counts[0] > 0 and counts[0] == counts[1]


def test_arabic_interface_with_arabic_keyboard_layout(make_desk, qtbot, articles_dir):
    from PySide6.QtCore import QEvent

    from tests.app.keys import arabic_key_event

    w = make_desk(lang="ar")
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert w.registry.actions["accept_next"].text() == "قبول والتالي"
        with qtbot.waitSignal(w.import_finished, timeout=30000):
            drop_files(w, [articles_dir / "budget.txt"])
        n = w.model.rowCount()
        assert n == 3 and w.counter.text().startswith("لم يُراجَع أي اقتباس من")
        first, second = w.current_id(), w.neighbour_id(+1)
        # The A key with the Arabic layout active types "ش": it accepts and moves on.
        QApplication.sendEvent(w.table, arabic_key_event(QEvent.Type.KeyPress, "ش"))
        assert w.project.get(first).status == "accepted" and w.current_id() == second
        # The X key types "ء": reject.
        QApplication.sendEvent(w.table, arabic_key_event(QEvent.Type.KeyPress, "ء"))
        assert w.project.get(second).status == "rejected"
        assert w.counter.text().startswith("رُوجع اقتباسان من")  # the Arabic dual
        # Help overlay: F1 shows it (in Arabic, right to left), any key hides it.
        qtbot.keyClick(w.table, Qt.Key.Key_F1)
        assert w.help_overlay.isVisible() and "اختصارات لوحة المفاتيح" in w.help_overlay.label.text()
        assert 'dir="rtl"' in w.help_overlay.label.text()
        qtbot.keyClick(w.help_overlay, Qt.Key.Key_Escape)
        assert not w.help_overlay.isVisible()
    finally:
        from quote_desk.app.i18n import install_translations

        install_translations(QApplication.instance(), "en")


def test_theme_follows_the_palette(make_desk):
    from PySide6.QtGui import QColor, QPalette

    from quote_desk.app.article_view import DARK, LIGHT

    w = make_desk()
    light = w.palette()
    assert w.article_view.colors is (DARK if light.color(QPalette.ColorRole.Base).lightness() < 128 else LIGHT)
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    w.setPalette(dark)  # what a system switch to dark mode delivers (PaletteChange)
    assert w.article_view.colors is DARK and w.model.dark
    w.setPalette(light)
    assert w.article_view.colors is LIGHT and not w.model.dark
