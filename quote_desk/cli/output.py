"""Writing Quote records as JSONL, CSV or a readable table (shared by extract and demo)."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from quote_desk.core.records import QUOTE_FIELDS, Quote
from quote_desk.errors import QuoteDeskError

_FORMULA_START = set("=+-@\t\r\0＝＋－＠")


def neutralise_cell(value: str) -> str:
    """Excel formula injection (CWE-1236): prefix ' when the first visible character starts a formula."""
    i = 0
    while i < len(value) and (unicodedata.category(value[i]) == "Cf" or value[i] == " "):
        i += 1
    if i < len(value) and value[i] in _FORMULA_START:
        return "'" + value
    return value


def render(quotes: Sequence[Quote], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(q.to_dict(), ensure_ascii=False) + "\n" for q in quotes)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(QUOTE_FIELDS)
        for q in quotes:
            d = q.to_dict()
            w.writerow(["" if d[f] is None else neutralise_cell(d[f]) if isinstance(d[f], str) else d[f] for f in QUOTE_FIELDS])
        return buf.getvalue()
    return table(quotes)


def table(quotes: Sequence[Quote]) -> str:
    """A plain table for a terminal: one block per quote, readable with Arabic text."""
    if not quotes:
        return "(no quotes found)\n"
    out = []
    doc = None
    for n, q in enumerate(quotes, 1):
        if q.doc != doc:
            doc = q.doc
            out.append(f"\n== {doc} ==")
        who = q.speaker_canonical or "؟"
        extra = []
        if q.title:
            extra.append(q.title)
        if q.via:
            extra.append(f"via {q.via}")
        if q.speaker_id:
            extra.append(f"id {q.speaker_id}")
        text = q.text if len(q.text) <= 160 else q.text[:157] + "…"
        out.append(
            f"[{n}] {q.kind:<8} conf {q.confidence:.2f}  cue: {q.cue or '-'}  speaker: {who}"
            + (f" ({'; '.join(extra)})" if extra else "")
            + f"\n     «{text}»"
        )
    return "\n".join(out).lstrip("\n") + "\n"


def write_quotes(quotes: Sequence[Quote], fmt: str, output: Path | None) -> None:
    data = render(quotes, fmt)
    if output is None:
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".quote-desk-", dir=output.parent)
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(data)
        os.replace(tmp, output)
    except OSError as exc:
        raise QuoteDeskError(f"cannot write {output}: {exc.strerror or exc}") from None
