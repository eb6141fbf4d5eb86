"""`quote-desk extract PATH... [--format jsonl|csv|table] [--output FILE] [--jobs N] [--engine local|dask]`"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="extract attributed quotes from articles (.txt files or folders, JSONL/CSV/Parquet of articles)",
        description="Extract attributed quotes. Results stream out in the order of the input. With --output, an "
        "interrupted run resumes where it stopped when the same command is run again.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files (.txt), folders of them, or article shards (.jsonl, .csv, .parquet: "
                        "one article per line/row with \"doc\" and \"text\")")  # fmt: skip
    p.add_argument("--format", choices=("jsonl", "csv", "table", "parquet"), default=None,
                   help="output format (default: table; with --engine dask: parquet)")  # fmt: skip
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output "
                   "(with --engine dask: a folder of quote shards)")  # fmt: skip
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="worker processes (default 1; 0 = one per CPU core)")  # fmt: skip
    p.add_argument("--encoding", metavar="ENC", help="text encoding of the input files (default: UTF-8, or UTF-16 by its BOM)")
    p.add_argument("--restart", action="store_true", help="ignore an interrupted run's partial output and start again")
    add_engine_options(p)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster for archives of article shards")  # fmt: skip
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster of --jobs "
                        "worker processes on this machine)")  # fmt: skip
    p.set_defaults(func=run)


def add_engine_options(p: argparse.ArgumentParser) -> None:
    """The options that choose how the engine is built (shared by extract and evaluate)."""
    p.add_argument("--no-link", action="store_true", help="do not link speakers to the speaker registry")
    p.add_argument("--home", metavar="DIR", help="quote_desk data folder (default: platform data dir or $QUOTE_DESK_HOME)")
    p.add_argument("--backend", choices=("rules", "stanza"), default="rules",
                   help="NLP backend: rules (default, no models) or stanza (installed Arabic models; see `quote-desk models`)")
    p.add_argument("--models-dir", metavar="DIR", help="stanza models folder (default: see `quote-desk models status`)")


def build_extractor(args: argparse.Namespace):
    """The engine with the user's speaker registry as linker (unless --no-link). A registry that cannot be
    opened is reported once on stderr and extraction goes on without linking: nothing is lost."""
    return engine_spec(args).build()


def engine_spec(args: argparse.Namespace):
    """How every process of this run builds its engine; linking is dropped (with one warning) when the
    registry cannot be opened."""
    from quote_desk.batch.engine_spec import EngineSpec
    from quote_desk.errors import QuoteDeskError

    backend = getattr(args, "backend", "rules") or "rules"
    models_dir = getattr(args, "models_dir", None)
    spec = EngineSpec(link=not getattr(args, "no_link", False), home=getattr(args, "home", None),
                      backend=backend, models_dir=models_dir)
    try:
        spec.prepare()
    except QuoteDeskError as exc:
        print(f"quote-desk: warning: speakers are not linked: {exc}", file=sys.stderr)
        spec = EngineSpec(link=False, backend=backend, models_dir=models_dir)
    if backend != "rules":
        choice = spec.choose_backend()
        if choice.notice:  # stanza asked for but not usable: say so once, go on rules-only
            print(f"quote-desk: warning: {choice.notice}", file=sys.stderr)
            spec = EngineSpec(link=spec.link, home=spec.home)
    return spec


def run(args: argparse.Namespace) -> int:
    from quote_desk.errors import InputError

    if args.jobs < 0:
        raise InputError("--jobs must be 0 (one per core) or more")
    if args.engine == "dask":
        from quote_desk.batch.dask_engine import run_cli

        return run_cli(args, engine_spec(args))
    if args.scheduler:
        raise InputError("--scheduler needs --engine dask")
    fmt = args.format or "table"
    if fmt == "parquet":
        raise InputError("--format parquet is for --engine dask (quote shards); use jsonl or csv here")
    return run_local(args, fmt)


def run_local(args: argparse.Namespace, fmt: str) -> int:
    import hashlib

    from quote_desk.batch.articles import iter_articles
    from quote_desk.batch.engine_spec import tune_gc
    from quote_desk.batch.pool import Item, default_jobs, extract_ordered
    from quote_desk.batch.sink import QuoteSink
    from quote_desk.errors import InputError

    spec = engine_spec(args)
    jobs = args.jobs or default_jobs()
    if jobs == 1:
        tune_gc()  # this process extracts
    output = Path(args.output) if args.output else None
    if output is not None and output.is_dir():
        raise InputError(f"{output} is a folder; give a file name for --output")
    sink = QuoteSink(fmt, output, restart=args.restart)
    if sink.resumed:
        print(f"quote-desk: resuming {output}: {sink.resumed} articles already done", file=sys.stderr)

    def items():
        for art in iter_articles(args.paths, encoding=args.encoding):
            if isinstance(art, InputError):
                yield Item(doc="", error=str(art))
                continue
            for note in art.notes:  # e.g. "read as windows-1256 (detected)": what reading assumed is said
                _say(bar, f"quote-desk: note: {art.path or art.doc}: {note}")
            key = f"{art.doc}\t{hashlib.sha1(art.text.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
            if key not in sink.done_keys:
                yield Item(doc=art.doc, text=art.text, key=key)

    bar = _progress(args.paths, sink.resumed)
    failures = crashes = 0
    crash_log: Path | None = None
    complete = False
    try:
        render = fmt if fmt in ("jsonl", "csv") else None
        for done in extract_ordered(items(), spec, jobs, render=render):
            if done.crash is not None:  # a bug of ours on this article: one line, details in a log, go on
                crashes += 1
                crash_log = _log_crash(crash_log, done.crash)
                _say(bar, f"quote-desk: error: {done.error}; details in {crash_log or '(no log: temp folder not writable)'}")
            elif done.error is not None:
                failures += 1
                _say(bar, f"quote-desk: error: {done.error}")
            else:
                sink.done(done.item.key, done.quotes, done.rendered, done.count)
            if bar is not None:
                bar.update(1)
        complete = True
    except KeyboardInterrupt:
        if output is not None:
            _say(bar, f"quote-desk: interrupted; {sink.articles} articles are saved in {sink.partial.name}: "
                      "run the same command again to go on")  # fmt: skip
        raise
    finally:
        if bar is not None:
            bar.close()
        sink.close(complete)
    return 70 if crashes else 1 if failures else 0


def _log_crash(log: Path | None, details: str) -> Path | None:
    """Append a traceback to this run's crash log (created on the first one)."""
    import tempfile

    try:
        if log is None:
            fd, name = tempfile.mkstemp(prefix="quote-desk-crash-", suffix=".log")
            with open(fd, "w", encoding="utf-8") as fh:
                fh.write(details)
            return Path(name)
        with log.open("a", encoding="utf-8") as fh:
            fh.write("\n" + details)
        return log
    except OSError:
        return None


def _say(bar, line: str) -> None:
    if bar is not None:
        bar.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


def _progress(paths: list[str], initial: int):
    if not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    import shutil

    from quote_desk.batch.articles import count_articles

    # shutil falls back to 100x20 when the terminal reports a zero size (a fresh pty, some CI consoles),
    # where tqdm would otherwise draw nothing
    size = shutil.get_terminal_size((100, 20))
    return tqdm(total=count_articles(paths), initial=initial, unit=" articles", file=sys.stderr,
                ncols=size.columns, nrows=size.lines, smoothing=0.1)  # fmt: skip
