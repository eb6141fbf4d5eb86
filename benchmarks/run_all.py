"""Every benchmark of quote_desk in one run, each figure beside its reference measured in the same run, the
ratio between them and the goal (`make bench`).

    python benchmarks/run_all.py [--quick] [--only engine,growth,...] [--json FILE] [--markdown FILE]

Sections (each runs in fresh processes, so one's memory does not count in another's):
  engine    engine throughput on one core over a generated corpus (>= 20 MB) vs a one-pass regex scan of the
            cue lexicon over the same text (the floor of the work)
  stanza    rules-only vs the stanza backend on the same articles (tiny models built by the stanza tests)
  growth    time and peak memory for 1x, 10x, 100x a corpus (streamed), and for one 5 MB and one 50 MB article
  cli       cold start: `quote-desk --help` and `quote-desk extract` on one small file vs a bare interpreter
  batch     `extract --jobs 2` vs `--jobs 1`; `--engine dask` on a local cluster vs one process (same output)
  desk      open a 10,000- and a 100,000-quote project, accept-and-next, filter typing, memory

CPU seconds (time.process_time) are reported beside wall seconds: the machine may be shared, and CPU time is
what one core costs. Throughput and ratios use CPU time unless a figure is about waiting (start-up, desk, wall
speed-up).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
       "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}  # fmt: skip

ROWS: list[dict[str, Any]] = []


def row(section: str, figure: str, value: str, reference: str = "—", ratio: str = "—", goal: str = "—",
        ok: bool | None = None) -> None:  # fmt: skip
    r = {"section": section, "figure": figure, "value": value, "reference": reference, "ratio": ratio, "goal": goal,
         "ok": ok}  # fmt: skip
    ROWS.append(r)
    mark = "" if ok is None else ("  [meets goal]" if ok else "  [MISSES goal]")
    print(f"  {figure}: {value} | ref: {reference} | ratio: {ratio} | goal: {goal}{mark}", flush=True)


def child(kind: str, **kw: Any) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; it prints one JSON line last."""
    out = subprocess.run([sys.executable, __file__, "--child", kind, json.dumps(kw)], capture_output=True, text=True,
                         env=ENV)  # fmt: skip
    if out.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def peak_rss_mb() -> float:
    """Peak resident memory of this process. VmHWM belongs to this process image; ru_maxrss can carry the
    parent's peak over fork and exec."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # Linux: KB


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return peak_rss_mb()


# ---------------------------------------------------------------------------------------------- children
def child_engine(mb: float) -> dict[str, Any]:
    from corpus import corpus

    from quote_desk.core.lexicon import load_lexicon
    from quote_desk.core.normalize import normalize
    from quote_desk.core.pipeline import Extractor

    arts = corpus(mb)
    ex = Extractor()
    ex.extract(arts[0], "warm")
    forms = sorted(load_lexicon().cues, key=len, reverse=True)
    pat = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
    w0, c0 = time.perf_counter(), time.process_time()
    hits = sum(sum(1 for _ in pat.finditer(normalize(a))) for a in arts)
    scan_wall, scan_cpu = time.perf_counter() - w0, time.process_time() - c0
    w0, c0 = time.perf_counter(), time.process_time()
    quotes = sum(len(ex.extract(a, str(i))) for i, a in enumerate(arts))
    eng_wall, eng_cpu = time.perf_counter() - w0, time.process_time() - c0
    return {"articles": len(arts), "bytes": sum(len(a.encode()) for a in arts), "chars": sum(map(len, arts)),
            "hits": hits, "quotes": quotes, "scan_wall": scan_wall, "scan_cpu": scan_cpu, "eng_wall": eng_wall,
            "eng_cpu": eng_cpu}  # fmt: skip


def child_growth(mb: float) -> dict[str, Any]:
    from corpus import generate

    from quote_desk.core.pipeline import Extractor

    ex = Extractor()
    ex.extract(next(generate(0.001)), "warm")
    base = peak_rss_mb()
    n = nbytes = quotes = 0
    w0, c0 = time.perf_counter(), time.process_time()
    for text in generate(mb, seed=11):  # streamed: one article in memory at a time
        quotes += len(ex.extract(text, str(n)))
        n += 1
        nbytes += len(text.encode())
    return {"articles": n, "bytes": nbytes, "quotes": quotes, "wall": time.perf_counter() - w0,
            "cpu": time.process_time() - c0, "rss_base": base, "rss_peak": peak_rss_mb()}  # fmt: skip


def child_one_doc(mb: float) -> dict[str, Any]:
    from corpus import generate

    from quote_desk.core.pipeline import Extractor

    ex = Extractor()
    ex.extract(next(generate(0.001)), "warm")
    text = "\n\n".join(generate(mb, seed=13))
    base = rss_mb()
    w0, c0 = time.perf_counter(), time.process_time()
    quotes = len(ex.extract(text, "one"))
    return {"bytes": len(text.encode()), "chars": len(text), "quotes": quotes, "wall": time.perf_counter() - w0,
            "cpu": time.process_time() - c0, "rss_base": base, "rss_peak": peak_rss_mb()}  # fmt: skip


def child_stanza(n_articles: int) -> dict[str, Any]:
    import importlib.util

    if importlib.util.find_spec("quote_desk.core.nlp.stanza_backend") is None:
        return {"pending": "the stanza backend is not in this checkout yet (branch `stanza`)"}
    if importlib.util.find_spec("stanza") is None:
        return {"pending": "stanza is not installed (pip install '.[stanza]')"}
    conftest = ROOT / "tests" / "nlp" / "conftest.py"
    if not conftest.is_file():
        return {"pending": "no tiny-model builder (tests/nlp/conftest.py) in this checkout"}
    spec = importlib.util.spec_from_file_location("_tiny_stanza_conftest", conftest)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    t0 = time.perf_counter()
    build = mod._build(Path(os.environ.get(mod.CACHE_ENV, ROOT / ".cache" / "tiny-stanza")))
    build_s = time.perf_counter() - t0
    import torch
    from corpus import corpus

    from quote_desk.core.nlp.stanza_backend import StanzaBackend
    from quote_desk.core.pipeline import Extractor

    # One core, like every engine figure here. torch's default (one thread per core) spins on a busy machine:
    # with 2 threads it used 9x the CPU of 1 thread for the same articles here.
    torch.set_num_threads(1)
    arts = corpus(1)[:n_articles]
    rules = Extractor()
    backend = StanzaBackend(models_dir=build / "models").load()
    withst = Extractor(backend=backend)
    rules.extract(arts[0], "warm")
    withst.extract(arts[0], "warm")
    c0 = time.process_time()
    w0 = time.perf_counter()
    q_rules = sum(len(rules.extract(a, str(i))) for i, a in enumerate(arts))
    r_cpu, r_wall = time.process_time() - c0, time.perf_counter() - w0
    c0 = time.process_time()
    w0 = time.perf_counter()
    q_st = sum(len(withst.extract(a, str(i))) for i, a in enumerate(arts))
    s_cpu, s_wall = time.process_time() - c0, time.perf_counter() - w0
    return {"articles": len(arts), "bytes": sum(len(a.encode()) for a in arts), "rules_cpu": r_cpu, "rules_wall": r_wall,
            "stanza_cpu": s_cpu, "stanza_wall": s_wall, "quotes_rules": q_rules, "quotes_stanza": q_st,
            "build_s": build_s, "torch_threads": torch.get_num_threads()}  # fmt: skip


def child_cli(argv: list[str]) -> dict[str, Any]:
    """A quote-desk command in this process: wall time, its own CPU and its worker processes' CPU."""
    from quote_desk.cli import main

    t0 = time.perf_counter()
    code = main(argv)
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"code": code, "wall": time.perf_counter() - t0, "parent_cpu": s.ru_utime + s.ru_stime,
            "workers_cpu": c.ru_utime + c.ru_stime}  # fmt: skip


CHILDREN = {"engine": child_engine, "growth": child_growth, "one_doc": child_one_doc, "stanza": child_stanza,
            "cli": child_cli}  # fmt: skip


# ---------------------------------------------------------------------------------------------- sections
def mbps(nbytes: int, seconds: float) -> float:
    return nbytes / seconds / 1e6


def section_engine(quick: bool) -> None:
    mb = 2.0 if quick else 20.0
    print(f"\n== engine throughput, one core, {mb:g} MB corpus ==", flush=True)
    r = child("engine", mb=mb)
    eng, scan = mbps(r["bytes"], r["eng_cpu"]), mbps(r["bytes"], r["scan_cpu"])
    ratio = r["eng_cpu"] / r["scan_cpu"]
    print(f"  corpus: {r['articles']:,} articles, {r['bytes'] / 1e6:.1f} MB UTF-8, {r['chars']:,} characters; "
          f"{r['quotes']:,} quotes, {r['hits']:,} cue hits", flush=True)  # fmt: skip
    row("engine", f"engine throughput ({r['bytes'] / 1e6:.0f} MB corpus, CPU)",
        f"{eng:.2f} MB/s = {r['chars'] / r['eng_cpu'] / 1e6:.2f} M chars/s = {r['articles'] / r['eng_cpu']:,.0f} articles/s "
        f"({r['eng_cpu']:.1f} s CPU, {r['eng_wall']:.1f} s wall)",
        f"regex cue scan {scan:.2f} MB/s ({r['scan_cpu']:.1f} s CPU)", f"{ratio:.2f}x the scan's time",
        ">= 1 MB/s per core; <= 10x the scan", eng >= 1.0 and ratio <= 10)  # fmt: skip


def section_stanza(quick: bool) -> None:
    print("\n== rules-only vs stanza backend (same articles) ==", flush=True)
    r = child("stanza", n_articles=5 if quick else 20)
    if "pending" in r:
        row("stanza", "stanza backend vs rules-only", "pending", "rules-only", "—", "the ratio shown", None)
        print(f"  ({r['pending']})")
        return
    kb = r["bytes"] / 1e3
    row("stanza", f"engine with stanza backend ({r['articles']} articles, {kb:.0f} KB, tiny models)",
        f"{r['stanza_cpu']:.2f} s CPU = {kb / r['stanza_cpu']:.1f} KB/s ({r['quotes_stanza']} quotes)",
        f"rules-only {r['rules_cpu']:.3f} s CPU = {kb / r['rules_cpu']:.0f} KB/s ({r['quotes_rules']} quotes)",
        f"{r['stanza_cpu'] / r['rules_cpu']:.0f}x the rules-only time", "shown (no goal)")  # fmt: skip
    print(f"  (tiny models ready in {r['build_s']:.1f} s; torch threads {r['torch_threads']})")


def section_growth(quick: bool) -> None:
    base_mb = 0.05 if quick else 0.5
    print(f"\n== cost growth: 1x / 10x / 100x of {base_mb:g} MB, streamed ==", flush=True)
    res: dict[int, dict[str, Any]] = {}
    for k in (1, 10, 100):  # the small sizes take the median of 3 runs: they set the reference
        runs = [child("growth", mb=base_mb * k) for _ in range(3 if k < 100 else 1)]
        res[k] = sorted(runs, key=lambda r: r["cpu"])[len(runs) // 2]
    unit = res[1]["cpu"] / res[1]["bytes"]
    for k, r in res.items():
        per = r["cpu"] / r["bytes"]
        row("growth", f"{k}x corpus ({r['bytes'] / 1e6:.1f} MB, {r['articles']:,} articles): time",
            f"{r['cpu']:.2f} s CPU ({r['wall']:.2f} s wall)", f"1x: {res[1]['cpu']:.2f} s",
            f"{r['cpu'] / res[1]['cpu']:.1f}x time for {k}x text; {per / unit:.2f}x per MB",
            "linear: per-MB cost <= 1.25x of 1x", per / unit <= 1.25)  # fmt: skip
    for k, r in res.items():
        row("growth", f"{k}x corpus: peak memory", f"{r['rss_peak']:.0f} MB RSS",
            f"1x: {res[1]['rss_peak']:.0f} MB", f"{r['rss_peak'] / res[1]['rss_peak']:.2f}x",
            "bounded: <= 1.25x of 1x", r["rss_peak"] <= 1.25 * res[1]["rss_peak"])  # fmt: skip
    small_mb, big_mb = (0.5, 5.0) if quick else (5.0, 50.0)
    print(f"\n== one {small_mb:g} MB and one {big_mb:g} MB article ==", flush=True)
    small, big = child("one_doc", mb=small_mb), child("one_doc", mb=big_mb)
    sep_per_mb = res[100]["cpu"] / res[100]["bytes"] * 1e6
    for r in (small, big):
        per_mb = r["cpu"] / r["bytes"] * 1e6
        row("growth", f"one {r['bytes'] / 1e6:.1f} MB article: time", f"{r['cpu']:.1f} s CPU ({r['wall']:.1f} s wall, {r['quotes']:,} quotes)",
            f"same volume as separate articles: {sep_per_mb * r['bytes'] / 1e6:.1f} s",
            f"{per_mb / sep_per_mb:.2f}x per MB", "linear (see next row)", None)  # fmt: skip
    lin = (big["cpu"] / big["bytes"]) / (small["cpu"] / small["bytes"])
    row("growth", f"one-article cost per MB, {big_mb:g} MB vs {small_mb:g} MB", f"{big['cpu'] / big['bytes'] * 1e6:.2f} s/MB",
        f"{small['cpu'] / small['bytes'] * 1e6:.2f} s/MB", f"{lin:.2f}x", "linear: <= 1.25x", lin <= 1.25)  # fmt: skip
    for r in (small, big):
        grow = r["rss_peak"] - r["rss_base"]
        row("growth", f"one {r['bytes'] / 1e6:.1f} MB article: peak memory", f"+{grow:.0f} MB over the loaded text",
            f"text {r['bytes'] / 1e6:.1f} MB UTF-8 ({r['chars'] / 1e6:.1f} M chars)", f"{grow / (r['bytes'] / 1e6):.1f} MB per MB",
            "proportional to the article (same MB/MB at both sizes)", None)  # fmt: skip


def _median_run(cmd: list[str], n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=ENV, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def section_cli(quick: bool) -> None:
    print("\n== command line cold start ==", flush=True)
    n = 3 if quick else 7
    exe = Path(sys.executable).with_name("quote-desk")
    qd = [str(exe)] if exe.is_file() else [sys.executable, "-m", "quote_desk"]
    bare = _median_run([sys.executable, "-c", "pass"], n)
    help_s = _median_run([*qd, "--help"], n)
    row("cli", "`quote-desk --help`", f"{help_s * 1000:.0f} ms (median of {n})", f"bare interpreter {bare * 1000:.0f} ms",
        f"{help_s / bare:.1f}x", "< 300 ms", help_s < 0.3)  # fmt: skip
    tmp = Path(tempfile.mkdtemp(prefix="qd-bench-cli-"))
    try:
        from corpus import base_articles

        (tmp / "one.txt").write_text(base_articles()[0], encoding="utf-8")
        ext = _median_run([*qd, "extract", str(tmp / "one.txt"), "--no-link", "--format", "jsonl"], n)
        row("cli", "`quote-desk extract` one small file (no registry)", f"{ext * 1000:.0f} ms (median of {n})",
            f"--help {help_s * 1000:.0f} ms", f"{ext / help_s:.1f}x", "shown (no goal)")  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _timed_cli(args: list[str]) -> tuple[float, float]:
    """(wall s, CPU s of the command and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "quote_desk", *args], capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def section_batch(quick: bool) -> None:
    from corpus import generate

    mb = 1.0 if quick else 8.0
    print(f"\n== batch extraction of {mb:g} MB: --jobs 1 vs --jobs 2, and Dask ==", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="qd-bench-batch-"))
    try:
        shards = tmp / "articles"
        shards.mkdir()
        arts = list(generate(mb, seed=17))
        per = -(-len(arts) // 8)
        for s in range(8):
            with (shards / f"articles-{s:03d}.jsonl").open("w", encoding="utf-8") as fh:
                for i, t in enumerate(arts[s * per : (s + 1) * per], s * per):
                    fh.write(json.dumps({"doc": f"a{i:06d}", "text": t}, ensure_ascii=False) + "\n")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for _ in range(1 if quick else 3):  # alternate, so a change in the machine's load hits both alike
            for j in (1, 2):
                r = child("cli", argv=["extract", str(shards), "--format", "jsonl", "--no-link", "-j", str(j), "-o",
                                       str(tmp / f"j{j}.jsonl")])  # fmt: skip
                runs[j].append(r)
        w1 = statistics.median(r["wall"] for r in runs[1])
        w2 = statistics.median(r["wall"] for r in runs[2])
        c1 = statistics.median(r["parent_cpu"] + r["workers_cpu"] for r in runs[1])
        p2 = statistics.median(r["parent_cpu"] for r in runs[2])
        k2 = statistics.median(r["workers_cpu"] for r in runs[2])
        same = (tmp / "j1.jsonl").read_bytes() == (tmp / "j2.jsonl").read_bytes()
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        bound = c1 / max(p2, k2 / 2)
        row("batch", f"`extract --jobs 2` ({len(arts):,} articles, {mb:g} MB; median of {len(runs[2])})",
            f"{w2:.1f} s wall; CPU: parent {p2:.1f} s + 2 workers {k2:.1f} s{'' if same else '; OUTPUT DIFFERS'}",
            f"--jobs 1: {w1:.1f} s wall, {c1:.1f} s CPU",
            f"{w1 / w2:.2f}x wall speed-up (machine load {load:.1f} on {cores} cores); {bound:.2f}x on free cores "
            f"(1-job CPU / busiest process); pool overhead {(p2 + k2) / c1 - 1:+.0%} CPU",
            ">= 1.8x on 2 free cores (near-linear)", bound >= 1.8 and same)  # fmt: skip
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            row("batch", "`extract --engine dask`", "pending: pip install '.[archive]'")
            return
        wd, _cd = _timed_cli(["extract", str(shards), "--engine", "dask", "-j", "2", "--format", "jsonl", "--no-link",
                             "-o", str(tmp / "dask")])  # fmt: skip
        joined = b"".join(p.read_bytes() for p in sorted((tmp / "dask").glob("quotes-*.jsonl")))
        same_d = joined == (tmp / "j1.jsonl").read_bytes()
        row("batch", "`extract --engine dask` (local cluster, 2 worker processes, 8 shards)",
            f"{wd:.1f} s wall incl. cluster start; output {'identical' if same_d else 'DIFFERS'}",
            f"one process: {w1:.1f} s wall", f"{w1 / wd:.2f}x", "identical output; a real cluster adds cores",
            same_d)  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def section_desk(quick: bool) -> None:
    import importlib.util

    print("\n== desk ==", flush=True)
    if importlib.util.find_spec("PySide6") is None:
        row("desk", "desk figures", "pending: pip install '.[desk]'")
        return
    sizes = [(2000, 100, 3)] if quick else [(10_000, 300, 5), (100_000, 150, 3)]
    for n, presses, opens in sizes:
        out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_desk.py"), "--quotes", str(n),
                              "--presses", str(presses), "--opens", str(opens)], capture_output=True, text=True, env=ENV)  # fmt: skip
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-2000:])
        r = json.loads(out.stdout[out.stdout.index("{") :])
        k = f"{n // 1000}k"
        goal_open = "< 1 s" if n <= 10_000 else "shown (10k goal < 1 s)"
        row("desk", f"open a {k}-quote project (first frame painted)", f"{r['open_s_median'] * 1000:.0f} ms (median of {opens})",
            f"store alone reading the rows {r['store_open_s_median'] * 1000:.0f} ms",
            f"{r['open_s_median'] / r['store_open_s_median']:.1f}x", goal_open,
            r["open_s_median"] < 1.0 if n <= 10_000 else None)  # fmt: skip
        row("desk", f"accept-and-next, {k} (key to next quote painted, committed)",
            f"median {r['accept_next_ms_median']:.1f} ms, p95 {r['accept_next_ms_p95']:.1f} ms",
            f"store alone committing a decision {r['store_decide_ms_median']:.1f} ms",
            f"{r['accept_next_ms_median'] / r['store_decide_ms_median']:.1f}x", "median < 16 ms",
            r["accept_next_ms_median"] < 16)  # fmt: skip
        row("desk", f"filter typing, {k} (key to filtered queue painted)",
            f"median {r['filter_key_ms_median']:.1f} ms, p95 {r['filter_key_ms_p95']:.1f} ms",
            f"plain-Python filter over the rows {r['filter_plain_ms_median']:.1f} ms",
            f"{r['filter_key_ms_median'] / max(r['filter_plain_ms_median'], 0.01):.1f}x", "median < 16 ms",
            r["filter_key_ms_median"] < 16)  # fmt: skip
        row("desk", f"memory with the {k} project open", f"{r['rss_mb_open']:.0f} MB RSS",
            f"the desk before opening {r['rss_mb_app']:.0f} MB", f"+{r['rss_mb_open'] - r['rss_mb_app']:.0f} MB",
            "shown (no goal)")  # fmt: skip


SECTIONS = {"engine": section_engine, "stanza": section_stanza, "growth": section_growth, "cli": section_cli,
            "batch": section_batch, "desk": section_desk}  # fmt: skip


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = ["| figure | measured | reference (same run) | ratio | goal | |", "|---|---|---|---|---|---|"]
    for r in rows:
        ok = "" if r["ok"] is None else ("met" if r["ok"] else "**missed**")
        lines.append(f"| {r['figure']} | {r['value']} | {r['reference']} | {r['ratio']} | {r['goal']} | {ok} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run in about a minute")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections ({', '.join(SECTIONS)})")
    ap.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    ap.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, kw = args.child
        print(json.dumps(CHILDREN[kind](**json.loads(kw))))
        return 0
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    print(f"quote_desk benchmarks: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {load}", flush=True)
    t0 = time.perf_counter()
    failed = []
    for name in args.only.split(","):
        try:
            SECTIONS[name.strip()](args.quick)
        except Exception as exc:  # report and go on: one broken section must not hide the others
            failed.append(name)
            print(f"  section {name} failed: {exc}", file=sys.stderr)
            row(name, f"{name} section", f"failed: {str(exc).splitlines()[-1] if str(exc) else type(exc).__name__}")
    table = markdown(ROWS)
    print(f"\nAll figures ({time.perf_counter() - t0:.0f} s):\n")
    print(table)
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": ROWS, "load": load}, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(table, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
