"""Long fuzz run of the article reader: random bytes, any text, and test articles/web pages with bytes spliced
in, saved under every supported suffix. Each must give articles or InputErrors, never an exception.

Usage: python benchmarks/fuzz_ingest.py [--examples 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.reliability.articles import ARTICLE, HTML_PAGE  # noqa: E402
from tests.reliability.strategies import FILE_SUFFIXES, article_bytes  # noqa: E402
from tests.reliability.test_ingest import check_reading  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    count = {"n": 0}
    t0 = time.perf_counter()

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None, phases=[Phase.generate, Phase.shrink],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(data=article_bytes([ARTICLE, HTML_PAGE]), suffix=st.sampled_from(FILE_SUFFIXES))
    def run(data: bytes, suffix: str) -> None:
        count["n"] += 1
        with tempfile.TemporaryDirectory() as d:
            check_reading(Path(d), data, suffix)

    run()  # a failure stops here with hypothesis's minimal example
    print(f"reader examples run: {count['n']:,}; failures: 0; time: {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
