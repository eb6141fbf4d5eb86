"""Tables of articles for batch work: JSON Lines and CSV with an id column and a text column.

Both are streamed record by record (a file of any size is read in bounded memory). A bad record gives an
InputError for that record and the rest of the file goes on.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quote_desk.errors import InputError
from quote_desk.ingest.encoding import display_name, sniff_stream_encoding

ID_KEYS: tuple[str, ...] = ("id", "doc", "doc_id", "article_id")
TEXT_KEYS: tuple[str, ...] = ("text", "body", "content", "article")
TITLE_KEYS: tuple[str, ...] = ("title", "headline")
HEAD_BYTES = 64 * 1024

# (doc, text, title, where) or an error for one record
Record = tuple[str, str, str | None, str]


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lower = {str(k).strip().lower(): v for k, v in obj.items()}
    for k in keys:
        if k in lower and lower[k] not in (None, ""):
            return lower[k]
    return None


def _open_text(path: Path, encoding: str | None) -> tuple[io.TextIOWrapper, str]:
    name = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    head = fh.read(HEAD_BYTES)
    fh.seek(0)
    try:
        enc, how = sniff_stream_encoding(head, name, encoding)
    except InputError:
        fh.close()
        raise
    if enc == "utf-16" or enc == "utf-32":
        pass  # the codec reads the BOM itself
    elif enc.startswith("utf-8") and head.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    label = display_name(enc) if how in ("bom", "utf-8") else f"{display_name(enc)} ({how})"
    return io.TextIOWrapper(fh, encoding=enc, errors="strict", newline=""), label


def iter_jsonl(path: Path, encoding: str | None, max_chars: int) -> Iterator[Record | InputError]:
    fh, label = _open_text(path, encoding)
    stem = path.stem
    with fh:
        lineno = 0
        while True:
            lineno += 1
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                yield InputError(f"{path}:{lineno}: not valid {label} ({exc.reason}); the rest of the file is skipped")
                return
            if not line:
                return
            if not line.strip():
                continue
            if len(line) > max_chars:
                yield InputError(f"{path}:{lineno}: the record is larger than the {max_chars:,} character limit")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(f"{path}:{lineno}: not valid JSON ({exc.msg}, column {exc.colno})")
                continue
            yield _record(obj, f"{path}:{lineno}", f"{stem}-{lineno}", label)


def _record(obj: Any, where: str, default_id: str, label: str) -> Record | InputError:
    if not isinstance(obj, dict):
        return InputError(f'{where}: expected an object with "doc" and "text", got {type(obj).__name__}')
    lower = {str(k).strip().lower() for k in obj}
    text = _pick(obj, TEXT_KEYS)
    if not any(k in lower for k in TEXT_KEYS) or (text is not None and not isinstance(text, str)):
        return InputError(f"{where}: no \"text\" field holding the article's text")
    if text is None or not text.strip():
        return InputError(f"{where}: the article's text is empty")
    doc = _pick(obj, ID_KEYS)
    doc = default_id if doc is None else str(doc).strip() or default_id
    title = _pick(obj, TITLE_KEYS)
    return (doc, text, str(title) if title is not None else None, label)


def header_delimiter(header_line: str, suffix: str) -> str:
    """Comma, semicolon (Excel in Arabic/European locales) or tab: the one the header row uses most."""
    if suffix == ".tsv":
        return "\t"
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def iter_csv(path: Path, encoding: str | None, max_chars: int) -> Iterator[Record | InputError]:
    fh, label = _open_text(path, encoding)
    stem = path.stem
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, max_chars))
    try:
        with fh:
            try:
                first = fh.readline()
            except UnicodeDecodeError as exc:
                yield InputError(f"{path}: not valid {label} ({exc.reason})")
                return
            fh.seek(0)
            reader = csv.reader(fh, delimiter=header_delimiter(first, path.suffix.lower()))
            try:
                header = next(reader, None)
            except (csv.Error, UnicodeDecodeError) as exc:
                yield InputError(f"{path}: cannot read the header row ({exc})")
                return
            if header is None:
                yield InputError(f"{path}: the file is empty")
                return
            cols = [h.strip().lower().lstrip("\ufeff") for h in header]
            if not any(k in cols for k in TEXT_KEYS):
                yield InputError(
                    f"{path}: no text column (the header needs one of: {', '.join(TEXT_KEYS)}; "
                    f"and an id column: {', '.join(ID_KEYS)})"
                )
                return
            n = 0  # data rows, the header not counted
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError as exc:
                    yield InputError(f"{path}: after row {n}: not valid {label} ({exc.reason}); the rest is skipped")
                    return
                except csv.Error as exc:
                    yield InputError(f"{path}: row {n + 1}: {exc}; the rest of the file is skipped")
                    return
                n += 1
                if not any(cell.strip() for cell in row):
                    continue
                obj = dict(zip(cols, row, strict=False))
                yield _record(obj, f"{path}: row {n}", f"{stem}-{n}", label)
    finally:
        csv.field_size_limit(old_limit)
