"""Streaming output for `quote-desk extract`: quotes are written article by article, in the input order.

To standard output: written and flushed as they come. To a file (`--output FILE`): written to `FILE.partial`
beside a journal `FILE.partial.journal`, and renamed to FILE when the run is complete, so FILE is never half a
file. The journal has one line per finished article (its key and the byte length of the output after it), and
is appended only after the article's quotes are flushed. Running the same command again after an interruption
(Ctrl+C, a kill, a power cut) truncates `FILE.partial` to the last journalled article, skips the articles the
journal lists, and goes on.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from quote_desk.cli.output import neutralise_cell
from quote_desk.core.records import QUOTE_FIELDS, Quote
from quote_desk.errors import QuoteDeskError

JOURNAL_VERSION = 1
FSYNC_EVERY_S = 5.0


def quote_dict(q: Quote) -> dict[str, object]:
    """Same as Quote.to_dict() for its flat fields, without dataclasses.asdict's deep copy (5x faster)."""
    return {f: getattr(q, f) for f in QUOTE_FIELDS}


def jsonl_lines(quotes: Sequence[Quote]) -> str:
    return "".join(json.dumps(quote_dict(q), ensure_ascii=False) + "\n" for q in quotes)


def render_quotes(quotes: Sequence[Quote], fmt: str) -> str:
    return jsonl_lines(quotes) if fmt == "jsonl" else csv_rows(quotes)


def csv_rows(quotes: Sequence[Quote], header: bool = False) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if header:
        w.writerow(QUOTE_FIELDS)
    for q in quotes:
        d = quote_dict(q)
        w.writerow(["" if d[f] is None else neutralise_cell(d[f]) if isinstance(d[f], str) else d[f] for f in QUOTE_FIELDS])
    return buf.getvalue()


def table_block(quotes: Sequence[Quote], first_number: int, first_block: bool) -> str:
    """The table of quote_desk.cli.output for one article, numbered from `first_number`."""
    from quote_desk.cli.output import table

    if not quotes:
        return ""
    text = table(quotes)  # numbered [1]..[k], one entry per quote, in order
    out, pos = [], 0
    for i in range(1, len(quotes) + 1):
        at = text.index(f"[{i}] ", pos)
        out.append(text[pos:at] + f"[{i + first_number - 1}] ")
        pos = at + len(f"[{i}] ")
    out.append(text[pos:])
    text = "".join(out)
    return text if first_block else "\n" + text


class QuoteSink:
    """Write quotes of finished articles: `done(key, quotes)` in order; `close(complete)` at the end."""

    def __init__(self, fmt: str, output: Path | None, *, restart: bool = False) -> None:
        self.fmt = fmt
        self.output = output
        self.count = 0  # quotes written (all runs of a resumed output)
        self.articles = 0  # articles journalled (all runs)
        self.done_keys: set[str] = set()
        self.resumed = 0
        self._fh: BinaryIO
        self._journal: BinaryIO | None = None
        self._last_sync = time.monotonic()
        if output is None:
            self._fh = sys.stdout.buffer
            return
        self.partial = output.with_name(output.name + ".partial")
        self.journal_path = output.with_name(output.name + ".partial.journal")
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            end = None if restart else self._load_journal()
            if end is not None:
                self._fh = self.partial.open("r+b")
                self._fh.truncate(end)
                self._fh.seek(end)
                self._journal = self.journal_path.open("ab")
                self.resumed = len(self.done_keys)
            else:
                self.done_keys.clear()
                self.count = self.articles = 0
                self._fh = self.partial.open("wb")
                self._journal = self.journal_path.open("wb")
                head = {"quote_desk_journal": JOURNAL_VERSION, "format": fmt}
                self._journal.write((json.dumps(head) + "\n").encode())
                if fmt == "csv":
                    self._fh.write(csv_rows((), header=True).encode("utf-8-sig"))
                self._flush()
        except OSError as exc:
            raise QuoteDeskError(f"cannot write {output}: {exc.strerror or exc}") from None

    # ------------------------------------------------------------------ resume
    def _load_journal(self) -> int | None:
        """Read the journal of an interrupted run; return the output length to keep (None: start afresh)."""
        if not (self.partial.is_file() and self.journal_path.is_file()):
            return None
        size = self.partial.stat().st_size
        end = 0
        with self.journal_path.open("rb") as fh:
            lines = fh.read().split(b"\n")
        try:
            head = json.loads(lines[0])
        except (json.JSONDecodeError, IndexError):
            return None
        if not isinstance(head, dict) or head.get("quote_desk_journal") != JOURNAL_VERSION or head.get("format") != self.fmt:
            return None
        good = 1
        for raw in lines[1:]:
            try:
                entry = json.loads(raw)
                key, e, n = entry["key"], int(entry["end"]), int(entry["quotes"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                break  # a line cut by the interruption: everything after it is redone
            if e > size:
                break  # the output did not reach the disk this far (power cut): redo from here
            self.done_keys.add(key)
            end, self.count = e, n
            good += 1
        self.articles = len(self.done_keys)
        # Rewrite the journal without a cut last line, so appending goes on from a clean line.
        with self.journal_path.open("wb") as fh:
            fh.write(b"\n".join(lines[:good]) + b"\n")
        if good == 1:
            return None  # nothing finished yet: start afresh
        return end

    # ------------------------------------------------------------------ writing
    def done(self, key: str, quotes: Sequence[Quote], rendered: str | None = None, count: int | None = None) -> None:
        """One finished article: its quotes, or their output text already rendered in this format."""
        if rendered is not None:
            data = rendered.encode()
        elif self.fmt == "jsonl":
            data = jsonl_lines(quotes).encode()
        elif self.fmt == "csv":
            data = csv_rows(quotes).encode()
        else:
            data = table_block(quotes, self.count + 1, self.count == 0).encode()
        try:
            self._fh.write(data)
            self.count += len(quotes) if count is None else count
            self.articles += 1
            if self._journal is not None:
                self._fh.flush()  # the quotes reach the OS before the journal says the article is done
                entry = {"key": key, "end": self._fh.tell(), "quotes": self.count}
                self._journal.write((json.dumps(entry, ensure_ascii=False) + "\n").encode())
                self._journal.flush()
                if time.monotonic() - self._last_sync > FSYNC_EVERY_S:
                    self._flush(sync=True)
            else:
                self._fh.flush()
        except OSError as exc:
            raise QuoteDeskError(f"cannot write {self.output or 'the output'}: {exc.strerror or exc}") from None

    def _flush(self, sync: bool = False) -> None:
        self._fh.flush()
        if sync:
            os.fsync(self._fh.fileno())
        if self._journal is not None:
            self._journal.flush()
            if sync:
                os.fsync(self._journal.fileno())
        self._last_sync = time.monotonic()

    def close(self, complete: bool) -> None:
        """Complete: finish the output (rename into place). Otherwise keep the partial file and journal."""
        if self.fmt == "table" and self.count == 0 and complete:
            self._fh.write(b"(no quotes found)\n")
        if self.output is None:
            self._fh.flush()
            return
        try:
            self._flush(sync=True)
            self._fh.close()
            assert self._journal is not None
            self._journal.close()
            if complete:
                os.replace(self.partial, self.output)
                self.journal_path.unlink(missing_ok=True)
        except OSError as exc:
            raise QuoteDeskError(f"cannot write {self.output}: {exc.strerror or exc}") from None
