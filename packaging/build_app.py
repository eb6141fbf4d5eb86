"""Build the frozen one-folder app (what `make dist` runs), add the desktop integration files, and archive it.

    python packaging/build_app.py [--dist DIR] [--work DIR] [--no-archive]

Result: DIR/quote-desk/ (quote-desk, quote-desk-gui, _internal/, share/, install.sh on Linux) and, unless
--no-archive, DIR/quote-desk-VERSION-OS-ARCH.tar.gz (.zip on Windows). Prints the build time and sizes.
Needs PyInstaller in the running Python (`pip install -e '.[dist]'`).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "quote_desk.spec"
APP_ID = "org.quotedesk.QuoteDesk"


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def add_linux_files(app: Path) -> None:
    """share/ as in a prefix (applications, metainfo, hicolor icons) and install.sh beside the programs."""
    linux = ROOT / "packaging" / "linux"
    icons = ROOT / "resources" / "icons"
    share = app / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / "quote_desk.svg", scalable / f"{APP_ID}.svg")
    for png in icons.glob("quote_desk-*.png"):
        size = png.stem.rsplit("-", 1)[1]
        d = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        d.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, d / f"{APP_ID}.png")
    shutil.copy2(linux / "install.sh", app / "install.sh")
    (app / "install.sh").chmod(0o755)


def build(dist: Path, work: Path, archive: bool = True) -> Path:
    meta = project()
    name, version = meta["name"], meta["version"]
    t0 = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work)]  # fmt: skip
    subprocess.run(cmd, check=True, cwd=ROOT)
    app = dist / name
    if sys.platform.startswith("linux"):
        add_linux_files(app)
    built = time.monotonic() - t0
    print(f"built {app} in {built:.1f} s, {folder_size(app) / 2**20:.1f} MiB")
    if archive:
        osname = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
        base = dist / f"{name}-{version}-{osname}-{platform.machine().lower()}"
        fmt = "zip" if osname == "windows" else "gztar"
        out = Path(shutil.make_archive(str(base), fmt, root_dir=dist, base_dir=name))
        print(f"archived {out} in {time.monotonic() - t0 - built:.1f} s, {out.stat().st_size / 2**20:.1f} MiB")
    return app


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the frozen quote_desk app with PyInstaller.")
    ap.add_argument("--dist", type=Path, default=ROOT / "dist")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    ap.add_argument("--no-archive", action="store_true")
    args = ap.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("build_app: PyInstaller is not installed: pip install -e '.[dist]'", file=sys.stderr)
        return 2
    build(args.dist.resolve(), args.work.resolve(), archive=not args.no_archive)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
