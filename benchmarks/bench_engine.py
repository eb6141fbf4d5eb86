"""Engine throughput on one core: characters/s and articles/s, against a bare one-pass regex scan of the cue
lexicon over the same text (the floor of the work), in the same run.

Usage: python benchmarks/bench_engine.py [--mb 20] [--repeat 1]
The corpus is generated from the project's own dev/test/sample articles, repeated to the requested size.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quote_desk.core.lexicon import load_lexicon  # noqa: E402
from quote_desk.core.normalize import normalize  # noqa: E402
from quote_desk.core.pipeline import Extractor  # noqa: E402


def corpus(mb: float) -> list[str]:
    arts = [p.read_text(encoding="utf-8") for d in ("tests/corpus/dev", "tests/corpus/test", "resources/samples") for p in sorted((ROOT / d).glob("*.txt"))]
    out, size = [], 0
    while size < mb * 1_000_000:
        for a in arts:
            out.append(a)
            size += len(a.encode("utf-8"))
            if size >= mb * 1_000_000:
                break
    return out


def regex_scan(articles: list[str]) -> tuple[float, int]:
    """One pass of one compiled alternation of every cue form over the folded text."""
    forms = sorted(load_lexicon().cues, key=len, reverse=True)
    pat = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
    t0 = time.perf_counter()
    n = 0
    for a in articles:
        n += sum(1 for _ in pat.finditer(normalize(a)))
    return time.perf_counter() - t0, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    args = ap.parse_args()
    arts = corpus(args.mb)
    nbytes = sum(len(a.encode("utf-8")) for a in arts)
    nchars = sum(len(a) for a in arts)
    ex = Extractor()
    ex.extract(arts[0], "warm")
    t_scan, hits = regex_scan(arts)
    t0 = time.perf_counter()
    nq = 0
    for i, a in enumerate(arts):
        nq += len(ex.extract(a, str(i)))
    t_eng = time.perf_counter() - t0
    tracemalloc.start()
    big = "\n\n".join(arts[:200])
    ex.extract(big, "big")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"corpus: {len(arts)} articles, {nbytes / 1e6:.1f} MB UTF-8, {nchars:,} characters")
    print(f"regex cue scan : {t_scan:7.2f} s  {nbytes / t_scan / 1e6:6.2f} MB/s  ({hits:,} cue hits)")
    print(f"engine         : {t_eng:7.2f} s  {nbytes / t_eng / 1e6:6.2f} MB/s  {nchars / t_eng:,.0f} chars/s  {len(arts) / t_eng:,.0f} articles/s  ({nq:,} quotes)")
    print(f"ratio engine/scan: {t_eng / t_scan:.1f}x   (goal: >= 1 MB/s per core and within 10x of the scan)")
    print(f"peak memory for one {len(big) / 1e6:.1f} M-character document: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
