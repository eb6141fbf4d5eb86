"""Ordered parallel extraction: articles go to a pool of worker processes in chunks, results come back in the
input order as soon as every earlier article is done. Memory stays bounded: at most `jobs * ahead` chunks are
in flight, and the input is read lazily.

With jobs == 1 everything runs in this process (same code, no pool), which is also the reference for tests.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from quote_desk.batch.engine_spec import EngineSpec, extractor_for, tune_gc
from quote_desk.core.records import Quote
from quote_desk.errors import InputError

# A chunk is sent to a worker when it holds this many characters or articles (amortises the pickling and
# the round trip; one article of the corpus is ~1,800 characters, ~2 ms of engine time).
CHUNK_CHARS = 200_000
CHUNK_ARTICLES = 64


@dataclass(frozen=True, slots=True)
class Item:
    """One unit of input in order: an article (doc, text, key) or an input error to report in its place."""

    doc: str
    text: str = ""
    key: str = ""  # what the resume journal records: doc id and a digest of the text
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Done:
    item: Item
    quotes: tuple[Quote, ...] = ()  # when rendered in the parent (render=None)
    rendered: str | None = None  # the output text, rendered by the worker (render="jsonl" or "csv")
    count: int = 0  # number of quotes
    error: str | None = None  # input error or an engine failure on this article (the batch goes on)
    crash: str | None = None  # the traceback when the engine failed (a bug of ours), for the crash log


Result = tuple[tuple[Quote, ...], str | None, int, str | None, str | None]


def _extract_chunk(spec: EngineSpec, render: str | None, chunk: list[Item]) -> list[Result]:
    """Extract a chunk; with `render`, return output text instead of Quote objects: workers do the
    formatting, and the parent only writes (pickling Quote objects costs as much as rendering them)."""
    from quote_desk.batch.sink import render_quotes

    ex = extractor_for(spec)
    out: list[Result] = []
    for it in chunk:
        if it.error is not None:
            out.append(((), None, 0, it.error, None))
            continue
        try:
            quotes = ex.extract(it.text, doc=it.doc)
        except Exception as exc:
            import traceback

            out.append(((), None, 0, f"{it.doc}: internal error ({type(exc).__name__}: {exc})",
                        f"article {it.doc}:\n{traceback.format_exc()}"))  # fmt: skip
            continue
        if render is None:
            out.append((tuple(quotes), None, len(quotes), None, None))
        else:
            out.append(((), render_quotes(quotes, render), len(quotes), None, None))
    return out


def _worker_init(spec: EngineSpec) -> None:
    # Ctrl+C goes to the whole process group: the parent handles it (and keeps the journal consistent);
    # workers must not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    extractor_for(spec)
    tune_gc()


def chunks(items: Iterable[Item], max_chars: int = CHUNK_CHARS, max_articles: int = CHUNK_ARTICLES) -> Iterator[list[Item]]:
    buf: list[Item] = []
    size = 0
    for it in items:
        buf.append(it)
        size += len(it.text)
        if size >= max_chars or len(buf) >= max_articles:
            yield buf
            buf, size = [], 0
    if buf:
        yield buf


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_ordered(items: Iterable[Item], spec: EngineSpec, jobs: int = 1, *, render: str | None = None,
                    ahead: int = 3, max_chars: int = CHUNK_CHARS) -> Iterator[Done]:  # fmt: skip
    """Yield one Done per item, in the order of `items`. `render` ("jsonl", "csv"): workers format the quotes."""
    if jobs <= 1:
        for chunk in chunks(items, max_chars):
            for it, res in zip(chunk, _extract_chunk(spec, render, chunk), strict=True):
                yield Done(it, *res)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(spec,))
    inflight: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    source = chunks(items, max_chars)
    try:
        exhausted = False
        while True:
            while not exhausted and len(inflight) < jobs * ahead:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                inflight.append((chunk, pool.submit(_extract_chunk, spec, render, chunk)))
            if not inflight:
                break
            chunk, fut = inflight.popleft()
            for it, res in zip(chunk, fut.result(), strict=True):
                yield Done(it, *res)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def as_item(article: object, key: str) -> Item:
    """An Item from what quote_desk.batch.articles yields (an Article or an InputError)."""
    if isinstance(article, InputError):
        return Item(doc="", error=str(article))
    return Item(doc=article.doc, text=article.text, key=key)  # type: ignore[attr-defined]
