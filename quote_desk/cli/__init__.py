"""`quote-desk` command line. Each sub-command lives in its own module with `add_parser(subparsers)`.

Modules are light at import time (heavy imports happen inside the command), so `quote-desk --help` is fast.
With no arguments the desk opens when it is installed; otherwise the help is printed.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

from quote_desk import __version__
from quote_desk.errors import QuoteDeskError

# Order = order in --help. A module that is not present in this build is simply not offered.
COMMAND_MODULES: tuple[str, ...] = (
    "quote_desk.cli.desk",
    "quote_desk.cli.extract",
    "quote_desk.cli.evaluate",
    "quote_desk.cli.demo",
    "quote_desk.cli.speakers",
    "quote_desk.cli.export",
    "quote_desk.cli.import_quotes",
    "quote_desk.cli.models",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quote-desk",
        description="Find reported speech in Arabic news, attribute it to its speakers, review and export it.",
    )
    parser.add_argument("--version", action="version", version=f"quote-desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        if "quote_desk.cli.desk" in sys.modules:
            args_list = ["desk"]
        else:
            parser.print_help()
            return 0
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except QuoteDeskError as exc:
        print(f"quote-desk: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("quote-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug of ours: one clear line for the user, the details in a log file
        log = _write_crash_log()
        print(f"quote-desk: internal error ({type(exc).__name__}: {exc}); details in {log}", file=sys.stderr)
        return 70


def _write_crash_log() -> str:
    import tempfile
    import traceback

    try:
        fd, path = tempfile.mkstemp(prefix="quote-desk-crash-", suffix=".log")
        with open(fd, "w", encoding="utf-8") as fh:
            traceback.print_exc(file=fh)
        return path
    except OSError:
        return "(no log: the temporary folder is not writable)"
