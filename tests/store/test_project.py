from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from quote_desk.errors import InputError, QuoteDeskError
from quote_desk.store import SCHEMA_VERSION, ProjectError, ProjectVersionError, ReviewProject
from quote_desk.store.migrations import MIGRATIONS, migrate, user_version
from tests.store.desk_data import ARTICLES, FakeExtractor


@pytest.fixture
def project():
    p = ReviewProject.open(":memory:", reviewer="editor1")
    ex = FakeExtractor()
    for doc, text in ARTICLES.items():
        p.import_article(doc, text, ex.extract(text, doc), title=doc)
    yield p
    p.close()


def test_import_counts_and_order(project):
    rows = project.rows()
    assert len(rows) == sum(len(FakeExtractor().extract(t, d)) for d, t in ARTICLES.items())
    for r in rows:
        r.quote.check(project.article_text(r.article_id))
    docs = [r.quote.doc for r in rows]
    assert docs == sorted(docs, key=list(ARTICLES).index)
    assert project.counts() == {"pending": len(rows), "accepted": 0, "rejected": 0, "edited": 0}


def test_reimport_never_duplicates_nor_resets(project):
    first = project.rows()[0]
    project.decide(first.id, "accepted")
    text = ARTICLES["budget"]
    res = project.import_article("budget", text, FakeExtractor().extract(text, "budget"))
    assert res.added == 0 and res.kept == 3 and not res.new_article
    assert len(project.rows()) == 5
    assert project.get(first.id).status == "accepted"


def test_reimport_adds_only_new_quotes(project):
    text = ARTICLES["budget"]
    quotes = FakeExtractor().extract(text, "budget")
    extra = replace(quotes[0], start=quotes[0].start + 4, text=text[quotes[0].start + 4 : quotes[0].end])
    res = project.import_article("budget", text, [*quotes, extra])
    assert (res.added, res.kept) == (1, 3)


def test_changed_text_is_refused_and_nothing_lost(project):
    before = project.rows()
    with pytest.raises(InputError, match="different text"):
        project.import_article("budget", ARTICLES["budget"] + "x", [])
    assert project.rows() == before


def test_bad_span_refused():
    p = ReviewProject.open(":memory:")
    q = FakeExtractor().extract(ARTICLES["water"], "water")[0]
    with pytest.raises(InputError, match="does not match"):
        p.import_article("water", ARTICLES["water"], [replace(q, end=q.end + 1)])
    assert p.rows() == [] and p.articles() == []


def test_decisions_logged_with_reviewer(project):
    r = project.rows()[1]
    out = project.decide(r.id, "rejected", time_on_item_ms=1234)
    assert out.status == "rejected" and out.reviewer == "editor1" and out.reviewed_at
    (entry,) = project.log(r.id)
    assert entry.action == "rejected" and entry.before["status"] == "pending"
    assert entry.after["status"] == "rejected" and entry.time_on_item_ms == 1234
    with pytest.raises(InputError):
        project.decide(r.id, "maybe")


def test_log_is_append_only(project):
    r = project.rows()[0]
    project.decide(r.id, "accepted")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        project._conn.execute("DELETE FROM review_log")


def test_edit_speaker_marks_edited_and_accept_keeps_edited(project):
    r = project.rows()[0]
    e = project.edit(r.id, speaker_canonical="خالد العمري", speaker_id="Q1", speaker_en="Khaled al-Omari")
    assert e.status == "edited" and e.quote.speaker_canonical == "خالد العمري"
    assert project.decide(r.id, "accepted").status == "edited"
    assert project.extracted(r.id) == r.quote


def test_edit_span_recomputes_text_and_validates(project):
    r = project.rows()[0]
    e = project.edit(r.id, start=r.quote.start + 1)
    assert e.quote.text == r.quote.text[1:]
    with pytest.raises(InputError):
        project.edit(r.id, start=r.quote.end)  # empty span
    with pytest.raises(InputError):
        project.edit(r.id, kind="sarcastic")
    with pytest.raises(InputError, match="cannot be edited"):
        project.edit(r.id, confidence=1.0)
    assert project.get(r.id).quote == e.quote


def test_restore_undoes_in_store(project):
    rows = project.rows()
    before = [(r.id, r.state) for r in rows[:3]]
    project.decide_many([r.id for r in rows[:3]], "accepted")
    assert project.counts()["accepted"] == 3
    project.restore(before, action="undo")
    assert project.counts()["accepted"] == 0
    assert [e.action for e in project.log(rows[0].id)] == ["accepted", "undo"]


def test_bulk_is_one_transaction(project):
    rows = project.rows()
    with pytest.raises(ProjectError):
        project.decide_many([rows[0].id, 999999], "accepted")
    assert project.get(rows[0].id).status == "pending"


def test_speakers_and_articles(project):
    names = [s[0] for s in project.speakers()]
    assert "العمري" in names and "النجار" in names
    assert [a.doc for a in project.articles()] == list(ARTICLES)


def test_persistence_across_reopen(tmp_path):
    path = tmp_path / "p.qdproj"
    with ReviewProject.open(path, reviewer="a") as p:
        p.import_article("water", ARTICLES["water"], FakeExtractor().extract(ARTICLES["water"], "water"))
        qid = p.rows()[0].id
        p.decide(qid, "accepted")
    with ReviewProject.open(path) as p:
        assert p.get(qid).status == "accepted" and p.get(qid).reviewer == "a"
        assert p._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_open_errors(tmp_path):
    with pytest.raises(ProjectError, match="folder"):
        ReviewProject.open(tmp_path)
    with pytest.raises(ProjectError, match="no review project"):
        ReviewProject.open(tmp_path / "none.qdproj", create=False)
    junk = tmp_path / "junk.qdproj"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ProjectError, match="not a quote_desk review project"):
        ReviewProject.open(junk)
    assert issubclass(ProjectError, QuoteDeskError)


def test_migrations_step_by_step_and_newer_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.sqlite", isolation_level=None)
    assert migrate(conn, target=1) == 1 and user_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='meta'").fetchone() is None
    assert migrate(conn) == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='meta'").fetchone() is not None
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(ProjectVersionError, match="newer"):
        migrate(conn)


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    import quote_desk.store.migrations as m

    def boom(conn):
        conn.execute("CREATE TABLE half (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(m, "MIGRATIONS", (m.MIGRATIONS[0], boom))
    conn = sqlite3.connect(tmp_path / "m.sqlite", isolation_level=None)
    with pytest.raises(RuntimeError):
        m.migrate(conn, target=2)
    assert user_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='half'").fetchone() is None


def test_unwritable_location_gets_a_clear_message(tmp_path):
    import os

    if os.geteuid() == 0:
        # root ignores permissions; a path under a regular file cannot be created by anyone
        target = tmp_path / "file.txt"
        target.write_text("x")
        with pytest.raises(ProjectError, match="cannot open"):
            ReviewProject.open(target / "p.qdproj")
        with pytest.raises(ProjectError, match="cannot create the folder"):
            ReviewProject.open(target / "sub" / "p.qdproj")
        return
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(ProjectError, match="cannot open"):
            ReviewProject.open(ro / "p.qdproj")
    finally:
        ro.chmod(0o700)
