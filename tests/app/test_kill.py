"""A desk killed with SIGKILL in the middle of triage loses no decision it had made."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from quote_desk.store import ReviewProject
from tests.store.desk_data import ARTICLES, FakeExtractor

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_loses_no_committed_decision(tmp_path):
    project = tmp_path / "killed.qdproj"
    with ReviewProject.open(project) as p:
        ex = FakeExtractor()
        for i in range(60):
            for doc, text in ARTICLES.items():
                p.import_article(f"{doc}-{i}", text, ex.extract(text, f"{doc}-{i}"))
        total = len(p.rows())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               QUOTE_DESK_CONFIG_DIR=str(tmp_path / "cfg"), QUOTE_DESK_DATA_DIR=str(tmp_path / "data"))  # fmt: skip
    decided: dict[int, str] = {}
    with subprocess.Popen([sys.executable, str(Path(__file__).with_name("killed_desk_driver.py")), str(project)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT) as proc:  # fmt: skip
        assert proc.stdout is not None and proc.stderr is not None
        try:
            for line in proc.stdout:
                parts = line.split()
                if len(parts) == 2 and parts[0].isdigit():
                    decided[int(parts[0])] = parts[1]
                if len(decided) >= 25:
                    break
        finally:
            os.kill(proc.pid, signal.SIGKILL)  # in the middle of triage: the timer keeps pressing keys
            proc.wait(timeout=30)
        err = proc.stderr.read()
    assert proc.returncode == -signal.SIGKILL, err
    assert len(decided) >= 25, err
    with ReviewProject.open(project, create=False) as p:
        for qid, status in decided.items():
            assert p.get(qid).status == status
        counts = p.counts()
        # Every decision printed is there; a few more may have been committed after the last line was read.
        assert counts["accepted"] + counts["rejected"] >= len(decided)
        assert sum(counts.values()) == total
        assert p._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
