"""Long fuzz run of the engine with the Arabic-aware strategies of tests/reliability/strategies.py.

Usage: python benchmarks/fuzz_engine.py [--examples 100000] [--seed 1] [--strategy both|mixed|mutated]

Unlike the short property test, a failing example does not stop the run: each distinct failure (by exception
type and message, offsets masked) is saved to tests/reliability/regressions/<hash>.json with the input text,
so the suite keeps checking it. Prints the number of examples run, failures and time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from quote_desk.core.pipeline import Extractor  # noqa: E402
from tests.reliability.strategies import arabic_news, check_properties, mutated_article  # noqa: E402

STRATEGIES = {"mixed": arabic_news, "mutated": mutated_article, "both": st.one_of(arabic_news, mutated_article)}

REGRESSIONS = ROOT / "tests" / "reliability" / "regressions"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--strategy", choices=sorted(STRATEGIES), default="both",
                    help="mixed: pieces and random text; mutated: the test corpus with random edits")  # fmt: skip
    args = ap.parse_args(argv)
    stats = {"examples": 0, "failures": 0, "chars": 0, "quotes": 0}
    seen: dict[str, str] = {}
    ex = Extractor()
    t0 = time.perf_counter()

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(STRATEGIES[args.strategy])
    def run(text: str) -> None:
        stats["examples"] += 1
        stats["chars"] += len(text)
        try:
            quotes = ex.extract(text, doc="f")
            stats["quotes"] += len(quotes)
            check_properties(text, quotes, Extractor().extract(text, doc="f") if stats["examples"] % 50 == 0
                             else ex.extract(text, doc="f"))  # fmt: skip
        except Exception as exc:
            stats["failures"] += 1
            sig = f"{type(exc).__name__}: {re.sub(r'[0-9]+', 'N', str(exc))}"
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            sig += f" @ {Path(frame.filename).name}:{frame.lineno}"
            if sig not in seen or len(text) < len(seen[sig]):
                if sig not in seen:
                    print(f"  new failure after {stats['examples']:,} examples: {sig}", flush=True)
                seen[sig] = text
        if stats["examples"] % 10_000 == 0:
            print(f"  {stats['examples']:,} examples, {len(seen)} distinct failures, "
                  f"{time.perf_counter() - t0:.0f} s", flush=True)  # fmt: skip

    run()
    elapsed = time.perf_counter() - t0
    REGRESSIONS.mkdir(parents=True, exist_ok=True)
    for sig, text in seen.items():
        name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        (REGRESSIONS / f"{name}.json").write_text(
            json.dumps({"text": text, "error": sig, "found_by": "benchmarks/fuzz_engine.py"}, ensure_ascii=False,
                       indent=1) + "\n", "utf-8")  # fmt: skip
        print(f"FAILURE {name}: {sig}")
    print(f"examples run: {stats['examples']:,}; failing examples: {stats['failures']:,}; distinct failures: "
          f"{len(seen)}; quotes found: {stats['quotes']:,}; characters: {stats['chars']:,}; "
          f"time: {elapsed:.0f} s ({stats['examples'] / elapsed:.0f} examples/s)")  # fmt: skip
    return 1 if seen else 0


if __name__ == "__main__":
    raise SystemExit(main())
