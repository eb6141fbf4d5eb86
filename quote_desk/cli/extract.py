"""`quote-desk extract PATH... [--format jsonl|csv|table] [--output FILE]`"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract attributed quotes from .txt articles (files or folders)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt) or folders of them")
    p.add_argument("--format", choices=("jsonl", "csv", "table"), default="table", help="output format (default: table)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--no-link", action="store_true", help="do not link speakers to the speaker registry")
    p.add_argument("--home", metavar="DIR", help="quote_desk data folder (default: platform data dir or $QUOTE_DESK_HOME)")
    p.set_defaults(func=run)


def build_extractor(args: argparse.Namespace):
    """The engine with the user's speaker registry as linker (unless --no-link). A registry that cannot be
    opened is reported once on stderr and extraction goes on without linking: nothing is lost."""
    from quote_desk.core.pipeline import Extractor

    linker = None
    if not getattr(args, "no_link", False):
        from quote_desk.errors import QuoteDeskError
        from quote_desk.registry import open_linker

        try:
            linker = open_linker(Path(args.home) if getattr(args, "home", None) else None)
        except QuoteDeskError as exc:
            print(f"quote-desk: warning: speakers are not linked: {exc}", file=sys.stderr)
    return Extractor(linker=linker)


def run(args: argparse.Namespace) -> int:
    from quote_desk.cli.output import write_quotes
    from quote_desk.ingest import iter_articles

    extractor = build_extractor(args)
    failures = 0
    results = []
    for item in iter_articles(args.paths):
        if isinstance(item, Exception):
            print(f"quote-desk: error: {item}", file=sys.stderr)
            failures += 1
            continue
        results.extend(extractor.extract(item.text, doc=item.doc))
    write_quotes(results, args.format, Path(args.output) if args.output else None)
    return 1 if failures else 0
