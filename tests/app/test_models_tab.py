"""The Models tab of the settings dialog without models: an empty folder's status, a failing offline install,
and the backend choice reaching the desk's extractor (stanza asked for, not loadable: one notice, rules-only).
The tests with real tiny models are in tests/nlp/test_models_tab_tiny.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from quote_desk.app.models_page import ModelsPage
from quote_desk.app.settings import Settings
from quote_desk.core.nlp import models
from quote_desk.core.nlp.backend import RulesBackend
from quote_desk.store.importing import ArticleSource

ARTICLE = "قال الوزير سامر حداد إن الوضع مستقر.\n"


@pytest.fixture
def page(qtbot) -> ModelsPage:
    p = ModelsPage(Settings())
    qtbot.addWidget(p)
    p.show()
    return p


def test_empty_folder_shows_not_installed_and_where(page: ModelsPage, tmp_path: Path) -> None:
    default = models.default_models_dir()
    assert default == tmp_path / "home" / "stanza"  # the hermetic QUOTE_DESK_HOME
    assert page.folder.text().startswith(str(default)) and "(default)" in page.folder.text()
    assert page.state.text().startswith("Not installed")
    assert "the folder does not exist" in page.problems.text() and "quote-desk models install" in page.problems.text()
    assert page.files.isHidden()
    assert not page.remove_button.isEnabled() and page.install_button.isEnabled()

    empty = tmp_path / "elsewhere"
    empty.mkdir()
    page.set_models_dir(empty)
    assert page.folder.text() == str(empty) and page.default_dir.isEnabled()
    assert "resources.json is missing" in page.problems.text()
    page.set_models_dir(None)
    assert page.models_dir() == default


def test_install_offline_shows_the_managers_message(page: ModelsPage, qtbot, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import requests
    from stanza.resources import common as rc

    calls: list[str] = []

    def offline(*args, **kwargs):
        calls.append("resources")
        raise requests.exceptions.ConnectionError("Failed to establish a new connection: [Errno -3] name resolution")

    monkeypatch.setattr(rc, "download_resources_json", offline)
    target = tmp_path / "models"
    page.set_models_dir(target)
    qtbot.mouseClick(page.install_button, Qt.MouseButton.LeftButton)
    assert page.job is not None and not page.install_button.isEnabled() and page.progress.isVisible()
    with qtbot.waitSignal(page.job.finished, timeout=10000):
        pass
    msg = page.message.text()
    assert calls == ["resources"]
    assert msg.startswith("could not download the Arabic stanza models (the model list (resources.json) could not "
                          "be fetched: ConnectionError")  # fmt: skip
    assert "check the internet connection" in msg and f"copy a models folder from a machine that has them to {target}" in msg
    assert "\n" not in msg and "Traceback" not in msg
    assert page.progress.isHidden() and page.cancel_button.isHidden() and page.install_button.isEnabled()
    assert not target.exists()  # a failed first install leaves no empty folder
    assert page.state.text().startswith("Not installed")


def test_cancel_stops_the_install_between_files(page: ModelsPage, qtbot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import threading

    from quote_desk.core.nlp import stanza_backend

    started = threading.Event()
    go_on = threading.Event()

    def slow_download(directory, procs, progress=None, **kwargs):
        progress(0, 7, "tokenize/tiny.pt")
        started.set()
        go_on.wait(5)
        progress(1, 7, "mwt/tiny.pt")  # the page's callback stops here once cancelled
        raise AssertionError("the install went on after Cancel")

    monkeypatch.setattr(stanza_backend, "download_models", slow_download)
    page.set_models_dir(tmp_path / "models")
    job = page.start_install()
    assert job is not None and started.wait(5)
    qtbot.waitUntil(lambda: page.progress.maximum() == 7)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Cancelling after the current file…"
    with qtbot.waitSignal(job.finished, timeout=10000):
        go_on.set()
    assert page.message.text().startswith("Install cancelled")
    assert not (tmp_path / "models").exists()


def test_closing_the_dialog_during_an_install_cancels_it(make_desk, qtbot, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import threading

    from quote_desk.core.nlp import stanza_backend

    go_on = threading.Event()
    steps: list[int] = []

    def slow_download(directory, procs, progress=None, **kwargs):
        for i in range(3):
            progress(i, 3, f"file{i}")
            steps.append(i)
            go_on.wait(5)
        return []

    monkeypatch.setattr(stanza_backend, "download_models", slow_download)
    w = make_desk()
    dlg = _open_models_tab(w, qtbot)
    dlg.models_page.set_models_dir(tmp_path / "models")
    job = dlg.models_page.start_install()
    qtbot.waitUntil(lambda: steps == [0])
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # the dialog closes (and is deleted) while the download runs
    assert job.cancelled
    with qtbot.waitSignal(job.finished, timeout=10000):
        go_on.set()
    assert steps == [0]  # stopped before the next file; the late callbacks found no page and did nothing
    assert w.dialog is None


def _open_models_tab(w, qtbot):
    w.open_settings()
    dlg = w.dialog
    assert dlg is not None and dlg.objectName() == "settings_dialog"
    dlg.tabs.setCurrentWidget(dlg.models_page)
    return dlg


def test_backend_choice_round_trips_and_reaches_the_extractor(make_desk, qtbot, tmp_path: Path) -> None:
    w = make_desk()
    assert Settings().get("nlp/backend") == "rules"
    dlg = _open_models_tab(w, qtbot)
    page = dlg.models_page
    assert page.backend.currentData() == "rules"
    page.backend.setCurrentIndex(page.backend.findData("stanza"))
    empty = tmp_path / "no-models"
    page.set_models_dir(empty)
    qtbot.keyClick(dlg, Qt.Key.Key_Return)  # OK saves
    saved = Settings()
    assert saved.get("nlp/backend") == "stanza" and saved.get("nlp/models_dir") == str(empty)

    dlg = _open_models_tab(w, qtbot)  # shown again as saved
    assert dlg.models_page.backend.currentData() == "stanza" and dlg.models_page.models_dir() == empty
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)

    # stanza chosen, no models: the import goes on rules-only, and the status bar says why, once
    for doc in ("a1", "a2"):
        with qtbot.waitSignal(w.import_finished, timeout=30000):
            w.import_sources([ArticleSource(doc, ARTICLE + doc, None, None)])
        qtbot.waitUntil(lambda: w.backend_label.isVisible())
    assert len(w.project.article_hashes()) == 2 and w.model.rowCount() >= 2
    notice = w.backend_label.shown[0]
    assert w.backend_label.toolTip().startswith(notice) and "Settings → Models" in w.backend_label.toolTip()
    assert notice.startswith("stanza backend unavailable, using rules-only: Arabic stanza models are not installed "
                             f"at {empty}")  # fmt: skip
    assert w.backend_label.shown == [notice]  # one notice, shown once for two imports
    assert w.backend_label.text() == "Rules only: stanza unavailable"

    seen: list[str] = []
    from quote_desk.app.main_window import default_extractor_factory

    ex = default_extractor_factory(saved.path, seen.append)
    assert isinstance(ex.backend, RulesBackend) and seen == [notice]

    saved.set("nlp/backend", "rules")  # back to rules: no notice, the label goes away
    ex = default_extractor_factory(saved.path, seen.append)
    assert isinstance(ex.backend, RulesBackend) and seen == [notice, ""]
    with qtbot.waitSignal(w.import_finished, timeout=30000):
        w.import_sources([ArticleSource("a3", ARTICLE + "a3", None, None)])
    qtbot.waitUntil(lambda: not w.backend_label.isVisible())


def test_cancel_in_settings_keeps_the_backend(make_desk, qtbot) -> None:
    w = make_desk()
    dlg = _open_models_tab(w, qtbot)
    dlg.models_page.backend.setCurrentIndex(dlg.models_page.backend.findData("stanza"))
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert Settings().get("nlp/backend") == "rules"
