"""The model manager: where models live, status, checks before stanza, install with stanza's downloader, remove."""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from quote_desk.core.nlp import models
from quote_desk.core.nlp.backend import RulesBackend
from quote_desk.errors import QuoteDeskError

# --- where -------------------------------------------------------------------------------------------------


def test_models_dir_follows_quote_desk_home(tmp_path: Path) -> None:
    assert models.default_models_dir({"QUOTE_DESK_HOME": str(tmp_path)}) == tmp_path / "stanza"


def test_models_dir_defaults_to_platform_data_dir() -> None:
    import platformdirs

    d = models.default_models_dir({})
    assert d == Path(platformdirs.user_data_dir("quote_desk", appauthor=False)) / "stanza"


def test_resolve_dir_uses_env_when_no_dir_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTE_DESK_HOME", str(tmp_path))
    assert models.resolve_dir(None) == tmp_path / "stanza"
    assert models.resolve_dir(tmp_path / "x") == tmp_path / "x"


# --- processors --------------------------------------------------------------------------------------------


def test_processor_list_is_validated_and_ordered() -> None:
    assert models.normalise_processors(None) == models.DEFAULT_PROCESSORS
    assert models.normalise_processors("ner, tokenize") == ("tokenize", "ner")
    with pytest.raises(models.ModelConfigError, match=r"unknown stanza processor.*quotes"):
        models.normalise_processors("tokenize,quotes")
    with pytest.raises(models.ModelConfigError, match="depparse needs lemma"):
        models.normalise_processors("tokenize,mwt,pos,depparse")
    with pytest.raises(models.ModelConfigError, match="no stanza processors"):
        models.normalise_processors(" , ")


# --- status and check (no stanza import needed) -------------------------------------------------------------


def test_status_of_installed_tiny_models(tiny_models: Path) -> None:
    st = models.status(tiny_models)
    assert st.installed, st.problems
    assert {f.processor for f in st.files} == {*models.DEFAULT_PROCESSORS, "pretrain"}
    assert all(f.present and f.size > 0 for f in st.files)
    text = st.summary()
    assert str(tiny_models) in text and "status: installed" in text
    assert models.check(tiny_models).installed


@pytest.mark.parametrize(
    ("breakage", "error", "words"),
    [
        ("no_dir", models.ModelsNotInstalledError, "folder does not exist"),
        ("no_resources", models.ModelsNotInstalledError, "resources.json is missing"),
        ("bad_json", models.ModelsCorruptError, "resources.json cannot be read"),
        ("no_ar_entry", models.ModelsNotInstalledError, "no Arabic"),
        ("no_ar_dir", models.ModelsIncompleteError, "missing tokenize/tiny.pt"),
        ("no_pos_file", models.ModelsIncompleteError, "missing pos/tiny.pt"),
        ("no_pretrain", models.ModelsIncompleteError, "missing pretrain/tiny.pt"),
        ("html_page", models.ModelsCorruptError, "not a model file: ner/tiny.pt"),
        ("empty_file", models.ModelsCorruptError, "not a model file: mwt/tiny.pt"),
        ("processor_not_in_models", models.ModelConfigError, "no ner model"),
    ],
)
def test_check_reports_each_broken_install_clearly(models_copy: Path, breakage: str, error: type,
                                                   words: str) -> None:
    d = models_copy
    res = d / "resources.json"
    if breakage == "no_dir":
        shutil.rmtree(d)
    elif breakage == "no_resources":
        res.unlink()
    elif breakage == "bad_json":
        res.write_text("{not json", encoding="utf-8")
    elif breakage == "no_ar_entry":
        res.write_text("{}", encoding="utf-8")
    elif breakage == "no_ar_dir":
        shutil.rmtree(d / "ar")
    elif breakage == "no_pos_file":
        (d / "ar/pos/tiny.pt").unlink()
    elif breakage == "no_pretrain":
        (d / "ar/pretrain/tiny.pt").unlink()
    elif breakage == "html_page":
        (d / "ar/ner/tiny.pt").write_text("<html>rate limited</html>", encoding="utf-8")
    elif breakage == "empty_file":
        (d / "ar/mwt/tiny.pt").write_bytes(b"")
    elif breakage == "processor_not_in_models":
        data = json.loads(res.read_text(encoding="utf-8"))
        del data["ar"]["ner"], data["ar"]["packages"]["default"]["ner"], data["ar"]["default_processors"]["ner"]
        res.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(error) as info:
        models.check(d)
    msg = str(info.value)
    assert words in msg
    assert isinstance(info.value, QuoteDeskError)
    # every message says what to do
    assert "quote-desk models install" in msg or "leave" in msg or "copy" in msg
    st = models.status(d)
    assert not st.installed and st.problems
    assert "status: not usable" in st.summary()


def test_not_installed_message_explains_copying_a_folder(tmp_path: Path) -> None:
    with pytest.raises(models.ModelsNotInstalledError) as info:
        models.check(tmp_path / "nothing")
    msg = str(info.value)
    assert "copy a models folder from another machine" in msg and "resources.json and ar/" in msg
    assert str(tmp_path / "nothing") in msg


# --- selection with a visible fallback ----------------------------------------------------------------------


def test_select_backend_falls_back_to_rules_with_a_notice(tmp_path: Path) -> None:
    choice = models.select_backend("stanza", tmp_path / "missing")
    assert isinstance(choice.backend, RulesBackend)
    assert choice.notice and "using rules-only" in choice.notice and "quote-desk models install" in choice.notice
    plain = models.select_backend("rules")
    assert isinstance(plain.backend, RulesBackend) and plain.notice is None
    odd = models.select_backend("spacy")
    assert isinstance(odd.backend, RulesBackend) and "unknown backend" in (odd.notice or "")


def test_select_backend_loads_stanza_when_installed(tiny_models: Path) -> None:
    choice = models.select_backend("stanza", tiny_models)
    assert choice.notice is None
    assert choice.backend.name == "stanza"


# --- remove -------------------------------------------------------------------------------------------------


def test_remove_deletes_models_but_not_other_files(models_copy: Path) -> None:
    (models_copy / "notes.txt").write_text("mine", encoding="utf-8")
    assert models.remove(models_copy) is True
    assert not (models_copy / "ar").exists() and not (models_copy / "resources.json").exists()
    assert (models_copy / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert models.remove(models_copy) is False


# --- install with stanza's own downloader -------------------------------------------------------------------


def test_install_offline_says_what_to_do(tmp_path: Path, no_network: list[str]) -> None:
    target = tmp_path / "models"
    with pytest.raises(models.ModelDownloadError) as info:
        models.install(target, resources_url="http://127.0.0.1:9")
    msg = str(info.value)
    assert "could not download" in msg and "internet connection" in msg and "copy a models folder" in msg
    assert str(target) in msg
    assert not target.exists()  # no empty folder left behind


class _Server:
    """A local stand-in for stanza's model hosting: resources_<version>.json plus the model files."""

    def __init__(self, root: Path) -> None:
        root_str = str(root)

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=root_str, **kw)

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def model_server(tiny_models: Path, tmp_path: Path) -> Iterator[tuple[_Server, Path]]:
    from stanza.resources.common import DEFAULT_RESOURCES_VERSION

    srv = tmp_path / "srv"
    shutil.copytree(tiny_models / "ar", srv / "ar")
    res = json.loads((tiny_models / "resources.json").read_text(encoding="utf-8"))
    for proc, packages in res["ar"].items():
        if isinstance(packages, dict) and "tiny" in packages:
            pt = srv / "ar" / proc / "tiny.pt"
            packages["tiny"]["md5"] = hashlib.md5(pt.read_bytes()).hexdigest()
    (srv / f"resources_{DEFAULT_RESOURCES_VERSION}.json").write_text(json.dumps(res), encoding="utf-8")
    server = _Server(srv)
    try:
        yield server, srv
    finally:
        server.close()


def test_install_downloads_with_progress_then_loads(model_server: tuple[_Server, Path], tmp_path: Path) -> None:
    server, _ = model_server
    target = tmp_path / "home" / "stanza"
    seen: list[tuple[int, int, str]] = []
    st = models.install(target, progress=lambda d, t, label: seen.append((d, t, label)),
                        resources_url=server.url, model_url=server.url + "/{lang}/{filename}")
    assert st.installed
    assert (target / "resources.json").is_file()
    labels = [label for _, _, label in seen]
    assert "pos/tiny.pt" in labels and "pretrain/tiny.pt" in labels and labels[-1] == "done"
    totals = {t for _, t, _ in seen if t}
    assert totals == {7}
    assert [d for d, t, _ in seen if t] == list(range(8))
    from quote_desk.core.nlp.stanza_backend import StanzaBackend

    text = "وقال الوزير سامر حداد إن الوضع الأمني مستقر."
    (a,) = StanzaBackend(target).analyse(text, [(0, len(text))])
    assert a.words


def test_install_reports_a_broken_download(model_server: tuple[_Server, Path], tmp_path: Path) -> None:
    server, srv = model_server
    (srv / "ar" / "depparse" / "tiny.pt").unlink()  # the host answers 404 for this one
    target = tmp_path / "models"
    with pytest.raises(models.ModelDownloadError, match=r"depparse/tiny\.pt could not be downloaded"):
        models.install(target, resources_url=server.url, model_url=server.url + "/{lang}/{filename}")
    st = models.status(target)
    assert not st.installed
    assert any("depparse/tiny.pt" in p for p in st.problems)
