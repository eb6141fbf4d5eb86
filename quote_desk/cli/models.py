"""`quote-desk models status|install|remove`: the Arabic stanza models for the optional stanza backend."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "models",
        help="show, install or remove the Arabic stanza models (optional backend)",
        description="Manage the Arabic stanza models used by the optional stanza backend. "
        "The rules-only engine needs none of this.",
    )
    sub = p.add_subparsers(dest="models_command", metavar="ACTION")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--dir", metavar="DIR", help="models folder (default: $QUOTE_DESK_HOME/stanza, or the "
                        "platform's data folder for quote_desk + /stanza)")
    common.add_argument("--processors", metavar="LIST", default=None,
                        help="comma-separated stanza processors (default: tokenize,mwt,pos,lemma,depparse,ner)")
    s = sub.add_parser("status", parents=[common], help="where the models are and whether they are usable")
    s.set_defaults(func=run, action="status")
    i = sub.add_parser("install", parents=[common], help="download the models with stanza's downloader")
    i.add_argument("--resources-url", metavar="URL", default=None,
                   help="where to fetch stanza's model list from (a mirror); default: stanza's own")
    i.add_argument("--model-url", metavar="URL", default=None,
                   help="model URL template for a mirror; default: stanza's own (HuggingFace)")
    i.set_defaults(func=run, action="install")
    r = sub.add_parser("remove", parents=[common], help="delete the installed models")
    r.set_defaults(func=run, action="remove")
    p.set_defaults(func=run, action="status", dir=None, processors=None)


def _progress(done: int, total: int, label: str) -> None:
    if total:
        print(f"[{done}/{total}] {label}", file=sys.stderr, flush=True)
    else:
        print(f"fetching {label}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from quote_desk.core.nlp import models

    if args.action == "status":
        st = models.status(args.dir, args.processors)
        print(st.summary())
        return 0 if st.installed else 1
    if args.action == "install":
        directory = models.resolve_dir(args.dir)
        print(f"installing Arabic stanza models into {directory}", file=sys.stderr)
        st = models.install(directory, args.processors, progress=_progress,
                            resources_url=args.resources_url, model_url=args.model_url)
        print(st.summary())
        return 0
    directory = models.resolve_dir(args.dir)
    if models.remove(directory):
        print(f"removed the Arabic stanza models from {directory}")
    else:
        print(f"no models installed at {directory}; nothing removed")
    return 0
