"""`quote-desk desk [PROJECT]`: open the review desk (also what `quote-desk` with no arguments does)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "desk",
        help="open the review desk (the default command)",
        description="Open the review desk on a review project (a .qdproj SQLite file, created if missing). "
        "Without PROJECT the most recent project is opened.",
    )
    p.add_argument("project", nargs="?", type=Path, help="review project file")
    p.add_argument("--demo", action="store_true",
                   help="open a demo project pre-filled with the bundled sample articles")  # fmt: skip
    p.add_argument("--lang", choices=("ar", "en"), help="interface language (default: settings, then system)")
    p.add_argument("--reverse", action="store_true", help="force a right-to-left layout (Qt -reverse)")
    p.add_argument("--restore-backup", action="store_true",
                   help="replace a damaged PROJECT by its latest good backup (the damaged file is kept beside "
                   "it), then open the desk")  # fmt: skip
    p.add_argument("--quit-after", type=float, metavar="SECONDS",
                   help="close the desk after SECONDS (a smoke test of an installed or frozen app)")  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quote_desk.errors import QuoteDeskError

    if args.restore_backup:
        import sys

        from quote_desk.store import restore_backup

        if args.project is None:
            raise QuoteDeskError("--restore-backup needs the PROJECT file to restore")
        kept = restore_backup(args.project)
        print(f"quote-desk: restored the latest backup of {args.project}"
              + (f"; the damaged file is kept as {kept}" if kept else ""), file=sys.stderr)  # fmt: skip

    import importlib

    try:  # only quote_desk.app imports Qt; here we just check it can
        importlib.import_module("PySide6.QtWidgets")
    except ImportError as exc:
        raise QuoteDeskError("the desk needs PySide6-Essentials: pip install PySide6-Essentials (the 'desk' extra)") from exc
    if args.quit_after is not None:
        if args.quit_after < 0:
            raise QuoteDeskError("--quit-after needs a number of seconds >= 0")
        import os

        os.environ["QUOTE_DESK_SMOKE"] = str(int(args.quit_after * 1000))  # read by run_desk
    from quote_desk.app.main import run_desk

    return run_desk(args.project, demo=args.demo, lang=args.lang, qt_args=["-reverse"] if args.reverse else [])
