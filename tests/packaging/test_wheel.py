"""`python -m build` makes a clean sdist and wheel; the wheel installed in an empty venv gives working commands
with the resources found inside the installed package, and the same quotes as the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, SAMPLE, VERSION, checkout_quotes, clean_env, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], capture_output=True,
                          text=True, timeout=600)  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def venv(built, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """An empty venv (no system site-packages): the wheel alone first (the desk must explain what is missing),
    then with its desk extra. Returns the venv and the output of `quote-desk desk` without PySide6."""
    where = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, timeout=300)
    wheel = next(built.glob("*.whl"))
    pip = [str(where / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    proc = subprocess.run([*pip, str(wheel)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    home = tmp_path_factory.mktemp("home")
    no_desk = run([str(where / "bin" / "quote-desk"), "desk"], clean_env(home), home)
    proc = subprocess.run([*pip, f"{wheel}[desk]"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return where, no_desk


def test_without_the_desk_extra_the_desk_says_what_to_install(venv):
    _, out = venv
    assert out.returncode != 0
    assert out.stderr.strip() == ("quote-desk: error: the desk needs PySide6-Essentials: "
                                  "pip install PySide6-Essentials (the 'desk' extra)")  # fmt: skip


def test_sdist_and_wheel_contents(built):
    names = sorted(p.name for p in built.iterdir())
    assert names == [f"quote_desk-{VERSION}-py3-none-any.whl", f"quote_desk-{VERSION}.tar.gz"]
    with zipfile.ZipFile(built / f"quote_desk-{VERSION}-py3-none-any.whl") as z:
        files = set(z.namelist())
        entry_points = z.read(f"quote_desk-{VERSION}.dist-info/entry_points.txt").decode()
    for rel in ("quote_desk/resources/lexicons/cue_verbs.tsv", "quote_desk/resources/registry/seed.json",
                "quote_desk/resources/translations/quote_desk_ar.qm", "quote_desk/resources/icons/quote_desk.svg",
                "quote_desk/resources/samples/" + SAMPLE + ".txt", "quote_desk/app/main.py", "quote_desk/cli/desk.py"):  # fmt: skip
        assert rel in files, rel
    assert not any(n.startswith(("tests/", "packaging/")) for n in files)
    assert "quote-desk = quote_desk.cli:main" in entry_points
    assert "quote-desk-gui = quote_desk.app.main:main" in entry_points
    with tarfile.open(built / f"quote_desk-{VERSION}.tar.gz") as t:
        members = {m.split("/", 1)[1] for m in t.getnames() if "/" in m}
    for rel in ("pyproject.toml", "README.md", "CHANGELOG.md", "resources/lexicons/cue_verbs.tsv",
                "packaging/quote_desk.spec", "tests/packaging/test_wheel.py", "docs/screenshots/desk_en.png"):  # fmt: skip
        assert rel in members, rel
    assert not any("__pycache__" in m or m.endswith(".pyc") for m in members)


def test_installed_commands_work_with_resources_in_the_package(venv, tmp_path):
    env = clean_env(tmp_path)
    bindir = venv[0] / "bin"
    out = run([str(bindir / "quote-desk"), "--version"], env, tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == f"quote-desk {VERSION}"
    code = "from quote_desk.resources import resources_dir; import quote_desk; print(resources_dir()); print(quote_desk.__file__)"
    out = run([str(bindir / "python"), "-c", code], env, tmp_path)
    res, pkg = (Path(line) for line in out.stdout.split())
    assert res == Path(pkg).parent / "resources" and str(venv[0]) in str(res)  # inside site-packages, not the checkout
    sample = res / "samples" / f"{SAMPLE}.txt"
    out = run([str(bindir / "quote-desk"), "extract", str(sample), "--format", "jsonl"], env, tmp_path)
    assert out.returncode == 0, out.stderr
    installed = [json.loads(line) for line in out.stdout.splitlines()]
    assert installed and installed == checkout_quotes(ROOT / "resources" / "samples" / f"{SAMPLE}.txt", tmp_path / "ref")
    out = run([str(bindir / "quote-desk"), "speakers", "show", "كالاس"], env, tmp_path)
    assert out.returncode == 0 and "kaja-kallas" in out.stdout  # the seed registry shipped in the wheel


def test_installed_desk_starts_offscreen_and_closes(venv, tmp_path):
    env = clean_env(tmp_path)
    bindir = venv[0] / "bin"
    out = run([str(bindir / "quote-desk"), "desk", "--demo", "--quit-after", "2"], env, tmp_path)
    assert out.returncode == 0, out.stderr
    project = tmp_path / "data" / "demo.qdproj"
    assert project.is_file()
    out = run([str(bindir / "quote-desk"), "export", str(project), "--all", "--format", "jsonl", "-o",
               str(tmp_path / "all.jsonl")], env, tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text("utf-8").splitlines()]
    assert rows and all(r["doc"].startswith("sample_") for r in rows)
    gui = run([str(bindir / "quote-desk-gui"), "--quit-after", "1"], env, tmp_path)
    assert gui.returncode == 0, gui.stderr
