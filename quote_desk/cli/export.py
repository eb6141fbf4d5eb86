"""`quote-desk export PROJECT --format csv|jsonl`: write the reviewed quotes of a review project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

STATUS_CHOICES = ("pending", "accepted", "rejected", "edited")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export",
        help="export reviewed quotes of a review project to CSV or JSONL",
        description="Export the quotes of a review project. By default only accepted quotes (accepted or "
        "edited) are written. Offsets are code-point offsets into the article text.",
    )
    p.add_argument("project", type=Path, help="review project file")
    p.add_argument("--format", dest="fmt", choices=("csv", "jsonl"), default="csv")
    p.add_argument("-o", "--output", type=Path, help="output file, or - for standard output (default: PROJECT name + .csv/.jsonl)")
    p.add_argument("--profile", choices=("excel", "raw"), default="excel",
                   help="csv only: excel = UTF-8 with BOM and formulas neutralised (default); raw = as stored, for programs (not safe to open in a spreadsheet)")  # fmt: skip
    p.add_argument("--delimiter", choices=("comma", "semicolon", "tab"), default="comma", help="csv only")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--all", action="store_true", help="every quote, whatever its decision")
    scope.add_argument("--status", action="append", choices=STATUS_CHOICES,
                       help="only quotes with this decision (repeatable)")  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quote_desk.export import export_rows, select_rows
    from quote_desk.store import ACCEPTED_STATUSES, ReviewProject

    to_stdout = str(args.output) == "-"
    out = args.output or args.project.with_suffix("." + args.fmt)
    statuses = None if args.all else (args.status or list(ACCEPTED_STATUSES))
    with ReviewProject.open(args.project, create=False, read_only=True) as project:  # works beside an open desk
        rows = select_rows(project, statuses)
        if to_stdout:  # the same bytes as the file would hold, written through a temporary file
            import tempfile

            with tempfile.TemporaryDirectory(prefix="quote-desk-export-") as tmp:
                out = Path(tmp) / ("export." + args.fmt)
                n = export_rows(rows, out, fmt=args.fmt, profile=args.profile, delimiter=args.delimiter)
                sys.stdout.buffer.write(out.read_bytes())
                sys.stdout.flush()
            print(f"exported {n} quote(s) to standard output", file=sys.stderr)
            return 0
        n = export_rows(rows, out, fmt=args.fmt, profile=args.profile, delimiter=args.delimiter)
    print(f"exported {n} quote(s) to {out}", file=sys.stderr)
    return 0
