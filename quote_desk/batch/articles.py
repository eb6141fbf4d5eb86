"""Reading articles for batch runs: .txt files and folders, JSONL, CSV and Parquet article shards.

Plain text goes through `quote_desk.ingest.iter_articles(paths, encoding=...)`. Article shards hold one article
per line (JSONL), per row (CSV, with a header) or per row (Parquet): a `text` column and an id column `doc` (or
`id`); `title` is optional. A row without an id gets `<file stem>-<row number>`. When quote_desk.ingest reads
JSONL/CSV itself, it is used for them too; Parquet is read here (pyarrow, the `archive` extra).

Every problem is one `InputError` in the stream (file and line), and the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import inspect
import json
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from quote_desk.errors import InputError
from quote_desk.ingest import Article

SHARD_SUFFIXES: tuple[str, ...] = (".jsonl", ".csv", ".parquet")
ID_FIELDS: tuple[str, ...] = ("doc", "id")


@cache
def _ingest_api() -> tuple[bool, tuple[str, ...]]:
    """(ingest takes encoding=, suffixes ingest reads itself). Tolerates an older ingest without them."""
    from quote_desk import ingest

    try:
        takes_encoding = "encoding" in inspect.signature(ingest.iter_articles).parameters
    except (TypeError, ValueError):
        takes_encoding = False
    suffixes = tuple(s.lower() for s in getattr(ingest, "ARTICLE_SUFFIXES", getattr(ingest, "TEXT_SUFFIXES", (".txt",))))
    return takes_encoding, suffixes


def _mine(path: Path) -> bool:
    """Read here rather than by ingest: Parquet always; JSONL/CSV while ingest does not read them."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return True
    return suffix in SHARD_SUFFIXES and suffix not in _ingest_api()[1]


def _ingest(paths: list[str | Path], encoding: str | None) -> Iterator[Article | InputError]:
    from quote_desk import ingest

    takes_encoding, _ = _ingest_api()
    if takes_encoding:
        yield from ingest.iter_articles(paths, encoding=encoding)
        return
    if encoding is None:
        yield from ingest.iter_articles(paths)
        return
    # An ingest without `encoding`: decode the listed files here with the encoding asked for.
    for item in ingest.expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            text = item.read_bytes().decode(encoding)
        except (OSError, UnicodeDecodeError, LookupError) as exc:
            yield InputError(f"{item}: cannot read it as {encoding} ({exc})")
            continue
        if not text.strip():
            yield InputError(f"{item}: the file is empty")
            continue
        yield Article(doc=item.stem, text=text, path=item, encoding=encoding)


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files as given; folders to their article shards (if any) or else left whole for ingest (.txt)."""
    for p in map(Path, paths):
        if p.is_dir():
            shards = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SHARD_SUFFIXES)
            yield from shards if shards else [p]
        elif p.exists():
            yield p
        else:
            yield InputError(f"{p}: no such file or folder")


def iter_articles(paths: Iterable[str | Path], encoding: str | None = None) -> Iterator[Article | InputError]:
    """Articles in a stable order: the paths in the order given, folders sorted, shards row by row."""
    pending: list[str | Path] = []  # consecutive paths for ingest, read in one call (keeps its order)
    for item in expand(paths):
        if isinstance(item, Path) and not _mine(item):
            pending.append(item)
            continue
        if pending:
            yield from _ingest(pending, encoding)
            pending = []
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_shard(item, encoding)
    if pending:
        yield from _ingest(pending, encoding)


def read_shard(path: Path, encoding: str | None = None) -> Iterator[Article | InputError]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _read_parquet(path)
    elif suffix == ".csv":
        yield from _read_csv(path, encoding)
    else:
        yield from _read_jsonl(path, encoding)


def _article(path: Path, row: int, record: dict[str, object], where: str, encoding: str) -> Article | InputError:
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(f"{where}: no \"text\" field holding the article's text")
    if not text.strip():
        return InputError(f"{where}: the article's text is empty")
    doc = next((record[k] for k in ID_FIELDS if record.get(k) not in (None, "")), None)
    return Article(doc=str(doc) if doc is not None else f"{path.stem}-{row}", text=text, path=path, encoding=encoding)


def _open_text(path: Path, encoding: str | None):
    enc = encoding or "utf-8-sig"
    try:
        return path.open(encoding=enc, newline="")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None


def _read_jsonl(path: Path, encoding: str | None) -> Iterator[Article | InputError]:
    try:
        fh = _open_text(path, encoding)
    except InputError as exc:
        yield exc
        return
    with fh:
        n = 0
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    yield InputError(f"{path}:{n}: not valid JSON")
                    continue
                if not isinstance(record, dict):
                    yield InputError(f"{path}:{n}: expected an object with \"doc\" and \"text\"")
                    continue
                yield _article(path, n, record, f"{path}:{n}", encoding or "utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(f"{path}: line {n + 1} is not valid {encoding or 'UTF-8'} (byte {exc.start}); "
                             "give its encoding with --encoding")  # fmt: skip


def _read_csv(path: Path, encoding: str | None) -> Iterator[Article | InputError]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # one cell holds a whole article
    try:
        fh = _open_text(path, encoding)
    except InputError as exc:
        yield exc
        return
    with fh:
        try:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                yield InputError(f"{path}: a CSV of articles needs a header with a \"text\" column (and \"doc\")")
                return
            for n, record in enumerate(reader, 1):
                yield _article(path, n, record, f"{path}: row {n}", encoding or "utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(f"{path}: not valid {encoding or 'UTF-8'} (byte {exc.start}); give its encoding with --encoding")
        except csv.Error as exc:
            yield InputError(f"{path}: not a readable CSV ({exc})")


def _read_parquet(path: Path) -> Iterator[Article | InputError]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputError(f"{path}: reading Parquet needs pyarrow: pip install 'quote-desk[archive]'")
        return
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:
        yield InputError(f"{path}: not a readable Parquet file ({exc})")
        return
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        yield InputError(f"{path}: a Parquet shard of articles needs a \"text\" column (and \"doc\")")
        return
    columns = ["text", *[c for c in (*ID_FIELDS, "title") if c in names]]
    n = 0
    for batch in pf.iter_batches(batch_size=256, columns=columns):
        for record in batch.to_pylist():
            n += 1
            yield _article(path, n, record, f"{path}: row {n}", "utf-8")


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles the paths hold, cheaply (for a progress bar); None when it cannot tell quickly."""
    total = 0
    try:
        for item in expand(paths):
            if isinstance(item, InputError):
                total += 1
            elif item.is_dir():
                _, suffixes = _ingest_api()
                total += sum(1 for f in item.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
            elif item.suffix.lower() == ".jsonl":
                with item.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif item.suffix.lower() == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(item).metadata.num_rows
            elif item.suffix.lower() == ".csv":
                return None
            else:
                total += 1
    except Exception:
        return None
    return total
