"""`quote-desk extract --engine dask`: archives on a Dask distributed cluster.

One task per article shard (a .jsonl, .csv or .parquet file of articles; .txt files are grouped into shards of
TXT_SHARD files). Each task reads its shard, extracts with the same engine as a local run, and writes one quote
shard `quotes-NNNNN.parquet` (or .jsonl) into the output folder, through a temporary file and a rename. The
folder also gets `_plan.json` (written first: which inputs make which shard) and `_manifest.json` (written
last: counts and errors per shard). Concatenating the shards in name order gives exactly the quotes of a
single-process `quote-desk extract --format jsonl` over the same inputs.

Re-running the same command skips shards already written (resume). Without --scheduler a local cluster of
--jobs worker processes on the loopback interface is started; with it, an existing cluster is used: its workers
need quote-desk installed (same version) and must see the input and output paths (a shared file system).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from quote_desk.batch.articles import SHARD_SUFFIXES, iter_articles
from quote_desk.batch.engine_spec import EngineSpec, extractor_for, tune_gc
from quote_desk.batch.quotes_io import write_quote_shard
from quote_desk.core.records import Quote
from quote_desk.errors import InputError, QuoteDeskError

TXT_SHARD = 500  # .txt articles per task when the input is plain files
PLAN = "_plan.json"
MANIFEST = "_manifest.json"
FORMAT_NAME = "quote_desk-quote-shards"


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    inputs: tuple[str, ...]  # absolute paths: one article shard, or a group of .txt files

    @property
    def name(self) -> str:
        return f"quotes-{self.index:05d}"


def plan_shards(paths: Iterable[str | Path], txt_shard: int = TXT_SHARD) -> list[Shard]:
    """Shards in the input order: shard files one each, .txt files (given or in folders) in groups."""
    from quote_desk import ingest

    shards: list[Shard] = []
    group: list[str] = []

    def flush() -> None:
        nonlocal group
        if group:
            shards.append(Shard(len(shards), tuple(group)))
            group = []

    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SHARD_SUFFIXES)
            if not files:
                for f in ingest.expand_paths([p]):
                    if isinstance(f, InputError):
                        raise f
                    group.append(str(f.resolve()))
                    if len(group) >= txt_shard:
                        flush()
                continue
        elif p.is_file():
            files = [p] if p.suffix.lower() in SHARD_SUFFIXES else []
            if not files:
                group.append(str(p.resolve()))
                if len(group) >= txt_shard:
                    flush()
                continue
        else:
            raise InputError(f"{p}: no such file or folder")
        flush()
        for f in files:
            shards.append(Shard(len(shards), (str(f.resolve()),)))
    flush()
    return shards


def extract_shard(shard: Shard, out_dir: str, fmt: str, encoding: str | None, spec: EngineSpec) -> dict[str, Any]:
    """The Dask task: one article shard in, one quote shard out. Returns its counts and per-article errors."""
    t0 = time.perf_counter()
    ex = extractor_for(spec)
    tune_gc()  # a worker process of the cluster: extraction is its work
    quotes: list[Quote] = []
    errors: list[str] = []
    crashes: list[str] = []
    articles = 0
    for art in iter_articles(shard.inputs, encoding=encoding):
        if isinstance(art, InputError):
            errors.append(str(art))
            continue
        articles += 1
        try:
            quotes.extend(ex.extract(art.text, doc=art.doc))
        except Exception as exc:  # a bug of ours: one failing article must not lose the shard
            import traceback

            errors.append(f"{art.doc}: internal error ({type(exc).__name__}: {exc}); details in {MANIFEST}")
            crashes.append(f"article {art.doc}:\n{traceback.format_exc()}")
    out = Path(out_dir) / f"{shard.name}.{fmt}"
    write_quote_shard(out, quotes)
    return {"index": shard.index, "inputs": list(shard.inputs), "output": out.name, "articles": articles,
            "quotes": len(quotes), "errors": errors, "crashes": crashes, "seconds": round(time.perf_counter() - t0, 3),
            "worker_pid": os.getpid()}  # fmt: skip


def _check_plan(out_dir: Path, plan: dict[str, Any], restart: bool) -> set[int]:
    """Shards already written by an earlier run of the same plan (resume); refuse a folder of another run."""
    path = out_dir / PLAN
    old = None
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            old = None
    fmt = plan["format"]
    existing = sorted(out_dir.glob(f"quotes-*.{fmt}")) if out_dir.is_dir() else []
    if old == plan and not restart:
        return {int(p.stem.split("-")[1]) for p in existing if p.stem.split("-")[1].isdigit()}
    if (existing or old is not None) and not restart:
        raise InputError(f"{out_dir} holds quote shards of another run (other inputs or options); "
                         "choose another --output folder or add --restart to replace them")  # fmt: skip
    for p in out_dir.glob("quotes-*.*") if out_dir.is_dir() else []:
        p.unlink()
    (out_dir / MANIFEST).unlink(missing_ok=True)
    return set()


def run_dask(paths: list[str], out_dir: Path, *, fmt: str = "parquet", spec: EngineSpec | None = None,
             encoding: str | None = None, scheduler: str | None = None, workers: int = 2,
             restart: bool = False, progress: Any = None) -> dict[str, Any]:  # fmt: skip
    # progress: a callable taking the number of shards to run and returning a bar (update(n), close()), or None
    """Run the extraction on a cluster; returns the manifest (also written to out_dir/_manifest.json)."""
    spec = spec or EngineSpec()
    if fmt == "parquet":
        from quote_desk.batch.quotes_io import need_pyarrow

        need_pyarrow("--format parquet")
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("--engine dask needs Dask distributed: pip install 'quote-desk[archive]'") from None
    shards = plan_shards(paths)
    if not shards:
        raise InputError("no articles to extract")
    plan = {"format": fmt, "encoding": encoding, "engine": asdict(spec), "shards": [list(s.inputs) for s in shards]}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        done = _check_plan(out_dir, plan, restart)
        (out_dir / PLAN).write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        raise QuoteDeskError(f"cannot write to {out_dir}: {exc.strerror or exc}") from None
    spec.prepare()
    todo = [s for s in shards if s.index not in done]
    cluster = None
    try:
        if scheduler:
            import dask.config

            try:
                client = Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
            except (OSError, TimeoutError) as exc:
                raise QuoteDeskError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        else:
            import logging

            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.ERROR)  # fmt: skip
            client = Client(cluster)
        results: list[dict[str, Any]] = []
        failed: list[str] = []
        bar = progress(len(todo)) if progress is not None else None
        with client:
            futures = client.map(extract_shard, todo, out_dir=str(out_dir.resolve()), fmt=fmt, encoding=encoding,
                                 spec=spec, pure=False)  # fmt: skip
            for fut in as_completed(futures):
                try:
                    results.append(fut.result())
                except Exception as exc:
                    failed.append(f"a shard failed on its worker ({type(exc).__name__}: {exc})")
                if bar is not None:
                    bar.update(1)
        if bar is not None:
            bar.close()
    finally:
        if cluster is not None:
            cluster.close()
    manifest = _write_manifest(out_dir, plan, shards, results, failed)
    return manifest


def _write_manifest(out_dir: Path, plan: dict[str, Any], shards: list[Shard], results: list[dict[str, Any]],
                    failed: list[str]) -> dict[str, Any]:  # fmt: skip
    old: dict[int, dict[str, Any]] = {}
    mpath = out_dir / MANIFEST
    if mpath.is_file():
        try:
            old = {s["index"]: s for s in json.loads(mpath.read_text(encoding="utf-8")).get("shards", [])}
        except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError):
            old = {}
    by_index = {**old, **{r["index"]: r for r in results}}
    rows = [by_index.get(s.index, {"index": s.index, "inputs": list(s.inputs), "output": None}) for s in shards]
    manifest = {"format": FORMAT_NAME, "version": 1, "quote_format": plan["format"], "shards": rows,
                "articles": sum(r.get("articles", 0) for r in rows), "quotes": sum(r.get("quotes", 0) for r in rows),
                "failed": failed, "complete": all(r.get("output") for r in rows) and not failed}  # fmt: skip
    tmp = mpath.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, mpath)
    return manifest


def run_cli(args: argparse.Namespace, spec: EngineSpec) -> int:
    from quote_desk.batch.pool import default_jobs

    fmt = args.format or "parquet"
    if fmt not in ("parquet", "jsonl"):
        raise InputError("--engine dask writes quote shards: --format parquet (default) or jsonl")
    if not args.output:
        raise InputError("--engine dask needs --output FOLDER for the quote shards")
    progress = None
    if sys.stderr.isatty():
        try:
            from tqdm import tqdm

            def progress(total: int) -> Any:
                return tqdm(total=total, unit=" shards", file=sys.stderr)
        except ImportError:
            progress = None
    manifest = run_dask(args.paths, Path(args.output), fmt=fmt, spec=spec, encoding=args.encoding,
                        scheduler=args.scheduler, workers=args.jobs or default_jobs(), restart=args.restart,
                        progress=progress)  # fmt: skip
    errors = [e for s in manifest["shards"] for e in s.get("errors", [])] + manifest["failed"]
    for e in errors:
        print(f"quote-desk: error: {e}", file=sys.stderr)
    print(f"quote-desk: {manifest['articles']} articles, {manifest['quotes']} quotes in "
          f"{len(manifest['shards'])} shards in {args.output}", file=sys.stderr)  # fmt: skip
    return 0 if manifest["complete"] and not errors else 1
