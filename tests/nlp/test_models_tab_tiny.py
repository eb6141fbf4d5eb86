"""The desk's Models tab on real tiny stanza models: status of an installed folder, remove after confirmation,
and the stanza backend reaching the desk's extractor (no notice when the models load)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from quote_desk.core.nlp import models


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTE_DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("QUOTE_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUOTE_DESK_HOME", str(tmp_path / "home"))


@pytest.fixture
def page(qtbot):
    from quote_desk.app.models_page import ModelsPage
    from quote_desk.app.settings import Settings

    p = ModelsPage(Settings())
    qtbot.addWidget(p)
    p.show()
    return p


def _rows(page) -> list[tuple[str, str, str]]:
    t = page.files
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_status_of_a_tiny_model_folder(page, tiny_models: Path) -> None:
    page.set_models_dir(tiny_models)
    st = models.status(tiny_models)
    assert st.installed
    assert page.folder.text() == str(tiny_models)
    assert page.state.text().startswith(f"Installed: {len(st.files)} models, ")
    assert f"(stanza {st.stanza_version})" in page.state.text()
    rows = _rows(page)
    assert len(rows) == len(st.files) >= 6
    labels = [r[0] for r in rows]
    for proc in models.DEFAULT_PROCESSORS:
        assert proc in labels
    assert any(label.startswith("pretrain (") for label in labels)  # a dependency, with the processor it serves
    assert all(r[2] != "missing" and r[2][0].isdigit() for r in rows)
    assert page.problems.isHidden() and page.files.isVisible()
    assert page.remove_button.isEnabled()


def test_status_names_a_missing_file(page, models_copy: Path) -> None:
    (models_copy / "ar" / "ner" / "tiny.pt").unlink()
    page.set_models_dir(models_copy)
    assert page.state.text().startswith("Not usable: 1 of ")
    assert ("ner", "tiny", "missing") in _rows(page)
    assert "missing ner/tiny.pt" in page.problems.text()


def _answer(qtbot, page, button: QMessageBox.StandardButton) -> None:
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    box = page.question  # the box just opened (an answered one is deleted later)
    assert box.objectName() == "remove_models_box" and box.isVisible()
    assert str(page.models_dir()) in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def test_remove_asks_first_then_removes(page, qtbot, models_copy: Path) -> None:
    page.set_models_dir(models_copy)
    _answer(qtbot, page, QMessageBox.StandardButton.No)
    assert (models_copy / "resources.json").is_file() and models.status(models_copy).installed
    _answer(qtbot, page, QMessageBox.StandardButton.Yes)
    assert not (models_copy / "ar").exists() and not (models_copy / "resources.json").exists()
    assert page.message.text() == f"Removed the Arabic models from {models_copy}."
    assert page.state.text().startswith("Not installed")
    assert page.files.isHidden() and not page.remove_button.isEnabled()


def test_stanza_setting_reaches_the_desk_extractor(qtbot, tiny_models: Path, tmp_path: Path) -> None:
    from quote_desk.app.main import make_app, open_desk
    from quote_desk.app.main_window import default_extractor_factory
    from quote_desk.app.settings import Settings
    from quote_desk.store.importing import ArticleSource

    make_app()
    settings = Settings()
    w = open_desk(tmp_path / "desk.qdproj", lang="en", settings=settings)
    qtbot.addWidget(w)
    try:
        w.open_settings()
        dlg = w.dialog
        page = dlg.models_page
        page.backend.setCurrentIndex(page.backend.findData("stanza"))
        page.set_models_dir(tiny_models)
        assert page.state.text().startswith("Installed:")
        dlg.accept()
        assert Settings().get("nlp/backend") == "stanza" and Settings().get("nlp/models_dir") == str(tiny_models)

        seen: list[str] = []
        ex = default_extractor_factory(settings.path, seen.append)
        assert ex.backend.name == "stanza" and ex.backend.models_dir == tiny_models and seen == [""]

        text = "وقال الوزير سامر حداد إن الوضع الأمني مستقر.\n"
        with qtbot.waitSignal(w.import_finished, timeout=60000):
            w.import_sources([ArticleSource("s1", text, None, None)])
        assert w.project.article_hashes().keys() == {"s1"}
        assert w.backend_label.isHidden() and w.backend_label.shown == []
    finally:
        w.close()
        w.project.close()



@pytest.fixture
def local_host(tiny_models: Path, tmp_path: Path):
    """A local stand-in for stanza's model hosting serving the tiny models (as in test_models.py)."""
    import hashlib
    import json
    import shutil

    from stanza.resources.common import DEFAULT_RESOURCES_VERSION

    from tests.nlp.test_models import _Server

    srv = tmp_path / "srv"
    shutil.copytree(tiny_models / "ar", srv / "ar")
    res = json.loads((tiny_models / "resources.json").read_text(encoding="utf-8"))
    for proc, packages in res["ar"].items():
        if isinstance(packages, dict) and "tiny" in packages:
            packages["tiny"]["md5"] = hashlib.md5((srv / "ar" / proc / "tiny.pt").read_bytes()).hexdigest()
    (srv / f"resources_{DEFAULT_RESOURCES_VERSION}.json").write_text(json.dumps(res), encoding="utf-8")
    server = _Server(srv)
    try:
        yield server.url
    finally:
        server.close()


def test_install_from_a_local_host_shows_progress_then_the_status(page, qtbot, tmp_path: Path, local_host: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The page's Install on stanza's real downloader, pointed at the local host instead of the internet."""
    from stanza.resources import common as rc

    monkeypatch.setattr(rc, "DEFAULT_RESOURCES_URL", local_host)
    monkeypatch.setattr(rc, "DEFAULT_MODEL_URL", local_host + "/{lang}/{filename}")
    target = tmp_path / "home" / "stanza"
    assert page.models_dir() == target and page.state.text().startswith("Not installed")
    totals: list[int] = []
    job = page.start_install()
    shown = job.on_progress
    job.on_progress = lambda d, t, label: (totals.append(t), shown(d, t, label))
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    assert 7 in totals and page.progress.maximum() == 7  # the bar got the file count
    assert page.message.text().startswith("Installed the Arabic models (")
    assert page.state.text().startswith("Installed: 7 models, ")
    assert models.status(target).installed and page.remove_button.isEnabled() and page.progress.isHidden()
