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
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quote_desk.errors import QuoteDeskError

    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        raise QuoteDeskError("the desk needs PySide6-Essentials: pip install 'quote-desk[desk]'") from exc
    from quote_desk.app.main import run_desk

    return run_desk(args.project, demo=args.demo, lang=args.lang, qt_args=["-reverse"] if args.reverse else [])
