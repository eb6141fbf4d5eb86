"""SIGKILL a project writer at random points, many times: afterwards the file passes PRAGMA integrity_check and
every acknowledged decision is there (the one write in flight is either fully there or not at all)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quote_desk.store import ReviewProject
from tests.store.desk_data import ARTICLES, FakeExtractor

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("project_writer.py")
KILLS = int(os.environ.get("QUOTE_DESK_KILLS", "30"))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")


def make_project(path: Path) -> None:
    ex = FakeExtractor()
    with ReviewProject.open(path, keep_backups=2) as p:
        for i in range(30):
            for doc, text in ARTICLES.items():
                p.import_article(f"{doc}-{i}", text, ex.extract(text, f"{doc}-{i}"))


def run_and_kill(path: Path, seed: int, rng: random.Random) -> tuple[dict[int, str], dict[str, str] | None, int]:
    """Start a writer, let it acknowledge some writes, SIGKILL it at a random moment.
    Returns (last acknowledged status per quote, the write in flight, number of acknowledged writes)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with subprocess.Popen([sys.executable, str(WRITER), str(path), str(seed)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT) as proc:  # fmt: skip
        return _drive(proc, rng)


def _drive(proc: subprocess.Popen, rng: random.Random) -> tuple[dict[int, str], dict[str, str] | None, int]:
    assert proc.stdout is not None and proc.stderr is not None
    target = rng.randint(0, 60)
    acked: dict[int, str] = {}
    pending: dict[str, str] | None = None
    n_acks = 0

    def take(line: str) -> None:
        nonlocal pending, n_acks
        parts = line.split()
        if len(parts) == 5 and parts[0] == "try":
            pending = {"n": parts[1], "op": parts[2], "what": parts[3], "status": parts[4]}
        elif len(parts) == 2 and parts[0] == "ack" and pending and parts[1] == pending["n"]:
            n_acks += 1
            if pending["op"] in ("decide", "many", "edit"):
                for q in pending["what"].split(","):
                    acked[int(q)] = pending["status"]
            pending = None

    try:
        while n_acks < target:
            line = proc.stdout.readline()
            if not line:
                break
            take(line)
        time.sleep(rng.random() * 0.02)  # land anywhere: inside a transaction, a commit, a backup
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    for line in proc.stdout.read().splitlines():  # what it printed before it died is acknowledged too
        take(line)
    err = proc.stderr.read()
    assert proc.returncode == -signal.SIGKILL, err
    return acked, pending, n_acks


def test_sigkill_at_random_points_loses_no_acknowledged_decision(tmp_path):
    path = tmp_path / "crash.qdproj"
    make_project(path)
    rng = random.Random(2026)
    expected: dict[int, str] = {}
    total_acks = 0
    for round_ in range(KILLS):
        acked, in_flight, n = run_and_kill(path, seed=round_, rng=rng)
        total_acks += n
        expected.update(acked)
        # a fresh connection, as the next desk would open it: the file is sound
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.close()
        with ReviewProject.open(path) as p:  # the killed writer's lock is gone with it
            rows = p.rows()
            status = {r.id: r.status for r in rows}
            # accepting an edited quote keeps it "edited" (store rule): which quotes carry an edit now
            extracted = p._extracted_many([r.id for r in rows])
            edited = {r.id for r in rows if r.quote != extracted[r.id]}
            flight = set()
            if in_flight and in_flight["op"] in ("decide", "many", "edit"):
                flight = {int(q) for q in in_flight["what"].split(",")}
            for qid, want in expected.items():
                if want == "accepted" and qid in edited:
                    want = "edited"
                if qid in flight:  # committed or not: never half
                    assert status[qid] in (want, in_flight["status"], "edited"), (round_, qid)
                else:
                    assert status[qid] == want, (round_, qid, status[qid], want)
            if flight:  # whatever the in-flight write left is now the truth for the next round
                for qid in flight:
                    expected[qid] = status[qid]
            # every quote that now carries a decision has at least one log row (a write that the kill rolled
            # back leaves its quote pending and, rightly, no log row)
            logged = {e.quote_id for e in p.log()}
            decided = {qid for qid, st in expected.items() if st != "pending"}
            assert decided <= logged, sorted(decided - logged)[:5]
    print(f"\n{KILLS} SIGKILLs, {total_acks} acknowledged writes, {len(expected)} quotes checked after each")
    assert total_acks > KILLS  # the writers did work between kills
    assert len(expected) > 50
