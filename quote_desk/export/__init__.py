"""Export reviewed quotes: CSV (Excel-safe and raw profiles) and JSONL. No Qt here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quote_desk.errors import InputError
from quote_desk.export.columns import EXPORT_COLUMNS, TEXT_COLUMNS, record
from quote_desk.export.safe import csv_safe, needs_neutralising
from quote_desk.export.writers import DELIMITERS, PROFILES, ExportError, write_csv, write_jsonl
from quote_desk.store import ACCEPTED_STATUSES, QuoteRow, ReviewProject

FORMATS: tuple[str, ...] = ("csv", "jsonl")

__all__ = [
    "DELIMITERS",
    "EXPORT_COLUMNS",
    "FORMATS",
    "PROFILES",
    "TEXT_COLUMNS",
    "ExportError",
    "csv_safe",
    "export_rows",
    "needs_neutralising",
    "record",
    "select_rows",
    "write_csv",
    "write_jsonl",
]


def select_rows(project: ReviewProject, statuses: Sequence[str] | None = ACCEPTED_STATUSES) -> list[QuoteRow]:
    """Rows to export: by default the accepted ones (accepted or edited); None = every quote."""
    return project.rows(statuses)


def export_rows(
    rows: Sequence[QuoteRow], path: str | Path, *, fmt: str = "csv", profile: str = "excel", delimiter: str = ","
) -> int:
    if fmt == "csv":
        return write_csv(rows, path, profile=profile, delimiter=delimiter)
    if fmt == "jsonl":
        return write_jsonl(rows, path)
    raise InputError(f"unknown export format {fmt!r} (use csv or jsonl)")
