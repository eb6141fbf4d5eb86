"""The desk side of project and export safety: no export overwrites a file without asking, a damaged project
offers its latest backup, a project open in another desk is refused with a clear message, and articles in
every supported format import through the desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from quote_desk.store import ReviewProject, backups
from quote_desk.store.importing import ArticleSource
from tests.store.desk_data import ARTICLES, FakeExtractor


@pytest.fixture
def desk(make_desk, qtbot):
    w = make_desk(extractor_factory=FakeExtractor)
    with qtbot.waitSignal(w.import_finished, timeout=10000):
        w.import_sources([ArticleSource(d, t, t.splitlines()[0], None) for d, t in ARTICLES.items()])
    w.decide_current("accepted")
    w.table.setFocus()
    return w


def visible(w, name: str) -> list[QMessageBox]:
    return [b for b in w.findChildren(QMessageBox, name) if b.isVisible()]


def box(w, name: str) -> QMessageBox:
    found = visible(w, name)
    assert len(found) == 1, f"no {name}"
    return found[0]


def export_to(w, qtbot, path: Path) -> None:
    qtbot.keyClick(w.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dlg = w.dialog
    assert dlg is not None and dlg.objectName() == "export_dialog"
    dlg.path.setText(str(path))
    qtbot.keyClick(dlg.path, Qt.Key.Key_Return)


def test_export_never_overwrites_without_asking(desk, qtbot, tmp_path):
    w = desk
    out = tmp_path / "quotes.csv"
    out.write_text("an earlier export the editor wants to keep\n", encoding="utf-8")
    export_to(w, qtbot, out)
    question = box(w, "overwrite_box")
    assert "already exists" in question.text()
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert out.read_text("utf-8") == "an earlier export the editor wants to keep\n"
    export_to(w, qtbot, out)
    question = box(w, "overwrite_box")
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and "Exported 1 quote" in w.statusBar().currentMessage()
    new = tmp_path / "new.csv"  # a new file needs no question
    export_to(w, qtbot, new)
    assert new.exists() and not visible(w, "overwrite_box")


def test_damaged_project_offers_its_backup(desk, qtbot, tmp_path):
    w = desk
    other = tmp_path / "other.qdproj"
    with ReviewProject.open(other) as p:
        ex = FakeExtractor()
        for i in range(30):
            p.import_article(f"budget-{i}", ARTICLES["budget"], ex.extract(ARTICLES["budget"], f"budget-{i}"))
        p.decide(p.rows()[0].id, "accepted")
    assert backups(other)
    data = other.read_bytes()
    other.write_bytes(data[: len(data) // 3])  # truncated, as by a full disk or a bad copy
    assert not w.switch_project(other)
    question = box(w, "restore_box")
    assert "is damaged" in question.text() and "Restore the latest backup" in question.text()
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert Path(w.project.path) == other
    assert w.project.counts()["accepted"] == 1 and w.model.rowCount() == 30 * 3
    assert "Restored the backup" in w.statusBar().currentMessage()
    assert list(tmp_path.glob("other.qdproj.damaged-*"))


def test_project_open_in_another_desk_is_refused(desk, tmp_path):
    w = desk
    busy = tmp_path / "busy.qdproj"
    holder = ReviewProject.open(busy)
    try:
        before = w.project.path
        assert not w.switch_project(busy)
        assert "already open in another quote_desk" in w.last_error
        assert w.project.path == before  # still on the project it had
    finally:
        holder.close()
    assert w.switch_project(busy)


def test_every_format_imports_through_the_desk(make_desk, qtbot, tmp_path):
    import docx

    w = make_desk(extractor_factory=FakeExtractor)
    d = tmp_path / "in"
    d.mkdir()
    text = ARTICLES["budget"]
    (d / "a.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    (d / "b.html").write_text(f"<html><body><article><p>{'</p><p>'.join(text.splitlines())}</p></article></body></html>",
                              encoding="utf-8")  # fmt: skip
    doc = docx.Document()
    for line in ARTICLES["water"].splitlines():
        doc.add_paragraph(line)
    doc.save(str(d / "c.docx"))
    table = tmp_path / "wire.jsonl"
    table.write_text('{"id": "wire-1", "text": "وقال المتحدث: «نعمل ليلاً ونهاراً»."}\n{"id": "bad"}\n', encoding="utf-8")
    with qtbot.waitSignal(w.import_finished, timeout=30000):
        w.import_paths([d, table])
    docs = {a.doc for a in w.project.articles()}
    assert docs == {"a", "b", "c", "wire-1"}
    assert 'wire.jsonl:2: no "text" field' in w.last_error
    for a in w.project.articles():
        body = w.project.article_text(a.id)
        assert "\r" not in body
    assert w.model.rowCount() >= 6
