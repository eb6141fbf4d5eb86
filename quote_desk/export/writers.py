"""CSV (Excel and raw profiles) and JSONL writers. Files are written to a temporary file, then renamed."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, TextIO

from quote_desk.errors import InputError, QuoteDeskError
from quote_desk.export.columns import EXPORT_COLUMNS, TEXT_COLUMNS, record
from quote_desk.export.safe import csv_safe
from quote_desk.store import QuoteRow

Profile = Literal["excel", "raw"]
PROFILES: tuple[str, ...] = ("excel", "raw")
DELIMITERS: dict[str, str] = {",": ",", "comma": ",", ";": ";", "semicolon": ";", "tab": "\t", "\t": "\t"}


class ExportError(QuoteDeskError):
    """The export file cannot be written."""


@contextmanager
def atomic_text(path: str | Path, encoding: str) -> Iterator[TextIO]:
    """Open a temporary file beside `path`; on success fsync and rename it over `path`, else remove it."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name to export to")
    if not target.parent.is_dir():
        raise ExportError(f"cannot export to {target}: folder {target.parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot write in {target.parent} ({exc.strerror or exc})") from exc
    try:
        with open(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _delimiter(delimiter: str) -> str:
    try:
        return DELIMITERS[delimiter]
    except KeyError:
        raise InputError(f"unknown delimiter {delimiter!r} (use comma, semicolon or tab)") from None


def write_csv(
    rows: Iterable[QuoteRow], path: str | Path, *, profile: str = "excel", delimiter: str = ","
) -> int:
    """Write rows as CSV. excel: UTF-8 with BOM, formula-like text cells neutralised; raw: UTF-8, as stored."""
    if profile not in PROFILES:
        raise InputError(f"unknown CSV profile {profile!r} (use excel or raw)")
    delim = _delimiter(delimiter)
    excel = profile == "excel"
    n = 0
    with atomic_text(path, "utf-8-sig" if excel else "utf-8") as fh:
        w = csv.writer(fh, delimiter=delim, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(EXPORT_COLUMNS)
        for row in rows:
            rec = record(row)
            cells = []
            for col in EXPORT_COLUMNS:
                v = rec[col]
                s = "" if v is None else str(v)
                if excel and col in TEXT_COLUMNS:
                    s = csv_safe(s)
                cells.append(s)
            w.writerow(cells)
            n += 1
    return n


def write_jsonl(rows: Iterable[QuoteRow], path: str | Path) -> int:
    """One JSON object per line (UTF-8, no BOM), values exactly as stored."""
    n = 0
    with atomic_text(path, "utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(record(row), ensure_ascii=False) + "\n")
            n += 1
    return n
