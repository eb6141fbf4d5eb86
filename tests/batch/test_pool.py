"""The ordered process pool: same results in the same order for any number of workers; errors in place."""

import pytest

from quote_desk.batch import pool
from quote_desk.batch.engine_spec import EngineSpec
from quote_desk.batch.pool import Item, chunks, extract_ordered
from quote_desk.batch.sink import jsonl_lines
from quote_desk.core.pipeline import Extractor

from .conftest import articles


def _items(n):
    return [Item(doc=d, text=t, key=d) for d, t in articles(n)]


def test_two_workers_give_the_single_process_output_in_input_order():
    items = _items(90)
    items.insert(7, Item(doc="", error="bad.txt: the file is empty"))
    one = list(extract_ordered(items, EngineSpec(), jobs=1))
    # small chunks, so many chunks are in flight and finish out of order
    two = list(extract_ordered(items, EngineSpec(), jobs=2, max_chars=5_000, ahead=4))
    assert [d.item.key for d in two] == [it.key for it in items]
    assert [d.error for d in two] == [d.error for d in one]
    assert [d.quotes for d in two] == [d.quotes for d in one]
    assert sum(len(d.quotes) for d in one) > 90  # the articles do hold quotes
    ex = Extractor()
    assert [list(d.quotes) for d in one if d.error is None] == [ex.extract(it.text, it.doc) for it in items if it.error is None]


def test_workers_render_exactly_what_the_parent_would():
    items = _items(30)
    rendered = list(extract_ordered(items, EngineSpec(), jobs=2, render="jsonl", max_chars=10_000))
    plain = list(extract_ordered(items, EngineSpec(), jobs=1))
    assert [d.rendered for d in rendered] == [jsonl_lines(d.quotes) for d in plain]
    assert [d.count for d in rendered] == [len(d.quotes) for d in plain]


def test_an_engine_failure_on_one_article_is_reported_and_the_batch_goes_on(monkeypatch):
    real = Extractor()

    class Flaky:
        def extract(self, text, doc="doc"):
            if doc == "art-0003":
                raise RuntimeError("boom")
            return real.extract(text, doc)

    monkeypatch.setattr(pool, "extractor_for", lambda spec: Flaky())
    done = list(extract_ordered(_items(6), EngineSpec(), jobs=1))
    assert [d.error is None for d in done] == [True, True, True, False, True, True]
    assert "art-0003" in done[3].error and "RuntimeError: boom" in done[3].error
    assert "Traceback" in done[3].crash and "boom" in done[3].crash and done[0].crash is None
    assert all(d.quotes for d in done if d.error is None)


@pytest.mark.parametrize("max_chars", [1, 10_000, 10**9])
def test_chunks_keep_order_and_lose_nothing(max_chars):
    items = _items(70)
    got = [it for c in chunks(items, max_chars=max_chars, max_articles=16) for it in c]
    assert got == items
    assert all(1 <= len(c) <= 16 for c in chunks(items, max_chars=max_chars, max_articles=16))
