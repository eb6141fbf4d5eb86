"""Quote shards (or any JSONL of quotes from `quote-desk extract --format jsonl`) into a review project.

A review project keeps each article's text beside its quotes, so the importer reads the articles too: from the
paths given, or, for a folder written by `--engine dask`, from the inputs its `_plan.json` lists. Every quote is
checked against its article's text (offsets are sacred); importing twice adds nothing (the store is idempotent).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quote_desk.batch.articles import iter_articles
from quote_desk.batch.quotes_io import quote_files, read_quotes
from quote_desk.core.records import Quote
from quote_desk.errors import InputError


@dataclass
class QuoteImport:
    articles: int = 0  # articles imported (new or already there)
    added: int = 0  # quotes added
    kept: int = 0  # quotes already in the project
    errors: list[str] = field(default_factory=list)


def article_inputs(quote_paths: Iterable[str | Path]) -> list[str]:
    """The article inputs recorded by --engine dask in the folders given (its _plan.json), in shard order."""
    from quote_desk.batch.dask_engine import PLAN

    out: list[str] = []
    for p in map(Path, quote_paths):
        plan = p / PLAN
        if p.is_dir() and plan.is_file():
            try:
                shards = json.loads(plan.read_text(encoding="utf-8"))["shards"]
            except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{plan}: not a readable plan of quote shards ({exc})") from None
            out.extend(path for shard in shards for path in shard)
    return out


def import_quotes(project: object, quote_paths: Iterable[str | Path], article_paths: Iterable[str | Path] | None = None,
                  *, encoding: str | None = None, on_article: Callable[[str], None] | None = None) -> QuoteImport:  # fmt: skip
    """Import quotes into `project` (a quote_desk.store.ReviewProject); only articles that have quotes."""
    from quote_desk.store.importing import first_line_title

    quote_paths = list(quote_paths)
    by_doc: dict[str, list[Quote]] = {}
    for f in quote_files(quote_paths):
        for q in read_quotes(f):
            by_doc.setdefault(q.doc, []).append(q)
    articles = list(article_paths) if article_paths else article_inputs(quote_paths)
    if not articles:
        raise InputError("give the articles the quotes come from (--articles), so the desk can show them")
    result = QuoteImport()
    seen: set[str] = set()
    for art in iter_articles(articles, encoding=encoding):
        if isinstance(art, InputError):
            result.errors.append(str(art))
            continue
        quotes = by_doc.get(art.doc)
        if quotes is None or art.doc in seen:
            continue
        seen.add(art.doc)
        try:
            res = project.import_article(art.doc, art.text, quotes, title=first_line_title(art.text),  # type: ignore[attr-defined]
                                         source=str(art.path) if art.path else None)  # fmt: skip
        except InputError as exc:
            result.errors.append(str(exc))
            continue
        result.articles += 1
        result.added += res.added
        result.kept += res.kept
        if on_article is not None:
            on_article(art.doc)
    for doc in by_doc.keys() - seen:
        result.errors.append(f"{len(by_doc[doc])} quotes of article {doc!r}: its text is not among the articles given")
    return result
