"""`quote-desk models status|install|remove`: output, exit codes, one-line errors and no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quote_desk.cli import main


def test_status_installed(tiny_models: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "status", "--dir", str(tiny_models)]) == 0
    out = capsys.readouterr().out
    assert f"models dir: {tiny_models}" in out and "status: installed" in out and "pretrain (for pos)" in out


def test_status_default_dir_follows_quote_desk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QUOTE_DESK_HOME", str(tmp_path))
    assert main(["models"]) == 1
    out = capsys.readouterr().out
    assert f"models dir: {tmp_path / 'stanza'}" in out
    assert "not usable" in out and "quote-desk models install" in out


def test_bad_processor_list_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["models", "status", "--dir", str(tmp_path), "--processors", "tokenize,sentiment"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown stanza processor(s): sentiment" in err


def test_remove(models_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "remove", "--dir", str(models_copy)]) == 0
    assert "removed" in capsys.readouterr().out
    assert main(["models", "remove", "--dir", str(models_copy)]) == 0
    assert "nothing removed" in capsys.readouterr().out


def test_install_failure_is_a_clear_message_not_a_traceback(tmp_path: Path) -> None:
    target = tmp_path / "m"
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from quote_desk.cli import main; sys.exit(main())",
         "models", "install", "--dir", str(target), "--resources-url", "http://127.0.0.1:9"],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("quote-desk: error: could not download the Arabic stanza models")
    assert "copy a models folder" in last
