"""Quote shards: files of Quote records, as JSONL (one object per line, the `extract --format jsonl` schema) or
Parquet (the same columns, typed). Written through a temporary file and a rename, so a shard is whole or absent.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from quote_desk.batch.sink import jsonl_lines, quote_dict
from quote_desk.core.records import QUOTE_FIELDS, Quote
from quote_desk.errors import InputError

QUOTE_SUFFIXES: tuple[str, ...] = (".jsonl", ".parquet")
_INT_FIELDS = {"start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end"}


def arrow_schema() -> Any:
    import pyarrow as pa

    def typ(name: str) -> Any:
        if name in _INT_FIELDS:
            return pa.int64()
        if name == "confidence":
            return pa.float64()
        return pa.string()

    return pa.schema([pa.field(f, typ(f), nullable=f not in ("doc", "start", "end", "text", "kind")) for f in QUOTE_FIELDS])


def need_pyarrow(what: str) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise InputError(f"{what} needs pyarrow: pip install 'quote-desk[archive]'") from None


def write_quote_shard(path: Path, quotes: Sequence[Quote]) -> None:
    """Write quotes to `path` (.parquet or .jsonl) atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".quote-desk-", suffix=path.suffix, dir=path.parent)
    try:
        if path.suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            os.close(fd)
            table = pa.Table.from_pylist([quote_dict(q) for q in quotes], schema=arrow_schema())
            pq.write_table(table, tmp, compression="zstd")
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(jsonl_lines(quotes))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _quote(record: object, where: str) -> Quote:
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a quote object")
    missing = [f for f in ("doc", "start", "end", "text", "kind") if f not in record]
    if missing:
        raise InputError(f"{where}: not a quote record (no {', '.join(missing)})")
    data = {f: record.get(f) for f in QUOTE_FIELDS}
    data.setdefault("speaker_type", "unknown")
    if data["speaker_type"] is None:
        data["speaker_type"] = "unknown"
    data["confidence"] = float(data["confidence"] or 0.0)
    data["reason"] = data["reason"] or ""
    try:
        return Quote(**data)
    except TypeError as exc:
        raise InputError(f"{where}: not a quote record ({exc})") from None


def read_quotes(path: Path) -> Iterator[Quote]:
    """The quotes of one file (JSONL or Parquet); a bad line raises InputError naming the file and line."""
    if path.suffix.lower() == ".parquet":
        need_pyarrow(f"reading {path}")
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(path)
        except Exception as exc:
            raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
        n = 0
        for batch in pf.iter_batches(batch_size=4096):
            for record in batch.to_pylist():
                n += 1
                yield _quote(record, f"{path}: row {n}")
        return
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"{path}:{n}: not valid JSON") from None
            yield _quote(record, f"{path}:{n}")


def quote_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders to their quote shards (sorted by name, i.e. by shard number)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in QUOTE_SUFFIXES
                           and not f.name.startswith((".", "_")))  # fmt: skip
            if not found:
                raise InputError(f"{p}: the folder has no quote shards (.parquet or .jsonl)")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return out
