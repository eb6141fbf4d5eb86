"""Reading articles from files and folders. Each problem is reported per file (or per record); the rest of a
batch goes on.

Formats: plain text (.txt, any of UTF-8 with or without BOM, UTF-16/32 with BOM, Windows-1256, ISO-8859-6 and
whatever else charset-normalizer recognises), saved web pages (.html/.htm, body text via trafilatura), Word
documents (.docx) and tables of articles (.jsonl, .csv: an id column and a text column). Folders are expanded
to their .txt/.html/.htm/.docx files (recursively, sorted); tables are read only when named explicitly.

The text of an Article is what the engine and the editor see (line ends as LF, NUL characters removed);
every offset refers to it. Memory stays bounded: files are read one at a time, tables record by record, and a
single article larger than `max_bytes` is refused without being read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quote_desk.errors import InputError
from quote_desk.ingest.encoding import decode_bytes
from quote_desk.ingest.text import clean_text, first_line_title

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES: tuple[str, ...] = (".docx",)
TABLE_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson", ".csv", ".tsv")
# What a folder is expanded to. Tables are left out: a folder may hold exported quotes.
FOLDER_SUFFIXES: tuple[str, ...] = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES
ARTICLE_SUFFIXES: tuple[str, ...] = FOLDER_SUFFIXES + TABLE_SUFFIXES
# One article larger than this is refused: a 4 MiB article is about 2 million Arabic characters (half a
# minute of extraction); a 50 MB "article" is a dump to split (about 6 minutes and 2 GB if it were read whole).
MAX_ARTICLE_BYTES = 4 * 1024 * 1024

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Article:
    doc: str  # document id: the file stem, or the id column of a table
    text: str
    path: Path | None = None
    encoding: str = "utf-8"  # what was assumed, for messages: "utf-8", "windows-1256 (detected)", ...
    title: str | None = None
    notes: tuple[str, ...] = ()  # what reading changed or assumed, for the user


def _skip_name(name: str) -> bool:
    return name.startswith((".", "~$"))  # hidden files, Word's lock files


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files as given; folders expanded to their article files (sorted, recursive)."""
    for p in map(Path, paths):
        if p.is_dir():
            found: list[str] = []  # plain strings: 10,000 files cost about 1 MB, not 10
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(os.path.join(root, f) for f in files
                             if not _skip_name(f) and os.path.splitext(f)[1].lower() in FOLDER_SUFFIXES)  # fmt: skip
            if not found:
                yield InputError(f"{p}: the folder has no articles ({', '.join(FOLDER_SUFFIXES)})")
            found.sort()
            yield from map(Path, found)
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield InputError(f"{p}: no such file or folder")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{name}: {size / 2**20:.1f} MiB is more than one article can be "
                f"(limit {max_bytes / 2**20:.0f} MiB); split it into articles, or use a .jsonl/.csv table"
            )
        with open(path, "rb") as fh:
            data = fh.read()  # not read(max_bytes): that would allocate max_bytes for every small file
        if len(data) > max_bytes:  # it grew since stat()
            raise InputError(f"{name}: more than one article can be (limit {max_bytes / 2**20:.0f} MiB)")
        return data
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{name}: no permission to read it") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None


def _article(doc: str, raw: str, path: Path | None, encoding: str, title: str | None,
             notes: tuple[str, ...] = ()) -> Article:  # fmt: skip
    text, cleaned = clean_text(raw)
    if not text.strip():
        where = str(path) if path is not None else doc
        raise InputError(f"{where}: the article is empty")
    return Article(doc, text, path, encoding, title or first_line_title(text), notes + cleaned)


def read_article(path: str | Path, encoding: str | None = None, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """One article file: text, web page or Word document."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        raise InputError(f"{path}: a table of articles; read it with read_path()")
    if suffix == ".doc":
        raise InputError(f"{path}: the old Word format (.doc) is not supported; save it as .docx")
    if suffix in DOCX_SUFFIXES:
        from quote_desk.ingest.docx import docx_to_text

        _read_bytes(path, max_bytes)  # size and permission checks
        text, title = docx_to_text(path)
        return _article(path.stem, text, path, "docx", title)
    data = _read_bytes(path, max_bytes)
    if not data:
        raise InputError(f"{path}: the file is empty")
    decoded = decode_bytes(data, str(path), encoding)
    notes = decoded.notes + (() if decoded.how in ("bom", "utf-8") else (f"read as {decoded.label}",))
    if suffix in HTML_SUFFIXES:
        from quote_desk.ingest.html import html_to_text

        text, title = html_to_text(decoded.text, str(path))
        return _article(path.stem, text, path, decoded.label, title, notes)
    return _article(path.stem, decoded.text, path, decoded.label, None, notes)


def read_path(path: str | Path, encoding: str | None = None, *,
              max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:  # fmt: skip
    """The articles of one file: one for an article file, one per record for a table."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        from quote_desk.ingest.batch import iter_csv, iter_jsonl

        records = iter_jsonl if suffix in (".jsonl", ".ndjson") else iter_csv
        try:
            for rec in records(path, encoding, max_bytes):
                if isinstance(rec, InputError):
                    yield rec
                    continue
                doc, text, title, label = rec
                try:
                    yield _article(doc, text, path, label, title)
                except InputError as exc:
                    yield exc
        except InputError as exc:
            yield exc
        return
    try:
        yield read_article(path, encoding, max_bytes=max_bytes)
    except InputError as exc:
        yield exc


def iter_articles(
    paths: Iterable[str | Path],
    encoding: str | None = None,
    *,
    max_bytes: int = MAX_ARTICLE_BYTES,
    progress: Progress | None = None,
) -> Iterator[Article | InputError]:
    """Every article of `paths` (files and folders), or an InputError for each one that cannot be read.

    `encoding` overrides detection for every text file; `progress(done, total, name)` is called after each file.
    """
    if encoding:
        from quote_desk.ingest.encoding import check_encoding_name

        check_encoding_name(encoding)  # a typo fails once, up front, not once per file
    items: list[str | InputError] = [i if isinstance(i, InputError) else str(i) for i in expand_paths(paths)]
    total = len(items)
    for i, item in enumerate(items):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_path(item, encoding, max_bytes=max_bytes)
        if progress is not None:
            progress(i + 1, total, "" if isinstance(item, InputError) else item)


__all__ = [
    "ARTICLE_SUFFIXES",
    "FOLDER_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "Article",
    "expand_paths",
    "iter_articles",
    "read_article",
    "read_path",
]
