"""More of the desk through keys: kind and span nudges, settings rebinding, export of the current filter,
switching projects."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from quote_desk.app.settings import Settings
from quote_desk.store import ReviewProject
from quote_desk.store.importing import ArticleSource
from tests.store.desk_data import ARTICLES, FakeExtractor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def desk(make_desk, qtbot):
    w = make_desk(extractor_factory=FakeExtractor)
    with qtbot.waitSignal(w.import_finished, timeout=10000):
        w.import_sources([ArticleSource(d, t, t.splitlines()[0], None) for d, t in ARTICLES.items()])
    w.table.setFocus()
    return w


def test_kind_and_narrowing_by_keys_with_undo(desk, qtbot):
    w = desk
    row = w.current_row()
    assert row.quote.kind == "direct"
    qtbot.keyClick(w.table, Qt.Key.Key_F4)
    assert w.project.get(row.id).quote.kind == "indirect"
    qtbot.keyClick(w.table, Qt.Key.Key_F4)
    assert w.project.get(row.id).quote.kind == "mixed"
    words = row.quote.text.split()
    qtbot.keyClick(w.table, Qt.Key.Key_2, CTRL)  # narrow at the start
    assert w.project.get(row.id).quote.text == " ".join(words[1:])
    qtbot.keyClick(w.table, Qt.Key.Key_3, CTRL)  # narrow at the end
    assert w.project.get(row.id).quote.text == " ".join(words[1:-1])
    assert w.article_view.qt_span_text("content") == " ".join(words[1:-1])
    for _ in range(4):
        qtbot.keyClick(w.table, Qt.Key.Key_Z, CTRL)
    back = w.project.get(row.id)
    assert back.quote == row.quote and back.status == "pending"
    actions = [e.action for e in w.project.log(row.id)]
    assert actions == ["edit"] * 4 + ["undo"] * 4
    assert "Undo" in w.registry.actions["undo"].text()


def test_rebinding_a_shortcut_in_settings(desk, qtbot):
    w = desk
    qtbot.keyClick(w.table, Qt.Key.Key_Comma, CTRL)
    dlg = w.dialog
    assert dlg is not None and dlg.objectName() == "settings_dialog"
    dlg.key_edits["accept_next"].setKeySequence(QKeySequence("Ctrl+J"))
    dlg.reviewer.setText("سارة")
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    assert w.registry.actions["accept_next"].shortcuts()[0].toString() == "Ctrl+J"
    saved = Settings()
    assert saved.shortcut_overrides()["accept_next"][0] == "Ctrl+J"
    assert saved.get("review/reviewer") == "سارة" and w.project.reviewer == "سارة"
    first = w.current_id()
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_J, CTRL)
    assert w.project.get(first).status == "accepted" and w.project.get(first).reviewer == "سارة"


def test_export_current_filter_as_jsonl(desk, qtbot, tmp_path):
    w = desk
    w.filter_article.setCurrentIndex(w.filter_article.findData("water"))
    assert w.proxy.rowCount() == 2
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key.Key_E, CTRL)
    dlg = w.dialog
    dlg.fmt.setCurrentIndex(dlg.fmt.findData("jsonl"))
    dlg.scope.setCurrentIndex(dlg.scope.findData("filter"))
    out = tmp_path / "water.jsonl"
    dlg.path.setText(str(out))
    qtbot.keyClick(dlg.path, Qt.Key.Key_Return)
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [d["doc"] for d in lines] == ["water", "water"]
    assert {d["status"] for d in lines} == {"pending"}


def test_switch_project_and_recent(desk, tmp_path):
    w = desk
    first = w.current_id()
    w.decide_current("accepted")
    assert w.undo_stack.count() == 1
    other = tmp_path / "other.qdproj"
    assert w.switch_project(other)
    assert w.model.rowCount() == 0 and w.undo_stack.count() == 0
    assert "Import articles" in w.article_title.text()
    assert Settings().recent_projects()[0] == str(other.resolve())
    bad = tmp_path / "bad.qdproj"
    bad.write_bytes(b"not sqlite" * 200)
    assert not w.switch_project(bad)
    assert "not a quote_desk review project" in w.last_error
    assert w.project.path == str(other)  # the open project stays
    with ReviewProject.open(tmp_path / "desk.qdproj", create=False) as p:
        assert p.get(first).status == "accepted"
