"""`quote-desk import PROJECT QUOTES... [--articles PATH...]`: quote shards or a JSONL of quotes into a review
project, which `quote-desk desk PROJECT` then opens for review."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import extracted quotes (quote shards, or JSONL from extract) into a review project",
        description="Import quotes into a review project (created if missing). QUOTES are .parquet/.jsonl files of "
        "quotes or folders of quote shards written by `extract --engine dask`; the articles are read from "
        "--articles, or from the inputs such a folder records.",
    )
    p.add_argument("project", metavar="PROJECT", help="review project file (.qdproj)")
    p.add_argument("quotes", nargs="+", metavar="QUOTES", help="quote files or folders of quote shards")
    p.add_argument("--articles", nargs="+", metavar="PATH", help="the articles the quotes come from (files, folders, shards)")
    p.add_argument("--encoding", metavar="ENC", help="text encoding of the article files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quote_desk.batch.importing import import_quotes
    from quote_desk.store import ReviewProject

    with ReviewProject.open(Path(args.project)) as project:
        res = import_quotes(project, args.quotes, args.articles, encoding=args.encoding)
    for e in res.errors:
        print(f"quote-desk: error: {e}", file=sys.stderr)
    print(f"imported {res.articles} articles into {args.project}: {res.added} new quotes, "
          f"{res.kept} already there")  # fmt: skip
    return 1 if res.errors else 0
