"""One version everywhere (pyproject is the source), the resource helper in the checkout, the icons."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import quote_desk
from quote_desk.resources import resource_path, resources_dir
from tests.packaging.helpers import APP_ID, LINUX, PROJECT, ROOT, VERSION


def test_package_version_is_the_pyproject_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    assert quote_desk.__version__ == VERSION


def test_cli_reports_the_version():
    out = subprocess.run([sys.executable, "-m", "quote_desk", "--version"], capture_output=True, text=True,
                         cwd=ROOT, check=True)  # fmt: skip
    assert out.stdout.strip() == f"quote-desk {VERSION}"


def test_changelog_and_metainfo_start_with_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    first = re.search(r"^## \[?(\d+\.\d+\.\d+)\]?", changelog, re.M)
    assert first and first.group(1) == VERSION
    tree = ET.parse(LINUX / f"{APP_ID}.metainfo.xml")
    releases = tree.getroot().findall("./releases/release")
    assert releases and releases[0].get("version") == VERSION
    assert tree.getroot().findtext("id") == APP_ID


def test_spec_and_desktop_file_agree_with_the_project():
    spec = (ROOT / "packaging" / "quote_desk.spec").read_text("utf-8")
    assert "pyproject.toml" in spec and f'APP_ID = "{APP_ID}"' in spec
    desktop = (LINUX / f"{APP_ID}.desktop").read_text("utf-8")
    fields = dict(line.split("=", 1) for line in desktop.splitlines() if "=" in line and "[" not in line.split("=")[0])
    assert fields["Icon"] == APP_ID
    # the desktop entry starts the GUI script of the wheel, which is also the frozen app's second program
    assert fields["Exec"].split()[0] == "quote-desk-gui" and "quote-desk-gui" in PROJECT["gui-scripts"]
    assert PROJECT["scripts"]["quote-desk"] == "quote_desk.cli:main"
    app_main = (ROOT / "quote_desk" / "app" / "main.py").read_text("utf-8")
    assert f'APP_ID = "{APP_ID}"' in app_main  # QGuiApplication.setDesktopFileName matches the .desktop name


def test_resources_found_in_the_checkout():
    assert resources_dir() == ROOT / "resources"
    for part in ("lexicons/cue_verbs.tsv", "registry/seed.json", "translations/quote_desk_ar.qm",
                 "icons/quote_desk.svg", "icons/quote_desk-256.png"):  # fmt: skip
        assert resource_path(*part.split("/")).is_file(), part


def test_resources_helper_prefers_the_frozen_bundle(tmp_path, monkeypatch):
    """In a frozen app sys._MEIPASS/resources wins (the real frozen app is run in test_frozen_app)."""
    (tmp_path / "resources" / "lexicons").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources_dir.cache_clear()
    try:
        assert resources_dir() == tmp_path / "resources"
    finally:
        resources_dir.cache_clear()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_are_rendered_from_the_svg(qapp):
    """Each committed PNG has its size and matches a fresh rendering of the SVG (run `make icons` if not)."""
    from PySide6.QtGui import QImage

    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import make_icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    for size in make_icons.PNG_SIZES:
        data = make_icons.png_path(size).read_bytes()
        assert _png_size(data) == (size, size)
        committed, fresh = QImage.fromData(data), QImage.fromData(make_icons.render_png(make_icons.SVG, size))
        diff = sum(
            abs(committed.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
            + abs(committed.pixelColor(x, y).red() - fresh.pixelColor(x, y).red())
            for x in range(0, size, max(1, size // 32)) for y in range(0, size, max(1, size // 32))
        )  # fmt: skip
        assert diff / (min(size, 32) ** 2) < 4, f"{size} px icon differs from the SVG"


def test_ico_and_icns_hold_the_pngs():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import make_icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    ico = make_icons.ICO.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    sizes = []
    for i in range(count):
        w, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i: 22 + 16 * i])
        assert _png_size(ico[offset: offset + length])[0] == (w or 256)
        sizes.append(w or 256)
    assert sorted(sizes) == sorted(make_icons.ICO_SIZES)
    icns = make_icons.ICNS.read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    pos, found = 8, {}
    while pos < len(icns):
        kind, length = icns[pos: pos + 4].decode(), struct.unpack(">I", icns[pos + 4: pos + 8])[0]
        found[kind] = _png_size(icns[pos + 8: pos + length])[0]
        pos += length
    assert found == dict(make_icons.ICNS_TYPES)
