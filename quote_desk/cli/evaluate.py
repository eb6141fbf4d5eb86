"""`quote-desk evaluate --gold GOLD PATH...` — score the engine (or a JSONL of predictions) against gold."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="score extraction against gold annotations")
    p.add_argument("--gold", required=True, metavar="GOLD", help="gold .jsonl (one document per line), .json, or a folder of *.gold.json")
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles (.txt files/folders) to extract, or a .jsonl of predicted quotes")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--errors", action="store_true", help="list every missed, spurious and wrongly attributed quote")
    from quote_desk.cli.extract import add_engine_options

    add_engine_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quote_desk.cli.extract import build_extractor
    from quote_desk.core.evaluate import evaluate, format_report, load_gold, read_predictions
    from quote_desk.errors import InputError
    from quote_desk.ingest import iter_articles

    gold = load_gold(Path(args.gold))
    predicted: dict = {}
    failures = 0
    text_paths = []
    for p in args.paths:
        if p.endswith(".jsonl") and Path(p).is_file():
            try:
                with open(p, encoding="utf-8") as fh:
                    for doc, qs in read_predictions(fh).items():
                        predicted.setdefault(doc, []).extend(qs)
            except (json.JSONDecodeError, TypeError, UnicodeDecodeError) as exc:
                raise InputError(f"{p}: not a JSONL file of quotes ({exc})") from None
        else:
            text_paths.append(p)
    if text_paths:
        extractor = build_extractor(args)
        for item in iter_articles(text_paths):
            if isinstance(item, Exception):
                print(f"quote-desk: error: {item}", file=sys.stderr)
                failures += 1
                continue
            predicted[item.doc] = extractor.extract(item.text, doc=item.doc)
    rep = evaluate(gold, predicted)
    if args.json:
        print(json.dumps(rep.as_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_report(rep))
        if args.errors:
            print("\nerrors:")
            print("\n".join("  " + e for e in rep.errors))
    return 1 if failures else 0
