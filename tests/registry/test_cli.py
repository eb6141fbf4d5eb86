"""`quote-desk speakers …`: a smoke run through every action, and errors as one line without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quote_desk.cli import main
from quote_desk.registry.paths import ENV_HOME, REGISTRY_FILE

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["speakers", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_smoke_every_action(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "h")
    code, out, _ = run(capsys, "--home", home, "list", "--type", "person")
    assert code == 0 and "kaja-kallas\tperson\tكايا كالاس\tKaja Kallas" in out
    code, out, _ = run(capsys, "--home", home, "list", "--search", "كال")
    assert code == 0 and out.splitlines()[0].startswith("kaja-kallas\t")
    code, out, _ = run(capsys, "show", "كالاس", "--home", home)  # --home after the action works too
    assert code == 0 and "id:        kaja-kallas" in out
    code, out, _ = run(capsys, "--home", home, "add", "زيد عبيدات", "--type", "person", "--english", "Zaid Obeidat",
                       "--id", "zaid")
    assert code == 0 and out.startswith("added zaid")
    code, out, _ = run(capsys, "--home", home, "alias", "zaid", "زيد العبيدات")
    assert code == 0 and "زيد العبيدات" in out
    code, out, _ = run(capsys, "--home", home, "rename", "zaid", "زيد محمد عبيدات")
    assert code == 0 and "زيد محمد عبيدات" in out
    code, _, _ = run(capsys, "--home", home, "add", "ز. عبيدات", "--type", "person", "--id", "zaid2")
    code, out, _ = run(capsys, "--home", home, "merge", "zaid", "zaid2")
    assert code == 0 and "merged zaid2" in out
    code, out, _ = run(capsys, "--home", home, "show", "zaid2")
    assert code == 0 and "merged into zaid" in out
    code, out, _ = run(capsys, "--home", home, "link", "عبيدات", "--type", "person")
    assert code == 0 and out.startswith("linked") and "\tzaid\t" in out
    exported = tmp_path / "mine.json"
    code, _, _ = run(capsys, "--home", home, "export", str(exported), "--origin", "user")
    assert code == 0 and exported.is_file()
    other = str(tmp_path / "other")
    code, out, _ = run(capsys, "--home", other, "import", str(exported))
    assert code == 0 and "1 added" in out
    code, out, _ = run(capsys, "--home", other, "show", "zaid")
    assert "زيد العبيدات" in out
    code, out, _ = run(capsys, "--home", home, "export", "-", "--format", "csv", "--origin", "user")
    assert code == 0 and out.splitlines()[0].startswith("id,canonical,english,type")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "nobody-at-all"], "no speaker with id or name"),
        (["alias", "nobody-at-all", "x"], "no speaker with id or name"),
        (["import", "missing.csv"], "no such file"),
        (["add", "كايا كالاس", "--type", "person"], "already in the registry"),
        (["merge", "kaja-kallas", "kaja-kallas"], "already the same speaker"),
    ],
)
def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, _, err = run(capsys, "--home", str(tmp_path / "h"), *args)
    assert code != 0
    assert message in err and err.startswith("quote-desk: error:") and len(err.strip().splitlines()) == 1


def test_corrupted_registry_from_a_real_process(tmp_path: Path) -> None:
    home = tmp_path / "h"
    home.mkdir()
    (home / REGISTRY_FILE).write_bytes(b"garbage" * 100)
    env = {**os.environ, ENV_HOME: str(home), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "quote_desk", "speakers", "list"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "cannot be read" in proc.stderr and str(home / REGISTRY_FILE) in proc.stderr
    assert (home / REGISTRY_FILE).read_bytes() == b"garbage" * 100


def test_registry_and_linking_import_no_qt_or_stanza() -> None:
    code = (
        "import sys, quote_desk.registry, quote_desk.core.linking, quote_desk.cli.speakers;"
        "bad = [m for m in ('PySide6', 'stanza', 'torch') if m in sys.modules]; print(bad); sys.exit(bool(bad))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
