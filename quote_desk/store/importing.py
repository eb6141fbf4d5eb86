"""Reading articles to import: files, folders and pasted text, with clear messages for what cannot be used.

Files are read by quote_desk.ingest (encodings, web pages, Word documents, tables of articles), so the desk and
the command line see the same text, with the same offsets.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quote_desk.errors import InputError
from quote_desk.ingest import ARTICLE_SUFFIXES, FOLDER_SUFFIXES, Article, expand_paths, read_path
from quote_desk.ingest.text import clean_text, first_line_title

__all__ = [
    "ARTICLE_SUFFIXES",
    "FOLDER_SUFFIXES",
    "ArticleSource",
    "collect_paths",
    "first_line_title",
    "pasted_article",
    "read_article",
    "read_sources",
]


@dataclass(frozen=True, slots=True)
class ArticleSource:
    doc: str
    text: str
    title: str | None
    source: str | None
    notes: tuple[str, ...] = ()  # what reading assumed or changed (e.g. "read as windows-1256 (detected)")


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders expanded to their article files (sorted, recursive). Missing paths raise."""
    out: list[Path] = []
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            if "no such file" in str(item):
                raise item
            continue  # a folder without articles: the caller reports "nothing to import"
        out.append(item)
    return out


def _source(a: Article) -> ArticleSource:
    return ArticleSource(a.doc, a.text, a.title, str(a.path) if a.path else None, a.notes)


def read_sources(path: str | Path, encoding: str | None = None) -> Iterator[ArticleSource | InputError]:
    """Every article of one file (one for an article, one per record for a .jsonl/.csv table)."""
    for item in read_path(Path(path), encoding):
        yield item if isinstance(item, InputError) else _source(item)


def read_article(path: str | Path, encoding: str | None = None) -> ArticleSource:
    """The one article of an article file (text, web page, Word document)."""
    from quote_desk.ingest import read_article as ingest_read

    return _source(ingest_read(Path(path), encoding))


def pasted_article(text: str) -> ArticleSource:
    """An article pasted from the clipboard; its id is derived from the text, so pasting twice is harmless."""
    text, notes = clean_text(text)
    if not text.strip():
        raise InputError("the clipboard holds no text to import")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return ArticleSource(f"pasted-{digest}", text, first_line_title(text), "clipboard", notes)
