"""The .desktop entry and the AppStream metainfo pass the freedesktop validators (Debian: desktop-file-utils,
appstream). .ci/run installs both; on a machine without them only these two checks are skipped."""

from __future__ import annotations

import subprocess

import pytest

from tests.packaging.helpers import APP_ID, LINUX, tool


@pytest.mark.skipif(tool("desktop-file-validate") is None, reason="desktop-file-validate not installed")
def test_desktop_file_validates():
    out = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True,
                         text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    assert "error" not in (out.stdout + out.stderr).lower()


@pytest.mark.skipif(tool("appstreamcli") is None, reason="appstreamcli not installed")
def test_metainfo_validates():
    out = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", "--no-color",
                          str(LINUX / f"{APP_ID}.metainfo.xml")], capture_output=True, text=True)  # fmt: skip
    text = out.stdout + out.stderr
    assert out.returncode == 0, text
    assert not any(line.startswith(("E:", "W:")) for line in text.splitlines()), text


def test_validators_catch_a_broken_desktop_file(tmp_path):
    """The checks above can fail: a desktop entry without Exec and with a bad category is rejected."""
    if tool("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate not installed")
    bad = tmp_path / f"{APP_ID}.desktop"
    bad.write_text("[Desktop Entry]\nType=Application\nName=x\nCategories=NotACategory;\n", "utf-8")
    out = subprocess.run(["desktop-file-validate", str(bad)], capture_output=True, text=True)
    assert out.returncode != 0
