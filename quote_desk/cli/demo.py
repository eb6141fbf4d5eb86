"""`quote-desk demo` — extract the bundled sample articles and print the attributions as a table."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="extract the bundled sample articles and print what was found")
    p.add_argument("--format", choices=("jsonl", "csv", "table"), default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quote_desk.cli.extract import build_extractor
    from quote_desk.cli.output import write_quotes
    from quote_desk.ingest import iter_articles
    from quote_desk.resources import resource_path

    args.no_link = False
    args.home = None
    extractor = build_extractor(args)
    quotes = []
    for art in iter_articles([resource_path("samples")]):
        if isinstance(art, Exception):
            continue
        quotes.extend(extractor.extract(art.text, doc=art.doc))
    write_quotes(quotes, args.format, None)
    return 0
