"""Keeping a review project safe: one writer at a time, rolling backups, damage detection and restore, and
refusing project files whose schema quote_desk did not write.

- Lock: a project opened for writing holds an OS lock on `<project>.lock` (flock / msvcrt), released by the
  operating system when the process ends, even when it is killed. A second desk gets ProjectBusyError, with who
  holds it; it may still open the project read-only.
- Backups: `<project>.backups/<stem>-<UTC time>.qdproj`, made with SQLite's online backup API (a consistent
  copy, even of a project being written), the newest `keep` kept.
- Damage: `PRAGMA quick_check` on opening; a damaged or truncated file raises ProjectCorruptError naming the
  latest good backup, and `restore_backup()` puts it in place, keeping the damaged file beside it.
- Schema: every table, index, trigger and view in the file must be exactly one quote_desk created (compared
  with a fresh project of the same schema version), so no SQL that came from a file ever runs.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import sys
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import IO

from quote_desk.store.migrations import SCHEMA_VERSION, migrate
from quote_desk.store.project_errors import ProjectBusyError, ProjectCorruptError, ProjectError

BACKUPS_KEPT = 5
SQLITE_HEADER = b"SQLite format 3\x00"


# ---------------------------------------------------------------------------------------------- lock
class ProjectLock:
    """An exclusive OS lock on `<project>.lock`, held while the project is open for writing."""

    def __init__(self, project: Path) -> None:
        self.path = project.with_name(project.name + ".lock")
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        try:
            fh = open(self.path, "a+", encoding="utf-8")
        except OSError as exc:
            project = self.path.with_name(self.path.name.removesuffix(".lock"))
            raise ProjectError(
                f"cannot open {project}: the file or its folder is not writable "
                f"(its lock file cannot be created: {exc.strerror or exc})"
            ) from exc
        try:
            _lock(fh)
        except OSError:
            try:
                fh.seek(0)
                holder = fh.read(200).strip() or "another program"
            except OSError:
                holder = "another program"
            fh.close()
            project = self.path.with_name(self.path.name.removesuffix(".lock"))
            raise ProjectBusyError(
                f"{project} is already open in another quote_desk ({holder}); close it there first, "
                "or open it read-only"
            ) from None
        fh.seek(0)
        fh.truncate()
        since = datetime.now().strftime("%Y-%m-%d %H:%M")
        fh.write(f"process {os.getpid()} on {socket.gethostname()}, since {since}")
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            try:
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # One byte far past the text is locked, so another process can still read who holds the lock.
    _LOCK_AT = 1 << 20

    def _lock(fh: IO[str]) -> None:
        os.lseek(fh.fileno(), _LOCK_AT, os.SEEK_SET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        os.lseek(fh.fileno(), _LOCK_AT, os.SEEK_SET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# ---------------------------------------------------------------------------------------------- backups
def backup_dir(project: Path) -> Path:
    return project.with_name(project.name + ".backups")


def backups(project: Path) -> list[Path]:
    """The project's backups, oldest first."""
    d = backup_dir(project)
    if not d.is_dir():
        return []
    return sorted(d.glob(f"{_glob_escape(project.stem)}-*.qdproj"))


def _glob_escape(s: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", s)


def make_backup(conn: sqlite3.Connection, project: Path, keep: int = BACKUPS_KEPT) -> Path | None:
    """A consistent copy of the open project into its backup folder; the oldest beyond `keep` are removed."""
    if keep <= 0:
        return None
    d = backup_dir(project)
    try:
        d.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = d / f"{project.stem}-{stamp}.qdproj"
        tmp = target.with_suffix(".tmp")
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dest.close()
        os.replace(tmp, target)
        for old in to_prune(backups(project), keep):
            old.unlink(missing_ok=True)
        return target
    except (OSError, sqlite3.Error):
        return None  # a backup that cannot be written never stops the review; the project itself is safe


def to_prune(existing: list[Path], keep: int, days: int = 7) -> list[Path]:
    """Backups to remove: all but the newest `keep`, and the last one of each of the `days` latest days (so
    reopening a project many times after a bad session cannot push out yesterday's state)."""
    keep_set = set(existing[-keep:])
    by_day: dict[str, Path] = {}
    for b in existing:  # oldest first: the last one of a day wins
        m = re.search(r"-(\d{8})T", b.name)
        if m:
            by_day[m.group(1)] = b
    keep_set.update(by_day[d] for d in sorted(by_day)[-days:])
    return [b for b in existing if b not in keep_set]


def latest_good_backup(project: Path) -> Path | None:
    """The newest backup that is itself a healthy project file."""
    for b in reversed(backups(project)):
        if file_problem(b) is None:
            return b
    return None


def backup_time(path: Path) -> str:
    m = re.search(r"-(\d{8}T\d{6})\d*Z\.qdproj$", path.name)
    if not m:
        return path.name
    t = datetime.strptime(m.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC).astimezone()
    return t.strftime("%Y-%m-%d %H:%M")


def restore_backup(project: Path, backup: Path | None = None) -> Path | None:
    """Put `backup` (default: the latest good one) in place of a damaged project. The damaged file and its
    journal files are kept beside it as `<name>.damaged-<time>`. Returns that path (None if nothing was there)."""
    backup = backup or latest_good_backup(project)
    if backup is None:
        raise ProjectError(f"no usable backup of {project}")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept: Path | None = None
    for suffix in ("", "-wal", "-shm"):
        f = project.with_name(project.name + suffix)
        if f.exists():
            moved = project.with_name(f"{project.name}.damaged-{stamp}{suffix}")
            os.replace(f, moved)
            kept = kept or moved
    tmp = project.with_name(project.name + ".restoring")
    shutil.copyfile(backup, tmp)
    os.replace(tmp, project)
    return kept


# ---------------------------------------------------------------------------------------------- damage
def file_problem(path: Path) -> str | None:
    """Why `path` is not a healthy SQLite file, or None. Opens it read-only; never writes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if not head:
        return "the file is empty"
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        return "not a project file (no SQLite header)"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def corrupt_error(project: Path, problem: str) -> ProjectCorruptError:
    good = latest_good_backup(project)
    if good is not None:
        offer = (f"; the latest backup is from {backup_time(good)} ({good}): restore it from the desk, "
                 f"or with `quote-desk desk {project} --restore-backup`")  # fmt: skip
    else:
        offer = "; there is no backup of it to restore"
    return ProjectCorruptError(f"{project} is damaged ({problem}){offer}", backup=good)


# ---------------------------------------------------------------------------------------------- schema
def _normal_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


@cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str, str]]:
    """(type, name, table, SQL) of every object a project of `version` has, from a fresh in-memory project."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, target=version)
        return schema_of(conn)
    finally:
        conn.close()


def schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    return frozenset((t, n, tb, _normal_sql(s)) for t, n, tb, s in rows)


def check_schema(conn: sqlite3.Connection, version: int, where: str) -> None:
    """Refuse a project whose tables, indexes, triggers or views differ from what quote_desk creates."""
    if version > SCHEMA_VERSION:
        return  # refused by migrate() with its own message
    extra = schema_of(conn) - expected_schema(version)
    missing = expected_schema(version) - schema_of(conn)
    if extra or missing:
        what = sorted({f"{t} {n}" for t, n, _, _ in extra} | {f"{t} {n}" for t, n, _, _ in missing})
        raise ProjectError(
            f"{where} is not a review project written by quote_desk: its schema differs "
            f"({', '.join(what[:4])}); it was not opened, so nothing in it ran"
        )
