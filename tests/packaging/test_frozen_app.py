"""The frozen one-folder app (PyInstaller, packaging/quote_desk.spec) built as `make dist` builds it, moved to a
fresh folder and run with a bare environment (no venv, no PYTHONPATH): --version, extract on a bundled sample
(the same quotes as the checkout), the desk started offscreen and closed cleanly, and install.sh into a prefix.

Slow (a build takes about half a minute to two minutes on 2 cores) but run in CI: PyInstaller comes with the
`dist` extra that `make test` installs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.packaging.helpers import APP_ID, ROOT, SAMPLE, VERSION, checkout_quotes, clean_env, run, tool

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    build = tmp_path_factory.mktemp("frozen")
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_app.py"), "--no-archive",
                           "--dist", str(build / "dist"), "--work", str(build / "work")],
                          capture_output=True, text=True, timeout=1200)  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    print(f"frozen app built in {time.monotonic() - t0:.1f} s")
    # a "clean machine": the app alone in a new folder, far from the checkout and the build tree
    fresh = tmp_path_factory.mktemp("machine") / "quote-desk"
    shutil.copytree(build / "dist" / "quote-desk", fresh, symlinks=True)
    shutil.rmtree(build)
    return fresh


def test_version_and_every_command(app, tmp_path):
    out = run([str(app / "quote-desk"), "--version"], clean_env(tmp_path), tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == f"quote-desk {VERSION}"
    from quote_desk.cli import build_parser

    helptext = run([str(app / "quote-desk"), "--help"], clean_env(tmp_path), tmp_path).stdout
    choices = next(a.choices for a in build_parser()._actions if hasattr(a, "choices") and a.choices)
    for name in choices:  # every sub-command of the checkout is bundled (they are imported by name)
        assert f"\n    {name} " in helptext, name


def test_resources_are_inside_the_app(app):
    res = app / "_internal" / "resources"
    for rel in ("lexicons/cue_verbs.tsv", "registry/seed.json", "translations/quote_desk_ar.qm",
                f"samples/{SAMPLE}.txt", "icons/quote_desk-256.png"):  # fmt: skip
        assert (res / rel).is_file(), rel
    internal = {p.name for p in (app / "_internal").iterdir()}
    assert not {"torch", "stanza", "pytest"} & internal  # the optional backend and dev tools stay out


def test_extract_a_bundled_sample_gives_the_checkouts_quotes(app, tmp_path):
    sample = app / "_internal" / "resources" / "samples" / f"{SAMPLE}.txt"
    out = run([str(app / "quote-desk"), "extract", str(sample), "--format", "jsonl"], clean_env(tmp_path), tmp_path)
    assert out.returncode == 0, out.stderr
    frozen = [json.loads(line) for line in out.stdout.splitlines()]
    assert frozen and frozen == checkout_quotes(ROOT / "resources" / "samples" / f"{SAMPLE}.txt", tmp_path / "ref")
    bad = run([str(app / "quote-desk"), "extract", str(tmp_path / "missing.txt")], clean_env(tmp_path), tmp_path)
    assert bad.returncode != 0 and bad.stderr.startswith("quote-desk: error:")  # one line, no traceback


def test_desk_starts_offscreen_and_closes_cleanly(app, tmp_path):
    env = clean_env(tmp_path)
    t0 = time.monotonic()
    out = run([str(app / "quote-desk"), "desk", "--demo", "--quit-after", "2"], env, tmp_path)
    assert out.returncode == 0, out.stderr
    assert time.monotonic() - t0 < 60
    project = tmp_path / "data" / "demo.qdproj"
    out = run([str(app / "quote-desk"), "export", str(project), "--all", "--format", "jsonl", "-o",
               str(tmp_path / "all.jsonl")], env, tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text("utf-8").splitlines()]
    assert rows and all(r["doc"].startswith("sample_") for r in rows)
    gui = run([str(app / "quote-desk-gui"), "--lang", "ar", "--quit-after", "1"], env, tmp_path)
    assert gui.returncode == 0, gui.stderr


def test_install_sh_into_a_prefix(app, tmp_path):
    prefix = tmp_path / "prefix"
    env = clean_env(tmp_path, PREFIX=str(prefix))
    out = run(["sh", str(app / "install.sh")], env, tmp_path)
    assert out.returncode == 0, out.stderr
    out = run([str(prefix / "bin" / "quote-desk"), "--version"], env, tmp_path)
    assert out.stdout.strip() == f"quote-desk {VERSION}"
    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={prefix}/bin/quote-desk-gui" in desktop.read_text("utf-8")
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    if tool("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(desktop)]).returncode == 0
    out = run(["sh", str(prefix / "lib" / "quote-desk" / "install.sh"), "--uninstall"], env, tmp_path)
    assert out.returncode == 0 and not (prefix / "bin" / "quote-desk").exists() and not desktop.exists()


@pytest.mark.skipif(tool("xvfb-run") is None, reason="xvfb-run not installed (the offscreen run above still ran)")
def test_desk_opens_on_a_real_x_display(app, tmp_path):
    """The bundled xcb platform plugin and its libraries load: the desk opens on Xvfb, in Arabic, and closes."""
    env = clean_env(tmp_path)
    env.pop("QT_QPA_PLATFORM")
    out = run(["xvfb-run", "-a", "env", "QT_QPA_PLATFORM=xcb", str(app / "quote-desk-gui"), "--lang", "ar",
               "--quit-after", "2"], env, tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Could not load the Qt platform plugin" not in out.stderr
