"""The project file: second writer refused, read-only opening, rolling backups, damaged and truncated files with
the offer of the latest backup, trusted_schema=OFF and refusal of schemas quote_desk did not write, and schema
migrations from every earlier version."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quote_desk.store import (
    SCHEMA_VERSION,
    ProjectBusyError,
    ProjectCorruptError,
    ProjectError,
    ProjectVersionError,
    ReviewProject,
    backups,
    latest_good_backup,
    restore_backup,
)
from quote_desk.store.migrations import MIGRATIONS, migrate
from quote_desk.store.safety import expected_schema, to_prune
from tests.store.desk_data import ARTICLES, FakeExtractor

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).with_name("data")


def fill(p: ReviewProject, copies: int = 1) -> None:
    ex = FakeExtractor()
    for i in range(copies):
        for doc, text in ARTICLES.items():
            p.import_article(f"{doc}-{i}", text, ex.extract(text, f"{doc}-{i}"))


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "work.qdproj"
    with ReviewProject.open(path, reviewer="ed") as p:
        fill(p, 40)
        ids = [r.id for r in p.rows()]
        p.decide_many(ids[:50], "accepted")
        p.decide_many(ids[50:80], "rejected")
    return path


# ----------------------------------------------------------------------------------------------- one writer
def test_a_second_desk_is_refused_and_may_read(project_file):
    first = ReviewProject.open(project_file, reviewer="a")
    try:
        with pytest.raises(ProjectBusyError, match=r"already open in another quote_desk \(process \d+"):
            ReviewProject.open(project_file, reviewer="b")
        with ReviewProject.open(project_file, read_only=True) as look:
            qid = look.rows(["pending"])[0].id
            first.decide(qid, "accepted")  # the reader sees the writer's decisions as they are made
            assert look.get(qid).status == "accepted"
            with pytest.raises(ProjectError, match="read-only"):
                look.decide(qid, "rejected")
        assert first.get(qid).status == "accepted"
    finally:
        first.close()
    with ReviewProject.open(project_file) as again:  # closing releases the lock
        assert again.counts()["accepted"] == 51


def test_the_lock_dies_with_a_killed_process(project_file):
    code = ("import sys, time\nfrom quote_desk.store import ReviewProject\n"
            "p = ReviewProject.open(sys.argv[1])\nprint('open', flush=True)\ntime.sleep(60)\n")  # fmt: skip
    with subprocess.Popen([sys.executable, "-c", code, str(project_file)], stdout=subprocess.PIPE, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT) as proc:  # fmt: skip
        assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
        with pytest.raises(ProjectBusyError, match=f"process {proc.pid}"):
            ReviewProject.open(project_file)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    with ReviewProject.open(project_file) as p:
        assert p.counts()["accepted"] == 50


def test_closing_the_writer_does_not_wait_for_a_reader(project_file):
    writer = ReviewProject.open(project_file)
    writer.decide(writer.rows(["pending"])[0].id, "accepted")
    with ReviewProject.open(project_file, read_only=True) as reader:
        reader._conn.execute("BEGIN")
        reader.counts()  # holds a read snapshot while the writer closes
        t = time.perf_counter()
        writer.close()
        assert time.perf_counter() - t < 2
        reader._conn.execute("COMMIT")
        assert reader.counts()["accepted"] == 51


def test_read_only_needs_an_existing_current_project(tmp_path):
    with pytest.raises(ProjectError, match="no review project"):
        ReviewProject.open(tmp_path / "none.qdproj", read_only=True)


# ----------------------------------------------------------------------------------------------- backups
def test_backups_roll_and_are_whole_projects(project_file):
    first = backups(project_file)
    assert len(first) == 1  # written at closing, after this session's changes
    for _ in range(7):
        with ReviewProject.open(project_file) as p:
            p.decide(p.rows(["pending"])[0].id, "accepted")
        time.sleep(0.002)
    kept = backups(project_file)
    assert len(kept) == 5  # the newest five (all from today)
    with ReviewProject.open(kept[-1], read_only=True) as b:
        assert b.counts()["accepted"] == 57
    assert not any(Path(str(k) + "-wal").exists() for k in kept)  # self-contained files
    # unchanged since the last backup: opening does not push an older backup out
    with ReviewProject.open(project_file):
        pass
    assert backups(project_file) == kept


def test_backup_retention_keeps_one_per_recent_day(tmp_path):
    names = [tmp_path / f"p-202611{d:02d}T{h:02d}0000000000Z.qdproj" for d in range(20, 29) for h in (9, 17)]
    pruned = set(to_prune(names, keep=3))
    kept = [n for n in names if n not in pruned]
    assert names[-3:] == kept[-3:]
    days = {n.name[2:10] for n in kept}
    assert len(days) == 7 and all(n.name[11:13] == "17" for n in kept[:-3])


# ----------------------------------------------------------------------------------------------- damage
def damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        path.write_bytes(bytes(data[: len(data) // 3]))
    elif how == "garbled pages":
        for off in range(4096, len(data), 8192):
            data[off : off + 2048] = os.urandom(2048)
        path.write_bytes(bytes(data))
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "header":
        data[:16] = b"this is not sql!"
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "garbled pages", "empty", "header"])
def test_damaged_project_offers_the_latest_backup(project_file, how):
    good = latest_good_backup(project_file)
    assert good is not None
    damage(project_file, how)
    with pytest.raises(ProjectCorruptError) as info:
        ReviewProject.open(project_file)
    err = info.value
    assert err.backup == good
    assert "is damaged" in str(err) and "--restore-backup" in str(err) and str(good) in str(err)
    kept = restore_backup(project_file)
    assert kept is not None and kept.exists() and ".damaged-" in kept.name
    with ReviewProject.open(project_file) as p:
        assert p.counts()["accepted"] == 50 and p.counts()["rejected"] == 30
        conn_ok = p._conn.execute("PRAGMA integrity_check").fetchall()
    assert conn_ok == [("ok",)]


def test_damage_without_a_backup_says_so(tmp_path):
    path = tmp_path / "lonely.qdproj"
    with ReviewProject.open(path, keep_backups=0) as p:
        fill(p, 30)
    damage(path, "garbled pages")
    with pytest.raises(ProjectCorruptError, match="no backup") as info:
        ReviewProject.open(path)
    assert info.value.backup is None
    text = tmp_path / "notes.qdproj"
    text.write_text("not a project", encoding="utf-8")
    with pytest.raises(ProjectError, match="not a quote_desk review project"):
        ReviewProject.open(text)


# ----------------------------------------------------------------------------------------------- schema
def test_trusted_schema_is_off(project_file):
    for path, ro in ((":memory:", False), (project_file, False), (project_file, True)):
        with ReviewProject.open(path, read_only=ro) as p:
            assert p._conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TRIGGER spy AFTER UPDATE ON quotes BEGIN INSERT INTO meta VALUES ('spy', new.text); END",
        "CREATE VIEW v AS SELECT * FROM quotes",
        "CREATE TABLE extra (x)",
        "CREATE INDEX quotes_text ON quotes(lower(text))",
        "DROP TRIGGER review_log_no_update; CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log "
        "BEGIN SELECT 1; END",
    ],
)
def test_a_schema_quote_desk_did_not_write_is_refused(project_file, sql):
    conn = sqlite3.connect(project_file)
    conn.executescript(sql)
    conn.close()
    with pytest.raises(ProjectError, match="schema differs") as info:
        ReviewProject.open(project_file)
    assert not isinstance(info.value, ProjectCorruptError)
    conn = sqlite3.connect(project_file)
    assert conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'spy'").fetchone()[0] == 0
    conn.close()


# ----------------------------------------------------------------------------------------------- migrations
def project_at(path: Path, version: int) -> None:
    """A project file at an earlier schema version, with data in it (written the way that version did)."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=version)
    if version >= 1:
        text = ARTICLES["budget"]
        q = FakeExtractor().extract(text, "old")[0]
        conn.execute("INSERT INTO articles (doc, title, source, text, text_hash, imported_at) "
                     "VALUES ('old', 't', NULL, ?, 'h', '2026-01-01T00:00:00+00:00')", (text,))  # fmt: skip
        rec = q.to_dict()
        cols = [c for c in rec if c != "doc"]
        conn.execute(
            f"INSERT INTO quotes (article_id, qkey, seq, extracted, {', '.join(repr(c) for c in cols)}, status) "
            f"VALUES (1, 'k', 0, ?, {', '.join('?' for _ in cols)}, 'accepted')",
            (json.dumps(rec, ensure_ascii=False), *(rec[c] for c in cols)),
        )
        conn.execute("INSERT INTO review_log (quote_id, action, at) VALUES (1, 'accepted', '2026-01-01')")
    conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_migration_from_every_earlier_version(tmp_path, version):
    path = tmp_path / f"v{version}.qdproj"
    project_at(path, version)
    with ReviewProject.open(path) as p:
        assert p._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert p._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if version >= 1:
            (row,) = p.rows()
            assert row.status == "accepted" and row.quote.doc == "old"
            p.decide(row.id, "rejected")
            assert len(p.log(row.id)) == 2
        else:
            fill(p)
            assert p.rows()
    # and the upgraded file has exactly the schema a new project has
    conn = sqlite3.connect(path)
    from quote_desk.store.safety import schema_of

    assert schema_of(conn) == expected_schema(SCHEMA_VERSION)
    conn.close()


def test_frozen_version_1_file_still_opens(tmp_path):
    """A project written by the first release (kept as SQL in tests/reliability/data), not regenerated from
    today's code: a change to an old migration step would break it."""
    path = tmp_path / "v1.qdproj"
    conn = sqlite3.connect(path)
    conn.executescript((DATA / "project_v1.sql").read_text("utf-8"))
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with ReviewProject.open(path) as p:
        rows = p.rows()
        assert [r.status for r in rows] == ["accepted", "rejected", "pending"]
        assert rows[0].quote.text == "الميزانية الجديدة ستدعم المدارس والمستشفيات في كل المحافظات"
        assert p.log(rows[0].id)[0].action == "accepted"


def test_a_newer_project_is_refused_untouched(tmp_path):
    path = tmp_path / "future.qdproj"
    with ReviewProject.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectVersionError, match="newer"):
        ReviewProject.open(path)
    assert path.read_bytes() == before


# ----------------------------------------------------------------------------------------------- command line
def qd(*args: object, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", QUOTE_DESK_CONFIG_DIR=str(tmp / "cfg"),
               QUOTE_DESK_DATA_DIR=str(tmp / "data"), QUOTE_DESK_HOME=str(tmp / "home"))  # fmt: skip
    return subprocess.run([sys.executable, "-m", "quote_desk", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)  # fmt: skip


def test_command_line_names_the_backup_and_restores_it(project_file, tmp_path):
    damage(project_file, "truncated")
    out = qd("export", project_file, "-o", tmp_path / "q.csv", tmp=tmp_path)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    (line,) = out.stderr.strip().splitlines()
    assert "is damaged" in line and "--restore-backup" in line
    out = qd("desk", project_file, "--restore-backup", "--quit-after", "0", tmp=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "restored the latest backup" in out.stderr
    out = qd("export", project_file, "-o", tmp_path / "q.csv", tmp=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "exported 50 quote(s)" in out.stderr
