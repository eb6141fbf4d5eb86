"""Every error stanza raises while loading (the table in the README) becomes a clear QuoteDeskError.

`load_pipeline(..., check=False)` skips our own file checks so that stanza's real exceptions are raised by the
real loading code on broken copies of the tiny models; test_models.py shows the checks catch the same cases
before stanza sees them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quote_desk.core.nlp import models
from quote_desk.core.nlp.stanza_backend import load_pipeline, translate_error

FULL = ",".join(models.DEFAULT_PROCESSORS)


def _break(d: Path, how: str) -> str:
    """Damage the copy; return the processors to ask for."""
    res = d / "resources.json"
    if how == "no_resources":
        res.unlink()
    elif how == "no_ar_dir":
        shutil.rmtree(d / "ar")
    elif how == "one_file_missing":
        (d / "ar/pos/tiny.pt").unlink()
    elif how == "pretrain_missing":
        (d / "ar/pretrain/tiny.pt").unlink()
    elif how == "processor_unknown_to_resources":
        data = json.loads(res.read_text(encoding="utf-8"))
        del data["ar"]["ner"], data["ar"]["packages"]["default"]["ner"], data["ar"]["default_processors"]["ner"]
        res.write_text(json.dumps(data), encoding="utf-8")
        shutil.rmtree(d / "ar/ner")
    elif how == "depparse_without_lemma":
        return "tokenize,mwt,pos,depparse"
    elif how == "corrupt_file":
        (d / "ar/pos/tiny.pt").write_bytes(b"\x00garbage" * 100)
    elif how == "wrong_kind":
        shutil.copyfile(d / "ar/pos/tiny.pt", d / "ar/tokenize/tiny.pt")
    elif how == "no_language_entry":
        res.write_text("{}", encoding="utf-8")
    return FULL


CASES = [
    # (damage, stanza's own exception, our error, words in our message)
    ("no_resources", "ResourcesFileNotFoundError", models.ModelsNotInstalledError, "resources.json is missing"),
    ("no_ar_dir", "LanguageNotDownloadedError", models.ModelsNotInstalledError, "ar/ folder is missing"),
    ("one_file_missing", "FileNotFoundError", models.ModelsIncompleteError, "pos/tiny.pt"),
    ("pretrain_missing", "FileNotFoundError", models.ModelsIncompleteError, "pretrain/tiny.pt"),
    ("processor_unknown_to_resources", "UnsupportedProcessorError", models.ModelConfigError, "no ner model"),
    ("depparse_without_lemma", "PipelineRequirementsException", models.ModelConfigError, "do not fit together"),
    ("corrupt_file", "UnpicklingError", models.ModelsCorruptError, "cannot be loaded"),
    ("wrong_kind", "KeyError", models.ModelsCorruptError, "wrong kind"),
    ("no_language_entry", "ValueError", models.ModelsNotInstalledError, "no usable Arabic entry"),
]


@pytest.mark.parametrize(("how", "stanza_error", "ours", "words"), CASES, ids=[c[0] for c in CASES])
def test_stanza_loading_errors_are_translated(models_copy: Path, how: str, stanza_error: str, ours: type,
                                              words: str, no_network: list[str]) -> None:
    procs = _break(models_copy, how)
    with pytest.raises(ours) as info:
        load_pipeline(models_copy, procs, check=False)
    cause = info.value.__cause__
    assert cause is not None
    names = {c.__name__ for c in type(cause).__mro__}
    assert stanza_error in names, f"stanza raised {type(cause).__name__}: {cause}"
    msg = str(info.value)
    assert words in msg
    assert str(models_copy) in msg or "processors" in msg
    assert no_network == []  # download_method=None: stanza never reached for the network


def test_network_errors_while_loading_mean_download_trouble(tmp_path: Path) -> None:
    import requests

    err = translate_error(requests.exceptions.ConnectionError("Max retries exceeded"), tmp_path)
    assert isinstance(err, models.ModelDownloadError)
    assert "internet connection" in str(err) and "copy a models folder" in str(err)


def test_a_failed_load_is_not_cached(models_copy: Path) -> None:
    (models_copy / "ar/pos/tiny.pt").rename(models_copy / "pos.bak")
    with pytest.raises(models.ModelsIncompleteError):
        load_pipeline(models_copy)
    (models_copy / "pos.bak").rename(models_copy / "ar/pos/tiny.pt")
    assert load_pipeline(models_copy) is load_pipeline(models_copy)


def test_stanza_missing_is_a_clear_message(tiny_models: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from quote_desk.core.nlp import stanza_backend

    monkeypatch.setitem(sys.modules, "stanza", None)  # `import stanza` now fails like an uninstalled package
    with pytest.raises(models.StanzaNotInstalledError, match=r"pip install 'quote-desk\[stanza\]'"):
        stanza_backend.load_pipeline(tiny_models, "tokenize,mwt", check=False)
    monkeypatch.setattr(models, "stanza_available", lambda: False)
    choice = models.select_backend("stanza", tiny_models, "tokenize,mwt")
    assert choice.backend.name == "rules" and "quote-desk[stanza]" in (choice.notice or "")
