"""Schema of a review project, versioned with `PRAGMA user_version`.

Each step upgrades the schema by one version inside one transaction; a project file written by a newer
quote_desk (higher user_version than we know) is refused with a clear message instead of being damaged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from quote_desk.errors import QuoteDeskError


class ProjectVersionError(QuoteDeskError):
    """The project file was written by a newer quote_desk."""


def _run(conn: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it would COMMIT the step's transaction first. Statements are split on ";\n".
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE articles (
            id          INTEGER PRIMARY KEY,
            doc         TEXT NOT NULL UNIQUE,
            title       TEXT,
            source      TEXT,
            text        TEXT NOT NULL,
            text_hash   TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        -- One row per quote as extracted. `extracted` keeps the engine's record (JSON) unchanged forever;
        -- the other columns hold the current values, which the editor's edits change.
        CREATE TABLE quotes (
            id                INTEGER PRIMARY KEY,
            article_id        INTEGER NOT NULL REFERENCES articles(id),
            qkey              TEXT NOT NULL UNIQUE,
            seq               INTEGER NOT NULL,
            extracted         TEXT NOT NULL,
            start             INTEGER NOT NULL,
            "end"             INTEGER NOT NULL,
            text              TEXT NOT NULL,
            kind              TEXT NOT NULL,
            cue               TEXT,
            cue_start         INTEGER,
            cue_end           INTEGER,
            speaker           TEXT,
            speaker_start     INTEGER,
            speaker_end       INTEGER,
            speaker_canonical TEXT,
            speaker_id        TEXT,
            speaker_en        TEXT,
            title             TEXT,
            speaker_type      TEXT NOT NULL,
            via               TEXT,
            confidence        REAL NOT NULL,
            reason            TEXT NOT NULL,
            status            TEXT NOT NULL DEFAULT 'pending'
                              CHECK (status IN ('pending', 'accepted', 'rejected', 'edited')),
            reviewer          TEXT,
            reviewed_at       TEXT,
            updated_at        TEXT
        );
        CREATE INDEX quotes_article ON quotes(article_id, seq);
        -- Append-only: one row per decision, edit, undo or redo, with the state before and after (JSON).
        CREATE TABLE review_log (
            id              INTEGER PRIMARY KEY,
            quote_id        INTEGER NOT NULL REFERENCES quotes(id),
            action          TEXT NOT NULL,
            before          TEXT,
            after           TEXT,
            reviewer        TEXT,
            at              TEXT NOT NULL,
            time_on_item_ms INTEGER
        );
        CREATE INDEX review_log_quote ON review_log(quote_id);
        CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;

        CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;

        """
    )


def _v2(conn: sqlite3.Connection) -> None:
    # Project-level key/value facts (who created it, with which quote_desk version).
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


# MIGRATIONS[i] upgrades a project from user_version i to i + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Upgrade `conn` to `target`, one transaction per step. Returns the version reached."""
    current = user_version(conn)
    if current > SCHEMA_VERSION:
        raise ProjectVersionError(
            f"this review project has schema version {current}, newer than this quote_desk understands "
            f"({SCHEMA_VERSION}); open it with a newer quote_desk"
        )
    while current < target:
        step = MIGRATIONS[current]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        current += 1
    return current
