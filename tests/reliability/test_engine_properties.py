"""Short property run over the engine (the long one is benchmarks/fuzz_engine.py), plus every crash the fuzzer
ever found, kept in tests/reliability/regressions/."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from quote_desk.core.pipeline import Extractor
from tests.reliability.strategies import arabic_news, check_properties, mutated_article

REGRESSIONS = Path(__file__).with_name("regressions")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arabic_news)
def test_engine_properties(text):
    ex = Extractor()
    check_properties(text, ex.extract(text, doc="p"), Extractor().extract(text, doc="p"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_article)
def test_engine_properties_on_mutated_articles(text):
    check_properties(text, Extractor().extract(text, doc="m"), Extractor().extract(text, doc="m"))


def regression_cases() -> list[Path]:
    return sorted(REGRESSIONS.glob("*.json"))


def test_regression_corpus():
    """Each saved case once broke the engine; all of them must now pass (an empty corpus passes trivially)."""
    failures = []
    for case in regression_cases():
        data = json.loads(case.read_text("utf-8"))
        assert isinstance(data["text"], str) and data["error"], case.name
        ex = Extractor()
        try:
            check_properties(data["text"], ex.extract(data["text"], doc="r"), ex.extract(data["text"], doc="r"))
        except Exception as exc:
            failures.append(f"{case.name}: {type(exc).__name__}: {exc}")
    assert not failures, "\n".join(failures)
