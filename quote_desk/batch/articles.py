"""Reading articles for batch runs: everything quote_desk.ingest reads (text, HTML, Word files, folders, JSONL and
CSV tables of articles, with `encoding=`), plus Parquet article shards (pyarrow, the `archive` extra).

A Parquet shard holds one article per row: a `text` column and an id column `doc` (or `id`); a row without an id
gets `<file stem>-<row number>`. Every problem is one `InputError` in the stream (file and row), and the rest of
the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from quote_desk import ingest
from quote_desk.errors import InputError
from quote_desk.ingest import Article

SHARD_SUFFIXES: tuple[str, ...] = (".jsonl", ".csv", ".parquet")
ID_FIELDS: tuple[str, ...] = ("doc", "id")


def expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files as given; folders to their article shards (if any) or else left whole for ingest."""
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
        if isinstance(item, Path) and item.suffix.lower() != ".parquet":
            pending.append(item)
            continue
        if pending:
            yield from ingest.iter_articles(pending, encoding=encoding)
            pending = []
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_parquet(item)
    if pending:
        yield from ingest.iter_articles(pending, encoding=encoding)


def _article(path: Path, row: int, record: dict[str, object], where: str) -> Article | InputError:
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(f"{where}: no \"text\" field holding the article's text")
    if not text.strip():
        return InputError(f"{where}: the article's text is empty")
    doc = next((record[k] for k in ID_FIELDS if record.get(k) not in (None, "")), None)
    return Article(doc=str(doc) if doc is not None else f"{path.stem}-{row}", text=text, path=path, encoding="utf-8")


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
            yield _article(path, n, record, f"{path}: row {n}")


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles the paths hold, cheaply (for a progress bar); None when it cannot tell quickly."""
    total = 0
    try:
        for item in expand(paths):
            if isinstance(item, InputError):
                total += 1
            elif item.is_dir():
                total += sum(1 for f in item.rglob("*") if f.is_file() and f.suffix.lower() in ingest.FOLDER_SUFFIXES)
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
