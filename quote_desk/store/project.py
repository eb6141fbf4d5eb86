"""A review project: one SQLite file with articles, quotes as extracted, decisions, edits and the review log.

Every write is its own transaction and is committed before the call returns (WAL journal, synchronous=FULL), so
a desk killed at any moment loses no decision it has already shown. Re-importing an article never duplicates its
quotes nor resets their decisions: a quote is keyed by (article, start, end, hash of its text) as extracted.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quote_desk.core.records import KINDS, QUOTE_FIELDS, Quote
from quote_desk.errors import InputError
from quote_desk.store.migrations import SCHEMA_VERSION, migrate, user_version
from quote_desk.store.project_errors import ProjectBusyError, ProjectCorruptError, ProjectError
from quote_desk.store.safety import (
    BACKUPS_KEPT,
    SQLITE_HEADER,
    ProjectLock,
    backups,
    check_schema,
    corrupt_error,
    integrity_problem,
    make_backup,
)

STATUSES: tuple[str, ...] = ("pending", "accepted", "rejected", "edited")
# Statuses that count as "verified" for export and for the "accepted" scope.
ACCEPTED_STATUSES: tuple[str, ...] = ("accepted", "edited")
# Quote fields an editor may change. `doc`, `confidence`, `reason` and `via` stay as extracted.
EDITABLE_FIELDS: tuple[str, ...] = (
    "start", "end", "text", "kind", "cue", "cue_start", "cue_end", "speaker", "speaker_start", "speaker_end",
    "speaker_canonical", "speaker_id", "speaker_en", "title", "speaker_type",
)  # fmt: skip
_QUOTE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Quote) if f.name != "doc")


def quote_dict(q: Quote) -> dict[str, Any]:
    """Plain dict of a Quote (its fields are scalars; much faster than dataclasses.asdict on bulk steps)."""
    return {name: getattr(q, name) for name in QUOTE_FIELDS}




@dataclass(frozen=True, slots=True)
class Article:
    id: int
    doc: str
    title: str | None
    source: str | None
    imported_at: str


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Everything a decision or an edit can change on one quote: what undo restores."""

    quote: Quote
    status: str
    reviewer: str | None
    reviewed_at: str | None

    def to_json(self) -> str:
        return json.dumps(
            {"quote": quote_dict(self.quote), "status": self.status, "reviewer": self.reviewer,
             "reviewed_at": self.reviewed_at},
            ensure_ascii=False,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote of the project with its current values and decision."""

    id: int
    article_id: int
    seq: int
    quote: Quote
    status: str
    reviewer: str | None
    reviewed_at: str | None

    @property
    def state(self) -> ReviewState:
        return ReviewState(self.quote, self.status, self.reviewer, self.reviewed_at)

    def with_state(self, state: ReviewState) -> QuoteRow:
        return replace(self, quote=state.quote, status=state.status, reviewer=state.reviewer,
                       reviewed_at=state.reviewed_at)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ImportResult:
    doc: str
    article_id: int
    new_article: bool
    added: int  # quotes new to the project
    kept: int  # quotes already present (their decisions untouched)


@dataclass(frozen=True, slots=True)
class LogEntry:
    id: int
    quote_id: int
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reviewer: str | None
    at: str
    time_on_item_ms: int | None


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def quote_key(doc: str, start: int, end: int, text: str) -> str:
    """Stable identity of an extracted quote: the same article and span always give the same key."""
    h = hashlib.sha1(f"{doc}\x1f{start}\x1f{end}\x1f{text}".encode()).hexdigest()
    return h


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ReviewProject:
    """Open with `ReviewProject.open(path)` (":memory:" for tests). Not thread-safe: use from one thread."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: str,
        reviewer: str | None,
        *,
        read_only: bool = False,
        lock: ProjectLock | None = None,
        keep_backups: int = 0,
    ) -> None:
        self._conn = conn
        self.path = path
        self.reviewer = reviewer
        self.read_only = read_only
        self._lock = lock
        self._keep_backups = keep_backups
        self._writes = 0  # transactions committed since the last backup
        self._last_backup = time.monotonic()

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        reviewer: str | None = None,
        create: bool = True,
        read_only: bool = False,
        keep_backups: int = BACKUPS_KEPT,
    ) -> ReviewProject:
        """Open (or create) a project. For writing, the project is locked against a second quote_desk
        (ProjectBusyError); a damaged file raises ProjectCorruptError naming the latest good backup.
        `read_only` opens without the lock (for exports, or to look while another desk writes)."""
        spath = str(path)
        if spath == ":memory:":
            conn = sqlite3.connect(spath, isolation_level=None)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA trusted_schema = OFF")
            migrate(conn)
            return cls(conn, spath, reviewer)
        p = Path(spath)
        if p.is_dir():
            raise ProjectError(f"{p} is a folder, not a review project file")
        if not p.exists() and (not create or read_only):
            raise ProjectError(f"no review project at {p}")
        if not p.parent.exists():
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ProjectError(f"cannot create the folder for {p} ({exc.strerror or exc})") from exc
        lock = None
        if not read_only:
            lock = ProjectLock(p)
            lock.acquire()
        try:
            existed = _check_file(p)
            conn = _connect(p, read_only)
            try:
                if existed:
                    problem = integrity_problem(conn)
                    if problem:
                        raise corrupt_error(p, problem)
                version = user_version(conn)
                check_schema(conn, version, spath)
                if read_only:
                    if version != SCHEMA_VERSION:
                        raise ProjectError(
                            f"{p} has schema version {version}; open it once in the desk to upgrade it "
                            f"(this quote_desk reads version {SCHEMA_VERSION})"
                        )
                else:
                    migrate(conn)
            except BaseException:
                conn.close()
                raise
        except sqlite3.OperationalError as exc:
            if lock:
                lock.release()
            if "unable to open" in str(exc) or "readonly" in str(exc):
                raise ProjectError(f"cannot open {spath}: the file or its folder is not writable ({exc})") from exc
            raise ProjectError(f"{spath} cannot be used as a review project ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            if lock:
                lock.release()
            raise corrupt_error(p, str(exc)) from exc
        except BaseException:
            if lock:
                lock.release()
            raise
        project = cls(conn, spath, reviewer, read_only=read_only, lock=lock,
                      keep_backups=0 if read_only else keep_backups)  # fmt: skip
        if existed and not read_only and _changed_since_backup(p):
            project.backup()  # the state before this session: what a bad session can be undone to
        return project

    def backup(self) -> Path | None:
        """Copy the project into its backup folder now (rolling: the newest ones are kept)."""
        if self.path == ":memory:" or self._keep_backups <= 0:
            return None
        self._writes = 0
        self._last_backup = time.monotonic()
        return make_backup(self._conn, Path(self.path), self._keep_backups)

    def close(self) -> None:
        try:
            if self._writes:
                # checkpoint first: closing then leaves the file as backed up, so an unchanged project is
                # not backed up again at its next opening (PASSIVE: never waits for a read-only reader)
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                self.backup()
            self._conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> ReviewProject:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise ProjectError(
                f"{self.path} is open read-only (another quote_desk may have it open); nothing was changed"
            )
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        self._writes += 1
        if self._keep_backups and time.monotonic() - self._last_backup > BACKUP_EVERY_S:
            self.backup()

    # ----------------------------------------------------------------- articles and import
    def import_article(
        self, doc: str, text: str, quotes: Iterable[Quote], *, title: str | None = None, source: str | None = None
    ) -> ImportResult:
        """Add an article and its extracted quotes in one transaction. Idempotent for the same text."""
        if not doc:
            raise InputError("an article needs a non-empty id")
        quotes = list(quotes)
        for q in quotes:
            if q.doc != doc:
                raise InputError(f"quote for article {q.doc!r} given while importing {doc!r}")
            try:
                q.check(text)
            except ValueError as exc:
                raise InputError(f"article {doc}: extracted quote does not match the text ({exc})") from exc
        th = text_hash(text)
        with self._tx() as c:
            row = c.execute("SELECT id, text_hash FROM articles WHERE doc = ?", (doc,)).fetchone()
            if row is None:
                cur = c.execute(
                    "INSERT INTO articles (doc, title, source, text, text_hash, imported_at) VALUES (?,?,?,?,?,?)",
                    (doc, title, source, text, th, now_iso()),
                )
                article_id = int(cur.lastrowid or 0)
                new_article = True
            else:
                article_id, old_hash = int(row[0]), row[1]
                if old_hash != th:
                    raise InputError(
                        f"article {doc!r} is already in this project with a different text; "
                        "import the new version under another name (its reviewed quotes are kept)"
                    )
                new_article = False
            next_seq = c.execute(
                "SELECT COALESCE(MAX(seq), -1) + 1 FROM quotes WHERE article_id = ?", (article_id,)
            ).fetchone()[0]
            added = kept = 0
            cols = ", ".join(f'"{n}"' for n in _QUOTE_COLUMNS)
            marks = ", ".join("?" for _ in _QUOTE_COLUMNS)
            for q in sorted(quotes, key=lambda q: (q.start, q.end)):
                key = quote_key(doc, q.start, q.end, q.text)
                cur = c.execute(
                    f"INSERT OR IGNORE INTO quotes (article_id, qkey, seq, extracted, {cols}) "
                    f"VALUES (?, ?, ?, ?, {marks})",
                    (article_id, key, next_seq, json.dumps(quote_dict(q), ensure_ascii=False),
                     *(getattr(q, n) for n in _QUOTE_COLUMNS)),
                )  # fmt: skip
                if cur.rowcount:
                    added += 1
                    next_seq += 1
                else:
                    kept += 1
        return ImportResult(doc, article_id, new_article, added, kept)

    def has_article(self, doc: str, text: str | None = None) -> bool:
        row = self._conn.execute("SELECT text_hash FROM articles WHERE doc = ?", (doc,)).fetchone()
        return row is not None and (text is None or row[0] == text_hash(text))

    def article_hashes(self) -> dict[str, str]:
        """doc -> SHA-256 of its text: lets an importer skip articles already here without re-extracting."""
        return {doc: h for doc, h in self._conn.execute("SELECT doc, text_hash FROM articles")}

    def articles(self) -> list[Article]:
        rows = self._conn.execute("SELECT id, doc, title, source, imported_at FROM articles ORDER BY id")
        return [Article(*r) for r in rows]

    def article_text(self, article_id: int) -> str:
        row = self._conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ProjectError(f"no article {article_id} in this project")
        return str(row[0])

    # ----------------------------------------------------------------- reading quotes
    _SELECT = (
        "SELECT q.id, q.article_id, q.seq, a.doc, "
        + ", ".join(f'q."{n}"' for n in _QUOTE_COLUMNS)
        + ", q.status, q.reviewer, q.reviewed_at FROM quotes q JOIN articles a ON a.id = q.article_id"
    )

    @staticmethod
    def _row(r: Sequence[Any]) -> QuoteRow:
        n = len(_QUOTE_COLUMNS)
        quote = Quote(r[3], *r[4 : 4 + n])
        status, reviewer, reviewed_at = r[4 + n :]
        return QuoteRow(r[0], r[1], r[2], quote, status, reviewer, reviewed_at)

    def rows(self, statuses: Sequence[str] | None = None) -> list[QuoteRow]:
        """All quotes in article order (optionally only some statuses): one query, fast for 10k quotes."""
        sql = self._SELECT
        args: tuple[str, ...] = ()
        if statuses is not None:
            sql += f" WHERE q.status IN ({', '.join('?' for _ in statuses)})"
            args = tuple(statuses)
        sql += " ORDER BY q.article_id, q.seq"
        return [self._row(r) for r in self._conn.execute(sql, args)]

    def get(self, quote_id: int) -> QuoteRow:
        r = self._conn.execute(self._SELECT + " WHERE q.id = ?", (quote_id,)).fetchone()
        if r is None:
            raise ProjectError(f"no quote {quote_id} in this project")
        return self._row(r)

    def extracted(self, quote_id: int) -> Quote:
        """The quote exactly as the engine produced it (before any edit)."""
        r = self._conn.execute("SELECT extracted FROM quotes WHERE id = ?", (quote_id,)).fetchone()
        if r is None:
            raise ProjectError(f"no quote {quote_id} in this project")
        return Quote.from_dict(json.loads(r[0]))

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for status, n in self._conn.execute("SELECT status, COUNT(*) FROM quotes GROUP BY status"):
            out[status] = int(n)
        return out

    def speakers(self) -> list[tuple[str, str | None, str | None]]:
        """Distinct (canonical speaker, speaker id, English name) known in this project, most frequent first."""
        rows = self._conn.execute(
            "SELECT COALESCE(speaker_canonical, speaker) AS name, speaker_id, speaker_en, COUNT(*) AS n "
            "FROM quotes WHERE name IS NOT NULL GROUP BY name, speaker_id, speaker_en ORDER BY n DESC, name"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def log(self, quote_id: int | None = None) -> list[LogEntry]:
        sql = "SELECT id, quote_id, action, before, after, reviewer, at, time_on_item_ms FROM review_log"
        args: tuple[int, ...] = ()
        if quote_id is not None:
            sql += " WHERE quote_id = ?"
            args = (quote_id,)
        out = []
        for r in self._conn.execute(sql + " ORDER BY id", args):
            out.append(LogEntry(r[0], r[1], r[2], json.loads(r[3]) if r[3] else None,
                                json.loads(r[4]) if r[4] else None, r[5], r[6], r[7]))  # fmt: skip
        return out

    # ----------------------------------------------------------------- decisions and edits
    def decide(self, quote_id: int, status: str, *, time_on_item_ms: int | None = None) -> QuoteRow:
        """Record a decision now (one committed transaction). Accepting an edited quote keeps it 'edited'."""
        return self.decide_many([quote_id], status, time_on_item_ms=time_on_item_ms)[0]

    def decide_many(
        self, quote_ids: Sequence[int], status: str, *, time_on_item_ms: int | None = None
    ) -> list[QuoteRow]:
        """The same decision on many quotes, all in one transaction (bulk accept/reject)."""
        if status not in STATUSES:
            raise InputError(f"unknown decision {status!r} (one of: {', '.join(STATUSES)})")
        at = now_iso()
        reviewer, reviewed = (None, None) if status == "pending" else (self.reviewer, at)
        with self._tx():
            rows = self._get_many(quote_ids)
            extracted = self._extracted_many(quote_ids) if status == "accepted" else {}
            writes = []
            out = []
            for qid in quote_ids:
                before = rows[qid]
                new_status = status
                if status == "accepted" and before.quote != extracted[qid]:
                    new_status = "edited"
                after = ReviewState(before.quote, new_status, reviewer, reviewed)
                writes.append((qid, before.state, after))
                out.append(before.with_state(after))
            self._write_many(writes, status, at, time_on_item_ms)
        return out

    def edit(self, quote_id: int, *, time_on_item_ms: int | None = None, **changes: Any) -> QuoteRow:
        """Change editable fields of a quote (checked against the article text); the decision becomes 'edited'."""
        bad = set(changes) - set(EDITABLE_FIELDS)
        if bad:
            raise InputError(f"these fields cannot be edited: {', '.join(sorted(bad))}")
        before = self.get(quote_id)
        new_quote = replace(before.quote, **changes)
        if "start" in changes or "end" in changes:
            text = self.article_text(before.article_id)
            new_quote = replace(new_quote, text=text[new_quote.start : new_quote.end])
        self._validate(before.article_id, new_quote)
        at = now_iso()
        after = ReviewState(new_quote, "edited", self.reviewer, at)
        with self._tx():
            self._write(quote_id, before.state, after, "edit", at, time_on_item_ms)
        return before.with_state(after)

    def restore(self, states: Sequence[tuple[int, ReviewState]], *, action: str = "undo") -> list[QuoteRow]:
        """Write back earlier states (undo/redo), all in one transaction, and log them."""
        at = now_iso()
        texts: dict[int, str] = {}
        with self._tx():
            rows = self._get_many([qid for qid, _ in states])
            writes = []
            out = []
            for qid, state in states:
                before = rows[qid]
                if state.quote != before.quote:  # only changed spans need checking against the text
                    if before.article_id not in texts:
                        texts[before.article_id] = self.article_text(before.article_id)
                    self._validate(before.article_id, state.quote, texts[before.article_id])
                writes.append((qid, before.state, state))
                out.append(before.with_state(state))
            self._write_many(writes, action, at, None)
        return out

    def _chunks(self, ids: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
        for i in range(0, len(ids), size):
            yield ids[i : i + size]

    def _get_many(self, quote_ids: Sequence[int]) -> dict[int, QuoteRow]:
        out: dict[int, QuoteRow] = {}
        for chunk in self._chunks(list(quote_ids)):
            marks = ", ".join("?" for _ in chunk)
            for r in self._conn.execute(f"{self._SELECT} WHERE q.id IN ({marks})", tuple(chunk)):
                row = self._row(r)
                out[row.id] = row
        missing = [q for q in quote_ids if q not in out]
        if missing:
            raise ProjectError(f"no quote {missing[0]} in this project")
        return out

    def _extracted_many(self, quote_ids: Sequence[int]) -> dict[int, Quote]:
        out: dict[int, Quote] = {}
        for chunk in self._chunks(list(quote_ids)):
            marks = ", ".join("?" for _ in chunk)
            for qid, data in self._conn.execute(f"SELECT id, extracted FROM quotes WHERE id IN ({marks})", tuple(chunk)):
                out[qid] = Quote.from_dict(json.loads(data))
        return out

    def _is_edited(self, quote_id: int, quote: Quote) -> bool:
        return quote != self.extracted(quote_id)

    def _validate(self, article_id: int, quote: Quote, text: str | None = None) -> None:
        text = self.article_text(article_id) if text is None else text
        if quote.start >= quote.end:
            raise InputError("a quote cannot be empty")
        if quote.kind not in KINDS:
            raise InputError(f"unknown kind {quote.kind!r} (one of: {', '.join(KINDS)})")
        try:
            quote.check(text)
        except ValueError as exc:
            raise InputError(f"edited quote does not match its article: {exc}") from exc

    def _write(
        self, qid: int, before: ReviewState, after: ReviewState, action: str, at: str, ms: int | None
    ) -> None:
        self._write_many([(qid, before, after)], action, at, ms)

    def _write_many(
        self, items: Sequence[tuple[int, ReviewState, ReviewState]], action: str, at: str, ms: int | None
    ) -> None:
        sets = ", ".join(f'"{n}" = ?' for n in _QUOTE_COLUMNS)
        self._conn.executemany(
            f"UPDATE quotes SET {sets}, status = ?, reviewer = ?, reviewed_at = ?, updated_at = ? WHERE id = ?",
            [(*(getattr(after.quote, n) for n in _QUOTE_COLUMNS), after.status, after.reviewer,
              after.reviewed_at, at, qid) for qid, _, after in items],
        )  # fmt: skip
        self._conn.executemany(
            "INSERT INTO review_log (quote_id, action, before, after, reviewer, at, time_on_item_ms) "
            "VALUES (?,?,?,?,?,?,?)",
            [(qid, action, before.to_json(), after.to_json(), self.reviewer, at, ms) for qid, before, after in items],
        )


# A long session is backed up every this many seconds (after a write), besides at opening and closing.
BACKUP_EVERY_S = 15 * 60

__all__ = ["ProjectBusyError", "ProjectCorruptError", "ProjectError", "ReviewProject"]


def _check_file(p: Path) -> bool:
    """Before SQLite touches it: True for an existing project file; errors for a file that is not one."""
    if not p.exists():
        return False
    try:
        with open(p, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(f"cannot read {p} ({exc.strerror or exc})") from exc
    if not head:
        if backups(p):
            raise corrupt_error(p, "the file is empty")
        return False  # an empty file (e.g. made by a file dialog) becomes a new project
    if head != SQLITE_HEADER:
        if backups(p):
            raise corrupt_error(p, "its first bytes are not those of a project file")
        raise ProjectError(f"{p} is not a quote_desk review project (not a SQLite file)")
    return True


def _connect(p: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(p, isolation_level=None)
    # Never run functions from SQL stored in the file (views, triggers, defaults) unless marked innocuous.
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed decision survives power loss, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _changed_since_backup(p: Path) -> bool:
    done = backups(p)
    if not done:
        return True
    newest = done[-1].stat().st_mtime
    wal = p.with_name(p.name + "-wal")
    files = [p] + ([wal] if wal.exists() and wal.stat().st_size > 0 else [])  # an empty WAL is just opened
    return any(f.stat().st_mtime > newest for f in files)
