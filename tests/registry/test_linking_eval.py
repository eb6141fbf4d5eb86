"""Linking quality on hand-written cases (tests/registry/data/linking_eval.tsv) against the shipped seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from quote_desk.core.linking import LinkingConfig, RegistryLinker
from quote_desk.registry.seed import default_seed

CASES = Path(__file__).parent / "data" / "linking_eval.tsv"


def cases() -> list[tuple[str, tuple[str, ...], str | None, str | None, str | None]]:
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            m, a, t, k, e = line.split("\t")
            out.append((m, tuple(x for x in a.split("|") if x), t or None, k or None, None if e == "-" else e))
    return out


@pytest.fixture(scope="module")
def outcomes(config: LinkingConfig) -> list[tuple[str, str | None, str | None]]:
    linker = RegistryLinker((e.to_target() for e in default_seed().entities), config)
    rows = []
    for m, a, t, k, expected in cases():
        r = linker.link(m, aliases=a, title=t, speaker_type=k)
        rows.append((m, expected, r.entity_id if r is not None and r.level == "linked" else None))
    return rows


def test_the_case_file_is_substantial() -> None:
    rows = cases()
    assert len(rows) >= 100
    assert sum(1 for *_, e in rows if e is None) >= 20  # negatives: titles alone, unknown people, anonymous


def test_precision(outcomes: list[tuple[str, str | None, str | None]]) -> None:
    linked = [(m, e, g) for m, e, g in outcomes if g is not None]
    wrong = [(m, e, g) for m, e, g in linked if g != e]
    assert len(wrong) / len(linked) <= 0.02, wrong


def test_recall(outcomes: list[tuple[str, str | None, str | None]]) -> None:
    should = [(m, e, g) for m, e, g in outcomes if e is not None]
    missed = [(m, e, g) for m, e, g in should if g != e]
    assert len(missed) / len(should) <= 0.05, missed


def test_anonymous_sources_and_titles_alone_never_link(outcomes: list[tuple[str, str | None, str | None]]) -> None:
    by_mention = {m: g for m, _, g in outcomes}
    for m in ("مصادر أمنية", "مصادر سورية", "مصدر مطلع", "وزير الخارجية", "الرئيس السوري", "رئيس الوزراء"):
        assert by_mention[m] is None, m
